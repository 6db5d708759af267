//! The host's files as the sandbox sees them: the only place the sandbox looks at the disk
//! (read-only). Every look (a stat, a read, a directory listing) is recorded while the
//! sandbox runs live, so the saved sandbox's journal can carry what each command read;
//! when a journal is replayed, the looks are answered from that recording instead of the
//! disk, so a restored sandbox is the same even if the files changed or went away.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;

/// The most entries one directory listing returns.
pub const MAX_LISTED: usize = 16_384;

/// Why a device, a pipe or a socket is not read: `/dev/zero` never ends and a pipe or a
/// terminal (`/dev/stdin`) would wait for input. `/dev/null` reads as empty.
pub const NOT_A_FILE: &str = "not a regular file (the sandbox reads only files)";

/// A regular file's bytes; see [`NOT_A_FILE`].
fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        return std::fs::read(path);
    }
    if meta.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
    }
    if std::fs::canonicalize(path).is_ok_and(|p| p == Path::new("/dev/null")) {
        return Ok(Vec::new());
    }
    Err(std::io::Error::other(NOT_A_FILE))
}

/// What a path is on the host (symlinks followed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostNode {
    Missing,
    File {
        len: u64,
    },
    Dir,
    /// A socket, a device, ...
    Other,
    /// The path could not be looked at (Go's wording: `permission denied`).
    Error(String),
}

/// An entry of a listed directory, typed without following symlinks (as `os.ReadDir`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
    Other,
}

/// A file's bytes: text when they are UTF-8 (readable in the journal), else raw bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Content {
    Text(String),
    Bytes(Vec<u8>),
    /// Reading failed with this error.
    Error(String),
}

/// Everything one command saw of one host path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stat: Option<HostNode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Content>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<Result<Vec<(String, EntryKind)>, String>>,
}

/// Host paths (as looked at) to what was seen of them.
pub type Recording = BTreeMap<String, Observed>;

/// The disk, live or replayed, with a log of what was looked at.
#[derive(Clone, Debug, Default)]
pub struct HostFiles {
    /// Answer from this recording instead of the disk (a journal being replayed).
    replaying: Option<Recording>,
    /// Keep a log of every look (the saved sandbox needs it).
    pub recording: bool,
    log: RefCell<Recording>,
    /// Looks a replay had no recording for (the command behaved differently).
    misses: RefCell<Vec<String>>,
}

impl HostFiles {
    /// Answer from `recording` until [`HostFiles::go_live`].
    pub fn replay_from(&mut self, recording: Recording) {
        self.replaying = Some(recording);
        self.misses.borrow_mut().clear();
    }

    /// Look at the disk again.
    pub fn go_live(&mut self) {
        self.replaying = None;
    }

    /// What was looked at since the last call (emptying the log).
    pub fn take_log(&mut self) -> Recording {
        std::mem::take(self.log.get_mut())
    }

    /// Paths a replay asked about that its recording does not have.
    pub fn take_misses(&mut self) -> Vec<String> {
        std::mem::take(self.misses.get_mut())
    }

    /// Look `path` up (replaying) or at the disk, and log what was seen.
    fn observe<T>(
        &self,
        path: &Path,
        recorded: impl Fn(&Observed) -> Option<T>,
        live: impl FnOnce() -> T,
        store: impl FnOnce(&mut Observed, &T),
        missing: T,
    ) -> T {
        let key = path.to_string_lossy().into_owned();
        let value = match &self.replaying {
            Some(rec) => match rec.get(&key).and_then(&recorded) {
                Some(v) => v,
                None => {
                    self.misses.borrow_mut().push(key.clone());
                    missing
                }
            },
            None => live(),
        };
        if self.recording || self.replaying.is_some() {
            let mut log = self.log.borrow_mut();
            store(log.entry(key).or_default(), &value);
        }
        value
    }

    /// What `path` is (following symlinks).
    pub fn stat(&self, path: &Path) -> HostNode {
        self.observe(
            path,
            |o| o.stat.clone(),
            || match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => HostNode::Dir,
                Ok(m) if m.is_file() => HostNode::File { len: m.len() },
                Ok(_) => HostNode::Other,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => HostNode::Missing,
                Err(e) => HostNode::Error(errno_text(&e)),
            },
            |o, v| o.stat = Some(v.clone()),
            HostNode::Missing,
        )
    }

    /// A file's bytes (the caller checks its size first), or Go's wording of the error.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        let content = self.observe(
            path,
            |o| o.content.clone(),
            || match read_regular(path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Content::Text(text),
                    Err(e) => Content::Bytes(e.into_bytes()),
                },
                Err(e) => Content::Error(errno_text(&e)),
            },
            |o, v| o.content = Some(v.clone()),
            Content::Error("no such file or directory".into()),
        );
        match content {
            Content::Text(t) => Ok(t.into_bytes()),
            Content::Bytes(b) => Ok(b),
            Content::Error(e) => Err(e),
        }
    }

    /// A directory's entries (at most [`MAX_LISTED`], in the disk's order).
    pub fn list(&self, path: &Path) -> Result<Vec<(String, EntryKind)>, String> {
        self.observe(
            path,
            |o| o.entries.clone(),
            || {
                let dir = std::fs::read_dir(path).map_err(|e| errno_text(&e))?;
                let mut out = Vec::new();
                for e in dir.flatten().take(MAX_LISTED) {
                    let kind = match e.file_type() {
                        Ok(t) if t.is_file() => EntryKind::File,
                        Ok(t) if t.is_dir() => EntryKind::Dir,
                        Ok(t) if t.is_symlink() => EntryKind::Symlink,
                        _ => EntryKind::Other,
                    };
                    out.push((e.file_name().to_string_lossy().into_owned(), kind));
                }
                Ok(out)
            },
            |o, v| o.entries = Some(v.clone()),
            Err("no such file or directory".into()),
        )
    }

    pub fn is_dir(&self, path: &Path) -> bool {
        self.stat(path) == HostNode::Dir
    }

    pub fn exists(&self, path: &Path) -> bool {
        !matches!(self.stat(path), HostNode::Missing | HostNode::Error(_))
    }
}

/// How Go words an `os` error (`no such file or directory`).
pub fn errno_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::NotADirectory => "not a directory".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s);
            let mut c = s.chars();
            match c.next() {
                Some(first) => first.to_lowercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_looks_are_logged_and_replayed_without_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("web.yaml");
        std::fs::write(&file, "kind: Pod\n").unwrap();
        let mut host = HostFiles {
            recording: true,
            ..Default::default()
        };
        assert_eq!(host.stat(&file), HostNode::File { len: 10 });
        assert_eq!(host.read(&file).unwrap(), b"kind: Pod\n");
        assert_eq!(
            host.list(dir.path()).unwrap(),
            vec![("web.yaml".to_string(), EntryKind::File)]
        );
        assert!(host.is_dir(dir.path()));
        let log = host.take_log();
        assert_eq!(log.len(), 2);

        // The disk changes; a replay still sees what was recorded.
        std::fs::remove_file(&file).unwrap();
        host.replay_from(log.clone());
        assert_eq!(host.read(&file).unwrap(), b"kind: Pod\n");
        assert!(host.is_dir(dir.path()));
        assert!(host.take_misses().is_empty());
        // A look the recording lacks is a miss, answered as a missing file.
        assert_eq!(host.stat(&dir.path().join("other")), HostNode::Missing);
        assert_eq!(host.take_misses().len(), 1);
        host.go_live();
        assert_eq!(host.stat(&file), HostNode::Missing);
    }

    #[test]
    fn binary_content_is_kept_as_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("key.bin");
        std::fs::write(&file, [0xff, 0x00, 0x41]).unwrap();
        let mut host = HostFiles {
            recording: true,
            ..Default::default()
        };
        assert_eq!(host.read(&file).unwrap(), vec![0xff, 0x00, 0x41]);
        let log = host.take_log();
        let json = serde_json::to_string(&log).unwrap();
        let back: Recording = serde_json::from_str(&json).unwrap();
        assert_eq!(back, log);
    }
}
