//! `kubectl get` tables: the server-side column definitions of v1.32 for every kind we
//! serve, the cells per object, and the client-side decorations kubectl adds
//! (`NAMESPACE` for `-A`, `kind/` name prefixes for multi-kind output, `-L` label
//! columns, `--show-labels`), rendered through kubectl's remembering tab writer.
//!
//! Upstream: kubernetes/kubernetes `pkg/printers/internalversion/printers.go` (columns and
//! cells) and kubernetes/cli-runtime `pkg/printers/tableprinter.go` (decoration, header,
//! cell escaping).

mod cluster;
mod network;
mod pod;
mod storage;
mod workloads;

pub(crate) use cluster::node_roles;
pub(crate) use network::format_endpoints;
pub use pod::pod_status_reason;
pub(crate) use storage::{access_modes_string, is_default_class, pv_class, pvc_class};

use super::tabwriter::GoTabWriter;
use crate::api::time::{from_time, Millis};
use crate::api::{Kind, Object};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;

/// Output flags of `kubectl get` that shape the table.
#[derive(Clone, Debug, Default)]
pub struct TableOptions {
    /// `-o wide`: also the priority-1 columns.
    pub wide: bool,
    /// `--show-labels`: a last `LABELS` column.
    pub show_labels: bool,
    /// `-L key,...`: one column per label key.
    pub label_columns: Vec<String>,
    /// `--no-headers`.
    pub no_headers: bool,
    /// `-A`: a first `NAMESPACE` column (namespaced kinds only).
    pub with_namespace: bool,
    /// Several kinds in one output: names become `kind[.group]/name`.
    pub with_kind_prefix: bool,
}

/// A table as kubectl would print it: upper-case header and string cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One server-side column definition: its header and whether only `-o wide` shows it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    pub name: &'static str,
    pub wide: bool,
}

pub(crate) const fn col(name: &'static str) -> Column {
    Column { name, wide: false }
}

pub(crate) const fn wide(name: &'static str) -> Column {
    Column { name, wide: true }
}

/// The columns the server defines for `kind` (wide ones included).
fn columns(kind: Kind) -> &'static [Column] {
    match kind {
        Kind::Pod => pod::COLUMNS,
        Kind::StatefulSet => workloads::STATEFULSET,
        Kind::Deployment => workloads::DEPLOYMENT,
        Kind::ReplicaSet => workloads::REPLICASET,
        Kind::ControllerRevision => workloads::CONTROLLERREVISION,
        Kind::PersistentVolumeClaim => storage::PVC,
        Kind::PersistentVolume => storage::PV,
        Kind::StorageClass => storage::STORAGECLASS,
        Kind::Service => network::SERVICE,
        Kind::Endpoints => network::ENDPOINTS,
        Kind::EndpointSlice => network::ENDPOINTSLICE,
        Kind::Node => cluster::NODE,
        Kind::Namespace => cluster::NAMESPACE,
        Kind::Event => cluster::EVENT,
        Kind::ConfigMap => cluster::CONFIGMAP,
        Kind::Secret => cluster::SECRET,
        Kind::ServiceAccount => cluster::SERVICEACCOUNT,
    }
}

/// Every cell of `obj`'s row, one per entry of `columns(obj.kind())`.
fn cells(obj: &Object, now: Millis) -> Vec<String> {
    match obj {
        Object::Pod(o) => pod::cells(o, now),
        Object::StatefulSet(o) => workloads::statefulset(o, now),
        Object::Deployment(o) => workloads::deployment(o, now),
        Object::ReplicaSet(o) => workloads::replicaset(o, now),
        Object::ControllerRevision(o) => workloads::controllerrevision(o, now),
        Object::PersistentVolumeClaim(o) => storage::pvc(o, now),
        Object::PersistentVolume(o) => storage::pv(o, now),
        Object::StorageClass(o) => storage::storageclass(o, now),
        Object::Service(o) => network::service(o, now),
        Object::Endpoints(o) => network::endpoints(o, now),
        Object::EndpointSlice(o) => network::endpointslice(o, now),
        Object::Node(o) => cluster::node(o, now),
        Object::Namespace(o) => cluster::namespace(o, now),
        Object::Event(o) => cluster::event(o, now),
        Object::ConfigMap(o) => cluster::configmap(o, now),
        Object::Secret(o) => cluster::secret(o, now),
        Object::ServiceAccount(o) => cluster::serviceaccount(o, now),
    }
}

/// AGE of an object: `translateTimestampSince(creationTimestamp)`.
pub(crate) fn age(created: Option<&Time>, now: Millis) -> String {
    super::duration::since(created.map(from_time), now)
}

/// The table `kubectl get <kind>` prints for `objects` (all of kind `kind`).
pub fn table_for(kind: Kind, objects: &[&Object], now: Millis, opts: &TableOptions) -> Table {
    let cols = columns(kind);
    let with_namespace = opts.with_namespace && kind.info().namespaced;
    let mut header = Vec::new();
    if with_namespace {
        header.push("NAMESPACE".to_string());
    }
    header.extend(
        cols.iter()
            .filter(|c| opts.wide || !c.wide)
            .map(|c| c.name.to_string()),
    );
    header.extend(opts.label_columns.iter().map(|l| label_header(l)));
    if opts.show_labels {
        header.push("LABELS".to_string());
    }
    let rows = objects
        .iter()
        .filter(|o| o.kind() == kind)
        .map(|o| decorated_row(kind, o, now, opts))
        .collect();
    Table { header, rows }
}

/// The single row `kubectl get -w` prints for one watch event about `obj`.
pub fn watch_row(kind: Kind, obj: &Object, now: Millis, opts: &TableOptions) -> Vec<String> {
    decorated_row(kind, obj, now, opts)
}

fn decorated_row(kind: Kind, obj: &Object, now: Millis, opts: &TableOptions) -> Vec<String> {
    let cols = columns(kind);
    let mut all = cells(obj, now);
    debug_assert_eq!(all.len(), cols.len(), "{kind}: one cell per column");
    if opts.with_kind_prefix {
        if let Some(i) = cols.iter().position(|c| c.name == "NAME") {
            all[i] = format!("{}/{}", kind.info().kind_group(), all[i]);
        }
    }
    let mut row = Vec::with_capacity(all.len() + 2);
    if opts.with_namespace && kind.info().namespaced {
        row.push(obj.namespace().to_string());
    }
    row.extend(
        all.into_iter()
            .zip(cols)
            .filter(|(_, c)| opts.wide || !c.wide)
            .map(|(cell, _)| cell),
    );
    let labels = obj.meta().labels.as_ref();
    for key in &opts.label_columns {
        row.push(labels.and_then(|l| l.get(key)).cloned().unwrap_or_default());
    }
    if opts.show_labels {
        row.push(crate::api::labels::format_labels(labels));
    }
    row
}

/// `-L app.kubernetes.io/name` → `NAME`: the part after the last `/`, upper-cased.
fn label_header(key: &str) -> String {
    key.rsplit('/').next().unwrap_or(key).to_uppercase()
}

/// A cell as printTable writes it: cut at the first newline, carriage return or form feed,
/// with `...` appended.
fn printable_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.find(['\n', '\r', '\x0c']) {
        Some(i) => format!("{}...", &cell[..i]).into(),
        None => cell.into(),
    }
}

/// kubectl get's output writer: one per command (per kind in multi-kind output), so that
/// column widths remembered from earlier rows keep applying to later `-w` rows.
#[derive(Clone, Debug)]
pub struct TableWriter {
    tw: GoTabWriter,
}

impl Default for TableWriter {
    fn default() -> Self {
        TableWriter::new()
    }
}

impl TableWriter {
    pub fn new() -> Self {
        TableWriter {
            tw: GoTabWriter::for_tables(),
        }
    }

    /// Render rows (and the header when asked and there are rows) and flush.
    pub fn render(&mut self, table: &Table, print_header: bool) -> String {
        if table.rows.is_empty() {
            return String::new();
        }
        let mut text = String::new();
        let mut line = |cells: &[String]| {
            let joined: Vec<_> = cells.iter().map(|c| printable_cell(c)).collect();
            text.push_str(&joined.join("\t"));
            text.push('\n');
        };
        if print_header {
            line(&table.header);
        }
        for row in &table.rows {
            line(row);
        }
        self.tw.format(&text)
    }

    /// Forget remembered widths: the next kind of a multi-kind output starts afresh.
    pub fn reset(&mut self) {
        self.tw.forget_widths();
    }
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests;
