//! The update rules of `stateful_set_control.go`, as small pure functions over what a sync
//! sees, so the ordering can be tested without a cluster.
//!
//! - A pod created (or re-created after a deletion) gets the current revision when its
//!   index is below the partition, the update revision otherwise
//!   (`newVersionedStatefulSetPod`, with upstream's operator precedence kept).
//! - `RollingUpdate` walks from the highest index down to the partition: the first pod
//!   not at the update revision (and not already terminating) is deleted; the walk stops
//!   at the first pod that is not Running and Ready, or terminating. One pod at a time,
//!   each waiting for its successor.
//! - `OnDelete` never deletes: only pods deleted by someone else pick up the update.
//! - `maxUnavailable` is read only behind the `MaxUnavailableStatefulSet` gate, alpha and
//!   off in v1.32 (the apiserver even drops the field), so it never widens the walk here.

/// What the update strategy says, read once per sync.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strategy {
    /// `type: RollingUpdate` (else `OnDelete`).
    pub rolling: bool,
    /// `rollingUpdate.partition`, when `rollingUpdate` is set at all.
    pub partition: Option<i32>,
}

impl Strategy {
    pub fn of(spec: &k8s_openapi::api::apps::v1::StatefulSetSpec) -> Strategy {
        let s = spec.update_strategy.as_ref();
        Strategy {
            rolling: s
                .and_then(|s| s.type_.as_deref())
                .unwrap_or("RollingUpdate")
                == "RollingUpdate",
            partition: s
                .and_then(|s| s.rolling_update.as_ref())
                .map(|r| r.partition.unwrap_or(0)),
        }
    }

    /// Whether a pod created at `index` (its ordinal minus `.spec.ordinals.start`) gets the
    /// current revision rather than the update revision. `current_replicas` is
    /// `status.currentReplicas`.
    pub fn creates_at_current(&self, index: i32, current_replicas: i32) -> bool {
        // Go: `rolling && (ru == nil && i < currentReplicas) || (ru != nil && i < partition)`.
        (self.rolling && self.partition.is_none() && index < current_replicas)
            || self.partition.is_some_and(|p| index < p)
    }

    /// The lowest index the rolling update may touch.
    pub fn update_min(&self) -> usize {
        self.partition.unwrap_or(0).max(0) as usize
    }
}

/// A slot as the update walk sees it (None: no pod there yet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotView<'a> {
    pub revision: Option<&'a str>,
    pub terminating: bool,
    pub running_and_ready: bool,
}

/// What the rolling update does in this sync.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateStep {
    /// Delete the pod at this index: the controller re-creates it at the update revision.
    Delete(usize),
    /// Wait for the pod at this index to be Running and Ready (or gone).
    Wait(usize),
    /// Every pod from the partition up runs the update revision and is healthy.
    Done,
}

/// One step of the `RollingUpdate` walk (the `for target := len(replicas)-1; target >=
/// updateMin; target--` loop).
pub fn rolling_update_step(
    slots: &[Option<SlotView>],
    strategy: Strategy,
    update_revision: &str,
) -> UpdateStep {
    if !strategy.rolling {
        return UpdateStep::Done;
    }
    let min = strategy.update_min();
    for target in (min..slots.len()).rev() {
        let Some(slot) = slots[target] else {
            return UpdateStep::Wait(target);
        };
        if slot.revision != Some(update_revision) && !slot.terminating {
            return UpdateStep::Delete(target);
        }
        if !slot.running_and_ready || slot.terminating {
            return UpdateStep::Wait(target);
        }
    }
    UpdateStep::Done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(rev: &str, ready: bool) -> Option<SlotView<'_>> {
        Some(SlotView {
            revision: Some(rev),
            terminating: false,
            running_and_ready: ready,
        })
    }

    const ROLLING: Strategy = Strategy {
        rolling: true,
        partition: Some(0),
    };

    #[test]
    fn rolls_from_the_highest_ordinal_down_one_at_a_time() {
        let old = [pod("a", true), pod("a", true), pod("a", true)];
        assert_eq!(
            rolling_update_step(&old, ROLLING, "b"),
            UpdateStep::Delete(2)
        );
        // web-2 re-created at b but not yet Ready: web-1 waits for it.
        let s = [pod("a", true), pod("a", true), pod("b", false)];
        assert_eq!(rolling_update_step(&s, ROLLING, "b"), UpdateStep::Wait(2));
        let s = [pod("a", true), pod("a", true), pod("b", true)];
        assert_eq!(rolling_update_step(&s, ROLLING, "b"), UpdateStep::Delete(1));
        let s = [pod("a", true), pod("b", true), pod("b", true)];
        assert_eq!(rolling_update_step(&s, ROLLING, "b"), UpdateStep::Delete(0));
        let s = [pod("b", true), pod("b", true), pod("b", true)];
        assert_eq!(rolling_update_step(&s, ROLLING, "b"), UpdateStep::Done);
    }

    #[test]
    fn a_terminating_or_missing_pod_is_waited_for() {
        let mut gone = [pod("a", true), pod("a", true), pod("a", true)];
        gone[2] = Some(SlotView {
            revision: Some("a"),
            terminating: true,
            running_and_ready: true,
        });
        assert_eq!(
            rolling_update_step(&gone, ROLLING, "b"),
            UpdateStep::Wait(2)
        );
        gone[2] = None;
        assert_eq!(
            rolling_update_step(&gone, ROLLING, "b"),
            UpdateStep::Wait(2)
        );
    }

    #[test]
    fn an_unhealthy_pod_above_stops_the_walk_even_at_the_update_revision() {
        // The trap: a broken template leaves web-2 at the update revision, never Ready.
        let s = [pod("a", true), pod("a", true), pod("b", false)];
        assert_eq!(rolling_update_step(&s, ROLLING, "b"), UpdateStep::Wait(2));
        // An unhealthy old pod is replaced first rather than waited for.
        let s = [pod("a", true), pod("a", true), pod("a", false)];
        assert_eq!(rolling_update_step(&s, ROLLING, "b"), UpdateStep::Delete(2));
    }

    #[test]
    fn partition_keeps_lower_ordinals_at_the_current_revision() {
        let part = Strategy {
            rolling: true,
            partition: Some(2),
        };
        let s = [pod("a", true), pod("a", true), pod("b", true)];
        assert_eq!(rolling_update_step(&s, part, "b"), UpdateStep::Done);
        assert!(part.creates_at_current(0, 0));
        assert!(part.creates_at_current(1, 0));
        assert!(!part.creates_at_current(2, 0));
        // A partition beyond the replicas updates nothing.
        let all = Strategy {
            rolling: true,
            partition: Some(5),
        };
        let s = [pod("a", true), pod("a", true), pod("a", true)];
        assert_eq!(rolling_update_step(&s, all, "b"), UpdateStep::Done);
    }

    #[test]
    fn on_delete_never_deletes_and_recreates_at_the_update_revision() {
        let on_delete = Strategy {
            rolling: false,
            partition: None,
        };
        let s = [pod("a", true), pod("a", true), pod("a", true)];
        assert_eq!(rolling_update_step(&s, on_delete, "b"), UpdateStep::Done);
        assert!(!on_delete.creates_at_current(0, 3));
    }

    #[test]
    fn rolling_without_a_rolling_update_block_uses_current_replicas() {
        let bare = Strategy {
            rolling: true,
            partition: None,
        };
        assert!(bare.creates_at_current(1, 2));
        assert!(!bare.creates_at_current(2, 2));
        assert_eq!(bare.update_min(), 0);
    }
}
