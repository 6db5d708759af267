//! Demo mode for classrooms (`kubetutor run --demo FILE`): each command of a file is
//! typed out at a readable speed, then waits for the presenter. Enter runs it; a line
//! typed instead runs first (echoed at the prompt like any command), and the pause
//! repeats. `--pause N` waits N seconds instead of for Enter (a line typed meanwhile
//! still runs). Comments just before a command are shown as narration.
//!
//! The cluster runs as in any scripted file (one tick of virtual time per command), so
//! a demo's output depends only on the file and what the presenter types. Sleeping on
//! the wall clock is presentation only: typing and pauses never touch the cluster, and
//! without a terminal (tests, pipes) nothing sleeps and the screen is what a terminal
//! shows once the presenter's keystrokes are taken back.

use super::lexer::{self, ScriptLine};
use super::runner::{RunOptions, Runner};
use crate::kubectl::output::Capture;
use std::io::{BufRead, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// How a demo is shown.
#[derive(Clone, Debug)]
pub struct DemoOptions {
    /// Typing speed in characters per second; 0 types at once.
    pub chars_per_second: f64,
    /// Wait this long instead of for Enter (0: never wait).
    pub pause: Option<Duration>,
    /// The screen is a terminal: the presenter's typed line is echoed by it and is
    /// taken back with escape codes; commands are bold and narration dim.
    pub terminal: bool,
    /// Bold and dim styling (a terminal without `NO_COLOR`).
    pub style: bool,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            chars_per_second: 25.0,
            pause: None,
            terminal: false,
            style: false,
        }
    }
}

/// What the presenter typed at a pause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Enter (the terminal has echoed its newline): run the next command.
    Enter,
    /// The pause ran out, or the input ended: run the next command.
    Elapsed,
    /// A command to run before it.
    Extra(String),
}

/// The presenter's keyboard: lines arrive on a channel, so a timed pause can wait for
/// one without blocking on the terminal.
pub struct Presenter {
    lines: Receiver<String>,
}

impl Presenter {
    /// Lines from stdin, read on a thread of their own.
    pub fn stdin() -> Presenter {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Presenter { lines: rx }
    }

    /// Lines given in advance (tests).
    pub fn from_lines<I: IntoIterator<Item = String>>(lines: I) -> Presenter {
        let (tx, rx) = mpsc::channel();
        for l in lines {
            let _ = tx.send(l);
        }
        Presenter { lines: rx }
    }

    /// Waits for the presenter: for a line, or at most `pause` (a zero pause reads
    /// nothing, so a `--pause 0` run never depends on the timing of its input).
    pub fn wait(&self, pause: Option<Duration>) -> Cue {
        let line = match pause {
            None => self.lines.recv().ok(),
            Some(d) if d.is_zero() => None,
            Some(d) => self.lines.recv_timeout(d).ok(),
        };
        match line {
            None => Cue::Elapsed,
            Some(l) if l.trim().is_empty() => Cue::Enter,
            Some(l) => Cue::Extra(l.trim().to_string()),
        }
    }
}

/// Plays `text` (a command file) as a demo, writing the screen to `screen`. Returns
/// whether any command failed.
pub fn play(
    text: &str,
    options: RunOptions,
    demo: &DemoOptions,
    presenter: &Presenter,
    screen: &mut dyn Write,
) -> std::io::Result<bool> {
    let mut runner = Runner::new(RunOptions {
        quiet: true,
        ..options
    });
    let mut show = Screen {
        out: screen,
        demo,
        open_line: false,
    };
    if demo.terminal {
        // A clean screen to start from.
        show.write("\x1b[2J\x1b[H")?;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut next_line = 0;
    'commands: for cmd in lexer::split_commands(text) {
        let start = cmd.line.saturating_sub(1);
        show.narrate(lines.get(next_line..start).unwrap_or(&[]))?;
        next_line = start + cmd.lines.len();
        loop {
            let prompt = runner.prompt();
            let echo = cmd.echo_after(&prompt);
            // On a terminal the command is typed before the pause; without one the
            // pause comes first, so what the presenter adds is shown in its place.
            if demo.terminal {
                show.type_command(&prompt, &echo)?;
            }
            match presenter.wait(demo.pause) {
                cue @ (Cue::Enter | Cue::Elapsed) => {
                    if demo.terminal {
                        // After Enter the terminal has moved to the next line itself.
                        if cue == Cue::Elapsed {
                            show.write("\n")?;
                        }
                    } else {
                        show.type_command(&prompt, &echo)?;
                        show.write("\n")?;
                    }
                    if show.run(&mut runner, &cmd)? {
                        break 'commands;
                    }
                    break;
                }
                Cue::Extra(extra) => {
                    if demo.terminal {
                        // Take back the typed command and the presenter's echoed line.
                        show.write("\x1b[1A\r\x1b[J")?;
                    }
                    for extra_cmd in lexer::split_commands(&extra) {
                        let prompt = runner.prompt();
                        show.write(&show.bold(&extra_cmd.echo_after(&prompt), &prompt))?;
                        if show.run(&mut runner, &extra_cmd)? {
                            break 'commands;
                        }
                    }
                }
            }
        }
    }
    let mut tail = Capture::default();
    runner.end(&mut tail);
    show.output(&tail.text)?;
    show.out.flush()?;
    Ok(runner.failed)
}

/// The presenter's screen.
struct Screen<'a> {
    out: &'a mut dyn Write,
    demo: &'a DemoOptions,
    /// The last output did not end its line.
    open_line: bool,
}

impl Screen<'_> {
    fn write(&mut self, s: &str) -> std::io::Result<()> {
        self.out.write_all(s.as_bytes())?;
        self.out.flush()
    }

    /// `echo` with the text after the prompt in bold (when styled).
    fn bold(&self, echo: &str, prompt: &str) -> String {
        if !self.demo.style {
            return echo.to_string();
        }
        let body = echo.strip_prefix(prompt).unwrap_or(echo);
        let body = body.strip_suffix('\n').unwrap_or(body);
        format!("{prompt}\x1b[1m{body}\x1b[0m\n")
    }

    /// Comment lines before a command, shown as narration (a `#!` line is not).
    fn narrate(&mut self, lines: &[&str]) -> std::io::Result<()> {
        for l in lines {
            let l = l.trim();
            if !l.starts_with('#') || l.starts_with("#!") {
                continue;
            }
            let line = if self.demo.style {
                format!("\x1b[2m{l}\x1b[0m\n")
            } else {
                format!("{l}\n")
            };
            self.write(&line)?;
        }
        Ok(())
    }

    /// The prompt at once, then the command a character at a time (without its final
    /// newline: Enter is the presenter's).
    fn type_command(&mut self, prompt: &str, echo: &str) -> std::io::Result<()> {
        if self.open_line {
            self.write("\n")?;
            self.open_line = false;
        }
        let body = echo.strip_prefix(prompt).unwrap_or(echo);
        let body = body.strip_suffix('\n').unwrap_or(body);
        self.write(prompt)?;
        if self.demo.style {
            self.write("\x1b[1m")?;
        }
        let delay = (self.demo.terminal && self.demo.chars_per_second > 0.0)
            .then(|| Duration::from_secs_f64(1.0 / self.demo.chars_per_second));
        match delay {
            Some(d) => {
                let mut buf = [0u8; 4];
                for c in body.chars() {
                    self.write(c.encode_utf8(&mut buf))?;
                    std::thread::sleep(d);
                }
            }
            None => self.write(body)?,
        }
        if self.demo.style {
            self.write("\x1b[0m")?;
        }
        Ok(())
    }

    /// Runs a command and shows its output. Returns true when the demo should stop.
    fn run(&mut self, runner: &mut Runner, cmd: &ScriptLine) -> std::io::Result<bool> {
        let mut out = Capture::default();
        let stop = runner.step(cmd, &mut out);
        self.output(&out.text)?;
        Ok(stop)
    }

    fn output(&mut self, text: &str) -> std::io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        self.open_line = !text.ends_with('\n');
        self.write(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn play_plain(text: &str, presenter: &[&str], pause: Option<Duration>) -> (String, bool) {
        let presenter = Presenter::from_lines(presenter.iter().map(|s| s.to_string()));
        let mut screen = Vec::new();
        let failed = play(
            text,
            RunOptions::default(),
            &DemoOptions {
                pause,
                ..Default::default()
            },
            &presenter,
            &mut screen,
        )
        .expect("in-memory screen");
        (String::from_utf8(screen).expect("utf-8"), failed)
    }

    const FILE: &str = "#!/bin/kubetutor\n# A deployment of two pods.\n\
        kubectl create deployment web --image=nginx --replicas=2\n\n\
        # Count them.\nkubectl get deploy web -o jsonpath='{.spec.replicas}'\n\
        echo done\n";

    #[test]
    fn enter_runs_each_command_and_the_screen_is_a_transcript_with_narration() {
        let (screen, failed) = play_plain(FILE, &["", "", ""], None);
        assert!(!failed);
        assert_eq!(
            screen,
            "# A deployment of two pods.\n\
             $ kubectl create deployment web --image=nginx --replicas=2\n\
             deployment.apps/web created\n\
             # Count them.\n\
             $ kubectl get deploy web -o jsonpath='{.spec.replicas}'\n2\n\
             $ echo done\ndone\n"
        );
    }

    #[test]
    fn a_line_typed_at_a_pause_runs_first_and_the_pause_repeats() {
        let (screen, _) = play_plain(
            FILE,
            &[
                "",
                "kubectl get deploy web -o name",
                "echo extra; echo again",
                "",
            ],
            None,
        );
        assert_eq!(
            screen,
            "# A deployment of two pods.\n\
             $ kubectl create deployment web --image=nginx --replicas=2\n\
             deployment.apps/web created\n\
             # Count them.\n\
             $ kubectl get deploy web -o name\ndeployment.apps/web\n\
             $ echo extra; echo again\nextra\nagain\n\
             $ kubectl get deploy web -o jsonpath='{.spec.replicas}'\n2\n\
             $ echo done\ndone\n"
        );
    }

    #[test]
    fn a_zero_pause_reads_nothing_and_the_end_of_input_goes_on() {
        let (zero, _) = play_plain(FILE, &["echo never"], Some(Duration::ZERO));
        let (eof, _) = play_plain(FILE, &[], None);
        assert_eq!(zero, eof);
        assert!(!zero.contains("never"));
    }

    #[test]
    fn a_pod_shell_opened_in_a_demo_takes_the_following_lines() {
        let file = "kubectl run box --image=busybox --restart=Never -- sleep 3600\nsleep 10\n\
                    kubectl exec -it box -- sh\nhostname\nexit\n";
        let (screen, failed) = play_plain(file, &[], None);
        assert!(!failed, "{screen}");
        assert!(
            screen.ends_with("$ kubectl exec -it box -- sh\n/ # hostname\nbox\n/ # exit\n"),
            "{screen}"
        );
    }
}
