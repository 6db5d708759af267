//! The kubelet starting a pod: accepting it (`ContainerCreating`, image pulls), starting
//! its containers (`Running`, Ready at once or after the readiness delay), and the status
//! it reports on the way. Each step reads the pod in place, decides, then writes only the
//! status (`set_status`), so the stored pod is never copied just to be reported on.

use super::{
    concat, container_events, container_field, exits_after, go_duration, image_names, images,
    no_spec, node_ip, node_run, status, stored_pod, terminated, ContainerImage, Kubelet, PodRun,
    Stage, ACCEPT_MS, START_MS,
};
use crate::api::time::{to_time, Millis};
use crate::api::Kind;
use crate::apiserver::events::{EventType, Involved, Source};
use crate::cluster::Ctx;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{
    ContainerState, ContainerStateRunning, ContainerStateWaiting, ContainerStatus, HostIP, Node,
    Pod, PodIP, PodSpec,
};

impl Kubelet {
    pub(super) fn accept(
        &mut self,
        key: &ObjKey,
        node_name: &str,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        let host_ip = ctx
            .api
            .try_get(&ObjKey::new(Kind::Node, "", node_name))
            .and_then(|o| o.as_typed::<Node>())
            .map(node_ip)
            .unwrap_or_default();
        let (st, involved, containers) = {
            let pod = stored_pod(ctx, key)?;
            let spec = pod.spec.as_ref().unwrap_or(no_spec());
            let mut st = pod.status.clone().unwrap_or_default();
            st.phase = Some("Pending".into());
            st.host_ip = Some(host_ip.clone());
            st.host_ips = Some(vec![HostIP {
                ip: host_ip.clone(),
            }]);
            st.start_time = Some(to_time(now));
            st.qos_class = Some(crate::admission::qos_class(spec).to_string());
            status::set_condition(&mut st, "PodReadyToStartContainers", "False", None, now);
            status::set_condition(&mut st, "Initialized", "True", None, now);
            status::set_condition(&mut st, "Ready", "False", Some("ContainersNotReady"), now);
            status::set_condition(
                &mut st,
                "ContainersReady",
                "False",
                Some("ContainersNotReady"),
                now,
            );
            status::set_condition(&mut st, "PodScheduled", "True", None, now);
            let unready = unready_message(spec);
            for c in st.conditions.iter_mut().flatten() {
                if c.type_ == "Ready" || c.type_ == "ContainersReady" {
                    c.message = Some(unready.clone());
                }
            }
            st.container_statuses = Some(
                spec.containers
                    .iter()
                    .map(|c| ContainerStatus {
                        name: c.name.clone(),
                        image: c.image.clone().unwrap_or_default(),
                        image_id: String::new(),
                        ready: false,
                        restart_count: 0,
                        started: Some(false),
                        state: Some(ContainerState {
                            waiting: Some(ContainerStateWaiting {
                                reason: Some("ContainerCreating".into()),
                                message: None,
                            }),
                            ..Default::default()
                        }),
                        ..Default::default()
                    })
                    .collect(),
            );
            let containers: Vec<ContainerImage> =
                spec.containers.iter().map(ContainerImage::of).collect();
            (st, Involved::of(Kind::Pod, &pod.metadata), containers)
        };
        let _ = ctx.api.set_status::<Pod>(key, Some(st));

        // Pull what is missing.
        let source = Source::kubelet(node_name);
        let node_run = node_run(&mut self.nodes, node_name);
        let mut pull_ms = 0;
        let mut failing: Option<(String, String)> = None;
        for c in &containers {
            let image = &c.image;
            if let Some(err) = images::pull_error(image) {
                let events = [
                    (EventType::Warning, "InspectFailed", err.as_str()),
                    (EventType::Warning, "Failed", "Error: InvalidImageName"),
                ];
                container_events(ctx, &involved, &c.name, &source, &events);
                self.write_waiting(key, "InvalidImageName", &err, ctx);
                ctx.note(format!(
                    "{}: cannot pull {image}: invalid reference",
                    key.name
                ));
                self.pods.insert(
                    key.clone(),
                    PodRun::new(
                        Stage::BackOff {
                            restart_at: None,
                            crash_loop: false,
                        },
                        node_name,
                    ),
                );
                return None;
            }
            if images::pull_policy_pulls(c.pull_policy.as_deref(), node_run.images.contains(image))
                && !super::pullable(&mut self.pullable, image)
            {
                failing = Some((c.name.clone(), image.clone()));
                break;
            }
            let policy = c.pull_policy.as_deref().unwrap_or("IfNotPresent");
            let present = node_run.images.contains(image);
            if present && policy != "Always" {
                continue;
            }
            ctx.api.record_event(
                &involved,
                Some(&container_field(&c.name)),
                EventType::Normal,
                "Pulling",
                &concat(&["Pulling image \"", image, "\""]),
                &source,
            );
            pull_ms += if present {
                900
            } else {
                image_names(&mut self.image_ids, image).profile.pull_ms
            };
        }
        if let Some((container, image)) = failing {
            return self.start_failing_pull(key, node_name, &involved, &container, &image, ctx);
        }
        let pulling = if pull_ms > 0 {
            go_duration(pull_ms)
        } else {
            "none needed".into()
        };
        ctx.note(concat(&[
            &key.name,
            ": preparing on ",
            node_name,
            " (pulling images: ",
            &pulling,
            ")",
        ]));
        let until = now + ACCEPT_MS + pull_ms + START_MS;
        self.pods.insert(
            key.clone(),
            PodRun::new(Stage::Preparing { until }, node_name),
        );
        Some(until - now)
    }

    pub(super) fn start(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let now = ctx.now();
        let mut run = self.pods.get(key).cloned()?;
        // When the main container exits on its own, and when it becomes Ready.
        let (involved, containers, host_network_ip, exit_at, ready_at) = {
            let pod = stored_pod(ctx, key)?;
            let spec = pod.spec.as_ref().unwrap_or(no_spec());
            let host_network_ip = (spec.host_network == Some(true)).then(|| {
                pod.status
                    .as_ref()
                    .and_then(|s| s.host_ip.clone())
                    .unwrap_or_default()
            });
            let main = spec.containers.first()?;
            let profile =
                image_names(&mut self.image_ids, main.image.as_deref().unwrap_or("")).profile;
            let mut exit_at = exits_after(main, &profile).map(|(after, code)| (now + after, code));
            if run.faults.crash_loop {
                // Broken on purpose: the process dies as it starts.
                exit_at = Some((now + profile.start_ms + 700, 1));
            }
            // Probe workers start over with each new container.
            run.probes = super::prober::workers_for(&spec.containers, now, profile.start_ms);
            let gated = run
                .probes
                .iter()
                .any(|w| w.kind != super::prober::ProbeKind::Liveness);
            let ready_at = if exit_at.is_some() || gated {
                None
            } else {
                Some(now)
            };
            let containers: Vec<ContainerImage> =
                spec.containers.iter().map(ContainerImage::of).collect();
            (
                Involved::of(Kind::Pod, &pod.metadata),
                containers,
                host_network_ip,
                exit_at,
                ready_at,
            )
        };
        let source = Source::kubelet(&run.node);
        let first_start = run.started_at.is_none() && run.restarts == 0;
        // A new container in place of one that exited: the restart count moves now.
        if run.started_at.is_some() {
            run.restarts += 1;
        }
        let node_run = node_run(&mut self.nodes, &run.node);
        for c in &containers {
            let image = &c.image;
            let field = container_field(&c.name);
            let policy = c.pull_policy.as_deref().unwrap_or("IfNotPresent");
            if node_run.images.contains(image) && (policy != "Always" || !first_start) {
                ctx.api.record_event(
                    &involved,
                    Some(&field),
                    EventType::Normal,
                    "Pulled",
                    &concat(&["Container image \"", image, "\" already present on machine"]),
                    &source,
                );
            } else {
                let profile = image_names(&mut self.image_ids, image).profile;
                let d = go_duration(profile.pull_ms);
                ctx.api.record_event(&involved, Some(&field), EventType::Normal, "Pulled", &format!("Successfully pulled image \"{image}\" in {d} ({d} including waiting). Image size: {} bytes.", profile.size_bytes), &source);
                node_run.images.insert(image.clone());
            }
            ctx.api.record_event(
                &involved,
                Some(&field),
                EventType::Normal,
                "Created",
                &concat(&["Created container: ", &c.name]),
                &source,
            );
            ctx.api.record_event(
                &involved,
                Some(&field),
                EventType::Normal,
                "Started",
                &concat(&["Started container ", &c.name]),
                &source,
            );
        }
        if run.ip.is_none() {
            run.ip = Some(match host_network_ip {
                Some(ip) => ip,
                None => self.allocate_ip(&run.node, ctx),
            });
        }
        run.container_ids = containers
            .iter()
            .map(|_| concat(&["containerd://", &ctx.api.ids.hex(64)]))
            .collect();
        run.started_at = Some(now);
        run.stage = Stage::Running { ready_at, exit_at };
        let run_next_probe = run
            .probes
            .iter()
            .filter(|w| !w.on_hold)
            .map(|w| w.next_at)
            .min();
        self.pods.insert(key.clone(), run);
        let ready = ready_at == Some(now);
        self.write_running(key, ready, ctx);
        ctx.note(concat(&[
            &key.name,
            ": containers started",
            if ready {
                "; Ready (no readiness probe)"
            } else {
                ""
            },
        ]));
        let mut next: Vec<Millis> = Vec::new();
        if let Some(t) = ready_at.filter(|t| *t > now) {
            next.push(t - now);
        }
        if let Some((t, _)) = exit_at {
            next.push(t - now);
        }
        if let Some(t) = run_next_probe {
            next.push((t - now).max(1));
        }
        next.into_iter().min()
    }

    /// Report the containers running (and Ready or not).
    pub(super) fn write_running(&mut self, key: &ObjKey, ready: bool, ctx: &mut Ctx) {
        let now = ctx.now();
        let Some(current) = stored_pod(ctx, key) else {
            return;
        };
        let reported: Vec<super::ImageNames> = current
            .spec
            .as_ref()
            .unwrap_or(no_spec())
            .containers
            .iter()
            .map(|c| {
                self.image_names(c.image.as_deref().unwrap_or_default())
                    .clone()
            })
            .collect();
        let Some(run) = self.pods.get(key) else {
            return;
        };
        let spec = current.spec.as_ref().unwrap_or(no_spec());
        let mut st = status::running_base(current.status.as_ref());
        st.phase = Some("Running".into());
        let ip = run.ip.clone().unwrap_or_default();
        st.pod_ip = Some(ip.clone());
        st.pod_ips = Some(vec![PodIP { ip }]);
        status::set_condition(&mut st, "PodReadyToStartContainers", "True", None, now);
        let (r, reason) = if ready {
            ("True", None)
        } else {
            ("False", Some("ContainersNotReady"))
        };
        status::set_condition(&mut st, "Ready", r, reason, now);
        status::set_condition(&mut st, "ContainersReady", r, reason, now);
        let unready = (!ready).then(|| unready_message(spec));
        for c in st.conditions.iter_mut().flatten() {
            if c.type_ == "Ready" || c.type_ == "ContainersReady" {
                c.message.clone_from(&unready);
            }
        }
        let mut reported = reported.into_iter();
        st.container_statuses = Some(
            spec.containers
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let names = reported.next();
                    ContainerStatus {
                        name: c.name.clone(),
                        image: names
                            .as_ref()
                            .map(|n| n.qualified.clone())
                            .unwrap_or_default(),
                        image_id: names.map(|n| n.id).unwrap_or_default(),
                        container_id: run.container_ids.get(i).cloned(),
                        ready,
                        restart_count: run.restarts,
                        started: Some(true),
                        state: Some(ContainerState {
                            running: Some(ContainerStateRunning {
                                started_at: run.started_at.map(to_time),
                            }),
                            ..Default::default()
                        }),
                        last_state: run.last_exit.map(|(s, f, code)| ContainerState {
                            terminated: Some(terminated(
                                s,
                                f,
                                code,
                                run.container_ids.get(i).cloned(),
                            )),
                            ..Default::default()
                        }),
                        ..Default::default()
                    }
                })
                .collect(),
        );
        let _ = ctx.api.set_status::<Pod>(key, Some(st));
    }

    /// Report the containers waiting (`InvalidImageName`, `CrashLoopBackOff`).
    pub(super) fn write_waiting(
        &mut self,
        key: &ObjKey,
        reason: &str,
        message: &str,
        ctx: &mut Ctx,
    ) {
        let Some(current) = stored_pod(ctx, key) else {
            return;
        };
        let mut st = current.status.clone().unwrap_or_default();
        let run = self.pods.get(key);
        for (i, cs) in st.container_statuses.iter_mut().flatten().enumerate() {
            cs.ready = false;
            cs.started = Some(false);
            cs.state = Some(ContainerState {
                waiting: Some(ContainerStateWaiting {
                    reason: Some(reason.into()),
                    message: Some(message.into()),
                }),
                ..Default::default()
            });
            if let Some(run) = run {
                cs.restart_count = run.restarts;
                cs.last_state = run.last_exit.map(|(s, f, code)| ContainerState {
                    terminated: Some(terminated(s, f, code, run.container_ids.get(i).cloned())),
                    ..Default::default()
                });
            }
        }
        let _ = ctx.api.set_status::<Pod>(key, Some(st));
    }
}

/// `containers with unready status: [a b]`, the message of the Ready and ContainersReady
/// conditions while containers are not ready.
fn unready_message(spec: &PodSpec) -> String {
    let mut out = String::from("containers with unready status: [");
    for (i, c) in spec.containers.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&c.name);
    }
    out.push(']');
    out
}
