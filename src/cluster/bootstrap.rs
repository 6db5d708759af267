//! A fresh cluster as `kind create cluster` leaves it (a control plane and workers):
//! namespaces, nodes with their pod CIDRs, the `standard` StorageClass, the `kubernetes`
//! and `kube-dns` Services, and the system pods (static control-plane pods, kube-proxy and
//! kindnet on every node, CoreDNS and the local-path provisioner as Deployments), all
//! created through the API and brought up by the same loops that run learners' pods.

use super::{Cluster, ClusterConfig};
use crate::api::time::{to_time, Millis};
use crate::api::Object;
use k8s_openapi::api::apps::v1::{Deployment, DeploymentSpec};
use k8s_openapi::api::core::v1::{
    Container, ContainerPort, Namespace, Node, NodeAddress, NodeCondition, NodeSpec, NodeStatus,
    NodeSystemInfo, Pod, PodSpec, PodTemplateSpec, Service, ServicePort, ServiceSpec, Taint,
    Toleration,
};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, OwnerReference};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::BTreeMap;

/// How long before the sandbox opens the cluster was created.
pub const CLUSTER_AGE_MS: Millis = 10 * 60 * 1000;
pub const KUBERNETES_VERSION: &str = "v1.32.2";
pub const CONTROL_PLANE: &str = "kind-control-plane";

fn labels(pairs: &[(&str, &str)]) -> Option<BTreeMap<String, String>> {
    Some(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn meta(name: &str, ns: Option<&str>) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.into()),
        namespace: ns.map(str::to_string),
        ..Default::default()
    }
}

/// Worker node names as kind gives them: kind-worker, kind-worker2, ...
pub fn worker_name(i: usize) -> String {
    if i == 0 {
        "kind-worker".into()
    } else {
        format!("kind-worker{}", i + 1)
    }
}

fn node(name: &str, index: usize, control_plane: bool, now: Millis) -> Node {
    let mut l = vec![
        ("beta.kubernetes.io/arch", "amd64"),
        ("beta.kubernetes.io/os", "linux"),
        ("kubernetes.io/arch", "amd64"),
        ("kubernetes.io/hostname", name),
        ("kubernetes.io/os", "linux"),
    ];
    if control_plane {
        l.push(("node-role.kubernetes.io/control-plane", ""));
        l.push((
            "node.kubernetes.io/exclude-from-external-load-balancers",
            "",
        ));
    }
    let cidr = format!("10.244.{index}.0/24");
    let condition = |t: &str, s: &str, reason: &str, msg: &str| NodeCondition {
        type_: t.into(),
        status: s.into(),
        reason: Some(reason.into()),
        message: Some(msg.into()),
        last_heartbeat_time: Some(to_time(now)),
        last_transition_time: Some(to_time(now)),
    };
    let resources = BTreeMap::from([
        ("cpu".to_string(), Quantity("8".into())),
        (
            "ephemeral-storage".to_string(),
            Quantity("263112772Ki".into()),
        ),
        ("hugepages-1Gi".to_string(), Quantity("0".into())),
        ("hugepages-2Mi".to_string(), Quantity("0".into())),
        ("memory".to_string(), Quantity("32827844Ki".into())),
        ("pods".to_string(), Quantity("110".into())),
    ]);
    Node {
        metadata: ObjectMeta {
            name: Some(name.into()),
            labels: labels(&l),
            annotations: labels(&[
                (
                    "kubeadm.alpha.kubernetes.io/cri-socket",
                    "unix:///run/containerd/containerd.sock",
                ),
                ("node.alpha.kubernetes.io/ttl", "0"),
                (
                    "volumes.kubernetes.io/controller-managed-attach-detach",
                    "true",
                ),
            ]),
            ..Default::default()
        },
        spec: Some(NodeSpec {
            pod_cidr: Some(cidr.clone()),
            pod_cidrs: Some(vec![cidr]),
            provider_id: Some(format!("kind://docker/kind/{name}")),
            taints: control_plane.then(|| {
                vec![Taint {
                    key: "node-role.kubernetes.io/control-plane".into(),
                    effect: "NoSchedule".into(),
                    value: None,
                    time_added: None,
                }]
            }),
            ..Default::default()
        }),
        status: Some(NodeStatus {
            addresses: Some(vec![
                NodeAddress {
                    type_: "InternalIP".into(),
                    address: format!("172.18.0.{}", index + 2),
                },
                NodeAddress {
                    type_: "Hostname".into(),
                    address: name.into(),
                },
            ]),
            allocatable: Some(resources.clone()),
            capacity: Some(resources),
            conditions: Some(vec![
                condition(
                    "MemoryPressure",
                    "False",
                    "KubeletHasSufficientMemory",
                    "kubelet has sufficient memory available",
                ),
                condition(
                    "DiskPressure",
                    "False",
                    "KubeletHasNoDiskPressure",
                    "kubelet has no disk pressure",
                ),
                condition(
                    "PIDPressure",
                    "False",
                    "KubeletHasSufficientPID",
                    "kubelet has sufficient PID available",
                ),
                condition(
                    "Ready",
                    "True",
                    "KubeletReady",
                    "kubelet is posting ready status",
                ),
            ]),
            node_info: Some(NodeSystemInfo {
                architecture: "amd64".into(),
                boot_id: format!("8f1c2d3e-4b5a-4c6d-8e7f-{:012x}", index + 1),
                container_runtime_version: "containerd://1.7.24".into(),
                kernel_version: "6.8.0-1021-gcp".into(),
                kube_proxy_version: KUBERNETES_VERSION.into(),
                kubelet_version: KUBERNETES_VERSION.into(),
                machine_id: format!("{:032x}", 0x5e1f_0000_0000_0000u64 + index as u64),
                operating_system: "linux".into(),
                os_image: "Debian GNU/Linux 12 (bookworm)".into(),
                system_uuid: format!("3b2a1c4d-5e6f-4a7b-8c9d-{:012x}", index + 1),
            }),
            ..Default::default()
        }),
    }
}

/// A fixed uid for the system DaemonSets (not drawn from the seeded ids, so that adding
/// them moved no other object's uid).
fn daemonset_uid(name: &str) -> String {
    let h = crate::cluster::ids::fnv32a(name.as_bytes());
    format!("{h:08x}-5d1e-4a7b-9c3d-{:012x}", u64::from(h) * 7919)
}

fn container(name: &str, image: &str) -> Container {
    Container {
        name: name.into(),
        image: Some(image.into()),
        ..Default::default()
    }
}

fn static_pod(
    name: &str,
    ns: &str,
    node: &str,
    image: &str,
    component: &str,
    host_network: bool,
) -> Pod {
    Pod {
        metadata: ObjectMeta {
            name: Some(name.into()),
            namespace: Some(ns.into()),
            labels: labels(&[("component", component), ("tier", "control-plane")]),
            ..Default::default()
        },
        spec: Some(PodSpec {
            containers: vec![container(component, image)],
            node_name: Some(node.into()),
            host_network: Some(host_network),
            priority_class_name: Some("system-node-critical".into()),
            tolerations: Some(vec![Toleration {
                operator: Some("Exists".into()),
                effect: Some("NoExecute".into()),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        status: None,
    }
}

fn system_deployment(
    name: &str,
    ns: &str,
    app_label: (&str, &str),
    image: &str,
    replicas: i32,
    port: Option<i32>,
) -> Deployment {
    let l = labels(&[app_label]);
    Deployment {
        metadata: ObjectMeta {
            name: Some(name.into()),
            namespace: Some(ns.into()),
            labels: l.clone(),
            ..Default::default()
        },
        spec: Some(DeploymentSpec {
            replicas: Some(replicas),
            selector: LabelSelector {
                match_labels: l.clone(),
                match_expressions: None,
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: l,
                    ..Default::default()
                }),
                spec: Some(PodSpec {
                    containers: vec![Container {
                        ports: port.map(|p| {
                            vec![ContainerPort {
                                container_port: p,
                                name: Some("dns".into()),
                                protocol: Some("UDP".into()),
                                ..Default::default()
                            }]
                        }),
                        ..container(name.split('-').next().unwrap_or(name), image)
                    }],
                    priority_class_name: Some("system-cluster-critical".into()),
                    node_selector: Some(BTreeMap::from([(
                        "kubernetes.io/os".to_string(),
                        "linux".to_string(),
                    )])),
                    tolerations: Some(vec![
                        Toleration {
                            key: Some("CriticalAddonsOnly".into()),
                            operator: Some("Exists".into()),
                            ..Default::default()
                        },
                        Toleration {
                            key: Some("node-role.kubernetes.io/control-plane".into()),
                            effect: Some("NoSchedule".into()),
                            ..Default::default()
                        },
                    ]),
                    ..Default::default()
                }),
            },
            ..Default::default()
        }),
        status: None,
    }
}

/// Create everything a new kind cluster has. The clock stands at cluster creation.
pub fn bootstrap(cluster: &mut Cluster, config: &ClusterConfig) {
    let now = cluster.api.now;
    let api = &mut cluster.api;
    let create = |api: &mut crate::apiserver::ApiServer, o: Object| {
        if let Err(e) = api.create(o) {
            panic!("bootstrap object rejected: {}", e.message);
        }
    };
    for ns in [
        "default",
        "kube-node-lease",
        "kube-public",
        "kube-system",
        "local-path-storage",
    ] {
        create(
            api,
            Object::from(Namespace {
                metadata: meta(ns, None),
                ..Default::default()
            }),
        );
    }
    let mut node_names = vec![CONTROL_PLANE.to_string()];
    create(api, Object::from(node(CONTROL_PLANE, 0, true, now)));
    for i in 0..config.workers {
        let name = worker_name(i);
        create(api, Object::from(node(&name, i + 1, false, now)));
        node_names.push(name);
    }
    create(
        api,
        Object::from(StorageClass {
            metadata: ObjectMeta {
                name: Some("standard".into()),
                annotations: labels(&[("storageclass.kubernetes.io/is-default-class", "true")]),
                ..Default::default()
            },
            provisioner: "rancher.io/local-path".into(),
            reclaim_policy: Some("Delete".into()),
            volume_binding_mode: Some("WaitForFirstConsumer".into()),
            ..Default::default()
        }),
    );
    let svc = |name: &str,
               ns: &str,
               ip: &str,
               ports: Vec<ServicePort>,
               selector: Option<BTreeMap<String, String>>,
               l: Option<BTreeMap<String, String>>| {
        Object::from(Service {
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some(ns.into()),
                labels: l,
                ..Default::default()
            },
            spec: Some(ServiceSpec {
                cluster_ip: Some(ip.into()),
                ports: Some(ports),
                selector,
                ..Default::default()
            }),
            status: None,
        })
    };
    let port = |name: &str, p: i32, target: i32, proto: &str| ServicePort {
        name: Some(name.into()),
        port: p,
        target_port: Some(IntOrString::Int(target)),
        protocol: Some(proto.into()),
        ..Default::default()
    };
    create(
        api,
        svc(
            "kubernetes",
            "default",
            "10.96.0.1",
            vec![port("https", 443, 6443, "TCP")],
            None,
            labels(&[("component", "apiserver"), ("provider", "kubernetes")]),
        ),
    );
    create(
        api,
        svc(
            "kube-dns",
            "kube-system",
            "10.96.0.10",
            vec![
                port("dns", 53, 53, "UDP"),
                port("dns-tcp", 53, 53, "TCP"),
                port("metrics", 9153, 9153, "TCP"),
            ],
            labels(&[("k8s-app", "kube-dns")]),
            labels(&[
                ("k8s-app", "kube-dns"),
                ("kubernetes.io/cluster-service", "true"),
                ("kubernetes.io/name", "CoreDNS"),
            ]),
        ),
    );
    let cp = CONTROL_PLANE;
    for (component, image) in [
        ("etcd", "registry.k8s.io/etcd:3.5.16-0"),
        ("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.32.2"),
        (
            "kube-controller-manager",
            "registry.k8s.io/kube-controller-manager:v1.32.2",
        ),
        ("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.32.2"),
    ] {
        cluster.controllers.kubelet.preload_image(cp, image);
        create(
            &mut cluster.api,
            Object::from(static_pod(
                &format!("{component}-{cp}"),
                "kube-system",
                cp,
                image,
                component,
                true,
            )),
        );
    }
    for n in &node_names {
        for (prefix, image) in [
            ("kindnet", "docker.io/kindest/kindnetd:v20250214-acbabc1a"),
            ("kube-proxy", "registry.k8s.io/kube-proxy:v1.32.2"),
        ] {
            cluster.controllers.kubelet.preload_image(n, image);
            let mut pod = static_pod("", "kube-system", n, image, prefix, true);
            pod.metadata.name = None;
            pod.metadata.generate_name = Some(format!("{prefix}-"));
            pod.metadata.labels = labels(&[("k8s-app", prefix)]);
            // Run by a DaemonSet (which the sandbox does not serve, but `drain` knows).
            pod.metadata.owner_references = Some(vec![OwnerReference {
                api_version: "apps/v1".into(),
                kind: "DaemonSet".into(),
                name: prefix.into(),
                uid: daemonset_uid(prefix),
                controller: Some(true),
                block_owner_deletion: Some(true),
            }]);
            create(&mut cluster.api, Object::from(pod));
        }
    }
    cluster
        .controllers
        .kubelet
        .preload_image(cp, "registry.k8s.io/coredns/coredns:v1.11.3");
    cluster.controllers.kubelet.preload_image(
        cp,
        "docker.io/kindest/local-path-provisioner:v20250214-acbabc1a",
    );
    create(
        &mut cluster.api,
        Object::from(system_deployment(
            "coredns",
            "kube-system",
            ("k8s-app", "kube-dns"),
            "registry.k8s.io/coredns/coredns:v1.11.3",
            2,
            Some(53),
        )),
    );
    create(
        &mut cluster.api,
        Object::from(system_deployment(
            "local-path-provisioner",
            "local-path-storage",
            ("app", "local-path-provisioner"),
            "docker.io/kindest/local-path-provisioner:v20250214-acbabc1a",
            1,
            None,
        )),
    );
}
