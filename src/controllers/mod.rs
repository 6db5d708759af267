//! The reconcile loops of kube-controller-manager (and the scheduler and kubelet, which
//! run the same way here): each reacts to watch events by queueing keys, and reconciles
//! one key at a time toward the desired state.

pub mod deployment;
pub mod endpoints;
pub mod gc;
pub mod nodelifecycle;
pub mod replicaset;
pub mod statefulset;
pub mod volume;

use crate::api::time::Millis;
use crate::cluster::Ctx;
use crate::kubelet::Kubelet;
use crate::scheduler::Scheduler;
use crate::store::{ObjKey, WatchEvent};

/// How an event handler queues a key (with a delay).
type Push<'a> = &'a mut dyn FnMut(ObjKey, Millis);

/// Which loop a queued key belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopId {
    StatefulSet = 0,
    ReplicaSet = 1,
    Deployment = 2,
    Volume = 3,
    Endpoints = 4,
    GarbageCollector = 5,
    Scheduler = 6,
    Kubelet = 7,
    NodeLifecycle = 8,
}

impl LoopId {
    pub const ALL: [LoopId; 9] = [
        LoopId::StatefulSet,
        LoopId::ReplicaSet,
        LoopId::Deployment,
        LoopId::Volume,
        LoopId::Endpoints,
        LoopId::GarbageCollector,
        LoopId::Scheduler,
        LoopId::Kubelet,
        LoopId::NodeLifecycle,
    ];

    pub fn from_index(i: usize) -> LoopId {
        LoopId::ALL[i.min(LoopId::ALL.len() - 1)]
    }

    /// The component name learners see (event sources, `why`).
    pub fn component(self) -> &'static str {
        match self {
            LoopId::StatefulSet => "statefulset controller",
            LoopId::ReplicaSet => "replicaset controller",
            LoopId::Deployment => "deployment controller",
            LoopId::Volume => "persistentvolume controller",
            LoopId::Endpoints => "endpoints controller",
            LoopId::GarbageCollector => "garbage collector",
            LoopId::Scheduler => "scheduler",
            LoopId::Kubelet => "kubelet",
            LoopId::NodeLifecycle => "node-lifecycle-controller",
        }
    }
}

/// Every loop's state.
#[derive(Clone, Debug, Default)]
pub struct Controllers {
    pub statefulset: statefulset::StatefulSetController,
    pub replicaset: replicaset::ReplicaSetController,
    pub deployment: deployment::DeploymentController,
    pub volume: volume::VolumeController,
    pub endpoints: endpoints::EndpointsController,
    pub gc: gc::GarbageCollector,
    pub scheduler: Scheduler,
    pub kubelet: Kubelet,
    pub nodelifecycle: nodelifecycle::NodeLifecycleController,
}

impl Controllers {
    /// The informers' event handlers: which keys each loop queues for this event.
    pub fn handle(&mut self, ev: &WatchEvent, out: &mut Vec<(LoopId, ObjKey, Millis)>) {
        if ev.object.kind() == crate::api::Kind::Event {
            return;
        }
        let push = |id: LoopId| move |k: ObjKey, d: Millis| (id, k, d);
        let mut collect = |id: LoopId, f: &mut dyn FnMut(Push)| {
            let mk = push(id);
            f(&mut |k, d| out.push(mk(k, d)));
        };
        collect(LoopId::StatefulSet, &mut |p| self.statefulset.handle(ev, p));
        collect(LoopId::ReplicaSet, &mut |p| self.replicaset.handle(ev, p));
        collect(LoopId::Deployment, &mut |p| self.deployment.handle(ev, p));
        collect(LoopId::Volume, &mut |p| self.volume.handle(ev, p));
        collect(LoopId::Endpoints, &mut |p| self.endpoints.handle(ev, p));
        collect(LoopId::GarbageCollector, &mut |p| self.gc.handle(ev, p));
        collect(LoopId::Scheduler, &mut |p| self.scheduler.handle(ev, p));
        collect(LoopId::Kubelet, &mut |p| self.kubelet.handle(ev, p));
        collect(LoopId::NodeLifecycle, &mut |p| {
            self.nodelifecycle.handle(ev, p)
        });
    }

    pub fn reconcile(&mut self, id: LoopId, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        match id {
            LoopId::StatefulSet => self.statefulset.reconcile(key, ctx),
            LoopId::ReplicaSet => self.replicaset.reconcile(key, ctx),
            LoopId::Deployment => self.deployment.reconcile(key, ctx),
            LoopId::Volume => self.volume.reconcile(key, ctx),
            LoopId::Endpoints => self.endpoints.reconcile(key, ctx),
            LoopId::GarbageCollector => self.gc.reconcile(key, ctx),
            LoopId::Scheduler => self.scheduler.reconcile(key, ctx),
            LoopId::Kubelet => self.kubelet.reconcile(key, ctx),
            LoopId::NodeLifecycle => self.nodelifecycle.reconcile(key, ctx, &self.kubelet),
        }
    }
}
