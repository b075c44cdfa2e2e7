//! The on-disk format of the market model: the income model (`income_model`) and job postings
//! (`postings`), exactly as a rule author or a user writes them. See `rules/README.md`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::format::{Employment, Text};
use crate::rules::ConditionDef;

/// A fact stated in both languages, with its source.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcedText {
    /// What the source says.
    pub text: Text,
    /// Where it says it: a `sources` id.
    pub source: String,
}

/// The income model: how careergraph turns the roles' income figures into an estimate for a
/// profile. Exactly one file may set it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncomeModelDef {
    /// Months a freelance monthly rate is multiplied by to give a year (the sources use 12).
    pub months_per_year: f64,
    /// How the sources convert a monthly rate to a year, and where they say so.
    pub conversion: SourcedText,
    /// Why employee and freelance figures are not directly comparable, and where it is said.
    pub caveat: SourcedText,
    /// Employee pay by age band, relative to the all-ages figure of the same survey.
    #[serde(default)]
    pub age_bands: Vec<AgeFactorDef>,
    /// What lifts pay: upstream phases, management, certain skills.
    #[serde(default)]
    pub uplifts: Vec<UpliftDef>,
    /// Roles that take another role's figure as their headline.
    #[serde(default)]
    pub proxies: Vec<ProxyDef>,
    /// Surveys that measure several roles in one dataset, most preferred first: a role's
    /// headline figure is its figure from the first of them that has one, so that roles measured
    /// by one survey are compared on one basis.
    #[serde(default)]
    #[schemars(inner(pattern(crate::schema::ID_PATTERN)))]
    pub headline_surveys: Vec<String>,
}

/// One age band of employee pay.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeFactorDef {
    /// First age of the band.
    pub from: u8,
    /// Last age of the band.
    pub to: u8,
    /// The survey's figure for the band, 万円 a year.
    pub income: f64,
    /// The same survey's all-ages figure, 万円 a year; the band's factor is `income / reference`.
    pub reference: f64,
    /// The survey both figures come from: the factor applies to that survey's figures only
    /// (unless `borrowable`).
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub survey: String,
    /// Present when the factor may also be applied to other surveys' figures: why, and where
    /// that is said. Reports say when a factor is borrowed.
    #[serde(default)]
    pub borrowable: Option<SourcedText>,
    /// What the figures are.
    pub basis: Text,
    /// Where they come from: a `sources` id.
    pub source: String,
}

/// A published figure or range, 万円.
#[derive(Debug, Clone, Copy, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountDef {
    /// The average.
    #[serde(default)]
    pub average: Option<f64>,
    /// Low end.
    #[serde(default)]
    pub min: Option<f64>,
    /// High end; left out with `min` for "…万円以上".
    #[serde(default)]
    pub max: Option<f64>,
}

/// Something that lifts pay, as a pair of figures from one source: pay without it (`base`) and
/// with it (`raised`). The factor is their ratio.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpliftDef {
    /// Stable id.
    pub id: String,
    /// What lifts pay, in both languages.
    pub description: Text,
    /// Uplifts of one group overlap: only the largest of a group counts, per end of the range.
    pub group: String,
    /// When the profile has it (quantity leaves only outside `not`).
    pub when: ConditionDef,
    /// Employment types it applies to (both when empty).
    #[serde(default)]
    pub employment: Vec<Employment>,
    /// Roles it applies to (with `families`: any of them; all roles when both are empty).
    #[serde(default)]
    pub roles: Vec<String>,
    /// Role families it applies to.
    #[serde(default)]
    pub families: Vec<String>,
    /// Roles whose figures already include it.
    #[serde(default)]
    pub except_roles: Vec<String>,
    /// Pay without it.
    pub base: AmountDef,
    /// Pay with it.
    pub raised: AmountDef,
    /// The survey both figures come from: the uplift lifts that survey's figures only (unless
    /// `borrowable`).
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub survey: String,
    /// Present when the ratio may also be applied to other surveys' figures: why, and where that
    /// is said. Reports say when a ratio is borrowed.
    #[serde(default)]
    pub borrowable: Option<SourcedText>,
    /// Where both figures come from: a `sources` id.
    pub source: String,
}

/// A role that takes another role's figure of one survey as its headline, for an employment type
/// it has no figure of a headline survey for.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProxyDef {
    /// The role without a figure.
    pub role: String,
    /// The role whose figure it borrows.
    pub uses: String,
    /// The employment type.
    pub employment: Employment,
    /// The survey of the borrowed figure: `uses` must have a figure of it (no condition, no age).
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub survey: String,
    /// Why the other role is close enough.
    pub basis: Text,
    /// Where the two roles are said to be close: a `sources` id.
    pub source: String,
}

/// The contract of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Contract {
    /// 業務委託 (freelance contract work).
    Outsourcing,
    /// 正社員 (permanent employment).
    Employee,
    /// 派遣 (dispatched worker).
    Dispatch,
}

/// How long a posting runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Duration {
    /// 短期.
    Short,
    /// 中長期.
    MidLong,
    /// 長期.
    Long,
}

/// A job posting (案件).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingDef {
    /// Stable id, unique in its file.
    pub id: String,
    /// The title as published.
    pub title: String,
    /// The role in careergraph's terms.
    pub role: String,
    /// Monthly rate, 万円 a month (`min` alone for a fixed rate).
    pub monthly_rate: AmountDef,
    /// Required skills, with levels or years.
    #[serde(default)]
    pub skills: Vec<PostingSkillDef>,
    /// Required years per phase.
    #[serde(default)]
    pub phases: BTreeMap<String, f64>,
    /// Required years of management.
    #[serde(default)]
    pub management_years: Option<f64>,
    /// Positions as published (プログラマー, PMO …).
    #[serde(default)]
    pub positions: Vec<String>,
    /// The contract.
    pub contract: Contract,
    /// How long it runs.
    #[serde(default)]
    pub duration: Option<Duration>,
    /// The work as published.
    #[serde(default)]
    pub work: Option<String>,
    /// Where the posting comes from: a `sources` id in a knowledge base, free text in a
    /// postings file.
    pub source: String,
}

/// A skill a posting asks for.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingSkillDef {
    /// Skill id.
    pub skill: String,
    /// Minimum level, 1–5 (default 3, works independently).
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub level: Option<u8>,
    /// Years of experience asked for ("3年以上").
    #[serde(default)]
    pub years: Option<f64>,
}

/// A file of postings: `{"postings": [...]}` (the same shape as in `rules/`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "careergraph postings file",
    description = "Job postings (案件) for `careergraph jobs --postings FILE`: each with its role, \
                   monthly rate, required skills and years, contract and source."
)]
pub struct PostingsFile {
    /// The JSON Schema this file follows, for editors; ignored by careergraph.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Free text about the file; ignored.
    #[serde(default)]
    pub description: Option<String>,
    /// The postings.
    pub postings: Vec<PostingDef>,
}
