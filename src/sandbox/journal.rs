//! The journal: the sandbox as the inputs that made it. The simulator is deterministic
//! given its seed and the sequence of inputs, so the saved sandbox is not a dump of every
//! controller's private state but the list of what the learner typed, each with the
//! virtual time it ran at and the host files it read. Restoring is replaying
//! ([`super::replay`]); `undo` is replaying all but the last entry; a snapshot is a copy.
//!
//! The file is JSON with a `format_version`. A file with a newer version (written by a
//! newer kubetutor) or one that does not decode is refused with [`DecodeError`], never
//! half-read.

use crate::api::time::Millis;
use crate::kubectl::host_files::Recording;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The journal format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The largest journal file read (a guard against a file that is not ours).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The most entries a journal holds: a longer file is refused when read, and a full
/// journal records no more commands (the sandbox says so once; `reset` starts a new one).
pub const MAX_ENTRIES: usize = 100_000;
/// The longest a journal's clock may run from the sandbox's start (a year of virtual time).
pub const MAX_SPAN_MS: Millis = 366 * 24 * 3_600_000;

/// The sandbox as the inputs that made it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub format_version: u32,
    /// The cluster's seed (UIDs, IPs, generated names).
    pub seed: u64,
    /// The virtual clock when the journal was written (time passes after the last entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now_ms: Option<Millis>,
    pub entries: Vec<Entry>,
}

/// What kind of input an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// A line for the learner's shell (`kubectl ...`, `sleep 5`, `X=1`).
    Command,
    /// A line typed into an attached pod shell (`kubectl exec -it POD -- sh`).
    AttachedLine,
    /// End of input (Ctrl-D) in an attached pod shell.
    Detach,
    /// `advance DURATION`: the clock moved.
    Advance,
    /// A lesson command that changes the sandbox or the lesson's place: `lesson ID
    /// --lang L` (a fresh cluster and the lesson's files, kept in `workspace`), `next`,
    /// `skip`, `check`.
    Lesson,
}

/// One input, as it ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The virtual clock when it started.
    pub at_ms: Millis,
    /// The virtual clock when it ended (a watch or a wait runs the clock).
    pub end_ms: Millis,
    pub kind: EntryKind,
    pub text: String,
    /// Its exit status.
    #[serde(default)]
    pub status: i32,
    /// The host files it looked at, and what it saw.
    #[serde(default, skip_serializing_if = "Recording::is_empty")]
    pub files: Recording,
    /// The files it put in the sandbox's workspace (a lesson's manifests), by name: a
    /// replay restores these, whatever the lesson's folder holds by then.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub workspace: BTreeMap<String, String>,
}

/// Why a journal file was refused.
#[derive(Debug, PartialEq)]
pub enum DecodeError {
    /// Not a journal (bad JSON, missing fields, too large): the reason.
    Corrupt(String),
    /// Written by a newer kubetutor in this format version.
    Newer(u32),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Corrupt(why) => write!(f, "it is not a kubetutor journal ({why})"),
            DecodeError::Newer(v) => write!(
                f,
                "it was written by a newer kubetutor (format {v}; this one reads up to {FORMAT_VERSION})"
            ),
        }
    }
}

impl Journal {
    pub fn new(seed: u64) -> Self {
        Journal {
            format_version: FORMAT_VERSION,
            seed,
            now_ms: None,
            entries: Vec::new(),
        }
    }

    pub fn is_full(&self) -> bool {
        self.entries.len() >= MAX_ENTRIES
    }

    pub fn encode(&self) -> Vec<u8> {
        // Serializing plain data into memory cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Read a journal file's bytes: the version is checked before anything else, so a
    /// newer format is reported as newer even if its entries would not decode.
    pub fn decode(bytes: &[u8]) -> Result<Journal, DecodeError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(DecodeError::Corrupt(format!(
                "{} bytes, more than the {MAX_FILE_BYTES} read",
                bytes.len()
            )));
        }
        #[derive(Deserialize)]
        struct Version {
            format_version: u32,
        }
        let version: Version =
            serde_json::from_slice(bytes).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        if version.format_version > FORMAT_VERSION {
            return Err(DecodeError::Newer(version.format_version));
        }
        let journal: Journal =
            serde_json::from_slice(bytes).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        if journal.entries.len() > MAX_ENTRIES {
            return Err(DecodeError::Corrupt(format!(
                "{} entries, more than the {MAX_ENTRIES} kept",
                journal.entries.len()
            )));
        }
        journal.check_times().map_err(DecodeError::Corrupt)?;
        Ok(journal)
    }

    /// Every time lies between 0 and a year past the sandbox's start, and each entry ends
    /// no earlier than it started: a replay runs the cluster through every moment.
    fn check_times(&self) -> Result<(), String> {
        let latest = crate::api::time::EPOCH_MS + MAX_SPAN_MS;
        let in_range = |t: Millis| (0..=latest).contains(&t);
        for e in &self.entries {
            if !in_range(e.at_ms) || !in_range(e.end_ms) || e.end_ms < e.at_ms {
                return Err(format!(
                    "an entry from {} to {} is out of order or out of range",
                    e.at_ms, e.end_ms
                ));
            }
        }
        if let Some(t) = self.now_ms.filter(|t| !in_range(*t)) {
            return Err(format!("its clock {t} is out of range"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::host_files::{Content, Observed};

    fn sample() -> Journal {
        let mut files = Recording::new();
        files.insert(
            "/home/me/web.yaml".into(),
            Observed {
                content: Some(Content::Text("kind: Pod\n".into())),
                ..Default::default()
            },
        );
        Journal {
            now_ms: Some(5_000),
            entries: vec![
                Entry {
                    at_ms: 1_000,
                    end_ms: 1_000,
                    kind: EntryKind::Command,
                    text: "kubectl apply -f web.yaml".into(),
                    status: 0,
                    files,
                    workspace: BTreeMap::new(),
                },
                Entry {
                    at_ms: 2_000,
                    end_ms: 32_000,
                    kind: EntryKind::Advance,
                    text: "30s".into(),
                    status: 0,
                    files: Recording::new(),
                    workspace: BTreeMap::new(),
                },
            ],
            ..Journal::new(7)
        }
    }

    #[test]
    fn encodes_and_decodes_the_same_journal() {
        let j = sample();
        let bytes = j.encode();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with(r#"{"format_version":1,"seed":7,"now_ms":5000,"entries":[{"at_ms":1000,"end_ms":1000,"kind":"command","text":"kubectl apply -f web.yaml","status":0,"files":{"/home/me/web.yaml":{"content":{"text":"kind: Pod\n"}}}}"#), "{text}");
        assert!(text.contains(r#""kind":"advance","text":"30s","status":0}"#));
        assert_eq!(Journal::decode(&bytes).unwrap(), j);
    }

    #[test]
    fn a_newer_format_is_refused_as_newer_even_if_the_rest_is_unknown() {
        let bytes = br#"{"format_version": 2, "seed": 1, "entries": "something new"}"#;
        assert_eq!(Journal::decode(bytes), Err(DecodeError::Newer(2)));
        assert_eq!(
            DecodeError::Newer(2).to_string(),
            "it was written by a newer kubetutor (format 2; this one reads up to 1)"
        );
    }

    #[test]
    fn garbage_and_missing_fields_are_corrupt() {
        for bad in [
            &b"not json"[..],
            b"",
            b"{}",
            br#"{"format_version": 1}"#,
            br#"{"format_version": 1, "seed": 1, "entries": [{"at_ms": 1}]}"#,
            br#"{"format_version": -1, "seed": 1, "entries": []}"#,
        ] {
            assert!(
                matches!(Journal::decode(bad), Err(DecodeError::Corrupt(_))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn an_older_journal_without_optional_fields_decodes() {
        let bytes = br#"{"format_version":1,"seed":3,"entries":[{"at_ms":1,"end_ms":2,"kind":"command","text":"k get pods"}]}"#;
        let j = Journal::decode(bytes).unwrap();
        assert_eq!(j.seed, 3);
        assert_eq!(j.now_ms, None);
        assert_eq!(j.entries[0].status, 0);
        assert!(j.entries[0].files.is_empty());
    }

    #[test]
    fn times_out_of_range_or_order_are_corrupt() {
        for (at, end, now) in [
            (i64::MAX, i64::MAX, None),
            (1_000, -9_223_372_036_854_775_807, None),
            (5_000, 1_000, None),
            (1_000, 1_000, Some(i64::MAX)),
        ] {
            let mut j = sample();
            j.entries[0].at_ms = at;
            j.entries[0].end_ms = end;
            j.now_ms = now;
            assert!(
                matches!(Journal::decode(&j.encode()), Err(DecodeError::Corrupt(_))),
                "{at} {end} {now:?}"
            );
        }
    }
}
