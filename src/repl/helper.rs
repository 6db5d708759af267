//! The line editor's helper: Tab completion ([`super::complete`] over the live session),
//! grey hints (a matching history entry, else the one completion there is), and the
//! validator that keeps reading lines while the command is unfinished (a heredoc, a
//! trailing `\`, an open quote, `for ... do` without `done`), as the shell decides.

use super::complete::{self, SessionSource};
use crate::script::runner::Runner;
use colored::Colorize;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

pub struct ReplHelper {
    pub runner: Rc<RefCell<Runner>>,
    /// First words besides `kubectl` (REPL commands, the host's commands, filters).
    pub commands: Vec<String>,
    /// Lesson names for `lessons NAME` (empty until a catalogue plugs in).
    pub lessons: Vec<String>,
    history: HistoryHinter,
}

impl ReplHelper {
    pub fn new(runner: Rc<RefCell<Runner>>, commands: Vec<String>) -> ReplHelper {
        ReplHelper {
            runner,
            commands,
            lessons: Vec::new(),
            history: HistoryHinter::new(),
        }
    }

    /// Completion at `pos`, or nothing while a pod's shell has the terminal (its commands
    /// are the image's, not the sandbox's).
    pub fn completion(&self, line: &str, pos: usize) -> complete::Completion {
        let Ok(runner) = self.runner.try_borrow() else {
            return complete::Completion::default();
        };
        if runner.session.attached.is_some() {
            return complete::Completion::default();
        }
        let cwd = runner.shell.cwd().to_string();
        let src = SessionSource {
            session: &runner.session,
            cwd: &cwd,
            commands: &self.commands,
            lessons: &self.lessons,
        };
        complete::complete(line, pos, &src)
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let c = self.completion(line, pos);
        let pairs = c
            .candidates
            .into_iter()
            .map(|c| Pair {
                display: c.display,
                replacement: c.replacement,
            })
            .collect();
        Ok((c.start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if line.is_empty() || pos < line.len() {
            return None;
        }
        if let Some(h) = self.history.hint(line, pos, ctx) {
            return Some(h);
        }
        let c = self.completion(line, pos);
        let [only] = c.candidates.as_slice() else {
            return None;
        };
        let typed = &line[c.start..pos];
        only.replacement
            .strip_prefix(typed)
            .map(|rest| rest.trim_end_matches(' '))
            .filter(|rest| !rest.is_empty())
            .map(String::from)
    }
}

impl Highlighter for ReplHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        // `colored` leaves the text plain under NO_COLOR or when stdout is no terminal.
        Cow::Owned(hint.bright_black().to_string())
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = format!("{}\n", ctx.input());
        let incomplete = match self.runner.try_borrow() {
            Ok(r) if r.session.attached.is_some() => r.session.attached_incomplete(&input),
            _ => crate::shell::parse::incomplete(&input),
        };
        Ok(if incomplete {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Valid(None)
        })
    }
}

impl Helper for ReplHelper {}
