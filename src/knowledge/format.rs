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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A copy of the languages the current [`shape`](crate::shape) writes; the others are left
    /// empty (no allocation), as nothing reads them while that shape holds.
    pub fn shaped(&self) -> Text {
        use crate::shape::Texts;
        match crate::shape::current().texts {
            Texts::Both => self.clone(),
            Texts::Ja => Text {
                ja: self.ja.clone(),
                en: String::new(),
            },
            Texts::En => Text {
                ja: String::new(),
                en: self.en.clone(),
            },
            Texts::None => Text {
                ja: String::new(),
                en: String::new(),
            },
        }
    }

    /// A text made only in the languages the current [`shape`](crate::shape) writes: the
    /// others are not built.
    pub fn lazy(ja: impl FnOnce() -> String, en: impl FnOnce() -> String) -> Text {
        use crate::shape::Texts;
        let texts = crate::shape::current().texts;
        Text {
            ja: if matches!(texts, Texts::Both | Texts::Ja) {
                ja()
            } else {
                String::new()
            },
            en: if matches!(texts, Texts::Both | Texts::En) {
                en()
            } else {
                String::new()
            },
        }
    }
}

/// Written as `{"ja": …, "en": …}`, or as the current [`shape`](crate::shape) of a batch record
/// says (one language as a string, or nothing).
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::shape::Texts;
        use serde::ser::SerializeStruct;
        match crate::shape::current().texts {
            Texts::Both => {
                let mut s = serializer.serialize_struct("Text", 2)?;
                s.serialize_field("ja", &self.ja)?;
                s.serialize_field("en", &self.en)?;
                s.end()
            }
            Texts::Ja => serializer.serialize_str(&self.ja),
            Texts::En => serializer.serialize_str(&self.en),
            Texts::None => serializer.serialize_unit(),
        }
    }
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
    /// Skill families: sets of skills the market counts alike (a server-side language, a public
    /// cloud); a requirement may accept any member (`any_of`).
    #[serde(default)]
    pub skill_families: Vec<SkillFamilyDef>,
    /// Ways a role is commonly held (as an employee, on contract): roles name them in
    /// `work_styles`, and a profile's employment and preferences weigh them in the ranking.
    #[serde(default)]
    pub work_styles: Vec<WorkStyleDef>,
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
    /// The source registry: every publication a fact cites, once, with its title, publisher,
    /// address and date. When any file of a knowledge base has this key, every `source` field
    /// is the id of one of its entries; without it anywhere, sources are free text (and
    /// `validate` warns `no-source-registry`).
    #[serde(default)]
    #[schemars(with = "Vec<SourceDef>")]
    pub sources: Option<Vec<SourceDef>>,
}

/// One entry of the source registry: a publication facts cite by its id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    /// Stable id, lowercase kebab-case: `<publisher>-<topic>` (`levtech-infra-vs-se-2025`).
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// The title as published, in its own language.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Who publishes it (`レバテック (Levtech)`, `IPA`, `厚生労働省`).
    #[schemars(length(min = 1))]
    pub publisher: String,
    /// Where a reader can open it: an `https://` (or `http://`) address; for `design`, a path in
    /// this repository (`rules/README.md#scoring`) may be given instead.
    #[schemars(length(min = 1))]
    pub url: String,
    /// When it was published or last updated, as far as known: `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`.
    #[schemars(pattern(crate::schema::DATE_PATTERN))]
    pub date: String,
    /// What kind of source it is: how far it can be trusted for what.
    pub kind: SourceKind,
    /// Free text: what the source is cited for, how it was read, why a weaker source is used.
    #[serde(default)]
    pub note: Option<String>,
    /// For a `third-party` source cited for a certification or an income figure: why no
    /// issuer, survey or media page is cited instead (which pages were looked for and not
    /// found). It is shown with the source, and without it such a citation is a `weak-source`
    /// warning.
    #[serde(default)]
    pub best_available: Option<String>,
}

/// What kind of source a registry entry is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// One of the five source articles the knowledge base is built from.
    Seed,
    /// An issuer's or a government's own page (Cisco, AWS, IPA, LPI-Japan, 厚生労働省 job tag).
    Issuer,
    /// A survey or statistics (Levtech's income survey, doda, METI, MHLW wage statistics).
    Survey,
    /// News or major media (ITmedia, @IT, Mynavi News).
    Media,
    /// An article, blog, school, reseller, forum or personal repository.
    ThirdParty,
    /// careergraph's own design choices (the scoring parameters), not a fact.
    Design,
}

impl SourceKind {
    /// Every kind, in the order of the declaration.
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Seed,
        SourceKind::Issuer,
        SourceKind::Survey,
        SourceKind::Media,
        SourceKind::ThirdParty,
        SourceKind::Design,
    ];

    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Seed => "seed",
            SourceKind::Issuer => "issuer",
            SourceKind::Survey => "survey",
            SourceKind::Media => "media",
            SourceKind::ThirdParty => "third-party",
            SourceKind::Design => "design",
        }
    }
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
    /// Where the knowledge comes from: a `sources` id.
    pub source: String,
}

/// A skill family: skills the market counts alike for a requirement (Java, PHP, Python, Ruby,
/// Go and Node.js are each "a server-side language").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillFamilyDef {
    /// Stable id, lowercase kebab-case.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names: what any member is ("a server-side language").
    pub name: Text,
    /// The member skills (at least one), in the order to suggest them when the profile has
    /// none: the most cited first.
    #[schemars(inner(pattern(crate::schema::ID_PATTERN)))]
    pub members: Vec<String>,
    /// Where the sources count the members alike: a `sources` id.
    pub source: String,
}

/// A way a role is commonly held: as an employee, on contract (業務委託, freelance), or as an
/// employee managing staff.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkStyleDef {
    /// Stable id, lowercase kebab-case (`employee`, `contract`, `line-management`).
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Names.
    pub name: Text,
    /// An optional longer explanation.
    #[serde(default)]
    pub description: Option<Text>,
    /// The employment this way of working is open to: `employee` or `freelance`.
    pub employment: Employment,
    /// Whether it is open to that employment only: someone of the other employment takes a
    /// role held so only by changing theirs (employee line management, for a freelancer). The
    /// ranking flags such roles for them (`ranking.work_style_mismatch`).
    #[serde(default)]
    pub exclusive: bool,
    /// A preference id that asks for this way of working (`freelance`): a profile listing it
    /// is weighed as if it worked so.
    #[serde(default)]
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub preference: Option<String>,
    /// Where the knowledge comes from: a `sources` id.
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
    /// Where the knowledge comes from: a `sources` id.
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
    /// Where the knowledge comes from: a `sources` id.
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
    /// The role id of the job this role is a classification of: the sources describe both as one
    /// job named by its work (a network engineer is an infra engineer who works on networks).
    /// Moving between a job and its classifications is not a career step: such a role is
    /// recommended as "you already do this" unless a transition declares a real specialisation.
    #[serde(default)]
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub classification_of: Option<String>,
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
    /// How the role is commonly held (ids of `work_styles`: employee, contract, line
    /// management), each with its source. A role without any is not weighed by work style.
    #[serde(default)]
    pub work_styles: Vec<RoleWorkStyleDef>,
    /// Where the role's description comes from: a `sources` id.
    pub source: String,
}

/// A way a role is commonly held, and where the sources say so.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleWorkStyleDef {
    /// A `work_styles` id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Where the sources say the role is held so: a `sources` id.
    pub source: String,
}

/// One skill requirement of a role: a skill (`skill`), or any member of a skill family
/// (`any_of`), never both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementDef {
    /// Skill id (or `any_of`).
    #[serde(default)]
    pub skill: Option<String>,
    /// A skill family id (or `skill`): any member counts, the best one (or the `rank`-th best)
    /// measured.
    #[serde(default)]
    pub any_of: Option<String>,
    /// With `any_of`: which member is measured, 1 the best (default), 2 the second best … (a
    /// breadth requirement: "a second language at level 3"). At most the family's size.
    #[serde(default)]
    #[schemars(range(min = 1, max = 20))]
    pub rank: Option<u8>,
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
    /// Where the requirement comes from: a `sources` id.
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
    /// Where the expectation comes from: a `sources` id.
    pub source: String,
}

/// A certification that helps for a role.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpfulCertificationDef {
    /// Certification id.
    #[schemars(pattern(crate::schema::ID_PATTERN))]
    pub id: String,
    /// Where the advice comes from: a `sources` id.
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
    /// Where the figure comes from: a `sources` id.
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
    /// A real specialisation within a job (network → security, infra → cloud): recommended as
    /// "specialise", with what it takes, even between classifications of one job.
    Specialisation,
}

impl TransitionKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TransitionKind::Advancement => "advancement",
            TransitionKind::Lateral => "lateral",
            TransitionKind::CareerChange => "career-change",
            TransitionKind::Specialisation => "specialisation",
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
    /// What it takes when `conditions` do not hold (a step first, or added time), with its
    /// source; without it, an unmet condition costs the scoring's `unmet_condition_months`.
    #[serde(default)]
    pub if_unmet: Option<UnmetDef>,
    /// What the sources say about the move.
    pub note: Text,
    /// Where the move comes from: a `sources` id.
    pub source: String,
}

/// What a move takes when the conditions the sources attach to it do not hold.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnmetDef {
    /// Months it adds to the move (0 to 120).
    #[schemars(range(min = 0, max = 120))]
    pub months: f64,
    /// What to do first, in both languages ("move to an in-house product company first").
    pub advice: Text,
    /// Where it comes from: a `sources` id.
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
    /// Where the rule comes from: a `sources` id.
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
    /// Value a move gains per profile preference the role suits (its `aptitudes`), unless
    /// `ranking.preference_weights` names the preference.
    #[schemars(range(min = 0, max = 3))]
    pub preference_bonus: f64,
    /// Cap on the value all matched preferences add together.
    #[schemars(range(min = 0, max = 3))]
    pub preference_bonus_max: f64,
    /// Value a move gains when the profile meets the conditions the sources attach to it.
    #[schemars(range(min = 0, max = 3))]
    pub transition_condition_bonus: f64,
    /// Value a move gains per seniority level above the current role (at most two levels count).
    #[schemars(range(min = 0, max = 3))]
    pub advancement_bonus: f64,
    /// Share of a move's reach lost per step beyond the first.
    #[schemars(range(min = 0, max = 1))]
    pub two_step_penalty: f64,
    /// Months to go from level `i - 1` to level `i`, for `i` = 1..=5 (five numbers).
    #[schemars(length(equal = 5), inner(range(min = 0, max = 120)))]
    pub months_per_level: Vec<f64>,
    /// Gaps closable within this many months make a role a `stretch`.
    #[schemars(range(min = 0, max = 120))]
    pub stretch_months: f64,
    /// Hours a working engineer studies for certifications per month, to turn study hours into
    /// time on a route (default 40, about 10 hours a week).
    #[serde(default = "default_study_hours_per_month")]
    pub study_hours_per_month: f64,
    /// Requirement levels from this one up (default 2, "works with help") need hands-on work:
    /// a knowledge exam counts toward the fit but does not make a role `ready` for someone
    /// moving from a role (a newcomer's certificate is the proof employers ask for).
    #[serde(default = "default_hands_on_level")]
    #[schemars(range(min = 1, max = 5))]
    pub hands_on_level: u8,
    /// The highest level a knowledge exam (a certification without `"evidence": "hands-on"`) may
    /// evidence (default 3, "works independently"): `validate` reports one above it.
    #[serde(default = "default_knowledge_evidence_max")]
    #[schemars(range(min = 1, max = 5))]
    pub knowledge_evidence_max: u8,
    /// Share of the months a requirement met only by a knowledge exam still takes to practise
    /// (default 0.5).
    #[serde(default = "default_half")]
    #[schemars(range(min = 0, max = 1))]
    pub certified_practice_share: f64,
    /// Share of the months of optional (non-essential) gaps counted in the time to ready
    /// (default 0.5).
    #[serde(default = "default_half")]
    #[schemars(range(min = 0, max = 1))]
    pub optional_gap_share: f64,
    /// A role with no essential gap is `ready` only while its optional gaps (after
    /// `optional_gap_share`) take at most this many months (default 3).
    #[serde(default = "default_ready_months")]
    #[schemars(range(min = 0, max = 120))]
    pub ready_months: f64,
    /// Months an unmet transition condition adds when the transition does not say (`if_unmet`)
    /// (default 6).
    #[serde(default = "default_unmet_condition_months")]
    #[schemars(range(min = 0, max = 120))]
    pub unmet_condition_months: f64,
    /// Months a move itself takes once the person is ready for the role (applying, interviewing
    /// and giving notice, or waiting for the next internal transfer), 0 to 60 (default 6): the
    /// least a step of a route costs a person (see `paths`).
    #[serde(default = "default_min_move_months")]
    #[schemars(range(min = 0, max = 60))]
    pub min_move_months: f64,
    /// How recommendations are ranked: the value of a move and how reachable it is.
    #[serde(default)]
    pub ranking: RankingDef,
    /// Why a certificate is planned as proof for someone starting out or moving into one of
    /// its `families` from another, with its source; without it, no certificate is planned for
    /// that reason alone.
    #[serde(default)]
    pub proof_certificate: Option<ProofDef>,
    /// Why these numbers: a `sources` id.
    pub source: String,
}

fn default_study_hours_per_month() -> f64 {
    40.0
}
fn default_hands_on_level() -> u8 {
    2
}
fn default_knowledge_evidence_max() -> u8 {
    3
}
fn default_half() -> f64 {
    0.5
}
fn default_ready_months() -> f64 {
    3.0
}
fn default_unmet_condition_months() -> f64 {
    6.0
}
fn default_min_move_months() -> f64 {
    6.0
}

/// When a certificate is planned as proof of skills, and why.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProofDef {
    /// The families (fields) in which a certificate is the proof employers ask of people new to
    /// them (family ids; all families when empty).
    #[serde(default)]
    pub families: Vec<String>,
    /// The reason, in both languages.
    pub text: Text,
    /// Where it comes from: a `sources` id.
    pub source: String,
}

/// How recommendations are ranked (see rules/README.md#ranking):
/// `score` = reach × value / the largest value, where value adds up what the move is worth to
/// the person and reach is the fit discounted by the months to ready and by extra steps.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RankingDef {
    /// The value of a move by its kind of advice (before preferences, level, income …).
    pub advice_values: AdviceValuesDef,
    /// Value per matched preference, overriding `preference_bonus` for the preferences named
    /// (a life-stage wish such as work-life balance weighs more than an aptitude).
    #[schemars(schema_with = "crate::schema::weights")]
    pub preference_weights: std::collections::BTreeMap<String, f64>,
    /// Value per unit of relative income gain measured within one survey (the gain is capped
    /// at ±50 %).
    #[schemars(range(min = 0, max = 3))]
    pub income_gain: f64,
    /// Value of experience beyond a senior role's minimum (full at twice the minimum).
    #[schemars(range(min = 0, max = 3))]
    pub seasoning: f64,
    /// Seniority from which experience beyond the minimum adds value.
    #[schemars(range(min = 1, max = 5))]
    pub seasoned_seniority: u8,
    /// Value of a role the profile names in `goals`.
    #[schemars(range(min = 0, max = 5))]
    pub goal: f64,
    /// Months to ready at which the "how soon" half of a move's reach is halved.
    #[schemars(range(min = 1, max = 240))]
    pub reach_months: f64,
    /// A role below the person's level is a move worth making only for a preference weighing
    /// at least this much (a life-stage wish, such as work-life balance), not for an aptitude.
    #[schemars(range(min = 0, max = 3))]
    pub down_preference_min: f64,
    /// A role the profile is ready for with at least this fit counts as held: roles of lower
    /// seniority in its family are past the person's level.
    #[schemars(range(min = 0, max = 1))]
    pub qualified_fit: f64,
    /// For someone who works freelance or wants to (employment `freelance`, or the `freelance`
    /// preference): value a move gains when the role is commonly held in a way open to
    /// freelancers (a `work_styles` entry with `employment: freelance`, such as contract work).
    #[schemars(range(min = 0, max = 3))]
    pub work_style_match: f64,
    /// For the same person: value a move loses when the role is held in a way open only to
    /// employees (an `exclusive` work style, such as line management of staff).
    #[schemars(range(min = 0, max = 3))]
    pub work_style_mismatch: f64,
}

impl Default for RankingDef {
    fn default() -> Self {
        Self {
            advice_values: AdviceValuesDef::default(),
            preference_weights: std::collections::BTreeMap::new(),
            income_gain: 0.5,
            seasoning: 0.3,
            seasoned_seniority: 4,
            goal: 1.5,
            reach_months: 24.0,
            down_preference_min: 0.8,
            qualified_fit: 0.85,
            work_style_match: 0.3,
            work_style_mismatch: 0.3,
        }
    }
}

/// What kind of advice a recommendation is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    /// A role the profile names among its goals.
    Goal,
    /// The next step up in the same family.
    StepUp,
    /// A real specialisation (a transition declared `specialisation`).
    Specialise,
    /// A move to another family.
    ChangeTrack,
    /// A first job, for a profile without a current role.
    Entry,
    /// Same level, same family: nothing gained.
    Sideways,
    /// Below the person's level.
    PastLevel,
    /// The job the person already does, under another name.
    AlreadyYours,
}

impl Advice {
    /// Every kind, in the order of [`Advice::index`] (goal excluded: it adds to another kind).
    pub const VALUED: [Advice; 7] = [
        Advice::StepUp,
        Advice::Specialise,
        Advice::ChangeTrack,
        Advice::Entry,
        Advice::Sideways,
        Advice::PastLevel,
        Advice::AlreadyYours,
    ];

    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Advice::Goal => "goal",
            Advice::StepUp => "step-up",
            Advice::Specialise => "specialise",
            Advice::ChangeTrack => "change-track",
            Advice::Entry => "entry",
            Advice::Sideways => "sideways",
            Advice::PastLevel => "past-level",
            Advice::AlreadyYours => "already-yours",
        }
    }

    /// What it is called in English and in Japanese, as shown to people.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Advice::Goal => ("your goal", "目標"),
            Advice::StepUp => ("next step up", "ステップアップ"),
            Advice::Specialise => ("specialise", "専門を深める"),
            Advice::ChangeTrack => ("change track", "職種転換"),
            Advice::Entry => ("first job", "最初の職種"),
            Advice::Sideways => ("sideways", "横移動"),
            Advice::PastLevel => ("past your level", "経験より下"),
            Advice::AlreadyYours => ("you already do this", "今の仕事と同じ"),
        }
    }

    /// The position of a kind's value in the ranking's table (a goal is valued as the move it
    /// is, plus the goal's value; it shares the step-up slot).
    pub fn index(self) -> usize {
        match self {
            Advice::Goal | Advice::StepUp => 0,
            Advice::Specialise => 1,
            Advice::ChangeTrack => 2,
            Advice::Entry => 3,
            Advice::Sideways => 4,
            Advice::PastLevel => 5,
            Advice::AlreadyYours => 6,
        }
    }
}

/// The value of a move by its kind of advice.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct AdviceValuesDef {
    /// The next step up in the same family.
    #[schemars(range(min = 0, max = 3))]
    pub step_up: f64,
    /// A real specialisation.
    #[schemars(range(min = 0, max = 3))]
    pub specialise: f64,
    /// A move to another family.
    #[schemars(range(min = 0, max = 3))]
    pub change_track: f64,
    /// A first job (a profile without a current role).
    #[schemars(range(min = 0, max = 3))]
    pub entry: f64,
    /// Same level, same family, nothing gained.
    #[schemars(range(min = 0, max = 3))]
    pub sideways: f64,
    /// Below the person's level.
    #[schemars(range(min = 0, max = 3))]
    pub past_level: f64,
    /// The job the person already does, under another name.
    #[schemars(range(min = 0, max = 3))]
    pub already_yours: f64,
}

impl Default for AdviceValuesDef {
    fn default() -> Self {
        Self {
            step_up: 1.0,
            specialise: 0.9,
            change_track: 0.8,
            entry: 1.0,
            sideways: 0.4,
            past_level: 0.3,
            already_yours: 0.15,
        }
    }
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
    /// What passing shows: `knowledge` (a written exam: counts toward a fit, never as hands-on
    /// work) or `hands-on` (a performance-based exam, such as CKA's tasks or CCIE's lab).
    #[serde(default)]
    pub evidence: EvidenceKind,
    /// Experience the issuer asks of a candidate before the exam (PMP: years leading projects);
    /// a certification is planned only for a profile that has it.
    #[serde(default)]
    pub eligibility: Option<EligibilityDef>,
    /// Where the facts come from: a `sources` id.
    pub source: String,
}

/// Experience a certification's issuer asks of a candidate.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EligibilityDef {
    /// Minimum total years of IT work, 0 to 60.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub total_years: Option<f64>,
    /// Minimum years of leading people or projects, 0 to 60.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub management_years: Option<f64>,
    /// Where the requirement comes from.
    pub source: String,
}

/// What passing a certification shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A written exam: knowledge of the skills, not the experience of using them.
    #[default]
    Knowledge,
    /// A performance-based exam: the skills used on real systems under observation.
    HandsOn,
}

impl EvidenceKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Knowledge => "knowledge",
            EvidenceKind::HandsOn => "hands-on",
        }
    }
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
