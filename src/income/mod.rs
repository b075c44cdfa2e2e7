//! Incomes: each role's headline figures (employee and freelance), the income model's estimate
//! for a profile ([`estimate()`], [`for_profile`], [`change`]), freelance rates ([`rate()`]) and
//! job postings ranked by fit ([`jobs()`]).

pub mod estimate;
pub mod jobs;
pub mod outlook;
pub mod rate;

pub use estimate::{Estimate, Factor, Range, estimate};
pub use jobs::{JobMatch, Jobs, jobs};
pub use outlook::{Baseline, EstimatedChange, IncomeOutlook, RoleIncome, change, for_profile};
pub use rate::{RateReport, rate};

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, IncomePeriod, Text};
use crate::knowledge::model::{Income, RoleIx};

/// One income figure, in 万円, with its basis and source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The figure as one yearly number (average, or the middle of the range; monthly × 12).
    pub yearly: f64,
    /// Average as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Low end as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `year` or `month`.
    pub period: IncomePeriod,
    /// What the figure is.
    pub basis: Text,
    /// Where it comes from.
    pub source: String,
}

impl Figure {
    /// The figure of an income entry (`None` when it has no number).
    pub fn of(i: &Income) -> Option<Self> {
        Some(Self {
            yearly: i.yearly_point()?,
            average: i.average,
            min: i.min,
            max: i.max,
            period: i.period,
            basis: i.basis.clone(),
            source: i.source.clone(),
        })
    }

    /// "458万円" or "500–600万円" or "60–70万円/月".
    pub fn display(&self) -> String {
        amount(self.average, self.min, self.max, self.period)
    }
}

/// An income as published: "458万円", "500–600万円", "1000万円+", "60–70万円/月".
pub fn amount(
    average: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    period: IncomePeriod,
) -> String {
    use crate::rules::fmt_num;
    let unit = match period {
        IncomePeriod::Year => "万円",
        IncomePeriod::Month => "万円/月",
    };
    match (average, min, max) {
        (Some(a), _, _) => format!("{}{unit}", fmt_num(a)),
        (None, Some(lo), Some(hi)) => format!("{}–{}{unit}", fmt_num(lo), fmt_num(hi)),
        (None, Some(v), None) => format!("{}{unit}+", fmt_num(v)),
        (None, None, Some(v)) => format!("≤{}{unit}", fmt_num(v)),
        (None, None, None) => "?".into(),
    }
}

/// A role's headline incomes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incomes {
    /// Employee (会社員) headline figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee: Option<Figure>,
    /// Freelance headline figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freelance: Option<Figure>,
}

impl Incomes {
    /// The headline figures of a role.
    pub fn of(kb: &KnowledgeBase, role: RoleIx) -> Self {
        let pick = |e| kb.headline_income(role, e).and_then(Figure::of);
        Self {
            employee: pick(Employment::Employee),
            freelance: pick(Employment::Freelance),
        }
    }

    /// The figure for an employment type.
    pub fn get(&self, e: Employment) -> Option<&Figure> {
        match e {
            Employment::Employee => self.employee.as_ref(),
            Employment::Freelance => self.freelance.as_ref(),
        }
    }
}

/// How a move changes the headline incomes (target minus current), where both are known and
/// come from the same source: figures from different surveys measure different populations, so
/// their difference would be an artefact, not a fact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IncomeChange {
    /// Employee figure difference, 万円 a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee: Option<f64>,
    /// Freelance figure difference, 万円 a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freelance: Option<f64>,
}

impl IncomeChange {
    /// The change from one role's headline incomes to another's.
    pub fn between(from: &Incomes, to: &Incomes) -> Self {
        let diff = |e| match (from.get(e), to.get(e)) {
            (Some(a), Some(b)) if a.source == b.source => Some(b.yearly - a.yearly),
            _ => None,
        };
        Self {
            employee: diff(Employment::Employee),
            freelance: diff(Employment::Freelance),
        }
    }
}

/// The relative change of the employee income from one role to another, measured within one
/// survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparableGain {
    /// target / current − 1.
    pub ratio: f64,
    /// The current role's figure, 万円 a year.
    pub from: f64,
    /// The target role's figure, 万円 a year.
    pub to: f64,
    /// The survey both figures come from.
    pub survey: String,
    /// Where they come from.
    pub source: String,
}

/// The relative change of the employee headline income from one role to another, measured
/// within one survey (target / current − 1), or `None` when no survey gives both: the current
/// role's headline, and the target's headline or another all-ages, unconditioned figure from
/// the same source.
pub fn comparable_gain(kb: &KnowledgeBase, from: RoleIx, to: RoleIx) -> Option<ComparableGain> {
    let a = kb.headline_income(from, Employment::Employee)?;
    let b = kb.role(to).incomes.iter().find(|i| {
        i.employment == Employment::Employee
            && i.is_headline_candidate()
            && i.source == a.source
            && i.yearly_point().is_some()
    })?;
    let (x, y) = (a.yearly_point()?, b.yearly_point()?);
    (x > 0.0).then(|| ComparableGain {
        ratio: y / x - 1.0,
        from: x,
        to: y,
        survey: a.source.clone(),
        source: a.source.clone(),
    })
}

#[cfg(test)]
mod tests;
