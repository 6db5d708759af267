//! The interactive sandbox: a shell-like prompt over one session, with a line editor that
//! knows kubectl. The parts: [`clock`] (cluster
//! time follows wall time, scaled; Ctrl-C handling), [`complete`] (Tab completion as a
//! pure function), [`helper`] (rustyline's completion, hints and multi-line validation),
//! [`commands`] (the prompt's own commands), [`help`] (the welcome and `help`).
//!
//! A line goes: the attached pod shell if one is open, else a REPL command
//! ([`commands::COMMANDS`]) if it names one, else the sandbox's shell (kubectl and the
//! rest, as in scripts). Before each command the cluster catches up with the wall clock.

pub mod clock;
pub mod commands;
pub mod complete;
pub mod help;
pub mod helper;
#[cfg(test)]
mod tests;

use crate::kubectl::output::{Sink, Terminal};
use crate::sandbox::home;
use crate::sandbox::journal::EntryKind;
use crate::sandbox::lang::Lang;
use crate::sandbox::saved::SavedSandbox;
use crate::script::lexer;
use crate::script::record::Recorder;
use crate::script::runner::{RunOptions, Runner};
use anyhow::Result;
use clock::{Interrupt, WallClock};
use commands::{Ctx, Flow};
use helper::ReplHelper;
use rustyline::config::Configurer;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, EditMode, Editor};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

/// How the REPL starts.
#[derive(Clone, Debug)]
pub struct ReplOptions {
    pub seed: u64,
    /// Cluster seconds per wall-clock second.
    pub speed: f64,
    /// vi key bindings instead of emacs ones.
    pub vi: bool,
    /// Where history is kept; None: no history file.
    pub history: Option<PathBuf>,
    /// The tutor's explanations after failures, and their language.
    pub tutor: bool,
    pub lang: Lang,
    /// Start clean instead of restoring the saved sandbox (kept as the snapshot `previous`).
    pub fresh: bool,
    /// Restore and save the sandbox in the data folder (tests of the editor turn it off).
    pub persist: bool,
    /// A line typed first (`kubetutor lesson ID` starts the REPL with `lesson ID`).
    pub startup: Option<String>,
}

impl Default for ReplOptions {
    fn default() -> Self {
        ReplOptions {
            seed: 1,
            speed: 1.0,
            vi: false,
            history: Some(home::data_dir().join("history")),
            tutor: true,
            lang: Lang::default(),
            fresh: false,
            persist: true,
            startup: None,
        }
    }
}

/// History entries kept in the file.
const HISTORY_SIZE: usize = 5000;

/// One interactive session: the runner (shared with the editor's completion), the wall
/// clock and the editor.
pub struct Repl {
    pub runner: Rc<RefCell<Runner>>,
    pub clock: WallClock,
    pub interrupt: Interrupt,
    /// Where commands write: the terminal (a recorder can wrap it to tee a transcript).
    pub out: Box<dyn Sink>,
    /// `--record FILE`: commands and their output also go to a transcript, and the clock
    /// moves one tick per command instead of with wall time, so `run --check` replays it.
    pub recorder: Option<Recorder>,
    /// The saved sandbox, written after every command (None: not persisted).
    pub saved: Option<SavedSandbox>,
    editor: Editor<ReplHelper, FileHistory>,
    history: Option<PathBuf>,
}

impl Repl {
    /// Build the session and the editor, and load history. Installs the SIGINT handler.
    pub fn new(options: ReplOptions) -> Result<Repl> {
        let run_options = RunOptions {
            seed: options.seed,
            base_dir: std::env::current_dir().unwrap_or_default(),
            tutor: options.tutor,
            lang: options.lang,
            ..Default::default()
        };
        // The saved sandbox (restored, or fresh), saved again after every command.
        let (mut runner, saved) = if options.persist {
            let (runner, saved) = SavedSandbox::open(run_options, options.fresh, &mut Terminal);
            (runner, Some(saved))
        } else {
            (Runner::new(run_options), None)
        };
        runner.tutor.color = crate::tutor::color_on_terminal();
        // Lessons played at the prompt keep their progress in the data folder.
        // The REPL is on a terminal: `lessons` fits its width.
        runner.lessons.table_width = None;
        // (The lesson a restored sandbox was in is kept.)
        if options.persist {
            runner
                .lessons
                .set_progress_path(Some(crate::lessons::progress::progress_path()));
        }
        let runner = Rc::new(RefCell::new(runner));
        let config = Config::builder()
            .max_history_size(HISTORY_SIZE)?
            .history_ignore_dups(true)?
            .history_ignore_space(true)
            .auto_add_history(false)
            .completion_type(CompletionType::List)
            .edit_mode(if options.vi {
                EditMode::Vi
            } else {
                EditMode::Emacs
            })
            .build();
        let mut editor: Editor<ReplHelper, FileHistory> = Editor::with_config(config)?;
        editor.set_helper(Some(ReplHelper::new(runner.clone(), first_words())));
        let history = options.history.filter(|path| {
            let dir_ok = path
                .parent()
                .is_none_or(|d| d.as_os_str().is_empty() || std::fs::create_dir_all(d).is_ok());
            if !dir_ok {
                eprintln!(
                    "kubetutor: cannot create {}; history will not be kept",
                    path.display()
                );
            }
            dir_ok
        });
        if let Some(path) = &history {
            // A missing file is a first start; anything else is reported, not fatal.
            if path.exists() {
                if let Err(e) = editor.load_history(path) {
                    eprintln!("kubetutor: cannot read history {}: {e}", path.display());
                }
            }
        }
        Ok(Repl {
            runner,
            clock: WallClock::new(options.speed),
            interrupt: Interrupt::install(),
            out: Box::new(Terminal),
            recorder: None,
            saved,
            editor,
            history,
        })
    }

    /// The prompt: `kubetutor (NAMESPACE) $ `, or an attached pod shell's own.
    pub fn prompt(&self) -> String {
        let r = self.runner.borrow();
        r.session
            .attached_prompt()
            .unwrap_or_else(|| format!("kubetutor ({}) $ ", r.session.namespace))
    }

    /// Read and run lines until `exit` or Ctrl-D.
    pub fn run(&mut self) -> Result<()> {
        crate::kubectl::output::write_stdout(&help::welcome());
        loop {
            let prompt = self.prompt();
            match self.editor.readline(&prompt) {
                Ok(input) => {
                    if !input.trim().is_empty() {
                        self.remember(&input);
                    }
                    if self.dispatch(&input) == Flow::Exit {
                        break;
                    }
                }
                // Ctrl-C at the prompt clears the line.
                Err(ReadlineError::Interrupted) => continue,
                Err(ReadlineError::Eof) => {
                    let attached = self.runner.borrow().session.attached.is_some();
                    if !attached {
                        crate::kubectl::output::write_stdout("exit\n");
                        break;
                    }
                    // Ctrl-D inside a pod's shell ends that shell, not the sandbox (and is
                    // recorded as the `exit` it stands for, so a transcript replays).
                    if self.recorder.is_some() {
                        self.dispatch("exit");
                        continue;
                    }
                    self.catch_up();
                    self.runner
                        .borrow_mut()
                        .run_entry(EntryKind::Detach, "", &mut *self.out);
                    self.save();
                    self.clock.restart();
                }
                Err(e) => return Err(e.into()),
            }
        }
        if let Some(rec) = self.recorder.as_mut() {
            rec.finish(&mut self.runner.borrow_mut(), &mut *self.out)?;
        }
        Ok(())
    }

    /// The lesson names `lessons <Tab>` completes.
    pub fn set_lessons(&mut self, names: Vec<String>) {
        if let Some(h) = self.editor.helper_mut() {
            h.lessons = names;
        }
    }

    fn remember(&mut self, input: &str) {
        let _ = self.editor.add_history_entry(input);
        if let Some(path) = &self.history {
            if let Err(e) = self.editor.append_history(path) {
                eprintln!("kubetutor: cannot write history {}: {e}", path.display());
                self.history = None;
            }
        }
    }

    /// Write the sandbox to the data folder (when it is persisted).
    fn save(&mut self) {
        if let Some(saved) = self.saved.as_mut() {
            saved.save(&self.runner.borrow(), &mut *self.out);
        }
    }

    /// Let the cluster catch up with the wall clock.
    fn catch_up(&mut self) {
        let ms = self.clock.take();
        self.runner.borrow_mut().session.cluster.advance(ms);
    }

    /// Run what was typed (one or more commands; a paste may hold several). Each command
    /// goes to the attached pod shell, a REPL command, or the sandbox's shell.
    pub fn dispatch(&mut self, input: &str) -> Flow {
        let mut flow = Flow::Continue(0);
        for cmd in lexer::split_commands(input) {
            if let Some(rec) = self.recorder.as_mut() {
                let mut runner = self.runner.borrow_mut();
                if runner.session.attached.is_none() && matches!(cmd.text.trim(), "exit" | "quit") {
                    return Flow::Exit;
                }
                match rec.run(&mut runner, &cmd, &mut *self.out) {
                    Ok(false) => continue,
                    Ok(true) => return Flow::Exit,
                    Err(e) => {
                        self.out
                            .err(&format!("kubetutor: recording stopped: {e}\n"));
                        drop(runner);
                        self.recorder = None;
                        continue;
                    }
                }
            }
            self.catch_up();
            self.interrupt.clear();
            // The runner journals the command (for `undo` and the saved sandbox) ...
            flow = self.run_one(&cmd.text);
            // ... and the sandbox is saved after every command.
            self.save();
            if self.interrupt.is_set() {
                // The terminal echoed ^C; the shell's prompt starts on a line of its own.
                self.out.out("\n");
                self.interrupt.clear();
            }
            self.clock.restart();
            if flow == Flow::Exit {
                break;
            }
        }
        flow
    }

    fn run_one(&mut self, text: &str) -> Flow {
        let mut runner = self.runner.borrow_mut();
        if runner.session.attached.is_some() {
            return Flow::Continue(runner.typed(text, &mut *self.out));
        }
        if let Some((cmd, args)) = commands::lookup(text) {
            let mut ctx = Ctx {
                runner: &mut runner,
                clock: &mut self.clock,
                sink: &mut *self.out,
                edit_mode: None,
                clear_screen: false,
            };
            if let Some(flow) = (cmd.run)(&mut ctx, &args) {
                let (mode, clear) = (ctx.edit_mode, ctx.clear_screen);
                drop(runner);
                if let Some(mode) = mode {
                    self.editor.set_edit_mode(mode);
                }
                if clear {
                    let _ = self.editor.clear_screen();
                }
                return flow;
            }
        }
        // Watches follow the wall clock until Ctrl-C.
        runner.session.live = Some(Box::new(self.clock.pacer(self.interrupt.clone())));
        // Sandbox commands (`undo`, `save NAME` ...) or the learner's shell, journaled.
        let code = runner.typed(text, &mut *self.out);
        runner.session.live = None;
        if runner.exited {
            return Flow::Exit;
        }
        Flow::Continue(code)
    }
}

/// The first words completion offers besides `kubectl`/`k`.
fn first_words() -> Vec<String> {
    commands::COMMANDS
        .iter()
        .map(|c| c.name)
        .chain(crate::script::host::COMMANDS.iter().copied())
        .chain(crate::sandbox::commands::NAMES.iter().copied())
        .chain(crate::shell::text::FILTERS.iter().copied())
        .filter(|w| *w != "kubectl" && *w != "k")
        .map(String::from)
        .collect()
}

/// Start the REPL (the binary's default on a terminal).
pub fn run(options: ReplOptions, recorder: Option<Recorder>) -> Result<()> {
    let startup = options.startup.clone();
    let mut repl = Repl::new(options)?;
    let (lessons, _) = crate::lessons::catalog::shipped();
    let lessons = lessons.iter().map(|l| l.id().to_string()).collect();
    repl.set_lessons(lessons);
    if recorder.is_some() {
        // No escape codes in the recorded transcript.
        repl.runner.borrow_mut().tutor.color = false;
    }
    repl.recorder = recorder;
    if let Some(line) = startup {
        repl.dispatch(&line);
    }
    repl.run()
}
