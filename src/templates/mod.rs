//! Output templates: `-o jsonpath=...` (kubectl's JSONPath dialect) and
//! `-o go-template=...` / `--template` (Go text/template via gtmpl).

pub mod gotemplate;
mod gotemplate_limits;
pub mod jsonpath;

#[cfg(test)]
mod tests;
