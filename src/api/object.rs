//! `Object`: one enum over the k8s-openapi types the sandbox serves, so every stored
//! object is the real API type (real field names, real `-o yaml`), with the few generic
//! accessors the store, controllers and printers need.

use super::kinds::Kind;
use k8s_openapi::api::apps::v1::{ControllerRevision, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::{
    ConfigMap, Endpoints, Event, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod,
    Secret, Service, ServiceAccount,
};
use k8s_openapi::api::discovery::v1::EndpointSlice;
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

macro_rules! objects {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// A stored API object of any served kind. Each variant is boxed: the k8s-openapi
        /// types are large and uneven (a PersistentVolume is 3.5 KB inline, an Event 1 KB,
        /// a Namespace far less), and an unboxed enum is as large as its largest variant,
        /// so every Event stored, moved or copied paid for a PersistentVolume. Build one
        /// with `Object::from(value)`; patterns bind a `Box` that derefs to the type.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Object {
            $($variant(Box<$ty>),)*
        }

        impl Object {
            pub fn kind(&self) -> Kind {
                match self { $(Object::$variant(_) => Kind::$variant,)* }
            }

            pub fn meta(&self) -> &ObjectMeta {
                match self { $(Object::$variant(o) => &o.metadata,)* }
            }

            pub fn meta_mut(&mut self) -> &mut ObjectMeta {
                match self { $(Object::$variant(o) => &mut o.metadata,)* }
            }

            /// The object as JSON, with `apiVersion` and `kind` (keys sorted, as kubectl prints).
            pub fn to_json(&self) -> serde_json::Value {
                let v = match self {
                    $(Object::$variant(o) => serde_json::to_value(o),)*
                };
                v.expect("k8s-openapi types always serialize")
            }

            /// Build an object of `kind` from JSON without strictness (for trusted data:
            /// patches applied to stored objects, snapshots). User input goes through
            /// `manifest::decode` which reports unknown fields as the apiserver does.
            pub fn from_json_lenient(kind: Kind, value: serde_json::Value) -> Result<Object, serde_json::Error> {
                Ok(match kind {
                    $(Kind::$variant => Object::$variant(Box::new(serde_json::from_value(value)?)),)*
                })
            }
        }

        $(
            impl From<$ty> for Object {
                fn from(o: $ty) -> Object { Object::$variant(Box::new(o)) }
            }
        )*
    };
}

objects! {
    Namespace(Namespace),
    Node(Node),
    StorageClass(StorageClass),
    PersistentVolume(PersistentVolume),
    Pod(Pod),
    Service(Service),
    Endpoints(Endpoints),
    EndpointSlice(EndpointSlice),
    PersistentVolumeClaim(PersistentVolumeClaim),
    StatefulSet(StatefulSet),
    Deployment(Deployment),
    ReplicaSet(ReplicaSet),
    ControllerRevision(ControllerRevision),
    Event(Event),
    ConfigMap(ConfigMap),
    Secret(Secret),
    ServiceAccount(ServiceAccount),
}

/// Typed access to the variant inside an `Object`.
pub trait Typed: Sized {
    fn from_object(o: &Object) -> Option<&Self>;
}

macro_rules! typed {
    ($($variant:ident($ty:ty)),*) => {
        $(impl Typed for $ty {
            fn from_object(o: &Object) -> Option<&Self> {
                match o { Object::$variant(x) => Some(x), _ => None }
            }
        })*
    };
}

typed! {
    Namespace(Namespace), Node(Node), StorageClass(StorageClass), PersistentVolume(PersistentVolume),
    Pod(Pod), Service(Service), Endpoints(Endpoints), EndpointSlice(EndpointSlice),
    PersistentVolumeClaim(PersistentVolumeClaim), StatefulSet(StatefulSet), Deployment(Deployment),
    ReplicaSet(ReplicaSet), ControllerRevision(ControllerRevision), Event(Event), ConfigMap(ConfigMap),
    Secret(Secret), ServiceAccount(ServiceAccount)
}

impl Object {
    pub fn name(&self) -> &str {
        self.meta().name.as_deref().unwrap_or("")
    }

    pub fn namespace(&self) -> &str {
        self.meta().namespace.as_deref().unwrap_or("")
    }

    pub fn uid(&self) -> &str {
        self.meta().uid.as_deref().unwrap_or("")
    }

    pub fn as_typed<T: Typed>(&self) -> Option<&T> {
        T::from_object(self)
    }

    pub fn is_terminating(&self) -> bool {
        self.meta().deletion_timestamp.is_some()
    }
}
