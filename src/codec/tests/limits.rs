//! Limits and odd inputs: never a panic or a hang. The alias-bomb text is what kubectl
//! v1.32 prints for the same file.

use crate::codec::manifest::{parse_manifests, parse_manifests_with, MAX_MANIFEST_BYTES};
use crate::codec::yaml_out::{list_wrapper, to_yaml};

#[test]
fn billion_laughs_is_refused() {
    let mut s = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
    let mut prev = 'a';
    for n in "bcdefghi".chars() {
        let refs = vec![format!("*{prev}"); 9].join(",");
        s.push_str(&format!("{n}: &{n} [{refs}]\n"));
        prev = n;
    }
    let e = parse_manifests(&s, "bomb.yaml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing"
    );
}

#[test]
fn deep_nesting_is_refused() {
    let s = format!("x: {}{}\n", "[".repeat(200), "]".repeat(200));
    let e = parse_manifests(&s, "deep.yaml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "error parsing deep.yaml: error converting YAML to JSON: yaml: exceeded max depth of 128"
    );
}

#[test]
fn oversized_input_is_refused() {
    let s = "#".repeat(MAX_MANIFEST_BYTES + 1);
    let e = parse_manifests(&s, "big.yaml").unwrap_err();
    assert!(e
        .to_string()
        .starts_with("error parsing big.yaml: file is too large"));
}

#[test]
fn documents_before_an_error_are_kept() {
    let s = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\nmetadata:\n  name: b\n";
    let e = parse_manifests(s, "m.yaml").unwrap_err();
    assert_eq!(e.parsed.len(), 1);
    assert_eq!(e.parsed[0]["metadata"]["name"], "a");
}

#[test]
fn validation_off_reports_missing_kind_like_kubectl() {
    // kubectl apply --validate=false -f noboth.yaml (v1.32)
    let e = parse_manifests_with("metadata:\n  name: x\n", "noboth.yaml", false).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unable to decode \"noboth.yaml\": Object 'Kind' is missing in '{\"metadata\":{\"name\":\"x\"}}'"
    );
}

#[test]
fn empty_inputs_give_no_objects() {
    for s in ["", "\n", "# c\n---\n---\n", "null\n", "~\n---\n"] {
        assert!(parse_manifests(s, "e.yaml").unwrap().is_empty(), "{s:?}");
    }
}

#[test]
fn list_wrapper_prints_as_kubectl_does() {
    // The shape of `kubectl get pods -o yaml` with no pods (reference §1.5).
    assert_eq!(
        to_yaml(&list_wrapper(vec![])),
        "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
    );
    let one = serde_json::json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}});
    assert_eq!(
        to_yaml(&list_wrapper(vec![one])),
        "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
    );
}
