//! Type errors reported like every other problem: all at once, each with its JSON pointer and
//! what was expected in plain words.
//!
//! serde stops at the first value of the wrong type, with its own words (`invalid type: string
//! "3", expected f64`), and reads an array where a struct belongs as the struct's fields in order
//! (`"management": [2, 5]` as years 2 and team size 5). So before serde reads a profile or a rule
//! file, [`problems`] walks the document along its JSON Schema (the one `careergraph schema`
//! prints, generated from the same types) and reports every value whose JSON type the schema
//! does not allow. Only types are checked here: ranges, ids and unknown keys have their own
//! checks with their own codes. Where the schema offers several shapes (`anyOf`, `oneOf`), the
//! walk goes on only into the one shape of the value's type; with more than one it stops there.

use std::sync::OnceLock;

use serde_json::Value;

use super::{Diagnostic, SourceText, Target};
use crate::schema::Kind;

/// The schema of a kind of file, generated once.
fn schema(kind: Kind) -> &'static Value {
    static PROFILE: OnceLock<Value> = OnceLock::new();
    static RULES: OnceLock<Value> = OnceLock::new();
    static POSTINGS: OnceLock<Value> = OnceLock::new();
    static BATCH: OnceLock<Value> = OnceLock::new();
    let cell = match kind {
        Kind::Profile => &PROFILE,
        Kind::Rules => &RULES,
        Kind::Postings => &POSTINGS,
        Kind::Batch => &BATCH,
    };
    cell.get_or_init(|| crate::schema::schema(kind).to_value())
}

/// Every value of `source` whose type the schema of `kind` does not allow, as `invalid-value`
/// diagnostics (at most [`super::MAX_DIAGNOSTICS`], then a count); empty when the text is not
/// JSON (serde reports that) or every type is right.
pub fn problems(source: &SourceText, kind: Kind) -> Vec<Diagnostic> {
    let Ok(value) = serde_json::from_str::<Value>(&source.text) else {
        return Vec::new();
    };
    let root = schema(kind);
    let mut found = Vec::new();
    let mut pointer = String::new();
    walk(root, root, &value, &mut pointer, &mut found);
    let mut out = Vec::new();
    let mut omitted = super::Omitted::default();
    for f in found {
        if out.len() >= super::MAX_DIAGNOSTICS {
            omitted.count(super::Severity::Error);
            continue;
        }
        out.push(f.diagnostic().at(source, &f.pointer, Target::Value));
    }
    out.extend(omitted.note());
    out
}

/// A value of the wrong type.
struct Found {
    pointer: String,
    /// The JSON types allowed.
    expected: Vec<&'static str>,
    /// The value found (shown briefly).
    value: Value,
    /// The schema's description of the place, if any.
    description: Option<String>,
}

impl Found {
    fn diagnostic(&self) -> Diagnostic {
        // The key, or for a map of levels or years (a profile's skills, phases) the map's.
        let mut keys = self.pointer.rsplit('/');
        let last = keys.next().unwrap_or("");
        let key = match keys.next() {
            Some(parent @ ("skills" | "phases")) if self.pointer.matches('/').count() == 2 => {
                parent
            }
            _ => last,
        };
        let words: Vec<String> = self
            .expected
            .iter()
            .filter(|t| **t != "null")
            .map(|t| expected_words(t, key))
            .collect();
        let expected = match words.as_slice() {
            [] => "null".to_string(),
            [one] => one.clone(),
            [first @ .., last] => format!("{} or {last}", first.join(", ")),
        };
        let message = format!("expected {expected}, found {}", found_words(&self.value));
        let numeric = self
            .expected
            .iter()
            .any(|t| *t == "number" || *t == "integer");
        let help = match &self.value {
            Value::String(s) if numeric && s.trim().parse::<f64>().is_ok() => {
                Some(format!("write the number without quotes: {}", s.trim()))
            }
            Value::Array(_) if self.pointer == "/skills" => {
                Some("give each skill its level: {\"linux\": 3, \"tcp-ip\": 2}".to_string())
            }
            Value::Array(_) if self.expected.contains(&"object") => Some(
                "write the fields by name, as an object: {\"key\": value, …} (a list is not \
                 read in order as fields)"
                    .to_string(),
            ),
            _ => self.description.clone(),
        };
        Diagnostic::error("invalid-value", message).with_help(help)
    }
}

/// What a JSON type is, in plain words, for the key it is found under.
fn expected_words(kind: &str, key: &str) -> String {
    let years = key.contains("years") || key == "phases";
    match kind {
        "number" | "integer" if key == "skills" => {
            "a skill level, a whole number from 0 to 5, e.g. 3".into()
        }
        "number" | "integer" if years => "a number of years, e.g. 3".into(),
        "number" if key == "age" => "an age in years, e.g. 29".into(),
        "integer" if key == "team_size" => "a whole number of people, e.g. 5".into(),
        "integer" | "number" if key == "level" => "a level, a whole number, e.g. 3".into(),
        "integer" => "a whole number, e.g. 3".into(),
        "number" => "a number, e.g. 3".into(),
        "string" => "a string in quotes, e.g. \"linux\"".into(),
        "boolean" => "true or false".into(),
        "array" => "a list in brackets, e.g. [\"ccna\"]".into(),
        "object" => "an object in braces, {\"key\": value, …}".into(),
        other => other.to_string(),
    }
}

/// A value found, briefly.
fn found_words(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!(
                "the string {}",
                super::escape_controls(&format!("\"{short}{more}\""))
            )
        }
        Value::Array(a) => format!(
            "a list of {} item{}",
            a.len(),
            if a.len() == 1 { "" } else { "s" }
        ),
        Value::Object(_) => "an object".into(),
    }
}

/// The JSON type of a value, as a schema names it.
fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Whether a schema type allows a value's type (a whole or fractional number may stand for an
/// `integer`: whether it is whole is the range check's to say).
fn allows(kind: &str, value: &Value) -> bool {
    let t = type_of(value);
    kind == t || (kind == "integer" && t == "number")
}

/// A schema with its `$ref` followed (within the document's `$defs`).
fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    let mut s = schema;
    for _ in 0..32 {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(next) => s = next,
                None => return s,
            },
            None => return s,
        }
    }
    s
}

/// The JSON types a schema allows, or `None` when it does not say (anything goes here).
fn types(schema: &Value) -> Option<Vec<&'static str>> {
    const ALL: [&str; 7] = [
        "null", "boolean", "number", "integer", "string", "array", "object",
    ];
    let name = |s: &str| ALL.iter().copied().find(|t| *t == s);
    match schema.get("type")? {
        Value::String(s) => Some(name(s).into_iter().collect()),
        Value::Array(list) => Some(
            list.iter()
                .filter_map(Value::as_str)
                .filter_map(name)
                .collect(),
        ),
        _ => None,
    }
}

/// The JSON types a schema allows, looking through its own `anyOf`/`oneOf` (an enum of
/// strings, say); `None` when it does not say.
fn shape_types(root: &Value, schema: &Value, depth: usize) -> Option<Vec<&'static str>> {
    if let Some(ts) = types(schema) {
        return Some(ts);
    }
    let branches = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array)?;
    if depth > 8 {
        return None;
    }
    let mut all = Vec::new();
    for b in branches {
        for t in shape_types(root, resolve(root, b), depth + 1)? {
            if !all.contains(&t) {
                all.push(t);
            }
        }
    }
    Some(all)
}

fn walk(root: &Value, schema: &Value, value: &Value, pointer: &mut String, out: &mut Vec<Found>) {
    let schema = resolve(root, schema);
    // Several shapes: go on into the only one of the value's type.
    if let Some(branches) = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array)
    {
        let resolved: Vec<&Value> = branches.iter().map(|b| resolve(root, b)).collect();
        let mut open = false;
        let mut fitting = Vec::new();
        let mut expected = Vec::new();
        for b in &resolved {
            match shape_types(root, b, 0) {
                None => open = true,
                Some(ts) => {
                    if ts.iter().any(|t| allows(t, value)) {
                        fitting.push(*b);
                    }
                    for t in ts {
                        if !expected.contains(&t) {
                            expected.push(t);
                        }
                    }
                }
            }
        }
        if open {
            return;
        }
        match fitting.as_slice() {
            [] => out.push(Found {
                pointer: pointer.clone(),
                expected,
                value: value.clone(),
                description: description(schema),
            }),
            [one] => walk(root, one, value, pointer, out),
            _ => {}
        }
        return;
    }
    if let Some(ts) = types(schema)
        && !ts.iter().any(|t| allows(t, value))
    {
        out.push(Found {
            pointer: pointer.clone(),
            expected: ts,
            value: value.clone(),
            description: description(schema),
        });
        return;
    }
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties").filter(|a| a.is_object());
            for (key, item) in map {
                let sub = properties.and_then(|p| p.get(key)).or(additional);
                if let Some(sub) = sub {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    walk(root, sub, item, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        Value::Array(list) => {
            if let Some(items) = schema.get("items").filter(|i| i.is_object()) {
                for (i, item) in list.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    walk(root, items, item, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        _ => {}
    }
}

/// A schema's description, on one line.
fn description(schema: &Value) -> Option<String> {
    let d = schema.get("description")?.as_str()?;
    Some(d.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(text: &str) -> Vec<Diagnostic> {
        problems(&SourceText::new("p.json", text), Kind::Profile)
    }

    #[test]
    fn every_type_error_of_a_profile_at_once_in_plain_words() {
        let d = profile(
            r#"{"years_experience": "3", "skills": {"linux": "x"}, "certifications": "ccna", "management": [2, 5]}"#,
        );
        let pointers: Vec<&str> = d.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/years_experience",
                "/skills/linux",
                "/certifications",
                "/management"
            ]
        );
        assert_eq!(
            d[0].message,
            "expected a number of years, e.g. 3, found the string \"3\""
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("write the number without quotes: 3")
        );
        assert!(
            d[3].message.contains("found a list of 2 items"),
            "{}",
            d[3].message
        );
        assert!(
            d.iter()
                .all(|d| d.code == "invalid-value" && d.line == Some(1))
        );
    }

    #[test]
    fn right_types_give_nothing() {
        assert!(
            profile(r#"{"skills": {"linux": 3}, "management": {"years": 1}, "age": null}"#)
                .is_empty()
        );
        assert!(profile("not json").is_empty());
    }

    #[test]
    fn a_rule_requirement_written_as_an_array_is_found() {
        let text = r#"{"roles": [{"id": "a", "requirements": [["linux", 3, 1, true, "s"]]}]}"#;
        let d = problems(&SourceText::new("r.json", text), Kind::Rules);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].pointer, "/roles/0/requirements/0");
    }
}
