//! The reference's sample tables (kubectl-output.md §1) rebuilt from objects, and
//! printPod's status derivations.

use super::fixtures::*;
use super::*;
use k8s_openapi::api::apps::v1::{
    ControllerRevision, StatefulSet, StatefulSetSpec, StatefulSetStatus,
};
use k8s_openapi::api::core::v1::{
    Container, EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Event, EventSource, Node,
    NodeCondition, NodeStatus, NodeSystemInfo, ObjectReference, PersistentVolume,
    PersistentVolumeClaim, PersistentVolumeClaimSpec, PersistentVolumeClaimStatus,
    PersistentVolumeSpec, PersistentVolumeStatus, Pod, PodCondition, PodIP, PodSpec, PodStatus,
    PodTemplateSpec, Service, ServicePort, ServiceSpec,
};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;

fn render(kind: Kind, objs: &[Object], opts: &TableOptions) -> String {
    let refs: Vec<&Object> = objs.iter().collect();
    TableWriter::new().render(&table_for(kind, &refs, NOW, opts), !opts.no_headers)
}

fn pod(name: &str, created: Millis, statuses: Vec<ContainerStatus>) -> Pod {
    Pod {
        metadata: meta("default", name, created),
        spec: Some(PodSpec {
            containers: vec![Container {
                name: "nginx".into(),
                ..Default::default()
            }],
            ..Default::default()
        }),
        status: Some(PodStatus {
            phase: Some("Running".into()),
            container_statuses: Some(statuses),
            ..Default::default()
        }),
    }
}

use k8s_openapi::api::core::v1::ContainerStatus;

fn scheduled(mut p: Pod, ip: &str) -> Pod {
    p.spec.as_mut().unwrap().node_name = Some("node-1".into());
    p.status.as_mut().unwrap().pod_ips = Some(vec![PodIP { ip: ip.into() }]);
    p
}

#[test]
fn pods_table() {
    let mut creating = pod("web-1", ago(3), vec![waiting("nginx", "ContainerCreating")]);
    creating.status.as_mut().unwrap().phase = Some("Pending".into());
    let objs = [
        pod("web-0", ago(130), vec![running("nginx", true, 0)]).into(),
        creating.into(),
    ];
    assert_eq!(
        render(Kind::Pod, &objs, &TableOptions::default()),
        "NAME    READY   STATUS              RESTARTS   AGE\n\
         web-0   1/1     Running             0          2m10s\n\
         web-1   0/1     ContainerCreating   0          3s\n"
    );
}

#[test]
fn pods_wide_with_recent_restart() {
    let objs = [
        scheduled(
            pod("web-0", ago(312), vec![running("nginx", true, 0)]),
            "10.244.0.5",
        )
        .into(),
        scheduled(
            pod(
                "web-1",
                ago(298),
                vec![with_last_termination(running("nginx", true, 1), 123)],
            ),
            "10.244.0.6",
        )
        .into(),
    ];
    let opts = TableOptions {
        wide: true,
        ..Default::default()
    };
    assert_eq!(
        render(Kind::Pod, &objs, &opts),
        "NAME    READY   STATUS    RESTARTS       AGE     IP           NODE     NOMINATED NODE   READINESS GATES\n\
         web-0   1/1     Running   0              5m12s   10.244.0.5   node-1   <none>           <none>\n\
         web-1   1/1     Running   1 (2m3s ago)   4m58s   10.244.0.6   node-1   <none>           <none>\n"
    );
}

#[test]
fn show_labels_and_label_columns() {
    let mut p = pod("web-0", ago(300), vec![running("nginx", true, 0)]);
    p.metadata.labels = Some(map(&[
        ("app", "nginx"),
        ("apps.kubernetes.io/pod-index", "0"),
        ("controller-revision-hash", "web-6bc7f5d4b8"),
        ("statefulset.kubernetes.io/pod-name", "web-0"),
    ]));
    let objs = [p.into()];
    let opts = TableOptions {
        show_labels: true,
        ..Default::default()
    };
    assert_eq!(
        render(Kind::Pod, &objs, &opts),
        "NAME    READY   STATUS    RESTARTS   AGE   LABELS\n\
         web-0   1/1     Running   0          5m    app=nginx,apps.kubernetes.io/pod-index=0,controller-revision-hash=web-6bc7f5d4b8,statefulset.kubernetes.io/pod-name=web-0\n"
    );
    let opts = TableOptions {
        label_columns: vec![
            "app".into(),
            "tier".into(),
            "statefulset.kubernetes.io/pod-name".into(),
        ],
        with_namespace: true,
        ..Default::default()
    };
    assert_eq!(
        render(Kind::Pod, &objs, &opts),
        "NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   APP     TIER   POD-NAME\n\
         default     web-0   1/1     Running   0          5m    nginx          web-0\n"
    );
}

fn sts() -> StatefulSet {
    StatefulSet {
        metadata: meta("default", "web", ago(300)),
        spec: Some(StatefulSetSpec {
            replicas: Some(2),
            template: PodTemplateSpec {
                spec: Some(PodSpec {
                    containers: vec![Container {
                        name: "nginx".into(),
                        image: Some("registry.k8s.io/nginx-slim:0.24".into()),
                        ..Default::default()
                    }],
                    ..Default::default()
                }),
                ..Default::default()
            },
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
fn statefulsets_plain_and_wide() {
    let objs = [sts().into()];
    let plain = render(Kind::StatefulSet, &objs, &TableOptions::default());
    let wide = render(
        Kind::StatefulSet,
        &objs,
        &TableOptions {
            wide: true,
            ..Default::default()
        },
    );
    assert_eq!(
        format!("{plain}{wide}"),
        "NAME   READY   AGE\n\
         web    2/2     5m\n\
         NAME   READY   AGE   CONTAINERS   IMAGES\n\
         web    2/2     5m    nginx        registry.k8s.io/nginx-slim:0.24\n"
    );
}

const VOLUME: &str = "pvc-2ff2a4c8-9b13-4f0a-8d0e-1c7c0d1e2f30";

fn pvc(name: &str, created: Millis, bound: bool) -> PersistentVolumeClaim {
    PersistentVolumeClaim {
        metadata: meta("default", name, created),
        spec: Some(PersistentVolumeClaimSpec {
            access_modes: Some(vec!["ReadWriteOnce".into()]),
            storage_class_name: Some("standard".into()),
            volume_name: bound.then(|| VOLUME.to_string()),
            volume_mode: Some("Filesystem".into()),
            ..Default::default()
        }),
        status: Some(PersistentVolumeClaimStatus {
            phase: Some(if bound { "Bound" } else { "Pending" }.into()),
            access_modes: bound.then(|| vec!["ReadWriteOnce".to_string()]),
            capacity: bound.then(|| [("storage".to_string(), Quantity("1Gi".into()))].into()),
            ..Default::default()
        }),
    }
}

#[test]
fn pvcs_with_a_pending_claim_show_blank_cells() {
    let objs = [
        pvc("www-web-0", ago(300), true).into(),
        pvc("www-web-1", ago(3), false).into(),
    ];
    assert_eq!(
        render(Kind::PersistentVolumeClaim, &objs, &TableOptions::default()),
        "NAME        STATUS    VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
         www-web-0   Bound     pvc-2ff2a4c8-9b13-4f0a-8d0e-1c7c0d1e2f30   1Gi        RWO            standard       <unset>                 5m\n\
         www-web-1   Pending                                                                        standard       <unset>                 3s\n"
    );
}

#[test]
fn persistent_volumes() {
    let pv = PersistentVolume {
        metadata: meta("", VOLUME, ago(300)),
        spec: Some(PersistentVolumeSpec {
            capacity: Some([("storage".to_string(), Quantity("1Gi".into()))].into()),
            access_modes: Some(vec!["ReadWriteOnce".into()]),
            persistent_volume_reclaim_policy: Some("Delete".into()),
            storage_class_name: Some("standard".into()),
            claim_ref: Some(ObjectReference {
                namespace: Some("default".into()),
                name: Some("www-web-0".into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        status: Some(PersistentVolumeStatus {
            phase: Some("Bound".into()),
            ..Default::default()
        }),
    };
    assert_eq!(
        render(Kind::PersistentVolume, &[pv.into()], &TableOptions::default()),
        "NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
         pvc-2ff2a4c8-9b13-4f0a-8d0e-1c7c0d1e2f30   1Gi        RWO            Delete           Bound    default/www-web-0   standard       <unset>                          5m\n"
    );
}

#[test]
fn storage_classes_mark_the_default() {
    let mut m = meta("", "standard", ago(3 * 24 * 3600));
    m.annotations = Some(map(&[(
        "storageclass.kubernetes.io/is-default-class",
        "true",
    )]));
    let sc = StorageClass {
        metadata: m,
        provisioner: "rancher.io/local-path".into(),
        reclaim_policy: Some("Delete".into()),
        volume_binding_mode: Some("WaitForFirstConsumer".into()),
        ..Default::default()
    };
    assert_eq!(
        render(Kind::StorageClass, &[sc.into()], &TableOptions::default()),
        "NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n\
         standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  3d\n"
    );
}

fn endpoints(ips: &[&str]) -> Endpoints {
    Endpoints {
        metadata: meta("default", "nginx", ago(300)),
        subsets: Some(vec![EndpointSubset {
            addresses: Some(
                ips.iter()
                    .map(|ip| EndpointAddress {
                        ip: ip.to_string(),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ports: Some(vec![EndpointPort {
                port: 80,
                ..Default::default()
            }]),
            ..Default::default()
        }]),
    }
}

#[test]
fn endpoints_list_three_then_more() {
    assert_eq!(
        render(
            Kind::Endpoints,
            &[endpoints(&["10.244.0.5", "10.244.0.6"]).into()],
            &TableOptions::default()
        ),
        "NAME    ENDPOINTS                     AGE\n\
         nginx   10.244.0.5:80,10.244.0.6:80   5m\n"
    );
    let five = endpoints(&[
        "10.244.0.5",
        "10.244.0.6",
        "10.244.0.7",
        "10.244.0.8",
        "10.244.0.9",
    ]);
    assert_eq!(
        network::format_endpoints(&five, None),
        "10.244.0.5:80,10.244.0.6:80,10.244.0.7:80 + 2 more..."
    );
    assert_eq!(
        network::format_endpoints(&Endpoints::default(), None),
        "<none>"
    );
}

#[test]
fn controller_revisions_name_their_owner() {
    let mut m = meta("default", "web-6bc7f5d4b8", ago(300));
    m.owner_references = Some(vec![OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: "web".into(),
        uid: "uid-web".into(),
        controller: Some(true),
        ..Default::default()
    }]);
    let cr = ControllerRevision {
        metadata: m,
        revision: 1,
        data: None,
    };
    assert_eq!(
        render(
            Kind::ControllerRevision,
            &[cr.into()],
            &TableOptions::default()
        ),
        "NAME             CONTROLLER             REVISION   AGE\n\
         web-6bc7f5d4b8   statefulset.apps/web   1          5m\n"
    );
}

fn event(name: &str, kind: &str, obj: &str, reason: &str, msg: &str, at: Millis) -> Event {
    Event {
        metadata: meta("default", name, at),
        involved_object: ObjectReference {
            kind: Some(kind.into()),
            name: Some(obj.into()),
            namespace: Some("default".into()),
            uid: Some(format!("uid-{obj}")),
            ..Default::default()
        },
        type_: Some("Normal".into()),
        reason: Some(reason.into()),
        message: Some(msg.into()),
        first_timestamp: Some(t(at)),
        last_timestamp: Some(t(at)),
        count: Some(1),
        source: Some(EventSource {
            component: Some("statefulset-controller".into()),
            host: None,
        }),
        ..Default::default()
    }
}

#[test]
fn events_table() {
    let objs = [
        event(
            "a",
            "StatefulSet",
            "web",
            "SuccessfulCreate",
            "create Claim www-web-0 Pod web-0 in StatefulSet web success",
            ago(300),
        )
        .into(),
        event(
            "b",
            "StatefulSet",
            "web",
            "SuccessfulCreate",
            "create Pod web-0 in StatefulSet web successful",
            ago(300),
        )
        .into(),
        event(
            "c",
            "Pod",
            "web-0",
            "Scheduled",
            "Successfully assigned default/web-0 to node-1\n",
            ago(300),
        )
        .into(),
    ];
    assert_eq!(
        render(Kind::Event, &objs, &TableOptions::default()),
        "LAST SEEN   TYPE     REASON             OBJECT            MESSAGE\n\
         5m          Normal   SuccessfulCreate   statefulset/web   create Claim www-web-0 Pod web-0 in StatefulSet web success\n\
         5m          Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful\n\
         5m          Normal   Scheduled          pod/web-0         Successfully assigned default/web-0 to node-1\n"
    );
    let wide = table_for(
        Kind::Event,
        &[&objs[0]],
        NOW,
        &TableOptions {
            wide: true,
            ..Default::default()
        },
    );
    assert_eq!(
        wide.header,
        [
            "LAST SEEN",
            "TYPE",
            "REASON",
            "OBJECT",
            "SUBOBJECT",
            "SOURCE",
            "MESSAGE",
            "FIRST SEEN",
            "COUNT",
            "NAME"
        ]
    );
    assert_eq!(wide.rows[0][5], "statefulset-controller");
    assert_eq!(wide.rows[0][8], "1");
}

fn node(ready: &str, unschedulable: bool) -> Node {
    let mut m = meta("", "node-1", ago(3 * 24 * 3600));
    m.labels = Some(map(&[
        ("kubernetes.io/hostname", "node-1"),
        ("node-role.kubernetes.io/control-plane", ""),
    ]));
    Node {
        metadata: m,
        spec: Some(k8s_openapi::api::core::v1::NodeSpec {
            unschedulable: Some(unschedulable),
            ..Default::default()
        }),
        status: Some(NodeStatus {
            conditions: Some(vec![NodeCondition {
                type_: "Ready".into(),
                status: ready.into(),
                ..Default::default()
            }]),
            node_info: Some(NodeSystemInfo {
                kubelet_version: "v1.32.2".into(),
                ..Default::default()
            }),
            ..Default::default()
        }),
    }
}

#[test]
fn nodes_status_and_roles() {
    assert_eq!(
        render(
            Kind::Node,
            &[node("True", false).into()],
            &TableOptions::default()
        ),
        "NAME     STATUS   ROLES           AGE   VERSION\n\
         node-1   Ready    control-plane   3d    v1.32.2\n"
    );
    let cells = |n: Node| {
        table_for(Kind::Node, &[&n.into()], NOW, &TableOptions::default()).rows[0][1].clone()
    };
    assert_eq!(cells(node("False", true)), "NotReady,SchedulingDisabled");
    assert_eq!(cells(node("Unknown", false)), "NotReady");
    let mut bare = node("True", false);
    bare.status.as_mut().unwrap().conditions = None;
    assert_eq!(cells(bare), "Unknown");
}

fn service(name: &str, cluster_ip: &str, port: i32, created: Millis) -> Service {
    Service {
        metadata: meta("default", name, created),
        spec: Some(ServiceSpec {
            type_: Some("ClusterIP".into()),
            cluster_ip: Some(cluster_ip.into()),
            cluster_ips: Some(vec![cluster_ip.into()]),
            ports: Some(vec![ServicePort {
                port,
                protocol: Some("TCP".into()),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        status: None,
    }
}

#[test]
fn get_all_prefixes_kinds_and_resets_widths_per_kind() {
    let opts = TableOptions {
        with_kind_prefix: true,
        ..Default::default()
    };
    let pods: [Object; 2] = [
        pod("web-0", ago(300), vec![running("nginx", true, 0)]).into(),
        pod("web-1", ago(290), vec![running("nginx", true, 0)]).into(),
    ];
    let services: [Object; 2] = [
        service("kubernetes", "10.96.0.1", 443, ago(3 * 24 * 3600)).into(),
        service("nginx", "None", 80, ago(300)).into(),
    ];
    let sets: [Object; 1] = [sts().into()];
    let mut w = TableWriter::new();
    let mut out = String::new();
    for (kind, objs) in [
        (Kind::Pod, &pods[..]),
        (Kind::Service, &services[..]),
        (Kind::StatefulSet, &sets[..]),
    ] {
        if !out.is_empty() {
            out.push('\n');
        }
        w.reset();
        let refs: Vec<&Object> = objs.iter().collect();
        out.push_str(&w.render(&table_for(kind, &refs, NOW, &opts), true));
    }
    assert_eq!(
        out,
        "NAME        READY   STATUS    RESTARTS   AGE\n\
         pod/web-0   1/1     Running   0          5m\n\
         pod/web-1   1/1     Running   0          4m50s\n\
         \n\
         NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n\
         service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d\n\
         service/nginx        ClusterIP   None         <none>        80/TCP    5m\n\
         \n\
         NAME                   READY   AGE\n\
         statefulset.apps/web   2/2     5m\n"
    );
}

#[test]
fn service_ports_and_external_ips() {
    let mut np = service("web", "10.96.3.4", 80, ago(60));
    {
        let spec = np.spec.as_mut().unwrap();
        spec.type_ = Some("NodePort".into());
        spec.ports.as_mut().unwrap()[0].node_port = Some(30080);
        spec.selector = Some(map(&[("tier", "web"), ("app", "nginx")]));
    }
    let mut lb = service("lb", "10.96.3.5", 443, ago(60));
    lb.spec.as_mut().unwrap().type_ = Some("LoadBalancer".into());
    let t = table_for(
        Kind::Service,
        &[&np.into(), &lb.into()],
        NOW,
        &TableOptions {
            wide: true,
            ..Default::default()
        },
    );
    assert_eq!(
        t.rows[0][3..],
        ["<none>", "80:30080/TCP", "60s", "app=nginx,tier=web"]
    );
    assert_eq!(t.rows[1][3], "<pending>");
}

#[test]
fn watch_rows_shift_right_with_remembered_widths() {
    // Reference §1.6: `kubectl get pods -w` while web-0 and web-1 come up.
    let opts = TableOptions::default();
    let mut pending = pod("web-0", NOW, vec![]);
    pending.status.as_mut().unwrap().phase = Some("Pending".into());
    let mut creating = pod("web-0", NOW, vec![waiting("nginx", "ContainerCreating")]);
    creating.status.as_mut().unwrap().phase = Some("Pending".into());
    let runs = pod("web-0", ago(2), vec![running("nginx", true, 0)]);
    let mut pending1 = pending.clone();
    pending1.metadata.name = Some("web-1".into());
    let events: Vec<Object> = vec![
        pending.clone().into(),
        pending.into(),
        creating.into(),
        runs.into(),
        pending1.clone().into(),
    ];
    let mut w = TableWriter::new();
    let mut out = String::new();
    for (i, e) in events.iter().enumerate() {
        let table = Table {
            header: table_for(Kind::Pod, &[], NOW, &opts).header,
            rows: vec![watch_row(Kind::Pod, e, NOW, &opts)],
        };
        out.push_str(&w.render(&table, i == 0));
    }
    assert_eq!(
        out,
        "NAME    READY   STATUS    RESTARTS   AGE\n\
         web-0   0/1     Pending   0          0s\n\
         web-0   0/1     Pending   0          0s\n\
         web-0   0/1     ContainerCreating   0          0s\n\
         web-0   1/1     Running             0          2s\n\
         web-1   0/1     Pending             0          0s\n"
    );
}

#[test]
fn no_rows_print_nothing_not_even_a_header() {
    let t = table_for(Kind::Pod, &[], NOW, &TableOptions::default());
    assert_eq!(TableWriter::new().render(&t, true), "");
}

#[test]
fn multi_line_cells_are_cut() {
    let t = Table {
        header: vec!["A".into(), "B".into()],
        rows: vec![vec!["x".into(), "line one\nline two".into()]],
    };
    assert_eq!(TableWriter::new().render(&t, false), "x     line one...\n");
}

// ---- printPod status derivations ----

fn status_of(p: &Pod) -> (String, String, String) {
    let row = table_for(
        Kind::Pod,
        &[&p.clone().into()],
        NOW,
        &TableOptions::default(),
    )
    .rows
    .remove(0);
    (row[1].clone(), row[2].clone(), row[3].clone())
}

fn s(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

#[test]
fn pending_without_statuses_is_pending() {
    let mut p = pod("p", NOW, vec![]);
    p.status.as_mut().unwrap().phase = Some("Pending".into());
    assert_eq!(status_of(&p), s("0/1", "Pending", "0"));
}

#[test]
fn waiting_reasons_show_through() {
    for reason in [
        "ContainerCreating",
        "CrashLoopBackOff",
        "ErrImagePull",
        "ImagePullBackOff",
    ] {
        let p = pod("p", NOW, vec![waiting("nginx", reason)]);
        assert_eq!(status_of(&p).1, reason);
    }
}

#[test]
fn crash_loop_counts_restarts_with_age() {
    let cs = with_last_termination(waiting("nginx", "CrashLoopBackOff"), 47);
    let mut cs = cs;
    cs.restart_count = 5;
    let p = pod("p", NOW, vec![cs]);
    assert_eq!(status_of(&p), s("0/1", "CrashLoopBackOff", "5 (47s ago)"));
}

#[test]
fn first_container_reason_wins() {
    let mut p = pod(
        "p",
        NOW,
        vec![
            waiting("a", "ErrImagePull"),
            waiting("b", "ContainerCreating"),
        ],
    );
    p.spec.as_mut().unwrap().containers.push(Container {
        name: "b".into(),
        ..Default::default()
    });
    assert_eq!(status_of(&p), s("0/2", "ErrImagePull", "0"));
}

#[test]
fn terminated_containers() {
    let mut p = pod("p", NOW, vec![terminated("nginx", 0, Some("Completed"))]);
    p.status.as_mut().unwrap().phase = Some("Succeeded".into());
    assert_eq!(status_of(&p).1, "Completed");
    let p = pod("p", NOW, vec![terminated("nginx", 137, None)]);
    assert_eq!(status_of(&p).1, "ExitCode:137");
    let mut sig = terminated("nginx", 0, None);
    sig.state
        .as_mut()
        .unwrap()
        .terminated
        .as_mut()
        .unwrap()
        .signal = Some(9);
    assert_eq!(status_of(&pod("p", NOW, vec![sig])).1, "Signal:9");
}

#[test]
fn completed_with_a_running_container_is_running_or_notready() {
    let mut p = pod(
        "p",
        NOW,
        vec![terminated("a", 0, Some("Completed")), running("b", true, 0)],
    );
    p.spec.as_mut().unwrap().containers = vec![
        Container {
            name: "a".into(),
            ..Default::default()
        },
        Container {
            name: "b".into(),
            ..Default::default()
        },
    ];
    assert_eq!(status_of(&p), s("1/2", "NotReady", "0"));
    p.status.as_mut().unwrap().conditions = Some(vec![PodCondition {
        type_: "Ready".into(),
        status: "True".into(),
        ..Default::default()
    }]);
    assert_eq!(status_of(&p).1, "Running");
}

#[test]
fn terminating_and_node_lost() {
    let mut p = pod("p", NOW, vec![running("nginx", true, 0)]);
    p.metadata.deletion_timestamp = Some(t(NOW));
    assert_eq!(status_of(&p), s("1/1", "Terminating", "0"));
    p.status.as_mut().unwrap().reason = Some("NodeLost".into());
    assert_eq!(status_of(&p).1, "Unknown");
    let mut done = pod("p", NOW, vec![terminated("nginx", 0, Some("Completed"))]);
    done.status.as_mut().unwrap().phase = Some("Succeeded".into());
    done.metadata.deletion_timestamp = Some(t(NOW));
    assert_eq!(status_of(&done).1, "Completed");
}

fn with_init(mut p: Pod, init: Vec<ContainerStatus>, sidecar: bool) -> Pod {
    let spec = p.spec.as_mut().unwrap();
    spec.init_containers = Some(
        init.iter()
            .map(|c| Container {
                name: c.name.clone(),
                restart_policy: sidecar.then(|| "Always".to_string()),
                ..Default::default()
            })
            .collect(),
    );
    p.status.as_mut().unwrap().init_container_statuses = Some(init);
    p
}

#[test]
fn init_containers() {
    let mut p = with_init(
        pod("p", NOW, vec![waiting("nginx", "PodInitializing")]),
        vec![running("init", false, 0)],
        false,
    );
    p.status.as_mut().unwrap().phase = Some("Pending".into());
    assert_eq!(status_of(&p), s("0/1", "Init:0/1", "0"));

    let p = with_init(
        pod("p", NOW, vec![waiting("nginx", "PodInitializing")]),
        vec![terminated("init", 0, Some("Completed"))],
        false,
    );
    assert_eq!(status_of(&p).1, "PodInitializing");

    let p = with_init(
        pod("p", NOW, vec![]),
        vec![terminated("init", 1, Some("Error"))],
        false,
    );
    assert_eq!(status_of(&p).1, "Init:Error");

    let mut crash = with_last_termination(waiting("init", "CrashLoopBackOff"), 30);
    crash.restart_count = 3;
    let p = with_init(pod("p", NOW, vec![]), vec![crash], false);
    assert_eq!(
        status_of(&p),
        s("0/1", "Init:CrashLoopBackOff", "3 (30s ago)")
    );
}

#[test]
fn sidecars_count_toward_ready() {
    let p = with_init(
        pod("p", NOW, vec![running("nginx", true, 0)]),
        vec![running("proxy", true, 2)],
        true,
    );
    assert_eq!(status_of(&p), s("2/2", "Running", "2"));
}
