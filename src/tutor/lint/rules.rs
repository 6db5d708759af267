//! The checks `lint` runs on each object of a manifest. They read the manifest as JSON
//! (so they work on objects strict decoding refused) and point at the offending field.

use super::{Doc, Finding, Severity};
use crate::api::Kind;
use crate::cluster::Cluster;
use crate::codec::strict::{decode, DecodeError};
use crate::tutor::explain::fields::KNOWN_FIELDS;
use crate::tutor::suggest::closest;
use k8s_openapi::api::core::v1::Service;
use k8s_openapi::api::storage::v1::StorageClass;
use serde_json::Value;

/// A Service the StatefulSets may name: namespace (empty: unspecified), name, headless.
pub(super) struct KnownService {
    namespace: String,
    name: String,
    headless: bool,
}

/// Services in the files and, in the sandbox, in the cluster.
pub(super) fn services(docs: &[Doc], cluster: Option<&Cluster>) -> Vec<KnownService> {
    let mut out: Vec<KnownService> = docs
        .iter()
        .flat_map(|d| d.objects.iter())
        .filter(|o| o["kind"] == "Service")
        .map(|o| KnownService {
            namespace: str_at(o, "/metadata/namespace").to_string(),
            name: str_at(o, "/metadata/name").to_string(),
            headless: str_at(o, "/spec/clusterIP") == "None",
        })
        .collect();
    if let Some(c) = cluster {
        out.extend(
            c.api
                .store
                .list(Kind::Service, None)
                .filter_map(|o| o.as_typed::<Service>())
                .map(|s| KnownService {
                    namespace: s.metadata.namespace.clone().unwrap_or_default(),
                    name: s.metadata.name.clone().unwrap_or_default(),
                    headless: s.spec.as_ref().and_then(|s| s.cluster_ip.as_deref()) == Some("None"),
                }),
        );
    }
    out
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

fn array_at<'a>(v: &'a Value, pointer: &str) -> &'a [Value] {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], |a| a.as_slice())
}

/// Images of data stores that lose their data without a volume of their own.
const STATEFUL_IMAGES: &[&str] = &[
    "postgres",
    "mysql",
    "mariadb",
    "mongo",
    "redis",
    "cassandra",
    "elasticsearch",
    "kafka",
    "zookeeper",
    "etcd",
    "rabbitmq",
    "couchdb",
    "neo4j",
    "influxdb",
    "minio",
    "kubia-pet",
];

fn is_stateful_image(image: &str) -> bool {
    let repo = image.split(['@']).next().unwrap_or("");
    let last = repo.rsplit('/').next().unwrap_or("");
    let name = last.split(':').next().unwrap_or("");
    STATEFUL_IMAGES
        .iter()
        .any(|s| name == *s || name.starts_with(&format!("{s}-")))
}

fn is_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "PASSWORD",
        "PASSWD",
        "SECRET",
        "TOKEN",
        "API_KEY",
        "APIKEY",
        "PRIVATE_KEY",
    ]
    .iter()
    .any(|w| upper.contains(w))
}

/// Check one object of a document.
pub(super) fn check(
    doc: &Doc,
    obj: &Value,
    services: &[KnownService],
    cluster: Option<&Cluster>,
    out: &mut Vec<Finding>,
) {
    strict_fields(doc, obj, out);
    let (pod_spec, template) = match obj["kind"].as_str().unwrap_or("") {
        "Pod" => ("/spec", "spec"),
        "StatefulSet" | "Deployment" | "ReplicaSet" | "DaemonSet" | "Job" => {
            ("/spec/template/spec", "spec.template.spec")
        }
        _ => return,
    };
    plain_secrets(doc, obj, pod_spec, template, out);
    if obj["kind"] == "StatefulSet" {
        statefulset(doc, obj, services, cluster, out);
    }
}

/// Unknown fields, as the apiserver's strict decoding names them, with a close spelling.
fn strict_fields(doc: &Doc, obj: &Value, out: &mut Vec<Finding>) {
    let message = match decode(obj) {
        Ok(_) => return,
        Err(DecodeError::BadRequest(m)) => m,
        Err(e @ DecodeError::NoKindMatch { .. }) => {
            out.push(doc.finding("kind", Severity::Error, e.message(doc.file)));
            return;
        }
    };
    let mut found = false;
    for part in message.split("unknown field \"").skip(1) {
        let Some(field) = part.split('"').next() else {
            continue;
        };
        found = true;
        let last = field.rsplit('.').next().unwrap_or(field);
        let hint = if KNOWN_FIELDS.contains(&last) {
            match crate::tutor::explain::fields::home_of(last) {
                Some(home) => format!(" (it belongs in {home})"),
                None => " (it is in the wrong place)".to_string(),
            }
        } else {
            closest(last, KNOWN_FIELDS.iter().copied())
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default()
        };
        out.push(doc.finding(
            field,
            Severity::Error,
            format!("strict decoding error: unknown field \"{field}\"{hint}"),
        ));
    }
    if !found {
        out.push(doc.finding("", Severity::Error, message));
    }
}

/// `env` values whose names say they hold a secret.
fn plain_secrets(doc: &Doc, obj: &Value, pod_spec: &str, path: &str, out: &mut Vec<Finding>) {
    for (ci, c) in array_at(obj, &format!("{pod_spec}/containers"))
        .iter()
        .enumerate()
    {
        for (ei, e) in array_at(c, "/env").iter().enumerate() {
            let name = str_at(e, "/name");
            if is_secret_name(name) && e.get("value").is_some() {
                out.push(doc.finding(
                    &format!("{path}.containers[{ci}].env[{ei}].value"),
                    Severity::Warning,
                    format!("env {name} holds a secret in plain text: anyone who can read this object sees it; use valueFrom.secretKeyRef and a Secret"),
                ));
            }
        }
    }
}

fn statefulset(
    doc: &Doc,
    obj: &Value,
    services: &[KnownService],
    cluster: Option<&Cluster>,
    out: &mut Vec<Finding>,
) {
    let name = str_at(obj, "/metadata/name");
    let namespace = str_at(obj, "/metadata/namespace");
    let labels = obj
        .pointer("/spec/template/metadata/labels")
        .and_then(Value::as_object);
    let label_text = labels
        .map(|l| {
            l.iter()
                .map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or("")))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    // Selector.
    match obj
        .pointer("/spec/selector/matchLabels")
        .and_then(Value::as_object)
    {
        None if obj.pointer("/spec/selector/matchExpressions").is_none() => {
            out.push(doc.finding(
                "spec",
                Severity::Error,
                format!("spec.selector is required: add selector.matchLabels with the template's labels ({label_text})"),
            ));
        }
        None => {}
        Some(sel) => {
            for (k, v) in sel {
                if labels.and_then(|l| l.get(k)) != Some(v) {
                    out.push(doc.finding(
                        &format!("spec.selector.matchLabels.{k}"),
                        Severity::Error,
                        format!("selector {k}: {} does not match the template's labels ({label_text}): the apiserver refuses it", v.as_str().unwrap_or("")),
                    ));
                }
            }
        }
    }
    // serviceName and its headless Service.
    let service = str_at(obj, "/spec/serviceName");
    if service.is_empty() {
        out.push(
            doc.finding(
                "spec",
                Severity::Warning,
                "no spec.serviceName: the pods get no stable DNS names; name a headless Service"
                    .to_string(),
            ),
        );
    } else {
        let same_ns = |s: &&KnownService| {
            s.name == service
                && (s.namespace.is_empty()
                    || s.namespace == namespace
                    || (namespace.is_empty() && s.namespace == "default"))
        };
        match services.iter().find(same_ns) {
            None => out.push(doc.finding(
                "spec.serviceName",
                Severity::Warning,
                format!("serviceName \"{service}\" names no Service in these files{}: names like {name}-0.{service} will not resolve; create a headless Service (clusterIP: None) named \"{service}\"", if cluster.is_some() { " or the cluster" } else { "" }),
            )),
            Some(s) if !s.headless => out.push(doc.finding(
                "spec.serviceName",
                Severity::Warning,
                format!("Service \"{service}\" is not headless: per-pod DNS names need clusterIP: None"),
            )),
            Some(_) => {}
        }
    }
    // Containers: readiness probes, data stores without claims, mounts of nothing.
    let claims = array_at(obj, "/spec/volumeClaimTemplates");
    let claim_names: Vec<&str> = claims.iter().map(|c| str_at(c, "/metadata/name")).collect();
    let volume_names: Vec<&str> = array_at(obj, "/spec/template/spec/volumes")
        .iter()
        .map(|v| str_at(v, "/name"))
        .collect();
    let mut mounted: Vec<&str> = Vec::new();
    for (ci, c) in array_at(obj, "/spec/template/spec/containers")
        .iter()
        .enumerate()
    {
        let cname = str_at(c, "/name");
        let here = format!("spec.template.spec.containers[{ci}]");
        if c.get("readinessProbe").is_none() {
            out.push(doc.finding(
                &here,
                Severity::Warning,
                format!("container \"{cname}\" has no readinessProbe: it counts as Ready as soon as it starts, so OrderedReady creates the next pod before this one can serve"),
            ));
        }
        let image = str_at(c, "/image");
        let env_names: Vec<&str> = array_at(c, "/env")
            .iter()
            .map(|e| str_at(e, "/name"))
            .collect();
        let image_name = image
            .rsplit('/')
            .next()
            .unwrap_or("")
            .split([':', '@'])
            .next()
            .unwrap_or("");
        if image_name == "postgres"
            && !env_names.contains(&"POSTGRES_PASSWORD")
            && !env_names.contains(&"POSTGRES_HOST_AUTH_METHOD")
            && c.get("envFrom").is_none()
        {
            out.push(doc.finding(
                &format!("{here}.image"),
                Severity::Warning,
                "postgres refuses to start without POSTGRES_PASSWORD: set it from a Secret (valueFrom.secretKeyRef)".to_string(),
            ));
        }
        if claims.is_empty() && is_stateful_image(image) {
            out.push(doc.finding(
                &format!("{here}.image"),
                Severity::Warning,
                format!("image \"{image}\" keeps data, but there are no volumeClaimTemplates: each pod's data is lost when it is replaced"),
            ));
        }
        for (mi, m) in array_at(c, "/volumeMounts").iter().enumerate() {
            let mname = str_at(m, "/name");
            mounted.push(mname);
            if !claim_names.contains(&mname) && !volume_names.contains(&mname) {
                out.push(doc.finding(
                    &format!("{here}.volumeMounts[{mi}].name"),
                    Severity::Error,
                    format!("volumeMount \"{mname}\" names no volume or volumeClaimTemplate: the apiserver refuses it"),
                ));
            }
        }
    }
    // Claim templates: mounted by someone, with an access mode the class can give.
    for (i, claim) in claims.iter().enumerate() {
        let cname = str_at(claim, "/metadata/name");
        let here = format!("spec.volumeClaimTemplates[{i}]");
        if !cname.is_empty() && !mounted.contains(&cname) {
            out.push(doc.finding(
                &format!("{here}.metadata.name"),
                Severity::Warning,
                format!("volumeClaimTemplate \"{cname}\" is mounted by no container: each pod gets a claim it never uses"),
            ));
        }
        let class = claim
            .pointer("/spec/storageClassName")
            .and_then(Value::as_str)
            .unwrap_or("standard");
        if !is_local_path(class, cluster) {
            continue;
        }
        for mode in array_at(claim, "/spec/accessModes") {
            let mode = mode.as_str().unwrap_or("");
            if mode != "ReadWriteOnce" && mode != "ReadWriteOncePod" {
                out.push(doc.finding(
                    &format!("{here}.spec.accessModes"),
                    Severity::Error,
                    format!("accessModes {mode}: storage class \"{class}\" (rancher.io/local-path) provisions only ReadWriteOnce volumes; the claims would stay Pending"),
                ));
            }
        }
    }
}

/// Whether `class` is provisioned by local-path (the sandbox's `standard`).
fn is_local_path(class: &str, cluster: Option<&Cluster>) -> bool {
    match cluster {
        Some(c) => c
            .api
            .store
            .get(&crate::store::ObjKey::new(Kind::StorageClass, "", class))
            .and_then(|o| o.as_typed::<StorageClass>())
            .is_some_and(|sc| sc.provisioner == "rancher.io/local-path"),
        None => class == "standard",
    }
}
