//! A manifest stream in JSON (first non-blank character `{`), read as Go's `json.Decoder`
//! behind apimachinery's `YAMLOrJSONDecoder`: values one after another, syntax errors as
//! `json: offset N: invalid character 'x' <context>` and a truncated value as
//! `unexpected EOF`.
//!
//! Values are parsed by serde_json after a small scanner that mirrors Go's
//! `encoding/json` state machine has checked them, so error texts and offsets are Go's.
//! Offsets (verified with kubectl, also for later values in a stream and after leading
//! blanks): the count of bytes up to and including the bad one.

use serde_json::Value;

/// Every value in the stream, stopping after the first error.
pub(crate) fn json_stream(text: &str) -> Vec<Result<Option<Value>, String>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        while pos < bytes.len() && is_space(bytes[pos]) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return out;
        }
        let mut sc = Scanner { b: bytes, i: pos };
        match sc.value() {
            Ok(()) => {
                let v: Value = serde_json::from_str(&text[pos..sc.i])
                    .expect("scanner accepted a valid JSON value");
                out.push(Ok(Some(v)));
                pos = sc.i;
            }
            Err(Fail::Eof) => {
                out.push(Err("unexpected EOF".to_string()));
                return out;
            }
            Err(Fail::Syntax(at, msg)) => {
                let offset = at + 1;
                let c = quote_char(text, at);
                out.push(Err(format!(
                    "json: offset {offset}: invalid character {c} {msg}"
                )));
                return out;
            }
        }
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Go's `quoteChar`.
fn quote_char(text: &str, at: usize) -> String {
    let c = text[at..].chars().next().unwrap_or('\0');
    match c {
        '\'' => "'\\''".to_string(),
        '"' => "'\"'".to_string(),
        c if (c as u32) < 0x20 || c == '\u{7f}' => match c {
            '\n' => "'\\n'".to_string(),
            '\t' => "'\\t'".to_string(),
            '\r' => "'\\r'".to_string(),
            c => format!("'\\x{:02x}'", c as u32),
        },
        c => format!("'{c}'"),
    }
}

enum Fail {
    Eof,
    Syntax(usize, String),
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Result<u8, Fail> {
        self.b.get(self.i).copied().ok_or(Fail::Eof)
    }
    fn skip_ws(&mut self) -> Result<u8, Fail> {
        while is_space(self.peek()?) {
            self.i += 1;
        }
        self.peek()
    }
    fn err<T>(&self, msg: &str) -> Result<T, Fail> {
        Err(Fail::Syntax(self.i, msg.to_string()))
    }

    fn value(&mut self) -> Result<(), Fail> {
        match self.skip_ws()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true", "true"),
            b'f' => self.literal(b"false", "false"),
            b'n' => self.literal(b"null", "null"),
            _ => self.err("looking for beginning of value"),
        }
    }

    fn object(&mut self) -> Result<(), Fail> {
        self.i += 1;
        if self.skip_ws()? == b'}' {
            self.i += 1;
            return Ok(());
        }
        loop {
            if self.skip_ws()? != b'"' {
                return self.err("looking for beginning of object key string");
            }
            self.string()?;
            if self.skip_ws()? != b':' {
                return self.err("after object key");
            }
            self.i += 1;
            self.value()?;
            match self.skip_ws()? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return self.err("after object key:value pair"),
            }
        }
    }

    fn array(&mut self) -> Result<(), Fail> {
        self.i += 1;
        if self.skip_ws()? == b']' {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.value()?;
            match self.skip_ws()? {
                b',' => self.i += 1,
                b']' => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return self.err("after array element"),
            }
        }
    }

    fn string(&mut self) -> Result<(), Fail> {
        self.i += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' => {
                    self.i += 1;
                    match self.peek()? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 1,
                        b'u' => {
                            self.i += 1;
                            for _ in 0..4 {
                                if !self.peek()?.is_ascii_hexdigit() {
                                    return self.err("in \\u hexadecimal character escape");
                                }
                                self.i += 1;
                            }
                        }
                        _ => return self.err("in string escape code"),
                    }
                }
                c if c < 0x20 => return self.err("in string literal"),
                _ => self.i += 1,
            }
        }
    }

    /// Digits end a number at the first byte that cannot continue it; a number at the
    /// very end of the stream is complete (Go's decoder accepts it at EOF).
    fn number(&mut self) -> Result<(), Fail> {
        let at_end = |s: &Self| s.i >= s.b.len();
        if self.peek()? == b'-' {
            self.i += 1;
            if at_end(self) {
                return Err(Fail::Eof);
            }
            if !self.peek()?.is_ascii_digit() {
                return self.err("in numeric literal");
            }
        }
        if self.peek()? == b'0' {
            self.i += 1;
        } else {
            while !at_end(self) && self.b[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        if !at_end(self) && self.b[self.i] == b'.' {
            self.i += 1;
            if at_end(self) {
                return Err(Fail::Eof);
            }
            if !self.b[self.i].is_ascii_digit() {
                return self.err("after decimal point in numeric literal");
            }
            while !at_end(self) && self.b[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        if !at_end(self) && matches!(self.b[self.i], b'e' | b'E') {
            self.i += 1;
            if !at_end(self) && matches!(self.b[self.i], b'+' | b'-') {
                self.i += 1;
            }
            if at_end(self) {
                return Err(Fail::Eof);
            }
            if !self.b[self.i].is_ascii_digit() {
                return self.err("in exponent of numeric literal");
            }
            while !at_end(self) && self.b[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        // A number directly followed by a letter is Go's "in numeric literal" only for
        // the byte right after `-`; anything else is judged by the enclosing state.
        Ok(())
    }

    fn literal(&mut self, word: &[u8], name: &str) -> Result<(), Fail> {
        for &expect in word {
            if self.peek()? != expect {
                let msg = format!("in literal {name} (expecting '{}')", expect as char);
                return Err(Fail::Syntax(self.i, msg));
            }
            self.i += 1;
        }
        Ok(())
    }
}
