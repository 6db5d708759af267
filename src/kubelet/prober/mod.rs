//! The kubelet's prober (pkg/kubelet/prober): one worker per container and probe kind
//! (readiness, liveness, startup) that probes on the virtual clock every `periodSeconds`
//! once `initialDelaySeconds` have passed, and publishes a result only after
//! `failureThreshold` failures or `successThreshold` successes in a row. Readiness starts
//! out failing, liveness passing, startup unknown; while a startup probe has not passed,
//! the other two do not run. A liveness or startup failure puts the worker on hold until
//! the container is replaced.
//!
//! Only pods whose containers declare probes get workers, so a pod without probes costs
//! nothing here. What a probe does against the container (run a command, ask its server,
//! connect to its port) is `crate::cluster::probes`; this module is the pure bookkeeping,
//! unit tested below.

use crate::api::time::Millis;
use k8s_openapi::api::core::v1::{Container, Probe};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeKind {
    Startup,
    Liveness,
    Readiness,
}

impl ProbeKind {
    /// How the kubelet names it in events (`Readiness probe failed: ...`).
    pub fn title(self) -> &'static str {
        match self {
            ProbeKind::Readiness => "Readiness",
            ProbeKind::Liveness => "Liveness",
            ProbeKind::Startup => "Startup",
        }
    }

    /// The result before any probe ran (readiness: not ready; liveness: alive).
    fn initial(self) -> Option<bool> {
        match self {
            ProbeKind::Readiness => Some(false),
            ProbeKind::Liveness => Some(true),
            ProbeKind::Startup => None,
        }
    }
}

/// A port as a probe names it.
#[derive(Clone, Debug, PartialEq)]
pub enum PortRef {
    Number(i32),
    Name(String),
}

impl PortRef {
    fn of(p: &IntOrString) -> PortRef {
        match p {
            IntOrString::Int(n) => PortRef::Number(*n),
            IntOrString::String(s) => match s.parse::<i32>() {
                Ok(n) => PortRef::Number(n),
                Err(_) => PortRef::Name(s.clone()),
            },
        }
    }

    /// The port number in `container` (a name is looked up in its ports).
    pub fn resolve(&self, container: &Container) -> Result<u16, String> {
        let n = match self {
            PortRef::Number(n) => *n,
            PortRef::Name(name) => container
                .ports
                .iter()
                .flatten()
                .find(|p| p.name.as_deref() == Some(name.as_str()))
                .map(|p| p.container_port)
                .ok_or_else(|| format!("port {name} not found"))?,
        };
        if n > 0 && n < 65536 {
            Ok(n as u16)
        } else {
            Err(format!("invalid port number: {n}"))
        }
    }
}

/// What a probe does.
#[derive(Clone, Debug, PartialEq)]
pub enum Handler {
    Exec(Vec<String>),
    HttpGet {
        scheme: String,
        host: Option<String>,
        port: PortRef,
        path: String,
    },
    TcpSocket {
        host: Option<String>,
        port: PortRef,
    },
    Grpc {
        port: i32,
    },
    /// No handler set (validation refuses it; kept for safety).
    Missing,
}

/// A probe with its defaults filled in, in milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbeSpec {
    pub handler: Handler,
    pub initial_delay_ms: Millis,
    pub period_ms: Millis,
    pub timeout_ms: Millis,
    pub success_threshold: u32,
    pub failure_threshold: u32,
}

fn seconds(v: Option<i32>, default: i32) -> Millis {
    Millis::from(v.unwrap_or(default).max(0)) * 1000
}

impl ProbeSpec {
    pub fn of(p: &Probe) -> ProbeSpec {
        let handler = if let Some(e) = &p.exec {
            Handler::Exec(e.command.clone().unwrap_or_default())
        } else if let Some(h) = &p.http_get {
            Handler::HttpGet {
                scheme: h.scheme.as_deref().unwrap_or("HTTP").to_ascii_lowercase(),
                host: h.host.clone().filter(|h| !h.is_empty()),
                port: PortRef::of(&h.port),
                path: h.path.clone().unwrap_or_default(),
            }
        } else if let Some(t) = &p.tcp_socket {
            Handler::TcpSocket {
                host: t.host.clone().filter(|h| !h.is_empty()),
                port: PortRef::of(&t.port),
            }
        } else if let Some(g) = &p.grpc {
            Handler::Grpc { port: g.port }
        } else {
            Handler::Missing
        };
        ProbeSpec {
            handler,
            initial_delay_ms: seconds(p.initial_delay_seconds, 0),
            // The apiserver defaults these; a period under 1 s is refused by validation.
            period_ms: seconds(p.period_seconds, 10).max(1000),
            timeout_ms: seconds(p.timeout_seconds, 1).max(1000),
            success_threshold: p.success_threshold.unwrap_or(1).max(1) as u32,
            failure_threshold: p.failure_threshold.unwrap_or(3).max(1) as u32,
        }
    }
}

/// One probe's result.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Success,
    /// Failed, with the output the kubelet reports.
    Failure(String),
    /// Could not be run (`probe errored`), with the error.
    Errored(String),
}

impl Outcome {
    /// The `Unhealthy` event's message for a probe that did not pass.
    pub fn event_message(&self, kind: ProbeKind) -> Option<String> {
        match self {
            Outcome::Success => None,
            Outcome::Failure(out) => Some(format!("{} probe failed: {out}", kind.title())),
            Outcome::Errored(err) => Some(format!("{} probe errored: {err}", kind.title())),
        }
    }
}

/// One container's probe of one kind.
#[derive(Clone, Debug)]
pub struct Worker {
    pub container: String,
    pub kind: ProbeKind,
    pub spec: ProbeSpec,
    /// When it probes next.
    pub next_at: Millis,
    /// The last raw result and how many times in a row it came.
    last: Option<bool>,
    run: u32,
    /// The published result (None: unknown).
    pub result: Option<bool>,
    /// A liveness/startup failure was published: no probing until the container is new.
    pub on_hold: bool,
}

impl Worker {
    /// A worker for a container that started at `started`; `warm_up` is how long its
    /// process takes to start serving (the first probe waits for it when there is no
    /// initial delay to cover it).
    pub fn new(
        container: &str,
        kind: ProbeKind,
        spec: ProbeSpec,
        started: Millis,
        warm_up: Millis,
    ) -> Worker {
        let mut w = Worker {
            container: container.to_string(),
            kind,
            spec,
            next_at: 0,
            last: None,
            run: 0,
            result: None,
            on_hold: false,
        };
        w.restart(started, warm_up);
        w
    }

    /// The container was replaced: start over.
    pub fn restart(&mut self, started: Millis, warm_up: Millis) {
        self.next_at = started + self.spec.initial_delay_ms + warm_up;
        self.last = None;
        self.run = 0;
        self.result = self.kind.initial();
        self.on_hold = false;
    }

    /// Whether it should probe at `now` (`started`: the startup probe has passed).
    pub fn due(&self, now: Millis, started: bool) -> bool {
        if self.on_hold || now < self.next_at {
            return false;
        }
        match self.kind {
            ProbeKind::Startup => !started,
            _ => started,
        }
    }

    /// Take a probe's result at `now`; returns whether the published result changed.
    pub fn observe(&mut self, success: bool, now: Millis) -> bool {
        // Probes keep their cadence (a tick every period).
        while self.next_at <= now {
            self.next_at += self.spec.period_ms;
        }
        if self.last == Some(success) {
            self.run = self.run.saturating_add(1);
        } else {
            self.last = Some(success);
            self.run = 1;
        }
        if (!success && self.run < self.spec.failure_threshold)
            || (success && self.run < self.spec.success_threshold)
        {
            return false;
        }
        let changed = self.result != Some(success);
        self.result = Some(success);
        if !success && self.kind != ProbeKind::Readiness {
            self.on_hold = true;
            self.run = 0;
        }
        changed
    }
}

/// The workers for a pod's containers (empty when none declares a probe).
pub fn workers_for(containers: &[Container], started: Millis, warm_up: Millis) -> Vec<Worker> {
    let mut out = Vec::new();
    for c in containers {
        for (kind, probe) in [
            (ProbeKind::Startup, &c.startup_probe),
            (ProbeKind::Liveness, &c.liveness_probe),
            (ProbeKind::Readiness, &c.readiness_probe),
        ] {
            if let Some(p) = probe {
                out.push(Worker::new(
                    &c.name,
                    kind,
                    ProbeSpec::of(p),
                    started,
                    warm_up,
                ));
            }
        }
    }
    out
}

/// Whether the container's startup probe (if any) has passed.
pub fn started(workers: &[Worker], container: &str) -> bool {
    workers
        .iter()
        .filter(|w| w.container == container && w.kind == ProbeKind::Startup)
        .all(|w| w.result == Some(true))
}

/// Whether the container counts as ready: started, and its readiness probe (if any) passes.
pub fn ready(workers: &[Worker], container: &str) -> bool {
    started(workers, container)
        && workers
            .iter()
            .filter(|w| w.container == container && w.kind == ProbeKind::Readiness)
            .all(|w| w.result == Some(true))
}

/// The first container whose liveness or startup probe has failed, with the kind.
pub fn failed_liveness(workers: &[Worker]) -> Option<(&str, ProbeKind)> {
    workers
        .iter()
        .find(|w| w.kind != ProbeKind::Readiness && w.result == Some(false))
        .map(|w| (w.container.as_str(), w.kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::{ExecAction, HTTPGetAction};

    fn spec(period: i32, success: i32, failure: i32, delay: i32) -> ProbeSpec {
        ProbeSpec::of(&Probe {
            exec: Some(ExecAction {
                command: Some(vec!["true".into()]),
            }),
            period_seconds: Some(period),
            success_threshold: Some(success),
            failure_threshold: Some(failure),
            initial_delay_seconds: Some(delay),
            ..Default::default()
        })
    }

    #[test]
    fn defaults_are_upstreams() {
        let s = ProbeSpec::of(&Probe {
            http_get: Some(HTTPGetAction {
                port: IntOrString::String("http".into()),
                path: Some("/healthz".into()),
                ..Default::default()
            }),
            ..Default::default()
        });
        assert_eq!(s.period_ms, 10_000);
        assert_eq!(s.timeout_ms, 1_000);
        assert_eq!((s.success_threshold, s.failure_threshold), (1, 3));
        assert_eq!(
            s.handler,
            Handler::HttpGet {
                scheme: "http".into(),
                host: None,
                port: PortRef::Name("http".into()),
                path: "/healthz".into()
            }
        );
    }

    #[test]
    fn readiness_starts_unready_and_needs_its_successes() {
        let mut w = Worker::new("c", ProbeKind::Readiness, spec(5, 2, 3, 10), 0, 0);
        assert_eq!(w.result, Some(false));
        assert!(!w.due(9_999, true));
        assert!(w.due(10_000, true));
        assert!(!w.observe(true, 10_000));
        assert_eq!(w.next_at, 15_000);
        assert!(w.observe(true, 15_000));
        assert_eq!(w.result, Some(true));
        // Failures below the threshold leave it ready; the third flips it.
        assert!(!w.observe(false, 20_000));
        assert!(!w.observe(false, 25_000));
        assert!(w.observe(false, 30_000));
        assert_eq!(w.result, Some(false));
        assert!(!w.on_hold, "readiness keeps probing");
    }

    #[test]
    fn liveness_failure_holds_until_restart() {
        let mut w = Worker::new("c", ProbeKind::Liveness, spec(10, 1, 3, 0), 0, 300);
        assert_eq!(w.result, Some(true));
        assert_eq!(w.next_at, 300);
        for t in [300, 10_300] {
            assert!(!w.observe(false, t));
        }
        assert!(w.observe(false, 20_300));
        assert!(w.on_hold);
        assert!(!w.due(40_000, true));
        assert_eq!(
            failed_liveness(std::slice::from_ref(&w)),
            Some(("c", ProbeKind::Liveness))
        );
        w.restart(50_000, 300);
        assert_eq!(w.result, Some(true));
        assert!(w.due(50_300, true));
    }

    #[test]
    fn startup_gates_the_others() {
        let c = Container {
            name: "c".into(),
            startup_probe: Some(Probe {
                exec: Some(ExecAction { command: None }),
                ..Default::default()
            }),
            readiness_probe: Some(Probe {
                exec: Some(ExecAction { command: None }),
                ..Default::default()
            }),
            ..Default::default()
        };
        let mut ws = workers_for(&[c], 0, 0);
        assert!(!started(&ws, "c"));
        assert!(!ws[1].due(0, started(&ws, "c")));
        assert!(ws[0].due(0, false));
        ws[0].observe(true, 0);
        assert!(started(&ws, "c"));
        assert!(!ws[0].due(10_000, true), "a passed startup probe stops");
        assert!(!ready(&ws, "c"));
        ws[1].observe(true, 10_000);
        assert!(ready(&ws, "c"));
    }

    #[test]
    fn event_messages() {
        assert_eq!(
            Outcome::Failure("HTTP probe failed with statuscode: 404".into())
                .event_message(ProbeKind::Liveness)
                .as_deref(),
            Some("Liveness probe failed: HTTP probe failed with statuscode: 404")
        );
        assert_eq!(Outcome::Success.event_message(ProbeKind::Readiness), None);
    }
}
