//! Field paths as apimachinery's `field.Path` prints them (`spec.containers[0].name`,
//! `spec.resources[storage]`), built from plain strings.

/// `fldPath.Child(name)`.
pub fn child(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// `fldPath.Index(i)`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// `fldPath.Key(k)`.
pub fn key(path: &str, k: &str) -> String {
    format!("{path}[{k}]")
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
    }
}
