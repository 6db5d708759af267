//! The interactive sandbox: a shell-like prompt over one session whose cluster clock
//! follows wall time between commands.

use crate::kubectl::output::Terminal;
use crate::script::lexer;
use crate::script::runner::{RunOptions, Runner};
use anyhow::Result;
use rustyline::error::ReadlineError;
use std::time::Instant;

pub fn run(seed: u64) -> Result<()> {
    run_with(seed, None)
}

/// The REPL, first typing `startup` (e.g. `lesson 004 --lang vi`) when given.
pub fn run_with(seed: u64, startup: Option<&str>) -> Result<()> {
    let mut runner = Runner::new(RunOptions {
        seed,
        base_dir: std::env::current_dir().unwrap_or_default(),
        ..Default::default()
    });
    // Lessons played at the prompt keep their progress in the data folder.
    runner.lessons = crate::lessons::host::LessonHost::new(
        seed,
        crate::sandbox::lang::Lang::from_env(),
        Some(crate::lessons::progress::progress_path()),
    );
    let mut editor = rustyline::DefaultEditor::new()?;
    println!("kubetutor: a simulated Kubernetes v1.32 cluster (kind: 1 control plane, 2 workers). Nothing here touches a real cluster.");
    println!("Type kubectl commands (or `k`), e.g. `kubectl get nodes`. `exit` or Ctrl-D leaves.");
    if let Some(line) = startup {
        runner.typed(line, &mut Terminal);
    }
    let mut last = Instant::now();
    loop {
        // Inside a pod's shell (`kubectl exec -it POD -- sh`) the prompt is that shell's.
        let prompt = runner
            .session
            .attached_prompt()
            .unwrap_or_else(|| format!("kubetutor ({}) $ ", runner.session.namespace));
        match editor.readline(&prompt) {
            Ok(line) => {
                let elapsed = last.elapsed().as_millis() as i64;
                runner.session.cluster.advance(elapsed);
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(trimmed);
                if runner.session.attached.is_some() {
                    runner.typed(&format!("{line}\n"), &mut Terminal);
                    last = Instant::now();
                    continue;
                }
                if trimmed == "exit" || trimmed == "quit" {
                    break;
                }
                for cmd in lexer::split_commands(trimmed) {
                    runner.typed(&cmd.text, &mut Terminal);
                }
                last = Instant::now();
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) if runner.session.attached.is_some() => {
                // Ctrl-D inside a pod's shell ends that shell, not the sandbox.
                runner.session.detach(&mut Terminal);
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
