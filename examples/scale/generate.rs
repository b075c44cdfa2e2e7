//! Generators for benchmarks: plausible random profiles over a knowledge base's ids, and a
//! synthetic knowledge base of any size that `validate` accepts. Deterministic for a seed.
// Shared by the `scale` example and the criterion benches, which use different parts.
#![allow(dead_code)]

use careergraph::knowledge::KnowledgeBase;
use serde_json::{Map, Value, json};

/// A small, fast, deterministic random number generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// Years with one decimal in `0..=max`.
    pub fn years(&mut self, max: usize) -> f64 {
        self.below(max * 10 + 1) as f64 / 10.0
    }

    /// `k` distinct items of `items` (fewer when there are fewer).
    pub fn pick<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut picked: Vec<usize> = Vec::with_capacity(k);
        while picked.len() < k.min(items.len()) {
            let i = self.below(items.len());
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        picked.into_iter().map(|i| &items[i]).collect()
    }
}

/// One plausible profile over the knowledge base's ids, as one line of JSON.
pub fn profile(kb: &KnowledgeBase, rng: &mut Rng, n: usize) -> String {
    let ids = |v: Vec<&&String>| -> Vec<Value> { v.into_iter().map(|s| json!(s)).collect() };
    let years = rng.years(25);
    let mut p = Map::new();
    p.insert("name".into(), json!(format!("Person {n}")));
    if !rng.chance(0.1) {
        let roles: Vec<&String> = kb.roles.iter().map(|r| &r.id).collect();
        p.insert("current_role".into(), json!(roles[rng.below(roles.len())]));
    }
    p.insert("years_experience".into(), json!(years));
    let phase_ids: Vec<&String> = kb.phases.iter().map(|x| &x.id).collect();
    let mut phases = Map::new();
    let k = rng.between(0, 4);
    for id in rng.pick(&phase_ids, k) {
        phases.insert((*id).clone(), json!(rng.years(years.ceil() as usize)));
    }
    p.insert("phases".into(), Value::Object(phases));
    let skill_ids: Vec<&String> = kb.skills.iter().map(|x| &x.id).collect();
    let mut skills = Map::new();
    let k = rng.between(2, 14);
    for id in rng.pick(&skill_ids, k) {
        skills.insert((*id).clone(), json!(rng.between(1, 5)));
    }
    p.insert("skills".into(), Value::Object(skills));
    let cert_ids: Vec<&String> = kb.certifications.iter().map(|x| &x.id).collect();
    let k = rng.between(0, 3);
    p.insert(
        "certifications".into(),
        Value::Array(ids(rng.pick(&cert_ids, k))),
    );
    if rng.chance(0.2) {
        p.insert(
            "management".into(),
            json!({"years": rng.years(10), "team_size": rng.between(1, 30)}),
        );
    }
    p.insert("age".into(), json!(22 + rng.below(40)));
    p.insert(
        "employment".into(),
        json!(if rng.chance(0.15) {
            "freelance"
        } else {
            "employee"
        }),
    );
    let workplaces: Vec<&String> = kb.workplaces.iter().map(|x| &x.id).collect();
    if !workplaces.is_empty() {
        p.insert(
            "workplace".into(),
            json!(workplaces[rng.below(workplaces.len())]),
        );
    }
    let prefs: Vec<&String> = kb.preferences.iter().map(|x| &x.id).collect();
    let k = rng.between(0, 3);
    p.insert("preferences".into(), Value::Array(ids(rng.pick(&prefs, k))));
    Value::Object(p).to_string()
}

/// The size of a synthetic knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Roles.
    pub roles: usize,
    /// Skills.
    pub skills: usize,
    /// Transitions (at most roles × (roles − 1)).
    pub transitions: usize,
    /// Certifications.
    pub certifications: usize,
    /// Rules of thumb.
    pub rules: usize,
}

impl Size {
    /// The large knowledge base: 5,000 roles, 20,000 skills, 100,000 transitions.
    pub const LARGE: Size = Size {
        roles: 5_000,
        skills: 20_000,
        transitions: 100_000,
        certifications: 2_000,
        rules: 500,
    };

    /// A knowledge base of `roles` roles with the LARGE one's proportions.
    pub fn scaled(roles: usize) -> Size {
        Size {
            roles,
            skills: roles * 4,
            transitions: roles * 20,
            certifications: (roles / 5).max(1),
            rules: (roles / 10).max(1),
        }
    }
}

fn text(ja: String, en: String) -> Value {
    json!({"ja": ja, "en": en})
}

/// The one source every synthetic fact cites: an entry of the synthetic base's registry.
const SOURCE: &str = "synthetic";

/// A synthetic knowledge base as the text of one rule file (`scoring` comes from the shipped
/// `scoring.json`). Every skill is used, every role reachable from an entry role and left by a
/// transition, and rules only raise fits on quantities they test positively, so `validate` finds
/// no error and no warning.
pub fn knowledge_base(size: Size, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let n_roles = size.roles.max(2);
    let vocab = |prefix: &str, n: usize| -> Vec<Value> {
        (0..n)
            .map(|i| {
                json!({"id": format!("{prefix}-{i}"), "name": text(format!("{prefix}{i}"), format!("{prefix} {i}")), "source": SOURCE})
            })
            .collect()
    };
    let phases: Vec<Value> = (0..6)
        .map(|i| json!({"id": format!("phase-{i}"), "name": text(format!("工程{i}"), format!("phase {i}")), "upstream": i < 2, "source": SOURCE}))
        .collect();
    let skill = |i: usize| format!("skill-{i}");
    let role = |i: usize| format!("role-{i}");
    let cert = |i: usize| format!("cert-{i}");
    let skills: Vec<Value> = (0..size.skills)
        .map(|i| json!({"id": skill(i), "name": text(format!("スキル{i}"), format!("Skill {i}")), "category": format!("category-{}", i % 40), "source": SOURCE}))
        .collect();
    let certifications: Vec<Value> = (0..size.certifications)
        .map(|i| {
            let evidences: Vec<Value> = (0..3)
                .map(
                    |_| json!({"skill": skill(rng.below(size.skills)), "level": rng.between(2, 4)}),
                )
                .collect::<Vec<_>>();
            let mut seen = std::collections::BTreeSet::new();
            let evidences: Vec<Value> = evidences
                .into_iter()
                .filter(|e| seen.insert(e["skill"].to_string()))
                .collect();
            let mut c = json!({
                "id": cert(i), "name": text(format!("資格{i}"), format!("Certification {i}")),
                "issuer": "Synthetic", "tier": "associate", "evidences": evidences,
                "study_hours": {"min": 50, "max": 50 + rng.below(300)}, "source": SOURCE
            });
            if i > 0 && rng.chance(0.3) {
                c["prerequisites"] = json!([cert(rng.below(i))]);
            }
            c
        })
        .collect();
    let per_role = size.skills.div_ceil(n_roles).max(1);
    let roles: Vec<Value> = (0..n_roles)
        .map(|i| {
            let mut req: Vec<usize> = (0..per_role).map(|j| (i * per_role + j) % size.skills).collect();
            while req.len() < per_role + 4 {
                let s = rng.below(size.skills);
                if !req.contains(&s) {
                    req.push(s);
                }
            }
            let requirements: Vec<Value> = req
                .iter()
                .enumerate()
                .map(|(j, s)| json!({"skill": skill(*s), "level": rng.between(1, 4), "weight": 1 + rng.below(3), "essential": j < 2, "source": SOURCE}))
                .collect();
            let mut r = json!({
                "id": role(i), "name": text(format!("職種{i}"), format!("Role {i}")),
                "family": format!("family-{}", i % 20), "seniority": 1 + i % 5, "entry": i % 20 == 0,
                "summary": text(format!("職種{i}の仕事"), format!("what role {i} does")),
                "requirements": requirements,
                "experience": {"total_years": rng.below(8), "phases": {format!("phase-{}", i % 6): 1}, "source": SOURCE},
                "incomes": [{"employment": "employee", "average": 350 + rng.below(600), "survey": "synthetic", "basis": text("平均".into(), "average".into()), "source": SOURCE}],
                "aptitudes": [format!("preference-{}", i % 8)],
                "source": SOURCE
            });
            if size.certifications > 0 {
                r["certifications"] = json!([{"id": cert(rng.below(size.certifications)), "source": SOURCE}]);
            }
            r
        })
        .collect();
    let per = size.transitions.div_ceil(n_roles).clamp(1, n_roles - 1);
    let mut transitions = Vec::with_capacity(size.transitions);
    'roles: for i in 0..n_roles {
        // The next role first (every role reachable from role 0), then distinct others.
        let mut offsets = vec![1usize];
        while offsets.len() < per {
            let o = rng.between(1, n_roles - 1);
            if !offsets.contains(&o) {
                offsets.push(o);
            }
        }
        for o in offsets {
            if transitions.len() >= size.transitions.max(n_roles) {
                break 'roles;
            }
            let to = (i + o) % n_roles;
            let mut t = json!({
                "from": role(i), "to": role(to), "typical_years": rng.between(1, 5),
                "note": text(format!("{i}→{to}"), format!("from {i} to {to}")), "source": SOURCE
            });
            if rng.chance(0.1) {
                t["conditions"] =
                    json!({"skill_at_least": {"skill": skill(rng.below(size.skills)), "level": 2}});
            }
            transitions.push(t);
        }
    }
    let rules: Vec<Value> = (0..size.rules)
        .map(|i| {
            let targets: Vec<String> = (0..3).map(|_| role(rng.below(n_roles))).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let when = match i % 3 {
                0 => json!({"skill_at_least": {"skill": skill(rng.below(size.skills)), "level": 3}}),
                1 => json!({"all": [{"total_years_at_least": 3}, {"workplace_in": [format!("workplace-{}", i % 4)]}]}),
                _ => json!({"any": [{"preference": format!("preference-{}", i % 8)}, {"has_certification": cert(rng.below(size.certifications.max(1)))}]}),
            };
            json!({
                "id": format!("rule-{i}"), "description": text(format!("規則{i}"), format!("rule {i}")),
                "when": when,
                "effects": [{"adjust": {"roles": targets, "by": 0.05}}, {"note": {"roles": [role(rng.below(n_roles))], "text": text("注".into(), "a note".into())}}],
                "source": SOURCE
            })
        })
        .collect();
    let mut file = json!({
        "description": format!("A synthetic knowledge base ({} roles, {} skills, {} transitions) for benchmarks.", n_roles, size.skills, transitions.len()),
        "phases": phases,
        "workplaces": vocab("workplace", 4),
        "preferences": vocab("preference", 8),
        "families": vocab("family", 20),
        "surveys": [{"id": "synthetic", "name": text("合成".into(), "synthetic".into()), "source": SOURCE}],
        "sources": [
            {"id": SOURCE, "title": "A synthetic knowledge base for benchmarks", "publisher": "careergraph",
             "url": "examples/scale/generate.rs", "date": "2026", "kind": "design"},
            {"id": "careergraph-design", "title": "careergraph's design choices: the scoring parameters",
             "publisher": "careergraph", "url": "rules/README.md#scoring", "date": "2026", "kind": "design"}
        ],
        "skills": skills,
        "certifications": certifications,
        "roles": roles,
        "transitions": transitions,
        "rules": rules,
    });
    if size.certifications == 0 {
        file["certifications"] = json!([]);
    }
    file.to_string()
}

/// The shipped `scoring.json`, to go next to a synthetic knowledge base: citing the synthetic
/// registry's `careergraph-design`, without what names the shipped preferences and families
/// (preference weights, the proof certificate), which the synthetic base lacks.
pub fn scoring_file() -> String {
    let text = careergraph::knowledge::builtin_sources()
        .into_iter()
        .find(|s| s.name.ends_with("scoring.json"))
        .map(|s| s.text)
        .unwrap_or_default();
    let Ok(mut file) = serde_json::from_str::<serde_json::Value>(&text) else {
        return text;
    };
    file["scoring"]["source"] = json!("careergraph-design");
    if let Some(scoring) = file["scoring"].as_object_mut() {
        // Its families are the shipped ones.
        scoring.remove("proof_certificate");
    }
    if let Some(ranking) = file["scoring"].get_mut("ranking") {
        ranking["preference_weights"] = json!({});
    }
    file.to_string()
}
