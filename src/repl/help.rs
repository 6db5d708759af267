//! What the sandbox says about itself: the three-line welcome, `help` (what works here,
//! and honestly what does not) and `help VERB` (kubectl's usage for the verb from the
//! command table, then which of its flags the sandbox does not simulate).

use super::commands::ReplCommand;
use crate::kubectl::cli;
use crate::kubectl::honored;

/// The first thing the REPL prints.
pub fn welcome() -> String {
    "kubetutor: learn StatefulSets on a simulated Kubernetes v1.32 cluster.\n\
     Type `lessons` to start a lesson, `help` for what works, or: kubectl get nodes\n\
     Tab completes, Ctrl-R searches history, Ctrl-C stops a watch, Ctrl-D leaves.\n"
        .to_string()
}

/// Whether the sandbox simulates `kubectl PATH`.
pub fn simulated(path: &str) -> bool {
    honored::honored_flags(path).is_some()
}

/// `help`: kubectl's verbs the sandbox simulates, those it only knows, the sandbox's own
/// commands and the keys.
pub fn overview(commands: &[ReplCommand]) -> String {
    let mut out = String::new();
    out.push_str("kubectl commands the sandbox simulates (`k` works too):\n");
    let mut not_here: Vec<&str> = Vec::new();
    for word in cli::top_level_words() {
        let leaf = cli::verbs().find(|v| v.path == word);
        let subs: Vec<&str> = cli::verbs()
            .map(|v| v.path)
            .filter(|p| p.strip_prefix(word).is_some_and(|r| r.starts_with(' ')))
            .collect();
        let about = leaf
            .map(|v| v.about)
            .or_else(|| cli::GROUPS.iter().find(|g| g.name == word).map(|g| g.about));
        if leaf.is_some_and(|v| simulated(v.path)) || subs.iter().any(|p| simulated(p)) {
            out.push_str(&format!("  {word:<16}{}\n", about.unwrap_or("")));
        } else {
            not_here.push(word);
        }
    }
    for c in cli::KUBECTL_COMMANDS {
        if !not_here.contains(c) && !cli::top_level_words().contains(c) {
            not_here.push(c);
        }
    }
    out.push_str(&wrap(
        "Known to kubectl but not simulated here (they say so when run): ",
        &not_here.join(", "),
    ));
    out.push_str("\nSandbox commands:\n");
    let repl = commands
        .iter()
        .filter(|c| !c.about.is_empty())
        .map(|c| (c.usage, c.about));
    for (usage, about) in repl.chain(SANDBOX.iter().copied()) {
        if usage.len() < 17 {
            out.push_str(&format!("  {usage:<18}{about}\n"));
        } else {
            out.push_str(&format!("  {usage}\n  {:<18}{about}\n", ""));
        }
    }
    out.push_str(
        "\n\
         The prompt is a small bash: `;`, `&&`, `||`, pipes, for/while/if/case,\n\
         variables, $(...), heredocs (cat <<EOF | kubectl apply -f -), cat, grep, head,\n\
         tail, wc, sort and uniq. Files written with `>` stay inside the sandbox. Host\n\
         programs never run.\n\
         \n\
         Keys: Tab completes commands, flags, resource types and the names of objects\n\
         that exist now; Ctrl-R searches history; a grey hint can be taken with the right\n\
         arrow; Ctrl-C stops `kubectl get -w` or clears the line; Ctrl-D or `exit`\n\
         leaves.\n\
         \n\
         Use \"help VERB\" for a verb's flags (for example: help get).\n",
    );
    out
}

/// The sandbox's commands that scripted files have too (served by the script host, the
/// sandbox's state commands, the drills and the lesson player), as `help` lists them.
pub const SANDBOX: &[(&str, &str)] = &[
    ("sleep N", "Let N seconds of cluster time pass at once"),
    ("time", "Show the cluster clock"),
    (
        "advance DURATION",
        "Move the cluster clock forward (30s, 1m30s, 2h)",
    ),
    ("undo", "Back to the state before the last command"),
    ("reset", "A fresh cluster (the same seed)"),
    ("save NAME", "Keep the sandbox as a named snapshot"),
    ("load NAME", "Go back to a snapshot saved with `save NAME`"),
    ("map", "Draw Services over pods over claims over volumes"),
    (
        "why [TYPE/NAME]",
        "What the cluster just did, or why TYPE/NAME is as it is",
    ),
    ("lint FILE", "Review a manifest for StatefulSet pitfalls"),
    (
        "break pod NAME readiness|liveness|crash|crashloop",
        "Break a pod on purpose (a drill)",
    ),
    (
        "break pod NAME fill [VOLUME]",
        "Fill a pod's volume: writes fail, No space left",
    ),
    ("heal pod NAME", "Undo `break pod`"),
    (
        "fail node NAME",
        "Stop a node: it goes NotReady and its pods are stranded",
    ),
    ("heal node NAME", "Bring a failed node back"),
    (
        "lesson ID",
        "Play a lesson here; then hint, solution, check, next, skip",
    ),
];

/// `help WORDS...`: a sandbox command's usage, or kubectl's for a verb path.
pub fn topic(words: &[String], commands: &[ReplCommand]) -> String {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.as_str())
        .filter(|w| *w != "kubectl" && *w != "k")
        .collect();
    if let [one] = words.as_slice() {
        if let Some(c) = commands
            .iter()
            .find(|c| c.name == *one && !c.about.is_empty())
        {
            return format!("Usage: {}\n\n{}.\n", c.usage, c.about);
        }
        let rows: Vec<&(&str, &str)> = SANDBOX
            .iter()
            .filter(|(usage, _)| usage.split(' ').next() == Some(*one))
            .collect();
        if !rows.is_empty() {
            let mut out = String::new();
            for (usage, about) in rows {
                out.push_str(&format!("Usage: {usage}\n\n{about}.\n"));
            }
            return out;
        }
    }
    let path = words.join(" ");
    let mut out = cli::usage(&path);
    if path.is_empty() {
        return out;
    }
    if out.starts_with("kubetutor has no help") {
        if cli::KUBECTL_COMMANDS.contains(&path.as_str()) {
            return format!(
                "kubetutor: `kubectl {path}` is a kubectl command the sandbox does not simulate: running it says so.\n"
            );
        }
        return out;
    }
    if cli::verbs().any(|v| v.path == path) {
        out.push_str(&honesty(&path));
    }
    out
}

/// What `kubectl PATH` does and does not do in the sandbox.
fn honesty(path: &str) -> String {
    let Some(honored) = honored::honored_flags(path) else {
        return format!(
            "kubetutor: `kubectl {path}` is not simulated: the sandbox parses it with kubectl's flags and then says so.\n"
        );
    };
    let missing: Vec<String> = cli::flags_of(path)
        .filter(|d| d.long != "help")
        .filter(|d| !honored.contains(&d.long) && !honored::global_honored(d.long))
        .filter(|d| cli::global_flags().iter().all(|g| g.long != d.long))
        .map(|d| format!("--{}", d.long))
        .collect();
    if missing.is_empty() {
        return "kubetutor: every flag above is simulated.\n".to_string();
    }
    wrap(
        "kubetutor: not simulated (refused with a message, never ignored): ",
        &missing.join(", "),
    )
}

/// `head` then `text`, wrapped at 80 columns.
fn wrap(head: &str, text: &str) -> String {
    let mut out = String::new();
    let mut line = head.to_string();
    for word in text.split(' ') {
        if line.len() + word.len() > 80 && !line.trim().is_empty() && line != head {
            out.push_str(line.trim_end());
            out.push('\n');
            line = "  ".to_string();
        }
        line.push_str(word);
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_welcome_is_three_lines_naming_lessons_help_and_a_command() {
        let w = welcome();
        assert_eq!(w.lines().count(), 3);
        assert!(w.contains("`lessons`") && w.contains("`help`") && w.contains("kubectl get"));
    }

    #[test]
    fn overview_separates_simulated_from_known_verbs() {
        let text = overview(super::super::commands::COMMANDS);
        let (simulated, rest) = text.split_once("Known to kubectl").expect("both parts");
        assert!(simulated.contains("  get "));
        assert!(simulated.contains("  create "));
        assert!(!simulated.contains("  port-forward"));
        assert!(rest.contains("port-forward"));
        assert!(rest.contains("speed"));
    }

    #[test]
    fn verb_help_reuses_kubectl_usage_and_says_what_is_missing() {
        let get = topic(&["get".into()], &[]);
        assert!(get.starts_with("Display one or many resources.\n"));
        assert!(get.contains("    -w, --watch=false:"));
        assert!(get.contains("not simulated (refused with a message, never ignored): "));
        assert!(get.contains("--raw"));
        assert!(!get.contains("--sort-by,"), "sort-by is simulated");
        let attach = topic(&["kubectl".into(), "attach".into()], &[]);
        assert!(attach.contains("`kubectl attach` is a kubectl command the sandbox does not"));
        let nope = topic(&["frobnicate".into()], &[]);
        assert_eq!(nope, "kubetutor has no help for \"kubectl frobnicate\".\n");
    }
}
