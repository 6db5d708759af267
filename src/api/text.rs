//! Building the short strings controllers write on every object (names, event messages,
//! notes) without the formatting machinery: `format!` walks its format string and pads
//! every argument, which cost more than the rest of many small writes together.

/// The strings joined, in one allocation of the right size.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Append `n` in decimal, as `Display` writes it.
pub fn push_int(out: &mut String, n: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// `n` in decimal (`n.to_string()`): ordinals, resourceVersions.
pub fn int(n: impl itoa::Integer) -> String {
    itoa::Buffer::new().format(n).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_read_as_display_writes_them() {
        for n in [0, 7, -7, 10, 4096, i64::from(i32::MAX), i64::MIN, i64::MAX] {
            let mut out = String::from("x");
            push_int(&mut out, n);
            assert_eq!(out, format!("x{n}"));
            assert_eq!(int(n), n.to_string());
        }
        assert_eq!(int(u64::MAX), u64::MAX.to_string());
        assert_eq!(concat(&["web", "-", "0"]), "web-0");
        assert_eq!(concat(&[]), "");
    }
}
