//! The lesson file's model: what a teacher writes in `lesson.yaml` (documented for authors
//! in `lessons/README.md`). Plain serde types; unknown keys are errors, so a typo in a key
//! is reported with its line instead of being ignored. The loader ([`super::load`]) reads
//! and validates it; the goal vocabulary is evaluated by [`super::goals`].

use crate::sandbox::lang::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The version of the lesson format this kubetutor reads.
pub const FORMAT: u32 = 1;

/// Text in several languages, keyed by language code (`en`, `vi`, `es`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    /// The text in `lang`, else English, else any language the author wrote.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|t| !t.trim().is_empty())
    }
}

/// How much a lesson expects the learner to know already.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

/// A whole lesson file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonFile {
    /// The lesson format version ([`FORMAT`]).
    pub format: u32,
    pub id: String,
    pub title: Localized,
    pub summary: Localized,
    pub level: Level,
    /// The languages every text of the lesson is written in (`en`, `vi`, `es`).
    pub languages: Vec<String>,
    /// A challenge gives goals but no commands to type; `--auto` plays its solutions.
    #[serde(default)]
    pub challenge: bool,
    /// Files the learner can use in the sandbox: the name they are known by there
    /// (`fixed/statefulset.yaml`) and the path of the file, relative to the lesson folder.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    pub steps: Vec<StepFile>,
}

/// One step of a lesson file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepFile {
    /// A stable name for progress (default: `step-N`).
    #[serde(default)]
    pub id: Option<String>,
    pub title: Localized,
    /// What the learner reads before acting.
    pub text: Localized,
    /// A file from `files` shown under the text (the manifest the step is about).
    #[serde(default)]
    pub show: Option<String>,
    /// The commands to type, in order (lines of one command may follow it, as in a
    /// script: here-documents, lines typed into a pod's shell).
    #[serde(default)]
    pub commands: Vec<String>,
    /// What must hold for the step to pass.
    pub goal: Goal,
    /// Revealed one at a time by `hint`.
    #[serde(default)]
    pub hints: Vec<Localized>,
    /// What `solution` shows and a challenge's `--auto` plays (default: the commands).
    #[serde(default)]
    pub solution: Vec<String>,
    /// Said when the step passes.
    #[serde(default)]
    pub done: Option<Localized>,
}

/// A goal: one condition on the cluster or on what the learner's commands printed. In the
/// file it is a map with one key (`pods: {...}`, `output_contains: web-0`).
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// Pods exist (and are in a phase, Ready).
    Pods(PodsGoal),
    /// Shorthand for `pods` with one name.
    Pod(PodsGoal),
    /// PersistentVolumeClaims exist (and are in a phase).
    Claims(ClaimsGoal),
    /// Shorthand for `claims` with one name.
    Claim(ClaimsGoal),
    /// Any object exists (or not), with field values.
    Object(ObjectGoal),
    /// A command typed during this step printed this text.
    OutputContains(String),
    /// The last command printed this text.
    LastOutputContains(String),
    /// The last command failed (true) or succeeded (false).
    LastCommandFailed(bool),
    /// A file inside a pod's container holds this text.
    FileInPod(FileInPodGoal),
    AllOf(Vec<Goal>),
    AnyOf(Vec<Goal>),
    Not(Box<Goal>),
}

/// Which pods or claims, and what they must be (`ready` is for pods only; the loader
/// says so when a claim goal has it).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SelectionGoal {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub names: Vec<String>,
    /// A label selector as `kubectl -l` takes it.
    #[serde(default)]
    pub selector: Option<String>,
    /// How many (pods not terminating) match the selector.
    #[serde(default)]
    pub count: Option<usize>,
    /// Pods: `Pending`, `Running`, `Succeeded`, `Failed`; claims: `Pending`, `Bound`,
    /// `Lost`.
    #[serde(default)]
    pub phase: Option<String>,
    /// Pods only.
    #[serde(default)]
    pub ready: Option<bool>,
    #[serde(default)]
    pub namespace: Option<String>,
}

/// Which pods, and what they must be.
pub type PodsGoal = SelectionGoal;
/// Which claims, and what they must be.
pub type ClaimsGoal = SelectionGoal;

/// One object by kind and name.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ObjectGoal {
    /// A kind as kubectl takes it (`Service`, `statefulset`, `sts`).
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub namespace: Option<String>,
    /// Whether it must exist (default) or be gone.
    #[serde(default = "yes")]
    pub exists: bool,
    /// Field paths (`spec.replicas`, `spec.template.spec.containers[0].image`) and the
    /// values they must have.
    #[serde(default)]
    pub fields: BTreeMap<String, serde_yaml_ng::Value>,
}

/// The file's form of a goal: every key optional, exactly one given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalMap {
    pods: Option<PodsGoal>,
    pod: Option<PodsGoal>,
    claims: Option<ClaimsGoal>,
    claim: Option<ClaimsGoal>,
    object: Option<ObjectGoal>,
    output_contains: Option<String>,
    last_output_contains: Option<String>,
    last_command_failed: Option<bool>,
    file_in_pod: Option<FileInPodGoal>,
    all_of: Option<Vec<Goal>>,
    any_of: Option<Vec<Goal>>,
    not: Option<Box<Goal>>,
}

impl<'de> Deserialize<'de> for Goal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Goal, D::Error> {
        let m = GoalMap::deserialize(d)?;
        let goals: Vec<Goal> = [
            m.pods.map(Goal::Pods),
            m.pod.map(Goal::Pod),
            m.claims.map(Goal::Claims),
            m.claim.map(Goal::Claim),
            m.object.map(Goal::Object),
            m.output_contains.map(Goal::OutputContains),
            m.last_output_contains.map(Goal::LastOutputContains),
            m.last_command_failed.map(Goal::LastCommandFailed),
            m.file_in_pod.map(Goal::FileInPod),
            m.all_of.map(Goal::AllOf),
            m.any_of.map(Goal::AnyOf),
            m.not.map(Goal::Not),
        ]
        .into_iter()
        .flatten()
        .collect();
        match <[Goal; 1]>::try_from(goals) {
            Ok([g]) => Ok(g),
            Err(v) => Err(serde::de::Error::custom(format!(
                "a goal has exactly one key (pods, claims, object, output_contains, ...); this one has {} (combine goals with all_of)",
                v.len()
            ))),
        }
    }
}

fn yes() -> bool {
    true
}

/// A file in a pod.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileInPodGoal {
    pub pod: String,
    /// Default: the pod's first container.
    #[serde(default)]
    pub container: Option<String>,
    pub path: String,
    pub contains: String,
    #[serde(default)]
    pub namespace: Option<String>,
}

impl SelectionGoal {
    /// Every name the goal lists (`name` and `names`).
    pub fn all_names(&self) -> Vec<String> {
        self.name.iter().chain(&self.names).cloned().collect()
    }
}
