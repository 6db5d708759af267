//! Where a command's output goes. kubectl writes results to stdout and errors, warnings and
//! "No resources found" to stderr; a transcript keeps both in the order they were written.

/// A destination for command output.
pub trait Sink {
    fn out(&mut self, text: &str);
    fn err(&mut self, text: &str);
    /// Whether stdout is a colour terminal (a terminal, and `NO_COLOR` unset): only then
    /// may a command colour its output. Buffers, pipes and transcripts never are.
    fn color(&self) -> bool {
        false
    }
}

/// Whether the process's stdout is a terminal that takes colour: `NO_COLOR` (set and not
/// empty, <https://no-color.org>) turns colour off.
pub fn stdout_takes_color() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Collects output in order, and each stream apart.
#[derive(Default, Debug, Clone)]
pub struct Capture {
    /// Both streams interleaved as a terminal would show them.
    pub text: String,
    pub stdout: String,
    pub stderr: String,
}

impl Sink for Capture {
    fn out(&mut self, text: &str) {
        self.text.push_str(text);
        self.stdout.push_str(text);
    }
    fn err(&mut self, text: &str) {
        self.text.push_str(text);
        self.stderr.push_str(text);
    }
}

/// Writes straight to the process's stdout and stderr (the REPL).
#[derive(Default, Debug)]
pub struct Terminal;

impl Sink for Terminal {
    fn out(&mut self, text: &str) {
        write_stdout(text);
    }
    fn err(&mut self, text: &str) {
        write_stderr(text);
    }
    fn color(&self) -> bool {
        stdout_takes_color()
    }
}

/// The status a shell reports for a process killed by SIGPIPE (128 + 13).
pub const BROKEN_PIPE_STATUS: i32 = 141;

/// Write `text` to stdout at once. When the reader has gone (`kubetutor run FILE | head`)
/// the process ends quietly with `BROKEN_PIPE_STATUS`, as kubectl (like every Go program)
/// is ended by SIGPIPE: never a panic, never a message about it.
pub fn write_stdout(text: &str) {
    write_or_end(&mut std::io::stdout().lock(), text);
}

/// `write_stdout` for stderr; stdout is flushed first so both streams keep their order.
pub fn write_stderr(text: &str) {
    write_or_end(&mut std::io::stdout().lock(), "");
    write_or_end(&mut std::io::stderr().lock(), text);
}

fn write_or_end(stream: &mut dyn std::io::Write, text: &str) {
    if let Err(e) = stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
    {
        end_if_reader_gone(&e);
    }
}

/// End the process as SIGPIPE would if `e` says the reader of a pipe has gone; other
/// write errors (a full disk behind a redirect) are left to the caller, or ignored.
pub fn end_if_reader_gone(e: &std::io::Error) {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(BROKEN_PIPE_STATUS);
    }
}
