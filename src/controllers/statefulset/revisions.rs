//! ControllerRevisions: a StatefulSet's pod template history. The current revision names
//! what existing pods run, the update revision what new and rolled pods get; a template
//! seen before (a rollback) renumbers its old revision as the newest.

use super::controller_ref;
use crate::api::{Kind, Object};
use crate::cluster::ids::template_hash;
use crate::cluster::Ctx;
use k8s_openapi::api::apps::v1::{ControllerRevision, StatefulSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::runtime::RawExtension;
use std::collections::BTreeMap;

/// One revision as a sync uses it: its name and its pod template, decoded once.
pub(super) struct Revision {
    pub name: String,
    pub template: PodTemplateSpec,
}

pub(super) struct Revisions {
    pub current: Revision,
    pub update: Revision,
}

fn template_of(rev: &ControllerRevision) -> Option<PodTemplateSpec> {
    let data = rev.data.as_ref()?.0.get("spec")?.get("template")?.clone();
    let mut data = data;
    if let Some(m) = data.as_object_mut() {
        m.remove("$patch");
    }
    serde_json::from_value(data).ok()
}

/// A revision's name and template (the set's own template if the revision holds none).
fn decode(rev: &ControllerRevision, sts_template: &PodTemplateSpec) -> Revision {
    Revision {
        name: rev.metadata.name.clone().unwrap_or_default(),
        template: template_of(rev).unwrap_or_else(|| sts_template.clone()),
    }
}

pub(super) fn ensure_revisions(sts: &StatefulSet, ctx: &mut Ctx) -> Result<Revisions, ()> {
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    let name = sts.metadata.name.as_deref().unwrap_or_default();
    let uid = sts.metadata.uid.as_deref().unwrap_or_default();
    let default_spec = Default::default();
    let spec = sts.spec.as_ref().unwrap_or(&default_spec);
    let mut template_json = serde_json::to_value(&spec.template).unwrap_or_default();
    let hash = template_hash(&template_json);
    let rev_name = format!("{name}-{hash}");
    let mut owned: Vec<&ControllerRevision> = ctx
        .api
        .store
        .list(Kind::ControllerRevision, Some(ns))
        .filter_map(|o| o.as_typed::<ControllerRevision>())
        .filter(|r| super::controller_of(&r.metadata).is_some_and(|o| o.uid == uid))
        .collect();
    owned.sort_by_key(|r| r.revision);
    let max = owned.last().map(|r| r.revision).unwrap_or(0);
    let current_name = sts
        .status
        .as_ref()
        .and_then(|s| s.current_revision.as_deref());
    let current = current_name
        .and_then(|n| owned.iter().find(|r| r.metadata.name.as_deref() == Some(n)))
        .map(|r| (*r).clone());
    let existing = owned
        .iter()
        .find(|r| r.metadata.name.as_deref() == Some(&rev_name))
        .map(|r| (*r).clone());
    let update = match existing {
        Some(existing) if existing.revision == max => decode(&existing, &spec.template),
        Some(existing) => {
            // Rolling back to an older template: renumber that revision as the newest.
            let mut bumped = existing;
            bumped.revision = max + 1;
            match ctx.api.update(Object::from(bumped)) {
                Ok(o) => decode(
                    o.as_typed::<ControllerRevision>().ok_or(())?,
                    &spec.template,
                ),
                Err(_) => return Err(()),
            }
        }
        None => {
            if let Some(m) = template_json.as_object_mut() {
                m.insert("$patch".into(), serde_json::Value::String("replace".into()));
            }
            let mut labels: BTreeMap<String, String> = spec
                .template
                .metadata
                .as_ref()
                .and_then(|m| m.labels.clone())
                .unwrap_or_default();
            labels.insert("controller.kubernetes.io/hash".into(), hash.clone());
            let rev = ControllerRevision {
                metadata: ObjectMeta {
                    name: Some(rev_name.clone()),
                    namespace: Some(ns.to_string()),
                    labels: Some(labels),
                    annotations: sts
                        .metadata
                        .annotations
                        .clone()
                        .map(|mut a| {
                            a.remove("kubectl.kubernetes.io/last-applied-configuration");
                            a
                        })
                        .filter(|a| !a.is_empty()),
                    owner_references: Some(vec![controller_ref(sts)]),
                    ..Default::default()
                },
                data: Some(RawExtension(
                    serde_json::json!({ "spec": { "template": template_json } }),
                )),
                revision: max + 1,
            };
            match ctx.api.create(Object::from(rev)) {
                Ok(o) => decode(
                    o.as_typed::<ControllerRevision>().ok_or(())?,
                    &spec.template,
                ),
                Err(_) => return Err(()),
            }
        }
    };
    let current = match current {
        Some(rev) if rev.metadata.name.as_deref() != Some(update.name.as_str()) => {
            decode(&rev, &spec.template)
        }
        _ => Revision {
            name: update.name.clone(),
            template: update.template.clone(),
        },
    };
    Ok(Revisions { current, update })
}
