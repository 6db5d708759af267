//! `kubectl wait --for=condition=Ready|delete|jsonpath=...`: lets the cluster run on the
//! virtual clock until the condition holds for every named object, or the timeout passes.

use super::VerbCtx;
use crate::api::Object;
use crate::kubectl::resources;
use crate::store::ObjKey;

enum Condition {
    Named(String, String),
    Delete,
    JsonPath(String, Option<String>),
    Create,
}

fn holds(obj: Option<&Object>, cond: &Condition) -> bool {
    match (cond, obj) {
        (Condition::Delete, o) => o.is_none(),
        (Condition::Create, o) => o.is_some(),
        (_, None) => false,
        (Condition::Named(name, want), Some(o)) => {
            let j = o.to_json();
            j.pointer("/status/conditions")
                .and_then(|c| c.as_array())
                .is_some_and(|cs| {
                    cs.iter().any(|c| {
                        c.get("type")
                            .and_then(|t| t.as_str())
                            .is_some_and(|t| t.eq_ignore_ascii_case(name))
                            && c.get("status")
                                .and_then(|s| s.as_str())
                                .is_some_and(|s| s.eq_ignore_ascii_case(want))
                    })
                })
        }
        (Condition::JsonPath(path, want), Some(o)) => {
            let tpl = if path.starts_with('{') {
                path.clone()
            } else {
                format!("{{{path}}}")
            };
            match crate::templates::jsonpath::render(&tpl, &o.to_json()) {
                Ok(v) => match want {
                    Some(w) => v.trim() == w,
                    None => !v.trim().is_empty(),
                },
                Err(_) => false,
            }
        }
    }
}

pub fn wait(ctx: &mut VerbCtx) -> i32 {
    let Some(f) = ctx.args.str("for") else {
        return ctx.fail("--for must be specified");
    };
    let cond = if f == "delete" {
        Condition::Delete
    } else if f == "create" {
        Condition::Create
    } else if let Some(c) = f.strip_prefix("condition=") {
        let (name, want) = c
            .split_once('=')
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or((c.to_string(), "True".into()));
        Condition::Named(name, want)
    } else if let Some(j) = f.strip_prefix("jsonpath=") {
        let (path, want) = match j.rsplit_once('=') {
            Some((p, w)) if !p.ends_with('=') => (
                p.to_string(),
                Some(w.trim_matches('\'').trim_matches('"').to_string()),
            ),
            _ => (j.to_string(), None),
        };
        Condition::JsonPath(path, want)
    } else {
        return ctx.fail(&format!(
            "unrecognized condition: {}",
            crate::api::errors::go_quote(&f)
        ));
    };
    let timeout = ctx
        .args
        .str("timeout")
        .and_then(|t| super::get::parse_duration_ms(&t))
        .unwrap_or(30_000);
    // kubectl waits a week for a negative timeout; the sandbox never longer (the cluster
    // is simulated through every moment waited).
    let week = crate::sandbox::clock::MAX_ADVANCE_MS;
    let timeout = if timeout < 0 { week } else { timeout.min(week) };
    let positionals = ctx.args.positionals().to_vec();
    let selections = match resources::parse(&positionals) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let mut keys: Vec<ObjKey> = Vec::new();
    for sel in &selections {
        keys.extend(ctx.keys(sel, selector.as_ref()));
    }
    if keys.is_empty() {
        return ctx.fail("no matching resources found");
    }
    if !matches!(cond, Condition::Delete | Condition::Create) {
        for k in &keys {
            if ctx.session.cluster.api.try_get(k).is_none() {
                let e = crate::api::ApiError::not_found(k.kind, &k.name);
                ctx.sink.err(&crate::kubectl::errors::render(&e));
                return 1;
            }
        }
    }
    let deadline = ctx.session.cluster.now().saturating_add(timeout);
    let mut done = vec![false; keys.len()];
    loop {
        for (i, k) in keys.iter().enumerate() {
            if !done[i]
                && holds(
                    ctx.session.cluster.api.try_get(k).map(|o| o.as_ref()),
                    &cond,
                )
            {
                done[i] = true;
                let what = format!("{}/{}", k.kind.info().kind_group(), k.name);
                ctx.sink.out(&format!("{what} condition met\n"));
            }
        }
        if done.iter().all(|d| *d) {
            return 0;
        }
        if !ctx.session.cluster.step_until(deadline) {
            break;
        }
    }
    ctx.session.cluster.run_until(deadline);
    for (i, k) in keys.iter().enumerate() {
        if !done[i] {
            ctx.sink.err(&format!(
                "error: timed out waiting for the condition on {}/{}\n",
                k.kind.info().plural,
                k.name
            ));
        }
    }
    1
}
