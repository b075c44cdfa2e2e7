//! Near misses: for a role just out of reach, the single change that would make it `ready`, and
//! the rules that one change would make apply.

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::CertIx;
use crate::profile::Facts;
use crate::rules::{Effect, fmt_num};
use crate::scoring::{ExperienceKind, FiredRules, RoleFit};

/// The tests a person can pass by gaining something (skills, years, certifications, a team).
const GAINABLE: [&str; 6] = [
    "skill_at_least",
    "phase_years_at_least",
    "total_years_at_least",
    "management_years_at_least",
    "team_size_at_least",
    "has_certification",
];

/// One change away from something better.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct NearMiss {
    /// `ready` (the change makes the role ready) or `rule` (it makes a rule apply).
    pub kind: &'static str,
    /// The change.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub change: Text,
    /// What it brings.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub effect: Text,
    /// The rule, for `rule`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Where the requirement or rule comes from.
    pub source: String,
}

/// The near misses of a role: the one change that makes it ready (the single essential gap, or
/// one certification evidencing every essential skill gap, when there is no experience gap),
/// then every rule raising its fit that fails on a single condition a person can gain.
pub fn find(kb: &KnowledgeBase, facts: &Facts, fired: &FiredRules, fit: &RoleFit) -> Vec<NearMiss> {
    let mut out = Vec::new();
    let role = kb.role(fit.role);
    let ready = Text::lazy(
        || format!("{}にすぐ就ける状態(ready)になる", role.name.ja),
        || format!("{} becomes ready", role.name.en),
    );
    let skill_gaps: Vec<_> = fit
        .skills
        .iter()
        .filter(|t| t.essential && t.is_gap())
        .collect();
    let exp_gaps: Vec<_> = fit.experience.iter().filter(|t| t.is_gap()).collect();
    match (skill_gaps.as_slice(), exp_gaps.as_slice()) {
        ([one], [])
            if crate::scoring::readiness_only(
                kb,
                &facts.with_level(one.skill, one.need),
                fit.role,
            )
            .0 == crate::scoring::Readiness::Ready =>
        {
            let s = kb.skill(one.skill);
            let change = if let (Some(_), false) = (one.any_of, one.practice_gap) {
                crate::planning::gaps::requirement_text(
                    kb, one.skill, one.any_of, one.have, one.need,
                )
            } else if one.practice_gap {
                Text::lazy(
                    || {
                        format!(
                            "{}の実務経験をレベル{}から{}へ(資格で知識は証明済み)",
                            s.name.ja, one.practised, one.need
                        )
                    },
                    || {
                        format!(
                            "{} in hands-on work from level {} to {} (a certificate shows the knowledge)",
                            s.id, one.practised, one.need
                        )
                    },
                )
            } else {
                Text::lazy(
                    || format!("{}をレベル{}から{}へ", s.name.ja, one.have, one.need),
                    || format!("{} from level {} to {}", s.id, one.have, one.need),
                )
            };
            out.push(NearMiss {
                kind: "ready",
                change,
                effect: ready.clone(),
                rule: None,
                source: one.source.clone(),
            });
        }
        ([], [one])
            if {
                let mut after = facts.clone();
                match one.kind {
                    ExperienceKind::Total => after.total_years = one.need,
                    ExperienceKind::Management => after.management_years = one.need,
                    ExperienceKind::Phase(p) => {
                        if let Some(y) = after.phases.get_mut(p.0) {
                            *y = one.need;
                        }
                    }
                }
                crate::scoring::readiness_only(kb, &after, fit.role).0
                    == crate::scoring::Readiness::Ready
            } =>
        {
            let (ja, en) = match one.kind {
                ExperienceKind::Total => ("経験年数".to_string(), "total years".to_string()),
                ExperienceKind::Management => (
                    "マネジメント経験".to_string(),
                    "management years".to_string(),
                ),
                ExperienceKind::Phase(p) => {
                    let p = kb.phase(p);
                    (p.name.ja.clone(), format!("{} years", p.id))
                }
            };
            out.push(NearMiss {
                kind: "ready",
                change: Text::lazy(
                    || format!("{ja}を{}年から{}年へ", fmt_num(one.have), fmt_num(one.need)),
                    || format!("{en} from {} to {}", fmt_num(one.have), fmt_num(one.need)),
                ),
                effect: ready.clone(),
                rule: None,
                source: role.experience.source.clone(),
            });
        }
        (gaps, []) if !gaps.is_empty() => {
            // One certification evidencing every essential skill gap, the fewest hours first.
            let mut options: Vec<CertIx> = (0..kb.certifications.len())
                .map(CertIx)
                .filter(|c| facts.can_take(kb, *c))
                .filter(|c| {
                    gaps.iter()
                        .all(|g| kb.certification(*c).level_of(g.skill) >= g.need)
                        && crate::scoring::readiness_only(
                            kb,
                            &facts.with_certification(kb, *c),
                            fit.role,
                        )
                        .0 == crate::scoring::Readiness::Ready
                })
                .collect();
            options.sort_by(|a, b| {
                let h = |c: &CertIx| kb.certification(*c).hours().unwrap_or(f64::INFINITY);
                h(a).total_cmp(&h(b)).then(a.cmp(b))
            });
            if let Some(c) = options.first() {
                let c = kb.certification(*c);
                out.push(NearMiss {
                    kind: "ready",
                    change: Text::lazy(
                        || format!("{}を取得", c.name.ja),
                        || format!("take {}", c.id),
                    ),
                    effect: ready,
                    rule: None,
                    source: c.source.clone(),
                });
            }
        }
        _ => {}
    }
    for (ix, rule) in kb.rules_for(fit.role) {
        if fired.fired(ix) {
            continue;
        }
        let raise: f64 = rule
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::Adjust { roles, by } if roles.contains(&fit.role) && *by > 0.0 => Some(*by),
                _ => None,
            })
            .sum();
        if raise <= 0.0 {
            continue;
        }
        let trace = rule.when.trace(facts, kb);
        // Only what a person can gain counts: not a preference, a workplace or an age.
        let Some(blocker) = trace
            .single_blocker()
            .filter(|b| GAINABLE.contains(&b.test))
        else {
            continue;
        };
        let (Some(expected), Some(actual)) = (&blocker.expected, &blocker.actual) else {
            continue;
        };
        out.push(NearMiss {
            kind: "rule",
            change: Text::lazy(
                || format!("{expected}(現在: {actual})"),
                || format!("{expected} (now: {actual})"),
            ),
            effect: Text::lazy(
                || format!("{}(+{})", rule.description.ja, fmt_num(raise)),
                || format!("{} (+{})", rule.description.en, fmt_num(raise)),
            ),
            rule: Some(rule.id.clone()),
            source: rule.source.clone(),
        });
    }
    out
}
