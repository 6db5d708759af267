//! The lessons and the seed manifests they use are built into the binary (include_dir in
//! `src/lessons/embedded.rs`): rebuild when a file under either folder changes.

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=fixtures");
}
