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
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(text.as_bytes());
        let _ = o.flush();
    }
    fn err(&mut self, text: &str) {
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        let _ = o.flush();
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(text.as_bytes());
        let _ = e.flush();
    }
    fn color(&self) -> bool {
        stdout_takes_color()
    }
}
