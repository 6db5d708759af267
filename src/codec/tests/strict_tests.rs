//! Strict decoding tests. Expected texts follow apimachinery's wording (StrictDecodingError,
//! encoding/json's UnmarshalTypeError) and kubectl's REST-mapping error; the apiserver is
//! not part of the offline oracle, so these are from upstream sources.

use crate::api::Object;
use crate::codec::manifest::parse_manifests;
use crate::codec::strict::{decode, decode_detailed, DecodeError};

fn first(yaml: &str) -> serde_json::Value {
    parse_manifests(yaml, "t.yaml").unwrap().remove(0)
}

fn bad(yaml: &str) -> String {
    match decode(&first(yaml)) {
        Err(DecodeError::BadRequest(m)) => m,
        other => panic!("expected BadRequest, got {other:?}"),
    }
}

const STS_HEAD: &str = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n";

#[test]
fn decodes_valid_statefulset() {
    let y = format!("{STS_HEAD}spec:\n  serviceName: web\n  replicas: 2\n  selector:\n    matchLabels: {{app: web}}\n  template:\n    metadata:\n      labels: {{app: web}}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n        resources:\n          requests:\n            storage: 1\n            cpu: 0.5\n");
    let d = decode_detailed(&first(&y)).unwrap();
    let Object::StatefulSet(s) = d.object else {
        panic!()
    };
    assert_eq!(s.spec.as_ref().unwrap().replicas, Some(2));
    assert!(d.zero_filled.is_empty(), "{:?}", d.zero_filled);
    let c = &s.spec.unwrap().template.spec.unwrap().containers[0];
    let req = c.resources.as_ref().unwrap().requests.as_ref().unwrap();
    assert_eq!(req["storage"].0, "1");
    assert_eq!(req["cpu"].0, "0.5");
}

#[test]
fn seed_002_misplaced_volume_claim_templates() {
    // Seed 002: volumeClaimTemplates at the top level (and a typo inside it): only the
    // top-most unknown level is reported.
    let y = format!("{STS_HEAD}spec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n      - name: postgres\n        image: postgres:16\nvolumeClaimTemplates:\n- metadata:\n    name: data\n  spec:\n    accesModes: [\"ReadWriteOnce\"]\n");
    assert_eq!(
        bad(&y),
        "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"volumeClaimTemplates\""
    );
}

#[test]
fn typo_inside_list_reports_index_and_sorted_order() {
    let y = format!("{STS_HEAD}spec:\n  foo: 1\n  selector: {{}}\n  template:\n    spec:\n      containers:\n      - name: a\n        bar: x\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accesModes: [\"ReadWriteOnce\"]\n");
    assert_eq!(
        bad(&y),
        "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.foo\", unknown field \"spec.template.spec.containers[0].bar\", unknown field \"spec.volumeClaimTemplates[0].spec.accesModes\""
    );
}

#[test]
fn type_errors_name_go_struct_and_type() {
    let y = format!("{STS_HEAD}spec:\n  replicas: \"3\"\n  selector: {{}}\n  template: {{}}\n");
    assert_eq!(
        bad(&y),
        "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32"
    );
    let y = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    a: 1\n";
    assert_eq!(
        bad(y),
        "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"
    );
    let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: {name: a}\n";
    assert_eq!(
        bad(y),
        "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"
    );
    let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    env:\n    - name: X\n      value: 5\n";
    assert_eq!(
        bad(y),
        "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string"
    );
    let y = format!("{STS_HEAD}spec:\n  replicas: 1.5\n  selector: {{}}\n  template: {{}}\n");
    assert!(bad(&y).ends_with("cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32"));
}

#[test]
fn type_error_wins_over_unknown_field() {
    let y =
        format!("{STS_HEAD}spec:\n  aaa: 1\n  replicas: yes\n  selector: {{}}\n  template: {{}}\n");
    assert!(bad(&y).ends_with("json: cannot unmarshal bool into Go struct field StatefulSetSpec.spec.replicas of type int32"));
}

#[test]
fn missing_and_null_fields_decode_like_go() {
    // Go never requires fields while decoding; k8s-openapi defaults these itself.
    let y = format!("{STS_HEAD}spec:\n  replicas: 1\n");
    let d = decode_detailed(&first(&y)).unwrap();
    assert!(d.zero_filled.is_empty());
    let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: x\n    name: null\n";
    let Object::Pod(p) = decode(&first(y)).unwrap() else {
        panic!()
    };
    assert_eq!(p.spec.unwrap().containers[0].name, "");
}

#[test]
fn unknown_kind_is_a_rest_mapping_error() {
    let v = first("apiVersion: v1\nkind: StatefulSet\nmetadata:\n  name: x\n");
    let e = decode(&v).unwrap_err();
    assert_eq!(
        e.message("f.yaml"),
        "resource mapping not found for name: \"x\" namespace: \"\" from \"f.yaml\": no matches for kind \"StatefulSet\" in version \"v1\"\nensure CRDs are installed first"
    );
    let v = first("apiVersion: apps/v1beta1\nkind: Foo\nmetadata:\n  name: x\n  namespace: prod\n");
    assert_eq!(decode(&v)
        .unwrap_err()
        .message("STDIN"), "resource mapping not found for name: \"x\" namespace: \"prod\" from \"STDIN\": no matches for kind \"Foo\" in version \"apps/v1beta1\"\nensure CRDs are installed first");
}
