//! The programs inside the images. One implementation per tool, worded per flavour:
//! busybox (busybox, alpine) or GNU (coreutils and friends in Debian, Ubuntu and
//! Oracle Linux images) where their output or errors differ (formats read from busybox
//! 1.36 and coreutils 9.1 sources).
//!
//! Tools an image has but the sandbox does not simulate answer `not simulated` (exit 1)
//! rather than pretending.

mod copy;
mod curl;
mod curl_args;
mod files;
mod filters;
mod grep;
mod links;
mod ls;
mod mounts;
mod net;
mod ps;
mod stat;
pub mod system;
mod test_expr;
mod text;
mod wget;

use super::host::PodHost;
use crate::kubectl::output::Sink;

/// One invocation of a program.
pub struct Call<'c> {
    pub argv: &'c [String],
    pub stdin: Option<&'c str>,
    pub env: &'c [(String, String)],
    pub cwd: &'c str,
}

impl Call<'_> {
    pub fn name(&self) -> &str {
        self.argv
            .first()
            .map(|s| super::fs::path::basename(s))
            .unwrap_or("")
    }

    pub fn args(&self) -> &[String] {
        self.argv.get(1..).unwrap_or(&[])
    }

    pub fn var(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

type Applet = fn(&mut PodHost<'_>, &Call<'_>, &mut dyn Sink) -> i32;

/// Applets by program name.
const TABLE: &[(&str, Applet)] = &[
    ("cat", files::cat),
    ("touch", files::touch),
    ("mkdir", files::mkdir),
    ("rmdir", files::rmdir),
    ("rm", files::rm),
    ("cp", copy::cp),
    ("mv", copy::mv),
    ("ln", links::ln),
    ("chmod", links::chmod),
    ("readlink", links::readlink),
    ("realpath", links::realpath),
    ("basename", links::basename_applet),
    ("dirname", links::dirname_applet),
    ("ls", ls::ls),
    ("stat", stat::stat),
    ("du", stat::du),
    ("echo", text::echo),
    ("printf", text::printf),
    ("head", text::head),
    ("tail", text::tail),
    ("grep", grep::grep),
    ("egrep", grep::grep),
    ("fgrep", grep::grep),
    ("wc", text::wc),
    ("sort", filters::sort),
    ("uniq", filters::uniq),
    ("cut", filters::cut),
    ("tr", filters::tr),
    ("seq", text::seq),
    ("tee", text::tee),
    ("yes", text::yes),
    ("pwd", system::pwd),
    ("hostname", system::hostname),
    ("env", system::env),
    ("printenv", system::printenv),
    ("date", system::date),
    ("sleep", system::sleep),
    ("df", mounts::df),
    ("mount", mounts::mount),
    ("id", system::id),
    ("whoami", system::whoami),
    ("groups", system::groups),
    ("ps", ps::ps),
    ("uname", system::uname),
    ("which", system::which),
    ("test", test_expr::test),
    ("[", test_expr::test),
    ("true", system::true_applet),
    ("false", system::false_applet),
    ("nproc", system::nproc),
    ("curl", curl::curl),
    ("wget", wget::wget),
    ("nslookup", net::nslookup),
    ("getent", net::getent),
    ("ping", net::ping),
    ("nginx", net::nginx),
    ("node", net::node),
];

/// Run the applet `name`.
pub fn dispatch(host: &mut PodHost<'_>, name: &str, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    match name {
        "sh" | "ash" | "dash" | "bash" => {
            let dialect = match name {
                "bash" => crate::shell::Dialect::Bash,
                _ => host.dialect().unwrap_or(crate::shell::Dialect::Dash),
            };
            return super::shell_adapter::run_sh(host, dialect, call, io);
        }
        "busybox" => return busybox(host, call, io),
        _ => {}
    }
    match TABLE.iter().find(|(n, _)| *n == name) {
        Some((_, f)) => f(host, call, io),
        None => {
            io.err(&format!(
                "kubetutor: {}: not simulated in the sandbox\n",
                call.name()
            ));
            1
        }
    }
}

/// The busybox version string of this image.
pub fn busybox_banner(host: &PodHost<'_>) -> &'static str {
    if host.info().tag.starts_with("1.28") {
        "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary."
    } else if host.info().userland == crate::kubelet::images::Userland::Alpine {
        "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary."
    } else {
        "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary."
    }
}

/// `busybox APPLET ARGS` (or `busybox` alone).
fn busybox(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let Some(applet) = call.args().first() else {
        io.out(&format!(
            "{}\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n",
            busybox_banner(host)
        ));
        return 0;
    };
    let rest: Vec<String> = call.args().to_vec();
    let inner = Call {
        argv: &rest,
        stdin: call.stdin,
        env: call.env,
        cwd: call.cwd,
    };
    let name = applet.clone();
    if name == "busybox" {
        io.err("busybox: applet not found\n");
        return 127;
    }
    dispatch(host, &name, &inner, io)
}

/// GNU's quoting of a file name in messages that always quote (`'x'`).
pub fn gnu_quote(name: &str) -> String {
    if name.contains('\'') {
        format!("\"{name}\"")
    } else {
        format!("'{name}'")
    }
}

/// GNU's quoting where names are quoted only when needed (`cat: x: ...`).
pub fn gnu_quote_if_needed(name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/+,:@%^=".contains(c));
    if plain {
        name.to_string()
    } else {
        gnu_quote(name)
    }
}

/// Parsed command-line options: single-letter flags (with their values for options
/// that take one) and operands, GNU-permuted (options may follow operands; `--` ends
/// them).
pub struct Opts {
    pub flags: Vec<char>,
    pub values: Vec<(char, String)>,
    pub longs: Vec<String>,
    pub operands: Vec<String>,
}

impl Opts {
    pub fn has(&self, c: char) -> bool {
        self.flags.contains(&c)
    }

    pub fn value(&self, c: char) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| *k == c)
            .map(|(_, v)| v.as_str())
    }

    pub fn long(&self, name: &str) -> bool {
        self.longs.iter().any(|l| l == name)
    }
}

/// Why options could not be parsed.
pub enum OptError {
    Invalid(char),
    MissingValue(char),
    UnknownLong(String),
}

/// Parse `args` by a getopt spec (`"n:la"`: `n` takes a value). Long options in
/// `longs` are accepted (`--name` or `--name=value` kept whole in `longs`). Options
/// whose letter is a digit (`-5` for head) are passed through when `digits`.
pub fn parse_opts(args: &[String], spec: &str, longs: &[&str]) -> Result<Opts, OptError> {
    let mut o = Opts {
        flags: vec![],
        values: vec![],
        longs: vec![],
        operands: vec![],
    };
    let takes = |c: char| {
        spec.find(c)
            .is_some_and(|i| spec[i + c.len_utf8()..].starts_with(':'))
    };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            o.operands.extend(args[i + 1..].iter().cloned());
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let name = long.split('=').next().unwrap_or("");
            if longs.contains(&name) {
                o.longs.push(long.to_string());
            } else {
                return Err(OptError::UnknownLong(a.clone()));
            }
            i += 1;
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            let chars: Vec<char> = a[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                if !spec.contains(c) || c == ':' {
                    return Err(OptError::Invalid(c));
                }
                if takes(c) {
                    let rest: String = chars[j + 1..].iter().collect();
                    if !rest.is_empty() {
                        o.values.push((c, rest));
                    } else if i + 1 < args.len() {
                        i += 1;
                        o.values.push((c, args[i].clone()));
                    } else {
                        return Err(OptError::MissingValue(c));
                    }
                    o.flags.push(c);
                    break;
                }
                o.flags.push(c);
                j += 1;
            }
            i += 1;
            continue;
        }
        o.operands.push(a.clone());
        i += 1;
    }
    Ok(o)
}

/// Print the usual complaint about bad options and return the exit status (`status`
/// for GNU tools; busybox prints its usage banner and exits 1).
pub fn opt_error(
    host: &PodHost<'_>,
    prog: &str,
    usage: &str,
    e: OptError,
    status: i32,
    io: &mut dyn Sink,
) -> i32 {
    let busybox = host.busybox();
    match e {
        OptError::Invalid(c) => io.err(&format!("{prog}: invalid option -- '{c}'\n")),
        OptError::MissingValue(c) => {
            io.err(&format!("{prog}: option requires an argument -- '{c}'\n"))
        }
        OptError::UnknownLong(l) => io.err(&format!("{prog}: unrecognized option '{l}'\n")),
    }
    if busybox {
        self::usage(host, prog, usage, io)
    } else {
        io.err(&format!("Try '{prog} --help' for more information.\n"));
        status
    }
}

/// busybox's answer to a missing operand: its banner and the applet's usage line.
pub fn usage(host: &PodHost<'_>, prog: &str, usage: &str, io: &mut dyn Sink) -> i32 {
    io.err(&format!(
        "{}\n\nUsage: {prog} {usage}\n",
        busybox_banner(host)
    ));
    1
}

/// The text of the files named (or stdin for none or `-`), for filters like `wc`.
/// Errors are reported by the caller's wording.
pub fn inputs(
    host: &mut PodHost<'_>,
    call: &Call<'_>,
    names: &[String],
) -> Vec<(String, Result<String, super::fs::FsErr>)> {
    if names.is_empty() {
        return vec![("-".into(), Ok(call.stdin.unwrap_or("").to_string()))];
    }
    let mut out = Vec::new();
    for n in names {
        if n == "-" {
            out.push((n.clone(), Ok(call.stdin.unwrap_or("").to_string())));
            continue;
        }
        let r = match host.fs() {
            Some(fs) => fs.read(call.cwd, n),
            None => Err(super::fs::FsErr::NotFound),
        };
        out.push((n.clone(), r));
    }
    out
}
