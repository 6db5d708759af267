//! Failures a learner causes on purpose (the sandbox's `break`, `fail` and `heal`
//! commands, `crate::drills`): they reach into the simulated machines, never the API, as a
//! real failure would. A broken probe fails until healed; a crash kills the main process
//! once, a crash loop on every start; a failed node's kubelet stops (no status, no work)
//! until it is healed.

use super::Cluster;
use crate::api::Kind;
use crate::controllers::LoopId;
use crate::kubelet::prober::ProbeKind;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Node, Pod};

/// What `break pod` breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PodFault {
    Readiness,
    Liveness,
    Crash,
    CrashLoop,
}

impl Cluster {
    fn running_pod(&self, key: &ObjKey) -> Result<(), String> {
        let Some(pod) = self.api.try_get(key).and_then(|o| o.as_typed::<Pod>()) else {
            return Err(format!(
                "pods \"{}\" not found in namespace \"{}\"",
                key.name, key.namespace
            ));
        };
        let node = pod.spec.as_ref().and_then(|s| s.node_name.clone());
        if node.is_none() || pod.metadata.deletion_timestamp.is_some() {
            return Err(format!(
                "pod {} is not running (it has no node, or is being deleted)",
                key.name
            ));
        }
        if node.is_some_and(|n| self.controllers.kubelet.node_down_since(&n).is_some()) {
            return Err(format!(
                "pod {} is on a failed node: its kubelet does not answer",
                key.name
            ));
        }
        Ok(())
    }

    /// Break pod `key` (see [`PodFault`]); returns what happens, for the learner.
    pub fn break_pod(&mut self, key: &ObjKey, fault: PodFault) -> Result<String, String> {
        self.running_pod(key)?;
        let now = self.api.now;
        let probe_kind = match fault {
            PodFault::Readiness => Some(ProbeKind::Readiness),
            PodFault::Liveness => Some(ProbeKind::Liveness),
            _ => None,
        };
        if let Some(kind) = probe_kind {
            let declared = self
                .api
                .try_get(key)
                .and_then(|o| o.as_typed::<Pod>())
                .and_then(|p| p.spec.as_ref())
                .is_some_and(|s| {
                    s.containers.iter().any(|c| match kind {
                        ProbeKind::Readiness => c.readiness_probe.is_some(),
                        _ => c.liveness_probe.is_some(),
                    })
                });
            if !declared {
                let field = if kind == ProbeKind::Readiness {
                    "readinessProbe"
                } else {
                    "livenessProbe"
                };
                return Err(format!(
                    "pod {} has no {field}: nothing checks its {}, so there is nothing to fail (add a {field} to the pod template)",
                    key.name,
                    kind.title().to_lowercase()
                ));
            }
        }
        let kubelet = &mut self.controllers.kubelet;
        let Some(faults) = kubelet.faults_mut(key) else {
            return Err(format!("pod {} is not running yet", key.name));
        };
        let message = match fault {
            PodFault::Readiness => {
                faults.readiness = true;
                "its readiness probe now fails"
            }
            PodFault::Liveness => {
                faults.liveness = true;
                "its liveness probe now fails"
            }
            PodFault::CrashLoop => {
                faults.crash_loop = true;
                "its process now crashes at every start"
            }
            PodFault::Crash => "its process crashed (exit code 1)",
        };
        if matches!(fault, PodFault::Crash | PodFault::CrashLoop) && kubelet.is_running(key) {
            kubelet.main_process_exited(key, 1, now);
        }
        self.queue.add(LoopId::Kubelet as usize, key.clone(), now);
        Ok(format!("pod/{} broken: {message}", key.name))
    }

    /// Undo every fault of pod `key`.
    pub fn heal_pod(&mut self, key: &ObjKey) -> Result<String, String> {
        self.running_pod(key)?;
        let now = self.api.now;
        let Some(faults) = self.controllers.kubelet.faults_mut(key) else {
            return Err(format!("pod {} is not running yet", key.name));
        };
        *faults = Default::default();
        self.queue.add(LoopId::Kubelet as usize, key.clone(), now);
        Ok(format!("pod/{} healed", key.name))
    }

    fn node_exists(&self, name: &str) -> Result<(), String> {
        match self
            .api
            .try_get(&ObjKey::new(Kind::Node, "", name))
            .and_then(|o| o.as_typed::<Node>())
        {
            Some(_) => Ok(()),
            None => Err(format!("nodes \"{name}\" not found")),
        }
    }

    /// Stop the kubelet of node `name` (as if the machine lost power or its network).
    pub fn fail_node(&mut self, name: &str) -> Result<String, String> {
        self.node_exists(name)?;
        let now = self.api.now;
        if self.controllers.kubelet.node_down_since(name).is_some() {
            return Err(format!("node {name} has already failed"));
        }
        self.controllers.kubelet.set_node_down(name, now);
        self.queue.add(
            LoopId::NodeLifecycle as usize,
            ObjKey::new(Kind::Node, "", name),
            now,
        );
        Ok(format!("node/{name} failed: its kubelet stopped reporting"))
    }

    /// Bring the kubelet of node `name` back: it reports again and acts on its pods.
    pub fn heal_node(&mut self, name: &str) -> Result<String, String> {
        self.node_exists(name)?;
        let now = self.api.now;
        if !self.controllers.kubelet.set_node_up(name) {
            return Err(format!("node {name} has not failed"));
        }
        self.queue.add(
            LoopId::NodeLifecycle as usize,
            ObjKey::new(Kind::Node, "", name),
            now,
        );
        let pods: Vec<ObjKey> = self
            .api
            .store
            .list(Kind::Pod, None)
            .filter(|o| {
                o.as_typed::<Pod>()
                    .and_then(|p| p.spec.as_ref()?.node_name.as_deref())
                    == Some(name)
            })
            .map(|o| ObjKey::of(o))
            .collect();
        for p in pods {
            self.queue.add(LoopId::Kubelet as usize, p, now);
        }
        Ok(format!("node/{name} healed: its kubelet reports again"))
    }
}
