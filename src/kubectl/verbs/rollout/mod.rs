//! `kubectl rollout status|history|undo|restart|pause|resume`, as kubectl's
//! `polymorphichelpers` serve them for StatefulSets and Deployments: each sub-verb resolves
//! its targets (`TYPE NAME`, `TYPE/NAME`, `TYPE -l ...`) and talks to the apiserver only.

mod history;
mod restart;
mod status;

use super::VerbCtx;
use crate::api::{ApiError, Kind, Object};
use crate::kubectl::{errors, resources};
use crate::store::ObjKey;
use std::sync::Arc;

pub fn rollout(ctx: &mut VerbCtx) -> i32 {
    let verb = ctx.args.inv.verb.clone();
    match verb.as_str() {
        "rollout status" => status::status(ctx),
        "rollout history" => history::history(ctx),
        "rollout undo" => history::undo(ctx),
        "rollout restart" => restart::restart(ctx),
        "rollout pause" => restart::pause_or_resume(ctx, true),
        "rollout resume" => restart::pause_or_resume(ctx, false),
        other => ctx.not_simulated(&format!("kubectl {other}")),
    }
}

/// The `GroupKind` string kubectl names a kind by in "not implemented" errors.
fn group_kind(kind: Kind) -> String {
    let info = kind.info();
    if info.group.is_empty() {
        info.name.to_string()
    } else {
        format!("{}.{}", info.name, info.group)
    }
}

/// The objects a rollout sub-verb works on, fetched from the apiserver, in the order
/// named. Errors are printed; the exit code is returned.
fn targets(ctx: &mut VerbCtx) -> Result<Vec<Arc<Object>>, i32> {
    if !ctx.args.all("filename").is_empty() {
        return Err(ctx.not_simulated(&format!(
            "-f for kubectl {}; name the object (TYPE/NAME)",
            ctx.args.inv.verb
        )));
    }
    let positionals = ctx.args.positionals().to_vec();
    let selections = resources::parse(&positionals).map_err(|e| ctx.fail(&e))?;
    let selector = ctx.selector().map_err(|e| ctx.fail(&e))?;
    let mut out = Vec::new();
    let mut code = 0;
    for sel in selections {
        if sel.names.is_empty() {
            let Some(selector) = selector.as_ref() else {
                return Err(ctx.fail("resource(s) were provided, but no name was specified"));
            };
            let mut found = ctx.list(sel.kind, Some(selector));
            found.sort_by(|a, b| a.name().cmp(b.name()));
            out.extend(found);
            continue;
        }
        for name in &sel.names {
            let key = ObjKey::new(sel.kind, &ctx.namespace, name);
            match ctx.session.cluster.api.get(&key) {
                Ok(o) => out.push(o),
                Err(e) => {
                    ctx.sink.err(&errors::render(&e));
                    code = 1;
                }
            }
        }
    }
    if out.is_empty() && code == 0 {
        ctx.sink.err(&format!(
            "No resources found in {} namespace.\n",
            ctx.namespace
        ));
        return Err(1);
    }
    if code != 0 && out.is_empty() {
        return Err(code);
    }
    Ok(out)
}

/// Strategic-merge `patch` into the live object and write it back.
fn patch_object(
    ctx: &mut VerbCtx,
    live: &Object,
    patch: &serde_json::Value,
) -> Result<Arc<Object>, ApiError> {
    use crate::apiserver::patch::{apply_patch, PatchType};
    let patched =
        apply_patch(&live.to_json(), patch, PatchType::Strategic).map_err(ApiError::bad_request)?;
    let obj =
        crate::codec::strict::decode(&patched).map_err(|e| ApiError::bad_request(e.to_string()))?;
    ctx.session.cluster.api.update(obj)
}
