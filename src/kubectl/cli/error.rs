//! Usage errors and warnings, rendered exactly as kubectl v1.32 writes them to stderr.
//!
//! kubectl has several error shapes, and each variant of [`CliError`] is one of them:
//! cobra/pflag flag errors (`Error: ...` + `See 'kubectl get --help' for usage.`),
//! kubectl usage errors (`error: ...` + `See 'kubectl get -h' for help and examples`),
//! plain errors (`error: ...`), cobra's unknown command (with "Did you mean this?"),
//! and cobra's required-flag failure, which kubectl logs through klog with a timestamp
//! header (`E1123 07:17:18.942833    5994 run.go:72] ...`).
//!
//! Newlines: [`CliError::render`] (and `Display`, which renders with [`KlogStamp::default`])
//! gives the whole stderr text, every line ending in `\n`, so a caller writes it verbatim.

use std::fmt;

use super::help;

/// The klog header fields: when (cluster clock) and which process id to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KlogStamp {
    /// Milliseconds since the Unix epoch (UTC; the sandbox has no local time zone).
    pub unix_millis: i64,
    /// The pid field; the sandbox's "process id" of the kubectl invocation.
    pub pid: u32,
}

impl Default for KlogStamp {
    /// 2025-03-03 10:00:00 UTC (the cluster's epoch), pid 1.
    fn default() -> Self {
        KlogStamp {
            unix_millis: 1_740_996_000_000,
            pid: 1,
        }
    }
}

impl KlogStamp {
    /// The klog line prefix: severity, `MMDD hh:mm:ss.uuuuuu`, pid padded to 7, `file:line]`.
    pub fn header(&self, severity: char, source: &str) -> String {
        let ms = self.unix_millis.rem_euclid(86_400_000);
        let days = self.unix_millis.div_euclid(86_400_000);
        let (_, month, day) = civil_from_days(days);
        let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
        let micros = ms % 1000 * 1000;
        format!(
            "{severity}{month:02}{day:02} {h:02}:{m:02}:{s:02}.{micros:06} {:>7} {source}]",
            self.pid
        )
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Quotes a value the way klog's structured logging prints an error string.
fn klog_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A command line kubectl would reject (or answer with help) before doing any work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CliError {
    /// cobra: the first word is no kubectl command. `suggestions` in cobra's order.
    UnknownCommand {
        name: String,
        suggestions: Vec<String>,
    },
    /// kubectl's plugin handler: a flag came before anything naming a command.
    FlagsBeforePlugin { arg: String },
    /// pflag/cobra flag error, through kubectl's flag error function. `path` is the command
    /// path below `kubectl` (`""` for the root, `"rollout status"`).
    Flag { path: String, msg: String },
    /// cobra's `MarkFlagRequired` check, logged by kubectl through klog.
    RequiredFlags { names: Vec<String> },
    /// kubectl `UsageErrorf`: `error: msg` + `See 'kubectl PATH -h' for help and examples`.
    Usage { path: String, msg: String },
    /// kubectl `CheckErr` of a plain error: `error: msg` (msg may span lines).
    Plain { msg: String },
    /// A group (`rollout`, `set`, `config`) run without a sub-verb: kubectl prints the
    /// group's help and exits 1; on stdout for `rollout`, on stderr for the others.
    GroupHelp { group: String, to_stdout: bool },
    /// A real kubectl command (or sub-command) that the sandbox does not simulate.
    NotSimulated { path: String },
    /// Text kubectl prints just before an error (`kubectl get` without a type).
    Prefixed { text: String, error: Box<CliError> },
}

impl CliError {
    pub(super) fn flag(path: &str, msg: impl Into<String>) -> CliError {
        CliError::Flag {
            path: path.to_string(),
            msg: msg.into(),
        }
    }

    pub(super) fn usage(path: &str, msg: impl Into<String>) -> CliError {
        CliError::Usage {
            path: path.to_string(),
            msg: msg.into(),
        }
    }

    pub(super) fn plain(msg: impl Into<String>) -> CliError {
        CliError::Plain { msg: msg.into() }
    }

    /// kubectl's exit status for this error (always 1 in v1.32).
    pub fn exit_code(&self) -> i32 {
        1
    }

    /// Whether kubectl writes this text to stdout rather than stderr.
    pub fn to_stdout(&self) -> bool {
        matches!(
            self,
            CliError::GroupHelp {
                to_stdout: true,
                ..
            }
        )
    }

    /// The full text kubectl prints, every line ending in `\n`; `stamp` fills klog headers.
    pub fn render(&self, stamp: &KlogStamp) -> String {
        match self {
            CliError::UnknownCommand { name, suggestions } => {
                let mut s = format!(
                    "Error: unknown command {} for \"kubectl\"\n",
                    go_quote(name)
                );
                if !suggestions.is_empty() {
                    s.push_str("\nDid you mean this?\n");
                    for sug in suggestions {
                        s.push('\t');
                        s.push_str(sug);
                        s.push('\n');
                    }
                    s.push('\n');
                }
                s
            }
            CliError::FlagsBeforePlugin { arg } => {
                format!("Error: flags cannot be placed before plugin name: {arg}\n")
            }
            CliError::Flag { path, msg } => {
                format!(
                    "Error: {msg}\nSee '{}' for usage.\n",
                    with_path(path, "--help")
                )
            }
            CliError::RequiredFlags { names } => {
                let err = format!("required flag(s) \"{}\" not set", names.join("\", \""));
                format!(
                    "{} \"command failed\" err={}\n",
                    stamp.header('E', "run.go:72"),
                    klog_quote(&err)
                )
            }
            CliError::Usage { path, msg } => format!(
                "error: {msg}\nSee '{}' for help and examples\n",
                with_path(path, "-h")
            ),
            CliError::Plain { msg } => format!("error: {msg}\n"),
            CliError::GroupHelp { group, .. } => help::usage(group),
            CliError::Prefixed { text, error } => format!("{text}{}", error.render(stamp)),
            CliError::NotSimulated { path } => {
                format!("kubetutor: not simulated: kubectl {path}\n")
            }
        }
    }
}

/// `kubectl PATH SUFFIX`, or `kubectl SUFFIX` for the root.
fn with_path(path: &str, suffix: &str) -> String {
    if path.is_empty() {
        format!("kubectl {suffix}")
    } else {
        format!("kubectl {path} {suffix}")
    }
}

/// Go's `%q` for a string (printable ASCII and Unicode kept, quotes and controls escaped).
pub(super) fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl fmt::Display for CliError {
    /// The stderr text with [`KlogStamp::default`]; ends in `\n`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&KlogStamp::default()))
    }
}

impl std::error::Error for CliError {}

/// A non-fatal message kubectl prints on stderr before going on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CliWarning {
    /// Bare `--dry-run` (klog warning from `helpers.go:702`).
    DryRunBare,
    /// `--dry-run=true|false` (klog warning from `helpers.go:716`).
    DryRunBool {
        value: String,
        replacement: &'static str,
    },
    /// `--cascade=true|false` (boolean values are deprecated).
    CascadeBool {
        value: String,
        replacement: &'static str,
    },
}

impl CliWarning {
    /// The full stderr text, ending in `\n`.
    pub fn render(&self, stamp: &KlogStamp) -> String {
        match self {
            CliWarning::DryRunBare => format!(
                "{} --dry-run is deprecated and can be replaced with --dry-run=client.\n",
                stamp.header('W', "helpers.go:702")
            ),
            CliWarning::DryRunBool { value, replacement } => format!(
                "{} --dry-run={value} is deprecated (boolean value) and can be replaced with --dry-run={replacement}.\n",
                stamp.header('W', "helpers.go:716")
            ),
            CliWarning::CascadeBool { value, replacement } => format!(
                "warning: --cascade={value} is deprecated (boolean value) and can be replaced with --cascade={replacement}.\n"
            ),
        }
    }
}

impl fmt::Display for CliWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&KlogStamp::default()))
    }
}
