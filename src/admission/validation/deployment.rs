//! Deployment and ReplicaSet validation (`pkg/apis/apps/validation/validation.go`):
//! unlike StatefulSets these validate the full pod template, then the strategy, and on
//! update their selector is immutable (apps/v1).

use super::meta::{validate_object_meta, validate_object_meta_update};
use super::nonnegative;
use super::pod::validate_pod_template_spec;
use super::statefulset::selector_and_template;
use crate::admission::gofmt;
use crate::admission::names::{is_valid_percent, NameRule};
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

const EMPTY_SELECTOR: &str = "empty selector is invalid for deployment";

/// `ValidatePodTemplateSpecForReplicaSet` after the selector checks.
fn template_for_replicaset(t: &PodTemplateSpec) -> Vec<FieldError> {
    let mut errs = validate_pod_template_spec(t, "spec.template");
    let spec = t.spec.clone().unwrap_or_default();
    let rp = spec.restart_policy.as_deref().unwrap_or("");
    if rp != "Always" {
        errs.push(FieldError::not_supported(
            "spec.template.spec.restartPolicy",
            BadValue::Str(rp.into()),
            &["Always"],
        ));
    }
    if let Some(ads) = spec.active_deadline_seconds {
        errs.push(FieldError::invalid(
            "spec.template.spec.activeDeadlineSeconds",
            BadValue::Int(ads),
            "activeDeadlineSeconds in ReplicaSet is not Supported",
        ));
    }
    errs
}

/// `ValidateDeployment` (old spec given on update).
pub fn validate_deployment(d: &Deployment, _old: Option<&Deployment>) -> Vec<FieldError> {
    let mut errs = validate_object_meta(&d.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    let spec = d.spec.clone().unwrap_or_default();
    errs.extend(nonnegative(
        spec.replicas.unwrap_or(0).into(),
        "spec.replicas",
    ));
    errs.extend(selector_and_template(
        &spec.selector,
        &spec.template,
        EMPTY_SELECTOR,
    ));
    errs.extend(template_for_replicaset(&spec.template));
    let strategy = spec.strategy.clone().unwrap_or_default();
    match strategy.type_.as_deref().unwrap_or("") {
        "Recreate" => {
            if strategy.rolling_update.is_some() {
                errs.push(FieldError::forbidden(
                    "spec.strategy.rollingUpdate",
                    "may not be specified when strategy `type` is 'Recreate'",
                ));
            }
        }
        "RollingUpdate" => match strategy.rolling_update.as_ref() {
            None => errs.push(FieldError::required(
                "spec.strategy.rollingUpdate",
                "this should be defaulted and never be nil",
            )),
            Some(ru) => {
                let p = "spec.strategy.rollingUpdate";
                let zero = IntOrString::Int(0);
                let mu = ru.max_unavailable.as_ref().unwrap_or(&zero);
                let ms = ru.max_surge.as_ref().unwrap_or(&zero);
                errs.extend(positive_int_or_percent(mu, &format!("{p}.maxUnavailable")));
                errs.extend(positive_int_or_percent(ms, &format!("{p}.maxSurge")));
                if int_or_percent_value(mu) == 0 && int_or_percent_value(ms) == 0 {
                    errs.push(FieldError::invalid(
                        format!("{p}.maxUnavailable"),
                        BadValue::Raw(gofmt::int_or_string(mu)),
                        "may not be 0 when `maxSurge` is 0",
                    ));
                }
                if matches!(mu, IntOrString::String(_)) && int_or_percent_value(mu) > 100 {
                    errs.push(FieldError::invalid(
                        format!("{p}.maxUnavailable"),
                        BadValue::Raw(gofmt::int_or_string(mu)),
                        "must not be greater than 100%",
                    ));
                }
            }
        },
        other => errs.push(FieldError::not_supported(
            "spec.strategy",
            BadValue::Raw(format!(
                "apps.DeploymentStrategy{{Type:{}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}}",
                crate::api::errors::go_quote(other)
            )),
            &["Recreate", "RollingUpdate"],
        )),
    }
    errs.extend(nonnegative(
        spec.min_ready_seconds.unwrap_or(0).into(),
        "spec.minReadySeconds",
    ));
    if let Some(r) = spec.revision_history_limit {
        errs.extend(nonnegative(r.into(), "spec.revisionHistoryLimit"));
    }
    if let Some(pds) = spec.progress_deadline_seconds {
        errs.extend(nonnegative(pds.into(), "spec.progressDeadlineSeconds"));
        if pds <= spec.min_ready_seconds.unwrap_or(0) {
            errs.push(FieldError::invalid(
                "spec.progressDeadlineSeconds",
                BadValue::Int(pds.into()),
                "must be greater than minReadySeconds",
            ));
        }
    }
    errs
}

fn int_or_percent_value(v: &IntOrString) -> i64 {
    match v {
        IntOrString::Int(i) => (*i).into(),
        IntOrString::String(s) => s.trim_end_matches('%').parse().unwrap_or(0),
    }
}

fn positive_int_or_percent(v: &IntOrString, path: &str) -> Vec<FieldError> {
    match v {
        IntOrString::String(s) => is_valid_percent(s)
            .into_iter()
            .map(|m| FieldError::invalid(path, BadValue::Raw(gofmt::int_or_string(v)), m))
            .collect(),
        IntOrString::Int(i) => nonnegative((*i).into(), path),
    }
}

fn selector_immutable(new: &LabelSelector, old: &LabelSelector) -> Option<FieldError> {
    (new != old).then(|| {
        FieldError::invalid(
            "spec.selector",
            BadValue::Raw(gofmt::label_selector(new)),
            "field is immutable",
        )
    })
}

pub fn validate_deployment_update(new: &Deployment, old: &Deployment) -> Vec<FieldError> {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata, "metadata");
    errs.extend(
        validate_deployment(new, Some(old))
            .into_iter()
            .filter(|e| !e.field.starts_with("metadata.")),
    );
    let (n, o) = (
        new.spec.clone().unwrap_or_default(),
        old.spec.clone().unwrap_or_default(),
    );
    errs.extend(selector_immutable(&n.selector, &o.selector));
    errs
}

/// `ValidateReplicaSet`.
pub fn validate_replicaset(rs: &ReplicaSet) -> Vec<FieldError> {
    let mut errs = validate_object_meta(&rs.metadata, true, NameRule::Dns1123Subdomain, "metadata");
    let spec = rs.spec.clone().unwrap_or_default();
    errs.extend(nonnegative(
        spec.replicas.unwrap_or(0).into(),
        "spec.replicas",
    ));
    errs.extend(nonnegative(
        spec.min_ready_seconds.unwrap_or(0).into(),
        "spec.minReadySeconds",
    ));
    let template = spec.template.clone().unwrap_or_default();
    errs.extend(selector_and_template(
        &spec.selector,
        &template,
        EMPTY_SELECTOR,
    ));
    errs.extend(template_for_replicaset(&template));
    errs
}

pub fn validate_replicaset_update(new: &ReplicaSet, old: &ReplicaSet) -> Vec<FieldError> {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata, "metadata");
    errs.extend(
        validate_replicaset(new)
            .into_iter()
            .filter(|e| !e.field.starts_with("metadata.")),
    );
    let (n, o) = (
        new.spec.clone().unwrap_or_default(),
        old.spec.clone().unwrap_or_default(),
    );
    errs.extend(selector_immutable(&n.selector, &o.selector));
    errs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admission::default_object;
    use crate::api::Object;

    fn deploy(json: serde_json::Value) -> Deployment {
        let mut o = Object::Deployment(serde_json::from_value(json).unwrap());
        default_object(&mut o);
        match o {
            Object::Deployment(d) => *d,
            _ => unreachable!(),
        }
    }

    fn base() -> serde_json::Value {
        serde_json::json!({
            "metadata": {"name": "web", "namespace": "default"},
            "spec": {
                "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                    "spec": {"containers": [{"name": "nginx", "image": "nginx"}]}}
            }
        })
    }

    #[test]
    fn deployment_validates_the_pod_template_unlike_statefulsets() {
        let mut j = base();
        j["spec"]["template"]["spec"]["containers"][0]
            .as_object_mut()
            .unwrap()
            .remove("image");
        let errs: Vec<String> = validate_deployment(&deploy(j), None)
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            errs,
            ["spec.template.spec.containers[0].image: Required value"]
        );
    }

    #[test]
    fn zero_surge_and_unavailable() {
        let mut j = base();
        j["spec"]["strategy"] =
            serde_json::json!({"rollingUpdate": {"maxSurge": 0, "maxUnavailable": 0}});
        let errs: Vec<String> = validate_deployment(&deploy(j), None)
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            errs,
            ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0"]
        );
    }

    #[test]
    fn selector_is_immutable() {
        let old = deploy(base());
        let mut new = old.clone();
        let mut j = base();
        j["spec"]["selector"] = serde_json::json!({"matchLabels": {"app": "web", "v": "2"}});
        j["spec"]["template"]["metadata"]["labels"]["v"] = "2".into();
        new.spec = deploy(j).spec;
        let errs: Vec<String> = validate_deployment_update(&new, &old)
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            errs,
            ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"v\":\"2\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"]
        );
    }
}
