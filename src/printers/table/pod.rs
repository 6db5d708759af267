//! The pods table: READY, STATUS and RESTARTS derived exactly as upstream `printPod`
//! does (init containers, sidecars, last-to-first container reasons, `Terminating`,
//! `NodeLost` → `Unknown`, `n (x ago)` restarts).

use super::{age, col, wide, Column};
use crate::api::time::{from_time, Millis};
use crate::printers::duration::human_duration;
use k8s_openapi::api::core::v1::{Container, ContainerStatus, Pod};

pub(super) const COLUMNS: &[Column] = &[
    col("NAME"),
    col("READY"),
    col("STATUS"),
    col("RESTARTS"),
    col("AGE"),
    wide("IP"),
    wide("NODE"),
    wide("NOMINATED NODE"),
    wide("READINESS GATES"),
];

/// READY, STATUS and RESTARTS of a pod, before formatting.
struct PodSummary {
    ready: usize,
    total: usize,
    reason: String,
    restarts: i64,
    last_restart: Option<Millis>,
}

fn is_restartable_init(c: Option<&Container>) -> bool {
    c.and_then(|c| c.restart_policy.as_deref()) == Some("Always")
}

fn last_termination(cs: &ContainerStatus) -> Option<Millis> {
    cs.last_state
        .as_ref()
        .and_then(|s| s.terminated.as_ref())
        .and_then(|t| t.finished_at.as_ref().map(from_time))
}

fn later(a: Option<Millis>, b: Option<Millis>) -> Option<Millis> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn condition_true(pod: &Pod, type_: &str) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == type_ && c.status == "True"))
}

fn summarize(pod: &Pod) -> PodSummary {
    let spec = pod.spec.clone().unwrap_or_default();
    let status = pod.status.clone().unwrap_or_default();
    let init_specs = spec.init_containers.unwrap_or_default();
    let mut total = spec.containers.len();
    let mut ready = 0;
    let mut restarts: i64 = 0;
    let mut sidecar_restarts: i64 = 0;
    let mut last_restart = None;
    let mut last_sidecar_restart = None;

    let phase = status.phase.clone().unwrap_or_default();
    let mut reason = match status.reason.as_deref() {
        Some(r) if !r.is_empty() => r.to_string(),
        _ => phase.clone(),
    };
    for c in status.conditions.iter().flatten() {
        if c.type_ == "PodScheduled" && c.reason.as_deref() == Some("SchedulingGated") {
            reason = "SchedulingGated".into();
        }
    }
    total += init_specs
        .iter()
        .filter(|c| is_restartable_init(Some(c)))
        .count();
    let init_spec = |name: &str| init_specs.iter().find(|c| c.name == name);

    let mut initializing = false;
    for (i, cs) in status.init_container_statuses.iter().flatten().enumerate() {
        restarts += cs.restart_count as i64;
        last_restart = later(last_restart, last_termination(cs));
        let sidecar = is_restartable_init(init_spec(&cs.name));
        if sidecar {
            sidecar_restarts += cs.restart_count as i64;
            last_sidecar_restart = later(last_sidecar_restart, last_termination(cs));
        }
        let state = cs.state.clone().unwrap_or_default();
        if state.terminated.as_ref().is_some_and(|t| t.exit_code == 0) {
            continue;
        }
        if sidecar && cs.started == Some(true) {
            if cs.ready {
                ready += 1;
            }
            continue;
        }
        if let Some(t) = &state.terminated {
            reason = match t.reason.as_deref() {
                Some(r) if !r.is_empty() => format!("Init:{r}"),
                _ => match t.signal {
                    Some(s) if s != 0 => format!("Init:Signal:{s}"),
                    _ => format!("Init:ExitCode:{}", t.exit_code),
                },
            };
        } else if let Some(r) = state
            .waiting
            .as_ref()
            .and_then(|w| w.reason.as_deref())
            .filter(|r| !r.is_empty() && *r != "PodInitializing")
        {
            reason = format!("Init:{r}");
        } else {
            reason = format!("Init:{}/{}", i, init_specs.len());
        }
        initializing = true;
        break;
    }

    if !initializing || condition_true(pod, "Initialized") {
        restarts = sidecar_restarts;
        last_restart = last_sidecar_restart;
        let mut has_running = false;
        for cs in status.container_statuses.iter().flatten().rev() {
            restarts += cs.restart_count as i64;
            last_restart = later(last_restart, last_termination(cs));
            let state = cs.state.clone().unwrap_or_default();
            let waiting = state.waiting.as_ref().and_then(|w| w.reason.as_deref());
            let terminated = state.terminated.as_ref();
            if let Some(r) = waiting.filter(|r| !r.is_empty()) {
                reason = r.to_string();
            } else if let Some(t) = terminated {
                reason = match t.reason.as_deref() {
                    Some(r) if !r.is_empty() => r.to_string(),
                    _ => match t.signal {
                        Some(s) if s != 0 => format!("Signal:{s}"),
                        _ => format!("ExitCode:{}", t.exit_code),
                    },
                };
            } else if cs.ready && state.running.is_some() {
                has_running = true;
                ready += 1;
            }
        }
        if reason == "Completed" && has_running {
            reason = if condition_true(pod, "Ready") {
                "Running".into()
            } else {
                "NotReady".into()
            };
        }
    }

    if pod.metadata.deletion_timestamp.is_some() {
        if status.reason.as_deref() == Some("NodeLost") {
            reason = "Unknown".into();
        } else if phase != "Succeeded" && phase != "Failed" {
            reason = "Terminating".into();
        }
    }

    PodSummary {
        ready,
        total,
        reason,
        restarts,
        last_restart,
    }
}

/// The STATUS cell of a pod, for callers that need it outside a table (e.g. `rollout`).
pub fn pod_status_reason(pod: &Pod) -> String {
    summarize(pod).reason
}

pub(super) fn cells(pod: &Pod, now: Millis) -> Vec<String> {
    let s = summarize(pod);
    let restarts = match s.last_restart {
        // An absent finishedAt is Go's zero time: no "(x ago)".
        Some(t) if s.restarts != 0 => {
            format!("{} ({} ago)", s.restarts, human_duration(now - t))
        }
        _ => s.restarts.to_string(),
    };
    let spec = pod.spec.as_ref();
    let status = pod.status.as_ref();
    let or_none = |v: Option<&str>| match v {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => "<none>".to_string(),
    };
    let ip = or_none(
        status
            .and_then(|s| s.pod_ips.as_ref())
            .and_then(|ips| ips.first())
            .map(|ip| ip.ip.as_str()),
    );
    let node = or_none(spec.and_then(|s| s.node_name.as_deref()));
    let nominated = or_none(status.and_then(|s| s.nominated_node_name.as_deref()));
    let gates = spec
        .and_then(|s| s.readiness_gates.as_ref())
        .filter(|g| !g.is_empty());
    let readiness = match gates {
        None => "<none>".to_string(),
        Some(gates) => {
            let conditions = status.and_then(|s| s.conditions.as_ref());
            let true_count = gates
                .iter()
                .filter(|g| {
                    conditions
                        .and_then(|cs| cs.iter().find(|c| c.type_ == g.condition_type))
                        .is_some_and(|c| c.status == "True")
                })
                .count();
            format!("{}/{}", true_count, gates.len())
        }
    };
    vec![
        pod.metadata.name.clone().unwrap_or_default(),
        format!("{}/{}", s.ready, s.total),
        s.reason,
        restarts,
        age(pod.metadata.creation_timestamp.as_ref(), now),
        ip,
        node,
        nominated,
        readiness,
    ]
}
