//! `echo` and `printf`, and the backslash escapes they (and bash's `$'...'`) share.
//! dash's echo always reads escapes and knows only `-n`; bash's and busybox's need `-e`
//! and take `-n`, `-e`, `-E` in any combination.

use crate::shell::interp::{Cx, Res, Shell};
use crate::shell::io::Io;
use crate::shell::Dialect;

/// Decodes the escape after a backslash. `rest` is the text after the backslash;
/// `ansi`: bash's `$'...'` rules (octal without a leading 0, `\'`, `\cX`). Returns the
/// text (None for `\c`: stop output) and how many characters of `rest` it used.
pub fn escape(rest: &str, ansi: bool) -> (Option<String>, usize) {
    let chars: Vec<char> = rest.chars().collect();
    let Some(&c) = chars.first() else {
        return (Some("\\".into()), 0);
    };
    let simple = match c {
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'e' | 'E' => Some('\x1b'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        '\\' => Some('\\'),
        '\'' | '"' | '?' if ansi => Some(c),
        _ => None,
    };
    if let Some(s) = simple {
        return (Some(s.to_string()), 1);
    }
    let digits = |from: usize, max: usize, radix: u32| {
        let mut v = 0u32;
        let mut n = 0;
        while n < max {
            match chars.get(from + n).and_then(|d| d.to_digit(radix)) {
                Some(d) => v = v * radix + d,
                None => break,
            }
            n += 1;
        }
        (v, n)
    };
    match c {
        'c' if ansi => match chars.get(1) {
            Some(&x) => (Some(((x as u32 & 0x1f) as u8 as char).to_string()), 2),
            None => (Some("\\c".into()), 1),
        },
        'c' => (None, 1),
        '0' if !ansi => {
            let (v, n) = digits(1, 3, 8);
            (Some(byte_char(v)), 1 + n)
        }
        '0'..='7' if ansi => {
            let (v, n) = digits(0, 3, 8);
            (Some(byte_char(v)), n)
        }
        'x' => {
            let (v, n) = digits(1, 2, 16);
            if n == 0 {
                (Some("\\x".into()), 1)
            } else {
                (Some(byte_char(v)), 1 + n)
            }
        }
        'u' | 'U' => {
            let (v, n) = digits(1, if c == 'u' { 4 } else { 8 }, 16);
            match char::from_u32(v).filter(|_| n > 0) {
                Some(ch) => (Some(ch.to_string()), 1 + n),
                None => (Some(format!("\\{c}")), 1),
            }
        }
        _ => (Some(format!("\\{c}")), 1),
    }
}

fn byte_char(v: u32) -> String {
    char::from_u32(v & 0xff)
        .map(String::from)
        .unwrap_or_default()
}

/// Text with echo's escapes decoded; the flag is set when `\c` stopped it.
pub fn decode(s: &str) -> (String, bool) {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (text, used) = escape(after, false);
        match text {
            Some(t) => out.push_str(&t),
            None => return (out, true),
        }
        let byte_len: usize = after.chars().take(used).map(char::len_utf8).sum();
        rest = &after[byte_len..];
    }
    out.push_str(rest);
    (out, false)
}

impl Shell {
    pub(super) fn echo(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let mut args = &argv[1..];
        let mut newline = true;
        let mut escapes = self.dialect == Dialect::Dash;
        if self.dialect == Dialect::Dash {
            if args.first().is_some_and(|a| a == "-n") {
                newline = false;
                args = &args[1..];
            }
        } else {
            while let Some(a) = args.first() {
                let flags = a.strip_prefix('-').unwrap_or("");
                if flags.is_empty() || !flags.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) {
                    break;
                }
                for c in flags.chars() {
                    match c {
                        'n' => newline = false,
                        'e' => escapes = true,
                        _ => escapes = false,
                    }
                }
                args = &args[1..];
            }
        }
        let mut out = String::new();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if escapes {
                let (text, stop) = decode(a);
                out.push_str(&text);
                if stop {
                    cx.out.write(io.out(), &out);
                    return Ok(0);
                }
            } else {
                out.push_str(a);
            }
        }
        if newline {
            out.push('\n');
        }
        cx.out.write(io.out(), &out);
        Ok(0)
    }

    pub(super) fn printf(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let Some(format) = argv.get(1) else {
            let usage = match self.dialect {
                Dialect::Bash => "printf: usage: printf [-v var] format [arguments]",
                Dialect::Dash => "usage: printf format [arg ...]",
                Dialect::Ash => "printf: usage: printf FORMAT [ARGUMENT]...",
            };
            let msg = match self.dialect {
                Dialect::Dash => format!("{}{usage}\n", self.prefix(Some("printf"), cx.line)),
                _ => format!("{}{usage}\n", self.prefix(None, cx.line)),
            };
            cx.out.write(io.err(), &msg);
            return Ok(if self.dialect == Dialect::Bash { 2 } else { 1 });
        };
        let format: Vec<char> = format.chars().collect();
        let args = &argv[2..];
        let mut state = Printf {
            args,
            next: 0,
            out: String::new(),
            errors: Vec::new(),
            stop: false,
            too_wide: false,
        };
        loop {
            let before = state.next;
            state.once(&format);
            if state.stop || state.next >= args.len() || state.next == before {
                break;
            }
        }
        cx.out.write(io.out(), &state.out);
        if state.too_wide {
            let msg = format!(
                "{}field widths and precisions over {MAX_FIELD} are not supported in the sandbox\n",
                self.prefix(Some("printf"), cx.line)
            );
            cx.out.write(io.err(), &msg);
            return Ok(1);
        }
        let status = if state.errors.is_empty() { 0 } else { 1 };
        for arg in state.errors {
            let msg = match self.dialect {
                Dialect::Dash => format!(
                    "{}{arg}: expected numeric value\n",
                    self.prefix(Some("printf"), cx.line)
                ),
                Dialect::Bash => format!(
                    "{}{arg}: invalid number\n",
                    self.prefix(Some("printf"), cx.line)
                ),
                Dialect::Ash => format!("{}invalid number '{arg}'\n", self.prefix(None, cx.line)),
            };
            cx.out.write(io.err(), &msg);
        }
        Ok(status)
    }
}

struct Printf<'a> {
    args: &'a [String],
    next: usize,
    out: String,
    /// Arguments that were not numbers.
    errors: Vec<String>,
    stop: bool,
    /// A width or precision over [`MAX_FIELD`] stopped the output.
    too_wide: bool,
}

/// The widest field (and the longest precision) `printf` pads to: a sandbox limit
/// (bash pads to any width that fits an int).
const MAX_FIELD: usize = 65_535;

impl Printf<'_> {
    fn arg(&mut self) -> Option<&str> {
        let a = self.args.get(self.next);
        if a.is_some() {
            self.next += 1;
        }
        a.map(String::as_str)
    }

    fn number(&mut self) -> i64 {
        let Some(a) = self.arg().map(str::to_string) else {
            return 0;
        };
        let t = a.trim();
        if let Some(c) = t.strip_prefix(['\'', '"']) {
            return c.chars().next().map(|c| c as i64).unwrap_or(0);
        }
        let parsed = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
            i64::from_str_radix(h, 16).ok()
        } else if t.len() > 1 && t.starts_with('0') {
            i64::from_str_radix(&t[1..], 8).ok()
        } else {
            t.parse::<i64>().ok()
        };
        match parsed {
            Some(v) => v,
            None => {
                self.errors.push(a.clone());
                let digits: String = t
                    .chars()
                    .enumerate()
                    .take_while(|(i, c)| {
                        c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+'))
                    })
                    .map(|(_, c)| c)
                    .collect();
                digits.parse().unwrap_or(0)
            }
        }
    }

    /// One pass over the format.
    fn once(&mut self, f: &[char]) {
        let mut i = 0;
        while i < f.len() && !self.stop {
            let c = f[i];
            if c == '\\' {
                let rest: String = f[i + 1..].iter().take(4).collect();
                let (text, used) = printf_escape(&rest);
                self.out.push_str(&text);
                i += 1 + used;
                continue;
            }
            if c != '%' {
                self.out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            if f.get(i) == Some(&'%') {
                self.out.push('%');
                i += 1;
                continue;
            }
            let mut flags = String::new();
            while let Some(&fl) = f.get(i).filter(|c| "-+ #0".contains(**c)) {
                flags.push(fl);
                i += 1;
            }
            let mut width: Option<usize> = None;
            if f.get(i) == Some(&'*') {
                let w = self.number();
                if w < 0 {
                    flags.push('-');
                }
                width = Some(w.unsigned_abs() as usize);
                i += 1;
            } else {
                let mut w = String::new();
                while let Some(&d) = f.get(i).filter(|c| c.is_ascii_digit()) {
                    w.push(d);
                    i += 1;
                }
                width = w.parse().ok().or(width);
                if width.is_none() && !w.is_empty() {
                    width = Some(usize::MAX);
                }
            }
            let mut precision: Option<usize> = None;
            if f.get(i) == Some(&'.') {
                i += 1;
                if f.get(i) == Some(&'*') {
                    precision = Some(self.number().max(0) as usize);
                    i += 1;
                } else {
                    let mut p = String::new();
                    while let Some(&d) = f.get(i).filter(|c| c.is_ascii_digit()) {
                        p.push(d);
                        i += 1;
                    }
                    precision = Some(match p.parse() {
                        Ok(n) => n,
                        Err(_) if p.is_empty() => 0,
                        Err(_) => usize::MAX,
                    });
                }
            }
            if width.unwrap_or(0) > MAX_FIELD || precision.unwrap_or(0) > MAX_FIELD {
                self.too_wide = true;
                self.stop = true;
                return;
            }
            while f
                .get(i)
                .is_some_and(|c| matches!(c, 'l' | 'h' | 'j' | 'z' | 't' | 'L'))
            {
                i += 1;
            }
            let Some(&conv) = f.get(i) else {
                self.out.extend(&f[start..]);
                return;
            };
            i += 1;
            let body = match conv {
                's' => {
                    let s = self.arg().unwrap_or("").to_string();
                    match precision {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    }
                }
                'b' => {
                    let (s, stop) = decode(self.arg().unwrap_or(""));
                    if stop {
                        self.stop = true;
                    }
                    s
                }
                'c' => self
                    .arg()
                    .and_then(|s| s.chars().next())
                    .map(String::from)
                    .unwrap_or_default(),
                'd' | 'i' => {
                    let v = self.number();
                    let mut s = v.unsigned_abs().to_string();
                    if let Some(p) = precision {
                        while s.len() < p {
                            s.insert(0, '0');
                        }
                    }
                    let sign = if v < 0 {
                        "-"
                    } else if flags.contains('+') {
                        "+"
                    } else if flags.contains(' ') {
                        " "
                    } else {
                        ""
                    };
                    format!("{sign}{s}")
                }
                'u' => (self.number() as u64).to_string(),
                'o' => format!("{:o}", self.number()),
                'x' => format!("{:x}", self.number()),
                'X' => format!("{:X}", self.number()),
                'f' | 'F' | 'e' | 'g' | 'G' | 'E' => {
                    let a = self.arg().unwrap_or("0").to_string();
                    let v: f64 = a.trim().parse().unwrap_or_else(|_| {
                        self.errors.push(a.clone());
                        0.0
                    });
                    let p = precision.unwrap_or(6);
                    match conv {
                        'e' | 'E' => format!("{v:.p$e}"),
                        'g' | 'G' => format!("{v}"),
                        _ => format!("{v:.p$}"),
                    }
                }
                _ => {
                    self.out.extend(&f[start..i]);
                    continue;
                }
            };
            self.out.push_str(&pad(&body, width, &flags, conv));
        }
    }
}

fn pad(body: &str, width: Option<usize>, flags: &str, conv: char) -> String {
    let len = body.chars().count();
    let Some(w) = width.filter(|&w| w > len) else {
        return body.to_string();
    };
    let fill = w - len;
    if flags.contains('-') {
        format!("{body}{}", " ".repeat(fill))
    } else if flags.contains('0') && "diuoxXfFeEgG".contains(conv) {
        let (sign, digits) = match body.strip_prefix(['-', '+', ' ']) {
            Some(d) => (&body[..1], d),
            None => ("", body),
        };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{body}", " ".repeat(fill))
    }
}

/// An escape in printf's format: like echo's, but `\NNN` is octal without a leading 0
/// and `\c` is not special.
fn printf_escape(rest: &str) -> (String, usize) {
    let first = rest.chars().next();
    if first.is_some_and(|c| ('0'..='7').contains(&c)) {
        let mut v = 0u32;
        let mut n = 0;
        for d in rest.chars().take(3) {
            match d.to_digit(8) {
                Some(x) => v = v * 8 + x,
                None => break,
            }
            n += 1;
        }
        return (byte_char(v), n);
    }
    if first == Some('c') {
        return ("\\c".into(), 1);
    }
    let (text, used) = escape(rest, false);
    (text.unwrap_or_default(), used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(decode("a\\tb\\n"), ("a\tb\n".to_string(), false));
        assert_eq!(decode("x\\cy"), ("x".to_string(), true));
        assert_eq!(decode("\\0101\\q"), ("A\\q".to_string(), false));
        assert_eq!(escape("x41", false), (Some("A".into()), 3));
        assert_eq!(escape("101", true), (Some("A".into()), 3));
        assert_eq!(escape("'", true), (Some("'".into()), 1));
    }

    #[test]
    fn printf_formats() {
        let run = |f: &str, args: &[&str]| {
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let mut p = Printf {
                args: &args,
                next: 0,
                out: String::new(),
                errors: Vec::new(),
                stop: false,
                too_wide: false,
            };
            let f: Vec<char> = f.chars().collect();
            loop {
                let before = p.next;
                p.once(&f);
                if p.stop || p.next >= args.len() || p.next == before {
                    break;
                }
            }
            (p.out, p.errors)
        };
        assert_eq!(
            run(
                "%s-%d|%5s|%-3d|%03d|%x|%b|%c\\n",
                &["a", "42", "b", "7", "5", "255", "x\\ty", "hello"]
            )
            .0,
            "a-42|    b|7  |005|ff|x\ty|h\n"
        );
        assert_eq!(run("%s %s\\n", &["a", "b", "c"]).0, "a b\nc \n");
        assert_eq!(
            run("%d\\n", &["abc"]),
            ("0\n".to_string(), vec!["abc".to_string()])
        );
        assert_eq!(run("%d", &["'A"]).0, "65");
        assert_eq!(run("100%%\\101", &[]).0, "100%A");
        assert_eq!(run("%.2s|%5.1f", &["abc", "3.14159"]).0, "ab|  3.1");
    }

    #[test]
    fn printf_fields_past_the_limit_stop_instead_of_panicking() {
        for (f, args) in [
            ("%.*f", &["999999999", "1"][..]),
            ("%*d", &["999999999", "1"][..]),
            ("%99999999999999999999999d", &["1"][..]),
            ("%.70000f", &["1"][..]),
        ] {
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let mut p = Printf {
                args: &args,
                next: 0,
                out: String::new(),
                errors: Vec::new(),
                stop: false,
                too_wide: false,
            };
            p.once(&f.chars().collect::<Vec<_>>());
            assert!(p.too_wide && p.out.is_empty(), "{f}");
        }
    }
}
