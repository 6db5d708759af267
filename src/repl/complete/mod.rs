//! Tab completion for the sandbox's prompt, as one pure function: [`complete`] takes the
//! line, the cursor and a [`Source`] (what exists now) and returns where the word being
//! completed starts and its candidates. It knows kubectl from the same command table the
//! parser uses (`crate::kubectl::cli`): verbs, sub-verbs, each verb's flags and the values
//! their help lists, resource types and short names, `TYPE/NAME`, the names of objects in
//! the namespace the command line addresses, a pod's containers, files for `-f`; and the
//! sandbox's own commands, with files as bash offers them elsewhere.

mod kubectl;
pub mod source;
#[cfg(test)]
mod tests;
mod words;

pub use source::{FileEntry, SessionSource, Snapshot, Source};

use std::collections::BTreeMap;

/// One way to complete the word under the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// What the list of candidates shows.
    pub display: String,
    /// What replaces the word (a final space when the word is complete).
    pub replacement: String,
}

/// The candidates for the word that starts at `start` and ends at the cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    pub start: usize,
    pub candidates: Vec<Candidate>,
}

/// A candidate before filtering: the full word, whether it is finished (gets a space),
/// and what the list shows when that differs from the word.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    word: String,
    done: bool,
    display: Option<String>,
}

impl Cand {
    pub(crate) fn done(word: impl Into<String>) -> Cand {
        Cand {
            word: word.into(),
            done: true,
            display: None,
        }
    }
    /// A word that goes on (`--output=`, `pod/`, `dir/`): no space after it.
    pub(crate) fn open(word: impl Into<String>) -> Cand {
        Cand {
            word: word.into(),
            done: false,
            display: None,
        }
    }
    fn shown_as(mut self, display: impl Into<String>) -> Cand {
        self.display = Some(display.into());
        self
    }
}

/// Commands whose arguments are files.
const FILE_COMMANDS: &[&str] = &[
    "cat", "grep", "head", "tail", "wc", "sort", "uniq", "source", ".",
];

/// Complete the word before `pos` in `line` (a byte offset; clamped to the line).
pub fn complete(line: &str, pos: usize, src: &dyn Source) -> Completion {
    let mut pos = pos.min(line.len());
    while !line.is_char_boundary(pos) {
        pos -= 1;
    }
    let (words, current) = words::split(&line[..pos]);
    let typed = current.text.as_str();
    let cands: Vec<Cand> = match words.first().map(|w| w.text.as_str()) {
        None if typed.contains('/') => files(typed, src),
        None => ["kubectl".to_string(), "k".to_string()]
            .into_iter()
            .chain(src.commands())
            .map(Cand::done)
            .collect(),
        Some("kubectl" | "k") => kubectl::complete(&words[1..], typed, src),
        Some("help") if words.len() == 1 => crate::kubectl::cli::top_level_words()
            .into_iter()
            .map(String::from)
            .chain(src.commands())
            .map(Cand::done)
            .collect(),
        Some("lessons" | "lesson") => src.lessons().into_iter().map(Cand::done).collect(),
        Some("cd") => files(typed, src).into_iter().filter(|c| !c.done).collect(),
        Some("set") if words.last().is_some_and(|w| w.text == "-o") => {
            vec![Cand::done("vi"), Cand::done("emacs")]
        }
        Some(cmd) if FILE_COMMANDS.contains(&cmd) => files(typed, src),
        Some(_) => Vec::new(),
    };
    Completion {
        start: current.start,
        candidates: finish(cands, typed),
    }
}

/// Keep the candidates that extend what was typed, each once, sorted.
fn finish(cands: Vec<Cand>, typed: &str) -> Vec<Candidate> {
    let mut out: BTreeMap<String, Candidate> = BTreeMap::new();
    for c in cands {
        if !c.word.starts_with(typed) || c.word.is_empty() {
            continue;
        }
        let replacement = if c.done {
            format!("{} ", escape(&c.word))
        } else {
            escape(&c.word)
        };
        let display = c.display.unwrap_or_else(|| c.word.clone());
        out.entry(c.word).or_insert(Candidate {
            display,
            replacement,
        });
    }
    out.into_values().collect()
}

/// A word as the shell reads it back: characters it treats specially get a backslash.
fn escape(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if " \t'\"\\|&;()<>$`*?[]#~{}!".contains(c) {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// Files and directories that complete `typed` (a path as far as typed).
pub(crate) fn files(typed: &str, src: &dyn Source) -> Vec<Cand> {
    let (dir, name) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    src.files(dir)
        .into_iter()
        .filter(|e| !e.name.starts_with('.') || name.starts_with('.'))
        .map(|e| {
            let word = format!("{dir}{}", e.name);
            if e.is_dir {
                Cand::open(format!("{word}/")).shown_as(format!("{}/", e.name))
            } else {
                Cand::done(word).shown_as(e.name)
            }
        })
        .collect()
}
