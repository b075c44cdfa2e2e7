//! Rendering diagnostics with annotate-snippets, the renderer of rustc and cargo.
//!
//! A diagnostic becomes one report: the title `error[code]: message`, the location
//! `--> file:line:column`, the offending line with the token underlined and labelled with its JSON
//! pointer, then the help line. A line too long to show whole is shown as a window around the
//! column, under a note saying which part it is; the location above it stays that of the line.
//! A message or pointer made huge by a huge id is shown cut in the middle, so a hostile file
//! never makes the output as large as itself.

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::excerpt::Excerpt;
use super::{Diagnostic, Severity};

impl Diagnostic {
    /// The diagnostic as text: plain, or with ANSI colours when `colour` is set.
    pub fn render(&self, colour: bool) -> String {
        let renderer = if colour {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        // User data (ids, names, the excerpt of the line) may hold control or bidirectional
        // characters: escaped for the terminal, the caret kept under the same token.
        if self.has_unsafe_text() {
            return renderer.render(&self.terminal_safe().report());
        }
        renderer.render(&self.report())
    }

    fn has_unsafe_text(&self) -> bool {
        let unsafe_in = |s: &str| s.chars().any(super::is_unsafe_char);
        unsafe_in(&self.message)
            || self.help.as_deref().is_some_and(unsafe_in)
            || unsafe_in(&self.pointer)
            || self.file.as_deref().is_some_and(unsafe_in)
            || self.excerpt.as_ref().is_some_and(|e| unsafe_in(&e.text))
    }

    /// A copy with every unsafe character escaped (the excerpt's span moved with its text).
    fn terminal_safe(&self) -> Self {
        use super::escape_controls as esc;
        let mut d = self.clone();
        d.message = esc(&d.message);
        d.help = d.help.as_deref().map(esc);
        d.pointer = esc(&d.pointer);
        d.file = d.file.as_deref().map(esc);
        if let Some(e) = &mut d.excerpt {
            let mut text = String::with_capacity(e.text.len() + 16);
            let (mut start, mut end) = (None, None);
            for (i, c) in e.text.char_indices() {
                if i == e.span.start {
                    start = Some(text.len());
                }
                if i == e.span.end {
                    end = Some(text.len());
                }
                if super::is_unsafe_char(c) {
                    text.push_str(&esc(c.encode_utf8(&mut [0; 4])));
                } else {
                    text.push(c);
                }
            }
            let len = text.len();
            e.span = start.unwrap_or(len)..end.unwrap_or(len).max(start.unwrap_or(len));
            e.text = text;
        }
        d
    }

    fn report(&self) -> Vec<Group<'_>> {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level
            .primary_title(clip(&self.message, MAX_MESSAGE))
            .id(self.code);
        let help = self
            .help
            .as_deref()
            .map(|h| Level::HELP.message(h))
            .into_iter();
        let (Some(file), Some(line)) = (self.file.as_deref(), self.line) else {
            let origin = self.file.as_deref().map(Origin::path);
            return vec![
                title
                    .elements(origin)
                    .elements(self.pointer_note().chain(help)),
            ];
        };
        let Some(excerpt) = &self.excerpt else {
            let mut origin = Origin::path(file).line(line);
            if let Some(column) = self.column {
                origin = origin.char_column(column);
            }
            return vec![
                title
                    .element(origin)
                    .elements(self.pointer_note().chain(help)),
            ];
        };
        let snippet = self.snippet(excerpt, line);
        match excerpt.cut {
            None => vec![title.element(snippet.path(file)).elements(help)],
            Some(cut) => {
                let origin = Origin::path(file)
                    .line(line)
                    .char_column(self.column.unwrap_or(cut.first));
                let last = cut.first + excerpt.text.chars().count().saturating_sub(1);
                let note = format!(
                    "line {line} is {} characters long: characters {}–{last} are shown",
                    cut.line_chars, cut.first
                );
                vec![
                    title.element(origin),
                    Level::NOTE
                        .secondary_title(note)
                        .element(snippet)
                        .elements(help),
                ]
            }
        }
    }

    /// The offending line, the token underlined and labelled with the JSON pointer.
    fn snippet<'a>(
        &'a self,
        excerpt: &'a Excerpt,
        line: usize,
    ) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        let mark = AnnotationKind::Primary.span(excerpt.span.clone());
        let mark = match self.pointer.as_str() {
            "" => mark,
            pointer => mark.label(clip(pointer, MAX_POINTER)),
        };
        Snippet::source(excerpt.text.as_str())
            .line_start(line)
            .annotation(mark)
    }

    /// "at /pointer", for a diagnostic whose line is not shown.
    fn pointer_note(&self) -> impl Iterator<Item = annotate_snippets::Message<'_>> {
        (!self.pointer.is_empty())
            .then(|| Level::NOTE.message(format!("at {}", clip(&self.pointer, MAX_POINTER))))
            .into_iter()
    }
}

/// The longest message shown whole, in characters (serde's longest, listing the expected keys,
/// are about 300).
const MAX_MESSAGE: usize = 1_000;
/// The longest JSON pointer shown whole, in characters.
const MAX_POINTER: usize = 200;
/// Characters kept from the end of a cut text (the closing quote of an id, `in --target` …).
const TAIL: usize = 20;

/// `text`, or when it is longer than `max` characters its start and end around a marker that
/// counts what is left out.
fn clip(text: &str, max: usize) -> Cow<'_, str> {
    let len = text.chars().count();
    if len <= max {
        return Cow::Borrowed(text);
    }
    let head: String = text.chars().take(max - TAIL).collect();
    let tail: String = text.chars().skip(len - TAIL).collect();
    Cow::Owned(format!("{head}[… {} characters …]{tail}", len - max))
}

/// Renders diagnostics one after another, separated by blank lines: plain text, or with ANSI
/// colours when `colour` is set (for a terminal; the library itself never prints).
pub fn render(diagnostics: &[Diagnostic], colour: bool) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.render(colour));
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_texts_are_cut_in_the_middle() {
        assert_eq!(clip("short", 10), "short");
        let id = format!("unknown skill `{}`", "k".repeat(5_000));
        let shown = clip(&id, MAX_MESSAGE);
        assert!(shown.starts_with("unknown skill `kkk"), "{shown}");
        assert!(
            shown.ends_with("[… 4016 characters …]kkkkkkkkkkkkkkkkkkk`"),
            "{shown}"
        );
        assert!(shown.chars().count() < MAX_MESSAGE + 30);
    }

    #[test]
    fn styled_is_plain_with_escapes() {
        let src = super::super::SourceText::new("p.json", "{\"名前\": 7}");
        let d = Diagnostic::error("x", "y")
            .at(&src, "/名前", super::super::Target::Value)
            .with_help(Some("h".into()));
        let styled = d.render(true);
        let mut stripped = String::new();
        let mut in_escape = false;
        for c in styled.chars() {
            match c {
                '\u{1b}' => in_escape = true,
                'm' if in_escape => in_escape = false,
                _ if in_escape => {}
                c => stripped.push(c),
            }
        }
        assert_ne!(styled, stripped);
        assert_eq!(stripped, d.render(false));
    }

    proptest::proptest! {
        #[test]
        fn any_line_renders_with_its_location(
            line in proptest::prelude::any::<String>(),
            repeat in 1usize..40,
            column in 1usize..3_000,
        ) {
            // Repeated, a line is often over 500 characters and shown as a window.
            let line = line.replace('\n', " ").repeat(repeat);
            let src = super::super::SourceText::new("p.json", line);
            let pos = super::super::Position { line: 1, column };
            for d in [
                Diagnostic::error("x", "y").at_position(&src, pos),
                Diagnostic::error("x", "y").at(&src, "", super::super::Target::Value),
            ] {
                let shown = d.render(false);
                let col = d.column.unwrap_or(0);
                proptest::prop_assert!(shown.contains(&format!("p.json:1:{col}")), "{}", shown);
                let _ = d.render(true);
            }
        }
    }
}
