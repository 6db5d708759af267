//! What `kubectl logs` shows: each image's start-up output, stamped from the container's
//! start time in the pod status (nginx's entrypoint and notices, postgres's initdb run
//! or its missing-password error, httpd's notices, kubia's greeting), followed by what
//! the process wrote while it ran (access and error logs, kubia's request lines).
//! luksa/kubia-pet prints nothing at start-up: its app.js only logs each POST.

use crate::api::time::{from_time, to_timestamp, Millis};
use crate::cluster::Cluster;
use crate::kubelet::images::{App, Userland};
use crate::runtime::applets::system::KERNEL_RELEASE;
use crate::runtime::images::{self, nginx_version, ImageInfo};
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Container, Pod};
use k8s_openapi::jiff::fmt::strtime;

/// Why there are no logs to show (kubectl words these; see each variant).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogsError {
    PodNotFound,
    /// `container "X" is not valid for pod "Y"`
    ContainerNotFound,
    /// `container "X" in pod "Y" is waiting to start: REASON`
    WaitingToStart {
        reason: String,
    },
    /// `previous terminated container "X" in pod "Y" not found`
    NoPrevious,
}

fn stamp(fmt: &str, ms: Millis) -> String {
    strtime::format(fmt, to_timestamp(ms)).unwrap_or_default()
}

fn has_env(c: &Container, name: &str) -> bool {
    c.env
        .iter()
        .flatten()
        .any(|e| e.name == name && e.value.as_deref().is_none_or(|v| !v.is_empty()))
}

/// nginx.org image start-up: the entrypoint's configuration steps, then nginx's notices.
fn nginx_start(
    info: &ImageInfo,
    t: Millis,
    conf_read_only: bool,
    conf_present: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let version = nginx_version(info);
    if info.app == App::Nginx {
        let ep = "/docker-entrypoint.sh";
        let me = "10-listen-on-ipv6-by-default.sh";
        out.push(format!(
            "{ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
        ));
        out.push(format!(
            "{ep}: Looking for shell scripts in /docker-entrypoint.d/"
        ));
        out.push(format!("{ep}: Launching /docker-entrypoint.d/{me}"));
        if !conf_present {
            out.push(format!(
                "{me}: info: /etc/nginx/conf.d/default.conf is not a file or does not exist"
            ));
        } else if conf_read_only {
            out.push(format!("{me}: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)"));
        } else {
            out.push(format!(
                "{me}: info: Getting the checksum of /etc/nginx/conf.d/default.conf"
            ));
            out.push(format!(
                "{me}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"
            ));
        }
        let minor: u32 = version
            .split('.')
            .nth(1)
            .and_then(|m| m.parse().ok())
            .unwrap_or(27);
        let patch: u32 = version
            .split('.')
            .nth(2)
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        if (minor, patch) >= (25, 3) {
            out.push(format!(
                "{ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"
            ));
        }
        out.push(format!(
            "{ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"
        ));
        out.push(format!(
            "{ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"
        ));
        out.push(format!("{ep}: Configuration complete; ready for start up"));
        let s = stamp("%Y/%m/%d %H:%M:%S", t);
        let gcc = if info.userland == Userland::Alpine {
            "gcc 14.2.0 (Alpine 14.2.0) "
        } else if minor >= 25 || minor == 24 {
            "gcc 12.2.0 (Debian 12.2.0-14) "
        } else {
            "gcc 10.2.1 20210110 (Debian 10.2.1-6) "
        };
        for line in [
            "using the \"epoll\" event method".to_string(),
            format!("nginx/{version}"),
            format!("built by {gcc}"),
            format!("OS: Linux {KERNEL_RELEASE}"),
            "getrlimit(RLIMIT_NOFILE): 1048576:1048576".to_string(),
            "start worker processes".to_string(),
        ] {
            out.push(format!("{s} [notice] 1#1: {line}"));
        }
        for w in 29..37 {
            out.push(format!("{s} [notice] 1#1: start worker process {w}"));
        }
    }
    out
}

const PG_NO_PASSWORD: &str = "Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".\n\n       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about \"trust\":\n       https://www.postgresql.org/docs/current/auth-trust.html";

fn pg_time(ms: Millis) -> String {
    format!(
        "{}.{:03} UTC",
        stamp("%Y-%m-%d %H:%M:%S", ms),
        ms.rem_euclid(1000)
    )
}

fn postgres_start(t: Millis, fresh: bool) -> Vec<String> {
    let banner = "starting PostgreSQL 17.4 (Debian 17.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit";
    let mut out: Vec<String> = Vec::new();
    let at = |d: Millis| pg_time(t + d);
    if fresh {
        for l in [
            "The files belonging to this database system will be owned by user \"postgres\".",
            "This user must also own the server process.",
            "",
            "The database cluster will be initialized with locale \"en_US.utf8\".",
            "The default database encoding has accordingly been set to \"UTF8\".",
            "The default text search configuration will be set to \"english\".",
            "",
            "Data page checksums are disabled.",
            "",
            "fixing permissions on existing directory /var/lib/postgresql/data ... ok",
            "creating subdirectories ... ok",
            "selecting dynamic shared memory implementation ... posix",
            "selecting default \"max_connections\" ... 100",
            "selecting default \"shared_buffers\" ... 128MB",
            "selecting default time zone ... Etc/UTC",
            "creating configuration files ... ok",
            "running bootstrap script ... ok",
            "performing post-bootstrap initialization ... ok",
            "syncing data to disk ... ok",
            "",
            "",
            "Success. You can now start the database server using:",
            "",
            "    pg_ctl -D /var/lib/postgresql/data -l logfile start",
            "",
            "initdb: warning: enabling \"trust\" authentication for local connections",
            "initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.",
        ] {
            out.push(l.to_string());
        }
        out.push(format!(
            "waiting for server to start....{} [48] LOG:  {banner}",
            at(1_210)
        ));
        out.push(format!(
            "{} [48] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
            at(1_212)
        ));
        out.push(format!(
            "{} [51] LOG:  database system was shut down at {}",
            at(1_218),
            stamp("%Y-%m-%d %H:%M:%S UTC", t + 1_000)
        ));
        out.push(format!(
            "{} [48] LOG:  database system is ready to accept connections",
            at(1_223)
        ));
        for l in [
            " done",
            "server started",
            "",
            "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*",
            "",
        ] {
            out.push(l.to_string());
        }
        out.push(format!(
            "waiting for server to shut down...{} [48] LOG:  received fast shutdown request",
            at(1_330)
        ));
        out.push(format!(
            ".{} [48] LOG:  aborting any active transactions",
            at(1_332)
        ));
        out.push(format!("{} [48] LOG:  background worker \"logical replication launcher\" (PID 54) exited with exit code 1", at(1_334)));
        out.push(format!("{} [49] LOG:  shutting down", at(1_335)));
        out.push(format!(
            "{} [49] LOG:  checkpoint starting: shutdown immediate",
            at(1_337)
        ));
        out.push(format!("{} [49] LOG:  checkpoint complete: wrote 921 buffers (5.6%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.025 s, sync=0.107 s, total=0.145 s; sync files=301, longest=0.003 s, average=0.001 s; distance=4238 kB, estimate=4238 kB; lsn=0/1908990, redo lsn=0/1908990", at(1_482)));
        out.push(format!(
            "{} [48] LOG:  database system is shut down",
            at(1_487)
        ));
        for l in [
            " done",
            "server stopped",
            "",
            "PostgreSQL init process complete; ready for start up.",
            "",
        ] {
            out.push(l.to_string());
        }
    } else {
        out.push(String::new());
        out.push(
            "PostgreSQL Database directory appears to contain a database; Skipping initialization"
                .into(),
        );
        out.push(String::new());
    }
    let base = if fresh { 1_560 } else { 60 };
    out.push(format!("{} [1] LOG:  {banner}", at(base)));
    out.push(format!(
        "{} [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
        at(base)
    ));
    out.push(format!(
        "{} [1] LOG:  listening on IPv6 address \"::\", port 5432",
        at(base)
    ));
    out.push(format!(
        "{} [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
        at(base + 3)
    ));
    out.push(format!(
        "{} [{}] LOG:  database system was shut down at {}",
        at(base + 8),
        if fresh { 64 } else { 29 },
        stamp("%Y-%m-%d %H:%M:%S UTC", t + base - 100)
    ));
    out.push(format!(
        "{} [1] LOG:  database system is ready to accept connections",
        at(base + 14)
    ));
    out
}

fn httpd_start(t: Millis, ip: &str) -> Vec<String> {
    let fqdn = format!("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message");
    let s = format!(
        "{}.{:06} {}",
        stamp("%a %b %d %H:%M:%S", t),
        (t % 1000) * 1000 + 123,
        stamp("%Y", t)
    );
    vec![
        fqdn.clone(),
        fqdn,
        format!("[{s}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations"),
        format!("[{s}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"),
    ]
}

/// Whether postgres found its data directory empty when container `c` of `pod` started
/// at `started`, judged from the cluster's history when the runtime has not seen the
/// data: a claim's volume created just before (the first pod on it) is empty, an older
/// one was initialised by an earlier pod; an emptyDir is empty on the pod's first start
/// only; the container's own layer is empty on every start.
pub fn pg_data_was_empty(
    cluster_store: &crate::store::Store,
    pod: &Pod,
    c: &Container,
    started: Millis,
) -> bool {
    let pgdata = c
        .env
        .iter()
        .flatten()
        .find(|e| e.name == "PGDATA")
        .and_then(|e| e.value.clone())
        .unwrap_or_else(|| "/var/lib/postgresql/data".into());
    let Some(vm) = c
        .volume_mounts
        .iter()
        .flatten()
        .filter(|m| {
            let mp = m.mount_path.trim_end_matches('/');
            pgdata == mp || pgdata.starts_with(&format!("{mp}/"))
        })
        .max_by_key(|m| m.mount_path.len())
    else {
        return true;
    };
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let vol = pod
        .spec
        .as_ref()
        .and_then(|s| s.volumes.iter().flatten().find(|v| v.name == vm.name));
    let restarts = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().find(|s| s.name == c.name))
        .map(|s| s.restart_count)
        .unwrap_or(0);
    match vol {
        Some(v) if v.empty_dir.is_some() => restarts == 0,
        Some(v) if v.persistent_volume_claim.is_some() => {
            let claim = v
                .persistent_volume_claim
                .as_ref()
                .map(|c| c.claim_name.clone())
                .unwrap_or_default();
            let pv = cluster_store
                .get(&ObjKey::new(
                    crate::api::Kind::PersistentVolumeClaim,
                    &ns,
                    &claim,
                ))
                .and_then(|o| {
                    o.as_typed::<k8s_openapi::api::core::v1::PersistentVolumeClaim>()
                        .cloned()
                })
                .and_then(|pvc| pvc.spec?.volume_name)
                .and_then(|n| {
                    cluster_store
                        .get(&ObjKey::new(crate::api::Kind::PersistentVolume, "", &n))
                        .cloned()
                });
            let created = pv.and_then(|o| o.meta().creation_timestamp.as_ref().map(from_time));
            created.is_none_or(|t| started - t < 120_000) && restarts == 0
        }
        _ => false,
    }
}

/// A log that stops recording when the replay reaches its end.
struct ReplayLog {
    text: String,
    stopped: std::rc::Rc<std::cell::Cell<bool>>,
}

impl crate::kubectl::output::Sink for ReplayLog {
    fn out(&mut self, text: &str) {
        if !self.stopped.get() && self.text.len() < crate::runtime::host::MAX_OUTPUT {
            self.text.push_str(text);
        }
    }
    fn err(&mut self, text: &str) {
        self.out(text);
    }
}

/// What a plain OS image's command printed between `from` and `until`: the command
/// replayed on a copy of the cluster, its `sleep`s passing on the replay's own clock.
fn replay_output(
    cluster: &Cluster,
    pod: &ObjKey,
    container: &str,
    from: Millis,
    until: Millis,
) -> String {
    let mut copy = cluster.clone();
    let stopped = std::rc::Rc::new(std::cell::Cell::new(false));
    let mut host = crate::runtime::PodHost::new(&mut copy, pod, container).replaying(
        from,
        until,
        stopped.clone(),
    );
    let argv = host
        .container()
        .map(|c| c.command.clone())
        .unwrap_or_default();
    let mut log = ReplayLog {
        text: String::new(),
        stopped,
    };
    let _ = host.exec(&argv, None, &mut log);
    log.text
}

/// Start-up lines of one container instance.
fn start_lines(
    cluster: &Cluster,
    pod: &Pod,
    c: &Container,
    started: Millis,
    exit_code: Option<i32>,
    fresh_db: bool,
) -> Vec<String> {
    let image = c.image.clone().unwrap_or_default();
    let info = images::info(&image);
    let has_command = c.command.as_ref().is_some_and(|v| !v.is_empty());
    match info.app {
        App::Nginx | App::NginxSlim if !has_command => {
            let ro = c.volume_mounts.iter().flatten().any(|m| {
                m.mount_path.trim_end_matches('/') == "/etc/nginx/conf.d"
                    || m.mount_path == "/etc/nginx/conf.d/default.conf"
            });
            let present = !c.volume_mounts.iter().flatten().any(|m| {
                m.mount_path.trim_end_matches('/') == "/etc/nginx/conf.d" && m.sub_path.is_none()
            }) || config_has_default(cluster, pod, c);
            nginx_start(&info, started, ro, present)
        }
        App::Postgres => {
            let password =
                has_env(c, "POSTGRES_PASSWORD") || has_env(c, "POSTGRES_HOST_AUTH_METHOD");
            if !password && (exit_code == Some(1) || fresh_db) {
                PG_NO_PASSWORD.lines().map(String::from).collect()
            } else {
                postgres_start(started, fresh_db)
            }
        }
        App::Httpd => httpd_start(
            started,
            pod.status
                .as_ref()
                .and_then(|s| s.pod_ip.as_deref())
                .unwrap_or(""),
        ),
        App::Kubia => vec!["Kubia server starting...".into()],
        _ => vec![],
    }
}

/// Whether a configMap mounted over conf.d has a `default.conf` key.
fn config_has_default(cluster: &Cluster, pod: &Pod, c: &Container) -> bool {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    let Some(vm) = c
        .volume_mounts
        .iter()
        .flatten()
        .find(|m| m.mount_path.trim_end_matches('/') == "/etc/nginx/conf.d")
    else {
        return true;
    };
    let Some(vol) = pod
        .spec
        .as_ref()
        .and_then(|s| s.volumes.iter().flatten().find(|v| v.name == vm.name))
    else {
        return false;
    };
    let Some(cm) = &vol.config_map else {
        return false;
    };
    cluster
        .api
        .store
        .get(&ObjKey::new(crate::api::Kind::ConfigMap, &ns, &cm.name))
        .and_then(|o| {
            o.as_typed::<k8s_openapi::api::core::v1::ConfigMap>()
                .cloned()
        })
        .and_then(|m| m.data)
        .is_some_and(|d| d.contains_key("default.conf"))
}

/// `kubectl logs POD -c CONTAINER [--previous]`.
pub fn logs(
    cluster: &Cluster,
    pod: &ObjKey,
    container: &str,
    previous: bool,
) -> Result<String, LogsError> {
    let p = cluster
        .api
        .store
        .get(pod)
        .and_then(|o| o.as_typed::<Pod>().cloned())
        .ok_or(LogsError::PodNotFound)?;
    let spec = p.spec.clone().unwrap_or_default();
    let c = spec
        .containers
        .iter()
        .chain(spec.init_containers.iter().flatten())
        .find(|c| c.name == container)
        .cloned()
        .ok_or(LogsError::ContainerNotFound)?;
    let status = p
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().find(|s| s.name == container))
        .cloned();
    let waiting = || LogsError::WaitingToStart {
        reason: status
            .as_ref()
            .and_then(|s| s.state.as_ref())
            .and_then(|s| s.waiting.as_ref())
            .and_then(|w| w.reason.clone())
            .unwrap_or_else(|| "ContainerCreating".into()),
    };
    let Some(st) = status.clone() else {
        return Err(if previous {
            LogsError::NoPrevious
        } else {
            waiting()
        });
    };
    let last = st.last_state.as_ref().and_then(|s| s.terminated.clone());
    let state = st.state.clone().unwrap_or_default();
    // (started, finished, exit code, container id, is the runtime's current instance)
    let ended = |t: &k8s_openapi::api::core::v1::ContainerStateTerminated| {
        t.finished_at.as_ref().map(from_time)
    };
    let (started, finished, exit, id, current) = if previous {
        let t = last.ok_or(LogsError::NoPrevious)?;
        (
            t.started_at.as_ref().map(from_time),
            ended(&t),
            Some(t.exit_code),
            t.container_id.clone(),
            false,
        )
    } else if let Some(r) = &state.running {
        (
            r.started_at.as_ref().map(from_time),
            None,
            None,
            st.container_id.clone(),
            true,
        )
    } else if let Some(t) = &state.terminated {
        (
            t.started_at.as_ref().map(from_time),
            ended(t),
            Some(t.exit_code),
            t.container_id.clone(),
            true,
        )
    } else if let Some(t) = last {
        (
            t.started_at.as_ref().map(from_time),
            ended(&t),
            Some(t.exit_code),
            t.container_id.clone(),
            false,
        )
    } else {
        return Err(waiting());
    };
    let started = started.unwrap_or_else(|| cluster.now());
    let uid = p.metadata.uid.clone().unwrap_or_default();
    let key = crate::runtime::ContainerKey {
        pod_uid: uid,
        container: container.to_string(),
    };
    let known = cluster.runtime.container(&key);
    let seen = known.filter(|k| {
        let id = id.clone().unwrap_or_default();
        current && (k.instance == id || id.is_empty())
    });
    let fresh_db = match seen {
        Some(k) => k.fresh_db,
        None => pg_data_was_empty(&cluster.api.store, &p, &c, started),
    };
    let mut lines = start_lines(cluster, &p, &c, started, exit, fresh_db);
    let info = images::info(c.image.as_deref().unwrap_or(""));
    let has_command = c.command.as_ref().is_some_and(|v| !v.is_empty())
        || c.args.as_ref().is_some_and(|v| !v.is_empty());
    if info.app == App::None && has_command {
        let until = finished.unwrap_or_else(|| cluster.now());
        let text = replay_output(cluster, pod, container, started, until);
        lines.extend(text.lines().map(String::from));
    }
    if let Some(k) = known {
        let id = id.unwrap_or_default();
        if current && (k.instance == id || id.is_empty()) {
            lines.extend(k.log.iter().cloned());
        } else if !current {
            // The runtime may not have seen the newer instance yet: then what it holds
            // is this older one's.
            let running_id = st.container_id.clone().unwrap_or_default();
            if state.running.is_some() && k.instance != running_id {
                lines.extend(k.log.iter().cloned());
            } else {
                lines.extend(k.previous_log.iter().flatten().cloned());
            }
        }
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nginx_start_up_matches_the_image() {
        let info = images::info("nginx:1.27");
        let lines = nginx_start(&info, crate::api::time::EPOCH_MS + 7_000, false, true);
        assert_eq!(lines[0], "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
        assert!(lines.contains(&"2025/03/03 10:00:07 [notice] 1#1: nginx/1.27.4".to_string()));
        assert!(lines.contains(
            &"2025/03/03 10:00:07 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) "
                .to_string()
        ));
        assert_eq!(
            lines.last().unwrap(),
            "2025/03/03 10:00:07 [notice] 1#1: start worker process 36"
        );
    }
}
