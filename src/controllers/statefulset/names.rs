//! The names a StatefulSet gives what it owns: pods `<set>-<ordinal>` and claims
//! `<template>-<set>-<ordinal>`, written without the formatting machinery (a sync of a
//! Parallel set names every replica and each of its claims), and the keys of each
//! ordinal's claims, made once per set.

use crate::api::Kind;
use crate::store::ObjKey;
use k8s_openapi::api::apps::v1::StatefulSet;
use rustc_hash::FxHashMap;

pub use crate::api::text::concat;
use crate::api::text::push_int;

/// `n` in decimal (`ordinal.to_string()`).
pub fn int(n: i32) -> String {
    crate::api::text::int(n)
}

/// `<set>-<ordinal>`: the name of the set's pod with that ordinal.
pub fn pod_name(set_name: &str, ordinal: i32) -> String {
    let mut out = String::with_capacity(set_name.len() + 12);
    out.push_str(set_name);
    out.push('-');
    push_int(&mut out, ordinal);
    out
}

/// `<template>-<set>-<ordinal>`: the claim a pod gets from one `volumeClaimTemplates` entry.
pub fn claim_name(template: &str, set_name: &str, ordinal: i32) -> String {
    let mut out = String::with_capacity(template.len() + set_name.len() + 13);
    out.push_str(template);
    out.push('-');
    out.push_str(set_name);
    out.push('-');
    push_int(&mut out, ordinal);
    out
}

/// The keys of the claims of each ordinal of one set, one per `volumeClaimTemplates`
/// entry, made on first need and kept: every sync of a Parallel set looks up every
/// replica's claims, and making the names and keys anew each time cost more than the
/// lookups themselves.
#[derive(Clone, Debug, Default)]
pub struct ClaimKeys {
    /// The template names the keys were made from (another list starts over).
    templates: Vec<String>,
    by_ordinal: FxHashMap<i32, Box<[ObjKey]>>,
}

impl ClaimKeys {
    /// Start over if the set's templates are not those the keys were made from (once per
    /// sync, before [`ClaimKeys::of`]).
    pub fn refresh(&mut self, sts: &StatefulSet) {
        let templates = sts
            .spec
            .as_ref()
            .and_then(|s| s.volume_claim_templates.as_deref())
            .unwrap_or_default();
        let same = self.templates.len() == templates.len()
            && self
                .templates
                .iter()
                .zip(templates)
                .all(|(a, t)| *a == t.metadata.name.as_deref().unwrap_or_default());
        if !same {
            self.templates = templates
                .iter()
                .map(|t| t.metadata.name.clone().unwrap_or_default())
                .collect();
            self.by_ordinal.clear();
        }
    }

    /// The keys for `ordinal` of `sts` (whose namespace and name are those this cache
    /// was made for: it is kept per set key; [`ClaimKeys::refresh`] has seen its templates).
    pub fn of(&mut self, sts: &StatefulSet, ordinal: i32) -> &[ObjKey] {
        let names = &self.templates;
        self.by_ordinal.entry(ordinal).or_insert_with(|| {
            let ns = sts.metadata.namespace.as_deref().unwrap_or_default();
            let set_name = sts.metadata.name.as_deref().unwrap_or_default();
            names
                .iter()
                .map(|t| {
                    ObjKey::new(
                        Kind::PersistentVolumeClaim,
                        ns,
                        &claim_name(t, set_name, ordinal),
                    )
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_as_formatted() {
        for n in [0, 7, 10, 99, 1234, i32::MAX, -1, i32::MIN] {
            assert_eq!(int(n), n.to_string());
            assert_eq!(pod_name("web", n), format!("web-{n}"));
            assert_eq!(claim_name("data", "web", n), format!("data-web-{n}"));
        }
        let mut s = String::new();
        push_int(&mut s, i64::MIN);
        assert_eq!(s, i64::MIN.to_string());
        assert_eq!(concat(&["a", "", "bc"]), "abc");
    }
}
