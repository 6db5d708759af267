//! Flag values: Go's parsers for the value kinds (so error texts match pflag's), and
//! [`Flags`], the parsed flag set with typed accessors by long name.

use std::collections::BTreeMap;

use super::defs::{FlagDef, ValueKind};
use super::error::{go_quote, CliError};

/// Go `strconv.ParseBool`, with its error text.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!(
            "strconv.ParseBool: parsing {}: invalid syntax",
            go_quote(s)
        )),
    }
}

/// Go `strconv.ParseInt(s, base, bits)` for base 0 or 10 and 32/64 bits, with its error text.
pub fn parse_go_int(s: &str, base0: bool, bits: u32) -> Result<i64, String> {
    let syntax = || format!("strconv.ParseInt: parsing {}: invalid syntax", go_quote(s));
    let range = || {
        format!(
            "strconv.ParseInt: parsing {}: value out of range",
            go_quote(s)
        )
    };
    if s.is_empty() {
        return Err(syntax());
    }
    let (neg, body) = match s.as_bytes()[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return Err(syntax());
    }
    let mut base = 10u64;
    let mut digits = body;
    if base0 && body.starts_with('0') {
        let b = body.as_bytes();
        let second = b.get(1).map(|c| c.to_ascii_lowercase());
        match second {
            Some(b'b') if b.len() >= 3 => (base, digits) = (2, &body[2..]),
            Some(b'o') if b.len() >= 3 => (base, digits) = (8, &body[2..]),
            Some(b'x') if b.len() >= 3 => (base, digits) = (16, &body[2..]),
            _ => (base, digits) = (8, &body[1..]),
        }
    }
    let max: u64 = 1 << (bits - 1);
    let umax: u64 = if bits == 64 {
        u64::MAX
    } else {
        (1 << bits) - 1
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    for c in digits.bytes() {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            c if c.is_ascii_alphabetic() => u64::from(c.to_ascii_lowercase() - b'a') + 10,
            _ => return Err(syntax()),
        };
        if d >= base {
            return Err(syntax());
        }
        n = match n.checked_mul(base).and_then(|n| n.checked_add(d)) {
            Some(v) if v <= umax => v,
            _ => return Err(range()),
        };
    }
    if underscores && !underscore_ok(s) {
        return Err(syntax());
    }
    if (!neg && n >= max) || (neg && n > max) {
        return Err(range());
    }
    Ok(if neg {
        (n as i64).wrapping_neg()
    } else {
        n as i64
    })
}

/// Go's `underscoreOK`: underscores only between digits (a base prefix counts as a digit).
fn underscore_ok(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].eq_ignore_ascii_case(&b'x');
    }
    for &c in &b[i..] {
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
    }
    saw != b'_'
}

/// Go `time.ParseDuration`, in nanoseconds, with its error texts.
pub fn parse_go_duration(orig: &str) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration {}", go_quote(orig));
    let mut s = orig;
    let mut neg = false;
    if let Some(rest) = s.strip_prefix('-') {
        (neg, s) = (true, rest);
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !s.is_empty() {
        let first = s.as_bytes()[0];
        if !(first == b'.' || first.is_ascii_digit()) {
            return Err(invalid());
        }
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let mut v: u64 = 0;
        for c in s[..int_len].bytes() {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(c - b'0')))
                .filter(|&v| v <= 1 << 63)
                .ok_or_else(invalid)?;
        }
        s = &s[int_len..];
        let (mut frac, mut scale, mut post) = (0u64, 1f64, false);
        if let Some(rest) = s.strip_prefix('.') {
            let flen = rest.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for c in rest[..flen].bytes() {
                if overflow {
                    continue;
                }
                match frac
                    .checked_mul(10)
                    .and_then(|f| f.checked_add(u64::from(c - b'0')))
                {
                    Some(f) if f <= 1 << 63 => (frac, scale) = (f, scale * 10.0),
                    _ => overflow = true,
                }
            }
            post = flen > 0;
            s = &rest[flen..];
        }
        if int_len == 0 && !post {
            return Err(invalid());
        }
        let unit_len = s
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", go_quote(orig)));
        }
        let unit_name = &s[..unit_len];
        s = &s[unit_len..];
        let unit: u64 = match unit_name {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    go_quote(unit_name),
                    go_quote(orig)
                ))
            }
        };
        if v > (1u64 << 63) / unit {
            return Err(invalid());
        }
        v *= unit;
        if frac > 0 {
            v += (frac as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        total = total
            .checked_add(v)
            .filter(|&t| t <= 1 << 63)
            .ok_or_else(invalid)?;
    }
    if neg {
        return Ok((total as i64).wrapping_neg());
    }
    if total > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// pflag's string-slice reading: one CSV record (Go `encoding/csv`, default settings).
pub fn parse_csv(s: &str) -> Result<Vec<String>, String> {
    if s.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    let mut col = 1usize;
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            col += 1;
            loop {
                match chars.next() {
                    None => {
                        return Err(format!(
                            "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                            col
                        ))
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        col += 2;
                        field.push('"');
                    }
                    Some('"') => {
                        col += 1;
                        break;
                    }
                    Some(c) => {
                        col += 1;
                        field.push(c);
                    }
                }
            }
            match chars.peek() {
                None | Some(',') => {}
                Some(_) => {
                    return Err(format!(
                    "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                    col
                ))
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                if c == '"' {
                    return Err(format!(
                        "parse error on line 1, column {col}: bare \" in non-quoted field"
                    ));
                }
                field.push(c);
                col += 1;
                chars.next();
            }
        }
        out.push(field);
        if chars.next().is_none() {
            return Ok(out);
        }
        col += 1;
    }
}

/// Checks one value against the flag's kind, returning the value(s) it contributes.
pub(super) fn convert(def: &FlagDef, value: &str) -> Result<Vec<String>, String> {
    match def.kind {
        ValueKind::Bool => parse_bool(value).map(|b| vec![b.to_string()]),
        ValueKind::Int => parse_go_int(value, true, 64).map(|_| vec![value.to_string()]),
        ValueKind::Int32 => parse_go_int(value, true, 32).map(|_| vec![value.to_string()]),
        ValueKind::Level => parse_go_int(value, false, 32).map(|_| vec![value.to_string()]),
        ValueKind::Duration => parse_go_duration(value).map(|_| vec![value.to_string()]),
        ValueKind::StringSlice => parse_csv(value),
        ValueKind::Str | ValueKind::StringArray => Ok(vec![value.to_string()]),
    }
}

/// The parsed flags of one invocation: the definitions in scope and the values given.
/// Every accessor takes a flag's long name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    defs: Vec<&'static FlagDef>,
    values: BTreeMap<&'static str, Vec<String>>,
}

impl Flags {
    pub(super) fn new(defs: Vec<&'static FlagDef>) -> Flags {
        Flags {
            defs,
            values: BTreeMap::new(),
        }
    }

    /// Looks a flag up by long name, accepting `_` for `-` as kubectl does.
    pub fn def(&self, name: &str) -> Option<&'static FlagDef> {
        let norm = name.replace('_', "-");
        self.defs.iter().copied().find(|d| d.long == norm)
    }

    /// Looks a flag up by shorthand.
    pub fn def_short(&self, c: char) -> Option<&'static FlagDef> {
        self.defs.iter().copied().find(|d| d.short == Some(c))
    }

    /// Records one occurrence (already converted); slices and arrays accumulate.
    pub(super) fn record(&mut self, def: &'static FlagDef, vals: Vec<String>) {
        let entry = self.values.entry(def.long).or_default();
        if def.kind.repeatable() {
            entry.extend(vals);
        } else {
            *entry = vals;
        }
    }

    /// Whether the flag was given on the command line.
    pub fn is_set(&self, name: &str) -> bool {
        self.def(name)
            .is_some_and(|d| self.values.contains_key(d.long))
    }

    /// Long names of the flags given, sorted.
    pub fn set_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.values.keys().copied()
    }

    /// The value given last, else the default (unquoted); `None` if the command has no
    /// such flag. For repeatable flags this is the last element.
    pub fn get_str(&self, name: &str) -> Option<&str> {
        let d = self.def(name)?;
        match self.values.get(d.long) {
            Some(v) => Some(v.last().map(String::as_str).unwrap_or("")),
            None => Some(d.default_value()),
        }
    }

    /// A bool flag's value (default if not given; false if the command has no such flag).
    pub fn get_bool(&self, name: &str) -> bool {
        self.get_str(name)
            .and_then(|s| parse_bool(s).ok())
            .unwrap_or(false)
    }

    /// Every value of a repeatable flag, in order (`-f a,b -f c` gives `[a, b, c]`);
    /// the single value of a scalar flag that was set; empty if not given.
    pub fn get_all(&self, name: &str) -> Vec<String> {
        self.def(name)
            .and_then(|d| self.values.get(d.long))
            .cloned()
            .unwrap_or_default()
    }

    /// An int flag's value (given or default); `Ok(None)` if the command has no such flag.
    pub fn get_int(&self, name: &str) -> Result<Option<i64>, CliError> {
        let Some(d) = self.def(name) else {
            return Ok(None);
        };
        let s = self.get_str(name).unwrap_or_default();
        parse_go_int(s, d.kind != ValueKind::Level, 64)
            .map(Some)
            .map_err(|e| {
                CliError::plain(format!(
                    "invalid argument {} for {} flag: {e}",
                    go_quote(s),
                    go_quote(&d.display_name())
                ))
            })
    }

    /// A duration flag's value in nanoseconds (given or default); `Ok(None)` if no such flag.
    pub fn get_duration_nanos(&self, name: &str) -> Result<Option<i64>, CliError> {
        let Some(d) = self.def(name) else {
            return Ok(None);
        };
        let s = self.get_str(name).unwrap_or_default();
        parse_go_duration(s).map(Some).map_err(|e| {
            CliError::plain(format!(
                "invalid argument {} for {} flag: {e}",
                go_quote(s),
                go_quote(&d.display_name())
            ))
        })
    }
}
