//! The controllers' work queue: keys waiting to be reconciled, each with a due time on the
//! virtual clock. Like client-go's delaying workqueue, a key queued twice is reconciled once,
//! at the earlier of its due times; order among keys due at the same instant is the order
//! they were queued, so runs are deterministic.

use crate::api::time::Millis;
use crate::store::ObjKey;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Which reconcile loop a queued key is for.
pub type ControllerId = usize;

#[derive(Default, Debug, Clone)]
pub struct WorkQueue {
    due: BTreeMap<(Millis, u64), (ControllerId, ObjKey)>,
    /// Per controller, when each of its queued keys is due (looked up by `&ObjKey`, so
    /// checking and taking keys copies none).
    pending: Vec<FxHashMap<ObjKey, (Millis, u64)>>,
    seq: u64,
}

impl WorkQueue {
    /// Queue `key` for `controller` at `at`; an earlier pending entry wins.
    pub fn add(&mut self, controller: ControllerId, key: ObjKey, at: Millis) {
        if self.pending.len() <= controller {
            self.pending.resize_with(controller + 1, Default::default);
        }
        let pending = &mut self.pending[controller];
        if let Some(&(when, seq)) = pending.get(&key) {
            if when <= at {
                return;
            }
            self.due.remove(&(when, seq));
        }
        self.seq += 1;
        pending.insert(key.clone(), (at, self.seq));
        self.due.insert((at, self.seq), (controller, key));
    }

    /// When the next item is due.
    pub fn next_due(&self) -> Option<Millis> {
        self.due.keys().next().map(|(t, _)| *t)
    }

    /// Take the next item if it is due by `now`.
    pub fn pop_due(&mut self, now: Millis) -> Option<(Millis, ControllerId, ObjKey)> {
        let (&(at, seq), _) = self.due.iter().next()?;
        if at > now {
            return None;
        }
        let (controller, key) = self.due.remove(&(at, seq))?;
        if let Some(pending) = self.pending.get_mut(controller) {
            pending.remove(&key);
        }
        Some((at, controller, key))
    }

    pub fn len(&self) -> usize {
        self.due.len()
    }

    pub fn is_empty(&self) -> bool {
        self.due.is_empty()
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
    fn same_instant_keeps_queue_order() {
        let mut q = WorkQueue::default();
        q.add(1, ObjKey::new(Kind::Pod, "default", "b"), 0);
        q.add(0, ObjKey::new(Kind::Pod, "default", "a"), 0);
        assert_eq!(q.pop_due(0).unwrap().2.name(), "b");
        assert_eq!(q.pop_due(0).unwrap().2.name(), "a");
    }
}
