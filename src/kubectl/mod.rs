//! The kubectl front end: the command-line table and parser, the verbs, the session they
//! run in, and kubectl's error wording. Everything goes through the simulated apiserver.

pub mod attach;
pub mod cli;
pub mod errors;
pub mod honored;
pub mod host_files;
pub mod output;
pub mod resources;
pub mod session;
pub mod verbs;
pub mod workspace;
