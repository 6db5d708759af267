//! `kubectl rollout restart`, `pause` and `resume` (kubectl's `objectrestarter.go` and
//! `objectpauser.go`/`objectresumer.go`). Restart stamps the pod template with
//! `kubectl.kubernetes.io/restartedAt` at the cluster's (virtual) time, which is a new
//! template and so a new roll-out. StatefulSets cannot be paused, as upstream says; the
//! sandbox's Deployment controller does not model a paused roll-out, so pausing one is
//! reported as not simulated.

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

/// `rollout pause` (`pause` true) and `rollout resume`.
pub fn pause_or_resume(ctx: &mut VerbCtx, pause: bool) -> i32 {
    let objects = match targets(ctx) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut code = 0;
    for obj in objects {
        if obj.kind() == Kind::Deployment {
            code = ctx.not_simulated(&format!(
                "kubectl rollout {} for Deployments (the sandbox's Deployment controller has no paused roll-outs)",
                if pause { "pause" } else { "resume" }
            ));
            continue;
        }
        ctx.sink.err(&format!(
            "error: {} {:?} {} is not supported\n",
            obj.kind().info().resource_group(),
            obj.name(),
            if pause { "pausing" } else { "resuming" }
        ));
        code = 1;
    }
    code
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
