//! `kubectl get -o custom-columns=HEADER:PATH,...` and `-o custom-columns-file=FILE`
//! (kubectl's `get/customcolumn.go`): headers exactly as written, one JSONPath per
//! column (relaxed: `metadata.name`, `.metadata.name` and `{.metadata.name}` all work),
//! every value a path finds joined by `,`, `<none>` when it finds nothing, values printed
//! as Go's `fmt.Sprint` prints them (`map[k:v]`, `[a b]`), the result aligned by kubectl's
//! table tab writer (done by the caller, which keeps it across `-w` events).

use crate::printers::sort::relaxed_jsonpath;
use crate::templates::jsonpath::{go_value, JsonPath};
use serde_json::Value;

/// One column: the header as the user wrote it and the JSONPath template for its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub field_spec: String,
}

/// A custom-columns printer.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomColumns {
    pub columns: Vec<Column>,
    pub no_headers: bool,
}

/// What one print call wrote (tab-separated lines for the tab writer) and the error that
/// stopped it, if any: kubectl keeps what it had written before the error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Printed {
    pub text: String,
    pub error: Option<String>,
}

impl CustomColumns {
    /// `-o custom-columns=SPEC`: comma-separated `HEADER:PATH` pairs.
    pub fn from_spec(spec: &str, no_headers: bool) -> Result<CustomColumns, String> {
        if spec.is_empty() {
            return Err("custom-columns format specified but no custom columns given".into());
        }
        let columns = spec
            .split(',')
            .map(|part| {
                let (header, path) = part.split_once(':').ok_or_else(|| {
                    format!("unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>")
                })?;
                Ok(Column {
                    header: header.to_string(),
                    field_spec: relaxed_jsonpath(path)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(CustomColumns {
            columns,
            no_headers,
        })
    }

    /// `-o custom-columns-file=FILE`: a line of headers and a line of paths, both split
    /// at whitespace. kubectl prints the headers of a file even with `--no-headers`.
    pub fn from_template(text: &str) -> Result<CustomColumns, String> {
        const FORMAT: &str = "Expected format is one line of space separated headers, one line of space separated column specs.";
        // bufio.Scanner's lines: no final empty line, a trailing `\r` dropped.
        let mut lines = (!text.is_empty())
            .then(|| text.strip_suffix('\n').unwrap_or(text).split('\n'))
            .into_iter()
            .flatten()
            .map(|l| l.strip_suffix('\r').unwrap_or(l));
        let headers: Vec<&str> = lines
            .next()
            .ok_or_else(|| format!("invalid template, missing header line. {FORMAT}"))?
            .split_whitespace()
            .collect();
        let specs: Vec<&str> = lines
            .next()
            .ok_or_else(|| format!("invalid template, missing spec line. {FORMAT}"))?
            .split_whitespace()
            .collect();
        if headers.len() != specs.len() {
            return Err(format!(
                "number of headers ({}) and field specifications ({}) don't match",
                headers.len(),
                specs.len()
            ));
        }
        let columns = headers
            .iter()
            .zip(&specs)
            .map(|(h, s)| {
                Ok(Column {
                    header: h.to_string(),
                    field_spec: relaxed_jsonpath(s)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(CustomColumns {
            columns,
            no_headers: false,
        })
    }

    /// One `PrintObj` call over `objects` (the items of a list, or one object), with the
    /// header line first when `header` (and not `--no-headers`).
    pub fn print(&self, objects: &[&Value], header: bool) -> Printed {
        let mut printed = Printed::default();
        if header && !self.no_headers {
            let headers: Vec<&str> = self.columns.iter().map(|c| c.header.as_str()).collect();
            printed.text.push_str(&headers.join("\t"));
            printed.text.push('\n');
        }
        let parsers = match self
            .columns
            .iter()
            .map(|c| JsonPath::parse(&c.field_spec))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(p) => p,
            Err(e) => {
                printed.error = Some(e);
                return printed;
            }
        };
        for obj in objects {
            let mut cells = Vec::with_capacity(parsers.len());
            for parser in &parsers {
                match cell(parser, obj) {
                    Ok(c) => cells.push(c),
                    Err(e) => {
                        printed.error = Some(e);
                        return printed;
                    }
                }
            }
            printed.text.push_str(&cells.join("\t"));
            printed.text.push('\n');
        }
        printed
    }
}

/// Every value the path finds, `,`-joined; `<none>` when the first result set is empty.
fn cell(parser: &JsonPath, obj: &Value) -> Result<String, String> {
    let results = parser.find_results(obj)?;
    let mut values: Vec<String> = Vec::new();
    if results.first().is_none_or(|r| r.is_empty()) {
        values.push("<none>".into());
    }
    for set in &results {
        for v in set {
            values.push(escape_terminal(&go_value(v)));
        }
    }
    Ok(values.join(","))
}

/// cli-runtime's `EscapeTerminal`: ESC and carriage return made visible.
fn escape_terminal(s: &str) -> String {
    s.replace('\x1b', "^[").replace('\r', "\\r")
}

#[cfg(test)]
mod tests;
