//! Text applets: echo, head, tail, grep (POSIX basic and extended expressions mapped onto
//! the `regex` crate, which runs in linear time whatever the pattern), wc, sort, uniq,
//! cut, tr, seq, tee, yes. Generators stop once they have produced more than an exec may
//! print.

use super::{gnu_quote, gnu_quote_if_needed, inputs, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::FsErr;
use crate::runtime::host::{PodHost, MAX_GENERATED};

fn unescape(s: &str) -> (String, bool) {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\u{7}'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('v') => out.push('\u{b}'),
            Some('e') => out.push('\u{1b}'),
            Some('\\') => out.push('\\'),
            Some('c') => return (out, true),
            Some('0') => {
                let mut v = 0u32;
                for _ in 0..3 {
                    match chars.peek() {
                        Some(d) if d.is_digit(8) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('?'));
            }
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    (out, false)
}

/// `/bin/echo` (GNU and busybox: `-n`, `-e`, `-E`; escapes only with `-e`).
pub fn echo(_host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let mut args = call.args();
    let mut newline = true;
    let mut escapes = false;
    while let Some(first) = args.first() {
        if first.len() > 1
            && first.starts_with('-')
            && first[1..].chars().all(|c| matches!(c, 'n' | 'e' | 'E'))
        {
            for c in first[1..].chars() {
                match c {
                    'n' => newline = false,
                    'e' => escapes = true,
                    _ => escapes = false,
                }
            }
            args = &args[1..];
        } else {
            break;
        }
    }
    let mut text = args.join(" ");
    if escapes {
        let (t, stop) = unescape(&text);
        text = t;
        if stop {
            newline = false;
        }
    }
    if newline {
        text.push('\n');
    }
    io.out(&text);
    0
}

/// Format one `%` conversion of printf.
fn printf_one(spec: &str, conv: char, arg: Option<&str>, io_err: &mut Vec<String>) -> String {
    let flags: String = spec.chars().take_while(|c| "-+ 0#".contains(*c)).collect();
    let rest = &spec[flags.len()..];
    let (w, p) = match rest.split_once('.') {
        Some((w, p)) => (w, Some(p.parse::<usize>().unwrap_or(0))),
        None => (rest, None),
    };
    let width: usize = w.parse().unwrap_or(0);
    let left = flags.contains('-');
    let zero = flags.contains('0') && !left;
    let pad = |s: String| -> String {
        let n = s.chars().count();
        if n >= width {
            s
        } else if left {
            format!("{s}{}", " ".repeat(width - n))
        } else if zero {
            let (sign, digits) = match s.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", &s[..]),
            };
            format!("{sign}{}{digits}", "0".repeat(width - n))
        } else {
            format!("{}{s}", " ".repeat(width - n))
        }
    };
    let a = arg.unwrap_or("");
    let int = |a: &str, errs: &mut Vec<String>| -> i64 {
        if a.is_empty() {
            return 0;
        }
        if let Some(c) = a.strip_prefix('\'').or_else(|| a.strip_prefix('"')) {
            return c.chars().next().map(|c| c as i64).unwrap_or(0);
        }
        match a.parse::<i64>() {
            Ok(v) => v,
            Err(_) => {
                errs.push(a.to_string());
                0
            }
        }
    };
    match conv {
        's' => {
            let mut t = a.to_string();
            if let Some(p) = p {
                t = t.chars().take(p).collect();
            }
            pad(t)
        }
        'b' => pad(unescape(a).0),
        'c' => pad(a.chars().next().map(String::from).unwrap_or_default()),
        'd' | 'i' => {
            let v = int(a, io_err);
            pad(if flags.contains('+') && v >= 0 {
                format!("+{v}")
            } else {
                v.to_string()
            })
        }
        'u' => pad((int(a, io_err) as u64).to_string()),
        'x' => pad(format!("{:x}", int(a, io_err))),
        'X' => pad(format!("{:X}", int(a, io_err))),
        'o' => pad(format!("{:o}", int(a, io_err))),
        'f' | 'F' | 'e' | 'g' => {
            let v: f64 = a.parse().unwrap_or(0.0);
            pad(format!("{v:.*}", p.unwrap_or(6)))
        }
        _ => format!("%{spec}{conv}"),
    }
}

/// `printf FORMAT [ARGUMENT]...` (the format is reused while arguments remain).
pub fn printf(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let args = call.args();
    let Some(format) = args.first() else {
        if host.busybox() {
            return super::usage(host, "printf", "FORMAT [ARG]...", io);
        }
        io.err("printf: missing operand\nTry 'printf --help' for more information.\n");
        return 1;
    };
    let mut rest = args[1..].iter();
    let mut out = String::new();
    let mut bad: Vec<String> = Vec::new();
    loop {
        let mut consumed = false;
        let chars: Vec<char> = format.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' {
                let end = (i + 2).min(chars.len());
                let piece: String = chars[i..end].iter().collect();
                let (t, stop) = unescape(&piece);
                out.push_str(&t);
                if stop {
                    io.out(&out);
                    return 0;
                }
                i = end;
                continue;
            }
            if c == '%' {
                if chars.get(i + 1) == Some(&'%') {
                    out.push('%');
                    i += 2;
                    continue;
                }
                let mut j = i + 1;
                while j < chars.len() && "-+ 0#.123456789".contains(chars[j]) {
                    j += 1;
                }
                let spec: String = chars[i + 1..j.min(chars.len())].iter().collect();
                let conv = chars.get(j).copied().unwrap_or('s');
                let arg = rest.next();
                consumed |= arg.is_some();
                out.push_str(&printf_one(&spec, conv, arg.map(String::as_str), &mut bad));
                i = j + 1;
                continue;
            }
            out.push(c);
            i += 1;
        }
        if !consumed || rest.len() == 0 {
            break;
        }
        if out.len() > MAX_GENERATED {
            break;
        }
    }
    io.out(&out);
    let bb = host.busybox();
    for b in &bad {
        if bb {
            io.err(&format!("printf: invalid number '{b}'\n"));
        } else {
            io.err(&format!(
                "printf: {}: expected a numeric value\n",
                gnu_quote(b)
            ));
        }
    }
    if bad.is_empty() {
        0
    } else {
        1
    }
}

/// `-5` style counts (head/tail) rewritten as `-n 5`.
fn numeric_shorthand(args: &[String]) -> Vec<String> {
    args.iter()
        .flat_map(|a| {
            if a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| c.is_ascii_digit()) {
                vec!["-n".to_string(), a[1..].to_string()]
            } else {
                vec![a.clone()]
            }
        })
        .collect()
}

fn open_error(io: &mut dyn Sink, prog: &str, bb: bool, name: &str, e: FsErr) {
    if bb {
        io.err(&format!("{prog}: {name}: {e}\n"));
    } else {
        match prog {
            "head" | "tail" => io.err(&format!(
                "{prog}: cannot open {} for reading: {e}\n",
                gnu_quote(name)
            )),
            _ => io.err(&format!("{prog}: {}: {e}\n", gnu_quote_if_needed(name))),
        }
    }
}

fn head_tail(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink, head: bool) -> i32 {
    let prog = if head { "head" } else { "tail" };
    let bb = host.busybox();
    let args = numeric_shorthand(call.args());
    let opts = match parse_opts(
        &args,
        "n:c:qvfF",
        &["lines", "bytes", "follow", "quiet", "silent", "verbose"],
    ) {
        Ok(o) => o,
        Err(e) => return opt_error(host, prog, "[OPTIONS] [FILE]...", e, 1, io),
    };
    let (count_s, bytes) = match (opts.value('n'), opts.value('c')) {
        (_, Some(c)) => (c.to_string(), true),
        (Some(n), None) => (n.to_string(), false),
        (None, None) => ("10".to_string(), false),
    };
    let from_start = count_s.starts_with('+');
    let all_but = count_s.starts_with('-');
    let Ok(count) = count_s.trim_start_matches(['+', '-']).parse::<usize>() else {
        if bb {
            io.err(&format!("{prog}: invalid number '{count_s}'\n"));
        } else {
            io.err(&format!(
                "{prog}: invalid number of {}: {}\n",
                if bytes { "bytes" } else { "lines" },
                gnu_quote(&count_s)
            ));
        }
        return 1;
    };
    let files = inputs(host, call, &opts.operands);
    let headers = (files.len() > 1 && !opts.has('q')) || opts.has('v');
    let mut status = 0;
    let mut first = true;
    for (name, text) in files {
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                open_error(io, prog, bb, &name, e);
                status = 1;
                continue;
            }
        };
        if headers {
            let shown = if name == "-" { "standard input" } else { &name };
            io.out(&format!(
                "{}==> {shown} <==\n",
                if first { "" } else { "\n" }
            ));
        }
        first = false;
        let piece: String = if bytes {
            let b = text.as_bytes();
            let (s, e) = match (head, from_start, all_but) {
                (true, _, true) => (0, b.len().saturating_sub(count)),
                (true, _, false) => (0, count.min(b.len())),
                (false, true, _) => (count.saturating_sub(1).min(b.len()), b.len()),
                (false, false, _) => (b.len().saturating_sub(count), b.len()),
            };
            String::from_utf8_lossy(&b[s..e]).into_owned()
        } else {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let n = lines.len();
            let (s, e) = match (head, from_start, all_but) {
                (true, _, true) => (0, n.saturating_sub(count)),
                (true, _, false) => (0, count.min(n)),
                (false, true, _) => (count.saturating_sub(1).min(n), n),
                (false, false, _) => (n.saturating_sub(count), n),
            };
            lines[s..e].concat()
        };
        io.out(&piece);
    }
    status
}

pub fn head(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    head_tail(host, call, io, true)
}

pub fn tail(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    head_tail(host, call, io, false)
}

/// A POSIX basic regular expression in the `regex` crate's syntax.
pub fn bre_to_regex(p: &str) -> String {
    translate(p, false)
}

/// A POSIX extended regular expression in the `regex` crate's syntax.
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
                        out.push_str(&regex::escape(&d.to_string()));
                    }
                    other => out.push_str(&regex::escape(&other.to_string())),
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
                    out.push_str(&regex::escape(&c.to_string()));
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
                regex::escape(&p)
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
    let re = match regex::RegexBuilder::new(&joined)
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

pub fn wc(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let opts = match parse_opts(call.args(), "lwcmL", &["lines", "words", "bytes", "chars"]) {
        Ok(o) => o,
        Err(e) => return opt_error(host, "wc", "[-cmlwL] [FILE]...", e, 1, io),
    };
    let mut which: Vec<char> = ['l', 'w', 'm', 'c', 'L']
        .into_iter()
        .filter(|c| opts.has(*c))
        .collect();
    if opts.long("lines") {
        which.push('l');
    }
    if which.is_empty() {
        which = vec!['l', 'w', 'c'];
    }
    let files = inputs(host, call, &opts.operands);
    let mut rows: Vec<(Vec<u64>, String)> = Vec::new();
    let mut totals = vec![0u64; which.len()];
    let mut status = 0;
    let mut all_regular = true;
    for (name, text) in &files {
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                open_error(io, "wc", bb, name, *e);
                status = 1;
                continue;
            }
        };
        if name == "-" {
            all_regular = false;
        }
        let counts: Vec<u64> = which
            .iter()
            .map(|c| match c {
                'l' => text.matches('\n').count() as u64,
                'w' => text.split_whitespace().count() as u64,
                'm' => text.chars().count() as u64,
                'c' => text.len() as u64,
                _ => text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u64,
            })
            .collect();
        for (t, c) in totals.iter_mut().zip(&counts) {
            *t += c;
        }
        rows.push((
            counts,
            if opts.operands.is_empty() {
                String::new()
            } else {
                name.clone()
            },
        ));
    }
    if rows.len() > 1 {
        rows.push((totals.clone(), "total".into()));
    }
    if bb {
        for (counts, name) in rows {
            let mut line = counts
                .iter()
                .map(|c| format!("{c:9}"))
                .collect::<Vec<_>>()
                .join(" ");
            if !name.is_empty() {
                line.push(' ');
                line.push_str(&name);
            }
            io.out(&format!("{line}\n"));
        }
        return status;
    }
    // coreutils: one column alone for a single input is unpadded; otherwise the width
    // of the largest possible count (7 when reading a pipe).
    let width = if which.len() == 1 && files.len() == 1 {
        1
    } else if all_regular {
        let bytes: u64 = files
            .iter()
            .filter_map(|(_, t)| t.as_ref().ok().map(|t| t.len() as u64))
            .sum();
        bytes.to_string().len()
    } else {
        7
    };
    for (counts, name) in rows {
        let mut line = counts
            .iter()
            .map(|c| format!("{c:>width$}"))
            .collect::<Vec<_>>()
            .join(" ");
        if !name.is_empty() {
            line.push(' ');
            line.push_str(&name);
        }
        io.out(&format!("{line}\n"));
    }
    status
}

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

pub fn seq(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let mut args: Vec<String> = Vec::new();
    let mut sep = "\n".to_string();
    let mut equal = false;
    let mut it = call.args().iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-s" => sep = it.next().cloned().unwrap_or_default(),
            "-w" => equal = true,
            s if s.starts_with("-s") && s.len() > 2 => sep = s[2..].to_string(),
            _ => args.push(a.clone()),
        }
    }
    let nums: Result<Vec<f64>, String> = args
        .iter()
        .map(|a| a.parse::<f64>().map_err(|_| a.clone()))
        .collect();
    let nums = match nums {
        Ok(n) if (1..=3).contains(&n.len()) => n,
        Ok(_) => {
            if bb {
                return super::usage(host, "seq", "[-w] [-s SEP] [FIRST [INC]] LAST", io);
            }
            io.err("seq: missing operand\nTry 'seq --help' for more information.\n");
            return 1;
        }
        Err(bad) => {
            if bb {
                io.err(&format!("seq: invalid number '{bad}'\n"));
            } else {
                io.err(&format!("seq: invalid floating point argument: {}\nTry 'seq --help' for more information.\n", gnu_quote(&bad)));
            }
            return 1;
        }
    };
    let (first, inc, last) = match nums.len() {
        1 => (1.0, 1.0, nums[0]),
        2 => (nums[0], 1.0, nums[1]),
        _ => (nums[0], nums[1], nums[2]),
    };
    if inc == 0.0 {
        io.err("seq: invalid Zero increment value: '0'\n");
        return 1;
    }
    let decimals = args
        .iter()
        .map(|a| a.split_once('.').map(|(_, d)| d.len()).unwrap_or(0))
        .max()
        .unwrap_or(0);
    let width = if equal {
        [first, last]
            .iter()
            .map(|v| format!("{v:.decimals$}").len())
            .max()
            .unwrap_or(1)
    } else {
        0
    };
    let mut out = String::new();
    let mut v = first;
    let mut n = 0u64;
    while (inc > 0.0 && v <= last + 1e-9) || (inc < 0.0 && v >= last - 1e-9) {
        if n > 0 {
            out.push_str(&sep);
        }
        let s = format!("{v:.decimals$}");
        out.push_str(&if equal { format!("{s:0>width$}") } else { s });
        n += 1;
        v = first + inc * n as f64;
        if out.len() > MAX_GENERATED {
            break;
        }
    }
    if n > 0 {
        out.push('\n');
    }
    io.out(&out);
    0
}

pub fn tee(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let append = call.args().iter().any(|a| a == "-a" || a == "--append");
    let input = call.stdin.unwrap_or("").to_string();
    io.out(&input);
    let mut status = 0;
    let files: Vec<String> = call
        .args()
        .iter()
        .filter(|a| !a.starts_with('-'))
        .cloned()
        .collect();
    if let Some(mut fs) = host.fs() {
        for f in files {
            if let Err(e) = fs.write(call.cwd, &f, &input, append) {
                status = 1;
                if bb {
                    io.err(&format!("tee: {f}: {e}\n"));
                } else {
                    io.err(&format!("tee: {}: {e}\n", gnu_quote_if_needed(&f)));
                }
            }
        }
    }
    status
}

pub fn yes(_host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let line = if call.args().is_empty() {
        "y".to_string()
    } else {
        call.args().join(" ")
    };
    let chunk = format!("{line}\n").repeat(1024);
    let mut written = 0;
    while written <= MAX_GENERATED {
        io.out(&chunk);
        written += chunk.len();
    }
    1
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
            regex::Regex::new(&r).unwrap().is_match(s)
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

    #[test]
    fn tr_sets() {
        assert_eq!(tr_set("a-e").len(), 5);
        assert_eq!(tr_set("[:upper:]")[0], 'A');
        assert_eq!(tr_set("\\n"), vec!['\n']);
    }
}
