//! `kubectl delete`: by name, `-l`, `--all` or `-f`, with `--grace-period`, `--force`,
//! `--now` and `--cascade`; it prints each deletion at once and then, like kubectl's
//! default `--wait`, lets the cluster run until the objects are gone.

use super::VerbCtx;
use crate::api::Kind;
use crate::apiserver::{DeleteOptions, Propagation};
use crate::kubectl::errors;
use crate::kubectl::resources::{self, Selection};
use crate::store::ObjKey;

pub fn delete(ctx: &mut VerbCtx) -> i32 {
    let propagation = match ctx.args.str("cascade").as_deref() {
        None | Some("background") | Some("true") => Propagation::Background,
        Some("foreground") => Propagation::Foreground,
        Some("orphan") | Some("false") => Propagation::Orphan,
        Some(other) => return ctx.fail(&format!("invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\"")),
    };
    let force = ctx.args.bool("force");
    let mut grace = match ctx.args.int("grace-period") {
        Ok(g) => g.filter(|g| *g >= 0),
        Err(e) => return ctx.fail(&e),
    };
    if ctx.args.bool("now") {
        grace = Some(1);
    }
    if force && grace.is_none() {
        grace = Some(0);
    }
    if grace == Some(0) && !force {
        return ctx.fail("--grace-period=0 must have --force specified");
    }
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let all = ctx.args.bool("all");
    let mut errs: Vec<String> = Vec::new();
    // What to delete, with the file each came from for error messages.
    let mut targets: Vec<(ObjKey, Option<String>)> = Vec::new();
    if !ctx.args.all("filename").is_empty() {
        for m in super::apply::read_manifests(ctx, &mut errs) {
            let kind = m
                .value
                .get("apiVersion")
                .and_then(|a| a.as_str())
                .zip(m.value.get("kind").and_then(|k| k.as_str()))
                .and_then(|(a, k)| Kind::from_type_meta(a, k));
            let Some(kind) = kind else { continue };
            let name = m
                .value
                .pointer("/metadata/name")
                .and_then(|n| n.as_str())
                .unwrap_or("");
            let ns = m
                .value
                .pointer("/metadata/namespace")
                .and_then(|n| n.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| ctx.namespace.clone());
            targets.push((ObjKey::new(kind, &ns, name), Some(m.source.clone())));
        }
        if targets.is_empty() && errs.is_empty() {
            // Files with no objects in them (`-f /dev/null`): kubectl names no namespace.
            ctx.sink.out("No resources found\n");
            return 0;
        }
    } else {
        let positionals = ctx.args.positionals().to_vec();
        if positionals.is_empty() {
            ctx.sink.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
            return 1;
        }
        let selections: Vec<Selection> = match resources::parse(&positionals) {
            Ok(s) => s,
            Err(e) => return ctx.fail(&e),
        };
        for sel in &selections {
            if sel.names.is_empty() {
                if selector.is_none() && !all {
                    return ctx.fail("resource(s) were provided, but no name was specified");
                }
                for o in ctx.list(sel.kind, selector.as_ref()) {
                    targets.push((ObjKey::of(&o), None));
                }
            } else {
                let ns = ctx.namespace.clone();
                for n in &sel.names {
                    targets.push((ObjKey::new(sel.kind, &ns, n), None));
                }
            }
        }
        if targets.is_empty() && errs.is_empty() {
            let ns = ctx.namespace.clone();
            if ctx.all_namespaces() {
                ctx.sink.out("No resources found\n");
            } else {
                ctx.sink
                    .out(&format!("No resources found in {ns} namespace.\n"));
            }
            return 0;
        }
    }
    if force && grace == Some(0) {
        ctx.sink.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    }
    let opts = DeleteOptions {
        grace_period: grace,
        propagation,
    };
    let dry = ctx.args.str("dry-run").filter(|d| d != "none");
    // What `--wait` waits for: each object by key and UID (a new object with the same
    // name, such as a StatefulSet's replacement pod, is not the one deleted).
    let mut waiting: Vec<(ObjKey, Option<String>)> = Vec::new();
    for (key, source) in targets {
        let info = key.kind.info();
        let shown = if ctx.args.str("output").as_deref() == Some("name") {
            None
        } else {
            Some(())
        };
        let result = if dry.is_some() {
            ctx.session.cluster.api.get(&key)
        } else {
            ctx.session.cluster.api.delete(&key, &opts)
        };
        match result {
            Ok(_) => {
                let suffix = match dry.as_deref() {
                    Some("client") => " (dry run)",
                    Some(_) => " (server dry run)",
                    None => "",
                };
                let verb = if grace == Some(0) && force {
                    "force deleted"
                } else {
                    "deleted"
                };
                match shown {
                    Some(()) => ctx.sink.out(&format!(
                        "{} {} {verb}{suffix}\n",
                        info.kind_group(),
                        crate::api::errors::go_quote(&key.name)
                    )),
                    None => ctx
                        .sink
                        .out(&format!("{}/{}\n", info.kind_group(), key.name)),
                }
                if dry.is_none() {
                    let uid = ctx
                        .session
                        .cluster
                        .api
                        .try_get(&key)
                        .and_then(|o| o.meta().uid.clone());
                    waiting.push((key, uid));
                }
            }
            Err(e)
                if ctx.args.bool("ignore-not-found")
                    && e.reason == crate::api::Reason::NotFound => {}
            Err(e) => errs.push(match source {
                Some(f) => errors::render_with_source(&e, Some(("deleting", &f))),
                None => errors::render(&e),
            }),
        }
    }
    // --wait (default true): block until the objects are gone.
    let no_wait = ctx.args.is_set("wait") && !ctx.args.bool("wait");
    if !no_wait {
        let limit = ctx.session.cluster.now() + ctx.session.limits.delete_wait_ms;
        while waiting.iter().any(|(k, uid)| {
            ctx.session
                .cluster
                .api
                .try_get(k)
                .is_some_and(|o| o.meta().uid == *uid)
        }) {
            if !ctx.session.cluster.step_until(limit) {
                break;
            }
        }
    }
    for e in &errs {
        ctx.sink.err(e);
    }
    i32::from(!errs.is_empty())
}
