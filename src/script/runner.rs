//! Replaying command files: each command is echoed as `$ <command>`, run against one
//! session, and followed by one tick of the virtual clock, so a file gives the same bytes
//! every time. `sleep N` moves the clock N seconds. No host process is ever started.

use super::lexer::{self, Word};
use crate::api::time::Millis;
use crate::cluster::{Cluster, ClusterConfig};
use crate::kubectl::output::{Capture, Sink};
use crate::kubectl::session::Session;
use crate::kubectl::workspace::Workspace;
use std::collections::BTreeMap;
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
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            seed: 1,
            tick_ms: 1000,
            quiet: false,
            base_dir: PathBuf::from("."),
        }
    }
}

/// Runs commands against one session.
pub struct Runner {
    pub session: Session,
    pub options: RunOptions,
    /// Shell variables (`NAME=value` lines).
    pub vars: BTreeMap<String, String>,
    /// Whether any command failed.
    pub failed: bool,
}

impl Runner {
    pub fn new(options: RunOptions) -> Self {
        let cluster = Cluster::new(&ClusterConfig {
            seed: options.seed,
            ..Default::default()
        });
        let session = Session::new(cluster, Workspace::new(options.base_dir.clone()));
        Runner {
            session,
            options,
            vars: BTreeMap::new(),
            failed: false,
        }
    }

    /// Run a whole script text, returning everything it printed.
    pub fn run_text(&mut self, text: &str) -> Capture {
        let mut out = Capture::default();
        for cmd in lexer::split_commands(text) {
            if !self.options.quiet {
                // Output without a final newline (jsonpath, echo -n) ends its line here, so
                // the next command starts a line of its own in the transcript.
                if !out.text.is_empty() && !out.text.ends_with('\n') {
                    out.out("\n");
                }
                out.out(&format!("$ {}\n", cmd.source));
                for h in &cmd.heredocs {
                    out.out(&h.body);
                    if h.terminated {
                        out.out(&format!("{}\n", h.delimiter));
                    }
                }
            }
            let code = self.execute(&cmd.text, cmd.stdin(), &mut out);
            if code != 0 {
                self.failed = true;
            }
            let tick = self.options.tick_ms;
            self.session.cluster.advance(tick);
        }
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

    /// Run one command line. Returns its exit code.
    pub fn execute(&mut self, line: &str, stdin: Option<&str>, sink: &mut dyn Sink) -> i32 {
        let vars = self.vars.clone();
        let env = move |name: &str| vars.get(name).cloned();
        let words = match lexer::tokenize(line, &env) {
            Ok(w) => w,
            Err(e) => {
                sink.err(&format!("sh: {e}\n"));
                return 2;
            }
        };
        let mut argv: Vec<String> = Vec::new();
        let mut words = words.into_iter();
        while let Some(w) = words.next() {
            match w {
                Word::Text(s) => argv.push(s),
                // The heredoc body was already attached to the command as its stdin.
                Word::Op(lexer::Op::HereDoc | lexer::Op::HereDocStrip) if stdin.is_some() => {
                    words.next();
                }
                other => {
                    sink.err(&format!("kubetutor: not simulated yet: shell operator {other:?} (pipes, redirects and command substitution arrive with the pod shell)\n"));
                    return 2;
                }
            }
        }
        let Some(first) = argv.first().cloned() else {
            return 0;
        };
        match first.as_str() {
            "kubectl" | "k" => self.session.kubectl(&argv[1..], stdin, sink),
            "sleep" => match argv
                .get(1)
                .and_then(|s| crate::kubectl::verbs::get::parse_duration_ms(s))
            {
                Some(ms) => {
                    self.session.cluster.advance(ms);
                    0
                }
                None => {
                    sink.err("sleep: invalid number\n");
                    1
                }
            },
            "echo" => {
                sink.out(&format!("{}\n", argv[1..].join(" ")));
                0
            }
            _ if first.contains('=') && argv.len() == 1 => {
                let (k, v) = first.split_once('=').expect("checked");
                self.vars.insert(k.to_string(), v.to_string());
                0
            }
            other => {
                sink.err(&format!("kubetutor: {other}: command not found (the sandbox runs kubectl, k, sleep and echo)\n"));
                127
            }
        }
    }
}
