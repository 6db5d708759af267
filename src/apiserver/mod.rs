//! The apiserver: the only door to the store. Every write (from kubectl or a controller)
//! goes through here: admission (defaulting, mutating plugins, validation), identity
//! (uid, creationTimestamp, generation, resourceVersion), Service IP allocation, graceful
//! deletion with finalizers, and the status subresource split.

pub mod admission_chain;
pub mod events;
pub mod patch;
pub mod status;

use crate::api::time::{to_time, Millis};
use crate::api::{ApiError, Kind, Object, Reason};
use crate::cluster::ids::Ids;
use crate::store::{ObjKey, Store};
use status::copy_status;
use std::collections::BTreeSet;
use std::sync::Arc;

/// How dependents are treated when their owner is deleted (`--cascade`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Propagation {
    #[default]
    Background,
    Foreground,
    Orphan,
}

/// `metav1.DeleteOptions`, the parts the sandbox honours.
#[derive(Clone, Debug, Default)]
pub struct DeleteOptions {
    /// Seconds; None = the object's default (pods: terminationGracePeriodSeconds).
    pub grace_period: Option<i64>,
    pub propagation: Propagation,
}

pub const ORPHAN_FINALIZER: &str = "orphan";
pub const FOREGROUND_FINALIZER: &str = "foregroundDeletion";

/// The simulated kube-apiserver.
#[derive(Clone, Debug)]
pub struct ApiServer {
    pub store: Store,
    /// The cluster clock (virtual milliseconds); the cluster advances it.
    pub now: Millis,
    pub ids: Ids,
    service_ips: BTreeSet<u32>,
    /// The event correlators (client-go's, one per recording component): what each
    /// recorded event said, about what, and how much each source may still say.
    event_index: events::EventIndex,
    /// Orders events recorded within the same millisecond.
    event_seq: u64,
}

impl ApiServer {
    pub fn new(seed: u64, now: Millis) -> Self {
        ApiServer {
            store: Store::new(),
            now,
            ids: Ids::new(seed),
            service_ips: BTreeSet::new(),
            event_index: Default::default(),
            event_seq: 0,
        }
    }

    pub fn get(&self, key: &ObjKey) -> Result<Arc<Object>, ApiError> {
        self.store
            .get(key)
            .cloned()
            .ok_or_else(|| ApiError::not_found(key.kind, &key.name))
    }

    pub fn try_get(&self, key: &ObjKey) -> Option<&Arc<Object>> {
        self.store.get(key)
    }

    /// Create an object: admission, identity, then store.
    pub fn create(&mut self, mut obj: Object) -> Result<Arc<Object>, ApiError> {
        let kind = obj.kind();
        let info = kind.info();
        if info.namespaced {
            if obj.namespace().is_empty() {
                obj.meta_mut().namespace = Some("default".into());
            }
            let ns = obj.namespace().to_string();
            if kind != Kind::Namespace
                && !self.store.contains(&ObjKey::new(Kind::Namespace, "", &ns))
            {
                return Err(ApiError::not_found(Kind::Namespace, &ns));
            }
        } else {
            obj.meta_mut().namespace = None;
        }
        if obj.name().is_empty() {
            if let Some(prefix) = obj.meta().generate_name.clone() {
                let name = format!("{}{}", prefix, self.ids.suffix(5));
                obj.meta_mut().name = Some(name);
            }
        }
        if self.store.len() >= crate::store::MAX_OBJECTS {
            return Err(ApiError::new(
                Reason::InternalError,
                "etcdserver: mvcc: database space exceeded",
            ));
        }
        admission_chain::admit(&mut obj, &self.store, &mut self.ids)?;
        admission_chain::validate_create(&obj)?;
        let key = ObjKey::of(&obj);
        if self.store.contains(&key) {
            return Err(ApiError::already_exists(kind, obj.name()));
        }
        if let Object::Service(svc) = &mut obj {
            self.allocate_cluster_ip(svc)?;
        }
        let uid = self.ids.uid();
        let now = self.now;
        let meta = obj.meta_mut();
        meta.uid = Some(uid);
        meta.creation_timestamp = Some(to_time(now));
        meta.deletion_timestamp = None;
        if has_generation(kind) {
            meta.generation = Some(1);
        }
        Ok(self.store.put_keyed(key, obj, now))
    }

    /// Replace spec and metadata of an existing object; its status is kept (status is a
    /// subresource). Removing the last finalizer of a deleted object removes it.
    pub fn update(&mut self, mut obj: Object) -> Result<Arc<Object>, ApiError> {
        let key = ObjKey::of(&obj);
        let old = self.get(&key)?;
        check_resource_version(&old, &obj)?;
        copy_status(&mut obj, &old);
        {
            let (om, nm) = (old.meta(), obj.meta_mut());
            nm.uid = om.uid.clone();
            nm.creation_timestamp = om.creation_timestamp.clone();
            nm.deletion_timestamp = om.deletion_timestamp.clone();
            nm.deletion_grace_period_seconds = om.deletion_grace_period_seconds;
            nm.generation = om.generation;
        }
        if let (Object::Service(new), Object::Service(old)) = (&mut obj, old.as_ref()) {
            keep_cluster_ip(new, old);
        }
        admission_chain::default_only(&mut obj);
        // Status is a subresource: whatever defaulting did to it, the stored one stands.
        copy_status(&mut obj, &old);
        admission_chain::validate_update(&old, &obj)?;
        if has_generation(key.kind) && spec_changed(&old, &obj) {
            obj.meta_mut().generation = Some(old.meta().generation.unwrap_or(0) + 1);
        }
        // An update that changes nothing is no write (the resourceVersion it carries
        // aside: the store stamps a new one on every write anyway).
        obj.meta_mut().resource_version = old.meta().resource_version.clone();
        if *old.as_ref() == obj {
            return Ok(old);
        }

        self.finish_write(key, obj)
    }

    /// Store `obj` (whose key is `key`), or remove it if it is deleted and nothing holds it.
    fn finish_write(&mut self, key: ObjKey, obj: Object) -> Result<Arc<Object>, ApiError> {
        let meta = obj.meta();
        let finalizers_empty = meta.finalizers.as_ref().is_none_or(|f| f.is_empty());
        if meta.deletion_timestamp.is_some()
            && finalizers_empty
            && meta.deletion_grace_period_seconds.unwrap_or(0) == 0
        {
            self.store.put_keyed(key.clone(), obj, self.now);
            return Ok(self.store.remove(&key, self.now).expect("just written"));
        }
        Ok(self.store.put_keyed(key, obj, self.now))
    }

    /// Delete: graceful for scheduled pods, held by finalizers, immediate otherwise.
    /// Returns the object as it stands afterwards (terminating, or its last state).
    pub fn delete(&mut self, key: &ObjKey, opts: &DeleteOptions) -> Result<Arc<Object>, ApiError> {
        let old = self.get(key)?;
        let mut obj = (*old).clone();
        let grace = match &obj {
            Object::Pod(p) => {
                let scheduled = p.spec.as_ref().and_then(|s| s.node_name.as_ref()).is_some();
                let finished = matches!(
                    p.status.as_ref().and_then(|s| s.phase.as_deref()),
                    Some("Succeeded" | "Failed")
                );
                if !scheduled || finished {
                    0
                } else {
                    opts.grace_period
                        .unwrap_or_else(|| {
                            p.spec
                                .as_ref()
                                .and_then(|s| s.termination_grace_period_seconds)
                                .unwrap_or(30)
                        })
                        .max(0)
                }
            }
            _ => 0,
        };
        let meta = obj.meta_mut();
        if meta.deletion_timestamp.is_some() {
            // Already terminating: a shorter grace period (e.g. --force) takes effect now.
            let current = meta.deletion_grace_period_seconds.unwrap_or(0);
            if grace < current {
                meta.deletion_grace_period_seconds = Some(grace);
                meta.deletion_timestamp =
                    Some(to_time(self.now.saturating_add(grace.saturating_mul(1000))));
                let finalizers_empty = meta.finalizers.as_ref().is_none_or(|f| f.is_empty());
                if grace == 0 && finalizers_empty {
                    // The final delete: watchers see one DELETED event with the last state.
                    return Ok(self.store.remove(key, self.now).expect("exists"));
                }
                return self.finish_write(key.clone(), obj);
            }
            return Ok(old);
        }
        match opts.propagation {
            Propagation::Orphan if key.kind != Kind::Event => add_finalizer(meta, ORPHAN_FINALIZER),
            Propagation::Foreground => add_finalizer(meta, FOREGROUND_FINALIZER),
            _ => {}
        }
        let has_finalizers = meta.finalizers.as_ref().is_some_and(|f| !f.is_empty());
        if grace == 0 && !has_finalizers {
            return Ok(self.store.remove(key, self.now).expect("exists"));
        }
        meta.deletion_timestamp =
            Some(to_time(self.now.saturating_add(grace.saturating_mul(1000))));
        meta.deletion_grace_period_seconds = Some(grace);
        Ok(self.store.put_keyed(key.clone(), obj, self.now))
    }

    /// The binding subresource: the scheduler assigns a pod to a node.
    pub fn bind_pod(&mut self, key: &ObjKey, node: &str) -> Result<Arc<Object>, ApiError> {
        match self.store.get(key).map(|o| o.as_ref()) {
            None => return Err(ApiError::not_found(key.kind, &key.name)),
            Some(Object::Pod(pod)) => {
                if let Some(existing) = pod.spec.as_ref().and_then(|s| s.node_name.as_ref()) {
                    return Err(ApiError::conflict(format!(
                        "pod {} is already assigned to node {}",
                        crate::api::errors::go_quote(&key.name),
                        crate::api::errors::go_quote(existing)
                    )));
                }
            }
            Some(_) => return Err(ApiError::bad_request("not a pod")),
        }
        let now = self.now;
        self.store
            .modify(key, now, |obj| {
                if let Object::Pod(pod) = obj {
                    pod.spec.get_or_insert_with(Default::default).node_name =
                        Some(node.to_string());
                    let status = pod.status.get_or_insert_with(Default::default);
                    crate::kubelet::status::set_condition(
                        status,
                        "PodScheduled",
                        "True",
                        None,
                        now,
                    );
                }
            })
            .ok_or_else(|| ApiError::not_found(key.kind, &key.name))
    }

    fn allocate_cluster_ip(
        &mut self,
        svc: &mut k8s_openapi::api::core::v1::Service,
    ) -> Result<(), ApiError> {
        let spec = svc.spec.get_or_insert_with(Default::default);
        if spec.type_.as_deref() == Some("ExternalName") {
            return Ok(());
        }
        spec.ip_families = Some(vec!["IPv4".into()]);
        spec.ip_family_policy
            .get_or_insert_with(|| "SingleStack".into());
        let ip = match spec.cluster_ip.as_deref() {
            Some("None") => "None".to_string(),
            Some(ip) if !ip.is_empty() => {
                let n = parse_ipv4(ip).ok_or_else(|| {
                    ApiError::invalid(
                        Kind::Service,
                        svc.metadata.name.as_deref().unwrap_or(""),
                        vec![crate::api::FieldError::invalid(
                            "spec.clusterIPs[0]",
                            crate::api::BadValue::Str(ip.into()),
                            "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                        )],
                    )
                })?;
                if !self.service_ips.insert(n) {
                    return Err(ApiError::invalid(
                        Kind::Service,
                        svc.metadata.name.as_deref().unwrap_or(""),
                        vec![crate::api::FieldError::invalid(
                            "spec.clusterIPs",
                            crate::api::BadValue::Raw(format!("[]string{{\"{ip}\"}}")),
                            format!("failed to allocate IP {ip}: provided IP is already allocated"),
                        )],
                    ));
                }
                ip.to_string()
            }
            _ => {
                let base = parse_ipv4("10.96.0.0").expect("valid");
                let mut n;
                loop {
                    n = base + 11 + self.ids.below(65_000) as u32;
                    if self.service_ips.insert(n) {
                        break;
                    }
                }
                format_ipv4(n)
            }
        };
        spec.cluster_ip = Some(ip.clone());
        spec.cluster_ips = Some(vec![ip.clone()]);
        crate::admission::assign_service_ip_families(svc, Some(&ip));
        Ok(())
    }

    /// Release a Service IP when a Service is removed.
    pub fn release_cluster_ip(&mut self, svc: &k8s_openapi::api::core::v1::Service) {
        if let Some(n) = svc
            .spec
            .as_ref()
            .and_then(|s| s.cluster_ip.as_deref())
            .and_then(parse_ipv4)
        {
            self.service_ips.remove(&n);
        }
    }
}

fn check_resource_version(old: &Object, new: &Object) -> Result<(), ApiError> {
    if let Some(rv) = new.meta().resource_version.as_deref() {
        if !rv.is_empty() && Some(rv) != old.meta().resource_version.as_deref() {
            return Err(ApiError::conflict(format!(
                "Operation cannot be fulfilled on {} {}: the object has been modified; please apply your changes to the latest version and try again",
                old.kind().info().resource_group(),
                crate::api::errors::go_quote(old.name())
            )));
        }
    }
    Ok(())
}

pub fn add_finalizer(
    meta: &mut k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    f: &str,
) {
    let list = meta.finalizers.get_or_insert_with(Vec::new);
    if !list.iter().any(|x| x == f) {
        list.push(f.to_string());
    }
}

pub fn remove_finalizer(
    meta: &mut k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    f: &str,
) -> bool {
    let Some(list) = meta.finalizers.as_mut() else {
        return false;
    };
    let before = list.len();
    list.retain(|x| x != f);
    let changed = list.len() != before;
    if list.is_empty() {
        meta.finalizers = None;
    }
    changed
}

fn has_generation(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::StatefulSet | Kind::Deployment | Kind::ReplicaSet
    )
}

fn spec_changed(old: &Object, new: &Object) -> bool {
    match (old, new) {
        (Object::StatefulSet(a), Object::StatefulSet(b)) => a.spec != b.spec,
        (Object::Deployment(a), Object::Deployment(b)) => a.spec != b.spec,
        (Object::ReplicaSet(a), Object::ReplicaSet(b)) => a.spec != b.spec,
        _ => false,
    }
}

fn keep_cluster_ip(
    new: &mut k8s_openapi::api::core::v1::Service,
    old: &k8s_openapi::api::core::v1::Service,
) {
    let (Some(ns), Some(os)) = (new.spec.as_mut(), old.spec.as_ref()) else {
        return;
    };
    if ns.cluster_ip.as_deref().unwrap_or("").is_empty() {
        ns.cluster_ip = os.cluster_ip.clone();
        ns.cluster_ips = os.cluster_ips.clone();
    }
    if ns.ip_families.is_none() {
        ns.ip_families = os.ip_families.clone();
    }
    if ns.ip_family_policy.is_none() {
        ns.ip_family_policy = os.ip_family_policy.clone();
    }
}

pub fn parse_ipv4(s: &str) -> Option<u32> {
    let parts: Vec<u32> = s
        .split('.')
        .map(|p| p.parse::<u8>().ok().map(u32::from))
        .collect::<Option<_>>()?;
    (parts.len() == 4).then(|| (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3])
}

/// An address in dotted decimal. Written without the formatting machinery: the kubelet
/// writes one for every pod it starts.
pub fn format_ipv4(n: u32) -> String {
    let mut out = String::with_capacity(15);
    for (i, shift) in [24, 16, 8, 0].into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        crate::api::text::push_int(&mut out, (n >> shift) & 255);
    }
    out
}

#[cfg(test)]
mod ipv4_tests {
    #[test]
    fn addresses_round_trip_in_dotted_decimal() {
        for (n, text) in [
            (0, "0.0.0.0"),
            (0x0af4_0002, "10.244.0.2"),
            (0xffff_ffff, "255.255.255.255"),
            (0x7f00_0001, "127.0.0.1"),
        ] {
            assert_eq!(super::format_ipv4(n), text);
            assert_eq!(super::parse_ipv4(text), Some(n));
        }
    }
}
