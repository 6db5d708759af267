//! Label selectors: the string form kubectl's `-l` takes (`app=nginx,tier!=db,env in (a,b),!x`)
//! and the structured `LabelSelector` of workload specs, parsed and matched as apimachinery does.

use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use std::collections::BTreeMap;

pub type Labels = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq)]
pub enum Requirement {
    Equals(String, String),
    NotEquals(String, String),
    In(String, Vec<String>),
    NotIn(String, Vec<String>),
    Exists(String),
    DoesNotExist(String),
}

impl Requirement {
    pub fn matches(&self, labels: &Labels) -> bool {
        match self {
            Requirement::Equals(k, v) => labels.get(k) == Some(v),
            Requirement::NotEquals(k, v) => labels.get(k) != Some(v),
            Requirement::In(k, vs) => labels.get(k).is_some_and(|v| vs.contains(v)),
            Requirement::NotIn(k, vs) => labels.get(k).is_none_or(|v| !vs.contains(v)),
            Requirement::Exists(k) => labels.contains_key(k),
            Requirement::DoesNotExist(k) => !labels.contains_key(k),
        }
    }
}

/// A parsed selector; the empty selector matches everything.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Selector {
    pub requirements: Vec<Requirement>,
    /// A structured selector that can never match (e.g. `In` with no values).
    pub nothing: bool,
}

impl Selector {
    pub fn everything() -> Self {
        Selector::default()
    }

    pub fn matches(&self, labels: Option<&Labels>) -> bool {
        if self.nothing {
            return false;
        }
        let empty = Labels::new();
        let labels = labels.unwrap_or(&empty);
        self.requirements.iter().all(|r| r.matches(labels))
    }

    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty() && !self.nothing
    }

    /// Parse kubectl's `-l` syntax. The error text is apimachinery's.
    pub fn parse(s: &str) -> Result<Selector, String> {
        let mut requirements = Vec::new();
        for part in split_top_level(s) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            requirements.push(parse_requirement(part)?);
        }
        Ok(Selector {
            requirements,
            nothing: false,
        })
    }

    /// From a workload's `LabelSelector` (matchLabels and matchExpressions).
    pub fn from_label_selector(sel: &LabelSelector) -> Selector {
        let mut requirements = Vec::new();
        let mut nothing = false;
        for (k, v) in sel.match_labels.iter().flatten() {
            requirements.push(Requirement::Equals(k.clone(), v.clone()));
        }
        for e in sel.match_expressions.iter().flatten() {
            let values = e.values.clone().unwrap_or_default();
            requirements.push(match e.operator.as_str() {
                "In" => {
                    if values.is_empty() {
                        nothing = true;
                    }
                    Requirement::In(e.key.clone(), values)
                }
                "NotIn" => Requirement::NotIn(e.key.clone(), values),
                "Exists" => Requirement::Exists(e.key.clone()),
                "DoesNotExist" => Requirement::DoesNotExist(e.key.clone()),
                _ => {
                    nothing = true;
                    Requirement::Exists(e.key.clone())
                }
            });
        }
        Selector {
            requirements,
            nothing,
        }
    }
}

/// Split on commas that are not inside parentheses.
fn split_top_level(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn parse_requirement(part: &str) -> Result<Requirement, String> {
    if let Some(key) = part.strip_prefix('!') {
        let key = key.trim();
        check_key(key)?;
        return Ok(Requirement::DoesNotExist(key.to_string()));
    }
    for (op, not) in [(" notin ", true), (" in ", false)] {
        if let Some(idx) = part.find(op) {
            let key = part[..idx].trim();
            check_key(key)?;
            let rest = part[idx + op.len()..].trim();
            let Some(open) = rest.strip_prefix('(') else {
                let first = rest
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .next()
                    .unwrap_or("");
                return Err(format!("found '{first}', expected: '('"));
            };
            let Some(inner) = open.strip_suffix(')') else {
                return Err("found '', expected: ',' or ')'".to_string());
            };
            let values: Vec<String> = inner
                .split(',')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            return Ok(if not {
                Requirement::NotIn(key.into(), values)
            } else {
                Requirement::In(key.into(), values)
            });
        }
    }
    if let Some((k, v)) = part.split_once("!=") {
        check_key(k.trim())?;
        return Ok(Requirement::NotEquals(k.trim().into(), v.trim().into()));
    }
    if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
        check_key(k.trim())?;
        check_value(v.trim())?;
        return Ok(Requirement::Equals(k.trim().into(), v.trim().into()));
    }
    check_key(part)?;
    Ok(Requirement::Exists(part.to_string()))
}

fn check_key(key: &str) -> Result<(), String> {
    let name = key.rsplit('/').next().unwrap_or(key);
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "unable to parse requirement: <nil>: Invalid value: {}: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            crate::api::errors::go_quote(key)
        ))
    }
}

fn check_value(v: &str) -> Result<(), String> {
    let ok = v.is_empty()
        || (v.len() <= 63
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && v.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "unable to parse requirement: values[0][{v}]: Invalid value: {}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
            crate::api::errors::go_quote(v)
        ))
    }
}

/// `app=nginx,tier=web`: labels as kubectl prints them (sorted by key).
pub fn format_labels(labels: Option<&Labels>) -> String {
    match labels {
        Some(l) if !l.is_empty() => l
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(","),
        _ => "<none>".to_string(),
    }
}

/// A structured selector in the string form `metav1.FormatLabelSelector` prints.
pub fn format_label_selector(sel: Option<&LabelSelector>) -> String {
    let Some(sel) = sel else {
        return "<none>".into();
    };
    let mut parts: Vec<String> = sel
        .match_labels
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    for e in sel.match_expressions.iter().flatten() {
        let values = e.values.clone().unwrap_or_default().join(",");
        parts.push(match e.operator.as_str() {
            "In" => format!("{} in ({})", e.key, values),
            "NotIn" => format!("{} notin ({})", e.key, values),
            "Exists" => e.key.clone(),
            "DoesNotExist" => format!("!{}", e.key),
            op => format!("{} {} ({})", e.key, op, values),
        });
    }
    if parts.is_empty() {
        "<none>".into()
    } else {
        parts.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parses_and_matches_kubectl_selectors() {
        let l = labels(&[("app", "nginx"), ("tier", "web")]);
        for (sel, want) in [
            ("app=nginx", true),
            ("app==nginx", true),
            ("app!=nginx", false),
            ("app in (nginx,db)", true),
            ("app notin (nginx)", false),
            ("tier", true),
            ("!tier", false),
            ("app=nginx,tier=db", false),
            ("", true),
        ] {
            assert_eq!(
                Selector::parse(sel).unwrap().matches(Some(&l)),
                want,
                "{sel}"
            );
        }
    }

    #[test]
    fn rejects_bad_keys() {
        assert!(Selector::parse("a b=c").is_err());
    }
}
