//! What the kubelet puts into every container: `/etc/hostname`, its managed
//! `/etc/hosts` (the pod's IP line, `hostname.subdomain.ns.svc.cluster.local` when the pod
//! has a subdomain, hostAliases), `/etc/resolv.conf` for the pod's DNS policy, and the
//! environment (the image's, `HOSTNAME`, the container's `env`/`envFrom` with `$(VAR)`
//! expansion, and the docker-link variables of the Services that existed when the
//! container started).

use super::volumes::field_value;
use crate::api::time::{from_time, Millis};
use crate::api::Kind;
use crate::network::dns::{search_path, CLUSTER_DOMAIN, NAMESERVER};
use crate::store::{ObjKey, Store};
use k8s_openapi::api::core::v1::{ConfigMap, Container, Pod, Secret, Service};

/// The kind node's own resolver, which `dnsPolicy: Default` pods get.
const NODE_NAMESERVER: &str = "172.18.0.1";

/// The pod's hostname and, with a subdomain, its domain (`nginx.default.svc.cluster.local`).
pub fn hostname_and_domain(pod: &Pod) -> (String, Option<String>) {
    let spec = pod.spec.as_ref();
    let name = pod.metadata.name.clone().unwrap_or_default();
    let mut host = spec
        .and_then(|s| s.hostname.clone())
        .filter(|h| !h.is_empty())
        .unwrap_or(name);
    if host.len() > 63 {
        host.truncate(63);
        host = host.trim_end_matches(['-', '.']).to_string();
    }
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let domain = spec
        .and_then(|s| s.subdomain.clone())
        .filter(|s| !s.is_empty())
        .map(|sub| format!("{sub}.{ns}.svc.{CLUSTER_DOMAIN}"));
    (host, domain)
}

/// What `hostname` prints (the FQDN with `setHostnameAsFQDN`).
pub fn hostname(pod: &Pod) -> String {
    let (host, domain) = hostname_and_domain(pod);
    match domain {
        Some(d) if pod.spec.as_ref().and_then(|s| s.set_hostname_as_fqdn) == Some(true) => {
            format!("{host}.{d}")
        }
        _ => host,
    }
}

/// The kubelet-managed `/etc/hosts`.
pub fn hosts_file(pod: &Pod) -> String {
    let (host, domain) = hostname_and_domain(pod);
    let mut s = String::from("# Kubernetes-managed hosts file.\n");
    s.push_str("127.0.0.1\tlocalhost\n");
    s.push_str("::1\tlocalhost ip6-localhost ip6-loopback\n");
    s.push_str("fe00::0\tip6-localnet\n");
    s.push_str("fe00::0\tip6-mcastprefix\n");
    s.push_str("fe00::1\tip6-allnodes\n");
    s.push_str("fe00::2\tip6-allrouters\n");
    let status = pod.status.as_ref();
    let mut ips: Vec<String> = status
        .and_then(|st| st.pod_ips.as_ref())
        .map(|v| v.iter().map(|p| p.ip.clone()).collect())
        .unwrap_or_default();
    if ips.is_empty() {
        ips.extend(status.and_then(|st| st.pod_ip.clone()));
    }
    for ip in ips {
        match &domain {
            Some(d) => s.push_str(&format!("{ip}\t{host}.{d}\t{host}\n")),
            None => s.push_str(&format!("{ip}\t{host}\n")),
        }
    }
    let aliases = pod
        .spec
        .as_ref()
        .and_then(|sp| sp.host_aliases.clone())
        .unwrap_or_default();
    if !aliases.is_empty() {
        s.push_str("\n# Entries added by HostAliases.\n");
        for a in aliases {
            s.push_str(&format!(
                "{}\t{}\n",
                a.ip,
                a.hostnames.unwrap_or_default().join("\t")
            ));
        }
    }
    s
}

/// `/etc/resolv.conf` for the pod's `dnsPolicy` and `dnsConfig`.
pub fn resolv_conf(pod: &Pod) -> String {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let spec = pod.spec.clone().unwrap_or_default();
    let policy = spec
        .dns_policy
        .clone()
        .unwrap_or_else(|| "ClusterFirst".into());
    let host_network = spec.host_network == Some(true);
    let (mut search, mut servers, mut options): (Vec<String>, Vec<String>, Vec<String>) =
        match policy.as_str() {
            "None" => (vec![], vec![], vec![]),
            "Default" => (vec![], vec![NODE_NAMESERVER.into()], vec!["ndots:0".into()]),
            "ClusterFirst" if host_network => {
                (vec![], vec![NODE_NAMESERVER.into()], vec!["ndots:0".into()])
            }
            _ => (
                search_path(&ns),
                vec![NAMESERVER.to_string()],
                vec!["ndots:5".into()],
            ),
        };
    if let Some(cfg) = &spec.dns_config {
        servers.extend(cfg.nameservers.iter().flatten().cloned());
        search.extend(cfg.searches.iter().flatten().cloned());
        for o in cfg.options.iter().flatten() {
            let text = match &o.value {
                Some(v) => format!("{}:{v}", o.name.clone().unwrap_or_default()),
                None => o.name.clone().unwrap_or_default(),
            };
            let key = text.split(':').next().unwrap_or("").to_string();
            options.retain(|e| e.split(':').next() != Some(key.as_str()));
            options.push(text);
        }
    }
    let mut s = String::new();
    if !search.is_empty() {
        s.push_str(&format!("search {}\n", search.join(" ")));
    }
    for n in servers {
        s.push_str(&format!("nameserver {n}\n"));
    }
    if !options.is_empty() {
        s.push_str(&format!("options {}\n", options.join(" ")));
    }
    s
}

fn env_name(service: &str) -> String {
    service.to_uppercase().replace('-', "_")
}

/// The docker-link variables of one Service (`envvars.FromServices`).
fn service_vars(svc: &Service, out: &mut Vec<(String, String)>) {
    let Some(spec) = &svc.spec else { return };
    let Some(ip) = spec
        .cluster_ip
        .clone()
        .filter(|ip| !ip.is_empty() && ip != "None")
    else {
        return;
    };
    let name = env_name(svc.metadata.name.as_deref().unwrap_or(""));
    let ports = spec.ports.clone().unwrap_or_default();
    let Some(first) = ports.first() else { return };
    out.push((format!("{name}_SERVICE_HOST"), ip.clone()));
    out.push((format!("{name}_SERVICE_PORT"), first.port.to_string()));
    for p in &ports {
        if let Some(pn) = p.name.as_deref().filter(|n| !n.is_empty()) {
            out.push((
                format!("{name}_SERVICE_PORT_{}", env_name(pn)),
                p.port.to_string(),
            ));
        }
    }
    let proto = |p: &k8s_openapi::api::core::v1::ServicePort| {
        p.protocol.clone().unwrap_or_else(|| "TCP".into())
    };
    out.push((
        format!("{name}_PORT"),
        format!("{}://{ip}:{}", proto(first).to_lowercase(), first.port),
    ));
    for p in &ports {
        let pr = proto(p);
        let prefix = format!("{name}_PORT_{}_{}", p.port, pr.to_uppercase());
        out.push((
            prefix.clone(),
            format!("{}://{ip}:{}", pr.to_lowercase(), p.port),
        ));
        out.push((format!("{prefix}_PROTO"), pr.to_lowercase()));
        out.push((format!("{prefix}_PORT"), p.port.to_string()));
        out.push((format!("{prefix}_ADDR"), ip.clone()));
    }
}

/// Service variables for a container started at `started`: Services in its namespace
/// (if `enableServiceLinks`) and the `kubernetes` Service, that existed by then.
fn service_env(store: &Store, pod: &Pod, started: Millis) -> Vec<(String, String)> {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let links = pod.spec.as_ref().and_then(|s| s.enable_service_links) != Some(false);
    let existed = |svc: &Service| {
        svc.metadata
            .creation_timestamp
            .as_ref()
            .is_none_or(|t| from_time(t) <= started)
    };
    let mut chosen: std::collections::BTreeMap<String, Service> = Default::default();
    if links {
        for o in store.list(Kind::Service, Some(&ns)) {
            if let Some(s) = o.as_typed::<Service>().filter(|s| existed(s)) {
                chosen.insert(o.name().to_string(), s.clone());
            }
        }
    }
    if let Some(k) = store
        .get(&ObjKey::new(Kind::Service, "default", "kubernetes"))
        .and_then(|o| o.as_typed::<Service>().cloned())
    {
        chosen.entry("kubernetes".into()).or_insert(k);
    }
    let mut out = Vec::new();
    for svc in chosen.values() {
        service_vars(svc, &mut out);
    }
    out
}

/// Expand `$(VAR)` references as the kubelet does (`$$` escapes a `$`; unknown
/// references stay as written).
pub fn expand(value: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let b = value.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'$' && i + 1 < b.len() {
            if b[i + 1] == b'$' {
                out.push('$');
                i += 2;
                continue;
            }
            if b[i + 1] == b'(' {
                if let Some(end) = value[i + 2..].find(')') {
                    let name = &value[i + 2..i + 2 + end];
                    match lookup(name) {
                        Some(v) => out.push_str(&v),
                        None => out.push_str(&value[i..i + 3 + end]),
                    }
                    i += 3 + end;
                    continue;
                }
            }
        }
        let ch = value[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// The variables the kubelet passes for `container` (before the runtime adds the image's).
fn kubelet_env(store: &Store, pod: &Pod, c: &Container, started: Millis) -> Vec<(String, String)> {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let services = service_env(store, pod, started);
    let mut env: Vec<(String, String)> = Vec::new();
    let set = |env: &mut Vec<(String, String)>, k: String, v: String| {
        if let Some(e) = env.iter_mut().find(|(n, _)| *n == k) {
            e.1 = v;
        } else {
            env.push((k, v));
        }
    };
    for from in c.env_from.iter().flatten() {
        let prefix = from.prefix.clone().unwrap_or_default();
        if let Some(r) = &from.config_map_ref {
            if let Some(cm) = store
                .get(&ObjKey::new(Kind::ConfigMap, &ns, &r.name))
                .and_then(|o| o.as_typed::<ConfigMap>().cloned())
            {
                for (k, v) in cm.data.unwrap_or_default() {
                    set(&mut env, format!("{prefix}{k}"), v);
                }
            }
        }
        if let Some(r) = &from.secret_ref {
            if let Some(s) = store
                .get(&ObjKey::new(Kind::Secret, &ns, &r.name))
                .and_then(|o| o.as_typed::<Secret>().cloned())
            {
                for (k, v) in s.data.unwrap_or_default() {
                    set(
                        &mut env,
                        format!("{prefix}{k}"),
                        String::from_utf8_lossy(&v.0).into_owned(),
                    );
                }
            }
        }
    }
    for e in c.env.iter().flatten() {
        let value = if let Some(v) = &e.value {
            let lookup = |name: &str| {
                env.iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
                    .or_else(|| {
                        services
                            .iter()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| v.clone())
                    })
            };
            expand(v, &lookup)
        } else if let Some(src) = &e.value_from {
            if let Some(f) = &src.field_ref {
                field_value(pod, &f.field_path).unwrap_or_default()
            } else if let Some(r) = &src.config_map_key_ref {
                store
                    .get(&ObjKey::new(Kind::ConfigMap, &ns, &r.name))
                    .and_then(|o| o.as_typed::<ConfigMap>().cloned())
                    .and_then(|cm| cm.data?.get(&r.key).cloned())
                    .unwrap_or_default()
            } else if let Some(r) = &src.secret_key_ref {
                store
                    .get(&ObjKey::new(Kind::Secret, &ns, &r.name))
                    .and_then(|o| o.as_typed::<Secret>().cloned())
                    .and_then(|s| s.data?.get(&r.key).cloned())
                    .map(|b| String::from_utf8_lossy(&b.0).into_owned())
                    .unwrap_or_default()
            } else if let Some(r) = &src.resource_field_ref {
                resource_value(c, &r.resource)
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        set(&mut env, e.name.clone(), value);
    }
    for (k, v) in services {
        if !env.iter().any(|(n, _)| *n == k) {
            env.push((k, v));
        }
    }
    env
}

/// A `resourceFieldRef` value: the limit (or request) in the unit the kubelet uses
/// (cores rounded up, bytes); the node's allocatable when unset.
fn resource_value(c: &Container, resource: &str) -> String {
    let res = c.resources.clone().unwrap_or_default();
    let (kind, field) = resource.split_once('.').unwrap_or(("limits", resource));
    let map = if kind == "requests" {
        res.requests
    } else {
        res.limits
    };
    let q = map.and_then(|m| m.get(field).cloned()).map(|q| q.0);
    let bytes = |q: &str| crate::controllers::volume::quantity_bytes(q).unwrap_or(0.0);
    match (field, q) {
        ("cpu", Some(q)) => (bytes(&q).ceil() as i64).max(1).to_string(),
        ("cpu", None) => "8".into(),
        (_, Some(q)) => (bytes(&q) as i64).to_string(),
        (_, None) => "33615712256".into(),
    }
}

/// The process environment of `container`: `PATH` (and the rest of the image's config),
/// `HOSTNAME`, the kubelet's variables, then `HOME` when nothing set it.
pub fn environment(
    store: &Store,
    pod: &Pod,
    c: &Container,
    image_env: &[(String, String)],
    started: Millis,
    home: &str,
) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: &str| {
        if let Some(e) = env.iter_mut().find(|(n, _)| n == k) {
            e.1 = v.to_string();
        } else {
            env.push((k.to_string(), v.to_string()));
        }
    };
    let mut iter = image_env.iter();
    if let Some((k, v)) = iter.next() {
        put(k, v);
    }
    put("HOSTNAME", &hostname(pod));
    for (k, v) in iter {
        put(k, v);
    }
    for (k, v) in kubelet_env(store, pod, c, started) {
        put(&k, &v);
    }
    if !env.iter().any(|(k, _)| k == "HOME") {
        env.push(("HOME".into(), home.to_string()));
    }
    env
}

/// When the container started, from the pod's status (the pod's start otherwise).
pub fn started_at(pod: &Pod, container: &str) -> Option<Millis> {
    let st = pod.status.as_ref()?;
    let cs = st
        .container_statuses
        .iter()
        .flatten()
        .chain(st.init_container_statuses.iter().flatten())
        .find(|c| c.name == container);
    cs.and_then(|c| c.state.as_ref())
        .and_then(|s| s.running.as_ref())
        .and_then(|r| r.started_at.as_ref())
        .map(from_time)
        .or_else(|| st.start_time.as_ref().map(from_time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::{PodIP, PodSpec, PodStatus};
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

    fn pod(name: &str, sub: Option<&str>) -> Pod {
        Pod {
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some("default".into()),
                ..Default::default()
            },
            spec: Some(PodSpec {
                hostname: sub.map(|_| name.to_string()),
                subdomain: sub.map(String::from),
                ..Default::default()
            }),
            status: Some(PodStatus {
                pod_ip: Some("10.244.1.2".into()),
                pod_ips: Some(vec![PodIP {
                    ip: "10.244.1.2".into(),
                }]),
                ..Default::default()
            }),
        }
    }

    #[test]
    fn hosts_file_as_the_kubelet_writes_it() {
        assert_eq!(
            hosts_file(&pod("web-0", Some("nginx"))),
            "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.2\tweb-0.nginx.default.svc.cluster.local\tweb-0\n"
        );
        assert!(hosts_file(&pod("plain", None)).ends_with("10.244.1.2\tplain\n"));
    }

    #[test]
    fn resolv_conf_for_cluster_first() {
        assert_eq!(
            resolv_conf(&pod("p", None)),
            "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"
        );
    }

    #[test]
    fn dollar_paren_expansion() {
        let lookup = |n: &str| (n == "A").then(|| "x".to_string());
        assert_eq!(expand("$(A)-$(B)-$$(A)", &lookup), "x-$(B)-$(A)");
    }
}
