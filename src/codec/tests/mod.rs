//! Codec tests; expected kubectl texts were recorded from kubectl v1.32 unless a file
//! says otherwise.

mod strict_tests;
mod manifest_oracle;
mod emit_oracle;
mod limits;
