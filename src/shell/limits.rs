//! The sandbox's bounds on one shell. A script can loop forever, nest without end or print
//! without end; these stop it with a `kubetutor: ...` message instead of hanging the
//! sandbox or overflowing its stack.

/// Bounds on what one [`crate::shell::Shell::run`] may do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// How deep commands may nest: each compound command (`if`, `for`, `{ }`, ...),
    /// function call, subshell, `$(...)`, `eval` and `.` is one level, and so is each
    /// level of nested syntax in the parser. Past it: a message and status 2.
    pub max_depth: usize,
    /// Commands (builtins, functions, host commands, loop rounds) one `run` may execute;
    /// `while true; do :; done` stops here.
    pub max_commands: u64,
    /// Bytes one `run` may print (stdout and stderr together), and the most a pipe, a
    /// `$(...)` or a redirected file may hold; the output is cut there with a message.
    pub max_output_bytes: usize,
    /// The largest value a variable may hold.
    pub max_var_bytes: usize,
    /// The longest script text `run` accepts.
    pub max_script_bytes: usize,
    /// The most words one glob or brace expansion may produce.
    pub max_fields: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_commands: 100_000,
            max_output_bytes: 1024 * 1024,
            max_var_bytes: 256 * 1024,
            max_script_bytes: 1024 * 1024,
            max_fields: 10_000,
        }
    }
}
