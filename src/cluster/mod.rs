//! The cluster: one apiserver (with its store), a work queue, and the reconcile loops
//! (controllers, scheduler, kubelet) driven by a virtual clock.
//!
//! `step` pops what is due and reconciles it; every write a reconcile makes lands in the
//! watch log, and `dispatch` (the informers) turns new watch events into queued keys for
//! the loops that care. Front ends (script runner, REPL, tests) only call the API and
//! move the clock.

pub mod bootstrap;
pub mod failures;
pub mod ids;
mod livelock;
mod probes;
pub mod queue;

use crate::api::time::Millis;
use crate::apiserver::ApiServer;
use crate::controllers::{Controllers, LoopId};
use crate::store::ObjKey;
use queue::WorkQueue;

/// One line of "what the cluster did and why" (for the tutor's `why`).
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    pub at: Millis,
    pub component: &'static str,
    pub message: String,
}

/// What a reconcile loop gets to work with.
pub struct Ctx<'a> {
    pub api: &'a mut ApiServer,
    pub trace: &'a mut Vec<Trace>,
    pub component: &'static str,
}

impl Ctx<'_> {
    pub fn now(&self) -> Millis {
        self.api.now
    }

    /// Note a decision for `why`.
    pub fn note(&mut self, message: impl Into<String>) {
        let at = self.api.now;
        let component = self.component;
        self.trace.push(Trace {
            at,
            component,
            message: message.into(),
        });
        if self.trace.len() > 20_000 {
            self.trace.drain(..10_000);
        }
    }
}

/// Knobs of a simulated cluster.
#[derive(Clone, Debug)]
pub struct ClusterConfig {
    pub seed: u64,
    /// Worker nodes beside the control plane.
    pub workers: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            seed: 1,
            workers: 2,
        }
    }
}

#[derive(Clone)]
pub struct Cluster {
    pub api: ApiServer,
    queue: WorkQueue,
    controllers: Controllers,
    /// Watch events up to this resourceVersion have been dispatched to the loops.
    dispatched: u64,
    pub trace: Vec<Trace>,
    /// How many reconciles each loop has run (for benchmarks and `why`).
    pub reconciles: [u64; LoopId::ALL.len()],
    /// The oldest resourceVersion an open watch still needs (None: no watch open).
    watch_floor: Option<u64>,
    /// What runs inside the containers: their filesystems, volumes' data, logs.
    pub runtime: crate::runtime::Runtime,
    /// Slows down reconcile loops that would spin at one instant (a bug's safety net).
    livelock: livelock::LivelockGuard,
}

impl Cluster {
    /// A fresh cluster like a new kind cluster, with its system pods running.
    pub fn new(config: &ClusterConfig) -> Self {
        let start = crate::api::time::EPOCH_MS - bootstrap::CLUSTER_AGE_MS;
        let mut cluster = Cluster {
            api: ApiServer::new(config.seed, start),
            queue: WorkQueue::default(),
            controllers: Controllers::default(),
            dispatched: 0,
            trace: Vec::new(),
            reconciles: [0; LoopId::ALL.len()],
            watch_floor: None,
            runtime: crate::runtime::Runtime::default(),
            livelock: livelock::LivelockGuard::default(),
        };
        bootstrap::bootstrap(&mut cluster, config);
        cluster.run_until(crate::api::time::EPOCH_MS);
        cluster.trace.clear();
        cluster
    }

    pub fn now(&self) -> Millis {
        self.api.now
    }

    /// A container's main process exited (the shell of `kubectl run -it` ended): the
    /// kubelet writes the container terminated at once.
    pub fn main_process_exited(&mut self, pod: &ObjKey, code: i32) {
        let now = self.api.now;
        if self.controllers.kubelet.main_process_exited(pod, code, now) {
            self.queue.add(LoopId::Kubelet as usize, pod.clone(), now);
        }
    }

    /// Feed new watch events to the loops (the informers' event handlers).
    pub fn dispatch(&mut self) {
        let Some(events) = self.api.store.events_since(self.dispatched) else {
            self.dispatched = self.api.store.resource_version();
            return;
        };
        if events.is_empty() {
            return;
        }
        // The handlers read the log in place; like informers, they see only the events,
        // never the store.
        let now = self.api.now;
        let mut out: Vec<(LoopId, ObjKey, Millis)> = Vec::new();
        for ev in events {
            self.controllers.handle(ev, &mut out);
        }
        self.dispatched = self.api.store.resource_version();
        for (id, key, delay) in out {
            let at = self.livelock.due(id as usize, &key, now + delay);
            self.queue.add(id as usize, key, at);
        }
        let keep_after = self
            .watch_floor
            .map_or(self.dispatched, |f| f.min(self.dispatched));
        self.api.store.compact(keep_after);
    }

    /// Keep watch events newer than `resource_version` until `close_watch` (a `get -w`
    /// reading the log as the cluster runs).
    pub fn open_watch(&mut self, resource_version: u64) {
        self.watch_floor = Some(
            self.watch_floor
                .map_or(resource_version, |f| f.min(resource_version)),
        );
    }

    /// Move an open watch forward: events up to `resource_version` have been read.
    pub fn advance_watch(&mut self, resource_version: u64) {
        if self.watch_floor.is_some() {
            self.watch_floor = Some(resource_version);
        }
    }

    pub fn close_watch(&mut self) {
        self.watch_floor = None;
    }

    /// Reconcile everything due up to and including `t`, then set the clock to `t`.
    pub fn run_until(&mut self, t: Millis) {
        loop {
            self.dispatch();
            let Some((at, id, key)) = self.queue.pop_due(t) else {
                break;
            };
            if at > self.api.now {
                self.api.now = at;
            }
            self.reconcile(LoopId::from_index(id), &key);
        }
        if t > self.api.now {
            self.api.now = t;
        }
    }

    /// Process only the next due instant (for watches that print as things happen).
    /// Returns false when nothing is queued before `limit`.
    pub fn step_until(&mut self, limit: Millis) -> bool {
        self.dispatch();
        match self.queue.next_due() {
            Some(at) if at <= limit => {
                self.run_until(at.max(self.api.now));
                true
            }
            _ => false,
        }
    }

    /// When the next queued work is due, if any.
    pub fn next_due(&mut self) -> Option<Millis> {
        self.dispatch();
        self.queue.next_due()
    }

    pub fn advance(&mut self, ms: Millis) {
        let t = self.api.now.saturating_add(ms);
        self.run_until(t);
    }

    fn reconcile(&mut self, id: LoopId, key: &ObjKey) {
        self.reconciles[id as usize] += 1;
        let objects = self.api.store.len();
        if self.livelock.note(id as usize, key, self.api.now, objects) {
            self.trace.push(Trace {
                at: self.api.now,
                component: id.component(),
                message: format!("{key} keeps coming back at one instant: slowed down (a livelock; please report it)"),
            });
        }
        if id == LoopId::Kubelet {
            // The kubelet's probes run against the containers before it syncs the pod.
            self.run_due_probes(key);
        }
        let mut ctx = Ctx {
            api: &mut self.api,
            trace: &mut self.trace,
            component: id.component(),
        };
        if let Some(after) = self.controllers.reconcile(id, key, &mut ctx) {
            let at = self.api.now.saturating_add(after.max(1));
            let at = self.livelock.due(id as usize, key, at);
            self.queue.add(id as usize, key.clone(), at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Kind, Object};

    /// The scheduler forgets which claims a pod waited on once the pod is bound, so a
    /// long-lived sandbox does not keep a list per pod ever scheduled.
    #[test]
    fn scheduled_pods_leave_no_claim_waits_behind() {
        let mut c = Cluster::new(&ClusterConfig::default());
        let yaml = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: nginx\n  replicas: 3\n  podManagementPolicy: Parallel\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n        volumeMounts:\n        - name: www\n          mountPath: /data\n  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n";
        let v: serde_json::Value = serde_yaml_ng::from_str(yaml).unwrap();
        c.api
            .create(Object::from_json_lenient(Kind::StatefulSet, v).unwrap())
            .unwrap();
        c.advance(1_000);
        assert!(
            c.controllers.scheduler.claims_waited_on() > 0,
            "pods wait on their claims"
        );
        c.advance(60_000);
        assert_eq!(c.controllers.scheduler.claims_waited_on(), 0);
    }
}
