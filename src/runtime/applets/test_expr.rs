//! `test` and `[` per POSIX: strings, integers, files, `!`, `-a`, `-o`, parentheses.

use super::Call;
use crate::kubectl::output::Sink;
use crate::runtime::host::PodHost;

/// `test`/`[` per POSIX (numbers, strings, files, `!`, `-a`, `-o`, parentheses).
pub fn test(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bracket = call.name() == "[";
    let mut args: Vec<String> = call.args().to_vec();
    if bracket {
        if args.last().map(String::as_str) != Some("]") {
            if host.busybox() {
                io.err("[: missing ]\n");
            } else {
                io.err("[: missing ']'\n");
            }
            return 2;
        }
        args.pop();
    }
    let mut p = TestParser {
        args: &args,
        pos: 0,
        host,
        cwd: call.cwd,
        err: None,
    };
    let r = if args.is_empty() { false } else { p.or() };
    if p.err.is_none() && p.pos < args.len() {
        p.err = Some(format!("{}: extra argument '{}'", call.name(), args[p.pos]));
    }
    if let Some(e) = p.err {
        io.err(&format!("{e}\n"));
        return 2;
    }
    if r {
        0
    } else {
        1
    }
}

struct TestParser<'t, 'h, 'c> {
    args: &'t [String],
    pos: usize,
    host: &'t mut PodHost<'h>,
    cwd: &'c str,
    err: Option<String>,
}

impl TestParser<'_, '_, '_> {
    fn peek(&self) -> Option<&str> {
        self.args.get(self.pos).map(String::as_str)
    }

    fn or(&mut self) -> bool {
        let mut v = self.and();
        while self.peek() == Some("-o") {
            self.pos += 1;
            let r = self.and();
            v = v || r;
        }
        v
    }

    fn and(&mut self) -> bool {
        let mut v = self.not();
        while self.peek() == Some("-a") {
            self.pos += 1;
            let r = self.not();
            v = v && r;
        }
        v
    }

    fn not(&mut self) -> bool {
        if self.peek() == Some("!") && self.args.len() - self.pos > 1 {
            self.pos += 1;
            return !self.not();
        }
        self.primary()
    }

    fn int(&mut self, s: &str) -> i64 {
        match s.trim().parse() {
            Ok(v) => v,
            Err(_) => {
                if self.err.is_none() {
                    self.err = Some(format!("test: {s}: integer expression expected"));
                }
                0
            }
        }
    }

    fn primary(&mut self) -> bool {
        let Some(a) = self.peek().map(String::from) else {
            return false;
        };
        if a == "(" {
            self.pos += 1;
            let v = self.or();
            if self.peek() == Some(")") {
                self.pos += 1;
            } else if self.err.is_none() {
                self.err = Some("test: missing ')'".into());
            }
            return v;
        }
        // Binary operators.
        if let (Some(op), Some(rhs)) = (self.args.get(self.pos + 1), self.args.get(self.pos + 2)) {
            let (op, rhs) = (op.clone(), rhs.clone());
            let bin = match op.as_str() {
                "=" | "==" => Some(a == rhs),
                "!=" => Some(a != rhs),
                "<" => Some(a < rhs),
                ">" => Some(a > rhs),
                "-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge" => {
                    let (x, y) = (self.int(&a), self.int(&rhs));
                    Some(match op.as_str() {
                        "-eq" => x == y,
                        "-ne" => x != y,
                        "-lt" => x < y,
                        "-le" => x <= y,
                        "-gt" => x > y,
                        _ => x >= y,
                    })
                }
                _ => None,
            };
            if let Some(v) = bin {
                self.pos += 3;
                return v;
            }
        }
        // Unary operators.
        if a.len() == 2 && a.starts_with('-') && self.args.len() > self.pos + 1 {
            let operand = self.args[self.pos + 1].clone();
            let cwd = self.cwd;
            let unary = match a.as_str() {
                "-n" => Some(!operand.is_empty()),
                "-z" => Some(operand.is_empty()),
                "-e" | "-f" | "-d" | "-s" | "-r" | "-w" | "-x" | "-L" | "-h" | "-c" | "-p"
                | "-S" | "-b" => {
                    let follow = !matches!(a.as_str(), "-L" | "-h");
                    let st = self
                        .host
                        .fs()
                        .and_then(|fs| fs.stat(cwd, &operand, follow).ok());
                    Some(match (a.as_str(), st) {
                        (_, None) => false,
                        ("-e", Some(_)) => true,
                        ("-f", Some(s)) => s.type_char == '-',
                        ("-d", Some(s)) => s.is_dir(),
                        ("-s", Some(s)) => s.size > 0,
                        ("-r", Some(_)) | ("-w", Some(_)) => true,
                        ("-x", Some(s)) => s.mode & 0o111 != 0,
                        ("-L" | "-h", Some(s)) => s.type_char == 'l',
                        ("-c", Some(s)) => s.type_char == 'c',
                        _ => false,
                    })
                }
                _ => None,
            };
            if let Some(v) = unary {
                self.pos += 2;
                return v;
            }
        }
        self.pos += 1;
        !a.is_empty()
    }
}
