//! The goal evaluator: whether a step's [`Goal`] holds, read from the cluster (through the
//! store, as `kubectl get` would see it) and from what the learner's commands printed.
//! A goal that does not hold says why, in plain words (for `check` and `--auto`).

use super::model::{ClaimsGoal, FileInPodGoal, Goal, ObjectGoal, PodsGoal};
use crate::api::labels::Selector;
use crate::api::{Kind, Object};
use crate::kubectl::session::Session;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use std::sync::Arc;

/// What a goal is checked against.
pub struct GoalCtx<'a> {
    pub session: &'a Session,
    /// Everything the commands typed during the current step printed.
    pub step_output: &'a str,
    /// What the last command printed.
    pub last_output: &'a str,
    /// Whether the last command failed (non-zero exit status).
    pub last_failed: bool,
}

/// Ok when the goal holds; Err says what is missing.
pub fn evaluate(goal: &Goal, ctx: &GoalCtx) -> Result<(), String> {
    match goal {
        Goal::Pods(p) | Goal::Pod(p) => pods(p, ctx),
        Goal::Claims(c) | Goal::Claim(c) => claims(c, ctx),
        Goal::Object(o) => object(o, ctx),
        Goal::OutputContains(t) => {
            if ctx.step_output.contains(t.as_str()) {
                Ok(())
            } else {
                Err(format!("no command in this step printed {t:?}"))
            }
        }
        Goal::LastOutputContains(t) => {
            if ctx.last_output.contains(t.as_str()) {
                Ok(())
            } else {
                Err(format!("the last command did not print {t:?}"))
            }
        }
        Goal::LastCommandFailed(want) => match (ctx.last_failed, want) {
            (true, true) | (false, false) => Ok(()),
            (false, true) => Err("the last command did not fail".into()),
            (true, false) => Err("the last command failed".into()),
        },
        Goal::FileInPod(f) => file_in_pod(f, ctx),
        Goal::AllOf(list) => list.iter().try_for_each(|g| evaluate(g, ctx)),
        Goal::AnyOf(list) => {
            let mut why = Vec::new();
            for g in list {
                match evaluate(g, ctx) {
                    Ok(()) => return Ok(()),
                    Err(e) => why.push(e),
                }
            }
            Err(format!("none of these holds: {}", why.join("; ")))
        }
        Goal::Not(g) => match evaluate(g, ctx) {
            Ok(()) => Err("a condition that must not hold holds".into()),
            Err(_) => Ok(()),
        },
    }
}

fn namespace<'a>(ns: &'a Option<String>, ctx: &'a GoalCtx) -> &'a str {
    ns.as_deref().unwrap_or(&ctx.session.namespace)
}

fn selected(
    ctx: &GoalCtx,
    kind: Kind,
    ns: &str,
    selector: &Option<String>,
) -> Result<Vec<Arc<Object>>, String> {
    let sel = match selector {
        Some(s) => Selector::parse(s).map_err(|e| format!("selector {s:?}: {e}"))?,
        None => Selector::everything(),
    };
    Ok(ctx
        .session
        .cluster
        .api
        .store
        .list(kind, Some(ns))
        .filter(|o| sel.matches(o.meta().labels.as_ref()))
        .cloned()
        .collect())
}

fn pod_ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

fn pods(goal: &PodsGoal, ctx: &GoalCtx) -> Result<(), String> {
    let ns = namespace(&goal.namespace, ctx);
    let found = selected(ctx, Kind::Pod, ns, &goal.selector)?;
    let live: Vec<&Arc<Object>> = found.iter().filter(|o| !o.is_terminating()).collect();
    let what = goal
        .selector
        .as_ref()
        .map(|s| format!("pods labelled {s}"))
        .unwrap_or_else(|| "pods".into());
    if let Some(n) = goal.count {
        if live.len() != n {
            return Err(format!("{n} {what} expected, {} found", live.len()));
        }
    }
    let names = goal.all_names();
    let checked: Vec<&Arc<Object>> = if names.is_empty() {
        if live.is_empty() && goal.count.is_none() {
            return Err(format!("no {what} yet"));
        }
        live
    } else {
        let mut out = Vec::new();
        for n in &names {
            match found.iter().find(|o| o.name() == n) {
                None => return Err(format!("pod {n} does not exist")),
                Some(o) if o.is_terminating() => return Err(format!("pod {n} is terminating")),
                Some(o) => out.push(o),
            }
        }
        out
    };
    for o in checked {
        let Some(pod) = o.as_typed::<Pod>() else {
            continue;
        };
        let phase = pod
            .status
            .as_ref()
            .and_then(|s| s.phase.as_deref())
            .unwrap_or("Pending");
        if let Some(want) = &goal.phase {
            if phase != want {
                return Err(format!("pod {} is {phase}, not {want}", o.name()));
            }
        }
        if let Some(want) = goal.ready {
            if pod_ready(pod) != want {
                let state = if want { "not Ready yet" } else { "Ready" };
                return Err(format!("pod {} is {state}", o.name()));
            }
        }
    }
    Ok(())
}

fn claims(goal: &ClaimsGoal, ctx: &GoalCtx) -> Result<(), String> {
    let ns = namespace(&goal.namespace, ctx);
    let found = selected(ctx, Kind::PersistentVolumeClaim, ns, &goal.selector)?;
    if let Some(n) = goal.count {
        if found.len() != n {
            return Err(format!("{n} claims expected, {} found", found.len()));
        }
    }
    let names = goal.all_names();
    let checked: Vec<&Arc<Object>> = if names.is_empty() {
        if found.is_empty() && goal.count.is_none() {
            return Err("no claims yet".into());
        }
        found.iter().collect()
    } else {
        let mut out = Vec::new();
        for n in &names {
            match found.iter().find(|o| o.name() == n) {
                None => return Err(format!("claim {n} does not exist")),
                Some(o) => out.push(o),
            }
        }
        out
    };
    if let Some(want) = &goal.phase {
        for o in checked {
            let phase = o
                .as_typed::<PersistentVolumeClaim>()
                .and_then(|c| c.status.as_ref())
                .and_then(|s| s.phase.as_deref())
                .unwrap_or("Pending");
            if phase != want {
                return Err(format!("claim {} is {phase}, not {want}", o.name()));
            }
        }
    }
    Ok(())
}

fn object(goal: &ObjectGoal, ctx: &GoalCtx) -> Result<(), String> {
    let kind = Kind::resolve(&goal.kind).ok_or_else(|| format!("unknown kind {}", goal.kind))?;
    let ns = namespace(&goal.namespace, ctx);
    let key = ObjKey::new(kind, ns, &goal.name);
    let singular = kind.info().singular;
    let obj = ctx.session.cluster.api.store.get(&key);
    match (obj, goal.exists) {
        (None, true) => return Err(format!("{singular} {} does not exist", goal.name)),
        (Some(_), false) => return Err(format!("{singular} {} still exists", goal.name)),
        (None, false) => return Ok(()),
        (Some(_), true) => {}
    }
    let Some(obj) = obj else { return Ok(()) };
    let json = obj.to_json();
    for (path, want) in &goal.fields {
        let segs = field_path(path).ok_or_else(|| format!("bad field path {path}"))?;
        let mut v = &json;
        for s in &segs {
            let next = match s {
                Seg::Key(k) => v.get(k),
                Seg::Index(i) => v.get(*i),
            };
            v = next.ok_or_else(|| format!("{singular} {} has no {path}", goal.name))?;
        }
        let have = scalar_json(v);
        let want = scalar_yaml(want);
        if have != want {
            return Err(format!(
                "{singular} {}: {path} is {have}, not {want}",
                goal.name
            ));
        }
    }
    Ok(())
}

fn scalar_json(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn scalar_yaml(v: &serde_yaml_ng::Value) -> String {
    match v {
        serde_yaml_ng::Value::String(s) => s.clone(),
        serde_yaml_ng::Value::Number(n) => n.to_string(),
        serde_yaml_ng::Value::Bool(b) => b.to_string(),
        serde_yaml_ng::Value::Null => "null".into(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// One step of a field path.
#[derive(Debug, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// `spec.template.spec.containers[0].image` into its steps; None when malformed.
pub fn field_path(path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() {
            return None;
        }
        out.push(Seg::Key(name.to_string()));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            out.push(Seg::Index(rest.get(1..close)?.parse().ok()?));
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with('[') {
                return None;
            }
        }
    }
    Some(out)
}

/// Reads the file from a copy of the runtime, so checking a goal never changes what the
/// learner's own commands will see.
fn file_in_pod(goal: &FileInPodGoal, ctx: &GoalCtx) -> Result<(), String> {
    let ns = namespace(&goal.namespace, ctx);
    let cluster = &ctx.session.cluster;
    let key = ObjKey::new(Kind::Pod, ns, &goal.pod);
    let pod = cluster
        .api
        .store
        .get(&key)
        .and_then(|o| o.as_typed::<Pod>().cloned())
        .ok_or_else(|| format!("pod {} does not exist", goal.pod))?;
    let running = pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running");
    if !running {
        return Err(format!("pod {} is not running", goal.pod));
    }
    let container = match &goal.container {
        Some(c) => c.clone(),
        None => pod
            .spec
            .as_ref()
            .and_then(|s| s.containers.first())
            .map(|c| c.name.clone())
            .unwrap_or_default(),
    };
    let mut runtime = cluster.runtime.clone();
    let now = cluster.now();
    let ck = runtime
        .ensure(&cluster.api.store, &key, &container, now)
        .ok_or_else(|| format!("pod {} has no container {container}", goal.pod))?;
    let text = runtime
        .fs(&ck, now)
        .ok_or_else(|| format!("pod {} has no container {container}", goal.pod))?
        .read("/", &goal.path)
        .map_err(|_| format!("{} in pod {} cannot be read", goal.path, goal.pod))?;
    if text.contains(goal.contains.as_str()) {
        Ok(())
    } else {
        Err(format!(
            "{} in pod {} does not contain {:?}",
            goal.path, goal.pod, goal.contains
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths() {
        assert_eq!(
            field_path("spec.containers[0].image"),
            Some(vec![
                Seg::Key("spec".into()),
                Seg::Key("containers".into()),
                Seg::Index(0),
                Seg::Key("image".into())
            ])
        );
        assert_eq!(field_path("a..b"), None);
        assert_eq!(field_path("a[x]"), None);
        assert_eq!(field_path("a[0]b"), None);
    }
}
