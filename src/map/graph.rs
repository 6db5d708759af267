//! The map for slides: the same picture as [`super::text`] as a Graphviz `dot` digraph or
//! a Mermaid flowchart. Each object is one node (a pod two Services select has two
//! arrows in), each line of the text tree one arrow; a namespace is a box around its
//! objects, volumes (cluster-scoped) stand outside. Nodes and arrows come out in the
//! order the text map draws them, so an export is as deterministic as the map.

use super::collapse::{rows, rows_by_stem, Row};
use super::model::{ClaimNode, ClusterMap, Members, Tone, VolumeNode};
use std::collections::BTreeSet;

/// How a node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Service,
    Workload,
    Pod,
    Range,
    Claim,
    Volume,
}

struct Node {
    id: String,
    /// The namespace box it sits in; None for cluster-scoped volumes.
    namespace: Option<usize>,
    lines: Vec<String>,
    shape: Shape,
    tone: Option<Tone>,
}

#[derive(Default)]
struct Graph {
    namespaces: Vec<String>,
    nodes: Vec<Node>,
    ids: BTreeSet<String>,
    edges: Vec<(String, String)>,
    edge_set: BTreeSet<(String, String)>,
}

impl Graph {
    /// Adds a node once; returns its id.
    fn node(
        &mut self,
        id: String,
        namespace: Option<usize>,
        shape: Shape,
        lines: Vec<String>,
        tone: Option<Tone>,
    ) -> String {
        if self.ids.insert(id.clone()) {
            self.nodes.push(Node {
                id: id.clone(),
                namespace,
                lines,
                shape,
                tone,
            });
        }
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let e = (from.to_string(), to.to_string());
        if self.edge_set.insert(e.clone()) {
            self.edges.push(e);
        }
    }

    fn from_map(map: &ClusterMap) -> Graph {
        let mut g = Graph::default();
        for ns in &map.namespaces {
            let n = g.namespaces.len();
            g.namespaces.push(ns.name.clone());
            for svc in &ns.services {
                let mut lines = vec![format!("svc/{}", svc.name)];
                if !svc.summary.is_empty() {
                    lines.push(svc.summary.clone());
                }
                if let Some(sel) = &svc.selector {
                    lines.push(format!("selects {sel}"));
                }
                let id = g.node(
                    format!("svc/{}/{}", ns.name, svc.name),
                    Some(n),
                    Shape::Service,
                    lines,
                    None,
                );
                g.members(&svc.members, n, &ns.name, Some(&id));
            }
            g.members(&ns.unselected, n, &ns.name, None);
            for claim in &ns.loose_claims {
                g.claim(claim, n, &ns.name, None);
            }
            for v in &ns.released_volumes {
                g.volume(v);
            }
        }
        for v in &map.free_volumes {
            g.volume(v);
        }
        g
    }

    fn members(&mut self, members: &Members, n: usize, ns: &str, parent: Option<&str>) {
        for w in &members.workloads {
            let id = self.node(
                format!("{}/{}/{}", w.kind, ns, w.name),
                Some(n),
                Shape::Workload,
                vec![
                    format!("{}/{}", w.kind, w.name),
                    format!("{}/{} ready", w.ready, w.desired),
                ],
                None,
            );
            if let Some(p) = parent {
                self.edge(p, &id);
            }
            self.pods(rows(&w.pods), n, ns, Some(&id));
        }
        self.pods(rows_by_stem(&members.pods), n, ns, parent);
    }

    fn pods(&mut self, rows: Vec<Row<'_>>, n: usize, ns: &str, parent: Option<&str>) {
        for row in rows {
            match row {
                Row::Pod(p) => {
                    let id = self.node(
                        format!("pod/{ns}/{}", p.name),
                        Some(n),
                        Shape::Pod,
                        vec![
                            p.name.clone(),
                            format!("{} {}", p.ready, p.status),
                            p.node.clone().unwrap_or_else(|| "not scheduled".into()),
                        ],
                        Some(p.tone()),
                    );
                    if let Some(parent) = parent {
                        self.edge(parent, &id);
                    }
                    for c in &p.claims {
                        self.claim(c, n, ns, Some(&id));
                    }
                }
                Row::Range(r) => {
                    let mut lines = vec![format!("{} … {}", r.first(), r.last()), r.summary()];
                    for c in r.claims() {
                        lines.push(format!("pvc/{} … {}", c.first, c.last));
                        lines.push(c.summary);
                    }
                    let id = self.node(
                        format!("pods/{ns}/{}/{}", r.first(), r.last()),
                        Some(n),
                        Shape::Range,
                        lines,
                        None,
                    );
                    if let Some(parent) = parent {
                        self.edge(parent, &id);
                    }
                }
            }
        }
    }

    fn claim(&mut self, claim: &ClaimNode, n: usize, ns: &str, parent: Option<&str>) {
        let mut second = claim.phase.clone();
        if let Some(size) = &claim.size {
            second.push_str(&format!(" {size}"));
        }
        let id = self.node(
            format!("pvc/{ns}/{}", claim.name),
            Some(n),
            Shape::Claim,
            vec![format!("pvc/{}", claim.name), second],
            Some(claim.tone()),
        );
        if let Some(parent) = parent {
            self.edge(parent, &id);
        }
        if let Some(v) = &claim.volume {
            let pv = self.volume(v);
            self.edge(&id, &pv);
        }
    }

    fn volume(&mut self, v: &VolumeNode) -> String {
        let mut lines = vec![format!("pv/{}", v.name)];
        if v.phase != "Bound" {
            let mut l = if v.phase.is_empty() {
                "not found".to_string()
            } else {
                v.phase.clone()
            };
            if !v.reclaim_policy.is_empty() {
                l.push_str(&format!(", {}", v.reclaim_policy));
            }
            lines.push(l);
        }
        self.node(format!("pv/{}", v.name), None, Shape::Volume, lines, None)
    }
}

fn fill(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Good => ("#c8e6c9", "#2e7d32"),
        Tone::Waiting => ("#fff9c4", "#f9a825"),
        Tone::Bad => ("#ffcdd2", "#c62828"),
        Tone::Gone => ("#eeeeee", "#757575"),
    }
}

fn dot_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The map as a Graphviz digraph (`dot -Tsvg map.dot > map.svg`).
pub fn to_dot(map: &ClusterMap) -> String {
    let g = Graph::from_map(map);
    let mut out = String::from("digraph cluster_map {\n");
    out.push_str("  rankdir=TB;\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11];\n");
    let node_line = |n: &Node, indent: &str| {
        let (shape, style) = match n.shape {
            Shape::Service => ("box", "rounded,bold"),
            Shape::Workload => ("box3d", "solid"),
            Shape::Pod => ("box", "rounded,filled"),
            Shape::Range => ("box", "rounded,dashed"),
            Shape::Claim => ("cylinder", "filled"),
            Shape::Volume => ("cylinder", "solid"),
        };
        let mut attrs = format!(
            "label={}, shape={shape}, style={}",
            dot_quote(&n.lines.join("\n")),
            dot_quote(style)
        );
        if let Some(t) = n.tone {
            let (fill, stroke) = fill(t);
            attrs.push_str(&format!(", fillcolor=\"{fill}\", color=\"{stroke}\""));
        }
        format!("{indent}{} [{attrs}];\n", dot_quote(&n.id))
    };
    for (i, ns) in g.namespaces.iter().enumerate() {
        out.push_str(&format!(
            "  subgraph {} {{\n    label={};\n",
            dot_quote(&format!("cluster_{ns}")),
            dot_quote(&format!("namespace {ns}"))
        ));
        for n in g.nodes.iter().filter(|n| n.namespace == Some(i)) {
            out.push_str(&node_line(n, "    "));
        }
        out.push_str("  }\n");
    }
    for n in g.nodes.iter().filter(|n| n.namespace.is_none()) {
        out.push_str(&node_line(n, "  "));
    }
    for (a, b) in &g.edges {
        out.push_str(&format!("  {} -> {};\n", dot_quote(a), dot_quote(b)));
    }
    out.push_str("}\n");
    out
}

fn mermaid_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            c => out.push(c),
        }
    }
    out
}

/// The map as a Mermaid flowchart (a Markdown ```mermaid block, or mermaid-cli).
pub fn to_mermaid(map: &ClusterMap) -> String {
    let g = Graph::from_map(map);
    // Mermaid ids are plain words: number the nodes in drawing order.
    let short: std::collections::BTreeMap<&str, String> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), format!("n{}", i + 1)))
        .collect();
    let id_of = |id: &str| short.get(id).map_or("n0", |s| s.as_str()).to_string();
    let node_line = |n: &Node, indent: &str| {
        let label = format!(
            "\"{}\"",
            n.lines
                .iter()
                .map(|l| mermaid_text(l))
                .collect::<Vec<_>>()
                .join("<br/>")
        );
        let (open, close) = match n.shape {
            Shape::Service => ("([", "])"),
            Shape::Workload => ("[[", "]]"),
            Shape::Pod | Shape::Range => ("(", ")"),
            Shape::Claim | Shape::Volume => ("[(", ")]"),
        };
        format!("{indent}{}{open}{label}{close}\n", id_of(&n.id))
    };
    let mut out = String::from("flowchart TD\n");
    for (i, ns) in g.namespaces.iter().enumerate() {
        out.push_str(&format!(
            "  subgraph ns{}[\"namespace {}\"]\n",
            i + 1,
            mermaid_text(ns)
        ));
        for n in g.nodes.iter().filter(|n| n.namespace == Some(i)) {
            out.push_str(&node_line(n, "    "));
        }
        out.push_str("  end\n");
    }
    for n in g.nodes.iter().filter(|n| n.namespace.is_none()) {
        out.push_str(&node_line(n, "  "));
    }
    for (a, b) in &g.edges {
        out.push_str(&format!("  {} --> {}\n", id_of(a), id_of(b)));
    }
    let classes = [
        (Tone::Good, "good"),
        (Tone::Waiting, "waiting"),
        (Tone::Bad, "bad"),
        (Tone::Gone, "gone"),
    ];
    for (tone, class) in classes {
        let members: Vec<String> = g
            .nodes
            .iter()
            .filter(|n| n.tone == Some(tone))
            .map(|n| id_of(&n.id))
            .collect();
        if members.is_empty() {
            continue;
        }
        let (fill, stroke) = fill(tone);
        out.push_str(&format!(
            "  classDef {class} fill:{fill},stroke:{stroke}\n  class {} {class}\n",
            members.join(",")
        ));
    }
    out
}
