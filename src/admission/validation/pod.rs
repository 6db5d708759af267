//! Pod and PodSpec validation (`pkg/apis/core/validation/validation.go`, v1.32 rules):
//! volumes, containers (names, image, ports, env, mounts, probes, resources), restart and
//! DNS policy, hostname/subdomain, and the pod update rules. Pods created by the
//! StatefulSet controller pass through here, so these texts end up in FailedCreate events.

use super::container::{validate_container_common, validate_probe};
use super::meta::{
    labels_ok, validate_annotations, validate_labels, validate_object_meta,
    validate_object_meta_update,
};
use super::path::{child, index, FieldPath};
use super::SeenNames;
use crate::admission::names::{inclusive_range_error, is_dns1123_label, NameRule};
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::core::v1::{Pod, PodSpec, PodTemplateSpec, Volume};
use std::borrow::Cow;

const TOKEN_SOURCE_FORBIDDEN: &str = "must not be specified when serviceAccountName is not set";
/// Volume source keys in the order upstream's `validateVolumeSource` checks them.
pub const VOLUME_SOURCES: [&str; 30] = [
    "emptyDir",
    "hostPath",
    "gitRepo",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "secret",
    "nfs",
    "iscsi",
    "glusterfs",
    "flocker",
    "persistentVolumeClaim",
    "rbd",
    "cinder",
    "cephfs",
    "quobyte",
    "downwardAPI",
    "fc",
    "flexVolume",
    "configMap",
    "azureFile",
    "vsphereVolume",
    "photonPersistentDisk",
    "portworxVolume",
    "azureDisk",
    "storageos",
    "projected",
    "scaleIO",
    "csi",
    "ephemeral",
    "image",
];

fn dns_label(value: &str, path: &FieldPath) -> Vec<FieldError> {
    let msgs = is_dns1123_label(value);
    if msgs.is_empty() {
        return Vec::new();
    }
    msgs.into_iter()
        .map(|m| FieldError::invalid(path, BadValue::Str(value.into()), m))
        .collect()
}

/// `ValidatePodCreate`: metadata, spec, and the Pod-only checks.
pub fn validate_pod_create(pod: &Pod) -> Vec<FieldError> {
    let mut errs =
        validate_object_meta(&pod.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    let spec = or_default(&pod.spec);
    errs.extend(validate_pod_spec(&spec, "spec"));
    errs.extend(pod_only(&spec));
    if spec
        .ephemeral_containers
        .as_ref()
        .is_some_and(|v| !v.is_empty())
    {
        errs.push(FieldError::forbidden(
            "spec.ephemeralContainers",
            "cannot be set on create",
        ));
    }
    errs
}

fn pod_only(spec: &PodSpec) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if spec
        .service_account_name
        .as_deref()
        .unwrap_or("")
        .is_empty()
    {
        for (vi, v) in spec.volumes.iter().flatten().enumerate() {
            for (si, s) in v
                .projected
                .iter()
                .flat_map(|p| p.sources.iter().flatten())
                .enumerate()
            {
                if s.service_account_token.is_some() {
                    errs.push(FieldError::forbidden(
                        format!("spec.volumes[{vi}].projected.sources[{si}].serviceAccountToken"),
                        TOKEN_SOURCE_FORBIDDEN,
                    ));
                }
            }
        }
    }
    for (list, p) in [
        (Some(&spec.containers), "spec.containers"),
        (spec.init_containers.as_ref(), "spec.initContainers"),
    ] {
        for (i, c) in list.into_iter().flatten().enumerate() {
            let image = c.image.as_deref().unwrap_or("");
            if image.len() != image.trim().len() {
                errs.push(FieldError::invalid(
                    child(&index(p, i), "image"),
                    BadValue::Str(image.into()),
                    "must not have leading or trailing whitespace",
                ));
            }
        }
    }
    errs
}

/// `ValidatePodTemplateSpec` as Deployments and ReplicaSets use it.
pub fn validate_pod_template_spec(t: &PodTemplateSpec, path: &str) -> Vec<FieldError> {
    let meta = or_default(&t.metadata);
    let mut errs = validate_labels(meta.labels.as_ref(), &child(path, "labels"));
    errs.extend(validate_annotations(
        meta.annotations.as_ref(),
        &child(path, "annotations"),
    ));
    let spec = or_default(&t.spec);
    errs.extend(validate_pod_spec(&spec, &child(path, "spec")));
    if spec
        .ephemeral_containers
        .as_ref()
        .is_some_and(|v| !v.is_empty())
    {
        errs.push(FieldError::forbidden(
            child(&child(path, "spec"), "ephemeralContainers"),
            "ephemeral containers not allowed in pod template",
        ));
    }
    errs
}

/// `ValidatePodSpec`, in upstream's order.
pub fn validate_pod_spec(spec: &PodSpec, path: &str) -> Vec<FieldError> {
    pod_spec(spec, &FieldPath::Root(path))
}

/// [`validate_pod_spec`] with a path printed only for errors.
fn pod_spec(spec: &PodSpec, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if spec.termination_grace_period_seconds.is_none() {
        errs.push(FieldError::required(
            path.child("terminationGracePeriodSeconds"),
            "",
        ));
    }
    let (volumes, verrs) = validate_volumes(
        spec.volumes.as_deref().unwrap_or(&[]),
        &path.child("volumes"),
    );
    errs.extend(verrs);
    let cpath = path.child("containers");
    if spec.containers.is_empty() {
        errs.push(FieldError::required(cpath, ""));
    }
    let mut names = SeenNames::default();
    for (i, c) in spec.containers.iter().enumerate() {
        let p = cpath.index(i);
        errs.extend(validate_container_common(c, &volumes, &p));
        if !names.insert(c.name.as_str()) {
            errs.push(FieldError::duplicate(
                p.child("name"),
                BadValue::Str(c.name.clone()),
            ));
        }
        errs.extend(validate_probe(
            c.liveness_probe.as_ref(),
            &p.child("livenessProbe"),
            true,
        ));
        errs.extend(validate_probe(
            c.readiness_probe.as_ref(),
            &p.child("readinessProbe"),
            false,
        ));
        errs.extend(validate_probe(
            c.startup_probe.as_ref(),
            &p.child("startupProbe"),
            true,
        ));
        if c.restart_policy.is_some() {
            errs.push(FieldError::forbidden(
                p.child("restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
    let ipath = path.child("initContainers");
    for (i, c) in spec.init_containers.iter().flatten().enumerate() {
        let p = ipath.index(i);
        errs.extend(validate_container_common(c, &volumes, &p));
        if !names.insert(c.name.as_str()) {
            errs.push(FieldError::duplicate(
                p.child("name"),
                BadValue::Str(c.name.clone()),
            ));
        }
        match c.restart_policy.as_deref() {
            None => {
                for (probe, f) in [
                    (&c.liveness_probe, "livenessProbe"),
                    (&c.readiness_probe, "readinessProbe"),
                    (&c.startup_probe, "startupProbe"),
                ] {
                    if probe.is_some() {
                        errs.push(FieldError::forbidden(
                            p.child(f),
                            "may not be set for init containers without restartPolicy=Always",
                        ));
                    }
                }
            }
            Some("Always") => {}
            Some(other) => errs.push(FieldError::not_supported(
                p.child("restartPolicy"),
                BadValue::Str(other.into()),
                &["Always"],
            )),
        }
    }
    let rp = spec.restart_policy.as_deref().unwrap_or("");
    match rp {
        "Always" | "OnFailure" | "Never" => {}
        "" => errs.push(FieldError::required(path.child("restartPolicy"), "")),
        _ => errs.push(FieldError::not_supported(
            path.child("restartPolicy"),
            BadValue::Str(rp.into()),
            &["Always", "OnFailure", "Never"],
        )),
    }
    let dp = spec.dns_policy.as_deref().unwrap_or("");
    match dp {
        "ClusterFirstWithHostNet" | "ClusterFirst" | "Default" | "None" => {}
        "" => errs.push(FieldError::required(path.child("dnsPolicy"), "")),
        _ => errs.push(FieldError::not_supported(
            path.child("dnsPolicy"),
            BadValue::Str(dp.into()),
            &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
        )),
    }
    if let Some(sel) = spec.node_selector.as_ref().filter(|sel| !labels_ok(sel)) {
        errs.extend(validate_labels(
            Some(sel),
            &path.child("nodeSelector").render(),
        ));
    }
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        for m in NameRule::Dns1123Subdomain.check(sa, false) {
            errs.push(FieldError::invalid(
                path.child("serviceAccountName"),
                BadValue::Str(sa.into()),
                m,
            ));
        }
    }
    if let Some(n) = spec.node_name.as_deref().filter(|s| !s.is_empty()) {
        for m in NameRule::Dns1123Subdomain.check(n, false) {
            errs.push(FieldError::invalid(
                path.child("nodeName"),
                BadValue::Str(n.into()),
                m,
            ));
        }
    }
    if let Some(ads) = spec.active_deadline_seconds {
        if !(1..=i32::MAX as i64).contains(&ads) {
            errs.push(FieldError::invalid(
                path.child("activeDeadlineSeconds"),
                BadValue::Int(ads),
                inclusive_range_error(1, i32::MAX as i64),
            ));
        }
    }
    if let Some(h) = spec.hostname.as_deref().filter(|s| !s.is_empty()) {
        errs.extend(dns_label(h, &path.child("hostname")));
    }
    if let Some(s) = spec.subdomain.as_deref().filter(|s| !s.is_empty()) {
        errs.extend(dns_label(s, &path.child("subdomain")));
    }
    let tolerations_path = path.child("tolerations");
    for (i, t) in spec.tolerations.iter().flatten().enumerate() {
        let tp = tolerations_path.index(i);
        let op = t.operator.as_deref().unwrap_or("");
        match op {
            "" | "Equal" | "Exists" => {}
            _ => errs.push(FieldError::not_supported(
                tp.child("operator"),
                BadValue::Str(op.into()),
                &["Equal", "Exists"],
            )),
        }
        if op == "Exists" && t.value.as_deref().is_some_and(|v| !v.is_empty()) {
            errs.push(FieldError::invalid(
                tp.child("operator"),
                BadValue::Str(t.value.clone().unwrap_or_default()),
                "value must be empty when `operator` is 'Exists'",
            ));
        }
        if let Some(e) = t.effect.as_deref().filter(|e| !e.is_empty()) {
            if !matches!(e, "NoSchedule" | "PreferNoSchedule" | "NoExecute") {
                errs.push(FieldError::not_supported(
                    tp.child("effect"),
                    BadValue::Str(e.into()),
                    &["NoSchedule", "PreferNoSchedule", "NoExecute"],
                ));
            }
        }
    }
    errs
}

/// `ValidateVolumes`: the names that may be mounted, and the errors.
fn validate_volumes<'v>(
    volumes: &'v [Volume],
    path: &FieldPath,
) -> (SeenNames<'v>, Vec<FieldError>) {
    let mut errs = Vec::new();
    let mut names = SeenNames::default();
    for (i, v) in volumes.iter().enumerate() {
        let p = path.index(i);
        let mut el = validate_volume_source(v, &p);
        let np = p.child("name");
        if v.name.is_empty() {
            el.push(FieldError::required(np, ""));
        } else {
            el.extend(dns_label(&v.name, &np));
        }
        if names.contains(v.name.as_str()) {
            el.push(FieldError::duplicate(np, BadValue::Str(v.name.clone())));
        }
        if el.is_empty() {
            names.insert(v.name.as_str());
        } else {
            errs.extend(el);
        }
    }
    (names, errs)
}

fn validate_volume_source(v: &Volume, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut count = 0;
    let present = volume_sources(v);
    for (i, src) in VOLUME_SOURCES.iter().copied().enumerate() {
        if !present[i] {
            continue;
        }
        if count > 0 {
            // upstream misspells this one path
            let shown = if src == "downwardAPI" {
                "downwarAPI"
            } else {
                src
            };
            errs.push(FieldError::forbidden(
                path.child(shown),
                "may not specify more than 1 volume type",
            ));
            continue;
        }
        count += 1;
        let sp = path.child(src);
        let required = |field: &str, value: Option<&str>| {
            value
                .unwrap_or("")
                .is_empty()
                .then(|| FieldError::required(sp.child(field), ""))
        };
        match src {
            "hostPath" => errs.extend(required(
                "path",
                v.host_path.as_ref().map(|h| h.path.as_str()),
            )),
            "secret" => errs.extend(required(
                "secretName",
                v.secret.as_ref().and_then(|s| s.secret_name.as_deref()),
            )),
            "configMap" => errs.extend(required(
                "name",
                v.config_map.as_ref().map(|c| c.name.as_str()),
            )),
            "persistentVolumeClaim" => errs.extend(required(
                "claimName",
                v.persistent_volume_claim
                    .as_ref()
                    .map(|c| c.claim_name.as_str()),
            )),
            _ => {}
        }
    }
    if count == 0 {
        errs.push(FieldError::required(path, "must specify a volume type"));
    }
    errs
}

/// Which of `VOLUME_SOURCES` a volume sets, in that order. Every field is named, so a
/// source added to the type cannot be missed here (defaulting relies on this too).
pub fn volume_sources(v: &Volume) -> [bool; 30] {
    let Volume {
        name: _,
        aws_elastic_block_store,
        azure_disk,
        azure_file,
        cephfs,
        cinder,
        config_map,
        csi,
        downward_api,
        empty_dir,
        ephemeral,
        fc,
        flex_volume,
        flocker,
        gce_persistent_disk,
        git_repo,
        glusterfs,
        host_path,
        image,
        iscsi,
        nfs,
        persistent_volume_claim,
        photon_persistent_disk,
        portworx_volume,
        projected,
        quobyte,
        rbd,
        scale_io,
        secret,
        storageos,
        vsphere_volume,
    } = v;
    [
        empty_dir.is_some(),
        host_path.is_some(),
        git_repo.is_some(),
        gce_persistent_disk.is_some(),
        aws_elastic_block_store.is_some(),
        secret.is_some(),
        nfs.is_some(),
        iscsi.is_some(),
        glusterfs.is_some(),
        flocker.is_some(),
        persistent_volume_claim.is_some(),
        rbd.is_some(),
        cinder.is_some(),
        cephfs.is_some(),
        quobyte.is_some(),
        downward_api.is_some(),
        fc.is_some(),
        flex_volume.is_some(),
        config_map.is_some(),
        azure_file.is_some(),
        vsphere_volume.is_some(),
        photon_persistent_disk.is_some(),
        portworx_volume.is_some(),
        azure_disk.is_some(),
        storageos.is_some(),
        projected.is_some(),
        scale_io.is_some(),
        csi.is_some(),
        ephemeral.is_some(),
        image.is_some(),
    ]
}

/// A field as stored, or its empty value when unset (a copy of neither).
pub fn or_default<T: Clone + Default>(field: &Option<T>) -> Cow<'_, T> {
    match field {
        Some(v) => Cow::Borrowed(v),
        None => Cow::Owned(T::default()),
    }
}

/// The fields a pod update may change, as v1.32 lists them.
pub const POD_UPDATABLE_FIELDS: &str = "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/// `ValidatePodUpdate`. Upstream appends a go-cmp diff of the specs to the Forbidden
/// message; go-cmp randomises its whitespace on purpose, so the sandbox omits the diff.
pub fn validate_pod_update(new: &Pod, old: &Pod) -> Vec<FieldError> {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata, "metadata");
    let mut created =
        validate_object_meta(&new.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    created.retain(|e| {
        !e.field.starts_with("metadata.name") && !e.field.starts_with("metadata.namespace")
    });
    errs.extend(created);
    let (ns, os) = (or_default(&new.spec), or_default(&old.spec));
    errs.extend(validate_pod_spec(&ns, "spec"));
    for (n, o, p) in [
        (&ns.containers, &os.containers, "spec.containers"),
        (
            ns.init_containers.as_ref().unwrap_or(&vec![]),
            os.init_containers.as_ref().unwrap_or(&vec![]),
            "spec.initContainers",
        ),
    ] {
        if n.len() != o.len() {
            errs.push(FieldError::forbidden(
                p,
                "pod updates may not add or remove containers",
            ));
            return errs;
        }
    }
    if let Some(new_ads) = ns.active_deadline_seconds {
        if !(0..=i32::MAX as i64).contains(&new_ads) {
            errs.push(FieldError::invalid(
                "spec.activeDeadlineSeconds",
                BadValue::Int(new_ads),
                inclusive_range_error(0, i32::MAX as i64),
            ));
            return errs;
        }
        if os.active_deadline_seconds.is_some_and(|o| o < new_ads) {
            errs.push(FieldError::invalid(
                "spec.activeDeadlineSeconds",
                BadValue::Int(new_ads),
                "must be less than or equal to previous value",
            ));
            return errs;
        }
    } else if os.active_deadline_seconds.is_some() {
        errs.push(FieldError::invalid(
            "spec.activeDeadlineSeconds",
            BadValue::Raw("null".into()),
            "must not update from a positive integer to nil value",
        ));
    }
    if ns == os {
        // Nothing changed, so nothing changed that may not.
        return errs;
    }
    let mut munged = ns.as_ref().clone();
    for (m, o) in munged.containers.iter_mut().zip(&os.containers) {
        m.image = o.image.clone();
    }
    for (m, o) in munged
        .init_containers
        .iter_mut()
        .flatten()
        .zip(os.init_containers.iter().flatten())
    {
        m.image = o.image.clone();
    }
    munged.active_deadline_seconds = os.active_deadline_seconds;
    let old_tol = os.tolerations.clone().unwrap_or_default();
    if munged
        .tolerations
        .as_ref()
        .is_some_and(|t| t.starts_with(&old_tol))
    {
        munged.tolerations = os.tolerations.clone();
    }
    if os.termination_grace_period_seconds.is_some_and(|g| g < 0)
        && ns.termination_grace_period_seconds == Some(1)
    {
        munged.termination_grace_period_seconds = os.termination_grace_period_seconds;
    }
    if munged != *os {
        errs.push(FieldError::forbidden(
            "spec",
            format!("pod updates may not change fields other than {POD_UPDATABLE_FIELDS}"),
        ));
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admission::default_object;
    use crate::api::Object;

    fn pod(spec: serde_json::Value) -> Pod {
        let mut o = Object::from_json_lenient(
            crate::api::Kind::Pod,
            serde_json::json!({"metadata": {"name": "p", "namespace": "default"}, "spec": spec}),
        )
        .unwrap();
        default_object(&mut o);
        match o {
            Object::Pod(p) => *p,
            _ => unreachable!(),
        }
    }

    fn strings(errs: Vec<FieldError>) -> Vec<String> {
        errs.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn containers_are_required() {
        assert_eq!(
            strings(validate_pod_create(&pod(serde_json::json!({})))),
            ["spec.containers: Required value"]
        );
    }

    #[test]
    fn container_name_image_and_duplicates() {
        let p = pod(serde_json::json!({"containers": [
            {"name": "Web", "image": "nginx"}, {"name": "a"}, {"name": "a", "image": "x"}]}));
        assert_eq!(
            strings(validate_pod_create(&p)),
            [
                "spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.containers[1].image: Required value",
                "spec.containers[2].name: Duplicate value: \"a\"",
            ]
        );
    }

    #[test]
    fn volumes_ports_and_policies() {
        let p = pod(serde_json::json!({
            "restartPolicy": "Sometimes",
            "hostname": "Web_0",
            "volumes": [{"name": "d", "emptyDir": {}}, {"name": "d", "emptyDir": {}}],
            "containers": [{"name": "a", "image": "x", "ports": [{"containerPort": 0, "name": "HTTP"}]}]}));
        assert_eq!(
            strings(validate_pod_create(&p)),
            [
                "spec.volumes[1].name: Duplicate value: \"d\"",
                "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain at least one letter (a-z)",
                "spec.containers[0].ports[0].containerPort: Required value",
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
                "spec.hostname: Invalid value: \"Web_0\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            ]
        );
    }

    #[test]
    fn request_above_limit() {
        let p = pod(
            serde_json::json!({"containers": [{"name": "a", "image": "x",
            "resources": {"limits": {"cpu": "500m"}, "requests": {"cpu": "1"}}}]}),
        );
        assert_eq!(
            strings(validate_pod_create(&p)),
            ["spec.containers[0].resources.requests[cpu]: Invalid value: \"1\": must be less than or equal to cpu limit of 500m"]
        );
    }

    #[test]
    fn updates_may_change_images_only() {
        let old = pod(serde_json::json!({"containers": [{"name": "a", "image": "x:1"}]}));
        let mut new = old.clone();
        new.spec.as_mut().unwrap().containers[0].image = Some("x:2".into());
        assert!(validate_pod_update(&new, &old).is_empty());
        new.spec.as_mut().unwrap().containers[0].name = "b".into();
        assert_eq!(
            strings(validate_pod_update(&new, &old)),
            [format!("spec: Forbidden: pod updates may not change fields other than {POD_UPDATABLE_FIELDS}")]
        );
    }
}
