//! `kubectl edit TYPE/NAME`. Real kubectl writes the object's YAML to a temporary file and
//! runs `$KUBE_EDITOR`/`$EDITOR` on it; the sandbox starts no host process, so the edited
//! file comes from stdin instead: in a scripted file,
//! `kubectl edit sts/web <<EOF ... EOF` stands for "the editor saved this text". What
//! follows is kubectl's: lines starting with `#` are ignored, text equal to the original
//! is "Edit cancelled, no changes made.", an empty file is "Edit cancelled, saved file was
//! empty.", changing apiVersion, kind or name is refused, and a saved change prints
//! `KIND/NAME edited`. Without stdin (the interactive prompt) it says how to edit.

use super::VerbCtx;
use crate::api::Object;
use crate::codec::manifest::parse_manifests;
use crate::kubectl::verbs::get::served_json;
use crate::kubectl::{errors, resources};
use crate::printers::name::name_of;
use crate::store::ObjKey;

/// The header kubectl puts above the object in the editor.
pub const EDIT_HEADER: &str = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/// `cmdutil.StripComments`-like: drop lines whose first non-blank character is `#`.
fn strip_comments(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// What kubectl opens the editor on for `obj`.
pub fn edit_buffer(obj: &Object) -> String {
    let mut value = served_json(obj);
    if let Some(meta) = value.get_mut("metadata").and_then(|m| m.as_object_mut()) {
        meta.remove("managedFields");
    }
    format!("{EDIT_HEADER}{}", crate::codec::yaml_out::to_yaml(&value))
}

pub fn edit(ctx: &mut VerbCtx) -> i32 {
    if !ctx.args.all("filename").is_empty() || ctx.args.is_set("output") {
        return ctx.not_simulated("-f and -o for kubectl edit");
    }
    let positionals = ctx.args.positionals().to_vec();
    let selections = match resources::parse(&positionals) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let targets: Vec<ObjKey> = selections
        .iter()
        .flat_map(|s| {
            s.names
                .iter()
                .map(|n| ObjKey::new(s.kind, &ctx.namespace, n))
        })
        .collect();
    let [key] = targets.as_slice() else {
        return ctx.not_simulated(
            "kubectl edit of more (or other) than one named object; name one (TYPE/NAME)",
        );
    };
    let live = match ctx.session.cluster.api.get(key) {
        Ok(o) => o,
        Err(e) => {
            ctx.sink.err(&errors::render(&e));
            return 1;
        }
    };
    let Some(edited) = ctx.stdin.map(str::to_string) else {
        return ctx.not_simulated(
            "kubectl edit opens no editor here (no host process is ever started). Give the saved file on stdin instead: kubectl edit TYPE/NAME <<EOF ... EOF (see `kubectl get TYPE/NAME -o yaml` for the text to start from)",
        );
    };
    let original = edit_buffer(&live);
    if strip_comments(&original) == strip_comments(&edited) {
        ctx.sink.err("Edit cancelled, no changes made.\n");
        return 0;
    }
    if strip_comments(&edited).trim().is_empty() {
        ctx.sink.err("Edit cancelled, saved file was empty.\n");
        return 0;
    }
    let docs = match parse_manifests(&strip_comments(&edited), "edited file") {
        Ok(d) => d,
        Err(e) => return ctx.fail(&e.to_string()),
    };
    let [value] = docs.as_slice() else {
        return ctx.fail("The edited file had a syntax error: expected one object");
    };
    let same = |field: &str| value.get(field).and_then(|v| v.as_str());
    let live_json = live.to_json();
    if same("apiVersion") != live_json.get("apiVersion").and_then(|v| v.as_str())
        || same("kind") != live_json.get("kind").and_then(|v| v.as_str())
        || value.pointer("/metadata/name").and_then(|v| v.as_str()) != Some(live.name())
    {
        return ctx.fail("At least one of apiVersion, kind and name was changed");
    }
    let mut obj = match crate::codec::strict::decode(value) {
        Ok(o) => o,
        Err(e) => return ctx.fail(&e.to_string()),
    };
    // The editor's copy names the object's namespace; a hand-written one may not.
    if obj.meta().namespace.is_none() {
        obj.meta_mut().namespace = live.meta().namespace.clone();
    }
    let before = live.meta().resource_version.clone();
    match ctx.session.cluster.api.update(obj) {
        Ok(o) if o.meta().resource_version == before => {
            ctx.sink.out(&format!("{} skipped\n", name_of(&o)));
            0
        }
        Ok(o) => {
            ctx.sink.out(&format!("{} edited\n", name_of(&o)));
            0
        }
        Err(e) => {
            ctx.sink.err(&errors::render(&e));
            ctx.sink
                .err("error: Edit cancelled, no valid changes were saved.\n");
            1
        }
    }
}
