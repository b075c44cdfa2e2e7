//! Ranking the candidate roles of a profile without explaining them: shared by
//! [`recommend`](super::recommend) (which then explains the roles kept) and
//! [`brief`](super::brief) (which does not).

use std::borrow::Cow;

use ordered_float::OrderedFloat;

use super::{Options, score_of};
use crate::graph::CareerGraph;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::profile::{Facts, Profile};
use crate::scoring::{self, FiredRules, RoleFit, score_role};

/// A candidate role, scored but not explained.
#[derive(Debug, Clone)]
pub struct Ranked<'a> {
    /// The role.
    pub role: RoleIx,
    /// The transitions on the way (none for an entry role); borrowed from the graph's cache.
    pub transitions: Cow<'a, [TransitionIx]>,
    /// Typical years the move takes.
    pub typical_years: f64,
    /// The fit, with every term.
    pub fit: RoleFit,
    /// The ranking score.
    pub score: f64,
}

impl Ranked<'_> {
    /// (role, transitions, typical years, fit, score).
    pub(super) fn into_parts(self) -> (RoleIx, Vec<TransitionIx>, f64, RoleFit, f64) {
        (
            self.role,
            self.transitions.into_owned(),
            self.typical_years,
            self.fit,
            self.score,
        )
    }
}

/// The candidate roles (reachable within `opts.max_steps`, or the entry roles), scored and
/// sorted best first (score, then fewer steps, then id), cut to `opts.top`; nothing is explained.
pub fn rank<'g>(
    kb: &KnowledgeBase,
    graph: &'g CareerGraph,
    profile: &Profile,
    facts: &Facts,
    fired: &FiredRules,
    opts: Options,
) -> Vec<Ranked<'g>> {
    rank_then(kb, graph, profile, facts, fired, opts, |role| {
        score_role(kb, facts, fired, role)
    })
    .into_iter()
    .map(|(role, transitions, typical_years, score, fit)| Ranked {
        role,
        transitions,
        typical_years,
        fit,
        score,
    })
    .collect()
}

/// [`rank`], with `finish` run for each role kept (role, transitions, typical years, score, and
/// what `finish` gave).
#[allow(clippy::type_complexity, reason = "a private step of rank")]
pub(crate) fn rank_then<'g, T>(
    kb: &KnowledgeBase,
    graph: &'g CareerGraph,
    profile: &Profile,
    facts: &Facts,
    fired: &FiredRules,
    opts: Options,
    mut finish: impl FnMut(RoleIx) -> T,
) -> Vec<(RoleIx, Cow<'g, [TransitionIx]>, f64, f64, T)> {
    let candidates: Vec<(RoleIx, Cow<'g, [TransitionIx]>, f64)> = match profile.current_role {
        Some(from) => match graph.reachable_within_cached(kb, from, opts.max_steps) {
            Cow::Borrowed(reach) => reach
                .iter()
                .map(|r| {
                    (
                        r.role,
                        Cow::Borrowed(r.transitions.as_slice()),
                        r.typical_years,
                    )
                })
                .collect(),
            Cow::Owned(reach) => reach
                .into_iter()
                .map(|r| (r.role, Cow::Owned(r.transitions), r.typical_years))
                .collect(),
        },
        None => (kb.roles.iter().enumerate())
            .filter(|(_, r)| r.entry)
            .map(|(i, _)| (RoleIx(i), Cow::Borrowed(&[][..]), 0.0))
            .collect(),
    };
    // Rank on the fit alone; the terms of the fit are built only for the roles kept.
    let mut scored: Vec<(RoleIx, Cow<'g, [TransitionIx]>, f64, f64)> = candidates
        .into_iter()
        .map(|(role, transitions, typical_years)| {
            let fit = scoring::fit_only(kb, facts, fired, role);
            let score = score_of(kb, facts, fit, role, &transitions);
            (role, transitions, typical_years, score)
        })
        .collect();
    scored.sort_by(|a, b| {
        OrderedFloat(b.3)
            .cmp(&OrderedFloat(a.3))
            .then(a.1.len().cmp(&b.1.len()))
            .then_with(|| kb.role(a.0).id.cmp(&kb.role(b.0).id))
    });
    if let Some(top) = opts.top {
        scored.truncate(top);
    }
    scored
        .into_iter()
        .map(|(role, transitions, typical_years, score)| {
            (role, transitions, typical_years, score, finish(role))
        })
        .collect()
}
