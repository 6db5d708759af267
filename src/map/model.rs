//! The cluster map's model, read from the store: per namespace, each Service with a
//! selector over the workloads and pods it selects, each pod over the claims it mounts
//! and each claim over the volume bound to it; then what no Service selects, claims no
//! pod mounts, and volumes without a claim. The renderers ([`super::text`],
//! [`super::graph`]) only draw this; they never read the store.

use super::nodes::{claim_node, phase_of_volume, pod_node, service_summary, volume_node};
use crate::api::{Kind, Object};
use crate::store::Store;
use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim, Pod, Service};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use std::collections::{BTreeMap, BTreeSet};

/// Which namespaces a map covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Namespace(String),
    /// Every namespace that holds a pod, a Service or a claim.
    All,
}

/// The whole picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClusterMap {
    pub namespaces: Vec<NamespaceMap>,
    /// Volumes no claim has bound yet (`Available`), cluster-wide.
    pub free_volumes: Vec<VolumeNode>,
}

/// One namespace of the picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamespaceMap {
    pub name: String,
    /// Services with a selector, by name.
    pub services: Vec<ServiceNode>,
    /// Workloads and pods no Service selects.
    pub unselected: Members,
    /// Claims no pod mounts (kept after a scale-down, or waiting for a pod).
    pub loose_claims: Vec<ClaimNode>,
    /// Volumes whose claim in this namespace is gone (`Released`).
    pub released_volumes: Vec<VolumeNode>,
    /// Services without a selector (`kubernetes`, ExternalName ...), by name.
    pub selectorless: Vec<ServiceNode>,
}

impl NamespaceMap {
    /// Nothing but selectorless Services.
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
            && self.unselected.is_empty()
            && self.loose_claims.is_empty()
            && self.released_volumes.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServiceNode {
    pub name: String,
    /// `headless, port 80` / `ClusterIP 10.96.0.10, ports 53/UDP, 53, 9153`.
    pub summary: String,
    /// `app=nginx`; None without a selector.
    pub selector: Option<String>,
    pub members: Members,
}

/// What hangs under a Service (or under "not selected by any Service").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Members {
    /// The controllers owning the pods, by kind then name.
    pub workloads: Vec<WorkloadNode>,
    /// Pods no controller owns, by name.
    pub pods: Vec<PodNode>,
}

impl Members {
    pub fn is_empty(&self) -> bool {
        self.workloads.is_empty() && self.pods.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorkloadNode {
    /// kubectl's short name of the kind: `sts`, `deploy`, `rs`, `ds`, `job` ...
    pub kind: String,
    pub name: String,
    pub ready: i32,
    pub desired: i32,
    /// In ordinal order (`web-2` before `web-10`).
    pub pods: Vec<PodNode>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PodNode {
    pub name: String,
    /// `1/1`: ready containers over containers.
    pub ready: String,
    /// The STATUS column of `kubectl get pods`.
    pub status: String,
    pub node: Option<String>,
    pub claims: Vec<ClaimNode>,
}

/// How a status reads at a glance (its colour on a terminal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Waiting,
    Bad,
    Gone,
}

impl PodNode {
    pub fn tone(&self) -> Tone {
        let all_ready = self
            .ready
            .split_once('/')
            .is_some_and(|(r, t)| r == t && t != "0");
        match self.status.as_str() {
            "Running" if all_ready => Tone::Good,
            "Running" | "Pending" | "ContainerCreating" | "PodInitializing" => Tone::Waiting,
            s if s.starts_with("Init:") && !s.contains("Err") && !s.contains("BackOff") => {
                Tone::Waiting
            }
            "Terminating" | "Completed" | "Succeeded" => Tone::Gone,
            _ => Tone::Bad,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimNode {
    pub name: String,
    /// `Bound`, `Pending`, `Lost`, or `not found` (a pod names a missing claim).
    pub phase: String,
    /// The bound capacity, or the request while unbound.
    pub size: Option<String>,
    pub volume: Option<VolumeNode>,
}

impl ClaimNode {
    pub fn tone(&self) -> Tone {
        match self.phase.as_str() {
            "Bound" => Tone::Good,
            "Pending" => Tone::Waiting,
            _ => Tone::Bad,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct VolumeNode {
    pub name: String,
    /// `Bound`, `Released`, `Available`, `Failed`; empty when the volume is missing.
    pub phase: String,
    pub reclaim_policy: String,
    /// The claim a released volume belonged to.
    pub claim: Option<String>,
}

/// Reads the map of `scope` from the store.
pub fn build(store: &Store, scope: &Scope) -> ClusterMap {
    let namespaces: Vec<String> = match scope {
        Scope::Namespace(ns) => vec![ns.clone()],
        Scope::All => store
            .list(Kind::Namespace, None)
            .map(|o| o.name().to_string())
            .filter(|ns| {
                [Kind::Pod, Kind::Service, Kind::PersistentVolumeClaim]
                    .iter()
                    .any(|k| store.list(*k, Some(ns)).next().is_some())
            })
            .collect(),
    };
    let free_volumes = typed::<PersistentVolume>(store, Kind::PersistentVolume, None)
        .filter(|pv| phase_of_volume(pv) == "Available")
        .map(volume_node)
        .collect();
    ClusterMap {
        namespaces: namespaces
            .iter()
            .map(|ns| build_namespace(store, ns))
            .collect(),
        free_volumes,
    }
}

fn typed<'a, T: crate::api::object::Typed + 'a>(
    store: &'a Store,
    kind: Kind,
    namespace: Option<&str>,
) -> impl Iterator<Item = &'a T> + 'a {
    store
        .list(kind, namespace)
        .filter_map(|o| o.as_typed::<T>())
}

/// A workload's identity: its short kind and name. Orders StatefulSets first.
type WorkloadKey = (u8, String, String);

fn workload_key(kind: &str, name: &str) -> WorkloadKey {
    let rank = match kind {
        "sts" => 0,
        "deploy" => 1,
        "rs" => 2,
        _ => 3,
    };
    (rank, kind.to_string(), name.to_string())
}

/// What a stored controller says about itself.
struct WorkloadInfo {
    ready: i32,
    desired: i32,
    template_labels: BTreeMap<String, String>,
}

/// One pod, read once.
struct PodInfo<'a> {
    pod: &'a Pod,
    owner: Option<WorkloadKey>,
    node: PodNode,
}

fn build_namespace(store: &Store, ns: &str) -> NamespaceMap {
    let workloads = stored_workloads(store, ns);
    let claims: BTreeMap<&str, &PersistentVolumeClaim> =
        typed::<PersistentVolumeClaim>(store, Kind::PersistentVolumeClaim, Some(ns))
            .map(|c| (c.metadata.name.as_deref().unwrap_or(""), c))
            .collect();
    let mut pods: Vec<PodInfo> = typed::<Pod>(store, Kind::Pod, Some(ns))
        .map(|pod| PodInfo {
            pod,
            owner: owner_of(store, ns, pod),
            node: pod_node(store, pod, &claims),
        })
        .collect();
    pods.sort_by_key(|p| natural_key(&p.node.name));

    let mut map = NamespaceMap {
        name: ns.to_string(),
        ..Default::default()
    };
    let mut selected = BTreeSet::new();
    let mut placed_workloads = BTreeSet::new();
    for svc in typed::<Service>(store, Kind::Service, Some(ns)) {
        let selector = svc
            .spec
            .as_ref()
            .and_then(|s| s.selector.as_ref())
            .filter(|s| !s.is_empty());
        let mut node = ServiceNode {
            name: svc.metadata.name.clone().unwrap_or_default(),
            summary: service_summary(svc),
            selector: selector.map(|s| {
                s.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            members: Members::default(),
        };
        let Some(selector) = selector else {
            map.selectorless.push(node);
            continue;
        };
        let matches = |labels: Option<&BTreeMap<String, String>>| {
            selector
                .iter()
                .all(|(k, v)| labels.and_then(|l| l.get(k)) == Some(v))
        };
        let chosen: Vec<usize> = (0..pods.len())
            .filter(|&i| matches(pods[i].pod.metadata.labels.as_ref()))
            .collect();
        selected.extend(chosen.iter().copied());
        // A controller whose pods this Service would select is drawn under it even
        // while it has no pods (scaled to zero, or not created yet).
        let extra: Vec<WorkloadKey> = workloads
            .iter()
            .filter(|(_, w)| matches(Some(&w.template_labels)))
            .map(|(k, _)| k.clone())
            .collect();
        placed_workloads.extend(extra.iter().cloned());
        node.members = group(&pods, &chosen, &workloads, &extra);
        for w in &node.members.workloads {
            placed_workloads.insert(workload_key(&w.kind, &w.name));
        }
        map.services.push(node);
    }
    let rest: Vec<usize> = (0..pods.len()).filter(|i| !selected.contains(i)).collect();
    let unplaced: Vec<WorkloadKey> = workloads
        .keys()
        .filter(|k| !placed_workloads.contains(*k))
        .cloned()
        .collect();
    map.unselected = group(&pods, &rest, &workloads, &unplaced);

    let mounted: BTreeSet<&str> = pods
        .iter()
        .flat_map(|p| p.node.claims.iter().map(|c| c.name.as_str()))
        .collect();
    let mut loose: Vec<ClaimNode> = claims
        .values()
        .filter(|c| !mounted.contains(c.metadata.name.as_deref().unwrap_or("")))
        .map(|c| claim_node(store, c))
        .collect();
    loose.sort_by_key(|c| natural_key(&c.name));
    map.loose_claims = loose;
    map.released_volumes = typed::<PersistentVolume>(store, Kind::PersistentVolume, None)
        .filter(|pv| {
            let claim_ref = pv.spec.as_ref().and_then(|s| s.claim_ref.as_ref());
            claim_ref.is_some_and(|r| {
                r.namespace.as_deref() == Some(ns)
                    && !claims
                        .get(r.name.as_deref().unwrap_or(""))
                        .is_some_and(|c| {
                            r.uid.is_none() || c.metadata.uid.as_deref() == r.uid.as_deref()
                        })
            })
        })
        .map(volume_node)
        .collect();
    map
}

/// StatefulSets, Deployments and the ReplicaSets no Deployment owns.
fn stored_workloads(store: &Store, ns: &str) -> BTreeMap<WorkloadKey, WorkloadInfo> {
    let mut out = BTreeMap::new();
    let mut add = |kind: &str,
                   meta: &ObjectMeta,
                   ready: Option<i32>,
                   desired: Option<i32>,
                   template: Option<&ObjectMeta>| {
        out.insert(
            workload_key(kind, meta.name.as_deref().unwrap_or("")),
            WorkloadInfo {
                ready: ready.unwrap_or(0),
                desired: desired.unwrap_or(1),
                template_labels: template.and_then(|m| m.labels.clone()).unwrap_or_default(),
            },
        );
    };
    for s in typed::<StatefulSet>(store, Kind::StatefulSet, Some(ns)) {
        let spec = s.spec.as_ref();
        add(
            "sts",
            &s.metadata,
            s.status.as_ref().and_then(|s| s.ready_replicas),
            spec.and_then(|s| s.replicas),
            spec.and_then(|s| s.template.metadata.as_ref()),
        );
    }
    for d in typed::<Deployment>(store, Kind::Deployment, Some(ns)) {
        let spec = d.spec.as_ref();
        add(
            "deploy",
            &d.metadata,
            d.status.as_ref().and_then(|s| s.ready_replicas),
            spec.and_then(|s| s.replicas),
            spec.and_then(|s| s.template.metadata.as_ref()),
        );
    }
    for r in typed::<ReplicaSet>(store, Kind::ReplicaSet, Some(ns)) {
        if controller_ref(&r.metadata).is_some() {
            continue;
        }
        let spec = r.spec.as_ref();
        add(
            "rs",
            &r.metadata,
            r.status.as_ref().and_then(|s| s.ready_replicas),
            spec.and_then(|s| s.replicas),
            spec.and_then(|s| s.template.as_ref())
                .and_then(|t| t.metadata.as_ref()),
        );
    }
    out
}

fn controller_ref(meta: &ObjectMeta) -> Option<(&str, &str)> {
    meta.owner_references
        .as_ref()?
        .iter()
        .find(|r| r.controller == Some(true))
        .map(|r| (r.kind.as_str(), r.name.as_str()))
}

/// The workload that owns a pod: a Deployment through its ReplicaSet.
fn owner_of(store: &Store, ns: &str, pod: &Pod) -> Option<WorkloadKey> {
    let (kind, name) = controller_ref(&pod.metadata)?;
    let short = match kind {
        "StatefulSet" => "sts",
        "ReplicaSet" => {
            let rs = store.get(&crate::store::ObjKey::new(Kind::ReplicaSet, ns, name));
            if let Some(Object::ReplicaSet(rs)) = rs.map(|o| o.as_ref()) {
                if let Some(("Deployment", dep)) = controller_ref(&rs.metadata) {
                    return Some(workload_key("deploy", dep));
                }
            }
            "rs"
        }
        "DaemonSet" => "ds",
        "Job" => "job",
        "ReplicationController" => "rc",
        other => return Some(workload_key(&other.to_ascii_lowercase(), name)),
    };
    Some(workload_key(short, name))
}

/// The pods at `chosen` grouped under their owners, plus the `extra` workloads even
/// when none of their pods is chosen.
fn group(
    pods: &[PodInfo],
    chosen: &[usize],
    workloads: &BTreeMap<WorkloadKey, WorkloadInfo>,
    extra: &[WorkloadKey],
) -> Members {
    let mut by_owner: BTreeMap<WorkloadKey, Vec<PodNode>> = BTreeMap::new();
    for k in extra {
        by_owner.entry(k.clone()).or_default();
    }
    let mut bare = Vec::new();
    for &i in chosen {
        match &pods[i].owner {
            Some(k) => by_owner
                .entry(k.clone())
                .or_default()
                .push(pods[i].node.clone()),
            None => bare.push(pods[i].node.clone()),
        }
    }
    let workloads = by_owner
        .into_iter()
        .map(|(key, pods)| {
            let (ready, desired) = match workloads.get(&key) {
                Some(w) => (w.ready, w.desired),
                // A controller the sandbox does not store (kind's DaemonSets): count
                // its pods.
                None => (
                    pods.iter().filter(|p| p.tone() == Tone::Good).count() as i32,
                    pods.len() as i32,
                ),
            };
            WorkloadNode {
                kind: key.1,
                name: key.2,
                ready,
                desired,
                pods,
            }
        })
        .collect();
    Members {
        workloads,
        pods: bare,
    }
}

/// Sorts names the way a person counts: `web-2` before `web-10`.
pub fn natural_key(name: &str) -> (String, u64, String) {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, num) = name.split_at(name.len() - digits);
    match num.parse::<u64>() {
        Ok(n) => (stem.to_string(), n, name.to_string()),
        Err(_) => (name.to_string(), 0, name.to_string()),
    }
}
