//! `test` and `[`: POSIX's rules by argument count, then `!`, `-a`, `-o` and parentheses;
//! strings, integers and files (through the host). Errors as each shell words them:
//! dash `[: Illegal number: a`, bash `[: a: integer expression expected`, busybox
//! `a: bad number` (busybox's test prints under the shell's own name, without `[`).

use crate::shell::interp::{Cx, Res, Shell};
use crate::shell::io::Io;
use crate::shell::Dialect;

const UNARY: &[&str] = &[
    "-z", "-n", "-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h", "-b", "-c", "-p", "-S", "-t",
    "-g", "-u", "-k", "-O", "-G",
];
const BINARY: &[&str] = &[
    "=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-nt", "-ot", "-ef",
];

enum TestError {
    /// An integer operand that is not a number.
    BadNumber(String),
    /// `[ a b ]`: dash names the operator position, bash the operand.
    Unexpected(String),
    /// bash: `[: a: binary operator expected`.
    BinaryExpected(String),
    /// bash: `[: a: unary operator expected`.
    UnaryExpected(String),
    ArgumentExpected,
    /// dash and busybox: `[ 1 -eq ]`, the operator without its second operand.
    OperandMissing(String),
    MissingParen,
    TooDeep,
}

struct Eval<'s, 'c, 'h, 'o> {
    shell: &'s Shell,
    cx: &'c mut Cx<'h, 'o>,
    args: Vec<String>,
    pos: usize,
    depth: usize,
}

impl Shell {
    pub(super) fn test(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let name = argv[0].as_str();
        let mut args: Vec<String> = argv[1..].to_vec();
        if name == "[" {
            if args.last().map(String::as_str) != Some("]") {
                let msg = match self.dialect {
                    Dialect::Bash => "missing `]'",
                    _ => "missing ]",
                };
                self.test_error(cx, io, name, msg);
                return Ok(2);
            }
            args.pop();
        }
        let mut e = Eval {
            shell: self,
            cx,
            args,
            pos: 0,
            depth: 0,
        };
        let result = e.top();
        let (extra, cx) = (e.args.get(e.pos).cloned(), e.cx);
        match result {
            Ok(v) => {
                if let Some(extra) = extra {
                    let msg = match self.dialect {
                        Dialect::Bash => "too many arguments".to_string(),
                        Dialect::Dash => format!("{extra}: unexpected operator"),
                        Dialect::Ash => format!("{extra}: unknown operand"),
                    };
                    self.test_error(cx, io, name, &msg);
                    return Ok(2);
                }
                Ok(if v { 0 } else { 1 })
            }
            Err(err) => {
                let msg = match (err, self.dialect) {
                    (TestError::BadNumber(a), Dialect::Dash) => format!("Illegal number: {a}"),
                    (TestError::BadNumber(a), Dialect::Bash) => {
                        format!("{a}: integer expression expected")
                    }
                    (TestError::BadNumber(a), Dialect::Ash) => format!("{a}: bad number"),
                    (
                        TestError::Unexpected(a)
                        | TestError::BinaryExpected(a)
                        | TestError::UnaryExpected(a),
                        Dialect::Dash,
                    ) => {
                        format!("{a}: unexpected operator")
                    }
                    (
                        TestError::Unexpected(a)
                        | TestError::BinaryExpected(a)
                        | TestError::UnaryExpected(a),
                        Dialect::Ash,
                    ) => {
                        format!("{a}: unknown operand")
                    }
                    (TestError::BinaryExpected(a), Dialect::Bash) => {
                        format!("{a}: binary operator expected")
                    }
                    (TestError::UnaryExpected(a), Dialect::Bash) => {
                        format!("{a}: unary operator expected")
                    }
                    (TestError::Unexpected(_), Dialect::Bash) => "too many arguments".into(),
                    (TestError::ArgumentExpected, _) => "argument expected".into(),
                    (TestError::OperandMissing(op), _) => format!("{op}: argument expected"),
                    (TestError::MissingParen, Dialect::Bash) => "`)' expected".into(),
                    (TestError::MissingParen, Dialect::Dash) => "closing paren expected".into(),
                    (TestError::MissingParen, Dialect::Ash) => "closing paren expected".into(),
                    (TestError::TooDeep, _) => "kubetutor: expression nested too deeply".into(),
                };
                self.test_error(cx, io, name, &msg);
                Ok(2)
            }
        }
    }

    fn test_error(&self, cx: &mut Cx, io: &Io, name: &str, msg: &str) {
        let prefix = match self.dialect {
            // busybox's test reports under the shell's name.
            Dialect::Ash => self.prefix(None, cx.line),
            _ => self.prefix(Some(name), cx.line),
        };
        cx.out.write(io.err(), &format!("{prefix}{msg}\n"));
    }
}

impl Eval<'_, '_, '_, '_> {
    /// The argument `k` places after the current one (it exists: callers check `rest`).
    fn arg(&self, k: usize) -> String {
        self.args.get(self.pos + k).cloned().unwrap_or_default()
    }

    fn rest(&self) -> usize {
        self.args.len() - self.pos
    }

    fn at(&self, k: usize) -> Option<&str> {
        self.args.get(self.pos + k).map(String::as_str)
    }

    /// POSIX's fixed forms for up to four arguments, the general grammar beyond.
    fn top(&mut self) -> Result<bool, TestError> {
        match self.rest() {
            0 => Ok(false),
            1 => {
                let v = !self.arg(0).is_empty();
                self.pos += 1;
                Ok(v)
            }
            2 => {
                if self.at(0) == Some("!") {
                    let v = self.arg(1).is_empty();
                    self.pos += 2;
                    return Ok(v);
                }
                if UNARY.contains(&self.arg(0).as_str()) {
                    return self.unary();
                }
                if self.shell.dialect != Dialect::Bash && BINARY.contains(&self.arg(1).as_str()) {
                    return Err(TestError::OperandMissing(self.arg(1).clone()));
                }
                Err(match self.shell.dialect {
                    Dialect::Ash => TestError::Unexpected(self.arg(1).clone()),
                    _ => TestError::UnaryExpected(self.arg(0).clone()),
                })
            }
            3 => {
                if BINARY.contains(&self.arg(1).as_str()) {
                    return self.binary();
                }
                if self.at(0) == Some("!") {
                    self.pos += 1;
                    return Ok(!self.top()?);
                }
                if self.at(0) == Some("(") && self.at(2) == Some(")") {
                    let v = !self.arg(1).is_empty();
                    self.pos += 3;
                    return Ok(v);
                }
                if matches!(self.at(1), Some("-a" | "-o")) {
                    return self.or();
                }
                Err(match self.shell.dialect {
                    Dialect::Bash => TestError::BinaryExpected(self.arg(1).clone()),
                    _ => TestError::Unexpected(self.arg(1).clone()),
                })
            }
            4 if self.at(0) == Some("!") => {
                self.pos += 1;
                Ok(!self.top()?)
            }
            _ => self.or(),
        }
    }

    fn deeper(&mut self) -> Result<(), TestError> {
        self.depth += 1;
        if self.depth > self.shell.limits.max_depth {
            return Err(TestError::TooDeep);
        }
        Ok(())
    }

    fn or(&mut self) -> Result<bool, TestError> {
        let mut v = self.and()?;
        while self.at(0) == Some("-o") {
            self.pos += 1;
            let r = self.and()?;
            v = v || r;
        }
        Ok(v)
    }

    fn and(&mut self) -> Result<bool, TestError> {
        let mut v = self.not()?;
        while self.at(0) == Some("-a") {
            self.pos += 1;
            let r = self.not()?;
            v = v && r;
        }
        Ok(v)
    }

    fn not(&mut self) -> Result<bool, TestError> {
        if self.at(0) == Some("!") {
            self.pos += 1;
            self.deeper()?;
            let v = !self.not()?;
            self.depth -= 1;
            return Ok(v);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<bool, TestError> {
        let Some(a) = self.at(0).map(str::to_string) else {
            return Err(TestError::ArgumentExpected);
        };
        if a == "(" {
            self.pos += 1;
            self.deeper()?;
            let v = self.or()?;
            self.depth -= 1;
            if self.at(0) != Some(")") {
                return Err(TestError::MissingParen);
            }
            self.pos += 1;
            return Ok(v);
        }
        if self.rest() >= 3 && BINARY.contains(&self.args[self.pos + 1].as_str()) {
            return self.binary();
        }
        if UNARY.contains(&a.as_str()) && self.rest() >= 2 {
            return self.unary();
        }
        self.pos += 1;
        Ok(!a.is_empty())
    }

    fn unary(&mut self) -> Result<bool, TestError> {
        let op = self.args[self.pos].clone();
        let x = self.args[self.pos + 1].clone();
        self.pos += 2;
        let cwd = self.shell.state.cwd.clone();
        let host = &mut *self.cx.host;
        Ok(match op.as_str() {
            "-z" => x.is_empty(),
            "-n" => !x.is_empty(),
            "-e" | "-r" | "-w" => host.exists(&cwd, &x),
            "-x" => host.exists(&cwd, &x),
            "-f" => host.exists(&cwd, &x) && !host.is_dir(&cwd, &x),
            "-d" => host.is_dir(&cwd, &x),
            "-s" => host.is_dir(&cwd, &x) || host.read_file(&cwd, &x).is_ok_and(|t| !t.is_empty()),
            "-t" => {
                int(&x)?;
                false
            }
            _ => false,
        })
    }

    fn binary(&mut self) -> Result<bool, TestError> {
        let a = self.args[self.pos].clone();
        let op = self.args[self.pos + 1].clone();
        let b = self.args[self.pos + 2].clone();
        self.pos += 3;
        Ok(match op.as_str() {
            "=" | "==" => a == b,
            "!=" => a != b,
            "<" => a < b,
            ">" => a > b,
            "-eq" => int(&a)? == int(&b)?,
            "-ne" => int(&a)? != int(&b)?,
            "-lt" => int(&a)? < int(&b)?,
            "-le" => int(&a)? <= int(&b)?,
            "-gt" => int(&a)? > int(&b)?,
            "-ge" => int(&a)? >= int(&b)?,
            _ => false,
        })
    }
}

fn int(s: &str) -> Result<i64, TestError> {
    s.trim()
        .parse::<i64>()
        .map_err(|_| TestError::BadNumber(s.to_string()))
}
