//! The kubectl verbs the sandbox serves, one file each, all going through the apiserver.

pub mod apply;
pub mod create_gen;
pub mod delete;
pub mod describe;
pub mod drain;
pub mod edit;
pub mod exec;
pub mod get;
pub mod info;
pub mod label;
pub mod logs;
pub mod nodes;
pub mod patch;
pub mod rollout;
pub mod run;
pub mod scale;
pub mod set_image;
pub mod wait;

use super::output::Sink;
use super::session::{Args, Session};
use crate::api::labels::Selector;
use crate::api::{Kind, Object};
use crate::store::ObjKey;
use std::sync::Arc;

/// What a verb works with.
pub struct VerbCtx<'a, 'b> {
    pub session: &'a mut Session,
    pub args: &'a Args<'b>,
    /// The namespace in effect (`-n`, else the session's).
    pub namespace: String,
    pub stdin: Option<&'a str>,
    pub sink: &'a mut dyn Sink,
}

impl VerbCtx<'_, '_> {
    /// Print a client-side error (`error: ...`) and return kubectl's exit code.
    pub fn fail(&mut self, message: &str) -> i32 {
        self.sink.err(&super::errors::client(message));
        1
    }

    /// A usage error: the message and kubectl's pointer to the help.
    pub fn usage_error(&mut self, message: &str, verb: &str) -> i32 {
        self.sink.err(&format!(
            "error: {message}\nSee 'kubectl {verb} -h' for help and examples\n"
        ));
        1
    }

    pub fn not_simulated(&mut self, what: &str) -> i32 {
        self.sink
            .err(&format!("kubetutor: not simulated: {what}\n"));
        1
    }

    /// The `-l` selector, if any.
    pub fn selector(&self) -> Result<Option<Selector>, String> {
        match self.args.str("selector") {
            Some(s) => Selector::parse(&s).map(Some),
            None => Ok(None),
        }
    }

    pub fn all_namespaces(&self) -> bool {
        self.args.bool("all-namespaces")
    }

    /// The namespace to look in for `kind` (None: every namespace, or cluster-scoped).
    pub fn scope(&self, kind: Kind) -> Option<String> {
        if !kind.info().namespaced || self.all_namespaces() {
            None
        } else {
            Some(self.namespace.clone())
        }
    }

    /// Objects of `kind` in scope that match the selector.
    pub fn list(&self, kind: Kind, selector: Option<&Selector>) -> Vec<Arc<Object>> {
        let scope = self.scope(kind);
        self.session
            .cluster
            .api
            .store
            .list(kind, scope.as_deref())
            .filter(|o| selector.is_none_or(|s| s.matches(o.meta().labels.as_ref())))
            .cloned()
            .collect()
    }

    /// The objects a selection names: its names in the namespace in effect, or, when it
    /// names none, every object of its kind in scope that matches the selector.
    pub fn keys(
        &self,
        sel: &super::resources::Selection,
        selector: Option<&Selector>,
    ) -> Vec<ObjKey> {
        if sel.names.is_empty() {
            self.list(sel.kind, selector)
                .iter()
                .map(|o| ObjKey::of(o))
                .collect()
        } else {
            sel.names
                .iter()
                .map(|n| ObjKey::new(sel.kind, &self.namespace, n))
                .collect()
        }
    }

    /// Settle the cluster for `ms` of virtual time.
    pub fn advance(&mut self, ms: i64) {
        self.session.cluster.advance(ms);
    }
}

/// Route a parsed command to its verb.
pub fn dispatch(ctx: &mut VerbCtx) -> i32 {
    let verb = ctx.args.inv.verb.clone();
    match verb.as_str() {
        "apply" => apply::apply(ctx),
        "create" if !ctx.args.positionals().is_empty() => create_gen::unexpected_args(ctx),
        "create" => apply::create(ctx),
        p if p.starts_with("create ") => create_gen::create(ctx),
        "get" => get::get(ctx),
        "describe" => describe::describe(ctx),
        "delete" => delete::delete(ctx),
        "scale" => scale::scale(ctx),
        "patch" => patch::patch(ctx),
        "label" => label::label(ctx, label::Which::Labels),
        "annotate" => label::label(ctx, label::Which::Annotations),
        "events" => get::events(ctx),
        "api-resources" => info::api_resources(ctx),
        "version" => info::version(ctx),
        "cluster-info" => info::cluster_info(ctx),
        "wait" => wait::wait(ctx),
        "exec" => exec::exec(ctx),
        "run" => run::run(ctx),
        "logs" => logs::logs(ctx),
        "cordon" => nodes::cordon(ctx, true),
        "uncordon" => nodes::cordon(ctx, false),
        "drain" => drain::drain(ctx),
        p if p.starts_with("rollout ") => rollout::rollout(ctx),
        "set image" => set_image::set_image(ctx),
        "edit" => edit::edit(ctx),
        "explain" => ctx.not_simulated(
            "kubectl explain (the sandbox has no OpenAPI schema; see the Kubernetes API reference)",
        ),
        other => ctx.not_simulated(&format!("kubectl {other}")),
    }
}
