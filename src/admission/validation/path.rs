//! Field paths as apimachinery's `field.Path` prints them (`spec.containers[0].name`,
//! `spec.resources[storage]`), built from plain strings.
//!
//! Validation builds a path for every field it visits, valid or not, so these join
//! strings directly instead of going through `format!`.

/// `path` + `sep` + `part` + `close`, in one allocation.
fn join(path: &str, sep: char, part: &str, close: &str) -> String {
    let mut s = String::with_capacity(path.len() + part.len() + 2);
    s.push_str(path);
    s.push(sep);
    s.push_str(part);
    s.push_str(close);
    s
}

/// `fldPath.Child(name)`.
pub fn child(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        join(path, '.', name, "")
    }
}

/// `fldPath.Index(i)`.
pub fn index(path: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = i;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&digits[at..]).unwrap_or("0");
    join(path, '[', digits, "]")
}

/// `fldPath.Key(k)`.
pub fn key(path: &str, k: &str) -> String {
    join(path, '[', k, "]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_field_path() {
        assert_eq!(index(&child("spec", "containers"), 0), "spec.containers[0]");
        assert_eq!(
            key(&child("spec", "resources"), "storage"),
            "spec.resources[storage]"
        );
        assert_eq!(child("", "metadata"), "metadata");
        assert_eq!(index("spec.volumes", 10), "spec.volumes[10]");
        assert_eq!(index("a", 1234567), "a[1234567]");
    }
}
