//! The REPL's own commands: the words the prompt handles itself before a line goes to the
//! sandbox's shell (`help`, `speed`, `lessons`, `clear`, `exit`, `set -o vi`). A command
//! may decline a line (return None), which then runs in the shell as usual (`set -e`).
//!
//! Commands that should also work in scripted files belong in the shell's host
//! (`crate::script::host`), not here: this table is for what needs the terminal, the
//! editor or the wall clock.

use super::clock::{parse_speed, WallClock};
use super::help;
use crate::kubectl::output::Sink;
use crate::script::runner::Runner;
use rustyline::EditMode;

/// What a command may touch.
pub struct Ctx<'a> {
    pub runner: &'a mut Runner,
    pub clock: &'a mut WallClock,
    pub sink: &'a mut dyn Sink,
    /// Set to switch the editor's key bindings after this command.
    pub edit_mode: Option<EditMode>,
    /// Set to clear the screen after this command.
    pub clear_screen: bool,
}

/// What happens after a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Back to the prompt; the command's exit status.
    Continue(i32),
    /// Leave the REPL.
    Exit,
}

/// One REPL command. `about` empty: not listed in `help`.
pub struct ReplCommand {
    pub name: &'static str,
    pub usage: &'static str,
    pub about: &'static str,
    /// Runs the command with its arguments (split on blanks); None declines the line.
    pub run: fn(&mut Ctx, &[String]) -> Option<Flow>,
}

/// Every REPL command, in the order `help` lists them. Sandbox commands such as `reset`,
/// `save`, `load`, `undo`, `time`, `advance` and `map` are added as rows here when they
/// need the terminal, or in the script host when scripts should have them too.
pub static COMMANDS: &[ReplCommand] = &[
    ReplCommand {
        name: "help",
        usage: "help [VERB]",
        about: "What works here; `help get` shows a verb's flags",
        run: help_cmd,
    },
    ReplCommand {
        name: "lessons",
        usage: "lessons [NAME]",
        about: "List the lessons, or start one",
        run: lessons,
    },
    ReplCommand {
        name: "speed",
        usage: "speed [X]",
        about: "Show or set cluster time's speed (10: ten times real time)",
        run: speed,
    },
    ReplCommand {
        name: "clear",
        usage: "clear",
        about: "Clear the screen",
        run: clear,
    },
    ReplCommand {
        name: "set",
        usage: "set -o vi|emacs",
        about: "Switch the editor's key bindings",
        run: set_mode,
    },
    ReplCommand {
        name: "exit",
        usage: "exit",
        about: "Leave the sandbox (Ctrl-D does too)",
        run: exit,
    },
    ReplCommand {
        name: "quit",
        usage: "quit",
        about: "",
        run: exit,
    },
];

/// The command a line names, with its arguments, when the line is a plain list of words
/// (no quotes, pipes, variables or redirections: such a line is the shell's).
pub fn lookup(text: &str) -> Option<(&'static ReplCommand, Vec<String>)> {
    if text.contains(|c: char| "|&;<>()$`'\"\\*?[#~=".contains(c)) {
        return None;
    }
    let mut words = text.split_whitespace().map(String::from);
    let name = words.next()?;
    let cmd = COMMANDS.iter().find(|c| c.name == name)?;
    Some((cmd, words.collect()))
}

fn help_cmd(ctx: &mut Ctx, args: &[String]) -> Option<Flow> {
    let text = if args.is_empty() {
        help::overview(COMMANDS)
    } else {
        help::topic(args, COMMANDS)
    };
    ctx.sink.out(&text);
    Some(Flow::Continue(0))
}

/// The lessons catalogue plugs in here (listing names and starting one); completion
/// takes its names from `Repl::lessons`.
fn lessons(ctx: &mut Ctx, _args: &[String]) -> Option<Flow> {
    ctx.sink.err(
        "kubetutor: no lessons are installed in this build yet; `help` lists what you can try.\n",
    );
    Some(Flow::Continue(1))
}

fn speed(ctx: &mut Ctx, args: &[String]) -> Option<Flow> {
    match args {
        [] => {
            ctx.sink.out(&format!(
                "speed {}: one second of wall time is {} of cluster time\n",
                fmt_speed(ctx.clock.speed()),
                seconds(ctx.clock.speed())
            ));
            Some(Flow::Continue(0))
        }
        [x] => match parse_speed(x) {
            Ok(v) => {
                // Time until now counts at the old speed.
                let ms = ctx.clock.take();
                ctx.runner.session.cluster.advance(ms);
                ctx.clock.set_speed(v);
                ctx.sink.out(&format!(
                    "speed {}: one second of wall time is {} of cluster time\n",
                    fmt_speed(v),
                    seconds(v)
                ));
                Some(Flow::Continue(0))
            }
            Err(e) => {
                ctx.sink.err(&format!("speed: {e}\n"));
                Some(Flow::Continue(1))
            }
        },
        _ => {
            ctx.sink
                .err("speed: too many arguments (usage: speed [X])\n");
            Some(Flow::Continue(1))
        }
    }
}

fn fmt_speed(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn seconds(v: f64) -> String {
    let s = fmt_speed(v);
    if s == "1" {
        "1 second".into()
    } else {
        format!("{s} seconds")
    }
}

fn clear(ctx: &mut Ctx, _args: &[String]) -> Option<Flow> {
    ctx.clear_screen = true;
    Some(Flow::Continue(0))
}

fn set_mode(ctx: &mut Ctx, args: &[String]) -> Option<Flow> {
    let mode = match args {
        [o, m] if o == "-o" && m == "vi" => EditMode::Vi,
        [o, m] if o == "-o" && m == "emacs" => EditMode::Emacs,
        _ => return None,
    };
    ctx.edit_mode = Some(mode);
    Some(Flow::Continue(0))
}

fn exit(_ctx: &mut Ctx, args: &[String]) -> Option<Flow> {
    // `exit 3` is the shell's (it sets a status); a bare `exit` leaves.
    args.is_empty().then_some(Flow::Exit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::output::Capture;
    use crate::script::runner::RunOptions;

    fn run(line: &str) -> (Option<Flow>, Capture, f64, Option<EditMode>) {
        let mut runner = Runner::new(RunOptions::default());
        let mut clock = WallClock::new(1.0);
        let mut out = Capture::default();
        let mut ctx = Ctx {
            runner: &mut runner,
            clock: &mut clock,
            sink: &mut out,
            edit_mode: None,
            clear_screen: false,
        };
        let flow = lookup(line).and_then(|(c, args)| (c.run)(&mut ctx, &args));
        let mode = ctx.edit_mode;
        (flow, out, clock.speed(), mode)
    }

    #[test]
    fn plain_words_only() {
        assert!(lookup("help get").is_some());
        assert!(lookup("help | grep get").is_none());
        assert!(lookup("kubectl get pods").is_none());
        assert!(lookup("  speed   2 ").is_some_and(|(c, a)| c.name == "speed" && a == ["2"]));
    }

    #[test]
    fn speed_shows_and_sets() {
        let (flow, out, speed, _) = run("speed 10");
        assert_eq!(flow, Some(Flow::Continue(0)));
        assert_eq!(speed, 10.0);
        assert_eq!(
            out.stdout,
            "speed 10: one second of wall time is 10 seconds of cluster time\n"
        );
        let (flow, out, speed, _) = run("speed 0");
        assert_eq!(flow, Some(Flow::Continue(1)));
        assert_eq!(speed, 1.0);
        assert!(out.stderr.starts_with("speed: invalid speed \"0\""));
        assert_eq!(
            run("speed").1.stdout,
            "speed 1: one second of wall time is 1 second of cluster time\n"
        );
    }

    #[test]
    fn set_o_switches_modes_and_other_sets_go_to_the_shell() {
        assert_eq!(run("set -o vi").3, Some(EditMode::Vi));
        assert_eq!(run("set -o emacs").3, Some(EditMode::Emacs));
        assert_eq!(run("set -e").0, None);
        assert_eq!(run("exit").0, Some(Flow::Exit));
        assert_eq!(run("exit 2").0, None);
    }
}
