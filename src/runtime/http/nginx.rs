//! nginx as the nginx.org image runs it: static files from the html root its
//! configuration names (`/etc/nginx/conf.d/*.conf`: `listen`, `root`, `index`,
//! `return`), index files, 301 for a directory without a slash, 403 for a directory
//! without an index, 404, 405 for other methods; nginx's exact error pages and headers;
//! access and error log lines in the container's log.

use super::{http_date, NetError, Request, Response};
use crate::api::time::to_timestamp;
use crate::cluster::Cluster;
use crate::runtime::fs::path::join;
use crate::runtime::fs::view::PodFs;
use crate::runtime::images::nginx_version;
use crate::runtime::ContainerKey;
use k8s_openapi::jiff::fmt::strtime;

/// What nginx's configuration says about the default server.
pub struct NginxConf {
    pub listen: Vec<u16>,
    pub root: String,
    pub index: Vec<String>,
    /// `return CODE [TEXT]` in `location /`.
    pub ret: Option<(u16, String)>,
}

fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for line in text.lines() {
        for c in line.chars() {
            match quote {
                Some(q) if c == q => {
                    quote = None;
                    out.push(std::mem::take(&mut cur));
                }
                Some(_) => cur.push(c),
                None => match c {
                    '#' => break,
                    '"' | '\'' => quote = Some(c),
                    '{' | '}' | ';' => {
                        if !cur.is_empty() {
                            out.push(std::mem::take(&mut cur));
                        }
                        out.push(c.to_string());
                    }
                    c if c.is_whitespace() => {
                        if !cur.is_empty() {
                            out.push(std::mem::take(&mut cur));
                        }
                    }
                    c => cur.push(c),
                },
            }
        }
        if quote.is_none() && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    out
}

impl NginxConf {
    /// Read `/etc/nginx/conf.d/*.conf` (the first server block decides).
    pub fn read(fs: &PodFs<'_>) -> NginxConf {
        let mut conf = NginxConf {
            listen: vec![],
            root: "/usr/share/nginx/html".into(),
            index: vec!["index.html".into()],
            ret: None,
        };
        let dir = fs
            .resolve("/", "/etc/nginx/conf.d", true)
            .unwrap_or_default();
        let mut text = String::new();
        for name in fs.list_abs(&dir).unwrap_or_default() {
            if name.ends_with(".conf") {
                let mut p = dir.clone();
                p.push(name);
                text.push_str(&fs.read("/", &join(&p)).unwrap_or_default());
                text.push('\n');
            }
        }
        let toks = tokens(&text);
        let mut stack: Vec<String> = Vec::new();
        let mut stmt: Vec<String> = Vec::new();
        let mut servers = 0;
        let (mut server_root, mut loc_root): (Option<String>, Option<String>) = (None, None);
        let (mut server_index, mut loc_index): (Option<Vec<String>>, Option<Vec<String>>) =
            (None, None);
        for t in toks {
            match t.as_str() {
                "{" => {
                    let ctx = stmt.join(" ");
                    if stmt.first().map(String::as_str) == Some("server") {
                        servers += 1;
                    }
                    stack.push(ctx);
                    stmt.clear();
                }
                "}" => {
                    stack.pop();
                    stmt.clear();
                }
                ";" => {
                    let in_first = servers == 1;
                    let ctx = stack.last().cloned().unwrap_or_default();
                    let at_server = stack.len() == 1 && ctx == "server";
                    let at_root_loc = ctx == "location /";
                    if in_first && (at_server || at_root_loc) {
                        match stmt.first().map(String::as_str) {
                            Some("listen") => {
                                if let Some(p) = stmt.get(1).and_then(|a| {
                                    a.rsplit(':').next().and_then(|p| p.parse::<u16>().ok())
                                }) {
                                    if !conf.listen.contains(&p) {
                                        conf.listen.push(p);
                                    }
                                }
                            }
                            Some("root") => {
                                let v = stmt.get(1).cloned();
                                if at_root_loc {
                                    loc_root = v;
                                } else {
                                    server_root = v;
                                }
                            }
                            Some("index") => {
                                let v = Some(stmt[1..].to_vec());
                                if at_root_loc {
                                    loc_index = v;
                                } else {
                                    server_index = v;
                                }
                            }
                            Some("return") if at_root_loc => {
                                let code = stmt.get(1).and_then(|c| c.parse().ok()).unwrap_or(200);
                                conf.ret = Some((code, stmt.get(2).cloned().unwrap_or_default()));
                            }
                            _ => {}
                        }
                    }
                    stmt.clear();
                }
                _ => stmt.push(t),
            }
        }
        if servers == 0 || conf.listen.is_empty() {
            conf.listen = vec![80];
        }
        if let Some(r) = loc_root.or(server_root) {
            conf.root = if r.starts_with('/') {
                r
            } else {
                format!("/etc/nginx/{r}")
            };
        }
        if let Some(i) = loc_index.or(server_index) {
            conf.index = i;
        }
        conf
    }
}

/// nginx's error page for `status`.
pub fn nginx_error_page(status: u16, version: &str) -> String {
    let title = format!("{status} {}", reason(status));
    format!("<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx/{version}</center>\r\n</body>\r\n</html>\r\n")
}

/// nginx's reason phrases.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Moved Temporarily",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Not Allowed",
        413 => "Request Entity Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        _ => "Unknown",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// nginx's URI normalisation: `.` and `..` resolved; None when `..` leaves the root
/// (nginx answers 400).
pub(super) fn normalise_uri(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(p),
        }
    }
    let mut s = format!("/{}", parts.join("/"));
    if path.ends_with('/') && s != "/" {
        s.push('/');
    }
    Some(s)
}

fn mime_type(fs: &PodFs<'_>, path: &str) -> String {
    let ext = path
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let Some(ext) = ext else {
        return "application/octet-stream".into();
    };
    let types = fs.read("/", "/etc/nginx/mime.types").unwrap_or_default();
    for line in types.lines() {
        let line = line.trim().trim_end_matches(';');
        let mut f = line.split_whitespace();
        let Some(t) = f.next() else { continue };
        if f.any(|e| e == ext) {
            return t.to_string();
        }
    }
    "application/octet-stream".into()
}

struct NginxLog {
    lines: Vec<String>,
}

pub(super) fn serve(
    cluster: &mut Cluster,
    key: &ContainerKey,
    req: &Request,
    client: &str,
) -> Result<Response, NetError> {
    let now = cluster.now();
    let Some(c) = cluster.runtime.container_mut(key) else {
        return Err(NetError::Refused);
    };
    c.connections += 1;
    let conn = c.connections;
    let version = nginx_version(&c.info).to_string();
    let worker = 29 + (conn - 1) % 8;
    let Some(fs) = cluster.runtime.fs(key, now) else {
        return Err(NetError::Refused);
    };
    let conf = NginxConf::read(&fs);
    let mut log = NginxLog { lines: vec![] };
    let stamp = strtime::format("%Y/%m/%d %H:%M:%S", to_timestamp(now)).unwrap_or_default();
    let request_line = format!("{} {} HTTP/1.1", req.method, req.target);
    let host_hdr = req.host.clone();
    let mut error = |msg: String| {
        log.lines.push(format!(
            "{stamp} [error] {worker}#{worker}: *{conn} {msg}, client: {client}, server: localhost, request: \"{request_line}\", host: \"{host_hdr}\""
        ));
    };
    let base_headers = |status: u16, ctype: &str, len: usize| -> Vec<(String, String)> {
        vec![
            ("Server".into(), format!("nginx/{version}")),
            ("Date".into(), http_date(now)),
            ("Content-Type".into(), ctype.into()),
            ("Content-Length".into(), len.to_string()),
        ]
        .into_iter()
        .filter(|_| status != 0)
        .collect()
    };
    let error_response = |status: u16, extra: Vec<(String, String)>| -> Response {
        let body = nginx_error_page(status, &version);
        let mut headers = base_headers(status, "text/html", body.len());
        headers.extend(extra);
        headers.push(("Connection".into(), "keep-alive".into()));
        Response {
            status,
            reason: reason(status).into(),
            headers,
            body,
        }
    };
    let path = req.target.split('?').next().unwrap_or("/");
    let resp = (|| {
        if let Some((code, text)) = &conf.ret {
            let mut headers = base_headers(*code, "application/octet-stream", text.len());
            headers.push(("Connection".into(), "keep-alive".into()));
            return Response {
                status: *code,
                reason: reason(*code).into(),
                headers,
                body: text.clone(),
            };
        }
        let Some(uri) = percent_decode(path)
            .filter(|p| p.starts_with('/'))
            .and_then(|p| normalise_uri(&p))
        else {
            return error_response(400, vec![]);
        };
        if !matches!(req.method.as_str(), "GET" | "HEAD" | "POST") {
            return error_response(405, vec![]);
        }
        let root = conf.root.trim_end_matches('/').to_string();
        let file_for = |u: &str| format!("{root}{u}");
        let (file, via_index) = if uri.ends_with('/') {
            let dir = file_for(&uri);
            match fs.stat("/", &dir, true) {
                Ok(st) if st.is_dir() => {
                    let found = conf
                        .index
                        .iter()
                        .map(|i| format!("{dir}{i}"))
                        .find(|p| fs.stat("/", p, true).is_ok());
                    match found {
                        Some(p) => (p, true),
                        None => {
                            error(format!("directory index of \"{dir}\" is forbidden"));
                            return error_response(403, vec![]);
                        }
                    }
                }
                _ => {
                    let first = conf.index.first().cloned().unwrap_or_default();
                    error(format!(
                        "\"{dir}{first}\" is not found (2: No such file or directory)"
                    ));
                    return error_response(404, vec![]);
                }
            }
        } else {
            (file_for(&uri), false)
        };
        match fs.stat("/", &file, true) {
            Err(e) => {
                let (errno, text) = match e {
                    crate::runtime::fs::FsErr::NotADirectory => (20, "Not a directory"),
                    _ => (2, "No such file or directory"),
                };
                error(format!("open() \"{file}\" failed ({errno}: {text})"));
                error_response(404, vec![])
            }
            Ok(st) if st.is_dir() && !via_index => {
                let port = req
                    .host
                    .rsplit_once(':')
                    .map(|(_, p)| format!(":{p}"))
                    .unwrap_or_default();
                let host = req
                    .host
                    .rsplit_once(':')
                    .map(|(h, _)| h)
                    .unwrap_or(&req.host);
                let location = format!("http://{host}{port}{uri}/");
                error_response(301, vec![("Location".into(), location)])
            }
            Ok(st) if st.mode & 0o004 == 0 && st.uid != 101 => {
                error(format!("open() \"{file}\" failed (13: Permission denied)"));
                error_response(403, vec![])
            }
            Ok(_) if req.method == "POST" => error_response(405, vec![]),
            Ok(st) => {
                let body = fs.read("/", &file).unwrap_or_default();
                let ctype = mime_type(&fs, &file);
                let mut headers = base_headers(200, &ctype, body.len());
                headers.push(("Last-Modified".into(), http_date(st.mtime)));
                headers.push(("Connection".into(), "keep-alive".into()));
                headers.push((
                    "ETag".into(),
                    format!("\"{:x}-{:x}\"", st.mtime / 1000, body.len()),
                ));
                headers.push(("Accept-Ranges".into(), "bytes".into()));
                Response {
                    status: 200,
                    reason: "OK".into(),
                    headers,
                    body,
                }
            }
        }
    })();
    let sent = if req.method == "HEAD" {
        0
    } else {
        resp.body.len()
    };
    let time_local =
        strtime::format("%d/%b/%Y:%H:%M:%S +0000", to_timestamp(now)).unwrap_or_default();
    log.lines.push(format!(
        "{client} - - [{time_local}] \"{} {} HTTP/1.1\" {} {sent} \"-\" \"{}\" \"-\"",
        req.method, req.target, resp.status, req.user_agent
    ));
    let lines = std::mem::take(&mut log.lines);
    if let Some(c) = cluster.runtime.container_mut(key) {
        for l in lines {
            c.log_line(l);
        }
    }
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_pages_have_nginx_sizes() {
        assert_eq!(nginx_error_page(404, "1.27.4").len(), 153);
        assert_eq!(nginx_error_page(403, "1.27.4").len(), 153);
        assert_eq!(nginx_error_page(405, "1.27.4").len(), 157);
    }

    #[test]
    fn uris_normalise_and_cannot_leave_the_root() {
        assert_eq!(normalise_uri("/a/./b/../c").as_deref(), Some("/a/c"));
        assert_eq!(normalise_uri("/../etc/passwd"), None);
        assert_eq!(normalise_uri("/dir/").as_deref(), Some("/dir/"));
    }

    #[test]
    fn config_parse() {
        let t =
            tokens("server {\n listen 8080;\n location / { root /data/www; index a.html; }\n}\n");
        assert!(t.contains(&"8080".to_string()));
    }
}
