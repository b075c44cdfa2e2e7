//! Invariants on the shipped knowledge base, over random profiles.

use careergraph::Engine;
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().expect("the shipped knowledge base loads"))
}

/// A random profile over the shipped ids, as JSON.
fn profile() -> impl Strategy<Value = serde_json::Value> {
    let kb = engine().knowledge();
    let skills: Vec<String> = kb.skills.iter().map(|s| s.id.clone()).collect();
    let certs: Vec<String> = kb.certifications.iter().map(|c| c.id.clone()).collect();
    let phases: Vec<String> = kb.phases.iter().map(|p| p.id.clone()).collect();
    let roles: Vec<String> = kb.roles.iter().map(|r| r.id.clone()).collect();
    (
        proptest::collection::btree_map(proptest::sample::select(skills), 0u8..=5, 0..12),
        proptest::collection::btree_set(proptest::sample::select(certs), 0..4),
        proptest::collection::btree_map(proptest::sample::select(phases), 0.0f64..6.0, 0..4),
        0.0f64..20.0,
        proptest::option::of(proptest::sample::select(roles)),
        0.0f64..5.0,
    )
        .prop_map(|(skills, certs, phases, years, role, mgmt)| {
            serde_json::json!({
                "skills": skills, "certifications": certs, "phases": phases,
                "years_experience": years, "current_role": role,
                "management": {"years": mgmt, "team_size": 3},
                "workplace": "si", "preferences": ["stability"]
            })
        })
}

fn fits(p: &serde_json::Value) -> Vec<f64> {
    let e = engine();
    let profile = e
        .profile_from_str("p.json", &p.to_string())
        .expect("generated profiles are valid");
    e.score_all(&profile).iter().map(|f| f.fit).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Adding a skill level, a certification or a year never lowers any role's score.
    #[test]
    fn gaining_never_lowers_any_fit(p in profile(), which in 0usize..3, pick in any::<prop::sample::Index>()) {
        let kb = engine().knowledge();
        let before = fits(&p);
        let mut q = p.clone();
        match which {
            0 => {
                let id = &kb.skills[pick.index(kb.skills.len())].id;
                let level = q["skills"][id].as_u64().unwrap_or(0);
                q["skills"][id] = serde_json::json!((level + 1).min(5));
            }
            1 => {
                let id = &kb.certifications[pick.index(kb.certifications.len())].id;
                q["certifications"].as_array_mut().expect("array").push(serde_json::json!(id));
            }
            _ => {
                let y = q["years_experience"].as_f64().unwrap_or(0.0);
                q["years_experience"] = serde_json::json!(y + 1.0);
            }
        }
        let after = fits(&q);
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            prop_assert!(a >= &(b - 1e-12), "{}: {b} -> {a}", kb.roles[i].id);
        }
    }

    /// Scores are in [0, 1] and `ready` means no essential gap.
    #[test]
    fn scores_in_range_and_ready_means_no_essential_gap(p in profile()) {
        let e = engine();
        let profile = e.profile_from_str("p.json", &p.to_string()).expect("valid");
        for f in e.score_all(&profile) {
            prop_assert!((0.0..=1.0).contains(&f.fit));
            let essential_gap = f.skills.iter().any(|t| t.essential && t.is_gap())
                || f.experience.iter().any(|t| t.is_gap());
            prop_assert_eq!(f.readiness == careergraph::scoring::Readiness::Ready, !essential_gap);
        }
    }
}
