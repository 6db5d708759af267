//! The scheduler: places pods that have no node. Filters nodes (ready, schedulable, taints
//! tolerated, nodeSelector, volume node affinity, claims that exist and are not being
//! deleted), scores the rest by how few pods they run, and binds. For claims of a
//! WaitForFirstConsumer class it first picks a node, annotates the claims with it
//! (`volume.kubernetes.io/selected-node`), and binds the pod once the claims are bound,
//! as the volume binding plugin does. Pods it cannot place get `FailedScheduling` events
//! naming each reason.

use crate::api::text::concat;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Involved, Source};
use crate::cluster::Ctx;
use crate::store::{ObjKey, Store, WatchEvent};
use k8s_openapi::api::core::v1::{
    Node, PersistentVolume, PersistentVolumeClaim, Pod, PodSpec, Taint, Toleration,
};
use k8s_openapi::api::storage::v1::StorageClass;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;

pub const SELECTED_NODE: &str = "volume.kubernetes.io/selected-node";
const COMPONENT: &str = "default-scheduler";
/// How long the scheduler retries an unschedulable pod when nothing else changes.
const RETRY_MS: Millis = 60_000;

#[derive(Clone, Debug, Default)]
pub struct Scheduler {
    /// Pods waiting for their WaitForFirstConsumer claims to bind: pod -> chosen node.
    assumed: FxHashMap<ObjKey, String>,
    /// Claim -> pods waiting on it, and pod -> the claims it waits on.
    waiting_on_claim: FxHashMap<ObjKey, Vec<ObjKey>>,
    claims_of_pod: FxHashMap<ObjKey, Vec<ObjKey>>,
    /// Pods bound to each node (the scheduler cache), and where each pod is.
    node_load: FxHashMap<String, usize>,
    pod_node: FxHashMap<ObjKey, String>,
    /// Pods assumed onto each node while their volumes are provisioned.
    assumed_load: FxHashMap<String, usize>,
    /// Pods that could not be placed, retried when nodes or claims change.
    unschedulable: BTreeMap<ObjKey, ()>,
    /// The nodes' keys in list order, read from the store again after any node event
    /// (until then not `nodes_fresh`): listing a kind costs far more than getting a few
    /// objects by key.
    node_keys: Vec<ObjKey>,
    nodes_fresh: bool,
}

fn pod_claims(pod: &Pod) -> impl Iterator<Item = &str> {
    pod.spec
        .iter()
        .flat_map(|s| s.volumes.iter().flatten())
        .filter_map(|v| {
            v.persistent_volume_claim
                .as_ref()
                .map(|c| c.claim_name.as_str())
        })
}

fn tolerates(tolerations: &[Toleration], taint: &Taint) -> bool {
    tolerations.iter().any(|t| tolerates_taint(t, taint))
}

/// Upstream's `ToleratesTaint`: a toleration matches a taint by key (an empty key with
/// `Exists` matches every key), effect (empty matches all) and value (unless `Exists`).
pub fn tolerates_taint(t: &Toleration, taint: &Taint) -> bool {
    let key_ok = match t.key.as_deref() {
        None | Some("") => t.operator.as_deref() == Some("Exists"),
        Some(k) => k == taint.key,
    };
    let effect_ok = t
        .effect
        .as_deref()
        .is_none_or(|e| e.is_empty() || e == taint.effect);
    let value_ok = t.operator.as_deref() == Some("Exists")
        || t.value.as_deref().unwrap_or("") == taint.value.as_deref().unwrap_or("");
    key_ok && effect_ok && value_ok
}

/// The node a PV is pinned to by its required node affinity (local volumes), if any.
pub fn pv_node(pv: &PersistentVolume) -> Option<String> {
    pinned_node(pv).map(str::to_string)
}

/// `pv_node`, borrowed from the volume.
fn pinned_node(pv: &PersistentVolume) -> Option<&str> {
    let terms = &pv
        .spec
        .as_ref()?
        .node_affinity
        .as_ref()?
        .required
        .as_ref()?
        .node_selector_terms;
    terms
        .iter()
        .flat_map(|t| t.match_expressions.iter().flatten())
        .find(|e| e.key == "kubernetes.io/hostname")
        .and_then(|e| e.values.as_ref()?.first().map(String::as_str))
}

impl Scheduler {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.as_ref() {
            Object::Pod(pod) => {
                let key = ev.key.clone();
                let node = pod.spec.as_ref().and_then(|s| s.node_name.clone());
                self.track(
                    &key,
                    if ev.event_type == crate::store::EventType::Deleted {
                        None
                    } else {
                        node.clone()
                    },
                );
                let unassigned = node.is_none();
                if ev.event_type == crate::store::EventType::Deleted {
                    self.forget(&key);
                    // A freed node may let others fit.
                    self.retry_all(push);
                } else if unassigned && !obj.is_terminating() {
                    push(key, 0);
                }
            }
            Object::PersistentVolumeClaim(_) => {
                let key = &ev.key;
                if let Some(pods) = self.waiting_on_claim.get(key) {
                    for p in pods {
                        push(p.clone(), 0);
                    }
                }
                for k in self
                    .unschedulable
                    .keys()
                    .filter(|k| k.namespace == key.namespace)
                {
                    push(k.clone(), 0);
                }
            }
            Object::Node(_) => {
                self.nodes_fresh = false;
                self.retry_all(push);
            }
            _ => {}
        }
    }

    /// How many claims have pods waiting on their provisioning (for tests: bound or
    /// deleted pods must not stay listed).
    #[cfg(test)]
    pub(crate) fn claims_waited_on(&self) -> usize {
        self.waiting_on_claim.len() + self.claims_of_pod.len()
    }

    fn retry_all(&self, push: &mut dyn FnMut(ObjKey, Millis)) {
        for k in self.unschedulable.keys() {
            push(k.clone(), 0);
        }
    }

    /// Keep the per-node pod count in step with where pods are.
    fn track(&mut self, key: &ObjKey, node: Option<String>) {
        if self.pod_node.get(key) == node.as_ref() {
            return;
        }
        if let Some(old) = self.pod_node.remove(key) {
            if let Some(n) = self.node_load.get_mut(&old) {
                *n = n.saturating_sub(1);
            }
        }
        if let Some(new) = node {
            *self.node_load.entry(new.clone()).or_default() += 1;
            self.pod_node.insert(key.clone(), new);
        }
    }

    fn forget(&mut self, key: &ObjKey) {
        if let Some(node) = self.assumed.remove(key) {
            if let Some(n) = self.assumed_load.get_mut(&node) {
                *n = n.saturating_sub(1);
            }
        }
        self.unschedulable.remove(key);
        for claim in self.claims_of_pod.remove(key).unwrap_or_default() {
            if let Some(pods) = self.waiting_on_claim.get_mut(&claim) {
                pods.retain(|p| p != key);
                if pods.is_empty() {
                    self.waiting_on_claim.remove(&claim);
                }
            }
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        // Decide with the pod, nodes and claims read in place; then write.
        let placement = {
            let Some(pod) = ctx.api.try_get(key).and_then(|o| o.as_typed::<Pod>()) else {
                self.forget(key);
                return None;
            };
            // A default spec is made only for a pod without one.
            let default_spec;
            let spec = match pod.spec.as_ref() {
                Some(spec) => spec,
                None => {
                    default_spec = PodSpec::default();
                    &default_spec
                }
            };
            if spec.node_name.is_some() || pod.metadata.deletion_timestamp.is_some() {
                self.forget(key);
                return None;
            }
            if spec
                .scheduler_name
                .as_deref()
                .is_some_and(|s| s != "default-scheduler")
            {
                return None;
            }
            if !self.nodes_fresh {
                self.node_keys = ctx
                    .api
                    .store
                    .list(Kind::Node, None)
                    .map(|o| ObjKey::of(o))
                    .collect();
                self.nodes_fresh = true;
            }
            self.place(key, pod, spec, &ctx.api.store)
        };
        match placement {
            Placement::Unschedulable(msg) => self.fail(key, ctx, &msg),
            Placement::WaitForVolumes => None,
            Placement::Bind(node, reason) => self.bind(key, &node, &reason, ctx),
            Placement::ProvisionOn { node, claims } => {
                // Unbound WaitForFirstConsumer claims: select the node, wait for provisioning.
                self.unschedulable.remove(key);
                for (ckey, mut claim) in claims {
                    // Both ways, so `forget` clears the pod's entries once it is bound or gone.
                    self.claims_of_pod
                        .entry(key.clone())
                        .or_default()
                        .push(ckey.clone());
                    self.waiting_on_claim
                        .entry(ckey)
                        .or_default()
                        .push(key.clone());
                    claim
                        .metadata
                        .annotations
                        .get_or_insert_with(Default::default)
                        .insert(SELECTED_NODE.into(), node.clone());
                    let _ = ctx.api.update(Object::from(claim));
                }
                ctx.note(concat(&[
                    &key.name,
                    " -> ",
                    &node,
                    ": waiting for its volumes to be provisioned there (WaitForFirstConsumer)",
                ]));
                *self.assumed_load.entry(node.clone()).or_default() += 1;
                self.assumed.insert(key.clone(), node);
                None
            }
        }
    }

    /// Filter and score the nodes for `pod` (read-only).
    fn place(&self, key: &ObjKey, pod: &Pod, spec: &PodSpec, store: &Store) -> Placement {
        let ns = key.namespace();
        let node_count = || store.list(Kind::Node, None).count();
        let unschedulable = |reason: &str, total: usize| {
            Placement::Unschedulable(format!("0/{total} nodes are available: {reason}. preemption: 0/{total} nodes are available: {total} Preemption is not helpful for scheduling."))
        };
        // Claims: all must exist and not be terminating.
        let mut claims: Vec<(ObjKey, &PersistentVolumeClaim)> = Vec::new();
        for name in pod_claims(pod) {
            let ckey = ObjKey::new(Kind::PersistentVolumeClaim, ns, name);
            match store
                .get(&ckey)
                .and_then(|o| o.as_typed::<PersistentVolumeClaim>())
            {
                None => {
                    return unschedulable(
                        &format!("persistentvolumeclaim \"{name}\" not found"),
                        node_count(),
                    )
                }
                Some(c) if c.metadata.deletion_timestamp.is_some() => {
                    return unschedulable(
                        &format!("persistentvolumeclaim \"{name}\" is being deleted"),
                        node_count(),
                    )
                }
                Some(c) => claims.push((ckey, c)),
            }
        }
        fn volume_of(c: &PersistentVolumeClaim) -> Option<&str> {
            c.spec.as_ref().and_then(|s| s.volume_name.as_deref())
        }
        // A pod that already picked a node waits for its claims to bind there.
        if let Some(node) = self.assumed.get(key) {
            if claims.iter().all(|(_, c)| volume_of(c).is_some()) {
                return Placement::Bind(
                    node.clone(),
                    Cow::Borrowed("its volumes were provisioned there"),
                );
            }
            return Placement::WaitForVolumes;
        }
        // What each claim asks of a node, read once (not once per node): a bound claim's
        // volume may pin it to a node; an unbound one may wait for its first consumer.
        let needs: Vec<ClaimNeed> = claims
            .iter()
            .map(|(_, claim)| match volume_of(claim) {
                Some(pv_name) => {
                    let pv = store
                        .get(&ObjKey::new(Kind::PersistentVolume, "", pv_name))
                        .and_then(|o| o.as_typed::<PersistentVolume>());
                    ClaimNeed::Bound {
                        pinned: pv.and_then(pinned_node),
                        pv_name,
                    }
                }
                None => {
                    let class = claim
                        .spec
                        .as_ref()
                        .and_then(|s| s.storage_class_name.as_deref())
                        .unwrap_or_default();
                    let wffc = store
                        .get(&ObjKey::new(Kind::StorageClass, "", class))
                        .and_then(|o| o.as_typed::<StorageClass>())
                        .and_then(|sc| sc.volume_binding_mode.as_deref())
                        == Some("WaitForFirstConsumer");
                    ClaimNeed::Unbound { wffc }
                }
            })
            .collect();
        let mut total = 0;
        // Why nodes were filtered out; rendered only if no node fits.
        let mut reasons: Vec<Reason> = Vec::new();
        let mut feasible: Vec<&Node> = Vec::new();
        let no_tolerations = Vec::new();
        let tolerations = spec.tolerations.as_ref().unwrap_or(&no_tolerations);
        let mut unbound_immediate = false;
        'nodes: for node in self
            .node_keys
            .iter()
            .filter_map(|k| store.get(k))
            .filter_map(|o| o.as_typed::<Node>())
        {
            total += 1;
            let nname = node.metadata.name.as_deref().unwrap_or_default();
            if node.spec.as_ref().and_then(|s| s.unschedulable) == Some(true) {
                reasons.push(Reason::Text("node(s) were unschedulable"));
                continue;
            }
            // A node that is not ready carries the node controller's taints, checked next.
            for taint in node
                .spec
                .as_ref()
                .and_then(|s| s.taints.as_ref())
                .into_iter()
                .flatten()
            {
                if (taint.effect == "NoSchedule" || taint.effect == "NoExecute")
                    && !tolerates(tolerations, taint)
                {
                    reasons.push(Reason::Taint(taint));
                    continue 'nodes;
                }
            }
            if let Some(sel) = &spec.node_selector {
                let labels = node.metadata.labels.as_ref();
                if !sel
                    .iter()
                    .all(|(k, v)| labels.and_then(|l| l.get(k)) == Some(v))
                {
                    reasons.push(Reason::Text(
                        "node(s) didn't match Pod's node affinity/selector",
                    ));
                    continue;
                }
            }
            for need in &needs {
                match need {
                    ClaimNeed::Bound {
                        pinned: Some(pinned),
                        ..
                    } if *pinned != nname => {
                        reasons.push(Reason::Text("node(s) had volume node affinity conflict"));
                        continue 'nodes;
                    }
                    ClaimNeed::Bound { .. } => {}
                    ClaimNeed::Unbound { wffc } => {
                        if !wffc {
                            unbound_immediate = true;
                        }
                    }
                }
            }
            feasible.push(node);
        }
        if unbound_immediate {
            return unschedulable("pod has unbound immediate PersistentVolumeClaims", total);
        }
        if feasible.is_empty() {
            let mut counted: BTreeMap<Cow<'_, str>, usize> = BTreeMap::new();
            for reason in &reasons {
                *counted.entry(reason.text()).or_default() += 1;
            }
            let mut parts: Vec<String> = counted.iter().map(|(r, n)| format!("{n} {r}")).collect();
            parts.sort();
            return Placement::Unschedulable(format!(
                "0/{total} nodes are available: {}. preemption: 0/{total} nodes are available: {total} Preemption is not helpful for scheduling.",
                parts.join(", ")
            ));
        }
        // Score: fewest pods wins; ties broken by name for determinism.
        let load = |name: &str| {
            self.node_load.get(name).copied().unwrap_or(0)
                + self.assumed_load.get(name).copied().unwrap_or(0)
        };
        let Some(best) = feasible
            .iter()
            .map(|n| n.metadata.name.as_deref().unwrap_or_default())
            .min_by_key(|name| (load(name), *name))
        else {
            return Placement::WaitForVolumes;
        };
        let unbound: Vec<(ObjKey, PersistentVolumeClaim)> = claims
            .iter()
            .zip(&needs)
            .filter(|(_, need)| matches!(need, ClaimNeed::Unbound { .. }))
            .map(|((ckey, c), _)| (ckey.clone(), (*c).clone()))
            .collect();
        if unbound.is_empty() {
            let pinned = needs.iter().find_map(|need| match need {
                ClaimNeed::Bound {
                    pinned: Some(pinned),
                    pv_name,
                } if *pinned == best => Some(pv_name),
                _ => None,
            });
            let reason = match pinned {
                Some(pv) => Cow::Owned(format!("its volume {pv} is pinned there (node affinity)")),
                None if feasible.len() == 1 => Cow::Borrowed("the only node that fits"),
                None => Cow::Owned(format!(
                    "the least busy of the {} nodes that fit",
                    feasible.len()
                )),
            };
            Placement::Bind(best.to_string(), reason)
        } else {
            Placement::ProvisionOn {
                node: best.to_string(),
                claims: unbound,
            }
        }
    }

    fn bind(&mut self, key: &ObjKey, node: &str, reason: &str, ctx: &mut Ctx) -> Option<Millis> {
        self.forget(key);
        let involved = ctx
            .api
            .try_get(key)
            .map(|o| Involved::of(Kind::Pod, o.meta()));
        if ctx.api.bind_pod(key, node).is_ok() {
            if let Some(involved) = involved {
                let msg = concat(&[
                    "Successfully assigned ",
                    &key.namespace,
                    "/",
                    &key.name,
                    " to ",
                    node,
                ]);
                ctx.api.record_event(
                    &involved,
                    None,
                    EventType::Normal,
                    "Scheduled",
                    &msg,
                    &Source::component(COMPONENT),
                );
            }
            ctx.note(concat(&[&key.name, " -> ", node, ": ", reason]));
        }
        None
    }

    /// Report that the pod cannot be placed: a `FailedScheduling` event and the
    /// `PodScheduled=False` condition; retried later.
    fn fail(&mut self, key: &ObjKey, ctx: &mut Ctx, msg: &str) -> Option<Millis> {
        let (involved, mut status) = {
            let pod = ctx.api.try_get(key).and_then(|o| o.as_typed::<Pod>())?;
            (
                Involved::of(Kind::Pod, &pod.metadata),
                pod.status.clone().unwrap_or_default(),
            )
        };
        ctx.api.record_event(
            &involved,
            None,
            EventType::Warning,
            "FailedScheduling",
            msg,
            &Source::component(COMPONENT),
        );
        ctx.note(format!("cannot place {}: {msg}", key.name));
        self.unschedulable.insert(key.clone(), ());
        status.phase.get_or_insert_with(|| "Pending".into());
        crate::kubelet::status::set_condition(
            &mut status,
            "PodScheduled",
            "False",
            Some("Unschedulable"),
            ctx.api.now,
        );
        if let Some(c) = status
            .conditions
            .as_mut()
            .and_then(|cs| cs.iter_mut().find(|c| c.type_ == "PodScheduled"))
        {
            c.message = Some(msg.to_string());
        }
        let _ = ctx.api.set_status::<Pod>(key, Some(status));
        Some(RETRY_MS)
    }
}

/// What the scheduler decided for a pod.
enum Placement {
    /// No node fits; the `FailedScheduling` message.
    Unschedulable(String),
    /// The pod's node is chosen; its volumes are still being provisioned.
    WaitForVolumes,
    /// Bind to the node; the second field says why this node (for `why`).
    Bind(String, Cow<'static, str>),
    /// Provision these (WaitForFirstConsumer) claims (with their keys) on the node, then
    /// bind.
    ProvisionOn {
        node: String,
        claims: Vec<(ObjKey, PersistentVolumeClaim)>,
    },
}

/// What a pod's claim asks of a node.
enum ClaimNeed<'a> {
    /// Bound to `pv_name`, whose node affinity may pin it to a node.
    Bound {
        pv_name: &'a str,
        pinned: Option<&'a str>,
    },
    /// Not bound yet; fine on any node if its class waits for the first consumer.
    Unbound { wffc: bool },
}

/// Why a node was filtered out, as `FailedScheduling` words it.
enum Reason<'a> {
    Text(&'static str),
    Taint(&'a Taint),
}

impl Reason<'_> {
    fn text(&self) -> Cow<'static, str> {
        match self {
            Reason::Text(t) => Cow::Borrowed(t),
            Reason::Taint(taint) => Cow::Owned(format!(
                "node(s) had untolerated taint {{{}: {}}}",
                taint.key,
                taint.value.as_deref().unwrap_or_default()
            )),
        }
    }
}
