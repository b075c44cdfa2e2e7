//! The pieces of an explanation that recommend's and gaps' reasons are condensed from: the skill
//! requirements against the profile and the rules about a role, so both read one source.

use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::RoleIx;
use crate::profile::Facts;
use crate::rules::Effect;
use crate::scoring::{FiredRules, RoleFit};

use super::{RuleLine, SkillLine};

/// Which rules about a role [`rule_lines`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// Every rule about the role, matched or not (`explain`).
    Every,
    /// Only the rules that apply, without tracing their conditions (for reasons, which only
    /// need what a rule does).
    Applying,
}

impl SkillLine {
    /// Whether the profile meets the requirement.
    pub fn is_met(&self) -> bool {
        self.have >= self.need
    }
}

/// Each skill requirement of a scored role against the profile, in the fit's order (by skill).
pub fn skill_lines(kb: &KnowledgeBase, fit: &RoleFit) -> Vec<SkillLine> {
    fit.skills
        .iter()
        .map(|t| {
            let s = kb.skill(t.skill);
            SkillLine {
                skill: s.id.clone(),
                name: crate::planning::gaps::term_name(kb, t.skill, t.any_of, t.have),
                any_of: crate::planning::gaps::family_ref(kb, t.any_of, t.skill, t.have, t.need),
                have: t.have,
                reported: t.reported,
                evidence: t.evidence.map(|c| kb.certification(c).id.clone()),
                need: t.need,
                essential: t.essential,
                weight: t.weight,
                coverage: t.coverage,
                contribution: t.contribution,
                source: t.source.clone(),
            }
        })
        .collect()
}

/// The rules about `role`, those that apply first, then by id, each with its effects on the role
/// and (for [`Rules::Every`]) its condition traced against the profile.
pub fn rule_lines(
    kb: &KnowledgeBase,
    facts: &Facts,
    fired: &FiredRules,
    role: RoleIx,
    which: Rules,
) -> Vec<RuleLine> {
    let mut rules: Vec<RuleLine> = kb
        .rules_for(role)
        .filter(|(ix, _)| which == Rules::Every || fired.fired(*ix))
        .map(|(ix, rule)| {
            let mut adjustment = 0.0;
            let mut notes = Vec::new();
            let effects = rule
                .effects
                .iter()
                .filter(|e| e.targets(role))
                .map(|e| match e {
                    Effect::Adjust { by, .. } => {
                        adjustment += by;
                        format!("adjust {}{}", if *by >= 0.0 { "+" } else { "" }, by)
                    }
                    Effect::Note { text, .. } => {
                        notes.push(text.clone());
                        "note".to_string()
                    }
                    Effect::RecommendCertification { cert, .. } => {
                        format!("recommend {}", kb.certification(*cert).id)
                    }
                })
                .collect();
            RuleLine {
                rule: rule.id.clone(),
                description: rule.description.clone(),
                applies: fired.fired(ix),
                adjustment,
                effects,
                condition: (which == Rules::Every).then(|| rule.when.trace(facts, kb)),
                source: rule.source.clone(),
                notes,
            }
        })
        .collect();
    rules.sort_by(|a, b| b.applies.cmp(&a.applies).then_with(|| a.rule.cmp(&b.rule)));
    rules
}
