//! The career graph: roles as nodes, transitions as edges, in petgraph.
//!
//! Node `i` is role `i` and edge weights are transition indices, so results map straight back to
//! the knowledge base. Two searches run on it: the roles within a few steps of the current one
//! (for `recommend`) and the k cheapest loopless routes between two roles (for `paths`).

pub mod yen;

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
}

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
        Self { graph }
    }

    /// The underlying petgraph graph.
    pub fn graph(&self) -> &DiGraph<RoleIx, TransitionIx> {
        &self.graph
    }

    /// Every role reachable from `from` in 1..=`max_steps` steps (never `from` itself), each by
    /// its best route: fewest steps, then fewest typical years, then the smallest role sequence.
    /// Sorted by role.
    pub fn reachable_within(
        &self,
        kb: &KnowledgeBase,
        from: RoleIx,
        max_steps: usize,
    ) -> Vec<Reach> {
        let mut best: Vec<Option<(Vec<RoleIx>, Reach)>> = vec![None; kb.roles.len()];
        let mut frontier: Vec<(Vec<RoleIx>, Vec<TransitionIx>, f64)> =
            vec![(vec![from], Vec::new(), 0.0)];
        for _ in 0..max_steps {
            let mut next = Vec::new();
            for (roles, transitions, years) in &frontier {
                let Some(&here) = roles.last() else { continue };
                for e in self.graph.edges(NodeIndex::new(here.0)) {
                    let to = RoleIx(e.target().index());
                    if roles.contains(&to) {
                        continue;
                    }
                    let t = *e.weight();
                    let mut rs = roles.clone();
                    rs.push(to);
                    let mut ts = transitions.clone();
                    ts.push(t);
                    let y = years + kb.transition(t).typical_years;
                    let better = match best.get(to.0).and_then(Option::as_ref) {
                        None => true,
                        Some((brs, b)) => (ts.len(), y, &rs)
                            .partial_cmp(&(b.transitions.len(), b.typical_years, brs))
                            .is_some_and(std::cmp::Ordering::is_lt),
                    };
                    if better && let Some(slot) = best.get_mut(to.0) {
                        *slot = Some((
                            rs.clone(),
                            Reach {
                                role: to,
                                transitions: ts.clone(),
                                typical_years: y,
                            },
                        ));
                    }
                    next.push((rs, ts, y));
                }
            }
            frontier = next;
        }
        best.into_iter().flatten().map(|(_, r)| r).collect()
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
