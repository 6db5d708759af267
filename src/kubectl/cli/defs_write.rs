//! Verbs that change objects from files or arguments: apply, create, delete, edit, patch, label, annotate, scale, set image.
//!
//! Flag names, shorthands, defaults (as `kubectl VERB -h` shows them) and one-line help
//! are facts read from kubectl v1.32's own help output; see `defs.rs` for the types.

use super::defs::{f, l, ValueKind::*, VerbDef};

#[rustfmt::skip]
pub(super) static APPLY: VerbDef = VerbDef {
    path: "apply",
    about: "Apply a configuration to a resource by file name or stdin",
    usage: "kubectl apply (-f FILENAME | -k DIRECTORY) [options]",
    required: &[],
    flags: &[
        l("all", Bool, "false", "Select all resources in the namespace of the specified resource types."),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("cascade", Str, "'background'", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.").no_opt("background"),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-client-side-apply'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "The files that contain the configurations to apply."),
        l("force", Bool, "false", "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."),
        l("force-conflicts", Bool, "false", "If true, server-side apply will force the changes against conflicts."),
        l("grace-period", Int, "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."),
        f('k', "kustomize", Str, "''", "Process a kustomization directory. This flag can't be used together with -f or -R."),
        l("openapi-patch", Bool, "true", "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("overwrite", Bool, "true", "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration"),
        l("prune", Bool, "false", "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all."),
        l("prune-allowlist", StringArray, "[]", "Overwrite the default allowlist with <group/version/kind> for --prune"),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("server-side", Bool, "false", "If true, apply runs in the server instead of the client."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("subresource", Str, "''", "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("timeout", Duration, "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
        l("wait", Bool, "false", "If true, wait for resources to be gone before returning. This waits for finalizers."),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE: VerbDef = VerbDef {
    path: "create",
    about: "Create a resource from a file or from stdin",
    usage: "kubectl create -f FILENAME [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("edit", Bool, "false", "Edit the API resource before creating"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files to use to create the resource"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("raw", Str, "''", "Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
        l("windows-line-endings", Bool, "false", "Only relevant if --edit=true. Defaults to the line ending native to your platform."),
    ],
};

#[rustfmt::skip]
pub(super) static DELETE: VerbDef = VerbDef {
    path: "delete",
    about: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
    usage: "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
    required: &[],
    flags: &[
        l("all", Bool, "false", "Delete all resources, in the namespace of the specified resource types."),
        f('A', "all-namespaces", Bool, "false", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        l("cascade", Str, "'background'", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.").no_opt("background"),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-selector", Str, "''", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."),
        f('f', "filename", StringSlice, "[]", "containing the resource to delete."),
        l("force", Bool, "false", "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."),
        l("grace-period", Int, "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."),
        l("ignore-not-found", Bool, "false", "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified."),
        f('i', "interactive", Bool, "false", "If true, delete resource only when user confirms."),
        f('k', "kustomize", Str, "''", "Process a kustomization directory. This flag can't be used together with -f or -R."),
        l("now", Bool, "false", "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."),
        f('o', "output", Str, "''", "Output mode. Use \"-o name\" for shorter output (resource/name)."),
        l("raw", Str, "''", "Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("timeout", Duration, "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"),
        l("wait", Bool, "true", "If true, wait for resources to be gone before returning. This waits for finalizers."),
    ],
};

#[rustfmt::skip]
pub(super) static EDIT: VerbDef = VerbDef {
    path: "edit",
    about: "Edit a resource on the server",
    usage: "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("field-manager", Str, "'kubectl-edit'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files to use to edit the resource"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("output-patch", Bool, "false", "Output the patch if the resource is edited."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("subresource", Str, "''", "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
        l("windows-line-endings", Bool, "false", "Defaults to the line ending native to your platform."),
    ],
};

#[rustfmt::skip]
pub(super) static PATCH: VerbDef = VerbDef {
    path: "patch",
    about: "Update fields of a resource",
    usage: "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-patch'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to update"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        l("local", Bool, "false", "If true, patch will operate on the content of the file, not the server-side resource."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('p', "patch", Str, "''", "The patch to be applied to the resource JSON file."),
        l("patch-file", Str, "''", "A file containing a patch to be applied to the resource."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("subresource", Str, "''", "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("type", Str, "'strategic'", "The type of patch being provided; one of [json merge strategic]"),
    ],
};

#[rustfmt::skip]
pub(super) static LABEL: VerbDef = VerbDef {
    path: "label",
    about: "Update the labels on a resource",
    usage: "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
    required: &[],
    flags: &[
        l("all", Bool, "false", "Select all resources, in the namespace of the specified resource types"),
        f('A', "all-namespaces", Bool, "false", "If true, check the specified action in all namespaces."),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-label'", "Name of the manager used to track field ownership."),
        l("field-selector", Str, "''", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to update the labels"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        l("list", Bool, "false", "If true, display the labels for a given resource."),
        l("local", Bool, "false", "If true, label will NOT contact api-server but run locally."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("overwrite", Bool, "false", "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("resource-version", Str, "''", "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static ANNOTATE: VerbDef = VerbDef {
    path: "annotate",
    about: "Update the annotations on a resource",
    usage: "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
    required: &[],
    flags: &[
        l("all", Bool, "false", "Select all resources, in the namespace of the specified resource types."),
        f('A', "all-namespaces", Bool, "false", "If true, check the specified action in all namespaces."),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-annotate'", "Name of the manager used to track field ownership."),
        l("field-selector", Str, "''", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to update the annotation"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        l("list", Bool, "false", "If true, display the annotations for a given resource."),
        l("local", Bool, "false", "If true, annotation will NOT contact api-server but run locally."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("overwrite", Bool, "false", "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("resource-version", Str, "''", "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};

#[rustfmt::skip]
pub(super) static SCALE: VerbDef = VerbDef {
    path: "scale",
    about: "Set a new size for a deployment, replica set, or replication controller",
    usage: "kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]",
    required: &["replicas"],
    flags: &[
        l("all", Bool, "false", "Select all resources in the namespace of the specified resource types"),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("current-replicas", Int, "-1", "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to set a new size"),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        l("replicas", Int, "0", "The new desired number of replicas. Required."),
        l("resource-version", Str, "''", "Precondition for resource version. Requires that the current resource version match this value in order to scale."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("timeout", Duration, "0s", "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."),
    ],
};

#[rustfmt::skip]
pub(super) static SET_IMAGE: VerbDef = VerbDef {
    path: "set image",
    about: "Update the image of a pod template",
    usage: "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
    required: &[],
    flags: &[
        l("all", Bool, "false", "Select all resources, in the namespace of the specified resource types"),
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-set'", "Name of the manager used to track field ownership."),
        f('f', "filename", StringSlice, "[]", "Filename, directory, or URL to files identifying the resource to get from a server."),
        f('k', "kustomize", Str, "''", "Process the kustomization directory. This flag can't be used together with -f or -R."),
        l("local", Bool, "false", "If true, set image will NOT contact api-server but run locally."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        f('R', "recursive", Bool, "false", "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
        f('l', "selector", Str, "''", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
    ],
};
