//! The parser: a script's text into the [`crate::shell::ast`] tree, by recursive descent
//! over POSIX's grammar (2.10). Nesting is counted and bounded, so `((((...` or a deep
//! `$($($(...)))` fails with a message instead of overflowing the stack; everything that
//! repeats (lists, pipelines, words) is a loop.
//!
//! It is written for this sandbox rather than taken from a crate: what matters here is
//! that a syntax error reads exactly as bash, dash or busybox ash print it, that an
//! unfinished command is told apart from a wrong one (the REPL's `> ` prompt), and the
//! bounds; the grammar itself is small.

pub mod error;
mod lex;
mod word;

use crate::shell::ast::*;
use crate::shell::Dialect;
pub use error::{Found, SyntaxError, SyntaxKind};
use lex::{RedirTok, Tok};
use std::rc::Rc;
pub use word::is_name;

/// Whether `s` is a reserved word (`if`, `done`, `{`, ...).
pub fn is_reserved(s: &str) -> bool {
    lex::RESERVED.contains(&s)
}

/// A parsed script, and what the parser noticed about its end.
#[derive(Debug)]
pub struct Parsed {
    pub list: List,
    /// A here-document ran to the end of the text without its delimiter line.
    pub heredoc_at_eof: Option<OpenHeredoc>,
    /// The text ended in a backslash continuation.
    pub continued_at_eof: bool,
}

/// A here-document the text ended in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenHeredoc {
    /// The line of the command that opened it.
    pub line: usize,
    pub delimiter: String,
    pub strip_tabs: bool,
}

/// Parses a whole script.
pub fn parse(text: &str, dialect: Dialect, max_depth: usize) -> Result<Parsed, SyntaxError> {
    let (result, heredoc_at_eof, continued_at_eof) = parse_state(text, dialect, max_depth);
    Ok(Parsed {
        list: result?,
        heredoc_at_eof,
        continued_at_eof,
    })
}

/// The parse, and what was open at the end of the text even when it failed.
fn parse_state(
    text: &str,
    dialect: Dialect,
    max_depth: usize,
) -> (Result<List, SyntaxError>, Option<OpenHeredoc>, bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser {
        src: &chars,
        pos: 0,
        line: 1,
        depth: 0,
        max_depth,
        dialect,
        pending: Vec::new(),
        peeked: None,
        continued_at_eof: false,
        in_subst: 0,
        unterminated: None,
    };
    let result = p.program();
    (result, p.unterminated, p.continued_at_eof)
}

/// Whether more lines could complete `text`: an open quote, compound command,
/// here-document, `$(`, a trailing `|`/`&&` or backslash. A text with a real syntax error
/// is complete (running it reports the error).
pub fn incomplete(text: &str) -> bool {
    pending(text) != Pending::Complete
}

/// What the next line of an unfinished command is: a here-document body line (taken
/// verbatim, up to the delimiter) or more of the command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    Complete,
    HeredocBody(OpenHeredoc),
    MoreCommand,
}

/// Classifies `text` as [`Pending`] (parsed with the default nesting bound: deeper text
/// is complete, and running it reports the bound).
pub fn pending(text: &str) -> Pending {
    let max = crate::shell::Limits::default().max_depth;
    let (result, heredoc, continued) = parse_state(text, Dialect::Bash, max);
    let open = match &result {
        Ok(_) => true,
        Err(e) => e.at_eof,
    };
    match heredoc {
        Some(h) if open => Pending::HeredocBody(h),
        _ if result.as_ref().is_err_and(|e| e.at_eof) || (result.is_ok() && continued) => {
            Pending::MoreCommand
        }
        _ => Pending::Complete,
    }
}

pub struct Parser<'s> {
    src: &'s [char],
    pos: usize,
    line: usize,
    depth: usize,
    max_depth: usize,
    dialect: Dialect,
    /// Here-documents whose bodies start after the next newline.
    pending: Vec<(Rc<HereDoc>, usize)>,
    peeked: Option<(Tok, usize)>,
    continued_at_eof: bool,
    /// How many `$(` the parser is inside (bash words an end of file there apart).
    in_subst: usize,
    /// The first here-document ended by the end of the text: its line and delimiter.
    unterminated: Option<OpenHeredoc>,
}

impl<'s> Parser<'s> {
    /// A parser for text inside this one (backquotes, here-document bodies).
    fn sub<'t>(&self, src: &'t [char], line: usize) -> Result<Parser<'t>, SyntaxError> {
        Ok(Parser {
            src,
            pos: 0,
            line,
            depth: self.depth,
            max_depth: self.max_depth,
            dialect: self.dialect,
            pending: Vec::new(),
            peeked: None,
            continued_at_eof: false,
            in_subst: 0,
            unterminated: None,
        })
    }

    /// The whole input: a list, then the end.
    fn program(&mut self) -> Result<List, SyntaxError> {
        let list = self.list(false)?;
        let tok = self.next()?;
        if tok != Tok::Eof {
            return Err(self.unexpected(&tok, None));
        }
        Ok(list)
    }

    fn skip_newlines(&mut self) -> Result<(), SyntaxError> {
        while *self.peek()? == Tok::Newline {
            self.next()?;
        }
        Ok(())
    }

    /// Whether the peeked token can start a command.
    fn starts_command(&mut self) -> Result<bool, SyntaxError> {
        let tok = self.peek()?;
        Ok(match tok {
            Tok::Word(..) => !matches!(
                tok.keyword(),
                Some("}" | "do" | "done" | "elif" | "else" | "esac" | "fi" | "in" | "then")
            ),
            Tok::Redir(..) | Tok::LParen => true,
            _ => false,
        })
    }

    /// A list of and-or lists, up to a token that cannot start a command. `required`: an
    /// empty list is a syntax error at that token (after `if`, `do`, `{`, ...).
    fn list(&mut self, required: bool) -> Result<List, SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.skip_newlines()?;
            if !self.starts_command()? {
                // At the end of the input the caller names what it expected instead.
                if required && items.is_empty() && *self.peek()? != Tok::Eof {
                    let tok = self.next()?;
                    return Err(self.unexpected(&tok, None));
                }
                break;
            }
            let mut item = self.and_or()?;
            match self.peek()? {
                Tok::Semi | Tok::Newline => {
                    self.next()?;
                }
                Tok::Amp => {
                    self.next()?;
                    item.background = true;
                }
                _ => {
                    items.push(item);
                    break;
                }
            }
            items.push(item);
        }
        Ok(List(items))
    }

    fn and_or(&mut self) -> Result<AndOr, SyntaxError> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let connector = match self.peek()? {
                Tok::AndIf => Connector::And,
                Tok::OrIf => Connector::Or,
                _ => break,
            };
            self.next()?;
            self.skip_newlines()?;
            rest.push((connector, self.pipeline()?));
        }
        Ok(AndOr {
            first,
            rest,
            background: false,
        })
    }

    fn pipeline(&mut self) -> Result<Pipeline, SyntaxError> {
        let mut negated = false;
        while self.peek()?.keyword() == Some("!") {
            if negated && self.dialect != Dialect::Bash {
                let tok = self.next()?;
                return Err(self.unexpected(&tok, None));
            }
            self.next()?;
            negated = !negated;
        }
        let mut commands = vec![self.command()?];
        while *self.peek()? == Tok::Pipe {
            self.next()?;
            self.skip_newlines()?;
            commands.push(self.command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn command(&mut self) -> Result<Command, SyntaxError> {
        let line = self.peek_line()?;
        let tok = self.peek()?.clone();
        let compound = match (&tok, tok.keyword()) {
            (Tok::LParen, _) => {
                self.next()?;
                self.enter()?;
                let body = self.list(true)?;
                self.expect_op(Tok::RParen, ")")?;
                self.leave();
                Compound::Subshell(body)
            }
            (_, Some("{")) => {
                self.next()?;
                self.enter()?;
                let body = self.list(true)?;
                self.expect_keyword("}")?;
                self.leave();
                Compound::Brace(body)
            }
            (_, Some("if")) => self.if_command()?,
            (_, Some(k @ ("while" | "until"))) => {
                let until = k == "until";
                self.next()?;
                self.enter()?;
                let cond = self.list(true)?;
                self.expect_keyword("do")?;
                let body = self.list(true)?;
                self.expect_keyword("done")?;
                self.leave();
                Compound::Loop { until, cond, body }
            }
            (_, Some("for")) => self.for_command()?,
            (_, Some("case")) => self.case_command()?,
            (Tok::Word(..), Some(_)) => {
                let tok = self.next()?;
                return Err(self.unexpected(&tok, None));
            }
            (Tok::Word(w, _), None) if self.bashlike() && w.as_plain() == Some("function") => {
                return self.function_keyword(line);
            }
            (Tok::Word(..) | Tok::Redir(..), None) => return self.simple(line),
            _ => {
                let tok = self.next()?;
                return Err(self.unexpected(&tok, None));
            }
        };
        let redirects = self.redirects()?;
        Ok(Command {
            line,
            kind: CommandKind::Compound(compound),
            redirects,
        })
    }

    fn expect_keyword(&mut self, keyword: &'static str) -> Result<(), SyntaxError> {
        let tok = self.next()?;
        if tok.keyword() == Some(keyword) {
            Ok(())
        } else {
            Err(self.unexpected(&tok, Some(keyword)))
        }
    }

    fn expect_op(&mut self, want: Tok, name: &'static str) -> Result<(), SyntaxError> {
        let tok = self.next()?;
        if tok == want {
            Ok(())
        } else {
            Err(self.unexpected(&tok, Some(name)))
        }
    }

    fn if_command(&mut self) -> Result<Compound, SyntaxError> {
        self.next()?;
        self.enter()?;
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let cond = self.list(true)?;
            self.expect_keyword("then")?;
            let body = self.list(true)?;
            branches.push((cond, body));
            let tok = self.next()?;
            match tok.keyword() {
                Some("elif") => continue,
                Some("else") => {
                    otherwise = Some(self.list(true)?);
                    self.expect_keyword("fi")?;
                    break;
                }
                Some("fi") => break,
                _ => return Err(self.unexpected(&tok, Some("fi"))),
            }
        }
        self.leave();
        Ok(Compound::If {
            branches,
            otherwise,
        })
    }

    fn for_command(&mut self) -> Result<Compound, SyntaxError> {
        self.next()?;
        self.enter()?;
        let var = match self.next()? {
            Tok::Word(w, raw) => match w.as_plain() {
                Some(name) if is_name(name) => name.to_string(),
                _ => return Err(self.error(SyntaxKind::BadForVariable(raw), false)),
            },
            tok => return Err(self.unexpected(&tok, None)),
        };
        self.skip_newlines()?;
        let mut items = None;
        if self.peek()?.keyword() == Some("in") {
            self.next()?;
            let mut words = Vec::new();
            while let Tok::Word(..) = self.peek()? {
                if let Tok::Word(w, _) = self.next()? {
                    words.push(w);
                }
            }
            match self.next()? {
                Tok::Semi | Tok::Newline => {}
                tok => return Err(self.unexpected(&tok, Some("do"))),
            }
            self.skip_newlines()?;
            items = Some(words);
        } else if *self.peek()? == Tok::Semi {
            self.next()?;
            self.skip_newlines()?;
        }
        self.expect_keyword("do")?;
        let body = self.list(true)?;
        self.expect_keyword("done")?;
        self.leave();
        Ok(Compound::For { var, items, body })
    }

    fn case_command(&mut self) -> Result<Compound, SyntaxError> {
        self.next()?;
        self.enter()?;
        let word = match self.next()? {
            Tok::Word(w, _) => w,
            tok => return Err(self.unexpected(&tok, None)),
        };
        self.skip_newlines()?;
        self.expect_keyword("in")?;
        let mut arms = Vec::new();
        loop {
            self.skip_newlines()?;
            if self.peek()?.keyword() == Some("esac") {
                self.next()?;
                break;
            }
            if *self.peek()? == Tok::LParen {
                self.next()?;
            }
            let mut patterns = Vec::new();
            loop {
                match self.next()? {
                    Tok::Word(w, _) => patterns.push(w),
                    tok => return Err(self.unexpected(&tok, Some(")"))),
                }
                match self.next()? {
                    Tok::Pipe => continue,
                    Tok::RParen => break,
                    tok => return Err(self.unexpected(&tok, Some(")"))),
                }
            }
            let body = self.list(false)?;
            arms.push(CaseArm { patterns, body });
            let tok = self.next()?;
            match tok {
                Tok::DSemi => continue,
                _ if tok.keyword() == Some("esac") => break,
                _ => return Err(self.unexpected(&tok, Some("esac"))),
            }
        }
        self.leave();
        Ok(Compound::Case { word, arms })
    }

    /// Redirections after a compound command.
    fn redirects(&mut self) -> Result<Vec<Redirect>, SyntaxError> {
        let mut out = Vec::new();
        while let Tok::Redir(..) = self.peek()? {
            let tok = self.next()?;
            self.redirect(tok, &mut out)?;
        }
        Ok(out)
    }

    fn redirect(&mut self, tok: Tok, out: &mut Vec<Redirect>) -> Result<(), SyntaxError> {
        let Tok::Redir(fd, op, _) = tok else {
            return Ok(());
        };
        let target = self.next()?;
        let word = match (&target, op) {
            (Tok::Word(..), RedirTok::DLess | RedirTok::DLessDash) => {
                let doc = self.heredoc(&target, op == RedirTok::DLessDash)?;
                out.push(Redirect {
                    fd,
                    op: RedirectOp::HereDoc(doc),
                });
                return Ok(());
            }
            (Tok::Word(w, _), _) => w.clone(),
            _ => return Err(self.unexpected(&target, None)),
        };
        let op = match op {
            RedirTok::Less => RedirectOp::Input(word),
            RedirTok::Great | RedirTok::Clobber => RedirectOp::Output(word),
            RedirTok::DGreat => RedirectOp::Append(word),
            RedirTok::LessGreat => RedirectOp::ReadWrite(word),
            RedirTok::TLess => RedirectOp::HereString(word),
            RedirTok::LessAnd => RedirectOp::DupIn(self.fd_word(word)?),
            RedirTok::GreatAnd => {
                let plain = word.as_plain().unwrap_or("");
                if self.dialect == Dialect::Bash
                    && fd.is_none()
                    && !(plain == "-"
                        || (!plain.is_empty() && plain.chars().all(|c| c.is_ascii_digit())))
                {
                    // bash: `>&file` sends both stdout and stderr to the file.
                    out.push(Redirect {
                        fd: None,
                        op: RedirectOp::Output(word),
                    });
                    out.push(Redirect {
                        fd: Some(2),
                        op: RedirectOp::DupOut(Word::literal("1")),
                    });
                    return Ok(());
                }
                RedirectOp::DupOut(self.fd_word(word)?)
            }
            RedirTok::DLess | RedirTok::DLessDash => unreachable!("handled above"),
        };
        out.push(Redirect { fd, op });
        Ok(())
    }

    /// The target of `>&`/`<&`: a descriptor number or `-` (or an expansion).
    fn fd_word(&self, word: Word) -> Result<Word, SyntaxError> {
        match word.as_plain() {
            Some(s) if s == "-" || (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())) => {
                Ok(word)
            }
            Some(_) => Err(self.error(SyntaxKind::BadFd, false)),
            None => Ok(word),
        }
    }

    fn simple(&mut self, line: usize) -> Result<Command, SyntaxError> {
        let mut simple = Simple::default();
        let mut redirects = Vec::new();
        loop {
            match self.peek()? {
                Tok::Redir(..) => {
                    let tok = self.next()?;
                    self.redirect(tok, &mut redirects)?;
                }
                Tok::Word(..) => {
                    let Tok::Word(w, _) = self.next()? else {
                        unreachable!("peeked a word")
                    };
                    if simple.words.is_empty() {
                        if let Some(assign) = assignment(&w) {
                            simple.assigns.push(assign);
                            continue;
                        }
                    }
                    let first = simple.words.is_empty()
                        && simple.assigns.is_empty()
                        && redirects.is_empty();
                    simple.words.push(w);
                    if first && *self.peek()? == Tok::LParen {
                        return self.function_def(line, simple.words.remove(0));
                    }
                }
                _ => break,
            }
        }
        Ok(Command {
            line,
            kind: CommandKind::Simple(simple),
            redirects,
        })
    }

    /// `name() body`: the name word is read, `(` is next.
    fn function_def(&mut self, line: usize, name: Word) -> Result<Command, SyntaxError> {
        self.next()?;
        self.expect_op(Tok::RParen, ")")?;
        let Some(name) = name.as_plain().map(str::to_string) else {
            return Err(self.unexpected(&Tok::LParen, None));
        };
        self.skip_newlines()?;
        self.function_body(line, name)
    }

    /// bash's `function name { ...; }`.
    fn function_keyword(&mut self, line: usize) -> Result<Command, SyntaxError> {
        self.next()?;
        let name = match self.next()? {
            Tok::Word(w, raw) => w.as_plain().map(str::to_string).unwrap_or(raw),
            tok => return Err(self.unexpected(&tok, None)),
        };
        if *self.peek()? == Tok::LParen {
            self.next()?;
            self.expect_op(Tok::RParen, ")")?;
        }
        self.skip_newlines()?;
        self.function_body(line, name)
    }

    fn function_body(&mut self, line: usize, name: String) -> Result<Command, SyntaxError> {
        if self.dialect == Dialect::Bash {
            let tok = self.peek()?.clone();
            let compound = tok == Tok::LParen
                || matches!(
                    tok.keyword(),
                    Some("{" | "if" | "while" | "until" | "for" | "case")
                );
            if !compound {
                let tok = self.next()?;
                return Err(self.unexpected(&tok, None));
            }
        }
        self.enter()?;
        let body = self.command()?;
        self.leave();
        Ok(Command {
            line,
            kind: CommandKind::Function(Rc::new(FunctionDef { name, body })),
            redirects: Vec::new(),
        })
    }
}

/// `NAME=value` at the start of a simple command.
fn assignment(word: &Word) -> Option<Assign> {
    let Some(Part::Lit(first)) = word.parts.first() else {
        return None;
    };
    let (name, rest) = first.split_once('=')?;
    if !is_name(name) {
        return None;
    }
    let mut parts = Vec::new();
    if !rest.is_empty() {
        parts.push(Part::Lit(rest.to_string()));
    }
    parts.extend(word.parts[1..].iter().cloned());
    Some(Assign {
        name: name.to_string(),
        value: Word { parts },
    })
}

#[cfg(test)]
mod tests;
