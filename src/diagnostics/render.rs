//! Rendering diagnostics with annotate-snippets, the renderer of rustc and cargo.
//!
//! A diagnostic becomes one report: the title `error[code]: message`, the location
//! `--> file:line:column`, the offending line with the token underlined and labelled with its JSON
//! pointer, then the help line. A line too long to show whole is shown as a window around the
//! column, under a note saying which part it is; the location above it stays that of the line.

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
        renderer.render(&self.report())
    }

    fn report(&self) -> Vec<Group<'_>> {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level
            .clone()
            .primary_title(self.message.as_str())
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
            pointer => mark.label(pointer),
        };
        Snippet::source(excerpt.text.as_str())
            .line_start(line)
            .annotation(mark)
    }

    /// "at /pointer", for a diagnostic whose line is not shown.
    fn pointer_note(&self) -> impl Iterator<Item = annotate_snippets::Message<'_>> {
        (!self.pointer.is_empty())
            .then(|| Level::NOTE.message(format!("at {}", self.pointer)))
            .into_iter()
    }
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
