//! The sandbox's own commands, beside kubectl: `reset`, `save NAME`, `load NAME`,
//! `undo`, `time` and `advance DURATION`. The REPL and the script runner ask [`run`]
//! first; a line that is none of these goes to the learner's shell.

use super::clock;
use super::journal::{EntryKind, Journal};
use super::replay::{self, Replayed};
use super::snapshots;
use crate::kubectl::output::Sink;
use crate::script::runner::Runner;

/// The names [`run`] answers to (for help and completion).
pub const NAMES: &[&str] = &["reset", "save", "load", "undo", "time", "advance"];

/// Run `line` if it is a sandbox command; None when it is not one (it is for the shell).
/// `time` with arguments is left to the shell, as bash's `time COMMAND`.
pub fn run(runner: &mut Runner, line: &str, sink: &mut dyn Sink) -> Option<i32> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (&name, args) = words.split_first()?;
    let code = match (name, args) {
        ("reset", []) => reset(runner, sink),
        ("undo", []) => undo(runner, sink),
        ("time", []) => clock::time(runner, sink),
        ("save", [snapshot]) => save(runner, snapshot, sink),
        ("load", [snapshot]) => load(runner, snapshot, sink),
        ("advance", [amount]) => match clock::advance_amount(amount) {
            Ok(_) => runner.run_entry(EntryKind::Advance, amount, sink),
            Err(e) => {
                sink.err(&e);
                1
            }
        },
        ("time", _) => return None,
        ("reset" | "undo", _) => usage(sink, name, ""),
        ("save" | "load", _) => usage(sink, name, " NAME"),
        ("advance", _) => usage(sink, name, " DURATION (for example 30s or 1m30s)"),
        _ => return None,
    };
    Some(code)
}

fn usage(sink: &mut dyn Sink, name: &str, args: &str) -> i32 {
    sink.err(&format!("kubetutor: usage: {name}{args}\n"));
    2
}

/// `reset`: a fresh cluster with the same seed, an empty journal.
fn reset(runner: &mut Runner, sink: &mut dyn Sink) -> i32 {
    let seed = runner.journal.seed;
    replay::rebuild(runner, &Journal::new(seed));
    sink.out(&format!(
        "The sandbox is a fresh cluster again (seed {seed}), at {}.\n",
        clock::format_instant(runner.session.cluster.now())
    ));
    0
}

/// `undo`: back to the state before the last command (the clock included).
fn undo(runner: &mut Runner, sink: &mut dyn Sink) -> i32 {
    let mut journal = runner.journal.clone();
    let Some(last) = journal.entries.pop() else {
        sink.err(
            "kubetutor: undo: nothing to undo (no command has run since the sandbox started)\n",
        );
        return 1;
    };
    journal.now_ms = Some(last.at_ms);
    let replayed = replay::rebuild(runner, &journal);
    let what = match last.kind {
        EntryKind::Advance => format!("advance {}", last.text),
        EntryKind::Detach => "the end of the pod shell (Ctrl-D)".into(),
        _ => format!("`{}`", last.text.trim_end()),
    };
    sink.out(&format!(
        "Undid {what}; the cluster is back at {}.\n",
        clock::format_instant(runner.session.cluster.now())
    ));
    report_problem(&replayed, sink);
    0
}

fn save(runner: &mut Runner, name: &str, sink: &mut dyn Sink) -> i32 {
    let mut journal = runner.journal.clone();
    journal.now_ms = Some(runner.session.cluster.now());
    match snapshots::write(name, &journal) {
        Ok(path) => {
            sink.out(&format!(
                "Saved \"{name}\" ({}, at {}) to {}; `load {name}` brings it back.\n",
                commands(journal.entries.len()),
                clock::format_instant(runner.session.cluster.now()),
                path.display()
            ));
            0
        }
        Err(e) => {
            sink.err(&format!("kubetutor: save: {e}\n"));
            1
        }
    }
}

fn load(runner: &mut Runner, name: &str, sink: &mut dyn Sink) -> i32 {
    let journal = match snapshots::read(name) {
        Ok(j) => j,
        Err(e) => {
            sink.err(&format!("kubetutor: load: {e}\n"));
            return 1;
        }
    };
    let replayed = replay::rebuild(runner, &journal);
    sink.out(&format!(
        "Loaded \"{name}\" ({}, seed {}); the cluster is at {}.\n",
        commands(replayed.replayed),
        journal.seed,
        clock::format_instant(runner.session.cluster.now())
    ));
    report_problem(&replayed, sink);
    0
}

/// `1 command`, `3 commands`.
pub fn commands(n: usize) -> String {
    if n == 1 {
        "1 command".into()
    } else {
        format!("{n} commands")
    }
}

/// One line when a replay stopped early.
pub fn report_problem(replayed: &Replayed, sink: &mut dyn Sink) {
    if let Some(problem) = &replayed.problem {
        sink.err(&format!(
            "kubetutor: only {} of {} commands replayed: {problem}; the sandbox continues from there\n",
            replayed.replayed, replayed.total
        ));
    }
}
