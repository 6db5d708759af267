//! Storage: the PersistentVolume controller (binding claims to volumes, releasing and
//! reclaiming volumes), kind's local-path provisioner (creating `pvc-<uid>` volumes on the
//! node the scheduler selected), and the pvc-protection controller (a claim in use stays
//! Terminating until no pod uses it).

use crate::api::text::concat;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Involved, Source};
use crate::apiserver::{remove_finalizer, DeleteOptions};
use crate::cluster::Ctx;
use crate::scheduler::SELECTED_NODE;
use crate::store::{EventType as WatchType, ObjKey, WatchEvent};
use k8s_openapi::api::core::v1::{
    HostPathVolumeSource, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, ObjectReference,
    PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec,
    PersistentVolumeClaimStatus, PersistentVolumeSpec, PersistentVolumeStatus, Pod,
    VolumeNodeAffinity,
};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

pub const PVC_PROTECTION: &str = "kubernetes.io/pvc-protection";
pub const PV_PROTECTION: &str = "kubernetes.io/pv-protection";
const PV_CONTROLLER: &str = "persistentvolume-controller";
/// The local-path provisioner's identity as it signs its events.
pub const PROVISIONER_IDENTITY: &str = "rancher.io/local-path_local-path-provisioner-7577fdbbfb-xk2lp_0c6e7d2a-5b3e-4c1f-9d8a-2f4e6b8c1a3d";
/// How long the local-path helper pod takes to create a volume directory.
pub const PROVISION_MS: Millis = 2_000;

#[derive(Clone, Debug, Default)]
pub struct VolumeController {
    /// Claims whose provisioning started, with when it completes.
    provisioning: FxHashMap<ObjKey, Millis>,
    /// Claims that already got their WaitForFirstConsumer event.
    told_to_wait: FxHashMap<ObjKey, ()>,
    /// Volumes not (yet) Bound: the only candidates for binding a claim.
    unbound_volumes: BTreeMap<ObjKey, ()>,
    /// The key of the storage class last looked up: nearly every claim names the same
    /// class, and a key costs an allocation and a hash to make.
    class_key: Option<ObjKey>,
}

fn claim_request(pvc: &PersistentVolumeClaim) -> Option<&Quantity> {
    pvc.spec
        .as_ref()?
        .resources
        .as_ref()?
        .requests
        .as_ref()?
        .get("storage")
}

fn pods_using(ctx: &Ctx, ns: &str, claim: &str) -> Vec<Pod> {
    ctx.api
        .store
        .list(Kind::Pod, Some(ns))
        .filter_map(|o| o.as_typed::<Pod>())
        .filter(|p| {
            p.spec
                .iter()
                .flat_map(|s| s.volumes.iter().flatten())
                .any(|v| {
                    v.persistent_volume_claim
                        .as_ref()
                        .is_some_and(|c| c.claim_name == claim)
                })
        })
        .cloned()
        .collect()
}

impl VolumeController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.as_ref() {
            Object::PersistentVolumeClaim(_) => push(ev.key.clone(), 0),
            Object::PersistentVolume(pv) => {
                let bound = pv.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound");
                if bound || ev.event_type == WatchType::Deleted {
                    self.unbound_volumes.remove(&ev.key);
                } else {
                    self.unbound_volumes.insert(ev.key.clone(), ());
                }
                push(ev.key.clone(), 0);
                if let Some(c) = pv.spec.as_ref().and_then(|s| s.claim_ref.as_ref()) {
                    push(
                        ObjKey::new(
                            Kind::PersistentVolumeClaim,
                            c.namespace.as_deref().unwrap_or(""),
                            c.name.as_deref().unwrap_or(""),
                        ),
                        0,
                    );
                }
            }
            Object::Pod(pod)
                if ev.event_type == WatchType::Deleted
                    || obj.is_terminating()
                    || matches!(
                        pod.status.as_ref().and_then(|s| s.phase.as_deref()),
                        Some("Succeeded" | "Failed")
                    ) =>
            {
                // A pod going away may release a protected claim.
                for v in pod.spec.iter().flat_map(|s| s.volumes.iter().flatten()) {
                    if let Some(c) = &v.persistent_volume_claim {
                        push(
                            ObjKey::new(
                                Kind::PersistentVolumeClaim,
                                obj.namespace(),
                                &c.claim_name,
                            ),
                            0,
                        );
                    }
                }
            }
            _ => {}
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        match key.kind {
            Kind::PersistentVolumeClaim => self.sync_claim(key, ctx),
            Kind::PersistentVolume => sync_volume(key, ctx),
            _ => None,
        }
    }

    fn sync_claim(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        // The claim as stored (shared, not copied); events name it as it was when the sync
        // began (their `Involved` is made only when there is an event to record).
        let stored = ctx.api.try_get(key).cloned();
        let Some(pvc) = stored
            .as_deref()
            .and_then(Object::as_typed::<PersistentVolumeClaim>)
        else {
            self.provisioning.remove(key);
            self.told_to_wait.remove(key);
            return None;
        };
        let involved = || Involved::of(Kind::PersistentVolumeClaim, &pvc.metadata);
        // pvc-protection: release the finalizer once no running pod uses the claim.
        if pvc.metadata.deletion_timestamp.is_some() {
            let in_use = pods_using(ctx, &key.namespace, &key.name).iter().any(|p| {
                !matches!(
                    p.status.as_ref().and_then(|s| s.phase.as_deref()),
                    Some("Succeeded" | "Failed")
                )
            });
            if in_use {
                ctx.note(format!(
                    "claim {} stays Terminating: a pod still uses it (pvc-protection)",
                    key.name
                ));
                return None;
            }
            let mut next = pvc.clone();
            if remove_finalizer(&mut next.metadata, PVC_PROTECTION) {
                let _ = ctx.api.update(Object::from(next));
            }
            return None;
        }
        // A default spec is made only for a claim without one.
        let default_spec;
        let spec: &PersistentVolumeClaimSpec = match pvc.spec.as_ref() {
            Some(spec) => spec,
            None => {
                default_spec = PersistentVolumeClaimSpec::default();
                &default_spec
            }
        };
        if spec.volume_name.is_some() {
            return None;
        }
        let class_name = spec.storage_class_name.as_deref().unwrap_or_default();
        if self
            .class_key
            .as_ref()
            .is_none_or(|k| &*k.name != class_name)
        {
            self.class_key = Some(ObjKey::new(Kind::StorageClass, "", class_name));
        }
        let class_obj = self
            .class_key
            .as_ref()
            .and_then(|k| ctx.api.try_get(k))
            .cloned();
        let class = class_obj
            .as_deref()
            .and_then(Object::as_typed::<StorageClass>);
        // A static volume that fits binds first.
        if let Some(pv) = find_matching_volume(ctx, &self.unbound_volumes, pvc, class_name) {
            if let Some(pv) = pv.as_typed::<PersistentVolume>() {
                bind(ctx, key, pvc, pv);
            }
            return None;
        }
        let Some(class) = class else {
            if !class_name.is_empty() {
                let msg = concat(&["storageclass.storage.k8s.io \"", class_name, "\" not found"]);
                ctx.api.record_event(
                    involved(),
                    None,
                    EventType::Warning,
                    "ProvisioningFailed",
                    &msg,
                    &Source::component(PV_CONTROLLER),
                );
            } else {
                ctx.api.record_event(
                    involved(),
                    None,
                    EventType::Normal,
                    "FailedBinding",
                    "no persistent volumes available for this claim and no storage class is set",
                    &Source::component(PV_CONTROLLER),
                );
            }
            return None;
        };
        let wffc = class.volume_binding_mode.as_deref() == Some("WaitForFirstConsumer");
        let selected = pvc
            .metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(SELECTED_NODE));
        let node: Cow<'_, str> = match (wffc, selected) {
            (true, None) => {
                if self.told_to_wait.insert(key.clone(), ()).is_none() {
                    ctx.api.record_event(
                        involved(),
                        None,
                        EventType::Normal,
                        "WaitForFirstConsumer",
                        "waiting for first consumer to be created before binding",
                        &Source::component(PV_CONTROLLER),
                    );
                    ctx.note(concat(&[
                        "claim ",
                        &key.name,
                        " waits for a pod that uses it to be scheduled (WaitForFirstConsumer)",
                    ]));
                }
                return None;
            }
            (_, Some(node)) => Cow::Borrowed(node),
            (false, None) => Cow::Owned(first_worker(ctx)),
        };
        let access_modes = spec.access_modes.as_deref().unwrap_or_default();
        if access_modes
            .iter()
            .any(|m| m != "ReadWriteOnce" && m != "ReadWriteOncePod")
        {
            let msg = "failed to provision volume with StorageClass \"standard\": Only support ReadWriteOnce access mode";
            ctx.api.record_event(
                involved(),
                None,
                EventType::Warning,
                "ProvisioningFailed",
                msg,
                &Source::component(PROVISIONER_IDENTITY),
            );
            ctx.note(format!(
                "claim {} cannot be provisioned: local-path supports only ReadWriteOnce",
                key.name
            ));
            return None;
        }
        let now = ctx.now();
        match self.provisioning.get(key).copied() {
            None => {
                let provisioner = class.provisioner.as_str();
                let obj = involved();
                ctx.api.record_event(
                    &obj,
                    None,
                    EventType::Normal,
                    "ExternalProvisioning",
                    &concat(&[
                        "Waiting for a volume to be created either by the external provisioner '",
                        provisioner,
                        "' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
                    ]),
                    &Source::component(PV_CONTROLLER),
                );
                let mut annotated = pvc.clone();
                let ann = annotated
                    .metadata
                    .annotations
                    .get_or_insert_with(Default::default);
                ann.insert(
                    "volume.beta.kubernetes.io/storage-provisioner".into(),
                    provisioner.into(),
                );
                ann.insert(
                    "volume.kubernetes.io/storage-provisioner".into(),
                    provisioner.into(),
                );
                let _ = ctx.api.update(Object::from(annotated));
                let msg = concat(&[
                    "External provisioner is provisioning volume for claim \"",
                    &key.namespace,
                    "/",
                    &key.name,
                    "\"",
                ]);
                ctx.api.record_event(
                    &obj,
                    None,
                    EventType::Normal,
                    "Provisioning",
                    &msg,
                    &Source::component(PROVISIONER_IDENTITY),
                );
                ctx.note(concat(&[
                    "local-path provisioner creates a volume for ",
                    &key.name,
                    " on ",
                    &node,
                ]));
                self.provisioning.insert(key.clone(), now + PROVISION_MS);
                Some(PROVISION_MS)
            }
            Some(done) if now < done => Some(done - now),
            Some(_) => {
                self.provisioning.remove(key);
                let pv_name = concat(&["pvc-", pvc.metadata.uid.as_deref().unwrap_or_default()]);
                let capacity = claim_request(pvc)
                    .cloned()
                    .unwrap_or_else(|| Quantity("1Gi".into()));
                let node = node.into_owned();
                let pv = PersistentVolume {
                    metadata: ObjectMeta {
                        name: Some(pv_name.clone()),
                        annotations: Some(BTreeMap::from([
                            (
                                "local.path.provisioner/selected-node".to_string(),
                                node.clone(),
                            ),
                            (
                                "pv.kubernetes.io/provisioned-by".to_string(),
                                class.provisioner.clone(),
                            ),
                        ])),
                        ..Default::default()
                    },
                    spec: Some(PersistentVolumeSpec {
                        access_modes: Some(access_modes.to_vec()),
                        capacity: Some(BTreeMap::from([("storage".to_string(), capacity)])),
                        claim_ref: Some(claim_reference(pvc)),
                        host_path: Some(HostPathVolumeSource {
                            path: concat(&[
                                "/var/local-path-provisioner/",
                                &pv_name,
                                "_",
                                &key.namespace,
                                "_",
                                &key.name,
                            ]),
                            type_: Some("DirectoryOrCreate".into()),
                        }),
                        node_affinity: Some(VolumeNodeAffinity {
                            required: Some(NodeSelector {
                                node_selector_terms: vec![NodeSelectorTerm {
                                    match_expressions: Some(vec![NodeSelectorRequirement {
                                        key: "kubernetes.io/hostname".into(),
                                        operator: "In".into(),
                                        values: Some(vec![node]),
                                    }]),
                                    match_fields: None,
                                }],
                            }),
                        }),
                        persistent_volume_reclaim_policy: Some(
                            class
                                .reclaim_policy
                                .clone()
                                .unwrap_or_else(|| "Delete".into()),
                        ),
                        storage_class_name: Some(class_name.into()),
                        volume_mode: Some("Filesystem".into()),
                        ..Default::default()
                    }),
                    status: Some(PersistentVolumeStatus {
                        phase: Some("Pending".into()),
                        ..Default::default()
                    }),
                };
                match ctx.api.create(Object::from(pv)) {
                    Ok(created) => {
                        ctx.api.record_event(
                            involved(),
                            None,
                            EventType::Normal,
                            "ProvisioningSucceeded",
                            &concat(&["Successfully provisioned volume ", &pv_name]),
                            &Source::component(PROVISIONER_IDENTITY),
                        );
                        if let Some(pv) = created.as_typed::<PersistentVolume>() {
                            bind(ctx, key, pvc, pv);
                        }
                    }
                    Err(err) => ctx.api.record_event(
                        involved(),
                        None,
                        EventType::Warning,
                        "ProvisioningFailed",
                        &err.message,
                        &Source::component(PROVISIONER_IDENTITY),
                    ),
                }
                None
            }
        }
    }
}

fn first_worker(ctx: &Ctx) -> String {
    let nodes: Vec<String> = ctx
        .api
        .store
        .list(Kind::Node, None)
        .map(|o| o.name().to_string())
        .collect();
    nodes
        .iter()
        .find(|n| n.contains("worker"))
        .or(nodes.first())
        .cloned()
        .unwrap_or_default()
}

fn claim_reference(pvc: &PersistentVolumeClaim) -> ObjectReference {
    ObjectReference {
        api_version: Some("v1".into()),
        kind: Some("PersistentVolumeClaim".into()),
        name: pvc.metadata.name.clone(),
        namespace: pvc.metadata.namespace.clone(),
        uid: pvc.metadata.uid.clone(),
        resource_version: pvc.metadata.resource_version.clone(),
        field_path: None,
    }
}

/// Parse a quantity into bytes (enough for matching claims to volumes).
pub fn quantity_bytes(q: &str) -> Option<f64> {
    let q = q.trim();
    let split = q.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(q.len());
    let (num, unit) = q.split_at(split);
    let n: f64 = num.parse().ok()?;
    let mult = match unit {
        "" => 1.0,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "Ki" => 1024.0,
        "Mi" => 1024.0 * 1024.0,
        "Gi" => 1024.0 * 1024.0 * 1024.0,
        "Ti" => 1024f64.powi(4),
        "m" => 1e-3,
        _ => return None,
    };
    Some(n * mult)
}

fn find_matching_volume(
    ctx: &Ctx,
    candidates: &BTreeMap<ObjKey, ()>,
    pvc: &PersistentVolumeClaim,
    class: &str,
) -> Option<Arc<Object>> {
    // Nearly always no volume is unbound: then there is no claim to measure either.
    if candidates.is_empty() {
        return None;
    }
    let want = claim_request(pvc)
        .and_then(|q| quantity_bytes(&q.0))
        .unwrap_or(0.0);
    let modes = pvc
        .spec
        .as_ref()
        .and_then(|s| s.access_modes.as_deref())
        .unwrap_or_default();
    let pvc_uid = pvc.metadata.uid.as_ref();
    let size = |pv: &PersistentVolume| {
        pv.spec
            .as_ref()
            .and_then(|s| s.capacity.as_ref())
            .and_then(|c| c.get("storage"))
            .and_then(|q| quantity_bytes(&q.0))
            .unwrap_or(0.0)
    };
    candidates
        .keys()
        .filter_map(|k| ctx.api.try_get(k))
        .filter_map(|o| Some((o, o.as_typed::<PersistentVolume>()?)))
        .filter(|(_, pv)| {
            let Some(spec) = pv.spec.as_ref() else {
                return false;
            };
            let phase = pv
                .status
                .as_ref()
                .and_then(|s| s.phase.as_deref())
                .unwrap_or("Available");
            let claimed_by_us = spec
                .claim_ref
                .as_ref()
                .is_some_and(|c| c.uid.as_ref() == pvc_uid && c.uid.is_some());
            let free = spec.claim_ref.is_none() && phase == "Available";
            let pv_modes = spec.access_modes.as_deref().unwrap_or_default();
            (claimed_by_us || free)
                && spec.storage_class_name.as_deref().unwrap_or_default() == class
                && size(pv) >= want
                && modes.iter().all(|m| pv_modes.contains(m))
                && pv.metadata.deletion_timestamp.is_none()
        })
        .min_by(|(_, a), (_, b)| {
            size(a)
                .partial_cmp(&size(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(o, _)| o.clone())
}

/// Whether `r` is exactly the reference `claim_reference(pvc)` makes (compared in place,
/// without making one).
fn refers_to(r: &ObjectReference, pvc: &PersistentVolumeClaim) -> bool {
    r.api_version.as_deref() == Some("v1")
        && r.kind.as_deref() == Some("PersistentVolumeClaim")
        && r.name == pvc.metadata.name
        && r.namespace == pvc.metadata.namespace
        && r.uid == pvc.metadata.uid
        && r.resource_version == pvc.metadata.resource_version
        && r.field_path.is_none()
}

/// Bind a claim (stored at `key`) and a volume to each other, as the PV controller's
/// `bind` does: the volume's claimRef, then its phase; the claim's volumeName, then its
/// phase.
fn bind(ctx: &mut Ctx, key: &ObjKey, pvc: &PersistentVolumeClaim, pv: &PersistentVolume) {
    let pv_name = pv.metadata.name.as_deref().unwrap_or_default();
    let pv_key = ObjKey::new(Kind::PersistentVolume, "", pv_name);
    let annotations = pv.metadata.annotations.as_ref();
    let has = |k: &str, v: Option<&str>| {
        annotations.is_some_and(|a| a.get(k).is_some_and(|x| v.is_none_or(|v| x == v)))
    };
    let marks_bound = !has("pv.kubernetes.io/provisioned-by", None)
        && !has("pv.kubernetes.io/bound-by-controller", Some("yes"));
    let (access_modes, capacity) = pv
        .spec
        .as_ref()
        .map(|s| (s.access_modes.clone(), s.capacity.clone()))
        .unwrap_or_default();
    // A volume the provisioner created for this claim already names it: writing the same
    // volume back would be no write at all, so it is not sent.
    let names_claim = pv
        .spec
        .as_ref()
        .and_then(|s| s.claim_ref.as_ref())
        .is_some_and(|r| refers_to(r, pvc));
    if marks_bound || !names_claim {
        let mut v = pv.clone();
        v.spec.get_or_insert_with(Default::default).claim_ref = Some(claim_reference(pvc));
        if marks_bound {
            let ann = v.metadata.annotations.get_or_insert_with(Default::default);
            ann.insert("pv.kubernetes.io/bound-by-controller".into(), "yes".into());
        }
        let _ = ctx.api.update(Object::from(v));
    }
    let _ = ctx.api.set_status::<PersistentVolume>(
        &pv_key,
        Some(PersistentVolumeStatus {
            phase: Some("Bound".into()),
            last_phase_transition_time: Some(crate::api::time::to_time(ctx.now())),
            ..Default::default()
        }),
    );

    let Some(Object::PersistentVolumeClaim(mut c)) =
        ctx.api.try_get(key).map(|o| o.as_ref().clone())
    else {
        return;
    };
    c.spec.get_or_insert_with(Default::default).volume_name = Some(pv_name.into());
    let ann = c.metadata.annotations.get_or_insert_with(Default::default);
    ann.insert("pv.kubernetes.io/bind-completed".into(), "yes".into());
    ann.insert("pv.kubernetes.io/bound-by-controller".into(), "yes".into());
    if ctx.api.update(Object::PersistentVolumeClaim(c)).is_ok() {
        let _ = ctx.api.set_status::<PersistentVolumeClaim>(
            key,
            Some(PersistentVolumeClaimStatus {
                phase: Some("Bound".into()),
                access_modes,
                capacity,
                ..Default::default()
            }),
        );
    }
    ctx.note(concat(&["bound claim ", &key.name, " to volume ", pv_name]));
}

/// A volume whose claim is gone is Released; under Delete it is then removed.
fn sync_volume(key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
    let stored = ctx.api.try_get(key).cloned();
    let pv = stored
        .as_deref()
        .and_then(Object::as_typed::<PersistentVolume>)?;
    let phase = pv.status.as_ref().and_then(|s| s.phase.as_deref());
    if pv.metadata.deletion_timestamp.is_some() {
        if phase != Some("Bound") {
            let mut next = pv.clone();
            if remove_finalizer(&mut next.metadata, PV_PROTECTION) {
                let _ = ctx.api.update(Object::from(next));
            }
        }
        return None;
    }
    let new_phase = |phase: &str, ctx: &Ctx| PersistentVolumeStatus {
        phase: Some(phase.into()),
        last_phase_transition_time: Some(crate::api::time::to_time(ctx.now())),
        ..Default::default()
    };
    let Some(claim) = pv.spec.as_ref().and_then(|s| s.claim_ref.as_ref()) else {
        if phase != Some("Available") {
            let status = new_phase("Available", ctx);
            let _ = ctx.api.set_status::<PersistentVolume>(key, Some(status));
        }
        return None;
    };
    let ckey = ObjKey::new(
        Kind::PersistentVolumeClaim,
        claim.namespace.as_deref().unwrap_or(""),
        claim.name.as_deref().unwrap_or(""),
    );
    let claim_alive = ctx
        .api
        .try_get(&ckey)
        .is_some_and(|c| c.meta().uid == claim.uid);
    let phase = phase.unwrap_or_default();
    if claim_alive || phase == "Pending" {
        return None;
    }
    let delete = pv
        .spec
        .as_ref()
        .and_then(|s| s.persistent_volume_reclaim_policy.as_deref())
        == Some("Delete");
    if phase != "Released" {
        let status = new_phase("Released", ctx);
        let _ = ctx.api.set_status::<PersistentVolume>(key, Some(status));
        ctx.note(format!(
            "volume {} released: its claim {} is gone",
            key.name, ckey.name
        ));
    }
    if delete {
        let _ = ctx.api.delete(key, &DeleteOptions::default());
        ctx.note(format!(
            "volume {} deleted (reclaim policy Delete): its data is gone",
            key.name
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(quantity_bytes("1Gi"), Some(1073741824.0));
        assert_eq!(quantity_bytes("500M"), Some(5e8));
        assert!(quantity_bytes("1Gi") > quantity_bytes("1G"));
    }
}
