//! The kubelet's side of probing: which probes are due for a pod (the cluster runs them
//! against the container, `crate::cluster::probes`), taking their results (the
//! `Unhealthy` events, the thresholds), readiness from the results, and restarting a
//! container whose liveness or startup probe failed. Also the switches the sandbox's
//! failure drills turn: injected faults and kubelets that are down.

use super::prober::{self, Handler, Outcome, ProbeKind};
use super::{container_field, images, stored_pod, Faults, Kubelet, Stage};
use crate::api::time::Millis;
use crate::api::Kind;
use crate::apiserver::events::{EventType, Involved, Source};
use crate::apiserver::ApiServer;
use crate::cluster::Ctx;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::Pod;

/// One probe to run now.
#[derive(Clone, Debug)]
pub struct ProbeTask {
    /// Which worker of the pod.
    pub index: usize,
    pub container: String,
    pub kind: ProbeKind,
    pub handler: Handler,
    pub timeout_ms: Millis,
    /// The pod's IP, where HTTP and TCP probes connect.
    pub pod_ip: String,
    /// The learner broke this probe on purpose: it fails without running.
    pub broken: bool,
}

impl Kubelet {
    /// The probes of `key` due at `now` (none for pods without probes, pods not running,
    /// and nodes whose kubelet is down).
    pub fn probe_tasks(&self, key: &ObjKey, now: Millis) -> Vec<ProbeTask> {
        let Some(run) = self.pods.get(key) else {
            return vec![];
        };
        if run.probes.is_empty()
            || self.down.contains_key(&run.node)
            || !matches!(run.stage, Stage::Running { exit_at: None, .. })
        {
            return vec![];
        }
        run.probes
            .iter()
            .enumerate()
            .filter(|(_, w)| w.due(now, prober::started(&run.probes, &w.container)))
            .map(|(index, w)| ProbeTask {
                index,
                container: w.container.clone(),
                kind: w.kind,
                handler: w.spec.handler.clone(),
                timeout_ms: w.spec.timeout_ms,
                pod_ip: run.ip.clone().unwrap_or_default(),
                broken: match w.kind {
                    ProbeKind::Readiness => run.faults.readiness,
                    ProbeKind::Liveness => run.faults.liveness,
                    ProbeKind::Startup => false,
                },
            })
            .collect()
    }

    /// Take a probe's outcome: the `Unhealthy` event when it did not pass, then the
    /// worker's thresholds. The next reconcile acts on the published results.
    pub fn probe_result(
        &mut self,
        key: &ObjKey,
        task: &ProbeTask,
        outcome: &Outcome,
        now: Millis,
        api: &mut ApiServer,
    ) {
        let Some(run) = self.pods.get_mut(key) else {
            return;
        };
        let Some(worker) = run.probes.get_mut(task.index) else {
            return;
        };
        if let Some(message) = outcome.event_message(task.kind) {
            if let Some(pod) = api.try_get(key).and_then(|o| o.as_typed::<Pod>()) {
                let involved = Involved::of(Kind::Pod, &pod.metadata);
                api.record_event(
                    &involved,
                    Some(&container_field(&task.container)),
                    EventType::Warning,
                    "Unhealthy",
                    &message,
                    &Source::kubelet(&run.node),
                );
            }
        }
        worker.observe(*outcome == Outcome::Success, now);
    }

    /// Whether the pod counts as ready now: its readiness (and startup) probes pass, or,
    /// without them, its containers have been running since `ready_at`.
    pub(super) fn ready_now(&self, key: &ObjKey, ready_at: Option<Millis>, now: Millis) -> bool {
        let Some(run) = self.pods.get(key) else {
            return false;
        };
        let gated = run.probes.iter().any(|w| w.kind != ProbeKind::Liveness);
        if !gated {
            return ready_at.is_some_and(|t| now >= t);
        }
        let mut containers: Vec<&str> = run.probes.iter().map(|w| w.container.as_str()).collect();
        containers.dedup();
        containers.iter().all(|c| prober::ready(&run.probes, c))
    }

    /// When the pod's next probe is due.
    pub(super) fn next_probe(&self, key: &ObjKey) -> Option<Millis> {
        let run = self.pods.get(key)?;
        run.probes
            .iter()
            .filter(|w| w.due(Millis::MAX, prober::started(&run.probes, &w.container)))
            .map(|w| w.next_at)
            .min()
    }

    /// A liveness (or startup) probe failed: stop the container so that it is restarted.
    pub(super) fn kill_for_probe(
        &mut self,
        key: &ObjKey,
        container: &str,
        kind: ProbeKind,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        let (involved, stop, code) = {
            let pod = stored_pod(ctx, key)?;
            let spec = pod.spec.as_ref()?;
            let c = spec.containers.iter().find(|c| c.name == container)?;
            let probe = match kind {
                ProbeKind::Startup => c.startup_probe.as_ref(),
                _ => c.liveness_probe.as_ref(),
            };
            let grace = probe
                .and_then(|p| p.termination_grace_period_seconds)
                .or(spec.termination_grace_period_seconds)
                .unwrap_or(30)
                .max(0)
                * 1000;
            let profile = images::profile(c.image.as_deref().unwrap_or(""));
            // A process that exits on SIGTERM stops cleanly; one that ignores it is
            // killed when the grace period ends.
            let (stop, code) = match profile.stop_ms {
                Some(ms) if ms < grace => (ms, 0),
                _ => (grace, 137),
            };
            (Involved::of(Kind::Pod, &pod.metadata), stop, code)
        };
        let run = self.pods.get_mut(key)?;
        let what = match kind {
            ProbeKind::Startup => "startup",
            _ => "liveness",
        };
        ctx.api.record_event(
            &involved,
            Some(&container_field(container)),
            EventType::Normal,
            "Killing",
            &format!("Container {container} failed {what} probe, will be restarted"),
            &Source::kubelet(&run.node),
        );
        if let Stage::Running { exit_at, .. } = &mut run.stage {
            *exit_at = Some((now + stop, code));
        }
        ctx.note(format!(
            "{}: container {container} failed its {what} probe; the kubelet kills it to restart it",
            key.name
        ));
        Some(stop.max(1))
    }

    /// The faults injected into a pod the kubelet runs (None: it runs no such pod).
    pub fn faults_mut(&mut self, key: &ObjKey) -> Option<&mut Faults> {
        self.pods.get_mut(key).map(|r| &mut r.faults)
    }

    /// Whether the pod's containers are running now.
    pub fn is_running(&self, key: &ObjKey) -> bool {
        self.pods
            .get(key)
            .is_some_and(|r| matches!(r.stage, Stage::Running { exit_at: None, .. }))
    }

    /// The kubelet of `node` stops (it no longer reports or acts).
    pub fn set_node_down(&mut self, node: &str, now: Millis) {
        self.down.entry(node.to_string()).or_insert(now);
    }

    /// The kubelet of `node` is back; returns whether it was down.
    pub fn set_node_up(&mut self, node: &str) -> bool {
        self.down.remove(node).is_some()
    }

    /// Since when the kubelet of `node` has been down, if it is.
    pub fn node_down_since(&self, node: &str) -> Option<Millis> {
        self.down.get(node).copied()
    }
}
