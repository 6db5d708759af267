//! Robustness: generated and mutated command lines, manifests and saved sandboxes fed
//! through the public script runner, asserting that nothing panics, no command runs
//! unboundedly and the output stays bounded. Inputs come from the transcripts, the command
//! files and the fixtures (see `robustness/generate.rs`); the generator is seeded, so a
//! failure names the seed and the command that reproduce it.
//!
//! The CI run takes about 20 seconds. To search longer:
//!
//! ```text
//! KUBETUTOR_FUZZ_SECS=600 KUBETUTOR_FUZZ_SEED=7 cargo test --release --test robustness -- --nocapture
//! ```
//!
//! `KUBETUTOR_FUZZ_FILE=cmds.sh` instead runs each command of a file (after the same
//! setup) and prints its time and the first lines of its output: a quick probe.

mod generate;

use kubetutor::kubectl::output::Capture;
use kubetutor::sandbox::journal::Journal;
use kubetutor::script::lexer;
use kubetutor::script::runner::{RunOptions, Runner};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest one command may take before it counts as a hang (a debug build, a shared
/// machine: generous; the slowest legitimate commands, a 10-minute watch, take well under).
const SLOW: Duration = Duration::from_secs(15);
/// A command still running after this long aborts the whole test, naming it.
const HUNG: Duration = Duration::from_secs(120);
/// The most output one command may print.
const MAX_OUTPUT: usize = 64 * 1024 * 1024;
/// Commands run on one runner before a fresh one is set up.
const COMMANDS_PER_RUNNER: usize = 40;

/// The commands every runner starts with: the seed clusters' StatefulSets and Services, a
/// Deployment, and time for their pods to start.
const SETUP: &str = "\
kubectl apply -f fixtures/seed-003/headlessService.yaml
kubectl apply -f fixtures/seed-003/statefulset_withpvc.yaml
kubectl apply -f fixtures/seed-004/fixed/
kubectl create deployment web --image=nginx:1.25 --replicas=2
sleep 40
";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The command running now and since when, for the watchdog.
type Current = Arc<Mutex<Option<(Instant, String)>>>;

/// A thread that aborts the process when one command runs longer than [`HUNG`].
fn watchdog() -> Current {
    let current: Current = Arc::new(Mutex::new(None));
    let watched = current.clone();
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(1));
        let guard = watched.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((since, cmd)) = guard.as_ref() {
            if since.elapsed() > HUNG {
                eprintln!("HUNG for {HUNG:?}: {cmd:?}");
                std::process::abort();
            }
        }
    });
    current
}

/// The message and place of the last panic (the default hook's text, kept to report).
fn capture_panics() -> Arc<Mutex<String>> {
    let last = Arc::new(Mutex::new(String::new()));
    let keep = last.clone();
    std::panic::set_hook(Box::new(move |info| {
        *keep.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
    }));
    last
}

fn new_runner() -> Runner {
    let mut runner = Runner::new(RunOptions {
        base_dir: root(),
        quiet: true,
        ..Default::default()
    });
    let setup = runner.run_text(SETUP);
    assert!(!runner.failed, "setup failed:\n{}", setup.text);
    runner
}

/// What went wrong with one command.
struct Problem {
    command: String,
    what: String,
}

/// Runs commands one at a time, catching panics and timing each.
struct Harness {
    runner: Runner,
    current: Current,
    last_panic: Arc<Mutex<String>>,
    problems: Vec<Problem>,
    slowest: Vec<(Duration, String)>,
    ran: usize,
}

impl Harness {
    fn new() -> Self {
        // `save NAME` writes into the data folder: a temporary one.
        let home = std::env::temp_dir().join(format!("kubetutor-fuzz-{}", std::process::id()));
        std::env::set_var("KUBETUTOR_HOME", &home);
        Harness {
            runner: new_runner(),
            current: watchdog(),
            last_panic: capture_panics(),
            problems: Vec::new(),
            slowest: Vec::new(),
            ran: 0,
        }
    }

    /// Run `text` (one or more commands) as a command file would; the output.
    fn run(&mut self, text: &str) -> String {
        let mut all = String::new();
        for cmd in lexer::split_commands(text) {
            *self.current.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((Instant::now(), cmd.text.clone()));
            if let Ok(log) = std::env::var("KUBETUTOR_FUZZ_LOG") {
                // Each command before it runs: the last one names a crash or a hang.
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(log)
                {
                    let _ = writeln!(f, "{:?}", cmd.text);
                }
            }
            let started = Instant::now();
            let mut out = Capture::default();
            let result = catch_unwind(AssertUnwindSafe(|| self.runner.run_command(&cmd, &mut out)));
            let took = started.elapsed();
            *self.current.lock().unwrap_or_else(|e| e.into_inner()) = None;
            self.ran += 1;
            self.slowest.push((took, cmd.text.clone()));
            self.slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
            self.slowest.truncate(5);
            let mut problem = |what: String| {
                self.problems.push(Problem {
                    command: cmd.text.clone(),
                    what,
                })
            };
            match result {
                Err(_) => {
                    let msg = self
                        .last_panic
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .clone();
                    problem(format!("panicked: {msg}"));
                    self.runner = new_runner();
                    return all;
                }
                Ok(exit) => {
                    if took > SLOW {
                        problem(format!("took {took:?}"));
                    }
                    if out.text.len() > MAX_OUTPUT {
                        problem(format!("printed {} bytes", out.text.len()));
                    }
                    all.push_str(&out.text);
                    if exit {
                        self.runner = new_runner();
                        return all;
                    }
                }
            }
        }
        all
    }

    fn report(&self) -> String {
        let mut text = format!("{} commands; slowest:\n", self.ran);
        for (took, cmd) in &self.slowest {
            text.push_str(&format!("  {took:?}  {}\n", first_line(cmd)));
        }
        for p in &self.problems {
            text.push_str(&format!("PROBLEM {:?}\n  {}\n", p.command, p.what));
        }
        text
    }
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    line.chars().take(120).collect()
}

#[test]
fn generated_commands_never_panic_hang_or_flood() {
    let mut h = Harness::new();
    if let Ok(file) = std::env::var("KUBETUTOR_FUZZ_FILE") {
        let text = std::fs::read_to_string(&file).expect("KUBETUTOR_FUZZ_FILE readable");
        for cmd in lexer::split_commands(&text) {
            let started = Instant::now();
            let known = h.problems.len();
            let out = h.run(&cmd.text);
            for p in &h.problems[known..] {
                println!("PROBLEM {}", p.what);
            }
            let head: String = out.lines().take(6).collect::<Vec<_>>().join("\n");
            println!(
                "$ {}  [{:?}]\n{}",
                first_line(&cmd.text),
                started.elapsed(),
                head.chars().take(1500).collect::<String>()
            );
        }
        println!("{}", h.report());
        assert!(h.problems.is_empty(), "{}", h.report());
        return;
    }
    let seed = env_number("KUBETUTOR_FUZZ_SEED", 1);
    let budget = Duration::from_secs(env_number("KUBETUTOR_FUZZ_SECS", 20));
    let mut generator = generate::Generator::new(&root(), seed);
    let started = Instant::now();
    let mut on_this_runner = 0;
    while started.elapsed() < budget {
        let text = generator.next_command();
        h.run(&text);
        on_this_runner += 1;
        if on_this_runner == COMMANDS_PER_RUNNER {
            h.runner = new_runner();
            on_this_runner = 0;
        }
    }
    println!("seed {seed}: {}", h.report());
    assert!(h.problems.is_empty(), "seed {seed}: {}", h.report());
}

/// A saved sandbox cut short, with bytes changed, with huge times or a future version is
/// refused or replayed, never a panic, never an unbounded replay.
#[test]
fn damaged_saved_sandboxes_are_refused_or_replayed() {
    let mut runner = new_runner();
    let mut out = Capture::default();
    for line in [
        "kubectl get pods",
        "advance 30s",
        "kubectl scale sts web --replicas=1",
    ] {
        runner.typed(line, &mut out);
    }
    let good = runner.journal.encode();
    let text = String::from_utf8(good.clone()).expect("journals are UTF-8");
    let mut variants: Vec<Vec<u8>> = Vec::new();
    for cut in [0, 1, good.len() / 3, good.len() / 2, good.len() - 1] {
        variants.push(good[..cut].to_vec());
    }
    for (from, to) in [
        ("\"format_version\":1", "\"format_version\":99"),
        ("\"format_version\":1", "\"format_version\":-1"),
        ("\"format_version\":1", "\"format_version\":1e400"),
        ("\"seed\":1", "\"seed\":18446744073709551615"),
        ("\"at_ms\":", "\"at_ms\":9223372036854775807,\"x\":"),
        ("\"end_ms\":", "\"end_ms\":-9223372036854775808,\"x\":"),
        ("\"kind\":\"command\"", "\"kind\":\"advance\""),
        ("\"kind\":\"command\"", "\"kind\":\"attached-line\""),
        ("\"kind\":\"command\"", "\"kind\":\"detach\""),
        ("\"text\":\"advance 30s\"", "\"text\":\"advance 1000h\""),
        ("\"status\":0", "\"status\":2147483648"),
        (
            "\"entries\":[",
            "\"now_ms\":9223372036854775807,\"entries\":[",
        ),
        (
            "\"entries\":[",
            "\"now_ms\":-9223372036854775807,\"entries\":[",
        ),
        (
            "kubectl get pods",
            "kubectl exec web-0 -- sh -c 'while :; do :; done'",
        ),
    ] {
        variants.push(text.replacen(from, to, 1).into_bytes());
    }
    variants.push(b"\xef\xbb\xbf".iter().chain(&good).copied().collect());
    variants.push(vec![0xff; 100]);
    variants.push(b"[".repeat(100_000));
    for bytes in variants {
        let Ok(journal) = Journal::decode(&bytes) else {
            continue;
        };
        let started = Instant::now();
        let replayed = kubetutor::sandbox::replay::rebuild(&mut runner, &journal);
        assert!(
            started.elapsed() < SLOW,
            "replaying {} took {:?} ({replayed:?})",
            String::from_utf8_lossy(&bytes),
            started.elapsed()
        );
    }
}
