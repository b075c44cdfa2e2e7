//! Invariants on the shipped knowledge base, over random profiles and route requests: scores in
//! [0, 1], monotone in skills, certifications and years, `ready` exactly when no essential gap,
//! byte-identical output across runs and key orders, loopless sorted routes.

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

    /// Fits are in [0, 1], and `ready` means no essential gap (in level, in hands-on work or in
    /// years) and little else to learn (at most the scoring's `ready_months`).
    #[test]
    fn scores_in_range_and_ready_means_no_essential_gap(p in profile()) {
        let e = engine();
        let ready_months = e.knowledge().scoring.ready_months;
        let profile = e.profile_from_str("p.json", &p.to_string()).expect("valid");
        for f in e.score_all(&profile) {
            prop_assert!((0.0..=1.0).contains(&f.fit));
            let essential_gap = f.skills.iter().any(|t| t.essential && t.is_gap())
                || f.experience.iter().any(|t| t.is_gap());
            prop_assert_eq!(
                f.readiness == careergraph::scoring::Readiness::Ready,
                !essential_gap && f.months_to_ready <= ready_months
            );
        }
    }
}

/// `recommend --format json` for a profile, through the library and the JSON report.
fn recommend_json(p: &serde_json::Value) -> String {
    let e = engine();
    let profile = e.profile_from_str("p.json", &p.to_string()).expect("valid");
    careergraph::report::json(&e.recommend(&profile, Default::default()))
}

/// Each recommended role's JSON, by role id.
fn by_role(p: &serde_json::Value) -> std::collections::BTreeMap<String, serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(&recommend_json(p)).expect("JSON");
    v["recommendations"]
        .as_array()
        .expect("recommendations")
        .iter()
        .filter_map(|r| Some((r["role"].as_str()?.to_string(), r.clone())))
        .collect()
}

/// The same JSON object with its keys (and those of nested objects) in reverse order.
fn reversed(v: &serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => {
            let mut out = serde_json::Map::new();
            for (k, x) in m.iter().rev() {
                out.insert(k.clone(), reversed(x));
            }
            serde_json::Value::Object(out)
        }
        other => other.clone(),
    }
}

/// A random (from, to, k) over the shipped roles.
fn route_request() -> impl Strategy<Value = (String, String, usize)> {
    let roles: Vec<String> = engine()
        .knowledge()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    (
        proptest::sample::select(roles.clone()),
        proptest::sample::select(roles),
        1usize..=careergraph::graph::MAX_K,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Recommendation scores are in [0, 1], 0.5 and above exactly for moves worth making; and
    /// `ready` exactly when no essential gap is listed, no unmet condition of the move adds
    /// time, and little else is left to learn.
    #[test]
    fn recommendations_in_range_and_ready_iff_no_essential_gap(p in profile()) {
        let e = engine();
        let ready_months = e.knowledge().scoring.ready_months;
        let v: serde_json::Value = serde_json::from_str(&recommend_json(&p)).expect("JSON");
        for r in v["recommendations"].as_array().expect("list") {
            let score = r["score"].as_f64().expect("score");
            prop_assert!((0.0..=1.0).contains(&score), "{}: {score}", r["role"]);
            prop_assert_eq!(score >= 0.5, r["worth_making"] == true, "{}", r["role"]);
            let essential = r["gaps"].as_array().expect("gaps").iter().any(|g| {
                // experience gaps (total, phase, management years) are always essential
                g["kind"] != "skill" || g["essential"] == serde_json::json!(true)
            });
            let unmet_time = r["unmet"]
                .as_array()
                .is_some_and(|u| u.iter().any(|x| x["months"].as_f64() > Some(0.0)));
            let months = r["months_to_ready"].as_f64().expect("months");
            prop_assert_eq!(
                r["readiness"] == "ready",
                !essential && !unmet_time && months <= ready_months,
                "{}",
                r["role"]
            );
        }
    }

    /// Gaining a skill level, a certification, a year (total, in a phase, of management) never
    /// lowers the fit or the reach of a recommended role, nor its score, unless the gain puts the
    /// person past the role (qualified for a higher one in its family).
    #[test]
    fn gaining_never_lowers_a_recommendation_score(
        p in profile(), which in 0usize..5, pick in any::<prop::sample::Index>()
    ) {
        let q = gained(&p, which, pick);
        let before = by_role(&p);
        let after = by_role(&q);
        for (role, b) in &before {
            let Some(a) = after.get(role) else { continue };
            for key in ["fit", "reach"] {
                let (x, y) = (b[key].as_f64().expect(key), a[key].as_f64().expect(key));
                prop_assert!(y >= x - 1e-9, "{role} {key}: {x} -> {y} after change {which}");
            }
            let (x, y) = (b["score"].as_f64().expect("score"), a["score"].as_f64().expect("score"));
            prop_assert!(
                y >= x - 1e-9 || (a["advice"] == "past-level" && b["advice"] != "past-level"),
                "{role} score: {x} -> {y} after change {which} ({} -> {})",
                b["advice"],
                a["advice"]
            );
        }
    }

    /// The same profile gives byte-identical output, run after run and whatever the order of
    /// the keys in its JSON.
    #[test]
    fn output_is_identical_across_runs_and_key_orders(p in profile()) {
        let first = recommend_json(&p);
        prop_assert_eq!(&first, &recommend_json(&p));
        prop_assert_eq!(&first, &recommend_json(&reversed(&p)));
    }

    /// Routes are loopless, start and end where asked, sorted by cost, at most k, within the
    /// hop bound, and the same for every run.
    #[test]
    fn routes_are_loopless_and_sorted((from, to, k) in route_request(), p in proptest::option::of(profile())) {
        let e = engine();
        let profile = p.map(|p| e.profile_from_str("p.json", &p.to_string()).expect("valid"));
        if from == to {
            prop_assert!(e.paths(&from, &to, k, profile.as_ref()).is_err());
            return Ok(());
        }
        let r = e.paths(&from, &to, k, profile.as_ref()).expect("known roles");
        prop_assert!(r.paths.len() <= k);
        for path in &r.paths {
            let mut unique = path.roles.clone();
            unique.sort();
            unique.dedup();
            prop_assert_eq!(unique.len(), path.roles.len(), "loop in {:?}", path.roles);
            prop_assert_eq!(path.roles.first(), Some(&from));
            prop_assert_eq!(path.roles.last(), Some(&to));
            prop_assert!(path.roles.len() <= careergraph::graph::MAX_HOPS + 1);
            prop_assert!(path.cost.is_finite() && path.cost >= 0.0);
        }
        prop_assert!(r.paths.windows(2).all(|w| w[0].cost <= w[1].cost), "not sorted");
        let again = e.paths(&from, &to, k, profile.as_ref()).expect("known roles");
        prop_assert_eq!(careergraph::report::json(&r), careergraph::report::json(&again));
    }
}

/// The profile with one thing gained: a skill level, a certification, a year (total, in a phase,
/// of management).
fn gained(p: &serde_json::Value, which: usize, pick: prop::sample::Index) -> serde_json::Value {
    let kb = engine().knowledge();
    let mut q = p.clone();
    match which {
        0 => {
            let id = &kb.skills[pick.index(kb.skills.len())].id;
            let level = q["skills"][id].as_u64().unwrap_or(0);
            q["skills"][id] = serde_json::json!((level + 1).min(5));
        }
        1 => {
            let id = &kb.certifications[pick.index(kb.certifications.len())].id;
            q["certifications"]
                .as_array_mut()
                .expect("array")
                .push(serde_json::json!(id));
        }
        2 => {
            let y = q["years_experience"].as_f64().unwrap_or(0.0);
            q["years_experience"] = serde_json::json!(y + 1.0);
        }
        3 => {
            let id = &kb.phases[pick.index(kb.phases.len())].id;
            let y = q["phases"][id].as_f64().unwrap_or(0.0);
            q["phases"][id] = serde_json::json!(y + 1.0);
            let total = q["years_experience"].as_f64().unwrap_or(0.0);
            q["years_experience"] = serde_json::json!(total.max(y + 1.0));
        }
        _ => {
            let y = q["management"]["years"].as_f64().unwrap_or(0.0);
            q["management"]["years"] = serde_json::json!(y + 1.0);
        }
    }
    q
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Gaining a skill level, a certification or a year never makes a route dearer for the
    /// person: the quickest route by typical years, priced before and after, and each
    /// recommendation's time for the move.
    #[test]
    fn gaining_never_makes_a_route_dearer(
        (from, to, _k) in route_request(), p in profile(), which in 0usize..5,
        pick in any::<prop::sample::Index>()
    ) {
        let e = engine();
        let kb = e.knowledge();
        let q = gained(&p, which, pick);
        let (before, after) = (
            e.profile_from_str("p.json", &p.to_string()).expect("valid"),
            e.profile_from_str("q.json", &q.to_string()).expect("valid"),
        );
        if from != to {
            let typical = e.paths(&from, &to, 1, None).expect("known roles");
            if let Some(route) = typical.paths.first() {
                let price = |profile| {
                    careergraph::planning::routes::price_roles(kb, &route.roles, profile)
                        .expect("a route of the graph")
                };
                let (b, a) = (price(&before), price(&after));
                prop_assert!(a <= b + 1e-9, "{:?}: {b} -> {a} after change {which}", route.roles);
            }
        }
        let times = |profile| -> std::collections::BTreeMap<String, f64> {
            e.recommend(profile, Default::default())
                .recommendations
                .into_iter()
                .filter_map(|r| r.years_for_you.map(|y| (r.role, y)))
                .collect()
        };
        let after_times = times(&after);
        for (role, b) in times(&before) {
            if let Some(a) = after_times.get(&role) {
                prop_assert!(*a <= b + 1e-9, "{role}: {b} -> {a} after change {which}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// `batch` gives, line by line and in input order, what `recommend --format json` gives for
    /// each profile alone, whatever the number of worker threads.
    #[test]
    fn batch_equals_one_by_one(ps in proptest::collection::vec(profile(), 1..6), jobs in 1usize..4) {
        let input: String = ps.iter().map(|p| format!("{p}\n")).collect();
        let mut out = Vec::new();
        let options = careergraph::batch::Options {
            jobs,
            recommend: careergraph::recommend::Options { max_steps: 2, top: None },
            ..Default::default()
        };
        careergraph::batch::run(engine(), input.as_bytes(), &mut out, &options, &|_| {})
            .expect("batch runs");
        let text = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        prop_assert_eq!(lines.len(), ps.len());
        for (i, (line, p)) in lines.iter().zip(&ps).enumerate() {
            let mut record: serde_json::Value = serde_json::from_str(line).expect("JSON");
            prop_assert_eq!(&record["line"], &serde_json::json!(i + 1));
            prop_assert_eq!(&record["status"], "ok");
            let fields = record.as_object_mut().expect("object");
            fields.remove("line");
            fields.remove("status");
            let alone: serde_json::Value =
                serde_json::from_str(&recommend_json(p)).expect("JSON");
            prop_assert_eq!(&record, &crate::support::machine_shape(&alone, "none", false));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// `batch --brief` keeps the roles, scores, readiness and order of the full records, line
    /// for line, whatever the number of threads.
    #[test]
    fn brief_batch_ranks_as_the_full_batch(
        ps in proptest::collection::vec(profile(), 1..6),
        jobs in 1usize..4,
        top in proptest::option::of(1usize..6),
    ) {
        let input: String = ps.iter().map(|p| format!("{p}\n")).collect();
        let run = |brief: bool| {
            let mut out = Vec::new();
            let options = careergraph::batch::Options {
                jobs,
                brief,
                recommend: careergraph::recommend::Options { max_steps: 2, top },
                ..Default::default()
            };
            careergraph::batch::run(engine(), input.as_bytes(), &mut out, &options, &|_| {})
                .expect("batch runs");
            String::from_utf8(out).expect("UTF-8")
        };
        let (full, brief) = (run(false), run(true));
        prop_assert_eq!(full.lines().count(), ps.len());
        prop_assert_eq!(brief.lines().count(), ps.len());
        for (f, b) in full.lines().zip(brief.lines()) {
            let f: serde_json::Value = serde_json::from_str(f).expect("JSON");
            let b: serde_json::Value = serde_json::from_str(b).expect("JSON");
            prop_assert_eq!(&f["line"], &b["line"]);
            let (fr, br) = (&f["recommendations"], &b["recommendations"]);
            prop_assert_eq!(fr.as_array().map(Vec::len), br.as_array().map(Vec::len));
            for (x, y) in fr.as_array().into_iter().flatten().zip(br.as_array().into_iter().flatten()) {
                for key in ["role", "score", "fit", "readiness", "months_to_ready"] {
                    prop_assert_eq!(&x[key], &y[key], "{}", key);
                }
            }
        }
    }
}

/// A random profile with a current role (or none), no preferences, and maybe a goal.
fn profile_with_goal() -> impl Strategy<Value = (serde_json::Value, Option<String>)> {
    let roles: Vec<String> = engine()
        .knowledge()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    (
        profile(),
        proptest::option::of(proptest::sample::select(roles)),
    )
        .prop_map(|(mut p, goal)| {
            p["preferences"] = serde_json::json!([]);
            if let Some(g) = &goal {
                p["goals"] = serde_json::json!([g]);
            }
            (p, goal)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A goal the career graph reaches from the current role (or, with none, from an entry role)
    /// is always recommended, first among the moves, with the advice `goal`, unless it is the
    /// job the person already does.
    #[test]
    fn a_reachable_goal_is_always_listed((p, goal) in profile_with_goal()) {
        let Some(goal) = goal else { return Ok(()) };
        let e = engine();
        let kb = e.knowledge();
        let current = p["current_role"].as_str().map(str::to_string);
        if current.as_deref() == Some(goal.as_str()) {
            return Ok(());
        }
        let reachable = match &current {
            Some(from) => !e.paths(from, &goal, 1, None).expect("known roles").paths.is_empty(),
            None => kb.roles.iter().filter(|r| r.entry).any(|r| {
                r.id == goal || !e.paths(&r.id, &goal, 1, None).expect("known").paths.is_empty()
            }),
        };
        let v: serde_json::Value = serde_json::from_str(&recommend_json(&p)).expect("JSON");
        let recs = v["recommendations"].as_array().expect("list");
        let found = recs.iter().position(|r| r["role"] == goal.as_str());
        if reachable {
            let at = found.unwrap_or_else(|| panic!("goal {goal} not listed for {p}"));
            let r = &recs[at];
            if r["advice"] != "already-yours" {
                prop_assert_eq!(&r["advice"], "goal");
                prop_assert_eq!(at, 0, "the one goal comes first");
            }
        }
    }

    /// Without a preference or a goal, the job the person already does under another name, a
    /// role below them and a sideways move never rank above a step up.
    #[test]
    fn a_relabel_never_outranks_an_advancement_without_a_preference(
        (mut p, _) in profile_with_goal()
    ) {
        p["goals"] = serde_json::json!([]);
        let v: serde_json::Value = serde_json::from_str(&recommend_json(&p)).expect("JSON");
        let recs = v["recommendations"].as_array().expect("list");
        let rank = |kinds: &[&str]| -> Vec<usize> {
            recs.iter()
                .enumerate()
                .filter(|(_, r)| kinds.iter().any(|k| r["advice"] == *k))
                .map(|(i, _)| i)
                .collect()
        };
        let ups = rank(&["step-up"]);
        let not_moves = rank(&["already-yours", "past-level", "sideways"]);
        if let (Some(last_up), Some(first_not)) = (ups.iter().max(), not_moves.iter().min()) {
            prop_assert!(last_up < first_not, "{p}: {recs:?}");
        }
    }
}
