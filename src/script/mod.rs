//! Scripted command files: lexing them shell-style, replaying them against a session,
//! transcript files that carry the expected output under each command, presenting them
//! as a demo, and recording a live session as a transcript.

pub mod demo;
pub mod host;
pub mod lexer;
pub mod record;
pub mod runner;
pub mod transcript;
