//! The REPL driven through a pseudo-terminal, as a learner types: Tab completes the name
//! of a pod that exists, history survives a restart (in `KUBETUTOR_HOME`), Ctrl-C ends a
//! live `kubectl get -w` and returns to the prompt, the sandbox comes back after a restart,
//! and a corrupted state file is moved aside while the REPL still starts. Timeouts are
//! generous and nothing here measures time: CI machines are slow.

#![cfg(unix)]

use rexpect::session::{spawn_with_options, Options, PtySession};
use std::path::Path;
use std::process::Command;

const PROMPT: &str = "kubetutor (default) $ ";
const TIMEOUT_MS: u64 = 60_000;

/// kubetutor in a pty, before its first output.
fn spawn(home: &Path, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    cmd.args(args)
        .env("KUBETUTOR_HOME", home)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .current_dir(home);
    spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true),
    )
    .expect("spawn kubetutor in a pty")
}

/// kubetutor in a pty, at its first prompt.
fn start(home: &Path, args: &[&str]) -> PtySession {
    let mut p = spawn(home, args);
    p.exp_string("Tab completes").expect("welcome screen");
    p.exp_string(PROMPT).expect("first prompt");
    p
}

/// Type `text` (no newline) and flush it to the terminal.
fn typed(p: &mut PtySession, text: &str) {
    p.send(text).expect("write to the pty");
    p.flush().expect("flush the pty");
}

/// Type a command, press Enter, and wait for `expect` in its output and the next prompt.
fn run(p: &mut PtySession, line: &str, expect: &str) {
    typed(p, &format!("{line}\r"));
    p.exp_string(expect)
        .unwrap_or_else(|e| panic!("{line}: expected {expect:?}: {e}"));
    p.exp_string(PROMPT).expect("prompt after the command");
}

/// `exit`, or Ctrl-D (which leaves no history entry).
fn leave(mut p: PtySession) {
    typed(&mut p, "exit\r");
    p.exp_eof().expect("the REPL exits");
}

fn ctrl_d(mut p: PtySession) {
    // On a loaded machine the prompt can show before the editor reads the terminal in
    // raw mode; give it a moment so Ctrl-D reaches it as a key, not as a line's EOF.
    std::thread::sleep(std::time::Duration::from_millis(300));
    typed(&mut p, "\x04");
    p.exp_eof().expect("Ctrl-D leaves");
}

#[test]
fn tab_completes_the_name_of_a_pod_that_exists() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = start(home.path(), &[]);
    run(
        &mut p,
        "kubectl run web-tab-test --image=nginx",
        "pod/web-tab-test created",
    );
    typed(&mut p, "kubectl delete pod web-t\t");
    p.exp_string("web-tab-test").expect("the name completed");
    typed(&mut p, "\r");
    p.exp_string("pod \"web-tab-test\" deleted")
        .expect("the completed command ran");
    p.exp_string(PROMPT).expect("prompt");
    leave(p);
}

#[test]
fn history_is_kept_across_restarts() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = start(home.path(), &[]);
    run(&mut p, "kubectl get namespace kube-public", "kube-public");
    ctrl_d(p);
    let saved = std::fs::read_to_string(home.path().join("history")).expect("history file");
    assert!(
        saved.contains("kubectl get namespace kube-public"),
        "{saved}"
    );

    let mut p = start(home.path(), &[]);
    // Up arrow brings the last command back; Enter runs it again.
    typed(&mut p, "\x1b[A");
    p.exp_string("kubectl get namespace kube-public")
        .expect("the previous session's command");
    typed(&mut p, "\r");
    p.exp_string("Active").expect("it ran");
    p.exp_string(PROMPT).expect("prompt");
    leave(p);
}

#[test]
fn ctrl_c_ends_a_live_watch_and_the_repl_goes_on() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = start(home.path(), &["--speed", "20"]);
    run(
        &mut p,
        "kubectl create deployment web --image=nginx --replicas=2",
        "deployment.apps/web created",
    );
    typed(&mut p, "kubectl get pods -w\r");
    p.exp_string("NAME").expect("the watch's header");
    p.exp_string("Running")
        .expect("rows stream as the pods start");
    typed(&mut p, "\x03");
    p.exp_string(PROMPT).expect("Ctrl-C returns to the prompt");
    run(&mut p, "kubectl get deployment web", "web ");
    // Ctrl-C on a line being typed clears it; the REPL is still there.
    typed(&mut p, "kubectl get no\x03");
    p.exp_string(PROMPT).expect("a fresh prompt");
    run(&mut p, "echo still-here", "still-here");
    leave(p);
}

#[test]
fn a_heredoc_spans_lines_and_help_is_honest() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = start(home.path(), &[]);
    typed(&mut p, "cat <<EOF\r");
    typed(&mut p, "multi-line-body\r");
    typed(&mut p, "EOF\r");
    p.exp_string("multi-line-body")
        .expect("echoed while typing");
    p.exp_string("multi-line-body").expect("printed by cat");
    p.exp_string(PROMPT).expect("prompt");
    run(&mut p, "help port-forward", "does not simulate");
    leave(p);
}

#[test]
fn the_sandbox_is_restored_after_a_restart() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = start(home.path(), &[]);
    run(
        &mut p,
        "kubectl create deployment keepme --image=nginx",
        "deployment.apps/keepme created",
    );
    ctrl_d(p);

    let mut p = start(home.path(), &[]);
    run(&mut p, "kubectl get deployment keepme", "keepme ");
    leave(p);

    // `--fresh` starts clean and keeps the old sandbox as a snapshot.
    let mut p = start(home.path(), &["--fresh"]);
    run(
        &mut p,
        "kubectl get deployment keepme",
        "Error from server (NotFound): deployments.apps \"keepme\" not found",
    );
    leave(p);
}

#[test]
fn a_corrupted_state_file_is_moved_aside_and_the_repl_starts() {
    let home = tempfile::tempdir().expect("temp dir");
    let state = home.path().join("sandbox.json");
    std::fs::write(&state, b"{ this is not a saved sandbox").expect("write garbage");

    let mut p = spawn(home.path(), &[]);
    p.exp_string("sandbox.json.bad-1")
        .expect("the learner is told where the bad file went");
    p.exp_string(PROMPT).expect("the REPL still starts");
    run(&mut p, "kubectl get ns default", "Active");
    leave(p);

    let kept = std::fs::read(home.path().join("sandbox.json.bad-1")).expect("bad copy kept");
    assert_eq!(kept, b"{ this is not a saved sandbox");
    assert!(state.exists(), "a new state file is written");
}
