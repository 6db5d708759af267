//! The lesson commands of the sandbox's prompt (REPL and scripted files alike): `lessons`,
//! `lesson ID [--lang L]`, `lesson --path DIR`, `lesson` (the current step again),
//! `lesson stop`, and while a lesson is played `hint`, `solution`, `check`, `next`/`skip`.
//! The host owns the [`Player`], starts each lesson on a fresh cluster, and saves progress
//! after every step when it was given a place to keep it (the REPL; scripts keep none).

use super::catalog;
use super::load::load;
use super::player::Player;
use super::progress::Progress;
use super::ui::{say, Phrase};
use crate::cluster::{Cluster, ClusterConfig};
use crate::kubectl::session::Session;
use crate::sandbox::lang::Lang;
use std::path::PathBuf;

/// The lesson side of a sandbox.
pub struct LessonHost {
    pub player: Option<Player>,
    /// The seed a lesson's fresh cluster starts from.
    seed: u64,
    /// The language when `--lang` is not given.
    pub default_lang: Lang,
    /// Where progress is saved; None: not kept.
    progress_path: Option<PathBuf>,
    progress: Option<Progress>,
    /// What the last lesson command changed, for the sandbox's journal (the runner
    /// takes it).
    pub changed: Option<Change>,
    /// The width `lessons` lays its table out for: None on a terminal (its width), else
    /// [`catalog::STABLE_WIDTH`] so scripts print the same bytes everywhere.
    pub table_width: Option<u16>,
}

/// A lesson command that changed the sandbox or the lesson's place, as the journal keeps
/// it ([`crate::sandbox::journal::EntryKind::Lesson`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A lesson started on a fresh cluster: the line that starts it again
    /// (`lesson 004-nginx-web --lang en`) and the files it put in the workspace.
    Started {
        line: String,
        files: std::collections::BTreeMap<String, String>,
    },
    /// `next`, `skip` or a `check` that passed: the lesson moved to another step.
    Moved { line: String },
}

impl LessonHost {
    pub fn new(seed: u64, default_lang: Lang, progress_path: Option<PathBuf>) -> LessonHost {
        LessonHost {
            player: None,
            seed,
            default_lang,
            progress_path,
            progress: None,
            changed: None,
            table_width: Some(catalog::STABLE_WIDTH),
        }
    }

    /// For a restored sandbox: which lesson and step the learner is back in.
    pub fn resumed_note(&self) -> Option<String> {
        let p = self.player.as_ref()?;
        let total = p.lesson.spec.steps.len();
        Some(if p.finished() {
            format!(
                "kubetutor: lesson {} is complete (`lessons` lists the others)\n",
                p.lesson.id()
            )
        } else {
            format!(
                "kubetutor: you are back in lesson {}, step {}/{total}; `lesson` shows the step\n",
                p.lesson.id(),
                p.step + 1
            )
        })
    }

    /// Where progress is saved (None: not kept).
    pub fn progress_path(&self) -> Option<&PathBuf> {
        self.progress_path.as_ref()
    }

    /// Keep progress in `path` from now on (the REPL's data folder).
    pub fn set_progress_path(&mut self, path: Option<PathBuf>) {
        if path != self.progress_path {
            self.progress_path = path;
            self.progress = None;
        }
    }

    /// The language the tutor speaks now: the lesson's while one is played. The tutor's
    /// error explanations (`tutor:` lines) take it from here.
    pub fn language(&self) -> Lang {
        self.player
            .as_ref()
            .map(|p| p.lang)
            .unwrap_or(self.default_lang)
    }

    /// A line typed at the learner's own prompt: Some(text to show) when it was a lesson
    /// command (the shell does not see it), None otherwise.
    pub fn command(&mut self, line: &str, session: &mut Session) -> Option<String> {
        // Quoted words stay whole (`lesson --path 'my lessons/intro'`).
        let owned = crate::tutor::cmdline::split_words(line);
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let first = *words.first()?;
        let playing = self.player.is_some();
        match (first, words.len()) {
            ("lessons", 1) => Some(self.list()),
            ("lesson", _) => Some(self.lesson(&words[1..], session)),
            ("hint" | "solution" | "check" | "next" | "skip", 1) if playing => {
                let p = self.player.as_mut()?;
                let step = p.step;
                let text = match first {
                    "hint" => p.hint(),
                    "solution" => p.solution(),
                    "check" => p.check(session),
                    _ => p.skip(),
                };
                if p.step != step {
                    self.changed = Some(Change::Moved { line: first.into() });
                }
                Some(self.saved(text))
            }
            _ => None,
        }
    }

    /// After a command ran (`output`: what it printed): the text to show when it made the
    /// current step pass.
    pub fn after_command(
        &mut self,
        output: &str,
        status: i32,
        session: &Session,
    ) -> Option<String> {
        let text = self.player.as_mut()?.on_command(output, status, session)?;
        Some(self.saved(text))
    }

    fn progress(&mut self) -> (&mut Progress, Option<String>) {
        let mut message = None;
        if self.progress.is_none() {
            let p = match &self.progress_path {
                Some(path) => {
                    let (p, m) = Progress::load(path);
                    message = m;
                    p
                }
                None => Progress::new(),
            };
            self.progress = Some(p);
        }
        (self.progress.get_or_insert_with(Progress::new), message)
    }

    /// Save the steps that just ended; `text` gets a line if saving failed.
    fn saved(&mut self, mut text: String) -> String {
        let Some(p) = self.player.as_mut() else {
            return text;
        };
        let results = p.drain_results();
        if results.is_empty() {
            return text;
        }
        let (id, lang) = (p.lesson.id().to_string(), p.lang.code());
        let path = self.progress_path.clone();
        let (progress, message) = self.progress();
        for (step, r) in results {
            progress.record(&id, &step, r, lang);
        }
        if let Some(m) = message {
            text.push_str(&format!("{m}\n"));
        }
        if let Some(path) = path {
            if let Err(e) = progress.save(&path) {
                text.push_str(&format!(
                    "kubetutor: could not save progress to {}: {e}\n",
                    path.display()
                ));
            }
        }
        text
    }

    fn list(&mut self) -> String {
        let (lessons, bad) = catalog::shipped();
        let lang = self.language();
        let width = self.table_width;
        let (progress, message) = self.progress();
        let mut s = message.map(|m| format!("{m}\n")).unwrap_or_default();
        s.push_str(&catalog::table(&lessons, progress, lang, width));
        for d in bad {
            s.push_str(&d.to_string());
        }
        s
    }

    fn lesson(&mut self, args: &[&str], session: &mut Session) -> String {
        let lang_now = self.language();
        match args {
            [] => match &self.player {
                Some(p) => p.step_text(),
                None => usage(),
            },
            ["stop"] => match self.player.take() {
                Some(p) => format!("{}\n", say(p.lang, Phrase::Stopped)),
                None => format!("{}\n", say(lang_now, Phrase::Stopped)),
            },
            _ => match self.start(args, session) {
                Ok(text) => self.saved(text),
                Err(e) => format!("lesson: {e}\n"),
            },
        }
    }

    /// `lesson ID|--path DIR [--lang L]`: a fresh cluster and the lesson's first step.
    fn start(&mut self, args: &[&str], session: &mut Session) -> Result<String, String> {
        let mut id = None;
        let mut path = None;
        let mut lang = self.default_lang;
        let mut i = 0;
        while i < args.len() {
            let a = args[i];
            let (flag, inline) = match a.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
                _ => (a, None),
            };
            let mut value = || {
                inline.clone().or_else(|| {
                    i += 1;
                    args.get(i).map(|s| s.to_string())
                })
            };
            match flag {
                "--lang" => {
                    let v = value().ok_or("--lang needs a language (en, vi, es)")?;
                    lang = Lang::parse(&v)
                        .ok_or_else(|| format!("unknown language {v:?} (en, vi, es)"))?;
                }
                "--path" => path = Some(value().ok_or("--path needs a lesson folder")?),
                f if f.starts_with('-') => return Err(format!("unknown option {f}")),
                _ if id.is_none() => id = Some(a.to_string()),
                _ => return Err(format!("unexpected {a:?}\n{}", usage().trim_end())),
            }
            i += 1;
        }
        let lesson = match (&id, &path) {
            (None, Some(p)) => load(&PathBuf::from(p)).map_err(|d| format!("\n{d}"))?,
            (Some(id), None) => {
                let (lessons, _) = catalog::shipped();
                catalog::find(&lessons, id)?.clone()
            }
            _ => return Err(usage().trim_end().to_string()),
        };
        let mut note = String::new();
        let played = lesson.language_for(lang);
        if played != lang {
            note = format!("(this lesson is not written in {lang}; playing it in {played})\n");
        }
        let line = match &path {
            Some(p) => format!(
                "lesson --path {} --lang {played}",
                crate::tutor::cmdline::quote_word(
                    &std::path::absolute(p)
                        .unwrap_or_else(|_| PathBuf::from(p))
                        .display()
                        .to_string()
                )
            ),
            None => format!("lesson {} --lang {played}", lesson.id()),
        };
        let player = Player::new(lesson, lang);
        fresh_sandbox(session, self.seed);
        player.prepare(session);
        self.changed = Some(Change::Started {
            line,
            files: session.workspace.files.clone(),
        });
        let text = format!("{note}{}", player.intro());
        self.player = Some(player);
        Ok(text)
    }
}

/// A lesson starts from a fresh cluster, as a scripted file does.
pub fn fresh_sandbox(session: &mut Session, seed: u64) {
    session.cluster = Cluster::new(&ClusterConfig {
        seed,
        ..Default::default()
    });
    session.namespace = "default".into();
    session.attached = None;
    session.workspace.files.clear();
}

fn usage() -> String {
    "usage: lesson ID [--lang en|vi|es] | lesson --path DIR [--lang L] | lesson stop; `lessons` lists them\n".into()
}
