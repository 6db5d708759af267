//! Redirections: `<`, `>`, `>>`, `2>&1`, `>&2`, `N>file`, here-documents and here-strings.
//! A file being written is a buffer until the command ends, then goes to the host in one
//! write; it is created (or truncated) first, so a missing directory is reported before
//! the command runs, as the shells do.

use super::{Cx, Flow, Res, Shell};
use crate::shell::ast::{Redirect, RedirectOp};
use crate::shell::io::{Input, Io, Target};
use crate::shell::{Dialect, FsError};

/// A file opened for writing by a redirection: its buffer and path.
pub(crate) struct OpenFile {
    target: Target,
    path: String,
}

impl Shell {
    /// Runs `f` with `redirects` applied to a copy of `io`, then writes the files.
    pub(crate) fn with_redirects(
        &mut self,
        cx: &mut Cx,
        redirects: &[Redirect],
        io: &Io,
        f: impl FnOnce(&mut Shell, &mut Cx, &Io) -> Res,
    ) -> Res {
        self.with_redirects_for(cx, redirects, io, None, f)
    }

    /// [`Shell::with_redirects`] for a simple command named `writer`: a write the file
    /// system refuses is then reported in that program's own words.
    pub(crate) fn with_redirects_for(
        &mut self,
        cx: &mut Cx,
        redirects: &[Redirect],
        io: &Io,
        writer: Option<&str>,
        f: impl FnOnce(&mut Shell, &mut Cx, &Io) -> Res,
    ) -> Res {
        if redirects.is_empty() {
            return f(self, cx, io);
        }
        let mut rio = io.clone();
        let mut opened = Vec::new();
        let applied = self.apply_redirects(cx, redirects, &mut rio, &mut opened);
        let r = match applied {
            Ok(None) => f(self, cx, &rio),
            Ok(Some(status)) => Ok(status),
            Err(flow) => Err(flow),
        };
        // A write the file system refused (a full volume) fails the command, as the
        // program's own write(2) would.
        if self.close_files(cx, opened, io, writer) {
            if let Ok(0) = r {
                return Ok(1);
            }
        }
        r
    }

    fn apply_redirects(
        &mut self,
        cx: &mut Cx,
        redirects: &[Redirect],
        io: &mut Io,
        opened: &mut Vec<OpenFile>,
    ) -> Result<Option<i32>, Flow> {
        for r in redirects {
            let fd = r.target_fd() as usize;
            match &r.op {
                RedirectOp::Input(word) | RedirectOp::ReadWrite(word) => {
                    let path = self.expand_string(cx, word, io)?;
                    let text = if path == "/dev/null" {
                        Ok(String::new())
                    } else {
                        cx.host.read_file(&self.state.cwd, &path)
                    };
                    match text {
                        Ok(text) if fd == 0 => io.stdin = Some(Input::shared(text)),
                        Ok(_) => {}
                        Err(e) => return Ok(Some(self.open_failed(cx, io, &path, e, false))),
                    }
                }
                RedirectOp::Output(word) | RedirectOp::Append(word) => {
                    let append = matches!(r.op, RedirectOp::Append(_));
                    let path = self.expand_string(cx, word, io)?;
                    let target = match path.as_str() {
                        "/dev/null" => Target::Null,
                        "/dev/stdout" => io.fds[1],
                        "/dev/stderr" => io.fds[2],
                        _ => match cx.host.write_file(&self.state.cwd, &path, "", append) {
                            Ok(()) => {
                                let target = cx.out.push_buf();
                                opened.push(OpenFile {
                                    target,
                                    path: path.clone(),
                                });
                                target
                            }
                            Err(e) => return Ok(Some(self.open_failed(cx, io, &path, e, true))),
                        },
                    };
                    if fd < io.fds.len() && fd > 0 {
                        io.fds[fd] = target;
                    }
                }
                RedirectOp::DupOut(word) => {
                    let what = self.expand_string(cx, word, io)?;
                    if what == "-" {
                        if fd < io.fds.len() {
                            io.fds[fd] = Target::Null;
                        }
                        continue;
                    }
                    let src = what
                        .parse::<usize>()
                        .ok()
                        .filter(|&n| n < io.fds.len() && n > 0);
                    match src.map(|n| io.fds[n]) {
                        Some(t) if t != Target::Closed => {
                            if fd < io.fds.len() && fd > 0 {
                                io.fds[fd] = t;
                            }
                        }
                        _ => return Ok(Some(self.bad_fd(cx, io, &what))),
                    }
                }
                RedirectOp::DupIn(word) => {
                    let what = self.expand_string(cx, word, io)?;
                    if what == "-" && fd == 0 {
                        io.stdin = None;
                    }
                }
                RedirectOp::HereDoc(doc) => {
                    let text = match doc.body.get() {
                        Some(body) => self.expand_string(cx, body, io)?,
                        None => String::new(),
                    };
                    if fd == 0 {
                        io.stdin = Some(Input::shared(text));
                    }
                }
                RedirectOp::HereString(word) => {
                    let text = self.expand_string(cx, word, io)? + "\n";
                    if fd == 0 {
                        io.stdin = Some(Input::shared(text));
                    }
                }
            }
        }
        Ok(None)
    }

    /// Writes what the command wrote to its files, newest first (they are a stack).
    /// Returns whether a write failed.
    fn close_files(
        &mut self,
        cx: &mut Cx,
        opened: Vec<OpenFile>,
        io: &Io,
        writer: Option<&str>,
    ) -> bool {
        let mut failed = false;
        for file in opened.into_iter().rev() {
            debug_assert!(matches!(file.target, Target::Buf(_)));
            let data = cx.out.pop_buf();
            if data.is_empty() {
                continue;
            }
            if let Err(e) = cx.host.write_file(&self.state.cwd, &file.path, &data, true) {
                let msg = match writer {
                    Some(w) => self.write_error(w, e, cx.line),
                    None => Some(format!(
                        "{}{}: {}\n",
                        self.prefix(None, cx.line),
                        file.path,
                        e.strerror()
                    )),
                };
                if let Some(msg) = msg {
                    cx.out.write(io.err(), &msg);
                }
                failed = true;
            }
        }
        failed
    }

    /// What `writer` prints when its write(2) to a redirected file fails with `e` (None:
    /// nothing). The shells' own `echo`/`printf` word it their way: busybox ash's echo
    /// `sh: write error: ...` (its printf only sets the status), dash's
    /// `sh: 1: echo: echo: I/O error`, bash's `bash: line 1: echo: write error: ...`.
    /// Programs (busybox applets and GNU coreutils alike) say `cat: write error: ...`.
    fn write_error(&self, writer: &str, e: FsError, line: usize) -> Option<String> {
        let base = writer.rsplit('/').next().unwrap_or(writer);
        let builtin = matches!(writer, "echo" | "printf");
        let arg0 = self.state.arg0.rsplit('/').next().unwrap_or("sh");
        Some(match self.dialect {
            Dialect::Ash if writer == "echo" => format!("{arg0}: write error: {}\n", e.strerror()),
            Dialect::Ash if builtin => return None,
            Dialect::Dash if builtin => {
                format!("{}{writer}: I/O error\n", self.prefix(Some(writer), line))
            }
            Dialect::Bash if builtin => format!(
                "{}write error: {}\n",
                self.prefix(Some(writer), line),
                e.strerror()
            ),
            _ => format!("{base}: write error: {}\n", e.strerror()),
        })
    }

    /// Reports a file a redirection could not open; returns the status.
    fn open_failed(&self, cx: &mut Cx, io: &Io, path: &str, e: FsError, create: bool) -> i32 {
        let p = self.prefix(None, cx.line);
        let missing = matches!(e, FsError::NotFound | FsError::NotADirectory);
        let msg = match (self.dialect, create) {
            (Dialect::Dash, true) if missing => {
                format!("cannot create {path}: Directory nonexistent")
            }
            (Dialect::Dash, true) => format!("cannot create {path}: {}", e.strerror()),
            (Dialect::Dash, false) if missing => format!("cannot open {path}: No such file"),
            (Dialect::Dash, false) => format!("cannot open {path}: {}", e.strerror()),
            (Dialect::Ash, true) if missing => {
                format!("can't create {path}: nonexistent directory")
            }
            (Dialect::Ash, true) => format!("can't create {path}: {}", e.strerror()),
            (Dialect::Ash, false) if missing => format!("can't open {path}: no such file"),
            (Dialect::Ash, false) => format!("can't open {path}: {}", e.strerror()),
            (Dialect::Bash, _) => format!("{path}: {}", e.strerror()),
        };
        cx.out.write(io.err(), &format!("{p}{msg}\n"));
        self.error_status()
    }

    fn bad_fd(&self, cx: &mut Cx, io: &Io, what: &str) -> i32 {
        let msg = format!(
            "{}{what}: Bad file descriptor\n",
            self.prefix(None, cx.line)
        );
        cx.out.write(io.err(), &msg);
        self.error_status()
    }

    /// The status of a failed redirection or builtin error: 2 in dash and ash, 1 in bash.
    pub(crate) fn error_status(&self) -> i32 {
        if self.dialect == Dialect::Bash {
            1
        } else {
            2
        }
    }
}
