//! Just enough of `resource.Quantity` parsing to check a quantity's syntax and compare
//! two of them (request vs limit, storage must be positive). Values are read into f64,
//! which is exact enough for the sizes a learner writes.

/// The value of a quantity string (`500m`, `1Gi`, `2e3`), or None if it does not parse.
pub fn parse_quantity(s: &str) -> Option<f64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '+' || c == '-'))
        .unwrap_or(s.len());
    let (num, suffix) = s.split_at(split);
    if num.is_empty() || num == "+" || num == "-" {
        return None;
    }
    let n: f64 = match small_integer(num) {
        Some(n) => n,
        None => num.parse().ok()?,
    };
    let mult = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => 1024.0,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        e if e.starts_with(['e', 'E']) => 10f64.powi(e[1..].parse::<i32>().ok()?),
        _ => return None,
    };
    Some(n * mult)
}

/// A plain run of at most 15 digits (`1`, `500`): read directly, which gives exactly what
/// `f64` parsing gives (every such integer is an exact `f64`) without the general parser.
fn small_integer(num: &str) -> Option<f64> {
    if num.is_empty() || num.len() > 15 || !num.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = num.bytes().fold(0u64, |n, c| n * 10 + u64::from(c - b'0'));
    Some(n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_binary_decimal_and_exponent_forms() {
        assert_eq!(parse_quantity("1Gi"), Some(1073741824.0));
        assert_eq!(parse_quantity("500m"), Some(0.5));
        assert_eq!(parse_quantity("2e3"), Some(2000.0));
        assert_eq!(parse_quantity("1GB"), None);
        assert_eq!(parse_quantity("abc"), None);
    }

    #[test]
    fn small_integers_read_as_the_float_parser_reads_them() {
        for s in [
            "0",
            "1",
            "007",
            "500",
            "1024",
            "999999999999999",
            "123456789012345",
        ] {
            assert_eq!(small_integer(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in ["", "1.5", "-1", "+1", "1234567890123456"] {
            assert_eq!(small_integer(s), None, "{s}");
        }
    }
}
