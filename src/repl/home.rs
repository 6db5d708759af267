//! Where kubetutor keeps the learner's files (history, saved sandboxes): one folder, found
//! the same way by every part that writes there.

use std::ffi::OsString;
use std::path::PathBuf;

/// The user's data folder for kubetutor: `$KUBETUTOR_HOME` if set, else
/// `$XDG_DATA_HOME/kubetutor`, else `~/.local/share/kubetutor` (the XDG default). It is not
/// created here; writers create it when they first need it.
pub fn data_dir() -> PathBuf {
    resolve(
        std::env::var_os("KUBETUTOR_HOME"),
        std::env::var_os("XDG_DATA_HOME"),
        std::env::var_os("HOME"),
    )
}

/// [`data_dir`] over explicit values of the three variables (empty counts as unset, and
/// a relative `XDG_DATA_HOME` is ignored, as the XDG specification says).
fn resolve(home: Option<OsString>, xdg: Option<OsString>, user: Option<OsString>) -> PathBuf {
    let set = |v: Option<OsString>| v.filter(|s| !s.is_empty()).map(PathBuf::from);
    if let Some(dir) = set(home) {
        return dir;
    }
    if let Some(dir) = set(xdg).filter(|p| p.is_absolute()) {
        return dir.join("kubetutor");
    }
    match set(user) {
        Some(h) => h.join(".local/share/kubetutor"),
        // No home at all (a bare container): the working directory, visibly named.
        None => PathBuf::from(".kubetutor"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<OsString> {
        Some(OsString::from(s))
    }

    #[test]
    fn kubetutor_home_wins_then_xdg_then_home() {
        assert_eq!(
            resolve(os("/t/kt"), os("/x"), os("/home/a")),
            PathBuf::from("/t/kt")
        );
        assert_eq!(
            resolve(None, os("/x"), os("/home/a")),
            PathBuf::from("/x/kubetutor")
        );
        assert_eq!(
            resolve(os(""), None, os("/home/a")),
            PathBuf::from("/home/a/.local/share/kubetutor")
        );
        assert_eq!(
            resolve(None, os("relative"), os("/home/a")),
            PathBuf::from("/home/a/.local/share/kubetutor")
        );
        assert_eq!(resolve(None, None, None), PathBuf::from(".kubetutor"));
    }
}
