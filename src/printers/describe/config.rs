//! Describers of configuration objects: ConfigMap (data shown in full), Secret (sizes
//! only), ServiceAccount, and the generic describer for kinds kubectl has no dedicated
//! describer for (name, namespace, labels, annotations, events).

use super::events::describe_events;
use super::fields;
use super::writer::{DescribeWriter, LEVEL_0};
use crate::api::time::Millis;
use crate::api::Object;
use crate::store::Store;
use k8s_openapi::api::core::v1::{ConfigMap, Secret, ServiceAccount};

fn header(w: &mut DescribeWriter, obj: &Object) {
    w.write(LEVEL_0, &format!("Name:\t{}\n", obj.name()));
    w.write(LEVEL_0, &format!("Namespace:\t{}\n", obj.namespace()));
    fields::labels(w, "", "Labels", obj.meta().labels.as_ref());
    fields::annotations(w, "Annotations", obj.meta().annotations.as_ref());
}

pub(crate) fn describe_configmap(
    obj: &Object,
    cm: &ConfigMap,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    header(&mut w, obj);
    w.write(LEVEL_0, "\nData\n====\n");
    for (k, v) in cm.data.iter().flatten() {
        w.write(LEVEL_0, &format!("{k}:\n----\n{v}\n\n"));
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    for (k, v) in cm.binary_data.iter().flatten() {
        w.write(LEVEL_0, &format!("{k}: {} bytes\n", v.0.len()));
    }
    w.write(LEVEL_0, "\n");
    describe_events(&mut w, obj, store, now);
    w.finish()
}

pub(crate) fn describe_secret(obj: &Object, s: &Secret) -> String {
    let mut w = DescribeWriter::new();
    header(&mut w, obj);
    let type_ = s.type_.as_deref().unwrap_or("Opaque");
    w.write(LEVEL_0, &format!("\nType:\t{type_}\n"));
    w.write(LEVEL_0, "\nData\n====\n");
    for (k, v) in s.data.iter().flatten() {
        if k == "token" && type_ == "kubernetes.io/service-account-token" {
            w.write(
                LEVEL_0,
                &format!("{k}:\t{}\n", String::from_utf8_lossy(&v.0)),
            );
        } else {
            w.write(LEVEL_0, &format!("{k}:\t{} bytes\n", v.0.len()));
        }
    }
    w.finish()
}

pub(crate) fn describe_serviceaccount(
    obj: &Object,
    sa: &ServiceAccount,
    store: &Store,
    now: Millis,
) -> String {
    let mut w = DescribeWriter::new();
    header(&mut w, obj);
    let pulls: Vec<String> = sa
        .image_pull_secrets
        .iter()
        .flatten()
        .map(|s| s.name.clone())
        .collect();
    let mounts: Vec<String> = sa
        .secrets
        .iter()
        .flatten()
        .map(|s| s.name.clone().unwrap_or_default())
        .collect();
    // Sorted by header text, as upstream iterates a sorted key set.
    for (title, names) in [
        ("Image pull secrets:", pulls),
        ("Mountable secrets: ", mounts),
        ("Tokens:            ", Vec::new()),
    ] {
        if names.is_empty() {
            w.write(LEVEL_0, &format!("{title}\t<none>\n"));
        }
        for (i, name) in names.iter().enumerate() {
            let prefix = if i == 0 { title } else { "                   " };
            w.write(LEVEL_0, &format!("{prefix}\t{name}\n"));
        }
    }
    describe_events(&mut w, obj, store, now);
    w.finish()
}

/// The generic describer (ControllerRevision, EndpointSlice, Event): identity and events.
pub(crate) fn describe_generic(obj: &Object, store: &Store, now: Millis) -> String {
    let mut w = DescribeWriter::new();
    header(&mut w, obj);
    describe_events(&mut w, obj, store, now);
    w.finish()
}
