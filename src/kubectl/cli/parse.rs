//! The parser: cobra's command finding followed by pflag's flag parsing, over the table.
//!
//! Command finding follows cobra's `Find`: flags (and the values of flags that take one) are
//! skipped to find the command words, so global flags may come before the verb
//! (`kubectl -n kube-system get pods`). An unknown first word goes through kubectl's plugin
//! check (`flags cannot be placed before plugin name`) and then cobra's unknown-command
//! error with its suggestions. Flag parsing follows pflag: flags and positionals
//! interspersed, `--x=v`, `--x v`, `-xv`, `-x v`, `-x=v`, grouped short bools, `--` ending
//! flags, `_` accepted for `-` in long names; the first bad flag is the error.

use super::defs::{
    self, FlagDef, ValueKind, HELP_FLAG, KUBECTL_COMMANDS, KUBECTL_SUBCOMMANDS, SUB_ALIASES,
};
use super::error::{go_quote, CliError};
use super::values::{convert, Flags};

/// One parsed kubectl command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// Command path below `kubectl` (`"get"`, `"rollout status"`). Empty for bare `kubectl`
    /// (kubectl then prints its help); a group name (`"rollout"`) only with `-h`.
    pub verb: String,
    /// Positional arguments before `--`.
    pub args: Vec<String>,
    /// Arguments after `--` (the command of `exec`/`run`).
    pub after_dash: Vec<String>,
    /// Flag values, local and global.
    pub flags: Flags,
    /// Whether `--` appeared (cobra's `ArgsLenAtDash() >= 0`).
    pub dash: bool,
}

impl Invocation {
    /// `-h`/`--help` was given (or bare `kubectl`): print [`super::usage`] and exit 0.
    pub fn wants_help(&self) -> bool {
        self.verb.is_empty() || self.flags.get_bool("help")
    }
}

/// Parses a kubectl command line. `args` excludes the leading `kubectl`.
pub fn parse(args: &[String]) -> Result<Invocation, CliError> {
    let root_words = command_words(args, &root_scope());
    let Some(&first) = root_words.first() else {
        // No command word: the root command parses the flags itself.
        let inv = parse_flags("", args, root_scope())?;
        return Ok(Invocation {
            verb: String::new(),
            ..inv
        });
    };
    let name = args[first].as_str();
    let rest = without(args, first);
    if defs::verb(name).is_some() || defs::group(name).is_some() {
        return parse_command(name, &rest);
    }
    if name == "help" {
        // cobra's `help` command: `kubectl help VERB` is `kubectl VERB --help`.
        let mut rest = rest;
        rest.push("--help".to_string());
        return parse(&rest);
    }
    if KUBECTL_COMMANDS.contains(&name) {
        return Err(CliError::NotSimulated {
            path: name.to_string(),
        });
    }
    if args[0].starts_with('-') {
        return Err(CliError::FlagsBeforePlugin {
            arg: args[0].clone(),
        });
    }
    Err(CliError::UnknownCommand {
        name: name.to_string(),
        suggestions: suggestions(name),
    })
}

/// cobra's `Find` below `path` (a verb or a group): the first command word, if it names a
/// sub-command of `path` (or one of its aliases), selects that sub-command, and so on down
/// (`create service clusterip`). Words are found with `path`'s own flags in scope, so a
/// flag value (`create -o yaml ...`) is not taken for a command. A real sub-command the
/// sandbox does not simulate is reported as such.
fn parse_command(path: &str, args: &[String]) -> Result<Invocation, CliError> {
    let mut scope: Vec<&'static FlagDef> =
        defs::verb(path).map_or(Vec::new(), |v| v.flags.iter().collect());
    scope.extend(root_scope());
    if let Some(&i) = command_words(args, &scope).first() {
        let typed = args[i].as_str();
        let sub = SUB_ALIASES
            .iter()
            .find(|(parent, alias, _)| *parent == path && *alias == typed)
            .map_or(typed, |(_, _, real)| real);
        let child = format!("{path} {sub}");
        if defs::verb(&child).is_some() || defs::group(&child).is_some() {
            return parse_command(&child, &without(args, i));
        }
        let known = KUBECTL_SUBCOMMANDS
            .iter()
            .any(|(parent, subs)| *parent == path && subs.contains(&sub));
        if known {
            return Err(CliError::NotSimulated { path: child });
        }
    }
    match defs::group(path) {
        Some(group) => parse_group(group, args),
        None => parse_leaf(path, args),
    }
}

/// A group run without one of its sub-commands: its help, or cobra's unknown command.
fn parse_group(group: &defs::GroupDef, args: &[String]) -> Result<Invocation, CliError> {
    let inv = parse_flags(group.name, args, root_scope())?;
    if inv.flags.get_bool("help") {
        return Ok(inv);
    }
    if !inv.args.is_empty() {
        let msg = format!("unknown command {}", go_quote(&inv.args.join(" ")));
        return Err(CliError::usage(group.name, msg));
    }
    Err(CliError::GroupHelp {
        group: group.name.to_string(),
        to_stdout: group.help_to_stdout,
    })
}

fn parse_leaf(path: &str, args: &[String]) -> Result<Invocation, CliError> {
    let verb = defs::verb(path).expect("leaf verb is in the table");
    let mut scope: Vec<&'static FlagDef> = verb.flags.iter().collect();
    scope.extend(root_scope());
    let inv = parse_flags(path, args, scope)?;
    if inv.flags.get_bool("help") {
        return Ok(inv);
    }
    let mut missing: Vec<&str> = verb
        .required
        .iter()
        .copied()
        .filter(|r| !inv.flags.is_set(r))
        .collect();
    missing.sort_unstable();
    if !missing.is_empty() {
        return Err(CliError::RequiredFlags {
            names: missing.iter().map(|s| s.to_string()).collect(),
        });
    }
    Ok(inv)
}

/// The flags every command accepts: globals and `-h/--help`.
fn root_scope() -> Vec<&'static FlagDef> {
    let mut v: Vec<&'static FlagDef> = defs::global_flags().iter().collect();
    v.push(&HELP_FLAG);
    v
}

fn without(args: &[String], i: usize) -> Vec<String> {
    args.iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .map(|(_, a)| a.clone())
        .collect()
}

fn lookup_long(scope: &[&'static FlagDef], name: &str) -> Option<&'static FlagDef> {
    let norm = name.replace('_', "-");
    scope.iter().copied().find(|d| d.long == norm)
}

fn lookup_short(scope: &[&'static FlagDef], c: char) -> Option<&'static FlagDef> {
    scope.iter().copied().find(|d| d.short == Some(c))
}

/// cobra's `stripFlags`: indexes of the words that are not flags or flag values.
/// A flag it does not know is assumed to take the next word as its value.
fn command_words(args: &[String], scope: &[&'static FlagDef]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let s = args[i].as_str();
        i += 1;
        if s == "--" {
            break;
        }
        let takes_next = if let Some(long) = s.strip_prefix("--") {
            !s.contains('=')
                && lookup_long(scope, long)
                    .and_then(|d| d.bare_value())
                    .is_none()
        } else if s.starts_with('-') && !s.contains('=') && s.chars().count() == 2 {
            let c = s.chars().nth(1).unwrap_or('-');
            lookup_short(scope, c)
                .and_then(|d| d.bare_value())
                .is_none()
        } else {
            false
        };
        if takes_next {
            i += 1;
        } else if !s.is_empty() && !s.starts_with('-') {
            out.push(i - 1);
        }
    }
    out
}

/// pflag's `Parse` over `args` with the flags in `scope`; errors name `path`.
fn parse_flags(
    path: &str,
    args: &[String],
    scope: Vec<&'static FlagDef>,
) -> Result<Invocation, CliError> {
    let mut flags = Flags::new(scope.clone());
    let mut positionals = Vec::new();
    let mut after_dash = Vec::new();
    let mut dash = false;
    let mut rest = args.iter();
    let set = |flags: &mut Flags, def: &'static FlagDef, value: &str| -> Result<(), CliError> {
        let vals = convert(def, value).map_err(|e| {
            let msg = format!(
                "invalid argument {} for {} flag: {e}",
                go_quote(value),
                go_quote(&def.display_name())
            );
            CliError::flag(path, msg)
        })?;
        flags.record(def, vals);
        Ok(())
    };
    while let Some(s) = rest.next() {
        if s.len() < 2 || !s.starts_with('-') {
            positionals.push(s.clone());
            continue;
        }
        if s == "--" {
            dash = true;
            after_dash.extend(rest.by_ref().cloned());
            break;
        }
        if let Some(body) = s.strip_prefix("--") {
            if body.starts_with(['-', '=']) {
                return Err(CliError::flag(path, format!("bad flag syntax: {s}")));
            }
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (body, None),
            };
            let Some(def) = lookup_long(&scope, name) else {
                return Err(CliError::flag(path, format!("unknown flag: --{name}")));
            };
            let value = match (inline, def.bare_value()) {
                (Some(v), _) => v.to_string(),
                (None, Some(v)) => v.to_string(),
                (None, None) => match rest.next() {
                    Some(v) => v.clone(),
                    None => {
                        return Err(CliError::flag(path, format!("flag needs an argument: {s}")))
                    }
                },
            };
            set(&mut flags, def, &value)?;
            continue;
        }
        // One or more shorthands: -abc, -ovalue, -o=value, -o value.
        let mut shorts = &s[1..];
        while let Some(c) = shorts.chars().next() {
            let after = &shorts[c.len_utf8()..];
            let Some(def) = lookup_short(&scope, c) else {
                let msg = format!("unknown shorthand flag: {} in -{shorts}", go_char(c));
                return Err(CliError::flag(path, msg));
            };
            let value;
            if after.len() > 1 && after.starts_with('=') {
                value = after[1..].to_string();
                shorts = "";
            } else if let Some(v) = def.bare_value() {
                value = v.to_string();
                shorts = after;
            } else if !after.is_empty() {
                value = after.to_string();
                shorts = "";
            } else if let Some(v) = rest.next() {
                value = v.clone();
                shorts = "";
            } else {
                let msg = format!("flag needs an argument: {} in -{shorts}", go_char(c));
                return Err(CliError::flag(path, msg));
            }
            set(&mut flags, def, &value)?;
        }
    }
    Ok(Invocation {
        verb: path.to_string(),
        args: positionals,
        after_dash,
        flags,
        dash,
    })
}

/// Go's `%q` for a rune.
fn go_char(c: char) -> String {
    match c {
        '\'' => "'\\''".to_string(),
        '\\' => "'\\\\'".to_string(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

/// cobra's suggestions: Levenshtein distance ≤ 2 (ignoring case) or a prefix match, over
/// kubectl's available commands in registration order.
pub(super) fn suggestions(typed: &str) -> Vec<String> {
    let t = typed.to_lowercase();
    KUBECTL_COMMANDS
        .iter()
        .filter(|c| levenshtein(&t, c) <= 2 || c.starts_with(&t))
        .map(|c| c.to_string())
        .collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a definition takes a value word (used by completion).
pub fn takes_value(def: &FlagDef) -> bool {
    def.kind != ValueKind::Bool
}
