//! Distribution layouts: the directory tree, `/etc` files and programs of each userland
//! (Debian bookworm-slim, Debian jessie with buildpack-deps, Ubuntu noble, busybox,
//! Alpine, Oracle Linux slim, and nothing at all for scratch images).

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

/// GNU and other Debian programs, by the name they are run as (the applet is the name).
const DEBIAN_BIN: &[&str] = &[
    "[",
    "apt",
    "apt-cache",
    "apt-config",
    "apt-get",
    "arch",
    "awk",
    "b2sum",
    "base32",
    "base64",
    "basename",
    "bash",
    "cat",
    "chgrp",
    "chmod",
    "chown",
    "cksum",
    "clear",
    "cmp",
    "comm",
    "cp",
    "csplit",
    "cut",
    "dash",
    "date",
    "dd",
    "df",
    "diff",
    "dir",
    "dircolors",
    "dirname",
    "dpkg",
    "du",
    "echo",
    "egrep",
    "env",
    "expand",
    "expr",
    "factor",
    "false",
    "fgrep",
    "find",
    "fmt",
    "fold",
    "getconf",
    "getent",
    "getopt",
    "grep",
    "groups",
    "gunzip",
    "gzip",
    "head",
    "hostid",
    "hostname",
    "iconv",
    "id",
    "install",
    "join",
    "ldd",
    "link",
    "ln",
    "locale",
    "logname",
    "ls",
    "mawk",
    "md5sum",
    "mkdir",
    "mkfifo",
    "mknod",
    "mktemp",
    "more",
    "mount",
    "mv",
    "nice",
    "nl",
    "nohup",
    "nproc",
    "numfmt",
    "od",
    "paste",
    "perl",
    "pinky",
    "pr",
    "printenv",
    "printf",
    "ptx",
    "pwd",
    "readlink",
    "realpath",
    "rev",
    "rm",
    "rmdir",
    "run-parts",
    "sed",
    "seq",
    "sha1sum",
    "sha256sum",
    "sha512sum",
    "shred",
    "shuf",
    "sleep",
    "sort",
    "split",
    "stat",
    "stty",
    "su",
    "sum",
    "sync",
    "tac",
    "tail",
    "tar",
    "tee",
    "tempfile",
    "test",
    "timeout",
    "touch",
    "tr",
    "true",
    "truncate",
    "tsort",
    "tty",
    "umount",
    "uname",
    "uniq",
    "unlink",
    "users",
    "vdir",
    "wc",
    "which",
    "who",
    "whoami",
    "xargs",
    "yes",
    "zcat",
];

const DEBIAN_SBIN: &[&str] = &[
    "chroot", "groupadd", "ldconfig", "nologin", "useradd", "userdel", "usermod",
];

/// Extra tools in buildpack-deps:jessie (node:7).
const BUILDPACK_EXTRA: &[&str] = &[
    "curl", "wget", "ps", "ping", "top", "free", "kill", "pkill", "pgrep", "uptime", "watch",
    "git", "ssh", "scp", "make", "gcc", "python", "unzip", "less", "vi",
];

/// busybox 1.36/1.37 applets (the busybox image links them all into /bin).
const BUSYBOX_APPLETS: &[&str] = &[
    "[",
    "[[",
    "addgroup",
    "adduser",
    "arp",
    "ash",
    "awk",
    "base64",
    "basename",
    "bc",
    "cal",
    "cat",
    "chgrp",
    "chmod",
    "chown",
    "chroot",
    "clear",
    "cmp",
    "cp",
    "crond",
    "crontab",
    "cut",
    "date",
    "dc",
    "dd",
    "df",
    "diff",
    "dirname",
    "dmesg",
    "dnsdomainname",
    "du",
    "echo",
    "egrep",
    "env",
    "expr",
    "false",
    "fgrep",
    "find",
    "free",
    "fuser",
    "getopt",
    "grep",
    "groups",
    "gunzip",
    "gzip",
    "halt",
    "head",
    "hexdump",
    "hostid",
    "hostname",
    "httpd",
    "id",
    "ifconfig",
    "ip",
    "ipcalc",
    "kill",
    "killall",
    "less",
    "link",
    "ln",
    "logger",
    "login",
    "ls",
    "lsof",
    "md5sum",
    "mkdir",
    "mkfifo",
    "mknod",
    "mktemp",
    "more",
    "mount",
    "mv",
    "nc",
    "netstat",
    "nice",
    "nl",
    "nohup",
    "nproc",
    "nslookup",
    "od",
    "passwd",
    "paste",
    "patch",
    "pgrep",
    "pidof",
    "ping",
    "ping6",
    "pkill",
    "printenv",
    "printf",
    "ps",
    "pwd",
    "readlink",
    "realpath",
    "reboot",
    "renice",
    "reset",
    "rev",
    "rm",
    "rmdir",
    "route",
    "sed",
    "seq",
    "sh",
    "sha1sum",
    "sha256sum",
    "sha512sum",
    "shuf",
    "sleep",
    "sort",
    "split",
    "stat",
    "strings",
    "stty",
    "su",
    "sync",
    "tac",
    "tail",
    "tar",
    "tee",
    "telnet",
    "test",
    "time",
    "timeout",
    "top",
    "touch",
    "tr",
    "traceroute",
    "true",
    "truncate",
    "tty",
    "umount",
    "uname",
    "uniq",
    "unlink",
    "unzip",
    "uptime",
    "usleep",
    "vi",
    "watch",
    "wc",
    "wget",
    "which",
    "whoami",
    "xargs",
    "xxd",
    "yes",
    "zcat",
];

/// busybox applets Alpine installs in /bin (the rest go to /usr/bin, /sbin, /usr/sbin).
const ALPINE_BIN: &[&str] = &[
    "ash",
    "base64",
    "cat",
    "chgrp",
    "chmod",
    "chown",
    "cp",
    "date",
    "dd",
    "df",
    "dmesg",
    "dnsdomainname",
    "echo",
    "egrep",
    "false",
    "fgrep",
    "getopt",
    "grep",
    "gunzip",
    "gzip",
    "hostname",
    "kill",
    "link",
    "ln",
    "login",
    "ls",
    "mkdir",
    "mknod",
    "mktemp",
    "more",
    "mount",
    "mv",
    "netstat",
    "nice",
    "pidof",
    "ping",
    "ping6",
    "printenv",
    "ps",
    "pwd",
    "rev",
    "rm",
    "rmdir",
    "sed",
    "sh",
    "sleep",
    "stat",
    "stty",
    "su",
    "sync",
    "tar",
    "touch",
    "true",
    "umount",
    "uname",
    "usleep",
    "watch",
    "zcat",
];
const ALPINE_SBIN: &[&str] = &[
    "arp", "chroot", "halt", "ifconfig", "ip", "reboot", "route", "addgroup", "adduser",
];

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

const DEBIAN_PASSWD: &str = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

const DEBIAN_GROUP: &str = "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nnews:x:9:\nuucp:x:10:\nman:x:12:\nproxy:x:13:\nkmem:x:15:\ndialout:x:20:\nfax:x:21:\nvoice:x:22:\ncdrom:x:24:\nfloppy:x:25:\ntape:x:26:\nsudo:x:27:\naudio:x:29:\ndip:x:30:\nwww-data:x:33:\nbackup:x:34:\noperator:x:37:\nlist:x:38:\nirc:x:39:\nsrc:x:40:\nshadow:x:42:\nutmp:x:43:\nvideo:x:44:\nsasl:x:45:\nplugdev:x:46:\nstaff:x:50:\ngames:x:60:\nusers:x:100:\nnogroup:x:65534:\n";

const BUSYBOX_PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n";

const BUSYBOX_GROUP: &str = "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n";

const ALPINE_PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\nuucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\ncron:x:16:16:cron:/var/spool/cron:/sbin/nologin\nftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\nntp:x:123:123:NTP:/var/empty:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n";

const ALPINE_GROUP: &str = "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin\nadm:x:4:root,daemon\ntty:x:5:\ndisk:x:6:root\nlp:x:7:lp\nkmem:x:9:\nwheel:x:10:root\nfloppy:x:11:root\nmail:x:12:mail\nnews:x:13:news\nuucp:x:14:uucp\ncron:x:16:cron\naudio:x:18:\ncdrom:x:19:\ndialout:x:20:root\nftp:x:21:\nsshd:x:22:\ninput:x:23:\ntape:x:26:root\nvideo:x:27:root\nnetdev:x:28:\nkvm:x:34:kvm\ngames:x:35:\nshadow:x:42:\nwww-data:x:82:\nusers:x:100:games\nntp:x:123:\nabuild:x:300:\nutmp:x:406:\nping:x:999:\nnogroup:x:65533:\nnobody:x:65534:\n";

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
