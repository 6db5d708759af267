//! Service validation (`ValidateService` in `pkg/apis/core/validation/validation.go`):
//! DNS-1035 names, ports (required unless headless or ExternalName, names, numbers,
//! protocol, targetPort), selector labels, session affinity, cluster IPs, type; on update
//! the allocated cluster IP cannot change.

use super::meta::{validate_labels, validate_object_meta, validate_object_meta_update};
use super::path::{child, index};
use super::port_num_or_name;
use crate::admission::gofmt;
use crate::admission::names::{is_dns1123_label, is_valid_port_num, NameRule};
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::core::v1::Service;
use std::collections::HashSet;
use std::net::IpAddr;

pub fn validate(s: &Service) -> Vec<FieldError> {
    let mut errs = validate_object_meta(&s.metadata, true, NameRule::Dns1035Label, "metadata");
    let spec = s.spec.clone().unwrap_or_default();
    let ty = spec.type_.clone().unwrap_or_default();
    let headless = spec.cluster_ip.as_deref() == Some("None");
    let ports = spec.ports.clone().unwrap_or_default();
    if ports.is_empty() && !headless && ty != "ExternalName" {
        errs.push(FieldError::required("spec.ports", ""));
    }
    if ty == "ExternalName" && spec.external_name.as_deref().unwrap_or("").is_empty() {
        errs.push(FieldError::required("spec.externalName", ""));
    }
    let mut names = HashSet::new();
    for (i, p) in ports.iter().enumerate() {
        let pp = index("spec.ports", i);
        let name = p.name.as_deref().unwrap_or("");
        if ports.len() > 1 && name.is_empty() {
            errs.push(FieldError::required(child(&pp, "name"), ""));
        } else if !name.is_empty() {
            for m in is_dns1123_label(name) {
                errs.push(FieldError::invalid(
                    child(&pp, "name"),
                    BadValue::Str(name.into()),
                    m,
                ));
            }
            if !names.insert(name.to_string()) {
                errs.push(FieldError::duplicate(
                    child(&pp, "name"),
                    BadValue::Str(name.into()),
                ));
            }
        }
        for m in is_valid_port_num(p.port.into()) {
            errs.push(FieldError::invalid(
                child(&pp, "port"),
                BadValue::Int(p.port.into()),
                m,
            ));
        }
        let proto = p.protocol.as_deref().unwrap_or("");
        match proto {
            "TCP" | "UDP" | "SCTP" => {}
            "" => errs.push(FieldError::required(child(&pp, "protocol"), "")),
            _ => errs.push(FieldError::not_supported(
                child(&pp, "protocol"),
                BadValue::Str(proto.into()),
                &["SCTP", "TCP", "UDP"],
            )),
        }
        if let Some(tp) = p.target_port.as_ref() {
            errs.extend(port_num_or_name(tp, &child(&pp, "targetPort")));
        }
    }
    errs.extend(validate_labels(spec.selector.as_ref(), "spec.selector"));
    let sa = spec.session_affinity.as_deref().unwrap_or("");
    match sa {
        "" => errs.push(FieldError::required("spec.sessionAffinity", "")),
        "None" | "ClientIP" => {}
        _ => errs.push(FieldError::not_supported(
            "spec.sessionAffinity",
            BadValue::Str(sa.into()),
            &["ClientIP", "None"],
        )),
    }
    if sa == "None" && spec.session_affinity_config.is_some() {
        errs.push(FieldError::forbidden(
            "spec.sessionAffinityConfig",
            "must not be set when session affinity is None",
        ));
    }
    let ips = spec
        .cluster_ips
        .clone()
        .filter(|v| !v.is_empty())
        .or_else(|| {
            spec.cluster_ip
                .clone()
                .filter(|ip| !ip.is_empty())
                .map(|ip| vec![ip])
        })
        .unwrap_or_default();
    for (i, ip) in ips.iter().enumerate() {
        if ip == "None" {
            if i > 0 || ips.len() > 1 {
                errs.push(FieldError::invalid(
                    "spec.clusterIPs",
                    BadValue::Raw(gofmt::string_slice(Some(&ips))),
                    "must not have more than one value when `clusterIP` is `None`",
                ));
            }
            continue;
        }
        if ip.parse::<IpAddr>().is_err() {
            errs.push(FieldError::invalid(
                index("spec.clusterIPs", i),
                BadValue::Str(ip.clone()),
                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            ));
        }
    }
    match ty.as_str() {
        "" => errs.push(FieldError::required("spec.type", "")),
        "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName" => {}
        _ => errs.push(FieldError::not_supported(
            "spec.type",
            BadValue::Str(ty.clone()),
            &["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
        )),
    }
    if ty == "ClusterIP" {
        for (i, p) in ports.iter().enumerate() {
            if p.node_port.unwrap_or(0) != 0 {
                errs.push(FieldError::forbidden(
                    child(&index("spec.ports", i), "nodePort"),
                    "may not be used when `type` is 'ClusterIP'",
                ));
            }
        }
    }
    errs
}

/// `ValidateServiceUpdate`: a set cluster IP stays.
pub fn validate_update(new: &Service, old: &Service) -> Vec<FieldError> {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata, "metadata");
    let (n, o) = (
        new.spec.clone().unwrap_or_default(),
        old.spec.clone().unwrap_or_default(),
    );
    let old_ip = o.cluster_ip.clone().unwrap_or_default();
    let new_ip = n.cluster_ip.clone().unwrap_or_default();
    let old_type_has_ip = o.type_.as_deref() != Some("ExternalName");
    if old_type_has_ip && !old_ip.is_empty() && !new_ip.is_empty() && new_ip != old_ip {
        errs.push(FieldError::invalid(
            "spec.clusterIPs[0]",
            BadValue::Raw(gofmt::string_slice(n.cluster_ips.as_deref())),
            "may not change once set",
        ));
    }
    errs.extend(
        validate(new)
            .into_iter()
            .filter(|e| !e.field.starts_with("metadata.")),
    );
    errs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admission::default_object;
    use crate::api::Object;

    fn svc(json: serde_json::Value) -> Service {
        let mut o = Object::Service(serde_json::from_value(json).unwrap());
        default_object(&mut o);
        match o {
            Object::Service(s) => *s,
            _ => unreachable!(),
        }
    }

    fn strings(errs: Vec<FieldError>) -> Vec<String> {
        errs.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn headless_service_without_ports_is_valid() {
        let s = svc(
            serde_json::json!({"metadata": {"name": "nginx", "namespace": "default"},
            "spec": {"clusterIP": "None", "selector": {"app": "nginx"}}}),
        );
        assert!(validate(&s).is_empty());
    }

    #[test]
    fn name_is_dns1035_and_ports_are_required() {
        let s = svc(
            serde_json::json!({"metadata": {"name": "1web", "namespace": "default"}, "spec": {}}),
        );
        assert_eq!(
            strings(validate(&s)),
            [
                "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
                "spec.ports: Required value",
            ]
        );
    }

    #[test]
    fn port_rules() {
        let s = svc(
            serde_json::json!({"metadata": {"name": "web", "namespace": "default"},
            "spec": {"ports": [{"port": 80}, {"port": 70000, "name": "b"}]}}),
        );
        assert_eq!(
            strings(validate(&s)),
            [
                "spec.ports[0].name: Required value",
                "spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            ]
        );
    }
}
