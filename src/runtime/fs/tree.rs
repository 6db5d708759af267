//! One filesystem: a tree of inodes (files, directories, symbolic links, devices) with
//! mode, owner and modification time on the virtual clock, and the volume that holds it
//! with its capacity and usage. Paths here are already resolved components relative to
//! the volume's root; `view` does the resolving.

use super::{FsErr, DEFAULT_CAPACITY, MAX_FILE_BYTES, MAX_INODES, MAX_VOLUME_BYTES};
use crate::api::time::Millis;
use std::collections::BTreeMap;

/// A program file: which applet or server it is, and the size the real binary has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Program {
    pub name: &'static str,
    pub size: u64,
}

/// The character devices the sandbox models.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    /// `/dev/null`: reads nothing, swallows writes.
    Null,
    /// `/dev/zero`, `/dev/random`, `/dev/urandom`, `/dev/tty`: reads and writes refused
    /// by the sandbox (an endless read has no bounded answer).
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    File {
        data: String,
        program: Option<Program>,
    },
    Dir(BTreeMap<String, Inode>),
    Symlink(String),
    Device(Device),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Inode {
    pub body: Body,
    /// Permission bits (`0o755`).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub mtime: Millis,
}

impl Inode {
    pub fn dir(mode: u32, mtime: Millis) -> Inode {
        Inode {
            body: Body::Dir(BTreeMap::new()),
            mode,
            uid: 0,
            gid: 0,
            mtime,
        }
    }

    pub fn file(data: &str, mode: u32, mtime: Millis) -> Inode {
        Inode {
            body: Body::File {
                data: data.to_string(),
                program: None,
            },
            mode,
            uid: 0,
            gid: 0,
            mtime,
        }
    }

    pub fn is_dir(&self) -> bool {
        matches!(self.body, Body::Dir(_))
    }

    /// `st_size` as `ls -l` shows it.
    pub fn size(&self) -> u64 {
        match &self.body {
            Body::File {
                program: Some(p), ..
            } => p.size,
            Body::File { data, .. } => data.len() as u64,
            Body::Dir(_) => 4096,
            Body::Symlink(t) => t.len() as u64,
            Body::Device(_) => 0,
        }
    }

    /// `st_nlink`: 2 plus subdirectories for a directory.
    pub fn nlink(&self) -> u64 {
        match &self.body {
            Body::Dir(e) => 2 + e.values().filter(|i| i.is_dir()).count() as u64,
            _ => 1,
        }
    }

    /// The type letter `ls -l` prints first.
    pub fn type_char(&self) -> char {
        match self.body {
            Body::File { .. } => '-',
            Body::Dir(_) => 'd',
            Body::Symlink(_) => 'l',
            Body::Device(_) => 'c',
        }
    }

    /// `drwxr-xr-x` (with `s`/`t` for setuid, setgid and sticky bits).
    pub fn mode_string(&self) -> String {
        let m = self.mode;
        let mut s = String::with_capacity(10);
        s.push(self.type_char());
        let bit = |b: u32, c: char| if m & b != 0 { c } else { '-' };
        s.push(bit(0o400, 'r'));
        s.push(bit(0o200, 'w'));
        s.push(special(m & 0o100 != 0, m & 0o4000 != 0, 's'));
        s.push(bit(0o040, 'r'));
        s.push(bit(0o020, 'w'));
        s.push(special(m & 0o010 != 0, m & 0o2000 != 0, 's'));
        s.push(bit(0o004, 'r'));
        s.push(bit(0o002, 'w'));
        s.push(special(m & 0o001 != 0, m & 0o1000 != 0, 't'));
        s
    }

    /// Bytes of file data and number of inodes in this subtree.
    pub fn usage(&self) -> (u64, usize) {
        match &self.body {
            Body::File { data, .. } => (data.len() as u64, 1),
            Body::Dir(entries) => entries.values().fold((0, 1), |(b, n), i| {
                let (b2, n2) = i.usage();
                (b + b2, n + n2)
            }),
            _ => (0, 1),
        }
    }
}

fn special(exec: bool, set: bool, c: char) -> char {
    match (exec, set) {
        (true, true) => c,
        (false, true) => c.to_ascii_uppercase(),
        (true, false) => 'x',
        (false, false) => '-',
    }
}

/// A filesystem with its capacity: a container's writable root or one pod volume.
#[derive(Clone, Debug, PartialEq)]
pub struct Volume {
    pub root: Inode,
    /// Bytes of file data it may hold.
    pub capacity: u64,
    /// Bytes of file data it holds.
    pub used: u64,
    pub inodes: usize,
    /// Projected volumes (configMap, secret, the service account token) are read-only
    /// whatever the mount says.
    pub read_only: bool,
    /// Filled to the last block by the sandbox's `break pod NAME fill` drill: no write
    /// that needs space succeeds (new empty files still do, as on a full ext4), and `df`
    /// shows it 100% used, until `heal pod` empties it again.
    pub full: bool,
}

impl Volume {
    pub fn new(capacity: Option<u64>, mtime: Millis) -> Volume {
        Volume {
            root: Inode::dir(0o755, mtime),
            capacity: capacity.unwrap_or(DEFAULT_CAPACITY),
            used: 0,
            inodes: 1,
            read_only: false,
            full: false,
        }
    }

    /// The bytes `df` reports used: all of them while the volume is filled.
    pub fn used_for_df(&self) -> u64 {
        if self.full {
            self.capacity.max(self.used)
        } else {
            self.used
        }
    }

    /// Whether a write of `more` bytes (or a new directory or link, which needs a block)
    /// is refused because the volume is filled.
    fn full_for(&self, more: u64) -> Result<(), FsErr> {
        if self.full && more > 0 {
            Err(FsErr::NoSpace)
        } else {
            Ok(())
        }
    }

    /// Recount usage after building or replacing the tree wholesale.
    pub fn recount(&mut self) {
        let (b, n) = self.root.usage();
        self.used = b;
        self.inodes = n;
    }

    pub fn get(&self, rel: &[String]) -> Option<&Inode> {
        let mut cur = &self.root;
        for c in rel {
            match &cur.body {
                Body::Dir(e) => cur = e.get(c)?,
                _ => return None,
            }
        }
        Some(cur)
    }

    pub fn get_mut(&mut self, rel: &[String]) -> Option<&mut Inode> {
        let mut cur = &mut self.root;
        for c in rel {
            match &mut cur.body {
                Body::Dir(e) => cur = e.get_mut(c)?,
                _ => return None,
            }
        }
        Some(cur)
    }

    fn parent_entries(&mut self, rel: &[String]) -> Result<&mut BTreeMap<String, Inode>, FsErr> {
        let (_, parent) = rel.split_last().ok_or(FsErr::Exists)?;
        match self.get_mut(parent) {
            None => Err(FsErr::NotFound),
            Some(Inode {
                body: Body::Dir(e), ..
            }) => Ok(e),
            Some(_) => Err(FsErr::NotADirectory),
        }
    }

    fn writable(&self) -> Result<(), FsErr> {
        if self.read_only {
            Err(FsErr::ReadOnly)
        } else {
            Ok(())
        }
    }

    /// Write (or append to) a file, creating it when missing. A write that does not fit
    /// stores what fits and fails with `NoSpace`, as a full disk does.
    pub fn write(
        &mut self,
        rel: &[String],
        text: &str,
        append: bool,
        now: Millis,
    ) -> Result<(), FsErr> {
        self.writable()?;
        let (old_len, exists) = match self.get(rel) {
            Some(Inode {
                body: Body::Dir(_), ..
            }) => return Err(FsErr::IsADirectory),
            Some(Inode {
                body: Body::Device(Device::Null),
                ..
            }) => return Ok(()),
            Some(Inode {
                body: Body::Device(_),
                ..
            }) => return Err(FsErr::PermissionDenied),
            Some(Inode {
                body: Body::File { data, .. },
                ..
            }) => (data.len() as u64, true),
            Some(_) => return Err(FsErr::Invalid),
            None => (0, false),
        };
        if !exists && self.inodes >= MAX_INODES {
            return Err(FsErr::NoSpace);
        }
        let kept = if append { old_len } else { 0 };
        let room_disk = if self.full {
            0
        } else {
            self.capacity
                .min(MAX_VOLUME_BYTES)
                .saturating_sub(self.used.saturating_sub(old_len) + kept)
        };
        let room_file = (MAX_FILE_BYTES as u64).saturating_sub(kept);
        let room = room_disk.min(room_file) as usize;
        let mut cut = text.len().min(room);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &text[..cut];
        if !exists {
            let name = rel.last().cloned().ok_or(FsErr::IsADirectory)?;
            let entries = self.parent_entries(rel)?;
            entries.insert(name, Inode::file("", 0o644, now));
            self.inodes += 1;
        }
        if let Some(Inode {
            body: Body::File { data, program },
            mtime,
            ..
        }) = self.get_mut(rel)
        {
            if !append {
                data.clear();
            }
            data.push_str(piece);
            *program = None;
            *mtime = now;
        }
        self.used = self.used.saturating_sub(old_len) + kept + piece.len() as u64;
        if cut < text.len() {
            return Err(if room_file < room_disk {
                FsErr::TooBig
            } else {
                FsErr::NoSpace
            });
        }
        Ok(())
    }

    /// Insert a whole inode (mkdir, symlink, cp, mv); fails when the name exists.
    pub fn insert(&mut self, rel: &[String], inode: Inode) -> Result<(), FsErr> {
        self.writable()?;
        let (bytes, count) = inode.usage();
        // A directory or symbolic link takes a block even when it holds no data.
        let needs_block = !matches!(&inode.body, Body::File { .. } | Body::Device(_));
        self.full_for(bytes + u64::from(needs_block))?;
        if self.inodes + count > MAX_INODES {
            return Err(FsErr::NoSpace);
        }
        if self.used + bytes > self.capacity.min(MAX_VOLUME_BYTES) {
            return Err(FsErr::NoSpace);
        }
        let name = rel.last().cloned().ok_or(FsErr::Exists)?;
        let entries = self.parent_entries(rel)?;
        if entries.contains_key(&name) {
            return Err(FsErr::Exists);
        }
        entries.insert(name, inode);
        self.used += bytes;
        self.inodes += count;
        Ok(())
    }

    /// Take an inode (and its subtree) out.
    pub fn remove(&mut self, rel: &[String]) -> Result<Inode, FsErr> {
        self.writable()?;
        let name = rel.last().cloned().ok_or(FsErr::Busy)?;
        let entries = self.parent_entries(rel)?;
        let inode = entries.remove(&name).ok_or(FsErr::NotFound)?;
        let (bytes, count) = inode.usage();
        self.used = self.used.saturating_sub(bytes);
        self.inodes = self.inodes.saturating_sub(count);
        Ok(inode)
    }

    /// Seed helpers for image builders: create parents as needed, no capacity checks
    /// (call `recount` when done).
    pub fn seed(&mut self, path: &str, inode: Inode) {
        let parts: Vec<String> = path
            .split('/')
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect();
        let Some((name, parents)) = parts.split_last() else {
            self.root = inode;
            return;
        };
        let mtime = inode.mtime;
        let mut cur = &mut self.root;
        for p in parents {
            let Body::Dir(e) = &mut cur.body else { return };
            cur = e
                .entry(p.clone())
                .or_insert_with(|| Inode::dir(0o755, mtime));
        }
        if let Body::Dir(e) = &mut cur.body {
            match (e.get_mut(name), &inode.body) {
                // Seeding a directory over an existing one keeps its contents.
                (Some(existing), Body::Dir(_)) if existing.is_dir() => {
                    existing.mode = inode.mode;
                    existing.mtime = inode.mtime;
                    existing.uid = inode.uid;
                    existing.gid = inode.gid;
                }
                _ => {
                    e.insert(name.clone(), inode);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<String> {
        s.split('/')
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn writes_past_capacity_fail_with_no_space_and_keep_what_fit() {
        let mut v = Volume::new(Some(10), 0);
        v.write(&p("a"), "12345", false, 0).unwrap();
        assert_eq!(v.write(&p("b"), "1234567", false, 0), Err(FsErr::NoSpace));
        assert_eq!(v.used, 10);
        assert_eq!(v.get(&p("b")).unwrap().size(), 5);
        // Overwriting frees the old bytes first.
        v.write(&p("a"), "x", false, 0).unwrap();
        assert_eq!(v.used, 6);
        v.remove(&p("b")).unwrap();
        assert_eq!(v.used, 1);
    }

    #[test]
    fn read_only_volumes_refuse_writes() {
        let mut v = Volume::new(None, 0);
        v.read_only = true;
        assert_eq!(v.write(&p("a"), "x", false, 0), Err(FsErr::ReadOnly));
        assert_eq!(
            v.insert(&p("d"), Inode::dir(0o755, 0)),
            Err(FsErr::ReadOnly)
        );
    }

    #[test]
    fn mode_strings() {
        let mut i = Inode::dir(0o1777, 0);
        assert_eq!(i.mode_string(), "drwxrwxrwt");
        i = Inode::file("", 0o4755, 0);
        assert_eq!(i.mode_string(), "-rwsr-xr-x");
    }

    #[test]
    fn inode_bound() {
        let mut v = Volume::new(None, 0);
        v.inodes = MAX_INODES;
        assert_eq!(v.write(&p("a"), "x", false, 0), Err(FsErr::NoSpace));
    }
}
