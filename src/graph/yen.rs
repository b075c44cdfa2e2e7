//! The k best loopless routes between two nodes of a [`DiGraph`] (Yen's algorithm).
//!
//! Routes are ranked by one deterministic total order:
//!
//! 1. the summed cost, compared with [`f64::total_cmp`];
//! 2. the node sequence, lexicographically on [`NodeIndex::index`];
//! 3. the edge sequence, lexicographically on [`EdgeIndex::index`].
//!
//! Routes are distinct by their edge sequence, so two parallel edges give two
//! routes, but no route ever visits a node twice.
//!
//! # Algorithm
//!
//! Yen's algorithm: the best route is found by a spur search from the start;
//! every accepted route is then split at each of its nodes (the *spur node*)
//! into a *root* (the prefix up to the spur node) and a spur search finds the
//! best continuation that avoids the root's other nodes, avoids the edges that
//! already accepted routes with the same root take out of the spur node, and
//! uses at most `max_hops - root length` edges. Each candidate goes into an
//! ordered set; the best one not yet accepted is accepted next.
//!
//! A spur search returns the best *simple* path by the full total order above
//! (cost, then nodes, then edges), which is what makes the result exactly the
//! first `k` routes in that order, ties included. It works in two stages:
//!
//! * **Layered search** (the usual case): a Bellman–Ford-style relaxation over
//!   `(node, exact hop count)` layers keeps, for every node of every layer,
//!   the best walk by the total order. Within a layer the walks are ranked by
//!   their node sequence, so comparing two extensions costs O(1). If the best
//!   walk that reaches the goal within the hop bound is simple, it is the best
//!   simple path (every simple path is such a walk).
//! * **Greedy fallback**: with zero-cost cycles the best walk can revisit a node
//!   (a detour through a lower node index wins the tie-break). Then the path is
//!   built one edge at a time: from the current node take the edge with the
//!   least `cost so far + edge + cheapest completion`, ties by next node and
//!   edge index, where the cheapest completion is a hop-bounded Bellman–Ford
//!   towards the goal that avoids every node already used.
//!
//! # Complexity
//!
//! With `H = min(max_hops, node_count - 1)`, `E` edges and `V` nodes, at most
//! `k · H` spur searches run. A layered search costs `O(H · (E + V log V))`,
//! so the usual total is `O(k · H² · (E + V log V))`. The greedy fallback costs
//! `O(H² · E)` and runs only when zero-cost cycles make the best walk revisit a
//! node. Candidate bookkeeping adds `O(k² · H²)`. In practice the layered
//! search stops much earlier: walks dearer than the best goal walk found so
//! far, or than the worst of a full candidate set, are pruned.
//!
//! # Floating point
//!
//! Costs are summed from the start of the route in route order, so every
//! route's `cost` is bit-for-bit the left-to-right sum of its edges' costs.
//! The ranking is exact whenever those sums are exact (for instance for
//! integer-valued costs); if rounding makes two different partial sums collide,
//! the output is still deterministic, sorted and made of valid routes.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

/// One route: nodes from start to goal, the edges taken, and the summed cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Sum of the edge costs, added up from the start of the route in order.
    pub cost: f64,
    /// The nodes visited, from the start to the goal; no node appears twice.
    pub nodes: Vec<NodeIndex>,
    /// The edges taken; `edges[i]` leads from `nodes[i]` to `nodes[i + 1]`.
    pub edges: Vec<EdgeIndex>,
}

/// Bounds that keep the search fast on dense graphs.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How many routes to return at most.
    pub k: usize,
    /// How many edges a route may have at most.
    pub max_hops: usize,
}

/// The k cheapest loopless routes from `from` to `to` with at most `max_hops` edges, cheapest first.
///
/// Results are sorted by cost (compared with [`f64::total_cmp`]), then by the
/// node sequence, then by the edge sequence (both lexicographic on their
/// indices), and they are exactly the first `limits.k` loopless routes of that
/// order. The same input always gives the same output.
///
/// `edge_cost` is called once per edge of the graph and should return a
/// finite, non-negative cost. Defensively, a negative cost counts as `0` and a
/// NaN or infinite cost makes the edge unusable.
///
/// Special cases: `from == to` gives the single route with no edges and cost
/// `0` (whatever `max_hops` is); `limits.k == 0`, an unreachable goal, or a
/// node index outside the graph gives an empty vector.
pub fn k_shortest_paths<N, E>(
    graph: &DiGraph<N, E>,
    from: NodeIndex,
    to: NodeIndex,
    limits: Limits,
    edge_cost: impl Fn(EdgeIndex) -> f64,
) -> Vec<Route> {
    let node_count = graph.node_count();
    if limits.k == 0 || from.index() >= node_count || to.index() >= node_count {
        return Vec::new();
    }
    if from == to {
        return vec![Route {
            cost: 0.0,
            nodes: vec![from],
            edges: Vec::new(),
        }];
    }
    // A loopless route has at most `node_count - 1` edges (`node_count >= 1` here).
    let max_hops = limits.max_hops.min(node_count - 1);
    if max_hops == 0 {
        return Vec::new();
    }

    let costs: Vec<f64> = graph
        .edge_indices()
        .map(|e| normalise_cost(edge_cost(e)))
        .collect();
    let mut search = SpurSearch::new(graph, &costs, to);

    let Some(first) = search.run(&[from], &[], 0.0, max_hops, &[], f64::INFINITY) else {
        return Vec::new();
    };
    let mut accepted_edges: BTreeSet<Vec<EdgeIndex>> = BTreeSet::new();
    accepted_edges.insert(first.edges.clone());
    let mut accepted = vec![first];
    let mut candidates: BTreeSet<Ranked> = BTreeSet::new();

    while accepted.len() < limits.k {
        let Some(last) = accepted.last().cloned() else {
            break;
        };
        // Only the best `k - accepted` candidates can still be returned.
        let room = limits.k - accepted.len();
        for spur_at in 0..last.edges.len().min(max_hops) {
            let (Some(root_nodes), Some(root_edges)) =
                (last.nodes.get(..=spur_at), last.edges.get(..spur_at))
            else {
                break;
            };
            // Edges out of the spur node already taken by accepted routes with this root.
            let mut blocked_edges: Vec<EdgeIndex> = accepted
                .iter()
                .filter(|route| route.edges.get(..spur_at) == Some(root_edges))
                .filter_map(|route| route.edges.get(spur_at).copied())
                .collect();
            blocked_edges.sort_unstable();
            blocked_edges.dedup();
            let root_cost = sum_costs(&costs, root_edges);
            let hops = max_hops - spur_at;
            // With the candidate set full, anything dearer than its worst is dropped anyway.
            let bound = match candidates.last() {
                Some(worst) if candidates.len() >= room => worst.0.cost,
                _ => f64::INFINITY,
            };
            let found = search.run(
                root_nodes,
                root_edges,
                root_cost,
                hops,
                &blocked_edges,
                bound,
            );
            if let Some(route) = found
                && !accepted_edges.contains(&route.edges)
            {
                candidates.insert(Ranked(route));
                while candidates.len() > room {
                    candidates.pop_last();
                }
            }
        }
        let Some(Ranked(next)) = candidates.pop_first() else {
            break;
        };
        accepted_edges.insert(next.edges.clone());
        accepted.push(next);
    }
    // Yen's algorithm already accepts routes in order; sorting makes the
    // guarantee independent of floating-point rounding.
    accepted.sort_by(route_order);
    accepted
}

/// Clamp a caller-supplied cost: NaN becomes `+inf` (unusable), negatives and `-0.0` become `0.0`.
fn normalise_cost(cost: f64) -> f64 {
    if cost.is_nan() {
        f64::INFINITY
    } else if cost <= 0.0 {
        0.0
    } else {
        cost
    }
}

/// Left-to-right sum of the edges' costs, starting from `0.0`.
fn sum_costs(costs: &[f64], edges: &[EdgeIndex]) -> f64 {
    edges.iter().fold(0.0, |acc, e| {
        acc + costs.get(e.index()).copied().unwrap_or(f64::INFINITY)
    })
}

/// The total order on routes: cost, then node indices, then edge indices.
fn route_order(a: &Route, b: &Route) -> Ordering {
    a.cost
        .total_cmp(&b.cost)
        .then_with(|| {
            let a_nodes = a.nodes.iter().map(|n| n.index());
            a_nodes.cmp(b.nodes.iter().map(|n| n.index()))
        })
        .then_with(|| {
            let a_edges = a.edges.iter().map(|e| e.index());
            a_edges.cmp(b.edges.iter().map(|e| e.index()))
        })
}

/// A route ordered by [`route_order`], for ordered sets.
#[derive(Debug, Clone)]
struct Ranked(Route);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        route_order(&self.0, &other.0)
    }
}

/// Marks an empty slot in [`SpurSearch::slot`] and the missing predecessor of layer 0.
const NONE: usize = usize::MAX;

/// The best walk found to one node in one layer of the layered search.
#[derive(Debug, Clone, Copy)]
struct Label {
    /// The node reached.
    node: NodeIndex,
    /// Cost of the walk, summed from the start of the route.
    cost: f64,
    /// Position of the predecessor in the previous layer, which is also the
    /// rank of its node sequence there; [`NONE`] in layer 0.
    pred: usize,
    /// The edge from the predecessor (unused in layer 0).
    edge: EdgeIndex,
}

impl Label {
    /// Whether `self` beats `other` as a walk to the same node in the same layer.
    fn beats(&self, other: &Label) -> bool {
        self.cost
            .total_cmp(&other.cost)
            .then(self.pred.cmp(&other.pred))
            .then(self.edge.index().cmp(&other.edge.index()))
            == Ordering::Less
    }
}

/// What the layered search found.
enum Layered {
    /// The best walk is a simple path, hence the best simple path.
    Found(Route),
    /// The best walk revisits a node; the greedy fallback must decide.
    NotSimple,
    /// No walk reaches the goal within the hop bound.
    Unreachable,
}

/// Reusable state for the spur searches of one [`k_shortest_paths`] call.
struct SpurSearch<'a, N, E> {
    /// The graph searched.
    graph: &'a DiGraph<N, E>,
    /// Normalised cost of every edge, by edge index.
    costs: &'a [f64],
    /// The goal node.
    goal: NodeIndex,
    /// Nodes a spur path may not enter (the root's nodes before the spur node).
    blocked: Vec<bool>,
    /// Scratch map from node index to its position in the layer being built.
    slot: Vec<usize>,
}

impl<'a, N, E> SpurSearch<'a, N, E> {
    /// Scratch state sized for `graph`.
    fn new(graph: &'a DiGraph<N, E>, costs: &'a [f64], goal: NodeIndex) -> Self {
        let node_count = graph.node_count();
        Self {
            graph,
            costs,
            goal,
            blocked: vec![false; node_count],
            slot: vec![NONE; node_count],
        }
    }

    /// Usable cost of edge `e`, or `None` if it is infinite or unknown.
    fn cost(&self, e: EdgeIndex) -> Option<f64> {
        self.costs.get(e.index()).copied().filter(|c| c.is_finite())
    }

    /// Whether node `v` is blocked (out-of-range nodes count as blocked).
    fn is_blocked(&self, v: NodeIndex) -> bool {
        self.blocked.get(v.index()).copied().unwrap_or(true)
    }

    /// The best route that starts with the root (`root_nodes`, whose last node
    /// is the spur node, and `root_edges`, costing `root_cost`) and continues
    /// with at most `hops` edges to the goal, not entering the root's other
    /// nodes and not leaving the spur node by a (sorted) `blocked_edges` edge.
    /// Routes costing more than `bound` may be reported as `None`.
    fn run(
        &mut self,
        root_nodes: &[NodeIndex],
        root_edges: &[EdgeIndex],
        root_cost: f64,
        hops: usize,
        blocked_edges: &[EdgeIndex],
        bound: f64,
    ) -> Option<Route> {
        let (&spur, before) = root_nodes.split_last()?;
        self.set_blocked(before, true);
        let spur_path = match self.layered(spur, root_cost, hops, blocked_edges, bound) {
            Layered::Found(path) => Some(path),
            Layered::NotSimple => self.greedy(spur, root_cost, hops, blocked_edges),
            Layered::Unreachable => None,
        };
        self.set_blocked(before, false);
        let spur_path = spur_path?;
        let mut nodes = root_nodes.to_vec();
        nodes.extend(spur_path.nodes.iter().skip(1));
        let mut edges = root_edges.to_vec();
        edges.extend(spur_path.edges);
        Some(Route {
            cost: spur_path.cost,
            nodes,
            edges,
        })
    }

    /// Set the blocked flag of `nodes`.
    fn set_blocked(&mut self, nodes: &[NodeIndex], value: bool) {
        for v in nodes {
            if let Some(flag) = self.blocked.get_mut(v.index()) {
                *flag = value;
            }
        }
    }

    /// Layered search over `(node, exact hop count)` states for the best walk
    /// from `spur` (reached at cost `start_cost`) to the goal.
    ///
    /// Walks never enter blocked nodes, never re-enter `spur`, never take a
    /// self-loop and never leave the goal, so every admissible simple path is
    /// among them. Each layer is kept sorted by node sequence, so a label's
    /// `pred` is the rank of its predecessor's node sequence and candidates for
    /// the same node compare by `(cost, pred, edge)`.
    ///
    /// Walks costing more than `bound`, or more than the best walk to the goal
    /// found so far, are pruned: costs never decrease along a walk, so they
    /// cannot lead to anything better.
    fn layered(
        &mut self,
        spur: NodeIndex,
        start_cost: f64,
        hops: usize,
        blocked_edges: &[EdgeIndex],
        bound: f64,
    ) -> Layered {
        let mut layers: Vec<Vec<Label>> = vec![vec![Label {
            node: spur,
            cost: start_cost,
            pred: NONE,
            edge: EdgeIndex::end(),
        }]];
        let mut best: Option<Route> = None;
        for _ in 0..hops {
            let Some(current) = layers.last() else {
                break;
            };
            let limit = best.as_ref().map_or(bound, |b| b.cost.min(bound));
            let mut next: Vec<Label> = Vec::new();
            for (pos, label) in current.iter().enumerate() {
                if label.node == self.goal || label.cost > limit {
                    continue;
                }
                for edge in self.graph.edges(label.node) {
                    let (w, e) = (edge.target(), edge.id());
                    if w == spur || w == label.node || self.is_blocked(w) {
                        continue;
                    }
                    if label.node == spur && blocked_edges.binary_search(&e).is_ok() {
                        continue;
                    }
                    let Some(cost) = self.cost(e) else {
                        continue;
                    };
                    let candidate = Label {
                        node: w,
                        cost: label.cost + cost,
                        pred: pos,
                        edge: e,
                    };
                    if candidate.cost > limit {
                        continue;
                    }
                    let Some(slot) = self.slot.get_mut(w.index()) else {
                        continue;
                    };
                    if *slot == NONE {
                        *slot = next.len();
                        next.push(candidate);
                    } else if let Some(old) = next.get_mut(*slot)
                        && candidate.beats(old)
                    {
                        *old = candidate;
                    }
                }
            }
            for label in &next {
                if let Some(slot) = self.slot.get_mut(label.node.index()) {
                    *slot = NONE;
                }
            }
            if next.is_empty() {
                break;
            }
            // Rank the new layer by node sequence: predecessor's rank, then node.
            next.sort_unstable_by_key(|label| (label.pred, label.node.index()));
            let goal_pos = next.iter().position(|label| label.node == self.goal);
            layers.push(next);
            if let Some(path) = goal_pos.and_then(|pos| reconstruct(&layers, pos))
                && best
                    .as_ref()
                    .is_none_or(|b| route_order(&path, b) == Ordering::Less)
            {
                best = Some(path);
            }
        }
        match best {
            None => Layered::Unreachable,
            Some(path) if is_simple(&path.nodes) => Layered::Found(path),
            Some(_) => Layered::NotSimple,
        }
    }

    /// Greedy construction of the best simple path from `spur` (reached at cost
    /// `start_cost`) to the goal with at most `hops` edges.
    ///
    /// At each step it takes the edge minimising `cost so far + edge cost +
    /// cheapest completion avoiding every used node`, ties broken by next node
    /// index and edge index. With exact sums the minimum equals the optimum at
    /// every step, so this yields the lexicographically smallest optimal path.
    fn greedy(
        &self,
        spur: NodeIndex,
        start_cost: f64,
        hops: usize,
        blocked_edges: &[EdgeIndex],
    ) -> Option<Route> {
        let mut used = self.blocked.clone();
        let mut route = Route {
            cost: start_cost,
            nodes: vec![spur],
            edges: Vec::new(),
        };
        let mut at = spur;
        let mut hops_left = hops;
        while at != self.goal {
            *used.get_mut(at.index())? = true;
            hops_left = hops_left.checked_sub(1)?;
            let completion = self.completion_costs(hops_left, &used);
            // (estimate, next node, edge, cost after the edge)
            let mut choice: Option<(f64, NodeIndex, EdgeIndex, f64)> = None;
            for edge in self.graph.edges(at) {
                let (w, e) = (edge.target(), edge.id());
                if used.get(w.index()).copied().unwrap_or(true) {
                    continue;
                }
                if at == spur && blocked_edges.binary_search(&e).is_ok() {
                    continue;
                }
                let (Some(cost), Some(Some(rest))) =
                    (self.cost(e), completion.get(w.index()).copied())
                else {
                    continue;
                };
                let after = route.cost + cost;
                let estimate = after + rest;
                let better = choice.is_none_or(|(best, best_w, best_e, _)| {
                    estimate
                        .total_cmp(&best)
                        .then(w.index().cmp(&best_w.index()))
                        .then(e.index().cmp(&best_e.index()))
                        == Ordering::Less
                });
                if better {
                    choice = Some((estimate, w, e, after));
                }
            }
            let (_, w, e, after) = choice?;
            route.nodes.push(w);
            route.edges.push(e);
            route.cost = after;
            at = w;
        }
        Some(route)
    }

    /// Cheapest cost from every node to the goal with at most `hops` edges,
    /// through nodes not `used` (hop-bounded Bellman–Ford); `None` if unreachable.
    fn completion_costs(&self, hops: usize, used: &[bool]) -> Vec<Option<f64>> {
        let is_used = |v: NodeIndex| used.get(v.index()).copied().unwrap_or(true);
        let mut dist: Vec<Option<f64>> = vec![None; self.graph.node_count()];
        if is_used(self.goal) {
            return dist;
        }
        if let Some(d) = dist.get_mut(self.goal.index()) {
            *d = Some(0.0);
        }
        for _ in 0..hops {
            let previous = dist.clone();
            let mut changed = false;
            for edge in self.graph.edge_references() {
                let (v, w) = (edge.source(), edge.target());
                if v == w || is_used(v) || is_used(w) {
                    continue;
                }
                let (Some(cost), Some(Some(rest))) =
                    (self.cost(edge.id()), previous.get(w.index()).copied())
                else {
                    continue;
                };
                let through = cost + rest;
                if let Some(d) = dist.get_mut(v.index())
                    && d.is_none_or(|old| through.total_cmp(&old) == Ordering::Less)
                {
                    *d = Some(through);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        dist
    }
}

/// Rebuild the walk ending at position `pos` of the last layer.
fn reconstruct(layers: &[Vec<Label>], pos: usize) -> Option<Route> {
    let cost = layers.last()?.get(pos)?.cost;
    let mut nodes = Vec::with_capacity(layers.len());
    let mut edges = Vec::with_capacity(layers.len());
    let mut pos = pos;
    for layer in layers.iter().rev() {
        let label = layer.get(pos)?;
        nodes.push(label.node);
        if label.pred == NONE {
            break;
        }
        edges.push(label.edge);
        pos = label.pred;
    }
    nodes.reverse();
    edges.reverse();
    Some(Route { cost, nodes, edges })
}

/// Whether no node occurs twice.
fn is_simple(nodes: &[NodeIndex]) -> bool {
    let mut sorted: Vec<usize> = nodes.iter().map(|n| n.index()).collect();
    sorted.sort_unstable();
    sorted
        .windows(2)
        .all(|pair| !matches!(pair, [a, b] if a == b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Build a graph with `n` nodes and `(source, target, cost)` edges; edge `i` has index `i`.
    fn build(n: usize, edges: &[(usize, usize, u32)]) -> DiGraph<(), u32> {
        let mut graph = DiGraph::new();
        for _ in 0..n {
            graph.add_node(());
        }
        for &(a, b, c) in edges {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), c);
        }
        graph
    }

    fn run(
        graph: &DiGraph<(), u32>,
        from: usize,
        to: usize,
        k: usize,
        max_hops: usize,
    ) -> Vec<Route> {
        k_shortest_paths(
            graph,
            NodeIndex::new(from),
            NodeIndex::new(to),
            Limits { k, max_hops },
            |e| f64::from(graph[e]),
        )
    }

    fn node_seq(route: &Route) -> Vec<usize> {
        route.nodes.iter().map(|n| n.index()).collect()
    }

    fn edge_seq(route: &Route) -> Vec<usize> {
        route.edges.iter().map(|e| e.index()).collect()
    }

    fn summary(routes: &[Route]) -> Vec<(f64, Vec<usize>)> {
        routes.iter().map(|r| (r.cost, node_seq(r))).collect()
    }

    /// Every loopless route within the hop bound, by depth-first enumeration, sorted.
    fn brute_force(
        graph: &DiGraph<(), u32>,
        from: NodeIndex,
        to: NodeIndex,
        max_hops: usize,
    ) -> Vec<Route> {
        fn walk(
            graph: &DiGraph<(), u32>,
            to: NodeIndex,
            max_hops: usize,
            nodes: &mut Vec<NodeIndex>,
            edges: &mut Vec<EdgeIndex>,
            out: &mut Vec<Route>,
        ) {
            let at = *nodes.last().expect("non-empty");
            if at == to {
                let cost = edges.iter().fold(0.0, |acc, &e| acc + f64::from(graph[e]));
                out.push(Route {
                    cost,
                    nodes: nodes.clone(),
                    edges: edges.clone(),
                });
                return;
            }
            if edges.len() == max_hops {
                return;
            }
            for edge in graph.edges(at) {
                if nodes.contains(&edge.target()) {
                    continue;
                }
                nodes.push(edge.target());
                edges.push(edge.id());
                walk(graph, to, max_hops, nodes, edges, out);
                nodes.pop();
                edges.pop();
            }
        }
        let mut out = Vec::new();
        walk(
            graph,
            to,
            max_hops,
            &mut vec![from],
            &mut Vec::new(),
            &mut out,
        );
        out.sort_by(route_order);
        out
    }

    /// Structural invariants every result must satisfy.
    fn check_invariants(
        graph: &DiGraph<(), u32>,
        from: NodeIndex,
        to: NodeIndex,
        limits: Limits,
        edge_cost: impl Fn(EdgeIndex) -> f64,
        routes: &[Route],
    ) {
        assert!(routes.len() <= limits.k);
        for pair in routes.windows(2) {
            assert_eq!(
                route_order(&pair[0], &pair[1]),
                Ordering::Less,
                "not strictly sorted: {pair:?}"
            );
        }
        let distinct: BTreeSet<Vec<EdgeIndex>> = routes.iter().map(|r| r.edges.clone()).collect();
        assert_eq!(distinct.len(), routes.len(), "duplicate routes");
        for route in routes {
            assert!(is_simple(&route.nodes), "loop in {route:?}");
            assert!(route.edges.len() <= limits.max_hops || from == to);
            assert_eq!(route.nodes.len(), route.edges.len() + 1);
            assert_eq!(route.nodes.first(), Some(&from));
            assert_eq!(route.nodes.last(), Some(&to));
            for (i, &e) in route.edges.iter().enumerate() {
                assert_eq!(
                    graph.edge_endpoints(e),
                    Some((route.nodes[i], route.nodes[i + 1]))
                );
            }
            let sum = route
                .edges
                .iter()
                .fold(0.0, |acc: f64, &e| acc + edge_cost(e));
            assert_eq!(route.cost.to_bits(), sum.to_bits());
        }
    }

    // C=0, D=1, E=2, F=3, G=4, H=5 with the weights of Wikipedia's Yen example.
    fn yen_example() -> DiGraph<(), u32> {
        build(
            6,
            &[
                (0, 1, 3), // C→D
                (0, 2, 2), // C→E
                (1, 3, 4), // D→F
                (2, 1, 1), // E→D
                (2, 3, 2), // E→F
                (2, 4, 3), // E→G
                (3, 4, 2), // F→G
                (3, 5, 1), // F→H
                (4, 5, 2), // G→H
            ],
        )
    }

    #[test]
    fn classic_yen_example_top_three() {
        let graph = yen_example();
        let routes = run(&graph, 0, 5, 3, 10);
        // Three routes cost 8: C-D-F-H [0,1,3,5], C-E-D-F-H [0,2,1,3,5] and
        // C-E-F-G-H [0,2,3,4,5]. The node-index tie-break puts C-D-F-H first
        // (1 < 2 in the second position), so it is the third route.
        assert_eq!(
            summary(&routes),
            vec![
                (5.0, vec![0, 2, 3, 5]), // C-E-F-H
                (7.0, vec![0, 2, 4, 5]), // C-E-G-H
                (8.0, vec![0, 1, 3, 5]), // C-D-F-H
            ]
        );
        assert_eq!(edge_seq(&routes[0]), vec![1, 4, 7]);
    }

    #[test]
    fn k_larger_than_route_count_returns_all() {
        let graph = yen_example();
        let routes = run(&graph, 0, 5, 100, 10);
        assert_eq!(
            summary(&routes),
            vec![
                (5.0, vec![0, 2, 3, 5]),
                (7.0, vec![0, 2, 4, 5]),
                (8.0, vec![0, 1, 3, 5]),
                (8.0, vec![0, 2, 1, 3, 5]),
                (8.0, vec![0, 2, 3, 4, 5]),
                (11.0, vec![0, 1, 3, 4, 5]),
                (11.0, vec![0, 2, 1, 3, 4, 5]),
            ]
        );
    }

    #[test]
    fn parallel_edges_are_distinct_routes() {
        let graph = build(
            3,
            &[
                (0, 1, 2), // e0
                (0, 1, 1), // e1
                (1, 2, 1), // e2
                (0, 2, 2), // e3
                (0, 1, 1), // e4: same cost as e1
            ],
        );
        let routes = run(&graph, 0, 2, 10, 5);
        let got: Vec<(f64, Vec<usize>)> = routes.iter().map(|r| (r.cost, edge_seq(r))).collect();
        // Cost 2: [0,1,2] (via e1, then e4) sorts before [0,2] by nodes; e1 < e4 by edges.
        assert_eq!(
            got,
            vec![
                (2.0, vec![1, 2]),
                (2.0, vec![4, 2]),
                (2.0, vec![3]),
                (3.0, vec![0, 2]),
            ]
        );
    }

    #[test]
    fn cycles_do_not_create_loops() {
        let graph = build(
            4,
            &[
                (0, 1, 1),
                (1, 0, 1),
                (1, 2, 1),
                (2, 1, 1),
                (2, 0, 0),
                (2, 3, 1),
                (0, 2, 5),
                (1, 1, 0), // self-loop
            ],
        );
        let routes = run(&graph, 0, 3, 10, 10);
        assert_eq!(
            summary(&routes),
            vec![(3.0, vec![0, 1, 2, 3]), (6.0, vec![0, 2, 3])]
        );
    }

    #[test]
    fn zero_cost_cycle_needs_the_greedy_fallback() {
        // s=0, a=1, b=2, t=3: the walk 0-1-2-1-3 ties in cost with 0-1-2-3 and
        // is lexicographically smaller, so the layered search sees a non-simple
        // best walk and the greedy fallback has to find the simple path.
        let graph = build(4, &[(0, 1, 0), (1, 2, 0), (2, 1, 0), (1, 3, 0), (2, 3, 0)]);
        let costs: Vec<f64> = graph.edge_indices().map(|e| f64::from(graph[e])).collect();
        let mut search = SpurSearch::new(&graph, &costs, NodeIndex::new(3));
        assert!(matches!(
            search.layered(NodeIndex::new(0), 0.0, 4, &[], f64::INFINITY),
            Layered::NotSimple
        ));
        let routes = run(&graph, 0, 3, 5, 4);
        assert_eq!(
            summary(&routes),
            vec![(0.0, vec![0, 1, 2, 3]), (0.0, vec![0, 1, 3])]
        );
    }

    #[test]
    fn unreachable_goal_gives_nothing() {
        let graph = build(4, &[(0, 1, 1), (1, 0, 1), (3, 2, 1)]);
        assert!(run(&graph, 0, 2, 5, 10).is_empty());
        assert!(run(&graph, 0, 3, 5, 10).is_empty());
    }

    #[test]
    fn from_equals_to_gives_the_empty_route() {
        let graph = yen_example();
        for max_hops in [0, 1, 10] {
            let routes = run(&graph, 2, 2, 5, max_hops);
            assert_eq!(
                routes,
                vec![Route {
                    cost: 0.0,
                    nodes: vec![NodeIndex::new(2)],
                    edges: vec![],
                }]
            );
        }
        assert!(run(&graph, 2, 2, 0, 3).is_empty());
    }

    #[test]
    fn degenerate_limits_and_inputs() {
        let graph = yen_example();
        assert!(run(&graph, 0, 5, 0, 10).is_empty());
        assert!(run(&graph, 0, 5, 3, 0).is_empty());
        assert!(run(&graph, 0, 5, usize::MAX, usize::MAX).len() == 7);
        assert!(run(&graph, 0, 99, 3, 3).is_empty());
        assert!(run(&graph, 99, 99, 3, 3).is_empty());
        let empty: DiGraph<(), u32> = DiGraph::new();
        assert!(run(&empty, 0, 0, 3, 3).is_empty());
    }

    #[test]
    fn hop_bound_prefers_a_dearer_short_route() {
        // 0-1-2-3 costs 3 in three hops; 0-3 costs 10 in one hop.
        let graph = build(4, &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 10)]);
        assert_eq!(summary(&run(&graph, 0, 3, 5, 2)), vec![(10.0, vec![0, 3])]);
        assert_eq!(
            summary(&run(&graph, 0, 3, 5, 3)),
            vec![(3.0, vec![0, 1, 2, 3]), (10.0, vec![0, 3])]
        );
    }

    #[test]
    fn hop_bound_applies_to_spur_paths() {
        // Best route 0-1-3 (2 hops). Deviating at node 1 leaves one hop, so the
        // cheap 0-1-2-3 (cost 1, three hops) is out and the dearer parallel edge
        // 1→3 is taken instead; 0-2-3 ties with it and sorts after by nodes.
        let graph = build(
            4,
            &[
                (0, 1, 1),
                (1, 3, 1),
                (1, 2, 0),
                (2, 3, 0),
                (0, 2, 5),
                (1, 3, 4),
            ],
        );
        let routes = run(&graph, 0, 3, 5, 2);
        let got: Vec<(f64, Vec<usize>)> = routes.iter().map(|r| (r.cost, edge_seq(r))).collect();
        assert_eq!(
            got,
            vec![(2.0, vec![0, 1]), (5.0, vec![0, 5]), (5.0, vec![4, 3])]
        );
    }

    #[test]
    fn bad_costs_are_handled_defensively() {
        let graph = build(3, &[(0, 1, 0), (1, 2, 0), (0, 2, 0), (0, 2, 0)]);
        let routes = k_shortest_paths(
            &graph,
            NodeIndex::new(0),
            NodeIndex::new(2),
            Limits { k: 10, max_hops: 5 },
            |e| match e.index() {
                0 => -3.0,          // counts as 0
                1 => 1.5,           //
                2 => f64::NAN,      // unusable
                _ => f64::INFINITY, // unusable
            },
        );
        assert_eq!(routes.len(), 1);
        assert_eq!(routes[0].cost, 1.5);
        assert_eq!(edge_seq(&routes[0]), vec![0, 1]);
    }

    #[test]
    fn output_is_deterministic() {
        let graph = yen_example();
        let a = run(&graph, 0, 5, 7, 4);
        let b = run(&graph, 0, 5, 7, 4);
        assert_eq!(a, b);
    }

    /// Invariants, the optimum, and exact equality with the first `k` brute-force routes.
    fn check_against_brute_force(
        graph: &DiGraph<(), u32>,
        from: NodeIndex,
        to: NodeIndex,
        limits: Limits,
    ) -> Result<(), TestCaseError> {
        let routes = k_shortest_paths(graph, from, to, limits, |e| f64::from(graph[e]));
        check_invariants(graph, from, to, limits, |e| f64::from(graph[e]), &routes);
        let all = brute_force(graph, from, to, limits.max_hops);
        if let Some(best) = all.first() {
            prop_assert_eq!(routes.first().map(|r| r.cost), Some(best.cost));
        }
        let expected: Vec<Route> = all.into_iter().take(limits.k).collect();
        prop_assert_eq!(routes, expected);
        Ok(())
    }

    prop_compose! {
        fn small_graph(max_cost: u32, min_edges: usize)(n in 1usize..=8)(
            n in Just(n),
            edges in proptest::collection::vec((0..n, 0..n, 0..=max_cost), min_edges..=20),
            from in 0..n,
            to in 0..n,
        ) -> (DiGraph<(), u32>, NodeIndex, NodeIndex) {
            (build(n, &edges), NodeIndex::new(from), NodeIndex::new(to))
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn matches_brute_force(
            (graph, from, to) in small_graph(9, 0),
            k in 1usize..=6,
            max_hops in 0usize..=6,
        ) {
            check_against_brute_force(&graph, from, to, Limits { k, max_hops })?;
        }

        /// Costs 0–1 make ties and zero-cost cycles common, which exercises
        /// the tie-breaks and the greedy fallback inside the full algorithm.
        #[test]
        fn matches_brute_force_with_many_ties(
            (graph, from, to) in small_graph(1, 0),
            k in 1usize..=6,
            max_hops in 0usize..=6,
        ) {
            check_against_brute_force(&graph, from, to, Limits { k, max_hops })?;
        }

        /// Fractional costs: sums are inexact, but every structural invariant
        /// holds, costs are the bit-exact left-to-right sums, and as many routes
        /// come back as exist (up to k).
        #[test]
        fn fractional_costs_keep_the_invariants(
            (graph, from, to) in small_graph(9, 0),
            k in 1usize..=6,
            max_hops in 0usize..=6,
        ) {
            let limits = Limits { k, max_hops };
            let cost = |e: EdgeIndex| f64::from(graph[e]) / 7.0 + 0.1;
            let routes = k_shortest_paths(&graph, from, to, limits, cost);
            check_invariants(&graph, from, to, limits, cost, &routes);
            let total = brute_force(&graph, from, to, max_hops).len();
            prop_assert_eq!(routes.len(), total.min(k));
        }

        /// Both spur-search stages against brute force, with blocked nodes
        /// (as a root would block them) and blocked edges out of the spur node.
        #[test]
        fn spur_search_stages_match_brute_force(
            (graph, from, to) in small_graph(2, 0),
            max_hops in 1usize..=6,
            node_mask in any::<u8>(),
            edge_mask in any::<u32>(),
        ) {
            let blocked_nodes: Vec<NodeIndex> = graph
                .node_indices()
                .filter(|&v| v != from && v != to && node_mask & (1 << v.index()) != 0)
                .collect();
            let blocked_edges: Vec<EdgeIndex> = graph
                .edges(from)
                .map(|edge| edge.id())
                .filter(|e| edge_mask & (1 << e.index()) != 0)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let best = brute_force(&graph, from, to, max_hops)
                .into_iter()
                .find(|route| {
                    route.nodes.iter().all(|v| !blocked_nodes.contains(v))
                        && route.edges.first().is_none_or(|e| !blocked_edges.contains(e))
                });
            let costs: Vec<f64> = graph.edge_indices().map(|e| f64::from(graph[e])).collect();
            let mut search = SpurSearch::new(&graph, &costs, to);
            search.set_blocked(&blocked_nodes, true);
            let greedy = search.greedy(from, 0.0, max_hops, &blocked_edges);
            prop_assert_eq!(&greedy, &best);
            if from != to {
                match search.layered(from, 0.0, max_hops, &blocked_edges, f64::INFINITY) {
                    Layered::Found(path) => prop_assert_eq!(Some(path), best),
                    Layered::Unreachable => prop_assert_eq!(best, None),
                    Layered::NotSimple => prop_assert!(best.is_some()),
                }
            }
        }
    }
}
