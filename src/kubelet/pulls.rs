//! Image pulls that fail (the kubelet's image manager): `Pulling`, then `Failed to pull
//! image "...": <the runtime's error>` and `Error: ErrImagePull`; while the pull back-off
//! holds (10s doubling to 5m), `Back-off pulling image "..."` and `Error:
//! ImagePullBackOff`; then the next pull. What fails and with which error is
//! [`super::registry`].

use super::{container_events, container_field, stored_pod, Kubelet, PodRun, Stage};
use crate::api::time::Millis;
use crate::api::Kind;
use crate::apiserver::events::{EventType, Involved, Source};
use crate::cluster::Ctx;
use crate::store::ObjKey;

/// How long the registry takes to answer that the image is not there.
const RESOLVE_MS: Millis = 1_300;
/// From a failed pull to the next sync, which reports the back-off.
const NEXT_SYNC_MS: Millis = 1_000;

impl Kubelet {
    /// The first pull of an image that cannot be pulled: report `Pulling` and fail soon.
    pub(super) fn start_failing_pull(
        &mut self,
        key: &ObjKey,
        node: &str,
        involved: &Involved,
        container: &str,
        image: &str,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        ctx.api.record_event(
            involved,
            Some(&container_field(container)),
            EventType::Normal,
            "Pulling",
            &format!("Pulling image \"{image}\""),
            &Source::kubelet(node),
        );
        self.pods.insert(
            key.clone(),
            PodRun::new(
                Stage::PullFailing {
                    fail_at: now + RESOLVE_MS,
                },
                node,
            ),
        );
        Some(RESOLVE_MS)
    }

    /// The first container whose image cannot be pulled: (container, image, error).
    fn failing_image(ctx: &Ctx, key: &ObjKey) -> Option<(Involved, String, String, String)> {
        let pod = stored_pod(ctx, key)?;
        let spec = pod.spec.as_ref()?;
        spec.containers.iter().find_map(|c| {
            let image = c.image.clone().unwrap_or_default();
            super::registry::pull_failure(&image).map(|err| {
                (
                    Involved::of(Kind::Pod, &pod.metadata),
                    c.name.clone(),
                    image,
                    err,
                )
            })
        })
    }

    /// The pod's image was changed to one that can be pulled: start over.
    fn image_fixed(&mut self, key: &ObjKey) -> Option<Millis> {
        self.pods.remove(key);
        Some(1)
    }

    /// The pull failed: `ErrImagePull`, and the back-off starts.
    pub(super) fn pull_failed(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let now = ctx.now();
        let Some((involved, container, image, err)) = Self::failing_image(ctx, key) else {
            return self.image_fixed(key);
        };
        let run = self.pods.get_mut(key)?;
        let source = Source::kubelet(&run.node);
        let failed = format!("Failed to pull image \"{image}\": {err}");
        let events = [
            (EventType::Warning, "Failed", failed.as_str()),
            (EventType::Warning, "Failed", "Error: ErrImagePull"),
        ];
        container_events(ctx, &involved, &container, &source, &events);
        run.pull_backoff.next(now);
        let retry_at = now + run.pull_backoff.current;
        run.stage = Stage::PullBackOff {
            show_at: now + NEXT_SYNC_MS,
            retry_at,
        };
        self.write_waiting(key, "ErrImagePull", &err, ctx);
        ctx.note(format!("{}: cannot pull {image}: {err}", key.name));
        Some(NEXT_SYNC_MS)
    }

    /// During the back-off: report `ImagePullBackOff` once, then pull again when it ends.
    pub(super) fn pull_backoff_step(
        &mut self,
        key: &ObjKey,
        show_at: Millis,
        retry_at: Millis,
        ctx: &mut Ctx,
    ) -> Option<Millis> {
        let now = ctx.now();
        if now >= retry_at {
            let Some((involved, container, image, _)) = Self::failing_image(ctx, key) else {
                return self.image_fixed(key);
            };
            let run = self.pods.get_mut(key)?;
            ctx.api.record_event(
                &involved,
                Some(&container_field(&container)),
                EventType::Normal,
                "Pulling",
                &format!("Pulling image \"{image}\""),
                &Source::kubelet(&run.node),
            );
            run.stage = Stage::PullFailing {
                fail_at: now + RESOLVE_MS,
            };
            return Some(RESOLVE_MS);
        }
        if now >= show_at {
            let Some((involved, container, image, _)) = Self::failing_image(ctx, key) else {
                return self.image_fixed(key);
            };
            let run = self.pods.get_mut(key)?;
            let source = Source::kubelet(&run.node);
            let back_off = format!("Back-off pulling image \"{image}\"");
            let events = [
                (EventType::Normal, "BackOff", back_off.as_str()),
                (EventType::Warning, "Failed", "Error: ImagePullBackOff"),
            ];
            container_events(ctx, &involved, &container, &source, &events);
            run.stage = Stage::PullBackOff {
                show_at: Millis::MAX,
                retry_at,
            };
            self.write_waiting(
                key,
                "ImagePullBackOff",
                &format!("Back-off pulling image \"{image}\""),
                ctx,
            );
            return Some(retry_at - now);
        }
        Some(show_at.min(retry_at) - now)
    }
}
