//! Finding the line of a field in a YAML document, for `FILE:LINE:` in lint findings.
//!
//! The document has already parsed, so its block structure is sound; the locator follows
//! a path (`spec`, `template`, `containers`, item 0, `image`) down by indentation: a key's
//! children are the lines indented deeper than the key (and, for a list, the `- ` items
//! at the key's own column, the style `kubectl get -o yaml` prints). When the path goes
//! into flow style (`accessModes: [...]`) or cannot be followed, the line of the deepest
//! part found is given, so a finding always points near its cause.

/// One step of a path: a mapping key or a list index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A line's structure: its first column, whether it starts a list item, and the key it
/// holds (after the `- `, if any) with that key's column.
struct LineShape<'a> {
    indent: usize,
    dash: bool,
    key: Option<(usize, &'a str)>,
}

fn shape(line: &str) -> Option<LineShape<'_>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    if rest.is_empty() || rest.starts_with('#') {
        return None;
    }
    let (dash, col, body) = match rest.strip_prefix('-') {
        Some(after) if after.is_empty() || after.starts_with(' ') => {
            let trimmed = after.trim_start_matches(' ');
            (true, indent + 1 + (after.len() - trimmed.len()), trimmed)
        }
        _ => (false, indent, rest),
    };
    let key = body.find(':').and_then(|i| {
        let after = &body[i + 1..];
        let k = body[..i].trim().trim_matches(|c| c == '"' || c == '\'');
        let plain = !k.is_empty() && !k.contains(['{', '[', '#', ' ']);
        (plain && (after.is_empty() || after.starts_with([' ', '\t']))).then_some((col, k))
    });
    Some(LineShape { indent, dash, key })
}

/// The 1-based line (within `doc`) of the field at `path`, or of the deepest part of the
/// path that could be followed; None when not even the first key is found.
pub fn line_of(doc: &str, path: &[Seg]) -> Option<usize> {
    let lines: Vec<Option<LineShape>> = doc.lines().map(shape).collect();
    let shape_at = |i: usize| lines[i].as_ref();
    // The scope: lines lo..hi, the column its parent sits at (None: top level), and the
    // parent key's own line (not one of its children).
    let (mut lo, mut hi) = (0usize, lines.len());
    let mut parent: Option<usize> = None;
    let mut skip: Option<usize> = None;
    let mut found: Option<usize> = None;
    for seg in path {
        let searchable = |i: usize| Some(i) != skip;
        match *seg {
            Seg::Key(name) => {
                // The children's column: the first key in scope deeper than the parent.
                let child_col = (lo..hi).filter(|&i| searchable(i)).find_map(|i| {
                    let (col, _) = shape_at(i)?.key?;
                    parent.is_none_or(|p| col > p).then_some(col)
                });
                let at = child_col.and_then(|c| {
                    (lo..hi)
                        .filter(|&i| searchable(i))
                        .find(|&i| shape_at(i).is_some_and(|s| s.key == Some((c, name))))
                });
                let (Some(col), Some(at)) = (child_col, at) else {
                    return found.map(|f| f + 1);
                };
                let end = (at + 1..hi)
                    .find(|&i| {
                        shape_at(i)
                            .is_some_and(|s| !(s.indent > col || (s.dash && s.indent == col)))
                    })
                    .unwrap_or(hi);
                (lo, hi, parent, skip, found) = (at, end, Some(col), Some(at), Some(at));
            }
            Seg::Index(n) => {
                let items: Vec<(usize, usize)> = (lo..hi)
                    .filter(|&i| searchable(i))
                    .filter_map(|i| {
                        let s = shape_at(i)?;
                        (s.dash && parent.is_none_or(|p| s.indent >= p)).then_some((i, s.indent))
                    })
                    .collect();
                let Some(col) = items.iter().map(|&(_, c)| c).min() else {
                    return found.map(|f| f + 1);
                };
                let at_col: Vec<usize> = items
                    .into_iter()
                    .filter(|&(_, c)| c == col)
                    .map(|(i, _)| i)
                    .collect();
                let Some(&at) = at_col.get(n) else {
                    return found.map(|f| f + 1);
                };
                let end = at_col.get(n + 1).copied().unwrap_or(hi);
                // The item's keys sit deeper than its dash, the first on the dash line.
                (lo, hi, parent, skip, found) = (at, end, Some(col), None, Some(at));
            }
        }
    }
    found.map(|f| f + 1)
}

/// Parse a dotted path as the apiserver prints it (`spec.volumeClaimTemplates[0].spec`).
pub fn parse_path(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Seg::Key(key));
        }
        for idx in pieces {
            if let Ok(n) = idx.trim_end_matches(']').parse() {
                out.push(Seg::Index(n));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STS: &str = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n      - name: side\n        image: busybox\n  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n      accessModes: [\"ReadWriteOnce\"]\n";

    #[test]
    fn follows_keys_and_items() {
        let p = |s| line_of(STS, &parse_path(s));
        assert_eq!(p("kind"), Some(2));
        assert_eq!(p("spec.selector.matchLabels.app"), Some(8));
        assert_eq!(p("spec.template.spec.containers[0].image"), Some(13));
        assert_eq!(p("spec.template.spec.containers[1]"), Some(14));
        assert_eq!(p("spec.template.spec.containers[1].name"), Some(14));
        assert_eq!(p("spec.volumeClaimTemplates[0].spec.accessModes"), Some(20));
        // Past what exists: the deepest line found.
        assert_eq!(
            p("spec.volumeClaimTemplates[0].spec.accessModes[0]"),
            Some(20)
        );
        assert_eq!(p("spec.replicas"), Some(5));
        assert_eq!(p("nothing"), None);
    }

    #[test]
    fn reads_items_indented_under_their_key() {
        let doc = "spec:\n    containers:\n        - name: a\n          env:\n            - name: X\n              value: y\n";
        assert_eq!(
            line_of(doc, &parse_path("spec.containers[0].env[0].value")),
            Some(6)
        );
    }
}
