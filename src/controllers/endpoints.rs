//! The endpoints and EndpointSlice controllers: for every Service with a selector, the
//! addresses of the pods it selects, split into ready and not-ready, with each pod's
//! hostname when its `subdomain` names the Service (what makes `web-0.nginx` resolve).

use crate::api::labels::Selector;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::cluster::Ctx;
use crate::kubelet::status::is_running_and_ready;
use crate::store::{EventType, ObjKey, WatchEvent};
use k8s_openapi::api::core::v1::{
    EndpointAddress, EndpointPort, EndpointSubset, Endpoints, ObjectReference, Pod, PodSpec,
    Service, ServiceSpec,
};
use k8s_openapi::api::discovery::v1::{
    Endpoint, EndpointConditions, EndpointPort as SlicePort, EndpointSlice,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct EndpointsController {
    /// Service -> the name of its EndpointSlice.
    slice_names: BTreeMap<ObjKey, String>,
    /// The informer's cache of Services that have a selector: namespace -> (Service ->
    /// its selector), in list order, so a pod event finds the Services selecting it
    /// without listing every Service of the namespace.
    selectors: FxHashMap<Arc<str>, BTreeMap<ObjKey, BTreeMap<String, String>>>,
}

impl EndpointsController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.as_ref() {
            Object::Service(svc) => {
                let selector = svc
                    .spec
                    .as_ref()
                    .and_then(|sp| sp.selector.as_ref())
                    .filter(|m| !m.is_empty() && ev.event_type != EventType::Deleted);
                match selector {
                    Some(sel) => {
                        self.selectors
                            .entry(ev.key.namespace.clone())
                            .or_default()
                            .insert(ev.key.clone(), sel.clone());
                    }
                    None => {
                        if let Some(in_ns) = self.selectors.get_mut(ev.key.namespace()) {
                            in_ns.remove(&ev.key);
                        }
                    }
                }
                push(ev.key.clone(), 0)
            }
            Object::Pod(pod) => {
                let labels = pod.metadata.labels.as_ref();
                let Some(in_ns) = self.selectors.get(ev.key.namespace()) else {
                    return;
                };
                for (svc, sel) in in_ns {
                    if sel
                        .iter()
                        .all(|(k, v)| labels.and_then(|l| l.get(k)) == Some(v))
                    {
                        push(svc.clone(), 0);
                    }
                }
            }
            _ => {}
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let ep_key = ObjKey::new(Kind::Endpoints, &key.namespace, &key.name);
        let stored = ctx.api.try_get(key).cloned();
        let Some(svc) = stored.as_deref().and_then(Object::as_typed::<Service>) else {
            let _ = ctx.api.delete(&ep_key, &Default::default());
            if let Some(slice) = self.slice_names.remove(key) {
                let _ = ctx.api.delete(
                    &ObjKey::new(Kind::EndpointSlice, &key.namespace, &slice),
                    &Default::default(),
                );
            }
            return None;
        };
        let default_spec = Default::default();
        let spec: &ServiceSpec = svc.spec.as_ref().unwrap_or(&default_spec);
        let selector = spec.selector.as_ref().filter(|s| !s.is_empty())?;
        let sel = Selector {
            requirements: selector
                .iter()
                .map(|(k, v)| crate::api::labels::Requirement::Equals(k.clone(), v.clone()))
                .collect(),
            nothing: false,
        };
        let publish_not_ready = spec.publish_not_ready_addresses == Some(true);
        let mut ready: Vec<EndpointAddress> = Vec::new();
        let mut not_ready: Vec<EndpointAddress> = Vec::new();
        let mut slice_eps: Vec<Endpoint> = Vec::new();
        let mut pods: Vec<&Pod> = ctx
            .api
            .store
            .list(Kind::Pod, Some(&key.namespace))
            .filter_map(|o| o.as_typed::<Pod>())
            .filter(|p| sel.matches(p.metadata.labels.as_ref()))
            .collect();
        pods.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
        let default_pod_spec = Default::default();
        for pod in &pods {
            let Some(ip) = pod.status.as_ref().and_then(|s| s.pod_ip.clone()) else {
                continue;
            };
            let pspec: &PodSpec = pod.spec.as_ref().unwrap_or(&default_pod_spec);
            let hostname = (pspec.subdomain.as_deref() == Some(key.name()))
                .then(|| pspec.hostname.clone())
                .flatten();
            let terminating = pod.metadata.deletion_timestamp.is_some();
            let is_ready = !terminating && (is_running_and_ready(pod) || publish_not_ready);
            let addr = EndpointAddress {
                ip: ip.clone(),
                hostname: hostname.clone(),
                node_name: pspec.node_name.clone(),
                target_ref: Some(ObjectReference {
                    kind: Some("Pod".into()),
                    name: pod.metadata.name.clone(),
                    namespace: pod.metadata.namespace.clone(),
                    uid: pod.metadata.uid.clone(),
                    ..Default::default()
                }),
            };
            if is_ready {
                ready.push(addr);
            } else if !terminating || publish_not_ready {
                not_ready.push(addr);
            }
            slice_eps.push(Endpoint {
                addresses: vec![ip],
                conditions: Some(EndpointConditions {
                    ready: Some(is_ready),
                    serving: Some(is_running_and_ready(pod)),
                    terminating: Some(terminating),
                }),
                hostname,
                node_name: pspec.node_name.clone(),
                target_ref: Some(ObjectReference {
                    kind: Some("Pod".into()),
                    name: pod.metadata.name.clone(),
                    namespace: pod.metadata.namespace.clone(),
                    uid: pod.metadata.uid.clone(),
                    ..Default::default()
                }),
                ..Default::default()
            });
        }
        let ports: Vec<EndpointPort> = spec
            .ports
            .iter()
            .flatten()
            .map(|p| EndpointPort {
                name: p.name.clone(),
                port: resolve_target_port(p.target_port.as_ref(), p.port, &pods),
                protocol: p.protocol.clone().or(Some("TCP".into())),
                app_protocol: p.app_protocol.clone(),
            })
            .collect();
        // RepackSubsets: addresses sorted by IP (then by the pod's uid).
        let by_ip = |a: &EndpointAddress, b: &EndpointAddress| {
            a.ip.cmp(&b.ip).then_with(|| {
                a.target_ref
                    .as_ref()
                    .and_then(|t| t.uid.clone())
                    .cmp(&b.target_ref.as_ref().and_then(|t| t.uid.clone()))
            })
        };
        ready.sort_by(by_ip);
        not_ready.sort_by(by_ip);
        let subsets = if ready.is_empty() && not_ready.is_empty() {
            None
        } else {
            Some(vec![EndpointSubset {
                addresses: (!ready.is_empty()).then_some(ready),
                not_ready_addresses: (!not_ready.is_empty()).then_some(not_ready),
                ports: (!ports.is_empty()).then(|| ports.clone()),
            }])
        };
        let mut labels = svc.metadata.labels.clone().unwrap_or_default();
        if spec.cluster_ip.as_deref() == Some("None") {
            labels.insert("service.kubernetes.io/headless".into(), String::new());
        }
        let ep = Endpoints {
            metadata: ObjectMeta {
                name: Some(key.name.to_string()),
                namespace: Some(key.namespace.to_string()),
                labels: (!labels.is_empty()).then(|| labels.clone()),
                ..Default::default()
            },
            subsets,
        };
        write(ctx, &ep_key, Object::from(ep));

        let slice_name = match self.slice_names.get(key) {
            Some(n) => n.clone(),
            None => {
                let n = format!("{}-{}", key.name, ctx.api.ids.suffix(5));
                self.slice_names.insert(key.clone(), n.clone());
                n
            }
        };
        let mut slice_labels = labels;
        slice_labels.insert("kubernetes.io/service-name".into(), key.name.to_string());
        slice_labels.insert(
            "endpointslice.kubernetes.io/managed-by".into(),
            "endpointslice-controller.k8s.io".into(),
        );
        let slice = EndpointSlice {
            metadata: ObjectMeta {
                name: Some(slice_name.clone()),
                namespace: Some(key.namespace.to_string()),
                labels: Some(slice_labels),
                owner_references: Some(vec![
                    k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference {
                        api_version: "v1".into(),
                        kind: "Service".into(),
                        name: key.name.to_string(),
                        uid: svc.metadata.uid.clone().unwrap_or_default(),
                        controller: Some(true),
                        block_owner_deletion: Some(true),
                    },
                ]),
                ..Default::default()
            },
            address_type: "IPv4".into(),
            endpoints: slice_eps,
            ports: Some(
                ports
                    .iter()
                    .map(|p| SlicePort {
                        name: p.name.clone().or(Some(String::new())),
                        port: Some(p.port),
                        protocol: p.protocol.clone(),
                        app_protocol: None,
                    })
                    .collect(),
            ),
        };
        write(
            ctx,
            &ObjKey::new(Kind::EndpointSlice, &key.namespace, &slice_name),
            Object::from(slice),
        );
        None
    }
}

/// Create or update `obj` at `key`; an object equal to the stored one is no write.
fn write(ctx: &mut Ctx, key: &ObjKey, obj: Object) {
    let Some(old) = ctx.api.try_get(key) else {
        let _ = ctx.api.create(obj);
        return;
    };
    let mut next = obj;
    {
        let (m, om) = (next.meta_mut(), old.meta());
        m.resource_version = om.resource_version.clone();
        m.uid = om.uid.clone();
        m.creation_timestamp = om.creation_timestamp.clone();
    }
    if **old != next {
        let _ = ctx.api.update(next);
    }
}

/// A Service's targetPort as a number: itself, the port, or a named container port.
fn resolve_target_port(target: Option<&IntOrString>, port: i32, pods: &[&Pod]) -> i32 {
    match target {
        Some(IntOrString::Int(n)) => *n,
        Some(IntOrString::String(name)) => pods
            .iter()
            .flat_map(|p| p.spec.iter().flat_map(|s| s.containers.iter()))
            .flat_map(|c| c.ports.iter().flatten())
            .find(|cp| cp.name.as_deref() == Some(name.as_str()))
            .map(|cp| cp.container_port)
            .unwrap_or(port),
        None => port,
    }
}
