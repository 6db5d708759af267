//! The codec: manifests in (YAML/JSON exactly as kubectl and the apiserver read them,
//! with their error texts) and objects out (`-o yaml` / `-o json` exactly as kubectl
//! prints them). Pure functions only; the kubectl verbs and the apiserver call them.

pub mod json_in;
pub mod json_out;
pub mod manifest;
pub mod strict;
mod strict_impl;
pub mod yaml_in;
pub mod yaml_out;

pub use manifest::{parse_manifests, parse_manifests_with, ManifestError, ManifestErrorKind};

#[cfg(test)]
mod tests;
