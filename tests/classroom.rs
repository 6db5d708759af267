//! The classroom features through the real binary: `run --demo` with the presenter's
//! keys piped in, `--record` of a session on piped stdin, `run --check` / `--bless` on
//! the recording, and `kubetutor map` exports. No timing is asserted: without a
//! terminal nothing sleeps.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("kubetutor-classroom-{}-{name}", std::process::id()))
}

/// The binary, run from the repository root with all three streams piped.
fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    c.args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs the binary from the repository root with `stdin` piped in.
fn kubetutor(args: &[&str], stdin: &str) -> Output {
    let mut child = command(args).spawn().expect("the kubetutor binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    // The demo may stop reading before everything is written; that is not an error here.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    child.wait_with_output().expect("kubetutor finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

const DEMO: &str = "# A headless Service first.\n\
    kubectl apply -f fixtures/seed-003/headlessService.yaml\n\
    kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'\n\
    echo done\n";

#[test]
fn demo_runs_a_command_per_enter_and_the_presenters_line_first() {
    let file = temp("demo.sh");
    std::fs::write(&file, DEMO).expect("temp file");
    let path = file.to_string_lossy().to_string();
    let o = kubetutor(&["run", "--demo", &path], "\nkubectl get svc -o name\n\n\n");
    let _ = std::fs::remove_file(&file);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        "# A headless Service first.\n\
         $ kubectl apply -f fixtures/seed-003/headlessService.yaml\n\
         service/nginx created\n\
         $ kubectl get svc -o name\nservice/kubernetes\nservice/nginx\n\
         $ kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'\nNone\n\
         $ echo done\ndone\n"
    );
}

#[test]
fn demo_with_a_zero_pause_goes_straight_through() {
    let file = temp("demo0.sh");
    std::fs::write(&file, DEMO).expect("temp file");
    let path = file.to_string_lossy().to_string();
    let o = kubetutor(&["run", "--demo", "--pause", "0", &path], "echo ignored\n");
    let slow = kubetutor(&["run", "--demo", "--typing-speed", "5", &path], "");
    let _ = std::fs::remove_file(&file);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), stdout(&slow), "the end of input goes on too");
    assert!(stdout(&o).ends_with("$ echo done\ndone\n"));
    assert!(!stdout(&o).contains("ignored"));
    let bad = kubetutor(&["run", "--demo", "--pause", "-1", &path], "");
    assert!(!bad.status.success());
}

#[test]
fn a_recorded_session_is_a_transcript_that_checks_and_blesses() {
    let file = temp("session.t");
    let path = file.to_string_lossy().to_string();
    let session = "kubectl apply -f fixtures/seed-003/headlessService.yaml\n\
                   kubectl get svc nginx\nmap\n";
    let o = kubetutor(&["--record", &path], session);
    assert!(o.status.success(), "{o:?}");
    let recorded = std::fs::read_to_string(&file).expect("the recording");
    assert_eq!(recorded, stdout(&o));
    assert!(recorded.starts_with(
        "$ kubectl apply -f fixtures/seed-003/headlessService.yaml\nservice/nginx created\n"
    ));
    assert!(recorded.contains("$ map\nnamespace default\n"));
    let check = kubetutor(&["run", "--check", &path], "");
    assert!(check.status.success(), "{check:?}");

    // A changed line is reported as a unified diff and fails the check.
    std::fs::write(
        &file,
        recorded.replace("service/nginx created", "service/nginx made"),
    )
    .expect("edit");
    let check = kubetutor(&["run", "--check", &path], "");
    assert_eq!(check.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&check.stderr).to_string();
    assert!(
        diff.starts_with(&format!(
            "--- {path} (expected)\n+++ {path} (actual)\n@@ -1,"
        )),
        "{diff}"
    );
    assert!(
        diff.contains("\n-service/nginx made\n+service/nginx created\n"),
        "{diff}"
    );

    // --bless puts the actual output back.
    let bless = kubetutor(&["run", "--bless", &path], "");
    assert!(bless.status.success(), "{bless:?}");
    assert_eq!(std::fs::read_to_string(&file).expect("blessed"), recorded);
    let _ = std::fs::remove_file(&file);
}

#[test]
fn map_exports_what_the_sandbox_map_draws() {
    let script = "kubectl apply -f fixtures/seed-003/headlessService.yaml\n\
                  kubectl create -f fixtures/seed-003/statefulset_withpvc.yaml\n\
                  kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 sts/web --timeout=5m\n";
    let file = temp("cluster.sh");
    std::fs::write(&file, script).expect("temp file");
    let path = file.to_string_lossy().to_string();
    for format in ["text", "dot", "mermaid"] {
        let export = kubetutor(&["map", "--format", format, &path], "");
        assert!(export.status.success(), "{export:?}");
        let inside = kubetutor(
            &["run", "--quiet", "-"],
            &format!("{script}map --format {format}\n"),
        );
        let inside = stdout(&inside);
        let inside = inside.split_once("condition met\n").map_or("", |(_, m)| m);
        assert_eq!(stdout(&export), inside, "{format}");
    }
    let empty = kubetutor(&["map"], "");
    assert_eq!(
        stdout(&empty),
        "namespace default\nno pods, claims or Services with a selector yet\n\n\
         svc/kubernetes  ClusterIP 10.96.0.1, port 443, no selector\n"
    );
    let missing = kubetutor(&["map", "-n", "nope"], "");
    assert_eq!(missing.status.code(), Some(1));
    let _ = std::fs::remove_file(&file);
}

/// A reader that leaves early (`kubetutor run FILE | head -1`) ends the run as SIGPIPE
/// ends kubectl: status 141, nothing on stderr, no panic. The output is far larger than
/// a pipe's buffer, so the binary is still writing when the reader goes.
#[test]
fn a_reader_that_leaves_early_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    let home = temp("home-sigpipe");
    let commands = "kubectl get pods -A\n".repeat(400);
    let demo = temp("sigpipe-demo.sh");
    std::fs::write(&demo, &commands).expect("temp file");
    let demo = demo.to_string_lossy().to_string();
    for args in [
        vec!["run", "-"],
        vec!["repl", "--fresh"],
        vec!["run", "--demo", "--pause", "0", &demo],
    ] {
        let mut child = command(&args)
            .env("KUBETUTOR_HOME", &home)
            .spawn()
            .expect("the kubetutor binary runs");
        let mut input = child.stdin.take().expect("piped stdin");
        let _ = input.write_all(commands.as_bytes());
        drop(input);
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut first)
            .expect("a first line");
        // The reader is gone once its end of the pipe is dropped, here.
        let out = child.wait_with_output().expect("kubetutor finishes");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(141), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!first.is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_file(&demo);
}

/// `--bless` and `--check` refuse a plain command file (no `$ ` lines) instead of
/// replacing it with an empty transcript.
#[test]
fn bless_refuses_a_command_file_and_leaves_it_alone() {
    let file = temp("plain.sh");
    let text = "# not a transcript\nkubectl get pods\n";
    std::fs::write(&file, text).expect("temp file");
    let path = file.to_string_lossy().to_string();
    for flag in ["--bless", "--check"] {
        let o = kubetutor(&["run", flag, &path], "");
        assert!(!o.status.success(), "{flag}: {o:?}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains("has no `$ ` command lines"),
            "{flag}: {stderr}"
        );
    }
    assert_eq!(std::fs::read_to_string(&file).expect("still there"), text);
    let _ = std::fs::remove_file(&file);
}
