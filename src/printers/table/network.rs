//! Tables of the service plumbing: services (headless `None`, `80:30080/TCP` ports,
//! external IPs), endpoints (`ip:port`, at most three then `+ N more...`) and
//! endpointslices.

use super::{age, col, wide, Column};
use crate::api::labels::format_labels;
use crate::api::time::Millis;
use k8s_openapi::api::core::v1::{Endpoints, Service, ServicePort};
use k8s_openapi::api::discovery::v1::EndpointSlice;

pub(super) const SERVICE: &[Column] = &[
    col("NAME"),
    col("TYPE"),
    col("CLUSTER-IP"),
    col("EXTERNAL-IP"),
    col("PORT(S)"),
    col("AGE"),
    wide("SELECTOR"),
];

pub(super) const ENDPOINTS: &[Column] = &[col("NAME"), col("ENDPOINTS"), col("AGE")];

pub(super) const ENDPOINTSLICE: &[Column] = &[
    col("NAME"),
    col("ADDRESSTYPE"),
    col("PORTS"),
    col("ENDPOINTS"),
    col("AGE"),
];

/// Longest LoadBalancer ingress list shown in full without `-o wide`.
const LOAD_BALANCER_WIDTH: usize = 16;

/// `makePortString`: `80/TCP`, `80:30080/TCP`, comma-joined.
fn port_string(ports: &[ServicePort]) -> String {
    ports
        .iter()
        .map(|p| {
            let proto = p.protocol.as_deref().unwrap_or("TCP");
            match p.node_port {
                Some(np) if np > 0 => format!("{}:{}/{}", p.port, np, proto),
                _ => format!("{}/{}", p.port, proto),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn external_ip(svc: &Service, wide: bool) -> String {
    let spec = svc.spec.clone().unwrap_or_default();
    let external_ips = spec.external_ips.clone().unwrap_or_default();
    match spec.type_.as_deref().unwrap_or("ClusterIP") {
        "ClusterIP" | "NodePort" => {
            if external_ips.is_empty() {
                "<none>".into()
            } else {
                external_ips.join(",")
            }
        }
        "LoadBalancer" => {
            let ingress: Vec<String> = svc
                .status
                .as_ref()
                .and_then(|s| s.load_balancer.as_ref())
                .and_then(|lb| lb.ingress.as_ref())
                .into_iter()
                .flatten()
                .filter_map(|i| {
                    i.ip.clone()
                        .filter(|ip| !ip.is_empty())
                        .or_else(|| i.hostname.clone().filter(|h| !h.is_empty()))
                })
                .collect();
            let mut lb = ingress.join(",");
            if !wide && lb.len() > LOAD_BALANCER_WIDTH {
                lb = format!("{}...", &lb[..LOAD_BALANCER_WIDTH - 3]);
            }
            if !external_ips.is_empty() {
                let mut all: Vec<String> = Vec::new();
                if !lb.is_empty() {
                    all.extend(lb.split(',').map(String::from));
                }
                all.extend(external_ips);
                all.join(",")
            } else if !lb.is_empty() {
                lb
            } else {
                "<pending>".into()
            }
        }
        "ExternalName" => spec.external_name.unwrap_or_default(),
        _ => "<unknown>".into(),
    }
}

pub(super) fn service(o: &Service, now: Millis) -> Vec<String> {
    let spec = o.spec.clone().unwrap_or_default();
    // The apiserver fills clusterIPs from clusterIP; fall back in case a writer did not.
    let cluster_ip = spec
        .cluster_ips
        .as_ref()
        .and_then(|ips| ips.first().cloned())
        .or_else(|| spec.cluster_ip.clone().filter(|ip| !ip.is_empty()))
        .unwrap_or_else(|| "<none>".into());
    let ports = port_string(spec.ports.as_deref().unwrap_or_default());
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        spec.type_.clone().unwrap_or_else(|| "ClusterIP".into()),
        cluster_ip,
        external_ip(o, false),
        if ports.is_empty() {
            "<none>".into()
        } else {
            ports
        },
        age(o.metadata.creation_timestamp.as_ref(), now),
        format_labels(spec.selector.as_ref()),
    ]
}

/// `host:port` as Go's `net.JoinHostPort` writes it (brackets around IPv6).
fn join_host_port(host: &str, port: i32) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// `formatEndpoints`: up to three entries, then ` + N more...`; `port_name` keeps only
/// the ports of that name (describe's per-port line), None keeps all (the table).
pub(crate) fn format_endpoints(ep: &Endpoints, port_name: Option<&str>) -> String {
    let subsets = ep.subsets.as_deref().unwrap_or_default();
    if subsets.is_empty() {
        return "<none>".into();
    }
    const MAX: usize = 3;
    let mut list: Vec<String> = Vec::new();
    let mut more = false;
    let mut count = 0;
    for ss in subsets {
        let addresses = ss.addresses.as_deref().unwrap_or_default();
        let ports = ss.ports.as_deref().unwrap_or_default();
        if ports.is_empty() {
            count += addresses.len();
            for a in addresses {
                if list.len() == MAX {
                    more = true;
                    break;
                }
                list.push(a.ip.clone());
            }
            continue;
        }
        for port in ports {
            if port_name.is_some_and(|n| n != port.name.as_deref().unwrap_or("")) {
                continue;
            }
            count += addresses.len();
            for a in addresses {
                if list.len() == MAX {
                    more = true;
                    break;
                }
                list.push(join_host_port(&a.ip, port.port));
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

pub(super) fn endpoints(o: &Endpoints, now: Millis) -> Vec<String> {
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        format_endpoints(o, None),
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}

/// `formatDiscoveryList`: at most three, then ` + N more...`.
fn discovery_list(items: Vec<String>) -> String {
    const MAX: usize = 3;
    let count = items.len();
    let shown = items[..count.min(MAX)].join(",");
    if count > MAX {
        format!("{shown} + {} more...", count - MAX)
    } else {
        shown
    }
}

pub(super) fn endpointslice(o: &EndpointSlice, now: Millis) -> Vec<String> {
    let ports: Vec<String> = o
        .ports
        .iter()
        .flatten()
        .map(|p| p.port.map(|n| n.to_string()).unwrap_or_default())
        .collect();
    let addresses: Vec<String> = o
        .endpoints
        .iter()
        .flat_map(|e| e.addresses.iter().cloned())
        .collect();
    let ports_cell = if o.ports.as_ref().is_none_or(|p| p.is_empty()) {
        "<unset>".into()
    } else {
        discovery_list(ports)
    };
    let endpoints_cell = if o.endpoints.is_empty() {
        "<unset>".into()
    } else {
        discovery_list(addresses)
    };
    vec![
        o.metadata.name.clone().unwrap_or_default(),
        o.address_type.clone(),
        ports_cell,
        endpoints_cell,
        age(o.metadata.creation_timestamp.as_ref(), now),
    ]
}
