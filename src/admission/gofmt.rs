//! Go's `%#v` rendering of the few composite values that upstream puts into field
//! errors (`Invalid value: map[string]string{"app":"nginx"}`). apimachinery prints a
//! bad value with `%#v` when it is neither a simple type, a string, nor a Stringer, so
//! the learner sees Go syntax; these helpers reproduce it for the values we report.

use crate::api::errors::go_quote;
use crate::api::BadValue;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::BTreeMap;

/// `map[string]string{"a":"b", "c":"d"}` (Go sorts map keys); nil prints as `map[string]string(nil)`.
pub fn string_map(m: Option<&BTreeMap<String, String>>) -> String {
    match m {
        None => "map[string]string(nil)".to_string(),
        Some(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}:{}", go_quote(k), go_quote(v)))
                .collect();
            format!("map[string]string{{{}}}", parts.join(", "))
        }
    }
}

/// `[]string{"a", "b"}`; nil prints as `[]string(nil)`.
pub fn string_slice(v: Option<&[String]>) -> String {
    match v {
        None => "[]string(nil)".to_string(),
        Some(v) => {
            let parts: Vec<String> = v.iter().map(|s| go_quote(s)).collect();
            format!("[]string{{{}}}", parts.join(", "))
        }
    }
}

/// A `*metav1.LabelSelector` as `%#v` shows it after apimachinery dereferences it.
pub fn label_selector(sel: &LabelSelector) -> String {
    let exprs = match &sel.match_expressions {
        None => "[]v1.LabelSelectorRequirement(nil)".to_string(),
        Some(list) => {
            let items: Vec<String> = list
                .iter()
                .map(|r| {
                    format!(
                        "v1.LabelSelectorRequirement{{Key:{}, Operator:{}, Values:{}}}",
                        go_quote(&r.key),
                        go_quote(&r.operator),
                        string_slice(r.values.as_deref())
                    )
                })
                .collect();
            format!("[]v1.LabelSelectorRequirement{{{}}}", items.join(", "))
        }
    };
    format!(
        "v1.LabelSelector{{MatchLabels:{}, MatchExpressions:{}}}",
        string_map(sel.match_labels.as_ref()),
        exprs
    )
}

/// An `intstr.IntOrString` value (not a pointer, so not a Stringer): Go prints the struct.
pub fn int_or_string(v: &IntOrString) -> String {
    match v {
        IntOrString::Int(i) => format!("intstr.IntOrString{{Type:0, IntVal:{i}, StrVal:\"\"}}"),
        IntOrString::String(s) => format!(
            "intstr.IntOrString{{Type:1, IntVal:0, StrVal:{}}}",
            go_quote(s)
        ),
    }
}

/// Shorthands returning `BadValue::Raw`.
pub fn raw(s: String) -> BadValue {
    BadValue::Raw(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_go_percent_sharp_v() {
        let mut m = BTreeMap::new();
        m.insert("tier".to_string(), "web".to_string());
        m.insert("app".to_string(), "nginx".to_string());
        assert_eq!(
            string_map(Some(&m)),
            r#"map[string]string{"app":"nginx", "tier":"web"}"#
        );
        assert_eq!(string_map(None), "map[string]string(nil)");
        assert_eq!(
            label_selector(&LabelSelector {
                match_labels: Some(BTreeMap::new()),
                match_expressions: None
            }),
            "v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"
        );
        assert_eq!(
            int_or_string(&IntOrString::String("25".into())),
            r#"intstr.IntOrString{Type:1, IntVal:0, StrVal:"25"}"#
        );
    }
}
