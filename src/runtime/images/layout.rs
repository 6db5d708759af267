//! Distribution layouts: the directory tree, `/etc` files and programs of each userland
//! (Debian bookworm-slim, Debian jessie with buildpack-deps, Ubuntu noble, busybox,
//! Alpine, Oracle Linux slim, and nothing at all for scratch images).

use super::accounts::*;
use super::programs::*;
use super::ImageInfo;
use crate::api::time::Millis;
use crate::kubelet::images::Userland;
use crate::runtime::fs::{Body, Device, Inode, Program, Volume};

pub fn dir(v: &mut Volume, path: &str, mode: u32, t: Millis) {
    v.seed(path, Inode::dir(mode, t));
}

pub fn file(v: &mut Volume, path: &str, data: &str, mode: u32, t: Millis) {
    v.seed(path, Inode::file(data, mode, t));
}

pub fn symlink(v: &mut Volume, path: &str, target: &str, t: Millis) {
    v.seed(
        path,
        Inode {
            body: Body::Symlink(target.into()),
            mode: 0o777,
            uid: 0,
            gid: 0,
            mtime: t,
        },
    );
}

/// A program file named `name` running applet `applet`.
pub fn program(v: &mut Volume, path: &str, applet: &'static str, size: u64, t: Millis) {
    v.seed(
        path,
        Inode {
            body: Body::File {
                data: String::new(),
                program: Some(Program { name: applet, size }),
            },
            mode: 0o755,
            uid: 0,
            gid: 0,
            mtime: t,
        },
    );
}

fn device(v: &mut Volume, path: &str, dev: Device, t: Millis) {
    v.seed(
        path,
        Inode {
            body: Body::Device(dev),
            mode: 0o666,
            uid: 0,
            gid: 0,
            mtime: t,
        },
    );
}

fn size_of(name: &str) -> u64 {
    match name {
        "bash" => 1_265_648,
        "dash" => 125_640,
        "ls" => 151_344,
        "cp" => 153_912,
        "curl" => 281_608,
        "grep" => 203_152,
        "perl" => 3_941_928,
        "apt-get" => 23_064,
        _ => 35_000 + (crate::cluster::ids::fnv32a(name.as_bytes()) % 60_000) as u64,
    }
}

fn common_tree(v: &mut Volume, t: Millis) {
    for d in [
        "/dev",
        "/etc",
        "/home",
        "/proc",
        "/sys",
        "/usr",
        "/usr/local",
        "/usr/local/bin",
        "/usr/local/sbin",
        "/var",
        "/var/log",
        "/var/lib",
        "/var/cache",
        "/var/tmp",
        "/mnt",
        "/opt",
        "/srv",
        "/media",
        "/run",
    ] {
        dir(v, d, 0o755, t);
    }
    dir(v, "/root", 0o700, t);
    dir(v, "/tmp", 0o1777, t);
    dir(v, "/var/tmp", 0o1777, t);
    device(v, "/dev/null", Device::Null, t);
    for d in [
        "/dev/zero",
        "/dev/random",
        "/dev/urandom",
        "/dev/tty",
        "/dev/full",
    ] {
        device(v, d, Device::Other, t);
    }
    dir(v, "/dev/shm", 0o1777, t);
    dir(v, "/dev/pts", 0o755, t);
    dir(v, "/dev/mqueue", 0o1777, t);
    file(v, "/dev/termination-log", "", 0o666, t);
    symlink(v, "/dev/stdin", "/proc/self/fd/0", t);
    symlink(v, "/dev/stdout", "/proc/self/fd/1", t);
    symlink(v, "/dev/stderr", "/proc/self/fd/2", t);
    symlink(v, "/dev/fd", "/proc/self/fd", t);
}

fn debian_like(v: &mut Volume, info: &ImageInfo, t: Millis) {
    common_tree(v, t);
    let merged = !matches!(info.userland, Userland::DebianBuildpack);
    for d in [
        "/usr/bin",
        "/usr/sbin",
        "/usr/lib",
        "/usr/share",
        "/boot",
        "/var/mail",
    ] {
        dir(v, d, 0o755, t);
    }
    let (bin, sbin) = if merged {
        symlink(v, "/bin", "usr/bin", t);
        symlink(v, "/sbin", "usr/sbin", t);
        symlink(v, "/lib", "usr/lib", t);
        symlink(v, "/lib64", "usr/lib64", t);
        dir(v, "/usr/lib64", 0o755, t);
        ("/usr/bin", "/usr/sbin")
    } else {
        dir(v, "/bin", 0o755, t);
        dir(v, "/sbin", 0o755, t);
        dir(v, "/lib", 0o755, t);
        dir(v, "/lib64", 0o755, t);
        ("/bin", "/sbin")
    };
    for name in DEBIAN_BIN {
        program(v, &format!("{bin}/{name}"), name, size_of(name), t);
    }
    // `sh` is dash (a link), Oracle Linux's is bash.
    let sh_target = if info.userland == Userland::OracleLinux {
        "bash"
    } else {
        "dash"
    };
    symlink(v, &format!("{bin}/sh"), sh_target, t);
    for name in DEBIAN_SBIN {
        program(v, &format!("{sbin}/{name}"), name, size_of(name), t);
    }
    if info.userland == Userland::DebianBuildpack {
        for name in BUILDPACK_EXTRA {
            let dir = if matches!(*name, "ps" | "ping" | "kill") {
                bin
            } else {
                "/usr/bin"
            };
            program(v, &format!("{dir}/{name}"), name, size_of(name), t);
        }
    }
    let (os_release, version_file) = match info.userland {
        Userland::Ubuntu => (
            "PRETTY_NAME=\"Ubuntu 24.04.2 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.2 LTS (Noble Numbat)\"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\nSUPPORT_URL=\"https://help.ubuntu.com/\"\nBUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\nPRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n",
            "trixie/sid\n",
        ),
        Userland::DebianBuildpack => (
            "PRETTY_NAME=\"Debian GNU/Linux 8 (jessie)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"8\"\nVERSION=\"8 (jessie)\"\nID=debian\nHOME_URL=\"http://www.debian.org/\"\nSUPPORT_URL=\"http://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n",
            "8.8\n",
        ),
        Userland::OracleLinux => (
            "NAME=\"Oracle Linux Server\"\nVERSION=\"9.5\"\nID=\"ol\"\nID_LIKE=\"fedora\"\nVARIANT=\"Server\"\nVARIANT_ID=\"server\"\nVERSION_ID=\"9.5\"\nPLATFORM_ID=\"platform:el9\"\nPRETTY_NAME=\"Oracle Linux Server 9.5\"\nANSI_COLOR=\"0;31\"\nCPE_NAME=\"cpe:/o:oracle:linux:9:5:server\"\nHOME_URL=\"https://linux.oracle.com/\"\n",
            "",
        ),
        _ => (
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n",
            "12.9\n",
        ),
    };
    file(v, "/usr/lib/os-release", os_release, 0o644, t);
    symlink(v, "/etc/os-release", "../usr/lib/os-release", t);
    if !version_file.is_empty() {
        file(v, "/etc/debian_version", version_file, 0o644, t);
    }
    file(v, "/etc/passwd", DEBIAN_PASSWD, 0o644, t);
    file(v, "/etc/group", DEBIAN_GROUP, 0o644, t);
    file(
        v,
        "/etc/shells",
        "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n",
        0o644,
        t,
    );
    file(
        v,
        "/etc/nsswitch.conf",
        "passwd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\nnetgroup:       nis\n",
        0o644,
        t,
    );
    file(
        v,
        "/root/.bashrc",
        "# ~/.bashrc: executed by bash(1) for non-login shells.\n",
        0o644,
        t,
    );
    file(
        v,
        "/root/.profile",
        "# ~/.profile: executed by Bourne-compatible login shells.\n",
        0o644,
        t,
    );
    dir(v, "/var/lib/apt/lists", 0o755, t);
    symlink(v, "/var/run", "/run", t);
    symlink(v, "/var/lock", "/run/lock", t);
    dir(v, "/run/lock", 0o1777, t);
}

fn busybox_like(v: &mut Volume, info: &ImageInfo, t: Millis) {
    common_tree(v, t);
    let alpine = info.userland == Userland::Alpine;
    for d in [
        "/bin",
        "/usr/bin",
        "/usr/sbin",
        "/lib",
        "/var/spool",
        "/var/spool/mail",
        "/var/www",
    ] {
        dir(v, d, 0o755, t);
    }
    program(v, "/bin/busybox", "busybox", 1_131_168, t);
    for name in BUSYBOX_APPLETS {
        let dir = if !alpine || ALPINE_BIN.contains(name) {
            "/bin"
        } else if ALPINE_SBIN.contains(name) {
            "/sbin"
        } else {
            "/usr/bin"
        };
        program(v, &format!("{dir}/{name}"), "busybox", 1_131_168, t);
    }
    if alpine {
        dir(v, "/sbin", 0o755, t);
        program(v, "/sbin/apk", "apk", 162_288, t);
        program(v, "/usr/bin/getent", "getent", 14_256, t);
        program(v, "/usr/bin/ldd", "ldd", 14_256, t);
        file(
            v,
            "/etc/os-release",
            "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME=\"Alpine Linux v3.21\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n",
            0o644,
            t,
        );
        file(v, "/etc/alpine-release", "3.21.3\n", 0o644, t);
        file(v, "/etc/passwd", ALPINE_PASSWD, 0o644, t);
        file(v, "/etc/group", ALPINE_GROUP, 0o644, t);
        file(
            v,
            "/etc/shells",
            "# valid login shells\n/bin/sh\n/bin/ash\n",
            0o644,
            t,
        );
    } else {
        symlink(v, "/lib64", "lib", t);
        file(v, "/etc/passwd", BUSYBOX_PASSWD, 0o644, t);
        file(v, "/etc/group", BUSYBOX_GROUP, 0o644, t);
        file(v, "/etc/localtime", "TZif2\n", 0o644, t);
        file(
            v,
            "/etc/nsswitch.conf",
            "hosts:\t\tfiles dns\nnetworks:\tfiles\n",
            0o644,
            t,
        );
    }
    symlink(v, "/etc/mtab", "/proc/mounts", t);
}

/// Lay the distribution's files into `v`.
pub fn base(v: &mut Volume, info: &ImageInfo, t: Millis) {
    match info.userland {
        Userland::Debian | Userland::DebianBuildpack | Userland::Ubuntu | Userland::OracleLinux => {
            debian_like(v, info, t)
        }
        Userland::Busybox | Userland::Alpine => busybox_like(v, info, t),
        Userland::Scratch => {
            for d in ["/dev", "/etc", "/proc", "/sys"] {
                dir(v, d, 0o755, t);
            }
            device(v, "/dev/null", Device::Null, t);
            file(v, "/dev/termination-log", "", 0o666, t);
        }
    }
}
