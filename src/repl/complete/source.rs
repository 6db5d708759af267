//! What completion may look at: the objects that exist now, the files `-f` can read, the
//! sandbox's own commands and the lessons. [`Source`] is the interface; [`Snapshot`] is a
//! plain-data one (tests, benchmarks); [`SessionSource`] reads a live session in place.

use crate::api::Kind;
use crate::kubectl::session::Session;
use std::collections::BTreeMap;
use std::path::Path;

/// One entry of a directory, for file completion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    pub name: String,
    pub is_dir: bool,
}

/// The state completion reads. Every list may come back in any order; the completer
/// sorts and deduplicates.
pub trait Source {
    /// The session's current namespace.
    fn namespace(&self) -> String;
    /// Names of the objects of `kind` in `namespace` (None: every namespace, or a
    /// cluster-scoped kind).
    fn names(&self, kind: Kind, namespace: Option<&str>) -> Vec<String>;
    /// The containers (init containers too) of a pod.
    fn containers(&self, namespace: &str, pod: &str) -> Vec<String>;
    /// The entries of directory `dir` as the learner's shell sees it (`""`: the working
    /// directory), sandbox files included.
    fn files(&self, dir: &str) -> Vec<FileEntry>;
    /// Commands of the sandbox besides `kubectl` (first words: `help`, `sleep`, `grep`...).
    fn commands(&self) -> Vec<String>;
    /// Lesson names, for `lessons NAME` (empty until a lessons catalogue exists).
    fn lessons(&self) -> Vec<String>;
}

/// A copy of what completion needs, as plain data.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub namespace: String,
    /// (kind, namespace, name); the namespace is empty for cluster-scoped objects.
    pub objects: Vec<(Kind, String, String)>,
    /// (namespace, pod) to container names.
    pub containers: BTreeMap<(String, String), Vec<String>>,
    /// Directory (`""` for the working directory) to its entries.
    pub dirs: BTreeMap<String, Vec<FileEntry>>,
    pub commands: Vec<String>,
    pub lessons: Vec<String>,
}

impl Source for Snapshot {
    fn namespace(&self) -> String {
        self.namespace.clone()
    }
    fn names(&self, kind: Kind, namespace: Option<&str>) -> Vec<String> {
        self.objects
            .iter()
            .filter(|(k, ns, _)| *k == kind && namespace.is_none_or(|want| want == ns))
            .map(|(_, _, n)| n.clone())
            .collect()
    }
    fn containers(&self, namespace: &str, pod: &str) -> Vec<String> {
        self.containers
            .get(&(namespace.to_string(), pod.to_string()))
            .cloned()
            .unwrap_or_default()
    }
    fn files(&self, dir: &str) -> Vec<FileEntry> {
        self.dirs.get(dir).cloned().unwrap_or_default()
    }
    fn commands(&self) -> Vec<String> {
        self.commands.clone()
    }
    fn lessons(&self) -> Vec<String> {
        self.lessons.clone()
    }
}

/// Reads a live session: its cluster's store, its workspace, and the host directory the
/// sandbox started in (read-only listing).
pub struct SessionSource<'a> {
    pub session: &'a Session,
    /// The learner's shell's working directory (absolute).
    pub cwd: &'a str,
    pub commands: &'a [String],
    pub lessons: &'a [String],
}

/// Directory listings are cut at this many entries: completion stays instant in `/usr`.
const MAX_DIR_ENTRIES: usize = 2000;

impl Source for SessionSource<'_> {
    fn namespace(&self) -> String {
        self.session.namespace.clone()
    }
    fn names(&self, kind: Kind, namespace: Option<&str>) -> Vec<String> {
        let ns = namespace.filter(|_| kind.info().namespaced);
        self.session
            .cluster
            .api
            .store
            .list(kind, ns)
            .map(|o| o.name().to_string())
            .collect()
    }
    fn containers(&self, namespace: &str, pod: &str) -> Vec<String> {
        let Some(p) = self
            .session
            .cluster
            .api
            .store
            .list(Kind::Pod, Some(namespace))
            .find(|o| o.name() == pod)
        else {
            return Vec::new();
        };
        let Some(typed) = p.as_typed::<k8s_openapi::api::core::v1::Pod>() else {
            return Vec::new();
        };
        let Some(spec) = &typed.spec else {
            return Vec::new();
        };
        spec.containers
            .iter()
            .chain(spec.init_containers.iter().flatten())
            .map(|c| c.name.clone())
            .collect()
    }
    fn files(&self, dir: &str) -> Vec<FileEntry> {
        let mut out = Vec::new();
        let host_dir = if dir.starts_with('/') {
            Path::new(dir).to_path_buf()
        } else {
            Path::new(self.cwd).join(dir)
        };
        if let Ok(entries) = std::fs::read_dir(&host_dir) {
            for e in entries.flatten().take(MAX_DIR_ENTRIES) {
                out.push(FileEntry {
                    name: e.file_name().to_string_lossy().into_owned(),
                    is_dir: e.file_type().is_ok_and(|t| t.is_dir()),
                });
            }
        }
        // Files written inside the sandbox (`cat <<EOF > web.yaml`), keyed relative to
        // the directory the sandbox started in.
        let prefix = dir.trim_start_matches("./");
        for key in self.session.workspace.files.keys() {
            let Some(rest) = key.strip_prefix(prefix) else {
                continue;
            };
            match rest.split_once('/') {
                Some((d, _)) if !d.is_empty() => out.push(FileEntry {
                    name: d.to_string(),
                    is_dir: true,
                }),
                None if !rest.is_empty() => out.push(FileEntry {
                    name: rest.to_string(),
                    is_dir: false,
                }),
                _ => {}
            }
        }
        out
    }
    fn commands(&self) -> Vec<String> {
        self.commands.to_vec()
    }
    fn lessons(&self) -> Vec<String> {
        self.lessons.to_vec()
    }
}
