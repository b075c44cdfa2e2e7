//! Recommendations: the next steps worth taking from the current role (or the first jobs for a
//! profile without one), ranked by what each move is worth to the person and how reachable it
//! is. See [`advice`] for the model: what kind of advice each role is (a step up, a
//! specialisation, a change of track, a goal, or the job the person already does), its value
//! and its reach. Sorted goals first, then moves worth making, then the rest; by score, then
//! fewer steps, then role id.

pub mod advice;
pub mod brief;
pub mod near_miss;
mod rank;
pub mod reasons;

use serde::Serialize;

use crate::graph::CareerGraph;
use crate::income::{EstimatedChange, IncomeChange, Incomes};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Advice, Text, TransitionKind};
use crate::knowledge::model::TransitionIx;
use crate::planning::certs::{self, CertAdvice, StudyTime};
use crate::planning::gaps::{self, Gap};
use crate::profile::{Facts, Profile};
use crate::rules::Effect;
use crate::scoring::{FiredRules, Readiness};
pub use advice::{Assessment, Value};
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
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Note {
    /// The rule.
    pub rule: String,
    /// The note.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub text: Text,
    /// Where it comes from.
    pub source: String,
}

/// One recommended role.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Recommendation {
    /// Role id.
    pub role: String,
    /// Role names.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// Role family id.
    pub family: String,
    /// What kind of advice this is: `goal`, `step-up`, `specialise`, `change-track`, `entry`,
    /// `sideways`, `past-level` or `already-yours`.
    pub advice: Advice,
    /// Whether it is a move worth making (goals, steps up, first jobs, specialisations and
    /// changes of track that do not go down, and anything a stated preference asks for); the
    /// rest rank below every such move, with a score under 0.5.
    pub worth_making: bool,
    /// Ranking score, 0–1: 0.5 and above for a move worth making (see `value` and `reach`).
    pub score: f64,
    /// Fit to the role's requirements and rules, 0–1.
    pub fit: f64,
    /// What the move is worth to the person, term by term.
    pub value: Value,
    /// How reachable it is, 0–1: the fit, discounted by the months to ready and extra steps.
    pub reach: f64,
    /// Seniority gained by the move (negative when the role is lower).
    pub level_change: i8,
    /// The role of higher seniority in the same family the person is already qualified for,
    /// when that puts this role below them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outgrown_by: Option<String>,
    /// Ready, stretch or long-term, the move's unmet conditions included.
    pub readiness: Readiness,
    /// Months to ready: the gaps (essential in full, optional in part, experience in parallel)
    /// plus what unmet conditions of the move add.
    pub months_to_ready: f64,
    /// Whether the conditions the sources attach to the move hold (absent when it has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions_met: Option<bool>,
    /// What the unmet conditions of the move take, each with its source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmet: Vec<UnmetCondition>,
    /// Steps from the current role (0 for entry roles of a profile without one).
    pub steps: usize,
    /// Roles passed through on the way (for two-step moves).
    pub via: Vec<String>,
    /// `advancement`, `lateral`, `career-change`, or `entry`.
    pub kind: String,
    /// Typical years the move takes.
    pub typical_years: f64,
    /// The years the move takes this person: `paths`' price of its transitions (getting ready
    /// for each role on the way, the moves themselves, what unmet conditions add); absent for a
    /// first job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_for_you: Option<f64>,
    /// The gaps to close, skills first.
    pub gaps: Vec<Gap>,
    /// The certification plan: the cheapest set (by study hours) that evidences the levels
    /// needed, in the order to take them; never one already held.
    pub certifications: Vec<CertAdvice>,
    /// Study time of the certification plan.
    pub certification_time: StudyTime,
    /// Other certifications that help, best first (left out of batch records unless asked
    /// for: see [`crate::shape`]).
    #[serde(skip_serializing_if = "crate::shape::omit_other_certifications")]
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

/// What an unmet condition of a move takes.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct UnmetCondition {
    /// The move's target role id.
    pub to: String,
    /// What to do first.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub advice: Text,
    /// Months it adds.
    pub months: f64,
    /// Where it comes from.
    pub source: String,
}

/// The result of `recommend`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Recommendations {
    /// Who it is for.
    pub profile: ProfileSummary,
    /// Ranked roles.
    pub recommendations: Vec<Recommendation>,
    /// General notes from rules that apply.
    pub notes: Vec<Note>,
    /// Certifications recommended in general by rules that apply.
    pub certifications: Vec<CertAdvice>,
    /// The profile's goals and where each stands (absent when it names none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalStatus>,
}

/// Where one of the profile's goals stands.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GoalStatus {
    /// The goal role id.
    pub role: String,
    /// Its names.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// `listed` (among the recommendations, first), `current` (the role the person holds) or
    /// `unreachable` (no route to it in the knowledge base's career graph).
    pub status: &'static str,
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
    // What pricing needs of the person, worked out once for every move priced.
    let pricer = std::cell::OnceCell::new();
    let mut recs: Vec<Recommendation> = ranked
        .into_iter()
        .map(|ranked| {
            let Ranked {
                role,
                transitions,
                via,
                typical_years,
                fit,
                assessment: a,
            } = ranked;
            let transitions = transitions.into_owned();
            let mut reasons = Vec::new();
            reasons::advice(kb, &facts, role, &transitions, &a, &mut reasons);
            for t in &transitions {
                reasons::transition(kb, &facts, *t, &mut reasons);
            }
            reasons::fit(kb, &facts, &fired, &fit, &mut reasons);
            reasons::preferences(kb, &facts, role, a.value.preferences, &mut reasons);
            reasons::work_style(kb, &facts, role, a.value.work_style, &mut reasons);
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
            let r = kb.role(role);
            let certs = certs::plan(kb, &facts, &fired, &fit);
            Recommendation {
                role: r.id.clone(),
                name: r.name.shaped(),
                family: kb.family(r.family).id.clone(),
                advice: a.advice,
                worth_making: a.worth_making,
                score: a.score,
                fit: fit.fit,
                value: a.value,
                reach: a.reach,
                level_change: a.level_change,
                outgrown_by: a.outgrown_by.map(|o| kb.role(o).id.clone()),
                readiness: a.readiness,
                months_to_ready: a.months_to_ready,
                conditions_met: a.conditions_met,
                unmet: unmet(kb, &facts, &transitions),
                steps,
                via: via.iter().map(|v| kb.role(*v).id.clone()).collect(),
                kind: kind.map_or("entry", TransitionKind::as_str).to_string(),
                typical_years,
                years_for_you: (!transitions.is_empty()).then(|| {
                    pricer
                        .get_or_init(|| crate::planning::pricing::Pricer::new(kb, profile))
                        .price(&transitions)
                        .cost
                }),
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
        goals: profile
            .goals
            .iter()
            .map(|g| {
                let r = kb.role(*g);
                let status = if profile.current_role == Some(*g) {
                    "current"
                } else if recs.iter().any(|x| x.role == r.id) {
                    "listed"
                } else {
                    "unreachable"
                };
                GoalStatus {
                    role: r.id.clone(),
                    name: r.name.shaped(),
                    status,
                }
            })
            .collect(),
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

/// One role assessed for a profile as `recommend` assesses it (the same route, value, reach,
/// readiness and conditions), whether or not it is among the recommendations; with the
/// transitions of its route (none when the graph does not reach it, or for a newcomer's entry
/// role).
pub fn assess_role(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    profile: &Profile,
    role: crate::knowledge::model::RoleIx,
) -> (Assessment, Vec<TransitionIx>) {
    let facts = Facts::new(profile, kb);
    let fired = FiredRules::new(kb, &facts);
    let mut standing = advice::Standing::new(kb, &facts, &fired, &profile.goals);
    let transitions = rank::route_to(kb, graph, profile, &standing, role).unwrap_or_default();
    let m = standing.measure(role);
    let assessment = advice::assess(
        kb,
        &facts,
        &mut standing,
        advice::Candidate {
            role,
            transitions: &transitions,
            fit: m.fit,
            readiness: (m.readiness, m.months),
        },
    );
    (assessment, transitions)
}

/// What the unmet conditions of a route's moves take (see
/// [`unmet_cost`](crate::planning::pricing::unmet_cost)).
pub fn unmet(
    kb: &KnowledgeBase,
    facts: &Facts,
    transitions: &[TransitionIx],
) -> Vec<UnmetCondition> {
    transitions
        .iter()
        .map(|t| kb.transition(*t))
        .filter(|tr| tr.conditions.as_ref().is_some_and(|c| !c.holds(facts)))
        .filter_map(|tr| {
            let cost = crate::planning::pricing::unmet_cost(kb, tr)?;
            Some(UnmetCondition {
                to: kb.role(tr.to).id.clone(),
                advice: cost.advice,
                months: cost.months,
                source: cost.source,
            })
        })
        .collect()
}

/// The kind of a multi-step move: advancement if any step advances, else lateral if every step
/// is, a specialisation if every step is lateral or a specialisation, else a career change.
pub fn combined_kind(kb: &KnowledgeBase, transitions: &[TransitionIx]) -> TransitionKind {
    let kinds: Vec<TransitionKind> = transitions.iter().map(|t| kb.transition(*t).kind).collect();
    let all = |ok: &[TransitionKind]| kinds.iter().all(|k| ok.contains(k));
    if kinds.contains(&TransitionKind::Advancement) {
        TransitionKind::Advancement
    } else if all(&[TransitionKind::Lateral]) {
        TransitionKind::Lateral
    } else if all(&[TransitionKind::Lateral, TransitionKind::Specialisation]) {
        TransitionKind::Specialisation
    } else {
        TransitionKind::CareerChange
    }
}
