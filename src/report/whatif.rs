//! Text rendering of what-if answers: what changed, then the answer with the assumptions.

use std::fmt::Write;

use super::{months, score};
use crate::planning::GapReport;
use crate::planning::routes::PathsReport;
use crate::recommend::Recommendations;
use crate::rules::fmt_num;
use crate::whatif::{Compared, GapChanges, PathsChanges, RecommendChanges, WhatIf};

fn header<T, C>(w: &WhatIf<T, C>) -> String {
    format!("What if: {}\n", w.assumptions.join(", "))
}

fn arrow<T: PartialEq + std::fmt::Display>(before: T, after: T) -> String {
    if before == after {
        format!("{after} (unchanged)")
    } else {
        format!("{before} → {after}")
    }
}

/// The changes, then the answer with the assumptions.
fn then<T, C>(mut out: String, c: &Compared<T, C>, text: impl Fn(&T) -> String) -> String {
    out.push_str("\nWith the assumptions:\n\n");
    out.push_str(&text(&c.after));
    out
}

/// `recommend --assume`.
pub fn recommend(c: &Compared<Recommendations, RecommendChanges>) -> String {
    let mut out = header(&c.what_if);
    let roles = &c.what_if.changes.roles;
    if roles.is_empty() {
        out.push_str("Nothing changes: no score, rank, readiness or gap moves.\n");
    }
    for r in roles {
        let rank = |n: Option<usize>| n.map_or("–".to_string(), |n| format!("#{n}"));
        let _ = writeln!(
            out,
            "  - {}: score {}, rank {}, {}",
            r.role,
            arrow(score(r.score_before), score(r.score_after)),
            arrow(rank(r.rank_before), rank(r.rank_after)),
            arrow(r.readiness_before.as_str(), r.readiness_after.as_str()),
        );
        if !r.gaps_closed.is_empty() {
            let _ = writeln!(out, "      gaps closed: {}", r.gaps_closed.join(", "));
        }
        if !r.certifications_dropped.is_empty() {
            let _ = writeln!(
                out,
                "      certifications no longer needed: {}",
                r.certifications_dropped.join(", ")
            );
        }
    }
    then(out, c, super::recommend::text)
}

/// `gaps --assume`.
pub fn gaps(c: &Compared<GapReport, GapChanges>) -> String {
    let mut out = header(&c.what_if);
    let g = &c.what_if.changes;
    let _ = writeln!(
        out,
        "  fit {}, {}, to ready {}",
        arrow(score(g.fit_before), score(g.fit_after)),
        arrow(g.readiness_before.as_str(), g.readiness_after.as_str()),
        arrow(
            months(g.months_to_ready_before),
            months(g.months_to_ready_after)
        ),
    );
    if !g.gaps_closed.is_empty() {
        let _ = writeln!(out, "  gaps closed: {}", g.gaps_closed.join(", "));
    }
    if !g.certifications_dropped.is_empty() {
        let _ = writeln!(
            out,
            "  certifications no longer needed: {}",
            g.certifications_dropped.join(", ")
        );
    }
    if let (Some(b), Some(a)) = (g.route_cost_before, g.route_cost_after) {
        let _ = writeln!(
            out,
            "  quickest route: {} years",
            arrow(fmt_num(b), fmt_num(a))
        );
    }
    then(out, c, super::gaps::text)
}

/// `paths --assume`.
pub fn paths(c: &Compared<PathsReport, PathsChanges>) -> String {
    let mut out = header(&c.what_if);
    for r in &c.what_if.changes.routes {
        let rank = r
            .rank_before
            .map_or("new in the list".to_string(), |n| format!("was #{n}"));
        let _ = writeln!(
            out,
            "  #{} {}: {} years ({rank})",
            r.rank_after,
            r.roles.join(" → "),
            arrow(fmt_num(r.cost_before), fmt_num(r.cost_after)),
        );
    }
    then(out, c, super::paths::text)
}
