//! One output record per input line: the recommendations, the line's errors, or a blank marker.

use serde::Serialize;
use serde_json::{Map, Value};

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
pub fn write(
    engine: &Engine,
    options: recommend::Options,
    name: &str,
    number: u64,
    line: &RawLine,
    out: &mut Vec<u8>,
) -> Status {
    let (status, body) = evaluate(engine, options, name, number, line);
    let mut record = Map::new();
    record.insert("line".into(), Value::from(number));
    record.insert("status".into(), Value::from(status.as_str()));
    if let Some(Value::Object(fields)) = body {
        record.extend(fields);
    }
    // Writing a Value into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &Value::Object(record));
    out.push(b'\n');
    status
}

fn evaluate(
    engine: &Engine,
    options: recommend::Options,
    name: &str,
    number: u64,
    line: &RawLine,
) -> (Status, Option<Value>) {
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
    } else {
        text
    };
    if text.trim().is_empty() {
        return (Status::Blank, None);
    }
    let source = SourceText::new(name, text);
    match engine.profile(&source) {
        Ok(profile) => {
            let r = engine.recommend(&profile, options);
            (Status::Ok, Some(crate::report::json_value(&r)))
        }
        Err(Error::Diagnostics(ds)) => failed(name, number, ds),
        Err(other) => failed(
            name,
            number,
            vec![Diagnostic::error("invalid-value", other.to_string())],
        ),
    }
}

/// The errors of a line, each placed at the input line.
fn failed(name: &str, number: u64, mut ds: Vec<Diagnostic>) -> (Status, Option<Value>) {
    let line = usize::try_from(number).ok();
    for d in &mut ds {
        d.file = Some(name.to_string());
        d.line = line;
        d.snippet = None;
    }
    #[derive(Serialize)]
    struct Errors<'a> {
        errors: &'a [Diagnostic],
    }
    let body = serde_json::to_value(Errors { errors: &ds }).ok();
    (Status::Failed, body)
}
