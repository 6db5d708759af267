//! An object as kubectl's Go structs encode it. `kubectl create <kind>` builds typed
//! objects, and what it prints for `--dry-run=client` (and stores as the last-applied
//! configuration) is `encoding/json` over those structs: fields in struct order, zero
//! `metav1.Time` as `null`, non-`omitempty` structs as `{}`, maps with sorted keys.
//! [`GoJson`] keeps that order, which `serde_json::Value` (sorted) cannot.

use serde_json::Value;
use std::collections::BTreeMap;

/// A JSON value whose objects keep their fields in the order they were added.
#[derive(Clone, Debug, PartialEq)]
pub enum GoJson {
    Null,
    Int(i64),
    Str(String),
    List(Vec<GoJson>),
    Obj(Vec<(String, GoJson)>),
}

impl GoJson {
    /// An empty struct (`{}`).
    pub fn obj() -> GoJson {
        GoJson::Obj(Vec::new())
    }

    pub fn str(s: impl Into<String>) -> GoJson {
        GoJson::Str(s.into())
    }

    /// Adds a field at the end (builder style).
    pub fn with(mut self, key: &str, value: GoJson) -> GoJson {
        self.push(key, value);
        self
    }

    /// Adds a field only when `value` is `Some` (an `omitempty` field).
    pub fn with_opt(self, key: &str, value: Option<GoJson>) -> GoJson {
        match value {
            Some(v) => self.with(key, v),
            None => self,
        }
    }

    /// Adds a field at the end of an object; no effect on other values.
    pub fn push(&mut self, key: &str, value: GoJson) {
        if let GoJson::Obj(fields) = self {
            fields.push((key.to_string(), value));
        }
    }

    /// The field `key` of an object.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut GoJson> {
        match self {
            GoJson::Obj(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string field `key` of an object.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        match self {
            GoJson::Obj(fields) => {
                fields
                    .iter()
                    .find(|(k, _)| k == key)
                    .and_then(|(_, v)| match v {
                        GoJson::Str(s) => Some(s.as_str()),
                        _ => None,
                    })
            }
            _ => None,
        }
    }

    /// A Go `map[string]string` (keys sorted, as `encoding/json` writes maps).
    pub fn string_map<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> GoJson {
        let sorted: BTreeMap<&str, &str> = entries.into_iter().collect();
        GoJson::Obj(
            sorted
                .into_iter()
                .map(|(k, v)| (k.to_string(), GoJson::str(v)))
                .collect(),
        )
    }

    /// The same value as a `serde_json::Value` (for `-o yaml`, templates, and decoding).
    pub fn to_value(&self) -> Value {
        match self {
            GoJson::Null => Value::Null,
            GoJson::Int(n) => Value::from(*n),
            GoJson::Str(s) => Value::String(s.clone()),
            GoJson::List(items) => Value::Array(items.iter().map(GoJson::to_value).collect()),
            GoJson::Obj(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }

    /// `json.Marshal`: compact, HTML characters escaped.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(None, 0, &mut out);
        out
    }

    /// `json.MarshalIndent(obj, "", "    ")` plus the newline kubectl's JSON printer adds.
    pub fn indented(&self) -> String {
        let mut out = String::new();
        self.write(Some("    "), 0, &mut out);
        out.push('\n');
        out
    }

    fn write(&self, indent: Option<&str>, level: usize, out: &mut String) {
        let newline = |out: &mut String, level: usize| {
            if let Some(unit) = indent {
                out.push('\n');
                for _ in 0..level {
                    out.push_str(unit);
                }
            }
        };
        match self {
            GoJson::Null => out.push_str("null"),
            GoJson::Int(n) => out.push_str(&n.to_string()),
            GoJson::Str(s) => out.push_str(&quote(s)),
            GoJson::List(items) if items.is_empty() => out.push_str("[]"),
            GoJson::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            GoJson::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    item.write(indent, level + 1, out);
                }
                newline(out, level);
                out.push(']');
            }
            GoJson::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    out.push_str(&quote(k));
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    v.write(indent, level + 1, out);
                }
                newline(out, level);
                out.push('}');
            }
        }
    }
}

/// `encoding/json`'s string quoting (HTML-escaped), shared with the `-o json` printer.
fn quote(s: &str) -> String {
    crate::codec::json_out::to_json(&Value::String(s.to_string()))
        .trim_end_matches('\n')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> GoJson {
        GoJson::obj()
            .with("kind", GoJson::str("Namespace"))
            .with("apiVersion", GoJson::str("v1"))
            .with(
                "metadata",
                GoJson::obj()
                    .with("name", GoJson::str("a<b"))
                    .with("creationTimestamp", GoJson::Null),
            )
            .with("spec", GoJson::obj())
            .with("list", GoJson::List(vec![GoJson::Int(1), GoJson::Int(-2)]))
    }

    #[test]
    fn compact_keeps_struct_order_and_escapes_html() {
        assert_eq!(
            sample().compact(),
            r#"{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"a\u003cb","creationTimestamp":null},"spec":{},"list":[1,-2]}"#
        );
    }

    #[test]
    fn indented_is_marshal_indent_with_four_spaces() {
        assert_eq!(
            sample().indented(),
            "{\n    \"kind\": \"Namespace\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"a\\u003cb\",\n        \"creationTimestamp\": null\n    },\n    \"spec\": {},\n    \"list\": [\n        1,\n        -2\n    ]\n}\n"
        );
    }

    #[test]
    fn maps_are_sorted_and_values_convert() {
        let m = GoJson::string_map([("b", "2"), ("a", "1")]);
        assert_eq!(m.compact(), r#"{"a":"1","b":"2"}"#);
        assert_eq!(
            sample().to_value()["metadata"]["creationTimestamp"],
            Value::Null
        );
        assert_eq!(sample().get_str("kind"), Some("Namespace"));
    }
}
