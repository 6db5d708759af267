//! Bringing a journal back to life: a fresh cluster with the journal's seed, then every
//! entry run again at the virtual time it first ran, reading the host files it read then
//! (not the disk), its output discarded. Each entry must end as it did (same exit status,
//! same clock, no file it did not read before); the first one that does not, or that
//! crashes the simulator, ends the replay there, and the sandbox is what replayed before
//! it. Nothing here panics or gives up: the learner always gets a working sandbox.

use super::journal::{Entry, EntryKind, Journal};
use crate::kubectl::output::Sink;
use crate::script::runner::{RunOptions, Runner};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How a replay went.
#[derive(Debug, PartialEq)]
pub struct Replayed {
    /// Entries that replayed as recorded.
    pub replayed: usize,
    /// Entries the journal had.
    pub total: usize,
    /// Why the replay stopped early: "command 3 (`kubectl ...`) exited 1, ...".
    pub problem: Option<String>,
}

/// Output nobody reads.
struct Discard;

impl Sink for Discard {
    fn out(&mut self, _: &str) {}
    fn err(&mut self, _: &str) {}
}

/// Replace `runner`'s sandbox with the one `journal` describes (its seed, its entries,
/// its clock). The runner keeps its options (but the journal's seed) and `failed` flag.
pub fn rebuild(runner: &mut Runner, journal: &Journal) -> Replayed {
    let total = journal.entries.len();
    let options = RunOptions {
        seed: journal.seed,
        ..runner.options.clone()
    };
    let failed = runner.failed;
    // Lesson progress is saved again only once the replay is over.
    let progress = runner.lessons.progress_path().cloned();
    *runner = Runner::new(options);
    runner.failed = failed;
    let replayed = replay_all(runner, journal, total);
    runner.lessons.set_progress_path(progress);
    replayed
}

fn replay_all(runner: &mut Runner, journal: &Journal, total: usize) -> Replayed {
    for (i, entry) in journal.entries.iter().enumerate() {
        if let Err(why) = replay_entry(runner, entry) {
            let problem = format!("command {} (`{}`) {why}", i + 1, entry.text.trim_end());
            // The sandbox is what replayed before it (the failed entry may have half-run).
            let before = Journal {
                entries: journal.entries[..i].to_vec(),
                now_ms: None,
                ..journal.clone()
            };
            let again = rebuild(runner, &before);
            return Replayed {
                replayed: again.replayed,
                total,
                problem: Some(again.problem.unwrap_or(problem)),
            };
        }
        runner.journal.entries.push(entry.clone());
    }
    if let Some(now) = journal.now_ms {
        runner.session.cluster.run_until(now);
    }
    runner.exited = false;
    Replayed {
        replayed: total,
        total,
        problem: None,
    }
}

/// Run one entry again as it first ran; Err(why) when it did not end the same way.
fn replay_entry(runner: &mut Runner, entry: &Entry) -> Result<(), String> {
    let cluster_now = runner.session.cluster.now();
    if cluster_now > entry.at_ms {
        return Err("would start later than it did when saved".into());
    }
    runner.session.cluster.run_until(entry.at_ms);
    runner
        .session
        .workspace
        .host
        .replay_from(entry.files.clone());
    // A watch the learner ended with Ctrl-C ends where it ended then.
    let limits = runner.session.limits.clone();
    let ran_for = entry.end_ms.saturating_sub(entry.at_ms).max(0);
    runner.session.limits.watch_max_ms = limits.watch_max_ms.min(ran_for);
    let mut discard = Discard;
    let mut seen = crate::tutor::Recorder::new(&mut discard);
    let result = catch_unwind(AssertUnwindSafe(|| {
        runner.execute_entry(entry.kind, &entry.text, &mut seen)
    }));
    let output = std::mem::take(&mut seen.text);
    runner.session.limits = limits;
    runner.session.workspace.host.go_live();
    let misses = runner.session.workspace.host.take_misses();
    let _ = runner.session.workspace.host.take_log();
    let status = result.map_err(|_| "crashed the simulator".to_string())?;
    if status != entry.status {
        return Err(format!(
            "exited with status {status}; it exited with {} when it was saved",
            entry.status
        ));
    }
    if let Some(path) = misses.first() {
        return Err(format!(
            "read {path}, which it did not read when it was saved"
        ));
    }
    let now = runner.session.cluster.now();
    if now > entry.end_ms {
        return Err(format!(
            "ran the clock {} past where it ended when it was saved",
            super::clock::format_go_duration(now - entry.end_ms)
        ));
    }
    runner.session.cluster.run_until(entry.end_ms);
    match entry.kind {
        // The lesson's files as they were put in the workspace.
        EntryKind::Lesson if !entry.workspace.is_empty() => {
            runner.session.workspace.files = entry.workspace.clone();
        }
        EntryKind::Lesson | EntryKind::Detach => {}
        // The lesson being played sees the command, as it did (its step may pass).
        EntryKind::Command | EntryKind::AttachedLine | EntryKind::Advance => {
            runner
                .lessons
                .after_command(&output, status, &runner.session);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::output::Capture;

    fn runner() -> Runner {
        Runner::new(RunOptions {
            base_dir: std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            ..Default::default()
        })
    }

    /// Type `lines` as a scripted run does (a tick after each).
    fn type_lines(r: &mut Runner, lines: &[&str]) -> String {
        let mut out = Capture::default();
        for l in lines {
            r.run_line(l, &mut out);
            r.session.cluster.advance(1000);
        }
        out.text
    }

    /// What the learner can see of a sandbox.
    fn view(r: &mut Runner) -> String {
        let mut out = Capture::default();
        r.execute(
            "kubectl get all,pvc,pv -A -o yaml; kubectl get events -A; echo $X",
            None,
            &mut out,
        );
        format!("{}\n{}", r.session.cluster.now(), out.text)
    }

    #[test]
    fn a_replayed_journal_is_the_same_sandbox() {
        let mut live = runner();
        type_lines(
            &mut live,
            &[
                "kubectl apply -f fixtures/seed-004/as-written/headless-service.yaml",
                "kubectl apply -f fixtures/seed-004/as-written/web-stateful-set.yaml",
                "kubectl get pods -w",
                "X=kept; kubectl delete pod web-stateful-set-1",
                "advance 45s",
                "kubectl exec web-stateful-set-0 -- sh -c 'echo hi > /usr/share/nginx/html/x'",
                "kubectl scale sts web-stateful-set --replicas=1",
            ],
        );
        let mut journal = live.journal.clone();
        journal.now_ms = Some(live.session.cluster.now());
        assert_eq!(journal.entries.len(), 7);
        assert_eq!(journal.entries[4].kind, EntryKind::Advance);
        assert!(journal.entries[0]
            .files
            .keys()
            .any(|k| k.ends_with("headless-service.yaml")));
        // The watch ran the clock.
        assert!(journal.entries[2].end_ms > journal.entries[2].at_ms);

        let mut restored = runner();
        let replayed = rebuild(&mut restored, &journal);
        assert_eq!(
            replayed,
            Replayed {
                replayed: 7,
                total: 7,
                problem: None
            }
        );
        assert_eq!(restored.journal.entries, journal.entries);
        assert_eq!(view(&mut restored), view(&mut live));
        let mut out = Capture::default();
        restored.execute(
            "kubectl exec web-stateful-set-0 -- cat /usr/share/nginx/html/x",
            None,
            &mut out,
        );
        assert_eq!(out.text, "hi\n");
    }

    #[test]
    fn a_watch_ended_early_replays_to_where_it_ended() {
        let mut live = runner();
        type_lines(
            &mut live,
            &["kubectl apply -f fixtures/seed-004/as-written/web-stateful-set.yaml"],
        );
        // As if the learner pressed Ctrl-C 3 seconds into the watch.
        let at = live.session.cluster.now();
        live.session.limits.watch_max_ms = 3000;
        type_lines(&mut live, &["kubectl get pods -w"]);
        live.session.limits = Default::default();
        let end = live.journal.entries[1].end_ms;
        assert!(end > at && end <= at + 3000, "{}", end - at);
        let mut journal = live.journal.clone();
        journal.now_ms = Some(live.session.cluster.now());
        let mut restored = runner();
        assert_eq!(rebuild(&mut restored, &journal).problem, None);
        assert_eq!(view(&mut restored), view(&mut live));
    }

    #[test]
    fn a_divergent_entry_stops_the_replay_before_it() {
        let mut live = runner();
        type_lines(
            &mut live,
            &[
                "kubectl create ns a",
                "kubectl create ns b",
                "kubectl create ns c",
            ],
        );
        let mut journal = live.journal.clone();
        journal.entries[1].status = 1;
        let mut restored = runner();
        let replayed = rebuild(&mut restored, &journal);
        assert_eq!(replayed.replayed, 1);
        assert_eq!(
            replayed.problem.as_deref(),
            Some("command 2 (`kubectl create ns b`) exited with status 0; it exited with 1 when it was saved")
        );
        assert_eq!(restored.journal.entries.len(), 1);
        let mut out = Capture::default();
        restored.tutor.enabled = false;
        restored.execute("kubectl get ns b a -o name", None, &mut out);
        assert_eq!(
            out.text,
            "namespace/a\nError from server (NotFound): namespaces \"b\" not found\n"
        );
    }

    #[test]
    fn a_file_the_recording_lacks_is_a_divergence() {
        let mut live = runner();
        type_lines(
            &mut live,
            &["kubectl apply -f fixtures/seed-004/as-written/web-stateful-set.yaml"],
        );
        let mut journal = live.journal.clone();
        journal.entries[0].files.clear();
        let mut restored = runner();
        let replayed = rebuild(&mut restored, &journal);
        assert_eq!(replayed.replayed, 0);
        let problem = replayed.problem.unwrap();
        assert!(problem.contains("exited with status 1"), "{problem}");
    }
}
