//! The `kubetutor` binary: the sandbox REPL by default (its state saved between runs),
//! `run FILE` to replay a command file (or check, bless or present it as a demo), `repl`
//! for the saved sandbox from piped stdin, `map` to export the cluster map, `lint`.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kubetutor::script::demo::{self, DemoOptions, Presenter};
use kubetutor::script::record::Recorder;
use kubetutor::script::runner::{RunOptions, Runner};
use kubetutor::script::transcript;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the simulator allocates and frees many small objects (API types are trees of
/// strings and maps), and glibc's malloc spent a third of a large run on them. Built
/// without transparent huge pages (Cargo.toml, `no_thp`): with them, a large run was
/// faster at best but now and then spent over a second in the kernel getting them.
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
    /// Do not add the tutor's explanations after failed commands.
    #[arg(long, global = true)]
    no_tutor: bool,
    /// The tutor's language: en, vi or es (default: from the locale, else English).
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Write a transcript of the session to FILE (`$ cmd` lines and their output), which
    /// `kubetutor run --check FILE` replays. While recording, the cluster clock moves one
    /// tick per command, as in a scripted file, so the replay matches.
    #[arg(long, value_name = "FILE")]
    record: Option<PathBuf>,
    /// In the sandbox: cluster seconds per wall-clock second (the `speed` command changes it).
    #[arg(long, default_value = "1", value_parser = kubetutor::repl::clock::parse_speed)]
    speed: f64,
    /// In the sandbox: vi key bindings instead of emacs ones (`set -o vi` switches too).
    #[arg(long)]
    vi: bool,
    /// Start the sandbox clean instead of restoring the saved one (which is kept as the
    /// snapshot `previous`).
    #[arg(long)]
    fresh: bool,
}

#[derive(Subcommand)]
enum Command {
    /// The sandbox with its saved state (the default on a terminal). With stdin that is
    /// not a terminal, reads commands from it, echoed as in `run`, and still restores and
    /// saves the sandbox.
    Repl {
        /// Start the sandbox clean instead of restoring the saved one (which is kept as
        /// the snapshot `previous`).
        #[arg(long)]
        fresh: bool,
    },
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
        /// Present FILE: type each command out, wait for Enter (or --pause), and run a
        /// line the presenter types at a pause before going on.
        #[arg(long, conflicts_with_all = ["check", "bless", "quiet"])]
        demo: bool,
        /// In --demo, wait this many seconds instead of for Enter.
        #[arg(long, value_name = "SECONDS", requires = "demo")]
        pause: Option<f64>,
        /// In --demo, characters typed per second.
        #[arg(long, value_name = "CPS", default_value_t = 25.0, requires = "demo")]
        typing_speed: f64,
        /// In --demo, type at once (tests).
        #[arg(long, hide = true, requires = "demo")]
        no_typing_delay: bool,
    },
    /// Draw the cluster map (Services over pods over claims over volumes) for slides.
    Map {
        #[command(flatten)]
        args: kubetutor::map::MapArgs,
        /// A command file (or transcript) replayed first to build the cluster; without
        /// it, the sandbox's cluster.
        file: Option<String>,
    },
    /// Review manifests for StatefulSet pitfalls before applying them (exit 1 on findings).
    Lint {
        /// The manifests to review together.
        #[arg(required = true)]
        files: Vec<String>,
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
    let lang = match &cli.lang {
        Some(code) => kubetutor::sandbox::lang::Lang::parse(code)
            .with_context(|| format!("invalid --lang {code} (en, vi or es)"))?,
        None => kubetutor::sandbox::lang::Lang::from_env(),
    };
    match cli.command {
        Some(Command::Lint { files }) => {
            let mut sink = kubetutor::kubectl::output::Terminal;
            let read = |f: &str| std::fs::read_to_string(f).map_err(|e| e.to_string());
            let code = kubetutor::tutor::lint::run(&files, read, None, &mut sink);
            Ok(ExitCode::from(code.clamp(0, 255) as u8))
        }
        Some(Command::Run {
            file,
            quiet,
            tick,
            check,
            bless,
            demo,
            pause,
            typing_speed,
            no_typing_delay,
        }) => {
            let tick_ms = kubetutor::kubectl::verbs::get::parse_duration_ms(&tick)
                .with_context(|| format!("invalid --tick {tick}"))?;
            let (text, base_dir) = read_input(&file)?;
            let options = RunOptions {
                seed: cli.seed,
                tick_ms,
                quiet,
                base_dir,
                tutor: !cli.no_tutor,
                lang,
            };
            if (check || bless) && transcript::commands_of(&text).trim().is_empty() {
                // Blessing a plain command file would overwrite it with nothing.
                anyhow::bail!(
                    "{file} has no `$ ` command lines: it is not a transcript (make one with `kubetutor run {file} > {file}.t`)"
                );
            }
            if bless {
                let blessed = transcript::replay(&text, options);
                std::fs::write(&file, blessed).with_context(|| format!("writing {file}"))?;
                return Ok(ExitCode::SUCCESS);
            }
            if check {
                return Ok(match transcript::check_named(&file, &text, options) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(diff) => {
                        kubetutor::kubectl::output::write_stderr(&diff);
                        ExitCode::FAILURE
                    }
                });
            }
            if demo {
                return run_demo(&file, &text, options, pause, typing_speed, no_typing_delay);
            }
            Ok(run_script(&text, options))
        }
        Some(Command::Map { args, file }) => {
            let runner = sandbox_for_map(file.as_deref(), cli.seed)?;
            let color = args.format == kubetutor::map::Format::Text
                && kubetutor::kubectl::output::stdout_takes_color();
            match kubetutor::map::render_args(&runner.session, &args, color) {
                Ok(text) => {
                    kubetutor::kubectl::output::write_stdout(&text);
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    kubetutor::kubectl::output::write_stderr(&e.to_string());
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Some(Command::Repl { fresh }) if !std::io::stdin().is_terminal() => {
            let (text, base_dir) = read_input("-")?;
            let options = RunOptions {
                seed: cli.seed,
                base_dir,
                tutor: !cli.no_tutor,
                lang,
                ..Default::default()
            };
            Ok(exit_code(!kubetutor::sandbox::piped::run(
                &text,
                options,
                fresh || cli.fresh,
            )))
        }
        Some(Command::Repl { fresh }) => {
            let fresh = fresh || cli.fresh;
            kubetutor::repl::run(repl_options(&cli, lang, fresh), None)?;
            Ok(ExitCode::SUCCESS)
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
            let recorder = match &cli.record {
                Some(path) => Some(
                    Recorder::new(path).with_context(|| format!("creating {}", path.display()))?,
                ),
                None => None,
            };
            if std::io::stdin().is_terminal() {
                kubetutor::repl::run(repl_options(&cli, lang, cli.fresh), recorder)?;
                Ok(ExitCode::SUCCESS)
            } else {
                let (text, base_dir) = read_input("-")?;
                let options = RunOptions {
                    seed: cli.seed,
                    base_dir,
                    tutor: !cli.no_tutor,
                    lang,
                    ..Default::default()
                };
                match cli.record {
                    // Piped input echoes each command: what it prints is the transcript.
                    Some(path) => {
                        let mut runner = Runner::new(options);
                        let out = runner.run_text(&text);
                        std::fs::write(&path, &out.text)
                            .with_context(|| format!("writing {}", path.display()))?;
                        kubetutor::kubectl::output::write_stdout(&out.text);
                        Ok(exit_code(runner.failed))
                    }
                    None => Ok(run_script(&text, options)),
                }
            }
        }
    }
}

/// The cluster `kubetutor map` draws: FILE replayed (its `$ ` commands if it is a
/// transcript) from a fresh cluster, or without FILE the sandbox's own cluster: a fresh
/// one for now; this is where the saved sandbox is to be loaded once it is kept.
fn sandbox_for_map(file: Option<&str>, seed: u64) -> Result<Runner> {
    let Some(file) = file else {
        return Ok(Runner::new(RunOptions {
            seed,
            quiet: true,
            base_dir: std::env::current_dir().unwrap_or_default(),
            ..Default::default()
        }));
    };
    let (text, base_dir) = read_input(file)?;
    let script = if text.lines().any(|l| l.starts_with("$ ")) {
        transcript::commands_of(&text)
    } else {
        text
    };
    let mut runner = Runner::new(RunOptions {
        seed,
        quiet: true,
        base_dir,
        ..Default::default()
    });
    runner.run_text(&script);
    Ok(runner)
}

fn run_demo(
    file: &str,
    text: &str,
    options: RunOptions,
    pause: Option<f64>,
    typing_speed: f64,
    no_typing_delay: bool,
) -> Result<ExitCode> {
    let pause = match pause {
        Some(p) if !(0.0..=3600.0).contains(&p) => {
            anyhow::bail!("invalid --pause {p}: between 0 and 3600 seconds")
        }
        Some(p) => Some(std::time::Duration::from_secs_f64(p)),
        None => None,
    };
    if !(0.0..=10_000.0).contains(&typing_speed) {
        anyhow::bail!("invalid --typing-speed {typing_speed}: between 0 and 10000");
    }
    if file == "-" && pause.is_none() {
        anyhow::bail!("--demo reads the presenter's Enter from stdin: give the demo as a file");
    }
    let terminal = std::io::stdout().is_terminal();
    let demo = DemoOptions {
        chars_per_second: if no_typing_delay { 0.0 } else { typing_speed },
        pause,
        terminal,
        style: kubetutor::kubectl::output::stdout_takes_color(),
    };
    let presenter = if pause.is_some_and(|p| p.is_zero()) {
        Presenter::from_lines(Vec::new())
    } else {
        Presenter::stdin()
    };
    let failed = demo::play(text, options, &demo, &presenter, &mut std::io::stdout())
        .inspect_err(kubetutor::kubectl::output::end_if_reader_gone)
        .context("writing the demo")?;
    Ok(exit_code(failed))
}

fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_script(text: &str, options: RunOptions) -> ExitCode {
    let mut runner = Runner::new(options);
    let out = runner.run_text(text);
    // The transcript interleaves both streams; print it on stdout in order.
    kubetutor::kubectl::output::write_stdout(&out.text);
    exit_code(runner.failed)
}

/// The interactive sandbox's options from the command line.
fn repl_options(
    cli: &Cli,
    lang: kubetutor::sandbox::lang::Lang,
    fresh: bool,
) -> kubetutor::repl::ReplOptions {
    kubetutor::repl::ReplOptions {
        seed: cli.seed,
        speed: cli.speed,
        vi: cli.vi,
        tutor: !cli.no_tutor,
        lang,
        fresh,
        ..Default::default()
    }
}
