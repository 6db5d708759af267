//! The network tools learners run inside pods, answering from cluster DNS: busybox 1.28's
//! `nslookup`, `getent hosts`, `ping`.

use crate::kubectl::output::Sink;
use crate::store::Store;

/// Who is asking: the pod's namespace (for the search path) and the clock.
pub struct Asker<'a> {
    pub namespace: &'a str,
    pub now: crate::api::time::Millis,
    /// The image's flavour of the tool (busybox 1.28 prints differently from newer ones).
    pub image: &'a str,
}

/// `nslookup NAME [SERVER]`; returns the exit status.
pub fn nslookup(store: &Store, asker: &Asker<'_>, args: &[String], io: &mut dyn Sink) -> i32 {
    let _ = (store, asker, args);
    io.err("nslookup: not simulated yet\n");
    1
}

/// `getent hosts NAME`; returns the exit status.
pub fn getent(store: &Store, asker: &Asker<'_>, args: &[String], io: &mut dyn Sink) -> i32 {
    let _ = (store, asker, args);
    io.err("getent: not simulated yet\n");
    1
}

/// `ping [-c N] NAME`; returns the exit status.
pub fn ping(store: &Store, asker: &Asker<'_>, args: &[String], io: &mut dyn Sink) -> i32 {
    let _ = (store, asker, args);
    io.err("ping: not simulated yet\n");
    1
}
