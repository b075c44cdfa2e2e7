//! Routes between roles: the k cheapest loopless paths through the career graph.
//!
//! A step costs the transition's typical years; with a profile it costs the larger of that and
//! the time this person needs to close the essential gaps of the role reached (skills are learnt
//! while the years pass), so the same two roles can give different routes for different people.

use serde::Serialize;

use crate::Error;
use crate::graph::{CareerGraph, Limits, MAX_HOPS, MAX_K};
use crate::income::{IncomeChange, Incomes};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::profile::{Facts, Profile};
use crate::recommend::combined_kind;
use crate::rules::Trace;
use crate::scoring::{FiredRules, Readiness, RoleFit, score_role};

use super::gaps::{self, SkillGap};

/// Default number of routes.
pub const DEFAULT_K: usize = 3;

/// One step of a route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    /// Role id moved from.
    pub from: String,
    /// Role id moved to.
    pub to: String,
    /// `advancement`, `lateral` or `career-change`.
    pub kind: String,
    /// Typical years of the move.
    pub typical_years: f64,
    /// What the step costs, in years.
    pub cost: f64,
    /// What the sources say about the move.
    pub note: Text,
    /// Where the move comes from.
    pub source: String,
    /// The conditions the sources attach, evaluated for the profile (or unevaluated without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Trace>,
    /// Fit to the role reached, with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit: Option<f64>,
    /// Readiness for the role reached, with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness: Option<Readiness>,
    /// Essential skill gaps to the role reached, with a profile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<SkillGap>,
}

/// One route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathView {
    /// Role ids from start to goal; no role twice.
    pub roles: Vec<String>,
    /// Total cost in years (the ranking key).
    pub cost: f64,
    /// Sum of the transitions' typical years.
    pub typical_years: f64,
    /// The kind of the whole move.
    pub kind: String,
    /// The steps.
    pub steps: Vec<StepView>,
    /// Change in headline incomes from start to goal.
    pub income_change: IncomeChange,
}

/// The result of `paths`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathsReport {
    /// Start role id.
    pub from: String,
    /// Goal role id.
    pub to: String,
    /// Routes asked for.
    pub k: usize,
    /// Whether costs include a profile's gaps.
    pub with_profile: bool,
    /// Routes, cheapest first.
    pub paths: Vec<PathView>,
}

/// The k cheapest routes from one role to another.
pub fn paths(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    from: RoleIx,
    to: RoleIx,
    k: usize,
    profile: Option<&Profile>,
) -> Result<PathsReport, Error> {
    if !(1..=MAX_K).contains(&k) {
        return Err(Error::Invalid(format!(
            "-k {k} is out of range: expected 1 to {MAX_K} (the closest valid value is {})",
            k.clamp(1, MAX_K)
        )));
    }
    if from == to {
        return Err(Error::Invalid(format!(
            "--from and --to are the same role (`{}`): name two different roles",
            kb.role(from).id
        )));
    }
    let pricing = Pricing::new(kb, profile);
    let routes = graph.routes(
        from,
        to,
        Limits {
            k,
            max_hops: MAX_HOPS,
        },
        |t| pricing.cost(kb, t),
    );
    Ok(PathsReport {
        from: kb.role(from).id.clone(),
        to: kb.role(to).id.clone(),
        k,
        with_profile: profile.is_some(),
        paths: routes
            .into_iter()
            .map(|r| view(kb, &pricing, &r.roles, &r.transitions, r.cost))
            .collect(),
    })
}

/// The single cheapest route, if any.
pub fn best(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    from: RoleIx,
    to: RoleIx,
    profile: Option<&Profile>,
) -> Option<PathView> {
    paths(kb, graph, from, to, 1, profile)
        .ok()
        .and_then(|p| p.paths.into_iter().next())
}

/// Step prices, with the per-role fits of a profile computed once.
struct Pricing {
    facts: Option<Facts>,
    fits: Vec<Option<RoleFit>>,
}

impl Pricing {
    fn new(kb: &KnowledgeBase, profile: Option<&Profile>) -> Self {
        let Some(p) = profile else {
            return Self {
                facts: None,
                fits: Vec::new(),
            };
        };
        let facts = Facts::new(p, kb);
        let fired = FiredRules::new(kb, &facts);
        let fits = (0..kb.roles.len())
            .map(|i| Some(score_role(kb, &facts, &fired, RoleIx(i))))
            .collect();
        Self {
            facts: Some(facts),
            fits,
        }
    }

    fn fit(&self, role: RoleIx) -> Option<&RoleFit> {
        self.fits.get(role.0).and_then(Option::as_ref)
    }

    fn cost(&self, kb: &KnowledgeBase, t: TransitionIx) -> f64 {
        let tr = kb.transition(t);
        match self.fit(tr.to) {
            Some(fit) => tr.typical_years.max(fit.months_to_ready / 12.0),
            None => tr.typical_years,
        }
    }
}

fn view(
    kb: &KnowledgeBase,
    pricing: &Pricing,
    roles: &[RoleIx],
    transitions: &[TransitionIx],
    cost: f64,
) -> PathView {
    let steps = transitions
        .iter()
        .map(|t| {
            let tr = kb.transition(*t);
            let fit = pricing.fit(tr.to);
            StepView {
                from: kb.role(tr.from).id.clone(),
                to: kb.role(tr.to).id.clone(),
                kind: tr.kind.as_str().to_string(),
                typical_years: tr.typical_years,
                cost: pricing.cost(kb, *t),
                note: tr.note.clone(),
                source: tr.source.clone(),
                conditions: match (&tr.conditions, &pricing.facts) {
                    (Some(c), Some(f)) => Some(c.trace(f, kb)),
                    _ => None,
                },
                fit: fit.map(|f| f.fit),
                readiness: fit.map(|f| f.readiness),
                gaps: fit
                    .map(|f| {
                        gaps::split(kb, f)
                            .0
                            .into_iter()
                            .filter(|g| g.essential)
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let (first, last) = (roles.first().copied(), roles.last().copied());
    let income_change = match (first, last) {
        (Some(a), Some(b)) => IncomeChange::between(&Incomes::of(kb, a), &Incomes::of(kb, b)),
        _ => IncomeChange {
            employee: None,
            freelance: None,
        },
    };
    PathView {
        roles: roles.iter().map(|r| kb.role(*r).id.clone()).collect(),
        cost,
        typical_years: transitions
            .iter()
            .map(|t| kb.transition(*t).typical_years)
            .sum(),
        kind: combined_kind(kb, transitions).as_str().to_string(),
        steps,
        income_change,
    }
}
