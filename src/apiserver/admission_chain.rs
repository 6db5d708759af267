//! The admission chain as the apiserver runs it on every write: defaulting, mutating
//! admission plugins, then validation. The rules themselves live in `crate::admission`.

use crate::admission::{self, AdmissionContext};
use crate::api::{ApiError, Object};
use crate::cluster::ids::Ids;
use crate::store::Store;

/// Defaulting and mutating admission on create.
pub fn admit(obj: &mut Object, store: &Store, ids: &mut Ids) -> Result<(), ApiError> {
    admission::default_object(obj);
    let ctx = AdmissionContext {
        store,
        suffix: ids.suffix(5),
    };
    admission::mutate(obj, &ctx)
}

/// Defaulting alone (updates re-default what a patch removed).
pub fn default_only(obj: &mut Object) {
    admission::default_object(obj);
}

fn invalid(obj: &Object, causes: Vec<crate::api::FieldError>) -> Result<(), ApiError> {
    if causes.is_empty() {
        Ok(())
    } else {
        Err(ApiError::invalid(obj.kind(), obj.name(), causes))
    }
}

/// The most replicas a workload may ask for in the sandbox (a documented limit, so a typo
/// like `--replicas=1000000` gets a clear error instead of a cluster that never settles).
pub const MAX_REPLICAS: i32 = 20_000;

/// The sandbox's own limits, checked after upstream's rules.
fn sandbox_limits(obj: &Object) -> Vec<crate::api::FieldError> {
    let replicas = match obj {
        Object::StatefulSet(s) => s.spec.as_ref().and_then(|s| s.replicas),
        Object::Deployment(d) => d.spec.as_ref().and_then(|s| s.replicas),
        Object::ReplicaSet(r) => r.spec.as_ref().and_then(|s| s.replicas),
        _ => None,
    };
    let mut causes = match replicas {
        Some(n) if n > MAX_REPLICAS => vec![crate::api::FieldError::invalid(
            "spec.replicas",
            crate::api::BadValue::Int(n as i64),
            format!("must be less than or equal to {MAX_REPLICAS} (a kubetutor sandbox limit; real clusters accept more)"),
        )],
        _ => Vec::new(),
    };
    // Ordinals past start + replicas must fit the controller's i32 arithmetic.
    let start = match obj {
        Object::StatefulSet(s) => s.spec.as_ref().and_then(|s| s.ordinals.as_ref()?.start),
        _ => None,
    };
    if let Some(n) = start.filter(|n| *n > MAX_ORDINAL_START) {
        causes.push(crate::api::FieldError::invalid(
            "spec.ordinals.start",
            crate::api::BadValue::Int(n as i64),
            format!("must be less than or equal to {MAX_ORDINAL_START} (a kubetutor sandbox limit; real clusters accept more)"),
        ));
    }
    causes
}

/// The highest first ordinal a StatefulSet may ask for in the sandbox.
pub const MAX_ORDINAL_START: i32 = 1_000_000;

pub fn validate_create(obj: &Object) -> Result<(), ApiError> {
    let mut causes = admission::validate_create(obj);
    if causes.is_empty() {
        causes = sandbox_limits(obj);
    }
    invalid(obj, causes)
}

pub fn validate_update(old: &Object, new: &Object) -> Result<(), ApiError> {
    let mut causes = admission::validate_update(old, new);
    if causes.is_empty() {
        causes = sandbox_limits(new);
    }
    invalid(new, causes)
}
