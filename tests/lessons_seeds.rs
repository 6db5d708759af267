//! Fidelity of the lessons to their seed documents: every command a seed shows is one of
//! its lesson's commands (so `--auto`, which CI runs in every language, proves it works
//! there), and every mistake a seed's manifests contain is applied as written in its
//! lesson, prints kubectl's own error (the client-side YAML errors checked against real
//! kubectl v1.32.4) and then the tutor's explanation in the lesson's language.

use kubetutor::kubectl::output::Capture;
use kubetutor::lessons::catalog;
use kubetutor::script::runner::{RunOptions, Runner};

/// The commands each seed shows, verbatim.
const SEED_COMMANDS: &[(&str, &[&str])] = &[
    (
        "001-kubia",
        &[
            "kubectl apply -f kubia-service.yaml",
            "kubectl apply -f kubia-stateful.yaml",
            "kubectl get pods",
            "kubectl get pvc",
        ],
    ),
    ("002-internals", &["kubectl apply -f statefulset.yaml"]),
    (
        "003-dns-storage",
        &[
            "kubectl run -i --tty --image busybox:1.28.4 dns-test --restart=Never --rm /bin/sh",
            "nslookup web-o.nginx",
            "nslookup web-1.nginx",
            "kubectl delete pod -l app=nginx",
            "kubectl get pod -w -l app=nginx",
            "kubectl create -f statefulset_withpvc.yaml",
            "kubectl get pvc -l app=nginx",
            "kubectl get pvc",
            "kubectl get pv",
            "for i in 0 1; do kubectl exec web-$i -- sh -c 'echo hello $(hostname) > /usr/share/nginx/html/index.html'; done",
            "kubectl get pods",
            "kubectl exec -it web-0 -- sh",
            "kubectl exec -it web-1 -- sh",
        ],
    ),
];

#[test]
fn every_command_a_seed_shows_is_played_in_its_lesson() {
    let (lessons, bad) = catalog::shipped();
    assert!(bad.is_empty());
    for (id, commands) in SEED_COMMANDS {
        let lesson = catalog::find(&lessons, id).unwrap();
        let played: Vec<&str> = lesson
            .spec
            .steps
            .iter()
            .flat_map(|s| s.commands.iter().chain(&s.solution))
            .flat_map(|c| c.lines())
            .collect();
        for c in *commands {
            assert!(played.contains(c), "{id} never plays `{c}`");
        }
    }
}

fn typed(r: &mut Runner, line: &str) -> String {
    let mut out = Capture::default();
    r.typed(line, &mut out);
    r.session.cluster.advance(1000);
    out.text
}

/// A seed's mistake in its lesson: the lesson (and language), how many steps to skip,
/// the command as the learner types it, kubectl's exact output, and the start of the
/// tutor's explanation in that language.
struct Mistake {
    start: &'static str,
    skip: usize,
    command: &'static str,
    kubectl: &'static str,
    tutor: &'static str,
}

const MISTAKES: &[Mistake] = &[
    // seed 000: `name:` of the Service port, and the container's keys, under `- `.
    Mistake {
        start: "lesson 000 --lang vi",
        skip: 2,
        command: "kubectl apply -f service.yaml",
        kubectl: "error: error parsing service.yaml: error converting YAML to JSON: yaml: line 10: did not find expected '-' indicator\n",
        tutor: "tutor: YAML thụt lề sai gần dòng 10",
    },
    Mistake {
        start: "lesson 000 --lang vi",
        skip: 3,
        command: "kubectl apply -f statefulset.yaml",
        kubectl: "error: error parsing statefulset.yaml: error converting YAML to JSON: yaml: line 17: did not find expected '-' indicator\n",
        tutor: "tutor: YAML thụt lề sai gần dòng 17",
    },
    // seed 001: the same indentation, volumeMounts in the pod spec, no selector.
    Mistake {
        start: "lesson 001 --lang vi",
        skip: 2,
        command: "kubectl apply -f kubia-service.yaml",
        kubectl: "error: error parsing kubia-service.yaml: error converting YAML to JSON: yaml: line 12: did not find expected '-' indicator\n",
        tutor: "tutor: YAML thụt lề sai gần dòng 12",
    },
    Mistake {
        start: "lesson 001 --lang vi",
        skip: 3,
        command: "kubectl apply -f kubia-stateful.yaml",
        kubectl: "error: error parsing kubia-stateful.yaml: error converting YAML to JSON: yaml: line 16: did not find expected '-' indicator\n",
        tutor: "tutor: YAML thụt lề sai gần dòng 16",
    },
    Mistake {
        start: "lesson 001 --lang vi",
        skip: 4,
        command: "kubectl apply -f step2/kubia-stateful.yaml",
        kubectl: "Error from server (BadRequest): error when creating \"step2/kubia-stateful.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.template.spec.volumeMounts\"\n",
        tutor: "tutor: `spec.template.spec.volumeMounts` là trường có thật nhưng đặt sai chỗ: nó thuộc về `spec.template.spec.containers[]`.",
    },
    Mistake {
        start: "lesson 001 --lang vi",
        skip: 5,
        command: "kubectl apply -f step3/kubia-stateful.yaml",
        kubectl: "The StatefulSet \"kubia\" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"kubia\"}: `selector` does not match template `labels`\n",
        tutor: "tutor: StatefulSet phải chỉ rõ pod nào thuộc về nó",
    },
    // seed 002: the claim templates outside spec, then `accesModes`.
    Mistake {
        start: "lesson 002 --lang es",
        skip: 0,
        command: "kubectl apply -f statefulset.yaml",
        kubectl: "Error from server (BadRequest): error when creating \"statefulset.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"volumeClaimTemplates\"\n",
        tutor: "tutor: `volumeClaimTemplates` es un campo real pero está en el lugar equivocado: va dentro de `spec`.",
    },
    Mistake {
        start: "lesson 002 --lang es",
        skip: 1,
        command: "kubectl apply -f step2/statefulset.yaml",
        kubectl: "Error from server (BadRequest): error when creating \"step2/statefulset.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.volumeClaimTemplates[0].spec.accesModes\"\n",
        tutor: "tutor: la API no tiene el campo `spec.volumeClaimTemplates[0].spec.accesModes`",
    },
    // seed 004: serviceName names a Service that does not exist (it applies; the tutor
    // warns at once).
    Mistake {
        start: "lesson 004 --lang en",
        skip: 1,
        command: "kubectl apply -f as-written/web-stateful-set.yaml",
        kubectl: "statefulset.apps/web-stateful-set created\n",
        tutor: "tutor: StatefulSet `web-stateful-set` names serviceName `nginx-headerless-service`, but no Service `nginx-headerless-service` exists",
    },
];

#[test]
fn every_seed_mistake_shows_the_real_error_then_the_tutor_in_the_lessons_language() {
    for m in MISTAKES {
        let mut r = Runner::new(RunOptions::default());
        typed(&mut r, m.start);
        for _ in 0..m.skip {
            typed(&mut r, "next");
        }
        let out = typed(&mut r, m.command);
        let what = format!("{} / {}", m.start, m.command);
        assert!(out.starts_with(m.kubectl), "{what}: kubectl said\n{out}");
        let tutor = &out[m.kubectl.len()..];
        assert!(tutor.starts_with(m.tutor), "{what}: then\n{tutor}");
        // Not one English word of the fix in a Vietnamese or Spanish explanation.
        let line = tutor.lines().next().unwrap_or("");
        if !m.start.ends_with("en") {
            for english in [" belongs ", " the ", " an item of ", " Fix "] {
                assert!(!line.contains(english), "{what}: English in\n{line}");
            }
        }
        // The step is the one about this mistake, and seeing the error passes it (the
        // nginx one passes once the pods run).
        let step = m.skip + 1;
        let passed = out
            .lines()
            .any(|l| l.starts_with('[') && l.contains(&format!(" {step}: ")));
        assert!(
            passed || m.start.starts_with("lesson 004"),
            "{what}: step {step} did not pass\n{out}"
        );
    }
}
