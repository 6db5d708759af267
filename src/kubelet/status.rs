//! Helpers for writing pod status the way the kubelet's status manager does: conditions
//! with transition times, container states.

use crate::api::time::{to_time, Millis};
use k8s_openapi::api::core::v1::{PodCondition, PodStatus};

/// Set (or add) a pod condition; the transition time changes only when the status does.
pub fn set_condition(
    status: &mut PodStatus,
    type_: &str,
    value: &str,
    reason: Option<&str>,
    now: Millis,
) {
    let conditions = status.conditions.get_or_insert_with(Vec::new);
    match conditions.iter_mut().find(|c| c.type_ == type_) {
        Some(c) => {
            if c.status != value {
                c.status = value.to_string();
                c.last_transition_time = Some(to_time(now));
            }
            c.reason = reason.map(str::to_string);
        }
        None => conditions.push(PodCondition {
            type_: type_.to_string(),
            status: value.to_string(),
            reason: reason.map(str::to_string),
            last_transition_time: Some(to_time(now)),
            last_probe_time: None,
            message: None,
        }),
    }
    // The kubelet reports conditions in a fixed order.
    const ORDER: [&str; 5] = [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ];
    conditions.sort_by_key(|c| {
        ORDER
            .iter()
            .position(|o| *o == c.type_)
            .unwrap_or(ORDER.len())
    });
}

pub fn condition_true(status: Option<&PodStatus>, type_: &str) -> bool {
    status
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == type_ && c.status == "True"))
}

/// Running and Ready: what controllers call an available pod.
pub fn is_running_and_ready(pod: &k8s_openapi::api::core::v1::Pod) -> bool {
    pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running")
        && condition_true(pod.status.as_ref(), "Ready")
}
