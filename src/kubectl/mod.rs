//! The kubectl front end: command-line parsing now; verbs and printers come alongside.

pub mod cli;
