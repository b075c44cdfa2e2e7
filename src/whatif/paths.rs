//! What changed in `paths`.

use serde::Serialize;

use crate::planning::routes::PathsReport;

/// How one route's cost changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteChange {
    /// The route's roles.
    pub roles: Vec<String>,
    /// Cost in years before (the same route priced without the assumptions).
    pub cost_before: f64,
    /// Cost after.
    pub cost_after: f64,
    /// Rank (1-based) before, if among the routes listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_before: Option<usize>,
    /// Rank after.
    pub rank_after: usize,
}

/// What changed in `paths`: every route listed after the assumptions, with its cost before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathsChanges {
    /// The routes, in the order after the assumptions.
    pub routes: Vec<RouteChange>,
}

/// Compares two answers; `price_before` prices a route (by its roles) without the assumptions.
pub fn compare(
    before: &PathsReport,
    after: &PathsReport,
    price_before: impl Fn(&[String]) -> Option<f64>,
) -> PathsChanges {
    let routes = after
        .paths
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let b = before
                .paths
                .iter()
                .enumerate()
                .find(|(_, b)| b.roles == a.roles);
            RouteChange {
                roles: a.roles.clone(),
                cost_before: b
                    .map(|(_, b)| b.cost)
                    .or_else(|| price_before(&a.roles))
                    .unwrap_or(a.cost),
                cost_after: a.cost,
                rank_before: b.map(|(n, _)| n + 1),
                rank_after: i + 1,
            }
        })
        .collect();
    PathsChanges { routes }
}
