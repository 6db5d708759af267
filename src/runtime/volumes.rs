//! Which data a container's mounts show, and where that data lives.
//!
//! A volume's identity decides how long its data lives:
//! - a `persistentVolumeClaim` volume is keyed by the PersistentVolume bound to the claim,
//!   so the data follows the claim across pod replacement and StatefulSet delete and
//!   re-apply, is shared by every pod using the claim, and goes when the PV is deleted;
//!   its capacity is the PV's;
//! - `emptyDir` lives as long as its pod (by pod uid and volume name), `sizeLimit` bounds it;
//! - `hostPath` (and `local`) by node and path;
//! - `configMap`, `secret`, `downwardAPI` and `projected` volumes are rebuilt read-only
//!   from their objects each time a container is entered, with the kubelet's
//!   `..data` symlink layout.

use super::fs::path::components;
use super::fs::view::Mount;
use super::fs::{Body, Inode, Volume};
use crate::api::time::Millis;
use crate::api::Kind;
use crate::store::{ObjKey, Store};
use k8s_openapi::api::core::v1::{
    ConfigMap, Container, KeyToPath, PersistentVolume, PersistentVolumeClaim, Pod, Secret,
};

/// Where one volume's data lives in the runtime.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VolumeId {
    /// A container's writable layer: new for every container instance.
    Root {
        pod_uid: String,
        container: String,
        instance: String,
    },
    /// The PersistentVolume bound to a claim.
    Pv(String),
    EmptyDir {
        pod_uid: String,
        name: String,
    },
    HostPath {
        node: String,
        path: String,
    },
    /// configMap, secret, downwardAPI, projected: rebuilt from objects.
    Projected {
        pod_uid: String,
        name: String,
    },
}

impl VolumeId {
    /// The pod whose lifetime bounds this volume's data, if any.
    pub fn pod_uid(&self) -> Option<&str> {
        match self {
            VolumeId::Root { pod_uid, .. }
            | VolumeId::EmptyDir { pod_uid, .. }
            | VolumeId::Projected { pod_uid, .. } => Some(pod_uid),
            _ => None,
        }
    }
}

/// The host disk the kind node's files live on, as `mount` and `df` show it.
pub const HOST_DISK: &str = "/dev/sda1";

/// A mount to set up, with what its volume needs when it does not exist yet.
pub struct Planned {
    pub mount: Mount,
    pub capacity: Option<u64>,
    /// Files of a projected volume (path, contents, mode), rebuilt on every entry.
    pub projected: Option<Vec<(String, String, u32)>>,
    /// A `subPath` into a projected volume: the kubelet bind-mounts the file as it was
    /// when the container started, so it is built once and never refreshed.
    pub snapshot: bool,
}

fn quantity_to_bytes(q: &str) -> Option<u64> {
    crate::controllers::volume::quantity_bytes(q).map(|b| b.max(0.0) as u64)
}

/// The mounts of `container` in `pod`, in the order the kubelet mounts them.
pub fn plan(store: &Store, pod: &Pod, container: &Container) -> Vec<Planned> {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let uid = pod.metadata.uid.clone().unwrap_or_default();
    let spec = pod.spec.clone().unwrap_or_default();
    let node = spec.node_name.clone().unwrap_or_default();
    let mut out = Vec::new();
    for vm in container.volume_mounts.iter().flatten() {
        let Some(vol) = spec.volumes.iter().flatten().find(|v| v.name == vm.name) else {
            continue;
        };
        let Ok(at) = components("/", &vm.mount_path) else {
            continue;
        };
        let sub: Vec<String> = vm
            .sub_path
            .as_deref()
            .and_then(|s| components("/", s).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c != ".." && c != ".")
            .collect();
        let mut read_only = vm.read_only == Some(true);
        let mut capacity = None;
        let mut projected = None;
        let (volume, source, fstype) = if let Some(c) = &vol.persistent_volume_claim {
            read_only |= c.read_only == Some(true);
            let Some(pvc) = store
                .get(&ObjKey::new(
                    Kind::PersistentVolumeClaim,
                    &ns,
                    &c.claim_name,
                ))
                .and_then(|o| o.as_typed::<PersistentVolumeClaim>().cloned())
            else {
                continue;
            };
            let Some(pv_name) = pvc.spec.as_ref().and_then(|s| s.volume_name.clone()) else {
                continue;
            };
            capacity = store
                .get(&ObjKey::new(Kind::PersistentVolume, "", &pv_name))
                .and_then(|o| o.as_typed::<PersistentVolume>().cloned())
                .and_then(|pv| pv.spec?.capacity?.get("storage").cloned())
                .and_then(|q| quantity_to_bytes(&q.0));
            (VolumeId::Pv(pv_name), HOST_DISK.to_string(), "ext4")
        } else if let Some(e) = &vol.empty_dir {
            capacity = e.size_limit.as_ref().and_then(|q| quantity_to_bytes(&q.0));
            let memory = e.medium.as_deref() == Some("Memory");
            (
                VolumeId::EmptyDir {
                    pod_uid: uid.clone(),
                    name: vol.name.clone(),
                },
                if memory { "tmpfs" } else { HOST_DISK }.to_string(),
                if memory { "tmpfs" } else { "ext4" },
            )
        } else if let Some(h) = &vol.host_path {
            (
                VolumeId::HostPath {
                    node: node.clone(),
                    path: h.path.clone(),
                },
                HOST_DISK.to_string(),
                "ext4",
            )
        } else {
            let Some(files) = projected_files(store, pod, &vol.name) else {
                continue;
            };
            read_only = true;
            projected = Some(files);
            let tmpfs = vol.config_map.is_none();
            let name = if sub.is_empty() {
                vol.name.clone()
            } else {
                format!("{}:{}:{}", vol.name, container.name, vm.mount_path)
            };
            (
                VolumeId::Projected {
                    pod_uid: uid.clone(),
                    name,
                },
                if tmpfs { "tmpfs" } else { HOST_DISK }.to_string(),
                if tmpfs { "tmpfs" } else { "ext4" },
            )
        };
        let snapshot = projected.is_some() && !sub.is_empty();
        out.push(Planned {
            snapshot,
            mount: Mount {
                at,
                volume,
                sub,
                read_only,
                source,
                fstype,
            },
            capacity,
            projected,
        });
    }
    out
}

fn items_or_all(
    keys: impl Iterator<Item = String>,
    items: Option<&Vec<KeyToPath>>,
) -> Vec<(String, String, Option<i32>)> {
    match items {
        Some(items) if !items.is_empty() => items
            .iter()
            .map(|i| (i.key.clone(), i.path.clone(), i.mode))
            .collect(),
        _ => keys.map(|k| (k.clone(), k, None)).collect(),
    }
}

fn config_map(store: &Store, ns: &str, name: &str) -> Option<ConfigMap> {
    store
        .get(&ObjKey::new(Kind::ConfigMap, ns, name))
        .and_then(|o| o.as_typed::<ConfigMap>().cloned())
}

fn secret(store: &Store, ns: &str, name: &str) -> Option<Secret> {
    store
        .get(&ObjKey::new(Kind::Secret, ns, name))
        .and_then(|o| o.as_typed::<Secret>().cloned())
}

fn secret_value(s: &Secret, key: &str) -> Option<String> {
    if let Some(v) = s.data.as_ref().and_then(|d| d.get(key)) {
        return Some(String::from_utf8_lossy(&v.0).into_owned());
    }
    s.string_data.as_ref().and_then(|d| d.get(key)).cloned()
}

/// The value of a downward API field (`metadata.name`, `status.podIP`, ...).
pub fn field_value(pod: &Pod, path: &str) -> Option<String> {
    let meta = &pod.metadata;
    let spec = pod.spec.as_ref();
    let status = pod.status.as_ref();
    let map_lines = |m: Option<&std::collections::BTreeMap<String, String>>| {
        m.map(|m| {
            m.iter()
                .map(|(k, v)| format!("{k}=\"{v}\""))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
    };
    if let Some(rest) = path.strip_prefix("metadata.labels['") {
        let key = rest.trim_end_matches("']");
        return meta.labels.as_ref().and_then(|l| l.get(key)).cloned();
    }
    if let Some(rest) = path.strip_prefix("metadata.annotations['") {
        let key = rest.trim_end_matches("']");
        return meta.annotations.as_ref().and_then(|l| l.get(key)).cloned();
    }
    Some(match path {
        "metadata.name" => meta.name.clone()?,
        "metadata.namespace" => meta.namespace.clone()?,
        "metadata.uid" => meta.uid.clone()?,
        "metadata.labels" => map_lines(meta.labels.as_ref()),
        "metadata.annotations" => map_lines(meta.annotations.as_ref()),
        "spec.nodeName" => spec?.node_name.clone()?,
        "spec.serviceAccountName" => spec?.service_account_name.clone()?,
        "status.podIP" => status?.pod_ip.clone()?,
        "status.hostIP" => status?.host_ip.clone()?,
        "status.podIPs" => status?.pod_ip.clone()?,
        "status.hostIPs" => status?.host_ip.clone()?,
        _ => return None,
    })
}

/// A service account token: a JWT-shaped string, the same for the same pod.
fn token(pod: &Pod) -> String {
    let uid = pod.metadata.uid.clone().unwrap_or_default();
    let h = crate::cluster::ids::fnv32a(uid.as_bytes());
    let body: String = (0..24u32)
        .map(|i| {
            format!(
                "{:08x}",
                crate::cluster::ids::fnv32a(&(h ^ i).to_be_bytes())
            )
        })
        .collect();
    format!("eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.{body}.{}", &body[..86])
}

const CA_CERT: &str = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIZk1jN2E5ZDQwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNTAzMDMwOTUwMDBaFw0zNTAzMDEwOTU1MDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\nAoIBAQC3a2t1YmV0dXRvci1zaW11bGF0ZWQtY2x1c3Rlci1jYS1ub3QtYS1yZWFs\nLWtleQ==\n-----END CERTIFICATE-----\n";

/// The files of a configMap/secret/downwardAPI/projected volume, or None when the
/// volume is of another type (or its object is missing and not optional).
fn projected_files(store: &Store, pod: &Pod, volume: &str) -> Option<Vec<(String, String, u32)>> {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let vol = pod
        .spec
        .as_ref()?
        .volumes
        .iter()
        .flatten()
        .find(|v| v.name == volume)?;
    let mut files = Vec::new();
    let mode_of = |m: Option<i32>, default: Option<i32>| m.or(default).unwrap_or(0o644) as u32;
    if let Some(c) = &vol.config_map {
        let default = c.default_mode;
        if let Some(cm) = config_map(store, &ns, &c.name) {
            let data = cm.data.clone().unwrap_or_default();
            for (k, p, m) in items_or_all(data.keys().cloned(), c.items.as_ref()) {
                if let Some(v) = data.get(&k) {
                    files.push((p, v.clone(), mode_of(m, default)));
                }
            }
        }
        return Some(files);
    }
    if let Some(s) = &vol.secret {
        let default = s.default_mode;
        if let Some(sec) = s.secret_name.as_deref().and_then(|n| secret(store, &ns, n)) {
            let keys: Vec<String> = sec
                .data
                .iter()
                .flat_map(|d| d.keys().cloned())
                .chain(sec.string_data.iter().flat_map(|d| d.keys().cloned()))
                .collect();
            for (k, p, m) in items_or_all(keys.into_iter(), s.items.as_ref()) {
                if let Some(v) = secret_value(&sec, &k) {
                    files.push((p, v, mode_of(m, default)));
                }
            }
        }
        return Some(files);
    }
    if let Some(d) = &vol.downward_api {
        for item in d.items.iter().flatten() {
            if let Some(f) = &item.field_ref {
                let v = field_value(pod, &f.field_path).unwrap_or_default();
                files.push((item.path.clone(), v, mode_of(item.mode, d.default_mode)));
            }
        }
        return Some(files);
    }
    if let Some(p) = &vol.projected {
        let default = p.default_mode;
        for src in p.sources.iter().flatten() {
            if let Some(t) = &src.service_account_token {
                files.push((t.path.clone(), token(pod), mode_of(None, default)));
            }
            if let Some(c) = &src.config_map {
                if c.name == "kube-root-ca.crt" && config_map(store, &ns, &c.name).is_none() {
                    files.push(("ca.crt".into(), CA_CERT.into(), mode_of(None, default)));
                    continue;
                }
                if let Some(cm) = config_map(store, &ns, &c.name) {
                    let data = cm.data.clone().unwrap_or_default();
                    for (k, p, m) in items_or_all(data.keys().cloned(), c.items.as_ref()) {
                        if let Some(v) = data.get(&k) {
                            files.push((p, v.clone(), mode_of(m, default)));
                        }
                    }
                }
            }
            if let Some(s) = &src.secret {
                if let Some(sec) = secret(store, &ns, &s.name) {
                    let keys: Vec<String> =
                        sec.data.iter().flat_map(|d| d.keys().cloned()).collect();
                    for (k, p, m) in items_or_all(keys.into_iter(), s.items.as_ref()) {
                        if let Some(v) = secret_value(&sec, &k) {
                            files.push((p, v, mode_of(m, default)));
                        }
                    }
                }
            }
            if let Some(d) = &src.downward_api {
                for item in d.items.iter().flatten() {
                    if let Some(f) = &item.field_ref {
                        let v = field_value(pod, &f.field_path).unwrap_or_default();
                        files.push((item.path.clone(), v, mode_of(item.mode, default)));
                    }
                }
            }
        }
        return Some(files);
    }
    None
}

/// Lay out projected files as the kubelet's atomic writer does: the files live in a
/// timestamped directory, `..data` points at it, and each top-level name is a link
/// through `..data`.
pub fn build_projected(files: &[(String, String, u32)], written_at: Millis) -> Volume {
    let mut v = Volume::new(None, written_at);
    let stamp = k8s_openapi::jiff::fmt::strtime::format(
        "%Y_%m_%d_%H_%M_%S",
        crate::api::time::to_timestamp(written_at),
    )
    .unwrap_or_default();
    let digits = crate::cluster::ids::fnv32a(stamp.as_bytes()) % 1_000_000_000;
    let dir = format!("..{stamp}.{digits:09}");
    v.seed(&format!("/{dir}"), Inode::dir(0o755, written_at));
    let mut tops: Vec<String> = Vec::new();
    for (path, data, mode) in files {
        let clean: Vec<&str> = path
            .split('/')
            .filter(|c| !c.is_empty() && *c != "." && *c != "..")
            .collect();
        let Some(top) = clean.first() else { continue };
        v.seed(
            &format!("/{dir}/{}", clean.join("/")),
            Inode::file(data, *mode & 0o7777, written_at),
        );
        if !tops.iter().any(|t| t == top) {
            tops.push(top.to_string());
        }
    }
    let link = |target: String| Inode {
        body: Body::Symlink(target),
        mode: 0o777,
        uid: 0,
        gid: 0,
        mtime: written_at,
    };
    v.seed("/..data", link(dir.clone()));
    for top in tops {
        v.seed(&format!("/{top}"), link(format!("..data/{top}")));
    }
    v.recount();
    v.read_only = true;
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projected_layout_has_data_links() {
        let v = build_projected(&[("ca.crt".into(), "x".into(), 0o644)], 0);
        let root = v.get(&[]).unwrap();
        let Body::Dir(e) = &root.body else { panic!() };
        let names: Vec<&String> = e.keys().collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(matches!(&e["..data"].body, Body::Symlink(t) if t.starts_with("..1970_01_01")));
        assert!(matches!(&e["ca.crt"].body, Body::Symlink(t) if t == "..data/ca.crt"));
        assert!(v.read_only);
    }
}
