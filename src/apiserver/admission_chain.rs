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

pub fn validate_create(obj: &Object) -> Result<(), ApiError> {
    invalid(obj, admission::validate_create(obj))
}

pub fn validate_update(old: &Object, new: &Object) -> Result<(), ApiError> {
    invalid(new, admission::validate_update(old, new))
}
