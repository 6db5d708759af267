//! The `kubetutor` binary.
fn main() {}
