//! `rate PROFILE`: a freelance monthly rate range (万円/月) from the role, skills and years per
//! phase, with the driver behind each step and the sources' own ranges beside it.
//!
//! Like an agency's rate check (Levtech's 単価相場診断) it starts from what the role pays and
//! adds what the skills are worth; unlike it, upstream uplifts need *years in upstream phases*
//! (design responsibility), not total years.

use serde::Serialize;

use super::estimate::{BaseFigure, Factor, Range, estimate, yearly_range};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, Text};
use crate::knowledge::market::Sourced;
use crate::knowledge::model::RoleIx;
use crate::profile::Facts;

/// One step of the rate: what adds how much.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    /// The uplift.
    #[serde(flatten)]
    pub factor: Factor,
    /// What it adds (or would add), 万円 a month, per end of the range.
    pub adds: Range,
}

/// A freelance range a source gives for the role, beside the estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRange {
    /// As published.
    pub published: String,
    /// Per month.
    pub monthly: Range,
    /// `below`, `within` or `above`: where the estimate sits against it.
    pub estimate_is: &'static str,
    /// The survey it belongs to.
    pub survey: String,
    /// What the figure is.
    pub basis: Text,
    /// Where it comes from.
    pub source: String,
}

/// What `rate PROFILE` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateReport {
    /// The profile's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The role the rate is for.
    pub role: String,
    /// Its names.
    pub name: Text,
    /// The freelance figure it starts from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseFigure>,
    /// That figure per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_monthly: Option<Range>,
    /// What the profile has that lifts the rate, in order.
    pub drivers: Vec<Driver>,
    /// The estimated monthly rate, 万円.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Range>,
    /// The same a year (monthly × months per year, as the sources convert).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yearly: Option<Range>,
    /// What would lift it further, and what each needs.
    pub not_yet: Vec<Driver>,
    /// What the profile has that does not lift this figure (another survey's ratio), and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_applied: Vec<super::NotApplied>,
    /// The sources' freelance figures for the role.
    pub sources_say: Vec<SourceRange>,
    /// How monthly rates become a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion: Option<Sourced>,
    /// Employee and freelance figures are not directly comparable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Sourced>,
    /// How the role is commonly held (its work styles): whether a contract rate is what it
    /// pays. Absent when the role names no work style.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_as: Option<super::HeldAs>,
    /// The surveys the report cites.
    pub surveys: Vec<super::SurveyRef>,
}

fn minus(a: Range, b: Range) -> Range {
    Range {
        low: a.low - b.low,
        high: a.high - b.high,
    }
}

/// The freelance rate of a profile in a role.
pub fn rate(kb: &KnowledgeBase, facts: &Facts, role: RoleIx, name: Option<String>) -> RateReport {
    let months = kb.income_model.as_ref().map_or(12.0, |m| m.months_per_year);
    let est = estimate(kb, facts, role, Employment::Freelance);
    let base_monthly = est.base.as_ref().map(|b| b.yearly.per(months));
    let mut drivers = Vec::new();
    if let Some(mut running) = base_monthly {
        for f in &est.factors {
            let next = running.scale(f.low, f.high);
            drivers.push(Driver {
                factor: f.clone(),
                adds: minus(next, running),
            });
            running = next;
        }
    }
    let not_yet = match est.monthly {
        Some(m) => est
            .not_yet
            .iter()
            .map(|f| {
                // Within a group only the largest counts: a missing uplift adds what it has
                // over the one applied.
                let kept = drivers.iter().find(|d| {
                    kb.income_model.as_ref().is_some_and(|model| {
                        let group = |id: &str| {
                            model
                                .uplifts
                                .iter()
                                .find(|u| u.id == id)
                                .map(|u| u.group.as_str())
                        };
                        group(&d.factor.id) == group(&f.id)
                    })
                });
                let (kl, kh) = kept.map_or((1.0, 1.0), |d| (d.factor.low, d.factor.high));
                let (lo, hi) = ((f.low / kl).max(1.0), (f.high / kh).max(1.0));
                Driver {
                    factor: f.clone(),
                    adds: minus(m.scale(lo, hi), m),
                }
            })
            .filter(|d| d.adds.high > 0.0 || d.adds.low > 0.0)
            .collect(),
        None => Vec::new(),
    };
    let sources_say: Vec<SourceRange> = kb
        .role(role)
        .incomes
        .iter()
        .filter(|i| i.employment == Employment::Freelance)
        .filter_map(|i| {
            let monthly = yearly_range(i, months)?.per(months);
            let estimate_is = match est.monthly {
                Some(e) if e.high < monthly.low => "below",
                Some(e) if e.low > monthly.high => "above",
                _ => "within",
            };
            Some(SourceRange {
                published: super::Figure::of(i)?.display(),
                monthly,
                estimate_is,
                survey: i.survey.clone(),
                basis: i.basis.clone(),
                source: i.source.clone(),
            })
        })
        .collect();
    let r = kb.role(role);
    let surveys = super::surveys_cited(
        kb,
        est.surveys()
            .chain(sources_say.iter().map(|s| s.survey.as_str())),
    );
    RateReport {
        profile: name,
        role: r.id.clone(),
        name: r.name.clone(),
        base: est.base.clone(),
        base_monthly,
        drivers,
        monthly: est.monthly,
        yearly: est.range,
        not_yet,
        not_applied: est.not_applied.clone(),
        sources_say,
        conversion: kb.income_model.as_ref().map(|m| m.conversion.clone()),
        caveat: kb.income_model.as_ref().map(|m| m.caveat.clone()),
        held_as: super::held_as(kb, role),
        surveys,
    }
}
