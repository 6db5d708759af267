//! `kubectl cordon` and `uncordon` (kubectl's drain package, RunCordonOrUncordon): set or
//! clear `spec.unschedulable` on each node named or selected, printing `node/NAME
//! cordoned` (or `already cordoned` when there is nothing to change).

use super::VerbCtx;
use crate::api::errors::go_quote;
use crate::api::{Kind, Object};
use crate::kubectl::errors;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::Node;

/// The nodes named by the arguments (`NAME` or `node/NAME`) or `-l`, in order; prints
/// lookup errors and returns None when one failed.
pub(super) fn target_nodes(ctx: &mut VerbCtx) -> Option<Vec<Node>> {
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => {
            ctx.fail(&e);
            return None;
        }
    };
    let mut nodes = Vec::new();
    let names: Vec<String> = ctx.args.positionals().to_vec();
    if names.is_empty() {
        for o in ctx.list(Kind::Node, selector.as_ref()) {
            if let Some(n) = o.as_typed::<Node>() {
                nodes.push(n.clone());
            }
        }
        if nodes.is_empty() {
            ctx.sink.err("No resources found\n");
        }
        return Some(nodes);
    }
    for name in names {
        let bare = name
            .strip_prefix("node/")
            .or_else(|| name.strip_prefix("nodes/"))
            .unwrap_or(&name)
            .to_string();
        match ctx
            .session
            .cluster
            .api
            .get(&ObjKey::new(Kind::Node, "", &bare))
        {
            Ok(o) => {
                if let Some(n) = o.as_typed::<Node>() {
                    nodes.push(n.clone());
                }
            }
            Err(e) => {
                ctx.sink.err(&errors::render(&e));
                return None;
            }
        }
    }
    Some(nodes)
}

/// The `(dry run)` suffix kubectl's printer adds.
pub(super) fn dry_run_suffix(ctx: &VerbCtx) -> &'static str {
    match ctx.args.str("dry-run").as_deref() {
        Some("client") => " (dry run)",
        Some("server") => " (server dry run)",
        _ => "",
    }
}

/// Cordon (`desired` true) or uncordon every target node; returns the exit code.
pub fn cordon(ctx: &mut VerbCtx, desired: bool) -> i32 {
    match ctx.args.str("dry-run").as_deref() {
        None | Some("none" | "client" | "server" | "unchanged") => {}
        Some(other) => {
            return ctx.fail(&format!(
                "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
            ))
        }
    }
    let Some(nodes) = target_nodes(ctx) else {
        return 1;
    };
    cordon_nodes(ctx, &nodes, desired)
}

/// RunCordonOrUncordon over `nodes`.
pub(super) fn cordon_nodes(ctx: &mut VerbCtx, nodes: &[Node], desired: bool) -> i32 {
    let verb = if desired { "cordon" } else { "uncordon" };
    let suffix = dry_run_suffix(ctx);
    let dry = !suffix.is_empty();
    let mut code = 0;
    for node in nodes {
        let name = node.metadata.name.clone().unwrap_or_default();
        let current = node
            .spec
            .as_ref()
            .and_then(|s| s.unschedulable)
            .unwrap_or(false);
        if current == desired {
            ctx.sink
                .out(&format!("node/{name} already {verb}ed{suffix}\n"));
            continue;
        }
        if !dry {
            let mut n = node.clone();
            let spec = n.spec.get_or_insert_with(Default::default);
            // `unschedulable: false` is omitted, as the JSON patch kubectl sends leaves it.
            spec.unschedulable = desired.then_some(true);
            if let Err(e) = ctx.session.cluster.api.update(Object::from(n)) {
                ctx.sink.err(&format!(
                    "error: unable to {verb} node {}: {}\n",
                    go_quote(&name),
                    e.message
                ));
                code = 1;
                continue;
            }
        }
        ctx.sink.out(&format!("node/{name} {verb}ed{suffix}\n"));
    }
    code
}
