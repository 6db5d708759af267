//! Tables of storage objects: persistentvolumeclaims, persistentvolumes and
//! storageclasses, with the helpers describe shares (access-mode abbreviations, a
//! claim's class, the default-class annotation).

use super::{age, col, wide, Column};
use crate::api::time::Millis;
use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

pub(super) const PVC: &[Column] = &[
    col("NAME"),
    col("STATUS"),
    col("VOLUME"),
    col("CAPACITY"),
    col("ACCESS MODES"),
    col("STORAGECLASS"),
    col("VOLUMEATTRIBUTESCLASS"),
    col("AGE"),
    wide("VOLUMEMODE"),
];

pub(super) const PV: &[Column] = &[
    col("NAME"),
    col("CAPACITY"),
    col("ACCESS MODES"),
    col("RECLAIM POLICY"),
    col("STATUS"),
    col("CLAIM"),
    col("STORAGECLASS"),
    col("VOLUMEATTRIBUTESCLASS"),
    col("REASON"),
    col("AGE"),
    wide("VOLUMEMODE"),
];

pub(super) const STORAGECLASS: &[Column] = &[
    col("NAME"),
    col("PROVISIONER"),
    col("RECLAIMPOLICY"),
    col("VOLUMEBINDINGMODE"),
    col("ALLOWVOLUMEEXPANSION"),
    col("AGE"),
];

/// `GetAccessModesAsString`: `RWO,ROX,RWX,RWOP` in that fixed order, each at most once.
pub(crate) fn access_modes_string(modes: Option<&Vec<String>>) -> String {
    let modes = modes.map(|m| m.as_slice()).unwrap_or_default();
    [
        ("ReadWriteOnce", "RWO"),
        ("ReadOnlyMany", "ROX"),
        ("ReadWriteMany", "RWX"),
        ("ReadWriteOncePod", "RWOP"),
    ]
    .iter()
    .filter(|(full, _)| modes.iter().any(|m| m == full))
    .map(|(_, short)| *short)
    .collect::<Vec<_>>()
    .join(",")
}

/// `GetPersistentVolumeClaimClass`: the beta annotation wins over `storageClassName`.
pub(crate) fn pvc_class(pvc: &PersistentVolumeClaim) -> String {
    beta_class(&pvc.metadata)
        .or_else(|| pvc.spec.as_ref().and_then(|s| s.storage_class_name.clone()))
        .unwrap_or_default()
}

/// `GetPersistentVolumeClass`.
pub(crate) fn pv_class(pv: &PersistentVolume) -> String {
    beta_class(&pv.metadata)
        .or_else(|| pv.spec.as_ref().and_then(|s| s.storage_class_name.clone()))
        .unwrap_or_default()
}

fn beta_class(meta: &ObjectMeta) -> Option<String> {
    meta.annotations
        .as_ref()
        .and_then(|a| a.get("volume.beta.kubernetes.io/storage-class"))
        .cloned()
}

/// `IsDefaultAnnotation`: the GA or beta is-default-class annotation equals `true`.
pub(crate) fn is_default_class(meta: &ObjectMeta) -> bool {
    let a = meta.annotations.as_ref();
    [
        "storageclass.kubernetes.io/is-default-class",
        "storageclass.beta.kubernetes.io/is-default-class",
    ]
    .iter()
    .any(|k| a.and_then(|a| a.get(*k)).is_some_and(|v| v == "true"))
}

fn unset_if_empty(v: Option<&String>) -> String {
    match v {
        Some(v) if !v.is_empty() => v.clone(),
        _ => "<unset>".into(),
    }
}

pub(super) fn pvc(o: &PersistentVolumeClaim, now: Millis) -> Vec<String> {
    let spec = o.spec.clone().unwrap_or_default();
    let status = o.status.clone().unwrap_or_default();
    let phase = if o.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        status.phase.clone().unwrap_or_default()
    };
    let volume = spec.volume_name.clone().unwrap_or_default();
    let (capacity, modes) = if volume.is_empty() {
        (String::new(), String::new())
    } else {
        (
            status
                .capacity
                .as_ref()
                .and_then(|c| c.get("storage"))
                .map(|q| q.0.clone())
                .unwrap_or_else(|| "0".into()),
            access_modes_string(status.access_modes.as_ref()),
        )
    };
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        phase,
        volume,
        capacity,
        modes,
        pvc_class(o),
        unset_if_empty(spec.volume_attributes_class_name.as_ref()),
        age(o.metadata.creation_timestamp.as_ref(), now),
        unset_if_empty(spec.volume_mode.as_ref()),
    ]
}

pub(super) fn pv(o: &PersistentVolume, now: Millis) -> Vec<String> {
    let spec = o.spec.clone().unwrap_or_default();
    let status = o.status.clone().unwrap_or_default();
    let claim = spec
        .claim_ref
        .as_ref()
        .map(|r| {
            format!(
                "{}/{}",
                r.namespace.as_deref().unwrap_or(""),
                r.name.as_deref().unwrap_or("")
            )
        })
        .unwrap_or_default();
    let phase = if o.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        status.phase.clone().unwrap_or_default()
    };
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        spec.capacity
            .as_ref()
            .and_then(|c| c.get("storage"))
            .map(|q| q.0.clone())
            .unwrap_or_else(|| "0".into()),
        access_modes_string(spec.access_modes.as_ref()),
        spec.persistent_volume_reclaim_policy
            .clone()
            .unwrap_or_default(),
        phase,
        claim,
        pv_class(o),
        unset_if_empty(spec.volume_attributes_class_name.as_ref()),
        status.reason.clone().unwrap_or_default(),
        age(o.metadata.creation_timestamp.as_ref(), now),
        unset_if_empty(spec.volume_mode.as_ref()),
    ]
}

pub(super) fn storageclass(o: &StorageClass, now: Millis) -> Vec<String> {
    let mut name = o.metadata.name.clone().unwrap_or_default();
    if is_default_class(&o.metadata) {
        name.push_str(" (default)");
    }
    vec![
        name,
        o.provisioner.clone(),
        o.reclaim_policy.clone().unwrap_or_else(|| "Delete".into()),
        o.volume_binding_mode
            .clone()
            .unwrap_or_else(|| "Immediate".into()),
        o.allow_volume_expansion.unwrap_or(false).to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}
