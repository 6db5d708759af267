//! Line filters as pure functions over text: what `grep`, `head`, `tail`, `wc`, `sort`,
//! `tr` print for an input. Hosts offer them as commands (the sandbox's own terminal, and
//! the pods' applets can reuse them).
