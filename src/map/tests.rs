//! The map over real simulated clusters: a command file builds the cluster through the
//! runner, then the map is read from its store.

use super::*;
use crate::script::runner::{RunOptions, Runner};

/// A headless Service `nginx` over StatefulSet `web` with a claim template `www`.
const WEB: &str = r#"kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  ports:
  - port: 80
    name: web
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: REPLICAS
  podManagementPolicy: POLICY
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
EOF
"#;

fn cluster(script: &str) -> Runner {
    let mut runner = Runner::new(RunOptions {
        quiet: true,
        ..Default::default()
    });
    let out = runner.run_text(script);
    assert!(!runner.failed, "setup failed:\n{}", out.text);
    runner
}

fn web(replicas: usize, policy: &str) -> String {
    WEB.replace("REPLICAS", &replicas.to_string())
        .replace("POLICY", policy)
}

fn wait_ready(n: usize) -> String {
    format!("kubectl wait --for=jsonpath='{{.status.readyReplicas}}'={n} sts/web --timeout=10m\n")
}

fn map_text(runner: &Runner, color: bool) -> String {
    render_args(&runner.session, &MapArgs::default(), color).expect("default namespace")
}

fn assert_fits(text: &str, columns: usize) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= columns,
            "line wider than {columns} columns: {line:?}"
        );
    }
}

#[test]
fn a_headless_service_over_three_pods_each_over_its_claim_and_volume() {
    let runner = cluster(&format!("{}{}", web(3, "OrderedReady"), wait_ready(3)));
    let text = map_text(&runner, false);
    assert_fits(&text, 80);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "namespace default");
    assert_eq!(lines[2], "svc/nginx  headless, port 80, selects app=nginx");
    assert_eq!(lines[3], "└── sts/web  3/3 ready");
    for (i, at) in [4, 7, 10].into_iter().enumerate() {
        let branch = if i == 2 { '└' } else { '├' };
        assert!(
            lines[at].starts_with(&format!(
                "    {branch}── web-{i}  1/1  Running  kind-worker"
            )),
            "{}",
            lines[at]
        );
        assert!(
            lines[at + 1].ends_with(&format!("└── pvc/www-web-{i}  Bound  1Gi")),
            "{}",
            lines[at + 1]
        );
        assert!(lines[at + 2].contains("└── pv/pvc-"), "{}", lines[at + 2]);
    }
    assert!(text.contains("\nsvc/kubernetes  ClusterIP 10.96.0.1, port 443, no selector\n"));
    assert!(!text.contains('\x1b'));
}

#[test]
fn colour_marks_statuses_only_when_asked() {
    let runner = cluster(&web(1, "OrderedReady"));
    let plain = map_text(&runner, false);
    let colored = map_text(&runner, true);
    assert!(plain.contains("web-0  0/1  Pending"), "{plain}");
    assert!(colored.contains("\x1b[33mPending\x1b[0m"), "{colored}");
    // Exports never carry escapes.
    let dot = render_args(
        &runner.session,
        &MapArgs {
            format: Format::Dot,
            ..Default::default()
        },
        true,
    )
    .expect("dot");
    assert!(!dot.contains('\x1b'));
}

#[test]
fn a_hundred_replicas_collapse_into_a_range_and_fit_80_columns() {
    let runner = cluster(&format!("{}{}", web(100, "Parallel"), wait_ready(100)));
    let text = map_text(&runner, false);
    assert_fits(&text, 80);
    assert!(text.lines().count() < 30, "{text}");
    assert!(
        text.contains("├── web-3 … web-98  96 more, all Running\n"),
        "{text}"
    );
    assert!(text.contains("│   └── pvc/www-web-3 … www-web-98  96 claims, all Bound\n"));
    assert!(text.contains("└── web-99  1/1  Running"));
}

#[test]
fn scaled_down_claims_and_unselected_pods_have_their_own_sections() {
    let runner = cluster(&format!(
        "{}{}kubectl scale sts web --replicas=1\nkubectl wait --for=delete pod/web-1\n\
         kubectl run lonely --image=nginx\nkubectl create deployment api --image=nginx --replicas=2\n",
        web(2, "OrderedReady"),
        wait_ready(2)
    ));
    let text = map_text(&runner, false);
    assert!(text.contains("└── sts/web  1/1 ready\n"), "{text}");
    assert!(
        text.contains("\nnot selected by any Service\n├── deploy/api  "),
        "{text}"
    );
    assert!(text.contains("└── lonely  "), "{text}");
    assert!(
        text.contains("\nclaims no pod mounts\n└── pvc/www-web-1  Bound  1Gi\n    └── pv/pvc-"),
        "{text}"
    );
    assert_fits(&text, 80);
}

#[test]
fn an_unbound_claim_is_pending() {
    let runner = cluster(
        "kubectl create -f - <<EOF\n\
         apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 2Gi\n\
         EOF\n",
    );
    let text = map_text(&runner, false);
    assert!(
        text.contains("claims no pod mounts\n└── pvc/data  Pending  2Gi\n"),
        "{text}"
    );
}

#[test]
fn an_empty_namespace_says_so_and_a_missing_one_is_not_found() {
    let runner = cluster("");
    assert_eq!(
        map_text(&runner, false),
        "namespace default\nno pods, claims or Services with a selector yet\n\n\
         svc/kubernetes  ClusterIP 10.96.0.1, port 443, no selector\n"
    );
    let err = render_args(
        &runner.session,
        &MapArgs {
            namespace: Some("nope".into()),
            ..Default::default()
        },
        false,
    );
    assert_eq!(
        err,
        Err("Error from server (NotFound): namespaces \"nope\" not found\n".into())
    );
}

#[test]
fn all_namespaces_shows_the_system_pods_under_their_owners() {
    let runner = cluster("");
    let text = render_args(
        &runner.session,
        &MapArgs {
            all_namespaces: true,
            ..Default::default()
        },
        false,
    )
    .expect("all namespaces");
    assert!(text.contains("namespace kube-system\n"), "{text}");
    assert!(
        text.contains("svc/kube-dns  ClusterIP 10.96.0.10"),
        "{text}"
    );
    assert!(text.contains("deploy/coredns  2/2 ready"), "{text}");
    assert_fits(&text, 80);
}

#[test]
fn the_sandbox_command_parses_its_flags() {
    let runner = cluster("");
    let mut out = crate::kubectl::output::Capture::default();
    let code = command(
        &runner.session,
        &["--format".into(), "pie".into()],
        &mut out,
    );
    assert_eq!(code, 2);
    assert!(
        out.stderr
            .contains("invalid value 'pie' for '--format <FORMAT>'"),
        "{}",
        out.stderr
    );
    let mut out = crate::kubectl::output::Capture::default();
    assert_eq!(command(&runner.session, &["--help".into()], &mut out), 0);
    assert!(out.stdout.starts_with("Draw the cluster"), "{}", out.stdout);
    let mut out = crate::kubectl::output::Capture::default();
    assert_eq!(
        command(&runner.session, &["--format=mermaid".into()], &mut out),
        0
    );
    assert!(out.stdout.starts_with("flowchart TD\n"), "{}", out.stdout);
}
