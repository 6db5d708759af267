//! `$((...))` arithmetic: C's integer operators on 64-bit signed numbers (wrapping, as
//! the shells' `intmax_t` does in practice), variables by name, assignments. Errors are
//! worded per shell: dash's `arithmetic expression: division by zero: "1/0"`, bash's
//! `1/0: division by 0 (error token is "0")`, busybox's `divide by zero`.
//!
//! Differences kept from the real shells: dash has no `**`, `++`/`--`, and wants a
//! variable's value to be a number (`Illegal number: abc`); bash and busybox evaluate a
//! value that is not a number as an expression.

use crate::shell::Dialect;

/// Variable access for the evaluator.
pub trait ArithVars {
    fn get(&mut self, name: &str) -> Option<String>;
    fn set(&mut self, name: &str, value: i64);
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArithErrorKind {
    DivisionByZero,
    /// An operand was wanted.
    ExpectingPrimary,
    /// The expression went on after a complete one.
    ExpectingEnd,
    ExpectingColon,
    NegativeExponent,
    AssignToNonVariable,
    /// A number in a bad base (`08`).
    BadNumber,
    /// dash: a variable whose value is not a number.
    IllegalNumber(String),
    TooDeep,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArithError {
    pub kind: ArithErrorKind,
    /// The expression as written.
    pub expr: String,
    /// bash's "error token": the expression text from the offending token on.
    pub token: String,
}

impl ArithError {
    /// The message without the shell's prefix.
    pub fn message(&self, dialect: Dialect) -> String {
        use ArithErrorKind::*;
        if let IllegalNumber(v) = &self.kind {
            return match dialect {
                Dialect::Dash => format!("Illegal number: {v}"),
                Dialect::Ash => "arithmetic syntax error".into(),
                Dialect::Bash => format!("{v}: syntax error in expression"),
            };
        }
        if self.kind == TooDeep {
            return "kubetutor: arithmetic expression nested too deeply".into();
        }
        match dialect {
            Dialect::Dash => {
                let what = match &self.kind {
                    DivisionByZero => "division by zero",
                    ExpectingPrimary | NegativeExponent => "expecting primary",
                    ExpectingColon => "expecting ':'",
                    _ => "expecting EOF",
                };
                format!("arithmetic expression: {what}: \"{}\"", self.expr)
            }
            Dialect::Ash => match self.kind {
                DivisionByZero => "divide by zero".into(),
                NegativeExponent => "exponent less than 0".into(),
                ExpectingColon => "malformed ?: operator".into(),
                _ => "arithmetic syntax error".into(),
            },
            Dialect::Bash => {
                let what = match self.kind {
                    DivisionByZero => "division by 0",
                    ExpectingPrimary => "syntax error: operand expected",
                    ExpectingColon => "`:' expected for conditional expression",
                    NegativeExponent => "exponent less than 0",
                    AssignToNonVariable => "attempted assignment to non-variable",
                    BadNumber => "value too great for base",
                    _ => "syntax error in expression",
                };
                format!(
                    "{}: {what} (error token is \"{}\")",
                    self.expr.trim(),
                    self.token
                )
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(i64),
    Name(String),
    Op(&'static str),
    Eof,
}

const OPS: &[&str] = &[
    "<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=",
    "*=", "/=", "%=", "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~",
    "?", ":", "=", "(", ")",
];

/// Evaluates `expr` (already expanded).
pub fn eval(
    expr: &str,
    vars: &mut dyn ArithVars,
    dialect: Dialect,
    max_depth: usize,
) -> Result<i64, ArithError> {
    let mut p = Eval {
        src: expr.chars().collect(),
        pos: 0,
        tok: Tok::Eof,
        tok_start: 0,
        prev_start: 0,
        vars,
        dialect,
        depth: 0,
        max_depth,
        expr: expr.to_string(),
    };
    if dialect == Dialect::Bash && expr.trim().is_empty() {
        return Ok(0);
    }
    p.advance()?;
    let v = p.assignment(true)?;
    if p.tok != Tok::Eof {
        return Err(p.error(ArithErrorKind::ExpectingEnd));
    }
    Ok(v)
}

struct Eval<'v> {
    src: Vec<char>,
    pos: usize,
    tok: Tok,
    tok_start: usize,
    prev_start: usize,
    vars: &'v mut dyn ArithVars,
    dialect: Dialect,
    depth: usize,
    max_depth: usize,
    expr: String,
}

fn parse_number(text: &str) -> Option<i64> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()?
    } else if t.len() > 1 && t.starts_with('0') {
        i64::from_str_radix(&t[1..], 8).ok()?
    } else if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        t.parse::<u64>().ok().map(|u| u as i64)?
    } else {
        return None;
    };
    Some(if neg { v.wrapping_neg() } else { v })
}

impl Eval<'_> {
    fn error(&self, kind: ArithErrorKind) -> ArithError {
        let start = if self.tok == Tok::Eof {
            self.prev_start
        } else {
            self.tok_start
        };
        let token: String = self.src[start.min(self.src.len())..].iter().collect();
        ArithError {
            kind,
            expr: self.expr.clone(),
            token: token.trim().to_string(),
        }
    }

    fn advance(&mut self) -> Result<(), ArithError> {
        while self.src.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
        self.prev_start = self.tok_start;
        self.tok_start = self.pos;
        let Some(&c) = self.src.get(self.pos) else {
            self.tok = Tok::Eof;
            return Ok(());
        };
        if c.is_ascii_digit() {
            let start = self.pos;
            while self
                .src
                .get(self.pos)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '#' || *c == '_')
            {
                self.pos += 1;
            }
            let text: String = self.src[start..self.pos].iter().collect();
            self.tok = Tok::Num(self.number(&text)?);
            return Ok(());
        }
        if c == '_' || c.is_ascii_alphabetic() {
            let start = self.pos;
            while self
                .src
                .get(self.pos)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                self.pos += 1;
            }
            self.tok = Tok::Name(self.src[start..self.pos].iter().collect());
            return Ok(());
        }
        for op in OPS {
            let n = op.len();
            if self.src.len() >= self.pos + n
                && self.src[self.pos..self.pos + n]
                    .iter()
                    .copied()
                    .eq(op.chars())
            {
                let unsupported =
                    self.dialect == Dialect::Dash && matches!(*op, "**" | "++" | "--");
                if unsupported {
                    continue;
                }
                self.pos += n;
                self.tok = Tok::Op(op);
                return Ok(());
            }
        }
        Err(self.error(ArithErrorKind::ExpectingEnd))
    }

    fn number(&self, text: &str) -> Result<i64, ArithError> {
        if self.dialect != Dialect::Dash {
            if let Some((base, digits)) = text.split_once('#') {
                let base: u32 = base.parse().unwrap_or(0);
                if (2..=36).contains(&base) {
                    if let Ok(v) = i64::from_str_radix(digits, base) {
                        return Ok(v);
                    }
                }
                return Err(self.num_error(text));
            }
        }
        parse_number(text).ok_or_else(|| self.num_error(text))
    }

    fn num_error(&self, text: &str) -> ArithError {
        let kind = if self.dialect == Dialect::Bash {
            ArithErrorKind::BadNumber
        } else {
            ArithErrorKind::ExpectingEnd
        };
        ArithError {
            kind,
            expr: self.expr.clone(),
            token: text.to_string(),
        }
    }

    fn is_op(&self, op: &str) -> bool {
        self.tok
            == Tok::Op(match OPS.iter().find(|o| **o == op) {
                Some(o) => o,
                None => return false,
            })
    }

    fn deeper(&mut self) -> Result<(), ArithError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error(ArithErrorKind::TooDeep));
        }
        Ok(())
    }

    fn var(&mut self, name: &str, live: bool) -> Result<i64, ArithError> {
        if !live {
            return Ok(0);
        }
        let Some(value) = self.vars.get(name) else {
            return Ok(0);
        };
        if value.trim().is_empty() {
            return Ok(0);
        }
        if let Some(v) = parse_number(&value) {
            return Ok(v);
        }
        if self.dialect == Dialect::Dash {
            return Err(ArithError {
                kind: ArithErrorKind::IllegalNumber(value.clone()),
                expr: self.expr.clone(),
                token: value,
            });
        }
        self.deeper()?;
        let v = eval(&value, self.vars, self.dialect, self.max_depth - self.depth)?;
        self.depth -= 1;
        Ok(v)
    }

    /// assignment := name op= assignment | conditional
    fn assignment(&mut self, live: bool) -> Result<i64, ArithError> {
        self.deeper()?;
        let v = if let Tok::Name(name) = self.tok.clone() {
            let save = (self.pos, self.tok_start, self.prev_start);
            self.advance()?;
            let op = match &self.tok {
                Tok::Op(op) if op.ends_with('=') && !matches!(*op, "==" | "!=" | "<=" | ">=") => {
                    Some(*op)
                }
                _ => None,
            };
            if let Some(op) = op {
                self.advance()?;
                let rhs = self.assignment(live)?;
                let value = if op == "=" {
                    rhs
                } else {
                    let cur = self.var(&name, live)?;
                    self.apply(&op[..op.len() - 1], cur, rhs, live)?
                };
                if live {
                    self.vars.set(&name, value);
                }
                value
            } else {
                (self.pos, self.tok_start, self.prev_start) = save;
                self.tok = Tok::Name(name);
                self.conditional(live)?
            }
        } else {
            let v = self.conditional(live)?;
            if matches!(&self.tok, Tok::Op(op) if op.ends_with('=') && !matches!(*op, "==" | "!=" | "<=" | ">="))
            {
                return Err(self.error(ArithErrorKind::AssignToNonVariable));
            }
            v
        };
        self.depth -= 1;
        Ok(v)
    }

    fn conditional(&mut self, live: bool) -> Result<i64, ArithError> {
        let cond = self.binary(0, live)?;
        if !self.is_op("?") {
            return Ok(cond);
        }
        self.advance()?;
        self.deeper()?;
        let a = self.assignment(live && cond != 0)?;
        if !self.is_op(":") {
            return Err(self.error(ArithErrorKind::ExpectingColon));
        }
        self.advance()?;
        let b = self.conditional(live && cond == 0)?;
        self.depth -= 1;
        Ok(if cond != 0 { a } else { b })
    }

    /// Binary operators by precedence level (0 = `||`), climbing.
    fn binary(&mut self, level: usize, live: bool) -> Result<i64, ArithError> {
        const LEVELS: &[&[&str]] = &[
            &["||"],
            &["&&"],
            &["|"],
            &["^"],
            &["&"],
            &["==", "!="],
            &["<", "<=", ">", ">="],
            &["<<", ">>"],
            &["+", "-"],
            &["*", "/", "%"],
        ];
        if level == LEVELS.len() {
            return self.power(live);
        }
        let mut left = self.binary(level + 1, live)?;
        loop {
            let op = match &self.tok {
                Tok::Op(op) if LEVELS[level].contains(op) => *op,
                _ => return Ok(left),
            };
            self.advance()?;
            let short = match op {
                "&&" => left == 0,
                "||" => left != 0,
                _ => false,
            };
            let right = self.binary(level + 1, live && !short)?;
            left = self.apply(op, left, right, live && !short)?;
            if short {
                left = (op == "||") as i64;
            }
        }
    }

    fn power(&mut self, live: bool) -> Result<i64, ArithError> {
        let base = self.unary(live)?;
        if !self.is_op("**") {
            return Ok(base);
        }
        self.advance()?;
        self.deeper()?;
        let exp = self.power(live)?;
        self.depth -= 1;
        self.apply("**", base, exp, live)
    }

    fn apply(&self, op: &str, a: i64, b: i64, live: bool) -> Result<i64, ArithError> {
        Ok(match op {
            "+" => a.wrapping_add(b),
            "-" => a.wrapping_sub(b),
            "*" => a.wrapping_mul(b),
            "/" | "%" if b == 0 => {
                if !live {
                    return Ok(0);
                }
                return Err(self.error(ArithErrorKind::DivisionByZero));
            }
            "/" => a.wrapping_div(b),
            "%" => a.wrapping_rem(b),
            "**" if b < 0 => {
                if !live {
                    return Ok(0);
                }
                return Err(self.error(ArithErrorKind::NegativeExponent));
            }
            "**" => a.wrapping_pow(b.min(u32::MAX as i64) as u32),
            "<<" => a.wrapping_shl(b as u32),
            ">>" => a.wrapping_shr(b as u32),
            "<" => (a < b) as i64,
            "<=" => (a <= b) as i64,
            ">" => (a > b) as i64,
            ">=" => (a >= b) as i64,
            "==" => (a == b) as i64,
            "!=" => (a != b) as i64,
            "&" => a & b,
            "^" => a ^ b,
            "|" => a | b,
            "&&" => (a != 0 && b != 0) as i64,
            "||" => (a != 0 || b != 0) as i64,
            _ => return Err(self.error(ArithErrorKind::ExpectingEnd)),
        })
    }

    fn unary(&mut self, live: bool) -> Result<i64, ArithError> {
        let op = match &self.tok {
            Tok::Op(op @ ("+" | "-" | "!" | "~" | "++" | "--")) => *op,
            _ => return self.postfix(live),
        };
        self.advance()?;
        self.deeper()?;
        let v = if op == "++" || op == "--" {
            let Tok::Name(name) = self.tok.clone() else {
                return Err(self.error(ArithErrorKind::ExpectingPrimary));
            };
            self.advance()?;
            let v = self.var(&name, live)?;
            let nv = if op == "++" {
                v.wrapping_add(1)
            } else {
                v.wrapping_sub(1)
            };
            if live {
                self.vars.set(&name, nv);
            }
            nv
        } else {
            let v = self.unary(live)?;
            match op {
                "+" => v,
                "-" => v.wrapping_neg(),
                "!" => (v == 0) as i64,
                _ => !v,
            }
        };
        self.depth -= 1;
        Ok(v)
    }

    fn postfix(&mut self, live: bool) -> Result<i64, ArithError> {
        match self.tok.clone() {
            Tok::Num(n) => {
                self.advance()?;
                Ok(n)
            }
            Tok::Name(name) => {
                self.advance()?;
                let v = self.var(&name, live)?;
                if self.is_op("++") || self.is_op("--") {
                    let nv = if self.is_op("++") {
                        v.wrapping_add(1)
                    } else {
                        v.wrapping_sub(1)
                    };
                    self.advance()?;
                    if live {
                        self.vars.set(&name, nv);
                    }
                }
                Ok(v)
            }
            Tok::Op("(") => {
                self.advance()?;
                self.deeper()?;
                let v = self.assignment(live)?;
                if !self.is_op(")") {
                    return Err(self.error(ArithErrorKind::ExpectingEnd));
                }
                self.advance()?;
                self.depth -= 1;
                Ok(v)
            }
            _ => Err(self.error(ArithErrorKind::ExpectingPrimary)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    impl ArithVars for BTreeMap<String, String> {
        fn get(&mut self, name: &str) -> Option<String> {
            BTreeMap::get(self, name).cloned()
        }
        fn set(&mut self, name: &str, value: i64) {
            self.insert(name.to_string(), value.to_string());
        }
    }

    fn calc(expr: &str, dialect: Dialect) -> Result<i64, String> {
        let mut vars = BTreeMap::new();
        vars.insert("x".to_string(), "3".to_string());
        vars.insert("e".to_string(), "x*2".to_string());
        eval(expr, &mut vars, dialect, 64).map_err(|e| e.message(dialect))
    }

    #[test]
    fn operators_and_precedence() {
        let d = Dialect::Dash;
        assert_eq!(calc("1+2*3", d), Ok(7));
        assert_eq!(calc("(1+2)*3", d), Ok(9));
        assert_eq!(calc(" 7 / 2 ", d), Ok(3));
        assert_eq!(calc("-7 % 3", d), Ok(-1));
        assert_eq!(calc("1 < 2 && 3 >= 3", d), Ok(1));
        assert_eq!(calc("010 + 0x10", d), Ok(24));
        assert_eq!(calc("x + y", d), Ok(3));
        assert_eq!(calc("x ? 10 : 20", d), Ok(10));
        assert_eq!(calc("0 && 1/0", d), Ok(0));
        assert_eq!(calc("!0 + ~0", d), Ok(0));
        assert_eq!(calc("2**10", Dialect::Bash), Ok(1024));
        assert_eq!(calc("e + 1", Dialect::Bash), Ok(7));
        assert_eq!(calc("16#ff", Dialect::Bash), Ok(255));
    }

    #[test]
    fn assignments_change_variables() {
        let mut vars = BTreeMap::new();
        assert_eq!(eval("x = 5", &mut vars, Dialect::Dash, 64), Ok(5));
        assert_eq!(eval("x += 2", &mut vars, Dialect::Dash, 64), Ok(7));
        assert_eq!(eval("x++", &mut vars, Dialect::Bash, 64), Ok(7));
        assert_eq!(vars["x"], "8");
    }

    #[test]
    fn errors_as_each_shell_words_them() {
        assert_eq!(
            calc("1/0", Dialect::Dash),
            Err("arithmetic expression: division by zero: \"1/0\"".into())
        );
        assert_eq!(
            calc("1/0", Dialect::Bash),
            Err("1/0: division by 0 (error token is \"0\")".into())
        );
        assert_eq!(calc("1/0", Dialect::Ash), Err("divide by zero".into()));
        assert_eq!(
            calc("1+", Dialect::Dash),
            Err("arithmetic expression: expecting primary: \"1+\"".into())
        );
        assert_eq!(
            calc("1+", Dialect::Bash),
            Err("1+: syntax error: operand expected (error token is \"+\")".into())
        );
        assert_eq!(
            calc("a b", Dialect::Bash),
            Err("a b: syntax error in expression (error token is \"b\")".into())
        );
        assert_eq!(
            calc("a b", Dialect::Dash),
            Err("arithmetic expression: expecting EOF: \"a b\"".into())
        );
        assert_eq!(
            calc("1 +* 2", Dialect::Bash),
            Err("1 +* 2: syntax error: operand expected (error token is \"* 2\")".into())
        );
        assert_eq!(calc("e", Dialect::Dash), Err("Illegal number: x*2".into()));
        assert_eq!(
            calc("2**3", Dialect::Dash),
            Err("arithmetic expression: expecting primary: \"2**3\"".into())
        );
        assert_eq!(calc("", Dialect::Bash), Ok(0));
        assert_eq!(
            calc("1 +", Dialect::Ash),
            Err("arithmetic syntax error".into())
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(
            calc(&deep, Dialect::Dash),
            Err("kubetutor: arithmetic expression nested too deeply".into())
        );
        let minus = "-".repeat(10_000) + "1";
        assert!(calc(&minus, Dialect::Dash).is_err());
    }
}
