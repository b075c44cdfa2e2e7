//! The career graph: roles as nodes, transitions as edges, in petgraph.
//!
//! Node `i` is role `i` and edge weights are transition indices, so results map straight back to
//! the knowledge base. Two searches run on it: the roles within a few steps of the current one
//! (for `recommend`) and the k cheapest loopless routes between two roles (for `paths`).

pub mod yen;

use std::sync::OnceLock;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{RoleIx, TransitionIx};
pub use yen::{Limits, Route};

/// Largest `k` accepted by route searches.
pub const MAX_K: usize = 20;
/// Largest number of steps a route may have.
pub const MAX_HOPS: usize = 8;

/// The career graph of a knowledge base.
#[derive(Debug, Clone)]
pub struct CareerGraph {
    graph: DiGraph<RoleIx, TransitionIx>,
    /// [`CareerGraph::reachable_within`] from each role in 1 and 2 steps, filled when first
    /// asked for (it does not depend on the profile, and `batch` asks once per profile).
    reach: Vec<[OnceLock<Vec<Reach>>; 2]>,
}

/// The best route found to a role: typical years, roles, transitions.
type Best = (f64, Vec<RoleIx>, Vec<TransitionIx>);

/// A role reachable from another, by its best route.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    /// The role reached.
    pub role: RoleIx,
    /// The transitions taken, in order.
    pub transitions: Vec<TransitionIx>,
    /// Sum of their typical years.
    pub typical_years: f64,
}

/// A route with its transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleRoute {
    /// Roles from start to goal.
    pub roles: Vec<RoleIx>,
    /// Transitions taken.
    pub transitions: Vec<TransitionIx>,
    /// Summed cost.
    pub cost: f64,
}

impl CareerGraph {
    /// Builds the graph of a knowledge base.
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut graph = DiGraph::with_capacity(kb.roles.len(), kb.transitions.len());
        for i in 0..kb.roles.len() {
            graph.add_node(RoleIx(i));
        }
        for (i, t) in kb.transitions.iter().enumerate() {
            graph.add_edge(
                NodeIndex::new(t.from.0),
                NodeIndex::new(t.to.0),
                TransitionIx(i),
            );
        }
        let reach = (0..kb.roles.len()).map(|_| Default::default()).collect();
        Self { graph, reach }
    }

    /// [`CareerGraph::reachable_within`], computed once per role for 1 and 2 steps and then
    /// shared; other step counts are computed each time.
    pub fn reachable_within_cached(
        &self,
        kb: &KnowledgeBase,
        from: RoleIx,
        max_steps: usize,
    ) -> std::borrow::Cow<'_, [Reach]> {
        let slot = max_steps
            .checked_sub(1)
            .and_then(|i| self.reach.get(from.0).and_then(|slots| slots.get(i)));
        match slot {
            Some(cell) => cell
                .get_or_init(|| self.reachable_within(kb, from, max_steps))
                .as_slice()
                .into(),
            None => self.reachable_within(kb, from, max_steps).into(),
        }
    }

    /// The underlying petgraph graph.
    pub fn graph(&self) -> &DiGraph<RoleIx, TransitionIx> {
        &self.graph
    }

    /// Every role reachable from `from` in 1..=`max_steps` steps (never `from` itself), each by
    /// its best route: fewest steps, then fewest typical years, then the smallest role sequence.
    /// Sorted by role.
    ///
    /// Breadth first, one layer per step, keeping one best route per role: a route with the
    /// fewest steps visits no role twice, and its best prefix is the best route to the role
    /// before, so the work is O(steps × transitions) whatever the graph's shape.
    pub fn reachable_within(
        &self,
        kb: &KnowledgeBase,
        from: RoleIx,
        max_steps: usize,
    ) -> Vec<Reach> {
        let n = kb.roles.len();
        // Best (typical years, roles, transitions) per role, set when the role is first reached.
        let mut best: Vec<Option<Best>> = vec![None; n];
        if let Some(slot) = best.get_mut(from.0) {
            *slot = Some((0.0, vec![from], Vec::new()));
        }
        let mut layer = vec![from];
        // Where a role sits in `next`, for this layer.
        let mut slot_in_next: Vec<Option<usize>> = vec![None; n];
        for _ in 0..max_steps {
            let mut next: Vec<(RoleIx, Best)> = Vec::new();
            for here in &layer {
                let Some(Some((years, roles, ts))) = best.get(here.0).cloned() else {
                    continue;
                };
                for e in self.graph.edges(NodeIndex::new(here.0)) {
                    let to = RoleIx(e.target().index());
                    if best.get(to.0).is_some_and(Option::is_some) {
                        continue;
                    }
                    let t = *e.weight();
                    let mut rs = roles.clone();
                    rs.push(to);
                    let mut tt = ts.clone();
                    tt.push(t);
                    let candidate = (years + kb.transition(t).typical_years, rs, tt);
                    let at = slot_in_next.get(to.0).copied().flatten();
                    match at.and_then(|k| next.get_mut(k)) {
                        Some((_, b)) => {
                            let better = (candidate.0, &candidate.1, &candidate.2)
                                .partial_cmp(&(b.0, &b.1, &b.2))
                                .is_some_and(std::cmp::Ordering::is_lt);
                            if better {
                                *b = candidate;
                            }
                        }
                        None => {
                            if let Some(k) = slot_in_next.get_mut(to.0) {
                                *k = Some(next.len());
                            }
                            next.push((to, candidate));
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            layer = next.iter().map(|(r, _)| *r).collect();
            for (r, b) in next {
                if let Some(k) = slot_in_next.get_mut(r.0) {
                    *k = None;
                }
                if let Some(slot) = best.get_mut(r.0) {
                    *slot = Some(b);
                }
            }
        }
        best.into_iter()
            .enumerate()
            .filter(|(i, _)| *i != from.0)
            .filter_map(|(i, b)| {
                b.map(|(typical_years, _, transitions)| Reach {
                    role: RoleIx(i),
                    transitions,
                    typical_years,
                })
            })
            .collect()
    }

    /// The k cheapest loopless routes from `from` to `to`, cheapest first; `cost` prices a step.
    pub fn routes(
        &self,
        from: RoleIx,
        to: RoleIx,
        limits: Limits,
        cost: impl Fn(TransitionIx) -> f64,
    ) -> Vec<RoleRoute> {
        let weight = |e: EdgeIndex| {
            self.graph
                .edge_weight(e)
                .map_or(f64::INFINITY, |t| cost(*t))
        };
        yen::k_shortest_paths(
            &self.graph,
            NodeIndex::new(from.0),
            NodeIndex::new(to.0),
            limits,
            weight,
        )
        .into_iter()
        .map(|r| RoleRoute {
            roles: r.nodes.iter().map(|n| RoleIx(n.index())).collect(),
            transitions: r
                .edges
                .iter()
                .filter_map(|e| self.graph.edge_weight(*e).copied())
                .collect(),
            cost: r.cost,
        })
        .collect()
    }
}
