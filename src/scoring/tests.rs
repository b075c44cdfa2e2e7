//! Scores on the tiny fixture knowledge base, checked against hand computation.

use proptest::prelude::*;

use super::*;
use crate::diagnostics::SourceText;
use crate::knowledge::tiny;
use crate::profile::Profile;

fn fits(kb: &KnowledgeBase, json: &str) -> Vec<RoleFit> {
    let p = match Profile::parse(&SourceText::new("p.json", json), kb) {
        Ok(p) => p,
        Err(e) => panic!("{}", crate::diagnostics::render(&e, false)),
    };
    score_all(kb, &Facts::new(&p, kb))
}

fn role<'a>(kb: &KnowledgeBase, fits: &'a [RoleFit], id: &str) -> &'a RoleFit {
    let ix = kb.find_role(id).expect("fixture role");
    &fits[ix.0]
}

const BASE: &str = r#"{"years_experience": 1, "phases": {"operations": 1},
    "skills": {"linux": 2, "networking": 1}, "workplace": "si"}"#;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn requirements_met_give_a_full_fit() {
    let kb = tiny();
    let f = fits(&kb, BASE);
    let ops = role(&kb, &f, "ops");
    assert!(close(ops.fit, 1.0));
    assert_eq!(ops.readiness, Readiness::Ready);
    assert!(close(ops.months_to_ready, 0.0));
}

#[test]
fn partial_levels_count_partly_and_essential_weighs_double() {
    let kb = tiny();
    let f = fits(&kb, BASE);
    let net = role(&kb, &f, "netops");
    // networking 1/3 with weight 2×2 (essential), linux 2/3 with weight 1: (4/3 + 2/3) / 5 = 0.4
    assert!(close(net.skill_score, 0.4));
    // total years 1 of 2
    assert!(close(net.experience_score, 0.5));
    assert!(close(net.fit, 0.7 * 0.4 + 0.3 * 0.5));
    // the contributions add up to the base
    let sum: f64 = net.skills.iter().map(|t| t.contribution).sum::<f64>()
        + net.experience.iter().map(|t| t.contribution).sum::<f64>();
    assert!(close(sum, net.base));
}

#[test]
fn readiness_follows_the_time_to_close_essential_gaps() {
    let kb = tiny();
    let f = fits(&kb, BASE);
    let net = role(&kb, &f, "netops");
    // networking 1→3 takes 2 + 4 months; the missing year of experience takes 12: max is 12.
    assert_eq!(net.readiness, Readiness::Stretch);
    assert!(close(net.months_to_ready, 12.0));
    // cloud 0→3 (1+2+4) and linux 2→3 (4) are 11 months; 2 years of experience are missing.
    let cloud = role(&kb, &f, "cloudops");
    assert_eq!(cloud.readiness, Readiness::LongTerm);
    assert!(close(cloud.months_to_ready, 24.0));
}

#[test]
fn a_certification_is_evidence_of_its_skill_levels() {
    let kb = tiny();
    let with = BASE.replace(
        "\"workplace\"",
        "\"certifications\": [\"net-a\"], \"workplace\"",
    );
    let f = fits(&kb, &with);
    let net = role(&kb, &f, "netops");
    let networking = net
        .skills
        .iter()
        .find(|t| kb.skill(t.skill).id == "networking")
        .expect("networking requirement");
    assert_eq!((networking.have, networking.reported), (3, 1));
    assert_eq!(
        networking.evidence.map(|c| kb.certification(c).id.as_str()),
        Some("net-a")
    );
    // (4·1 + 2/3) / 5
    assert!(close(net.skill_score, (4.0 + 2.0 / 3.0) / 5.0));
}

#[test]
fn holding_a_certification_counts_its_prerequisites_as_held() {
    let kb = tiny();
    let p = Profile::parse(
        &SourceText::new("p", r#"{"skills": {}, "certifications": ["net-b"]}"#),
        &kb,
    )
    .expect("valid");
    let facts = Facts::new(&p, &kb);
    let net_a = kb.catalogs.certifications.find("net-a").expect("net-a");
    assert!(facts.holds(crate::knowledge::model::CertIx(net_a)));
}

#[test]
fn rules_adjust_fits_and_every_matching_rule_applies() {
    let kb = tiny();
    let f = fits(&kb, BASE);
    let cloud = role(&kb, &f, "cloudops");
    // only `no-upstream` applies (-0.1)
    assert!(close(cloud.adjustment, -0.1));
    // a penalty of 0.1 removes 10 % of the fit
    assert!(close(cloud.fit, cloud.base * 0.9));
    let f = fits(&kb, &BASE.replace("\"si\"", "\"in-house-product\""));
    let cloud = role(&kb, &f, "cloudops");
    // both apply: +0.1 and -0.1
    assert_eq!(cloud.rules.len(), 2);
    assert!(close(cloud.adjustment, 0.0));
}

#[test]
fn adjustments_never_saturate_and_are_monotone() {
    assert!(close(apply_adjustment(0.5, 0.2), 0.6));
    assert!(close(apply_adjustment(0.5, -0.2), 0.4));
    assert!(close(apply_adjustment(0.9, 0.5), 0.95));
    assert!(apply_adjustment(0.99, 0.3) < 1.0);
    assert!(close(apply_adjustment(0.7, 3.0), 1.0));
    assert!(close(apply_adjustment(0.7, -3.0), 0.0));
    let grid: Vec<f64> = (0..=20).map(|i| f64::from(i) / 10.0 - 1.0).collect();
    for &a in &grid {
        for &b in &grid {
            let (lo, hi) = ((b + 1.0) / 2.0, (b + 1.0) / 2.0 + 0.05);
            assert!(apply_adjustment(hi.min(1.0), a) >= apply_adjustment(lo, a) - 1e-12);
            assert!(apply_adjustment(lo, a + 0.1) >= apply_adjustment(lo, a) - 1e-12);
        }
    }
}

#[test]
fn fits_stay_within_zero_and_one() {
    let kb = tiny();
    let f = fits(&kb, r#"{"skills": {}}"#);
    assert!(f.iter().all(|r| (0.0..=1.0).contains(&r.fit)));
    let cloud = role(&kb, &f, "cloudops");
    assert!(close(cloud.fit, 0.0), "a penalty cannot push a fit below 0");
}

fn profile_json(levels: &[u8], certs: &[bool], years: f64, upstream: f64) -> String {
    let skills = ["linux", "networking", "cloud", "coding"];
    let cert_ids = ["net-a", "net-b", "cloud-a"];
    let s: Vec<String> = skills
        .iter()
        .zip(levels)
        .map(|(k, l)| format!("\"{k}\": {l}"))
        .collect();
    let c: Vec<String> = cert_ids
        .iter()
        .zip(certs)
        .filter(|(_, h)| **h)
        .map(|(k, _)| format!("\"{k}\""))
        .collect();
    format!(
        r#"{{"years_experience": {years}, "phases": {{"basic-design": {upstream}}}, "skills": {{{}}}, "certifications": [{}], "workplace": "in-house-product"}}"#,
        s.join(", "),
        c.join(", ")
    )
}

proptest! {
    /// Gaining a skill level, a certification or a year never lowers any role's fit.
    #[test]
    fn gaining_never_lowers_a_fit(
        levels in proptest::collection::vec(0u8..=5, 4),
        certs in proptest::collection::vec(any::<bool>(), 3),
        years in 0.0f64..10.0,
        upstream in 0.0f64..3.0,
        which in 0usize..7,
    ) {
        let kb = tiny();
        let before = fits(&kb, &profile_json(&levels, &certs, years, upstream));
        let (mut l, mut c, mut y, mut u) = (levels.clone(), certs.clone(), years, upstream);
        match which {
            0..=3 => l[which] = (l[which] + 1).min(5),
            4 => c[0] = true,
            5 => y += 1.0,
            _ => { u += 1.0; y = y.max(u) }
        }
        let after = fits(&kb, &profile_json(&l, &c, y, u));
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a.fit >= b.fit - 1e-12, "{}: {} -> {}", kb.role(a.role).id, b.fit, a.fit);
        }
    }
}

/// `fit_only` (used to rank) and `readiness_only` (brief records) are exactly what `score_role`
/// gives (shown in full records), for every role and a
/// spread of profiles.
#[test]
fn fit_only_is_exactly_the_fit_of_score_role() {
    let Ok(engine) = crate::Engine::builtin() else {
        panic!("the shipped knowledge base loads")
    };
    let kb = engine.knowledge();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    // Profiles with odd years and levels, so no sum happens to be exact.
    for i in 0..40u32 {
        let skills: Vec<String> = kb
            .skills
            .iter()
            .enumerate()
            .filter(|(j, _)| (*j as u32 * 7 + i) % 5 == 0)
            .map(|(j, s)| format!("\"{}\": {}", s.id, (j as u32 + i) % 6))
            .collect();
        let phases: Vec<String> = kb
            .phases
            .iter()
            .enumerate()
            .map(|(j, p)| format!("\"{}\": {}", p.id, f64::from((i * 3 + j as u32) % 11) / 3.0))
            .collect();
        texts.push(format!(
            "{{\"years_experience\": {}, \"skills\": {{{}}}, \"phases\": {{{}}}, \"management\": {{\"years\": {}}}}}",
            f64::from(i) / 7.0,
            skills.join(", "),
            phases.join(", "),
            f64::from(i % 4) / 3.0
        ));
    }
    let mut checked = 0;
    for text in &texts {
        let Ok(profile) = engine.profile_from_str("p.json", text) else {
            panic!("{text}")
        };
        let facts = crate::profile::Facts::new(&profile, kb);
        let fired = FiredRules::new(kb, &facts);
        for i in 0..kb.roles.len() {
            let role = RoleIx(i);
            let full = score_role(kb, &facts, &fired, role);
            let lean = fit_only(kb, &facts, &fired, role);
            let id = &kb.role(role).id;
            assert_eq!(full.fit.to_bits(), lean.to_bits(), "{id} {text}");
            let (readiness, months) = readiness_only(kb, &facts, role);
            assert_eq!(readiness, full.readiness, "{id} {text}");
            assert_eq!(
                months.to_bits(),
                full.months_to_ready.to_bits(),
                "{id} {text}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000);
}

/// A knowledge exam counts toward the fit but, for someone moving from a role, not as the
/// hands-on work a requirement from `hands_on_level` asks for; a hands-on exam does; for a
/// newcomer the certificate is the proof.
#[test]
fn knowledge_exams_are_evidence_not_experience() {
    let kb = tiny();
    let mover = r#"{"current_role": "ops", "years_experience": 2, "phases": {"operations": 2},
        "skills": {"linux": 3, "networking": 1}, "certifications": CERTS}"#;
    let with = |certs: &str| fits(&kb, &mover.replace("CERTS", certs));
    let none = with("[]");
    let knowledge = with(r#"["net-a"]"#);
    let hands_on = with(r#"["net-b"]"#);
    let (n, k, h) = (
        role(&kb, &none, "netops"),
        role(&kb, &knowledge, "netops"),
        role(&kb, &hands_on, "netops"),
    );
    assert!(k.fit > n.fit, "the exam counts toward the fit");
    let net = |f: &RoleFit| {
        f.skills
            .iter()
            .find(|t| t.need == 3 && t.essential)
            .cloned()
            .unwrap()
    };
    let (kn, hn) = (net(k), net(h));
    assert_eq!((kn.have, kn.practised), (3, 1));
    assert!(kn.practice_gap && kn.is_gap() && !kn.is_level_gap());
    assert_ne!(
        k.readiness,
        Readiness::Ready,
        "a written exam alone is not hands-on work"
    );
    assert!(
        k.months_to_ready < n.months_to_ready,
        "but it shortens the way"
    );
    assert!(close(
        kn.months,
        kb.scoring.certified_practice_share * kb.scoring.months_between(1, 3)
    ));
    assert!(!hn.is_gap(), "a performance-based exam shows the work");
    assert_eq!(h.readiness, Readiness::Ready);
    // Without a current role, the certificate is the proof employers ask for.
    let newcomer = fits(
        &kb,
        r#"{"years_experience": 2, "skills": {"linux": 3}, "certifications": ["net-a"]}"#,
    );
    assert!(!net(role(&kb, &newcomer, "netops")).is_gap());
}

/// Optional gaps count toward the time to ready at `optional_gap_share`, and a role with no
/// essential gap is ready only while what is left takes at most `ready_months`.
#[test]
fn optional_gaps_weigh_on_readiness() {
    let kb = tiny();
    let s = &kb.scoring;
    let f = fits(
        &kb,
        r#"{"years_experience": 2, "skills": {"networking": 3, "linux": 1}, "current_role": "ops"}"#,
    );
    let netops = role(&kb, &f, "netops");
    let optional: f64 = netops
        .skills
        .iter()
        .filter(|t| !t.essential)
        .map(|t| t.months)
        .sum();
    assert!(optional > 0.0);
    assert!(close(
        netops.months_to_ready,
        s.optional_gap_share * optional
    ));
    let expected = if s.optional_gap_share * optional <= s.ready_months {
        Readiness::Ready
    } else {
        Readiness::Stretch
    };
    assert_eq!(netops.readiness, expected);
}
