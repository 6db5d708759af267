//! The objects `kubectl create namespace|serviceaccount|deployment|service ...` builds,
//! field for field as kubectl v1.32's generators do (`pkg/cmd/create/create_*.go`), with
//! the client-side checks each one makes and their messages. Pure functions: no cluster,
//! no files (ConfigMaps and Secrets, which read files, are in `data.rs`).

use super::gojson::GoJson;
use crate::admission::names::{is_dns1123_subdomain, is_valid_port_name, is_valid_port_num};

/// `TypeMeta` then `ObjectMeta` as the generators fill them: `name` (omitted when empty),
/// `namespace` (only when `-n` was given), the zero `creationTimestamp`, then `labels`.
pub fn object(kind: &str, api_version: &str, meta: &Meta, labels: Option<GoJson>) -> GoJson {
    let mut m = GoJson::obj();
    if !meta.name.is_empty() {
        m.push("name", GoJson::str(meta.name));
    }
    if let Some(ns) = meta.namespace.filter(|ns| !ns.is_empty()) {
        m.push("namespace", GoJson::str(ns));
    }
    m.push("creationTimestamp", GoJson::Null);
    GoJson::obj()
        .with("kind", GoJson::str(kind))
        .with("apiVersion", GoJson::str(api_version))
        .with("metadata", m.with_opt("labels", labels))
}

/// The name on the command line and the namespace the object carries (kubectl sets it
/// only when `--namespace` was given; otherwise the server fills it in).
#[derive(Clone, Copy, Debug)]
pub struct Meta<'a> {
    pub name: &'a str,
    pub namespace: Option<&'a str>,
}

fn app_label(name: &str) -> GoJson {
    GoJson::string_map([("app", name)])
}

/// `kubectl create namespace NAME`.
pub fn namespace(name: &str) -> GoJson {
    let meta = Meta {
        name,
        namespace: None,
    };
    object("Namespace", "v1", &meta, None)
        .with("spec", GoJson::obj())
        .with("status", GoJson::obj())
}

/// `kubectl create serviceaccount NAME`.
pub fn service_account(meta: &Meta) -> GoJson {
    object("ServiceAccount", "v1", meta, None)
}

/// What `kubectl create deployment` was given.
#[derive(Clone, Debug)]
pub struct DeploymentArgs<'a> {
    pub meta: Meta<'a>,
    pub images: &'a [String],
    /// `--port`; negative means none.
    pub port: i64,
    pub replicas: i64,
    /// The words after `--`.
    pub command: &'a [String],
}

/// `Validate()` of `kubectl create deployment`.
pub fn validate_deployment(a: &DeploymentArgs) -> Result<(), String> {
    if a.images.len() > 1 && !a.command.is_empty() {
        return Err("cannot specify multiple --image options and command".into());
    }
    Ok(())
}

/// The container name kubectl derives from an image reference: the last path segment
/// without tag or digest; `_` and `.` become `-` and then a random suffix is added.
pub fn container_name(image: &str, suffix: &mut dyn FnMut() -> String) -> String {
    let mut name = image.rsplit('/').next().unwrap_or(image);
    if let Some((before, _)) = name.split_once(':') {
        name = before;
    }
    if let Some((before, _)) = name.split_once('@') {
        name = before;
    }
    if name.contains(['_', '.']) {
        format!("{}-{}", name.replace(['_', '.'], "-"), suffix())
    } else {
        name.to_string()
    }
}

/// `kubectl create deployment NAME --image=... [--replicas] [--port] [-- COMMAND]`.
pub fn deployment(a: &DeploymentArgs, suffix: &mut dyn FnMut() -> String) -> GoJson {
    let name = a.meta.name;
    let mut containers: Vec<GoJson> = a
        .images
        .iter()
        .map(|image| {
            let command = (!a.command.is_empty())
                .then(|| GoJson::List(a.command.iter().map(GoJson::str).collect()));
            GoJson::obj()
                .with("name", GoJson::str(container_name(image, suffix)))
                .with("image", GoJson::str(image))
                .with_opt("command", command)
        })
        .collect();
    if let Some(first) = containers.first_mut().filter(|_| a.port >= 0) {
        let port = GoJson::obj().with("containerPort", GoJson::Int(a.port));
        first.push("ports", GoJson::List(vec![port]));
    }
    for c in &mut containers {
        c.push("resources", GoJson::obj());
    }
    let template_meta = GoJson::obj()
        .with("creationTimestamp", GoJson::Null)
        .with("labels", app_label(name));
    let spec = GoJson::obj()
        .with("replicas", GoJson::Int(a.replicas))
        .with(
            "selector",
            GoJson::obj().with("matchLabels", app_label(name)),
        )
        .with(
            "template",
            GoJson::obj().with("metadata", template_meta).with(
                "spec",
                GoJson::obj().with("containers", GoJson::List(containers)),
            ),
        )
        .with("strategy", GoJson::obj());
    object("Deployment", "apps/v1", &a.meta, Some(app_label(name)))
        .with("spec", spec)
        .with("status", GoJson::obj())
}

/// The four `kubectl create service` sub-commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceType {
    ClusterIP,
    NodePort,
    LoadBalancer,
    ExternalName,
}

impl ServiceType {
    /// The `spec.type` value (also how kubectl names the type in its errors).
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceType::ClusterIP => "ClusterIP",
            ServiceType::NodePort => "NodePort",
            ServiceType::LoadBalancer => "LoadBalancer",
            ServiceType::ExternalName => "ExternalName",
        }
    }
}

/// What `kubectl create service TYPE` was given.
#[derive(Clone, Debug)]
pub struct ServiceArgs<'a> {
    pub meta: Meta<'a>,
    pub service_type: ServiceType,
    /// `--tcp` port specs (`port[:targetPort]`).
    pub tcp: &'a [String],
    /// `--clusterip` (`None` for a headless service).
    pub cluster_ip: &'a str,
    /// `--node-port` as given (Go `int`, stored as `int32`).
    pub node_port: i64,
    pub external_name: &'a str,
}

/// `Validate()` of `kubectl create service`.
pub fn validate_service(a: &ServiceArgs) -> Result<(), String> {
    if a.cluster_ip == "None" && a.service_type != ServiceType::ClusterIP {
        return Err("ClusterIP=None can only be used with ClusterIP service type".into());
    }
    if a.cluster_ip != "None" && a.tcp.is_empty() && a.service_type != ServiceType::ExternalName {
        return Err("at least one tcp port specifier must be provided".into());
    }
    if a.service_type == ServiceType::ExternalName
        && !is_dns1123_subdomain(a.external_name).is_empty()
    {
        return Err(format!("invalid service external name {}", a.external_name));
    }
    Ok(())
}

/// Go `strconv.ParseUint(s, 10, 16)`, as `utilsnet.ParsePort` calls it.
fn parse_port(s: &str) -> Result<i64, String> {
    let syntax = || format!("strconv.ParseUint: parsing {}: invalid syntax", go_quote(s));
    let range = || {
        format!(
            "strconv.ParseUint: parsing {}: value out of range",
            go_quote(s)
        )
    };
    if s.is_empty() {
        return Err(syntax());
    }
    let mut n: i64 = 0;
    for c in s.bytes() {
        if !c.is_ascii_digit() {
            return Err(syntax());
        }
        n = n * 10 + i64::from(c - b'0');
        if n > 65_535 {
            return Err(range());
        }
    }
    Ok(n)
}

/// Go `strconv.Atoi`: an optional sign and decimal digits that fit an `int`.
fn atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// kubectl's `parsePorts`: `port[:targetPort]`, the target a number or a port name.
fn parse_tcp(spec: &str) -> Result<(i64, GoJson), String> {
    let mut parts = spec.split(':');
    let port = parse_port(parts.next().unwrap_or(""))?;
    let Some(target) = parts.next() else {
        return Ok((port, GoJson::Int(port)));
    };
    match atoi(target) {
        Some(n) => {
            let errs = is_valid_port_num(n);
            if errs.is_empty() {
                Ok((port, GoJson::Int(n)))
            } else {
                Err(errs.join(","))
            }
        }
        None => {
            let errs = is_valid_port_name(target);
            if errs.is_empty() {
                Ok((port, GoJson::str(target)))
            } else {
                Err(errs.join(","))
            }
        }
    }
}

/// `kubectl create service TYPE NAME ...` (after [`validate_service`]).
pub fn service(a: &ServiceArgs) -> Result<GoJson, String> {
    let mut ports = Vec::new();
    for spec in a.tcp {
        let (port, target) = parse_tcp(spec)?;
        // Go converts the `int` flag to `int32`, wrapping as it goes.
        let node_port = a.node_port as i32;
        ports.push(
            GoJson::obj()
                .with("name", GoJson::str(spec.replace(':', "-")))
                .with("protocol", GoJson::str("TCP"))
                .with("port", GoJson::Int(port))
                .with("targetPort", target)
                .with_opt(
                    "nodePort",
                    (node_port != 0).then_some(GoJson::Int(node_port.into())),
                ),
        );
    }
    let spec = GoJson::obj()
        .with_opt("ports", (!ports.is_empty()).then_some(GoJson::List(ports)))
        .with("selector", app_label(a.meta.name))
        .with_opt(
            "clusterIP",
            (!a.cluster_ip.is_empty()).then(|| GoJson::str(a.cluster_ip)),
        )
        .with("type", GoJson::str(a.service_type.as_str()))
        .with_opt(
            "externalName",
            (!a.external_name.is_empty()).then(|| GoJson::str(a.external_name)),
        );
    Ok(
        object("Service", "v1", &a.meta, Some(app_label(a.meta.name)))
            .with("spec", spec)
            .with("status", GoJson::obj().with("loadBalancer", GoJson::obj())),
    )
}

fn go_quote(s: &str) -> String {
    crate::api::errors::go_quote(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::yaml_out::to_yaml;

    fn meta(name: &str) -> Meta<'_> {
        Meta {
            name,
            namespace: None,
        }
    }

    fn no_suffix() -> String {
        "xxxxx".into()
    }

    #[test]
    fn namespace_matches_kubectl() {
        assert_eq!(
            namespace("foo").indented(),
            "{\n    \"kind\": \"Namespace\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"foo\",\n        \"creationTimestamp\": null\n    },\n    \"spec\": {},\n    \"status\": {}\n}\n"
        );
    }

    #[test]
    fn deployment_matches_kubectl_dry_run() {
        let images = vec!["nginx".to_string()];
        let a = DeploymentArgs {
            meta: meta("web"),
            images: &images,
            port: 80,
            replicas: 3,
            command: &[],
        };
        let want = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n";
        assert_eq!(to_yaml(&deployment(&a, &mut no_suffix).to_value()), want);
    }

    #[test]
    fn container_names_follow_the_image() {
        let mut s = no_suffix;
        assert_eq!(
            container_name("registry.k8s.io/nginx-slim:0.8", &mut s),
            "nginx-slim"
        );
        assert_eq!(container_name("nginx@sha256:abc", &mut s), "nginx");
        assert_eq!(container_name("localhost:5000/a/b:1", &mut s), "b");
        assert_eq!(
            container_name("my_img.v2@sha256:abc", &mut s),
            "my-img-v2-xxxxx"
        );
    }

    #[test]
    fn deployment_command_and_checks() {
        let images = vec!["busybox".to_string()];
        let cmd = vec!["sleep".to_string(), "3600".to_string()];
        let a = DeploymentArgs {
            meta: Meta {
                name: "web",
                namespace: Some("dev"),
            },
            images: &images,
            port: -1,
            replicas: 1,
            command: &cmd,
        };
        let v = deployment(&a, &mut no_suffix).to_value();
        assert_eq!(v["metadata"]["namespace"], "dev");
        assert_eq!(
            v["spec"]["template"]["spec"]["containers"][0]["command"],
            serde_json::json!(["sleep", "3600"])
        );
        assert!(v["spec"]["template"]["spec"]["containers"][0]
            .get("ports")
            .is_none());
        let two = vec!["a".to_string(), "b".to_string()];
        let bad = DeploymentArgs {
            images: &two,
            ..a.clone()
        };
        assert_eq!(
            validate_deployment(&bad).unwrap_err(),
            "cannot specify multiple --image options and command"
        );
    }

    fn svc<'a>(ty: ServiceType, tcp: &'a [String], cluster_ip: &'a str) -> ServiceArgs<'a> {
        ServiceArgs {
            meta: meta("foo"),
            service_type: ty,
            tcp,
            cluster_ip,
            node_port: 0,
            external_name: "",
        }
    }

    #[test]
    fn service_ports_and_names() {
        let tcp = vec!["80:8080".to_string(), "443".to_string(), "81:http".into()];
        let v = service(&svc(ServiceType::ClusterIP, &tcp, "")).unwrap();
        assert_eq!(
            v.get_str("kind"),
            Some("Service"),
            "TypeMeta comes from the printer's type setter"
        );
        let ports = v.to_value()["spec"]["ports"].clone();
        assert_eq!(
            ports,
            serde_json::json!([
                {"name": "80-8080", "protocol": "TCP", "port": 80, "targetPort": 8080},
                {"name": "443", "protocol": "TCP", "port": 443, "targetPort": 443},
                {"name": "81-http", "protocol": "TCP", "port": 81, "targetPort": "http"},
            ])
        );
    }

    #[test]
    fn headless_service_has_no_ports() {
        let v = service(&svc(ServiceType::ClusterIP, &[], "None")).unwrap();
        assert_eq!(
            to_yaml(&v.to_value()),
            "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: foo\n  name: foo\nspec:\n  clusterIP: None\n  selector:\n    app: foo\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n"
        );
        assert!(validate_service(&svc(ServiceType::ClusterIP, &[], "None")).is_ok());
    }

    #[test]
    fn service_errors_match_kubectl() {
        let none: Vec<String> = vec![];
        assert_eq!(
            validate_service(&svc(ServiceType::NodePort, &none, "")).unwrap_err(),
            "at least one tcp port specifier must be provided"
        );
        let mut ext = svc(ServiceType::ExternalName, &none, "");
        ext.external_name = "Bad_Name";
        assert_eq!(
            validate_service(&ext).unwrap_err(),
            "invalid service external name Bad_Name"
        );
        let err = |spec: &str| {
            let tcp = vec![spec.to_string()];
            service(&svc(ServiceType::ClusterIP, &tcp, "")).unwrap_err()
        };
        assert_eq!(
            err("abc"),
            "strconv.ParseUint: parsing \"abc\": invalid syntax"
        );
        assert_eq!(
            err("70000"),
            "strconv.ParseUint: parsing \"70000\": value out of range"
        );
        assert_eq!(
            err("+80"),
            "strconv.ParseUint: parsing \"+80\": invalid syntax"
        );
        assert_eq!(err("80:0"), "must be between 1 and 65535, inclusive");
        assert_eq!(
            err("80:-"),
            "must contain at least one letter (a-z),must not begin or end with a hyphen"
        );
    }

    #[test]
    fn node_port_wraps_like_go_int32() {
        let tcp = vec!["80".to_string()];
        let mut a = svc(ServiceType::NodePort, &tcp, "");
        a.node_port = 3_000_000_000;
        let v = service(&a).unwrap().to_value();
        assert_eq!(v["spec"]["ports"][0]["nodePort"], -1_294_967_296i64);
    }
}
