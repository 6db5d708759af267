//! Event recording (client-go's EventRecorder and EventCorrelator + the apiserver's Event
//! storage): components report what they did as core/v1 Events on the object involved.
//! As in client-go, each component's correlator counts repeats of the same event on one
//! object (`x4 over 22s` in `kubectl describe`), combines similar events that differ only
//! in their message once there are too many (`(combined from similar events): ...`), and
//! drops what is beyond a token bucket per object, so a StatefulSet of 20 replicas does
//! not show 40 `SuccessfulCreate` events.

use super::ApiServer;
use crate::api::time::{to_time, Millis};
use crate::api::Object;
use crate::store::ObjKey;
use k8s_openapi::api::core::v1::{Event, EventSource, ObjectReference};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use rustc_hash::{FxHashMap, FxHasher};
use std::borrow::Cow;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// client-go's EventCorrelator defaults (`tools/record/events_cache.go`): each cache keeps
/// the 4096 most recently used keys.
const LRU_ENTRIES: usize = 4096;
/// Similar events (same source, object, type and reason; another message) are combined
/// once 10 different messages were seen with no gap of more than 10 minutes.
const AGGREGATE_MAX_MESSAGES: usize = 10;
const AGGREGATE_INTERVAL_MS: Millis = 600_000;
/// The message a combined event carries, before the latest similar event's message.
pub const COMBINED_PREFIX: &str = "(combined from similar events): ";
/// The spam filter's token bucket per source, object and type: 25 events at once, then
/// one more every 5 minutes. The rate is upstream's float32 1/300, widened as Go does.
const SPAM_BURST: f64 = 25.0;
const SPAM_TOKENS_PER_SECOND: f64 = (1.0f32 / 300.0f32) as f64;

/// The scheduler records through the events.k8s.io recorder, which neither combines
/// similar events nor filters spam; we only count its identical repeats (its event series
/// are not modelled further).
const UNCORRELATED_SOURCE: &str = "default-scheduler";

/// One event correlator per recording component (client-go builds one per event
/// broadcaster: each controller and each node's kubelet), found by a hash of its source.
#[derive(Clone, Debug, Default)]
pub struct EventIndex {
    by_source: FxHashMap<u64, Correlator>,
}

/// client-go's EventCorrelator: the aggregator, the logger and the spam filter, each
/// an LRU cache. Keys are 64-bit hashes of the fields upstream joins into key strings
/// (cheaper than the strings; two keys sharing a hash, vanishingly unlikely among 4096,
/// would only share a count or a budget).
#[derive(Clone, Debug)]
struct Correlator {
    aggregator: Lru<AggregateRecord>,
    logger: Lru<Observation>,
    spam: Lru<TokenBucket>,
}

impl Default for Correlator {
    fn default() -> Self {
        Correlator {
            aggregator: lru(),
            logger: lru(),
            spam: lru(),
        }
    }
}

/// The different messages seen for one aggregate key (their hashes; never more than
/// the limit, so they fit in place), and when the last came.
#[derive(Clone, Debug)]
struct AggregateRecord {
    messages: [u64; AGGREGATE_MAX_MESSAGES],
    len: usize,
    last: Millis,
}

/// What the logger remembers of an event it passed on: the name it was written under,
/// how often it happened and since when (client-go's eventLog).
#[derive(Clone, Copy, Debug)]
struct Observation {
    /// The event's name is the object's name, a dot and this number in hex (its namespace
    /// is the object's). The object is part of every key the logger is asked for, so the
    /// name is made again from it instead of kept as a string.
    stamp: u64,
    count: i32,
    first: Millis,
}

impl Observation {
    /// The name of the event this observation was written under.
    fn name(&self, object_name: &str) -> String {
        // As client-go names events: `<object>.<hex of the time in nanoseconds>`, so
        // listing them by name lists them in the order they happened.
        let mut name = String::with_capacity(object_name.len() + 17);
        name.push_str(object_name);
        name.push('.');
        push_hex(&mut name, self.stamp);
        name
    }
}

/// golang.org/x/time/rate's limiter as the spam filter uses it: starts full.
#[derive(Clone, Copy, Debug)]
struct TokenBucket {
    tokens: f64,
    last: Millis,
}

impl TokenBucket {
    /// Take a token if one is there (`AllowN(now, 1)`); tokens refill continuously.
    fn try_accept(&mut self, now: Millis) -> bool {
        let elapsed = now.saturating_sub(self.last).max(0) as f64 / 1000.0;
        let tokens = (self.tokens + elapsed * SPAM_TOKENS_PER_SECOND).min(SPAM_BURST) - 1.0;
        if tokens < 0.0 {
            return false;
        }
        self.tokens = tokens;
        self.last = self.last.max(now);
        true
    }
}

/// The hashes of the keys client-go's correlator computes for one event.
struct Keys {
    /// The recording component (source component and host): which correlator.
    source: u64,
    /// getEventKey: everything, message included (identical events).
    event: u64,
    /// EventAggregatorByReasonFunc's aggregate key: all but the message and field path.
    aggregate: u64,
    /// ... and its local key: the message.
    message: u64,
    /// getSpamKey (1.32): source, object and type; not reason, not message.
    spam: u64,
}

/// Which of upstream's keys a hash stands for, so two kinds of key never share a hash.
#[derive(Hash)]
enum KeyKind {
    Event,
    Aggregate,
    Spam,
    Combined,
}

impl Keys {
    fn of(
        involved: &Involved,
        field_path: &str,
        type_: EventType,
        reason: &str,
        message: &str,
        source: &Source,
    ) -> Self {
        // Upstream's keys share their leading fields, so one hash state grows through
        // them: source; then object and type; then reason. The reporting controller and
        // instance are the source again; the kind implies the API version, and the uid the
        // namespace and name (hashed when there is no uid).
        let mut h = FxHasher::default();
        source.component.hash(&mut h);
        source.host.as_deref().unwrap_or("").hash(&mut h);
        let source_key = h.finish();
        involved.kind.hash(&mut h);
        if involved.uid.is_empty() {
            involved.namespace.hash(&mut h);
            involved.name.hash(&mut h);
        } else {
            involved.uid.hash(&mut h);
        }
        h.write_u8(type_ as u8);
        let finish = |mut h: FxHasher, kind: KeyKind| {
            kind.hash(&mut h);
            h.finish()
        };
        let spam = finish(h.clone(), KeyKind::Spam);
        reason.hash(&mut h);
        let aggregate = finish(h.clone(), KeyKind::Aggregate);
        let mut m = FxHasher::default();
        message.hash(&mut m);
        let message = m.finish();
        field_path.hash(&mut h);
        h.write_u64(message);
        Keys {
            source: source_key,
            event: finish(h, KeyKind::Event),
            aggregate,
            message,
            spam,
        }
    }
}

/// How the correlator passes an event on: under which name, with what count, and whether
/// it stands for similar events combined.
struct Verdict {
    observation: Observation,
    combined: bool,
}

impl Correlator {
    /// client-go's EventCorrelate: aggregate, observe, then filter. The caches learn of
    /// the event even when the filter drops it, as upstream's do. `new_stamp` names an
    /// event not seen before (see `Observation::stamp`). None: dropped as spam.
    fn correlate(
        &mut self,
        keys: &Keys,
        full: bool,
        now: Millis,
        new_stamp: impl FnOnce() -> u64,
    ) -> Option<Verdict> {
        let combined = full && self.aggregate(keys, now);
        let cache_key = if combined { keys.aggregate } else { keys.event };
        let observation = match self.logger.get_mut(&cache_key) {
            Some(seen) => {
                seen.count += 1;
                *seen
            }
            None => {
                let seen = Observation {
                    stamp: new_stamp(),
                    count: 1,
                    first: now,
                };
                self.logger.put(cache_key, seen);
                seen
            }
        };
        if full {
            let bucket = self.spam.get_or_insert_mut(keys.spam, || TokenBucket {
                tokens: SPAM_BURST,
                last: now,
            });
            if !bucket.try_accept(now) {
                return None;
            }
        }
        Some(Verdict {
            observation,
            combined,
        })
    }

    /// The EventAggregator: whether this event is one too many of its kind and is
    /// to be recorded as a combined event.
    fn aggregate(&mut self, keys: &Keys, now: Millis) -> bool {
        let record = self
            .aggregator
            .get_or_insert_mut(keys.aggregate, || AggregateRecord {
                messages: [0; AGGREGATE_MAX_MESSAGES],
                len: 0,
                last: now,
            });
        if now - record.last > AGGREGATE_INTERVAL_MS {
            record.len = 0;
        }
        record.last = now;
        if record.messages[..record.len].contains(&keys.message) {
            return false;
        }
        if record.len + 1 < AGGREGATE_MAX_MESSAGES {
            record.messages[record.len] = keys.message;
            record.len += 1;
            return false;
        }
        // The limit reached: keep the set below it. Upstream drops an arbitrary one (Go's
        // map order); dropping the newest keeps a run deterministic.
        true
    }
}

/// A least-recently-used cache of at most `LRU_ENTRIES` entries by 64-bit key, as
/// k8s.io/utils/lru is upstream.
type Lru<V> = lru::LruCache<u64, V, BuildHasherDefault<KeyHasher>>;

fn lru<V>() -> Lru<V> {
    lru::LruCache::with_hasher(
        std::num::NonZeroUsize::new(LRU_ENTRIES).expect("not zero"),
        Default::default(),
    )
}

/// The caches' keys are hashes already (`Keys`): they are used as they are instead of
/// being hashed again. (Which entry is evicted follows the caches' own order of use, never
/// the hash, so this changes no output.)
#[derive(Clone, Copy, Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys come here (`write_u64`); anything else is still hashed.
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
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
/// Components are named by constants, so only a kubelet's node is a string of its own.
#[derive(Clone, Debug)]
pub struct Source {
    pub component: &'static str,
    pub host: Option<String>,
}

impl Source {
    pub fn component(c: &'static str) -> Self {
        Source {
            component: c,
            host: None,
        }
    }
    pub fn kubelet(node: &str) -> Self {
        Source {
            component: "kubelet",
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

/// What `record_event` accepts as the object an event is about: an `Involved`, borrowed
/// (its strings are copied into the event) or given (they are moved there), or a stored
/// object.
pub trait AsInvolved<'a> {
    fn into_involved(self) -> Cow<'a, Involved>;
}

impl<'a> AsInvolved<'a> for Involved {
    fn into_involved(self) -> Cow<'a, Involved> {
        Cow::Owned(self)
    }
}

impl<'a> AsInvolved<'a> for &'a Involved {
    fn into_involved(self) -> Cow<'a, Involved> {
        Cow::Borrowed(self)
    }
}

impl<'a> AsInvolved<'a> for &Object {
    fn into_involved(self) -> Cow<'a, Involved> {
        Cow::Owned(Involved::from(self))
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

impl EventIndex {
    fn for_source(&mut self, keys: &Keys) -> &mut Correlator {
        self.by_source.entry(keys.source).or_default()
    }
}

/// `n` in lower-case hex, as Go's `%x` prints it.
fn push_hex(out: &mut String, mut n: u64) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Written from the last digit back into a buffer, then copied at once (pushing digits
    // one by one as `char`s costs more than checking them as UTF-8).
    let mut digits = [0u8; 16];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = HEX[(n & 15) as usize];
        n >>= 4;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[start..]).expect("ascii"));
}

impl ApiServer {
    /// Record an event about `involved`. `field_path` names a container (`spec.containers{nginx}`).
    /// It goes through the recording component's correlator first, which may count it on
    /// an earlier event, combine it with similar ones, or drop it as spam.
    pub fn record_event<'a>(
        &mut self,
        involved: impl AsInvolved<'a>,
        field_path: Option<&str>,
        type_: EventType,
        reason: &str,
        message: &str,
        source: &Source,
    ) {
        let involved = involved.into_involved();
        let now = self.now;
        let keys = Keys::of(
            &involved,
            field_path.unwrap_or(""),
            type_,
            reason,
            message,
            source,
        );
        let event_seq = &mut self.event_seq;
        let new_stamp = || {
            *event_seq = (*event_seq + 1) % 1_000_000;
            now as u64 * 1_000_000 + *event_seq
        };
        let correlator = self.event_index.for_source(&keys);
        let full = source.component != UNCORRELATED_SOURCE;
        let Some(Verdict {
            observation,
            combined,
        }) = correlator.correlate(&keys, full, now, new_stamp)
        else {
            return;
        };
        let message: Cow<'_, str> = if combined {
            Cow::Owned(format!("{COMBINED_PREFIX}{message}"))
        } else {
            Cow::Borrowed(message)
        };
        if combined {
            // client-go's UpdateState: the written event is remembered under its own key too.
            let mut h = FxHasher::default();
            (KeyKind::Combined, keys.aggregate, &message).hash(&mut h);
            correlator.logger.put(h.finish(), observation);
        }
        let namespace = if involved.namespace.is_empty() {
            "default"
        } else {
            &involved.namespace
        };
        let name = observation.name(&involved.name);
        let time = to_time(now);
        if observation.count > 1 {
            // A patch of count, lastTimestamp and message.
            let key = ObjKey::new(crate::api::Kind::Event, namespace, &name);
            let patched = self.store.modify(&key, now, |o| {
                if let Object::Event(ev) = o {
                    ev.count = Some(observation.count);
                    ev.last_timestamp = Some(time.clone());
                    if combined {
                        ev.message = Some(message.to_string());
                    }
                }
            });
            if patched.is_some() {
                return;
            }
            // Deleted since (`kubectl delete events`): client-go creates it again, under
            // the same name, with the count and first time it remembers.
        }
        if self.store.len() >= crate::store::MAX_OBJECTS {
            // The recorder drops events the apiserver cannot store.
            return;
        }
        let namespace = namespace.to_string();
        let info = involved.kind.info();
        let mut api_version = String::with_capacity(info.group.len() + info.version.len() + 1);
        if !info.group.is_empty() {
            api_version.push_str(info.group);
            api_version.push('/');
        }
        api_version.push_str(info.version);
        // A combined event is made afresh by the aggregator, without the reporting fields.
        let (reporting_component, reporting_instance) = if combined {
            (String::new(), String::new())
        } else {
            (
                source.component.to_string(),
                source.host.clone().unwrap_or_default(),
            )
        };
        // The object's strings: moved when the caller gave the `Involved` away.
        let Involved {
            name: involved_name,
            namespace: involved_namespace,
            uid: involved_uid,
            resource_version: involved_resource_version,
            ..
        } = involved.into_owned();
        // Every field spelled out: `..Default::default()` built a whole default event
        // (its metadata and object reference too) only to drop what it did not use.
        let ev = Event {
            action: None,
            event_time: None,
            related: None,
            series: None,
            metadata: ObjectMeta {
                name: Some(name),
                namespace: Some(namespace),
                uid: Some(self.ids.uid()),
                creation_timestamp: Some(time.clone()),
                ..Default::default()
            },
            involved_object: ObjectReference {
                api_version: Some(api_version),
                kind: Some(info.name.to_string()),
                name: Some(involved_name),
                namespace: if involved_namespace.is_empty() {
                    None
                } else {
                    Some(involved_namespace)
                },
                uid: Some(involved_uid),
                resource_version: involved_resource_version,
                field_path: field_path.map(str::to_string),
            },
            reason: Some(reason.to_string()),
            message: Some(message.into_owned()),
            source: Some(EventSource {
                component: Some(source.component.to_string()),
                host: source.host.clone(),
            }),
            first_timestamp: Some(if observation.first == now {
                time.clone()
            } else {
                to_time(observation.first)
            }),
            last_timestamp: Some(time),
            count: Some(observation.count),
            type_: Some(type_.as_str().to_string()),
            reporting_component: Some(reporting_component),
            reporting_instance: Some(reporting_instance),
        };
        self.store.put(Object::from(ev), now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Kind;

    fn sts() -> Involved {
        Involved {
            kind: Kind::StatefulSet,
            namespace: "default".into(),
            name: "web".into(),
            uid: "6f1c1c4e-0000-4000-8000-000000000001".into(),
            resource_version: Some("7".into()),
        }
    }

    /// Record an event about `sts()`.
    fn say(api: &mut ApiServer, type_: EventType, reason: &str, message: &str, source: &Source) {
        api.record_event(sts(), None, type_, reason, message, source);
    }

    /// The stored events, oldest first: (count, message, first and last seen).
    fn events(api: &ApiServer) -> Vec<(i32, String, Millis, Millis)> {
        let mut evs: Vec<&Event> = api
            .store
            .list(Kind::Event, None)
            .filter_map(|o| o.as_typed::<Event>())
            .collect();
        evs.sort_by_key(|e| (e.first_timestamp.clone(), e.metadata.name.clone()));
        evs.iter()
            .map(|e| {
                (
                    e.count.unwrap_or(0),
                    e.message.clone().unwrap_or_default(),
                    e.first_timestamp
                        .as_ref()
                        .map_or(0, crate::api::time::from_time),
                    e.last_timestamp
                        .as_ref()
                        .map_or(0, crate::api::time::from_time),
                )
            })
            .collect()
    }

    fn created(api: &mut ApiServer, pods: std::ops::Range<usize>) {
        let source = Source::component("statefulset-controller");
        for i in pods {
            say(
                api,
                EventType::Normal,
                "SuccessfulCreate",
                &format!("create Pod web-{i} in StatefulSet web successful"),
                &source,
            );
            api.now += 1_000;
        }
    }

    #[test]
    fn identical_events_are_counted_on_one_event() {
        let mut api = ApiServer::new(1, 0);
        let source = Source::kubelet("node-1");
        for _ in 0..3 {
            say(&mut api, EventType::Warning, "BackOff", "Back-off", &source);
            api.now += 5_000;
        }
        assert_eq!(events(&api), vec![(3, "Back-off".into(), 0, 10_000)]);
    }

    #[test]
    fn the_tenth_different_message_starts_a_combined_event() {
        let mut api = ApiServer::new(1, 0);
        created(&mut api, 0..9);
        assert_eq!(events(&api).len(), 9);
        assert!(events(&api).iter().all(|e| e.0 == 1));
        // A message seen before is still counted on its own event.
        created(&mut api, 0..1);
        assert_eq!(events(&api)[0].0, 2);
        created(&mut api, 9..21);
        let evs = events(&api);
        assert_eq!(evs.len(), 10, "{evs:?}");
        // Messages 10 to 21 (web-9 to web-20): one event, counted.
        let combined = &evs[9];
        assert_eq!(
            combined.1,
            "(combined from similar events): create Pod web-20 in StatefulSet web successful"
        );
        assert_eq!((combined.0, combined.2, combined.3), (12, 10_000, 21_000));
        let stored = api
            .store
            .list(Kind::Event, None)
            .filter_map(|o| o.as_typed::<Event>())
            .find(|e| e.count == Some(12))
            .cloned()
            .unwrap();
        // Made afresh by the aggregator: no reporting controller or instance.
        assert_eq!(stored.reporting_component.as_deref(), Some(""));
        assert_eq!(stored.reason.as_deref(), Some("SuccessfulCreate"));
    }

    #[test]
    fn similar_events_ten_minutes_apart_start_over() {
        let mut api = ApiServer::new(1, 0);
        let source = Source::component("statefulset-controller");
        for i in 0..12 {
            say(
                &mut api,
                EventType::Normal,
                "SuccessfulDelete",
                &format!("delete Pod web-{i} in StatefulSet web successful"),
                &source,
            );
            // Just over the aggregation interval, but inside the spam budget's refill.
            api.now += AGGREGATE_INTERVAL_MS + 1;
        }
        assert!(events(&api)
            .iter()
            .all(|e| e.0 == 1 && !e.1.starts_with('(')));
        assert_eq!(events(&api).len(), 12);
    }

    #[test]
    fn the_spam_filter_lets_25_through_then_one_per_five_minutes() {
        let mut api = ApiServer::new(1, 0);
        let source = Source::kubelet("node-1");
        // Different reasons are never combined, yet share the object's budget.
        for i in 0..30 {
            say(
                &mut api,
                EventType::Normal,
                &format!("Reason{i}"),
                "same words",
                &source,
            );
        }
        assert_eq!(events(&api).len(), 25);
        // Another type has its own budget.
        api.record_event(sts(), None, EventType::Warning, "Failed", "x", &source);
        assert_eq!(events(&api).len(), 26);
        // A token comes back after 300 s, not before.
        api.now += 299_000;
        api.record_event(sts(), None, EventType::Normal, "Late", "x", &source);
        assert_eq!(events(&api).len(), 26);
        api.now += 1_000;
        api.record_event(sts(), None, EventType::Normal, "Later", "x", &source);
        assert_eq!(events(&api).len(), 27);
    }

    #[test]
    fn dropped_repeats_still_count() {
        // The logger counts an event before the filter drops it, so the next one that
        // gets through carries the count of all of them.
        let mut api = ApiServer::new(1, 0);
        let source = Source::kubelet("node-1");
        for _ in 0..30 {
            say(&mut api, EventType::Warning, "BackOff", "Back-off", &source);
        }
        assert_eq!(events(&api)[0].0, 25);
        api.now += 300_000;
        say(&mut api, EventType::Warning, "BackOff", "Back-off", &source);
        assert_eq!(events(&api)[0].0, 31);
    }

    #[test]
    fn a_statefulset_of_15_keeps_25_of_its_30_create_events() {
        let mut api = ApiServer::new(1, 0);
        let source = Source::component("statefulset-controller");
        for i in 0..15 {
            for message in [
                format!("create Claim www-web-{i} Pod web-{i} in StatefulSet web success"),
                format!("create Pod web-{i} in StatefulSet web successful"),
            ] {
                say(
                    &mut api,
                    EventType::Normal,
                    "SuccessfulCreate",
                    &message,
                    &source,
                );
            }
            api.now += 1_000;
        }
        let evs = events(&api);
        assert_eq!(evs.len(), 10);
        assert_eq!(
            evs[8].1,
            "create Claim www-web-4 Pod web-4 in StatefulSet web success"
        );
        assert_eq!(
            (evs[9].0, evs[9].1.as_str()),
            (
                16,
                "(combined from similar events): create Claim www-web-12 Pod web-12 in StatefulSet web success"
            )
        );
    }

    #[test]
    fn the_scheduler_only_counts_repeats() {
        let mut api = ApiServer::new(1, 0);
        let source = Source::component(UNCORRELATED_SOURCE);
        for i in 0..30 {
            say(
                &mut api,
                EventType::Normal,
                "Scheduled",
                &format!("Successfully assigned default/web-{i} to node-1"),
                &source,
            );
        }
        assert_eq!(events(&api).len(), 30);
    }

    #[test]
    fn hex_like_go() {
        for n in [0u64, 1, 15, 16, 255, 0x1829_42a3_4760_4033, u64::MAX] {
            let mut s = String::new();
            push_hex(&mut s, n);
            assert_eq!(s, format!("{n:x}"));
        }
    }
}
