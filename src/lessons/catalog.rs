//! The lessons kubetutor offers and the table `lessons` prints: the ones built into the
//! binary ([`super::embedded`]), or, when `$KUBETUTOR_LESSONS` names a folder, the
//! lessons in that folder instead (a teacher's own set).

use super::load::{load, Diagnostics, Lesson, LESSON_FILE};
use super::progress::Progress;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ColumnConstraint, ContentArrangement, Table};
use std::path::{Path, PathBuf};

/// The variable naming a folder of lessons to offer instead of the built-in ones.
pub const LESSONS_VAR: &str = "KUBETUTOR_LESSONS";

/// The lessons on offer: `$KUBETUTOR_LESSONS`'s folder when it is set, else the
/// built-in ones.
pub fn shipped() -> (Vec<Lesson>, Vec<Diagnostics>) {
    match std::env::var_os(LESSONS_VAR).filter(|d| !d.is_empty()) {
        Some(dir) => load_all(Path::new(&dir)),
        None => super::embedded::load_all(),
    }
}

/// Every lesson folder under `dir` (folders holding `lesson.yaml`), sorted by name.
pub fn lesson_folders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.join(LESSON_FILE).is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Every lesson under `dir`: the ones that load, and the problems of the others.
pub fn load_all(dir: &Path) -> (Vec<Lesson>, Vec<Diagnostics>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for f in lesson_folders(dir) {
        match load(&f) {
            Ok(l) => ok.push(l),
            Err(d) => bad.push(d),
        }
    }
    (ok, bad)
}

/// The lesson `id` names: its id, or a prefix of exactly one id (`004`).
pub fn find<'a>(lessons: &'a [Lesson], id: &str) -> Result<&'a Lesson, String> {
    if let Some(l) = lessons.iter().find(|l| l.id() == id) {
        return Ok(l);
    }
    let matches: Vec<&Lesson> = lessons.iter().filter(|l| l.id().starts_with(id)).collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no lesson {id:?}; `lessons` lists them: {}",
            lessons
                .iter()
                .map(|l| l.id())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        many => Err(format!(
            "{id:?} could be {}",
            many.iter().map(|l| l.id()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// The width the `lessons` table is laid out for when stdout is not a terminal (a pipe,
/// a file, a test): the classic terminal's, so the output is the same everywhere.
pub const STABLE_WIDTH: u16 = 80;

/// The width to lay the table out for: None on a terminal (comfy-table reads its
/// width), [`STABLE_WIDTH`] otherwise.
pub fn table_width() -> Option<u16> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        None
    } else {
        Some(STABLE_WIDTH)
    }
}

/// The `lessons` table: id, title, level, languages, completion, laid out within `width`
/// columns (None: the terminal's), long titles wrapped in their column.
pub fn table(
    lessons: &[Lesson],
    progress: &Progress,
    lang: crate::sandbox::lang::Lang,
    width: Option<u16>,
) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        t.set_width(w);
    }
    t.set_header(vec!["ID", "TITLE", "LEVEL", "LANG", "DONE"]);
    for l in lessons {
        let total = l.step_ids.len();
        let passed = progress
            .of(l.id())
            .map(|p| p.passed(&l.step_ids))
            .unwrap_or(0);
        let done = if passed == total && total > 0 {
            format!("{passed}/{total} ✔")
        } else {
            format!("{passed}/{total}")
        };
        let mut title = l.spec.title.get(l.language_for(lang)).to_string();
        if l.spec.challenge {
            title.push_str(" (challenge)");
        }
        t.add_row(vec![
            l.id().to_string(),
            title,
            l.spec.level.as_str().to_string(),
            l.languages
                .iter()
                .map(|x| x.code())
                .collect::<Vec<_>>()
                .join(" "),
            done,
        ]);
    }
    // Only the title wraps: an id or a level cut in two is unreadable.
    for i in [0, 2, 3, 4] {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    format!("{t}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::lang::Lang;

    #[test]
    fn the_table_fits_the_width_it_is_given_and_keeps_every_title() {
        let (lessons, bad) = super::super::embedded::load_all();
        assert!(bad.is_empty());
        for width in [80u16, 72] {
            let text = table(&lessons, &Progress::new(), Lang::En, Some(width));
            for line in text.lines() {
                assert!(
                    line.chars().count() <= width as usize,
                    "{} columns > {width}:\n{text}",
                    line.chars().count()
                );
            }
            for l in &lessons {
                assert!(text.contains(l.id()), "{text}");
            }
            // The longest title is wrapped, not cut: all its words are there.
            let words = text
                .split(|c: char| !c.is_alphanumeric())
                .collect::<Vec<_>>();
            for w in ["OrderedReady", "Parallel", "Capstone", "(challenge)"] {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                assert!(words.contains(&w), "{w} missing:\n{text}");
            }
        }
    }
}
