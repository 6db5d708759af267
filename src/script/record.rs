//! Recording a live session as a transcript (`kubetutor --record FILE`): each command is
//! written as the transcript format shows it (`$ cmd`, `> ` continuation lines, a pod
//! shell's own prompt while one is attached) followed by what it printed, so
//! `kubetutor run --check FILE` replays the session and finds the same output.
//!
//! The file is written as the session goes (one write and flush per command), so a
//! session that ends abruptly still leaves the commands it ran. [`Tee`] is the sink that
//! shows output and keeps a copy; [`Recorder::run`] runs one command the way a script
//! does (no echo, one tick of virtual time after it), which is what makes the recording
//! replay exactly.

use super::lexer::{self, ScriptLine};
use super::runner::Runner;
use crate::kubectl::output::{Capture, Sink};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A [`Sink`] that passes output on and keeps a copy of both streams, in order.
pub struct Tee<'a> {
    pub inner: &'a mut dyn Sink,
    pub copy: Capture,
}

impl<'a> Tee<'a> {
    pub fn new(inner: &'a mut dyn Sink) -> Self {
        Tee {
            inner,
            copy: Capture::default(),
        }
    }
}

impl Sink for Tee<'_> {
    fn out(&mut self, text: &str) {
        self.copy.out(text);
        self.inner.out(text);
    }
    fn err(&mut self, text: &str) {
        self.copy.err(text);
        self.inner.err(text);
    }
    fn color(&self) -> bool {
        // What is recorded must not depend on the terminal it was shown on.
        false
    }
}

/// Writes a transcript of a session to a file, command by command.
pub struct Recorder {
    path: PathBuf,
    file: std::fs::File,
    /// The last output written did not end its line.
    open_line: bool,
}

impl Recorder {
    /// Creates (or empties) the transcript file.
    pub fn new(path: impl AsRef<Path>) -> std::io::Result<Recorder> {
        let path = path.as_ref().to_path_buf();
        let file = std::fs::File::create(&path)?;
        Ok(Recorder {
            path,
            file,
            open_line: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records a command typed at the learner's `$ ` prompt and what it printed.
    pub fn record(&mut self, cmd: &str, output: &str) -> std::io::Result<()> {
        self.record_after("$ ", cmd, output)
    }

    /// Records a command typed after `prompt` (a pod shell's prompt while one is
    /// attached) and what it printed. `cmd` may span lines (a heredoc, a `\`
    /// continuation): its further lines are written as the transcript format shows them.
    pub fn record_after(&mut self, prompt: &str, cmd: &str, output: &str) -> std::io::Result<()> {
        let line = echo_line(cmd);
        self.write_step(&line.echo_after(prompt), output)
    }

    fn write_step(&mut self, echo: &str, output: &str) -> std::io::Result<()> {
        let mut text = String::new();
        // As in a replay: output without a final newline ends its line before the next
        // command.
        if self.open_line {
            text.push('\n');
        }
        text.push_str(echo);
        text.push_str(output);
        if !output.is_empty() {
            self.open_line = !output.ends_with('\n');
        } else {
            self.open_line = false;
        }
        self.file.write_all(text.as_bytes())?;
        self.file.flush()
    }

    /// Runs one command of a live session the way a script runs it (to the attached pod
    /// shell if there is one, then one tick of virtual time), shows its output on `sink`
    /// and records it. Returns true when the session should stop (`exit`).
    pub fn run(
        &mut self,
        runner: &mut Runner,
        cmd: &ScriptLine,
        sink: &mut dyn Sink,
    ) -> std::io::Result<bool> {
        let echo = cmd.echo_after(&runner.prompt());
        let mut tee = Tee::new(sink);
        let stop = runner.step(cmd, &mut tee);
        let output = tee.copy.text;
        self.write_step(&echo, &output)?;
        Ok(stop)
    }

    /// The session ended: a pod shell still attached sees end of file; what it prints
    /// goes into the recording too.
    pub fn finish(&mut self, runner: &mut Runner, sink: &mut dyn Sink) -> std::io::Result<()> {
        let mut tee = Tee::new(sink);
        runner.end(&mut tee);
        let output = tee.copy.text;
        if !output.is_empty() {
            self.file.write_all(output.as_bytes())?;
        }
        self.file.flush()
    }
}

/// `cmd` as one command of a script (its lines grouped and classified).
fn echo_line(cmd: &str) -> ScriptLine {
    let mut commands = lexer::split_commands(cmd);
    if commands.len() == 1 {
        if let Some(line) = commands.pop() {
            return line;
        }
    }
    // Several commands or none: keep the text as typed, one line after another.
    let lines: Vec<(String, lexer::LineKind)> = cmd
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let kind = if i == 0 {
                lexer::LineKind::First
            } else {
                lexer::LineKind::Continuation
            };
            (l.to_string(), kind)
        })
        .collect();
    ScriptLine {
        line: 1,
        source: cmd.to_string(),
        text: format!("{cmd}\n"),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::runner::RunOptions;
    use crate::script::transcript;

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("kubetutor-record-{}-{name}.t", std::process::id()))
    }

    #[test]
    fn a_recorded_session_replays_exactly() {
        let path = temp("replay");
        let mut rec = Recorder::new(&path).expect("temp file");
        let mut runner = Runner::new(RunOptions {
            quiet: true,
            ..Default::default()
        });
        let mut screen = Capture::default();
        let script = "kubectl create deployment web --image=nginx --replicas=2\n\
             sleep 20\n\
             kubectl get deploy\n\
             echo -n no newline\n\
             kubectl get pods --no-headers | wc -l\n\
             cat <<EOF\nhello\nEOF\n\
             kubectl exec -it $(kubectl get pods -o name | head -1) -- sh\n\
             echo inside\n";
        for cmd in lexer::split_commands(script) {
            assert!(!rec.run(&mut runner, &cmd, &mut screen).expect("write"));
        }
        rec.finish(&mut runner, &mut screen).expect("write");
        let recorded = std::fs::read_to_string(&path).expect("recording");
        let _ = std::fs::remove_file(&path);
        assert!(recorded.starts_with(
            "$ kubectl create deployment web --image=nginx --replicas=2\n\
             deployment.apps/web created\n$ sleep 20\n$ kubectl get deploy\n"
        ));
        assert!(recorded.contains("$ echo -n no newline\nno newline\n$ kubectl get pods"));
        assert!(recorded.contains("$ cat <<EOF\nhello\nEOF\nhello\n"));
        assert!(recorded.contains("\n# echo inside\ninside\n"), "{recorded}");
        // What the learner saw is what was recorded, less the echoes.
        assert!(screen.text.starts_with("deployment.apps/web created\n"));
        assert_eq!(
            transcript::check(&recorded, RunOptions::default()),
            Ok(()),
            "{recorded}"
        );
    }

    #[test]
    fn record_writes_commands_and_output_in_the_transcript_format() {
        let path = temp("format");
        let mut rec = Recorder::new(&path).expect("temp file");
        rec.record(
            "kubectl get pods",
            "No resources found in default namespace.\n",
        )
        .expect("write");
        rec.record("echo -n a", "a").expect("write");
        rec.record_after("/ # ", "ls \\\n  /", "bin\n")
            .expect("write");
        let text = std::fs::read_to_string(&path).expect("recording");
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            text,
            "$ kubectl get pods\nNo resources found in default namespace.\n\
             $ echo -n a\na\n/ # ls \\\n>   /\nbin\n"
        );
    }
}
