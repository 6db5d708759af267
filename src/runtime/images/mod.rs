//! What is inside each image: the root filesystem a container starts from (its
//! distribution's layout and tools, its application's files), the environment and
//! working directory of its image config, and the version strings its programs print.
//!
//! Choices (see `crate::kubelet::images` for the catalogue):
//! - Debian-based images (nginx, postgres, redis, httpd, debian, unknown images) have
//!   dash as `/bin/sh`, bash and GNU coreutils, and no `ps`, `ping`, `nslookup` or `wget`
//!   (bookworm-slim has none of them); nginx's image adds curl, as its Dockerfile does.
//! - busybox and alpine have busybox ash and applets (`wget`, `nslookup`, `ping`, `ps`),
//!   no curl and no bash.
//! - luksa/kubia and kubia-pet are node:7 on Debian jessie with buildpack-deps' tools:
//!   curl, GNU wget, ps, ping.
//! - pause has no shell and no tools.
//! - Tools an image has but the sandbox does not simulate (vi, apt-get, awk, ...) exist as
//!   files and say `not simulated` when run.

mod accounts;
mod apps;
mod layout;
mod programs;

use super::fs::Volume;
use crate::api::time::Millis;
use crate::kubelet::images::{profile, split_reference, userland, App, Userland};
use crate::shell::Dialect;

pub use apps::{nginx_version, NGINX_DEFAULT_CONF};

/// Everything about an image the runtime needs, from its reference.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageInfo {
    pub userland: Userland,
    pub app: App,
    pub tag: String,
}

pub fn info(image: &str) -> ImageInfo {
    let (_, tag) = split_reference(image);
    ImageInfo {
        userland: userland(image),
        app: profile(image).app,
        tag,
    }
}

/// The shell an image has as `/bin/sh`, if any.
pub fn shell_of(userland: Userland) -> Option<Dialect> {
    match userland {
        Userland::Debian | Userland::DebianBuildpack | Userland::Ubuntu => Some(Dialect::Dash),
        Userland::Busybox | Userland::Alpine => Some(Dialect::Ash),
        Userland::OracleLinux => Some(Dialect::Bash),
        Userland::Scratch => None,
    }
}

/// Whether the image's tools are busybox's (wording and formats) rather than GNU's.
pub fn is_busybox(userland: Userland) -> bool {
    matches!(userland, Userland::Busybox | Userland::Alpine)
}

/// When the image's files were written (their mtime), per image.
pub fn build_time(info: &ImageInfo) -> Millis {
    match (info.app, info.userland) {
        (App::Kubia | App::KubiaPet, _) => 1_494_000_000_000, // May 2017
        (App::NginxSlim, _) => 1_500_000_000_000,             // Jul 2017
        (App::Pause, _) => 1_716_000_000_000,
        (_, Userland::Busybox) => 1_727_386_302_000, // Sep 2024 (busybox 1.37.0)
        (_, Userland::Alpine) => 1_739_500_000_000,
        (App::Nginx, _) => 1_738_790_638_000,
        (App::Postgres, _) => 1_740_100_000_000,
        _ => 1_740_355_200_000, // debian:bookworm-20250224
    }
}

/// The image config's environment, `PATH` first, as the runtime puts it before
/// `HOSTNAME` and the pod's variables.
pub fn image_env(info: &ImageInfo) -> Vec<(String, String)> {
    const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    let mut env: Vec<(String, String)> = Vec::new();
    let mut add = |k: &str, v: &str| env.push((k.to_string(), v.to_string()));
    match info.app {
        App::Postgres => {
            add(
                "PATH",
                &format!("{DEFAULT_PATH}:/usr/lib/postgresql/17/bin"),
            );
        }
        _ => add("PATH", DEFAULT_PATH),
    }
    match info.app {
        App::Nginx => {
            let v = nginx_version(info);
            if info.userland == Userland::Alpine {
                add("NGINX_VERSION", v);
                add("PKG_RELEASE", "1");
                add("DYNPKG_RELEASE", "1");
                add("NJS_VERSION", "0.8.9");
                add("NJS_RELEASE", "1");
            } else {
                add("NGINX_VERSION", v);
                add("NJS_VERSION", "0.8.9");
                add("NJS_RELEASE", "1~bookworm");
                add("PKG_RELEASE", "1~bookworm");
                add("DYNPKG_RELEASE", "1~bookworm");
            }
        }
        App::Postgres => {
            add("GOSU_VERSION", "1.17");
            add("LANG", "en_US.utf8");
            add("PG_MAJOR", "17");
            add("PG_VERSION", "17.4-1.pgdg120+2");
            add("PGDATA", "/var/lib/postgresql/data");
        }
        App::Kubia | App::KubiaPet => {
            add("NPM_CONFIG_LOGLEVEL", "info");
            add("NODE_VERSION", "7.10.1");
            add("YARN_VERSION", "0.24.4");
        }
        App::Redis => {
            add(
                "REDIS_DOWNLOAD_URL",
                "http://download.redis.io/releases/redis-7.4.2.tar.gz",
            );
        }
        App::Httpd => {
            add("HTTPD_PREFIX", "/usr/local/apache2");
            add("HTTPD_VERSION", "2.4.63");
        }
        App::Mysql => {
            add("GOSU_VERSION", "1.17");
            add("MYSQL_MAJOR", "innovation");
            add("MYSQL_VERSION", "9.2.0-1.el9");
            add("MYSQL_SHELL_VERSION", "9.2.0-1.el9");
        }
        App::Mongo => {
            add("GOSU_VERSION", "1.17");
            add("JSYAML_VERSION", "3.13.1");
            add("MONGO_PACKAGE", "mongodb-org");
            add("MONGO_REPO", "repo.mongodb.org");
            add("MONGO_MAJOR", "8.0");
            add("MONGO_VERSION", "8.0.5");
            add("HOME", "/data/db");
        }
        _ => {}
    }
    env
}

/// The image's `WORKDIR`.
pub fn workdir(info: &ImageInfo) -> &'static str {
    match info.app {
        App::Httpd => "/usr/local/apache2",
        App::Redis => "/data",
        _ => "/",
    }
}

/// The command the image runs when the pod gives none (ENTRYPOINT + CMD).
pub fn default_command(info: &ImageInfo) -> Vec<&'static str> {
    match info.app {
        App::Nginx | App::NginxSlim => vec!["nginx", "-g", "daemon off;"],
        App::Postgres => vec!["postgres"],
        App::Mysql => vec!["mysqld"],
        App::Redis => vec!["redis-server"],
        App::Mongo => vec!["mongod"],
        App::Httpd => vec!["httpd-foreground"],
        App::Kubia | App::KubiaPet => vec!["node", "app.js"],
        App::Pause => vec!["/pause"],
        App::Generic => vec!["/app"],
        App::None => match info.userland {
            Userland::Busybox | Userland::Alpine => vec!["sh"],
            _ => vec!["bash"],
        },
    }
}

/// The root filesystem of a new container of this image.
pub fn build_rootfs(info: &ImageInfo) -> Volume {
    let t = build_time(info);
    let mut v = Volume::new(None, t);
    layout::base(&mut v, info, t);
    apps::add(&mut v, info, t);
    v.recount();
    // The image's files are the read-only lower layers: only what the container writes
    // counts against its writable layer.
    v.used = 0;
    v.inodes = 0;
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::fs::Body;

    fn names(v: &Volume, dir: &str) -> Vec<String> {
        let parts: Vec<String> = dir
            .split('/')
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect();
        match &v.get(&parts).unwrap().body {
            Body::Dir(e) => e.keys().cloned().collect(),
            _ => vec![],
        }
    }

    #[test]
    fn nginx_has_curl_and_its_default_page_but_no_ps() {
        let v = build_rootfs(&info("nginx:1.27"));
        let bin = names(&v, "/usr/bin");
        assert!(bin.contains(&"curl".to_string()));
        assert!(!bin.contains(&"ps".to_string()));
        assert!(!bin.contains(&"nslookup".to_string()));
        let page = v
            .get(&[
                "usr".into(),
                "share".into(),
                "nginx".into(),
                "html".into(),
                "index.html".into(),
            ])
            .unwrap();
        assert_eq!(page.size(), 615);
        assert_eq!(shell_of(info("nginx").userland), Some(Dialect::Dash));
    }

    #[test]
    fn busybox_has_wget_not_curl() {
        let v = build_rootfs(&info("busybox:1.28"));
        let bin = names(&v, "/bin");
        for tool in ["wget", "nslookup", "ping", "ps", "sh", "ls"] {
            assert!(bin.contains(&tool.to_string()), "{tool}");
        }
        assert!(!bin.contains(&"curl".to_string()));
        assert_eq!(shell_of(info("busybox").userland), Some(Dialect::Ash));
        assert_eq!(shell_of(info("registry.k8s.io/pause:3.10").userland), None);
    }
}
