//! kubectl describe's `PrefixWriter` over a Go tab writer (minwidth 0, padding 2): lines
//! are written at an indent level of two spaces per level and aligned per column block
//! when flushed. The Events section flushes before its table, so its columns never
//! align with the fields above it.

use crate::printers::tabwriter::GoTabWriter;

pub(crate) const LEVEL_0: usize = 0;
pub(crate) const LEVEL_1: usize = 1;
pub(crate) const LEVEL_2: usize = 2;
pub(crate) const LEVEL_3: usize = 3;

#[derive(Default)]
pub(crate) struct DescribeWriter {
    pending: String,
    out: String,
}

impl DescribeWriter {
    pub fn new() -> Self {
        DescribeWriter::default()
    }

    /// `w.Write(level, ...)`: the text prefixed by the level's indentation.
    pub fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.pending.push_str("  ");
        }
        self.pending.push_str(text);
    }

    /// `w.WriteLine(...)`: the text and a newline, without indentation.
    pub fn write_line(&mut self, text: &str) {
        self.pending.push_str(text);
        self.pending.push('\n');
    }

    /// `w.Flush()`: align what was written so far.
    pub fn flush(&mut self) {
        let text = std::mem::take(&mut self.pending);
        self.out
            .push_str(&GoTabWriter::for_describe().format(&text));
    }

    /// Everything written, with no alignment at all (a prefix writer over a plain buffer).
    pub fn untabbed(self) -> String {
        self.out + &self.pending
    }

    /// Flush and return the whole output.
    pub fn finish(mut self) -> String {
        self.flush();
        self.out
    }
}
