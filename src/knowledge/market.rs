//! The compiled market model: the income model and job postings, ids resolved to indices.

use serde::Serialize;

use super::format::{Contract, Duration, Employment, Text};
use super::model::{FamilyIx, PhaseIx, RoleIx, SkillIx};
use crate::rules::Condition;

/// A fact with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced {
    /// What the source says.
    pub text: Text,
    /// Where.
    pub source: String,
}

/// The income model (see `rules/README.md#the-income-model`).
#[derive(Debug, Clone)]
pub struct IncomeModel {
    /// Months per year for freelance rates (12).
    pub months_per_year: f64,
    /// How monthly rates become a year.
    pub conversion: Sourced,
    /// Why employee and freelance figures are not directly comparable.
    pub caveat: Sourced,
    /// Employee age bands, sorted by `from`.
    pub age_bands: Vec<AgeFactor>,
    /// Uplifts, sorted by id.
    pub uplifts: Vec<Uplift>,
    /// Borrowed figures.
    pub proxies: Vec<Proxy>,
    /// Surveys whose figures are headlines first, most preferred first.
    pub headline_surveys: Vec<String>,
}

impl IncomeModel {
    /// The age band containing an age (whole years).
    pub fn age_band(&self, age: f64) -> Option<&AgeFactor> {
        let a = age.floor();
        self.age_bands
            .iter()
            .find(|b| f64::from(b.from) <= a && a <= f64::from(b.to))
    }

    /// The role whose figure `role` borrows for an employment type.
    pub fn proxy(&self, role: RoleIx, employment: Employment) -> Option<&Proxy> {
        self.proxies
            .iter()
            .find(|p| p.role == role && p.employment == employment)
    }
}

/// An age band of employee pay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgeFactor {
    /// First age.
    pub from: u8,
    /// Last age.
    pub to: u8,
    /// The band's figure.
    pub income: f64,
    /// The all-ages figure of the same survey.
    pub reference: f64,
    /// `income / reference`.
    pub factor: f64,
    /// The survey of both figures.
    pub survey: String,
    /// Why the factor may be applied to other surveys' figures, when it may.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub borrowable: Option<Sourced>,
    /// What the figures are.
    pub basis: Text,
    /// Source.
    pub source: String,
}

/// A published amount as a range: an average is a range of one point; "…以上" has no top.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Amount {
    /// Low end (or the average).
    pub low: f64,
    /// High end; `None` for "…以上".
    pub high: Option<f64>,
}

/// Something that lifts pay by a factor range.
#[derive(Debug, Clone)]
pub struct Uplift {
    /// Stable id.
    pub id: String,
    /// What lifts pay.
    pub description: Text,
    /// Overlap group.
    pub group: String,
    /// When the profile has it.
    pub when: Condition,
    /// Employment types (both when empty).
    pub employment: Vec<Employment>,
    /// Roles in scope.
    pub roles: Vec<RoleIx>,
    /// Families in scope.
    pub families: Vec<FamilyIx>,
    /// Roles out of scope.
    pub except_roles: Vec<RoleIx>,
    /// Pay without it.
    pub base: Amount,
    /// Pay with it.
    pub raised: Amount,
    /// Factor on the low end of a range.
    pub low: f64,
    /// Factor on the high end of a range.
    pub high: f64,
    /// The survey of both figures.
    pub survey: String,
    /// Why the ratio may be applied to other surveys' figures, when it may.
    pub borrowable: Option<Sourced>,
    /// Source.
    pub source: String,
}

impl Uplift {
    /// Whether the uplift concerns this role and employment type (whatever the profile).
    pub fn applies_to(&self, role: RoleIx, family: FamilyIx, employment: Employment) -> bool {
        (self.employment.is_empty() || self.employment.contains(&employment))
            && !self.except_roles.contains(&role)
            && ((self.roles.is_empty() && self.families.is_empty())
                || self.roles.contains(&role)
                || self.families.contains(&family))
    }

    /// The factors (low end, high end) from a pay pair: the ratio of the ends; a raised figure
    /// without a top ("1000万円以上") lifts only the high end, to that figure.
    pub fn factors(base: Amount, raised: Amount) -> (f64, f64) {
        let base_high = base.high.unwrap_or(base.low);
        match raised.high {
            Some(h) => (raised.low / base.low, h / base_high),
            None => (1.0, raised.low / base_high),
        }
    }
}

/// A borrowed figure.
#[derive(Debug, Clone)]
pub struct Proxy {
    /// The role without a figure.
    pub role: RoleIx,
    /// The role lending it.
    pub uses: RoleIx,
    /// Employment type.
    pub employment: Employment,
    /// The survey of the borrowed figure.
    pub survey: String,
    /// Why.
    pub basis: Text,
    /// Source.
    pub source: String,
}

/// A job posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Posting {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Role.
    #[serde(skip)]
    pub role: RoleIx,
    /// Monthly rate, 万円 (shown as a range by reports).
    #[serde(skip)]
    pub monthly_rate: Amount,
    /// Required skills.
    #[serde(skip)]
    pub skills: Vec<PostingSkill>,
    /// Required years per phase.
    #[serde(skip)]
    pub phases: Vec<(PhaseIx, f64)>,
    /// Required management years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management_years: Option<f64>,
    /// Positions as published.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<String>,
    /// Contract.
    pub contract: Contract,
    /// Duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// Work as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
    /// Source.
    pub source: String,
}

/// A skill a posting asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostingSkill {
    /// Skill.
    pub skill: SkillIx,
    /// Minimum level.
    pub level: u8,
    /// Years asked for.
    pub years: Option<f64>,
}
