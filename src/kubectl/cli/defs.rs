//! The types of the command table, and the table itself: every verb the sandbox accepts,
//! the groups that hold sub-verbs (`rollout`, `set`, `config`), and the names of kubectl's
//! other top-level commands (known, but not simulated).
//!
//! One [`FlagDef`] carries everything about a flag (names, value kind, default as kubectl's
//! help prints it, help line), in the spirit of ripgrep's `flags/defs.rs`: parsing, `-h`
//! output and completion are all derived from the same definitions.

use super::{defs_create, defs_global, defs_read, defs_workload, defs_write};

/// How a flag's value is parsed; mirrors the pflag value type kubectl registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `BoolVar`: takes no argument unless written `--x=value`; parsed like Go's `strconv.ParseBool`.
    Bool,
    /// `StringVar`.
    Str,
    /// `IntVar`/`Int64Var`: Go `strconv.ParseInt(s, 0, 64)` (so `0x10`, `0o7`, `1_000` are valid).
    Int,
    /// `Int32Var`: Go `strconv.ParseInt(s, 0, 32)`.
    Int32,
    /// `DurationVar`: Go `time.ParseDuration`.
    Duration,
    /// `StringSliceVar`: each occurrence is split as a CSV record and appended.
    StringSlice,
    /// `StringArrayVar`: each occurrence appended verbatim.
    StringArray,
    /// klog's `-v` level: `strconv.ParseInt(s, 10, 32)`.
    Level,
}

impl ValueKind {
    /// Whether the flag accumulates values across occurrences.
    pub fn repeatable(self) -> bool {
        matches!(self, ValueKind::StringSlice | ValueKind::StringArray)
    }
}

/// One flag definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagDef {
    /// Long name, without dashes; flags are always looked up by it.
    pub long: &'static str,
    /// One-letter shorthand, if any.
    pub short: Option<char>,
    /// Value type.
    pub kind: ValueKind,
    /// The default exactly as `kubectl VERB -h` prints it after `=` (`'none'`, `[]`, `0s`, `false`).
    pub shown_default: &'static str,
    /// pflag's `NoOptDefVal`: the value used when the flag is given without `=value`
    /// (`"true"` for every bool; `--dry-run` → `unchanged`, `--cascade` → `background`, ...).
    pub no_opt: Option<&'static str>,
    /// kubectl's one-line help text.
    pub help: &'static str,
}

impl FlagDef {
    /// Sets the value a bare `--flag` takes (pflag `NoOptDefVal`).
    pub(super) const fn no_opt(mut self, v: &'static str) -> FlagDef {
        self.no_opt = Some(v);
        self
    }

    /// The default value as a string, without the quotes kubectl's help puts around strings.
    pub fn default_value(&self) -> &'static str {
        let s = self.shown_default;
        if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
            &s[1..s.len() - 1]
        } else if s == "[]" {
            ""
        } else {
            s
        }
    }

    /// The value a bare occurrence (no `=value`) takes, if the flag allows that.
    pub fn bare_value(&self) -> Option<&'static str> {
        match self.kind {
            ValueKind::Bool => Some("true"),
            _ => self.no_opt,
        }
    }

    /// How pflag names the flag in "invalid argument" errors: `-A, --all-namespaces` or `--since`.
    pub fn display_name(&self) -> String {
        match self.short {
            Some(c) => format!("-{c}, --{}", self.long),
            None => format!("--{}", self.long),
        }
    }
}

/// A flag with a shorthand.
pub(super) const fn f(
    short: char,
    long: &'static str,
    kind: ValueKind,
    shown_default: &'static str,
    help: &'static str,
) -> FlagDef {
    FlagDef {
        long,
        short: Some(short),
        kind,
        shown_default,
        no_opt: None,
        help,
    }
}

/// A flag with only a long name.
pub(super) const fn l(
    long: &'static str,
    kind: ValueKind,
    shown_default: &'static str,
    help: &'static str,
) -> FlagDef {
    FlagDef {
        long,
        short: None,
        kind,
        shown_default,
        no_opt: None,
        help,
    }
}

/// cobra's `-h, --help`, present on every command.
pub static HELP_FLAG: FlagDef = f(
    'h',
    "help",
    ValueKind::Bool,
    "false",
    "help for this command",
);

/// One leaf command (a verb, or a sub-verb such as `rollout status`).
#[derive(Debug)]
pub struct VerbDef {
    /// Command path below `kubectl`, words separated by one space.
    pub path: &'static str,
    /// cobra `Short`: the line `kubectl --help` lists.
    pub about: &'static str,
    /// The `Usage:` line of kubectl's help.
    pub usage: &'static str,
    /// Flags cobra marks required (`MarkFlagRequired`).
    pub required: &'static [&'static str],
    /// The verb's own flags, sorted by long name as kubectl prints them.
    pub flags: &'static [FlagDef],
}

/// A command that only holds sub-verbs.
#[derive(Debug)]
pub struct GroupDef {
    /// Name below `kubectl`.
    pub name: &'static str,
    /// cobra `Short`.
    pub about: &'static str,
    /// Whether kubectl prints the group's help on stdout (true) or stderr when run bare.
    pub help_to_stdout: bool,
}

/// Every leaf verb the sandbox parses, in kubectl's help order.
pub static VERBS: &[&VerbDef] = &[
    &defs_write::CREATE,
    &defs_create::CREATE_NAMESPACE,
    &defs_create::CREATE_SECRET_GENERIC,
    &defs_create::CREATE_CONFIGMAP,
    &defs_create::CREATE_SERVICEACCOUNT,
    &defs_create::CREATE_SERVICE_CLUSTERIP,
    &defs_create::CREATE_SERVICE_NODEPORT,
    &defs_create::CREATE_SERVICE_LOADBALANCER,
    &defs_create::CREATE_SERVICE_EXTERNALNAME,
    &defs_create::CREATE_DEPLOYMENT,
    &defs_workload::RUN,
    &defs_write::SET_IMAGE,
    &defs_read::EXPLAIN,
    &defs_read::GET,
    &defs_write::EDIT,
    &defs_write::DELETE,
    &defs_workload::ROLLOUT_HISTORY,
    &defs_workload::ROLLOUT_PAUSE,
    &defs_workload::ROLLOUT_RESTART,
    &defs_workload::ROLLOUT_RESUME,
    &defs_workload::ROLLOUT_STATUS,
    &defs_workload::ROLLOUT_UNDO,
    &defs_write::SCALE,
    &defs_read::CLUSTER_INFO,
    &defs_workload::CORDON,
    &defs_workload::UNCORDON,
    &defs_workload::DRAIN,
    &defs_read::DESCRIBE,
    &defs_read::LOGS,
    &defs_workload::EXEC,
    &defs_read::EVENTS,
    &defs_write::APPLY,
    &defs_write::PATCH,
    &defs_workload::WAIT,
    &defs_write::LABEL,
    &defs_write::ANNOTATE,
    &defs_read::CONFIG_CURRENT_CONTEXT,
    &defs_read::CONFIG_GET_CONTEXTS,
    &defs_read::CONFIG_USE_CONTEXT,
    &defs_read::CONFIG_VIEW,
    &defs_read::VERSION,
    &defs_read::API_RESOURCES,
];

/// Commands holding sub-verbs. `rollout` prints its help on stdout when run bare; `set`,
/// `config`, `create service` and `create secret` on stderr (all exit 1), as kubectl v1.32
/// does. (`create` itself is a leaf verb that also has sub-verbs.)
pub static GROUPS: &[GroupDef] = &[
    GroupDef {
        name: "set",
        about: "Set specific features on objects",
        help_to_stdout: false,
    },
    GroupDef {
        name: "rollout",
        about: "Manage the rollout of a resource",
        help_to_stdout: true,
    },
    GroupDef {
        name: "config",
        about: "Modify kubeconfig files",
        help_to_stdout: false,
    },
    GroupDef {
        name: "create secret",
        about: "Create a secret using a specified subcommand",
        help_to_stdout: false,
    },
    GroupDef {
        name: "create service",
        about: "Create a service using a specified subcommand",
        help_to_stdout: false,
    },
];

/// kubectl v1.32's available top-level commands in registration order (cobra's suggestion
/// order for "Did you mean this?"). Hidden ones (`alpha`, `help`) are left out, as cobra does.
pub static KUBECTL_COMMANDS: &[&str] = &[
    "create",
    "expose",
    "run",
    "set",
    "explain",
    "get",
    "edit",
    "delete",
    "rollout",
    "scale",
    "autoscale",
    "certificate",
    "cluster-info",
    "top",
    "cordon",
    "uncordon",
    "drain",
    "taint",
    "describe",
    "logs",
    "attach",
    "exec",
    "port-forward",
    "proxy",
    "cp",
    "auth",
    "debug",
    "events",
    "diff",
    "apply",
    "patch",
    "replace",
    "wait",
    "kustomize",
    "label",
    "annotate",
    "completion",
    "config",
    "plugin",
    "version",
    "api-versions",
    "api-resources",
    "options",
];

/// The global flags (`kubectl options`).
pub fn global_flags() -> &'static [FlagDef] {
    defs_global::GLOBAL_FLAGS
}

/// Looks up a leaf verb by its path (`"get"`, `"rollout status"`).
pub fn verb(path: &str) -> Option<&'static VerbDef> {
    VERBS.iter().copied().find(|v| v.path == path)
}

/// Looks up a group by name.
pub fn group(name: &str) -> Option<&'static GroupDef> {
    GROUPS.iter().find(|g| g.name == name)
}

/// Real kubectl sub-commands of each group, simulated or not (`kubectl set --help`,
/// `kubectl config --help`, `kubectl create --help`), so a known-but-not-simulated one gets
/// an honest error.
pub static KUBECTL_SUBCOMMANDS: &[(&str, &[&str])] = &[
    (
        "create",
        &[
            "clusterrole",
            "clusterrolebinding",
            "configmap",
            "cronjob",
            "deployment",
            "ingress",
            "job",
            "namespace",
            "poddisruptionbudget",
            "priorityclass",
            "quota",
            "role",
            "rolebinding",
            "secret",
            "service",
            "serviceaccount",
            "token",
        ],
    ),
    ("create secret", &["docker-registry", "generic", "tls"]),
    (
        "create service",
        &["clusterip", "externalname", "loadbalancer", "nodeport"],
    ),
    (
        "set",
        &[
            "env",
            "image",
            "resources",
            "selector",
            "serviceaccount",
            "subject",
        ],
    ),
    (
        "config",
        &[
            "current-context",
            "delete-cluster",
            "delete-context",
            "delete-user",
            "get-clusters",
            "get-contexts",
            "get-users",
            "rename-context",
            "set",
            "set-cluster",
            "set-context",
            "set-credentials",
            "unset",
            "use-context",
            "view",
        ],
    ),
    (
        "rollout",
        &["history", "pause", "restart", "resume", "status", "undo"],
    ),
];

/// cobra aliases of sub-verbs: (parent, alias, name).
pub static SUB_ALIASES: &[(&str, &str, &str)] = &[
    ("config", "use", "use-context"),
    ("create", "cm", "configmap"),
    ("create", "cj", "cronjob"),
    ("create", "deploy", "deployment"),
    ("create", "ing", "ingress"),
    ("create", "ns", "namespace"),
    ("create", "pdb", "poddisruptionbudget"),
    ("create", "pc", "priorityclass"),
    ("create", "resourcequota", "quota"),
    ("create", "sa", "serviceaccount"),
    ("create", "svc", "service"),
];
