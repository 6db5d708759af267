//! `kubectl scale`: set `spec.replicas` of a StatefulSet, Deployment or ReplicaSet through
//! the scale subresource, with `--current-replicas` as a precondition.

use super::VerbCtx;
use crate::api::{Kind, Object};
use crate::kubectl::errors;
use crate::kubectl::resources;
use crate::store::ObjKey;

pub fn scale(ctx: &mut VerbCtx) -> i32 {
    let replicas = match ctx.args.int("replicas") {
        Ok(Some(r)) => r,
        Ok(None) => return ctx.usage_error("required flag(s) \"replicas\" not set", "scale"),
        Err(e) => return ctx.fail(&e),
    };
    if replicas < 0 {
        return ctx.fail(
            "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
        );
    }
    let current = match ctx.args.int("current-replicas") {
        Ok(c) => c.filter(|c| *c >= 0),
        Err(e) => return ctx.fail(&e),
    };
    let positionals = ctx.args.positionals().to_vec();
    let selections = match resources::parse(&positionals) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    if selections.is_empty() {
        return ctx.usage_error(
            "You must provide one or more resources by argument or filename.",
            "scale",
        );
    }
    let mut code = 0;
    for sel in selections {
        if !matches!(
            sel.kind,
            Kind::StatefulSet | Kind::Deployment | Kind::ReplicaSet
        ) {
            ctx.sink.err(&format!(
                "error: cannot scale {}: not a scalable resource in the sandbox\n",
                sel.kind.info().plural
            ));
            code = 1;
            continue;
        }
        let names: Vec<String> = if sel.names.is_empty() {
            if !ctx.args.bool("all") && ctx.args.str("selector").is_none() {
                return ctx.fail("resource(s) were provided, but no name was specified");
            }
            let selector = ctx.selector().ok().flatten();
            ctx.list(sel.kind, selector.as_ref())
                .iter()
                .map(|o| o.name().to_string())
                .collect()
        } else {
            sel.names.clone()
        };
        for name in names {
            let key = ObjKey::new(sel.kind, &ctx.namespace, &name);
            let obj = match ctx.session.cluster.api.get(&key) {
                Ok(o) => o.as_ref().clone(),
                Err(e) => {
                    ctx.sink.err(&errors::render(&e));
                    code = 1;
                    continue;
                }
            };
            let mut obj = obj;
            let spec_replicas = match &mut obj {
                Object::StatefulSet(s) => &mut s.spec.get_or_insert_with(Default::default).replicas,
                Object::Deployment(d) => &mut d.spec.get_or_insert_with(Default::default).replicas,
                Object::ReplicaSet(r) => &mut r.spec.get_or_insert_with(Default::default).replicas,
                _ => unreachable!("filtered above"),
            };
            if let Some(c) = current {
                if spec_replicas.unwrap_or(1) as i64 != c {
                    ctx.sink.err(&format!(
                        "error: Expected replicas to be {c}, was {}\n",
                        spec_replicas.unwrap_or(1)
                    ));
                    code = 1;
                    continue;
                }
            }
            *spec_replicas = Some(replicas as i32);
            match ctx.session.cluster.api.update(obj) {
                Ok(o) => ctx
                    .sink
                    .out(&format!("{} scaled\n", crate::printers::name::name_of(&o))),
                Err(e) => {
                    ctx.sink.err(&errors::render(&e));
                    code = 1;
                }
            }
        }
    }
    code
}
