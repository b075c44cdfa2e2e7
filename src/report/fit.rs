//! Text output that fits the terminal: tables narrowed to [`Options::width`] and lines wrapped
//! under their own indentation.
//!
//! Widths are terminal columns ([`unicode_width`]: a CJK character takes two, an ANSI colour
//! code none). A table first closes up its columns (one space between them instead of three),
//! then drops the columns its renderer named as the least useful, in that
//! order, until it fits; if it still does not, its widest cells wrap. A line of prose wider than
//! the width wraps at a break the Unicode line-breaking rules allow (between words, and between
//! Japanese characters but not before 、。) and continues under the start of its text, past its
//! indentation and list marker, so a list item stays a list item.

use comfy_table::{ContentArrangement, Table};

use super::Options;
use super::paint::Paint;

/// The display width of `text`, ANSI colour codes not counted.
pub(crate) fn width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// The width of a table's widest line as laid out.
fn table_width(t: &Table) -> usize {
    t.to_string().lines().map(width).max().unwrap_or(0)
}

/// The table without column `c`: the house style, and the header and rows minus that cell
/// (the house tables set nothing per cell, so their contents are all there is).
fn without(t: &Table, c: usize) -> Table {
    let keep = |cells: std::slice::Iter<'_, comfy_table::Cell>| -> Vec<String> {
        cells
            .enumerate()
            .filter(|(i, _)| *i != c)
            .map(|(_, cell)| cell.content())
            .collect()
    };
    let header: Vec<String> = t.header().map(|h| keep(h.cell_iter())).unwrap_or_default();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut out = super::table(&header);
    for row in t.row_iter() {
        out.add_row(keep(row.cell_iter()));
    }
    out
}

/// How hard a wrapped table holds on to whole words.
#[derive(Clone, Copy)]
enum Hold {
    /// Ids and numbers whole, other columns at least as wide as their longest word (up to
    /// [`LONGEST_WORD`] columns).
    Words,
    /// Ids and numbers whole.
    Ids,
    /// Nothing: cells wrap anywhere (the last resort, for very narrow widths).
    Nothing,
}

/// The table's columns constrained as `hold` says: a column of ASCII single words (ids,
/// numbers, marks) keeps its width when the others wrap, as an id cut in two cannot be copied.
fn hold(t: &mut Table, hold: Hold) {
    use comfy_table::{ColumnConstraint, Width};
    if matches!(hold, Hold::Nothing) {
        return;
    }
    let n = t.column_count();
    let widths: Vec<(bool, usize)> = (0..n)
        .map(|c| {
            let cells: Vec<String> = t
                .row_iter()
                .filter_map(|r| r.cell_iter().nth(c).map(comfy_table::Cell::content))
                .collect();
            let whole = cells
                .iter()
                .all(|s| s.is_ascii() && !s.contains(char::is_whitespace));
            // A Japanese text breaks between any two characters: its "word" is one character.
            let word = cells
                .iter()
                .flat_map(|s| {
                    s.split_whitespace()
                        .map(|w| if w.is_ascii() { width(w) } else { 2 })
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(0);
            (whole, word)
        })
        .collect();
    for (column, (whole, word)) in t.column_iter_mut().zip(widths) {
        if whole {
            column.set_constraint(ColumnConstraint::ContentWidth);
        } else if matches!(hold, Hold::Words) {
            let word = u16::try_from(word.min(LONGEST_WORD)).unwrap_or(1);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(word)));
        }
    }
}

/// The widest word a wrapped column is kept wide enough for.
const LONGEST_WORD: usize = 14;

/// One space between columns instead of three, the first step when a table is too wide.
fn tighten(t: &mut Table) {
    for c in t.column_iter_mut() {
        c.set_padding((0, 1));
    }
}

impl Options<'_> {
    /// A table fitted to [`Options::width`] (see the module's documentation): the columns in
    /// `drop` (indices into `t`'s columns, least useful first) go one by one while it is too
    /// wide, then the widest cells wrap. `column` and `paint` colour cells as in
    /// [`Options::table`] (`column` indexes `t`'s columns; a dropped one is not coloured).
    pub(crate) fn fitted_table(
        &self,
        t: &Table,
        drop: &[usize],
        column: Option<usize>,
        paint: impl Fn(&str) -> Option<Paint>,
    ) -> String {
        if self.markdown {
            return super::markdown(t);
        }
        let mut t = t.clone();
        if table_width(&t) > self.width {
            tighten(&mut t);
        }
        // Where each of `t`'s original columns is now (None once dropped).
        let n = t.column_count();
        let mut at: Vec<Option<usize>> = (0..n).map(Some).collect();
        for &c in drop {
            if table_width(&t) <= self.width {
                break;
            }
            let Some(Some(now)) = at.get(c).copied() else {
                continue;
            };
            t = without(&t, now);
            tighten(&mut t);
            if let Some(slot) = at.get_mut(c) {
                *slot = None;
            }
            for a in at.iter_mut().flatten() {
                if *a > now {
                    *a -= 1;
                }
            }
        }
        if table_width(&t) > self.width {
            // Wrap, holding on to whole words as long as the table then fits.
            for how in [Hold::Words, Hold::Ids, Hold::Nothing] {
                let mut wrapped = t.clone();
                hold(&mut wrapped, how);
                wrapped
                    .set_width(u16::try_from(self.width).unwrap_or(u16::MAX))
                    .set_content_arrangement(ContentArrangement::Dynamic);
                let fits = table_width(&wrapped) <= self.width;
                if fits || matches!(how, Hold::Nothing) {
                    t = wrapped;
                    break;
                }
            }
        }
        let column = column.and_then(|c| at.get(c).copied().flatten());
        self.painted_table(&t, column, paint)
    }
}

/// Where a line's continuation starts: past its indentation and a list marker (`- `, `• `,
/// `✓ `, `1. `, `[2] ` …), or, for a line laid out in columns (`  +9.7万円/月     ×1.15 …`),
/// under its second column; in display columns.
fn hang(line: &str) -> usize {
    let plain = super::strip(line);
    let body = plain.trim_start();
    let indent = width(&plain[..plain.len() - body.len()]);
    let marker = ["- ", "* ", "• ", "・", "→ ", "✓ ", "✗ ", "+ ", "− "]
        .iter()
        .find(|m| body.starts_with(**m))
        .map(|m| m.len())
        .or_else(|| numbered(body))
        .unwrap_or(0);
    let rest = &body[marker..];
    let start = indent + width(&body[..marker]);
    if let Some(gap) = rest.find("  ") {
        let after = rest[gap..].trim_start();
        if !after.is_empty() {
            return start + width(&rest[..rest.len() - after.len()]);
        }
    }
    // A short label ("gaps: …", "あと一歩: …") keeps its text in one column.
    match rest.find(": ") {
        Some(colon) if width(&rest[..colon]) <= LABEL => start + width(&rest[..colon + 2]),
        _ => start,
    }
}

/// The widest label a continuation goes under (wider ones are a sentence's own colon).
const LABEL: usize = 14;

/// The length of a numbered marker at the start of `body`: `12. `, `3) `, `[4] `.
fn numbered(body: &str) -> Option<usize> {
    let (open, digits_from) = if body.starts_with('[') {
        (1, 1)
    } else {
        (0, 0)
    };
    let digits = body[digits_from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let rest = &body[digits_from + digits..];
    let close = if open == 1 {
        rest.starts_with("] ").then_some(2)
    } else if rest.starts_with(". ") || rest.starts_with(") ") {
        Some(2)
    } else {
        None
    };
    close.map(|c| open + digits + c)
}

/// `text` with every line wider than `width` wrapped (see the module's documentation); lines
/// that fit are kept exactly.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if self::width(body) <= width {
            out.push_str(line);
            continue;
        }
        let hang = hang(body).min(width / 2);
        let indent = " ".repeat(hang);
        let options = textwrap::Options::new(width)
            .subsequent_indent(&indent)
            .word_separator(textwrap::WordSeparator::Custom(words))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(true);
        let wrapped = textwrap::wrap(body, options);
        for (i, piece) in wrapped.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(piece.trim_end());
        }
        out.push_str(newline);
    }
    out
}

/// The width text output is laid out for when `--width` is not given: `COLUMNS` when it is a
/// number, else the terminal's width (`terminal`: standard output's, when it is one), else
/// [`super::DEFAULT_WIDTH`]; kept between [`super::MIN_WIDTH`] and 1000.
pub fn settle_width(columns: Option<&str>, terminal: Option<u16>) -> u16 {
    let asked = columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0)
        .or(terminal.filter(|&t| t > 0))
        .map_or(super::DEFAULT_WIDTH, usize::from);
    u16::try_from(asked.clamp(super::MIN_WIDTH, 1000)).unwrap_or(1000)
}

/// The words of a line where it may break: the Unicode line-breaking opportunities, except
/// inside a hyphenated word (`infra-engineer`, `ccnp-enterprise`): an id is copied whole.
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut out: Vec<textwrap::core::Word<'_>> = Vec::new();
    let offset = |part: &str| part.as_ptr() as usize - line.as_ptr() as usize;
    for w in textwrap::WordSeparator::UnicodeBreakProperties.find_words(line) {
        if let Some(prev) = out.last_mut()
            && prev.whitespace.is_empty()
            && prev.word.ends_with('-')
            && w.word.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            let (start, end) = (offset(prev.word), offset(w.word) + w.word.len());
            if let Some(joined) = line.get(start..end) {
                let mut merged = textwrap::core::Word::from(joined);
                merged.whitespace = w.whitespace;
                merged.penalty = w.penalty;
                *prev = merged;
                continue;
            }
        }
        out.push(w);
    }
    Box::new(out.into_iter())
}

/// Whether every line of `text` fits in `width` columns.
pub fn fits(text: &str, width: usize) -> bool {
    text.lines().all(|l| self::width(l) <= width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_comes_from_columns_then_the_terminal_then_80() {
        assert_eq!(settle_width(Some("120"), Some(100)), 120);
        assert_eq!(settle_width(Some("wide"), Some(100)), 100);
        assert_eq!(settle_width(None, None), 80);
        assert_eq!(settle_width(Some("0"), None), 80);
        assert_eq!(settle_width(Some("12"), None), 40);
        assert_eq!(settle_width(Some("65535"), None), 1000);
    }

    #[test]
    fn short_lines_are_kept_exactly() {
        let text = "a\n  - b\n\nc";
        assert_eq!(fit(text, 80), text);
    }

    #[test]
    fn a_long_item_wraps_under_its_text() {
        let line = "   - a step up from Infrastructure engineer to a role with a much longer name";
        let got = fit(line, 40);
        assert!(fits(&got, 40), "{got}");
        for cont in got.lines().skip(1) {
            assert!(
                cont.starts_with("     ") && !cont.starts_with("      "),
                "{got}"
            );
        }
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            line.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn japanese_wraps_between_characters_not_before_punctuation() {
        let line = "  ・インフラエンジニアからSREへの移行は、自社サービスを持つ企業で一般的です。";
        let got = fit(line, 30);
        assert!(fits(&got, 30), "{got}");
        for cont in got.lines().skip(1) {
            assert!(cont.starts_with("    "), "{got}");
            let first = cont.trim_start().chars().next();
            assert!(!matches!(first, Some('、' | '。')), "{got}");
        }
    }

    #[test]
    fn numbered_markers_and_source_marks_hang() {
        assert_eq!(hang("12. text"), 4);
        assert_eq!(hang("  [3] title"), 6);
        assert_eq!(hang("  ✓ ok"), 4);
        assert_eq!(hang("plain"), 0);
        assert_eq!(hang("1.5 years"), 0);
        assert_eq!(hang("  +9.7万円/月     ×1.15 cloud"), 18);
        assert_eq!(hang("  - id  name"), 8);
        assert_eq!(hang("   gaps: aws 0→2"), 9);
        assert_eq!(hang("   あと一歩: x"), 13);
        assert_eq!(hang("   - a long sentence with its own colon: here"), 5);
    }

    #[test]
    fn a_wide_table_drops_the_named_columns_first_then_wraps() {
        let o = Options {
            width: 40,
            ..Options::default()
        };
        let mut t = super::super::table(&["id", "name", "score", "note"]);
        t.add_row(vec![
            "infra-engineer",
            "Infrastructure engineer",
            "0.72",
            "a long note that goes on",
        ]);
        let got = o.fitted_table(&t, &[1], None, |_| None);
        assert!(fits(&got, 40), "{got}");
        assert!(!got.contains("Infrastructure engineer"), "{got}");
        assert!(got.contains("infra-engineer"), "{got}");
        // Wrapping cells never cuts an id.
        let mut ids = super::super::table(&["id", "note"]);
        ids.add_row(vec![
            "requirements-definition",
            "a note long enough that the table must wrap it somewhere",
        ]);
        let got = o.fitted_table(&ids, &[], None, |_| None);
        assert!(
            fits(&got, 40) && got.contains("requirements-definition"),
            "{got}"
        );
        let wide = Options {
            width: 200,
            ..Options::default()
        };
        assert!(
            wide.fitted_table(&t, &[1], None, |_| None)
                .contains("Infrastructure engineer")
        );
    }
}
