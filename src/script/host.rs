//! The host side of the sandbox's shell: what `kubectl`, `k`, `map`, `sleep`, `cat`, `clear` and
//! the text filters (`grep`, `head`, `tail`, `wc`, `sort`, `uniq`) do in a scripted file
//! or the learner's terminal, and where redirections write. No host process is started:
//! `kubectl` is the simulated one, `sleep` moves the virtual clock, and files are the
//! session's [`Workspace`]: host files are read-only, and writing one creates a virtual
//! file in its place, which a later `kubectl apply -f` reads.
//!
//! Paths: the shell starts in the directory the sandbox started in (its `HOME` too). A
//! file named relative to that directory is kept under that relative name, so
//! `cat <<EOF > web.yaml` then `kubectl apply -f web.yaml` meet; other paths are kept
//! absolute. After a `cd` elsewhere, kubectl resolves relative paths from there too.

use crate::kubectl::output::Sink;
use crate::kubectl::session::Session;
use crate::kubectl::workspace::{ReadError, MAX_FILE_BYTES};
use crate::shell::builtins::normalize;
use crate::shell::{text, FsError, Host, Invocation};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Commands the sandbox's terminal has, besides the shell's builtins.
pub const COMMANDS: &[&str] = &[
    "kubectl", "k", "sleep", "cat", "clear", "why", "lint", "map",
];

pub struct SessionHost<'a> {
    pub session: &'a mut Session,
    /// The directory the sandbox started in, absolute.
    pub home: &'a str,
    /// The tutor (for `why`).
    pub tutor: &'a crate::tutor::Tutor,
}

impl SessionHost<'_> {
    /// The workspace's name for `path` seen from `cwd` (see the module doc).
    fn key(&self, cwd: &str, path: &str) -> String {
        let abs = normalize(cwd, path);
        if abs == self.home {
            return ".".into();
        }
        match abs.strip_prefix(&format!("{}/", self.home.trim_end_matches('/'))) {
            Some(rel) if !path.starts_with('/') => rel.to_string(),
            _ => abs,
        }
    }

    fn host_path(&self, key: &str) -> PathBuf {
        let p = PathBuf::from(key);
        if p.is_absolute() {
            p
        } else {
            PathBuf::from(self.home).join(p)
        }
    }

    fn virtual_dir(&self, key: &str) -> bool {
        let prefix = format!("{}/", key.trim_end_matches('/'));
        key == "."
            || self
                .session
                .workspace
                .files
                .keys()
                .any(|k| k.starts_with(&prefix))
    }

    fn sleep(&mut self, args: &[String], io: &mut dyn Sink) -> i32 {
        let Some(arg) = args.first() else {
            io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
            return 1;
        };
        let mut total: i64 = 0;
        for a in args {
            match crate::kubectl::verbs::get::parse_duration_ms(a).filter(|ms| *ms >= 0) {
                Some(ms) => total = total.saturating_add(ms),
                None => {
                    io.err(&format!(
                        "sleep: invalid time interval '{a}'\nTry 'sleep --help' for more information.\n"
                    ));
                    return 1;
                }
            }
        }
        let _ = arg;
        // The cluster simulates every moment slept: a sandbox limit, as for `advance`.
        let max = crate::sandbox::clock::MAX_ADVANCE_MS;
        if total > max {
            io.err(&format!(
                "kubetutor: sleep: at most {} at a time in the sandbox\n",
                crate::sandbox::clock::format_go_duration(max)
            ));
            return 1;
        }
        self.session.cluster.advance(total);
        0
    }

    fn cat(&mut self, cmd: &Invocation<'_>, io: &mut dyn Sink) -> i32 {
        let files = &cmd.argv[1..];
        if files.is_empty() {
            io.out(cmd.stdin.unwrap_or(""));
            return 0;
        }
        let mut status = 0;
        for f in files {
            if f == "-" {
                io.out(cmd.stdin.unwrap_or(""));
                continue;
            }
            match self.read_file(cmd.cwd, f) {
                Ok(t) => io.out(&t),
                Err(e) => {
                    io.err(&format!("cat: {f}: {}\n", e.strerror()));
                    status = 1;
                }
            }
        }
        status
    }
}

impl Host for SessionHost<'_> {
    fn run(&mut self, cmd: &Invocation<'_>, io: &mut dyn Sink) -> Option<i32> {
        let name = cmd.argv[0].as_str();
        let status = match name {
            "kubectl" | "k" => {
                let key = self.key(cmd.cwd, ".");
                let saved = self.session.workspace.base_dir.clone();
                if key != "." {
                    self.session.workspace.base_dir = self.host_path(&key);
                }
                let status = self.session.kubectl(&cmd.argv[1..], cmd.stdin, io);
                self.session.workspace.base_dir = saved;
                status
            }
            "map" => crate::map::command(self.session, &cmd.argv[1..], io),
            "sleep" => self.sleep(&cmd.argv[1..], io),
            _ if crate::drills::COMMANDS.contains(&name) => {
                crate::drills::run(self.session, cmd.argv, io)
            }
            "cat" => self.cat(cmd, io),
            "clear" => 0,
            "help" => {
                let commands = crate::repl::commands::COMMANDS;
                io.out(&match cmd.argv.len() {
                    1 => crate::repl::help::overview(commands),
                    _ => crate::repl::help::topic(&cmd.argv[1..], commands),
                });
                0
            }
            "speed" => {
                io.err("kubetutor: speed: a scripted run keeps virtual time (one tick per command; `sleep N` and `advance` move it); speed applies in the interactive sandbox\n");
                0
            }
            "why" => crate::tutor::why::run(&cmd.argv[1..], self.tutor, self.session, io),
            "lint" => {
                let cwd = cmd.cwd.to_string();
                let files = cmd.argv[1..].to_vec();
                let mut texts = Vec::new();
                for f in &files {
                    texts.push(
                        self.read_file(&cwd, f)
                            .map_err(|e| e.strerror().to_string()),
                    );
                }
                let mut it = texts.into_iter();
                let read = |_: &str| it.next().unwrap_or_else(|| Err(String::new()));
                crate::tutor::lint::run(&files, read, Some(&self.session.cluster), io)
            }
            _ if text::FILTERS.contains(&name) => {
                let cwd = cmd.cwd.to_string();
                let mut read = |p: &str| self.read_file(&cwd, p);
                let r = text::run(name, &cmd.argv[1..], cmd.stdin, &mut read)?;
                io.out(&r.out);
                io.err(&r.err);
                r.status
            }
            _ if name != "time" && crate::sandbox::commands::NAMES.contains(&name) => {
                io.err(&format!(
                    "kubetutor: {name}: a sandbox command; type it on a line of its own\n"
                ));
                127
            }
            _ => {
                io.err(&format!(
                    "kubetutor: {name}: command not found (the sandbox runs kubectl, k, why, lint, sleep, cat, grep, head, tail, wc, sort, uniq and shell builtins such as echo, cd and export; `help` lists the rest)\n"
                ));
                127
            }
        };
        Some(status)
    }

    fn read_file(&mut self, cwd: &str, path: &str) -> Result<String, FsError> {
        let key = self.key(cwd, path);
        if self.is_dir(cwd, path) {
            return Err(FsError::IsADirectory);
        }
        self.session.workspace.read(&key).map_err(|e| match e {
            ReadError::NotFound => FsError::NotFound,
            ReadError::TooLarge(_) => FsError::Limit,
            ReadError::Other(_) => FsError::PermissionDenied,
        })
    }

    fn write_file(
        &mut self,
        cwd: &str,
        path: &str,
        data: &str,
        append: bool,
    ) -> Result<(), FsError> {
        let key = self.key(cwd, path);
        if self.is_dir(cwd, path) {
            return Err(FsError::IsADirectory);
        }
        let parent = normalize(cwd, path);
        let parent = parent.rsplit_once('/').map(|(d, _)| d).unwrap_or("/");
        let parent = if parent.is_empty() { "/" } else { parent };
        if !self.is_dir("/", parent) {
            return Err(FsError::NotFound);
        }
        let mut content = if append {
            self.session.workspace.read(&key).unwrap_or_default()
        } else {
            String::new()
        };
        content.push_str(data);
        if content.len() as u64 > MAX_FILE_BYTES {
            return Err(FsError::Limit);
        }
        self.session.workspace.write(&key, &content);
        Ok(())
    }

    fn is_dir(&mut self, cwd: &str, path: &str) -> bool {
        let key = self.key(cwd, path);
        self.virtual_dir(&key) || self.session.workspace.host.is_dir(&self.host_path(&key))
    }

    fn exists(&mut self, cwd: &str, path: &str) -> bool {
        let key = self.key(cwd, path);
        self.session.workspace.files.contains_key(&key)
            || self.virtual_dir(&key)
            || self.session.workspace.host.exists(&self.host_path(&key))
    }

    fn list_dir(&mut self, cwd: &str, path: &str) -> Result<Vec<String>, FsError> {
        let key = self.key(cwd, path);
        let mut names = BTreeSet::new();
        let prefix = if key == "." {
            String::new()
        } else {
            format!("{}/", key.trim_end_matches('/'))
        };
        for k in self.session.workspace.files.keys() {
            if let Some(rest) = k.strip_prefix(&prefix) {
                if let Some(first) = rest.split('/').next().filter(|s| !s.is_empty()) {
                    if !k.starts_with('/') || !prefix.is_empty() {
                        names.insert(first.to_string());
                    }
                }
            }
        }
        if let Ok(entries) = self.session.workspace.host.list(&self.host_path(&key)) {
            names.extend(entries.into_iter().map(|(name, _)| name));
        }
        if names.is_empty() && !self.is_dir(cwd, path) {
            return Err(FsError::NotFound);
        }
        Ok(names.into_iter().collect())
    }

    fn command_path(&mut self, name: &str) -> Option<String> {
        match name {
            "kubectl" | "k" => Some(format!("/usr/local/bin/{name}")),
            _ if COMMANDS.contains(&name)
                || text::FILTERS.contains(&name)
                || crate::drills::COMMANDS.contains(&name) =>
            {
                Some(format!("/usr/bin/{name}"))
            }
            _ => None,
        }
    }
}
