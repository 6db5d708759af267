//! Unattended play (`kubetutor lesson ID --auto`): every step's commands (a challenge's
//! solutions) typed in order on a fresh cluster, each step's goal checked once its
//! commands ran, and the whole session printed as a transcript. CI plays every lesson in
//! every language this way; a lesson whose goals do not all hold fails.

use super::load::Lesson;
use super::player::Player;
use crate::kubectl::output::{Capture, Sink};
use crate::sandbox::lang::Lang;
use crate::script::lexer;
use crate::script::runner::{RunOptions, Runner};

/// What an unattended run printed, and the goals that did not hold.
#[derive(Debug, Default)]
pub struct AutoRun {
    pub transcript: String,
    /// `step N (id): why`, one per failed goal.
    pub failures: Vec<String>,
}

impl AutoRun {
    pub fn ok(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Play `lesson` in `lang` from a fresh cluster seeded with `seed`.
pub fn play(lesson: &Lesson, lang: Lang, seed: u64) -> AutoRun {
    let mut runner = Runner::new(RunOptions {
        seed,
        quiet: true,
        // A built-in lesson's folder is not on disk: its files are in the workspace.
        base_dir: if lesson.embedded {
            std::env::current_dir().unwrap_or_default()
        } else {
            lesson.dir.clone()
        },
        ..Default::default()
    });
    let mut player = Player::new(lesson.clone(), lang);
    player.prepare(&mut runner.session);
    let mut run = AutoRun::default();
    let mut out = Capture::default();
    out.out(&player.intro());
    while !player.finished() {
        let i = player.step;
        let script = player.solution_commands(i).join("\n");
        for cmd in lexer::split_commands(&script) {
            if !out.text.is_empty() && !out.text.ends_with('\n') {
                out.out("\n");
            }
            out.out(&cmd.echo_after(&runner.prompt()));
            let mut one = Capture::default();
            let stop = runner.run_command(&cmd, &mut one);
            out.text.push_str(&one.text);
            player.record(&one.text, runner.last_status);
            if stop {
                break;
            }
        }
        // A pod shell left open at the end of a step is closed, as a learner would.
        if runner.session.attached.is_some() {
            let mut one = Capture::default();
            runner.session.detach(&mut one);
            out.text.push_str(&one.text);
        }
        if !out.text.ends_with('\n') {
            out.out("\n");
        }
        match player.evaluate(&runner.session) {
            Ok(()) => out.out(&player.pass()),
            Err(why) => {
                let id = &lesson.step_ids[i];
                run.failures.push(format!("step {} ({id}): {why}", i + 1));
                out.out(&format!("[goal not met: {why}]\n"));
                out.out(&player.skip());
            }
        }
    }
    run.transcript = out.text;
    run
}
