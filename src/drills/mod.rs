//! The sandbox's failure drills: commands beside `kubectl` that break things on purpose,
//! so a learner can watch the cluster react (they act on the simulated machines, as a real
//! failure would, never through the API):
//!
//! ```text
//! break pod NAME readiness    its readiness probe fails (0/1 Running; OrderedReady waits)
//! break pod NAME liveness     its liveness probe fails (restarts, then CrashLoopBackOff)
//! break pod NAME crash        its main process crashes once (exit code 1; restarted)
//! break pod NAME crashloop    its main process crashes at every start (CrashLoopBackOff)
//! break pod NAME fill [VOL]   its volume fills up: writes fail with ENOSPC (the claim's
//!                             data stays full for the next pod too)
//! heal pod NAME               undo all of the above
//! fail node NAME              the node's kubelet stops (NotReady after 50s, evictions after 5m)
//! heal node NAME              the node's kubelet is back
//! ```
//!
//! `-n NAMESPACE` picks the pod's namespace (default: the session's).

use crate::api::Kind;
use crate::cluster::failures::PodFault;
use crate::kubectl::output::Sink;
use crate::kubectl::session::Session;
use crate::store::ObjKey;

/// The commands this module serves.
pub const COMMANDS: &[&str] = &["break", "fail", "heal"];

const USAGE: &str = "usage: break pod NAME readiness|liveness|crash|crashloop [-n NAMESPACE]
       break pod NAME fill [VOLUME] [-n NAMESPACE]
       heal pod NAME [-n NAMESPACE]
       fail node NAME
       heal node NAME
";

/// Whether a whole command line is a drill (`break pod ...`, `fail node ...`,
/// `heal ...`): the script runner hands such lines here before the shell sees them, since
/// `break` is also a shell builtin. Returns its words.
pub fn claims(line: &str) -> Option<Vec<String>> {
    let words: Vec<String> = line.split_whitespace().map(String::from).collect();
    let verb = words.first()?;
    let object = words.get(1)?;
    let shell_syntax = line.chars().any(|c| {
        matches!(
            c,
            ';' | '&' | '|' | '<' | '>' | '$' | '`' | '(' | ')' | '"' | '\''
        )
    });
    (COMMANDS.contains(&verb.as_str())
        && matches!(
            object.as_str(),
            "pod" | "pods" | "po" | "node" | "nodes" | "no"
        )
        && !shell_syntax)
        .then_some(words)
}

/// Run `argv` (`argv[0]` is one of [`COMMANDS`]); prints what happened, returns the status.
pub fn run(session: &mut Session, argv: &[String], io: &mut dyn Sink) -> i32 {
    let verb = argv.first().map(String::as_str).unwrap_or("");
    let mut namespace = session.namespace.clone();
    let mut words: Vec<&str> = Vec::new();
    let mut it = argv.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-n" | "--namespace" => match it.next() {
                Some(ns) => namespace = ns.clone(),
                None => return usage(verb, "flag needs an argument: -n", io),
            },
            s if s.starts_with("--namespace=") => namespace = s["--namespace=".len()..].into(),
            s if s.starts_with("-n") && s.len() > 2 => namespace = s[2..].into(),
            s => words.push(s),
        }
    }
    let cluster = &mut session.cluster;
    let result = match (verb, words.as_slice()) {
        ("break", ["pod" | "pods" | "po", name, "fill", rest @ ..]) if rest.len() <= 1 => {
            let name = name.strip_prefix("pod/").unwrap_or(name);
            cluster.fill_pod_volume(
                &ObjKey::new(Kind::Pod, &namespace, name),
                rest.first().copied(),
            )
        }
        ("break", ["pod" | "pods" | "po", name, what]) => {
            let name = name.strip_prefix("pod/").unwrap_or(name);
            let fault = match *what {
                "readiness" => PodFault::Readiness,
                "liveness" => PodFault::Liveness,
                "crash" => PodFault::Crash,
                "crashloop" => PodFault::CrashLoop,
                other => {
                    return usage(verb, &format!("unknown fault \"{other}\""), io);
                }
            };
            cluster.break_pod(&ObjKey::new(Kind::Pod, &namespace, name), fault)
        }
        ("heal", ["pod" | "pods" | "po", name]) => {
            let name = name.strip_prefix("pod/").unwrap_or(name);
            cluster.heal_pod(&ObjKey::new(Kind::Pod, &namespace, name))
        }
        ("fail", ["node" | "nodes" | "no", name]) => cluster.fail_node(name),
        ("heal", ["node" | "nodes" | "no", name]) => cluster.heal_node(name),
        _ => return usage(verb, "", io),
    };
    match result {
        Ok(msg) => {
            io.out(&format!("{msg}\n"));
            0
        }
        Err(e) => {
            io.err(&format!("{verb}: {e}\n"));
            1
        }
    }
}

fn usage(verb: &str, why: &str, io: &mut dyn Sink) -> i32 {
    if !why.is_empty() {
        io.err(&format!("{verb}: {why}\n"));
    }
    io.err(USAGE);
    2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{Cluster, ClusterConfig};
    use crate::kubectl::output::Capture;
    use crate::kubectl::workspace::Workspace;

    fn session() -> Session {
        Session::new(
            Cluster::new(&ClusterConfig::default()),
            Workspace::new(".".into()),
        )
    }

    fn run_line(s: &mut Session, line: &str) -> (i32, Capture) {
        let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
        let mut out = Capture::default();
        let code = run(s, &argv, &mut out);
        (code, out)
    }

    #[test]
    fn bad_input_gets_usage() {
        let mut s = session();
        let (code, out) = run_line(&mut s, "break pod");
        assert_eq!(code, 2);
        assert!(out.stderr.contains("usage: break pod NAME"));
        let (code, out) = run_line(&mut s, "break pod web-0 sideways");
        assert_eq!(code, 2);
        assert!(out
            .stderr
            .starts_with("break: unknown fault \"sideways\"\n"));
        let (code, out) = run_line(&mut s, "break pod web-0 crash");
        assert_eq!(code, 1);
        assert_eq!(
            out.stderr,
            "break: pods \"web-0\" not found in namespace \"default\"\n"
        );
        let (code, out) = run_line(&mut s, "fail node nope");
        assert_eq!(code, 1);
        assert_eq!(out.stderr, "fail: nodes \"nope\" not found\n");
    }

    #[test]
    fn lines_that_are_drills() {
        assert!(claims("break pod web-0 readiness").is_some());
        assert!(claims("  fail node kind-worker ").is_some());
        assert!(claims("break").is_none());
        assert!(claims("break 2").is_none());
        assert!(claims("break pod web-0 crash; echo hi").is_none());
    }

    #[test]
    fn a_node_fails_and_heals() {
        let mut s = session();
        assert_eq!(run_line(&mut s, "fail node kind-worker").0, 0);
        assert_eq!(run_line(&mut s, "fail node kind-worker").0, 1);
        assert_eq!(run_line(&mut s, "heal node kind-worker").0, 0);
        assert_eq!(run_line(&mut s, "heal node kind-worker").0, 1);
    }
}
