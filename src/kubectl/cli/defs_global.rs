//! Global flags: `kubectl options`, accepted before and after any verb.
//!
//! Names, defaults and help are facts read from kubectl v1.32's `kubectl options` output.

use super::defs::{f, l, FlagDef, ValueKind::*};

#[rustfmt::skip]
pub(super) static GLOBAL_FLAGS: &[FlagDef] = &[
    l("as", Str, "''", "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."),
    l("as-group", StringArray, "[]", "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."),
    l("as-uid", Str, "''", "UID to impersonate for the operation."),
    l("cache-dir", Str, "'/root/.kube/cache'", "Default cache directory"),
    l("certificate-authority", Str, "''", "Path to a cert file for the certificate authority"),
    l("client-certificate", Str, "''", "Path to a client certificate file for TLS"),
    l("client-key", Str, "''", "Path to a client key file for TLS"),
    l("cluster", Str, "''", "The name of the kubeconfig cluster to use"),
    l("context", Str, "''", "The name of the kubeconfig context to use"),
    l("disable-compression", Bool, "false", "If true, opt-out of response compression for all requests to the server"),
    l("insecure-skip-tls-verify", Bool, "false", "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"),
    l("kubeconfig", Str, "''", "Path to the kubeconfig file to use for CLI requests."),
    l("log-flush-frequency", Duration, "5s", "Maximum number of seconds between log flushes"),
    l("match-server-version", Bool, "false", "Require server version to match client version"),
    f('n', "namespace", Str, "''", "If present, the namespace scope for this CLI request"),
    l("password", Str, "''", "Password for basic authentication to the API server"),
    l("profile", Str, "'none'", "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"),
    l("profile-output", Str, "'profile.pprof'", "Name of the file to write the profile to"),
    l("request-timeout", Str, "'0'", "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."),
    f('s', "server", Str, "''", "The address and port of the Kubernetes API server"),
    l("tls-server-name", Str, "''", "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"),
    l("token", Str, "''", "Bearer token for authentication to the API server"),
    l("user", Str, "''", "The name of the kubeconfig user to use"),
    l("username", Str, "''", "Username for basic authentication to the API server"),
    f('v', "v", Level, "0", "number for the log level verbosity"),
    l("vmodule", Str, "", "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"),
    l("warnings-as-errors", Bool, "false", "Treat warnings received from the server as errors and exit with a non-zero exit code"),
];
