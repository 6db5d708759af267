//! The network from inside a pod: the client side curl and wget share, the DNS tools
//! (answered by `crate::network::tools`), and the version and control switches of the
//! images' own programs (`nginx -v`, `node -v`).

use super::Call;
use crate::kubectl::output::Sink;
use crate::network::tools::{self, Asker};
use crate::runtime::host::PodHost;
use crate::runtime::http::Client;
use crate::runtime::images::nginx_version;

/// The client side of the pod doing the asking.
pub(super) fn client(host: &mut PodHost<'_>) -> Option<Client> {
    let c = host.container()?.clone();
    let hosts = host
        .fs()
        .and_then(|fs| fs.read("/", "/etc/hosts").ok())
        .unwrap_or_default();
    Some(Client {
        pod: c.pod.clone(),
        ip: c.pod_ip.clone(),
        namespace: c.pod.namespace.to_string(),
        hosts,
    })
}

fn asker<'a>(host: &PodHost<'_>, ns: &'a str, image: &'a str, node: &'a str) -> Asker<'a> {
    Asker {
        namespace: ns,
        now: host.now(),
        image,
        node,
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
    let node = host
        .cluster
        .api
        .store
        .get(&c.pod)
        .and_then(|o| o.as_typed::<k8s_openapi::api::core::v1::Pod>())
        .and_then(|p| p.spec.as_ref().and_then(|s| s.node_name.clone()))
        .unwrap_or_default();
    let a = asker(host, &c.pod.namespace, &c.image, &node);
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
