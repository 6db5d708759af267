//! `kubectl rollout history` and `rollout undo`: kubectl's history viewers and
//! rollbackers (`history.go`, `rollback.go`). A StatefulSet's history is its
//! ControllerRevisions; a Deployment's is its ReplicaSets' revision annotations.

use super::{group_kind, patch_object, targets};
use crate::api::{Kind, Object};
use crate::controllers::deployment::{HASH_LABEL, REVISION_ANNOTATION};
use crate::controllers::statefulset::controller_of;
use crate::controllers::statefulset::revisions::{owned_revisions, revision_patch, template_of};
use crate::kubectl::verbs::VerbCtx;
use crate::printers::name::name_of;
use crate::printers::tabwriter::GoTabWriter;
use k8s_openapi::api::apps::v1::{ControllerRevision, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use std::collections::BTreeMap;

const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";

/// One entry of an object's history: revision number -> (change cause, pod template).
type History = BTreeMap<i64, (String, Option<PodTemplateSpec>)>;

fn statefulset_history(ctx: &VerbCtx, sts: &StatefulSet) -> Vec<ControllerRevision> {
    let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
    let uid = sts.metadata.uid.as_deref().unwrap_or_default();
    owned_revisions(&ctx.session.cluster.api.store, ns, uid)
        .into_iter()
        .cloned()
        .collect()
}

fn deployment_sets(ctx: &VerbCtx, d: &Deployment) -> Vec<ReplicaSet> {
    let ns = d.metadata.namespace.as_deref().unwrap_or_default();
    let uid = d.metadata.uid.as_deref().unwrap_or_default();
    ctx.session
        .cluster
        .api
        .store
        .list(Kind::ReplicaSet, Some(ns))
        .filter_map(|o| o.as_typed::<ReplicaSet>())
        .filter(|r| controller_of(&r.metadata).is_some_and(|o| o.uid == uid))
        .cloned()
        .collect()
}

fn rs_revision(rs: &ReplicaSet) -> Option<i64> {
    rs.metadata
        .annotations
        .as_ref()?
        .get(REVISION_ANNOTATION)?
        .parse()
        .ok()
}

fn history_of(ctx: &VerbCtx, obj: &Object) -> Result<History, String> {
    let cause = |a: Option<&BTreeMap<String, String>>| {
        a.and_then(|a| a.get(CHANGE_CAUSE))
            .cloned()
            .unwrap_or_default()
    };
    match obj {
        Object::StatefulSet(s) => Ok(statefulset_history(ctx, s)
            .iter()
            .map(|r| {
                (
                    r.revision,
                    (cause(r.metadata.annotations.as_ref()), template_of(r)),
                )
            })
            .collect()),
        Object::Deployment(d) => Ok(deployment_sets(ctx, d)
            .iter()
            .filter_map(|rs| {
                let template = rs.spec.as_ref().and_then(|s| s.template.clone());
                Some((
                    rs_revision(rs)?,
                    (cause(rs.metadata.annotations.as_ref()), template),
                ))
            })
            .collect()),
        other => Err(format!(
            "no history viewer has been implemented for {:?}",
            group_kind(other.kind())
        )),
    }
}

/// `printHistory`: the table, or one revision's pod template (`printTemplate` writes
/// `DescribePodTemplate` straight into a buffer, tabs and all).
fn view_history(history: &History, revision: i64) -> Result<String, String> {
    if history.is_empty() {
        return Ok("No rollout history found.".into());
    }
    if revision > 0 {
        let (_, template) = history
            .get(&revision)
            .ok_or("unable to find the specified revision")?;
        return Ok(crate::printers::describe::pod_template_untabbed(
            template.as_ref(),
        ));
    }
    let mut text = String::from("REVISION\tCHANGE-CAUSE\n");
    for (r, (cause, _)) in history {
        let cause = if cause.is_empty() { "<none>" } else { cause };
        text.push_str(&format!("{r}\t{cause}\n"));
    }
    Ok(GoTabWriter::for_describe().format(&text))
}

pub fn history(ctx: &mut VerbCtx) -> i32 {
    let revision = match ctx.args.int("revision") {
        Ok(r) => r.unwrap_or(0),
        Err(e) => return ctx.fail(&e),
    };
    if revision < 0 {
        return ctx.fail(&format!("revision must be a positive integer: {revision}"));
    }
    if ctx.args.is_set("output") {
        return ctx.not_simulated("-o for kubectl rollout history");
    }
    let objects = match targets(ctx) {
        Ok(o) => o,
        Err(code) => return code,
    };
    for obj in objects {
        let text = match history_of(ctx, &obj).and_then(|h| view_history(&h, revision)) {
            Ok(t) => t,
            Err(e) => return ctx.fail(&e),
        };
        let with = if revision > 0 {
            format!("with revision #{revision}")
        } else {
            String::new()
        };
        ctx.sink.out(&format!("{} {with}\n{text}\n", name_of(&obj)));
    }
    0
}

/// `StatefulSetRollbacker.Rollback` / `DeploymentRollbacker.Rollback`: the patch to send,
/// or the message when there is nothing to do.
enum Rollback {
    Patch(serde_json::Value),
    Skip(String),
}

fn statefulset_rollback(ctx: &VerbCtx, sts: &StatefulSet, to: i64) -> Result<Rollback, String> {
    let mut history = statefulset_history(ctx, sts);
    if to == 0 && history.len() <= 1 {
        return Err("no last revision to roll back to".into());
    }
    history.sort_by_key(|r| r.revision);
    let target = if to == 0 {
        history.get(history.len() - 2)
    } else {
        history.iter().find(|r| r.revision == to)
    }
    .ok_or_else(|| format!("unable to find specified revision {to} in history"))?;
    let data = target
        .data
        .as_ref()
        .map(|d| d.0.clone())
        .unwrap_or_default();
    let live = sts.spec.as_ref().map(|s| revision_patch(&s.template));
    if live.as_ref() == Some(&data) {
        return Ok(Rollback::Skip(format!(
            "skipped rollback (current template already matches revision {to})"
        )));
    }
    Ok(Rollback::Patch(data))
}

fn deployment_rollback(ctx: &VerbCtx, d: &Deployment, to: i64) -> Result<Rollback, String> {
    let name = d.metadata.name.as_deref().unwrap_or_default();
    if d.spec.as_ref().and_then(|s| s.paused) == Some(true) {
        return Err("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again".into());
    }
    let mut sets: Vec<(i64, ReplicaSet)> = deployment_sets(ctx, d)
        .into_iter()
        .filter_map(|rs| Some((rs_revision(&rs)?, rs)))
        .collect();
    sets.sort_by_key(|(r, _)| *r);
    let target = if to == 0 {
        if sets.len() < 2 {
            return Err(format!("no rollout history found for deployment {name:?}"));
        }
        sets.get(sets.len() - 2)
    } else {
        sets.iter().find(|(r, _)| *r == to)
    }
    .map(|(_, rs)| rs.clone())
    .ok_or_else(|| format!("unable to find specified revision {to} in history"))?;
    let mut template = target.spec.and_then(|s| s.template).unwrap_or_default();
    if let Some(l) = template.metadata.as_mut().and_then(|m| m.labels.as_mut()) {
        l.remove(HASH_LABEL);
    }
    let live = d
        .spec
        .as_ref()
        .map(|s| s.template.clone())
        .unwrap_or_default();
    if live == template {
        return Ok(Rollback::Skip(format!(
            "skipped rollback (current template already matches revision {to})"
        )));
    }
    let mut t = crate::controllers::statefulset::revisions::served_template(&template);
    if let Some(m) = t.as_object_mut() {
        m.insert("$patch".into(), "replace".into());
    }
    Ok(Rollback::Patch(
        serde_json::json!({ "spec": { "template": t } }),
    ))
}

pub fn undo(ctx: &mut VerbCtx) -> i32 {
    let to = match ctx.args.int("to-revision") {
        Ok(r) => r.unwrap_or(0),
        Err(e) => return ctx.fail(&e),
    };
    if ctx.args.is_set("dry-run") || ctx.args.is_set("output") {
        return ctx.not_simulated("--dry-run and -o for kubectl rollout undo");
    }
    let objects = match targets(ctx) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut code = 0;
    for obj in objects {
        if to < 0 {
            ctx.sink.err(&format!(
                "error: unable to find specified revision {to} in history\n"
            ));
            code = 1;
            continue;
        }
        let plan = match obj.as_ref() {
            Object::StatefulSet(s) => statefulset_rollback(ctx, s, to),
            Object::Deployment(d) => deployment_rollback(ctx, d, to),
            other => Err(format!(
                "no rollbacker has been implemented for {:?}",
                group_kind(other.kind())
            )),
        };
        match plan {
            Err(e) => {
                ctx.sink.err(&format!("error: {e}\n"));
                code = 1;
            }
            Ok(Rollback::Skip(message)) => {
                ctx.sink.out(&format!("{} {message}\n", name_of(&obj)));
            }
            Ok(Rollback::Patch(patch)) => match patch_object(ctx, &obj, &patch) {
                Ok(o) => ctx.sink.out(&format!("{} rolled back\n", name_of(&o))),
                Err(e) => {
                    ctx.sink.err(&format!(
                        "error: failed restoring revision {to}: {}\n",
                        e.message
                    ));
                    code = 1;
                }
            },
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_and_its_empty_form() {
        let mut h = History::new();
        assert_eq!(view_history(&h, 0).unwrap(), "No rollout history found.");
        h.insert(1, (String::new(), None));
        h.insert(12, ("kubectl set image".into(), None));
        assert_eq!(
            view_history(&h, 0).unwrap(),
            "REVISION  CHANGE-CAUSE\n1         <none>\n12        kubectl set image\n"
        );
        assert_eq!(
            view_history(&h, 3).unwrap_err(),
            "unable to find the specified revision"
        );
    }
}
