//! `kubectl describe`: the describer for each kind, objects separated by a blank line;
//! a name that matches nothing exactly describes every object whose name starts with it.

use super::VerbCtx;
use crate::kubectl::errors;
use crate::kubectl::resources;
use crate::store::ObjKey;

pub fn describe(ctx: &mut VerbCtx) -> i32 {
    let positionals = ctx.args.positionals().to_vec();
    if positionals.is_empty() && ctx.args.all("filename").is_empty() {
        ctx.sink.err("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n");
        return 1;
    }
    let selections = match resources::parse(&positionals) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let mut objects = Vec::new();
    let mut errs = Vec::new();
    for sel in &selections {
        if sel.names.is_empty() {
            objects.extend(ctx.list(sel.kind, selector.as_ref()));
            continue;
        }
        let ns = if sel.kind.info().namespaced {
            ctx.namespace.clone()
        } else {
            String::new()
        };
        for name in &sel.names {
            match ctx
                .session
                .cluster
                .api
                .get(&ObjKey::new(sel.kind, &ns, name))
            {
                Ok(o) => objects.push(o),
                Err(e) => {
                    let prefixed: Vec<_> = ctx
                        .list(sel.kind, None)
                        .into_iter()
                        .filter(|o| o.name().starts_with(name.as_str()))
                        .collect();
                    if prefixed.is_empty() {
                        errs.push(errors::render(&e));
                    } else {
                        objects.extend(prefixed);
                    }
                }
            }
        }
    }
    let now = ctx.session.cluster.now();
    let mut first = true;
    for o in &objects {
        let text = crate::printers::describe::describe(o, &ctx.session.cluster.api.store, now);
        if first {
            ctx.sink.out(&text);
            first = false;
        } else {
            ctx.sink.out(&format!("\n\n{text}"));
        }
    }
    if objects.is_empty() && errs.is_empty() {
        if ctx.all_namespaces() {
            ctx.sink.err("No resources found\n");
        } else {
            let ns = ctx.namespace.clone();
            ctx.sink
                .err(&format!("No resources found in {ns} namespace.\n"));
        }
    }
    for e in &errs {
        ctx.sink.err(e);
    }
    i32::from(!errs.is_empty())
}
