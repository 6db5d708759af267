//! How client-go's JSONPath prints a result, and Go's `%#v` of the object for kubectl's
//! debugging dump.

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
