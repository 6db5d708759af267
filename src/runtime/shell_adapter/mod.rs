//! `sh`, `dash`, `ash` and `bash` run inside a container: option handling (`-c SCRIPT
//! [NAME [ARGS]]`, a script file, or the script on stdin) and the interpreter call.
//!
//! The interpreter is the sandbox's one shell, `crate::shell::Shell`, in the image's
//! dialect, with the container as its [`crate::shell::Host`].

use super::applets::Call;
use super::host::{PodHost, MAX_SH_DEPTH};
use crate::kubectl::output::Sink;
use crate::shell::Dialect;

/// Run `sh` as `call.argv` asks; returns the exit status.
pub fn run_sh(host: &mut PodHost<'_>, dialect: Dialect, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let prog = match dialect {
        Dialect::Bash => "bash",
        _ => "sh",
    };
    if host.depth >= MAX_SH_DEPTH {
        io.err(&format!(
            "{prog}: kubetutor: shells nested more than {MAX_SH_DEPTH} deep\n"
        ));
        return 2;
    }
    let args = call.args();
    let mut script: Option<String> = None;
    let mut name = call.argv.first().cloned().unwrap_or_else(|| prog.into());
    let mut positional: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a.len() > 1 && a.starts_with('-') && a != "--" && !a.starts_with("--") {
            if a.contains('c') {
                let Some(text) = args.get(i + 1) else {
                    match dialect {
                        Dialect::Dash => io.err("sh: 0: -c requires an argument\n"),
                        Dialect::Ash => io.err("sh: -c requires an argument\n"),
                        Dialect::Bash => io.err("bash: -c: option requires an argument\n"),
                    }
                    return 2;
                };
                script = Some(text.clone());
                if let Some(n) = args.get(i + 2) {
                    name = n.clone();
                    positional = args[i + 3..].to_vec();
                }
                break;
            }
            i += 1;
            continue;
        }
        if a.starts_with("--") {
            i += 1;
            continue;
        }
        let read = host.fs().map(|fs| fs.read(call.cwd, a));
        match read {
            Some(Ok(text)) => {
                script = Some(text);
                name = a.clone();
                positional = args[i + 1..].to_vec();
            }
            Some(Err(e)) => {
                match dialect {
                    Dialect::Dash => io.err(&format!("sh: 0: cannot open {a}: No such file\n")),
                    Dialect::Ash => io.err(&format!("sh: can't open '{a}': {e}\n")),
                    Dialect::Bash => io.err(&format!("bash: {a}: {e}\n")),
                }
                return if dialect == Dialect::Bash { 127 } else { 2 };
            }
            None => return 2,
        }
        break;
    }
    let script = match script {
        Some(s) => s,
        None => match call.stdin {
            Some(s) => s.to_string(),
            // No terminal and nothing to read: the shell reads end-of-file and exits.
            None => return 0,
        },
    };
    host.depth += 1;
    let code = run_script(
        host,
        dialect,
        &script,
        &name,
        &positional,
        call.env,
        call.cwd,
        io,
    );
    host.depth -= 1;
    code
}

/// Run `script` in `host` with `$0` = `name` and `$1...` = `args`.
#[allow(clippy::too_many_arguments)]
pub fn run_script(
    host: &mut PodHost<'_>,
    dialect: Dialect,
    script: &str,
    name: &str,
    args: &[String],
    env: &[(String, String)],
    cwd: &str,
    io: &mut dyn Sink,
) -> i32 {
    let mut shell = crate::shell::Shell::new(dialect, env.to_vec(), cwd);
    shell.interactive = false;
    shell.set_args(name, args);
    shell.run(script, host, io).code()
}
