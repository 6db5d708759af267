//! A small POSIX shell, the one interpreter behind both sides of the sandbox: the host
//! side (a learner's terminal or a scripted file, where tutorials write `for i in 0 1; do
//! kubectl exec web-$i -- ...; done`) and the pods' `sh` (busybox ash, dash in Debian-based
//! images). It parses and expands words, runs lists, pipelines, redirects and compound
//! commands, and hands every non-builtin command to a [`Host`]: the shell itself never
//! starts a process or touches a real file.
//!
//! Everything is bounded ([`Limits`]): nesting depth, commands per run, output size.

use crate::kubectl::output::Sink;

/// Whose shell this is: it decides the prompt and the wording of errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// The learner's own shell, as tutorials show it (bash).
    Bash,
    /// busybox ash (busybox, alpine): prompt `/ # `, errors `sh: X: not found`.
    Ash,
    /// dash, `/bin/sh` of Debian-based images (nginx, postgres, node): prompt `# `,
    /// errors `sh: 1: X: not found`.
    Dash,
}

/// Why a file operation failed; each dialect and applet words it its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FsError {
    NotFound,
    IsADirectory,
    NotADirectory,
    PermissionDenied,
    ReadOnly,
    NoSpace,
    Exists,
    /// The sandbox's own bound (file too large, too many files).
    Limit,
}

impl FsError {
    /// The C library's `strerror` text.
    pub fn strerror(self) -> &'static str {
        match self {
            FsError::NotFound => "No such file or directory",
            FsError::IsADirectory => "Is a directory",
            FsError::NotADirectory => "Not a directory",
            FsError::PermissionDenied => "Permission denied",
            FsError::ReadOnly => "Read-only file system",
            FsError::NoSpace => "No space left on device",
            FsError::Exists => "File exists",
            FsError::Limit => "File too large",
        }
    }
}

/// One command the shell hands to its host, after expansion.
pub struct Invocation<'a> {
    /// The command name (as typed) and its arguments.
    pub argv: &'a [String],
    /// What the command reads: a pipe, a redirect or a heredoc. None: a terminal with
    /// nothing typed (kubectl's `-f -` then reads nothing).
    pub stdin: Option<&'a str>,
    /// Exported variables, sorted by name.
    pub env: &'a [(String, String)],
    /// The working directory (absolute).
    pub cwd: &'a str,
}

/// What a shell runs its commands against: a kubectl session on the host side, a
/// container's filesystem and applets inside a pod.
pub trait Host {
    /// Run a command that is not a shell builtin, writing to `io`. Returns its exit status,
    /// or None when there is no such command (the shell reports it and returns 127).
    fn run(&mut self, cmd: &Invocation<'_>, io: &mut dyn Sink) -> Option<i32>;
    /// Read a file for a `<` redirect or `. FILE` (`path` as written; `cwd` to resolve it).
    fn read_file(&mut self, cwd: &str, path: &str) -> Result<String, FsError>;
    /// Write a file for `>`/`>>`/`2>` redirects.
    fn write_file(
        &mut self,
        cwd: &str,
        path: &str,
        data: &str,
        append: bool,
    ) -> Result<(), FsError>;
    /// Whether `path` names a directory (for `cd` and `test -d`).
    fn is_dir(&mut self, cwd: &str, path: &str) -> bool;
    /// Whether `path` exists (for `test -e`/`-f`).
    fn exists(&mut self, cwd: &str, path: &str) -> bool;
}
