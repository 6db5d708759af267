//! The tutor: what kubetutor says on top of kubectl, never instead of it.
//!
//! * [`explain`]: after a command, one `tutor: ` line that explains a failure (or a state
//!   the learner must act on) in the learner's language.
//! * [`why`]: the `why` command, what the controllers, the scheduler and the kubelets did
//!   after the last command and the rule behind each decision, or why one object is as it
//!   is now.
//! * [`lint`]: `kubetutor lint FILE...` and `lint FILE...` in the sandbox, a review of
//!   manifests for StatefulSet pitfalls before they are applied.
//!
//! The tutor's lines are plain text in scripted runs and transcripts; on a terminal the
//! `tutor:` prefix is coloured unless `NO_COLOR` is set.

pub mod cmdline;
pub mod explain;
pub mod lint;
pub mod suggest;
pub mod why;

pub use explain::{explain, Hint};

use crate::api::time::Millis;
use crate::cluster::Trace;
use crate::kubectl::output::Sink;
use crate::sandbox::lang::Lang;

/// The prefix that sets the tutor's lines apart from kubectl's output.
pub const PREFIX: &str = "tutor: ";

/// The tutor's settings and memory in one sandbox session.
#[derive(Clone, Debug)]
pub struct Tutor {
    /// Explanations after failures (`--no-tutor` turns them off; `why` and `lint` stay).
    pub enabled: bool,
    pub lang: Lang,
    /// Colour the `tutor:` prefix (a terminal without `NO_COLOR`).
    pub color: bool,
    /// The last command that was not a tutor command (`why`, `lint`) or `sleep`.
    pub last_command: String,
    /// Where the cluster's notes stood when that command started.
    pub mark: TraceMark,
}

impl Default for Tutor {
    fn default() -> Self {
        Tutor {
            enabled: true,
            lang: Lang::En,
            color: false,
            last_command: String::new(),
            mark: TraceMark::default(),
        }
    }
}

impl Tutor {
    /// A command is about to run: unless it is one of the tutor's own, remember it and
    /// where the notes stand, so `why` can tell what followed it.
    pub fn before(&mut self, command: &str, trace: &[Trace], now: Millis) {
        // `sleep` only lets time pass: what happens meanwhile follows the command before.
        if is_tutor_command(command) || command.split_whitespace().next() == Some("sleep") {
            return;
        }
        self.last_command = command.trim().to_string();
        self.mark = TraceMark::at(trace, now);
    }

    /// Print the explanation for a command that printed `output` with status `code`.
    pub fn after(
        &self,
        command: &str,
        output: &str,
        code: i32,
        session: &crate::kubectl::session::Session,
        sink: &mut dyn Sink,
    ) {
        if !self.enabled || is_tutor_command(command) {
            return;
        }
        if let Some(text) = explain(command, output, code != 0, session, self.lang) {
            sink.err(&render_line(&text, self.color));
        }
    }
}

/// Whether a command line is the tutor's own (`why ...`, `lint ...`).
pub fn is_tutor_command(command: &str) -> bool {
    matches!(
        command.split_whitespace().next(),
        Some("why") | Some("lint")
    )
}

/// `tutor: TEXT` and a newline; the prefix in bold cyan when `color`.
pub fn render_line(text: &str, color: bool) -> String {
    if color {
        use colored::Colorize;
        format!("{} {text}\n", "tutor:".cyan().bold())
    } else {
        format!("{PREFIX}{text}\n")
    }
}

/// Whether the tutor colours its lines on this terminal: stderr is a terminal and
/// `NO_COLOR` is unset or empty (no-color.org).
pub fn color_on_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Most of a command's output the tutor keeps to read (the errors it explains are short).
const MAX_RECORDED: usize = 1 << 20;

/// A sink that passes output on and keeps a copy (its first [`MAX_RECORDED`] bytes) for
/// whoever reads a command's output afterwards: the tutor, a lesson's goals.
pub struct Recorder<'a> {
    pub inner: &'a mut dyn Sink,
    pub text: String,
}

impl<'a> Recorder<'a> {
    pub fn new(inner: &'a mut dyn Sink) -> Self {
        Recorder {
            inner,
            text: String::new(),
        }
    }

    fn keep(&mut self, text: &str) {
        let room = MAX_RECORDED.saturating_sub(self.text.len());
        let mut take = text.len().min(room);
        while !text.is_char_boundary(take) {
            take -= 1;
        }
        self.text.push_str(&text[..take]);
    }
}

impl Sink for Recorder<'_> {
    fn out(&mut self, text: &str) {
        self.keep(text);
        self.inner.out(text);
    }
    fn err(&mut self, text: &str) {
        self.keep(text);
        self.inner.err(text);
    }
}

/// A position in the cluster's notes that survives the trace dropping its oldest entries:
/// the time the mark was taken and how many notes at exactly that time already existed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TraceMark {
    pub at: Millis,
    pub already: usize,
}

impl TraceMark {
    pub fn at(trace: &[Trace], now: Millis) -> TraceMark {
        let already = trace.iter().rev().take_while(|t| t.at == now).count();
        TraceMark { at: now, already }
    }

    /// The notes written after the mark (notes are in time order).
    pub fn since<'a>(&self, trace: &'a [Trace]) -> &'a [Trace] {
        let first = trace.partition_point(|t| t.at < self.at);
        let same = trace[first..]
            .iter()
            .take_while(|t| t.at == self.at)
            .count();
        &trace[first + self.already.min(same)..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(at: Millis, m: &str) -> Trace {
        Trace {
            at,
            component: "kubelet",
            message: m.into(),
        }
    }

    #[test]
    fn a_mark_keeps_notes_written_after_it() {
        let mut trace = vec![note(1, "a"), note(5, "b")];
        let mark = TraceMark::at(&trace, 5);
        trace.push(note(5, "c"));
        trace.push(note(9, "d"));
        let after: Vec<&str> = mark
            .since(&trace)
            .iter()
            .map(|t| t.message.as_str())
            .collect();
        assert_eq!(after, ["c", "d"]);
        // The oldest notes dropped: the mark still finds its place.
        trace.remove(0);
        assert_eq!(mark.since(&trace).len(), 2);
    }

    fn run(tutor: bool, lang: Lang, script: &str) -> String {
        let mut r = crate::script::runner::Runner::new(crate::script::runner::RunOptions {
            tutor,
            lang,
            ..Default::default()
        });
        r.run_text(script).text
    }

    #[test]
    fn the_runner_explains_failures_unless_told_not_to() {
        let script = "kubectl get pods\nkubectl get podz\n";
        let on = run(true, Lang::En, script);
        assert!(on.ends_with("error: the server doesn't have a resource type \"podz\"\ntutor: `podz` is not a resource type. Did you mean `pods`? `kubectl api-resources` lists them all.\n"), "{on}");
        assert_eq!(on.matches("tutor:").count(), 1, "{on}");
        let off = run(false, Lang::En, script);
        assert!(!off.contains("tutor:"), "{off}");
        let es = run(true, Lang::Es, script);
        assert!(
            es.contains("tutor: `podz` no es un tipo de recurso."),
            "{es}"
        );
    }

    #[test]
    fn why_frames_in_the_language_and_survives_no_tutor() {
        let out = run(false, Lang::Vi, "kubectl create namespace demo\nwhy\n");
        assert!(out.contains("sau `kubectl create namespace demo`"), "{out}");
    }

    #[test]
    fn lines_are_plain_unless_coloured() {
        assert_eq!(render_line("hi", false), "tutor: hi\n");
        assert!(render_line("hi", true).ends_with(" hi\n"));
        assert!(is_tutor_command("why pod/web-0"));
        assert!(!is_tutor_command("kubectl get pods"));
    }
}
