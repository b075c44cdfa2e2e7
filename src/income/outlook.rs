//! `income PROFILE`: estimates for the current role and each recommended role, and the change
//! between two roles for a profile (for routes and recommendations).

use serde::Serialize;

use super::estimate::{Estimate, Range, estimate, estimate_numbers};
use crate::graph::CareerGraph;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, Text};
use crate::knowledge::market::Sourced;
use crate::knowledge::model::RoleIx;
use crate::profile::{Facts, Profile};

/// Employee and freelance estimates for one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleIncome {
    /// Role id.
    pub role: String,
    /// Role names.
    pub name: Text,
    /// Employee (会社員) estimate.
    pub employee: Estimate,
    /// Freelance estimate.
    pub freelance: Estimate,
}

impl RoleIncome {
    /// Both estimates for a role.
    pub fn of(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> Self {
        let r = kb.role(role);
        Self {
            role: r.id.clone(),
            name: r.name.clone(),
            employee: estimate(kb, facts, role, Employment::Employee),
            freelance: estimate(kb, facts, role, Employment::Freelance),
        }
    }
}

/// What `income PROFILE` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncomeOutlook {
    /// The profile's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The current role's estimates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<RoleIncome>,
    /// The recommended roles' estimates, best recommendation first.
    pub recommended: Vec<RoleIncome>,
    /// How monthly rates become a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion: Option<Sourced>,
    /// Employee and freelance figures are not directly comparable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Sourced>,
    /// The surveys the estimates cite.
    pub surveys: Vec<super::SurveyRef>,
}

/// Estimates for the profile's current role and its `top` recommended roles.
pub fn for_profile(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    profile: &Profile,
    top: usize,
) -> IncomeOutlook {
    let facts = Facts::new(profile, kb);
    let recs = crate::recommend::recommend(
        kb,
        graph,
        profile,
        crate::recommend::Options {
            top: Some(top),
            ..Default::default()
        },
    );
    let recommended: Vec<RoleIncome> = recs
        .recommendations
        .iter()
        .filter_map(|r| kb.find_role(&r.role))
        .map(|r| RoleIncome::of(kb, &facts, r))
        .collect();
    let current = profile.current_role.map(|r| RoleIncome::of(kb, &facts, r));
    let surveys = super::surveys_cited(
        kb,
        current
            .iter()
            .chain(&recommended)
            .flat_map(|r| r.employee.surveys().chain(r.freelance.surveys())),
    );
    IncomeOutlook {
        profile: profile.name.clone(),
        current,
        recommended,
        conversion: kb.income_model.as_ref().map(|m| m.conversion.clone()),
        caveat: kb.income_model.as_ref().map(|m| m.caveat.clone()),
        surveys,
    }
}

/// How a range changes from one role to another for a profile, when both estimates start from
/// figures of one survey, with every source involved.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RangeChange {
    /// Estimate in the role moved from, 万円 a year.
    pub from: Range,
    /// Estimate in the role moved to.
    pub to: Range,
    /// `to − from`, per end.
    pub delta: Range,
    /// The survey both estimates' figures come from.
    pub survey: String,
    /// The sources of both estimates (base figures and factors), sorted, without repeats.
    pub sources: Vec<String>,
}

/// The income change of a move for a profile, employee and freelance: given where both roles
/// have an estimate from figures of one survey (a difference across surveys is not a fact).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EstimatedChange {
    /// Employee estimate change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee: Option<RangeChange>,
    /// Freelance estimate change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freelance: Option<RangeChange>,
    /// The employment types where both roles have an estimate but from different surveys, so
    /// no change is given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub across_surveys: Vec<Employment>,
}

/// The change between two estimates: `Ok(None)` when either has none, `Err(())` when their
/// figures are of different surveys.
fn range_change(a: &Estimate, b: &Estimate) -> Result<Option<RangeChange>, ()> {
    let (Some(ra), Some(rb), Some(ba), Some(bb)) = (a.range, b.range, &a.base, &b.base) else {
        return Ok(None);
    };
    if ba.survey != bb.survey {
        return Err(());
    }
    let mut sources: Vec<String> = [a, b]
        .iter()
        .flat_map(|e| {
            e.base
                .iter()
                .map(|x| x.source.clone())
                .chain(e.factors.iter().map(|f| f.source.clone()))
                .chain(e.factors.iter().filter_map(|f| f.high_source.clone()))
        })
        .collect();
    sources.sort();
    sources.dedup();
    Ok(Some(RangeChange {
        from: ra,
        to: rb,
        delta: Range {
            low: rb.low - ra.low,
            high: rb.high - ra.high,
        },
        survey: ba.survey.clone(),
        sources,
    }))
}

/// The estimated change between two roles' estimates, employee and freelance.
fn changes(pairs: [(Employment, &Estimate, &Estimate); 2]) -> EstimatedChange {
    let mut out = EstimatedChange::default();
    for (emp, a, b) in pairs {
        let c = match range_change(a, b) {
            Ok(c) => c,
            Err(()) => {
                out.across_surveys.push(emp);
                None
            }
        };
        match emp {
            Employment::Employee => out.employee = c,
            Employment::Freelance => out.freelance = c,
        }
    }
    out
}

/// The estimated income change from role `from` to role `to` for a profile (the same model as
/// `income PROFILE`), for routes and recommendations.
///
/// ```
/// use careergraph::Engine;
///
/// let engine = Engine::builtin()?;
/// let kb = engine.knowledge();
/// let p = engine.profile_from_str("p.json", r#"{"age": 30, "skills": {"linux": 3}}"#)?;
/// let (from, to) = (kb.find_role("server-engineer").unwrap(), kb.find_role("cloud-engineer").unwrap());
/// let c = careergraph::income::change(kb, &p, from, to);
/// assert!(c.employee.is_some_and(|e| e.survey == "levtech-2025-11" && e.delta.low > 0.0));
/// # Ok::<(), careergraph::Error>(())
/// ```
pub fn change(kb: &KnowledgeBase, profile: &Profile, from: RoleIx, to: RoleIx) -> EstimatedChange {
    Baseline::new(kb, profile, from).change_to(kb, to)
}

/// The estimates for a profile in its role `from`, to price many moves from it with
/// [`Baseline::change_to`] (each gives what [`change`] gives).
#[derive(Debug, Clone)]
pub struct Baseline {
    facts: Facts,
    employee: Estimate,
    freelance: Estimate,
}

impl Baseline {
    /// The estimates in role `from`.
    pub fn new(kb: &KnowledgeBase, profile: &Profile, from: RoleIx) -> Self {
        let facts = Facts::new(profile, kb);
        Self {
            employee: estimate_numbers(kb, &facts, from, Employment::Employee),
            freelance: estimate_numbers(kb, &facts, from, Employment::Freelance),
            facts,
        }
    }

    /// The estimated income change of the move to `to`.
    pub fn change_to(&self, kb: &KnowledgeBase, to: RoleIx) -> EstimatedChange {
        let (e, f) = (Employment::Employee, Employment::Freelance);
        changes([
            (e, &self.employee, &estimate_numbers(kb, &self.facts, to, e)),
            (
                f,
                &self.freelance,
                &estimate_numbers(kb, &self.facts, to, f),
            ),
        ])
    }
}

#[cfg(test)]
mod baseline_tests {
    use super::*;

    /// The income change priced from the numbers alone is the one priced from the full,
    /// explained estimates, for every move of every example profile.
    #[test]
    fn the_baseline_prices_moves_as_the_full_estimates() {
        let Ok(engine) = crate::Engine::builtin() else {
            panic!("the shipped knowledge base loads")
        };
        let kb = engine.knowledge();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
        let mut moves = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let Ok(profile) = engine.profile_from_str("p.json", &text) else {
                continue;
            };
            let Some(from) = profile.current_role else {
                continue;
            };
            let facts = Facts::new(&profile, kb);
            let baseline = Baseline::new(kb, &profile, from);
            for to in (0..kb.roles.len()).map(RoleIx) {
                let (e, f) = (Employment::Employee, Employment::Freelance);
                let expected = changes([
                    (
                        e,
                        &estimate(kb, &facts, from, e),
                        &estimate(kb, &facts, to, e),
                    ),
                    (
                        f,
                        &estimate(kb, &facts, from, f),
                        &estimate(kb, &facts, to, f),
                    ),
                ]);
                assert_eq!(baseline.change_to(kb, to), expected, "{}", path.display());
                moves += 1;
            }
        }
        assert!(moves > 100);
    }
}
