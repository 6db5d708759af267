//! `kubectl drain`: cordon the nodes, then evict their pods as kubectl's drain package
//! does. The pods are filtered first (pkg/drain/filters.go, in its order: DaemonSet-
//! managed, mirror, local storage, unreplicated) and any refusal stops the node
//! (`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ...`);
//! otherwise each pod is evicted (`evicting pod NS/NAME`) and waited for until it is gone
//! (`pod/NAME evicted`), and the node is `drained`. The sandbox has no
//! PodDisruptionBudgets, so an eviction is a graceful delete.

use super::nodes::{cordon_nodes, dry_run_suffix, target_nodes};
use super::VerbCtx;
use crate::api::errors::go_quote;
use crate::api::Kind;
use crate::apiserver::DeleteOptions;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Node, Pod};
use std::collections::BTreeMap;

const DAEMONSET_FATAL: &str = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING: &str = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL: &str =
    "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING: &str = "deleting Pods with local storage";
// v1.32's wording, "cannot delete" twice included.
const UNMANAGED_FATAL: &str =
    "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING: &str = "deleting Pods that declare no controller";
const MIRROR_ANNOTATION: &str = "kubernetes.io/config.mirror";

/// What the filters decided for one pod.
#[derive(Clone, Debug, PartialEq)]
enum Verdict {
    Okay,
    Skip,
    Warning { delete: bool, message: &'static str },
    Error(&'static str),
}

impl Verdict {
    fn deletes(&self) -> bool {
        matches!(self, Verdict::Okay | Verdict::Warning { delete: true, .. })
    }
}

/// The drain flags that decide the filters.
struct Options {
    ignore_daemonsets: bool,
    delete_emptydir_data: bool,
    force: bool,
}

fn finished(pod: &Pod) -> bool {
    matches!(
        pod.status.as_ref().and_then(|s| s.phase.as_deref()),
        Some("Succeeded" | "Failed")
    )
}

fn controller_kind(pod: &Pod) -> Option<&str> {
    pod.metadata
        .owner_references
        .iter()
        .flatten()
        .find(|r| r.controller == Some(true))
        .map(|r| r.kind.as_str())
}

/// The filter chain; it stops at the first filter that does not delete, and the last
/// filter's verdict stands (so an earlier warning can be lost, as upstream notes).
fn filter(pod: &Pod, o: &Options) -> Verdict {
    let filters: [&dyn Fn() -> Verdict; 4] = [
        &|| match controller_kind(pod) {
            Some("DaemonSet") if !finished(pod) => {
                if o.ignore_daemonsets {
                    Verdict::Warning {
                        delete: false,
                        message: DAEMONSET_WARNING,
                    }
                } else {
                    Verdict::Error(DAEMONSET_FATAL)
                }
            }
            _ => Verdict::Okay,
        },
        &|| {
            if pod
                .metadata
                .annotations
                .as_ref()
                .is_some_and(|a| a.contains_key(MIRROR_ANNOTATION))
            {
                Verdict::Skip
            } else {
                Verdict::Okay
            }
        },
        &|| {
            let local = pod
                .spec
                .iter()
                .flat_map(|s| s.volumes.iter().flatten())
                .any(|v| v.empty_dir.is_some());
            if !local || finished(pod) {
                Verdict::Okay
            } else if o.delete_emptydir_data {
                Verdict::Warning {
                    delete: true,
                    message: LOCAL_STORAGE_WARNING,
                }
            } else {
                Verdict::Error(LOCAL_STORAGE_FATAL)
            }
        },
        &|| {
            if finished(pod) || controller_kind(pod).is_some() {
                Verdict::Okay
            } else if o.force {
                Verdict::Warning {
                    delete: true,
                    message: UNMANAGED_WARNING,
                }
            } else {
                Verdict::Error(UNMANAGED_FATAL)
            }
        },
    ];
    let mut verdict = Verdict::Okay;
    for f in filters {
        verdict = f();
        if !verdict.deletes() {
            break;
        }
    }
    verdict
}

/// `ns/name` lists grouped by message (sorted, where upstream's map order is random).
fn grouped<'a>(
    items: impl Iterator<Item = (&'static str, &'a Pod)>,
) -> BTreeMap<&'static str, Vec<String>> {
    let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (msg, pod) in items {
        out.entry(msg).or_default().push(format!(
            "{}/{}",
            pod.metadata.namespace.as_deref().unwrap_or(""),
            pod.metadata.name.as_deref().unwrap_or("")
        ));
    }
    out
}

pub fn drain(ctx: &mut VerbCtx) -> i32 {
    match ctx.args.str("dry-run").as_deref() {
        None | Some("none" | "client" | "server" | "unchanged") => {}
        Some(other) => {
            return ctx.fail(&format!(
                "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
            ))
        }
    }
    let pod_selector = match ctx.args.str("pod-selector") {
        Some(s) => match crate::api::labels::Selector::parse(&s) {
            Ok(sel) => Some(sel),
            Err(e) => return ctx.fail(&e),
        },
        None => None,
    };
    let Some(nodes) = target_nodes(ctx) else {
        return 1;
    };
    cordon_nodes(ctx, &nodes, true);
    let mut fatal: Vec<Vec<String>> = Vec::new();
    let mut remaining: Vec<String> = Vec::new();
    for node in &nodes {
        let name = node.metadata.name.clone().unwrap_or_default();
        match drain_node(ctx, node, pod_selector.as_ref()) {
            Ok(()) => {
                let suffix = dry_run_suffix(ctx);
                ctx.sink.out(&format!("node/{name} drained{suffix}\n"));
            }
            Err(errs) => {
                ctx.sink.err(&format!(
                    "error: unable to drain node {} due to error: {}, continuing command...\n",
                    go_quote(&name),
                    aggregate(&errs)
                ));
                fatal.push(errs);
                remaining.push(name);
            }
        }
    }
    if remaining.is_empty() {
        return 0;
    }
    ctx.sink.err("There are pending nodes to be drained:\n");
    for n in &remaining {
        ctx.sink.err(&format!(" {n}\n"));
    }
    // kubectl prints an aggregate's errors one a line, without `error: `; an aggregate of
    // one is unwrapped first.
    let lines: Vec<String> = if fatal.len() == 1 {
        fatal.remove(0)
    } else {
        fatal.iter().map(|e| aggregate(e)).collect()
    };
    for l in lines {
        ctx.sink.err(&format!("{l}\n"));
    }
    1
}

/// An aggregate error's message: one error as itself, more as `[a, b]`.
fn aggregate(errs: &[String]) -> String {
    if errs.len() == 1 {
        errs[0].clone()
    } else {
        format!("[{}]", errs.join(", "))
    }
}

/// Filter, then evict and wait for the pods of one node.
fn drain_node(
    ctx: &mut VerbCtx,
    node: &Node,
    pod_selector: Option<&crate::api::labels::Selector>,
) -> Result<(), Vec<String>> {
    let name = node.metadata.name.clone().unwrap_or_default();
    let options = Options {
        ignore_daemonsets: ctx.args.bool("ignore-daemonsets"),
        delete_emptydir_data: ctx.args.bool("delete-emptydir-data"),
        force: ctx.args.bool("force"),
    };
    let pods: Vec<Pod> = ctx
        .session
        .cluster
        .api
        .store
        .list(Kind::Pod, None)
        .filter_map(|o| o.as_typed::<Pod>())
        .filter(|p| p.spec.as_ref().and_then(|s| s.node_name.as_deref()) == Some(name.as_str()))
        .filter(|p| pod_selector.is_none_or(|s| s.matches(p.metadata.labels.as_ref())))
        .cloned()
        .collect();
    let verdicts: Vec<(Pod, Verdict)> = pods
        .into_iter()
        .map(|p| {
            let v = filter(&p, &options);
            (p, v)
        })
        .collect();
    let errors = grouped(verdicts.iter().filter_map(|(p, v)| match v {
        Verdict::Error(m) => Some((*m, p)),
        _ => None,
    }));
    if !errors.is_empty() {
        return Err(errors
            .iter()
            .map(|(m, pods)| format!("cannot delete {m}: {}", pods.join(", ")))
            .collect());
    }
    let warnings = grouped(verdicts.iter().filter_map(|(p, v)| match v {
        Verdict::Warning { message, .. } => Some((*message, p)),
        _ => None,
    }));
    if !warnings.is_empty() {
        let text: Vec<String> = warnings
            .iter()
            .map(|(m, pods)| format!("{m}: {}", pods.join(", ")))
            .collect();
        ctx.sink.err(&format!("Warning: {}\n", text.join("; ")));
    }
    let to_evict: Vec<Pod> = verdicts
        .into_iter()
        .filter(|(_, v)| v.deletes())
        .map(|(p, _)| p)
        .collect();
    let suffix = dry_run_suffix(ctx);
    if !suffix.is_empty() {
        for p in &to_evict {
            ctx.sink.out(&format!(
                "evicting pod {}/{}{suffix}\n",
                p.metadata.namespace.as_deref().unwrap_or(""),
                p.metadata.name.as_deref().unwrap_or("")
            ));
        }
        return Ok(());
    }
    let grace = match ctx.args.int("grace-period") {
        Ok(g) => g.filter(|g| *g >= 0),
        Err(e) => return Err(vec![e]),
    };
    let opts = DeleteOptions {
        grace_period: grace,
        ..Default::default()
    };
    let mut waiting: Vec<(ObjKey, String)> = Vec::new();
    for p in &to_evict {
        let ns = p.metadata.namespace.clone().unwrap_or_default();
        let pname = p.metadata.name.clone().unwrap_or_default();
        ctx.sink.out(&format!("evicting pod {ns}/{pname}\n"));
        let key = ObjKey::new(Kind::Pod, &ns, &pname);
        match ctx.session.cluster.api.delete(&key, &opts) {
            Ok(_) => waiting.push((key, p.metadata.uid.clone().unwrap_or_default())),
            Err(e) if e.reason == crate::api::Reason::NotFound => {
                ctx.sink.out(&format!("pod/{pname} evicted\n"));
            }
            Err(e) => {
                return Err(vec![format!(
                    "error when evicting pods/{} -n {}: {}",
                    go_quote(&pname),
                    go_quote(&ns),
                    e.message
                )])
            }
        }
    }
    // Wait for each to be gone (or replaced by a new pod of the same name).
    let timeout_ms = match ctx.args.str("timeout") {
        Some(t) => crate::kubectl::verbs::get::parse_duration_ms(&t).unwrap_or(0),
        None => 0,
    };
    let budget = if timeout_ms > 0 {
        timeout_ms
    } else {
        ctx.session.limits.delete_wait_ms
    };
    let limit = ctx.session.cluster.now().saturating_add(budget);
    loop {
        let api = &ctx.session.cluster.api;
        let (gone, still): (Vec<_>, Vec<_>) = waiting
            .into_iter()
            .partition(|(k, uid)| api.try_get(k).is_none_or(|o| o.uid() != uid.as_str()));
        for (k, _) in &gone {
            ctx.sink.out(&format!("pod/{} evicted\n", k.name));
        }
        waiting = still;
        if waiting.is_empty() {
            return Ok(());
        }
        if !ctx.session.cluster.step_until(limit) {
            let (k, _) = &waiting[0];
            return Err(vec![format!(
                "error when waiting for pod {} in namespace {} to terminate: global timeout reached: {}",
                go_quote(&k.name),
                go_quote(&k.namespace),
                crate::kubelet::go_duration(budget)
            )]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::{EmptyDirVolumeSource, PodSpec, Volume};
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;

    fn pod(owner: Option<&str>, empty_dir: bool) -> Pod {
        let mut p = Pod::default();
        p.metadata.owner_references = owner.map(|k| {
            vec![OwnerReference {
                kind: k.into(),
                controller: Some(true),
                ..Default::default()
            }]
        });
        p.spec = Some(PodSpec {
            volumes: empty_dir.then(|| {
                vec![Volume {
                    name: "scratch".into(),
                    empty_dir: Some(EmptyDirVolumeSource::default()),
                    ..Default::default()
                }]
            }),
            ..Default::default()
        });
        p
    }

    fn opts(ignore: bool, emptydir: bool, force: bool) -> Options {
        Options {
            ignore_daemonsets: ignore,
            delete_emptydir_data: emptydir,
            force,
        }
    }

    #[test]
    fn filters_in_upstream_order() {
        let ds = pod(Some("DaemonSet"), true);
        assert_eq!(
            filter(&ds, &opts(false, false, false)),
            Verdict::Error(DAEMONSET_FATAL)
        );
        assert_eq!(
            filter(&ds, &opts(true, false, false)),
            Verdict::Warning {
                delete: false,
                message: DAEMONSET_WARNING
            }
        );
        let sts = pod(Some("StatefulSet"), true);
        assert_eq!(
            filter(&sts, &opts(true, false, false)),
            Verdict::Error(LOCAL_STORAGE_FATAL)
        );
        // The local-storage warning is dropped by the filter after it.
        assert_eq!(filter(&sts, &opts(true, true, false)), Verdict::Okay);
        let bare = pod(None, false);
        assert_eq!(
            filter(&bare, &opts(true, true, false)),
            Verdict::Error(UNMANAGED_FATAL)
        );
        assert!(filter(&bare, &opts(true, true, true)).deletes());
    }
}
