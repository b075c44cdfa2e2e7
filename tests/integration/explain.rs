//! `explain`: the terms of a score and every rule about the role, as a tree.

use crate::support::{json, run};

fn snap(name: &str, args: &[&str]) {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}:\n{}", r.stderr);
    insta::assert_snapshot!(name, r.stdout, &args.join(" "));
}

#[test]
fn explain_text_and_json() {
    snap(
        "explain_sre",
        &["explain", "profiles/infra-4y-ccna.json", "--role", "sre"],
    );
    snap(
        "explain_network_specialist_json",
        &[
            "explain",
            "profiles/infra-4y-ccna.json",
            "--role",
            "network-specialist",
            "--format",
            "json",
        ],
    );
}

#[test]
fn explain_agrees_with_recommend() {
    let x = json(&[
        "explain",
        "profiles/infra-4y-ccna.json",
        "--role",
        "sre",
        "--format",
        "json",
    ]);
    let r = json(&[
        "recommend",
        "profiles/infra-4y-ccna.json",
        "--format",
        "json",
    ]);
    let rec = r["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["role"] == "sre")
        .unwrap();
    assert_eq!(x["fit"], rec["fit"]);
    assert_eq!(x["readiness"], rec["readiness"]);
    // Every rule about the role is listed, applying or not, each with its evaluated condition.
    let rules = x["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["applies"] == true));
    assert!(rules.iter().any(|r| r["applies"] == false));
    assert!(
        rules
            .iter()
            .all(|r| r["condition"]["passed"] == r["applies"])
    );
}

#[test]
fn explain_an_unknown_role_names_the_nearest() {
    let r = run(&["explain", "profiles/infra-4y-ccna.json", "--role", "sreee"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("`sre`"), "{}", r.stderr);
}
