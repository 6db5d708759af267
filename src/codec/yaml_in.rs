//! One YAML document → JSON, the way kubectl's `sigs.k8s.io/yaml.YAMLToJSON` does it
//! (go-yaml v2 underneath).
//!
//! Syntax is checked by libyaml (through serde_yaml_ng), the C library go-yaml v2 was
//! ported from, so problems and marks are the ones go-yaml reports; we only rebuild
//! go-yaml's `yaml: line N: <problem>` wording (parser errors report the 0-based line of
//! the problem mark, scanner errors the 1-based one, a problem on the first line falls
//! back to the context mark).
//!
//! Scalars are resolved with go-yaml v2's YAML 1.1 rules, not serde_yaml_ng's YAML 1.2
//! ones: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `017` is octal, `1_000` is 1000,
//! `.inf` fails the JSON conversion. To tell a plain scalar from a quoted one we look at
//! where the borrowed string sits in the input: quoted scalars are borrowed from just
//! inside their quote character. Non-string map keys become strings as sigs.k8s.io/yaml
//! does (`true`, `1`); a null key is an error. Duplicate keys: the last one wins (go-yaml
//! v2's non-strict `Unmarshal`, verified with kubectl).
//!
//! Limits (errors, never a panic or hang): nesting deeper than 128 levels
//! (`yaml: exceeded max depth of 128`; go-yaml's own limit is 10000), and alias expansion
//! beyond 100 times the document's event count (`yaml: document contains excessive
//! aliasing`, go-yaml's wording for the same protection).

use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// A YAML node before JSON conversion.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// A plain scalar still to be resolved with go-yaml v2's rules.
    Plain(String),
    /// A string that needs no resolution (quoted, block or multi-line scalar).
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// Carries the document text so borrowed scalars can be located in it.
#[derive(Clone, Copy)]
struct Seed<'de> {
    text: &'de str,
}

impl<'de> DeserializeSeed<'de> for Seed<'de> {
    type Value = Node;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'de> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Node, E> {
        Ok(Node::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Node, E> {
        Ok(Node::Int(i))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Node, E> {
        Ok(Node::UInt(u))
    }
    fn visit_i128<E>(self, i: i128) -> Result<Node, E> {
        Ok(Node::Float(i as f64))
    }
    fn visit_u128<E>(self, u: u128) -> Result<Node, E> {
        Ok(Node::Float(u as f64))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Node, E> {
        Ok(Node::Float(f))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node, E> {
        let base = self.text.as_ptr() as usize;
        let at = (s.as_ptr() as usize).wrapping_sub(base);
        let quoted =
            at <= self.text.len() && at > 0 && matches!(self.text.as_bytes()[at - 1], b'"' | b'\'');
        // `!!str 123`: serde_yaml_ng hands over tagged scalars like plain ones.
        let tagged = !quoted && {
            let before = self.text[..at.min(self.text.len())].trim_end_matches([' ', '\t']);
            before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|tok| tok.starts_with('!'))
        };
        Ok(if quoted || tagged {
            Node::Str(s.to_string())
        } else {
            Node::Plain(s.to_string())
        })
    }
    fn visit_str<E>(self, s: &str) -> Result<Node, E> {
        Ok(Node::Str(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Node, E> {
        Ok(Node::Str(s))
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(k) = map.next_key_seed(self)? {
            let v = map.next_value_seed(self)?;
            entries.push((k, v));
        }
        Ok(Node::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        // A custom tag (`!foo value`): go-yaml ignores unknown local tags.
        let (_tag, variant): (String, _) = data.variant()?;
        de::VariantAccess::newtype_variant_seed(variant, self)
    }
}

/// Convert one YAML document (kubectl's reader already split the stream) to JSON.
/// `Ok(None)` for an empty document. The error is go-yaml's text (`yaml: line 5: ...`)
/// or sigs.k8s.io/yaml's / encoding/json's (`json: unsupported value: +Inf`).
pub fn yaml_to_json(doc: &str) -> Result<Option<Value>, String> {
    let Some(de) = serde_yaml_ng::Deserializer::from_str(doc).next() else {
        return Ok(None);
    };
    let node = match de.deserialize_any(Seed { text: doc }) {
        Ok(n) => n,
        Err(e) => return Err(go_yaml_error(&e, doc)),
    };
    let value = to_json(node)?;
    Ok(Some(value))
}

/// Rebuild go-yaml v2's error text from a serde_yaml_ng error.
fn go_yaml_error(e: &serde_yaml_ng::Error, doc: &str) -> String {
    let debug = format!("{e:?}");
    if let Some(rest) = debug.strip_prefix("Error { kind: ") {
        let scanner = rest.starts_with("SCANNER");
        let problem = field_str(&debug, "problem: ").unwrap_or_default();
        // Debug marks are 1-based; go-yaml works with libyaml's 0-based lines.
        let problem_line = field_line(&debug, "problem_mark: Mark { line: ")
            .map(|l| l - 1)
            .unwrap_or(0);
        let context_line = field_line(&debug, "context_mark: Mark { line: ")
            .map(|l| l - 1)
            .unwrap_or(0);
        let line = if problem_line != 0 {
            problem_line + usize::from(scanner)
        } else {
            context_line
        };
        return if line != 0 {
            format!("yaml: line {line}: {problem}")
        } else {
            format!("yaml: {problem}")
        };
    }
    let msg = e.to_string();
    if msg.starts_with("recursion limit exceeded") {
        "yaml: exceeded max depth of 128".to_string()
    } else if msg.starts_with("repetition limit exceeded") {
        "yaml: document contains excessive aliasing".to_string()
    } else if msg.starts_with("unknown anchor") {
        let name = e
            .location()
            .and_then(|l| doc.get(l.index()..))
            .map(|s| {
                s.trim_start_matches('*')
                    .split(|c: char| c.is_whitespace() || ",[]{}".contains(c))
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default();
        format!("yaml: unknown anchor '{name}' referenced")
    } else {
        format!("yaml: {msg}")
    }
}

fn field_str(debug: &str, key: &str) -> Option<String> {
    let start = debug.find(key)? + key.len();
    let quoted: String = debug[start..].chars().collect();
    // The value is a Rust debug string literal: "...".
    let mut out = String::new();
    let mut chars = quoted.chars().skip(1);
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => break,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

fn field_line(debug: &str, key: &str) -> Option<usize> {
    let start = debug.find(key)? + key.len();
    let digits: String = debug[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Whether go-yaml v2 reads the plain scalar `s` as a string (ignoring timestamps).
pub(crate) fn plain_is_string(s: &str) -> bool {
    matches!(resolve_plain(s), Node::Str(_))
}

/// go-yaml v2's resolution of a plain scalar (resolve.go), as `interface{}` would get it.
fn resolve_plain(s: &str) -> Node {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Node::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => {
            return Node::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            return Node::Bool(false)
        }
        ".nan" | ".NaN" | ".NAN" => return Node::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Node::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Node::Float(f64::NEG_INFINITY),
        _ => {}
    }
    let first = s.as_bytes()[0];
    if first == b'.' {
        if let Some(f) = go_parse_float(s) {
            return Node::Float(f);
        }
        return Node::Str(s.to_string());
    }
    if !(first.is_ascii_digit() || first == b'+' || first == b'-') {
        return Node::Str(s.to_string());
    }
    // Timestamps stay strings when decoding into interface{} (verified: 2001-12-14).
    let plain = s.replace('_', "");
    if let Some(i) = go_parse_int(&plain) {
        return i;
    }
    if is_yaml_float(&plain) {
        if let Some(f) = go_parse_float(&plain) {
            return Node::Float(f);
        }
    }
    if let Some(rest) = plain.strip_prefix("0b") {
        if let Ok(i) = i64::from_str_radix(rest, 2) {
            return Node::Int(i);
        }
    } else if let Some(rest) = plain.strip_prefix("-0b") {
        if let Ok(i) = i64::from_str_radix(&format!("-{rest}"), 2) {
            return Node::Int(i);
        }
    }
    Node::Str(s.to_string())
}

/// Go's `strconv.ParseInt(s, 0, 64)` then `ParseUint(s, 0, 64)`.
fn go_parse_int(s: &str) -> Option<Node> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) =
        if let Some(r) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, r)
        } else if let Some(r) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (8, r)
        } else if let Some(r) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (2, r)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..])
        } else {
            (10, body)
        };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let mag = u128::from_str_radix(digits, radix).ok()?;
    if neg {
        if mag <= i64::MAX as u128 + 1 {
            return Some(Node::Int((-(mag as i128)) as i64));
        }
        return None;
    }
    if mag <= i64::MAX as u128 {
        Some(Node::Int(mag as i64))
    } else if mag <= u64::MAX as u128 && s.as_bytes()[0] != b'+' {
        Some(Node::UInt(mag as u64))
    } else {
        None
    }
}

/// go-yaml v2's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseFloat` for the decimal forms YAML can reach here.
fn go_parse_float(s: &str) -> Option<f64> {
    if !s.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse::<f64>().ok()
}

/// A float as encoding/json prints it and kubectl's unstructured decoding reads it back:
/// integral values become integers.
fn float_json(f: f64) -> Result<Value, String> {
    if f.is_nan() {
        return Err("json: unsupported value: NaN".to_string());
    }
    if f.is_infinite() {
        return Err(format!(
            "json: unsupported value: {}Inf",
            if f > 0.0 { "+" } else { "-" }
        ));
    }
    if f.fract() == 0.0 && f.abs() < 1e21 && f >= i64::MIN as f64 && f < i64::MAX as f64 {
        return Ok(Value::from(f as i64));
    }
    // Unstructured decoding keeps floats beyond int64 as float64.
    Ok(Number::from_f64(f)
        .map(Value::Number)
        .unwrap_or(Value::Null))
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)` for map keys.
fn go_format_g(f: f64) -> String {
    super::yaml_out::go_format_g(f)
}

fn resolved(node: Node) -> Node {
    match node {
        Node::Plain(s) => resolve_plain(&s),
        n => n,
    }
}

fn to_json(node: Node) -> Result<Value, String> {
    Ok(match resolved(node) {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(b),
        Node::Int(i) => Value::from(i),
        // kubectl's unstructured decoding turns integers beyond int64 into float64.
        Node::UInt(u) => match i64::try_from(u) {
            Ok(i) => Value::from(i),
            Err(_) => float_json(u as f64)?,
        },
        Node::Float(f) => float_json(f)?,
        Node::Plain(s) | Node::Str(s) => Value::String(s),
        Node::Seq(items) => Value::Array(items.into_iter().map(to_json).collect::<Result<_, _>>()?),
        Node::Map(entries) => {
            let mut map = Map::new();
            for (k, v) in entries {
                if k == Node::Plain("<<".into()) {
                    merge_into(&mut map, v)?;
                    continue;
                }
                let k = resolved(k);
                let key = match k {
                    Node::Str(s) => s,
                    Node::Bool(b) => b.to_string(),
                    Node::Int(i) => i.to_string(),
                    Node::UInt(u) => u.to_string(),
                    Node::Float(f) => go_format_g(f),
                    Node::Null => {
                        return Err(format!(
                            "unsupported map key of type: %!s(<nil>), key: <nil>, value: {}",
                            go_value_repr(&v)
                        ))
                    }
                    Node::Plain(_) => unreachable!("resolved above"),
                    Node::Seq(_) | Node::Map(_) => {
                        return Err(
                            "unsupported map key of type: []interface {}, key: <complex key>"
                                .to_string(),
                        )
                    }
                };
                map.insert(key, to_json(v)?);
            }
            Value::Object(map)
        }
    })
}

/// go-yaml v2's `<<` merge key: the merged mapping's keys override earlier keys, later
/// keys override merged ones; in a sequence of mappings the first one wins.
fn merge_into(map: &mut Map<String, Value>, v: Node) -> Result<(), String> {
    const MSG: &str = "yaml: map merge requires map or sequence of maps as the value";
    match v {
        Node::Map(_) => {
            if let Value::Object(m) = to_json(v)? {
                map.extend(m);
            }
        }
        Node::Seq(items) => {
            for item in items.into_iter().rev() {
                if !matches!(item, Node::Map(_)) {
                    return Err(MSG.to_string());
                }
                merge_into(map, item)?;
            }
        }
        _ => return Err(MSG.to_string()),
    }
    Ok(())
}

/// Go's `%+#v` of a decoded YAML value, for the null-key error (scalars only).
fn go_value_repr(v: &Node) -> String {
    match resolved(v.clone()) {
        Node::Null => "<nil>".to_string(),
        Node::Bool(b) => b.to_string(),
        Node::Int(i) => i.to_string(),
        Node::UInt(u) => format!("0x{u:x}"),
        Node::Float(f) => go_format_g(f),
        Node::Str(s) | Node::Plain(s) => crate::api::errors::go_quote(&s),
        Node::Seq(_) => "[]interface {}{...}".to_string(),
        Node::Map(_) => "map[interface {}]interface {}{...}".to_string(),
    }
}
