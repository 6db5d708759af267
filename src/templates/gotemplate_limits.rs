//! Bounds gtmpl does not keep by itself, checked before it runs.
//!
//! - `printf` widths and precisions: Rust's formatter takes at most 65535 and gtmpl hands
//!   them over unchecked (a panic), and an argument index `[0]` underflows. Go pads to any
//!   width up to a million; the sandbox refuses widths over 65535 with a clear error.
//! - A template that invokes itself (directly or through others): Go stops at a depth of
//!   100000, which gtmpl also counts, but its frames exhaust the stack long before. A cycle
//!   among the `define`d templates is refused before rendering (even one whose recursion
//!   an `if` would end: a sandbox limit).
//! - Nesting: gtmpl parses and runs nested parentheses and blocks (`if`, `range`, `with`)
//!   recursively, so thousands of them overflow the stack; more than [`MAX_NESTING`]
//!   levels are refused before parsing.

use gtmpl::Template;
use gtmpl_value::{FuncError, Value as G};
use std::collections::{BTreeMap, BTreeSet};

/// The widest `printf` field (Rust's formatter limit).
pub const MAX_PRINTF_WIDTH: u64 = 65_535;

/// gtmpl's `printf`, with its format checked first (see the module doc).
pub fn printf(args: &[G]) -> Result<G, FuncError> {
    if let Some(G::String(format)) = args.first() {
        check_printf_format(format, &args[1..]).map_err(FuncError::Generic)?;
    }
    gtmpl::funcs::printf(args)
}

/// The verbs gtmpl's `printf` ends a directive at.
const VERBS: &str = "vVtTbcdoqxXUeEfFgGsp";

fn check_printf_format(format: &str, args: &[G]) -> Result<(), String> {
    let too_wide = || {
        format!(
            "printf: widths and precisions over {MAX_PRINTF_WIDTH} are not supported in the sandbox"
        )
    };
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('%') {
            rest = after;
            continue;
        }
        let end = rest.find(|c| VERBS.contains(c)).unwrap_or(rest.len());
        let spec = &rest[..end];
        for digits in spec.split(|c: char| !c.is_ascii_digit()) {
            if digits.is_empty() {
                continue;
            }
            if digits.parse::<u64>().map_or(true, |n| n > MAX_PRINTF_WIDTH) {
                return Err(too_wide());
            }
        }
        if spec.contains("[0]") {
            return Err("printf: bad argument index [0] (they start at 1)".into());
        }
        if spec.contains('*') {
            let wide = args.iter().any(|a| match a {
                G::Number(n) => n
                    .as_i64()
                    .is_none_or(|i| i.unsigned_abs() > MAX_PRINTF_WIDTH),
                _ => false,
            });
            if wide {
                return Err(too_wide());
            }
        }
        rest = &rest[end..];
    }
    Ok(())
}

/// The deepest nesting of parentheses, or of blocks, a template may have.
pub const MAX_NESTING: usize = 32;

/// Err when the template nests parentheses or blocks more than [`MAX_NESTING`] deep
/// (counted over the whole text, quoted strings included: an over-estimate is harmless).
pub fn check_nesting(text: &str) -> Result<(), String> {
    let too_deep = || {
        format!("kubetutor: templates nested more than {MAX_NESTING} levels deep are not supported in the sandbox")
    };
    let (mut parens, mut blocks) = (0usize, 0usize);
    let mut rest = text;
    while let Some(at) = rest.find(['(', ')', '{']) {
        let here = &rest[at..];
        if here.starts_with('(') {
            parens += 1;
        } else if here.starts_with(')') {
            parens = parens.saturating_sub(1);
        } else if let Some(action) = here.strip_prefix("{{") {
            let word = action.trim_start_matches('-').trim_start();
            if ["if", "range", "with", "define", "block"]
                .iter()
                .any(|k| word.starts_with(k))
            {
                blocks += 1;
            } else if word.starts_with("end") {
                blocks = blocks.saturating_sub(1);
            }
        }
        if parens > MAX_NESTING || blocks > MAX_NESTING {
            return Err(too_deep());
        }
        rest = &rest[at + 1..];
    }
    Ok(())
}

/// Err when a `define`d template can invoke itself, naming it.
pub fn check_recursion(template: &Template) -> Result<(), String> {
    // Each template's body as gtmpl prints it: `{{template NAME}}` or `{{template NAME .}}`.
    let bodies: BTreeMap<&str, String> = template
        .tree_set
        .iter()
        .map(|(name, tree)| {
            let body = tree
                .root
                .as_ref()
                .map(|r| r.to_string())
                .unwrap_or_default();
            (name.as_str(), body)
        })
        .collect();
    let calls = |body: &str| -> Vec<&str> {
        bodies
            .keys()
            .copied()
            .filter(|name| {
                let call = format!("{{{{template {name}");
                body.match_indices(&call).any(|(i, _)| {
                    let after = &body[i + call.len()..];
                    after.starts_with("}}") || after.starts_with(' ')
                })
            })
            .collect()
    };
    let graph: BTreeMap<&str, Vec<&str>> = bodies
        .iter()
        .map(|(name, body)| (*name, calls(body)))
        .collect();
    for start in graph.keys() {
        // Depth-first from `start`: reaching it again is a cycle.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&str> = graph[start].clone();
        while let Some(name) = stack.pop() {
            if name == *start {
                return Err(format!(
                    "template {start:?} invokes itself: recursive templates are not supported in the sandbox"
                ));
            }
            if seen.insert(name) {
                stack.extend(graph.get(name).into_iter().flatten());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    fn render(text: &str) -> Result<String, String> {
        crate::templates::gotemplate::render(text, &serde_json::json!({"a": [1, 2]}))
    }

    #[test]
    fn printf_widths_past_the_formatter_limit_are_an_error_not_a_panic() {
        assert_eq!(render(r#"{{printf "%5d|" 1}}"#), Ok("    1|".into()));
        for bad in [
            r#"{{printf "%999999999d" 1}}"#,
            r#"{{printf "%.70000f" 1.5}}"#,
            r#"{{printf "%99999999999999999999999s" "x"}}"#,
            r#"{{printf "%*d" 70000 1}}"#,
            r#"{{printf "%*d" -9223372036854775808 1}}"#,
        ] {
            let err = render(bad).unwrap_err();
            assert!(err.contains("over 65535 are not supported"), "{bad}: {err}");
        }
        let err = render(r#"{{printf "%[0]d" 1}}"#).unwrap_err();
        assert!(err.contains("bad argument index [0]"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_before_it_overflows_the_stack() {
        for bad in [
            format!("{{{{{}1{}}}}}", "(".repeat(5000), ")".repeat(5000)),
            format!("{}x{}", "{{if 1}}".repeat(5000), "{{end}}".repeat(5000)),
            "{{range .a}}".repeat(5000),
        ] {
            let err = render(&bad).unwrap_err();
            assert!(err.contains("nested more than 32 levels deep"), "{err}");
        }
        let ok = format!("{}x{}", "{{if 1}}".repeat(20), "{{end}}".repeat(20));
        assert_eq!(render(&ok), Ok("x".into()));
        let ok = format!("{{{{{}1{}}}}}", "(".repeat(32), ")".repeat(32));
        assert_eq!(render(&ok), Ok("1".into()));
        let ok = format!("{}x{}", "{{if 1}}".repeat(32), "{{end}}".repeat(32));
        assert_eq!(render(&ok), Ok("x".into()));
    }

    #[test]
    fn recursive_templates_are_refused_before_they_overflow_the_stack() {
        for bad in [
            r#"{{define "a"}}{{template "a"}}{{end}}{{template "a"}}"#,
            r#"{{define "a"}}x{{template "b" .}}{{end}}{{define "b"}}{{template "a" .}}{{end}}{{template "a" .}}"#,
        ] {
            let err = render(bad).unwrap_err();
            assert!(err.contains("invokes itself"), "{bad}: {err}");
        }
        assert_eq!(
            render(
                r#"{{define "b"}}[{{.}}]{{end}}{{define "a"}}{{range .}}{{template "b" .}}{{end}}{{end}}{{template "a" .a}}"#
            ),
            Ok("[1][2]".into())
        );
    }
}
