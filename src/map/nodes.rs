//! One object of the cluster map read from its API type: a pod's row (ready containers,
//! the STATUS `kubectl get pods` prints, node, claims), a claim with the volume bound to
//! it, a volume, and the one-line summary of a Service.

use super::model::{ClaimNode, PodNode, VolumeNode};
use crate::api::Kind;
use crate::store::Store;
use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim, Pod, Service};
use std::collections::BTreeMap;

pub(super) fn pod_node(
    store: &Store,
    pod: &Pod,
    claims: &BTreeMap<&str, &PersistentVolumeClaim>,
) -> PodNode {
    let spec = pod.spec.as_ref();
    let total = spec.map_or(0, |s| s.containers.len());
    let ready = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .map_or(0, |cs| cs.iter().filter(|c| c.ready).count());
    let claim_names = spec
        .and_then(|s| s.volumes.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|v| v.persistent_volume_claim.as_ref())
        .map(|c| c.claim_name.as_str());
    PodNode {
        name: pod.metadata.name.clone().unwrap_or_default(),
        ready: format!("{ready}/{total}"),
        status: crate::printers::table::pod_status_reason(pod),
        node: spec
            .and_then(|s| s.node_name.clone())
            .filter(|n| !n.is_empty()),
        claims: claim_names
            .map(|name| match claims.get(name) {
                Some(c) => claim_node(store, c),
                None => ClaimNode {
                    name: name.to_string(),
                    phase: "not found".into(),
                    size: None,
                    volume: None,
                },
            })
            .collect(),
    }
}

pub(super) fn claim_node(store: &Store, claim: &PersistentVolumeClaim) -> ClaimNode {
    let status = claim.status.as_ref();
    let spec = claim.spec.as_ref();
    let volume_name = spec
        .and_then(|s| s.volume_name.as_deref())
        .filter(|v| !v.is_empty());
    let capacity = status
        .and_then(|s| s.capacity.as_ref())
        .and_then(|c| c.get("storage"))
        .map(|q| q.0.clone());
    let request = spec
        .and_then(|s| s.resources.as_ref())
        .and_then(|r| r.requests.as_ref())
        .and_then(|r| r.get("storage"))
        .map(|q| q.0.clone());
    ClaimNode {
        name: claim.metadata.name.clone().unwrap_or_default(),
        phase: status
            .and_then(|s| s.phase.clone())
            .unwrap_or_else(|| "Pending".into()),
        size: capacity.or(request),
        volume: volume_name.map(|name| {
            let key = crate::store::ObjKey::new(Kind::PersistentVolume, "", name);
            match store
                .get(&key)
                .and_then(|o| o.as_typed::<PersistentVolume>())
            {
                Some(pv) => volume_node(pv),
                None => VolumeNode {
                    name: name.to_string(),
                    phase: String::new(),
                    reclaim_policy: String::new(),
                    claim: None,
                },
            }
        }),
    }
}

pub(super) fn phase_of_volume(pv: &PersistentVolume) -> String {
    pv.status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_else(|| "Pending".into())
}

pub(super) fn volume_node(pv: &PersistentVolume) -> VolumeNode {
    let spec = pv.spec.as_ref();
    VolumeNode {
        name: pv.metadata.name.clone().unwrap_or_default(),
        phase: phase_of_volume(pv),
        reclaim_policy: spec
            .and_then(|s| s.persistent_volume_reclaim_policy.clone())
            .unwrap_or_default(),
        claim: spec
            .and_then(|s| s.claim_ref.as_ref())
            .and_then(|r| r.name.clone()),
    }
}

/// `headless, port 80`, `ClusterIP 10.96.0.10, ports 53/UDP, 53, 9153`,
/// `NodePort 10.96.5.4, port 80:30080`, `ExternalName db.example.com`.
pub(super) fn service_summary(svc: &Service) -> String {
    let Some(spec) = svc.spec.as_ref() else {
        return String::new();
    };
    let kind = spec.type_.as_deref().unwrap_or("ClusterIP");
    let ip = spec.cluster_ip.as_deref().unwrap_or("");
    let mut out = match kind {
        "ExternalName" => {
            return format!(
                "ExternalName {}",
                spec.external_name.as_deref().unwrap_or("")
            )
        }
        "ClusterIP" if ip == "None" => "headless".to_string(),
        _ if ip.is_empty() || ip == "None" => kind.to_string(),
        _ => format!("{kind} {ip}"),
    };
    let ports: Vec<String> = spec
        .ports
        .iter()
        .flatten()
        .map(|p| {
            let mut s = p.port.to_string();
            if let Some(n) = p.node_port {
                s.push_str(&format!(":{n}"));
            }
            match p.protocol.as_deref() {
                Some(proto) if proto != "TCP" => s.push_str(&format!("/{proto}")),
                _ => {}
            }
            s
        })
        .collect();
    match ports.len() {
        0 => {}
        1 => out.push_str(&format!(", port {}", ports[0])),
        _ => out.push_str(&format!(", ports {}", ports.join(", "))),
    }
    out
}
