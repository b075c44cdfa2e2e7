//! What-if: the same question answered before and after hypothetical facts (`--assume`), and
//! what changed.
//!
//! The answer after the assumptions keeps its usual shape (scripts read it as usual); the
//! `what_if` part adds the assumptions, the answer before them, and the changes.

pub mod gaps;
pub mod paths;
pub mod recommend;

pub use gaps::GapChanges;
pub use paths::{PathsChanges, RouteChange};
pub use recommend::{RecommendChanges, RoleChange};

use serde::Serialize;

use crate::planning::gaps::Gap;

/// An answer after the assumptions, with the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared<T, C> {
    /// The answer with the assumptions.
    #[serde(flatten)]
    pub after: T,
    /// The comparison.
    pub what_if: WhatIf<T, C>,
}

/// The assumptions, the answer without them, and the changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf<T, C> {
    /// The assumptions as written.
    pub assumptions: Vec<String>,
    /// What changed.
    pub changes: C,
    /// The answer without the assumptions.
    pub before: T,
}

/// A gap's label: the skill id, or the phase id, `total` or `management` for experience.
pub(crate) fn gap_id(g: &Gap) -> String {
    match g {
        Gap::Skill(s) => s.id(),
        Gap::Experience(e) => e.id().to_string(),
    }
}

/// The ids in `before` that are not in `after`.
pub(crate) fn vanished(before: &[String], after: &[String]) -> Vec<String> {
    before
        .iter()
        .filter(|b| !after.contains(b))
        .cloned()
        .collect()
}
