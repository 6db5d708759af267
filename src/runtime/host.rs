//! Entering a container: [`PodHost`] is what a shell running inside a pod runs its
//! commands against (the container's filesystem, its programs, the cluster network), and
//! [`exec`] is `kubectl exec`'s entry point: find `argv[0]` as the container runtime
//! would (a path, or a search of the container's `PATH`), then run it.
//!
//! Bounds: one exec writes at most [`MAX_OUTPUT`] bytes to the terminal and one command
//! generates at most [`MAX_GENERATED`] (then each says so and discards the rest), one
//! `PodHost` sleeps at most [`MAX_SLEEP_MS`] of virtual time in total, and nests `sh`
//! at most [`MAX_SH_DEPTH`] deep.

use super::applets::{self, Call};
use super::fs::path::basename;
use super::fs::view::PodFs;
use super::fs::{Body, Program};
use super::images::{self, ImageInfo};
use super::{shell_adapter, Container, ContainerKey};
use crate::api::time::Millis;
use crate::cluster::Cluster;
use crate::kubectl::output::Sink;
use crate::shell::{Dialect, FsError, Host, Invocation};
use crate::store::ObjKey;

/// Output one exec may write to the terminal: 1 MiB (an interactive session wraps its
/// terminal in [`Limited`] the same way).
pub const MAX_OUTPUT: usize = 1 << 20;
/// Output one command may generate (into a pipe or a file): 8 MiB, the largest file.
pub const MAX_GENERATED: usize = crate::runtime::fs::MAX_FILE_BYTES;
/// Virtual time one exec may sleep in total: 6 hours.
pub const MAX_SLEEP_MS: Millis = 6 * 3_600_000;
/// `sh -c 'sh -c ...'` nesting bound.
pub const MAX_SH_DEPTH: usize = 16;

/// How `kubectl exec` ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExecResult {
    /// The command ran and exited with this status.
    Exited(i32),
    /// `argv[0]` is not an executable in the container (kubectl prints the OCI
    /// runtime's `executable file not found in $PATH` / `no such file or directory`).
    NotFound { path: String },
    /// `argv[0]` exists but cannot run: a directory (`is a directory`) or a file without
    /// an execute bit (`permission denied`).
    NotExecutable { path: String, is_dir: bool },
}

/// The shell an image has as `/bin/sh` (None: `kubectl exec ... -- sh` fails).
pub fn image_shell(image: &str) -> Option<Dialect> {
    images::shell_of(images::info(image).userland)
}

/// What `argv[0]` names in the container.
enum Found {
    Program(Program, String),
    /// A file without a program: a script for `/bin/sh` (or its `#!` interpreter).
    Script(String),
    /// Exists but cannot be executed (a directory, no execute bit).
    Denied(String),
}

/// One container, entered.
pub struct PodHost<'a> {
    pub cluster: &'a mut Cluster,
    pub pod: ObjKey,
    pub key: Option<ContainerKey>,
    /// A terminal is attached (`kubectl exec -t`): `ls` prints columns, curl hides its
    /// progress meter.
    pub tty: bool,
    slept: Millis,
    pub(crate) depth: usize,
    /// Replaying a container's main process for its logs: its own clock (from the
    /// container's start), the instant the replay stops at, and the flag that says so.
    replay: Option<Replay>,
}

/// A replay of a container's main process: time passes only on its own clock.
struct Replay {
    clock: Millis,
    until: Millis,
    stopped: std::rc::Rc<std::cell::Cell<bool>>,
}

/// Passes output on until the budget is spent, then says so once.
pub struct Limited<'s> {
    inner: &'s mut dyn Sink,
    left: usize,
    budget: usize,
    tripped: bool,
}

impl<'s> Limited<'s> {
    /// A terminal that takes at most `budget` bytes.
    pub fn new(inner: &'s mut dyn Sink, budget: usize) -> Limited<'s> {
        Limited {
            inner,
            left: budget,
            budget,
            tripped: false,
        }
    }

    /// Whether the budget ran out.
    pub fn tripped(&self) -> bool {
        self.tripped
    }

    fn write(&mut self, text: &str, err: bool) {
        if self.tripped {
            return;
        }
        let mut take = text.len().min(self.left);
        while !text.is_char_boundary(take) {
            take -= 1;
        }
        let piece = &text[..take];
        if !piece.is_empty() {
            if err {
                self.inner.err(piece);
            } else {
                self.inner.out(piece);
            }
        }
        self.left -= take;
        if take < text.len() {
            self.tripped = true;
            self.inner.err(&format!(
                "\nkubetutor: output limit reached ({} KiB); the rest was discarded\n",
                self.budget / 1024
            ));
        }
    }
}

impl Sink for Limited<'_> {
    fn out(&mut self, text: &str) {
        self.write(text, false);
    }
    fn err(&mut self, text: &str) {
        self.write(text, true);
    }
}

impl<'a> PodHost<'a> {
    /// Enter `container` of `pod` (the caller has checked the pod runs it).
    pub fn new(cluster: &'a mut Cluster, pod: &ObjKey, container: &str) -> PodHost<'a> {
        let now = cluster.now();
        let key = cluster
            .runtime
            .ensure(&cluster.api.store, pod, container, now);
        PodHost {
            cluster,
            pod: pod.clone(),
            key,
            tty: false,
            slept: 0,
            depth: 0,
            replay: None,
        }
    }

    /// Replay the main process from `from` to `until` on a clock of its own (for logs);
    /// `stopped` turns true when the replay reaches `until`.
    pub(crate) fn replaying(
        mut self,
        from: Millis,
        until: Millis,
        stopped: std::rc::Rc<std::cell::Cell<bool>>,
    ) -> Self {
        self.replay = Some(Replay {
            clock: from,
            until,
            stopped,
        });
        self
    }

    fn stopped(&self) -> bool {
        self.replay.as_ref().is_some_and(|r| r.stopped.get())
    }

    /// With a terminal attached (`-t`).
    pub fn with_tty(mut self, tty: bool) -> Self {
        self.tty = tty;
        self
    }

    pub fn now(&self) -> Millis {
        match &self.replay {
            Some(r) => r.clock,
            None => self.cluster.now(),
        }
    }

    pub fn container(&self) -> Option<&Container> {
        self.cluster.runtime.container(self.key.as_ref()?)
    }

    pub fn container_mut(&mut self) -> Option<&mut Container> {
        let key = self.key.clone()?;
        self.cluster.runtime.container_mut(&key)
    }

    /// The image's facts (userland, application, tag).
    pub fn info(&self) -> ImageInfo {
        self.container()
            .map(|c| c.info.clone())
            .unwrap_or(ImageInfo {
                userland: crate::kubelet::images::Userland::Scratch,
                app: crate::kubelet::images::App::Generic,
                tag: String::new(),
            })
    }

    /// Whether the tools speak busybox.
    pub fn busybox(&self) -> bool {
        images::is_busybox(self.info().userland)
    }

    /// `/bin/sh` of this container, for an interactive `kubectl exec -it ... -- sh`.
    pub fn dialect(&self) -> Option<Dialect> {
        images::shell_of(self.info().userland)
    }

    /// The environment a process started by `kubectl exec` gets.
    pub fn env(&self) -> Vec<(String, String)> {
        self.container().map(|c| c.env.clone()).unwrap_or_default()
    }

    /// The working directory `kubectl exec` starts in.
    pub fn workdir(&self) -> String {
        self.container()
            .map(|c| c.workdir.clone())
            .unwrap_or_else(|| "/".into())
    }

    /// The pod's hostname (for prompts: `root@web-0:/#`).
    pub fn hostname(&self) -> String {
        self.container()
            .map(|c| c.hostname.clone())
            .unwrap_or_default()
    }

    /// The container's filesystem for one operation.
    pub fn fs(&mut self) -> Option<PodFs<'_>> {
        let now = self.cluster.now();
        let key = self.key.clone()?;
        self.cluster.runtime.fs(&key, now)
    }

    /// Sleep on the cluster's virtual clock (the cluster runs meanwhile).
    pub fn sleep(&mut self, ms: Millis) -> Result<(), String> {
        if let Some(r) = &mut self.replay {
            r.clock = r.clock.saturating_add(ms);
            if r.clock > r.until {
                r.stopped.set(true);
                return Err(String::new());
            }
            return Ok(());
        }
        if self.slept + ms > MAX_SLEEP_MS {
            return Err(format!(
                "kubetutor: sleeping past {}h of virtual time in one exec is not simulated",
                MAX_SLEEP_MS / 3_600_000
            ));
        }
        self.slept += ms;
        self.cluster.advance(ms);
        Ok(())
    }

    /// A fresh PID for a process started in this container.
    pub fn next_pid(&mut self) -> u32 {
        match self.container_mut() {
            Some(c) => {
                let pid = c.next_pid;
                c.next_pid += 6;
                pid
            }
            None => 7,
        }
    }

    /// Where `name` is found as an executable with the container's `PATH` (for `type`,
    /// `command -v` and `kubectl exec`'s checks): `/usr/bin/ls`.
    pub fn which(&mut self, name: &str) -> Option<String> {
        let path_var = self
            .env()
            .into_iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let cwd = self.workdir();
        match self.find(name, &path_var, &cwd)? {
            Found::Program(_, path) | Found::Script(path) => Some(path),
            Found::Denied(_) => None,
        }
    }

    /// The shell `argv0` starts (`sh`, `/bin/bash`, `ash`...), if it names one that
    /// this image has: what an interactive `kubectl exec -it POD -- sh` runs.
    pub fn shell_for(&mut self, argv0: &str) -> Option<Dialect> {
        let path_var = self
            .env()
            .into_iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let cwd = self.workdir();
        let Found::Program(p, _) = self.find(argv0, &path_var, &cwd)? else {
            return None;
        };
        let name = if p.name == "busybox" {
            basename(argv0)
        } else {
            p.name
        };
        match name {
            "bash" => Some(Dialect::Bash),
            "sh" | "ash" | "dash" => self.dialect(),
            _ => None,
        }
    }

    /// The names in a directory (for the shell's pathname expansion, `Host::list_dir`).
    pub fn list_dir_names(&mut self, cwd: &str, path: &str) -> Result<Vec<String>, FsError> {
        let fs = self.fs().ok_or(FsError::NotFound)?;
        let abs = fs.lookup(cwd, path, true).map_err(|e| e.to_shell())?;
        fs.list_abs(&abs).map_err(|e| e.to_shell())
    }

    fn find(&mut self, name: &str, path_var: &str, cwd: &str) -> Option<Found> {
        let fs = self.fs()?;
        let check = |fs: &PodFs<'_>, p: &str| -> Option<Found> {
            let abs = fs.lookup(cwd, p, true).ok()?;
            let node = fs.node(&abs)?;
            let shown = p.to_string();
            match &node.body {
                Body::File {
                    program: Some(prog),
                    ..
                } if node.mode & 0o111 != 0 => Some(Found::Program(*prog, shown)),
                Body::File { .. } if node.mode & 0o111 != 0 => Some(Found::Script(shown)),
                _ => Some(Found::Denied(shown)),
            }
        };
        if name.contains('/') {
            return check(&fs, name);
        }
        if name.is_empty() {
            return None;
        }
        for dir in path_var.split(':') {
            let dir = if dir.is_empty() { "." } else { dir };
            let candidate = format!("{}/{name}", dir.trim_end_matches('/'));
            match check(&fs, &candidate) {
                Some(Found::Denied(_)) | None => continue,
                found => return found,
            }
        }
        None
    }

    fn run_found(
        &mut self,
        found: Found,
        argv: &[String],
        stdin: Option<&str>,
        env: &[(String, String)],
        cwd: &str,
        io: &mut dyn Sink,
    ) -> i32 {
        let call = Call {
            argv,
            stdin,
            env,
            cwd,
        };
        match found {
            Found::Program(p, _) => {
                let applet = if p.name == "busybox" {
                    basename(argv.first().map(String::as_str).unwrap_or("busybox"))
                } else {
                    p.name
                };
                let applet = applet.to_string();
                applets::dispatch(self, &applet, &call, io)
            }
            Found::Script(path) => {
                let dialect = self.dialect().unwrap_or(Dialect::Dash);
                let mut args = vec!["sh".to_string(), path];
                args.extend(argv.iter().skip(1).cloned());
                let call = Call {
                    argv: &args,
                    stdin,
                    env,
                    cwd,
                };
                shell_adapter::run_sh(self, dialect, &call, io)
            }
            Found::Denied(path) => {
                io.err(&format!("{path}: Permission denied\n"));
                126
            }
        }
    }

    /// `kubectl exec`'s way in: run `argv` with the container's environment.
    pub fn exec(&mut self, argv: &[String], stdin: Option<&str>, io: &mut dyn Sink) -> ExecResult {
        let Some(first) = argv.first() else {
            return ExecResult::NotFound {
                path: String::new(),
            };
        };
        let env = self.env();
        let cwd = self.workdir();
        let path_var = env
            .iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let found = match self.find(first, &path_var, &cwd) {
            Some(Found::Denied(_)) if first.contains('/') => {
                let is_dir = self
                    .fs()
                    .and_then(|fs| fs.stat(&cwd, first, true).ok())
                    .is_some_and(|s| s.is_dir());
                return ExecResult::NotExecutable {
                    path: first.clone(),
                    is_dir,
                };
            }
            Some(Found::Denied(_)) | None => {
                return ExecResult::NotFound {
                    path: first.clone(),
                }
            }
            Some(f) => f,
        };
        let mut terminal = Limited::new(io, MAX_OUTPUT);
        let code = self.run_found(found, argv, stdin, &env, &cwd, &mut terminal);
        ExecResult::Exited(code)
    }
}

impl Host for PodHost<'_> {
    fn run(&mut self, cmd: &Invocation<'_>, io: &mut dyn Sink) -> Option<i32> {
        if self.stopped() {
            return Some(130);
        }
        let first = cmd.argv.first()?;
        let path_var = cmd
            .env
            .iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let found = self.find(first, &path_var, cmd.cwd)?;
        let mut lim = Limited::new(io, MAX_GENERATED);
        Some(self.run_found(found, cmd.argv, cmd.stdin, cmd.env, cmd.cwd, &mut lim))
    }

    fn read_file(&mut self, cwd: &str, path: &str) -> Result<String, FsError> {
        let fs = self.fs().ok_or(FsError::NotFound)?;
        fs.read(cwd, path).map_err(|e| e.to_shell())
    }

    fn write_file(
        &mut self,
        cwd: &str,
        path: &str,
        data: &str,
        append: bool,
    ) -> Result<(), FsError> {
        let mut fs = self.fs().ok_or(FsError::NotFound)?;
        fs.write(cwd, path, data, append).map_err(|e| e.to_shell())
    }

    fn is_dir(&mut self, cwd: &str, path: &str) -> bool {
        self.fs()
            .and_then(|fs| fs.stat(cwd, path, true).ok())
            .is_some_and(|s| s.is_dir())
    }

    fn exists(&mut self, cwd: &str, path: &str) -> bool {
        self.fs().is_some_and(|fs| fs.stat(cwd, path, true).is_ok())
    }

    fn list_dir(&mut self, cwd: &str, path: &str) -> Result<Vec<String>, FsError> {
        self.list_dir_names(cwd, path)
    }

    fn command_path(&mut self, name: &str) -> Option<String> {
        self.which(name)
    }
}

/// `kubectl exec POD -c CONTAINER -- ARGV...` (the caller has checked that the pod is
/// Running and has the container).
pub fn exec(
    cluster: &mut Cluster,
    pod: &ObjKey,
    container: &str,
    argv: &[String],
    stdin: Option<&str>,
    io: &mut dyn Sink,
) -> ExecResult {
    PodHost::new(cluster, pod, container).exec(argv, stdin, io)
}
