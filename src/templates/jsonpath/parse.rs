//! Parsing kubectl JSONPath templates into text pieces, actions and ranges. Error texts
//! are client-go's (`unclosed action`, `not in range, nothing to end`, ...).

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Text(String),
    Action(Vec<Node>),
    Range(Vec<Node>, Vec<Piece>),
    /// `{end}` outside a range: client-go fails when executing, not when parsing.
    StrayEnd,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Root,
    Current,
    /// One field, or a union of quoted keys.
    Field(Vec<String>),
    Wildcard,
    Recursive,
    Index(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    Union(Vec<i64>),
    Filter(Filter),
    /// A bare word: `true`/`false` evaluate to themselves, anything else fails when
    /// evaluated with client-go's `unrecognized identifier NAME`.
    Identifier(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Filter {
    pub left: Vec<Node>,
    pub right: Option<(String, Operand)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand {
    Lit(Value),
    Path(Vec<Node>),
}

/// Split into actions and text, then nest ranges.
pub(super) fn parse(t: &str) -> Result<Vec<Piece>, String> {
    let mut flat = Vec::new(); // (is_action, text)
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            flat.push((false, rest[..open].to_string()));
        }
        let inner = &rest[open + 1..];
        let close = find_close(inner).ok_or("unclosed action")?;
        flat.push((true, inner[..close].to_string()));
        rest = &inner[close + 1..];
    }
    if !rest.is_empty() {
        flat.push((false, rest.to_string()));
    }
    let mut stack: Vec<(Vec<Node>, Vec<Piece>)> = Vec::new();
    let mut cur: Vec<Piece> = Vec::new();
    for (is_action, text) in flat {
        if !is_action {
            cur.push(Piece::Text(text));
            continue;
        }
        let a = text.trim();
        if let Some(r) = a.strip_prefix("range") {
            if r.is_empty() || r.starts_with(' ') {
                stack.push((path(r.trim())?, std::mem::take(&mut cur)));
                continue;
            }
        }
        if a == "end" {
            match stack.pop() {
                Some((nodes, outer)) => {
                    let body = std::mem::replace(&mut cur, outer);
                    cur.push(Piece::Range(nodes, body));
                }
                None => cur.push(Piece::StrayEnd),
            }
            continue;
        }
        if let Some(lit) = string_literal(a)? {
            cur.push(Piece::Text(lit));
            continue;
        }
        cur.push(Piece::Action(path(a)?));
    }
    if !stack.is_empty() {
        return Err("unclosed range".into());
    }
    Ok(cur)
}

/// The `}` ending an action, skipping quoted strings.
fn find_close(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '}' => return Some(i),
            _ => {}
        }
    }
    None
}

/// `"\n"` or `'\t'` with Go escapes.
fn string_literal(a: &str) -> Result<Option<String>, String> {
    let Some(q) = a.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        return Ok(None);
    };
    if a.len() < 2 || !a.ends_with(q) {
        return Ok(None);
    }
    unquote(&a[1..a.len() - 1]).map(Some)
}

fn unquote(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('\'') => out.push('\''),
            Some(o) => return Err(format!("invalid syntax: \\{o}")),
            None => return Err("invalid syntax".into()),
        }
    }
    Ok(out)
}

/// A path like `.items[*].metadata.name` or `@.status`.
pub(super) fn path(s: &str) -> Result<Vec<Node>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut nodes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            ' ' => i += 1,
            '@' => {
                nodes.push(Node::Current);
                i += 1;
            }
            '$' => {
                nodes.push(Node::Root);
                i += 1;
            }
            '.' => {
                if chars.get(i + 1) == Some(&'.') {
                    // `..name`: recurse, then the second dot starts the field.
                    nodes.push(Node::Recursive);
                    i += 1;
                    continue;
                }
                if chars.get(i + 1) == Some(&'*') {
                    nodes.push(Node::Wildcard);
                    i += 2;
                    continue;
                }
                i += 1;
                let mut name = String::new();
                while i < chars.len() && !".[]() ,}".contains(chars[i]) {
                    if chars[i] == '\\' && chars.get(i + 1) == Some(&'.') {
                        name.push('.');
                        i += 2;
                        continue;
                    }
                    name.push(chars[i]);
                    i += 1;
                }
                if !name.is_empty() {
                    nodes.push(Node::Field(vec![name]));
                }
            }
            '[' => {
                let start = i + 1;
                let mut depth = 0;
                let mut quote: Option<char> = None;
                let mut j = start;
                while j < chars.len() {
                    let c = chars[j];
                    match quote {
                        Some(q) if c == q => quote = None,
                        Some(_) => {}
                        None if c == '\'' || c == '"' => quote = Some(c),
                        None if c == '(' || c == '[' => depth += 1,
                        None if c == ')' => depth -= 1,
                        None if c == ']' && depth == 0 => break,
                        None if c == ']' => depth -= 1,
                        None => {}
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    return Err("unterminated array".into());
                }
                let inner: String = chars[start..j].iter().collect();
                nodes.extend(bracket(inner.trim())?);
                i = j + 1;
            }
            c if c == '_' || c.is_alphabetic() => {
                let start = i;
                while i < chars.len() && !" .,[]$@{}\t\r\n".contains(chars[i]) {
                    i += 1;
                }
                nodes.push(Node::Identifier(chars[start..i].iter().collect()));
            }
            c => {
                return Err(format!(
                    "unrecognized character in action: U+{:04X} '{c}'",
                    c as u32
                ))
            }
        }
    }
    Ok(nodes)
}

fn bracket(inner: &str) -> Result<Vec<Node>, String> {
    if inner.starts_with('\'') {
        // Quoted keys: a dot still separates fields unless escaped (kubectl prints
        // nothing for `['app.kubernetes.io/name']`, verified).
        let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
        if parts.len() == 1 {
            let key = single_quoted(parts[0])?;
            return Ok(split_escaped_dots(&key)
                .into_iter()
                .map(|k| Node::Field(vec![k]))
                .collect());
        }
        let keys = parts
            .iter()
            .map(|p| single_quoted(p).map(|k| k.replace("\\.", ".")))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(vec![Node::Field(keys)]);
    }
    bracket_one(inner).map(|n| vec![n])
}

fn single_quoted(p: &str) -> Result<String, String> {
    p.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .map(str::to_string)
        .ok_or_else(|| format!("invalid array index {p}"))
}

fn split_escaped_dots(key: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&'.') {
            chars.next();
            if let Some(s) = out.last_mut() {
                s.push('.');
            }
        } else if c == '.' {
            out.push(String::new());
        } else {
            if let Some(s) = out.last_mut() {
                s.push(c);
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn bracket_one(inner: &str) -> Result<Node, String> {
    if inner == "*" {
        return Ok(Node::Wildcard);
    }
    if let Some(f) = inner.strip_prefix('?') {
        let f = f.trim();
        let body = f
            .strip_prefix('(')
            .and_then(|b| b.strip_suffix(')'))
            .ok_or("unclosed filter")?;
        return filter(body.trim()).map(Node::Filter);
    }
    let int = |s: &str| -> Result<Option<i64>, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        s.parse()
            .map(Some)
            .map_err(|_| format!("invalid array index {s}"))
    };
    if inner.contains(':') {
        let parts: Vec<&str> = inner.split(':').collect();
        if parts.len() > 3 {
            return Err(format!("invalid array index {inner}"));
        }
        return Ok(Node::Slice(
            int(parts[0])?,
            int(parts[1])?,
            parts.get(2).map(|p| int(p)).transpose()?.flatten(),
        ));
    }
    if inner.contains(',') {
        let idx = inner
            .split(',')
            .map(|p| int(p)?.ok_or_else(|| format!("invalid array index {inner}")))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(Node::Union(idx));
    }
    Ok(Node::Index(
        int(inner)?.ok_or_else(|| format!("invalid array index {inner}"))?,
    ))
}

fn filter(body: &str) -> Result<Filter, String> {
    for op in ["==", "!=", "<=", ">=", "<", ">"] {
        if let Some(at) = find_op(body, op) {
            let left = path(body[..at].trim())?;
            let right = body[at + op.len()..].trim();
            let operand = if let Some(s) = string_literal(right)? {
                Operand::Lit(Value::String(s))
            } else if let Ok(n) = right.parse::<i64>() {
                Operand::Lit(Value::from(n))
            } else if let Ok(f) = right.parse::<f64>() {
                Operand::Lit(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number))
            } else if right == "true" || right == "false" {
                Operand::Lit(Value::Bool(right == "true"))
            } else {
                Operand::Path(path(right)?)
            };
            return Ok(Filter {
                left,
                right: Some((op.to_string(), operand)),
            });
        }
    }
    Ok(Filter {
        left: path(body)?,
        right: None,
    })
}

/// Position of an operator outside quotes.
fn find_op(s: &str, op: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if s[i..].starts_with(op) => return Some(i),
            None => {}
        }
    }
    None
}
