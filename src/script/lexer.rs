//! The script lexer: a scripted command file into commands ([`split_commands`]), and one
//! command line into shell words and operators ([`tokenize`]), following POSIX shell (bash)
//! rules. It is pure: it never starts a process, and it leaves command substitutions
//! (`$(...)`, backticks) unevaluated as [`Word::Subst`] for a later layer.
//!
//! Decisions:
//! - A command's echo text is [`ScriptLine::source`], its physical lines verbatim (joined with
//!   `\n`, continuation backslashes and trailing comments kept), without heredoc bodies.
//!   [`ScriptLine::text`] is the logical line to tokenize: continuations removed as bash does
//!   (backslash-newline deleted, nothing inserted), the trailing comment dropped.
//! - A quote left open at the end of a line continues the command on the next line (the
//!   newline is part of the quoted text), as in bash; open at end of file, the command runs
//!   to the end and [`tokenize`] reports bash's error.
//! - Not handled: tilde and glob expansion, `$'...'`, arithmetic other than keeping `$((..))`
//!   raw, parentheses as subshell syntax (they are ordinary characters here).

use std::fmt;

/// A heredoc attached to a command (`<<EOF`, `<<'EOF'`, `<<-EOF`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heredoc {
    /// The delimiter word, quotes removed.
    pub delimiter: String,
    /// The body lines, each ending in `\n` (leading tabs removed for `<<-`).
    pub body: String,
    /// Whether `$VAR` expansion applies to the body (the delimiter was not quoted).
    pub expand: bool,
    /// False when the file ended before the delimiter line; bash then warns
    /// (see [`Heredoc::warning`]) and uses what it read.
    pub terminated: bool,
    /// 1-based line of the command that opened it.
    pub line: usize,
}

impl Heredoc {
    /// bash's warning for a heredoc ended by end of file (without bash's `NAME: ` prefix).
    pub fn warning(&self) -> Option<String> {
        (!self.terminated).then(|| {
            format!(
                "warning: here-document at line {} delimited by end-of-file (wanted `{}')",
                self.line, self.delimiter
            )
        })
    }
}

/// One command of a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptLine {
    /// 1-based line number where the command starts.
    pub line: usize,
    /// The physical lines as written (for echoing as `$ <command>`), joined with `\n`.
    pub source: String,
    /// The logical command line to pass to [`tokenize`].
    pub text: String,
    /// Heredocs in order; the last one is the command's stdin.
    pub heredocs: Vec<Heredoc>,
}

impl ScriptLine {
    /// The stdin text the heredocs give the command, if any.
    pub fn stdin(&self) -> Option<&str> {
        self.heredocs.last().map(|h| h.body.as_str())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Single,
    Double,
}

/// Splits a script into commands: one per line, `\` continuations joined, comments and
/// blank lines skipped, heredoc bodies attached to their command.
pub fn split_commands(text: &str) -> Vec<ScriptLine> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let (mut logical, mut quote, mut pending) = (String::new(), Quote::None, Vec::new());
        loop {
            let line = lines[i];
            i += 1;
            let more = scan_line(line, &mut logical, &mut quote, &mut pending);
            if !more || i >= lines.len() {
                break;
            }
        }
        let source = lines[start..i].join("\n");
        let text = logical.trim().to_string();
        let mut heredocs = Vec::new();
        for (delimiter, expand, strip_tabs) in pending {
            let mut body = String::new();
            let mut terminated = false;
            while i < lines.len() {
                let raw = lines[i];
                i += 1;
                let l = if strip_tabs {
                    raw.trim_start_matches('\t')
                } else {
                    raw
                };
                if l == delimiter {
                    terminated = true;
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            heredocs.push(Heredoc {
                delimiter,
                body,
                expand,
                terminated,
                line: start + 1,
            });
        }
        if !text.is_empty() {
            out.push(ScriptLine {
                line: start + 1,
                source,
                text,
                heredocs,
            });
        }
    }
    out
}

/// Scans one physical line into `out`; returns whether the command goes on to the next line.
fn scan_line(
    line: &str,
    out: &mut String,
    quote: &mut Quote,
    heredocs: &mut Vec<(String, bool, bool)>,
) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        match *quote {
            Quote::Single => {
                out.push(c);
                if c == '\'' {
                    *quote = Quote::None;
                }
            }
            Quote::Double | Quote::None if c == '\\' => {
                if k + 1 == chars.len() {
                    return true; // continuation: drop the backslash and the newline
                }
                out.push(c);
                out.push(chars[k + 1]);
                k += 1;
            }
            Quote::Double => {
                out.push(c);
                if c == '"' {
                    *quote = Quote::None;
                }
            }
            Quote::None => {
                let word_start = out.is_empty() || out.ends_with([' ', '\t', ';', '|', '&']);
                if c == '#' && word_start {
                    return false;
                }
                out.push(c);
                match c {
                    '\'' => *quote = Quote::Single,
                    '"' => *quote = Quote::Double,
                    '<' if chars.get(k + 1) == Some(&'<') && chars.get(k + 2) == Some(&'<') => {
                        out.push_str("<<");
                        k += 2;
                    }
                    '<' if chars.get(k + 1) == Some(&'<') && chars.get(k + 2) != Some(&'<') => {
                        out.push('<');
                        k += 1;
                        let strip = chars.get(k + 1) == Some(&'-');
                        if strip {
                            out.push('-');
                            k += 1;
                        }
                        while matches!(chars.get(k + 1), Some(' ' | '\t')) {
                            out.push(chars[k + 1]);
                            k += 1;
                        }
                        let (mut delim, mut quoted, mut q) = (String::new(), false, Quote::None);
                        while let Some(&d) = chars.get(k + 1) {
                            if q == Quote::None && (d.is_whitespace() || ";|&<>".contains(d)) {
                                break;
                            }
                            out.push(d);
                            k += 1;
                            match (q, d) {
                                (Quote::None, '\'') => (q, quoted) = (Quote::Single, true),
                                (Quote::None, '"') => (q, quoted) = (Quote::Double, true),
                                (Quote::Single, '\'') | (Quote::Double, '"') => q = Quote::None,
                                (Quote::None, '\\') => quoted = true,
                                _ => delim.push(d),
                            }
                        }
                        if !delim.is_empty() {
                            heredocs.push((delim, !quoted, strip));
                        }
                    }
                    _ => {}
                }
            }
        }
        k += 1;
    }
    if *quote != Quote::None {
        out.push('\n');
        return true;
    }
    false
}

/// A shell operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `|`
    Pipe,
    /// `||`
    Or,
    /// `&&`
    And,
    /// `;` (an unquoted newline is reported as this too)
    Semi,
    /// `&`
    Background,
    /// `>`
    Out,
    /// `>>`
    Append,
    /// `2>`
    ErrOut,
    /// `2>>`
    ErrAppend,
    /// `2>&1`, one token.
    ErrToOut,
    /// `>&` (other descriptor duplications; the descriptor number follows as a word).
    DupOut,
    /// `<`
    In,
    /// `<<`
    HereDoc,
    /// `<<-`
    HereDocStrip,
    /// `<<<`
    HereString,
}

impl Op {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Pipe => "|",
            Op::Or => "||",
            Op::And => "&&",
            Op::Semi => ";",
            Op::Background => "&",
            Op::Out => ">",
            Op::Append => ">>",
            Op::ErrOut => "2>",
            Op::ErrAppend => "2>>",
            Op::ErrToOut => "2>&1",
            Op::DupOut => ">&",
            Op::In => "<",
            Op::HereDoc => "<<",
            Op::HereDocStrip => "<<-",
            Op::HereString => "<<<",
        }
    }
}

/// One token of a command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// A word after quote removal and `$VAR` expansion.
    Text(String),
    /// An operator.
    Op(Op),
    /// A word containing `$(...)`, `$((...))` or backticks: its raw text, quotes and all,
    /// for a later evaluator to substitute and lex again.
    Subst(String),
}

/// A lexing error; `Display` gives bash's message (without its `NAME: line N: ` prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexError {
    /// End of input inside a quote or substitution; holds the closing character wanted.
    UnexpectedEof { wanted: char },
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexError::UnexpectedEof { wanted } => {
                write!(f, "unexpected EOF while looking for matching `{wanted}'")
            }
        }
    }
}

impl std::error::Error for LexError {}

/// Word under construction: fields split off by unquoted expansions, and the current one.
#[derive(Default)]
struct Builder {
    fields: Vec<String>,
    cur: String,
    started: bool,
    raw: String,
    subst: bool,
}

impl Builder {
    fn lit(&mut self, s: &str) {
        self.cur.push_str(s);
        self.started = true;
    }

    /// An unquoted expansion: split on blanks (default IFS).
    fn split(&mut self, value: &str) {
        for c in value.chars() {
            if matches!(c, ' ' | '\t' | '\n') {
                if self.started {
                    self.fields.push(std::mem::take(&mut self.cur));
                    self.started = false;
                }
            } else {
                self.cur.push(c);
                self.started = true;
            }
        }
    }

    fn finish(&mut self, out: &mut Vec<Word>) {
        let b = std::mem::take(self);
        if b.subst {
            out.push(Word::Subst(b.raw));
            return;
        }
        out.extend(b.fields.into_iter().map(Word::Text));
        if b.started {
            out.push(Word::Text(b.cur));
        }
    }
}

/// Splits a command line into words and operators (see the module doc for the rules).
/// `env` gives variable values; unset variables expand to nothing.
pub fn tokenize(line: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Vec<Word>, LexError> {
    let s: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut w = Builder::default();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let at_word_start = w.raw.is_empty();
        let fd_op = if at_word_start && c == '2' && s.get(i + 1) == Some(&'>') {
            match (s.get(i + 2), s.get(i + 3)) {
                (Some('&'), Some('1')) => Some((Op::ErrToOut, 4)),
                (Some('>'), _) => Some((Op::ErrAppend, 3)),
                _ => Some((Op::ErrOut, 2)),
            }
        } else {
            None
        };
        if let Some((op, len)) = fd_op.or_else(|| operator(&s[i..])) {
            w.finish(&mut out);
            out.push(Word::Op(op));
            i += len;
            continue;
        }
        let start = i;
        match c {
            ' ' | '\t' => w.finish(&mut out),
            '\n' => {
                w.finish(&mut out);
                out.push(Word::Op(Op::Semi));
            }
            '#' if at_word_start => break,
            '\\' => {
                match s.get(i + 1) {
                    Some('\n') => {}
                    Some(&n) => w.lit(&n.to_string()),
                    None => w.lit("\\"),
                }
                i += 1;
            }
            '\'' => {
                let end = find(&s, i + 1, '\'').ok_or(LexError::UnexpectedEof { wanted: '\'' })?;
                w.lit(&s[i + 1..end].iter().collect::<String>());
                i = end;
            }
            '"' => {
                i += 1;
                w.started = true;
                loop {
                    match s.get(i) {
                        None => return Err(LexError::UnexpectedEof { wanted: '"' }),
                        Some('"') => break,
                        Some('\\') => {
                            match s.get(i + 1) {
                                Some('\n') => {}
                                Some(&n @ ('$' | '`' | '"' | '\\')) => w.lit(&n.to_string()),
                                Some(&n) => w.lit(&format!("\\{n}")),
                                None => return Err(LexError::UnexpectedEof { wanted: '"' }),
                            }
                            i += 2;
                        }
                        Some('$') | Some('`') => i = dollar(&s, i, &mut w, env, true)?,
                        Some(&n) => {
                            w.lit(&n.to_string());
                            i += 1;
                        }
                    }
                }
            }
            '$' | '`' => i = dollar(&s, i, &mut w, env, false)? - 1,
            _ => w.lit(&c.to_string()),
        }
        i += 1;
        if !matches!(c, ' ' | '\t' | '\n') {
            w.raw.extend(&s[start..i.min(s.len())]);
        }
    }
    w.finish(&mut out);
    Ok(out)
}

/// Recognises an operator (other than the `2>` forms) at the start of `s`.
fn operator(s: &[char]) -> Option<(Op, usize)> {
    let at = |k: usize| s.get(k).copied().unwrap_or('\0');
    Some(match (at(0), at(1), at(2)) {
        ('|', '|', _) => (Op::Or, 2),
        ('|', _, _) => (Op::Pipe, 1),
        ('&', '&', _) => (Op::And, 2),
        ('&', _, _) => (Op::Background, 1),
        (';', _, _) => (Op::Semi, 1),
        ('>', '>', _) => (Op::Append, 2),
        ('>', '&', _) => (Op::DupOut, 2),
        ('>', _, _) => (Op::Out, 1),
        ('<', '<', '<') => (Op::HereString, 3),
        ('<', '<', '-') => (Op::HereDocStrip, 3),
        ('<', '<', _) => (Op::HereDoc, 2),
        ('<', _, _) => (Op::In, 1),
        _ => return None,
    })
}

fn find(s: &[char], from: usize, c: char) -> Option<usize> {
    (from..s.len()).find(|&k| s[k] == c)
}

/// Handles `$...` or a backtick at `s[i]`; returns the index just past it.
fn dollar(
    s: &[char],
    i: usize,
    w: &mut Builder,
    env: &dyn Fn(&str) -> Option<String>,
    quoted: bool,
) -> Result<usize, LexError> {
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if s[i] == '`' {
        let end = find(s, i + 1, '`').ok_or(LexError::UnexpectedEof { wanted: '`' })?;
        w.subst = true;
        w.started = true;
        return Ok(end + 1);
    }
    match s.get(i + 1) {
        Some('(') => {
            let (mut depth, mut k, mut q) = (0usize, i + 1, Quote::None);
            while k < s.len() {
                match (q, s[k]) {
                    (Quote::None, '(') => depth += 1,
                    (Quote::None, ')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    (Quote::None, '\'') => q = Quote::Single,
                    (Quote::None, '"') => q = Quote::Double,
                    (Quote::Single, '\'') | (Quote::Double, '"') => q = Quote::None,
                    (Quote::None | Quote::Double, '\\') => k += 1,
                    _ => {}
                }
                k += 1;
            }
            if k >= s.len() {
                return Err(LexError::UnexpectedEof { wanted: ')' });
            }
            w.subst = true;
            w.started = true;
            Ok(k + 1)
        }
        Some('{') => {
            let end = find(s, i + 2, '}').ok_or(LexError::UnexpectedEof { wanted: '}' })?;
            let inner: String = s[i + 2..end].iter().collect();
            let value = match inner.split_once(":-") {
                Some((name, default)) => env(name)
                    .filter(|v| !v.is_empty())
                    .unwrap_or(default.to_string()),
                None => match inner.split_once('-') {
                    Some((name, default)) if !name.is_empty() => {
                        env(name).unwrap_or(default.to_string())
                    }
                    _ => env(&inner).unwrap_or_default(),
                },
            };
            expand_into(w, &value, quoted);
            Ok(end + 1)
        }
        Some(&c) if c.is_ascii_alphabetic() || c == '_' => {
            let end = (i + 1..s.len())
                .find(|&k| !name_char(s[k]))
                .unwrap_or(s.len());
            let name: String = s[i + 1..end].iter().collect();
            expand_into(w, &env(&name).unwrap_or_default(), quoted);
            Ok(end)
        }
        Some(&c) if c.is_ascii_digit() || "?#$!@*-".contains(c) => {
            expand_into(w, &env(&c.to_string()).unwrap_or_default(), quoted);
            Ok(i + 2)
        }
        _ => {
            w.lit("$");
            Ok(i + 1)
        }
    }
}

fn expand_into(w: &mut Builder, value: &str, quoted: bool) {
    if quoted {
        w.lit(value);
    } else {
        w.split(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "NS" => Some("kube-system".into()),
            "SPACED" => Some(" a  b ".into()),
            "EMPTY" => Some(String::new()),
            "?" => Some("0".into()),
            _ => None,
        }
    }

    fn words(line: &str) -> Vec<Word> {
        tokenize(line, &env).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    fn texts(line: &str) -> Vec<String> {
        words(line)
            .into_iter()
            .map(|w| match w {
                Word::Text(t) => t,
                Word::Op(op) => format!("<{}>", op.as_str()),
                Word::Subst(raw) => format!("{{{raw}}}"),
            })
            .collect()
    }

    #[test]
    fn plain_words_and_blanks() {
        assert_eq!(texts("  kubectl   get\tpods  "), ["kubectl", "get", "pods"]);
        assert_eq!(texts(""), Vec::<String>::new());
    }

    #[test]
    fn quoting() {
        assert_eq!(
            texts(r#"echo 'a "b" $NS' "c 'd' $NS" e\ f"#),
            ["echo", "a \"b\" $NS", "c 'd' kube-system", "e f"]
        );
        assert_eq!(texts(r#"x "" '' a""b"#), ["x", "", "", "ab"]);
        assert_eq!(texts(r#""a\"b\\c\$d\e""#), ["a\"b\\c$d\\e"]);
        assert_eq!(
            texts(r#"-p '{"spec":{"replicas":3}}'"#),
            ["-p", r#"{"spec":{"replicas":3}}"#]
        );
        assert_eq!(texts("a\\;b 'x|y'"), ["a;b", "x|y"]);
    }

    #[test]
    fn expansion() {
        assert_eq!(
            texts("get pods -n $NS"),
            ["get", "pods", "-n", "kube-system"]
        );
        assert_eq!(
            texts("-n=${NS}x $NS-y"),
            ["-n=kube-systemx", "kube-system-y"]
        );
        // Unquoted expansions are split on blanks; quoted ones are not; empty ones vanish.
        assert_eq!(texts("a$SPACED"), ["a", "a", "b"]);
        assert_eq!(texts("\"$SPACED\""), [" a  b "]);
        assert_eq!(texts("x $EMPTY $UNSET y \"$EMPTY\""), ["x", "y", ""]);
        assert_eq!(
            texts("${UNSET:-def} ${EMPTY:-d2} ${EMPTY-d3}x $? $ 5$"),
            ["def", "d2", "x", "0", "$", "5$"]
        );
    }

    #[test]
    fn substitutions_stay_raw() {
        assert_eq!(
            words("echo $(kubectl get pods -o name) x"),
            [
                Word::Text("echo".into()),
                Word::Subst("$(kubectl get pods -o name)".into()),
                Word::Text("x".into())
            ]
        );
        assert_eq!(words("pod-`date`"), [Word::Subst("pod-`date`".into())]);
        assert_eq!(
            words(r#""n=$(echo "a)b")""#),
            [Word::Subst(r#""n=$(echo "a)b")""#.into())]
        );
        assert_eq!(words("$((1+2))"), [Word::Subst("$((1+2))".into())]);
    }

    #[test]
    fn operators() {
        assert_eq!(
            texts("a|b||c&&d;e&f"),
            ["a", "<|>", "b", "<||>", "c", "<&&>", "d", "<;>", "e", "<&>", "f"]
        );
        assert_eq!(
            texts("get pods > out.txt 2> err >> log < in"),
            ["get", "pods", "<>>", "out.txt", "<2>>", "err", "<>>>", "log", "<<>", "in"]
        );
        assert_eq!(
            texts("x 2>&1 a2>b 2>>e"),
            ["x", "<2>&1>", "a2", "<>>", "b", "<2>>>", "e"]
        );
        assert_eq!(texts("cat <<EOF"), ["cat", "<<<>", "EOF"]);
        assert_eq!(
            texts("cat <<-EOF <<< s"),
            ["cat", "<<<->", "EOF", "<<<<>", "s"]
        );
    }

    #[test]
    fn comments() {
        assert_eq!(texts("get pods # the pods"), ["get", "pods"]);
        assert_eq!(texts("echo a#b '#c' #d"), ["echo", "a#b", "#c"]);
        assert_eq!(texts("a;#b"), ["a", "<;>"]);
    }

    #[test]
    fn bash_errors() {
        let e = |l: &str| tokenize(l, &env).unwrap_err().to_string();
        assert_eq!(
            e("echo 'a"),
            "unexpected EOF while looking for matching `''"
        );
        assert_eq!(
            e("echo \"a"),
            "unexpected EOF while looking for matching `\"'"
        );
        assert_eq!(
            e("echo $(a"),
            "unexpected EOF while looking for matching `)'"
        );
        assert_eq!(
            e("echo `a"),
            "unexpected EOF while looking for matching ``'"
        );
        assert_eq!(
            e("echo ${a"),
            "unexpected EOF while looking for matching `}'"
        );
    }

    #[test]
    fn split_lines_comments_blanks() {
        let script =
            "# setup\n\nkubectl get pods   # list\n  # indented comment\nkubectl apply -f x.yaml\n";
        let cmds = split_commands(script);
        assert_eq!(cmds.len(), 2);
        assert_eq!(
            (cmds[0].line, cmds[0].text.as_str()),
            (3, "kubectl get pods")
        );
        assert_eq!(cmds[0].source, "kubectl get pods   # list");
        assert_eq!(
            (cmds[1].line, cmds[1].text.as_str()),
            (5, "kubectl apply -f x.yaml")
        );
        assert!(cmds[1].heredocs.is_empty() && cmds[1].stdin().is_none());
        // A '#' inside quotes or inside a word is not a comment.
        let cmds = split_commands("kubectl annotate pod x 'a=#1' b=c#d\r\n");
        assert_eq!(cmds[0].text, "kubectl annotate pod x 'a=#1' b=c#d");
    }

    #[test]
    fn split_continuations_and_multiline_quotes() {
        let cmds = split_commands("kubectl get pods \\\n  -n web \\\n  -o wide\nnext");
        assert_eq!(cmds[0].text, "kubectl get pods   -n web   -o wide");
        assert_eq!(
            cmds[0].source,
            "kubectl get pods \\\n  -n web \\\n  -o wide"
        );
        assert_eq!((cmds[1].line, cmds[1].text.as_str()), (4, "next"));
        // A backslash inside single quotes does not continue; an open quote does.
        let cmds = split_commands("echo 'a\\\nb'\nz");
        assert_eq!(cmds[0].text, "echo 'a\\\nb'");
        assert_eq!(texts(&cmds[0].text), ["echo", "a\\\nb"]);
        assert_eq!((cmds[1].line, cmds[1].text.as_str()), (3, "z"));
        // A quote open at end of file runs to the end; tokenize then reports it.
        let cmds = split_commands("echo \"oops\nmore\n");
        assert_eq!(cmds.len(), 1);
        assert!(tokenize(&cmds[0].text, &env).is_err());
    }

    #[test]
    fn split_heredocs() {
        let script =
            "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF\nkubectl get ns\n";
        let cmds = split_commands(script);
        assert_eq!(cmds.len(), 2);
        assert_eq!(cmds[0].text, "kubectl apply -f - <<EOF");
        assert_eq!(cmds[0].stdin(), Some("apiVersion: v1\nkind: Namespace\n"));
        assert!(cmds[0].heredocs[0].expand && cmds[0].heredocs[0].terminated);
        assert_eq!((cmds[1].line, cmds[1].text.as_str()), (5, "kubectl get ns"));

        let cmds = split_commands("cat <<'END' | kubectl apply -f -\n  x: $NS\nEND\n");
        let h = &cmds[0].heredocs[0];
        assert_eq!(
            (h.delimiter.as_str(), h.body.as_str(), h.expand),
            ("END", "  x: $NS\n", false)
        );

        let cmds = split_commands("cat <<-EOF\n\t\tindented\n\tEOF\n");
        assert_eq!(cmds[0].stdin(), Some("indented\n"));

        let cmds = split_commands("x\ncat << \"E F\"\nbody\n");
        let h = &cmds[1].heredocs[0];
        assert_eq!((h.delimiter.as_str(), h.terminated), ("E F", false));
        assert_eq!(
            h.warning().unwrap(),
            "warning: here-document at line 2 delimited by end-of-file (wanted `E F')"
        );
        // `<<<` is a here-string, not a heredoc.
        assert!(split_commands("cat <<< word\n")[0].heredocs.is_empty());
    }
}
