//! Checks kubectl makes on flag values and arguments before it talks to the server, with
//! its exact messages: `--dry-run`, `--cascade`, `-o` formats, and the "nothing to act on"
//! errors of each verb. The verbs call these where kubectl does (order matters: for
//! example `kubectl delete --dry-run` warns before it complains about missing arguments).

use super::error::{go_quote, CliError, CliWarning};
use super::parse::Invocation;

/// `--dry-run` strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DryRun {
    None,
    Client,
    Server,
}

/// kubectl's `GetDryRunStrategy`: the strategy, and the deprecation warning kubectl logs
/// for a bare `--dry-run` or a boolean value.
pub fn dry_run(inv: &Invocation) -> Result<(DryRun, Option<CliWarning>), CliError> {
    let v = inv.flags.get_str("dry-run").unwrap_or("none");
    match v {
        "unchanged" => Ok((DryRun::Client, Some(CliWarning::DryRunBare))),
        "client" => Ok((DryRun::Client, None)),
        "server" => Ok((DryRun::Server, None)),
        "none" => Ok((DryRun::None, None)),
        _ => match super::values::parse_bool(v) {
            Ok(b) => {
                let replacement = if b { "client" } else { "none" };
                let warning = CliWarning::DryRunBool {
                    value: v.to_string(),
                    replacement,
                };
                Ok((if b { DryRun::Client } else { DryRun::None }, Some(warning)))
            }
            Err(_) => Err(CliError::plain(format!(
                "Invalid dry-run value ({v}). Must be \"none\", \"server\", or \"client\"."
            ))),
        },
    }
}

/// `--cascade` deletion propagation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cascade {
    Background,
    Foreground,
    Orphan,
}

/// kubectl's `GetCascadingStrategy`, with the warning for boolean values.
pub fn cascade(inv: &Invocation) -> Result<(Cascade, Option<CliWarning>), CliError> {
    let v = inv.flags.get_str("cascade").unwrap_or("background");
    match v {
        "background" => Ok((Cascade::Background, None)),
        "foreground" => Ok((Cascade::Foreground, None)),
        "orphan" => Ok((Cascade::Orphan, None)),
        _ => match super::values::parse_bool(v) {
            Ok(b) => {
                let (c, replacement) = if b {
                    (Cascade::Background, "background")
                } else {
                    (Cascade::Orphan, "orphan")
                };
                Ok((
                    c,
                    Some(CliWarning::CascadeBool {
                        value: v.to_string(),
                        replacement,
                    }),
                ))
            }
            Err(_) => Err(CliError::plain(format!(
                "invalid cascade value ({v}). Must be \"background\", \"foreground\", or \"orphan\""
            ))),
        },
    }
}

/// `-o` formats of the generic printers (apply, create, run, scale, label, ...).
pub const GENERIC_FORMATS: &[&str] = &[
    "json",
    "yaml",
    "name",
    "go-template",
    "go-template-file",
    "template",
    "templatefile",
    "jsonpath",
    "jsonpath-as-json",
    "jsonpath-file",
];

/// `-o` formats of `get` (generic ones plus custom columns and wide).
pub const GET_FORMATS: &[&str] = &[
    "json",
    "yaml",
    "name",
    "go-template",
    "go-template-file",
    "template",
    "templatefile",
    "jsonpath",
    "jsonpath-as-json",
    "jsonpath-file",
    "custom-columns",
    "custom-columns-file",
    "wide",
];

/// The printer-selection check: `format` is the `-o` value (before any `=` argument, as in
/// `jsonpath=...`); empty means the verb's default printer.
pub fn check_output_format(format: &str, allowed: &[&str]) -> Result<(), CliError> {
    let name = format.split_once('=').map_or(format, |(n, _)| n);
    if format.is_empty() || allowed.contains(&name) {
        return Ok(());
    }
    let mut sorted = allowed.to_vec();
    sorted.sort_unstable();
    Err(CliError::plain(format!(
        "unable to match a printer suitable for the output format {}, allowed formats are: {}",
        go_quote(format),
        sorted.join(",")
    )))
}

const NO_RESOURCES: &str = "You must provide one or more resources by argument or filename.\n\
Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/// The argument checks kubectl makes first when a verb is given nothing to act on, with
/// kubectl's messages (recorded from kubectl v1.32). `Ok` means "go on"; it does not
/// promise that the arguments are valid. kubectl checks `--dry-run` before these (in its
/// `Complete`), so a verb with that flag calls [`dry_run`] first.
pub fn check_args(inv: &Invocation) -> Result<(), CliError> {
    let no_args = inv.args.is_empty();
    let no_files = inv.flags.get_all("filename").is_empty()
        && inv.flags.get_str("kustomize").unwrap_or("").is_empty();
    let path = inv.verb.as_str();
    match path {
        "get" if no_args && no_files && inv.flags.get_str("raw").unwrap_or("").is_empty() => {
            Err(CliError::Prefixed {
                text: "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n".into(),
                error: Box::new(CliError::usage(path, "Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).")),
            })
        }
        "describe" if no_args && no_files => Err(CliError::plain("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.")),
        "explain" if no_args => Err(CliError::plain("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.")),
        "scale" if matches!(inv.flags.get_int("replicas"), Ok(Some(n)) if n < 0) => Err(CliError::plain("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")),
        "delete" | "edit" | "set image" | "scale" if no_args && no_files => Err(CliError::plain(NO_RESOURCES)),
        "logs" if no_args && inv.flags.get_str("selector").unwrap_or("").is_empty() => Err(CliError::usage(path, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command")),
        "exec" if no_args && no_files => Err(CliError::plain("pod, type/name or --filename must be specified")),
        "exec" if !inv.dash && inv.args.len() > 1 => Err(CliError::usage(path, "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead")),
        "exec" if inv.after_dash.is_empty() => Err(CliError::plain("you must specify at least one command for the container")),
        "run" if no_args => Err(CliError::usage(path, "NAME is required for run")),
        "apply" | "create" if no_files => Err(CliError::plain("must specify one of -f and -k")),
        "patch" if inv.flags.get_str("patch").unwrap_or("").is_empty() && inv.flags.get_str("patch-file").unwrap_or("").is_empty() => Err(CliError::plain("must specify --patch or --patch-file containing the contents of the patch")),
        "label" | "annotate" if no_args && no_files => Err(CliError::plain("one or more resources must be specified as <resource> <name> or <resource>/<name>")),
        "cordon" | "uncordon" | "drain" if no_args => Err(CliError::usage(path, format!("USAGE: {path} NODE [flags]"))),
        p if p.starts_with("rollout ") && no_args && no_files => Err(CliError::plain("required resource not specified")),
        "wait" if inv.flags.get_str("for").unwrap_or("").is_empty() => Err(CliError::plain("unrecognized condition: \"\"")),
        _ => Ok(()),
    }
}
