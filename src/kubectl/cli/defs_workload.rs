//! Verbs that drive workloads and nodes: run, exec, wait, rollout sub-verbs, cordon, uncordon, drain.
//!
//! Flag names, shorthands, defaults (as `kubectl VERB -h` shows them) and one-line help
//! are facts read from kubectl v1.32's own help output; see `defs.rs` for the types.

use super::defs::{f, l, ValueKind::*, VerbDef};

#[rustfmt::skip]
pub(super) static RUN: VerbDef = VerbDef {
    path: "run",
    about: "Run a particular image on the cluster",
    usage: "kubectl run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]",
    required: &["image"],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("annotations", StringArray, "[]", "Annotations to apply to the pod."),
        l("attach", Bool, "false", "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned."),
        l("cascade", Str, "'background'", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.").no_opt("background"),
        l("command", Bool, "false", "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("env", StringArray, "[]", "Environment variables to set in the container."),
        l("expose", Bool, "false", "If true, create a ClusterIP service associated with the pod.  Requires `--port`."),
        l("field-manager", Str, "'kubectl-run'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "to use to replace the resource."),
        l("force", Bool, "false", "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."),
        l("grace-period", Int, "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."),
        l("image", Str, "''", "The image for the container to run."),
        l("image-pull-policy", Str, "''", "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server."),
        f('k', "kustomize", Str, "''", "Process a kustomization directory. This flag can't be used together with -f or -R."),
        f('l', "labels", Str, "''", "Comma separated labels to apply to the pod. Will override previous values."),
        l("leave-stdin-open", Bool, "false", "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("override-type", Str, "'merge'", "The method used to override the generated object: json, merge, or strategic."),
        l("overrides", Str, "''", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."),
        l("pod-running-timeout", Duration, "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
        l("port", Str, "''", "The port that this container exposes."),
        l("privileged", Bool, "false", "If true, run the container in privileged mode."),
        f('q', "quiet", Bool, "false", "If true, suppress prompt messages."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("restart", Str, "'Always'", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."),
        l("rm", Bool, "false", "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        f('i', "stdin", Bool, "false", "Keep stdin open on the container in the pod, even if nothing is attached."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("timeout", Duration, "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"),
        f('t', "tty", Bool, "false", "Allocate a TTY for the container in the pod."),
        l("wait", Bool, "false", "If true, wait for resources to be gone before returning. This waits for finalizers."),
    ],
};

#[rustfmt::skip]
pub(super) static EXEC: VerbDef = VerbDef {
    path: "exec",
    about: "Execute a command in a container",
    usage: "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]",
    required: &[],
    flags: &[
        f('c', "container", Str, "''", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"),
        f('f', "filename", StringSlice, "[]", "to use to exec into the resource"),
        l("pod-running-timeout", Duration, "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"),
        f('q', "quiet", Bool, "false", "Only print output from the remote session"),
        f('i', "stdin", Bool, "false", "Pass stdin to the container"),
        f('t', "tty", Bool, "false", "Stdin is a TTY"),
    ],
};

#[rustfmt::skip]
pub(super) static WAIT: VerbDef = VerbDef {
    path: "wait",
    about: "Experimental: Wait for a specific condition on one or many resources",
    usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
    required: &[],
    flags: &[
        l("all", Bool, "false", "Select all resources in the namespace of the specified resource types"),
        f('A', "all-namespaces", Bool, "false", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("field-selector", Str, "''", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."),
        f('f', "filename", StringSlice, "[]", "identifying the resource."),
        l("for", Str, "''", "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity."),
        l("local", Bool, "false", "If true, annotation will NOT contact api-server but run locally."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "true", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)"),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("timeout", Duration, "30s", "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week."),
    ],
};

#[rustfmt::skip]
pub(super) static ROLLOUT_STATUS: VerbDef = VerbDef {
    path: "rollout status",
    about: "Show the status of the rollout",
    usage: "kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]",
    required: &[],
    flags: &[
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("revision", Int, "0", "Pin to a specific revision for showing its status. Defaults to 0 (last revision)."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("timeout", Duration, "0s", "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."),
        f('w', "watch", Bool, "true", "Watch the status of the rollout until it's done."),
    ],
};

#[rustfmt::skip]
pub(super) static ROLLOUT_HISTORY: VerbDef = VerbDef {
    path: "rollout history",
    about: "View rollout history",
    usage: "kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("revision", Int, "0", "See the details, including podTemplate of the revision specified"),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static ROLLOUT_UNDO: VerbDef = VerbDef {
    path: "rollout undo",
    about: "Undo a previous rollout",
    usage: "kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("to-revision", Int, "0", "The revision to rollback to. Default to 0 (last revision)."),
    ],
};

#[rustfmt::skip]
pub(super) static ROLLOUT_RESTART: VerbDef = VerbDef {
    path: "rollout restart",
    about: "Restart a resource",
    usage: "kubectl rollout restart RESOURCE [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("field-manager", Str, "'kubectl-rollout'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static ROLLOUT_PAUSE: VerbDef = VerbDef {
    path: "rollout pause",
    about: "Mark the provided resource as paused",
    usage: "kubectl rollout pause RESOURCE [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("field-manager", Str, "'kubectl-rollout'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static ROLLOUT_RESUME: VerbDef = VerbDef {
    path: "rollout resume",
    about: "Resume a paused resource",
    usage: "kubectl rollout resume RESOURCE [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("field-manager", Str, "'kubectl-rollout'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static CORDON: VerbDef = VerbDef {
    path: "cordon",
    about: "Mark node as unschedulable",
    usage: "kubectl cordon NODE [options]",
    required: &[],
    flags: &[
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
    ],
};

#[rustfmt::skip]
pub(super) static UNCORDON: VerbDef = VerbDef {
    path: "uncordon",
    about: "Mark node as schedulable",
    usage: "kubectl uncordon NODE [options]",
    required: &[],
    flags: &[
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
    ],
};

#[rustfmt::skip]
pub(super) static DRAIN: VerbDef = VerbDef {
    path: "drain",
    about: "Drain node in preparation for maintenance",
    usage: "kubectl drain NODE [options]",
    required: &[],
    flags: &[
        l("chunk-size", Int, "500", "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."),
        l("delete-emptydir-data", Bool, "false", "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."),
        l("disable-eviction", Bool, "false", "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("force", Bool, "false", "Continue even if there are pods that do not declare a controller."),
        l("grace-period", Int, "-1", "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used."),
        l("ignore-daemonsets", Bool, "false", "Ignore DaemonSet-managed pods."),
        l("pod-selector", Str, "''", "Label selector to filter pods on the node"),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("skip-wait-for-delete-timeout", Int, "0", "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip."),
        l("timeout", Duration, "0s", "The length of time to wait before giving up, zero means infinite"),
    ],
};
