//! A scripted command file into commands ([`split_commands`]): a command is one line, or
//! as many lines as it takes to complete it, as a terminal would read them: a compound
//! command (`for ... do` to `done`), an open quote, a trailing `\`, `|` or `&&`, and
//! here-document bodies. The shell ([`crate::shell`]) decides what is complete; this file
//! only groups lines and says how each is echoed.
//!
//! Echo format, as an interactive bash shows it: the first line after `$ `, later lines
//! of the command after bash's `PS2` (`> `), here-document bodies and their delimiter
//! verbatim (the transcripts' long-standing form). [`transcript_commands`] reads that
//! form back.

use crate::shell::parse::{self, OpenHeredoc, Pending};

/// How a line of a command is echoed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// The first line: `$ line`.
    First,
    /// More of the command: `> line`.
    Continuation,
    /// A here-document body or delimiter line: as written.
    HeredocBody,
}

/// One command of a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptLine {
    /// 1-based line number where the command starts.
    pub line: usize,
    /// The physical lines as written, joined with `\n`.
    pub source: String,
    /// The text to run: the physical lines, each ending in `\n`.
    pub text: String,
    /// Each physical line and how it is echoed.
    pub lines: Vec<(String, LineKind)>,
}

impl ScriptLine {
    /// The command as a transcript shows it (every line ends in `\n`).
    pub fn echo(&self) -> String {
        self.echo_after("$ ")
    }

    /// The command as typed after `prompt` (a pod shell's prompt while one is attached).
    pub fn echo_after(&self, prompt: &str) -> String {
        let mut out = String::new();
        for (l, kind) in &self.lines {
            match kind {
                LineKind::First => out.push_str(&format!("{prompt}{l}\n")),
                LineKind::Continuation if l.is_empty() => out.push_str(">\n"),
                LineKind::Continuation => out.push_str(&format!("> {l}\n")),
                LineKind::HeredocBody => out.push_str(&format!("{l}\n")),
            }
        }
        out
    }
}

/// Groups lines into a command until the shell finds it complete.
struct Joiner {
    text: String,
    /// The here-document being read, if any: lines up to its delimiter need no parse.
    heredoc: Option<OpenHeredoc>,
    state: Pending,
}

impl Joiner {
    fn new(first: &str) -> Joiner {
        let mut j = Joiner {
            text: String::new(),
            heredoc: None,
            state: Pending::Complete,
        };
        j.push(first);
        j
    }

    fn push(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
        if let Some(h) = &self.heredoc {
            let l = if h.strip_tabs {
                line.trim_start_matches('\t')
            } else {
                line
            };
            if l != h.delimiter {
                return;
            }
        }
        self.state = parse::pending(&self.text);
        self.heredoc = match &self.state {
            Pending::HeredocBody(h) => Some(h.clone()),
            _ => None,
        };
    }

    /// How the next line belongs to the command, None when it is complete.
    fn next_kind(&self) -> Option<LineKind> {
        match self.state {
            Pending::Complete => None,
            Pending::HeredocBody(_) => Some(LineKind::HeredocBody),
            Pending::MoreCommand => Some(LineKind::Continuation),
        }
    }
}

/// Splits a script into commands. Blank and comment lines between commands are skipped;
/// a command unfinished at the end of the file runs as it is (the shell reports it).
pub fn split_commands(text: &str) -> Vec<ScriptLine> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let first = lines[i];
        let trimmed = first.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        let start = i;
        let mut joiner = Joiner::new(first);
        let mut kinds = vec![(first.to_string(), LineKind::First)];
        i += 1;
        while let Some(kind) = joiner.next_kind() {
            let Some(line) = lines.get(i) else { break };
            joiner.push(line);
            kinds.push((line.to_string(), kind));
            i += 1;
        }
        out.push(ScriptLine {
            line: start + 1,
            source: lines[start..i].join("\n"),
            text: joiner.text,
            lines: kinds,
        });
    }
    out
}

/// The command a transcript shows at `lines[0]` after `prompt` (`$ `, or an attached pod
/// shell's prompt), with its `> ` continuation lines and here-document bodies, and how many
/// transcript lines it takes. None when the line is not a command line.
pub fn transcript_command_at(lines: &[&str], prompt: &str) -> Option<(ScriptLine, usize)> {
    let first = lines.first()?.strip_prefix(prompt)?;
    let mut joiner = Joiner::new(first);
    let mut kinds = vec![(first.to_string(), LineKind::First)];
    let mut i = 1;
    while let Some(kind) = joiner.next_kind() {
        let Some(line) = lines.get(i) else { break };
        let taken = match kind {
            LineKind::HeredocBody => Some(*line),
            _ => line.strip_prefix("> ").or((*line == ">").then_some("")),
        };
        let Some(l) = taken else { break };
        joiner.push(l);
        kinds.push((l.to_string(), kind));
        i += 1;
    }
    let source = kinds
        .iter()
        .map(|(l, _)| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    Some((
        ScriptLine {
            line: 1,
            source,
            text: joiner.text,
            lines: kinds,
        },
        i,
    ))
}

/// The commands of a transcript (`$ ` lines, their `> ` continuations and here-document
/// bodies) as a plain script.
pub fn transcript_commands(transcript: &str) -> String {
    let mut script = String::new();
    let mut joiner: Option<Joiner> = None;
    for line in transcript.lines() {
        if let Some(j) = &mut joiner {
            let taken = match j.next_kind() {
                Some(LineKind::HeredocBody) => Some(line),
                Some(_) => line.strip_prefix("> ").or((line == ">").then_some("")),
                None => None,
            };
            if let Some(l) = taken {
                j.push(l);
                script.push_str(l);
                script.push('\n');
                continue;
            }
            joiner = None;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            script.push_str(cmd);
            script.push('\n');
            joiner = Some(Joiner::new(cmd));
        }
    }
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_command_per_line_comments_and_blanks_skipped() {
        let script =
            "# setup\n\nkubectl get pods   # list\n  # indented comment\nkubectl apply -f x.yaml\n";
        let cmds = split_commands(script);
        assert_eq!(cmds.len(), 2);
        assert_eq!(
            (cmds[0].line, cmds[0].source.as_str()),
            (3, "kubectl get pods   # list")
        );
        assert_eq!(cmds[0].text, "kubectl get pods   # list\n");
        assert_eq!(
            (cmds[1].line, cmds[1].echo().as_str()),
            (5, "$ kubectl apply -f x.yaml\n")
        );
        let cmds = split_commands("kubectl annotate pod x 'a=#1' b=c#d\r\n");
        assert_eq!(cmds[0].text, "kubectl annotate pod x 'a=#1' b=c#d\n");
    }

    #[test]
    fn continuations_join_lines() {
        let cmds = split_commands("kubectl get pods \\\n  -n web \\\n  -o wide\nnext");
        assert_eq!(cmds.len(), 2);
        assert_eq!(
            cmds[0].echo(),
            "$ kubectl get pods \\\n>   -n web \\\n>   -o wide\n"
        );
        assert_eq!((cmds[1].line, cmds[1].source.as_str()), (4, "next"));
        let cmds = split_commands("echo 'a\nb'\nz");
        assert_eq!(cmds[0].text, "echo 'a\nb'\n");
        let cmds = split_commands("for i in 0 1; do\n  echo $i\n\ndone\necho after\n");
        assert_eq!(cmds.len(), 2);
        assert_eq!(
            cmds[0].echo(),
            "$ for i in 0 1; do\n>   echo $i\n>\n> done\n"
        );
        // Unfinished at the end of the file: runs as it is.
        let cmds = split_commands("echo \"oops\nmore\n");
        assert_eq!(cmds.len(), 1);
        assert_eq!(cmds[0].source, "echo \"oops\nmore");
    }

    #[test]
    fn heredoc_bodies_stay_with_their_command() {
        let script =
            "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF\nkubectl get ns\n";
        let cmds = split_commands(script);
        assert_eq!(cmds.len(), 2);
        assert_eq!(
            cmds[0].echo(),
            "$ kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF\n"
        );
        assert_eq!(
            cmds[0].text,
            "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF\n"
        );
        assert_eq!(
            (cmds[1].line, cmds[1].source.as_str()),
            (5, "kubectl get ns")
        );
        let cmds = split_commands("cat <<-EOF\n\t\tindented\n\tEOF\nnext\n");
        assert_eq!(cmds.len(), 2);
        let cmds = split_commands("for i in a; do\n  cat <<EOF\n$i\nEOF\ndone\n");
        assert_eq!(cmds.len(), 1);
        assert_eq!(
            cmds[0].echo(),
            "$ for i in a; do\n>   cat <<EOF\n$i\nEOF\n> done\n"
        );
        // Unterminated at the end of the file.
        let cmds = split_commands("x\ncat << \"E F\"\nbody\n");
        assert_eq!(cmds.len(), 2);
        assert_eq!(cmds[1].echo(), "$ cat << \"E F\"\nbody\n");
    }

    #[test]
    fn transcripts_read_back_what_was_echoed() {
        let script =
            "for n in a b; do\n  echo $n\ndone\ncat <<EOF | wc -l\nx\n\nEOF\necho 'multi\nline'\n";
        let mut transcript = String::new();
        for c in split_commands(script) {
            transcript.push_str(&c.echo());
            transcript.push_str("output\n> not a continuation\n");
        }
        assert_eq!(transcript_commands(&transcript), script);
    }
}
