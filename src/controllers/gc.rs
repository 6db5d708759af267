//! The garbage collector: keeps a graph of owner references and deletes dependents whose
//! owners are gone (background cascade), deletes dependents first for an owner marked
//! `foregroundDeletion`, and strips owner references for an owner marked `orphan`.

use crate::api::time::Millis;

use crate::apiserver::{
    remove_finalizer, DeleteOptions, Propagation, FOREGROUND_FINALIZER, ORPHAN_FINALIZER,
};
use crate::cluster::Ctx;
use crate::store::{EventType, ObjKey, WatchEvent};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Clone, Debug, Default)]
pub struct GarbageCollector {
    /// uid -> the object that has it.
    by_uid: FxHashMap<String, ObjKey>,
    /// owner uid -> dependents (a hash set: every watch event checks membership; the
    /// rare walks over it sort first, see `dependents_of`).
    dependents: FxHashMap<String, FxHashSet<ObjKey>>,
    /// Uids of owners in foreground deletion, waiting for their dependents to go: only
    /// these are re-checked when a dependent changes (most owners never are, and queueing
    /// the StatefulSet for every write to one of its pods or claims was wasted work).
    waiting: FxHashSet<String>,
}

impl GarbageCollector {
    /// The dependents of the owner with `uid`, in list order.
    fn dependents_of(&self, uid: &str) -> Vec<ObjKey> {
        let mut deps: Vec<ObjKey> = self
            .dependents
            .get(uid)
            .map(|d| d.iter().cloned().collect())
            .unwrap_or_default();
        deps.sort();
        deps
    }

    pub fn handle(&mut self, ev: &WatchEvent, push: &mut dyn FnMut(ObjKey, Millis)) {
        let obj = &ev.object;
        if obj.kind() == crate::api::Kind::Event {
            return;
        }
        let key = ev.key.clone();
        let uid = obj.uid();
        match ev.event_type {
            EventType::Deleted => {
                if self.by_uid.get(uid) == Some(&key) {
                    self.by_uid.remove(uid);
                }
                if !self.waiting.is_empty() {
                    self.waiting.remove(uid);
                }
                for owner in obj.meta().owner_references.iter().flatten() {
                    if let Some(d) = self.dependents.get_mut(&owner.uid) {
                        d.remove(&key);
                    }
                }
                // Its dependents may now be orphans to collect, and an owner waiting for
                // its dependents to go may now go itself.
                for d in self.dependents_of(uid) {
                    push(d, 0);
                }
                self.push_waiting_owners(obj.meta(), push);
            }
            _ => {
                // Most events are updates of objects already in the graph: change nothing then.
                if self.by_uid.get(uid) != Some(&key) {
                    self.by_uid.insert(uid.to_string(), key.clone());
                }
                for owner in obj.meta().owner_references.iter().flatten() {
                    let known = self
                        .dependents
                        .get(&owner.uid)
                        .is_some_and(|d| d.contains(&key));
                    if !known {
                        self.dependents
                            .entry(owner.uid.clone())
                            .or_default()
                            .insert(key.clone());
                    }
                }
                let fins = obj.meta().finalizers.as_deref().unwrap_or_default();
                let foreground =
                    obj.is_terminating() && fins.iter().any(|f| f == FOREGROUND_FINALIZER);
                if obj.is_terminating() && fins.iter().any(|f| f == ORPHAN_FINALIZER) || foreground
                {
                    push(key.clone(), 0);
                }
                if foreground {
                    self.waiting.insert(uid.to_string());
                } else if !self.waiting.is_empty() {
                    self.waiting.remove(uid);
                }
                self.push_waiting_owners(obj.meta(), push);
            }
        }
    }

    /// Re-check the owners of `meta` that wait in foreground deletion: a dependent of
    /// theirs changed or went.
    fn push_waiting_owners(&self, meta: &ObjectMeta, push: &mut dyn FnMut(ObjKey, Millis)) {
        if self.waiting.is_empty() {
            return;
        }
        for owner in meta.owner_references.iter().flatten() {
            if !self.waiting.contains(&owner.uid) {
                continue;
            }
            if let Some(key) = self.by_uid.get(&owner.uid) {
                push(key.clone(), 0);
            }
        }
    }

    pub fn reconcile(&mut self, key: &ObjKey, ctx: &mut Ctx) -> Option<Millis> {
        let obj = ctx.api.try_get(key)?.clone();
        let uid = obj.uid().to_string();
        let fins = obj.meta().finalizers.clone().unwrap_or_default();
        if obj.is_terminating() && fins.iter().any(|f| f == ORPHAN_FINALIZER) {
            for dep in self.dependents_of(&uid) {
                if let Some(mut d) = ctx.api.try_get(&dep).map(|o| o.as_ref().clone()) {
                    if let Some(refs) = d.meta_mut().owner_references.as_mut() {
                        refs.retain(|r| r.uid != uid);
                    }
                    if d.meta()
                        .owner_references
                        .as_ref()
                        .is_some_and(|r| r.is_empty())
                    {
                        d.meta_mut().owner_references = None;
                    }
                    let _ = ctx.api.update(d);
                }
            }
            self.dependents.remove(&uid);
            ctx.note(format!("orphaned the dependents of {key}"));
            let mut o = obj.as_ref().clone();
            remove_finalizer(o.meta_mut(), ORPHAN_FINALIZER);
            let _ = ctx.api.update(o);
            return None;
        }
        if obj.is_terminating() && fins.iter().any(|f| f == FOREGROUND_FINALIZER) {
            let deps: Vec<ObjKey> = self
                .dependents_of(&uid)
                .into_iter()
                .filter(|d| ctx.api.try_get(d).is_some())
                .collect();
            if deps.is_empty() {
                let mut o = obj.as_ref().clone();
                remove_finalizer(o.meta_mut(), FOREGROUND_FINALIZER);
                let _ = ctx.api.update(o);
                ctx.note(format!(
                    "{key}: all dependents gone; deleting it (foreground)"
                ));
            } else {
                for d in deps {
                    if ctx.api.try_get(&d).is_some_and(|o| !o.is_terminating()) {
                        let _ = ctx.api.delete(
                            &d,
                            &DeleteOptions {
                                propagation: Propagation::Foreground,
                                ..Default::default()
                            },
                        );
                        ctx.note(format!("deleting {d} before its owner {key} (foreground)"));
                    }
                }
            }
            return None;
        }
        // A dependent whose owners are all gone is deleted.
        let refs = obj.meta().owner_references.clone().unwrap_or_default();
        if refs.is_empty() || obj.is_terminating() {
            return None;
        }
        // Owners of kinds the sandbox does not serve (the system DaemonSets) are taken
        // to exist.
        let alive = refs.iter().any(|r| {
            crate::api::Kind::from_type_meta(&r.api_version, &r.kind).is_none()
                || self
                    .by_uid
                    .get(&r.uid)
                    .is_some_and(|k| ctx.api.try_get(k).is_some_and(|o| o.uid() == r.uid))
        });
        if !alive {
            let _ = ctx.api.delete(key, &DeleteOptions::default());
            ctx.note(format!(
                "deleted {key}: its owner is gone (garbage collection)"
            ));
        }
        None
    }
}
