//! Completing a `kubectl` (or `k`) command line. The words already typed are read the way
//! the parser reads them (the verb path, flags with their values, positionals), all from
//! the command table in `crate::kubectl::cli`; the word under the cursor is then a verb, a
//! flag, a flag's value, a resource type, `TYPE/NAME`, or an object's name.

use super::words::Word;
use super::{files, Cand, Source};
use crate::api::kinds::KINDS;
use crate::api::Kind;
use crate::kubectl::cli::{self, FlagDef, ValueKind};

/// What the words before the cursor say.
#[derive(Default)]
struct Line {
    /// The verb path (`get`, `create service clusterip`); empty before the verb.
    path: String,
    positionals: Vec<String>,
    /// Flags given, by long name, with their values.
    flags: Vec<(&'static str, String)>,
    /// A flag waiting for its value in the next word.
    pending: Option<&'static FlagDef>,
    /// After `--`: the words belong to the container's command.
    after_dashes: bool,
}

impl Line {
    fn flag(&self, long: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(l, _)| *l == long)
            .map(|(_, v)| v.as_str())
    }

    /// The namespace the command line addresses, None with `-A`.
    fn namespace(&self, src: &dyn Source) -> Option<String> {
        if self
            .flag("all-namespaces")
            .is_some_and(|v| cli::parse_bool(v).unwrap_or(false))
        {
            return None;
        }
        Some(
            self.flag("namespace")
                .filter(|n| !n.is_empty())
                .map(String::from)
                .unwrap_or_else(|| src.namespace()),
        )
    }

    fn read(args: &[Word]) -> Line {
        let mut line = Line::default();
        for w in args {
            let w = w.text.as_str();
            if let Some(def) = line.pending.take() {
                line.flags.push((def.long, w.to_string()));
            } else if line.after_dashes {
            } else if w == "--" {
                line.after_dashes = true;
            } else if let Some(long) = w.strip_prefix("--") {
                let (name, value) = match long.split_once('=') {
                    Some((n, v)) => (n, Some(v)),
                    None => (long, None),
                };
                if let Some(def) = find_flag(&line.path, |d| d.long == name) {
                    match value {
                        Some(v) => line.flags.push((def.long, v.to_string())),
                        None if cli::takes_value(def) => line.pending = Some(def),
                        None => line.flags.push((def.long, "true".into())),
                    }
                }
            } else if w.len() > 1 && w.starts_with('-') {
                line.read_shorts(&w[1..]);
            } else if line.path.is_empty() {
                line.path = w.to_string();
            } else if let Some(sub) =
                sub_verb(&line.path, w).filter(|_| line.positionals.is_empty())
            {
                line.path = sub;
            } else {
                line.positionals.push(w.to_string());
            }
        }
        line
    }

    /// `-it`, `-oyaml`, `-n`: shorthands, the last of which may take the next word.
    fn read_shorts(&mut self, shorts: &str) {
        for (i, c) in shorts.char_indices() {
            let Some(def) = find_flag(&self.path, |d| d.short == Some(c)) else {
                return;
            };
            if !cli::takes_value(def) {
                self.flags.push((def.long, "true".into()));
                continue;
            }
            let rest = shorts[i + c.len_utf8()..].trim_start_matches('=');
            if rest.is_empty() {
                self.pending = Some(def);
            } else {
                self.flags.push((def.long, rest.to_string()));
            }
            return;
        }
    }
}

/// A flag of `path` (or, before the verb is known, of any verb).
fn find_flag(path: &str, pred: impl Fn(&FlagDef) -> bool) -> Option<&'static FlagDef> {
    cli::flags_of(path).find(|d| pred(d)).or_else(|| {
        cli::verbs()
            .flat_map(|v| v.flags.iter())
            .chain(cli::global_flags())
            .find(|d| pred(d))
    })
}

/// `create` + `ns` → `create namespace`: the longer path when `word` names a sub-verb.
fn sub_verb(path: &str, word: &str) -> Option<String> {
    let named = cli::SUB_ALIASES
        .iter()
        .find(|(parent, alias, _)| *parent == path && *alias == word)
        .map_or(word, |(_, _, name)| name);
    let longer = format!("{path} {named}");
    let known =
        cli::verbs().any(|v| v.path == longer) || cli::GROUPS.iter().any(|g| g.name == longer);
    known.then_some(longer)
}

/// The words that can follow `path` as its sub-verbs (`create` → `configmap`, ...).
fn sub_verbs(path: &str) -> Vec<String> {
    let prefix = format!("{path} ");
    cli::verbs()
        .map(|v| v.path)
        .chain(cli::GROUPS.iter().map(|g| g.name))
        .filter_map(|p| p.strip_prefix(prefix.as_str()))
        .map(|rest| rest.split(' ').next().unwrap_or(rest).to_string())
        .collect()
}

/// How a verb's positional arguments are completed.
enum Args {
    /// `TYPE [NAME...]` or `TYPE/NAME...`, of these kinds (None: any), with more than
    /// one name allowed or not.
    Resources(Option<&'static [Kind]>, bool),
    /// A pod (or `TYPE/NAME`), then for `logs` a container.
    Pod,
    /// Node names.
    Nodes,
    None,
}

const WORKLOADS: &[Kind] = &[Kind::StatefulSet, Kind::Deployment, Kind::ReplicaSet];
const ROLLOUT: &[Kind] = &[Kind::StatefulSet, Kind::Deployment];

fn args_of(path: &str) -> Args {
    match path {
        "get" | "describe" | "delete" | "wait" => Args::Resources(None, true),
        "label" | "annotate" | "patch" | "edit" | "explain" => Args::Resources(None, false),
        "scale" => Args::Resources(Some(WORKLOADS), true),
        "set image" => Args::Resources(Some(WORKLOADS), false),
        p if p.starts_with("rollout ") => Args::Resources(Some(ROLLOUT), true),
        "exec" | "logs" | "attach" | "port-forward" => Args::Pod,
        "cordon" | "uncordon" | "drain" => Args::Nodes,
        _ => Args::None,
    }
}

/// Candidates for the word being typed after `kubectl ARGS`.
pub(super) fn complete(args: &[Word], typed: &str, src: &dyn Source) -> Vec<Cand> {
    let line = Line::read(args);
    if let Some(def) = line.pending {
        return values(def, &line, typed, src);
    }
    if line.after_dashes {
        return Vec::new();
    }
    if let Some(long) = typed.strip_prefix("--") {
        if let Some((name, value)) = long.split_once('=') {
            let Some(def) = find_flag(&line.path, |d| d.long == name) else {
                return Vec::new();
            };
            return values(def, &line, value, src)
                .into_iter()
                .map(|c| Cand {
                    word: format!("--{name}={}", c.word),
                    ..c
                })
                .collect();
        }
    }
    if typed.starts_with('-') {
        return flags(&line.path, typed);
    }
    positional(&line, typed, src)
}

fn flags(path: &str, typed: &str) -> Vec<Cand> {
    let mut out: Vec<Cand> = cli::flags_of(path)
        .map(|d| {
            if cli::takes_value(d) {
                Cand::open(format!("--{}=", d.long)).shown_as(format!("--{}", d.long))
            } else {
                Cand::done(format!("--{}", d.long))
            }
        })
        .collect();
    // A complete shorthand (`-n`) is finished as typed.
    let mut chars = typed.chars();
    if let (Some('-'), Some(c), None) = (chars.next(), chars.next(), chars.next()) {
        if cli::flags_of(path).any(|d| d.short == Some(c)) {
            out.push(Cand::done(typed));
        }
    }
    out
}

fn positional(line: &Line, typed: &str, src: &dyn Source) -> Vec<Cand> {
    if line.path.is_empty() {
        return cli::top_level_words().into_iter().map(Cand::done).collect();
    }
    if line.positionals.is_empty() {
        let subs = sub_verbs(&line.path);
        if !subs.is_empty() {
            return subs.into_iter().map(Cand::done).collect();
        }
    }
    let ns = line.namespace(src);
    match args_of(&line.path) {
        Args::Resources(kinds, many) => resources(line, typed, kinds, many, ns.as_deref(), src),
        Args::Pod if line.positionals.is_empty() => {
            if typed.contains('/') {
                return typed_names(typed, None, ns.as_deref(), src);
            }
            names(Kind::Pod, ns.as_deref(), src)
        }
        Args::Pod if line.path == "logs" && line.positionals.len() == 1 => {
            containers(&line.positionals[0], ns.as_deref(), src)
        }
        Args::Nodes => names(Kind::Node, None, src),
        _ => Vec::new(),
    }
}

fn resources(
    line: &Line,
    typed: &str,
    kinds: Option<&'static [Kind]>,
    many: bool,
    ns: Option<&str>,
    src: &dyn Source,
) -> Vec<Cand> {
    let first = line.positionals.first();
    if typed.contains('/') {
        return typed_names(typed, kinds, ns, src);
    }
    match first {
        None => {
            // `pods,svc`: complete the type after the last comma.
            let head = typed.rfind(',').map_or("", |i| &typed[..=i]);
            let mut out: Vec<Cand> = type_words(kinds)
                .map(|t| Cand::done(format!("{head}{t}")))
                .collect();
            if line.path == "get" && head.is_empty() {
                out.push(Cand::done("all"));
            }
            out
        }
        // `TYPE/NAME` form: further arguments are `TYPE/NAME` too.
        Some(f) if f.contains('/') => type_words(kinds)
            .map(|t| Cand::open(format!("{t}/")))
            .collect(),
        Some(f) if many || line.positionals.len() == 1 => {
            let Some(kind) = Kind::resolve(f).filter(|_| !f.contains(',')) else {
                return Vec::new();
            };
            names(kind, ns, src)
                .into_iter()
                .filter(|c| !line.positionals[1..].contains(&c.word))
                .collect()
        }
        Some(_) => Vec::new(),
    }
}

/// Resource type words: each served kind's plural and short names.
fn type_words(kinds: Option<&'static [Kind]>) -> impl Iterator<Item = &'static str> {
    KINDS
        .iter()
        .filter(move |k| kinds.is_none_or(|ks| ks.contains(&k.kind)))
        .flat_map(|k| std::iter::once(k.plural).chain(k.short_names.iter().copied()))
}

/// `pod/web-` → `pod/web-0`, ...
fn typed_names(
    typed: &str,
    kinds: Option<&[Kind]>,
    ns: Option<&str>,
    src: &dyn Source,
) -> Vec<Cand> {
    let Some((t, _)) = typed.split_once('/') else {
        return Vec::new();
    };
    let Some(kind) = Kind::resolve(t).filter(|k| kinds.is_none_or(|ks| ks.contains(k))) else {
        return Vec::new();
    };
    names(kind, ns, src)
        .into_iter()
        .map(|c| Cand::done(format!("{t}/{}", c.word)))
        .collect()
}

fn names(kind: Kind, ns: Option<&str>, src: &dyn Source) -> Vec<Cand> {
    let ns = ns.filter(|_| kind.info().namespaced);
    src.names(kind, ns).into_iter().map(Cand::done).collect()
}

fn containers(pod: &str, ns: Option<&str>, src: &dyn Source) -> Vec<Cand> {
    let pod = match pod.split_once('/') {
        Some((t, name)) if Kind::resolve(t) == Some(Kind::Pod) => name,
        Some(_) => return Vec::new(),
        None => pod,
    };
    let ns = ns.map_or_else(|| src.namespace(), String::from);
    src.containers(&ns, pod)
        .into_iter()
        .map(Cand::done)
        .collect()
}

/// Values of a flag: namespaces, containers, files, or the choices its help lists.
fn values(def: &FlagDef, line: &Line, typed: &str, src: &dyn Source) -> Vec<Cand> {
    match def.long {
        "namespace" => names(Kind::Namespace, None, src),
        "container" => match line.positionals.first() {
            Some(pod) => containers(pod, line.namespace(src).as_deref(), src),
            None => Vec::new(),
        },
        "filename"
        | "patch-file"
        | "from-file"
        | "from-env-file"
        | "custom-columns-file"
        | "kubeconfig" => files(typed, src),
        _ if def.kind == ValueKind::Bool => ["true", "false"].map(Cand::done).to_vec(),
        _ => choices_in_help(def.help)
            .into_iter()
            .map(Cand::done)
            .collect(),
    }
}

/// The values a flag's help lists: `One of: (json, yaml, ...)`, `Must be "none",
/// "server", or "client"`, `Legal values [Always, OnFailure, Never]`, `one of [json merge
/// strategic]`, `One of (none|cpu|heap)`.
pub(super) fn choices_in_help(help: &str) -> Vec<String> {
    const MARKERS: &[&str] = &[
        "One of",
        "one of",
        "Must be",
        "Valid values are",
        "Legal values",
    ];
    let Some(at) = MARKERS
        .iter()
        .filter_map(|m| help.find(m).map(|i| i + m.len()))
        .min()
    else {
        return Vec::new();
    };
    let rest = &help[at..];
    let end = rest
        .find(". ")
        .or_else(|| rest.strip_suffix('.').map(str::len))
        .unwrap_or(rest.len());
    rest[..end]
        .split(|c: char| " ,()[]|:\"'".contains(c))
        .filter(|w| !w.is_empty() && !matches!(*w, "or" | "and"))
        .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(String::from)
        .collect()
}
