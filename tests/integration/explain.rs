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

/// Every reason of every recommendation for every example profile agrees with `explain` for that
/// role: the strengths are its skill lines, each `rule` and `note` reason is a rule it lists as
/// applying (same adjustment, text and source), and no applying rule's adjustment or note is left
/// out. Reasons about the move itself (transition, condition, preference, income) are not part of
/// a role's explanation.
#[test]
fn every_reason_agrees_with_explain() {
    let engine = careergraph::Engine::builtin().expect("built-in knowledge base");
    let mut checked = std::collections::BTreeMap::new();
    for name in crate::support::profiles() {
        let path = crate::support::root().join("profiles").join(&name);
        let text = std::fs::read_to_string(&path).expect("profile");
        let profile = engine
            .profile_from_str(&name, &text)
            .expect("valid profile");
        let recs = engine.recommend(&profile, careergraph::recommend::Options::default());
        assert!(!recs.recommendations.is_empty(), "{name}");
        for rec in &recs.recommendations {
            let x = engine.explain(&profile, &rec.role).expect("explain");
            let at = format!("{name} → {}", rec.role);
            let applying: Vec<_> = x.rules.iter().filter(|r| r.applies).collect();
            for reason in &rec.reasons {
                *checked.entry(reason.kind).or_insert(0) += 1;
                match reason.kind {
                    "strength" => {
                        let met: Vec<_> = x.skills.iter().filter(|s| s.have >= s.need).collect();
                        let head = format!(
                            "meets {} of {} skill requirements: ",
                            met.len(),
                            x.skills.len()
                        );
                        let list = reason.text.en.strip_prefix(&head);
                        let list = list.unwrap_or_else(|| panic!("{at}: {}", reason.text.en));
                        // Up to three `name have/need` items, a certification in brackets
                        // after a level it evidences; names may hold commas themselves.
                        let mut rest = list;
                        let mut items = 0;
                        while !rest.is_empty() {
                            let s = met.iter().find(|s| {
                                rest.starts_with(&format!("{} {}/{}", s.name.en, s.have, s.need))
                            });
                            let s = s.unwrap_or_else(|| {
                                panic!("{at}: `{rest}` starts with no met requirement")
                            });
                            rest = &rest[format!("{} {}/{}", s.name.en, s.have, s.need).len()..];
                            if let Some(cert) = &s.evidence {
                                let kb = engine.knowledge();
                                let ix = kb.find_cert(cert).expect("a known certification");
                                let via = format!(" ({})", kb.certification(ix).name.en);
                                rest = rest.strip_prefix(&via).unwrap_or_else(|| {
                                    panic!("{at}: no `{via}` after {}", s.skill)
                                });
                            }
                            rest = rest.strip_prefix(", ").unwrap_or(rest);
                            items += 1;
                        }
                        assert_eq!(items, met.len().min(3), "{at}");
                        assert_eq!(reason.source, x.source, "{at}");
                    }
                    "rule" | "note" => {
                        let id = reason.rule.as_deref().expect("a rule id");
                        let line = applying.iter().find(|r| r.rule == id);
                        let line = line.unwrap_or_else(|| panic!("{at}: {id} does not apply"));
                        assert_eq!(reason.source, line.source, "{at}: {id}");
                        if reason.kind == "rule" {
                            assert_eq!(reason.adjustment, Some(line.adjustment), "{at}: {id}");
                            assert_eq!(reason.text, line.description, "{at}: {id}");
                        } else {
                            assert!(line.effects.iter().any(|e| e == "note"), "{at}: {id}");
                        }
                    }
                    "advice" | "transition" | "condition" | "preference" | "income" => {}
                    other => panic!("{at}: unexpected reason kind {other}"),
                }
            }
            for line in &applying {
                let of = |kind: &str| {
                    rec.reasons
                        .iter()
                        .filter(|r| r.kind == kind && r.rule.as_deref() == Some(&line.rule))
                        .count()
                };
                let adjusts = usize::from(line.adjustment != 0.0);
                assert_eq!(of("rule"), adjusts, "{at}: {}", line.rule);
                let notes = line.effects.iter().filter(|e| *e == "note").count();
                assert_eq!(of("note"), notes, "{at}: {}", line.rule);
            }
        }
    }
    for kind in ["strength", "rule", "note"] {
        assert!(
            checked.get(kind).is_some_and(|n| *n > 0),
            "no {kind} reason: {checked:?}"
        );
    }
}
