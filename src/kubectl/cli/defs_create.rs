//! The `kubectl create <kind>` generators the sandbox simulates: namespace, serviceaccount,
//! deployment, configmap, secret generic and the four service types.
//!
//! Flag names, kinds, defaults and help lines are facts read from kubectl v1.32.4's
//! `kubectl create <kind> -h`; see `defs.rs` for the types. The groups that hold some of
//! them (`create service`, `create secret`) and the generators that are only known, not
//! simulated, are listed in `defs.rs`.

use super::defs::{f, l, ValueKind::*, VerbDef};

#[rustfmt::skip]
pub(super) static CREATE_NAMESPACE: VerbDef = VerbDef {
    path: "create namespace",
    about: "Create a namespace with the specified name",
    usage: "kubectl create namespace NAME [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_SERVICEACCOUNT: VerbDef = VerbDef {
    path: "create serviceaccount",
    about: "Create a service account with the specified name",
    usage: "kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_DEPLOYMENT: VerbDef = VerbDef {
    path: "create deployment",
    about: "Create a deployment with the specified name",
    usage: "kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]",
    required: &["image"],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        l("image", StringSlice, "[]", "Image names to run. A deployment can have multiple images set for multi-container pod."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("port", Int32, "-1", "The containerPort that this deployment exposes."),
        f('r', "replicas", Int32, "1", "Number of replicas to create. Default is 1."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_CONFIGMAP: VerbDef = VerbDef {
    path: "create configmap",
    about: "Create a config map from a local file, directory or literal value",
    usage: "kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("append-hash", Bool, "false", "Append a hash of the configmap to its name."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        l("from-env-file", StringSlice, "[]", "Specify the path to a file to read lines of key=val pairs to create a configmap."),
        l("from-file", StringSlice, "[]", "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."),
        l("from-literal", StringArray, "[]", "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)"),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_SECRET_GENERIC: VerbDef = VerbDef {
    path: "create secret generic",
    about: "Create a secret from a local file, directory, or literal value",
    usage: "kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("append-hash", Bool, "false", "Append a hash of the secret to its name."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        l("from-env-file", StringSlice, "[]", "Specify the path to a file to read lines of key=val pairs to create a secret."),
        l("from-file", StringSlice, "[]", "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key."),
        l("from-literal", StringArray, "[]", "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)"),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("type", Str, "''", "The type of secret to create"),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_SERVICE_CLUSTERIP: VerbDef = VerbDef {
    path: "create service clusterip",
    about: "Create a ClusterIP service",
    usage: "kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("clusterip", Str, "''", "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("tcp", StringSlice, "[]", "Port pairs can be specified as '<port>:<targetPort>'."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_SERVICE_NODEPORT: VerbDef = VerbDef {
    path: "create service nodeport",
    about: "Create a NodePort service",
    usage: "kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        l("node-port", Int, "0", "Port used to expose the service on each node in a cluster."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("tcp", StringSlice, "[]", "Port pairs can be specified as '<port>:<targetPort>'."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_SERVICE_LOADBALANCER: VerbDef = VerbDef {
    path: "create service loadbalancer",
    about: "Create a LoadBalancer service",
    usage: "kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
    required: &[],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("tcp", StringSlice, "[]", "Port pairs can be specified as '<port>:<targetPort>'."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};

#[rustfmt::skip]
pub(super) static CREATE_SERVICE_EXTERNALNAME: VerbDef = VerbDef {
    path: "create service externalname",
    about: "Create an ExternalName service",
    usage: "kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]",
    required: &["external-name"],
    flags: &[
        l("allow-missing-template-keys", Bool, "true", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."),
        l("dry-run", Str, "'none'", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.").no_opt("unchanged"),
        l("external-name", Str, "''", "External name of service"),
        l("field-manager", Str, "'kubectl-create'", "Name of the manager used to track field ownership."),
        f('o', "output", Str, "''", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        l("save-config", Bool, "false", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
        l("show-managed-fields", Bool, "false", "If true, keep the managedFields when printing objects in JSON or YAML format."),
        l("tcp", StringSlice, "[]", "Port pairs can be specified as '<port>:<targetPort>'."),
        l("template", Str, "''", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."),
        l("validate", Str, "'strict'", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.").no_opt("strict"),
    ],
};
