//! The object store: etcd's role. Objects by (kind, namespace, name), a monotonically
//! increasing resourceVersion, and a watch log every write appends to.
//!
//! The store knows nothing about validation or controllers; the apiserver writes to it and
//! the informers read its watch log. It is ordered (a BTreeMap), so every list comes out
//! sorted by namespace and name, as the real apiserver returns lists, and output is
//! deterministic. Point reads and writes go through a hash index instead: most of the
//! simulator's store traffic is get-by-key, and B-tree searches over string keys cost a
//! few dozen string comparisons each.

use crate::api::{Kind, Object};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;

/// The identity of a stored object. Cluster-scoped objects have an empty namespace.
///
/// The namespace and name are shared strings: a key is cloned into work queues, the list
/// order, event indexes and more, and a clone only bumps two reference counts. Ordering and
/// hashing are those of the strings themselves, as with `String` fields.
#[derive(Clone, Debug, PartialOrd, Ord)]
pub struct ObjKey {
    pub kind: Kind,
    pub namespace: Arc<str>,
    pub name: Arc<str>,
    /// The hash of (kind, namespace, name), computed once (so the fields above are only
    /// read once a key is made; a changed key is a new key): a key is hashed into the work
    /// queue, the store, informer indexes and more, far more often than it is made. (Last,
    /// so the derived order is that of kind, namespace and name.)
    hash: u64,
}

/// The hash a key carries: of its contents, never of its pointers.
fn key_hash(kind: Kind, namespace: &str, name: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    kind.hash(&mut h);
    namespace.hash(&mut h);
    name.hash(&mut h);
    h.finish()
}

/// Equal when kind, namespace and name are; most keys compared are clones of one another
/// (a queued key against the one in a map), so the same shared string is checked first.
impl PartialEq for ObjKey {
    fn eq(&self, other: &Self) -> bool {
        fn same(a: &Arc<str>, b: &Arc<str>) -> bool {
            Arc::ptr_eq(a, b) || **a == **b
        }
        self.hash == other.hash
            && self.kind == other.kind
            && same(&self.name, &other.name)
            && same(&self.namespace, &other.namespace)
    }
}

impl Eq for ObjKey {}

/// Feeds the hash computed when the key was made (of the contents, as `PartialEq`
/// compares them).
impl std::hash::Hash for ObjKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// How many distinct namespaces `shared_namespace` keeps; a cluster has a handful, and
/// past this many a namespace simply gets its own string.
const INTERNED_NAMESPACES: usize = 64;

thread_local! {
    static NAMESPACES: RefCell<Vec<Arc<str>>> = const { RefCell::new(Vec::new()) };
}

/// One shared string per namespace: nearly every key names one of a few namespaces, so
/// making a key allocates only its name.
fn shared_namespace(namespace: &str) -> Arc<str> {
    NAMESPACES.with(|cell| {
        let mut known = cell.borrow_mut();
        if let Some(ns) = known.iter().find(|ns| &***ns == namespace) {
            return ns.clone();
        }
        let ns: Arc<str> = Arc::from(namespace);
        if known.len() < INTERNED_NAMESPACES {
            known.push(ns.clone());
        }
        ns
    })
}

/// A name that sorts after every object name (the bound of a namespace's range).
fn last_name() -> Arc<str> {
    thread_local! {
        static LAST: Arc<str> = Arc::from("\u{10FFFF}");
    }
    LAST.with(Arc::clone)
}

impl ObjKey {
    pub fn new(kind: Kind, namespace: &str, name: &str) -> Self {
        let namespace = if kind.info().namespaced {
            namespace
        } else {
            ""
        };
        ObjKey {
            kind,
            hash: key_hash(kind, namespace, name),
            namespace: shared_namespace(namespace),
            name: Arc::from(name),
        }
    }

    /// A key from a namespace and name already shared (no copy of either string).
    pub fn from_shared(kind: Kind, namespace: Arc<str>, name: Arc<str>) -> Self {
        ObjKey {
            kind,
            hash: key_hash(kind, &namespace, &name),
            namespace,
            name,
        }
    }

    pub fn of(obj: &Object) -> Self {
        ObjKey::new(obj.kind(), obj.namespace(), obj.name())
    }

    /// The namespace ("" for cluster-scoped objects).
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

impl std::fmt::Display for ObjKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.namespace.is_empty() {
            write!(f, "{}/{}", self.kind.info().singular, self.name)
        } else {
            write!(
                f,
                "{}/{}/{}",
                self.kind.info().singular,
                self.namespace,
                self.name
            )
        }
    }
}

/// What happened to an object, as a watch reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventType {
    Added,
    Modified,
    Deleted,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Added => "ADDED",
            EventType::Modified => "MODIFIED",
            EventType::Deleted => "DELETED",
        }
    }
}

/// One entry of the watch log.
#[derive(Clone, Debug)]
pub struct WatchEvent {
    pub resource_version: u64,
    pub event_type: EventType,
    /// The object's key, shared with the store (cheaper than `ObjKey::of(&object)`).
    pub key: ObjKey,
    pub object: Arc<Object>,
    /// Virtual time of the write, in milliseconds since the Unix epoch.
    pub at_ms: i64,
}

/// The store's quota (etcd's space quota, counted in objects): creates beyond it fail with
/// etcd's `database space exceeded`, and the sandbox stays responsive.
pub const MAX_OBJECTS: usize = 250_000;

/// How many watch events are kept before the oldest are compacted away (etcd compacts too).
pub const WATCH_LOG_CAPACITY: usize = 200_000;

/// The store's keys in list order (kind, namespace, name). A new key waits unsorted with
/// the others of its kind until something lists that kind: keeping every key sorted as it
/// is written cost a B-tree insert (dozens of string comparisons) per object, and the
/// most numerous kind, Event, is rarely listed at all.
#[derive(Clone, Debug, Default)]
struct ListOrder {
    sorted: BTreeSet<ObjKey>,
    unsorted: FxHashMap<Kind, FxHashSet<ObjKey>>,
}

impl ListOrder {
    fn add(&mut self, key: ObjKey) {
        self.unsorted.entry(key.kind).or_default().insert(key);
    }

    fn remove(&mut self, key: &ObjKey) {
        if !self.sorted.remove(key) {
            if let Some(keys) = self.unsorted.get_mut(&key.kind) {
                keys.remove(key);
            }
        }
    }

    /// Sort in the keys of `kind` still waiting.
    fn sort_kind(&mut self, kind: Kind) {
        if let Some(keys) = self.unsorted.get_mut(&kind) {
            self.sorted.extend(keys.drain());
        }
    }
}

/// etcd in miniature.
#[derive(Clone, Debug, Default)]
pub struct Store {
    /// Every stored object, by key.
    objects: FxHashMap<ObjKey, Arc<Object>>,
    /// The same keys in list order, sorted lazily (see `ListOrder`).
    order: RefCell<ListOrder>,
    resource_version: u64,
    log: Vec<WatchEvent>,
    /// Resource version of the oldest event still in `log` (older ones were compacted).
    compacted_before: u64,
}

impl Store {
    pub fn new() -> Self {
        Store::default()
    }

    pub fn resource_version(&self) -> u64 {
        self.resource_version
    }

    pub fn get(&self, key: &ObjKey) -> Option<&Arc<Object>> {
        self.objects.get(key)
    }

    pub fn contains(&self, key: &ObjKey) -> bool {
        self.objects.contains_key(key)
    }

    /// Every object of `kind`, in `namespace` (None: all namespaces), sorted by namespace and name.
    pub fn list(
        &self,
        kind: Kind,
        namespace: Option<&str>,
    ) -> impl Iterator<Item = &Arc<Object>> + '_ {
        // Bounds from shared strings (no allocation): the empty name sorts before every
        // name, and U+10FFFF after every name an object can have (names are validated:
        // DNS labels, subdomains, paths; events are named after objects).
        let empty = shared_namespace("");
        let (lo, hi) = match namespace {
            Some(ns) if kind.info().namespaced => {
                let ns = shared_namespace(ns);
                (
                    Bound::Included(ObjKey::from_shared(kind, ns.clone(), empty)),
                    Bound::Included(ObjKey::from_shared(kind, ns, last_name())),
                )
            }
            _ => (
                Bound::Included(ObjKey::from_shared(kind, empty.clone(), empty.clone())),
                match next_kind(kind) {
                    Some(next) => Bound::Excluded(ObjKey::from_shared(next, empty.clone(), empty)),
                    None => Bound::Unbounded,
                },
            ),
        };
        let mut order = self.order.borrow_mut();
        order.sort_kind(kind);
        let listed: Vec<&Arc<Object>> = order
            .sorted
            .range((lo, hi))
            .filter_map(|k| self.objects.get(k))
            .collect();
        listed.into_iter()
    }

    /// Write an object (create or replace), stamping the next resourceVersion.
    pub fn put(&mut self, obj: Object, at_ms: i64) -> Arc<Object> {
        let key = ObjKey::of(&obj);
        self.put_keyed(key, obj, at_ms)
    }

    /// `put` for a caller that already made the object's key (`ObjKey::of(&obj)`): making
    /// one costs a hash and an allocation.
    pub fn put_keyed(&mut self, key: ObjKey, mut obj: Object, at_ms: i64) -> Arc<Object> {
        debug_assert!(key == ObjKey::of(&obj), "{key} is not the object's key");
        self.resource_version += 1;
        obj.meta_mut().resource_version = Some(crate::api::text::int(self.resource_version));
        let obj = Arc::new(obj);
        // One look-up for both cases (most writes are creates).
        let event_type = match self.objects.entry(key.clone()) {
            std::collections::hash_map::Entry::Occupied(mut slot) => {
                *slot.get_mut() = obj.clone();
                EventType::Modified
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(obj.clone());
                self.order.get_mut().add(key.clone());
                EventType::Added
            }
        };
        self.append(event_type, key, obj.clone(), at_ms);
        obj
    }

    /// Change a stored object in place, stamping the next resourceVersion; None if there is
    /// no such object. Copy-on-write: the object is copied only while a reader (a watch
    /// event not yet compacted, a caller's `Arc`) still holds it. `change` must not rename it.
    pub fn modify(
        &mut self,
        key: &ObjKey,
        at_ms: i64,
        change: impl FnOnce(&mut Object),
    ) -> Option<Arc<Object>> {
        let entry = self.objects.get_mut(key)?;
        self.resource_version += 1;
        let obj = Arc::make_mut(entry);
        change(obj);
        obj.meta_mut().resource_version = Some(crate::api::text::int(self.resource_version));
        let obj = entry.clone();
        self.append(EventType::Modified, key.clone(), obj.clone(), at_ms);
        Some(obj)
    }

    /// Remove an object for good; the watch log gets a DELETED event with its last state.
    pub fn remove(&mut self, key: &ObjKey, at_ms: i64) -> Option<Arc<Object>> {
        let old = self.objects.remove(key)?;
        self.order.get_mut().remove(key);
        self.resource_version += 1;
        let mut last = (*old).clone();
        last.meta_mut().resource_version = Some(crate::api::text::int(self.resource_version));
        self.append(EventType::Deleted, key.clone(), Arc::new(last), at_ms);
        Some(old)
    }

    fn append(&mut self, event_type: EventType, key: ObjKey, object: Arc<Object>, at_ms: i64) {
        if self.log.len() >= WATCH_LOG_CAPACITY {
            let drop = WATCH_LOG_CAPACITY / 2;
            self.log.drain(..drop);
            self.compacted_before = self
                .log
                .first()
                .map(|e| e.resource_version)
                .unwrap_or(self.resource_version);
        }
        self.log.push(WatchEvent {
            resource_version: self.resource_version,
            event_type,
            key,
            object,
            at_ms,
        });
    }

    /// Drop watch events up to and including `resource_version` (etcd's compaction):
    /// once every watcher has read them they only cost memory.
    pub fn compact(&mut self, resource_version: u64) {
        let end = self
            .log
            .partition_point(|e| e.resource_version <= resource_version);
        if end > 0 {
            self.log.drain(..end);
            self.compacted_before = resource_version + 1;
        }
    }

    /// Watch events after `resource_version`, oldest first. None if that part of the log was compacted.
    pub fn events_since(&self, resource_version: u64) -> Option<&[WatchEvent]> {
        if resource_version + 1 < self.compacted_before {
            return None;
        }
        let start = self
            .log
            .partition_point(|e| e.resource_version <= resource_version);
        Some(&self.log[start..])
    }

    /// Number of stored objects (all kinds).
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}

/// The kind that follows `kind` in key order, if any.
fn next_kind(kind: Kind) -> Option<Kind> {
    crate::api::KINDS
        .iter()
        .map(|k| k.kind)
        .filter(|k| *k > kind)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::Pod;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

    fn pod(ns: &str, name: &str) -> Object {
        Object::from(Pod {
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some(ns.into()),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    #[test]
    fn lists_by_kind_and_namespace_in_order() {
        let mut s = Store::new();
        s.put(pod("default", "web-1"), 0);
        s.put(pod("default", "web-0"), 0);
        s.put(pod("kube-system", "coredns"), 0);
        let names: Vec<&str> = s
            .list(Kind::Pod, Some("default"))
            .map(|o| o.name())
            .collect();
        assert_eq!(names, ["web-0", "web-1"]);
        assert_eq!(s.list(Kind::Pod, None).count(), 3);
        assert_eq!(s.list(Kind::Service, None).count(), 0);
    }

    #[test]
    fn a_namespace_lists_only_its_own_objects() {
        let mut s = Store::new();
        for (ns, name) in [
            ("a", "x"),
            ("a-b", "y"),
            ("a", "zzzz-9"),
            ("ab", "w"),
            ("", "q"),
        ] {
            s.put(pod(ns, name), 0);
        }
        let names = |ns| -> Vec<String> {
            s.list(Kind::Pod, Some(ns))
                .map(|o| o.name().to_string())
                .collect()
        };
        assert_eq!(names("a"), ["x", "zzzz-9"]);
        assert_eq!(names("a-b"), ["y"]);
        assert_eq!(names("ab"), ["w"]);
        assert_eq!(names("b"), Vec::<String>::new());
    }

    #[test]
    fn every_write_bumps_the_resource_version_and_is_logged() {
        let mut s = Store::new();
        s.put(pod("default", "a"), 0);
        s.put(pod("default", "a"), 1);
        s.remove(&ObjKey::new(Kind::Pod, "default", "a"), 2);
        let types: Vec<EventType> = s
            .events_since(0)
            .unwrap()
            .iter()
            .map(|e| e.event_type)
            .collect();
        assert_eq!(
            types,
            [EventType::Added, EventType::Modified, EventType::Deleted]
        );
        assert_eq!(s.resource_version(), 3);
        assert_eq!(s.events_since(2).unwrap().len(), 1);
    }
}
