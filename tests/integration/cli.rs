//! Snapshots of every command on every example profile, in text and JSON.

use crate::support::{profiles, run, target_of};

fn snap(name: &str, args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}:\n{}", r.stderr);
    assert!(
        r.stderr.is_empty(),
        "{args:?} wrote to stderr:\n{}",
        r.stderr
    );
    insta::assert_snapshot!(name, r.stdout, &args.join(" "));
}

#[test]
fn recommend_every_profile() {
    for p in profiles() {
        let path = format!("profiles/{p}");
        let stem = p.trim_end_matches(".json");
        snap(&format!("recommend__{stem}"), &["recommend", &path]);
        snap(
            &format!("recommend_json__{stem}"),
            &["recommend", &path, "--format", "json"],
        );
    }
}

#[test]
fn gaps_every_profile() {
    for p in profiles() {
        let path = format!("profiles/{p}");
        let stem = p.trim_end_matches(".json");
        let (_, target) = target_of(&p);
        snap(
            &format!("gaps__{stem}"),
            &["gaps", &path, "--target", target],
        );
        snap(
            &format!("gaps_json__{stem}"),
            &["gaps", &path, "--target", target, "--format", "json"],
        );
        snap(
            &format!("gaps_sre__{stem}"),
            &["gaps", &path, "--target", "sre"],
        );
    }
}

#[test]
fn paths_every_profile() {
    for p in profiles() {
        let path = format!("profiles/{p}");
        let stem = p.trim_end_matches(".json");
        let (from, to) = target_of(&p);
        snap(
            &format!("paths__{stem}"),
            &[
                "paths",
                "--from",
                from,
                "--to",
                to,
                "--profile",
                &path,
                "-k",
                "3",
            ],
        );
        snap(
            &format!("paths_json__{stem}"),
            &[
                "paths",
                "--from",
                from,
                "--to",
                to,
                "--profile",
                &path,
                "-k",
                "3",
                "--format",
                "json",
            ],
        );
    }
}

#[test]
fn paths_without_a_profile() {
    snap(
        "paths__infra_to_it_architect",
        &[
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "it-architect",
            "-k",
            "3",
        ],
    );
    snap(
        "paths__infra_to_sre",
        &[
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "sre",
            "-k",
            "3",
        ],
    );
    snap(
        "paths_json__infra_to_it_architect",
        &[
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "it-architect",
            "-k",
            "3",
            "--format",
            "json",
        ],
    );
}

#[test]
fn catalog_commands() {
    for (name, args) in [
        ("roles", vec!["roles"]),
        ("roles_json", vec!["roles", "--format", "json"]),
        ("role_sre", vec!["role", "sre"]),
        ("role_sre_json", vec!["role", "sre", "--format", "json"]),
        ("role_alias", vec!["role", "server-side-engineer"]),
        ("certs", vec!["certs"]),
        ("certs_json", vec!["certs", "--format", "json"]),
        ("skills", vec!["skills"]),
        ("skills_json", vec!["skills", "--format", "json"]),
        ("preferences", vec!["preferences"]),
        ("preferences_json", vec!["preferences", "--format", "json"]),
        ("validate", vec!["validate"]),
        ("validate_json", vec!["validate", "--format", "json"]),
    ] {
        snap(name, &args);
    }
}

#[test]
fn profile_from_stdin_equals_profile_from_file() {
    let text = std::fs::read_to_string(crate::support::root().join("profiles/infra-4y-ccna.json"))
        .expect("profile");
    let piped = crate::support::run_in(
        &crate::support::root(),
        &["recommend", "-", "--format", "json"],
        Some(&text),
    );
    let file = run(&[
        "recommend",
        "profiles/infra-4y-ccna.json",
        "--format",
        "json",
    ]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout, file.stdout);
}

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    for args in [
        vec![
            "gaps",
            "profiles/infra-4y-ccna.json",
            "--target",
            "sre-engineer",
        ],
        vec!["paths", "--from", "infra", "--to", "sre"],
        vec![
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "sre",
            "-k",
            "0",
        ],
        vec![
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "sre",
            "-k",
            "21",
        ],
        vec!["paths", "--from", "sre", "--to", "sre"],
        vec!["role", "archtect"],
        vec!["recommend", "profiles/does-not-exist.json"],
        vec!["recommend", "profiles"],
        vec![
            "recommend",
            "profiles/infra-4y-ccna.json",
            "--rules",
            "no-such-dir",
        ],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stdout.is_empty(), "{args:?} printed {}", r.stdout);
        insta::assert_snapshot!(
            format!("usage__{}", args.join("_").replace(['/', '.'], "-")),
            r.stderr,
            &args.join(" ")
        );
    }
}

#[test]
fn goals_say_where_they_stand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("p.json");
    std::fs::write(
        &p,
        r#"{"current_role": "project-manager", "skills": {},
            "goals": ["in-house-se", "project-manager", "it-consultant"]}"#,
    )
    .expect("write");
    let p = p.to_string_lossy().to_string();
    // Wide, so that each sentence is on one line.
    let text = crate::support::stdout(&["recommend", &p, "--width", "400"]);
    assert!(text.contains("Your goal In-house SE (corporate IT) (in-house-se): the knowledge base has no route to it from here."));
    assert!(text.contains("Your goal Project manager (PM) is the role you hold."));
    let json: serde_json::Value = serde_json::from_str(&crate::support::stdout(&[
        "recommend",
        &p,
        "--format",
        "json",
    ]))
    .expect("JSON");
    let status = |role: &str| {
        json["goals"]
            .as_array()
            .expect("goals")
            .iter()
            .find(|g| g["role"] == role)
            .map(|g| g["status"].clone())
    };
    assert_eq!(status("in-house-se"), Some("unreachable".into()));
    assert_eq!(status("project-manager"), Some("current".into()));
    assert_eq!(status("it-consultant"), Some("listed".into()));
    assert_eq!(json["recommendations"][0]["role"], "it-consultant");
    assert_eq!(json["recommendations"][0]["advice"], "goal");
}

#[test]
fn sources_lists_the_registry_in_80_columns() {
    use unicode_width::UnicodeWidthStr;
    for rules in [None, Some("tests/fixtures/kb-min")] {
        let mut args = vec!["sources"];
        args.extend(rules.iter().flat_map(|r| ["--rules", r]));
        for lang in ["en", "ja"] {
            let mut with_lang = args.clone();
            with_lang.extend(["--lang", lang]);
            let r = run(&with_lang);
            assert_eq!(r.code, 0, "{with_lang:?}: {}", r.stderr);
            for line in r.stdout.lines() {
                assert!(
                    line.width() <= 80,
                    "{with_lang:?}: {line:?} is {} wide",
                    line.width()
                );
            }
        }
    }
    let r = run(&["sources", "--rules", "tests/fixtures/kb-min"]);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("careergraph-design  design")),
        "{}",
        r.stdout
    );
    let v = crate::support::json(&[
        "sources",
        "--rules",
        "tests/fixtures/kb-min",
        "--format",
        "json",
    ]);
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, ["careergraph-design", "test"]);
    assert_eq!(v["sources"][1]["url"], "tests/fixtures/kb-min/kb.json");
    let md = run(&[
        "sources",
        "--rules",
        "tests/fixtures/kb-min",
        "--format",
        "markdown",
    ]);
    assert!(md.stdout.starts_with("## Sources\n"), "{}", md.stdout);
    assert!(
        md.stdout.contains("| `test` | design | 2026 |"),
        "{}",
        md.stdout
    );
    let svg = run(&["sources", "--format", "svg"]);
    assert_eq!(svg.code, 2);
    assert!(
        svg.stderr.contains("text, json, markdown"),
        "{}",
        svg.stderr
    );
}

#[test]
fn answers_cite_registry_entries_by_title_and_list_them_in_json() {
    let profile = r#"{"current_role": "ops", "skills": {"linux": 2}}"#;
    let root = crate::support::root();
    let args = [
        "gaps",
        "-",
        "--target",
        "cloudops",
        "--rules",
        "tests/fixtures/kb-min",
        "--width",
        "400",
    ];
    let r = crate::support::run_in(&root, &args, Some(profile));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "Sources:\n  [1] The tiny knowledge base for tests — careergraph (2026) \
             tests/fixtures/kb-min/kb.json\n"
        ),
        "{}",
        r.stdout
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let r = crate::support::run_in(&root, &json_args, Some(profile));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["skills"][0]["source"], "test", "the fields keep the ids");
    assert_eq!(
        v["sources"],
        serde_json::json!([{
            "id": "test",
            "title": "The tiny knowledge base for tests",
            "publisher": "careergraph",
            "url": "tests/fixtures/kb-min/kb.json",
            "date": "2026",
            "kind": "design",
            "note": "Made-up roles, skills and figures, small enough to check scores by hand."
        }])
    );
}
