//! Scoring a profile against a role: level-aware weighted coverage of the skill requirements,
//! experience per phase, certifications as evidence of skill levels, and the rules' effects.
//!
//! ```text
//! skill term      = Σ w'·min(have/need, 1) / Σ w'     (w' = weight × essential_multiplier if essential)
//! experience term = mean of min(have/need, 1) over total, per-phase and management years (1 if none)
//! base            = skill_weight·skill term + experience_weight·experience term
//! a               = clamp(Σ adjustments of the rules that apply, -1, 1)
//! fit             = base + a·(1 − base)   when a ≥ 0   (a boost closes that share of the distance to 1)
//!                 = base·(1 + a)          when a < 0   (a penalty removes that share of the fit)
//! ```
//! The fit stays in [0, 1] without clipping, so strong profiles keep their differences.
//! Every term is monotone in skill levels, certifications and years, and the validator only
//! accepts rules whose adjustments are too, so gaining any of them never lowers a fit.

mod readiness;

pub use readiness::{Readiness, RequirementGap};

use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{
    AnyOf, CertIx, PhaseIx, Requirement, Role, RoleIx, Rule, RuleIx, Scoring, SkillIx,
};
use crate::profile::Facts;
use crate::rules::Effect;

/// One skill requirement of a role, measured against the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillTerm {
    /// The skill: the requirement's, or for a family requirement the member that counts.
    pub skill: SkillIx,
    /// For a family requirement (`any_of`): the family and which member (best, second best …).
    pub any_of: Option<AnyOf>,
    /// Effective level (reported, or evidenced by a certification).
    pub have: u8,
    /// Level the profile reported.
    pub reported: u8,
    /// Level shown by hands-on work (reported, or a hands-on certification).
    pub practised: u8,
    /// Met in level only by a knowledge exam, where the role needs hands-on work.
    pub practice_gap: bool,
    /// Whether readiness asks for hands-on work at this level (for a newcomer, a certificate is
    /// the proof; below the hands-on level, knowledge is enough).
    pub hands_on: bool,
    /// The certification that evidences `have`, when it is above the reported level.
    pub evidence: Option<CertIx>,
    /// Level required.
    pub need: u8,
    /// Weight after the essential multiplier.
    pub weight: f64,
    /// Whether a gap blocks `ready`.
    pub essential: bool,
    /// min(have/need, 1).
    pub coverage: f64,
    /// What this term adds to the fit.
    pub contribution: f64,
    /// Months to close the gap, practice included (0 when met).
    pub months: f64,
    /// The requirement's source.
    pub source: String,
}

impl SkillTerm {
    /// Whether the profile falls short: in level, or in hands-on work where a knowledge exam
    /// shows the level.
    pub fn is_gap(&self) -> bool {
        self.have < self.need || self.practice_gap
    }

    /// Whether the level itself falls short (what a certification could still evidence).
    pub fn is_level_gap(&self) -> bool {
        self.have < self.need
    }

    /// The level that counts toward readiness: the hands-on level where hands-on work is
    /// asked, else the level shown (reported or evidenced).
    pub fn ready_level(&self) -> u8 {
        if self.hands_on {
            self.practised.min(self.have)
        } else {
            self.have
        }
    }
}

/// What an experience requirement counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExperienceKind {
    /// Total years.
    Total,
    /// Years in a phase.
    Phase(PhaseIx),
    /// Management years.
    Management,
}

/// One experience requirement, measured against the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperienceTerm {
    /// What is counted.
    pub kind: ExperienceKind,
    /// Years the profile has.
    pub have: f64,
    /// Years required.
    pub need: f64,
    /// min(have/need, 1).
    pub coverage: f64,
    /// What this term adds to the fit.
    pub contribution: f64,
}

impl ExperienceTerm {
    /// Whether the profile falls short.
    pub fn is_gap(&self) -> bool {
        self.have < self.need
    }
}

/// A rule that applies to the role.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleHit {
    /// The rule.
    pub rule: RuleIx,
    /// Its total adjustment of this role's fit.
    pub adjustment: f64,
}

/// How well a profile fits one role, with every term of the score.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleFit {
    /// The role.
    pub role: RoleIx,
    /// The fit, 0–1.
    pub fit: f64,
    /// The fit before rules.
    pub base: f64,
    /// Skill term, 0–1.
    pub skill_score: f64,
    /// Experience term, 0–1.
    pub experience_score: f64,
    /// Sum of rule adjustments.
    pub adjustment: f64,
    /// Per requirement, sorted by skill.
    pub skills: Vec<SkillTerm>,
    /// Per experience requirement.
    pub experience: Vec<ExperienceTerm>,
    /// Rules that apply to this role (adjusting it, or with notes or certifications for it).
    pub rules: Vec<RuleHit>,
    /// Ready, stretch or long-term.
    pub readiness: Readiness,
    /// Months to close the essential gaps (0 when ready).
    pub months_to_ready: f64,
    /// Months to close every gap, essential or not.
    pub months_to_close_all: f64,
}

/// Which rules' conditions hold for a profile (evaluated once, used for every role).
#[derive(Debug, Clone)]
pub struct FiredRules(pub Vec<bool>);

impl FiredRules {
    /// Evaluates every rule.
    pub fn new(kb: &KnowledgeBase, facts: &Facts) -> Self {
        Self(kb.rules.iter().map(|r| r.when.holds(facts)).collect())
    }

    /// Whether a rule applies.
    pub fn fired(&self, rule: RuleIx) -> bool {
        self.0.get(rule.0).copied().unwrap_or(false)
    }
}

/// A requirement's weight in the skill score: essential ones count `essential_multiplier` times.
fn weight(s: &Scoring, q: &Requirement) -> f64 {
    if q.essential {
        q.weight * s.essential_multiplier
    } else {
        q.weight
    }
}

/// The sum of a role's requirement weights (see [`weight`]).
fn total_weight(s: &Scoring, r: &Role) -> f64 {
    r.requirements.iter().map(|q| weight(s, q)).sum()
}

/// What a rule's `adjust` effects add to `role` (0 when none of them names it).
fn adjustment_for(rule: &Rule, role: RoleIx) -> f64 {
    rule.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Adjust { roles, by } if roles.contains(&role) => Some(*by),
            _ => None,
        })
        .sum()
}

/// Scores a profile against one role.
pub fn score_role(kb: &KnowledgeBase, facts: &Facts, fired: &FiredRules, role: RoleIx) -> RoleFit {
    let s = &kb.scoring;
    let r = kb.role(role);
    let total_weight = total_weight(s, r);
    let skills: Vec<SkillTerm> = r
        .requirements
        .iter()
        .map(|q| {
            let counted = kb.counted_in(q, facts);
            let gap = RequirementGap::measure(s, facts, counted.have, counted.practised, q.level);
            let have = gap.have;
            let reported = facts.reported_level(counted.skill);
            let w = weight(s, q);
            let coverage = (f64::from(have) / f64::from(q.level.max(1))).min(1.0);
            SkillTerm {
                skill: counted.skill,
                any_of: q.any_of,
                have,
                reported,
                practised: gap.practised,
                practice_gap: gap.practice_gap,
                hands_on: gap.hands_on,
                evidence: if have > reported {
                    facts.evidence.get(counted.skill.0).copied().flatten()
                } else {
                    None
                },
                need: q.level,
                weight: w,
                essential: q.essential,
                coverage,
                contribution: if total_weight > 0.0 {
                    s.skill_weight * w * coverage / total_weight
                } else {
                    0.0
                },
                months: gap.months,
                source: q.source.clone(),
            }
        })
        .collect();
    let skill_score = if total_weight > 0.0 {
        skills.iter().map(|t| t.weight * t.coverage).sum::<f64>() / total_weight
    } else {
        1.0
    };

    let e = &r.experience;
    let mut wanted: Vec<(ExperienceKind, f64, f64)> = Vec::new();
    if let Some(need) = e.total_years {
        wanted.push((ExperienceKind::Total, facts.total_years, need));
    }
    for (p, need) in &e.phases {
        wanted.push((ExperienceKind::Phase(*p), facts.phase(*p), *need));
    }
    if let Some(need) = e.management_years {
        wanted.push((ExperienceKind::Management, facts.management_years, need));
    }
    let n = wanted.len() as f64;
    let experience: Vec<ExperienceTerm> = wanted
        .into_iter()
        .map(|(kind, have, need)| {
            let coverage = if need > 0.0 {
                (have / need).min(1.0)
            } else {
                1.0
            };
            ExperienceTerm {
                kind,
                have,
                need,
                coverage,
                contribution: s.experience_weight * coverage / n,
            }
        })
        .collect();
    let experience_score = if experience.is_empty() {
        1.0
    } else {
        experience.iter().map(|t| t.coverage).sum::<f64>() / n
    };

    let mut rules = Vec::new();
    let mut adjustment = 0.0;
    for (ix, rule) in kb.rules_for(role) {
        if !fired.fired(ix) {
            continue;
        }
        let by = adjustment_for(rule, role);
        adjustment += by;
        rules.push(RuleHit {
            rule: ix,
            adjustment: by,
        });
    }
    let base = s.skill_weight * skill_score + s.experience_weight * experience_score;
    let fit = apply_adjustment(base, adjustment);
    let (readiness, months_to_ready, months_to_close_all) =
        readiness::assess(s, &skills, &experience);
    RoleFit {
        role,
        fit,
        base,
        skill_score,
        experience_score,
        adjustment,
        skills,
        experience,
        rules,
        readiness,
        months_to_ready,
        months_to_close_all,
    }
}

/// The fit of [`score_role`] alone, computed the same way (the same terms, added in the same
/// order, so the very same number) without building the terms: for ranking many candidates of
/// which only a few are shown.
pub fn fit_only(kb: &KnowledgeBase, facts: &Facts, fired: &FiredRules, role: RoleIx) -> f64 {
    let s = &kb.scoring;
    let r = kb.role(role);
    let total_weight = total_weight(s, r);
    let skill_score = if total_weight > 0.0 {
        r.requirements
            .iter()
            .map(|q| {
                let have = kb.counted_in(q, facts).have;
                let coverage = (f64::from(have) / f64::from(q.level.max(1))).min(1.0);
                weight(s, q) * coverage
            })
            .sum::<f64>()
            / total_weight
    } else {
        1.0
    };
    let e = &r.experience;
    let coverage = |have: f64, need: f64| {
        if need > 0.0 {
            (have / need).min(1.0)
        } else {
            1.0
        }
    };
    let coverages = (e
        .total_years
        .map(|need| coverage(facts.total_years, need))
        .into_iter())
    .chain(
        e.phases
            .iter()
            .map(|(p, need)| coverage(facts.phase(*p), *need)),
    )
    .chain(
        e.management_years
            .map(|need| coverage(facts.management_years, need)),
    );
    let n = usize::from(e.total_years.is_some())
        + e.phases.len()
        + usize::from(e.management_years.is_some());
    let experience_score = if n == 0 {
        1.0
    } else {
        coverages.sum::<f64>() / n as f64
    };
    let mut adjustment = 0.0;
    for (ix, rule) in kb.rules_for(role) {
        if !fired.fired(ix) {
            continue;
        }
        adjustment += adjustment_for(rule, role);
    }
    let base = s.skill_weight * skill_score + s.experience_weight * experience_score;
    apply_adjustment(base, adjustment)
}

/// The readiness and months to ready of [`score_role`] alone, computed the same way without
/// building the terms (for brief recommendations).
pub fn readiness_only(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> (Readiness, f64) {
    let s = &kb.scoring;
    let r = kb.role(role);
    let skills = r.requirements.iter().map(|q| {
        let counted = kb.counted_in(q, facts);
        let gap = RequirementGap::measure(s, facts, counted.have, counted.practised, q.level);
        (q.essential, gap.is_gap(q.level), gap.months)
    });
    let e = &r.experience;
    let shortfalls = (e
        .total_years
        .map(|need| need - facts.total_years)
        .into_iter())
    .chain(e.phases.iter().map(|(p, need)| need - facts.phase(*p)))
    .chain(e.management_years.map(|need| need - facts.management_years));
    let (blocked, to_ready) = readiness::to_ready(s, skills, shortfalls);
    (Readiness::of(s, blocked, to_ready), to_ready)
}

/// Scores a profile against every role, in role (id) order.
pub fn score_all(kb: &KnowledgeBase, facts: &Facts) -> Vec<RoleFit> {
    let fired = FiredRules::new(kb, facts);
    (0..kb.roles.len())
        .map(|i| score_role(kb, facts, &fired, RoleIx(i)))
        .collect()
}

/// Applies a summed rule adjustment to a base fit: a boost closes that share of the distance to
/// 1, a penalty removes that share of the fit. Monotone in both arguments, and in [0, 1] for a
/// base in [0, 1].
pub fn apply_adjustment(base: f64, adjustment: f64) -> f64 {
    let a = adjustment.clamp(-1.0, 1.0);
    let fit = if a >= 0.0 {
        base + a * (1.0 - base)
    } else {
        base * (1.0 + a)
    };
    fit.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests;
