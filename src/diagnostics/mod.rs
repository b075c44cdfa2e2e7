//! Diagnostics: errors and warnings that point into the file that caused them.
//!
//! A [`Diagnostic`] carries a stable code, a severity, the file, the JSON pointer, the line and
//! column, the offending line and a help line (usually the nearest valid id). It is rendered by
//! annotate-snippets, the renderer of rustc and cargo (see [`render`]):
//!
//! ```text
//! error[unknown-skill]: unknown skill `kubernets`
//!  --> profiles/sato.json:5:5
//!   |
//! 5 |     "kubernets": 2
//!   |     ^^^^^^^^^^^ /skills/kubernets
//!   |
//!   = help: did you mean `kubernetes`?
//! ```

mod excerpt;
mod locate;
mod render;
pub mod shape;
mod suggest;

use std::fmt;

use serde::Serialize;

pub use excerpt::{Cut, Excerpt};
pub use locate::{Position, Target, line_text, locate, position_of};
pub use render::render;
pub use suggest::{did_you_mean, nearest};

/// Whether a character would act on a terminal instead of showing: a control character (C0, DEL,
/// C1) other than tab and line feed, or a bidirectional formatting character (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C), which can reorder what a reader sees.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// Text from user data made safe for a terminal: every [unsafe](is_unsafe_char) character
/// written as `\u{…}` (JSON output keeps the exact text; only text for a reader is escaped).
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_unsafe_char) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// How bad a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the input from being used.
    Error,
    /// Worth fixing; the input is still used.
    Warning,
}

/// One problem found in a profile or a knowledge-base file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case code such as `unknown-skill` (listed in `rules/README.md`).
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// The file, as the user named it; `None` for problems not tied to one file.
    pub file: Option<String>,
    /// The JSON pointer of the offending value (empty for the whole document).
    pub pointer: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column in characters, where known.
    pub column: Option<usize>,
    /// The offending line of the file and the token in it, where known; a long line is cut to a
    /// window around the column.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
    /// How to fix it, often naming the nearest valid id.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error with no location.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning with no location.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            file: None,
            pointer: String::new(),
            line: None,
            column: None,
            excerpt: None,
            help: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Points the diagnostic at `pointer` inside `source`, filling in line, column and the excerpt
    /// (the whole token there is underlined).
    pub fn at(mut self, source: &SourceText, pointer: &str, target: Target) -> Self {
        self.file = Some(source.name.clone());
        self.pointer = pointer.to_string();
        if let Some(pos) = locate(&source.text, pointer, target) {
            self.set_position(source, pos, Excerpt::token);
        }
        self
    }

    /// Points the diagnostic at a known line and column of `source` (one character is marked).
    pub fn at_position(mut self, source: &SourceText, pos: Position) -> Self {
        self.file = Some(source.name.clone());
        self.set_position(source, pos, Excerpt::caret);
        self
    }

    fn set_position(
        &mut self,
        source: &SourceText,
        pos: Position,
        excerpt: fn(&str, usize) -> Excerpt,
    ) {
        self.line = Some(pos.line);
        self.column = Some(pos.column);
        if let Some(text) = line_text(&source.text, pos.line) {
            let text = text.trim_end_matches('\r');
            // A column past the end of the line means just after it (as the excerpt shows it).
            // Counted only up to the column: a line can be megabytes long.
            let before = text.chars().take(pos.column.saturating_sub(1)).count();
            let column = pos.column.clamp(1, before + 1);
            self.column = Some(column);
            self.excerpt = Some(excerpt(text, column));
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The plain rendering (no colours); [`Diagnostic::render`] offers the coloured one.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// A file's name (as the user gave it) and its text, kept to point diagnostics into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// The name shown in diagnostics.
    pub name: String,
    /// The whole text.
    pub text: String,
}

impl SourceText {
    /// A named text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }

    /// Fails unless the text is (starts like) a JSON object: an empty file or a top-level array
    /// gets a plain message instead of serde's.
    pub fn expect_object(&self, what: &str, example: &str) -> Result<(), Vec<Diagnostic>> {
        let trimmed = self.text.trim_start();
        let (message, found) = match trimmed.chars().next() {
            Some('{') => return Ok(()),
            None => (
                format!("the file is empty: a {what} is a JSON object"),
                None,
            ),
            Some(c) => (
                format!("a {what} is a JSON object, not {}", describe_json_start(c)),
                Some(self.text.len() - trimmed.len()),
            ),
        };
        let d = Diagnostic::error("invalid-value", message)
            .with_help(Some(format!("for example {example}")));
        Err(vec![match found {
            Some(offset) => d.at_position(self, position_of(&self.text, offset)),
            None => Diagnostic {
                file: Some(self.name.clone()),
                ..d
            },
        }])
    }

    /// A diagnostic for a serde_json error in this text: syntax errors, wrong types, unknown or
    /// missing fields and unknown variants, with the line and column serde reports.
    pub fn parse_error(&self, err: &serde_json::Error) -> Diagnostic {
        use serde_json::error::Category;
        let category = err.classify();
        let code = match category {
            Category::Syntax | Category::Eof => "malformed-json",
            Category::Data => "invalid-value",
            Category::Io => "unreadable",
        };
        // serde's message ends with " at line L column C"; the location is shown separately.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        let message = message
            .replace("expected f64", "expected a number")
            .replace("expected u8", "expected a whole number")
            .replace("expected u32", "expected a whole number");
        let help = expected_key_help(&message);
        let diag = Diagnostic::error(code, message).with_help(help);
        if err.line() == 0 {
            return Diagnostic {
                file: Some(self.name.clone()),
                ..diag
            };
        }
        if category == Category::Eof {
            // serde reports the end of the text, often a line past the last one: point just
            // after the last character instead.
            let end = self.text.trim_end().len();
            return diag.at_position(self, position_of(&self.text, end));
        }
        // serde counts columns in bytes; convert to characters.
        let line = err.line();
        let column = line_text(&self.text, line)
            .map(|l| {
                let byte_col = err.column().min(l.len());
                let mut end = byte_col;
                while end > 0 && !l.is_char_boundary(end) {
                    end -= 1;
                }
                l[..end].chars().count().max(1)
            })
            .unwrap_or(err.column());
        diag.at_position(self, Position { line, column })
    }
}

fn describe_json_start(c: char) -> &'static str {
    match c {
        '[' => "an array",
        '"' => "a string",
        't' | 'f' => "a boolean",
        'n' => "null",
        '-' | '0'..='9' => "a number",
        _ => "JSON",
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" (and "unknown variant"): the
/// nearest expected key.
fn expected_key_help(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (got, expected) = rest.split_once("`, expected ")?;
    let keys: Vec<&str> = expected
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, k)| k)
        .collect();
    did_you_mean(&nearest(got, keys.iter().map(|k| (*k, *k)), 1))
}

/// Sorts diagnostics by file, line and column (then code), so they read top to bottom; the
/// [`OMITTED`] note goes last.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.code == OMITTED, &a.file, a.line, a.column, a.code).cmp(&(
            b.code == OMITTED,
            &b.file,
            b.line,
            b.column,
            b.code,
        ))
    });
}

/// The most diagnostics one profile or knowledge base reports in full; the rest are counted in
/// one [`OMITTED`] note. Locating a diagnostic reads the file up to it, so without a bound a
/// hostile file with many thousands of problems would take quadratic time (compilers bound their
/// errors the same way: clang stops after 20, gcc has `-fmax-errors`).
pub const MAX_DIAGNOSTICS: usize = 100;

/// The code of the note that counts the diagnostics past [`MAX_DIAGNOSTICS`].
pub const OMITTED: &str = "too-many-problems";

/// Diagnostics found past [`MAX_DIAGNOSTICS`], counted instead of reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omitted {
    errors: usize,
    warnings: usize,
}

impl Omitted {
    /// Counts one diagnostic not reported.
    pub fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }

    /// How many were counted.
    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }

    /// The note counting them (an error when any of them is), or `None` when there are none.
    pub fn note(&self) -> Option<Diagnostic> {
        let message = format!(
            "{} more problems ({} errors, {} warnings) were found but are not shown: only the first {MAX_DIAGNOSTICS} are",
            self.total(),
            self.errors,
            self.warnings
        );
        let help = Some("fix the problems shown and run again".to_string());
        match (self.errors, self.warnings) {
            (0, 0) => None,
            (0, _) => Some(Diagnostic::warning(OMITTED, message).with_help(help)),
            _ => Some(Diagnostic::error(OMITTED, message).with_help(help)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_help() {
        let src = SourceText::new("p.json", "{\n  \"skills\": {\"kubernets\": 2}\n}\n");
        let d = Diagnostic::error("unknown-skill", "unknown skill `kubernets`")
            .at(&src, "/skills/kubernets", Target::Key)
            .with_help(did_you_mean(&["kubernetes".to_string()]));
        assert_eq!(
            d.to_string(),
            "error[unknown-skill]: unknown skill `kubernets`
 --> p.json:2:14
  |
2 |   \"skills\": {\"kubernets\": 2}
  |              ^^^^^^^^^^^ /skills/kubernets
  |
  = help: did you mean `kubernetes`?"
        );
    }

    #[test]
    fn renders_without_a_line_or_a_file() {
        let src = SourceText::new("p.json", "{}");
        let d = Diagnostic::error("unknown-skill", "unknown skill `x`")
            .at(&src, "/skills/x", Target::Key)
            .with_help(Some("h".into()));
        assert_eq!(
            d.to_string(),
            "error[unknown-skill]: unknown skill `x`\n --> p.json\n  = note: at /skills/x\n  = help: h"
        );
        let d = Diagnostic::warning("w", "m");
        assert_eq!(d.to_string(), "warning[w]: m");
    }

    #[test]
    fn colour_is_opt_in() {
        let d = Diagnostic::error("x", "y");
        assert!(!d.render(false).contains('\u{1b}'));
        assert!(d.render(true).contains('\u{1b}'));
        assert_eq!(render(&[d.clone(), d], false).matches("\n\n").count(), 2);
    }

    #[test]
    fn parse_errors_carry_line_and_column() {
        let src = SourceText::new("p.json", "{\n  \"a\": [1, 2,,]\n}");
        let err = serde_json::from_str::<serde_json::Value>(&src.text).unwrap_err();
        let d = src.parse_error(&err);
        assert_eq!(d.code, "malformed-json");
        assert_eq!((d.line, d.column), (Some(2), Some(14)));
        assert_eq!(d.message, "expected value");
    }

    #[test]
    fn unknown_keys_get_the_nearest_expected_key() {
        assert_eq!(
            expected_key_help(
                "unknown field `requirement`, expected one of `id`, `requirements`, `source`"
            )
            .as_deref(),
            Some("did you mean `requirements`?")
        );
        assert_eq!(
            expected_key_help(
                "unknown variant `skil_at_least`, expected one of `all`, `skill_at_least`"
            )
            .as_deref(),
            Some("did you mean `skill_at_least`?")
        );
        assert_eq!(expected_key_help("expected value"), None);
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(1_000_000), "b".repeat(1_000_000));
        let src = SourceText::new("r.json", format!("{{\"k\": \"{line}\"}}"));
        let d = Diagnostic::error("x", "y").at_position(
            &src,
            Position {
                line: 1,
                column: 1_000_008,
            },
        );
        assert_eq!(d.column, Some(1_000_008));
        let shown = d.to_string();
        assert!(shown.len() < 1_000, "{shown}");
        assert!(shown.contains(" --> r.json:1:1000008\n"), "{shown}");
        assert!(
            shown
                .contains("line 1 is 2000010 characters long: characters 999948–1000067 are shown"),
            "{shown}"
        );
        assert!(shown.contains("aX"), "{shown}");
    }

    #[test]
    fn a_column_past_the_end_of_the_line_is_just_after_it() {
        let src = SourceText::new("p.json", "𖭐\r\n");
        let d = Diagnostic::error("x", "y").at_position(&src, Position { line: 1, column: 3 });
        assert_eq!(d.column, Some(2));
        assert!(d.to_string().contains(" --> p.json:1:2\n"), "{d}");
    }

    #[test]
    fn the_caret_lines_up_under_wide_characters() {
        let src = SourceText::new("r.json", "{\"名前\": 7}");
        let d = Diagnostic::error("x", "y").at(&src, "/名前", Target::Value);
        // `{"名前": ` is 7 characters but 9 columns wide; one more space follows the bar.
        assert!(
            d.to_string()
                .contains(&format!("\n  | {}^ /名前", " ".repeat(9))),
            "{d}"
        );
    }
}
