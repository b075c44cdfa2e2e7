//! The certification plan: the cheapest set of certifications (by study hours) that evidences the
//! skill levels a role needs, in an order that respects prerequisites and the usual order.
//!
//! A certification *evidences* skill levels (`evidences` in `certifications.json`). For every
//! skill gap some certification can close in full, the plan holds one that does; a chosen
//! certification brings its formal prerequisites not yet held. Among the sets that do this, the
//! plan is the cheapest by:
//! 1. the certifications whose study hours no source gives: hours are never invented, so these
//!    are never called cheap; they are weighed by the highest skill level each evidences (a proxy
//!    for how hard it is: CCIE's level 5 outweighs the IPA network exam's level 4), summed;
//! 2. then the known study hours (the middle of each range), summed;
//! 3. then the fewest certifications, then the smallest ids. The search is exact and bounded by
//! [`MAX_NODES`]; past the bound it keeps the best set found so far, which always exists because the
//! first branch taken is completed greedily.

use std::collections::BTreeSet;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{CertIx, SkillIx};
use crate::profile::Facts;

/// Largest number of partial plans the search looks at.
pub const MAX_NODES: usize = 20_000;

/// A skill level to evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// The skill.
    pub skill: SkillIx,
    /// The level needed.
    pub level: u8,
}

/// The chosen certifications.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CertPlan {
    /// Certifications to take, in order.
    pub certs: Vec<CertIx>,
    /// Needs no certification (not held) can evidence in full.
    pub uncovered: Vec<Need>,
}

impl CertPlan {
    /// Known study hours in total (middle of each range) and the number of certifications
    /// without published hours.
    pub fn hours(&self, kb: &KnowledgeBase) -> (f64, usize) {
        hours_of(kb, self.certs.iter().copied())
    }

    /// Months of study at the knowledge base's study hours per month (known hours only).
    pub fn months(&self, kb: &KnowledgeBase) -> f64 {
        self.hours(kb).0 / kb.scoring.study_hours_per_month
    }
}

/// The cheapest certification plan that evidences `needs` for a profile.
pub fn cheapest(kb: &KnowledgeBase, facts: &Facts, needs: &[Need]) -> CertPlan {
    let mut options: Vec<(Need, Vec<CertIx>)> = Vec::new();
    let mut uncovered = Vec::new();
    for need in needs {
        if facts.level(need.skill) >= need.level {
            continue;
        }
        let certs: Vec<CertIx> = (0..kb.certifications.len())
            .map(CertIx)
            .filter(|c| !facts.holds(*c) && evidenced(kb, *c, need.skill) >= need.level)
            .collect();
        if certs.is_empty() {
            uncovered.push(*need);
        } else {
            options.push((*need, certs));
        }
    }
    let mut search = Search {
        kb,
        facts,
        options: &options,
        best: None,
        nodes: 0,
    };
    search.run(&BTreeSet::new());
    let chosen = search.best.map(|(_, set)| set).unwrap_or_default();
    CertPlan {
        certs: order(kb, &chosen),
        uncovered,
    }
}

/// The level of `skill` a certification evidences (0 if none).
fn evidenced(kb: &KnowledgeBase, cert: CertIx, skill: SkillIx) -> u8 {
    kb.certification(cert)
        .evidences
        .iter()
        .find(|(s, _)| *s == skill)
        .map_or(0, |(_, l)| *l)
}

/// Known hours and the count of certifications without hours.
fn hours_of(kb: &KnowledgeBase, certs: impl Iterator<Item = CertIx>) -> (f64, usize) {
    certs.fold((0.0, 0), |(h, n), c| match kb.certification(c).hours() {
        Some(x) => (h + x, n),
        None => (h, n + 1),
    })
}

/// What a set costs: the summed difficulty (highest level evidenced) of the certifications
/// without hours, known hours, count, then ids.
type Cost = (u32, ordered_float::OrderedFloat<f64>, usize, Vec<CertIx>);

/// The highest level a certification evidences.
fn difficulty(kb: &KnowledgeBase, cert: CertIx) -> u32 {
    kb.certification(cert)
        .evidences
        .iter()
        .map(|(_, l)| u32::from(*l))
        .max()
        .unwrap_or(0)
}

struct Search<'a> {
    kb: &'a KnowledgeBase,
    facts: &'a Facts,
    options: &'a [(Need, Vec<CertIx>)],
    best: Option<(Cost, BTreeSet<CertIx>)>,
    nodes: usize,
}

impl Search<'_> {
    fn cost(&self, set: &BTreeSet<CertIx>) -> Cost {
        let (hours, _) = hours_of(self.kb, set.iter().copied());
        let unknown = set
            .iter()
            .filter(|c| self.kb.certification(**c).hours().is_none())
            .map(|c| difficulty(self.kb, *c))
            .sum();
        (
            unknown,
            ordered_float::OrderedFloat(hours),
            set.len(),
            set.iter().copied().collect(),
        )
    }

    fn covers(&self, set: &BTreeSet<CertIx>, need: Need) -> bool {
        set.iter()
            .any(|c| evidenced(self.kb, *c, need.skill) >= need.level)
    }

    /// Depth-first branch and bound: branch on the first need not yet evidenced.
    fn run(&mut self, set: &BTreeSet<CertIx>) {
        self.nodes += 1;
        let cost = self.cost(set);
        if self.best.as_ref().is_some_and(|(b, _)| cost >= *b) {
            return;
        }
        let open = self
            .options
            .iter()
            .find(|(need, _)| !self.covers(set, *need));
        let Some((_, certs)) = open else {
            self.best = Some((cost, set.clone()));
            return;
        };
        for cert in certs {
            // Past the budget, finish only the branch that gives the first complete plan.
            if self.nodes > MAX_NODES && self.best.is_some() {
                return;
            }
            let mut next = set.clone();
            self.with_prerequisites(*cert, &mut next);
            self.run(&next);
        }
    }

    fn with_prerequisites(&self, cert: CertIx, set: &mut BTreeSet<CertIx>) {
        let mut stack = vec![cert];
        while let Some(c) = stack.pop() {
            if !self.facts.holds(c) && set.insert(c) {
                stack.extend(self.kb.certification(c).prerequisites.iter().copied());
            }
        }
    }
}

/// Orders a set so that no certification comes before one it requires or usually follows;
/// among those free to go next, fewer study hours first (a quick first success), then id.
pub fn order(kb: &KnowledgeBase, set: &BTreeSet<CertIx>) -> Vec<CertIx> {
    let mut left: Vec<CertIx> = set.iter().copied().collect();
    let mut out = Vec::with_capacity(left.len());
    let key = |c: &CertIx| {
        (
            ordered_float::OrderedFloat(kb.certification(*c).hours().unwrap_or(f64::INFINITY)),
            *c,
        )
    };
    while !left.is_empty() {
        let free = left
            .iter()
            .copied()
            .filter(|c| {
                let def = kb.certification(*c);
                def.prerequisites
                    .iter()
                    .chain(&def.recommended_after)
                    .all(|p| !left.contains(p))
            })
            .min_by_key(key);
        // The validator rejects prerequisite cycles; stay total anyway.
        let next = free.or_else(|| left.iter().copied().min_by_key(key));
        let Some(next) = next else { break };
        left.retain(|c| *c != next);
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn engine() -> Engine {
        Engine::builtin().unwrap()
    }

    fn facts(e: &Engine, json: &str) -> Facts {
        let p = e.profile_from_str("t.json", json).unwrap();
        Facts::new(&p, e.knowledge())
    }

    fn need(kb: &KnowledgeBase, skill: &str, level: u8) -> Need {
        Need {
            skill: kb.find_skill(skill).unwrap(),
            level,
        }
    }

    fn ids(kb: &KnowledgeBase, plan: &CertPlan) -> Vec<String> {
        plan.certs
            .iter()
            .map(|c| kb.certification(*c).id.clone())
            .collect()
    }

    #[test]
    fn network_gaps_take_ccna_not_ccnp() {
        let e = engine();
        let kb = e.knowledge();
        let f = facts(&e, r#"{"skills": {"linux": 2}}"#);
        let plan = cheapest(
            kb,
            &f,
            &[need(kb, "tcp-ip", 3), need(kb, "routing-switching", 3)],
        );
        assert_eq!(ids(kb, &plan), ["ccna"]);
        assert_eq!(plan.hours(kb), (175.0, 0));
        assert!(plan.uncovered.is_empty());
    }

    #[test]
    fn prerequisites_come_with_and_before() {
        let e = engine();
        let kb = e.knowledge();
        let f = facts(&e, r#"{"skills": {}}"#);
        let plan = cheapest(kb, &f, &[need(kb, "linux", 3)]);
        let got = ids(kb, &plan);
        // LinuC level 2 requires level 1; LPIC likewise; LinuC wins on id.
        assert_eq!(got, ["linuc-1", "linuc-2"]);
    }

    #[test]
    fn held_certifications_are_never_planned() {
        let e = engine();
        let kb = e.knowledge();
        let f = facts(&e, r#"{"skills": {}, "certifications": ["linuc-1"]}"#);
        let plan = cheapest(kb, &f, &[need(kb, "linux", 3)]);
        assert_eq!(ids(kb, &plan), ["linuc-2"]);
    }

    #[test]
    fn met_needs_and_uncoverable_needs() {
        let e = engine();
        let kb = e.knowledge();
        let f = facts(&e, r#"{"skills": {"tcp-ip": 3}}"#);
        let plan = cheapest(
            kb,
            &f,
            &[need(kb, "tcp-ip", 3), need(kb, "communication", 3)],
        );
        assert!(plan.certs.is_empty());
        assert_eq!(plan.uncovered, [need(kb, "communication", 3)]);
    }

    #[test]
    fn one_certificate_covering_two_needs_beats_two() {
        let e = engine();
        let kb = e.knowledge();
        let f = facts(&e, r#"{"skills": {}}"#);
        // CKA evidences both; taking CKA and CKAD would be wasteful.
        let plan = cheapest(
            kb,
            &f,
            &[need(kb, "kubernetes", 3), need(kb, "containers", 3)],
        );
        assert_eq!(ids(kb, &plan), ["cka"]);
    }

    #[test]
    fn unknown_hours_are_weighed_by_difficulty_not_taken_as_free() {
        let e = engine();
        let kb = e.knowledge();
        let f = facts(&e, r#"{"skills": {}, "certifications": ["ccna"]}"#);
        // CCIE alone evidences all three, but it is the expert level; CCNP (known hours) plus
        // the IPA network exam (level 4) is the cheaper plan.
        let plan = cheapest(
            kb,
            &f,
            &[
                need(kb, "network-design", 4),
                need(kb, "routing-switching", 4),
                need(kb, "tcp-ip", 4),
            ],
        );
        assert_eq!(ids(kb, &plan), ["ccnp-enterprise", "nw"]);
        assert_eq!(plan.hours(kb), (400.0, 1));
    }

    #[test]
    fn order_respects_recommended_order() {
        let e = engine();
        let kb = e.knowledge();
        let set: BTreeSet<CertIx> = ["nw", "ap", "fe", "ip"]
            .iter()
            .map(|id| kb.find_cert(id).unwrap())
            .collect();
        let got: Vec<&str> = order(kb, &set)
            .iter()
            .map(|c| kb.certification(*c).id.as_str())
            .collect();
        assert_eq!(got, ["ip", "fe", "ap", "nw"]);
    }
}
