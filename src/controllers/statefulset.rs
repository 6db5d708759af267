//! The StatefulSet controller: one sync moves the world one step toward the spec.
//!
//! Structure as upstream's `stateful_set_control.go`: sort pods into in-range slots and
//! condemned ones, then walk the slots in ordinal order (OrderedReady stops at the first
//! pod it must wait for; Parallel does not), then scale down from the highest ordinal,
//! then roll updates from the highest ordinal down to the partition. Claims from
//! `volumeClaimTemplates` are created before their pod and reused when they exist.

use crate::api::labels::Selector;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Source};
use crate::apiserver::DeleteOptions;
use crate::cluster::ids::template_hash;
use crate::cluster::Ctx;
use crate::kubelet::status::is_running_and_ready;
use crate::store::{ObjKey, WatchEvent};
use k8s_openapi::api::apps::v1::{ControllerRevision, StatefulSet, StatefulSetStatus};
use k8s_openapi::api::core::v1::{
    PersistentVolumeClaim, PersistentVolumeClaimVolumeSource, Pod, Volume,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
use k8s_openapi::apimachinery::pkg::runtime::RawExtension;
use std::collections::{BTreeMap, HashMap};

pub const REVISION_LABEL: &str = "controller-revision-hash";
pub const POD_NAME_LABEL: &str = "statefulset.kubernetes.io/pod-name";
pub const POD_INDEX_LABEL: &str = "apps.kubernetes.io/pod-index";
const COMPONENT: &str = "statefulset-controller";

#[derive(Clone, Debug, Default)]
pub struct StatefulSetController {
    /// Consecutive failed syncs per set, for the rate-limited requeue.
    failures: HashMap<ObjKey, u32>,
}

/// The controller reference a set puts on what it owns.
pub fn controller_ref(sts: &StatefulSet) -> OwnerReference {
    OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: sts.metadata.name.clone().unwrap_or_default(),
        uid: sts.metadata.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// The controller owner reference of an object, if any.
pub fn controller_of(meta: &ObjectMeta) -> Option<&OwnerReference> {
    meta.owner_references
        .iter()
        .flatten()
        .find(|r| r.controller == Some(true))
}

/// `web-12` -> ("web", 12).
pub fn parent_and_ordinal(name: &str) -> Option<(&str, i32)> {
    let (parent, ord) = name.rsplit_once('-')?;
    if ord.is_empty() || !ord.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((parent, ord.parse().ok()?))
}

fn is_terminating(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_some()
}

fn is_finished(pod: &Pod) -> bool {
    matches!(
        pod.status.as_ref().and_then(|s| s.phase.as_deref()),
        Some("Succeeded" | "Failed")
    )
}

fn revision_of(pod: &Pod) -> Option<&str> {
    pod.metadata
        .labels
        .as_ref()?
        .get(REVISION_LABEL)
        .map(String::as_str)
}

impl StatefulSetController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.kind() {
            Kind::StatefulSet => push(ObjKey::of(obj), 0),
            Kind::Pod | Kind::ControllerRevision => {
                if let Some(owner) = controller_of(obj.meta()) {
                    if owner.kind == "StatefulSet" {
                        push(
                            ObjKey::new(Kind::StatefulSet, obj.namespace(), &owner.name),
                            0,
                        );
                    }
                } else if let Some((parent, _)) = parent_and_ordinal(obj.name()) {
                    // An orphan with a set's name pattern may be adopted.
                    push(ObjKey::new(Kind::StatefulSet, obj.namespace(), parent), 0);
                }
            }
            _ => {}
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let Some(Object::StatefulSet(sts)) = ctx.api.try_get(key).map(|o| o.as_ref().clone())
        else {
            self.failures.remove(key);
            return None;
        };
        match sync(&sts, ctx) {
            Ok(()) => {
                self.failures.remove(key);
                None
            }
            Err(()) => {
                let n = self.failures.entry(key.clone()).or_insert(0);
                *n += 1;
                // client-go's default controller rate limiter: 5ms * 2^n, at most 1000s.
                Some((5i64 << (*n).min(20)).min(1_000_000))
            }
        }
    }
}

struct Revisions {
    current: ControllerRevision,
    update: ControllerRevision,
}

fn template_of(rev: &ControllerRevision) -> Option<k8s_openapi::api::core::v1::PodTemplateSpec> {
    let data = rev.data.as_ref()?.0.get("spec")?.get("template")?.clone();
    let mut data = data;
    if let Some(m) = data.as_object_mut() {
        m.remove("$patch");
    }
    serde_json::from_value(data).ok()
}

fn ensure_revisions(sts: &StatefulSet, ctx: &mut Ctx) -> Result<Revisions, ()> {
    let ns = sts.metadata.namespace.clone().unwrap_or_default();
    let name = sts.metadata.name.clone().unwrap_or_default();
    let uid = sts.metadata.uid.clone().unwrap_or_default();
    let spec = sts.spec.clone().unwrap_or_default();
    let mut template_json = serde_json::to_value(&spec.template).unwrap_or_default();
    let hash = template_hash(&template_json);
    let rev_name = format!("{name}-{hash}");
    let mut owned: Vec<ControllerRevision> = ctx
        .api
        .store
        .list(Kind::ControllerRevision, Some(&ns))
        .filter_map(|o| o.as_typed::<ControllerRevision>())
        .filter(|r| controller_of(&r.metadata).is_some_and(|o| o.uid == uid))
        .cloned()
        .collect();
    owned.sort_by_key(|r| r.revision);
    let max = owned.last().map(|r| r.revision).unwrap_or(0);
    let update = match owned
        .iter()
        .find(|r| r.metadata.name.as_deref() == Some(&rev_name))
    {
        Some(existing) if existing.revision == max => existing.clone(),
        Some(existing) => {
            // Rolling back to an older template: renumber that revision as the newest.
            let mut bumped = existing.clone();
            bumped.revision = max + 1;
            match ctx.api.update(Object::ControllerRevision(bumped)) {
                Ok(o) => o.as_typed::<ControllerRevision>().cloned().ok_or(())?,
                Err(_) => return Err(()),
            }
        }
        None => {
            if let Some(m) = template_json.as_object_mut() {
                m.insert("$patch".into(), serde_json::Value::String("replace".into()));
            }
            let mut labels: BTreeMap<String, String> = spec
                .template
                .metadata
                .as_ref()
                .and_then(|m| m.labels.clone())
                .unwrap_or_default();
            labels.insert("controller.kubernetes.io/hash".into(), hash.clone());
            let rev = ControllerRevision {
                metadata: ObjectMeta {
                    name: Some(rev_name.clone()),
                    namespace: Some(ns.clone()),
                    labels: Some(labels),
                    annotations: sts
                        .metadata
                        .annotations
                        .clone()
                        .map(|mut a| {
                            a.remove("kubectl.kubernetes.io/last-applied-configuration");
                            a
                        })
                        .filter(|a| !a.is_empty()),
                    owner_references: Some(vec![controller_ref(sts)]),
                    ..Default::default()
                },
                data: Some(RawExtension(
                    serde_json::json!({ "spec": { "template": template_json } }),
                )),
                revision: max + 1,
            };
            match ctx.api.create(Object::ControllerRevision(rev)) {
                Ok(o) => o.as_typed::<ControllerRevision>().cloned().ok_or(())?,
                Err(_) => return Err(()),
            }
        }
    };
    let current_name = sts.status.as_ref().and_then(|s| s.current_revision.clone());
    let current = current_name
        .and_then(|n| {
            owned
                .iter()
                .find(|r| r.metadata.name.as_deref() == Some(&n))
                .cloned()
        })
        .unwrap_or_else(|| update.clone());
    Ok(Revisions { current, update })
}

/// Build the pod for `ordinal` from a revision's template, as `newVersionedStatefulSetPod` does.
pub fn new_pod(sts: &StatefulSet, rev: &ControllerRevision, ordinal: i32) -> Pod {
    let spec = sts.spec.clone().unwrap_or_default();
    let set_name = sts.metadata.name.clone().unwrap_or_default();
    let template = template_of(rev).unwrap_or_else(|| spec.template.clone());
    let name = format!("{set_name}-{ordinal}");
    let tmeta = template.metadata.clone().unwrap_or_default();
    let mut labels = tmeta.labels.clone().unwrap_or_default();
    labels.insert(
        REVISION_LABEL.into(),
        rev.metadata.name.clone().unwrap_or_default(),
    );
    labels.insert(POD_NAME_LABEL.into(), name.clone());
    labels.insert(POD_INDEX_LABEL.into(), ordinal.to_string());
    let mut pod_spec = template.spec.clone().unwrap_or_default();
    pod_spec.hostname = Some(name.clone());
    if let Some(svc) = spec.service_name.as_deref().filter(|s| !s.is_empty()) {
        pod_spec.subdomain = Some(svc.to_string());
    }
    let mut volumes: Vec<Volume> = pod_spec.volumes.take().unwrap_or_default();
    for tmpl in spec.volume_claim_templates.iter().flatten() {
        let vol_name = tmpl.metadata.name.clone().unwrap_or_default();
        volumes.retain(|v| v.name != vol_name);
        volumes.push(Volume {
            name: vol_name.clone(),
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: format!("{vol_name}-{name}"),
                read_only: None,
            }),
            ..Default::default()
        });
    }
    if !volumes.is_empty() {
        pod_spec.volumes = Some(volumes);
    }
    Pod {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: sts.metadata.namespace.clone(),
            labels: Some(labels),
            annotations: tmeta.annotations.clone(),
            owner_references: Some(vec![controller_ref(sts)]),
            ..Default::default()
        },
        spec: Some(pod_spec),
        status: None,
    }
}

/// The claims a pod of this set needs, as `getPersistentVolumeClaims` builds them.
pub fn claims_for(sts: &StatefulSet, ordinal: i32) -> Vec<PersistentVolumeClaim> {
    let spec = sts.spec.clone().unwrap_or_default();
    let set_name = sts.metadata.name.clone().unwrap_or_default();
    let selector_labels = spec.selector.match_labels.clone().unwrap_or_default();
    let delete_with_set = spec
        .persistent_volume_claim_retention_policy
        .as_ref()
        .and_then(|p| p.when_deleted.as_deref())
        == Some("Delete");
    spec.volume_claim_templates
        .iter()
        .flatten()
        .map(|tmpl| {
            let tname = tmpl.metadata.name.clone().unwrap_or_default();
            let mut labels = tmpl.metadata.labels.clone().unwrap_or_default();
            labels.extend(selector_labels.clone());
            PersistentVolumeClaim {
                metadata: ObjectMeta {
                    name: Some(format!("{tname}-{set_name}-{ordinal}")),
                    namespace: sts.metadata.namespace.clone(),
                    labels: Some(labels),
                    annotations: tmpl.metadata.annotations.clone(),
                    owner_references: delete_with_set.then(|| vec![controller_ref(sts)]),
                    ..Default::default()
                },
                spec: tmpl.spec.clone(),
                status: None,
            }
        })
        .collect()
}

fn set_event(ctx: &mut Ctx, sts: &StatefulSet, type_: EventType, reason: &str, message: String) {
    let obj = crate::apiserver::events::Involved::of(Kind::StatefulSet, &sts.metadata);
    ctx.api.record_event(
        &obj,
        None,
        type_,
        reason,
        &message,
        &Source::component(COMPONENT),
    );
}

/// Create missing claims, then the pod. Err carries nothing: the events say what failed.
fn create_pod_and_claims(
    sts: &StatefulSet,
    pod: Pod,
    ordinal: i32,
    ctx: &mut Ctx,
) -> Result<(), ()> {
    let set_name = sts.metadata.name.clone().unwrap_or_default();
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    let ns = sts.metadata.namespace.clone().unwrap_or_default();
    if let Err(err) = create_missing_claims(sts, ordinal, &pod_name, ctx) {
        set_event(
            ctx,
            sts,
            EventType::Warning,
            "FailedCreate",
            format!("create Pod {pod_name} in StatefulSet {set_name} failed error: {err}"),
        );
        ctx.note(format!("could not create {pod_name}: {err}"));
        return Err(());
    }
    match ctx.api.create(Object::Pod(pod)) {
        Ok(_) => {
            set_event(
                ctx,
                sts,
                EventType::Normal,
                "SuccessfulCreate",
                format!("create Pod {pod_name} in StatefulSet {set_name} successful"),
            );
            ctx.note(format!("created pod {ns}/{pod_name} (ordinal {ordinal})"));
            Ok(())
        }
        Err(err) => {
            set_event(
                ctx,
                sts,
                EventType::Warning,
                "FailedCreate",
                format!(
                    "create Pod {pod_name} in StatefulSet {set_name} failed error: {}",
                    err.message
                ),
            );
            ctx.note(format!("could not create {pod_name}: {}", err.message));
            Err(())
        }
    }
}

fn create_missing_claims(
    sts: &StatefulSet,
    ordinal: i32,
    pod_name: &str,
    ctx: &mut Ctx,
) -> Result<(), String> {
    let set_name = sts.metadata.name.clone().unwrap_or_default();
    for claim in claims_for(sts, ordinal) {
        let claim_name = claim.metadata.name.clone().unwrap_or_default();
        let key = ObjKey::new(
            Kind::PersistentVolumeClaim,
            claim.metadata.namespace.as_deref().unwrap_or(""),
            &claim_name,
        );
        match ctx.api.try_get(&key) {
            Some(existing) if existing.is_terminating() => return Err(format!("pvc {claim_name} is being deleted")),
            Some(_) => {}
            None => match ctx.api.create(Object::PersistentVolumeClaim(claim)) {
                Ok(_) => set_event(ctx, sts, EventType::Normal, "SuccessfulCreate", format!("create Claim {claim_name} Pod {pod_name} in StatefulSet {set_name} success")),
                Err(err) => {
                    set_event(ctx, sts, EventType::Warning, "FailedCreate", format!("create Claim {claim_name} for Pod {pod_name} in StatefulSet {set_name} failed error: {}", err.message));
                    return Err(format!("failed to create PVC {claim_name}: {}", err.message));
                }
            },
        }
    }
    Ok(())
}

fn delete_pod(sts: &StatefulSet, pod: &Pod, ctx: &mut Ctx, why: &str) {
    let set_name = sts.metadata.name.clone().unwrap_or_default();
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    let key = ObjKey::new(
        Kind::Pod,
        pod.metadata.namespace.as_deref().unwrap_or(""),
        &pod_name,
    );
    match ctx.api.delete(&key, &DeleteOptions::default()) {
        Ok(_) => {
            set_event(
                ctx,
                sts,
                EventType::Normal,
                "SuccessfulDelete",
                format!("delete Pod {pod_name} in StatefulSet {set_name} successful"),
            );
            ctx.note(format!("deleted {pod_name}: {why}"));
        }
        Err(err) => set_event(
            ctx,
            sts,
            EventType::Warning,
            "FailedDelete",
            format!(
                "delete Pod {pod_name} in StatefulSet {set_name} failed error: {}",
                err.message
            ),
        ),
    }
}

/// One sync of one StatefulSet. (Slots are walked by index: the index is the ordinal's
/// offset from `.spec.ordinals.start`, as upstream's `replicas[i]` array.)
#[allow(clippy::needless_range_loop)]
fn sync(sts: &StatefulSet, ctx: &mut Ctx) -> Result<(), ()> {
    let ns = sts.metadata.namespace.clone().unwrap_or_default();
    let set_name = sts.metadata.name.clone().unwrap_or_default();
    let uid = sts.metadata.uid.clone().unwrap_or_default();
    let spec = sts.spec.clone().unwrap_or_default();
    let selector = Selector::from_label_selector(&spec.selector);

    // Claim: adopt matching orphans with our name pattern, keep what we own.
    let mut owned: Vec<Pod> = Vec::new();
    let mut to_adopt: Vec<Pod> = Vec::new();
    for obj in ctx.api.store.list(Kind::Pod, Some(&ns)) {
        let Some(pod) = obj.as_typed::<Pod>() else {
            continue;
        };
        let name = pod.metadata.name.as_deref().unwrap_or("");
        if parent_and_ordinal(name).map(|(p, _)| p) != Some(set_name.as_str()) {
            continue;
        }
        match controller_of(&pod.metadata) {
            Some(r) if r.uid == uid => owned.push(pod.clone()),
            Some(_) => {}
            None if sts.metadata.deletion_timestamp.is_none()
                && !selector.is_empty()
                && selector.matches(pod.metadata.labels.as_ref())
                && !is_terminating(pod) =>
            {
                to_adopt.push(pod.clone())
            }
            None => {}
        }
    }
    for mut pod in to_adopt {
        pod.metadata
            .owner_references
            .get_or_insert_with(Vec::new)
            .push(controller_ref(sts));
        if let Ok(o) = ctx.api.update(Object::Pod(pod)) {
            if let Some(p) = o.as_typed::<Pod>() {
                ctx.note(format!(
                    "adopted orphan pod {}",
                    p.metadata.name.as_deref().unwrap_or("")
                ));
                owned.push(p.clone());
            }
        }
    }

    let revs = ensure_revisions(sts, ctx)?;
    let update_name = revs.update.metadata.name.clone().unwrap_or_default();
    let current_name = revs.current.metadata.name.clone().unwrap_or_default();

    let replicas = spec.replicas.unwrap_or(1).max(0);
    let start = spec.ordinals.as_ref().and_then(|o| o.start).unwrap_or(0);
    let monotonic = spec.pod_management_policy.as_deref() != Some("Parallel");
    let rolling = spec
        .update_strategy
        .as_ref()
        .and_then(|s| s.type_.as_deref())
        .unwrap_or("RollingUpdate")
        == "RollingUpdate";
    let partition = spec
        .update_strategy
        .as_ref()
        .and_then(|s| s.rolling_update.as_ref())
        .and_then(|r| r.partition)
        .unwrap_or(0);

    let mut slots: Vec<Option<Pod>> = vec![None; replicas as usize];
    let mut condemned: Vec<Pod> = Vec::new();
    for pod in &owned {
        let (_, ord) =
            parent_and_ordinal(pod.metadata.name.as_deref().unwrap_or("")).expect("filtered above");
        if ord >= start && ord < start + replicas {
            slots[(ord - start) as usize] = Some(pod.clone());
        } else {
            condemned.push(pod.clone());
        }
    }
    condemned.sort_by_key(|p| {
        std::cmp::Reverse(parent_and_ordinal(p.metadata.name.as_deref().unwrap_or("")).map(|x| x.1))
    });

    let mut result = Ok(());
    let mut blocked = sts.metadata.deletion_timestamp.is_some();
    if !blocked {
        for i in 0..replicas as usize {
            let ordinal = start + i as i32;
            let name = format!("{set_name}-{ordinal}");
            match slots[i].clone() {
                Some(pod) if is_finished(&pod) => {
                    if !is_terminating(&pod) {
                        delete_pod(
                            sts,
                            &pod,
                            ctx,
                            "it failed; it will be recreated with the same name",
                        );
                    }
                    if monotonic {
                        blocked = true;
                        break;
                    }
                }
                None => {
                    let rev = if rolling && ordinal < start + partition {
                        &revs.current
                    } else {
                        &revs.update
                    };
                    let pod = new_pod(sts, rev, ordinal);
                    if create_pod_and_claims(sts, pod, ordinal, ctx).is_err() {
                        result = Err(());
                        blocked = true;
                        break;
                    }
                    if monotonic {
                        blocked = true;
                        break;
                    }
                }
                Some(pod) => {
                    let phase = pod
                        .status
                        .as_ref()
                        .and_then(|s| s.phase.as_deref())
                        .unwrap_or("Pending");
                    if phase == "Pending" && !is_terminating(&pod) {
                        let _ = create_missing_claims(sts, ordinal, &name, ctx);
                    }
                    if is_terminating(&pod) && monotonic {
                        ctx.note(format!("waiting: {name} is terminating (OrderedReady)"));
                        blocked = true;
                        break;
                    }
                    if !is_running_and_ready(&pod) && monotonic {
                        if let Some(next) = (i + 1 < replicas as usize)
                            .then(|| format!("{set_name}-{}", ordinal + 1))
                        {
                            ctx.note(format!("not creating {next}: {name} is not Running and Ready (OrderedReady)"));
                        } else {
                            ctx.note(format!(
                                "waiting for {name} to be Running and Ready (OrderedReady)"
                            ));
                        }
                        blocked = true;
                        break;
                    }
                }
            }
        }
    }

    if !blocked {
        // Scale down, highest ordinal first.
        for pod in &condemned {
            let name = pod.metadata.name.clone().unwrap_or_default();
            if is_terminating(pod) {
                if monotonic {
                    ctx.note(format!(
                        "scale down waits: {name} is terminating (OrderedReady)"
                    ));
                    blocked = true;
                    break;
                }
                continue;
            }
            delete_pod(
                sts,
                pod,
                ctx,
                &format!("scale down to {replicas} replicas (highest ordinal first)"),
            );
            if monotonic {
                blocked = true;
                break;
            }
        }
    }

    if !blocked && rolling {
        // Rolling update: from the highest ordinal down to the partition, one pod at a time.
        for i in (0..replicas as usize).rev() {
            let ordinal = start + i as i32;
            if ordinal < start + partition {
                break;
            }
            let Some(pod) = &slots[i] else { break };
            if revision_of(pod) != Some(update_name.as_str()) && !is_terminating(pod) {
                delete_pod(
                    sts,
                    pod,
                    ctx,
                    &format!("rolling update to revision {update_name}"),
                );
                break;
            }
            if !is_running_and_ready(pod) {
                break;
            }
        }
    }

    update_status(sts, &current_name, &update_name, replicas, ctx);
    result
}

fn update_status(sts: &StatefulSet, current: &str, update: &str, replicas: i32, ctx: &mut Ctx) {
    // Re-read pods: this sync may have changed them.
    let ns = sts.metadata.namespace.clone().unwrap_or_default();
    let uid = sts.metadata.uid.clone().unwrap_or_default();
    let (mut total, mut ready, mut cur, mut upd) = (0, 0, 0, 0);
    for o in ctx.api.store.list(Kind::Pod, Some(&ns)) {
        let Some(p) = o.as_typed::<Pod>() else {
            continue;
        };
        if controller_of(&p.metadata).is_none_or(|r| r.uid != uid) {
            continue;
        }
        total += 1;
        if is_running_and_ready(p) {
            ready += 1;
        }
        if !is_terminating(p) {
            if revision_of(p) == Some(current) {
                cur += 1;
            }
            if revision_of(p) == Some(update) {
                upd += 1;
            }
        }
    }
    let mut status = StatefulSetStatus {
        observed_generation: sts.metadata.generation,
        replicas: total,
        collision_count: Some(0),
        ..Default::default()
    };
    status.ready_replicas = Some(ready).filter(|n| *n > 0);
    status.available_replicas = Some(ready);
    status.current_replicas = Some(cur).filter(|n| *n > 0);
    status.updated_replicas = Some(upd).filter(|n| *n > 0);
    status.current_revision = Some(current.to_string());
    status.update_revision = Some(update.to_string());
    if upd == replicas && ready == replicas && total == replicas {
        status.current_revision = Some(update.to_string());
        status.current_replicas = Some(upd).filter(|n| *n > 0);
    }
    if sts.status.as_ref() != Some(&status) {
        let mut next = sts.clone();
        next.status = Some(status);
        let _ = ctx.api.update_status(Object::StatefulSet(next));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ordinals_like_upstream() {
        assert_eq!(parent_and_ordinal("web-0"), Some(("web", 0)));
        assert_eq!(
            parent_and_ordinal("web-stateful-set-12"),
            Some(("web-stateful-set", 12))
        );
        assert_eq!(parent_and_ordinal("web"), None);
        assert_eq!(parent_and_ordinal("web-x"), None);
    }
}
