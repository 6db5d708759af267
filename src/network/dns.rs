//! Cluster DNS as CoreDNS's `kubernetes` plugin answers it, computed from the store.

use crate::store::{ObjKey, Store};
use std::net::Ipv4Addr;

/// The cluster domain kind sets.
pub const CLUSTER_DOMAIN: &str = "cluster.local";
/// The kube-dns Service's ClusterIP, the nameserver in every pod's `/etc/resolv.conf`.
pub const NAMESERVER: Ipv4Addr = Ipv4Addr::new(10, 96, 0, 10);

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

/// Resolve `name` as a pod in `namespace` would (search path, `ndots:5`).
pub fn resolve(store: &Store, name: &str, namespace: &str) -> Option<Answer> {
    let _ = (store, name, namespace);
    None
}

/// What answers at an IP inside the cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Pod(ObjKey),
    Service(ObjKey),
}

/// The pod or Service that owns `ip`.
pub fn target_of(store: &Store, ip: Ipv4Addr) -> Option<Target> {
    let _ = (store, ip);
    None
}
