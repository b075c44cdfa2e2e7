//! Readiness: whether a role is within reach now, within about a year, or further.

use serde::Serialize;

use super::{ExperienceTerm, SkillTerm};

/// How soon a profile can take a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    /// No essential gap.
    Ready,
    /// Essential gaps closable within the knowledge base's stretch threshold (about a year).
    Stretch,
    /// Further away.
    LongTerm,
}

impl Readiness {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Readiness::Ready => "ready",
            Readiness::Stretch => "stretch",
            Readiness::LongTerm => "long-term",
        }
    }
}

/// Months to close gaps: skills are learnt one after another (their months add up) while
/// experience accrues at the same time (the largest shortfall counts), so the time is the larger
/// of the two.
fn months<'a>(
    skills: impl Iterator<Item = &'a SkillTerm>,
    experience: impl Iterator<Item = &'a ExperienceTerm>,
) -> f64 {
    let learning: f64 = skills.filter(|t| t.is_gap()).map(|t| t.months).sum();
    let waiting = experience
        .filter(|t| t.is_gap())
        .map(|t| (t.need - t.have) * 12.0)
        .fold(0.0, f64::max);
    learning.max(waiting)
}

/// Readiness, months to close the essential gaps (skills marked essential and every experience
/// requirement), and months to close all gaps.
pub fn assess(
    skills: &[SkillTerm],
    experience: &[ExperienceTerm],
    stretch_months: f64,
) -> (Readiness, f64, f64) {
    let essential_gap =
        skills.iter().any(|t| t.essential && t.is_gap()) || experience.iter().any(|t| t.is_gap());
    let to_ready = months(skills.iter().filter(|t| t.essential), experience.iter());
    let all = months(skills.iter(), experience.iter());
    let readiness = if !essential_gap {
        Readiness::Ready
    } else if to_ready <= stretch_months {
        Readiness::Stretch
    } else {
        Readiness::LongTerm
    };
    (readiness, to_ready, all)
}
