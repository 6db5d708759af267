//! `cargo bench --bench repl`: how quickly the sandbox's prompt answers. Targets (release
//! build): the first prompt under 20 ms after the process starts, and a Tab completion
//! round trip under 20 ms. Both are measured end to end through a pseudo-terminal (the
//! real binary, as a learner sees it) and in-process (the parts alone), and reported as
//! medians; nothing here fails a build, and tests never time anything.

use kubetutor::api::Kind;
use kubetutor::kubectl::output::Capture;
use kubetutor::repl::complete::{self, SessionSource};
use kubetutor::script::runner::{RunOptions, Runner};
use rexpect::session::{spawn_with_options, Options, PtySession};
use std::process::Command;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PROMPT: &str = "kubetutor (default) $ ";
const RUNS: usize = 15;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Read from the pty until `needle` has appeared; the instant it was seen.
fn seen(p: &mut PtySession, needle: &str) -> Instant {
    let mut buf = String::new();
    let give_up = Instant::now() + Duration::from_secs(30);
    loop {
        match p.try_read() {
            Some(c) => {
                buf.push(c);
                if buf.ends_with(needle) {
                    return Instant::now();
                }
            }
            None if Instant::now() > give_up => panic!("never saw {needle:?}; got {buf:?}"),
            None => std::thread::sleep(Duration::from_micros(50)),
        }
    }
}

fn spawn(home: &std::path::Path) -> (PtySession, Instant) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    cmd.env("KUBETUTOR_HOME", home)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let start = Instant::now();
    let p = spawn_with_options(cmd, Options::new().timeout_ms(Some(30_000))).expect("spawn");
    (p, start)
}

/// End to end: process start to the first prompt, then `kubectl get nodes kind-c<TAB>`
/// to the completed name on screen.
fn pty() -> (Duration, Duration) {
    let home = std::env::temp_dir().join(format!("kubetutor-bench-{}", std::process::id()));
    let mut starts = Vec::new();
    let mut tabs = Vec::new();
    for _ in 0..RUNS {
        let _ = std::fs::remove_dir_all(&home);
        let (mut p, start) = spawn(&home);
        starts.push(seen(&mut p, PROMPT) - start);
        p.send("kubectl get nodes kind-c").expect("type");
        p.flush().expect("flush");
        // The grey hint already shows the rest; the completed word ends in a space.
        seen(&mut p, "kind-control-plane\r");
        let tab = Instant::now();
        p.send("\t").expect("tab");
        p.flush().expect("flush");
        tabs.push(seen(&mut p, "kind-control-plane \r") - tab);
        p.send("\x15\x04").expect("clear the line, Ctrl-D");
        p.flush().expect("flush");
        let _ = p.exp_eof();
    }
    let _ = std::fs::remove_dir_all(&home);
    (median(starts), median(tabs))
}

/// In-process: building the session (the cluster's bootstrap), and `complete()` over a
/// session holding `replicas` pods of a StatefulSet.
fn in_process(replicas: usize) -> (Duration, Duration) {
    let mut builds = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = Runner::new(RunOptions::default());
        builds.push(t.elapsed());
        drop(r);
    }
    let mut runner = Runner::new(RunOptions::default());
    let manifest = format!(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: {replicas}\n  podManagementPolicy: Parallel\n  serviceName: nginx\n  selector:\n    matchLabels: {{app: nginx}}\n  template:\n    metadata:\n      labels: {{app: nginx}}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n"
    );
    let mut out = Capture::default();
    runner.execute("kubectl apply -f -", Some(&manifest), &mut out);
    runner.session.cluster.advance(60_000);
    let pods = runner
        .session
        .cluster
        .api
        .store
        .list(Kind::Pod, Some("default"))
        .count();
    assert_eq!(pods, replicas, "{}", out.text);
    let commands = vec!["help".to_string()];
    let src = SessionSource {
        session: &runner.session,
        cwd: "/",
        commands: &commands,
        lessons: &[],
    };
    let line = "kubectl delete pod web-1";
    let mut completions = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let c = complete::complete(line, line.len(), &src);
        completions.push(t.elapsed());
        assert!(!c.candidates.is_empty());
    }
    (median(builds), median(completions))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        // `cargo test --benches` asks what is here; nothing to list.
        return;
    }
    let (start, tab) = pty();
    println!(
        "repl/pty: start to first prompt {:>8.2} ms   (target < 20 ms)",
        ms(start)
    );
    println!(
        "repl/pty: Tab completion round trip {:>6.2} ms   (target < 20 ms)",
        ms(tab)
    );
    for replicas in [3, 1000] {
        let (build, complete) = in_process(replicas);
        println!(
            "repl/in-process ({replicas:>4} pods): session build {:>6.2} ms, complete() {:>6.3} ms",
            ms(build),
            ms(complete)
        );
    }
}
