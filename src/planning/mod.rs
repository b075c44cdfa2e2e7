//! Planning: what stands between a profile and a role (gaps, certifications, a plan), and the
//! routes between roles.

pub mod bottlenecks;
pub mod certplan;
pub mod certs;
pub mod gaps;
pub mod plan;
pub mod pricing;
pub mod routes;

use serde::Serialize;

use crate::graph::CareerGraph;
use crate::income::Incomes;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Advice;
use crate::knowledge::format::Text;
use crate::knowledge::model::RoleIx;
use crate::profile::{Facts, Profile};
use crate::recommend::{Reason, UnmetCondition};
use crate::scoring::{FiredRules, Readiness, score_role};

use certs::{CertAdvice, StudyTime};
use gaps::{ExperienceGap, MetSkill, SkillGap};
use plan::PlanStep;
use routes::PathView;

/// The result of `gaps`: everything between a profile and a target role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    /// Target role id.
    pub target: String,
    /// Target role names.
    pub name: Text,
    /// The profile's current role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_role: Option<String>,
    /// Fit, 0–1.
    pub fit: f64,
    /// What kind of advice the target is for the profile (see `recommend`).
    pub advice: Advice,
    /// Ready, stretch or long-term, the unmet conditions of the quickest route's moves included.
    pub readiness: Readiness,
    /// Months to ready: the gaps (essential in full, optional in part, experience in parallel)
    /// plus what unmet conditions of the quickest route add.
    pub months_to_ready: f64,
    /// Whether the conditions the sources attach to the quickest route's moves hold (absent when
    /// they have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions_met: Option<bool>,
    /// What the unmet conditions of the quickest route take, each with its source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmet: Vec<UnmetCondition>,
    /// Months to close every gap.
    pub months_to_close_all: f64,
    /// Skill gaps, essential first.
    pub skills: Vec<SkillGap>,
    /// Experience gaps.
    pub experience: Vec<ExperienceGap>,
    /// Requirements already met.
    pub met: Vec<MetSkill>,
    /// The certification plan: the cheapest set (by study hours) that evidences the levels
    /// needed, in the order to take them; never one already held.
    pub certifications: Vec<CertAdvice>,
    /// Study time of the certification plan.
    pub certification_time: StudyTime,
    /// Other certifications that help, best first.
    pub other_certifications: Vec<CertAdvice>,
    /// Rules that apply to the role, with their notes.
    pub rules: Vec<Reason>,
    /// The gaps as ordered steps.
    pub plan: Vec<PlanStep>,
    /// The quickest route from the current role, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<PathView>,
    /// The role's headline incomes.
    pub income: Incomes,
}

/// Everything between a profile and a target role.
pub fn gaps(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    profile: &Profile,
    target: RoleIx,
) -> GapReport {
    let facts = Facts::new(profile, kb);
    let fired = FiredRules::new(kb, &facts);
    let fit = score_role(kb, &facts, &fired, target);
    let (skills, experience, met) = gaps::split(kb, &fit);
    let certs = certs::plan(kb, &facts, &fired, &fit);
    let mut rules = Vec::new();
    crate::recommend::reasons::rules(
        &crate::explain::rule_lines(kb, &facts, &fired, target, crate::explain::Rules::Applying),
        &mut rules,
    );
    let plan = plan::plan(
        &skills,
        &experience,
        &certs.plan,
        kb.scoring.study_hours_per_month,
    );
    let route = profile
        .current_role
        .filter(|r| *r != target)
        .and_then(|from| routes::best(kb, graph, from, target, Some(profile)));
    // The same assessment as `recommend` (its route, readiness and conditions), so both give
    // one figure for one thing.
    let (assessed, transitions) = crate::recommend::assess_role(kb, graph, profile, target);
    let role = kb.role(target);
    GapReport {
        target: role.id.clone(),
        name: role.name.clone(),
        current_role: profile.current_role.map(|r| kb.role(r).id.clone()),
        fit: fit.fit,
        advice: if profile.current_role == Some(target) {
            Advice::AlreadyYours
        } else {
            assessed.advice
        },
        readiness: assessed.readiness,
        months_to_ready: assessed.months_to_ready,
        conditions_met: assessed.conditions_met,
        unmet: crate::recommend::unmet(kb, &facts, &transitions),
        months_to_close_all: fit.months_to_close_all,
        skills,
        experience,
        met,
        certifications: certs.plan,
        certification_time: certs.time,
        other_certifications: certs.others,
        rules,
        plan,
        route,
        income: Incomes::of(kb, target),
    }
}
