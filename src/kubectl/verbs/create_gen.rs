//! `kubectl create <kind> NAME ...`: the object generators (namespace, serviceaccount,
//! deployment, configmap, secret generic, service clusterip|nodeport|loadbalancer|
//! externalname). Each builds the object kubectl v1.32 builds, makes kubectl's checks in
//! kubectl's order (name, `--dry-run`, printer, `--validate`, the generator's own checks),
//! then prints it (`--dry-run=client`) or sends it through the apiserver, so admission
//! defaults and validation apply, and reports the apiserver's errors the way each kubectl
//! generator wraps them.

mod builders;
mod data;
mod files;
mod gojson;
mod print;

pub use builders::ServiceType;
pub use gojson::GoJson;

use super::apply::LAST_APPLIED;
use super::VerbCtx;
use crate::api::{ApiError, Kind, Object};
use crate::kubectl::cli::{self, DryRun};
use crate::kubectl::errors;
use builders::Meta;
use print::Shown;

/// One simulated generator, by its command path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generator {
    Namespace,
    ServiceAccount,
    Deployment,
    ConfigMap,
    SecretGeneric,
    Service(ServiceType),
}

impl Generator {
    /// The generator for a command path (`"create service clusterip"`).
    pub fn from_path(path: &str) -> Option<Generator> {
        Some(match path.strip_prefix("create ")? {
            "namespace" => Generator::Namespace,
            "serviceaccount" => Generator::ServiceAccount,
            "deployment" => Generator::Deployment,
            "configmap" => Generator::ConfigMap,
            "secret generic" => Generator::SecretGeneric,
            "service clusterip" => Generator::Service(ServiceType::ClusterIP),
            "service nodeport" => Generator::Service(ServiceType::NodePort),
            "service loadbalancer" => Generator::Service(ServiceType::LoadBalancer),
            "service externalname" => Generator::Service(ServiceType::ExternalName),
            _ => return None,
        })
    }

    pub fn kind(self) -> Kind {
        match self {
            Generator::Namespace => Kind::Namespace,
            Generator::ServiceAccount => Kind::ServiceAccount,
            Generator::Deployment => Kind::Deployment,
            Generator::ConfigMap => Kind::ConfigMap,
            Generator::SecretGeneric => Kind::Secret,
            Generator::Service(_) => Kind::Service,
        }
    }

    /// What kubectl prints for an apiserver error: `create namespace` passes the status
    /// through (`Error from server (AlreadyExists): ...`); the others wrap its message.
    pub fn render_error(self, e: &ApiError) -> String {
        let wrapped = match self {
            Generator::Namespace => return errors::render(e),
            Generator::ServiceAccount => format!("failed to create serviceaccount: {e}"),
            Generator::Deployment => format!("failed to create deployment: {e}"),
            Generator::ConfigMap => format!("failed to create configmap: {e}"),
            // kubectl's format string has no colon here.
            Generator::SecretGeneric => format!("failed to create secret {e}"),
            Generator::Service(t) => format!("failed to create {} service: {e}", t.as_str()),
        };
        errors::client(&wrapped)
    }

    /// Whether `--save-config` takes effect (`create service` never reads the flag).
    fn honours_save_config(self) -> bool {
        !matches!(self, Generator::Service(_))
    }

    /// Whether the command checks for an empty NAME itself (`name must be specified`).
    fn requires_nonempty_name(self) -> bool {
        matches!(
            self,
            Generator::Namespace
                | Generator::ServiceAccount
                | Generator::ConfigMap
                | Generator::SecretGeneric
        )
    }
}

/// `kubectl create` with arguments but no generator (`kubectl create foo`).
pub fn unexpected_args(ctx: &mut VerbCtx) -> i32 {
    let args = ctx.args.positionals().join(" ");
    ctx.usage_error(&format!("Unexpected args: [{args}]"), "create")
}

/// The klog header fields for warnings (as the session stamps usage errors).
fn stamp(ctx: &VerbCtx) -> cli::KlogStamp {
    cli::KlogStamp {
        unix_millis: ctx.session.cluster.now(),
        pid: 4242,
    }
}

/// `cmdutil.GetValidationDirective`: only checks the value; generated objects have no
/// unknown fields, so strict, warn and ignore behave alike.
fn check_validate(value: &str) -> Result<(), String> {
    if cli::parse_bool(value).is_ok() || matches!(value, "strict" | "warn" | "ignore") {
        return Ok(());
    }
    Err(format!(
        "invalid - validate option {}; must be one of: strict (or true), warn, ignore (or false)",
        crate::api::errors::go_quote(value)
    ))
}

/// `kubectl create <kind> ...` for every simulated generator path.
pub fn create(ctx: &mut VerbCtx) -> i32 {
    let path = ctx.args.inv.verb.clone();
    let Some(generator) = Generator::from_path(&path) else {
        return ctx.not_simulated(&format!("kubectl {path}"));
    };
    let names = ctx.args.positionals().to_vec();
    if names.len() != 1 {
        let msg = format!("exactly one NAME is required, got {}", names.len());
        return ctx.usage_error(&msg, &path);
    }
    let name = names[0].clone();
    let dry_run = match cli::dry_run(ctx.args.inv) {
        Ok((d, warning)) => {
            if let Some(w) = warning {
                let text = w.render(&stamp(ctx));
                ctx.sink.err(&text);
            }
            d
        }
        Err(e) => {
            let text = e.render(&stamp(ctx));
            ctx.sink.err(&text);
            return e.exit_code();
        }
    };
    let output = ctx.args.str("output").unwrap_or_default();
    let template = ctx.args.str("template").unwrap_or_default();
    let printer = match print::printer(&output, &template, ctx.args.is_set("output")) {
        Ok(p) => p,
        Err(e) if e.starts_with("kubetutor: ") => {
            ctx.sink.err(&format!("{e}\n"));
            return 1;
        }
        Err(e) => return ctx.fail(&e),
    };
    if let Err(e) = check_validate(&ctx.args.str("validate").unwrap_or_default()) {
        return ctx.fail(&e);
    }
    if generator.requires_nonempty_name() && name.is_empty() {
        return ctx.fail("name must be specified");
    }
    let mut object = match build(ctx, generator, &name) {
        Ok(o) => o,
        Err(e) => return ctx.fail(&e),
    };
    if generator.honours_save_config() && ctx.args.bool("save-config") {
        let last = format!("{}\n", object.compact());
        if let Some(meta) = object.get_mut("metadata") {
            meta.push(
                "annotations",
                GoJson::string_map([(LAST_APPLIED, last.as_str())]),
            );
        }
    }
    let kind = generator.kind();
    let (shown, note) = match dry_run {
        DryRun::Client => {
            let name = format!("{}/{}", kind.info().kind_group(), name);
            let text = print::render(
                &printer,
                &Shown::Built {
                    object: &object,
                    name,
                },
                " (dry run)",
            );
            return finish(ctx, text);
        }
        DryRun::Server => (send(ctx, generator, &object, true), " (server dry run)"),
        DryRun::None => (send(ctx, generator, &object, false), ""),
    };
    match shown {
        Ok(obj) => {
            let mut value = super::get::served_json(&obj);
            if dry_run == DryRun::Server {
                // A dry-run create is never written to etcd, so it has no resourceVersion.
                if let Some(meta) = value.get_mut("metadata").and_then(|m| m.as_object_mut()) {
                    meta.remove("resourceVersion");
                }
            }
            let text = print::render(&printer, &Shown::Served(&obj, value), note);
            finish(ctx, text)
        }
        Err(text) => {
            ctx.sink.err(&text);
            1
        }
    }
}

/// Print the rendered result, or the template error.
fn finish(ctx: &mut VerbCtx, text: Result<String, String>) -> i32 {
    match text {
        Ok(t) => {
            ctx.sink.out(&t);
            0
        }
        Err(e) => ctx.fail(&e),
    }
}

/// Create the object through the apiserver (a copy of it for a server dry-run), in the
/// namespace in effect. `Err` is the text kubectl prints.
fn send(
    ctx: &mut VerbCtx,
    generator: Generator,
    object: &GoJson,
    dry_run: bool,
) -> Result<Object, String> {
    let kind = generator.kind();
    let mut obj = Object::from_json_lenient(kind, object.to_value())
        .map_err(|e| errors::client(&e.to_string()))?;
    if kind.info().namespaced {
        obj.meta_mut().namespace = Some(ctx.namespace.clone());
    }
    let api = &mut ctx.session.cluster.api;
    let created = if dry_run {
        api.clone().create(obj)
    } else {
        api.create(obj)
    };
    created
        .map(|o| o.as_ref().clone())
        .map_err(|e| generator.render_error(&e))
}

/// Build the object from the command line (`Err`: kubectl's client-side message).
fn build(ctx: &mut VerbCtx, generator: Generator, name: &str) -> Result<GoJson, String> {
    let args = ctx.args;
    // kubectl sets the namespace on the object only when `--namespace` was given.
    let explicit_ns = args.str("namespace").filter(|s| !s.is_empty());
    let meta = Meta {
        name,
        namespace: explicit_ns.as_deref(),
    };
    let int = |flag: &str| -> Result<i64, String> {
        args.int(flag)
            .map(|v| v.unwrap_or_default())
            .map_err(|e| e.trim_end().trim_start_matches("error: ").to_string())
    };
    match generator {
        Generator::Namespace => Ok(builders::namespace(name)),
        Generator::ServiceAccount => Ok(builders::service_account(&meta)),
        Generator::Deployment => {
            let images = args.all("image");
            let a = builders::DeploymentArgs {
                meta,
                images: &images,
                port: int("port")?,
                replicas: int("replicas")?,
                command: &args.inv.after_dash,
            };
            builders::validate_deployment(&a)?;
            let ids = &mut ctx.session.cluster.api.ids;
            Ok(builders::deployment(&a, &mut || ids.suffix(5)))
        }
        Generator::Service(service_type) => {
            let tcp = args.all("tcp");
            let a = builders::ServiceArgs {
                meta,
                service_type,
                tcp: &tcp,
                cluster_ip: &args.str("clusterip").unwrap_or_default(),
                node_port: int("node-port")?,
                external_name: &args.str("external-name").unwrap_or_default(),
            };
            builders::validate_service(&a)?;
            builders::service(&a)
        }
        Generator::ConfigMap | Generator::SecretGeneric => {
            let (files, literals, env_files) = (
                args.all("from-file"),
                args.all("from-literal"),
                args.all("from-env-file"),
            );
            let sources = data::Sources {
                files: &files,
                literals: &literals,
                env_files: &env_files,
            };
            sources.validate()?;
            let mut reader = files::WorkspaceFiles::new(&ctx.session.workspace);
            if generator == Generator::ConfigMap {
                data::config_map(&meta, &sources, &mut reader)
            } else {
                let secret_type = args.str("type").unwrap_or_default();
                data::secret(&meta, &secret_type, &sources, &mut reader)
            }
        }
    }
}
