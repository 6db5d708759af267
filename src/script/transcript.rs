//! Transcript files: command lines starting with `$ ` followed by the output they should
//! print (the cram/trycmd idea). `check` replays the commands from a fresh cluster and
//! reports the first difference as a unified diff; `bless` rewrites the expected output.

use super::runner::{RunOptions, Runner};

/// The `$ ` commands of a transcript, as a plain script (continuation lines and heredoc
/// bodies kept with their command; pod-shell lines are found only by [`replay`]).
pub fn commands_of(transcript: &str) -> String {
    super::lexer::transcript_commands(transcript)
}

/// Replay a transcript; Ok(()) when the output matches, Err(diff) otherwise.
pub fn check(transcript: &str, options: RunOptions) -> Result<(), String> {
    let actual = replay(transcript, options);
    if actual == transcript {
        Ok(())
    } else {
        Err(unified_diff(transcript, &actual))
    }
}

/// What the transcript's commands print now (the blessed text). Commands are read in
/// step with the replay: a command line starts with `$ `, or with the prompt of the pod
/// shell attached at that point; the expected output after a command is skipped line for
/// line as long as it matches what the command printed, so output that happens to look
/// like a prompt (`# ` comments under dash's `# `) is never mistaken for a command.
pub fn replay(transcript: &str, options: RunOptions) -> String {
    let mut runner = Runner::new(RunOptions {
        quiet: false,
        ..options
    });
    let lines: Vec<&str> = transcript.lines().collect();
    let mut out = crate::kubectl::output::Capture::default();
    let mut i = 0;
    while i < lines.len() {
        let prompt = runner.prompt();
        let Some((cmd, used)) = super::lexer::transcript_command_at(&lines[i..], &prompt) else {
            i += 1;
            continue;
        };
        i += used;
        let before = out.text.len();
        let stop = runner.run_command(&cmd, &mut out);
        // Skip the expected output that matches what ran.
        let newline = usize::from(before > 0 && !out.text[..before].ends_with('\n'));
        let start = before + newline + cmd.echo_after(&prompt).len();
        let printed = &out.text[start.min(out.text.len())..];
        for actual in printed.lines() {
            if lines.get(i) == Some(&actual) {
                i += 1;
            } else {
                break;
            }
        }
        if stop {
            break;
        }
    }
    runner.end(&mut out);
    out.text
}

/// A small unified diff (expected vs actual) of the first differing region.
pub fn unified_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = e
        .iter()
        .zip(a.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let start = first.saturating_sub(3);
    let mut out = format!(
        "--- expected\n+++ actual\n@@ -{},{} +{},{} @@\n",
        start + 1,
        e.len().saturating_sub(start).min(12),
        start + 1,
        a.len().saturating_sub(start).min(12)
    );
    for l in &e[start..first] {
        out.push_str(&format!(" {l}\n"));
    }
    for l in e.iter().skip(first).take(8) {
        out.push_str(&format!("-{l}\n"));
    }
    for l in a.iter().skip(first).take(8) {
        out.push_str(&format!("+{l}\n"));
    }
    if e.len() == a.len() && expected.ends_with('\n') != actual.ends_with('\n') {
        out.push_str("(the texts differ in their final newline)\n");
    }
    out
}
