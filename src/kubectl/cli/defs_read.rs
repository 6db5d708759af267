//! Verbs that read: get, describe, events, logs, api-resources, version, explain, cluster-info and config.
//!
//! Flag names, shorthands, defaults (as `kubectl VERB -h` shows them) and one-line help
//! are facts read from kubectl v1.32's own help output; see `defs.rs` for the types.

use super::defs::{f, l, ValueKind::*, VerbDef};

#[rustfmt::skip]
pub(super) static GET: VerbDef = VerbDef {
    path: "get",
    about: "Display one or many resources",
    usage: "kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
    required: &[],
    flags: &[
        f('A', "all-namespaces", Bool, "false", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("chunk-size", Int, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."),
        l("field-selector", Str, "''", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        l("ignore-not-found", Bool, "false", "If the requested object does not exist the command will return exit code 0."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('L', "label-columns", StringSlice, "[]", "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..."),
        l("no-headers", Bool, "false", "When using the default or custom-column output format, don't print headers (default print headers)."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/]."),
        l("output-watch-events", Bool, "false", "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events."),
        l("raw", Str, "''", "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("server-print", Bool, "true", "If true, have the server return the appropriate table output. Supports extension APIs and CRDs."),
        l("show-kind", Bool, "false", "If present, list the resource type for the requested object(s)."),
        l("show-labels", Bool, "false", "When printing, show all labels as the last column (default hide labels column)"),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("sort-by", Str, "''", "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string."),
        l("subresource", Str, "''", "If specified, gets the subresource of the requested object. This flag is beta and may change in the future."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        f('w', "watch", Bool, "false", "After listing/getting the requested object, watch for changes."),
        l("watch-only", Bool, "false", "Watch for changes to the requested object(s), without listing/getting first."),
    ],
};

#[rustfmt::skip]
pub(super) static DESCRIBE: VerbDef = VerbDef {
    path: "describe",
    about: "Show details of a specific resource or group of resources",
    usage: "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
    required: &[],
    flags: &[
        f('A', "all-namespaces", Bool, "false", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        l("chunk-size", Int, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files containing the resource to describe"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-events", Bool, "true", "If true, display events related to the described object."),
    ],
};

#[rustfmt::skip]
pub(super) static EVENTS: VerbDef = VerbDef {
    path: "events",
    about: "List events",
    usage: "kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]",
    required: &[],
    flags: &[
        f('A', "all-namespaces", Bool, "false", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("chunk-size", Int, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."),
        l("for", Str, "''", "Filter events to only those pertaining to the specified resource."),
        l("no-headers", Bool, "false", "When using the default output format, don't print headers."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("types", StringSlice, "[]", "Output only events of given types."),
        f('w', "watch", Bool, "false", "After listing the requested events, watch for more events."),
    ],
};

#[rustfmt::skip]
pub(super) static LOGS: VerbDef = VerbDef {
    path: "logs",
    about: "Print the logs for a container in a pod",
    usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
    required: &[],
    flags: &[
        l("all-containers", Bool, "false", "Get all containers' logs in the pod(s)."),
        l("all-pods", Bool, "false", "Get logs from all pod(s). Sets prefix to true."),
        f('c', "container", Str, "''", "Print the logs of this container"),
        f('f', "follow", Bool, "false", "Specify if the logs should be streamed."),
        l("ignore-errors", Bool, "false", "If watching / following pod logs, allow for any errors that occur to be non-fatal"),
        l("insecure-skip-tls-verify-backend", Bool, "false", "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired."),
        l("limit-bytes", Int, "0", "Maximum bytes of logs to return. Defaults to no limit."),
        l("max-log-requests", Int, "5", "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5."),
        l("pod-running-timeout", Duration, "20s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
        l("prefix", Bool, "false", "Prefix each log line with the log source (pod name and container name)"),
        f('p', "previous", Bool, "false", "If true, print the logs for the previous instance of the container in a pod if it exists."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("since", Duration, "0s", "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used."),
        l("since-time", Str, "''", "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used."),
        l("tail", Int, "-1", "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided."),
        l("timestamps", Bool, "false", "Include timestamps on each line in the log output"),
    ],
};

#[rustfmt::skip]
pub(super) static API_RESOURCES: VerbDef = VerbDef {
    path: "api-resources",
    about: "Print the supported API resources on the server",
    usage: "kubectl api-resources [flags] [options]",
    required: &[],
    flags: &[
        l("api-group", Str, "''", "Limit to resources in the specified API group."),
        l("cached", Bool, "false", "Use the cached list of resources if available."),
        l("categories", StringSlice, "[]", "Limit to resources that belong to the specified categories."),
        l("namespaced", Bool, "true", "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default."),
        l("no-headers", Bool, "false", "When using the default or custom-column output format, don't print headers (default print headers)."),
        f('o', "output", Str, "''", "Output format. One of: (wide, name)."),
        l("sort-by", Str, "''", "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'."),
        l("verbs", StringSlice, "[]", "Limit to resources that support the specified verbs."),
    ],
};

#[rustfmt::skip]
pub(super) static VERSION: VerbDef = VerbDef {
    path: "version",
    about: "Print the client and server version information",
    usage: "kubectl version [flags] [options]",
    required: &[],
    flags: &[
        l("client", Bool, "false", "If true, shows client version only (no server required)."),
        f('o', "output", Str, "''", "One of 'yaml' or 'json'."),
    ],
};

#[rustfmt::skip]
pub(super) static EXPLAIN: VerbDef = VerbDef {
    path: "explain",
    about: "Get documentation for a resource",
    usage: "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
    required: &[],
    flags: &[
        l("api-version", Str, "''", "Use given api-version (group/version) of the resource."),
        f('o', "output", Str, "'plaintext'", "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)."),
        l("recursive", Bool, "false", "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description."),
    ],
};

#[rustfmt::skip]
pub(super) static CLUSTER_INFO: VerbDef = VerbDef {
    path: "cluster-info",
    about: "Display cluster information",
    usage: "kubectl cluster-info [flags] [options]",
    required: &[],
    flags: &[
    ],
};

#[rustfmt::skip]
pub(super) static CONFIG_VIEW: VerbDef = VerbDef {
    path: "config view",
    about: "Display merged kubeconfig settings or a specified kubeconfig file",
    usage: "kubectl config view [flags] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("flatten", Bool, "false", "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"),
        l("merge", Bool, "true", "Merge the full hierarchy of kubeconfig files"),
        l("minify", Bool, "false", "Remove all information not used by current-context from the output"),
        f('o', "output", Str, "'yaml'", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("raw", Bool, "false", "Display raw byte data and sensitive data"),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static CONFIG_CURRENT_CONTEXT: VerbDef = VerbDef {
    path: "config current-context",
    about: "Display the current-context",
    usage: "kubectl config current-context [flags] [options]",
    required: &[],
    flags: &[
    ],
};

#[rustfmt::skip]
pub(super) static CONFIG_GET_CONTEXTS: VerbDef = VerbDef {
    path: "config get-contexts",
    about: "Describe one or many contexts",
    usage: "kubectl config get-contexts [(-o|--output=)name)] [options]",
    required: &[],
    flags: &[
        l("no-headers", Bool, "false", "When using the default or custom-column output format, don't print headers (default print headers)."),
        f('o', "output", Str, "''", "Output format. One of: (name)."),
    ],
};

#[rustfmt::skip]
pub(super) static CONFIG_USE_CONTEXT: VerbDef = VerbDef {
    path: "config use-context",
    about: "Set the current-context in a kubeconfig file",
    usage: "kubectl config use-context CONTEXT_NAME [options]",
    required: &[],
    flags: &[
    ],
};
