//! The kubelet: moves the pods bound to each node through their lifecycle on the virtual
//! clock, and reports it in pod status and events as a real kubelet does.
//!
//! Stages, KWOK-style: accepted (status `ContainerCreating`, images pulled or already
//! present) -> started (`Running`; Ready at once, or when the readiness probe's initial
//! delay has passed) -> for pods being deleted, killing (SIGTERM, the image's stop time,
//! capped by the grace period) -> the pod object is removed. Containers that exit are
//! restarted with upstream's back-off (10s doubling to 5m) as `CrashLoopBackOff`.

pub mod images;
pub mod status;

use crate::api::time::{to_time, Millis};
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Source};
use crate::apiserver::{format_ipv4, parse_ipv4, DeleteOptions};
use crate::cluster::ids::fnv32a;
use crate::cluster::Ctx;
use crate::store::{ObjKey, WatchEvent};
use images::{Behaviour, ImageProfile};
use k8s_openapi::api::core::v1::{
    Container, ContainerState, ContainerStateRunning, ContainerStateTerminated,
    ContainerStateWaiting, ContainerStatus, HostIP, Node, Pod, PodIP,
};
use std::collections::{BTreeSet, HashMap};

/// Delay between the pod landing on the node and the kubelet's first status report.
const ACCEPT_MS: Millis = 100;
/// Creating and starting a container whose image is present.
const START_MS: Millis = 700;
const BACKOFF_START_MS: Millis = 10_000;
/// From the containers stopping to the pod object's removal (unmounting volumes, the
/// status manager's final update).
const CLEANUP_MS: Millis = 400;
const BACKOFF_MAX_MS: Millis = 300_000;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// Pulling images / creating containers, until the given time.
    Preparing { until: Millis },
    /// Containers running; Ready from `ready_at` (None: a probe never passes).
    Running {
        ready_at: Option<Millis>,
        exit_at: Option<(Millis, i32)>,
    },
    /// The main container exited; restart at the given time (None: never, restartPolicy Never).
    BackOff { restart_at: Option<Millis> },
    /// SIGTERM sent; containers gone at `until`.
    Killing { until: Millis },
    /// Containers stopped; volumes unmounted and the pod object removed at `remove_at`.
    Stopped { remove_at: Millis },
}

#[derive(Clone, Debug)]
struct PodRun {
    stage: Stage,
    restarts: i32,
    ip: Option<String>,
    node: String,
    started_at: Option<Millis>,
    last_exit: Option<(Millis, Millis, i32)>,
    container_ids: Vec<String>,
}

#[derive(Clone, Debug, Default)]
struct NodeRun {
    images: BTreeSet<String>,
    last_ip: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Kubelet {
    pods: HashMap<ObjKey, PodRun>,
    nodes: HashMap<String, NodeRun>,
}

/// Go's `time.Duration` String for the millisecond durations we produce (`4.212s`, `812ms`).
pub fn go_duration(ms: Millis) -> String {
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}s")
}

fn container_field(c: &Container) -> String {
    format!("spec.containers{{{}}}", c.name)
}

fn has_env(c: &Container, name: &str) -> bool {
    c.env.iter().flatten().any(|e| e.name == name)
}

/// How long the main container runs before it exits on its own, and with what code
/// (None: it keeps running).
fn exits_after(c: &Container, profile: &ImageProfile) -> Option<(Millis, i32)> {
    let has_command = c.command.as_ref().is_some_and(|v| !v.is_empty())
        || c.args.as_ref().is_some_and(|v| !v.is_empty());
    match profile.behaviour {
        Behaviour::Postgres
            if !has_env(c, "POSTGRES_PASSWORD")
                && !c
                    .env
                    .iter()
                    .flatten()
                    .any(|e| e.name == "POSTGRES_HOST_AUTH_METHOD") =>
        {
            Some((400, 1))
        }
        // A shell with stdin open (`kubectl run -i`) waits for its input.
        Behaviour::Shell if c.stdin == Some(true) => None,
        Behaviour::Shell if !has_command => Some((50, 0)),
        Behaviour::Shell if has_command => {
            let words: Vec<String> = c
                .command
                .iter()
                .flatten()
                .chain(c.args.iter().flatten())
                .cloned()
                .collect();
            let joined = words.join(" ");
            if joined.contains("sleep")
                || joined.contains("while")
                || joined.contains("tail -f")
                || joined.contains("httpd")
            {
                None
            } else {
                Some((200, 0))
            }
        }
        _ => None,
    }
}

fn node_ip(node: &Node) -> String {
    node.status
        .as_ref()
        .and_then(|s| s.addresses.as_ref())
        .and_then(|a| a.iter().find(|a| a.type_ == "InternalIP"))
        .map(|a| a.address.clone())
        .unwrap_or_default()
}

impl Kubelet {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        if let Object::Pod(pod) = ev.object.as_ref() {
            if pod
                .spec
                .as_ref()
                .and_then(|s| s.node_name.as_ref())
                .is_some()
                || ev.event_type == crate::store::EventType::Deleted
            {
                push(ObjKey::of(&ev.object), 0);
            }
        }
    }

    /// The main process of a pod's container ended on its own (the shell a learner was
    /// attached to with `kubectl run -it` exited). Returns whether the pod needs a
    /// reconcile to write the new state.
    pub fn main_process_exited(&mut self, key: &ObjKey, code: i32, now: Millis) -> bool {
        match self.pods.get_mut(key) {
            Some(run) => match &mut run.stage {
                Stage::Running { exit_at, .. } => {
                    *exit_at = Some((now, code));
                    true
                }
                _ => false,
            },
            None => false,
        }
    }

    /// Images already on a node (bootstrap pre-pulls system images).
    pub fn preload_image(&mut self, node: &str, image: &str) {
        self.nodes
            .entry(node.to_string())
            .or_default()
            .images
            .insert(image.to_string());
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let Some(Object::Pod(pod)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            self.pods.remove(key);
            return None;
        };
        let node_name = pod.spec.as_ref().and_then(|s| s.node_name.clone())?;
        // A pod recreated with the same name is a new pod.
        if let Some(run) = self.pods.get(key) {
            if run.node != node_name {
                self.pods.remove(key);
            }
        }
        let now = ctx.now();
        if pod.metadata.deletion_timestamp.is_some() {
            return self.terminate(key, &pod, ctx);
        }
        if matches!(
            pod.status.as_ref().and_then(|s| s.phase.as_deref()),
            Some("Succeeded" | "Failed")
        ) {
            return None;
        }
        let Some(run) = self.pods.get(key).cloned() else {
            return self.accept(key, &pod, &node_name, ctx);
        };
        match run.stage {
            Stage::Preparing { until } if now < until => Some(until - now),
            Stage::Preparing { .. } => self.start(key, &pod, ctx),
            Stage::Running { ready_at, exit_at } => {
                if let Some((at, code)) = exit_at {
                    if now >= at {
                        return self.container_exited(key, &pod, code, ctx);
                    }
                }
                let ready_now = ready_at.is_some_and(|t| now >= t);
                let is_ready = status::condition_true(pod.status.as_ref(), "Ready");
                if ready_now && !is_ready {
                    self.write_running(key, &pod, true, ctx);
                    ctx.note(format!("{} is Ready: its readiness check passed", key.name));
                }
                let mut next: Vec<Millis> = Vec::new();
                if let Some(t) = ready_at.filter(|t| *t > now) {
                    next.push(t - now);
                }
                if let Some((t, _)) = exit_at.filter(|(t, _)| *t > now) {
                    next.push(t - now);
                }
                next.into_iter().min()
            }
            Stage::BackOff {
                restart_at: Some(at),
            } if now >= at => self.start(key, &pod, ctx),
            Stage::BackOff {
                restart_at: Some(at),
            } => Some(at - now),
            Stage::BackOff { restart_at: None } => None,
            Stage::Killing { .. } | Stage::Stopped { .. } => None,
        }
    }

    fn accept(
        &mut self,
        key: &ObjKey,
        pod: &Pod,
        node_name: &str,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        let node = ctx
            .api
            .try_get(&ObjKey::new(Kind::Node, "", node_name))
            .and_then(|o| o.as_typed::<Node>().cloned());
        let host_ip = node.as_ref().map(node_ip).unwrap_or_default();
        let spec = pod.spec.clone().unwrap_or_default();
        let mut st = pod.status.clone().unwrap_or_default();
        st.phase = Some("Pending".into());
        st.host_ip = Some(host_ip.clone());
        st.host_ips = Some(vec![HostIP {
            ip: host_ip.clone(),
        }]);
        st.start_time = Some(to_time(now));
        st.qos_class =
            Some(crate::admission::qos_class(&pod.spec.clone().unwrap_or_default()).to_string());
        status::set_condition(&mut st, "PodReadyToStartContainers", "False", None, now);
        status::set_condition(&mut st, "Initialized", "True", None, now);
        status::set_condition(&mut st, "Ready", "False", Some("ContainersNotReady"), now);
        status::set_condition(
            &mut st,
            "ContainersReady",
            "False",
            Some("ContainersNotReady"),
            now,
        );
        status::set_condition(&mut st, "PodScheduled", "True", None, now);
        let names: Vec<String> = spec.containers.iter().map(|c| c.name.clone()).collect();
        for c in st.conditions.iter_mut().flatten() {
            if c.type_ == "Ready" || c.type_ == "ContainersReady" {
                c.message = Some(format!(
                    "containers with unready status: [{}]",
                    names.join(" ")
                ));
            }
        }
        st.container_statuses = Some(
            spec.containers
                .iter()
                .map(|c| ContainerStatus {
                    name: c.name.clone(),
                    image: c.image.clone().unwrap_or_default(),
                    image_id: String::new(),
                    ready: false,
                    restart_count: 0,
                    started: Some(false),
                    state: Some(ContainerState {
                        waiting: Some(ContainerStateWaiting {
                            reason: Some("ContainerCreating".into()),
                            message: None,
                        }),
                        ..Default::default()
                    }),
                    ..Default::default()
                })
                .collect(),
        );
        let mut next = pod.clone();
        next.status = Some(st);
        let _ = ctx.api.update_status(Object::Pod(next.clone()));

        // Pull what is missing.
        let obj = crate::apiserver::events::Involved::of(Kind::Pod, &next.metadata);
        let source = Source::kubelet(node_name);
        let node_run = self.nodes.entry(node_name.to_string()).or_default();
        let mut pull_ms = 0;
        for c in &spec.containers {
            let image = c.image.clone().unwrap_or_default();
            if let Some(err) = images::pull_error(&image) {
                ctx.api.record_event(
                    &obj,
                    Some(&container_field(c)),
                    EventType::Warning,
                    "InspectFailed",
                    &err,
                    &source,
                );
                ctx.api.record_event(
                    &obj,
                    Some(&container_field(c)),
                    EventType::Warning,
                    "Failed",
                    "Error: InvalidImageName",
                    &source,
                );
                self.write_waiting(key, pod, "InvalidImageName", &err, ctx);
                ctx.note(format!(
                    "{}: cannot pull {image}: invalid reference",
                    key.name
                ));
                self.pods.insert(
                    key.clone(),
                    PodRun {
                        stage: Stage::BackOff { restart_at: None },
                        restarts: 0,
                        ip: None,
                        node: node_name.to_string(),
                        started_at: None,
                        last_exit: None,
                        container_ids: vec![],
                    },
                );
                return None;
            }
            let policy = c.image_pull_policy.as_deref().unwrap_or("IfNotPresent");
            let present = node_run.images.contains(&image);
            if present && policy != "Always" {
                continue;
            }
            ctx.api.record_event(
                &obj,
                Some(&container_field(c)),
                EventType::Normal,
                "Pulling",
                &format!("Pulling image \"{image}\""),
                &source,
            );
            pull_ms += if present {
                900
            } else {
                images::profile(&image).pull_ms
            };
        }
        ctx.note(format!(
            "{}: preparing on {node_name} (pulling images: {})",
            key.name,
            if pull_ms > 0 {
                go_duration(pull_ms)
            } else {
                "none needed".into()
            }
        ));
        let until = now + ACCEPT_MS + pull_ms + START_MS;
        self.pods.insert(
            key.clone(),
            PodRun {
                stage: Stage::Preparing { until },
                restarts: 0,
                ip: None,
                node: node_name.to_string(),
                started_at: None,
                last_exit: None,
                container_ids: vec![],
            },
        );
        Some(until - now)
    }

    fn start(&mut self, key: &ObjKey, pod: &Pod, ctx: &mut Ctx) -> Option<Millis> {
        let now = ctx.now();
        let mut run = self.pods.get(key).cloned()?;
        let spec = pod.spec.clone().unwrap_or_default();
        let obj = crate::apiserver::events::Involved::of(Kind::Pod, &pod.metadata);
        let source = Source::kubelet(&run.node);
        let first_start = run.started_at.is_none() && run.restarts == 0;
        let node_run = self.nodes.entry(run.node.clone()).or_default();
        for c in &spec.containers {
            let image = c.image.clone().unwrap_or_default();
            let field = container_field(c);
            let policy = c.image_pull_policy.as_deref().unwrap_or("IfNotPresent");
            if node_run.images.contains(&image) && (policy != "Always" || !first_start) {
                ctx.api.record_event(
                    &obj,
                    Some(&field),
                    EventType::Normal,
                    "Pulled",
                    &format!("Container image \"{image}\" already present on machine"),
                    &source,
                );
            } else {
                let profile = images::profile(&image);
                let d = go_duration(profile.pull_ms);
                ctx.api.record_event(&obj, Some(&field), EventType::Normal, "Pulled", &format!("Successfully pulled image \"{image}\" in {d} ({d} including waiting). Image size: {} bytes.", profile.size_bytes), &source);
                node_run.images.insert(image.clone());
            }
            ctx.api.record_event(
                &obj,
                Some(&field),
                EventType::Normal,
                "Created",
                &format!("Created container: {}", c.name),
                &source,
            );
            ctx.api.record_event(
                &obj,
                Some(&field),
                EventType::Normal,
                "Started",
                &format!("Started container {}", c.name),
                &source,
            );
        }
        if run.ip.is_none() {
            run.ip = Some(if spec.host_network == Some(true) {
                pod.status
                    .as_ref()
                    .and_then(|s| s.host_ip.clone())
                    .unwrap_or_default()
            } else {
                self.allocate_ip(&run.node, ctx)
            });
        }
        run.container_ids = spec
            .containers
            .iter()
            .map(|_| format!("containerd://{}", ctx.api.ids.hex(64)))
            .collect();
        run.started_at = Some(now);
        let main = &spec.containers[0];
        let profile = images::profile(main.image.as_deref().unwrap_or(""));
        let exit_at = exits_after(main, &profile).map(|(after, code)| (now + after, code));
        let ready_at = if exit_at.is_some() {
            None
        } else {
            match main.readiness_probe.as_ref() {
                None => Some(now),
                Some(p) => Some(
                    now + (p.initial_delay_seconds.unwrap_or(0) as Millis) * 1000
                        + profile.start_ms,
                ),
            }
        };
        run.stage = Stage::Running { ready_at, exit_at };
        self.pods.insert(key.clone(), run);
        let ready = ready_at == Some(now);
        self.write_running(key, pod, ready, ctx);
        ctx.note(format!(
            "{}: containers started{}",
            key.name,
            if ready {
                "; Ready (no readiness probe)"
            } else {
                ""
            }
        ));
        let mut next: Vec<Millis> = Vec::new();
        if let Some(t) = ready_at.filter(|t| *t > now) {
            next.push(t - now);
        }
        if let Some((t, _)) = exit_at {
            next.push(t - now);
        }
        next.into_iter().min()
    }

    fn allocate_ip(&mut self, node_name: &str, ctx: &Ctx) -> String {
        let node = ctx
            .api
            .try_get(&ObjKey::new(Kind::Node, "", node_name))
            .and_then(|o| o.as_typed::<Node>().cloned());
        let cidr = node
            .and_then(|n| n.spec.and_then(|s| s.pod_cidr))
            .unwrap_or_else(|| "10.244.0.0/24".into());
        let base = parse_ipv4(cidr.split('/').next().unwrap_or("10.244.0.0")).unwrap_or(0);
        let run = self.nodes.entry(node_name.to_string()).or_default();
        // host-local IPAM: round-robin from .2, skipping the last address.
        run.last_ip = if run.last_ip < 2 || run.last_ip >= 254 {
            2
        } else {
            run.last_ip + 1
        };
        format_ipv4(base + run.last_ip)
    }

    fn write_running(&mut self, key: &ObjKey, pod: &Pod, ready: bool, ctx: &mut Ctx) {
        let now = ctx.now();
        let Some(run) = self.pods.get(key).cloned() else {
            return;
        };
        let Some(Object::Pod(current)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            return;
        };
        let spec = pod.spec.clone().unwrap_or_default();
        let mut st = current.status.clone().unwrap_or_default();
        st.phase = Some("Running".into());
        let ip = run.ip.clone().unwrap_or_default();
        st.pod_ip = Some(ip.clone());
        st.pod_ips = Some(vec![PodIP { ip }]);
        status::set_condition(&mut st, "PodReadyToStartContainers", "True", None, now);
        let (r, reason) = if ready {
            ("True", None)
        } else {
            ("False", Some("ContainersNotReady"))
        };
        status::set_condition(&mut st, "Ready", r, reason, now);
        status::set_condition(&mut st, "ContainersReady", r, reason, now);
        for c in st.conditions.iter_mut().flatten() {
            if c.type_ == "Ready" || c.type_ == "ContainersReady" {
                c.message = (!ready).then(|| {
                    format!(
                        "containers with unready status: [{}]",
                        spec.containers
                            .iter()
                            .map(|c| c.name.clone())
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                });
            }
        }
        st.container_statuses = Some(
            spec.containers
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let image = c.image.clone().unwrap_or_default();
                    ContainerStatus {
                        name: c.name.clone(),
                        image: images::qualified(&image),
                        image_id: image_id(&image),
                        container_id: run.container_ids.get(i).cloned(),
                        ready,
                        restart_count: run.restarts,
                        started: Some(true),
                        state: Some(ContainerState {
                            running: Some(ContainerStateRunning {
                                started_at: run.started_at.map(to_time),
                            }),
                            ..Default::default()
                        }),
                        last_state: run.last_exit.map(|(s, f, code)| ContainerState {
                            terminated: Some(terminated(
                                s,
                                f,
                                code,
                                run.container_ids.get(i).cloned(),
                            )),
                            ..Default::default()
                        }),
                        ..Default::default()
                    }
                })
                .collect(),
        );
        let mut next = current.clone();
        next.status = Some(st);
        let _ = ctx.api.update_status(Object::Pod(next));
    }

    fn write_waiting(
        &mut self,
        key: &ObjKey,
        pod: &Pod,
        reason: &str,
        message: &str,
        ctx: &mut Ctx,
    ) {
        let Some(Object::Pod(current)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            return;
        };
        let mut st = current.status.clone().unwrap_or_default();
        let run = self.pods.get(key).cloned();
        for (i, cs) in st.container_statuses.iter_mut().flatten().enumerate() {
            cs.ready = false;
            cs.started = Some(false);
            cs.state = Some(ContainerState {
                waiting: Some(ContainerStateWaiting {
                    reason: Some(reason.into()),
                    message: Some(message.into()),
                }),
                ..Default::default()
            });
            if let Some(run) = &run {
                cs.restart_count = run.restarts;
                cs.last_state = run.last_exit.map(|(s, f, code)| ContainerState {
                    terminated: Some(terminated(s, f, code, run.container_ids.get(i).cloned())),
                    ..Default::default()
                });
            }
        }
        let _ = pod;
        let mut next = current.clone();
        next.status = Some(st);
        let _ = ctx.api.update_status(Object::Pod(next));
    }

    fn container_exited(
        &mut self,
        key: &ObjKey,
        pod: &Pod,
        code: i32,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        let mut run = self.pods.get(key).cloned()?;
        let spec = pod.spec.clone().unwrap_or_default();
        let started = run.started_at.unwrap_or(now);
        let policy = spec
            .restart_policy
            .clone()
            .unwrap_or_else(|| "Always".into());
        let restart = policy == "Always" || (policy == "OnFailure" && code != 0);
        let Some(Object::Pod(current)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            return None;
        };
        let mut st = current.status.clone().unwrap_or_default();
        let reason = if code == 0 { "Completed" } else { "Error" };
        for (i, cs) in st.container_statuses.iter_mut().flatten().enumerate() {
            cs.ready = false;
            cs.started = Some(false);
            cs.state = Some(ContainerState {
                terminated: Some(terminated(
                    started,
                    now,
                    code,
                    run.container_ids.get(i).cloned(),
                )),
                ..Default::default()
            });
        }
        status::set_condition(
            &mut st,
            "Ready",
            "False",
            Some(if restart {
                "ContainersNotReady"
            } else {
                "PodCompleted"
            }),
            now,
        );
        status::set_condition(
            &mut st,
            "ContainersReady",
            "False",
            Some(if restart {
                "ContainersNotReady"
            } else {
                "PodCompleted"
            }),
            now,
        );
        if !restart {
            st.phase = Some(if code == 0 { "Succeeded" } else { "Failed" }.into());
            status::set_condition(&mut st, "PodReadyToStartContainers", "False", None, now);
        }
        let mut next = current.clone();
        next.status = Some(st);
        let _ = ctx.api.update_status(Object::Pod(next));
        ctx.note(format!(
            "{}: container exited with code {code} ({reason})",
            key.name
        ));
        run.last_exit = Some((started, now, code));
        if !restart {
            run.stage = Stage::BackOff { restart_at: None };
            self.pods.insert(key.clone(), run);
            return None;
        }
        // First restart right away; then 10s, 20s, 40s ... up to 5m.
        let backoff = if run.restarts == 0 {
            1_000
        } else {
            (BACKOFF_START_MS << (run.restarts - 1).min(5)).min(BACKOFF_MAX_MS)
        };
        run.restarts += 1;
        run.stage = Stage::BackOff {
            restart_at: Some(now + backoff),
        };
        self.pods.insert(key.clone(), run.clone());
        if backoff >= BACKOFF_START_MS {
            let c = &spec.containers[0];
            let uid = pod.metadata.uid.clone().unwrap_or_default();
            let msg = format!(
                "back-off {} restarting failed container={} pod={}_{}({uid})",
                go_duration(backoff).replace(".000", ""),
                c.name,
                key.name,
                key.namespace
            );
            self.write_waiting(key, pod, "CrashLoopBackOff", &msg, ctx);
            let obj = crate::apiserver::events::Involved::of(Kind::Pod, &pod.metadata);
            ctx.api.record_event(
                &obj,
                Some(&container_field(c)),
                EventType::Warning,
                "BackOff",
                &format!(
                    "Back-off restarting failed container {} in pod {}_{}({uid})",
                    c.name, key.name, key.namespace
                ),
                &Source::kubelet(&run.node),
            );
        }
        Some(backoff)
    }

    fn terminate(&mut self, key: &ObjKey, pod: &Pod, ctx: &mut Ctx) -> Option<Millis> {
        let now = ctx.now();
        let grace = pod.metadata.deletion_grace_period_seconds.unwrap_or(30) * 1000;
        let run = self.pods.get(key).cloned();
        let running = matches!(run.as_ref().map(|r| &r.stage), Some(Stage::Running { .. }));
        match run.as_ref().map(|r| r.stage.clone()) {
            Some(Stage::Killing { until }) if now < until && grace > 0 => return Some(until - now),
            Some(Stage::Killing { .. }) => {}
            Some(Stage::Stopped { remove_at }) if now < remove_at => return Some(remove_at - now),
            Some(Stage::Stopped { .. }) => {
                self.pods.remove(key);
                let _ = ctx.api.delete(
                    key,
                    &DeleteOptions {
                        grace_period: Some(0),
                        ..Default::default()
                    },
                );
                ctx.note(format!(
                    "{}: volumes unmounted; pod object removed",
                    key.name
                ));
                return None;
            }
            _ if running && grace > 0 => {
                let spec = pod.spec.clone().unwrap_or_default();
                let obj = crate::apiserver::events::Involved::of(Kind::Pod, &pod.metadata);
                let source =
                    Source::kubelet(&run.as_ref().map(|r| r.node.clone()).unwrap_or_default());
                let mut stop = 0;
                for c in &spec.containers {
                    ctx.api.record_event(
                        &obj,
                        Some(&container_field(c)),
                        EventType::Normal,
                        "Killing",
                        &format!("Stopping container {}", c.name),
                        &source,
                    );
                    let t = images::profile(c.image.as_deref().unwrap_or(""))
                        .stop_ms
                        .unwrap_or(grace)
                        .min(grace);
                    stop = stop.max(t);
                }
                ctx.note(format!(
                    "{}: SIGTERM sent; containers stop in {}",
                    key.name,
                    go_duration(stop)
                ));
                let mut r = run.clone().expect("running");
                r.stage = Stage::Killing { until: now + stop };
                self.pods.insert(key.clone(), r);
                return Some(stop.max(1));
            }
            _ => {}
        }
        // Containers are gone: report it, then remove the pod object.
        if running || matches!(run.as_ref().map(|r| &r.stage), Some(Stage::Killing { .. })) {
            if let Some(Object::Pod(current)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) {
                let mut st = current.status.clone().unwrap_or_default();
                let started = run.as_ref().and_then(|r| r.started_at).unwrap_or(now);
                let code = if now - started >= grace && grace > 0 {
                    137
                } else {
                    0
                };
                for (i, cs) in st.container_statuses.iter_mut().flatten().enumerate() {
                    cs.ready = false;
                    cs.started = Some(false);
                    cs.state = Some(ContainerState {
                        terminated: Some(terminated(
                            started,
                            now,
                            code,
                            run.as_ref().and_then(|r| r.container_ids.get(i).cloned()),
                        )),
                        ..Default::default()
                    });
                }
                status::set_condition(&mut st, "Ready", "False", Some("PodCompleted"), now);
                status::set_condition(
                    &mut st,
                    "ContainersReady",
                    "False",
                    Some("PodCompleted"),
                    now,
                );
                let mut next = current.clone();
                next.status = Some(st);
                let _ = ctx.api.update_status(Object::Pod(next));
            }
            if let Some(mut r) = run.clone() {
                r.stage = Stage::Stopped {
                    remove_at: now + CLEANUP_MS,
                };
                self.pods.insert(key.clone(), r);
                ctx.note(format!("{}: containers stopped", key.name));
                return Some(CLEANUP_MS);
            }
        }
        self.pods.remove(key);
        let _ = ctx.api.delete(
            key,
            &DeleteOptions {
                grace_period: Some(0),
                ..Default::default()
            },
        );
        ctx.note(format!(
            "{}: containers stopped; pod object removed",
            key.name
        ));
        None
    }
}

fn terminated(
    started: Millis,
    finished: Millis,
    code: i32,
    container_id: Option<String>,
) -> ContainerStateTerminated {
    ContainerStateTerminated {
        exit_code: code,
        reason: Some(if code == 0 { "Completed" } else { "Error" }.into()),
        started_at: Some(to_time(started)),
        finished_at: Some(to_time(finished)),
        container_id,
        ..Default::default()
    }
}

/// A stable digest for an image, as the runtime reports it in `imageID`.
fn image_id(image: &str) -> String {
    let (repo, _) = images::split_reference(image);
    let q = images::qualified(image);
    let full_repo = q
        .rsplit_once(':')
        .map(|(r, _)| r.to_string())
        .unwrap_or(repo);
    let digest: String = (0..8u8)
        .map(|i| format!("{:08x}", fnv32a(format!("{image}/{i}").as_bytes())))
        .collect();
    format!("{full_repo}@sha256:{digest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_like_go() {
        assert_eq!(go_duration(4212), "4.212s");
        assert_eq!(go_duration(4200), "4.2s");
        assert_eq!(go_duration(5000), "5s");
        assert_eq!(go_duration(812), "812ms");
    }
}
