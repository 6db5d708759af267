//! What the tests that run the `kubetutor` binary share: feeding it stdin and collecting
//! what it printed and whether it succeeded.

use std::io::Write;
use std::process::{Command, Stdio};

/// What one run of the binary printed, and whether it exited 0.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub ok: bool,
}

/// Run `command` (the binary with its arguments and environment set) with `input` on
/// stdin and both output streams captured.
pub fn run_with_input(mut command: Command, input: &str) -> Run {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kubetutor runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    let out = child.wait_with_output().expect("kubetutor ends");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        ok: out.status.success(),
    }
}
