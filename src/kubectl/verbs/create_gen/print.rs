//! How `kubectl create <kind>` prints its result: kubectl's generic printer flags
//! (`genericclioptions.PrintFlags`): `-o json|yaml|name` (any case), the template formats,
//! and by default `KIND/NAME created`, with ` (dry run)` / ` (server dry run)` appended.
//! A client dry-run prints the object as kubectl's structs encode it ([`GoJson`]); otherwise
//! the object the apiserver returned.

use super::gojson::GoJson;
use crate::api::errors::go_quote;
use crate::api::Object;
use crate::kubectl::cli::GENERIC_FORMATS;

/// The printer `-o` (and `--template`) select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Printer {
    /// `KIND/NAME created` (plus the dry-run note).
    Created,
    Name,
    Yaml,
    Json,
    JsonPath(String),
    GoTemplate(String),
}

/// `PrintFlags.ToPrinter`: the printer for `-o OUTPUT` and `--template TEMPLATE`.
/// `Err` is kubectl's message (without `error: `); formats the sandbox does not print say so.
pub fn printer(output: &str, template: &str, output_set: bool) -> Result<Printer, String> {
    let format = if !template.is_empty() && !output_set {
        "go-template"
    } else {
        output
    };
    match format.to_lowercase().as_str() {
        "" => return Ok(Printer::Created),
        "name" => return Ok(Printer::Name),
        "yaml" => return Ok(Printer::Yaml),
        "json" => return Ok(Printer::Json),
        _ => {}
    }
    let (name, value) = if template.is_empty() {
        match format.split_once('=') {
            Some((n, v)) if GENERIC_FORMATS.contains(&n) => (n, v),
            _ => (format, ""),
        }
    } else {
        (format, template)
    };
    if !GENERIC_FORMATS.contains(&name) || matches!(name, "name" | "json" | "yaml") {
        let mut allowed = GENERIC_FORMATS.to_vec();
        allowed.sort_unstable();
        return Err(format!(
            "unable to match a printer suitable for the output format {}, allowed formats are: {}",
            go_quote(format),
            allowed.join(",")
        ));
    }
    if value.is_empty() {
        return Err("template format specified but no template given".into());
    }
    match name {
        "go-template" | "template" => Ok(Printer::GoTemplate(value.to_string())),
        "jsonpath" => Ok(Printer::JsonPath(value.to_string())),
        other => Err(format!("kubetutor: not simulated: -o {other}")),
    }
}

/// What is printed: the object kubectl built (client dry-run) or the one the server returned.
pub enum Shown<'a> {
    Built {
        object: &'a GoJson,
        /// `kind.group/name`, as the name printer writes it.
        name: String,
    },
    Served(&'a Object, serde_json::Value),
}

/// The text to print on stdout for `shown` (`Err`: a template error, without `error: `).
pub fn render(printer: &Printer, shown: &Shown, dry_run_note: &str) -> Result<String, String> {
    let (value, name) = match shown {
        Shown::Built { object, name } => (object.to_value(), name.clone()),
        Shown::Served(obj, value) => (value.clone(), crate::printers::name::name_of(obj)),
    };
    Ok(match printer {
        Printer::Created => format!("{name} created{dry_run_note}\n"),
        Printer::Name => format!("{name}\n"),
        Printer::Yaml => crate::codec::yaml_out::to_yaml(&value),
        Printer::Json => match shown {
            Shown::Built { object, .. } => object.indented(),
            Shown::Served(..) => crate::codec::json_out::to_json(&value),
        },
        Printer::JsonPath(t) => crate::templates::jsonpath::render(t, &value)?,
        Printer::GoTemplate(t) => crate::templates::gotemplate::render(t, &value)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printer_selection_matches_kubectl() {
        assert_eq!(printer("", "", false), Ok(Printer::Created));
        assert_eq!(printer("YAML", "", true), Ok(Printer::Yaml));
        assert_eq!(printer("Name", "", true), Ok(Printer::Name));
        assert_eq!(
            printer("", "{{.a}}", false),
            Ok(Printer::GoTemplate("{{.a}}".into()))
        );
        assert_eq!(
            printer("jsonpath={.a}", "", true),
            Ok(Printer::JsonPath("{.a}".into()))
        );
        assert_eq!(
            printer("jsonpath", "{.a}", true),
            Ok(Printer::JsonPath("{.a}".into()))
        );
        assert_eq!(
            printer("jsonpath=", "", true).unwrap_err(),
            "template format specified but no template given"
        );
        let allowed = "allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";
        assert_eq!(
            printer("wide", "", true).unwrap_err(),
            format!("unable to match a printer suitable for the output format \"wide\", {allowed}")
        );
        assert_eq!(
            printer("jsonpath={.b}", "{.a}", true).unwrap_err(),
            format!(
                "unable to match a printer suitable for the output format \"jsonpath={{.b}}\", {allowed}"
            )
        );
        assert!(printer("JSONPATH={.a}", "", true).is_err());
        assert!(printer("jsonpath-file=x", "", true)
            .unwrap_err()
            .starts_with("kubetutor: not simulated"));
    }
}
