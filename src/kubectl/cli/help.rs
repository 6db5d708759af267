//! The sandbox's `-h` text and the public views of the table used by completion.
//!
//! The help is generated from the same definitions the parser uses. It follows kubectl's
//! layout (description, `Options:` with `--flag=default:` and a tab-indented help line,
//! `Usage:`), but it is the sandbox's help: it has no examples or long description, and it
//! says so.

use super::defs::{self, FlagDef, VerbDef, HELP_FLAG, VERBS};

/// Every leaf verb the sandbox parses, in kubectl's help order.
pub fn verbs() -> impl Iterator<Item = &'static VerbDef> {
    VERBS.iter().copied()
}

/// The words valid right after `kubectl`: leaf verbs and groups, each once, in help order.
pub fn top_level_words() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for v in VERBS {
        let first = v.path.split(' ').next().unwrap_or(v.path);
        if !out.contains(&first) {
            out.push(first);
        }
    }
    out
}

/// The flags a verb accepts: its own (sorted by long name), then the global flags, then
/// `-h/--help`. Empty for a path the table does not hold; for a group, globals and help.
pub fn flags_of(verb: &str) -> impl Iterator<Item = &'static FlagDef> {
    let own: &'static [FlagDef] = defs::verb(verb).map_or(&[], |v| v.flags);
    let known = verb.is_empty() || defs::verb(verb).is_some() || defs::group(verb).is_some();
    let shared: &'static [FlagDef] = if known { defs::global_flags() } else { &[] };
    own.iter()
        .chain(shared.iter())
        .chain(std::iter::once(&HELP_FLAG).filter(move |_| known))
}

fn flag_block(out: &mut String, flags: &[FlagDef]) {
    for d in flags {
        match d.short {
            Some(c) => out.push_str(&format!("    -{c}, --{}={}:\n", d.long, d.shown_default)),
            None => out.push_str(&format!("    --{}={}:\n", d.long, d.shown_default)),
        }
        out.push_str(&format!("\t{}\n\n", d.help));
    }
}

/// The direct sub-commands of `parent` the sandbox simulates (verbs and groups), sorted by
/// name as cobra lists them, with their one-line descriptions; nothing when it has none.
fn available_commands(out: &mut String, parent: &str) {
    let prefix = format!("{parent} ");
    let direct = |path: &'static str| {
        path.strip_prefix(prefix.as_str())
            .filter(|rest| !rest.contains(' '))
    };
    let mut subs: Vec<(&str, &str)> = VERBS
        .iter()
        .filter_map(|v| direct(v.path).map(|s| (s, v.about)))
        .chain(
            defs::GROUPS
                .iter()
                .filter_map(|g| direct(g.name).map(|s| (s, g.about))),
        )
        .collect();
    if subs.is_empty() {
        return;
    }
    subs.sort_unstable();
    let width = subs.iter().map(|(s, _)| s.len()).max().unwrap_or(0) + 3;
    out.push_str("Available Commands:\n");
    for (s, about) in subs {
        out.push_str(&format!("  {s:<width$}{about}\n"));
    }
    out.push('\n');
}

const SANDBOX_NOTE: &str =
    "(kubetutor's help: the flags this sandbox accepts, without kubectl's examples.)\n";
const OPTIONS_HINT: &str =
    "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

/// Help for `kubectl VERB -h` (`""` for kubectl itself, a group such as `"rollout"`,
/// `"options"` for the global flags). Unknown paths get a one-line note.
pub fn usage(verb: &str) -> String {
    let mut out = String::new();
    if let Some(v) = defs::verb(verb) {
        out.push_str(&format!("{}.\n\n", v.about));
        available_commands(&mut out, verb);
        if !v.flags.is_empty() {
            out.push_str("Options:\n");
            flag_block(&mut out, v.flags);
        }
        out.push_str(&format!("Usage:\n  {}\n\n", v.usage));
        out.push_str(OPTIONS_HINT);
    } else if let Some(g) = defs::group(verb) {
        out.push_str(&format!("{}.\n\n", g.about));
        available_commands(&mut out, g.name);
        out.push_str(&format!(
            "Usage:\n  kubectl {} SUBCOMMAND [options]\n\n",
            g.name
        ));
        out.push_str(&format!(
            "Use \"kubectl {} <command> --help\" for more information about a given command.\n",
            g.name
        ));
        out.push_str(OPTIONS_HINT);
    } else if verb.is_empty() {
        out.push_str("kubectl controls the Kubernetes cluster manager.\n\nCommands:\n");
        for w in top_level_words() {
            let about = defs::verb(w)
                .map(|v| v.about)
                .or_else(|| defs::group(w).map(|g| g.about))
                .unwrap_or("");
            out.push_str(&format!("  {w:<16}{about}\n"));
        }
        out.push_str("\nUsage:\n  kubectl [flags] [options]\n\n");
        out.push_str(
            "Use \"kubectl <command> --help\" for more information about a given command.\n",
        );
        out.push_str(OPTIONS_HINT);
    } else if verb == "options" {
        out.push_str("The following options can be passed to any command:\n\n");
        flag_block(&mut out, defs::global_flags());
        return out;
    } else {
        return format!("kubetutor has no help for \"kubectl {verb}\".\n");
    }
    out.push('\n');
    out.push_str(SANDBOX_NOTE);
    out
}
