//! Describers of Service (with its `Endpoints:` per port, from the service's
//! EndpointSlices as v1.32 reads them, or its Endpoints object when no slice exists) and
//! of Endpoints.

use super::events::describe_events;
use super::fields;
use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2};
use crate::api::labels::format_labels;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::printers::table::format_endpoints;
use crate::store::{ObjKey, Store};
use k8s_openapi::api::core::v1::{Endpoints, Service};
use k8s_openapi::api::discovery::v1::EndpointSlice;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

/// `formatEndpointSlices` for one service port name: ready endpoints as `ip:port`, at most
/// three, then ` + N more...`; `<none>` without slices.
fn format_slices(slices: &[&EndpointSlice], port_name: &str) -> String {
    if slices.is_empty() {
        return "<none>".into();
    }
    const MAX: usize = 3;
    let mut list: Vec<String> = Vec::new();
    let mut more = false;
    let mut count = 0;
    let ready = |e: &k8s_openapi::api::discovery::v1::Endpoint| {
        e.conditions.as_ref().and_then(|c| c.ready).unwrap_or(true)
    };
    for s in slices {
        let ports = s.ports.as_deref().unwrap_or_default();
        if ports.is_empty() {
            for e in &s.endpoints {
                if list.len() == MAX {
                    more = true;
                }
                if !ready(e) {
                    continue;
                }
                if !more {
                    list.push(e.addresses.first().cloned().unwrap_or_default());
                }
                count += 1;
            }
            continue;
        }
        for p in ports {
            if p.name.as_deref().unwrap_or("") != port_name {
                continue;
            }
            for e in &s.endpoints {
                if list.len() == MAX {
                    more = true;
                }
                if !ready(e) {
                    continue;
                }
                if !more {
                    let addr = e.addresses.first().cloned().unwrap_or_default();
                    let port = p.port.unwrap_or(0);
                    list.push(if addr.contains(':') {
                        format!("[{addr}]:{port}")
                    } else {
                        format!("{addr}:{port}")
                    });
                }
                count += 1;
            }
        }
    }
    let ret = list.join(",");
    if more {
        format!("{ret} + {} more...", count - MAX)
    } else {
        ret
    }
}

pub(crate) fn describe_service(obj: &Object, svc: &Service, store: &Store, now: Millis) -> String {
    let mut w = DescribeWriter::new();
    let meta = &svc.metadata;
    let spec = svc.spec.clone().unwrap_or_default();
    let ns = obj.namespace();
    w.write(LEVEL_0, &format!("Name:\t{}\n", obj.name()));
    w.write(LEVEL_0, &format!("Namespace:\t{ns}\n"));
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", format_labels(spec.selector.as_ref())),
    );
    w.write(
        LEVEL_0,
        &format!("Type:\t{}\n", spec.type_.as_deref().unwrap_or("ClusterIP")),
    );
    if let Some(p) = &spec.ip_family_policy {
        w.write(LEVEL_0, &format!("IP Family Policy:\t{p}\n"));
    }
    let families = spec.ip_families.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("IP Families:\t{}\n", fields::or_none(&families.join(","))),
    );
    w.write(
        LEVEL_0,
        &format!("IP:\t{}\n", spec.cluster_ip.as_deref().unwrap_or("")),
    );
    let ips = spec.cluster_ips.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("IPs:\t{}\n", fields::or_none(&ips.join(","))),
    );
    if let Some(ext) = spec.external_ips.as_ref().filter(|e| !e.is_empty()) {
        w.write(LEVEL_0, &format!("External IPs:\t{}\n", ext.join(",")));
    }
    if let Some(ip) = spec.load_balancer_ip.as_deref().filter(|i| !i.is_empty()) {
        w.write(LEVEL_0, &format!("Desired LoadBalancer IP:\t{ip}\n"));
    }
    if let Some(name) = spec.external_name.as_deref().filter(|n| !n.is_empty()) {
        w.write(LEVEL_0, &format!("External Name:\t{name}\n"));
    }
    let slices: Vec<_> = store.list(Kind::EndpointSlice, Some(ns)).cloned().collect();
    let slices: Vec<&EndpointSlice> = slices
        .iter()
        .filter_map(|o| o.as_typed::<EndpointSlice>())
        .filter(|s| {
            s.metadata
                .labels
                .as_ref()
                .and_then(|l| l.get("kubernetes.io/service-name"))
                .is_some_and(|n| n == obj.name())
        })
        .collect();
    let endpoints = store
        .get(&ObjKey::new(Kind::Endpoints, ns, obj.name()))
        .cloned();
    for p in spec.ports.iter().flatten() {
        let port_name = p.name.as_deref().unwrap_or("");
        let shown_name = if port_name.is_empty() {
            "<unset>"
        } else {
            port_name
        };
        let proto = p.protocol.as_deref().unwrap_or("TCP");
        w.write(
            LEVEL_0,
            &format!("Port:\t{shown_name}\t{}/{proto}\n", p.port),
        );
        let target = match &p.target_port {
            Some(IntOrString::Int(i)) => i.to_string(),
            Some(IntOrString::String(s)) => s.clone(),
            None => p.port.to_string(),
        };
        w.write(LEVEL_0, &format!("TargetPort:\t{target}/{proto}\n"));
        if let Some(np) = p.node_port.filter(|n| *n != 0) {
            w.write(LEVEL_0, &format!("NodePort:\t{shown_name}\t{np}/{proto}\n"));
        }
        let eps = if !slices.is_empty() {
            format_slices(&slices, port_name)
        } else {
            match endpoints.as_ref().and_then(|e| e.as_typed::<Endpoints>()) {
                Some(ep) => format_endpoints(ep, Some(port_name)),
                None => "<none>".into(),
            }
        };
        w.write(LEVEL_0, &format!("Endpoints:\t{eps}\n"));
    }
    w.write(
        LEVEL_0,
        &format!(
            "Session Affinity:\t{}\n",
            spec.session_affinity.as_deref().unwrap_or("None")
        ),
    );
    if let Some(p) = spec
        .external_traffic_policy
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        w.write(LEVEL_0, &format!("External Traffic Policy:\t{p}\n"));
    }
    if let Some(p) = &spec.internal_traffic_policy {
        w.write(LEVEL_0, &format!("Internal Traffic Policy:\t{p}\n"));
    }
    if let Some(hc) = spec.health_check_node_port.filter(|h| *h != 0) {
        w.write(LEVEL_0, &format!("HealthCheck NodePort:\t{hc}\n"));
    }
    if let Some(r) = spec
        .load_balancer_source_ranges
        .as_ref()
        .filter(|r| !r.is_empty())
    {
        w.write(
            LEVEL_0,
            &format!("LoadBalancer Source Ranges:\t{}\n", r.join(",")),
        );
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}

pub(crate) fn describe_endpoints(
    obj: &Object,
    ep: &Endpoints,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, &format!("Name:\t{}\n", obj.name()));
    w.write(LEVEL_0, &format!("Namespace:\t{}\n", obj.namespace()));
    fields::labels(&mut w, "", "Labels", ep.metadata.labels.as_ref());
    fields::annotations(&mut w, "Annotations", ep.metadata.annotations.as_ref());
    w.write(LEVEL_0, "Subsets:\n");
    for ss in ep.subsets.iter().flatten() {
        let ips = |list: &Option<Vec<k8s_openapi::api::core::v1::EndpointAddress>>| {
            let joined = list
                .iter()
                .flatten()
                .map(|a| a.ip.as_str())
                .collect::<Vec<_>>()
                .join(",");
            fields::or_none(&joined).to_string()
        };
        w.write(LEVEL_1, &format!("Addresses:\t{}\n", ips(&ss.addresses)));
        w.write(
            LEVEL_1,
            &format!("NotReadyAddresses:\t{}\n", ips(&ss.not_ready_addresses)),
        );
        if let Some(ports) = ss.ports.as_ref().filter(|p| !p.is_empty()) {
            w.write(LEVEL_1, "Ports:\n");
            w.write(LEVEL_2, "Name\tPort\tProtocol\n");
            w.write(LEVEL_2, "----\t----\t--------\n");
            for p in ports {
                let name = p
                    .name
                    .as_deref()
                    .filter(|n| !n.is_empty())
                    .unwrap_or("<unset>");
                w.write(
                    LEVEL_2,
                    &format!(
                        "{name}\t{}\t{}\n",
                        p.port,
                        p.protocol.as_deref().unwrap_or("TCP")
                    ),
                );
            }
        }
        w.write(LEVEL_0, "\n");
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}
