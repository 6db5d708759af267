//! The node lifecycle controller (pkg/controller/nodelifecycle) with the taint eviction
//! controller (pkg/controller/tainteviction):
//!
//! - taints follow the node's state: `node.kubernetes.io/unschedulable:NoSchedule` while it
//!   is cordoned; `node.kubernetes.io/unreachable` (NoSchedule and NoExecute) once its
//!   kubelet has been silent for the grace period;
//! - a silent node's conditions go `Unknown` ("Kubelet stopped posting node status."), its
//!   pods are marked not Ready, and `NodeNotReady` is recorded;
//! - pods on a node with a NoExecute taint they do not tolerate are deleted when their
//!   toleration runs out (300 s for the default tolerations): `DisruptionTarget`, then
//!   `TaintManagerEviction`. The dead kubelet never confirms, so they stay `Terminating`
//!   until force-deleted: the at-most-one guarantee StatefulSets rely on.
//!
//! Whether a kubelet is silent comes from the kubelet simulation (its missing heartbeat).

use crate::api::time::{from_time, to_time, Millis};
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Involved, Source};
use crate::apiserver::DeleteOptions;
use crate::cluster::Ctx;
use crate::kubelet::Kubelet;
use crate::store::{ObjKey, WatchEvent};
use k8s_openapi::api::core::v1::{Node, NodeCondition, Pod, PodCondition, Taint, Toleration};

/// `--node-monitor-grace-period` (50 s since v1.32).
pub const GRACE_MS: Millis = 50_000;
pub const UNREACHABLE: &str = "node.kubernetes.io/unreachable";
pub const UNSCHEDULABLE: &str = "node.kubernetes.io/unschedulable";
const SOURCE: &str = "node-controller";
const EVICTION_SOURCE: &str = "taint-eviction-controller";

#[derive(Clone, Debug, Default)]
pub struct NodeLifecycleController;

/// The node's conditions when its kubelet reports, and when it is silent.
fn healthy_conditions(now: Millis) -> Vec<NodeCondition> {
    [
        (
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
        (
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
        ),
        (
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
        ),
        (
            "Ready",
            "True",
            "KubeletReady",
            "kubelet is posting ready status",
        ),
    ]
    .into_iter()
    .map(|(t, s, r, m)| NodeCondition {
        type_: t.into(),
        status: s.into(),
        reason: Some(r.into()),
        message: Some(m.into()),
        last_heartbeat_time: Some(to_time(now)),
        last_transition_time: Some(to_time(now)),
    })
    .collect()
}

fn ready_status(node: &Node) -> Option<&str> {
    node.status
        .as_ref()?
        .conditions
        .as_ref()?
        .iter()
        .find(|c| c.type_ == "Ready")
        .map(|c| c.status.as_str())
}

/// Whether `tolerations` tolerate `taint`, and for how long (None: forever).
fn toleration_for(tolerations: &[Toleration], taint: &Taint) -> Option<Option<i64>> {
    tolerations
        .iter()
        .find(|t| crate::scheduler::tolerates_taint(t, taint))
        .map(|t| t.toleration_seconds)
}

impl NodeLifecycleController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        if let Object::Node(_) = ev.object.as_ref() {
            push(ev.key.clone(), 0);
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx, kubelet: &Kubelet) -> Option<Millis> {
        let now = ctx.now();
        let node = ctx.api.try_get(key)?.as_typed::<Node>()?.clone();
        let name = key.name.clone();
        let down_since = kubelet.node_down_since(&name);
        let silent = down_since.is_some_and(|t| now >= t + GRACE_MS);
        let mut next: Option<Millis> = down_since.filter(|_| !silent).map(|t| t + GRACE_MS - now);

        // Taints from the node's state.
        let mut taints = node
            .spec
            .as_ref()
            .and_then(|s| s.taints.clone())
            .unwrap_or_default();
        let before = taints.clone();
        let cordoned = node.spec.as_ref().and_then(|s| s.unschedulable) == Some(true);
        let has = |ts: &[Taint], k: &str, e: &str| ts.iter().any(|t| t.key == k && t.effect == e);
        if cordoned && !has(&taints, UNSCHEDULABLE, "NoSchedule") {
            taints.push(Taint {
                key: UNSCHEDULABLE.into(),
                effect: "NoSchedule".into(),
                time_added: Some(to_time(now)),
                value: None,
            });
        } else if !cordoned {
            taints.retain(|t| t.key != UNSCHEDULABLE);
        }
        if silent {
            for effect in ["NoSchedule", "NoExecute"] {
                if !has(&taints, UNREACHABLE, effect) {
                    taints.push(Taint {
                        key: UNREACHABLE.into(),
                        effect: effect.into(),
                        time_added: Some(to_time(now)),
                        value: None,
                    });
                }
            }
        } else {
            taints.retain(|t| t.key != UNREACHABLE);
        }
        if taints != before {
            let mut n = node.clone();
            if let Some(spec) = n.spec.as_mut() {
                spec.taints = (!taints.is_empty()).then(|| taints.clone());
            }
            let _ = ctx.api.update(Object::from(n));
        }

        // Conditions.
        let involved = Involved::of(Kind::Node, &node.metadata);
        let source = Source::component(SOURCE);
        match (silent, ready_status(&node)) {
            (true, Some(s)) if s != "Unknown" => {
                let mut st = node.status.clone().unwrap_or_default();
                for c in st.conditions.iter_mut().flatten() {
                    c.status = "Unknown".into();
                    c.reason = Some("NodeStatusUnknown".into());
                    c.message = Some("Kubelet stopped posting node status.".into());
                    c.last_transition_time = Some(to_time(now));
                }
                let _ = ctx.api.set_status::<Node>(key, Some(st));
                ctx.api.record_event(
                    &involved,
                    None,
                    EventType::Normal,
                    "NodeNotReady",
                    &format!("Node {name} status is now: NodeNotReady"),
                    &source,
                );
                self.mark_pods_not_ready(&name, ctx);
                ctx.note(format!(
                    "{name}: no heartbeat for {}s; marked NotReady (Unknown), tainted {UNREACHABLE}",
                    GRACE_MS / 1000
                ));
            }
            (false, Some(s)) if s != "True" && down_since.is_none() => {
                let mut st = node.status.clone().unwrap_or_default();
                st.conditions = Some(healthy_conditions(now));
                let _ = ctx.api.set_status::<Node>(key, Some(st));
                ctx.api.record_event(
                    &involved,
                    None,
                    EventType::Normal,
                    "NodeReady",
                    &format!("Node {name} status is now: NodeReady"),
                    &source,
                );
                ctx.note(format!("{name}: its kubelet reports again; Ready"));
            }
            _ => {}
        }

        // Taint-based eviction.
        let no_execute: Vec<&Taint> = taints.iter().filter(|t| t.effect == "NoExecute").collect();
        if !no_execute.is_empty() {
            let pods: Vec<(ObjKey, Option<Millis>)> = ctx
                .api
                .store
                .list(Kind::Pod, None)
                .filter_map(|o| o.as_typed::<Pod>())
                .filter(|p| {
                    p.metadata.deletion_timestamp.is_none()
                        && p.spec.as_ref().and_then(|s| s.node_name.as_deref()) == Some(&*name)
                })
                .map(|p| {
                    let tols = p
                        .spec
                        .as_ref()
                        .and_then(|s| s.tolerations.clone())
                        .unwrap_or_default();
                    // The earliest time a taint's toleration runs out (None: tolerated forever).
                    let mut at: Option<Millis> = None;
                    for t in &no_execute {
                        let added = t.time_added.as_ref().map(from_time).unwrap_or(now);
                        let due = match toleration_for(&tols, t) {
                            None => Some(now),
                            Some(None) => None,
                            Some(Some(secs)) => Some(added + secs.max(0) * 1000),
                        };
                        if let Some(d) = due {
                            at = Some(at.map_or(d, |a: Millis| a.min(d)));
                        }
                    }
                    (
                        ObjKey::new(
                            Kind::Pod,
                            p.metadata.namespace.as_deref().unwrap_or(""),
                            p.metadata.name.as_deref().unwrap_or(""),
                        ),
                        at,
                    )
                })
                .collect();
            for (pod, at) in pods {
                match at {
                    Some(t) if t <= now => self.evict(&pod, ctx),
                    Some(t) => next = Some(next.map_or(t - now, |n| n.min(t - now))),
                    None => {}
                }
            }
        }
        next
    }

    /// `MarkPodsNotReady`: the pods of a silent node are no longer Ready.
    fn mark_pods_not_ready(&self, node: &str, ctx: &mut Ctx) {
        let now = ctx.now();
        let pods: Vec<(ObjKey, Involved, k8s_openapi::api::core::v1::PodStatus)> = ctx
            .api
            .store
            .list(Kind::Pod, None)
            .filter_map(|o| o.as_typed::<Pod>())
            .filter(|p| p.spec.as_ref().and_then(|s| s.node_name.as_deref()) == Some(node))
            .map(|p| {
                (
                    ObjKey::new(
                        Kind::Pod,
                        p.metadata.namespace.as_deref().unwrap_or(""),
                        p.metadata.name.as_deref().unwrap_or(""),
                    ),
                    Involved::of(Kind::Pod, &p.metadata),
                    p.status.clone().unwrap_or_default(),
                )
            })
            .collect();
        for (key, involved, mut st) in pods {
            let mut changed = false;
            for c in st.conditions.iter_mut().flatten() {
                if c.type_ == "Ready" && c.status != "False" {
                    c.status = "False".into();
                    c.last_transition_time = Some(to_time(now));
                    changed = true;
                }
            }
            if changed {
                let _ = ctx.api.set_status::<Pod>(&key, Some(st));
                ctx.api.record_event(
                    &involved,
                    None,
                    EventType::Warning,
                    "NodeNotReady",
                    "Node is not ready",
                    &Source::component(SOURCE),
                );
            }
        }
    }

    /// Delete a pod whose toleration ran out (with the `DisruptionTarget` condition first).
    fn evict(&self, key: &ObjKey, ctx: &mut Ctx) {
        let now = ctx.now();
        let Some(pod) = ctx.api.try_get(key).and_then(|o| o.as_typed::<Pod>()) else {
            return;
        };
        // `emitPodDeletionEvent` names the pod without its uid, so `describe pod` (which
        // selects events by uid) never shows it; `kubectl get events` does.
        let mut involved = Involved::of(Kind::Pod, &pod.metadata);
        involved.uid.clear();
        involved.resource_version = None;
        let mut st = pod.status.clone().unwrap_or_default();
        let conditions = st.conditions.get_or_insert_with(Vec::new);
        // `UpdatePodCondition` appends; the dead kubelet never re-sorts the list, so
        // `describe` shows DisruptionTarget last.
        if !conditions.iter().any(|c| c.type_ == "DisruptionTarget") {
            conditions.push(PodCondition {
                type_: "DisruptionTarget".into(),
                status: "True".into(),
                reason: Some("DeletionByTaintManager".into()),
                message: Some("Taint manager: deleting due to NoExecute taint".into()),
                last_transition_time: Some(to_time(now)),
                last_probe_time: None,
            });
        }
        let _ = ctx.api.set_status::<Pod>(key, Some(st));
        ctx.api.record_event(
            &involved,
            None,
            EventType::Normal,
            "TaintManagerEviction",
            &format!("Marking for deletion Pod {}/{}", key.namespace, key.name),
            &Source::component(EVICTION_SOURCE),
        );
        let _ = ctx.api.delete(key, &DeleteOptions::default());
        ctx.note(format!(
            "{}: its node is unreachable and its toleration ran out; deleted (it stays Terminating until the kubelet confirms, or a force delete)",
            key.name
        ));
    }
}
