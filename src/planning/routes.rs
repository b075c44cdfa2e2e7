//! Routes between roles: the k best loopless paths through the career graph, each step with the
//! gaps to close, the certifications to take, the time it likely takes and the income change.
//!
//! Without a profile a step costs the transition's typical years. With one it costs what it
//! takes this person (see [`pricing`]): the time to become ready for the role reached (closing its
//! gaps, waiting for experience), then the move itself, plus what an unmet condition of the move
//! adds, following the person along the route; so a ready person pays less than the typical
//! years, and the same two roles can give different routes for different people.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use ordered_float::OrderedFloat;
use serde::Serialize;

use crate::Error;
use crate::graph::{CareerGraph, Limits, MAX_HOPS, MAX_K, RoleRoute};
use crate::income::{EstimatedChange, IncomeChange, Incomes};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::profile::Profile;
use crate::recommend::combined_kind;
use crate::rules::Trace;
use crate::scoring::Readiness;

use super::bottlenecks::{self, Bottleneck};
use super::certs::{self, CertAdvice};
use super::gaps::{self, SkillGap};
use super::pricing::{self, Bound, Priced, StepPrice, UnmetCost};

/// Default number of routes.
pub const DEFAULT_K: usize = 3;

/// Most candidate routes each of the two orderings of the priced search yields before it stops
/// (the k best of those priced are returned). Above the number of routes within [`MAX_HOPS`]
/// between any two roles of the shipped knowledge base (a test checks it), so that there the
/// search is exact even when it cannot stop early.
pub const MAX_CANDIDATES: usize = 2048;

/// One step of a route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    /// Role id moved from.
    pub from: String,
    /// Role id moved to.
    pub to: String,
    /// `advancement`, `lateral` or `career-change`.
    pub kind: String,
    /// Typical years of the move (the typical person's time, shown beside `cost`).
    pub typical_years: f64,
    /// What the step costs, in years: its typical years without a profile, else the person's
    /// time (see `learning_months` … `unmet`).
    pub cost: f64,
    /// What the sources say about the move.
    pub note: Text,
    /// Where the move comes from.
    pub source: String,
    /// The conditions the sources attach, evaluated for the profile (or unevaluated without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Trace>,
    /// Fit to the role reached, with a profile (measured on arrival, after earlier steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit: Option<f64>,
    /// Readiness for the role reached, with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness: Option<Readiness>,
    /// Essential skill gaps to close on this step, with a profile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<SkillGap>,
    /// Certifications to take on this step (the cheapest plan for its essential gaps), with a
    /// profile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<CertAdvice>,
    /// Months learning the skills first needed on this step that no planned certification
    /// evidences, with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learning_months: Option<f64>,
    /// Months for the step's certifications (study hours, or the levels they evidence where no
    /// source gives hours), with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certification_months: Option<f64>,
    /// Months practising levels first needed hands-on on this step that only a knowledge exam
    /// shows, with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub practice_months: Option<f64>,
    /// Months for the optional requirements of the role reached, at `optional_gap_share`, with
    /// a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optional_months: Option<f64>,
    /// Months waiting for experience beyond the step's learning, certifications, practice and
    /// optional skills, with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_months: Option<f64>,
    /// Months of the move itself once ready (`min_move_months`), with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_months: Option<f64>,
    /// Months of this step's learning, certifications, practice and optional skills done ahead,
    /// while waiting for experience on the steps before, with a profile (not part of the
    /// step's time; absent when nothing was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ahead_months: Option<f64>,
    /// What the move's conditions take when they do not hold on setting out (what to do first,
    /// the months it adds to the step, its source), with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unmet: Option<UnmetCost>,
    /// Headline incomes of the role reached.
    pub income: Incomes,
    /// Change in headline incomes on this step (only between figures of one source).
    pub income_change: IncomeChange,
    /// The step's income change estimated for the profile (the `income` model), with a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_income_change: Option<EstimatedChange>,
}

/// One route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathView {
    /// Role ids from start to goal; no role twice.
    pub roles: Vec<String>,
    /// Total cost in years (the ranking key).
    pub cost: f64,
    /// Total cost in months.
    pub months: f64,
    /// Sum of the transitions' typical years (the typical person's time).
    pub typical_years: f64,
    /// The kind of the whole move.
    pub kind: String,
    /// The steps.
    pub steps: Vec<StepView>,
    /// Change in headline incomes from start to goal (only between figures of one source).
    pub income_change: IncomeChange,
    /// The route's income change estimated for the profile (the `income` model), with a
    /// profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_income_change: Option<EstimatedChange>,
}

/// The result of `paths`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathsReport {
    /// Start role id.
    pub from: String,
    /// Goal role id; none when listing where one can go.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Routes asked for (with a goal).
    pub k: usize,
    /// Most steps a route may have.
    pub max_steps: usize,
    /// Whether costs include a profile's gaps.
    pub with_profile: bool,
    /// Routes, cheapest first (without a goal: the best route to each role within reach).
    pub paths: Vec<PathView>,
    /// Skills and certifications on several of the routes, most routes first (with a goal).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bottlenecks: Vec<Bottleneck>,
}

/// The k best routes from one role to another, cheapest first.
pub fn paths(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    from: RoleIx,
    to: RoleIx,
    k: usize,
    profile: Option<&Profile>,
) -> Result<PathsReport, Error> {
    if !(1..=MAX_K).contains(&k) {
        return Err(Error::Invalid(format!(
            "-k {k} is out of range: expected 1 to {MAX_K} (the closest valid value is {})",
            k.clamp(1, MAX_K)
        )));
    }
    if from == to {
        return Err(Error::Invalid(format!(
            "--from and --to are the same role (`{}`): name two different roles",
            kb.role(from).id
        )));
    }
    let found = search(kb, graph, from, to, k, MAX_HOPS, profile);
    let paths: Vec<PathView> = found
        .into_iter()
        .map(|(r, priced)| view(kb, profile, &r, priced.as_ref()))
        .collect();
    Ok(PathsReport {
        from: kb.role(from).id.clone(),
        to: Some(kb.role(to).id.clone()),
        k,
        max_steps: MAX_HOPS,
        with_profile: profile.is_some(),
        bottlenecks: bottlenecks::find(kb, &paths, profile.is_some()),
        paths,
    })
}

/// Where one can go from a role within `max_steps` steps: for each role reached, the route with
/// the fewest steps (then typical years), priced for the profile when there is one; cheapest
/// first. Linear in the transitions, whatever the graph.
pub fn destinations(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    from: RoleIx,
    max_steps: usize,
    profile: Option<&Profile>,
) -> Result<PathsReport, Error> {
    if !(1..=MAX_HOPS).contains(&max_steps) {
        return Err(Error::Invalid(format!(
            "--steps {max_steps} is out of range: expected 1 to {MAX_HOPS} (the closest valid \
             value is {})",
            max_steps.clamp(1, MAX_HOPS)
        )));
    }
    // One route per role: the fewest steps, then the fewest typical years, priced for the
    // profile (a cheaper but longer route to the same role is for `paths --to`).
    let mut paths: Vec<PathView> = graph
        .reachable_within(kb, from, max_steps)
        .into_iter()
        .map(|reach| {
            let roles: Vec<RoleIx> = std::iter::once(from)
                .chain(reach.transitions.iter().map(|t| kb.transition(*t).to))
                .collect();
            let route = RoleRoute {
                roles,
                cost: reach.typical_years,
                transitions: reach.transitions,
            };
            let priced = profile.map(|p| pricing::price(kb, p, &route.transitions));
            view(kb, profile, &route, priced.as_ref())
        })
        .collect();
    paths.sort_by(|a, b| {
        OrderedFloat(a.cost)
            .cmp(&OrderedFloat(b.cost))
            .then_with(|| a.roles.cmp(&b.roles))
    });
    Ok(PathsReport {
        from: kb.role(from).id.clone(),
        to: None,
        k: 1,
        max_steps,
        with_profile: profile.is_some(),
        paths,
        bottlenecks: Vec::new(),
    })
}

/// The single cheapest route, if any.
pub fn best(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    from: RoleIx,
    to: RoleIx,
    profile: Option<&Profile>,
) -> Option<PathView> {
    paths(kb, graph, from, to, 1, profile)
        .ok()
        .and_then(|p| p.paths.into_iter().next())
}

/// The cost for a profile of the route through these roles (by id), taking the first transition
/// between each pair; `None` when a role or move is unknown.
pub fn price_roles(kb: &KnowledgeBase, roles: &[String], profile: &Profile) -> Option<f64> {
    let ixs: Option<Vec<RoleIx>> = roles.iter().map(|r| kb.find_role(r)).collect();
    let transitions: Option<Vec<TransitionIx>> = ixs?
        .windows(2)
        .map(|w| match w {
            [a, b] => kb.outgoing(*a).find(|(_, t)| t.to == *b).map(|(i, _)| i),
            _ => None,
        })
        .collect();
    Some(pricing::price(kb, profile, &transitions?).cost)
}

/// The k cheapest routes. Without a profile, Yen's search over typical years is exact. With one,
/// prices depend on the route so far. Candidates come from two of Yen's searches: over each
/// step's least cost for the person ([`Bound::step_months`]: the move itself and an unmet
/// condition on facts no route changes), and over typical years. They are priced, and the search
/// widens until no route left out of both can beat the k-th best: its price is at least the
/// [`Bound::route_months`] of the first search's last candidate, and its typical years (the
/// tie-break) at least the second's. That is exact; it stops early when the k-th best is cheaper
/// than the bound, or as cheap but with fewer typical years (many routes tie where waiting for
/// experience decides), and at [`MAX_CANDIDATES`] routes per search. A candidate whose own bound
/// ([`Bound::route`]) is above the k-th best price so far is not priced. Routes come back with
/// their typical years as `cost`.
fn search(
    kb: &KnowledgeBase,
    graph: &CareerGraph,
    from: RoleIx,
    to: RoleIx,
    k: usize,
    max_hops: usize,
    profile: Option<&Profile>,
) -> Vec<(RoleRoute, Option<Priced>)> {
    let typical = |t: TransitionIx| kb.transition(t).typical_years;
    let Some(profile) = profile else {
        return graph
            .routes(from, to, Limits { k, max_hops }, typical)
            .into_iter()
            .map(|r| (r, None))
            .collect();
    };
    let least = Bound::new(kb, profile, to);
    let mut want = k;
    // Each widening asks again for the routes seen before; price each route once.
    let mut prices: HashMap<Vec<TransitionIx>, Priced> = HashMap::new();
    loop {
        let limits = Limits { k: want, max_hops };
        let by_least = graph.routes(from, to, limits, |t| least.step_months(t));
        let by_typical = graph.routes(from, to, limits, typical);
        let exhausted = by_least.len() < want || by_typical.len() < want;
        let cost_bound = by_least.last().map_or(f64::INFINITY, |r| {
            pricing::years(least.route_months(r.cost))
        });
        let typical_bound = by_typical.last().map_or(f64::INFINITY, |r| r.cost);
        let mut seen = HashSet::new();
        let mut priced: Vec<(RoleRoute, Priced)> = Vec::new();
        // The k best prices so far, cheapest first: a route whose bound is above the k-th cannot
        // be among the k best, and is not priced.
        let mut best: Vec<OrderedFloat<f64>> = Vec::with_capacity(k + 1);
        for mut r in by_least.into_iter().chain(by_typical) {
            if !seen.insert(r.transitions.clone()) {
                continue;
            }
            let p = match prices.get(&r.transitions) {
                Some(p) => p.clone(),
                None => {
                    let kth = best.get(k - 1).map(|c| c.0);
                    if kth.is_some_and(|c| c < pricing::years(least.route(kb, &r.transitions))) {
                        continue;
                    }
                    let p = pricing::price(kb, profile, &r.transitions);
                    prices.insert(r.transitions.clone(), p.clone());
                    p
                }
            };
            let at = best.partition_point(|c| c.0 <= p.cost);
            best.insert(at, OrderedFloat(p.cost));
            best.truncate(k);
            r.cost = typical_years(kb, &r.transitions);
            priced.push((r, p));
        }
        priced.sort_by(|(ra, pa), (rb, pb)| by_price(ra, pa, rb, pb));
        // A route left out costs at least `cost_bound` and, on a tie, has at least
        // `typical_bound` typical years.
        let settled = priced.get(k - 1).is_some_and(|(r, p)| {
            p.cost < cost_bound || (p.cost <= cost_bound && r.cost < typical_bound)
        });
        if exhausted || settled || want >= MAX_CANDIDATES {
            return priced
                .into_iter()
                .take(k)
                .map(|(r, p)| (r, Some(p)))
                .collect();
        }
        want = (want * 2).min(MAX_CANDIDATES);
    }
}

/// The transitions' typical years, added up in route order (as the search adds them).
fn typical_years(kb: &KnowledgeBase, transitions: &[TransitionIx]) -> f64 {
    transitions
        .iter()
        .fold(0.0, |sum, t| sum + kb.transition(*t).typical_years)
}

/// Cheaper first, then fewer typical years (routes carry them as `cost`), then the role sequence.
fn by_price(ra: &RoleRoute, pa: &Priced, rb: &RoleRoute, pb: &Priced) -> Ordering {
    OrderedFloat(pa.cost)
        .cmp(&OrderedFloat(pb.cost))
        .then(OrderedFloat(ra.cost).cmp(&OrderedFloat(rb.cost)))
        .then_with(|| ra.roles.cmp(&rb.roles))
        .then_with(|| ra.transitions.cmp(&rb.transitions))
}

fn view(
    kb: &KnowledgeBase,
    profile: Option<&Profile>,
    route: &RoleRoute,
    priced: Option<&Priced>,
) -> PathView {
    let steps: Vec<StepView> = route
        .transitions
        .iter()
        .enumerate()
        .map(|(i, t)| step_view(kb, profile, *t, priced.and_then(|p| p.steps.get(i))))
        .collect();
    let income_change = match (route.roles.first(), route.roles.last()) {
        (Some(a), Some(b)) => IncomeChange::between(&Incomes::of(kb, *a), &Incomes::of(kb, *b)),
        _ => IncomeChange::default(),
    };
    let typical_years = route.cost;
    let cost = priced.map_or(typical_years, |p| p.cost);
    let estimated_income_change = match (profile, route.roles.first(), route.roles.last()) {
        (Some(p), Some(a), Some(b)) => Some(crate::income::change(kb, p, *a, *b)),
        _ => None,
    };
    PathView {
        roles: route.roles.iter().map(|r| kb.role(*r).id.clone()).collect(),
        cost,
        months: cost * 12.0,
        typical_years,
        kind: combined_kind(kb, &route.transitions).as_str().to_string(),
        steps,
        income_change,
        estimated_income_change,
    }
}

fn step_view(
    kb: &KnowledgeBase,
    profile: Option<&Profile>,
    t: TransitionIx,
    price: Option<&StepPrice>,
) -> StepView {
    let tr = kb.transition(t);
    let income = Incomes::of(kb, tr.to);
    StepView {
        from: kb.role(tr.from).id.clone(),
        to: kb.role(tr.to).id.clone(),
        kind: tr.kind.as_str().to_string(),
        typical_years: tr.typical_years,
        cost: price.map_or(tr.typical_years, |p| p.cost),
        note: tr.note.clone(),
        source: tr.source.clone(),
        conditions: match (&tr.conditions, price) {
            (Some(c), Some(p)) => Some(c.trace(&p.facts, kb)),
            _ => None,
        },
        fit: price.map(|p| p.fit.fit),
        readiness: price.map(|p| p.fit.readiness),
        gaps: price
            .map(|p| {
                gaps::split(kb, &p.fit)
                    .0
                    .into_iter()
                    .filter(|g| g.essential)
                    .collect()
            })
            .unwrap_or_default(),
        certifications: price
            .map(|p| {
                p.certs
                    .iter()
                    .map(|c| certs::describe(kb, &p.facts, &p.fit, *c))
                    .collect()
            })
            .unwrap_or_default(),
        learning_months: price.map(|p| p.learning_months),
        certification_months: price.map(|p| p.certification_months),
        practice_months: price.map(|p| p.practice_months),
        optional_months: price.map(|p| p.optional_months),
        waiting_months: price.map(|p| p.waiting_months),
        move_months: price.map(|p| p.move_months),
        ahead_months: price.map(|p| p.ahead_months).filter(|m| *m > 0.0),
        unmet: price.and_then(|p| p.unmet.clone()),
        income_change: IncomeChange::between(&Incomes::of(kb, tr.from), &income),
        estimated_income_change: profile.map(|p| crate::income::change(kb, p, tr.from, tr.to)),
        income,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    /// Every loopless route of at most `hops` steps, by depth-first search.
    fn all_routes(kb: &KnowledgeBase, from: RoleIx, to: RoleIx, hops: usize) -> Vec<RoleRoute> {
        fn walk(
            kb: &KnowledgeBase,
            to: RoleIx,
            hops: usize,
            roles: &mut Vec<RoleIx>,
            ts: &mut Vec<TransitionIx>,
            out: &mut Vec<RoleRoute>,
        ) {
            let Some(&here) = roles.last() else { return };
            if here == to {
                out.push(RoleRoute {
                    roles: roles.clone(),
                    transitions: ts.clone(),
                    cost: ts.iter().map(|t| kb.transition(*t).typical_years).sum(),
                });
                return;
            }
            if ts.len() == hops {
                return;
            }
            let next: Vec<(TransitionIx, RoleIx)> =
                kb.outgoing(here).map(|(i, t)| (i, t.to)).collect();
            for (t, r) in next {
                if roles.contains(&r) {
                    continue;
                }
                roles.push(r);
                ts.push(t);
                walk(kb, to, hops, roles, ts, out);
                roles.pop();
                ts.pop();
            }
        }
        let mut out = Vec::new();
        walk(kb, to, hops, &mut vec![from], &mut Vec::new(), &mut out);
        out
    }

    /// The search against pricing every route: personal times below the typical years, unmet
    /// conditions (a workplace, management), long waits for experience, and, for the last pair,
    /// over two hundred routes, so that the search stops on its bounds before seeing them all.
    #[test]
    fn priced_search_equals_brute_force() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let profiles = [
            r#"{"current_role": "infra-engineer", "years_experience": 1, "skills": {"linux": 2}}"#,
            r#"{"current_role": "infra-engineer", "years_experience": 6, "workplace": "ses",
                "phases": {"operations": 3, "build": 2, "basic-design": 1},
                "skills": {"linux": 4, "tcp-ip": 3, "aws": 3, "ci-cd": 2, "python": 2},
                "certifications": ["ccna"]}"#,
            r#"{"skills": {"java": 3, "sql": 3, "software-design": 2}, "years_experience": 3}"#,
            // Ready for nearly everything: the moves themselves decide.
            r#"{"current_role": "infra-engineer", "years_experience": 12,
                "workplace": "in-house-product", "management": {"years": 4, "team_size": 6},
                "phases": {"operations": 4, "build": 3, "basic-design": 3, "requirements": 3,
                           "detailed-design": 2},
                "skills": {"linux": 4, "tcp-ip": 4, "aws": 4, "ci-cd": 3, "python": 3,
                           "monitoring": 4, "kubernetes": 3, "network-design": 3,
                           "security": 3, "communication": 4,
                           "team-leadership": 3, "project-management": 3, "documentation": 3}}"#,
        ];
        let pairs = [
            ("infra-engineer", "sre", 4),
            ("infra-engineer", "it-architect", 4),
            ("infra-engineer", "it-consultant", 4),
            ("infra-engineer", "project-manager", 4),
            ("programmer", "it-consultant", 4),
            ("programmer", "it-consultant", 6),
        ];
        for json in profiles {
            let p = e.profile_from_str("t.json", json).unwrap();
            for (a, b, hops) in pairs {
                let (from, to) = (kb.find_role(a).unwrap(), kb.find_role(b).unwrap());
                let mut all: Vec<(RoleRoute, Priced)> = all_routes(kb, from, to, hops)
                    .into_iter()
                    .map(|r| {
                        let pr = pricing::price(kb, &p, &r.transitions);
                        (r, pr)
                    })
                    .collect();
                all.sort_by(|(ra, pa), (rb, pb)| by_price(ra, pa, rb, pb));
                for k in [1, 3, 6] {
                    let got: Vec<(Vec<RoleIx>, f64)> =
                        search(kb, e.graph(), from, to, k, hops, Some(&p))
                            .into_iter()
                            .map(|(r, pr)| (r.roles, pr.map_or(f64::NAN, |x| x.cost)))
                            .collect();
                    let want: Vec<(Vec<RoleIx>, f64)> = all
                        .iter()
                        .take(k)
                        .map(|(r, pr)| (r.roles.clone(), pr.cost))
                        .collect();
                    assert_eq!(got, want, "{a} → {b}, k = {k}, {hops} hops, profile {json}");
                }
            }
        }
    }

    #[test]
    fn routes_are_loopless_sorted_and_distinct() {
        let e = Engine::builtin().unwrap();
        let p = e
            .profile_from_str("t.json", r#"{"skills": {"linux": 3, "tcp-ip": 2}}"#)
            .unwrap();
        for profile in [None, Some(&p)] {
            let r = e
                .paths("infra-engineer", "project-manager", 8, profile)
                .unwrap();
            assert!(!r.paths.is_empty());
            for w in r.paths.windows(2) {
                assert!(w[0].cost <= w[1].cost);
                assert_ne!(w[0].roles, w[1].roles);
            }
            for path in &r.paths {
                let mut roles = path.roles.clone();
                roles.sort();
                roles.dedup();
                assert_eq!(
                    roles.len(),
                    path.roles.len(),
                    "a role twice: {:?}",
                    path.roles
                );
                let steps: f64 = path.steps.iter().map(|s| s.cost).sum();
                assert!((steps - path.cost).abs() < 1e-9);
                // Without a profile the typical years; with one, at least the moves themselves.
                let least = match profile {
                    None => path.typical_years,
                    Some(_) => {
                        path.steps.len() as f64 * e.knowledge().scoring.min_move_months / 12.0
                    }
                };
                assert!(path.cost >= least - 1e-9);
            }
        }
    }

    /// Where the search cannot stop early (long routes are nearly as quick for someone who has
    /// much to learn anyway), it stays exact by pricing every route.
    #[test]
    fn the_search_is_exact_at_the_full_hop_bound() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"current_role": "programmer", "years_experience": 1, "skills": {"java": 2}}"#,
            )
            .unwrap();
        for (a, b) in [
            ("programmer", "it-consultant"),
            ("server-engineer", "engineering-manager"),
        ] {
            let (from, to) = (kb.find_role(a).unwrap(), kb.find_role(b).unwrap());
            let mut all: Vec<(RoleRoute, Priced)> = all_routes(kb, from, to, MAX_HOPS)
                .into_iter()
                .map(|r| {
                    let pr = pricing::price(kb, &p, &r.transitions);
                    (r, pr)
                })
                .collect();
            all.sort_by(|(ra, pa), (rb, pb)| by_price(ra, pa, rb, pb));
            let got: Vec<(Vec<RoleIx>, f64)> =
                search(kb, e.graph(), from, to, 3, MAX_HOPS, Some(&p))
                    .into_iter()
                    .map(|(r, pr)| (r.roles, pr.map_or(f64::NAN, |x| x.cost)))
                    .collect();
            let want: Vec<(Vec<RoleIx>, f64)> = all
                .iter()
                .take(3)
                .map(|(r, pr)| (r.roles.clone(), pr.cost))
                .collect();
            assert_eq!(got, want, "{a} → {b}");
        }
    }

    #[test]
    fn max_candidates_covers_every_route_of_the_shipped_knowledge_base() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let roles = || (0..kb.roles.len()).map(RoleIx);
        let most = roles()
            .flat_map(|a| roles().filter(move |b| *b != a).map(move |b| (a, b)))
            .map(|(a, b)| all_routes(kb, a, b, MAX_HOPS).len())
            .max()
            .unwrap_or(0);
        assert!(most < MAX_CANDIDATES, "{most} routes between two roles");
    }

    #[test]
    fn destinations_list_each_reachable_role_once() {
        let e = Engine::builtin().unwrap();
        let r = e.destinations("infra-engineer", 1, None).unwrap();
        let kb = e.knowledge();
        let from = kb.find_role("infra-engineer").unwrap();
        assert_eq!(r.paths.len(), kb.outgoing(from).count());
        assert!(r.paths.iter().all(|p| p.steps.len() == 1));
        assert!(e.destinations("infra-engineer", 0, None).is_err());
        assert!(e.destinations("infra-engineer", 9, None).is_err());
    }
}
