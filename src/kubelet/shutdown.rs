//! The kubelet stopping containers: a main process that exits on its own (restarted with
//! back-off, or the pod completes), and pods being deleted (SIGTERM, the grace period,
//! then the pod object's removal).

use super::images;
use super::{container_field, go_duration, status, terminated, Kubelet, Stage, CLEANUP_MS};

/// From a container's exit to its restart when no back-off holds it (the PLEG's relist).
const RESTART_MS: Millis = 1_000;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::apiserver::events::{EventType, Source};
use crate::apiserver::DeleteOptions;
use crate::cluster::Ctx;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{ContainerState, Pod};

impl Kubelet {
    pub(super) fn container_exited(
        &mut self,
        key: &ObjKey,
        pod: &Pod,
        code: i32,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        let mut run = self.pods.get(key).cloned()?;
        let spec = pod.spec.clone().unwrap_or_default();
        let started = run.started_at.unwrap_or(now);
        let policy = spec
            .restart_policy
            .clone()
            .unwrap_or_else(|| "Always".into());
        let restart = policy == "Always" || (policy == "OnFailure" && code != 0);
        let Some(Object::Pod(current)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) else {
            return None;
        };
        let mut st = current.status.clone().unwrap_or_default();
        let reason = if code == 0 { "Completed" } else { "Error" };
        for (i, cs) in st.container_statuses.iter_mut().flatten().enumerate() {
            cs.ready = false;
            cs.started = Some(false);
            cs.state = Some(ContainerState {
                terminated: Some(terminated(
                    started,
                    now,
                    code,
                    run.container_ids.get(i).cloned(),
                )),
                ..Default::default()
            });
        }
        status::set_condition(
            &mut st,
            "Ready",
            "False",
            Some(if restart {
                "ContainersNotReady"
            } else {
                "PodCompleted"
            }),
            now,
        );
        status::set_condition(
            &mut st,
            "ContainersReady",
            "False",
            Some(if restart {
                "ContainersNotReady"
            } else {
                "PodCompleted"
            }),
            now,
        );
        if !restart {
            st.phase = Some(if code == 0 { "Succeeded" } else { "Failed" }.into());
            status::set_condition(&mut st, "PodReadyToStartContainers", "False", None, now);
        }
        let mut next = current.clone();
        next.status = Some(st);
        let _ = ctx.api.update_status(Object::Pod(next));
        ctx.note(format!(
            "{}: container exited with code {code} ({reason})",
            key.name
        ));
        run.last_exit = Some((started, now, code));
        if !restart {
            run.stage = Stage::BackOff {
                restart_at: None,
                crash_loop: false,
            };
            self.pods.insert(key.clone(), run);
            return None;
        }
        // Restart at once unless still in back-off since it finished (the first exit,
        // or one long after the last); otherwise wait: 10s, 20s, 40s ... up to 5m.
        if !run.backoff.in_backoff_since(now, now) {
            run.backoff.next(now);
            run.stage = Stage::BackOff {
                restart_at: Some(now + RESTART_MS),
                crash_loop: false,
            };
            self.pods.insert(key.clone(), run);
            return Some(RESTART_MS);
        }
        let backoff = run.backoff.current;
        run.stage = Stage::BackOff {
            restart_at: Some(now + backoff),
            crash_loop: true,
        };
        self.pods.insert(key.clone(), run.clone());
        if let Some(c) = spec.containers.first() {
            let uid = pod.metadata.uid.clone().unwrap_or_default();
            let msg = format!(
                "back-off {} restarting failed container={} pod={}_{}({uid})",
                go_duration(backoff),
                c.name,
                key.name,
                key.namespace
            );
            self.write_waiting(key, "CrashLoopBackOff", &msg, ctx);
            let obj = crate::apiserver::events::Involved::of(Kind::Pod, &pod.metadata);
            ctx.api.record_event(
                &obj,
                Some(&container_field(&c.name)),
                EventType::Warning,
                "BackOff",
                &format!(
                    "Back-off restarting failed container {} in pod {}_{}({uid})",
                    c.name, key.name, key.namespace
                ),
                &Source::kubelet(&run.node),
            );
        }
        Some(backoff)
    }

    pub(super) fn terminate(&mut self, key: &ObjKey, pod: &Pod, ctx: &mut Ctx) -> Option<Millis> {
        let now = ctx.now();
        let grace = (pod.metadata.deletion_grace_period_seconds.unwrap_or(30)).saturating_mul(1000);
        let run = self.pods.get(key).cloned();
        let running = matches!(run.as_ref().map(|r| &r.stage), Some(Stage::Running { .. }));
        match run.as_ref().map(|r| r.stage.clone()) {
            Some(Stage::Killing { until }) if now < until && grace > 0 => return Some(until - now),
            Some(Stage::Killing { .. }) => {}
            Some(Stage::Stopped { remove_at }) if now < remove_at => return Some(remove_at - now),
            Some(Stage::Stopped { .. }) => {
                self.remove_pod_object(key, "volumes unmounted", ctx);
                return None;
            }
            _ if running && grace > 0 => {
                let spec = pod.spec.clone().unwrap_or_default();
                let obj = crate::apiserver::events::Involved::of(Kind::Pod, &pod.metadata);
                let source =
                    Source::kubelet(&run.as_ref().map(|r| r.node.clone()).unwrap_or_default());
                let mut stop = 0;
                for c in &spec.containers {
                    ctx.api.record_event(
                        &obj,
                        Some(&container_field(&c.name)),
                        EventType::Normal,
                        "Killing",
                        &format!("Stopping container {}", c.name),
                        &source,
                    );
                    let t = images::profile(c.image.as_deref().unwrap_or(""))
                        .stop_ms
                        .unwrap_or(grace)
                        .min(grace);
                    stop = stop.max(t);
                }
                ctx.note(format!(
                    "{}: SIGTERM sent; containers stop in {}",
                    key.name,
                    go_duration(stop)
                ));
                let mut r = run.clone().expect("running");
                r.stage = Stage::Killing {
                    until: now.saturating_add(stop),
                };
                self.pods.insert(key.clone(), r);
                return Some(stop.max(1));
            }
            _ => {}
        }
        // Containers are gone: report it, then remove the pod object.
        if running || matches!(run.as_ref().map(|r| &r.stage), Some(Stage::Killing { .. })) {
            if let Some(Object::Pod(current)) = ctx.api.try_get(key).map(|o| o.as_ref().clone()) {
                let mut st = current.status.clone().unwrap_or_default();
                let started = run.as_ref().and_then(|r| r.started_at).unwrap_or(now);
                let code = if now - started >= grace && grace > 0 {
                    137
                } else {
                    0
                };
                for (i, cs) in st.container_statuses.iter_mut().flatten().enumerate() {
                    cs.ready = false;
                    cs.started = Some(false);
                    cs.state = Some(ContainerState {
                        terminated: Some(terminated(
                            started,
                            now,
                            code,
                            run.as_ref().and_then(|r| r.container_ids.get(i).cloned()),
                        )),
                        ..Default::default()
                    });
                }
                status::set_condition(&mut st, "Ready", "False", Some("PodCompleted"), now);
                status::set_condition(
                    &mut st,
                    "ContainersReady",
                    "False",
                    Some("PodCompleted"),
                    now,
                );
                let mut next = current.clone();
                next.status = Some(st);
                let _ = ctx.api.update_status(Object::Pod(next));
            }
            if let Some(mut r) = run.clone() {
                r.stage = Stage::Stopped {
                    remove_at: now + CLEANUP_MS,
                };
                self.pods.insert(key.clone(), r);
                ctx.note(format!("{}: containers stopped", key.name));
                return Some(CLEANUP_MS);
            }
        }
        self.remove_pod_object(key, "containers stopped", ctx);
        None
    }

    /// The pod's containers and volumes are gone: the kubelet forgets the pod and removes
    /// its object (a delete with grace period 0, as the status manager does).
    fn remove_pod_object(&mut self, key: &ObjKey, done: &str, ctx: &mut Ctx) {
        self.pods.remove(key);
        let _ = ctx.api.delete(
            key,
            &DeleteOptions {
                grace_period: Some(0),
                ..Default::default()
            },
        );
        ctx.note(format!("{}: {done}; pod object removed", key.name));
    }
}
