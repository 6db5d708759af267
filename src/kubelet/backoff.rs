//! The kubelet's back-off (client-go's `flowcontrol.Backoff`, as the kubelet configures it
//! for container restarts and image pulls): the first failure sets a 10 s back-off, each
//! further one doubles it up to 5 minutes, and an entry left alone for twice the maximum
//! starts over. A container that exits is restarted at once if it is not in back-off
//! since it finished; otherwise the kubelet waits (`CrashLoopBackOff`,
//! `ImagePullBackOff`).

use crate::api::time::Millis;

/// Initial back-off (`backOffPeriod` in kuberuntime, the image manager's too).
pub const INITIAL_MS: Millis = 10_000;
/// The cap (`MaxContainerBackOff`, and the image pull back-off's maximum).
pub const MAX_MS: Millis = 300_000;

/// One back-off entry (the kubelet keeps one per container, and one per pod and image).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Backoff {
    /// The current back-off (0: no entry yet).
    pub current: Millis,
    /// When the entry was last moved on.
    pub last_update: Millis,
}

impl Backoff {
    /// Record a failure at `now` (`Backoff.Next`): start at 10 s, else double up to 5 min;
    /// an entry idle for more than twice the maximum starts over.
    pub fn next(&mut self, now: Millis) {
        if self.current == 0 || now - self.last_update > 2 * MAX_MS {
            self.current = INITIAL_MS;
        } else {
            self.current = (self.current * 2).min(MAX_MS);
        }
        self.last_update = now;
    }

    /// Whether `now` is still within the back-off that began at `since` (the container's
    /// finish time: `IsInBackOffSince`).
    pub fn in_backoff_since(&self, since: Millis, now: Millis) -> bool {
        self.current > 0 && since - self.last_update <= 2 * MAX_MS && now - since < self.current
    }

    /// Whether `now` is within the back-off counted from the last update
    /// (`IsInBackOffSinceUpdate`, what the image puller asks).
    pub fn in_backoff_since_update(&self, now: Millis) -> bool {
        self.current > 0 && now - self.last_update < self.current
    }
}

/// What the kubelet does with a container that exited at `finished` (its restart policy
/// says restart): `Ok(())` restart now (and the back-off moves on), `Err(wait)` wait
/// `wait` ms more in `CrashLoopBackOff` with the back-off it reports.
pub fn restart_decision(b: &mut Backoff, finished: Millis, now: Millis) -> Result<(), Millis> {
    if b.in_backoff_since(finished, now) {
        return Err(finished + b.current - now);
    }
    b.next(now);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_ten_seconds_to_five_minutes() {
        let mut b = Backoff::default();
        let mut seen = vec![];
        let mut t = 0;
        for _ in 0..8 {
            b.next(t);
            seen.push(b.current / 1000);
            t += 1_000;
        }
        assert_eq!(seen, vec![10, 20, 40, 80, 160, 300, 300, 300]);
    }

    #[test]
    fn an_idle_entry_starts_over() {
        let mut b = Backoff::default();
        b.next(0);
        b.next(1_000);
        assert_eq!(b.current, 20_000);
        b.next(1_000 + 2 * MAX_MS + 1);
        assert_eq!(b.current, INITIAL_MS);
    }

    #[test]
    fn first_exit_restarts_at_once_then_waits() {
        let mut b = Backoff::default();
        // The first exit: no back-off yet, restart at once (the back-off becomes 10 s).
        assert_eq!(restart_decision(&mut b, 5_000, 5_000), Ok(()));
        // It runs 2 s and exits again: wait 10 s from its finish.
        assert_eq!(restart_decision(&mut b, 7_000, 7_000), Err(10_000));
        assert_eq!(restart_decision(&mut b, 7_000, 12_000), Err(5_000));
        assert_eq!(restart_decision(&mut b, 7_000, 17_000), Ok(()));
        assert_eq!(b.current, 20_000);
        // Then 20 s, 40 s ...
        assert_eq!(restart_decision(&mut b, 18_000, 18_000), Err(20_000));
    }

    #[test]
    fn image_pull_backoff_counts_from_the_failure() {
        let mut b = Backoff::default();
        b.next(0);
        assert!(b.in_backoff_since_update(9_999));
        assert!(!b.in_backoff_since_update(10_000));
    }
}
