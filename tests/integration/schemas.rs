//! The JSON Schemas: the shipped files match `careergraph schema`, and every example profile and
//! rule file is valid against them.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{profiles, root, run};

fn shipped(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("schemas").join(name)).expect("schema shipped");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&shipped(name)).expect("a valid JSON Schema")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("JSON")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn shipped_schemas_equal_what_the_schema_command_prints() {
    for (kind, file) in [
        ("profile", "profile.schema.json"),
        ("rules", "rules.schema.json"),
        ("postings", "postings.schema.json"),
        ("batch", "batch.schema.json"),
    ] {
        let r = run(&["schema", kind]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = std::fs::read_to_string(root().join("schemas").join(file)).expect("shipped");
        assert!(
            r.stdout == text,
            "schemas/{file} is out of date; regenerate it with \
             `cargo run -q -- schema {kind} > schemas/{file}`"
        );
    }
}

#[test]
fn the_schema_command_prints_json_whatever_the_format() {
    let text = run(&["schema", "rules"]).stdout;
    assert_eq!(run(&["--format", "json", "schema", "rules"]).stdout, text);
}

#[test]
fn every_example_profile_is_valid_and_points_at_the_schema() {
    let v = validator("profile.schema.json");
    let names = profiles();
    assert!(!names.is_empty());
    for name in names {
        let p = read(&root().join("profiles").join(&name));
        assert_eq!(p["$schema"], "../schemas/profile.schema.json", "{name}");
        assert_eq!(errors(&v, &p), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn every_rule_file_is_valid_and_points_at_the_schema() {
    let v = validator("rules.schema.json");
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("rules")).expect("rules/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let file = read(&path);
            assert_eq!(file["$schema"], "../schemas/rules.schema.json", "{path:?}");
            assert_eq!(errors(&v, &file), Vec::<String>::new(), "{path:?}");
            n += 1;
        }
    }
    assert!(n >= 10, "only {n} rule files");
}

#[test]
fn the_postings_schema_accepts_the_shipped_postings_and_rejects_a_bad_contract() {
    let v = validator("postings.schema.json");
    let shipped = read(&root().join("rules/postings.json"));
    assert_eq!(errors(&v, &shipped), Vec::<String>::new());
    let bad = read(&root().join("tests/fixtures/postings/unknown-contract.json"));
    assert!(!v.is_valid(&bad));
}

#[test]
fn the_profile_schema_rejects_what_the_parser_rejects() {
    let v = validator("profile.schema.json");
    let ok = json!({"skills": {"linux": 3}, "age": 29, "employment": "employee"});
    assert!(v.is_valid(&ok));
    for bad in [
        json!({}),
        json!({"skills": {}, "skils": {}}),
        json!({"skills": {"linux": 7}}),
        json!({"skills": {"linux": 2.5}}),
        json!({"skills": {}, "years_experience": 61}),
        json!({"skills": {}, "age": 12}),
        json!({"skills": {}, "employment": "contractor"}),
        json!({"skills": {}, "management": {"team_size": -1}}),
    ] {
        assert!(!v.is_valid(&bad), "{bad} should be invalid");
    }
}

#[test]
fn the_rules_schema_rejects_bad_levels_conditions_and_ids() {
    let v = validator("rules.schema.json");
    let text = |s: &str| json!({"ja": s, "en": s});
    let role = |level: u8, id: &str| {
        json!({"roles": [{
            "id": id, "name": text("r"), "family": "infra", "seniority": 2, "summary": text("s"),
            "requirements": [{"skill": "linux", "level": level, "source": "x"}], "source": "x"
        }]})
    };
    assert!(v.is_valid(&role(3, "infra-engineer")));
    assert!(!v.is_valid(&role(6, "infra-engineer")));
    assert!(!v.is_valid(&role(3, "Infra_Engineer")));
    let rule = |when: Value| {
        json!({"rules": [{
            "id": "r", "description": text("d"), "when": when,
            "effects": [{"adjust": {"roles": ["sre"], "by": 0.1}}], "source": "x"
        }]})
    };
    assert!(v.is_valid(&rule(
        json!({"all": [{"skill_at_least": {"skill": "linux", "level": 3}}]})
    )));
    assert!(!v.is_valid(&rule(json!({"skill_above": {"skill": "linux"}}))));
    assert!(!v.is_valid(&rule(
        json!({"total_years_at_least": 3, "age_at_least": 30})
    )));
}

/// Every record `batch` writes (full records in every shape, brief records, errors, blank
/// lines) is valid against `schemas/batch.schema.json`, and a record with a key the schema does
/// not know is not.
#[test]
fn every_batch_record_is_valid_against_the_batch_schema() {
    let v = validator("batch.schema.json");
    let mut input = String::new();
    for name in profiles() {
        let p = read(&root().join("profiles").join(&name));
        input.push_str(&serde_json::to_string(&p).expect("compact"));
        input.push('\n');
    }
    input.push_str("{\"skills\": {\"linuxx\": 2}}\n\n{\"skills\": \n");
    let mut n = 0;
    for args in [
        &[][..],
        &["--texts", "ja"],
        &["--texts", "en", "--other-certifications"],
        &["--texts", "both", "--all"],
        &["--brief"],
        &["--brief", "--all"],
    ] {
        let mut all = vec!["batch", "-", "--jobs", "1"];
        all.extend_from_slice(args);
        let r = crate::support::run_in(&root(), &all, Some(&input));
        assert_eq!(r.code, 2, "{}", r.stderr);
        for line in r.stdout.lines() {
            let record: Value = serde_json::from_str(line).expect("JSON");
            assert_eq!(
                errors(&v, &record),
                Vec::<String>::new(),
                "{args:?}: {line}"
            );
            n += 1;
        }
        let first: Value =
            serde_json::from_str(r.stdout.lines().next().expect("a record")).expect("JSON");
        let mut extra = first.clone();
        extra["recommendations"][0]["unknown"] = json!(1);
        assert!(
            !errors(&v, &extra).is_empty(),
            "{args:?}: an unknown key is refused"
        );
    }
    assert!(n > 20, "only {n} records");
}
