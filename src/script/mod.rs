//! Script lexing.

pub mod lexer;
