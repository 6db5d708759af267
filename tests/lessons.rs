//! Lessons end to end: every shipped lesson plays to completion unattended in each of its
//! languages (in-process, as `kubetutor lesson ID --auto` does), a learner who types a
//! different command that reaches the goal passes the step, hints come in order, progress
//! is saved, and `lesson check` points authors at the right lines.

use kubetutor::kubectl::output::Capture;
use kubetutor::lessons::{auto, catalog, host::LessonHost, load};
use kubetutor::sandbox::lang::Lang;
use kubetutor::script::runner::{RunOptions, Runner};
use std::path::{Path, PathBuf};

fn lessons_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

#[test]
fn every_lesson_plays_to_completion_in_every_language() {
    let (lessons, bad) = catalog::load_all(&lessons_dir());
    assert!(bad.is_empty(), "lessons that do not load:\n{bad:?}");
    assert_eq!(lessons.len(), 6, "six lessons ship");
    let mut failures = Vec::new();
    for l in &lessons {
        for lang in &l.languages {
            let run = auto::play(l, *lang, 1);
            if !run.ok() {
                failures.push(format!("{} [{lang}]: {:?}", l.id(), run.failures));
            }
            assert!(run.transcript.contains("==="), "{}", run.transcript);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A scripted sandbox with lesson commands, as the REPL has.
fn sandbox() -> Runner {
    let mut r = Runner::new(RunOptions {
        base_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        ..Default::default()
    });
    r.lessons = LessonHost::new(1, Lang::En, None);
    r
}

fn typed(r: &mut Runner, line: &str) -> String {
    let mut out = Capture::default();
    r.typed(&format!("{line}\n"), &mut out);
    r.session.cluster.advance(1000);
    out.text
}

#[test]
fn a_different_command_that_reaches_the_goal_passes_the_step() {
    let mut r = sandbox();
    let intro = typed(&mut r, "lesson 004 --lang en");
    assert!(
        intro.contains("Step 1/10: Create the headless Service"),
        "{intro}"
    );
    // Not the goal: the step stays.
    let out = typed(&mut r, "kubectl get pods");
    assert!(!out.contains("passed"), "{out}");
    // `create` instead of the given `apply`, and a heredoc instead of the file: the
    // Service exists and is headless, so the step passes.
    let out = typed(
        &mut r,
        "kubectl create service clusterip nginx --clusterip=None --tcp=80:80",
    );
    assert!(out.contains("service/nginx created"), "{out}");
    assert!(out.contains("[Step 1: passed]"), "{out}");
    assert!(
        out.contains("Step 2/10: Deploy the StatefulSet as written"),
        "{out}"
    );
}

#[test]
fn hints_come_one_at_a_time_in_order() {
    let mut r = sandbox();
    typed(&mut r, "lesson 004-nginx-web");
    let first = typed(&mut r, "hint");
    assert!(
        first.starts_with("Hint 1/2: The file is in your sandbox"),
        "{first}"
    );
    let second = typed(&mut r, "hint");
    assert!(
        second.starts_with("Hint 2/2: `kubectl apply -f FILE`"),
        "{second}"
    );
    let none = typed(&mut r, "hint");
    assert!(none.starts_with("No more hints"), "{none}");
    let solution = typed(&mut r, "solution");
    assert!(solution.contains("kubectl apply -f headless-service.yaml"));
    // `next` skips; hints start over for the new step.
    let next = typed(&mut r, "next");
    assert!(next.contains("[Step 1: skipped]"), "{next}");
    assert!(typed(&mut r, "hint").starts_with("Hint 1/2: Apply as-written"));
    // Outside a lesson, `hint` is just an unknown command to the shell.
    typed(&mut r, "lesson stop");
    assert!(typed(&mut r, "hint").contains("command not found"));
}

#[test]
fn the_lesson_language_follows_lang_and_falls_back_to_english() {
    let mut r = sandbox();
    let vi = typed(&mut r, "lesson 000 --lang vi");
    assert!(vi.contains("Bước 1/"), "{vi}");
    assert_eq!(r.lessons.language(), Lang::Vi);
    let es = typed(&mut r, "lesson 004 --lang es");
    assert!(es.contains("not written in es; playing it in en"), "{es}");
    assert_eq!(r.lessons.language(), Lang::En);
}

#[test]
fn progress_is_saved_after_each_step() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("progress.json");
    let mut r = sandbox();
    r.lessons = LessonHost::new(1, Lang::En, Some(path.clone()));
    typed(&mut r, "lesson 004");
    typed(&mut r, "kubectl apply -f headless-service.yaml");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("\"004-nginx-web\""), "{saved}");
    assert!(saved.contains("\"service\": \"passed\""), "{saved}");
    typed(&mut r, "skip");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("\"statefulset\": \"skipped\""), "{saved}");
    let table = typed(&mut r, "lessons");
    assert!(table.contains("004-nginx-web"), "{table}");
    assert!(table.contains("1/10"), "{table}");
}

fn write_lesson(dir: &Path, text: &str) {
    std::fs::write(dir.join("lesson.yaml"), text).unwrap();
}

#[test]
fn lesson_check_reports_problems_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("svc.yaml"), "kind: Service\n").unwrap();
    let good_head = "\
format: 1
id: mine
level: beginner
languages: [en, es]
title: {en: Mine, es: Mío}
summary: {en: S, es: S}
files:
  svc.yaml: svc.yaml
  gone.yaml: gone.yaml
steps:
  - title: {en: One}
    text:
      en: |
        Apply it.
      es: Aplícalo.
    show: nope.yaml
    commands:
      - kubectl apply -f svc.yaml
      - kubectl get pods --colour
      - kubectl apply -f other.yaml
      - for i in 1 2; do echo $i
    goal:
      pods: {phase: Running}
    hints:
      - en: one
        es: uno
  - title: {en: Two, es: Dos}
    text: {en: T, es: T}
    commands: [kubectl get svc]
    goal:
      all_of: []
";
    write_lesson(dir.path(), good_head);
    let d = load::load(dir.path()).unwrap_err();
    let lines: Vec<String> =
        d.0.iter()
            .map(|x| format!("{}: {}", x.line, x.message))
            .collect();
    let expect = [
        "9: gone.yaml does not exist",
        "11: steps[0].title has no es text",
        "16: show names \"nope.yaml\", which is not in files",
        "19: kubectl would refuse this command: Error: unknown flag: --colour",
        "20: -f other.yaml: no such file",
        "21: the command does not parse",
        "23: pods goal names no pod",
        "31: all_of lists no goal",
    ];
    for e in expect {
        assert!(
            lines.iter().any(|l| l.starts_with(e)),
            "missing {e:?} in\n{}",
            lines.join("\n")
        );
    }
    assert_eq!(lines.len(), expect.len(), "{}", lines.join("\n"));

    // An unknown key is reported by the parser, at its line.
    write_lesson(
        dir.path(),
        &good_head.replace("    show: nope.yaml", "    shows: nope.yaml"),
    );
    let d = load::load(dir.path()).unwrap_err();
    assert_eq!(d.0.len(), 1);
    assert_eq!(d.0[0].line, 16, "{}", d);
    assert!(d.0[0].message.contains("unknown field `shows`"), "{d}");

    // A goal with two keys.
    write_lesson(
        dir.path(),
        &good_head.replace(
            "      pods: {phase: Running}",
            "      pods: {name: a}\n      output_contains: x",
        ),
    );
    let d = load::load(dir.path()).unwrap_err();
    assert!(d.to_string().contains("a goal has exactly one key"), "{d}");
}
