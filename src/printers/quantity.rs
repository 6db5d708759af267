//! Just enough of apimachinery's `resource.Quantity` for the printers: parse a quantity
//! string to an exact value (for QoS comparisons and the node describer's sums and
//! percentages) and print sums back in the canonical forms kubectl shows (`250m`, `1`,
//! `128Mi`).

/// A quantity as an exact number of nano-units (1 = 10^-9 of the base unit).
pub type Nanos = i128;

const NANO: i128 = 1_000_000_000;

/// Parse `500m`, `1.5`, `2Gi`, `1e3`, `128974848` into nano-units; None if malformed.
pub fn parse(q: &str) -> Option<Nanos> {
    let q = q.trim();
    let (sign, q) = match q.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, q.strip_prefix('+').unwrap_or(q)),
    };
    let split = q
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(q.len());
    let (number, suffix) = q.split_at(split);
    if number.is_empty() {
        return None;
    }
    let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
    // Mantissa in nano-units.
    let mut value: i128 = if int_part.is_empty() {
        0
    } else {
        int_part.parse::<i128>().ok()? * NANO
    };
    let mut scale = NANO / 10;
    for d in frac_part.chars() {
        value += d.to_digit(10)? as i128 * scale;
        scale /= 10;
    }
    let (mul, div): (i128, i128) = match suffix {
        "" => (1, 1),
        "n" => (1, NANO),
        "u" => (1, 1_000_000),
        "m" => (1, 1000),
        "k" => (1000, 1),
        "M" => (1_000_000, 1),
        "G" => (NANO, 1),
        "T" => (1_000 * NANO, 1),
        "P" => (1_000_000 * NANO, 1),
        "E" => (NANO * NANO, 1),
        "Ki" => (1 << 10, 1),
        "Mi" => (1 << 20, 1),
        "Gi" => (1 << 30, 1),
        "Ti" => (1 << 40, 1),
        "Pi" => (1 << 50, 1),
        "Ei" => (1 << 60, 1),
        s if s.starts_with(['e', 'E']) => {
            let exp: i32 = s[1..].parse().ok()?;
            if exp >= 0 {
                (10i128.checked_pow(exp as u32)?, 1)
            } else {
                (1, 10i128.checked_pow((-exp) as u32)?)
            }
        }
        _ => return None,
    };
    Some(sign * value.checked_mul(mul)? / div)
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
