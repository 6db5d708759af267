//! Tables of cluster and configuration objects: nodes (STATUS from the Ready condition,
//! ROLES from labels), namespaces, core/v1 events, configmaps, secrets and
//! serviceaccounts.

use super::{age, col, wide, Column};
use crate::api::time::{from_micro_time, from_time, Millis};
use crate::printers::duration::since;
use k8s_openapi::api::core::v1::{ConfigMap, Event, Namespace, Node, Secret, ServiceAccount};

pub(super) const NODE: &[Column] = &[
    col("NAME"),
    col("STATUS"),
    col("ROLES"),
    col("AGE"),
    col("VERSION"),
    wide("INTERNAL-IP"),
    wide("EXTERNAL-IP"),
    wide("OS-IMAGE"),
    wide("KERNEL-VERSION"),
    wide("CONTAINER-RUNTIME"),
];

pub(super) const NAMESPACE: &[Column] = &[col("NAME"), col("STATUS"), col("AGE")];

pub(super) const EVENT: &[Column] = &[
    col("LAST SEEN"),
    col("TYPE"),
    col("REASON"),
    col("OBJECT"),
    wide("SUBOBJECT"),
    wide("SOURCE"),
    col("MESSAGE"),
    wide("FIRST SEEN"),
    wide("COUNT"),
    wide("NAME"),
];

pub(super) const CONFIGMAP: &[Column] = &[col("NAME"), col("DATA"), col("AGE")];

pub(super) const SECRET: &[Column] = &[col("NAME"), col("TYPE"), col("DATA"), col("AGE")];

pub(super) const SERVICEACCOUNT: &[Column] = &[col("NAME"), col("SECRETS"), col("AGE")];

/// `findNodeRoles`: `node-role.kubernetes.io/<role>` label keys and the legacy
/// `kubernetes.io/role` value, sorted and de-duplicated.
pub(crate) fn node_roles(node: &Node) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for (k, v) in node.metadata.labels.iter().flatten() {
        if let Some(role) = k.strip_prefix("node-role.kubernetes.io/") {
            if !role.is_empty() {
                roles.push(role.to_string());
            }
        } else if k == "kubernetes.io/role" && !v.is_empty() {
            roles.push(v.clone());
        }
    }
    roles.sort();
    roles.dedup();
    roles
}

fn node_address(node: &Node, type_: &str) -> String {
    node.status
        .as_ref()
        .and_then(|s| s.addresses.as_ref())
        .and_then(|a| a.iter().find(|a| a.type_ == type_))
        .map(|a| a.address.clone())
        .unwrap_or_else(|| "<none>".into())
}

pub(super) fn node(o: &Node, now: Millis) -> Vec<String> {
    let status = o.status.clone().unwrap_or_default();
    let mut states: Vec<String> = status
        .conditions
        .iter()
        .flatten()
        .rfind(|c| c.type_ == "Ready")
        .map(|c| {
            if c.status == "True" {
                "Ready".to_string()
            } else {
                "NotReady".to_string()
            }
        })
        .into_iter()
        .collect();
    if states.is_empty() {
        states.push("Unknown".into());
    }
    if o.spec.as_ref().and_then(|s| s.unschedulable) == Some(true) {
        states.push("SchedulingDisabled".into());
    }
    let roles = node_roles(o);
    let info = status.node_info.clone().unwrap_or_default();
    let or_unknown = |s: &str| {
        if s.is_empty() {
            "<unknown>".to_string()
        } else {
            s.to_string()
        }
    };
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        states.join(","),
        if roles.is_empty() {
            "<none>".into()
        } else {
            roles.join(",")
        },
        age(o.metadata.creation_timestamp.as_ref(), now),
        info.kubelet_version.clone(),
        node_address(o, "InternalIP"),
        node_address(o, "ExternalIP"),
        or_unknown(&info.os_image),
        or_unknown(&info.kernel_version),
        or_unknown(&info.container_runtime_version),
    ]
}

pub(super) fn namespace(o: &Namespace, now: Millis) -> Vec<String> {
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        o.status
            .as_ref()
            .and_then(|s| s.phase.clone())
            .unwrap_or_default(),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}

/// First and last sighting of an event as printEvent computes them: firstTimestamp (else
/// eventTime), lastTimestamp (else the first), series' lastObservedTime when a series.
pub(crate) fn event_first_last(e: &Event) -> (Option<Millis>, Option<Millis>) {
    let first = e
        .first_timestamp
        .as_ref()
        .map(from_time)
        .or_else(|| e.event_time.as_ref().map(from_micro_time));
    let last = match &e.series {
        Some(s) => s.last_observed_time.as_ref().map(from_micro_time),
        None => e.last_timestamp.as_ref().map(from_time).or(first),
    };
    (first, last)
}

fn first_non_empty(a: Option<&String>, b: Option<&String>) -> String {
    a.filter(|s| !s.is_empty())
        .or(b)
        .cloned()
        .unwrap_or_default()
}

pub(super) fn event(e: &Event, now: Millis) -> Vec<String> {
    let (first, last) = event_first_last(e);
    let count = match &e.series {
        Some(s) => s.count.unwrap_or(0),
        None => match e.count.unwrap_or(0) {
            0 => 1,
            n => n,
        },
    };
    let obj = &e.involved_object;
    let kind = obj.kind.as_deref().unwrap_or("").to_lowercase();
    let target = match obj.name.as_deref() {
        Some(name) if !name.is_empty() => format!("{kind}/{name}"),
        _ => kind,
    };
    let source = e.source.clone().unwrap_or_default();
    let component = first_non_empty(source.component.as_ref(), e.reporting_component.as_ref());
    let instance = first_non_empty(source.host.as_ref(), e.reporting_instance.as_ref());
    let source_cell = if instance.is_empty() {
        component
    } else {
        format!("{component}, {instance}")
    };
    vec![
        since(last, now),
        e.type_.clone().unwrap_or_default(),
        e.reason.clone().unwrap_or_default(),
        target,
        obj.field_path.clone().unwrap_or_default(),
        source_cell,
        e.message.as_deref().unwrap_or("").trim().to_string(),
        since(first, now),
        count.to_string(),
        e.metadata.name.clone().unwrap_or_default(),
    ]
}

pub(super) fn configmap(o: &ConfigMap, now: Millis) -> Vec<String> {
    let n = o.data.as_ref().map_or(0, |d| d.len()) + o.binary_data.as_ref().map_or(0, |d| d.len());
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        n.to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}

pub(super) fn secret(o: &Secret, now: Millis) -> Vec<String> {
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        o.type_.clone().unwrap_or_else(|| "Opaque".into()),
        o.data.as_ref().map_or(0, |d| d.len()).to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}

pub(super) fn serviceaccount(o: &ServiceAccount, now: Millis) -> Vec<String> {
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        o.secrets.as_ref().map_or(0, |s| s.len()).to_string(),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}
