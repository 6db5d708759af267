//! Words: quotes, backslash escapes, `$name` and `${...}` parameter expansions, `$(...)`
//! and backquoted command substitutions (parsed right away, as dash does, so their syntax
//! errors are found before anything runs), `$((...))` arithmetic, `~` and bash's `$'...'`.

use super::error::{SyntaxError, SyntaxKind};
use super::lex::{is_meta, Tok};
use super::Parser;
use crate::shell::ast::{Param, ParamOp, Part, Word};
use std::rc::Rc;

fn push_lit(parts: &mut Vec<Part>, c: char) {
    match parts.last_mut() {
        Some(Part::Lit(s)) => s.push(c),
        _ => parts.push(Part::Lit(c.to_string())),
    }
}

fn push_quoted(parts: &mut Vec<Part>, c: char) {
    match parts.last_mut() {
        Some(Part::Quoted(s)) => s.push(c),
        _ => parts.push(Part::Quoted(c.to_string())),
    }
}

fn push_char(parts: &mut Vec<Part>, c: char, quoted: bool) {
    if quoted {
        push_quoted(parts, c)
    } else {
        push_lit(parts, c)
    }
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric()
}

/// Whether `s` is a valid variable name.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

const SPECIAL_PARAMS: &str = "@*#?-$!";

impl Parser<'_> {
    fn ch(&self, k: usize) -> Option<char> {
        self.src.get(self.pos + k).copied()
    }

    /// An unquoted word, up to the next metacharacter.
    pub(super) fn word(&mut self) -> Result<Word, SyntaxError> {
        let mut parts = Vec::new();
        if self.ch(0) == Some('~') {
            let mut k = 1;
            while self
                .ch(k)
                .is_some_and(|c| is_name_char(c) || c == '-' || c == '.')
            {
                k += 1;
            }
            if self.ch(k).is_none_or(|c| c == '/' || is_meta(c)) {
                let name: String = self.src[self.pos + 1..self.pos + k].iter().collect();
                parts.push(Part::Tilde(name));
                self.pos += k;
            }
        }
        while let Some(c) = self.ch(0) {
            if is_meta(c) {
                break;
            }
            match c {
                '\\' => match self.ch(1) {
                    Some('\n') => self.continuation(),
                    Some(n) => {
                        push_quoted(&mut parts, n);
                        self.pos += 2;
                    }
                    None => {
                        push_quoted(&mut parts, '\\');
                        self.pos += 1;
                        self.continued_at_eof = true;
                    }
                },
                '\'' => self.single_quotes(&mut parts)?,
                '"' => self.double_quotes(&mut parts)?,
                '$' => self.dollar(&mut parts, false)?,
                '`' => self.backquote(&mut parts, false)?,
                _ => {
                    push_lit(&mut parts, c);
                    self.pos += 1;
                }
            }
        }
        Ok(Word { parts })
    }

    fn continuation(&mut self) {
        self.pos += 2;
        self.line += 1;
        if self.pos >= self.src.len() {
            self.continued_at_eof = true;
        }
    }

    fn single_quotes(&mut self, parts: &mut Vec<Part>) -> Result<(), SyntaxError> {
        let from = self.pos + 1;
        let Some(end) = (from..self.src.len()).find(|&k| self.src[k] == '\'') else {
            self.pos = self.src.len();
            return Err(self.error(SyntaxKind::Unmatched('\''), true));
        };
        let text: String = self.src[from..end].iter().collect();
        self.line += text.matches('\n').count();
        parts.push(Part::Quoted(text));
        self.pos = end + 1;
        Ok(())
    }

    fn double_quotes(&mut self, parts: &mut Vec<Part>) -> Result<(), SyntaxError> {
        self.pos += 1;
        let before = parts.len();
        self.quoted_run(parts, Some('"'))?;
        if parts.len() == before {
            parts.push(Part::Quoted(String::new()));
        }
        Ok(())
    }

    /// The inside of double quotes (`end` = `"`) or of an unquoted here-document body
    /// (`end` None: up to the end of the text), where only `$`, backquotes and some
    /// backslashes are special.
    pub(super) fn quoted_run(
        &mut self,
        parts: &mut Vec<Part>,
        end: Option<char>,
    ) -> Result<(), SyntaxError> {
        let escapable: &[char] = if end.is_some() {
            &['$', '`', '"', '\\']
        } else {
            &['$', '`', '\\']
        };
        loop {
            match self.ch(0) {
                None if end.is_some() => {
                    return Err(self.error(SyntaxKind::Unmatched('"'), true));
                }
                None => return Ok(()),
                Some(c) if Some(c) == end => {
                    self.pos += 1;
                    return Ok(());
                }
                Some('\\') => match self.ch(1) {
                    Some('\n') => self.continuation(),
                    Some(n) if escapable.contains(&n) => {
                        push_quoted(parts, n);
                        self.pos += 2;
                    }
                    _ => {
                        push_quoted(parts, '\\');
                        self.pos += 1;
                    }
                },
                Some('$') => self.dollar(parts, true)?,
                Some('`') => self.backquote(parts, true)?,
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    push_quoted(parts, c);
                    self.pos += 1;
                }
            }
        }
    }

    fn dollar(&mut self, parts: &mut Vec<Part>, quoted: bool) -> Result<(), SyntaxError> {
        match self.ch(1) {
            Some('(') if self.ch(2) == Some('(') => self.arith(parts, quoted),
            Some('(') => self.command_subst(parts, quoted),
            Some('{') => self.braced(parts, quoted),
            Some('\'') if !quoted && self.bashlike() => self.ansi_c(parts),
            Some(c) if is_name_start(c) => {
                let mut k = 1;
                while self.ch(k).is_some_and(is_name_char) {
                    k += 1;
                }
                let name: String = self.src[self.pos + 1..self.pos + k].iter().collect();
                self.pos += k;
                parts.push(param(name, ParamOp::Plain, quoted));
                Ok(())
            }
            Some(c) if c.is_ascii_digit() || SPECIAL_PARAMS.contains(c) => {
                self.pos += 2;
                parts.push(param(c.to_string(), ParamOp::Plain, quoted));
                Ok(())
            }
            _ => {
                push_char(parts, '$', quoted);
                self.pos += 1;
                Ok(())
            }
        }
    }

    pub(super) fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error(SyntaxKind::TooDeep(self.max_depth), false));
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn command_subst(&mut self, parts: &mut Vec<Part>, quoted: bool) -> Result<(), SyntaxError> {
        self.pos += 2;
        self.enter()?;
        self.in_subst += 1;
        let saved = self.peeked.take();
        let list = self.list(false)?;
        let tok = self.next()?;
        if tok != Tok::RParen {
            return Err(self.unexpected(&tok, Some(")")));
        }
        self.in_subst -= 1;
        self.peeked = saved;
        self.leave();
        parts.push(Part::Command(Rc::new(list), quoted));
        Ok(())
    }

    fn backquote(&mut self, parts: &mut Vec<Part>, quoted: bool) -> Result<(), SyntaxError> {
        self.pos += 1;
        let start_line = self.line;
        let mut text = String::new();
        loop {
            match self.ch(0) {
                None => return Err(self.error(SyntaxKind::Unmatched('`'), true)),
                Some('`') => {
                    self.pos += 1;
                    break;
                }
                Some('\\') => match self.ch(1) {
                    Some(n @ ('$' | '`' | '\\')) => {
                        text.push(n);
                        self.pos += 2;
                    }
                    Some('"') if quoted => {
                        text.push('"');
                        self.pos += 2;
                    }
                    Some('\n') => self.continuation(),
                    _ => {
                        text.push('\\');
                        self.pos += 1;
                    }
                },
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        self.enter()?;
        let chars: Vec<char> = text.chars().collect();
        let list = {
            let mut sub = self.sub(&chars, start_line)?;
            sub.program().map_err(|mut e| {
                e.at_eof = false;
                e
            })?
        };
        self.leave();
        parts.push(Part::Command(Rc::new(list), quoted));
        Ok(())
    }

    fn arith(&mut self, parts: &mut Vec<Part>, quoted: bool) -> Result<(), SyntaxError> {
        self.pos += 3;
        let mut depth = 0usize;
        let mut inner = Vec::new();
        loop {
            match self.ch(0) {
                None => return Err(self.error(SyntaxKind::MissingArithClose, true)),
                Some(')') if depth == 0 => {
                    if self.ch(1) == Some(')') {
                        self.pos += 2;
                        break;
                    }
                    return Err(self.error(SyntaxKind::MissingArithClose, false));
                }
                Some(c @ ('(' | ')')) => {
                    if c == '(' {
                        depth += 1;
                    } else {
                        depth -= 1;
                    }
                    push_quoted(&mut inner, c);
                    self.pos += 1;
                }
                Some('$') => self.dollar(&mut inner, true)?,
                Some('`') => self.backquote(&mut inner, true)?,
                Some('\\') if self.ch(1) == Some('\n') => self.continuation(),
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    push_quoted(&mut inner, c);
                    self.pos += 1;
                }
            }
        }
        parts.push(Part::Arith(Word { parts: inner }, quoted));
        Ok(())
    }

    /// `$'...'` with C escapes (bash, busybox ash).
    fn ansi_c(&mut self, parts: &mut Vec<Part>) -> Result<(), SyntaxError> {
        self.pos += 2;
        let mut out = String::new();
        loop {
            match self.ch(0) {
                None => return Err(self.error(SyntaxKind::Unmatched('\''), true)),
                Some('\'') => {
                    self.pos += 1;
                    break;
                }
                Some('\\') => {
                    let rest: String = self.src[self.pos + 1..(self.pos + 5).min(self.src.len())]
                        .iter()
                        .collect();
                    let (text, used) = crate::shell::builtins::echo::escape(&rest, true);
                    match text {
                        Some(t) => out.push_str(&t),
                        None => break,
                    }
                    self.pos += 1 + used;
                }
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
        parts.push(Part::Quoted(out));
        Ok(())
    }

    fn param_name(&mut self) -> String {
        let start = self.pos;
        match self.ch(0) {
            Some(c) if is_name_start(c) => {
                while self.ch(0).is_some_and(is_name_char) {
                    self.pos += 1;
                }
            }
            Some(c) if c.is_ascii_digit() => {
                while self.ch(0).is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            }
            Some(c) if SPECIAL_PARAMS.contains(c) => self.pos += 1,
            _ => {}
        }
        self.src[start..self.pos].iter().collect()
    }

    /// `${...}`: the `$` is at the current position.
    fn braced(&mut self, parts: &mut Vec<Part>, quoted: bool) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.pos += 2;
        self.enter()?;
        let length = self.ch(0) == Some('#')
            && self
                .ch(1)
                .is_some_and(|c| c != '}' && (is_name_char(c) || SPECIAL_PARAMS.contains(c)));
        if length {
            self.pos += 1;
        }
        let name = self.param_name();
        if name.is_empty() {
            return self.bad_substitution(start, parts, quoted);
        }
        let op = if length {
            ParamOp::Length
        } else {
            match (self.ch(0), self.ch(1)) {
                (None, _) => return Err(self.error(SyntaxKind::Unmatched('}'), true)),
                (Some('}'), _) => ParamOp::Plain,
                (Some(':'), Some(c @ ('-' | '=' | '?' | '+'))) => {
                    self.pos += 2;
                    let word = self.brace_word(quoted, &['}'])?;
                    value_op(c, true, word)
                }
                (Some(c @ ('-' | '=' | '?' | '+')), _) => {
                    self.pos += 1;
                    let word = self.brace_word(quoted, &['}'])?;
                    value_op(c, false, word)
                }
                (Some(c @ ('#' | '%')), next) => {
                    let longest = next == Some(c);
                    self.pos += if longest { 2 } else { 1 };
                    let pattern = self.brace_word(quoted, &['}'])?;
                    if c == '#' {
                        ParamOp::TrimPrefix { longest, pattern }
                    } else {
                        ParamOp::TrimSuffix { longest, pattern }
                    }
                }
                (Some(':'), _) if self.bashlike() => {
                    self.pos += 1;
                    let offset = self.brace_word(quoted, &[':', '}'])?;
                    let length = if self.ch(0) == Some(':') {
                        self.pos += 1;
                        Some(self.brace_word(quoted, &['}'])?)
                    } else {
                        None
                    };
                    ParamOp::Substring { offset, length }
                }
                (Some('/'), next) if self.bashlike() => {
                    let all = next == Some('/');
                    self.pos += if all { 2 } else { 1 };
                    let pattern = self.brace_word(quoted, &['/', '}'])?;
                    let with = if self.ch(0) == Some('/') {
                        self.pos += 1;
                        self.brace_word(quoted, &['}'])?
                    } else {
                        Word::default()
                    };
                    ParamOp::Replace { all, pattern, with }
                }
                _ => return self.bad_substitution(start, parts, quoted),
            }
        };
        match self.ch(0) {
            Some('}') => {}
            None => return Err(self.error(SyntaxKind::Unmatched('}'), true)),
            Some(_) => return self.bad_substitution(start, parts, quoted),
        }
        self.pos += 1;
        self.leave();
        parts.push(param(name, op, quoted));
        Ok(())
    }

    /// A `${...}` the shell cannot read: an error when it runs (commands before it on
    /// the line still run, as in the real shells).
    fn bad_substitution(
        &mut self,
        start: usize,
        parts: &mut Vec<Part>,
        quoted: bool,
    ) -> Result<(), SyntaxError> {
        let Some(end) = (self.pos..self.src.len()).find(|&k| self.src[k] == '}') else {
            return Err(self.error(SyntaxKind::Unmatched('}'), true));
        };
        let text: String = self.src[start..=end].iter().collect();
        self.line += text.matches('\n').count();
        self.pos = end + 1;
        self.leave();
        parts.push(param(String::new(), ParamOp::Bad(text), quoted));
        Ok(())
    }

    /// The word inside `${name<op>word}`, up to an unquoted character of `stops` (left
    /// in place).
    fn brace_word(&mut self, quoted: bool, stops: &[char]) -> Result<Word, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            match self.ch(0) {
                None => return Err(self.error(SyntaxKind::Unmatched('}'), true)),
                Some(c) if stops.contains(&c) => break,
                Some('\\') => match self.ch(1) {
                    Some('\n') => self.continuation(),
                    Some(n) => {
                        push_quoted(&mut parts, n);
                        self.pos += 2;
                    }
                    None => {
                        self.pos += 1;
                    }
                },
                Some('\'') if !quoted => self.single_quotes(&mut parts)?,
                Some('"') => self.double_quotes(&mut parts)?,
                Some('$') => self.dollar(&mut parts, quoted)?,
                Some('`') => self.backquote(&mut parts, quoted)?,
                Some(c) => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    push_char(&mut parts, c, quoted);
                    self.pos += 1;
                }
            }
        }
        Ok(Word { parts })
    }
}

fn param(name: String, op: ParamOp, quoted: bool) -> Part {
    Part::Param(Box::new(Param { name, op }), quoted)
}

fn value_op(c: char, colon: bool, word: Word) -> ParamOp {
    match c {
        '-' => ParamOp::Default { colon, word },
        '=' => ParamOp::Assign { colon, word },
        '?' => ParamOp::Error { colon, word },
        _ => ParamOp::Alternative { colon, word },
    }
}
