//! The StatefulSet controller: one sync moves the world one step toward the spec.
//!
//! Structure as upstream's `stateful_set_control.go`: sort pods into in-range slots and
//! condemned ones, then walk the slots in ordinal order (OrderedReady stops at the first
//! pod it must wait for; Parallel does not), then scale down from the highest ordinal,
//! then roll updates from the highest ordinal down to the partition. Claims from
//! `volumeClaimTemplates` are created before their pod and reused when they exist.
//!
//! A sync reads pods straight from the store (shared, never copied): with thousands of
//! replicas, copying every pod on every sync would dominate the controller's cost.

mod names;
mod pods;
mod retention;
pub mod revisions;
mod status;
pub mod update;

pub use pods::new_pod;

use crate::api::labels::Selector;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::cluster::Ctx;
use crate::kubelet::status::is_running_and_ready;
use crate::store::{ObjKey, WatchEvent};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
use names::ClaimKeys;
use pods::{create_missing_claims, create_pod_and_claims, delete_pod, set_event};
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub const REVISION_LABEL: &str = "controller-revision-hash";
pub const POD_NAME_LABEL: &str = "statefulset.kubernetes.io/pod-name";
pub const POD_INDEX_LABEL: &str = "apps.kubernetes.io/pod-index";
const COMPONENT: &str = "statefulset-controller";

#[derive(Clone, Debug, Default)]
pub struct StatefulSetController {
    /// Consecutive failed syncs per set, for the rate-limited requeue.
    failures: FxHashMap<ObjKey, u32>,
    /// The keys of each set's claims, per ordinal.
    claim_keys: FxHashMap<ObjKey, ClaimKeys>,
    /// The key of the set named by the last pod or revision event: events come in runs
    /// about one set, so its key is usually made once per run, not once per event.
    last_owner: Option<ObjKey>,
}

/// The controller reference a set puts on what it owns.
pub fn controller_ref(sts: &StatefulSet) -> OwnerReference {
    OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: sts.metadata.name.clone().unwrap_or_default(),
        uid: sts.metadata.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// The controller owner reference of an object, if any.
pub fn controller_of(meta: &ObjectMeta) -> Option<&OwnerReference> {
    meta.owner_references
        .iter()
        .flatten()
        .find(|r| r.controller == Some(true))
}

/// `web-12` -> ("web", 12). (Digits only, as upstream's pattern; too large for an i32: None.)
pub fn parent_and_ordinal(name: &str) -> Option<(&str, i32)> {
    let (parent, ord) = name.rsplit_once('-')?;
    if ord.is_empty() {
        return None;
    }
    let mut n: i32 = 0;
    for b in ord.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(i32::from(b - b'0'))?;
    }
    Some((parent, n))
}

fn is_terminating(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_some()
}

fn is_finished(pod: &Pod) -> bool {
    matches!(
        pod.status.as_ref().and_then(|s| s.phase.as_deref()),
        Some("Succeeded" | "Failed")
    )
}

/// `isHealthy`: Running and Ready, and not terminating. (v1.32 does not ask for
/// availability here: the rolling update waits for Ready only; `minReadySeconds` holds
/// it back through the OrderedReady walk, never under Parallel.)
fn is_healthy(pod: &Pod) -> bool {
    is_running_and_ready(pod) && !is_terminating(pod)
}

/// When a Running and Ready pod becomes available (`podutil.IsPodAvailable`: Ready for
/// longer than `min_ready_seconds`, strictly), or None when it is not Ready.
pub fn available_from(pod: &Pod, min_ready_seconds: i32) -> Option<Millis> {
    if !is_running_and_ready(pod) {
        return None;
    }
    if min_ready_seconds <= 0 {
        return Some(Millis::MIN);
    }
    let since = pod
        .status
        .as_ref()?
        .conditions
        .iter()
        .flatten()
        .find(|c| c.type_ == "Ready")?
        .last_transition_time
        .as_ref()
        .map(crate::api::time::from_time)?;
    Some(since + i64::from(min_ready_seconds) * 1000 + 1)
}

/// `isRunningAndAvailable` at `now`.
fn is_available(pod: &Pod, min_ready_seconds: i32, now: Millis) -> bool {
    available_from(pod, min_ready_seconds).is_some_and(|t| t <= now)
}

fn revision_of(pod: &Pod) -> Option<&str> {
    pod.metadata
        .labels
        .as_ref()?
        .get(REVISION_LABEL)
        .map(String::as_str)
}

impl StatefulSetController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.kind() {
            Kind::StatefulSet => push(ev.key.clone(), 0),
            // Pods only: as upstream, revisions are read from a lister and never trigger a
            // sync (a foreground deletion would otherwise loop: the garbage collector
            // deletes the set's revision, the sync writes it again, at once, forever).
            Kind::Pod => {
                if let Some(owner) = controller_of(obj.meta()) {
                    if owner.kind == "StatefulSet" {
                        let ns = obj.namespace();
                        let key = match &self.last_owner {
                            Some(k) if *k.name == *owner.name && *k.namespace == *ns => k.clone(),
                            _ => {
                                let k = ObjKey::new(Kind::StatefulSet, ns, &owner.name);
                                self.last_owner = Some(k.clone());
                                k
                            }
                        };
                        push(key, 0);
                    }
                } else if let Some((parent, _)) = parent_and_ordinal(obj.name()) {
                    // An orphan with a set's name pattern may be adopted.
                    push(ObjKey::new(Kind::StatefulSet, obj.namespace(), parent), 0);
                }
            }
            _ => {}
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let stored = ctx.api.try_get(key).cloned();
        let Some(sts) = stored.as_deref().and_then(Object::as_typed::<StatefulSet>) else {
            self.failures.remove(key);
            self.claim_keys.remove(key);
            return None;
        };
        let claim_keys = match self.claim_keys.get_mut(key) {
            Some(keys) => keys,
            None => self.claim_keys.entry(key.clone()).or_default(),
        };
        match sync(sts, claim_keys, ctx) {
            Ok(requeue) => {
                self.failures.remove(key);
                requeue
            }
            Err(()) => {
                let n = self.failures.entry(key.clone()).or_insert(0);
                *n += 1;
                // client-go's default controller rate limiter: 5ms * 2^n, at most 1000s.
                Some((5i64 << (*n).min(20)).min(1_000_000))
            }
        }
    }
}

/// A pod as the store holds it: shared, read in place.
#[derive(Clone)]
struct StoredPod(Arc<Object>);

impl StoredPod {
    fn new(obj: &Arc<Object>) -> Option<StoredPod> {
        obj.as_typed::<Pod>().map(|_| StoredPod(obj.clone()))
    }

    fn pod(&self) -> &Pod {
        match self.0.as_ref() {
            Object::Pod(p) => p,
            // `new` only wraps pods.
            _ => unreachable!("StoredPod holds a pod"),
        }
    }
}

/// One sync of one StatefulSet. (Slots are walked by index: the index is the ordinal's
/// offset from `.spec.ordinals.start`, as upstream's `replicas[i]` array.) Returns when
/// to look again: with `minReadySeconds`, the moment the next Ready pod becomes
/// available (upstream re-queues `minReadySeconds` after each sync while
/// `availableReplicas` falls short; the pod's availability is what decides).
#[allow(clippy::needless_range_loop)]
fn sync(
    sts: &StatefulSet,
    claim_keys: &mut ClaimKeys,
    ctx: &mut Ctx,
) -> Result<Option<Millis>, ()> {
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    let set_name = sts.metadata.name.as_deref().unwrap_or_default();
    let uid = sts.metadata.uid.as_deref().unwrap_or_default();
    let default_spec = Default::default();
    let spec = sts.spec.as_ref().unwrap_or(&default_spec);
    let selector = Selector::from_label_selector(&spec.selector);
    claim_keys.refresh(sts);

    // Claim: adopt matching orphans with our name pattern, keep what we own.
    let mut owned: Vec<(i32, StoredPod)> = Vec::new();
    let mut to_adopt: Vec<Pod> = Vec::new();
    for obj in ctx.api.store.list(Kind::Pod, Some(ns)) {
        let Some(stored) = StoredPod::new(obj) else {
            continue;
        };
        let pod = stored.pod();
        let name = pod.metadata.name.as_deref().unwrap_or("");
        let Some(ordinal) = parent_and_ordinal(name)
            .filter(|(p, _)| *p == set_name)
            .map(|(_, o)| o)
        else {
            continue;
        };
        match controller_of(&pod.metadata) {
            Some(r) if r.uid == uid => owned.push((ordinal, stored)),
            Some(_) => {}
            None if sts.metadata.deletion_timestamp.is_none()
                && !selector.is_empty()
                && selector.matches(pod.metadata.labels.as_ref())
                && !is_terminating(pod) =>
            {
                to_adopt.push(pod.clone())
            }
            None => {}
        }
    }
    for mut pod in to_adopt {
        pod.metadata
            .owner_references
            .get_or_insert_with(Vec::new)
            .push(controller_ref(sts));
        if let Ok(o) = ctx.api.update(Object::from(pod)) {
            if let Some(stored) = StoredPod::new(&o) {
                let name = stored.pod().metadata.name.as_deref().unwrap_or("");
                ctx.note(format!("adopted orphan pod {name}"));
                if let Some((_, ordinal)) = parent_and_ordinal(name) {
                    owned.push((ordinal, stored));
                }
            }
        }
    }

    let revs = revisions::ensure_revisions(sts, ctx)?;
    // The revisions pods run as this sync found them (`truncateHistory` keeps these),
    // each once: nearly all pods run one or two.
    let mut pod_revisions: Vec<String> = Vec::new();
    for rev in owned.iter().filter_map(|(_, p)| revision_of(p.pod())) {
        if !pod_revisions.iter().any(|r| r == rev) {
            pod_revisions.push(rev.to_string());
        }
    }

    let replicas = spec.replicas.unwrap_or(1).max(0);
    let start = spec.ordinals.as_ref().and_then(|o| o.start).unwrap_or(0);
    let monotonic = spec.pod_management_policy.as_deref() != Some("Parallel");
    let min_ready = spec.min_ready_seconds.unwrap_or(0);
    let now = ctx.now();
    let strategy = update::Strategy::of(spec);
    let current_replicas = sts
        .status
        .as_ref()
        .and_then(|s| s.current_replicas)
        .unwrap_or(0);

    let mut slots: Vec<Option<StoredPod>> = vec![None; replicas as usize];
    let mut condemned: Vec<(i32, StoredPod)> = Vec::new();
    for (ord, pod) in owned {
        if ord >= start && ord < start + replicas {
            slots[(ord - start) as usize] = Some(pod);
        } else {
            condemned.push((ord, pod));
        }
    }
    condemned.sort_by_key(|(ord, _)| std::cmp::Reverse(*ord));

    let mut result = Ok(());
    let mut blocked = sts.metadata.deletion_timestamp.is_some();
    if !blocked {
        for i in 0..replicas as usize {
            let ordinal = start + i as i32;
            // processReplica: true when a monotonic sync must stop here.
            let stop = match slots[i].as_ref().map(StoredPod::pod) {
                Some(pod) if is_finished(pod) => {
                    if !is_terminating(pod) {
                        delete_pod(
                            sts,
                            pod,
                            ctx,
                            "it failed; it will be recreated with the same name",
                        );
                    }
                    true
                }
                None => {
                    let claims = claim_keys.of(sts, ordinal);
                    if let Some(claim) = retention::claim_is_stale(sts, ordinal, claims, ctx) {
                        let name = names::pod_name(set_name, ordinal);
                        ctx.note(format!(
                            "not creating {name}: claim {claim} still belongs to its previous pod"
                        ));
                        true
                    } else {
                        let rev = if strategy.creates_at_current(i as i32, current_replicas) {
                            &revs.current
                        } else {
                            &revs.update
                        };
                        let pod = new_pod(sts, &rev.name, &rev.template, ordinal);
                        if create_pod_and_claims(sts, pod, ordinal, claims, ctx).is_err() {
                            result = Err(());
                            blocked = true;
                            break;
                        }
                        true
                    }
                }
                Some(pod) => {
                    let phase = pod
                        .status
                        .as_ref()
                        .and_then(|s| s.phase.as_deref())
                        .unwrap_or("Pending");
                    let claims = claim_keys.of(sts, ordinal);
                    if phase == "Pending" && !is_terminating(pod) {
                        let _ = create_missing_claims(sts, ordinal, claims, ctx);
                    }
                    // Only notes need the pod's name (`<set>-<ordinal>`).
                    let name = || names::pod_name(set_name, ordinal);
                    if is_terminating(pod) && monotonic {
                        let name = name();
                        ctx.note(format!("waiting: {name} is terminating (OrderedReady)"));
                        true
                    } else if !is_running_and_ready(pod) && monotonic {
                        let name = name();
                        if let Some(next) = (i + 1 < replicas as usize)
                            .then(|| format!("{set_name}-{}", ordinal + 1))
                        {
                            ctx.note(format!("not creating {next}: {name} is not Running and Ready (OrderedReady)"));
                        } else {
                            ctx.note(format!(
                                "waiting for {name} to be Running and Ready (OrderedReady)"
                            ));
                        }
                        true
                    } else if monotonic && !is_available(pod, min_ready, now) {
                        let name = name();
                        ctx.note(format!(
                            "waiting for {name} to be available: Ready for more than minReadySeconds ({min_ready}s) (OrderedReady)"
                        ));
                        true
                    } else {
                        retention::fix_claims(sts, pod, claims, false, ctx);
                        false
                    }
                }
            };
            if stop && monotonic {
                blocked = true;
                break;
            }
        }
    }

    if !blocked {
        // Claims of condemned pods follow the retention policy before the pods go.
        for (ord, stored) in &condemned {
            let claims = claim_keys.of(sts, *ord);
            retention::fix_claims(sts, stored.pod(), claims, true, ctx);
        }
        // The lowest-ordinal unhealthy condemned pod may go even though it is unhealthy.
        let first_unhealthy = condemned
            .iter()
            .rev()
            .find(|(_, p)| !is_healthy(p.pod()))
            .map(|(ord, _)| *ord);
        // Scale down, highest ordinal first.
        for (ord, stored) in &condemned {
            let pod = stored.pod();
            let name = pod.metadata.name.as_deref().unwrap_or_default();
            if is_terminating(pod) {
                if monotonic {
                    ctx.note(format!(
                        "scale down waits: {name} is terminating (OrderedReady)"
                    ));
                    blocked = true;
                    break;
                }
                continue;
            }
            if monotonic && !is_running_and_ready(pod) && first_unhealthy != Some(*ord) {
                ctx.note(format!(
                    "scale down waits: {name} is not Running and Ready (OrderedReady)"
                ));
                blocked = true;
                break;
            }
            if monotonic && !is_available(pod, min_ready, now) && first_unhealthy != Some(*ord) {
                ctx.note(format!(
                    "scale down waits: {name} is not available yet (minReadySeconds: {min_ready})"
                ));
                blocked = true;
                break;
            }
            delete_pod(
                sts,
                pod,
                ctx,
                &format!("scale down to {replicas} replicas (highest ordinal first)"),
            );
            if monotonic {
                blocked = true;
                break;
            }
        }
    }

    if !blocked {
        let views: Vec<Option<update::SlotView>> = slots
            .iter()
            .map(|s| {
                s.as_ref().map(|s| {
                    let pod = s.pod();
                    update::SlotView {
                        revision: revision_of(pod),
                        terminating: is_terminating(pod),
                        running_and_ready: is_running_and_ready(pod),
                    }
                })
            })
            .collect();
        let update_name = revs.update.name.as_str();
        match update::rolling_update_step(&views, strategy, update_name) {
            update::UpdateStep::Delete(i) => {
                if let Some(pod) = slots[i].as_ref().map(StoredPod::pod) {
                    delete_pod(
                        sts,
                        pod,
                        ctx,
                        &format!("rolling update to revision {update_name}"),
                    );
                }
            }
            update::UpdateStep::Wait(i) => ctx.note(format!(
                "rolling update waits for {set_name}-{} to be Running and Ready",
                start + i as i32
            )),
            update::UpdateStep::Done => {}
        }
    }

    drop(slots);
    drop(condemned);
    let next_available = status::update_status(sts, &revs, strategy.rolling, ctx);
    revisions::truncate_history(sts, &revs, &pod_revisions, ctx);
    result.map(|()| next_available.map(|t| (t - now).max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(phase: &str, ready_since: Option<Millis>) -> Pod {
        use k8s_openapi::api::core::v1::{PodCondition, PodStatus};
        Pod {
            status: Some(PodStatus {
                phase: Some(phase.into()),
                conditions: ready_since.map(|t| {
                    vec![PodCondition {
                        type_: "Ready".into(),
                        status: "True".into(),
                        last_transition_time: Some(crate::api::time::to_time(t)),
                        ..Default::default()
                    }]
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn available_means_ready_for_longer_than_min_ready_seconds() {
        let t = crate::api::time::EPOCH_MS;
        let ready = pod("Running", Some(t));
        assert!(is_available(&ready, 0, t));
        // IsPodAvailable: lastTransitionTime + minReadySeconds strictly before now.
        assert!(!is_available(&ready, 10, t + 10_000));
        assert!(is_available(&ready, 10, t + 10_001));
        assert_eq!(available_from(&ready, 10), Some(t + 10_001));
        assert_eq!(available_from(&pod("Running", None), 10), None);
        assert_eq!(available_from(&pod("Pending", Some(t)), 0), None);
    }

    #[test]
    fn parses_ordinals_like_upstream() {
        assert_eq!(parent_and_ordinal("web-0"), Some(("web", 0)));
        assert_eq!(
            parent_and_ordinal("web-stateful-set-12"),
            Some(("web-stateful-set", 12))
        );
        assert_eq!(parent_and_ordinal("web"), None);
        assert_eq!(parent_and_ordinal("web-x"), None);
        assert_eq!(parent_and_ordinal("web-"), None);
        assert_eq!(parent_and_ordinal("web-+1"), None);
        assert_eq!(parent_and_ordinal("web-007"), Some(("web", 7)));
        assert_eq!(
            parent_and_ordinal("web-2147483647"),
            Some(("web", i32::MAX))
        );
        assert_eq!(parent_and_ordinal("web-2147483648"), None);
    }
}
