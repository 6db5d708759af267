//! How client-go's JSONPath prints a result, Go's `%v` of a value (custom columns print
//! with `fmt.Sprint`), Go's type names for error messages, and Go's `%#v` of the object
//! for kubectl's debugging dump.

use crate::api::errors::go_quote;
use serde_json::Value;

/// One result: maps and lists as compact JSON (encoding/json, HTML-escaped), strings
/// raw, numbers as Go's `fmt.Print`, `null` for null.
pub(super) fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::Array(_) | Value::Object(_) => compact_json(v),
    }
}

fn number(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() => crate::codec::yaml_out::go_format_g(f),
        _ => n.to_string(),
    }
}

fn compact_json(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Go's `%#v` of an unstructured object (`map[string]interface {}{"a":"b", ...}`).
pub(super) fn go_sharp_v(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, x)| format!("{}:{}", go_quote(k), boxed(x)))
                .collect();
            format!("map[string]interface {{}}{{{}}}", parts.join(", "))
        }
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(boxed).collect();
            format!("[]interface {{}}{{{}}}", parts.join(", "))
        }
        Value::String(s) => go_quote(s),
        Value::Null => "interface {}(nil)".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
    }
}

/// A value inside an `interface{}` container: Go's `%#v` shows the dynamic type for
/// numbers and bools.
fn boxed(v: &Value) -> String {
    match v {
        Value::Number(n) if n.is_f64() => number(n),
        Value::Number(n) => format!("{n}"),
        other => go_sharp_v(other),
    }
}

/// Go's `fmt.Sprint` of an unstructured value: maps as `map[k:v ...]` with sorted keys,
/// lists as `[a b]`, null as `<nil>`, strings raw.
pub fn go_value(v: &Value) -> String {
    let mut out = String::new();
    write_go_value(v, &mut out);
    out
}

fn write_go_value(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("<nil>"),
        Value::String(s) => out.push_str(s),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_go_value(x, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            // Go's fmt prints map keys sorted; serde_json's map keeps insertion order.
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push_str("map[");
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_go_value(&m[k.as_str()], out);
            }
            out.push(']');
        }
    }
}

/// The Go type of an unstructured value, as client-go names it in errors
/// (`string is not array or slice`).
pub fn go_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "interface {}",
        Value::String(_) => "string",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_i64() => "int64",
        Value::Number(_) => "float64",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}
