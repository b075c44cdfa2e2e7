//! Colour in text output: headings, readiness and the ✓/✗ of condition traces.
//!
//! Colour is ANSI escape codes (SGR, from `anstyle`), added only when [`Options::colour`] is on;
//! the binary turns it on for a terminal without `NO_COLOR`. Stripping the codes always gives
//! exactly the plain output: colour is wrapped around text, never replaces it, and tables are
//! laid out plain first and coloured afterwards ([`Options::table`]), so column widths stay
//! right.

use anstyle::{AnsiColor, Style};
use comfy_table::Table;
use unicode_width::UnicodeWidthChar;

use super::Options;
use crate::scoring::Readiness;

/// What a piece of text is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paint {
    /// A heading or a title line: bold.
    Heading,
    /// Ready, or a condition that holds: green.
    Good,
    /// Stretch: yellow.
    Fair,
    /// Long-term, or a condition that fails: red.
    Bad,
}

impl Paint {
    fn style(self) -> Style {
        match self {
            Paint::Heading => Style::new().bold(),
            Paint::Good => AnsiColor::Green.on_default(),
            Paint::Fair => AnsiColor::Yellow.on_default(),
            Paint::Bad => AnsiColor::Red.on_default(),
        }
    }

    /// The colour of a readiness.
    pub(crate) fn of(r: Readiness) -> Paint {
        match r {
            Readiness::Ready => Paint::Good,
            Readiness::Stretch => Paint::Fair,
            Readiness::LongTerm => Paint::Bad,
        }
    }
}

impl Options<'_> {
    /// `text` in the colour of `p`, or as it is without colour. Text already coloured inside
    /// keeps its colour, and the outer one resumes after it.
    pub(crate) fn paint(&self, p: Paint, text: &str) -> String {
        if !self.colour || text.is_empty() {
            return text.to_string();
        }
        let (start, reset) = (p.style().render().to_string(), anstyle::Reset.render());
        let resumed = text.replace(&reset.to_string(), &format!("{reset}{start}"));
        format!("{start}{resumed}{reset}")
    }

    /// A readiness as a word in the language, coloured.
    pub(crate) fn readiness(&self, r: Readiness) -> String {
        self.paint(Paint::of(r), self.lang.term(r.as_str()))
    }

    /// For [`Options::table`]: the colour of a cell that shows a readiness in the language.
    pub(crate) fn readiness_cell(&self) -> impl Fn(&str) -> Option<Paint> + use<> {
        let lang = self.lang;
        move |word| {
            [Readiness::Ready, Readiness::Stretch, Readiness::LongTerm]
                .into_iter()
                .find(|r| lang.term(r.as_str()) == word)
                .map(Paint::of)
        }
    }

    /// ✓ or ✗, coloured.
    pub(crate) fn mark(&self, passed: bool) -> String {
        if passed {
            self.paint(Paint::Good, "✓")
        } else {
            self.paint(Paint::Bad, "✗")
        }
    }

    /// A table laid out plain, then with its header bold and each cell of `column` coloured by
    /// `paint` (e.g. readiness by its word).
    pub(crate) fn painted_table(
        &self,
        t: &Table,
        column: Option<usize>,
        paint: impl Fn(&str) -> Option<Paint>,
    ) -> String {
        let plain = t.to_string();
        if !self.colour {
            return plain;
        }
        let headers: Vec<String> = t
            .header()
            .map(|h| h.cell_iter().map(|c| c.content()).collect())
            .unwrap_or_default();
        let mut lines = plain.lines();
        let Some(header) = lines.next() else {
            return plain;
        };
        let span = column.and_then(|c| column_span(header, &headers, c));
        let mut out = vec![self.heading(header.trim_end())];
        for line in lines {
            out.push(match span {
                Some((from, to)) => paint_span(self, line, from, to, &paint),
                None => line.to_string(),
            });
        }
        out.join("\n")
    }
}

/// The display columns `[from, to)` of column `c` of a header line whose cells are `headers`
/// (each cell starts where its name does; the last one runs to the end of the line).
fn column_span(header: &str, headers: &[String], c: usize) -> Option<(usize, usize)> {
    let mut starts = Vec::new();
    let mut searched = 0;
    for name in headers {
        let at = searched + header.get(searched..)?.find(name.as_str())?;
        starts.push(width(header.get(..at)?));
        searched = at + name.len();
    }
    let from = *starts.get(c)?;
    let to = starts.get(c + 1).copied().unwrap_or(usize::MAX);
    Some((from, to))
}

/// The line with the text between display columns `from` and `to` coloured by `paint`.
fn paint_span(
    o: &Options,
    line: &str,
    from: usize,
    to: usize,
    paint: &impl Fn(&str) -> Option<Paint>,
) -> String {
    let (mut before, mut cell, mut after) = (String::new(), String::new(), String::new());
    let mut col = 0;
    for ch in line.chars() {
        match col {
            c if c < from => before.push(ch),
            c if c < to => cell.push(ch),
            _ => after.push(ch),
        }
        col += ch.width().unwrap_or(0);
    }
    let word = cell.trim_end();
    let pad = cell.get(word.len()..).unwrap_or_default();
    match paint(word.trim_start()) {
        Some(p) if !word.trim().is_empty() => {
            format!("{before}{}{pad}{after}", o.paint(p, word))
        }
        _ => line.to_string(),
    }
}

fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `text` without ANSI SGR escape codes (`ESC [ … m`).
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    const ON: Options = Options {
        lang: Lang::En,
        colour: true,
        markdown: false,
        registry: &[],
        width: 200,
    };

    #[test]
    fn nested_colour_resumes_and_strips_to_the_plain_text() {
        let inner = ON.readiness(Readiness::Ready);
        let line = ON.paint(Paint::Heading, &format!("1. sre — {inner} (now)"));
        assert!(line.contains('\u{1b}'));
        assert_eq!(strip(&line), "1. sre — ready (now)");
        assert_eq!(Options::default().paint(Paint::Heading, "x"), "x");
    }

    #[test]
    fn a_coloured_column_keeps_the_layout() {
        let mut t = super::super::table(&["role", "準備状況", "next"]);
        t.add_row(vec!["sre", "準備完了", "x"]);
        t.add_row(vec!["インフラ", "長期", "y"]);
        let coloured = ON.painted_table(&t, Some(1), |w| (w == "長期").then_some(Paint::Bad));
        assert!(coloured.contains("\u{1b}[31m長期"));
        let tidy = super::super::tidy;
        assert_eq!(tidy(&strip(&coloured)), tidy(&t.to_string()));
    }
}
