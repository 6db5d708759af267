//! File applets: cat, touch, mkdir, rmdir, rm, cp, mv, ln, chmod, readlink, realpath,
//! basename, dirname, with busybox's and coreutils' wordings.

use super::{gnu_quote, gnu_quote_if_needed, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::{basename, dirname, join};
use crate::runtime::fs::view::PodFs;
use crate::runtime::fs::{Body, FsErr, Inode};
use crate::runtime::host::PodHost;

fn no_fs(io: &mut dyn Sink, prog: &str) -> i32 {
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

fn parse_mode(s: &str, current: u32, is_dir: bool) -> Option<u32> {
    if let Ok(m) = u32::from_str_radix(s, 8) {
        if s.chars().all(|c| c.is_digit(8)) {
            return Some(m & 0o7777);
        }
    }
    let mut mode = current;
    for clause in s.split(',') {
        let who_end = clause.find(['+', '-', '=']).unwrap_or(clause.len());
        let who = &clause[..who_end];
        let rest = &clause[who_end..];
        let mut mask = 0;
        for c in who.chars() {
            mask |= match c {
                'u' => 0o4700,
                'g' => 0o2070,
                'o' => 0o1007,
                'a' => 0o7777,
                _ => return None,
            };
        }
        if who.is_empty() {
            mask = 0o7777 & !0o022;
        }
        let op = rest.chars().next()?;
        let mut bits = 0;
        for c in rest[1..].chars() {
            bits |= match c {
                'r' => 0o444,
                'w' => 0o222,
                'x' => 0o111,
                'X' if is_dir || current & 0o111 != 0 => 0o111,
                'X' => 0,
                's' => 0o6000,
                't' => 0o1000,
                _ => return None,
            };
        }
        bits &= mask;
        match op {
            '+' => mode |= bits,
            '-' => mode &= !bits,
            '=' => mode = (mode & !mask) | bits,
            _ => return None,
        }
    }
    Some(mode & 0o7777)
}

pub fn chmod(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let args = call.args();
    let recursive = args.iter().any(|a| a == "-R");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "-R").collect();
    if rest.len() < 2 {
        if bb {
            return super::usage(host, "chmod", "[-Rcvf] MODE[,MODE]... FILE...", io);
        } else if rest.is_empty() {
            io.err("chmod: missing operand\nTry 'chmod --help' for more information.\n");
        } else {
            io.err(&format!(
                "chmod: missing operand after {}\nTry 'chmod --help' for more information.\n",
                gnu_quote(rest[0])
            ));
        }
        return 1;
    }
    let spec = rest[0].clone();
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "chmod");
    };
    let mut status = 0;
    for name in &rest[1..] {
        let r = fs.lookup(call.cwd, name, true).and_then(|abs| {
            let st = fs.stat_abs(&abs).ok_or(FsErr::NotFound)?;
            let Some(mode) = parse_mode(&spec, st.mode, st.is_dir()) else {
                return Err(FsErr::Invalid);
            };
            fs.set_mode(&abs, mode)?;
            if recursive && st.is_dir() {
                chmod_tree(&mut fs, &abs, &spec, 0);
            }
            Ok(())
        });
        match r {
            Ok(()) => {}
            Err(FsErr::Invalid) => {
                io.err(&format!("chmod: invalid mode: {}\n", gnu_quote(&spec)));
                if !bb {
                    io.err("Try 'chmod --help' for more information.\n");
                }
                return 1;
            }
            Err(e) => {
                status = 1;
                if bb {
                    io.err(&format!("chmod: {name}: {e}\n"));
                } else {
                    io.err(&format!("chmod: cannot access {}: {e}\n", gnu_quote(name)));
                }
            }
        }
    }
    status
}

fn chmod_tree(fs: &mut PodFs<'_>, abs: &[String], spec: &str, depth: usize) {
    if depth > 64 {
        return;
    }
    for name in fs.list_abs(abs).unwrap_or_default() {
        let mut child = abs.to_vec();
        child.push(name);
        if let Some(st) = fs.stat_abs(&child) {
            if st.type_char == 'l' {
                continue;
            }
            if let Some(m) = parse_mode(spec, st.mode, st.is_dir()) {
                let _ = fs.set_mode(&child, m);
            }
            if st.is_dir() {
                chmod_tree(fs, &child, spec, depth + 1);
            }
        }
    }
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

/// Where `cp`/`mv` put `src` given `dst`: into `dst` when it is a directory.
fn target_of(
    fs: &PodFs<'_>,
    cwd: &str,
    src: &str,
    dst: &str,
    into_dir: bool,
) -> Result<Vec<String>, FsErr> {
    let d = fs.resolve(cwd, dst, true)?;
    if into_dir || fs.node(&d).is_some_and(|i| i.is_dir()) {
        let mut t = d;
        t.push(basename(src).to_string());
        Ok(t)
    } else {
        Ok(d)
    }
}

fn retime(inode: &mut Inode, now: crate::api::time::Millis) {
    inode.mtime = now;
    if let Body::Dir(e) = &mut inode.body {
        for i in e.values_mut() {
            retime(i, now);
        }
    }
}

pub fn cp(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(
        call.args(),
        "rRafpvdPLHnu",
        &["recursive", "archive", "force", "verbose"],
    ) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "cp", "[-arPLHpfinlsTu] SOURCE DEST", e, 1, io),
    };
    let recursive = opts.has('r')
        || opts.has('R')
        || opts.has('a')
        || opts.long("recursive")
        || opts.long("archive");
    let preserve = opts.has('p') || opts.has('a') || opts.long("archive");
    let ops = &opts.operands;
    if ops.len() < 2 {
        if bb {
            return super::usage(host, "cp", "[-arPLHpfinlsTu] SOURCE DEST", io);
        } else if ops.is_empty() {
            io.err("cp: missing file operand\nTry 'cp --help' for more information.\n");
        } else {
            io.err(&format!("cp: missing destination file operand after {}\nTry 'cp --help' for more information.\n", gnu_quote(&ops[0])));
        }
        return 1;
    }
    let now = host.now();
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "cp");
    };
    let (srcs, dst) = ops.split_at(ops.len() - 1);
    let dst = &dst[0];
    let many = srcs.len() > 1;
    if many && !fs.stat(call.cwd, dst, true).is_ok_and(|s| s.is_dir()) {
        if bb {
            io.err(&format!("cp: '{dst}' is not a directory\n"));
        } else {
            io.err(&format!("cp: target {}: Not a directory\n", gnu_quote(dst)));
        }
        return 1;
    }
    let mut status = 0;
    for src in srcs {
        let from = match fs.lookup(call.cwd, src, true) {
            Ok(a) => a,
            Err(e) => {
                status = 1;
                if bb {
                    io.err(&format!("cp: can't stat '{src}': {e}\n"));
                } else {
                    io.err(&format!("cp: cannot stat {}: {e}\n", gnu_quote(src)));
                }
                continue;
            }
        };
        let Some(mut inode) = fs.clone_abs(&from) else {
            continue;
        };
        if inode.is_dir() && !recursive {
            status = 1;
            if bb {
                io.err(&format!("cp: omitting directory '{src}'\n"));
            } else {
                io.err(&format!(
                    "cp: -r not specified; omitting directory {}\n",
                    gnu_quote(src)
                ));
            }
            continue;
        }
        let to = match target_of(&fs, call.cwd, src, dst, many) {
            Ok(t) => t,
            Err(e) => {
                status = 1;
                report_create(io, bb, dst, e);
                continue;
            }
        };
        if to.starts_with(&from) && inode.is_dir() {
            status = 1;
            io.err(&format!(
                "cp: cannot copy a directory, {}, into itself, {}\n",
                gnu_quote(src),
                gnu_quote(&join(&to))
            ));
            continue;
        }
        if !preserve {
            retime(&mut inode, now);
        }
        let r = match (&inode.body, fs.node(&to).map(|i| i.is_dir())) {
            (
                Body::File {
                    data,
                    program: None,
                },
                Some(false),
            ) => {
                let data = data.clone();
                fs.write_abs(&to, &data, false)
            }
            (_, Some(true)) if !inode.is_dir() => Err(FsErr::IsADirectory),
            (_, Some(_)) => {
                // Copying a directory over an existing one: merge by replacing entries.
                merge_dir(&mut fs, &to, inode)
            }
            (_, None) => fs.insert_abs(&to, inode),
        };
        if let Err(e) = r {
            status = 1;
            report_create(io, bb, &join(&to), e);
        }
    }
    status
}

fn merge_dir(fs: &mut PodFs<'_>, to: &[String], inode: Inode) -> Result<(), FsErr> {
    let Body::Dir(entries) = inode.body else {
        return Err(FsErr::NotADirectory);
    };
    for (name, child) in entries {
        let mut t = to.to_vec();
        t.push(name);
        if fs.node(&t).is_some() {
            if child.is_dir() && fs.node(&t).is_some_and(|i| i.is_dir()) {
                merge_dir(fs, &t, child)?;
                continue;
            }
            fs.remove_tree(&t, 0);
        }
        fs.insert_abs(&t, child)?;
    }
    Ok(())
}

fn report_create(io: &mut dyn Sink, bb: bool, path: &str, e: FsErr) {
    if bb {
        io.err(&format!("cp: can't create '{path}': {e}\n"));
    } else if e == FsErr::NoSpace || e == FsErr::TooBig {
        io.err(&format!("cp: error writing {}: {e}\n", gnu_quote(path)));
    } else {
        io.err(&format!(
            "cp: cannot create regular file {}: {e}\n",
            gnu_quote(path)
        ));
    }
}

pub fn mv(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "fivnT", &["force", "verbose"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "mv", "[-finT] SOURCE DEST", e, 1, io),
    };
    let ops = &opts.operands;
    if ops.len() < 2 {
        if bb {
            return super::usage(host, "mv", "[-finT] SOURCE DEST", io);
        } else if ops.is_empty() {
            io.err("mv: missing file operand\nTry 'mv --help' for more information.\n");
        } else {
            io.err(&format!("mv: missing destination file operand after {}\nTry 'mv --help' for more information.\n", gnu_quote(&ops[0])));
        }
        return 1;
    }
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "mv");
    };
    let (srcs, dst) = ops.split_at(ops.len() - 1);
    let dst = &dst[0];
    let many = srcs.len() > 1;
    let mut status = 0;
    for src in srcs {
        let from = match fs.lookup(call.cwd, src, false) {
            Ok(a) => a,
            Err(e) => {
                status = 1;
                if bb {
                    io.err(&format!("mv: can't rename '{src}': {e}\n"));
                } else {
                    io.err(&format!("mv: cannot stat {}: {e}\n", gnu_quote(src)));
                }
                continue;
            }
        };
        let r = target_of(&fs, call.cwd, src, dst, many).and_then(|to| {
            if to == from {
                return Ok(());
            }
            fs.rename_abs(&from, &to)
        });
        if let Err(e) = r {
            status = 1;
            if bb {
                io.err(&format!("mv: can't rename '{src}': {e}\n"));
            } else {
                io.err(&format!(
                    "mv: cannot move {} to {}: {e}\n",
                    gnu_quote(src),
                    gnu_quote(dst)
                ));
            }
        }
    }
    status
}

pub fn ln(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "sfnvT", &["symbolic", "force"]) {
        Ok(o) => o,
        Err(e) => {
            return opt_error(
                host,
                "ln",
                "[-sfnbtv] [-S SUF] TARGET... LINK|DIR",
                e,
                1,
                io,
            )
        }
    };
    let symbolic = opts.has('s') || opts.long("symbolic");
    let force = opts.has('f') || opts.long("force");
    let ops = &opts.operands;
    if ops.is_empty() {
        io.err("ln: missing file operand\nTry 'ln --help' for more information.\n");
        return 1;
    }
    let target = &ops[0];
    let link = ops
        .get(1)
        .cloned()
        .unwrap_or_else(|| basename(target).to_string());
    let now = host.now();
    let Some(mut fs) = host.fs() else {
        return no_fs(io, "ln");
    };
    let r = (|| -> Result<(), FsErr> {
        let mut at = fs.resolve(call.cwd, &link, false)?;
        if fs.stat_abs(&at).is_some_and(|s| s.is_dir()) {
            at.push(basename(target).to_string());
        }
        if fs.node(&at).is_some() {
            if !force {
                return Err(FsErr::Exists);
            }
            fs.remove_abs(&at)?;
        }
        let inode = if symbolic {
            Inode {
                body: Body::Symlink(target.clone()),
                mode: 0o777,
                uid: 0,
                gid: 0,
                mtime: now,
            }
        } else {
            let src = fs.lookup(call.cwd, target, false)?;
            let i = fs.clone_abs(&src).ok_or(FsErr::NotFound)?;
            if i.is_dir() {
                return Err(FsErr::PermissionDenied);
            }
            i
        };
        fs.insert_abs(&at, inode)
    })();
    match r {
        Ok(()) => 0,
        Err(e) => {
            if bb {
                io.err(&format!("ln: {link}: {e}\n"));
            } else if symbolic {
                io.err(&format!(
                    "ln: failed to create symbolic link {}: {e}\n",
                    gnu_quote(&link)
                ));
            } else if e == FsErr::NotFound {
                io.err(&format!(
                    "ln: failed to access {}: {e}\n",
                    gnu_quote(target)
                ));
            } else {
                io.err(&format!(
                    "ln: failed to create hard link {}: {e}\n",
                    gnu_quote(&link)
                ));
            }
            1
        }
    }
}

pub fn readlink(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let opts = match parse_opts(call.args(), "fenqsv", &[]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "readlink", "[-fnv] FILE", e, 1, io),
    };
    let canonical = opts.has('f') || opts.has('e');
    let Some(fs) = host.fs() else {
        return no_fs(io, "readlink");
    };
    let mut status = 0;
    for name in &opts.operands {
        let r = if canonical {
            fs.resolve(call.cwd, name, true).map(|a| join(&a))
        } else {
            fs.stat(call.cwd, name, false)
                .ok()
                .and_then(|s| s.target)
                .ok_or(FsErr::Invalid)
        };
        match r {
            Ok(t) => io.out(&format!("{t}\n")),
            Err(_) => status = 1,
        }
    }
    status
}

pub fn realpath(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let Some(fs) = host.fs() else {
        return no_fs(io, "realpath");
    };
    let mut status = 0;
    for name in call.args() {
        match fs.lookup(call.cwd, name, true) {
            Ok(a) => io.out(&format!("{}\n", join(&a))),
            Err(e) => {
                status = 1;
                if bb {
                    io.err(&format!("realpath: {name}: {e}\n"));
                } else {
                    io.err(&format!("realpath: {}: {e}\n", gnu_quote_if_needed(name)));
                }
            }
        }
    }
    status
}

pub fn basename_applet(_host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let args = call.args();
    let Some(name) = args.first() else {
        io.err("basename: missing operand\nTry 'basename --help' for more information.\n");
        return 1;
    };
    let mut b = basename(name).to_string();
    if let Some(suffix) = args.get(1) {
        if b.len() > suffix.len() && b.ends_with(suffix.as_str()) {
            b.truncate(b.len() - suffix.len());
        }
    }
    io.out(&format!("{b}\n"));
    0
}

pub fn dirname_applet(_host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let args = call.args();
    if args.is_empty() {
        io.err("dirname: missing operand\nTry 'dirname --help' for more information.\n");
        return 1;
    }
    for a in args {
        io.out(&format!("{}\n", dirname(a)));
    }
    0
}

#[cfg(test)]
mod tests {
    use super::parse_mode;

    #[test]
    fn chmod_modes() {
        assert_eq!(parse_mode("755", 0, false), Some(0o755));
        assert_eq!(parse_mode("+x", 0o644, false), Some(0o755));
        assert_eq!(parse_mode("u=rw,go=r", 0o777, false), Some(0o644));
        assert_eq!(parse_mode("q", 0o644, false), None);
    }
}
