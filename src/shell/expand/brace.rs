//! bash's brace expansion: `{a,b,c}` and sequences `{1..5}`, `{01..10}`, `{a..e}`,
//! `{1..10..2}`, applied before every other expansion. Only braces within one stretch of
//! unquoted text expand (`{a,"b"}` stays as written; bash would expand it).

use crate::shell::ast::{Part, Word};

/// The words `word` expands to (itself when it has no brace expression), at most `limit`.
pub fn expand(word: &Word, limit: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut work = vec![word.clone()];
    while let Some(w) = work.pop() {
        if out.len() + work.len() > limit {
            out.push(w);
            continue;
        }
        match expand_one(&w, limit) {
            Some(words) => work.extend(words.into_iter().rev()),
            None => out.push(w),
        }
    }
    out
}

fn expand_one(w: &Word, limit: usize) -> Option<Vec<Word>> {
    for (i, part) in w.parts.iter().enumerate() {
        let Part::Lit(s) = part else { continue };
        let Some((start, end, alternatives)) = find(s, limit) else {
            continue;
        };
        let (prefix, suffix) = (&s[..start], &s[end + 1..]);
        return Some(
            alternatives
                .into_iter()
                .map(|a| {
                    let mut parts = w.parts.clone();
                    parts[i] = Part::Lit(format!("{prefix}{a}{suffix}"));
                    Word { parts }
                })
                .collect(),
        );
    }
    None
}

/// The first brace expression in `s`: its byte range and alternatives.
fn find(s: &str, limit: usize) -> Option<(usize, usize, Vec<String>)> {
    let b = s.as_bytes();
    for start in (0..b.len()).filter(|&i| b[i] == b'{') {
        let mut depth = 0;
        let mut commas = Vec::new();
        let mut end = None;
        for (k, &c) in b.iter().enumerate().skip(start) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(k);
                        break;
                    }
                }
                b',' if depth == 1 => commas.push(k),
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        if !commas.is_empty() {
            let mut alts = Vec::new();
            let mut from = start + 1;
            for c in commas.into_iter().chain(std::iter::once(end)) {
                alts.push(s[from..c].to_string());
                from = c + 1;
            }
            return Some((start, end, alts));
        }
        if let Some(seq) = sequence(&s[start + 1..end], limit) {
            return Some((start, end, seq));
        }
    }
    None
}

fn sequence(inner: &str, limit: usize) -> Option<Vec<String>> {
    let parts: Vec<&str> = inner.split("..").collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let step: i64 = match parts.get(2) {
        Some(s) => s.parse::<i64>().ok()?.abs().max(1),
        None => 1,
    };
    if let (Ok(a), Ok(b)) = (parts[0].parse::<i64>(), parts[1].parse::<i64>()) {
        let pad = |s: &str| {
            let d = s.trim_start_matches('-');
            if d.len() > 1 && d.starts_with('0') {
                s.len()
            } else {
                0
            }
        };
        let width = pad(parts[0]).max(pad(parts[1]));
        let mut out = Vec::new();
        let mut v = a;
        while out.len() <= limit {
            out.push(format!("{v:0width$}"));
            if v == b {
                break;
            }
            let next = if a <= b { v + step } else { v - step };
            if (a <= b && next > b) || (a > b && next < b) {
                break;
            }
            v = next;
        }
        return Some(out);
    }
    let (a, b) = (single_char(parts[0])?, single_char(parts[1])?);
    let (lo, hi) = (a.min(b) as u32, a.max(b) as u32);
    let mut out: Vec<String> = (lo..=hi)
        .step_by(step as usize)
        .filter_map(char::from_u32)
        .map(String::from)
        .collect();
    if a > b {
        out.reverse();
    }
    Some(out)
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_ascii_alphabetic()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        expand(&Word::literal(s), 100)
            .into_iter()
            .map(|w| match w.parts.as_slice() {
                [Part::Lit(s)] => s.clone(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn lists_and_sequences() {
        assert_eq!(words("web-{0,1,2}"), ["web-0", "web-1", "web-2"]);
        assert_eq!(words("{0..2}"), ["0", "1", "2"]);
        assert_eq!(words("{3..1}"), ["3", "2", "1"]);
        assert_eq!(words("{01..03}"), ["01", "02", "03"]);
        assert_eq!(words("{1..7..3}"), ["1", "4", "7"]);
        assert_eq!(words("{a..c}"), ["a", "b", "c"]);
        assert_eq!(words("{a,b}{1,2}"), ["a1", "a2", "b1", "b2"]);
        assert_eq!(words("{x}"), ["{x}"]);
        assert_eq!(words("{}"), ["{}"]);
        assert_eq!(words("{1..100000}").len(), 101);
    }
}
