//! Error explanations: after a command, one short line that says what went wrong and how
//! to fix it, in the learner's language. kubectl's own message is printed first and
//! untouched; the tutor only adds.
//!
//! Rules read the command line, what it printed and the cluster as it is now. Failure
//! rules (a non-zero status: YAML syntax, unknown fields, selectors, exec into a pod that
//! is not running, names and types that do not exist, unknown commands and flags, DNS
//! names that do not resolve) come first; then state rules, which also speak after a
//! command that succeeded but shows a problem the learner must act on (a StatefulSet whose
//! serviceName names no headless Service, a claim stuck Pending, an image that cannot be
//! pulled, a container in a crash loop). The first rule that applies wins: one line at most.

pub mod fields;
pub mod hints;
mod state;

use super::cmdline;
use super::suggest::closest;
use crate::api::{Kind, KINDS};
use crate::kubectl::session::Session;
use crate::sandbox::lang::Lang;
use crate::store::ObjKey;
pub use hints::Hint;

/// The explanation for `command` (as typed) which printed `output` (both streams) and
/// `failed` (non-zero status), against the session's cluster as it is now; None when the
/// tutor has nothing to add.
pub fn explain(
    command: &str,
    output: &str,
    failed: bool,
    session: &Session,
    lang: Lang,
) -> Option<String> {
    hint_for(command, output, failed, session).map(|h| h.say(lang))
}

/// The [`Hint`] behind [`explain`] (language-free, for tests and lessons).
pub fn hint_for(command: &str, output: &str, failed: bool, session: &Session) -> Option<Hint> {
    let words = cmdline::kubectl_words(command).unwrap_or_default();
    let namespace = cmdline::namespace_flag(&words).unwrap_or_else(|| session.namespace.clone());
    if failed {
        if let Some(h) = failure_hint(command, output, &words, &namespace, session) {
            return Some(h);
        }
    }
    state::state_hint(&words, output, &namespace, session)
}

fn failure_hint(
    command: &str,
    output: &str,
    words: &[String],
    namespace: &str,
    session: &Session,
) -> Option<Hint> {
    yaml_hint(output)
        .or_else(|| unknown_field_hint(output))
        .or_else(|| selector_hint(output))
        .or_else(|| immutable_hint(output))
        .or_else(|| exec_hint(output, words))
        .or_else(|| not_found_hint(output, namespace, session))
        .or_else(|| unknown_type_hint(output))
        .or_else(|| unknown_command_hint(output))
        .or_else(|| unknown_flag_hint(output, words))
        .or_else(|| dns_hint(output, namespace, session))
        .or_else(|| command_not_found_hint(command, output))
}

/// The text between the first `"` after `marker` and the next `"`.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let start = rest.find('"')? + 1;
    let len = rest[start..].find('"')?;
    Some(&rest[start..start + len])
}

/// `yaml: line N: MESSAGE` (go-yaml's syntax errors as kubectl prints them).
fn yaml_hint(output: &str) -> Option<Hint> {
    let rest = &output[output.find("yaml: line ")? + "yaml: line ".len()..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let line: usize = digits.parse().ok()?;
    let message = rest[digits.len()..].lines().next().unwrap_or("");
    let indentation = [
        "did not find expected '-' indicator",
        "did not find expected key",
        "mapping values are not allowed in this context",
        "block sequence entries are not allowed in this context",
        "did not find expected node content",
    ];
    Some(if indentation.iter().any(|m| message.contains(m)) {
        Hint::YamlIndent { line }
    } else if message.contains("found character that cannot start any token") {
        Hint::YamlTab { line }
    } else {
        Hint::YamlOther { line }
    })
}

/// `strict decoding error: unknown field "spec.x.y"` (the first one named).
fn unknown_field_hint(output: &str) -> Option<Hint> {
    let field = quoted_after(output, "unknown field ")?;
    let last = field
        .rsplit('.')
        .next()
        .unwrap_or(field)
        .split('[')
        .next()
        .unwrap_or("");
    let known = fields::KNOWN_FIELDS.contains(&last);
    let suggestion = if known {
        None
    } else {
        closest(last, fields::KNOWN_FIELDS.iter().copied()).map(|s| {
            let parent = field.rfind('.').map_or("", |i| &field[..=i]);
            format!("{parent}{s}")
        })
    };
    Some(Hint::UnknownField {
        field: field.to_string(),
        suggestion,
        belongs: if known { fields::home_of(last) } else { None },
    })
}

/// The labels of `map[string]string{"app":"nginx"}` as `app: nginx`.
fn labels_in(output: &str) -> Option<String> {
    let start = output.find("map[string]string{")? + "map[string]string{".len();
    let body = &output[start..start + output[start..].find('}')?];
    let parts: Vec<String> = body
        .split(',')
        .filter_map(|kv| {
            let (k, v) = kv.split_once(':')?;
            Some(format!("{}: {}", k.trim_matches('"'), v.trim_matches('"')))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn selector_hint(output: &str) -> Option<Hint> {
    if output.contains("spec.selector: Required value") {
        return Some(Hint::SelectorRequired {
            labels: labels_in(output),
        });
    }
    if output.contains("`selector` does not match template `labels`") {
        return Some(Hint::SelectorMismatch {
            labels: labels_in(output),
        });
    }
    None
}

/// `The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec ...`.
fn immutable_hint(output: &str) -> Option<Hint> {
    if !output.contains("Forbidden: updates to statefulset spec for fields other than") {
        return None;
    }
    Some(Hint::ImmutableSpec {
        sts: quoted_after(output, "The StatefulSet ")?.to_string(),
    })
}

/// The pod a `kubectl exec`/`attach` line names (`pod/` dropped).
fn exec_target(words: &[String]) -> Option<String> {
    let pos = cmdline::positionals(words);
    let name = pos.get(1)?;
    Some(name.strip_prefix("pod/").unwrap_or(name).to_string())
}

fn exec_hint(output: &str, words: &[String]) -> Option<Hint> {
    if let Some(rest) = output.split("): pod ").nth(1) {
        if let Some(pod) = rest
            .strip_suffix(" does not have a host assigned\n")
            .or_else(|| {
                rest.split_once(" does not have a host assigned")
                    .map(|(p, _)| p)
            })
        {
            return Some(Hint::ExecNoHost {
                pod: pod.to_string(),
            });
        }
    }
    if output.contains("unable to upgrade connection: container not found") {
        return Some(Hint::ExecNotRunning {
            pod: exec_target(words)?,
        });
    }
    if output.contains("cannot exec into a container in a completed pod") {
        return Some(Hint::ExecCompleted {
            pod: exec_target(words)?,
        });
    }
    None
}

/// `Error from server (NotFound): pods "web-o" not found`, with the closest existing name.
fn not_found_hint(output: &str, namespace: &str, session: &Session) -> Option<Hint> {
    let rest = &output[output.find("(NotFound): ")? + "(NotFound): ".len()..];
    let (resource, rest) = rest.split_once(' ')?;
    let name = quoted_after(rest, "")?;
    let kind = Kind::resolve(resource)?;
    if kind == Kind::Pod {
        if let Some(h) = statefulset_member(name, namespace, session) {
            return Some(h);
        }
    }
    let names: Vec<&str> = session
        .cluster
        .api
        .store
        .list(kind, Some(namespace))
        .map(|o| o.name())
        .collect();
    Some(Hint::NotFound {
        resource: kind.info().plural.to_string(),
        singular: kind.info().singular.to_string(),
        namespaced: kind.info().namespaced,
        name: name.to_string(),
        suggestion: closest(name, names.iter().copied()),
        existing: names.len(),
    })
}

/// `web-2` when StatefulSet `web` exists: not created yet, or past its replicas.
fn statefulset_member(name: &str, namespace: &str, session: &Session) -> Option<Hint> {
    let (set, ordinal) = name.rsplit_once('-')?;
    let ordinal: i32 = ordinal.parse().ok()?;
    let sts = session
        .cluster
        .api
        .store
        .get(&ObjKey::new(Kind::StatefulSet, namespace, set))?
        .as_typed::<k8s_openapi::api::apps::v1::StatefulSet>()?;
    let replicas = sts.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let start = sts
        .spec
        .as_ref()
        .and_then(|s| s.ordinals.as_ref())
        .and_then(|o| o.start)
        .unwrap_or(0);
    if ordinal < start || ordinal >= start + replicas {
        return Some(Hint::OrdinalBeyondReplicas {
            pod: name.to_string(),
            sts: set.to_string(),
            replicas,
        });
    }
    Some(Hint::PodNotCreatedYet {
        pod: name.to_string(),
        sts: set.to_string(),
    })
}

fn unknown_type_hint(output: &str) -> Option<Hint> {
    let typed = quoted_after(output, "the server doesn't have a resource type ")?;
    let lower = typed.to_lowercase();
    let names = KINDS.iter().flat_map(|k| {
        [k.plural, k.singular]
            .into_iter()
            .chain(k.short_names.iter().copied())
    });
    Some(Hint::UnknownType {
        typed: typed.to_string(),
        suggestion: closest(&lower, names),
    })
}

fn unknown_command_hint(output: &str) -> Option<Hint> {
    let typed = quoted_after(output, "unknown command ")?;
    if !output.contains("for \"kubectl\"") {
        return None;
    }
    let words = crate::kubectl::cli::top_level_words();
    Some(Hint::UnknownCommand {
        typed: typed.to_string(),
        suggestion: closest(typed, words.iter().copied()),
    })
}

fn unknown_flag_hint(output: &str, words: &[String]) -> Option<Hint> {
    let flag = if let Some(rest) = output.split("unknown flag: ").nth(1) {
        rest.lines().next()?.trim().to_string()
    } else {
        let rest = output.split("unknown shorthand flag: '").nth(1)?;
        format!("-{}", rest.chars().next()?)
    };
    let verb = cmdline::positionals(words)
        .first()
        .cloned()
        .unwrap_or_default();
    let bare = flag.trim_start_matches('-').split('=').next().unwrap_or("");
    let longs: Vec<&str> = crate::kubectl::cli::flags_of(&verb)
        .map(|f| f.long)
        .collect();
    let suggestion = if flag.starts_with("--") {
        closest(bare, longs.iter().copied()).map(|s| format!("--{s}"))
    } else {
        None
    };
    Some(Hint::UnknownFlag {
        flag: flag.split('=').next().unwrap_or("").to_string(),
        verb,
        suggestion,
    })
}

/// `nslookup: can't resolve 'web-o.nginx'` or `** server can't find web-o.nginx: NXDOMAIN`.
fn dns_hint(output: &str, namespace: &str, session: &Session) -> Option<Hint> {
    let name = if let Some(rest) = output.split("can't resolve '").nth(1) {
        rest.split('\'').next()?
    } else {
        let rest = output.split("** server can't find ").nth(1)?;
        rest.split(':').next()?
    };
    let labels: Vec<&str> = name.trim_end_matches('.').split('.').collect();
    let (pod, service) = (*labels.first()?, *labels.get(1)?);
    let ns = match labels.get(2) {
        Some(n) if *n != "svc" => *n,
        _ => namespace,
    };
    let store = &session.cluster.api.store;
    if !store.contains(&ObjKey::new(Kind::Service, ns, service)) {
        return Some(Hint::DnsNoService {
            name: name.to_string(),
            service: service.to_string(),
        });
    }
    let pods: Vec<&str> = store.list(Kind::Pod, Some(ns)).map(|o| o.name()).collect();
    if pods.contains(&pod) {
        return None;
    }
    Some(Hint::DnsNoPod {
        name: name.to_string(),
        suggestion: closest(pod, pods.iter().copied()).map(|p| format!("{p}.{service}")),
    })
}

/// `kubetutor: kubeclt: command not found ...` with a close sandbox command.
fn command_not_found_hint(command: &str, output: &str) -> Option<Hint> {
    let typed = cmdline::split_words(command).into_iter().next()?;
    if !output.contains(&format!("{typed}: command not found")) {
        return None;
    }
    let commands = [
        "kubectl", "why", "lint", "sleep", "cat", "grep", "clear", "exit",
    ];
    Some(Hint::CommandNotFound {
        suggestion: closest(&typed, commands)?,
        typed,
    })
}

#[cfg(test)]
mod tests;
