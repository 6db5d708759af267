//! State rules: problems a command can show even when it succeeded. Each reads the output
//! only to know what the learner is looking at, and the cluster to judge it, so a claim
//! that is Pending for a moment on its way to Bound (its pod is being scheduled) stays
//! unremarked, while one that nothing will ever bind is explained.

use super::Hint;
use crate::api::Kind;
use crate::kubectl::session::Session;
use crate::store::{ObjKey, Store};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod, Service};
use k8s_openapi::api::storage::v1::StorageClass;

pub(super) fn state_hint(
    words: &[String],
    output: &str,
    namespace: &str,
    session: &Session,
) -> Option<Hint> {
    let store = &session.cluster.api.store;
    service_name_hint(output, namespace, store)
        .or_else(|| failed_create_hint(output))
        .or_else(|| image_hint(output, namespace, store))
        .or_else(|| claim_hint(words, output, namespace, store))
}

/// `statefulset.apps/NAME created|configured` in the output: does its serviceName name a
/// headless Service?
fn service_name_hint(output: &str, namespace: &str, store: &Store) -> Option<Hint> {
    for line in output.lines() {
        let Some(rest) = line.strip_prefix("statefulset.apps/") else {
            continue;
        };
        let Some((name, verb)) = rest.split_once(' ') else {
            continue;
        };
        if !verb.starts_with("created") && !verb.starts_with("configured") {
            continue;
        }
        // The manifest may name another namespace: prefer the current one.
        let sts = store
            .get(&ObjKey::new(Kind::StatefulSet, namespace, name))
            .or_else(|| {
                store
                    .list(Kind::StatefulSet, None)
                    .find(|o| o.name() == name)
            })
            .and_then(|o| o.as_typed::<StatefulSet>())?;
        if let Some(volume) = unmounted_volume(sts) {
            return Some(Hint::MountsNoVolume {
                sts: name.to_string(),
                volume,
            });
        }
        let ns = sts.metadata.namespace.as_deref().unwrap_or(namespace);
        let service = sts
            .spec
            .as_ref()
            .and_then(|s| s.service_name.as_deref())
            .unwrap_or("");
        if service.is_empty() {
            continue;
        }
        match store
            .get(&ObjKey::new(Kind::Service, ns, service))
            .and_then(|o| o.as_typed::<Service>())
        {
            None => {
                return Some(Hint::ServiceNameMissing {
                    sts: name.to_string(),
                    service: service.to_string(),
                })
            }
            Some(svc)
                if svc.spec.as_ref().and_then(|s| s.cluster_ip.as_deref()) != Some("None") =>
            {
                return Some(Hint::ServiceNotHeadless {
                    sts: name.to_string(),
                    service: service.to_string(),
                })
            }
            Some(_) => {}
        }
    }
    None
}

/// A volumeMount of the template that no pod volume or claim template defines.
fn unmounted_volume(sts: &StatefulSet) -> Option<String> {
    let spec = sts.spec.as_ref()?;
    let pod = spec.template.spec.as_ref()?;
    let defined = |name: &str| {
        pod.volumes.iter().flatten().any(|v| v.name == name)
            || spec
                .volume_claim_templates
                .iter()
                .flatten()
                .any(|c| c.metadata.name.as_deref() == Some(name))
    };
    pod.containers
        .iter()
        .flat_map(|c| c.volume_mounts.iter().flatten())
        .find(|m| !defined(&m.name))
        .map(|m| m.name.clone())
}

/// `describe sts` showing a `FailedCreate` event for pods.
fn failed_create_hint(output: &str) -> Option<Hint> {
    let line = output
        .lines()
        .find(|l| l.contains("FailedCreate") && l.contains("create Pod "))?;
    let sts = line.split(" in StatefulSet ").nth(1)?.split(' ').next()?;
    Some(Hint::FailedCreate {
        sts: sts.to_string(),
    })
}

/// The pod a line of `get` output or a `describe` block is about.
fn pod_of_line(output: &str, line: &str) -> Option<String> {
    let first = line.split_whitespace().next()?;
    if first.starts_with("Warning") || first.starts_with("Normal") || first.ends_with(':') {
        // describe: the object's `Name:` line.
        let name = output.lines().find_map(|l| l.strip_prefix("Name:"))?.trim();
        return Some(name.to_string());
    }
    Some(first.strip_prefix("pod/").unwrap_or(first).to_string())
}

/// ErrImagePull / ImagePullBackOff / InvalidImageName, or CrashLoopBackOff, in the output.
fn image_hint(output: &str, namespace: &str, store: &Store) -> Option<Hint> {
    for line in output.lines() {
        let pull = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName"]
            .iter()
            .any(|r| line.contains(r));
        let crash = line.contains("CrashLoopBackOff");
        if !pull && !crash {
            continue;
        }
        let Some(pod_name) = pod_of_line(output, line) else {
            continue;
        };
        let Some(pod) = store
            .get(&ObjKey::new(Kind::Pod, namespace, &pod_name))
            .and_then(|o| o.as_typed::<Pod>())
        else {
            continue;
        };
        if crash {
            return Some(Hint::CrashLoop { pod: pod_name });
        }
        let statuses = pod
            .status
            .as_ref()
            .and_then(|s| s.container_statuses.as_ref());
        let waiting_image = statuses.into_iter().flatten().find_map(|c| {
            let reason = c.state.as_ref()?.waiting.as_ref()?.reason.as_deref()?;
            matches!(
                reason,
                "ErrImagePull" | "ImagePullBackOff" | "InvalidImageName"
            )
            .then(|| c.image.clone())
        });
        let image = waiting_image.or_else(|| {
            pod.spec
                .as_ref()
                .and_then(|s| s.containers.first())
                .and_then(|c| c.image.clone())
        })?;
        return Some(Hint::ImagePull {
            pod: pod_name,
            image,
        });
    }
    None
}

/// A claim the output shows Pending (`get pvc`, `describe pvc`) that will not bind by
/// itself.
fn claim_hint(words: &[String], output: &str, namespace: &str, store: &Store) -> Option<Hint> {
    let about_claims = words
        .iter()
        .any(|w| w.contains("pvc") || w.contains("persistentvolumeclaim"));
    if !about_claims || !output.contains("Pending") {
        return None;
    }
    let describe_name = output
        .lines()
        .find_map(|l| l.strip_prefix("Name:"))
        .map(|n| n.trim().to_string());
    let mut pending: Vec<String> = output
        .lines()
        .filter_map(|l| {
            let mut cols = l.split_whitespace();
            let name = cols.next()?;
            (cols.next()? == "Pending").then(|| {
                name.strip_prefix("persistentvolumeclaim/")
                    .unwrap_or(name)
                    .to_string()
            })
        })
        .collect();
    if let Some(n) = describe_name.filter(|_| output.contains("Status:        Pending")) {
        pending.push(n);
    }
    pending
        .iter()
        .find_map(|claim| stuck_claim(claim, namespace, store))
}

/// Why `claim` will stay Pending, if it will.
fn stuck_claim(claim: &str, namespace: &str, store: &Store) -> Option<Hint> {
    let pvc = store
        .get(&ObjKey::new(Kind::PersistentVolumeClaim, namespace, claim))
        .and_then(|o| o.as_typed::<PersistentVolumeClaim>())?;
    let phase = pvc.status.as_ref().and_then(|s| s.phase.as_deref());
    if phase != Some("Pending") {
        return None;
    }
    let spec = pvc.spec.as_ref()?;
    let class_name = spec.storage_class_name.as_deref().unwrap_or("");
    let class = store
        .get(&ObjKey::new(Kind::StorageClass, "", class_name))
        .and_then(|o| o.as_typed::<StorageClass>());
    let Some(class) = class else {
        return (!class_name.is_empty()).then(|| Hint::ClaimNoClass {
            claim: claim.to_string(),
            class: class_name.to_string(),
        });
    };
    if class.provisioner == "rancher.io/local-path" {
        if let Some(mode) = spec
            .access_modes
            .iter()
            .flatten()
            .find(|m| *m != "ReadWriteOnce" && *m != "ReadWriteOncePod")
        {
            return Some(Hint::ClaimAccessMode {
                claim: claim.to_string(),
                mode: mode.clone(),
            });
        }
    }
    if class.volume_binding_mode.as_deref() != Some("WaitForFirstConsumer") {
        return None;
    }
    let users: Vec<&Pod> = store
        .list(Kind::Pod, Some(namespace))
        .filter_map(|o| o.as_typed::<Pod>())
        .filter(|p| {
            p.spec
                .as_ref()
                .and_then(|s| s.volumes.as_ref())
                .into_iter()
                .flatten()
                .any(|v| {
                    v.persistent_volume_claim
                        .as_ref()
                        .is_some_and(|c| c.claim_name == claim)
                })
        })
        .collect();
    if users.is_empty() {
        return Some(Hint::ClaimWaitsForPod {
            claim: claim.to_string(),
        });
    }
    let unschedulable = users.iter().find(|p| {
        p.status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .into_iter()
            .flatten()
            .any(|c| c.type_ == "PodScheduled" && c.status == "False")
    })?;
    Some(Hint::ClaimPodUnschedulable {
        claim: claim.to_string(),
        pod: unschedulable.metadata.name.clone().unwrap_or_default(),
    })
}
