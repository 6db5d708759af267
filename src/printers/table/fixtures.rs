//! Test builders shared by the table and describe tests: objects as the reference
//! samples show them, at times relative to the sandbox epoch.

use crate::api::time::{to_time, Millis, EPOCH_MS};
use k8s_openapi::api::core::v1::{
    ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting,
    ContainerStatus,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use std::collections::BTreeMap;

/// "Now" in the tests: an hour after the epoch.
pub const NOW: Millis = EPOCH_MS + 3_600_000;

pub fn ago(seconds: i64) -> Millis {
    NOW - seconds * 1000
}

pub fn t(ms: Millis) -> Time {
    to_time(ms)
}

pub fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub fn meta(ns: &str, name: &str, created: Millis) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.into()),
        namespace: if ns.is_empty() { None } else { Some(ns.into()) },
        creation_timestamp: Some(t(created)),
        uid: Some(format!("uid-{name}")),
        ..Default::default()
    }
}

pub fn running(name: &str, ready: bool, restarts: i32) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        ready,
        restart_count: restarts,
        started: Some(true),
        state: Some(ContainerState {
            running: Some(ContainerStateRunning {
                started_at: Some(t(ago(60))),
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

pub fn waiting(name: &str, reason: &str) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        state: Some(ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: Some(reason.into()),
                message: None,
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

pub fn terminated(name: &str, exit_code: i32, reason: Option<&str>) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        state: Some(ContainerState {
            terminated: Some(ContainerStateTerminated {
                exit_code,
                reason: reason.map(String::from),
                finished_at: Some(t(ago(10))),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// A container status whose previous run ended `seconds` ago.
pub fn with_last_termination(mut cs: ContainerStatus, seconds: i64) -> ContainerStatus {
    cs.last_state = Some(ContainerState {
        terminated: Some(ContainerStateTerminated {
            exit_code: 1,
            reason: Some("Error".into()),
            finished_at: Some(t(ago(seconds))),
            ..Default::default()
        }),
        ..Default::default()
    });
    cs
}
