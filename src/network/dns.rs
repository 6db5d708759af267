//! Cluster DNS as CoreDNS's `kubernetes` plugin answers it, computed from the store (kind's
//! Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure }`):
//! - `<svc>.<ns>.svc.cluster.local`: the ClusterIP, or for a headless Service the ready
//!   addresses of its Endpoints (not-ready ones too with `publishNotReadyAddresses`, which
//!   the endpoints controller already places among the ready addresses);
//! - `<hostname>.<svc>.<ns>.svc.cluster.local`: an endpoint address that carries a hostname
//!   (a pod whose `subdomain` names that headless Service), `<a-b-c-d>.<svc>...` for one
//!   without;
//! - `<a-b-c-d>.<ns>.pod.cluster.local`: the dashed IP itself (`pods insecure`);
//! - `_<port>._<proto>.<svc>.<ns>.svc.cluster.local` SRV records for named ports;
//! - PTR records for Service ClusterIPs and endpoint addresses.
//!
//! A pod's resolver tries the search path first for names with fewer than five dots
//! (`ndots:5`), then the name as is. The sandbox has no Internet: names outside the
//! cluster domain never resolve (documented in the README).

use crate::api::kinds::Kind;
use crate::api::object::Object;
use crate::store::{ObjKey, Store};
use k8s_openapi::api::core::v1::{EndpointAddress, Endpoints, Service};
use std::net::Ipv4Addr;

/// The cluster domain kind sets.
pub const CLUSTER_DOMAIN: &str = "cluster.local";
/// The kube-dns Service's ClusterIP, the nameserver in every pod's `/etc/resolv.conf`.
pub const NAMESERVER: Ipv4Addr = Ipv4Addr::new(10, 96, 0, 10);
/// `options ndots:5` in every pod's `/etc/resolv.conf`.
pub const NDOTS: usize = 5;

/// The search path of a pod in `namespace` (`/etc/resolv.conf`'s `search` line).
pub fn search_path(namespace: &str) -> Vec<String> {
    vec![
        format!("{namespace}.svc.{CLUSTER_DOMAIN}"),
        format!("svc.{CLUSTER_DOMAIN}"),
        CLUSTER_DOMAIN.to_string(),
    ]
}

/// A successful lookup: the fully qualified name that answered and its addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub fqdn: String,
    pub addrs: Vec<Ipv4Addr>,
}

/// The candidates a stub resolver tries for `name`, in order (glibc/musl with `ndots:5`).
pub fn candidates(name: &str, namespace: &str) -> Vec<String> {
    if let Some(absolute) = name.strip_suffix('.') {
        return vec![absolute.to_string()];
    }
    let expanded = search_path(namespace)
        .into_iter()
        .map(|domain| format!("{name}.{domain}"));
    if name.matches('.').count() >= NDOTS {
        std::iter::once(name.to_string()).chain(expanded).collect()
    } else {
        expanded.chain(std::iter::once(name.to_string())).collect()
    }
}

/// Resolve `name` as a pod in `namespace` would (search path, `ndots:5`). An IPv4
/// literal resolves to itself.
pub fn resolve(store: &Store, name: &str, namespace: &str) -> Option<Answer> {
    if let Ok(ip) = name.parse::<Ipv4Addr>() {
        return Some(Answer {
            fqdn: name.to_string(),
            addrs: vec![ip],
        });
    }
    if name.is_empty() || name.len() > 253 {
        return None;
    }
    candidates(name, namespace).into_iter().find_map(|fqdn| {
        let addrs = lookup_a(store, &fqdn);
        (!addrs.is_empty()).then_some(Answer { fqdn, addrs })
    })
}

/// The A records CoreDNS serves for a fully qualified name (no search path).
pub fn lookup_a(store: &Store, fqdn: &str) -> Vec<Ipv4Addr> {
    let fqdn = fqdn.trim_end_matches('.').to_ascii_lowercase();
    let Some(rest) = fqdn.strip_suffix(CLUSTER_DOMAIN) else {
        return Vec::new();
    };
    let Some(rest) = rest.strip_suffix('.') else {
        return Vec::new();
    };
    let labels: Vec<&str> = rest.split('.').collect();
    match labels.as_slice() {
        [svc, ns, "svc"] => service_addrs(store, ns, svc),
        [host, svc, ns, "svc"] => endpoint_addrs(store, ns, svc, host),
        [dashed, _ns, "pod"] => dashed_ip(dashed).into_iter().collect(),
        _ => Vec::new(),
    }
}

fn service(store: &Store, ns: &str, name: &str) -> Option<Service> {
    match store.get(&ObjKey::new(Kind::Service, ns, name))?.as_ref() {
        Object::Service(s) => Some((**s).clone()),
        _ => None,
    }
}

fn endpoints(store: &Store, ns: &str, name: &str) -> Option<Endpoints> {
    match store.get(&ObjKey::new(Kind::Endpoints, ns, name))?.as_ref() {
        Object::Endpoints(e) => Some((**e).clone()),
        _ => None,
    }
}

/// Whether a Service is headless (`clusterIP: None`).
pub fn is_headless(svc: &Service) -> bool {
    svc.spec.as_ref().and_then(|s| s.cluster_ip.as_deref()) == Some("None")
}

/// The addresses CoreDNS publishes for a Service's endpoints (the ready ones; the
/// endpoints controller lists not-ready pods here too under `publishNotReadyAddresses`).
fn published(store: &Store, ns: &str, svc: &str) -> Vec<EndpointAddress> {
    let Some(ep) = endpoints(store, ns, svc) else {
        return Vec::new();
    };
    ep.subsets
        .unwrap_or_default()
        .into_iter()
        .flat_map(|s| s.addresses.unwrap_or_default())
        .collect()
}

fn service_addrs(store: &Store, ns: &str, name: &str) -> Vec<Ipv4Addr> {
    let Some(svc) = service(store, ns, name) else {
        return Vec::new();
    };
    if is_headless(&svc) {
        let mut ips: Vec<Ipv4Addr> = published(store, ns, name)
            .iter()
            .filter_map(|a| a.ip.parse().ok())
            .collect();
        ips.dedup();
        return ips;
    }
    svc.spec
        .and_then(|s| s.cluster_ip)
        .and_then(|ip| ip.parse().ok())
        .into_iter()
        .collect()
}

/// The endpoint name CoreDNS gives an address: its hostname, else its dashed IP.
fn endpoint_label(addr: &EndpointAddress) -> String {
    match &addr.hostname {
        Some(h) if !h.is_empty() => h.clone(),
        _ => addr.ip.replace('.', "-"),
    }
}

fn endpoint_addrs(store: &Store, ns: &str, svc: &str, host: &str) -> Vec<Ipv4Addr> {
    match service(store, ns, svc) {
        Some(s) if is_headless(&s) => {}
        _ => return Vec::new(),
    }
    published(store, ns, svc)
        .iter()
        .filter(|a| endpoint_label(a) == host)
        .filter_map(|a| a.ip.parse().ok())
        .collect()
}

fn dashed_ip(label: &str) -> Option<Ipv4Addr> {
    label.replace('-', ".").parse().ok()
}

/// The PTR name CoreDNS answers for `ip`: a Service's name for its ClusterIP, the
/// endpoint name under a headless Service for a pod IP (the first Service by namespace
/// and name when several select the pod). None: NXDOMAIN.
pub fn reverse(store: &Store, ip: Ipv4Addr) -> Option<String> {
    let text = ip.to_string();
    for obj in store.list(Kind::Service, None) {
        if let Object::Service(s) = obj.as_ref() {
            if s.spec.as_ref().and_then(|sp| sp.cluster_ip.as_deref()) == Some(text.as_str()) {
                let m = &s.metadata;
                return Some(format!(
                    "{}.{}.svc.{CLUSTER_DOMAIN}",
                    m.name.as_deref().unwrap_or_default(),
                    m.namespace.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    // CoreDNS answers one PTR per Service endpoint with this IP, in no set order; the
    // resolver takes the first. The sandbox puts named endpoints (a pod's own name under
    // its headless Service) first, then Services by namespace and name.
    let mut found: Option<(bool, String)> = None;
    for obj in store.list(Kind::Endpoints, None) {
        let Object::Endpoints(ep) = obj.as_ref() else {
            continue;
        };
        let ns = ep.metadata.namespace.as_deref().unwrap_or_default();
        let name = ep.metadata.name.as_deref().unwrap_or_default();
        let addrs = ep
            .subsets
            .iter()
            .flatten()
            .flat_map(|s| s.addresses.iter().flatten());
        for a in addrs.filter(|a| a.ip == text) {
            let named = a.hostname.as_deref().is_some_and(|h| !h.is_empty());
            if found
                .as_ref()
                .is_none_or(|(was_named, _)| named && !was_named)
            {
                found = Some((
                    named,
                    format!("{}.{name}.{ns}.svc.{CLUSTER_DOMAIN}", endpoint_label(a)),
                ));
            }
        }
    }
    found.map(|(_, host)| host)
}

/// One SRV record: `priority weight port target`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Srv {
    pub port: i32,
    pub target: String,
}

/// SRV records for `_<port>._<proto>.<svc>.<ns>.svc.cluster.local`: one per endpoint for
/// a headless Service, the Service's own name otherwise.
pub fn lookup_srv(store: &Store, fqdn: &str) -> Vec<Srv> {
    let fqdn = fqdn.trim_end_matches('.').to_ascii_lowercase();
    let Some(rest) = fqdn.strip_suffix(&format!(".svc.{CLUSTER_DOMAIN}")) else {
        return Vec::new();
    };
    let labels: Vec<&str> = rest.split('.').collect();
    let [port, proto, svc, ns] = labels.as_slice() else {
        return Vec::new();
    };
    let (Some(port), Some(proto)) = (port.strip_prefix('_'), proto.strip_prefix('_')) else {
        return Vec::new();
    };
    let Some(s) = service(store, ns, svc) else {
        return Vec::new();
    };
    let ports = s
        .spec
        .as_ref()
        .and_then(|sp| sp.ports.clone())
        .unwrap_or_default();
    let Some(p) = ports.iter().find(|p| {
        p.name.as_deref() == Some(port)
            && p.protocol
                .as_deref()
                .unwrap_or("TCP")
                .eq_ignore_ascii_case(proto)
    }) else {
        return Vec::new();
    };
    if !is_headless(&s) {
        return vec![Srv {
            port: p.port,
            target: format!("{svc}.{ns}.svc.{CLUSTER_DOMAIN}"),
        }];
    }
    published(store, ns, svc)
        .iter()
        .map(|a| Srv {
            port: p.port,
            target: format!("{}.{svc}.{ns}.svc.{CLUSTER_DOMAIN}", endpoint_label(a)),
        })
        .collect()
}

/// What answers at an IP inside the cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Pod(ObjKey),
    Service(ObjKey),
}

/// The pod or Service that owns `ip` (a running pod's IP, or a Service's ClusterIP).
pub fn target_of(store: &Store, ip: Ipv4Addr) -> Option<Target> {
    let text = ip.to_string();
    for obj in store.list(Kind::Service, None) {
        if let Object::Service(s) = obj.as_ref() {
            if s.spec.as_ref().and_then(|sp| sp.cluster_ip.as_deref()) == Some(text.as_str()) {
                return Some(Target::Service(ObjKey::of(obj)));
            }
        }
    }
    store
        .list(Kind::Pod, None)
        .find_map(|obj| match obj.as_ref() {
            Object::Pod(p)
                if p.status.as_ref().and_then(|s| s.pod_ip.as_deref()) == Some(text.as_str())
                    && p.metadata.deletion_timestamp.is_none()
                    && p.spec.as_ref().is_none_or(|s| s.host_network != Some(true)) =>
            {
                Some(Target::Pod(ObjKey::of(obj)))
            }
            _ => None,
        })
}
