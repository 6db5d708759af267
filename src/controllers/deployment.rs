//! The Deployment controller: one ReplicaSet per pod template (`<deploy>-<pod-template-hash>`),
//! the new one scaled up and old ones scaled down within maxSurge/maxUnavailable, and the
//! revision annotation that `rollout history` reads.
//!
//! A paused Deployment (`spec.paused`, `kubectl rollout pause`) is synced as upstream's
//! `dc.sync` does: no new ReplicaSet is created for a changed template and nothing is
//! rolled; only a change of `replicas` is applied, to the one active ReplicaSet (or the
//! newest when none is active), and old sets go to 0 once the new one is saturated. The
//! Progressing condition reads `Unknown`, `DeploymentPaused`, "Deployment is paused"
//! until it is resumed. (Proportional scaling of several active sets while paused is not
//! simulated: they keep their sizes.)

use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Source};
use crate::cluster::ids::template_hash;
use crate::cluster::Ctx;
use crate::controllers::statefulset::controller_of;
use crate::store::{ObjKey, WatchEvent};
use k8s_openapi::api::apps::v1::{
    DeploymentCondition, DeploymentStatus, ReplicaSet, ReplicaSetSpec,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

const COMPONENT: &str = "deployment-controller";
pub const HASH_LABEL: &str = "pod-template-hash";
pub const REVISION_ANNOTATION: &str = "deployment.kubernetes.io/revision";
/// `deploymentutil.PausedDeployReason`.
const PAUSED: &str = "DeploymentPaused";

#[derive(Clone, Debug, Default)]
pub struct DeploymentController;

fn scaled(v: Option<&IntOrString>, replicas: i32, round_up: bool) -> i32 {
    match v {
        Some(IntOrString::Int(n)) => *n,
        Some(IntOrString::String(s)) => {
            let pct: f64 = s.trim_end_matches('%').parse().unwrap_or(25.0);
            let x = pct * replicas as f64 / 100.0;
            if round_up {
                x.ceil() as i32
            } else {
                x.floor() as i32
            }
        }
        None => {
            let x = 25.0 * replicas as f64 / 100.0;
            if round_up {
                x.ceil() as i32
            } else {
                x.floor() as i32
            }
        }
    }
}

impl DeploymentController {
    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        match obj.kind() {
            Kind::Deployment => push(ObjKey::of(obj), 0),
            Kind::ReplicaSet => {
                if let Some(o) = controller_of(obj.meta()).filter(|o| o.kind == "Deployment") {
                    push(ObjKey::new(Kind::Deployment, obj.namespace(), &o.name), 0);
                }
            }
            _ => {}
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let Some(Object::Deployment(d)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            return None;
        };
        // Being deleted: as upstream's syncStatusOnly, nothing is created or scaled,
        // but the status still follows the ReplicaSets as their pods go.
        let deleting = d.metadata.deletion_timestamp.is_some();
        let spec = d.spec.clone().unwrap_or_default();
        let uid = d.metadata.uid.clone().unwrap_or_default();
        let replicas = spec.replicas.unwrap_or(1);
        let hash = template_hash(&serde_json::to_value(&spec.template).unwrap_or_default());
        let rs_name = format!("{}-{}", key.name, hash);
        let owned: Vec<ReplicaSet> = ctx
            .api
            .store
            .list(Kind::ReplicaSet, Some(&key.namespace))
            .filter_map(|o| o.as_typed::<ReplicaSet>())
            .filter(|r| controller_of(&r.metadata).is_some_and(|o| o.uid == uid))
            .cloned()
            .collect();
        let max_revision = owned
            .iter()
            .filter_map(|r| {
                r.metadata
                    .annotations
                    .as_ref()?
                    .get(REVISION_ANNOTATION)?
                    .parse::<i64>()
                    .ok()
            })
            .max()
            .unwrap_or(0);
        let ru = spec
            .strategy
            .as_ref()
            .and_then(|s| s.rolling_update.clone())
            .unwrap_or_default();
        let unavailable = scaled(ru.max_unavailable.as_ref(), replicas, false);
        let paused = spec.paused == Some(true);
        let ready_of = |r: &ReplicaSet| {
            r.status
                .as_ref()
                .and_then(|s| s.available_replicas)
                .unwrap_or(0)
        };
        if !deleting {
            let dep_obj = Object::Deployment(d.clone());
            let source = Source::component(COMPONENT);
            let new_rs = match owned
                .iter()
                .find(|r| r.metadata.name.as_deref() == Some(&rs_name))
            {
                Some(r) => {
                    // Rolled back to this template: it becomes the newest revision.
                    let rev = r
                        .metadata
                        .annotations
                        .as_ref()
                        .and_then(|a| a.get(REVISION_ANNOTATION))
                        .and_then(|v| v.parse::<i64>().ok())
                        .unwrap_or(0);
                    if rev < max_revision {
                        let mut next = r.clone();
                        next.metadata
                            .annotations
                            .get_or_insert_with(Default::default)
                            .insert(REVISION_ANNOTATION.into(), (max_revision + 1).to_string());
                        let _ = ctx.api.update(Object::from(next.clone()));
                        next
                    } else {
                        r.clone()
                    }
                }
                None if paused => ReplicaSet::default(),
                None => {
                    let mut template = spec.template.clone();
                    let tmeta = template.metadata.get_or_insert_with(Default::default);
                    tmeta
                        .labels
                        .get_or_insert_with(Default::default)
                        .insert(HASH_LABEL.into(), hash.clone());
                    let mut selector = spec.selector.clone();
                    selector
                        .match_labels
                        .get_or_insert_with(Default::default)
                        .insert(HASH_LABEL.into(), hash.clone());
                    let mut labels = spec
                        .template
                        .metadata
                        .as_ref()
                        .and_then(|m| m.labels.clone())
                        .unwrap_or_default();
                    labels.insert(HASH_LABEL.into(), hash.clone());
                    let initial = if owned.is_empty() { replicas } else { 0 };
                    let rs = ReplicaSet {
                        metadata: ObjectMeta {
                            name: Some(rs_name.clone()),
                            namespace: Some(key.namespace.to_string()),
                            labels: Some(labels),
                            annotations: Some(
                                [
                                    (
                                        "deployment.kubernetes.io/desired-replicas".to_string(),
                                        replicas.to_string(),
                                    ),
                                    (
                                        "deployment.kubernetes.io/max-replicas".to_string(),
                                        (replicas
                                            + scaled(
                                                spec.strategy
                                                    .as_ref()
                                                    .and_then(|s| s.rolling_update.as_ref())
                                                    .and_then(|r| r.max_surge.as_ref()),
                                                replicas,
                                                true,
                                            ))
                                        .to_string(),
                                    ),
                                    (
                                        REVISION_ANNOTATION.to_string(),
                                        (max_revision + 1).to_string(),
                                    ),
                                ]
                                .into_iter()
                                .collect(),
                            ),
                            owner_references: Some(vec![OwnerReference {
                                api_version: "apps/v1".into(),
                                kind: "Deployment".into(),
                                name: key.name.to_string(),
                                uid: uid.clone(),
                                controller: Some(true),
                                block_owner_deletion: Some(true),
                            }]),
                            ..Default::default()
                        },
                        spec: Some(ReplicaSetSpec {
                            replicas: Some(initial),
                            selector,
                            template: Some(template),
                            min_ready_seconds: spec.min_ready_seconds,
                        }),
                        status: None,
                    };
                    match ctx.api.create(Object::from(rs)) {
                        Ok(o) => {
                            ctx.api.record_event(
                                &dep_obj,
                                None,
                                EventType::Normal,
                                "ScalingReplicaSet",
                                &format!("Scaled up replica set {rs_name} from 0 to {initial}"),
                                &source,
                            );
                            o.as_typed::<ReplicaSet>().cloned().expect("a ReplicaSet")
                        }
                        Err(_) => return Some(10_000),
                    }
                }
            };
            // While paused there may be no ReplicaSet for the current template.
            let has_new = new_rs.metadata.name.is_some();
            let old: Vec<ReplicaSet> = owned
                .iter()
                .filter(|r| r.metadata.name.as_deref() != Some(&rs_name))
                .cloned()
                .collect();
            let recreate =
                spec.strategy.as_ref().and_then(|s| s.type_.as_deref()) == Some("Recreate");
            let surge = scaled(ru.max_surge.as_ref(), replicas, true);
            let spec_of = |r: &ReplicaSet| r.spec.as_ref().and_then(|s| s.replicas).unwrap_or(0);
            let old_total: i32 = old.iter().map(spec_of).sum();
            let new_spec = spec_of(&new_rs);
            let old_ready: i32 = old.iter().map(ready_of).sum();
            let new_ready = ready_of(&new_rs);
            let scale = |ctx: &mut Ctx, rs: &ReplicaSet, to: i32| {
                let from = spec_of(rs);
                if from == to {
                    return;
                }
                let mut next = rs.clone();
                next.spec.get_or_insert_with(Default::default).replicas = Some(to);
                next.metadata
                    .annotations
                    .get_or_insert_with(Default::default)
                    .insert(
                        "deployment.kubernetes.io/desired-replicas".into(),
                        replicas.to_string(),
                    );
                let name = rs.metadata.name.clone().unwrap_or_default();
                if ctx.api.update(Object::from(next)).is_ok() {
                    let verb = if to > from { "up" } else { "down" };
                    ctx.api.record_event(
                        &dep_obj,
                        None,
                        EventType::Normal,
                        "ScalingReplicaSet",
                        &format!("Scaled {verb} replica set {name} from {from} to {to}"),
                        &source,
                    );
                }
            };
            if paused {
                // `dc.scale` with `FindActiveOrLatest`.
                let active: Vec<&ReplicaSet> = owned.iter().filter(|r| spec_of(r) > 0).collect();
                let latest = || {
                    let newest_old = old.iter().max_by_key(|r| {
                        r.metadata
                            .annotations
                            .as_ref()
                            .and_then(|a| a.get(REVISION_ANNOTATION))
                            .and_then(|v| v.parse::<i64>().ok())
                            .unwrap_or(0)
                    });
                    if has_new {
                        Some(&new_rs)
                    } else {
                        newest_old
                    }
                };
                let target = match active.len() {
                    0 => latest(),
                    1 => Some(active[0]),
                    _ => None,
                };
                if let Some(t) = target {
                    scale(ctx, t, replicas);
                }
                let saturated = has_new
                    && new_spec == replicas
                    && new_rs
                        .status
                        .as_ref()
                        .and_then(|s| s.available_replicas)
                        .unwrap_or(0)
                        == replicas;
                if saturated {
                    for r in &old {
                        scale(ctx, r, 0);
                    }
                }
            } else if recreate {
                for r in &old {
                    scale(ctx, r, 0);
                }
                if old_ready == 0
                    && old
                        .iter()
                        .all(|r| r.status.as_ref().map(|s| s.replicas).unwrap_or(0) == 0)
                {
                    scale(ctx, &new_rs, replicas);
                }
            } else {
                // Scale up the new set within maxSurge.
                let room = (replicas + surge - (old_total + new_spec)).max(0);
                let target_new = (new_spec + room).min(replicas);
                if old.is_empty() {
                    scale(ctx, &new_rs, replicas);
                } else if target_new > new_spec {
                    scale(ctx, &new_rs, target_new);
                }
                // Scale down old sets while keeping replicas - maxUnavailable available.
                let min_available = (replicas - unavailable).max(0);
                let mut can_remove = (old_ready + new_ready - min_available).max(0);
                for r in &old {
                    if can_remove == 0 {
                        break;
                    }
                    let cur = spec_of(r);
                    let cut = cur.min(can_remove);
                    if cut > 0 {
                        scale(ctx, r, cur - cut);
                        can_remove -= cut;
                    }
                }
            }
        }
        // Status.
        let owned_now: Vec<ReplicaSet> = ctx
            .api
            .store
            .list(Kind::ReplicaSet, Some(&key.namespace))
            .filter_map(|o| o.as_typed::<ReplicaSet>())
            .filter(|r| controller_of(&r.metadata).is_some_and(|o| o.uid == uid))
            .cloned()
            .collect();
        let total: i32 = owned_now
            .iter()
            .map(|r| r.status.as_ref().map(|s| s.replicas).unwrap_or(0))
            .sum();
        let ready: i32 = owned_now
            .iter()
            .map(|r| {
                r.status
                    .as_ref()
                    .and_then(|s| s.ready_replicas)
                    .unwrap_or(0)
            })
            .sum();
        let available: i32 = owned_now.iter().map(ready_of).sum();
        let updated = owned_now
            .iter()
            .find(|r| r.metadata.name.as_deref() == Some(&rs_name))
            .and_then(|r| r.status.as_ref())
            .map(|s| s.replicas)
            .unwrap_or(0);
        let now = crate::api::time::to_time(ctx.now());
        let old_status = d.status.clone().unwrap_or_default();
        let keep_time = |t: &str, status: &str| {
            old_status
                .conditions
                .iter()
                .flatten()
                .find(|c| c.type_ == t && c.status == status)
                .and_then(|c| c.last_transition_time.clone())
                .unwrap_or(now.clone())
        };
        let avail_ok = available >= replicas - unavailable;
        let status = DeploymentStatus {
            observed_generation: d.metadata.generation,
            replicas: Some(total).filter(|n| *n > 0),
            updated_replicas: Some(updated).filter(|n| *n > 0),
            ready_replicas: Some(ready).filter(|n| *n > 0),
            available_replicas: Some(available).filter(|n| *n > 0),
            unavailable_replicas: Some(replicas - available).filter(|n| *n > 0),
            conditions: Some(vec![
                DeploymentCondition {
                    type_: "Available".into(),
                    status: if avail_ok { "True" } else { "False" }.into(),
                    reason: Some(
                        if avail_ok {
                            "MinimumReplicasAvailable"
                        } else {
                            "MinimumReplicasUnavailable"
                        }
                        .into(),
                    ),
                    message: Some(
                        if avail_ok {
                            "Deployment has minimum availability."
                        } else {
                            "Deployment does not have minimum availability."
                        }
                        .into(),
                    ),
                    last_update_time: Some(keep_time(
                        "Available",
                        if avail_ok { "True" } else { "False" },
                    )),
                    last_transition_time: Some(keep_time(
                        "Available",
                        if avail_ok { "True" } else { "False" },
                    )),
                },
                if paused {
                    // `checkPausedConditions`: set once, kept while paused.
                    old_status
                        .conditions
                        .iter()
                        .flatten()
                        .find(|c| c.type_ == "Progressing" && c.reason.as_deref() == Some(PAUSED))
                        .cloned()
                        .unwrap_or(DeploymentCondition {
                            type_: "Progressing".into(),
                            status: "Unknown".into(),
                            reason: Some(PAUSED.into()),
                            message: Some("Deployment is paused".into()),
                            last_update_time: Some(now.clone()),
                            last_transition_time: Some(now.clone()),
                        })
                } else {
                    DeploymentCondition {
                        type_: "Progressing".into(),
                        status: "True".into(),
                        reason: Some(
                            if updated == replicas && available == replicas {
                                "NewReplicaSetAvailable"
                            } else {
                                "ReplicaSetUpdated"
                            }
                            .into(),
                        ),
                        message: Some(if updated == replicas && available == replicas {
                            format!("ReplicaSet \"{rs_name}\" has successfully progressed.")
                        } else {
                            format!("ReplicaSet \"{rs_name}\" is progressing.")
                        }),
                        last_update_time: Some(keep_time("Progressing", "True")),
                        last_transition_time: Some(keep_time("Progressing", "True")),
                    }
                },
            ]),
            collision_count: None,
        };
        if d.status.as_ref() != Some(&status) {
            let mut next = d.clone();
            next.status = Some(status);
            let _ = ctx.api.update_status(Object::Deployment(next));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::api::{Kind, Object};
    use crate::cluster::{Cluster, ClusterConfig};
    use crate::store::ObjKey;
    use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};

    fn deployment(image: &str, replicas: i32) -> Object {
        crate::codec::strict::decode(&serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "d", "namespace": "default"},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": "d"}},
                "template": {"metadata": {"labels": {"app": "d"}},
                    "spec": {"containers": [{"name": "c", "image": image}]}}}
        }))
        .expect("a Deployment")
    }

    fn sets(c: &Cluster) -> Vec<(String, i32)> {
        c.api
            .store
            .list(Kind::ReplicaSet, Some("default"))
            .filter_map(|o| o.as_typed::<ReplicaSet>())
            .map(|r| {
                (
                    r.metadata.name.clone().unwrap_or_default(),
                    r.spec.as_ref().and_then(|s| s.replicas).unwrap_or(0),
                )
            })
            .collect()
    }

    fn edit(c: &mut Cluster, f: impl FnOnce(&mut Deployment)) {
        let key = ObjKey::new(Kind::Deployment, "default", "d");
        let mut d = c
            .api
            .try_get(&key)
            .and_then(|o| o.as_typed::<Deployment>())
            .cloned()
            .expect("d");
        f(&mut d);
        c.api.update(Object::from(d)).expect("update");
    }

    fn progressing(c: &Cluster) -> (String, String) {
        let key = ObjKey::new(Kind::Deployment, "default", "d");
        let d = c
            .api
            .try_get(&key)
            .and_then(|o| o.as_typed::<Deployment>())
            .cloned()
            .expect("d");
        let cond = d
            .status
            .and_then(|s| s.conditions)
            .unwrap_or_default()
            .into_iter()
            .find(|c| c.type_ == "Progressing")
            .expect("Progressing");
        (cond.status, cond.reason.unwrap_or_default())
    }

    #[test]
    fn a_paused_deployment_creates_no_replica_set_but_follows_scale() {
        let mut c = Cluster::new(&ClusterConfig::default());
        c.api.create(deployment("nginx:1.27", 2)).expect("create");
        c.advance(30_000);
        assert_eq!(sets(&c).len(), 1);
        edit(&mut c, |d| {
            d.spec.as_mut().expect("spec").paused = Some(true)
        });
        c.advance(1_000);
        assert_eq!(
            progressing(&c),
            ("Unknown".into(), "DeploymentPaused".into())
        );
        edit(&mut c, |d| {
            let spec = d.spec.as_mut().expect("spec");
            spec.replicas = Some(3);
            spec.template.spec.as_mut().expect("pod spec").containers[0].image =
                Some("nginx:1.26".into());
        });
        c.advance(30_000);
        let s = sets(&c);
        assert_eq!(s.len(), 1, "no new ReplicaSet while paused: {s:?}");
        assert_eq!(s[0].1, 3, "the active set follows spec.replicas");
        edit(&mut c, |d| d.spec.as_mut().expect("spec").paused = None);
        c.advance(60_000);
        let s = sets(&c);
        assert_eq!(
            s.len(),
            2,
            "resumed: the new template gets its ReplicaSet: {s:?}"
        );
        assert_eq!(s.iter().map(|x| x.1).sum::<i32>(), 3);
        assert_eq!(
            progressing(&c),
            ("True".into(), "NewReplicaSetAvailable".into())
        );
    }
}
