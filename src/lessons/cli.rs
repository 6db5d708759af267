//! The `kubetutor lessons` and `kubetutor lesson ...` commands of the binary: the table,
//! `lesson check DIR` for authors, `--auto` play, and interactive play (the REPL with the
//! lesson started; piped stdin plays as a scripted file).

use super::{auto, catalog, load, progress};
use crate::kubectl::output::write_stdout;
use crate::sandbox::lang::Lang;
use crate::script::runner::{RunOptions, Runner};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `kubetutor lessons`.
pub fn list() -> ExitCode {
    let (lessons, bad) = catalog::shipped();
    let (p, message) = progress::Progress::load(&progress::progress_path());
    if let Some(m) = message {
        eprintln!("{m}");
    }
    write_stdout(&catalog::table(
        &lessons,
        &p,
        Lang::from_env(),
        catalog::table_width(),
    ));
    for d in &bad {
        eprint!("{d}");
    }
    if bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `kubetutor lesson check DIR`: every problem with its line, exit 1 if any.
pub fn check(dir: &Path) -> ExitCode {
    match load::load(dir) {
        Ok(l) => {
            write_stdout(&format!(
                "{}: ok: lesson {} ({} steps; {})\n",
                dir.display(),
                l.id(),
                l.spec.steps.len(),
                l.languages
                    .iter()
                    .map(|x| x.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprint!("{d}");
            ExitCode::FAILURE
        }
    }
}

/// `kubetutor lesson ID|--path DIR [--lang L] [--auto]`.
pub fn play(
    id: Option<&str>,
    path: Option<&Path>,
    lang: Option<&str>,
    auto_play: bool,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    let wanted = match lang {
        Some(l) => match Lang::parse(l) {
            Some(x) => Some(x),
            None => {
                eprintln!("kubetutor: unknown language {l:?} (en, vi, es)");
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let lesson = match (id, path) {
        (_, Some(p)) => load::load(p),
        (Some(id), None) => {
            let (lessons, _) = catalog::shipped();
            match catalog::find(&lessons, id) {
                Ok(l) => Ok(l.clone()),
                Err(e) => {
                    eprintln!("kubetutor: {e}");
                    return Ok(ExitCode::from(2));
                }
            }
        }
        (None, None) => {
            eprintln!("kubetutor: name a lesson (`kubetutor lessons` lists them) or --path DIR");
            return Ok(ExitCode::from(2));
        }
    };
    let lesson = match lesson {
        Ok(l) => l,
        Err(d) => {
            eprint!("{d}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let lang = wanted.unwrap_or_else(Lang::from_env);
    if auto_play {
        if wanted.is_some_and(|w| !lesson.languages.contains(&w)) {
            eprintln!("kubetutor: lesson {} is not written in {lang}", lesson.id());
            return Ok(ExitCode::from(2));
        }
        let run = auto::play(&lesson, lang, seed);
        write_stdout(&run.transcript);
        for f in &run.failures {
            eprintln!("kubetutor: goal not met: {f}");
        }
        return Ok(if run.ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let start = match path {
        Some(p) => format!("lesson --path {} --lang {lang}", absolute(p).display()),
        None => format!("lesson {} --lang {lang}", lesson.id()),
    };
    if std::io::stdin().is_terminal() {
        crate::repl::run(
            crate::repl::ReplOptions {
                seed,
                lang,
                startup: Some(start),
                ..Default::default()
            },
            None,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut runner = Runner::new(RunOptions {
        seed,
        base_dir: std::env::current_dir().unwrap_or_default(),
        ..Default::default()
    });
    let out = runner.run_text(&format!("{start}\n{text}"));
    write_stdout(&out.text);
    Ok(if runner.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}
