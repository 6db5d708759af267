//! `kubectl label` and `kubectl annotate`: `key=value` to set, `key-` to remove, with
//! `--overwrite`, `-l`, `--all`, and kubectl's `labeled` / `unlabeled` / `not labeled`.

use super::VerbCtx;
use crate::kubectl::errors;
use crate::kubectl::resources;
use std::collections::BTreeMap;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Labels,
    Annotations,
}

pub fn label(ctx: &mut VerbCtx, which: Which) -> i32 {
    let verb = if which == Which::Labels {
        "label"
    } else {
        "annotate"
    };
    let positionals = ctx.args.positionals().to_vec();
    let (resource_args, changes): (Vec<String>, Vec<String>) = positionals
        .into_iter()
        .partition(|a| !(a.contains('=') || a.ends_with('-')));
    if changes.is_empty() {
        return ctx.usage_error("at least one label update is required", verb);
    }
    let mut set: BTreeMap<String, String> = BTreeMap::new();
    let mut remove: Vec<String> = Vec::new();
    for c in &changes {
        if let Some((k, v)) = c.split_once('=') {
            set.insert(k.to_string(), v.to_string());
        } else if let Some(k) = c.strip_suffix('-') {
            remove.push(k.to_string());
        }
    }
    let selections = match resources::parse(&resource_args) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let overwrite = ctx.args.bool("overwrite");
    let mut code = 0;
    for sel in selections {
        if sel.names.is_empty() && selector.is_none() && !ctx.args.bool("all") {
            return ctx.fail("resource(s) were provided, but no name was specified");
        }
        let keys = ctx.keys(&sel, selector.as_ref());
        for key in keys {
            let mut obj = match ctx.session.cluster.api.get(&key) {
                Ok(o) => o.as_ref().clone(),
                Err(e) => {
                    ctx.sink.err(&errors::render(&e));
                    code = 1;
                    continue;
                }
            };
            let meta = obj.meta_mut();
            let map = match which {
                Which::Labels => meta.labels.get_or_insert_with(BTreeMap::new),
                Which::Annotations => meta.annotations.get_or_insert_with(BTreeMap::new),
            };
            let mut conflict = None;
            for (k, v) in &set {
                if let Some(old) = map.get(k) {
                    if old != v && !overwrite {
                        conflict = Some(format!(
                            "'{k}' already has a value ({old}), and --overwrite is false"
                        ));
                    }
                }
            }
            if let Some(c) = conflict {
                code = ctx.fail(&c);
                continue;
            }
            let before = map.clone();
            for (k, v) in &set {
                map.insert(k.clone(), v.clone());
            }
            for k in &remove {
                map.remove(k);
            }
            let after = map.clone();
            if after.is_empty() {
                match which {
                    Which::Labels => meta.labels = None,
                    Which::Annotations => meta.annotations = None,
                }
            }
            let name = crate::printers::name::name_of(&obj);
            let word = match (which, before == after, set.is_empty()) {
                (Which::Labels, true, _) => "not labeled",
                (Which::Labels, false, true) => "unlabeled",
                (Which::Labels, false, false) => "labeled",
                (Which::Annotations, true, _) => "not annotated",
                (Which::Annotations, false, _) => "annotated",
            };
            if before != after {
                if let Err(e) = ctx.session.cluster.api.update(obj) {
                    ctx.sink.err(&errors::render(&e));
                    code = 1;
                    continue;
                }
            }
            ctx.sink.out(&format!("{name} {word}\n"));
        }
    }
    code
}
