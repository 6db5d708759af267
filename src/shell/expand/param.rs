//! Parameter expansion: special parameters, `$@` and `$*`, and the `${...}` operators
//! (defaults, assignment, errors, alternatives, lengths, prefix/suffix trimming, and the
//! bash/busybox substring and replacement forms).

use super::fields::Fields;
use crate::shell::ast::{Param, ParamOp};
use crate::shell::interp::{Cx, Flow, Shell};
use crate::shell::io::Io;
use crate::shell::pattern::{self, Pattern};
use crate::shell::Dialect;

impl Shell {
    /// The value of a parameter, None when unset.
    pub(crate) fn param_value(&self, name: &str) -> Option<String> {
        let st = &self.state;
        match name {
            "?" => Some(st.last_status.to_string()),
            "$" => Some(self.pid.to_string()),
            "#" => Some(st.positional.len().to_string()),
            "0" => Some(st.arg0.clone()),
            "-" => {
                let mut flags = String::new();
                if st.opts.errexit {
                    flags.push('e');
                }
                if st.opts.noglob {
                    flags.push('f');
                }
                if self.interactive {
                    flags.push('i');
                }
                if st.opts.nounset {
                    flags.push('u');
                }
                if st.opts.xtrace {
                    flags.push('x');
                }
                Some(flags)
            }
            "!" => None,
            "@" | "*" if st.positional.is_empty() => None,
            "@" | "*" => Some(st.positional.join(" ")),
            n if n.chars().all(|c| c.is_ascii_digit()) => {
                let i: usize = n.parse().ok()?;
                st.positional.get(i.checked_sub(1)?).cloned()
            }
            n => st.vars.get(n).map(|v| v.value.clone()),
        }
    }

    pub(super) fn expand_param(
        &mut self,
        cx: &mut Cx,
        p: &Param,
        quoted: bool,
        f: &mut Fields,
        io: &Io,
    ) -> Result<(), Flow> {
        let name = p.name.as_str();
        if matches!(p.op, ParamOp::Plain) && (name == "@" || name == "*") {
            let args = self.state.positional.clone();
            if quoted && name == "*" {
                let ifs = self.var("IFS").map(str::to_string);
                let sep = match ifs {
                    None => " ".to_string(),
                    Some(s) => s.chars().next().map(String::from).unwrap_or_default(),
                };
                f.lit(&args.join(&sep), true);
                return Ok(());
            }
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    f.boundary();
                }
                f.value(a, quoted);
            }
            return Ok(());
        }
        if let ParamOp::Bad(text) = &p.op {
            let msg = match self.dialect {
                Dialect::Dash => "Bad substitution".to_string(),
                Dialect::Ash => "syntax error: bad substitution".to_string(),
                Dialect::Bash => format!("{text}: bad substitution"),
            };
            return Err(self.expansion_error(cx, io, &msg));
        }
        let value = self.param_value(name);
        let use_word = |colon: bool| match &value {
            None => true,
            Some(v) => colon && v.is_empty(),
        };
        match &p.op {
            ParamOp::Plain => {
                let v = self.require(cx, io, name, value)?;
                f.value(&v, quoted);
            }
            ParamOp::Length => {
                let n = match name {
                    "@" | "*" => self.state.positional.len(),
                    _ => self.require(cx, io, name, value)?.chars().count(),
                };
                f.value(&n.to_string(), quoted);
            }
            ParamOp::Default { colon, word } => {
                if use_word(*colon) {
                    self.expand_parts(cx, &word.parts, f, io, !quoted)?;
                    if quoted {
                        f.lit("", true);
                    }
                } else {
                    f.value(&value.unwrap_or_default(), quoted);
                }
            }
            ParamOp::Assign { colon, word } => {
                let v = if use_word(*colon) {
                    let v = self.expand_string(cx, word, io)?;
                    if !crate::shell::parse::is_name(name) {
                        let msg = match self.dialect {
                            Dialect::Bash => format!("${name}: cannot assign in this way"),
                            _ => format!("{name}: bad variable name"),
                        };
                        return Err(self.expansion_error(cx, io, &msg));
                    }
                    self.assign(cx, name, v.clone())?;
                    v
                } else {
                    value.unwrap_or_default()
                };
                f.value(&v, quoted);
            }
            ParamOp::Error { colon, word } => {
                if use_word(*colon) {
                    let text = self.expand_string(cx, word, io)?;
                    let msg = if !word.parts.is_empty() {
                        text
                    } else if !*colon {
                        "parameter not set".to_string()
                    } else if self.dialect == Dialect::Bash {
                        "parameter null or not set".to_string()
                    } else {
                        "parameter not set or null".to_string()
                    };
                    let e = self.expansion_error(cx, io, &format!("{name}: {msg}"));
                    return Err(self.unset_error(e));
                }
                f.value(&value.unwrap_or_default(), quoted);
            }
            ParamOp::Alternative { colon, word } => {
                if !use_word(*colon) {
                    self.expand_parts(cx, &word.parts, f, io, !quoted)?;
                }
                if quoted {
                    f.lit("", true);
                }
            }
            ParamOp::TrimPrefix { longest, pattern } | ParamOp::TrimSuffix { longest, pattern } => {
                let v = self.require(cx, io, name, value)?;
                let pat = self.expand_pattern(cx, pattern, io)?;
                let prefix = matches!(p.op, ParamOp::TrimPrefix { .. });
                f.value(&trim(&v, &Pattern::new(&pat), prefix, *longest), quoted);
            }
            ParamOp::Substring { offset, length } => {
                let v = self.require(cx, io, name, value)?;
                let chars: Vec<char> = v.chars().collect();
                let n = chars.len() as i64;
                let mut start = self.arith(cx, offset, io)?;
                if start < 0 {
                    start = (n + start).max(0);
                }
                let start = start.min(n);
                let end = match length {
                    None => n,
                    Some(l) => {
                        let l = self.arith(cx, l, io)?;
                        if l < 0 {
                            let e = n + l;
                            if e < start {
                                let msg = format!("{l}: substring expression < 0");
                                return Err(self.expansion_error(cx, io, &msg));
                            }
                            e
                        } else {
                            (start + l).min(n)
                        }
                    }
                };
                let s: String = chars[start as usize..end as usize].iter().collect();
                f.value(&s, quoted);
            }
            ParamOp::Bad(_) => {}
            ParamOp::Replace { all, pattern, with } => {
                let v = self.require(cx, io, name, value)?;
                let pat = self.expand_pattern(cx, pattern, io)?;
                let with = self.expand_string(cx, with, io)?;
                f.value(&replace(&v, &pat, &with, *all), quoted);
            }
        }
        Ok(())
    }

    /// The value, or `set -u`'s error for an unset parameter (an empty string otherwise).
    fn require(
        &mut self,
        cx: &mut Cx,
        io: &Io,
        name: &str,
        value: Option<String>,
    ) -> Result<String, Flow> {
        match value {
            Some(v) => Ok(v),
            None if self.state.opts.nounset && name != "@" && name != "*" => {
                let msg = match self.dialect {
                    Dialect::Bash => format!("{name}: unbound variable"),
                    _ => format!("{name}: parameter not set"),
                };
                let e = self.expansion_error(cx, io, &msg);
                Err(self.unset_error(e))
            }
            None => Ok(String::new()),
        }
    }

    /// A non-interactive bash ends with status 127 on `${x?}` and `set -u` errors.
    fn unset_error(&self, e: Flow) -> Flow {
        if self.dialect == Dialect::Bash && !self.interactive {
            Flow::Error(127)
        } else {
            e
        }
    }

    /// Prints an expansion error; the command line stops (the shell, if not interactive).
    pub(crate) fn expansion_error(&mut self, cx: &mut Cx, io: &Io, msg: &str) -> Flow {
        let line = format!("{}{msg}\n", self.prefix(None, cx.line));
        cx.out.write(io.err(), &line);
        Flow::Error(self.error_status())
    }
}

/// Removes the shortest or longest prefix (or suffix) matching `pat`.
pub(crate) fn trim(v: &str, pat: &Pattern, prefix: bool, longest: bool) -> String {
    let chars: Vec<char> = v.chars().collect();
    let n = chars.len();
    let candidates: Box<dyn Iterator<Item = usize>> = match (prefix, longest) {
        (true, false) => Box::new(0..=n),
        (true, true) => Box::new((0..=n).rev()),
        (false, false) => Box::new((0..=n).rev()),
        (false, true) => Box::new(0..=n),
    };
    for k in candidates {
        let (part, rest) = if prefix {
            (&chars[..k], &chars[k..])
        } else {
            (&chars[k..], &chars[..k])
        };
        if pat.matches(part) {
            return rest.iter().collect();
        }
    }
    v.to_string()
}

/// `${v/pat/with}`: the first (or every) longest match replaced; `#`/`%` anchor it.
fn replace(v: &str, pat: &str, with: &str, all: bool) -> String {
    let chars: Vec<char> = v.chars().collect();
    let (anchor, pat) = match pat.chars().next() {
        Some('#') => (Some('#'), &pat[1..]),
        Some('%') => (Some('%'), &pat[1..]),
        _ => (None, pat),
    };
    let p = Pattern::new(pat);
    let n = chars.len();
    match anchor {
        Some('#') => {
            for e in (0..=n).rev() {
                if p.matches(&chars[..e]) {
                    return format!("{with}{}", chars[e..].iter().collect::<String>());
                }
            }
            return v.to_string();
        }
        Some(_) => {
            for s in 0..=n {
                if p.matches(&chars[s..]) {
                    return format!("{}{with}", chars[..s].iter().collect::<String>());
                }
            }
            return v.to_string();
        }
        None => {}
    }
    if pattern::unescape(pat).is_empty() {
        return v.to_string();
    }
    let mut out = String::new();
    let mut i = 0;
    let mut replaced = false;
    while i < n {
        if replaced && !all {
            break;
        }
        let found = (i + 1..=n).rev().find(|&e| p.matches(&chars[i..e]));
        match found {
            Some(e) => {
                out.push_str(with);
                i = e;
                replaced = true;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out.extend(&chars[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_and_replacing() {
        let p = |s: &str| Pattern::new(s);
        assert_eq!(trim("web-2", &p("*-"), true, true), "2");
        assert_eq!(trim("a-b-c", &p("*-"), true, false), "b-c");
        assert_eq!(trim("a-b-c", &p("-*"), false, false), "a-b");
        assert_eq!(trim("a-b-c", &p("-*"), false, true), "a");
        assert_eq!(trim("abc", &p("x"), true, false), "abc");
        assert_eq!(replace("a.b.c", "\\.", "-", false), "a-b.c");
        assert_eq!(replace("a.b.c", "\\.", "-", true), "a-b-c");
        assert_eq!(replace("hello", "#he", "J", false), "Jllo");
        assert_eq!(replace("hello", "%lo", "p", false), "help");
    }
}
