//! Reading what the learner typed, as far as the tutor needs it: the words of a kubectl
//! command line, its verb, its namespace and its positional arguments. This is a light
//! reading for explanations (the real parser is `kubectl::cli`); it never fails.

/// Flags of kubectl that take a separate value (`-n default`), so their value is not
/// mistaken for a positional argument.
const VALUE_FLAGS: &[&str] = &[
    "-n",
    "--namespace",
    "-c",
    "--container",
    "-f",
    "--filename",
    "-l",
    "--selector",
    "-o",
    "--output",
    "--context",
    "--kubeconfig",
    "--image",
    "--replicas",
    "--field-selector",
    "--pod-running-timeout",
    "--request-timeout",
    "--timeout",
    "--for",
    "-p",
    "--patch",
    "--type",
];

/// A kubectl command line split into words (shell quotes removed, no expansion): the
/// words after the first `kubectl`/`k`, or None when the line runs no kubectl.
pub fn kubectl_words(command: &str) -> Option<Vec<String>> {
    let words = split_words(command);
    let start = words.iter().position(|w| w == "kubectl" || w == "k")?;
    Some(words[start + 1..].to_vec())
}

/// Words of a line with simple quoting (`'...'`, `"..."`); stops at `|`, `;`, `&&`, `<<`.
pub fn split_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for ch in line.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => cur.push(ch),
            None if ch == '\'' || ch == '"' => {
                quote = Some(ch);
                any = true;
            }
            None if ch.is_whitespace() => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            None if ch == '|' || ch == ';' || ch == '\n' => break,
            None => cur.push(ch),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    if let Some(i) = out.iter().position(|w| w == "&&" || w.starts_with("<<")) {
        out.truncate(i);
    }
    out
}

/// A word written so that `split_words` gives it back whole: quoted when it holds
/// spaces, quotes or separators.
pub fn quote_word(word: &str) -> String {
    let plain = !word.is_empty()
        && !word
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '\'' | '"' | '|' | ';'));
    if plain {
        word.to_string()
    } else if !word.contains('\'') {
        format!("'{word}'")
    } else {
        format!("\"{word}\"")
    }
}

/// The positional words (flags and their values removed), up to `--`.
pub fn positionals(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for w in words {
        if skip {
            skip = false;
            continue;
        }
        if w == "--" {
            break;
        }
        if w.starts_with('-') && w.len() > 1 {
            skip = VALUE_FLAGS.contains(&w.as_str());
            continue;
        }
        out.push(w.clone());
    }
    out
}

/// The namespace the line names with `-n`/`--namespace`, if any.
pub fn namespace_flag(words: &[String]) -> Option<String> {
    let mut it = words.iter();
    while let Some(w) = it.next() {
        if w == "-n" || w == "--namespace" {
            return it.next().cloned();
        }
        if let Some(v) = w.strip_prefix("--namespace=") {
            return Some(v.to_string());
        }
        if let Some(v) = w
            .strip_prefix("-n")
            .filter(|v| !v.is_empty() && !w.starts_with("--"))
        {
            return Some(v.trim_start_matches('=').to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_word_splits_back_whole() {
        for w in [
            "plain",
            "/tmp/my lessons/intro",
            "it's here",
            "a;b|c",
            "say \"hi\"",
            "",
        ] {
            let line = format!("lesson --path {} --lang en", quote_word(w));
            assert_eq!(
                split_words(&line),
                ["lesson", "--path", w, "--lang", "en"],
                "{w}"
            );
        }
    }

    #[test]
    fn reads_kubectl_lines() {
        let w = kubectl_words("kubectl exec -it -c nginx web-0 -- sh").unwrap();
        assert_eq!(positionals(&w), vec!["exec", "web-0"]);
        let w = kubectl_words("k get pods -n kube-system | grep dns").unwrap();
        assert_eq!(positionals(&w), vec!["get", "pods"]);
        assert_eq!(namespace_flag(&w), Some("kube-system".into()));
        assert_eq!(kubectl_words("echo hi"), None);
        assert_eq!(split_words("a 'b c' \"\""), vec!["a", "b c", ""]);
    }
}
