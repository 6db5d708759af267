//! Text applets: echo, printf, head, tail, wc, seq, tee, yes. Generators stop once they
//! have produced more than one command may (`MAX_GENERATED`).

use super::{gnu_quote, gnu_quote_if_needed, inputs, opt_error, parse_opts, Call};
use crate::kubectl::output::Sink;
use crate::runtime::fs::FsErr;
use crate::runtime::host::{PodHost, MAX_GENERATED};

pub(super) fn unescape(s: &str) -> (String, bool) {
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

pub(super) fn open_error(io: &mut dyn Sink, prog: &str, bb: bool, name: &str, e: FsErr) {
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
