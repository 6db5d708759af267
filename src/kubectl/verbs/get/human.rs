//! The human-readable side of `kubectl get` (tables and `-o wide`): one table per kind,
//! a blank line between kinds, NAMESPACE for `-A`, `kind/` name prefixes when several
//! kinds print, "No resources found" when nothing printed, and `--sort-by` through
//! kubectl's two sorters. kubectl receives one server table per list (or per named
//! object); with several, it first sorts those tables as objects, which fails for most
//! paths ("couldn't find any field"), then sorts each table's rows by the objects they
//! carry. A failed row sort is swallowed: that table is not printed.

use super::super::VerbCtx;
use super::{klog_exit, print_errors, served_json, Format, GetError, Info};
use crate::api::{Kind, Object};
use crate::printers::sort::{sort_objects, sort_table_rows, SortError};
use crate::printers::table::{table_for, TableOptions, TableWriter};
use serde_json::{json, Value};

pub(super) fn table_options(ctx: &VerbCtx, format: &Format, multi_kind: bool) -> TableOptions {
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

/// A server-side table as kubectl's first sorter sees it: the Table object itself.
/// (Column definitions and cells are left out; only paths into rows' objects, `kind`,
/// `apiVersion` and `metadata.resourceVersion` find anything.)
fn table_object(ctx: &VerbCtx, info: &Info) -> Value {
    let resource_version = match (info.list, info.objects.first()) {
        (false, Some(o)) => o.meta().resource_version.clone().unwrap_or_default(),
        _ => ctx.session.cluster.api.store.resource_version().to_string(),
    };
    let rows: Vec<Value> = info
        .objects
        .iter()
        .map(|o| json!({"object": served_json(o)}))
        .collect();
    json!({
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": {"resourceVersion": resource_version},
        "rows": rows,
    })
}

/// Sort one table's rows (`SortingPrinter` on a table of two rows or more).
pub(super) fn sort_rows<'a>(
    sort_by: &str,
    objects: Vec<&'a Object>,
) -> Result<Vec<&'a Object>, SortError> {
    if sort_by.is_empty() || objects.len() < 2 {
        return Ok(objects);
    }
    let values: Vec<Value> = objects.iter().map(|o| served_json(o)).collect();
    let refs: Vec<&Value> = values.iter().collect();
    let order = sort_table_rows(sort_by, &refs)?;
    Ok(order.iter().map(|&i| objects[i]).collect())
}

pub(super) fn print(
    ctx: &mut VerbCtx,
    format: &Format,
    mut infos: Vec<Info>,
    errs: Vec<GetError>,
    sort_by: &str,
) -> i32 {
    let multi_kind = infos.windows(2).any(|w| w[0].kind != w[1].kind);
    if !sort_by.is_empty() && infos.len() > 1 {
        let tables: Vec<Value> = infos.iter().map(|i| table_object(ctx, i)).collect();
        let refs: Vec<&Value> = tables.iter().collect();
        match sort_objects(sort_by, &refs) {
            Ok(order) => {
                let mut slots: Vec<Option<Info>> = infos.into_iter().map(Some).collect();
                infos = order.iter().filter_map(|&i| slots[i].take()).collect();
            }
            // kubectl returns here: nothing printed, the fetch errors dropped.
            Err(SortError::Message(m)) => return ctx.fail(&m),
            Err(SortError::Unsortable { source, message }) => {
                return klog_exit(ctx, source, &message)
            }
        }
    }
    let opts = table_options(ctx, format, multi_kind);
    let now = ctx.session.cluster.now();
    let mut writer = TableWriter::new();
    let mut written = false;
    let mut separator = false;
    let mut i = 0;
    while i < infos.len() {
        // Consecutive infos of one kind share a printer and a tab-writer flush.
        let kind: Kind = infos[i].kind;
        if i > 0 && !opts.no_headers && written {
            separator = true;
        }
        let mut rows: Vec<&Object> = Vec::new();
        while i < infos.len() && infos[i].kind == kind {
            let objects: Vec<&Object> = infos[i].objects.iter().map(|o| o.as_ref()).collect();
            match sort_rows(sort_by, objects) {
                Ok(sorted) => rows.extend(sorted),
                Err(SortError::Message(_)) => {}
                Err(SortError::Unsortable { source, message }) => {
                    return klog_exit(ctx, source, &message)
                }
            }
            i += 1;
        }
        writer.reset();
        let table = table_for(kind, &rows, now, &opts);
        let text = writer.render(&table, !opts.no_headers);
        if !text.is_empty() {
            if separator {
                ctx.sink.out("\n");
                separator = false;
            }
            ctx.sink.out(&text);
            written = true;
        }
    }
    if !written && !ctx.args.bool("ignore-not-found") && errs.is_empty() {
        let all_namespaced =
            !ctx.all_namespaces() && infos.iter().all(|i| i.kind.info().namespaced);
        if all_namespaced {
            let ns = ctx.namespace.clone();
            ctx.sink
                .err(&format!("No resources found in {ns} namespace.\n"));
        } else {
            ctx.sink.err("No resources found\n");
        }
    }
    print_errors(ctx, &errs);
    i32::from(!errs.is_empty())
}
