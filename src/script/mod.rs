//! Scripted command files: lexing them shell-style, replaying them against a session, and
//! transcript files that carry the expected output under each command.

pub mod demo;
pub mod host;
pub mod lexer;
pub mod record;
pub mod runner;
pub mod transcript;
