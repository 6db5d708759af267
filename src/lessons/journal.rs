//! Lessons in the sandbox's journal: starting a lesson (a fresh cluster and the lesson's
//! files in the workspace) and moving to another step (`next`, `skip`, a `check` that
//! passed) are journal entries of their own ([`EntryKind::Lesson`]), so a learner who
//! quits mid-lesson gets, on the next start, the same cluster, the same files and the
//! same step; `undo` steps back over them too. The files are kept in the entry itself,
//! so a restore does not depend on the lesson's folder still holding them.

use super::host::Change;
use crate::kubectl::output::Sink;
use crate::sandbox::journal::{Entry, EntryKind, Journal};
use crate::script::runner::Runner;

impl Runner {
    /// After a lesson command the learner typed: journal what it changed. A started
    /// lesson begins a new journal (the cluster is fresh, as after `reset`).
    pub fn journal_lesson_change(&mut self) {
        let Some(change) = self.lessons.changed.take() else {
            return;
        };
        let (text, workspace) = match change {
            Change::Started { line, files } => {
                self.journal = Journal::new(self.options.seed);
                (line, files)
            }
            Change::Moved { line } => (line, Default::default()),
        };
        if self.journal.is_full() {
            return;
        }
        let now = self.session.cluster.now();
        self.journal.entries.push(Entry {
            at_ms: now,
            end_ms: now,
            kind: EntryKind::Lesson,
            text,
            status: 0,
            files: Default::default(),
            workspace,
        });
    }

    /// Replay a lesson entry: the lesson command again (the caller then restores the
    /// entry's workspace files). 1 when it is no longer a lesson command here (`next`
    /// with no lesson being played), which stops the replay there.
    pub fn lesson_entry(&mut self, text: &str, sink: &mut dyn Sink) -> i32 {
        let reply = self.lessons.command(text, &mut self.session);
        self.lessons.changed = None;
        match reply {
            Some(r) => {
                sink.out(&r);
                0
            }
            None => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kubectl::output::Capture;
    use crate::sandbox::journal::EntryKind;
    use crate::sandbox::replay::rebuild;
    use crate::script::runner::{RunOptions, Runner};

    fn typed(r: &mut Runner, line: &str) -> String {
        let mut out = Capture::default();
        r.typed(line, &mut out);
        r.session.cluster.advance(1000);
        out.text
    }

    #[test]
    fn a_lesson_its_files_and_its_step_come_back_from_the_journal() {
        let mut live = Runner::new(RunOptions::default());
        typed(&mut live, "kubectl create ns before-the-lesson");
        typed(&mut live, "lesson 004 --lang en");
        assert_eq!(
            live.journal.entries.len(),
            1,
            "a lesson starts a new journal"
        );
        let start = &live.journal.entries[0];
        assert_eq!(start.kind, EntryKind::Lesson);
        assert_eq!(start.text, "lesson 004-nginx-web --lang en");
        assert!(start
            .workspace
            .contains_key("as-written/web-stateful-set.yaml"));
        typed(&mut live, "kubectl apply -f headless-service.yaml");
        typed(&mut live, "next");
        typed(&mut live, "hint");
        let kinds: Vec<_> = live.journal.entries.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [EntryKind::Lesson, EntryKind::Command, EntryKind::Lesson]
        );
        assert_eq!(live.lessons.player.as_ref().unwrap().step, 2);

        let mut journal = live.journal.clone();
        journal.now_ms = Some(live.session.cluster.now());
        // The lesson's file changed on disk since: the journal's copy is what comes back.
        journal.entries[0].workspace.insert(
            "as-written/web-stateful-set.yaml".into(),
            "kept: yes\n".into(),
        );
        let mut restored = Runner::new(RunOptions::default());
        let replayed = rebuild(&mut restored, &journal);
        assert_eq!(replayed.problem, None);
        let player = restored
            .lessons
            .player
            .as_ref()
            .expect("the lesson is back");
        assert_eq!(player.step, 2);
        assert_eq!(
            restored
                .session
                .workspace
                .read("as-written/web-stateful-set.yaml"),
            Ok("kept: yes\n".into())
        );
        let out = typed(
            &mut restored,
            "kubectl get svc nginx -o name; kubectl get ns",
        );
        assert!(out.contains("service/nginx"), "{out}");
        assert!(!out.contains("before-the-lesson"), "{out}");
    }

    #[test]
    fn a_lesson_from_a_path_with_spaces_comes_back() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let lesson = dir.path().join("my lessons").join("intro");
        std::fs::create_dir_all(&lesson).expect("dirs");
        std::fs::write(
            lesson.join("lesson.yaml"),
            "format: 1\nid: one\nlevel: beginner\nlanguages: [en]\ntitle: {en: Mine}\nsummary: {en: S}\nsteps:\n  - title: {en: T}\n    text: {en: T}\n    commands: [kubectl create ns x]\n    goal:\n      object: {kind: Namespace, name: x}\n",
        )
        .expect("written");
        let mut live = Runner::new(RunOptions::default());
        let out = typed(
            &mut live,
            &format!("lesson --path '{}' --lang en", lesson.display()),
        );
        assert!(!out.starts_with("lesson:"), "{out}");
        let start = &live.journal.entries[0];
        assert_eq!(
            start.text,
            format!("lesson --path '{}' --lang en", lesson.display())
        );
        let mut journal = live.journal.clone();
        journal.now_ms = Some(live.session.cluster.now());
        let mut restored = Runner::new(RunOptions::default());
        let replayed = rebuild(&mut restored, &journal);
        assert_eq!(replayed.problem, None);
        assert!(restored.lessons.player.is_some(), "the lesson is back");
    }
}
