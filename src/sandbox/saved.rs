//! The saved sandbox: the REPL's journal in `sandbox.json` in the data folder, written
//! atomically after every command and replayed on the next start. A file that cannot be
//! used (corrupt, or from a newer kubetutor) is moved aside as `sandbox.json.bad-N` with
//! a one-line message naming it, and the tutor starts with a fresh cluster. `--fresh`
//! starts clean and keeps the old sandbox as the snapshot `previous`. Scripted runs
//! (`kubetutor run`) never touch this file.

use super::commands::report_problem;
use super::home::{atomic_write, data_dir, move_aside};
use super::journal::{Journal, MAX_FILE_BYTES};
use super::{clock, replay, snapshots};
use crate::kubectl::output::Sink;
use crate::script::runner::{RunOptions, Runner};
use std::path::{Path, PathBuf};

/// The file name of the saved sandbox in the data folder.
pub const STATE_FILE: &str = "sandbox.json";
/// The snapshot `--fresh` keeps the old sandbox as.
pub const PREVIOUS: &str = "previous";

/// Where the sandbox is saved, and whether saving has failed (reported once).
pub struct SavedSandbox {
    pub path: PathBuf,
    failing: bool,
    /// Never write: the old file could not be moved out of the way.
    disabled: bool,
    /// What was last written (no write when nothing changed).
    last_written: Option<Vec<u8>>,
}

impl SavedSandbox {
    /// Start the sandbox from the data folder: the saved one replayed, or a fresh one
    /// (`fresh`, no file, or a file that cannot be used). Prints one line for anything
    /// the learner should know (what was restored, what was moved where).
    pub fn open(options: RunOptions, fresh: bool, sink: &mut dyn Sink) -> (Runner, SavedSandbox) {
        Self::open_at(&data_dir().join(STATE_FILE), options, fresh, sink)
    }

    /// [`SavedSandbox::open`] with the state file at `path`.
    pub fn open_at(
        path: &Path,
        options: RunOptions,
        fresh: bool,
        sink: &mut dyn Sink,
    ) -> (Runner, SavedSandbox) {
        let mut runner = Runner::new(options);
        let mut saved = SavedSandbox {
            path: path.to_path_buf(),
            failing: false,
            disabled: false,
            last_written: None,
        };
        let journal = match read(path) {
            Ok(Some(journal)) => journal,
            Ok(None) => return (runner, saved),
            Err(why) => {
                let aside = saved.set_aside();
                sink.err(&format!(
                    "kubetutor: the saved sandbox could not be used: {why}; {aside}; a fresh sandbox starts\n"
                ));
                return (runner, saved);
            }
        };
        if fresh {
            if !journal.entries.is_empty() {
                match snapshots::write(PREVIOUS, &journal) {
                    Ok(_) => sink.err(&format!(
                        "kubetutor: starting fresh; the old sandbox is kept as the snapshot \"{PREVIOUS}\" (`load {PREVIOUS}` brings it back)\n"
                    )),
                    Err(e) => {
                        // Never drop the learner's work: keep the file itself instead.
                        let aside = saved.set_aside();
                        sink.err(&format!(
                            "kubetutor: --fresh: {e}; the old sandbox is kept: {aside}\n"
                        ));
                    }
                }
            }
            saved.save(&runner, sink);
            return (runner, saved);
        }
        let replayed = replay::rebuild(&mut runner, &journal);
        if replayed.total > 0 {
            sink.err(&format!(
                "kubetutor: restored your sandbox ({}, at {}); `undo` steps back, `reset` starts over\n",
                super::commands::commands(replayed.replayed),
                clock::format_instant(runner.session.cluster.now())
            ));
        }
        if let Some(note) = runner.lessons.resumed_note() {
            sink.err(&note);
        }
        if replayed.problem.is_some() {
            report_problem(&replayed, sink);
            // The full journal stays on disk beside the new one.
            let aside = saved.set_aside();
            sink.err(&format!(
                "kubetutor: the full saved sandbox is kept: {aside}\n"
            ));
        }
        (runner, saved)
    }

    /// Move the state file aside (its words for the learner), or stop saving over it
    /// when it cannot be moved.
    fn set_aside(&mut self) -> String {
        set_aside(&self.path).unwrap_or_else(|e| {
            self.disabled = true;
            e
        })
    }

    /// Write the runner's journal (after every command). A failure is reported once
    /// and the sandbox goes on.
    pub fn save(&mut self, runner: &Runner, sink: &mut dyn Sink) {
        if self.disabled {
            return;
        }
        let mut journal = runner.journal.clone();
        journal.now_ms = Some(runner.session.cluster.now());
        let bytes = journal.encode();
        if self.last_written.as_ref() == Some(&bytes) {
            return;
        }
        match atomic_write(&self.path, &bytes) {
            Ok(()) => {
                self.failing = false;
                self.last_written = Some(bytes);
            }
            Err(e) if !self.failing => {
                self.failing = true;
                sink.err(&format!(
                    "kubetutor: cannot save the sandbox to {}: {e} (it goes on unsaved)\n",
                    self.path.display()
                ));
            }
            Err(_) => {}
        }
    }
}

/// The journal in `path`: None when there is no file, Err(why) when it cannot be used.
fn read(path: &Path) -> Result<Option<Journal>, String> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!("it is larger than {MAX_FILE_BYTES} bytes"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("it cannot be read ({e})"))?;
    Journal::decode(&bytes).map(Some).map_err(|e| e.to_string())
}

/// Move the state file aside: where it went, or why it could not be moved.
fn set_aside(path: &Path) -> Result<String, String> {
    match move_aside(path) {
        Ok(to) => Ok(format!("it was moved to {}", to.display())),
        Err(e) => Err(format!(
            "it could not be moved aside ({e}), so this session will not save over it"
        )),
    }
}
