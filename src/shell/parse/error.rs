//! Syntax errors, worded as each shell words them: bash's `syntax error near unexpected
//! token `done'` (parse.y), dash's `Syntax error: "done" unexpected` (parser.c, with its
//! token names from mktokens), busybox ash's `syntax error: unexpected "done"` (ash.c,
//! `raise_error_unexpected_syntax` over `tokname_array`). The shell adds the `sh: 1: `
//! prefix ([`crate::shell::Shell`] knows the name and line).

use crate::shell::Dialect;

/// A token as an error message names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Eof,
    Newline,
    /// A redirection operator, as written (`>`, `2>>`).
    Redirect(String),
    /// An ordinary word, as written.
    Word(String),
    /// A reserved word in a place where the shell looks for one (`done`, `}`).
    Keyword(String),
    /// An operator (`;`, `&&`, `)`).
    Op(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A token where the grammar does not allow it; `expecting` names the one it wanted.
    Unexpected {
        found: Found,
        expecting: Option<&'static str>,
    },
    /// End of input inside a quote, `$(`, `${` or backquotes: the closing character.
    Unmatched(char),
    /// `$((` without its `))`.
    MissingArithClose,
    /// `for 1 in ...`
    BadForVariable(String),
    /// `>&x` where a descriptor number belongs.
    BadFd,
    /// The sandbox's nesting bound.
    TooDeep(usize),
    /// The sandbox's bound on the size of one script.
    TooLong(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxKind,
    /// 1-based line of the error, counted from the start of the parsed text.
    pub line: usize,
    /// The input ended before the construct did: more lines could complete it.
    pub at_eof: bool,
}

impl SyntaxError {
    /// The message without the shell's `name: line: ` prefix.
    pub fn message(&self, dialect: Dialect) -> String {
        use SyntaxKind::*;
        match (&self.kind, dialect) {
            (TooDeep(limit), _) => {
                format!("kubetutor: commands are nested more than {limit} levels deep; the sandbox stops there")
            }
            (TooLong(limit), _) => {
                format!("kubetutor: the script is longer than the sandbox's limit of {limit} bytes")
            }
            (Unexpected { found, expecting }, Dialect::Dash) => {
                let mut m = format!("Syntax error: {} unexpected", dash_name(found));
                if let Some(e) = expecting {
                    m.push_str(&format!(" (expecting \"{e}\")"));
                }
                m
            }
            (Unexpected { found, expecting }, Dialect::Ash) => {
                let mut m = format!("syntax error: unexpected {}", dash_name(found));
                if let Some(e) = expecting {
                    m.push_str(&format!(" (expecting \"{e}\")"));
                }
                m
            }
            (Unexpected { found, .. }, Dialect::Bash) => match found {
                Found::Eof => "syntax error: unexpected end of file".to_string(),
                Found::Newline => "syntax error near unexpected token `newline'".to_string(),
                Found::Redirect(t) | Found::Word(t) | Found::Keyword(t) => {
                    format!("syntax error near unexpected token `{t}'")
                }
                Found::Op(t) => format!("syntax error near unexpected token `{t}'"),
            },
            (Unmatched(c), Dialect::Bash) => {
                format!("unexpected EOF while looking for matching `{c}'")
            }
            (Unmatched('`'), Dialect::Dash) => "Syntax error: EOF in backquote substitution".into(),
            (Unmatched('`'), Dialect::Ash) => "syntax error: EOF in backquote substitution".into(),
            (Unmatched('}'), Dialect::Dash) => "Syntax error: Missing '}'".into(),
            (Unmatched('}'), Dialect::Ash) => "syntax error: missing '}'".into(),
            (Unmatched(')'), Dialect::Dash) => {
                "Syntax error: end of file unexpected (expecting \")\")".into()
            }
            (Unmatched(')'), Dialect::Ash) => {
                "syntax error: unexpected end of file (expecting \")\")".into()
            }
            (Unmatched(_), Dialect::Dash) => "Syntax error: Unterminated quoted string".into(),
            (Unmatched(_), Dialect::Ash) => "syntax error: unterminated quoted string".into(),
            (MissingArithClose, Dialect::Dash) => "Syntax error: Missing '))'".into(),
            (MissingArithClose, Dialect::Ash) => "syntax error: missing '))'".into(),
            (MissingArithClose, Dialect::Bash) => {
                "unexpected EOF while looking for matching `)'".into()
            }
            (BadForVariable(_), Dialect::Dash) => "Syntax error: Bad for loop variable".into(),
            (BadForVariable(_), Dialect::Ash) => "syntax error: bad for loop variable".into(),
            (BadForVariable(name), Dialect::Bash) => format!("`{name}': not a valid identifier"),
            (BadFd, Dialect::Dash) => "Syntax error: Bad fd number".into(),
            (BadFd, Dialect::Ash) => "syntax error: bad fd number".into(),
            (BadFd, Dialect::Bash) => "ambiguous redirect".into(),
        }
    }

    /// Whether this is one of the sandbox's bounds (printed without the shell's prefix).
    pub fn is_limit(&self) -> bool {
        matches!(self.kind, SyntaxKind::TooDeep(_) | SyntaxKind::TooLong(_))
    }

    /// Whether bash words this error as a syntax error of the `-c` string (it then
    /// repeats the offending line).
    pub fn bash_quotes_line(&self) -> bool {
        matches!(
            &self.kind,
            SyntaxKind::Unexpected { found, .. } if *found != Found::Eof
        )
    }
}

/// dash's and busybox's name for a token: quoted for operators and reserved words.
fn dash_name(found: &Found) -> String {
    match found {
        Found::Eof => "end of file".into(),
        Found::Newline => "newline".into(),
        Found::Redirect(_) => "redirection".into(),
        Found::Word(_) => "word".into(),
        Found::Keyword(k) => format!("\"{k}\""),
        Found::Op(o) => format!("\"{o}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unexpected(found: Found, expecting: Option<&'static str>) -> SyntaxError {
        SyntaxError {
            kind: SyntaxKind::Unexpected { found, expecting },
            line: 1,
            at_eof: false,
        }
    }

    #[test]
    fn wording_per_dialect() {
        let done = unexpected(Found::Keyword("done".into()), None);
        assert_eq!(
            done.message(Dialect::Bash),
            "syntax error near unexpected token `done'"
        );
        assert_eq!(
            done.message(Dialect::Dash),
            "Syntax error: \"done\" unexpected"
        );
        assert_eq!(
            done.message(Dialect::Ash),
            "syntax error: unexpected \"done\""
        );
        let eof = unexpected(Found::Eof, Some("fi"));
        assert_eq!(
            eof.message(Dialect::Dash),
            "Syntax error: end of file unexpected (expecting \"fi\")"
        );
        assert_eq!(
            eof.message(Dialect::Ash),
            "syntax error: unexpected end of file (expecting \"fi\")"
        );
        assert_eq!(
            eof.message(Dialect::Bash),
            "syntax error: unexpected end of file"
        );
        let word = unexpected(Found::Word("echo".into()), Some("do"));
        assert_eq!(
            word.message(Dialect::Dash),
            "Syntax error: word unexpected (expecting \"do\")"
        );
        assert_eq!(
            word.message(Dialect::Bash),
            "syntax error near unexpected token `echo'"
        );
    }
}
