//! Field paths as apimachinery's `field.Path` prints them (`spec.containers[0].name`,
//! `spec.resources[storage]`), built from plain strings.
//!
//! Validation builds a path for every field it visits, valid or not, so these join
//! strings directly instead of going through `format!`; the hottest validators (pods,
//! containers) go further and carry a [`FieldPath`], printed only when there is an error.

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
    join(path, '[', itoa::Buffer::new().format(i), "]")
}

/// `fldPath.Key(k)`.
pub fn key(path: &str, k: &str) -> String {
    join(path, '[', k, "]")
}

/// A field path not printed yet: a chain of borrowed parts on the caller's stack. Pod
/// validation visits dozens of fields per pod and almost never reports one, so paths
/// become strings only when an error is built (`FieldPath` converts into `String`).
#[derive(Clone, Copy, Debug)]
pub enum FieldPath<'a> {
    Root(&'a str),
    Child(&'a FieldPath<'a>, &'a str),
    Index(&'a FieldPath<'a>, usize),
    Key(&'a FieldPath<'a>, &'a str),
}

impl<'a> FieldPath<'a> {
    /// `fldPath.Child(name)`.
    pub fn child(&'a self, name: &'a str) -> FieldPath<'a> {
        FieldPath::Child(self, name)
    }

    /// `fldPath.Index(i)`.
    pub fn index(&'a self, i: usize) -> FieldPath<'a> {
        FieldPath::Index(self, i)
    }

    /// `fldPath.Key(k)`.
    pub fn key(&'a self, k: &'a str) -> FieldPath<'a> {
        FieldPath::Key(self, k)
    }

    /// The path as `child`, `index` and `key` print it.
    pub fn render(&self) -> String {
        match self {
            FieldPath::Root(p) => p.to_string(),
            FieldPath::Child(parent, name) => child(&parent.render(), name),
            FieldPath::Index(parent, i) => index(&parent.render(), *i),
            FieldPath::Key(parent, k) => key(&parent.render(), k),
        }
    }
}

impl From<FieldPath<'_>> for String {
    fn from(p: FieldPath<'_>) -> String {
        p.render()
    }
}

impl From<&FieldPath<'_>> for String {
    fn from(p: &FieldPath<'_>) -> String {
        p.render()
    }
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

    #[test]
    fn lazy_paths_print_like_the_eager_ones() {
        let root = FieldPath::Root("spec");
        let containers = root.child("containers");
        let c0 = containers.index(3);
        let res = c0.child("resources");
        assert_eq!(
            String::from(res.child("limits").key("cpu")),
            key(
                &child(
                    &child(&index(&child("spec", "containers"), 3), "resources"),
                    "limits"
                ),
                "cpu"
            )
        );
        assert_eq!(FieldPath::Root("").child("metadata").render(), "metadata");
        assert_eq!(String::from(&root), "spec");
    }
}
