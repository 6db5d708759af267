//! Line filters as pure functions over text: what GNU `grep`, `head`, `tail`, `wc`,
//! `sort` and `uniq` print for an input, with their common options and their error
//! wording (coreutils and GNU grep). A host offers them as commands; the files they name
//! are read through a callback. Sorting is byte order (the C locale).

use super::FsError;

/// What a filter printed and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    pub out: String,
    pub err: String,
    pub status: i32,
}

/// Runs filter `name` (None: not a filter). `stdin` is what it reads without file
/// arguments; `read` reads a named file.
pub fn run(
    name: &str,
    args: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
) -> Option<Filtered> {
    let mut f = Filtered::default();
    match name {
        "grep" => grep(args, stdin, read, &mut f),
        "head" | "tail" => head_tail(name == "head", args, stdin, read, &mut f),
        "wc" => wc(args, stdin, read, &mut f),
        "sort" => sort(args, stdin, read, &mut f),
        "uniq" => uniq(args, stdin, read, &mut f),
        _ => return None,
    }
    Some(f)
}

/// The names this module serves.
pub const FILTERS: &[&str] = &["grep", "head", "tail", "wc", "sort", "uniq"];

fn usage(f: &mut Filtered, name: &str, problem: &str, usage: &str) {
    f.err.push_str(&format!("{name}: {problem}\n"));
    if !usage.is_empty() {
        f.err.push_str(&format!("{usage}\n"));
    }
    f.err
        .push_str(&format!("Try '{name} --help' for more information.\n"));
    f.status = if name == "grep" { 2 } else { 1 };
}

/// Reads the inputs: the named files (or `-`), else stdin. Errors are reported with
/// `wording` (`"{name}: {file}: {err}"`-style) and skipped.
fn inputs(
    files: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
    f: &mut Filtered,
    wording: &dyn Fn(&str, FsError) -> String,
) -> Vec<(Option<String>, String)> {
    if files.is_empty() {
        return vec![(None, stdin.unwrap_or("").to_string())];
    }
    let mut out = Vec::new();
    for file in files {
        if file == "-" {
            out.push((
                Some("(standard input)".to_string()),
                stdin.unwrap_or("").to_string(),
            ));
            continue;
        }
        match read(file) {
            Ok(t) => out.push((Some(file.clone()), t)),
            Err(e) => {
                f.err.push_str(&wording(file, e));
                f.err.push('\n');
                f.status = 2;
            }
        }
    }
    out
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n')
        .map(|l| l.strip_suffix('\n').unwrap_or(l))
        .collect()
}

/// GNU grep's basic regular expression in the syntax of the `regex` family.
fn bre_to_ere(p: &str) -> String {
    let mut out = String::new();
    let mut chars = p.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ ('(' | ')' | '{' | '}' | '|' | '+' | '?')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push_str("\\\\"),
            },
            '(' | ')' | '{' | '}' | '|' | '+' | '?' => {
                out.push('\\');
                out.push(c);
            }
            '*' if first => out.push_str("\\*"),
            '[' => {
                out.push('[');
                for (k, n) in chars.by_ref().enumerate() {
                    out.push(n);
                    if n == ']' && k > 0 {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
        first = false;
    }
    out
}

fn grep(
    args: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
    f: &mut Filtered,
) {
    let (mut ignore, mut invert, mut count, mut number, mut quiet) =
        (false, false, false, false, false);
    let (mut extended, mut fixed, mut word, mut line, mut only) =
        (false, false, false, false, false);
    let mut patterns: Vec<String> = Vec::new();
    let mut rest: Vec<String> = Vec::new();
    let mut it = args.iter();
    let mut options_done = false;
    while let Some(a) = it.next() {
        if options_done || !a.starts_with('-') || a == "-" {
            rest.push(a.clone());
            continue;
        }
        if a == "--" {
            options_done = true;
            continue;
        }
        let flags: Vec<char> = a[1..].chars().collect();
        for (k, c) in flags.iter().enumerate() {
            match c {
                'i' => ignore = true,
                'v' => invert = true,
                'c' => count = true,
                'n' => number = true,
                'q' => quiet = true,
                'E' => extended = true,
                'F' => fixed = true,
                'w' => word = true,
                'x' => line = true,
                'o' => only = true,
                'e' => {
                    let attached: String = flags[k + 1..].iter().collect();
                    match (attached.is_empty(), it.next()) {
                        (false, _) => patterns.push(attached),
                        (true, Some(p)) => patterns.push(p.clone()),
                        (true, None) => {
                            return usage(
                                f,
                                "grep",
                                "option requires an argument -- 'e'",
                                "Usage: grep [OPTION]... PATTERNS [FILE]...",
                            );
                        }
                    }
                    break;
                }
                _ => {
                    return usage(
                        f,
                        "grep",
                        &format!("invalid option -- '{c}'"),
                        "Usage: grep [OPTION]... PATTERNS [FILE]...",
                    );
                }
            }
        }
    }
    if patterns.is_empty() {
        if rest.is_empty() {
            f.err.push_str("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            f.status = 2;
            return;
        }
        patterns.push(rest.remove(0));
    }
    let alternatives: Vec<String> = patterns
        .iter()
        .flat_map(|p| p.split('\n').map(str::to_string).collect::<Vec<_>>())
        .map(|p| {
            let body = if fixed {
                regex_lite::escape(&p)
            } else if extended {
                p
            } else {
                bre_to_ere(&p)
            };
            let body = if word {
                format!(r"\b(?:{body})\b")
            } else {
                body
            };
            if line {
                format!("^(?:{body})$")
            } else {
                format!("(?:{body})")
            }
        })
        .collect();
    let source = format!(
        "{}{}",
        if ignore { "(?i)" } else { "" },
        alternatives.join("|")
    );
    let re = match regex_lite::Regex::new(&source) {
        Ok(r) => r,
        Err(_) => {
            f.err.push_str("grep: Unmatched ( or \\(\n");
            f.status = 2;
            return;
        }
    };
    let many = rest.len() > 1;
    let texts = inputs(&rest, stdin, read, f, &|file, e| {
        format!("grep: {file}: {}", e.strerror())
    });
    let mut matched = false;
    for (name, text) in texts {
        let prefix = match (&name, many) {
            (Some(n), true) => format!("{n}:"),
            _ => String::new(),
        };
        let mut n_match = 0;
        for (i, l) in lines(&text).into_iter().enumerate() {
            let hit = re.is_match(l) != invert;
            if !hit {
                continue;
            }
            n_match += 1;
            matched = true;
            if quiet || count {
                continue;
            }
            let num = if number {
                format!("{}:", i + 1)
            } else {
                String::new()
            };
            if only && !invert {
                for m in re.find_iter(l).filter(|m| !m.as_str().is_empty()) {
                    f.out.push_str(&format!("{prefix}{num}{}\n", m.as_str()));
                }
            } else {
                f.out.push_str(&format!("{prefix}{num}{l}\n"));
            }
        }
        if count && !quiet {
            f.out.push_str(&format!("{prefix}{n_match}\n"));
        }
    }
    if f.status == 2 && !(quiet && matched) {
        return;
    }
    f.status = if matched { 0 } else { 1 };
}

/// A count option's value: `-n 5`, `-n5`, `-5`, `+5` (tail: from line 5).
fn count_arg(args: &[String], name: &str, f: &mut Filtered) -> Option<(i64, bool, Vec<String>)> {
    let mut n: i64 = 10;
    let mut from_start = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = if a == "-n" {
            match it.next() {
                Some(v) => v.clone(),
                None => {
                    usage(f, name, "option requires an argument -- 'n'", "");
                    return None;
                }
            }
        } else if let Some(v) = a.strip_prefix("-n") {
            v.to_string()
        } else if a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| c.is_ascii_digit()) {
            a[1..].to_string()
        } else if a.starts_with('-') && a.len() > 1 {
            let opt = a[1..].chars().next().unwrap_or('-');
            usage(f, name, &format!("invalid option -- '{opt}'"), "");
            return None;
        } else {
            files.push(a.clone());
            continue;
        };
        let (neg, digits) = match value.strip_prefix('+') {
            Some(d) => {
                from_start = true;
                (false, d.to_string())
            }
            None => match value.strip_prefix('-') {
                Some(d) => (true, d.to_string()),
                None => (false, value.clone()),
            },
        };
        match digits.parse::<i64>() {
            Ok(v) => n = if neg { -v } else { v },
            Err(_) => {
                f.err
                    .push_str(&format!("{name}: invalid number of lines: '{value}'\n"));
                f.status = 1;
                return None;
            }
        }
    }
    Some((n, from_start, files))
}

fn head_tail(
    head: bool,
    args: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
    f: &mut Filtered,
) {
    let name = if head { "head" } else { "tail" };
    let Some((n, from_start, files)) = count_arg(args, name, f) else {
        return;
    };
    let many = files.len() > 1;
    let texts = inputs(&files, stdin, read, f, &|file, e| {
        format!("{name}: cannot open '{file}' for reading: {}", e.strerror())
    });
    if f.status == 2 {
        f.status = 1;
    }
    for (i, (file, text)) in texts.into_iter().enumerate() {
        if many {
            let sep = if i > 0 { "\n" } else { "" };
            f.out
                .push_str(&format!("{sep}==> {} <==\n", file.unwrap_or_default()));
        }
        let ls: Vec<&str> = text.split_inclusive('\n').collect();
        let len = ls.len() as i64;
        let (start, end) = if head {
            if n >= 0 {
                (0, n.min(len))
            } else {
                (0, (len + n).max(0))
            }
        } else if from_start {
            ((n - 1).clamp(0, len), len)
        } else {
            ((len - n.abs()).max(0), len)
        };
        for l in &ls[start as usize..end as usize] {
            f.out.push_str(l);
        }
    }
}

fn wc(
    args: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
    f: &mut Filtered,
) {
    let (mut l, mut w, mut c, mut m) = (false, false, false, false);
    let mut files = Vec::new();
    for a in args {
        match a.strip_prefix('-').filter(|s| !s.is_empty()) {
            Some(flags) => {
                for ch in flags.chars() {
                    match ch {
                        'l' => l = true,
                        'w' => w = true,
                        'c' => c = true,
                        'm' => m = true,
                        _ => return usage(f, "wc", &format!("invalid option -- '{ch}'"), ""),
                    }
                }
            }
            None => files.push(a.clone()),
        }
    }
    if !(l || w || c || m) {
        (l, w, c) = (true, true, true);
    }
    let texts = inputs(&files, stdin, read, f, &|file, e| {
        format!("wc: {file}: {}", e.strerror())
    });
    if f.status == 2 {
        f.status = 1;
    }
    let selected = [l, w, m, c].iter().filter(|x| **x).count();
    let width = if texts.len() == 1 && selected == 1 {
        1
    } else {
        let total: usize = texts
            .iter()
            .filter(|(n, _)| n.is_some())
            .map(|(_, t)| t.len())
            .sum();
        let min = if texts.iter().any(|(n, _)| n.is_none()) {
            7
        } else {
            1
        };
        total.to_string().len().max(min)
    };
    let mut totals = [0usize; 4];
    let row = |counts: [usize; 4], name: Option<&str>| {
        let mut cols = Vec::new();
        for (k, on) in [l, w, m, c].iter().enumerate() {
            if *on {
                cols.push(format!("{:>width$}", counts[k]));
            }
        }
        let mut s = cols.join(" ");
        if let Some(n) = name {
            s.push(' ');
            s.push_str(n);
        }
        s.push('\n');
        s
    };
    let n_inputs = texts.len();
    for (name, text) in &texts {
        let counts = [
            text.matches('\n').count(),
            text.split_whitespace().count(),
            text.chars().count(),
            text.len(),
        ];
        for k in 0..4 {
            totals[k] += counts[k];
        }
        f.out.push_str(&row(counts, name.as_deref()));
    }
    if n_inputs > 1 {
        f.out.push_str(&row(totals, Some("total")));
    }
}

fn sort(
    args: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
    f: &mut Filtered,
) {
    let (mut reverse, mut numeric, mut unique) = (false, false, false);
    let mut files = Vec::new();
    for a in args {
        match a.strip_prefix('-').filter(|s| !s.is_empty()) {
            Some(flags) => {
                for ch in flags.chars() {
                    match ch {
                        'r' => reverse = true,
                        'n' => numeric = true,
                        'u' => unique = true,
                        _ => return usage(f, "sort", &format!("invalid option -- '{ch}'"), ""),
                    }
                }
            }
            None => files.push(a.clone()),
        }
    }
    let texts = inputs(&files, stdin, read, f, &|file, e| {
        format!("sort: cannot read: {file}: {}", e.strerror())
    });
    if f.status == 2 {
        return;
    }
    let mut all: Vec<String> = texts
        .iter()
        .flat_map(|(_, t)| lines(t))
        .map(str::to_string)
        .collect();
    let key = |s: &str| -> f64 {
        let t = s.trim_start();
        let end = t
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')))
            .map(|(i, _)| i)
            .unwrap_or(t.len());
        t[..end].parse().unwrap_or(0.0)
    };
    all.sort_by(|a, b| {
        let o = if numeric {
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.cmp(b))
        } else {
            a.cmp(b)
        };
        if reverse {
            o.reverse()
        } else {
            o
        }
    });
    if unique {
        all.dedup();
    }
    for l in all {
        f.out.push_str(&l);
        f.out.push('\n');
    }
}

fn uniq(
    args: &[String],
    stdin: Option<&str>,
    read: &mut dyn FnMut(&str) -> Result<String, FsError>,
    f: &mut Filtered,
) {
    let count = args.iter().any(|a| a == "-c");
    let files: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .cloned()
        .collect();
    let texts = inputs(&files[..files.len().min(1)], stdin, read, f, &|file, e| {
        format!("uniq: {file}: {}", e.strerror())
    });
    if f.status == 2 {
        f.status = 1;
        return;
    }
    let text = texts.into_iter().next().map(|(_, t)| t).unwrap_or_default();
    let mut groups: Vec<(usize, &str)> = Vec::new();
    for l in lines(&text) {
        match groups.last_mut() {
            Some((n, last)) if *last == l => *n += 1,
            _ => groups.push((1, l)),
        }
    }
    for (n, l) in groups {
        if count {
            f.out.push_str(&format!("{n:>7} {l}\n"));
        } else {
            f.out.push_str(&format!("{l}\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(name: &str, args: &[&str], stdin: &str) -> Filtered {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut read = |p: &str| match p {
            "f.txt" => Ok("one\ntwo\nthree\n".to_string()),
            _ => Err(FsError::NotFound),
        };
        run(name, &args, Some(stdin), &mut read).expect("a filter")
    }

    const PODS: &str = "NAME    READY\nweb-0   1/1\nweb-1   0/1\ndb-0    1/1\n";

    #[test]
    fn grep_like_gnu() {
        assert_eq!(
            filter("grep", &["web"], PODS).out,
            "web-0   1/1\nweb-1   0/1\n"
        );
        assert_eq!(
            filter("grep", &["-v", "web"], PODS).out,
            "NAME    READY\ndb-0    1/1\n"
        );
        assert_eq!(filter("grep", &["-c", "1/1"], PODS).out, "2\n");
        assert_eq!(
            filter("grep", &["-E", "web-(0|1)"], PODS)
                .out
                .lines()
                .count(),
            2
        );
        assert_eq!(
            filter("grep", &["web-\\(0\\|1\\)"], PODS)
                .out
                .lines()
                .count(),
            2
        );
        assert_eq!(filter("grep", &["-i", "name"], PODS).out, "NAME    READY\n");
        assert_eq!(filter("grep", &["nope"], PODS).status, 1);
        assert_eq!(
            filter("grep", &["-n", "db", "-"], PODS).out,
            "4:db-0    1/1\n"
        );
        let missing = filter("grep", &["x", "nope.txt"], "");
        assert_eq!(
            (missing.err.as_str(), missing.status),
            ("grep: nope.txt: No such file or directory\n", 2)
        );
        let two = filter("grep", &["o", "f.txt", "f.txt"], "");
        assert_eq!(two.out.lines().next(), Some("f.txt:one"));
    }

    #[test]
    fn head_tail_wc_sort_uniq() {
        assert_eq!(
            filter("head", &["-n", "2"], PODS).out,
            "NAME    READY\nweb-0   1/1\n"
        );
        assert_eq!(filter("head", &["-1"], PODS).out, "NAME    READY\n");
        assert_eq!(filter("tail", &["-n", "1"], PODS).out, "db-0    1/1\n");
        assert_eq!(filter("tail", &["-n", "+2"], "a\nb\nc\n").out, "b\nc\n");
        assert_eq!(filter("wc", &["-l"], PODS).out, "4\n");
        assert_eq!(
            filter("wc", &[], "a b\nc\n").out,
            "      2       3       6\n"
        );
        assert_eq!(filter("wc", &["-l", "f.txt"], "").out, "3 f.txt\n");
        assert_eq!(filter("sort", &[], "b\na\nc\n").out, "a\nb\nc\n");
        assert_eq!(filter("sort", &["-rn"], "2\n10\n1\n").out, "10\n2\n1\n");
        assert_eq!(
            filter("uniq", &["-c"], "a\na\nb\n").out,
            "      2 a\n      1 b\n"
        );
        let e = filter("head", &["nope"], "");
        assert_eq!(
            e.err,
            "head: cannot open 'nope' for reading: No such file or directory\n"
        );
    }
}
