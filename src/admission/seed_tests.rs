//! End-to-end checks of the admission pipeline on the seed-004 StatefulSet
//! (`/work/shared/seeds/004_be8dd8ebe41782c8.txt`) and on a pod its controller would
//! create. Expected objects follow the v1.32 defaulters read upstream
//! (`pkg/apis/apps/v1/defaults.go`, `pkg/apis/core/v1/defaults.go`,
//! `zz_generated.defaults.go`) and the reference `cluster-behaviour.md` §4; two
//! fields a real `-o yaml` also shows, `creationTimestamp: null` in the templates'
//! metadata, cannot be carried by k8s-openapi and are the printer's concern.

use super::{default_object, mutate, validate_create, AdmissionContext};
use crate::api::{ApiError, Kind, Object};
use crate::store::Store;
use serde_json::json;

fn seed_statefulset() -> Object {
    let v = json!({
        "apiVersion": "apps/v1", "kind": "StatefulSet",
        "metadata": {"name": "web-stateful-set", "namespace": "default"},
        "spec": {
            "serviceName": "nginx-headerless-service",
            "replicas": 3,
            "selector": {"matchLabels": {"app": "nginx"}},
            "template": {
                "metadata": {"labels": {"app": "nginx"}},
                "spec": {"containers": [{
                    "name": "nginx", "image": "nginx:1.25",
                    "ports": [{"containerPort": 80}],
                    "volumeMounts": [{"name": "www", "mountPath": "/usr/share/nginx/html"}]
                }]}
            },
            "volumeClaimTemplates": [{
                "metadata": {"name": "www"},
                "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}
            }]
        }
    });
    Object::from_json_lenient(Kind::StatefulSet, v).unwrap()
}

#[test]
fn seed_statefulset_defaults_like_a_v1_32_apiserver() {
    let mut obj = seed_statefulset();
    default_object(&mut obj);
    let got = obj.to_json();
    let want_spec = json!({
        "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
        "podManagementPolicy": "OrderedReady",
        "replicas": 3,
        "revisionHistoryLimit": 10,
        "selector": {"matchLabels": {"app": "nginx"}},
        "serviceName": "nginx-headerless-service",
        "template": {
            "metadata": {"labels": {"app": "nginx"}},
            "spec": {
                "containers": [{
                    "image": "nginx:1.25",
                    "imagePullPolicy": "IfNotPresent",
                    "name": "nginx",
                    "ports": [{"containerPort": 80, "protocol": "TCP"}],
                    "resources": {},
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File",
                    "volumeMounts": [{"mountPath": "/usr/share/nginx/html", "name": "www"}]
                }],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "terminationGracePeriodSeconds": 30
            }
        },
        "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"},
        "volumeClaimTemplates": [{
            "apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": "www"},
            "spec": {
                "accessModes": ["ReadWriteOnce"],
                "resources": {"requests": {"storage": "1Gi"}},
                "volumeMode": "Filesystem"
            },
            "status": {"phase": "Pending"}
        }]
    });
    assert_eq!(got["spec"], want_spec);
    assert_eq!(
        got["status"],
        json!({"availableReplicas": 0, "replicas": 0})
    );
    // Naming a Service that does not exist is fine: serviceName is not checked.
    assert_eq!(validate_create(&obj), vec![]);
}

#[test]
fn explicit_rolling_update_type_gets_no_partition_block() {
    let mut obj = seed_statefulset();
    if let Object::StatefulSet(s) = &mut obj {
        s.spec.as_mut().unwrap().update_strategy =
            Some(serde_json::from_value(json!({"type": "RollingUpdate"})).unwrap());
    }
    default_object(&mut obj);
    assert_eq!(
        obj.to_json()["spec"]["updateStrategy"],
        json!({"type": "RollingUpdate"})
    );
}

/// The pod the StatefulSet controller would create for ordinal 0 of a set whose
/// template mounts `data` but whose claim template is named `www`.
fn controller_pod(mount: &str) -> Object {
    Object::from_json_lenient(
        Kind::Pod,
        json!({
            "metadata": {"name": "web-0", "namespace": "default", "labels": {"app": "nginx"}},
            "spec": {
                "hostname": "web-0", "subdomain": "nginx",
                "containers": [{"name": "nginx", "image": "nginx:1.25",
                    "volumeMounts": [{"name": mount, "mountPath": "/usr/share/nginx/html"}]}],
                "volumes": [{"name": "www", "persistentVolumeClaim": {"claimName": "www-web-0"}}]
            }
        }),
    )
    .unwrap()
}

#[test]
fn pod_with_unknown_mount_fails_like_the_failed_create_event() {
    let store = Store::new();
    let mut pod = controller_pod("data");
    default_object(&mut pod);
    mutate(
        &mut pod,
        &AdmissionContext {
            store: &store,
            suffix: "x7k2p".into(),
        },
    )
    .unwrap();
    let errs = validate_create(&pod);
    assert_eq!(
        ApiError::invalid(Kind::Pod, "web-0", errs).message,
        "Pod \"web-0\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"data\""
    );
}

#[test]
fn admitted_pod_carries_the_plugin_fields() {
    let store = Store::new();
    let mut pod = controller_pod("www");
    default_object(&mut pod);
    mutate(
        &mut pod,
        &AdmissionContext {
            store: &store,
            suffix: "x7k2p".into(),
        },
    )
    .unwrap();
    assert_eq!(validate_create(&pod), vec![]);
    let spec = pod.to_json()["spec"].clone();
    assert_eq!(spec["serviceAccountName"], "default");
    assert_eq!(spec["serviceAccount"], "default");
    assert_eq!(spec["enableServiceLinks"], true);
    assert_eq!(spec["priority"], 0);
    assert_eq!(spec["preemptionPolicy"], "PreemptLowerPriority");
    assert_eq!(
        spec["tolerations"],
        json!([
            {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
            {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300}
        ])
    );
    assert_eq!(
        spec["containers"][0]["volumeMounts"][1],
        json!({"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": "kube-api-access-x7k2p", "readOnly": true})
    );
    assert_eq!(
        spec["volumes"][1],
        json!({"name": "kube-api-access-x7k2p", "projected": {"defaultMode": 420, "sources": [
            {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
            {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
            {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}, "path": "namespace"}]}}
        ]}})
    );
    assert_eq!(
        pod.to_json()["status"],
        json!({"phase": "Pending", "qosClass": "BestEffort"})
    );
}

#[test]
fn pvc_gets_default_class_and_protection_finalizer() {
    let mut store = Store::new();
    let sc = Object::from_json_lenient(
        Kind::StorageClass,
        json!({"metadata": {"name": "standard",
            "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
            "provisioner": "rancher.io/local-path"}),
    )
    .unwrap();
    store.put(sc, 0);
    let ctx = AdmissionContext {
        store: &store,
        suffix: "abcde".into(),
    };
    let mut pvc = Object::from_json_lenient(
        Kind::PersistentVolumeClaim,
        json!({"metadata": {"name": "www-web-0", "namespace": "default"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}),
    )
    .unwrap();
    default_object(&mut pvc);
    mutate(&mut pvc, &ctx).unwrap();
    let j = pvc.to_json();
    assert_eq!(j["spec"]["storageClassName"], "standard");
    assert_eq!(
        j["metadata"]["finalizers"],
        json!(["kubernetes.io/pvc-protection"])
    );

    let mut explicit_empty = Object::from_json_lenient(
        Kind::PersistentVolumeClaim,
        json!({"metadata": {"name": "p", "namespace": "default"},
            "spec": {"storageClassName": "", "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}),
    )
    .unwrap();
    mutate(&mut explicit_empty, &ctx).unwrap();
    assert_eq!(explicit_empty.to_json()["spec"]["storageClassName"], "");
}

#[test]
fn missing_namespace_and_service_account_are_refused() {
    let store = Store::new();
    let ctx = AdmissionContext {
        store: &store,
        suffix: "abcde".into(),
    };
    let mut pod = controller_pod("www");
    if let Object::Pod(p) = &mut pod {
        p.metadata.namespace = Some("team-a".into());
    }
    assert_eq!(
        mutate(&mut pod, &ctx).unwrap_err().message,
        "namespaces \"team-a\" not found"
    );
    let mut pod = controller_pod("www");
    if let Object::Pod(p) = &mut pod {
        p.spec.as_mut().unwrap().service_account_name = Some("builder".into());
    }
    assert_eq!(
        mutate(&mut pod, &ctx).unwrap_err().message,
        "pods \"web-0\" is forbidden: error looking up service account default/builder: serviceaccount \"builder\" not found"
    );
}
