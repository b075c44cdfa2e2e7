//! Recommendations: the roles reachable from the current one (or the entry roles), ranked.
//!
//! ```text
//! bonus = min(preference bonus + transition-condition bonus + advancement bonus, 1)
//! score = (fit + bonus·(1 − fit)) · (1 − two_step_penalty)^(steps − 1)
//! ```
//! A bonus closes its share of the distance to 1, so scores stay in [0, 1] and do not saturate.
//! Sorted by score (highest first), then fewer steps, then role id.

pub mod brief;
pub mod near_miss;
mod rank;
pub mod reasons;

use ordered_float::OrderedFloat;
use serde::Serialize;

use crate::graph::CareerGraph;
use crate::income::{EstimatedChange, IncomeChange, Incomes};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Text, TransitionKind};
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::planning::certs::{self, CertAdvice, StudyTime};
use crate::planning::gaps::{self, Gap};
use crate::profile::{Facts, Profile};
use crate::rules::Effect;
use crate::scoring::{FiredRules, Readiness};
pub use near_miss::NearMiss;
pub use rank::{Ranked, rank};
pub use reasons::Reason;

/// How far `recommend` looks.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Steps from the current role (1 or 2 is useful).
    pub max_steps: usize,
    /// Keep at most this many recommendations (`None` for all).
    pub top: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_steps: 2,
            top: None,
        }
    }
}

/// Who the recommendations are for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileSummary {
    /// The profile's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Current role id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_role: Option<String>,
    /// Years of experience used.
    pub years_experience: f64,
    /// Current role's headline incomes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income: Option<Incomes>,
}

/// A general note from a rule (not tied to a role).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// The rule.
    pub rule: String,
    /// The note.
    pub text: Text,
    /// Where it comes from.
    pub source: String,
}

/// One recommended role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// Role id.
    pub role: String,
    /// Role names.
    pub name: Text,
    /// Role family id.
    pub family: String,
    /// Ranking score, 0–1.
    pub score: f64,
    /// Fit to the role's requirements and rules, 0–1.
    pub fit: f64,
    /// Ready, stretch or long-term.
    pub readiness: Readiness,
    /// Months to close the essential gaps.
    pub months_to_ready: f64,
    /// Steps from the current role (0 for entry roles of a profile without one).
    pub steps: usize,
    /// Roles passed through on the way (for two-step moves).
    pub via: Vec<String>,
    /// `advancement`, `lateral`, `career-change`, or `entry`.
    pub kind: String,
    /// Typical years the move takes.
    pub typical_years: f64,
    /// The gaps to close, skills first.
    pub gaps: Vec<Gap>,
    /// The certification plan: the cheapest set (by study hours) that evidences the levels
    /// needed, in the order to take them; never one already held.
    pub certifications: Vec<CertAdvice>,
    /// Study time of the certification plan.
    pub certification_time: StudyTime,
    /// Other certifications that help, best first.
    pub other_certifications: Vec<CertAdvice>,
    /// Why, each with its source.
    pub reasons: Vec<Reason>,
    /// Single changes that would make the role ready, or make a rule raising it apply.
    pub near_misses: Vec<NearMiss>,
    /// Headline incomes of the role.
    pub income: Incomes,
    /// Change in headline incomes from the current role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income_change: Option<IncomeChange>,
    /// The income change from the current role estimated for the profile (the `income`
    /// model), when there is a current role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_income_change: Option<EstimatedChange>,
}

/// The result of `recommend`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendations {
    /// Who it is for.
    pub profile: ProfileSummary,
    /// Ranked roles.
    pub recommendations: Vec<Recommendation>,
    /// General notes from rules that apply.
    pub notes: Vec<Note>,
    /// Certifications recommended in general by rules that apply.
    pub certifications: Vec<CertAdvice>,
}

/// Ranks the next roles for a profile.
pub fn recommend(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    profile: &Profile,
    opts: Options,
) -> Recommendations {
    let facts = Facts::new(profile, kb);
    let fired = FiredRules::new(kb, &facts);
    let current_income = profile.current_role.map(|r| Incomes::of(kb, r));
    // Score every candidate, keep the best `top`, and explain only those.
    let ranked = rank(kb, graph, profile, &facts, &fired, opts);
    let baseline =
        (profile.current_role).map(|from| crate::income::Baseline::new(kb, profile, from));
    let mut recs: Vec<Recommendation> = ranked
        .into_iter()
        .map(Ranked::into_parts)
        .map(|(role, transitions, typical_years, fit, score)| {
            let mut reasons = Vec::new();
            for t in &transitions {
                reasons::transition(kb, &facts, *t, &mut reasons);
            }
            reasons::fit(kb, &facts, &fired, &fit, &mut reasons);
            reasons::preferences(kb, &facts, role, &mut reasons);
            let income = Incomes::of(kb, role);
            let income_change = current_income
                .as_ref()
                .map(|c| IncomeChange::between(c, &income));
            if let Some(change) = &income_change {
                reasons::income(change, &income, &mut reasons);
            }
            let steps = transitions.len();
            let kind = move_kind(kb, &transitions);
            let (skill_gaps, exp_gaps, _) = gaps::split(kb, &fit);
            let via = transitions
                .iter()
                .take(steps.saturating_sub(1))
                .map(|t| kb.role(kb.transition(*t).to).id.clone())
                .collect();
            let r = kb.role(role);
            let certs = certs::plan(kb, &facts, &fired, &fit);
            Recommendation {
                role: r.id.clone(),
                name: r.name.clone(),
                family: kb.family(r.family).id.clone(),
                score,
                fit: fit.fit,
                readiness: fit.readiness,
                months_to_ready: fit.months_to_ready,
                steps,
                via,
                kind: kind.map_or("entry", TransitionKind::as_str).to_string(),
                typical_years,
                gaps: skill_gaps
                    .into_iter()
                    .map(Gap::Skill)
                    .chain(exp_gaps.into_iter().map(Gap::Experience))
                    .collect(),
                certifications: certs.plan,
                certification_time: certs.time,
                other_certifications: certs.others,
                near_misses: near_miss::find(kb, &facts, &fired, &fit),
                reasons,
                income,
                income_change,
                estimated_income_change: baseline.as_ref().map(|b| b.change_to(kb, role)),
            }
        })
        .collect();
    recs.sort_by(|a, b| {
        OrderedFloat(b.score)
            .cmp(&OrderedFloat(a.score))
            .then(a.steps.cmp(&b.steps))
            .then_with(|| a.role.cmp(&b.role))
    });
    if let Some(top) = opts.top {
        recs.truncate(top);
    }
    let notes = kb
        .general_rules()
        .filter(|(i, _)| fired.fired(*i))
        .flat_map(|(_, rule)| {
            rule.effects.iter().filter_map(move |e| match e {
                Effect::Note { roles, text } if roles.is_empty() => Some(Note {
                    rule: rule.id.clone(),
                    text: text.clone(),
                    source: rule.source.clone(),
                }),
                _ => None,
            })
        })
        .collect();
    Recommendations {
        profile: ProfileSummary {
            name: profile.name.clone(),
            current_role: profile.current_role.map(|r| kb.role(r).id.clone()),
            years_experience: profile.years_experience,
            income: current_income,
        },
        recommendations: recs,
        notes,
        certifications: certs::advise_general(kb, &facts, &fired),
    }
}

/// The kind of a move: `None` for an entry role, else that of its transitions.
fn move_kind(kb: &KnowledgeBase, transitions: &[TransitionIx]) -> Option<TransitionKind> {
    match transitions {
        [] => None,
        [one] => Some(kb.transition(*one).kind),
        many => Some(combined_kind(kb, many)),
    }
}

/// The ranking score of a candidate (see the module docs), without building its explanation.
fn score_of(
    kb: &KnowledgeBase,
    facts: &Facts,
    fit: f64,
    role: RoleIx,
    transitions: &[TransitionIx],
) -> f64 {
    let mut bonus = 0.0;
    let mut conditions = transitions
        .iter()
        .filter_map(|t| kb.transition(*t).conditions.as_ref())
        .peekable();
    if conditions.peek().is_some() && conditions.all(|c| c.holds(facts)) {
        bonus += kb.scoring.transition_condition_bonus;
    }
    bonus += reasons::preference_bonus(kb, facts, role);
    if move_kind(kb, transitions) == Some(TransitionKind::Advancement) {
        bonus += kb.scoring.advancement_bonus;
    }
    let extra_steps = i32::try_from(transitions.len().saturating_sub(1)).unwrap_or(i32::MAX);
    let bonus = bonus.min(1.0);
    ((fit + bonus * (1.0 - fit)) * (1.0 - kb.scoring.two_step_penalty).powi(extra_steps))
        .clamp(0.0, 1.0)
}

/// The kind of a multi-step move: advancement if any step advances, else lateral if every step
/// is, else a career change.
pub fn combined_kind(kb: &KnowledgeBase, transitions: &[TransitionIx]) -> TransitionKind {
    let kinds: Vec<TransitionKind> = transitions.iter().map(|t| kb.transition(*t).kind).collect();
    if kinds.contains(&TransitionKind::Advancement) {
        TransitionKind::Advancement
    } else if kinds.iter().all(|k| *k == TransitionKind::Lateral) {
        TransitionKind::Lateral
    } else {
        TransitionKind::CareerChange
    }
}
