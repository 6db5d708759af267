//! The player's own words (step headers, "Type:", hints, the end of a lesson) in each
//! language the tutor speaks. A lesson's texts come from its file; these frame them.

use crate::sandbox::lang::Lang;

/// A phrase of the player.
#[derive(Clone, Copy, Debug)]
pub enum Phrase {
    Step,
    Type,
    Challenge,
    Passed,
    Skipped,
    Hint,
    NoHints,
    NoMoreHints,
    Solution,
    Complete,
    NotYet,
    Holds,
    InPodShell,
    Stopped,
    Help,
}

pub fn say(lang: Lang, p: Phrase) -> &'static str {
    use Phrase::*;
    match (lang, p) {
        (Lang::En, Step) => "Step",
        (Lang::Vi, Step) => "Bước",
        (Lang::Es, Step) => "Paso",
        (Lang::En, Type) => "Type:",
        (Lang::Vi, Type) => "Gõ lệnh:",
        (Lang::Es, Type) => "Escribe:",
        (Lang::En, Challenge) => "No commands are given: reach the goal your own way (`hint` helps).",
        (Lang::Vi, Challenge) => "Không có lệnh mẫu: hãy tự đạt mục tiêu theo cách của bạn (`hint` sẽ gợi ý).",
        (Lang::Es, Challenge) => "No se dan comandos: alcanza el objetivo a tu manera (`hint` ayuda).",
        (Lang::En, Passed) => "passed",
        (Lang::Vi, Passed) => "hoàn thành",
        (Lang::Es, Passed) => "superado",
        (Lang::En, Skipped) => "skipped",
        (Lang::Vi, Skipped) => "bỏ qua",
        (Lang::Es, Skipped) => "omitido",
        (Lang::En, Hint) => "Hint",
        (Lang::Vi, Hint) => "Gợi ý",
        (Lang::Es, Hint) => "Pista",
        (Lang::En, NoHints) => "This step has no hints; `solution` shows the answer.",
        (Lang::Vi, NoHints) => "Bước này không có gợi ý; `solution` cho xem lời giải.",
        (Lang::Es, NoHints) => "Este paso no tiene pistas; `solution` muestra la respuesta.",
        (Lang::En, NoMoreHints) => "No more hints; `solution` shows the answer.",
        (Lang::Vi, NoMoreHints) => "Hết gợi ý; `solution` cho xem lời giải.",
        (Lang::Es, NoMoreHints) => "No hay más pistas; `solution` muestra la respuesta.",
        (Lang::En, Solution) => "Solution:",
        (Lang::Vi, Solution) => "Lời giải:",
        (Lang::Es, Solution) => "Solución:",
        (Lang::En, Complete) => "Lesson complete",
        (Lang::Vi, Complete) => "Hoàn thành bài học",
        (Lang::Es, Complete) => "Lección completada",
        (Lang::En, NotYet) => "Not yet:",
        (Lang::Vi, NotYet) => "Chưa đạt:",
        (Lang::Es, NotYet) => "Todavía no:",
        (Lang::En, Holds) => "The goal holds.",
        (Lang::Vi, Holds) => "Đã đạt mục tiêu.",
        (Lang::Es, Holds) => "El objetivo se cumple.",
        (Lang::En, InPodShell) => "You are inside a pod's shell: the goal is checked when you `exit` it.",
        (Lang::Vi, InPodShell) => "Bạn đang ở trong shell của pod: mục tiêu được kiểm tra khi bạn `exit`.",
        (Lang::Es, InPodShell) => "Estás dentro del shell de un pod: el objetivo se comprueba al salir con `exit`.",
        (Lang::En, Stopped) => "Lesson stopped. Your progress is kept.",
        (Lang::Vi, Stopped) => "Đã dừng bài học. Tiến độ của bạn được lưu lại.",
        (Lang::Es, Stopped) => "Lección detenida. Tu progreso se conserva.",
        (Lang::En, Help) => "Lesson commands: hint, solution, check, next (or skip), lesson (this step again), lesson stop.",
        (Lang::Vi, Help) => "Lệnh bài học: hint, solution, check, next (hoặc skip), lesson (xem lại bước này), lesson stop.",
        (Lang::Es, Help) => "Comandos de la lección: hint, solution, check, next (o skip), lesson (este paso otra vez), lesson stop.",
    }
}
