//! Codec tests; expected kubectl texts were recorded from kubectl v1.32 unless a file
//! says otherwise.

mod emit_oracle;
mod limits;
mod manifest_oracle;
mod strict_tests;
