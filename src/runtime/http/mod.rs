//! HTTP inside the cluster: name resolution as a pod does it (`/etc/hosts`, then cluster
//! DNS), routing (a pod IP reaches that pod; a Service ClusterIP reaches one of its ready
//! endpoints, chosen round-robin in address order, as a deterministic stand-in for
//! kube-proxy's random choice; `localhost` is the client's own pod), and the servers the
//! images run ([`servers`]).
//!
//! What fails how: a name nothing knows does not resolve; a port no container of the pod
//! serves, a pod whose containers are not running, and a Service without ready endpoints
//! refuse the connection (kube-proxy rejects); a Service port that is not defined and an
//! address nothing owns time out (about 130 s, Linux's SYN retries); the IP of a pod
//! that is gone is unreachable. There is no internet in the sandbox.

pub mod nginx;
pub mod servers;

use crate::api::time::Millis;
use crate::api::Kind;
use crate::cluster::Cluster;
use crate::network::dns::{self, Target};
use crate::store::{ObjKey, Store};
use k8s_openapi::api::core::v1::{Endpoints, Pod, Service};
use std::net::Ipv4Addr;

/// How long a connect to an address that never answers takes to fail.
pub const CONNECT_TIMEOUT_MS: Millis = 130_471;
/// How long the kernel takes to report an unreachable host.
pub const UNREACHABLE_MS: Millis = 3_071;

/// A request as a server sees it.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    /// Path and query (`/index.html`).
    pub target: String,
    /// The `Host` header.
    pub host: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub user_agent: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `HTTP/1.1 200 OK`
    pub fn status_line(&self) -> String {
        format!("HTTP/1.1 {} {}", self.status, self.reason)
    }
}

/// Why no response came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetError {
    Refused,
    /// Nothing answered; the client gave up after this long.
    Timeout(Millis),
    /// No route to the host (a pod IP nobody has), after this long.
    Unreachable(Millis),
    /// The server closed the connection without a reply (postgres, mongo).
    EmptyReply,
    /// The server answered, but not in HTTP (redis, mysql).
    NotHttp,
}

/// Who is asking.
#[derive(Clone, Debug)]
pub struct Client {
    pub pod: ObjKey,
    pub ip: String,
    pub namespace: String,
    /// The client container's `/etc/hosts`.
    pub hosts: String,
}

/// Resolve a host name as the client pod would: an address, `/etc/hosts`, then DNS.
pub fn resolve(store: &Store, client: &Client, name: &str) -> Option<Ipv4Addr> {
    if let Ok(ip) = name.parse::<Ipv4Addr>() {
        return Some(ip);
    }
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    for line in client.hosts.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut f = line.split_whitespace();
        let Some(ip) = f.next().and_then(|ip| ip.parse::<Ipv4Addr>().ok()) else {
            continue;
        };
        if f.any(|n| n.eq_ignore_ascii_case(&lower)) {
            return Some(ip);
        }
    }
    dns::resolve(store, &lower, &client.namespace).and_then(|a| a.addrs.first().copied())
}

/// The owner of an address: cluster DNS's answer, or the pods and Services in the store.
pub fn target_of(store: &Store, ip: Ipv4Addr) -> Option<Target> {
    if let Some(t) = dns::target_of(store, ip) {
        return Some(t);
    }
    let text = ip.to_string();
    for o in store.list(Kind::Service, None) {
        if let Some(s) = o.as_typed::<Service>() {
            if s.spec.as_ref().and_then(|sp| sp.cluster_ip.as_deref()) == Some(text.as_str()) {
                return Some(Target::Service(ObjKey::of(o)));
            }
        }
    }
    let mut found = None;
    for o in store.list(Kind::Pod, None) {
        if let Some(p) = o.as_typed::<Pod>() {
            let st = p.status.as_ref();
            let host_net = p.spec.as_ref().and_then(|s| s.host_network) == Some(true);
            if !host_net && st.and_then(|s| s.pod_ip.as_deref()) == Some(text.as_str()) {
                // Prefer a live pod over one being deleted.
                let live = !o.is_terminating();
                if live || found.is_none() {
                    found = Some(Target::Pod(ObjKey::of(o)));
                }
                if live {
                    break;
                }
            }
        }
    }
    found
}

/// The ports a container listens on.
pub fn listening_ports(pod: &Pod, container: &str) -> Vec<u16> {
    let Some(c) = pod
        .spec
        .as_ref()
        .and_then(|s| s.containers.iter().find(|c| c.name == container))
    else {
        return vec![];
    };
    let info = super::images::info(c.image.as_deref().unwrap_or(""));
    use crate::kubelet::images::App;
    match info.app {
        App::Nginx | App::NginxSlim => vec![80],
        App::Kubia | App::KubiaPet => vec![8080],
        App::Httpd => vec![80],
        App::Postgres => vec![5432],
        App::Mysql => vec![3306, 33060],
        App::Redis => vec![6379],
        App::Mongo => vec![27017],
        App::Generic => c
            .ports
            .iter()
            .flatten()
            .map(|p| p.container_port.clamp(0, 65535) as u16)
            .collect(),
        App::Pause | App::None => vec![],
    }
}

fn container_running(pod: &Pod, name: &str) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().find(|c| c.name == name))
        .and_then(|c| c.state.as_ref())
        .is_some_and(|s| s.running.is_some())
}

/// Pick the endpoint of `svc` for `port`: (pod, target port).
fn service_backend(
    cluster: &mut Cluster,
    key: &ObjKey,
    port: u16,
) -> Result<(ObjKey, u16), NetError> {
    let store = &cluster.api.store;
    let Some(svc) = store
        .get(key)
        .and_then(|o| o.as_typed::<Service>().cloned())
    else {
        return Err(NetError::Timeout(CONNECT_TIMEOUT_MS));
    };
    let spec = svc.spec.clone().unwrap_or_default();
    let Some(sp) = spec
        .ports
        .iter()
        .flatten()
        .find(|p| p.port == port as i32)
        .cloned()
    else {
        return Err(NetError::Timeout(CONNECT_TIMEOUT_MS));
    };
    let ep = store
        .get(&ObjKey::new(Kind::Endpoints, &key.namespace, &key.name))
        .and_then(|o| o.as_typed::<Endpoints>().cloned());
    let mut backends: Vec<(ObjKey, u16)> = Vec::new();
    for subset in ep.iter().flat_map(|e| e.subsets.iter().flatten()) {
        let target_port = subset
            .ports
            .iter()
            .flatten()
            .find(|p| p.name == sp.name || subset.ports.as_ref().is_some_and(|v| v.len() == 1))
            .map(|p| p.port.clamp(0, 65535) as u16);
        let Some(tp) = target_port else { continue };
        for a in subset.addresses.iter().flatten() {
            let Some(t) = &a.target_ref else { continue };
            let (Some(name), Some(ns)) = (&t.name, &t.namespace) else {
                continue;
            };
            backends.push((ObjKey::new(Kind::Pod, ns, name), tp));
        }
    }
    if backends.is_empty() {
        return Err(NetError::Refused);
    }
    let i = cluster.runtime.next_endpoint(key, backends.len());
    Ok(backends.swap_remove(i))
}

/// Send `req` to `ip:port` from `client`. Returns the response, or why none came.
pub fn exchange(
    cluster: &mut Cluster,
    client: &Client,
    ip: Ipv4Addr,
    port: u16,
    req: &Request,
) -> Result<Response, NetError> {
    let (pod_key, port, source_ip) = if ip.is_loopback() {
        (client.pod.clone(), port, ip.to_string())
    } else {
        match target_of(&cluster.api.store, ip) {
            Some(Target::Pod(k)) => (k, port, client.ip.clone()),
            Some(Target::Service(k)) => {
                let (pod, tp) = service_backend(cluster, &k, port)?;
                (pod, tp, client.ip.clone())
            }
            None => {
                let pods = ip.octets()[0] == 10 && ip.octets()[1] == 244;
                return Err(if pods {
                    NetError::Unreachable(UNREACHABLE_MS)
                } else {
                    NetError::Timeout(CONNECT_TIMEOUT_MS)
                });
            }
        }
    };
    let Some(pod) = cluster
        .api
        .store
        .get(&pod_key)
        .and_then(|o| o.as_typed::<Pod>().cloned())
    else {
        return Err(NetError::Unreachable(UNREACHABLE_MS));
    };
    let containers: Vec<String> = pod
        .spec
        .iter()
        .flat_map(|s| s.containers.iter().map(|c| c.name.clone()))
        .collect();
    for name in containers {
        let declared = listening_ports(&pod, &name);
        if declared.is_empty() {
            continue;
        }
        let running = container_running(&pod, &name);
        let now = cluster.now();
        let key = if running {
            cluster
                .runtime
                .ensure(&cluster.api.store, &pod_key, &name, now)
        } else {
            None
        };
        let ports = match &key {
            Some(k) => {
                let app = cluster
                    .runtime
                    .container(k)
                    .map(|c| c.info.app)
                    .unwrap_or(crate::kubelet::images::App::Generic);
                servers::ports_of(cluster, k, app, &declared)
            }
            None => declared,
        };
        if !ports.contains(&port) {
            continue;
        }
        return match key {
            Some(k) => servers::serve(cluster, &k, port, req, &source_ip),
            None => Err(NetError::Refused),
        };
    }
    Err(NetError::Refused)
}

/// Whether pod `pod_key` accepts a TCP connection on `port` (what a kubelet's tcpSocket
/// probe checks): one of its running containers listens there.
pub fn accepts(cluster: &mut Cluster, pod_key: &ObjKey, port: u16) -> Result<(), NetError> {
    let Some(pod) = cluster
        .api
        .store
        .get(pod_key)
        .and_then(|o| o.as_typed::<Pod>().cloned())
    else {
        return Err(NetError::Unreachable(UNREACHABLE_MS));
    };
    let names: Vec<String> = pod
        .spec
        .iter()
        .flat_map(|s| s.containers.iter().map(|c| c.name.clone()))
        .collect();
    for name in names {
        let declared = listening_ports(&pod, &name);
        if declared.is_empty() || !container_running(&pod, &name) {
            continue;
        }
        let now = cluster.now();
        let Some(k) = cluster
            .runtime
            .ensure(&cluster.api.store, pod_key, &name, now)
        else {
            continue;
        };
        let app = cluster
            .runtime
            .container(&k)
            .map(|c| c.info.app)
            .unwrap_or(crate::kubelet::images::App::Generic);
        if servers::ports_of(cluster, &k, app, &declared).contains(&port) {
            return Ok(());
        }
    }
    Err(NetError::Refused)
}

/// `Mon, 03 Mar 2025 10:00:05 GMT`
pub fn http_date(ms: Millis) -> String {
    k8s_openapi::jiff::fmt::strtime::format(
        "%a, %d %b %Y %H:%M:%S GMT",
        crate::api::time::to_timestamp(ms),
    )
    .unwrap_or_default()
}

/// A URL split as clients need it.
#[derive(Clone, Debug, PartialEq)]
pub struct Url {
    pub scheme: String,
    pub host: String,
    pub port: u16,
    /// Path and query, at least `/`.
    pub target: String,
    /// Whether the port was written (it then appears in the Host header).
    pub explicit_port: bool,
}

/// Parse `http://host[:port]/path` (the scheme is optional, as for curl and wget).
pub fn parse_url(url: &str) -> Result<Url, String> {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("http".to_string(), url),
    };
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return Err(scheme),
    };
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port, explicit) = match authority.rsplit_once(':') {
        Some((h, p)) => match p.parse::<u16>() {
            Ok(p) => (h.to_string(), p, true),
            Err(_) => return Err(format!("port:{p}")),
        },
        None => (authority.to_string(), default_port, false),
    };
    let target = if path.starts_with('?') {
        format!("/{path}")
    } else {
        path.to_string()
    };
    Ok(Url {
        scheme,
        host,
        port,
        target,
        explicit_port: explicit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = parse_url("web-0.nginx").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.target.as_str()),
            ("web-0.nginx", 80, "/")
        );
        let u = parse_url("http://10.96.0.5:8080/x?y=1").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.target.as_str()),
            ("10.96.0.5", 8080, "/x?y=1")
        );
        assert_eq!(parse_url("ftp://x").unwrap_err(), "ftp");
    }
}
