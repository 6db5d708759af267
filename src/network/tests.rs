//! Cluster DNS and the DNS tools against a small cluster: a headless Service `nginx`
//! selecting StatefulSet `web`, a ClusterIP Service, and seed 004's mistake (a
//! `serviceName` that names no Service).

use super::dns::{self, Target};
use super::tools::{self, Asker};
use crate::api::{Kind, Object};
use crate::cluster::{Cluster, ClusterConfig};
use crate::kubectl::output::Capture;
use crate::store::ObjKey;
use std::net::Ipv4Addr;

fn object(yaml: &str) -> Object {
    let v: serde_json::Value = serde_yaml_ng::from_str(yaml).expect("test yaml");
    let kind = Kind::from_type_meta(
        v["apiVersion"].as_str().unwrap_or_default(),
        v["kind"].as_str().unwrap_or_default(),
    )
    .expect("known kind");
    Object::from_json_lenient(kind, v).expect("valid object")
}

fn sts(name: &str, service: &str, replicas: u32) -> String {
    format!(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {name}\nspec:\n  serviceName: {service}\n  replicas: {replicas}\n  selector:\n    matchLabels:\n      app: {name}\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n"
    )
}

fn svc(name: &str, app: &str, headless: bool) -> String {
    let ip = if headless { "\n  clusterIP: None" } else { "" };
    format!("apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\nspec:{ip}\n  selector:\n    app: {app}\n  ports:\n  - name: web\n    port: 80\n")
}

fn cluster() -> Cluster {
    let mut c = Cluster::new(&ClusterConfig::default());
    for y in [
        svc("nginx", "web", true),
        sts("web", "nginx", 2),
        svc("front", "web", false),
        sts("lost", "no-such-service", 1),
    ] {
        c.api.create(object(&y)).expect("created");
    }
    c.advance(60_000);
    c
}

fn pod_ip(c: &Cluster, name: &str) -> Ipv4Addr {
    let obj = c
        .api
        .store
        .get(&ObjKey::new(Kind::Pod, "default", name))
        .expect("pod exists");
    let Object::Pod(p) = obj.as_ref() else {
        panic!("not a pod")
    };
    p.status
        .as_ref()
        .and_then(|s| s.pod_ip.as_deref())
        .expect("pod has an IP")
        .parse()
        .expect("an IPv4")
}

#[test]
fn search_path_expands_short_names() {
    assert_eq!(
        dns::candidates("web-0.nginx", "default"),
        [
            "web-0.nginx.default.svc.cluster.local",
            "web-0.nginx.svc.cluster.local",
            "web-0.nginx.cluster.local",
            "web-0.nginx"
        ]
    );
    assert_eq!(dns::candidates("a.b.c.d.e.f", "x")[0], "a.b.c.d.e.f");
    assert_eq!(dns::candidates("abs.", "x"), ["abs"]);
}

#[test]
fn pods_of_a_headless_service_get_names() {
    let c = cluster();
    let s = &c.api.store;
    let web0 = pod_ip(&c, "web-0");
    let web1 = pod_ip(&c, "web-1");
    let a = dns::resolve(s, "web-0.nginx", "default").expect("resolves");
    assert_eq!(a.fqdn, "web-0.nginx.default.svc.cluster.local");
    assert_eq!(a.addrs, [web0]);
    let mut both = vec![web0, web1];
    both.sort();
    assert_eq!(
        dns::resolve(s, "nginx", "default").map(|a| a.addrs),
        Some(both)
    );
    assert!(dns::resolve(s, "web-o.nginx", "default").is_none());
    assert!(dns::resolve(s, "web-0.nginx", "kube-system").is_none());
    assert!(dns::resolve(s, "web-0.nginx.default", "kube-system").is_some());
    // A ClusterIP Service answers with its virtual IP and no per-pod names.
    let front = dns::resolve(s, "front", "default").expect("resolves");
    assert_ne!(front.addrs, [web0]);
    assert!(dns::resolve(s, "web-0.front", "default").is_none());
    assert_eq!(
        dns::target_of(s, front.addrs[0]),
        Some(Target::Service(ObjKey::new(
            Kind::Service,
            "default",
            "front"
        )))
    );
    assert_eq!(
        dns::reverse(s, web0).as_deref(),
        Some("web-0.nginx.default.svc.cluster.local")
    );
    assert_eq!(
        dns::reverse(s, dns::NAMESERVER).as_deref(),
        Some("kube-dns.kube-system.svc.cluster.local")
    );
    let dashed = format!(
        "{}.default.pod.cluster.local",
        web0.to_string().replace('.', "-")
    );
    assert_eq!(dns::lookup_a(s, &dashed), [web0]);
    let srv = dns::lookup_srv(s, "_web._tcp.nginx.default.svc.cluster.local");
    assert_eq!(srv.len(), 2);
    assert_eq!(srv[0].port, 80);
}

#[test]
fn a_service_name_that_names_no_service_gives_no_pod_names() {
    let c = cluster();
    let s = &c.api.store;
    assert!(dns::resolve(s, "lost-0.no-such-service", "default").is_none());
    assert!(dns::reverse(s, pod_ip(&c, "lost-0")).is_none());
}

fn run(
    c: &Cluster,
    image: &str,
    f: fn(
        &crate::store::Store,
        &Asker<'_>,
        &[String],
        &mut dyn crate::kubectl::output::Sink,
    ) -> i32,
    args: &[&str],
) -> (i32, Capture) {
    let asker = Asker {
        namespace: "default",
        now: c.now(),
        image,
        node: "kind-worker",
    };
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut cap = Capture::default();
    let code = f(&c.api.store, &asker, &args, &mut cap);
    (code, cap)
}

#[test]
fn busybox_128_nslookup_prints_its_format() {
    let c = cluster();
    let web0 = pod_ip(&c, "web-0");
    let (code, out) = run(&c, "busybox:1.28.4", tools::nslookup, &["web-0.nginx"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.text,
        format!("Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: {web0} web-0.nginx.default.svc.cluster.local\n\n")
    );
    let (code, out) = run(&c, "busybox:1.28", tools::nslookup, &["web-o.nginx"]);
    assert_eq!(code, 1);
    assert_eq!(out.stderr, "nslookup: can't resolve 'web-o.nginx'\n");
    assert_eq!(
        out.stdout,
        "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n\n"
    );
}

#[test]
fn newer_busybox_nslookup_has_no_search_path() {
    let c = cluster();
    let (code, out) = run(&c, "busybox", tools::nslookup, &["web-0.nginx"]);
    assert_eq!(code, 1);
    assert!(out
        .text
        .contains("** server can't find web-0.nginx: NXDOMAIN"));
    let (code, out) = run(
        &c,
        "busybox:1.36",
        tools::nslookup,
        &["web-0.nginx.default.svc.cluster.local"],
    );
    assert_eq!(code, 0);
    assert!(out
        .text
        .contains("Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: 10.244."));
}

#[test]
fn getent_and_ping() {
    let c = cluster();
    let web0 = pod_ip(&c, "web-0");
    let (code, out) = run(&c, "nginx", tools::getent, &["hosts", "web-0.nginx"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.text,
        format!(
            "{:<15} web-0.nginx.default.svc.cluster.local\n",
            web0.to_string()
        )
    );
    assert_eq!(run(&c, "nginx", tools::getent, &["hosts", "nope"]).0, 2);
    let (code, out) = run(&c, "busybox", tools::ping, &["-c", "2", "web-0.nginx"]);
    assert_eq!(code, 0, "{}", out.text);
    assert!(out.text.starts_with(&format!(
        "PING web-0.nginx ({web0}): 56 data bytes\n64 bytes from {web0}: seq=0 ttl="
    )));
    assert!(out.text.contains(
        "2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = "
    ));
    let (code, out) = run(&c, "busybox", tools::ping, &["-c", "1", "front"]);
    assert_eq!(code, 1);
    assert!(out
        .text
        .contains("1 packets transmitted, 0 packets received, 100% packet loss\n"));
    let (code, out) = run(&c, "busybox", tools::ping, &["web-o.nginx"]);
    assert_eq!(
        (code, out.text.as_str()),
        (1, "ping: bad address 'web-o.nginx'\n")
    );
}
