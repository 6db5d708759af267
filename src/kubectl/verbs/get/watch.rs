//! `kubectl get -w` / `--watch-only`: print what there is (tables sorted by `--sort-by`
//! despite kubectl's warning, other printers one object at a time), then a row per change
//! to the watched objects as the cluster runs, until they settle (in the REPL: live, on
//! its wall clock, until Ctrl-C). Events are filtered as the apiserver's watch cache
//! filters them: an object that stops matching the label or field selector arrives once
//! more as DELETED, with its last matching content.

use super::super::VerbCtx;
use super::format::{custom_columns, Format};
use super::human::{sort_rows, table_options};
use super::{klog_exit, print_errors, print_objects, served_json, Info, Selectors};
use crate::api::Object;
use crate::kubectl::resources::Selection;
use crate::printers::custom_columns::CustomColumns;
use crate::printers::sort::SortError;
use crate::printers::table::{table_for, TableWriter};
use crate::printers::tabwriter::GoTabWriter;
use crate::store::EventType;
use std::collections::BTreeMap;
use std::sync::Arc;

/// How watched objects are printed, with the writer state kept across events.
enum Printer {
    Table(TableWriter),
    Columns(CustomColumns, GoTabWriter),
    Other,
}

struct Watcher {
    format: Format,
    printer: Printer,
    header_printed: bool,
    output_events: bool,
}

impl Watcher {
    /// Print one object (as one watch event, or as part of the initial list).
    fn print(
        &mut self,
        ctx: &mut VerbCtx,
        obj: &Arc<Object>,
        event: &str,
        at: i64,
    ) -> Result<(), String> {
        match &mut self.printer {
            Printer::Table(writer) => {
                let opts = super::human::table_options(ctx, &self.format, false);
                let mut table = table_for(obj.kind(), &[obj.as_ref()], at, &opts);
                if self.output_events {
                    add_event_column(&mut table, event);
                }
                let text = writer.render(&table, !self.header_printed && !opts.no_headers);
                self.header_printed = true;
                ctx.sink.out(&text);
                Ok(())
            }
            Printer::Columns(cc, writer) => {
                // kubectl hands the printer a WatchEvent with --output-watch-events, so the
                // paths look at {"type": ..., "object": ...}.
                let value = event_value(self.output_events, event, obj);
                let printed = cc.print(&[&value], !self.header_printed);
                self.header_printed = true;
                ctx.sink.out(&writer.format(&printed.text));
                printed.error.map_or(Ok(()), Err)
            }
            Printer::Other => print_objects(ctx, &self.format, std::slice::from_ref(obj), true),
        }
    }
}

pub(super) fn run(
    ctx: &mut VerbCtx,
    selections: &[Selection],
    selectors: &Selectors,
    format: Result<Format, String>,
) -> i32 {
    if selections.len() > 1 {
        return ctx.fail("watch is only supported on individual resources and resource collections - more than 1 resource was found");
    }
    let Some(sel) = selections.first().cloned() else {
        return 0;
    };
    let (infos, errs) = super::collect(ctx, selections, selectors);
    if !errs.is_empty() {
        print_errors(ctx, &errs);
        return 1;
    }
    let format = match format {
        Ok(f) => f,
        Err(e) => return ctx.fail(&e),
    };
    let printer = match custom_columns(ctx, &format) {
        Ok(Some(cc)) => Printer::Columns(cc, GoTabWriter::for_tables()),
        Ok(None) if format.is_table() => Printer::Table(TableWriter::new()),
        Ok(None) => Printer::Other,
        Err(e) => return ctx.fail(&e),
    };
    let mut w = Watcher {
        format,
        printer,
        header_printed: false,
        output_events: ctx.args.bool("output-watch-events"),
    };
    // What the watch starts from: every object listed matches the selectors.
    let mut matching: BTreeMap<(String, String), Arc<Object>> = BTreeMap::new();
    for info in &infos {
        for o in &info.objects {
            matching.insert((o.namespace().to_string(), o.name().to_string()), o.clone());
        }
    }
    if !ctx.args.bool("watch-only") {
        let code = print_initial(ctx, &mut w, &infos);
        if code != 0 {
            return code;
        }
    }
    watch_loop(ctx, &sel, selectors, &mut w, matching)
}

/// The objects as listed, before any change.
fn print_initial(ctx: &mut VerbCtx, w: &mut Watcher, infos: &[Info]) -> i32 {
    let now = ctx.session.cluster.now();
    let sort_by = ctx.args.str("sort-by").unwrap_or_default();
    for info in infos {
        let mut objects: Vec<Arc<Object>> = info.objects.clone();
        if let Printer::Table(writer) = &mut w.printer {
            // The list arrives as one table, which the sorting printer sorts.
            let refs: Vec<&Object> = objects.iter().map(|o| o.as_ref()).collect();
            let rows = match sort_rows(&sort_by, refs) {
                Ok(rows) => rows,
                Err(SortError::Message(m)) => {
                    return ctx.fail(&format!("unable to output the provided object: {m}"))
                }
                Err(SortError::Unsortable { source, message }) => {
                    return klog_exit(ctx, source, &message)
                }
            };
            let opts = table_options(ctx, &w.format, false);
            let mut table = table_for(info.kind, &rows, now, &opts);
            if w.output_events {
                add_event_column(&mut table, "ADDED");
            }
            let text = writer.render(&table, !w.header_printed && !opts.no_headers);
            w.header_printed |= !table.rows.is_empty();
            ctx.sink.out(&text);
            continue;
        }
        if let Printer::Columns(cc, writer) = &mut w.printer {
            // One flush for the whole list: its rows align together.
            let mut text = String::new();
            for o in &objects {
                let value = event_value(w.output_events, "ADDED", o);
                let printed = cc.print(&[&value], !w.header_printed);
                w.header_printed = true;
                text.push_str(&printed.text);
                if let Some(e) = printed.error {
                    ctx.sink.out(&writer.format(&text));
                    return ctx.fail(&format!("unable to output the provided object: {e}"));
                }
            }
            ctx.sink.out(&writer.format(&text));
            continue;
        }
        for o in objects.drain(..) {
            if let Err(e) = w.print(ctx, &o, "ADDED", now) {
                return ctx.fail(&format!("unable to output the provided object: {e}"));
            }
        }
    }
    0
}

/// What a custom-columns printer sees: the object, or with `--output-watch-events` the
/// WatchEvent around it (`{"type": ..., "object": ...}`).
fn event_value(output_events: bool, event: &str, obj: &Object) -> serde_json::Value {
    if output_events {
        serde_json::json!({"type": event, "object": served_json(obj)})
    } else {
        served_json(obj)
    }
}

/// What a watch filters events by, and the objects it currently sees as matching.
struct Watched<'s> {
    sel: &'s Selection,
    selectors: &'s Selectors,
    scope: Option<String>,
    matching: BTreeMap<(String, String), Arc<Object>>,
    /// The resourceVersion read up to.
    seen: u64,
}

impl Watched<'_> {
    /// Print a row for each new event that concerns the watched objects. Returns whether
    /// any did, or Err when printing failed (kubectl drops the error: the watch just ends).
    fn deliver(&mut self, ctx: &mut VerbCtx, w: &mut Watcher) -> Result<bool, ()> {
        let events: Vec<_> = ctx
            .session
            .cluster
            .api
            .store
            .events_since(self.seen)
            .map(|e| e.to_vec())
            .unwrap_or_default();
        self.seen = ctx.session.cluster.api.store.resource_version();
        ctx.session.cluster.advance_watch(self.seen);
        let mut changed = false;
        for ev in events {
            let o = &ev.object;
            if o.kind() != self.sel.kind
                || self.scope.as_deref().is_some_and(|ns| ns != o.namespace())
            {
                continue;
            }
            if !self.sel.names.is_empty() && !self.sel.names.iter().any(|n| n == o.name()) {
                continue;
            }
            let key = (o.namespace().to_string(), o.name().to_string());
            let passes = ev.event_type != EventType::Deleted
                && self
                    .selectors
                    .label
                    .as_ref()
                    .is_none_or(|s| s.matches(o.meta().labels.as_ref()))
                && self.selectors.field.as_ref().is_none_or(|f| f.matches(o));
            let (event, shown) = match (passes, self.matching.remove(&key)) {
                (true, Some(_)) => (ev.event_type, o.clone()),
                (true, None) => (EventType::Added, o.clone()),
                (false, Some(_)) if ev.event_type == EventType::Deleted => {
                    (EventType::Deleted, o.clone())
                }
                (false, Some(previous)) => (EventType::Deleted, previous),
                (false, None) => continue,
            };
            if passes {
                self.matching.insert(key, o.clone());
            }
            changed = true;
            if w.print(ctx, &shown, event.as_str(), ev.at_ms).is_err() {
                return Err(());
            }
        }
        Ok(changed)
    }
}

/// Stream rows for changes to the watched objects as the cluster runs: on virtual time
/// until they settle (scripts), or on the REPL's live clock until Ctrl-C.
fn watch_loop(
    ctx: &mut VerbCtx,
    sel: &Selection,
    selectors: &Selectors,
    w: &mut Watcher,
    matching: BTreeMap<(String, String), Arc<Object>>,
) -> i32 {
    let limits = ctx.session.limits.clone();
    let timeout = ctx
        .args
        .str("request-timeout")
        .and_then(|t| parse_duration_ms(&t))
        .filter(|ms| *ms > 0);
    let start = ctx.session.cluster.now();
    let seen = ctx.session.cluster.api.store.resource_version();
    let mut watched = Watched {
        sel,
        selectors,
        scope: ctx.scope(sel.kind),
        matching,
        seen,
    };
    ctx.session.cluster.open_watch(seen);
    let code = match ctx.session.live.take() {
        Some(mut live) => {
            let code = live_loop(
                ctx,
                w,
                &mut watched,
                live.as_mut(),
                timeout.map(|t| start.saturating_add(t)),
            );
            ctx.session.live = Some(live);
            code
        }
        None => {
            // `--request-timeout` only shortens the bound: a watch never runs unboundedly.
            let deadline = start.saturating_add(
                timeout
                    .unwrap_or(limits.watch_max_ms)
                    .min(limits.watch_max_ms),
            );
            let mut last_change = start;
            loop {
                let quiet_until = last_change + limits.watch_quiet_ms;
                if !ctx.session.cluster.step_until(deadline.min(quiet_until)) {
                    break;
                }
                let now = ctx.session.cluster.now();
                match watched.deliver(ctx, w) {
                    Ok(true) => last_change = now,
                    Ok(false) => {}
                    Err(()) => break,
                }
            }
            0
        }
    };
    ctx.session.cluster.close_watch();
    code
}

/// The REPL's watch: the cluster runs in small steps of wall time, rows appear as they
/// happen, and Ctrl-C ends it (exit status 130, as a shell reports a SIGINT).
fn live_loop(
    ctx: &mut VerbCtx,
    w: &mut Watcher,
    watched: &mut Watched,
    live: &mut dyn crate::kubectl::session::LiveClock,
    deadline: Option<i64>,
) -> i32 {
    loop {
        let Some(step) = live.wait_step() else {
            return 130;
        };
        let mut target = ctx.session.cluster.now() + step.max(0);
        if let Some(d) = deadline {
            target = target.min(d);
        }
        // Each event carries the time it happened, so a step's rows print as of then.
        ctx.session.cluster.run_until(target);
        if watched.deliver(ctx, w).is_err() || deadline.is_some_and(|d| target >= d) {
            return 0;
        }
    }
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
