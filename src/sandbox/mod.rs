//! The learner's sandbox as something that lasts: where kubetutor keeps its files (the
//! data folder), and how they are written so that a crash or a full disk never leaves a
//! half-written file behind; and the language the tutor speaks.

pub mod home;
pub mod lang;
