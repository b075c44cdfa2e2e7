//! Knowledge breadth: everyone who holds a role gets advice, whatever the role.

use careergraph::Engine;
use careergraph::recommend::Options;
use serde_json::{Map, Value, json};

/// A typical profile of someone who holds `role` today: the years its seniority usually takes
/// (or its experience requirement, if more), the phases and management years it asks for, and
/// every skill it requires at the level it requires (a family requirement through its first
/// member).
fn typical(engine: &Engine, role: usize) -> Value {
    let kb = engine.knowledge();
    let r = &kb.roles[role];
    let by_seniority = [1.0, 3.0, 5.0, 8.0, 12.0];
    let mut years = by_seniority[usize::from(r.seniority.clamp(1, 5)) - 1];
    if let Some(y) = r.experience.total_years {
        years = f64::max(years, y);
    }
    let mut phases = Map::new();
    for (p, y) in &r.experience.phases {
        phases.insert(kb.phases[p.0].id.clone(), json!(y.min(years)));
    }
    let mut skills = Map::new();
    for q in &r.requirements {
        skills.insert(kb.skill(q.skill).id.clone(), json!(q.level));
    }
    let management = r.experience.management_years.unwrap_or(0.0).min(years);
    json!({
        "name": format!("typical {}", r.id),
        "current_role": r.id,
        "years_experience": years,
        "phases": phases,
        "skills": skills,
        "management": { "years": management, "team_size": if management > 0.0 { 5 } else { 0 } },
        "employment": "employee",
    })
}

#[test]
fn every_role_a_person_holds_has_a_ranked_way_forward() {
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let kb = engine.knowledge();
    let mut failures = Vec::new();
    for (i, r) in kb.roles.iter().enumerate() {
        if r.terminal {
            continue;
        }
        let text = typical(&engine, i).to_string();
        let profile = match engine.profile_from_str(&r.id, &text) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{}: typical profile rejected: {e}", r.id));
                continue;
            }
        };
        let recs = engine.recommend(&profile, Options::default());
        let v = serde_json::to_value(&recs).expect("serializable");
        let list = v["recommendations"].as_array().cloned().unwrap_or_default();
        let forward: Vec<&Value> = list
            .iter()
            .filter(|x| {
                x["advice"] != "already-yours" && x["advice"] != "past-level" && x["role"] != r.id
            })
            .collect();
        if forward.is_empty() {
            failures.push(format!("{}: no recommendation forward", r.id));
        }
        let scores: Vec<f64> = list.iter().filter_map(|x| x["score"].as_f64()).collect();
        if scores.windows(2).any(|w| w[0] < w[1]) {
            failures.push(format!("{}: not ranked by score: {scores:?}", r.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The fit of a profile (given as JSON) to every role, by role id.
fn fits(engine: &Engine, profile: &Value) -> std::collections::BTreeMap<String, f64> {
    let p = engine
        .profile_from_str("profile", &profile.to_string())
        .expect("a valid profile");
    let kb = engine.knowledge();
    engine
        .score_all(&p)
        .into_iter()
        .map(|f| (kb.role(f.role).id.clone(), f.fit))
        .collect()
}

/// The example Java backend engineer, with the language replaced by `with`.
fn backend(with: &[(&str, u8)]) -> Value {
    let text =
        std::fs::read_to_string(crate::support::root().join("profiles/java-backend-3y.json"))
            .expect("example profile");
    let mut v: Value = serde_json::from_str(&text).expect("JSON");
    let skills = v["skills"].as_object_mut().expect("skills");
    skills.remove("java");
    for (s, l) in with {
        skills.insert((*s).to_string(), json!(l));
    }
    v["certifications"] = json!(["fe"]);
    v
}

#[test]
fn a_php_or_python_backend_engineer_fits_backend_roles_as_a_java_one_does() {
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let java = fits(&engine, &backend(&[("java", 3)]));
    for lang in ["php", "python", "ruby", "go", "nodejs"] {
        let other = fits(&engine, &backend(&[(lang, 3)]));
        for role in [
            "backend-engineer",
            "full-stack-engineer",
            "tech-lead",
            "development-specialist",
            "programmer",
        ] {
            assert!(
                (java[role] - other[role]).abs() < 1e-9,
                "{lang} 3 fits {role} {} but java 3 fits {}",
                other[role],
                java[role]
            );
        }
    }
}

#[test]
fn a_second_strong_language_raises_the_roles_tied_to_breadth() {
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let one = fits(&engine, &backend(&[("java", 3)]));
    let two = fits(&engine, &backend(&[("java", 3), ("python", 3)]));
    // Several languages pay (SEES, sees-backend-income): the specialist and the tech lead, who
    // chooses the language for the project, value a second one.
    for role in ["development-specialist", "tech-lead"] {
        assert!(
            two[role] > one[role],
            "{role}: {} → {}",
            one[role],
            two[role]
        );
    }
    // A role that asks for one language does not.
    assert!((two["backend-engineer"] - one["backend-engineer"]).abs() < 1e-9);
}

#[test]
fn rate_and_jobs_agree_on_how_a_role_is_held() {
    use careergraph::income;
    use careergraph::knowledge::model::RoleIx;
    use careergraph::profile::Facts;
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let kb = engine.knowledge();
    let profile = engine
        .profile_from_str("freelancer", &backend(&[("java", 3)]).to_string())
        .expect("a valid profile");
    let facts = Facts::new(&profile, kb);
    let template = kb.postings.first().expect("shipped postings").clone();
    let postings: Vec<_> = (0..kb.roles.len())
        .map(|i| {
            let mut p = template.clone();
            p.id = format!("as-{}", kb.roles[i].id);
            p.role = RoleIx(i);
            p
        })
        .collect();
    let matches = income::jobs(kb, &facts, &postings, postings.len());
    assert_eq!(matches.len(), kb.roles.len());
    let mut contract = 0;
    for m in &matches {
        let role = kb.find_role(&m.role).expect("a role");
        let rate = income::rate(kb, &facts, role, None);
        let not_on_contract = rate.held_as.as_ref().is_some_and(|h| !h.contract);
        contract += usize::from(rate.held_as.as_ref().is_some_and(|h| h.contract));
        assert_eq!(m.held_as.is_some(), not_on_contract, "{}", m.role);
        if let Some(h) = &rate.held_as {
            assert_eq!(h.note.is_some(), !h.contract, "{}", m.role);
        }
    }
    assert!(contract > 0, "no shipped role is taken on contract");
    let em = kb
        .find_role("engineering-manager")
        .expect("engineering-manager");
    let held = income::rate(kb, &facts, em, None)
        .held_as
        .expect("work styles");
    assert!(!held.contract, "engineering managers are employees");
}

#[test]
fn working_freelance_weighs_how_roles_are_held() {
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let text = std::fs::read_to_string(
        crate::support::root().join("tests/advice/personas/42-engineering-manager-10y.json"),
    )
    .expect("persona");
    let persona: Value = serde_json::from_str(&text).expect("JSON");
    let mut employee = persona["profile"].clone();
    employee["current_role"] = json!("project-leader");
    let mut freelance = employee.clone();
    freelance["employment"] = json!("freelance");
    let value = |p: &Value, role: &str| {
        let p = engine
            .profile_from_str("p", &p.to_string())
            .expect("a valid profile");
        let v = serde_json::to_value(engine.recommend(&p, Options::default())).expect("JSON");
        v["recommendations"]
            .as_array()
            .and_then(|l| l.iter().find(|r| r["role"] == role))
            .map(|r| r["value"]["work_style"].as_f64().unwrap_or(f64::NAN))
    };
    assert_eq!(value(&employee, "engineering-manager"), Some(0.0));
    assert_eq!(value(&employee, "project-manager"), Some(0.0));
    assert!(value(&freelance, "engineering-manager").is_some_and(|v| v < 0.0));
    assert!(value(&freelance, "project-manager").is_some_and(|v| v > 0.0));
}

/// Whether `a` is below `b` on a certification ladder (a prerequisite of `b`, or usually taken
/// before it, directly or through others).
fn below(kb: &careergraph::knowledge::KnowledgeBase, a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (kb.find_cert(a), kb.find_cert(b)) else {
        return false;
    };
    let mut stack = vec![b];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(c) = stack.pop() {
        let def = kb.certification(c);
        for p in def.prerequisites.iter().chain(&def.recommended_after) {
            if *p == a {
                return true;
            }
            if seen.insert(*p) {
                stack.push(*p);
            }
        }
    }
    false
}

#[test]
fn certificates_are_listed_in_the_order_of_their_ladder() {
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let kb = engine.knowledge();
    let mut profiles: Vec<Value> = crate::support::profiles()
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(crate::support::root().join("profiles").join(n))
                .expect("profile");
            serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("JSON")
        })
        .collect();
    // Someone holding only FE, who could be shown an advanced exam before AP.
    profiles.push(backend(&[("java", 3)]));
    let mut checked = 0;
    for p in profiles {
        let Ok(profile) = engine.profile_from_str("p", &p.to_string()) else {
            continue;
        };
        let v = serde_json::to_value(engine.recommend(&profile, Options::default())).expect("JSON");
        let mut lists: Vec<Vec<Value>> =
            vec![v["certifications"].as_array().cloned().unwrap_or_default()];
        for r in v["recommendations"].as_array().cloned().unwrap_or_default() {
            for key in ["certifications", "other_certifications"] {
                lists.push(r[key].as_array().cloned().unwrap_or_default());
            }
        }
        for list in lists {
            let ids: Vec<&str> = list.iter().filter_map(|c| c["id"].as_str()).collect();
            for (i, a) in ids.iter().enumerate() {
                for b in &ids[i + 1..] {
                    assert!(
                        !below(kb, b, a),
                        "{a} is listed before {b}, which comes first: {ids:?}"
                    );
                    checked += 1;
                }
            }
            for c in &list {
                let id = c["id"].as_str().unwrap_or_default();
                let after_listed = ids.iter().take_while(|x| **x != id).any(|x| {
                    kb.find_cert(id).is_some_and(|ci| {
                        let d = kb.certification(ci);
                        d.prerequisites
                            .iter()
                            .chain(&d.recommended_after)
                            .any(|p| kb.certification(*p).id == *x)
                    })
                });
                if after_listed {
                    let why = c["reasons"].as_array().cloned().unwrap_or_default();
                    assert!(
                        why.iter().any(|r| r["kind"] == "ladder"),
                        "{id} follows a step of its ladder but does not say so"
                    );
                }
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn a_year_of_design_raises_a_systems_engineers_upstream_roles_more_than_a_year_of_testing() {
    let engine = Engine::builtin().expect("the shipped knowledge base compiles");
    let se = |design: f64, testing: f64| {
        json!({
            "name": "SE",
            "current_role": "systems-engineer",
            "years_experience": 4.0 + design + testing,
            "phases": {"detailed-design": 1, "implementation": 3, "testing": 1.0 + testing, "basic-design": design},
            "skills": {"software-design": 3, "documentation": 3, "requirements-definition": 2, "sql": 3,
                       "test-automation": 3, "communication": 3, "java": 3, "agile-waterfall": 2},
            "employment": "employee",
        })
    };
    let design = fits(&engine, &se(1.0, 0.0));
    let testing = fits(&engine, &se(0.0, 1.0));
    // Seeds 000 and 002 put design upstream and testing downstream: the roles above SE that
    // ask for design (levtech-career-pg-to-pl, technication-infra-vs-backend) gain more from it.
    for role in [
        "project-leader",
        "it-architect",
        "project-manager",
        "it-consultant",
    ] {
        assert!(
            design[role] > testing[role],
            "{role}: a year of design {} vs a year of testing {}",
            design[role],
            testing[role]
        );
    }
}
