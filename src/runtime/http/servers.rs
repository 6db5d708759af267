//! The servers the images run, answering from their container's filesystem and writing
//! their logs: nginx (in `nginx`), httpd, the kubia apps (node 7), and the non-HTTP
//! databases. An unknown image answers on its declared container ports with a plain
//! placeholder page that says so.

use super::{http_date, NetError, Request, Response};
use crate::api::time::{to_timestamp, Millis};
use crate::cluster::Cluster;
use crate::kubelet::images::App;
use crate::runtime::fs::Body;
use crate::runtime::ContainerKey;
use k8s_openapi::jiff::fmt::strtime;

/// The ports a container's server listens on (nginx per its configuration).
pub fn ports_of(cluster: &mut Cluster, key: &ContainerKey, app: App, declared: &[u16]) -> Vec<u16> {
    match app {
        App::Nginx | App::NginxSlim => {
            let now = cluster.now();
            match cluster.runtime.fs(key, now) {
                Some(fs) => super::nginx::NginxConf::read(&fs).listen,
                None => vec![80],
            }
        }
        _ => declared.to_vec(),
    }
}

fn node_response(now: Millis, body: String) -> Response {
    Response {
        status: 200,
        reason: "OK".into(),
        headers: vec![
            ("Date".into(), http_date(now)),
            ("Connection".into(), "keep-alive".into()),
            ("Transfer-Encoding".into(), "chunked".into()),
        ],
        body,
    }
}

fn kubia(
    cluster: &mut Cluster,
    key: &ContainerKey,
    req: &Request,
    client: &str,
    pet: bool,
) -> Result<Response, NetError> {
    let now = cluster.now();
    let Some(c) = cluster.runtime.container(key) else {
        return Err(NetError::Refused);
    };
    let hostname = c.hostname.clone();
    if !pet {
        if let Some(c) = cluster.runtime.container_mut(key) {
            c.log_line(format!("Received request from ::ffff:{client}"));
        }
        return Ok(node_response(now, format!("You've hit {hostname}\n")));
    }
    const DATA: &str = "/var/data/kubia.txt";
    if req.method == "POST" {
        if let Some(mut fs) = cluster.runtime.fs(key, now) {
            let _ = fs.write("/", DATA, &req.body, false);
        }
        if let Some(c) = cluster.runtime.container_mut(key) {
            c.log_line("New data has been received and stored.".into());
        }
        return Ok(node_response(
            now,
            format!("Data stored on pod {hostname}\n"),
        ));
    }
    let data = cluster
        .runtime
        .fs(key, now)
        .and_then(|fs| {
            match fs
                .resolve("/", DATA, true)
                .ok()
                .and_then(|a| fs.node(&a).map(|n| n.body.clone()))
            {
                Some(Body::File { data, .. }) => Some(data),
                _ => None,
            }
        })
        .unwrap_or_else(|| "No data posted yet".into());
    Ok(node_response(
        now,
        format!("You've hit {hostname}\nData stored on this pod: {data}\n"),
    ))
}

fn httpd(
    cluster: &mut Cluster,
    key: &ContainerKey,
    req: &Request,
    client: &str,
) -> Result<Response, NetError> {
    let now = cluster.now();
    let Some(fs) = cluster.runtime.fs(key, now) else {
        return Err(NetError::Refused);
    };
    let path = req.target.split('?').next().unwrap_or("/");
    let uri = super::nginx::normalise_uri(path).unwrap_or_else(|| "/".into());
    let mut file = format!("/usr/local/apache2/htdocs{uri}");
    if file.ends_with('/') {
        file.push_str("index.html");
    }
    let resp = match fs.stat("/", &file, true) {
        Ok(st) if !st.is_dir() => {
            let body = fs.read("/", &file).unwrap_or_default();
            Response {
                status: 200,
                reason: "OK".into(),
                headers: vec![
                    ("Date".into(), http_date(now)),
                    ("Server".into(), "Apache/2.4.63 (Unix)".into()),
                    ("Last-Modified".into(), http_date(st.mtime)),
                    (
                        "ETag".into(),
                        format!("\"{:x}-{:x}\"", body.len(), st.mtime * 1000),
                    ),
                    ("Accept-Ranges".into(), "bytes".into()),
                    ("Content-Length".into(), body.len().to_string()),
                    ("Content-Type".into(), "text/html".into()),
                ],
                body,
            }
        }
        _ => {
            let body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n".to_string();
            Response {
                status: 404,
                reason: "Not Found".into(),
                headers: vec![
                    ("Date".into(), http_date(now)),
                    ("Server".into(), "Apache/2.4.63 (Unix)".into()),
                    ("Content-Length".into(), body.len().to_string()),
                    (
                        "Content-Type".into(),
                        "text/html; charset=iso-8859-1".into(),
                    ),
                ],
                body,
            }
        }
    };
    let time_local =
        strtime::format("%d/%b/%Y:%H:%M:%S +0000", to_timestamp(now)).unwrap_or_default();
    let len = resp.body.len();
    let line = format!(
        "{client} - - [{time_local}] \"{} {} HTTP/1.1\" {} {len}",
        req.method, req.target, resp.status
    );
    if let Some(c) = cluster.runtime.container_mut(key) {
        c.log_line(line);
    }
    Ok(resp)
}

/// Serve `req` in container `key` on `port` for a client at `client` (an address).
pub fn serve(
    cluster: &mut Cluster,
    key: &ContainerKey,
    port: u16,
    req: &Request,
    client: &str,
) -> Result<Response, NetError> {
    let Some(c) = cluster.runtime.container(key) else {
        return Err(NetError::Refused);
    };
    let app = c.info.app;
    let image = c.image.clone();
    let pod = c.pod.name.clone();
    match app {
        App::Nginx | App::NginxSlim => super::nginx::serve(cluster, key, req, client),
        App::Kubia => kubia(cluster, key, req, client, false),
        App::KubiaPet => kubia(cluster, key, req, client, true),
        App::Httpd => httpd(cluster, key, req, client),
        App::Postgres | App::Mongo => Err(NetError::EmptyReply),
        App::Redis | App::Mysql => Err(NetError::NotHttp),
        App::Generic => {
            let body = format!("kubetutor: {image} is not simulated; pod {pod} accepted this request on port {port}\n");
            Ok(Response {
                status: 200,
                reason: "OK".into(),
                headers: vec![
                    ("Content-Type".into(), "text/plain; charset=utf-8".into()),
                    ("Date".into(), http_date(cluster.now())),
                    ("Content-Length".into(), body.len().to_string()),
                ],
                body,
            })
        }
        App::Pause | App::None => Err(NetError::Refused),
    }
}
