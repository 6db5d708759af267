//! Files a command can read: files created inside the sandbox (heredocs, lessons) first,
//! then the host directory the script or REPL started in, read-only, through
//! [`HostFiles`] (which records what was read for the saved sandbox). Nothing here writes
//! to the host.

use super::host_files::{EntryKind, HostFiles, HostNode};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest manifest the sandbox reads (kubectl itself has no limit; ours keeps the
/// sandbox responsive and is documented in the README).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// Where relative paths on the host are resolved.
    pub base_dir: PathBuf,
    /// Files that exist only in the sandbox.
    pub files: BTreeMap<String, String>,
    /// The host's files, live or replayed from a journal.
    pub host: HostFiles,
}

/// Why a path could not be read, in kubectl's words.
#[derive(Debug, PartialEq)]
pub enum ReadError {
    NotFound,
    TooLarge(u64),
    Other(String),
}

impl Workspace {
    pub fn new(base_dir: PathBuf) -> Self {
        Workspace {
            base_dir,
            files: BTreeMap::new(),
            host: HostFiles::default(),
        }
    }

    pub fn host_path(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        }
    }

    /// The files a `-f PATH` names: the file itself, or the manifests in a directory
    /// (`.yaml`, `.yml`, `.json`, sorted; with `recursive`, sub-directories too).
    pub fn expand(&self, path: &str, recursive: bool) -> Result<Vec<String>, ReadError> {
        if self.files.contains_key(path) {
            return Ok(vec![path.to_string()]);
        }
        let prefix = format!("{}/", path.trim_end_matches('/'));
        let virtual_dir: Vec<String> = self
            .files
            .keys()
            .filter(|k| k.starts_with(&prefix) && (recursive || !k[prefix.len()..].contains('/')))
            .cloned()
            .collect();
        if !virtual_dir.is_empty() {
            return Ok(virtual_dir);
        }
        let host = self.host_path(path);
        match self.host.stat(&host) {
            HostNode::Dir => {
                let mut out = Vec::new();
                collect_dir(&self.host, &host, path, recursive, &mut out)
                    .map_err(ReadError::Other)?;
                out.sort();
                Ok(out)
            }
            // A device is a path kubectl would open: `/dev/null` reads as empty, the
            // others are refused when read.
            HostNode::File { .. } | HostNode::Other => Ok(vec![path.to_string()]),
            _ => Err(ReadError::NotFound),
        }
    }

    pub fn read(&self, path: &str) -> Result<String, ReadError> {
        if let Some(text) = self.files.get(path) {
            return Ok(text.clone());
        }
        let host = self.host_path(path);
        let len = match self.host.stat(&host) {
            HostNode::File { len } => len,
            HostNode::Dir => return Err(ReadError::Other("Is a directory (os error 21)".into())),
            HostNode::Other => 0,
            HostNode::Missing | HostNode::Error(_) => return Err(ReadError::NotFound),
        };
        if len > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(len));
        }
        let bytes = self.host.read(&host).map_err(ReadError::Other)?;
        String::from_utf8(bytes)
            .map_err(|_| ReadError::Other("stream did not contain valid UTF-8".into()))
    }

    pub fn write(&mut self, path: &str, text: &str) {
        self.files.insert(path.to_string(), text.to_string());
    }
}

fn collect_dir(
    host: &HostFiles,
    dir: &Path,
    shown: &str,
    recursive: bool,
    out: &mut Vec<String>,
) -> Result<(), String> {
    let entries = host.list(dir)?;
    for (name, kind) in entries {
        let p = dir.join(&name);
        let shown_path = format!("{}/{}", shown.trim_end_matches('/'), name);
        let is_dir = match kind {
            EntryKind::Dir => true,
            EntryKind::Symlink => host.is_dir(&p),
            _ => false,
        };
        if is_dir {
            if recursive {
                collect_dir(host, &p, &shown_path, recursive, out)?;
            }
        } else if name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json") {
            out.push(shown_path);
        }
    }
    Ok(())
}
