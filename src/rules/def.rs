//! The rule language as a rule author writes it: conditions over a profile and effects on roles.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::knowledge::format::{Employment, Text};

/// A condition over a profile, written as a JSON object with exactly one key.
///
/// Leaves test one fact of the profile; `all`, `any` and `not` combine them. Numbers compare with
/// "at least"; use `not` for "less than".
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ConditionDef {
    /// Every condition holds (true when empty).
    All(Vec<ConditionDef>),
    /// At least one condition holds (false when empty).
    Any(Vec<ConditionDef>),
    /// The condition does not hold.
    Not(Box<ConditionDef>),
    /// The profile's level in a skill (counting certifications as evidence) is at least `level`.
    SkillAtLeast {
        /// Skill id.
        skill: String,
        /// Level 1–5.
        #[schemars(range(min = 1, max = 5))]
        level: u8,
    },
    /// The years spent in the listed phases, added up, are at least `years`.
    PhaseYearsAtLeast {
        /// Phase ids.
        phases: Vec<String>,
        /// Years, 0 to 60.
        #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
        years: f64,
    },
    /// Total years of IT work are at least this.
    TotalYearsAtLeast(#[schemars(range(min = 0, max = crate::profile::MAX_YEARS))] f64),
    /// Years of management are at least this.
    ManagementYearsAtLeast(#[schemars(range(min = 0, max = crate::profile::MAX_YEARS))] f64),
    /// The largest team led has at least this many people.
    TeamSizeAtLeast(u32),
    /// The profile holds this certification (or one that requires it).
    HasCertification(String),
    /// The profile's current role is one of these.
    CurrentRoleIn(Vec<String>),
    /// The profile's current role belongs to one of these families.
    CurrentFamilyIn(Vec<String>),
    /// The profile lists this preference.
    Preference(String),
    /// The profile's workplace is one of these.
    WorkplaceIn(Vec<String>),
    /// The profile's employment is this.
    Employment(Employment),
    /// The profile's age is at least this.
    AgeAtLeast(#[schemars(range(min = 0, max = 120))] f64),
}

/// What a rule does when its condition holds.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EffectDef {
    /// Raise (positive `by`) or lower (negative `by`) the fit of the listed roles.
    Adjust {
        /// Role ids.
        roles: Vec<String>,
        /// Amount added to the fit, between -1 and 1.
        #[schemars(range(min = -1, max = 1))]
        by: f64,
    },
    /// Add a note; to the listed roles, or to the whole result when `roles` is empty.
    Note {
        /// Role ids; empty for a general note.
        #[serde(default)]
        roles: Vec<String>,
        /// The note.
        text: Text,
    },
    /// Recommend a certification; for the listed roles, or in general when `roles` is empty.
    RecommendCertification {
        /// Role ids; empty for general advice.
        #[serde(default)]
        roles: Vec<String>,
        /// Certification id.
        certification: String,
    },
}
