//! `kubectl describe`: one describer per kind, as kubernetes/kubectl
//! `pkg/describe/describe.go` lays them out, over the stored object and what the store
//! knows about it (its events, the pods using a claim or owned by a set, a service's
//! endpoints, the pods on a node). Output goes through a Go tab writer with describe's
//! settings, so alignment follows the same column-block rules as real kubectl.

mod cluster;
mod config;
mod containers;
mod events;
mod fields;
mod network;
mod pod;
mod storage;
mod template;
mod volumes;
mod workloads;
mod writer;

pub use pod::qos_class;

use crate::api::time::Millis;
use crate::api::Object;
use crate::store::Store;

/// `printTemplate` of `rollout history --revision`: `DescribePodTemplate` written straight
/// into a buffer (a prefix writer without a tab writer, so tabs stay tabs).
pub fn pod_template_untabbed(
    template: Option<&k8s_openapi::api::core::v1::PodTemplateSpec>,
) -> String {
    let mut w = writer::DescribeWriter::new();
    template::describe_pod_template(&mut w, template);
    w.untabbed()
}

/// What `kubectl describe` prints for `obj` at virtual time `now`.
pub fn describe(obj: &Object, store: &Store, now: Millis) -> String {
    match obj {
        Object::Pod(p) => pod::describe_pod(obj, p, store, now),
        Object::StatefulSet(s) => workloads::describe_statefulset(obj, s, store, now),
        Object::Deployment(d) => workloads::describe_deployment(obj, d, store, now),
        Object::ReplicaSet(rs) => workloads::describe_replicaset(obj, rs, store, now),
        Object::PersistentVolumeClaim(pvc) => storage::describe_pvc(obj, pvc, store, now),
        Object::PersistentVolume(pv) => storage::describe_pv(obj, pv, store, now),
        Object::StorageClass(sc) => storage::describe_storageclass(obj, sc, store, now),
        Object::Service(svc) => network::describe_service(obj, svc, store, now),
        Object::Endpoints(ep) => network::describe_endpoints(obj, ep, store, now),
        Object::Node(n) => cluster::describe_node(obj, n, store, now),
        Object::Namespace(ns) => cluster::describe_namespace(obj, ns),
        Object::ConfigMap(cm) => config::describe_configmap(obj, cm, store, now),
        Object::Secret(s) => config::describe_secret(obj, s),
        Object::ServiceAccount(sa) => config::describe_serviceaccount(obj, sa, store, now),
        Object::EndpointSlice(_) | Object::ControllerRevision(_) | Object::Event(_) => {
            config::describe_generic(obj, store, now)
        }
    }
}

#[cfg(test)]
mod tests;
