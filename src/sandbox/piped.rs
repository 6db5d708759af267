//! `kubetutor repl` with stdin that is not a terminal (`kubetutor repl < cmds`,
//! `echo 'kubectl get pods' | kubetutor repl`): the saved sandbox, fed line by line. It
//! is restored first and saved after every command, as the interactive REPL does, but
//! commands are echoed and the clock ticks as in a scripted run (`--tick` per command,
//! never wall time), so the same input prints the same bytes.

use super::saved::SavedSandbox;
use crate::kubectl::output::{write_stdout, Capture, Terminal};
use crate::script::lexer;
use crate::script::runner::RunOptions;

/// Run `text` against the saved sandbox; true when every command succeeded.
pub fn run(text: &str, options: RunOptions, fresh: bool) -> bool {
    let (mut runner, mut saved) = SavedSandbox::open(options, fresh, &mut Terminal);
    // The transcript interleaves both streams on stdout, as `kubetutor run` prints it.
    let mut out = Capture::default();
    let mut printed = 0;
    let mut flush = |out: &Capture| {
        write_stdout(&out.text[printed..]);
        printed = out.text.len();
    };
    for cmd in lexer::split_commands(text) {
        // As in the REPL, `exit` leaves (and is not journaled); in a pod's shell it goes
        // to that shell.
        let word = cmd.text.trim();
        if runner.session.attached.is_none() && (word == "exit" || word == "quit") {
            break;
        }
        let stop = runner.run_command(&cmd, &mut out);
        // Saved before it is shown: a reader gone from the pipe ends the process on
        // the next write, and the command's work is already kept.
        saved.save(&runner, &mut Terminal);
        flush(&out);
        if stop {
            break;
        }
    }
    runner.end(&mut out);
    saved.save(&runner, &mut Terminal);
    flush(&out);
    !runner.failed
}
