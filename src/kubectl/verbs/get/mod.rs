//! `kubectl get` (tables, `-o wide|name|yaml|json|jsonpath|go-template`, labels columns,
//! several kinds at once, `-w`) and `kubectl events`.

use super::VerbCtx;
use crate::api::labels::Selector;
use crate::api::{Kind, Object};
use crate::kubectl::errors;
use crate::kubectl::resources::{self, Selection};
use crate::printers::name::name_of;
use crate::printers::table::{table_for, TableOptions, TableWriter};
use crate::store::ObjKey;
use std::sync::Arc;

/// The output a `-o` value asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Format {
    Table,
    Wide,
    Name,
    Yaml,
    Json,
    JsonPath(String),
    GoTemplate(String),
}

const ALLOWED_FORMATS: &str = "(go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, wide, yaml)";

pub fn parse_format(ctx: &VerbCtx) -> Result<Format, String> {
    let template = ctx.args.str("template");
    let Some(o) = ctx.args.str("output") else {
        return Ok(match template {
            Some(t) => Format::GoTemplate(t),
            None => Format::Table,
        });
    };
    Ok(match o.as_str() {
        "" => Format::Table,
        "wide" => Format::Wide,
        "name" => Format::Name,
        "yaml" => Format::Yaml,
        "json" => Format::Json,
        "go-template" | "template" => {
            Format::GoTemplate(template.ok_or("template format specified but no template given")?)
        }
        "jsonpath" => {
            Format::JsonPath(template.ok_or("template format specified but no template given")?)
        }
        o if o.starts_with("jsonpath=") => Format::JsonPath(o["jsonpath=".len()..].to_string()),
        o if o.starts_with("go-template=") => {
            Format::GoTemplate(o["go-template=".len()..].to_string())
        }
        o if o.starts_with("template=") => Format::GoTemplate(o["template=".len()..].to_string()),
        o if o.starts_with("custom-columns")
            || o.starts_with("jsonpath-file")
            || o.starts_with("go-template-file")
            || o.starts_with("jsonpath-as-json") =>
        {
            return Err(format!(
                "kubetutor: not simulated: -o {}",
                o.split('=').next().unwrap_or(o)
            ));
        }
        other => {
            return Err(format!(
            "unable to match a printer suitable for the output format {}, allowed formats are: {}",
            crate::api::errors::go_quote(other),
            ALLOWED_FORMATS.trim_matches(|c| c == '(' || c == ')')
        ))
        }
    })
}

/// Field selectors the sandbox understands (`metadata.name`, `metadata.namespace`,
/// `status.phase`, `spec.nodeName`), with `=`, `==` and `!=`.
fn field_matches(obj: &Object, selector: &str) -> Result<bool, String> {
    for part in selector.split(',').filter(|p| !p.is_empty()) {
        let (field, want, negate) = if let Some((f, v)) = part.split_once("!=") {
            (f, v, true)
        } else if let Some((f, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
            (f, v, false)
        } else {
            return Err(format!(
                "invalid selector: '{part}'; can't understand '{part}'"
            ));
        };
        let json = obj.to_json();
        let actual = match field.trim() {
            "metadata.name" => obj.name().to_string(),
            "metadata.namespace" => obj.namespace().to_string(),
            "status.phase" => json
                .pointer("/status/phase")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            "spec.nodeName" => json
                .pointer("/spec/nodeName")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            "type" => json
                .pointer("/type")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            "involvedObject.name" => json
                .pointer("/involvedObject/name")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            other => return Err(format!("field label not supported: {other}")),
        };
        if (actual == want.trim()) == negate {
            return Ok(false);
        }
    }
    Ok(true)
}

struct Found {
    selection: Selection,
    objects: Vec<Arc<Object>>,
}

fn collect(
    ctx: &mut VerbCtx,
    selections: &[Selection],
    selector: Option<&Selector>,
    errs: &mut Vec<String>,
) -> Result<Vec<Found>, String> {
    let field_selector = ctx.args.str("field-selector");
    let mut out = Vec::new();
    for sel in selections {
        let mut objects = Vec::new();
        if sel.names.is_empty() {
            for o in ctx.list(sel.kind, selector) {
                if let Some(fs) = &field_selector {
                    if !field_matches(&o, fs)? {
                        continue;
                    }
                }
                objects.push(o);
            }
        } else {
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
                    Err(e)
                        if ctx.args.bool("ignore-not-found")
                            && e.reason == crate::api::Reason::NotFound => {}
                    Err(e) => errs.push(errors::render(&e)),
                }
            }
        }
        out.push(Found {
            selection: sel.clone(),
            objects,
        });
    }
    Ok(out)
}

fn table_options(ctx: &VerbCtx, format: &Format, multi_kind: bool) -> TableOptions {
    TableOptions {
        wide: *format == Format::Wide,
        show_labels: ctx.args.bool("show-labels"),
        label_columns: ctx
            .args
            .all("label-columns")
            .iter()
            .flat_map(|s| s.split(',').map(str::to_string))
            .filter(|s| !s.is_empty())
            .collect(),
        no_headers: ctx.args.bool("no-headers"),
        with_namespace: ctx.all_namespaces(),
        with_kind_prefix: multi_kind || ctx.args.bool("show-kind"),
    }
}

fn no_resources(ctx: &mut VerbCtx, kinds: &[Kind]) {
    if ctx.all_namespaces() || kinds.iter().all(|k| !k.info().namespaced) {
        ctx.sink.err("No resources found\n");
    } else {
        let ns = ctx.namespace.clone();
        ctx.sink
            .err(&format!("No resources found in {ns} namespace.\n"));
    }
}

/// An object as the apiserver serializes it: Go prints a zero `metav1.Time` in embedded
/// object metadata (pod templates, claim templates) as `creationTimestamp: null`, which
/// k8s-openapi's `Option` cannot carry, so it is put back here.
pub fn served_json(obj: &Object) -> serde_json::Value {
    let mut v = obj.to_json();
    let fill = |m: Option<&mut serde_json::Value>| {
        if let Some(serde_json::Value::Object(meta)) = m {
            meta.entry("creationTimestamp")
                .or_insert(serde_json::Value::Null);
        }
    };
    fill(v.pointer_mut("/spec/template/metadata"));
    if let Some(serde_json::Value::Array(claims)) = v.pointer_mut("/spec/volumeClaimTemplates") {
        for c in claims {
            fill(c.get_mut("metadata"));
        }
    }
    v
}

/// Render objects in a non-table format.
pub fn print_objects(
    ctx: &mut VerbCtx,
    format: &Format,
    objects: &[Arc<Object>],
    single: bool,
) -> Result<(), String> {
    let value = if single && objects.len() == 1 {
        served_json(&objects[0])
    } else {
        crate::codec::yaml_out::list_wrapper(objects.iter().map(|o| served_json(o)).collect())
    };
    match format {
        Format::Name => {
            for o in objects {
                ctx.sink.out(&format!("{}\n", name_of(o)));
            }
        }
        Format::Yaml => ctx.sink.out(&crate::codec::yaml_out::to_yaml(&value)),
        Format::Json => ctx.sink.out(&crate::codec::json_out::to_json(&value)),
        Format::JsonPath(t) => ctx
            .sink
            .out(&crate::templates::jsonpath::render(t, &value)?),
        Format::GoTemplate(t) => ctx
            .sink
            .out(&crate::templates::gotemplate::render(t, &value)?),
        Format::Table | Format::Wide => {}
    }
    Ok(())
}

/// `kubectl get`.
pub fn get(ctx: &mut VerbCtx) -> i32 {
    let format = match parse_format(ctx) {
        Ok(f) => f,
        Err(e) if e.starts_with("kubetutor:") => {
            ctx.sink.err(&format!("{e}\n"));
            return 1;
        }
        Err(e) => return ctx.fail(&e),
    };
    let selector = match ctx.selector() {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let positionals = ctx.args.positionals().to_vec();
    let mut errs: Vec<String> = Vec::new();
    let selections: Vec<Selection> = if !ctx.args.all("filename").is_empty() {
        let manifests = super::apply::read_manifests(ctx, &mut errs);
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
    } else if positionals.is_empty() {
        ctx.sink.err("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n");
        return 1;
    } else {
        match resources::parse(&positionals) {
            Ok(s) => s,
            Err(e) => return ctx.fail(&e),
        }
    };
    let watch = ctx.args.bool("watch") || ctx.args.bool("watch-only");
    if watch && selections.len() > 1 {
        return ctx.fail("watch is only supported on individual resources and resource collections - more than 1 resource was found");
    }
    let found = match collect(ctx, &selections, selector.as_ref(), &mut errs) {
        Ok(f) => f,
        Err(e) => return ctx.fail(&e),
    };
    let multi_kind = selections.len() > 1;
    let total: usize = found.iter().map(|f| f.objects.len()).sum();
    let single_named = selections.len() == 1 && selections[0].names.len() == 1;
    let now = ctx.session.cluster.now();
    let mut writer = TableWriter::new();
    if !ctx.args.bool("watch-only") {
        match &format {
            Format::Table | Format::Wide => {
                let opts = table_options(ctx, &format, multi_kind);
                let mut printed = false;
                for f in &found {
                    if f.objects.is_empty() {
                        continue;
                    }
                    if printed && !opts.no_headers {
                        ctx.sink.out("\n");
                    }
                    writer.reset();
                    let objs: Vec<&Object> = f.objects.iter().map(|o| o.as_ref()).collect();
                    let mut table = table_for(f.selection.kind, &objs, now, &opts);
                    if watch && ctx.args.bool("output-watch-events") {
                        add_event_column(&mut table, "ADDED");
                    }
                    ctx.sink.out(&writer.render(&table, !opts.no_headers));
                    printed = true;
                }
            }
            other => {
                let all: Vec<Arc<Object>> = found
                    .iter()
                    .flat_map(|f| f.objects.iter().cloned())
                    .collect();
                if !all.is_empty() || matches!(other, Format::Yaml | Format::Json) {
                    if let Err(e) = print_objects(ctx, other, &all, single_named) {
                        errs.push(errors::client(&e));
                    }
                }
            }
        }
    }
    if total == 0
        && errs.is_empty()
        && !watch
        && matches!(format, Format::Table | Format::Wide | Format::Name)
    {
        let kinds: Vec<Kind> = selections.iter().map(|s| s.kind).collect();
        no_resources(ctx, &kinds);
    }
    for e in &errs {
        ctx.sink.err(e);
    }
    if !errs.is_empty() {
        return 1;
    }
    if watch {
        let sel = selections[0].clone();
        return watch_loop(
            ctx,
            &sel,
            selector.as_ref(),
            &format,
            writer,
            total > 0 && !ctx.args.bool("watch-only"),
        );
    }
    0
}

/// Stream rows for changes to the watched objects as the cluster runs, until they settle.
fn watch_loop(
    ctx: &mut VerbCtx,
    sel: &Selection,
    selector: Option<&Selector>,
    format: &Format,
    mut writer: TableWriter,
    header_printed: bool,
) -> i32 {
    let mut header_printed = header_printed;
    let opts = TableOptions {
        with_kind_prefix: false,
        ..table_options(ctx, format, false)
    };
    let scope = ctx.scope(sel.kind);
    let limits = ctx.session.limits.clone();
    let max = match ctx
        .args
        .str("request-timeout")
        .and_then(|t| parse_duration_ms(&t))
    {
        Some(ms) if ms > 0 => ms,
        _ => limits.watch_max_ms,
    };
    let start = ctx.session.cluster.now();
    let deadline = start + max;
    let mut last_change = start;
    let mut seen = ctx.session.cluster.api.store.resource_version();
    ctx.session.cluster.open_watch(seen);
    let output_events = ctx.args.bool("output-watch-events");
    loop {
        let quiet_until = last_change + limits.watch_quiet_ms;
        let limit = deadline.min(quiet_until);
        if !ctx.session.cluster.step_until(limit) {
            break;
        }
        let now = ctx.session.cluster.now();
        let events: Vec<_> = ctx
            .session
            .cluster
            .api
            .store
            .events_since(seen)
            .map(|e| e.to_vec())
            .unwrap_or_default();
        seen = ctx.session.cluster.api.store.resource_version();
        ctx.session.cluster.advance_watch(seen);
        for ev in events {
            let o = &ev.object;
            if o.kind() != sel.kind || scope.as_deref().is_some_and(|ns| ns != o.namespace()) {
                continue;
            }
            if !sel.names.is_empty() && !sel.names.iter().any(|n| n == o.name()) {
                continue;
            }
            if selector.is_some_and(|s| !s.matches(o.meta().labels.as_ref())) {
                continue;
            }
            last_change = now;
            match format {
                Format::Table | Format::Wide => {
                    let mut table = table_for(sel.kind, &[o.as_ref()], ev.at_ms, &opts);
                    if output_events {
                        add_event_column(&mut table, ev.event_type.as_str());
                    }
                    let text = writer.render(&table, !header_printed && !opts.no_headers);
                    header_printed = true;
                    ctx.sink.out(&text);
                }
                other => {
                    let _ = print_objects(ctx, other, std::slice::from_ref(o), true);
                }
            }
        }
    }
    ctx.session.cluster.close_watch();
    0
}

/// `--output-watch-events`: a first column naming the watch event.
fn add_event_column(table: &mut crate::printers::table::Table, event: &str) {
    table.header.insert(0, "EVENT".into());
    for r in &mut table.rows {
        r.insert(0, event.to_string());
    }
}

/// `30s`, `5m`, `1h`, `500ms`, or bare seconds.
pub fn parse_duration_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(n) = s.strip_suffix("ms") {
        return n.parse::<f64>().ok().map(|v| v as i64);
    }
    let (num, mult) = match s.chars().last()? {
        's' => (&s[..s.len() - 1], 1000.0),
        'm' => (&s[..s.len() - 1], 60_000.0),
        'h' => (&s[..s.len() - 1], 3_600_000.0),
        _ => (s, 1000.0),
    };
    num.parse::<f64>().ok().map(|v| (v * mult) as i64)
}

/// `kubectl events`: the namespace's events, oldest first.
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
