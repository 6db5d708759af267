//! The saved sandbox end to end: the binary run as `kubetutor repl` with piped stdin and
//! `KUBETUTOR_HOME` in a temporary folder, restarted between steps, as a learner closes
//! and reopens the tutor.

mod common;

use common::{run_with_input, Run};
use std::path::Path;
use std::process::Command;

/// Run `kubetutor ARGS` with `home` as its data folder and `input` on stdin (the
/// tutor's explanations off: these tests are about the saved state).
fn kubetutor(home: &Path, args: &[&str], input: &str) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    command
        .arg("--no-tutor")
        .args(args)
        .env("KUBETUTOR_HOME", home)
        .current_dir(home);
    run_with_input(command, input)
}

fn repl(home: &Path, input: &str) -> Run {
    kubetutor(home, &["repl"], input)
}

const NOT_FOUND_B: &str = "Error from server (NotFound): namespaces \"team-b\" not found\n";

#[test]
fn the_sandbox_is_restored_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let first = repl(home.path(), "kubectl create namespace team-a\n");
    assert!(first.ok, "{}", first.stderr);
    assert_eq!(first.stderr, "");
    assert!(home.path().join("sandbox.json").is_file());

    let second = repl(home.path(), "kubectl get namespace team-a -o name\ntime\n");
    assert_eq!(
        second.stderr,
        "kubetutor: restored your sandbox (1 command, at Mon, 03 Mar 2025 10:00:01 UTC); `undo` steps back, `reset` starts over\n"
    );
    assert_eq!(
        second.stdout,
        "$ kubectl get namespace team-a -o name\nnamespace/team-a\n$ time\nMon, 03 Mar 2025 10:00:02 UTC (2s since the sandbox started; the cluster is 10m2s old)\n"
    );
}

#[test]
fn a_host_file_is_replayed_as_it_was_read() {
    let home = tempfile::tempdir().unwrap();
    let manifest = home.path().join("ns.yaml");
    std::fs::write(
        &manifest,
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-file\n",
    )
    .unwrap();
    assert!(repl(home.path(), "kubectl apply -f ns.yaml\n").ok);
    // The file is gone (or changed) by the next start: the sandbox still has what it read.
    std::fs::remove_file(&manifest).unwrap();
    let again = repl(home.path(), "kubectl get ns from-file -o name\n");
    assert!(
        again
            .stderr
            .starts_with("kubetutor: restored your sandbox (1 command"),
        "{}",
        again.stderr
    );
    assert!(
        again.stdout.ends_with("namespace/from-file\n"),
        "{}",
        again.stdout
    );
}

#[test]
fn undo_steps_back_and_is_saved() {
    let home = tempfile::tempdir().unwrap();
    repl(
        home.path(),
        "kubectl create ns team-a\nkubectl create ns team-b\n",
    );
    let undo = repl(home.path(), "undo\nkubectl get ns team-b\n");
    assert!(
        undo.stdout.starts_with("$ undo\nUndid `kubectl create ns team-b`; the cluster is back at Mon, 03 Mar 2025 10:00:01 UTC.\n"),
        "{}",
        undo.stdout
    );
    assert!(undo.stdout.ends_with(NOT_FOUND_B), "{}", undo.stdout);
    // The undone state is what the next start restores (the failed get is journaled too).
    let after = repl(
        home.path(),
        "undo\nundo\nkubectl get ns team-a -o name\nundo\nundo\nundo\n",
    );
    assert!(
        after.stdout.contains("Undid `kubectl get ns team-b`"),
        "{}",
        after.stdout
    );
    assert!(
        after.stdout.contains("Undid `kubectl create ns team-a`"),
        "{}",
        after.stdout
    );
    assert!(
        after
            .stdout
            .contains("Error from server (NotFound): namespaces \"team-a\" not found\n"),
        "{}",
        after.stdout
    );
    assert!(after.stdout.ends_with(
        "$ undo\nkubetutor: undo: nothing to undo (no command has run since the sandbox started)\n"
    ), "{}", after.stdout);
}

#[test]
fn save_and_load_named_snapshots() {
    let home = tempfile::tempdir().unwrap();
    let run = repl(
        home.path(),
        "kubectl create ns team-a\nsave one\nreset\nkubectl get ns team-a -o name\nload one\nkubectl get ns team-a -o name\nload two\nsave ../x\n",
    );
    assert!(home.path().join("snapshots/one.json").is_file());
    let want = format!(
        "$ kubectl create ns team-a\nnamespace/team-a created\n\
         $ save one\nSaved \"one\" (1 command, at Mon, 03 Mar 2025 10:00:01 UTC) to {}; `load one` brings it back.\n\
         $ reset\nThe sandbox is a fresh cluster again (seed 1), at Mon, 03 Mar 2025 10:00:00 UTC.\n\
         $ kubectl get ns team-a -o name\nError from server (NotFound): namespaces \"team-a\" not found\n\
         $ load one\nLoaded \"one\" (1 command, seed 1); the cluster is at Mon, 03 Mar 2025 10:00:01 UTC.\n\
         $ kubectl get ns team-a -o name\nnamespace/team-a\n\
         $ load two\nkubetutor: load: no snapshot named \"two\" (saved: one)\n\
         $ save ../x\nkubetutor: save: invalid name \"../x\": use up to 64 letters, digits, '.', '_' and '-', starting with a letter or digit\n",
        home.path().join("snapshots/one.json").display()
    );
    assert_eq!(run.stdout, want);
    assert!(!run.ok, "failed loads make the exit status 1");
    // Snapshots outlive restarts; the saved sandbox is the loaded one.
    let later = repl(home.path(), "kubectl get ns team-a -o name\n");
    assert!(later.stdout.ends_with("namespace/team-a\n"));
}

#[test]
fn a_corrupted_state_file_is_moved_aside_with_a_message() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("sandbox.json");
    std::fs::write(&state, "{\"format_version\": 1, \"seed\": 1, \"entr").unwrap();
    let run = repl(home.path(), "kubectl get ns -o name\n");
    let aside = home.path().join("sandbox.json.bad-1");
    assert_eq!(
        run.stderr,
        format!(
            "kubetutor: the saved sandbox could not be used: it is not a kubetutor journal (EOF while parsing a string at line 1 column 38); it was moved to {}; a fresh sandbox starts\n",
            aside.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap(),
        "{\"format_version\": 1, \"seed\": 1, \"entr"
    );
    assert!(run.ok);
    assert!(run.stdout.contains("namespace/default\n"));
    // A new, good state file replaced it.
    assert!(repl(home.path(), "time\n")
        .stderr
        .starts_with("kubetutor: restored"));
}

#[test]
fn a_state_file_from_a_newer_kubetutor_is_moved_aside() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("sandbox.json"),
        r#"{"format_version": 7, "seed": 1, "entries": {"new": "shape"}}"#,
    )
    .unwrap();
    let run = repl(home.path(), "time\n");
    assert_eq!(
        run.stderr,
        format!(
            "kubetutor: the saved sandbox could not be used: it was written by a newer kubetutor (format 7; this one reads up to 1); it was moved to {}; a fresh sandbox starts\n",
            home.path().join("sandbox.json.bad-1").display()
        )
    );
    assert!(run
        .stdout
        .starts_with("$ time\nMon, 03 Mar 2025 10:00:00 UTC"));
}

#[test]
fn fresh_starts_clean_and_keeps_the_old_sandbox_as_a_snapshot() {
    let home = tempfile::tempdir().unwrap();
    repl(home.path(), "kubectl create ns team-a\n");
    let fresh = kubetutor(
        home.path(),
        &["repl", "--fresh"],
        "kubectl get ns team-a -o name\n",
    );
    assert_eq!(
        fresh.stderr,
        "kubetutor: starting fresh; the old sandbox is kept as the snapshot \"previous\" (`load previous` brings it back)\n"
    );
    assert!(fresh.stdout.contains("namespaces \"team-a\" not found"));
    let back = repl(
        home.path(),
        "load previous\nkubectl get ns team-a -o name\n",
    );
    assert!(
        back.stdout.ends_with("namespace/team-a\n"),
        "{}",
        back.stdout
    );
}

#[test]
fn scripted_runs_leave_the_saved_sandbox_alone() {
    let home = tempfile::tempdir().unwrap();
    repl(home.path(), "kubectl create ns team-a\n");
    let before = std::fs::read(home.path().join("sandbox.json")).unwrap();
    let run = kubetutor(
        home.path(),
        &["run", "-"],
        "kubectl get ns team-a\nkubectl create ns b\n",
    );
    assert!(
        run.stdout.contains("namespaces \"team-a\" not found"),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read(home.path().join("sandbox.json")).unwrap(),
        before
    );
    // Piped stdin without `repl` is a scripted run too.
    kubetutor(home.path(), &[], "kubectl create ns c\n");
    assert_eq!(
        std::fs::read(home.path().join("sandbox.json")).unwrap(),
        before
    );
}

#[test]
fn a_journal_that_no_longer_replays_keeps_what_replayed() {
    let home = tempfile::tempdir().unwrap();
    repl(
        home.path(),
        "kubectl create ns team-a\nkubectl create ns team-b\n",
    );
    // Pretend the second command failed when it was saved: it now behaves differently.
    let state = home.path().join("sandbox.json");
    let text = std::fs::read_to_string(&state).unwrap();
    let edited = text.replacen(
        r#""text":"kubectl create ns team-b\n","status":0"#,
        r#""text":"kubectl create ns team-b\n","status":1"#,
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&state, edited).unwrap();
    let run = repl(home.path(), "kubectl get ns team-b -o name\n");
    assert_eq!(
        run.stderr,
        format!(
            "kubetutor: restored your sandbox (1 command, at Mon, 03 Mar 2025 10:00:00 UTC); `undo` steps back, `reset` starts over\n\
             kubetutor: only 1 of 2 commands replayed: command 2 (`kubectl create ns team-b`) exited with status 0; it exited with 1 when it was saved; the sandbox continues from there\n\
             kubetutor: the full saved sandbox is kept: it was moved to {}\n",
            home.path().join("sandbox.json.bad-1").display()
        )
    );
    assert!(run.stdout.ends_with(NOT_FOUND_B), "{}", run.stdout);
}

#[test]
fn lines_typed_into_a_pod_shell_are_restored_too() {
    let home = tempfile::tempdir().unwrap();
    let first = repl(
        home.path(),
        "kubectl run web --image=nginx\nsleep 10\nkubectl exec -it web -- sh\necho kept > /tmp/note\nexit\nkubectl get pod web -o name\n",
    );
    assert!(first.ok, "{}{}", first.stdout, first.stderr);
    let again = repl(home.path(), "kubectl exec web -- cat /tmp/note\n");
    assert!(
        again
            .stderr
            .starts_with("kubetutor: restored your sandbox (6 commands"),
        "{}",
        again.stderr
    );
    assert_eq!(again.stdout, "$ kubectl exec web -- cat /tmp/note\nkept\n");
}
