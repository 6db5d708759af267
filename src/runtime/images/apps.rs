//! Application files each image adds on top of its distribution: nginx's html root and
//! configuration, the kubia apps, the database directories, and the programs that are
//! the image's entrypoint.

use super::layout::{dir, file, program, symlink};
use super::ImageInfo;
use crate::api::time::Millis;
use crate::kubelet::images::{App, Userland};
use crate::runtime::fs::{Inode, Volume};

const NGINX_INDEX: &str = include_str!("data/nginx-index.html");
const NGINX_50X: &str = include_str!("data/nginx-50x.html");
const NGINX_INDEX_OLD: &str = include_str!("data/nginx-index-1.13.html");
const NGINX_50X_OLD: &str = include_str!("data/nginx-50x-1.13.html");
const NGINX_MIME_TYPES: &str = include_str!("data/nginx-mime.types");

/// `/etc/nginx/conf.d/default.conf` of nginx.org's packages, after the image's
/// entrypoint enabled IPv6.
pub const NGINX_DEFAULT_CONF: &str = "server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    #access_log  /var/log/nginx/host.access.log  main;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    #error_page  404              /404.html;\n\n    # redirect server error pages to the static page /50x.html\n    #\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n\n    # proxy the PHP scripts to Apache listening on 127.0.0.1:80\n    #\n    #location ~ \\.php$ {\n    #    proxy_pass   http://127.0.0.1;\n    #}\n\n    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000\n    #\n    #location ~ \\.php$ {\n    #    root           html;\n    #    fastcgi_pass   127.0.0.1:9000;\n    #    fastcgi_index  index.php;\n    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;\n    #    include        fastcgi_params;\n    #}\n\n    # deny access to .htaccess files, if Apache's document root\n    # concurs with nginx's one\n    #\n    #location ~ /\\.ht {\n    #    deny  all;\n    #}\n}\n\n";

const NGINX_CONF: &str = "\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '\n                      '$status $body_bytes_sent \"$http_referer\" '\n                      '\"$http_user_agent\" \"$http_x_forwarded_for\"';\n\n    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    #tcp_nopush     on;\n\n    keepalive_timeout  65;\n\n    #gzip  on;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n";

/// The kubia app (Kubernetes in Action, chapter 2), as the image holds it.
const KUBIA_APP: &str = "const http = require('http');\nconst os = require('os');\n\nconsole.log(\"Kubia server starting...\");\n\n// Log who asked, answer with this pod's hostname.\nhttp.createServer(function(request, response) {\n  console.log(\"Received request from \" + request.connection.remoteAddress);\n  response.writeHead(200);\n  response.end(\"You've hit \" + os.hostname() + \"\\n\");\n}).listen(8080);\n";

/// The kubia-pet app (chapter 10): GET shows the stored data, POST stores it.
const KUBIA_PET_APP: &str = "const http = require('http');\nconst os = require('os');\nconst fs = require('fs');\n\nconst dataFile = \"/var/data/kubia.txt\";\n\n// GET: \"You've hit <hostname>\" and the data stored on this pod.\n// POST: store the request body in dataFile.\nhttp.createServer(function(request, response) {\n  if (request.method == 'POST') {\n    var file = fs.createWriteStream(dataFile);\n    file.on('open', function () {\n      request.pipe(file);\n      console.log(\"New data has been received and stored.\");\n      response.writeHead(200);\n      response.end(\"Data stored on pod \" + os.hostname() + \"\\n\");\n    });\n  } else {\n    var data = fs.existsSync(dataFile) ? fs.readFileSync(dataFile, 'utf8') : \"No data posted yet\";\n    response.writeHead(200);\n    response.write(\"You've hit \" + os.hostname() + \"\\n\");\n    response.end(\"Data stored on this pod: \" + data + \"\\n\");\n  }\n}).listen(8080);\n";

/// The nginx version an image tag runs (`nginx:1.25` is 1.25.5, untagged is 1.27.4).
pub fn nginx_version(info: &ImageInfo) -> &'static str {
    if info.app == App::NginxSlim {
        return "1.13.3";
    }
    let tag = info.tag.split('-').next().unwrap_or("");
    const KNOWN: &[(&str, &str)] = &[
        ("1.27", "1.27.4"),
        ("1.26", "1.26.3"),
        ("1.25", "1.25.5"),
        ("1.24", "1.24.0"),
        ("1.23", "1.23.4"),
        ("1.22", "1.22.1"),
        ("1.21", "1.21.6"),
        ("1.20", "1.20.2"),
        ("1.19", "1.19.10"),
        ("1.18", "1.18.0"),
        ("1.17", "1.17.10"),
        ("1.16", "1.16.1"),
        ("1.15", "1.15.12"),
        ("1.14", "1.14.2"),
        ("stable", "1.26.3"),
        ("1", "1.27.4"),
    ];
    for (prefix, full) in KNOWN {
        if tag == *prefix || tag.starts_with(&format!("{prefix}.")) {
            // An exact patch release names itself.
            if tag.len() > prefix.len() {
                return match tag {
                    "1.27.0" => "1.27.0",
                    "1.27.1" => "1.27.1",
                    "1.27.2" => "1.27.2",
                    "1.27.3" => "1.27.3",
                    "1.25.0" => "1.25.0",
                    "1.25.1" => "1.25.1",
                    "1.25.2" => "1.25.2",
                    "1.25.3" => "1.25.3",
                    "1.25.4" => "1.25.4",
                    "1.24.0" => "1.24.0",
                    "1.23.0" => "1.23.0",
                    "1.21.0" => "1.21.0",
                    _ => full,
                };
            }
            return full;
        }
    }
    "1.27.4"
}

/// Whether this nginx ships the welcome page with dark-mode support (1.21.2 and later).
fn modern_nginx(version: &str) -> bool {
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (a, b, c) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    (a, b, c) >= (1, 21, 2)
}

/// When nginx.org's package wrote the html files (they keep the package's mtime).
pub const NGINX_HTML_MTIME: Millis = 1_738_753_592_000;

fn nginx(v: &mut Volume, info: &ImageInfo, t: Millis) {
    let version = nginx_version(info);
    let modern = modern_nginx(version);
    let html_t = if info.app == App::Nginx {
        NGINX_HTML_MTIME
    } else {
        t
    };
    dir(v, "/usr/share/nginx/html", 0o755, html_t);
    file(
        v,
        "/usr/share/nginx/html/index.html",
        if modern { NGINX_INDEX } else { NGINX_INDEX_OLD },
        0o644,
        html_t,
    );
    file(
        v,
        "/usr/share/nginx/html/50x.html",
        if modern { NGINX_50X } else { NGINX_50X_OLD },
        0o644,
        html_t,
    );
    file(v, "/etc/nginx/nginx.conf", NGINX_CONF, 0o644, t);
    file(v, "/etc/nginx/mime.types", NGINX_MIME_TYPES, 0o644, t);
    file(
        v,
        "/etc/nginx/conf.d/default.conf",
        NGINX_DEFAULT_CONF,
        0o644,
        t,
    );
    for f in ["fastcgi_params", "scgi_params", "uwsgi_params"] {
        file(v, &format!("/etc/nginx/{f}"), "\n", 0o644, t);
    }
    symlink(v, "/etc/nginx/modules", "/usr/lib/nginx/modules", t);
    dir(v, "/usr/lib/nginx/modules", 0o755, t);
    dir(v, "/var/cache/nginx", 0o755, t);
    dir(v, "/var/log/nginx", 0o755, t);
    symlink(v, "/var/log/nginx/access.log", "/dev/stdout", t);
    symlink(v, "/var/log/nginx/error.log", "/dev/stderr", t);
    program(v, "/usr/sbin/nginx", "nginx", 1_343_680, t);
    if info.app == App::Nginx {
        program(v, "/usr/sbin/nginx-debug", "nginx", 1_437_320, t);
        if info.userland != Userland::Alpine {
            program(v, "/usr/bin/curl", "curl", 281_608, t);
        } else {
            program(v, "/usr/bin/curl", "curl", 255_928, t);
        }
        program(v, "/usr/bin/envsubst", "envsubst", 35_336, t);
        let entry = "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nexec \"$@\"\n";
        file(v, "/docker-entrypoint.sh", entry, 0o775, t);
        dir(v, "/docker-entrypoint.d", 0o755, t);
        for s in [
            "10-listen-on-ipv6-by-default.sh",
            "15-local-resolvers.envsh",
            "20-envsubst-on-templates.sh",
            "30-tune-worker-processes.sh",
        ] {
            file(
                v,
                &format!("/docker-entrypoint.d/{s}"),
                "#!/bin/sh\n",
                0o775,
                t,
            );
        }
    } else {
        // nginx-slim (an Ubuntu-slim based test image) ships curl too: the
        // StatefulSet tutorial curls localhost from inside it.
        program(v, "/usr/bin/curl", "curl", 182_360, t);
    }
    let passwd_line = "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n";
    append(v, "/etc/passwd", passwd_line);
    append(v, "/etc/group", "nginx:x:101:\n");
}

fn append(v: &mut Volume, path: &str, line: &str) {
    let parts: Vec<String> = path
        .split('/')
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect();
    if let Some(Inode {
        body: crate::runtime::fs::Body::File { data, .. },
        ..
    }) = v.get_mut(&parts)
    {
        data.push_str(line);
    }
}

/// Add the application's files.
pub fn add(v: &mut Volume, info: &ImageInfo, t: Millis) {
    match info.app {
        App::Nginx | App::NginxSlim => nginx(v, info, t),
        App::Kubia | App::KubiaPet => {
            program(v, "/usr/local/bin/node", "node", 31_245_112, t);
            program(v, "/usr/local/bin/npm", "npm", 4_096, t);
            program(v, "/usr/local/bin/yarn", "yarn", 4_096, t);
            let app = if info.app == App::Kubia {
                KUBIA_APP
            } else {
                KUBIA_PET_APP
            };
            file(v, "/app.js", app, 0o644, t);
            if info.app == App::KubiaPet {
                dir(v, "/var/data", 0o755, t);
            }
        }
        App::Postgres => {
            for p in [
                "postgres",
                "psql",
                "initdb",
                "pg_ctl",
                "pg_dump",
                "pg_isready",
            ] {
                program(
                    v,
                    &format!("/usr/lib/postgresql/17/bin/{p}"),
                    "postgres",
                    9_812_456,
                    t,
                );
            }
            program(v, "/usr/bin/psql", "postgres", 9_812_456, t);
            program(v, "/usr/local/bin/gosu", "gosu", 2_273_280, t);
            file(
                v,
                "/usr/local/bin/docker-entrypoint.sh",
                "#!/usr/bin/env bash\n",
                0o755,
                t,
            );
            let mut data = Inode::dir(0o700, t);
            data.uid = 999;
            data.gid = 999;
            v.seed("/var/lib/postgresql/data", data);
            let mut run = Inode::dir(0o3777, t);
            run.uid = 999;
            run.gid = 999;
            v.seed("/var/run/postgresql", run);
            append(
                v,
                "/etc/passwd",
                "postgres:x:999:999::/var/lib/postgresql:/bin/bash\n",
            );
            append(v, "/etc/group", "postgres:x:999:\n");
        }
        App::Redis => {
            program(v, "/usr/local/bin/redis-server", "redis", 15_034_512, t);
            program(v, "/usr/local/bin/redis-cli", "redis", 8_124_616, t);
            dir(v, "/data", 0o755, t);
        }
        App::Httpd => {
            program(v, "/usr/local/apache2/bin/httpd", "httpd", 1_120_000, t);
            program(v, "/usr/local/bin/httpd-foreground", "httpd", 133, t);
            file(
                v,
                "/usr/local/apache2/htdocs/index.html",
                "<html><body><h1>It works!</h1></body></html>\n",
                0o644,
                t,
            );
        }
        App::Mysql => {
            program(v, "/usr/sbin/mysqld", "mysql", 71_000_000, t);
            program(v, "/usr/bin/mysql", "mysql", 8_000_000, t);
            dir(v, "/var/lib/mysql", 0o755, t);
        }
        App::Mongo => {
            program(v, "/usr/bin/mongod", "mongo", 180_000_000, t);
            program(v, "/usr/bin/mongosh", "mongo", 110_000_000, t);
            dir(v, "/data/db", 0o755, t);
        }
        App::Pause => program(v, "/pause", "pause", 742_472, t),
        App::None | App::Generic => {}
    }
}
