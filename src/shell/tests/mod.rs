//! Interpreter tests over a small fake host (a filesystem in a map and a few commands).
//! Expected outputs were checked against bash 5.2 and dash 0.5.12 run by hand; busybox
//! ash's wording comes from its source (shell/ash.c, coreutils/test.c).

mod builtins;
mod control;
mod errors;
mod expansion;
mod limits;

use super::{Dialect, FsError, Host, Invocation, Shell, Status};
use crate::kubectl::output::{Capture, Sink};
use std::collections::{BTreeMap, BTreeSet};

/// A host with files in a map, directories in a set, and the commands `cat`, `hostname`,
/// `args` (one `[arg]` per line), `env`, `status N` and `kubectl` (echoes its arguments).
#[derive(Default)]
pub struct FakeHost {
    pub files: BTreeMap<String, String>,
    pub dirs: BTreeSet<String>,
    pub calls: Vec<Vec<String>>,
}

impl FakeHost {
    pub fn new() -> FakeHost {
        let mut h = FakeHost::default();
        for d in [
            "/",
            "/root",
            "/tmp",
            "/usr",
            "/usr/share",
            "/usr/share/nginx",
            "/usr/share/nginx/html",
            "/etc",
        ] {
            h.dirs.insert(d.to_string());
        }
        h.files.insert(
            "/usr/share/nginx/html/index.html".into(),
            "<h1>hi</h1>\n".into(),
        );
        h.files
            .insert("/usr/share/nginx/html/50x.html".into(), "error\n".into());
        h.files.insert("/etc/hostname".into(), "web-0\n".into());
        h
    }

    fn path(cwd: &str, path: &str) -> String {
        crate::shell::builtins::normalize(cwd, path)
    }
}

impl Host for FakeHost {
    fn run(&mut self, cmd: &Invocation<'_>, io: &mut dyn Sink) -> Option<i32> {
        self.calls.push(cmd.argv.to_vec());
        let args = &cmd.argv[1..];
        match cmd.argv[0].as_str() {
            "cat" => {
                if args.is_empty() {
                    io.out(cmd.stdin.unwrap_or(""));
                    return Some(0);
                }
                let mut status = 0;
                for a in args {
                    match self.read_file(cmd.cwd, a) {
                        Ok(t) => io.out(&t),
                        Err(e) => {
                            io.err(&format!("cat: {a}: {}\n", e.strerror()));
                            status = 1;
                        }
                    }
                }
                Some(status)
            }
            "hostname" => {
                io.out("web-0\n");
                Some(0)
            }
            "args" => {
                for a in args {
                    io.out(&format!("[{a}]\n"));
                }
                Some(0)
            }
            "env" => {
                for (k, v) in cmd.env {
                    io.out(&format!("{k}={v}\n"));
                }
                Some(0)
            }
            "status" => Some(args.first().and_then(|a| a.parse().ok()).unwrap_or(0)),
            "kubectl" => {
                io.out(&format!("kubectl {}\n", args.join(" ")));
                Some(0)
            }
            _ => None,
        }
    }

    fn read_file(&mut self, cwd: &str, path: &str) -> Result<String, FsError> {
        let p = Self::path(cwd, path);
        if self.dirs.contains(&p) {
            return Err(FsError::IsADirectory);
        }
        self.files.get(&p).cloned().ok_or(FsError::NotFound)
    }

    fn write_file(
        &mut self,
        cwd: &str,
        path: &str,
        data: &str,
        append: bool,
    ) -> Result<(), FsError> {
        let p = Self::path(cwd, path);
        if self.dirs.contains(&p) {
            return Err(FsError::IsADirectory);
        }
        let parent = match p.rfind('/') {
            Some(0) => "/".to_string(),
            Some(i) => p[..i].to_string(),
            None => "/".to_string(),
        };
        if !self.dirs.contains(&parent) {
            return Err(FsError::NotFound);
        }
        let f = self.files.entry(p).or_default();
        if !append {
            f.clear();
        }
        f.push_str(data);
        Ok(())
    }

    fn is_dir(&mut self, cwd: &str, path: &str) -> bool {
        self.dirs.contains(&Self::path(cwd, path))
    }

    fn exists(&mut self, cwd: &str, path: &str) -> bool {
        let p = Self::path(cwd, path);
        self.dirs.contains(&p) || self.files.contains_key(&p)
    }

    fn list_dir(&mut self, cwd: &str, path: &str) -> Result<Vec<String>, FsError> {
        let dir = Self::path(cwd, path);
        if !self.dirs.contains(&dir) {
            return Err(FsError::NotFound);
        }
        let prefix = if dir == "/" {
            "/".to_string()
        } else {
            format!("{dir}/")
        };
        let names = self
            .files
            .keys()
            .chain(self.dirs.iter())
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter(|rest| !rest.is_empty() && !rest.contains('/'))
            .map(str::to_string)
            .collect();
        Ok(names)
    }

    fn command_path(&mut self, name: &str) -> Option<String> {
        matches!(name, "cat" | "hostname" | "env").then(|| format!("/bin/{name}"))
    }
}

/// A fresh interactive shell in `/root` with HOME set.
pub fn shell(d: Dialect) -> Shell {
    Shell::new(
        d,
        vec![
            ("HOME".into(), "/root".into()),
            ("PATH".into(), "/bin".into()),
        ],
        "/root",
    )
}

/// Runs `text` in a fresh interactive shell: everything printed (in order) and the status.
pub fn run(d: Dialect, text: &str) -> (String, Status) {
    let mut sh = shell(d);
    let mut host = FakeHost::new();
    run_in(&mut sh, &mut host, text)
}

pub fn run_in(sh: &mut Shell, host: &mut FakeHost, text: &str) -> (String, Status) {
    let mut cap = Capture::default();
    let status = sh.run(text, host, &mut cap);
    (cap.text, status)
}

/// The output of `text` in every dialect, when they agree.
pub fn out_all(text: &str) -> String {
    let bash = run(Dialect::Bash, text).0;
    assert_eq!(
        run(Dialect::Dash, text).0,
        bash,
        "dash differs from bash for {text:?}"
    );
    assert_eq!(
        run(Dialect::Ash, text).0,
        bash,
        "ash differs from bash for {text:?}"
    );
    bash
}
