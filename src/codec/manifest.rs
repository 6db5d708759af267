//! Reading `-f FILE` the way kubectl's resource builder does: split the stream into
//! documents, convert each to JSON, run kubectl's client-side checks, flatten lists.
//!
//! * Stream splitting is apimachinery's `YAMLReader`: a line starting with `---` ends a
//!   document; only spaces or a `#` comment may follow it on that line (otherwise
//!   `invalid Yaml document separator: ...`). Each document is parsed on its own, so line
//!   numbers in YAML errors count from the line after the separator, as kubectl's do.
//! * A stream whose first non-blank character is `{` is read as a stream of JSON values
//!   (`YAMLOrJSONDecoder`); syntax errors are reported as `json: offset N: ...`.
//! * Empty documents and documents that are just `null` are skipped.
//! * With validation on (kubectl's default), every document must be a mapping with string
//!   `apiVersion` and `kind` (`error validating "f.yaml": error validating data: ...`); a
//!   `v1` `List` has each item checked instead. With validation off a missing kind is
//!   `unable to decode "f.yaml": Object 'Kind' is missing in '{...}'`.
//! * Documents with an `items` array are flattened into their items (nested lists too).
//! * A syntax or validation error stops the stream; documents read before it are kept in
//!   the error (`ManifestError::parsed`), since kubectl still applies them.
//!
//! Limits: input over [`MAX_MANIFEST_BYTES`] is refused; YAML nesting and alias expansion
//! are bounded in `yaml_in`.

use super::yaml_in::yaml_to_json;
use serde_json::Value;
use std::fmt;

/// Largest manifest text accepted (8 MiB). kubectl has no such limit; a tutor needs one.
pub const MAX_MANIFEST_BYTES: usize = 8 << 20;

/// Why a manifest could not be read. `Display` is the text after kubectl's `error: `.
#[derive(Clone, Debug, PartialEq)]
pub struct ManifestError {
    pub kind: ManifestErrorKind,
    /// Objects read (and flattened) before the error; kubectl still acts on these.
    pub parsed: Vec<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ManifestErrorKind {
    /// `error parsing SOURCE: MESSAGE` (YAML/JSON syntax, document separators, size).
    Parse { source: String, message: String },
    /// `error validating "SOURCE": error validating data: MESSAGE; if you choose to ignore
    /// these errors, turn validation off with --validate=false`.
    Validation { source: String, message: String },
    /// `unable to decode "SOURCE": MESSAGE` (validation off, no kind).
    Decode { source: String, message: String },
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ManifestErrorKind::Parse { source, message } => {
                write!(f, "error parsing {source}: {message}")
            }
            ManifestErrorKind::Validation { source, message } => write!(
                f,
                "error validating {}: error validating data: {message}; if you choose to ignore these errors, turn validation off with --validate=false",
                go_q(source)
            ),
            ManifestErrorKind::Decode { source, message } => {
                write!(f, "unable to decode {}: {message}", go_q(source))
            }
        }
    }
}

impl std::error::Error for ManifestError {}

fn go_q(s: &str) -> String {
    crate::api::errors::go_quote(s)
}

/// Read a manifest as `kubectl apply -f SOURCE` (default `--validate=true`) does.
/// `source` is the file name as typed, or `STDIN` for `-`. An empty result means kubectl
/// would print `no objects passed to apply` (or `... to create`).
pub fn parse_manifests(text: &str, source: &str) -> Result<Vec<Value>, ManifestError> {
    parse_manifests_with(text, source, true)
}

/// [`parse_manifests`] with kubectl's `--validate` switched on or off (`false`/`ignore`).
pub fn parse_manifests_with(
    text: &str,
    source: &str,
    validate: bool,
) -> Result<Vec<Value>, ManifestError> {
    let mut out = Vec::new();
    let fail = |kind, out: Vec<Value>| Err(ManifestError { kind, parsed: out });
    if text.len() > MAX_MANIFEST_BYTES {
        let message = format!(
            "file is too large ({} bytes; the limit is {} bytes)",
            text.len(),
            MAX_MANIFEST_BYTES
        );
        return fail(parse_err(source, message), out);
    }
    let docs = match split_stream(text) {
        Ok(d) => d,
        Err(e) => return fail(parse_err(source, e), out),
    };
    for doc in docs {
        let value = match doc {
            Ok(Some(v)) => v,
            Ok(None) => continue,
            Err(message) => return fail(parse_err(source, message), out),
        };
        if value.is_null() {
            continue;
        }
        if validate {
            let errs = validate_doc(&value);
            if !errs.is_empty() {
                let kind = ManifestErrorKind::Validation {
                    source: source.to_string(),
                    message: aggregate(&errs),
                };
                return fail(kind, out);
            }
        } else if let Err(message) = check_kind_present(&value) {
            // kubectl collects decode errors and goes on with the next document; we
            // report the first (the rest would follow in kubectl's aggregate).
            let kind = ManifestErrorKind::Decode {
                source: source.to_string(),
                message,
            };
            return fail(kind, out);
        }
        flatten(value, &mut out);
    }
    Ok(out)
}

fn parse_err(source: &str, message: String) -> ManifestErrorKind {
    ManifestErrorKind::Parse {
        source: source.to_string(),
        message,
    }
}

/// A document's JSON (`None` if empty) or its error text, one per document in order.
type DocResult = Result<Option<Value>, String>;

/// Split the stream as `YAMLOrJSONDecoder` does and convert each document; conversion
/// stops at the first error (the returned list ends with it).
fn split_stream(text: &str) -> Result<Vec<DocResult>, String> {
    if text.trim_start().starts_with('{') {
        return Ok(super::json_in::json_stream(text));
    }
    let mut docs = Vec::new();
    for chunk in yaml_documents(text) {
        let chunk = chunk?;
        let converted =
            yaml_to_json(&chunk).map_err(|e| format!("error converting YAML to JSON: {e}"));
        let stop = converted.is_err();
        docs.push(converted);
        if stop {
            break;
        }
    }
    Ok(docs)
}

/// apimachinery's `YAMLReader`: documents separated by lines starting with `---`.
/// A bad separator is an error at its position in the stream (earlier documents come
/// back first).
fn yaml_documents(text: &str) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("---") {
            let trimmed = rest.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                if !buf.is_empty() {
                    out.push(Ok(std::mem::take(&mut buf)));
                }
                out.push(Err(format!("invalid Yaml document separator: {trimmed}")));
                return out;
            }
            if !buf.is_empty() {
                out.push(Ok(std::mem::take(&mut buf)));
            }
            continue;
        }
        buf.push_str(line);
    }
    if !buf.is_empty() {
        out.push(Ok(buf));
    }
    out
}

/// kubectl's `getObjectKind` checks (validation/schema.go), with `v1` `List` items
/// checked one by one.
fn validate_doc(value: &Value) -> Vec<String> {
    let errs = object_kind_errors(value);
    if !errs.is_empty() {
        return errs;
    }
    if value["apiVersion"] == "v1" && value["kind"] == "List" {
        let Some(items) = value.get("items").and_then(Value::as_array) else {
            return vec!["invalid object to validate".to_string()];
        };
        return items.iter().flat_map(object_kind_errors).collect();
    }
    Vec::new()
}

fn object_kind_errors(value: &Value) -> Vec<String> {
    let Some(fields) = value.as_object() else {
        return vec!["invalid object to validate".to_string()];
    };
    let mut errs = Vec::new();
    match fields.get("apiVersion") {
        None | Some(Value::Null) => errs.push("apiVersion not set".to_string()),
        Some(Value::String(gv)) => {
            if gv.matches('/').count() > 1 {
                errs.push(format!("unexpected GroupVersion string: {gv}"));
            }
        }
        Some(_) => errs.push("apiVersion isn't string type".to_string()),
    }
    match fields.get("kind") {
        None | Some(Value::Null) => errs.push("kind not set".to_string()),
        Some(Value::String(_)) => {}
        Some(_) => errs.push("kind isn't string type".to_string()),
    }
    errs
}

/// `utilerrors.NewAggregate(...).Error()`: one message alone, several in `[a, b]`,
/// duplicates dropped.
fn aggregate(errs: &[String]) -> String {
    let mut seen: Vec<&String> = Vec::new();
    for e in errs {
        if !seen.contains(&e) {
            seen.push(e);
        }
    }
    if seen.len() == 1 {
        seen[0].clone()
    } else {
        let joined: Vec<&str> = seen.iter().map(|s| s.as_str()).collect();
        format!("[{}]", joined.join(", "))
    }
}

/// With validation off, the unstructured decoder still needs a kind.
fn check_kind_present(value: &Value) -> Result<(), String> {
    let not_object = match value {
        Value::Object(_) => None,
        Value::Array(_) => Some("array"),
        Value::String(_) => Some("string"),
        Value::Number(_) => Some("number"),
        Value::Bool(_) => Some("bool"),
        Value::Null => None,
    };
    if let Some(t) = not_object {
        return Err(format!(
            "json: cannot unmarshal {t} into Go value of type unstructured.detector"
        ));
    }
    let has_kind = matches!(value.get("kind"), Some(Value::String(k)) if !k.is_empty());
    if has_kind {
        return Ok(());
    }
    let compact = serde_json::to_string(value).unwrap_or_default();
    Err(format!("Object 'Kind' is missing in '{compact}'"))
}

/// The builder's `FlattenListVisitor`: an object with an `items` array stands for its
/// items.
fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(mut m) if matches!(m.get("items"), Some(Value::Array(_))) => {
            if let Some(Value::Array(items)) = m.remove("items") {
                for item in items {
                    flatten(item, out);
                }
            }
        }
        v => out.push(v),
    }
}
