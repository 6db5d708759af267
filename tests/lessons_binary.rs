//! Lessons through the real binary, as a learner meets them: `kubetutor` copied anywhere
//! (run here from an empty folder, with its data folder there too) lists and plays the
//! lessons built into it; at `kubetutor repl` (piped stdin) a different command that
//! reaches a step's goal passes it, a wrong one does not and `hint` gives the hints in
//! order, one at a time; and a learner who quits mid-lesson comes back to the same
//! cluster, files and step.

mod common;

use common::{run_with_input, Run};
use std::path::Path;
use std::process::Command;

/// `kubetutor ARGS` in `dir` (also its data folder), `input` on stdin, no lessons folder
/// named by the environment.
fn kubetutor(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    command
        .args(args)
        .env("KUBETUTOR_HOME", dir)
        .env_remove("KUBETUTOR_LESSONS")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .current_dir(dir);
    run_with_input(command, input)
}

const IDS: [&str; 6] = [
    "000-postgres",
    "001-kubia",
    "002-internals",
    "003-dns-storage",
    "004-nginx-web",
    "005-capstone",
];

#[test]
fn the_binary_lists_and_plays_its_lessons_from_an_empty_folder() {
    let empty = tempfile::tempdir().unwrap();
    let list = kubetutor(empty.path(), &["lessons"], "");
    assert!(list.ok, "{}", list.stderr);
    for id in IDS {
        assert!(list.stdout.contains(id), "{id} missing:\n{}", list.stdout);
    }
    let auto = kubetutor(
        empty.path(),
        &["lesson", "004", "--auto", "--lang", "en"],
        "",
    );
    assert!(auto.ok, "{}\n{}", auto.stdout, auto.stderr);
    assert!(
        auto.stdout.contains("web-stateful-set-0"),
        "{}",
        auto.stdout
    );
    // Played at the prompt: the lesson's files are in the sandbox.
    let played = kubetutor(
        empty.path(),
        &["repl"],
        "lesson 000 --lang vi\ncat fixed/service.yaml\n",
    );
    assert!(played.stdout.contains("Bước 1/"), "{}", played.stdout);
    assert!(
        played
            .stdout
            .contains("$ cat fixed/service.yaml\napiVersion: v1\nkind: Service\n"),
        "{}",
        played.stdout
    );
    // Nothing was written but the data folder's own files.
    for e in std::fs::read_dir(empty.path()).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".json") || name == "history" || name == "snapshots",
            "{name}"
        );
    }
}

#[test]
fn a_teachers_folder_replaces_the_built_in_lessons() {
    let empty = tempfile::tempdir().unwrap();
    let mine = empty.path().join("mine");
    std::fs::create_dir_all(mine.join("one")).unwrap();
    std::fs::write(
        mine.join("one/lesson.yaml"),
        "format: 1\nid: one\nlevel: beginner\nlanguages: [en]\ntitle: {en: Mine}\nsummary: {en: S}\nsteps:\n  - title: {en: T}\n    text: {en: T}\n    commands: [kubectl create ns x]\n    goal:\n      object: {kind: Namespace, name: x}\n",
    )
    .unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .arg("lessons")
        .env("KUBETUTOR_HOME", empty.path())
        .env("KUBETUTOR_LESSONS", &mine)
        .current_dir(empty.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("one") && out.contains("Mine"), "{out}");
    assert!(!out.contains("004-nginx-web"), "{out}");
}

#[test]
fn a_different_command_that_reaches_the_goal_passes_the_step_at_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let run = kubetutor(
        dir.path(),
        &["repl"],
        "lesson 004 --lang en\n\
         kubectl get pods\n\
         kubectl create service clusterip nginx --clusterip=None --tcp=80:80\n",
    );
    let out = &run.stdout;
    let wrong = out.find("$ kubectl get pods").expect("typed");
    let right = out.find("$ kubectl create service").expect("typed");
    // The command that does not reach the goal leaves the step where it is.
    assert!(!out[wrong..right].contains("passed"), "{out}");
    let after = &out[right..];
    assert!(after.contains("service/nginx created"), "{out}");
    assert!(after.contains("[Step 1: passed]"), "{out}");
    assert!(after.contains("Step 2/10"), "{out}");
}

#[test]
fn a_learner_who_misses_the_goal_gets_the_hints_in_order_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let run = kubetutor(
        dir.path(),
        &["repl"],
        "lesson 004 --lang en\n\
         kubectl apply -f as-written/web-stateful-set.yaml\n\
         hint\n\
         kubectl get svc\n\
         hint\n\
         hint\n\
         check\n",
    );
    let out = &run.stdout;
    assert!(!out.contains("[Step 1: passed]"), "{out}");
    let blocks: Vec<&str> = out.split("\n$ ").collect();
    let reply = |cmd: &str| {
        blocks
            .iter()
            .filter(|b| b.starts_with(cmd))
            .map(|b| b[cmd.len()..].trim_start_matches('\n'))
            .collect::<Vec<_>>()
    };
    let hints = reply("hint");
    assert_eq!(hints.len(), 3, "{out}");
    assert!(hints[0].starts_with("Hint 1/2: "), "{}", hints[0]);
    assert!(
        !hints[0].contains("Hint 2/2"),
        "one at a time: {}",
        hints[0]
    );
    assert!(hints[1].starts_with("Hint 2/2: "), "{}", hints[1]);
    assert!(hints[2].starts_with("No more hints"), "{}", hints[2]);
    let check = reply("check");
    assert!(check[0].starts_with("Not yet:"), "{}", check[0]);
}

#[test]
fn a_learner_who_quits_mid_lesson_comes_back_to_the_same_cluster_files_and_step() {
    let dir = tempfile::tempdir().unwrap();
    let first = kubetutor(
        dir.path(),
        &["repl"],
        "lesson 004 --lang en\n\
         kubectl apply -f headless-service.yaml\n\
         cat > notes.txt <<EOF\nmine\nEOF\n",
    );
    assert!(
        first.stdout.contains("[Step 1: passed]"),
        "{}",
        first.stdout
    );
    let again = kubetutor(
        dir.path(),
        &["repl"],
        "kubectl get svc nginx -o name\n\
         head -n 2 as-written/web-stateful-set.yaml\n\
         cat notes.txt\n\
         lesson\n\
         kubectl apply -f as-written/web-stateful-set.yaml\n\
         kubectl get pods -w\n",
    );
    assert!(
        again
            .stderr
            .contains("kubetutor: you are back in lesson 004-nginx-web, step 2/10"),
        "{}",
        again.stderr
    );
    let out = &again.stdout;
    assert!(out.contains("service/nginx\n"), "{out}");
    assert!(
        out.contains("apiVersion: apps/v1\nkind: StatefulSet  #type of resource\n"),
        "{out}"
    );
    assert!(out.contains("$ cat notes.txt\nmine\n"), "{out}");
    assert!(
        out.contains("--- Step 2/10: Deploy the StatefulSet as written"),
        "{out}"
    );
    assert!(
        out.contains("statefulset.apps/web-stateful-set created"),
        "{out}"
    );
    assert!(out.contains("[Step 2: passed]"), "{out}");
}
