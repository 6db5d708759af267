//! `-o go-template=...` / `--template` with gtmpl (a Go `text/template` port).
//!
//! The object is handed over as kubectl does (the unstructured map); missing keys print
//! `<no value>`; `len` works on maps as in Go.
//! Parse errors are wrapped as kubectl does: `error parsing template {{.x, ...}`.
//!
//! Known gaps (gtmpl vs Go's text/template): `range` over a map visits keys in hash
//! order, not sorted as Go does (range over lists is fine); printing a whole map or list
//! uses gtmpl's format, not Go's `map[k:v]`; execution error texts are gtmpl's; kubectl's
//! extra functions (`base64decode`) are not provided.

use gtmpl::{Context, Template};
use gtmpl_value::Value as G;
use serde_json::Value;
use std::collections::HashMap;

/// Render as `kubectl get -o go-template=TEMPLATE`. `Err` is the text after `error: `.
pub fn render(template: &str, value: &Value) -> Result<String, String> {
    let mut t = Template::default();
    t.add_func("len", go_len);
    t.add_func("printf", super::gotemplate_limits::printf);
    super::gotemplate_limits::check_nesting(template)
        .and_then(|()| t.parse(template).map_err(|e| e.to_string()))
        .map_err(|e| format!("error parsing template {template}, {e}"))?;
    super::gotemplate_limits::check_recursion(&t).map_err(|e| {
        format!(
            "error executing template {}: {e}",
            crate::api::errors::go_quote(template)
        )
    })?;
    let ctx = Context::from(to_gtmpl(value));
    t.render(&ctx).map_err(|e| {
        format!(
            "error executing template {}: {e}",
            crate::api::errors::go_quote(template)
        )
    })
}

/// Go's `len`, which (unlike gtmpl's) also takes maps.
fn go_len(args: &[G]) -> Result<G, gtmpl_value::FuncError> {
    let n = match args {
        [G::String(s)] => s.len(),
        [G::Array(a)] => a.len(),
        [G::Map(m)] | [G::Object(m)] => m.len(),
        [other] => {
            return Err(gtmpl_value::FuncError::Generic(format!(
                "len of type {other}"
            )))
        }
        _ => return Err(gtmpl_value::FuncError::ExactlyXArgs("len".into(), 1)),
    };
    Ok(G::from(n as u64))
}

fn to_gtmpl(v: &Value) -> G {
    match v {
        Value::Null => G::Nil,
        Value::Bool(b) => G::Bool(*b),
        Value::String(s) => G::String(s.clone()),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                G::Number(i.into())
            } else if let Some(u) = n.as_u64() {
                G::Number(u.into())
            } else {
                G::Number(n.as_f64().unwrap_or(0.0).into())
            }
        }
        Value::Array(a) => G::Array(a.iter().map(to_gtmpl).collect()),
        Value::Object(m) => {
            let map: HashMap<String, G> = m.iter().map(|(k, v)| (k.clone(), to_gtmpl(v))).collect();
            G::Map(map)
        }
    }
}
