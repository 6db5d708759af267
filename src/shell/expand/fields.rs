//! Building fields from the pieces of an expanded word: literal text, quoted text and
//! expansion results. Unquoted expansion results are split on `IFS` (POSIX 2.6.5: runs of
//! IFS white space are one separator and vanish at the edges; every other IFS character
//! ends a field, even an empty one). Each field keeps a pattern form, with its quoted
//! characters escaped, for pathname expansion.

use crate::shell::pattern;

#[derive(Clone, Debug, Default)]
pub struct Field {
    /// The field after quote removal.
    pub text: String,
    /// The field as a pattern: quoted characters escaped.
    pub pattern: String,
    /// Unquoted `*`, `?` or `[` in it.
    pub magic: bool,
    exists: bool,
}

pub struct Fields {
    out: Vec<Field>,
    cur: Field,
    /// Split unquoted expansion results (off for assignments, `case` words, redirections).
    split: bool,
    ifs: String,
    /// IFS white space came after the current field's text.
    pending_break: bool,
}

impl Fields {
    pub fn new(split: bool, ifs: &str) -> Fields {
        Fields {
            out: Vec::new(),
            cur: Field::default(),
            split,
            ifs: ifs.to_string(),
            pending_break: false,
        }
    }

    fn take_break(&mut self) {
        if self.pending_break {
            self.pending_break = false;
            self.out.push(std::mem::take(&mut self.cur));
        }
    }

    /// Text written in the word: quoted (no globbing) or not.
    pub fn lit(&mut self, s: &str, quoted: bool) {
        if s.is_empty() && !quoted {
            return;
        }
        self.take_break();
        self.cur.text.push_str(s);
        if quoted {
            self.cur.pattern.push_str(&pattern::escape(s));
        } else {
            self.cur.pattern.push_str(s);
            if pattern::has_magic(s) {
                self.cur.magic = true;
            }
        }
        self.cur.exists = true;
    }

    /// The result of an expansion: split on IFS when unquoted.
    pub fn value(&mut self, s: &str, quoted: bool) {
        if quoted || !self.split {
            self.lit(s, quoted);
            return;
        }
        for c in s.chars() {
            if self.ifs.contains(c) {
                if matches!(c, ' ' | '\t' | '\n') {
                    if self.cur.exists {
                        self.pending_break = true;
                    }
                } else {
                    self.pending_break = false;
                    self.out.push(std::mem::take(&mut self.cur));
                }
                continue;
            }
            self.take_break();
            self.cur.text.push(c);
            self.cur.pattern.push(c);
            if matches!(c, '*' | '?' | '[') {
                self.cur.magic = true;
            }
            self.cur.exists = true;
        }
    }

    /// A field boundary that is not a separator (between the words of `"$@"`).
    pub fn boundary(&mut self) {
        self.pending_break = false;
        let f = std::mem::take(&mut self.cur);
        if f.exists {
            self.out.push(f);
        }
    }

    pub fn finish(mut self) -> Vec<Field> {
        if self.cur.exists {
            self.out.push(self.cur);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(pieces: &[(&str, bool, bool)], ifs: &str) -> Vec<String> {
        let mut f = Fields::new(true, ifs);
        for (s, quoted, is_value) in pieces {
            if *is_value {
                f.value(s, *quoted)
            } else {
                f.lit(s, *quoted)
            }
        }
        f.finish().into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn field_splitting_follows_posix() {
        let ws = " \t\n";
        assert_eq!(split(&[(" a  b ", false, true)], ws), ["a", "b"]);
        assert_eq!(
            split(
                &[
                    ("x", false, false),
                    (" a ", false, true),
                    ("y", false, false)
                ],
                ws
            ),
            ["x", "a", "y"]
        );
        assert_eq!(
            split(&[("a ", false, true), ("", true, false)], ws),
            ["a", ""]
        );
        assert_eq!(split(&[("a::b:", false, true)], ":"), ["a", "", "b"]);
        assert_eq!(split(&[(" :a", false, true)], " :"), ["", "a"]);
        assert_eq!(split(&[(" : a", false, true)], " :"), ["", "a"]);
        assert_eq!(split(&[("", false, true)], ws), Vec::<String>::new());
        assert_eq!(split(&[("", true, true)], ws), [""]);
        assert_eq!(split(&[("a b", true, true)], ws), ["a b"]);
    }
}
