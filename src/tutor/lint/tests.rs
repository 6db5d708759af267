//! Unit tests of the lint rules.
