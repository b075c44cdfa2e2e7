//! What changed in `recommend`.

use serde::Serialize;

use crate::recommend::{Recommendation, Recommendations};
use crate::scoring::Readiness;

use super::{gap_id, vanished};

/// How one role's recommendation changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleChange {
    /// Role id.
    pub role: String,
    /// Score before → after.
    pub score_before: f64,
    /// Score after.
    pub score_after: f64,
    /// Rank (1-based) before, if listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_before: Option<usize>,
    /// Rank after, if listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_after: Option<usize>,
    /// Readiness before.
    pub readiness_before: Readiness,
    /// Readiness after.
    pub readiness_after: Readiness,
    /// Gaps that vanish.
    pub gaps_closed: Vec<String>,
    /// Planned certifications no longer needed.
    pub certifications_dropped: Vec<String>,
}

/// What changed in `recommend`: every role whose score, rank, readiness or gaps changed, in the
/// order of the answer after the assumptions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecommendChanges {
    /// The roles that changed.
    pub roles: Vec<RoleChange>,
}

/// Compares two answers (without `--top` truncation differences: a role missing on one side is
/// compared by its score as 0 and no rank).
pub fn compare(before: &Recommendations, after: &Recommendations) -> RecommendChanges {
    let roles = after
        .recommendations
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let b = before
                .recommendations
                .iter()
                .enumerate()
                .find(|(_, r)| r.role == a.role)
                .map(|(n, r)| (n + 1, r));
            let gaps = |r: &Recommendation| r.gaps.iter().map(gap_id).collect::<Vec<_>>();
            let certs = |r: &Recommendation| {
                r.certifications
                    .iter()
                    .map(|c| c.id.clone())
                    .collect::<Vec<_>>()
            };
            let change = RoleChange {
                role: a.role.clone(),
                score_before: b.map_or(0.0, |(_, r)| r.score),
                score_after: a.score,
                rank_before: b.map(|(n, _)| n),
                rank_after: Some(i + 1),
                readiness_before: b.map_or(Readiness::LongTerm, |(_, r)| r.readiness),
                readiness_after: a.readiness,
                gaps_closed: b
                    .map(|(_, r)| vanished(&gaps(r), &gaps(a)))
                    .unwrap_or_default(),
                certifications_dropped: b
                    .map(|(_, r)| vanished(&certs(r), &certs(a)))
                    .unwrap_or_default(),
            };
            let same = change.score_before == change.score_after
                && change.rank_before == change.rank_after
                && change.readiness_before == change.readiness_after
                && change.gaps_closed.is_empty()
                && change.certifications_dropped.is_empty();
            (!same).then_some(change)
        })
        .collect();
    RecommendChanges { roles }
}
