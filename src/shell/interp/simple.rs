//! Simple commands: expand the words and assignments, apply the redirections, then find
//! the command: a special builtin, a function, a regular builtin, or the host. Assignments
//! before a special builtin stay; before anything else they last for that command only.

use super::{Cx, Flow, Res, Shell};
use crate::shell::ast::{Command, Simple};
use crate::shell::builtins;
use crate::shell::io::{Io, Route};
use crate::shell::{Dialect, Invocation};

impl Shell {
    pub(crate) fn run_simple(
        &mut self,
        cx: &mut Cx,
        cmd: &Command,
        simple: &Simple,
        io: &Io,
    ) -> Res {
        cx.tick(&self.limits)?;
        cx.subst_status = None;
        let argv = self.expand_words(cx, &simple.words, io)?;
        let mut assigns = Vec::new();
        for a in &simple.assigns {
            let value = self.expand_string(cx, &a.value, io)?;
            assigns.push((a.name.clone(), value));
        }
        if self.state.opts.xtrace {
            self.trace(cx, io, &assigns, &argv);
        }
        if argv.is_empty() {
            let status = cx.subst_status.unwrap_or(0);
            return self.with_redirects(cx, &cmd.redirects, io, |sh, cx, _| {
                for (name, value) in assigns {
                    sh.assign(cx, &name, value)?;
                }
                Ok(status)
            });
        }
        let writer = argv[0].clone();
        self.with_redirects_for(cx, &cmd.redirects, io, Some(&writer), |sh, cx, rio| {
            sh.dispatch(cx, argv, assigns, rio, true)
        })
    }

    /// Runs an expanded command. `functions`: whether functions are looked up (`command`
    /// skips them).
    pub(crate) fn dispatch(
        &mut self,
        cx: &mut Cx,
        argv: Vec<String>,
        assigns: Vec<(String, String)>,
        io: &Io,
        functions: bool,
    ) -> Res {
        let name = argv[0].as_str();
        if builtins::is_special(name) {
            for (n, v) in assigns {
                self.assign(cx, &n, v)?;
            }
            return self.run_builtin(cx, &argv, io);
        }
        if functions {
            if let Some((def, base)) = self.state.functions.get(name).cloned() {
                return self.with_temp_vars(cx, assigns, |sh, cx| {
                    sh.call_function(cx, &def, base, argv[1..].to_vec(), io)
                });
            }
        }
        if builtins::is_regular(name, self.dialect) {
            return self.with_temp_vars(cx, assigns, |sh, cx| sh.run_builtin(cx, &argv, io));
        }
        self.run_host(cx, &argv, &assigns, io)
    }

    fn with_temp_vars(
        &mut self,
        cx: &mut Cx,
        assigns: Vec<(String, String)>,
        f: impl FnOnce(&mut Shell, &mut Cx) -> Res,
    ) -> Res {
        if assigns.is_empty() {
            return f(self, cx);
        }
        let mut saved = Vec::new();
        for (name, value) in assigns {
            let old = self.state.vars.get(&name).cloned();
            self.assign(cx, &name, value)?;
            if let Some(v) = self.state.vars.get_mut(&name) {
                v.exported = true;
            }
            saved.push((name, old));
        }
        let r = f(self, cx);
        for (name, old) in saved.into_iter().rev() {
            match old {
                Some(v) => {
                    self.state.vars.insert(name, v);
                }
                None => {
                    self.state.vars.remove(&name);
                }
            }
        }
        r
    }

    fn run_host(
        &mut self,
        cx: &mut Cx,
        argv: &[String],
        assigns: &[(String, String)],
        io: &Io,
    ) -> Res {
        let mut env = self.env();
        for (n, v) in assigns {
            match env.iter_mut().find(|(k, _)| k == n) {
                Some(slot) => slot.1 = v.clone(),
                None => env.push((n.clone(), v.clone())),
            }
        }
        env.sort();
        let stdin: Option<String> = io.stdin.as_ref().map(|i| i.borrow().rest().to_string());
        let inv = Invocation {
            argv,
            stdin: stdin.as_deref(),
            env: &env,
            cwd: &self.state.cwd,
        };
        let mut route = Route {
            output: &mut cx.out,
            stdout: io.out(),
            stderr: io.err(),
        };
        match cx.host.run(&inv, &mut route) {
            Some(status) => Ok(status),
            None => {
                let name = &argv[0];
                let msg = match self.dialect {
                    Dialect::Bash if name.contains('/') => {
                        format!("{name}: No such file or directory")
                    }
                    Dialect::Bash => format!("{name}: command not found"),
                    Dialect::Dash | Dialect::Ash => format!("{name}: not found"),
                };
                let line = format!("{}{msg}\n", self.prefix(None, cx.line));
                cx.out.write(io.err(), &line);
                Ok(127)
            }
        }
    }

    /// Sets a variable as an assignment does: refused for read-only ones, bounded in size.
    pub(crate) fn assign(&mut self, cx: &mut Cx, name: &str, value: String) -> Result<(), Flow> {
        if value.len() > self.limits.max_var_bytes {
            cx.out.notice(&format!(
                "kubetutor: the value for {name} is longer than the sandbox's limit of {} bytes\n",
                self.limits.max_var_bytes
            ));
            return Err(Flow::Limit);
        }
        let var = self.state.vars.entry(name.to_string()).or_default();
        if var.readonly {
            let what = match self.dialect {
                Dialect::Bash => "readonly variable",
                Dialect::Dash | Dialect::Ash => "is read only",
            };
            let msg = format!("{}{name}: {what}\n", self.prefix(None, cx.line));
            cx.out.write(crate::shell::io::Target::Stderr, &msg);
            return Err(Flow::Error(self.error_status()));
        }
        var.value = value;
        Ok(())
    }

    /// `set -x`: `+ cmd args` on stderr (dash does not quote the words, bash and busybox
    /// do when they need it).
    fn trace(&self, cx: &mut Cx, io: &Io, assigns: &[(String, String)], argv: &[String]) {
        let q = |s: &str| {
            if self.dialect == Dialect::Dash {
                s.to_string()
            } else {
                builtins::quote(s)
            }
        };
        let mut words: Vec<String> = assigns
            .iter()
            .map(|(n, v)| format!("{n}={}", q(v)))
            .collect();
        words.extend(argv.iter().map(|a| q(a)));
        cx.out.write(io.err(), &format!("+ {}\n", words.join(" ")));
    }
}
