//! The JSON fields docs/reference/json.md promises scripts, on every example profile, and
//! determinism.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::support::{json, profiles, root, run, target_of};

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is an array in {v}"))
}

#[test]
fn recommend_has_the_interface_fields() {
    for p in profiles() {
        let v = json(&["recommend", &format!("profiles/{p}"), "--format", "json"]);
        let recs = arr(&v, "recommendations");
        assert!(!recs.is_empty(), "{p}: no recommendations");
        let mut last = f64::INFINITY;
        for r in recs {
            assert!(r["role"].is_string(), "{p}: role");
            let score = r["score"].as_f64().expect("score is a number");
            assert!((0.0..=1.0).contains(&score), "{p}: score {score}");
            assert!(score <= last, "{p}: not sorted by score");
            last = score;
            let readiness = r["readiness"].as_str().expect("readiness");
            assert!(
                ["ready", "stretch", "long-term"].contains(&readiness),
                "{p}: {readiness}"
            );
            arr(r, "gaps");
            for c in arr(r, "certifications") {
                assert!(c["id"].is_string(), "{p}: certification id");
            }
            let reasons = arr(r, "reasons");
            assert!(!reasons.is_empty(), "{p}: {} has no reasons", r["role"]);
            for reason in reasons {
                assert!(
                    reason["source"].as_str().is_some_and(|s| !s.is_empty()),
                    "{p}: unsourced reason"
                );
            }
        }
    }
}

#[test]
fn recommended_certifications_are_never_already_held() {
    for p in profiles() {
        let profile: Value = serde_json::from_str(
            &std::fs::read_to_string(crate::support::root().join("profiles").join(&p))
                .expect("profile"),
        )
        .expect("profile JSON");
        let held: Vec<&str> = profile["certifications"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let v = json(&["recommend", &format!("profiles/{p}"), "--format", "json"]);
        for r in arr(&v, "recommendations") {
            for c in arr(r, "certifications") {
                let id = c["id"].as_str().expect("id");
                assert!(!held.contains(&id), "{p}: recommends {id}, already held");
            }
        }
    }
}

#[test]
fn gaps_has_the_interface_fields() {
    for p in profiles() {
        let (_, target) = target_of(&p);
        let v = json(&[
            "gaps",
            &format!("profiles/{p}"),
            "--target",
            target,
            "--format",
            "json",
        ]);
        assert_eq!(v["target"], target);
        for s in arr(&v, "skills") {
            assert!(s["skill"].is_string());
            let (have, need) = (
                s["have"].as_u64().expect("have"),
                s["need"].as_u64().expect("need"),
            );
            assert!(have < need, "{p}: a gap must fall short ({have} vs {need})");
        }
        arr(&v, "experience");
        for c in arr(&v, "certifications") {
            assert!(c["id"].is_string());
        }
    }
}

#[test]
fn paths_are_loopless_sorted_and_distinct() {
    for (from, to) in [
        ("infra-engineer", "it-architect"),
        ("infra-engineer", "sre"),
        ("programmer", "project-manager"),
    ] {
        let v = json(&[
            "paths", "--from", from, "--to", to, "-k", "5", "--format", "json",
        ]);
        let paths = arr(&v, "paths");
        assert!(!paths.is_empty(), "{from} → {to}: no route");
        let mut seen = Vec::new();
        let mut last = f64::NEG_INFINITY;
        for p in paths {
            let roles: Vec<&str> = arr(p, "roles").iter().filter_map(Value::as_str).collect();
            assert_eq!(roles.first(), Some(&from));
            assert_eq!(roles.last(), Some(&to));
            let mut unique = roles.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), roles.len(), "a role twice in {roles:?}");
            let cost = p["cost"].as_f64().expect("cost");
            assert!(cost >= last, "not sorted by cost");
            last = cost;
            assert!(!seen.contains(&roles), "the same route twice: {roles:?}");
            seen.push(roles);
        }
    }
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    for args in [
        vec![
            "recommend",
            "profiles/infra-4y-ccna.json",
            "--format",
            "json",
        ],
        vec![
            "gaps",
            "profiles/java-backend-3y.json",
            "--target",
            "sre",
            "--format",
            "json",
        ],
        vec![
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "it-architect",
            "-k",
            "5",
        ],
    ] {
        let a = run(&args);
        let b = run(&args);
        assert_eq!(a.stdout, b.stdout, "{args:?}");
    }
}

#[test]
fn key_order_in_the_profile_does_not_change_the_result() {
    let text =
        std::fs::read_to_string(crate::support::root().join("profiles/senior-upstream-lead.json"))
            .expect("profile");
    let v: Value = serde_json::from_str(&text).expect("JSON");
    let obj = v.as_object().expect("object");
    let mut reversed = serde_json::Map::new();
    for (k, val) in obj.iter().rev() {
        reversed.insert(k.clone(), val.clone());
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.json");
    std::fs::write(
        &path,
        serde_json::to_string(&Value::Object(reversed)).expect("json"),
    )
    .expect("write");
    let a = run(&[
        "recommend",
        "profiles/senior-upstream-lead.json",
        "--format",
        "json",
    ]);
    let b = run(&[
        "recommend",
        path.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn steps_limits_how_far_recommend_looks() {
    let steps = |args: &[&str]| -> Vec<u64> {
        let v = json(args);
        arr(&v, "recommendations")
            .iter()
            .map(|r| r["steps"].as_u64().expect("steps"))
            .collect()
    };
    let one = steps(&[
        "recommend",
        "profiles/java-backend-3y.json",
        "--steps",
        "1",
        "--format",
        "json",
    ]);
    let two = steps(&[
        "recommend",
        "profiles/java-backend-3y.json",
        "--format",
        "json",
    ]);
    assert!(!one.is_empty() && one.iter().all(|s| *s == 1), "{one:?}");
    assert!(
        two.contains(&2),
        "the default looks two steps ahead: {two:?}"
    );
    assert!(two.len() > one.len());
}

/// docs/reference/json.md, split into its `## ` and `### ` sections: heading → rows of its
/// tables, each row's cells with the backticks of the first cell removed.
fn reference() -> Vec<(String, Vec<Vec<String>>)> {
    let text = std::fs::read_to_string(root().join("docs/reference/json.md"))
        .expect("docs/reference/json.md");
    let mut sections: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line
            .strip_prefix("## ")
            .or_else(|| line.strip_prefix("### "))
        {
            sections.push((h.trim().to_string(), Vec::new()));
        } else if let (Some(rest), Some((_, rows))) =
            (line.strip_prefix("| `"), sections.last_mut())
        {
            let cells: Vec<String> = format!("`{rest}")
                .trim_end_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect();
            let field = cells[0].trim_matches('`').to_string();
            rows.push(
                std::iter::once(field)
                    .chain(cells[1..].iter().cloned())
                    .collect(),
            );
        }
    }
    sections
}

/// The objects that hold (or should hold) the last member of `path` (`a.b[].c`: each element of
/// `a.b`), where every member before it is there.
fn holders<'a>(v: &'a Value, path: &str) -> (Vec<&'a Map<String, Value>>, String) {
    let segments: Vec<&str> = path.split('.').collect();
    let (last, init) = segments.split_last().expect("a path");
    let mut here: Vec<&Value> = vec![v];
    for seg in init {
        let (name, list) = match seg.strip_suffix("[]") {
            Some(n) => (n, true),
            None => (*seg, false),
        };
        let mut next = Vec::new();
        for x in here {
            match x.get(name) {
                Some(Value::Array(items)) if list => next.extend(items),
                Some(Value::Null) | None => {}
                Some(y) if !list => next.push(y),
                Some(y) => panic!("`{path}`: `{name}` is not a list: {y}"),
            }
        }
        here = next;
    }
    let objects = here.into_iter().filter_map(Value::as_object).collect();
    (objects, last.trim_end_matches("[]").to_string())
}

/// Every field the reference lists for a command is in its JSON for the example profiles: an
/// `always` field in every object that should hold it, any other at least once.
fn check_fields(section: &str, rows: &[Vec<String>], runs: &[Value]) {
    assert!(!rows.is_empty(), "{section} lists no field");
    assert!(!runs.is_empty(), "{section}: nothing was run");
    for row in rows {
        let (path, present) = (&row[0], row.get(1).map_or("", String::as_str));
        let mut seen = 0;
        let mut with = 0;
        for v in runs {
            let (objects, key) = holders(v, path);
            seen += objects.len();
            for o in objects {
                if o.contains_key(&key) {
                    with += 1;
                } else {
                    assert!(
                        present != "always",
                        "{section}: `{path}` is documented as always there, but is missing in {}",
                        Value::Object(o.clone())
                    );
                }
            }
        }
        assert!(
            seen == 0 || with > 0,
            "{section}: `{path}` never appears in the output of the example profiles"
        );
    }
}

#[test]
fn the_json_reference_is_true() {
    let sections = reference();
    // The profile fields are exactly the schema's.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/profile.schema.json")).expect("schema"),
    )
    .expect("schema JSON");
    let in_schema: BTreeSet<String> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect();
    let (_, profile) = sections
        .iter()
        .find(|(h, _)| h == "Profile")
        .expect("a Profile section");
    let documented: BTreeSet<String> = profile.iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        documented, in_schema,
        "the profile fields documented vs the schema"
    );

    // Each command's answers on the example profiles.
    let mut runs: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for p in profiles() {
        let path = format!("profiles/{p}");
        let (from, target) = target_of(&p);
        let per_profile: [(&str, Vec<&str>); 9] = [
            ("`recommend`", vec!["recommend", &path]),
            ("`gaps`", vec!["gaps", &path, "--target", target]),
            // The README's target: the move to SRE has a condition (an in-house product company).
            ("`gaps`", vec!["gaps", &path, "--target", "sre"]),
            (
                "`paths`",
                vec!["paths", "--from", from, "--to", target, "--profile", &path],
            ),
            (
                "`paths` without `--to`",
                vec!["paths", "--from", from, "--profile", &path],
            ),
            ("`explain`", vec!["explain", &path, "--role", target]),
            ("`income`", vec!["income", &path]),
            ("`rate`", vec!["rate", &path]),
            ("`jobs`", vec!["jobs", &path]),
        ];
        for (section, mut args) in per_profile {
            args.extend(["--format", "json"]);
            runs.entry(section).or_default().push(json(&args));
        }
    }
    // The shipped postings are all for roles taken on contract: `held_as` shows on a posting for
    // a role held as employee line management.
    runs.entry("`jobs`").or_default().push(json(&[
        "jobs",
        "profiles/java-backend-3y.json",
        "--postings",
        "tests/fixtures/postings/line-management.json",
        "--format",
        "json",
    ]));
    for (section, args) in [
        ("`role`", vec!["role", "sre"]),
        ("`role`", vec!["role", "backend-engineer"]),
        ("`certs`", vec!["certs"]),
        ("`sources`", vec!["sources"]),
    ] {
        let mut args = args;
        args.extend(["--format", "json"]);
        runs.entry(section).or_default().push(json(&args));
    }
    // `validate` exits 1 on a knowledge base with errors; its JSON is the same either way.
    let r = run(&["validate", "--format", "json"]);
    let validate: Value = serde_json::from_str(&r.stdout).expect("validate JSON");
    runs.insert("`validate`", vec![validate]);
    let r = run(&["batch", "profiles/team.jsonl"]);
    let records: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect();
    runs.insert("`batch`", records);
    let every_answer: Vec<Value> = [
        "`recommend`",
        "`gaps`",
        "`paths`",
        "`paths` without `--to`",
        "`explain`",
        "`income`",
        "`rate`",
        "`jobs`",
        "`role`",
        "`certs`",
    ]
    .iter()
    .flat_map(|s| runs[s].clone())
    .collect();
    runs.insert("Every answer", every_answer);

    let output: Vec<&(String, Vec<Vec<String>>)> = sections
        .iter()
        .skip_while(|(h, _)| h != "JSON output")
        .skip(1)
        .collect();
    let documented: BTreeSet<&str> = output.iter().map(|(h, _)| h.as_str()).collect();
    let checked: BTreeSet<&str> = runs.keys().copied().collect();
    assert_eq!(
        documented, checked,
        "every section of JSON output is checked"
    );
    for (section, rows) in output {
        check_fields(section, rows, &runs[section.as_str()]);
    }
}
