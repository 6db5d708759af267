//! Container validation shared by regular and init containers
//! (`validateContainerCommon` and the probe validators in
//! `pkg/apis/core/validation/validation.go`): name, image, termination message policy,
//! ports, env names, volume mounts, pull policy, resources, probes.

use super::path::FieldPath;
use super::quantity::parse_quantity;
use super::{nonnegative, port_num_or_name, SeenNames, IS_NEGATIVE};
use crate::admission::names::{is_dns1123_label, is_valid_port_name, is_valid_port_num};
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::core::v1::{Container, Probe};
use std::collections::BTreeMap;

fn dns_label(value: &str, path: &FieldPath) -> Vec<FieldError> {
    let msgs = is_dns1123_label(value);
    if msgs.is_empty() {
        return Vec::new();
    }
    msgs.into_iter()
        .map(|m| FieldError::invalid(path, BadValue::Str(value.into()), m))
        .collect()
}

/// `validateContainerCommon`.
pub fn validate_container_common(
    c: &Container,
    volumes: &SeenNames,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let np = path.child("name");
    if c.name.is_empty() {
        errs.push(FieldError::required(np, ""));
    } else {
        errs.extend(dns_label(&c.name, &np));
    }
    if c.image.as_deref().unwrap_or("").is_empty() {
        errs.push(FieldError::required(path.child("image"), ""));
    }
    let tmp = c.termination_message_policy.as_deref().unwrap_or("");
    match tmp {
        "File" | "FallbackToLogsOnError" => {}
        "" => errs.push(FieldError::required(
            path.child("terminationMessagePolicy"),
            "",
        )),
        _ => errs.push(FieldError::not_supported(
            path.child("terminationMessagePolicy"),
            BadValue::Str(tmp.into()),
            &["File", "FallbackToLogsOnError"],
        )),
    }
    errs.extend(validate_ports(c, &path.child("ports")));
    let env_path = path.child("env");
    for (i, e) in c.env.iter().flatten().enumerate() {
        let ei = env_path.index(i);
        let ep = ei.child("name");
        if e.name.is_empty() {
            errs.push(FieldError::required(ep, ""));
        } else if e
            .name
            .chars()
            .any(|ch| !ch.is_ascii() || ch.is_ascii_control() || ch == '=')
        {
            errs.push(FieldError::invalid(
                ep,
                BadValue::Str(e.name.clone()),
                "a valid environment variable name must consist only of printable ASCII characters other than '='",
            ));
        }
    }
    let mut mount_paths = SeenNames::default();
    let mounts_path = path.child("volumeMounts");
    for (i, m) in c.volume_mounts.iter().flatten().enumerate() {
        let mp = mounts_path.index(i);
        if m.name.is_empty() {
            errs.push(FieldError::required(mp.child("name"), ""));
        }
        if !volumes.contains(m.name.as_str()) {
            errs.push(FieldError::not_found(
                mp.child("name"),
                BadValue::Str(m.name.clone()),
            ));
        }
        if m.mount_path.is_empty() {
            errs.push(FieldError::required(mp.child("mountPath"), ""));
        }
        if !mount_paths.insert(m.mount_path.as_str()) {
            errs.push(FieldError::invalid(
                mp.child("mountPath"),
                BadValue::Str(m.mount_path.clone()),
                "must be unique",
            ));
        }
    }
    let pp = c.image_pull_policy.as_deref().unwrap_or("");
    match pp {
        "Always" | "IfNotPresent" | "Never" => {}
        "" => errs.push(FieldError::required(path.child("imagePullPolicy"), "")),
        _ => errs.push(FieldError::not_supported(
            path.child("imagePullPolicy"),
            BadValue::Str(pp.into()),
            &["Always", "IfNotPresent", "Never"],
        )),
    }
    errs.extend(validate_resources(c, &path.child("resources")));
    errs
}

fn validate_ports(c: &Container, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut names = SeenNames::default();
    for (i, p) in c.ports.iter().flatten().enumerate() {
        let pp = path.index(i);
        if let Some(name) = p.name.as_deref().filter(|n| !n.is_empty()) {
            let msgs = is_valid_port_name(name);
            if !msgs.is_empty() {
                for m in msgs {
                    errs.push(FieldError::invalid(
                        pp.child("name"),
                        BadValue::Str(name.into()),
                        m,
                    ));
                }
            } else if !names.insert(name) {
                errs.push(FieldError::duplicate(
                    pp.child("name"),
                    BadValue::Str(name.into()),
                ));
            }
        }
        if p.container_port == 0 {
            errs.push(FieldError::required(pp.child("containerPort"), ""));
        } else {
            for m in is_valid_port_num(p.container_port.into()) {
                errs.push(FieldError::invalid(
                    pp.child("containerPort"),
                    BadValue::Int(p.container_port.into()),
                    m,
                ));
            }
        }
        if let Some(hp) = p.host_port.filter(|h| *h != 0) {
            for m in is_valid_port_num(hp.into()) {
                errs.push(FieldError::invalid(
                    pp.child("hostPort"),
                    BadValue::Int(hp.into()),
                    m,
                ));
            }
        }
        let proto = p.protocol.as_deref().unwrap_or("");
        match proto {
            "TCP" | "UDP" | "SCTP" => {}
            "" => errs.push(FieldError::required(pp.child("protocol"), "")),
            _ => errs.push(FieldError::not_supported(
                pp.child("protocol"),
                BadValue::Str(proto.into()),
                &["SCTP", "TCP", "UDP"],
            )),
        }
    }
    errs
}

fn validate_resources(c: &Container, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let Some(res) = c.resources.as_ref() else {
        return errs;
    };
    let empty = BTreeMap::new();
    let limits = res.limits.as_ref().unwrap_or(&empty);
    for (which, list) in [
        ("limits", limits),
        ("requests", res.requests.as_ref().unwrap_or(&empty)),
    ] {
        let list_path = path.child(which);
        for (name, q) in list {
            let qp = list_path.key(name);
            match parse_quantity(&q.0) {
                None => errs.push(FieldError::invalid(
                    qp,
                    BadValue::Str(q.0.clone()),
                    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
                )),
                Some(v) if v < 0.0 => errs.push(FieldError::invalid(qp, BadValue::Str(q.0.clone()), IS_NEGATIVE)),
                Some(v) if which == "requests" => {
                    if let Some(l) = limits.get(name).and_then(|l| parse_quantity(&l.0)) {
                        if v > l {
                            errs.push(FieldError::invalid(
                                qp,
                                BadValue::Str(q.0.clone()),
                                format!("must be less than or equal to {name} limit of {}", limits[name].0),
                            ));
                        }
                    }
                }
                Some(_) => {}
            }
        }
    }
    errs
}

/// `validateLivenessProbe`/`validateReadinessProbe`/`validateStartupProbe`.
pub fn validate_probe(
    probe: Option<&Probe>,
    path: &FieldPath,
    success_must_be_one: bool,
) -> Vec<FieldError> {
    let Some(p) = probe else {
        return vec![];
    };
    let mut errs = Vec::new();
    let mut handlers = 0;
    if let Some(e) = p.exec.as_ref() {
        handlers += 1;
        if e.command.as_ref().is_none_or(|c| c.is_empty()) {
            errs.push(FieldError::required(
                path.child("exec").child("command"),
                "",
            ));
        }
    }
    for (set, name) in [
        (p.http_get.is_some(), "httpGet"),
        (p.tcp_socket.is_some(), "tcpSocket"),
        (p.grpc.is_some(), "grpc"),
    ] {
        if !set {
            continue;
        }
        let hp = path.child(name);
        if handlers > 0 {
            errs.push(FieldError::forbidden(
                hp,
                "may not specify more than 1 handler type",
            ));
            continue;
        }
        handlers += 1;
        match name {
            "httpGet" => {
                let h = p.http_get.as_ref().expect("checked");
                if h.path.as_deref().unwrap_or("").is_empty() {
                    errs.push(FieldError::required(hp.child("path"), ""));
                }
                errs.extend(port_num_or_name(&h.port, &hp.child("port").render()));
                let scheme = h.scheme.as_deref().unwrap_or("");
                if scheme != "HTTP" && scheme != "HTTPS" {
                    errs.push(FieldError::not_supported(
                        hp.child("scheme"),
                        BadValue::Str(scheme.into()),
                        &["HTTP", "HTTPS"],
                    ));
                }
            }
            "tcpSocket" => errs.extend(port_num_or_name(
                &p.tcp_socket.as_ref().expect("checked").port,
                &hp.child("port").render(),
            )),
            _ => {
                let port = p.grpc.as_ref().expect("checked").port;
                for m in is_valid_port_num(port.into()) {
                    errs.push(FieldError::invalid(
                        hp.child("port"),
                        BadValue::Int(port.into()),
                        m,
                    ));
                }
            }
        }
    }
    if handlers == 0 {
        errs.push(FieldError::required(path, "must specify a handler type"));
    }
    for (v, f) in [
        (p.initial_delay_seconds, "initialDelaySeconds"),
        (p.timeout_seconds, "timeoutSeconds"),
        (p.period_seconds, "periodSeconds"),
        (p.success_threshold, "successThreshold"),
        (p.failure_threshold, "failureThreshold"),
    ] {
        if v.unwrap_or(0) < 0 {
            errs.extend(nonnegative(v.unwrap_or(0).into(), &path.child(f).render()));
        }
    }
    if success_must_be_one && p.success_threshold.unwrap_or(0) != 1 {
        errs.push(FieldError::invalid(
            path.child("successThreshold"),
            BadValue::Int(p.success_threshold.unwrap_or(0).into()),
            "must be 1",
        ));
    }
    errs
}
