//! The mutating admission plugins a default v1.32 apiserver runs on create, in its
//! plugin order: NamespaceLifecycle, ServiceAccount, Priority, DefaultTolerationSeconds,
//! DefaultStorageClass, StorageObjectInUseProtection (upstream `plugin/pkg/admission/...`).
//! They run after defaulting and before validation; some need the store (service
//! accounts, storage classes, namespaces), and some can refuse the request.

use super::pod_defaults::round_trip_service_account;
use crate::api::errors::go_quote;
use crate::api::{ApiError, Kind, Object, Reason};
use crate::store::{ObjKey, Store};
use k8s_openapi::api::core::v1::{
    ConfigMapProjection, DownwardAPIProjection, DownwardAPIVolumeFile, KeyToPath,
    ObjectFieldSelector, PersistentVolumeClaim, Pod, ProjectedVolumeSource,
    ServiceAccountTokenProjection, Toleration, Volume, VolumeMount, VolumeProjection,
};
use k8s_openapi::api::storage::v1::StorageClass;

/// What the plugins may consult: the store, and the random suffix for the projected
/// token volume (`kube-api-access-<suffix>`), which the caller draws from its seeded
/// generator so runs are reproducible.
pub struct AdmissionContext<'a> {
    pub store: &'a Store,
    pub suffix: String,
}

/// Where the ServiceAccount plugin mounts the token volume.
pub const TOKEN_MOUNT_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount";
/// Lifetime the ServiceAccount plugin requests for the projected token
/// (`WarnOnlyBoundTokenExpirationSeconds`, one hour plus seven seconds).
pub const TOKEN_EXPIRATION_SECONDS: i64 = 3607;
const DEFAULT_CLASS_ANNOTATIONS: [&str; 2] = [
    "storageclass.kubernetes.io/is-default-class",
    "storageclass.beta.kubernetes.io/is-default-class",
];
/// Namespaces the sandbox treats as always present, whatever the store holds.
const SYSTEM_NAMESPACES: [&str; 4] = ["default", "kube-system", "kube-public", "kube-node-lease"];

/// Run the create-time mutating admission chain on a defaulted object.
pub fn mutate(obj: &mut Object, ctx: &AdmissionContext) -> Result<(), ApiError> {
    namespace_lifecycle(obj, ctx.store)?;
    match obj {
        Object::Pod(pod) => {
            service_account(pod, ctx)?;
            priority(pod)?;
            default_toleration_seconds(pod);
        }
        Object::PersistentVolumeClaim(pvc) => {
            default_storage_class(pvc, ctx.store);
            add_finalizer(&mut pvc.metadata.finalizers, "kubernetes.io/pvc-protection");
        }
        Object::PersistentVolume(pv) => {
            add_finalizer(&mut pv.metadata.finalizers, "kubernetes.io/pv-protection");
        }
        _ => {}
    }
    Ok(())
}

/// `pods "web-0" is forbidden: <why>` (admission.NewForbidden).
fn forbidden(obj_kind: Kind, name: &str, why: &str) -> ApiError {
    let resource = obj_kind.info().resource_group();
    let message = if name.is_empty() {
        format!("{resource} is forbidden: {why}")
    } else {
        format!("{resource} {} is forbidden: {why}", go_quote(name))
    };
    ApiError::new(Reason::Forbidden, message)
}

/// NamespaceLifecycle: no creates in a missing or terminating namespace.
fn namespace_lifecycle(obj: &Object, store: &Store) -> Result<(), ApiError> {
    let kind = obj.kind();
    let ns = obj.namespace();
    if !kind.info().namespaced || ns.is_empty() {
        return Ok(());
    }
    match store.get(&ObjKey::new(Kind::Namespace, "", ns)) {
        None if SYSTEM_NAMESPACES.contains(&ns) => Ok(()),
        None => Err(ApiError::not_found(Kind::Namespace, ns)),
        Some(nsobj) => {
            let terminating = match nsobj.as_ref() {
                Object::Namespace(n) => {
                    n.metadata.deletion_timestamp.is_some()
                        || n.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Terminating")
                }
                _ => false,
            };
            if terminating {
                Err(forbidden(
                    kind,
                    obj.name(),
                    &format!("unable to create new content in namespace {ns} because it is being terminated"),
                ))
            } else {
                Ok(())
            }
        }
    }
}

/// ServiceAccount: default the account, check it exists, project its token into
/// every container, copy its image pull secrets.
fn service_account(pod: &mut Pod, ctx: &AdmissionContext) -> Result<(), ApiError> {
    let is_mirror = pod
        .metadata
        .annotations
        .as_ref()
        .is_some_and(|a| a.contains_key("kubernetes.io/config.mirror"));
    if is_mirror {
        return Ok(());
    }
    let ns = pod.metadata.namespace.as_deref().unwrap_or("");
    let name = pod.metadata.name.as_deref().unwrap_or("");
    let spec = pod.spec.get_or_insert_with(Default::default);
    if spec
        .service_account_name
        .as_deref()
        .unwrap_or("")
        .is_empty()
    {
        spec.service_account_name = Some("default".to_string());
    }
    round_trip_service_account(spec);
    let sa_name = spec.service_account_name.as_deref().unwrap_or("");

    let stored = ctx
        .store
        .get(&ObjKey::new(Kind::ServiceAccount, ns, sa_name));
    let sa = match stored.map(|o| o.as_ref()) {
        Some(Object::ServiceAccount(sa)) => Some(sa),
        // The sandbox does not require the `default` account to have been created yet.
        _ if sa_name == "default" => None,
        _ => {
            return Err(forbidden(
                Kind::Pod,
                name,
                &format!(
                    "error looking up service account {ns}/{sa_name}: serviceaccount {} not found",
                    go_quote(sa_name)
                ),
            ))
        }
    };
    let automount = spec
        .automount_service_account_token
        .or_else(|| sa.and_then(|s| s.automount_service_account_token))
        .unwrap_or(true);
    if automount {
        mount_token(spec, &ctx.suffix);
    }
    if spec
        .image_pull_secrets
        .as_ref()
        .is_none_or(|v| v.is_empty())
    {
        if let Some(secrets) = sa
            .and_then(|s| s.image_pull_secrets.as_ref())
            .filter(|v| !v.is_empty())
        {
            spec.image_pull_secrets = Some(secrets.clone());
        }
    }
    Ok(())
}

fn mount_token(spec: &mut k8s_openapi::api::core::v1::PodSpec, suffix: &str) {
    let existing = spec
        .volumes
        .iter()
        .flatten()
        .find(|v| v.name.starts_with("kube-api-access-"))
        .map(|v| v.name.clone());
    let has_volume = existing.is_some();
    let volume_name = existing.unwrap_or_else(|| format!("kube-api-access-{suffix}"));
    let mount = VolumeMount {
        name: volume_name.clone(),
        read_only: Some(true),
        mount_path: TOKEN_MOUNT_PATH.into(),
        ..Default::default()
    };
    let mut needs_volume = false;
    for c in spec
        .init_containers
        .iter_mut()
        .flatten()
        .chain(spec.containers.iter_mut())
    {
        let mounts = c.volume_mounts.get_or_insert_with(Vec::new);
        if !mounts.iter().any(|m| m.mount_path == TOKEN_MOUNT_PATH) {
            mounts.push(mount.clone());
            needs_volume = true;
        }
    }
    if !has_volume && needs_volume {
        spec.volumes
            .get_or_insert_with(Vec::new)
            .push(token_volume(volume_name));
    }
}

/// The projected volume (`TokenVolumeSource`): token, cluster CA, namespace.
fn token_volume(name: String) -> Volume {
    Volume {
        name,
        projected: Some(ProjectedVolumeSource {
            default_mode: Some(0o644),
            sources: Some(vec![
                VolumeProjection {
                    service_account_token: Some(ServiceAccountTokenProjection {
                        expiration_seconds: Some(TOKEN_EXPIRATION_SECONDS),
                        path: "token".into(),
                        audience: None,
                    }),
                    ..Default::default()
                },
                VolumeProjection {
                    config_map: Some(ConfigMapProjection {
                        name: "kube-root-ca.crt".into(),
                        items: Some(vec![KeyToPath {
                            key: "ca.crt".into(),
                            path: "ca.crt".into(),
                            mode: None,
                        }]),
                        optional: None,
                    }),
                    ..Default::default()
                },
                VolumeProjection {
                    downward_api: Some(DownwardAPIProjection {
                        items: Some(vec![DownwardAPIVolumeFile {
                            path: "namespace".into(),
                            field_ref: Some(ObjectFieldSelector {
                                api_version: Some("v1".into()),
                                field_path: "metadata.namespace".into(),
                            }),
                            ..Default::default()
                        }]),
                    }),
                    ..Default::default()
                },
            ]),
        }),
        ..Default::default()
    }
}

/// Priority: no class gives priority 0 and `PreemptLowerPriority`; the two built-in
/// system classes give their values; any other class is unknown in the sandbox.
fn priority(pod: &mut Pod) -> Result<(), ApiError> {
    let name = pod.metadata.name.as_deref().unwrap_or("");
    let spec = pod.spec.get_or_insert_with(Default::default);
    let class = spec.priority_class_name.as_deref().unwrap_or("");
    let value = match class {
        "" => 0,
        "system-node-critical" => 2_000_001_000,
        "system-cluster-critical" => 2_000_000_000,
        other => {
            return Err(forbidden(
                Kind::Pod,
                name,
                &format!("no PriorityClass with name {other} was found"),
            ))
        }
    };
    if let Some(given) = spec.priority.filter(|p| *p != value) {
        return Err(forbidden(
            Kind::Pod,
            name,
            &format!("the integer value of priority ({given}) must not be provided in pod spec; priority admission controller computed {value} from the given PriorityClass name"),
        ));
    }
    spec.priority = Some(value);
    if let Some(given) = spec
        .preemption_policy
        .as_deref()
        .filter(|p| *p != "PreemptLowerPriority")
    {
        if !class.is_empty() {
            return Err(forbidden(
                Kind::Pod,
                name,
                &format!("the string value of PreemptionPolicy ({given}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name"),
            ));
        }
    }
    spec.preemption_policy
        .get_or_insert_with(|| "PreemptLowerPriority".into());
    Ok(())
}

/// DefaultTolerationSeconds: tolerate not-ready/unreachable NoExecute taints for 300s
/// unless the pod already tolerates them.
fn default_toleration_seconds(pod: &mut Pod) {
    let spec = pod.spec.get_or_insert_with(Default::default);
    let tolerations = spec.tolerations.get_or_insert_with(Vec::new);
    let tolerates = |key: &str, list: &[Toleration]| {
        list.iter().any(|t| {
            let k = t.key.as_deref().unwrap_or("");
            let e = t.effect.as_deref().unwrap_or("");
            (k == key || k.is_empty()) && (e == "NoExecute" || e.is_empty())
        })
    };
    let not_ready = tolerates("node.kubernetes.io/not-ready", tolerations);
    let unreachable = tolerates("node.kubernetes.io/unreachable", tolerations);
    for (key, present) in [
        ("node.kubernetes.io/not-ready", not_ready),
        ("node.kubernetes.io/unreachable", unreachable),
    ] {
        if !present {
            tolerations.push(Toleration {
                key: Some(key.into()),
                operator: Some("Exists".into()),
                effect: Some("NoExecute".into()),
                toleration_seconds: Some(300),
                value: None,
            });
        }
    }
}

/// The default StorageClass: the newest class annotated as default (ties: by name).
/// "Newest" compares creation timestamps as they serialise (second precision), as the
/// sandbox always has; they are only serialised when a second default class appears.
pub fn default_storage_class_name(store: &Store) -> Option<String> {
    let mut best: Option<&StorageClass> = None;
    for o in store.list(Kind::StorageClass, None) {
        let Object::StorageClass(sc) = o.as_ref() else {
            continue;
        };
        let Some(ann) = sc.metadata.annotations.as_ref() else {
            continue;
        };
        let is_default = DEFAULT_CLASS_ANNOTATIONS
            .iter()
            .any(|a| ann.get(*a).map(String::as_str) == Some("true"));
        if !is_default {
            continue;
        }
        best = match best {
            Some(b) if !newer_default(sc, b) => Some(b),
            _ => Some(sc),
        };
    }
    best.map(|sc| sc.metadata.name.clone().unwrap_or_default())
}

/// Whether default class `a` wins over `b`: created later, or at the same time with the
/// smaller name.
fn newer_default(a: &StorageClass, b: &StorageClass) -> bool {
    let created = |sc: &StorageClass| {
        serde_json::to_string(&sc.metadata.creation_timestamp).unwrap_or_default()
    };
    let (name_a, name_b) = (
        a.metadata.name.as_deref().unwrap_or(""),
        b.metadata.name.as_deref().unwrap_or(""),
    );
    (created(b), name_a) < (created(a), name_b)
}

/// DefaultStorageClass: only when `storageClassName` is absent (not when it is "").
fn default_storage_class(pvc: &mut PersistentVolumeClaim, store: &Store) {
    let has_beta_annotation = pvc
        .metadata
        .annotations
        .as_ref()
        .is_some_and(|a| a.contains_key("volume.beta.kubernetes.io/storage-class"));
    let spec = pvc.spec.get_or_insert_with(Default::default);
    if spec.storage_class_name.is_some() || has_beta_annotation {
        return;
    }
    spec.storage_class_name = default_storage_class_name(store);
}

fn add_finalizer(finalizers: &mut Option<Vec<String>>, name: &str) {
    let list = finalizers.get_or_insert_with(Vec::new);
    if !list.iter().any(|f| f == name) {
        list.push(name.to_string());
    }
}
