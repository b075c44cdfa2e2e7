//! Incomes: each role's headline figures (employee and freelance), the income model's estimate
//! for a profile ([`estimate()`], [`for_profile`], [`change`]), freelance rates ([`rate()`]) and
//! job postings ranked by fit ([`jobs()`]).
//!
//! Every figure belongs to a survey (`surveys` in the knowledge base). Figures of different
//! surveys measure different populations, so nothing here subtracts, divides or scales across
//! surveys: a change between roles ([`IncomeChange`], [`EstimatedChange`], [`comparable_gain`])
//! exists only between two figures of one survey, and an age band or uplift scales only figures
//! of its own survey unless the model declares it borrowable.

pub mod estimate;
pub mod jobs;
pub mod outlook;
pub mod rate;

pub use estimate::{Borrowed, Estimate, Factor, NotApplied, Range, estimate};
pub use jobs::{JobMatch, Jobs, jobs};
pub use outlook::{Baseline, EstimatedChange, IncomeOutlook, RoleIncome, change, for_profile};
pub use rate::{RateReport, rate};

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, IncomePeriod, Text};
use crate::knowledge::model::{Income, RoleIx};

/// How a role is commonly held (its work styles), as `rate` and `jobs` show it: whether a
/// contract rate is what the role pays.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeldAs {
    /// The work style ids, in the knowledge base's order.
    pub styles: Vec<String>,
    /// Whether one is open to freelancers (the role is taken on contract).
    pub contract: bool,
    /// When none is: what that means for a freelance rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the sources say how the role is held (the first style's source).
    pub source: String,
}

/// How a role is commonly held; `None` when it names no work style.
pub fn held_as(kb: &KnowledgeBase, role: RoleIx) -> Option<HeldAs> {
    let r = kb.role(role);
    let first = r.work_styles.first()?;
    let styles: Vec<&crate::knowledge::model::WorkStyle> = r
        .work_styles
        .iter()
        .map(|w| kb.work_style(w.style))
        .collect();
    let contract = styles.iter().any(|s| s.employment == Employment::Freelance);
    let source = r
        .work_styles
        .iter()
        .find(|w| kb.work_style(w.style).exclusive)
        .unwrap_or(first)
        .source
        .clone();
    let note = (!contract).then(|| {
        let names = |ja: bool| {
            styles
                .iter()
                .map(|s| if ja { s.name.ja.clone() } else { s.name.en.to_lowercase() })
                .collect::<Vec<_>>()
        };
        let why = styles.iter().find_map(|s| s.description.as_ref().filter(|_| s.exclusive));
        Text {
            ja: format!(
                "{}は{}として担われます。{}業務委託の案件はあまり募集されず、フリーランスの単価は当てはまりません。",
                r.name.ja,
                names(true).join("・"),
                why.map(|d| format!("{}。", d.ja.trim_end_matches('。')))
                    .unwrap_or_default()
            ),
            en: format!(
                "{} is held by employees ({}) and rarely taken on contract: a freelance rate does not apply{}",
                r.name.en,
                names(false).join(", "),
                why.map(|d| format!(" ({})", d.en)).unwrap_or_default()
            ),
        }
    });
    Some(HeldAs {
        styles: styles.iter().map(|s| s.id.clone()).collect(),
        contract,
        note,
        source,
    })
}

/// One income figure, in 万円, with its survey, basis and source.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
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
    /// The survey it belongs to.
    pub survey: String,
    /// When the role has no figure of its own that heads: the role whose figure it borrows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub borrowed_from: Option<String>,
    /// What the figure is.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
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
            survey: i.survey.clone(),
            borrowed_from: None,
            basis: i.basis.shaped(),
            source: i.source.clone(),
        })
    }

    /// "458万円" or "500–600万円" or "60–70万円/月".
    pub fn display(&self) -> String {
        amount(self.average, self.min, self.max, self.period)
    }
}

/// A survey a report cites: its id, names and source.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SurveyRef {
    /// Id.
    pub id: String,
    /// Names.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// Where it is published.
    pub source: String,
}

/// The surveys of the given ids, sorted by id, without repeats (unknown ids left out).
pub fn surveys_cited<'a>(
    kb: &KnowledgeBase,
    ids: impl IntoIterator<Item = &'a str>,
) -> Vec<SurveyRef> {
    let mut ids: Vec<&str> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| kb.survey(id))
        .map(|s| SurveyRef {
            id: s.id.clone(),
            name: s.name.shaped(),
            source: s.source.clone(),
        })
        .collect()
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

/// A role's headline incomes, and its other figures that a change can be measured against.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Incomes {
    /// The role's id.
    #[serde(skip)]
    pub role: String,
    /// Employee (会社員) headline figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee: Option<Figure>,
    /// Freelance headline figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freelance: Option<Figure>,
    /// The role's own employee figures without condition or age band, in authored order.
    #[serde(skip)]
    pub employee_figures: Vec<Comparable>,
    /// The role's own freelance figures without condition or age band, in authored order.
    #[serde(skip)]
    pub freelance_figures: Vec<Comparable>,
}

/// A figure of a role that a change can be measured against: its survey, yearly point and the
/// figure as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparable {
    /// The survey.
    pub survey: String,
    /// The figure as one yearly number.
    pub yearly: f64,
    /// As published ("500–600万円").
    pub published: String,
}

impl Comparable {
    fn of(f: &Figure) -> Self {
        Self {
            survey: f.survey.clone(),
            yearly: f.yearly,
            published: f.display(),
        }
    }

    fn of_income(i: &Income) -> Option<Self> {
        Some(Self {
            survey: i.survey.clone(),
            yearly: i.yearly_point()?,
            published: amount(i.average, i.min, i.max, i.period),
        })
    }
}

impl Incomes {
    /// The headline figures of a role (see [`KnowledgeBase::headline`]).
    pub fn of(kb: &KnowledgeBase, role: RoleIx) -> Self {
        let pick = |e| {
            let h = kb.headline(role, e)?;
            let mut f = Figure::of(h.income)?;
            f.borrowed_from = h.proxy.map(|p| kb.role(p.uses).id.clone());
            Some(f)
        };
        let all = |e| {
            kb.comparable_figures(role, e)
                .filter_map(Comparable::of_income)
                .collect()
        };
        Self {
            role: kb.role(role).id.clone(),
            employee: pick(Employment::Employee),
            freelance: pick(Employment::Freelance),
            employee_figures: all(Employment::Employee),
            freelance_figures: all(Employment::Freelance),
        }
    }

    /// The headline figure for an employment type.
    pub fn get(&self, e: Employment) -> Option<&Figure> {
        match e {
            Employment::Employee => self.employee.as_ref(),
            Employment::Freelance => self.freelance.as_ref(),
        }
    }

    /// The current role's figure a change to `to`'s headline is measured from: the headline if
    /// both headlines come from one survey, else the role's own figure of the target headline's
    /// survey; with whether it is the headline.
    fn measured_from(&self, to: &Figure, e: Employment) -> Option<(Comparable, bool)> {
        if let Some(h) = self.get(e).filter(|h| h.survey == to.survey) {
            return Some((Comparable::of(h), true));
        }
        let own = match e {
            Employment::Employee => &self.employee_figures,
            Employment::Freelance => &self.freelance_figures,
        };
        own.iter()
            .find(|f| f.survey == to.survey)
            .map(|f| (f.clone(), false))
    }
}

/// What a change of headline income is measured against.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ChangeBasis {
    /// The survey both figures come from.
    pub survey: String,
    /// The role moved from.
    pub from_role: String,
    /// The current role's figure the change is measured from, as published.
    pub from: String,
    /// Whether that is the current role's headline figure (else another of its figures, of the
    /// target headline's survey).
    pub from_headline: bool,
}

/// How a move changes the headline incomes: the target's headline minus the current role's
/// figure **of the same survey** (its headline, or another of its figures of that survey).
/// Figures from different surveys measure different populations, so their difference would be
/// an artefact, not a fact: then there is no change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct IncomeChange {
    /// Employee figure difference, 万円 a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee: Option<f64>,
    /// Freelance figure difference, 万円 a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freelance: Option<f64>,
    /// What the employee difference is measured against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee_basis: Option<ChangeBasis>,
    /// What the freelance difference is measured against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freelance_basis: Option<ChangeBasis>,
}

impl IncomeChange {
    /// The change from one role's incomes to another's headline incomes.
    pub fn between(from: &Incomes, to: &Incomes) -> Self {
        let diff = |e| {
            let target = to.get(e)?;
            let (f, headline) = from.measured_from(target, e)?;
            Some((
                target.yearly - f.yearly,
                ChangeBasis {
                    survey: target.survey.clone(),
                    from_role: from.role.clone(),
                    from: f.published,
                    from_headline: headline,
                },
            ))
        };
        let (employee, employee_basis) = diff(Employment::Employee).unzip();
        let (freelance, freelance_basis) = diff(Employment::Freelance).unzip();
        Self {
            employee,
            freelance,
            employee_basis,
            freelance_basis,
        }
    }

    /// The change for an employment type.
    pub fn get(&self, e: Employment) -> Option<(f64, &ChangeBasis)> {
        match e {
            Employment::Employee => self.employee.zip(self.employee_basis.as_ref()),
            Employment::Freelance => self.freelance.zip(self.freelance_basis.as_ref()),
        }
    }
}

/// The relative change of employee pay from one role to another within one survey.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ComparableGain {
    /// `to / from − 1` (0.18 = 18 % more).
    pub ratio: f64,
    /// The current role's figure, 万円 a year.
    pub from: f64,
    /// The target role's figure, 万円 a year.
    pub to: f64,
    /// The survey both figures come from.
    pub survey: String,
    /// Where the figures come from: their source, or the survey's when the two differ.
    pub source: String,
}

/// The relative change of the employee headline income from one role to another, measured
/// within one survey (target / current − 1), or None when no survey gives both.
///
/// The pair of figures is, in order of preference: both headlines when they share a survey;
/// the target's headline against the current role's own figure of that survey (what reports
/// show as the change); the current role's headline against the target's own figure of its
/// survey; then the first survey, in the current role's order, that gives both roles a figure
/// (without condition or age band). A borrowed headline (a proxy) counts as the role's.
///
/// ```
/// use careergraph::Engine;
///
/// let engine = Engine::builtin()?;
/// let kb = engine.knowledge();
/// let role = |id| kb.find_role(id).unwrap();
/// let g = careergraph::income::comparable_gain(kb, role("server-engineer"), role("cloud-engineer"));
/// let g = g.unwrap();
/// assert_eq!((g.from, g.to, g.survey.as_str()), (389.0, 458.0, "levtech-2025-11"));
/// assert!(careergraph::income::comparable_gain(kb, role("project-leader"), role("project-manager")).is_none());
/// # Ok::<(), careergraph::Error>(())
/// ```
pub fn comparable_gain(kb: &KnowledgeBase, from: RoleIx, to: RoleIx) -> Option<ComparableGain> {
    let e = Employment::Employee;
    let (fh, th) = (kb.headline_income(from, e), kb.headline_income(to, e));
    // A role's candidates: its headline (its own or borrowed), then its own figures.
    let from_figures = || fh.into_iter().chain(kb.comparable_figures(from, e));
    let to_figures = || th.into_iter().chain(kb.comparable_figures(to, e));
    let surveys = fh
        .filter(|f| th.is_some_and(|t| t.survey == f.survey))
        .into_iter()
        .chain(th)
        .chain(fh)
        .chain(kb.comparable_figures(from, e))
        .map(|f| f.survey.as_str());
    for survey in surveys {
        let a = from_figures().find(|f| f.survey == survey);
        let b = to_figures().find(|f| f.survey == survey);
        let (Some(a), Some(b)) = (a, b) else { continue };
        let (Some(x), Some(y)) = (a.yearly_point(), b.yearly_point()) else {
            continue;
        };
        if x <= 0.0 {
            continue;
        }
        let source = if a.source == b.source {
            a.source.clone()
        } else {
            kb.survey(survey)
                .map_or_else(|| b.source.clone(), |s| s.source.clone())
        };
        return Some(ComparableGain {
            ratio: y / x - 1.0,
            from: x,
            to: y,
            survey: survey.to_string(),
            source,
        });
    }
    None
}

#[cfg(test)]
mod tests;
