//! Output templates: `-o jsonpath=...` and `-o go-template=...`.
