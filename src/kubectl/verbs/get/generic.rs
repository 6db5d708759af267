//! Every `kubectl get` printer other than tables (kubectl's `printGeneric`): names, YAML,
//! JSON, JSONPath, Go templates and custom columns. Several objects print as one `List`
//! (sorted first with `--sort-by`), a single named object as itself; an empty result
//! still prints (an empty list, a header line), with no "No resources found".

use super::super::VerbCtx;
use super::format::{custom_columns, Format};
use super::{klog_exit, print_errors, GetError, Info};
use crate::api::Object;
use crate::printers::name::name_of;
use crate::printers::sort::{sort_objects, SortError};
use crate::printers::tabwriter::GoTabWriter;
use std::sync::Arc;

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

/// Render objects in a non-table format (custom columns excepted: see [`print`]).
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
        Format::Table | Format::Wide | Format::CustomColumns(_) | Format::CustomColumnsFile(_) => {}
    }
    Ok(())
}

/// kubectl's `printGeneric`. `single` is its "single item implied" (one name asked for).
pub(super) fn print(
    ctx: &mut VerbCtx,
    format: Result<Format, String>,
    infos: Vec<Info>,
    mut errs: Vec<GetError>,
    single: bool,
    sort_by: &str,
) -> i32 {
    if single && !errs.is_empty() {
        print_errors(ctx, &errs);
        return 1;
    }
    let mut objects: Vec<Arc<Object>> = infos.into_iter().flat_map(|i| i.objects).collect();
    if objects.is_empty() && ctx.args.bool("ignore-not-found") {
        print_errors(ctx, &errs);
        return i32::from(!errs.is_empty());
    }
    // The printer is built now; its errors replace the fetch errors.
    let format = match format {
        Ok(f) => f,
        Err(e) => return ctx.fail(&e),
    };
    let columns = match custom_columns(ctx, &format) {
        Ok(c) => c,
        Err(e) => return ctx.fail(&e),
    };
    let single = single && objects.len() == 1;
    if !single && !sort_by.is_empty() && !objects.is_empty() {
        let values: Vec<serde_json::Value> = objects.iter().map(|o| served_json(o)).collect();
        let refs: Vec<&serde_json::Value> = values.iter().collect();
        match sort_objects(sort_by, &refs) {
            Ok(order) => objects = order.iter().map(|&i| objects[i].clone()).collect(),
            Err(SortError::Message(m)) => {
                errs.push(GetError::Plain(m));
                print_errors(ctx, &errs);
                return 1;
            }
            Err(SortError::Unsortable { source, message }) => {
                return klog_exit(ctx, source, &message)
            }
        }
    }
    let printed = match columns {
        Some(cc) => {
            let values: Vec<serde_json::Value> = objects.iter().map(|o| served_json(o)).collect();
            let refs: Vec<&serde_json::Value> = values.iter().collect();
            let p = cc.print(&refs, true);
            ctx.sink.out(&GoTabWriter::for_tables().format(&p.text));
            p.error.map_or(Ok(()), Err)
        }
        None => print_objects(ctx, &format, &objects, single),
    };
    if let Err(e) = printed {
        errs.push(GetError::Plain(e));
    }
    print_errors(ctx, &errs);
    i32::from(!errs.is_empty())
}
