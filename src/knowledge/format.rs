//! The on-disk format of a knowledge-base file, exactly as a rule author writes it.
//!
//! Every JSON file in a knowledge-base directory is one [`RuleFile`]: an object whose top-level
//! keys are lists of entities (`skills`, `roles`, `certifications`, `transitions`, `rules`, …).
//! Entities may be split across files freely; after loading they are sorted by id, so the order of
//! files and of entries never changes a result. These types are deliberately *unvalidated*: ids are
//! plain strings and numbers are unchecked. [`crate::knowledge::validate`] checks them and
//! [`crate::knowledge::KnowledgeBase`] compiles them.
//!
//! Every type denies unknown fields, so a misspelt key is an error that names the line and column
//! and lists the expected keys.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::market_format::*;
use crate::rules::{ConditionDef, EffectDef};

/// A text in Japanese and English. Both are required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

/// One knowledge-base file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "careergraph knowledge-base file",
    description = "One file of a careergraph knowledge base (`rules/*.json`): lists of skills, \
                   roles, certifications, transitions, rules, phases and vocabularies, any of them \
                   in any file. Every fact carries a `source`. See rules/README.md."
)]
pub struct RuleFile {
    /// An optional JSON Schema reference for editors; ignored by careergraph.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// A free-text description of what the file holds; ignored by careergraph.
    #[serde(default)]
    pub description: Option<String>,
    /// Skills a profile can rate and a role can require.
    #[serde(default)]
    pub skills: Vec<SkillDef>,
    /// Roles (jobs) of the career graph.
    #[serde(default)]
    pub roles: Vec<RoleDef>,
    /// Certifications and exams.
    #[serde(default)]
    pub certifications: Vec<CertificationDef>,
    /// The career graph's edges.
    #[serde(default)]
    pub transitions: Vec<TransitionDef>,
    /// Rules of thumb: conditions over the profile and their effects.
    #[serde(default)]
    pub rules: Vec<RuleDef>,
    /// Work phases (工程) a profile counts years in.
    #[serde(default)]
    pub phases: Vec<PhaseDef>,
    /// Kinds of workplace (自社開発, SIer, SES, 事業会社 …).
    #[serde(default)]
    pub workplaces: Vec<VocabDef>,
    /// Preference tags a profile may list and roles carry as aptitudes.
    #[serde(default)]
    pub preferences: Vec<VocabDef>,
    /// Role families (infra, development, management …).
    #[serde(default)]
    pub families: Vec<VocabDef>,
    /// The surveys (publications, datasets) income figures come from: every income figure, age
    /// band, uplift and proxy names one by id, and only figures of one survey are compared.
    #[serde(default)]
    pub surveys: Vec<VocabDef>,
    /// The scoring parameters. Exactly one file of a knowledge base sets them.
    #[serde(default)]
    pub scoring: Option<ScoringDef>,
    /// The income model. At most one file sets it.
    #[serde(default)]
    pub income_model: Option<IncomeModelDef>,
    /// Job postings (案件) that `jobs` ranks when no file is given.
    #[serde(default)]
    pub postings: Vec<PostingDef>,
}

/// A skill.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillDef {
    /// Stable id, lowercase kebab-case.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names.
    pub name: Text,
    /// A category id (free text such as `network`, `server`, `cloud`, `development`).
    pub category: String,
    /// Other ids that mean the same skill (accepted in profiles and rules).
    #[serde(default)]
    #[schemars(inner(pattern(crate::schema::ID_PATTERN)))]
    pub aliases: Vec<String>,
    /// Where the knowledge comes from: a seed file name or a URL.
    pub source: String,
}

/// A work phase (工程).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseDef {
    /// Stable id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names.
    pub name: Text,
    /// Whether the phase counts as upstream work (上流工程).
    #[serde(default)]
    pub upstream: bool,
    /// Where the knowledge comes from.
    pub source: String,
}

/// An entry of a small vocabulary (workplaces, preferences, families).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabDef {
    /// Stable id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names.
    pub name: Text,
    /// An optional longer explanation.
    #[serde(default)]
    pub description: Option<Text>,
    /// Where the knowledge comes from.
    pub source: String,
}

/// A role (job) in the career graph.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleDef {
    /// Stable id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names.
    pub name: Text,
    /// Other ids that mean the same role.
    #[serde(default)]
    #[schemars(inner(pattern(crate::schema::ID_PATTERN)))]
    pub aliases: Vec<String>,
    /// The role family id (see `families`).
    pub family: String,
    /// Seniority from 1 (entry) to 5 (executive); used to label moves as advancement.
    #[schemars(range(min = 1, max = 5))]
    pub seniority: u8,
    /// Whether a profile without a current role is offered this role.
    #[serde(default)]
    pub entry: bool,
    /// Whether the role is a destination the sources name no move out of (no `dead-end-role`
    /// warning).
    #[serde(default)]
    pub terminal: bool,
    /// What the role does.
    pub summary: Text,
    /// Skill requirements.
    #[serde(default)]
    pub requirements: Vec<RequirementDef>,
    /// Experience requirements.
    #[serde(default)]
    pub experience: Option<ExperienceDef>,
    /// Certifications that help for this role.
    #[serde(default)]
    pub certifications: Vec<HelpfulCertificationDef>,
    /// Income figures.
    #[serde(default)]
    pub incomes: Vec<IncomeDef>,
    /// Preference ids this role suits (適性): a profile preferring them fits better.
    #[serde(default)]
    pub aptitudes: Vec<String>,
    /// Where the role's description comes from.
    pub source: String,
}

/// One skill requirement of a role.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementDef {
    /// Skill id.
    pub skill: String,
    /// Minimum level, 1–5 on the profile scale.
    #[schemars(range(min = 1, max = 5))]
    pub level: u8,
    /// Relative weight, above 0 and at most 10.
    #[serde(default = "default_weight")]
    #[schemars(range(max = 10), extend("exclusiveMinimum" = 0))]
    pub weight: f64,
    /// Whether a gap here keeps the role from being `ready`.
    #[serde(default)]
    pub essential: bool,
    /// Where the requirement comes from.
    pub source: String,
}

fn default_weight() -> f64 {
    1.0
}

/// Experience a role expects.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExperienceDef {
    /// Minimum total years of IT work, 0 to 60.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub total_years: Option<f64>,
    /// Minimum years per phase id, each 0 to 60.
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::years")]
    pub phases: std::collections::BTreeMap<String, f64>,
    /// Minimum years of management (leading people), 0 to 60.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub management_years: Option<f64>,
    /// Where the expectation comes from.
    pub source: String,
}

/// A certification that helps for a role.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpfulCertificationDef {
    /// Certification id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Where the advice comes from.
    pub source: String,
}

/// Employee or freelance.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Employment {
    /// 会社員 (正社員).
    Employee,
    /// フリーランス.
    Freelance,
}

impl Employment {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Employment::Employee => "employee",
            Employment::Freelance => "freelance",
        }
    }
}

/// The unit of an income figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum IncomePeriod {
    /// 万円 a year (年収).
    #[default]
    Year,
    /// 万円 a month (月額単価), as freelance rates are quoted.
    Month,
}

/// An age band, in years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    /// First age of the band.
    pub from: u8,
    /// Last age of the band.
    pub to: u8,
}

/// One income figure for a role, in 万円.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncomeDef {
    /// Employee or freelance.
    pub employment: Employment,
    /// A year or a month.
    #[serde(default)]
    pub period: IncomePeriod,
    /// The average, 0 to 100000.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100_000))]
    pub average: Option<f64>,
    /// The low end of a range, 0 to 100000.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100_000))]
    pub min: Option<f64>,
    /// The high end of a range, 0 to 100000.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100_000))]
    pub max: Option<f64>,
    /// The age band the figure is for, if any.
    #[serde(default)]
    pub age: Option<AgeBand>,
    /// When the figure applies (e.g. upstream experience), if not always.
    #[serde(default)]
    pub condition: Option<ConditionDef>,
    /// The survey (publication, dataset) the figure belongs to: an id of `surveys`. Figures are
    /// compared, and factors applied, only within one survey.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub survey: String,
    /// What the figure is (survey, date, population).
    pub basis: Text,
    /// Where the figure comes from.
    pub source: String,
}

/// How a move changes a career.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TransitionKind {
    /// Higher seniority or pay.
    Advancement,
    /// Same level, same family.
    Lateral,
    /// Same level, another family.
    CareerChange,
}

impl TransitionKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TransitionKind::Advancement => "advancement",
            TransitionKind::Lateral => "lateral",
            TransitionKind::CareerChange => "career-change",
        }
    }
}

/// An edge of the career graph: a move from one role to another.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionDef {
    /// Role id moved from.
    pub from: String,
    /// Role id moved to.
    pub to: String,
    /// The kind of move; derived from seniority, income and family when left out.
    #[serde(default)]
    pub kind: Option<TransitionKind>,
    /// Typical years the move takes (time in the first role plus the switch), 0 to 60.
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub typical_years: f64,
    /// What the sources say makes the move likely; a profile that meets it scores higher.
    #[serde(default)]
    pub conditions: Option<ConditionDef>,
    /// What the sources say about the move.
    pub note: Text,
    /// Where the move comes from.
    pub source: String,
}

/// A rule of thumb.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Stable id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// What the rule says, in both languages.
    pub description: Text,
    /// When the rule applies.
    pub when: ConditionDef,
    /// What it does when it applies.
    pub effects: Vec<EffectDef>,
    /// Where the rule comes from.
    pub source: String,
}

/// The scoring parameters.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringDef {
    /// Share of the skill term in a role's base fit (with `experience_weight`, sums to 1).
    #[schemars(range(min = 0, max = 1))]
    pub skill_weight: f64,
    /// Share of the experience term in a role's base fit.
    #[schemars(range(min = 0, max = 1))]
    pub experience_weight: f64,
    /// Factor on the weight of an essential requirement.
    #[schemars(range(min = 1, max = 10))]
    pub essential_multiplier: f64,
    /// Added to a recommendation's score per preference that matches the role's aptitudes.
    #[schemars(range(min = 0, max = 1))]
    pub preference_bonus: f64,
    /// Cap on the total preference bonus.
    #[schemars(range(min = 0, max = 1))]
    pub preference_bonus_max: f64,
    /// Added when the profile meets the conditions the sources attach to a transition.
    #[schemars(range(min = 0, max = 1))]
    pub transition_condition_bonus: f64,
    /// Added (as a share of the remaining distance to 1) for moves labelled `advancement`.
    #[schemars(range(min = 0, max = 1))]
    pub advancement_bonus: f64,
    /// Share of the score removed per step beyond the first.
    #[schemars(range(min = 0, max = 1))]
    pub two_step_penalty: f64,
    /// Months to go from level `i - 1` to level `i`, for `i` = 1..=5 (five numbers).
    #[schemars(length(equal = 5), inner(range(min = 0, max = 120)))]
    pub months_per_level: Vec<f64>,
    /// Essential gaps closable within this many months make a role a `stretch`.
    #[schemars(range(min = 0, max = 120))]
    pub stretch_months: f64,
    /// Hours a working engineer studies for certifications per month, to turn study hours into
    /// time on a route (default 40, about 10 hours a week).
    #[serde(default = "default_study_hours_per_month")]
    pub study_hours_per_month: f64,
    /// Why these numbers.
    pub source: String,
}

fn default_study_hours_per_month() -> f64 {
    40.0
}

/// A certification or exam.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationDef {
    /// Stable id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names.
    pub name: Text,
    /// Other ids that mean the same certification.
    #[serde(default)]
    #[schemars(inner(pattern(crate::schema::ID_PATTERN)))]
    pub aliases: Vec<String>,
    /// Who issues it (Cisco, LPI-Japan, IPA, AWS …).
    pub issuer: String,
    /// The issuer's tier name (Associate, Professional, レベル1 …).
    pub tier: String,
    /// The ITSS level (1–7) where one is published.
    #[serde(default)]
    #[schemars(range(min = 1, max = 7))]
    pub itss_level: Option<u8>,
    /// Skill levels that holding the certification evidences.
    #[serde(default)]
    pub evidences: Vec<EvidenceDef>,
    /// Certifications that must be held first (formal prerequisites).
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// Certifications usually taken first (recommended order, not required).
    #[serde(default)]
    pub recommended_after: Vec<String>,
    /// Typical study hours, where known.
    #[serde(default)]
    pub study_hours: Option<HoursDef>,
    /// Where the facts come from.
    pub source: String,
}

/// A skill level a certification evidences.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceDef {
    /// Skill id.
    pub skill: String,
    /// Level 1–5.
    #[schemars(range(min = 1, max = 5))]
    pub level: u8,
}

/// A range of study hours.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursDef {
    /// Low end, 0 to 10000.
    #[schemars(range(min = 0, max = 10_000))]
    pub min: f64,
    /// High end, 0 to 10000.
    #[schemars(range(min = 0, max = 10_000))]
    pub max: f64,
}
