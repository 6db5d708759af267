//! Lesson progress: which steps of which lessons the learner passed (or skipped), kept in
//! `progress.json` in the data folder ([`crate::sandbox::home::data_dir`]). It is written
//! atomically after every step; a file that cannot be read back is moved aside (never
//! deleted) with a message, and progress starts over.

use crate::sandbox::home::{atomic_write, data_dir, move_aside};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The version of `progress.json` this kubetutor writes.
const FORMAT: u32 = 1;

/// How a step ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepResult {
    Passed,
    Skipped,
}

/// One lesson's progress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// By step id.
    #[serde(default)]
    pub steps: BTreeMap<String, StepResult>,
    /// The language last played in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl LessonProgress {
    /// Steps passed among `step_ids`.
    pub fn passed(&self, step_ids: &[String]) -> usize {
        step_ids
            .iter()
            .filter(|id| self.steps.get(*id) == Some(&StepResult::Passed))
            .count()
    }
}

/// Everything `progress.json` holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub format: u32,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// Where progress is kept.
pub fn progress_path() -> PathBuf {
    data_dir().join("progress.json")
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            format: FORMAT,
            lessons: BTreeMap::new(),
        }
    }

    /// Read `path`; a missing file is no progress. A file that is not valid progress is
    /// moved aside and the message says where.
    pub fn load(path: &Path) -> (Progress, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Progress::new(), None),
            Err(e) => {
                return (
                    Progress::new(),
                    Some(format!(
                        "kubetutor: cannot read {}: {e}; progress is not kept",
                        path.display()
                    )),
                )
            }
        };
        match serde_json::from_str::<Progress>(&text) {
            Ok(p) if p.format == FORMAT => (p, None),
            Ok(p) => (
                Progress::new(),
                Some(set_aside(path, &format!("format {}", p.format))),
            ),
            Err(e) => (Progress::new(), Some(set_aside(path, &e.to_string()))),
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        atomic_write(path, text.as_bytes())
    }

    /// Record a step's result (a pass is never turned back into a skip).
    pub fn record(&mut self, lesson: &str, step: &str, result: StepResult, lang: &str) {
        let entry = self.lessons.entry(lesson.to_string()).or_default();
        entry.lang = Some(lang.to_string());
        let slot = entry.steps.entry(step.to_string()).or_insert(result);
        if result == StepResult::Passed {
            *slot = StepResult::Passed;
        }
    }

    pub fn of(&self, lesson: &str) -> Option<&LessonProgress> {
        self.lessons.get(lesson)
    }
}

fn set_aside(path: &Path, why: &str) -> String {
    match move_aside(path) {
        Ok(to) => format!(
            "kubetutor: {} is not readable progress ({why}); moved it to {} and started over",
            path.display(),
            to.display()
        ),
        Err(e) => format!(
            "kubetutor: {} is not readable progress ({why}) and could not be moved aside: {e}",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_loads_and_moves_a_corrupt_file_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let mut p = Progress::new();
        p.record("004-nginx-web", "service", StepResult::Skipped, "en");
        p.record("004-nginx-web", "service", StepResult::Passed, "en");
        p.record("004-nginx-web", "service", StepResult::Skipped, "en");
        p.save(&path).unwrap();
        let (back, msg) = Progress::load(&path);
        assert_eq!(msg, None);
        assert_eq!(back, p);
        assert_eq!(
            back.of("004-nginx-web")
                .unwrap()
                .passed(&["service".into(), "x".into()]),
            1
        );
        std::fs::write(&path, "{not json").unwrap();
        let (fresh, msg) = Progress::load(&path);
        assert_eq!(fresh, Progress::new());
        assert!(msg.unwrap().contains("progress.json.bad-1"));
        assert!(dir.path().join("progress.json.bad-1").exists());
        assert!(!path.exists());
    }
}
