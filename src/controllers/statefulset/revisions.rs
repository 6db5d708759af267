//! ControllerRevisions: a StatefulSet's pod template history, as upstream's
//! `getStatefulSetRevisions`, `newRevision`/`getPatch` and `truncateHistory` keep it.
//!
//! A revision stores the patch `{"spec":{"template":{...,"$patch":"replace"}}}` exactly as
//! Go's `json.Marshal` writes it; its name is `<set>-<hash>` where the hash is FNV-1 (32 bit)
//! of those bytes followed by the decimal collision count, safe-encoded
//! (`history.HashControllerRevision`). The update revision is the one equal to the live
//! template: the newest if it already is, an older one renumbered as the newest (a
//! rollback), or a new one. The current revision is the one `status.currentRevision`
//! names (the update revision when none does).

use super::controller_ref;
use crate::api::{Kind, Object};
use crate::apiserver::DeleteOptions;
use crate::cluster::ids::{fnv32, safe_encode_hash};
use crate::cluster::Ctx;
use crate::codec::json_out::to_compact_json;
use crate::store::ObjKey;
use k8s_openapi::api::apps::v1::{ControllerRevision, StatefulSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::runtime::RawExtension;
use serde_json::Value;
use std::collections::BTreeSet;

/// The label holding a revision's hash.
pub const HASH_LABEL: &str = "controller.kubernetes.io/hash";

/// How many names a revision may take before the sync gives up (each collision bumps
/// `status.collisionCount`, as upstream's `CreateControllerRevision` does).
const MAX_COLLISIONS: i32 = 16;

/// One revision as a sync uses it: its name and its pod template, decoded once.
pub(super) struct Revision {
    pub name: String,
    pub template: PodTemplateSpec,
}

pub(super) struct Revisions {
    pub current: Revision,
    pub update: Revision,
    pub collision_count: i32,
    /// The revisions the set owned when the sync started, oldest first (name, number).
    pub history: Vec<(String, i64)>,
}

/// A pod template as the apiserver's Go encoder writes it: the embedded `metadata` always
/// present with its zero `creationTimestamp` as `null`.
pub fn served_template(template: &PodTemplateSpec) -> Value {
    let mut v = serde_json::to_value(template).unwrap_or_default();
    if let Value::Object(m) = &mut v {
        let meta = m
            .entry("metadata")
            .or_insert_with(|| Value::Object(Default::default()));
        if let Value::Object(meta) = meta {
            meta.entry("creationTimestamp").or_insert(Value::Null);
        }
        m.entry("spec")
            .or_insert_with(|| Value::Object(Default::default()));
    }
    v
}

/// The patch upstream's `getPatch` records for a template.
pub fn revision_patch(template: &PodTemplateSpec) -> Value {
    let mut t = served_template(template);
    if let Value::Object(m) = &mut t {
        m.insert("$patch".into(), Value::String("replace".into()));
    }
    serde_json::json!({ "spec": { "template": t } })
}

/// `history.HashControllerRevision(revision, &collisionCount)`.
pub fn revision_hash(patch: &Value, collision_count: i32) -> String {
    let mut bytes = to_compact_json(patch).into_bytes();
    bytes.extend_from_slice(collision_count.to_string().as_bytes());
    safe_encode_hash(fnv32(&bytes))
}

/// `history.ControllerRevisionName`: the prefix cut to 223 bytes, then `-hash`.
pub fn revision_name(prefix: &str, hash: &str) -> String {
    let mut end = prefix.len().min(223);
    while !prefix.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}-{hash}", &prefix[..end])
}

/// The pod template a revision holds (`ApplyRevision` restricted to what it replaces).
pub fn template_of(rev: &ControllerRevision) -> Option<PodTemplateSpec> {
    let mut data = rev.data.as_ref()?.0.get("spec")?.get("template")?.clone();
    if let Some(m) = data.as_object_mut() {
        m.remove("$patch");
        if let Some(Value::Object(meta)) = m.get_mut("metadata") {
            meta.remove("creationTimestamp");
        }
    }
    serde_json::from_value(data).ok()
}

fn data_of(rev: &ControllerRevision) -> Option<&Value> {
    rev.data.as_ref().map(|d| &d.0)
}

/// A revision's name and template (the set's own template if the revision holds none).
fn decode(rev: &ControllerRevision, sts_template: &PodTemplateSpec) -> Revision {
    Revision {
        name: rev.metadata.name.clone().unwrap_or_default(),
        template: template_of(rev).unwrap_or_else(|| sts_template.clone()),
    }
}

/// The revisions a set controls, sorted by revision number (stable, as
/// `history.SortControllerRevisions`).
pub fn owned_revisions<'a>(
    store: &'a crate::store::Store,
    ns: &str,
    uid: &str,
) -> Vec<&'a ControllerRevision> {
    let mut owned: Vec<&ControllerRevision> = store
        .list(Kind::ControllerRevision, Some(ns))
        .filter_map(|o| o.as_typed::<ControllerRevision>())
        .filter(|r| super::controller_of(&r.metadata).is_some_and(|o| o.uid == uid))
        .collect();
    owned.sort_by_key(|r| r.revision);
    owned
}

/// The ControllerRevision `newRevision` builds for the set's live template.
fn new_revision(sts: &StatefulSet, patch: &Value, hash: &str, number: i64) -> ControllerRevision {
    let spec = sts.spec.as_ref();
    let mut labels = spec
        .and_then(|s| s.template.metadata.as_ref())
        .and_then(|m| m.labels.clone())
        .unwrap_or_default();
    labels.insert(HASH_LABEL.into(), hash.to_string());
    let name = sts.metadata.name.as_deref().unwrap_or_default();
    ControllerRevision {
        metadata: ObjectMeta {
            name: Some(revision_name(name, hash)),
            namespace: sts.metadata.namespace.clone(),
            labels: Some(labels),
            // Every annotation of the set is copied (last-applied-configuration too).
            annotations: sts.metadata.annotations.clone().filter(|a| !a.is_empty()),
            owner_references: Some(vec![controller_ref(sts)]),
            ..Default::default()
        },
        data: Some(RawExtension(patch.clone())),
        revision: number,
    }
}

pub(super) fn ensure_revisions(sts: &StatefulSet, ctx: &mut Ctx) -> Result<Revisions, ()> {
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    let uid = sts.metadata.uid.as_deref().unwrap_or_default();
    let default_spec = Default::default();
    let spec = sts.spec.as_ref().unwrap_or(&default_spec);
    let patch = revision_patch(&spec.template);
    let owned: Vec<ControllerRevision> = owned_revisions(&ctx.api.store, ns, uid)
        .into_iter()
        .cloned()
        .collect();
    let history: Vec<(String, i64)> = owned
        .iter()
        .map(|r| (r.metadata.name.clone().unwrap_or_default(), r.revision))
        .collect();
    let next = owned.last().map_or(1, |r| r.revision + 1);
    let mut collision_count = sts
        .status
        .as_ref()
        .and_then(|s| s.collision_count)
        .unwrap_or(0);
    let equal: Vec<&ControllerRevision> = owned
        .iter()
        .filter(|r| data_of(r) == Some(&patch))
        .collect();
    let update = match (equal.last(), owned.last()) {
        (Some(eq), Some(last)) if eq.metadata.name == last.metadata.name => {
            decode(last, &spec.template)
        }
        (Some(eq), _) => {
            // Rolling back to an older template: renumber that revision as the newest.
            let mut bumped = (*eq).clone();
            bumped.revision = next;
            let stored = ctx.api.update(Object::from(bumped)).map_err(|_| ())?;
            ctx.note(format!(
                "revision {} is the update revision again (renumbered {next})",
                stored.name()
            ));
            decode(
                stored.as_typed::<ControllerRevision>().ok_or(())?,
                &spec.template,
            )
        }
        (None, _) => loop {
            let hash = revision_hash(&patch, collision_count);
            let rev = new_revision(sts, &patch, &hash, next);
            let key = ObjKey::new(
                Kind::ControllerRevision,
                ns,
                rev.metadata.name.as_deref().unwrap_or_default(),
            );
            if let Some(existing) = ctx
                .api
                .try_get(&key)
                .and_then(|o| o.as_typed::<ControllerRevision>())
            {
                if data_of(existing) == Some(&patch) {
                    break decode(existing, &spec.template);
                }
                collision_count += 1;
                if collision_count > MAX_COLLISIONS {
                    return Err(());
                }
                continue;
            }
            let stored = ctx.api.create(Object::from(rev)).map_err(|_| ())?;
            ctx.note(format!("created revision {} ({next})", stored.name()));
            break decode(
                stored.as_typed::<ControllerRevision>().ok_or(())?,
                &spec.template,
            );
        },
    };
    let current_name = sts
        .status
        .as_ref()
        .and_then(|s| s.current_revision.as_deref());
    let current = match current_name
        .and_then(|n| owned.iter().find(|r| r.metadata.name.as_deref() == Some(n)))
    {
        Some(rev) if rev.metadata.name.as_deref() != Some(update.name.as_str()) => {
            decode(rev, &spec.template)
        }
        _ => Revision {
            name: update.name.clone(),
            template: update.template.clone(),
        },
    };
    Ok(Revisions {
        current,
        update,
        collision_count,
        history,
    })
}

/// The revisions `truncateHistory` deletes: those no pod, nor the current or update
/// revision, uses, oldest first, beyond `revisionHistoryLimit`.
pub fn revisions_to_truncate<'a>(
    history: &'a [(String, i64)],
    live: &BTreeSet<&str>,
    limit: i32,
) -> Vec<&'a str> {
    let dead: Vec<&str> = history
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !live.contains(n))
        .collect();
    let limit = limit.max(0) as usize;
    if dead.len() <= limit {
        return Vec::new();
    }
    dead[..dead.len() - limit].to_vec()
}

/// Delete history beyond the set's `revisionHistoryLimit`.
pub(super) fn truncate_history(
    sts: &StatefulSet,
    revs: &Revisions,
    pod_revisions: &[String],
    ctx: &mut Ctx,
) {
    let limit = sts
        .spec
        .as_ref()
        .and_then(|s| s.revision_history_limit)
        .unwrap_or(10);
    let mut live: BTreeSet<&str> = pod_revisions.iter().map(String::as_str).collect();
    live.insert(&revs.current.name);
    live.insert(&revs.update.name);
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    for name in revisions_to_truncate(&revs.history, &live, limit) {
        let key = ObjKey::new(Kind::ControllerRevision, ns, name);
        if ctx.api.delete(&key, &DeleteOptions::default()).is_ok() {
            ctx.note(format!(
                "deleted revision {name}: beyond revisionHistoryLimit {limit}"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Upstream's own fixture (`testdata/compatibility_revision_1.33.0.json`): this
    /// template's revision of the set `test` is named `test-c77f6d978`.
    #[test]
    fn names_revisions_as_upstream() {
        let template: PodTemplateSpec = serde_json::from_value(serde_json::json!({
            "metadata": {"annotations": {"test": "value"}, "labels": {"app": "foo"}},
            "spec": {
                "containers": [{"image": "test", "imagePullPolicy": "Always", "name": "test",
                    "resources": {}, "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File"}],
                "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
                "schedulerName": "default-scheduler", "securityContext": {},
                "terminationGracePeriodSeconds": 30
            }
        }))
        .unwrap();
        let patch = revision_patch(&template);
        assert_eq!(
            to_compact_json(&patch),
            r#"{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"test":"value"},"creationTimestamp":null,"labels":{"app":"foo"}},"spec":{"containers":[{"image":"test","imagePullPolicy":"Always","name":"test","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}}"#
        );
        let hash = revision_hash(&patch, 0);
        assert_eq!(revision_name("test", &hash), "test-c77f6d978");
        assert_ne!(
            revision_hash(&patch, 1),
            hash,
            "a collision changes the name"
        );
        let rev = ControllerRevision {
            data: Some(RawExtension(patch)),
            ..Default::default()
        };
        assert_eq!(template_of(&rev), Some(template));
    }

    #[test]
    fn long_prefixes_are_cut_to_223_bytes() {
        let name = revision_name(&"a".repeat(300), "c77f6d978");
        assert_eq!(name.len(), 223 + 1 + 9);
    }

    #[test]
    fn truncation_keeps_live_and_newest_history() {
        let history: Vec<(String, i64)> = (1..=5).map(|i| (format!("web-{i}"), i)).collect();
        let live: BTreeSet<&str> = ["web-5", "web-2"].into_iter().collect();
        assert_eq!(
            revisions_to_truncate(&history, &live, 1),
            ["web-1", "web-3"]
        );
        assert!(revisions_to_truncate(&history, &live, 3).is_empty());
        assert_eq!(
            revisions_to_truncate(&history, &live, 0),
            ["web-1", "web-3", "web-4"]
        );
    }
}
