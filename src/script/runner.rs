//! Replaying command files: each command is echoed as `$ <command>` (its further lines
//! after `> `), run by the sandbox's shell ([`crate::shell::Shell`], bash's dialect)
//! against one session, and followed by one tick of the virtual clock, so a file gives
//! the same bytes every time. `sleep N` moves the clock N seconds. Variables, functions
//! and the working directory persist from one command to the next. No host process is
//! ever started.

use super::host::SessionHost;
use super::lexer;
use crate::api::time::Millis;
use crate::cluster::{Cluster, ClusterConfig};
use crate::kubectl::output::{Capture, Sink};
use crate::kubectl::session::Session;
use crate::kubectl::workspace::Workspace;
use crate::shell::{Dialect, Limits, Shell, Status};
use std::path::PathBuf;
/// How a run is set up.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub seed: u64,
    /// Virtual time that passes after each command.
    pub tick_ms: Millis,
    /// Do not echo commands.
    pub quiet: bool,
    /// Where relative `-f` paths are read from.
    pub base_dir: PathBuf,
    /// The tutor explains failures after kubectl's output (`--no-tutor`: off).
    pub tutor: bool,
    /// The language of the tutor's explanations.
    pub lang: crate::sandbox::lang::Lang,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            seed: 1,
            tick_ms: 1000,
            quiet: false,
            base_dir: PathBuf::from("."),
            tutor: true,
            lang: crate::sandbox::lang::Lang::En,
        }
    }
}

/// Runs commands against one session.
pub struct Runner {
    pub session: Session,
    pub options: RunOptions,
    /// The learner's shell: variables, functions, working directory.
    pub shell: Shell,
    /// The directory the run started in, absolute (the shell's `HOME`).
    pub home: String,
    /// Whether any command failed.
    pub failed: bool,
    /// `exit` ran: the script stops.
    pub exited: bool,
    /// The tutor's settings and memory (explanations, `why`).
    pub tutor: crate::tutor::Tutor,
    /// Every input so far, to replay (`undo`, `save`, the REPL's saved sandbox).
    pub journal: crate::sandbox::journal::Journal,
    /// The journal filled up and the learner was told.
    pub journal_full_reported: bool,
    /// The exit status of the last command run.
    pub last_status: i32,
    /// Lesson commands and the lesson being played (progress is not kept in scripts;
    /// the REPL sets a place for it).
    pub lessons: crate::lessons::host::LessonHost,
}

impl Runner {
    pub fn new(options: RunOptions) -> Self {
        let cluster = Cluster::new(&ClusterConfig {
            seed: options.seed,
            ..Default::default()
        });
        let session = Session::new(cluster, Workspace::new(options.base_dir.clone()));
        let home = std::path::absolute(&options.base_dir)
            .map(|p| crate::shell::builtins::normalize("/", &p.to_string_lossy()))
            .unwrap_or_else(|_| "/".into());
        let env = vec![
            ("HOME".to_string(), home.clone()),
            (
                "PATH".to_string(),
                "/usr/local/bin:/usr/bin:/bin".to_string(),
            ),
        ];
        let mut shell = Shell::new(Dialect::Bash, env, &home);
        shell.limits = Limits {
            // kubectl's own output (a YAML dump of everything, a long watch) is larger
            // than a pod's shell needs.
            max_output_bytes: 16 * 1024 * 1024,
            ..Limits::default()
        };
        let tutor = crate::tutor::Tutor {
            enabled: options.tutor,
            lang: options.lang,
            ..Default::default()
        };
        Runner {
            journal: crate::sandbox::journal::Journal::new(options.seed),
            session,
            options: options.clone(),
            shell,
            home,
            failed: false,
            exited: false,
            tutor,
            journal_full_reported: false,
            last_status: 0,
            lessons: crate::lessons::host::LessonHost::new(options.seed, options.lang, None),
        }
    }

    /// Run a whole script text, returning everything it printed.
    pub fn run_text(&mut self, text: &str) -> Capture {
        let mut out = Capture::default();
        for cmd in lexer::split_commands(text) {
            if self.run_command(&cmd, &mut out) {
                break;
            }
        }
        self.end(&mut out);
        if std::env::var_os("KUBETUTOR_TRACE").is_some() {
            for t in &self.session.cluster.trace {
                eprintln!(
                    "{:>8.3}s {}: {}",
                    (t.at - crate::api::time::EPOCH_MS) as f64 / 1000.0,
                    t.component,
                    t.message
                );
            }
        }
        out
    }

    /// What the next command is typed after: `$ `, or the attached pod shell's prompt.
    pub fn prompt(&self) -> String {
        self.session
            .attached_prompt()
            .unwrap_or_else(|| "$ ".to_string())
    }

    /// Echo and run one command, then let a tick of virtual time pass. Lines typed while
    /// a pod's shell is attached (`kubectl exec -it POD -- sh`) go to that shell. Returns
    /// true when the script should stop (`exit` in the learner's own shell).
    pub fn run_command(&mut self, cmd: &lexer::ScriptLine, out: &mut Capture) -> bool {
        if !self.options.quiet {
            // Output without a final newline (jsonpath, echo -n) ends its line here, so
            // the next command starts a line of its own in the transcript.
            if !out.text.is_empty() && !out.text.ends_with('\n') {
                out.out("\n");
            }
            out.out(&cmd.echo_after(&self.prompt()));
        }
        self.step(cmd, out)
    }

    /// Run one command without echoing it (to the attached pod shell if there is one),
    /// then let a tick of virtual time pass: what [`Runner::run_command`] does after the
    /// echo, for front ends that show the command themselves (demo mode, a recorded
    /// REPL session). Returns true when the input should stop (`exit`).
    pub fn step(&mut self, cmd: &lexer::ScriptLine, out: &mut dyn Sink) -> bool {
        // Sandbox commands (`undo`, `time` ...) first; every input is journaled.
        let code = self.typed(&cmd.text, out);
        if code != 0 {
            self.failed = true;
        }
        if self.exited {
            return true;
        }
        let tick = self.options.tick_ms;
        self.session.cluster.advance(tick);
        false
    }

    /// One command the learner typed (a script's or the REPL's): a lesson command
    /// (`lesson`, `hint`, ...) is answered by the lesson host; anything else runs in the
    /// attached pod shell or the learner's shell, and then the lesson being played checks
    /// its step's goal and may print the next step.
    pub fn typed(&mut self, text: &str, sink: &mut dyn Sink) -> i32 {
        if self.session.attached.is_none() {
            if let Some(reply) = self.lessons.command(text, &mut self.session) {
                sink.out(&reply);
                // A lesson started (on a fresh cluster) or moved to another step.
                self.journal_lesson_change();
                self.last_status = 0;
                return 0;
            }
        }
        // What the command prints is kept for the lesson's goals.
        let mut rec = crate::tutor::Recorder::new(sink);
        // The tutor speaks the lesson's language while one is played.
        self.tutor.lang = self.lessons.language();
        // Sandbox commands (`undo`, `time` ...) or the shell; every input is journaled.
        let code = self.run_line(text, &mut rec);
        self.last_status = code;
        let output = std::mem::take(&mut rec.text);
        if let Some(next) = self.lessons.after_command(&output, code, &self.session) {
            // Output without a final newline (jsonpath) ends its line before the lesson
            // speaks.
            if !output.is_empty() && !output.ends_with('\n') {
                rec.inner.out("\n");
            }
            rec.inner.out(&next);
        }
        code
    }

    /// The input ended: a pod shell still attached sees end of file and exits.
    pub fn end(&mut self, out: &mut dyn Sink) {
        if self.session.attached.is_some()
            && self.run_entry(crate::sandbox::journal::EntryKind::Detach, "", out) != 0
        {
            self.failed = true;
        }
    }

    /// A line typed into the attached pod shell, followed by the tutor's explanation.
    pub fn attached_line(&mut self, line: &str, sink: &mut dyn Sink) -> i32 {
        let mut rec = crate::tutor::Recorder::new(sink);
        let code = self.session.attached_line(line, &mut rec);
        let output = std::mem::take(&mut rec.text);
        self.tutor
            .after(line, &output, code, &self.session, rec.inner);
        code
    }

    /// Runs a text of one or more lines in the shell (`stdin`: what its commands read;
    /// None for a terminal), then lets the tutor explain a failure. Returns the status of
    /// its last command.
    pub fn execute(&mut self, text: &str, stdin: Option<&str>, sink: &mut dyn Sink) -> i32 {
        // The sandbox's failure drills (`break pod web-0 readiness`): before the shell,
        // whose `break` builtin would take the line.
        if let Some(argv) = crate::drills::claims(text) {
            return crate::drills::run(&mut self.session, &argv, sink);
        }
        let (trace, now) = (&self.session.cluster.trace, self.session.cluster.now());
        self.tutor.before(text, trace, now);
        let mut rec = crate::tutor::Recorder::new(sink);
        let mut host = SessionHost {
            session: &mut self.session,
            home: &self.home,
            tutor: &self.tutor,
        };
        let code = match self.shell.run_input(text, stdin, &mut host, &mut rec) {
            Status::Done(code) => code,
            Status::Exit(code) => {
                self.exited = true;
                code
            }
        };
        let output = std::mem::take(&mut rec.text);
        self.tutor
            .after(text, &output, code, &self.session, rec.inner);
        code
    }
}
