//! Compiled effects of rules.

use crate::knowledge::format::Text;
use crate::knowledge::model::{CertIx, RoleIx};

/// What a rule does when it applies, with ids resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Add `by` to the fit of each role.
    Adjust {
        /// Roles.
        roles: Vec<RoleIx>,
        /// Amount, -1 to 1.
        by: f64,
    },
    /// A note for the roles, or a general note when `roles` is empty.
    Note {
        /// Roles; empty for general.
        roles: Vec<RoleIx>,
        /// The note.
        text: Text,
    },
    /// A certification to take, for the roles or in general.
    RecommendCertification {
        /// Roles; empty for general.
        roles: Vec<RoleIx>,
        /// The certification.
        cert: CertIx,
    },
}

impl Effect {
    /// Whether the effect concerns `role` (general effects concern no role in particular).
    pub fn targets(&self, role: RoleIx) -> bool {
        match self {
            Effect::Adjust { roles, .. }
            | Effect::Note { roles, .. }
            | Effect::RecommendCertification { roles, .. } => roles.contains(&role),
        }
    }

    /// Whether the effect is general (not tied to roles).
    pub fn is_general(&self) -> bool {
        match self {
            Effect::Adjust { .. } => false,
            Effect::Note { roles, .. } | Effect::RecommendCertification { roles, .. } => {
                roles.is_empty()
            }
        }
    }
}
