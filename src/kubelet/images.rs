//! The image catalogue: how each container image the sandbox knows behaves (size, pull
//! time, how fast it starts and stops, what it does when it runs), and what is inside it:
//! its userland (the distribution, which decides the shell and the tools) and its
//! application (which decides what it serves and logs; `crate::runtime` builds the
//! container filesystems from these).
//! Images not in the catalogue are treated as a generic long-running server that exists in
//! the registry (documented in the README), except references that cannot be valid.

/// What the main process of an image does once started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Serves until stopped (nginx, kubia, generic images).
    Server,
    /// Runs its command; with no command it runs `sh`, which exits at once without a
    /// terminal (busybox, alpine, debian...).
    Shell,
    /// postgres: exits with an error unless `POSTGRES_PASSWORD` (or trust auth) is set.
    Postgres,
}

/// The distribution an image is built on: it decides `/bin/sh`, which tools exist and how
/// they word their output (`crate::runtime::images` holds the file lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Userland {
    /// Debian 12 bookworm (the `-slim` base most official images use): dash as `/bin/sh`,
    /// bash, GNU coreutils, merged `/usr`; no `ps`, `ping`, `nslookup` or `wget`.
    Debian,
    /// Debian 8 jessie with buildpack-deps' tools (node:7, the base of the luksa images):
    /// dash, bash, coreutils, procps, curl, wget, iputils ping.
    DebianBuildpack,
    /// Ubuntu 24.04 noble: dash, bash, coreutils; no network tools.
    Ubuntu,
    /// The busybox image: busybox ash and busybox applets in `/bin`.
    Busybox,
    /// Alpine 3.21: busybox ash and applets, musl's `getent`, `apk`.
    Alpine,
    /// Oracle Linux 9 slim (mysql): bash as `/bin/sh`, coreutils.
    OracleLinux,
    /// No shell and no tools at all (pause, distroless): `exec` of anything fails.
    Scratch,
}

/// The program an image runs, as far as the sandbox simulates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum App {
    /// nginx.org's image: serves `/usr/share/nginx/html` on port 80.
    Nginx,
    /// The old registry.k8s.io/nginx-slim test image (nginx 1.13, same html root).
    NginxSlim,
    Postgres,
    Mysql,
    Redis,
    Mongo,
    Httpd,
    /// luksa/kubia: answers `You've hit <hostname>` on 8080.
    Kubia,
    /// luksa/kubia-pet: stores POSTed data in /var/data/kubia.txt, answers on 8080.
    KubiaPet,
    /// The pause container: sleeps.
    Pause,
    /// Plain OS images (busybox, alpine, debian, ubuntu): they run their command.
    None,
    /// An image the catalogue does not know.
    Generic,
}

#[derive(Clone, Copy, Debug)]
pub struct ImageProfile {
    /// Repository as users write it (`nginx`, `luksa/kubia-pet`, `registry.k8s.io/nginx-slim`).
    pub repository: &'static str,
    pub size_bytes: u64,
    /// How long a first pull takes, in ms.
    pub pull_ms: i64,
    /// From "Started" to the process accepting work, in ms.
    pub start_ms: i64,
    /// How long the process takes to exit after SIGTERM (None: ignores it; killed at the grace period).
    pub stop_ms: Option<i64>,
    /// What the image's filesystem is built on.
    pub userland: Userland,
    pub behaviour: Behaviour,
    pub app: App,
}

const fn img(
    repository: &'static str,
    size_bytes: u64,
    pull_ms: i64,
    stop_ms: Option<i64>,
    userland: Userland,
    behaviour: Behaviour,
    app: App,
) -> ImageProfile {
    ImageProfile {
        repository,
        size_bytes,
        pull_ms,
        start_ms: 300,
        stop_ms,
        userland,
        behaviour,
        app,
    }
}

pub static CATALOGUE: &[ImageProfile] = &[
    img(
        "nginx",
        72_099_410,
        4_212,
        Some(800),
        Userland::Debian,
        Behaviour::Server,
        App::Nginx,
    ),
    img(
        "registry.k8s.io/nginx-slim",
        8_551_207,
        2_512,
        Some(800),
        Userland::Debian,
        Behaviour::Server,
        App::NginxSlim,
    ),
    img(
        "busybox",
        2_160_406,
        1_874,
        None,
        Userland::Busybox,
        Behaviour::Shell,
        App::None,
    ),
    img(
        "alpine",
        3_653_068,
        1_502,
        None,
        Userland::Alpine,
        Behaviour::Shell,
        App::None,
    ),
    img(
        "debian",
        48_480_000,
        5_120,
        None,
        Userland::Debian,
        Behaviour::Shell,
        App::None,
    ),
    img(
        "ubuntu",
        29_720_000,
        3_804,
        None,
        Userland::Ubuntu,
        Behaviour::Shell,
        App::None,
    ),
    img(
        "postgres",
        158_520_000,
        11_305,
        Some(900),
        Userland::Debian,
        Behaviour::Postgres,
        App::Postgres,
    ),
    img(
        "mysql",
        171_760_000,
        12_044,
        Some(1_500),
        Userland::OracleLinux,
        Behaviour::Server,
        App::Mysql,
    ),
    img(
        "redis",
        45_960_000,
        4_630,
        Some(200),
        Userland::Debian,
        Behaviour::Server,
        App::Redis,
    ),
    img(
        "mongo",
        271_390_000,
        17_951,
        Some(800),
        Userland::Ubuntu,
        Behaviour::Server,
        App::Mongo,
    ),
    img(
        "httpd",
        58_120_000,
        4_901,
        Some(500),
        Userland::Debian,
        Behaviour::Server,
        App::Httpd,
    ),
    img(
        "luksa/kubia-pet",
        253_780_000,
        15_212,
        None,
        Userland::DebianBuildpack,
        Behaviour::Server,
        App::KubiaPet,
    ),
    img(
        "luksa/kubia",
        253_780_000,
        15_004,
        None,
        Userland::DebianBuildpack,
        Behaviour::Server,
        App::Kubia,
    ),
    img(
        "registry.k8s.io/pause",
        320_368,
        812,
        Some(10),
        Userland::Scratch,
        Behaviour::Server,
        App::Pause,
    ),
];

/// Generic behaviour for an image the catalogue does not list.
pub const GENERIC: ImageProfile = img(
    "",
    50_000_000,
    5_000,
    Some(500),
    Userland::Debian,
    Behaviour::Server,
    App::Generic,
);

/// Split `repo[:tag][@digest]` into repository and tag (`latest` when absent).
pub fn split_reference(image: &str) -> (String, String) {
    let (repo, tag) = split_reference_str(image);
    (repo.to_string(), tag.to_string())
}

/// [`split_reference`], borrowing from `image`.
fn split_reference_str(image: &str) -> (&str, &str) {
    let no_digest = image.split('@').next().unwrap_or(image);
    let last_slash = no_digest.rfind('/').map(|i| i + 1).unwrap_or(0);
    match no_digest[last_slash..].rfind(':') {
        Some(i) => (
            &no_digest[..last_slash + i],
            &no_digest[last_slash + i + 1..],
        ),
        None => (no_digest, "latest"),
    }
}

/// The repository without the default registry prefixes (`docker.io/library/nginx` -> `nginx`).
pub fn short_repository(repo: &str) -> &str {
    repo.strip_prefix("docker.io/library/")
        .or_else(|| repo.strip_prefix("docker.io/"))
        .or_else(|| repo.strip_prefix("library/"))
        .unwrap_or(repo)
}

/// Look an image up; unknown images get the generic profile.
pub fn profile(image: &str) -> ImageProfile {
    let (repo, _) = split_reference_str(image);
    let short = short_repository(repo);
    CATALOGUE
        .iter()
        .find(|p| p.repository == short)
        .copied()
        .unwrap_or(GENERIC)
}

/// The userland of a reference: the catalogue's, except that an `-alpine` tag of a
/// Debian-based application image (`nginx:1.27-alpine`, `postgres:17-alpine`) is Alpine.
pub fn userland(image: &str) -> Userland {
    let p = profile(image);
    let (_, tag) = split_reference(image);
    match p.userland {
        Userland::Debian | Userland::Ubuntu if tag.contains("alpine") => Userland::Alpine,
        u => u,
    }
}

/// Why an image reference cannot be pulled, if it cannot: the sandbox treats known
/// repositories with a tag that is plainly malformed, and references that are not valid
/// references at all, as pull failures. (Unknown repositories are assumed to exist.)
pub fn pull_error(image: &str) -> Option<String> {
    let valid = !image.is_empty()
        && !image
            .chars()
            .any(|c| c.is_ascii_uppercase() || c.is_whitespace());
    if !valid {
        return Some(format!("Failed to apply default image tag {}: couldn't parse image name {}: invalid reference format", crate::api::errors::go_quote(image), crate::api::errors::go_quote(image)));
    }
    None
}

/// Whether the kubelet pulls an image under `policy` (`imagePullPolicy`, IfNotPresent when
/// unset) given whether the node has it.
pub fn pull_policy_pulls(policy: Option<&str>, present: bool) -> bool {
    match policy.unwrap_or("IfNotPresent") {
        "Always" => true,
        "Never" => false,
        _ => !present,
    }
}

/// The fully qualified reference the runtime reports (`docker.io/library/nginx:1.25`).
pub fn qualified(image: &str) -> String {
    let (repo, tag) = split_reference_str(image);
    let first = repo.split('/').next().unwrap_or("");
    let has_registry =
        repo.contains('/') && (first.contains('.') || first.contains(':') || first == "localhost");
    let registry = if has_registry {
        ""
    } else if repo.contains('/') {
        "docker.io/"
    } else {
        "docker.io/library/"
    };
    let mut out = String::with_capacity(registry.len() + repo.len() + 1 + tag.len());
    for part in [registry, repo, ":", tag] {
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_references() {
        assert_eq!(
            split_reference("nginx:1.25"),
            ("nginx".into(), "1.25".into())
        );
        assert_eq!(split_reference("nginx"), ("nginx".into(), "latest".into()));
        assert_eq!(
            split_reference("localhost:5000/app"),
            ("localhost:5000/app".into(), "latest".into())
        );
        assert_eq!(
            qualified("busybox:1.28.4"),
            "docker.io/library/busybox:1.28.4"
        );
        assert_eq!(
            qualified("luksa/kubia-pet"),
            "docker.io/luksa/kubia-pet:latest"
        );
        assert_eq!(profile("docker.io/library/nginx:1.25").repository, "nginx");
        assert!(pull_error("NGINX").is_some());
        assert_eq!(userland("nginx:1.27-alpine"), Userland::Alpine);
        assert_eq!(userland("nginx"), Userland::Debian);
        assert_eq!(userland("registry.k8s.io/pause:3.10"), Userland::Scratch);
    }
}
