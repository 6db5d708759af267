//! The virtual clock as the learner sees it: `time` prints it, `advance DURATION` moves
//! it. Durations are written as Go writes them (`30s`, `1m30s`, `1.5h`, `250ms`), the
//! form kubectl's own flags (`--timeout`, `--request-timeout`) take.

use crate::api::time::{to_timestamp, Millis, EPOCH_MS};
use crate::cluster::bootstrap::CLUSTER_AGE_MS;
use crate::kubectl::output::Sink;
use crate::script::runner::Runner;

/// The longest one `advance` moves the clock (everything due in between is simulated).
pub const MAX_ADVANCE_MS: Millis = 7 * 24 * 3_600_000;

/// Parse a Go duration (`time.ParseDuration`), to whole milliseconds (finer parts are
/// dropped). Errors are Go's wording.
pub fn parse_go_duration(s: &str) -> Result<Millis, String> {
    let invalid = || format!("time: invalid duration \"{s}\"");
    let (negative, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total_ns: u128 = 0;
    while !rest.is_empty() {
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (int_part, after) = rest.split_at(int_len);
        let (frac_part, after) = match after.strip_prefix('.') {
            Some(f) => {
                let n = f.bytes().take_while(u8::is_ascii_digit).count();
                f.split_at(n)
            }
            None => ("", after),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        let unit_len = after
            .char_indices()
            .find(|(_, c)| *c == '.' || c.is_ascii_digit())
            .map_or(after.len(), |(i, _)| i);
        let (unit, after) = after.split_at(unit_len);
        let per_unit: u128 = match unit {
            "" => return Err(format!("time: missing unit in duration \"{s}\"")),
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return Err(format!("time: unknown unit \"{unit}\" in duration \"{s}\"")),
        };
        let int: u128 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| invalid())?
        };
        let mut ns = int.checked_mul(per_unit).ok_or_else(invalid)?;
        if !frac_part.is_empty() {
            let digits = frac_part.len().min(18);
            let frac: u128 = frac_part[..digits].parse().map_err(|_| invalid())?;
            ns += frac * per_unit / 10u128.pow(digits as u32);
        }
        total_ns = total_ns.checked_add(ns).ok_or_else(invalid)?;
        // Go's Duration is an int64 of nanoseconds.
        if total_ns > i64::MAX as u128 {
            return Err(invalid());
        }
        rest = after;
    }
    let ms = (total_ns / 1_000_000) as Millis;
    Ok(if negative { -ms } else { ms })
}

/// A duration as Go's `Duration.String` prints it, to the millisecond: `4m5s`, `1h0m0s`,
/// `2.5s`, `250ms`, `0s`.
pub fn format_go_duration(ms: Millis) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let ms = ms.unsigned_abs();
    if ms == 0 {
        return "0s".into();
    }
    if ms < 1000 {
        return format!("{sign}{ms}ms");
    }
    let (h, m) = (ms / 3_600_000, ms / 60_000 % 60);
    let (s, frac) = (ms / 1000 % 60, ms % 1000);
    let secs = if frac == 0 {
        format!("{s}s")
    } else {
        let f = format!("{frac:03}");
        format!("{s}.{}s", f.trim_end_matches('0'))
    };
    match (h, m) {
        (0, 0) => format!("{sign}{secs}"),
        (0, m) => format!("{sign}{m}m{secs}"),
        (h, m) => format!("{sign}{h}h{m}m{secs}"),
    }
}

/// `Mon, 03 Mar 2025 10:04:05 UTC`.
pub fn format_instant(ms: Millis) -> String {
    k8s_openapi::jiff::fmt::strtime::format("%a, %d %b %Y %H:%M:%S UTC", to_timestamp(ms))
        .unwrap_or_default()
}

/// `time`: the cluster's clock, how long since the sandbox started and the cluster's age.
pub fn time(runner: &Runner, sink: &mut dyn Sink) -> i32 {
    let now = runner.session.cluster.now();
    sink.out(&format!(
        "{} ({} since the sandbox started; the cluster is {} old)\n",
        format_instant(now),
        format_go_duration(now - EPOCH_MS),
        format_go_duration(now - (EPOCH_MS - CLUSTER_AGE_MS)),
    ));
    0
}

/// Check `advance`'s argument: the milliseconds to move, or the error to print.
pub fn advance_amount(arg: &str) -> Result<Millis, String> {
    let ms = parse_go_duration(arg).map_err(|e| format!("kubetutor: advance: {e}\n"))?;
    if ms < 0 {
        return Err(
            "kubetutor: advance: the clock only moves forward (`undo` steps back)\n".into(),
        );
    }
    if ms > MAX_ADVANCE_MS {
        return Err(format!(
            "kubetutor: advance: at most {} at a time\n",
            format_go_duration(MAX_ADVANCE_MS)
        ));
    }
    Ok(ms)
}

/// `advance DURATION` (already checked by [`advance_amount`] when typed): the cluster
/// runs for that long.
pub fn advance(runner: &mut Runner, arg: &str, sink: &mut dyn Sink) -> i32 {
    match advance_amount(arg) {
        Ok(ms) => {
            runner.session.cluster.advance(ms);
            sink.out(&format!(
                "{} (+{})\n",
                format_instant(runner.session.cluster.now()),
                format_go_duration(ms)
            ));
            0
        }
        Err(e) => {
            sink.err(&e);
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations_parse_as_go_does() {
        assert_eq!(parse_go_duration("30s"), Ok(30_000));
        assert_eq!(parse_go_duration("1m30s"), Ok(90_000));
        assert_eq!(parse_go_duration("1.5h"), Ok(5_400_000));
        assert_eq!(parse_go_duration("250ms"), Ok(250));
        assert_eq!(parse_go_duration(".5s"), Ok(500));
        assert_eq!(parse_go_duration("1h2m3s4ms"), Ok(3_723_004));
        assert_eq!(parse_go_duration("0"), Ok(0));
        assert_eq!(parse_go_duration("-2s"), Ok(-2000));
        assert_eq!(parse_go_duration("1500us"), Ok(1));
        assert_eq!(
            parse_go_duration("30"),
            Err("time: missing unit in duration \"30\"".into())
        );
        assert_eq!(
            parse_go_duration("1d"),
            Err("time: unknown unit \"d\" in duration \"1d\"".into())
        );
        for bad in ["", "s", "-", ".s", "99999999999999999999h"] {
            assert_eq!(
                parse_go_duration(bad),
                Err(format!("time: invalid duration \"{bad}\"")),
                "{bad}"
            );
        }
    }

    #[test]
    fn durations_print_as_go_does() {
        assert_eq!(format_go_duration(0), "0s");
        assert_eq!(format_go_duration(250), "250ms");
        assert_eq!(format_go_duration(2_500), "2.5s");
        assert_eq!(format_go_duration(245_000), "4m5s");
        assert_eq!(format_go_duration(3_600_000), "1h0m0s");
        assert_eq!(format_go_duration(-90_000), "-1m30s");
        assert_eq!(format_instant(EPOCH_MS), "Mon, 03 Mar 2025 10:00:00 UTC");
    }

    #[test]
    fn advance_refuses_backwards_and_huge_moves() {
        assert_eq!(advance_amount("1m30s"), Ok(90_000));
        assert!(advance_amount("-1s")
            .unwrap_err()
            .contains("only moves forward"));
        assert!(advance_amount("169h")
            .unwrap_err()
            .contains("at most 168h0m0s"));
        assert_eq!(
            advance_amount("soon"),
            Err("kubetutor: advance: time: invalid duration \"soon\"\n".into())
        );
    }
}
