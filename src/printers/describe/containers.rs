//! The per-container blocks of pod and pod-template descriptions: image and ports, command
//! and args, state and last state, readiness and restarts, resources, probes,
//! environment and mounts, in upstream's order and indentation.

use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3};
use crate::api::time::{from_time, rfc1123z};
use k8s_openapi::api::core::v1::{
    Container, ContainerPort, ContainerState, ContainerStatus, Pod, Probe, ResourceRequirements,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

/// `describeContainers`: `statuses` is None for templates; `pod` resolves field refs.
pub(crate) fn describe_containers(
    w: &mut DescribeWriter,
    label: &str,
    containers: &[Container],
    statuses: Option<&[ContainerStatus]>,
    pod: Option<&Pod>,
    space: &str,
) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.write(LEVEL_0, &format!("{space}{label}:{none}\n"));
    for c in containers {
        let status = statuses.and_then(|s| s.iter().find(|s| s.name == c.name));
        basic_info(w, c, status, space);
        command(w, c);
        if let Some(s) = status {
            describe_status(w, "State", s.state.as_ref());
            if let Some(last) = s.last_state.as_ref().filter(|l| l.terminated.is_some()) {
                describe_status(w, "Last State", Some(last));
            }
            w.write(
                LEVEL_2,
                &format!("Ready:\t{}\n", if s.ready { "True" } else { "False" }),
            );
            w.write(LEVEL_2, &format!("Restart Count:\t{}\n", s.restart_count));
        }
        if let Some(r) = &c.resources {
            describe_resources(w, r, LEVEL_2);
        }
        for (title, probe) in [
            ("Liveness", &c.liveness_probe),
            ("Readiness", &c.readiness_probe),
            ("Startup", &c.startup_probe),
        ] {
            if let Some(p) = probe {
                w.write(LEVEL_2, &format!("{title}:\t{}\n", describe_probe(p)));
            }
        }
        env_from(w, c);
        env(w, c, pod);
        mounts(w, c);
    }
}

fn basic_info(
    w: &mut DescribeWriter,
    c: &Container,
    status: Option<&ContainerStatus>,
    space: &str,
) {
    let name_indent = if space.is_empty() { "" } else { " " };
    w.write(LEVEL_1, &format!("{name_indent}{}:\n", c.name));
    if let Some(s) = status {
        w.write(
            LEVEL_2,
            &format!(
                "Container ID:\t{}\n",
                s.container_id.as_deref().unwrap_or("")
            ),
        );
    }
    w.write(
        LEVEL_2,
        &format!("Image:\t{}\n", c.image.as_deref().unwrap_or("")),
    );
    if let Some(s) = status {
        w.write(LEVEL_2, &format!("Image ID:\t{}\n", s.image_id));
    }
    let ports = c.ports.as_deref().unwrap_or_default();
    let port_list = |f: fn(&ContainerPort) -> i32| {
        ports
            .iter()
            .map(|p| format!("{}/{}", f(p), p.protocol.as_deref().unwrap_or("TCP")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let container_ports = port_list(|p| p.container_port);
    let host_ports = port_list(|p| p.host_port.unwrap_or(0));
    for (one, many, value) in [
        ("Port", "Ports", container_ports),
        ("Host Port", "Host Ports", host_ports),
    ] {
        if value.contains(',') {
            w.write(LEVEL_2, &format!("{many}:\t{value}\n"));
        } else {
            w.write(
                LEVEL_2,
                &format!("{one}:\t{}\n", super::fields::or_none(&value)),
            );
        }
    }
}

fn command(w: &mut DescribeWriter, c: &Container) {
    for (title, items) in [("Command", &c.command), ("Args", &c.args)] {
        if let Some(items) = items.as_ref().filter(|i| !i.is_empty()) {
            w.write(LEVEL_2, &format!("{title}:\n"));
            for item in items {
                for line in item.split('\n') {
                    w.write(LEVEL_3, &format!("{line}\n"));
                }
            }
        }
    }
}

fn time_or_zero(t: Option<&Time>) -> String {
    match t {
        Some(t) => rfc1123z(from_time(t)),
        // Go formats the zero time.
        None => "Mon, 01 Jan 0001 00:00:00 +0000".into(),
    }
}

/// `describeStatus`.
fn describe_status(w: &mut DescribeWriter, title: &str, state: Option<&ContainerState>) {
    let state = state.cloned().unwrap_or_default();
    if let Some(r) = &state.running {
        w.write(LEVEL_2, &format!("{title}:\tRunning\n"));
        w.write(
            LEVEL_3,
            &format!("Started:\t{}\n", time_or_zero(r.started_at.as_ref())),
        );
    } else if let Some(wt) = &state.waiting {
        w.write(LEVEL_2, &format!("{title}:\tWaiting\n"));
        if let Some(reason) = wt.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write(LEVEL_3, &format!("Reason:\t{reason}\n"));
        }
    } else if let Some(t) = &state.terminated {
        w.write(LEVEL_2, &format!("{title}:\tTerminated\n"));
        if let Some(reason) = t.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write(LEVEL_3, &format!("Reason:\t{reason}\n"));
        }
        if let Some(msg) = t.message.as_deref().filter(|m| !m.is_empty()) {
            w.write(LEVEL_3, &format!("Message:\t{msg}\n"));
        }
        w.write(LEVEL_3, &format!("Exit Code:\t{}\n", t.exit_code));
        if let Some(sig) = t.signal.filter(|s| *s > 0) {
            w.write(LEVEL_3, &format!("Signal:\t{sig}\n"));
        }
        w.write(
            LEVEL_3,
            &format!("Started:\t{}\n", time_or_zero(t.started_at.as_ref())),
        );
        w.write(
            LEVEL_3,
            &format!("Finished:\t{}\n", time_or_zero(t.finished_at.as_ref())),
        );
    } else {
        w.write(LEVEL_2, &format!("{title}:\tWaiting\n"));
    }
}

/// `describeResources`: Limits then Requests, resource names sorted.
pub(crate) fn describe_resources(w: &mut DescribeWriter, r: &ResourceRequirements, level: usize) {
    for (title, list) in [("Limits", &r.limits), ("Requests", &r.requests)] {
        if let Some(list) = list.as_ref().filter(|l| !l.is_empty()) {
            w.write(level, &format!("{title}:\n"));
            for (name, q) in list {
                w.write(level + 1, &format!("{name}:\t{}\n", q.0));
            }
        }
    }
}

fn int_or_string(v: &IntOrString) -> String {
    match v {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => s.clone(),
    }
}

/// `DescribeProbe`; unset numbers take the values the apiserver defaults them to.
fn describe_probe(p: &Probe) -> String {
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        p.initial_delay_seconds.unwrap_or(0),
        p.timeout_seconds.unwrap_or(1),
        p.period_seconds.unwrap_or(10),
        p.success_threshold.unwrap_or(1),
        p.failure_threshold.unwrap_or(3)
    );
    if let Some(e) = &p.exec {
        return format!(
            "exec [{}] {attrs}",
            e.command.clone().unwrap_or_default().join(" ")
        );
    }
    if let Some(h) = &p.http_get {
        let scheme = h.scheme.as_deref().unwrap_or("HTTP").to_lowercase();
        let host = h.host.as_deref().unwrap_or("");
        let port = int_or_string(&h.port);
        let hostport = if port.is_empty() {
            host.to_string()
        } else if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        return format!(
            "http-get {scheme}://{hostport}{} {attrs}",
            h.path.as_deref().unwrap_or("")
        );
    }
    if let Some(t) = &p.tcp_socket {
        return format!(
            "tcp-socket {}:{} {attrs}",
            t.host.as_deref().unwrap_or(""),
            int_or_string(&t.port)
        );
    }
    if let Some(g) = &p.grpc {
        return format!(
            "grpc <pod>:{} {} {attrs}",
            g.port,
            g.service.as_deref().unwrap_or("")
        );
    }
    format!("unknown {attrs}")
}

fn env_from(w: &mut DescribeWriter, c: &Container) {
    let Some(list) = c.env_from.as_ref().filter(|l| !l.is_empty()) else {
        return;
    };
    w.write(LEVEL_2, "Environment Variables from:\n");
    for e in list {
        let prefix = e.prefix.as_deref().unwrap_or("");
        let (name, kind, optional) = if let Some(r) = &e.config_map_ref {
            (r.name.clone(), "ConfigMap", r.optional.unwrap_or(false))
        } else if let Some(r) = &e.secret_ref {
            (r.name.clone(), "Secret", r.optional.unwrap_or(false))
        } else {
            continue;
        };
        if prefix.is_empty() {
            w.write(LEVEL_3, &format!("{name}\t{kind}\tOptional: {optional}\n"));
        } else {
            w.write(
                LEVEL_3,
                &format!("{name}\t{kind} with prefix '{prefix}'\tOptional: {optional}\n"),
            );
        }
    }
}

/// The value of a downward-API field of the pod, for the field paths kubectl resolves.
fn field_value(pod: Option<&Pod>, path: &str) -> String {
    let Some(pod) = pod else {
        return String::new();
    };
    let meta = &pod.metadata;
    let status = pod.status.as_ref();
    let spec = pod.spec.as_ref();
    let bracketed = |prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix("']"))
            .map(String::from)
    };
    if let Some(k) = bracketed("metadata.labels['") {
        return meta
            .labels
            .as_ref()
            .and_then(|l| l.get(&k))
            .cloned()
            .unwrap_or_default();
    }
    if let Some(k) = bracketed("metadata.annotations['") {
        return meta
            .annotations
            .as_ref()
            .and_then(|a| a.get(&k))
            .cloned()
            .unwrap_or_default();
    }
    match path {
        "metadata.name" => meta.name.clone(),
        "metadata.namespace" => meta.namespace.clone(),
        "metadata.uid" => meta.uid.clone(),
        "spec.nodeName" => spec.and_then(|s| s.node_name.clone()),
        "spec.serviceAccountName" => spec.and_then(|s| s.service_account_name.clone()),
        "status.podIP" => status.and_then(|s| s.pod_ip.clone()),
        "status.hostIP" => status.and_then(|s| s.host_ip.clone()),
        _ => None,
    }
    .unwrap_or_default()
}

fn env(w: &mut DescribeWriter, c: &Container, pod: Option<&Pod>) {
    let list = c.env.as_deref().unwrap_or_default();
    let none = if list.is_empty() { "\t<none>" } else { "" };
    w.write(LEVEL_2, &format!("Environment:{none}\n"));
    for e in list {
        let Some(from) = &e.value_from else {
            for (i, line) in e.value.as_deref().unwrap_or("").split('\n').enumerate() {
                if i == 0 {
                    w.write(LEVEL_3, &format!("{}:\t{line}\n", e.name));
                } else {
                    w.write(LEVEL_3, &format!("\t{line}\n"));
                }
            }
            continue;
        };
        if let Some(f) = &from.field_ref {
            let api = f.api_version.as_deref().unwrap_or("v1");
            let value = field_value(pod, &f.field_path);
            w.write(
                LEVEL_3,
                &format!("{}:\t{value} ({api}:{})\n", e.name, f.field_path),
            );
        } else if let Some(r) = &from.resource_field_ref {
            w.write(LEVEL_3, &format!("{}:\t ({})\n", e.name, r.resource));
        } else if let Some(s) = &from.secret_key_ref {
            w.write(
                LEVEL_3,
                &format!(
                    "{}:\t<set to the key '{}' in secret '{}'>\tOptional: {}\n",
                    e.name,
                    s.key,
                    s.name,
                    s.optional.unwrap_or(false)
                ),
            );
        } else if let Some(m) = &from.config_map_key_ref {
            w.write(
                LEVEL_3,
                &format!(
                    "{}:\t<set to the key '{}' of config map '{}'>\tOptional: {}\n",
                    e.name,
                    m.key,
                    m.name,
                    m.optional.unwrap_or(false)
                ),
            );
        }
    }
}

fn mounts(w: &mut DescribeWriter, c: &Container) {
    let mut list: Vec<_> = c.volume_mounts.iter().flatten().collect();
    let none = if list.is_empty() { "\t<none>" } else { "" };
    w.write(LEVEL_2, &format!("Mounts:{none}\n"));
    list.sort_by(|a, b| a.mount_path.cmp(&b.mount_path));
    for m in list {
        let mut flags = vec![if m.read_only == Some(true) {
            "ro".to_string()
        } else {
            "rw".to_string()
        }];
        if let Some(sub) = m.sub_path.as_deref().filter(|s| !s.is_empty()) {
            flags.push(format!("path={sub:?}"));
        }
        w.write(
            LEVEL_3,
            &format!("{} from {} ({})\n", m.mount_path, m.name, flags.join(",")),
        );
    }
    if let Some(devices) = c.volume_devices.as_ref().filter(|d| !d.is_empty()) {
        w.write(LEVEL_2, "Devices:\n");
        let mut devices: Vec<_> = devices.iter().collect();
        devices.sort_by(|a, b| a.device_path.cmp(&b.device_path));
        for d in devices {
            w.write(LEVEL_3, &format!("{} from {}\n", d.device_path, d.name));
        }
    }
}
