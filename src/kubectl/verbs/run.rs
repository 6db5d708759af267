//! `kubectl run NAME --image=IMG`: create a pod as kubectl's pod generator builds it
//! (label `run: NAME`, container named NAME, `stdin`/`stdinOnce`/`tty` for `-i`/`-t`), and
//! with `-i`/`--attach` wait for it to run and attach: an interactive shell becomes an
//! attached session, any other command runs and prints its output; `--rm` deletes the pod
//! afterwards (`pod "NAME" deleted`).

use super::VerbCtx;
use crate::api::{Kind, Object};
use crate::kubectl::attach::{self, AttachKind};
use crate::kubectl::errors;
use crate::runtime::{self, ExecResult};
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Container, ContainerPort, EnvVar, Pod, PodSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use std::collections::BTreeMap;

/// How long `run` waits for the pod to run before attaching (`--pod-running-timeout`).
const RUNNING_TIMEOUT_MS: i64 = 60_000;

pub fn run(ctx: &mut VerbCtx) -> i32 {
    let positionals = ctx.args.positionals().to_vec();
    let Some(name) = positionals.first().cloned() else {
        return ctx.usage_error("NAME is required for run", "run");
    };
    let image = ctx.args.str("image").unwrap_or_default();
    if image.is_empty() {
        return ctx.usage_error("--image is required", "run");
    }
    let interactive = ctx.args.bool("stdin");
    let tty = ctx.args.bool("tty");
    let attach_flag = ctx.args.bool("attach");
    let remove = ctx.args.bool("rm");
    if tty && !interactive {
        return ctx.usage_error(
            "-i/--stdin is required for containers with -t/--tty=true",
            "run",
        );
    }
    let attach = attach_flag || interactive;
    if remove && !attach {
        return ctx.usage_error("--rm should only be used for attached containers", "run");
    }
    let restart = ctx.args.str("restart").unwrap_or_else(|| "Always".into());
    if !matches!(restart.as_str(), "Always" | "OnFailure" | "Never") {
        return ctx.usage_error(&format!("invalid restart policy: {restart}"), "run");
    }
    let mut words: Vec<String> = positionals[1..].to_vec();
    words.extend(ctx.args.inv.after_dash.iter().cloned());
    let pod = match build_pod(ctx, &name, &image, &restart, &words, interactive, tty) {
        Ok(p) => p,
        Err(e) => return ctx.fail(&e),
    };
    if let Err(e) = ctx.session.cluster.api.create(Object::from(pod.clone())) {
        ctx.sink.err(&errors::render(&e));
        return 1;
    }
    let key = ObjKey::new(Kind::Pod, &ctx.namespace, &name);
    if !attach {
        ctx.sink.out(&format!("pod/{name} created\n"));
        return 0;
    }
    if !wait_running(ctx, &key) {
        ctx.sink.err("error: timed out waiting for the condition\n");
        return 1;
    }
    if !ctx.args.bool("quiet") {
        ctx.sink
            .err("If you don't see a command prompt, try pressing enter.\n");
    }
    let kind = AttachKind::Run {
        remove,
        restart_never: restart != "Always",
    };
    // As the container runs it: the pod's command, else the image's own.
    let argv: Vec<String> = if words.is_empty() {
        let info = runtime::images::info(&image);
        runtime::images::default_command(&info)
            .into_iter()
            .map(String::from)
            .collect()
    } else {
        words
    };
    let dialect = attach::interactive_shell(&mut ctx.session.cluster, &key, &name, &argv);
    if let Some(dialect) = dialect {
        if interactive && ctx.stdin.is_none() {
            return attach::begin(ctx, attach::Attached::new(key, name, dialect, kind, tty));
        }
    }
    // A command that is not an interactive shell (or input that is already there): it runs
    // as the container's main process while kubectl streams its output.
    let stdin = if interactive { ctx.stdin } else { None };
    let code = if argv.is_empty() {
        0
    } else {
        match runtime::exec(
            &mut ctx.session.cluster,
            &key,
            &name,
            &argv,
            stdin,
            ctx.sink,
        ) {
            ExecResult::Exited(c) => c,
            ExecResult::NotFound { .. } | ExecResult::NotExecutable { .. } => 128,
        }
    };
    let session = attach::Attached::new(key, name, crate::shell::Dialect::Ash, kind, false);
    ctx.session.finish(session, code, ctx.sink)
}

fn build_pod(
    ctx: &VerbCtx,
    name: &str,
    image: &str,
    restart: &str,
    words: &[String],
    interactive: bool,
    tty: bool,
) -> Result<Pod, String> {
    let mut labels = BTreeMap::new();
    match ctx.args.str("labels").filter(|l| !l.is_empty()) {
        Some(spec) => {
            for pair in spec.split(',') {
                let (k, v) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("invalid label spec: {pair}"))?;
                labels.insert(k.to_string(), v.to_string());
            }
        }
        None => {
            labels.insert("run".to_string(), name.to_string());
        }
    }
    let env: Vec<EnvVar> = ctx
        .args
        .all("env")
        .iter()
        .map(|e| match e.split_once('=') {
            Some((k, v)) => Ok(EnvVar {
                name: k.to_string(),
                value: Some(v.to_string()),
                value_from: None,
            }),
            None => Err(format!("invalid env: {e}")),
        })
        .collect::<Result<_, _>>()?;
    let ports = match ctx.args.str("port").filter(|p| !p.is_empty()) {
        Some(p) => {
            let port: i32 = p.parse().map_err(|_| {
                format!(
                    "strconv.Atoi: parsing {}: invalid syntax",
                    crate::api::errors::go_quote(&p)
                )
            })?;
            Some(vec![ContainerPort {
                container_port: port,
                ..Default::default()
            }])
        }
        None => None,
    };
    let (command, args) = if words.is_empty() {
        (None, None)
    } else if ctx.args.bool("command") {
        (Some(words.to_vec()), None)
    } else {
        (None, Some(words.to_vec()))
    };
    let mut annotations = BTreeMap::new();
    for a in ctx.args.all("annotations") {
        if let Some((k, v)) = a.split_once('=') {
            annotations.insert(k.to_string(), v.to_string());
        }
    }
    Ok(Pod {
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            namespace: Some(ctx.namespace.clone()),
            labels: Some(labels),
            annotations: (!annotations.is_empty()).then_some(annotations),
            ..Default::default()
        },
        spec: Some(PodSpec {
            containers: vec![Container {
                name: name.to_string(),
                image: Some(image.to_string()),
                command,
                args,
                env: (!env.is_empty()).then_some(env),
                ports,
                stdin: interactive.then_some(true),
                stdin_once: (interactive && !ctx.args.bool("leave-stdin-open")).then_some(true),
                tty: tty.then_some(true),
                image_pull_policy: ctx.args.str("image-pull-policy").filter(|p| !p.is_empty()),
                ..Default::default()
            }],
            restart_policy: Some(restart.to_string()),
            dns_policy: Some("ClusterFirst".to_string()),
            ..Default::default()
        }),
        status: None,
    })
}

/// Let the cluster run until the pod's container runs (true) or it ends or times out.
fn wait_running(ctx: &mut VerbCtx, key: &ObjKey) -> bool {
    let deadline = ctx.session.cluster.now() + RUNNING_TIMEOUT_MS;
    loop {
        let phase = ctx
            .session
            .cluster
            .api
            .store
            .get(key)
            .and_then(|o| o.as_typed::<Pod>())
            .and_then(|p| p.status.as_ref().and_then(|s| s.phase.clone()));
        match phase.as_deref() {
            Some("Running") => return true,
            Some("Succeeded") | Some("Failed") => return false,
            _ => {}
        }
        if ctx.session.cluster.now() >= deadline {
            return false;
        }
        ctx.advance(250);
    }
}
