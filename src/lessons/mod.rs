//! Lessons: the seed documents replayed step by step, with goals checked against the
//! simulated cluster.
//!
//! A lesson is data: a folder under `lessons/` with a `lesson.yaml` a teacher writes
//! (format in `lessons/README.md`) and the manifests it uses. The engine:
//! - [`model`]: the file's serde model, [`load`]: reading and checking it with line
//!   numbers ([`locate`] finds the lines, [`commands`] checks the commands);
//! - [`goals`]: the goal vocabulary evaluated over a session;
//! - [`player`]: one lesson being played, [`host`]: the prompt's lesson commands and
//!   progress ([`progress`]), [`catalog`]: the lessons on offer (built in by
//!   [`embedded`]) and their table;
//! - [`auto`]: unattended play for CI and `--auto`; [`ui`]: the player's own words.

pub mod auto;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod embedded;
pub mod goals;
pub mod host;
pub mod journal;
pub mod load;
pub mod locate;
pub mod model;
pub mod player;
pub mod progress;
pub mod ui;

pub use load::{load, Lesson};
pub use player::Player;
