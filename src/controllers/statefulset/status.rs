//! The StatefulSet status the controller writes after each sync: pod counts by readiness,
//! availability (Ready for more than `minReadySeconds`) and revision, the current/update revisions and the collision count. Under
//! `RollingUpdate` the current revision catches up with the update revision once every
//! replica runs it and is Ready (`completeRollingUpdate`); under `OnDelete` it never does.

use super::revisions::Revisions;
use super::{available_from, controller_of, is_terminating, revision_of};
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::cluster::Ctx;
use crate::kubelet::status::is_running_and_ready;
use k8s_openapi::api::apps::v1::{StatefulSet, StatefulSetStatus};
use k8s_openapi::api::core::v1::Pod;

/// Write the status; returns when the next Ready-but-not-yet-available pod becomes
/// available (None: no pod is waiting on `minReadySeconds`).
pub(super) fn update_status(
    sts: &StatefulSet,
    revs: &Revisions,
    rolling: bool,
    ctx: &mut Ctx,
) -> Option<Millis> {
    let now = ctx.now();
    let min_ready = sts
        .spec
        .as_ref()
        .and_then(|s| s.min_ready_seconds)
        .unwrap_or(0);
    let mut next_available: Option<Millis> = None;
    let mut available = 0;
    let (current, update) = (revs.current.name.as_str(), revs.update.name.as_str());
    // Re-read pods: this sync may have changed them.
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    let uid = sts.metadata.uid.as_deref().unwrap_or_default();
    let (mut total, mut ready, mut cur, mut upd) = (0, 0, 0, 0);
    for o in ctx.api.store.list(Kind::Pod, Some(ns)) {
        let Some(p) = o.as_typed::<Pod>() else {
            continue;
        };
        if controller_of(&p.metadata).is_none_or(|r| r.uid != uid) {
            continue;
        }
        total += 1;
        if is_running_and_ready(p) {
            ready += 1;
            match available_from(p, min_ready) {
                Some(t) if t <= now => available += 1,
                Some(t) => next_available = Some(next_available.map_or(t, |n| n.min(t))),
                None => {}
            }
        }
        if !is_terminating(p) {
            let revision = revision_of(p);
            if revision == Some(current) {
                cur += 1;
            }
            if revision == Some(update) {
                upd += 1;
            }
        }
    }
    let mut status = StatefulSetStatus {
        observed_generation: sts.metadata.generation,
        replicas: total,
        collision_count: Some(revs.collision_count),
        ..Default::default()
    };
    status.ready_replicas = Some(ready).filter(|n| *n > 0);
    status.available_replicas = Some(available);
    status.current_replicas = Some(cur).filter(|n| *n > 0);
    status.updated_replicas = Some(upd).filter(|n| *n > 0);
    status.current_revision = Some(current.to_string());
    status.update_revision = Some(update.to_string());
    if rolling && upd == total && ready == total {
        status.current_revision = Some(update.to_string());
        status.current_replicas = Some(upd).filter(|n| *n > 0);
    }
    if sts.status.as_ref() != Some(&status) {
        let mut next = sts.clone();
        next.status = Some(status);
        let _ = ctx.api.update_status(Object::from(next));
    }
    next_available
}
