//! Event recording (client-go's EventRecorder + the apiserver's Event storage): components
//! report what they did as core/v1 Events on the object involved; repeats of the same event
//! are aggregated into one object with a count, as `kubectl describe` shows (`x4 over 22s`).

use super::ApiServer;
use crate::api::time::to_time;
use crate::api::Object;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Event, EventSource, ObjectReference};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use rustc_hash::{FxHashMap, FxHasher};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};

/// Aggregation index: a hash of (involved uid, field path, type, reason, message,
/// component) -> the events recorded with it (almost always one). A hit is confirmed
/// against the stored event's own fields, so a hash collision never merges two events.
pub type EventIndex = FxHashMap<u64, Vec<ObjKey>>;

/// What makes two events the same (client-go's event key, less what is implied): the same
/// component saying the same thing about the same object.
struct AggregationKey<'a> {
    uid: &'a str,
    field_path: &'a str,
    type_: EventType,
    reason: &'a str,
    message: &'a str,
    component: &'a str,
}

impl AggregationKey<'_> {
    fn hash(&self) -> u64 {
        let mut h = FxHasher::default();
        (
            self.uid,
            self.field_path,
            self.type_.as_str(),
            self.reason,
            self.message,
            self.component,
        )
            .hash(&mut h);
        h.finish()
    }

    /// Whether a stored event is the one this key describes.
    fn matches(&self, ev: &Event) -> bool {
        ev.involved_object.uid.as_deref().unwrap_or_default() == self.uid
            && ev.involved_object.field_path.as_deref().unwrap_or_default() == self.field_path
            && ev.type_.as_deref() == Some(self.type_.as_str())
            && ev.reason.as_deref() == Some(self.reason)
            && ev.message.as_deref() == Some(self.message)
            && ev.source.as_ref().and_then(|s| s.component.as_deref()) == Some(self.component)
    }
}

/// Normal or Warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventType {
    Normal,
    Warning,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// Who reports an event: `statefulset-controller`, `default-scheduler`, `kubelet` (with its node).
#[derive(Clone, Debug)]
pub struct Source {
    pub component: String,
    pub host: Option<String>,
}

impl Source {
    pub fn component(c: &str) -> Self {
        Source {
            component: c.to_string(),
            host: None,
        }
    }
    pub fn kubelet(node: &str) -> Self {
        Source {
            component: "kubelet".into(),
            host: Some(node.to_string()),
        }
    }
}

/// The object an event is about: what `involvedObject` records, without the object.
#[derive(Clone, Debug)]
pub struct Involved {
    pub kind: crate::api::Kind,
    pub namespace: String,
    pub name: String,
    pub uid: String,
    pub resource_version: Option<String>,
}

impl Involved {
    pub fn of(kind: crate::api::Kind, meta: &ObjectMeta) -> Self {
        Involved {
            kind,
            namespace: meta.namespace.clone().unwrap_or_default(),
            name: meta.name.clone().unwrap_or_default(),
            uid: meta.uid.clone().unwrap_or_default(),
            resource_version: meta.resource_version.clone(),
        }
    }
}

/// What `record_event` accepts as the object an event is about: an `Involved` (borrowed,
/// not copied) or a stored object.
pub trait AsInvolved {
    fn as_involved(&self) -> Cow<'_, Involved>;
}

impl AsInvolved for Involved {
    fn as_involved(&self) -> Cow<'_, Involved> {
        Cow::Borrowed(self)
    }
}

impl AsInvolved for &Involved {
    fn as_involved(&self) -> Cow<'_, Involved> {
        Cow::Borrowed(*self)
    }
}

impl AsInvolved for &Object {
    fn as_involved(&self) -> Cow<'_, Involved> {
        Cow::Owned(Involved::from(*self))
    }
}

impl From<&Involved> for Involved {
    fn from(i: &Involved) -> Self {
        i.clone()
    }
}

impl From<&Object> for Involved {
    fn from(o: &Object) -> Self {
        Involved::of(o.kind(), o.meta())
    }
}

impl ApiServer {
    /// Record an event about `involved`. `field_path` names a container (`spec.containers{nginx}`).
    pub fn record_event(
        &mut self,
        involved: impl AsInvolved,
        field_path: Option<&str>,
        type_: EventType,
        reason: &str,
        message: &str,
        source: &Source,
    ) {
        let involved = involved.as_involved();
        let involved: &Involved = &involved;
        let aggregation = AggregationKey {
            uid: &involved.uid,
            field_path: field_path.unwrap_or(""),
            type_,
            reason,
            message,
            component: &source.component,
        };
        let hash = aggregation.hash();
        let now = self.now;
        let existing = self.event_index.get(&hash).and_then(|keys| {
            keys.iter().find(|k| {
                self.store.get(k).is_some_and(|o| {
                    o.as_typed::<Event>()
                        .is_some_and(|ev| aggregation.matches(ev))
                })
            })
        });
        if let Some(existing) = existing.cloned() {
            self.store.modify(&existing, now, |o| {
                if let Object::Event(ev) = o {
                    ev.count = Some(ev.count.unwrap_or(1) + 1);
                    ev.last_timestamp = Some(to_time(now));
                }
            });
            return;
        }
        if self.store.len() >= crate::store::MAX_OBJECTS {
            // The recorder drops events the apiserver cannot store.
            return;
        }
        // As client-go names events: `<object>.<hex of the time in nanoseconds>`, so listing
        // them by name lists them in the order they happened.
        self.event_seq = (self.event_seq + 1) % 1_000_000;
        let mut name = String::with_capacity(involved.name.len() + 17);
        {
            use std::fmt::Write;
            let _ = write!(
                name,
                "{}.{:x}",
                involved.name,
                now as u64 * 1_000_000 + self.event_seq
            );
        }
        let namespace = if involved.namespace.is_empty() {
            "default"
        } else {
            &involved.namespace
        };
        let key = ObjKey::new(crate::api::Kind::Event, namespace, &name);
        let info = involved.kind.info();
        let ev = Event {
            metadata: ObjectMeta {
                name: Some(name),
                namespace: Some(namespace.to_string()),
                uid: Some(self.ids.uid()),
                creation_timestamp: Some(to_time(now)),
                ..Default::default()
            },
            involved_object: ObjectReference {
                api_version: Some(info.api_version()),
                kind: Some(info.name.to_string()),
                name: Some(involved.name.clone()),
                namespace: if involved.namespace.is_empty() {
                    None
                } else {
                    Some(involved.namespace.clone())
                },
                uid: Some(involved.uid.clone()),
                resource_version: involved.resource_version.clone(),
                field_path: field_path.map(str::to_string),
            },
            reason: Some(reason.to_string()),
            message: Some(message.to_string()),
            source: Some(EventSource {
                component: Some(source.component.clone()),
                host: source.host.clone(),
            }),
            first_timestamp: Some(to_time(now)),
            last_timestamp: Some(to_time(now)),
            count: Some(1),
            type_: Some(type_.as_str().to_string()),
            reporting_component: Some(source.component.clone()),
            reporting_instance: Some(source.host.clone().unwrap_or_default()),
            ..Default::default()
        };
        self.store.put(Object::from(ev), now);
        // Almost every hash names one event: room for one, not the default four.
        let keys = self
            .event_index
            .entry(hash)
            .or_insert_with(|| Vec::with_capacity(1));
        // Events deleted since (`kubectl delete events`) drop out of the index here.
        let store = &self.store;
        keys.retain(|k| store.contains(k));
        keys.push(key);
    }
}
