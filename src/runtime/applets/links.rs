//! Names and modes: `ln`, `readlink`, `realpath`, `basename`, `dirname`, `chmod`.

use super::files::no_fs;
use super::{gnu_quote, gnu_quote_if_needed, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::{basename, dirname, join};
use crate::runtime::fs::view::PodFs;
use crate::runtime::fs::{Body, FsErr, Inode};
use crate::runtime::host::PodHost;

pub(super) fn parse_mode(s: &str, current: u32, is_dir: bool) -> Option<u32> {
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
    use super::*;

    #[test]
    fn chmod_modes() {
        assert_eq!(parse_mode("755", 0, false), Some(0o755));
        assert_eq!(parse_mode("+x", 0o644, false), Some(0o755));
        assert_eq!(parse_mode("u=rw,go=r", 0o777, false), Some(0o644));
        assert_eq!(parse_mode("q", 0o644, false), None);
    }
}
