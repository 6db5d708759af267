//! The map as text, drawn the way a person sketches a cluster on a whiteboard: each
//! Service at the top of a tree, its workloads under it, their pods in ordinal order
//! (ready containers, status, node), each pod over its claims and each claim over its
//! volume. Lines fit 80 columns for the usual names; a long run of pods is one range
//! row ([`super::collapse`]). Colour (statuses only) is for a terminal and is decided by
//! the caller.

use super::collapse::{rows, rows_by_stem, Row};
use super::model::{ClaimNode, ClusterMap, Members, NamespaceMap, ServiceNode, Tone, VolumeNode};

/// A line and what hangs under it.
struct Tree {
    line: String,
    children: Vec<Tree>,
}

impl Tree {
    fn leaf(line: String) -> Tree {
        Tree {
            line,
            children: Vec::new(),
        }
    }
}

/// The map's width: lines that would be wider are wrapped where they allow it.
pub const COLUMNS: usize = 80;

/// Writes a node's line; its further lines (a wrapped line) go under its text, after
/// `prefix` and a bar down to its children if it has any.
fn push_line(tree: &Tree, first: &str, prefix: &str, out: &mut String) {
    let mut lines = tree.line.split('\n');
    out.push_str(first);
    out.push_str(lines.next().unwrap_or(""));
    out.push('\n');
    let bar = if tree.children.is_empty() {
        "    "
    } else {
        "│   "
    };
    for more in lines {
        out.push_str(prefix);
        out.push_str(bar);
        out.push_str(more);
        out.push('\n');
    }
}

/// Draws `children` under a line, with box-drawing connectors.
fn draw_children(children: &[Tree], prefix: &str, out: &mut String) {
    for (i, child) in children.iter().enumerate() {
        let last = i + 1 == children.len();
        let (branch, carry) = if last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        let below = format!("{prefix}{carry}");
        push_line(child, &format!("{prefix}{branch}"), &below, out);
        draw_children(&child.children, &below, out);
    }
}

fn draw(tree: &Tree, out: &mut String) {
    push_line(tree, "", "", out);
    draw_children(&tree.children, "", out);
}

/// Colours a word when the map goes to a colour terminal.
struct Paint {
    color: bool,
}

impl Paint {
    fn tone(&self, text: &str, tone: Tone) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match tone {
            Tone::Good => "32",
            Tone::Waiting => "33",
            Tone::Bad => "31",
            Tone::Gone => "2",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// The whole map as text (every line ends in a newline).
pub fn render(map: &ClusterMap, color: bool) -> String {
    let paint = Paint { color };
    let mut out = String::new();
    for (i, ns) in map.namespaces.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_namespace(ns, &paint, &mut out);
    }
    if !map.free_volumes.is_empty() {
        out.push('\n');
        draw(
            &Tree {
                line: "volumes no claim has bound yet".into(),
                children: map
                    .free_volumes
                    .iter()
                    .map(|v| volume_tree(v, &paint))
                    .collect(),
            },
            &mut out,
        );
    }
    out
}

fn render_namespace(ns: &NamespaceMap, paint: &Paint, out: &mut String) {
    out.push_str(&format!("namespace {}\n", ns.name));
    if ns.is_empty() {
        out.push_str("no pods, claims or Services with a selector yet\n");
    }
    for svc in &ns.services {
        out.push('\n');
        draw(
            &Tree {
                line: service_line(svc),
                children: member_trees(&svc.members, paint),
            },
            out,
        );
    }
    if !ns.selectorless.is_empty() {
        out.push('\n');
        for svc in &ns.selectorless {
            draw(&Tree::leaf(service_line(svc)), out);
        }
    }
    if !ns.unselected.is_empty() {
        out.push('\n');
        draw(
            &Tree {
                line: "not selected by any Service".into(),
                children: member_trees(&ns.unselected, paint),
            },
            out,
        );
    }
    if !ns.loose_claims.is_empty() {
        out.push('\n');
        draw(
            &Tree {
                line: "claims no pod mounts".into(),
                children: ns
                    .loose_claims
                    .iter()
                    .map(|c| claim_tree(c, paint))
                    .collect(),
            },
            out,
        );
    }
    if !ns.released_volumes.is_empty() {
        out.push('\n');
        draw(
            &Tree {
                line: "volumes whose claim is gone".into(),
                children: ns
                    .released_volumes
                    .iter()
                    .map(|v| volume_tree(v, paint))
                    .collect(),
            },
            out,
        );
    }
}

fn service_line(svc: &ServiceNode) -> String {
    let selects = match &svc.selector {
        Some(sel) => format!("selects {sel}"),
        None => "no selector".into(),
    };
    if svc.summary.is_empty() {
        return format!("svc/{}  {selects}", svc.name);
    }
    let line = format!("svc/{}  {}, {selects}", svc.name, svc.summary);
    if line.chars().count() <= COLUMNS {
        line
    } else {
        format!("svc/{}  {},\n{selects}", svc.name, svc.summary)
    }
}

fn member_trees(members: &Members, paint: &Paint) -> Vec<Tree> {
    let mut out: Vec<Tree> = members
        .workloads
        .iter()
        .map(|w| Tree {
            line: format!("{}/{}  {}/{} ready", w.kind, w.name, w.ready, w.desired),
            children: pod_trees(rows(&w.pods), paint),
        })
        .collect();
    out.extend(pod_trees(rows_by_stem(&members.pods), paint));
    out
}

/// Pods as rows, their columns aligned among siblings.
fn pod_trees(rows: Vec<Row<'_>>, paint: &Paint) -> Vec<Tree> {
    let shown = || {
        rows.iter().filter_map(|r| match r {
            Row::Pod(p) => Some(*p),
            Row::Range(_) => None,
        })
    };
    let name_w = shown().map(|p| p.name.chars().count()).max().unwrap_or(0);
    let ready_w = shown().map(|p| p.ready.len()).max().unwrap_or(0);
    let status_w = shown().map(|p| p.status.chars().count()).max().unwrap_or(0);
    rows.iter()
        .map(|row| match row {
            Row::Pod(p) => {
                let status = format!("{:<status_w$}", p.status);
                Tree {
                    line: format!(
                        "{:<name_w$}  {:<ready_w$}  {}  {}",
                        p.name,
                        p.ready,
                        paint.tone(&status, p.tone()),
                        p.node.as_deref().unwrap_or("not scheduled")
                    ),
                    children: p.claims.iter().map(|c| claim_tree(c, paint)).collect(),
                }
            }
            Row::Range(r) => Tree {
                line: format!("{} … {}  {}", r.first(), r.last(), r.summary()),
                children: r
                    .claims()
                    .into_iter()
                    .map(|c| Tree::leaf(format!("pvc/{} … {}  {}", c.first, c.last, c.summary)))
                    .collect(),
            },
        })
        .collect()
}

fn claim_tree(claim: &ClaimNode, paint: &Paint) -> Tree {
    let mut line = format!(
        "pvc/{}  {}",
        claim.name,
        paint.tone(&claim.phase, claim.tone())
    );
    if let Some(size) = &claim.size {
        line.push_str(&format!("  {size}"));
    }
    Tree {
        line,
        children: claim.volume.iter().map(|v| volume_tree(v, paint)).collect(),
    }
}

fn volume_tree(volume: &VolumeNode, paint: &Paint) -> Tree {
    let mut line = format!("pv/{}", volume.name);
    match volume.phase.as_str() {
        "Bound" => {}
        "" => line.push_str("  not found"),
        phase => {
            let tone = if phase == "Failed" {
                Tone::Bad
            } else {
                Tone::Gone
            };
            line.push_str(&format!("  {}", paint.tone(phase, tone)));
            if let Some(claim) = &volume.claim {
                line.push_str(&format!(", was {claim}"));
            }
            if !volume.reclaim_policy.is_empty() {
                line.push_str(&format!(", {}", volume.reclaim_policy));
            }
        }
    }
    Tree::leaf(line)
}
