//! Volume sources as describe prints them, for pod volumes (`Volumes:`) and a
//! PersistentVolume's `Source:`: the kinds a sandbox produces (PVC, projected
//! service-account token, configMap, secret, emptyDir, hostPath, downward API, local,
//! CSI, NFS); anything else prints upstream's `<unknown>`.

use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3};
use k8s_openapi::api::core::v1::{
    HostPathVolumeSource, LocalVolumeSource, NFSVolumeSource, ProjectedVolumeSource, Volume,
};

fn opt_bool(v: Option<bool>) -> String {
    match v {
        Some(b) => b.to_string(),
        None => "<nil>".into(),
    }
}

/// `describeVolumes`.
pub(crate) fn describe_volumes(w: &mut DescribeWriter, volumes: Option<&Vec<Volume>>, space: &str) {
    let volumes = volumes.map(|v| v.as_slice()).unwrap_or_default();
    if volumes.is_empty() {
        w.write(LEVEL_0, &format!("{space}Volumes:\t<none>\n"));
        return;
    }
    w.write(LEVEL_0, &format!("{space}Volumes:\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for v in volumes {
        w.write(LEVEL_1, &format!("{name_indent}{}:\n", v.name));
        if let Some(h) = &v.host_path {
            host_path(w, h);
        } else if let Some(e) = &v.empty_dir {
            let size = e
                .size_limit
                .as_ref()
                .filter(|q| crate::printers::quantity::parse(&q.0).is_some_and(|n| n > 0))
                .map(|q| q.0.clone())
                .unwrap_or_else(|| "<unset>".into());
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{size}\n",
                    e.medium.as_deref().unwrap_or("")
                ),
            );
        } else if let Some(s) = &v.secret {
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                    s.secret_name.as_deref().unwrap_or(""),
                    s.optional.unwrap_or(false)
                ),
            );
        } else if let Some(c) = &v.config_map {
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                    c.name,
                    c.optional.unwrap_or(false)
                ),
            );
        } else if let Some(n) = &v.nfs {
            nfs(w, n);
        } else if let Some(c) = &v.persistent_volume_claim {
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                    c.claim_name,
                    c.read_only.unwrap_or(false)
                ),
            );
        } else if let Some(d) = &v.downward_api {
            w.write(
                LEVEL_2,
                "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n",
            );
            for item in d.items.iter().flatten() {
                if let Some(f) = &item.field_ref {
                    w.write(LEVEL_3, &format!("{} -> {}\n", f.field_path, item.path));
                }
                if let Some(r) = &item.resource_field_ref {
                    w.write(LEVEL_3, &format!("{} -> {}\n", r.resource, item.path));
                }
            }
        } else if let Some(p) = &v.projected {
            projected(w, p);
        } else if let Some(c) = &v.csi {
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{}\n    FSType:\t{}\n    ReadOnly:\t{}\n",
                    c.driver,
                    c.fs_type.as_deref().unwrap_or(""),
                    c.read_only.unwrap_or(false)
                ),
            );
            csi_attributes(w, c.volume_attributes.as_ref());
        } else {
            w.write(LEVEL_1, "<unknown>\n");
        }
    }
}

pub(crate) fn host_path(w: &mut DescribeWriter, h: &HostPathVolumeSource) {
    w.write(
        LEVEL_2,
        &format!(
            "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{}\n",
            h.path,
            h.type_.as_deref().unwrap_or("<none>")
        ),
    );
}

pub(crate) fn nfs(w: &mut DescribeWriter, n: &NFSVolumeSource) {
    w.write(
        LEVEL_2,
        &format!(
            "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t{}\n    Path:\t{}\n    ReadOnly:\t{}\n",
            n.server,
            n.path,
            n.read_only.unwrap_or(false)
        ),
    );
}

pub(crate) fn local(w: &mut DescribeWriter, l: &LocalVolumeSource) {
    w.write(
        LEVEL_2,
        &format!(
            "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t{}\n",
            l.path
        ),
    );
}

/// `printCSIPersistentVolumeAttributesMultiline`: `VolumeAttributes:` and `k=v` lines.
pub(crate) fn csi_attributes(
    w: &mut DescribeWriter,
    attrs: Option<&std::collections::BTreeMap<String, String>>,
) {
    let attrs: Vec<_> = attrs.into_iter().flatten().collect();
    w.write(LEVEL_2, "VolumeAttributes:\t");
    if attrs.is_empty() {
        w.write_line("<none>");
        return;
    }
    for (i, (k, v)) in attrs.into_iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_2, "\t");
        }
        w.write(LEVEL_0, &format!("{k}={v}\n"));
    }
}

/// `printProjectedVolumeSource`: one block per source, in order.
fn projected(w: &mut DescribeWriter, p: &ProjectedVolumeSource) {
    w.write(
        LEVEL_2,
        "Type:\tProjected (a volume that contains injected data from multiple sources)\n",
    );
    for s in p.sources.iter().flatten() {
        if let Some(sec) = &s.secret {
            w.write(
                LEVEL_2,
                &format!(
                    "SecretName:\t{}\n    SecretOptionalName:\t{}\n",
                    sec.name,
                    opt_bool(sec.optional)
                ),
            );
        } else if s.downward_api.is_some() {
            w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
        } else if let Some(cm) = &s.config_map {
            w.write(
                LEVEL_2,
                &format!(
                    "ConfigMapName:\t{}\n    ConfigMapOptional:\t{}\n",
                    cm.name,
                    opt_bool(cm.optional)
                ),
            );
        } else if let Some(t) = &s.service_account_token {
            w.write(
                LEVEL_2,
                &format!(
                    "TokenExpirationSeconds:\t{}\n",
                    t.expiration_seconds.unwrap_or(3600)
                ),
            );
        }
    }
}
