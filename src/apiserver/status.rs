//! The status subresource: which kinds have a status, and writing one without touching
//! (or copying) the rest of the object. Controllers and kubelets write status far more
//! often than anything else, so a status write compares statuses only and changes the
//! stored object in place.

use super::ApiServer;
use crate::api::{ApiError, Object};
use crate::store::ObjKey;
use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentStatus, ReplicaSet, ReplicaSetStatus, StatefulSet, StatefulSetStatus,
};
use k8s_openapi::api::core::v1::{
    Namespace, NamespaceStatus, Node, NodeStatus, PersistentVolume, PersistentVolumeClaim,
    PersistentVolumeClaimStatus, PersistentVolumeStatus, Pod, PodStatus, Service, ServiceStatus,
};
use std::sync::Arc;

/// A kind served with a `/status` subresource.
pub trait HasStatus {
    type Status: PartialEq;
    /// The status field of `obj`, if it is of this kind.
    fn status(obj: &Object) -> Option<&Option<Self::Status>>;
    fn status_mut(obj: &mut Object) -> Option<&mut Option<Self::Status>>;
}

macro_rules! has_status {
    ($($variant:ident($ty:ty, $status:ty)),* $(,)?) => {
        $(impl HasStatus for $ty {
            type Status = $status;
            fn status(obj: &Object) -> Option<&Option<$status>> {
                match obj { Object::$variant(o) => Some(&o.status), _ => None }
            }
            fn status_mut(obj: &mut Object) -> Option<&mut Option<$status>> {
                match obj { Object::$variant(o) => Some(&mut o.status), _ => None }
            }
        })*

        /// Copy `status` from `source` into `target` (same kind; kinds without a status
        /// subresource are left alone).
        pub(super) fn copy_status(target: &mut Object, source: &Object) {
            match (target, source) {
                $((Object::$variant(t), Object::$variant(s)) => t.status = s.status.clone(),)*
                _ => {}
            }
        }

        /// Whether `a` and `b` (same kind) have different statuses.
        fn status_differs(a: &Object, b: &Object) -> bool {
            match (a, b) {
                $((Object::$variant(a), Object::$variant(b)) => a.status != b.status,)*
                _ => false,
            }
        }

        /// Move the status out of `source` into `target` (same kind).
        fn move_status(target: &mut Object, source: &mut Object) {
            match (target, source) {
                $((Object::$variant(t), Object::$variant(s)) => t.status = s.status.take(),)*
                _ => {}
            }
        }
    };
}

has_status! {
    Pod(Pod, PodStatus),
    Service(Service, ServiceStatus),
    PersistentVolumeClaim(PersistentVolumeClaim, PersistentVolumeClaimStatus),
    PersistentVolume(PersistentVolume, PersistentVolumeStatus),
    StatefulSet(StatefulSet, StatefulSetStatus),
    Deployment(Deployment, DeploymentStatus),
    ReplicaSet(ReplicaSet, ReplicaSetStatus),
    Node(Node, NodeStatus),
    Namespace(Namespace, NamespaceStatus),
}

impl ApiServer {
    /// Write only the status of an object (the `/status` subresource): the stored object
    /// keeps its metadata and spec, whatever `obj` carries besides its status. A status
    /// equal to the stored one is no write at all (no new resourceVersion).
    pub fn update_status(&mut self, mut obj: Object) -> Result<Arc<Object>, ApiError> {
        let key = ObjKey::of(&obj);
        let old = self
            .store
            .get(&key)
            .ok_or_else(|| ApiError::not_found(key.kind, &key.name))?;
        if !status_differs(old, &obj) {
            return Ok(old.clone());
        }
        let now = self.now;
        self.store
            .modify(&key, now, |stored| move_status(stored, &mut obj))
            .ok_or_else(|| ApiError::not_found(key.kind, &key.name))
    }

    /// `update_status` for a caller that holds just the new status of the `T` at `key`
    /// (no copy of the object is needed to write it).
    pub fn set_status<T: HasStatus>(
        &mut self,
        key: &ObjKey,
        status: Option<T::Status>,
    ) -> Result<Arc<Object>, ApiError> {
        let old = self
            .store
            .get(key)
            .ok_or_else(|| ApiError::not_found(key.kind, &key.name))?;
        let Some(current) = T::status(old) else {
            return Err(ApiError::bad_request(format!(
                "{} has no status subresource of this type",
                key.kind.info().name
            )));
        };
        if *current == status {
            return Ok(old.clone());
        }
        let now = self.now;
        let mut status = Some(status);
        self.store
            .modify(key, now, |stored| {
                if let Some(slot) = T::status_mut(stored) {
                    *slot = status.take().flatten();
                }
            })
            .ok_or_else(|| ApiError::not_found(key.kind, &key.name))
    }
}
