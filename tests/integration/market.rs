//! `income`, `rate` and `jobs`: snapshots on every example profile, the example rankings, a
//! user's postings file (bad ones with diagnostics, a large one).

use crate::support::{json, profiles, root, run};

fn snap(name: &str, args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}:\n{}", r.stderr);
    assert!(r.stderr.is_empty(), "{args:?} wrote to stderr");
    insta::assert_snapshot!(name, r.stdout, &args.join(" "));
}

#[test]
fn income_rate_and_jobs_on_every_profile() {
    for p in profiles() {
        let path = format!("profiles/{p}");
        let stem = p.trim_end_matches(".json");
        for cmd in ["income", "rate", "jobs"] {
            snap(&format!("{cmd}__{stem}"), &[cmd, &path]);
            snap(
                &format!("{cmd}_json__{stem}"),
                &[cmd, &path, "--format", "json"],
            );
        }
    }
}

#[test]
fn the_examples_rank_their_posting_first_with_gaps_for_the_rest() {
    for (profile, first) in [
        (
            "profiles/java-backend-3y.json",
            "sees-retail-accounting-java",
        ),
        (
            "profiles/infra-product-to-sre.json",
            "sees-cloud-operations",
        ),
    ] {
        let v = json(&["jobs", profile, "--format", "json"]);
        let jobs = v["jobs"].as_array().expect("jobs");
        assert_eq!(jobs[0]["id"], first, "{profile}");
        assert_eq!(jobs[0]["gaps"].as_array().map(Vec::len), Some(0));
        for j in &jobs[1..] {
            assert!(!j["gaps"].as_array().expect("gaps").is_empty(), "{j}");
        }
    }
}

#[test]
fn every_estimate_names_its_sources() {
    for p in profiles() {
        let v = json(&["income", &format!("profiles/{p}"), "--format", "json"]);
        let roles = v["current"].as_object().into_iter().chain(
            v["recommended"]
                .as_array()
                .expect("list")
                .iter()
                .filter_map(|r| r.as_object()),
        );
        for r in roles {
            for emp in ["employee", "freelance"] {
                let e = &r[emp];
                if let Some(base) = e.get("base") {
                    assert!(base["source"].as_str().is_some_and(|s| !s.is_empty()));
                }
                for f in e["factors"].as_array().expect("factors") {
                    assert!(f["source"].as_str().is_some_and(|s| !s.is_empty()), "{f}");
                }
            }
        }
    }
}

#[test]
fn a_bad_postings_file_is_reported_with_places_and_suggestions() {
    let r = run(&[
        "jobs",
        "profiles/java-backend-3y.json",
        "--postings",
        "tests/fixtures/postings/bad.json",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    for code in [
        "unknown-role",
        "unknown-skill",
        "unknown-phase",
        "duplicate-id",
        "income-out-of-range",
        "level-out-of-range",
        "missing-source",
    ] {
        assert!(
            r.stderr.contains(&format!("[{code}]")),
            "no {code}:\n{}",
            r.stderr
        );
    }
    insta::assert_snapshot!("bad_postings", r.stderr);
    let r = run(&[
        "jobs",
        "profiles/java-backend-3y.json",
        "--postings",
        "tests/fixtures/postings/unknown-contract.json",
    ]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("bad_postings_contract", r.stderr);
}

#[test]
fn a_large_postings_file_is_ranked() {
    let skills = ["java", "aws", "python", "linux", "terraform", "sql"];
    let roles = [
        "backend-engineer",
        "cloud-engineer",
        "infra-engineer",
        "pmo",
    ];
    let postings: Vec<serde_json::Value> = (0..5000)
        .map(|i| {
            serde_json::json!({
                "id": format!("p-{i:05}"),
                "title": format!("案件 {i}"),
                "role": roles[i % roles.len()],
                "monthly_rate": {"min": 50 + (i % 60)},
                "skills": [
                    {"skill": skills[i % skills.len()], "level": 1 + (i % 5), "years": (i % 6) as f64},
                    {"skill": skills[(i + 1 + (i / 7) % (skills.len() - 1)) % skills.len()], "level": 2}
                ],
                "phases": {"operations": (i % 4) as f64},
                "contract": "outsourcing",
                "source": "003_cf926ad814f16b81.txt"
            })
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("postings.json");
    std::fs::write(
        &path,
        serde_json::to_string(&serde_json::json!({ "postings": postings })).expect("json"),
    )
    .expect("write");
    let profile = root().join("profiles/java-backend-3y.json");
    let v = json(&[
        "jobs",
        profile.to_str().expect("utf-8"),
        "--postings",
        path.to_str().expect("utf-8"),
        "--top",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(v["total"], 5000);
    let jobs = v["jobs"].as_array().expect("jobs");
    assert_eq!(jobs.len(), 3);
    let fits: Vec<f64> = jobs.iter().filter_map(|j| j["fit"].as_f64()).collect();
    assert!(fits.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn rate_without_a_current_role_prices_the_best_recommendation() {
    let v = json(&["rate", "profiles/new-graduate.json", "--format", "json"]);
    assert!(v["role"].as_str().is_some());
}

/// One figure for one thing: the profile's income now and each role's income are the same
/// numbers in `income`, `recommend`, `rate`, `roles` and the HTML report, and every change is
/// measured within one survey.
#[test]
fn one_figure_for_one_thing_in_every_command() {
    let roles = json(&["roles", "--format", "json"]);
    let headline = |role: &str| {
        roles["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .find(|r| r["id"] == role)
            .map(|r| r["income"]["employee"].clone())
            .expect("the role is listed")
    };
    let mut checked = 0;
    for p in profiles() {
        let path = format!("profiles/{p}");
        let income = json(&["income", &path, "--format", "json"]);
        let Some(now) = income["current"].as_object() else {
            continue;
        };
        let (emp_now, free_now) = (&now["employee"], &now["freelance"]);
        let recs = json(&["recommend", &path, "--format", "json"]);
        for r in recs["recommendations"].as_array().expect("list") {
            let role = r["role"].as_str().expect("role");
            // The role's income is its headline, as `roles` lists it.
            assert_eq!(r["income"]["employee"], headline(role), "{p} {role}");
            // "estimated income for you" starts from the estimate `income` gives for now.
            let est = &r["estimated_income_change"];
            for (emp, now) in [("employee", emp_now), ("freelance", free_now)] {
                if let Some(c) = est.get(emp) {
                    assert_eq!(c["from"], now["range"], "{p} {role} {emp}");
                    assert_eq!(c["survey"], now["base"]["survey"], "{p} {role} {emp}");
                    checked += 1;
                }
            }
            // A headline change is measured within the target headline's survey.
            if let Some(b) = r["income_change"].get("employee_basis") {
                assert_eq!(b["survey"], r["income"]["employee"]["survey"], "{p} {role}");
            }
        }
        // `rate` prices the current role's freelance estimate.
        let rate = json(&["rate", &path, "--format", "json"]);
        assert_eq!(rate["yearly"], free_now["range"], "{p}");
        // The HTML report's "Income now" is the employee estimate of `income`.
        if let Some(range) = emp_now["range"].as_object() {
            let r = |k: &str| range[k].as_f64().expect("number").round();
            let shown = match (r("low"), r("high")) {
                (a, b) if a == b => format!("{a}"),
                (a, b) => format!("{a}–{b}"),
            };
            let page = crate::support::stdout(&["report", &path]);
            assert!(
                page.contains(&format!(
                    "Income now (estimate)</dt><dd>employee {shown}万円"
                )),
                "{p}: {shown}"
            );
        }
    }
    assert!(checked > 10, "only {checked} estimated changes compared");
}
