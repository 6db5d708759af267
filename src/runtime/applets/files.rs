//! File applets: cat, touch, mkdir, rmdir, rm, with busybox's and coreutils' wordings
//! (`cp`/`mv` are in `copy`, links and modes in `links`).

use super::links::parse_mode;
use super::{gnu_quote, gnu_quote_if_needed, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::{basename, join};
use crate::runtime::fs::view::PodFs;
use crate::runtime::fs::{Body, FsErr};
use crate::runtime::host::PodHost;

pub(super) fn no_fs(io: &mut dyn Sink, prog: &str) -> i32 {
    io.err(&format!("{prog}: container filesystem unavailable\n"));
    1
}

pub fn cat(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "nuAbeEsTtv", &["number", "show-all"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "cat", "[-nbvteA] [FILE]...", e, 1, io),
    };
    let number = opts.has('n') || opts.long("number");
    let mut status = 0;
    let names = if opts.operands.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.operands.clone()
    };
    let mut line_no = 0;
    for name in names {
        let text = if name == "-" {
            Ok(call.stdin.unwrap_or("").to_string())
        } else {
            match host.fs() {
                Some(fs) => fs.read(call.cwd, &name),
                None => return no_fs(io, "cat"),
            }
        };
        match text {
            Ok(t) if number => {
                for line in t.split_inclusive('\n') {
                    line_no += 1;
                    io.out(&format!("{line_no:6}\t{line}"));
                }
            }
            Ok(t) => io.out(&t),
            Err(FsErr::IsADirectory) if bb => {
                io.err("cat: read error: Is a directory\n");
                status = 1;
            }
            Err(e) if bb => {
                io.err(&format!("cat: can't open '{name}': {e}\n"));
                status = 1;
            }
            Err(e) => {
                io.err(&format!("cat: {}: {e}\n", gnu_quote_if_needed(&name)));
                status = 1;
            }
        }
    }
    status
}

pub fn touch(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "acmd:r:t:h", &["no-create"]) {
        Ok(o) => o,
        Err(e) => {
            return opt_error(
                host,
                "touch",
                "[-cham] [-d DATE] [-t DATE] [-r FILE] FILE...",
                e,
                1,
                io,
            )
        }
    };
    if opts.operands.is_empty() {
        if bb {
            return super::usage(
                host,
                "touch",
                "[-cham] [-d DATE] [-t DATE] [-r FILE] FILE...",
                io,
            );
        }
        io.err("touch: missing file operand\nTry 'touch --help' for more information.\n");
        return 1;
    }
    let now = host.now();
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "touch");
    };
    let mut status = 0;
    for name in &opts.operands {
        let r = fs.resolve(call.cwd, name, true).and_then(|abs| {
            if fs.node(&abs).is_some() {
                fs.set_mtime(&abs, now)
            } else if opts.has('c') || opts.long("no-create") {
                Ok(())
            } else {
                fs.write_abs(&abs, "", true)
            }
        });
        if let Err(e) = r {
            status = 1;
            if bb {
                io.err(&format!("touch: {name}: {e}\n"));
            } else {
                io.err(&format!("touch: cannot touch {}: {e}\n", gnu_quote(name)));
            }
        }
    }
    status
}

pub fn mkdir(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "pm:v", &["parents", "verbose"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "mkdir", "[-m MODE] [-p] DIRECTORY...", e, 1, io),
    };
    let parents = opts.has('p') || opts.long("parents");
    let verbose = opts.has('v') || opts.long("verbose");
    let mode = match opts.value('m') {
        Some(m) => match parse_mode(m, 0o777, true) {
            Some(v) => v,
            None => {
                io.err(&format!("mkdir: invalid mode {}\n", gnu_quote(m)));
                return 1;
            }
        },
        None => 0o755,
    };
    if opts.operands.is_empty() {
        if bb {
            return super::usage(host, "mkdir", "[-m MODE] [-p] DIRECTORY...", io);
        } else {
            io.err("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
        }
        return 1;
    }
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "mkdir");
    };
    let mut status = 0;
    for name in &opts.operands {
        let r = if parents {
            mkdir_p(&mut fs, call.cwd, name, mode, &mut |p| {
                if verbose {
                    if bb {
                        io.out(&format!("created directory: '{p}'\n"));
                    } else {
                        io.out(&format!("mkdir: created directory {}\n", gnu_quote(p)));
                    }
                }
            })
        } else {
            fs.resolve(call.cwd, name, false)
                .and_then(|abs| fs.mkdir_abs(&abs, mode))
                .map(|_| {
                    if verbose {
                        if bb {
                            io.out(&format!("created directory: '{name}'\n"));
                        } else {
                            io.out(&format!("mkdir: created directory {}\n", gnu_quote(name)));
                        }
                    }
                })
        };
        if let Err(e) = r {
            status = 1;
            if bb {
                io.err(&format!("mkdir: can't create directory '{name}': {e}\n"));
            } else {
                io.err(&format!(
                    "mkdir: cannot create directory {}: {e}\n",
                    gnu_quote(name)
                ));
            }
        }
    }
    status
}

/// `mkdir -p`: create every missing directory along the path; `created` hears each
/// one as the user typed it.
pub fn mkdir_p(
    fs: &mut PodFs<'_>,
    cwd: &str,
    path: &str,
    mode: u32,
    created: &mut dyn FnMut(&str),
) -> Result<(), FsErr> {
    let absolute = path.starts_with('/');
    let mut typed = String::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if absolute || !typed.is_empty() {
            typed.push('/');
        }
        typed.push_str(part);
        let abs = fs.resolve(cwd, &typed, true)?;
        match fs.stat_abs(&abs) {
            Some(st) if st.is_dir() => continue,
            Some(_) => return Err(FsErr::NotADirectory),
            None => {
                fs.mkdir_abs(&abs, mode)?;
                created(&typed);
            }
        }
    }
    Ok(())
}

pub fn rmdir(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "pv", &["parents", "ignore-fail-on-non-empty"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "rmdir", "[-p] DIRECTORY...", e, 1, io),
    };
    if opts.operands.is_empty() {
        io.err("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
        return 1;
    }
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "rmdir");
    };
    let mut status = 0;
    for name in &opts.operands {
        let r =
            fs.lookup(call.cwd, name, false)
                .and_then(|abs| match fs.node(&abs).map(|i| &i.body) {
                    Some(Body::Dir(e)) if !e.is_empty() => Err(FsErr::NotEmpty),
                    Some(Body::Dir(_)) => fs.remove_abs(&abs).map(|_| ()),
                    _ => Err(FsErr::NotADirectory),
                });
        if let Err(e) = r {
            status = 1;
            if bb {
                io.err(&format!("rmdir: '{name}': {e}\n"));
            } else {
                io.err(&format!(
                    "rmdir: failed to remove {}: {e}\n",
                    gnu_quote(name)
                ));
            }
        }
    }
    status
}

pub fn rm(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(
        call.args(),
        "rRfivd",
        &["recursive", "force", "verbose", "dir", "no-preserve-root"],
    ) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "rm", "[-irf] FILE...", e, 1, io),
    };
    let recursive = opts.has('r') || opts.has('R') || opts.long("recursive");
    let force = opts.has('f') || opts.long("force");
    if opts.operands.is_empty() {
        if force {
            return 0;
        }
        if bb {
            return super::usage(host, "rm", "[-irf] FILE...", io);
        } else {
            io.err("rm: missing operand\nTry 'rm --help' for more information.\n");
        }
        return 1;
    }
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "rm");
    };
    let mut status = 0;
    for name in &opts.operands {
        let base = basename(name);
        if base == "." || base == ".." {
            status = 1;
            if bb {
                io.err("rm: can't remove '.' or '..'\n");
            } else {
                io.err(&format!(
                    "rm: refusing to remove '.' or '..' directory: skipping {}\n",
                    gnu_quote(name)
                ));
            }
            continue;
        }
        let abs = match fs.lookup(call.cwd, name, false) {
            Ok(a) => a,
            Err(e) => {
                if !(force && e == FsErr::NotFound) {
                    status = 1;
                    if bb {
                        io.err(&format!("rm: can't remove '{name}': {e}\n"));
                    } else {
                        io.err(&format!("rm: cannot remove {}: {e}\n", gnu_quote(name)));
                    }
                }
                continue;
            }
        };
        if abs.is_empty() {
            status = 1;
            if bb {
                io.err("rm: can't remove '/'\n");
            } else {
                io.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
            }
            continue;
        }
        let is_dir = fs.node(&abs).is_some_and(|i| i.is_dir());
        if is_dir && !recursive {
            status = 1;
            if bb {
                io.err(&format!("rm: '{name}' is a directory\n"));
            } else {
                io.err(&format!(
                    "rm: cannot remove {}: Is a directory\n",
                    gnu_quote(name)
                ));
            }
            continue;
        }
        let errs = if is_dir {
            fs.remove_tree(&abs, 0)
        } else {
            match fs.remove_abs(&abs) {
                Ok(_) => vec![],
                Err(e) => vec![(join(&abs), e)],
            }
        };
        for (path, e) in errs {
            status = 1;
            let shown = shown_path(name, &abs, &path);
            if bb {
                io.err(&format!("rm: can't remove '{shown}': {e}\n"));
            } else {
                io.err(&format!("rm: cannot remove {}: {e}\n", gnu_quote(&shown)));
            }
        }
    }
    status
}

/// A path below `abs` as the user would see it (relative to what they typed).
fn shown_path(typed: &str, abs: &[String], failed: &str) -> String {
    let root = join(abs);
    match failed.strip_prefix(&root) {
        Some(rest) => format!("{}{}", typed.trim_end_matches('/'), rest),
        None => failed.to_string(),
    }
}
