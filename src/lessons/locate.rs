//! Line numbers for places in a lesson file, for authors' error messages.
//!
//! serde tells where a syntax or type error is, but a rule checked after parsing (a step
//! missing a language, a goal naming nothing) knows only the path of the value it is
//! about (`steps[2].goal.pods`). [`LineIndex`] maps such paths to the line they start on
//! by reading the block structure of the file (keys and `- ` items by indentation, block
//! scalars skipped); a value written in flow style (`{...}`, `[...]`) is found at the
//! line of its key. A path it cannot find falls back to its nearest ancestor.

use std::collections::HashMap;

/// Paths (`steps[2].goal.pods.selector`) to 1-based line numbers.
#[derive(Debug, Default)]
pub struct LineIndex {
    lines: HashMap<String, usize>,
}

struct Open {
    /// Column where the node's key or `-` starts.
    indent: usize,
    /// Whether it is a sequence item (`- `) rather than a key.
    item: bool,
    path: String,
    /// Items seen so far under this node.
    items: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut index = LineIndex::default();
        let mut stack: Vec<Open> = Vec::new();
        let mut root_items = 0usize;
        // Inside a block scalar (`|`, `>`): lines indented deeper than this are text.
        let mut block: Option<usize> = None;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let indent = raw.len() - raw.trim_start_matches(' ').len();
            let content = raw[indent..].trim_end();
            if let Some(b) = block {
                if content.is_empty() || indent > b {
                    continue;
                }
                block = None;
            }
            if content.is_empty() || content.starts_with('#') || content == "---" {
                continue;
            }
            let mut col = indent;
            let mut rest = content;
            // `- ` items, possibly several on one line (`- - a`).
            while rest == "-" || rest.starts_with("- ") {
                while stack
                    .last()
                    .is_some_and(|o| o.indent > col || (o.item && o.indent == col))
                {
                    stack.pop();
                }
                let (parent, item) = match stack.last_mut() {
                    Some(o) => {
                        o.items += 1;
                        (o.path.clone(), o.items - 1)
                    }
                    None => {
                        root_items += 1;
                        (String::new(), root_items - 1)
                    }
                };
                let path = format!("{parent}[{item}]");
                index.lines.entry(path.clone()).or_insert(line_no);
                stack.push(Open {
                    indent: col,
                    item: true,
                    path,
                    items: 0,
                });
                let after = rest[1..].trim_start_matches(' ');
                col += rest.len() - after.len();
                rest = after;
            }
            let Some((key, value)) = split_key(rest) else {
                continue;
            };
            while stack.last().is_some_and(|o| o.indent >= col) {
                stack.pop();
            }
            let parent = stack.last().map(|o| o.path.as_str()).unwrap_or("");
            let path = if parent.is_empty() {
                key.to_string()
            } else {
                format!("{parent}.{key}")
            };
            index.lines.entry(path.clone()).or_insert(line_no);
            let value = value.trim();
            if value.starts_with('|') || value.starts_with('>') {
                block = Some(col);
            }
            stack.push(Open {
                indent: col,
                item: false,
                path,
                items: 0,
            });
        }
        index
    }

    /// The line `path` starts on, or its nearest ancestor's (1 when nothing matches).
    pub fn line(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(l) = self.lines.get(p) {
                return *l;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return 1,
            }
        }
    }
}

/// `key: value` (the key unquoted) when the line starts a mapping entry.
fn split_key(s: &str) -> Option<(&str, &str)> {
    if let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = s[1..].find(q)? + 1;
        let after = &s[end + 1..];
        let value = after.strip_prefix(':')?;
        if value.is_empty() || value.starts_with(' ') {
            return Some((&s[1..end], value));
        }
        return None;
    }
    if s.starts_with(['{', '[', '#', '&', '*', '!', '|', '>']) {
        return None;
    }
    let mut from = 0;
    while let Some(i) = s[from..].find(':') {
        let at = from + i;
        let after = &s[at + 1..];
        if after.is_empty() || after.starts_with(' ') {
            let key = &s[..at];
            if key.contains(" #") {
                return None;
            }
            return Some((key.trim_end(), after));
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_items_and_skips_block_text() {
        let text = "\
id: x
title: {en: T}
steps:
  - title:
      en: One
    text:
      en: |
        not: a key
        - not an item
    goal:
      pods: {name: web-0}
  - title: {en: Two}
    commands:
    - kubectl get pods
    - \"kubectl get pvc\"
";
        let ix = LineIndex::new(text);
        assert_eq!(ix.line("id"), 1);
        assert_eq!(ix.line("steps[0]"), 4);
        assert_eq!(ix.line("steps[0].title.en"), 5);
        assert_eq!(ix.line("steps[0].goal.pods"), 11);
        assert_eq!(ix.line("steps[0].goal.pods.name"), 11);
        assert_eq!(ix.line("steps[1].title"), 12);
        assert_eq!(ix.line("steps[1].commands[1]"), 15);
        assert_eq!(ix.line("steps[9]"), 3);
        assert_eq!(ix.line("nothing"), 1);
    }
}
