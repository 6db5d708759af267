//! What `lesson check` verifies in a step's commands before anyone types them: the shell
//! can parse them, a plain `kubectl` line is one kubectl accepts (verb, flags), and the
//! files it reads with `-f` are the lesson's own (or written by an earlier command).

use crate::kubectl::cli;
use crate::shell::Dialect;
use std::collections::{BTreeMap, BTreeSet};

/// Ok when `cmd` parses and names files that exist; Err with what is wrong.
pub fn check(
    cmd: &str,
    files: &BTreeMap<String, String>,
    written: &BTreeSet<String>,
) -> Result<(), String> {
    let text = if cmd.ends_with('\n') {
        cmd.to_string()
    } else {
        format!("{cmd}\n")
    };
    let depth = crate::shell::Limits::default().max_depth;
    if let Err(e) = crate::shell::parse::parse(&text, Dialect::Bash, depth) {
        return Err(format!(
            "the command does not parse: {}",
            e.message(Dialect::Bash)
        ));
    }
    let first = cmd.lines().next().unwrap_or("");
    let Some(words) = plain_words(first) else {
        return Ok(());
    };
    if !matches!(words.first().map(String::as_str), Some("kubectl" | "k")) {
        return Ok(());
    }
    let args = &words[1..];
    if let Err(e) = cli::parse(args) {
        let stamp = cli::KlogStamp {
            unix_millis: crate::api::time::EPOCH_MS,
            pid: 1,
        };
        let rendered = e.render(&stamp);
        let line = rendered
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string();
        return Err(format!("kubectl would refuse this command: {line}"));
    }
    for f in file_args(args) {
        let known = f == "-"
            || files.contains_key(&f)
            || written.contains(&f)
            || files
                .keys()
                .any(|k| k.starts_with(&format!("{}/", f.trim_end_matches('/'))));
        if !known {
            return Err(format!(
                "-f {f}: no such file in the lesson's files (nor written by an earlier command)"
            ));
        }
    }
    Ok(())
}

/// The words of a command line without quotes, when it is a plain command (no
/// expansions, pipes, lists or redirections); None otherwise.
fn plain_words(line: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                for q in chars.by_ref() {
                    match q {
                        '"' => break,
                        '$' | '`' | '\\' => return None,
                        _ => word.push(q),
                    }
                }
            }
            '$' | '`' | '\\' | '|' | ';' | '&' | '<' | '>' | '(' | ')' | '#' | '*' | '?' => {
                return None
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
}

/// The values of `-f`/`--filename` in kubectl arguments.
fn file_args(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-f" || a == "--filename" {
            if let Some(v) = args.get(i + 1) {
                out.push(v.clone());
            }
            i += 2;
            continue;
        }
        if let Some(v) = a.strip_prefix("--filename=") {
            out.push(v.to_string());
        } else if let Some(v) = a.strip_prefix("-f").filter(|v| !v.is_empty()) {
            out.push(v.trim_start_matches('=').to_string());
        }
        i += 1;
    }
    out
}

/// Files a command writes with `>` or `>>` (so later steps may apply them).
pub fn written_files(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in cmd.lines() {
        let mut rest = line;
        while let Some(i) = rest.find('>') {
            let after = rest[i + 1..].trim_start_matches('>').trim_start();
            let name: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && !";&|<>)".contains(*c))
                .collect();
            let name = name.trim_matches(['\'', '"']).to_string();
            if !name.is_empty() && !name.starts_with('&') && !name.starts_with('/') {
                out.push(name);
            }
            rest = &rest[i + 1..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BTreeMap<String, String> {
        [("fixed/web.yaml".to_string(), String::new())].into()
    }

    #[test]
    fn kubectl_lines_are_parsed_and_files_known() {
        let none = BTreeSet::new();
        assert!(check("kubectl apply -f fixed/web.yaml", &files(), &none).is_ok());
        assert!(check("kubectl apply -f fixed/", &files(), &none).is_ok());
        let e = check("kubectl apply -f web.yaml", &files(), &none).unwrap_err();
        assert!(e.contains("-f web.yaml"), "{e}");
        let e = check("kubectl get pods --bogus", &files(), &none).unwrap_err();
        assert!(e.contains("unknown flag: --bogus"), "{e}");
        let e = check("for i in 0 1; do echo $i", &files(), &none).unwrap_err();
        assert!(e.contains("does not parse"), "{e}");
        // Expansions and pipes are left to the shell at play time.
        assert!(check("kubectl get pods | grep web-$i", &files(), &none).is_ok());
        let written: BTreeSet<String> = written_files("cat <<EOF > mine.yaml\nx\nEOF")
            .into_iter()
            .collect();
        assert!(check("kubectl apply -f mine.yaml", &files(), &written).is_ok());
    }
}
