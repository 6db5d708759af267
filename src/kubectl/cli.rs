//! kubectl's command line: one table of verbs and flags (`defs*`), a parser with cobra and
//! pflag semantics (`parse`), kubectl's exact usage errors (`error`), and the sandbox's help
//! and completion views (`help`), all driven by the same table.
//!
//! ```
//! use kubetutor::kubectl::cli;
//! let args: Vec<String> = ["-n", "web", "get", "pods", "-oyaml"].map(String::from).to_vec();
//! let inv = cli::parse(&args).unwrap();
//! assert_eq!(inv.verb, "get");
//! assert_eq!(inv.args, ["pods"]);
//! assert_eq!(inv.flags.get_str("output"), Some("yaml"));
//! assert_eq!(inv.flags.get_str("namespace"), Some("web"));
//! ```

mod defs;
mod defs_create;
mod defs_global;
mod defs_read;
mod defs_workload;
mod defs_write;
mod error;
mod help;
mod parse;
mod semantics;
mod values;

#[cfg(test)]
mod tests;

pub use defs::{
    global_flags, FlagDef, GroupDef, ValueKind, VerbDef, GROUPS, KUBECTL_COMMANDS, SUB_ALIASES,
};
pub use error::{CliError, CliWarning, KlogStamp};
pub use help::{flags_of, top_level_words, usage, verbs};
pub use parse::{parse, takes_value, Invocation};
pub use semantics::*;
pub use values::{parse_bool, parse_csv, parse_go_duration, parse_go_int, Flags};
