//! A guard against livelock: reconcile loops that keep waking each other at one instant
//! of the virtual clock. In a real cluster such a loop is slowed by real time (every
//! sync takes milliseconds) and by client-go's rate limiters; on a virtual clock it would
//! spin forever without time moving, and the sandbox would hang. The controllers are
//! written not to do this (a foreground deletion once did), so this is the safety net:
//! once far more reconciles than the cluster's size calls for have run at one instant,
//! the keys that keep coming back are queued with client-go's per-item exponential
//! backoff (5ms, 10ms, 20ms, ... at most 1000s) from then on, and the clock moves.
//!
//! Nothing is counted per key until the budget is spent, so ordinary runs pay one
//! comparison per reconcile.

use crate::api::time::Millis;
use crate::store::ObjKey;
use rustc_hash::FxHashMap;

/// Reconciles at one instant before keys are counted: far above what any legitimate
/// instant takes (bringing 10,000 replicas up runs some tens of thousands at the busiest
/// one, with the per-object budget below far larger still).
const BASE_BUDGET: u64 = 50_000;
/// More budget per stored object, so large clusters are never mistaken for a loop.
const BUDGET_PER_OBJECT: u64 = 8;
/// Reconciles of one key at one instant, past the budget, before it is slowed down.
const KEY_LIMIT: u32 = 50;

#[derive(Clone, Debug, Default)]
pub struct LivelockGuard {
    instant: Millis,
    reconciles: u64,
    /// Reconciles per (loop, key) since the budget ran out at `instant`.
    counted: FxHashMap<(usize, ObjKey), u32>,
    /// Keys being slowed down, with how many times they have been since.
    throttled: FxHashMap<(usize, ObjKey), u32>,
}

impl LivelockGuard {
    /// Note a reconcile of `key` by loop `id` at `now`, in a store of `objects`. True
    /// when this key has just been found spinning (for the trace).
    pub fn note(&mut self, id: usize, key: &ObjKey, now: Millis, objects: usize) -> bool {
        if now != self.instant {
            self.instant = now;
            self.reconciles = 0;
            self.counted.clear();
        }
        self.reconciles += 1;
        let budget = BASE_BUDGET + BUDGET_PER_OBJECT * objects as u64;
        if self.reconciles <= budget {
            return false;
        }
        let n = self.counted.entry((id, key.clone())).or_insert(0);
        *n += 1;
        if *n == KEY_LIMIT && !self.throttled.contains_key(&(id, key.clone())) {
            self.throttled.insert((id, key.clone()), 0);
            return true;
        }
        false
    }

    /// When a key for loop `id` queued for `at` should really be due: later, with a
    /// growing backoff, once the key was found spinning.
    pub fn due(&mut self, id: usize, key: &ObjKey, at: Millis) -> Millis {
        if self.throttled.is_empty() {
            return at;
        }
        match self.throttled.get_mut(&(id, key.clone())) {
            Some(n) => {
                let delay = (5i64 << (*n).min(20)).min(1_000_000);
                *n += 1;
                at.saturating_add(delay)
            }
            None => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Kind;

    #[test]
    fn a_key_spinning_at_one_instant_is_slowed_down_and_others_are_not() {
        let mut g = LivelockGuard::default();
        let hot = ObjKey::new(Kind::StatefulSet, "default", "web");
        let cold = ObjKey::new(Kind::Pod, "default", "web-0");
        let mut found = 0;
        for _ in 0..BASE_BUDGET + u64::from(KEY_LIMIT) {
            found += usize::from(g.note(0, &hot, 1_000, 0));
        }
        assert_eq!(found, 1);
        assert_eq!(g.due(0, &hot, 1_000), 1_005);
        assert_eq!(g.due(0, &hot, 1_000), 1_010);
        assert_eq!(g.due(0, &cold, 1_000), 1_000);
        assert_eq!(g.due(1, &hot, 1_000), 1_000, "another loop's key");
    }

    #[test]
    fn a_busy_but_finite_instant_slows_nothing() {
        let mut g = LivelockGuard::default();
        // Many distinct keys, each a few times, far past the budget.
        for round in 0..3 {
            for i in 0..100_000 {
                let key = ObjKey::new(Kind::Pod, "default", &format!("p-{i}"));
                assert!(!g.note(round % 2, &key, 5, 0));
            }
        }
        let key = ObjKey::new(Kind::Pod, "default", "p-1");
        assert_eq!(g.due(0, &key, 5), 5);
    }
}
