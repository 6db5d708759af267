//! Where a command's descriptors point while it runs: the caller's terminal (the [`Sink`]'s
//! stdout and stderr), an in-memory buffer (a pipe, `$(...)`, a file being written) or
//! nowhere. Commands run one after another, so a pipe is a buffer the next stage reads.
//! Everything written is counted against [`crate::shell::Limits::max_output_bytes`].

use crate::kubectl::output::Sink;
use std::cell::RefCell;
use std::rc::Rc;

/// Where one output descriptor writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Stdout,
    Stderr,
    /// A buffer on the [`Output`] stack.
    Buf(usize),
    /// `/dev/null` or a closed descriptor that discards.
    Null,
    /// Not open: writing to it is an error (`>&3` without `3>`).
    Closed,
}

/// What a command reads: the rest of a text, consumed by `read` line by line.
#[derive(Debug, Default)]
pub struct Input {
    pub text: String,
    pub pos: usize,
}

impl Input {
    pub fn shared(text: String) -> Rc<RefCell<Input>> {
        Rc::new(RefCell::new(Input { text, pos: 0 }))
    }

    pub fn rest(&self) -> &str {
        &self.text[self.pos.min(self.text.len())..]
    }
}

/// A command's descriptors. Cloned for each command; redirections change the clone.
#[derive(Clone, Debug)]
pub struct Io {
    /// Descriptor 0; None: a terminal with nothing typed.
    pub stdin: Option<Rc<RefCell<Input>>>,
    /// Descriptors 0..=9 for output (0 unused).
    pub fds: [Target; 10],
}

impl Io {
    /// A terminal: stdout and stderr to the sink, nothing to read.
    pub fn terminal(stdin: Option<&str>) -> Io {
        let mut fds = [Target::Closed; 10];
        fds[1] = Target::Stdout;
        fds[2] = Target::Stderr;
        Io {
            stdin: stdin.map(|s| Input::shared(s.to_string())),
            fds,
        }
    }

    pub fn out(&self) -> Target {
        self.fds[1]
    }

    pub fn err(&self) -> Target {
        self.fds[2]
    }
}

/// The caller's sink plus the buffers of pipes and substitutions, with the output budget.
pub struct Output<'a> {
    sink: &'a mut dyn Sink,
    bufs: Vec<String>,
    written: usize,
    limit: usize,
    /// Set once the budget ran out (the message has been printed).
    pub truncated: bool,
}

impl<'a> Output<'a> {
    pub fn new(sink: &'a mut dyn Sink, limit: usize) -> Self {
        Output {
            sink,
            bufs: Vec::new(),
            written: 0,
            limit,
            truncated: false,
        }
    }

    /// Opens a buffer; the [`Target`] writes to it until [`Output::pop_buf`].
    pub fn push_buf(&mut self) -> Target {
        self.bufs.push(String::new());
        Target::Buf(self.bufs.len() - 1)
    }

    /// Closes the newest buffer and returns what was written to it.
    pub fn pop_buf(&mut self) -> String {
        self.bufs.pop().unwrap_or_default()
    }

    pub fn write(&mut self, target: Target, text: &str) {
        if text.is_empty() || self.truncated {
            return;
        }
        match target {
            Target::Null | Target::Closed => {}
            Target::Buf(i) => {
                let limit = self.limit;
                let over = match self.bufs.get_mut(i) {
                    Some(buf) if buf.len() + text.len() <= limit => {
                        buf.push_str(text);
                        false
                    }
                    Some(buf) => {
                        let room = floor_char_boundary(text, limit.saturating_sub(buf.len()));
                        buf.push_str(&text[..room]);
                        true
                    }
                    None => false,
                };
                if over {
                    self.cut();
                }
            }
            Target::Stdout | Target::Stderr => {
                let room = self.limit.saturating_sub(self.written);
                let take = if text.len() <= room {
                    text.len()
                } else {
                    floor_char_boundary(text, room)
                };
                self.written += take;
                if target == Target::Stdout {
                    self.sink.out(&text[..take]);
                } else {
                    self.sink.err(&text[..take]);
                }
                if take < text.len() {
                    self.cut();
                }
            }
        }
    }

    fn cut(&mut self) {
        self.truncated = true;
        self.sink.err(&format!(
            "\nkubetutor: output stopped after {} bytes (the sandbox's limit for one command line)\n",
            self.limit
        ));
    }

    /// Whether the caller's sink is a colour terminal ([`Sink::color`]).
    pub fn sink_color(&self) -> bool {
        self.sink.color()
    }

    /// Writes straight to the sink's stderr, outside the budget (the sandbox's own
    /// messages).
    pub fn notice(&mut self, text: &str) {
        self.sink.err(text);
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A [`Sink`] over a command's stdout and stderr descriptors: what builtins and the
/// [`crate::shell::Host`] write to.
pub struct Route<'o, 'a> {
    pub output: &'o mut Output<'a>,
    pub stdout: Target,
    pub stderr: Target,
}

impl Sink for Route<'_, '_> {
    fn out(&mut self, text: &str) {
        self.output.write(self.stdout, text);
    }
    fn err(&mut self, text: &str) {
        self.output.write(self.stderr, text);
    }
    /// Colour only when stdout is the caller's own terminal (not a pipe or a file).
    fn color(&self) -> bool {
        self.stdout == Target::Stdout && self.output.sink_color()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::output::Capture;

    #[test]
    fn buffers_nest_and_the_budget_cuts_output_once() {
        let mut cap = Capture::default();
        {
            let mut out = Output::new(&mut cap, 10);
            let outer = out.push_buf();
            out.write(outer, "a");
            let inner = out.push_buf();
            out.write(inner, "b");
            assert_eq!(out.pop_buf(), "b");
            assert_eq!(out.pop_buf(), "a");
            out.write(Target::Stdout, "0123456");
            out.write(Target::Stderr, "789abc");
            out.write(Target::Stdout, "more");
            assert!(out.truncated);
        }
        assert_eq!(cap.stdout, "0123456");
        assert!(cap
            .stderr
            .starts_with("789\nkubetutor: output stopped after 10 bytes"));
    }
}
