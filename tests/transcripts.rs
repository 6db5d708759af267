//! End-to-end transcript tests: every `tests/transcripts/*.t` file holds commands (`$ `
//! lines) and the exact output they must print, replayed from a fresh simulated cluster
//! with paths relative to the repository root. `KUBETUTOR_BLESS=1 cargo test --test
//! transcripts` rewrites the expected output after a deliberate change (review the diff).

use kubetutor::script::runner::RunOptions;
use kubetutor::script::transcript;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn transcripts_replay_exactly() {
    let dir = root().join("tests/transcripts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/transcripts")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "t"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no transcripts found");
    let bless = std::env::var_os("KUBETUTOR_BLESS").is_some();
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable transcript");
        let options = RunOptions {
            base_dir: root(),
            ..Default::default()
        };
        if bless {
            std::fs::write(f, transcript::replay(&text, options)).expect("writable transcript");
            continue;
        }
        if let Err(diff) = transcript::check(&text, options) {
            failures.push(format!("{}:\n{diff}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} transcript(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn replay_is_deterministic() {
    let text = std::fs::read_to_string(root().join("tests/transcripts/seed-004-walkthrough.t"))
        .expect("seed 004 transcript");
    let a = transcript::replay(
        &text,
        RunOptions {
            base_dir: root(),
            ..Default::default()
        },
    );
    let b = transcript::replay(
        &text,
        RunOptions {
            base_dir: root(),
            ..Default::default()
        },
    );
    assert_eq!(a, b);
    let other_seed = transcript::replay(
        &text,
        RunOptions {
            base_dir: root(),
            seed: 2,
            ..Default::default()
        },
    );
    assert_ne!(
        a, other_seed,
        "the seed should change UIDs and volume names"
    );
}
