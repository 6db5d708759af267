//! Human-readable durations as apimachinery's `duration.HumanDuration` prints them: the
//! AGE and LAST SEEN cells, `RESTARTS (x ago)`, describe's event ages and
//! `Terminating (lasts x)`. Durations are truncated, never rounded.

use crate::api::time::Millis;

/// `HumanDuration` of a duration given in milliseconds.
pub fn human_duration(ms: i64) -> String {
    // Go converts with int(d.Seconds()), which truncates toward zero: up to 1.999s of
    // clock skew still reads as "0s".
    let seconds = ms / 1000;
    if seconds < -1 {
        return "<invalid>".into();
    }
    if seconds < 0 {
        return "0s".into();
    }
    if seconds < 120 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    }
    if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = seconds / 3600;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        return if h == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{}h", hours / 24, h)
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let days = hours / 24;
        let d = days % 365;
        return if d == 0 {
            format!("{}y", days / 365)
        } else {
            format!("{}y{}d", days / 365, d)
        };
    }
    format!("{}y", hours / 24 / 365)
}

/// kubectl's `translateTimestampSince`: the age of a timestamp, `<unknown>` when absent.
pub fn since(timestamp: Option<Millis>, now: Millis) -> String {
    match timestamp {
        Some(t) => human_duration(now - t),
        None => "<unknown>".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i64 = 1000;
    const M: i64 = 60 * S;
    const H: i64 = 60 * M;
    const D: i64 = 24 * H;

    #[test]
    fn every_boundary_of_the_reference_table() {
        for (ms, want) in [
            (-2 * S, "<invalid>"),
            (-1999, "0s"),
            (-S, "0s"),
            (-1, "0s"),
            (0, "0s"),
            (999, "0s"),
            (59 * S, "59s"),
            (119 * S + 999, "119s"),
            (120 * S, "2m"),
            (121 * S, "2m1s"),
            (599 * S, "9m59s"),
            (600 * S, "10m"),
            (10799 * S, "179m"),
            (10800 * S, "3h"),
            (3 * H + 5 * M, "3h5m"),
            (28799 * S, "7h59m"),
            (28800 * S, "8h"),
            (47 * H + 59 * M, "47h"),
            (48 * H, "2d"),
            (2 * D + 3 * H, "2d3h"),
            (8 * D - S, "7d23h"),
            (8 * D, "8d"),
            (364 * D, "364d"),
            (729 * D + 23 * H, "729d"),
            (730 * D, "2y"),
            (730 * D + 45 * D, "2y45d"),
            (8 * 365 * D - S, "7y364d"),
            (8 * 365 * D, "8y"),
            (20 * 365 * D, "20y"),
        ] {
            assert_eq!(human_duration(ms), want, "{ms} ms");
        }
    }

    #[test]
    fn absent_timestamps_are_unknown() {
        assert_eq!(since(None, 0), "<unknown>");
        assert_eq!(since(Some(0), 5 * M), "5m");
    }
}
