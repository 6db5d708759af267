//! Describers of storage objects: PersistentVolumeClaim (with `Used By` from the pods in
//! its namespace), PersistentVolume and StorageClass.

use super::events::describe_events;
use super::fields;
use super::volumes;
use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::api::labels::format_labels;
use crate::api::time::{from_time, rfc1123z, Millis};
use crate::api::{Kind, Object};
use crate::printers::duration::since;
use crate::printers::table::{access_modes_string, is_default_class, pv_class, pvc_class};
use crate::store::Store;
use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim, Pod};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;

fn finalizers(list: Option<&Vec<String>>) -> String {
    format!("[{}]", list.map(|l| l.join(" ")).unwrap_or_default())
}

fn go_time(t: Option<&Time>) -> String {
    match t {
        Some(t) => rfc1123z(from_time(t)),
        None => "Mon, 01 Jan 0001 00:00:00 +0000".into(),
    }
}

/// `getPodsForPVC`: pods whose volumes reference the claim, then pods owning it.
fn pods_using(pvc: &PersistentVolumeClaim, store: &Store) -> Vec<String> {
    let ns = pvc.metadata.namespace.as_deref().unwrap_or("");
    let name = pvc.metadata.name.as_deref().unwrap_or("");
    let pods: Vec<&Pod> = store
        .list(Kind::Pod, Some(ns))
        .filter_map(|o| o.as_typed::<Pod>())
        .collect();
    let mut using: Vec<&Pod> = Vec::new();
    for pod in &pods {
        for v in pod.spec.iter().flat_map(|s| s.volumes.iter().flatten()) {
            if v.persistent_volume_claim
                .as_ref()
                .is_some_and(|c| c.claim_name == name)
            {
                using.push(pod);
            }
        }
    }
    for owner in pvc
        .metadata
        .owner_references
        .iter()
        .flatten()
        .filter(|r| r.kind == "Pod")
    {
        if let Some(pod) = pods
            .iter()
            .find(|p| p.metadata.uid.as_deref() == Some(owner.uid.as_str()))
        {
            if !using.iter().any(|u| u.metadata.uid == pod.metadata.uid) {
                using.push(pod);
            }
        }
    }
    using
        .into_iter()
        .map(|p| p.metadata.name.clone().unwrap_or_default())
        .collect()
}

pub(crate) fn describe_pvc(
    obj: &Object,
    pvc: &PersistentVolumeClaim,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    let meta = &pvc.metadata;
    let spec = pvc.spec.clone().unwrap_or_default();
    let status = pvc.status.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("Name:\t{}\n", meta.name.as_deref().unwrap_or("")),
    );
    w.write(
        LEVEL_0,
        &format!("Namespace:\t{}\n", meta.namespace.as_deref().unwrap_or("")),
    );
    w.write(LEVEL_0, &format!("StorageClass:\t{}\n", pvc_class(pvc)));
    match &meta.deletion_timestamp {
        Some(del) => w.write(
            LEVEL_0,
            &format!(
                "Status:\tTerminating (lasts {})\n",
                since(Some(from_time(del)), now)
            ),
        ),
        None => w.write(
            LEVEL_0,
            &format!("Status:\t{}\n", status.phase.as_deref().unwrap_or("")),
        ),
    }
    let volume = spec.volume_name.clone().unwrap_or_default();
    w.write(LEVEL_0, &format!("Volume:\t{volume}\n"));
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    w.write(
        LEVEL_0,
        &format!("Finalizers:\t{}\n", finalizers(meta.finalizers.as_ref())),
    );
    let (capacity, modes) = if volume.is_empty() {
        (String::new(), String::new())
    } else {
        (
            status
                .capacity
                .as_ref()
                .and_then(|c| c.get("storage"))
                .map(|q| q.0.clone())
                .unwrap_or_else(|| "0".into()),
            access_modes_string(status.access_modes.as_ref()),
        )
    };
    w.write(LEVEL_0, &format!("Capacity:\t{capacity}\n"));
    w.write(LEVEL_0, &format!("Access Modes:\t{modes}\n"));
    if let Some(mode) = &spec.volume_mode {
        w.write(LEVEL_0, &format!("VolumeMode:\t{mode}\n"));
    }
    if let Some(ds) = &spec.data_source {
        w.write(LEVEL_0, "DataSource:\n");
        if let Some(g) = &ds.api_group {
            w.write(LEVEL_1, &format!("APIGroup:\t{g}\n"));
        }
        w.write(LEVEL_1, &format!("Kind:\t{}\n", ds.kind));
        w.write(LEVEL_1, &format!("Name:\t{}\n", ds.name));
    }
    fields::pod_names(&mut w, "Used By", pods_using(pvc, store));
    if let Some(conds) = status.conditions.as_ref().filter(|c| !c.is_empty()) {
        w.write(LEVEL_0, "Conditions:\n");
        w.write(
            LEVEL_1,
            "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            LEVEL_1,
            "----\t------\t-----------------\t------------------\t------\t-------\n",
        );
        for c in conds {
            w.write(
                LEVEL_1,
                &format!(
                    "{} \t{} \t{} \t{} \t{} \t{}\n",
                    c.type_,
                    c.status,
                    go_time(c.last_probe_time.as_ref()),
                    go_time(c.last_transition_time.as_ref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}

pub(crate) fn describe_pv(
    obj: &Object,
    pv: &PersistentVolume,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    let meta = &pv.metadata;
    let spec = pv.spec.clone().unwrap_or_default();
    let status = pv.status.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("Name:\t{}\n", meta.name.as_deref().unwrap_or("")),
    );
    fields::labels(&mut w, "", "Labels", meta.labels.as_ref());
    fields::annotations(&mut w, "Annotations", meta.annotations.as_ref());
    w.write(
        LEVEL_0,
        &format!("Finalizers:\t{}\n", finalizers(meta.finalizers.as_ref())),
    );
    w.write(LEVEL_0, &format!("StorageClass:\t{}\n", pv_class(pv)));
    match &meta.deletion_timestamp {
        Some(del) => w.write(
            LEVEL_0,
            &format!(
                "Status:\tTerminating (lasts {})\n",
                since(Some(from_time(del)), now)
            ),
        ),
        None => w.write(
            LEVEL_0,
            &format!("Status:\t{}\n", status.phase.as_deref().unwrap_or("")),
        ),
    }
    let claim = spec
        .claim_ref
        .as_ref()
        .map(|r| {
            format!(
                "{}/{}",
                r.namespace.as_deref().unwrap_or(""),
                r.name.as_deref().unwrap_or("")
            )
        })
        .unwrap_or_default();
    w.write(LEVEL_0, &format!("Claim:\t{claim}\n"));
    w.write(
        LEVEL_0,
        &format!(
            "Reclaim Policy:\t{}\n",
            spec.persistent_volume_reclaim_policy
                .as_deref()
                .unwrap_or("")
        ),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Access Modes:\t{}\n",
            access_modes_string(spec.access_modes.as_ref())
        ),
    );
    if let Some(mode) = &spec.volume_mode {
        w.write(LEVEL_0, &format!("VolumeMode:\t{mode}\n"));
    }
    let capacity = spec
        .capacity
        .as_ref()
        .and_then(|c| c.get("storage"))
        .map(|q| q.0.clone())
        .unwrap_or_else(|| "0".into());
    w.write(LEVEL_0, &format!("Capacity:\t{capacity}\n"));
    node_affinity(&mut w, pv);
    w.write(
        LEVEL_0,
        &format!("Message:\t{}\n", status.message.as_deref().unwrap_or("")),
    );
    w.write(LEVEL_0, "Source:\n");
    if let Some(h) = &spec.host_path {
        volumes::host_path(&mut w, h);
    } else if let Some(n) = &spec.nfs {
        volumes::nfs(&mut w, n);
    } else if let Some(l) = &spec.local {
        volumes::local(&mut w, l);
    } else if let Some(c) = &spec.csi {
        w.write(
            LEVEL_0,
            &format!(
                "    Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{}\n    FSType:\t{}\n    VolumeHandle:\t{}\n    ReadOnly:\t{}\n",
                c.driver,
                c.fs_type.as_deref().unwrap_or(""),
                c.volume_handle,
                c.read_only.unwrap_or(false)
            ),
        );
        volumes::csi_attributes(&mut w, c.volume_attributes.as_ref());
    } else {
        w.write(LEVEL_1, "<unknown>\n");
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}

/// `printVolumeNodeAffinity`.
fn node_affinity(w: &mut DescribeWriter, pv: &PersistentVolume) {
    w.write(LEVEL_0, "Node Affinity:\t");
    let Some(required) = pv
        .spec
        .as_ref()
        .and_then(|s| s.node_affinity.as_ref())
        .and_then(|a| a.required.as_ref())
    else {
        w.write_line("<none>");
        return;
    };
    w.write_line("");
    w.write(LEVEL_1, "Required Terms:\t");
    if required.node_selector_terms.is_empty() {
        w.write_line("<none>");
        return;
    }
    w.write_line("");
    for (i, term) in required.node_selector_terms.iter().enumerate() {
        w.write(2, &format!("Term {i}:\t"));
        let reqs = term.match_expressions.as_deref().unwrap_or_default();
        if reqs.is_empty() {
            w.write_line("<none>");
            continue;
        }
        for (j, r) in reqs.iter().enumerate() {
            if j != 0 {
                w.write(2, "\t");
            }
            let mut expr = format!("{} {}", r.key, r.operator.to_lowercase());
            if let Some(values) = r.values.as_ref().filter(|v| !v.is_empty()) {
                expr = format!("{expr} [{}]", values.join(", "));
            }
            w.write(LEVEL_0, &format!("{expr}\n"));
        }
    }
}

pub(crate) fn describe_storageclass(
    obj: &Object,
    sc: &StorageClass,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    let meta = &sc.metadata;
    w.write(
        LEVEL_0,
        &format!("Name:\t{}\n", meta.name.as_deref().unwrap_or("")),
    );
    let default = if is_default_class(meta) { "Yes" } else { "No" };
    w.write(LEVEL_0, &format!("IsDefaultClass:\t{default}\n"));
    w.write(
        LEVEL_0,
        &format!(
            "Annotations:\t{}\n",
            format_labels(meta.annotations.as_ref())
        ),
    );
    w.write(LEVEL_0, &format!("Provisioner:\t{}\n", sc.provisioner));
    w.write(
        LEVEL_0,
        &format!("Parameters:\t{}\n", format_labels(sc.parameters.as_ref())),
    );
    let expansion = match sc.allow_volume_expansion {
        Some(true) => "True",
        Some(false) => "False",
        None => "<unset>",
    };
    w.write(LEVEL_0, &format!("AllowVolumeExpansion:\t{expansion}\n"));
    match sc.mount_options.as_ref().filter(|m| !m.is_empty()) {
        None => w.write(LEVEL_0, "MountOptions:\t<none>\n"),
        Some(opts) => {
            w.write(LEVEL_0, "MountOptions:\n");
            for o in opts {
                w.write(LEVEL_1, &format!("{o}\n"));
            }
        }
    }
    if let Some(p) = &sc.reclaim_policy {
        w.write(LEVEL_0, &format!("ReclaimPolicy:\t{p}\n"));
    }
    if let Some(m) = &sc.volume_binding_mode {
        w.write(LEVEL_0, &format!("VolumeBindingMode:\t{m}\n"));
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}
