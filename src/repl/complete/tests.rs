//! Completion over a fixed [`Snapshot`]: a 3-replica StatefulSet `web` with its Service,
//! claims and a second namespace.

use super::*;
use crate::api::Kind;

fn snapshot() -> Snapshot {
    let mut s = Snapshot {
        namespace: "default".into(),
        commands: vec!["help".into(), "speed".into(), "sleep".into()],
        lessons: vec!["01-first-statefulset".into(), "02-scaling".into()],
        ..Default::default()
    };
    let mut add = |k: Kind, ns: &str, n: &str| s.objects.push((k, ns.into(), n.into()));
    for i in 0..3 {
        add(Kind::Pod, "default", &format!("web-{i}"));
        add(
            Kind::PersistentVolumeClaim,
            "default",
            &format!("www-web-{i}"),
        );
    }
    add(Kind::Pod, "default", "client");
    add(Kind::Pod, "kube-system", "coredns-1");
    add(Kind::StatefulSet, "default", "web");
    add(Kind::Service, "default", "nginx");
    for ns in ["default", "kube-system", "team-a"] {
        add(Kind::Namespace, "", ns);
    }
    add(Kind::Node, "", "kind-worker");
    add(Kind::Node, "", "kind-worker2");
    s.containers.insert(
        ("default".into(), "web-0".into()),
        vec!["nginx".into(), "sidecar".into()],
    );
    let f = |n: &str, d: bool| FileEntry {
        name: n.into(),
        is_dir: d,
    };
    s.dirs.insert(
        String::new(),
        vec![
            f("web.yaml", false),
            f("manifests", true),
            f(".hidden", false),
        ],
    );
    s.dirs
        .insert("manifests/".into(), vec![f("svc.yaml", false)]);
    s
}

/// The replacements offered at the end of `line`.
fn at_end(line: &str) -> Vec<String> {
    complete(line, line.len(), &snapshot())
        .candidates
        .into_iter()
        .map(|c| c.replacement)
        .collect()
}

#[test]
fn pod_names_in_the_current_namespace() {
    assert_eq!(
        at_end("kubectl delete pod web-"),
        ["web-0 ", "web-1 ", "web-2 "]
    );
    let c = complete("kubectl delete pod web-", 23, &snapshot());
    assert_eq!(c.start, 19, "the word being typed is replaced");
    assert_eq!(at_end("k get po c"), ["client "]);
    assert_eq!(at_end("kubectl get pods -n kube-system c"), ["coredns-1 "]);
    assert_eq!(
        at_end("kubectl get pods --namespace=kube-system c"),
        ["coredns-1 "]
    );
}

#[test]
fn names_already_given_are_not_offered_again() {
    assert_eq!(
        at_end("kubectl delete pod web-0 web-"),
        ["web-1 ", "web-2 "]
    );
    assert!(
        at_end("kubectl label pod web-0 w").is_empty(),
        "label takes one name"
    );
}

#[test]
fn verbs_sub_verbs_and_commands() {
    assert_eq!(at_end("kubectl ge"), ["get "]);
    assert_eq!(at_end("kubectl rollout st"), ["status "]);
    assert!(at_end("kubectl create ").contains(&"configmap ".to_string()));
    assert_eq!(at_end("kubectl create service cl"), ["clusterip "]);
    assert_eq!(at_end("kube"), ["kubectl "]);
    assert_eq!(at_end("k"), ["k ", "kubectl "]);
    assert_eq!(at_end("sp"), ["speed "]);
    assert_eq!(at_end("help sc"), ["scale "]);
}

#[test]
fn resource_types_short_names_and_type_slash_name() {
    assert_eq!(at_end("kubectl get statef"), ["statefulsets "]);
    assert_eq!(
        at_end("kubectl get st"),
        ["statefulsets ", "storageclasses ", "sts "]
    );
    assert_eq!(at_end("kubectl get pods,sv"), ["pods,svc "]);
    assert_eq!(at_end("kubectl scale sts/"), ["sts/web "]);
    assert_eq!(at_end("kubectl describe pod/web-1"), ["pod/web-1 "]);
    assert_eq!(
        at_end("kubectl get pod/web-0 sv"),
        ["svc/"],
        "TYPE/NAME form goes on with types and a slash"
    );
    assert_eq!(at_end("kubectl scale d"), ["deploy ", "deployments "]);
    assert_eq!(at_end("kubectl get pvc www-web-2"), ["www-web-2 "]);
}

#[test]
fn flags_of_the_verb_from_the_command_table() {
    assert_eq!(
        at_end("kubectl get pods --wat"),
        ["--watch ", "--watch-only "]
    );
    assert_eq!(at_end("kubectl get --sort"), ["--sort-by="]);
    assert!(at_end("kubectl delete --").contains(&"--cascade=".to_string()));
    assert!(!at_end("kubectl get --").contains(&"--cascade=".to_string()));
    assert_eq!(at_end("kubectl get pods -n"), ["-n "]);
}

#[test]
fn flag_values() {
    assert_eq!(
        at_end("kubectl get pods -n "),
        ["default ", "kube-system ", "team-a "]
    );
    assert_eq!(at_end("kubectl get pods -nt"), Vec::<String>::new());
    assert_eq!(
        at_end("kubectl get pods --namespace=te"),
        ["--namespace=team-a "]
    );
    assert_eq!(at_end("kubectl get pods -o y"), ["yaml "]);
    assert!(at_end("kubectl get pods -o ").contains(&"custom-columns ".to_string()));
    assert_eq!(
        at_end("kubectl delete pod web-0 --cascade="),
        [
            "--cascade=background ",
            "--cascade=foreground ",
            "--cascade=orphan "
        ]
    );
    assert_eq!(at_end("kubectl run x --restart N"), ["Never "]);
    assert_eq!(at_end("kubectl exec web-0 -c "), ["nginx ", "sidecar "]);
    assert_eq!(at_end("kubectl logs web-0 s"), ["sidecar "]);
    assert_eq!(at_end("kubectl exec -it w"), ["web-0 ", "web-1 ", "web-2 "]);
    assert!(at_end("kubectl exec web-0 -- ").is_empty());
}

#[test]
fn files_for_dash_f_and_file_commands() {
    assert_eq!(at_end("kubectl apply -f "), ["manifests/", "web.yaml "]);
    assert_eq!(
        at_end("kubectl apply -f manifests/"),
        ["manifests/svc.yaml "]
    );
    assert_eq!(
        at_end("kubectl apply --filename=w"),
        ["--filename=web.yaml "]
    );
    assert_eq!(at_end("cat w"), ["web.yaml "]);
    assert_eq!(at_end("cat ."), [".hidden "]);
}

#[test]
fn nodes_lessons_and_other_commands() {
    assert_eq!(at_end("kubectl cordon kind-worker2"), ["kind-worker2 "]);
    assert_eq!(at_end("lessons 02"), ["02-scaling "]);
    assert_eq!(at_end("set -o v"), ["vi "]);
    assert!(at_end("echo ").is_empty());
}

#[test]
fn the_cursor_decides_the_word() {
    let line = "kubectl get pods web-0";
    let c = complete(line, 14, &snapshot());
    assert_eq!(c.start, 12);
    let offered: Vec<&str> = c
        .candidates
        .iter()
        .map(|c| c.replacement.as_str())
        .collect();
    assert_eq!(offered, ["po ", "pods "], "the word is cut at the cursor");
    assert!(
        complete("kubectl get pods", 999, &snapshot())
            .candidates
            .len()
            == 1
    );
    assert_eq!(complete("", 0, &snapshot()).candidates.len(), 5);
}

#[test]
fn help_texts_list_their_choices() {
    assert_eq!(
        kubectl::choices_in_help("The type of patch being provided; one of [json merge strategic]"),
        ["json", "merge", "strategic"]
    );
    assert_eq!(
        kubectl::choices_in_help("Name of profile to capture. One of (none|cpu|heap)"),
        ["none", "cpu", "heap"]
    );
    assert!(kubectl::choices_in_help("Selector (label query) to filter on").is_empty());
}
