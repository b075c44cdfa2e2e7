//! `explain`: every term of a role's score for a profile, and every rule about the role, matched
//! or not, as a tree mirroring its conditions with what each leaf expects and what the profile
//! has, each fact with its source.

mod lines;

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::RoleIx;
use crate::profile::{Facts, Profile};
use crate::rules::Trace;
use crate::scoring::{ExperienceKind, FiredRules, Readiness, score_role};
pub use lines::{Rules, rule_lines, skill_lines};

/// The whole explanation of one role's fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Role id.
    pub role: String,
    /// Role names.
    pub name: Text,
    /// Where the role's definition comes from.
    pub source: String,
    /// The profile's name, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The fit, 0–1.
    pub fit: f64,
    /// Ready, stretch or long-term, the unmet conditions of the move there included (as
    /// `recommend` and `gaps` say).
    pub readiness: Readiness,
    /// Months to ready, as `recommend` and `gaps` count them.
    pub months_to_ready: f64,
    /// How the role ranks as a recommendation for the profile: the kind of advice, what the
    /// move is worth (value, term by term), how reachable it is, and its score.
    pub ranking: crate::recommend::Assessment,
    /// How the terms combine.
    pub formula: Formula,
    /// Each skill requirement.
    pub skills: Vec<SkillLine>,
    /// Each experience requirement.
    pub experience: Vec<ExperienceLine>,
    /// Certifications held and the levels they evidence.
    pub certifications: Vec<EvidenceLine>,
    /// Every rule about the role, those that apply first.
    pub rules: Vec<RuleLine>,
}

/// How the fit is computed from its terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Formula {
    /// Share of the skill term.
    pub skill_weight: f64,
    /// Skill term, 0–1.
    pub skill_score: f64,
    /// Share of the experience term.
    pub experience_weight: f64,
    /// Experience term, 0–1.
    pub experience_score: f64,
    /// skill_weight·skill + experience_weight·experience.
    pub base: f64,
    /// Sum of the adjustments of the rules that apply.
    pub adjustment: f64,
    /// base + a·(1 − base) for a boost, base·(1 + a) for a penalty.
    pub fit: f64,
}

/// One skill requirement against the profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillLine {
    /// Skill id (for a family requirement, the member that counts).
    pub skill: String,
    /// Skill names (for a family requirement, the family with the member that counts).
    pub name: Text,
    /// For a family requirement (`any_of`): the family, and which member counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any_of: Option<crate::planning::gaps::FamilyRef>,
    /// Effective level.
    pub have: u8,
    /// Reported level.
    pub reported: u8,
    /// The certification behind `have`, when above the reported level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Level needed.
    pub need: u8,
    /// Whether a gap keeps the role from `ready`.
    pub essential: bool,
    /// Weight after the essential multiplier.
    pub weight: f64,
    /// min(have/need, 1).
    pub coverage: f64,
    /// What it adds to the base fit.
    pub contribution: f64,
    /// Where the requirement comes from.
    pub source: String,
}

/// One experience requirement against the profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExperienceLine {
    /// `total`, `phase` or `management`.
    pub kind: &'static str,
    /// The phase, for `phase`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Years the profile has.
    pub have: f64,
    /// Years needed.
    pub need: f64,
    /// min(have/need, 1).
    pub coverage: f64,
    /// What it adds to the base fit.
    pub contribution: f64,
    /// Where the requirement comes from.
    pub source: String,
}

/// A certification held, counted as evidence of skill levels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceLine {
    /// Certification id.
    pub id: String,
    /// Whether the profile lists it (or it is held as a prerequisite of one listed).
    pub listed: bool,
    /// Skill levels it evidences, as `skill: level`.
    pub evidences: Vec<String>,
    /// Where the evidence comes from.
    pub source: String,
}

/// A rule about the role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLine {
    /// Rule id.
    pub rule: String,
    /// What it says.
    pub description: Text,
    /// Whether its condition holds for the profile.
    pub applies: bool,
    /// What it adds to (or removes from) this role's fit when it applies.
    pub adjustment: f64,
    /// Its effects on this role, in words.
    pub effects: Vec<String>,
    /// The condition, evaluated: passed, expected and actual at each leaf (always there in an
    /// explanation; left out of the lines reasons are condensed from, see [`Rules::Applying`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Trace>,
    /// Where it comes from.
    pub source: String,
    /// The notes it attaches to this role (recommend and gaps show them as reasons; the
    /// explanation lists them among `effects`).
    #[serde(skip)]
    pub notes: Vec<Text>,
}

/// Explains a role's fit for a profile.
pub fn explain(
    kb: &KnowledgeBase,
    graph: &crate::graph::CareerGraph,
    profile: &Profile,
    role: RoleIx,
) -> Explanation {
    let facts = Facts::new(profile, kb);
    let fired = FiredRules::new(kb, &facts);
    let fit = score_role(kb, &facts, &fired, role);
    let (ranking, _) = crate::recommend::assess_role(kb, graph, profile, role);
    let r = kb.role(role);
    let skills = skill_lines(kb, &fit);
    let experience = fit
        .experience
        .iter()
        .map(|t| {
            let (kind, phase) = match t.kind {
                ExperienceKind::Total => ("total", None),
                ExperienceKind::Phase(p) => ("phase", Some(kb.phase(p).id.clone())),
                ExperienceKind::Management => ("management", None),
            };
            ExperienceLine {
                kind,
                phase,
                have: t.have,
                need: t.need,
                coverage: t.coverage,
                contribution: t.contribution,
                source: r.experience.source.clone(),
            }
        })
        .collect();
    let certifications = kb
        .certifications
        .iter()
        .enumerate()
        .filter(|(i, _)| facts.held.get(*i).copied().unwrap_or(false))
        .map(|(i, c)| EvidenceLine {
            id: c.id.clone(),
            listed: profile.certifications.iter().any(|p| p.0 == i),
            evidences: c
                .evidences
                .iter()
                .map(|(s, l)| format!("{}: {l}", kb.skill(*s).id))
                .collect(),
            source: c.source.clone(),
        })
        .collect();
    let rules = rule_lines(kb, &facts, &fired, role, Rules::Every);
    Explanation {
        role: r.id.clone(),
        name: r.name.clone(),
        source: r.source.clone(),
        profile: profile.name.clone(),
        fit: fit.fit,
        readiness: ranking.readiness,
        months_to_ready: ranking.months_to_ready,
        ranking,
        formula: Formula {
            skill_weight: kb.scoring.skill_weight,
            skill_score: fit.skill_score,
            experience_weight: kb.scoring.experience_weight,
            experience_score: fit.experience_score,
            base: fit.base,
            adjustment: fit.adjustment,
            fit: fit.fit,
        },
        skills,
        experience,
        certifications,
        rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    #[test]
    fn the_terms_add_up_to_the_fit() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"current_role": "infra-engineer", "years_experience": 4,
                    "phases": {"operations": 3}, "skills": {"linux": 3, "tcp-ip": 2},
                    "certifications": ["ccna"]}"#,
            )
            .unwrap();
        for (i, _) in kb.roles.iter().enumerate() {
            let x = explain(kb, e.graph(), &p, RoleIx(i));
            let skills: f64 = x.skills.iter().map(|s| s.contribution).sum();
            let exp: f64 = x.experience.iter().map(|s| s.contribution).sum();
            let base = if x.skills.is_empty() {
                x.formula.skill_weight
            } else {
                skills
            } + if x.experience.is_empty() {
                x.formula.experience_weight
            } else {
                exp
            };
            assert!((base - x.formula.base).abs() < 1e-9, "{}", x.role);
            let applied: f64 = x
                .rules
                .iter()
                .filter(|r| r.applies)
                .map(|r| r.adjustment)
                .sum();
            assert!((applied - x.formula.adjustment).abs() < 1e-9, "{}", x.role);
            assert!(
                x.rules
                    .iter()
                    .all(|r| r.condition.as_ref().map(|c| c.passed) == Some(r.applies))
            );
            let fit = e.score_all(&p)[i].fit;
            assert_eq!(x.fit, fit);
        }
    }

    #[test]
    fn certifications_show_as_evidence() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"skills": {}, "certifications": ["ccnp-enterprise"]}"#,
            )
            .unwrap();
        let x = explain(kb, e.graph(), &p, kb.find_role("network-engineer").unwrap());
        let tcp = x.skills.iter().find(|s| s.skill == "tcp-ip").unwrap();
        assert_eq!(tcp.evidence.as_deref(), Some("ccnp-enterprise"));
        assert_eq!(tcp.reported, 0);
        // CCNA is held as a prerequisite of CCNP, but not listed.
        let ccna = x.certifications.iter().find(|c| c.id == "ccna");
        assert!(ccna.is_none_or(|c| !c.listed));
    }
}
