//! The lessons built into the binary: `lessons/` and the seed manifests of `fixtures/`
//! they name, included at compile time (include_dir), so a copied or installed kubetutor
//! has its lessons wherever it runs. A teacher's own folder is still read from disk
//! (`lesson --path DIR`, `$KUBETUTOR_LESSONS`). `build.rs` rebuilds the crate when a
//! file under either folder changes.

use super::load::{not_found, parse_with, Diagnostic, Diagnostics, FileRead, Lesson, LESSON_FILE};
use crate::kubectl::workspace::MAX_FILE_BYTES;
use include_dir::{include_dir, Dir};
use std::path::{Component, Path, PathBuf};

static LESSONS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static FIXTURES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/fixtures");

/// Every built-in lesson, sorted by folder name: the ones that load, and the problems of
/// the others (none in a released build: tests load them all).
pub fn load_all() -> (Vec<Lesson>, Vec<Diagnostics>) {
    let mut folders: Vec<&Dir> = LESSONS.dirs().collect();
    folders.sort_by_key(|d| d.path());
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for folder in folders {
        let Some(file) = folder.get_file(folder.path().join(LESSON_FILE)) else {
            continue;
        };
        let dir = Path::new("lessons").join(folder.path());
        let name = dir.join(LESSON_FILE);
        let Some(text) = file.contents_utf8() else {
            bad.push(Diagnostics(vec![Diagnostic {
                file: name,
                line: 0,
                message: "the lesson file is not UTF-8".into(),
            }]));
            continue;
        };
        match parse_with(text, &dir, &name, &|rel| read(&dir, rel)) {
            Ok(mut l) => {
                l.embedded = true;
                ok.push(l);
            }
            Err(d) => bad.push(d),
        }
    }
    (ok, bad)
}

/// A file a built-in lesson names (`rel`, relative to its folder `dir`, which is
/// `lessons/NAME`): looked up in the included `lessons/` or `fixtures/`.
fn read(dir: &Path, rel: &str) -> FileRead {
    let path = normalize(&dir.join(rel)).ok_or_else(|| not_found(rel))?;
    let mut parts = path.components();
    let root = match parts.next() {
        Some(Component::Normal(r)) if r == "lessons" => &LESSONS,
        Some(Component::Normal(r)) if r == "fixtures" => &FIXTURES,
        _ => return Err(not_found(rel)),
    };
    let file = root
        .get_file(parts.as_path())
        .ok_or_else(|| not_found(rel))?;
    if file.contents().len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{rel} is {} bytes; the limit is {MAX_FILE_BYTES}",
            file.contents().len()
        ));
    }
    file.contents_utf8()
        .map(str::to_string)
        .ok_or_else(|| format!("cannot read {rel}: it is not UTF-8"))
}

/// `a/b/../c` as `a/c`; None when it climbs above its start.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lessons_are_the_lessons_folder() {
        let (built_in, bad) = load_all();
        assert!(bad.is_empty(), "{bad:?}");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let (on_disk, bad) = super::super::catalog::load_all(&dir);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(built_in.len(), on_disk.len());
        for (b, d) in built_in.iter().zip(&on_disk) {
            assert_eq!(b.id(), d.id());
            assert_eq!(b.files, d.files, "{}", b.id());
            assert_eq!(b.step_ids, d.step_ids);
            assert!(b.embedded && !d.embedded);
        }
    }

    #[test]
    fn paths_stay_inside_the_included_folders() {
        let dir = Path::new("lessons/000-postgres");
        assert!(read(dir, "../../fixtures/seed-000/fixed/service.yaml").is_ok());
        assert!(read(dir, "lesson.yaml").is_ok());
        for bad in [
            "../../../etc/passwd",
            "/etc/passwd",
            "../../src/lib.rs",
            "nope.yaml",
        ] {
            assert_eq!(read(dir, bad), Err(not_found(bad)), "{bad}");
        }
    }
}
