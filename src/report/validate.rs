//! Rendering of `validate`.

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::knowledge::KnowledgeBase;

/// What a knowledge base holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Roles.
    pub roles: usize,
    /// Skills.
    pub skills: usize,
    /// Certifications.
    pub certifications: usize,
    /// Transitions.
    pub transitions: usize,
    /// Rules of thumb.
    pub rules: usize,
    /// Income figures.
    pub incomes: usize,
}

impl Counts {
    /// Counts a knowledge base.
    pub fn of(kb: &KnowledgeBase) -> Self {
        Self {
            roles: kb.roles.len(),
            skills: kb.skills.len(),
            certifications: kb.certifications.len(),
            transitions: kb.transitions.len(),
            rules: kb.rules.len(),
            incomes: kb.roles.iter().map(|r| r.incomes.len()).sum(),
        }
    }
}

/// The result of `validate`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// What was checked.
    pub origin: String,
    /// Number of files.
    pub files: usize,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Whether the check passed.
    pub ok: bool,
    /// What the knowledge base holds, when it compiled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The one-paragraph summary (diagnostics go to standard error).
pub fn text(s: &Summary) -> String {
    let mut out = format!(
        "{}: {} files, {} errors, {} warnings\n",
        s.origin, s.files, s.errors, s.warnings
    );
    if let Some(c) = s.counts {
        out.push_str(&format!(
            "{} roles, {} skills, {} certifications, {} transitions, {} rules of thumb, {} income figures\n",
            c.roles, c.skills, c.certifications, c.transitions, c.rules, c.incomes
        ));
    }
    out.push_str(if s.ok { "ok\n" } else { "FAILED\n" });
    out
}
