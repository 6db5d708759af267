//! The ReplicaSet controller: keeps `replicas` interchangeable pods with generated names
//! (`<rs>-<5 chars>`), created and deleted in parallel with no ordering, adopting matching
//! orphans. The contrast with the StatefulSet controller is the lesson.

use crate::api::labels::Selector;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Source};
use crate::apiserver::DeleteOptions;
use crate::cluster::Ctx;
use crate::controllers::statefulset::controller_of;
use crate::kubelet::status::is_running_and_ready;
use crate::store::{ObjKey, WatchEvent};
use k8s_openapi::api::apps::v1::{ReplicaSet, ReplicaSetStatus};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};

const COMPONENT: &str = "replicaset-controller";

#[derive(Clone, Debug, Default)]
pub struct ReplicaSetController;

fn owner_ref(rs: &ReplicaSet) -> OwnerReference {
    OwnerReference {
        api_version: "apps/v1".into(),
        kind: "ReplicaSet".into(),
        name: rs.metadata.name.clone().unwrap_or_default(),
        uid: rs.metadata.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

impl ReplicaSetController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.kind() {
            Kind::ReplicaSet => push(ObjKey::of(obj), 0),
            Kind::Pod => {
                if let Some(o) = controller_of(obj.meta()).filter(|o| o.kind == "ReplicaSet") {
                    push(ObjKey::new(Kind::ReplicaSet, obj.namespace(), &o.name), 0);
                }
            }
            _ => {}
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let Some(Object::ReplicaSet(rs)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            return None;
        };
        // Being deleted: no pods made, adopted or removed, but the status still follows
        // its pods as they go (upstream's `rs.DeletionTimestamp == nil` guard on
        // manageReplicas only).
        let deleting = rs.metadata.deletion_timestamp.is_some();
        let spec = rs.spec.clone().unwrap_or_default();
        let uid = rs.metadata.uid.clone().unwrap_or_default();
        let selector = Selector::from_label_selector(&spec.selector);
        let mut active: Vec<Pod> = Vec::new();
        let mut all: Vec<Pod> = Vec::new();
        let mut adopt: Vec<Pod> = Vec::new();
        for o in ctx.api.store.list(Kind::Pod, Some(&key.namespace)) {
            let Some(p) = o.as_typed::<Pod>() else {
                continue;
            };
            match controller_of(&p.metadata) {
                Some(r) if r.uid == uid => {
                    all.push(p.clone());
                    let finished = matches!(
                        p.status.as_ref().and_then(|s| s.phase.as_deref()),
                        Some("Succeeded" | "Failed")
                    );
                    if p.metadata.deletion_timestamp.is_none() && !finished {
                        active.push(p.clone());
                    }
                }
                None if !deleting
                    && !selector.is_empty()
                    && selector.matches(p.metadata.labels.as_ref())
                    && p.metadata.deletion_timestamp.is_none() =>
                {
                    adopt.push(p.clone())
                }
                _ => {}
            }
        }
        for mut p in adopt {
            p.metadata
                .owner_references
                .get_or_insert_with(Vec::new)
                .push(owner_ref(&rs));
            if ctx.api.update(Object::from(p.clone())).is_ok() {
                active.push(p);
            }
        }
        let want = spec.replicas.unwrap_or(1).max(0) as usize;
        let rs_obj = Object::ReplicaSet(rs.clone());
        let source = Source::component(COMPONENT);
        if deleting {
            // Nothing to manage.
        } else if active.len() < want {
            let template = spec.template.clone().unwrap_or_default();
            let tmeta = template.metadata.clone().unwrap_or_default();
            for _ in active.len()..want {
                let pod = Pod {
                    metadata: ObjectMeta {
                        generate_name: Some(format!("{}-", key.name)),
                        namespace: Some(key.namespace.to_string()),
                        labels: tmeta.labels.clone(),
                        annotations: tmeta.annotations.clone(),
                        owner_references: Some(vec![owner_ref(&rs)]),
                        ..Default::default()
                    },
                    spec: template.spec.clone(),
                    status: None,
                };
                match ctx.api.create(Object::from(pod)) {
                    Ok(p) => {
                        ctx.api.record_event(
                            &rs_obj,
                            None,
                            EventType::Normal,
                            "SuccessfulCreate",
                            &format!("Created pod: {}", p.name()),
                            &source,
                        );
                        ctx.note(format!(
                            "{}: created {} (random name, any order)",
                            key.name,
                            p.name()
                        ));
                    }
                    Err(e) => {
                        ctx.api.record_event(
                            &rs_obj,
                            None,
                            EventType::Warning,
                            "FailedCreate",
                            &format!("Error creating: {}", e.message),
                            &source,
                        );
                        return Some(10_000);
                    }
                }
            }
        } else if active.len() > want {
            // Prefer deleting pods that are not ready, then the youngest.
            active.sort_by_key(|p| {
                (
                    is_running_and_ready(p),
                    std::cmp::Reverse(p.metadata.creation_timestamp.clone().map(|t| t.0)),
                )
            });
            for p in active.iter().take(active.len() - want) {
                let pk = ObjKey::new(
                    Kind::Pod,
                    &key.namespace,
                    p.metadata.name.as_deref().unwrap_or(""),
                );
                if ctx.api.delete(&pk, &DeleteOptions::default()).is_ok() {
                    ctx.api.record_event(
                        &rs_obj,
                        None,
                        EventType::Normal,
                        "SuccessfulDelete",
                        &format!("Deleted pod: {}", pk.name),
                        &source,
                    );
                }
            }
        }
        // Status.
        let pods: Vec<Pod> = ctx
            .api
            .store
            .list(Kind::Pod, Some(&key.namespace))
            .filter_map(|o| o.as_typed::<Pod>())
            .filter(|p| {
                controller_of(&p.metadata).is_some_and(|r| r.uid == uid)
                    && p.metadata.deletion_timestamp.is_none()
            })
            .cloned()
            .collect();
        let ready = pods.iter().filter(|p| is_running_and_ready(p)).count() as i32;
        let labelled = pods
            .iter()
            .filter(|p| {
                p.metadata.labels
                    == spec
                        .template
                        .as_ref()
                        .and_then(|t| t.metadata.as_ref())
                        .and_then(|m| m.labels.clone())
            })
            .count() as i32;
        let status = ReplicaSetStatus {
            replicas: pods.len() as i32,
            fully_labeled_replicas: Some(labelled).filter(|n| *n > 0),
            ready_replicas: Some(ready).filter(|n| *n > 0),
            available_replicas: Some(ready).filter(|n| *n > 0),
            observed_generation: rs.metadata.generation,
            conditions: None,
        };
        if rs.status.as_ref() != Some(&status) {
            let mut next = rs.clone();
            next.status = Some(status);
            let _ = ctx.api.update_status(Object::ReplicaSet(next));
        }
        None
    }
}
