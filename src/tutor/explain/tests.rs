//! Unit tests of the explanation rules.
