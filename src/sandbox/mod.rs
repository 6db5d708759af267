//! The learner's sandbox as something that lasts: where kubetutor keeps its files (the
//! data folder), and how they are written so that a crash or a full disk never leaves a
//! half-written file behind; the language the tutor speaks; and the sandbox's state as a
//! journal of inputs (saved after every command, replayed on start), with the commands
//! that work on it (`reset`, `save`, `load`, `undo`, `time`, `advance`).

pub mod clock;
pub mod commands;
pub mod home;
pub mod journal;
pub mod lang;
pub mod piped;
pub mod record;
pub mod replay;
pub mod saved;
pub mod snapshots;
