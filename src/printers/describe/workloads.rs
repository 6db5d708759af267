//! Describers of the workload controllers: StatefulSet (replicas, update strategy, pod
//! status counts, template, volume claim templates), Deployment and ReplicaSet.

use super::events::describe_events;
use super::fields;
use super::pod::controlled_by;
use super::template::describe_pod_template;
use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::api::labels::{format_label_selector, Selector};
use crate::api::time::{from_time, rfc1123z, Millis};
use crate::api::{Kind, Object};
use crate::printers::selector::selector_string;
use crate::printers::table::pvc_class;
use crate::store::Store;
use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, Time};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

fn created(t: Option<&Time>) -> String {
    match t {
        Some(t) => rfc1123z(from_time(t)),
        None => "Mon, 01 Jan 0001 00:00:00 +0000".into(),
    }
}

fn int_or_string(v: &IntOrString) -> String {
    match v {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => s.clone(),
    }
}

/// `getPodStatusForController`: pods matching the selector whose controller is `uid`,
/// counted by phase: Running / Pending (Waiting) / Succeeded / Failed.
fn pod_status_counts(store: &Store, ns: &str, selector: &LabelSelector, uid: &str) -> String {
    let sel = Selector::from_label_selector(selector);
    let (mut running, mut waiting, mut succeeded, mut failed) = (0, 0, 0, 0);
    for obj in store.list(Kind::Pod, Some(ns)) {
        let Some(pod) = obj.as_typed::<Pod>() else {
            continue;
        };
        let owned = pod
            .metadata
            .owner_references
            .iter()
            .flatten()
            .any(|r| r.controller == Some(true) && r.uid == uid);
        if !owned || !sel.matches(pod.metadata.labels.as_ref()) {
            continue;
        }
        match pod.status.as_ref().and_then(|s| s.phase.as_deref()) {
            Some("Running") => running += 1,
            Some("Pending") => waiting += 1,
            Some("Succeeded") => succeeded += 1,
            Some("Failed") => failed += 1,
            _ => {}
        }
    }
    format!("{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed")
}

fn name_ns(w: &mut DescribeWriter, meta: &ObjectMeta) {
    w.write(
        LEVEL_0,
        &format!("Name:\t{}\n", meta.name.as_deref().unwrap_or("")),
    );
    w.write(
        LEVEL_0,
        &format!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
}

/// The header StatefulSet and Deployment describers share: Name, Namespace, CreationTimestamp.
fn name_ns_created(w: &mut DescribeWriter, meta: &ObjectMeta) {
    name_ns(w, meta);
    w.write(
        LEVEL_0,
        &format!(
            "CreationTimestamp:\t{}\n",
            created(meta.creation_timestamp.as_ref())
        ),
    );
}

pub(crate) fn describe_statefulset(
    obj: &Object,
    sts: &StatefulSet,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    let spec = sts.spec.clone().unwrap_or_default();
    let meta = &sts.metadata;
    name_ns_created(&mut w, meta);
    w.write(
        LEVEL_0,
        &format!(
            "Selector:\t{}\n",
            selector_string(Some(&spec.selector)).unwrap_or_default()
        ),
    );
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} desired | {} total\n",
            spec.replicas.unwrap_or(1),
            sts.status.as_ref().map_or(0, |s| s.replicas)
        ),
    );
    let strategy = spec.update_strategy.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!(
            "Update Strategy:\t{}\n",
            strategy.type_.as_deref().unwrap_or("")
        ),
    );
    if let Some(ru) = &strategy.rolling_update {
        if let Some(p) = ru.partition {
            w.write(LEVEL_1, &format!("Partition:\t{p}\n"));
            if let Some(mu) = &ru.max_unavailable {
                w.write(
                    LEVEL_1,
                    &format!("MaxUnavailable:\t{}\n", int_or_string(mu)),
                );
            }
        }
    }
    let counts = pod_status_counts(store, obj.namespace(), &spec.selector, obj.uid());
    w.write(LEVEL_0, &format!("Pods Status:\t{counts}\n"));
    describe_pod_template(&mut w, Some(&spec.template));
    volume_claim_templates(
        &mut w,
        spec.volume_claim_templates.as_deref().unwrap_or_default(),
    );
    describe_events(&mut w, obj, store, now);
    w.finish()
}

/// `describeVolumeClaimTemplates`.
fn volume_claim_templates(w: &mut DescribeWriter, templates: &[PersistentVolumeClaim]) {
    if templates.is_empty() {
        w.write(LEVEL_0, "Volume Claims:\t<none>\n");
        return;
    }
    w.write(LEVEL_0, "Volume Claims:\n");
    for pvc in templates {
        let spec = pvc.spec.clone().unwrap_or_default();
        w.write(
            LEVEL_1,
            &format!("Name:\t{}\n", pvc.metadata.name.as_deref().unwrap_or("")),
        );
        w.write(LEVEL_1, &format!("StorageClass:\t{}\n", pvc_class(pvc)));
        fields::labels(w, "  ", "Labels", pvc.metadata.labels.as_ref());
        fields::labels(w, "  ", "Annotations", pvc.metadata.annotations.as_ref());
        let capacity = spec
            .resources
            .as_ref()
            .and_then(|r| r.requests.as_ref())
            .and_then(|r| r.get("storage"))
            .map(|q| q.0.clone())
            .unwrap_or_else(|| "<default>".into());
        w.write(LEVEL_1, &format!("Capacity:\t{capacity}\n"));
        // Go's %v of a string slice: `[ReadWriteOnce]`.
        let modes = spec.access_modes.clone().unwrap_or_default().join(" ");
        w.write(LEVEL_1, &format!("Access Modes:\t[{modes}]\n"));
    }
}

fn conditions(w: &mut DescribeWriter, conds: &[(String, String, String)]) {
    if conds.is_empty() {
        return;
    }
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (t, s, r) in conds {
        w.write(LEVEL_1, &format!("{t} \t{s}\t{r}\n"));
    }
}

pub(crate) fn describe_deployment(
    obj: &Object,
    d: &Deployment,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    let spec = d.spec.clone().unwrap_or_default();
    let status = d.status.clone().unwrap_or_default();
    let meta = &d.metadata;
    name_ns_created(&mut w, meta);
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    w.write(
        LEVEL_0,
        &format!(
            "Selector:\t{}\n",
            selector_string(Some(&spec.selector)).unwrap_or_default()
        ),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} desired | {} updated | {} total | {} available | {} unavailable\n",
            spec.replicas.unwrap_or(1),
            status.updated_replicas.unwrap_or(0),
            status.replicas.unwrap_or(0),
            status.available_replicas.unwrap_or(0),
            status.unavailable_replicas.unwrap_or(0)
        ),
    );
    let strategy = spec.strategy.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!(
            "StrategyType:\t{}\n",
            strategy.type_.as_deref().unwrap_or("")
        ),
    );
    w.write(
        LEVEL_0,
        &format!(
            "MinReadySeconds:\t{}\n",
            spec.min_ready_seconds.unwrap_or(0)
        ),
    );
    if let Some(ru) = &strategy.rolling_update {
        let show =
            |v: &Option<IntOrString>| v.as_ref().map(int_or_string).unwrap_or_else(|| "0".into());
        w.write(
            LEVEL_0,
            &format!(
                "RollingUpdateStrategy:\t{} max unavailable, {} max surge\n",
                show(&ru.max_unavailable),
                show(&ru.max_surge)
            ),
        );
    }
    describe_pod_template(&mut w, Some(&spec.template));
    let conds: Vec<_> = status
        .conditions
        .iter()
        .flatten()
        .map(|c| {
            (
                c.type_.clone(),
                c.status.clone(),
                c.reason.clone().unwrap_or_default(),
            )
        })
        .collect();
    conditions(&mut w, &conds);
    // The ReplicaSets the deployment controls. Upstream picks the new one by comparing
    // pod templates; here it is the one with the highest revision annotation.
    let mut owned: Vec<&ReplicaSet> = Vec::new();
    let listed: Vec<_> = store
        .list(Kind::ReplicaSet, Some(obj.namespace()))
        .cloned()
        .collect();
    for o in &listed {
        if let Some(rs) = o.as_typed::<ReplicaSet>() {
            if rs
                .metadata
                .owner_references
                .iter()
                .flatten()
                .any(|r| r.controller == Some(true) && r.uid == obj.uid())
            {
                owned.push(rs);
            }
        }
    }
    if !owned.is_empty() {
        let revision = |rs: &ReplicaSet| {
            rs.metadata
                .annotations
                .as_ref()
                .and_then(|a| a.get("deployment.kubernetes.io/revision"))
                .and_then(|r| r.parse::<i64>().ok())
                .unwrap_or(0)
        };
        owned.sort_by_key(|rs| revision(rs));
        let new = owned.pop();
        let fmt = |list: &[&ReplicaSet]| {
            let s: Vec<String> = list
                .iter()
                .map(|rs| {
                    format!(
                        "{} ({}/{} replicas created)",
                        rs.metadata.name.as_deref().unwrap_or(""),
                        rs.status.as_ref().map_or(0, |s| s.replicas),
                        rs.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1)
                    )
                })
                .collect();
            if s.is_empty() {
                "<none>".to_string()
            } else {
                s.join(", ")
            }
        };
        w.write(LEVEL_0, &format!("OldReplicaSets:\t{}\n", fmt(&owned)));
        w.write(
            LEVEL_0,
            &format!(
                "NewReplicaSet:\t{}\n",
                fmt(&new.into_iter().collect::<Vec<_>>())
            ),
        );
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}

pub(crate) fn describe_replicaset(
    obj: &Object,
    rs: &ReplicaSet,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    let spec = rs.spec.clone().unwrap_or_default();
    let meta = &rs.metadata;
    name_ns(&mut w, meta);
    w.write(
        LEVEL_0,
        &format!(
            "Selector:\t{}\n",
            format_label_selector(Some(&spec.selector))
        ),
    );
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    if let Some(c) = controlled_by(meta) {
        w.write(LEVEL_0, &format!("Controlled By:\t{c}\n"));
    }
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} current / {} desired\n",
            rs.status.as_ref().map_or(0, |s| s.replicas),
            spec.replicas.unwrap_or(1)
        ),
    );
    let counts = pod_status_counts(store, obj.namespace(), &spec.selector, obj.uid());
    w.write(LEVEL_0, &format!("Pods Status:\t{counts}\n"));
    describe_pod_template(&mut w, spec.template.as_ref());
    let conds: Vec<_> = rs
        .status
        .iter()
        .flat_map(|s| s.conditions.iter().flatten())
        .map(|c| {
            (
                c.type_.clone(),
                c.status.clone(),
                c.reason.clone().unwrap_or_default(),
            )
        })
        .collect();
    conditions(&mut w, &conds);
    describe_events(&mut w, obj, store, now);
    w.finish()
}
