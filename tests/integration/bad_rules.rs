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
        .filter(|n| n != "warnings-only.json")
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
    let dir = with_case("warnings-only.json");
    let r = run_in(dir.path(), &["validate", "--rules", "."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for code in [
        "unused-skill",
        "unreachable-role",
        "dead-end-role",
        "unmet-on-total-years",
    ] {
        assert!(
            r.stderr.contains(&format!("[{code}]")),
            "no {code} in\n{}",
            r.stderr
        );
    }
    insta::assert_snapshot!(
        "bad_rules__warnings_only",
        format!("{}{}", r.stdout, r.stderr)
    );
    let r = run_in(
        dir.path(),
        &["validate", "--rules", ".", "--deny-warnings"],
        None,
    );
    assert_eq!(r.code, 1);
}
