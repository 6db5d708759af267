//! Defaulting of PodSpecs, containers, volumes and probes, as the v1.32 apiserver's
//! generated defaulters apply it (`pkg/apis/core/v1/defaults.go` and
//! `zz_generated.defaults.go`). Shared by Pods and by every pod template (StatefulSet,
//! Deployment, ReplicaSet); the Pod-only rules (`SetDefaults_Pod`) are applied only when
//! the caller says the spec belongs to a Pod.

use crate::admission::validation::pod::volume_sources;
use k8s_openapi::api::core::v1::{
    Container, EmptyDirVolumeSource, HTTPGetAction, Lifecycle, PersistentVolumeClaimSpec, PodSpec,
    Probe, Volume,
};

/// `SetDefaults_PersistentVolumeClaimSpec`: `volumeMode: Filesystem`.
pub fn default_pvc_spec(spec: &mut PersistentVolumeClaimSpec) {
    spec.volume_mode.get_or_insert_with(|| "Filesystem".into());
}

/// Defaults for a PodSpec. `is_pod` adds the Pod-only rules: requests copied from limits,
/// `enableServiceLinks: true`, host ports under hostNetwork.
pub fn default_pod_spec(spec: &mut PodSpec, is_pod: bool) {
    if is_pod {
        for c in spec
            .containers
            .iter_mut()
            .chain(spec.init_containers.iter_mut().flatten())
        {
            copy_limits_to_requests(c);
        }
        spec.enable_service_links.get_or_insert(true);
        if spec.host_network == Some(true) {
            for c in spec
                .containers
                .iter_mut()
                .chain(spec.init_containers.iter_mut().flatten())
            {
                for p in c.ports.iter_mut().flatten() {
                    if p.host_port.unwrap_or(0) == 0 {
                        p.host_port = Some(p.container_port);
                    }
                }
            }
        }
    }
    // SetDefaults_PodSpec
    spec.dns_policy.get_or_insert_with(|| "ClusterFirst".into());
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    spec.security_context.get_or_insert_with(Default::default);
    spec.termination_grace_period_seconds.get_or_insert(30);
    spec.scheduler_name
        .get_or_insert_with(|| "default-scheduler".into());
    for v in spec.volumes.iter_mut().flatten() {
        default_volume(v);
    }
    for c in spec.init_containers.iter_mut().flatten() {
        default_container(c);
    }
    for c in spec.containers.iter_mut() {
        default_container(c);
    }
    round_trip_service_account(spec);
}

/// The v1 <-> internal conversion keeps `serviceAccount` (deprecated) equal to
/// `serviceAccountName`; a stored object always shows both or neither.
pub fn round_trip_service_account(spec: &mut PodSpec) {
    let set = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.is_empty());
    if set(&spec.service_account_name) {
        if spec.service_account != spec.service_account_name {
            spec.service_account.clone_from(&spec.service_account_name);
        }
    } else if set(&spec.service_account) {
        spec.service_account_name.clone_from(&spec.service_account);
    } else {
        spec.service_account_name = None;
        spec.service_account = None;
    }
}

fn copy_limits_to_requests(c: &mut Container) {
    let Some(res) = c.resources.as_mut() else {
        return;
    };
    let Some(limits) = res.limits.clone() else {
        return;
    };
    let requests = res.requests.get_or_insert_with(Default::default);
    for (k, v) in limits {
        requests.entry(k).or_insert(v);
    }
}

/// `SetDefaults_Volume` and the per-source defaulters.
pub fn default_volume(v: &mut Volume) {
    if !volume_sources(v).contains(&true) {
        v.empty_dir = Some(EmptyDirVolumeSource::default());
    }
    if let Some(hp) = v.host_path.as_mut() {
        hp.type_.get_or_insert_with(String::new);
    }
    if let Some(s) = v.secret.as_mut() {
        s.default_mode.get_or_insert(0o644);
    }
    if let Some(cm) = v.config_map.as_mut() {
        cm.default_mode.get_or_insert(0o644);
    }
    if let Some(d) = v.downward_api.as_mut() {
        d.default_mode.get_or_insert(0o644);
        for item in d.items.iter_mut().flatten() {
            if let Some(f) = item.field_ref.as_mut() {
                f.api_version.get_or_insert_with(|| "v1".into());
            }
        }
    }
    if let Some(p) = v.projected.as_mut() {
        p.default_mode.get_or_insert(0o644);
        for src in p.sources.iter_mut().flatten() {
            if let Some(d) = src.downward_api.as_mut() {
                for item in d.items.iter_mut().flatten() {
                    if let Some(f) = item.field_ref.as_mut() {
                        f.api_version.get_or_insert_with(|| "v1".into());
                    }
                }
            }
            if let Some(t) = src.service_account_token.as_mut() {
                t.expiration_seconds.get_or_insert(3600);
            }
        }
    }
    if let Some(e) = v.ephemeral.as_mut() {
        if let Some(t) = e.volume_claim_template.as_mut() {
            default_pvc_spec(&mut t.spec);
        }
    }
}

/// The pull policy upstream picks from the image reference: `Always` for `:latest` or
/// for no tag and no digest, `IfNotPresent` otherwise (also for references that do not
/// parse, as upstream ignores the parse error).
pub fn default_pull_policy(image: &str) -> &'static str {
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    // A leading component with '.' or ':' (or `localhost`) is a registry host.
    let path = match name.split_once('/') {
        Some((host, rest)) if host.contains(['.', ':']) || host == "localhost" => rest,
        _ => name,
    };
    let last = path.rsplit('/').next().unwrap_or(path);
    let (repo_last, tag) = match last.split_once(':') {
        Some((r, t)) => (r, Some(t)),
        None => (last, None),
    };
    let parses = !path.is_empty()
        && !repo_last.is_empty()
        && tag != Some("")
        && !path.contains(char::is_whitespace)
        && !path[..path.len() - tag.map_or(0, |t| t.len() + 1)]
            .contains(|c: char| c.is_ascii_uppercase());
    if !parses {
        return "IfNotPresent";
    }
    match (tag, digest) {
        (Some("latest"), _) | (None, None) => "Always",
        _ => "IfNotPresent",
    }
}

/// `SetDefaults_Container` plus the generated defaults of its nested fields.
pub fn default_container(c: &mut Container) {
    if c.image_pull_policy.as_deref().unwrap_or("").is_empty() {
        c.image_pull_policy = Some(default_pull_policy(c.image.as_deref().unwrap_or("")).into());
    }
    if c.termination_message_path
        .as_deref()
        .unwrap_or("")
        .is_empty()
    {
        c.termination_message_path = Some("/dev/termination-log".into());
    }
    if c.termination_message_policy
        .as_deref()
        .unwrap_or("")
        .is_empty()
    {
        c.termination_message_policy = Some("File".into());
    }
    // Go serialises the (non-pointer) resources struct even when empty: `resources: {}`.
    c.resources.get_or_insert_with(Default::default);
    for p in c.ports.iter_mut().flatten() {
        if p.protocol.as_deref().unwrap_or("").is_empty() {
            p.protocol = Some("TCP".into());
        }
    }
    for e in c.env.iter_mut().flatten() {
        if let Some(f) = e.value_from.as_mut().and_then(|vf| vf.field_ref.as_mut()) {
            f.api_version.get_or_insert_with(|| "v1".into());
        }
    }
    for p in [
        c.liveness_probe.as_mut(),
        c.readiness_probe.as_mut(),
        c.startup_probe.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        default_probe(p);
    }
    if let Some(l) = c.lifecycle.as_mut() {
        default_lifecycle(l);
    }
}

fn default_probe(p: &mut Probe) {
    for (field, value) in [
        (&mut p.timeout_seconds, 1),
        (&mut p.period_seconds, 10),
        (&mut p.success_threshold, 1),
        (&mut p.failure_threshold, 3),
    ] {
        if field.unwrap_or(0) == 0 {
            *field = Some(value);
        }
    }
    if let Some(h) = p.http_get.as_mut() {
        default_http_get(h);
    }
    if let Some(g) = p.grpc.as_mut() {
        g.service.get_or_insert_with(String::new);
    }
}

fn default_lifecycle(l: &mut Lifecycle) {
    for h in [l.post_start.as_mut(), l.pre_stop.as_mut()]
        .into_iter()
        .flatten()
    {
        if let Some(g) = h.http_get.as_mut() {
            default_http_get(g);
        }
    }
}

fn default_http_get(h: &mut HTTPGetAction) {
    if h.path.as_deref().unwrap_or("").is_empty() {
        h.path = Some("/".into());
    }
    if h.scheme.as_deref().unwrap_or("").is_empty() {
        h.scheme = Some("HTTP".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_sources_are_the_serialised_fields_other_than_name() {
        use crate::admission::validation::pod::VOLUME_SOURCES;
        let setters: [fn(&mut Volume); 30] = [
            |v: &mut Volume| v.empty_dir = Some(Default::default()),
            |v: &mut Volume| v.host_path = Some(Default::default()),
            |v: &mut Volume| v.git_repo = Some(Default::default()),
            |v: &mut Volume| v.gce_persistent_disk = Some(Default::default()),
            |v: &mut Volume| v.aws_elastic_block_store = Some(Default::default()),
            |v: &mut Volume| v.secret = Some(Default::default()),
            |v: &mut Volume| v.nfs = Some(Default::default()),
            |v: &mut Volume| v.iscsi = Some(Default::default()),
            |v: &mut Volume| v.glusterfs = Some(Default::default()),
            |v: &mut Volume| v.flocker = Some(Default::default()),
            |v: &mut Volume| v.persistent_volume_claim = Some(Default::default()),
            |v: &mut Volume| v.rbd = Some(Default::default()),
            |v: &mut Volume| v.cinder = Some(Default::default()),
            |v: &mut Volume| v.cephfs = Some(Default::default()),
            |v: &mut Volume| v.quobyte = Some(Default::default()),
            |v: &mut Volume| v.downward_api = Some(Default::default()),
            |v: &mut Volume| v.fc = Some(Default::default()),
            |v: &mut Volume| v.flex_volume = Some(Default::default()),
            |v: &mut Volume| v.config_map = Some(Default::default()),
            |v: &mut Volume| v.azure_file = Some(Default::default()),
            |v: &mut Volume| v.vsphere_volume = Some(Default::default()),
            |v: &mut Volume| v.photon_persistent_disk = Some(Default::default()),
            |v: &mut Volume| v.portworx_volume = Some(Default::default()),
            |v: &mut Volume| v.azure_disk = Some(Default::default()),
            |v: &mut Volume| v.storageos = Some(Default::default()),
            |v: &mut Volume| v.projected = Some(Default::default()),
            |v: &mut Volume| v.scale_io = Some(Default::default()),
            |v: &mut Volume| v.csi = Some(Default::default()),
            |v: &mut Volume| v.ephemeral = Some(Default::default()),
            |v: &mut Volume| v.image = Some(Default::default()),
        ];
        let empty = Volume::default();
        assert!(!volume_sources(&empty).contains(&true));
        assert_eq!(
            serde_json::to_value(&empty).unwrap(),
            serde_json::json!({"name": ""})
        );
        for (i, set) in setters.iter().enumerate() {
            let mut v = Volume::default();
            set(&mut v);
            let json = serde_json::to_value(&v).unwrap();
            let keys: Vec<&String> = json
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| *k != "name")
                .collect();
            assert_eq!(keys, [VOLUME_SOURCES[i]]);
            let present = volume_sources(&v);
            assert!(
                present[i] && present.iter().filter(|p| **p).count() == 1,
                "{i}"
            );
        }
    }

    #[test]
    fn pull_policy_follows_the_tag_rule() {
        assert_eq!(default_pull_policy("nginx"), "Always");
        assert_eq!(default_pull_policy("nginx:latest"), "Always");
        assert_eq!(default_pull_policy("nginx:1.25"), "IfNotPresent");
        assert_eq!(
            default_pull_policy("registry.k8s.io/nginx-slim:0.24"),
            "IfNotPresent"
        );
        assert_eq!(default_pull_policy("localhost:5000/app"), "Always");
        assert_eq!(default_pull_policy("nginx@sha256:abcd"), "IfNotPresent");
        assert_eq!(default_pull_policy(""), "IfNotPresent");
        assert_eq!(default_pull_policy("NGINX"), "IfNotPresent");
    }

    #[test]
    fn probes_get_thresholds_and_http_defaults() {
        let mut c: Container = serde_json::from_value(serde_json::json!({
            "name": "a", "image": "x:1",
            "readinessProbe": {"httpGet": {"port": 80}}
        }))
        .unwrap();
        default_container(&mut c);
        assert_eq!(
            serde_json::to_value(c.readiness_probe.unwrap()).unwrap(),
            serde_json::json!({"failureThreshold": 3, "periodSeconds": 10, "successThreshold": 1,
                "timeoutSeconds": 1, "httpGet": {"path": "/", "port": 80, "scheme": "HTTP"}})
        );
    }

    #[test]
    fn volume_without_source_becomes_empty_dir() {
        let mut v = Volume {
            name: "data".into(),
            ..Default::default()
        };
        default_volume(&mut v);
        assert!(v.empty_dir.is_some());
    }

    #[test]
    fn pod_only_defaults_stay_off_templates() {
        let mut spec = PodSpec::default();
        default_pod_spec(&mut spec, false);
        assert_eq!(spec.enable_service_links, None);
        default_pod_spec(&mut spec, true);
        assert_eq!(spec.enable_service_links, Some(true));
    }
}
