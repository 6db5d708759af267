//! wget: busybox's (busybox, alpine: `Connecting to`, its progress bar, refusing to
//! overwrite a file) and GNU Wget 1.16's (the luksa images).

use super::net::client;
use super::{parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::path::basename;
use crate::runtime::host::PodHost;
use crate::runtime::http::{self, NetError, Request};

/// busybox's five-column sizes (`smart_ulltoa5`): `  615`, ` 120k`.
fn smart5(n: usize) -> String {
    const UNITS: &[u8] = b" kMGTPE";
    let mut v = n as u64;
    let mut u = 0;
    while v >= 100_000 && u + 1 < UNITS.len() {
        v /= 1024;
        u += 1;
    }
    if u == 0 {
        format!("{v:5}")
    } else {
        format!("{v:4}{}", UNITS[u] as char)
    }
}

/// The file name wget saves to: the URL's last path component, else `index.html`.
fn wget_name(target: &str) -> String {
    let path = target.split('?').next().unwrap_or("");
    let b = basename(path);
    if path.ends_with('/') || b.is_empty() || b == "/" {
        "index.html".into()
    } else {
        b.to_string()
    }
}

pub fn wget(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let mut args: Vec<String> = Vec::new();
    let mut post: Option<String> = None;
    let mut spider = false;
    let mut extra_headers: Vec<String> = Vec::new();
    for a in call.args() {
        if let Some(v) = a.strip_prefix("--post-data=") {
            post = Some(v.to_string());
        } else if a == "--spider" {
            spider = true;
        } else if let Some(v) = a.strip_prefix("--header=") {
            extra_headers.push(v.to_string());
        } else if let Some(v) = a.strip_prefix("--timeout=") {
            let _ = v;
        } else if let Some(v) = a.strip_prefix("--output-document=") {
            args.push("-O".into());
            args.push(v.into());
        } else if a == "--quiet" {
            args.push("-q".into());
        } else {
            args.push(a.clone());
        }
    }
    let opts = match parse_opts(&args, "qO:ST:U:cP:Y:s", &[]) {
        Ok(o) => o,
        Err(e) => return super::opt_error(host, "wget", "[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...", e, 1, io),
    };
    let quiet = opts.has('q');
    let Some(url) = opts.operands.first().cloned() else {
        if bb {
            return super::usage(host, "wget", "[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...", io);
        }
        io.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
        return 1;
    };
    let u = match http::parse_url(&url) {
        Ok(u) => u,
        Err(_) => {
            io.err(&format!("wget: not an http or ftp url: {url}\n"));
            return 1;
        }
    };
    let Some(client) = client(host) else { return 1 };
    let ip = http::resolve(&host.cluster.api.store, &client, &u.host);
    let now = host.now();
    let gnu_stamp = k8s_openapi::jiff::fmt::strtime::format(
        "%Y-%m-%d %H:%M:%S",
        crate::api::time::to_timestamp(now),
    )
    .unwrap_or_default();
    let full_url = format!(
        "{}://{}{}{}",
        u.scheme,
        u.host,
        if u.explicit_port {
            format!(":{}", u.port)
        } else {
            String::new()
        },
        u.target
    );
    if !bb && !quiet {
        io.err(&format!("--{gnu_stamp}--  {full_url}\n"));
    }
    let Some(ip) = ip else {
        if bb {
            io.err(&format!("wget: bad address '{}'\n", u.host));
            return 1;
        }
        if !quiet {
            io.err(&format!(
                "Resolving {} ({})... failed: Name or service not known.\n",
                u.host, u.host
            ));
        }
        io.err(&format!(
            "wget: unable to resolve host address '{}'\n",
            u.host
        ));
        return 4;
    };
    if !quiet {
        if bb {
            io.err(&format!("Connecting to {} ({ip}:{})\n", u.host, u.port));
        } else if u.host.parse::<std::net::Ipv4Addr>().is_ok() {
            io.err(&format!("Connecting to {ip}:{}... ", u.port));
        } else {
            io.err(&format!(
                "Resolving {} ({})... {ip}\nConnecting to {} ({})|{ip}|:{}... ",
                u.host, u.host, u.host, u.host, u.port
            ));
        }
    }
    let agent = if bb {
        "Wget".to_string()
    } else {
        "Wget/1.16 (linux-gnu)".to_string()
    };
    let host_hdr = if u.explicit_port {
        format!("{}:{}", u.host, u.port)
    } else {
        u.host.clone()
    };
    let req = Request {
        method: if spider {
            "HEAD".into()
        } else if post.is_some() {
            "POST".into()
        } else {
            "GET".into()
        },
        target: u.target.clone(),
        host: host_hdr,
        headers: extra_headers
            .iter()
            .filter_map(|h| {
                h.split_once(':')
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            })
            .collect(),
        body: post.clone().unwrap_or_default(),
        user_agent: agent,
    };
    let resp = match http::exchange(host.cluster, &client, ip, u.port, &req) {
        Ok(r) => r,
        Err(e) => {
            let (why, ms) = match e {
                NetError::Refused => ("Connection refused", 0),
                NetError::Timeout(ms) => ("Connection timed out", ms),
                NetError::Unreachable(ms) => ("No route to host", ms),
                NetError::EmptyReply | NetError::NotHttp => ("", 0),
            };
            if ms > 0 {
                if let Err(m) = host.sleep(ms) {
                    io.err(&format!("{m}\n"));
                    return 130;
                }
            }
            if why.is_empty() {
                if bb {
                    io.err("wget: error getting response: Connection reset by peer\n");
                } else {
                    io.err(
                        "connected.\nHTTP request sent, awaiting response... No data received.\n",
                    );
                }
                return if bb { 1 } else { 4 };
            }
            if bb {
                io.err(&format!(
                    "wget: can't connect to remote host ({ip}): {why}\n"
                ));
                return 1;
            }
            io.err(&format!("failed: {why}.\n"));
            return 4;
        }
    };
    if !bb && !quiet {
        io.err(&format!(
            "connected.\nHTTP request sent, awaiting response... {} {}\n",
            resp.status, resp.reason
        ));
    }
    if resp.status >= 400 {
        if bb {
            io.err(&format!(
                "wget: server returned error: {}\n",
                resp.status_line()
            ));
            return 1;
        }
        io.err(&format!(
            "{gnu_stamp} ERROR {}: {}.\n\n",
            resp.status, resp.reason
        ));
        return 8;
    }
    if opts.has('S') {
        io.err(&format!("  {}\n", resp.status_line()));
        for (k, v) in &resp.headers {
            io.err(&format!("  {k}: {v}\n"));
        }
    }
    if spider {
        if bb && !quiet {
            io.err("remote file exists\n");
        }
        return 0;
    }
    let out = opts
        .value('O')
        .map(String::from)
        .unwrap_or_else(|| wget_name(&u.target));
    let to_stdout = out == "-";
    let len = resp.body.len();
    let chunked = resp.header("Content-Length").is_none();
    if bb {
        if !to_stdout {
            let exists = host
                .fs()
                .is_some_and(|fs| fs.stat(call.cwd, &out, true).is_ok());
            if exists && opts.value('O').is_none() {
                io.err(&format!("wget: can't open '{out}': File exists\n"));
                return 1;
            }
        }
        if !quiet {
            // busybox before 1.30 printed only the progress line.
            let old = host.info().tag.starts_with("1.2");
            if !old {
                io.err(if to_stdout { "writing to stdout\n" } else { "" });
                if !to_stdout {
                    io.err(&format!("saving to '{out}'\n"));
                }
            }
            let name = if to_stdout {
                "-".to_string()
            } else {
                basename(&out).to_string()
            };
            let line = match (old, chunked) {
                (true, true) => format!("{name:<20.20}{len:6}  --:--:-- ETA\n"),
                (true, false) => format!(
                    "{name:<20.20} 100% |{}|{len:6}   0:00:00 ETA\n",
                    "*".repeat(31)
                ),
                (false, true) => format!("{name:<20.20} {} --:--:-- ETA\n", smart5(len)),
                (false, false) => format!(
                    "{name:<20.20} 100% |{}| {}  0:00:00 ETA\n",
                    "*".repeat(32),
                    smart5(len)
                ),
            };
            io.err(&line);
        }
    } else if !quiet {
        io.err(&format!(
            "Length: {} [{}]\n{}\n",
            if chunked {
                "unspecified".to_string()
            } else {
                format!("{len}")
            },
            resp.header("Content-Type").unwrap_or("text/plain"),
            if to_stdout {
                "Saving to: 'STDOUT'".to_string()
            } else {
                format!("Saving to: '{out}'")
            }
        ));
    }
    if to_stdout {
        io.out(&resp.body);
    } else {
        let r = host
            .fs()
            .map(|mut fs| fs.write(call.cwd, &out, &resp.body, false));
        if let Some(Err(e)) = r {
            if bb {
                io.err(&format!("wget: can't open '{out}': {e}\n"));
            } else {
                io.err(&format!("{out}: {e}\n"));
            }
            return if bb { 1 } else { 3 };
        }
    }
    let old_busybox = bb && host.info().tag.starts_with("1.2");
    if !quiet && !old_busybox {
        if bb {
            if to_stdout {
                io.err("written to stdout\n");
            } else {
                io.err(&format!("'{out}' saved\n"));
            }
        } else {
            io.err(&format!(
                "\n{gnu_stamp} ({}) - '{}' saved [{len}{}]\n\n",
                "1.94 MB/s",
                if to_stdout { "-" } else { &out },
                if chunked {
                    String::new()
                } else {
                    format!("/{len}")
                }
            ));
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wget_names() {
        assert_eq!(wget_name("/"), "index.html");
        assert_eq!(wget_name("/a/b.txt?x=1"), "b.txt");
    }
}
