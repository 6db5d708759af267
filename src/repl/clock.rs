//! The REPL's clock: in the sandbox's terminal the cluster's time follows wall time,
//! scaled by the speed (`--speed X`, the `speed X` command). Between commands the time
//! that passed is applied before the next one runs; while `kubectl get -w` streams, the
//! [`Pacer`] moves the cluster in small wall-time steps until Ctrl-C ([`Interrupt`]).
//! Scripts never use this: their clock is virtual and moves by `--tick`.

use crate::api::time::Millis;
use crate::kubectl::session::LiveClock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The fastest the clock may run: an hour of cluster time per wall-clock second.
pub const MAX_SPEED: f64 = 3600.0;

/// Wall time scaled into cluster time.
#[derive(Debug)]
pub struct WallClock {
    speed: f64,
    last: Instant,
    /// The fraction of a millisecond not yet handed out.
    carry: f64,
}

impl WallClock {
    pub fn new(speed: f64) -> WallClock {
        WallClock {
            speed,
            last: Instant::now(),
            carry: 0.0,
        }
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Change the speed from now on (time that passed before counts at the old speed
    /// when the caller has [`WallClock::take`]n it first).
    pub fn set_speed(&mut self, speed: f64) {
        self.speed = speed;
    }

    /// The cluster time that passed since the last call, scaled by the speed.
    pub fn take(&mut self) -> Millis {
        let now = Instant::now();
        let wall = now.duration_since(self.last);
        self.last = now;
        scale(wall, self.speed, &mut self.carry)
    }

    /// Forget the wall time since the last call (a command moved the cluster itself).
    pub fn restart(&mut self) {
        self.last = Instant::now();
    }

    /// The live clock a streaming command follows, at this speed.
    pub fn pacer(&self, interrupt: Interrupt) -> Pacer {
        Pacer {
            speed: self.speed,
            interrupt,
            last: None,
            carry: 0.0,
        }
    }
}

fn scale(wall: Duration, speed: f64, carry: &mut f64) -> Millis {
    let exact = wall.as_secs_f64() * 1000.0 * speed + *carry;
    let whole = exact.floor();
    *carry = exact - whole;
    whole as Millis
}

/// `speed X`: a positive number, optionally written `2x`, at most [`MAX_SPEED`].
pub fn parse_speed(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let t = t.strip_suffix(['x', 'X']).unwrap_or(t);
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= MAX_SPEED => Ok(v),
        _ => Err(format!(
            "invalid speed {text:?}: give a number greater than 0 and at most {MAX_SPEED} (1 is real time, 10 runs the cluster ten times faster)"
        )),
    }
}

/// Set when the user presses Ctrl-C while a command runs (the terminal is not in raw mode
/// then, so the key arrives as SIGINT). Reading a line, the editor sees Ctrl-C as a key.
#[derive(Clone, Debug, Default)]
pub struct Interrupt(Arc<AtomicBool>);

impl Interrupt {
    /// Route SIGINT to a flag for the rest of the process, so Ctrl-C never ends the REPL.
    pub fn install() -> Interrupt {
        let flag = Interrupt::default();
        let f = flag.0.clone();
        // Fails only if a handler is already installed; the flag then stays unset and
        // watches end with their own bounds.
        let _ = ctrlc::set_handler(move || f.store(true, Ordering::SeqCst));
        flag
    }

    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    pub fn clear(&self) {
        self.0.store(false, Ordering::SeqCst);
    }

    /// What a SIGINT would do (tests).
    pub fn raise(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// How long one live step waits: rows appear within this much of their time.
const STEP: Duration = Duration::from_millis(50);

/// The live clock of one streaming command.
pub struct Pacer {
    speed: f64,
    interrupt: Interrupt,
    last: Option<Instant>,
    carry: f64,
}

impl LiveClock for Pacer {
    fn wait_step(&mut self) -> Option<Millis> {
        if self.interrupt.is_set() {
            return None;
        }
        let last = *self.last.get_or_insert_with(Instant::now);
        std::thread::sleep(STEP);
        if self.interrupt.is_set() {
            return None;
        }
        let now = Instant::now();
        self.last = Some(now);
        Some(scale(now.duration_since(last), self.speed, &mut self.carry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_time_scales_and_keeps_fractions() {
        let mut carry = 0.0;
        assert_eq!(scale(Duration::from_millis(1500), 2.0, &mut carry), 3000);
        assert_eq!(scale(Duration::from_micros(600), 1.0, &mut carry), 0);
        assert_eq!(scale(Duration::from_micros(600), 1.0, &mut carry), 1);
    }

    #[test]
    fn speeds_are_positive_and_bounded() {
        assert_eq!(parse_speed("2"), Ok(2.0));
        assert_eq!(parse_speed("0.5x"), Ok(0.5));
        assert!(parse_speed("0").is_err());
        assert!(parse_speed("-1").is_err());
        assert!(parse_speed("NaN").is_err());
        assert!(parse_speed("1e9").is_err());
        assert!(parse_speed("fast").is_err());
    }

    #[test]
    fn an_interrupt_ends_the_live_clock() {
        let flag = Interrupt::default();
        let mut pacer = WallClock::new(10.0).pacer(flag.clone());
        assert!(pacer.wait_step().is_some_and(|ms| ms >= 500));
        flag.raise();
        assert_eq!(pacer.wait_step(), None);
    }
}
