//! Builtins that change where the shell is or what it runs next: `cd`, `exit`, `return`,
//! `break`/`continue`, `eval`, `.`/`source`, `exec` and `trap`.

use crate::shell::interp::{Cx, Flow, Res, Shell};
use crate::shell::io::Io;
use crate::shell::parse;
use crate::shell::{Dialect, FsError};

/// `path` made absolute against `cwd`, with `.` and `..` resolved by name (as `cd`
/// does without `-P`).
pub fn normalize(cwd: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{cwd}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

impl Shell {
    pub(super) fn cd(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let args: Vec<&String> = argv[1..]
            .iter()
            .filter(|a| !matches!(a.as_str(), "-L" | "-P"))
            .collect();
        if args.len() > 1 && self.dialect == Dialect::Bash {
            self.builtin_error(cx, io, "cd", "too many arguments");
            return Ok(1);
        }
        let (target, print) = match args.first().map(|s| s.as_str()) {
            None | Some("") if args.is_empty() => match self.var("HOME") {
                Some(h) if !h.is_empty() => (h.to_string(), false),
                _ if self.dialect == Dialect::Bash => {
                    self.builtin_error(cx, io, "cd", "HOME not set");
                    return Ok(1);
                }
                _ => return Ok(0),
            },
            Some("-") => match self.var("OLDPWD") {
                Some(o) if !o.is_empty() => (o.to_string(), true),
                _ if self.dialect == Dialect::Bash => {
                    self.builtin_error(cx, io, "cd", "OLDPWD not set");
                    return Ok(1);
                }
                _ => (self.state.cwd.clone(), true),
            },
            Some(d) => (d.to_string(), false),
            None => return Ok(0),
        };
        let cwd = self.state.cwd.clone();
        let path = normalize(&cwd, &target);
        if !cx.host.is_dir(&cwd, &path) {
            let e = if cx.host.exists(&cwd, &path) {
                FsError::NotADirectory
            } else {
                FsError::NotFound
            };
            let msg = match self.dialect {
                Dialect::Dash => format!("can't cd to {target}"),
                Dialect::Ash => format!("can't cd to {target}: {}", e.strerror()),
                Dialect::Bash => format!("{target}: {}", e.strerror()),
            };
            self.builtin_error(cx, io, "cd", &msg);
            return Ok(self.error_status());
        }
        self.set_exported("OLDPWD", &cwd);
        self.set_exported("PWD", &path);
        self.state.cwd = path.clone();
        if print {
            cx.out.write(io.out(), &format!("{path}\n"));
        }
        Ok(0)
    }

    pub(super) fn exit(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        if self.dialect == Dialect::Bash && self.interactive && cx.depth == 0 {
            cx.out.write(io.err(), "exit\n");
        }
        let code = match argv.get(1) {
            None => self.state.last_status,
            Some(a) => match a.trim().parse::<i64>() {
                Ok(n) if n >= 0 || self.dialect == Dialect::Bash => n as i32,
                _ => {
                    let msg = match self.dialect {
                        Dialect::Bash => format!("{a}: numeric argument required"),
                        _ => format!("Illegal number: {a}"),
                    };
                    self.builtin_error(cx, io, "exit", &msg);
                    return Err(if self.dialect == Dialect::Bash {
                        Flow::Exit(2)
                    } else {
                        Flow::Error(2)
                    });
                }
            },
        };
        Err(Flow::Exit(code & 0xff))
    }

    pub(super) fn return_(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let code = match argv.get(1).map(|a| a.parse::<i64>()) {
            None => self.state.last_status,
            Some(Ok(n)) => (n & 0xff) as i32,
            Some(Err(_)) => {
                let msg = match self.dialect {
                    Dialect::Bash => format!("{}: numeric argument required", argv[1]),
                    _ => format!("Illegal number: {}", argv[1]),
                };
                self.builtin_error(cx, io, "return", &msg);
                return Ok(2);
            }
        };
        if cx.funcs == 0 && cx.sourcing == 0 {
            if self.dialect == Dialect::Bash {
                self.builtin_error(
                    cx,
                    io,
                    "return",
                    "can only `return' from a function or sourced script",
                );
                return Ok(1);
            }
            return Err(Flow::Exit(code));
        }
        Err(Flow::Return(code))
    }

    pub(super) fn break_(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let name = argv[0].as_str();
        let n = match argv.get(1).map(|a| a.parse::<i64>()) {
            None => 1,
            Some(Ok(n)) if n >= 1 => n as usize,
            Some(_) => {
                let a = &argv[1];
                let msg = match self.dialect {
                    Dialect::Bash => format!("{a}: loop count out of range"),
                    _ => format!("Illegal number: {a}"),
                };
                self.builtin_error(cx, io, name, &msg);
                return Ok(1);
            }
        };
        if cx.loops == 0 {
            if self.dialect == Dialect::Bash {
                self.builtin_error(
                    cx,
                    io,
                    name,
                    "only meaningful in a `for', `while', or `until' loop",
                );
            }
            return Ok(0);
        }
        let n = n.min(cx.loops);
        Err(if name == "break" {
            Flow::Break(n)
        } else {
            Flow::Continue(n)
        })
    }

    /// Parses and runs `text` at the current line (`eval`, `.`, traps).
    fn run_text(&mut self, cx: &mut Cx, text: &str, io: &Io) -> Res {
        let parsed = match parse::parse(text, self.dialect, self.limits.max_depth) {
            Ok(p) => p,
            Err(e) => {
                let prefix = if e.is_limit() {
                    String::new()
                } else {
                    self.prefix(None, cx.line)
                };
                let msg = format!("{prefix}{}\n", e.message(self.dialect));
                cx.out.write(io.err(), &msg);
                return Err(Flow::Error(2));
            }
        };
        cx.enter(&self.limits)?;
        let saved = cx.base;
        cx.base = cx.line.saturating_sub(1);
        let r = self.run_list(cx, &parsed.list, io);
        cx.base = saved;
        cx.leave();
        r
    }

    pub(super) fn eval(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let text = argv[1..].join(" ");
        self.run_text(cx, &text, io)
    }

    pub(super) fn source(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let name = argv[0].as_str();
        let Some(file) = argv.get(1) else {
            let msg = match self.dialect {
                Dialect::Bash => "filename argument required",
                _ => "missing filename",
            };
            self.builtin_error(cx, io, name, msg);
            return Ok(2);
        };
        let text = match cx.host.read_file(&self.state.cwd, file) {
            Ok(t) => t,
            Err(e) => {
                let (builtin, msg) = match self.dialect {
                    Dialect::Dash => (Some(name), format!("cannot open {file}: No such file")),
                    Dialect::Ash => (Some(name), format!("can't open '{file}': {}", e.strerror())),
                    Dialect::Bash => (None, format!("{file}: {}", e.strerror())),
                };
                let text = format!("{}{msg}\n", self.prefix(builtin, cx.line));
                cx.out.write(io.err(), &text);
                return if self.dialect == Dialect::Bash {
                    Ok(1)
                } else {
                    Err(Flow::Error(2))
                };
            }
        };
        let saved_args = (argv.len() > 2)
            .then(|| std::mem::replace(&mut self.state.positional, argv[2..].to_vec()));
        cx.sourcing += 1;
        let r = self.run_text(cx, &text, io);
        cx.sourcing -= 1;
        if let Some(args) = saved_args {
            self.state.positional = args;
        }
        match r {
            Err(Flow::Return(s)) => Ok(s),
            other => other,
        }
    }

    pub(super) fn exec(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        if argv.len() == 1 {
            return Ok(0);
        }
        let status = self.dispatch(cx, argv[1..].to_vec(), Vec::new(), io, false)?;
        Err(Flow::Exit(status))
    }

    pub(super) fn trap(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        match argv.len() {
            1 => {
                if let Some(t) = &self.state.exit_trap {
                    let line = format!("trap -- {} EXIT\n", super::squote(t));
                    cx.out.write(io.out(), &line);
                }
                Ok(0)
            }
            2 => Ok(0),
            _ => {
                let action = &argv[1];
                for sig in &argv[2..] {
                    if matches!(sig.as_str(), "0" | "EXIT") {
                        self.state.exit_trap = match action.as_str() {
                            "-" | "" => None,
                            a => Some(a.to_string()),
                        };
                    }
                }
                Ok(0)
            }
        }
    }
}
