//! Printers: what `kubectl get` and `kubectl describe` print for stored objects.
//!
//! Everything here is a pure function of objects (plus the store for describe's
//! cross-references) and the virtual clock, so the kubectl verbs can render the same bytes
//! real kubectl v1.32 prints: server-side table columns (`table`), the tab writer both
//! commands format with (`tabwriter`), the human durations of AGE columns (`duration`),
//! the `kind.group/name` form (`name`) and the describers (`describe`).

pub mod custom_columns;
pub mod describe;
pub mod duration;
pub mod name;
pub mod quantity;
pub mod selector;
pub mod sort;
pub mod table;
pub mod tabwriter;

pub use describe::describe;
pub use duration::human_duration;
pub use name::name_of;
pub use table::{table_for, watch_row, Table, TableOptions, TableWriter};
