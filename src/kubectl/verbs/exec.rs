//! `kubectl exec`: run a command in a running container, or open its shell. The pod is
//! found as kubectl finds it (`POD`, or `TYPE/NAME` of a workload or Service: its first
//! active pod); the checks and their wording follow kubectl and the apiserver/kubelet
//! answers a kind cluster gives (a completed pod, an unscheduled pod, a container that is
//! not running yet, a command the image does not have).

use super::VerbCtx;
use crate::api::labels::Selector;
use crate::api::{ApiError, Kind, Object};
use crate::kubectl::attach::{self, AttachKind};
use crate::kubectl::errors;
use crate::runtime::{self, ExecResult};
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::Pod;

pub fn exec(ctx: &mut VerbCtx) -> i32 {
    let positionals = ctx.args.positionals().to_vec();
    let command: Vec<String> = ctx.args.inv.after_dash.clone();
    let Some(target) = positionals.first().cloned() else {
        return ctx.fail("pod, type/name or --filename must be specified");
    };
    if positionals.len() > 1 && !ctx.args.inv.dash {
        return ctx.usage_error(
            "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
            "exec",
        );
    }
    if command.is_empty() {
        return ctx.fail("you must specify at least one command for the container");
    }
    let pod = match find_pod(ctx, &target) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let container = match pick_container(ctx, &pod) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let key = ObjKey::new(
        Kind::Pod,
        &ctx.namespace,
        pod.metadata.name.as_deref().unwrap_or_default(),
    );
    if let Err(code) = check_running(ctx, &pod, &container) {
        return code;
    }
    let stdin_flag = ctx.args.bool("stdin");
    let tty = ctx.args.bool("tty");
    // `-i` with nothing piped in: the learner types into the container (scripted files:
    // the following lines, until `exit`).
    if stdin_flag && ctx.stdin.is_none() {
        if let Some(dialect) =
            attach::interactive_shell(&mut ctx.session.cluster, &key, &container, &command)
        {
            return attach::begin(
                ctx,
                attach::Attached::new(key, container, dialect, AttachKind::Exec, tty),
            );
        }
    }
    let stdin = if stdin_flag { ctx.stdin } else { None };
    let result = runtime::exec(
        &mut ctx.session.cluster,
        &key,
        &container,
        &command,
        stdin,
        ctx.sink,
    );
    match result {
        ExecResult::Exited(0) => 0,
        ExecResult::Exited(code) => {
            ctx.sink
                .err(&format!("command terminated with exit code {code}\n"));
            code
        }
        ExecResult::NotExecutable { path, is_dir } => {
            let id = ctx.session.cluster.api.ids.hex(64);
            let why = if is_dir {
                "is a directory"
            } else {
                "permission denied"
            };
            ctx.fail(&format!(
                "Internal error occurred: error executing command in container: failed to exec in container: failed to start exec {}: OCI runtime exec failed: exec failed: unable to start container process: exec: {}: {why}: unknown",
                crate::api::errors::go_quote(&id),
                crate::api::errors::go_quote(&path)
            ))
        }
        ExecResult::NotFound { path } => {
            let id = ctx.session.cluster.api.ids.hex(64);
            let why = if path.contains('/') {
                format!("stat {path}: no such file or directory")
            } else {
                "executable file not found in $PATH".to_string()
            };
            ctx.fail(&format!(
                "Internal error occurred: error executing command in container: failed to exec in container: failed to start exec {}: OCI runtime exec failed: exec failed: unable to start container process: exec: {}: {why}: unknown",
                crate::api::errors::go_quote(&id),
                crate::api::errors::go_quote(&path)
            ))
        }
    }
}

/// The pod a `POD` or `TYPE/NAME` argument names, or the printed error's exit code.
pub fn find_pod(ctx: &mut VerbCtx, target: &str) -> Result<Pod, i32> {
    let (kind, name) = match target.split_once('/') {
        Some((t, n)) => match Kind::resolve(t) {
            Some(k) => (k, n.to_string()),
            None => {
                return Err(ctx.fail(&format!(
                    "the server doesn't have a resource type {}",
                    crate::api::errors::go_quote(t)
                )))
            }
        },
        None => (Kind::Pod, target.to_string()),
    };
    let key = ObjKey::new(kind, &ctx.namespace, &name);
    let obj = match ctx.session.cluster.api.get(&key) {
        Ok(o) => o,
        Err(e) => {
            ctx.sink.err(&errors::render(&e));
            return Err(1);
        }
    };
    if let Object::Pod(p) = obj.as_ref() {
        return Ok((**p).clone());
    }
    let selector = match obj.as_ref() {
        Object::StatefulSet(s) => s
            .spec
            .as_ref()
            .map(|s| Selector::from_label_selector(&s.selector)),
        Object::Deployment(d) => d
            .spec
            .as_ref()
            .map(|s| Selector::from_label_selector(&s.selector)),
        Object::ReplicaSet(r) => r
            .spec
            .as_ref()
            .map(|s| Selector::from_label_selector(&s.selector)),
        Object::Service(s) => s.spec.as_ref().and_then(|s| s.selector.clone()).map(|m| {
            Selector::from_label_selector(
                &k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector {
                    match_labels: Some(m),
                    match_expressions: None,
                },
            )
        }),
        _ => None,
    };
    let Some(selector) = selector else {
        let go_type = format!("*v1.{}", kind.info().name);
        return Err(ctx.fail(&format!(
            "cannot attach to {go_type}: selector for {go_type} not implemented"
        )));
    };
    let mut pods: Vec<Pod> = ctx
        .list(Kind::Pod, Some(&selector))
        .iter()
        .filter_map(|o| o.as_typed::<Pod>().cloned())
        .collect();
    // kubectl's "first pod": active pods, running and ready ones first, then the oldest.
    pods.sort_by_key(|p| {
        let st = p.status.clone().unwrap_or_default();
        (
            p.metadata.deletion_timestamp.is_some(),
            st.phase.as_deref() != Some("Running"),
            !crate::kubelet::status::is_running_and_ready(p),
            p.metadata.creation_timestamp.clone().map(|t| t.0),
            p.metadata.name.clone(),
        )
    });
    pods.into_iter().next().ok_or_else(|| {
        ctx.sink.err("error: timed out waiting for the condition\n");
        1
    })
}

/// The container `-c` names, else the default-container annotation, else the first one
/// (saying so when there were several, as kubectl does).
pub fn pick_container(ctx: &mut VerbCtx, pod: &Pod) -> Result<String, i32> {
    let spec = pod.spec.clone().unwrap_or_default();
    let names: Vec<String> = spec.containers.iter().map(|c| c.name.clone()).collect();
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    if let Some(c) = ctx.args.str("container").filter(|c| !c.is_empty()) {
        let known = names.contains(&c)
            || spec.init_containers.iter().flatten().any(|i| i.name == c)
            || spec
                .ephemeral_containers
                .iter()
                .flatten()
                .any(|e| e.name == c);
        if !known {
            ctx.sink.err(&errors::render(&ApiError::bad_request(format!(
                "container {c} is not valid for pod {pod_name}"
            ))));
            return Err(1);
        }
        return Ok(c);
    }
    let annotated = pod
        .metadata
        .annotations
        .as_ref()
        .and_then(|a| a.get("kubectl.kubernetes.io/default-container"))
        .filter(|c| names.contains(c))
        .cloned();
    if let Some(c) = annotated {
        return Ok(c);
    }
    let Some(first) = names.first().cloned() else {
        return Err(ctx.fail(&format!("pod {pod_name} does not have any containers")));
    };
    if names.len() > 1 || spec.init_containers.as_ref().is_some_and(|i| !i.is_empty()) {
        let mut all: Vec<String> = names.clone();
        all.extend(
            spec.init_containers
                .iter()
                .flatten()
                .map(|i| format!("{} (init)", i.name)),
        );
        ctx.sink.err(&format!(
            "Defaulted container {} out of: {}\n",
            crate::api::errors::go_quote(&first),
            all.join(", ")
        ));
    }
    Ok(first)
}

/// The image of `container` in `pod`.
pub fn pod_image(pod: &Pod, container: &str) -> String {
    pod.spec
        .iter()
        .flat_map(|s| {
            s.containers
                .iter()
                .chain(s.init_containers.iter().flatten())
        })
        .find(|c| c.name == container)
        .and_then(|c| c.image.clone())
        .unwrap_or_default()
}

/// The checks before a stream is opened: a completed pod, an unscheduled pod, a container
/// that is not running.
pub fn check_running(ctx: &mut VerbCtx, pod: &Pod, container: &str) -> Result<(), i32> {
    let st = pod.status.clone().unwrap_or_default();
    let phase = st.phase.clone().unwrap_or_default();
    if phase == "Succeeded" || phase == "Failed" {
        return Err(ctx.fail(&format!(
            "cannot exec into a container in a completed pod; current phase is {phase}"
        )));
    }
    let name = pod.metadata.name.clone().unwrap_or_default();
    if pod
        .spec
        .as_ref()
        .and_then(|s| s.node_name.as_deref())
        .is_none()
    {
        ctx.sink.err(&errors::render(&ApiError::bad_request(format!(
            "pod {name} does not have a host assigned"
        ))));
        return Err(1);
    }
    let running = st
        .container_statuses
        .iter()
        .flatten()
        .any(|c| c.name == container && c.state.as_ref().is_some_and(|s| s.running.is_some()));
    if !running {
        return Err(ctx.fail(&format!(
            "unable to upgrade connection: container not found ({})",
            crate::api::errors::go_quote(container)
        )));
    }
    Ok(())
}
