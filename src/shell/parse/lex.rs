//! Tokens: operators, redirection operators with their descriptor numbers, newlines
//! (after which pending here-documents are read), words and the end of input. Blanks,
//! comments and backslash-newline continuations are skipped here.

use super::error::{Found, SyntaxError, SyntaxKind};
use super::{OpenHeredoc, Parser};
use crate::shell::ast::{HereDoc, Part, Word};
use std::rc::Rc;

/// The reserved words (POSIX 2.4), recognised only where a command may start.
pub const RESERVED: &[&str] = &[
    "!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in", "then",
    "until", "while",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirTok {
    Less,
    Great,
    DGreat,
    Clobber,
    LessAnd,
    GreatAnd,
    LessGreat,
    DLess,
    DLessDash,
    TLess,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A word and its source text.
    Word(Word, String),
    Newline,
    Semi,
    DSemi,
    Amp,
    AndIf,
    OrIf,
    Pipe,
    LParen,
    RParen,
    /// A redirection operator, its descriptor, and its source text.
    Redir(Option<u32>, RedirTok, String),
    Eof,
}

impl Tok {
    /// The reserved word this token is, if it is one.
    pub fn keyword(&self) -> Option<&str> {
        match self {
            Tok::Word(w, _) => w.as_plain().filter(|s| RESERVED.contains(s)),
            _ => None,
        }
    }

    pub fn found(&self) -> Found {
        match self {
            Tok::Word(_, raw) => match self.keyword() {
                Some(k) => Found::Keyword(k.to_string()),
                None => Found::Word(raw.clone()),
            },
            Tok::Newline => Found::Newline,
            Tok::Semi => Found::Op(";"),
            Tok::DSemi => Found::Op(";;"),
            Tok::Amp => Found::Op("&"),
            Tok::AndIf => Found::Op("&&"),
            Tok::OrIf => Found::Op("||"),
            Tok::Pipe => Found::Op("|"),
            Tok::LParen => Found::Op("("),
            Tok::RParen => Found::Op(")"),
            Tok::Redir(_, _, raw) => Found::Redirect(raw.clone()),
            Tok::Eof => Found::Eof,
        }
    }
}

/// Characters that end an unquoted word.
pub fn is_meta(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')'
    )
}

impl Parser<'_> {
    pub(super) fn peek(&mut self) -> Result<&Tok, SyntaxError> {
        if self.peeked.is_none() {
            let t = self.lex()?;
            self.peeked = Some(t);
        }
        Ok(&self.peeked.as_ref().expect("just filled").0)
    }

    /// The line of the peeked token.
    pub(super) fn peek_line(&mut self) -> Result<usize, SyntaxError> {
        self.peek()?;
        Ok(self.peeked.as_ref().map(|p| p.1).unwrap_or(self.line))
    }

    pub(super) fn next(&mut self) -> Result<Tok, SyntaxError> {
        match self.peeked.take() {
            Some((t, _)) => Ok(t),
            None => Ok(self.lex()?.0),
        }
    }

    fn at(&self, k: usize) -> Option<char> {
        self.src.get(self.pos + k).copied()
    }

    /// Reads one token and the line it starts on.
    fn lex(&mut self) -> Result<(Tok, usize), SyntaxError> {
        loop {
            match self.at(0) {
                Some(' ' | '\t') => self.pos += 1,
                Some('\\') if self.at(1) == Some('\n') => {
                    self.pos += 2;
                    self.line += 1;
                    if self.pos >= self.src.len() {
                        self.continued_at_eof = true;
                    }
                }
                Some('#') => {
                    while self.at(0).is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                    break;
                }
                _ => break,
            }
        }
        let line = self.line;
        let Some(c) = self.at(0) else {
            if !self.pending.is_empty() {
                self.read_heredocs()?;
            }
            return Ok((Tok::Eof, line));
        };
        let two = |p: &Self, a: char| p.at(1) == Some(a);
        let tok = match c {
            '\n' => {
                self.pos += 1;
                self.line += 1;
                self.read_heredocs()?;
                Tok::Newline
            }
            '&' if two(self, '&') => self.op(2, Tok::AndIf),
            '&' => self.op(1, Tok::Amp),
            '|' if two(self, '|') => self.op(2, Tok::OrIf),
            '|' => self.op(1, Tok::Pipe),
            ';' if two(self, ';') => self.op(2, Tok::DSemi),
            ';' => self.op(1, Tok::Semi),
            '(' => self.op(1, Tok::LParen),
            ')' => self.op(1, Tok::RParen),
            '<' | '>' => self.redirect_op(None, self.pos),
            '0'..='9' => {
                let mut k = 0;
                while self.at(k).is_some_and(|c| c.is_ascii_digit()) {
                    k += 1;
                }
                match (
                    self.at(k),
                    self.src[self.pos..self.pos + k]
                        .iter()
                        .collect::<String>()
                        .parse::<u32>(),
                ) {
                    (Some('<' | '>'), Ok(fd)) => {
                        let start = self.pos;
                        self.pos += k;
                        self.redirect_op(Some(fd), start)
                    }
                    _ => self.word_token()?,
                }
            }
            _ => self.word_token()?,
        };
        Ok((tok, line))
    }

    fn op(&mut self, len: usize, tok: Tok) -> Tok {
        self.pos += len;
        tok
    }

    fn redirect_op(&mut self, fd: Option<u32>, start: usize) -> Tok {
        let (c, n1, n2) = (self.at(0), self.at(1), self.at(2));
        let (op, len) = match (c, n1, n2) {
            (Some('<'), Some('<'), Some('-')) => (RedirTok::DLessDash, 3),
            (Some('<'), Some('<'), Some('<')) if self.bashlike() => (RedirTok::TLess, 3),
            (Some('<'), Some('<'), _) => (RedirTok::DLess, 2),
            (Some('<'), Some('&'), _) => (RedirTok::LessAnd, 2),
            (Some('<'), Some('>'), _) => (RedirTok::LessGreat, 2),
            (Some('<'), _, _) => (RedirTok::Less, 1),
            (_, Some('>'), _) => (RedirTok::DGreat, 2),
            (_, Some('&'), _) => (RedirTok::GreatAnd, 2),
            (_, Some('|'), _) => (RedirTok::Clobber, 2),
            _ => (RedirTok::Great, 1),
        };
        self.pos += len;
        let raw: String = self.src[start..self.pos].iter().collect();
        Tok::Redir(fd, op, raw)
    }

    /// bash and busybox ash (built with its bash compatibility, as images ship it).
    pub(super) fn bashlike(&self) -> bool {
        self.dialect != crate::shell::Dialect::Dash
    }

    fn word_token(&mut self) -> Result<Tok, SyntaxError> {
        let start = self.pos;
        let word = self.word()?;
        let raw: String = self.src[start..self.pos].iter().collect();
        Ok(Tok::Word(word, raw))
    }

    /// Reads the bodies of the here-documents opened on the line just ended.
    fn read_heredocs(&mut self) -> Result<(), SyntaxError> {
        for (doc, line) in std::mem::take(&mut self.pending) {
            self.read_heredoc(&doc, line)?;
        }
        Ok(())
    }

    fn read_heredoc(&mut self, doc: &Rc<HereDoc>, line: usize) -> Result<(), SyntaxError> {
        let mut body = String::new();
        let body_line = self.line;
        let mut terminated = false;
        while self.pos < self.src.len() {
            let end = (self.pos..self.src.len())
                .find(|&k| self.src[k] == '\n')
                .unwrap_or(self.src.len());
            let mut text: String = self.src[self.pos..end].iter().collect();
            self.pos = (end + 1).min(self.src.len());
            if end < self.src.len() {
                self.line += 1;
            }
            if doc.strip_tabs {
                text = text.trim_start_matches('\t').to_string();
            }
            if text == doc.delimiter {
                terminated = true;
                break;
            }
            body.push_str(&text);
            body.push('\n');
        }
        if !terminated && self.unterminated.is_none() {
            self.unterminated = Some(OpenHeredoc {
                line,
                delimiter: doc.delimiter.clone(),
                strip_tabs: doc.strip_tabs,
            });
        }
        let word = if doc.expand {
            let chars: Vec<char> = body.chars().collect();
            let mut sub = self.sub(&chars, body_line)?;
            let mut parts = Vec::new();
            sub.quoted_run(&mut parts, None).map_err(|mut e| {
                e.at_eof = false;
                e
            })?;
            Word { parts }
        } else {
            Word {
                parts: vec![Part::Quoted(body)],
            }
        };
        let _ = doc.body.set(word);
        Ok(())
    }

    /// Registers a here-document whose body follows the current line.
    pub(super) fn heredoc(
        &mut self,
        delim: &Tok,
        strip_tabs: bool,
    ) -> Result<Rc<HereDoc>, SyntaxError> {
        let Tok::Word(word, raw) = delim else {
            return Err(self.unexpected(delim, None));
        };
        let mut delimiter = String::new();
        let mut quoted = false;
        for part in &word.parts {
            match part {
                Part::Lit(s) => delimiter.push_str(s),
                Part::Quoted(s) => {
                    quoted = true;
                    delimiter.push_str(s);
                }
                _ => {
                    // `$x` and the like in a delimiter are taken as written.
                    delimiter = raw.replace(['\'', '"', '\\'], "");
                    quoted = raw.contains(['\'', '"', '\\']);
                    break;
                }
            }
        }
        let doc = Rc::new(HereDoc {
            delimiter,
            strip_tabs,
            expand: !quoted,
            body: Default::default(),
        });
        self.pending.push((doc.clone(), self.line));
        Ok(doc)
    }

    pub(super) fn unexpected(&self, tok: &Tok, expecting: Option<&'static str>) -> SyntaxError {
        if *tok == Tok::Eof && self.in_subst > 0 && self.dialect == crate::shell::Dialect::Bash {
            return self.error(SyntaxKind::Unmatched(')'), true);
        }
        self.error(
            SyntaxKind::Unexpected {
                found: tok.found(),
                expecting,
            },
            *tok == Tok::Eof,
        )
    }

    pub(super) fn error(&self, kind: SyntaxKind, at_eof: bool) -> SyntaxError {
        SyntaxError {
            kind,
            line: self.line,
            at_eof,
        }
    }
}
