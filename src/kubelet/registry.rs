//! What the registries hold, as far as the sandbox knows: which references a pull finds,
//! and the error containerd reports for those it does not (`ErrImagePull`).
//!
//! - A Docker Official Image name (`docker.io/library/NAME`) that is not on the official
//!   list does not exist: the registry answers "pull access denied".
//! - For the images in the catalogue ([`super::images::CATALOGUE`]), a tag that is not one
//!   of the image's published versions or names is "not found". Version tags are checked
//!   against the release lines each image had published by March 2025; variant suffixes
//!   (`-alpine`, `-bookworm`, `-slim` ...) are accepted as published.
//! - Anything else (other users' repositories, other registries) is assumed to exist, as
//!   the README says.

use super::images::{qualified, short_repository, split_reference};

/// Docker Official Images (docker.io/library), the common ones.
const OFFICIAL: &[&str] = &[
    "adminer",
    "aerospike",
    "almalinux",
    "alpine",
    "amazoncorretto",
    "amazonlinux",
    "arangodb",
    "busybox",
    "caddy",
    "cassandra",
    "centos",
    "chronograf",
    "clojure",
    "consul",
    "couchbase",
    "couchdb",
    "debian",
    "docker",
    "drupal",
    "eclipse-temurin",
    "elasticsearch",
    "elixir",
    "erlang",
    "fedora",
    "flink",
    "fluentd",
    "gcc",
    "ghost",
    "golang",
    "gradle",
    "groovy",
    "haproxy",
    "haskell",
    "hello-world",
    "httpd",
    "influxdb",
    "jenkins",
    "jetty",
    "joomla",
    "julia",
    "kapacitor",
    "kibana",
    "kong",
    "logstash",
    "mariadb",
    "maven",
    "memcached",
    "mongo",
    "mongo-express",
    "mysql",
    "nats",
    "neo4j",
    "nextcloud",
    "nginx",
    "node",
    "odoo",
    "openjdk",
    "oraclelinux",
    "percona",
    "perl",
    "php",
    "postgres",
    "pypy",
    "python",
    "rabbitmq",
    "redis",
    "redmine",
    "registry",
    "rockylinux",
    "ruby",
    "rust",
    "solr",
    "sonarqube",
    "telegraf",
    "tomcat",
    "traefik",
    "ubuntu",
    "vault",
    "wordpress",
    "zookeeper",
];

/// (major, lowest minor, highest minor, highest patch).
type VersionLine = (u32, u32, u32, u32);

/// Published version lines per catalogue image, one `MAJOR.LOW-HIGH[.PATCH]` per line:
/// minors LOW to HIGH of MAJOR, and for the newest line the highest patch of its newest
/// minor. Other lines accept any patch up to 30.
const VERSIONS: &[(&str, &str)] = &[
    ("nginx", "1.9-27.4"),
    ("busybox", "1.21-37"),
    ("alpine", "3.1-21.3"),
    ("debian", "7.0-11 8.0-11 9.0-13 10.0-13 11.0-11 12.0-10"),
    ("ubuntu", "14.4-4 16.4-4 18.4-4 20.4-4 22.4-4 24.4-10"),
    (
        "postgres",
        "9.0-6.24 10.0-23 11.0-22 12.0-22 13.0-20 14.0-17 15.0-12 16.0-8 17.0-4",
    ),
    ("mysql", "5.5-7.44 8.0-4.4 9.0-2"),
    (
        "redis",
        "2.6-8.24 3.0-2.13 4.0-0.14 5.0-0.14 6.0-2.17 7.0-4.2",
    ),
    (
        "mongo",
        "3.0-6.23 4.0-4.29 5.0-0.31 6.0-0.20 7.0-0.16 8.0-0.5",
    ),
    ("httpd", "2.2-4.63"),
    ("registry.k8s.io/nginx-slim", "0.5-27"),
    ("registry.k8s.io/pause", "3.0-10"),
];

/// Named tags besides versions.
const NAMES: &[(&str, &[&str])] = &[
    (
        "nginx",
        &[
            "stable",
            "mainline",
            "alpine",
            "perl",
            "bookworm",
            "alpine-slim",
            "otel",
        ],
    ),
    ("busybox", &["musl", "glibc", "uclibc", "stable"]),
    ("alpine", &["edge"]),
    (
        "debian",
        &[
            "bookworm",
            "bullseye",
            "buster",
            "stretch",
            "jessie",
            "trixie",
            "sid",
            "stable",
            "testing",
            "unstable",
            "oldstable",
            "experimental",
        ],
    ),
    (
        "ubuntu",
        &[
            "noble", "jammy", "focal", "bionic", "xenial", "oracular", "plucky", "rolling", "devel",
        ],
    ),
    ("postgres", &["alpine", "bookworm", "bullseye"]),
    ("mysql", &["lts", "innovation", "oracle", "debian"]),
    ("redis", &["alpine", "bookworm"]),
    ("mongo", &["jammy", "noble", "windowsservercore"]),
    ("httpd", &["alpine", "bookworm"]),
    ("luksa/kubia", &["v1", "v2", "v3", "v4", "v5"]),
    ("luksa/kubia-pet", &[]),
    ("luksa/kubia-pet-peers", &[]),
];

/// The error a pull of `image` ends with, if it cannot be pulled (as containerd words it
/// through the CRI).
pub fn pull_failure(image: &str) -> Option<String> {
    if image.contains('@') {
        return None;
    }
    let (repo, tag) = split_reference(image);
    let full = qualified(image);
    let short = short_repository(&repo);
    let official = !short.contains('/') && qualified(image).starts_with("docker.io/library/");
    if official && !OFFICIAL.contains(&short) {
        return Some(format!("rpc error: code = Unknown desc = failed to pull and unpack image \"{full}\": failed to resolve reference \"{full}\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"));
    }
    let known = VERSIONS.iter().any(|(r, _)| *r == short) || NAMES.iter().any(|(r, _)| *r == short);
    if known && !tag_exists(short, &tag) {
        return Some(format!("rpc error: code = NotFound desc = failed to pull and unpack image \"{full}\": failed to resolve reference \"{full}\": {full}: not found"));
    }
    None
}

/// The lines of a [`VERSIONS`] entry (a malformed line is skipped; a test keeps them all
/// well formed).
fn version_lines(text: &str) -> Vec<VersionLine> {
    text.split_whitespace()
        .filter_map(|line| {
            let (major, rest) = line.split_once('.')?;
            let (low, rest) = rest.split_once('-')?;
            let (high, patch) = rest.split_once('.').unwrap_or((rest, "0"));
            Some((
                major.parse().ok()?,
                low.parse().ok()?,
                high.parse().ok()?,
                patch.parse().ok()?,
            ))
        })
        .collect()
}

/// Whether a catalogue image publishes `tag`.
fn tag_exists(repo: &str, tag: &str) -> bool {
    if tag == "latest" {
        return true;
    }
    // `1.27.4-alpine`, `17-bookworm`, `stable-alpine`: judge the part before the variant.
    let base = tag.split('-').next().unwrap_or(tag);
    let names = NAMES
        .iter()
        .find(|(r, _)| *r == repo)
        .map(|(_, n)| *n)
        .unwrap_or(&[]);
    if names.contains(&tag) || names.contains(&base) {
        return true;
    }
    // `alpine3.21`, `bookworm20250224`: a name with a release number.
    if names.iter().any(|n| {
        base.strip_prefix(n)
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'))
    }) {
        return true;
    }
    let lines: Vec<VersionLine> = VERSIONS
        .iter()
        .find(|(r, _)| *r == repo)
        .map(|(_, v)| version_lines(v))
        .unwrap_or_default();
    let parts: Vec<&str> = base.split('.').collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    let Some(nums) = nums.filter(|n| !n.is_empty() && n.len() <= 3) else {
        return false;
    };
    let newest_major = lines.iter().map(|l| l.0).max().unwrap_or(0);
    lines.iter().any(|&(major, lo, hi, patch)| {
        if nums[0] != major {
            return false;
        }
        let Some(&minor) = nums.get(1) else {
            return true;
        };
        if minor < lo || minor > hi {
            return false;
        }
        match nums.get(2) {
            None => true,
            Some(&p) if major == newest_major && minor == hi => p <= patch,
            Some(&p) => p <= 30,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_lines_parse() {
        for (repo, text) in VERSIONS {
            let lines = version_lines(text);
            assert_eq!(lines.len(), text.split_whitespace().count(), "{repo}");
        }
        assert_eq!(
            version_lines("9.0-6.24 10.0-23"),
            [(9, 0, 6, 24), (10, 0, 23, 0)]
        );
    }

    #[test]
    fn published_tags_pull() {
        for image in [
            "nginx",
            "nginx:1.25",
            "nginx:1.27.4",
            "nginx:1.25-alpine",
            "nginx:stable-alpine",
            "busybox:1.28",
            "busybox:1.36.1",
            "postgres:17",
            "postgres:16.4-alpine",
            "registry.k8s.io/nginx-slim:0.8",
            "luksa/kubia-pet",
            "luksa/kubia:v2",
            "ubuntu:22.04",
            "debian:bookworm-slim",
            "mysql:8.0",
            "someone/app:v9",
            "quay.io/x/y",
            "registry.k8s.io/pause:3.10",
            "python:3.12",
        ] {
            assert_eq!(pull_failure(image), None, "{image}");
        }
    }

    #[test]
    fn missing_tags_and_repositories_fail() {
        assert_eq!(
            pull_failure("nginx:1.999").as_deref(),
            Some("rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.999\": failed to resolve reference \"docker.io/library/nginx:1.999\": docker.io/library/nginx:1.999: not found")
        );
        assert!(pull_failure("nginx:1.27.9").is_some());
        assert!(pull_failure("nginx:lastest").is_some());
        assert!(pull_failure("busybox:2.0").is_some());
        assert!(
            pull_failure("nginxx").is_some_and(
                |e| e.contains("\"docker.io/library/nginxx:latest\": pull access denied")
            )
        );
    }
}
