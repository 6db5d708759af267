//! `kubectl logs POD [-c C] [-p] [--tail N] [-f]`: a container's output as the kubelet
//! keeps it, with the apiserver's and kubelet's errors (a container that is waiting to
//! start, no previous instance, a container the pod does not have). `-f` prints what the
//! container has written so far and returns (a scripted file cannot wait for more).

use super::exec::{find_pod, pick_container};
use super::VerbCtx;
use crate::api::{ApiError, Kind};
use crate::kubectl::errors;
use crate::runtime::LogsError;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::Pod;

pub fn logs(ctx: &mut VerbCtx) -> i32 {
    let positionals = ctx.args.positionals().to_vec();
    let Some(target) = positionals.first().cloned() else {
        return ctx.usage_error("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", "logs");
    };
    if positionals.len() > 2 {
        return ctx.usage_error("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", "logs");
    }
    let pod = match find_pod(ctx, &target) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // `kubectl logs POD CONTAINER` (the old form) names the container positionally.
    let container = match positionals.get(1) {
        Some(c) => c.clone(),
        None => match pick_container(ctx, &pod) {
            Ok(c) => c,
            Err(code) => return code,
        },
    };
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    if !has_container(&pod, &container) {
        ctx.sink.err(&errors::render(&ApiError::bad_request(format!(
            "container {container} is not valid for pod {pod_name}"
        ))));
        return 1;
    }
    let previous = ctx.args.bool("previous");
    if let Err(message) = check_status(&pod, &container, previous) {
        ctx.sink
            .err(&errors::render(&ApiError::bad_request(message)));
        return 1;
    }
    let tail = match ctx.args.int("tail") {
        Ok(t) => t.filter(|t| *t >= 0),
        Err(e) => return ctx.fail(&e),
    };
    let key = ObjKey::new(Kind::Pod, &ctx.namespace, &pod_name);
    let text = match crate::runtime::logs(&ctx.session.cluster, &key, &container, previous) {
        Ok(t) => t,
        Err(e) => {
            let q = crate::api::errors::go_quote;
            let message = match e {
                LogsError::PodNotFound => {
                    ctx.sink
                        .err(&errors::render(&ApiError::not_found(Kind::Pod, &pod_name)));
                    return 1;
                }
                LogsError::ContainerNotFound => {
                    format!("container {container} is not valid for pod {pod_name}")
                }
                LogsError::WaitingToStart { reason } => format!(
                    "container {} in pod {} is waiting to start: {reason}",
                    q(&container),
                    q(&pod_name)
                ),
                LogsError::NoPrevious => format!(
                    "previous terminated container {} in pod {} not found",
                    q(&container),
                    q(&pod_name)
                ),
            };
            ctx.sink
                .err(&errors::render(&ApiError::bad_request(message)));
            return 1;
        }
    };
    let text = match tail {
        Some(n) => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            lines[lines.len().saturating_sub(n as usize)..].concat()
        }
        None => text,
    };
    ctx.sink.out(&text);
    0
}

fn has_container(pod: &Pod, container: &str) -> bool {
    pod.spec.iter().any(|s| {
        s.containers.iter().any(|c| c.name == container)
            || s.init_containers
                .iter()
                .flatten()
                .any(|c| c.name == container)
    })
}

/// The kubelet's answer when there is no log to stream.
fn check_status(pod: &Pod, container: &str, previous: bool) -> Result<(), String> {
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    let st = pod.status.clone().unwrap_or_default();
    let Some(cs) = st
        .container_statuses
        .iter()
        .flatten()
        .chain(st.init_container_statuses.iter().flatten())
        .find(|c| c.name == container)
    else {
        // Not started yet (no status): the kubelet reports it as waiting to start.
        if pod
            .spec
            .as_ref()
            .and_then(|s| s.node_name.as_deref())
            .is_none()
        {
            return Ok(());
        }
        return Err(format!(
            "container {} in pod {} is waiting to start: ContainerCreating",
            crate::api::errors::go_quote(container),
            crate::api::errors::go_quote(&pod_name)
        ));
    };
    let q = crate::api::errors::go_quote;
    let last_terminated = cs.last_state.as_ref().and_then(|s| s.terminated.as_ref());
    if previous {
        if last_terminated.is_none() {
            return Err(format!(
                "previous terminated container {} in pod {} not found",
                q(container),
                q(&pod_name)
            ));
        }
        return Ok(());
    }
    let state = cs.state.clone().unwrap_or_default();
    if state.running.is_some() || state.terminated.is_some() || last_terminated.is_some() {
        return Ok(());
    }
    if let Some(w) = state.waiting {
        let reason = w.reason.unwrap_or_default();
        let why = match reason.as_str() {
            "ErrImagePull" => "image can't be pulled".to_string(),
            "ImagePullBackOff" => "trying and failing to pull image".to_string(),
            other => other.to_string(),
        };
        return Err(format!(
            "container {} in pod {} is waiting to start: {why}",
            q(container),
            q(&pod_name)
        ));
    }
    Ok(())
}
