//! System applets: pwd, hostname, env, printenv, date (from the virtual clock), sleep
//! (advances it), id, whoami, groups, uname, which, true, false, nproc.

use super::ls::Names;
use super::{gnu_quote, opt_error, parse_opts, Call};
use crate::api::time::{to_timestamp, Millis};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::join;
use crate::runtime::host::PodHost;
use crate::shell::Invocation;
use k8s_openapi::jiff::fmt::strtime;

/// The node's kernel, as `uname` and nginx's start-up log report it.
pub const KERNEL_RELEASE: &str = "6.8.0-1021-gcp";
pub const KERNEL_VERSION: &str = "#22-Ubuntu SMP Tue Jan 14 18:43:16 UTC 2025";
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
}
