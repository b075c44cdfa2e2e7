//! What changed in `gaps`.

use serde::Serialize;

use crate::planning::GapReport;
use crate::scoring::Readiness;

use super::vanished;

/// What changed in `gaps`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapChanges {
    /// Fit before.
    pub fit_before: f64,
    /// Fit after.
    pub fit_after: f64,
    /// Readiness before.
    pub readiness_before: Readiness,
    /// Readiness after.
    pub readiness_after: Readiness,
    /// Months to ready before.
    pub months_to_ready_before: f64,
    /// Months to ready after.
    pub months_to_ready_after: f64,
    /// Skill and experience gaps that vanish.
    pub gaps_closed: Vec<String>,
    /// Planned certifications no longer needed.
    pub certifications_dropped: Vec<String>,
    /// Cost in years of the quickest route before, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_cost_before: Option<f64>,
    /// Cost of the quickest route after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_cost_after: Option<f64>,
}

fn gap_ids(g: &GapReport) -> Vec<String> {
    g.skills
        .iter()
        .map(|s| s.id())
        .chain(g.experience.iter().map(|e| e.id().to_string()))
        .collect()
}

/// Compares two answers.
pub fn compare(before: &GapReport, after: &GapReport) -> GapChanges {
    let certs = |g: &GapReport| {
        g.certifications
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    GapChanges {
        fit_before: before.fit,
        fit_after: after.fit,
        readiness_before: before.readiness,
        readiness_after: after.readiness,
        months_to_ready_before: before.months_to_ready,
        months_to_ready_after: after.months_to_ready,
        gaps_closed: vanished(&gap_ids(before), &gap_ids(after)),
        certifications_dropped: vanished(&certs(before), &certs(after)),
        route_cost_before: before.route.as_ref().map(|r| r.cost),
        route_cost_after: after.route.as_ref().map(|r| r.cost),
    }
}
