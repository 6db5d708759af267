//! Sorter tests; expected orders and messages were printed by kubectl v1.32.4 against an
//! apiserver serving the same objects.

use super::*;
use serde_json::json;

#[test]
fn relaxed_expressions_as_kubectl_normalises_them() {
    for e in [
        "metadata.name",
        ".metadata.name",
        "{metadata.name}",
        "{.metadata.name}",
    ] {
        assert_eq!(relaxed_jsonpath(e).unwrap(), "{.metadata.name}", "{e}");
    }
    assert_eq!(relaxed_jsonpath("").unwrap(), "");
    assert_eq!(relaxed_jsonpath(".").unwrap(), "{..}");
    assert_eq!(relaxed_jsonpath("{.}").unwrap(), "{..}");
    assert_eq!(relaxed_jsonpath("..name").unwrap(), "{..name}");
    let bad = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    for e in ["{.a", ".a.b}", "{.metadata.name}{.spec.nodeName}", "{}"] {
        assert_eq!(relaxed_jsonpath(e).unwrap_err(), bad, "{e}");
    }
}

fn claims() -> Vec<Value> {
    [
        ("data-big", Some("2Gi")),
        ("data-mid", Some("1500M")),
        ("data-small", Some("500Mi")),
        ("www-web-0", Some("1Gi")),
        ("www-web-1", Some("1Gi")),
        ("no-request", None),
    ]
    .iter()
    .map(|(name, size)| match size {
        Some(s) => {
            json!({"metadata": {"name": name}, "spec": {"resources": {"requests": {"storage": s}}}})
        }
        None => json!({"metadata": {"name": name}, "spec": {}}),
    })
    .collect()
}

#[test]
fn storage_sizes_sort_as_quantities_and_missing_fields_first() {
    let c = claims();
    let refs: Vec<&Value> = c.iter().collect();
    let order = sort_objects(".spec.resources.requests.storage", &refs).unwrap();
    let names: Vec<&str> = order
        .iter()
        .map(|&i| c[i]["metadata"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "no-request",
            "data-small",
            "www-web-0",
            "www-web-1",
            "data-mid",
            "data-big"
        ]
    );
}

#[test]
fn errors_name_the_normalised_field() {
    let c = claims();
    let refs: Vec<&Value> = c.iter().collect();
    assert_eq!(
        sort_objects(".foo", &refs).unwrap_err(),
        SortError::Message(
            "couldn't find any field with path \"{.foo}\" in the list of objects".into()
        )
    );
    assert_eq!(
        sort_objects(".a[", &refs).unwrap_err(),
        SortError::Message("unterminated array".into())
    );
    assert_eq!(
        sort_objects(".metadata.name,.spec", &refs).unwrap_err(),
        SortError::Message("unrecognized character in action: U+002C ','".into())
    );
    assert_eq!(
        sort_objects(".metadata", &refs).unwrap_err(),
        SortError::Unsortable {
            source: "sorter.go:329",
            message: "Field {.metadata} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}".into()
        }
    );
    assert_eq!(
        sort_table_rows(".metadata", &refs).unwrap_err(),
        SortError::Unsortable {
            source: "sorter.go:375",
            message: "Field {.metadata} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}".into()
        }
    );
    // A table sorter falls back to the raw expression and reports parse errors its way.
    assert_eq!(
        sort_table_rows("{.a", &refs).unwrap_err(),
        SortError::Message("sorting error: unclosed action".into())
    );
    // `{.a}{.b}` cannot be relaxed, but a table sorter uses it as written (first action).
    let order = sort_table_rows("{.metadata.name}{.spec}", &refs).unwrap();
    assert_eq!(order, vec![0, 1, 2, 5, 3, 4]);
}

#[test]
fn single_rows_and_empty_lists_are_left_alone() {
    let one = [json!({"a": 1})];
    let refs: Vec<&Value> = one.iter().collect();
    assert_eq!(sort_table_rows(".nope", &refs).unwrap(), vec![0]);
    assert_eq!(sort_table_rows(".nope", &[]).unwrap(), Vec::<usize>::new());
}
