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

/// A profile drawn the way a real population looks, as one line of JSON: years of experience
/// skewed young (many in their first three years, few past fifteen: exponential with a mean of
/// six years), the current role by seniority for those years and by popularity (a Zipf law over
/// the roles, most people in a few common jobs), skills mostly those the role asks for at
/// levels that grow with the years, plus a few of the most common skills (Zipf again: Linux, SQL
/// and Java far more often than the rest); few certifications (most people hold none), the most
/// common ones first; newcomers (no role, no years) one in twelve.
pub fn population_profile(kb: &KnowledgeBase, rng: &mut Rng, n: usize) -> String {
    let mut p = Map::new();
    p.insert("name".into(), json!(format!("Person {n}")));
    let uniform = |rng: &mut Rng| (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    // Zipf: index i with weight 1 / (i + 1)^s.
    let zipf_s = |rng: &mut Rng, n: usize, s: f64| -> usize {
        let total: f64 = (1..=n).map(|i| (i as f64).powf(-s)).sum();
        let mut x = uniform(rng) * total;
        for i in 0..n {
            x -= ((i + 1) as f64).powf(-s);
            if x <= 0.0 {
                return i;
            }
        }
        n.saturating_sub(1)
    };
    let zipf = |rng: &mut Rng, n: usize| zipf_s(rng, n, 1.0);
    let newcomer = rng.chance(1.0 / 12.0);
    let years = if newcomer {
        0.0
    } else {
        ((-(1.0 - uniform(rng)).ln() * 6.0).min(40.0) * 10.0).round() / 10.0
    };
    p.insert("years_experience".into(), json!(years));
    p.insert(
        "age".into(),
        json!(22 + (years as usize).min(40) + rng.below(4)),
    );
    // Roles in a fixed order of popularity (a deterministic shuffle), lower seniority first
    // among equally popular ones.
    let mut shuffle = Rng::new(7);
    let mut order: Vec<(u64, u8, usize)> = (0..kb.roles.len())
        .map(|i| (shuffle.next_u64() % 4, kb.roles[i].seniority, i))
        .collect();
    order.sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
    // The highest seniority the years allow: 1 up to 2 years, then one more every ~4 years.
    let top = (1.0 + years / 4.0).min(5.0) as u8;
    let fitting: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| kb.roles[i].seniority <= top.max(1))
        .collect();
    let mut skills = Map::new();
    let mastery = (1.0 + years / 3.0).min(5.0);
    if !newcomer && !fitting.is_empty() {
        let role = &kb.roles[fitting[zipf_s(rng, fitting.len(), 0.7)]];
        p.insert("current_role".into(), json!(role.id));
        for q in &role.requirements {
            if rng.chance(0.75) {
                let level = (mastery - uniform(rng) * 2.0).round().clamp(1.0, 5.0) as u8;
                skills.insert(kb.skill(q.skill).id.clone(), json!(level.min(q.level + 1)));
            }
        }
    }
    // Common skills: the skills most roles ask for, by a Zipf law.
    let mut by_use: Vec<(usize, usize)> = (0..kb.skills.len()).map(|i| (0, i)).collect();
    for r in &kb.roles {
        for q in &r.requirements {
            if let Some(e) = by_use.get_mut(q.skill.0) {
                e.0 += 1;
            }
        }
    }
    by_use.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for _ in 0..rng.between(1, 4) {
        let i = by_use[zipf(rng, by_use.len())].1;
        let level = (mastery - uniform(rng) * 2.0).round().clamp(1.0, 5.0) as u8;
        skills
            .entry(kb.skills[i].id.clone())
            .or_insert_with(|| json!(level));
    }
    p.insert("skills".into(), Value::Object(skills));
    // Phases: the years spread over one to three phases, the first ones most often.
    let mut phases = Map::new();
    if years > 0.0 {
        let k = rng.between(1, 3).min(kb.phases.len());
        for _ in 0..k {
            let ph = &kb.phases[zipf(rng, kb.phases.len())];
            let y = ((years * (0.3 + 0.7 * uniform(rng))) * 10.0).round() / 10.0;
            phases.insert(ph.id.clone(), json!(y));
        }
    }
    p.insert("phases".into(), Value::Object(phases));
    // Certifications: none for most; otherwise one or two of the common ones.
    let mut certs: Vec<Value> = Vec::new();
    if !kb.certifications.is_empty() && rng.chance(0.3 + (years / 40.0).min(0.3)) {
        for _ in 0..rng.between(1, 2) {
            let c = &kb.certifications[zipf(rng, kb.certifications.len())];
            let v = json!(c.id);
            if !certs.contains(&v) && c.prerequisites.is_empty() {
                certs.push(v);
            }
        }
    }
    p.insert("certifications".into(), Value::Array(certs));
    if years >= 5.0 && rng.chance(0.25) {
        p.insert(
            "management".into(),
            json!({"years": ((years - 4.0) * uniform(rng) * 10.0).round() / 10.0, "team_size": 2 + zipf(rng, 20)}),
        );
    }
    p.insert(
        "employment".into(),
        json!(if rng.chance(0.1) {
            "freelance"
        } else {
            "employee"
        }),
    );
    if !kb.workplaces.is_empty() {
        let w = &kb.workplaces[zipf(rng, kb.workplaces.len())];
        p.insert("workplace".into(), json!(w.id));
    }
    let prefs: Vec<&String> = kb.preferences.iter().map(|x| &x.id).collect();
    let k = zipf(rng, 3);
    p.insert(
        "preferences".into(),
        Value::Array(rng.pick(&prefs, k).into_iter().map(|s| json!(s)).collect()),
    );
    Value::Object(p).to_string()
}

/// A random valid profile, as one line of JSON: every field drawn uniformly over its valid
/// range (0 to 40 skills at levels 0 to 5, 0 to 8 certifications, 0 to 40 years, phases and
/// management within them, any role or none, any goal), with no attempt to look like a person.
pub fn random_profile(kb: &KnowledgeBase, rng: &mut Rng, n: usize) -> String {
    let ids = |v: Vec<&&String>| -> Vec<Value> { v.into_iter().map(|s| json!(s)).collect() };
    let mut p = Map::new();
    p.insert("name".into(), json!(format!("Random {n}")));
    let roles: Vec<&String> = kb.roles.iter().map(|r| &r.id).collect();
    if rng.chance(0.8) {
        p.insert("current_role".into(), json!(roles[rng.below(roles.len())]));
    }
    let years = rng.years(40);
    p.insert("years_experience".into(), json!(years));
    let phase_ids: Vec<&String> = kb.phases.iter().map(|x| &x.id).collect();
    let mut phases = Map::new();
    let k = rng.between(0, phase_ids.len());
    for id in rng.pick(&phase_ids, k) {
        phases.insert((*id).clone(), json!(rng.years(years.floor() as usize)));
    }
    p.insert("phases".into(), Value::Object(phases));
    let skill_ids: Vec<&String> = kb.skills.iter().map(|x| &x.id).collect();
    let mut skills = Map::new();
    let k = rng.between(0, 40);
    for id in rng.pick(&skill_ids, k) {
        skills.insert((*id).clone(), json!(rng.between(0, 5)));
    }
    p.insert("skills".into(), Value::Object(skills));
    let cert_ids: Vec<&String> = kb.certifications.iter().map(|x| &x.id).collect();
    let k = rng.between(0, 8);
    p.insert(
        "certifications".into(),
        Value::Array(ids(rng.pick(&cert_ids, k))),
    );
    if rng.chance(0.5) {
        p.insert(
            "management".into(),
            json!({"years": rng.years(years.floor() as usize), "team_size": rng.between(0, 200)}),
        );
    }
    if rng.chance(0.3) {
        p.insert("goals".into(), json!([roles[rng.below(roles.len())]]));
    }
    p.insert("age".into(), json!(18 + rng.below(50)));
    let prefs: Vec<&String> = kb.preferences.iter().map(|x| &x.id).collect();
    let k = rng.between(0, prefs.len());
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
                    |_| json!({"skill": skill(rng.below(size.skills)), "level": rng.between(2, 3)}),
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
