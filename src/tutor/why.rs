//! `why`: the reconcile loops made visible.
//!
//! * `why` lists, in order, the notes the controllers, the scheduler and the kubelets wrote
//!   (`Ctx::note`) since the last command started, each with its time after that command
//!   and the rule it followed in parentheses. Repeats of the same note are shown once.
//! * `why TYPE/NAME` (or `why TYPE NAME`) explains one object as it is now: its phase or
//!   progress, its owner, what it waits for, and the latest notes that name it.
//!
//! The framing is in the learner's language; the notes themselves are the components'
//! own words and stay English, as the components' logs and events do on a real cluster.

use super::Tutor;
use crate::api::time::Millis;
use crate::api::{Kind, Object};
use crate::cluster::Trace;
use crate::kubectl::output::Sink;
use crate::kubectl::session::Session;
use crate::sandbox::lang::Lang;
use crate::store::ObjKey;
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim, Pod, Service};

/// At most this many notes are listed; the rest are counted.
const MAX_NOTES: usize = 60;
/// Notes shown about one object.
const MAX_OBJECT_NOTES: usize = 8;

/// Run `why ARGS...`; returns the exit status.
pub fn run(args: &[String], tutor: &Tutor, session: &Session, sink: &mut dyn Sink) -> i32 {
    let lang = tutor.lang;
    let mut namespace = session.namespace.clone();
    let mut rest: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-n" | "--namespace" => match it.next() {
                Some(ns) => namespace = ns.clone(),
                None => return usage(sink, lang),
            },
            s if s.starts_with("--namespace=") => namespace = s["--namespace=".len()..].into(),
            "-h" | "--help" => {
                sink.out(&help(lang));
                return 0;
            }
            s => rest.push(s),
        }
    }
    let target = match rest.as_slice() {
        [] => {
            sink.out(&last_command(tutor, session));
            return 0;
        }
        [one] => one
            .split_once('/')
            .map(|(t, n)| (t.to_string(), n.to_string())),
        [t, n] => Some((t.to_string(), n.to_string())),
        _ => None,
    };
    let Some((typed, name)) = target.filter(|(t, n)| !t.is_empty() && !n.is_empty()) else {
        return usage(sink, lang);
    };
    let Some(kind) = Kind::resolve(&typed) else {
        sink.err(&format!(
            "error: the server doesn't have a resource type {}\n",
            crate::api::errors::go_quote(&typed)
        ));
        return 1;
    };
    sink.out(&object(kind, &namespace, &name, lang, session));
    0
}

fn usage(sink: &mut dyn Sink, lang: Lang) -> i32 {
    sink.err(&help(lang));
    1
}

fn help(lang: Lang) -> String {
    match lang {
        Lang::En => "usage: why              what the cluster did after the last command, and why\n       why TYPE/NAME    why one object is as it is (why pod/web-1, why sts/web)\n",
        Lang::Vi => "cách dùng: why              cluster đã làm gì sau lệnh vừa rồi, và vì sao\n           why TYPE/NAME    vì sao một đối tượng đang như vậy (why pod/web-1, why sts/web)\n",
        Lang::Es => "uso: why              qué hizo el clúster tras el último comando, y por qué\n     why TYPE/NAME    por qué un objeto está como está (why pod/web-1, why sts/web)\n",
    }
    .to_string()
}

/// `+8.012s` after the mark.
fn offset(at: Millis, from: Millis) -> String {
    let ms = (at - from).max(0);
    if ms % 1000 == 0 {
        format!("+{}s", ms / 1000)
    } else {
        format!("+{}.{:03}s", ms / 1000, ms % 1000)
    }
}

/// Notes without repeats (the same component saying the same thing again), in order.
fn distinct(notes: &[Trace]) -> Vec<&Trace> {
    let mut seen: std::collections::HashSet<(&str, &str)> = Default::default();
    notes
        .iter()
        .filter(|t| seen.insert((t.component, t.message.as_str())))
        .collect()
}

fn note_line(t: &Trace, from: Millis) -> String {
    format!(
        "  {:>8}  {}: {}\n",
        offset(t.at, from),
        t.component,
        t.message
    )
}

/// `why` alone: what followed the last command.
fn last_command(tutor: &Tutor, session: &Session) -> String {
    let lang = tutor.lang;
    let cmd = &tutor.last_command;
    if cmd.is_empty() {
        return match lang {
            Lang::En => "no command has run yet: type one, then `why`.\n",
            Lang::Vi => "chưa có lệnh nào chạy: hãy gõ một lệnh, rồi `why`.\n",
            Lang::Es => "todavía no se ha ejecutado ningún comando: escribe uno y luego `why`.\n",
        }
        .to_string();
    }
    let notes = distinct(tutor.mark.since(&session.cluster.trace));
    if notes.is_empty() {
        return match lang {
            Lang::En => format!("after `{cmd}`, no controller, scheduler or kubelet had anything to do.\n"),
            Lang::Vi => format!("sau `{cmd}`, không có controller, scheduler hay kubelet nào phải làm gì.\n"),
            Lang::Es => format!("después de `{cmd}`, ningún controlador, scheduler ni kubelet tuvo nada que hacer.\n"),
        };
    }
    let mut out = match lang {
        Lang::En => format!("after `{cmd}`, in order:\n"),
        Lang::Vi => format!("sau `{cmd}`, theo thứ tự:\n"),
        Lang::Es => format!("después de `{cmd}`, en orden:\n"),
    };
    for t in notes.iter().take(MAX_NOTES) {
        out.push_str(&note_line(t, tutor.mark.at));
    }
    if notes.len() > MAX_NOTES {
        let n = notes.len() - MAX_NOTES;
        out.push_str(&match lang {
            Lang::En => format!("  ... and {n} more\n"),
            Lang::Vi => format!("  ... và {n} ghi chú nữa\n"),
            Lang::Es => format!("  ... y {n} más\n"),
        });
    }
    out
}

/// Whether `message` names `name` as a whole word (`web-1` is not in `www-web-1`).
fn names(message: &str, name: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    message.match_indices(name).any(|(i, _)| {
        let before = message[..i].chars().next_back();
        let after = message[i + name.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Labels in each language for the object view.
struct Words {
    not_found: &'static str,
    waits: &'static str,
    owner: &'static str,
    notes: &'static str,
    no_notes: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            not_found: "does not exist",
            waits: "waiting for",
            owner: "owner",
            notes: "latest notes about it",
            no_notes: "no notes about it",
        },
        Lang::Vi => Words {
            not_found: "không tồn tại",
            waits: "đang chờ",
            owner: "chủ sở hữu",
            notes: "ghi chú gần nhất về nó",
            no_notes: "chưa có ghi chú nào về nó",
        },
        Lang::Es => Words {
            not_found: "no existe",
            waits: "esperando",
            owner: "propietario",
            notes: "últimas notas sobre él",
            no_notes: "ninguna nota sobre él",
        },
    }
}

/// `why TYPE/NAME`.
fn object(kind: Kind, namespace: &str, name: &str, lang: Lang, session: &Session) -> String {
    let w = words(lang);
    let key = ObjKey::new(kind, namespace, name);
    let title = format!("{}/{}", kind.info().singular, name);
    let store = &session.cluster.api.store;
    let mut out = String::new();
    match store.get(&key) {
        None => out.push_str(&format!("{title}: {}\n", w.not_found)),
        Some(obj) => {
            out.push_str(&format!("{title}:\n"));
            for line in facts(obj, lang, session) {
                out.push_str(&format!("  {line}\n"));
            }
            if let Some(owner) = obj.meta().owner_references.as_ref().and_then(|o| o.first()) {
                out.push_str(&format!("  {}: {}/{}\n", w.owner, owner.kind, owner.name));
            }
        }
    }
    let trace = &session.cluster.trace;
    // A StatefulSet's notes name its pods (`web-0`), not the set.
    let about_it = |m: &str| {
        names(m, name)
            || (kind == Kind::StatefulSet
                && m.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .any(|w| {
                        w.strip_prefix(name)
                            .and_then(|r| r.strip_prefix('-'))
                            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    }))
    };
    let mut about: Vec<&Trace> = trace.iter().filter(|t| about_it(&t.message)).collect();
    about.dedup_by(|a, b| a.component == b.component && a.message == b.message);
    let start = about.len().saturating_sub(MAX_OBJECT_NOTES);
    if about.is_empty() {
        out.push_str(&format!("  {}\n", w.no_notes));
    } else {
        out.push_str(&format!("  {}:\n", w.notes));
        let now = session.cluster.now();
        for t in &about[start..] {
            out.push_str(&format!(
                "    {:>5}  {}: {}\n",
                crate::printers::duration::human_duration(now - t.at),
                t.component,
                t.message
            ));
        }
    }
    out
}

/// The facts that explain an object's present state, one per line.
fn facts(obj: &Object, lang: Lang, session: &Session) -> Vec<String> {
    match obj {
        Object::Pod(p) => pod_facts(p, lang),
        Object::StatefulSet(s) => sts_facts(s, lang, session),
        Object::PersistentVolumeClaim(c) => claim_facts(c, lang, session),
        _ => Vec::new(),
    }
}

fn pod_facts(pod: &Pod, lang: Lang) -> Vec<String> {
    let w = words(lang);
    let status = pod.status.clone().unwrap_or_default();
    let phase = status.phase.clone().unwrap_or_else(|| "Pending".into());
    let node = pod.spec.as_ref().and_then(|s| s.node_name.clone());
    let mut out = vec![match (lang, &node) {
        (Lang::En, Some(n)) => format!("phase: {phase}, on node {n}"),
        (Lang::En, None) => format!("phase: {phase}, not on a node yet"),
        (Lang::Vi, Some(n)) => format!("trạng thái: {phase}, trên node {n}"),
        (Lang::Vi, None) => format!("trạng thái: {phase}, chưa được xếp lên node"),
        (Lang::Es, Some(n)) => format!("fase: {phase}, en el nodo {n}"),
        (Lang::Es, None) => format!("fase: {phase}, aún sin nodo"),
    }];
    let conditions: Vec<String> = status
        .conditions
        .iter()
        .flatten()
        .map(|c| format!("{}={}", c.type_, c.status))
        .collect();
    if !conditions.is_empty() {
        out.push(format!("conditions: {}", conditions.join(", ")));
    }
    let cond = |t: &str| {
        status
            .conditions
            .iter()
            .flatten()
            .find(|c| c.type_ == t)
            .cloned()
    };
    let waiting = if pod.metadata.deletion_timestamp.is_some() {
        Some(match lang {
            Lang::En => "its containers to stop (it is being deleted)".to_string(),
            Lang::Vi => "các container dừng lại (pod đang bị xóa)".to_string(),
            Lang::Es => "que sus contenedores se detengan (se está borrando)".to_string(),
        })
    } else if node.is_none() {
        Some(match cond("PodScheduled").and_then(|c| c.message) {
            Some(m) => format!("scheduler: {m}"),
            None => "scheduler".to_string(),
        })
    } else if let Some((c, reason, message)) =
        status.container_statuses.iter().flatten().find_map(|c| {
            let wt = c.state.as_ref()?.waiting.as_ref()?;
            Some((
                c.name.clone(),
                wt.reason.clone().unwrap_or_default(),
                wt.message.clone().unwrap_or_default(),
            ))
        })
    {
        let message = if message.is_empty() {
            String::new()
        } else {
            format!(": {message}")
        };
        Some(format!("kubelet: container {c} {reason}{message}"))
    } else if phase == "Running" && cond("Ready").is_some_and(|c| c.status != "True") {
        Some(match lang {
            Lang::En => "kubelet: its readiness check to pass".to_string(),
            Lang::Vi => "kubelet: kiểm tra readiness thành công".to_string(),
            Lang::Es => "kubelet: que pase su comprobación de readiness".to_string(),
        })
    } else {
        None
    };
    if let Some(wt) = waiting {
        out.push(format!("{}: {wt}", w.waits));
    }
    out
}

fn sts_facts(sts: &StatefulSet, lang: Lang, session: &Session) -> Vec<String> {
    let w = words(lang);
    let spec = sts.spec.clone().unwrap_or_default();
    let status = sts.status.clone().unwrap_or_default();
    let want = spec.replicas.unwrap_or(1);
    let ready = status.ready_replicas.unwrap_or(0);
    let policy = spec
        .pod_management_policy
        .clone()
        .unwrap_or_else(|| "OrderedReady".into());
    let mut out = vec![match lang {
        Lang::En => format!(
            "replicas: {ready}/{want} ready, {} created ({policy})",
            status.replicas
        ),
        Lang::Vi => format!(
            "bản sao: {ready}/{want} sẵn sàng, {} đã tạo ({policy})",
            status.replicas
        ),
        Lang::Es => format!(
            "réplicas: {ready}/{want} listas, {} creadas ({policy})",
            status.replicas
        ),
    }];
    let ns = sts.metadata.namespace.as_deref().unwrap_or("default");
    let service = spec.service_name.clone().unwrap_or_default();
    if !service.is_empty() {
        let svc = session
            .cluster
            .api
            .store
            .get(&ObjKey::new(Kind::Service, ns, &service))
            .and_then(|o| o.as_typed::<Service>());
        let state = match (svc, lang) {
            (None, Lang::En) => "missing: pod DNS names will not resolve",
            (None, Lang::Vi) => "không tồn tại: tên DNS của pod sẽ không phân giải được",
            (None, Lang::Es) => "no existe: los nombres DNS de los pods no resolverán",
            (Some(s), _)
                if s.spec.as_ref().and_then(|s| s.cluster_ip.as_deref()) == Some("None") =>
            {
                "headless"
            }
            (Some(_), Lang::En) => "not headless (has a cluster IP)",
            (Some(_), Lang::Vi) => "không phải headless (có cluster IP)",
            (Some(_), Lang::Es) => "no es headless (tiene IP de clúster)",
        };
        out.push(format!("serviceName: {service} ({state})"));
    }
    let name = sts.metadata.name.as_deref().unwrap_or("");
    let pods = session.cluster.api.store.list(Kind::Pod, Some(ns));
    let mut members: Vec<(i64, &Pod)> = pods
        .filter_map(|o| o.as_typed::<Pod>())
        .filter_map(|p| {
            let n = p.metadata.name.as_deref()?;
            let ordinal = n.strip_prefix(name)?.strip_prefix('-')?.parse().ok()?;
            Some((ordinal, p))
        })
        .collect();
    members.sort_by_key(|(o, _)| *o);
    if let Some((_, p)) = members.iter().find(|(_, p)| !is_ready(p)) {
        let pn = p.metadata.name.as_deref().unwrap_or("");
        out.push(format!("{}: {pn} (why pod/{pn})", w.waits));
    } else if (members.len() as i32) < want {
        let next = format!("{name}-{}", members.len());
        out.push(format!("{}: statefulset controller ({next})", w.waits));
    }
    out
}

fn is_ready(p: &Pod) -> bool {
    p.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

fn claim_facts(c: &PersistentVolumeClaim, lang: Lang, session: &Session) -> Vec<String> {
    let phase = c
        .status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_else(|| "Pending".into());
    let spec = c.spec.clone().unwrap_or_default();
    let class = spec.storage_class_name.clone().unwrap_or_default();
    let mut out = vec![match lang {
        Lang::En => format!("phase: {phase}, class: {class}"),
        Lang::Vi => format!("trạng thái: {phase}, class: {class}"),
        Lang::Es => format!("fase: {phase}, clase: {class}"),
    }];
    if let Some(v) = spec.volume_name.filter(|v| !v.is_empty()) {
        let node = session
            .cluster
            .api
            .store
            .get(&ObjKey::new(Kind::PersistentVolume, "", &v))
            .and_then(|o| o.as_typed::<PersistentVolume>())
            .and_then(crate::scheduler::pv_node);
        out.push(match (node, lang) {
            (Some(n), Lang::En) => {
                format!("volume: {v}, pinned to node {n} (its pod always runs there)")
            }
            (Some(n), Lang::Vi) => {
                format!("volume: {v}, gắn cố định với node {n} (pod của nó luôn chạy ở đó)")
            }
            (Some(n), Lang::Es) => {
                format!("volumen: {v}, fijado al nodo {n} (su pod siempre corre ahí)")
            }
            (None, _) => format!("volume: {v}"),
        });
    }
    out
}
