//! Ranking the candidate roles of a profile without explaining them: shared by
//! [`recommend`](super::recommend) (which then explains the roles kept) and
//! [`brief`](super::brief) (which does not).
//!
//! The candidates are the roles reachable within `max_steps` from the current role's job (the
//! role itself and the roles the sources class under the same job: a network engineer's moves
//! include an infra engineer's), or the entry roles for a profile without a current role, plus
//! every goal reachable at all. Each is assessed by the [advice model](super::advice).

use std::borrow::Cow;

use super::Options;
use super::advice::{self, Assessment, Candidate, Standing};
use crate::graph::{CareerGraph, MAX_HOPS};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::profile::{Facts, Profile};
use crate::scoring::{FiredRules, RoleFit, score_role};

/// A candidate role, scored but not explained.
#[derive(Debug, Clone)]
pub struct Ranked<'a> {
    /// The role.
    pub role: RoleIx,
    /// The transitions on the way (none for an entry role); borrowed from the graph's cache.
    pub transitions: Cow<'a, [TransitionIx]>,
    /// Roles passed on the way: the entry role first for a newcomer's goal, then the roles
    /// between (a move starting from another classification of the current job does not pass
    /// through it: that job is already the person's).
    pub via: Vec<RoleIx>,
    /// Typical years the move takes.
    pub typical_years: f64,
    /// The fit, with every term.
    pub fit: RoleFit,
    /// What the move is for the person.
    pub assessment: Assessment,
}

/// A candidate found in the graph.
struct Found<'g> {
    role: RoleIx,
    transitions: Cow<'g, [TransitionIx]>,
    via: Vec<RoleIx>,
    typical_years: f64,
    /// Whether the route starts from the current role itself (preferred on ties).
    from_current: bool,
}

impl Found<'_> {
    fn better_than(&self, other: &Found) -> bool {
        (
            self.transitions.len(),
            !self.from_current,
            self.typical_years,
        )
            .partial_cmp(&(
                other.transitions.len(),
                !other.from_current,
                other.typical_years,
            ))
            .is_some_and(std::cmp::Ordering::is_lt)
    }
}

/// Keeps the better of two routes to one role.
fn keep<'g>(best: &mut [Option<Found<'g>>], found: Found<'g>) {
    if let Some(slot) = best.get_mut(found.role.0) {
        match slot {
            Some(old) if !found.better_than(old) => {}
            _ => *slot = Some(found),
        }
    }
}

/// The roles between a route's start and its end.
fn between(kb: &KnowledgeBase, transitions: &[TransitionIx]) -> Vec<RoleIx> {
    transitions
        .iter()
        .take(transitions.len().saturating_sub(1))
        .map(|t| kb.transition(*t).to)
        .collect()
}

/// Every candidate: reachable within the options' steps from the current job (or the entry
/// roles), and every reachable goal.
fn candidates<'g>(
    kb: &KnowledgeBase,
    graph: &'g CareerGraph,
    profile: &Profile,
    standing: &Standing,
    opts: Options,
) -> Vec<Found<'g>> {
    let mut best: Vec<Option<Found<'g>>> = (0..kb.roles.len()).map(|_| None).collect();
    match profile.current_role {
        Some(current) => {
            for start in &standing.job {
                let from_current = *start == current;
                let found = |r: &crate::graph::Reach, transitions| Found {
                    role: r.role,
                    via: between(kb, &r.transitions),
                    transitions,
                    typical_years: r.typical_years,
                    from_current,
                };
                match graph.reachable_within_cached(kb, *start, opts.max_steps) {
                    Cow::Borrowed(reach) => {
                        for r in reach.iter().filter(|r| r.role != current) {
                            keep(&mut best, found(r, Cow::Borrowed(r.transitions.as_slice())));
                        }
                    }
                    Cow::Owned(reach) => {
                        for r in reach.iter().filter(|r| r.role != current) {
                            keep(&mut best, found(r, Cow::Owned(r.transitions.clone())));
                        }
                    }
                }
            }
            for goal in &profile.goals {
                if *goal == current || best.get(goal.0).is_some_and(Option::is_some) {
                    continue;
                }
                for start in &standing.job {
                    let reach = graph.reachable_within(kb, *start, MAX_HOPS);
                    if let Some(r) = reach.into_iter().find(|r| r.role == *goal) {
                        let found = Found {
                            role: r.role,
                            via: between(kb, &r.transitions),
                            transitions: Cow::Owned(r.transitions),
                            typical_years: r.typical_years,
                            from_current: *start == current,
                        };
                        keep(&mut best, found);
                    }
                }
            }
        }
        None => {
            for (i, r) in kb.roles.iter().enumerate() {
                if r.entry {
                    keep(
                        &mut best,
                        Found {
                            role: RoleIx(i),
                            transitions: Cow::Borrowed(&[][..]),
                            via: Vec::new(),
                            typical_years: 0.0,
                            from_current: true,
                        },
                    );
                }
            }
            for goal in &profile.goals {
                if best.get(goal.0).is_some_and(Option::is_some) {
                    continue;
                }
                for entry in (0..kb.roles.len())
                    .map(RoleIx)
                    .filter(|r| kb.role(*r).entry)
                {
                    let reach = graph.reachable_within(kb, entry, MAX_HOPS);
                    if let Some(r) = reach.into_iter().find(|r| r.role == *goal) {
                        let mut via = vec![entry];
                        via.extend(between(kb, &r.transitions));
                        let found = Found {
                            role: r.role,
                            transitions: Cow::Owned(r.transitions),
                            via,
                            typical_years: r.typical_years,
                            from_current: false,
                        };
                        keep(&mut best, found);
                    }
                }
            }
        }
    }
    best.into_iter().flatten().collect()
}

/// The transitions of the route `recommend` takes to a role: the fewest steps from the current
/// job (or an entry role), from the current role itself rather than another role of its job,
/// then the fewest typical years.
/// Empty for an entry role of a newcomer; `None` when the graph does not reach the role.
pub fn route_to(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    profile: &Profile,
    standing: &Standing,
    target: RoleIx,
) -> Option<Vec<TransitionIx>> {
    let mut best: Vec<Option<Found>> = (0..kb.roles.len()).map(|_| None).collect();
    let starts: Vec<(RoleIx, bool)> = match profile.current_role {
        Some(current) => standing.job.iter().map(|s| (*s, *s == current)).collect(),
        None => {
            if kb.role(target).entry {
                return Some(Vec::new());
            }
            (0..kb.roles.len())
                .map(RoleIx)
                .filter(|r| kb.role(*r).entry)
                .map(|r| (r, false))
                .collect()
        }
    };
    for (start, from_current) in starts {
        if let Some(r) = graph
            .reachable_within(kb, start, MAX_HOPS)
            .into_iter()
            .find(|r| r.role == target)
        {
            keep(
                &mut best,
                Found {
                    role: r.role,
                    transitions: Cow::Owned(r.transitions),
                    via: Vec::new(),
                    typical_years: r.typical_years,
                    from_current,
                },
            );
        }
    }
    best.into_iter()
        .flatten()
        .next()
        .map(|f| f.transitions.into_owned())
}

/// The candidate roles, assessed and sorted best first (goals, then moves worth making, then
/// the rest; by score, then fewer steps, then id), cut to `opts.top`; nothing is explained.
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
    .map(|(found, assessment, fit)| Ranked {
        role: found.role,
        transitions: found.transitions,
        via: found.via,
        typical_years: found.typical_years,
        fit,
        assessment,
    })
    .collect()
}

/// A candidate kept by [`rank_then`]: its route, its assessment and what `finish` gave.
pub(crate) type Kept<'g, T> = (Route<'g>, Assessment, T);

/// A candidate's route.
pub(crate) struct Route<'g> {
    /// The role.
    pub role: RoleIx,
    /// The transitions on the way.
    pub transitions: Cow<'g, [TransitionIx]>,
    /// Roles passed on the way.
    pub via: Vec<RoleIx>,
    /// Typical years.
    pub typical_years: f64,
}

/// [`rank`], with `finish` run for each role kept.
pub(crate) fn rank_then<'g, T>(
    kb: &KnowledgeBase,
    graph: &'g CareerGraph,
    profile: &Profile,
    facts: &Facts,
    fired: &FiredRules,
    opts: Options,
    mut finish: impl FnMut(RoleIx) -> T,
) -> Vec<Kept<'g, T>> {
    let mut standing = Standing::new(kb, facts, fired, &profile.goals);
    let mut scored: Vec<(Found<'g>, Assessment)> = candidates(kb, graph, profile, &standing, opts)
        .into_iter()
        .map(|found| {
            let m = standing.measure(found.role);
            let assessment = advice::assess(
                kb,
                facts,
                &mut standing,
                Candidate {
                    role: found.role,
                    transitions: &found.transitions,
                    fit: m.fit,
                    readiness: (m.readiness, m.months),
                },
            );
            (found, assessment)
        })
        .collect();
    scored.sort_by(|(fa, a), (fb, b)| {
        advice::order(
            kb,
            (a, fa.transitions.len(), fa.role),
            (b, fb.transitions.len(), fb.role),
        )
    });
    if let Some(top) = opts.top {
        scored.truncate(top);
    }
    scored
        .into_iter()
        .map(|(found, assessment)| {
            let t = finish(found.role);
            (
                Route {
                    role: found.role,
                    transitions: found.transitions,
                    via: found.via,
                    typical_years: found.typical_years,
                },
                assessment,
                t,
            )
        })
        .collect()
}
