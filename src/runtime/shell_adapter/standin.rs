//! The stand-in interpreter `run_script` uses until `crate::shell::Shell` is wired:
//! lists (`;`, `&&`, `||`, newlines), pipes, redirects (`>`, `>>`, `<`, `2>`, `2>&1`,
//! `>&2`), quotes, `$VAR`, `${VAR}`, `$?`, `$1`..., `$(...)`, and the builtins `cd`,
//! `export`, `unset`, `exit`, `pwd`, `:` and dash's escape-interpreting `echo`. No
//! loops or conditionals; commands are bounded (10,000 per run).

use crate::kubectl::output::Sink;
use crate::runtime::host::PodHost;
use crate::shell::{Dialect, Host, Invocation};

/// Run `script` with `$0` = `name`, `$1...` = `args`.
#[allow(clippy::too_many_arguments)]
pub fn run(
    host: &mut PodHost<'_>,
    dialect: Dialect,
    script: &str,
    name: &str,
    args: &[String],
    env: &[(String, String)],
    cwd: &str,
    io: &mut dyn Sink,
) -> i32 {
    let mut st = MiniShell {
        dialect,
        vars: env.to_vec(),
        cwd: cwd.to_string(),
        status: 0,
        name: name.to_string(),
        args: args.to_vec(),
        exited: false,
        steps: 0,
    };
    st.run(host, script, None, io)
}

/// The stand-in interpreter's state.
struct MiniShell {
    dialect: Dialect,
    vars: Vec<(String, String)>,
    cwd: String,
    status: i32,
    name: String,
    args: Vec<String>,
    exited: bool,
    steps: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Op(&'static str),
}

impl MiniShell {
    fn var(&self, n: &str) -> String {
        match n {
            "?" => self.status.to_string(),
            "0" => self.name.clone(),
            "#" => self.args.len().to_string(),
            "@" | "*" => self.args.join(" "),
            "$" => "1".into(),
            d if d.chars().all(|c| c.is_ascii_digit()) => {
                let i: usize = d.parse().unwrap_or(0);
                self.args
                    .get(i.wrapping_sub(1))
                    .cloned()
                    .unwrap_or_default()
            }
            _ => self
                .vars
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        }
    }

    /// Split a script into tokens, expanding as it goes (words carry no quotes).
    fn lex(&mut self, host: &mut PodHost<'_>, text: &str, io: &mut dyn Sink) -> Vec<Tok> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        let mut word = String::new();
        let mut in_word = false;
        let flush = |word: &mut String, in_word: &mut bool, out: &mut Vec<Tok>| {
            if *in_word {
                out.push(Tok::Word(std::mem::take(word)));
                *in_word = false;
            }
        };
        while i < chars.len() {
            let c = chars[i];
            match c {
                ' ' | '\t' => {
                    flush(&mut word, &mut in_word, &mut out);
                    i += 1;
                }
                '\n' | ';' | '&' | '|' | '>' | '<' => {
                    if c == '>' && in_word && word == "2" {
                        word.clear();
                        in_word = false;
                        if chars.get(i + 1) == Some(&'&') && chars.get(i + 2) == Some(&'1') {
                            out.push(Tok::Op("2>&1"));
                            i += 3;
                        } else if chars.get(i + 1) == Some(&'>') {
                            out.push(Tok::Op("2>>"));
                            i += 2;
                        } else {
                            out.push(Tok::Op("2>"));
                            i += 1;
                        }
                        continue;
                    }
                    flush(&mut word, &mut in_word, &mut out);
                    let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
                    let op: &'static str = match two.as_str() {
                        "&&" => "&&",
                        "||" => "||",
                        ">>" => ">>",
                        ">&" => ">&",
                        _ => match c {
                            '\n' | ';' | '&' => ";",
                            '|' => "|",
                            '>' => ">",
                            _ => "<",
                        },
                    };
                    i += if op.len() == 2 { 2 } else { 1 };
                    if op == ">&" {
                        // `>&2`
                        i += 1;
                        out.push(Tok::Op(">&2"));
                        continue;
                    }
                    out.push(Tok::Op(op));
                }
                '#' if !in_word => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                }
                '\'' => {
                    in_word = true;
                    i += 1;
                    while i < chars.len() && chars[i] != '\'' {
                        word.push(chars[i]);
                        i += 1;
                    }
                    i += 1;
                }
                '"' => {
                    in_word = true;
                    i += 1;
                    while i < chars.len() && chars[i] != '"' {
                        if chars[i] == '\\'
                            && i + 1 < chars.len()
                            && "\"\\$`".contains(chars[i + 1])
                        {
                            word.push(chars[i + 1]);
                            i += 2;
                        } else if chars[i] == '$' {
                            i = self.dollar(host, &chars, i, &mut word, io);
                        } else {
                            word.push(chars[i]);
                            i += 1;
                        }
                    }
                    i += 1;
                }
                '\\' => {
                    in_word = true;
                    if let Some(n) = chars.get(i + 1) {
                        if *n != '\n' {
                            word.push(*n);
                        }
                    }
                    i += 2;
                }
                '$' => {
                    in_word = true;
                    let mut piece = String::new();
                    i = self.dollar(host, &chars, i, &mut piece, io);
                    // Unquoted expansions are split into fields.
                    let mut fields = piece.split_whitespace().peekable();
                    if piece.starts_with(char::is_whitespace) {
                        flush(&mut word, &mut in_word, &mut out);
                    }
                    while let Some(f) = fields.next() {
                        word.push_str(f);
                        in_word = true;
                        if fields.peek().is_some() {
                            flush(&mut word, &mut in_word, &mut out);
                        }
                    }
                    if piece.ends_with(char::is_whitespace) && !piece.trim().is_empty() {
                        flush(&mut word, &mut in_word, &mut out);
                    }
                }
                _ => {
                    in_word = true;
                    word.push(c);
                    i += 1;
                }
            }
        }
        flush(&mut word, &mut in_word, &mut out);
        out
    }

    /// Expand a `$...` at `chars[i]` into `out`; returns the index after it.
    fn dollar(
        &mut self,
        host: &mut PodHost<'_>,
        chars: &[char],
        i: usize,
        out: &mut String,
        io: &mut dyn Sink,
    ) -> usize {
        let next = chars.get(i + 1).copied();
        match next {
            Some('(') => {
                let mut depth = 0;
                let mut j = i + 1;
                while j < chars.len() {
                    match chars[j] {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                let inner: String = chars[i + 2..j.min(chars.len())].iter().collect();
                let mut cap = crate::kubectl::output::Capture::default();
                self.run(
                    host,
                    &inner,
                    None,
                    &mut Tee {
                        out: &mut cap,
                        err: io,
                    },
                );
                out.push_str(cap.stdout.trim_end_matches('\n'));
                j + 1
            }
            Some('{') => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == '}')
                    .map(|p| i + p)
                    .unwrap_or(chars.len());
                let name: String = chars[i + 2..end.min(chars.len())].iter().collect();
                out.push_str(&self.var(&name));
                end + 1
            }
            Some(c) if "?#@*$".contains(c) || c.is_ascii_digit() => {
                out.push_str(&self.var(&c.to_string()));
                i + 2
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '_') {
                    j += 1;
                }
                let name: String = chars[i + 1..j].iter().collect();
                out.push_str(&self.var(&name));
                j
            }
            _ => {
                out.push('$');
                i + 1
            }
        }
    }

    fn run(
        &mut self,
        host: &mut PodHost<'_>,
        text: &str,
        stdin: Option<&str>,
        io: &mut dyn Sink,
    ) -> i32 {
        let toks = self.lex(host, text, io);
        // Split into (connector, pipeline) pairs.
        let mut lists: Vec<(&'static str, Vec<Tok>)> = vec![(";", vec![])];
        for t in toks {
            match t {
                Tok::Op(op @ (";" | "&&" | "||")) => lists.push((op, vec![])),
                other => {
                    if let Some(last) = lists.last_mut() {
                        last.1.push(other);
                    }
                }
            }
        }
        for (conn, pipeline) in lists {
            if self.exited {
                break;
            }
            if pipeline.is_empty() {
                continue;
            }
            let go = match conn {
                "&&" => self.status == 0,
                "||" => self.status != 0,
                _ => true,
            };
            if go {
                self.status = self.pipeline(host, &pipeline, stdin, io);
            }
        }
        self.status
    }

    fn pipeline(
        &mut self,
        host: &mut PodHost<'_>,
        toks: &[Tok],
        stdin: Option<&str>,
        io: &mut dyn Sink,
    ) -> i32 {
        let stages: Vec<&[Tok]> = toks.split(|t| *t == Tok::Op("|")).collect();
        let mut input: Option<String> = stdin.map(String::from);
        let mut status = 0;
        let n = stages.len();
        for (k, stage) in stages.into_iter().enumerate() {
            let last = k + 1 == n;
            if last {
                status = self.command(host, stage, input.as_deref(), io);
            } else {
                let mut cap = crate::kubectl::output::Capture::default();
                self.command(
                    host,
                    stage,
                    input.as_deref(),
                    &mut Tee {
                        out: &mut cap,
                        err: io,
                    },
                );
                input = Some(cap.stdout);
            }
        }
        status
    }

    fn not_found(&self, cmd: &str, io: &mut dyn Sink) {
        match self.dialect {
            Dialect::Dash => io.err(&format!("{}: 1: {cmd}: not found\n", self.name)),
            Dialect::Ash => io.err(&format!("{}: {cmd}: not found\n", self.name)),
            Dialect::Bash => io.err(&format!(
                "{}: line 1: {cmd}: command not found\n",
                self.name
            )),
        }
    }

    fn command(
        &mut self,
        host: &mut PodHost<'_>,
        toks: &[Tok],
        stdin: Option<&str>,
        io: &mut dyn Sink,
    ) -> i32 {
        self.steps += 1;
        if self.steps > 10_000 {
            io.err("sh: kubetutor: command limit reached\n");
            self.exited = true;
            return 2;
        }
        let mut words: Vec<String> = Vec::new();
        let mut out_file: Option<(String, bool)> = None;
        let mut err_file: Option<(String, bool)> = None;
        let mut err_to_out = false;
        let mut out_to_err = false;
        let mut in_file: Option<String> = None;
        let mut it = toks.iter();
        while let Some(t) = it.next() {
            match t {
                Tok::Word(w) => words.push(w.clone()),
                Tok::Op(op) => match *op {
                    ">" | ">>" => {
                        if let Some(Tok::Word(f)) = it.next() {
                            out_file = Some((f.clone(), *op == ">>"));
                        }
                    }
                    "2>" | "2>>" => {
                        if let Some(Tok::Word(f)) = it.next() {
                            err_file = Some((f.clone(), *op == "2>>"));
                        }
                    }
                    "<" => {
                        if let Some(Tok::Word(f)) = it.next() {
                            in_file = Some(f.clone());
                        }
                    }
                    "2>&1" => err_to_out = true,
                    ">&2" => out_to_err = true,
                    _ => {}
                },
            }
        }
        // Leading assignments.
        let mut assigns: Vec<(String, String)> = Vec::new();
        while let Some(w) = words.first() {
            match w.split_once('=') {
                Some((k, v))
                    if !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    assigns.push((k.to_string(), v.to_string()));
                    words.remove(0);
                }
                _ => break,
            }
        }
        if words.is_empty() {
            for (k, v) in assigns {
                self.set(&k, &v);
            }
            return 0;
        }
        let input: Option<String> = match &in_file {
            Some(f) => match host.read_file(&self.cwd, f) {
                Ok(t) => Some(t),
                Err(e) => {
                    self.redirect_error(f, e, io);
                    return 2;
                }
            },
            None => stdin.map(String::from),
        };
        let mut cap = crate::kubectl::output::Capture::default();
        let status = {
            let sink: &mut dyn Sink =
                if out_file.is_some() || err_file.is_some() || err_to_out || out_to_err {
                    &mut cap
                } else {
                    io
                };
            self.simple(host, &words, &assigns, input.as_deref(), sink)
        };
        if out_file.is_none() && err_file.is_none() && !err_to_out && !out_to_err {
            return status;
        }
        let (mut out, mut err) = (cap.stdout, cap.stderr);
        if err_to_out {
            out.push_str(&err);
            err.clear();
        }
        if out_to_err {
            err.push_str(&out);
            out.clear();
        }
        match out_file {
            Some((f, append)) => {
                if let Err(e) = host.write_file(&self.cwd, &f, &out, append) {
                    use crate::shell::FsError;
                    // The file opened; the command's own write failed.
                    if matches!(e, FsError::NoSpace | FsError::Limit) {
                        io.err(&format!(
                            "{}: write error: {}\n",
                            words_name(toks),
                            e.strerror()
                        ));
                        return 1;
                    }
                    self.redirect_error(&f, e, io);
                    return 2;
                }
            }
            None => io.out(&out),
        }
        match err_file {
            Some((f, append)) => {
                if let Err(e) = host.write_file(&self.cwd, &f, &err, append) {
                    self.redirect_error(&f, e, io);
                    return 2;
                }
            }
            None => io.err(&err),
        }
        status
    }

    fn redirect_error(&self, f: &str, e: crate::shell::FsError, io: &mut dyn Sink) {
        match self.dialect {
            Dialect::Dash => io.err(&format!(
                "{}: 1: cannot create {f}: {}\n",
                self.name,
                e.strerror()
            )),
            Dialect::Ash => io.err(&format!(
                "{}: can't create {f}: {}\n",
                self.name,
                e.strerror()
            )),
            Dialect::Bash => io.err(&format!("{}: line 1: {f}: {}\n", self.name, e.strerror())),
        }
    }

    fn set(&mut self, k: &str, v: &str) {
        if let Some(e) = self.vars.iter_mut().find(|(n, _)| n == k) {
            e.1 = v.to_string();
        } else {
            self.vars.push((k.to_string(), v.to_string()));
        }
    }

    fn simple(
        &mut self,
        host: &mut PodHost<'_>,
        words: &[String],
        assigns: &[(String, String)],
        stdin: Option<&str>,
        io: &mut dyn Sink,
    ) -> i32 {
        let cmd = words[0].as_str();
        match cmd {
            "cd" => {
                let target = words.get(1).cloned().unwrap_or_else(|| self.var("HOME"));
                let Ok(path) = crate::runtime::fs::path::normalise(&self.cwd, &target) else {
                    return 1;
                };
                if host.is_dir(&self.cwd, &target) {
                    self.cwd = path;
                    0
                } else {
                    match self.dialect {
                        Dialect::Dash => {
                            io.err(&format!("{}: 1: cd: can't cd to {target}\n", self.name))
                        }
                        Dialect::Ash => io.err(&format!(
                            "{}: cd: can't cd to {target}: No such file or directory\n",
                            self.name
                        )),
                        Dialect::Bash => io.err(&format!(
                            "{}: line 1: cd: {target}: No such file or directory\n",
                            self.name
                        )),
                    }
                    if self.dialect == Dialect::Bash {
                        1
                    } else {
                        2
                    }
                }
            }
            "exit" => {
                self.exited = true;
                words
                    .get(1)
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(self.status)
            }
            "export" => {
                for w in &words[1..] {
                    if let Some((k, v)) = w.split_once('=') {
                        self.set(k, v);
                    }
                }
                0
            }
            "unset" => {
                self.vars.retain(|(k, _)| !words[1..].contains(k));
                0
            }
            ":" | "set" => 0,
            "pwd" => {
                io.out(&format!("{}\n", self.cwd));
                0
            }
            "echo" if self.dialect == Dialect::Dash => {
                // dash's echo interprets backslash escapes.
                let mut args: Vec<String> = words[1..].to_vec();
                let newline = args.first().map(String::as_str) != Some("-n");
                if !newline {
                    args.remove(0);
                }
                let mut text = args.join(" ").replace("\\n", "\n").replace("\\t", "\t");
                let cut = text.find("\\c");
                if let Some(p) = cut {
                    text.truncate(p);
                }
                if newline && cut.is_none() {
                    text.push('\n');
                }
                io.out(&text);
                0
            }
            _ => {
                let mut env = self.vars.clone();
                for (k, v) in assigns {
                    if let Some(e) = env.iter_mut().find(|(n, _)| n == k) {
                        e.1 = v.clone();
                    } else {
                        env.push((k.clone(), v.clone()));
                    }
                }
                env.sort();
                let inv = Invocation {
                    argv: words,
                    stdin,
                    env: &env,
                    cwd: &self.cwd,
                };
                match host.run(&inv, io) {
                    Some(code) => code,
                    None => {
                        self.not_found(cmd, io);
                        127
                    }
                }
            }
        }
    }
}

/// The command name of a simple command's tokens.
fn words_name(toks: &[Tok]) -> String {
    toks.iter()
        .find_map(|t| match t {
            Tok::Word(w) if !w.contains('=') => Some(w.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Standard output to one sink, errors to another.
struct Tee<'a, 'b> {
    out: &'a mut crate::kubectl::output::Capture,
    err: &'b mut dyn Sink,
}

impl Sink for Tee<'_, '_> {
    fn out(&mut self, text: &str) {
        self.out.out(text);
    }
    fn err(&mut self, text: &str) {
        self.err.err(text);
    }
}
