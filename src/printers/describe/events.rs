//! The Events section of every describer: the core/v1 events about the object (matched
//! as kubectl's field selector does: involved object name, namespace, kind and uid),
//! oldest first, in their own aligned table.

use super::writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::api::time::{from_time, Millis};
use crate::api::Object;
use crate::printers::duration::since;
use crate::store::Store;
use k8s_openapi::api::core::v1::Event;
use std::sync::Arc;

/// Events whose involved object is `obj`, in store order.
pub(crate) fn events_for(obj: &Object, store: &Store) -> Vec<Arc<Object>> {
    let namespaced = obj.kind().info().namespaced;
    let ns = namespaced.then(|| obj.namespace());
    store
        .list(crate::api::Kind::Event, ns)
        .filter(|e| {
            let Some(ev) = e.as_typed::<Event>() else {
                return false;
            };
            let r = &ev.involved_object;
            r.name.as_deref().unwrap_or("") == obj.name()
                && r.kind.as_deref().unwrap_or("") == obj.kind().info().name
                && (!namespaced || r.namespace.as_deref().unwrap_or("") == obj.namespace())
                && (obj.uid().is_empty() || r.uid.as_deref().unwrap_or("") == obj.uid())
        })
        .cloned()
        .collect()
}

/// `DescribeEvents`.
pub(crate) fn describe_events(w: &mut DescribeWriter, obj: &Object, store: &Store, now: Millis) {
    let found = events_for(obj, store);
    let mut events: Vec<&Event> = found.iter().filter_map(|o| o.as_typed::<Event>()).collect();
    if events.is_empty() {
        w.write(LEVEL_0, "Events:\t<none>\n");
        return;
    }
    w.flush();
    // SortableEvents: by lastTimestamp (absent = Go's zero time, first).
    events.sort_by_key(|e| e.last_timestamp.as_ref().map(from_time).unwrap_or(i64::MIN));
    w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
    for e in events {
        // Unlike the events table, describe prefers eventTime for the first sighting.
        let first = e
            .event_time
            .as_ref()
            .map(crate::api::time::from_micro_time)
            .or_else(|| e.first_timestamp.as_ref().map(from_time));
        let first_since = since(first, now);
        let count = e.count.unwrap_or(0);
        let interval = if let Some(series) = &e.series {
            let last = series
                .last_observed_time
                .as_ref()
                .map(crate::api::time::from_micro_time);
            format!(
                "{} (x{} over {})",
                since(last, now),
                series.count.unwrap_or(0),
                first_since
            )
        } else if count > 1 {
            let last = e.last_timestamp.as_ref().map(from_time);
            format!("{} (x{} over {})", since(last, now), count, first_since)
        } else {
            first_since
        };
        let source = e
            .source
            .as_ref()
            .and_then(|s| s.component.clone())
            .filter(|c| !c.is_empty())
            .or_else(|| e.reporting_component.clone())
            .unwrap_or_default();
        w.write(
            LEVEL_1,
            &format!(
                "{}\t{}\t{}\t{}\t{}\n",
                e.type_.as_deref().unwrap_or(""),
                e.reason.as_deref().unwrap_or(""),
                interval,
                source,
                e.message.as_deref().unwrap_or("").trim()
            ),
        );
    }
}
