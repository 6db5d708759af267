//! Template tests; expected outputs were printed by kubectl v1.32
//! (`kubectl create configmap x --from-literal=a=1 --from-literal=b=two --dry-run=client
//! -o jsonpath=...|go-template=...`) unless noted.

use super::{gotemplate, jsonpath};
use serde_json::json;

fn cm() -> serde_json::Value {
    json!({"apiVersion": "v1", "data": {"a": "1", "b": "two"}, "kind": "ConfigMap",
           "metadata": {"creationTimestamp": null, "name": "x"}})
}

#[test]
fn jsonpath_matches_kubectl() {
    let cases = [
        ("{.x}", ""),
        ("{.data}", "{\"a\":\"1\",\"b\":\"two\"}"),
        ("{.data.*}", "1 two"),
        ("{.metadata}", "{\"creationTimestamp\":null,\"name\":\"x\"}"),
        ("{.data.a}{\"\\n\"}{.kind}{\"\\t\"}x", "1\nConfigMap\tx"),
        ("{..a}", "1"),
        ("{.metadata.creationTimestamp}", "null"),
    ];
    for (t, want) in cases {
        assert_eq!(jsonpath::render(t, &cm()).unwrap(), want, "{t}");
    }
}

#[test]
fn jsonpath_errors_match_kubectl() {
    assert_eq!(
        jsonpath::render("{.data.a", &cm()).unwrap_err(),
        "error parsing jsonpath {.data.a, unclosed action"
    );
    // --allow-missing-template-keys=false
    assert_eq!(
        jsonpath::render_strict("{.x}", &cm()).unwrap_err(),
        "error executing jsonpath \"{.x}\": Error executing template: x is not found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.x}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"data\":map[string]interface {}{\"a\":\"1\", \"b\":\"two\"}, \"kind\":\"ConfigMap\", \"metadata\":map[string]interface {}{\"creationTimestamp\":interface {}(nil), \"name\":\"x\"}}\n\n"
    );
}

fn pods() -> serde_json::Value {
    json!({"apiVersion": "v1", "kind": "List", "items": [
        {"metadata": {"name": "web-0", "labels": {"app.kubernetes.io/name": "web"}},
         "status": {"conditions": [{"type": "Ready", "status": "True"}, {"type": "Init", "status": "False"}]},
         "spec": {"containers": [{"name": "a", "image": "nginx"}, {"name": "b", "image": "busybox"}]}},
        {"metadata": {"name": "web-1", "labels": {}},
         "status": {"conditions": [{"type": "Ready", "status": "False"}]},
         "spec": {"containers": [{"name": "a", "image": "nginx"}]}}
    ]})
}

#[test]
fn jsonpath_lists_ranges_filters() {
    // Checked with `kubectl label --local -f pod.json x=y -o jsonpath=...` on one Pod
    // (the same paths below `.items[0]`).
    let p = pods();
    let r = |t: &str| jsonpath::render(t, &p).unwrap();
    assert_eq!(r("{.items[*].metadata.name}"), "web-0 web-1");
    assert_eq!(
        r("{range .items[*]}{.metadata.name}{\"\\n\"}{end}"),
        "web-0\nweb-1\n"
    );
    assert_eq!(r("{.items[0].spec.containers[-1:].name}"), "b");
    assert_eq!(r("{.items[-1].metadata.name}"), "web-1");
    assert_eq!(
        r("{range .items[*]}{.metadata.name}{'\\t'}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"),
        "web-0\tTrue\nweb-1\tFalse\n"
    );
    assert_eq!(
        r("{.items[*].spec.containers[*].image}"),
        "nginx busybox nginx"
    );
    assert_eq!(
        r("{.items[0].metadata.labels.app\\.kubernetes\\.io/name}"),
        "web"
    );
    // Verified with kubectl on a single Pod: a quoted key still splits at dots.
    assert_eq!(
        r("{.items[0].metadata.labels['app.kubernetes.io/name']}"),
        ""
    );
    assert_eq!(
        r("{.items[0].metadata.labels['app\\.kubernetes\\.io/name']}"),
        "web"
    );
    assert_eq!(
        r("{.items[0].spec.containers[*]['name','image']}"),
        "a b nginx busybox"
    );
    assert!(jsonpath::render("{end}", &p)
        .unwrap_err()
        .starts_with("error executing jsonpath \"{end}\": Error executing template: not in range, nothing to end."));
    assert_eq!(
        jsonpath::render("{.a[\"k\"]}", &p).unwrap_err(),
        "error parsing jsonpath {.a[\"k\"]}, invalid array index \"k\""
    );
    assert_eq!(r("{.items[1:].metadata.name}"), "web-1");
    assert_eq!(r("{..image}"), "nginx busybox nginx");
    assert_eq!(
        jsonpath::render("{.items[5]}", &p).unwrap_err().lines().next().unwrap(),
        "error executing jsonpath \"{.items[5]}\": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:"
    );
}

#[test]
fn go_template_matches_kubectl() {
    let cases = [
        (
            "{{.data.a}} {{.x}} {{index .data \"b\"}} {{len .data}} {{printf \"%s-%d\" .kind 5}}",
            "1 <no value> two 2 ConfigMap-5",
        ),
        // (not from kubectl: gtmpl visits map keys in hash order, so filter to one key)
        (
            "{{range $k, $v := .metadata}}{{if eq $k \"name\"}}{{$k}}={{$v}};{{end}}{{end}}",
            "name=x;",
        ),
    ];
    for (t, want) in cases {
        assert_eq!(gotemplate::render(t, &cm()).unwrap(), want, "{t}");
    }
    let e = gotemplate::render("{{.nope", &cm()).unwrap_err();
    assert!(e.starts_with("error parsing template {{.nope, "), "{e}");
}

#[test]
fn go_template_ranges_over_items() {
    let out = gotemplate::render("{{range .items}}{{.metadata.name}}\n{{end}}", &pods()).unwrap();
    assert_eq!(out, "web-0\nweb-1\n");
}

#[test]
fn jsonpath_work_is_bounded() {
    let pods: Vec<serde_json::Value> = (0..20)
        .map(|i| serde_json::json!({"metadata": {"name": format!("p{i}"), "labels": {"a": "b"}}}))
        .collect();
    let list = serde_json::json!({ "items": pods });
    // Each `..` multiplies the values: twenty of them would never end.
    let dots = format!("{{{}}}", "..".repeat(20));
    let err = crate::templates::jsonpath::render(&dots, &list).unwrap_err();
    assert!(
        err.contains("visits more than 5000000 values (a sandbox limit)"),
        "{err}"
    );
    let path = crate::templates::jsonpath::JsonPath::parse(&dots).unwrap();
    assert!(path.find_results(&list).is_err());
    // Ordinary templates are untouched.
    assert_eq!(
        crate::templates::jsonpath::render("{.items[0].metadata.name}", &list).unwrap(),
        "p0"
    );
}
