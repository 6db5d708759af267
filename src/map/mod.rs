//! The cluster map: the sandbox's `map` command and `kubetutor map`, a picture of the
//! cluster as a person would sketch it. Services at the top, the workloads and pods they
//! select (in ordinal order, with status and node), each pod's claims and the volumes
//! behind them; then pods no Service selects, claims no pod mounts and volumes left
//! without a claim. [`model`] reads the picture from the store; [`text`] draws it for a
//! terminal, [`graph`] exports it as Graphviz `dot` or Mermaid for slides.

pub mod collapse;
pub mod graph;
pub mod model;
mod nodes;
pub mod text;

use crate::api::Kind;
use crate::kubectl::output::Sink;
use crate::kubectl::session::Session;
use crate::store::{ObjKey, Store};
use clap::Parser;
pub use model::{build, ClusterMap, Scope};

/// What the picture is drawn as.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// A tree for the terminal (80 columns).
    #[default]
    Text,
    /// A Graphviz digraph.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// The options of `map` (the sandbox command) and `kubetutor map` (the export).
#[derive(clap::Args, Clone, Debug, Default, PartialEq, Eq)]
pub struct MapArgs {
    /// How to draw the map.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The namespace to draw (default: the current one).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// Draw every namespace that holds pods, Services or claims.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
}

/// `map [--format text|dot|mermaid] [-n NAMESPACE | -A]` typed in the sandbox.
#[derive(Parser, Debug)]
#[command(
    name = "map",
    about = "Draw the cluster: Services over their pods, each pod over its claims and volumes",
    disable_version_flag = true,
    color = clap::ColorChoice::Never
)]
struct MapCommand {
    #[command(flatten)]
    args: MapArgs,
}

/// Draws the map of `scope`. Colour (text only) for a colour terminal.
pub fn render(store: &Store, scope: &Scope, format: Format, color: bool) -> String {
    let map = build(store, scope);
    match format {
        Format::Text => text::render(&map, color),
        Format::Dot => graph::to_dot(&map),
        Format::Mermaid => graph::to_mermaid(&map),
    }
}

/// Draws the map `args` ask for, from the session's cluster; Err with kubectl's wording
/// when the namespace does not exist.
pub fn render_args(session: &Session, args: &MapArgs, color: bool) -> Result<String, String> {
    let store = &session.cluster.api.store;
    let scope = if args.all_namespaces {
        Scope::All
    } else {
        let ns = args
            .namespace
            .clone()
            .unwrap_or_else(|| session.namespace.clone());
        if !store.contains(&ObjKey::new(Kind::Namespace, "", &ns)) {
            return Err(format!(
                "Error from server (NotFound): namespaces \"{ns}\" not found\n"
            ));
        }
        Scope::Namespace(ns)
    };
    let color = color && args.format == Format::Text;
    Ok(render(store, &scope, args.format, color))
}

/// The sandbox's `map` command (`args` without the leading `map`). Returns its status.
pub fn command(session: &Session, args: &[String], sink: &mut dyn Sink) -> i32 {
    let parsed =
        MapCommand::try_parse_from(std::iter::once("map".to_string()).chain(args.iter().cloned()));
    let cmd = match parsed {
        Ok(cmd) => cmd,
        Err(e) => {
            let text = e.render().to_string();
            return if e.use_stderr() {
                sink.err(&text);
                2
            } else {
                sink.out(&text);
                0
            };
        }
    };
    match render_args(session, &cmd.args, sink.color()) {
        Ok(text) => {
            sink.out(&text);
            0
        }
        Err(e) => {
            sink.err(&e);
            1
        }
    }
}

#[cfg(test)]
mod tests;
