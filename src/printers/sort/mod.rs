//! `kubectl get --sort-by`: kubectl's sorter (`kubectl/pkg/cmd/get/sorter.go`) over
//! objects as JSON, with its field normalisation, its errors, its comparison rules
//! (quantities numerically, timestamps as the strings they are, numbers, and a klog
//! exit for maps, lists and booleans) and Go's unstable sort, so equal keys land where
//! kubectl puts them.
//!
//! Two entry points mirror kubectl's two sorters: [`sort_objects`] is `SortObjects`
//! (lists printed as names, YAML, JSON, templates or custom columns, and the list of
//! server tables when several are printed), [`sort_table_rows`] is `TableSorter` (the
//! rows of one server-side table, compared through the objects the rows carry).

mod go_sort;
mod less;

use crate::api::errors::go_quote;
use crate::templates::jsonpath::JsonPath;
use go_sort::SortData;
use less::is_less;
use serde_json::Value;

/// Why a sort failed.
#[derive(Clone, Debug, PartialEq)]
pub enum SortError {
    /// An error kubectl returns and prints as `error: MESSAGE`.
    Message(String),
    /// A comparison kubectl cannot make: it exits through `klog.Exitf` with this message
    /// from `source` (`sorter.go:329`), and status 1.
    Unsortable {
        source: &'static str,
        message: String,
    },
}

/// kubectl's `RelaxedJSONPathExpression`: `metadata.name`, `.metadata.name`,
/// `{metadata.name}` and `{.metadata.name}` all become `{.metadata.name}`; an empty
/// expression stays empty.
pub fn relaxed_jsonpath(expr: &str) -> Result<String, String> {
    if expr.is_empty() {
        return Ok(String::new());
    }
    let no_braces = |s: &str| !s.contains(['{', '}']);
    // `\.?` is optional, so a lone `.` is itself the field (`{..}`).
    let field = |s: &str| match s.strip_prefix('.') {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s.to_string(),
    };
    if let Some(inner) = expr.strip_prefix('{').and_then(|e| e.strip_suffix('}')) {
        if !inner.is_empty() && no_braces(inner) {
            return Ok(format!("{{.{}}}", field(inner)));
        }
    }
    if no_braces(expr) {
        return Ok(format!("{{.{}}}", field(expr)));
    }
    Err("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'".into())
}

/// The first value a field path finds in `obj`, as kubectl's sorter reads it
/// (`values[0][0]`); None when nothing is found.
fn first_value(path: &JsonPath, obj: &Value) -> Result<Option<Value>, String> {
    let results = path.find_results(obj)?;
    Ok(results
        .into_iter()
        .next()
        .and_then(|first| first.into_iter().next())
        .map(|v| v.into_owned()))
}

/// Keys being sorted, with the permutation `Swap` builds and the first failed comparison.
struct Keyed {
    keys: Vec<Option<Value>>,
    order: Vec<usize>,
    failure: Option<String>,
}

impl SortData for Keyed {
    fn len(&self) -> usize {
        self.keys.len()
    }

    fn less(&mut self, i: usize, j: usize) -> bool {
        let (Some(a), Some(b)) = (&self.keys[i], &self.keys[j]) else {
            // kubectl: an item without the field sorts first, even before another without it.
            return self.keys[i].is_none();
        };
        match is_less(a, b) {
            Ok(less) => less,
            Err(e) => {
                self.failure.get_or_insert(e);
                false
            }
        }
    }

    fn swap(&mut self, i: usize, j: usize) {
        self.keys.swap(i, j);
        self.order.swap(i, j);
    }
}

fn sort_keys(keys: Vec<Option<Value>>) -> Result<Vec<usize>, String> {
    let mut data = Keyed {
        order: (0..keys.len()).collect(),
        keys,
        failure: None,
    };
    go_sort::sort(&mut data);
    match data.failure {
        Some(e) => Err(e),
        None => Ok(data.order),
    }
}

fn not_found(field: &str) -> SortError {
    SortError::Message(format!(
        "couldn't find any field with path {} in the list of objects",
        go_quote(field)
    ))
}

/// kubectl's `SortObjects` over `objects` (as the user wrote `--sort-by`): the order to
/// print them in, as indexes into `objects`.
pub fn sort_objects(sort_by: &str, objects: &[&Value]) -> Result<Vec<usize>, SortError> {
    let field = relaxed_jsonpath(sort_by).map_err(SortError::Message)?;
    let path = JsonPath::parse(&field).map_err(SortError::Message)?;
    // kubectl checks objects until one has the field; errors past it surface later.
    let mut keys = Vec::with_capacity(objects.len());
    let mut checked = false;
    for obj in objects {
        match first_value(&path, obj) {
            Ok(v) => {
                checked |= v.is_some();
                keys.push(v);
            }
            Err(e) if !checked => return Err(SortError::Message(e)),
            Err(_) => keys.push(None),
        }
    }
    if !checked {
        return Err(not_found(&field));
    }
    sort_keys(keys).map_err(|e| SortError::Unsortable {
        source: "sorter.go:329",
        message: format!(
            "Field {field} in *unstructured.Unstructured is an unsortable type: interface, err: {e}"
        ),
    })
}

/// kubectl's `TableSorter` over the objects of one table's rows: the row order.
/// kubectl only sorts a table of two rows or more.
pub fn sort_table_rows(sort_by: &str, rows: &[&Value]) -> Result<Vec<usize>, SortError> {
    if rows.len() < 2 {
        return Ok((0..rows.len()).collect());
    }
    // SortingPrinter falls back to the expression as written when it cannot relax it.
    let field = relaxed_jsonpath(sort_by).unwrap_or_else(|_| sort_by.to_string());
    let path =
        JsonPath::parse(&field).map_err(|e| SortError::Message(format!("sorting error: {e}")))?;
    let mut keys = Vec::with_capacity(rows.len());
    for row in rows {
        let v = first_value(&path, row).map_err(|e| {
            SortError::Message(format!(
                "Failed to get values for [][]reflect.Value(nil) using {field} (&errors.errorString{{s:{}}})",
                go_quote(&e)
            ))
        })?;
        keys.push(v);
    }
    if keys.iter().all(Option::is_none) {
        return Err(not_found(&field));
    }
    sort_keys(keys).map_err(|e| SortError::Unsortable {
        source: "sorter.go:375",
        message: format!(
            "Field {field} in [][][]reflect.Value is an unsortable type: interface, err: {e}"
        ),
    })
}

#[cfg(test)]
mod tests;
