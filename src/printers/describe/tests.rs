//! The reference's describe samples (kubectl-output.md §6.1–6.3) rebuilt from objects and
//! compared byte for byte, plus the smaller rules (events, tolerations, QoS).

use super::*;
use crate::api::time::EPOCH_MS;
use crate::printers::table::fixtures::{map, t};
use k8s_openapi::api::apps::v1::{
    RollingUpdateStatefulSetStrategy, StatefulSet, StatefulSetSpec, StatefulSetStatus,
    StatefulSetUpdateStrategy,
};
use k8s_openapi::api::core::v1::{
    ConfigMapProjection, Container, ContainerPort, ContainerState, ContainerStateRunning,
    ContainerStatus, DownwardAPIProjection, Event, EventSource, ObjectReference,
    PersistentVolumeClaim, PersistentVolumeClaimSpec, PersistentVolumeClaimStatus,
    PersistentVolumeClaimVolumeSource, Pod, PodCondition, PodIP, PodSpec, PodStatus,
    PodTemplateSpec, ProjectedVolumeSource, ResourceRequirements, ServiceAccountTokenProjection,
    Toleration, Volume, VolumeMount, VolumeProjection, VolumeResourceRequirements,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, OwnerReference};

/// 10:15:02, when the StatefulSet was created in the samples.
const CREATED: Millis = EPOCH_MS + 15 * 60_000 + 2_000;
/// Five minutes and a bit later.
const NOW: Millis = CREATED + 301_000;

fn meta(name: &str) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.into()),
        namespace: Some("default".into()),
        uid: Some(format!("uid-{name}")),
        creation_timestamp: Some(t(CREATED)),
        ..Default::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    n: usize,
    kind: &str,
    obj: &str,
    type_: &str,
    reason: &str,
    from: &str,
    msg: &str,
    at: Millis,
) -> Object {
    Event {
        metadata: meta(&format!("{obj}.{n}")),
        involved_object: ObjectReference {
            kind: Some(kind.into()),
            name: Some(obj.into()),
            namespace: Some("default".into()),
            uid: Some(format!("uid-{obj}")),
            ..Default::default()
        },
        type_: Some(type_.into()),
        reason: Some(reason.into()),
        message: Some(msg.into()),
        first_timestamp: Some(t(at)),
        last_timestamp: Some(t(at)),
        count: Some(1),
        source: Some(EventSource {
            component: Some(from.into()),
            host: None,
        }),
        ..Default::default()
    }
    .into()
}

fn owned_by_web() -> Option<Vec<OwnerReference>> {
    Some(vec![OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: "web".into(),
        uid: "uid-web".into(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }])
}

fn nginx_container(mounts: Vec<VolumeMount>) -> Container {
    Container {
        name: "nginx".into(),
        image: Some("registry.k8s.io/nginx-slim:0.24".into()),
        ports: Some(vec![ContainerPort {
            container_port: 80,
            name: Some("web".into()),
            protocol: Some("TCP".into()),
            ..Default::default()
        }]),
        volume_mounts: Some(mounts),
        ..Default::default()
    }
}

fn mount(name: &str, path: &str, ro: bool) -> VolumeMount {
    VolumeMount {
        name: name.into(),
        mount_path: path.into(),
        read_only: ro.then_some(true),
        ..Default::default()
    }
}

fn web_pod(name: &str) -> Pod {
    let mut m = meta(name);
    m.labels = Some(map(&[
        ("app", "nginx"),
        ("apps.kubernetes.io/pod-index", "0"),
        ("controller-revision-hash", "web-6bc7f5d4b8"),
        ("statefulset.kubernetes.io/pod-name", name),
    ]));
    m.owner_references = owned_by_web();
    let toleration = |key: &str| Toleration {
        key: Some(key.into()),
        operator: Some("Exists".into()),
        effect: Some("NoExecute".into()),
        toleration_seconds: Some(300),
        value: None,
    };
    Pod {
        metadata: m,
        spec: Some(PodSpec {
            priority: Some(0),
            service_account_name: Some("default".into()),
            node_name: Some("node-1".into()),
            containers: vec![nginx_container(vec![
                mount(
                    "kube-api-access-7xk2p",
                    "/var/run/secrets/kubernetes.io/serviceaccount",
                    true,
                ),
                mount("www", "/usr/share/nginx/html", false),
            ])],
            volumes: Some(vec![
                Volume {
                    name: "www".into(),
                    persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                        claim_name: format!("www-{name}"),
                        read_only: None,
                    }),
                    ..Default::default()
                },
                Volume {
                    name: "kube-api-access-7xk2p".into(),
                    projected: Some(ProjectedVolumeSource {
                        default_mode: Some(420),
                        sources: Some(vec![
                            VolumeProjection {
                                service_account_token: Some(ServiceAccountTokenProjection {
                                    expiration_seconds: Some(3607),
                                    path: "token".into(),
                                    audience: None,
                                }),
                                ..Default::default()
                            },
                            VolumeProjection {
                                config_map: Some(ConfigMapProjection {
                                    name: "kube-root-ca.crt".into(),
                                    ..Default::default()
                                }),
                                ..Default::default()
                            },
                            VolumeProjection {
                                downward_api: Some(DownwardAPIProjection::default()),
                                ..Default::default()
                            },
                        ]),
                    }),
                    ..Default::default()
                },
            ]),
            tolerations: Some(vec![
                toleration("node.kubernetes.io/unreachable"),
                toleration("node.kubernetes.io/not-ready"),
            ]),
            ..Default::default()
        }),
        status: Some(PodStatus {
            phase: Some("Running".into()),
            host_ip: Some("172.18.0.2".into()),
            pod_ip: Some("10.244.0.5".into()),
            pod_ips: Some(vec![PodIP {
                ip: "10.244.0.5".into(),
            }]),
            start_time: Some(t(CREATED + 1_000)),
            conditions: Some(
                [
                    "PodReadyToStartContainers",
                    "Initialized",
                    "Ready",
                    "ContainersReady",
                    "PodScheduled",
                ]
                .iter()
                .map(|c| PodCondition {
                    type_: c.to_string(),
                    status: "True".into(),
                    ..Default::default()
                })
                .collect(),
            ),
            container_statuses: Some(vec![ContainerStatus {
                name: "nginx".into(),
                container_id: Some("containerd://3f1c0c9d2b7e".into()),
                image: "registry.k8s.io/nginx-slim:0.24".into(),
                image_id: "registry.k8s.io/nginx-slim@sha256:0123abcd".into(),
                ready: true,
                restart_count: 0,
                started: Some(true),
                state: Some(ContainerState {
                    running: Some(ContainerStateRunning {
                        started_at: Some(t(CREATED + 7_000)),
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        }),
    }
}

#[test]
fn pod_sample() {
    let pod = web_pod("web-0");
    let mut store = Store::new();
    let img = "\"registry.k8s.io/nginx-slim:0.24\"";
    for (i, (reason, from, msg, ago)) in [
        ("Scheduled", "default-scheduler", "Successfully assigned default/web-0 to node-1".to_string(), 300),
        ("Pulling", "kubelet", format!("Pulling image {img}"), 300),
        ("Pulled", "kubelet", format!("Successfully pulled image {img} in 2.512s (2.512s including waiting). Image size: 8551207 bytes."), 297),
        ("Created", "kubelet", "Created container: nginx".to_string(), 297),
        ("Started", "kubelet", "Started container nginx".to_string(), 297),
    ]
    .into_iter()
    .enumerate()
    {
        store.put(event(i, "Pod", "web-0", "Normal", reason, from, &msg, NOW - ago * 1000), 0);
    }
    // An event about another object must not show up.
    store.put(
        event(
            9,
            "Pod",
            "web-1",
            "Normal",
            "Scheduled",
            "default-scheduler",
            "x",
            NOW,
        ),
        0,
    );
    let out = describe(&pod.clone().into(), &store, NOW);
    assert_eq!(
        out,
        r#"Name:             web-0
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/172.18.0.2
Start Time:       Mon, 03 Mar 2025 10:15:03 +0000
Labels:           app=nginx
                  apps.kubernetes.io/pod-index=0
                  controller-revision-hash=web-6bc7f5d4b8
                  statefulset.kubernetes.io/pod-name=web-0
Annotations:      <none>
Status:           Running
IP:               10.244.0.5
IPs:
  IP:           10.244.0.5
Controlled By:  StatefulSet/web
Containers:
  nginx:
    Container ID:   containerd://3f1c0c9d2b7e
    Image:          registry.k8s.io/nginx-slim:0.24
    Image ID:       registry.k8s.io/nginx-slim@sha256:0123abcd
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 03 Mar 2025 10:15:09 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  www:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  www-web-0
    ReadOnly:   false
  kube-api-access-7xk2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  5m     default-scheduler  Successfully assigned default/web-0 to node-1
  Normal  Pulling    5m     kubelet            Pulling image "registry.k8s.io/nginx-slim:0.24"
  Normal  Pulled     4m57s  kubelet            Successfully pulled image "registry.k8s.io/nginx-slim:0.24" in 2.512s (2.512s including waiting). Image size: 8551207 bytes.
  Normal  Created    4m57s  kubelet            Created container: nginx
  Normal  Started    4m57s  kubelet            Started container nginx
"#
    );
}

fn web_sts() -> StatefulSet {
    StatefulSet {
        metadata: meta("web"),
        spec: Some(StatefulSetSpec {
            replicas: Some(2),
            selector: LabelSelector {
                match_labels: Some(map(&[("app", "nginx")])),
                match_expressions: None,
            },
            service_name: Some("nginx".into()),
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(map(&[("app", "nginx")])),
                    ..Default::default()
                }),
                spec: Some(PodSpec {
                    containers: vec![nginx_container(vec![mount(
                        "www",
                        "/usr/share/nginx/html",
                        false,
                    )])],
                    ..Default::default()
                }),
            },
            update_strategy: Some(StatefulSetUpdateStrategy {
                type_: Some("RollingUpdate".into()),
                rolling_update: Some(RollingUpdateStatefulSetStrategy {
                    partition: Some(0),
                    max_unavailable: None,
                }),
            }),
            volume_claim_templates: Some(vec![PersistentVolumeClaim {
                metadata: ObjectMeta {
                    name: Some("www".into()),
                    ..Default::default()
                },
                spec: Some(PersistentVolumeClaimSpec {
                    access_modes: Some(vec!["ReadWriteOnce".into()]),
                    resources: Some(VolumeResourceRequirements {
                        requests: Some([("storage".to_string(), Quantity("1Gi".into()))].into()),
                        limits: None,
                    }),
                    ..Default::default()
                }),
                status: None,
            }]),
            ..Default::default()
        }),
        status: Some(StatefulSetStatus {
            replicas: 2,
            ready_replicas: Some(2),
            ..Default::default()
        }),
    }
}

#[test]
fn statefulset_sample() {
    let sts: Object = web_sts().into();
    let mut store = Store::new();
    store.put(sts.clone(), 0);
    store.put(web_pod("web-0").into(), 0);
    store.put(web_pod("web-1").into(), 0);
    // Matches the selector but is not owned by the set: not counted.
    let mut orphan = web_pod("orphan");
    orphan.metadata.owner_references = None;
    store.put(orphan.into(), 0);
    for (i, (msg, ago)) in [
        (
            "create Claim www-web-0 Pod web-0 in StatefulSet web success",
            300,
        ),
        ("create Pod web-0 in StatefulSet web successful", 300),
        (
            "create Claim www-web-1 Pod web-1 in StatefulSet web success",
            290,
        ),
        ("create Pod web-1 in StatefulSet web successful", 290),
    ]
    .into_iter()
    .enumerate()
    {
        let e = event(
            i,
            "StatefulSet",
            "web",
            "Normal",
            "SuccessfulCreate",
            "statefulset-controller",
            msg,
            NOW - ago * 1000,
        );
        store.put(e, 0);
    }
    assert_eq!(
        describe(&sts, &store, NOW),
        r#"Name:               web
Namespace:          default
CreationTimestamp:  Mon, 03 Mar 2025 10:15:02 +0000
Selector:           app=nginx
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:        registry.k8s.io/nginx-slim:0.24
    Port:         80/TCP
    Host Port:    0/TCP
    Environment:  <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          www
  StorageClass:  
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age    From                    Message
  ----    ------            ----   ----                    -------
  Normal  SuccessfulCreate  5m     statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
  Normal  SuccessfulCreate  5m     statefulset-controller  create Pod web-0 in StatefulSet web successful
  Normal  SuccessfulCreate  4m50s  statefulset-controller  create Claim www-web-1 Pod web-1 in StatefulSet web success
  Normal  SuccessfulCreate  4m50s  statefulset-controller  create Pod web-1 in StatefulSet web successful
"#
    );
}

const VOLUME: &str = "pvc-2ff2a4c8-9b13-4f0a-8d0e-1c7c0d1e2f30";

fn bound_claim() -> PersistentVolumeClaim {
    let mut m = meta("www-web-0");
    m.labels = Some(map(&[("app", "nginx")]));
    m.annotations = Some(map(&[
        ("pv.kubernetes.io/bind-completed", "yes"),
        ("pv.kubernetes.io/bound-by-controller", "yes"),
        (
            "volume.beta.kubernetes.io/storage-provisioner",
            "rancher.io/local-path",
        ),
        ("volume.kubernetes.io/selected-node", "node-1"),
        (
            "volume.kubernetes.io/storage-provisioner",
            "rancher.io/local-path",
        ),
        ("kubectl.kubernetes.io/last-applied-configuration", "{}"),
    ]));
    m.finalizers = Some(vec!["kubernetes.io/pvc-protection".into()]);
    PersistentVolumeClaim {
        metadata: m,
        spec: Some(PersistentVolumeClaimSpec {
            access_modes: Some(vec!["ReadWriteOnce".into()]),
            storage_class_name: Some("standard".into()),
            volume_mode: Some("Filesystem".into()),
            volume_name: Some(VOLUME.into()),
            resources: Some(VolumeResourceRequirements {
                requests: Some([("storage".to_string(), Quantity("1Gi".into()))].into()),
                limits: None,
            }),
            ..Default::default()
        }),
        status: Some(PersistentVolumeClaimStatus {
            phase: Some("Bound".into()),
            access_modes: Some(vec!["ReadWriteOnce".into()]),
            capacity: Some([("storage".to_string(), Quantity("1Gi".into()))].into()),
            ..Default::default()
        }),
    }
}

#[test]
fn pvc_sample() {
    let pvc: Object = bound_claim().into();
    let mut store = Store::new();
    store.put(pvc.clone(), 0);
    store.put(web_pod("web-0").into(), 0);
    store.put(web_pod("web-1").into(), 0);
    let provisioner = "rancher.io/local-path_local-path-provisioner-7577fdbbfb-xk2lp_0c6e";
    for (i, (reason, from, msg, ago)) in [
        ("WaitForFirstConsumer", "persistentvolume-controller", "waiting for first consumer to be created before binding".to_string(), 300),
        ("ExternalProvisioning", "persistentvolume-controller", "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.".to_string(), 300),
        ("Provisioning", provisioner, "External provisioner is provisioning volume for claim \"default/www-web-0\"".to_string(), 300),
        ("ProvisioningSucceeded", provisioner, format!("Successfully provisioned volume {VOLUME}"), 298),
    ]
    .into_iter()
    .enumerate()
    {
        let e = event(i, "PersistentVolumeClaim", "www-web-0", "Normal", reason, from, &msg, NOW - ago * 1000);
        store.put(e, 0);
    }
    assert_eq!(
        describe(&pvc, &store, NOW),
        r#"Name:          www-web-0
Namespace:     default
StorageClass:  standard
Status:        Bound
Volume:        pvc-2ff2a4c8-9b13-4f0a-8d0e-1c7c0d1e2f30
Labels:        app=nginx
Annotations:   pv.kubernetes.io/bind-completed: yes
               pv.kubernetes.io/bound-by-controller: yes
               volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path
               volume.kubernetes.io/selected-node: node-1
               volume.kubernetes.io/storage-provisioner: rancher.io/local-path
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      1Gi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       web-0
Events:
  Type    Reason                 Age    From                                                                Message
  ----    ------                 ----   ----                                                                -------
  Normal  WaitForFirstConsumer   5m     persistentvolume-controller                                         waiting for first consumer to be created before binding
  Normal  ExternalProvisioning   5m     persistentvolume-controller                                         Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
  Normal  Provisioning           5m     rancher.io/local-path_local-path-provisioner-7577fdbbfb-xk2lp_0c6e  External provisioner is provisioning volume for claim "default/www-web-0"
  Normal  ProvisioningSucceeded  4m58s  rancher.io/local-path_local-path-provisioner-7577fdbbfb-xk2lp_0c6e  Successfully provisioned volume pvc-2ff2a4c8-9b13-4f0a-8d0e-1c7c0d1e2f30
"#
    );
}

#[test]
fn no_events_aligns_with_the_block_above_and_repeats_show_counts() {
    let mut pending = bound_claim();
    pending.spec.as_mut().unwrap().volume_name = None;
    pending.status = Some(PersistentVolumeClaimStatus {
        phase: Some("Pending".into()),
        ..Default::default()
    });
    pending.metadata.annotations = None;
    pending.metadata.labels = None;
    let obj: Object = pending.into();
    let store = Store::new();
    assert_eq!(
        describe(&obj, &store, NOW),
        "Name:          www-web-0\nNamespace:     default\nStorageClass:  standard\nStatus:        Pending\nVolume:        \nLabels:        <none>\nAnnotations:   <none>\nFinalizers:    [kubernetes.io/pvc-protection]\nCapacity:      \nAccess Modes:  \nVolumeMode:    Filesystem\nUsed By:       <none>\nEvents:        <none>\n"
    );

    let mut store = Store::new();
    let mut e = event(
        0,
        "PersistentVolumeClaim",
        "www-web-0",
        "Warning",
        "ProvisioningFailed",
        "persistentvolume-controller",
        "boom",
        NOW - 7_000,
    );
    if let Object::Event(ev) = &mut e {
        ev.count = Some(4);
        ev.first_timestamp = Some(t(NOW - 22_000));
    }
    store.put(e, 0);
    let out = describe(&obj, &store, NOW);
    assert!(
        out.ends_with(
            "  Warning  ProvisioningFailed  7s (x4 over 22s)  persistentvolume-controller  boom\n"
        ),
        "{out}"
    );
}

#[test]
fn qos_classes() {
    let mut pod = web_pod("p");
    assert_eq!(qos_class(&pod), "BestEffort");
    let res = |req: &[(&str, &str)], lim: &[(&str, &str)]| {
        let q = |l: &[(&str, &str)]| {
            Some(
                l.iter()
                    .map(|(k, v)| (k.to_string(), Quantity(v.to_string())))
                    .collect(),
            )
        };
        Some(ResourceRequirements {
            requests: q(req),
            limits: q(lim),
            claims: None,
        })
    };
    let c = &mut pod.spec.as_mut().unwrap().containers[0];
    c.resources = res(&[("cpu", "100m")], &[]);
    assert_eq!(qos_class(&pod), "Burstable");
    let c = &mut pod.spec.as_mut().unwrap().containers[0];
    c.resources = res(
        &[("cpu", "500m"), ("memory", "128Mi")],
        &[("cpu", "0.5"), ("memory", "128Mi")],
    );
    assert_eq!(qos_class(&pod), "Guaranteed");
    let c = &mut pod.spec.as_mut().unwrap().containers[0];
    c.resources = res(
        &[("cpu", "250m"), ("memory", "128Mi")],
        &[("cpu", "500m"), ("memory", "128Mi")],
    );
    assert_eq!(qos_class(&pod), "Burstable");
    pod.status.as_mut().unwrap().qos_class = Some("Guaranteed".into());
    assert_eq!(qos_class(&pod), "Guaranteed");
}

#[test]
fn terminating_pod_status_line() {
    let mut pod = web_pod("web-0");
    pod.metadata.deletion_timestamp = Some(t(NOW - 12_000));
    pod.metadata.deletion_grace_period_seconds = Some(30);
    let out = describe(&pod.into(), &Store::new(), NOW);
    assert!(out.contains("\nStatus:                    Terminating (lasts 12s)\nTermination Grace Period:  30s\n"), "{out}");
}
