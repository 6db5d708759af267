//! The builtins: which names they are (POSIX's special builtins, whose assignments stay
//! and whose errors end a non-interactive shell, and the regular ones), the dispatcher,
//! and the lookup builtins `type` and `command`.

mod control;
pub mod echo;
mod test;
mod vars;

use crate::shell::interp::{Cx, Res, Shell};
use crate::shell::io::Io;
use crate::shell::parse::is_reserved;
use crate::shell::Dialect;
pub use control::normalize;

/// POSIX's special builtins (2.14).
const SPECIAL: &[&str] = &[
    ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set",
    "shift", "trap", "unset",
];

/// The regular builtins this shell has.
const REGULAR: &[&str] = &[
    "echo", "printf", "cd", "pwd", "true", "false", "test", "[", "read", "type", "command",
    "local", "wait", "umask",
];

/// Builtins of bash and busybox ash only.
const BASHLIKE: &[&str] = &["source", "let"];

pub fn is_special(name: &str) -> bool {
    SPECIAL.contains(&name)
}

pub fn is_regular(name: &str, dialect: Dialect) -> bool {
    REGULAR.contains(&name) || (dialect != Dialect::Dash && BASHLIKE.contains(&name))
}

/// `s` quoted for the shell when it needs it (bash's `set` and `set -x` style).
pub fn quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:=@%+,-".contains(c));
    if safe {
        s.to_string()
    } else {
        squote(s)
    }
}

/// `s` in single quotes, always (dash's `set` and `export -p`).
pub fn squote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

impl Shell {
    pub(crate) fn run_builtin(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        match argv[0].as_str() {
            ":" | "true" => Ok(0),
            "false" => Ok(1),
            "echo" => self.echo(cx, argv, io),
            "printf" => self.printf(cx, argv, io),
            "cd" => self.cd(cx, argv, io),
            "pwd" => {
                let text = format!("{}\n", self.state.cwd);
                cx.out.write(io.out(), &text);
                Ok(0)
            }
            "test" | "[" => self.test(cx, argv, io),
            "read" => self.read(cx, argv, io),
            "export" => self.export(cx, argv, io, false),
            "readonly" => self.export(cx, argv, io, true),
            "unset" => self.unset(cx, argv, io),
            "local" => self.local(cx, argv, io),
            "set" => self.set(cx, argv, io),
            "shift" => self.shift(cx, argv, io),
            "exit" => self.exit(cx, argv, io),
            "return" => self.return_(cx, argv, io),
            "break" | "continue" => self.break_(cx, argv, io),
            "eval" => self.eval(cx, argv, io),
            "." | "source" => self.source(cx, argv, io),
            "exec" => self.exec(cx, argv, io),
            "trap" => self.trap(cx, argv, io),
            "type" => self.type_(cx, argv, io),
            "command" => self.command(cx, argv, io),
            "wait" => Ok(0),
            "umask" => {
                cx.out.write(io.out(), "0022\n");
                Ok(0)
            }
            "let" => {
                let mut last = 0;
                for a in &argv[1..] {
                    last = self.arith(cx, &crate::shell::ast::Word::literal(a), io)?;
                }
                Ok(if last == 0 { 1 } else { 0 })
            }
            _ => Ok(127),
        }
    }

    /// Prints `msg` as builtin `name`'s error.
    pub(crate) fn builtin_error(&self, cx: &mut Cx, io: &Io, name: &str, msg: &str) {
        let text = format!("{}{msg}\n", self.prefix(Some(name), cx.line));
        cx.out.write(io.err(), &text);
    }

    /// What `name` is, for `type` and `command -v`.
    fn describe(&mut self, cx: &mut Cx, name: &str) -> Kind {
        if is_reserved(name) {
            Kind::Keyword
        } else if self.state.functions.contains_key(name) {
            Kind::Function
        } else if is_special(name) {
            Kind::Special
        } else if is_regular(name, self.dialect) {
            Kind::Builtin
        } else if let Some(path) = cx.host.command_path(name) {
            Kind::Path(path)
        } else {
            Kind::NotFound
        }
    }

    fn type_(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let mut status = 0;
        for name in argv[1..].iter().filter(|a| !a.starts_with('-')) {
            let line = match (self.describe(cx, name), self.dialect) {
                (Kind::Keyword, _) => format!("{name} is a shell keyword"),
                (Kind::Function, Dialect::Dash) => format!("{name} is a shell function"),
                (Kind::Function, _) => format!("{name} is a function"),
                (Kind::Special, Dialect::Bash) | (Kind::Builtin, _) => {
                    format!("{name} is a shell builtin")
                }
                (Kind::Special, _) => format!("{name} is a special shell builtin"),
                (Kind::Path(p), _) => format!("{name} is {p}"),
                (Kind::NotFound, Dialect::Bash) => {
                    self.builtin_error(cx, io, "type", &format!("{name}: not found"));
                    status = 1;
                    continue;
                }
                (Kind::NotFound, _) => {
                    status = 127;
                    format!("{name}: not found")
                }
            };
            cx.out.write(io.out(), &format!("{line}\n"));
        }
        Ok(status)
    }

    fn command(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let mut i = 1;
        let (mut v, mut big_v) = (false, false);
        while let Some(a) = argv.get(i) {
            match a.as_str() {
                "-v" => v = true,
                "-V" => big_v = true,
                "-p" => {}
                "--" => {
                    i += 1;
                    break;
                }
                _ => break,
            }
            i += 1;
        }
        let rest = &argv[i.min(argv.len())..];
        if big_v {
            let mut a = vec!["type".to_string()];
            a.extend(rest.iter().cloned());
            return self.type_(cx, &a, io);
        }
        if v {
            let mut status = 0;
            for name in rest {
                match self.describe(cx, name) {
                    Kind::Path(p) => cx.out.write(io.out(), &format!("{p}\n")),
                    Kind::NotFound => {
                        status = if self.dialect == Dialect::Bash {
                            1
                        } else {
                            127
                        };
                    }
                    _ => cx.out.write(io.out(), &format!("{name}\n")),
                }
            }
            return Ok(status);
        }
        if rest.is_empty() {
            return Ok(0);
        }
        self.dispatch(cx, rest.to_vec(), Vec::new(), io, false)
    }
}

enum Kind {
    Keyword,
    Function,
    Special,
    Builtin,
    Path(String),
    NotFound,
}
