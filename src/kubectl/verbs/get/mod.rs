//! `kubectl get`, in kubectl's order of work: complete the options (the `--sort-by`
//! warnings for watches), validate them, resolve what to get (with the resource
//! builder's errors for names mixed with selectors), fetch (lists through the label and
//! field selectors, named objects one by one, errors collected), then print: tables
//! (`human`), every other printer (`generic`), or a watch (`watch`). Also `kubectl events`.

mod events;
mod field_selector;
mod format;
mod generic;
mod human;
mod watch;

pub use events::events;
pub use format::{parse_format, Format};
pub use generic::{print_objects, served_json};
pub use watch::parse_duration_ms;

use super::VerbCtx;
use crate::api::labels::Selector;
use crate::api::{Kind, Object};
use crate::kubectl::errors;
use crate::kubectl::resources::{self, Selection};
use crate::store::ObjKey;
use field_selector::FieldSelector;
use std::sync::Arc;

/// One thing the apiserver returned: a list of one kind, or one named object.
pub(super) struct Info {
    pub kind: Kind,
    pub objects: Vec<Arc<Object>>,
    /// From a list request (a named get gives one object and `false`).
    pub list: bool,
}

/// An error kubectl collects while getting and prints when it is done.
pub(super) enum GetError {
    /// An apiserver error, already in kubectl's words (`Error from server (...): ...`).
    Api(String),
    /// A client-side error message (printed as `error: ...` when it is the only one).
    Plain(String),
}

/// Print collected errors as kubectl does: one error alone, or each on its own line.
pub(super) fn print_errors(ctx: &mut VerbCtx, errs: &[GetError]) {
    for e in errs {
        match e {
            GetError::Api(text) => ctx.sink.err(text),
            GetError::Plain(m) if errs.len() == 1 => ctx.sink.err(&errors::client(m)),
            GetError::Plain(m) => ctx.sink.err(&format!("{m}\n")),
        }
    }
}

/// klog's fatal exit (`klog.Exitf`), as kubectl's sorter ends on values it cannot compare.
pub(super) fn klog_exit(ctx: &mut VerbCtx, source: &str, message: &str) -> i32 {
    let stamp = crate::kubectl::cli::KlogStamp {
        unix_millis: ctx.session.cluster.now(),
        pid: 4242,
    };
    ctx.sink
        .err(&format!("{} {message}\n", stamp.header('F', source)));
    1
}

pub(super) fn no_resources(ctx: &mut VerbCtx, kinds: &[Kind]) {
    if ctx.all_namespaces() || kinds.iter().all(|k| !k.info().namespaced) {
        ctx.sink.err("No resources found\n");
    } else {
        let ns = ctx.namespace.clone();
        ctx.sink
            .err(&format!("No resources found in {ns} namespace.\n"));
    }
}

/// The selectors of the request, as kubectl sends them (trimmed; empty means none).
pub(super) struct Selectors {
    pub label: Option<Selector>,
    pub label_text: String,
    pub field: Option<FieldSelector>,
    pub field_text: String,
}

impl Selectors {
    fn any(&self) -> bool {
        !self.label_text.is_empty() || !self.field_text.is_empty()
    }
}

/// Fetch what the selections name: lists through the selectors, named objects one by one.
pub(super) fn collect(
    ctx: &mut VerbCtx,
    selections: &[Selection],
    selectors: &Selectors,
) -> (Vec<Info>, Vec<GetError>) {
    let mut infos = Vec::new();
    let mut errs = Vec::new();
    for sel in selections {
        if sel.names.is_empty() {
            if !selectors.field_text.is_empty() {
                let checked = field_selector::parse(&selectors.field_text)
                    .and_then(|f| f.check_kind(sel.kind));
                if let Err(e) = checked {
                    errs.push(GetError::Api(field_selector::list_error(
                        sel.kind,
                        &selectors.label_text,
                        &selectors.field_text,
                        &e,
                    )));
                    continue;
                }
            }
            let objects = ctx
                .list(sel.kind, selectors.label.as_ref())
                .into_iter()
                .filter(|o| selectors.field.as_ref().is_none_or(|f| f.matches(o)))
                .collect();
            infos.push(Info {
                kind: sel.kind,
                objects,
                list: true,
            });
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
                Ok(o) => infos.push(Info {
                    kind: sel.kind,
                    objects: vec![o],
                    list: false,
                }),
                Err(e)
                    if ctx.args.bool("ignore-not-found")
                        && e.reason == crate::api::Reason::NotFound => {}
                Err(e) => errs.push(GetError::Api(errors::render(&e))),
            }
        }
    }
    (infos, errs)
}

/// What `-f` files name: one selection per kind, in file order.
fn selections_from_files(ctx: &mut VerbCtx, errs: &mut Vec<String>) -> Vec<Selection> {
    let manifests = super::apply::read_manifests(ctx, errs);
    let mut sels: Vec<Selection> = Vec::new();
    for m in manifests {
        let kind = m
            .value
            .get("apiVersion")
            .and_then(|a| a.as_str())
            .zip(m.value.get("kind").and_then(|k| k.as_str()))
            .and_then(|(a, k)| Kind::from_type_meta(a, k));
        let name = m
            .value
            .pointer("/metadata/name")
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        if let Some(kind) = kind {
            match sels.iter_mut().find(|s| s.kind == kind) {
                Some(s) => s.names.push(name),
                None => sels.push(Selection {
                    kind,
                    names: vec![name],
                }),
            }
        }
    }
    sels
}

/// `kubectl get`.
pub fn get(ctx: &mut VerbCtx) -> i32 {
    let sort_by = ctx.args.str("sort-by").unwrap_or_default();
    let watch = ctx.args.bool("watch");
    let watch_only = ctx.args.bool("watch-only");
    let positionals = ctx.args.positionals().to_vec();
    let from_files = !ctx.args.all("filename").is_empty();
    // Complete.
    if watch && !sort_by.is_empty() {
        ctx.sink.err(
            "warning: --watch requested, --sort-by will be ignored for watch events received\n",
        );
    } else if watch_only && !sort_by.is_empty() {
        ctx.sink
            .err("warning: --watch-only requested, --sort-by will be ignored\n");
    }
    if positionals.is_empty() && !from_files {
        ctx.sink.err("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n");
        return 1;
    }
    // Validate.
    let output = ctx.args.str("output").unwrap_or_default();
    if ctx.args.bool("show-labels") && !output.is_empty() && output != "wide" {
        return ctx.fail(&format!(
            "--show-labels option cannot be used with {output} printer"
        ));
    }
    if ctx.args.bool("output-watch-events") && !(watch || watch_only) {
        return ctx
            .fail("--output-watch-events option can only be used with --watch or --watch-only");
    }
    let format = parse_format(ctx);
    if let Err(e) = &format {
        if e.starts_with("kubetutor:") {
            ctx.sink.err(&format!("{e}\n"));
            return 1;
        }
    }
    // Run: what to get.
    let label = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let trimmed = |flag: &str| ctx.args.str(flag).unwrap_or_default().trim().to_string();
    let field_text = trimmed("field-selector");
    let selectors = Selectors {
        label,
        label_text: trimmed("selector"),
        field: field_selector::parse(&field_text).ok(),
        field_text,
    };
    let mut file_errs: Vec<String> = Vec::new();
    let selections = if from_files {
        selections_from_files(ctx, &mut file_errs)
    } else {
        match resources::parse(&positionals) {
            Ok(s) => s,
            Err(e) => return ctx.fail(&e),
        }
    };
    if selectors.any() && !from_files {
        if positionals.iter().any(|a| a.contains('/')) {
            return ctx.fail(
                "selectors and the all flag cannot be used when passing resource/name arguments",
            );
        }
        if selections.iter().any(|s| !s.names.is_empty()) {
            return ctx.fail("name cannot be provided when a selector is specified");
        }
    }
    if watch || watch_only {
        for e in &file_errs {
            ctx.sink.err(e);
        }
        return watch::run(ctx, &selections, &selectors, format);
    }
    let (infos, mut errs) = collect(ctx, &selections, &selectors);
    errs.splice(0..0, file_errs.into_iter().map(GetError::Api));
    match format {
        Ok(f) if f.is_table() => human::print(ctx, &f, infos, errs, &sort_by),
        other => {
            let single = selections.len() == 1 && selections[0].names.len() == 1;
            generic::print(ctx, other, infos, errs, single, &sort_by)
        }
    }
}
