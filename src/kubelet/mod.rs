//! The kubelet: moves the pods bound to each node through their lifecycle on the virtual
//! clock, and reports it in pod status and events as a real kubelet does.
//!
//! Stages, KWOK-style: accepted (status `ContainerCreating`, images pulled or already
//! present) -> started (`Running`; Ready at once, or when the readiness probe's initial
//! probes pass: [`prober`]) -> for pods being deleted, killing (SIGTERM, the image's stop
//! time, capped by the grace period) -> the pod object is removed. Containers that exit,
//! or that fail their liveness probe, are restarted with upstream's back-off ([`backoff`]:
//! 10s doubling to 5m) as `CrashLoopBackOff`; images that cannot be pulled back off the
//! same way (`ErrImagePull`, `ImagePullBackOff`). A node whose kubelet is down
//! (`fail node`) does nothing until it comes back.

pub mod backoff;
pub mod images;
pub mod prober;
pub mod probing;
mod pulls;
pub mod registry;
mod shutdown;
mod startup;
pub mod status;

use crate::api::text::{concat, push_int};
use crate::api::time::{to_time, Millis};
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Involved, Source};
use crate::apiserver::parse_ipv4;
use crate::cluster::ids::fnv32a;
use crate::cluster::Ctx;
use crate::store::{ObjKey, WatchEvent};
use images::{Behaviour, ImageProfile};
use k8s_openapi::api::core::v1::{Container, ContainerStateTerminated, Node, Pod, PodSpec};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// Delay between the pod landing on the node and the kubelet's first status report.
const ACCEPT_MS: Millis = 100;
/// Creating and starting a container whose image is present.
const START_MS: Millis = 700;
/// From the containers stopping to the pod object's removal (unmounting volumes, the
/// status manager's final update).
const CLEANUP_MS: Millis = 400;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// Pulling images / creating containers, until the given time.
    Preparing { until: Millis },
    /// Containers running; Ready from `ready_at` (None: a probe never passes).
    Running {
        ready_at: Option<Millis>,
        exit_at: Option<(Millis, i32)>,
    },
    /// The main container exited; restart at the given time (None: never, restartPolicy
    /// Never). `crash_loop`: waiting out the back-off (`CrashLoopBackOff`), which moves on
    /// at the restart.
    BackOff {
        restart_at: Option<Millis>,
        crash_loop: bool,
    },
    /// An image pull that will fail at `fail_at`.
    PullFailing { fail_at: Millis },
    /// A pull failed: `ImagePullBackOff` is reported at `show_at`, the next pull is at
    /// `retry_at`.
    PullBackOff { show_at: Millis, retry_at: Millis },
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
    /// The probe workers (empty for pods without probes).
    probes: Vec<prober::Worker>,
    /// The restart back-off of the pod's containers, and the image pull back-off.
    backoff: backoff::Backoff,
    pull_backoff: backoff::Backoff,
    /// What the learner broke on purpose (`break pod ...`).
    faults: Faults,
}

impl PodRun {
    fn new(stage: Stage, node: &str) -> PodRun {
        PodRun {
            stage,
            restarts: 0,
            ip: None,
            node: node.to_string(),
            started_at: None,
            last_exit: None,
            container_ids: vec![],
            probes: vec![],
            backoff: backoff::Backoff::default(),
            pull_backoff: backoff::Backoff::default(),
            faults: Faults::default(),
        }
    }
}

/// Failures a learner injects into a pod (`break pod NAME ...`), until `heal pod NAME`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Faults {
    /// Its readiness probes fail.
    pub readiness: bool,
    /// Its liveness probes fail.
    pub liveness: bool,
    /// Its main process crashes soon after every start.
    pub crash_loop: bool,
}

#[derive(Clone, Debug, Default)]
struct NodeRun {
    images: BTreeSet<String>,
    last_ip: u32,
    /// The node's `podCIDR` as last read, and its base address (parsed once).
    pod_cidr: Option<(String, u32)>,
}

#[derive(Clone, Debug, Default)]
pub struct Kubelet {
    pods: FxHashMap<ObjKey, PodRun>,
    /// Nodes whose kubelet is down (`fail node`), since when.
    down: FxHashMap<String, Millis>,
    nodes: FxHashMap<String, NodeRun>,
    /// `imageID` of each image seen (a digest, computed once per image), and the fully
    /// qualified reference reported as the container's `image`.
    image_ids: FxHashMap<String, ImageNames>,
    /// Whether each image seen can be pulled (the registry's answer never changes).
    pullable: FxHashMap<String, bool>,
}

/// Whether `image` can be pulled, asking [`registry::pull_failure`] once per image.
fn pullable(cache: &mut FxHashMap<String, bool>, image: &str) -> bool {
    if let Some(&ok) = cache.get(image) {
        return ok;
    }
    let ok = registry::pull_failure(image).is_none();
    cache.insert(image.to_string(), ok);
    ok
}

/// What the runtime reports of an image (`imageID`, the fully qualified reference), and
/// its catalogue profile.
#[derive(Clone, Debug)]
struct ImageNames {
    id: String,
    qualified: String,
    profile: ImageProfile,
}

/// What is known of `image`, worked out on first need.
fn image_names<'a>(cache: &'a mut FxHashMap<String, ImageNames>, image: &str) -> &'a ImageNames {
    if !cache.contains_key(image) {
        let names = ImageNames {
            id: image_id(image),
            qualified: images::qualified(image),
            profile: images::profile(image),
        };
        cache.insert(image.to_string(), names);
    }
    cache.get(image).expect("inserted above")
}

/// The spec of a pod without one.
fn no_spec() -> &'static PodSpec {
    static NO_SPEC: std::sync::LazyLock<PodSpec> = std::sync::LazyLock::new(PodSpec::default);
    &NO_SPEC
}

/// Go's `time.Duration` String for the millisecond durations we produce (`4.212s`, `812ms`).
pub fn go_duration(ms: Millis) -> String {
    // Under a minute (pull times, nearly every call): written digit by digit.
    if ms < 60_000 {
        let mut out = String::with_capacity(12);
        if ms < 1000 {
            push_int(&mut out, ms);
            out.push_str("ms");
            return out;
        }
        push_int(&mut out, ms / 1000);
        let mut frac = ms % 1000;
        if frac != 0 {
            out.push('.');
            let mut width = 3;
            while frac % 10 == 0 {
                frac /= 10;
                width -= 1;
            }
            let at = out.len();
            push_int(&mut out, frac);
            // Leading zeros of the fraction (`4.05s`).
            for _ in 0..width - (out.len() - at) {
                out.insert(at, '0');
            }
        }
        out.push('s');
        return out;
    }
    if ms >= 60_000 {
        let (h, rest) = (ms / 3_600_000, ms % 3_600_000);
        let (m, rest) = (rest / 60_000, rest % 60_000);
        let secs = go_duration(rest);
        let secs = if rest == 0 {
            "0s".to_string()
        } else if rest < 1000 {
            format!("0.{:03}s", rest).trim_end_matches('0').to_string()
        } else {
            secs
        };
        return if h > 0 {
            format!("{h}h{m}m{secs}")
        } else {
            format!("{m}m{secs}")
        };
    }
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}s")
}

fn container_field(name: &str) -> String {
    concat(&["spec.containers{", name, "}"])
}

/// Report events about one container of a pod, in order (a failure, then the
/// `Error: <reason>` line the kubelet follows it with).
fn container_events(
    ctx: &mut Ctx,
    involved: &Involved,
    container: &str,
    source: &Source,
    events: &[(EventType, &str, &str)],
) {
    let field = container_field(container);
    for &(type_, reason, message) in events {
        ctx.api
            .record_event(involved, Some(&field), type_, reason, message, source);
    }
}

/// The pod at `key` as the store holds it (borrowed, never copied).
fn stored_pod<'a>(ctx: &'a Ctx, key: &ObjKey) -> Option<&'a Pod> {
    ctx.api.try_get(key).and_then(|o| o.as_typed::<Pod>())
}

/// What the kubelet needs of a container once it has let go of the pod.
struct ContainerImage {
    name: String,
    image: String,
    pull_policy: Option<String>,
}

impl ContainerImage {
    fn of(c: &Container) -> Self {
        ContainerImage {
            name: c.name.clone(),
            image: c.image.clone().unwrap_or_default(),
            pull_policy: c.image_pull_policy.clone(),
        }
    }
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
                push(ev.key.clone(), 0);
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
        // Read what decides the next step, then let go of the pod: its status is written
        // in place, which is only free while no one else holds the stored object.
        let (node_name, deleting, finished, is_ready) = {
            let Some(pod) = stored_pod(ctx, key) else {
                self.pods.remove(key);
                return None;
            };
            let node_name = pod.spec.as_ref().and_then(|s| s.node_name.clone())?;
            (
                node_name,
                pod.metadata.deletion_timestamp.is_some(),
                matches!(
                    pod.status.as_ref().and_then(|s| s.phase.as_deref()),
                    Some("Succeeded" | "Failed")
                ),
                status::condition_true(pod.status.as_ref(), "Ready"),
            )
        };
        // A kubelet that is down does nothing.
        if self.down.contains_key(&node_name) {
            return None;
        }
        // A pod recreated with the same name is a new pod.
        if let Some(run) = self.pods.get(key) {
            if run.node != node_name {
                self.pods.remove(key);
            }
        }
        let now = ctx.now();
        if deleting {
            let pod = stored_pod(ctx, key)?.clone();
            return self.terminate(key, &pod, ctx);
        }
        if finished {
            return None;
        }
        let Some(stage) = self.pods.get(key).map(|run| run.stage.clone()) else {
            return self.accept(key, &node_name, ctx);
        };
        match stage {
            Stage::Preparing { until } if now < until => Some(until - now),
            Stage::Preparing { .. } => self.start(key, ctx),
            Stage::Running { ready_at, exit_at } => {
                if let Some((at, code)) = exit_at {
                    if now >= at {
                        let pod = stored_pod(ctx, key)?.clone();
                        return self.container_exited(key, &pod, code, ctx);
                    }
                }
                if exit_at.is_none() {
                    let failed = self.pods.get(key).and_then(|run| {
                        prober::failed_liveness(&run.probes).map(|(c, k)| (c.to_string(), k))
                    });
                    if let Some((container, kind)) = failed {
                        return self.kill_for_probe(key, &container, kind, ctx);
                    }
                }
                let ready_now = self.ready_now(key, ready_at, now);
                if ready_now != is_ready && exit_at.is_none() {
                    self.write_running(key, ready_now, ctx);
                    if ready_now {
                        ctx.note(format!("{} is Ready: its readiness check passed", key.name));
                    } else {
                        ctx.note(format!(
                            "{} is not Ready: its readiness probe fails",
                            key.name
                        ));
                    }
                }
                let mut next: Vec<Millis> = Vec::new();
                if let Some(t) = ready_at.filter(|t| *t > now) {
                    next.push(t - now);
                }
                if let Some((t, _)) = exit_at.filter(|(t, _)| *t > now) {
                    next.push(t - now);
                }
                if let Some(t) = self.next_probe(key) {
                    next.push((t - now).max(1));
                }
                next.into_iter().min()
            }
            Stage::BackOff {
                restart_at: Some(at),
                crash_loop,
            } if now >= at => {
                if crash_loop {
                    if let Some(run) = self.pods.get_mut(key) {
                        run.backoff.next(now);
                    }
                }
                self.start(key, ctx)
            }
            Stage::BackOff {
                restart_at: Some(at),
                ..
            } => Some(at - now),
            Stage::BackOff {
                restart_at: None, ..
            } => None,
            Stage::PullFailing { fail_at } if now >= fail_at => self.pull_failed(key, ctx),
            Stage::PullFailing { fail_at } => Some(fail_at - now),
            Stage::PullBackOff { show_at, retry_at } => {
                self.pull_backoff_step(key, show_at, retry_at, ctx)
            }
            Stage::Killing { .. } | Stage::Stopped { .. } => None,
        }
    }

    fn allocate_ip(&mut self, node_name: &str, ctx: &Ctx) -> String {
        let cidr = ctx
            .api
            .try_get(&ObjKey::new(Kind::Node, "", node_name))
            .and_then(|o| o.as_typed::<Node>())
            .and_then(|n| n.spec.as_ref()?.pod_cidr.as_deref());
        let cidr = cidr.unwrap_or("10.244.0.0/24");
        let run = node_run(&mut self.nodes, node_name);
        let base = match &run.pod_cidr {
            Some((known, base)) if known == cidr => *base,
            _ => {
                let base = parse_ipv4(cidr.split('/').next().unwrap_or("10.244.0.0")).unwrap_or(0);
                run.pod_cidr = Some((cidr.to_string(), base));
                base
            }
        };
        // host-local IPAM: round-robin from .2, skipping the last address.
        run.last_ip = if run.last_ip < 2 || run.last_ip >= 254 {
            2
        } else {
            run.last_ip + 1
        };
        crate::apiserver::format_ipv4(base + run.last_ip)
    }
}

/// The kubelet's record of a node, made on first need (without copying its name when it
/// exists).
fn node_run<'a>(nodes: &'a mut FxHashMap<String, NodeRun>, name: &str) -> &'a mut NodeRun {
    if !nodes.contains_key(name) {
        nodes.insert(name.to_string(), NodeRun::default());
    }
    nodes.get_mut(name).expect("inserted above")
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

impl Kubelet {
    /// What is known of the image, from the cache.
    fn image_names(&mut self, image: &str) -> &ImageNames {
        image_names(&mut self.image_ids, image)
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
        assert_eq!(go_duration(80_000), "1m20s");
        assert_eq!(go_duration(300_000), "5m0s");
        assert_eq!(go_duration(160_000), "2m40s");
        assert_eq!(go_duration(4050), "4.05s");
        assert_eq!(go_duration(4005), "4.005s");
        assert_eq!(go_duration(10_000), "10s");
        assert_eq!(go_duration(59_990), "59.99s");
        assert_eq!(go_duration(0), "0ms");
        assert_eq!(go_duration(-5), "-5ms");
    }
}
