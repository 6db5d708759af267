//! Storage validation: PersistentVolumeClaims (access modes, storage request, class name,
//! volume mode, and spec immutability on update), PersistentVolumes and StorageClasses
//! (`pkg/apis/core/validation`, `pkg/apis/storage/validation`).

use super::meta::{validate_label_selector, validate_object_meta, validate_object_meta_update};
use super::path::{child, key};
use super::pod::or_default;
use super::quantity::parse_quantity;
use crate::admission::names::NameRule;
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::core::v1::{
    PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec, PersistentVolumeSpec,
};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;

const ACCESS_MODES: [&str; 4] = [
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOnce",
    "ReadWriteOncePod",
];
const QUANTITY_REGEX_MSG: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/// The access-mode rules; `path` is built only when there is an error to report.
fn access_modes(
    modes: &[String],
    path: impl Fn() -> String,
    required_detail: &str,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if modes.is_empty() {
        errs.push(FieldError::required(path(), required_detail));
    }
    for m in modes {
        if !ACCESS_MODES.contains(&m.as_str()) {
            errs.push(FieldError::not_supported(
                path(),
                BadValue::Str(m.clone()),
                &ACCESS_MODES,
            ));
        }
    }
    if modes.iter().any(|m| m == "ReadWriteOncePod") && modes.len() > 1 {
        errs.push(FieldError::forbidden(
            path(),
            "may not use ReadWriteOncePod with other access modes",
        ));
    }
    errs
}

/// `resources.requests.storage`, if set.
fn storage_request(spec: &PersistentVolumeClaimSpec) -> Option<&Quantity> {
    spec.resources
        .as_ref()
        .and_then(|r| r.requests.as_ref())
        .and_then(|r| r.get("storage"))
}

/// `ValidatePersistentVolumeClaimSpec`. Claims are validated on every write of the volume
/// binder, so field paths are built only for the errors found.
pub fn validate_pvc_spec(spec: &PersistentVolumeClaimSpec, path: &str) -> Vec<FieldError> {
    let modes = spec.access_modes.as_deref().unwrap_or_default();
    let mut errs = Vec::new();
    let modes_path = || child(path, "accessModes");
    if modes.is_empty() {
        errs.push(FieldError::required(
            modes_path(),
            "at least 1 access mode is required",
        ));
    }
    if let Some(sel) = spec.selector.as_ref() {
        errs.extend(validate_label_selector(sel, &child(path, "selector")));
    }
    if !modes.is_empty() {
        // With no modes, the only error would be the Required one reported above.
        errs.extend(access_modes(modes, modes_path, ""));
    }
    let storage = storage_request(spec);
    let sp = || key(&child(path, "resources"), "storage");
    match storage {
        None => errs.push(FieldError::required(sp(), "")),
        Some(q) => match parse_quantity(&q.0) {
            None => errs.push(FieldError::invalid(
                sp(),
                BadValue::Str(q.0.clone()),
                QUANTITY_REGEX_MSG,
            )),
            Some(v) if v <= 0.0 => errs.push(FieldError::invalid(
                sp(),
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
    errs.extend(validate_pvc_spec(&or_default(&pvc.spec), "spec"));
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
    let (n, o) = (or_default(&new.spec), or_default(&old.spec));
    errs.extend(validate_pvc_spec(&n, "spec"));
    let bound = new.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound");
    let (old_size, new_size) = (storage_request(&o), storage_request(&n));
    if !only_mutable_fields_changed(&n, &o, bound) {
        errs.push(FieldError::forbidden(
            "spec",
            "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
        ));
    }
    let value = |q: Option<&Quantity>| q.and_then(|q| parse_quantity(&q.0)).unwrap_or(0.0);
    // Nearly every update keeps the request as written: then it cannot have shrunk.
    let same_request = matches!((new_size, old_size), (Some(n), Some(o)) if n.0 == o.0);
    if !same_request && value(new_size) < value(old_size) {
        errs.push(FieldError::forbidden(
            "spec.resources.requests.storage",
            "field can not be less than previous value",
        ));
    }
    errs
}

/// Whether `new` equals `old` once what may change is set aside: a volumeName the old
/// spec did not have, and for a bound claim the storage request (upstream copies the old
/// request into the new spec before comparing; this compares without copying either).
fn only_mutable_fields_changed(
    new: &PersistentVolumeClaimSpec,
    old: &PersistentVolumeClaimSpec,
    bound: bool,
) -> bool {
    // Every field named, so a field added to the type cannot be missed here.
    let PersistentVolumeClaimSpec {
        access_modes,
        data_source,
        data_source_ref,
        resources,
        selector,
        storage_class_name,
        volume_attributes_class_name,
        volume_mode,
        volume_name,
    } = new;
    let volume_name_ok =
        old.volume_name.as_deref().unwrap_or("").is_empty() || *volume_name == old.volume_name;
    let resources_ok = match (resources, &old.resources) {
        (Some(n), Some(o)) => {
            let old_storage = o.requests.as_ref().and_then(|r| r.get("storage"));
            let requests_ok = match (&n.requests, &o.requests) {
                // The new request is replaced by the old one before comparing.
                (Some(nr), Some(or)) if bound && old_storage.is_some() => {
                    let others = |(k, _): &(&String, _)| *k != "storage";
                    nr.iter().filter(others).eq(or.iter().filter(others))
                }
                (nr, or) => nr == or,
            };
            requests_ok && n.limits == o.limits
        }
        (n, o) => n == o,
    };
    volume_name_ok
        && resources_ok
        && *access_modes == old.access_modes
        && *data_source == old.data_source
        && *data_source_ref == old.data_source_ref
        && *selector == old.selector
        && *storage_class_name == old.storage_class_name
        && *volume_attributes_class_name == old.volume_attributes_class_name
        && *volume_mode == old.volume_mode
}

pub fn validate_pv(pv: &PersistentVolume) -> Vec<FieldError> {
    let mut errs =
        validate_object_meta(&pv.metadata, false, NameRule::Dns1123Subdomain, "metadata");
    let spec = or_default(&pv.spec);
    errs.extend(access_modes(
        spec.access_modes.as_deref().unwrap_or(&[]),
        || "spec.accessModes".to_string(),
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
    if !has_volume_source(&spec) {
        errs.push(FieldError::required("spec", "must specify a volume type"));
    }
    if spec.host_path.as_ref().is_some_and(|h| h.path.is_empty()) {
        errs.push(FieldError::required("spec.hostPath.path", ""));
    }
    errs
}

/// Whether a volume spec names one of the sources the sandbox accepts for a
/// PersistentVolume (hostPath, gcePersistentDisk, ... csi; iSCSI is not among them).
fn has_volume_source(spec: &PersistentVolumeSpec) -> bool {
    spec.host_path.is_some()
        || spec.gce_persistent_disk.is_some()
        || spec.aws_elastic_block_store.is_some()
        || spec.glusterfs.is_some()
        || spec.flocker.is_some()
        || spec.nfs.is_some()
        || spec.rbd.is_some()
        || spec.quobyte.is_some()
        || spec.cinder.is_some()
        || spec.cephfs.is_some()
        || spec.fc.is_some()
        || spec.flex_volume.is_some()
        || spec.azure_file.is_some()
        || spec.vsphere_volume.is_some()
        || spec.photon_persistent_disk.is_some()
        || spec.portworx_volume.is_some()
        || spec.azure_disk.is_some()
        || spec.scale_io.is_some()
        || spec.local.is_some()
        || spec.storageos.is_some()
        || spec.csi.is_some()
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
