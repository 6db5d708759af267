//! `kubectl patch`: strategic merge (default), JSON merge and JSON patches, given inline
//! with `-p` (JSON or YAML) or from `--patch-file`.

use super::VerbCtx;

use crate::apiserver::patch::{apply_patch, PatchType};
use crate::kubectl::errors;
use crate::kubectl::resources;
use crate::store::ObjKey;

pub fn patch(ctx: &mut VerbCtx) -> i32 {
    let kind = match ctx.args.str("type").as_deref() {
        None | Some("strategic") => PatchType::Strategic,
        Some("merge") => PatchType::Merge,
        Some("json") => PatchType::Json,
        Some(other) => {
            return ctx.fail(&format!(
                "--type must be one of [json merge strategic], not {}",
                crate::api::errors::go_quote(other)
            ))
        }
    };
    let text = match (ctx.args.str("patch"), ctx.args.str("patch-file")) {
        (Some(p), _) => p,
        (None, Some(f)) => match ctx.session.workspace.read(&f) {
            Ok(t) => t,
            Err(_) => {
                return ctx.fail(&format!(
                    "unable to read patch file: open {f}: no such file or directory"
                ))
            }
        },
        (None, None) => {
            return ctx.usage_error(
                "must specify --patch or --patch-file containing the contents of the patch",
                "patch",
            )
        }
    };
    let patch_value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(_) => match serde_yaml_ng::from_str::<serde_json::Value>(&text) {
            Ok(v) if !v.is_string() => v,
            Ok(_) | Err(_) => {
                return ctx.fail(&format!(
                    "unable to parse {}: yaml: did not find expected node content",
                    crate::api::errors::go_quote(&text)
                ))
            }
        },
    };
    let positionals = ctx.args.positionals().to_vec();
    let selections = match resources::parse(&positionals) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let Some(sel) = selections.first().filter(|s| !s.names.is_empty()) else {
        return ctx.usage_error(
            "You must provide one or more resources by argument or filename.",
            "patch",
        );
    };
    let mut code = 0;
    for name in sel.names.clone() {
        let key = ObjKey::new(sel.kind, &ctx.namespace, &name);
        let live = match ctx.session.cluster.api.get(&key) {
            Ok(o) => o,
            Err(e) => {
                ctx.sink.err(&errors::render(&e));
                code = 1;
                continue;
            }
        };
        let patched = match apply_patch(&live.to_json(), &patch_value, kind) {
            Ok(v) => v,
            Err(e) => {
                ctx.sink
                    .err(&errors::render(&crate::api::ApiError::bad_request(e)));
                code = 1;
                continue;
            }
        };
        let obj = match crate::codec::strict::decode(&patched) {
            Ok(o) => o,
            Err(e) => {
                ctx.sink
                    .err(&errors::render(&crate::api::ApiError::bad_request(
                        e.to_string(),
                    )));
                code = 1;
                continue;
            }
        };
        let before = live.meta().resource_version.clone();
        match ctx.session.cluster.api.update(obj) {
            Ok(o) => {
                let unchanged = o.meta().resource_version == before;
                let name = crate::printers::name::name_of(&o);
                ctx.sink.out(&format!(
                    "{name} patched{}\n",
                    if unchanged { " (no change)" } else { "" }
                ));
            }
            Err(e) => {
                ctx.sink.err(&errors::render(&e));
                code = 1;
            }
        }
    }
    code
}
