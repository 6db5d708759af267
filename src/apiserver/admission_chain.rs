//! The admission chain as the apiserver runs it on every write: defaulting, mutating
//! admission plugins, then validation. The rules themselves live in `crate::admission`.

use crate::api::{ApiError, Object};
use crate::cluster::ids::Ids;
use crate::store::Store;

/// Defaulting and mutating admission on create.
pub fn admit(obj: &mut Object, store: &Store, ids: &mut Ids) -> Result<(), ApiError> {
    let _ = ids;
    // TEMPORARY until crate::admission lands: DefaultStorageClass.
    if let Object::PersistentVolumeClaim(pvc) = obj {
        let spec = pvc.spec.get_or_insert_with(Default::default);
        if spec.storage_class_name.is_none() {
            spec.storage_class_name = Some("standard".into());
        }
        let _ = store;
    }
    Ok(())
}

/// Defaulting alone (updates re-default what a patch removed).
pub fn default_only(obj: &mut Object) {
    let _ = obj;
}

pub fn validate_create(obj: &Object) -> Result<(), ApiError> {
    let _ = obj;
    Ok(())
}

pub fn validate_update(old: &Object, new: &Object) -> Result<(), ApiError> {
    let _ = (old, new);
    Ok(())
}
