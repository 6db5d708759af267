//! `kubectl rollout restart`, `pause` and `resume` (kubectl's `objectrestarter.go` and
//! `objectpauser.go`/`objectresumer.go`). Restart stamps the pod template with
//! `kubectl.kubernetes.io/restartedAt` at the cluster's (virtual) time, which is a new
//! template and so a new roll-out. Pause and resume set and clear a Deployment's
//! `spec.paused` (the Deployment controller then holds its roll-out); StatefulSets and
//! other kinds get upstream's `pausing is not supported`.

use super::{patch_object, targets};
use crate::api::{Kind, Object};
use crate::kubectl::errors;
use crate::kubectl::verbs::VerbCtx;
use crate::printers::name::name_of;

pub const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";

/// `time.Now().Format(time.RFC3339)` on the cluster's clock (UTC).
fn rfc3339(ms: crate::api::time::Millis) -> String {
    k8s_openapi::jiff::fmt::strtime::format(
        "%Y-%m-%dT%H:%M:%SZ",
        crate::api::time::to_timestamp(ms),
    )
    .unwrap_or_default()
}

pub fn restart(ctx: &mut VerbCtx) -> i32 {
    if ctx.args.is_set("output") || ctx.args.is_set("dry-run") {
        return ctx.not_simulated("-o and --dry-run for kubectl rollout restart");
    }
    let objects = match targets(ctx) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let stamp = rfc3339(ctx.session.cluster.now());
    let mut code = 0;
    for obj in objects {
        let paused = matches!(obj.as_ref(), Object::Deployment(d)
            if d.spec.as_ref().and_then(|s| s.paused) == Some(true));
        let current = match obj.as_ref() {
            Object::StatefulSet(s) => s.spec.as_ref().map(|s| &s.template),
            Object::Deployment(d) => d.spec.as_ref().map(|s| &s.template),
            _ => None,
        };
        let err = if !matches!(obj.kind(), Kind::StatefulSet | Kind::Deployment) {
            Some("restarting is not supported".to_string())
        } else if paused {
            Some("can't restart paused deployment (run rollout resume first)".to_string())
        } else {
            None
        };
        if let Some(e) = err {
            ctx.sink.err(&format!(
                "error: {} {:?} {e}\n",
                obj.kind().info().resource_group(),
                obj.name()
            ));
            code = 1;
            continue;
        }
        let already = current
            .and_then(|t| t.metadata.as_ref())
            .and_then(|m| m.annotations.as_ref())
            .and_then(|a| a.get(RESTARTED_AT))
            == Some(&stamp);
        if already {
            ctx.sink.err(&format!("error: failed to create patch for {}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n", obj.name()));
            code = 1;
            continue;
        }
        let patch = serde_json::json!({"spec": {"template": {"metadata": {"annotations": {RESTARTED_AT: stamp}}}}});
        match patch_object(ctx, &obj, &patch) {
            Ok(o) => ctx.sink.out(&format!("{} restarted\n", name_of(&o))),
            Err(e) => {
                ctx.sink.err(&errors::render(&e));
                code = 1;
            }
        }
    }
    code
}

/// `rollout pause` (`pause` true) and `rollout resume` (`RunPause`/`RunResume` with
/// `ObjectPauserFn`/`ObjectResumerFn`): only Deployments can be paused. Each object that
/// changes is patched and printed (`deployment.apps/web paused`); the refusals
/// (`is already paused`, `is not paused`, `pausing is not supported`) are gathered and
/// printed after the rest, as kubectl's aggregated error is.
pub fn pause_or_resume(ctx: &mut VerbCtx, pause: bool) -> i32 {
    if ctx.args.is_set("output") || ctx.args.is_set("dry-run") {
        return ctx.not_simulated(&format!(
            "-o and --dry-run for kubectl rollout {}",
            if pause { "pause" } else { "resume" }
        ));
    }
    let objects = match targets(ctx) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut errs: Vec<String> = Vec::new();
    for obj in objects {
        let paused = match obj.as_ref() {
            Object::Deployment(d) => d.spec.as_ref().and_then(|s| s.paused) == Some(true),
            _ => {
                let verb = if pause { "pausing" } else { "resuming" };
                errs.push(pause_error(&obj, &format!("{verb} is not supported")));
                continue;
            }
        };
        if pause && paused {
            errs.push(pause_error(&obj, "is already paused"));
            continue;
        }
        if !pause && !paused {
            errs.push(pause_error(&obj, "is not paused"));
            continue;
        }
        // The two-way merge patch of `paused` (omitempty: resuming removes the field).
        let value = if pause {
            serde_json::Value::Bool(true)
        } else {
            serde_json::Value::Null
        };
        let patch = serde_json::json!({"spec": {"paused": value}});
        match patch_object(ctx, &obj, &patch) {
            Ok(o) => ctx.sink.out(&format!(
                "{} {}\n",
                name_of(&o),
                if pause { "paused" } else { "resumed" }
            )),
            Err(e) => errs.push(format!(
                "failed to patch: {}",
                errors::render(&e).trim_end()
            )),
        }
    }
    for e in &errs {
        let line = if e.starts_with("error: ") {
            e.clone()
        } else {
            format!("error: {e}")
        };
        ctx.sink.err(&format!("{line}\n"));
    }
    i32::from(!errs.is_empty())
}

/// `fmt.Errorf("error: %s %q %v", resource.group, name, err)`.
fn pause_error(obj: &Object, what: &str) -> String {
    format!(
        "error: {} {:?} {what}",
        obj.kind().info().resource_group(),
        obj.name()
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn restarted_at_is_rfc3339_utc() {
        assert_eq!(
            super::rfc3339(crate::api::time::EPOCH_MS + 62_000),
            "2025-03-03T10:01:02Z"
        );
    }
}
