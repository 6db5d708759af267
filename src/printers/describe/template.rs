//! `DescribePodTemplate`: the `Pod Template:` section shared by the StatefulSet,
//! Deployment and ReplicaSet describers (containers indented one extra space).

use super::containers::describe_containers;
use super::fields;
use super::volumes::describe_volumes;
use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use k8s_openapi::api::core::v1::PodTemplateSpec;

pub(crate) fn describe_pod_template(w: &mut DescribeWriter, template: Option<&PodTemplateSpec>) {
    w.write(LEVEL_0, "Pod Template:\n");
    let Some(template) = template else {
        w.write(LEVEL_1, "<unset>");
        return;
    };
    let meta = template.metadata.clone().unwrap_or_default();
    let spec = template.spec.clone().unwrap_or_default();
    fields::labels(w, "", "  Labels", meta.labels.as_ref());
    if meta.annotations.as_ref().is_some_and(|a| !a.is_empty()) {
        fields::annotations(w, "  Annotations", meta.annotations.as_ref());
    }
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(LEVEL_1, &format!("Service Account:\t{sa}\n"));
    }
    if let Some(inits) = spec.init_containers.as_ref().filter(|i| !i.is_empty()) {
        describe_containers(w, "Init Containers", inits, None, None, "  ");
    }
    describe_containers(w, "Containers", &spec.containers, None, None, "  ");
    describe_volumes(w, spec.volumes.as_ref(), "  ");
    if let Some(p) = spec
        .priority_class_name
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        w.write(LEVEL_1, &format!("Priority Class Name:\t{p}\n"));
    }
    fields::labels(w, "", "  Node-Selectors", spec.node_selector.as_ref());
    fields::tolerations(w, "", "  Tolerations", spec.tolerations.as_ref());
}
