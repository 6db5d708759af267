//! Transcript files: command lines starting with `$ ` followed by the output they should
//! print (the cram/trycmd idea). `check` replays the commands from a fresh cluster and
//! reports the first differences as a unified diff; `bless` rewrites the expected output.

use super::runner::{RunOptions, Runner};

/// The `$ ` commands of a transcript, as a plain script (continuation lines and heredoc
/// bodies kept with their command; pod-shell lines are found only by [`replay`]).
pub fn commands_of(transcript: &str) -> String {
    super::lexer::transcript_commands(transcript)
}

/// Replay a transcript; Ok(()) when the output matches, Err(diff) otherwise.
pub fn check(transcript: &str, options: RunOptions) -> Result<(), String> {
    check_named("expected", transcript, options)
}

/// [`check`], the diff's sides named after the transcript (`--- NAME (expected)`).
pub fn check_named(name: &str, transcript: &str, options: RunOptions) -> Result<(), String> {
    let actual = replay(transcript, options);
    if actual == transcript {
        Ok(())
    } else if name == "expected" {
        Err(unified_diff(transcript, &actual))
    } else {
        Err(unified_diff_labeled(
            transcript,
            &actual,
            &format!("{name} (expected)"),
            &format!("{name} (actual)"),
        ))
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

/// How many differing regions (hunks) a report shows; the rest are counted.
pub const MAX_HUNKS: usize = 3;
/// How many lines of hunks a report shows at most (a command that printed nothing like
/// what was expected can differ over thousands of lines).
pub const MAX_DIFF_LINES: usize = 80;

/// The first differences of `actual` from `expected` as a unified diff (three lines of
/// context, at most [`MAX_HUNKS`] hunks, then how many more there are), headed
/// `--- expected` / `+++ actual`. Empty when the texts are equal.
pub fn unified_diff(expected: &str, actual: &str) -> String {
    unified_diff_labeled(expected, actual, "expected", "actual")
}

/// [`unified_diff`] with the two sides named (e.g. the transcript's path).
pub fn unified_diff_labeled(expected: &str, actual: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(expected, actual);
    let mut unified = diff.unified_diff();
    unified.context_radius(3);
    let hunks: Vec<_> = unified.iter_hunks().collect();
    if hunks.is_empty() {
        return String::new();
    }
    let mut out = format!("--- {old}\n+++ {new}\n");
    let mut shown = 0;
    for hunk in hunks.iter().take(MAX_HUNKS) {
        // A hunk prints its `@@` header and lines, each ending in a newline (and
        // `\ No newline at end of file` where a side lacks its final one).
        let text = hunk.to_string();
        let lines: Vec<&str> = text.lines().collect();
        let room = MAX_DIFF_LINES.saturating_sub(shown);
        for l in lines.iter().take(room) {
            out.push_str(l);
            out.push('\n');
        }
        shown += lines.len().min(room);
        if lines.len() > room {
            out.push_str(&format!(
                "... ({} more lines of this region)\n",
                lines.len() - room
            ));
            break;
        }
    }
    if hunks.len() > MAX_HUNKS {
        let more = hunks.len() - MAX_HUNKS;
        let s = if more == 1 { "" } else { "s" };
        out.push_str(&format!("... and {more} more differing region{s}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified_diff("a\nb\n", "a\nb\n"), "");
    }

    #[test]
    fn a_changed_line_is_a_unified_hunk_with_context() {
        let expected = "1\n2\n3\n4\n5\n6\n7\n";
        let actual = "1\n2\n3\nfour\n5\n6\n7\n";
        assert_eq!(
            unified_diff(expected, actual),
            "--- expected\n+++ actual\n@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-4\n+four\n 5\n 6\n 7\n"
        );
    }

    #[test]
    fn a_missing_final_newline_is_marked() {
        let d = unified_diff("a\n", "a");
        assert!(d.contains("-a\n+a\n\\ No newline at end of file\n"), "{d}");
    }

    #[test]
    fn only_the_first_hunks_are_shown() {
        let expected: String = (0..100).map(|i| format!("{i}\n")).collect();
        let actual: String = (0..100)
            .map(|i| {
                if i % 20 == 0 {
                    format!("x{i}\n")
                } else {
                    format!("{i}\n")
                }
            })
            .collect();
        let d = unified_diff(&expected, &actual);
        assert_eq!(d.matches("@@ -").count(), MAX_HUNKS, "{d}");
        assert!(d.ends_with("... and 2 more differing regions\n"), "{d}");
    }

    #[test]
    fn a_long_region_is_cut() {
        let expected: String = (0..500).map(|i| format!("{i}\n")).collect();
        let d = unified_diff(&expected, "");
        assert_eq!(d.lines().count(), 2 + MAX_DIFF_LINES + 1, "{d}");
        assert!(d.ends_with("... (421 more lines of this region)\n"), "{d}");
    }
}
