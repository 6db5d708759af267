//! Network applets: curl (worded per the curl version the image ships: 7.38 in the luksa
//! images, 7.47 in nginx-slim, 7.88.1 in Debian bookworm, 8.12 in Alpine), busybox and
//! GNU wget, the DNS tools (answered by `crate::network::tools`), and the version and
//! control switches of the images' own programs (`nginx -v`, `node -v`).

use super::{parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::kubelet::images::{App, Userland};
use crate::network::tools::{self, Asker};
use crate::runtime::fs::path::basename;
use crate::runtime::host::PodHost;
use crate::runtime::http::{self, Client, NetError, Request, Response};
use crate::runtime::images::nginx_version;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CurlVersion {
    V7_38,
    V7_47,
    V7_88,
    V8_12,
}

impl CurlVersion {
    fn of(host: &PodHost<'_>) -> CurlVersion {
        let info = host.info();
        match (info.app, info.userland) {
            (App::NginxSlim, _) => CurlVersion::V7_47,
            (_, Userland::DebianBuildpack) => CurlVersion::V7_38,
            (_, Userland::Alpine) => CurlVersion::V8_12,
            _ => CurlVersion::V7_88,
        }
    }

    fn agent(self) -> &'static str {
        match self {
            CurlVersion::V7_38 => "curl/7.38.0",
            CurlVersion::V7_47 => "curl/7.47.0",
            CurlVersion::V7_88 => "curl/7.88.1",
            CurlVersion::V8_12 => "curl/8.12.1",
        }
    }
}

/// The client side of the pod doing the asking.
fn client(host: &mut PodHost<'_>) -> Option<Client> {
    let c = host.container()?.clone();
    let hosts = host
        .fs()
        .and_then(|fs| fs.read("/", "/etc/hosts").ok())
        .unwrap_or_default();
    Some(Client {
        pod: c.pod.clone(),
        ip: c.pod_ip.clone(),
        namespace: c.pod.namespace.clone(),
        hosts,
    })
}

/// curl's five-column sizes (`max5data`).
fn max5(bytes: u64) -> String {
    const K: u64 = 1024;
    if bytes < 100_000 {
        format!("{bytes:5}")
    } else if bytes < 10_000 * K {
        format!("{:4}k", bytes / K)
    } else if bytes < 100 * K * K {
        format!(
            "{:2}.{}M",
            bytes / (K * K),
            (bytes % (K * K)) / (K * K / 10)
        )
    } else {
        format!("{:4}M", bytes / (K * K))
    }
}

fn curl_time(secs: u64) -> String {
    if secs == 0 {
        return "--:--:--".into();
    }
    format!(
        "{:2}:{:02}:{:02}",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// curl's progress meter, as a non-terminal stderr receives it: the header and a zero
/// line when the transfer starts, the final line when it ends.
struct Meter {
    on: bool,
    started: bool,
}

impl Meter {
    fn start(&mut self, io: &mut dyn Sink) {
        if self.on && !self.started {
            io.err("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n");
            io.err(
                "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0",
            );
            self.started = true;
        }
    }

    fn finish(
        &mut self,
        io: &mut dyn Sink,
        total: u64,
        received: u64,
        uploaded: u64,
        known: bool,
        spent_ms: i64,
    ) {
        if !self.on {
            return;
        }
        self.start(io);
        let spent = (spent_ms / 1000) as u64;
        if received == 0 && uploaded == 0 {
            if spent > 0 {
                io.err(&format!(
                    "\r  0     0    0     0    0     0      0      0 --:--:-- {} --:--:--     0",
                    curl_time(spent)
                ));
            }
            io.err("\n");
            return;
        }
        let elapsed = spent_ms.max(2) as u64;
        let dl = received * 1000 / elapsed;
        let ul = uploaded * 1000 / elapsed;
        let expected = (total + uploaded).max(received + uploaded);
        let pct = |done: u64, all: u64| (done * 100).checked_div(all).unwrap_or(0);
        io.err(&format!(
            "\r{:3} {}  {:3} {}  {:3} {}  {}  {} --:--:-- {} --:--:-- {}\n",
            pct(received + uploaded, expected),
            max5(expected),
            if known { pct(received, total) } else { 0 },
            max5(received),
            if uploaded > 0 { 100 } else { 0 },
            max5(uploaded),
            max5(dl),
            max5(ul),
            curl_time(spent),
            max5(dl),
        ));
    }
}

struct CurlArgs {
    urls: Vec<String>,
    silent: bool,
    show_error: bool,
    include: bool,
    head: bool,
    verbose: bool,
    method: Option<String>,
    data: Vec<String>,
    headers: Vec<String>,
    output: Option<String>,
    remote_name: bool,
    follow: bool,
    fail: bool,
    write_out: Option<String>,
    max_time: Option<f64>,
    agent: Option<String>,
}

fn curl_args(args: &[String]) -> Result<CurlArgs, String> {
    let mut a = CurlArgs {
        urls: vec![],
        silent: false,
        show_error: false,
        include: false,
        head: false,
        verbose: false,
        method: None,
        data: vec![],
        headers: vec![],
        output: None,
        remote_name: false,
        follow: false,
        fail: false,
        write_out: None,
        max_time: None,
        agent: None,
    };
    let mut i = 0;
    let takes = |c: char| "XdHowmAeuTr".contains(c);
    while i < args.len() {
        let s = &args[i];
        let value = |i: &mut usize, inline: Option<String>| -> Result<String, String> {
            if let Some(v) = inline {
                return Ok(v);
            }
            *i += 1;
            args.get(*i).cloned().ok_or_else(|| s.clone())
        };
        if let Some(long) = s.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            match name {
                "silent" => a.silent = true,
                "show-error" => a.show_error = true,
                "include" => a.include = true,
                "head" => a.head = true,
                "verbose" => a.verbose = true,
                "location" => a.follow = true,
                "fail" => a.fail = true,
                "insecure" | "compressed" | "http1.1" | "ipv4" | "no-progress-meter"
                | "fail-with-body" => {
                    if name == "no-progress-meter" {
                        a.silent = true;
                    }
                    if name == "fail-with-body" {
                        a.fail = true;
                    }
                }
                "request" => a.method = Some(value(&mut i, inline)?),
                "data" | "data-raw" | "data-binary" | "data-ascii" | "data-urlencode" => {
                    a.data.push(value(&mut i, inline)?)
                }
                "header" => a.headers.push(value(&mut i, inline)?),
                "output" => a.output = Some(value(&mut i, inline)?),
                "remote-name" => a.remote_name = true,
                "write-out" => a.write_out = Some(value(&mut i, inline)?),
                "max-time" | "connect-timeout" => {
                    a.max_time = value(&mut i, inline)?.parse().ok();
                }
                "user-agent" => a.agent = Some(value(&mut i, inline)?),
                "url" => a.urls.push(value(&mut i, inline)?),
                "retry" | "retry-delay" | "user" | "cacert" | "resolve" => {
                    value(&mut i, inline)?;
                }
                _ => return Err(s.clone()),
            }
            i += 1;
            continue;
        }
        if s.len() > 1 && s.starts_with('-') {
            let chars: Vec<char> = s[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                if takes(c) {
                    let rest: String = chars[j + 1..].iter().collect();
                    let v = value(&mut i, (!rest.is_empty()).then_some(rest))?;
                    match c {
                        'X' => a.method = Some(v),
                        'd' => a.data.push(v),
                        'H' => a.headers.push(v),
                        'o' => a.output = Some(v),
                        'w' => a.write_out = Some(v),
                        'm' => a.max_time = v.parse().ok(),
                        'A' => a.agent = Some(v),
                        _ => {}
                    }
                    break;
                }
                match c {
                    's' => a.silent = true,
                    'S' => a.show_error = true,
                    'i' => a.include = true,
                    'I' => a.head = true,
                    'v' => a.verbose = true,
                    'L' => a.follow = true,
                    'f' => a.fail = true,
                    'O' => a.remote_name = true,
                    'k' | '4' | 'N' | 'g' | 'q' => {}
                    _ => return Err(format!("-{c}")),
                }
                j += 1;
            }
            i += 1;
            continue;
        }
        a.urls.push(s.clone());
        i += 1;
    }
    Ok(a)
}

pub fn curl(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let version = CurlVersion::of(host);
    let a = match curl_args(call.args()) {
        Ok(a) => a,
        Err(bad) => {
            io.err(&format!("curl: option {bad}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"));
            return 2;
        }
    };
    if a.urls.is_empty() {
        io.err("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
        return 2;
    }
    let tty = host.tty;
    let mut status = 0;
    for url in a.urls.clone() {
        status = curl_one(host, call, &a, version, &url, tty, io);
    }
    status
}

fn curl_fail(io: &mut dyn Sink, a: &CurlArgs, code: i32, msg: &str) -> i32 {
    if !a.silent || a.show_error {
        io.err(&format!("curl: ({code}) {msg}\n"));
    }
    code
}

fn curl_one(
    host: &mut PodHost<'_>,
    call: &Call<'_>,
    a: &CurlArgs,
    version: CurlVersion,
    url: &str,
    tty: bool,
    io: &mut dyn Sink,
) -> i32 {
    let show_meter = !a.silent && (!tty || a.output.is_some() || a.remote_name);
    let mut m = Meter {
        on: show_meter,
        started: false,
    };
    let mut u = match http::parse_url(url) {
        Ok(u) => u,
        Err(e) if e.starts_with("port:") => {
            return curl_fail(io, a, 3, "URL using bad/illegal format or missing URL");
        }
        Err(scheme) => {
            let msg = if version >= CurlVersion::V7_88 {
                format!("Protocol \"{scheme}\" not supported")
            } else {
                format!("Protocol \"{scheme}\" not supported or disabled in libcurl")
            };
            return curl_fail(io, a, 1, &msg);
        }
    };
    let Some(client) = client(host) else { return 7 };
    m.start(io);
    let mut data: String = a
        .data
        .iter()
        .map(|d| match d.strip_prefix('@') {
            Some(f) => host
                .fs()
                .and_then(|fs| fs.read(call.cwd, f).ok())
                .unwrap_or_default()
                .replace(['\n', '\r'], ""),
            None => d.clone(),
        })
        .collect::<Vec<_>>()
        .join("&");
    let mut method = a.method.clone().unwrap_or_else(|| {
        if a.head {
            "HEAD".into()
        } else if !a.data.is_empty() {
            "POST".into()
        } else {
            "GET".into()
        }
    });
    let agent = a
        .agent
        .clone()
        .unwrap_or_else(|| version.agent().to_string());
    let mut redirects = 0;
    loop {
        let host_hdr = if u.explicit_port {
            format!("{}:{}", u.host, u.port)
        } else {
            u.host.clone()
        };
        let Some(ip) = http::resolve(&host.cluster.api.store, &client, &u.host) else {
            if a.verbose {
                io.err(&format!(
                    "* Could not resolve host: {}\n* Closing connection 0\n",
                    u.host
                ));
            }
            m.finish(io, 0, 0, 0, false, 0);
            return curl_fail(io, a, 6, &format!("Could not resolve host: {}", u.host));
        };
        if a.verbose {
            io.err(&format!("*   Trying {ip}:{}...\n", u.port));
        }
        let mut headers: Vec<(String, String)> = vec![
            ("Host".into(), host_hdr.clone()),
            ("User-Agent".into(), agent.clone()),
            ("Accept".into(), "*/*".into()),
        ];
        if !data.is_empty() {
            headers.push(("Content-Length".into(), data.len().to_string()));
            headers.push((
                "Content-Type".into(),
                "application/x-www-form-urlencoded".into(),
            ));
        }
        for h in &a.headers {
            if let Some((k, v)) = h.split_once(':') {
                headers.retain(|(n, _)| !n.eq_ignore_ascii_case(k.trim()));
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let req = Request {
            method: method.clone(),
            target: u.target.clone(),
            host: host_hdr.clone(),
            headers: headers.clone(),
            body: data.clone(),
            user_agent: agent.clone(),
        };
        let result = http::exchange(host.cluster, &client, ip, u.port, &req);
        let result = match (result, u.scheme.as_str()) {
            (Ok(_), "https") => {
                m.finish(io, 0, 0, 0, false, 0);
                return curl_fail(
                    io,
                    a,
                    35,
                    "OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number",
                );
            }
            (r, _) => r,
        };
        let resp = match result {
            Ok(r) => r,
            Err(e) => {
                let (code, ms) = match e {
                    NetError::Refused => (7, 0),
                    NetError::Unreachable(ms) => (7, ms),
                    NetError::Timeout(ms) => (28, ms),
                    NetError::EmptyReply => (52, 0),
                    NetError::NotHttp => (1, 0),
                };
                let limit = a.max_time.map(|s| (s * 1000.0) as i64);
                let waited = limit.map_or(ms, |l| l.min(ms));
                if waited > 0 {
                    if let Err(m) = host.sleep(waited) {
                        io.err(&format!("{m}\n"));
                        return 130;
                    }
                }
                if a.verbose && code != 52 && code != 1 {
                    io.err(&format!(
                        "* connect to {ip} port {} failed: {}\n",
                        u.port,
                        match e {
                            NetError::Timeout(_) => "Connection timed out",
                            NetError::Unreachable(_) => "No route to host",
                            _ => "Connection refused",
                        }
                    ));
                }
                if a.verbose {
                    io.err("* Closing connection 0\n");
                }
                m.finish(io, 0, 0, 0, false, waited);
                if limit.is_some_and(|l| l < ms) {
                    return curl_fail(
                        io,
                        a,
                        28,
                        &format!("Connection timed out after {} milliseconds", waited + 1),
                    );
                }
                let msg = match (e, version >= CurlVersion::V7_88) {
                    (NetError::EmptyReply, _) => "Empty reply from server".to_string(),
                    (NetError::NotHttp, _) => "Received HTTP/0.9 when not allowed".to_string(),
                    (_, true) => format!(
                        "Failed to connect to {} port {} after {ms} ms: {}",
                        u.host,
                        u.port,
                        if version >= CurlVersion::V8_12 {
                            "Could not connect to server"
                        } else {
                            "Couldn't connect to server"
                        }
                    ),
                    (e, false) => format!(
                        "Failed to connect to {} port {}: {}",
                        u.host,
                        u.port,
                        match e {
                            NetError::Timeout(_) => "Connection timed out",
                            NetError::Unreachable(_) => "No route to host",
                            _ => "Connection refused",
                        }
                    ),
                };
                return curl_fail(io, a, code, &msg);
            }
        };
        if a.verbose {
            io.err(&format!(
                "* Connected to {} ({ip}) port {} (#0)\n",
                u.host, u.port
            ));
            io.err(&format!("> {} {} HTTP/1.1\r\n", method, u.target));
            for (k, v) in &headers {
                io.err(&format!("> {k}: {v}\r\n"));
            }
            io.err("> \r\n");
            io.err(&format!("< {}\r\n", resp.status_line()));
            for (k, v) in &resp.headers {
                io.err(&format!("< {k}: {v}\r\n"));
            }
            io.err("< \r\n");
        }
        let redirect = a.follow && (300..400).contains(&resp.status) && redirects < 50;
        if redirect {
            if let Some(loc) = resp.header("Location").map(String::from) {
                redirects += 1;
                if let Ok(next) = http::parse_url(&loc) {
                    if a.include {
                        io.out(&head_block(&resp));
                    }
                    u = next;
                    if resp.status == 303
                        || (resp.status != 307 && resp.status != 308 && method == "POST")
                    {
                        method = "GET".into();
                        data.clear();
                    }
                    continue;
                }
            }
        }
        if a.fail && resp.status >= 400 {
            m.finish(io, 0, 0, 0, false, 0);
            let msg = if version >= CurlVersion::V7_88 {
                format!("The requested URL returned error: {}", resp.status)
            } else {
                format!(
                    "The requested URL returned error: {} {}",
                    resp.status, resp.reason
                )
            };
            return curl_fail(io, a, 22, &msg);
        }
        let mut out = String::new();
        if a.include || method == "HEAD" || a.head {
            out.push_str(&head_block(&resp));
        }
        if method != "HEAD" && !a.head {
            out.push_str(&resp.body);
        }
        let known = resp.header("Content-Length").is_some();
        let body_len = if method == "HEAD" {
            0
        } else {
            resp.body.len() as u64
        };
        if a.verbose && show_meter && body_len > 0 {
            io.err(&format!("{{ [{body_len} bytes data]\n"));
        }
        let target_file = a.output.clone().or_else(|| {
            a.remote_name.then(|| {
                let b = basename(u.target.split('?').next().unwrap_or(""));
                b.to_string()
            })
        });
        match target_file {
            Some(f) if f != "-" => {
                if f.is_empty() {
                    return curl_fail(
                        io,
                        a,
                        23,
                        "Failed writing received data to disk/application",
                    );
                }
                let r = host.fs().map(|mut fs| fs.write(call.cwd, &f, &out, false));
                if let Some(Err(e)) = r {
                    return curl_fail(
                        io,
                        a,
                        23,
                        &format!(
                            "Failure writing output to destination, passed {} returned 0",
                            out.len().max(1)
                        )
                        .replace("destination", &format!("destination ({e})")),
                    );
                }
            }
            _ => io.out(&out),
        }
        m.finish(io, body_len, body_len, data.len() as u64, known, 0);
        if a.verbose {
            io.err(&format!("* Connection #0 to host {} left intact\n", u.host));
        }
        if let Some(w) = &a.write_out {
            io.out(&write_out(w, &resp, &u, ip));
        }
        return 0;
    }
}

fn head_block(resp: &Response) -> String {
    let mut s = format!("{}\r\n", resp.status_line());
    for (k, v) in &resp.headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    s.push_str("\r\n");
    s
}

fn write_out(fmt: &str, resp: &Response, u: &http::Url, ip: std::net::Ipv4Addr) -> String {
    let mut s = fmt
        .replace("%{http_code}", &resp.status.to_string())
        .replace("%{response_code}", &resp.status.to_string())
        .replace("%{size_download}", &resp.body.len().to_string())
        .replace("%{remote_ip}", &ip.to_string())
        .replace("%{remote_port}", &u.port.to_string())
        .replace("%{content_type}", resp.header("Content-Type").unwrap_or(""))
        .replace("%{time_total}", "0.002000")
        .replace(
            "%{url_effective}",
            &format!("{}://{}{}", u.scheme, u.host, u.target),
        );
    s = s.replace("\\n", "\n").replace("\\t", "\t");
    s
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
    let stamp = crate::runtime::applets::system::date_string(now);
    let _ = stamp;
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
            io.err(if to_stdout { "writing to stdout\n" } else { "" });
            if !to_stdout {
                io.err(&format!("saving to '{out}'\n"));
            }
            let name = if to_stdout {
                "-".to_string()
            } else {
                basename(&out).to_string()
            };
            let size = if len < 100_000 {
                format!("{len:5}")
            } else {
                format!("{:4}k", len / 1024)
            };
            if chunked {
                io.err(&format!("{name:<20.20} {size} --:--:-- ETA\n"));
            } else {
                io.err(&format!(
                    "{name:<20.20} 100% |{}| {size}  0:00:00 ETA\n",
                    "*".repeat(32)
                ));
            }
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
    if !quiet {
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

fn asker<'a>(host: &PodHost<'_>, ns: &'a str, image: &'a str) -> Asker<'a> {
    Asker {
        namespace: ns,
        now: host.now(),
        image,
    }
}

fn dns_tool(
    host: &mut PodHost<'_>,
    call: &Call<'_>,
    io: &mut dyn Sink,
    tool: fn(&crate::store::Store, &Asker<'_>, &[String], &mut dyn Sink) -> i32,
) -> i32 {
    let Some(c) = host.container().cloned() else {
        return 1;
    };
    let a = asker(host, &c.pod.namespace, &c.image);
    tool(&host.cluster.api.store, &a, call.args(), io)
}

pub fn nslookup(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    dns_tool(host, call, io, tools::nslookup)
}

pub fn getent(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    // Local databases come from the container's own files.
    let db = call.args().first().map(String::as_str);
    if let Some(file) = match db {
        Some("passwd") => Some("/etc/passwd"),
        Some("group") => Some("/etc/group"),
        _ => None,
    } {
        let text = host
            .fs()
            .and_then(|fs| fs.read("/", file).ok())
            .unwrap_or_default();
        let keys = &call.args()[1..];
        let mut found = keys.is_empty();
        for line in text.lines() {
            let mut f = line.split(':');
            let name = f.next().unwrap_or("");
            let id = f.nth(1).unwrap_or("");
            if keys.is_empty() || keys.iter().any(|k| k == name || k == id) {
                io.out(&format!("{line}\n"));
                found = true;
            }
        }
        return if found { 0 } else { 2 };
    }
    dns_tool(host, call, io, tools::getent)
}

pub fn ping(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    dns_tool(host, call, io, tools::ping)
}

/// `nginx -v/-V/-t/-s SIGNAL`; starting a second nginx fails to bind, as it would.
pub fn nginx(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let info = host.info();
    let version = nginx_version(&info);
    let now = host.now();
    let stamp = k8s_openapi::jiff::fmt::strtime::format(
        "%Y/%m/%d %H:%M:%S",
        crate::api::time::to_timestamp(now),
    )
    .unwrap_or_default();
    let args = call.args();
    match args.first().map(String::as_str) {
        Some("-v") => {
            io.err(&format!("nginx version: nginx/{version}\n"));
            0
        }
        Some("-V") => {
            io.err(&format!("nginx version: nginx/{version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023 (running with OpenSSL 3.0.15 3 Sep 2024)\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --user=nginx --group=nginx --with-http_ssl_module --with-http_v2_module\n"));
            0
        }
        Some("-t") | Some("-T") => {
            io.err("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
            0
        }
        Some("-s") => {
            let sig = args.get(1).map(String::as_str).unwrap_or("");
            let (num, name) = match sig {
                "reload" => (1, "SIGHUP"),
                "reopen" => (10, "SIGUSR1"),
                "stop" => (15, "SIGTERM"),
                "quit" => (3, "SIGQUIT"),
                _ => {
                    io.err(&format!("nginx: invalid option: \"-s {sig}\"\n"));
                    return 1;
                }
            };
            let pid = host.next_pid();
            if let Some(c) = host.container_mut() {
                c.log_line(format!(
                    "{stamp} [notice] {pid}#{pid}: signal process started"
                ));
                c.log_line(format!(
                    "{stamp} [notice] 1#1: signal {num} ({name}) received from {pid}, {}",
                    if num == 1 { "reconfiguring" } else { "exiting" }
                ));
            }
            0
        }
        _ => {
            for _ in 0..5 {
                io.err(&format!("{stamp} [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n"));
            }
            io.err(&format!("{stamp} [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n"));
            1
        }
    }
}

pub fn node(_host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    match call.args().first().map(String::as_str) {
        Some("-v") | Some("--version") => {
            io.out("v7.10.1\n");
            0
        }
        _ => {
            io.err("kubetutor: node: running scripts is not simulated in the sandbox\n");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_sizes() {
        assert_eq!(max5(615), "  615");
        assert_eq!(max5(307_500), " 300k");
        assert_eq!(curl_time(0), "--:--:--");
        assert_eq!(curl_time(130), " 0:02:10");
    }

    #[test]
    fn wget_names() {
        assert_eq!(wget_name("/"), "index.html");
        assert_eq!(wget_name("/a/b.txt?x=1"), "b.txt");
    }
}
