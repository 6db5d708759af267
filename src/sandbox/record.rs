//! Running one input of the learner's and writing it into the journal: the one path the
//! REPL, the script runner and a replay share, so what is replayed ran exactly as typed.

use super::journal::{Entry, EntryKind};
use crate::kubectl::output::Sink;
use crate::script::runner::Runner;

impl Runner {
    /// Run a line the learner typed: a sandbox command (`undo`, `save NAME`, `time` ...,
    /// see [`super::commands`]) or, when it is none, a line for the learner's shell,
    /// written into the journal. Inside an attached pod shell every line goes to it.
    /// Returns the exit status.
    pub fn run_line(&mut self, text: &str, sink: &mut dyn Sink) -> i32 {
        if self.session.attached.is_some() {
            return self.run_entry(EntryKind::AttachedLine, text, sink);
        }
        if let Some(code) = super::commands::run(self, text, sink) {
            return code;
        }
        self.run_entry(EntryKind::Command, text, sink)
    }

    /// Run one input and append it to the journal with its times, status and the host
    /// files it read.
    pub fn run_entry(&mut self, kind: EntryKind, text: &str, sink: &mut dyn Sink) -> i32 {
        let at_ms = self.session.cluster.now();
        self.session.workspace.host.recording = true;
        let _ = self.session.workspace.host.take_log();
        let status = self.execute_entry(kind, text, sink);
        let files = self.session.workspace.host.take_log();
        if self.journal.is_full() {
            if !self.journal_full_reported {
                self.journal_full_reported = true;
                sink.err(&format!(
                    "kubetutor: the sandbox's journal is full ({} commands): later commands are not saved; `reset` starts a new one\n",
                    self.journal.entries.len()
                ));
            }
            return status;
        }
        self.journal.entries.push(Entry {
            at_ms,
            end_ms: self.session.cluster.now(),
            kind,
            text: text.to_string(),
            status,
            files,
            workspace: Default::default(),
        });
        status
    }

    /// Run one input without journaling it (a replay journals the original entry).
    pub(super) fn execute_entry(
        &mut self,
        kind: EntryKind,
        text: &str,
        sink: &mut dyn Sink,
    ) -> i32 {
        match kind {
            EntryKind::Command => self.execute(text, None, sink),
            EntryKind::AttachedLine => self.attached_line(text, sink),
            EntryKind::Detach => self.session.detach(sink),
            EntryKind::Advance => super::clock::advance(self, text, sink),
            EntryKind::Lesson => self.lesson_entry(text, sink),
        }
    }
}
