//! `--field-selector` as the apiserver applies it: apimachinery's parser (terms split at
//! unescaped commas and sorted, `!=`/`==`/`=`, `\,` `\=` `\\` escapes), each kind's field
//! label conversion (pods know `status.phase`, `spec.nodeName`, ...; kinds without one
//! know only `metadata.name` and `metadata.namespace`), and the values the registries
//! expose for matching. Errors are the apiserver's BadRequest messages, which kubectl
//! wraps as `Unable to find "/v1, Resource=pods" that match label selector ...`.
//!
//! Upstream: apimachinery `pkg/fields/selector.go`, kubernetes `pkg/apis/core/v1/
//! conversion.go` (field labels), the registries' `ToSelectableFields`.

use crate::api::{Kind, Object};
use serde_json::Value;

/// One `field=value` or `field!=value` term.
#[derive(Clone, Debug, PartialEq)]
struct Term {
    field: String,
    value: String,
    negate: bool,
}

/// A parsed field selector.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSelector {
    terms: Vec<Term>,
}

/// apimachinery's `ParseSelector`.
pub fn parse(selector: &str) -> Result<FieldSelector, String> {
    let mut parts = split_terms(selector);
    parts.sort();
    let mut terms = Vec::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        let (field, op, rhs) = split_term(part)
            .ok_or_else(|| format!("invalid selector: '{selector}'; can't understand '{part}'"))?;
        terms.push(Term {
            field: field.to_string(),
            value: unescape(rhs)?,
            negate: op == "!=",
        });
    }
    Ok(FieldSelector { terms })
}

/// Split at commas not escaped by a backslash.
fn split_terms(s: &str) -> Vec<&str> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut terms = Vec::new();
    let mut start = 0;
    let mut in_slash = false;
    for (i, c) in s.char_indices() {
        if in_slash {
            in_slash = false;
        } else if c == '\\' {
            in_slash = true;
        } else if c == ',' {
            terms.push(&s[start..i]);
            start = i + 1;
        }
    }
    terms.push(&s[start..]);
    terms
}

/// The first operator in the term splits it (the field part has no escaping).
fn split_term(term: &str) -> Option<(&str, &'static str, &str)> {
    for (i, _) in term.char_indices() {
        for op in ["!=", "==", "="] {
            if term[i..].starts_with(op) {
                return Some((&term[..i], op, &term[i + op.len()..]));
            }
        }
    }
    None
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut in_slash = false;
    for c in s.chars() {
        if in_slash {
            if !matches!(c, '\\' | ',' | '=') {
                return Err(format!(
                    "invalid field selector: invalid escape sequence: \\{c}"
                ));
            }
            out.push(c);
            in_slash = false;
            continue;
        }
        match c {
            '\\' => in_slash = true,
            // Go prints the rune with %v: its code point.
            ',' | '=' => {
                return Err(format!(
                    "invalid field selector: unescaped character in value: {}",
                    c as u32
                ))
            }
            c => out.push(c),
        }
    }
    if in_slash {
        return Err("invalid field selector: invalid escape sequence: \\".into());
    }
    Ok(out)
}

/// The field labels a kind's conversion accepts; None for kinds using the default
/// (`metadata.name` and `metadata.namespace`, with a different error).
fn known_fields(kind: Kind) -> Option<&'static [&'static str]> {
    Some(match kind {
        Kind::Pod => &[
            "metadata.name",
            "metadata.namespace",
            "spec.nodeName",
            "spec.restartPolicy",
            "spec.schedulerName",
            "spec.serviceAccountName",
            "spec.hostNetwork",
            "status.phase",
            "status.podIP",
            "status.podIPs",
            "status.nominatedNodeName",
            "spec.host",
        ],
        Kind::Node => &["metadata.name", "spec.unschedulable"],
        Kind::Event => &[
            "involvedObject.kind",
            "involvedObject.namespace",
            "involvedObject.name",
            "involvedObject.uid",
            "involvedObject.apiVersion",
            "involvedObject.resourceVersion",
            "involvedObject.fieldPath",
            "reason",
            "reportingComponent",
            "source",
            "type",
            "metadata.namespace",
            "metadata.name",
        ],
        Kind::Namespace => &["status.phase", "metadata.name"],
        Kind::Secret => &["type", "metadata.namespace", "metadata.name"],
        Kind::Service => &[
            "metadata.namespace",
            "metadata.name",
            "spec.clusterIP",
            "spec.type",
        ],
        _ => return None,
    })
}

impl FieldSelector {
    /// The apiserver's field label conversion for `kind`: the first term (in sorted
    /// order) it does not know fails the request.
    pub fn check_kind(&self, kind: Kind) -> Result<(), String> {
        for t in &self.terms {
            match known_fields(kind) {
                Some(known) if !known.contains(&t.field.as_str()) => {
                    return Err(format!("field label not supported: {}", t.field))
                }
                None if !matches!(t.field.as_str(), "metadata.name" | "metadata.namespace") => {
                    return Err(format!(
                        "\"{}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                        t.field
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether `obj` matches every term (a field the registry does not expose reads as "").
    pub fn matches(&self, obj: &Object) -> bool {
        let json = obj.to_json();
        self.terms.iter().all(|t| {
            let actual = field_value(obj, &json, &t.field).unwrap_or_default();
            (actual == t.value) != t.negate
        })
    }
}

fn text(json: &Value, pointer: &str) -> String {
    json.pointer(pointer)
        .map(|v| match v {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        })
        .unwrap_or_default()
}

/// The value a registry's selectable field set holds for `field`, if it has the field.
fn field_value(obj: &Object, json: &Value, field: &str) -> Option<String> {
    let namespaced = obj.kind().info().namespaced;
    match field {
        "metadata.name" => return Some(obj.name().to_string()),
        "metadata.namespace" if namespaced => return Some(obj.namespace().to_string()),
        _ => {}
    }
    let bool_field = |p: &str| {
        json.pointer(p)
            .and_then(Value::as_bool)
            .unwrap_or(false)
            .to_string()
    };
    Some(match (obj.kind(), field) {
        (Kind::Pod, "spec.nodeName" | "spec.host") => text(json, "/spec/nodeName"),
        (Kind::Pod, "spec.restartPolicy") => text(json, "/spec/restartPolicy"),
        (Kind::Pod, "spec.schedulerName") => text(json, "/spec/schedulerName"),
        (Kind::Pod, "spec.serviceAccountName") => text(json, "/spec/serviceAccountName"),
        (Kind::Pod, "spec.hostNetwork") => bool_field("/spec/hostNetwork"),
        (Kind::Pod, "status.phase") => text(json, "/status/phase"),
        (Kind::Pod, "status.podIP") => {
            let first = text(json, "/status/podIPs/0/ip");
            if first.is_empty() {
                text(json, "/status/podIP")
            } else {
                first
            }
        }
        (Kind::Pod, "status.nominatedNodeName") => text(json, "/status/nominatedNodeName"),
        (Kind::Node, "spec.unschedulable") => bool_field("/spec/unschedulable"),
        (Kind::Namespace, "status.phase") => text(json, "/status/phase"),
        (Kind::Secret, "type") => text(json, "/type"),
        (Kind::Service, "spec.clusterIP") => text(json, "/spec/clusterIP"),
        (Kind::Service, "spec.type") => text(json, "/spec/type"),
        (Kind::Event, "source") => text(json, "/source/component"),
        (Kind::Event, f)
            if f.starts_with("involvedObject.")
                || matches!(f, "reason" | "reportingComponent" | "type") =>
        {
            text(json, &format!("/{}", f.replace('.', "/")))
        }
        _ => return None,
    })
}

/// kubectl's wrapping of a failed list (`EnhanceListError`).
pub fn list_error(kind: Kind, label_selector: &str, field_selector: &str, message: &str) -> String {
    let info = kind.info();
    let resource = format!("{}/{}, Resource={}", info.group, info.version, info.plural);
    format!(
        "Error from server (BadRequest): Unable to find {} that match label selector {}, field selector {}: {message}\n",
        crate::api::errors::go_quote(&resource),
        crate::api::errors::go_quote(label_selector),
        crate::api::errors::go_quote(field_selector)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_apimachinery_does() {
        let s = parse("status.phase!=Running,metadata.name==web-0").unwrap();
        // Terms are sorted.
        assert_eq!(s.terms[0].field, "metadata.name");
        assert!(!s.terms[0].negate);
        assert!(s.terms[1].negate);
        assert_eq!(parse("a=x\\,y").unwrap().terms[0].value, "x,y");
        assert_eq!(parse("").unwrap().terms, vec![]);
        assert_eq!(
            parse("b=1,foo").unwrap_err(),
            "invalid selector: 'b=1,foo'; can't understand 'foo'"
        );
        assert_eq!(
            parse("a=b=c").unwrap_err(),
            "invalid field selector: unescaped character in value: 61"
        );
        assert_eq!(
            parse("a=b\\x").unwrap_err(),
            "invalid field selector: invalid escape sequence: \\x"
        );
    }

    #[test]
    fn each_kind_knows_its_field_labels() {
        let s = parse("status.phase=Running,spec.nodeName=kind-worker").unwrap();
        assert_eq!(s.check_kind(Kind::Pod), Ok(()));
        assert_eq!(
            s.check_kind(Kind::Node).unwrap_err(),
            "field label not supported: spec.nodeName"
        );
        assert_eq!(
            parse("status.replicas=0").unwrap().check_kind(Kind::StatefulSet).unwrap_err(),
            "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
        );
        assert_eq!(
            parse("metadata.namespace=default")
                .unwrap()
                .check_kind(Kind::PersistentVolumeClaim),
            Ok(())
        );
    }

    #[test]
    fn list_errors_are_wrapped_as_kubectl_does() {
        assert_eq!(
            list_error(Kind::Pod, "", "foo=bar", "field label not supported: foo"),
            "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"foo=bar\": field label not supported: foo\n"
        );
        assert_eq!(
            list_error(Kind::ReplicaSet, "app=web", "status.replicas=0", "x"),
            "Error from server (BadRequest): Unable to find \"apps/v1, Resource=replicasets\" that match label selector \"app=web\", field selector \"status.replicas=0\": x\n"
        );
    }
}
