//! The controllers' work queue: keys waiting to be reconciled, each with a due time on the
//! virtual clock. Like client-go's delaying workqueue, a key queued twice is reconciled once,
//! at the earlier of its due times; order among keys due at the same instant is the order
//! they were queued, so runs are deterministic.

use crate::api::time::Millis;
use crate::store::ObjKey;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, VecDeque};

/// Which reconcile loop a queued key is for.
pub type ControllerId = usize;

/// One queued entry: its place in the queue order, and what to reconcile.
#[derive(Debug, Clone)]
struct Due {
    seq: u64,
    controller: ControllerId,
    key: ObjKey,
}

#[derive(Default, Debug, Clone)]
pub struct WorkQueue {
    /// Entries by due time, each instant's in queue order (`seq` only grows, so pushing
    /// at the back keeps that order). Keys come due at a few distinct instants (now, when
    /// a pull or probe ends), so this is a short map of long queues: adding and taking are
    /// a lookup among a handful of instants, where a heap of every entry paid a sift of
    /// log(n) comparisons and moves for each. A key re-queued earlier leaves its old
    /// entry behind: `pending` says which entry is live, and stale ones are skipped when
    /// they come up.
    due: BTreeMap<Millis, VecDeque<Due>>,
    /// Per controller, when each of its queued keys is due (looked up by `&ObjKey`, so
    /// checking and taking keys copies none).
    pending: Vec<FxHashMap<ObjKey, (Millis, u64)>>,
    /// Live entries (those in `pending`).
    live: usize,
    seq: u64,
}

impl WorkQueue {
    /// Queue `key` for `controller` at `at`; an earlier pending entry wins.
    pub fn add(&mut self, controller: ControllerId, key: ObjKey, at: Millis) {
        if self.pending.len() <= controller {
            self.pending.resize_with(controller + 1, Default::default);
        }
        let pending = &mut self.pending[controller];
        let seq = self.seq + 1;
        match pending.get_mut(&key) {
            Some(&mut (when, _)) if when <= at => return,
            // The entry already queued goes stale.
            Some(slot) => *slot = (at, seq),
            None => {
                pending.insert(key.clone(), (at, seq));
                self.live += 1;
            }
        }
        self.seq = seq;
        self.due.entry(at).or_default().push_back(Due {
            seq,
            controller,
            key,
        });
    }

    /// Drop stale entries from the front of the queue.
    fn skip_stale(&mut self) {
        while let Some(mut first) = self.due.first_entry() {
            let at = *first.key();
            let entries = first.get_mut();
            while let Some(top) = entries.front() {
                let live = self
                    .pending
                    .get(top.controller)
                    .and_then(|p| p.get(&top.key))
                    .is_some_and(|&(when, seq)| when == at && seq == top.seq);
                if live {
                    return;
                }
                entries.pop_front();
            }
            first.remove();
        }
    }

    /// When the next item is due.
    pub fn next_due(&mut self) -> Option<Millis> {
        self.skip_stale();
        self.due.first_key_value().map(|(at, _)| *at)
    }

    /// Take the next item if it is due by `now`.
    pub fn pop_due(&mut self, now: Millis) -> Option<(Millis, ControllerId, ObjKey)> {
        self.skip_stale();
        let mut first = self.due.first_entry()?;
        let at = *first.key();
        if at > now {
            return None;
        }
        let d = first.get_mut().pop_front()?;
        if first.get().is_empty() {
            first.remove();
        }
        if let Some(pending) = self.pending.get_mut(d.controller) {
            pending.remove(&d.key);
        }
        self.live -= 1;
        Some((at, d.controller, d.key))
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Kind;

    #[test]
    fn dedupes_to_the_earliest_due_time() {
        let mut q = WorkQueue::default();
        let k = ObjKey::new(Kind::Pod, "default", "web-0");
        q.add(0, k.clone(), 500);
        q.add(0, k.clone(), 100);
        q.add(0, k.clone(), 900);
        assert_eq!(q.len(), 1);
        assert_eq!(q.pop_due(99), None);
        assert_eq!(q.pop_due(100).map(|(t, _, _)| t), Some(100));
        assert!(q.is_empty());
    }

    #[test]
    fn an_earlier_requeue_leaves_nothing_behind() {
        let mut q = WorkQueue::default();
        let k = ObjKey::new(Kind::Pod, "default", "web-0");
        q.add(0, k.clone(), 500);
        q.add(0, k.clone(), 100);
        assert_eq!(q.next_due(), Some(100));
        assert_eq!(q.pop_due(100).map(|(t, _, _)| t), Some(100));
        // The entry first queued for 500 went stale: nothing is left to run.
        assert_eq!(q.pop_due(1_000), None);
        assert_eq!(q.next_due(), None);
        assert!(q.is_empty());
        // Queued again after it ran, the key is live again.
        q.add(0, k.clone(), 700);
        assert_eq!(q.len(), 1);
        assert_eq!(q.pop_due(1_000).map(|(t, _, _)| t), Some(700));
    }

    #[test]
    fn same_instant_keeps_queue_order() {
        let mut q = WorkQueue::default();
        q.add(1, ObjKey::new(Kind::Pod, "default", "b"), 0);
        q.add(0, ObjKey::new(Kind::Pod, "default", "a"), 0);
        assert_eq!(q.pop_due(0).unwrap().2.name(), "b");
        assert_eq!(q.pop_due(0).unwrap().2.name(), "a");
    }

    #[test]
    fn keys_come_due_by_time_then_queue_order() {
        let mut q = WorkQueue::default();
        let key = |n: &str| ObjKey::new(Kind::Pod, "default", n);
        q.add(0, key("late"), 300);
        q.add(0, key("soon-1"), 100);
        q.add(1, key("soon-2"), 100);
        q.add(0, key("moved"), 300);
        q.add(0, key("moved"), 200);
        q.add(0, key("soon-1"), 250); // later than pending: ignored
        let mut order = Vec::new();
        while let Some((at, _, k)) = q.pop_due(1_000) {
            order.push(format!("{at} {}", k.name()));
        }
        assert_eq!(order, ["100 soon-1", "100 soon-2", "200 moved", "300 late"]);
        assert!(q.is_empty());
        assert_eq!(q.next_due(), None);
    }
}
