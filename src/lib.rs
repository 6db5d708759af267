//! kubetutor: a terminal tutor and sandbox for learning Kubernetes StatefulSets.
//!
//! The crate mirrors the real architecture: `store` plays etcd, `apiserver` serves the API
//! (admission, defaulting, validation), `controllers`, `scheduler` and `kubelet` reconcile
//! on a virtual clock, and `kubectl` is the front end with its printers. `script` and `repl`
//! are thin layers over one `cluster::Cluster`.

pub mod admission;
pub mod api;
pub mod apiserver;
pub mod cluster;
pub mod codec;
pub mod controllers;
pub mod drills;
pub mod kubectl;
pub mod kubelet;
pub mod lessons;
pub mod map;
pub mod network;
pub mod printers;
pub mod repl;
pub mod runtime;
pub mod sandbox;
pub mod scheduler;
pub mod script;
pub mod shell;
pub mod store;
pub mod templates;
pub mod tutor;
