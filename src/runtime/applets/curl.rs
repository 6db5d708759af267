//! curl, worded per the version each image ships: 7.38 in the luksa images (Debian
//! jessie), 7.47 in nginx-slim, 7.88.1 in Debian bookworm (nginx), 8.12 in Alpine. The
//! progress meter goes to stderr when stdout is not a terminal, as curl does; `-i`/`-I`
//! headers keep their CRLF line ends.

use super::curl_args::{curl_args, CurlArgs};
use super::net::client;
use super::Call;
use crate::kubectl::output::Sink;
use crate::kubelet::images::{App, Userland};
use crate::runtime::fs::path::basename;
use crate::runtime::host::PodHost;
use crate::runtime::http::{self, NetError, Request, Response};

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
    if u.host.is_empty() {
        return curl_fail(io, a, 3, "URL using bad/illegal format or missing URL");
    }
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
}
