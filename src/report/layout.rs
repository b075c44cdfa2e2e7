//! The blocks text output is made of, written as plain (maybe coloured) text or as GitHub
//! Markdown: titles, headings, list items and tables.
//!
//! A renderer says what a line is, once; [`Options::markdown`] decides how it looks. In text a
//! list item keeps the indentation the renderer gives it, so the text layout is exactly the
//! renderer's; in Markdown it becomes a `-` item nested by its depth, titles become `##` and
//! headings `###`, and tables GitHub tables followed by a blank line.

use comfy_table::Table;

use super::Options;
use super::paint::Paint;

impl Options<'_> {
    /// The title of an answer: bold in text, `##` in Markdown.
    pub(crate) fn title(&self, text: &str) -> String {
        if self.markdown {
            format!("## {}", text.trim_end_matches(':'))
        } else {
            self.paint(Paint::Heading, text)
        }
    }

    /// A section heading: bold in text, `###` in Markdown (without its colon).
    pub(crate) fn heading(&self, text: &str) -> String {
        if self.markdown {
            format!("### {}", text.trim_end_matches(':'))
        } else {
            self.paint(Paint::Heading, text)
        }
    }

    /// A line of a list: `indent` then `text` in text; a `-` item `depth` levels deep in
    /// Markdown.
    pub(crate) fn item(&self, indent: &str, depth: usize, text: &str) -> String {
        if self.markdown {
            format!("{}- {}", "  ".repeat(depth), literal_number(text))
        } else {
            format!("{indent}{text}")
        }
    }

    /// Writes the `n`th item of a numbered list and a line break: `indent` then `n. text` in
    /// text; an ordered list item (`n. text`) in Markdown, never a bullet holding a number.
    pub(crate) fn push_numbered(&self, out: &mut String, indent: &str, n: usize, text: &str) {
        if self.markdown {
            out.push_str(&format!("{n}. {text}\n"));
        } else {
            out.push_str(&format!("{indent}{n}. {text}\n"));
        }
    }

    /// Writes a list item and a line break (see [`Options::item`]).
    pub(crate) fn push_item(&self, out: &mut String, indent: &str, depth: usize, text: &str) {
        out.push_str(&self.item(indent, depth, text));
        out.push('\n');
    }

    /// A table with no coloured column (see [`Options::table`]).
    pub(crate) fn grid(&self, t: &Table) -> String {
        self.table(t, None, |_| None)
    }

    /// A table with no coloured column whose columns `drop` (least useful first) go when it is
    /// wider than [`Options::width`] (see [`Options::fitted_table`]).
    pub(crate) fn narrow(&self, t: &Table, drop: &[usize]) -> String {
        self.fitted_table(t, drop, None, |_| None)
    }

    /// A table: laid out plain and coloured (its header bold, each cell of `column` by `paint`)
    /// in text; a GitHub table and a blank line in Markdown.
    pub(crate) fn table(
        &self,
        t: &Table,
        column: Option<usize>,
        paint: impl Fn(&str) -> Option<Paint>,
    ) -> String {
        self.fitted_table(t, &[], column, paint)
    }
}

/// `text` with a leading `1.` or `1)` escaped (`1\)`), so that Markdown shows it rather than
/// starting a numbered list inside the item.
fn literal_number(text: &str) -> std::borrow::Cow<'_, str> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text.get(digits..digits + 2) {
        Some(". " | ") ") if digits > 0 => {
            std::borrow::Cow::Owned(format!("{}\\{}", &text[..digits], &text[digits..]))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_blocks_in_text_and_markdown() {
        let text = Options::default();
        let md = Options {
            markdown: true,
            ..Options::default()
        };
        assert_eq!(text.heading("Skill gaps:"), "Skill gaps:");
        assert_eq!(md.heading("Skill gaps:"), "### Skill gaps");
        assert_eq!(md.title("Gaps to sre"), "## Gaps to sre");
        assert_eq!(text.item("     - ", 1, "why"), "     - why");
        assert_eq!(md.item("     - ", 1, "why"), "  - why");
        assert_eq!(md.item("   ", 0, "1) a → b"), "- 1\\) a → b");
        assert_eq!(md.item("   ", 0, "1.5 years"), "- 1.5 years");
        let mut t = super::super::table(&["a"]);
        t.add_row(vec!["x"]);
        assert_eq!(md.table(&t, None, |_| None), "| a |\n| --- |\n| x |\n");
    }
}
