//! `cp` and `mv`, with busybox's and coreutils' wordings. A move within one mount is a
//! rename; across mounts (into a volume) it is a copy and a delete, as `mv` falls back to.

use super::files::no_fs;
use super::{gnu_quote, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::{basename, join};
use crate::runtime::fs::view::PodFs;
use crate::runtime::fs::{Body, FsErr, Inode};
use crate::runtime::host::PodHost;

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
