//! A faithful emulation of Go's `text/tabwriter` (in the `liggitt/tabwriter` fork kubectl
//! uses), because kubectl's alignment rules are not those of a plain "pad every column"
//! table: widths are computed per *column block* (consecutive lines that all have a cell
//! in that column), the last cell of a line is never padded, and with `RememberWidths`
//! a column never gets narrower than in an earlier flush of the same writer.
//!
//! The `tabwriter` crate pads every column of a flush uniformly and has no memory across
//! flushes, so it cannot reproduce `describe`'s block alignment or `get -w`'s shifting
//! rows. Only what kubectl uses is emulated: left alignment, a space pad character, no
//! escapes, no `DiscardEmptyColumns`. Widths count characters (Unicode scalar values),
//! as Go counts runes.

/// Go tabwriter state: settings plus the widths remembered across flushes.
#[derive(Clone, Debug)]
pub struct GoTabWriter {
    minwidth: usize,
    padding: usize,
    remember_widths: bool,
    maxwidths: Vec<usize>,
}

impl GoTabWriter {
    /// `tabwriter.NewWriter(out, minwidth, _, padding, ' ', flags)`; `remember_widths`
    /// stands for the `RememberWidths` flag.
    pub fn new(minwidth: usize, padding: usize, remember_widths: bool) -> Self {
        GoTabWriter {
            minwidth,
            padding,
            remember_widths,
            maxwidths: Vec::new(),
        }
    }

    /// kubectl get's writer: minwidth 6, tabwidth 4, padding 3, `RememberWidths`.
    pub fn for_tables() -> Self {
        GoTabWriter::new(6, 3, true)
    }

    /// kubectl describe's writer: minwidth 0, tabwidth 8, padding 2, no flags.
    pub fn for_describe() -> Self {
        GoTabWriter::new(0, 2, false)
    }

    /// Forget remembered widths (a new writer, as for each kind in multi-kind `get`).
    pub fn forget_widths(&mut self) {
        self.maxwidths.clear();
    }

    /// Write `text` and flush: the aligned output. Lines end with `\n`; text after the last
    /// newline is a final line without one.
    pub fn format(&mut self, text: &str) -> String {
        let mut lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
        // `split` yields a trailing empty line after a final newline: that is not a line.
        let ends_with_newline = text.ends_with('\n');
        if ends_with_newline || text.is_empty() {
            lines.pop();
        }
        let mut out = String::with_capacity(text.len() * 2);
        let mut widths = Vec::new();
        let n = lines.len();
        self.format_block(&lines, 0, n, &mut widths, &mut out);
        if !ends_with_newline && out.ends_with('\n') {
            out.pop();
        }
        out
    }

    fn format_block(
        &mut self,
        lines: &[Vec<&str>],
        line0: usize,
        line1: usize,
        widths: &mut Vec<usize>,
        out: &mut String,
    ) {
        let column = widths.len();
        let mut start = line0;
        let mut this = line0;
        while this < line1 {
            if column + 1 >= lines[this].len() {
                this += 1;
                continue;
            }
            // A cell exists in this column: lines before it are printed with the widths
            // known so far, then the column block runs while lines keep a cell here.
            write_lines(lines, start, this, widths, out);
            start = this;
            let mut width = self.minwidth;
            while this < line1 && column + 1 < lines[this].len() {
                width = width.max(char_width(lines[this][column]) + self.padding);
                this += 1;
            }
            if self.remember_widths {
                if self.maxwidths.len() < widths.len() {
                    let known = self.maxwidths.len();
                    self.maxwidths.extend_from_slice(&widths[known..]);
                }
                if self.maxwidths.len() == widths.len() {
                    self.maxwidths.push(width);
                } else if self.maxwidths[column] > width {
                    width = self.maxwidths[column];
                } else {
                    self.maxwidths[column] = width;
                }
            }
            widths.push(width);
            self.format_block(lines, start, this, widths, out);
            widths.pop();
            start = this;
        }
        write_lines(lines, start, line1, widths, out);
    }
}

fn write_lines(
    lines: &[Vec<&str>],
    line0: usize,
    line1: usize,
    widths: &[usize],
    out: &mut String,
) {
    for line in &lines[line0..line1] {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if j < widths.len() {
                let w = char_width(cell);
                out.extend(std::iter::repeat_n(' ', widths[j].saturating_sub(w)));
            }
        }
        out.push('\n');
    }
}

fn char_width(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_columns_get_minwidth_and_padding_last_cell_unpadded() {
        let mut tw = GoTabWriter::for_tables();
        let out = tw.format(
            "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-0\t1/1\tRunning\t0\t2m10s\nweb-1\t0/1\tContainerCreating\t0\t3s\n",
        );
        assert_eq!(
            out,
            "NAME    READY   STATUS              RESTARTS   AGE\n\
             web-0   1/1     Running             0          2m10s\n\
             web-1   0/1     ContainerCreating   0          3s\n"
        );
    }

    #[test]
    fn a_line_without_tabs_ends_the_column_block() {
        let mut tw = GoTabWriter::for_describe();
        let out = tw.format("Name:\tweb\nLonger Key:\tx\nIPs:\n  IP:\t10.0.0.1\n");
        assert_eq!(
            out,
            "Name:        web\nLonger Key:  x\nIPs:\n  IP:  10.0.0.1\n"
        );
    }

    #[test]
    fn empty_middle_cells_are_padded_and_trailing_empty_cells_are_not() {
        let mut tw = GoTabWriter::for_describe();
        assert_eq!(
            tw.format("  StorageClass:\t\n  Name:\twww\n"),
            "  StorageClass:  \n  Name:          www\n"
        );
    }

    #[test]
    fn remembered_widths_never_shrink_across_flushes() {
        // Reference §1.6: the `get -w` sample, one flush per event row.
        let mut tw = GoTabWriter::for_tables();
        let mut out = tw.format("NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-0\t0/1\tPending\t0\t0s\n");
        for row in [
            "web-0\t0/1\tPending\t0\t0s\n",
            "web-0\t0/1\tContainerCreating\t0\t0s\n",
            "web-0\t1/1\tRunning\t0\t2s\n",
            "web-1\t0/1\tPending\t0\t0s\n",
        ] {
            out.push_str(&tw.format(row));
        }
        assert_eq!(
            out,
            "NAME    READY   STATUS    RESTARTS   AGE\n\
             web-0   0/1     Pending   0          0s\n\
             web-0   0/1     Pending   0          0s\n\
             web-0   0/1     ContainerCreating   0          0s\n\
             web-0   1/1     Running             0          2s\n\
             web-1   0/1     Pending             0          0s\n"
        );
        tw.forget_widths();
        assert_eq!(tw.format("a\tb\n"), "a     b\n");
    }

    #[test]
    fn widths_count_characters_not_bytes() {
        let mut tw = GoTabWriter::for_describe();
        assert_eq!(tw.format("é\tx\nab\ty\n"), "é   x\nab  y\n");
    }
}
