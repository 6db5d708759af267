//! `default_object`: what the v1.32 apiserver fills in on create before admission and
//! validation, so that `-o yaml` after a create shows the same fields as a real cluster.
//!
//! Two sources are combined, as the real request path does: the scheme defaulters
//! (`pkg/apis/{apps,core,storage,discovery}/v1/defaults.go` and the generated
//! `zz_generated.defaults.go`) and the registry strategies' `PrepareForCreate`
//! normalisations that are pure functions of the object (Pod `status.phase`/`qosClass`,
//! dropping StatefulSet `maxUnavailable` while its feature gate is off in v1.32).
//! Store-dependent work (service IPs, default storage class) lives elsewhere.

use super::pod_defaults::{default_pod_spec, default_pvc_spec};
use crate::api::Object;
use k8s_openapi::api::apps::v1::{
    Deployment, ReplicaSetStatus, RollingUpdateDeployment, RollingUpdateStatefulSetStrategy,
    StatefulSet, StatefulSetPersistentVolumeClaimRetentionPolicy, StatefulSetStatus,
};
use k8s_openapi::api::core::v1::{
    NamespaceStatus, PersistentVolumeClaim, PersistentVolumeClaimStatus, PersistentVolumeStatus,
    Pod, PodStatus, Service, ServiceStatus,
};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

/// Apply upstream defaulting for `obj`'s kind.
pub fn default_object(obj: &mut Object) {
    match obj {
        Object::StatefulSet(s) => default_statefulset(s),
        Object::Deployment(d) => {
            default_deployment(d);
            // PrepareForCreate resets status; every DeploymentStatus field is omitempty.
            d.status = Some(Default::default());
        }
        Object::ReplicaSet(rs) => {
            // PrepareForCreate resets status; `replicas` is not omitempty in Go.
            rs.status = Some(ReplicaSetStatus {
                replicas: 0,
                ..Default::default()
            });
            if let Some(spec) = rs.spec.as_mut() {
                spec.replicas.get_or_insert(1);
                if let Some(t) = spec.template.as_mut() {
                    if let Some(ps) = t.spec.as_mut() {
                        default_pod_spec(ps, false);
                    }
                }
            }
        }
        Object::Pod(p) => default_pod(p),
        Object::Service(s) => {
            default_service(s);
            // PrepareForCreate resets status; Go prints the empty `loadBalancer: {}`.
            s.status = Some(ServiceStatus {
                load_balancer: Some(Default::default()),
                conditions: None,
            });
        }
        Object::PersistentVolumeClaim(pvc) => default_pvc(pvc),
        Object::PersistentVolume(pv) => {
            let status = pv
                .status
                .get_or_insert_with(PersistentVolumeStatus::default);
            status.phase.get_or_insert_with(|| "Pending".into());
            let spec = pv.spec.get_or_insert_with(Default::default);
            spec.persistent_volume_reclaim_policy
                .get_or_insert_with(|| "Retain".into());
            spec.volume_mode.get_or_insert_with(|| "Filesystem".into());
            if let Some(hp) = spec.host_path.as_mut() {
                hp.type_.get_or_insert_with(String::new);
            }
        }
        Object::StorageClass(sc) => {
            sc.reclaim_policy.get_or_insert_with(|| "Delete".into());
            sc.volume_binding_mode
                .get_or_insert_with(|| "Immediate".into());
        }
        Object::Namespace(ns) => {
            // SetDefaults_Namespace (needs a name; generateName namespaces get it later).
            if let Some(name) = ns.metadata.name.clone().filter(|n| !n.is_empty()) {
                ns.metadata
                    .labels
                    .get_or_insert_with(Default::default)
                    .insert("kubernetes.io/metadata.name".into(), name);
            }
            ns.status
                .get_or_insert_with(NamespaceStatus::default)
                .phase
                .get_or_insert_with(|| "Active".into());
        }
        Object::Secret(s) => {
            s.type_.get_or_insert_with(|| "Opaque".into());
        }
        Object::Endpoints(ep) => {
            for ss in ep.subsets.iter_mut().flatten() {
                for p in ss.ports.iter_mut().flatten() {
                    p.protocol.get_or_insert_with(|| "TCP".into());
                }
            }
        }
        Object::EndpointSlice(es) => {
            for p in es.ports.iter_mut().flatten() {
                p.name.get_or_insert_with(String::new);
                p.protocol.get_or_insert_with(|| "TCP".into());
            }
        }
        Object::Node(n) => {
            if let Some(st) = n.status.as_mut() {
                if st.allocatable.is_none() {
                    st.allocatable = st.capacity.clone();
                }
            }
        }
        Object::ControllerRevision(_)
        | Object::Event(_)
        | Object::ConfigMap(_)
        | Object::ServiceAccount(_) => {}
    }
}

fn default_statefulset(s: &mut StatefulSet) {
    // PrepareForCreate resets status; `replicas` and `availableReplicas` are not
    // omitempty in Go, so a new set shows both as 0.
    s.status = Some(StatefulSetStatus {
        replicas: 0,
        available_replicas: Some(0),
        ..Default::default()
    });
    let spec = s.spec.get_or_insert_with(Default::default);
    spec.pod_management_policy
        .get_or_insert_with(|| "OrderedReady".into());
    let strategy = spec.update_strategy.get_or_insert_with(Default::default);
    if strategy.type_.as_deref().unwrap_or("").is_empty() {
        strategy.type_ = Some("RollingUpdate".into());
        strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateStatefulSetStrategy::default);
    }
    if strategy.type_.as_deref() == Some("RollingUpdate") {
        if let Some(ru) = strategy.rolling_update.as_mut() {
            ru.partition.get_or_insert(0);
            // PrepareForCreate: MaxUnavailableStatefulSet is alpha (off) in v1.32, so the
            // strategy drops the field on create.
            ru.max_unavailable = None;
        }
    }
    // StatefulSetAutoDeletePVC is on by default in v1.32.
    let policy = spec
        .persistent_volume_claim_retention_policy
        .get_or_insert_with(StatefulSetPersistentVolumeClaimRetentionPolicy::default);
    for field in [&mut policy.when_deleted, &mut policy.when_scaled] {
        if field.as_deref().unwrap_or("").is_empty() {
            *field = Some("Retain".into());
        }
    }
    spec.replicas.get_or_insert(1);
    spec.revision_history_limit.get_or_insert(10);
    if let Some(ps) = spec.template.spec.as_mut() {
        default_pod_spec(ps, false);
    }
    for claim in spec.volume_claim_templates.iter_mut().flatten() {
        default_pvc(claim);
    }
}

fn default_deployment(d: &mut Deployment) {
    let spec = d.spec.get_or_insert_with(Default::default);
    spec.replicas.get_or_insert(1);
    let strategy = spec.strategy.get_or_insert_with(Default::default);
    if strategy.type_.as_deref().unwrap_or("").is_empty() {
        strategy.type_ = Some("RollingUpdate".into());
    }
    if strategy.type_.as_deref() == Some("RollingUpdate") {
        let ru = strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateDeployment::default);
        ru.max_unavailable
            .get_or_insert_with(|| IntOrString::String("25%".into()));
        ru.max_surge
            .get_or_insert_with(|| IntOrString::String("25%".into()));
    }
    spec.revision_history_limit.get_or_insert(10);
    spec.progress_deadline_seconds.get_or_insert(600);
    if let Some(ps) = spec.template.spec.as_mut() {
        default_pod_spec(ps, false);
    }
}

fn default_pvc(pvc: &mut PersistentVolumeClaim) {
    pvc.status
        .get_or_insert_with(PersistentVolumeClaimStatus::default)
        .phase
        .get_or_insert_with(|| "Pending".into());
    default_pvc_spec(pvc.spec.get_or_insert_with(Default::default));
}

fn default_pod(p: &mut Pod) {
    let spec = p.spec.get_or_insert_with(Default::default);
    default_pod_spec(spec, true);
    // Pod strategy PrepareForCreate: status is reset to Pending with the QoS class.
    let qos = qos_class(spec);
    p.status = Some(PodStatus {
        phase: Some("Pending".into()),
        qos_class: Some(qos.into()),
        ..Default::default()
    });
}

/// `qos.GetPodQOS` over cpu and memory, after requests were defaulted from limits.
pub fn qos_class(spec: &k8s_openapi::api::core::v1::PodSpec) -> &'static str {
    let mut any = false;
    let mut guaranteed = true;
    for c in spec
        .containers
        .iter()
        .chain(spec.init_containers.iter().flatten())
    {
        let res = c.resources.clone().unwrap_or_default();
        let req = res.requests.unwrap_or_default();
        let lim = res.limits.unwrap_or_default();
        for r in ["cpu", "memory"] {
            let (rq, li) = (req.get(r), lim.get(r));
            if rq.is_some() || li.is_some() {
                any = true;
            }
            match (rq, li) {
                (Some(a), Some(b)) if a.0 == b.0 => {}
                _ => guaranteed = false,
            }
        }
    }
    if !any {
        "BestEffort"
    } else if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}

fn default_service(s: &mut Service) {
    let spec = s.spec.get_or_insert_with(Default::default);
    if spec.session_affinity.as_deref().unwrap_or("").is_empty() {
        spec.session_affinity = Some("None".into());
    }
    if spec.session_affinity.as_deref() == Some("None") {
        spec.session_affinity_config = None;
    }
    if spec.type_.as_deref().unwrap_or("").is_empty() {
        spec.type_ = Some("ClusterIP".into());
    }
    for p in spec.ports.iter_mut().flatten() {
        if p.protocol.as_deref().unwrap_or("").is_empty() {
            p.protocol = Some("TCP".into());
        }
        let unset = match &p.target_port {
            None => true,
            Some(IntOrString::Int(0)) => true,
            Some(IntOrString::String(s)) => s.is_empty(),
            Some(_) => false,
        };
        if unset {
            p.target_port = Some(IntOrString::Int(p.port));
        }
    }
    let ty = spec.type_.clone().unwrap_or_default();
    let externally_accessible = ty == "LoadBalancer"
        || ty == "NodePort"
        || (ty == "ClusterIP" && spec.external_ips.as_ref().is_some_and(|v| !v.is_empty()));
    if externally_accessible && spec.external_traffic_policy.is_none() {
        spec.external_traffic_policy = Some("Cluster".into());
    }
    if spec.internal_traffic_policy.is_none()
        && matches!(ty.as_str(), "ClusterIP" | "NodePort" | "LoadBalancer")
    {
        spec.internal_traffic_policy = Some("Cluster".into());
    }
    if ty == "LoadBalancer" {
        spec.allocate_load_balancer_node_ports.get_or_insert(true);
    }
}

/// The service REST storage's IP-family handling on a single-stack IPv4 cluster:
/// `clusterIPs` mirrors `clusterIP`, `ipFamilyPolicy: SingleStack`, `ipFamilies: [IPv4]`.
/// `allocated` is the address the caller's allocator picked for a non-headless
/// ClusterIP/NodePort/LoadBalancer service without an explicit `clusterIP`.
/// ExternalName services get none of these fields.
pub fn assign_service_ip_families(s: &mut Service, allocated: Option<&str>) {
    let Some(spec) = s.spec.as_mut() else {
        return;
    };
    if spec.type_.as_deref() == Some("ExternalName") {
        return;
    }
    let ip = spec
        .cluster_ip
        .clone()
        .filter(|ip| !ip.is_empty())
        .or_else(|| spec.cluster_ips.as_ref().and_then(|v| v.first().cloned()))
        .or_else(|| allocated.map(str::to_string));
    if let Some(ip) = ip {
        spec.cluster_ip = Some(ip.clone());
        if spec.cluster_ips.as_ref().is_none_or(|v| v.is_empty()) {
            spec.cluster_ips = Some(vec![ip]);
        }
    }
    let headless_without_selector = spec.cluster_ip.as_deref() == Some("None")
        && spec.selector.as_ref().is_none_or(|m| m.is_empty());
    spec.ip_family_policy.get_or_insert_with(|| {
        if headless_without_selector {
            "RequireDualStack".into()
        } else {
            "SingleStack".into()
        }
    });
    spec.ip_families.get_or_insert_with(|| vec!["IPv4".into()]);
}
