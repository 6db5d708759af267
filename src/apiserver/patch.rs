//! Patches as the apiserver applies them: JSON merge patch (RFC 7386), JSON patch (RFC 6902)
//! and strategic merge patch (lists of known types merged by their patch merge key, e.g.
//! containers by `name`), plus the three-way patch `kubectl apply` computes from the
//! last-applied configuration.

use serde_json::{Map, Value};

/// Which patch language a `kubectl patch --type` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatchType {
    Strategic,
    Merge,
    Json,
}

/// Apply a patch document to a JSON object.
pub fn apply_patch(target: &Value, patch: &Value, kind: PatchType) -> Result<Value, String> {
    match kind {
        PatchType::Merge => {
            let mut out = target.clone();
            json_patch::merge(&mut out, patch);
            Ok(out)
        }
        PatchType::Json => {
            let ops: json_patch::Patch =
                serde_json::from_value(patch.clone()).map_err(|e| e.to_string())?;
            let mut out = target.clone();
            json_patch::patch(&mut out, &ops).map_err(|e| e.to_string())?;
            Ok(out)
        }
        PatchType::Strategic => Ok(strategic_merge(target, patch, "")),
    }
}

/// The patch merge key of a list field, as the API types declare it (`patchMergeKey`).
fn merge_key(field: &str, items: &[Value]) -> Option<&'static str> {
    let has = |k: &str| items.iter().any(|i| i.get(k).is_some());
    match field {
        "containers"
        | "initContainers"
        | "ephemeralContainers"
        | "env"
        | "volumes"
        | "imagePullSecrets"
        | "resourceClaims" => Some("name"),
        "volumeMounts" => Some("mountPath"),
        "volumeDevices" => Some("devicePath"),
        "ports" if has("containerPort") => Some("containerPort"),
        "ports" => Some("port"),
        "conditions" => Some("type"),
        "ownerReferences" => Some("uid"),
        "hostAliases" => Some("ip"),
        "topologySpreadConstraints" => Some("topologyKey"),
        _ => None,
    }
}

/// Lists of scalars whose strategy is `merge` (union) rather than replace.
fn merges_scalars(field: &str) -> bool {
    matches!(field, "finalizers")
}

/// Strategic merge of `patch` into `target`.
pub fn strategic_merge(target: &Value, patch: &Value, field: &str) -> Value {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            if p.get("$patch").and_then(Value::as_str) == Some("replace") {
                let mut p = p.clone();
                p.remove("$patch");
                return Value::Object(p);
            }
            let mut out = t.clone();
            for (k, v) in p {
                if k.starts_with("$setElementOrder/") || k == "$retainKeys" || k == "$patch" {
                    continue;
                }
                if v.is_null() {
                    out.remove(k);
                    continue;
                }
                let merged = match out.get(k) {
                    Some(existing) => strategic_merge(existing, v, k),
                    None => strip_directives(v),
                };
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        (Value::Array(t), Value::Array(p)) => {
            if let Some(key) = merge_key(field, p).or_else(|| merge_key(field, t)) {
                let mut out: Vec<Value> = t.clone();
                for item in p {
                    let id = item.get(key);
                    let pos = out.iter().position(|o| o.get(key) == id && id.is_some());
                    let delete = item.get("$patch").and_then(Value::as_str) == Some("delete");
                    match (pos, delete) {
                        (Some(i), true) => {
                            out.remove(i);
                        }
                        (None, true) => {}
                        (Some(i), false) => out[i] = strategic_merge(&out[i], item, ""),
                        (None, false) => out.push(strip_directives(item)),
                    }
                }
                Value::Array(out)
            } else if merges_scalars(field) {
                let mut out = t.clone();
                for item in p {
                    if !out.contains(item) {
                        out.push(item.clone());
                    }
                }
                Value::Array(out)
            } else {
                strip_directives(patch)
            }
        }
        _ => strip_directives(patch),
    }
}

fn strip_directives(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !k.starts_with('$'))
                .map(|(k, v)| (k.clone(), strip_directives(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_directives).collect()),
        other => other.clone(),
    }
}

/// The patch `kubectl apply` sends for an existing object: the new manifest, plus deletions
/// (null, or `$patch: delete` for keyed list items) of whatever the last applied
/// configuration had and the new one dropped.
pub fn three_way_patch(last_applied: Option<&Value>, modified: &Value) -> Value {
    match last_applied {
        None => modified.clone(),
        Some(last) => with_deletions(last, modified, ""),
    }
}

fn with_deletions(last: &Value, modified: &Value, field: &str) -> Value {
    match (last, modified) {
        (Value::Object(l), Value::Object(m)) => {
            let mut out = Map::new();
            for (k, v) in m {
                let next = match l.get(k) {
                    Some(lv) => with_deletions(lv, v, k),
                    None => v.clone(),
                };
                out.insert(k.clone(), next);
            }
            for k in l.keys() {
                if !m.contains_key(k) {
                    out.insert(k.clone(), Value::Null);
                }
            }
            Value::Object(out)
        }
        (Value::Array(l), Value::Array(m)) => {
            match merge_key(field, m).or_else(|| merge_key(field, l)) {
                Some(key) => {
                    let mut out: Vec<Value> =
                        m.iter()
                            .map(|item| {
                                match l.iter().find(|li| {
                                    li.get(key).is_some() && li.get(key) == item.get(key)
                                }) {
                                    Some(li) => with_deletions(li, item, ""),
                                    None => item.clone(),
                                }
                            })
                            .collect();
                    for li in l {
                        if let Some(id) = li.get(key) {
                            if !m.iter().any(|mi| mi.get(key) == Some(id)) {
                                let mut del = Map::new();
                                del.insert(key.to_string(), id.clone());
                                del.insert("$patch".into(), Value::String("delete".into()));
                                out.push(Value::Object(del));
                            }
                        }
                    }
                    Value::Array(out)
                }
                None => modified.clone(),
            }
        }
        _ => modified.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strategic_merge_merges_containers_by_name() {
        let live = json!({"spec": {"containers": [{"name": "nginx", "image": "nginx:1.25"}, {"name": "side", "image": "busybox"}]}});
        let patch = json!({"spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"}]}});
        let out = apply_patch(&live, &patch, PatchType::Strategic).unwrap();
        assert_eq!(out["spec"]["containers"][0]["image"], "nginx:1.27");
        assert_eq!(out["spec"]["containers"][1]["name"], "side");
        let merge = apply_patch(&live, &patch, PatchType::Merge).unwrap();
        assert_eq!(merge["spec"]["containers"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn json_patch_replaces_by_pointer() {
        let live = json!({"spec": {"replicas": 3}});
        let patch = json!([{"op": "replace", "path": "/spec/replicas", "value": 5}]);
        assert_eq!(
            apply_patch(&live, &patch, PatchType::Json).unwrap()["spec"]["replicas"],
            5
        );
    }

    #[test]
    fn three_way_patch_deletes_what_the_manifest_dropped() {
        let last = json!({"metadata": {"labels": {"a": "1", "b": "2"}}, "spec": {"containers": [{"name": "x"}, {"name": "y"}]}});
        let new =
            json!({"metadata": {"labels": {"a": "1"}}, "spec": {"containers": [{"name": "x"}]}});
        let patch = three_way_patch(Some(&last), &new);
        assert_eq!(patch["metadata"]["labels"]["b"], Value::Null);
        let live = json!({"metadata": {"labels": {"a": "1", "b": "2", "c": "live"}}, "spec": {"containers": [{"name": "x"}, {"name": "y"}]}});
        let out = strategic_merge(&live, &patch, "");
        assert_eq!(out["metadata"]["labels"], json!({"a": "1", "c": "live"}));
        assert_eq!(out["spec"]["containers"], json!([{"name": "x"}]));
    }
}
