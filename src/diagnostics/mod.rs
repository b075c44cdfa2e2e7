//! Diagnostics: errors and warnings that point into the file that caused them.
//!
//! A [`Diagnostic`] carries a stable code, a severity, the file, the JSON pointer, the line and
//! column, the offending line and a help line (usually the nearest valid id). It prints the way
//! cargo-deny and just print theirs:
//!
//! ```text
//! error[unknown-skill]: unknown skill `kubernets`
//!   --> profiles/sato.json:5:5 (/skills/kubernets)
//!    |
//!  5 |     "kubernets": 2
//!    |     ^
//!    = help: did you mean `kubernetes`?
//! ```

mod locate;
mod suggest;

use std::fmt;

use serde::Serialize;

pub use locate::{Position, Target, line_text, locate, position_of};
pub use suggest::{did_you_mean, nearest};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the input from being used.
    Error,
    /// Worth fixing; the input is still used.
    Warning,
}

/// One problem found in a profile or a knowledge-base file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// The offending line of the file, where known; a long line is cut to a window around the
    /// column, marked with `…`.
    #[serde(skip)]
    pub snippet: Option<String>,
    /// The caret's column within `snippet`, in characters from 1.
    #[serde(skip)]
    pub snippet_column: Option<usize>,
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
            snippet: None,
            snippet_column: None,
            help: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Points the diagnostic at `pointer` inside `source`, filling in line, column and snippet.
    pub fn at(mut self, source: &SourceText, pointer: &str, target: Target) -> Self {
        self.file = Some(source.name.clone());
        self.pointer = pointer.to_string();
        if let Some(pos) = locate(&source.text, pointer, target) {
            self.set_position(source, pos);
        }
        self
    }

    /// Points the diagnostic at a known line and column of `source`.
    pub fn at_position(mut self, source: &SourceText, pos: Position) -> Self {
        self.file = Some(source.name.clone());
        self.set_position(source, pos);
        self
    }

    fn set_position(&mut self, source: &SourceText, pos: Position) {
        self.line = Some(pos.line);
        self.column = Some(pos.column);
        if let Some(text) = line_text(&source.text, pos.line) {
            let (snippet, column) = window(text, pos.column);
            self.snippet = Some(snippet);
            self.snippet_column = Some(column);
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]: {}", self.code, self.message)?;
        if let Some(file) = &self.file {
            write!(f, "\n  --> {file}")?;
            if let (Some(line), Some(column)) = (self.line, self.column) {
                write!(f, ":{line}:{column}")?;
            }
            if !self.pointer.is_empty() {
                write!(f, " ({})", self.pointer)?;
            }
        }
        if let (Some(snippet), Some(line), Some(column)) =
            (&self.snippet, self.line, self.snippet_column)
        {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            // Columns count characters; pad by display width so the caret also lines up under
            // double-width (Japanese) text.
            let caret_pad: String = snippet
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| match c {
                    '\t' => "\t".to_string(),
                    c => " ".repeat(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)),
                })
                .collect();
            write!(
                f,
                "\n {pad} |\n {number} | {snippet}\n {pad} | {caret_pad}^",
                snippet = snippet.trim_end()
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n   = help: {help}")?;
        }
        Ok(())
    }
}

/// The longest line shown whole; a longer one (a minified or hostile file can hold megabytes on
/// one line) is cut to [`SNIPPET_SIDE`] characters each side of the caret.
const SNIPPET_MAX: usize = 500;
/// Characters shown each side of the caret in a cut line.
const SNIPPET_SIDE: usize = 80;

/// The part of `line` shown around 1-based character `column`, and the column within it.
fn window(line: &str, column: usize) -> (String, usize) {
    let len = line.chars().count();
    if len <= SNIPPET_MAX {
        return (line.to_string(), column);
    }
    let start = column.saturating_sub(1).saturating_sub(SNIPPET_SIDE);
    let end = (column + SNIPPET_SIDE).min(len);
    let mut out: String = line.chars().skip(start).take(end - start).collect();
    let mut caret = column - start;
    if start > 0 {
        out.insert(0, '…');
        caret += 1;
    }
    if end < len {
        out.push('…');
    }
    (out, caret)
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
        let code = match err.classify() {
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

/// Renders diagnostics one after another, separated by blank lines.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push_str("\n\n");
    }
    out
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
            "error[unknown-skill]: unknown skill `kubernets`\n  --> p.json:2:14 (/skills/kubernets)\n   |\n 2 |   \"skills\": {\"kubernets\": 2}\n   |              ^\n   = help: did you mean `kubernetes`?"
        );
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
        let line = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let src = SourceText::new("r.json", format!("{{\"k\": \"{line}\"}}"));
        let d = Diagnostic::error("x", "y").at_position(
            &src,
            Position {
                line: 1,
                column: 1008,
            },
        );
        let shown = d.snippet.as_deref().unwrap_or_default();
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(
            shown.chars().nth(d.snippet_column.unwrap_or(0) - 1),
            Some('X')
        );
        assert_eq!(d.column, Some(1008));
        assert!(d.to_string().len() < 500);
    }

    #[test]
    fn the_caret_lines_up_under_wide_characters() {
        let src = SourceText::new("r.json", "{\"名前\": 7}");
        let d = Diagnostic::error("x", "y").at(&src, "/名前", Target::Value);
        // `{"名前": ` is 7 characters but 9 columns wide; one more space follows the bar.
        assert!(
            d.to_string()
                .ends_with(&format!("\n   | {}^", " ".repeat(9))),
            "{d}"
        );
    }
}
