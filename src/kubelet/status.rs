//! Helpers for writing pod status the way the kubelet's status manager does: conditions
//! with transition times, container states.

use crate::api::time::{to_time, Millis};
use k8s_openapi::api::core::v1::{PodCondition, PodStatus};

/// Where the kubelet reports a condition: in a fixed order, others after these.
fn rank(type_: &str) -> u8 {
    match type_ {
        "PodReadyToStartContainers" => 0,
        "Initialized" => 1,
        "Ready" => 2,
        "ContainersReady" => 3,
        "PodScheduled" => 4,
        _ => 5,
    }
}

/// Set (or add) a pod condition; the transition time changes only when the status does.
/// Conditions are kept in the kubelet's order (a stable sort by [`rank`]); a list already
/// in order gets a new condition inserted in place, and nothing that is unchanged is
/// written again.
pub fn set_condition(
    status: &mut PodStatus,
    type_: &str,
    value: &str,
    reason: Option<&str>,
    now: Millis,
) {
    let conditions = status.conditions.get_or_insert_with(Vec::new);
    let sorted = conditions.is_sorted_by_key(|c| rank(&c.type_));
    match conditions.iter_mut().find(|c| c.type_ == type_) {
        Some(c) => {
            if c.status != value {
                c.status = value.to_string();
                c.last_transition_time = Some(to_time(now));
            }
            if c.reason.as_deref() != reason {
                c.reason = reason.map(str::to_string);
            }
        }
        None => {
            let condition = PodCondition {
                type_: type_.to_string(),
                status: value.to_string(),
                reason: reason.map(str::to_string),
                last_transition_time: Some(to_time(now)),
                last_probe_time: None,
                message: None,
            };
            // Room for the kubelet's own conditions at once, not one at a time.
            conditions.reserve(5usize.saturating_sub(conditions.len()).max(1));
            if sorted {
                // Where a stable sort would put it: after every condition ranked the same.
                let r = rank(type_);
                let at = conditions.partition_point(|c| rank(&c.type_) <= r);
                conditions.insert(at, condition);
            } else {
                conditions.push(condition);
            }
        }
    }
    if !sorted {
        conditions.sort_by_key(|c| rank(&c.type_));
    }
}

/// A copy of a pod's status for the kubelet to report running containers: all but what
/// that report replaces (phase, pod IPs, container statuses), which would be copied only
/// to be dropped.
pub fn running_base(status: Option<&PodStatus>) -> PodStatus {
    let Some(PodStatus {
        conditions,
        container_statuses: _,
        ephemeral_container_statuses,
        host_ip,
        host_ips,
        init_container_statuses,
        message,
        nominated_node_name,
        phase: _,
        pod_ip: _,
        pod_ips: _,
        qos_class,
        reason,
        resize,
        resource_claim_statuses,
        start_time,
    }) = status
    else {
        return PodStatus::default();
    };
    PodStatus {
        conditions: conditions.clone(),
        ephemeral_container_statuses: ephemeral_container_statuses.clone(),
        host_ip: host_ip.clone(),
        host_ips: host_ips.clone(),
        init_container_statuses: init_container_statuses.clone(),
        message: message.clone(),
        nominated_node_name: nominated_node_name.clone(),
        qos_class: qos_class.clone(),
        reason: reason.clone(),
        resize: resize.clone(),
        resource_claim_statuses: resource_claim_statuses.clone(),
        start_time: start_time.clone(),
        ..Default::default()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn types(st: &PodStatus) -> Vec<&str> {
        st.conditions
            .iter()
            .flatten()
            .map(|c| c.type_.as_str())
            .collect()
    }

    #[test]
    fn conditions_keep_the_kubelets_order() {
        let mut st = PodStatus::default();
        set_condition(&mut st, "PodScheduled", "True", None, 0);
        set_condition(&mut st, "Custom", "True", None, 0);
        set_condition(&mut st, "Ready", "False", Some("ContainersNotReady"), 0);
        set_condition(&mut st, "PodReadyToStartContainers", "False", None, 0);
        set_condition(&mut st, "Other", "True", None, 0);
        assert_eq!(
            types(&st),
            [
                "PodReadyToStartContainers",
                "Ready",
                "PodScheduled",
                "Custom",
                "Other"
            ]
        );
        // Out of order on arrival: sorted (stably) by the next call.
        let mut st = PodStatus {
            conditions: Some(vec![
                PodCondition {
                    type_: "X".into(),
                    ..Default::default()
                },
                PodCondition {
                    type_: "Ready".into(),
                    ..Default::default()
                },
                PodCondition {
                    type_: "Y".into(),
                    ..Default::default()
                },
            ]),
            ..Default::default()
        };
        set_condition(&mut st, "Initialized", "True", None, 0);
        assert_eq!(types(&st), ["Initialized", "Ready", "X", "Y"]);
        set_condition(&mut st, "Ready", "True", None, 5);
        let ready = &st.conditions.as_ref().unwrap()[1];
        assert_eq!(
            (ready.status.as_str(), ready.reason.as_deref()),
            ("True", None)
        );
        assert_eq!(ready.last_transition_time, Some(to_time(5)));
    }
}
