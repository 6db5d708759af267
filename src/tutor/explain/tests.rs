//! Unit tests of the explanation rules: each rule fires on the message kubectl prints (as
//! the transcripts show it) and stays quiet otherwise, and each hint reads in all three
//! languages with the learner's names kept as typed.

use super::*;
use crate::script::runner::{RunOptions, Runner};

/// A runner with the seed-003 StatefulSet `web` (2 replicas) and its Service `nginx`.
fn with_web() -> Runner {
    let mut r = Runner::new(RunOptions {
        base_dir: std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        tutor: false,
        ..Default::default()
    });
    r.run_text(
        "kubectl apply -f fixtures/seed-003/headlessService.yaml\nkubectl apply -f fixtures/seed-003/statefulset_withpvc.yaml\nsleep 30\n",
    );
    r
}

fn empty() -> Runner {
    Runner::new(RunOptions {
        tutor: false,
        ..Default::default()
    })
}

fn hint(r: &Runner, command: &str, output: &str) -> Option<Hint> {
    hint_for(command, output, true, &r.session)
}

#[test]
fn yaml_syntax_errors() {
    let r = empty();
    let out = "error: error parsing s.yaml: error converting YAML to JSON: yaml: line 17: did not find expected '-' indicator\n";
    assert_eq!(
        hint(&r, "kubectl apply -f s.yaml", out),
        Some(Hint::YamlIndent { line: 17 })
    );
    let tab = "error: error parsing s.yaml: error converting YAML to JSON: yaml: line 3: found character that cannot start any token\n";
    assert_eq!(
        hint(&r, "kubectl apply -f s.yaml", tab),
        Some(Hint::YamlTab { line: 3 })
    );
    let other = "error: error parsing s.yaml: error converting YAML to JSON: yaml: line 2: could not find expected ':'\n";
    assert_eq!(
        hint(&r, "kubectl apply -f s.yaml", other),
        Some(Hint::YamlOther { line: 2 })
    );
}

#[test]
fn unknown_fields_get_a_spelling_or_a_place() {
    let r = empty();
    let typo = "Error from server (BadRequest): error when creating \"s.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.volumeClaimTemplates[0].spec.accesModes\"\n";
    assert_eq!(
        hint(&r, "kubectl apply -f s.yaml", typo),
        Some(Hint::UnknownField {
            field: "spec.volumeClaimTemplates[0].spec.accesModes".into(),
            suggestion: Some("spec.volumeClaimTemplates[0].spec.accessModes".into()),
            belongs: None,
        })
    );
    let misplaced =
        "... strict decoding error: unknown field \"spec.template.spec.volumeMounts\"\n";
    match hint(&r, "kubectl apply -f s.yaml", misplaced) {
        Some(Hint::UnknownField {
            belongs: Some(b),
            suggestion: None,
            ..
        }) => {
            assert!(b.contains("containers"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn selectors() {
    let r = empty();
    let both = "The StatefulSet \"web\" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`\n";
    assert_eq!(
        hint(&r, "kubectl apply -f -", both),
        Some(Hint::SelectorRequired {
            labels: Some("app: nginx".into())
        })
    );
    let mismatch = "The StatefulSet \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\",\"tier\":\"db\"}: `selector` does not match template `labels`\n";
    assert_eq!(
        hint(&r, "kubectl apply -f -", mismatch),
        Some(Hint::SelectorMismatch {
            labels: Some("app: nginx, tier: db".into())
        })
    );
}

#[test]
fn exec_into_a_pod_that_is_not_running() {
    let r = empty();
    let no_host = "Error from server (BadRequest): pod web-0 does not have a host assigned\n";
    assert_eq!(
        hint(&r, "kubectl exec web-0 -- ls", no_host),
        Some(Hint::ExecNoHost {
            pod: "web-0".into()
        })
    );
    let starting = "error: unable to upgrade connection: container not found (\"nginx\")\n";
    assert_eq!(
        hint(&r, "kubectl exec -it -c nginx pod/web-1 -- sh", starting),
        Some(Hint::ExecNotRunning {
            pod: "web-1".into()
        })
    );
}

#[test]
fn names_that_do_not_exist() {
    let r = with_web();
    let typo = "Error from server (NotFound): pods \"web-o\" not found\n";
    match hint(&r, "kubectl get pod web-o", typo) {
        Some(Hint::NotFound {
            suggestion,
            existing,
            ..
        }) => {
            assert_eq!(suggestion.as_deref(), Some("web-0"));
            assert_eq!(existing, 2);
        }
        other => panic!("{other:?}"),
    }
    let past = "Error from server (NotFound): pods \"web-5\" not found\n";
    assert_eq!(
        hint(&r, "kubectl exec web-5 -- ls", past),
        Some(Hint::OrdinalBeyondReplicas {
            pod: "web-5".into(),
            sts: "web".into(),
            replicas: 2
        })
    );
    let other_ns = "Error from server (NotFound): pods \"web-o\" not found\n";
    match hint(&r, "kubectl get pod web-o -n kube-system", other_ns) {
        Some(Hint::NotFound {
            suggestion: None, ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_types_commands_and_flags() {
    let r = empty();
    let t = "error: the server doesn't have a resource type \"statefulsets1\"\n";
    assert_eq!(
        hint(&r, "kubectl get statefulsets1", t),
        Some(Hint::UnknownType {
            typed: "statefulsets1".into(),
            suggestion: Some("statefulsets".into())
        })
    );
    let c =
        "Error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n\n";
    assert_eq!(
        hint(&r, "kubectl gett pods", c),
        Some(Hint::UnknownCommand {
            typed: "gett".into(),
            suggestion: Some("get".into())
        })
    );
    let f = "Error: unknown flag: --replica\nSee 'kubectl scale --help' for usage.\n";
    assert_eq!(
        hint(&r, "kubectl scale sts web --replica=3", f),
        Some(Hint::UnknownFlag {
            flag: "--replica".into(),
            verb: "scale".into(),
            suggestion: Some("--replicas".into())
        })
    );
    let nf = "kubetutor: kubeclt: command not found (the sandbox runs ...)\n";
    assert_eq!(
        hint(&r, "kubeclt get pods", nf),
        Some(Hint::CommandNotFound {
            typed: "kubeclt".into(),
            suggestion: "kubectl".into()
        })
    );
}

#[test]
fn dns_names_that_do_not_resolve() {
    let r = with_web();
    let typo = "nslookup: can't resolve 'web-o.nginx'\n";
    assert_eq!(
        hint(&r, "nslookup web-o.nginx", typo),
        Some(Hint::DnsNoPod {
            name: "web-o.nginx".into(),
            suggestion: Some("web-0.nginx".into())
        })
    );
    let no_svc = "** server can't find web-0.nginx-headless: NXDOMAIN\n";
    assert_eq!(
        hint(&r, "nslookup web-0.nginx-headless", no_svc),
        Some(Hint::DnsNoService {
            name: "web-0.nginx-headless".into(),
            service: "nginx-headless".into()
        })
    );
}

#[test]
fn a_statefulset_whose_service_does_not_exist() {
    let mut r = empty();
    r.run_text("kubectl apply -f fixtures/seed-004/as-written/web-stateful-set.yaml\n");
    let out = "statefulset.apps/web-stateful-set created\n";
    let h = hint_for("kubectl apply -f x.yaml", out, false, &r.session);
    assert_eq!(
        h,
        Some(Hint::ServiceNameMissing {
            sts: "web-stateful-set".into(),
            service: "nginx-headerless-service".into()
        })
    );
    // The fixed set names the Service that exists: nothing to say.
    let r = with_web();
    assert_eq!(
        hint_for(
            "kubectl apply -f x.yaml",
            "statefulset.apps/web created\n",
            false,
            &r.session
        ),
        None
    );
}

#[test]
fn claims_that_will_stay_pending() {
    let mut r = empty();
    r.run_text("kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: lonely\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\nEOF\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: fast\nspec:\n  storageClassName: fast\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\nEOF\n");
    let get = "NAME     STATUS    VOLUME   CAPACITY\nfast     Pending            \nlonely   Pending            \n";
    assert_eq!(
        hint_for("kubectl get pvc", get, false, &r.session),
        Some(Hint::ClaimNoClass {
            claim: "fast".into(),
            class: "fast".into()
        })
    );
    let one = "NAME     STATUS    VOLUME   CAPACITY\nlonely   Pending            \n";
    assert_eq!(
        hint_for("kubectl get pvc lonely", one, false, &r.session),
        Some(Hint::ClaimWaitsForPod {
            claim: "lonely".into()
        })
    );
    // Not about claims: nothing.
    assert_eq!(hint_for("kubectl get pods", one, false, &r.session), None);
}

#[test]
fn successful_commands_are_left_alone() {
    let r = with_web();
    assert_eq!(
        hint_for(
            "kubectl get pods",
            "NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          30s\n",
            false,
            &r.session
        ),
        None
    );
    assert_eq!(
        hint_for(
            "kubectl get pvc",
            "www-web-0   Bound   pvc-1\n",
            false,
            &r.session
        ),
        None
    );
}

/// Every hint, for the language checks.
fn all_hints() -> Vec<Hint> {
    let s = |x: &str| x.to_string();
    vec![
        Hint::YamlIndent { line: 17 },
        Hint::YamlTab { line: 3 },
        Hint::YamlOther { line: 2 },
        Hint::UnknownField {
            field: s("spec.accesModes"),
            suggestion: Some(s("spec.accessModes")),
            belongs: None,
        },
        Hint::UnknownField {
            field: s("volumeClaimTemplates"),
            suggestion: None,
            belongs: Some("`spec`"),
        },
        Hint::UnknownField {
            field: s("spec.foo"),
            suggestion: None,
            belongs: None,
        },
        Hint::SelectorRequired {
            labels: Some(s("app: web")),
        },
        Hint::SelectorMismatch { labels: None },
        Hint::ServiceNameMissing {
            sts: s("web"),
            service: s("nginx"),
        },
        Hint::ServiceNotHeadless {
            sts: s("web"),
            service: s("nginx"),
        },
        Hint::MountsNoVolume {
            sts: s("web"),
            volume: s("data"),
        },
        Hint::FailedCreate { sts: s("web") },
        Hint::ImmutableSpec { sts: s("web") },
        Hint::ExecNoHost { pod: s("web-0") },
        Hint::ExecNotRunning { pod: s("web-0") },
        Hint::ExecCompleted { pod: s("web-0") },
        Hint::ClaimNoClass {
            claim: s("data-web-0"),
            class: s("fast"),
        },
        Hint::ClaimWaitsForPod {
            claim: s("data-web-0"),
        },
        Hint::ClaimPodUnschedulable {
            claim: s("data-web-0"),
            pod: s("web-0"),
        },
        Hint::ClaimAccessMode {
            claim: s("data-web-0"),
            mode: s("ReadWriteMany"),
        },
        Hint::ImagePull {
            pod: s("web-0"),
            image: s("nginx:1.99"),
        },
        Hint::CrashLoop { pod: s("web-0") },
        Hint::NotFound {
            resource: s("pods"),
            singular: s("pod"),
            namespaced: true,
            name: s("web-o"),
            suggestion: Some(s("web-0")),
            existing: 2,
        },
        Hint::NotFound {
            resource: s("namespaces"),
            singular: s("namespace"),
            namespaced: false,
            name: s("web"),
            suggestion: None,
            existing: 0,
        },
        Hint::PodNotCreatedYet {
            pod: s("web-1"),
            sts: s("web"),
        },
        Hint::OrdinalBeyondReplicas {
            pod: s("web-5"),
            sts: s("web"),
            replicas: 2,
        },
        Hint::UnknownType {
            typed: s("podz"),
            suggestion: Some(s("pods")),
        },
        Hint::UnknownCommand {
            typed: s("gett"),
            suggestion: None,
        },
        Hint::UnknownFlag {
            flag: s("--foo"),
            verb: s("get"),
            suggestion: None,
        },
        Hint::DnsNoService {
            name: s("web-0.nginx"),
            service: s("nginx"),
        },
        Hint::DnsNoPod {
            name: s("web-o.nginx"),
            suggestion: Some(s("web-0.nginx")),
        },
        Hint::CommandNotFound {
            typed: s("kubeclt"),
            suggestion: s("kubectl"),
        },
    ]
}

#[test]
fn every_hint_speaks_every_language_with_the_names_kept() {
    for h in all_hints() {
        let texts: Vec<String> = Lang::ALL.iter().map(|l| h.say(*l)).collect();
        for t in &texts {
            assert!(!t.is_empty() && !t.contains('\n'), "{h:?}: {t}");
            // Every backquoted name of the English text is in the others too.
            for (i, name) in texts[0].split('`').enumerate() {
                if i % 2 == 1 {
                    assert!(t.contains(name), "{h:?}: `{name}` missing from {t}");
                }
            }
        }
        assert_ne!(texts[0], texts[1], "{h:?}");
        assert_ne!(texts[0], texts[2], "{h:?}");
    }
}

#[test]
fn explain_words_the_hint_in_the_language_asked() {
    let r = empty();
    let out = "error: the server doesn't have a resource type \"podz\"\n";
    let vi = explain("kubectl get podz", out, true, &r.session, Lang::Vi).unwrap();
    assert!(vi.starts_with("`podz` không phải"), "{vi}");
    let es = explain("kubectl get podz", out, true, &r.session, Lang::Es).unwrap();
    assert!(es.contains("¿Quisiste decir `pods`?"), "{es}");
    // The same output after a command that succeeded is not explained as a failure.
    assert_eq!(
        explain("kubectl get podz", out, false, &r.session, Lang::En),
        None
    );
}
