//! `kubectl -o json`: encoding/json's `MarshalIndent` with 4 spaces, as kubectl's JSON
//! printer writes it: keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`
//! etc., empty objects and arrays as `{}` / `[]`, and a trailing newline.

use serde_json::Value;

/// Render `value` exactly as `kubectl -o json` prints it (ends with a newline).
pub fn to_json(value: &Value) -> String {
    let mut out = String::new();
    write(value, 0, &mut out);
    out.push('\n');
    out
}

fn write(v: &Value, level: usize, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => quote(s, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(level + 1, out);
                write(item, level + 1, out);
            }
            newline(level, out);
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(level + 1, out);
                quote(k, out);
                out.push_str(": ");
                write(item, level + 1, out);
            }
            newline(level, out);
            out.push('}');
        }
    }
}

/// Render `value` as encoding/json's `Marshal` writes it (no spaces, keys sorted, HTML
/// escaping on): the bytes Go controllers hash, e.g. a ControllerRevision's data.
pub fn to_compact_json(value: &Value) -> String {
    let mut out = String::new();
    write_compact(value, &mut out);
    out
}

fn write_compact(v: &Value, out: &mut String) {
    match v {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote(k, out);
                out.push(':');
                write_compact(item, out);
            }
            out.push('}');
        }
        scalar => write(scalar, 0, out),
    }
}

fn newline(level: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("    ");
    }
}

/// encoding/json's float format: `%f`-style unless the magnitude is < 1e-6 or >= 1e21,
/// then `%e` (`1e-7`, `1e+21`).
fn number(n: &serde_json::Number) -> String {
    if !n.is_f64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let sci = format!("{f:e}");
        let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        // Go cleans `e-07` to `e-7` but keeps `e+21`.
        return if exp < 0 {
            format!("{mant}e-{}", -exp)
        } else {
            format!("{mant}e+{exp:02}")
        };
    }
    go_format_f(f)
}

/// Go's `strconv.FormatFloat(f, 'f', -1, 64)`: the shortest round-trip digits, written
/// out without exponent (`9.223372036854776e18` → `9223372036854776000`).
fn go_format_f(f: f64) -> String {
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let point = exp + 1; // digits before the decimal point
    let mut s = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{}{}", digits, "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    if f < 0.0 {
        s.insert(0, '-');
    }
    s
}

/// encoding/json's string escaping with HTML escaping on (kubectl's default encoder).
fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
