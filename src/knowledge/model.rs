//! The compiled knowledge base: ids resolved to indices, everything sorted by id.
//!
//! Indices are positions in the [`super::KnowledgeBase`]'s vectors; because every vector is
//! sorted by id, indices (and so every result) are independent of file and entry order.

use serde::Serialize;

use super::format::{
    AgeBand, Employment, EvidenceKind, IncomePeriod, SourceKind, Text, TransitionKind,
};
use crate::rules::{Condition, Effect};

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub usize);
    };
}

index_type!(
    /// Index of a skill.
    SkillIx
);
index_type!(
    /// Index of a role.
    RoleIx
);
index_type!(
    /// Index of a skill family (a set of skills a requirement may accept any of).
    SkillFamilyIx
);
index_type!(
    /// Index of a work style (how a role is commonly held).
    WorkStyleIx
);
index_type!(
    /// Index of a certification.
    CertIx
);
index_type!(
    /// Index of a work phase.
    PhaseIx
);
index_type!(
    /// Index of a preference tag.
    PrefIx
);
index_type!(
    /// Index of a workplace kind.
    WorkplaceIx
);
index_type!(
    /// Index of a role family.
    FamilyIx
);
index_type!(
    /// Index of a transition.
    TransitionIx
);
index_type!(
    /// Index of a rule.
    RuleIx
);

/// An entry of the source registry: a publication facts cite by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Stable id (what `source` fields hold).
    pub id: String,
    /// The title as published.
    pub title: String,
    /// Who publishes it.
    pub publisher: String,
    /// Where a reader can open it.
    pub url: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// What it is cited for, how it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why no stronger source is cited (a third-party page the best found).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_available: Option<String>,
}

impl Source {
    /// The year it was published (the first four characters of its date).
    pub fn year(&self) -> &str {
        self.date.get(..4).unwrap_or(&self.date)
    }

    /// Whether the address is a web address a reader can open (`https://`, `http://`), not a
    /// path in the repository.
    pub fn is_web(&self) -> bool {
        self.url.starts_with("https://") || self.url.starts_with("http://")
    }
}

/// A skill.
#[derive(Debug, Clone)]
pub struct Skill {
    /// Stable id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Category.
    pub category: String,
    /// Other ids accepted for it.
    pub aliases: Vec<String>,
    /// Source.
    pub source: String,
}

/// A skill family: skills the market counts alike for a requirement.
#[derive(Debug, Clone)]
pub struct SkillFamily {
    /// Stable id.
    pub id: String,
    /// Names (what any member is: "a server-side language").
    pub name: Text,
    /// The members, in authored order (the first is suggested when the profile has none).
    pub members: Vec<SkillIx>,
    /// Source.
    pub source: String,
}

/// A way a role is commonly held (as an employee, on contract, managing staff).
#[derive(Debug, Clone)]
pub struct WorkStyle {
    /// Stable id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Longer explanation.
    pub description: Option<Text>,
    /// The employment it is open to.
    pub employment: Employment,
    /// Open to that employment only.
    pub exclusive: bool,
    /// The preference that asks for it.
    pub preference: Option<PrefIx>,
    /// Source.
    pub source: String,
}

/// A way a role is commonly held, with its source.
#[derive(Debug, Clone)]
pub struct RoleWorkStyle {
    /// The work style.
    pub style: WorkStyleIx,
    /// Source.
    pub source: String,
}

/// A work phase (工程).
#[derive(Debug, Clone)]
pub struct Phase {
    /// Stable id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Whether it is upstream work.
    pub upstream: bool,
    /// Source.
    pub source: String,
}

/// An entry of a small vocabulary (preference, workplace, family).
#[derive(Debug, Clone)]
pub struct Vocab {
    /// Stable id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Longer explanation.
    pub description: Option<Text>,
    /// Source.
    pub source: String,
}

/// A role.
#[derive(Debug, Clone)]
pub struct Role {
    /// Stable id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Other ids accepted for it.
    pub aliases: Vec<String>,
    /// Family.
    pub family: FamilyIx,
    /// Seniority 1–5.
    pub seniority: u8,
    /// Offered to profiles without a current role.
    pub entry: bool,
    /// A destination with no move out on purpose.
    pub terminal: bool,
    /// The job this role is a classification of (the same job, named by its work).
    pub classification_of: Option<RoleIx>,
    /// What the role does.
    pub summary: Text,
    /// Skill requirements, sorted by skill id.
    pub requirements: Vec<Requirement>,
    /// Experience requirements.
    pub experience: Experience,
    /// Certifications that help, sorted by id.
    pub certifications: Vec<HelpfulCertification>,
    /// Income figures, in authored order (the first unconditional one per employment is the headline).
    pub incomes: Vec<Income>,
    /// Preferences the role suits.
    pub aptitudes: Vec<PrefIx>,
    /// How the role is commonly held, sorted by work style.
    pub work_styles: Vec<RoleWorkStyle>,
    /// Source.
    pub source: String,
}

/// What a family requirement measures: the `rank`-th best member of a skill family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnyOf {
    /// The family.
    pub family: SkillFamilyIx,
    /// 1 for the best member, 2 for the second best …
    pub rank: u8,
}

/// A skill requirement.
#[derive(Debug, Clone)]
pub struct Requirement {
    /// Skill; for a family requirement (`any_of`), its first member (the one suggested when the
    /// profile has none): the member that counts depends on the profile, see
    /// [`KnowledgeBase::counted`](super::KnowledgeBase::counted).
    pub skill: SkillIx,
    /// For a family requirement: which member of which family is measured.
    pub any_of: Option<AnyOf>,
    /// Minimum level 1–5.
    pub level: u8,
    /// Weight as authored.
    pub weight: f64,
    /// Whether a gap blocks `ready`.
    pub essential: bool,
    /// Source.
    pub source: String,
}

/// Experience requirements; all fields empty when the role sets none.
#[derive(Debug, Clone, Default)]
pub struct Experience {
    /// Minimum total years.
    pub total_years: Option<f64>,
    /// Minimum years per phase, sorted by phase.
    pub phases: Vec<(PhaseIx, f64)>,
    /// Minimum management years.
    pub management_years: Option<f64>,
    /// Source (empty when no requirement is set).
    pub source: String,
}

impl Experience {
    /// Whether the role sets any experience requirement.
    pub fn is_empty(&self) -> bool {
        self.total_years.is_none() && self.phases.is_empty() && self.management_years.is_none()
    }
}

/// A certification that helps for a role.
#[derive(Debug, Clone)]
pub struct HelpfulCertification {
    /// Certification.
    pub cert: CertIx,
    /// Source.
    pub source: String,
}

/// An income figure, in 万円.
#[derive(Debug, Clone, Serialize)]
pub struct Income {
    /// Employee or freelance.
    pub employment: Employment,
    /// Per year or per month.
    pub period: IncomePeriod,
    /// Average.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Low end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// High end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Age band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeBand>,
    /// When it applies.
    #[serde(skip)]
    pub condition: Option<Condition>,
    /// The survey (an id of the knowledge base's `surveys`).
    pub survey: String,
    /// What the figure is.
    pub basis: Text,
    /// Source.
    pub source: String,
}

impl Income {
    /// The figure as one number a year: the average, else the middle of the range, monthly
    /// figures times 12 (as the sources convert them).
    pub fn yearly_point(&self) -> Option<f64> {
        let point = match (self.average, self.min, self.max) {
            (Some(a), _, _) => a,
            (None, Some(lo), Some(hi)) => (lo + hi) / 2.0,
            (None, Some(v), None) | (None, None, Some(v)) => v,
            (None, None, None) => return None,
        };
        Some(match self.period {
            IncomePeriod::Year => point,
            IncomePeriod::Month => point * 12.0,
        })
    }

    /// Whether this is a headline figure: no condition and no age band.
    pub fn is_headline_candidate(&self) -> bool {
        self.condition.is_none() && self.age.is_none()
    }
}

/// A certification.
#[derive(Debug, Clone)]
pub struct Certification {
    /// Stable id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Other ids accepted for it.
    pub aliases: Vec<String>,
    /// Issuer.
    pub issuer: String,
    /// Tier name.
    pub tier: String,
    /// ITSS level.
    pub itss_level: Option<u8>,
    /// Skill levels it evidences, sorted by skill.
    pub evidences: Vec<(SkillIx, u8)>,
    /// Formal prerequisites, sorted.
    pub prerequisites: Vec<CertIx>,
    /// Usually taken after these, sorted.
    pub recommended_after: Vec<CertIx>,
    /// Study hours (min, max).
    pub study_hours: Option<(f64, f64)>,
    /// Knowledge (a written exam) or hands-on (a performance-based exam).
    pub evidence: EvidenceKind,
    /// Experience asked of a candidate: (total years, management years).
    pub eligibility: Option<(Option<f64>, Option<f64>)>,
    /// Source.
    pub source: String,
}

impl Certification {
    /// The level of a skill it evidences (0 if none).
    pub fn level_of(&self, skill: SkillIx) -> u8 {
        self.evidences
            .iter()
            .find(|(s, _)| *s == skill)
            .map_or(0, |(_, l)| *l)
    }

    /// Typical study hours as one number (the middle of the range).
    pub fn hours(&self) -> Option<f64> {
        self.study_hours.map(|(lo, hi)| (lo + hi) / 2.0)
    }
}

/// A transition (edge of the career graph).
#[derive(Debug, Clone)]
pub struct Transition {
    /// From role.
    pub from: RoleIx,
    /// To role.
    pub to: RoleIx,
    /// Kind (declared or derived).
    pub kind: TransitionKind,
    /// Whether `kind` was written by the author (else derived).
    pub kind_declared: bool,
    /// Typical years.
    pub typical_years: f64,
    /// Conditions the sources attach.
    pub conditions: Option<Condition>,
    /// What it takes when the conditions do not hold.
    pub if_unmet: Option<Unmet>,
    /// What the sources say.
    pub note: Text,
    /// Source.
    pub source: String,
}

/// What a move takes when the conditions the sources attach to it do not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmet {
    /// Months it adds.
    pub months: f64,
    /// What to do first.
    pub advice: Text,
    /// Source.
    pub source: String,
}

/// A rule of thumb.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// What it says.
    pub description: Text,
    /// When it applies.
    pub when: Condition,
    /// What it does.
    pub effects: Vec<Effect>,
    /// Source.
    pub source: String,
}

/// Scoring parameters (see `rules/README.md`).
#[derive(Debug, Clone)]
pub struct Scoring {
    /// Share of the skill term.
    pub skill_weight: f64,
    /// Share of the experience term.
    pub experience_weight: f64,
    /// Factor on essential requirements' weights.
    pub essential_multiplier: f64,
    /// Bonus per matching preference.
    pub preference_bonus: f64,
    /// Cap on the preference bonus.
    pub preference_bonus_max: f64,
    /// Bonus when a transition's conditions are met.
    pub transition_condition_bonus: f64,
    /// Bonus for advancement moves.
    pub advancement_bonus: f64,
    /// Penalty for roles two steps away.
    pub two_step_penalty: f64,
    /// Months from level i-1 to i, index 0 for level 1.
    pub months_per_level: [f64; 5],
    /// Stretch threshold in months.
    pub stretch_months: f64,
    /// Certification study hours per month (turns a certification plan into time).
    pub study_hours_per_month: f64,
    /// Requirement levels from this one up need hands-on work for readiness.
    pub hands_on_level: u8,
    /// The highest level a knowledge exam may evidence.
    pub knowledge_evidence_max: u8,
    /// Share of the months a requirement met only by a knowledge exam still takes.
    pub certified_practice_share: f64,
    /// Share of optional gaps' months counted in the time to ready.
    pub optional_gap_share: f64,
    /// Optional months (after the share) a `ready` role may still take.
    pub ready_months: f64,
    /// Months an unmet transition condition adds by default.
    pub unmet_condition_months: f64,
    /// Months a move itself takes once the person is ready (the least a step of a route costs).
    pub min_move_months: f64,
    /// How recommendations are ranked.
    pub ranking: Ranking,
    /// When a certificate is planned as proof for someone new to a field; none without it.
    pub proof_certificate: Option<Proof>,
    /// Why these numbers.
    pub source: String,
}

/// When a certificate is planned as proof of skills, and why.
#[derive(Debug, Clone)]
pub struct Proof {
    /// The families in which it applies (all when empty).
    pub families: Vec<FamilyIx>,
    /// Why.
    pub text: Text,
    /// Source.
    pub source: String,
}

/// The ranking parameters (see `rules/README.md#ranking`).
#[derive(Debug, Clone)]
pub struct Ranking {
    /// Value per kind of advice, indexed by [`Advice::index`](super::format::Advice::index).
    pub advice_values: [f64; 7],
    /// Value per preference (the default, or the override), indexed by preference.
    pub preference_weights: Vec<f64>,
    /// Value per unit of relative income gain.
    pub income_gain: f64,
    /// Value of experience beyond a senior role's minimum.
    pub seasoning: f64,
    /// Seniority from which seasoning counts.
    pub seasoned_seniority: u8,
    /// Value of a stated goal.
    pub goal: f64,
    /// Months to ready at which the "how soon" half of reach is halved.
    pub reach_months: f64,
    /// Weight a preference needs to make a move below the person worth making.
    pub down_preference_min: f64,
    /// Fit from which a ready role counts as held.
    pub qualified_fit: f64,
    /// Value of a role held in a way open to freelancers, for someone who works or wants to
    /// work freelance.
    pub work_style_match: f64,
    /// Value lost, for the same person, to a role held in a way open only to employees.
    pub work_style_mismatch: f64,
}

impl Scoring {
    /// Months to raise a skill from `have` to `need`.
    pub fn months_between(&self, have: u8, need: u8) -> f64 {
        (have.saturating_add(1)..=need.min(5))
            .filter_map(|level| self.months_per_level.get(usize::from(level) - 1))
            .sum()
    }
}
