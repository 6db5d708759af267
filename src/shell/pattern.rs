//! Shell patterns (POSIX 2.13): `*`, `?`, bracket expressions with ranges, `!`/`^` and
//! `[:class:]`, and `\` quoting a character. Used by `case`, `${x#pattern}` and pathname
//! expansion. Matching is a loop with one backtracking point per `*`, never recursion.

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Char(char),
    Any,
    Star,
    Class { negated: bool, items: Vec<Item> },
}

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Char(char),
    Range(char, char),
    Named(String),
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    toks: Vec<Tok>,
}

/// Whether `p` has an unquoted `*`, `?` or `[`.
pub fn has_magic(p: &str) -> bool {
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '*' | '?' | '[' => return true,
            _ => {}
        }
    }
    false
}

/// `s` with every pattern character quoted by a backslash.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '?' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `p` with the quoting backslashes removed.
pub fn unescape(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Pattern {
    pub fn new(p: &str) -> Pattern {
        let chars: Vec<char> = p.chars().collect();
        // A `[` with no `]` after it is a plain character: knowing where the last `]` is
        // keeps a long run of `[` linear (each would otherwise scan to the end).
        let last_close = chars.iter().rposition(|&c| c == ']');
        let mut toks = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '\\' if i + 1 < chars.len() => {
                    toks.push(Tok::Char(chars[i + 1]));
                    i += 2;
                    continue;
                }
                '*' => {
                    if toks.last() != Some(&Tok::Star) {
                        toks.push(Tok::Star);
                    }
                }
                '?' => toks.push(Tok::Any),
                '[' if last_close.is_some_and(|end| end > i) => {
                    if let Some((tok, end)) = class(&chars, i) {
                        toks.push(tok);
                        i = end;
                        continue;
                    }
                    toks.push(Tok::Char('['));
                }
                c => toks.push(Tok::Char(c)),
            }
            i += 1;
        }
        Pattern { toks }
    }

    /// Whether the pattern starts with a literal `.` (pathname expansion: only such a
    /// pattern matches names starting with a dot).
    pub fn starts_with_dot(&self) -> bool {
        self.toks.first() == Some(&Tok::Char('.'))
    }

    /// Whether the whole of `s` matches.
    pub fn matches(&self, s: &[char]) -> bool {
        let p = &self.toks;
        let (mut pi, mut si) = (0, 0);
        let mut star: Option<(usize, usize)> = None;
        while si < s.len() {
            if pi < p.len() && p[pi] == Tok::Star {
                star = Some((pi, si));
                pi += 1;
            } else if pi < p.len() && one(&p[pi], s[si]) {
                pi += 1;
                si += 1;
            } else if let Some((sp, ss)) = star {
                pi = sp + 1;
                si = ss + 1;
                star = Some((sp, ss + 1));
            } else {
                return false;
            }
        }
        while pi < p.len() && p[pi] == Tok::Star {
            pi += 1;
        }
        pi == p.len()
    }

    pub fn matches_str(&self, s: &str) -> bool {
        self.matches(&s.chars().collect::<Vec<_>>())
    }
}

fn one(t: &Tok, c: char) -> bool {
    match t {
        Tok::Char(x) => *x == c,
        Tok::Any => true,
        Tok::Star => false,
        Tok::Class { negated, items } => items.iter().any(|i| item(i, c)) != *negated,
    }
}

fn item(i: &Item, c: char) -> bool {
    match i {
        Item::Char(x) => *x == c,
        Item::Range(a, b) => *a <= c && c <= *b,
        Item::Named(n) => match n.as_str() {
            "alpha" => c.is_alphabetic(),
            "digit" => c.is_ascii_digit(),
            "alnum" => c.is_alphanumeric(),
            "upper" => c.is_uppercase(),
            "lower" => c.is_lowercase(),
            "space" => c.is_whitespace(),
            "blank" => c == ' ' || c == '\t',
            "punct" => c.is_ascii_punctuation(),
            "xdigit" => c.is_ascii_hexdigit(),
            "cntrl" => c.is_control(),
            "print" => !c.is_control(),
            "graph" => !c.is_control() && c != ' ',
            _ => false,
        },
    }
}

/// A bracket expression starting at `chars[start]` (`[`): the token and the index after it.
fn class(chars: &[char], start: usize) -> Option<(Tok, usize)> {
    let mut i = start + 1;
    let negated = matches!(chars.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let first = i;
    loop {
        let c = *chars.get(i)?;
        if c == ']' && i > first {
            return Some((Tok::Class { negated, items }, i + 1));
        }
        if c == '[' && chars.get(i + 1) == Some(&':') {
            let rest: String = chars[i + 2..].iter().collect();
            if let Some(end) = rest.find(":]") {
                items.push(Item::Named(rest[..end].to_string()));
                i += 2 + rest[..end].chars().count() + 2;
                continue;
            }
        }
        let c = if c == '\\' {
            i += 1;
            *chars.get(i)?
        } else {
            c
        };
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|&e| e != ']') {
            let end = chars[i + 2];
            items.push(Item::Range(c, end));
            i += 3;
        } else {
            items.push(Item::Char(c));
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, s: &str) -> bool {
        Pattern::new(p).matches_str(s)
    }

    #[test]
    fn globs() {
        assert!(m("*", ""));
        assert!(m("a*", "abc"));
        assert!(!m("a*", "bac"));
        assert!(m("*.html", "index.html"));
        assert!(m("web-?", "web-1"));
        assert!(!m("web-?", "web-10"));
        assert!(m("*-*-*", "a-b-c"));
        assert!(m("[abc]x", "bx"));
        assert!(m("[!a]", "b"));
        assert!(!m("[!a]", "a"));
        assert!(m("[0-9][0-9]", "42"));
        assert!(m("[[:digit:]]*", "7up"));
        assert!(m("\\*", "*"));
        assert!(!m("\\*", "a"));
        assert!(m("[", "["));
        assert!(m("[]]", "]"));
        assert!(m(
            "a*b*c",
            &"a".repeat(1000)
                .to_string()
                .replace("aa", "ab")
                .chars()
                .chain("c".chars())
                .collect::<String>()
        ));
    }

    #[test]
    fn escaping_round_trips() {
        assert_eq!(escape("a*b?"), "a\\*b\\?");
        assert_eq!(unescape(&escape("x[1]\\")), "x[1]\\");
        assert!(has_magic("a*"));
        assert!(!has_magic("a\\*"));
    }
}
