//! JSON Schemas of the files people write (a profile, a knowledge-base (rule) file, postings)
//! and of the records `batch` writes.
//!
//! The schemas are derived with `schemars` from the very types the parsers use
//! ([`crate::profile::ProfileDef`], [`crate::knowledge::format::RuleFile`]), so they cannot
//! disagree with the parser about keys or types; their descriptions are those types' doc
//! comments. They are shipped in `schemas/` (regenerate with `careergraph schema KIND >
//! schemas/KIND.schema.json` for `profile`, `rules`, `postings` and `batch`; a test fails when the shipped
//! files drift). Ranges follow the validator's; ids are left
//! generic (they are data, listed by `careergraph roles`, `skills`, `certs`, `preferences`).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// The pattern every knowledge-base id and alias follows: lowercase kebab-case.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The pattern of a source's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// Which schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A profile (`profiles/*.json`).
    Profile,
    /// A knowledge-base file (`rules/*.json`).
    Rules,
    /// A file of job postings (`jobs --postings FILE`).
    Postings,
    /// A record `batch` writes (one line of its output).
    Batch,
}

/// The schema of one kind of file.
pub fn schema(kind: Kind) -> Schema {
    match kind {
        Kind::Profile => generate::<crate::profile::ProfileDef>(),
        Kind::Rules => generate::<crate::knowledge::format::RuleFile>(),
        Kind::Postings => generate::<crate::knowledge::format::PostingsFile>(),
        Kind::Batch => batch_record(),
    }
}

/// The schema of a batch record: `line` and `status`, then the recommendations (full or
/// brief), the errors, or nothing. Derived from the types `batch` writes (as they serialize),
/// with every object closed to other keys, so a field added to a record without its schema
/// fails the test that checks records against it.
fn batch_record() -> Schema {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let full = generator.subschema_for::<crate::recommend::Recommendations>();
    let brief = generator.subschema_for::<crate::recommend::brief::Brief>();
    let diagnostic = generator.subschema_for::<crate::diagnostics::Diagnostic>();
    let mut defs = serde_json::Value::Object(generator.take_definitions(true));
    close_objects(&mut defs);
    // The two bodies are closed by the record's `unevaluatedProperties` (they sit beside `line`
    // and `status`).
    for body in ["Recommendations", "Brief"] {
        if let Some(def) = defs
            .get_mut(body)
            .and_then(serde_json::Value::as_object_mut)
        {
            def.remove("additionalProperties");
        }
    }
    let mut root = json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "careergraph batch record",
        "description": "One line of `careergraph batch` output. `ok`: the profile's recommendations \
                        as `recommend --format json --top N` gives them (N is `--top`, 5 unless \
                        told), without the `sources` list and in the record's shape: no texts \
                        (`--texts none`, the default: names come from `careergraph roles`, `skills`, \
                        `certs --format json`; reasons and notes are codes with their sources), one \
                        language as strings (`--texts ja|en`) or both (`--texts both`); \
                        `other_certifications` only with `--other-certifications`. With `--brief`, \
                        only the ranking. `error`: the line's diagnostics. `blank`: an empty line.",
        "type": "object",
        "properties": {
            "line": {"description": "The input line (from 1).", "type": "integer", "minimum": 1},
            "status": {"enum": ["ok", "error", "blank"]},
        },
        "required": ["line", "status"],
        "oneOf": [
            {
                "description": "A full record.",
                "properties": {"status": {"const": "ok"}},
                "required": ["profile", "recommendations"],
                "$ref": full.get("$ref").cloned().unwrap_or_default(),
            },
            {
                "description": "A brief record (`--brief`).",
                "properties": {"status": {"const": "ok"}},
                "required": ["recommendations"],
                "not": {"required": ["profile"]},
                "$ref": brief.get("$ref").cloned().unwrap_or_default(),
            },
            {
                "description": "A line that is not a valid profile.",
                "properties": {
                    "status": {"const": "error"},
                    "errors": {"type": "array", "items": diagnostic},
                },
                "required": ["errors"],
            },
            {
                "description": "An empty line.",
                "properties": {"status": {"const": "blank"}},
            },
        ],
        "unevaluatedProperties": false,
    });
    root.insert("$defs".into(), defs);
    root
}

/// Closes every object schema with listed properties to other keys (`additionalProperties:
/// false`), where it says nothing of them.
fn close_objects(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if map.contains_key("properties")
                && !map.contains_key("additionalProperties")
                && !map.contains_key("unevaluatedProperties")
            {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// The schema as the shipped file holds it: pretty JSON ending in a newline.
pub fn text(kind: Kind) -> String {
    let mut value = schema(kind).to_value();
    tidy(&mut value);
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// Joins the lines of wrapped doc comments (keeping paragraph breaks) and writes whole numbers
/// as integers (`60`, not `60.0`), so the schema reads well in an editor's hover.
fn tidy(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if key == "description" || key == "title" => {
                        *s = s
                            .split("\n\n")
                            .map(|para| para.split('\n').collect::<Vec<_>>().join(" "))
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    _ => tidy(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        Value::Number(n) => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() < 1e15
                && n.is_f64()
            {
                *value = Value::from(f as i64);
            }
        }
        _ => {}
    }
}

fn generate<T: JsonSchema>() -> Schema {
    // JSON Schema 2020-12, as a parser reads the file (fields with defaults are optional).
    SchemaGenerator::default().into_root_schema_for::<T>()
}

/// A map of years per id, each 0 to 60 (`schema_with` for year maps).
pub(crate) fn years(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": {
            "type": "number",
            "minimum": 0,
            "maximum": crate::profile::MAX_YEARS,
        },
    })
}

/// A map of skill levels per id, each an integer 0 to 5 (`schema_with` for a profile's skills).
pub(crate) fn levels(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": {
            "type": "integer",
            "minimum": 0,
            "maximum": 5,
        },
    })
}

/// A map of weights per id, each 0 to 3 (`schema_with` for the ranking's preference weights).
pub(crate) fn weights(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": {
            "type": "number",
            "minimum": 0,
            "maximum": 3,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schemas_of_files_are_objects_that_deny_unknown_keys() {
        for kind in [Kind::Profile, Kind::Rules, Kind::Postings] {
            let s = schema(kind);
            assert_eq!(s.get("type").and_then(|t| t.as_str()), Some("object"));
            assert_eq!(s.get("additionalProperties"), Some(&false.into()));
            assert!(s.get("properties").and_then(|p| p.get("$schema")).is_some());
        }
    }

    #[test]
    fn tidy_joins_wrapped_lines_and_writes_whole_numbers_as_integers() {
        let mut v = serde_json::json!({"description": "a\nb\n\nc", "maximum": 60.0, "x": 0.5});
        tidy(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"description": "a b\n\nc", "maximum": 60, "x": 0.5})
        );
    }

    #[test]
    fn text_ends_in_one_newline() {
        let t = text(Kind::Profile);
        assert!(t.ends_with("}\n") && !t.ends_with("\n\n"));
    }
}
