//! `validate_create` and `validate_update`: the apiserver's validation step, with
//! upstream's field paths, texts and cause order, dispatched per kind. Each kind's rules
//! live in their own file; this one holds the dispatch and the few shared checks.

mod config;
mod container;
mod deployment;
pub mod meta;
pub mod path;
pub mod pod;
mod pvc;
pub mod quantity;
mod service;
mod statefulset;

use crate::admission::names::{is_valid_port_name, is_valid_port_num, NameRule};
use crate::api::{BadValue, FieldError, Object};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use meta::{validate_object_meta, validate_object_meta_update};
use rustc_hash::FxHashSet;

/// Names seen so far (volumes, containers, mount paths, port names), to report duplicates.
/// A pod has a handful of each, so a short list searched in order is cheaper than hashing;
/// past `SMALL` entries the names move into a hash set so a huge spec stays linear.
#[derive(Default)]
pub struct SeenNames<'a> {
    list: Vec<&'a str>,
    set: FxHashSet<&'a str>,
}

impl<'a> SeenNames<'a> {
    const SMALL: usize = 16;

    /// Add `name`; false if it was already there.
    pub fn insert(&mut self, name: &'a str) -> bool {
        if self.set.is_empty() && self.list.len() < Self::SMALL {
            if self.list.contains(&name) {
                return false;
            }
            self.list.push(name);
            return true;
        }
        if self.set.is_empty() {
            self.set.extend(self.list.iter().copied());
        }
        self.set.insert(name)
    }

    pub fn contains(&self, name: &str) -> bool {
        if self.set.is_empty() {
            self.list.contains(&name)
        } else {
            self.set.contains(name)
        }
    }
}

/// `IsNegativeErrorMsg`.
pub const IS_NEGATIVE: &str = "must be greater than or equal to 0";

/// `ValidateNonnegativeField`.
pub fn nonnegative(value: i64, path: &str) -> Vec<FieldError> {
    if value < 0 {
        vec![FieldError::invalid(path, BadValue::Int(value), IS_NEGATIVE)]
    } else {
        vec![]
    }
}

/// `ValidatePortNumOrName`.
pub fn port_num_or_name(port: &IntOrString, path: &str) -> Vec<FieldError> {
    match port {
        IntOrString::Int(i) => is_valid_port_num((*i).into())
            .into_iter()
            .map(|m| FieldError::invalid(path, BadValue::Int((*i).into()), m))
            .collect(),
        IntOrString::String(s) => is_valid_port_name(s)
            .into_iter()
            .map(|m| FieldError::invalid(path, BadValue::Str(s.clone()), m))
            .collect(),
    }
}

/// Validate an object about to be created (after defaulting and admission).
pub fn validate_create(obj: &Object) -> Vec<FieldError> {
    let meta = |rule, namespaced| validate_object_meta(obj.meta(), namespaced, rule, "metadata");
    match obj {
        Object::StatefulSet(s) => statefulset::validate(s),
        Object::Deployment(d) => deployment::validate_deployment(d, None),
        Object::ReplicaSet(rs) => deployment::validate_replicaset(rs),
        Object::Pod(p) => pod::validate_pod_create(p),
        Object::Service(s) => service::validate(s),
        Object::PersistentVolumeClaim(pvc) => pvc::validate_pvc(pvc),
        Object::PersistentVolume(pv) => pvc::validate_pv(pv),
        Object::StorageClass(sc) => pvc::validate_storage_class(sc),
        Object::ConfigMap(cm) => config::validate_config_map(cm),
        Object::Secret(s) => config::validate_secret(s),
        Object::Namespace(_) => meta(NameRule::Dns1123Label, false),
        Object::Node(_) => meta(NameRule::Dns1123Subdomain, false),
        Object::Endpoints(_)
        | Object::EndpointSlice(_)
        | Object::Event(_)
        | Object::ControllerRevision(_)
        | Object::ServiceAccount(_) => meta(NameRule::Dns1123Subdomain, true),
    }
}

/// Validate an update of `old` into `new`.
pub fn validate_update(old: &Object, new: &Object) -> Vec<FieldError> {
    match (old, new) {
        (Object::StatefulSet(o), Object::StatefulSet(n)) => statefulset::validate_update(n, o),
        (Object::Deployment(o), Object::Deployment(n)) => {
            deployment::validate_deployment_update(n, o)
        }
        (Object::ReplicaSet(o), Object::ReplicaSet(n)) => {
            deployment::validate_replicaset_update(n, o)
        }
        (Object::Pod(o), Object::Pod(n)) => pod::validate_pod_update(n, o),
        (Object::Service(o), Object::Service(n)) => service::validate_update(n, o),
        (Object::PersistentVolumeClaim(o), Object::PersistentVolumeClaim(n)) => {
            pvc::validate_pvc_update(n, o)
        }
        _ => {
            // Generic: metadata rules for updates, then the kind's create rules minus the
            // name checks (names cannot change, and old names stay valid).
            let mut errs = validate_object_meta_update(new.meta(), old.meta(), "metadata");
            errs.extend(
                validate_create(new)
                    .into_iter()
                    .filter(|e| !e.field.starts_with("metadata.")),
            );
            errs
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SeenNames;

    #[test]
    fn seen_names_reports_repeats_before_and_after_growing_into_a_set() {
        let names: Vec<String> = (0..40).map(|i| format!("n{i}")).collect();
        let mut seen = SeenNames::default();
        for (i, n) in names.iter().enumerate() {
            assert!(!seen.contains(n), "{n}");
            assert!(seen.insert(n), "{n}");
            assert!(seen.contains(n), "{n}");
            // every earlier name is still a repeat
            assert!(!seen.insert(&names[i / 2]), "{i}");
        }
        assert!(!seen.contains("other"));
    }
}
