//! The JSON fields INTERFACE.md promises scripts, on every example profile, and determinism.

use serde_json::Value;

use crate::support::{json, profiles, run, target_of};

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
