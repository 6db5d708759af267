//! In-memory filesystems: one [`Volume`] per container root filesystem and per pod
//! volume, each a tree of [`Inode`]s with its own capacity; [`view::PodFs`] stacks them at
//! their mount points into what one container sees.
//!
//! Sandbox bounds (beyond a volume's own capacity, so that no input can exhaust memory):
//! a file holds at most [`MAX_FILE_BYTES`] (`File too large`), a volume at most
//! [`MAX_INODES`] files and directories and [`MAX_VOLUME_BYTES`] bytes whatever its claim
//! says, a root filesystem or a volume without a capacity at most [`DEFAULT_CAPACITY`],
//! and all volumes together at most [`MAX_TOTAL_BYTES`] (all `No space left on device`,
//! as a full disk or an exhausted inode table says).

pub mod path;
pub mod tree;
pub mod view;

pub use tree::{Body, Device, Inode, Program, Volume};

/// Largest file the sandbox keeps (8 MiB).
pub const MAX_FILE_BYTES: usize = 8 << 20;
/// Files and directories one volume may hold.
pub const MAX_INODES: usize = 20_000;
/// Capacity of a container's writable layer and of volumes with no size of their own
/// (emptyDir without `sizeLimit`, hostPath): 64 MiB.
pub const DEFAULT_CAPACITY: u64 = 64 << 20;
/// The most one volume holds, even when its claim is larger (`df` still shows the
/// claim's size): 256 MiB.
pub const MAX_VOLUME_BYTES: u64 = 256 << 20;
/// The most all containers' files and volumes hold together: 512 MiB.
pub const MAX_TOTAL_BYTES: u64 = 512 << 20;
/// Symbolic links followed in one lookup before `Too many levels of symbolic links`.
pub const MAX_SYMLINK_HOPS: usize = 40;
/// Longest path accepted (Linux's PATH_MAX).
pub const MAX_PATH: usize = 4096;

/// Why a file operation failed (the errno), worded by `strerror`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FsErr {
    NotFound,
    IsADirectory,
    NotADirectory,
    PermissionDenied,
    ReadOnly,
    NoSpace,
    Exists,
    NotEmpty,
    Busy,
    Loop,
    TooBig,
    NameTooLong,
    Invalid,
}

impl FsErr {
    /// The C library's `strerror` text.
    pub fn strerror(self) -> &'static str {
        match self {
            FsErr::NotFound => "No such file or directory",
            FsErr::IsADirectory => "Is a directory",
            FsErr::NotADirectory => "Not a directory",
            FsErr::PermissionDenied => "Permission denied",
            FsErr::ReadOnly => "Read-only file system",
            FsErr::NoSpace => "No space left on device",
            FsErr::Exists => "File exists",
            FsErr::NotEmpty => "Directory not empty",
            FsErr::Busy => "Device or resource busy",
            FsErr::Loop => "Too many levels of symbolic links",
            FsErr::TooBig => "File too large",
            FsErr::NameTooLong => "File name too long",
            FsErr::Invalid => "Invalid argument",
        }
    }

    /// The shell's narrower error type (for `Host`'s redirects and tests).
    pub fn to_shell(self) -> crate::shell::FsError {
        use crate::shell::FsError as S;
        match self {
            FsErr::NotFound | FsErr::Loop | FsErr::NameTooLong | FsErr::Invalid => S::NotFound,
            FsErr::IsADirectory => S::IsADirectory,
            FsErr::NotADirectory => S::NotADirectory,
            FsErr::PermissionDenied | FsErr::Busy => S::PermissionDenied,
            FsErr::ReadOnly => S::ReadOnly,
            FsErr::NoSpace => S::NoSpace,
            FsErr::Exists | FsErr::NotEmpty => S::Exists,
            FsErr::TooBig => S::Limit,
        }
    }
}

impl std::fmt::Display for FsErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.strerror())
    }
}
