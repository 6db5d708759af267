//! Virtual time: milliseconds since the Unix epoch, and conversions to the API's `Time`.
//! Nothing in the simulator reads the wall clock; the cluster's clock is injected.

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{MicroTime, Time};
use k8s_openapi::jiff::Timestamp;

/// Milliseconds since the Unix epoch on the cluster's clock.
pub type Millis = i64;

/// The instant every fresh sandbox starts at (Mon, 03 Mar 2025 10:00:00 +0000).
pub const EPOCH_MS: Millis = 1_740_996_000_000;

pub fn to_time(ms: Millis) -> Time {
    Time(to_timestamp(ms))
}

pub fn to_micro_time(ms: Millis) -> MicroTime {
    MicroTime(to_timestamp(ms))
}

pub fn to_timestamp(ms: Millis) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub fn from_time(t: &Time) -> Millis {
    t.0.as_millisecond()
}

pub fn from_micro_time(t: &MicroTime) -> Millis {
    t.0.as_millisecond()
}

/// RFC 1123 with a numeric zone, as `kubectl describe` prints times:
/// `Mon, 03 Mar 2025 10:15:02 +0000`.
pub fn rfc1123z(ms: Millis) -> String {
    k8s_openapi::jiff::fmt::strtime::format("%a, %d %b %Y %H:%M:%S +0000", to_timestamp(ms)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_prints_as_describe_does() {
        assert_eq!(rfc1123z(EPOCH_MS), "Mon, 03 Mar 2025 10:00:00 +0000");
        assert_eq!(from_time(&to_time(EPOCH_MS + 1500)), EPOCH_MS + 1000 + 500);
    }
}
