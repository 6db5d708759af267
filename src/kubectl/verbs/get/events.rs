//! `kubectl events`: the namespace's events, oldest first, filtered by `--for` and
//! `--types`.

use super::super::VerbCtx;
use super::no_resources;
use crate::api::{Kind, Object};
use crate::printers::table::{table_for, TableOptions, TableWriter};
use std::sync::Arc;

/// `kubectl events`.
pub fn events(ctx: &mut VerbCtx) -> i32 {
    let types: Vec<String> = ctx
        .args
        .all("types")
        .iter()
        .flat_map(|t| t.split(',').map(str::to_string))
        .collect();
    let for_obj = ctx.args.str("for");
    let mut objs: Vec<Arc<Object>> = ctx.list(Kind::Event, None);
    if let Some(f) = &for_obj {
        let Some((t, name)) = f.split_once('/') else {
            return ctx.fail(&format!("unable to parse --for: {f}"));
        };
        let Some(kind) = Kind::resolve(t) else {
            return ctx.fail(&format!(
                "the server doesn't have a resource type {}",
                crate::api::errors::go_quote(t)
            ));
        };
        objs.retain(|o| {
            let j = o.to_json();
            j.pointer("/involvedObject/kind").and_then(|v| v.as_str()) == Some(kind.info().name)
                && j.pointer("/involvedObject/name").and_then(|v| v.as_str()) == Some(name)
        });
    }
    if !types.is_empty() {
        objs.retain(|o| {
            types
                .iter()
                .any(|t| o.to_json().get("type").and_then(|v| v.as_str()) == Some(t.as_str()))
        });
    }
    let last = |o: &Arc<Object>| {
        let j = o.to_json();
        j.get("lastTimestamp")
            .or_else(|| j.get("eventTime"))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    objs.sort_by_key(|o| last(o));
    if objs.is_empty() {
        no_resources(ctx, &[Kind::Event]);
        return 0;
    }
    let now = ctx.session.cluster.now();
    let opts = TableOptions {
        with_namespace: ctx.all_namespaces(),
        ..Default::default()
    };
    let refs: Vec<&Object> = objs.iter().map(|o| o.as_ref()).collect();
    let table = table_for(Kind::Event, &refs, now, &opts);
    let text = TableWriter::new().render(&table, !ctx.args.bool("no-headers"));
    ctx.sink.out(&text);
    0
}
