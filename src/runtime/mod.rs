//! The pod runtime: what runs inside the simulated containers (containerd's role plus
//! the programs in the images).
//!
//! [`Runtime`] (in `Cluster.runtime`) holds every container's root filesystem, keyed by
//! pod uid and container name and created lazily, from the image's seed, the first time
//! something enters the container (`kubectl exec`, an HTTP request, `kubectl logs`), so
//! the kubelet need not know about it. A container restart (a new container ID in the pod
//! status) starts from a fresh root filesystem, as a new container does. Volume data is
//! keyed by the volume's identity (see [`volumes`]): a claim's data follows its bound
//! PersistentVolume across pod replacement. Entries of pods and volumes that no longer
//! exist are dropped lazily, when the runtime is next used.
//!
//! Parts:
//! - [`fs`]: in-memory filesystems, mounts, path resolution, capacity;
//! - [`images`]: what each image's filesystem holds; [`podfiles`]: what the kubelet adds
//!   (`/etc/hosts`, `/etc/resolv.conf`, the environment);
//! - [`applets`]: the programs (busybox and GNU flavours), [`http`]: servers and clients;
//! - [`host`]: [`PodHost`], the shell's host for one container, and [`exec`];
//! - [`logs`]: what `kubectl logs` shows; [`fill`]: the volume-filling drill.
//!
//! Bounds: see [`fs`] for sizes; one `exec` writes at most [`host::MAX_OUTPUT`] bytes and
//! sleeps at most [`host::MAX_SLEEP_MS`] of virtual time in total.

pub mod applets;
pub mod fill;
pub mod fs;
pub mod host;
pub mod http;
pub mod images;
pub mod logs;
pub mod podfiles;
mod shell_adapter;
pub mod volumes;

pub use host::{exec, image_shell, ExecResult, PodHost};
pub use logs::{logs, LogsError};

use crate::api::time::Millis;
use crate::api::Kind;
use crate::store::{ObjKey, Store};
use fs::view::{Mount, PodFs};
use fs::{Body, Inode, Volume};
use images::ImageInfo;
use k8s_openapi::api::core::v1::{Container as ContainerSpec, Pod};
use std::collections::{BTreeMap, BTreeSet};
use volumes::VolumeId;

/// Log lines kept per container instance (older ones are rotated away, as the kubelet's
/// log rotation does).
pub const MAX_LOG_LINES: usize = 10_000;

/// A container: pod uid and container name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContainerKey {
    pub pod_uid: String,
    pub container: String,
}

/// One running container instance as the runtime knows it.
#[derive(Clone, Debug)]
pub struct Container {
    pub pod: ObjKey,
    pub name: String,
    /// The container ID from the pod status (a restart makes a new instance).
    pub instance: String,
    pub image: String,
    pub info: ImageInfo,
    /// Mounts, `/` first.
    pub mounts: Vec<Mount>,
    pub env: Vec<(String, String)>,
    pub workdir: String,
    pub hostname: String,
    pub pod_ip: String,
    pub node: String,
    pub started_at: Millis,
    /// The main process's command line (ENTRYPOINT/CMD or the pod's command and args).
    pub command: Vec<String>,
    pub uid: u32,
    pub gid: u32,
    /// What the main process wrote after start-up (access logs, ...), in order.
    pub log: Vec<String>,
    /// The previous instance's lines (`kubectl logs --previous`).
    pub previous_log: Option<Vec<String>>,
    /// Next PID for processes started by `exec`.
    pub next_pid: u32,
    /// Connections served (nginx numbers them in its error log).
    pub connections: u64,
    /// postgres: this instance found an empty data directory and ran initdb.
    pub fresh_db: bool,
}

impl Container {
    /// Append a line to the container's log (bounded).
    pub fn log_line(&mut self, line: String) {
        self.log.push(line);
        if self.log.len() > MAX_LOG_LINES {
            let excess = self.log.len() - MAX_LOG_LINES;
            self.log.drain(..excess);
        }
    }
}

/// All containers' filesystems and the volumes they mount.
#[derive(Clone, Debug, Default)]
pub struct Runtime {
    containers: BTreeMap<ContainerKey, Container>,
    volumes: BTreeMap<VolumeId, Volume>,
    /// The next endpoint index per Service (kube-proxy's choice, made deterministic:
    /// round-robin over the ready endpoints in address order).
    round_robin: BTreeMap<ObjKey, usize>,
    /// Store resourceVersion at the last pruning.
    pruned_at: u64,
}

fn container_spec(pod: &Pod, name: &str) -> Option<ContainerSpec> {
    let spec = pod.spec.as_ref()?;
    spec.containers
        .iter()
        .chain(spec.init_containers.iter().flatten())
        .find(|c| c.name == name)
        .cloned()
}

fn instance_of(pod: &Pod, name: &str) -> String {
    let st = pod.status.as_ref();
    st.and_then(|s| {
        s.container_statuses
            .iter()
            .flatten()
            .chain(s.init_container_statuses.iter().flatten())
            .find(|c| c.name == name)
            .map(|c| {
                c.container_id
                    .clone()
                    .unwrap_or_else(|| format!("restart-{}", c.restart_count))
            })
    })
    .unwrap_or_else(|| "none".into())
}

/// The physical form of an absolute path in a root filesystem (symbolic links along it
/// resolved, as runc resolves mount targets: `/var/run/secrets` is `/run/secrets` in
/// Debian images).
fn physical(root: &Volume, path: &[String]) -> Vec<String> {
    let mut done: Vec<String> = Vec::new();
    let mut todo: std::collections::VecDeque<String> = path.iter().cloned().collect();
    let mut hops = 0;
    while let Some(c) = todo.pop_front() {
        match c.as_str() {
            "." => continue,
            ".." => {
                done.pop();
                continue;
            }
            _ => {}
        }
        done.push(c);
        if let Some(Inode {
            body: Body::Symlink(t),
            ..
        }) = root.get(&done)
        {
            hops += 1;
            if hops > 16 {
                break;
            }
            done.pop();
            if t.starts_with('/') {
                done.clear();
            }
            for p in t.split('/').filter(|p| !p.is_empty()).rev() {
                todo.push_front(p.to_string());
            }
        }
    }
    done
}

/// Follow symbolic links inside one volume (a subPath into a configMap volume names the
/// `..data` link, the kubelet mounts the file behind it).
fn canonical_sub(v: &Volume, sub: &[String]) -> Vec<String> {
    let mut cur: Vec<String> = Vec::new();
    let mut todo: std::collections::VecDeque<String> = sub.iter().cloned().collect();
    let mut hops = 0;
    while let Some(c) = todo.pop_front() {
        if c == ".." {
            cur.pop();
            continue;
        }
        cur.push(c);
        if let Some(Inode {
            body: Body::Symlink(t),
            ..
        }) = v.get(&cur)
        {
            hops += 1;
            if hops > 8 || t.starts_with('/') {
                break;
            }
            cur.pop();
            for p in t.split('/').filter(|p| !p.is_empty()).rev() {
                todo.push_front(p.to_string());
            }
        }
    }
    cur
}

impl Runtime {
    /// Drop containers and volumes of pods (and PersistentVolumes) that are gone.
    fn prune(&mut self, store: &Store) {
        let rv = store.resource_version();
        if rv == self.pruned_at {
            return;
        }
        self.pruned_at = rv;
        let uids: BTreeSet<&str> = store.list(Kind::Pod, None).map(|o| o.uid()).collect();
        let pvs: BTreeSet<&str> = store
            .list(Kind::PersistentVolume, None)
            .map(|o| o.name())
            .collect();
        self.containers
            .retain(|k, _| uids.contains(k.pod_uid.as_str()));
        self.volumes.retain(|id, _| match id {
            VolumeId::Pv(name) => pvs.contains(name.as_str()),
            other => other.pod_uid().is_none_or(|u| uids.contains(u)),
        });
        let services: BTreeSet<ObjKey> = self
            .round_robin
            .keys()
            .filter(|k| store.contains(k))
            .cloned()
            .collect();
        self.round_robin.retain(|k, _| services.contains(k));
    }

    /// The container `name` of `pod`, created from its image on first use (or when the
    /// pod status shows a new instance). None when the pod or container does not exist.
    pub fn ensure(
        &mut self,
        store: &Store,
        pod_key: &ObjKey,
        name: &str,
        now: Millis,
    ) -> Option<ContainerKey> {
        self.prune(store);
        let pod = store.get(pod_key)?.as_typed::<Pod>()?.clone();
        let spec = container_spec(&pod, name)?;
        let key = ContainerKey {
            pod_uid: pod.metadata.uid.clone().unwrap_or_default(),
            container: name.to_string(),
        };
        let instance = instance_of(&pod, name);
        let planned = volumes::plan(store, &pod, &spec);
        let started = podfiles::started_at(&pod, name).unwrap_or(now).min(now);
        // Projected volumes follow their objects on every entry.
        for p in &planned {
            if let Some(files) = &p.projected {
                if p.snapshot && self.volumes.contains_key(&p.mount.volume) {
                    continue;
                }
                let written = if self.volumes.contains_key(&p.mount.volume) {
                    now
                } else {
                    started
                };
                let fresh = volumes::build_projected(files, written);
                let changed = self
                    .volumes
                    .get(&p.mount.volume)
                    .is_none_or(|old| !same_files(old, &fresh));
                if changed {
                    self.volumes.insert(p.mount.volume.clone(), fresh);
                }
            }
        }
        if let Some(existing) = self.containers.get(&key) {
            if existing.instance == instance {
                return Some(key);
            }
        }
        let old = self.containers.remove(&key);
        if let Some(old) = &old {
            if let Some(root) = old.mounts.first() {
                self.volumes.remove(&root.volume);
            }
        }
        let image = spec.image.clone().unwrap_or_default();
        let info = images::info(&image);
        let mut rootfs = images::build_rootfs(&info);
        let hostname = podfiles::hostname(&pod);
        for (path, text) in [
            ("/etc/hostname", format!("{hostname}\n")),
            ("/etc/hosts", podfiles::hosts_file(&pod)),
            ("/etc/resolv.conf", podfiles::resolv_conf(&pod)),
        ] {
            rootfs.seed(path, Inode::file(&text, 0o644, started));
        }
        let root_id = VolumeId::Root {
            pod_uid: key.pod_uid.clone(),
            container: name.to_string(),
            instance: instance.clone(),
        };
        let mut mounts = vec![Mount {
            at: vec![],
            volume: root_id.clone(),
            sub: vec![],
            read_only: spec
                .security_context
                .as_ref()
                .and_then(|s| s.read_only_root_filesystem)
                == Some(true),
            source: "overlay".into(),
            fstype: "overlay",
        }];
        for p in planned {
            let mut m = p.mount;
            m.at = physical(&rootfs, &m.at);
            let vol = self
                .volumes
                .entry(m.volume.clone())
                .or_insert_with(|| Volume::new(p.capacity, started));
            if let (Some(cap), VolumeId::Pv(_)) = (p.capacity, &m.volume) {
                vol.capacity = cap;
            }
            if !m.sub.is_empty() {
                m.sub = canonical_sub(vol, &m.sub);
                if vol.get(&m.sub).is_none() && !vol.read_only {
                    let path = fs::path::join(&m.sub);
                    vol.seed(&path, Inode::dir(0o755, started));
                    vol.recount();
                }
            }
            let target_is_file = vol.get(&m.sub).is_some_and(|i| !i.is_dir());
            let at = fs::path::join(&m.at);
            let present = rootfs.get(&m.at).is_some();
            if !present {
                if target_is_file {
                    rootfs.seed(&at, Inode::file("", 0o644, started));
                } else {
                    rootfs.seed(&at, Inode::dir(0o755, started));
                }
            }
            mounts.retain(|old| old.at != m.at);
            mounts.push(m);
        }
        self.volumes.insert(root_id, rootfs);
        let image_env = images::image_env(&info);
        let empty = logs::pg_data_was_empty(store, &pod, &spec, started);
        let fresh_db = self.init_database(&info, &spec, &mounts, started, empty);
        let (uid, gid) = run_as(&pod, &spec);
        let home = if uid == 0 { "/root" } else { "/" };
        let env = podfiles::environment(store, &pod, &spec, &image_env, started, home);
        let mut command: Vec<String> = spec.command.clone().unwrap_or_default();
        let args = spec.args.clone().unwrap_or_default();
        if command.is_empty() {
            let default = images::default_command(&info);
            if args.is_empty() {
                command = default.iter().map(|s| s.to_string()).collect();
            } else if let Some(first) = default.first() {
                // args replace CMD; ENTRYPOINT stays (approximated by the first word).
                if matches!(info.app, crate::kubelet::images::App::None) {
                    command = args.clone();
                } else {
                    command = vec![first.to_string()];
                    command.extend(args.iter().cloned());
                }
            }
        } else {
            command.extend(args.iter().cloned());
        }
        let workdir = spec
            .working_dir
            .clone()
            .filter(|w| w.starts_with('/'))
            .unwrap_or_else(|| images::workdir(&info).to_string());
        let status = pod.status.clone().unwrap_or_default();
        let container = Container {
            pod: pod_key.clone(),
            name: name.to_string(),
            instance,
            image,
            info,
            mounts,
            env,
            workdir,
            hostname,
            pod_ip: status.pod_ip.clone().unwrap_or_default(),
            node: pod
                .spec
                .as_ref()
                .and_then(|s| s.node_name.clone())
                .unwrap_or_default(),
            started_at: started,
            command,
            uid,
            gid,
            log: Vec::new(),
            previous_log: old.map(|o| o.log),
            next_pid: 7,
            connections: 0,
            fresh_db,
        };
        self.containers.insert(key.clone(), container);
        Some(key)
    }

    /// postgres's entrypoint: an empty data directory gets a database (when a password
    /// lets initdb run). Returns whether it was empty.
    fn init_database(
        &mut self,
        info: &ImageInfo,
        spec: &ContainerSpec,
        mounts: &[Mount],
        now: Millis,
        history_says_empty: bool,
    ) -> bool {
        if info.app != crate::kubelet::images::App::Postgres {
            return false;
        }
        let env = |name: &str| {
            spec.env
                .iter()
                .flatten()
                .find(|e| e.name == name)
                .and_then(|e| e.value.clone())
                .filter(|v| !v.is_empty())
        };
        let pgdata = env("PGDATA").unwrap_or_else(|| "/var/lib/postgresql/data".into());
        let can_init =
            env("POSTGRES_PASSWORD").is_some() || env("POSTGRES_HOST_AUTH_METHOD").is_some();
        let mut fs = PodFs {
            volumes: &mut self.volumes,
            mounts,
            now,
        };
        let version = format!("{}/PG_VERSION", pgdata.trim_end_matches('/'));
        if fs.stat("/", &version, true).is_ok() {
            return false;
        }
        // The runtime has not seen this volume's data yet: an earlier pod initialised it.
        let fresh = history_says_empty;
        if can_init {
            let _ = fs.write("/", &version, "17\n", false);
            for d in ["base", "global", "pg_wal"] {
                if let Ok(abs) = fs.resolve("/", &format!("{pgdata}/{d}"), true) {
                    let _ = fs.mkdir_abs(&abs, 0o700);
                }
            }
        }
        fresh
    }

    pub fn container(&self, key: &ContainerKey) -> Option<&Container> {
        self.containers.get(key)
    }

    pub fn container_mut(&mut self, key: &ContainerKey) -> Option<&mut Container> {
        self.containers.get_mut(key)
    }

    /// The containers of one pod (by uid), for `localhost` and shared process views.
    pub fn containers_of_pod(&self, pod_uid: &str) -> Vec<ContainerKey> {
        self.containers
            .keys()
            .filter(|k| k.pod_uid == pod_uid)
            .cloned()
            .collect()
    }

    /// The filesystem view of a container for one operation.
    pub fn fs(&mut self, key: &ContainerKey, now: Millis) -> Option<PodFs<'_>> {
        let c = self.containers.get(key)?;
        Some(PodFs {
            volumes: &mut self.volumes,
            mounts: &c.mounts,
            now,
        })
    }

    /// The filesystem view plus the container's record (for applets that need both).
    pub fn fs_and_container(
        &mut self,
        key: &ContainerKey,
        now: Millis,
    ) -> Option<(PodFs<'_>, &Container)> {
        let c = self.containers.get(key)?;
        Some((
            PodFs {
                volumes: &mut self.volumes,
                mounts: &c.mounts,
                now,
            },
            c,
        ))
    }

    /// The next endpoint index for a Service (and advance it).
    pub fn next_endpoint(&mut self, service: &ObjKey, count: usize) -> usize {
        let slot = self.round_robin.entry(service.clone()).or_insert(0);
        let i = *slot % count.max(1);
        *slot = (i + 1) % count.max(1);
        i
    }

    /// The data of a volume (for tests and the tutor's `why`).
    pub fn volume(&self, id: &VolumeId) -> Option<&Volume> {
        self.volumes.get(id)
    }
}

/// Whether two projected volumes hold the same files (ignoring the timestamped
/// directory's name and mtimes).
fn same_files(a: &Volume, b: &Volume) -> bool {
    fn same_tree(a: &Inode, b: &Inode) -> bool {
        match (&a.body, &b.body) {
            (Body::Dir(x), Body::Dir(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((n1, i1), (n2, i2))| n1 == n2 && same_tree(i1, i2))
            }
            (Body::File { data: d1, .. }, Body::File { data: d2, .. }) => {
                d1 == d2 && a.mode == b.mode
            }
            (Body::Symlink(x), Body::Symlink(y)) => x == y,
            _ => false,
        }
    }
    fn tops(v: &Volume) -> Vec<&String> {
        match &v.root.body {
            Body::Dir(e) => e.keys().filter(|n| !n.starts_with("..")).collect(),
            _ => vec![],
        }
    }
    let data = |v: &Volume| v.get(&canonical_sub(v, &["..data".to_string()])).cloned();
    tops(a) == tops(b)
        && match (data(a), data(b)) {
            (Some(x), Some(y)) => same_tree(&x, &y),
            (None, None) => true,
            _ => false,
        }
}

/// The user a container runs as: its securityContext, the pod's, else root.
fn run_as(pod: &Pod, c: &ContainerSpec) -> (u32, u32) {
    let psc = pod.spec.as_ref().and_then(|s| s.security_context.clone());
    let csc = c.security_context.clone();
    let uid = csc
        .as_ref()
        .and_then(|s| s.run_as_user)
        .or(psc.as_ref().and_then(|s| s.run_as_user))
        .unwrap_or(0);
    let gid = csc
        .as_ref()
        .and_then(|s| s.run_as_group)
        .or(psc.as_ref().and_then(|s| s.run_as_group))
        .unwrap_or(if uid == 0 { 0 } else { uid });
    (
        uid.clamp(0, u32::MAX as i64) as u32,
        gid.clamp(0, u32::MAX as i64) as u32,
    )
}
