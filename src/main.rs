//! The `kubetutor` binary: the sandbox REPL by default, `run FILE` to replay a command file.

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
}

#[derive(Subcommand)]
enum Command {
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
    /// List the lessons, with your progress.
    Lessons,
    /// Play a lesson (`lesson ID`, `lesson --path DIR`), or check a lesson folder
    /// (`lesson check DIR`).
    #[command(args_conflicts_with_subcommands = true)]
    Lesson {
        #[command(subcommand)]
        action: Option<LessonAction>,
        /// The lesson's id (or a unique prefix of it, e.g. 004).
        id: Option<String>,
        /// Play the lesson in this folder (a teacher's own).
        #[arg(long)]
        path: Option<PathBuf>,
        /// Language: en, vi or es (default: from the locale, else English).
        #[arg(long)]
        lang: Option<String>,
        /// Play every step's commands unattended and check every goal.
        #[arg(long)]
        auto: bool,
    },
}

#[derive(Subcommand)]
enum LessonAction {
    /// Validate a lesson folder (or its lesson.yaml), with line-numbered errors.
    Check { dir: PathBuf },
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
        Some(Command::Lessons) => Ok(kubetutor::lessons::cli::list()),
        Some(Command::Lesson {
            action: Some(LessonAction::Check { dir }),
            ..
        }) => Ok(kubetutor::lessons::cli::check(&dir)),
        Some(Command::Lesson {
            action: None,
            id,
            path,
            lang,
            auto,
        }) => kubetutor::lessons::cli::play(
            id.as_deref(),
            path.as_deref(),
            lang.as_deref(),
            auto,
            cli.seed,
        ),
        None => {
            if std::io::stdin().is_terminal() {
                kubetutor::repl::run(cli.seed)?;
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
