//! What one container sees: its root filesystem with the pod's volumes mounted on top
//! (the longest mount point that prefixes a path wins), read-only mounts, and path
//! resolution that follows symbolic links and `..` without ever leaving `/`.

use super::path::{components, join};
use super::tree::{Body, Inode, Program, Volume};
use super::{FsErr, MAX_SYMLINK_HOPS, MAX_TOTAL_BYTES};
use crate::api::time::Millis;
use crate::runtime::volumes::VolumeId;
use std::collections::{BTreeMap, VecDeque};

/// A volume mounted into a container.
#[derive(Clone, Debug, PartialEq)]
pub struct Mount {
    /// Mount point (components; empty for `/`).
    pub at: Vec<String>,
    pub volume: VolumeId,
    /// `subPath` inside the volume.
    pub sub: Vec<String>,
    pub read_only: bool,
    /// What `mount` and `df` print as the filesystem (`overlay`, `/dev/sda1`, `tmpfs`).
    pub source: String,
    pub fstype: &'static str,
}

/// What `stat` tells about one path.
#[derive(Clone, Debug, PartialEq)]
pub struct Stat {
    pub type_char: char,
    pub mode_string: String,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub size: u64,
    pub nlink: u64,
    pub mtime: Millis,
    pub target: Option<String>,
    pub program: Option<Program>,
    /// Index of the mount the path lives on (a device number for `df`, `cp`, `mv`).
    pub mount: usize,
}

impl Stat {
    fn of(i: &Inode, mount: usize) -> Stat {
        Stat {
            type_char: i.type_char(),
            mode_string: i.mode_string(),
            mode: i.mode,
            uid: i.uid,
            gid: i.gid,
            size: i.size(),
            nlink: i.nlink(),
            mtime: i.mtime,
            target: match &i.body {
                Body::Symlink(t) => Some(t.clone()),
                _ => None,
            },
            program: match &i.body {
                Body::File { program, .. } => *program,
                _ => None,
            },
            mount,
        }
    }

    pub fn is_dir(&self) -> bool {
        self.type_char == 'd'
    }
}

/// A container's filesystem for the length of one operation.
pub struct PodFs<'a> {
    pub volumes: &'a mut BTreeMap<VolumeId, Volume>,
    pub mounts: &'a [Mount],
    pub now: Millis,
}

impl PodFs<'_> {
    /// The mount holding `abs` and the path inside its volume.
    pub fn locate(&self, abs: &[String]) -> (usize, Vec<String>) {
        let mut best = 0;
        let mut best_len = 0;
        for (i, m) in self.mounts.iter().enumerate() {
            if m.at.len() >= best_len && abs.starts_with(&m.at) {
                best = i;
                best_len = m.at.len();
            }
        }
        let m = &self.mounts[best];
        let mut rel = m.sub.clone();
        rel.extend(abs[best_len..].iter().cloned());
        (best, rel)
    }

    /// The inode at an already resolved absolute path.
    pub fn node(&self, abs: &[String]) -> Option<&Inode> {
        if self.mounts.is_empty() {
            return None;
        }
        let (m, rel) = self.locate(abs);
        self.volumes.get(&self.mounts[m].volume)?.get(&rel)
    }

    fn is_mount_point(&self, abs: &[String]) -> bool {
        !abs.is_empty() && self.mounts.iter().any(|m| m.at == abs)
    }

    /// Resolve `path` (relative to `cwd`) to an absolute path with no symbolic links in
    /// it (the last component is followed only when `follow`). The last component may
    /// not exist; every one before it must be a directory.
    pub fn resolve(&self, cwd: &str, path: &str, follow: bool) -> Result<Vec<String>, FsErr> {
        let trailing_slash = path.ends_with('/');
        let mut todo: VecDeque<String> = components(cwd, path)?.into();
        let mut done: Vec<String> = Vec::new();
        let mut hops = 0;
        while let Some(c) = todo.pop_front() {
            match c.as_str() {
                "." => continue,
                ".." => {
                    done.pop();
                    continue;
                }
                _ => {}
            }
            done.push(c);
            let last = todo.is_empty();
            match self.node(&done).map(|i| &i.body) {
                None if last => return Ok(done),
                None => return Err(FsErr::NotFound),
                Some(Body::Symlink(target)) if !last || follow || trailing_slash => {
                    hops += 1;
                    if hops > MAX_SYMLINK_HOPS {
                        return Err(FsErr::Loop);
                    }
                    done.pop();
                    if target.starts_with('/') {
                        done.clear();
                    }
                    let parts: Vec<String> = target
                        .split('/')
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    for p in parts.into_iter().rev() {
                        todo.push_front(p);
                    }
                }
                Some(Body::Dir(_)) | Some(Body::Symlink(_)) => {}
                Some(_) if !last || trailing_slash => return Err(FsErr::NotADirectory),
                Some(_) => {}
            }
        }
        Ok(done)
    }

    /// Resolve and require existence.
    pub fn lookup(&self, cwd: &str, path: &str, follow: bool) -> Result<Vec<String>, FsErr> {
        let abs = self.resolve(cwd, path, follow)?;
        if self.node(&abs).is_none() {
            return Err(FsErr::NotFound);
        }
        Ok(abs)
    }

    pub fn stat(&self, cwd: &str, path: &str, follow: bool) -> Result<Stat, FsErr> {
        let abs = self.lookup(cwd, path, follow)?;
        self.stat_abs(&abs).ok_or(FsErr::NotFound)
    }

    pub fn stat_abs(&self, abs: &[String]) -> Option<Stat> {
        let (m, _) = self.locate(abs);
        self.node(abs).map(|i| Stat::of(i, m))
    }

    pub fn read(&self, cwd: &str, path: &str) -> Result<String, FsErr> {
        let abs = self.lookup(cwd, path, true)?;
        self.read_abs(&abs)
    }

    pub fn read_abs(&self, abs: &[String]) -> Result<String, FsErr> {
        match self.node(abs).map(|i| &i.body) {
            None => Err(FsErr::NotFound),
            Some(Body::File { data, program }) => Ok(match program {
                Some(p) => format!("\u{7f}ELF\u{2}\u{1}\u{1} ({} binary)\n", p.name),
                None => data.clone(),
            }),
            Some(Body::Dir(_)) => Err(FsErr::IsADirectory),
            Some(Body::Device(super::Device::Null)) => Ok(String::new()),
            Some(_) => Err(FsErr::PermissionDenied),
        }
    }

    fn writable_mount(&self, m: usize) -> Result<(), FsErr> {
        let mount = &self.mounts[m];
        let vol_ro = self.volumes.get(&mount.volume).is_some_and(|v| v.read_only);
        if mount.read_only || vol_ro {
            Err(FsErr::ReadOnly)
        } else {
            Ok(())
        }
    }

    fn volume_mut(&mut self, m: usize) -> Result<&mut Volume, FsErr> {
        let id = self.mounts[m].volume.clone();
        self.volumes.get_mut(&id).ok_or(FsErr::NotFound)
    }

    fn touch_dir(&mut self, dir: &[String]) {
        let now = self.now;
        let (m, rel) = self.locate(dir);
        if let Ok(v) = self.volume_mut(m) {
            if let Some(i) = v.get_mut(&rel) {
                i.mtime = now;
            }
        }
    }

    /// Write or append to a file (creating it), following symbolic links.
    pub fn write(&mut self, cwd: &str, path: &str, data: &str, append: bool) -> Result<(), FsErr> {
        let abs = self.resolve(cwd, path, true)?;
        self.write_abs(&abs, data, append)
    }

    /// Whether `more` bytes still fit in the runtime's total bound.
    fn total_room(&self, more: u64) -> Result<(), FsErr> {
        let total: u64 = self.volumes.values().map(|v| v.used).sum();
        if total + more > MAX_TOTAL_BYTES {
            Err(FsErr::NoSpace)
        } else {
            Ok(())
        }
    }

    pub fn write_abs(&mut self, abs: &[String], data: &str, append: bool) -> Result<(), FsErr> {
        let existed = self.node(abs).is_some();
        let (m, rel) = self.locate(abs);
        if let Some(Inode {
            body: Body::Device(super::Device::Null),
            ..
        }) = self.node(abs)
        {
            return Ok(());
        }
        if self.node(abs).is_some_and(|i| i.is_dir()) {
            return Err(FsErr::IsADirectory);
        }
        self.writable_mount(m)?;
        self.total_room(data.len() as u64)?;
        let now = self.now;
        let r = self.volume_mut(m)?.write(&rel, data, append, now);
        if !existed && self.node(abs).is_some() {
            self.touch_dir(&abs[..abs.len().saturating_sub(1)]);
        }
        r
    }

    /// Put an inode at `abs` (which must not exist).
    pub fn insert_abs(&mut self, abs: &[String], inode: Inode) -> Result<(), FsErr> {
        if self.node(abs).is_some() {
            return Err(FsErr::Exists);
        }
        let (m, rel) = self.locate(abs);
        self.writable_mount(m)?;
        self.total_room(inode.usage().0)?;
        self.volume_mut(m)?.insert(&rel, inode)?;
        self.touch_dir(&abs[..abs.len().saturating_sub(1)]);
        Ok(())
    }

    pub fn mkdir_abs(&mut self, abs: &[String], mode: u32) -> Result<(), FsErr> {
        let now = self.now;
        self.insert_abs(abs, Inode::dir(mode, now))
    }

    /// Remove one entry (a directory must be empty unless `tree`; mount points are busy).
    pub fn remove_abs(&mut self, abs: &[String]) -> Result<Inode, FsErr> {
        if abs.is_empty() || self.is_mount_point(abs) {
            return Err(FsErr::Busy);
        }
        let (m, rel) = self.locate(abs);
        self.writable_mount(m)?;
        let inode = self.volume_mut(m)?.remove(&rel)?;
        self.touch_dir(&abs[..abs.len() - 1]);
        Ok(inode)
    }

    /// Names in a directory, sorted bytewise (the C locale's order).
    pub fn list_abs(&self, abs: &[String]) -> Result<Vec<String>, FsErr> {
        match self.node(abs).map(|i| &i.body) {
            None => Err(FsErr::NotFound),
            Some(Body::Dir(e)) => Ok(e.keys().cloned().collect()),
            Some(_) => Err(FsErr::NotADirectory),
        }
    }

    /// Remove a whole tree through the view, as `rm -r` walks it: the contents of a
    /// volume mounted below are deleted, the mount point itself is busy. Returns the
    /// failures (path, error).
    pub fn remove_tree(&mut self, abs: &[String], depth: usize) -> Vec<(String, FsErr)> {
        let mut errs = Vec::new();
        if depth > 256 {
            errs.push((join(abs), FsErr::NameTooLong));
            return errs;
        }
        if self.node(abs).is_some_and(|i| i.is_dir()) {
            for name in self.list_abs(abs).unwrap_or_default() {
                let mut child = abs.to_vec();
                child.push(name);
                errs.extend(self.remove_tree(&child, depth + 1));
            }
        }
        if errs.is_empty() {
            if let Err(e) = self.remove_abs(abs) {
                errs.push((join(abs), e));
            }
        } else if self.is_mount_point(abs) {
            errs.push((join(abs), FsErr::Busy));
        }
        errs
    }

    /// A copy of the inode at `abs` (with its subtree), for `cp` and `mv`.
    pub fn clone_abs(&self, abs: &[String]) -> Option<Inode> {
        self.node(abs).cloned()
    }

    pub fn set_mode(&mut self, abs: &[String], mode: u32) -> Result<(), FsErr> {
        let (m, rel) = self.locate(abs);
        self.writable_mount(m)?;
        let i = self.volume_mut(m)?.get_mut(&rel).ok_or(FsErr::NotFound)?;
        i.mode = mode & 0o7777;
        Ok(())
    }

    pub fn set_mtime(&mut self, abs: &[String], mtime: Millis) -> Result<(), FsErr> {
        let (m, rel) = self.locate(abs);
        self.writable_mount(m)?;
        let i = self.volume_mut(m)?.get_mut(&rel).ok_or(FsErr::NotFound)?;
        i.mtime = mtime;
        Ok(())
    }

    /// Move `from` to `to` (both resolved, `to` absent or a file to replace). Within one
    /// mount it is a rename; across mounts a copy and delete, as `mv` falls back to.
    pub fn rename_abs(&mut self, from: &[String], to: &[String]) -> Result<(), FsErr> {
        if from.is_empty() || self.is_mount_point(from) {
            return Err(FsErr::Busy);
        }
        if to.starts_with(from) && to.len() > from.len() {
            return Err(FsErr::Invalid);
        }
        let inode = self.clone_abs(from).ok_or(FsErr::NotFound)?;
        let (mf, _) = self.locate(from);
        let (mt, _) = self.locate(to);
        self.writable_mount(mf)?;
        self.writable_mount(mt)?;
        if let Some(existing) = self.node(to) {
            if existing.is_dir() {
                if !inode.is_dir() {
                    return Err(FsErr::IsADirectory);
                }
                if matches!(&existing.body, Body::Dir(e) if !e.is_empty()) {
                    return Err(FsErr::NotEmpty);
                }
            } else if inode.is_dir() {
                return Err(FsErr::NotADirectory);
            }
            self.remove_abs(to)?;
        }
        let removed = self.remove_abs(from)?;
        // A move within one filesystem takes no new space, even on a filled volume.
        let same_volume = self.mounts[mf].volume == self.mounts[mt].volume;
        let was_full = self.volume_mut(mf).map(|v| v.full).unwrap_or(false);
        let set_full = |fs: &mut Self, full: bool| {
            if let Ok(v) = fs.volume_mut(mf) {
                v.full = full;
            }
        };
        if same_volume {
            set_full(self, false);
        }
        let result = self.insert_abs(to, inode);
        if let Err(e) = result {
            // Put the source back so a failed move loses nothing.
            let (m, rel) = self.locate(from);
            if let Ok(v) = self.volume_mut(m) {
                let full = std::mem::replace(&mut v.full, false);
                let _ = v.insert(&rel, removed);
                v.full = full;
            }
            set_full(self, was_full);
            return Err(e);
        }
        if same_volume {
            set_full(self, was_full);
        }
        Ok(())
    }

    /// The volume behind mount `m` (for `df`).
    pub fn mount_volume(&self, m: usize) -> Option<&Volume> {
        self.volumes.get(&self.mounts.get(m)?.volume)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs_with(mounts: &[Mount], vols: &mut BTreeMap<VolumeId, Volume>) {
        for m in mounts {
            vols.entry(m.volume.clone())
                .or_insert_with(|| Volume::new(Some(100), 0));
        }
    }

    fn mount(at: &str, id: &str, ro: bool) -> Mount {
        Mount {
            at: components("/", at).unwrap(),
            volume: VolumeId::EmptyDir {
                pod_uid: "u".into(),
                name: id.into(),
            },
            sub: vec![],
            read_only: ro,
            source: "x".into(),
            fstype: "ext4",
        }
    }

    #[test]
    fn paths_cannot_escape_and_symlinks_resolve_inside() {
        let mounts = vec![mount("/", "root", false), mount("/data", "data", false)];
        let mut vols = BTreeMap::new();
        fs_with(&mounts, &mut vols);
        let mut fs = PodFs {
            volumes: &mut vols,
            mounts: &mounts,
            now: 5,
        };
        fs.mkdir_abs(&["etc".into()], 0o755).unwrap();
        fs.mkdir_abs(&["data".into()], 0o755).unwrap_err(); // the mount root exists
        fs.write("/", "/etc/passwd", "root:x:0:0\n", false).unwrap();
        assert_eq!(
            fs.read("/data", "../../../../etc/passwd").unwrap(),
            "root:x:0:0\n"
        );
        fs.insert_abs(
            &["data".into(), "up".into()],
            Inode {
                body: Body::Symlink("../../../..".into()),
                mode: 0o777,
                uid: 0,
                gid: 0,
                mtime: 0,
            },
        )
        .unwrap();
        assert_eq!(fs.resolve("/", "/data/up/etc", true).unwrap(), vec!["etc"]);
        // A link to itself loops, bounded.
        fs.insert_abs(
            &["loop".into()],
            Inode {
                body: Body::Symlink("/loop".into()),
                mode: 0o777,
                uid: 0,
                gid: 0,
                mtime: 0,
            },
        )
        .unwrap();
        assert_eq!(fs.read("/", "/loop"), Err(FsErr::Loop));
        // Writes under the mount land in its volume.
        fs.write("/data", "f", "hello", false).unwrap();
        let data_id = mounts[1].volume.clone();
        assert_eq!(fs.volumes[&data_id].used, 5);
        assert_eq!(fs.remove_abs(&["data".into()]), Err(FsErr::Busy));
        assert_eq!(
            fs.write("/", "/etc/passwd/x", "", false),
            Err(FsErr::NotADirectory)
        );
    }

    #[test]
    fn read_only_mounts() {
        let mounts = vec![mount("/", "root", false), mount("/cfg", "cfg", true)];
        let mut vols = BTreeMap::new();
        fs_with(&mounts, &mut vols);
        let mut fs = PodFs {
            volumes: &mut vols,
            mounts: &mounts,
            now: 0,
        };
        assert_eq!(fs.write("/", "/cfg/a", "x", false), Err(FsErr::ReadOnly));
        fs.write("/", "/a", "x", false).unwrap();
        assert_eq!(
            fs.rename_abs(&["a".into()], &["cfg".into(), "a".into()]),
            Err(FsErr::ReadOnly)
        );
        assert_eq!(fs.read("/", "/a").unwrap(), "x");
    }

    #[test]
    fn rm_r_empties_mounted_volumes_but_keeps_the_mount_point() {
        let mounts = vec![mount("/", "root", false), mount("/srv/www", "www", false)];
        let mut vols = BTreeMap::new();
        fs_with(&mounts, &mut vols);
        let mut fs = PodFs {
            volumes: &mut vols,
            mounts: &mounts,
            now: 0,
        };
        fs.mkdir_abs(&["srv".into()], 0o755).unwrap();
        let root = mounts[0].volume.clone();
        fs.volumes
            .get_mut(&root)
            .unwrap()
            .seed("/srv/www", Inode::dir(0o755, 0));
        fs.write("/", "/srv/www/index.html", "hi", false).unwrap();
        let errs = fs.remove_tree(&["srv".into()], 0);
        assert_eq!(errs, vec![("/srv/www".to_string(), FsErr::Busy)]);
        assert!(fs
            .node(&["srv".into(), "www".into(), "index.html".into()])
            .is_none());
    }
}
