//! One output record per input line: the recommendations, the line's errors, or a blank marker.

use serde::Serialize;

use super::lines::RawLine;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::{Engine, Error, recommend};

/// What became of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Scored; the record carries the recommendations.
    Ok,
    /// Not a valid profile; the record carries the errors.
    Failed,
    /// Empty or only whitespace; the record says so.
    Blank,
}

impl Status {
    /// The `status` field of the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Failed => "error",
            Status::Blank => "blank",
        }
    }
}

/// Scores one line and appends its record (one line of JSON, `\n` included) to `out`.
///
/// `name` is the input's name as shown in diagnostics; each diagnostic's `line` is the input line
/// `number` (a profile line is one line of text), its `column` the column in that line.
///
/// With `options.brief`, an `ok` record holds only the brief recommendations (see
/// [`recommend::brief`]).
pub fn write(
    engine: &Engine,
    options: &super::Options,
    number: u64,
    line: &RawLine,
    out: &mut Vec<u8>,
) -> Status {
    // The record's shape holds while it is made too, so the texts it leaves out are not built.
    crate::shape::with(options.shape, || {
        write_shaped(engine, options, number, line, out)
    })
}

fn write_shaped(
    engine: &Engine,
    options: &super::Options,
    number: u64,
    line: &RawLine,
    out: &mut Vec<u8>,
) -> Status {
    let body = evaluate(engine, options, number, line);
    let status = match &body {
        Body::Ok(_) | Body::Brief(_) => Status::Ok,
        Body::Failed(_) => Status::Failed,
        Body::Blank => Status::Blank,
    };
    let record = Record {
        line: number,
        status: status.as_str(),
        body,
    };
    // Serializing into memory cannot fail (every map key is a string).
    let _ = crate::report::rounding::write_compact(&mut *out, &record);
    out.push(b'\n');
    status
}

/// A record: the line number and status, then the body's fields.
#[derive(Serialize)]
struct Record<'a> {
    line: u64,
    status: &'static str,
    #[serde(flatten)]
    body: Body<'a>,
}

/// What follows `line` and `status`.
#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    /// The recommendations, as `recommend --format json` prints them.
    Ok(Box<recommend::Recommendations>),
    /// The brief recommendations (`--brief`).
    Brief(recommend::brief::Brief<'a>),
    /// The diagnostics.
    Failed(Errors),
    /// Nothing.
    Blank,
}

/// The diagnostics of a line.
#[derive(Serialize)]
struct Errors {
    errors: Vec<Diagnostic>,
}

fn evaluate<'a>(
    engine: &'a Engine,
    options: &super::Options,
    number: u64,
    line: &RawLine,
) -> Body<'a> {
    let name = options.input_name.as_str();
    let bytes = match line {
        RawLine::Text(bytes) => bytes,
        RawLine::TooLong(length) => {
            let d = Diagnostic::error(
                "line-too-long",
                format!(
                    "the line is {length} bytes; the limit is {} bytes",
                    super::MAX_LINE_BYTES
                ),
            )
            .with_help(Some(
                "put one profile on each line, without pretty-printing".into(),
            ));
            return failed(name, number, vec![d]);
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let d = Diagnostic::error(
                "invalid-utf8",
                format!(
                    "the line is not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                ),
            );
            return failed(name, number, vec![d]);
        }
    };
    let text = if number == 1 {
        text.strip_prefix('\u{feff}').unwrap_or(text)
    } else if text.starts_with('\u{feff}') {
        // Most often files joined with `cat`: say so, not "expected value".
        let d = Diagnostic::error(
            "malformed-json",
            "the line starts with a byte-order mark (U+FEFF), which only the start of the input \
             may have"
                .to_string(),
        )
        .with_help(Some(
            "remove the mark (were files joined with `cat`? strip each file's mark first)".into(),
        ));
        return failed(name, number, vec![d]);
    } else {
        text
    };
    if text.trim().is_empty() {
        return Body::Blank;
    }
    let source = SourceText::new(name, text);
    match engine.profile(&source) {
        Ok(profile) if options.brief => {
            Body::Brief(engine.recommend_brief(&profile, options.recommend))
        }
        Ok(profile) => Body::Ok(Box::new(engine.recommend(&profile, options.recommend))),
        Err(Error::Diagnostics(ds)) => failed(name, number, ds),
        Err(other) => failed(
            name,
            number,
            vec![Diagnostic::error("invalid-value", other.to_string())],
        ),
    }
}

/// The errors of a line, each placed at the input line.
fn failed(name: &str, number: u64, mut ds: Vec<Diagnostic>) -> Body<'static> {
    let line = usize::try_from(number).ok();
    for d in &mut ds {
        d.file = Some(name.to_string());
        d.line = line;
        d.excerpt = None;
    }
    Body::Failed(Errors { errors: ds })
}
