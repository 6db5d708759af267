//! The syntax tree: what the parser builds from a script and the interpreter walks. It
//! follows the POSIX grammar's names (list, and-or, pipeline, simple and compound commands,
//! redirections); words keep their quoting so expansion can decide what is split and
//! globbed.

use std::cell::OnceCell;
use std::rc::Rc;

/// Commands separated by `;`, `&` or newlines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct List(pub Vec<AndOr>);

/// Pipelines joined by `&&` and `||`.
#[derive(Clone, Debug, PartialEq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
    /// Ended by `&`. The sandbox runs it to completion before going on (there are no
    /// processes to run in the background).
    pub background: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connector {
    /// `&&`
    And,
    /// `||`
    Or,
}

/// Commands joined by `|`, optionally negated with `!`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub negated: bool,
    pub commands: Vec<Command>,
}

/// One command with the redirections written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    /// 1-based line where the command starts, counted from the start of the parsed text.
    pub line: usize,
    pub kind: CommandKind,
    pub redirects: Vec<Redirect>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CommandKind {
    Simple(Simple),
    Compound(Compound),
    /// `name() compound-command`
    Function(Rc<FunctionDef>),
}

/// `NAME=value ... word ...` (redirections live on the [`Command`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Simple {
    pub assigns: Vec<Assign>,
    pub words: Vec<Word>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assign {
    pub name: String,
    pub value: Word,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub body: Command,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Compound {
    /// `{ list; }`
    Brace(List),
    /// `( list )`: runs in a copy of the shell, so its changes do not leak.
    Subshell(List),
    /// `for var in items; do body; done`; `items` None for `for var; do` (the positional
    /// parameters).
    For {
        var: String,
        items: Option<Vec<Word>>,
        body: List,
    },
    /// `while cond; do body; done`, or `until` when `until` is set.
    Loop { until: bool, cond: List, body: List },
    /// `if c1; then b1; elif c2; then b2; else e; fi`
    If {
        branches: Vec<(List, List)>,
        otherwise: Option<List>,
    },
    /// `case word in pattern|pattern) body ;; ... esac`
    Case { word: Word, arms: Vec<CaseArm> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: List,
}

/// A redirection: `[fd]op target`.
#[derive(Clone, Debug, PartialEq)]
pub struct Redirect {
    /// The descriptor written before the operator (`2>`), None for the operator's default.
    pub fd: Option<u32>,
    pub op: RedirectOp,
}

impl Redirect {
    /// The descriptor this redirection changes.
    pub fn target_fd(&self) -> u32 {
        self.fd.unwrap_or(match self.op {
            RedirectOp::Input(_)
            | RedirectOp::ReadWrite(_)
            | RedirectOp::DupIn(_)
            | RedirectOp::HereDoc(_)
            | RedirectOp::HereString(_) => 0,
            RedirectOp::Output(_) | RedirectOp::Append(_) | RedirectOp::DupOut(_) => 1,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum RedirectOp {
    /// `< file`
    Input(Word),
    /// `> file` and `>| file`
    Output(Word),
    /// `>> file`
    Append(Word),
    /// `<> file` (opened for reading here)
    ReadWrite(Word),
    /// `>&fd`, `>&-`
    DupOut(Word),
    /// `<&fd`, `<&-`
    DupIn(Word),
    /// `<<EOF`, `<<-EOF`, `<<'EOF'`
    HereDoc(Rc<HereDoc>),
    /// `<<< word` (bash and busybox ash)
    HereString(Word),
}

/// A here-document. Its body is read after the line that holds the operator, so the
/// parser fills it in later.
#[derive(Clone, Debug, PartialEq)]
pub struct HereDoc {
    pub delimiter: String,
    /// `<<-`: leading tabs are removed from the body and the delimiter line.
    pub strip_tabs: bool,
    /// The delimiter was unquoted: `$`, backquotes and `\` work in the body.
    pub expand: bool,
    /// The body as a word whose parts are all quoted (no field splitting or globbing).
    pub body: OnceCell<Word>,
}

/// A word before expansion: its parts keep how they were quoted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    pub parts: Vec<Part>,
}

impl Word {
    pub fn literal(s: &str) -> Word {
        Word {
            parts: vec![Part::Lit(s.to_string())],
        }
    }

    /// The unquoted literal text of a word made of nothing else (keywords, names).
    pub fn as_plain(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [Part::Lit(s)] => Some(s),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Unquoted text: pattern characters in it glob.
    Lit(String),
    /// Text from single quotes, double quotes or a backslash escape.
    Quoted(String),
    /// `~` or `~name` at the start of an unquoted word (the name, possibly empty).
    Tilde(String),
    /// `$name`, `${...}`; `quoted` when inside double quotes.
    Param(Box<Param>, bool),
    /// `$(...)` or backquotes.
    Command(Rc<List>, bool),
    /// `$((...))`: the expression text after its own expansions.
    Arith(Word, bool),
}

/// A parameter expansion.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// A variable name, a positional number, or one of `@ * # ? - $ ! 0`.
    pub name: String,
    pub op: ParamOp,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParamOp {
    /// `$x`, `${x}`
    Plain,
    /// `${#x}`
    Length,
    /// `${x:-w}` (colon: also when empty), `${x-w}`
    Default { colon: bool, word: Word },
    /// `${x:=w}`, `${x=w}`
    Assign { colon: bool, word: Word },
    /// `${x:?w}`, `${x?w}`
    Error { colon: bool, word: Word },
    /// `${x:+w}`, `${x+w}`
    Alternative { colon: bool, word: Word },
    /// `${x#p}`, `${x##p}`
    TrimPrefix { longest: bool, pattern: Word },
    /// `${x%p}`, `${x%%p}`
    TrimSuffix { longest: bool, pattern: Word },
    /// `${x:offset}`, `${x:offset:length}` (bash and busybox ash)
    Substring { offset: Word, length: Option<Word> },
    /// A `${...}` that is not a valid expansion, as written: "Bad substitution" when it
    /// is expanded.
    Bad(String),
    /// `${x/p/r}`, `${x//p/r}` (bash and busybox ash)
    Replace {
        all: bool,
        pattern: Word,
        with: Word,
    },
}
