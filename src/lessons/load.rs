//! Reading a lesson folder: `lesson.yaml` parsed with serde (serde_yaml_ng), then checked
//! the way `kubetutor lesson check` reports to authors: every problem with the line it is
//! on (unknown keys, a text missing a language, goals that name nothing, files that do
//! not exist, commands that do not parse). A lesson that has any problem is not played.

use super::locate::LineIndex;
use super::model::{Goal, LessonFile, Localized, SelectionGoal, FORMAT};
use crate::api::labels::Selector;
use crate::api::Kind;
use crate::kubectl::workspace::MAX_FILE_BYTES;
use crate::sandbox::lang::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The file a lesson folder holds.
pub const LESSON_FILE: &str = "lesson.yaml";

/// The largest lesson file read.
const MAX_LESSON_BYTES: u64 = 1024 * 1024;

/// A lesson ready to play: the file's model, its folder and the contents of its files.
#[derive(Clone, Debug)]
pub struct Lesson {
    /// The lesson's folder (for a lesson built into the binary, its path in the source
    /// tree, `lessons/000-postgres`, which names it in messages but is not read).
    pub dir: PathBuf,
    /// Built into the binary rather than read from a folder.
    pub embedded: bool,
    pub spec: LessonFile,
    pub languages: Vec<Lang>,
    /// The files the learner can use, by the name they have in the sandbox.
    pub files: BTreeMap<String, String>,
    /// Each step's id (its `id`, or `step-N`).
    pub step_ids: Vec<String>,
}

impl Lesson {
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// The language to play in: `wanted` when the lesson has it, else English, else the
    /// lesson's first language.
    pub fn language_for(&self, wanted: Lang) -> Lang {
        if self.languages.contains(&wanted) {
            wanted
        } else if self.languages.contains(&Lang::En) {
            Lang::En
        } else {
            self.languages.first().copied().unwrap_or_default()
        }
    }
}

/// One problem in a lesson file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is not in the file (it cannot be read).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

/// Problems found, with a way to print them one per line.
#[derive(Clone, Debug)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Load and check the lesson in `dir` (a folder holding `lesson.yaml`, or the file).
pub fn load(dir: &Path) -> Result<Lesson, Diagnostics> {
    let (dir, file) = if dir.is_file() {
        (
            dir.parent().unwrap_or(Path::new(".")).to_path_buf(),
            dir.to_path_buf(),
        )
    } else {
        (dir.to_path_buf(), dir.join(LESSON_FILE))
    };
    let fail = |line: usize, message: String| {
        Diagnostics(vec![Diagnostic {
            file: file.clone(),
            line,
            message,
        }])
    };
    let size = std::fs::metadata(&file)
        .map_err(|e| fail(0, format!("cannot read the lesson file: {e}")))?
        .len();
    if size > MAX_LESSON_BYTES {
        return Err(fail(
            0,
            format!("the lesson file is {size} bytes; the limit is {MAX_LESSON_BYTES}"),
        ));
    }
    let text = std::fs::read_to_string(&file)
        .map_err(|e| fail(0, format!("cannot read the lesson file: {e}")))?;
    parse(&text, &dir, &file)
}

/// Parse and check a lesson file's text; `dir` is where its files are looked up and
/// `file` names it in messages.
pub fn parse(text: &str, dir: &Path, file: &Path) -> Result<Lesson, Diagnostics> {
    parse_with(text, dir, file, &|rel| read_host_file(&dir.join(rel), rel))
}

/// What reading one of a lesson's files gave: its text, or the author's message.
pub type FileRead = Result<String, String>;

/// A lesson file (`rel`, as the lesson names it) from disk, within the size limit.
fn read_host_file(host: &Path, rel: &str) -> FileRead {
    match std::fs::metadata(host) {
        Ok(m) if m.is_file() && m.len() <= MAX_FILE_BYTES => {
            std::fs::read_to_string(host).map_err(|e| format!("cannot read {rel}: {e}"))
        }
        Ok(m) if m.is_file() => Err(format!(
            "{rel} is {} bytes; the limit is {MAX_FILE_BYTES}",
            m.len()
        )),
        Ok(_) => Err(format!("{rel} is not a file")),
        Err(_) => Err(not_found(rel)),
    }
}

/// The message for a lesson file that is not there.
pub fn not_found(rel: &str) -> String {
    format!("{rel} does not exist (paths are relative to the lesson folder)")
}

/// [`parse`] with the lesson's files read by `read` (given the path the lesson names,
/// relative to its folder): from disk, or from the lessons built into the binary.
pub fn parse_with(
    text: &str,
    dir: &Path,
    file: &Path,
    read: &dyn Fn(&str) -> FileRead,
) -> Result<Lesson, Diagnostics> {
    let spec: LessonFile = serde_yaml_ng::from_str(text).map_err(|e| {
        let line = e.location().map(|l| l.line()).unwrap_or(1);
        Diagnostics(vec![Diagnostic {
            file: file.to_path_buf(),
            line,
            message: serde_message(&e),
        }])
    })?;
    let mut c = Checker {
        index: LineIndex::new(text),
        file: file.to_path_buf(),
        found: Vec::new(),
    };
    let languages = c.languages(&spec);
    let files = c.files(&spec, read);
    c.steps(&spec, &languages, &files);
    if !c.found.is_empty() {
        c.found.sort_by_key(|d| d.line);
        return Err(Diagnostics(c.found));
    }
    let step_ids = spec
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| s.id.clone().unwrap_or_else(|| format!("step-{}", i + 1)))
        .collect();
    Ok(Lesson {
        dir: dir.to_path_buf(),
        embedded: false,
        spec,
        languages,
        files,
        step_ids,
    })
}

/// serde's message without its ` at line N column M` tail (the line is shown apart).
fn serde_message(e: &serde_yaml_ng::Error) -> String {
    let m = e.to_string();
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m,
    }
}

struct Checker {
    index: LineIndex,
    file: PathBuf,
    found: Vec<Diagnostic>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        let line = self.index.line(path);
        self.found.push(Diagnostic {
            file: self.file.clone(),
            line,
            message: message.into(),
        });
    }

    fn languages(&mut self, spec: &LessonFile) -> Vec<Lang> {
        if spec.format != FORMAT {
            self.problem(
                "format",
                format!(
                    "format {} is not one this kubetutor reads (it reads {FORMAT})",
                    spec.format
                ),
            );
        }
        if spec.id.is_empty()
            || !spec
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.problem(
                "id",
                format!(
                    "id {:?} must be lowercase letters, digits and dashes",
                    spec.id
                ),
            );
        }
        let mut out = Vec::new();
        for (i, code) in spec.languages.iter().enumerate() {
            match Lang::parse(code) {
                Some(l) if out.contains(&l) => self.problem(
                    &format!("languages[{i}]"),
                    format!("{code} is listed twice"),
                ),
                Some(l) => out.push(l),
                None => self.problem(
                    &format!("languages[{i}]"),
                    format!("unknown language {code:?} (kubetutor speaks en, vi, es)"),
                ),
            }
        }
        if spec.languages.is_empty() {
            self.problem("languages", "a lesson needs at least one language");
        }
        self.localized("title", &spec.title, &spec.languages);
        self.localized("summary", &spec.summary, &spec.languages);
        out
    }

    /// Every language of the lesson has a text, and no text is in a language it lacks.
    fn localized(&mut self, path: &str, text: &Localized, languages: &[String]) {
        for l in languages {
            if !text.has(l) {
                self.problem(path, format!("{path} has no {l} text"));
            }
        }
        for l in text.0.keys() {
            if !languages.contains(l) {
                self.problem(
                    &format!("{path}.{l}"),
                    format!("{path} has {l} text, but {l} is not in the lesson's languages"),
                );
            }
        }
    }

    fn files(
        &mut self,
        spec: &LessonFile,
        read: &dyn Fn(&str) -> FileRead,
    ) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (name, rel) in &spec.files {
            let path = format!("files.{name}");
            if name.is_empty() || name.starts_with('/') || name.split('/').any(|p| p == "..") {
                self.problem(
                    &path,
                    format!("file name {name:?} must be a relative path inside the sandbox"),
                );
                continue;
            }
            match read(rel) {
                Ok(t) => {
                    out.insert(name.clone(), t);
                }
                Err(m) => self.problem(&path, m),
            }
        }
        out
    }

    fn steps(&mut self, spec: &LessonFile, _langs: &[Lang], files: &BTreeMap<String, String>) {
        if spec.steps.is_empty() {
            self.problem("steps", "a lesson needs at least one step");
        }
        let mut ids = BTreeSet::new();
        // Files the commands create (`cat <<EOF > name`) count as existing for later steps.
        let mut written: BTreeSet<String> = BTreeSet::new();
        for (i, step) in spec.steps.iter().enumerate() {
            let at = format!("steps[{i}]");
            if let Some(id) = &step.id {
                if !ids.insert(id.clone()) {
                    self.problem(&format!("{at}.id"), format!("step id {id:?} is used twice"));
                }
            }
            self.localized(&format!("{at}.title"), &step.title, &spec.languages);
            self.localized(&format!("{at}.text"), &step.text, &spec.languages);
            for (h, hint) in step.hints.iter().enumerate() {
                self.localized(&format!("{at}.hints[{h}]"), hint, &spec.languages);
            }
            if let Some(done) = &step.done {
                self.localized(&format!("{at}.done"), done, &spec.languages);
            }
            if let Some(show) = &step.show {
                if !spec.files.contains_key(show) {
                    self.problem(
                        &format!("{at}.show"),
                        format!("show names {show:?}, which is not in files"),
                    );
                }
            }
            if step.commands.is_empty() && step.solution.is_empty() {
                self.problem(
                    &at,
                    "a step needs commands to type, or (in a challenge) a solution",
                );
            }
            if !step.commands.is_empty() && spec.challenge {
                self.problem(
                    &format!("{at}.commands"),
                    "a challenge gives no commands: put them in solution",
                );
            }
            for (field, list) in [("commands", &step.commands), ("solution", &step.solution)] {
                for (j, cmd) in list.iter().enumerate() {
                    let path = format!("{at}.{field}[{j}]");
                    if let Err(m) = super::commands::check(cmd, files, &written) {
                        self.problem(&path, m);
                    }
                    written.extend(super::commands::written_files(cmd));
                }
            }
            self.goal(&format!("{at}.goal"), &step.goal);
        }
    }

    fn goal(&mut self, at: &str, goal: &Goal) {
        const POD_PHASES: &[&str] = &["Pending", "Running", "Succeeded", "Failed", "Unknown"];
        const CLAIM_PHASES: &[&str] = &["Pending", "Bound", "Lost"];
        match goal {
            Goal::Pods(p) | Goal::Pod(p) => {
                let key = if matches!(goal, Goal::Pod(_)) {
                    "pod"
                } else {
                    "pods"
                };
                self.selection(&format!("{at}.{key}"), key, "pod", p, POD_PHASES);
            }
            Goal::Claims(p) | Goal::Claim(p) => {
                let key = if matches!(goal, Goal::Claim(_)) {
                    "claim"
                } else {
                    "claims"
                };
                self.selection(&format!("{at}.{key}"), key, "claim", p, CLAIM_PHASES);
                if p.ready.is_some() {
                    self.problem(
                        &format!("{at}.{key}.ready"),
                        "ready is for pods; a claim has a phase (Pending, Bound, Lost)",
                    );
                }
            }
            Goal::Object(o) => {
                let path = format!("{at}.object");
                if Kind::resolve(&o.kind).is_none() {
                    self.problem(
                        &path,
                        format!("kind {:?} is not one the sandbox serves", o.kind),
                    );
                }
                if o.name.is_empty() {
                    self.problem(&path, "object goal names no object");
                }
                for f in o.fields.keys() {
                    if super::goals::field_path(f).is_none() {
                        self.problem(&format!("{path}.fields"), format!("field path {f:?} is not like spec.template.spec.containers[0].image"));
                    }
                }
            }
            Goal::OutputContains(t) | Goal::LastOutputContains(t) => {
                if t.is_empty() {
                    self.problem(at, "an output goal needs the text to look for");
                }
            }
            Goal::LastCommandFailed(_) => {}
            Goal::FileInPod(f) => {
                let path = format!("{at}.file_in_pod");
                if f.pod.is_empty() || !f.path.starts_with('/') {
                    self.problem(&path, "file_in_pod needs a pod and an absolute path");
                }
            }
            Goal::AllOf(list) | Goal::AnyOf(list) => {
                let key = if matches!(goal, Goal::AllOf(_)) {
                    "all_of"
                } else {
                    "any_of"
                };
                if list.is_empty() {
                    self.problem(&format!("{at}.{key}"), format!("{key} lists no goal"));
                }
                for (i, g) in list.iter().enumerate() {
                    self.goal(&format!("{at}.{key}[{i}]"), g);
                }
            }
            Goal::Not(g) => self.goal(&format!("{at}.not"), g),
        }
    }

    /// A `pods`/`claims` goal (`key`, about objects called `what`): it names something,
    /// its selector parses, its phase is one of `phases`.
    fn selection(
        &mut self,
        path: &str,
        key: &str,
        what: &str,
        goal: &SelectionGoal,
        phases: &[&str],
    ) {
        if goal.all_names().is_empty() && goal.selector.is_none() {
            self.problem(
                path,
                format!("{key} goal names no {what}: give name, names or selector"),
            );
        }
        if let Some(s) = &goal.selector {
            if let Err(e) = Selector::parse(s) {
                self.problem(path, format!("selector {s:?}: {e}"));
            }
        }
        if let Some(ph) = &goal.phase {
            if !phases.contains(&ph.as_str()) {
                self.problem(
                    path,
                    format!("phase {ph:?} is not a {what} phase ({})", phases.join(", ")),
                );
            }
        }
    }
}
