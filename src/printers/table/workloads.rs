//! Tables of the workload controllers: statefulsets, deployments, replicasets and the
//! controllerrevisions that record StatefulSet history.

use super::{age, col, wide, Column};
use crate::api::labels::format_label_selector;
use crate::api::time::Millis;
use crate::printers::selector::selector_string;
use k8s_openapi::api::apps::v1::{ControllerRevision, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

pub(super) const STATEFULSET: &[Column] = &[
    col("NAME"),
    col("READY"),
    col("AGE"),
    wide("CONTAINERS"),
    wide("IMAGES"),
];

pub(super) const DEPLOYMENT: &[Column] = &[
    col("NAME"),
    col("READY"),
    col("UP-TO-DATE"),
    col("AVAILABLE"),
    col("AGE"),
    wide("CONTAINERS"),
    wide("IMAGES"),
    wide("SELECTOR"),
];

pub(super) const REPLICASET: &[Column] = &[
    col("NAME"),
    col("DESIRED"),
    col("CURRENT"),
    col("READY"),
    col("AGE"),
    wide("CONTAINERS"),
    wide("IMAGES"),
    wide("SELECTOR"),
];

pub(super) const CONTROLLERREVISION: &[Column] =
    &[col("NAME"), col("CONTROLLER"), col("REVISION"), col("AGE")];

fn name(meta: &ObjectMeta) -> String {
    meta.name.clone().unwrap_or_default()
}

/// `layoutContainerCells`: container names and images, comma-joined.
fn containers_and_images(template: Option<&PodTemplateSpec>) -> (String, String) {
    let containers = template
        .and_then(|t| t.spec.as_ref())
        .map(|s| s.containers.as_slice())
        .unwrap_or_default();
    let names: Vec<&str> = containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = containers
        .iter()
        .map(|c| c.image.as_deref().unwrap_or(""))
        .collect();
    (names.join(","), images.join(","))
}

pub(super) fn statefulset(o: &StatefulSet, now: Millis) -> Vec<String> {
    let desired = o.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let ready = o
        .status
        .as_ref()
        .and_then(|s| s.ready_replicas)
        .unwrap_or(0);
    let (names, images) = containers_and_images(o.spec.as_ref().map(|s| &s.template));
    vec![
        name(&o.metadata),
        format!("{ready}/{desired}"),
        age(o.metadata.creation_timestamp.as_ref(), now),
        names,
        images,
    ]
}

pub(super) fn deployment(o: &Deployment, now: Millis) -> Vec<String> {
    let spec = o.spec.as_ref();
    let status = o.status.clone().unwrap_or_default();
    let desired = spec.and_then(|s| s.replicas).unwrap_or(1);
    let (names, images) = containers_and_images(spec.map(|s| &s.template));
    let selector = selector_string(spec.map(|s| &s.selector)).unwrap_or_else(|| "<invalid>".into());
    vec![
        name(&o.metadata),
        format!("{}/{}", status.ready_replicas.unwrap_or(0), desired),
        status.updated_replicas.unwrap_or(0).to_string(),
        status.available_replicas.unwrap_or(0).to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
        names,
        images,
        selector,
    ]
}

pub(super) fn replicaset(o: &ReplicaSet, now: Millis) -> Vec<String> {
    let spec = o.spec.as_ref();
    let status = o.status.clone().unwrap_or_default();
    let (names, images) = containers_and_images(spec.and_then(|s| s.template.as_ref()));
    vec![
        name(&o.metadata),
        spec.and_then(|s| s.replicas).unwrap_or(1).to_string(),
        status.replicas.to_string(),
        status.ready_replicas.unwrap_or(0).to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
        names,
        images,
        format_label_selector(spec.map(|s| &s.selector)),
    ]
}

pub(super) fn controllerrevision(o: &ControllerRevision, now: Millis) -> Vec<String> {
    let controller = o
        .metadata
        .owner_references
        .iter()
        .flatten()
        .find(|r| r.controller == Some(true))
        .map(|r| {
            let group = r.api_version.split_once('/').map(|(g, _)| g).unwrap_or("");
            let kind = if group.is_empty() {
                r.kind.to_lowercase()
            } else {
                format!("{}.{}", r.kind.to_lowercase(), group)
            };
            format!("{kind}/{}", r.name)
        })
        .unwrap_or_else(|| "<none>".into());
    vec![
        name(&o.metadata),
        controller,
        o.revision.to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}
