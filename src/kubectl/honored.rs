//! Which flags each simulated verb honours. kubectl accepts many more (the parser knows
//! them all); a flag the sandbox would otherwise ignore is refused with a plain
//! "not simulated" message instead of being dropped silently.

/// Global flags that mean something here, or are harmless to accept (they name a
/// kubeconfig, context or verbosity the sandbox has only one of).
const GLOBAL: &[&str] = &[
    "namespace",
    "help",
    "context",
    "kubeconfig",
    "cluster",
    "user",
    "v",
    "request-timeout",
    "insecure-skip-tls-verify",
    "server",
];

/// What every `kubectl create <kind>` generator honours (`--field-manager` is accepted: the
/// sandbox keeps no managedFields for it to show; `--save-config` is accepted by `create
/// service` and, as in kubectl, has no effect there).
const CREATE_COMMON: &[&str] = &[
    "dry-run",
    "output",
    "template",
    "save-config",
    "field-manager",
    "validate",
];

const PER_VERB: &[(&str, &[&str])] = &[
    (
        "exec",
        &["container", "stdin", "tty", "quiet", "pod-running-timeout"],
    ),
    (
        "run",
        &[
            "image",
            "restart",
            "rm",
            "stdin",
            "tty",
            "attach",
            "labels",
            "env",
            "port",
            "command",
            "quiet",
            "annotations",
            "image-pull-policy",
            "leave-stdin-open",
            "pod-running-timeout",
        ],
    ),
    (
        "logs",
        &[
            "container",
            "previous",
            "tail",
            "follow",
            "pod-running-timeout",
        ],
    ),
    (
        "apply",
        &[
            "filename",
            "recursive",
            "dry-run",
            "output",
            "field-manager",
            "server-side",
        ],
    ),
    (
        "create",
        &[
            "filename",
            "recursive",
            "dry-run",
            "output",
            "save-config",
            "field-manager",
        ],
    ),
    ("create namespace", CREATE_COMMON),
    ("create serviceaccount", CREATE_COMMON),
    (
        "create deployment",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "image",
            "port",
            "replicas",
        ],
    ),
    (
        "create configmap",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "from-file",
            "from-literal",
            "from-env-file",
        ],
    ),
    (
        "create secret generic",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "from-file",
            "from-literal",
            "from-env-file",
            "type",
        ],
    ),
    (
        "create service clusterip",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "tcp",
            "clusterip",
        ],
    ),
    (
        "create service nodeport",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "tcp",
            "node-port",
        ],
    ),
    (
        "create service loadbalancer",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "tcp",
        ],
    ),
    (
        "create service externalname",
        &[
            "dry-run",
            "output",
            "template",
            "save-config",
            "field-manager",
            "validate",
            "tcp",
            "external-name",
        ],
    ),
    (
        "get",
        &[
            "output",
            "selector",
            "all-namespaces",
            "watch",
            "watch-only",
            "output-watch-events",
            "show-labels",
            "label-columns",
            "no-headers",
            "filename",
            "recursive",
            "template",
            "field-selector",
            "ignore-not-found",
            "show-kind",
            "chunk-size",
            "sort-by",
        ],
    ),
    ("describe", &["selector", "all-namespaces", "chunk-size"]),
    (
        "delete",
        &[
            "filename",
            "recursive",
            "selector",
            "all",
            "all-namespaces",
            "cascade",
            "grace-period",
            "force",
            "now",
            "wait",
            "ignore-not-found",
            "output",
            "dry-run",
        ],
    ),
    (
        "scale",
        &["replicas", "current-replicas", "selector", "all"],
    ),
    ("patch", &["patch", "patch-file", "type", "field-manager"]),
    ("label", &["overwrite", "selector", "all", "all-namespaces"]),
    (
        "annotate",
        &["overwrite", "selector", "all", "all-namespaces"],
    ),
    (
        "events",
        &["for", "types", "all-namespaces", "no-headers", "chunk-size"],
    ),
    (
        "wait",
        &["for", "timeout", "selector", "all", "all-namespaces"],
    ),
    (
        "api-resources",
        &["namespaced", "output", "no-headers", "cached"],
    ),
    ("version", &["client", "output"]),
    ("cordon", &["dry-run", "selector"]),
    ("uncordon", &["dry-run", "selector"]),
    (
        "drain",
        &[
            "dry-run",
            "selector",
            "ignore-daemonsets",
            "delete-emptydir-data",
            "force",
            "grace-period",
            "timeout",
            "pod-selector",
            "disable-eviction",
            "chunk-size",
        ],
    ),
    ("cluster-info", &[]),
    (
        "rollout status",
        &["selector", "revision", "timeout", "watch", "filename"],
    ),
    (
        "rollout history",
        &["selector", "revision", "output", "filename"],
    ),
    (
        "rollout undo",
        &["selector", "to-revision", "output", "dry-run", "filename"],
    ),
    (
        "rollout restart",
        &["selector", "output", "dry-run", "filename", "field-manager"],
    ),
    ("rollout pause", &["selector", "filename", "field-manager"]),
    ("rollout resume", &["selector", "filename", "field-manager"]),
    (
        "set image",
        &[
            "selector",
            "all",
            "filename",
            "local",
            "dry-run",
            "output",
            "field-manager",
        ],
    ),
    ("edit", &["output", "filename", "field-manager"]),
];

/// The set flags that `verb` would not honour, if any.
/// The flags of `verb` the sandbox simulates (global ones aside), or None for a verb it
/// does not simulate at all.
pub fn honored_flags(verb: &str) -> Option<&'static [&'static str]> {
    PER_VERB
        .iter()
        .find(|(v, _)| *v == verb)
        .map(|(_, flags)| *flags)
}

/// Whether a global flag means something in the sandbox (or is harmless to accept).
pub fn global_honored(flag: &str) -> bool {
    GLOBAL.contains(&flag)
}

pub fn unhonored(verb: &str, set: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let Some((_, flags)) = PER_VERB.iter().find(|(v, _)| *v == verb) else {
        return Vec::new();
    };
    set.filter(|f| !GLOBAL.contains(f) && !flags.contains(f))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_what_would_be_ignored() {
        assert_eq!(
            unhonored("get", ["sort-by", "raw", "output"].into_iter()),
            vec!["raw"]
        );
        assert!(unhonored("get", ["namespace", "watch"].into_iter()).is_empty());
        assert!(
            unhonored("attach", ["stdin"].into_iter()).is_empty(),
            "unsimulated verbs say so themselves"
        );
    }
}
#[cfg(test)]
mod parse_check {
    #[test]
    fn sort_by_is_seen_as_set() {
        let args: Vec<String> = ["get", "pods", "--sort-by=.metadata.name"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let inv = crate::kubectl::cli::parse(&args).unwrap();
        let set: Vec<&str> = inv.flags.set_names().collect();
        assert!(set.contains(&"sort-by"), "{set:?}");
    }
}
