//! The data folder and safe writes into it.
//!
//! Everything kubetutor keeps between runs (the REPL's history, the saved sandbox, lesson
//! progress, named snapshots) lives in one folder: `$KUBETUTOR_HOME` when set (tests use
//! it), else `$XDG_DATA_HOME/kubetutor`, else `~/.local/share/kubetutor`. Files are
//! replaced atomically (a temporary file in the same folder, flushed to disk, then renamed
//! over the old one), and a file that cannot be read back is moved aside, never deleted.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder kubetutor keeps its files in (not created here).
pub fn data_dir() -> PathBuf {
    data_dir_from(|name| std::env::var_os(name))
}

/// [`data_dir`] over a given environment (for tests).
pub fn data_dir_from(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> PathBuf {
    let set = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(home) = set("KUBETUTOR_HOME") {
        return home;
    }
    if let Some(xdg) = set("XDG_DATA_HOME").filter(|p| p.is_absolute()) {
        return xdg.join("kubetutor");
    }
    match set("HOME") {
        Some(home) => home.join(".local").join("share").join("kubetutor"),
        // No home at all (a bare container): keep the files beside the working directory.
        None => PathBuf::from(".kubetutor"),
    }
}

/// Replace `path` with `bytes` atomically: readers see the old file or the new one, never
/// a mix, even if the process dies halfway. Creates the parent folder when missing.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".kubetutor-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the folder's entry is flushed (POSIX; a no-op
    // failure elsewhere is harmless).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Move a file that cannot be used (corrupt, or written by a newer kubetutor) out of the
/// way as `NAME.bad-N` beside it (the first free N), and return the new path, so the
/// learner's data is kept for inspection and the tool can start clean.
pub fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    for n in 1..10_000 {
        let candidate = path.with_file_name(format!("{name}.bad-{n}"));
        if !candidate.exists() {
            std::fs::rename(path, &candidate)?;
            return Ok(candidate);
        }
    }
    Err(std::io::Error::other(format!(
        "too many set-aside copies of {}",
        path.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn kubetutor_home_wins_then_xdg_then_home() {
        let all = [
            ("KUBETUTOR_HOME", "/k"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ];
        assert_eq!(data_dir_from(env(&all)), PathBuf::from("/k"));
        assert_eq!(data_dir_from(env(&all[1..])), PathBuf::from("/x/kubetutor"));
        assert_eq!(
            data_dir_from(env(&all[2..])),
            PathBuf::from("/h/.local/share/kubetutor")
        );
        // A relative XDG_DATA_HOME is invalid per the spec and ignored; empty means unset.
        assert_eq!(
            data_dir_from(env(&[("XDG_DATA_HOME", "rel"), ("HOME", "/h")])),
            PathBuf::from("/h/.local/share/kubetutor")
        );
        assert_eq!(
            data_dir_from(env(&[("KUBETUTOR_HOME", ""), ("HOME", "/h")])),
            PathBuf::from("/h/.local/share/kubetutor")
        );
        assert_eq!(data_dir_from(env(&[])), PathBuf::from(".kubetutor"));
    }

    #[test]
    fn atomic_write_replaces_and_creates_folders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a").join("state.json");
        atomic_write(&path, b"one").unwrap();
        atomic_write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("state.json")]);
    }

    #[test]
    fn move_aside_keeps_every_bad_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, "garbage 1").unwrap();
        let first = move_aside(&path).unwrap();
        std::fs::write(&path, "garbage 2").unwrap();
        let second = move_aside(&path).unwrap();
        assert!(first.ends_with("state.json.bad-1"));
        assert!(second.ends_with("state.json.bad-2"));
        assert!(!path.exists());
        assert_eq!(std::fs::read_to_string(second).unwrap(), "garbage 2");
    }
}
