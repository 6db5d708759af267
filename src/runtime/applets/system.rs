//! System applets: pwd, hostname, env, printenv, date (from the virtual clock), sleep
//! (advances it), df and mount (the container's mount table as containerd sets it up in
//! a kind node), id, whoami, groups, ps, uname, which, test, true, false, nproc.

use super::ls::{human, Names};
use super::{gnu_quote, opt_error, parse_opts, Call};
use crate::api::time::{to_timestamp, Millis};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::join;
use crate::runtime::host::PodHost;
use crate::runtime::volumes::VolumeId;
use crate::shell::Invocation;
use k8s_openapi::jiff::fmt::strtime;

/// The node's kernel, as `uname` and nginx's start-up log report it.
pub const KERNEL_RELEASE: &str = "6.8.0-1021-gcp";
pub const KERNEL_VERSION: &str = "#22-Ubuntu SMP Tue Jan 14 18:43:16 UTC 2025";
/// The node's disk (`ephemeral-storage` capacity, in KiB) and what kind's images use of it.
const DISK_KB: u64 = 263_112_772;
const DISK_USED_KB: u64 = 21_053_468;
const DISK_RESERVED_KB: u64 = 13_444_536;
/// Half the node's memory: the size of an unbounded tmpfs.
const TMPFS_KB: u64 = 16_413_920;

pub fn pwd(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let physical = host
        .fs()
        .and_then(|fs| fs.lookup("/", call.cwd, true).ok())
        .map(|a| join(&a))
        .unwrap_or_else(|| call.cwd.to_string());
    io.out(&format!("{physical}\n"));
    0
}

pub fn hostname(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let Some(c) = host.container() else { return 1 };
    let name = c.hostname.clone();
    let ip = c.pod_ip.clone();
    let hosts = host
        .fs()
        .and_then(|fs| fs.read("/", "/etc/hosts").ok())
        .unwrap_or_default();
    let fqdn = hosts
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.split_whitespace().skip(1).any(|n| n == name))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or(&name)
        .to_string();
    match call.args().first().map(String::as_str) {
        None => io.out(&format!("{name}\n")),
        Some("-i") | Some("--ip-address") => io.out(&format!("{ip}\n")),
        Some("-I") | Some("--all-ip-addresses") => io.out(&format!("{ip} \n")),
        Some("-f") | Some("--fqdn") | Some("--long") => io.out(&format!("{fqdn}\n")),
        Some("-s") | Some("--short") => {
            io.out(&format!("{}\n", name.split('.').next().unwrap_or(&name)))
        }
        Some("-d") | Some("--domain") => io.out(&format!(
            "{}\n",
            fqdn.split_once('.').map(|x| x.1).unwrap_or("")
        )),
        Some(a) if a.starts_with('-') => {
            if bb {
                io.err(&format!(
                    "hostname: invalid option -- '{}'\n",
                    a.trim_start_matches('-')
                ));
                return super::usage(host, "hostname", "[-sidf] [HOSTNAME | -F FILE]", io);
            }
            io.err(&format!("hostname: invalid option -- '{}'\nUsage: hostname [-b] {{hostname|-F file}}         set host name (from file)\n", a.trim_start_matches('-')));
            return 1;
        }
        Some(_) => {
            if bb {
                io.err("hostname: sethostname: Operation not permitted\n");
            } else {
                io.err("hostname: you must be root to change the host name\n");
            }
            return 1;
        }
    }
    0
}

pub fn env(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let mut vars: Vec<(String, String)> = call.env.to_vec();
    let mut args = call.args();
    while let Some(a) = args.first() {
        if a == "-i" || a == "-" || a == "--ignore-environment" {
            vars.clear();
        } else if a == "-u" {
            if let Some(n) = args.get(1) {
                vars.retain(|(k, _)| k != n);
                args = &args[1..];
            }
        } else if let Some((k, v)) = a.split_once('=').filter(|(k, _)| !k.is_empty()) {
            if let Some(e) = vars.iter_mut().find(|(n, _)| n == k) {
                e.1 = v.to_string();
            } else {
                vars.push((k.to_string(), v.to_string()));
            }
        } else {
            break;
        }
        args = &args[1..];
    }
    if args.is_empty() {
        for (k, v) in &vars {
            io.out(&format!("{k}={v}\n"));
        }
        return 0;
    }
    let inv = Invocation {
        argv: args,
        stdin: call.stdin,
        env: &vars,
        cwd: call.cwd,
    };
    match crate::shell::Host::run(host, &inv, io) {
        Some(code) => code,
        None => {
            if bb {
                io.err(&format!(
                    "env: can't execute '{}': No such file or directory\n",
                    args[0]
                ));
            } else {
                io.err(&format!(
                    "env: {}: No such file or directory\n",
                    gnu_quote(&args[0])
                ));
            }
            127
        }
    }
}

pub fn printenv(_host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    if call.args().is_empty() {
        for (k, v) in call.env {
            io.out(&format!("{k}={v}\n"));
        }
        return 0;
    }
    let mut status = 0;
    for name in call.args() {
        match call.var(name) {
            Some(v) => io.out(&format!("{v}\n")),
            None => status = 1,
        }
    }
    status
}

/// `date`'s default format: `Mon Mar  3 10:00:00 UTC 2025`.
pub fn date_string(ms: Millis) -> String {
    strtime::format("%a %b %e %H:%M:%S UTC %Y", to_timestamp(ms)).unwrap_or_default()
}

pub fn date(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let mut now = host.now();
    let mut format: Option<String> = None;
    let mut it = call.args().iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-u" | "--utc" | "--universal" => {}
            "-R" | "--rfc-email" => format = Some("%a, %d %b %Y %H:%M:%S +0000".into()),
            "-I" | "--iso-8601" => format = Some("%Y-%m-%d".into()),
            "-Iseconds" | "--iso-8601=seconds" => format = Some("%Y-%m-%dT%H:%M:%S+00:00".into()),
            "-d" | "--date" => {
                let Some(v) = it.next() else { break };
                match v.strip_prefix('@').and_then(|s| s.parse::<i64>().ok()) {
                    Some(secs) => now = secs.saturating_mul(1000),
                    None => {
                        if bb {
                            io.err(&format!("date: invalid date '{v}'\n"));
                        } else {
                            io.err(&format!("date: invalid date {}\n", gnu_quote(v)));
                        }
                        return 1;
                    }
                }
            }
            "-s" | "--set" => {
                let _ = it.next();
                if bb {
                    io.err("date: can't set date: Operation not permitted\n");
                } else {
                    io.err("date: cannot set date: Operation not permitted\n");
                }
                io.out(&format!("{}\n", date_string(now)));
                return 1;
            }
            f if f.starts_with('+') => format = Some(f[1..].to_string()),
            other => {
                if bb {
                    io.err(&format!("date: invalid date '{other}'\n"));
                } else {
                    io.err(&format!("date: invalid date {}\n", gnu_quote(other)));
                }
                return 1;
            }
        }
    }
    let text = match format {
        None => date_string(now),
        Some(f) => {
            let f = f.replace("%Z", "UTC").replace("%N", "000000000");
            strtime::format(f.as_str(), to_timestamp(now)).unwrap_or(f)
        }
    };
    io.out(&format!("{text}\n"));
    0
}

/// Parse a sleep interval (`5`, `0.5`, `2m`, `1h`, `infinity`) into milliseconds.
fn interval(s: &str) -> Option<Millis> {
    if s == "infinity" || s == "inf" {
        return Some(Millis::MAX / 4);
    }
    let (num, mult) = match s.chars().last()? {
        's' => (&s[..s.len() - 1], 1000.0),
        'm' => (&s[..s.len() - 1], 60_000.0),
        'h' => (&s[..s.len() - 1], 3_600_000.0),
        'd' => (&s[..s.len() - 1], 86_400_000.0),
        _ => (s, 1000.0),
    };
    let v: f64 = num.parse().ok()?;
    if !v.is_finite() || v < 0.0 {
        return None;
    }
    Some((v * mult).min(1e15) as Millis)
}

pub fn sleep(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    if call.args().is_empty() {
        if bb {
            return super::usage(host, "sleep", "[N]...", io);
        }
        io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
        return 1;
    }
    let mut total: Millis = 0;
    for a in call.args() {
        match interval(a) {
            Some(ms) => total = total.saturating_add(ms),
            None => {
                if bb {
                    io.err(&format!("sleep: invalid number '{a}'\n"));
                } else {
                    io.err(&format!("sleep: invalid time interval {}\nTry 'sleep --help' for more information.\n", gnu_quote(a)));
                }
                return 1;
            }
        }
    }
    match host.sleep(total) {
        Ok(()) => 0,
        Err(msg) if msg.is_empty() => 130,
        Err(msg) => {
            io.err(&format!("{msg}\n"));
            130
        }
    }
}

/// One line of the container's mount table.
pub struct MountRow {
    pub source: String,
    pub target: String,
    pub fstype: String,
    pub options: String,
    /// 1K blocks, used, available (None: not a disk-like filesystem).
    pub space: Option<(u64, u64, u64)>,
}

/// The mount table as containerd sets it up for a pod in a kind node.
pub fn mount_table(host: &mut PodHost<'_>) -> Vec<MountRow> {
    let Some(c) = host.container().cloned() else {
        return vec![];
    };
    let uid = host
        .key
        .as_ref()
        .map(|k| k.pod_uid.clone())
        .unwrap_or_default();
    let snap = crate::cluster::ids::fnv32a(format!("{uid}/{}", c.name).as_bytes()) % 900 + 100;
    let disk_opts = "rw,relatime,discard,errors=remount-ro".to_string();
    let mut rows: Vec<MountRow> = Vec::new();
    let mut row = |s: &str, t: &str, f: &str, o: &str, space: Option<(u64, u64, u64)>| {
        rows.push(MountRow {
            source: s.into(),
            target: t.into(),
            fstype: f.into(),
            options: o.into(),
            space,
        })
    };
    let root_used = host
        .fs()
        .and_then(|fs| fs.mount_volume(0).map(|v| v.used.div_ceil(1024)))
        .unwrap_or(0);
    let disk = |extra: u64| {
        let used = DISK_USED_KB + extra;
        Some((DISK_KB, used, DISK_KB - used - DISK_RESERVED_KB))
    };
    let lower: Vec<String> = (0..4)
        .map(|i| {
            format!(
                "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/{}/fs",
                snap - 4 + i
            )
        })
        .rev()
        .collect();
    let root_ro = if c.mounts.first().is_some_and(|m| m.read_only) {
        "ro"
    } else {
        "rw"
    };
    row(
        "overlay",
        "/",
        "overlay",
        &format!(
            "{root_ro},relatime,lowerdir={},upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/{snap}/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/{snap}/work",
            lower.join(":")
        ),
        disk(root_used),
    );
    row(
        "proc",
        "/proc",
        "proc",
        "rw,nosuid,nodev,noexec,relatime",
        None,
    );
    row(
        "tmpfs",
        "/dev",
        "tmpfs",
        "rw,nosuid,size=65536k,mode=755,inode64",
        Some((65_536, 0, 65_536)),
    );
    row(
        "devpts",
        "/dev/pts",
        "devpts",
        "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666",
        None,
    );
    row(
        "mqueue",
        "/dev/mqueue",
        "mqueue",
        "rw,nosuid,nodev,noexec,relatime",
        None,
    );
    row(
        "sysfs",
        "/sys",
        "sysfs",
        "ro,nosuid,nodev,noexec,relatime",
        None,
    );
    row(
        "cgroup",
        "/sys/fs/cgroup",
        "cgroup2",
        "ro,nosuid,nodev,noexec,relatime",
        None,
    );
    for t in [
        "/etc/hosts",
        "/dev/termination-log",
        "/etc/hostname",
        "/etc/resolv.conf",
    ] {
        row("/dev/sda1", t, "ext4", &disk_opts, disk(0));
    }
    row(
        "shm",
        "/dev/shm",
        "tmpfs",
        "rw,nosuid,nodev,noexec,relatime,size=65536k,inode64",
        Some((65_536, 0, 65_536)),
    );
    let vols: Vec<(String, String, &'static str, bool, VolumeId)> = c
        .mounts
        .iter()
        .skip(1)
        .map(|m| {
            (
                m.source.clone(),
                join(&m.at),
                m.fstype,
                m.read_only,
                m.volume.clone(),
            )
        })
        .collect();
    for (i, (source, target, fstype, ro, id)) in vols.into_iter().enumerate() {
        let space = host.fs().and_then(|fs| {
            let v = fs.mount_volume(i + 1)?;
            let size = v.capacity / 1024;
            let used = v.used.div_ceil(1024);
            Some((size, used, size.saturating_sub(used)))
        });
        let space = match (&id, fstype) {
            (VolumeId::Projected { .. }, "tmpfs") => {
                space.map(|(_, u, _)| (TMPFS_KB, u.max(12), TMPFS_KB - u.max(12)))
            }
            _ => space,
        };
        let opts = if fstype == "tmpfs" {
            format!(
                "{},relatime,size={TMPFS_KB}k,inode64",
                if ro { "ro" } else { "rw" }
            )
        } else if ro {
            "ro,relatime,discard,errors=remount-ro".to_string()
        } else {
            disk_opts.clone()
        };
        row(&source, &target, fstype, &opts, space);
    }
    for t in [
        "/proc/bus",
        "/proc/fs",
        "/proc/irq",
        "/proc/sys",
        "/proc/sysrq-trigger",
    ] {
        row("proc", t, "proc", "ro,nosuid,nodev,noexec,relatime", None);
    }
    row(
        "tmpfs",
        "/proc/acpi",
        "tmpfs",
        "ro,relatime,inode64",
        Some((TMPFS_KB, 0, TMPFS_KB)),
    );
    for t in ["/proc/kcore", "/proc/keys", "/proc/timer_list"] {
        row(
            "tmpfs",
            t,
            "tmpfs",
            "rw,nosuid,size=65536k,mode=755,inode64",
            Some((65_536, 0, 65_536)),
        );
    }
    row(
        "tmpfs",
        "/proc/scsi",
        "tmpfs",
        "ro,relatime,inode64",
        Some((TMPFS_KB, 0, TMPFS_KB)),
    );
    row(
        "tmpfs",
        "/sys/firmware",
        "tmpfs",
        "ro,relatime,inode64",
        Some((TMPFS_KB, 0, TMPFS_KB)),
    );
    rows
}

pub fn mount(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    if !call.args().is_empty() && !call.args().iter().all(|a| a == "-l" || a == "-v") {
        if bb {
            io.err("mount: permission denied (are you root?)\n");
        } else {
            io.err("mount: /: permission denied.\n       dmesg(1) may have more information after failed mount system call.\n");
        }
        return if bb { 1 } else { 32 };
    }
    for r in mount_table(host) {
        io.out(&format!(
            "{} on {} type {} ({})\n",
            r.source, r.target, r.fstype, r.options
        ));
    }
    0
}

/// busybox's human sizes (`make_human_readable_str`): one decimal, `0` for nothing.
fn bb_human(kb: u64) -> String {
    if kb == 0 {
        return "0".into();
    }
    let units = ["K", "M", "G", "T", "P"];
    let mut v = kb as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    format!("{v:.1}{}", units[u])
}

pub fn df(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "hkmPTa", &["human-readable", "all"]) {
        Ok(o) => o,
        Err(e) => {
            return opt_error(
                host,
                "df",
                "[-PkmhTai] [-B SIZE] [-t TYPE] [FILESYSTEM]...",
                e,
                1,
                io,
            )
        }
    };
    let hum = opts.has('h') || opts.long("human-readable");
    let mut rows: Vec<MountRow> = mount_table(host)
        .into_iter()
        .filter(|r| r.space.is_some_and(|(size, _, _)| size > 0))
        .collect();
    if !opts.operands.is_empty() {
        let mut picked = Vec::new();
        for op in &opts.operands {
            let abs = host.fs().and_then(|fs| fs.lookup(call.cwd, op, true).ok());
            let Some(abs) = abs else {
                if bb {
                    io.err(&format!("df: {op}: can't find mount point\n"));
                } else {
                    io.err(&format!(
                        "df: {}: No such file or directory\n",
                        gnu_quote(op)
                    ));
                }
                return 1;
            };
            let path = join(&abs);
            if let Some(best) = rows
                .iter()
                .filter(|r| {
                    path == r.target
                        || path.starts_with(&format!("{}/", r.target.trim_end_matches('/')))
                })
                .max_by_key(|r| r.target.len())
            {
                picked.push(MountRow {
                    source: best.source.clone(),
                    target: best.target.clone(),
                    fstype: best.fstype.clone(),
                    options: best.options.clone(),
                    space: best.space,
                });
            }
        }
        rows = picked;
    } else if !bb {
        // coreutils shows one line per device: the shortest mount point of the node's disk.
        let mut seen_disk = false;
        rows.retain(|r| {
            if r.source == "/dev/sda1" && r.target.starts_with("/etc/")
                || r.target == "/dev/termination-log"
            {
                if seen_disk {
                    return false;
                }
                seen_disk = true;
            }
            true
        });
        rows.retain(|r| !r.target.starts_with("/proc/k") && r.target != "/proc/timer_list");
    }
    let pct = |used: u64, avail: u64| -> String {
        if used + avail == 0 {
            return "-".into();
        }
        format!("{}%", (used * 100).div_ceil(used + avail))
    };
    if bb {
        io.out(&format!(
            "Filesystem           {:<15}Used Available Use% Mounted on\n",
            if hum { "Size" } else { "1K-blocks" }
        ));
        for r in rows {
            let (size, used, avail) = r.space.unwrap_or_default();
            let p = (used * 100).div_ceil((used + avail).max(1));
            let mut line = String::new();
            if r.source.len() > 20 {
                line.push_str(&format!("{}\n{:20}", r.source, ""));
            } else {
                line.push_str(&format!("{:<20}", r.source));
            }
            if hum {
                line.push_str(&format!(
                    " {:>9} {:>9} {:>9} {p:>3}% {}\n",
                    bb_human(size),
                    bb_human(used),
                    bb_human(avail),
                    r.target
                ));
            } else {
                line.push_str(&format!(
                    " {size:>9} {used:>9} {avail:>9} {p:>3}% {}\n",
                    r.target
                ));
            }
            io.out(&line);
        }
        return 0;
    }
    let header = if hum {
        ["Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"]
    } else {
        [
            "Filesystem",
            "1K-blocks",
            "Used",
            "Available",
            "Use%",
            "Mounted on",
        ]
    };
    let mut table: Vec<[String; 6]> = vec![header.map(String::from)];
    for r in rows {
        let (size, used, avail) = r.space.unwrap_or_default();
        let f = |k: u64| if hum { human(k * 1024) } else { k.to_string() };
        table.push([
            r.source,
            f(size),
            f(used),
            f(avail),
            pct(used, avail),
            r.target,
        ]);
    }
    let mins = [14, 5, 5, 5, 4, 0];
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            table
                .iter()
                .map(|r| r[i].len())
                .max()
                .unwrap_or(0)
                .max(mins[i])
        })
        .collect();
    for r in table {
        let line = format!(
            "{:<w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4]
        );
        io.out(&format!("{line}\n"));
    }
    0
}

fn ids(host: &mut PodHost<'_>) -> (u32, u32, Vec<u32>, Names) {
    let (uid, gid) = host.container().map(|c| (c.uid, c.gid)).unwrap_or((0, 0));
    let Some(fs) = host.fs() else {
        return (uid, gid, vec![gid], Names::read_empty());
    };
    let names = Names::read(&fs);
    let user = names.user(uid).map(String::from);
    let mut groups = vec![gid];
    if let Some(user) = user {
        for line in fs.read("/", "/etc/group").unwrap_or_default().lines() {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() >= 4 && f[3].split(',').any(|m| m == user) {
                if let Ok(g) = f[2].parse::<u32>() {
                    if !groups.contains(&g) {
                        groups.push(g);
                    }
                }
            }
        }
    }
    (uid, gid, groups, names)
}

pub fn id(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let opts = match parse_opts(call.args(), "ugGnr", &[]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "id", "[-ugGnr] [USER]", e, 1, io),
    };
    let (uid, gid, groups, names) = ids(host);
    let uname = |u: u32| {
        names
            .user(u)
            .map(String::from)
            .unwrap_or_else(|| u.to_string())
    };
    let gname = |g: u32| {
        names
            .group(g)
            .map(String::from)
            .unwrap_or_else(|| g.to_string())
    };
    let named = opts.has('n');
    if opts.has('u') {
        io.out(&format!(
            "{}\n",
            if named { uname(uid) } else { uid.to_string() }
        ));
        return 0;
    }
    if opts.has('g') {
        io.out(&format!(
            "{}\n",
            if named { gname(gid) } else { gid.to_string() }
        ));
        return 0;
    }
    if opts.has('G') {
        let list: Vec<String> = groups
            .iter()
            .map(|g| if named { gname(*g) } else { g.to_string() })
            .collect();
        io.out(&format!("{}\n", list.join(" ")));
        return 0;
    }
    let with = |id: u32, name: Option<&str>| match name {
        Some(n) => format!("{id}({n})"),
        None => id.to_string(),
    };
    let gl: Vec<String> = groups.iter().map(|g| with(*g, names.group(*g))).collect();
    io.out(&format!(
        "uid={} gid={} groups={}\n",
        with(uid, names.user(uid)),
        with(gid, names.group(gid)),
        gl.join(",")
    ));
    0
}

pub fn whoami(host: &mut PodHost<'_>, _call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let (uid, _, _, names) = ids(host);
    match names.user(uid) {
        Some(n) => {
            io.out(&format!("{n}\n"));
            0
        }
        None => {
            if bb {
                io.err(&format!("whoami: unknown uid {uid}\n"));
            } else {
                io.err(&format!("whoami: cannot find name for user ID {uid}\n"));
            }
            1
        }
    }
}

pub fn groups(host: &mut PodHost<'_>, _call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let (_, _, groups, names) = ids(host);
    let list: Vec<String> = groups
        .iter()
        .map(|g| {
            names
                .group(*g)
                .map(String::from)
                .unwrap_or_else(|| g.to_string())
        })
        .collect();
    io.out(&format!("{}\n", list.join(" ")));
    0
}

/// `ps`: busybox's `PID USER TIME COMMAND`, or procps's formats (luksa images).
pub fn ps(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let now = host.now();
    let Some(c) = host.container().cloned() else {
        return 1;
    };
    let pid = host.next_pid();
    let names = host.fs().map(|fs| Names::read(&fs));
    let user = names
        .as_ref()
        .and_then(|n| n.user(c.uid).map(String::from))
        .unwrap_or_else(|| c.uid.to_string());
    let main = c.command.join(" ");
    let me = call.argv.join(" ");
    let mut procs: Vec<(u32, String)> = vec![(1, main.clone())];
    if host.depth > 0 {
        procs.push((pid.saturating_sub(1).max(2), "sh".into()));
    }
    procs.push((pid, me.clone()));
    if bb {
        io.out("PID   USER     TIME  COMMAND\n");
        for (p, cmd) in procs {
            io.out(&format!("{p:5} {user:<8} {:>5} {cmd}\n", " 0:00"));
        }
        return 0;
    }
    let start = strtime::format("%H:%M", to_timestamp(c.started_at)).unwrap_or_default();
    let now_hm = strtime::format("%H:%M", to_timestamp(now)).unwrap_or_default();
    let args = call.args().join(" ");
    if args.contains('e') && args.contains('f') || args == "-ef" {
        io.out("UID        PID  PPID  C STIME TTY          TIME CMD\n");
        for (i, (p, cmd)) in procs.iter().enumerate() {
            let stime = if i == 0 { &start } else { &now_hm };
            io.out(&format!(
                "{user:<8} {p:5} {:5}  0 {stime} ?        00:00:00 {cmd}\n",
                0
            ));
        }
    } else if args.contains("aux") || args.contains('u') {
        io.out("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
        for (i, (p, cmd)) in procs.iter().enumerate() {
            let (vsz, rss, stat, st) = if i == 0 {
                (614_436, 24_864, "Ssl", &start)
            } else {
                (17_504, 2_048, "Rs", &now_hm)
            };
            io.out(&format!(
                "{user:<8} {p:5}  0.0  0.1 {vsz:6} {rss:5} ?        {stat:<4} {st}   0:00 {cmd}\n"
            ));
        }
    } else {
        io.out("  PID TTY          TIME CMD\n");
        for (p, cmd) in &procs {
            let comm = cmd
                .split_whitespace()
                .next()
                .map(crate::runtime::fs::path::basename)
                .unwrap_or("");
            io.out(&format!("{p:5} ?        00:00:00 {comm}\n"));
        }
    }
    0
}

pub fn uname(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let opts = match parse_opts(call.args(), "asnrvmpio", &["all"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "uname", "[-amnrspvio]", e, 1, io),
    };
    let node = host.hostname();
    let all = opts.has('a') || opts.long("all");
    let mut parts: Vec<&str> = Vec::new();
    let want = |c: char| all || opts.has(c);
    if want('s') || opts.flags.is_empty() && !all {
        parts.push("Linux");
    }
    if want('n') {
        parts.push(&node);
    }
    if want('r') {
        parts.push(KERNEL_RELEASE);
    }
    if want('v') {
        parts.push(KERNEL_VERSION);
    }
    if want('m') {
        parts.push("x86_64");
    }
    if opts.has('p') && !all {
        parts.push("unknown");
    }
    if opts.has('i') && !all {
        parts.push("unknown");
    }
    if want('o') {
        parts.push("GNU/Linux");
    }
    io.out(&format!("{}\n", parts.join(" ")));
    0
}

pub fn which(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let path = call.var("PATH").unwrap_or("").to_string();
    let all = call.args().iter().any(|a| a == "-a");
    let Some(fs) = host.fs() else { return 1 };
    let mut status = 0;
    for name in call.args().iter().filter(|a| !a.starts_with('-')) {
        let mut found = false;
        let candidates: Vec<String> = if name.contains('/') {
            vec![name.clone()]
        } else {
            path.split(':')
                .map(|d| format!("{}/{name}", if d.is_empty() { "." } else { d }))
                .collect()
        };
        for cand in candidates {
            let ok = fs
                .stat(call.cwd, &cand, true)
                .is_ok_and(|s| s.type_char == '-' && s.mode & 0o111 != 0);
            if ok {
                io.out(&format!("{cand}\n"));
                found = true;
                if !all {
                    break;
                }
            }
        }
        if !found {
            status = 1;
        }
    }
    status
}

/// `test`/`[` per POSIX (numbers, strings, files, `!`, `-a`, `-o`, parentheses).
pub fn test(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bracket = call.name() == "[";
    let mut args: Vec<String> = call.args().to_vec();
    if bracket {
        if args.last().map(String::as_str) != Some("]") {
            if host.busybox() {
                io.err("[: missing ]\n");
            } else {
                io.err("[: missing ']'\n");
            }
            return 2;
        }
        args.pop();
    }
    let mut p = TestParser {
        args: &args,
        pos: 0,
        host,
        cwd: call.cwd,
        err: None,
    };
    let r = if args.is_empty() { false } else { p.or() };
    if p.err.is_none() && p.pos < args.len() {
        p.err = Some(format!("{}: extra argument '{}'", call.name(), args[p.pos]));
    }
    if let Some(e) = p.err {
        io.err(&format!("{e}\n"));
        return 2;
    }
    if r {
        0
    } else {
        1
    }
}

struct TestParser<'t, 'h, 'c> {
    args: &'t [String],
    pos: usize,
    host: &'t mut PodHost<'h>,
    cwd: &'c str,
    err: Option<String>,
}

impl TestParser<'_, '_, '_> {
    fn peek(&self) -> Option<&str> {
        self.args.get(self.pos).map(String::as_str)
    }

    fn or(&mut self) -> bool {
        let mut v = self.and();
        while self.peek() == Some("-o") {
            self.pos += 1;
            let r = self.and();
            v = v || r;
        }
        v
    }

    fn and(&mut self) -> bool {
        let mut v = self.not();
        while self.peek() == Some("-a") {
            self.pos += 1;
            let r = self.not();
            v = v && r;
        }
        v
    }

    fn not(&mut self) -> bool {
        if self.peek() == Some("!") && self.args.len() - self.pos > 1 {
            self.pos += 1;
            return !self.not();
        }
        self.primary()
    }

    fn int(&mut self, s: &str) -> i64 {
        match s.trim().parse() {
            Ok(v) => v,
            Err(_) => {
                if self.err.is_none() {
                    self.err = Some(format!("test: {s}: integer expression expected"));
                }
                0
            }
        }
    }

    fn primary(&mut self) -> bool {
        let Some(a) = self.peek().map(String::from) else {
            return false;
        };
        if a == "(" {
            self.pos += 1;
            let v = self.or();
            if self.peek() == Some(")") {
                self.pos += 1;
            } else if self.err.is_none() {
                self.err = Some("test: missing ')'".into());
            }
            return v;
        }
        // Binary operators.
        if let (Some(op), Some(rhs)) = (self.args.get(self.pos + 1), self.args.get(self.pos + 2)) {
            let (op, rhs) = (op.clone(), rhs.clone());
            let bin = match op.as_str() {
                "=" | "==" => Some(a == rhs),
                "!=" => Some(a != rhs),
                "<" => Some(a < rhs),
                ">" => Some(a > rhs),
                "-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge" => {
                    let (x, y) = (self.int(&a), self.int(&rhs));
                    Some(match op.as_str() {
                        "-eq" => x == y,
                        "-ne" => x != y,
                        "-lt" => x < y,
                        "-le" => x <= y,
                        "-gt" => x > y,
                        _ => x >= y,
                    })
                }
                _ => None,
            };
            if let Some(v) = bin {
                self.pos += 3;
                return v;
            }
        }
        // Unary operators.
        if a.len() == 2 && a.starts_with('-') && self.args.len() > self.pos + 1 {
            let operand = self.args[self.pos + 1].clone();
            let cwd = self.cwd;
            let unary = match a.as_str() {
                "-n" => Some(!operand.is_empty()),
                "-z" => Some(operand.is_empty()),
                "-e" | "-f" | "-d" | "-s" | "-r" | "-w" | "-x" | "-L" | "-h" | "-c" | "-p"
                | "-S" | "-b" => {
                    let follow = !matches!(a.as_str(), "-L" | "-h");
                    let st = self
                        .host
                        .fs()
                        .and_then(|fs| fs.stat(cwd, &operand, follow).ok());
                    Some(match (a.as_str(), st) {
                        (_, None) => false,
                        ("-e", Some(_)) => true,
                        ("-f", Some(s)) => s.type_char == '-',
                        ("-d", Some(s)) => s.is_dir(),
                        ("-s", Some(s)) => s.size > 0,
                        ("-r", Some(_)) | ("-w", Some(_)) => true,
                        ("-x", Some(s)) => s.mode & 0o111 != 0,
                        ("-L" | "-h", Some(s)) => s.type_char == 'l',
                        ("-c", Some(s)) => s.type_char == 'c',
                        _ => false,
                    })
                }
                _ => None,
            };
            if let Some(v) = unary {
                self.pos += 2;
                return v;
            }
        }
        self.pos += 1;
        !a.is_empty()
    }
}

pub fn true_applet(_host: &mut PodHost<'_>, _call: &Call<'_>, _io: &mut dyn Sink) -> i32 {
    0
}

pub fn false_applet(_host: &mut PodHost<'_>, _call: &Call<'_>, _io: &mut dyn Sink) -> i32 {
    1
}

pub fn nproc(_host: &mut PodHost<'_>, _call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    io.out("8\n");
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_default_format() {
        assert_eq!(
            date_string(crate::api::time::EPOCH_MS),
            "Mon Mar  3 10:00:00 UTC 2025"
        );
    }

    #[test]
    fn sleep_intervals() {
        assert_eq!(interval("5"), Some(5000));
        assert_eq!(interval("0.5"), Some(500));
        assert_eq!(interval("2m"), Some(120_000));
        assert_eq!(interval("x"), None);
        assert_eq!(interval("-1"), None);
    }

    #[test]
    fn busybox_human() {
        assert_eq!(bb_human(0), "0");
        assert_eq!(bb_human(1024 * 1024), "1.0G");
    }
}
