//! `kubectl rollout status`: kubectl's status viewers (`rollout_status.go`) over the
//! object's watch. The status is printed once, then again on every change to the object
//! until it says the roll-out is done; `--watch=false` prints it once. The wait runs on
//! the virtual clock: `--timeout` ends it with kubectl's timeout error, and without one the
//! sandbox's watch bound (10 minutes) ends it with a notice.

use super::{group_kind, targets};
use crate::api::{Kind, Object};
use crate::kubectl::verbs::get::parse_duration_ms;
use crate::kubectl::verbs::VerbCtx;
use crate::store::{EventType, ObjKey};
use k8s_openapi::api::apps::v1::{Deployment, StatefulSet};

/// `StatefulSetStatusViewer.Status`: the message and whether the roll-out is done.
pub fn statefulset_status(sts: &StatefulSet) -> Result<(String, bool), String> {
    let default_spec = Default::default();
    let spec = sts.spec.as_ref().unwrap_or(&default_spec);
    let status = sts.status.clone().unwrap_or_default();
    let strategy = spec.update_strategy.clone().unwrap_or_default();
    if strategy.type_.as_deref().unwrap_or("RollingUpdate") != "RollingUpdate" {
        return Err("rollout status is only available for RollingUpdate strategy type".into());
    }
    let observed = status.observed_generation.unwrap_or(0);
    if observed == 0 || sts.metadata.generation.unwrap_or(0) > observed {
        return Ok((
            "Waiting for statefulset spec update to be observed...\n".into(),
            false,
        ));
    }
    let ready = status.ready_replicas.unwrap_or(0);
    let updated = status.updated_replicas.unwrap_or(0);
    if let Some(replicas) = spec.replicas {
        if ready < replicas {
            return Ok((
                format!("Waiting for {} pods to be ready...\n", replicas - ready),
                false,
            ));
        }
    }
    if let Some(ru) = strategy.rolling_update.as_ref() {
        if let (Some(replicas), Some(partition)) = (spec.replicas, ru.partition) {
            if updated < replicas - partition {
                return Ok((
                    format!(
                        "Waiting for partitioned roll out to finish: {updated} out of {} new pods have been updated...\n",
                        replicas - partition
                    ),
                    false,
                ));
            }
        }
        return Ok((
            format!("partitioned roll out complete: {updated} new pods have been updated...\n"),
            true,
        ));
    }
    let update_rev = status.update_revision.unwrap_or_default();
    let current_rev = status.current_revision.unwrap_or_default();
    if update_rev != current_rev {
        return Ok((
            format!(
                "waiting for statefulset rolling update to complete {updated} pods at revision {update_rev}...\n"
            ),
            false,
        ));
    }
    Ok((
        format!(
            "statefulset rolling update complete {} pods at revision {current_rev}...\n",
            status.current_replicas.unwrap_or(0)
        ),
        true,
    ))
}

/// `DeploymentStatusViewer.Status` (`revision` 0: the latest).
pub fn deployment_status(d: &Deployment, revision: i64) -> Result<(String, bool), String> {
    let name = d.metadata.name.as_deref().unwrap_or_default();
    let status = d.status.clone().unwrap_or_default();
    if revision > 0 {
        let current: i64 = d
            .metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(crate::controllers::deployment::REVISION_ANNOTATION))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if current != revision {
            return Err(format!(
                "desired revision ({revision}) is different from the running revision ({current})"
            ));
        }
    }
    if d.metadata.generation.unwrap_or(0) > status.observed_generation.unwrap_or(0) {
        return Ok((
            "Waiting for deployment spec update to be observed...\n".into(),
            false,
        ));
    }
    let timed_out = status.conditions.iter().flatten().any(|c| {
        c.type_ == "Progressing" && c.reason.as_deref() == Some("ProgressDeadlineExceeded")
    });
    if timed_out {
        return Err(format!(
            "deployment {name:?} exceeded its progress deadline"
        ));
    }
    let updated = status.updated_replicas.unwrap_or(0);
    if let Some(replicas) = d.spec.as_ref().and_then(|s| s.replicas) {
        if updated < replicas {
            return Ok((format!("Waiting for deployment {name:?} rollout to finish: {updated} out of {replicas} new replicas have been updated...\n"), false));
        }
    }
    let total = status.replicas.unwrap_or(0);
    if total > updated {
        return Ok((format!("Waiting for deployment {name:?} rollout to finish: {} old replicas are pending termination...\n", total - updated), false));
    }
    let available = status.available_replicas.unwrap_or(0);
    if available < updated {
        return Ok((format!("Waiting for deployment {name:?} rollout to finish: {available} of {updated} updated replicas are available...\n"), false));
    }
    Ok((
        format!("deployment {name:?} successfully rolled out\n"),
        true,
    ))
}

fn status_of(obj: &Object, revision: i64) -> Result<(String, bool), String> {
    match obj {
        Object::StatefulSet(s) => statefulset_status(s),
        Object::Deployment(d) => deployment_status(d, revision),
        other => Err(format!(
            "no status viewer has been implemented for {}",
            group_kind(other.kind())
        )),
    }
}

pub fn status(ctx: &mut VerbCtx) -> i32 {
    let revision = match ctx.args.int("revision") {
        Ok(r) => r.unwrap_or(0),
        Err(e) => return ctx.fail(&e),
    };
    if revision < 0 {
        return ctx.fail(&format!("revision must be a positive integer: {revision}"));
    }
    let timeout = match ctx.args.str("timeout") {
        Some(t) => match parse_duration_ms(&t) {
            // At most a week of simulated time, as `kubectl wait`.
            Some(ms) => ms.min(crate::sandbox::clock::MAX_ADVANCE_MS),
            None => return ctx.fail(&format!("invalid duration {t:?}")),
        },
        None => 0,
    };
    let watch = ctx.args.bool("watch");
    let objects = match targets(ctx) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut code = 0;
    for obj in objects {
        if !matches!(obj.kind(), Kind::StatefulSet | Kind::Deployment) {
            return ctx.fail(&format!(
                "no status viewer has been implemented for {}",
                group_kind(obj.kind())
            ));
        }
        code = code.max(watch_one(ctx, ObjKey::of(&obj), revision, timeout, watch));
        if code != 0 {
            break;
        }
    }
    code
}

/// Print the status now and on each change until done (UntilWithSync).
fn watch_one(ctx: &mut VerbCtx, key: ObjKey, revision: i64, timeout: i64, watch: bool) -> i32 {
    let start = ctx.session.cluster.now();
    let bound = ctx.session.limits.watch_max_ms;
    let deadline = start.saturating_add(if timeout > 0 { timeout } else { bound });
    let mut seen = ctx.session.cluster.api.store.resource_version();
    let Some(first) = ctx.session.cluster.api.try_get(&key).cloned() else {
        return 1;
    };
    let mut pending = vec![first];
    ctx.session.cluster.open_watch(seen);
    let code = 'watch: loop {
        for obj in std::mem::take(&mut pending) {
            match status_of(&obj, revision) {
                Err(e) => break 'watch ctx.fail(&e),
                Ok((message, done)) => {
                    ctx.sink.out(&message);
                    if done || !watch {
                        break 'watch 0;
                    }
                }
            }
        }
        if !ctx.session.cluster.step_until(deadline) {
            ctx.session.cluster.run_until(deadline);
            if timeout > 0 {
                break ctx.fail("timed out waiting for the condition");
            }
            ctx.sink.err(&format!(
                "kubetutor: rollout status stopped after {} of virtual time without the roll-out finishing\n",
                crate::printers::duration::human_duration(bound)
            ));
            break 1;
        }
        let events = ctx
            .session
            .cluster
            .api
            .store
            .events_since(seen)
            .map(|e| e.to_vec())
            .unwrap_or_default();
        seen = ctx.session.cluster.api.store.resource_version();
        ctx.session.cluster.advance_watch(seen);
        for ev in events {
            if ev.key != key {
                continue;
            }
            if ev.event_type == EventType::Deleted {
                break 'watch ctx.fail("object has been deleted");
            }
            pending.push(ev.object.clone());
        }
    };
    ctx.session.cluster.close_watch();
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sts(yaml: &str) -> StatefulSet {
        serde_yaml_ng::from_str(yaml).unwrap()
    }

    #[test]
    fn statefulset_messages_follow_upstream_order() {
        let base = "metadata: {generation: 2}\nspec:\n  replicas: 3\n  selector: {}\n  template: {}\n  serviceName: x\n";
        let s = sts(&format!("{base}  updateStrategy: {{type: RollingUpdate, rollingUpdate: {{partition: 0}}}}\nstatus: {{observedGeneration: 1, replicas: 3}}\n"));
        assert_eq!(
            statefulset_status(&s).unwrap().0,
            "Waiting for statefulset spec update to be observed...\n"
        );
        let s = sts(&format!("{base}  updateStrategy: {{type: RollingUpdate, rollingUpdate: {{partition: 0}}}}\nstatus: {{observedGeneration: 2, replicas: 3, readyReplicas: 1}}\n"));
        assert_eq!(
            statefulset_status(&s).unwrap(),
            ("Waiting for 2 pods to be ready...\n".into(), false)
        );
        let s = sts(&format!("{base}  updateStrategy: {{type: RollingUpdate, rollingUpdate: {{partition: 2}}}}\nstatus: {{observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 0}}\n"));
        assert_eq!(statefulset_status(&s).unwrap().0, "Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n");
        let s = sts(&format!("{base}  updateStrategy: {{type: RollingUpdate, rollingUpdate: {{partition: 0}}}}\nstatus: {{observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 3}}\n"));
        assert_eq!(
            statefulset_status(&s).unwrap(),
            (
                "partitioned roll out complete: 3 new pods have been updated...\n".into(),
                true
            )
        );
        let s = sts(&format!("{base}  updateStrategy: {{type: RollingUpdate}}\nstatus: {{observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, currentRevision: web-a, updateRevision: web-a}}\n"));
        assert_eq!(
            statefulset_status(&s).unwrap(),
            (
                "statefulset rolling update complete 3 pods at revision web-a...\n".into(),
                true
            )
        );
        let s = sts(&format!(
            "{base}  updateStrategy: {{type: OnDelete}}\nstatus: {{observedGeneration: 2}}\n"
        ));
        assert_eq!(
            statefulset_status(&s).unwrap_err(),
            "rollout status is only available for RollingUpdate strategy type"
        );
    }
}
