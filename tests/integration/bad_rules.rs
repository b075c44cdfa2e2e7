//! Each broken rule file in tests/fixtures/rules-bad, added to a copy of the kb-min fixture, is
//! caught by `validate` with its own code, and refuses to run any other command.

use std::path::Path;

use crate::support::{root, run_in};

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("fixture dir") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
    }
}

/// A copy of kb-min with the broken rule file `case` of tests/fixtures/rules-bad added.
pub fn with_case(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&root().join("tests/fixtures/kb-min"), dir.path());
    std::fs::copy(
        root().join("tests/fixtures/rules-bad").join(case),
        dir.path().join(format!("zz-{case}")),
    )
    .expect("copy case");
    dir
}

#[test]
fn the_fixture_itself_is_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&root().join("tests/fixtures/kb-min"), dir.path());
    let r = run_in(
        dir.path(),
        &["validate", "--rules", ".", "--deny-warnings"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// The cases that only warn: `validate` passes them unless warnings are denied.
const WARNINGS_ONLY: [&str; 2] = ["warnings-only.json", "source-warnings.json"];

#[test]
fn every_broken_rule_file_is_caught_with_its_code() {
    let expected = [
        (
            "classification-and-evidence.json",
            vec!["invalid-classification", "evidence-above-cap"],
        ),
        ("contradicting-rules.json", vec!["contradicting-rules"]),
        ("duplicate-id.json", vec!["duplicate-id"]),
        ("duplicate-scoring.json", vec!["duplicate-scoring"]),
        (
            "invalid-id-and-empty-effects.json",
            vec![
                "invalid-id",
                "empty-effects",
                "empty-list",
                "adjust-out-of-range",
            ],
        ),
        (
            "level-and-weight-out-of-range.json",
            vec![
                "seniority-out-of-range",
                "level-out-of-range",
                "weight-out-of-range",
                "years-out-of-range",
            ],
        ),
        (
            "income-model-bad.json",
            vec![
                "invalid-income-model",
                "empty-text",
                "overlapping-age-bands",
                "uplift-lowers",
                "non-monotonic-uplift",
                "unknown-role",
                "income-out-of-range",
                "unknown-skill",
                "unknown-survey",
            ],
        ),
        ("malformed-json.json", vec!["malformed-json"]),
        ("missing-source.json", vec!["invalid-value"]),
        ("missing-survey.json", vec!["invalid-value"]),
        (
            "non-monotonic-rule.json",
            vec![
                "non-monotonic-rule",
                "conflicting-adjust",
                "non-monotonic-condition",
            ],
        ),
        ("prerequisite-cycle.json", vec!["prerequisite-cycle"]),
        (
            "skill-family-and-work-style.json",
            vec![
                "unknown-skill",
                "duplicate-id",
                "unknown-preference",
                "invalid-value",
                "level-out-of-range",
                "unknown-skill-family",
                "unknown-work-style",
            ],
        ),
        (
            "transitions-self-and-duplicate.json",
            vec!["self-transition", "duplicate-transition"],
        ),
        ("unknown-condition.json", vec!["invalid-value"]),
        (
            "unknown-family-and-preference.json",
            vec!["unknown-family", "unknown-preference"],
        ),
        ("unknown-field.json", vec!["invalid-value"]),
        ("unknown-role-in-transition.json", vec!["unknown-role"]),
        ("unknown-skill.json", vec!["unknown-skill"]),
        (
            "unknown-source.json",
            vec![
                "unknown-source",
                "duplicate-id",
                "empty-text",
                "invalid-value",
            ],
        ),
        ("unknown-survey.json", vec!["unknown-survey"]),
        (
            "unmet-without-conditions.json",
            vec!["invalid-value", "years-out-of-range", "empty-text"],
        ),
        (
            "unsatisfiable-condition.json",
            vec!["unsatisfiable-condition"],
        ),
    ];
    let mut cases: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/rules-bad"))
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| !WARNINGS_ONLY.contains(&n.as_str()))
        .collect();
    cases.sort();
    assert_eq!(
        cases.len(),
        expected.len(),
        "every case has its expected codes"
    );
    for (case, codes) in expected {
        let dir = with_case(case);
        let r = run_in(dir.path(), &["validate", "--rules", "."], None);
        assert_eq!(r.code, 1, "{case}: exit code\n{}", r.stderr);
        for code in &codes {
            assert!(
                r.stderr.contains(&format!("[{code}]")),
                "{case}: no {code} in\n{}",
                r.stderr
            );
        }
        assert!(
            r.stderr.contains(&format!("zz-{case}:")),
            "{case}: the file is not named"
        );
        insta::assert_snapshot!(
            format!("bad_rules__{}", case.trim_end_matches(".json")),
            r.stderr
        );
        // Any other command refuses the broken knowledge base: exit 2, nothing on stdout.
        let r = run_in(dir.path(), &["roles", "--rules", "."], None);
        assert_eq!(r.code, 2, "{case}: roles ran on a broken knowledge base");
        assert!(r.stdout.is_empty());
    }
}

#[test]
fn missing_source_is_its_own_code_when_present_but_empty() {
    let dir = with_case("missing-source.json");
    // remove the certification without `source` to reach the second phase of the checks
    let path = dir.path().join("zz-missing-source.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let only_skills = serde_json::json!({ "skills": v["skills"] });
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&only_skills).expect("json"),
    )
    .expect("write");
    let r = run_in(dir.path(), &["validate", "--rules", "."], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("[missing-source]"), "{}", r.stderr);
    assert!(r.stderr.contains("[empty-text]"), "{}", r.stderr);
}

#[test]
fn warnings_pass_unless_denied() {
    for (case, codes) in [
        (
            "warnings-only.json",
            vec![
                "unused-skill",
                "unreachable-role",
                "dead-end-role",
                "unmet-on-total-years",
            ],
        ),
        // A certification resting on a blog, one on a school's study hours (said so in the
        // note: no warning), an income figure from a recruiting blog, an entry nothing cites.
        ("source-warnings.json", vec!["weak-source", "unused-source"]),
    ] {
        let dir = with_case(case);
        let r = run_in(dir.path(), &["validate", "--rules", "."], None);
        assert_eq!(r.code, 0, "{case}: {}", r.stderr);
        for code in codes {
            assert!(
                r.stderr.contains(&format!("[{code}]")),
                "{case}: no {code} in\n{}",
                r.stderr
            );
        }
        insta::assert_snapshot!(
            format!(
                "bad_rules__{}",
                case.trim_end_matches(".json").replace('-', "_")
            ),
            format!("{}{}", r.stdout, r.stderr)
        );
        let r = run_in(
            dir.path(),
            &["validate", "--rules", ".", "--deny-warnings"],
            None,
        );
        assert_eq!(r.code, 1, "{case}");
    }
}

#[test]
fn a_study_hours_page_said_so_in_its_note_is_not_weak() {
    let dir = with_case("source-warnings.json");
    let r = run_in(dir.path(), &["validate", "--rules", "."], None);
    assert_eq!(r.stderr.matches("[weak-source]").count(), 2, "{}", r.stderr);
    assert!(!r.stderr.contains("`hours-blog`"), "{}", r.stderr);
    assert!(r.stderr.contains("`exam-blog`") && r.stderr.contains("`pay-ranking`"));
}

#[test]
fn a_knowledge_base_without_a_registry_loads_with_one_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&root().join("tests/fixtures/kb-min"), dir.path());
    std::fs::remove_file(dir.path().join("sources.json")).expect("remove the registry");
    // Free-text sources, as an older knowledge base has them.
    let scoring = dir.path().join("scoring.json");
    let text = std::fs::read_to_string(&scoring).expect("read");
    std::fs::write(
        &scoring,
        text.replace(
            "\"careergraph-design\"",
            "\"careergraph design parameters\"",
        ),
    )
    .expect("write");
    let r = run_in(dir.path(), &["validate", "--rules", "."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.matches("warning[").count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning[no-source-registry]"),
        "{}",
        r.stderr
    );
    let r = run_in(
        dir.path(),
        &["validate", "--rules", ".", "--deny-warnings"],
        None,
    );
    assert_eq!(r.code, 1);
    // It runs, citing its sources as written.
    let r = run_in(
        dir.path(),
        &["gaps", "-", "--target", "cloudops", "--rules", "."],
        Some(r#"{"current_role": "ops", "skills": {"linux": 2}}"#),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("[1] test"), "{}", r.stdout);
    let r = run_in(dir.path(), &["sources", "--rules", "."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("no source registry"), "{}", r.stdout);
}
