//! Word expansion (POSIX 2.6): tilde, parameters, command substitution, arithmetic, then
//! field splitting, pathname expansion (through [`crate::shell::Host::list_dir`]) and
//! quote removal; bash's brace expansion comes first in bash.

mod brace;
mod fields;
mod glob;
mod param;

use crate::shell::ast::{Part, Word};
use crate::shell::interp::{Cx, Flow, Shell};
use crate::shell::io::Io;
use crate::shell::Dialect;
use fields::Fields;

impl Shell {
    fn ifs(&self) -> String {
        self.var("IFS")
            .map(str::to_string)
            .unwrap_or_else(|| " \t\n".into())
    }

    /// Command arguments: every expansion, splitting and globbing.
    pub(crate) fn expand_words(
        &mut self,
        cx: &mut Cx,
        words: &[Word],
        io: &Io,
    ) -> Result<Vec<String>, Flow> {
        let mut out = Vec::new();
        for word in words {
            let braced;
            let list: &[Word] = if self.dialect == Dialect::Bash {
                braced = brace::expand(word, self.limits.max_fields);
                &braced
            } else {
                std::slice::from_ref(word)
            };
            for w in list {
                let mut f = Fields::new(true, &self.ifs());
                self.expand_parts(cx, &w.parts, &mut f, io, false)?;
                for field in f.finish() {
                    if field.magic && !self.state.opts.noglob {
                        let matches = self.glob(cx, &field.pattern);
                        if !matches.is_empty() {
                            out.extend(matches);
                            continue;
                        }
                    }
                    out.push(field.text);
                }
                if out.len() > self.limits.max_fields {
                    cx.out.notice(&format!(
                        "kubetutor: more than {} words in one command (the sandbox's limit)\n",
                        self.limits.max_fields
                    ));
                    return Err(Flow::Limit);
                }
            }
        }
        Ok(out)
    }

    /// One string, not split or globbed (assignments, redirection targets, `case` words,
    /// here-documents).
    pub(crate) fn expand_string(
        &mut self,
        cx: &mut Cx,
        word: &Word,
        io: &Io,
    ) -> Result<String, Flow> {
        let mut f = Fields::new(false, &self.ifs());
        self.expand_parts(cx, &word.parts, &mut f, io, false)?;
        Ok(f.finish()
            .into_iter()
            .map(|f| f.text)
            .collect::<Vec<_>>()
            .join(" "))
    }

    /// A pattern (`case`, `${x#...}`): quoted characters escaped.
    pub(crate) fn expand_pattern(
        &mut self,
        cx: &mut Cx,
        word: &Word,
        io: &Io,
    ) -> Result<String, Flow> {
        let mut f = Fields::new(false, &self.ifs());
        self.expand_parts(cx, &word.parts, &mut f, io, false)?;
        Ok(f.finish()
            .into_iter()
            .map(|f| f.pattern)
            .collect::<Vec<_>>()
            .join(" "))
    }

    /// Expands `parts` into `f`. `lit_is_value`: unquoted literal text is split like an
    /// expansion result (the word inside `${x:-a b}`).
    fn expand_parts(
        &mut self,
        cx: &mut Cx,
        parts: &[Part],
        f: &mut Fields,
        io: &Io,
        lit_is_value: bool,
    ) -> Result<(), Flow> {
        for part in parts {
            match part {
                Part::Lit(s) if lit_is_value => f.value(s, false),
                Part::Lit(s) => f.lit(s, false),
                Part::Quoted(s) => f.lit(s, true),
                Part::Tilde(user) => {
                    let home = match user.as_str() {
                        "" => self.var("HOME").map(str::to_string),
                        "root" => Some("/root".to_string()),
                        _ => None,
                    };
                    match home {
                        Some(h) => f.lit(&h, true),
                        None => f.lit(&format!("~{user}"), false),
                    }
                }
                Part::Param(p, quoted) => self.expand_param(cx, p, *quoted, f, io)?,
                Part::Command(list, quoted) => {
                    let text = self.command_subst(cx, list, io)?;
                    f.value(&text, *quoted);
                }
                Part::Arith(expr, quoted) => {
                    let v = self.arith(cx, expr, io)?;
                    f.value(&v.to_string(), *quoted);
                }
            }
        }
        Ok(())
    }

    /// `$(...)`: runs `list` in a subshell and returns its output without trailing
    /// newlines.
    fn command_subst(
        &mut self,
        cx: &mut Cx,
        list: &crate::shell::ast::List,
        io: &Io,
    ) -> Result<String, Flow> {
        let mut sub_io = io.clone();
        sub_io.fds[1] = cx.out.push_buf();
        let r = self.subshell(cx, |sh, cx| sh.run_list(cx, list, &sub_io));
        let mut text = cx.out.pop_buf();
        let status = r?;
        cx.subst_status = Some(status);
        if self.dialect == Dialect::Bash {
            // bash's `$?` sees the substitution at once (`echo $(exit 3) $?` prints 3).
            self.state.last_status = status;
        }
        let keep = text.trim_end_matches('\n').len();
        text.truncate(keep);
        Ok(text)
    }

    /// `$((...))`.
    pub(crate) fn arith(&mut self, cx: &mut Cx, expr: &Word, io: &Io) -> Result<i64, Flow> {
        let text = self.expand_string(cx, expr, io)?;
        let dialect = self.dialect;
        let max = self.limits.max_depth;
        let mut vars = ArithShell(self);
        match crate::shell::arith::eval(&text, &mut vars, dialect, max) {
            Ok(v) => Ok(v),
            Err(e) => {
                let msg = format!("{}{}\n", self.prefix(None, cx.line), e.message(dialect));
                cx.out.write(io.err(), &msg);
                Err(Flow::Error(self.error_status()))
            }
        }
    }
}

struct ArithShell<'s>(&'s mut Shell);

impl crate::shell::arith::ArithVars for ArithShell<'_> {
    fn get(&mut self, name: &str) -> Option<String> {
        self.0.var(name).map(str::to_string)
    }
    fn set(&mut self, name: &str, value: i64) {
        self.0.set_var(name, &value.to_string());
    }
}
