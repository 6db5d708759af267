//! Admission: what the simulated apiserver does to an object between decoding and
//! storing it, as a v1.32 apiserver does. In request order:
//!
//! 1. [`default_object`]: scheme defaulting plus the registry strategies' pure
//!    `PrepareForCreate` normalisations;
//! 2. [`mutate`]: the mutating admission plugins (ServiceAccount, Priority,
//!    DefaultTolerationSeconds, DefaultStorageClass, StorageObjectInUseProtection, and
//!    NamespaceLifecycle's refusals), which may consult the store;
//! 3. [`validate_create`] / [`validate_update`]: field validation with upstream's paths,
//!    texts and cause order, ready for `ApiError::invalid(kind, name, causes)`.
//!
//! Everything here is a pure function over k8s-openapi types; the apiserver wires it up.

pub mod defaults;
pub mod gofmt;
pub mod names;
pub mod plugins;
pub mod pod_defaults;
pub mod validation;

#[cfg(test)]
mod seed_tests;

pub use defaults::{assign_service_ip_families, default_object, qos_class};
pub use plugins::{default_storage_class_name, mutate, AdmissionContext};
pub use validation::{validate_create, validate_update};
