//! The generic part of strict decoding (kept apart so it is compiled once per kind and
//! rarely touched): deserialize a k8s-openapi type from JSON while recording every field
//! the type does not know (serde_ignored) and where a type error happened
//! (serde_path_to_error).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// One step of a path into a JSON document.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// A serde failure and where it happened.
#[derive(Debug)]
pub(crate) struct Failure {
    pub path: Vec<Seg>,
    pub message: String,
}

fn ignored_path(p: &serde_ignored::Path, out: &mut Vec<Seg>) {
    use serde_ignored::Path;
    match p {
        Path::Root => {}
        Path::Seq { parent, index } => {
            ignored_path(parent, out);
            out.push(Seg::Index(*index));
        }
        Path::Map { parent, key } => {
            ignored_path(parent, out);
            out.push(Seg::Key(key.clone()));
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent, out),
    }
}

/// Decode `T`, returning it with the paths of unknown fields in encounter order.
pub(crate) fn decode_tracked<T: DeserializeOwned>(
    v: &Value,
) -> Result<(T, Vec<Vec<Seg>>), Failure> {
    let mut unknown = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let result = {
        let de = serde_path_to_error::Deserializer::new(v, &mut track);
        serde_ignored::deserialize(de, |p| {
            let mut segs = Vec::new();
            ignored_path(&p, &mut segs);
            unknown.push(segs);
        })
    };
    match result {
        Ok(t) => Ok((t, unknown)),
        Err(e) => {
            let path = track
                .path()
                .iter()
                .filter_map(|s| match s {
                    serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                    serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                    _ => None,
                })
                .collect();
            Err(Failure {
                path,
                message: e.to_string(),
            })
        }
    }
}

macro_rules! dispatch {
    ($($variant:ident),* $(,)?) => {
        /// Decode `v` as the k8s-openapi type of `kind`.
        pub(crate) fn decode_kind(
            kind: crate::api::kinds::Kind,
            v: &Value,
        ) -> Result<(crate::api::Object, Vec<Vec<Seg>>), Failure> {
            use crate::api::kinds::Kind;
            use crate::api::Object;
            match kind {
                $(Kind::$variant => decode_tracked(v).map(|(o, u)| (Object::$variant(o), u)),)*
            }
        }
    };
}

dispatch! {
    Namespace, Node, StorageClass, PersistentVolume, Pod, Service, Endpoints, EndpointSlice,
    PersistentVolumeClaim, StatefulSet, Deployment, ReplicaSet, ControllerRevision, Event,
    ConfigMap, Secret, ServiceAccount,
}
