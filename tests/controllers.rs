//! The control plane without the kubectl front end: the StatefulSet controller's ordering rules, claims, scale down, same-name replacement and volume-pinned rescheduling.

use k8s_openapi::api::core::v1::Pod;
use kubetutor::api::{Kind, Object};
use kubetutor::cluster::{Cluster, ClusterConfig};
use kubetutor::store::ObjKey;

fn yaml_object(text: &str) -> Object {
    let v: serde_json::Value = serde_yaml_ng::from_str(text).unwrap();
    let kind = Kind::from_type_meta(
        v["apiVersion"].as_str().unwrap(),
        v["kind"].as_str().unwrap(),
    )
    .unwrap();
    Object::from_json_lenient(kind, v).unwrap()
}

const SVC: &str = "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n";
const STS: &str = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: nginx\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n        ports:\n        - containerPort: 80\n        volumeMounts:\n        - name: www\n          mountPath: /usr/share/nginx/html\n  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n      accessModes: [\"ReadWriteOnce\"]\n      resources:\n        requests:\n          storage: 1Gi\n";

fn pod_summary(c: &Cluster) -> Vec<String> {
    c.api
        .store
        .list(Kind::Pod, Some("default"))
        .map(|o| {
            let p = o.as_typed::<Pod>().unwrap();
            let st = p.status.clone().unwrap_or_default();
            format!(
                "{} {} {}",
                o.name(),
                st.phase.unwrap_or_default(),
                p.spec
                    .as_ref()
                    .unwrap()
                    .node_name
                    .clone()
                    .unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn statefulset_comes_up_in_order_with_bound_claims() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(SVC)).unwrap();
    c.api.create(yaml_object(STS)).unwrap();
    let mut order = Vec::new();
    let start = c.api.store.resource_version();
    c.open_watch(start);
    c.advance(120_000);
    for ev in c.api.store.events_since(start).unwrap() {
        if ev.object.kind() == Kind::Pod && ev.event_type == kubetutor::store::EventType::Added {
            order.push(ev.object.name().to_string());
        }
    }
    for t in &c.trace {
        eprintln!("{} {}: {}", t.at, t.component, t.message);
    }
    assert_eq!(order, ["web-0", "web-1", "web-2"]);
    let pods = pod_summary(&c);
    assert_eq!(pods.len(), 3, "{pods:?}");
    assert!(pods.iter().all(|p| p.contains("Running")), "{pods:?}");
    for i in 0..3 {
        let pvc = c
            .api
            .store
            .get(&ObjKey::new(
                Kind::PersistentVolumeClaim,
                "default",
                &format!("www-web-{i}"),
            ))
            .unwrap();
        let pvc = pvc
            .as_typed::<k8s_openapi::api::core::v1::PersistentVolumeClaim>()
            .unwrap();
        assert_eq!(pvc.status.as_ref().unwrap().phase.as_deref(), Some("Bound"));
    }
    // Same-name replacement keeps node and claim.
    let before = pod_summary(&c);
    c.api
        .delete(
            &ObjKey::new(Kind::Pod, "default", "web-1"),
            &Default::default(),
        )
        .unwrap();
    c.advance(60_000);
    assert_eq!(pod_summary(&c), before);
    // Scale down removes the highest ordinals and keeps claims.
    let key = ObjKey::new(Kind::StatefulSet, "default", "web");
    let Object::StatefulSet(mut sts) = c.api.get(&key).unwrap().as_ref().clone() else {
        panic!()
    };
    sts.spec.as_mut().unwrap().replicas = Some(1);
    c.api.update(Object::StatefulSet(sts)).unwrap();
    c.advance(120_000);
    assert_eq!(pod_summary(&c).len(), 1, "{:?}", pod_summary(&c));
    assert_eq!(
        c.api
            .store
            .list(Kind::PersistentVolumeClaim, Some("default"))
            .count(),
        3
    );
    for t in &c.trace {
        eprintln!("{} {}: {}", t.at, t.component, t.message);
    }
}

fn added_and_deleted(c: &Cluster, since: u64) -> (Vec<String>, Vec<String>) {
    let (mut added, mut deleted) = (Vec::new(), Vec::new());
    for ev in c.api.store.events_since(since).unwrap() {
        if ev.object.kind() != Kind::Pod || ev.object.namespace() != "default" {
            continue;
        }
        match ev.event_type {
            kubetutor::store::EventType::Added => added.push(ev.object.name().to_string()),
            kubetutor::store::EventType::Deleted => deleted.push(ev.object.name().to_string()),
            _ => {}
        }
    }
    (added, deleted)
}

#[test]
fn parallel_creates_every_pod_at_once() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(SVC)).unwrap();
    let parallel = STS.replace(
        "  replicas: 3\n",
        "  replicas: 3\n  podManagementPolicy: Parallel\n",
    );
    let start = c.api.store.resource_version();
    c.open_watch(start);
    c.api.create(yaml_object(&parallel)).unwrap();
    // Before any pod can be Ready (provisioning takes 2s), all three exist.
    c.advance(500);
    let (added, _) = added_and_deleted(&c, start);
    assert_eq!(added, ["web-0", "web-1", "web-2"]);
    let ready = |c: &Cluster| {
        c.api
            .store
            .list(Kind::Pod, Some("default"))
            .filter(|o| {
                o.as_typed::<Pod>()
                    .is_some_and(kubetutor::kubelet::status::is_running_and_ready)
            })
            .count()
    };
    assert_eq!(ready(&c), 0);
}

#[test]
fn ordered_ready_scale_down_removes_the_highest_ordinal_first_one_at_a_time() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(SVC)).unwrap();
    c.api
        .create(yaml_object(&STS.replace("replicas: 3", "replicas: 4")))
        .unwrap();
    c.advance(120_000);
    let start = c.api.store.resource_version();
    c.open_watch(start);
    let key = ObjKey::new(Kind::StatefulSet, "default", "web");
    let Object::StatefulSet(mut sts) = c.api.get(&key).unwrap().as_ref().clone() else {
        panic!()
    };
    sts.spec.as_mut().unwrap().replicas = Some(1);
    c.api.update(Object::StatefulSet(sts)).unwrap();
    // Step by step: no pod is deleted while a higher one still exists.
    let mut seen_deleted: Vec<String> = Vec::new();
    for _ in 0..200 {
        c.advance(100);
        let (_, deleted) = added_and_deleted(&c, start);
        seen_deleted = deleted;
        let terminating: Vec<String> = c
            .api
            .store
            .list(Kind::Pod, Some("default"))
            .filter(|o| o.is_terminating())
            .map(|o| o.name().to_string())
            .collect();
        assert!(
            terminating.len() <= 1,
            "OrderedReady terminates one pod at a time: {terminating:?}"
        );
    }
    assert_eq!(seen_deleted, ["web-3", "web-2", "web-1"]);
    assert_eq!(
        c.api
            .store
            .list(Kind::PersistentVolumeClaim, Some("default"))
            .count(),
        4,
        "claims are kept (Retain)"
    );
}

#[test]
fn a_pod_waiting_on_a_volume_is_pinned_to_the_volumes_node_when_replaced() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(SVC)).unwrap();
    c.api.create(yaml_object(STS)).unwrap();
    c.advance(120_000);
    let node_of = |c: &Cluster, name: &str| {
        c.api
            .store
            .get(&ObjKey::new(Kind::Pod, "default", name))
            .and_then(|o| o.as_typed::<Pod>()?.spec.as_ref()?.node_name.clone())
    };
    let before: Vec<_> = (0..3).map(|i| node_of(&c, &format!("web-{i}"))).collect();
    for i in 0..3 {
        c.api
            .delete(
                &ObjKey::new(Kind::Pod, "default", &format!("web-{i}")),
                &Default::default(),
            )
            .unwrap();
    }
    c.advance(120_000);
    let after: Vec<_> = (0..3).map(|i| node_of(&c, &format!("web-{i}"))).collect();
    assert_eq!(before, after, "each pod follows its local volume");
}

/// `--cascade=foreground`: the StatefulSet stays, marked `foregroundDeletion`, while the
/// garbage collector deletes its pods; it goes once they are gone. The claims stay (a
/// StatefulSet does not own them under the default retention policy).
#[test]
fn foreground_deletion_removes_the_pods_before_the_statefulset() {
    use kubetutor::apiserver::{DeleteOptions, Propagation};
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(SVC)).unwrap();
    c.api.create(yaml_object(STS)).unwrap();
    c.advance(60_000);
    assert_eq!(pod_summary(&c).len(), 3);
    let sts = ObjKey::new(Kind::StatefulSet, "default", "web");
    let opts = DeleteOptions {
        propagation: Propagation::Foreground,
        ..Default::default()
    };
    c.api.delete(&sts, &opts).unwrap();
    let before = c.reconciles.iter().sum::<u64>();
    c.advance(1_000);
    let work = c.reconciles.iter().sum::<u64>() - before;
    assert!(
        work < 200,
        "{work} reconciles in one second: {:?}",
        c.reconciles
    );
    let marked = c.api.store.get(&sts).expect("the set waits for its pods");
    assert!(marked.is_terminating());
    assert_eq!(
        marked.meta().finalizers.as_deref(),
        Some(&["foregroundDeletion".to_string()][..])
    );
    assert!(c
        .api
        .store
        .list(Kind::Pod, Some("default"))
        .all(|p| p.is_terminating()));
    c.advance(60_000);
    assert!(
        c.api.store.get(&sts).is_none(),
        "the set goes after its pods"
    );
    assert!(pod_summary(&c).is_empty());
    assert_eq!(
        c.api
            .store
            .list(Kind::PersistentVolumeClaim, Some("default"))
            .count(),
        3
    );
}
