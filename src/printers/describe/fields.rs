//! The multi-line fields every describer shares: labels (`k=v`, sorted, one per line),
//! annotations (`k: v`, the last-applied configuration hidden, long values wrapped),
//! tolerations, taints and pod name lists, each continuing under its first value.

use super::writer::{DescribeWriter, LEVEL_0};
use k8s_openapi::api::core::v1::{Taint, Toleration};
use std::collections::BTreeMap;

const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";
const MAX_ANNOTATION_LEN: usize = 140;

/// Write `title:` and then one value per line aligned under the first, or `<none>`.
fn multiline(w: &mut DescribeWriter, indent: &str, title: &str, values: &[String]) {
    w.write(LEVEL_0, &format!("{indent}{title}:\t"));
    if values.is_empty() {
        w.write_line("<none>");
        return;
    }
    for (i, v) in values.iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_0, &format!("{indent}\t"));
        }
        w.write(LEVEL_0, &format!("{v}\n"));
    }
}

/// `printLabelsMultilineWithIndent`.
pub(crate) fn labels(
    w: &mut DescribeWriter,
    indent: &str,
    title: &str,
    labels: Option<&BTreeMap<String, String>>,
) {
    let values: Vec<String> = labels
        .into_iter()
        .flatten()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    multiline(w, indent, title, &values);
}

/// `printAnnotationsMultiline` (title may carry its own indentation, as pod templates do).
pub(crate) fn annotations(
    w: &mut DescribeWriter,
    title: &str,
    annotations: Option<&BTreeMap<String, String>>,
) {
    w.write(LEVEL_0, &format!("{title}:\t"));
    let shown: Vec<(&String, &String)> = annotations
        .into_iter()
        .flatten()
        .filter(|(k, _)| k.as_str() != LAST_APPLIED)
        .collect();
    if shown.is_empty() {
        w.write_line("<none>");
        return;
    }
    for (i, (key, value)) in shown.into_iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_0, "\t");
        }
        let value = value.strip_suffix('\n').unwrap_or(value);
        if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.write(LEVEL_0, &format!("{key}:\n"));
            for line in value.split('\n') {
                w.write(
                    LEVEL_0,
                    &format!("\t  {}\n", shorten(line, MAX_ANNOTATION_LEN - 2)),
                );
            }
        } else {
            w.write(LEVEL_0, &format!("{key}: {value}\n"));
        }
    }
}

/// The first `max` bytes and `...` (on a character boundary).
fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &s[..end])
}

/// `printTolerationsMultilineWithIndent`: sorted by key, `key=value:Effect op=Exists for Ns`.
pub(crate) fn tolerations(
    w: &mut DescribeWriter,
    indent: &str,
    title: &str,
    tolerations: Option<&Vec<Toleration>>,
) {
    let mut list: Vec<&Toleration> = tolerations.into_iter().flatten().collect();
    list.sort_by(|a, b| a.key.cmp(&b.key));
    let values: Vec<String> = list
        .into_iter()
        .map(|t| {
            let key = t.key.as_deref().unwrap_or("");
            let value = t.value.as_deref().unwrap_or("");
            let effect = t.effect.as_deref().unwrap_or("");
            let mut s = key.to_string();
            if !value.is_empty() {
                s.push_str(&format!("={value}"));
            }
            if !effect.is_empty() {
                s.push_str(&format!(":{effect}"));
            }
            if t.operator.as_deref() == Some("Exists") && value.is_empty() {
                if !key.is_empty() || !effect.is_empty() {
                    s.push_str(" op=Exists");
                } else {
                    s.push_str("op=Exists");
                }
            }
            if let Some(secs) = t.toleration_seconds {
                s.push_str(&format!(" for {secs}s"));
            }
            s
        })
        .collect();
    multiline(w, indent, title, &values);
}

/// `printTaintsMultilineWithIndent`: sorted by effect then key, `key=value:Effect`.
pub(crate) fn taints(w: &mut DescribeWriter, title: &str, taints: Option<&Vec<Taint>>) {
    let mut list: Vec<&Taint> = taints.into_iter().flatten().collect();
    list.sort_by_key(|t| format!("{},{}", t.effect, t.key));
    let values: Vec<String> = list
        .into_iter()
        .map(|t| match t.value.as_deref() {
            Some(v) if !v.is_empty() => format!("{}={}:{}", t.key, v, t.effect),
            _ => format!("{}:{}", t.key, t.effect),
        })
        .collect();
    multiline(w, "", title, &values);
}

/// `printPodsMultiline`: pod names sorted.
pub(crate) fn pod_names(w: &mut DescribeWriter, title: &str, mut names: Vec<String>) {
    names.sort();
    multiline(w, "", title, &names);
}

/// `<none>` for an empty string.
pub(crate) fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "<none>"
    } else {
        s
    }
}
