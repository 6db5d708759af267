//! The container's mount table as containerd sets it up in a kind node (`mount`), and
//! `df` over it: the node's disk for the root overlay and the kubelet's files, tmpfs for
//! projected volumes, and each claim's own capacity for its volume (the sandbox enforces
//! it, so it shows it; a real local-path volume would show the node's disk).

use super::ls::human;
use super::{gnu_quote, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::join;
use crate::runtime::host::PodHost;
use crate::runtime::volumes::VolumeId;

/// The node's disk (`ephemeral-storage` capacity, in KiB) and what kind's images use of it.
const DISK_KB: u64 = 263_112_772;

const DISK_USED_KB: u64 = 21_053_468;

const DISK_RESERVED_KB: u64 = 13_444_536;

/// Half the node's memory: the size of an unbounded tmpfs.
const TMPFS_KB: u64 = 16_413_920;

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
            let used = v.used_for_df().div_ceil(1024);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busybox_human() {
        assert_eq!(bb_human(0), "0");
        assert_eq!(bb_human(1024 * 1024), "1.0G");
    }
}
