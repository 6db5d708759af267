//! `stat` (coreutils' and busybox's layouts, `-c FORMAT`) and `du`.

use super::ls::{blocks_k, human, Names};
use super::{gnu_quote, opt_error, parse_opts, Call};
use crate::api::time::{to_timestamp, Millis};
use crate::kubectl::output::Sink;
use crate::runtime::fs::view::PodFs;
use crate::runtime::host::PodHost;
use k8s_openapi::jiff::fmt::strtime;

pub fn stat(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let parsed = match parse_opts(call.args(), "c:Lft", &["format", "dereference"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "stat", "[-ltf] [-c FMT] FILE...", e, 1, io),
    };
    let follow = parsed.has('L') || parsed.long("dereference");
    let Some(fs) = host.fs() else {
        return 1;
    };
    let names = Names::read(&fs);
    if parsed.operands.is_empty() {
        if bb {
            return super::usage(host, "stat", "[-ltf] [-c FMT] FILE...", io);
        }
        io.err("stat: missing operand\nTry 'stat --help' for more information.\n");
        return 1;
    }
    let mut status = 0;
    for name in &parsed.operands {
        let st = match fs.stat(call.cwd, name, follow) {
            Ok(s) => s,
            Err(e) => {
                status = 1;
                if bb {
                    io.err(&format!("stat: can't stat '{name}': {e}\n"));
                } else {
                    io.err(&format!("stat: cannot statx {}: {e}\n", gnu_quote(name)));
                }
                continue;
            }
        };
        let kind = match st.type_char {
            'd' => "directory",
            'l' => "symbolic link",
            'c' => "character special file",
            _ if st.size == 0 => "regular empty file",
            _ => "regular file",
        };
        let user = names.user(st.uid).unwrap_or("UNKNOWN");
        let group = names.group(st.gid).unwrap_or("UNKNOWN");
        if let Some(fmt) = parsed.value('c') {
            let mut s = String::new();
            let mut chars = fmt.chars();
            while let Some(c) = chars.next() {
                if c != '%' {
                    s.push(c);
                    continue;
                }
                match chars.next() {
                    Some('s') => s.push_str(&st.size.to_string()),
                    Some('n') => s.push_str(name),
                    Some('a') => s.push_str(&format!("{:o}", st.mode)),
                    Some('A') => s.push_str(&st.mode_string),
                    Some('U') => s.push_str(user),
                    Some('G') => s.push_str(group),
                    Some('u') => s.push_str(&st.uid.to_string()),
                    Some('g') => s.push_str(&st.gid.to_string()),
                    Some('F') => s.push_str(kind),
                    Some('h') => s.push_str(&st.nlink.to_string()),
                    Some('Y') => s.push_str(&(st.mtime / 1000).to_string()),
                    Some('y') => s.push_str(&full_time(st.mtime)),
                    Some('%') => s.push('%'),
                    Some(o) => {
                        s.push('%');
                        s.push(o);
                    }
                    None => s.push('%'),
                }
            }
            io.out(&format!("{s}\n"));
            continue;
        }
        let shown = match &st.target {
            Some(t) => format!("{name} -> {t}"),
            None => name.clone(),
        };
        let inode = crate::cluster::ids::fnv32a(format!("{name}{}", st.mtime).as_bytes())
            % 3_000_000
            + 1000;
        let blocks = blocks_k(&st) * 2;
        let device = if bb {
            format!(
                "Device: {:x}h/{}d\t",
                0x10000 + 3 + st.mount as u64,
                0x10000 + 3 + st.mount as u64
            )
        } else {
            format!("Device: 0,{}\t", 87 + st.mount)
        };
        io.out(&format!(
            "  File: {shown}\n  Size: {:<10}\tBlocks: {:<10} IO Block: 4096   {kind}\n{device}Inode: {:<11} Links: {}\nAccess: ({:04o}/{})  Uid: ({:5}/{:>8})   Gid: ({:5}/{:>8})\nAccess: {}\nModify: {}\nChange: {}\n",
            st.size,
            blocks,
            inode,
            st.nlink,
            st.mode,
            st.mode_string,
            st.uid,
            user,
            st.gid,
            group,
            full_time(st.mtime),
            full_time(st.mtime),
            full_time(st.mtime),
        ));
        if !bb {
            io.out(&format!(" Birth: {}\n", full_time(st.mtime)));
        }
    }
    status
}

fn full_time(ms: Millis) -> String {
    let base = strtime::format("%Y-%m-%d %H:%M:%S", to_timestamp(ms)).unwrap_or_default();
    format!("{base}.{:09} +0000", (ms % 1000) * 1_000_000)
}

pub fn du(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let parsed = match parse_opts(
        call.args(),
        "shackmd:x",
        &["summarize", "human-readable", "max-depth"],
    ) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "du", "[-aHLdclsxhmk] [FILE]...", e, 1, io),
    };
    let summarize = parsed.has('s') || parsed.long("summarize");
    let hum = parsed.has('h') || parsed.long("human-readable");
    let all = parsed.has('a');
    let total = parsed.has('c');
    let Some(fs) = host.fs() else {
        return 1;
    };
    let operands = if parsed.operands.is_empty() {
        vec![".".to_string()]
    } else {
        parsed.operands.clone()
    };
    let fmt = |k: u64| if hum { human(k * 1024) } else { k.to_string() };
    let mut status = 0;
    let mut grand = 0;
    for op in &operands {
        let abs = match fs.lookup(call.cwd, op, true) {
            Ok(a) => a,
            Err(e) => {
                status = 1;
                if bb {
                    io.err(&format!("du: {op}: {e}\n"));
                } else {
                    io.err(&format!("du: cannot access {}: {e}\n", gnu_quote(op)));
                }
                continue;
            }
        };
        let mut lines = Vec::new();
        let k = walk(&fs, &abs, op, 0, &mut |shown, k, is_dir| {
            if !summarize && (is_dir || all) {
                lines.push(format!("{}\t{shown}", fmt(k)));
            }
        });
        grand += k;
        if summarize {
            lines.push(format!("{}\t{op}", fmt(k)));
        }
        for l in lines {
            io.out(&format!("{l}\n"));
        }
    }
    if total {
        io.out(&format!("{}\ttotal\n", fmt(grand)));
    }
    status
}

fn walk(
    fs: &PodFs<'_>,
    abs: &[String],
    shown: &str,
    depth: usize,
    report: &mut dyn FnMut(&str, u64, bool),
) -> u64 {
    let Some(st) = fs.stat_abs(abs) else { return 0 };
    let mut k = blocks_k(&st);
    if st.is_dir() && depth < 64 {
        for n in fs.list_abs(abs).unwrap_or_default() {
            let mut p = abs.to_vec();
            p.push(n.clone());
            let child = format!("{}/{n}", shown.trim_end_matches('/'));
            k += walk(fs, &p, &child, depth + 1, report);
        }
    }
    report(shown, k, st.is_dir());
    k
}
