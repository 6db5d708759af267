//! `kubetutor lint FILE...` (and `lint FILE...` in the sandbox): a review of manifests for
//! StatefulSet pitfalls before they are applied, printed like a compiler's diagnostics:
//! `FILE:LINE: error|warning: message`, sorted by file and line.
//!
//! Errors are what the apiserver would refuse or what cannot work (YAML syntax as kubectl
//! reports it, unknown fields as strict decoding names them, a missing or mismatched
//! selector, a mount of no volume, ReadWriteMany on the local-path class); warnings are
//! what applies but misbehaves (a serviceName naming no headless Service in the files or
//! the cluster, no readiness probe, a data store without claim templates, a password in
//! plain env). Messages are English, like kubectl's. The exit status is 1 when there is
//! any finding, 0 when the files are clean.

pub mod locate;
mod rules;

use crate::cluster::Cluster;
use crate::codec::manifest::{parse_manifests, ManifestErrorKind};
use crate::kubectl::output::Sink;
use serde_json::Value;
use std::fmt;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding: `FILE:LINE: severity: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {sev}: {}", self.file, self.line, self.message)
    }
}

/// A manifest to review: its name as given and its text.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// One YAML document of a source: its text, the line it starts at, its objects.
pub(crate) struct Doc<'a> {
    pub file: &'a str,
    pub text: &'a str,
    /// 1-based line of the document's first line in the file.
    pub first_line: usize,
    pub objects: Vec<Value>,
}

impl Doc<'_> {
    /// The file line of the field at `path` (dotted, with `[i]`), or the document's start.
    pub fn line(&self, path: &str) -> usize {
        let segs = locate::parse_path(path);
        // A flattened List: paths inside items cannot be followed from the document.
        let found = if self.objects.len() == 1 {
            locate::line_of(self.text, &segs)
        } else {
            None
        };
        self.first_line + found.unwrap_or(1) - 1
    }

    pub fn finding(&self, path: &str, severity: Severity, message: String) -> Finding {
        Finding {
            file: self.file.to_string(),
            line: self.line(path),
            severity,
            message,
        }
    }
}

/// Split a stream at `---` lines as kubectl's YAML reader does: (first line, text).
fn documents(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut first_line = 1usize;
    let mut offset = 0usize;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if line.starts_with("---") {
            out.push((first_line, &text[start..offset]));
            start = offset + line.len();
            first_line = n + 2;
        }
        offset += line.len();
    }
    out.push((first_line, &text[start..]));
    out
}

/// `yaml: line N:` in a kubectl message: N.
fn yaml_line(message: &str) -> Option<usize> {
    let rest = &message[message.find("line ")? + 5..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// Review `sources` together (a Service in one file satisfies a StatefulSet in another),
/// against `cluster`'s objects when given (the sandbox's lint).
pub fn lint(sources: &[Source], cluster: Option<&Cluster>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut docs: Vec<Doc> = Vec::new();
    for src in sources {
        for (first_line, text) in documents(&src.text) {
            match parse_manifests(text, &src.name) {
                Ok(objects) => docs.push(Doc {
                    file: &src.name,
                    text,
                    first_line,
                    objects,
                }),
                Err(e) => {
                    let relative = match &e.kind {
                        ManifestErrorKind::Parse { message, .. } => yaml_line(message),
                        _ => None,
                    };
                    findings.push(Finding {
                        file: src.name.clone(),
                        line: first_line + relative.unwrap_or(1) - 1,
                        severity: Severity::Error,
                        message: e.to_string(),
                    });
                }
            }
        }
    }
    let services = rules::services(&docs, cluster);
    for doc in &docs {
        for obj in &doc.objects {
            rules::check(doc, obj, &services, cluster, &mut findings);
        }
    }
    findings.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
    findings.dedup();
    findings
}

/// Lint `files` read with `read` (errors as `cat` would word them), print the findings to
/// `sink`; returns the exit status (1 on any finding or unreadable file).
pub fn run(
    files: &[String],
    mut read: impl FnMut(&str) -> Result<String, String>,
    cluster: Option<&Cluster>,
    sink: &mut dyn Sink,
) -> i32 {
    if files.is_empty() {
        sink.err("usage: lint FILE...\n");
        return 2;
    }
    let mut status = 0;
    let mut sources = Vec::new();
    for f in files {
        match read(f) {
            Ok(text) => sources.push(Source {
                name: f.clone(),
                text,
            }),
            Err(e) => {
                sink.err(&format!("lint: {f}: {e}\n"));
                status = 1;
            }
        }
    }
    let findings = lint(&sources, cluster);
    for finding in &findings {
        sink.out(&format!("{finding}\n"));
    }
    if findings.is_empty() {
        status
    } else {
        1
    }
}

#[cfg(test)]
mod tests;
