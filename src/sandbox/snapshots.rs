//! Named snapshots (`save NAME`, `load NAME`): copies of the journal kept as
//! `snapshots/NAME.json` in the data folder, written atomically. A snapshot that cannot be
//! read is reported and left where it is (a newer kubetutor may read it).

use super::home::{atomic_write, data_dir};
use super::journal::{Journal, MAX_FILE_BYTES};
use std::path::PathBuf;

/// The longest snapshot name.
const MAX_NAME: usize = 64;

/// The folder snapshots live in.
pub fn dir() -> PathBuf {
    data_dir().join("snapshots")
}

/// Names that are safe as file names everywhere: letters, digits, `.`, `_`, `-`, not
/// starting with `.` or `-`.
pub fn check_name(name: &str) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if name.is_empty() || name.len() > MAX_NAME || !ok_chars || name.starts_with(['.', '-']) {
        return Err(format!(
            "invalid name \"{name}\": use up to {MAX_NAME} letters, digits, '.', '_' and '-', starting with a letter or digit"
        ));
    }
    Ok(())
}

fn path_of(name: &str) -> PathBuf {
    dir().join(format!("{name}.json"))
}

/// Write `journal` as snapshot `name` (replacing one of that name); its path.
pub fn write(name: &str, journal: &Journal) -> Result<PathBuf, String> {
    check_name(name)?;
    let path = path_of(name);
    atomic_write(&path, &journal.encode())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Read snapshot `name`. An unknown name's error lists the saved ones.
pub fn read(name: &str) -> Result<Journal, String> {
    check_name(name)?;
    let path = path_of(name);
    let bytes = match std::fs::metadata(&path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Err(format!(
                "{} is not a kubetutor journal ({} bytes, more than the {MAX_FILE_BYTES} read)",
                path.display(),
                m.len()
            ))
        }
        Ok(_) => {
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
        }
        Err(_) => {
            let saved = list();
            return Err(if saved.is_empty() {
                format!("no snapshot named \"{name}\" (none saved yet: `save NAME` makes one)")
            } else {
                format!("no snapshot named \"{name}\" (saved: {})", saved.join(", "))
            });
        }
    };
    Journal::decode(&bytes).map_err(|e| format!("cannot load {}: {e}", path.display()))
}

/// The saved snapshots' names, sorted.
pub fn list() -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".json")?;
            check_name(stem).is_ok().then(|| stem.to_string())
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_file_names() {
        for ok in ["web", "step-2", "before_scale.v1", "A1"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            ".hidden",
            "-x",
            "a/b",
            "..",
            "a b",
            "é",
            &"x".repeat(65),
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
