//! What `-o` (and `--template`) ask `kubectl get` to print, with kubectl's printer
//! errors. kubectl builds its printer after fetching, so these errors are reported
//! after "not found" ones; the caller decides when to look.

use super::super::VerbCtx;
use crate::printers::custom_columns::CustomColumns;

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
    /// `-o custom-columns=SPEC` (or `-o custom-columns --template=SPEC`).
    CustomColumns(String),
    /// `-o custom-columns-file=PATH`.
    CustomColumnsFile(String),
}

impl Format {
    /// kubectl's human-readable printers (server-side tables).
    pub fn is_table(&self) -> bool {
        matches!(self, Format::Table | Format::Wide)
    }
}

/// Every printer `kubectl get` has, sorted as kubectl lists them in its error.
const ALLOWED_FORMATS: &str = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

const NO_TEMPLATE: &str = "template format specified but no template given";
const NO_COLUMNS: &str = "custom-columns format specified but no custom columns given";

/// Resolve `-o`/`--template`. `Err` is kubectl's message (without `error: `), or a
/// `kubetutor: not simulated` notice for printers the sandbox lacks.
pub fn parse_format(ctx: &VerbCtx) -> Result<Format, String> {
    let template = ctx.args.str("template").filter(|t| !t.is_empty());
    let Some(o) = ctx.args.str("output") else {
        return Ok(match template {
            Some(t) => Format::GoTemplate(t),
            None => Format::Table,
        });
    };
    let no_printer = |o: &str| {
        format!(
            "unable to match a printer suitable for the output format {}, allowed formats are: {ALLOWED_FORMATS}",
            crate::api::errors::go_quote(o)
        )
    };
    Ok(match o.as_str() {
        "" => match template {
            Some(t) => Format::GoTemplate(t),
            None => Format::Table,
        },
        "wide" => Format::Wide,
        "name" => Format::Name,
        "yaml" => Format::Yaml,
        "json" => Format::Json,
        "go-template" | "template" => Format::GoTemplate(template.ok_or(NO_TEMPLATE)?),
        "jsonpath" => Format::JsonPath(template.ok_or(NO_TEMPLATE)?),
        "custom-columns" => Format::CustomColumns(template.ok_or(NO_COLUMNS)?),
        "custom-columns-file" => Format::CustomColumnsFile(template.ok_or(NO_COLUMNS)?),
        o if o.starts_with("jsonpath=") => Format::JsonPath(o["jsonpath=".len()..].to_string()),
        o if o.starts_with("go-template=") => {
            Format::GoTemplate(o["go-template=".len()..].to_string())
        }
        o if o.starts_with("template=") => Format::GoTemplate(o["template=".len()..].to_string()),
        // With --template set, kubectl no longer splits `-o custom-columns=...` and finds
        // no printer for the whole string.
        o if o.starts_with("custom-columns=") || o.starts_with("custom-columns-file=") => {
            if template.is_some() {
                return Err(no_printer(o));
            }
            let (name, value) = o.split_once('=').unwrap_or((o, ""));
            if value.is_empty() {
                return Err(NO_COLUMNS.into());
            }
            if name == "custom-columns" {
                Format::CustomColumns(value.to_string())
            } else {
                Format::CustomColumnsFile(value.to_string())
            }
        }
        o if o.starts_with("jsonpath-file")
            || o.starts_with("go-template-file")
            || o.starts_with("templatefile")
            || o.starts_with("jsonpath-as-json") =>
        {
            return Err(format!(
                "kubetutor: not simulated: -o {}",
                o.split('=').next().unwrap_or(o)
            ));
        }
        other => return Err(no_printer(other)),
    })
}

/// The custom-columns printer a format asks for (kubectl builds it, reading a columns
/// file through the session's workspace, when it prints). `Ok(None)` for other formats.
pub fn custom_columns(ctx: &VerbCtx, format: &Format) -> Result<Option<CustomColumns>, String> {
    let no_headers = ctx.args.bool("no-headers");
    match format {
        Format::CustomColumns(spec) => CustomColumns::from_spec(spec, no_headers).map(Some),
        Format::CustomColumnsFile(path) => {
            use crate::kubectl::workspace::ReadError;
            let text = match ctx.session.workspace.read(path) {
                Ok(t) => t,
                // Go opens a directory fine and then reads no line from it.
                Err(ReadError::Other(e)) if e.contains("Is a directory") => String::new(),
                Err(ReadError::NotFound) => {
                    return Err(format!(
                        "error reading template {path}, open {path}: no such file or directory"
                    ))
                }
                Err(ReadError::TooLarge(n)) => {
                    return Err(format!(
                        "error reading template {path}, kubetutor: the file has {n} bytes, more than the sandbox reads"
                    ))
                }
                Err(ReadError::Other(e)) => {
                    return Err(format!("error reading template {path}, {e}"))
                }
            };
            CustomColumns::from_template(&text).map(Some)
        }
        _ => Ok(None),
    }
}
