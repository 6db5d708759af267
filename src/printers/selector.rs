//! The string form of a structured selector once converted to an apimachinery
//! `labels.Selector` (`LabelSelectorAsSelector(...).String()`): requirements sorted by
//! key, set values sorted. The deployment SELECTOR column and the StatefulSet and
//! Deployment describers print this form; ReplicaSets print `metav1.FormatLabelSelector`
//! instead (`api::labels::format_label_selector`).

use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

/// `app=nginx,tier in (a,b)`; empty for an absent or empty selector; `None` when the
/// selector cannot be converted (an unknown operator).
pub fn selector_string(sel: Option<&LabelSelector>) -> Option<String> {
    let Some(sel) = sel else {
        return Some(String::new());
    };
    let mut reqs: Vec<(String, String)> = Vec::new();
    for (k, v) in sel.match_labels.iter().flatten() {
        reqs.push((k.clone(), format!("{k}={v}")));
    }
    for e in sel.match_expressions.iter().flatten() {
        let mut values = e.values.clone().unwrap_or_default();
        values.sort();
        values.dedup();
        let joined = values.join(",");
        let text = match e.operator.as_str() {
            "In" => format!("{} in ({joined})", e.key),
            "NotIn" => format!("{} notin ({joined})", e.key),
            "Exists" => e.key.clone(),
            "DoesNotExist" => format!("!{}", e.key),
            _ => return None,
        };
        reqs.push((e.key.clone(), text));
    }
    reqs.sort_by(|a, b| a.0.cmp(&b.0));
    Some(
        reqs.into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(","),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelectorRequirement;

    #[test]
    fn sorted_by_key_with_sorted_values() {
        let sel = LabelSelector {
            match_labels: Some([("tier".to_string(), "web".to_string())].into()),
            match_expressions: Some(vec![
                LabelSelectorRequirement {
                    key: "app".into(),
                    operator: "In".into(),
                    values: Some(vec!["b".into(), "a".into()]),
                },
                LabelSelectorRequirement {
                    key: "zone".into(),
                    operator: "DoesNotExist".into(),
                    values: None,
                },
            ]),
        };
        assert_eq!(
            selector_string(Some(&sel)).unwrap(),
            "app in (a,b),tier=web,!zone"
        );
        assert_eq!(selector_string(None).unwrap(), "");
    }
}
