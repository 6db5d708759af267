//! Cluster information verbs: `version`, `api-resources`, `cluster-info`.

use super::VerbCtx;
use crate::api::KINDS;
use crate::cluster::bootstrap::KUBERNETES_VERSION;
use crate::printers::table::{Table, TableWriter};

pub const CLIENT_VERSION: &str = "v1.32.2";
pub const KUSTOMIZE_VERSION: &str = "v5.5.0";

pub fn version(ctx: &mut VerbCtx) -> i32 {
    match ctx.args.str("output").as_deref() {
        Some("json") => ctx.sink.out(&format!(
            "{{\n  \"clientVersion\": {{\n    \"major\": \"1\",\n    \"minor\": \"32\",\n    \"gitVersion\": \"{CLIENT_VERSION}\",\n    \"platform\": \"linux/amd64\"\n  }},\n  \"kustomizeVersion\": \"{KUSTOMIZE_VERSION}\",\n  \"serverVersion\": {{\n    \"major\": \"1\",\n    \"minor\": \"32\",\n    \"gitVersion\": \"{KUBERNETES_VERSION}\",\n    \"platform\": \"linux/amd64\"\n  }}\n}}\n"
        )),
        _ if ctx.args.bool("client") => ctx.sink.out(&format!("Client Version: {CLIENT_VERSION}\nKustomize Version: {KUSTOMIZE_VERSION}\n")),
        _ => ctx.sink.out(&format!("Client Version: {CLIENT_VERSION}\nKustomize Version: {KUSTOMIZE_VERSION}\nServer Version: {KUBERNETES_VERSION}\n")),
    }
    0
}

/// The resources this apiserver serves, in discovery order.
pub fn api_resources(ctx: &mut VerbCtx) -> i32 {
    let namespaced = if ctx.args.is_set("namespaced") {
        ctx.args.str("namespaced")
    } else {
        None
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for k in KINDS {
        if let Some(n) = &namespaced {
            if (n == "true") != k.namespaced {
                continue;
            }
        }
        if ctx.args.str("output").as_deref() == Some("name") {
            rows.push(vec![if k.group.is_empty() {
                k.plural.to_string()
            } else {
                format!("{}.{}", k.plural, k.group)
            }]);
            continue;
        }
        rows.push(vec![
            k.plural.to_string(),
            k.short_names.join(","),
            k.api_version(),
            k.namespaced.to_string(),
            k.name.to_string(),
        ]);
    }
    if ctx.args.str("output").as_deref() == Some("name") {
        for r in rows {
            ctx.sink.out(&format!("{}\n", r[0]));
        }
        return 0;
    }
    let table = Table {
        header: ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        rows,
    };
    let text = TableWriter::new().render(&table, !ctx.args.bool("no-headers"));
    ctx.sink.out(&text);
    0
}

pub fn cluster_info(ctx: &mut VerbCtx) -> i32 {
    if ctx.args.positionals().first().map(String::as_str) == Some("dump") {
        return ctx.not_simulated("kubectl cluster-info dump");
    }
    ctx.sink.out("Kubernetes control plane is running at https://127.0.0.1:6443\nCoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    0
}
