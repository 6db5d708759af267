//! `kubectl describe pod`: identity, node and timing, status, IPs, controller, containers,
//! conditions, volumes, QoS class, node selectors, tolerations and events, in upstream's
//! order. Also the QoS computation (`qos.GetPodQOS`) the describer prints.

use super::containers::describe_containers;
use super::events::describe_events;
use super::fields;
use super::volumes::describe_volumes;
use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::api::time::{from_time, rfc1123z, Millis};
use crate::api::Object;
use crate::printers::duration::since;
use crate::printers::quantity;
use crate::store::Store;
use k8s_openapi::api::core::v1::{Container, Pod};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use std::collections::BTreeMap;

/// `Kind/name` of the controlling owner reference, as `printController` prints it.
pub(crate) fn controlled_by(meta: &ObjectMeta) -> Option<String> {
    meta.owner_references
        .iter()
        .flatten()
        .find(|r| r.controller == Some(true))
        .map(|r| format!("{}/{}", r.kind, r.name))
}

pub(crate) fn describe_pod(obj: &Object, pod: &Pod, store: &Store, now: Millis) -> String {
    let mut w = DescribeWriter::new();
    let spec = pod.spec.clone().unwrap_or_default();
    let status = pod.status.clone().unwrap_or_default();
    let meta = &pod.metadata;
    w.write(
        LEVEL_0,
        &format!("Name:\t{}\n", meta.name.as_deref().unwrap_or("")),
    );
    w.write(
        LEVEL_0,
        &format!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    if let Some(p) = spec.priority {
        w.write(LEVEL_0, &format!("Priority:\t{p}\n"));
    }
    if let Some(p) = spec
        .priority_class_name
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        w.write(LEVEL_0, &format!("Priority Class Name:\t{p}\n"));
    }
    if let Some(r) = spec.runtime_class_name.as_deref().filter(|r| !r.is_empty()) {
        w.write(LEVEL_0, &format!("Runtime Class Name:\t{r}\n"));
    }
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(LEVEL_0, &format!("Service Account:\t{sa}\n"));
    }
    match spec.node_name.as_deref().filter(|n| !n.is_empty()) {
        None => w.write(LEVEL_0, "Node:\t<none>\n"),
        Some(node) => w.write(
            LEVEL_0,
            &format!(
                "Node:\t{node}/{}\n",
                status.host_ip.as_deref().unwrap_or("")
            ),
        ),
    }
    if let Some(start) = &status.start_time {
        w.write(
            LEVEL_0,
            &format!("Start Time:\t{}\n", rfc1123z(from_time(start))),
        );
    }
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    let phase = status.phase.clone().unwrap_or_default();
    match &meta.deletion_timestamp {
        Some(del) if phase != "Failed" && phase != "Succeeded" => {
            w.write(
                LEVEL_0,
                &format!(
                    "Status:\tTerminating (lasts {})\n",
                    since(Some(from_time(del)), now)
                ),
            );
            w.write(
                LEVEL_0,
                &format!(
                    "Termination Grace Period:\t{}s\n",
                    meta.deletion_grace_period_seconds.unwrap_or(0)
                ),
            );
        }
        _ => w.write(LEVEL_0, &format!("Status:\t{phase}\n")),
    }
    if let Some(r) = status.reason.as_deref().filter(|r| !r.is_empty()) {
        w.write(LEVEL_0, &format!("Reason:\t{r}\n"));
    }
    if let Some(m) = status.message.as_deref().filter(|m| !m.is_empty()) {
        w.write(LEVEL_0, &format!("Message:\t{m}\n"));
    }
    w.write(
        LEVEL_0,
        &format!("IP:\t{}\n", status.pod_ip.as_deref().unwrap_or("")),
    );
    match status.pod_ips.as_ref().filter(|ips| !ips.is_empty()) {
        None => w.write(LEVEL_0, "IPs:\t<none>\n"),
        Some(ips) => {
            w.write(LEVEL_0, "IPs:\n");
            for ip in ips {
                w.write(LEVEL_1, &format!("IP:\t{}\n", ip.ip));
            }
        }
    }
    if let Some(c) = controlled_by(meta) {
        w.write(LEVEL_0, &format!("Controlled By:\t{c}\n"));
    }
    if let Some(n) = status
        .nominated_node_name
        .as_deref()
        .filter(|n| !n.is_empty())
    {
        w.write(LEVEL_0, &format!("NominatedNodeName:\t{n}\n"));
    }
    if let Some(inits) = spec.init_containers.as_ref().filter(|i| !i.is_empty()) {
        describe_containers(
            &mut w,
            "Init Containers",
            inits,
            Some(
                status
                    .init_container_statuses
                    .as_deref()
                    .unwrap_or_default(),
            ),
            Some(pod),
            "",
        );
    }
    describe_containers(
        &mut w,
        "Containers",
        &spec.containers,
        Some(status.container_statuses.as_deref().unwrap_or_default()),
        Some(pod),
        "",
    );
    if let Some(gates) = spec.readiness_gates.as_ref().filter(|g| !g.is_empty()) {
        w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
        for g in gates {
            let s = status
                .conditions
                .iter()
                .flatten()
                .find(|c| c.type_ == g.condition_type)
                .map(|c| c.status.clone())
                .unwrap_or_else(|| "<none>".into());
            w.write(LEVEL_1, &format!("{} \t{} \n", g.condition_type, s));
        }
    }
    if let Some(conds) = status.conditions.as_ref().filter(|c| !c.is_empty()) {
        w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
        for c in conds {
            w.write(LEVEL_1, &format!("{} \t{} \n", c.type_, c.status));
        }
    }
    describe_volumes(&mut w, spec.volumes.as_ref(), "");
    w.write(LEVEL_0, &format!("QoS Class:\t{}\n", qos_class(pod)));
    fields::labels(&mut w, "", "Node-Selectors", spec.node_selector.as_ref());
    fields::tolerations(&mut w, "", "Tolerations", spec.tolerations.as_ref());
    describe_events(&mut w, obj, store, now);
    w.finish()
}

/// `GetPodQOS`: the recorded class, else computed from requests and limits as upstream's
/// `ComputePodQOS` does (cpu and memory only; zero quantities ignored).
pub fn qos_class(pod: &Pod) -> String {
    if let Some(q) = pod
        .status
        .as_ref()
        .and_then(|s| s.qos_class.clone())
        .filter(|q| !q.is_empty())
    {
        return q;
    }
    let spec = pod.spec.clone().unwrap_or_default();
    let containers: Vec<&Container> = spec
        .containers
        .iter()
        .chain(spec.init_containers.iter().flatten())
        .collect();
    let mut requests: BTreeMap<String, quantity::Nanos> = BTreeMap::new();
    let mut limits: BTreeMap<String, quantity::Nanos> = BTreeMap::new();
    let mut guaranteed = true;
    let add = |into: &mut BTreeMap<String, quantity::Nanos>,
               list: Option<
        &BTreeMap<String, k8s_openapi::apimachinery::pkg::api::resource::Quantity>,
    >|
     -> Vec<String> {
        let mut names = Vec::new();
        for (name, q) in list.into_iter().flatten() {
            if name != "cpu" && name != "memory" {
                continue;
            }
            if let Some(n) = quantity::parse(&q.0).filter(|n| *n > 0) {
                *into.entry(name.clone()).or_insert(0) += n;
                names.push(name.clone());
            }
        }
        names
    };
    for c in containers {
        let r = c.resources.clone().unwrap_or_default();
        add(&mut requests, r.requests.as_ref());
        let limited = add(&mut limits, r.limits.as_ref());
        if !(limited.iter().any(|n| n == "cpu") && limited.iter().any(|n| n == "memory")) {
            guaranteed = false;
        }
    }
    if requests.is_empty() && limits.is_empty() {
        return "BestEffort".into();
    }
    if guaranteed
        && requests
            .iter()
            .any(|(name, req)| limits.get(name) != Some(req))
    {
        guaranteed = false;
    }
    if guaranteed && requests.len() == limits.len() {
        "Guaranteed".into()
    } else {
        "Burstable".into()
    }
}
