//! What a StatefulSet creates and deletes: its pods (`newVersionedStatefulSetPod`), the
//! claims from `volumeClaimTemplates` (`getPersistentVolumeClaims`), and the events the
//! controller records for each.

use super::names;
use super::{controller_ref, COMPONENT, POD_INDEX_LABEL, POD_NAME_LABEL, REVISION_LABEL};
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Involved, Source};
use crate::apiserver::DeleteOptions;
use crate::cluster::Ctx;
use crate::store::ObjKey;
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{
    PersistentVolumeClaim, PersistentVolumeClaimVolumeSource, Pod, PodTemplateSpec, Volume,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

/// Build the pod for `ordinal` from a revision's template, as `newVersionedStatefulSetPod` does.
pub fn new_pod(sts: &StatefulSet, rev_name: &str, template: &PodTemplateSpec, ordinal: i32) -> Pod {
    let set_name = sts.metadata.name.as_deref().unwrap_or_default();
    let name = names::pod_name(set_name, ordinal);
    let tmeta = template.metadata.as_ref();
    let mut labels = tmeta.and_then(|m| m.labels.clone()).unwrap_or_default();
    labels.insert(REVISION_LABEL.into(), rev_name.to_string());
    labels.insert(POD_NAME_LABEL.into(), name.clone());
    labels.insert(POD_INDEX_LABEL.into(), names::int(ordinal));
    let mut pod_spec = template.spec.clone().unwrap_or_default();
    pod_spec.hostname = Some(name.clone());
    let spec = sts.spec.as_ref();
    if let Some(svc) = spec
        .and_then(|s| s.service_name.as_deref())
        .filter(|s| !s.is_empty())
    {
        pod_spec.subdomain = Some(svc.to_string());
    }
    let claim_templates = spec
        .and_then(|s| s.volume_claim_templates.as_deref())
        .unwrap_or_default();
    let mut volumes: Vec<Volume> = pod_spec.volumes.take().unwrap_or_default();
    volumes.reserve(claim_templates.len());
    for tmpl in claim_templates {
        let vol_name = tmpl.metadata.name.clone().unwrap_or_default();
        volumes.retain(|v| v.name != vol_name);
        volumes.push(Volume {
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: names::concat(&[&vol_name, "-", &name]),
                read_only: None,
            }),
            name: vol_name,
            ..Default::default()
        });
    }
    if !volumes.is_empty() {
        pod_spec.volumes = Some(volumes);
    }
    Pod {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: sts.metadata.namespace.clone(),
            labels: Some(labels),
            annotations: tmeta.and_then(|m| m.annotations.clone()),
            owner_references: Some(vec![controller_ref(sts)]),
            ..Default::default()
        },
        spec: Some(pod_spec),
        status: None,
    }
}

/// The claim for template `index` of a pod of this set, as `getPersistentVolumeClaims` builds it.
fn claim_for(sts: &StatefulSet, index: usize, name: String) -> Option<PersistentVolumeClaim> {
    let spec = sts.spec.as_ref()?;
    let tmpl = spec.volume_claim_templates.as_ref()?.get(index)?;
    let delete_with_set = spec
        .persistent_volume_claim_retention_policy
        .as_ref()
        .and_then(|p| p.when_deleted.as_deref())
        == Some("Delete");
    let mut labels = tmpl.metadata.labels.clone().unwrap_or_default();
    labels.extend(spec.selector.match_labels.clone().unwrap_or_default());
    Some(PersistentVolumeClaim {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: sts.metadata.namespace.clone(),
            labels: Some(labels),
            annotations: tmpl.metadata.annotations.clone(),
            owner_references: delete_with_set.then(|| vec![controller_ref(sts)]),
            ..Default::default()
        },
        spec: tmpl.spec.clone(),
        status: None,
    })
}

pub(super) fn set_event(
    ctx: &mut Ctx,
    sts: &StatefulSet,
    type_: EventType,
    reason: &str,
    message: &str,
) {
    let obj = Involved::of(Kind::StatefulSet, &sts.metadata);
    ctx.api.record_event(
        &obj,
        None,
        type_,
        reason,
        message,
        &Source::component(COMPONENT),
    );
}

/// Create missing claims (`claims`: the keys of this ordinal's), then the pod. Err
/// carries nothing: the events say what failed.
pub(super) fn create_pod_and_claims(
    sts: &StatefulSet,
    pod: Pod,
    ordinal: i32,
    claims: &[ObjKey],
    ctx: &mut Ctx,
) -> Result<(), ()> {
    let set_name = sts.metadata.name.as_deref().unwrap_or_default();
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    // Claims kept from an earlier pod of this ordinal (for `why`).
    let kept: Vec<&str> = claims
        .iter()
        .filter(|key| ctx.api.try_get(key).is_some())
        .map(|key| &*key.name)
        .collect();
    if let Err(err) = create_missing_claims(sts, ordinal, claims, ctx) {
        set_event(
            ctx,
            sts,
            EventType::Warning,
            "FailedCreate",
            &format!("create Pod {pod_name} in StatefulSet {set_name} failed error: {err}"),
        );
        ctx.note(format!("could not create {pod_name}: {err}"));
        return Err(());
    }
    match ctx.api.create(Object::from(pod)) {
        Ok(_) => {
            set_event(
                ctx,
                sts,
                EventType::Normal,
                "SuccessfulCreate",
                &names::concat(&[
                    "create Pod ",
                    &pod_name,
                    " in StatefulSet ",
                    set_name,
                    " successful",
                ]),
            );
            let ordinal = names::int(ordinal);
            let created = [
                "created pod ",
                ns,
                "/",
                &pod_name,
                " (ordinal ",
                &ordinal,
                ")",
            ];
            if kept.is_empty() {
                ctx.note(names::concat(&created));
            } else {
                let kept = kept.join(", ");
                ctx.note(names::concat(&[
                    &names::concat(&created),
                    " with its existing claim ",
                    &kept,
                    " (same ordinal, same claim)",
                ]));
            }
            Ok(())
        }
        Err(err) => {
            set_event(
                ctx,
                sts,
                EventType::Warning,
                "FailedCreate",
                &format!(
                    "create Pod {pod_name} in StatefulSet {set_name} failed error: {}",
                    err.message
                ),
            );
            ctx.note(format!("could not create {pod_name}: {}", err.message));
            Err(())
        }
    }
}

/// Create the claims of the pod with `ordinal` (`claims`: their keys, one per
/// `volumeClaimTemplates` entry) that do not exist yet; a claim being deleted blocks the
/// pod.
pub(super) fn create_missing_claims(
    sts: &StatefulSet,
    ordinal: i32,
    claims: &[ObjKey],
    ctx: &mut Ctx,
) -> Result<(), String> {
    let set_name = sts.metadata.name.as_deref().unwrap_or_default();
    for (index, key) in claims.iter().enumerate() {
        let claim_name = &*key.name;
        match ctx.api.try_get(key) {
            Some(existing) if existing.is_terminating() => {
                return Err(format!("pvc {claim_name} is being deleted"))
            }
            Some(_) => {}
            None => {
                let Some(claim) = claim_for(sts, index, claim_name.to_string()) else {
                    continue;
                };
                let pod_name = names::pod_name(set_name, ordinal);
                match ctx.api.create(Object::from(claim)) {
                    Ok(_) => {
                        set_event(
                            ctx,
                            sts,
                            EventType::Normal,
                            "SuccessfulCreate",
                            &names::concat(&[
                                "create Claim ",
                                claim_name,
                                " Pod ",
                                &pod_name,
                                " in StatefulSet ",
                                set_name,
                                " success",
                            ]),
                        );
                        ctx.note(names::concat(&[
                            "created claim ",
                            claim_name,
                            " for ",
                            &pod_name,
                            " (volumeClaimTemplates: claims before the pod)",
                        ]));
                    }
                    Err(err) => {
                        set_event(ctx, sts, EventType::Warning, "FailedCreate", &format!("create Claim {claim_name} for Pod {pod_name} in StatefulSet {set_name} failed error: {}", err.message));
                        return Err(format!(
                            "failed to create PVC {claim_name}: {}",
                            err.message
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

pub(super) fn delete_pod(sts: &StatefulSet, pod: &Pod, ctx: &mut Ctx, why: &str) {
    let set_name = sts.metadata.name.as_deref().unwrap_or_default();
    let pod_name = pod.metadata.name.as_deref().unwrap_or_default();
    let key = ObjKey::new(
        Kind::Pod,
        pod.metadata.namespace.as_deref().unwrap_or(""),
        pod_name,
    );
    match ctx.api.delete(&key, &DeleteOptions::default()) {
        Ok(_) => {
            set_event(
                ctx,
                sts,
                EventType::Normal,
                "SuccessfulDelete",
                &names::concat(&[
                    "delete Pod ",
                    pod_name,
                    " in StatefulSet ",
                    set_name,
                    " successful",
                ]),
            );
            ctx.note(format!("deleted {pod_name}: {why}"));
        }
        Err(err) => set_event(
            ctx,
            sts,
            EventType::Warning,
            "FailedDelete",
            &format!(
                "delete Pod {pod_name} in StatefulSet {set_name} failed error: {}",
                err.message
            ),
        ),
    }
}
