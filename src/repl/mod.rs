//! The interactive sandbox: a shell-like prompt over one session whose cluster clock
//! follows wall time between commands.

use crate::kubectl::output::Terminal;
use crate::script::lexer;
use crate::script::record::Recorder;
use crate::script::runner::{RunOptions, Runner};
use anyhow::Result;
use rustyline::error::ReadlineError;
use std::time::Instant;

/// Runs the sandbox; with a `recorder`, every command and its output also go to the
/// transcript it writes, and the clock moves one tick per command instead of with wall
/// time, so that `kubetutor run --check` replays the recording exactly.
pub fn run(seed: u64, recorder: Option<Recorder>) -> Result<()> {
    run_with(
        RunOptions {
            seed,
            base_dir: std::env::current_dir().unwrap_or_default(),
            ..Default::default()
        },
        recorder,
    )
}

/// The sandbox with the given options (tutor on or off, its language).
pub fn run_with(options: RunOptions, mut recorder: Option<Recorder>) -> Result<()> {
    let mut runner = Runner::new(options);
    runner.tutor.color = crate::tutor::color_on_terminal() && recorder.is_none();
    let mut editor = rustyline::DefaultEditor::new()?;
    println!("kubetutor: a simulated Kubernetes v1.32 cluster (kind: 1 control plane, 2 workers). Nothing here touches a real cluster.");
    println!("Type kubectl commands (or `k`), e.g. `kubectl get nodes`. `exit` or Ctrl-D leaves.");
    let mut last = Instant::now();
    loop {
        // Inside a pod's shell (`kubectl exec -it POD -- sh`) the prompt is that shell's.
        let prompt = runner
            .session
            .attached_prompt()
            .unwrap_or_else(|| format!("kubetutor ({}) $ ", runner.session.namespace));
        match editor.readline(&prompt) {
            Ok(line) => {
                let trimmed = line.trim();
                if let Some(rec) = recorder.as_mut() {
                    if record_line(rec, &mut runner, &line)? {
                        break;
                    }
                    let _ = editor.add_history_entry(line.trim());
                    continue;
                }
                let elapsed = last.elapsed().as_millis() as i64;
                runner.session.cluster.advance(elapsed);
                if trimmed.is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(trimmed);
                if runner.session.attached.is_some() {
                    runner.attached_line(&format!("{line}\n"), &mut Terminal);
                    last = Instant::now();
                    continue;
                }
                if trimmed == "exit" || trimmed == "quit" {
                    break;
                }
                for cmd in lexer::split_commands(trimmed) {
                    runner.execute(&cmd.text, None, &mut Terminal);
                }
                last = Instant::now();
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) if runner.session.attached.is_some() && recorder.is_some() => {
                // Recorded as the `exit` it stands for, so the transcript replays.
                if let Some(rec) = recorder.as_mut() {
                    record_line(rec, &mut runner, "exit")?;
                }
            }
            Err(ReadlineError::Eof) if runner.session.attached.is_some() => {
                // Ctrl-D inside a pod's shell ends that shell, not the sandbox.
                runner.session.detach(&mut Terminal);
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(rec) = recorder.as_mut() {
        rec.finish(&mut runner, &mut Terminal)?;
    }
    Ok(())
}

/// Runs a line typed while recording; true when the sandbox should end (`exit`).
fn record_line(rec: &mut Recorder, runner: &mut Runner, line: &str) -> Result<bool> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Ok(false);
    }
    if runner.session.attached.is_none() && (trimmed == "exit" || trimmed == "quit") {
        return Ok(true);
    }
    for cmd in lexer::split_commands(trimmed) {
        if rec.run(runner, &cmd, &mut Terminal)? {
            return Ok(true);
        }
    }
    Ok(false)
}
