//! Running the kubelet's probes against the simulated containers: an exec probe runs its
//! command in the container through the runtime (on a clock of its own, so a command
//! that outlasts `timeoutSeconds` times out), an httpGet probe asks the container's
//! server from the node (its request shows in the server's log as `kube-probe/1.32`), a
//! tcpSocket probe connects to the port. The outcomes carry the prober's own wording
//! (pkg/probe/{exec,http,tcp}). A probe the learner broke (`break pod`) fails with what
//! its kind of check reports when the application stops answering.

use super::Cluster;
use crate::kubectl::output::Capture;
use crate::kubelet::prober::{Handler, Outcome};
use crate::kubelet::probing::ProbeTask;
use crate::runtime::http::{self, Client, NetError, Request};
use crate::runtime::{ExecResult, PodHost};
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Container, Pod};
use std::net::Ipv4Addr;

/// The kubelet's User-Agent on probe requests.
const USER_AGENT: &str = "kube-probe/1.32";

impl Cluster {
    /// Run the probes of pod `key` that are due now and hand their outcomes to the
    /// kubelet (nothing for pods without probes).
    pub(super) fn run_due_probes(&mut self, key: &ObjKey) {
        let now = self.api.now;
        let tasks = self.controllers.kubelet.probe_tasks(key, now);
        for task in tasks {
            let outcome = self.probe(key, &task);
            self.controllers
                .kubelet
                .probe_result(key, &task, &outcome, now, &mut self.api);
        }
    }

    fn probe(&mut self, key: &ObjKey, task: &ProbeTask) -> Outcome {
        let container = self
            .api
            .try_get(key)
            .and_then(|o| o.as_typed::<Pod>())
            .and_then(|p| {
                p.spec
                    .as_ref()?
                    .containers
                    .iter()
                    .find(|c| c.name == task.container)
                    .cloned()
            });
        let Some(container) = container else {
            return Outcome::Errored(format!("container {} not found", task.container));
        };
        if task.broken {
            return broken(task, &container);
        }
        match &task.handler {
            Handler::Exec(argv) => self.exec_probe(key, task, argv),
            Handler::HttpGet {
                scheme,
                host,
                port,
                path,
            } => {
                let port = match port.resolve(&container) {
                    Ok(p) => p,
                    Err(e) => return Outcome::Errored(e),
                };
                let host = host.clone().unwrap_or_else(|| task.pod_ip.clone());
                self.http_probe(key, task, scheme, &host, port, path)
            }
            Handler::TcpSocket { host, port } => {
                let port = match port.resolve(&container) {
                    Ok(p) => p,
                    Err(e) => return Outcome::Errored(e),
                };
                let host = host.clone().unwrap_or_else(|| task.pod_ip.clone());
                match http::accepts(self, key, port) {
                    Ok(()) => Outcome::Success,
                    Err(e) => Outcome::Failure(format!("dial tcp {host}:{port}: {}", dial_error(e))),
                }
            }
            Handler::Grpc { port } => Outcome::Failure(format!(
                "timeout: failed to connect service \"{}:{port}\" within {}s: context deadline exceeded",
                task.pod_ip,
                task.timeout_ms / 1000
            )),
            Handler::Missing => Outcome::Errored("missing probe handler".into()),
        }
    }

    fn exec_probe(&mut self, key: &ObjKey, task: &ProbeTask, argv: &[String]) -> Outcome {
        let now = self.api.now;
        let stopped = std::rc::Rc::new(std::cell::Cell::new(false));
        let mut out = Capture::default();
        let result = PodHost::new(self, key, &task.container)
            .replaying(now, now + task.timeout_ms, stopped.clone())
            .exec(argv, None, &mut out);
        if stopped.get() {
            return Outcome::Failure(format!("command \"{}\" timed out", argv.join(" ")));
        }
        match result {
            ExecResult::Exited(0) => Outcome::Success,
            ExecResult::Exited(_) => Outcome::Failure(out.text),
            ExecResult::NotFound { path } => {
                let why = if path.contains('/') {
                    format!("stat {path}: no such file or directory")
                } else {
                    "executable file not found in $PATH".to_string()
                };
                Outcome::Errored(self.oci_error(&path, &why))
            }
            ExecResult::NotExecutable { path, is_dir } => {
                let why = if is_dir {
                    "is a directory"
                } else {
                    "permission denied"
                };
                Outcome::Errored(self.oci_error(&path, why))
            }
        }
    }

    fn oci_error(&mut self, path: &str, why: &str) -> String {
        let id = self.api.ids.hex(64);
        format!(
            "rpc error: code = Unknown desc = failed to exec in container: failed to start exec {}: OCI runtime exec failed: exec failed: unable to start container process: exec: {}: {why}: unknown",
            crate::api::errors::go_quote(&id),
            crate::api::errors::go_quote(path)
        )
    }

    fn http_probe(
        &mut self,
        key: &ObjKey,
        task: &ProbeTask,
        scheme: &str,
        host: &str,
        port: u16,
        path: &str,
    ) -> Outcome {
        let path = if path.is_empty() { "/" } else { path };
        let url = format!("{scheme}://{host}:{port}{path}");
        let Ok(ip) = host.parse::<Ipv4Addr>() else {
            return Outcome::Failure(format!(
                "Get \"{url}\": dial tcp: lookup {host}: no such host"
            ));
        };
        if scheme == "https" {
            return Outcome::Failure(format!(
                "Get \"{url}\": http: server gave HTTP response to HTTPS client"
            ));
        }
        let client = Client {
            pod: key.clone(),
            ip: gateway(&task.pod_ip),
            namespace: key.namespace.to_string(),
            hosts: String::new(),
        };
        let req = Request {
            method: "GET".into(),
            target: path.to_string(),
            host: format!("{host}:{port}"),
            headers: vec![
                ("Host".into(), format!("{host}:{port}")),
                ("User-Agent".into(), USER_AGENT.into()),
                ("Accept".into(), "*/*".into()),
                ("Connection".into(), "close".into()),
            ],
            body: String::new(),
            user_agent: USER_AGENT.into(),
        };
        match http::exchange(self, &client, ip, port, &req) {
            Ok(resp) if (200..400).contains(&resp.status) => Outcome::Success,
            Ok(resp) => Outcome::Failure(format!(
                "HTTP probe failed with statuscode: {}",
                resp.status
            )),
            Err(NetError::Timeout(_)) => Outcome::Failure(format!(
                "Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
            )),
            Err(NetError::EmptyReply) => Outcome::Failure(format!("Get \"{url}\": EOF")),
            Err(NetError::NotHttp) => Outcome::Failure(format!(
                "Get \"{url}\": net/http: HTTP/1.x transport connection broken: malformed HTTP response"
            )),
            Err(e) => Outcome::Failure(format!(
                "Get \"{url}\": dial tcp {host}:{port}: {}",
                dial_error(e)
            )),
        }
    }
}

/// How Go's dialer words a failed connect.
fn dial_error(e: NetError) -> &'static str {
    match e {
        NetError::Timeout(_) => "i/o timeout",
        NetError::Unreachable(_) => "connect: no route to host",
        _ => "connect: connection refused",
    }
}

/// The address the node's probes come from: its bridge, the `.1` of the pod's subnet.
fn gateway(pod_ip: &str) -> String {
    match pod_ip.rsplit_once('.') {
        Some((net, _)) => format!("{net}.1"),
        None => pod_ip.to_string(),
    }
}

/// A probe the learner broke: what its kind of check reports when the application
/// stops answering it.
fn broken(task: &ProbeTask, container: &Container) -> Outcome {
    let ip = &task.pod_ip;
    match &task.handler {
        Handler::HttpGet { .. } => {
            Outcome::Failure("HTTP probe failed with statuscode: 503".into())
        }
        Handler::TcpSocket { port, .. } => {
            let port = port.resolve(container).unwrap_or(0);
            Outcome::Failure(format!("dial tcp {ip}:{port}: connect: connection refused"))
        }
        _ => Outcome::Failure(String::new()),
    }
}
