//! `grep`, with POSIX basic and extended expressions mapped onto the `regex-lite` crate (which
//! matches in linear time whatever the pattern; back-references are not supported).

use super::{gnu_quote_if_needed, inputs, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::host::PodHost;

/// A POSIX basic regular expression in the `regex-lite` crate's syntax.
pub fn bre_to_regex(p: &str) -> String {
    translate(p, false)
}

/// A POSIX extended regular expression in the `regex-lite` crate's syntax.
pub fn ere_to_regex(p: &str) -> String {
    translate(p, true)
}

fn translate(p: &str, extended: bool) -> String {
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut at_start = true;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '[' => {
                // Copy a bracket expression; backslashes inside are literal in POSIX.
                let mut j = i + 1;
                let mut class = String::from("[");
                if j < chars.len() && chars[j] == '^' {
                    class.push('^');
                    j += 1;
                }
                if j < chars.len() && chars[j] == ']' {
                    class.push_str("\\]");
                    j += 1;
                }
                let mut closed = false;
                while j < chars.len() {
                    let d = chars[j];
                    if d == '[' && j + 1 < chars.len() && chars[j + 1] == ':' {
                        if let Some(end) = chars[j + 2..].iter().position(|&x| x == ']') {
                            let name: String = chars[j..j + 3 + end].iter().collect();
                            class.push_str(&name);
                            j += 3 + end;
                            continue;
                        }
                    }
                    if d == ']' {
                        closed = true;
                        break;
                    }
                    match d {
                        '\\' | '[' | '&' | '~' => {
                            class.push('\\');
                            class.push(d);
                        }
                        '-' if j + 1 < chars.len() && chars[j + 1] == ']' => class.push_str("\\-"),
                        _ => class.push(d),
                    }
                    j += 1;
                }
                if closed {
                    class.push(']');
                    out.push_str(&class);
                    i = j + 1;
                } else {
                    out.push_str("\\[");
                    i += 1;
                }
                at_start = false;
                continue;
            }
            '\\' if i + 1 < chars.len() => {
                let n = chars[i + 1];
                i += 2;
                match n {
                    '(' | ')' | '{' | '}' | '|' | '+' | '?' if !extended => {
                        out.push(n);
                        at_start = n == '(' || n == '|';
                        continue;
                    }
                    '<' | '>' => out.push_str("\\b"),
                    'w' | 'W' | 's' | 'S' | 'b' | 'B' => {
                        out.push('\\');
                        out.push(n);
                    }
                    d if d.is_ascii_digit() => {
                        // Back-references are not supported by linear-time matching.
                        out.push_str(&regex_lite::escape(&d.to_string()));
                    }
                    other => out.push_str(&regex_lite::escape(&other.to_string())),
                }
                at_start = false;
                continue;
            }
            '(' | ')' | '{' | '}' | '|' | '+' | '?' if !extended => {
                out.push('\\');
                out.push(c);
            }
            '*' if at_start => out.push_str("\\*"),
            '^' => {
                out.push('^');
                i += 1;
                continue;
            }
            '{' if extended => {
                // `{` not starting a valid interval is literal.
                let rest: String = chars[i..].iter().collect();
                let valid = rest.find('}').map(|e| &rest[1..e]).is_some_and(|inner| {
                    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit() || c == ',')
                });
                if valid {
                    out.push('{');
                } else {
                    out.push_str("\\{");
                }
            }
            '}' if extended => out.push('}'),
            _ => {
                if "$.*()|+?".contains(c) {
                    out.push(c);
                } else {
                    out.push_str(&regex_lite::escape(&c.to_string()));
                }
            }
        }
        at_start = extended && (c == '(' || c == '|');
        i += 1;
    }
    out
}

pub fn grep(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let name = call.name().to_string();
    let opts = match parse_opts(call.args(), "ivcnlLqsEFwxohHe:rRA:B:C:m:", &["color", "colour", "include", "recursive", "ignore-case", "invert-match", "count", "quiet"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "grep", "[-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...", e, 2, io),
    };
    let mut patterns: Vec<String> = opts
        .values
        .iter()
        .filter(|(k, _)| *k == 'e')
        .map(|(_, v)| v.clone())
        .collect();
    let mut operands = opts.operands.clone();
    if patterns.is_empty() {
        if operands.is_empty() {
            if bb {
                return super::usage(host, "grep", "[-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...", io);
            }
            io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return 2;
        }
        patterns.push(operands.remove(0));
    }
    let extended = opts.has('E') || name == "egrep";
    let fixed = opts.has('F') || name == "fgrep";
    let ignore = opts.has('i') || opts.long("ignore-case");
    let invert = opts.has('v') || opts.long("invert-match");
    let count = opts.has('c') || opts.long("count");
    let quiet = opts.has('q') || opts.long("quiet");
    let number = opts.has('n');
    let only = opts.has('o');
    let list = opts.has('l');
    let list_missing = opts.has('L');
    let recursive = opts.has('r') || opts.has('R') || opts.long("recursive");
    let max = opts.value('m').and_then(|m| m.parse::<usize>().ok());
    let alternatives: Vec<String> = patterns
        .iter()
        .flat_map(|p| p.split('\n').map(String::from).collect::<Vec<_>>())
        .map(|p| {
            let mut r = if fixed {
                regex_lite::escape(&p)
            } else if extended {
                ere_to_regex(&p)
            } else {
                bre_to_regex(&p)
            };
            if opts.has('w') {
                r = format!("\\b(?:{r})\\b");
            }
            if opts.has('x') {
                r = format!("^(?:{r})$");
            }
            r
        })
        .collect();
    let joined = alternatives
        .iter()
        .map(|a| format!("(?:{a})"))
        .collect::<Vec<_>>()
        .join("|");
    let re = match regex_lite::RegexBuilder::new(&joined)
        .case_insensitive(ignore)
        .size_limit(1 << 20)
        .build()
    {
        Ok(r) => r,
        Err(_) => {
            if bb {
                io.err(&format!("grep: bad regex '{}'\n", patterns.join("\n")));
            } else {
                io.err("grep: Unmatched ( or \\(\n");
            }
            return 2;
        }
    };
    // Files to search: operands, expanded when recursive.
    let mut names: Vec<String> = Vec::new();
    if recursive && operands.is_empty() {
        operands.push(".".into());
    }
    let mut status_err = false;
    if recursive {
        if let Some(fs) = host.fs() {
            for op in &operands {
                match fs.lookup(call.cwd, op, true) {
                    Ok(abs) => collect_files(&fs, &abs, op, &mut names, 0),
                    Err(e) => {
                        io.err(&format!("grep: {op}: {e}\n"));
                        status_err = true;
                    }
                }
            }
        }
    } else {
        names = operands;
    }
    let with_names = if opts.has('h') {
        false
    } else {
        opts.has('H') || names.len() > 1 || recursive
    };
    let mut matched_any = false;
    for (file, text) in inputs(host, call, &names) {
        let shown = if file == "-" {
            "(standard input)".to_string()
        } else {
            file.clone()
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                if !opts.has('s') {
                    if bb {
                        io.err(&format!("grep: {file}: {e}\n"));
                    } else {
                        io.err(&format!("grep: {}: {e}\n", gnu_quote_if_needed(&file)));
                    }
                }
                status_err = true;
                continue;
            }
        };
        let mut n_matches = 0;
        for (i, line) in text.lines().enumerate() {
            if max.is_some_and(|m| n_matches >= m) {
                break;
            }
            let hit = re.is_match(line) != invert;
            if !hit {
                continue;
            }
            n_matches += 1;
            matched_any = true;
            if quiet {
                return 0;
            }
            if count || list || list_missing {
                continue;
            }
            let prefix = format!(
                "{}{}",
                if with_names {
                    format!("{shown}:")
                } else {
                    String::new()
                },
                if number {
                    format!("{}:", i + 1)
                } else {
                    String::new()
                }
            );
            if only && !invert {
                for m in re.find_iter(line) {
                    if !m.as_str().is_empty() {
                        io.out(&format!("{prefix}{}\n", m.as_str()));
                    }
                }
            } else {
                io.out(&format!("{prefix}{line}\n"));
            }
        }
        if count {
            if with_names {
                io.out(&format!("{shown}:{n_matches}\n"));
            } else {
                io.out(&format!("{n_matches}\n"));
            }
        }
        if list && n_matches > 0 {
            io.out(&format!("{shown}\n"));
        }
        if list_missing && n_matches == 0 {
            io.out(&format!("{shown}\n"));
        }
    }
    if status_err && !(quiet && matched_any) {
        return 2;
    }
    if matched_any {
        0
    } else {
        1
    }
}

fn collect_files(
    fs: &crate::runtime::fs::view::PodFs<'_>,
    abs: &[String],
    shown: &str,
    out: &mut Vec<String>,
    depth: usize,
) {
    if depth > 32 || out.len() > 5_000 {
        return;
    }
    match fs.stat_abs(abs) {
        Some(st) if st.is_dir() => {
            for n in fs.list_abs(abs).unwrap_or_default() {
                let mut p = abs.to_vec();
                p.push(n.clone());
                let s = if shown == "." && depth == 0 {
                    format!("./{n}")
                } else {
                    format!("{}/{n}", shown.trim_end_matches('/'))
                };
                collect_files(fs, &p, &s, out, depth + 1);
            }
        }
        Some(st) if st.type_char == '-' => out.push(shown.to_string()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_expressions_translate() {
        let m = |p: &str, ext: bool, s: &str| {
            let r = if ext {
                ere_to_regex(p)
            } else {
                bre_to_regex(p)
            };
            regex_lite::Regex::new(&r).unwrap().is_match(s)
        };
        assert!(m("a\\(b\\)*c", false, "abbc"));
        assert!(m("a(b)", false, "xa(b)"));
        assert!(m("a+", false, "a+"));
        assert!(!m("a+", false, "aa"));
        assert!(m("a+", true, "aa"));
        assert!(m("*x", false, "*x"));
        assert!(m("[[:digit:]]\\{2\\}", false, "a12"));
        assert!(m("[a\\]", false, "\\"));
        assert!(m("^web-[0-9]$", true, "web-1"));
        assert!(m("x{", true, "x{"));
    }
}
