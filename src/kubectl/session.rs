//! A kubectl session: the cluster it talks to, the current namespace, the files it can
//! read, and the dispatcher from a parsed command line to the verb that serves it.

use super::cli::{self, Invocation};
use super::output::Sink;
use super::verbs;
use super::workspace::Workspace;
use crate::api::time::Millis;
use crate::cluster::Cluster;

/// Typed access to a parsed command line, by long flag name.
pub struct Args<'a> {
    pub inv: &'a Invocation,
}

impl Args<'_> {
    pub fn str(&self, name: &str) -> Option<String> {
        self.inv.flags.get_str(name).map(|s| s.to_string())
    }
    pub fn bool(&self, name: &str) -> bool {
        self.inv.flags.get_bool(name)
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        self.inv
            .flags
            .get_all(name)
            .iter()
            .map(|s| s.to_string())
            .collect()
    }
    pub fn int(&self, name: &str) -> Result<Option<i64>, String> {
        self.inv.flags.get_int(name).map_err(|e| e.to_string())
    }
    pub fn is_set(&self, name: &str) -> bool {
        self.inv.flags.is_set(name)
    }
    pub fn positionals(&self) -> &[String] {
        &self.inv.args
    }
}

/// Knobs for how long commands that wait may run on the virtual clock.
#[derive(Clone, Debug)]
pub struct Limits {
    /// `get -w` stops after this long without a change to what it watches.
    pub watch_quiet_ms: Millis,
    /// ... and never runs longer than this.
    pub watch_max_ms: Millis,
    /// `delete` waits at most this long for objects to go.
    pub delete_wait_ms: Millis,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            watch_quiet_ms: 90_000,
            watch_max_ms: 600_000,
            delete_wait_ms: 600_000,
        }
    }
}

/// A live terminal's clock, for commands that stream until the user stops them (`kubectl
/// get -w` in the REPL). Scripts have none: their watches run on virtual time until quiet.
pub trait LiveClock {
    /// Wait one short step of wall time. Returns the cluster time that passed meanwhile
    /// (wall time scaled by the sandbox's speed), or None once the user pressed Ctrl-C.
    fn wait_step(&mut self) -> Option<Millis>;
}

pub struct Session {
    pub cluster: Cluster,
    pub namespace: String,
    pub workspace: Workspace,
    pub limits: Limits,
    /// A pod's shell the learner is typing into (`kubectl exec -it POD -- sh`).
    pub attached: Option<super::attach::Attached>,
    /// Set by the REPL: watches follow this clock until interrupted.
    pub live: Option<Box<dyn LiveClock>>,
}

impl Session {
    pub fn new(cluster: Cluster, workspace: Workspace) -> Self {
        Session {
            cluster,
            namespace: "default".into(),
            workspace,
            limits: Limits::default(),
            attached: None,
            live: None,
        }
    }

    /// Run `kubectl ARGS...` (args without the leading `kubectl`). Returns the exit code.
    pub fn kubectl(&mut self, args: &[String], stdin: Option<&str>, sink: &mut dyn Sink) -> i32 {
        let inv = match cli::parse(args) {
            Ok(inv) => inv,
            Err(e) => {
                let stamp = cli::KlogStamp {
                    unix_millis: self.cluster.now(),
                    pid: 4242,
                };
                let text = e.render(&stamp);
                if e.to_stdout() {
                    sink.out(&text);
                } else {
                    sink.err(&text);
                }
                return e.exit_code();
            }
        };
        let a = Args { inv: &inv };
        if inv.wants_help() {
            sink.out(&cli::usage(&inv.verb));
            return 0;
        }
        if let Some(timeout) = a.str("request-timeout") {
            if needs_server(&inv.verb, &a) && !valid_request_timeout(&timeout) {
                sink.err("error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n");
                return 1;
            }
        }
        let ignored = super::honored::unhonored(&inv.verb, inv.flags.set_names());
        if !ignored.is_empty() {
            let list: Vec<String> = ignored.iter().map(|f| format!("--{f}")).collect();
            sink.err(&format!(
                "kubetutor: not simulated: {} for kubectl {}\n",
                list.join(", "),
                inv.verb
            ));
            return 1;
        }
        let ns = a
            .str("namespace")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| self.namespace.clone());
        let mut ctx = verbs::VerbCtx {
            session: self,
            args: &a,
            namespace: ns,
            stdin,
            sink,
        };
        verbs::dispatch(&mut ctx)
    }
}

/// Whether kubectl builds its REST client for this command (and so reads
/// `--request-timeout`) before doing anything else: all but the client-only commands.
fn needs_server(verb: &str, a: &Args) -> bool {
    let first = verb.split(' ').next().unwrap_or_default();
    match first {
        "config" | "completion" | "kustomize" | "plugin" | "exec" => false,
        "version" => !a.bool("client"),
        _ => true,
    }
}

/// client-go's rule for `--request-timeout`: a whole number of seconds (not negative), or
/// a Go duration (which may be negative: no timeout then); empty means none.
fn valid_request_timeout(value: &str) -> bool {
    if value.is_empty() {
        return true;
    }
    if let Ok(seconds) = value.parse::<i64>() {
        if seconds >= 0 {
            return true;
        }
    }
    crate::sandbox::clock::parse_go_duration(value).is_ok()
}

#[cfg(test)]
mod request_timeout_tests {
    use super::valid_request_timeout;

    #[test]
    fn follows_client_go() {
        for ok in [
            "",
            "0",
            "5",
            "99999999999",
            "5s",
            "+5s",
            "-5s",
            ".5s",
            "1h30m",
            "2562047h",
        ] {
            assert!(valid_request_timeout(ok), "{ok} is valid");
        }
        for bad in [
            "abc",
            "-1",
            "1e3",
            " 5",
            "5S",
            "1d",
            "2562048h",
            "9999999999999999999999",
        ] {
            assert!(!valid_request_timeout(bad), "{bad} is invalid");
        }
    }
}
