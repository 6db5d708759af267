//! The kind registry: every API type the sandbox serves, with the names kubectl resolves
//! (plural, singular, short names, group) and whether it lives in a namespace.
//!
//! This is the discovery document of our apiserver. One table drives resource-name
//! resolution in kubectl, `kubectl api-resources`, `get all` and the printers' kind prefixes.

use std::fmt;

/// Every kind the simulated apiserver stores.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Kind {
    Namespace,
    Node,
    StorageClass,
    PersistentVolume,
    Pod,
    Service,
    Endpoints,
    EndpointSlice,
    PersistentVolumeClaim,
    StatefulSet,
    Deployment,
    ReplicaSet,
    ControllerRevision,
    Event,
    ConfigMap,
    Secret,
    ServiceAccount,
}

/// Discovery facts about one kind.
#[derive(Debug)]
pub struct KindInfo {
    pub kind: Kind,
    /// The Kind string as in `kind:` (`StatefulSet`).
    pub name: &'static str,
    /// Resource name (`statefulsets`).
    pub plural: &'static str,
    /// Singular resource name (`statefulset`).
    pub singular: &'static str,
    pub short_names: &'static [&'static str],
    /// API group; empty for the core group.
    pub group: &'static str,
    pub version: &'static str,
    pub namespaced: bool,
    /// Member of the `all` category (`kubectl get all`).
    pub in_all: bool,
}

impl KindInfo {
    /// `apps/v1` or `v1`.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.to_string()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// `statefulset.apps` / `pod`: the lower-case kind with its group, as kubectl's
    /// name printer and success messages show it.
    pub fn kind_group(&self) -> String {
        let lower = self.name.to_lowercase();
        if self.group.is_empty() {
            lower
        } else {
            format!("{}.{}", lower, self.group)
        }
    }

    /// `statefulsets.apps` / `pods`: the resource with its group, as the apiserver's
    /// NotFound and AlreadyExists messages show it.
    pub fn resource_group(&self) -> String {
        if self.group.is_empty() {
            self.plural.to_string()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }
}

macro_rules! kinds {
    ($( $kind:ident, $plural:literal, $singular:literal, [$($short:literal),*], $group:literal, $version:literal, $ns:literal, $all:literal; )*) => {
        /// The registry, in discovery order (the order `kubectl api-resources` and `get all` use).
        pub static KINDS: &[KindInfo] = &ROWS;

        const ROWS: [KindInfo; [$(stringify!($kind)),*].len()] = [
            $( KindInfo {
                kind: Kind::$kind,
                name: stringify!($kind),
                plural: $plural,
                singular: $singular,
                short_names: &[$($short),*],
                group: $group,
                version: $version,
                namespaced: $ns,
                in_all: $all,
            }, )*
        ];

        /// Each kind's row in `ROWS`, indexed by the kind's discriminant.
        const ROW_OF: [usize; ROWS.len()] = {
            let mut rows = [0; ROWS.len()];
            let mut i = 0;
            while i < ROWS.len() {
                rows[ROWS[i].kind as usize] = i;
                i += 1;
            }
            rows
        };
    };
}

kinds! {
    ConfigMap, "configmaps", "configmap", ["cm"], "", "v1", true, false;
    Endpoints, "endpoints", "endpoints", ["ep"], "", "v1", true, false;
    Event, "events", "event", ["ev"], "", "v1", true, false;
    Namespace, "namespaces", "namespace", ["ns"], "", "v1", false, false;
    Node, "nodes", "node", ["no"], "", "v1", false, false;
    PersistentVolumeClaim, "persistentvolumeclaims", "persistentvolumeclaim", ["pvc"], "", "v1", true, false;
    PersistentVolume, "persistentvolumes", "persistentvolume", ["pv"], "", "v1", false, false;
    Pod, "pods", "pod", ["po"], "", "v1", true, true;
    Secret, "secrets", "secret", [], "", "v1", true, false;
    ServiceAccount, "serviceaccounts", "serviceaccount", ["sa"], "", "v1", true, false;
    Service, "services", "service", ["svc"], "", "v1", true, true;
    ControllerRevision, "controllerrevisions", "controllerrevision", [], "apps", "v1", true, false;
    Deployment, "deployments", "deployment", ["deploy"], "apps", "v1", true, true;
    ReplicaSet, "replicasets", "replicaset", ["rs"], "apps", "v1", true, true;
    StatefulSet, "statefulsets", "statefulset", ["sts"], "apps", "v1", true, true;
    EndpointSlice, "endpointslices", "endpointslice", [], "discovery.k8s.io", "v1", true, false;
    StorageClass, "storageclasses", "storageclass", ["sc"], "storage.k8s.io", "v1", false, false;
}

impl Kind {
    pub fn info(self) -> &'static KindInfo {
        // Every Kind has a registry row (a test checks it), so ROW_OF covers them all.
        &KINDS[ROW_OF[self as usize]]
    }

    /// Find a kind by its `kind:` string and `apiVersion:` as a manifest names it.
    pub fn from_type_meta(api_version: &str, kind: &str) -> Option<Kind> {
        KINDS
            .iter()
            .find(|k| k.name == kind && k.api_version() == api_version)
            .map(|k| k.kind)
    }

    /// Resolve what a user typed as a resource type (`po`, `pods`, `Pod`,
    /// `statefulsets.apps`, `sts.v1.apps`), case-insensitively, as kubectl's RESTMapper does.
    pub fn resolve(typed: &str) -> Option<Kind> {
        let lower = typed.to_lowercase();
        let (name, group) = match lower.split_once('.') {
            Some((n, rest)) => {
                // `statefulsets.v1.apps` carries a version before the group.
                let group = match rest.split_once('.') {
                    Some((v, g))
                        if v.starts_with('v')
                            && v[1..].chars().all(|c| c.is_ascii_alphanumeric())
                            && KINDS.iter().any(|k| k.group == g) =>
                    {
                        g.to_string()
                    }
                    _ => rest.to_string(),
                };
                (n.to_string(), Some(group))
            }
            None => (lower.clone(), None),
        };
        let matches = |k: &KindInfo| {
            k.plural == name
                || k.singular == name
                || k.name.to_lowercase() == name
                || k.short_names.contains(&name.as_str())
        };
        KINDS
            .iter()
            .find(|k| {
                matches(k)
                    && match &group {
                        Some(g) => k.group == g || (g == "core" && k.group.is_empty()),
                        None => true,
                    }
            })
            .map(|k| k.kind)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.info().name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_finds_its_own_row() {
        // Rows are distinct kinds whose discriminants cover 0..len (the const table
        // would not compile otherwise), and the last variant has one too.
        let mut seen: Vec<usize> = KINDS.iter().map(|r| r.kind as usize).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), KINDS.len());
        for row in KINDS {
            assert_eq!(row.kind.info().name, row.name);
        }
        assert_eq!(Kind::ServiceAccount.info().plural, "serviceaccounts");
    }

    #[test]
    fn resolves_every_spelling_kubectl_accepts() {
        for typed in [
            "sts",
            "statefulset",
            "statefulsets",
            "StatefulSet",
            "statefulsets.apps",
            "sts.apps",
            "statefulsets.v1.apps",
        ] {
            assert_eq!(Kind::resolve(typed), Some(Kind::StatefulSet), "{typed}");
        }
        assert_eq!(Kind::resolve("po"), Some(Kind::Pod));
        assert_eq!(Kind::resolve("ev"), Some(Kind::Event));
        assert_eq!(Kind::resolve("podz"), None);
        assert_eq!(Kind::resolve("pods.apps"), None);
    }

    #[test]
    fn names_in_messages() {
        assert_eq!(Kind::StatefulSet.info().kind_group(), "statefulset.apps");
        assert_eq!(Kind::Pod.info().kind_group(), "pod");
        assert_eq!(
            Kind::StatefulSet.info().resource_group(),
            "statefulsets.apps"
        );
        assert_eq!(
            Kind::StorageClass.info().kind_group(),
            "storageclass.storage.k8s.io"
        );
    }
}
