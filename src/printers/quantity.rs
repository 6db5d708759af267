//! Just enough of apimachinery's `resource.Quantity` for the printers: parse a quantity
//! string to an exact value (for QoS comparisons and the node describer's sums and
//! percentages) and print sums back in the canonical forms kubectl shows (`250m`, `1`,
//! `128Mi`).

/// A quantity as an exact number of nano-units (1 = 10^-9 of the base unit).
pub type Nanos = i128;

const NANO: i128 = 1_000_000_000;

/// Parse `500m`, `1.5`, `2Gi`, `1e3`, `128974848` into nano-units; None where
/// apimachinery's `ParseQuantity` fails. Follows its grammar (sign, digits, optional
/// fraction, a suffix from `eEinumkKMGTP` with an optional signed exponent), rounds
/// sub-nano amounts away from zero as it does, caps binary amounts at 2^63-1 units, and
/// saturates beyond what an i128 of nanos holds.
pub fn parse(q: &str) -> Option<Nanos> {
    let b = q.as_bytes();
    if b.is_empty() {
        return None;
    }
    let mut pos = 0;
    let negative = match b[0] {
        b'-' => {
            pos = 1;
            true
        }
        b'+' => {
            pos = 1;
            false
        }
        _ => false,
    };
    let digits_from = |start: usize| {
        b[start..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(b.len(), |n| start + n)
    };
    let num_end = digits_from(pos);
    let num = &q[pos..num_end];
    pos = num_end;
    let mut denom = "";
    if pos < b.len() && b[pos] == b'.' {
        let end = digits_from(pos + 1);
        denom = &q[pos + 1..end];
        pos = end;
    }
    let suffix_start = pos;
    while pos < b.len() && b"eEinumkKMGTP".contains(&b[pos]) {
        pos += 1;
    }
    if pos < b.len() && (b[pos] == b'-' || b[pos] == b'+') {
        pos += 1;
    }
    if digits_from(pos) != b.len() {
        return None;
    }
    let suffix = &q[suffix_start..];
    let (base2, exponent): (bool, i64) = match suffix {
        "" => (false, 0),
        "n" => (false, -9),
        "u" => (false, -6),
        "m" => (false, -3),
        "k" => (false, 3),
        "M" => (false, 6),
        "G" => (false, 9),
        "T" => (false, 12),
        "P" => (false, 15),
        "E" => (false, 18),
        "Ki" => (true, 10),
        "Mi" => (true, 20),
        "Gi" => (true, 30),
        "Ti" => (true, 40),
        "Pi" => (true, 50),
        "Ei" => (true, 60),
        s if s.len() > 1 && s.starts_with(['e', 'E']) => (false, s[1..].parse::<i64>().ok()?),
        _ => return None,
    };
    // value = digits × 10^(exp10) × 2^(exp2), in nanos.
    let digits = format!("{num}{denom}");
    let digits = digits.trim_start_matches('0');
    let mut exp10 = 9 - denom.len() as i64 + if base2 { 0 } else { exponent };
    let exp2 = if base2 { exponent } else { 0 };
    let magnitude = if digits.is_empty() {
        0
    } else {
        let mut v: i128 = match digits.parse::<i128>() {
            Ok(v) => v,
            // More digits than an i128 holds: keep the leading ones, scale the rest.
            Err(_) => {
                let keep = 36.min(digits.len());
                exp10 += (digits.len() - keep) as i64;
                digits[..keep].parse::<i128>().ok()?
            }
        };
        v = v
            .checked_shl(exp2 as u32)
            .filter(|x| x >> exp2 == v)
            .unwrap_or(i128::MAX);
        if exp10 >= 0 {
            10i128
                .checked_pow(exp10.min(40) as u32)
                .and_then(|p| v.checked_mul(p))
                .unwrap_or(i128::MAX)
        } else {
            match 10i128.checked_pow((-exp10) as u32) {
                // Rounded up to the next nano, as ParseQuantity does.
                Some(p) => v / p + i128::from(v % p != 0),
                None => 1,
            }
        }
    };
    let magnitude = if base2 {
        magnitude.min(i128::from(i64::MAX) * NANO)
    } else {
        magnitude
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// A CPU amount as kubectl prints it: whole cores as `2`, otherwise millicores `250m`.
pub fn format_cpu(n: Nanos) -> String {
    if n % NANO == 0 {
        format!("{}", n / NANO)
    } else {
        format!("{}m", n / 1_000_000)
    }
}

/// A byte amount as kubectl prints it: the largest exact binary suffix (`128Mi`), else
/// plain bytes; zero is `0`.
pub fn format_bytes(n: Nanos) -> String {
    let bytes = n / NANO;
    if bytes == 0 {
        return "0".into();
    }
    for (suffix, shift) in [
        ("Ei", 60),
        ("Pi", 50),
        ("Ti", 40),
        ("Gi", 30),
        ("Mi", 20),
        ("Ki", 10),
    ] {
        let unit = 1i128 << shift;
        if bytes % unit == 0 {
            return format!("{}{}", bytes / unit, suffix);
        }
    }
    bytes.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_forms() {
        assert_eq!(parse("500m"), Some(NANO / 2));
        assert_eq!(parse("0.5"), Some(NANO / 2));
        assert_eq!(parse("2"), Some(2 * NANO));
        assert_eq!(parse("1Gi"), Some((1 << 30) * NANO));
        assert_eq!(parse("1e3"), Some(1000 * NANO));
        assert_eq!(parse("1k"), parse("1000"));
        assert_eq!(parse("x"), None);
        assert_eq!(parse("1Q"), None);
    }

    #[test]
    fn follows_parse_quantity_grammar() {
        assert_eq!(parse("+1.5Gi"), Some(3 * (1 << 29) * NANO));
        assert_eq!(parse("-2k"), Some(-2000 * NANO));
        assert_eq!(parse(".5"), Some(NANO / 2));
        assert_eq!(parse("1."), Some(NANO));
        assert_eq!(parse("1500M"), Some(1_500_000_000 * NANO));
        assert_eq!(parse("1E"), Some(NANO * NANO * NANO));
        assert_eq!(parse("1E3"), Some(1000 * NANO));
        assert_eq!(parse("1e-3"), parse("1m"));
        // Below a nano rounds away from zero.
        assert_eq!(parse("0.0000000001"), Some(1));
        assert_eq!(parse("1e"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("web-0"), None);
        assert_eq!(parse("10.244.1.5"), None);
        assert_eq!(parse("2025-03-03T10:00:00Z"), None);
        assert_eq!(parse("1 Gi"), None);
        // Huge amounts do not overflow.
        assert!(
            parse("99999999999999999999999999999999999999999999").unwrap() > parse("1E").unwrap()
        );
        assert_eq!(parse("1e400"), Some(i128::MAX));
        assert_eq!(parse("9999999Ei"), Some(i128::from(i64::MAX) * NANO));
    }

    #[test]
    fn formats_sums() {
        assert_eq!(
            format_cpu(parse("100m").unwrap() + parse("150m").unwrap()),
            "250m"
        );
        assert_eq!(format_cpu(parse("2").unwrap()), "2");
        assert_eq!(format_cpu(0), "0");
        assert_eq!(
            format_bytes(parse("128Mi").unwrap() + parse("64Mi").unwrap()),
            "192Mi"
        );
        assert_eq!(format_bytes(parse("1000").unwrap()), "1000");
        assert_eq!(format_bytes(0), "0");
    }
}
