//! Brief recommendations, for matching a whole population (`batch --brief`): the ranking of
//! [`recommend`](super::recommend) without its explanations.
//!
//! Each recommendation is the role, its score, fit, readiness, months to ready and the ids of its
//! essential skill gaps. The roles are ranked exactly as `recommend` ranks them (the same
//! [`rank`](super::rank)), but no reason, gap list, certification plan, near miss or income is
//! built, for the roles kept or the others.

use serde::Serialize;

use super::Options;
use super::rank::rank_then;
use crate::graph::CareerGraph;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Advice;
use crate::knowledge::model::RoleIx;
use crate::profile::{Facts, Profile};
use crate::scoring::{self, FiredRules, Readiness};

/// The brief result for one profile.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Brief<'a> {
    /// Ranked roles, best first.
    pub recommendations: Vec<BriefRecommendation<'a>>,
}

/// One recommended role, without its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct BriefRecommendation<'a> {
    /// Role id.
    pub role: &'a str,
    /// What kind of advice it is (see the full record).
    pub advice: Advice,
    /// Ranking score, 0–1.
    pub score: f64,
    /// Fit to the role's requirements and rules, 0–1.
    pub fit: f64,
    /// Ready, stretch or long-term.
    pub readiness: Readiness,
    /// Months to close the essential gaps.
    pub months_to_ready: f64,
    /// Ids of the essential skills the profile lacks (or lacks the level of), in the order of
    /// the full record's gaps (by weight, then id).
    pub essential_gaps: Vec<&'a str>,
}

/// Ranks the next roles for a profile, as [`recommend`](super::recommend) does, without
/// explaining them.
pub fn brief<'a>(
    kb: &'a KnowledgeBase,
    graph: &CareerGraph,
    profile: &Profile,
    opts: Options,
) -> Brief<'a> {
    let facts = Facts::new(profile, kb);
    let fired = FiredRules::new(kb, &facts);
    let recommendations = rank_then(kb, graph, profile, &facts, &fired, opts, |role| {
        essential_gaps(kb, &facts, role)
    })
    .into_iter()
    .map(|(route, a, essential_gaps)| BriefRecommendation {
        role: kb.role(route.role).id.as_str(),
        advice: a.advice,
        score: a.score,
        fit: scoring::fit_only(kb, &facts, &fired, route.role),
        readiness: a.readiness,
        months_to_ready: a.months_to_ready,
        essential_gaps,
    })
    .collect();
    Brief { recommendations }
}

/// The essential skills a profile lacks for a role, by weight (highest first), then id: the
/// order of [`gaps::split`](crate::planning::gaps::split).
fn essential_gaps<'a>(kb: &'a KnowledgeBase, facts: &Facts, role: RoleIx) -> Vec<&'a str> {
    let mut gaps: Vec<(f64, &str)> = kb
        .role(role)
        .requirements
        .iter()
        .filter(|q| q.essential)
        .filter_map(|q| {
            let c = kb.counted_in(q, facts);
            scoring::RequirementGap::measure(&kb.scoring, facts, c.have, c.practised, q.level)
                .is_gap(q.level)
                .then(|| {
                    (
                        q.weight * kb.scoring.essential_multiplier,
                        kb.skill(c.skill).id.as_str(),
                    )
                })
        })
        .collect();
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    gaps.into_iter().map(|(_, id)| id).collect()
}
