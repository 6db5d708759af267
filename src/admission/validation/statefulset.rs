//! StatefulSet validation (`pkg/apis/apps/validation/validation.go` as of the v1.28–v1.32
//! line): name is a DNS-1123 label; spec checks in upstream's order; no PodSpec
//! validation of the template and none of the claim templates (a long-standing upstream
//! gap: such mistakes surface later as FailedCreate events); no `serviceName` check
//! (added in v1.33); and the update rule listing the mutable spec fields.

use super::meta::{
    selector_is_empty, selector_is_missing, validate_annotations, validate_label_selector,
    validate_labels, validate_object_meta, validate_object_meta_update,
};
use super::nonnegative;
use crate::admission::gofmt;
use crate::admission::names::{is_valid_percent, NameRule};
use crate::api::labels::Selector;
use crate::api::{BadValue, FieldError};
use k8s_openapi::api::apps::v1::{StatefulSet, StatefulSetSpec};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

/// The v1.32 text (v1.33 added `'revisionHistoryLimit'`).
pub const FORBIDDEN_UPDATE: &str = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/// `ValidateStatefulSet`.
pub fn validate(s: &StatefulSet) -> Vec<FieldError> {
    let mut errs = validate_object_meta(&s.metadata, true, NameRule::Dns1123Label, "metadata");
    errs.extend(validate_spec(&s.spec.clone().unwrap_or_default()));
    errs
}

/// `ValidateStatefulSetUpdate`: metadata, the spec again, then the immutability rule.
pub fn validate_update(new: &StatefulSet, old: &StatefulSet) -> Vec<FieldError> {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata, "metadata");
    let ns = new.spec.clone().unwrap_or_default();
    let os = old.spec.clone().unwrap_or_default();
    errs.extend(validate_spec(&ns));
    let mut clone = ns;
    clone.replicas = os.replicas;
    clone.template = os.template.clone();
    clone.update_strategy = os.update_strategy.clone();
    clone.min_ready_seconds = os.min_ready_seconds;
    clone.ordinals = os.ordinals.clone();
    clone.persistent_volume_claim_retention_policy =
        os.persistent_volume_claim_retention_policy.clone();
    if clone != os {
        errs.push(FieldError::forbidden("spec", FORBIDDEN_UPDATE));
    }
    errs
}

fn retention_value(v: Option<&str>, path: &str) -> Option<FieldError> {
    let v = v.unwrap_or("");
    (v != "Retain" && v != "Delete")
        .then(|| FieldError::not_supported(path, BadValue::Str(v.into()), &["Retain", "Delete"]))
}

/// `ValidateStatefulSetSpec`.
pub fn validate_spec(spec: &StatefulSetSpec) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let pmp = spec.pod_management_policy.as_deref().unwrap_or("");
    match pmp {
        "" => errs.push(FieldError::required("spec.podManagementPolicy", "")),
        "OrderedReady" | "Parallel" => {}
        _ => errs.push(FieldError::invalid(
            "spec.podManagementPolicy",
            BadValue::Str(pmp.into()),
            "must be 'OrderedReady' or 'Parallel'",
        )),
    }
    let strategy = spec.update_strategy.clone().unwrap_or_default();
    match strategy.type_.as_deref().unwrap_or("") {
        "" => errs.push(FieldError::required("spec.updateStrategy", "")),
        "OnDelete" => {
            if let Some(ru) = strategy.rolling_update.as_ref() {
                errs.push(FieldError::invalid(
                    "spec.updateStrategy.rollingUpdate",
                    BadValue::Raw(format!(
                        "apps.RollingUpdateStatefulSetStrategy{{Partition:{}, MaxUnavailable:{}}}",
                        ru.partition.unwrap_or(0),
                        ru.max_unavailable
                            .as_ref()
                            .map_or("(*intstr.IntOrString)(nil)".to_string(), |_| "(*intstr.IntOrString)(…)".to_string())
                    )),
                    "only allowed for updateStrategy 'RollingUpdate'",
                ));
            }
        }
        "RollingUpdate" => {
            if let Some(ru) = strategy.rolling_update.as_ref() {
                let p = "spec.updateStrategy.rollingUpdate";
                errs.extend(nonnegative(ru.partition.unwrap_or(0).into(), &format!("{p}.partition")));
                if let Some(mu) = ru.max_unavailable.as_ref() {
                    errs.extend(max_unavailable(mu, &format!("{p}.maxUnavailable")));
                }
            }
        }
        other => errs.push(FieldError::invalid(
            "spec.updateStrategy",
            BadValue::Raw(format!(
                "apps.StatefulSetUpdateStrategy{{Type:{}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}}",
                crate::api::errors::go_quote(other)
            )),
            "must be 'RollingUpdate' or 'OnDelete'",
        )),
    }
    if let Some(policy) = spec.persistent_volume_claim_retention_policy.as_ref() {
        let p = "spec.persistentVolumeClaimRetentionPolicy";
        errs.extend(retention_value(
            policy.when_deleted.as_deref(),
            &format!("{p}.whenDeleted"),
        ));
        errs.extend(retention_value(
            policy.when_scaled.as_deref(),
            &format!("{p}.whenScaled"),
        ));
    }
    errs.extend(nonnegative(
        spec.replicas.unwrap_or(0).into(),
        "spec.replicas",
    ));
    errs.extend(nonnegative(
        spec.min_ready_seconds.unwrap_or(0).into(),
        "spec.minReadySeconds",
    ));
    if let Some(o) = spec.ordinals.as_ref() {
        errs.extend(nonnegative(
            o.start.unwrap_or(0).into(),
            "spec.ordinals.start",
        ));
    }
    errs.extend(selector_and_template(
        &spec.selector,
        &spec.template,
        "empty selector is invalid for statefulset",
    ));
    errs.extend(template_meta(&spec.template));
    let tspec = spec.template.spec.clone().unwrap_or_default();
    let rp = tspec.restart_policy.as_deref().unwrap_or("");
    if rp != "Always" {
        errs.push(FieldError::not_supported(
            "spec.template.spec.restartPolicy",
            BadValue::Str(rp.into()),
            &["Always"],
        ));
    }
    if tspec.active_deadline_seconds.is_some() {
        errs.push(FieldError::forbidden(
            "spec.template.spec.activeDeadlineSeconds",
            "activeDeadlineSeconds in StatefulSet is not Supported",
        ));
    }
    errs
}

/// Selector required/valid/non-empty, then the template labels must match it, then the
/// template's own labels and annotations (shared with Deployment and ReplicaSet, which
/// add PodSpec validation on top).
pub fn selector_and_template(
    sel: &k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector,
    template: &k8s_openapi::api::core::v1::PodTemplateSpec,
    empty_msg: &str,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let missing = selector_is_missing(sel);
    if missing {
        errs.push(FieldError::required("spec.selector", ""));
    } else {
        errs.extend(validate_label_selector(sel, "spec.selector"));
        if selector_is_empty(sel) {
            errs.push(FieldError::invalid(
                "spec.selector",
                BadValue::Raw(gofmt::label_selector(sel)),
                empty_msg,
            ));
        }
    }
    let labels = template.metadata.as_ref().and_then(|m| m.labels.clone());
    // A nil selector selects nothing, so it never matches; an empty one is skipped.
    let matches = if missing {
        false
    } else if selector_is_empty(sel) {
        true
    } else {
        Selector::from_label_selector(sel).matches(labels.as_ref())
    };
    if !matches {
        errs.push(FieldError::invalid(
            "spec.template.metadata.labels",
            BadValue::Raw(gofmt::string_map(labels.as_ref())),
            "`selector` does not match template `labels`",
        ));
    }
    errs
}

/// Template labels and annotations as `ValidatePodTemplateSpecForStatefulSet` checks them.
pub fn template_meta(template: &k8s_openapi::api::core::v1::PodTemplateSpec) -> Vec<FieldError> {
    let meta = template.metadata.clone().unwrap_or_default();
    let mut errs = validate_labels(meta.labels.as_ref(), "spec.template.labels");
    errs.extend(validate_annotations(
        meta.annotations.as_ref(),
        "spec.template.annotations",
    ));
    errs
}

/// `ValidatePositiveIntOrPercent` + `IsNotMoreThan100Percent`, and "cannot be 0".
fn max_unavailable(v: &IntOrString, path: &str) -> Vec<FieldError> {
    let shown = || BadValue::Raw(gofmt::int_or_string(v));
    let mut errs = Vec::new();
    let value = match v {
        IntOrString::String(s) => {
            for m in is_valid_percent(s) {
                errs.push(FieldError::invalid(path, shown(), m));
            }
            s.trim_end_matches('%').parse::<i64>().unwrap_or(0)
        }
        IntOrString::Int(i) => {
            errs.extend(nonnegative((*i).into(), path));
            (*i).into()
        }
    };
    if value == 0 {
        errs.push(FieldError::invalid(path, shown(), "cannot be 0"));
    }
    if matches!(v, IntOrString::String(_)) && value > 100 {
        errs.push(FieldError::invalid(
            path,
            shown(),
            "must not be greater than 100%",
        ));
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admission::default_object;
    use crate::api::{ApiError, Kind, Object};

    fn sts(json: serde_json::Value) -> StatefulSet {
        let mut o = Object::StatefulSet(serde_json::from_value(json).unwrap());
        default_object(&mut o);
        match o {
            Object::StatefulSet(s) => *s,
            _ => unreachable!(),
        }
    }

    fn base() -> serde_json::Value {
        serde_json::json!({
            "metadata": {"name": "web", "namespace": "default"},
            "spec": {
                "serviceName": "nginx",
                "selector": {"matchLabels": {"app": "nginx"}},
                "template": {"metadata": {"labels": {"app": "nginx"}},
                    "spec": {"containers": [{"name": "nginx", "image": "nginx:1.25"}]}}
            }
        })
    }

    fn strings(errs: &[FieldError]) -> Vec<String> {
        errs.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn valid_set_passes() {
        assert!(validate(&sts(base())).is_empty());
    }

    #[test]
    fn missing_selector_gives_required_then_mismatch() {
        let mut j = base();
        j["spec"].as_object_mut().unwrap().remove("selector");
        let errs = validate(&sts(j));
        assert_eq!(
            strings(&errs),
            [
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`"
            ]
        );
        assert_eq!(
            ApiError::invalid(Kind::StatefulSet, "web", errs).message,
            "StatefulSet.apps \"web\" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`]"
        );
    }

    #[test]
    fn empty_match_labels_is_an_empty_selector() {
        let mut j = base();
        j["spec"]["selector"] = serde_json::json!({"matchLabels": {}});
        assert_eq!(
            strings(&validate(&sts(j))),
            ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset"]
        );
    }

    #[test]
    fn name_must_be_a_dns_label() {
        let mut j = base();
        j["metadata"]["name"] = "web.v1".into();
        assert_eq!(
            strings(&validate(&sts(j))),
            ["metadata.name: Invalid value: \"web.v1\": must not contain dots"]
        );
    }

    #[test]
    fn numeric_and_policy_rules() {
        let mut j = base();
        j["spec"]["replicas"] = (-1).into();
        j["spec"]["podManagementPolicy"] = "X".into();
        j["spec"]["template"]["spec"]["restartPolicy"] = "Never".into();
        j["spec"]["template"]["spec"]["activeDeadlineSeconds"] = 5.into();
        j["spec"]["ordinals"] = serde_json::json!({"start": -2});
        assert_eq!(
            strings(&validate(&sts(j))),
            [
                "spec.podManagementPolicy: Invalid value: \"X\": must be 'OrderedReady' or 'Parallel'",
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0",
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported",
            ]
        );
    }

    #[test]
    fn pod_spec_and_claims_are_not_validated_and_service_may_be_missing() {
        let mut j = base();
        j["spec"]["serviceName"] = "does-not-exist".into();
        j["spec"]["template"]["spec"]["containers"][0]["volumeMounts"] =
            serde_json::json!([{"name": "data", "mountPath": "/d"}]);
        j["spec"]["template"]["spec"]["containers"][0]
            .as_object_mut()
            .unwrap()
            .remove("image");
        j["spec"]["volumeClaimTemplates"] =
            serde_json::json!([{"metadata": {"name": "www"}, "spec": {}}]);
        assert!(validate(&sts(j)).is_empty());
    }

    #[test]
    fn retention_policy_and_partition() {
        let mut j = base();
        j["spec"]["persistentVolumeClaimRetentionPolicy"] =
            serde_json::json!({"whenDeleted": "Keep"});
        j["spec"]["updateStrategy"] =
            serde_json::json!({"type": "RollingUpdate", "rollingUpdate": {"partition": -1}});
        assert_eq!(
            strings(&validate(&sts(j))),
            [
                "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
                "spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\"",
            ]
        );
    }

    #[test]
    fn on_delete_with_rolling_update_block_is_rejected() {
        let mut j = base();
        j["spec"]["updateStrategy"] =
            serde_json::json!({"type": "OnDelete", "rollingUpdate": {"partition": 1}});
        let errs = validate(&sts(j));
        assert_eq!(errs.len(), 1);
        assert!(errs[0]
            .to_string()
            .starts_with("spec.updateStrategy.rollingUpdate: Invalid value: "));
        assert!(errs[0]
            .to_string()
            .ends_with(": only allowed for updateStrategy 'RollingUpdate'"));
    }

    #[test]
    fn update_may_change_replicas_but_not_service_name() {
        let old = sts(base());
        let mut scaled = old.clone();
        scaled.spec.as_mut().unwrap().replicas = Some(5);
        assert!(validate_update(&scaled, &old).is_empty());
        let mut renamed = old.clone();
        renamed.spec.as_mut().unwrap().service_name = Some("other".into());
        assert_eq!(
            strings(&validate_update(&renamed, &old)),
            ["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]
        );
    }
}
