//! Scripted command files: lexing them shell-style, replaying them against a session, and
//! transcript files that carry the expected output under each command.

pub mod host;
pub mod lexer;
pub mod runner;
pub mod transcript;
