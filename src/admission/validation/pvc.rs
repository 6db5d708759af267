//! Storage validation: PersistentVolumeClaims (access modes, storage request, class name,
//! volume mode, and spec immutability on update), PersistentVolumes and StorageClasses
//! (`pkg/apis/core/validation`, `pkg/apis/storage/validation`).

use super::meta::{validate_label_selector, validate_object_meta, validate_object_meta_update};
use super::path::{child, key};
use super::quantity::parse_quantity;
use crate::admission::names::NameRule;
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::core::v1::{
    PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec,
};
use k8s_openapi::api::storage::v1::StorageClass;

const ACCESS_MODES: [&str; 4] = [
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];
const QUANTITY_REGEX_MSG: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

fn access_modes(modes: &[String], path: &str, required_detail: &str) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if modes.is_empty() {
        errs.push(FieldError::required(path, required_detail));
    }
    for m in modes {
        if !ACCESS_MODES.contains(&m.as_str()) {
            errs.push(FieldError::not_supported(
                path,
                BadValue::Str(m.clone()),
                &ACCESS_MODES,
            ));
        }
    }
    if modes.iter().any(|m| m == "ReadWriteOncePod") && modes.len() > 1 {
        errs.push(FieldError::forbidden(
            path,
            "may not use ReadWriteOncePod with other access modes",
        ));
    }
    errs
}

/// `ValidatePersistentVolumeClaimSpec`.
pub fn validate_pvc_spec(spec: &PersistentVolumeClaimSpec, path: &str) -> Vec<FieldError> {
    let modes = spec.access_modes.clone().unwrap_or_default();
    let mut errs = Vec::new();
    if modes.is_empty() {
        errs.push(FieldError::required(
            child(path, "accessModes"),
            "at least 1 access mode is required",
        ));
    }
    if let Some(sel) = spec.selector.as_ref() {
        errs.extend(validate_label_selector(sel, &child(path, "selector")));
    }
    errs.extend(
        access_modes(&modes, &child(path, "accessModes"), "")
            .into_iter()
            .filter(|e| !e.body().starts_with("Required")),
    );
    let storage = spec
        .resources
        .as_ref()
        .and_then(|r| r.requests.as_ref())
        .and_then(|r| r.get("storage"));
    let sp = key(&child(path, "resources"), "storage");
    match storage {
        None => errs.push(FieldError::required(sp, "")),
        Some(q) => match parse_quantity(&q.0) {
            None => errs.push(FieldError::invalid(
                sp,
                BadValue::Str(q.0.clone()),
                QUANTITY_REGEX_MSG,
            )),
            Some(v) if v <= 0.0 => errs.push(FieldError::invalid(
                sp,
                BadValue::Str(q.0.clone()),
                "must be greater than zero",
            )),
            Some(_) => {}
        },
    }
    if let Some(class) = spec.storage_class_name.as_deref().filter(|c| !c.is_empty()) {
        for m in NameRule::Dns1123Subdomain.check(class, false) {
            errs.push(FieldError::invalid(
                child(path, "storageClassName"),
                BadValue::Str(class.into()),
                m,
            ));
        }
    }
    if let Some(vm) = spec.volume_mode.as_deref() {
        if vm != "Block" && vm != "Filesystem" {
            errs.push(FieldError::not_supported(
                child(path, "volumeMode"),
                BadValue::Str(vm.into()),
                &["Block", "Filesystem"],
            ));
        }
    }
    errs
}

pub fn validate_pvc(pvc: &PersistentVolumeClaim) -> Vec<FieldError> {
    let mut errs =
        validate_object_meta(&pvc.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    errs.extend(validate_pvc_spec(
        &pvc.spec.clone().unwrap_or_default(),
        "spec",
    ));
    errs
}

/// `ValidatePersistentVolumeClaimUpdate`: the spec is frozen except a volumeName set once
/// and, for bound claims, the storage request, which may not shrink. Upstream appends a
/// go-cmp diff to the Forbidden text; the sandbox omits it (go-cmp output is unstable).
pub fn validate_pvc_update(
    new: &PersistentVolumeClaim,
    old: &PersistentVolumeClaim,
) -> Vec<FieldError> {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata, "metadata");
    errs.extend(validate_pvc_spec(
        &new.spec.clone().unwrap_or_default(),
        "spec",
    ));
    let (mut n, mut o) = (
        new.spec.clone().unwrap_or_default(),
        old.spec.clone().unwrap_or_default(),
    );
    if o.volume_name.as_deref().unwrap_or("").is_empty() {
        o.volume_name = n.volume_name.clone();
    }
    let bound = new.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound");
    let storage = |s: &PersistentVolumeClaimSpec| {
        s.resources
            .as_ref()
            .and_then(|r| r.requests.as_ref())
            .and_then(|r| r.get("storage"))
            .cloned()
    };
    let (old_size, new_size) = (storage(&o), storage(&n));
    if bound {
        if let (Some(req), Some(size)) = (
            n.resources.as_mut().and_then(|r| r.requests.as_mut()),
            old_size.clone(),
        ) {
            req.insert("storage".into(), size);
        }
    }
    if n != o {
        errs.push(FieldError::forbidden(
            "spec",
            "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
        ));
    }
    let value = |q: &Option<k8s_openapi::apimachinery::pkg::api::resource::Quantity>| {
        q.as_ref().and_then(|q| parse_quantity(&q.0)).unwrap_or(0.0)
    };
    if value(&new_size) < value(&old_size) {
        errs.push(FieldError::forbidden(
            "spec.resources.requests.storage",
            "field can not be less than previous value",
        ));
    }
    errs
}

pub fn validate_pv(pv: &PersistentVolume) -> Vec<FieldError> {
    let mut errs =
        validate_object_meta(&pv.metadata, false, NameRule::Dns1123Subdomain, "metadata");
    let spec = pv.spec.clone().unwrap_or_default();
    errs.extend(access_modes(
        spec.access_modes.as_deref().unwrap_or(&[]),
        "spec.accessModes",
        "",
    ));
    match spec.capacity.as_ref() {
        None => errs.push(FieldError::required("spec.capacity", "")),
        Some(c) => match c.get("storage") {
            None => errs.push(FieldError::not_supported(
                "spec.capacity",
                BadValue::Raw("map[]".into()),
                &["storage"],
            )),
            Some(q) if parse_quantity(&q.0).is_none_or(|v| v <= 0.0) => {
                errs.push(FieldError::invalid(
                    "spec.capacity[storage]",
                    BadValue::Str(q.0.clone()),
                    "must be greater than zero",
                ))
            }
            Some(_) => {}
        },
    }
    let rp = spec
        .persistent_volume_reclaim_policy
        .as_deref()
        .unwrap_or("");
    if !rp.is_empty() && !matches!(rp, "Delete" | "Recycle" | "Retain") {
        errs.push(FieldError::not_supported(
            "spec.persistentVolumeReclaimPolicy",
            BadValue::Str(rp.into()),
            &["Delete", "Recycle", "Retain"],
        ));
    }
    let json = serde_json::to_value(&spec).unwrap_or_default();
    const SOURCES: [&str; 21] = [
        "hostPath",
        "gcePersistentDisk",
        "awsElasticBlockStore",
        "glusterfs",
        "flocker",
        "nfs",
        "rbd",
        "quobyte",
        "cinder",
        "cephfs",
        "fc",
        "flexVolume",
        "azureFile",
        "vsphereVolume",
        "photonPersistentDisk",
        "portworxVolume",
        "azureDisk",
        "scaleIO",
        "local",
        "storageos",
        "csi",
    ];
    if !SOURCES.iter().any(|s| json.get(*s).is_some()) {
        errs.push(FieldError::required("spec", "must specify a volume type"));
    }
    if spec.host_path.as_ref().is_some_and(|h| h.path.is_empty()) {
        errs.push(FieldError::required("spec.hostPath.path", ""));
    }
    errs
}

pub fn validate_storage_class(sc: &StorageClass) -> Vec<FieldError> {
    let mut errs =
        validate_object_meta(&sc.metadata, false, NameRule::Dns1123Subdomain, "metadata");
    if sc.provisioner.is_empty() {
        errs.push(FieldError::required("provisioner", ""));
    }
    let rp = sc.reclaim_policy.as_deref().unwrap_or("");
    if !matches!(rp, "Delete" | "Retain") {
        errs.push(FieldError::not_supported(
            "reclaimPolicy",
            BadValue::Str(rp.into()),
            &["Delete", "Retain"],
        ));
    }
    let bm = sc.volume_binding_mode.as_deref().unwrap_or("");
    if !matches!(bm, "Immediate" | "WaitForFirstConsumer") {
        errs.push(FieldError::not_supported(
            "volumeBindingMode",
            BadValue::Str(bm.into()),
            &["Immediate", "WaitForFirstConsumer"],
        ));
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ApiError, Kind};

    fn pvc(spec: serde_json::Value) -> PersistentVolumeClaim {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": "www-web-0", "namespace": "default"}, "spec": spec}))
        .unwrap()
    }

    #[test]
    fn claim_without_modes_or_storage() {
        let errs = validate_pvc(&pvc(serde_json::json!({})));
        assert_eq!(
            ApiError::invalid(Kind::PersistentVolumeClaim, "www-web-0", errs).message,
            "PersistentVolumeClaim \"www-web-0\" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]"
        );
    }

    #[test]
    fn unknown_access_mode() {
        let errs = validate_pvc(&pvc(
            serde_json::json!({"accessModes": ["RWO"], "resources": {"requests": {"storage": "1Gi"}}}),
        ));
        assert_eq!(
            errs[0].to_string(),
            "spec.accessModes: Unsupported value: \"RWO\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""
        );
    }

    #[test]
    fn bound_claim_may_grow_but_not_change_class() {
        let mut old = pvc(
            serde_json::json!({"accessModes": ["ReadWriteOnce"], "storageClassName": "standard",
            "resources": {"requests": {"storage": "1Gi"}}}),
        );
        old.status = Some(k8s_openapi::api::core::v1::PersistentVolumeClaimStatus {
            phase: Some("Bound".into()),
            ..Default::default()
        });
        let mut grown = old.clone();
        grown
            .spec
            .as_mut()
            .unwrap()
            .resources
            .as_mut()
            .unwrap()
            .requests
            .as_mut()
            .unwrap()
            .insert(
                "storage".into(),
                k8s_openapi::apimachinery::pkg::api::resource::Quantity("2Gi".into()),
            );
        assert!(validate_pvc_update(&grown, &old).is_empty());
        let mut moved = old.clone();
        moved.spec.as_mut().unwrap().storage_class_name = Some("fast".into());
        assert_eq!(
            validate_pvc_update(&moved, &old)[0].to_string(),
            "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
        );
    }
}
