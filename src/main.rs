//! The `kubetutor` binary: the sandbox REPL by default (its state saved between runs),
//! `run FILE` to replay a command file, `repl` for the saved sandbox from piped stdin.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kubetutor::script::runner::{RunOptions, Runner};
use kubetutor::script::transcript;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the simulator allocates and frees many small objects (API types are trees of
/// strings and maps), and glibc's malloc spent a third of a large run on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "kubetutor",
    version,
    about = "A terminal tutor and sandbox for Kubernetes StatefulSets, over a simulated cluster"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Seed for names, UIDs and IPs.
    #[arg(long, default_value_t = 1, global = true)]
    seed: u64,
    /// Start the sandbox clean instead of restoring the saved one (which is kept as the
    /// snapshot `previous`).
    #[arg(long, global = true)]
    fresh: bool,
}

#[derive(Subcommand)]
enum Command {
    /// The sandbox with its saved state (the default on a terminal). With stdin that is
    /// not a terminal, reads commands from it, echoed as in `run`, and still restores and
    /// saves the sandbox.
    Repl,
    /// Replay a command file (`-` for stdin) against a fresh simulated cluster.
    Run {
        /// The file to replay.
        file: String,
        /// Do not echo each command as `$ <command>`.
        #[arg(long, short)]
        quiet: bool,
        /// Virtual time that passes after each command (e.g. 1s, 500ms).
        #[arg(long, default_value = "1s")]
        tick: String,
        /// Treat FILE as a transcript and compare its expected output.
        #[arg(long)]
        check: bool,
        /// Treat FILE as a transcript and rewrite its expected output.
        #[arg(long)]
        bless: bool,
    },
}

fn read_input(file: &str) -> Result<(String, PathBuf)> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading stdin")?;
        return Ok((s, std::env::current_dir().unwrap_or_default()));
    }
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {file}"))?;
    Ok((text, std::env::current_dir().unwrap_or_default()))
}

fn main() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Run {
            file,
            quiet,
            tick,
            check,
            bless,
        }) => {
            let tick_ms = kubetutor::kubectl::verbs::get::parse_duration_ms(&tick)
                .with_context(|| format!("invalid --tick {tick}"))?;
            let (text, base_dir) = read_input(&file)?;
            let options = RunOptions {
                seed: cli.seed,
                tick_ms,
                quiet,
                base_dir,
            };
            if bless {
                let blessed = transcript::replay(&text, options);
                std::fs::write(&file, blessed).with_context(|| format!("writing {file}"))?;
                return Ok(ExitCode::SUCCESS);
            }
            if check {
                return Ok(match transcript::check(&text, options) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(diff) => {
                        eprint!("{diff}");
                        ExitCode::FAILURE
                    }
                });
            }
            Ok(run_script(&text, options))
        }
        Some(Command::Repl) if !std::io::stdin().is_terminal() => {
            let (text, base_dir) = read_input("-")?;
            let options = RunOptions {
                seed: cli.seed,
                base_dir,
                ..Default::default()
            };
            Ok(
                match kubetutor::sandbox::piped::run(&text, options, cli.fresh) {
                    true => ExitCode::SUCCESS,
                    false => ExitCode::FAILURE,
                },
            )
        }
        Some(Command::Repl) => {
            kubetutor::repl::run(cli.seed, cli.fresh)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            if std::io::stdin().is_terminal() {
                kubetutor::repl::run(cli.seed, cli.fresh)?;
                Ok(ExitCode::SUCCESS)
            } else {
                let (text, base_dir) = read_input("-")?;
                Ok(run_script(
                    &text,
                    RunOptions {
                        seed: cli.seed,
                        base_dir,
                        ..Default::default()
                    },
                ))
            }
        }
    }
}

fn run_script(text: &str, options: RunOptions) -> ExitCode {
    let mut runner = Runner::new(options);
    let out = runner.run_text(text);
    // The transcript interleaves both streams; print it on stdout in order.
    print!("{}", out.text);
    if runner.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
