//! ConfigMap and Secret validation: subdomain names and data keys
//! (`ValidateConfigMap`, `ValidateSecret`).

use super::meta::validate_object_meta;
use super::path::key;
use crate::admission::names::{is_config_map_key, NameRule};
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::core::v1::{ConfigMap, Secret};

fn keys<'a>(list: impl Iterator<Item = &'a String>, path: &str) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for k in list {
        for m in is_config_map_key(k) {
            errs.push(FieldError::invalid(
                key(path, k),
                BadValue::Str(k.clone()),
                m,
            ));
        }
    }
    errs
}

pub fn validate_config_map(cm: &ConfigMap) -> Vec<FieldError> {
    let mut errs = validate_object_meta(&cm.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    errs.extend(keys(cm.data.iter().flat_map(|m| m.keys()), "data"));
    errs.extend(keys(
        cm.binary_data.iter().flat_map(|m| m.keys()),
        "binaryData",
    ));
    for k in cm.binary_data.iter().flat_map(|m| m.keys()) {
        if cm.data.as_ref().is_some_and(|d| d.contains_key(k)) {
            errs.push(FieldError::invalid(
                key("data", k),
                BadValue::Str(k.clone()),
                "duplicate of key present in binaryData",
            ));
        }
    }
    errs
}

pub fn validate_secret(s: &Secret) -> Vec<FieldError> {
    let mut errs = validate_object_meta(&s.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    errs.extend(keys(s.data.iter().flat_map(|m| m.keys()), "data"));
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_config_key() {
        let cm: ConfigMap = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "c", "namespace": "default"}, "data": {"a b": "x"}}))
        .unwrap();
        assert_eq!(
            validate_config_map(&cm)[0].to_string(),
            "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
        );
    }
}
