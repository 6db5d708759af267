//! The files `--from-file` and `--from-env-file` name, read through the session's
//! [`Workspace`]: files made inside the sandbox first, then the host directory the sandbox
//! started in, read-only. Reading is bounded: each file as `-f` manifests are
//! ([`MAX_FILE_BYTES`]), and one command reads at most [`MAX_TOTAL_BYTES`] and lists at most
//! [`MAX_DIR_ENTRIES`] directory entries.

use super::data::{Entry, SourceFiles};
use crate::kubectl::host_files::{EntryKind, HostNode};
use crate::kubectl::workspace::{Workspace, MAX_FILE_BYTES};
use std::path::{Path, PathBuf};

/// The most bytes one `kubectl create configmap|secret` reads from files.
pub const MAX_TOTAL_BYTES: u64 = 2 * MAX_FILE_BYTES;
/// The most entries of one directory looked at.
pub const MAX_DIR_ENTRIES: usize = 4096;

/// [`SourceFiles`] over a workspace, with a byte budget for the command.
pub struct WorkspaceFiles<'a> {
    workspace: &'a Workspace,
    read_so_far: u64,
}

impl<'a> WorkspaceFiles<'a> {
    pub fn new(workspace: &'a Workspace) -> Self {
        WorkspaceFiles {
            workspace,
            read_so_far: 0,
        }
    }

    fn host_path(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.workspace.base_dir.join(p)
        }
    }

    /// The sandbox-only files directly inside `dir`, if it is a sandbox directory.
    fn virtual_dir(&self, dir: &str) -> Option<Vec<String>> {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        let mut any = false;
        let mut names = Vec::new();
        for key in self.workspace.files.keys() {
            if let Some(rest) = key.strip_prefix(prefix.as_str()) {
                any = true;
                if !rest.contains('/') {
                    names.push(rest.to_string());
                }
            }
        }
        any.then_some(names)
    }

    fn charge(&mut self, n: u64) -> Result<(), String> {
        self.read_so_far = self.read_so_far.saturating_add(n);
        if self.read_so_far > MAX_TOTAL_BYTES {
            return Err(format!(
                "the sandbox reads at most {MAX_TOTAL_BYTES} bytes of files for one command"
            ));
        }
        Ok(())
    }
}

impl SourceFiles for WorkspaceFiles<'_> {
    fn stat(&self, path: &str) -> Result<Entry, String> {
        if self.workspace.files.contains_key(path) {
            return Ok(Entry::File);
        }
        if let Some(names) = self.virtual_dir(path) {
            return Ok(Entry::Dir(names));
        }
        let host = self.host_path(path);
        match self.workspace.host.stat(&host) {
            HostNode::Dir => {}
            HostNode::Missing => return Err("no such file or directory".into()),
            HostNode::Error(e) => return Err(e),
            HostNode::File { .. } | HostNode::Other => return Ok(Entry::File),
        }
        let mut names = Vec::new();
        let entries = self.workspace.host.list(&host)?;
        for (name, kind) in entries.into_iter().take(MAX_DIR_ENTRIES) {
            // `os.ReadDir` types entries without following symlinks; only regular files count.
            if kind == EntryKind::File {
                names.push(name);
            }
        }
        names.sort();
        Ok(Entry::Dir(names))
    }

    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        if let Some(text) = self.workspace.files.get(path) {
            self.charge(text.len() as u64)?;
            return Ok(text.as_bytes().to_vec());
        }
        let host = self.host_path(path);
        let len = match self.workspace.host.stat(&host) {
            HostNode::Dir => return Err("is a directory".into()),
            HostNode::Missing => return Err("no such file or directory".into()),
            HostNode::Error(e) => return Err(e),
            HostNode::File { len } => len,
            HostNode::Other => 0,
        };
        if len > MAX_FILE_BYTES {
            return Err(format!(
                "the sandbox reads files up to {MAX_FILE_BYTES} bytes; this one has {len}"
            ));
        }
        self.charge(len)?;
        self.workspace.host.read(&host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_files_and_directories() {
        let mut ws = Workspace::new(PathBuf::from("/nonexistent-kubetutor-dir"));
        ws.write("conf/a.txt", "A");
        ws.write("conf/sub/b.txt", "B");
        let mut files = WorkspaceFiles::new(&ws);
        assert_eq!(files.stat("conf/a.txt"), Ok(Entry::File));
        assert_eq!(files.stat("conf/"), Ok(Entry::Dir(vec!["a.txt".into()])));
        assert_eq!(files.read("conf/a.txt"), Ok(b"A".to_vec()));
        assert_eq!(
            files.stat("missing"),
            Err("no such file or directory".to_string())
        );
    }

    #[test]
    fn host_directories_list_regular_files_sorted() {
        let ws = Workspace::new(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let files = WorkspaceFiles::new(&ws);
        let Ok(Entry::Dir(names)) = files.stat("src/kubectl/verbs/create_gen") else {
            panic!("a directory");
        };
        assert!(names.contains(&"files.rs".to_string()));
        assert!(names.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn reading_is_bounded() {
        let mut ws = Workspace::new(PathBuf::from("/nonexistent-kubetutor-dir"));
        let big = "x".repeat(MAX_FILE_BYTES as usize);
        for i in 0..3 {
            ws.write(&format!("f{i}"), &big);
        }
        let mut files = WorkspaceFiles::new(&ws);
        assert!(files.read("f0").is_ok() && files.read("f1").is_ok());
        assert!(files.read("f2").unwrap_err().contains("at most"));
    }
}
