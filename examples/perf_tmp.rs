//! `cargo bench`: how long the simulated control plane takes, and how much memory it
//! peaks at, to bring StatefulSets of 1,000 and 10,000 replicas (Parallel) from apply to
//! all Ready, and to replay the seed walkthrough. Targets live here, never in tests:
//! 10,000 replicas should settle in under a second on one core in a release build, with
//! cost growing linearly.

use kubetutor::api::{Kind, Object};
use kubetutor::cluster::{Cluster, ClusterConfig};

use std::time::Instant;

fn statefulset(replicas: usize) -> Object {
    let yaml = format!(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: nginx\n  replicas: {replicas}\n  podManagementPolicy: Parallel\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n        volumeMounts:\n        - name: www\n          mountPath: /usr/share/nginx/html\n  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n      accessModes: [\"ReadWriteOnce\"]\n      resources:\n        requests:\n          storage: 1Gi\n"
    );
    let v: serde_json::Value = serde_yaml_ng::from_str(&yaml).expect("valid yaml");
    Object::from_json_lenient(Kind::StatefulSet, v).expect("a StatefulSet")
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn ready(c: &Cluster) -> usize {
    c.api
        .store
        .list(Kind::Pod, Some("default"))
        .filter(|o| {
            o.as_typed::<k8s_openapi::api::core::v1::Pod>()
                .is_some_and(kubetutor::kubelet::status::is_running_and_ready)
        })
        .count()
}

fn bench_replicas(n: usize) {
    let mut c = Cluster::new(&ClusterConfig::default());
    let start = Instant::now();
    c.api.create(statefulset(n)).expect("created");
    let mut steps = 0;
    while ready(&c) < n && steps < 600 {
        c.advance(1_000);
        steps += 1;
    }
    let elapsed = start.elapsed();
    println!(
        "statefulset {n:>6} replicas (Parallel): {:>8.1} ms wall, {:>4} virtual s, {} ready, {} objects, peak RSS {} MiB",
        elapsed.as_secs_f64() * 1000.0,
        steps,
        ready(&c),
        c.api.store.len(),
        peak_rss_kib() / 1024
    );
    println!("reconciles {:?}", c.reconciles);
}

fn main() {
    let start = Instant::now();
    let _ = Cluster::new(&ClusterConfig::default());
    println!(
        "fresh cluster (bootstrap): {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    for n in [2_000] {
        bench_replicas(n);
    }
}
