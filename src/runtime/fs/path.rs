//! Path text: joining a path to the working directory and splitting it into components.
//! Lexical only; `..` and symbolic links are resolved against the tree by `view`, and
//! `..` at the root stays at the root, so no path can name anything above `/`.

use super::{FsErr, MAX_PATH};

/// The components of `path` taken from `cwd` when relative (`.`, `..` and empty
/// components are kept for the resolver, which knows about symbolic links).
pub fn components(cwd: &str, path: &str) -> Result<Vec<String>, FsErr> {
    if path.is_empty() {
        return Err(FsErr::NotFound);
    }
    if path.len() > MAX_PATH || cwd.len() > MAX_PATH {
        return Err(FsErr::NameTooLong);
    }
    let mut out: Vec<String> = Vec::new();
    if !path.starts_with('/') {
        out.extend(cwd.split('/').filter(|c| !c.is_empty()).map(String::from));
    }
    for c in path.split('/') {
        if c.len() > 255 {
            return Err(FsErr::NameTooLong);
        }
        if !c.is_empty() {
            out.push(c.to_string());
        }
    }
    Ok(out)
}

/// `/a/b` from components.
pub fn join(parts: &[String]) -> String {
    if parts.is_empty() {
        return "/".into();
    }
    let mut s = String::new();
    for p in parts {
        s.push('/');
        s.push_str(p);
    }
    s
}

/// Lexically normalised absolute form of `path` (for `cd` and messages): `.` dropped,
/// `..` pops, never above `/`.
pub fn normalise(cwd: &str, path: &str) -> Result<String, FsErr> {
    let mut out: Vec<String> = Vec::new();
    for c in components(cwd, path)? {
        match c.as_str() {
            "." => {}
            ".." => {
                out.pop();
            }
            _ => out.push(c),
        }
    }
    Ok(join(&out))
}

/// The last component of a path as `basename` prints it.
pub fn basename(path: &str) -> &str {
    let t = path.trim_end_matches('/');
    if t.is_empty() {
        return if path.is_empty() { "" } else { "/" };
    }
    t.rsplit('/').next().unwrap_or(t)
}

/// The directory part as `dirname` prints it.
pub fn dirname(path: &str) -> String {
    let t = path.trim_end_matches('/');
    if t.is_empty() {
        return if path.starts_with('/') { "/" } else { "." }.into();
    }
    match t.rfind('/') {
        None => ".".into(),
        Some(i) => {
            let d = t[..i].trim_end_matches('/');
            if d.is_empty() {
                "/".into()
            } else {
                d.into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotdot_never_escapes_root() {
        assert_eq!(
            normalise("/", "../../../etc/passwd").unwrap(),
            "/etc/passwd"
        );
        assert_eq!(normalise("/usr/share", "../../..").unwrap(), "/");
        assert_eq!(normalise("/a", "b/./c/../d").unwrap(), "/a/b/d");
        assert_eq!(normalise("/a", "//x//y/").unwrap(), "/x/y");
        assert_eq!(components("/", ""), Err(FsErr::NotFound));
        assert_eq!(components("/", &"a/".repeat(3000)), Err(FsErr::NameTooLong));
    }

    #[test]
    fn basename_and_dirname_as_coreutils() {
        assert_eq!(basename("/usr/bin/"), "bin");
        assert_eq!(basename("/"), "/");
        assert_eq!(dirname("/usr/bin/"), "/usr");
        assert_eq!(dirname("file"), ".");
        assert_eq!(dirname("/file"), "/");
    }
}
