//! Custom-columns tests; expected text was printed by kubectl v1.32.4 for the same
//! objects (before the tab writer aligned it, which `tabwriter.rs` tests cover).

use super::*;
use crate::printers::tabwriter::GoTabWriter;
use serde_json::json;

fn pods() -> Vec<Value> {
    vec![
        json!({"metadata": {"name": "multi", "labels": {"tier": "web", "app": "multi"}},
               "spec": {"containers": [{"image": "nginx:1.25"}, {"image": "busybox"}], "nodeName": "kind-worker"},
               "status": {"containerStatuses": [{"ready": true, "restartCount": 0}, {"ready": true, "restartCount": 0}]}}),
        json!({"metadata": {"name": "web-0", "labels": {"app": "nginx"}},
               "spec": {"containers": [{"image": "nginx:1.25"}], "volumes": [{"name": "www", "persistentVolumeClaim": {"claimName": "www-web-0"}}]},
               "status": {"containerStatuses": [{"ready": false, "restartCount": 3}]}}),
    ]
}

fn render(spec: &str, no_headers: bool) -> Result<String, String> {
    let cc = CustomColumns::from_spec(spec, no_headers)?;
    let p = pods();
    let refs: Vec<&Value> = p.iter().collect();
    let printed = cc.print(&refs, true);
    let text = GoTabWriter::for_tables().format(&printed.text);
    match printed.error {
        Some(e) => Err(format!("{text}|{e}")),
        None => Ok(text),
    }
}

#[test]
fn cells_as_kubectl_prints_them() {
    assert_eq!(
        render(
            "NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName",
            false
        )
        .unwrap(),
        "NAME    IMAGE                NODE\n\
         multi   nginx:1.25,busybox   kind-worker\n\
         web-0   nginx:1.25           <none>\n"
    );
    assert_eq!(
        render(
            "name:metadata.name,labels:{.metadata.labels},R:{status.containerStatuses[*].ready}",
            true
        )
        .unwrap(),
        "multi   map[app:multi tier:web]   true,true\n\
         web-0   map[app:nginx]            false\n"
    );
    assert_eq!(
        render("V:.spec.volumes[0],A:", false).unwrap(),
        "V                                                              A\n\
         <none>                                                         <none>\n\
         map[name:www persistentVolumeClaim:map[claimName:www-web-0]]   <none>\n"
    );
}

#[test]
fn spec_errors() {
    assert_eq!(
        CustomColumns::from_spec("", false).unwrap_err(),
        "custom-columns format specified but no custom columns given"
    );
    assert_eq!(
        CustomColumns::from_spec("NAME:.metadata.name,X", false).unwrap_err(),
        "unexpected custom-columns spec: X, expected <header>:<json-path-expr>"
    );
    assert_eq!(
        CustomColumns::from_spec("NAME:{.a", false).unwrap_err(),
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
    );
    // Path errors surface when printing, after the header.
    assert_eq!(
        render("NAME:.a[", false).unwrap_err(),
        "NAME\n|unterminated array"
    );
    assert_eq!(
        render("NAME:.metadata.name,X:.metadata.name[0]", false).unwrap_err(),
        "NAME   X\n|string is not array or slice"
    );
    assert_eq!(
        render(
            "C:.status.containerStatuses[?(@.ready==Ready)].ready",
            false
        )
        .unwrap_err(),
        "C\n|unrecognized identifier Ready"
    );
}

#[test]
fn column_files() {
    let cc =
        CustomColumns::from_template("NAME   NODE\n.metadata.name  {.spec.nodeName}\n").unwrap();
    assert_eq!(cc.columns[1].field_spec, "{.spec.nodeName}");
    assert!(!cc.no_headers);
    let missing = "Expected format is one line of space separated headers, one line of space separated column specs.";
    assert_eq!(
        CustomColumns::from_template("").unwrap_err(),
        format!("invalid template, missing header line. {missing}")
    );
    assert_eq!(
        CustomColumns::from_template("NAME\n").unwrap_err(),
        format!("invalid template, missing spec line. {missing}")
    );
    assert_eq!(
        CustomColumns::from_template("A B\r\n.a\r\n").unwrap_err(),
        "number of headers (2) and field specifications (1) don't match"
    );
}
