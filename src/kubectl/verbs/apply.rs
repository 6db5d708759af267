//! `kubectl apply -f` and `kubectl create -f`: read manifests (files, directories, stdin),
//! decode them strictly as the apiserver does, then create, or three-way patch an existing
//! object from its last-applied configuration (`created` / `configured` / `unchanged`).

use super::VerbCtx;
use crate::api::{ApiError, Kind, Object, Reason};
use crate::apiserver::patch::{strategic_merge, three_way_patch};
use crate::kubectl::errors;
use crate::kubectl::workspace::ReadError;
use crate::printers::name::name_of;
use crate::store::ObjKey;
use serde_json::Value;

pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// One decoded document and where it came from.
pub struct Manifest {
    pub source: String,
    pub value: Value,
}

/// Read every `-f` argument into documents. Errors are printed; objects that parsed are
/// still returned (kubectl continues on error and reports at the end).
pub fn read_manifests(ctx: &mut VerbCtx, errs: &mut Vec<String>) -> Vec<Manifest> {
    let recursive = ctx.args.bool("recursive");
    let mut out = Vec::new();
    for path in ctx.args.all("filename") {
        if path == "-" {
            let text = ctx.stdin.unwrap_or("").to_string();
            push_docs(&text, "STDIN", &mut out, errs);
            continue;
        }
        if path.starts_with("http://") || path.starts_with("https://") {
            errs.push(format!("kubetutor: not simulated: reading manifests from URLs ({path}); the sandbox has no network"));
            continue;
        }
        match ctx.session.workspace.expand(&path, recursive) {
            Ok(files) => {
                for f in files {
                    match ctx.session.workspace.read(&f) {
                        Ok(text) => push_docs(&text, &f, &mut out, errs),
                        Err(ReadError::TooLarge(n)) => errs.push(errors::client(&format!(
                            "{f}: the sandbox reads manifests up to {} bytes; this file has {n}",
                            crate::kubectl::workspace::MAX_FILE_BYTES
                        ))),
                        Err(ReadError::Other(why)) => {
                            errs.push(errors::client(&format!("read {f}: {why}")))
                        }
                        Err(ReadError::NotFound) => errs.push(errors::client(&format!(
                            "the path {} does not exist",
                            crate::api::errors::go_quote(&f)
                        ))),
                    }
                }
            }
            Err(_) => errs.push(errors::client(&format!(
                "the path {} does not exist",
                crate::api::errors::go_quote(&path)
            ))),
        }
    }
    out
}

fn push_docs(text: &str, source: &str, out: &mut Vec<Manifest>, errs: &mut Vec<String>) {
    match crate::codec::manifest::parse_manifests(text, source) {
        Ok(values) => out.extend(values.into_iter().map(|value| Manifest {
            source: source.to_string(),
            value,
        })),
        Err(e) => errs.push(errors::client(&e.to_string())),
    }
}

/// Decode, and settle the namespace as kubectl does.
fn decode(ctx: &VerbCtx, m: &Manifest) -> Result<Object, String> {
    let mut obj = match crate::codec::strict::decode(&m.value) {
        Ok(o) => o,
        Err(e) => return Err(render_decode(&e, &m.source)),
    };
    let kind = obj.kind();
    if kind.info().namespaced {
        let explicit = ctx.args.is_set("namespace");
        match obj.meta().namespace.clone() {
            Some(ns) if explicit && ns != ctx.namespace => {
                return Err(errors::client(&format!(
                    "the namespace from the provided object {} does not match the namespace {}. You must pass '--namespace={ns}' to perform this operation.",
                    crate::api::errors::go_quote(&ns),
                    crate::api::errors::go_quote(&ctx.namespace)
                )));
            }
            Some(_) => {}
            None => obj.meta_mut().namespace = Some(ctx.namespace.clone()),
        }
    }
    Ok(obj)
}

fn dry_run(ctx: &VerbCtx) -> Result<Option<&'static str>, String> {
    match ctx.args.str("dry-run").as_deref() {
        None | Some("none") => Ok(None),
        Some("client") => Ok(Some(" (dry run)")),
        Some("server") => Ok(Some(" (server dry run)")),
        Some(other) => Err(format!(
            "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
        )),
    }
}

/// Print the result line, or the object in the requested output format.
fn report(ctx: &mut VerbCtx, obj: &Object, verb: &str, suffix: &str) {
    match ctx.args.str("output").as_deref() {
        Some("name") => ctx.sink.out(&format!("{}\n", name_of(obj))),
        Some("yaml") => ctx
            .sink
            .out(&crate::codec::yaml_out::to_yaml(&obj.to_json())),
        Some("json") => ctx
            .sink
            .out(&crate::codec::json_out::to_json(&obj.to_json())),
        _ => ctx.sink.out(&format!("{} {verb}{suffix}\n", name_of(obj))),
    }
}

fn with_last_applied(value: &Value) -> (Value, String) {
    let mut v = value.clone();
    if let Some(ann) = v
        .pointer_mut("/metadata/annotations")
        .and_then(Value::as_object_mut)
    {
        ann.remove(LAST_APPLIED);
    }
    let mut last = serde_json::to_string(&v).unwrap_or_default();
    last.push('\n');
    let meta = v.as_object_mut().and_then(|o| {
        o.entry("metadata")
            .or_insert_with(|| Value::Object(Default::default()));
        o.get_mut("metadata")?.as_object_mut()
    });
    if let Some(meta) = meta {
        let ann = meta
            .entry("annotations")
            .or_insert_with(|| Value::Object(Default::default()));
        if let Some(a) = ann.as_object_mut() {
            a.insert(LAST_APPLIED.into(), Value::String(last.clone()));
        }
    }
    (v, last)
}

/// The manifest with the namespace kubectl's builder settled on (kubectl records it in the
/// last-applied configuration too).
fn with_namespace(value: &Value, ns: &str) -> Value {
    let mut v = value.clone();
    if !ns.is_empty() {
        if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.insert("namespace".into(), Value::String(ns.to_string()));
        }
    }
    v
}

/// `kubectl apply`.
pub fn apply(ctx: &mut VerbCtx) -> i32 {
    if ctx.args.all("filename").is_empty() && !ctx.args.is_set("kustomize") {
        return ctx.usage_error("must specify one of -f and -k", "apply");
    }
    if ctx.args.bool("server-side") {
        return ctx.not_simulated("kubectl apply --server-side (client-side apply is simulated)");
    }
    let suffix = match dry_run(ctx) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let mut errs = Vec::new();
    let manifests = read_manifests(ctx, &mut errs);
    if manifests.is_empty() && errs.is_empty() {
        return ctx.fail("no objects passed to apply");
    }
    for m in &manifests {
        if let Err(e) = apply_one(ctx, m, suffix) {
            errs.push(e);
        }
    }
    for e in &errs {
        ctx.sink.err(e);
    }
    i32::from(!errs.is_empty())
}

fn apply_one(ctx: &mut VerbCtx, m: &Manifest, dry: Option<&str>) -> Result<(), String> {
    let obj = decode(ctx, m);
    let (kind, name, ns) = match &obj {
        Ok(o) => (o.kind(), o.name().to_string(), o.namespace().to_string()),
        Err(e) => {
            // Unknown fields on an object that exists are reported as a patch error.
            if existing_for(ctx, &m.value).is_some() && e.contains("strict decoding error") {
                let detail = e
                    .split("strict decoding error")
                    .nth(1)
                    .unwrap_or("")
                    .trim_end();
                let (patch, _) = with_last_applied(&m.value);
                return Err(format!(
                    "The request is invalid: patch: Invalid value: {}: strict decoding error{detail}\n",
                    crate::api::errors::go_quote(&go_map(&patch))
                ));
            }
            return Err(e.clone());
        }
    };
    let obj = obj.expect("checked");
    let key = ObjKey::new(kind, &ns, &name);
    let suffix = dry.unwrap_or("");
    let api = &mut ctx.session.cluster.api;
    match api.try_get(&key).cloned() {
        None => {
            let (_, last) = with_last_applied(&with_namespace(&m.value, &ns));
            let mut value = obj.to_json();
            if let Some(a) = value
                .pointer_mut("/metadata")
                .and_then(Value::as_object_mut)
            {
                let ann = a
                    .entry("annotations")
                    .or_insert_with(|| Value::Object(Default::default()));
                if let Some(ann) = ann.as_object_mut() {
                    ann.insert(LAST_APPLIED.into(), Value::String(last));
                }
            }
            strip_server_fields(&mut value);
            let with_ann = Object::from_json_lenient(kind, value)
                .map_err(|e| errors::client(&e.to_string()))?;
            let created = if dry == Some(" (dry run)") {
                with_ann
            } else if dry.is_some() {
                let mut probe = api.clone();
                probe
                    .create(with_ann)
                    .map_err(|e| errors::render_with_source(&e, Some(("creating", &m.source))))?
                    .as_ref()
                    .clone()
            } else {
                api.create(with_ann)
                    .map_err(|e| render_create_error(&e, &m.source))?
                    .as_ref()
                    .clone()
            };
            report(ctx, &created, "created", suffix);
        }
        Some(live) => {
            let live_json = live.to_json();
            let last: Option<Value> = live
                .meta()
                .annotations
                .as_ref()
                .and_then(|a| a.get(LAST_APPLIED))
                .and_then(|s| serde_json::from_str(s).ok());
            if last.is_none() {
                let info = kind.info();
                ctx.sink.err(&format!(
                    "Warning: resource {}/{} is missing the {LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
                    info.resource_group(),
                    name
                ));
            }
            let (modified, _) = with_last_applied(&with_namespace(&m.value, &ns));
            let patch = three_way_patch(last.as_ref(), &modified);
            let mut merged = strategic_merge(&live_json, &patch, "");
            if let Some(md) = merged.get_mut("metadata").and_then(Value::as_object_mut) {
                md.insert(
                    "namespace".into(),
                    if ns.is_empty() {
                        Value::Null
                    } else {
                        Value::String(ns.clone())
                    },
                );
            }
            let next =
                crate::codec::strict::decode(&merged).map_err(|e| render_decode(&e, &m.source))?;
            let api = &mut ctx.session.cluster.api;
            let result = if dry.is_some() {
                let mut probe = api.clone();
                probe.update(next)
            } else {
                api.update(next)
            };
            let updated = result.map_err(|e| {
                errors::render_with_source(&e, Some(("applying patch to", &m.source)))
            })?;
            let changed = updated.meta().resource_version != live.meta().resource_version;
            report(
                ctx,
                &updated,
                if changed { "configured" } else { "unchanged" },
                suffix,
            );
        }
    }
    Ok(())
}

/// How kubectl shows a decoding failure: a client-side mapping error, or the apiserver's 400.
fn render_decode(e: &crate::codec::strict::DecodeError, source: &str) -> String {
    match e {
        crate::codec::strict::DecodeError::BadRequest(m) => errors::render_with_source(
            &ApiError::bad_request(m.clone()),
            Some(("creating", source)),
        ),
        other => errors::client(&other.message(source)),
    }
}

fn render_create_error(e: &ApiError, source: &str) -> String {
    if e.reason == Reason::Invalid {
        errors::render(e)
    } else {
        errors::render_with_source(e, Some(("creating", source)))
    }
}

/// The live object a manifest names, if it exists (looked up from apiVersion/kind/name).
fn existing_for(ctx: &VerbCtx, value: &Value) -> Option<ObjKey> {
    let kind = Kind::from_type_meta(
        value.get("apiVersion")?.as_str()?,
        value.get("kind")?.as_str()?,
    )?;
    let name = value.pointer("/metadata/name")?.as_str()?;
    let ns = value
        .pointer("/metadata/namespace")
        .and_then(Value::as_str)
        .unwrap_or(&ctx.namespace);
    let key = ObjKey::new(kind, ns, name);
    ctx.session.cluster.api.try_get(&key).map(|_| key)
}

/// Server-owned metadata a manifest may carry (e.g. from `get -o yaml`) that create ignores.
fn strip_server_fields(v: &mut Value) {
    if let Some(md) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        for k in [
            "uid",
            "resourceVersion",
            "creationTimestamp",
            "generation",
            "managedFields",
            "selfLink",
        ] {
            md.remove(k);
        }
    }
}

/// Go's `%v` of a decoded JSON object (`map[a:1 b:map[c:d]]`), as the apiserver quotes patches.
pub fn go_map(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{}:{}", k, go_map(&m[*k])))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        Value::Array(a) => format!("[{}]", a.iter().map(go_map).collect::<Vec<_>>().join(" ")),
        Value::String(s) => s.clone(),
        Value::Null => "<nil>".into(),
        other => other.to_string(),
    }
}

/// `kubectl create -f`.
pub fn create(ctx: &mut VerbCtx) -> i32 {
    if ctx.args.all("filename").is_empty() {
        if let Some(sub) = ctx.args.positionals().first().cloned() {
            return ctx.not_simulated(&format!(
                "kubectl create {sub} (create objects from manifests with -f)"
            ));
        }
        return ctx.usage_error("must specify one of -f and -k", "create");
    }
    let suffix = match dry_run(ctx) {
        Ok(s) => s,
        Err(e) => return ctx.fail(&e),
    };
    let mut errs = Vec::new();
    let manifests = read_manifests(ctx, &mut errs);
    if manifests.is_empty() && errs.is_empty() {
        return ctx.fail("no objects passed to create");
    }
    for m in &manifests {
        let obj = match decode(ctx, m) {
            Ok(o) => o,
            Err(e) => {
                errs.push(e);
                continue;
            }
        };
        let mut value = obj.to_json();
        strip_server_fields(&mut value);
        if ctx.args.bool("save-config") {
            value = with_last_applied(&value).0;
        }
        let Ok(obj) = Object::from_json_lenient(obj.kind(), value) else {
            continue;
        };
        let result = match suffix {
            Some(" (dry run)") => Ok(obj),
            Some(_) => ctx
                .session
                .cluster
                .api
                .clone()
                .create(obj)
                .map(|o| o.as_ref().clone()),
            None => ctx
                .session
                .cluster
                .api
                .create(obj)
                .map(|o| o.as_ref().clone()),
        };
        match result {
            Ok(o) => report(ctx, &o, "created", suffix.unwrap_or("")),
            Err(e) => errs.push(render_create_error(&e, &m.source)),
        }
    }
    for e in &errs {
        ctx.sink.err(e);
    }
    i32::from(!errs.is_empty())
}
