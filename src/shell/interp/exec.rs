//! Running the tree: lists, and-or lists, pipelines (stage by stage, each in a subshell,
//! the output of one the input of the next), compound commands, functions and subshells.
//! Simple commands are in `simple.rs`.

use super::{Cx, Flow, Res, Shell};
use crate::shell::ast::*;
use crate::shell::io::{Input, Io};
use crate::shell::pattern;

impl Shell {
    pub(crate) fn run_list(&mut self, cx: &mut Cx, list: &List, io: &Io) -> Res {
        let mut status = 0;
        for item in &list.0 {
            status = self.run_and_or(cx, item, io)?;
        }
        Ok(status)
    }

    fn run_and_or(&mut self, cx: &mut Cx, ao: &AndOr, io: &Io) -> Res {
        let n = ao.rest.len();
        let mut status = self.run_pipeline_checked(cx, &ao.first, io, n > 0)?;
        for (i, (connector, p)) in ao.rest.iter().enumerate() {
            let go = match connector {
                Connector::And => status == 0,
                Connector::Or => status != 0,
            };
            if go {
                status = self.run_pipeline_checked(cx, p, io, i + 1 < n)?;
            }
        }
        Ok(status)
    }

    /// Runs a pipeline, records `$?`, and applies `set -e` unless the pipeline is a
    /// condition.
    fn run_pipeline_checked(&mut self, cx: &mut Cx, p: &Pipeline, io: &Io, condition: bool) -> Res {
        if condition {
            cx.condition += 1;
        }
        let r = self.run_pipeline(cx, p, io);
        if condition {
            cx.condition -= 1;
        }
        let status = r?;
        self.state.last_status = status;
        if self.state.opts.errexit && status != 0 && cx.condition == 0 && !p.negated && !condition {
            return Err(Flow::Exit(status));
        }
        Ok(status)
    }

    fn run_pipeline(&mut self, cx: &mut Cx, p: &Pipeline, io: &Io) -> Res {
        if p.negated {
            cx.condition += 1;
        }
        let r = if p.commands.len() == 1 {
            self.run_command(cx, &p.commands[0], io)
        } else {
            self.run_stages(cx, &p.commands, io)
        };
        if p.negated {
            cx.condition -= 1;
        }
        let status = r?;
        Ok(if p.negated {
            (status == 0) as i32
        } else {
            status
        })
    }

    /// `a | b | c`: each stage in a subshell, one after another.
    fn run_stages(&mut self, cx: &mut Cx, commands: &[Command], io: &Io) -> Res {
        let mut input: Option<String> = None;
        let (mut status, mut failed) = (0, 0);
        for (i, command) in commands.iter().enumerate() {
            let last = i + 1 == commands.len();
            let mut stage_io = io.clone();
            if let Some(text) = input.take() {
                stage_io.stdin = Some(Input::shared(text));
            }
            if !last {
                stage_io.fds[1] = cx.out.push_buf();
            }
            let r = self.subshell(cx, |sh, cx| sh.run_command(cx, command, &stage_io));
            if !last {
                input = Some(cx.out.pop_buf());
            }
            status = r?;
            if status != 0 {
                failed = status;
            }
        }
        Ok(if self.state.opts.pipefail && status == 0 {
            failed
        } else {
            status
        })
    }

    /// Runs `f` in a copy of the shell: its variables, functions, directory and options
    /// are thrown away afterwards; `exit` and errors end only the copy.
    pub(crate) fn subshell(
        &mut self,
        cx: &mut Cx,
        f: impl FnOnce(&mut Shell, &mut Cx) -> Res,
    ) -> Res {
        cx.enter(&self.limits)?;
        let saved = self.state.clone();
        let (loops, funcs, sourcing, locals) = (cx.loops, cx.funcs, cx.sourcing, cx.locals.len());
        let r = f(self, cx);
        self.state = saved;
        (cx.loops, cx.funcs, cx.sourcing) = (loops, funcs, sourcing);
        cx.locals.truncate(locals);
        cx.leave();
        match r {
            Ok(s) | Err(Flow::Exit(s) | Flow::Error(s) | Flow::Return(s)) => Ok(s),
            Err(Flow::Break(_) | Flow::Continue(_)) => Ok(0),
            Err(Flow::Limit) => Err(Flow::Limit),
        }
    }

    pub(crate) fn run_command(&mut self, cx: &mut Cx, cmd: &Command, io: &Io) -> Res {
        cx.line = cx.base + cmd.line;
        match &cmd.kind {
            CommandKind::Simple(simple) => self.run_simple(cx, cmd, simple, io),
            CommandKind::Function(def) => {
                cx.tick(&self.limits)?;
                self.state
                    .functions
                    .insert(def.name.clone(), (def.clone(), cx.base));
                Ok(0)
            }
            CommandKind::Compound(compound) => {
                cx.tick(&self.limits)?;
                cx.enter(&self.limits)?;
                let r = self.with_redirects(cx, &cmd.redirects, io, |sh, cx, rio| {
                    sh.run_compound(cx, compound, rio)
                });
                cx.leave();
                r
            }
        }
    }

    fn run_compound(&mut self, cx: &mut Cx, compound: &Compound, io: &Io) -> Res {
        match compound {
            Compound::Brace(list) => self.run_list(cx, list, io),
            Compound::Subshell(list) => self.subshell(cx, |sh, cx| sh.run_list(cx, list, io)),
            Compound::For { var, items, body } => {
                let values = match items {
                    Some(words) => self.expand_words(cx, words, io)?,
                    None => self.state.positional.clone(),
                };
                let mut status = 0;
                cx.loops += 1;
                let r = (|| {
                    for v in values {
                        self.assign(cx, var, v)?;
                        match self.run_list(cx, body, io) {
                            Ok(s) => status = s,
                            Err(Flow::Break(n)) if n > 1 => return Err(Flow::Break(n - 1)),
                            Err(Flow::Break(_)) => break,
                            Err(Flow::Continue(n)) if n > 1 => return Err(Flow::Continue(n - 1)),
                            Err(Flow::Continue(_)) => continue,
                            Err(e) => return Err(e),
                        }
                    }
                    Ok(status)
                })();
                cx.loops -= 1;
                r
            }
            Compound::Loop { until, cond, body } => {
                let mut status = 0;
                cx.loops += 1;
                let r = (|| loop {
                    cx.tick(&self.limits)?;
                    cx.condition += 1;
                    let c = self.run_list(cx, cond, io);
                    cx.condition -= 1;
                    let c = match c {
                        Ok(s) => s,
                        Err(Flow::Break(n)) if n > 1 => return Err(Flow::Break(n - 1)),
                        Err(Flow::Break(_)) => return Ok(status),
                        Err(Flow::Continue(n)) if n > 1 => return Err(Flow::Continue(n - 1)),
                        Err(Flow::Continue(_)) => continue,
                        Err(e) => return Err(e),
                    };
                    if (c == 0) == *until {
                        return Ok(status);
                    }
                    match self.run_list(cx, body, io) {
                        Ok(s) => status = s,
                        Err(Flow::Break(n)) if n > 1 => return Err(Flow::Break(n - 1)),
                        Err(Flow::Break(_)) => return Ok(status),
                        Err(Flow::Continue(n)) if n > 1 => return Err(Flow::Continue(n - 1)),
                        Err(Flow::Continue(_)) => continue,
                        Err(e) => return Err(e),
                    }
                })();
                cx.loops -= 1;
                r
            }
            Compound::If {
                branches,
                otherwise,
            } => {
                for (cond, body) in branches {
                    cx.condition += 1;
                    let c = self.run_list(cx, cond, io);
                    cx.condition -= 1;
                    if c? == 0 {
                        return self.run_list(cx, body, io);
                    }
                }
                match otherwise {
                    Some(body) => self.run_list(cx, body, io),
                    None => Ok(0),
                }
            }
            Compound::Case { word, arms } => {
                let subject = self.expand_string(cx, word, io)?;
                let subject: Vec<char> = subject.chars().collect();
                for arm in arms {
                    for p in &arm.patterns {
                        let pat = self.expand_pattern(cx, p, io)?;
                        if pattern::Pattern::new(&pat).matches(&subject) {
                            return self.run_list(cx, &arm.body, io);
                        }
                    }
                }
                Ok(0)
            }
        }
    }

    /// Calls a shell function with `args` as its positional parameters.
    pub(crate) fn call_function(
        &mut self,
        cx: &mut Cx,
        def: &FunctionDef,
        base: usize,
        args: Vec<String>,
        io: &Io,
    ) -> Res {
        cx.enter(&self.limits)?;
        let saved_args = std::mem::replace(&mut self.state.positional, args);
        let (saved_base, saved_loops) = (cx.base, cx.loops);
        cx.base = base;
        cx.loops = 0;
        cx.funcs += 1;
        cx.locals.push(Vec::new());
        let r = self.run_command(cx, &def.body, io);
        if let Some(frame) = cx.locals.pop() {
            for (name, old) in frame.into_iter().rev() {
                match old {
                    Some(v) => {
                        self.state.vars.insert(name, v);
                    }
                    None => {
                        self.state.vars.remove(&name);
                    }
                }
            }
        }
        cx.funcs -= 1;
        (cx.base, cx.loops) = (saved_base, saved_loops);
        self.state.positional = saved_args;
        cx.leave();
        match r {
            Err(Flow::Return(s)) => Ok(s),
            other => other,
        }
    }
}
