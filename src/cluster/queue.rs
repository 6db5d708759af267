//! The controllers' work queue: keys waiting to be reconciled, each with a due time on the
//! virtual clock. Like client-go's delaying workqueue, a key queued twice is reconciled once,
//! at the earlier of its due times; order among keys due at the same instant is the order
//! they were queued, so runs are deterministic.

use crate::api::time::Millis;
use crate::store::ObjKey;
use rustc_hash::FxHashMap;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// Which reconcile loop a queued key is for.
pub type ControllerId = usize;

/// One entry of the due-time heap, ordered by (due time, queue order) only.
#[derive(Debug, Clone)]
struct Due {
    at: Millis,
    seq: u64,
    controller: ControllerId,
    key: ObjKey,
}

impl PartialEq for Due {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.seq) == (other.at, other.seq)
    }
}

impl Eq for Due {}

impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Due {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at, self.seq).cmp(&(other.at, other.seq))
    }
}

#[derive(Default, Debug, Clone)]
pub struct WorkQueue {
    /// Min-heap of due entries. A key re-queued earlier leaves its old entry behind:
    /// `pending` says which entry is live, and stale ones are skipped when they surface
    /// (cheaper than removing from the middle of an ordered map on every add).
    due: BinaryHeap<Reverse<Due>>,
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
        self.seq += 1;
        match pending.get_mut(&key) {
            Some(&mut (when, _)) if when <= at => return,
            // The entry already in the heap goes stale.
            Some(slot) => *slot = (at, self.seq),
            None => {
                pending.insert(key.clone(), (at, self.seq));
                self.live += 1;
            }
        }
        self.due.push(Reverse(Due {
            at,
            seq: self.seq,
            controller,
            key,
        }));
    }

    /// Drop stale entries from the top of the heap.
    fn skip_stale(&mut self) {
        while let Some(Reverse(top)) = self.due.peek() {
            let live = self
                .pending
                .get(top.controller)
                .and_then(|p| p.get(&top.key))
                .is_some_and(|&(at, seq)| at == top.at && seq == top.seq);
            if live {
                return;
            }
            self.due.pop();
        }
    }

    /// When the next item is due.
    pub fn next_due(&mut self) -> Option<Millis> {
        self.skip_stale();
        self.due.peek().map(|Reverse(d)| d.at)
    }

    /// Take the next item if it is due by `now`.
    pub fn pop_due(&mut self, now: Millis) -> Option<(Millis, ControllerId, ObjKey)> {
        self.skip_stale();
        if self.due.peek()?.0.at > now {
            return None;
        }
        let Reverse(d) = self.due.pop()?;
        if let Some(pending) = self.pending.get_mut(d.controller) {
            pending.remove(&d.key);
        }
        self.live -= 1;
        Some((d.at, d.controller, d.key))
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
}
