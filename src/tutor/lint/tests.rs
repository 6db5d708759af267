//! Unit tests of the lint rules, and lint over every seed manifest: as written, each
//! broken one is flagged for what breaks it; fixed, only honest warnings remain.

use super::*;

fn read(path: &str) -> Source {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    Source {
        name: path.to_string(),
        text: std::fs::read_to_string(full).expect("fixture"),
    }
}

fn lint_paths(paths: &[&str]) -> Vec<Finding> {
    let sources: Vec<Source> = paths.iter().map(|p| read(p)).collect();
    lint(&sources, None)
}

fn lint_text(text: &str) -> Vec<String> {
    lint(
        &[Source {
            name: "m.yaml".into(),
            text: text.into(),
        }],
        None,
    )
    .iter()
    .map(|f| f.to_string())
    .collect()
}

fn errors(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect()
}

fn has(findings: &[Finding], file_line: &str, needle: &str) -> bool {
    findings
        .iter()
        .map(|f| f.to_string())
        .any(|s| s.starts_with(file_line) && s.contains(needle))
}

#[test]
fn seed_000_as_written_is_a_yaml_error_as_kubectl_reports_it() {
    let f = lint_paths(&[
        "fixtures/seed-000/as-written/service.yaml",
        "fixtures/seed-000/as-written/statefulset.yaml",
    ]);
    assert_eq!(errors(&f), vec![
        "fixtures/seed-000/as-written/service.yaml:10: error: error parsing fixtures/seed-000/as-written/service.yaml: error converting YAML to JSON: yaml: line 10: did not find expected '-' indicator",
        "fixtures/seed-000/as-written/statefulset.yaml:17: error: error parsing fixtures/seed-000/as-written/statefulset.yaml: error converting YAML to JSON: yaml: line 17: did not find expected '-' indicator",
    ]);
}

#[test]
fn seed_001_as_written_is_flagged() {
    let f = lint_paths(&["fixtures/seed-001/as-written/kubia-stateful.yaml"]);
    assert!(has(
        &f,
        "fixtures/seed-001/as-written/kubia-stateful.yaml:16: error",
        "did not find expected '-' indicator"
    ));
    let f = lint_paths(&["fixtures/seed-001/as-written/kubia-stateful-indent-fixed.yaml"]);
    let p = "fixtures/seed-001/as-written/kubia-stateful-indent-fixed.yaml";
    assert!(has(
        &f,
        &format!("{p}:8: error"),
        "spec.selector is required"
    ));
    assert!(has(
        &f,
        &format!("{p}:22: error"),
        "unknown field \"spec.template.spec.volumeMounts\""
    ));
    assert!(has(
        &f,
        &format!("{p}:27: warning"),
        "mounted by no container"
    ));
}

#[test]
fn seed_002_as_written_is_flagged() {
    let p = "fixtures/seed-002/as-written/statefulset.yaml";
    let f = lint_paths(&[p]);
    assert!(has(
        &f,
        &format!("{p}:22: error"),
        "unknown field \"volumeClaimTemplates\""
    ));
    assert!(has(
        &f,
        &format!("{p}:20: error"),
        "volumeMount \"data\" names no volume"
    ));
    assert!(has(&f, &format!("{p}:18: warning"), "POSTGRES_PASSWORD"));
    let p = "fixtures/seed-002/as-written/statefulset-claims-moved.yaml";
    let f = lint_paths(&[p]);
    assert_eq!(errors(&f), vec![format!("{p}:29: error: strict decoding error: unknown field \"spec.volumeClaimTemplates[0].spec.accesModes\" (did you mean \"accessModes\"?)")]);
    assert!(has(
        &f,
        &format!("{p}:21: warning"),
        "env POSTGRES_PASSWORD holds a secret"
    ));
}

#[test]
fn seed_004_as_written_names_a_service_that_does_not_exist() {
    let f = lint_paths(&[
        "fixtures/seed-004/as-written/headless-service.yaml",
        "fixtures/seed-004/as-written/web-stateful-set.yaml",
    ]);
    assert!(has(
        &f,
        "fixtures/seed-004/as-written/web-stateful-set.yaml:6: warning",
        "serviceName \"nginx-headerless-service\" names no Service"
    ));
}

#[test]
fn fixed_seeds_have_no_errors_and_only_honest_warnings() {
    let sets: &[&[&str]] = &[
        &[
            "fixtures/seed-000/fixed/service.yaml",
            "fixtures/seed-000/fixed/statefulset.yaml",
        ],
        &[
            "fixtures/seed-001/fixed/kubia-service.yaml",
            "fixtures/seed-001/fixed/kubia-stateful.yaml",
        ],
        &[
            "fixtures/seed-002/fixed/service.yaml",
            "fixtures/seed-002/fixed/statefulset.yaml",
        ],
        &[
            "fixtures/seed-003/headlessService.yaml",
            "fixtures/seed-003/statefulset_withpvc.yaml",
        ],
        &[
            "fixtures/seed-004/fixed/headless-service.yaml",
            "fixtures/seed-004/fixed/web-stateful-set.yaml",
        ],
    ];
    for set in sets {
        let f = lint_paths(set);
        assert!(errors(&f).is_empty(), "{set:?}: {f:?}");
        for finding in &f {
            let honest = finding.message.contains("has no readinessProbe")
                || finding.message.contains("holds a secret in plain text");
            assert!(honest, "{set:?}: {finding}");
        }
    }
}

const GOOD: &str = "apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: redis
        image: redis:7
        readinessProbe:
          exec:
            command: [redis-cli, ping]
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
";

#[test]
fn a_careful_manifest_is_clean() {
    assert_eq!(lint_text(GOOD), Vec::<String>::new());
}

#[test]
fn read_write_many_on_local_path_is_an_error_with_the_line_in_the_file() {
    let text = GOOD.replace(
        "accessModes: [ReadWriteOnce]",
        "accessModes: [ReadWriteMany]",
    );
    assert_eq!(lint_text(&text), vec![
        "m.yaml:37: error: accessModes ReadWriteMany: storage class \"standard\" (rancher.io/local-path) provisions only ReadWriteOnce volumes; the claims would stay Pending",
    ]);
}

#[test]
fn selector_mismatch_and_missing_pieces() {
    let text = GOOD
        .replace(
            "    matchLabels:\n      app: db",
            "    matchLabels:\n      app: cache",
        )
        .replace("clusterIP: None", "clusterIP: 10.96.5.5")
        .replace(
            "        readinessProbe:\n          exec:\n            command: [redis-cli, ping]\n",
            "",
        );
    let out = lint_text(&text);
    assert!(
        out.iter()
            .any(|l| l.starts_with("m.yaml:18: error: selector app: cache does not match")),
        "{out:?}"
    );
    assert!(
        out.iter()
            .any(|l| l.starts_with("m.yaml:15: warning: Service \"db\" is not headless")),
        "{out:?}"
    );
    assert!(out.iter().any(|l| l.starts_with("m.yaml:25: warning: container \"redis\" has no readinessProbe")), "{out:?}");
    let no_claims = GOOD
        .split("  volumeClaimTemplates:")
        .next()
        .unwrap_or("")
        .replace(
            "        volumeMounts:\n        - name: data\n          mountPath: /data\n",
            "",
        );
    let out = lint_text(&no_claims);
    assert_eq!(out, vec!["m.yaml:26: warning: image \"redis:7\" keeps data, but there are no volumeClaimTemplates: each pod's data is lost when it is replaced"]);
}

#[test]
fn the_exit_status_says_whether_anything_was_found() {
    let mut sink = crate::kubectl::output::Capture::default();
    let clean = run(
        &["m.yaml".into()],
        |_| Ok(GOOD.to_string()),
        None,
        &mut sink,
    );
    assert_eq!((clean, sink.text.as_str()), (0, ""));
    let mut sink = crate::kubectl::output::Capture::default();
    let bad = run(
        &["m.yaml".into()],
        |_| Ok("a: [".to_string()),
        None,
        &mut sink,
    );
    assert_eq!(bad, 1);
    assert!(
        sink.stdout.starts_with(
            "m.yaml:1: error: error parsing m.yaml: error converting YAML to JSON: yaml: line 1:"
        ),
        "{}",
        sink.stdout
    );
    let mut sink = crate::kubectl::output::Capture::default();
    let missing = run(
        &["x.yaml".into()],
        |_| Err("No such file or directory".into()),
        None,
        &mut sink,
    );
    assert_eq!(
        (missing, sink.stderr.as_str()),
        (1, "lint: x.yaml: No such file or directory\n")
    );
}
