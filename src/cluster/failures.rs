//! Failures a learner causes on purpose (the sandbox's `break`, `fail` and `heal`
//! commands, `crate::drills`): they reach into the simulated machines, never the API, as a
//! real failure would. A broken probe fails until healed; a crash kills the main process
//! once, a crash loop on every start; a filled volume refuses writes (its data, not the
//! pod, is full: the claim's next pod finds it full too); a failed node's kubelet stops
//! (no status, no work) until it is healed.

use super::Cluster;
use crate::api::Kind;
use crate::controllers::LoopId;
use crate::kubelet::prober::ProbeKind;
use crate::runtime::fill;
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

    /// Fill the volume `volume` of pod `key` (default: its first volume that holds data,
    /// in spec order), so that writes to it fail with `No space left on device`.
    pub fn fill_pod_volume(
        &mut self,
        key: &ObjKey,
        volume: Option<&str>,
    ) -> Result<String, String> {
        self.running_pod(key)?;
        let pod = self
            .api
            .try_get(key)
            .and_then(|o| o.as_typed::<Pod>())
            .cloned()
            .ok_or_else(|| format!("pods \"{}\" not found", key.name))?;
        let fillable = fill::fillable_volumes(&self.api.store, &pod);
        let target = match volume {
            Some(name) => fillable.iter().find(|v| v.name == name).ok_or_else(|| {
                let names: Vec<&str> = fillable.iter().map(|v| v.name.as_str()).collect();
                if names.is_empty() {
                    format!("pod {} has no volume that holds data", key.name)
                } else {
                    format!(
                        "pod {} has no volume {name} to fill (it has: {})",
                        key.name,
                        names.join(", ")
                    )
                }
            })?,
            None => fillable.first().ok_or_else(|| {
                format!(
                    "pod {} has no volume that holds data (persistentVolumeClaim, emptyDir or hostPath): nothing to fill",
                    key.name
                )
            })?,
        };
        let now = self.api.now;
        let newly = self.runtime.fill_volume(target, now);
        let what = match &target.claim {
            Some(c) => format!("its volume {} (claim {c})", target.name),
            None => format!("its volume {}", target.name),
        };
        if !newly {
            return Err(format!("{what} is already full"));
        }
        self.queue.add(LoopId::Kubelet as usize, key.clone(), now);
        Ok(format!(
            "pod/{} broken: {what} is full: writes to it fail with \"No space left on device\"",
            key.name
        ))
    }

    /// Undo every fault of pod `key` (and empty its filled volumes).
    pub fn heal_pod(&mut self, key: &ObjKey) -> Result<String, String> {
        self.running_pod(key)?;
        let now = self.api.now;
        if let Some(pod) = self.api.try_get(key).and_then(|o| o.as_typed::<Pod>()) {
            for v in fill::fillable_volumes(&self.api.store, pod) {
                self.runtime.empty_volume(&v);
            }
        }
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
