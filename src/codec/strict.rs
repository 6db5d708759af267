//! The apiserver's decoding of a create/update body with `fieldValidation=Strict`
//! (kubectl's default): find the kind, decode into the k8s-openapi type, and report what
//! Go's decoder would.
//!
//! * Unknown kind/version: kubectl's REST mapping fails before any request
//!   ([`DecodeError::NoKindMatch`], rendered with [`DecodeError::message`]).
//! * Type errors (`json: cannot unmarshal string into Go struct field
//!   StatefulSetSpec.spec.replicas of type int32`) win over unknown fields, as in
//!   apimachinery; the Go struct name and Go type are found by probing the k8s-openapi
//!   types (struct names are Go's; `[]v1.Container`, `map[string]string`, `int32`).
//! * Unknown fields: `strict decoding error: unknown field "spec.foo", unknown field
//!   "..."`, each at its top-most unknown level, list indices as `[0]`, in the order Go
//!   meets them (kubectl sends keys sorted).
//! * Go accepts what k8s-openapi would refuse, so before giving up we adjust and retry:
//!   `null` is dropped (Go leaves the zero value), a missing field that k8s-openapi
//!   requires is zero-filled (Go never requires fields when decoding; the paths are in
//!   [`Decoded::zero_filled`] so validation can still say `Required value`), and a number
//!   where a Quantity goes becomes its string (Go's Quantity accepts `storage: 1`).
//!
//! Known gaps: errors from Go's custom unmarshalers (Quantity syntax, IntOrString, Time)
//! are reported in the generic `json: cannot unmarshal` form; duplicate fields cannot
//! occur (kubectl sends a decoded map).

use super::strict_impl::{decode_kind, Failure, Seg};
use crate::api::errors::go_quote;
use crate::api::{Kind, Object};
use serde_json::Value;
use std::fmt;

/// Why the body could not be decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// kubectl found no REST mapping for apiVersion/kind (client side, before any request).
    NoKindMatch {
        name: String,
        namespace: String,
        kind: String,
        api_version: String,
    },
    /// The apiserver's 400: the caller prints `Error from server (BadRequest): error when
    /// creating "f.yaml": <message>`.
    BadRequest(String),
}

impl DecodeError {
    /// The text kubectl prints (after `error: `) for this error in a file named `source`.
    /// For `BadRequest` this is the server message alone.
    pub fn message(&self, source: &str) -> String {
        match self {
            DecodeError::NoKindMatch {
                name,
                namespace,
                kind,
                api_version,
            } => format!(
                "resource mapping not found for name: {} namespace: {} from {}: no matches for kind {} in version {}\nensure CRDs are installed first",
                go_quote(name),
                go_quote(namespace),
                go_quote(source),
                go_quote(kind),
                go_quote(api_version)
            ),
            DecodeError::BadRequest(m) => m.clone(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::BadRequest(m) => f.write_str(m),
            other => f.write_str(&other.message("")),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A decoded object and the fields Go would have left at their zero value but
/// k8s-openapi needed filled (dotted paths with `[i]`, e.g. `spec.selector`).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub object: Object,
    pub zero_filled: Vec<String>,
}

/// Decode a manifest object as the apiserver does with strict field validation.
pub fn decode(value: &serde_json::Value) -> Result<Object, DecodeError> {
    decode_detailed(value).map(|d| d.object)
}

/// [`decode`], also telling which required fields were missing.
pub fn decode_detailed(value: &Value) -> Result<Decoded, DecodeError> {
    let api_version = value["apiVersion"].as_str().unwrap_or("").to_string();
    let kind_name = value["kind"].as_str().unwrap_or("").to_string();
    let Some(kind) = Kind::from_type_meta(&api_version, &kind_name) else {
        let meta = |k: &str| value["metadata"][k].as_str().unwrap_or("").to_string();
        return Err(DecodeError::NoKindMatch {
            name: meta("name"),
            namespace: meta("namespace"),
            kind: kind_name,
            api_version,
        });
    };
    let version = kind.info().version;
    let prefix = format!(
        "{kind_name} in version {} cannot be handled as a {kind_name}",
        go_quote(version)
    );
    let mut work = value.clone();
    let mut zero_filled = Vec::new();
    for _ in 0..500 {
        match decode_kind(kind, &work) {
            Ok((object, unknown)) => {
                if unknown.is_empty() {
                    return Ok(Decoded {
                        object,
                        zero_filled,
                    });
                }
                let list: Vec<String> = unknown
                    .iter()
                    .map(|p| format!("unknown field {}", go_quote(&render_path(p))))
                    .collect();
                return Err(DecodeError::BadRequest(format!(
                    "{prefix}: strict decoding error: {}",
                    list.join(", ")
                )));
            }
            Err(f) => match adjust(kind, &mut work, &f, &mut zero_filled) {
                Ok(()) => continue,
                Err(msg) => return Err(DecodeError::BadRequest(format!("{prefix}: {msg}"))),
            },
        }
    }
    Err(DecodeError::BadRequest(format!(
        "{prefix}: json: too many problems in the object"
    )))
}

/// `spec.volumeClaimTemplates[0].spec.accesModes`
fn render_path(p: &[Seg]) -> String {
    let mut s = String::new();
    for seg in p {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn get_mut<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    let mut cur = v;
    for seg in path {
        cur = match seg {
            Seg::Key(k) => cur.as_object_mut()?.get_mut(k)?,
            Seg::Index(i) => cur.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(cur)
}

fn get<'a>(v: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let mut cur = v;
    for seg in path {
        cur = match seg {
            Seg::Key(k) => cur.as_object()?.get(k)?,
            Seg::Index(i) => cur.as_array()?.get(*i)?,
        };
    }
    Some(cur)
}

/// The `expected ...` part of a serde message.
fn expected_of(msg: &str) -> Option<&str> {
    let i = msg.rfind(", expected ")?;
    Some(&msg[i + ", expected ".len()..])
}

/// Fix what Go would have accepted, or give Go's error text.
fn adjust(
    kind: Kind,
    work: &mut Value,
    f: &Failure,
    filled: &mut Vec<String>,
) -> Result<(), String> {
    if let Some(rest) = f.message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("").to_string();
        let mut path = f.path.clone();
        path.push(Seg::Key(field));
        // Find the zero value k8s-openapi accepts for the field.
        for zero in [
            Value::String(String::new()),
            Value::from(0),
            Value::Bool(false),
            Value::Array(vec![]),
            Value::Object(Default::default()),
        ] {
            let mut trial = work.clone();
            let Some(Value::Object(parent)) = get_mut(&mut trial, &f.path) else {
                break;
            };
            let Some(Seg::Key(k)) = path.last() else {
                break;
            };
            parent.insert(k.clone(), zero);
            match decode_kind(kind, &trial) {
                Err(g) if g.path == path => continue,
                _ => {
                    *work = trial;
                    filled.push(render_path(&path));
                    return Ok(());
                }
            }
        }
        return Err(format!(
            "json: missing field {}",
            go_quote(&render_path(&path))
        ));
    }
    let here = get(work, &f.path).cloned().unwrap_or(Value::Null);
    if here.is_null() {
        // Go leaves the zero value; drop the null (or zero-fill a list element).
        if let Some((last, parent_path)) = f.path.split_last() {
            match (get_mut(work, parent_path), last) {
                (Some(Value::Object(m)), Seg::Key(k)) => {
                    m.remove(k);
                    return Ok(());
                }
                (Some(Value::Array(a)), Seg::Index(i)) => {
                    a[*i] = Value::Object(Default::default());
                    return Ok(());
                }
                _ => {}
            }
        }
    }
    let expected = expected_of(&f.message).unwrap_or("");
    if expected == "Quantity" && here.is_number() {
        if let Some(slot) = get_mut(work, &f.path) {
            *slot = Value::String(here.to_string());
            return Ok(());
        }
    }
    Err(go_type_error(kind, work, &f.path, &f.message, &here))
}

/// What k8s-openapi expects at `path` (a struct name like `StatefulSetSpec`, or serde's
/// `i32`, `a string`, `a sequence`, `a map`), found by putting a wrong value there.
fn probe(kind: Kind, work: &Value, path: &[Seg], wrong: Value) -> Option<String> {
    let mut trial = work.clone();
    if path.is_empty() {
        return Some(kind.info().name.to_string());
    }
    *get_mut(&mut trial, path)? = wrong;
    match decode_kind(kind, &trial) {
        Err(f) if f.path == path => expected_of(&f.message).map(str::to_string),
        _ => None,
    }
}

fn is_struct_name(e: &str) -> bool {
    e.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Go's name of the type k8s-openapi expects at `path`.
fn go_type(kind: Kind, work: &Value, path: &[Seg], expected: &str, depth: usize) -> String {
    match expected {
        "i32" => "int32".into(),
        "i64" => "int64".into(),
        "f64" => "float64".into(),
        "a string" => "string".into(),
        "a boolean" => "bool".into(),
        "IntOrString" => "intstr.IntOrString".into(),
        "Quantity" => "resource.Quantity".into(),
        "a sequence" if depth < 4 => {
            let mut trial = work.clone();
            if let Some(slot) = get_mut(&mut trial, path) {
                *slot = Value::Array(vec![Value::Array(vec![])]);
            }
            let mut elem = path.to_vec();
            elem.push(Seg::Index(0));
            let e = probe(kind, &trial, &elem, Value::Array(vec![])).unwrap_or_default();
            format!("[]{}", go_type(kind, &trial, &elem, &e, depth + 1))
        }
        "a map" if depth < 4 => {
            let mut trial = work.clone();
            let mut m = serde_json::Map::new();
            m.insert("k".into(), Value::Array(vec![]));
            if let Some(slot) = get_mut(&mut trial, path) {
                *slot = Value::Object(m);
            }
            let mut val = path.to_vec();
            val.push(Seg::Key("k".into()));
            let e = probe(kind, &trial, &val, Value::Array(vec![])).unwrap_or_default();
            if e == "Quantity" {
                return "v1.ResourceList".into();
            }
            format!("map[string]{}", go_type(kind, &trial, &val, &e, depth + 1))
        }
        s if is_struct_name(s) => format!("v1.{s}"),
        s => s.to_string(),
    }
}

/// `json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of
/// type int32`.
fn go_type_error(kind: Kind, work: &Value, path: &[Seg], msg: &str, here: &Value) -> String {
    let expected = expected_of(msg).unwrap_or("");
    let what = match here {
        Value::String(_) => "string".to_string(),
        Value::Bool(_) => "bool".to_string(),
        Value::Array(_) => "array".to_string(),
        Value::Object(_) => "object".to_string(),
        Value::Number(n) => {
            if expected.starts_with('i') || expected.starts_with('u') {
                format!("number {n}")
            } else {
                "number".to_string()
            }
        }
        Value::Null => "null".to_string(),
    };
    let ty = go_type(kind, work, path, expected, 0);
    // Which segments are struct fields (their parent is a struct), and the innermost
    // struct owning the failing value.
    let mut fields = Vec::new();
    let mut owner = kind.info().name.to_string();
    for i in 0..path.len() {
        let parent = &path[..i];
        let parent_ty = probe(kind, work, parent, Value::Bool(true)).unwrap_or_default();
        if let Seg::Key(k) = &path[i] {
            if is_struct_name(&parent_ty) {
                fields.push(k.clone());
                owner = parent_ty;
            }
        }
    }
    if fields.is_empty() {
        return format!("json: cannot unmarshal {what} into Go value of type {ty}");
    }
    format!(
        "json: cannot unmarshal {what} into Go struct field {owner}.{} of type {ty}",
        fields.join(".")
    )
}
