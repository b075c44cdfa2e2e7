//! How machine records are shaped: which texts a JSON record carries, and whether it lists the
//! certifications outside the plan.
//!
//! Every command's JSON carries each text in both languages (`{"ja": …, "en": …}`). A `batch`
//! record is made for machines: by default it carries ids, numbers and codes only, and a program
//! that needs a name looks it up in the catalogue (`careergraph roles`, `skills`, `certs`
//! `--format json`). `batch --texts ja|en` writes each text as one string in that language, and
//! `--texts both` as the other commands do.
//!
//! The shape is set for the current thread while a record is written ([`with`]); a [`Text`]
//! serializes as the shape says, and the fields holding a text are left out of a record without
//! texts ([`omit_text`]). Outside [`with`] the shape is [`Shape::default`], the other commands'
//! JSON, so nothing changes for them.
//!
//! [`Text`]: crate::knowledge::format::Text

use std::cell::Cell;

use clap::ValueEnum;

/// Which texts a record carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, ValueEnum)]
pub enum Texts {
    /// Both languages, `{"ja": …, "en": …}` (what every other command's JSON carries).
    #[default]
    Both,
    /// Japanese only: each text is one string.
    Ja,
    /// English only: each text is one string.
    En,
    /// None: the fields holding a text are left out (ids, numbers and codes only).
    None,
}

impl Texts {
    /// The value as given on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Texts::Both => "both",
            Texts::Ja => "ja",
            Texts::En => "en",
            Texts::None => "none",
        }
    }
}

/// The shape of a JSON record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shape {
    /// Which texts it carries.
    pub texts: Texts,
    /// Whether a recommendation lists `other_certifications` (the certifications that help but
    /// are not in its plan).
    pub other_certifications: bool,
}

impl Default for Shape {
    /// Both languages and every list: the JSON of `recommend --format json`.
    fn default() -> Self {
        Self {
            texts: Texts::Both,
            other_certifications: true,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Shape> = Cell::new(Shape::default());
}

/// The shape on this thread.
pub fn current() -> Shape {
    CURRENT.with(Cell::get)
}

/// Runs `f` with `shape` on this thread, then puts back the shape it had (also when `f` panics).
pub fn with<R>(shape: Shape, f: impl FnOnce() -> R) -> R {
    struct Restore(Shape);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(shape)));
    f()
}

/// Whether a field holding a text is left out (`skip_serializing_if` of text fields).
pub fn omit_text<T>(_: &T) -> bool {
    current().texts == Texts::None
}

/// Whether an optional text is left out: when it is absent, or texts are not written.
pub fn omit_optional_text<T>(text: &Option<T>) -> bool {
    text.is_none() || omit_text(text)
}

/// Whether `other_certifications` is left out (`skip_serializing_if` of that field).
pub fn omit_other_certifications<T>(_: &T) -> bool {
    !current().other_certifications
}

/// The schema of a text in a batch record (`#[schemars(with)]` of text fields): both languages,
/// or one language as a string; the field is left out when a record carries no texts.
pub struct RecordText;

impl schemars::JsonSchema for RecordText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text: `{\"ja\": …, \"en\": …}` (`batch --texts both` and every other \
                            command), or one language as a string (`--texts ja`, `--texts en`); a \
                            batch record without texts (`--texts none`, the default) leaves the \
                            field out.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"ja": {"type": "string"}, "en": {"type": "string"}},
                    "required": ["ja", "en"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::format::Text;

    #[test]
    fn a_text_is_written_as_the_shape_says_and_the_shape_is_put_back() {
        let t = Text {
            ja: "名前".into(),
            en: "name".into(),
        };
        let json = |texts| {
            let shape = Shape {
                texts,
                other_certifications: false,
            };
            with(shape, || serde_json::to_string(&t).unwrap_or_default())
        };
        assert_eq!(json(Texts::Both), r#"{"ja":"名前","en":"name"}"#);
        assert_eq!(json(Texts::Ja), r#""名前""#);
        assert_eq!(json(Texts::En), r#""name""#);
        assert_eq!(current(), Shape::default());
        assert!(with(
            Shape {
                texts: Texts::None,
                other_certifications: false
            },
            || omit_text(&t) && omit_other_certifications(&()) && omit_optional_text(&Some(&t))
        ));
        assert!(!omit_text(&t) && !omit_other_certifications(&()));
        assert!(omit_optional_text::<Text>(&None) && !omit_optional_text(&Some(&t)));
    }
}
