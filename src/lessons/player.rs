//! The lesson player: one lesson being played against a session. It shows a step's text,
//! watches each command the learner types (its output and status), and checks the step's
//! goal afterwards: when the goal holds the step passes, whatever command got there, and
//! the next step is shown. `hint` reveals the step's hints in order, `solution` shows the
//! answer, `skip` moves on. Goals are checked at the learner's own prompt, not while a
//! pod's shell is attached (the step passes once the learner leaves it).
//!
//! The player only decides what to say; the host ([`super::host`]) prints it and keeps
//! progress, and `--auto` ([`super::auto`]) drives it unattended.

use super::goals::{evaluate, GoalCtx};
use super::load::Lesson;
use super::model::StepFile;
use super::progress::StepResult;
use super::ui::{say, Phrase};
use crate::kubectl::session::Session;
use crate::sandbox::lang::Lang;

/// How much of a step's output is kept for `output_contains` goals.
const MAX_STEP_OUTPUT: usize = 1024 * 1024;

pub struct Player {
    pub lesson: Lesson,
    pub lang: Lang,
    /// The current step (== number of steps once the lesson is over).
    pub step: usize,
    hints_shown: usize,
    step_output: String,
    last_output: String,
    last_failed: bool,
    /// How each step ended so far.
    pub results: Vec<Option<StepResult>>,
    /// Step results not yet saved to progress (the host drains them).
    pending: Vec<(String, StepResult)>,
}

impl Player {
    pub fn new(lesson: Lesson, lang: Lang) -> Player {
        let lang = lesson.language_for(lang);
        let n = lesson.spec.steps.len();
        Player {
            lesson,
            lang,
            step: 0,
            hints_shown: 0,
            step_output: String::new(),
            last_output: String::new(),
            last_failed: false,
            results: vec![None; n],
            pending: Vec::new(),
        }
    }

    /// Put the lesson's files in the session's workspace, under their sandbox names.
    pub fn prepare(&self, session: &mut Session) {
        for (name, text) in &self.lesson.files {
            session.workspace.write(name, text);
        }
    }

    pub fn finished(&self) -> bool {
        self.step >= self.lesson.spec.steps.len()
    }

    pub fn current(&self) -> Option<&StepFile> {
        self.lesson.spec.steps.get(self.step)
    }

    /// The lesson's title and summary, then the first step.
    pub fn intro(&self) -> String {
        let spec = &self.lesson.spec;
        let mut s = format!(
            "=== {} ({}) ===\n{}\n{}\n\n",
            spec.title.get(self.lang),
            spec.id,
            spec.summary.get(self.lang).trim_end(),
            say(self.lang, Phrase::Help)
        );
        s.push_str(&self.step_text());
        s
    }

    /// The current step: header, text, the manifest it shows, what to type.
    pub fn step_text(&self) -> String {
        let Some(step) = self.current() else {
            return self.summary();
        };
        let lang = self.lang;
        let mut s = format!(
            "--- {} {}/{}: {} ---\n",
            say(lang, Phrase::Step),
            self.step + 1,
            self.lesson.spec.steps.len(),
            step.title.get(lang)
        );
        s.push_str(step.text.get(lang).trim_end());
        s.push('\n');
        if let Some(name) = &step.show {
            if let Some(text) = self.lesson.files.get(name) {
                s.push_str(&format!("\n  {name}:\n"));
                for l in text.lines() {
                    s.push_str(&format!("    {l}\n"));
                }
            }
        }
        if step.commands.is_empty() {
            s.push_str(&format!("\n{}\n", say(lang, Phrase::Challenge)));
        } else {
            s.push_str(&format!("\n{}\n", say(lang, Phrase::Type)));
            for c in &step.commands {
                for l in c.lines() {
                    s.push_str(&format!("    {l}\n"));
                }
            }
        }
        s
    }

    /// Note what a command printed and how it ended (no goal check).
    pub fn record(&mut self, output: &str, status: i32) {
        let room = MAX_STEP_OUTPUT.saturating_sub(self.step_output.len());
        let mut take = output.len().min(room);
        while !output.is_char_boundary(take) {
            take -= 1;
        }
        self.step_output.push_str(&output[..take]);
        self.last_output = output[..output.len().min(MAX_STEP_OUTPUT)].to_string();
        self.last_failed = status != 0;
    }

    /// Whether the current step's goal holds now.
    pub fn evaluate(&self, session: &Session) -> Result<(), String> {
        let Some(step) = self.current() else {
            return Ok(());
        };
        evaluate(
            &step.goal,
            &GoalCtx {
                session,
                step_output: &self.step_output,
                last_output: &self.last_output,
                last_failed: self.last_failed,
            },
        )
    }

    /// After a command the learner typed: the text to show when the step passed.
    pub fn on_command(&mut self, output: &str, status: i32, session: &Session) -> Option<String> {
        if self.finished() {
            return None;
        }
        self.record(output, status);
        if session.attached.is_some() {
            return None;
        }
        self.evaluate(session).ok().map(|()| self.pass())
    }

    /// `check`: whether the goal holds, and why not.
    pub fn check(&mut self, session: &Session) -> String {
        if self.finished() {
            return self.summary();
        }
        if session.attached.is_some() {
            return format!("{}\n", say(self.lang, Phrase::InPodShell));
        }
        match self.evaluate(session) {
            Ok(()) => format!("{}\n{}", say(self.lang, Phrase::Holds), self.pass()),
            Err(why) => format!("{} {why}\n", say(self.lang, Phrase::NotYet)),
        }
    }

    /// The current step passed: say so and show the next one.
    pub fn pass(&mut self) -> String {
        self.end_step(StepResult::Passed)
    }

    /// `next`/`skip`: leave the current step unpassed.
    pub fn skip(&mut self) -> String {
        if self.finished() {
            return self.summary();
        }
        self.end_step(StepResult::Skipped)
    }

    fn end_step(&mut self, result: StepResult) -> String {
        let lang = self.lang;
        let Some(step) = self.current() else {
            return self.summary();
        };
        let word = match result {
            StepResult::Passed => say(lang, Phrase::Passed),
            StepResult::Skipped => say(lang, Phrase::Skipped),
        };
        let mut s = format!("[{} {}: {word}]\n", say(lang, Phrase::Step), self.step + 1);
        if result == StepResult::Passed {
            if let Some(done) = &step.done {
                s.push_str(done.get(lang).trim_end());
                s.push('\n');
            }
        }
        let id = self.lesson.step_ids[self.step].clone();
        self.results[self.step] = Some(result);
        self.pending.push((id, result));
        self.step += 1;
        self.hints_shown = 0;
        self.step_output.clear();
        self.last_output.clear();
        self.last_failed = false;
        s.push('\n');
        s.push_str(&self.step_text());
        s
    }

    /// `hint`: the next hint of the current step.
    pub fn hint(&mut self) -> String {
        let lang = self.lang;
        let Some(step) = self.current() else {
            return self.summary();
        };
        if step.hints.is_empty() {
            return format!("{}\n", say(lang, Phrase::NoHints));
        }
        match step.hints.get(self.hints_shown) {
            Some(h) => {
                let n = self.hints_shown + 1;
                let text = format!(
                    "{} {n}/{}: {}\n",
                    say(lang, Phrase::Hint),
                    step.hints.len(),
                    h.get(lang).trim_end()
                );
                self.hints_shown += 1;
                text
            }
            None => format!("{}\n", say(lang, Phrase::NoMoreHints)),
        }
    }

    /// `solution`: the commands that reach the current step's goal.
    pub fn solution(&self) -> String {
        let Some(step) = self.current() else {
            return self.summary();
        };
        let mut s = format!("{}\n", say(self.lang, Phrase::Solution));
        for c in self.solution_commands(self.step) {
            for l in c.lines() {
                s.push_str(&format!("    {l}\n"));
            }
        }
        let _ = step;
        s
    }

    /// What `--auto` and `solution` play for step `i`: its solution, else its commands.
    pub fn solution_commands(&self, i: usize) -> &[String] {
        match self.lesson.spec.steps.get(i) {
            Some(s) if !s.solution.is_empty() => &s.solution,
            Some(s) => &s.commands,
            None => &[],
        }
    }

    /// The end of the lesson: how many steps passed.
    pub fn summary(&self) -> String {
        let passed = self
            .results
            .iter()
            .filter(|r| **r == Some(StepResult::Passed))
            .count();
        format!(
            "=== {}: {} ({passed}/{}) ===\n",
            say(self.lang, Phrase::Complete),
            self.lesson.spec.title.get(self.lang),
            self.results.len()
        )
    }

    /// Step results since the last call, for progress.
    pub fn drain_results(&mut self) -> Vec<(String, StepResult)> {
        std::mem::take(&mut self.pending)
    }
}
