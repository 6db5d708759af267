//! The words of the command being typed, as far as the cursor: enough of the shell's
//! lexing for completion (quotes, escapes, and the operators that start a new command:
//! `|`, `;`, `&`, `(`, `)`, `` ` ``, newlines, and keywords such as `do` and `then`).

/// One word of the command line: its text with quotes removed, and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// Byte offset of the word's first character (its opening quote, if any) in the line.
    pub start: usize,
}

/// Reserved words after which a new command begins (`for i in 1 2; do kubectl ...`).
const COMMAND_STARTERS: &[&str] = &[
    "do", "then", "else", "elif", "if", "while", "until", "!", "{", "time",
];

/// The words of the simple command the cursor is in: the complete ones before it and the
/// one being typed (empty, starting at the cursor, after a space). Leading `NAME=value`
/// assignments and keywords are dropped, so the first word is the command name.
pub fn split(line: &str) -> (Vec<Word>, Word) {
    let mut words: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut quote: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            match c {
                _ if c == q => quote = None,
                '\\' if q == '"' => {
                    if let Some((_, n)) = chars.next() {
                        push_char(&mut cur, i, n);
                    }
                }
                _ => push_char(&mut cur, i, c),
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                cur.get_or_insert(Word {
                    text: String::new(),
                    start: i,
                });
            }
            '\\' => match chars.next() {
                // A backslash-newline joins lines.
                Some((_, '\n')) => {}
                Some((_, n)) => push_char(&mut cur, i, n),
                None => push_char(&mut cur, i, '\\'),
            },
            ' ' | '\t' => finish(&mut words, &mut cur),
            '|' | ';' | '&' | '(' | ')' | '`' | '\n' => {
                finish(&mut words, &mut cur);
                words.clear();
            }
            _ => push_char(&mut cur, i, c),
        }
        // `$(` starts a command too.
        if c == '$' && quote.is_none() && chars.peek().is_some_and(|(_, n)| *n == '(') {
            cur = None;
            words.clear();
        }
        if words.len() == 1 && COMMAND_STARTERS.contains(&words[0].text.as_str()) {
            words.clear();
        }
    }
    let current = cur.unwrap_or(Word {
        text: String::new(),
        start: line.len(),
    });
    // `A=1 kubectl ...`: the command is the first word that is not an assignment.
    let skip = words.iter().take_while(|w| is_assignment(&w.text)).count();
    words.drain(..skip);
    (words, current)
}

fn push_char(cur: &mut Option<Word>, at: usize, c: char) {
    cur.get_or_insert(Word {
        text: String::new(),
        start: at,
    })
    .text
    .push(c);
}

fn finish(words: &mut Vec<Word>, cur: &mut Option<Word>) {
    if let Some(w) = cur.take() {
        words.push(w);
    }
}

fn is_assignment(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> (Vec<String>, String, usize) {
        let (w, c) = split(line);
        (w.into_iter().map(|w| w.text).collect(), c.text, c.start)
    }

    #[test]
    fn words_before_the_cursor_and_the_one_being_typed() {
        assert_eq!(
            texts("kubectl get po web-"),
            (
                vec!["kubectl".into(), "get".into(), "po".into()],
                "web-".into(),
                15
            )
        );
        assert_eq!(
            texts("kubectl get "),
            (vec!["kubectl".into(), "get".into()], String::new(), 12)
        );
    }

    #[test]
    fn a_new_command_starts_after_operators_and_keywords() {
        assert_eq!(texts("echo hi | k get").0, vec!["k"]);
        assert_eq!(texts("for i in 1 2; do kubectl get").0, vec!["kubectl"]);
        assert_eq!(texts("x=$(kubectl get").0, vec!["kubectl"]);
        assert_eq!(texts("NS=a kubectl get").0, vec!["kubectl"]);
    }

    #[test]
    fn quotes_and_escapes_are_removed() {
        let (w, c) = split("kubectl get 'my pod' \"we");
        assert_eq!(w[2].text, "my pod");
        assert_eq!(c.text, "we");
        assert_eq!(c.start, 21);
        assert_eq!(texts("kubectl \\\nget").0, vec!["kubectl"]);
    }
}
