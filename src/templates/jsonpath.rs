//! kubectl's JSONPath dialect (client-go `util/jsonpath`) as `-o jsonpath=...` uses it.
//!
//! Supported: literal text between actions, `{.a.b}`, `{.a['k.with.dots']}`, escaped dots
//! (`{.a.kubernetes\.io/x}`), `{@}`, `[n]`, `[-1]`, `[a:b]`, `[a:b:step]`, `[*]`, `.*`,
//! `..`, unions `[0,2]` / `['a','b']`, filters `[?(@.type=="Ready")]` (`==`, `!=`, `<`,
//! `>`, `<=`, `>=`, and existence `[?(@.x)]`), `{range ...}...{end}`, string literals
//! `{"\n"}` / `{'\t'}`.
//! Printing as kubectl: several results of one action are joined by a space, maps and
//! lists print as compact JSON, strings raw, `null` for null. Missing keys print nothing
//! (kubectl's default `--allow-missing-template-keys=true`); [`render_strict`] reports
//! them as kubectl does with that flag off.
//!
//! Known gaps: no arithmetic or regex filters (client-go has none either), no `$` beyond
//! "the root".
//!
//! Limits (the sandbox's; client-go has none and runs out of memory instead): one render
//! visits at most [`MAX_VALUES`] values (`{..}` repeated, nested ranges) and prints at most
//! [`MAX_OUTPUT_BYTES`].

use serde_json::Value;
use std::borrow::Cow;
use std::cell::Cell;

/// The most values one render may visit (each step's results and each range item count).
pub const MAX_VALUES: usize = 5_000_000;
/// The most text one render may print.
pub const MAX_OUTPUT_BYTES: usize = 16 * 1024 * 1024;

mod parse;
mod print;
use parse::{parse, Node, Piece};
pub use print::{go_type_name, go_value};

/// Render as `kubectl get -o jsonpath=TEMPLATE`. `Err` is the text after `error: `.
pub fn render(template: &str, value: &Value) -> Result<String, String> {
    render_with(template, value, true)
}

/// Render with `--allow-missing-template-keys=false`.
pub fn render_strict(template: &str, value: &Value) -> Result<String, String> {
    render_with(template, value, false)
}

fn render_with(template: &str, value: &Value, allow_missing: bool) -> Result<String, String> {
    let pieces = parse(template).map_err(|e| format!("error parsing jsonpath {template}, {e}"))?;
    let mut out = String::new();
    let work = Cell::new(0);
    let ev = Eval {
        root: value,
        allow_missing,
        work: &work,
    };
    ev.run(&pieces, value, &mut out).map_err(|e| {
        format!(
            "error executing jsonpath {}: Error executing template: {e}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{template}\n\tobject given to jsonpath engine was:\n\t\t{}\n\n",
            crate::api::errors::go_quote(template),
            print::go_sharp_v(value)
        )
    })?;
    Ok(out)
}

/// A parsed template, for callers that want client-go's `FindResults` (custom columns,
/// `--sort-by`) rather than printed text.
#[derive(Clone, Debug)]
pub struct JsonPath {
    pieces: Vec<Piece>,
}

impl JsonPath {
    /// Parse as client-go's `JSONPath.Parse`; `Err` is its bare message
    /// (`unterminated array`, `unclosed action`, ...).
    pub fn parse(template: &str) -> Result<JsonPath, String> {
        parse(template).map(|pieces| JsonPath { pieces })
    }

    /// client-go's `FindResults` with missing keys allowed: one list of values per action
    /// (text between actions is a list holding that text).
    pub fn find_results<'a>(&self, data: &'a Value) -> Result<Vec<Vec<Cow<'a, Value>>>, String> {
        let work = Cell::new(0);
        let ev = Eval {
            root: data,
            allow_missing: true,
            work: &work,
        };
        let mut out = Vec::new();
        ev.collect(&self.pieces, data, &mut out)?;
        Ok(out)
    }
}

struct Eval<'a, 'w> {
    root: &'a Value,
    allow_missing: bool,
    /// Values visited so far in this render (see [`MAX_VALUES`]).
    work: &'w Cell<usize>,
}

impl<'a> Eval<'a, '_> {
    /// Count `n` more values visited; Err past [`MAX_VALUES`].
    fn spend(&self, n: usize) -> Result<(), String> {
        let total = self.work.get().saturating_add(n);
        self.work.set(total);
        if total > MAX_VALUES {
            return Err(format!(
                "kubetutor: the template visits more than {MAX_VALUES} values (a sandbox limit)"
            ));
        }
        Ok(())
    }

    fn run(&self, pieces: &[Piece], cur: &'a Value, out: &mut String) -> Result<(), String> {
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Action(nodes) => {
                    let results = self.eval(nodes, cur)?;
                    let texts: Vec<String> = results.iter().map(|v| print::text(v)).collect();
                    out.push_str(&texts.join(" "));
                }
                Piece::StrayEnd => return Err("not in range, nothing to end".into()),
                Piece::Range(nodes, body) => {
                    for item in self.eval(nodes, cur)? {
                        self.spend(1)?;
                        if out.len() > MAX_OUTPUT_BYTES {
                            return Err(format!(
                                "kubetutor: the output passed {MAX_OUTPUT_BYTES} bytes (a sandbox limit)"
                            ));
                        }
                        self.run(body, item, out)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn collect(
        &self,
        pieces: &[Piece],
        cur: &'a Value,
        out: &mut Vec<Vec<Cow<'a, Value>>>,
    ) -> Result<(), String> {
        for p in pieces {
            match p {
                Piece::Text(t) => out.push(vec![Cow::Owned(Value::String(t.clone()))]),
                Piece::Action(nodes) => out.push(
                    self.eval(nodes, cur)?
                        .into_iter()
                        .map(Cow::Borrowed)
                        .collect(),
                ),
                Piece::StrayEnd => return Err("not in range, nothing to end".into()),
                Piece::Range(nodes, body) => {
                    for item in self.eval(nodes, cur)? {
                        self.spend(1)?;
                        self.collect(body, item, out)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn eval(&self, nodes: &[Node], cur: &'a Value) -> Result<Vec<&'a Value>, String> {
        let mut vals = vec![cur];
        for n in nodes {
            let mut next = Vec::new();
            match n {
                Node::Root => next.push(self.root),
                Node::Current => next = vals.clone(),
                Node::Field(names) => {
                    // A union of keys lists all values of the first key, then the next.
                    for name in names {
                        for v in &vals {
                            match v.as_object().and_then(|m| m.get(name)) {
                                Some(x) => next.push(x),
                                None if self.allow_missing => {}
                                None => return Err(format!("{name} is not found")),
                            }
                        }
                    }
                }
                Node::Wildcard => {
                    for v in &vals {
                        match v {
                            Value::Object(m) => next.extend(m.values()),
                            Value::Array(a) => next.extend(a.iter()),
                            _ => {}
                        }
                    }
                }
                Node::Recursive => {
                    for v in &vals {
                        descendants(v, &mut next);
                        if next.len() > MAX_VALUES {
                            // Past the limit: this errs.
                            self.spend(next.len())?;
                        }
                    }
                }
                Node::Index(i) => {
                    for a in arrays(&vals)? {
                        index(a, *i, &mut next)?;
                    }
                }
                Node::Slice(start, end, step) => {
                    for a in arrays(&vals)? {
                        slice(a, *start, *end, *step, &mut next)?;
                    }
                }
                Node::Union(idx) => {
                    for a in arrays(&vals)? {
                        for &i in idx {
                            index(a, i, &mut next)?;
                        }
                    }
                }
                Node::Filter(f) => {
                    for v in &vals {
                        // client-go filters only lists, and (unlike other steps) does not
                        // skip a null first.
                        let Value::Array(items) = v else {
                            return Err(format!(
                                "{} is not array or slice and cannot be filtered",
                                print::go_value(v)
                            ));
                        };
                        for item in items {
                            if self.filter_ok(f, item)? {
                                next.push(item);
                            }
                        }
                    }
                }
                Node::Identifier(name) => match name.as_str() {
                    "true" => next.push(&TRUE),
                    "false" => next.push(&FALSE),
                    other => return Err(format!("unrecognized identifier {other}")),
                },
            }
            self.spend(next.len())?;
            vals = next;
        }
        Ok(vals)
    }

    fn filter_ok(&self, f: &parse::Filter, item: &'a Value) -> Result<bool, String> {
        let lenient = Eval {
            root: self.root,
            allow_missing: true,
            work: self.work,
        };
        let left = lenient.eval(&f.left, item)?;
        let Some((op, right)) = &f.right else {
            return Ok(left.iter().any(|v| !v.is_null()));
        };
        let rvals: Vec<Value> = match right {
            parse::Operand::Lit(v) => vec![v.clone()],
            parse::Operand::Path(p) => lenient.eval(p, item)?.into_iter().cloned().collect(),
        };
        let (Some(l), Some(r)) = (left.first(), rvals.first()) else {
            return Ok(false);
        };
        Ok(compare(l, op, r))
    }
}

static TRUE: Value = Value::Bool(true);
static FALSE: Value = Value::Bool(false);

/// The lists an index or slice step applies to: nulls are skipped (Go's `indirect`), any
/// other non-list is client-go's `TYPE is not array or slice`.
fn arrays<'a>(vals: &[&'a Value]) -> Result<Vec<&'a Vec<Value>>, String> {
    let mut out = Vec::new();
    for v in vals {
        match v {
            Value::Array(a) => out.push(a),
            Value::Null => {}
            other => {
                return Err(format!(
                    "{} is not array or slice",
                    print::go_type_name(other)
                ))
            }
        }
    }
    Ok(out)
}

fn compare(l: &Value, op: &str, r: &Value) -> bool {
    use std::cmp::Ordering;
    let ord = match (l, r) {
        (Value::Number(a), Value::Number(b)) => a.as_f64().partial_cmp(&b.as_f64()),
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        (Value::Bool(a), Value::Bool(b)) if matches!(op, "==" | "!=") => Some(a.cmp(b)),
        _ => None,
    };
    match (op, ord) {
        ("==", Some(o)) => o == Ordering::Equal,
        ("!=", Some(o)) => o != Ordering::Equal,
        ("!=", None) => true,
        ("<", Some(o)) => o == Ordering::Less,
        (">", Some(o)) => o == Ordering::Greater,
        ("<=", Some(o)) => o != Ordering::Greater,
        (">=", Some(o)) => o != Ordering::Less,
        _ => false,
    }
}

fn descendants<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    if out.len() > MAX_VALUES {
        return;
    }
    out.push(v);
    match v {
        Value::Object(m) => m.values().for_each(|c| descendants(c, out)),
        Value::Array(a) => a.iter().for_each(|c| descendants(c, out)),
        _ => {}
    }
}

/// `[i]`: client-go's `[i:i+1]` with a negative `i` counted from the end.
fn index<'a>(a: &'a [Value], i: i64, out: &mut Vec<&'a Value>) -> Result<(), String> {
    let len = a.len() as i64;
    let s = if i < 0 { i + len } else { i };
    if s < 0 || s >= len {
        return Err(format!(
            "array index out of bounds: index {s}, length {len}"
        ));
    }
    out.push(&a[s as usize]);
    Ok(())
}

/// client-go's `evalArray` for `[start:end:step]`.
fn slice<'a>(
    a: &'a [Value],
    start: Option<i64>,
    end: Option<i64>,
    step: Option<i64>,
    out: &mut Vec<&'a Value>,
) -> Result<(), String> {
    let len = a.len() as i64;
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s += len;
    }
    let mut e = end.unwrap_or(len);
    if e < 0 {
        e += len;
    }
    if e == s {
        return Ok(());
    }
    if s >= len || s < 0 {
        return Err(format!(
            "array index out of bounds: index {s}, length {len}"
        ));
    }
    if e > len || e < 0 {
        return Err(format!(
            "array index out of bounds: index {}, length {len}",
            e - 1
        ));
    }
    if s > e {
        return Err(format!(
            "starting index {s} is greater than ending index {e}"
        ));
    }
    let step = step.filter(|&st| st > 0).unwrap_or(1) as usize;
    out.extend(a[s as usize..e as usize].iter().step_by(step));
    Ok(())
}
