//! `persistentVolumeClaimRetentionPolicy` (StatefulSetAutoDeletePVC, beta and on in
//! v1.32): the controller keeps each claim's owner references in line with the policy,
//! and the garbage collector does the deleting.
//!
//! As `isClaimOwnerUpToDate` / `updateClaimOwnerRefForSetAndPod`: `whenDeleted: Delete`
//! puts a controller reference to the set on the claims of pods in range;
//! `whenScaled: Delete` puts one to the pod on the claims of a condemned (scaled-down)
//! pod, so the claim goes when its pod does. Claims with a stale reference (to an earlier
//! pod of the same name) or another controller are left alone, and a pod whose claim still
//! points at its previous incarnation is not created until the claim is gone
//! (`PodClaimIsStale`).

use super::{controller_ref, names, set_event};
use crate::api::Object;
use crate::apiserver::events::EventType;
use crate::cluster::Ctx;
use crate::store::ObjKey;
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;

/// The policy as two booleans: (delete when the set is deleted, delete when scaled down).
pub fn policy_of(sts: &StatefulSet) -> (bool, bool) {
    let p = sts
        .spec
        .as_ref()
        .and_then(|s| s.persistent_volume_claim_retention_policy.as_ref());
    let is_delete = |v: Option<&String>| v.map(String::as_str) == Some("Delete");
    (
        is_delete(p.and_then(|p| p.when_deleted.as_ref())),
        is_delete(p.and_then(|p| p.when_scaled.as_ref())),
    )
}

/// The controller reference a pod puts on the claim it takes down with it.
fn pod_ref(pod: &Pod) -> OwnerReference {
    OwnerReference {
        api_version: "v1".into(),
        kind: "Pod".into(),
        name: pod.metadata.name.clone().unwrap_or_default(),
        uid: pod.metadata.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

fn matches(r: &OwnerReference, api_version: &str, kind: &str, name: &str) -> bool {
    r.api_version == api_version && r.kind == kind && r.name == name
}

/// The owner references a claim should carry, or None when it is to be left alone.
pub fn desired_refs(
    refs: &[OwnerReference],
    set: &OwnerReference,
    pod: &OwnerReference,
    (when_deleted, when_scaled): (bool, bool),
    scaled_down: bool,
) -> Option<Vec<OwnerReference>> {
    let ours = |r: &OwnerReference| {
        matches(r, &set.api_version, &set.kind, &set.name)
            || matches(r, &pod.api_version, &pod.kind, &pod.name)
    };
    // A reference with our name but another UID: an earlier owner's; leave it be.
    if refs
        .iter()
        .any(|r| ours(r) && r.uid != set.uid && r.uid != pod.uid)
    {
        return None;
    }
    let mut next: Vec<OwnerReference> = refs.iter().filter(|r| !ours(r)).cloned().collect();
    let foreign_controller = next.iter().any(|r| r.controller == Some(true));
    if !foreign_controller {
        if when_scaled && scaled_down {
            next.push(pod.clone());
        } else if when_deleted && !scaled_down {
            next.push(set.clone());
        }
    }
    (next.as_slice() != refs).then_some(next)
}

/// Bring the claims of `pod` (`claims`: their keys) in line with the policy
/// (`UpdatePodClaimForRetentionPolicy`).
pub(super) fn fix_claims(
    sts: &StatefulSet,
    pod: &Pod,
    claims: &[ObjKey],
    scaled_down: bool,
    ctx: &mut Ctx,
) {
    if pod.metadata.uid.is_none() {
        return;
    }
    let policy = policy_of(sts);
    // Built on first need: under the default policy (Retain, Retain) a claim without
    // owner references is already as it should be, and that is almost every claim.
    let mut refs_of_ours: Option<(OwnerReference, OwnerReference)> = None;
    for key in claims {
        let name = &*key.name;
        let Some(claim) = ctx
            .api
            .try_get(key)
            .and_then(|o| o.as_typed::<PersistentVolumeClaim>())
        else {
            continue;
        };
        if claim.metadata.deletion_timestamp.is_some() {
            continue;
        }
        let refs = claim
            .metadata
            .owner_references
            .as_deref()
            .unwrap_or_default();
        if refs.is_empty() && policy == (false, false) {
            continue;
        }
        let (set, owner) = refs_of_ours.get_or_insert_with(|| (controller_ref(sts), pod_ref(pod)));
        let Some(next) = desired_refs(refs, set, owner, policy, scaled_down) else {
            continue;
        };
        let mut claim = claim.clone();
        claim.metadata.owner_references = (!next.is_empty()).then_some(next);
        match ctx.api.update(Object::from(claim)) {
            Ok(_) => ctx.note(names::concat(&[
                "claim ",
                name,
                ": owner references follow the retention policy",
            ])),
            Err(err) => set_event(
                ctx,
                sts,
                EventType::Warning,
                "FailedUpdate",
                &format!(
                    "update Claim {name} for Pod {} in StatefulSet {} failed error: {}",
                    pod.metadata.name.as_deref().unwrap_or_default(),
                    sts.metadata.name.as_deref().unwrap_or_default(),
                    err.message
                ),
            ),
        }
    }
}

/// `PodClaimIsStale`: under `whenScaled: Delete`, a claim of the pod about to be created
/// that still belongs to an earlier pod of that name (it is about to be collected).
/// `claims`: the keys of the claims of the pod with `ordinal`.
pub(super) fn claim_is_stale<'a>(
    sts: &StatefulSet,
    ordinal: i32,
    claims: &'a [ObjKey],
    ctx: &Ctx,
) -> Option<&'a str> {
    if !policy_of(sts).1 {
        return None;
    }
    let set_name = sts.metadata.name.as_deref().unwrap_or_default();
    let pod_name = names::pod_name(set_name, ordinal);
    claims
        .iter()
        .find(|key| {
            ctx.api.try_get(key).is_some_and(|c| {
                c.meta()
                    .owner_references
                    .iter()
                    .flatten()
                    .any(|r| matches(r, "v1", "Pod", &pod_name))
            })
        })
        .map(|key| &*key.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(kind: &str, name: &str, uid: &str) -> OwnerReference {
        OwnerReference {
            api_version: if kind == "Pod" { "v1" } else { "apps/v1" }.into(),
            kind: kind.into(),
            name: name.into(),
            uid: uid.into(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }
    }

    #[test]
    fn policies_place_the_refs_upstream_does() {
        let set = r("StatefulSet", "web", "s1");
        let pod = r("Pod", "web-2", "p1");
        // Retain/Retain: none.
        assert_eq!(desired_refs(&[], &set, &pod, (false, false), true), None);
        // whenDeleted: Delete: the set, in range.
        assert_eq!(
            desired_refs(&[], &set, &pod, (true, false), false),
            Some(vec![set.clone()])
        );
        // whenScaled: Delete: the pod once it is scaled down; the set ref goes.
        assert_eq!(
            desired_refs(std::slice::from_ref(&set), &set, &pod, (true, true), true),
            Some(vec![pod.clone()])
        );
        // Up to date: nothing to write.
        assert_eq!(
            desired_refs(std::slice::from_ref(&pod), &set, &pod, (true, true), true),
            None
        );
        // whenScaled: Delete only: nothing while in range.
        assert_eq!(desired_refs(&[], &set, &pod, (false, true), false), None);
    }

    #[test]
    fn stale_and_foreign_owners_are_respected() {
        let set = r("StatefulSet", "web", "s1");
        let pod = r("Pod", "web-2", "p2");
        let stale = r("Pod", "web-2", "p1");
        assert_eq!(desired_refs(&[stale], &set, &pod, (true, true), true), None);
        let other = r("Deployment", "x", "d1");
        assert_eq!(
            desired_refs(
                &[other.clone(), set.clone()],
                &set,
                &pod,
                (true, false),
                false
            ),
            Some(vec![other.clone()]),
            "another controller: our references are scrubbed"
        );
        assert_eq!(
            desired_refs(
                std::slice::from_ref(&other),
                &set,
                &pod,
                (true, false),
                false
            ),
            None,
            "another controller: no refs added"
        );
    }
}
