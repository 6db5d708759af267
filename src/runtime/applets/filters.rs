//! Line filters: `sort`, `uniq`, `cut`, `tr` (C-locale byte order, as the images run).

use super::text::{open_error, unescape};
use super::{gnu_quote, gnu_quote_if_needed, inputs, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::host::PodHost;

fn sort_key(line: &str, key: Option<usize>, sep: Option<char>) -> String {
    match key {
        None => line.to_string(),
        Some(k) => {
            let fields: Vec<&str> = match sep {
                Some(s) => line.split(s).collect(),
                None => line.split_whitespace().collect(),
            };
            fields
                .get(k.saturating_sub(1)..)
                .map(|f| f.join(" "))
                .unwrap_or_default()
        }
    }
}

pub fn sort(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(
        call.args(),
        "rnufk:t:bhV",
        &["reverse", "numeric-sort", "unique"],
    ) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "sort", "[-nrufbk] [FILE]...", e, 2, io),
    };
    let key = opts
        .value('k')
        .and_then(|k| k.split([',', '.']).next()?.parse::<usize>().ok());
    let sep = opts.value('t').and_then(|t| t.chars().next());
    let mut lines: Vec<String> = Vec::new();
    let mut status = 0;
    for (name, text) in inputs(host, call, &opts.operands) {
        match text {
            Ok(t) => lines.extend(t.lines().map(String::from)),
            Err(e) => {
                if bb {
                    io.err(&format!("sort: can't open '{name}': {e}\n"));
                } else {
                    io.err(&format!(
                        "sort: cannot read: {}: {e}\n",
                        gnu_quote_if_needed(&name)
                    ));
                }
                status = 2;
            }
        }
    }
    let numeric = opts.has('n') || opts.has('h') || opts.long("numeric-sort");
    let fold = opts.has('f');
    let num = |s: &str| -> f64 {
        let t = s.trim_start();
        let end = t
            .char_indices()
            .take_while(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && *c == '-'))
            .count();
        t[..end].parse().unwrap_or(0.0)
    };
    lines.sort_by(|a, b| {
        let (ka, kb) = (sort_key(a, key, sep), sort_key(b, key, sep));
        let ord = if numeric {
            num(&ka)
                .partial_cmp(&num(&kb))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.as_bytes().cmp(b.as_bytes()))
        } else if fold {
            ka.to_uppercase().cmp(&kb.to_uppercase())
        } else {
            ka.as_bytes().cmp(kb.as_bytes())
        };
        if opts.has('r') || opts.long("reverse") {
            ord.reverse()
        } else {
            ord
        }
    });
    if opts.has('u') || opts.long("unique") {
        lines.dedup_by(|a, b| sort_key(a, key, sep) == sort_key(b, key, sep));
    }
    for l in lines {
        io.out(&format!("{l}\n"));
    }
    status
}

pub fn uniq(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(
        call.args(),
        "cdui",
        &["count", "repeated", "unique", "ignore-case"],
    ) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "uniq", "[-cdui] [INPUT [OUTPUT]]", e, 1, io),
    };
    let input: Vec<String> = opts.operands.iter().take(1).cloned().collect();
    let text = match inputs(host, call, &input).pop().map(|(_, t)| t) {
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            let name = input.first().cloned().unwrap_or_default();
            if bb {
                io.err(&format!("uniq: can't open '{name}': {e}\n"));
            } else {
                io.err(&format!("uniq: {}: {e}\n", gnu_quote_if_needed(&name)));
            }
            return 1;
        }
        None => String::new(),
    };
    let ignore = opts.has('i');
    let same = |a: &str, b: &str| {
        if ignore {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let mut groups: Vec<(String, usize)> = Vec::new();
    for line in text.lines() {
        match groups.last_mut() {
            Some((l, n)) if same(l, line) => *n += 1,
            _ => groups.push((line.to_string(), 1)),
        }
    }
    for (line, n) in groups {
        if opts.has('d') && n < 2 || opts.has('u') && n > 1 {
            continue;
        }
        if opts.has('c') || opts.long("count") {
            io.out(&format!("{n:7} {line}\n"));
        } else {
            io.out(&format!("{line}\n"));
        }
    }
    0
}

/// A cut LIST (`1,3-5,7-`) as inclusive ranges.
fn ranges(list: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    for part in list.split(',') {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (
                if a.is_empty() { 1 } else { a.parse().ok()? },
                if b.is_empty() {
                    usize::MAX
                } else {
                    b.parse().ok()?
                },
            ),
            None => {
                let n = part.parse().ok()?;
                (n, n)
            }
        };
        if a == 0 || b < a {
            return None;
        }
        out.push((a, b));
    }
    Some(out)
}

pub fn cut(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "b:c:d:f:sn", &["delimiter", "fields"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "cut", "[OPTIONS] [FILE]...", e, 1, io),
    };
    let (list, fields) = match (opts.value('f'), opts.value('c').or(opts.value('b'))) {
        (Some(f), _) => (f.to_string(), true),
        (None, Some(c)) => (c.to_string(), false),
        (None, None) => {
            if bb {
                io.err("cut: expected a list of bytes, characters, or fields\n");
            } else {
                io.err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
            }
            return 1;
        }
    };
    let Some(rs) = ranges(&list) else {
        io.err(if bb {
            "cut: invalid range\n"
        } else {
            "cut: invalid byte, character or field list\nTry 'cut --help' for more information.\n"
        });
        return 1;
    };
    let delim = opts
        .value('d')
        .and_then(|d| d.chars().next())
        .unwrap_or('\t');
    let keep = |i: usize| rs.iter().any(|(a, b)| i >= *a && i <= *b);
    let mut status = 0;
    for (name, text) in inputs(host, call, &opts.operands) {
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                open_error(io, "cut", bb, &name, e);
                status = 1;
                continue;
            }
        };
        for line in text.lines() {
            let out: String = if fields {
                if !line.contains(delim) {
                    if opts.has('s') {
                        continue;
                    }
                    line.to_string()
                } else {
                    line.split(delim)
                        .enumerate()
                        .filter(|(i, _)| keep(i + 1))
                        .map(|(_, f)| f)
                        .collect::<Vec<_>>()
                        .join(&delim.to_string())
                }
            } else {
                line.chars()
                    .enumerate()
                    .filter(|(i, _)| keep(i + 1))
                    .map(|(_, c)| c)
                    .collect()
            };
            io.out(&format!("{out}\n"));
        }
    }
    status
}

/// Expand a tr SET: ranges, classes and escapes.
fn tr_set(s: &str) -> Vec<char> {
    let (s, _) = unescape(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' && chars.get(i + 1) == Some(&':') {
            if let Some(end) = chars[i + 2..].iter().position(|&c| c == ':') {
                let name: String = chars[i + 2..i + 2 + end].iter().collect();
                let set: Vec<char> = match name.as_str() {
                    "upper" => ('A'..='Z').collect(),
                    "lower" => ('a'..='z').collect(),
                    "digit" => ('0'..='9').collect(),
                    "alpha" => ('A'..='Z').chain('a'..='z').collect(),
                    "alnum" => ('0'..='9').chain('A'..='Z').chain('a'..='z').collect(),
                    "space" => vec![' ', '\t', '\n', '\r', '\u{b}', '\u{c}'],
                    "blank" => vec![' ', '\t'],
                    "punct" => "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().collect(),
                    _ => vec![],
                };
                out.extend(set);
                i += end + 4;
                continue;
            }
        }
        if i + 2 < chars.len() && chars[i + 1] == '-' && chars[i] <= chars[i + 2] {
            let (a, b) = (chars[i] as u32, chars[i + 2] as u32);
            out.extend((a..=b).filter_map(char::from_u32).take(65_536));
            i += 3;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

pub fn tr(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let opts = match parse_opts(call.args(), "dscC", &["delete", "squeeze-repeats"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "tr", "[-cds] STRING1 [STRING2]", e, 1, io),
    };
    let delete = opts.has('d');
    let squeeze = opts.has('s');
    let ops = &opts.operands;
    if ops.is_empty() || (!delete && !squeeze && ops.len() < 2) {
        if host.busybox() {
            return super::usage(host, "tr", "[-cds] STRING1 [STRING2]", io);
        }
        if ops.is_empty() {
            io.err("tr: missing operand\nTry 'tr --help' for more information.\n");
        } else {
            io.err(&format!(
                "tr: missing operand after {}\nTry 'tr --help' for more information.\n",
                gnu_quote(&ops[0])
            ));
        }
        return 1;
    }
    let set1 = tr_set(&ops[0]);
    let set2 = ops.get(1).map(|s| tr_set(s)).unwrap_or_default();
    let input = call.stdin.unwrap_or("");
    let mut out = String::new();
    let mut last: Option<char> = None;
    for c in input.chars() {
        let in1 = set1.contains(&c) != opts.has('c');
        if delete && in1 {
            continue;
        }
        let mapped = if !delete && in1 && !set2.is_empty() {
            match set1.iter().position(|&x| x == c) {
                Some(p) => *set2.get(p).or(set2.last()).unwrap_or(&c),
                None => *set2.last().unwrap_or(&c),
            }
        } else {
            c
        };
        let squeeze_set = if set2.is_empty() || delete {
            &set1
        } else {
            &set2
        };
        if squeeze && last == Some(mapped) && squeeze_set.contains(&mapped) {
            continue;
        }
        out.push(mapped);
        last = Some(mapped);
    }
    io.out(&out);
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tr_sets() {
        assert_eq!(tr_set("a-e").len(), 5);
        assert_eq!(tr_set("[:upper:]")[0], 'A');
        assert_eq!(tr_set("\\n"), vec!['\n']);
    }
}
