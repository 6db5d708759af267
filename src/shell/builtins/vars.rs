//! Builtins over variables and parameters: `export`, `readonly`, `unset`, `local`, `set`,
//! `shift` and `read`.

use super::{quote, squote};
use crate::shell::interp::{Cx, Flow, Res, Shell, Var};
use crate::shell::io::Io;
use crate::shell::parse::is_name;
use crate::shell::Dialect;

impl Shell {
    /// `export` and `readonly`: `NAME=value`, `NAME`, or `-p`/nothing to list.
    pub(super) fn export(&mut self, cx: &mut Cx, argv: &[String], io: &Io, readonly: bool) -> Res {
        let cmd = argv[0].as_str();
        let args: Vec<&String> = argv[1..].iter().filter(|a| a.as_str() != "-p").collect();
        if args.is_empty() {
            let mut out = String::new();
            for (name, v) in &self.state.vars {
                if (readonly && !v.readonly) || (!readonly && !v.exported) {
                    continue;
                }
                out.push_str(&match self.dialect {
                    Dialect::Bash => {
                        let flag = if readonly { "-r" } else { "-x" };
                        format!("declare {flag} {name}=\"{}\"\n", dquote_escape(&v.value))
                    }
                    _ => format!("{cmd} {name}={}\n", squote(&v.value)),
                });
            }
            cx.out.write(io.out(), &out);
            return Ok(0);
        }
        let mut status = 0;
        for a in args {
            let (name, value) = match a.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (a.as_str(), None),
            };
            if !is_name(name) {
                let msg = match self.dialect {
                    Dialect::Bash => format!("`{a}': not a valid identifier"),
                    _ => format!("{name}: bad variable name"),
                };
                self.builtin_error(cx, io, cmd, &msg);
                if self.dialect == Dialect::Bash {
                    status = 1;
                    continue;
                }
                return Err(Flow::Error(2));
            }
            if let Some(v) = value {
                self.assign(cx, name, v)?;
            }
            if let Some(var) = self.state.vars.get_mut(name) {
                if readonly {
                    var.readonly = true;
                } else {
                    var.exported = true;
                }
            } else if readonly {
                self.state.vars.insert(
                    name.to_string(),
                    Var {
                        readonly: true,
                        ..Default::default()
                    },
                );
            }
        }
        Ok(status)
    }

    pub(super) fn unset(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let mut functions = false;
        let mut status = 0;
        for a in &argv[1..] {
            match a.as_str() {
                "-f" => functions = true,
                "-v" => functions = false,
                name if functions => {
                    self.state.functions.remove(name);
                }
                name => {
                    if self.state.vars.get(name).is_some_and(|v| v.readonly) {
                        let msg = match self.dialect {
                            Dialect::Bash => format!("{name}: cannot unset: readonly variable"),
                            _ => format!("{name}: is read only"),
                        };
                        self.builtin_error(cx, io, "unset", &msg);
                        status = 1;
                        continue;
                    }
                    if self.state.vars.remove(name).is_none() && self.dialect == Dialect::Bash {
                        self.state.functions.remove(name);
                    }
                }
            }
        }
        Ok(status)
    }

    pub(super) fn local(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        if cx.funcs == 0 {
            let msg = match self.dialect {
                Dialect::Bash => "can only be used in a function",
                _ => "not in a function",
            };
            self.builtin_error(cx, io, "local", msg);
            return Ok(self.error_status());
        }
        for a in &argv[1..] {
            let (name, value) = match a.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (a.as_str(), None),
            };
            let old = self.state.vars.get(name).cloned();
            if let Some(frame) = cx.locals.last_mut() {
                if !frame.iter().any(|(n, _)| n == name) {
                    frame.push((name.to_string(), old.clone()));
                }
            }
            match value {
                Some(v) => self.assign(cx, name, v)?,
                None if self.dialect == Dialect::Bash => {
                    self.state.vars.remove(name);
                }
                None => {}
            }
        }
        Ok(0)
    }

    pub(super) fn set(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        if argv.len() == 1 {
            let mut out = String::new();
            for (name, v) in &self.state.vars {
                let value = match self.dialect {
                    Dialect::Bash => quote(&v.value),
                    _ => squote(&v.value),
                };
                out.push_str(&format!("{name}={value}\n"));
            }
            cx.out.write(io.out(), &out);
            return Ok(0);
        }
        let mut i = 1;
        while i < argv.len() {
            let a = &argv[i];
            if a == "--" {
                self.state.positional = argv[i + 1..].to_vec();
                return Ok(0);
            }
            let (on, flags) = match a.chars().next() {
                Some('-') if a.len() > 1 => (true, &a[1..]),
                Some('+') if a.len() > 1 => (false, &a[1..]),
                _ => break,
            };
            i += 1;
            for flag in flags.chars() {
                let name = if flag == 'o' {
                    let Some(n) = argv.get(i) else {
                        return Ok(0);
                    };
                    i += 1;
                    n.as_str()
                } else {
                    match flag {
                        'e' => "errexit",
                        'x' => "xtrace",
                        'u' => "nounset",
                        'f' => "noglob",
                        _ => "",
                    }
                };
                let opts = &mut self.state.opts;
                let slot = match name {
                    "errexit" => &mut opts.errexit,
                    "xtrace" => &mut opts.xtrace,
                    "nounset" => &mut opts.nounset,
                    "noglob" => &mut opts.noglob,
                    "pipefail" if self.dialect != Dialect::Dash => &mut opts.pipefail,
                    _ => {
                        let shown = if flag == 'o' {
                            format!("o {name}")
                        } else {
                            flag.to_string()
                        };
                        let msg = match self.dialect {
                            Dialect::Bash if flag == 'o' => format!("{name}: invalid option name"),
                            Dialect::Bash => format!("-{flag}: invalid option"),
                            _ => format!("Illegal option -{shown}"),
                        };
                        self.builtin_error(cx, io, "set", &msg);
                        return if self.dialect == Dialect::Bash {
                            Ok(2)
                        } else {
                            Err(Flow::Error(2))
                        };
                    }
                };
                *slot = on;
            }
        }
        if i < argv.len() {
            self.state.positional = argv[i..].to_vec();
        }
        Ok(0)
    }

    pub(super) fn shift(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let n = match argv.get(1) {
            None => 1,
            Some(a) => match a.parse::<usize>() {
                Ok(n) => n,
                Err(_) => {
                    let msg = match self.dialect {
                        Dialect::Bash => format!("{a}: numeric argument required"),
                        _ => format!("Illegal number: {a}"),
                    };
                    self.builtin_error(cx, io, "shift", &msg);
                    return Ok(self.error_status());
                }
            },
        };
        if n > self.state.positional.len() {
            return match self.dialect {
                Dialect::Bash => Ok(1),
                _ => {
                    self.builtin_error(cx, io, "shift", "can't shift that many");
                    Err(Flow::Error(2))
                }
            };
        }
        self.state.positional.drain(..n);
        Ok(0)
    }

    pub(super) fn read(&mut self, cx: &mut Cx, argv: &[String], io: &Io) -> Res {
        let mut raw = false;
        let mut names = Vec::new();
        let mut i = 1;
        while i < argv.len() {
            match argv[i].as_str() {
                "-r" => raw = true,
                "-p" => {
                    i += 1;
                    if io.stdin.is_none() {
                        if let Some(p) = argv.get(i) {
                            cx.out.write(io.err(), p);
                        }
                    }
                }
                a => names.push(a.to_string()),
            }
            i += 1;
        }
        if names.is_empty() {
            if self.dialect == Dialect::Dash {
                self.builtin_error(cx, io, "read", "arg count");
                return Ok(2);
            }
            names.push("REPLY".into());
        }
        // The line, as characters marked escaped (a backslash before them) or not.
        let mut line: Vec<(char, bool)> = Vec::new();
        let mut complete = false;
        if let Some(input) = &io.stdin {
            let mut input = input.borrow_mut();
            let rest: Vec<char> = input.rest().chars().collect();
            let mut k = 0;
            while k < rest.len() {
                let c = rest[k];
                k += 1;
                if c == '\n' {
                    complete = true;
                    break;
                }
                if c == '\\' && !raw {
                    match rest.get(k) {
                        Some('\n') => k += 1,
                        Some(&n) => {
                            line.push((n, true));
                            k += 1;
                        }
                        None => {}
                    }
                    continue;
                }
                line.push((c, false));
            }
            let used: usize = rest[..k].iter().map(|c| c.len_utf8()).sum();
            input.pos += used;
        }
        let ifs = self.var("IFS").unwrap_or(" \t\n").to_string();
        let is_ws =
            |c: &(char, bool)| !c.1 && matches!(c.0, ' ' | '\t' | '\n') && ifs.contains(c.0);
        let is_sep = |c: &(char, bool)| !c.1 && ifs.contains(c.0);
        let mut k = 0;
        while k < line.len() && is_ws(&line[k]) {
            k += 1;
        }
        for (n, name) in names.iter().enumerate() {
            let value: String = if n + 1 == names.len() {
                let mut end = line.len();
                while end > k && is_ws(&line[end - 1]) {
                    end -= 1;
                }
                let v = line[k.min(end)..end].iter().map(|c| c.0).collect();
                k = line.len();
                v
            } else {
                let start = k;
                while k < line.len() && !is_sep(&line[k]) {
                    k += 1;
                }
                let v = line[start..k].iter().map(|c| c.0).collect();
                while k < line.len() && is_ws(&line[k]) {
                    k += 1;
                }
                if k < line.len() && is_sep(&line[k]) {
                    k += 1;
                    while k < line.len() && is_ws(&line[k]) {
                        k += 1;
                    }
                }
                v
            };
            self.assign(cx, name, value)?;
        }
        Ok(if complete { 0 } else { 1 })
    }
}

fn dquote_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
