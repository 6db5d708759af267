//! Object metadata and label validation (apimachinery `pkg/api/validation/objectmeta.go`
//! and `pkg/apis/meta/v1/validation`, read at tag v0.32.0): name/generateName by the
//! kind's name rule, namespace presence, labels, annotation keys, finalizers, label
//! selectors, and what may not change on update.
//!
//! Go iterates maps in random order; the sandbox reports map-derived errors in key
//! order so output is deterministic.

use super::path::child;
use crate::admission::gofmt;
use crate::admission::names::{
    is_qualified_name, is_valid_label_value, label_value_ok, qualified_name_ok, NameRule,
};
use crate::api::{BadValue, FieldError};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use std::collections::BTreeMap;

const TOTAL_ANNOTATION_SIZE_LIMIT: usize = 256 * 1024;
const STANDARD_FINALIZERS: [&str; 3] = ["kubernetes", "orphan", "foregroundDeletion"];

/// `ValidateObjectMeta` (core flavour, with the finalizer-name check).
pub fn validate_object_meta(
    meta: &ObjectMeta,
    requires_namespace: bool,
    rule: NameRule,
    path: &str,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if let Some(gen) = meta.generate_name.as_deref().filter(|g| !g.is_empty()) {
        for msg in rule.check(gen, true) {
            errs.push(FieldError::invalid(
                child(path, "generateName"),
                BadValue::Str(gen.into()),
                msg,
            ));
        }
    }
    let name = meta.name.as_deref().unwrap_or("");
    if name.is_empty() {
        errs.push(FieldError::required(
            child(path, "name"),
            "name or generateName is required",
        ));
    } else {
        for msg in rule.check(name, false) {
            errs.push(FieldError::invalid(
                child(path, "name"),
                BadValue::Str(name.into()),
                msg,
            ));
        }
    }
    let ns = meta.namespace.as_deref().unwrap_or("");
    if requires_namespace {
        if ns.is_empty() {
            errs.push(FieldError::required(child(path, "namespace"), ""));
        } else {
            for msg in NameRule::Dns1123Label.check(ns, false) {
                errs.push(FieldError::invalid(
                    child(path, "namespace"),
                    BadValue::Str(ns.into()),
                    msg,
                ));
            }
        }
    } else if !ns.is_empty() {
        errs.push(FieldError::forbidden(
            child(path, "namespace"),
            "not allowed on this type",
        ));
    }
    if let Some(g) = meta.generation.filter(|g| *g < 0) {
        errs.push(FieldError::invalid(
            child(path, "generation"),
            BadValue::Int(g),
            super::IS_NEGATIVE,
        ));
    }
    errs.extend(validate_maps_and_finalizers(meta, None, path));
    errs
}

/// Labels, annotations and finalizers, in that order. Valid ones (nearly every write)
/// cost a scan and no allocation; field paths are built only for an object with errors.
/// On an update, entries the stored object (`old`) already had were validated when it
/// was written, so only new or changed ones are checked; any failure re-runs the full
/// checks, so the errors and their order are upstream's.
fn validate_maps_and_finalizers(
    meta: &ObjectMeta,
    old: Option<&ObjectMeta>,
    path: &str,
) -> Vec<FieldError> {
    let old_labels = old.and_then(|o| o.labels.as_ref());
    let old_annotations = old.and_then(|o| o.annotations.as_ref());
    let old_finalizers = old
        .and_then(|o| o.finalizers.as_deref())
        .unwrap_or_default();
    let labels_ok = meta.labels.as_ref().is_none_or(|labels| {
        unchanged_or(labels, old_labels, |k, v, old_v| {
            old_v == Some(v) || (qualified_name_ok(k) && label_value_ok(v))
        })
    });
    let mut total = 0;
    let annotations_ok = meta.annotations.as_ref().is_none_or(|annotations| {
        unchanged_or(annotations, old_annotations, |k, v, old_v| {
            total += k.len() + v.len();
            old_v.is_some() || annotation_key_ok(k)
        })
    }) && total <= TOTAL_ANNOTATION_SIZE_LIMIT;
    let finalizers_ok = meta.finalizers.iter().flatten().all(|f| {
        old_finalizers.contains(f)
            || (qualified_name_ok(f)
                && (f.contains('/') || STANDARD_FINALIZERS.contains(&f.as_str())))
    }) && !meta.finalizers.as_ref().is_some_and(|list| {
        list.iter().any(|f| f == "orphan") && list.iter().any(|f| f == "foregroundDeletion")
    });
    let mut errs = Vec::new();
    if !labels_ok {
        errs.extend(validate_labels(
            meta.labels.as_ref(),
            &child(path, "labels"),
        ));
    }
    if !annotations_ok {
        errs.extend(validate_annotations(
            meta.annotations.as_ref(),
            &child(path, "annotations"),
        ));
    }
    if !finalizers_ok {
        errs.extend(validate_finalizers(
            meta.finalizers.as_deref(),
            &child(path, "finalizers"),
        ));
    }
    errs
}

/// Whether `ok(key, value, old value)` holds for every entry of `map`, where the old value
/// is the stored object's entry under the same key.
fn unchanged_or(
    map: &BTreeMap<String, String>,
    old: Option<&BTreeMap<String, String>>,
    mut ok: impl FnMut(&str, &str, Option<&str>) -> bool,
) -> bool {
    map.iter().all(|(k, v)| {
        let old_v = old.and_then(|o| o.get(k)).map(String::as_str);
        ok(k, v, old_v)
    })
}

/// Whether an annotation key passes upstream's check. A key valid as written is also
/// valid lower-cased (it is ASCII, its prefix already lower case, and the name part allows
/// either case), so only a key that fails as written pays for the lower-cased copy.
fn annotation_key_ok(k: &str) -> bool {
    qualified_name_ok(k) || qualified_name_ok(&annotation_key(k))
}

/// An annotation key as upstream checks it: lower-cased (a copy only when that changes it).
fn annotation_key(k: &str) -> std::borrow::Cow<'_, str> {
    if k.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        std::borrow::Cow::Owned(k.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(k)
    }
}

/// `ValidateObjectMetaUpdate`, less what the apiserver fills in itself before validating
/// (resourceVersion, generation, creationTimestamp, an empty uid).
pub fn validate_object_meta_update(
    new: &ObjectMeta,
    old: &ObjectMeta,
    path: &str,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let immutable = |field: &str, n: &Option<String>, o: &Option<String>| {
        let (n, o) = (n.as_deref().unwrap_or(""), o.as_deref().unwrap_or(""));
        (n != o).then(|| {
            FieldError::invalid(
                child(path, field),
                BadValue::Str(n.into()),
                "field is immutable",
            )
        })
    };
    errs.extend(immutable("name", &new.name, &old.name));
    errs.extend(immutable("namespace", &new.namespace, &old.namespace));
    if new.uid.as_deref().is_some_and(|u| !u.is_empty()) {
        errs.extend(immutable("uid", &new.uid, &old.uid));
    }
    errs.extend(validate_maps_and_finalizers(new, Some(old), path));
    errs
}

/// Whether [`validate_labels`] would find nothing wrong (no messages or paths built).
pub fn labels_ok(labels: &BTreeMap<String, String>) -> bool {
    labels
        .iter()
        .all(|(k, v)| qualified_name_ok(k) && label_value_ok(v))
}

/// `ValidateLabels`: each key a qualified name, each value a label value.
pub fn validate_labels(labels: Option<&BTreeMap<String, String>>, path: &str) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for (k, v) in labels.into_iter().flatten() {
        for msg in is_qualified_name(k) {
            errs.push(FieldError::invalid(path, BadValue::Str(k.clone()), msg));
        }
        for msg in is_valid_label_value(v) {
            errs.push(FieldError::invalid(path, BadValue::Str(v.clone()), msg));
        }
    }
    errs
}

/// `ValidateAnnotations`: keys are qualified names (checked lower-cased); 256 KiB total.
pub fn validate_annotations(
    annotations: Option<&BTreeMap<String, String>>,
    path: &str,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut total = 0;
    for (k, v) in annotations.into_iter().flatten() {
        for msg in is_qualified_name(&annotation_key(k)) {
            errs.push(FieldError::invalid(path, BadValue::Str(k.clone()), msg));
        }
        total += k.len() + v.len();
    }
    if total > TOTAL_ANNOTATION_SIZE_LIMIT {
        errs.push(FieldError::too_long(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    errs
}

fn validate_finalizers(finalizers: Option<&[String]>, path: &str) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for (i, f) in finalizers.into_iter().flatten().enumerate() {
        let msgs = is_qualified_name(f);
        let had = !msgs.is_empty();
        for msg in msgs {
            errs.push(FieldError::invalid(path, BadValue::Str(f.clone()), msg));
        }
        if !had && !f.contains('/') && !STANDARD_FINALIZERS.contains(&f.as_str()) {
            errs.push(FieldError::invalid(
                format!("{path}[{i}]"),
                BadValue::Str(f.clone()),
                "name is neither a standard finalizer name nor is it fully qualified",
            ));
        }
    }
    let list = finalizers.unwrap_or(&[]);
    if list.iter().any(|f| f == "orphan") && list.iter().any(|f| f == "foregroundDeletion") {
        let shown = gofmt::string_slice(Some(list));
        errs.push(FieldError::invalid(
            path,
            BadValue::Raw(shown),
            "finalizer orphan and foregroundDeletion cannot be both set",
        ));
    }
    errs
}

/// `ValidateLabelSelector` with strict label values.
pub fn validate_label_selector(sel: &LabelSelector, path: &str) -> Vec<FieldError> {
    let mut errs = validate_labels(sel.match_labels.as_ref(), &child(path, "matchLabels"));
    for (i, req) in sel.match_expressions.iter().flatten().enumerate() {
        let rp = format!("{}[{i}]", child(path, "matchExpressions"));
        let values = req.values.as_deref().unwrap_or(&[]);
        match req.operator.as_str() {
            "In" | "NotIn" => {
                if values.is_empty() {
                    errs.push(FieldError::required(
                        child(&rp, "values"),
                        "must be specified when `operator` is 'In' or 'NotIn'",
                    ));
                }
            }
            "Exists" | "DoesNotExist" => {
                if !values.is_empty() {
                    errs.push(FieldError::forbidden(
                        child(&rp, "values"),
                        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                    ));
                }
            }
            op => errs.push(FieldError::invalid(
                child(&rp, "operator"),
                BadValue::Str(op.into()),
                "not a valid selector operator",
            )),
        }
        for msg in is_qualified_name(&req.key) {
            errs.push(FieldError::invalid(
                child(&rp, "key"),
                BadValue::Str(req.key.clone()),
                msg,
            ));
        }
        for (vi, v) in values.iter().enumerate() {
            for msg in is_valid_label_value(v) {
                errs.push(FieldError::invalid(
                    format!("{}[{vi}]", child(&rp, "values")),
                    BadValue::Str(v.clone()),
                    msg,
                ));
            }
        }
    }
    errs
}

/// Whether a typed selector stands for a missing one. k8s-openapi makes `selector`
/// required and defaults it when absent, so "both parts unset" is read as upstream's
/// nil selector (a `selector: {}` in YAML decodes the same way and is reported alike).
pub fn selector_is_missing(sel: &LabelSelector) -> bool {
    sel.match_labels.is_none() && sel.match_expressions.is_none()
}

/// Whether a present selector selects nothing in particular (no labels, no expressions).
pub fn selector_is_empty(sel: &LabelSelector) -> bool {
    sel.match_labels.as_ref().is_none_or(|m| m.is_empty())
        && sel.match_expressions.as_ref().is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_name_and_namespace() {
        let errs = validate_object_meta(
            &ObjectMeta::default(),
            true,
            NameRule::Dns1123Subdomain,
            "metadata",
        );
        let got: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            got,
            [
                "metadata.name: Required value: name or generateName is required",
                "metadata.namespace: Required value"
            ]
        );
    }

    #[test]
    fn cluster_scoped_kinds_forbid_a_namespace() {
        let meta = ObjectMeta {
            name: Some("standard".into()),
            namespace: Some("default".into()),
            ..Default::default()
        };
        let errs = validate_object_meta(&meta, false, NameRule::Dns1123Subdomain, "metadata");
        assert_eq!(
            errs[0].to_string(),
            "metadata.namespace: Forbidden: not allowed on this type"
        );
    }

    #[test]
    fn bad_label_value_is_reported_on_the_labels_path() {
        let mut labels = BTreeMap::new();
        labels.insert("app".to_string(), "nginx web".to_string());
        let errs = validate_labels(Some(&labels), "metadata.labels");
        assert_eq!(errs.len(), 1);
        assert!(errs[0]
            .to_string()
            .starts_with("metadata.labels: Invalid value: \"nginx web\": a valid label must be"));
    }

    #[test]
    fn selector_operator_rules() {
        let sel: LabelSelector = serde_json::from_value(serde_json::json!({
            "matchExpressions": [{"key": "app", "operator": "In"}]
        }))
        .unwrap();
        assert_eq!(
            validate_label_selector(&sel, "spec.selector")[0].to_string(),
            "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"
        );
    }

    #[test]
    fn updates_check_only_new_or_changed_entries_and_report_like_create() {
        let map = |pairs: &[(&str, &str)]| {
            Some(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<BTreeMap<_, _>>(),
            )
        };
        let old = ObjectMeta {
            name: Some("a".into()),
            labels: map(&[("b", "x"), ("bad key", "v"), ("d", "y")]),
            annotations: map(&[("b", "1"), ("bad key", "2")]),
            ..Default::default()
        };
        // Entries the stored object already had are not re-checked, wherever they sort.
        let mut same = old.clone();
        same.labels = map(&[
            ("a", "z"),
            ("b", "x"),
            ("bad key", "v"),
            ("d", "y"),
            ("e", ""),
        ]);
        same.annotations = map(&[("a", "0"), ("bad key", "3"), ("c", "4")]);
        assert!(validate_object_meta_update(&same, &old, "metadata").is_empty());
        // A changed label value and a new annotation key are checked, and any failure
        // reports every entry as the create-time check does.
        let mut changed = old.clone();
        changed.labels = map(&[("b", "not valid"), ("bad key", "v")]);
        changed.annotations = map(&[("b", "1"), ("bad key", "2"), ("new key", "5")]);
        let got: Vec<String> = validate_object_meta_update(&changed, &old, "metadata")
            .iter()
            .map(|e| e.to_string())
            .collect();
        let mut want: Vec<String> = validate_labels(changed.labels.as_ref(), "metadata.labels")
            .iter()
            .map(|e| e.to_string())
            .collect();
        want.extend(
            validate_annotations(changed.annotations.as_ref(), "metadata.annotations")
                .iter()
                .map(|e| e.to_string()),
        );
        assert_eq!(got, want);
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn unqualified_finalizer_is_rejected() {
        let meta = ObjectMeta {
            name: Some("a".into()),
            finalizers: Some(vec!["custom".into()]),
            ..Default::default()
        };
        let errs = validate_object_meta(&meta, false, NameRule::Dns1123Subdomain, "metadata");
        assert_eq!(
            errs[0].to_string(),
            "metadata.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified"
        );
    }
}
