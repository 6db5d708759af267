//! `cargo bench`: how long the simulated control plane takes, and how much memory it
//! peaks at, to bring StatefulSets of 1,000 and 10,000 replicas (Parallel) from apply to
//! all Ready, and to replay the seed walkthrough. Targets live here, never in tests:
//! 10,000 replicas should settle in under a second on one core in a release build, with
//! cost growing linearly.

use kubetutor::api::{Kind, Object};
use kubetutor::cluster::{Cluster, ClusterConfig};
use kubetutor::script::runner::{RunOptions, Runner};
use std::time::Instant;

/// mimalloc: the simulator allocates and frees many small objects (API types are trees of
/// strings and maps), and glibc's malloc spent a third of a large run on them. Built
/// without transparent huge pages (Cargo.toml, `no_thp`): with them, a large run was
/// faster at best but now and then spent over a second in the kernel getting them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// CPU time (user + system) this process has used, in milliseconds: steadier than wall
/// time on a loaded machine.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            // Linux reports clock ticks of 10ms (USER_HZ = 100).
            Some((utime + stime) * 10.0)
        })
        .unwrap_or(0.0)
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
    let cpu_start = cpu_ms();
    c.api.create(statefulset(n)).expect("created");
    let mut steps = 0;
    while ready(&c) < n && steps < 600 {
        c.advance(1_000);
        steps += 1;
    }
    let elapsed = start.elapsed();
    let cpu = cpu_ms() - cpu_start;
    println!(
        "statefulset {n:>6} replicas (Parallel): {:>8.1} ms wall, {cpu:>6.0} ms cpu, {:>4} virtual s, {} ready, {} objects, peak RSS {} MiB",
        elapsed.as_secs_f64() * 1000.0,
        steps,
        ready(&c),
        c.api.store.len(),
        peak_rss_kib() / 1024
    );
    let loops: Vec<String> = kubetutor::controllers::LoopId::ALL
        .iter()
        .map(|id| format!("{} {}", id.component(), c.reconciles[*id as usize]))
        .collect();
    println!("  reconciles: {}", loops.join(", "));
}

fn bench_walkthrough() {
    let script =
        std::fs::read_to_string("tests/transcripts/seed-004-walkthrough.t").unwrap_or_default();
    let commands = kubetutor::script::transcript::commands_of(&script);
    let start = Instant::now();
    let mut runner = Runner::new(RunOptions {
        base_dir: std::env::current_dir().unwrap_or_default(),
        ..Default::default()
    });
    let out = runner.run_text(&commands);
    println!(
        "seed 004 walkthrough replay: {:>8.1} ms wall, {} bytes of output",
        start.elapsed().as_secs_f64() * 1000.0,
        out.text.len()
    );
}

/// `cargo bench -- 10000` runs only the cases whose name contains an argument
/// (`bootstrap`, `walkthrough`, `1000`, `10000`); no argument runs them all. Peak RSS
/// is the process's, so run one size alone to read its own peak.
fn selected(case: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|f| f == case)
}

fn main() {
    if selected("bootstrap") {
        let start = Instant::now();
        let _ = Cluster::new(&ClusterConfig::default());
        println!(
            "fresh cluster (bootstrap): {:.2} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    if selected("walkthrough") {
        bench_walkthrough();
    }
    for n in [1_000, 10_000] {
        if selected(&n.to_string()) {
            bench_replicas(n);
        }
    }
}
