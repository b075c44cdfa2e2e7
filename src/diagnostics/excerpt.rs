//! The part of a source line a diagnostic shows, and the span of the offending token in it.

use std::ops::Range;

/// The longest line shown whole; a longer one (a minified or hostile file can hold megabytes on
/// one line) is cut to [`SNIPPET_SIDE`] characters each side of the column. The renderer then
/// fits what it is given to its width, so this bound only keeps the work and the memory small.
const SNIPPET_MAX: usize = 500;
/// Characters kept each side of the column in a cut line.
const SNIPPET_SIDE: usize = 60;

/// The offending line of a file (or a window of it) and where the offending token is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line, or the window of it that is shown.
    pub text: String,
    /// The offending token: a byte range of `text` on character boundaries (empty at the end of
    /// a line, for "EOF while parsing").
    pub span: Range<usize>,
    /// For a cut line: the column (in characters, from 1) where `text` starts and the length of
    /// the whole line in characters. `None` when `text` is the whole line.
    pub cut: Option<Cut>,
}

/// Where a window lies in a line too long to show whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// The column of the window's first character, from 1.
    pub first: usize,
    /// How many characters the whole line has.
    pub line_chars: usize,
}

impl Excerpt {
    /// The excerpt of `line` for a value found at 1-based character `column`: the whole token
    /// that starts there is underlined.
    pub fn token(line: &str, column: usize) -> Self {
        Self::of(line, column, token_len)
    }

    /// The excerpt of `line` for a position reported by the parser (which stops anywhere in or
    /// after a token): the one character at 1-based character `column` is underlined.
    pub fn caret(line: &str, column: usize) -> Self {
        Self::of(line, column, |rest| {
            rest.chars().next().map_or(0, char::len_utf8)
        })
    }

    fn of(line: &str, column: usize, span_len: fn(&str) -> usize) -> Self {
        let at = column.saturating_sub(1);
        let (text, at, cut) = match line.char_indices().nth(SNIPPET_MAX) {
            None => (line, at, None),
            Some(_) => {
                let first = at.saturating_sub(SNIPPET_SIDE);
                let text = char_range(line, first, at.saturating_add(SNIPPET_SIDE));
                let cut = Cut {
                    first: first + 1,
                    line_chars: line.chars().count(),
                };
                (text, at - first, Some(cut))
            }
        };
        let start = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
        let rest = text.get(start..).unwrap_or_default();
        Self {
            text: text.to_string(),
            span: start..start + span_len(rest),
            cut,
        }
    }
}

/// Characters `from..to` of `s` (clamped to its length).
fn char_range(s: &str, from: usize, to: usize) -> &str {
    let byte = |n: usize| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let start = byte(from);
    let rest = s.get(start..).unwrap_or_default();
    let end = rest
        .char_indices()
        .nth(to.saturating_sub(from))
        .map_or(rest.len(), |(i, _)| i);
    rest.get(..end).unwrap_or_default()
}

/// The length in bytes of the JSON token `rest` starts with: a whole string (to its closing
/// quote, or the end of the line), a whole number or literal, otherwise one character.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        None => 0,
        Some((_, '"')) => {
            let mut escaped = false;
            for (i, c) in chars {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => return i + 1,
                    _ => {}
                }
            }
            rest.len()
        }
        Some((_, c)) if c.is_ascii_alphanumeric() || c == '-' => rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.')))
            .unwrap_or(rest.len()),
        Some((_, c)) => c.len_utf8(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(e: &Excerpt) -> &str {
        e.text.get(e.span.clone()).unwrap_or("?")
    }

    #[test]
    fn spans_cover_the_token() {
        let line = r#"  "skills": {"kube\"rnets": 2, "n": -1.5e3, "b": true}, [x"#;
        let at = |token: &str| line.find(token).map_or(0, |i| i + 1);
        assert_eq!(
            shown(&Excerpt::token(line, at("\"kube"))),
            r#""kube\"rnets""#
        );
        assert_eq!(shown(&Excerpt::token(line, at("2,"))), "2");
        assert_eq!(shown(&Excerpt::token(line, at("-1"))), "-1.5e3");
        assert_eq!(shown(&Excerpt::token(line, at("true"))), "true");
        assert_eq!(shown(&Excerpt::token(line, at("{"))), "{");
        assert_eq!(shown(&Excerpt::token(line, at("["))), "[");
        assert_eq!(shown(&Excerpt::caret(line, at("\"kube"))), "\"");
        let end = Excerpt::token(line, line.len() + 1);
        assert_eq!(end.span, line.len()..line.len());
        assert_eq!(end.cut, None);
    }

    #[test]
    fn spans_fall_on_character_boundaries() {
        let e = Excerpt::token(r#"{"名前": "佐藤"}"#, 8);
        assert_eq!(shown(&e), r#""佐藤""#);
        let open = Excerpt::token(r#"{"名前": "佐藤"#, 8);
        assert_eq!(shown(&open), r#""佐藤"#);
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("{}\"X\"{}", "a".repeat(10_000), "b".repeat(10_000));
        let e = Excerpt::token(&line, 10_001);
        assert_eq!(shown(&e), "\"X\"");
        assert_eq!(e.text.chars().count(), 2 * SNIPPET_SIDE);
        assert_eq!(
            e.cut,
            Some(Cut {
                first: 10_001 - SNIPPET_SIDE,
                line_chars: 20_003
            })
        );
        let start = Excerpt::token(&line, 1);
        assert_eq!(start.cut.map(|c| c.first), Some(1));
        assert_eq!(shown(&start), "a".repeat(SNIPPET_SIDE));
    }
}
