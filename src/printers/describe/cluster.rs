//! Describers of cluster-scoped objects: Node (roles, taints, conditions, addresses,
//! capacity, system info, the non-terminated pods on it with their requests) and
//! Namespace.

use super::events::describe_events;
use super::fields;
use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::api::time::{from_time, rfc1123z, Millis};
use crate::api::{Kind, Object};
use crate::printers::duration::since;
use crate::printers::quantity::{self, Nanos};
use crate::printers::table::node_roles;
use crate::store::Store;
use k8s_openapi::api::core::v1::{Namespace, Node, Pod};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
use std::collections::BTreeMap;

type Resources = BTreeMap<String, Nanos>;

fn go_time(t: Option<&Time>) -> String {
    match t {
        Some(t) => rfc1123z(from_time(t)),
        None => "Mon, 01 Jan 0001 00:00:00 +0000".into(),
    }
}

fn parse_list(list: Option<&BTreeMap<String, Quantity>>) -> Resources {
    list.into_iter()
        .flatten()
        .filter_map(|(k, q)| quantity::parse(&q.0).map(|n| (k.clone(), n)))
        .collect()
}

/// `PodRequestsAndLimits`: containers summed, then each init container as a floor.
fn pod_requests_and_limits(pod: &Pod) -> (Resources, Resources) {
    let spec = pod.spec.clone().unwrap_or_default();
    let (mut reqs, mut limits) = (Resources::new(), Resources::new());
    for c in &spec.containers {
        let r = c.resources.clone().unwrap_or_default();
        for (into, list) in [(&mut reqs, r.requests), (&mut limits, r.limits)] {
            for (k, n) in parse_list(list.as_ref()) {
                *into.entry(k).or_insert(0) += n;
            }
        }
    }
    for c in spec.init_containers.iter().flatten() {
        let r = c.resources.clone().unwrap_or_default();
        for (into, list) in [(&mut reqs, r.requests), (&mut limits, r.limits)] {
            for (k, n) in parse_list(list.as_ref()) {
                let e = into.entry(k).or_insert(0);
                *e = (*e).max(n);
            }
        }
    }
    (reqs, limits)
}

fn format_amount(resource: &str, n: Nanos) -> String {
    if resource == "cpu" {
        quantity::format_cpu(n)
    } else {
        quantity::format_bytes(n)
    }
}

fn percent(n: Nanos, total: Nanos) -> i128 {
    if total == 0 {
        0
    } else {
        n * 100 / total
    }
}

pub(crate) fn describe_node(obj: &Object, node: &Node, store: &Store, now: Millis) -> String {
    let mut w = DescribeWriter::new();
    let meta = &node.metadata;
    let spec = node.spec.clone().unwrap_or_default();
    let status = node.status.clone().unwrap_or_default();
    w.write(LEVEL_0, &format!("Name:\t{}\n", obj.name()));
    let roles = node_roles(node);
    w.write(
        LEVEL_0,
        &format!("Roles:\t{}\n", fields::or_none(&roles.join(","))),
    );
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    w.write(
        LEVEL_0,
        &format!(
            "CreationTimestamp:\t{}\n",
            go_time(meta.creation_timestamp.as_ref())
        ),
    );
    fields::taints(&mut w, "Taints", spec.taints.as_ref());
    w.write(
        LEVEL_0,
        &format!("Unschedulable:\t{}\n", spec.unschedulable.unwrap_or(false)),
    );
    if let Some(conds) = status.conditions.as_ref().filter(|c| !c.is_empty()) {
        w.write(
            LEVEL_0,
            "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            LEVEL_1,
            "----\t------\t-----------------\t------------------\t------\t-------\n",
        );
        for c in conds {
            w.write(
                LEVEL_1,
                &format!(
                    "{} \t{} \t{} \t{} \t{} \t{}\n",
                    c.type_,
                    c.status,
                    go_time(c.last_heartbeat_time.as_ref()),
                    go_time(c.last_transition_time.as_ref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for a in status.addresses.iter().flatten() {
        w.write(LEVEL_1, &format!("{}:\t{}\n", a.type_, a.address));
    }
    for (title, list) in [
        ("Capacity", &status.capacity),
        ("Allocatable", &status.allocatable),
    ] {
        if let Some(list) = list.as_ref().filter(|l| !l.is_empty()) {
            w.write(LEVEL_0, &format!("{title}:\n"));
            for (k, q) in list {
                w.write(LEVEL_0, &format!("  {k}:\t{}\n", q.0));
            }
        }
    }
    let info = status.node_info.clone().unwrap_or_default();
    w.write(LEVEL_0, "System Info:\n");
    for (k, v) in [
        ("Machine ID", &info.machine_id),
        ("System UUID", &info.system_uuid),
        ("Boot ID", &info.boot_id),
        ("Kernel Version", &info.kernel_version),
        ("OS Image", &info.os_image),
        ("Operating System", &info.operating_system),
        ("Architecture", &info.architecture),
        ("Container Runtime Version", &info.container_runtime_version),
        ("Kubelet Version", &info.kubelet_version),
        ("Kube-Proxy Version", &info.kube_proxy_version),
    ] {
        w.write(LEVEL_0, &format!("  {k}:\t{v}\n"));
    }
    if let Some(cidr) = spec.pod_cidr.as_deref().filter(|c| !c.is_empty()) {
        w.write(LEVEL_0, &format!("PodCIDR:\t{cidr}\n"));
    }
    if let Some(cidrs) = spec.pod_cidrs.as_ref().filter(|c| !c.is_empty()) {
        w.write(LEVEL_0, &format!("PodCIDRs:\t{}\n", cidrs.join(",")));
    }
    if let Some(id) = spec.provider_id.as_deref().filter(|c| !c.is_empty()) {
        w.write(LEVEL_0, &format!("ProviderID:\t{id}\n"));
    }
    node_resources(&mut w, node, store, now);
    describe_events(&mut w, obj, store, now);
    w.finish()
}

/// `describeNodeResource`: the node's non-terminated pods and the allocated totals.
fn node_resources(w: &mut DescribeWriter, node: &Node, store: &Store, now: Millis) {
    let node_name = node.metadata.name.as_deref().unwrap_or("");
    let pods: Vec<&Pod> = store
        .list(Kind::Pod, None)
        .filter_map(|o| o.as_typed::<Pod>())
        .filter(|p| p.spec.as_ref().and_then(|s| s.node_name.as_deref()) == Some(node_name))
        .filter(|p| {
            let phase = p.status.as_ref().and_then(|s| s.phase.as_deref());
            phase != Some("Succeeded") && phase != Some("Failed")
        })
        .collect();
    let status = node.status.clone().unwrap_or_default();
    let allocatable = match status.allocatable.as_ref().filter(|a| !a.is_empty()) {
        Some(a) => parse_list(Some(a)),
        None => parse_list(status.capacity.as_ref()),
    };
    let alloc = |r: &str| allocatable.get(r).copied().unwrap_or(0);
    w.write(
        LEVEL_0,
        &format!("Non-terminated Pods:\t({} in total)\n", pods.len()),
    );
    w.write(
        LEVEL_1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n",
    );
    w.write(
        LEVEL_1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n",
    );
    let (mut total_reqs, mut total_limits) = (Resources::new(), Resources::new());
    for pod in &pods {
        let (reqs, limits) = pod_requests_and_limits(pod);
        let cell = |list: &Resources, r: &str| {
            let n = list.get(r).copied().unwrap_or(0);
            format!("{} ({}%)", format_amount(r, n), percent(n, alloc(r)))
        };
        w.write(
            LEVEL_1,
            &format!(
                "{}\t{}\t\t{}\t{}\t{}\t{}\t{}\n",
                pod.metadata.namespace.as_deref().unwrap_or(""),
                pod.metadata.name.as_deref().unwrap_or(""),
                cell(&reqs, "cpu"),
                cell(&limits, "cpu"),
                cell(&reqs, "memory"),
                cell(&limits, "memory"),
                since(pod.metadata.creation_timestamp.as_ref().map(from_time), now)
            ),
        );
        for (into, from) in [(&mut total_reqs, reqs), (&mut total_limits, limits)] {
            for (k, n) in from {
                *into.entry(k).or_insert(0) += n;
            }
        }
    }
    w.write(
        LEVEL_0,
        "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n",
    );
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    let mut shown: Vec<String> = vec!["cpu".into(), "memory".into(), "ephemeral-storage".into()];
    shown.extend(
        allocatable
            .keys()
            .filter(|k| k.starts_with("hugepages-"))
            .cloned(),
    );
    for r in &shown {
        let req = total_reqs.get(r).copied().unwrap_or(0);
        let lim = total_limits.get(r).copied().unwrap_or(0);
        w.write(
            LEVEL_1,
            &format!(
                "{r}\t{} ({}%)\t{} ({}%)\n",
                format_amount(r, req),
                percent(req, alloc(r)),
                format_amount(r, lim),
                percent(lim, alloc(r))
            ),
        );
    }
}

pub(crate) fn describe_namespace(obj: &Object, ns: &Namespace) -> String {
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, &format!("Name:\t{}\n", obj.name()));
    fields::labels(&mut w, "", "Labels", ns.metadata.labels.as_ref());
    fields::annotations(&mut w, "Annotations", ns.metadata.annotations.as_ref());
    let phase = ns
        .status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_default();
    w.write(LEVEL_0, &format!("Status:\t{phase}\n"));
    if let Some(conds) = ns
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .filter(|c| !c.is_empty())
    {
        w.write(LEVEL_0, "Conditions:\n");
        w.write(
            LEVEL_1,
            "Type\tStatus\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            LEVEL_1,
            "----\t------\t------------------\t------\t-------\n",
        );
        for c in conds {
            w.write(
                LEVEL_1,
                &format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    c.type_,
                    c.status,
                    go_time(c.last_transition_time.as_ref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    // No ResourceQuota or LimitRange kinds are served, so kubectl's empty sections follow.
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No resource quota.\n");
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No LimitRange resource.\n");
    w.finish()
}
