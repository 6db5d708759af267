//! `ls`: one name per line without a terminal, columns (and busybox's colours) with one,
//! `-l` in busybox's fixed widths or coreutils' aligned columns.

use super::{gnu_quote, opt_error, parse_opts, Call};
use crate::api::time::{to_timestamp, Millis};
use crate::kubectl::output::Sink;
use crate::runtime::fs::view::{PodFs, Stat};
use crate::runtime::host::PodHost;
use k8s_openapi::jiff::fmt::strtime;

/// Names for uids and gids, from the container's `/etc/passwd` and `/etc/group`.
pub struct Names {
    users: Vec<(u32, String)>,
    groups: Vec<(u32, String)>,
}

impl Names {
    pub fn read(fs: &PodFs<'_>) -> Names {
        let table = |path: &str| -> Vec<(u32, String)> {
            fs.read("/", path)
                .unwrap_or_default()
                .lines()
                .filter_map(|l| {
                    let mut f = l.split(':');
                    let name = f.next()?.to_string();
                    let id = f.nth(1)?.parse().ok()?;
                    Some((id, name))
                })
                .collect()
        };
        Names {
            users: table("/etc/passwd"),
            groups: table("/etc/group"),
        }
    }

    pub fn read_empty() -> Names {
        Names {
            users: vec![],
            groups: vec![],
        }
    }

    pub fn user(&self, uid: u32) -> Option<&str> {
        self.users
            .iter()
            .find(|(id, _)| *id == uid)
            .map(|(_, n)| n.as_str())
    }

    pub fn group(&self, gid: u32) -> Option<&str> {
        self.groups
            .iter()
            .find(|(id, _)| *id == gid)
            .map(|(_, n)| n.as_str())
    }
}

/// 1K blocks a file takes on a 4K-block filesystem.
pub fn blocks_k(st: &Stat) -> u64 {
    match st.type_char {
        '-' | 'd' => st.size.div_ceil(4096) * 4,
        _ => 0,
    }
}

/// `ls -h`/`du -h`/`df -h` sizes: `615`, `4.0K`, `1.1M`, `12G`.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["K", "M", "G", "T", "P", "E"];
    if bytes < 1024 {
        return bytes.to_string();
    }
    let mut v = bytes as f64;
    let mut u = 0;
    loop {
        v /= 1024.0;
        if v < 1024.0 || u == UNITS.len() - 1 {
            break;
        }
        u += 1;
    }
    if v < 10.0 {
        // coreutils rounds up.
        let r = (v * 10.0).ceil() / 10.0;
        if r < 10.0 {
            return format!("{r:.1}{}", UNITS[u]);
        }
        return format!("{:.0}{}", r, UNITS[u]);
    }
    format!("{:.0}{}", v.ceil(), UNITS[u])
}

/// The time column of `ls -l`: `Mar  3 10:00`, or `Mar  3  2017` for files older than
/// six months.
pub fn ls_time(mtime: Millis, now: Millis) -> String {
    let age = now - mtime;
    let six_months = 1000 * 3600 * 24 * 365 / 2;
    let fmt = if age < six_months && age > -15 * 60 * 1000 {
        "%b %e %H:%M"
    } else {
        "%b %e  %Y"
    };
    strtime::format(fmt, to_timestamp(mtime)).unwrap_or_default()
}

fn device_numbers(name: &str) -> (u32, u32) {
    match name {
        "null" => (1, 3),
        "zero" => (1, 5),
        "full" => (1, 7),
        "random" => (1, 8),
        "urandom" => (1, 9),
        "tty" => (5, 0),
        _ => (1, 3),
    }
}

struct Entry {
    name: String,
    st: Stat,
}

struct LsOpts {
    long: bool,
    all: bool,
    almost_all: bool,
    dir_itself: bool,
    human: bool,
    recursive: bool,
    reverse: bool,
    by_time: bool,
    by_size: bool,
    classify: bool,
    numeric: bool,
    one: bool,
}

fn sort_entries(v: &mut [Entry], o: &LsOpts) {
    v.sort_by(|a, b| {
        let ord = if o.by_time {
            b.st.mtime.cmp(&a.st.mtime).then(a.name.cmp(&b.name))
        } else if o.by_size {
            b.st.size.cmp(&a.st.size).then(a.name.cmp(&b.name))
        } else {
            a.name.as_bytes().cmp(b.name.as_bytes())
        };
        if o.reverse {
            ord.reverse()
        } else {
            ord
        }
    });
}

fn suffix(st: &Stat, o: &LsOpts) -> &'static str {
    if !o.classify {
        return "";
    }
    match st.type_char {
        'd' => "/",
        'l' => "@",
        '-' if st.mode & 0o111 != 0 => "*",
        _ => "",
    }
}

/// busybox's colours on a terminal (`ESC[bold;colourm`).
fn colour(st: &Stat) -> (u32, u32) {
    match st.type_char {
        'd' => (1, 34),
        'l' => (1, 36),
        'c' => (1, 35),
        '-' if st.mode & 0o111 != 0 => (1, 32),
        _ => (0, 0),
    }
}

fn long_lines(entries: &[Entry], o: &LsOpts, bb: bool, names: &Names, now: Millis) -> Vec<String> {
    let owner = |st: &Stat| -> String {
        match (o.numeric, names.user(st.uid)) {
            (false, Some(n)) => n.to_string(),
            _ => st.uid.to_string(),
        }
    };
    let group = |st: &Stat| -> String {
        match (o.numeric, names.group(st.gid)) {
            (false, Some(n)) => n.to_string(),
            _ => st.gid.to_string(),
        }
    };
    let size = |e: &Entry| -> String {
        if e.st.type_char == 'c' {
            let (ma, mi) = device_numbers(&e.name);
            return if bb {
                format!("{ma:4}, {mi:3}")
            } else {
                format!("{ma}, {mi}")
            };
        }
        if o.human {
            human(e.st.size)
        } else {
            e.st.size.to_string()
        }
    };
    let name = |e: &Entry| -> String {
        let mut s = e.name.clone();
        if let Some(t) = &e.st.target {
            s.push_str(" -> ");
            s.push_str(t);
        } else {
            s.push_str(suffix(&e.st, o));
        }
        s
    };
    if bb {
        return entries
            .iter()
            .map(|e| {
                let sz = size(e);
                let sz = if e.st.type_char == 'c' {
                    format!("{sz} ")
                } else {
                    format!("{sz:>9} ")
                };
                format!(
                    "{:<10} {:>4} {:<8} {:<8} {sz}{} {}",
                    e.st.mode_string,
                    e.st.nlink,
                    owner(&e.st),
                    group(&e.st),
                    ls_time(e.st.mtime, now),
                    name(e)
                )
            })
            .collect();
    }
    let w_link = entries
        .iter()
        .map(|e| e.st.nlink.to_string().len())
        .max()
        .unwrap_or(1);
    let w_user = entries
        .iter()
        .map(|e| owner(&e.st).len())
        .max()
        .unwrap_or(1);
    let w_group = entries
        .iter()
        .map(|e| group(&e.st).len())
        .max()
        .unwrap_or(1);
    let w_size = entries.iter().map(|e| size(e).len()).max().unwrap_or(1);
    entries
        .iter()
        .map(|e| {
            format!(
                "{} {:>w_link$} {:<w_user$} {:<w_group$} {:>w_size$} {} {}",
                e.st.mode_string,
                e.st.nlink,
                owner(&e.st),
                group(&e.st),
                size(e),
                ls_time(e.st.mtime, now),
                name(e)
            )
        })
        .collect()
}

/// Names in columns for a terminal 80 wide: coreutils fits as many variable-width
/// columns as it can; busybox uses one width for all.
fn columns(names: &[(String, usize)], bb: bool) -> Vec<String> {
    const WIDTH: usize = 80;
    if names.is_empty() {
        return vec![];
    }
    let n = names.len();
    if bb {
        let col = names.iter().map(|(_, w)| *w).max().unwrap_or(1) + 2;
        let ncols = ((WIDTH - 1) / col).max(1);
        let nrows = n.div_ceil(ncols);
        let ncols = n.div_ceil(nrows);
        let mut out = Vec::new();
        for r in 0..nrows {
            let mut line = String::new();
            for c in 0..ncols {
                let i = c * nrows + r;
                if i >= n {
                    break;
                }
                let (s, w) = &names[i];
                line.push_str(s);
                let last = c + 1 == ncols || (c + 1) * nrows + r >= n;
                if !last {
                    line.push_str(&" ".repeat(col - w));
                }
            }
            out.push(line);
        }
        return out;
    }
    let mut best = 1;
    for ncols in (1..=n).rev() {
        let nrows = n.div_ceil(ncols);
        let widths: Vec<usize> = (0..ncols)
            .map(|c| {
                (0..nrows)
                    .filter_map(|r| names.get(c * nrows + r).map(|(_, w)| *w))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let total: usize = widths.iter().sum::<usize>() + 2 * (ncols - 1);
        if total < WIDTH {
            best = ncols;
            break;
        }
    }
    let nrows = n.div_ceil(best);
    let widths: Vec<usize> = (0..best)
        .map(|c| {
            (0..nrows)
                .filter_map(|r| names.get(c * nrows + r).map(|(_, w)| *w))
                .max()
                .unwrap_or(0)
        })
        .collect();
    (0..nrows)
        .map(|r| {
            let mut line = String::new();
            for (c, w) in widths.iter().enumerate() {
                let i = c * nrows + r;
                let Some((s, sw)) = names.get(i) else { break };
                line.push_str(s);
                if (c + 1) * nrows + r < n {
                    line.push_str(&" ".repeat(w + 2 - sw));
                }
            }
            line
        })
        .collect()
}

fn render(
    entries: &[Entry],
    o: &LsOpts,
    bb: bool,
    tty: bool,
    names: &Names,
    now: Millis,
) -> Vec<String> {
    if o.long {
        return long_lines(entries, o, bb, names, now);
    }
    let shown: Vec<(String, usize)> = entries
        .iter()
        .map(|e| {
            let plain = format!("{}{}", e.name, suffix(&e.st, o));
            let w = plain.chars().count();
            if bb && tty {
                let (b, c) = colour(&e.st);
                (
                    format!("\x1b[{b};{c}m{}\x1b[m{}", e.name, suffix(&e.st, o)),
                    w,
                )
            } else {
                (plain, w)
            }
        })
        .collect();
    if o.one || !tty {
        return shown.into_iter().map(|(s, _)| s).collect();
    }
    columns(&shown, bb)
}

pub fn ls(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let tty = host.tty;
    let parsed = match parse_opts(
        call.args(),
        "lalAdhRrtSF1nCxsiL",
        &[
            "all",
            "almost-all",
            "human-readable",
            "color",
            "directory",
            "recursive",
            "reverse",
            "classify",
        ],
    ) {
        Ok(o) => o,
        Err(e) => {
            return opt_error(
                host,
                "ls",
                "[-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...",
                e,
                2,
                io,
            )
        }
    };
    let o = LsOpts {
        long: parsed.has('l') || parsed.has('n'),
        all: parsed.has('a') || parsed.long("all"),
        almost_all: parsed.has('A') || parsed.long("almost-all"),
        dir_itself: parsed.has('d') || parsed.long("directory"),
        human: parsed.has('h') || parsed.long("human-readable"),
        recursive: parsed.has('R') || parsed.long("recursive"),
        reverse: parsed.has('r') || parsed.long("reverse"),
        by_time: parsed.has('t'),
        by_size: parsed.has('S'),
        classify: parsed.has('F') || parsed.long("classify"),
        numeric: parsed.has('n'),
        one: parsed.has('1'),
    };
    let now = host.now();
    let Some(fs) = host.fs() else {
        io.err("ls: container filesystem unavailable\n");
        return 2;
    };
    let names = Names::read(&fs);
    let operands = if parsed.operands.is_empty() {
        vec![".".to_string()]
    } else {
        parsed.operands.clone()
    };
    let mut status = 0;
    let mut files: Vec<Entry> = Vec::new();
    let mut dirs: Vec<(String, Vec<String>)> = Vec::new();
    for op in &operands {
        // `ls -l link` shows the link; `ls link-to-dir/` and `ls link-to-dir` list the
        // directory behind it.
        let follow = !o.long || op.ends_with('/');
        let looked = fs.lookup(call.cwd, op, follow).and_then(|abs| {
            fs.stat_abs(&abs)
                .map(|st| (abs, st))
                .ok_or(crate::runtime::fs::FsErr::NotFound)
        });
        match looked {
            Ok((abs, st)) => {
                let points_to_dir = st.type_char == 'l'
                    && fs.stat(call.cwd, op, true).is_ok_and(|s| s.is_dir())
                    && !o.long;
                if (st.is_dir() || points_to_dir) && !o.dir_itself {
                    let abs = if points_to_dir {
                        fs.lookup(call.cwd, op, true).unwrap_or(abs)
                    } else {
                        abs
                    };
                    dirs.push((op.clone(), abs));
                } else {
                    files.push(Entry {
                        name: op.clone(),
                        st,
                    });
                }
            }
            Err(e) => {
                if bb {
                    io.err(&format!("ls: {op}: {e}\n"));
                    status = 1;
                } else {
                    io.err(&format!("ls: cannot access {}: {e}\n", gnu_quote(op)));
                    status = 2;
                }
            }
        }
    }
    sort_entries(&mut files, &o);
    let mut out: Vec<String> = render(&files, &o, bb, tty, &names, now);
    let show_headers = operands.len() > 1 || o.recursive;
    dirs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut queue: std::collections::VecDeque<(String, Vec<String>)> = dirs.into();
    let mut first = files.is_empty();
    let mut listed = 0;
    while let Some((shown, abs)) = queue.pop_front() {
        listed += 1;
        if listed > 2_000 {
            break;
        }
        if show_headers {
            if !first {
                out.push(String::new());
            }
            out.push(format!("{shown}:"));
        }
        first = false;
        let mut entries: Vec<Entry> = Vec::new();
        if o.all {
            for (n, p) in [
                (".", abs.clone()),
                ("..", abs[..abs.len().saturating_sub(1)].to_vec()),
            ] {
                if let Some(st) = fs.stat_abs(&p) {
                    entries.push(Entry { name: n.into(), st });
                }
            }
        }
        for n in fs.list_abs(&abs).unwrap_or_default() {
            if n.starts_with('.') && !o.all && !o.almost_all {
                continue;
            }
            let mut p = abs.clone();
            p.push(n.clone());
            if let Some(st) = fs.stat_abs(&p) {
                entries.push(Entry { name: n, st });
            }
        }
        sort_entries(&mut entries, &o);
        if o.long {
            let total: u64 = entries.iter().map(|e| blocks_k(&e.st)).sum();
            out.push(if o.human {
                format!("total {}", human(total * 1024))
            } else {
                format!("total {total}")
            });
        }
        out.extend(render(&entries, &o, bb, tty, &names, now));
        if o.recursive {
            let mut subs: Vec<(String, Vec<String>)> = entries
                .iter()
                .filter(|e| e.st.is_dir() && e.name != "." && e.name != "..")
                .map(|e| {
                    let mut p = abs.clone();
                    p.push(e.name.clone());
                    (format!("{}/{}", shown.trim_end_matches('/'), e.name), p)
                })
                .collect();
            subs.reverse();
            for s in subs {
                queue.push_front(s);
            }
        }
    }
    for line in out {
        io.out(&line);
        io.out("\n");
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes_as_coreutils() {
        assert_eq!(human(615), "615");
        assert_eq!(human(4096), "4.0K");
        assert_eq!(human(1_131_168), "1.1M");
        assert_eq!(human(1 << 30), "1.0G");
        assert_eq!(human(263_112_772 * 1024), "251G");
    }

    #[test]
    fn time_column() {
        let now = crate::api::time::EPOCH_MS;
        assert_eq!(ls_time(now, now), "Mar  3 10:00");
        assert_eq!(ls_time(1_494_000_000_000, now), "May  5  2017");
    }

    #[test]
    fn busybox_columns_share_one_width() {
        let names: Vec<(String, usize)> = ["bin", "dev", "etc", "home"]
            .iter()
            .map(|s| (s.to_string(), s.len()))
            .collect();
        assert_eq!(columns(&names, true), vec!["bin   dev   etc   home"]);
        assert_eq!(columns(&names, false), vec!["bin  dev  etc  home"]);
    }
}
