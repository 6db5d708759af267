//! The interpreter's state and entry points: a [`Shell`] keeps variables, functions, the
//! working directory, positional parameters and the line counter between the lines an
//! interactive user types; [`Shell::run`] parses and runs one text against a
//! [`Host`]. [`run_sh`] is the `sh` command itself (`sh -c 'script' arg0 args...`,
//! `sh file`, or a script on stdin).

mod exec;
mod redirect;
mod simple;

use super::io::{Io, Output};
use super::limits::Limits;
use super::parse::{self, SyntaxError};
use super::{Dialect, Host, Invocation};
use crate::kubectl::output::Sink;
use std::collections::BTreeMap;
use std::rc::Rc;

/// How a [`Shell::run`] ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The text ran; the shell goes on (the status of its last command).
    Done(i32),
    /// `exit` ran (or, in a non-interactive shell, an error ended it): the caller ends
    /// the session with this status.
    Exit(i32),
}

impl Status {
    pub fn code(self) -> i32 {
        match self {
            Status::Done(c) | Status::Exit(c) => c,
        }
    }
}

/// One shell variable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Var {
    pub value: String,
    pub exported: bool,
    pub readonly: bool,
}

/// `set -e`, `set -x`, ...
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub errexit: bool,
    pub xtrace: bool,
    pub nounset: bool,
    pub noglob: bool,
    pub pipefail: bool,
}

/// Everything a subshell copies and throws away.
#[derive(Clone, Debug)]
pub struct State {
    pub vars: BTreeMap<String, Var>,
    pub positional: Vec<String>,
    /// `$0`: the shell's name in messages.
    pub arg0: String,
    /// Functions by name, with the line offset of the text that defined them.
    pub functions: BTreeMap<String, (Rc<super::ast::FunctionDef>, usize)>,
    pub cwd: String,
    pub last_status: i32,
    pub opts: Options,
    /// The `EXIT` trap's command.
    pub exit_trap: Option<String>,
}

/// A POSIX shell with its state (see the module doc).
pub struct Shell {
    pub dialect: Dialect,
    pub limits: Limits,
    pub state: State,
    /// Interactive shells keep going after errors and count lines across runs.
    pub interactive: bool,
    /// The script's name for messages (`sh script.sh`), None for `-c` and interactive.
    pub script_name: Option<String>,
    /// `$$`.
    pub pid: u32,
    /// Lines read before the current text (dash numbers its messages by it).
    lines_read: usize,
}

/// Why execution stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Break(usize),
    Continue(usize),
    Return(i32),
    Exit(i32),
    /// An error that ends the command line (an interactive shell) or the shell; its
    /// message was printed.
    Error(i32),
    /// A sandbox bound; its message was printed and everything stops.
    Limit,
}

pub type Res = Result<i32, Flow>;

/// The state of one run that does not outlive it.
pub struct Cx<'h, 'o> {
    pub host: &'h mut dyn Host,
    pub out: Output<'o>,
    pub commands: u64,
    pub depth: usize,
    /// Loops around the current command (for `break`/`continue`).
    pub loops: usize,
    /// Function calls around it (for `return`).
    pub funcs: usize,
    /// `.` files being read.
    pub sourcing: usize,
    /// Inside an `if`/`while` condition or the left of `&&`/`||`: `set -e` does not apply.
    pub condition: usize,
    /// The absolute line of the command running (for messages).
    pub line: usize,
    /// Lines before the text whose commands are running.
    pub base: usize,
    /// The status of the last command substitution (an assignment-only command's status).
    pub subst_status: Option<i32>,
    /// `local` variables' previous values, one frame per function call.
    pub locals: Vec<Vec<(String, Option<Var>)>>,
}

impl Cx<'_, '_> {
    /// Counts one command against the budget.
    pub fn tick(&mut self, limits: &Limits) -> Result<(), Flow> {
        if self.out.truncated {
            return Err(Flow::Limit);
        }
        self.commands += 1;
        if self.commands > limits.max_commands {
            self.out.notice(&format!(
                "kubetutor: stopped after {} commands (the sandbox's limit for one command line)\n",
                limits.max_commands
            ));
            return Err(Flow::Limit);
        }
        Ok(())
    }

    /// One level deeper (compound commands, functions, subshells, substitutions).
    pub fn enter(&mut self, limits: &Limits) -> Result<(), Flow> {
        self.depth += 1;
        if self.depth > limits.max_depth {
            self.out.notice(&format!(
                "kubetutor: commands nested more than {} levels deep (the sandbox's limit); stopped\n",
                limits.max_depth
            ));
            return Err(Flow::Limit);
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

impl Shell {
    /// An interactive shell with `env` as its exported variables, in `cwd`.
    pub fn new(dialect: Dialect, env: Vec<(String, String)>, cwd: &str) -> Shell {
        let mut vars = BTreeMap::new();
        for (k, v) in env {
            vars.insert(
                k,
                Var {
                    value: v,
                    exported: true,
                    readonly: false,
                },
            );
        }
        let arg0 = match dialect {
            Dialect::Bash => "bash",
            Dialect::Ash | Dialect::Dash => "sh",
        };
        let mut shell = Shell {
            dialect,
            limits: Limits::default(),
            state: State {
                vars,
                positional: Vec::new(),
                arg0: arg0.to_string(),
                functions: BTreeMap::new(),
                cwd: if cwd.is_empty() {
                    "/".into()
                } else {
                    cwd.to_string()
                },
                last_status: 0,
                opts: Options::default(),
                exit_trap: None,
            },
            interactive: true,
            script_name: None,
            pid: 1,
            lines_read: 0,
        };
        shell.state.vars.entry("IFS".into()).or_insert(Var {
            value: " \t\n".into(),
            ..Default::default()
        });
        let cwd = shell.state.cwd.clone();
        shell.set_exported("PWD", &cwd);
        shell
    }

    /// Whether `text` is an unfinished command (an open quote, compound command,
    /// here-document, trailing `|`, `&&` or `\`): the REPL then prompts `> ` for more.
    pub fn incomplete(text: &str) -> bool {
        parse::incomplete(text)
    }

    /// The primary prompt: busybox ash's `\w \$ ` (`/ # `, `~ # `), dash's `# `; for bash
    /// the caller decides (this gives `$ `).
    pub fn prompt(&self) -> String {
        match self.dialect {
            Dialect::Ash => {
                let cwd = &self.state.cwd;
                let home = self.var("HOME").unwrap_or("");
                let shown = if !home.is_empty() && home != "/" && cwd == home {
                    "~".to_string()
                } else if !home.is_empty() && home != "/" && cwd.starts_with(&format!("{home}/")) {
                    format!("~{}", &cwd[home.len()..])
                } else {
                    cwd.clone()
                };
                format!("{shown} # ")
            }
            Dialect::Dash => "# ".into(),
            Dialect::Bash => "$ ".into(),
        }
    }

    pub fn cwd(&self) -> &str {
        &self.state.cwd
    }

    pub fn var(&self, name: &str) -> Option<&str> {
        self.state.vars.get(name).map(|v| v.value.as_str())
    }

    /// Sets a shell variable (not exported unless it already was).
    pub fn set_var(&mut self, name: &str, value: &str) {
        let v = self.state.vars.entry(name.to_string()).or_default();
        v.value = value.to_string();
    }

    pub fn set_exported(&mut self, name: &str, value: &str) {
        let v = self.state.vars.entry(name.to_string()).or_default();
        v.value = value.to_string();
        v.exported = true;
    }

    /// The exported variables, sorted by name (a command's environment).
    pub fn env(&self) -> Vec<(String, String)> {
        self.state
            .vars
            .iter()
            .filter(|(_, v)| v.exported)
            .map(|(k, v)| (k.clone(), v.value.clone()))
            .collect()
    }

    pub fn last_status(&self) -> i32 {
        self.state.last_status
    }

    /// `$0` and the positional parameters.
    pub fn set_args(&mut self, arg0: &str, args: &[String]) {
        self.state.arg0 = arg0.to_string();
        self.state.positional = args.to_vec();
    }

    /// Parses and runs `text` (one or more lines) with nothing on stdin.
    pub fn run(&mut self, text: &str, host: &mut dyn Host, io: &mut dyn Sink) -> Status {
        self.run_input(text, None, host, io)
    }

    /// Like [`Shell::run`], with `stdin` as what the commands read.
    pub fn run_input(
        &mut self,
        text: &str,
        stdin: Option<&str>,
        host: &mut dyn Host,
        sink: &mut dyn Sink,
    ) -> Status {
        let base = self.lines_read;
        self.lines_read += text.lines().count().max(1);
        let mut cx = Cx {
            host,
            out: Output::new(sink, self.limits.max_output_bytes),
            commands: 0,
            depth: 0,
            loops: 0,
            funcs: 0,
            sourcing: 0,
            condition: 0,
            line: base + 1,
            base,
            subst_status: None,
            locals: Vec::new(),
        };
        if text.len() > self.limits.max_script_bytes {
            let e = SyntaxError {
                kind: parse::SyntaxKind::TooLong(self.limits.max_script_bytes),
                line: 1,
                at_eof: false,
            };
            return self.syntax_failure(&mut cx, &e, text);
        }
        let parsed = match parse::parse(text, self.dialect, self.limits.max_depth) {
            Ok(p) => p,
            Err(e) => return self.syntax_failure(&mut cx, &e, text),
        };
        if let (Dialect::Bash, Some(open)) = (self.dialect, &parsed.heredoc_at_eof) {
            let line = base + open.line;
            let msg = format!(
                "{}warning: here-document at line {line} delimited by end-of-file (wanted `{}')\n",
                self.prefix(None, line),
                open.delimiter
            );
            cx.out.write(super::io::Target::Stderr, &msg);
        }
        let io = Io::terminal(stdin);
        let result = self.run_list(&mut cx, &parsed.list, &io);
        self.finish(&mut cx, result)
    }

    fn syntax_failure(&mut self, cx: &mut Cx, e: &SyntaxError, text: &str) -> Status {
        let mut line = cx.base + e.line;
        let at_end = matches!(
            &e.kind,
            parse::SyntaxKind::Unexpected {
                found: parse::Found::Eof,
                ..
            }
        );
        if self.dialect == Dialect::Bash && at_end {
            // bash counts the end of the text as a line of its own.
            line = cx.base + text.lines().count() + 1;
        }
        let msg = e.message(self.dialect);
        let mut out = if e.is_limit() {
            format!("{msg}\n")
        } else if self.dialect == Dialect::Bash && !self.interactive {
            let script = self.script_name.clone().unwrap_or_else(|| "-c".into());
            format!("{}: {script}: line {line}: {msg}\n", self.state.arg0)
        } else {
            format!("{}{msg}\n", self.prefix(None, line))
        };
        if self.dialect == Dialect::Bash
            && !self.interactive
            && e.bash_quotes_line()
            && !e.is_limit()
        {
            let src = text.lines().nth(e.line.saturating_sub(1)).unwrap_or("");
            let script = self.script_name.clone().unwrap_or_else(|| "-c".into());
            out.push_str(&format!(
                "{}: {script}: line {line}: `{src}'\n",
                self.state.arg0
            ));
        }
        cx.out.write(super::io::Target::Stderr, &out);
        self.state.last_status = 2;
        if self.interactive {
            Status::Done(2)
        } else {
            Status::Exit(2)
        }
    }

    fn finish(&mut self, cx: &mut Cx, result: Res) -> Status {
        let status = match result {
            Ok(s) | Err(Flow::Return(s)) => Status::Done(s),
            Err(Flow::Break(_) | Flow::Continue(_)) => Status::Done(0),
            Err(Flow::Exit(s)) => Status::Exit(s),
            Err(Flow::Error(s)) if self.interactive => Status::Done(s),
            Err(Flow::Error(s)) => Status::Exit(s),
            Err(Flow::Limit) => Status::Done(2),
        };
        self.state.last_status = status.code();
        // The EXIT trap runs when the shell ends: at `exit`, or at the end of a
        // non-interactive shell's script.
        let ends = matches!(status, Status::Exit(_)) || !self.interactive;
        if let (true, Some(trap)) = (ends, self.state.exit_trap.take()) {
            let io = Io::terminal(None);
            if let Ok(parsed) = parse::parse(&trap, self.dialect, self.limits.max_depth) {
                let _ = self.run_list(cx, &parsed.list, &io);
            }
            self.state.last_status = status.code();
        }
        status
    }

    /// A message prefix as the shell prints it before an error: dash's `sh: 1: `, busybox
    /// ash's `sh: ` (`sh: cd: line 1: ` when not interactive), bash's `bash: ` or
    /// `bash: line 1: `, with the builtin's name when a builtin complains.
    pub fn prefix(&self, builtin: Option<&str>, line: usize) -> String {
        let arg0 = &self.state.arg0;
        let b = builtin.map(|b| format!("{b}: ")).unwrap_or_default();
        match self.dialect {
            Dialect::Dash => format!("{arg0}: {line}: {b}"),
            Dialect::Ash => {
                let mut p = format!("{arg0}: ");
                let commandname = builtin.map(str::to_string).or(self.script_name.clone());
                if let Some(cn) = commandname {
                    if cn != *arg0 {
                        p.push_str(&format!("{cn}: "));
                    }
                    if !self.interactive {
                        p.push_str(&format!("line {line}: "));
                    }
                }
                p
            }
            Dialect::Bash if self.interactive => format!("{arg0}: {b}"),
            Dialect::Bash => format!("{arg0}: line {line}: {b}"),
        }
    }
}

/// The `sh` command: `sh -c 'script' [arg0 [args...]]`, `sh [-ex] file [args...]` (read
/// through the host), or `sh` reading its script from stdin. Non-interactive: an error
/// that ends a shell ends this one. Returns the exit status.
pub fn run_sh(
    dialect: Dialect,
    inv: &Invocation<'_>,
    host: &mut dyn Host,
    io: &mut dyn Sink,
) -> i32 {
    let mut shell = Shell::new(dialect, inv.env.to_vec(), inv.cwd);
    shell.interactive = false;
    let name = inv.argv.first().cloned().unwrap_or_else(|| "sh".into());
    shell.state.arg0 = name.rsplit('/').next().unwrap_or("sh").to_string();
    let mut args = inv.argv.iter().skip(1).peekable();
    let mut command: Option<String> = None;
    while let Some(a) = args.peek() {
        if a.as_str() == "--" {
            args.next();
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            break;
        }
        let a = args.next().cloned().unwrap_or_default();
        for flag in a[1..].chars() {
            match flag {
                'c' => command = Some(String::new()),
                'e' => shell.state.opts.errexit = true,
                'x' => shell.state.opts.xtrace = true,
                'u' => shell.state.opts.nounset = true,
                'f' => shell.state.opts.noglob = true,
                _ => {}
            }
        }
    }
    let rest: Vec<String> = args.cloned().collect();
    let (text, stdin) = match command {
        Some(_) => {
            let Some(script) = rest.first() else {
                io.err(&format!("{}: -c requires an argument\n", shell.state.arg0));
                return 2;
            };
            if let Some(a0) = rest.get(1) {
                shell.state.arg0 = a0.clone();
                if dialect == Dialect::Ash {
                    // busybox takes a given $0 as the command name: `name: line 1: ...`.
                    shell.script_name = Some(a0.clone());
                }
            }
            shell.state.positional = rest.iter().skip(2).cloned().collect();
            (script.clone(), inv.stdin)
        }
        None => match rest.first() {
            Some(file) => match host.read_file(inv.cwd, file) {
                Ok(text) => {
                    shell.state.arg0 = file.clone();
                    shell.script_name = Some(file.clone());
                    shell.state.positional = rest[1..].to_vec();
                    (text, inv.stdin)
                }
                Err(e) => {
                    let msg = match dialect {
                        Dialect::Dash => format!(
                            "{}: 0: cannot open {file}: No such file\n",
                            shell.state.arg0
                        ),
                        Dialect::Ash => format!(
                            "{}: can't open '{file}': {}\n",
                            shell.state.arg0,
                            e.strerror()
                        ),
                        Dialect::Bash => {
                            format!("{}: {file}: {}\n", shell.state.arg0, e.strerror())
                        }
                    };
                    io.err(&msg);
                    return if dialect == Dialect::Dash { 2 } else { 127 };
                }
            },
            None => (inv.stdin.unwrap_or("").to_string(), None),
        },
    };
    shell.run_input(&text, stdin, host, io).code()
}
