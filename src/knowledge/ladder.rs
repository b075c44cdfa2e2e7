//! The certification ladder: every certification's formal prerequisites, gathered once per
//! knowledge base, without recursion and within a stated bound.
//!
//! A certification may require others (`prerequisites`), which may require others in turn, and a
//! knowledge base may chain them as long as it likes (a test chains 200,000). Walking a chain
//! once per certification, as the planners did, cost quadratic time per plan (cubic with the
//! linear set look-ups), and a recursive walk overflowed the stack. So [`Ladder::build`] gathers
//! each certification's prerequisites, transitively, once, in topological order (Kahn's
//! algorithm): the set of a certification is its direct prerequisites and their sets, merged.
//!
//! **The bound.** A certification with more than [`MAX_PREREQUISITES`] prerequisites, counted
//! transitively, or on a circle of prerequisites, gets no set: it is never planned, since a plan
//! would have to list every one of them before it (`validate` warns of each,
//! `deep-prerequisites`; a circle is the error `prerequisite-cycle`). The shipped ladders are at
//! most three deep. So building costs O([`MAX_PREREQUISITES`] × (certifications + references))
//! time and the sets take at most [`MAX_PREREQUISITES`] entries per certification (and at most
//! [`MAX_PREREQUISITES`] times the references written); every later look-up is a slice.

use super::model::{CertIx, Certification, SkillIx};

/// The most formal prerequisites, counted transitively, a certification may have and still be
/// planned.
pub const MAX_PREREQUISITES: usize = 64;

/// The prerequisites of every certification, gathered.
#[derive(Debug, Clone, Default)]
pub struct Ladder {
    /// Per certification: where its prerequisites start in `all`, or `None` when it has more
    /// than [`MAX_PREREQUISITES`] or is on (or after) a circle.
    start: Vec<Option<(u32, u8)>>,
    /// Every certification's prerequisites, transitively, sorted, one run after another.
    all: Vec<CertIx>,
    /// Per certification: for each skill it evidences, the highest level its prerequisites
    /// evidence, where that is above 0 (sorted by skill).
    floor: Vec<Vec<(SkillIx, u8)>>,
}

impl Ladder {
    /// Gathers the prerequisites of every certification.
    pub fn build(certs: &[Certification]) -> Self {
        let n = certs.len();
        let mut ladder = Ladder {
            start: vec![None; n],
            all: Vec::new(),
            floor: vec![Vec::new(); n],
        };
        // Who requires each certification, as one flat list (`dependents[first[p]..first[p+1]]`).
        let mut first = vec![0usize; n + 1];
        for c in certs {
            for p in &c.prerequisites {
                if let Some(s) = first.get_mut(p.0 + 1) {
                    *s += 1;
                }
            }
        }
        for i in 0..n {
            let before = first.get(i).copied().unwrap_or(0);
            if let Some(s) = first.get_mut(i + 1) {
                *s += before;
            }
        }
        let mut dependents = vec![0usize; first.last().copied().unwrap_or(0)];
        let mut fill = first.clone();
        for (i, c) in certs.iter().enumerate() {
            for p in &c.prerequisites {
                if let Some(at) = fill.get_mut(p.0)
                    && let Some(slot) = dependents.get_mut(*at)
                {
                    *slot = i;
                    *at += 1;
                }
            }
        }
        // Kahn: a certification is gathered once all its prerequisites are; one on a circle (or
        // after one) never is, and keeps no set.
        let mut waiting: Vec<usize> = certs.iter().map(|c| c.prerequisites.len()).collect();
        let mut ready: Vec<usize> = (0..n).filter(|i| waiting.get(*i) == Some(&0)).collect();
        let mut merged: Vec<CertIx> = Vec::new();
        while let Some(c) = ready.pop() {
            ladder.gather(certs, CertIx(c), &mut merged);
            let range = first.get(c).copied().unwrap_or(0)..first.get(c + 1).copied().unwrap_or(0);
            for d in dependents.get(range).unwrap_or_default() {
                if let Some(w) = waiting.get_mut(*d) {
                    *w -= 1;
                    if *w == 0 {
                        ready.push(*d);
                    }
                }
            }
        }
        ladder
    }

    /// Gathers `c`'s set from its prerequisites' (all gathered already).
    fn gather(&mut self, certs: &[Certification], c: CertIx, merged: &mut Vec<CertIx>) {
        let Some(def) = certs.get(c.0) else { return };
        merged.clear();
        for p in &def.prerequisites {
            let Some(theirs) = self.prerequisites(*p) else {
                return;
            };
            merged.push(*p);
            merged.extend_from_slice(theirs);
            merged.sort_unstable();
            merged.dedup();
            if merged.len() > MAX_PREREQUISITES {
                return;
            }
        }
        let (Ok(at), Ok(len)) = (u32::try_from(self.all.len()), u8::try_from(merged.len())) else {
            return;
        };
        let floor: Vec<(SkillIx, u8)> = def
            .evidences
            .iter()
            .filter_map(|(skill, _)| {
                let best = merged
                    .iter()
                    .filter_map(|p| certs.get(p.0))
                    .map(|p| p.level_of(*skill))
                    .max()
                    .unwrap_or(0);
                (best > 0).then_some((*skill, best))
            })
            .collect();
        self.all.extend_from_slice(merged);
        if let Some(slot) = self.start.get_mut(c.0) {
            *slot = Some((at, len));
        }
        if let Some(slot) = self.floor.get_mut(c.0) {
            *slot = floor;
        }
    }

    /// A certification's formal prerequisites, transitively, sorted; `None` when it has more
    /// than [`MAX_PREREQUISITES`] or is on a circle (it is never planned).
    pub fn prerequisites(&self, c: CertIx) -> Option<&[CertIx]> {
        let (at, len) = self.start.get(c.0).copied().flatten()?;
        let at = at as usize;
        self.all.get(at..at + usize::from(len))
    }

    /// Whether a certification can be planned: at most [`MAX_PREREQUISITES`] prerequisites and
    /// on no circle.
    pub fn plannable(&self, c: CertIx) -> bool {
        self.start.get(c.0).is_some_and(Option::is_some)
    }

    /// The highest level of `skill` that `c`'s prerequisites evidence (0 for none).
    pub fn floor(&self, c: CertIx, skill: SkillIx) -> u8 {
        self.floor
            .get(c.0)
            .and_then(|f| f.iter().find(|(s, _)| *s == skill))
            .map_or(0, |(_, l)| *l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(id: usize, prerequisites: &[usize], evidences: &[(usize, u8)]) -> Certification {
        Certification {
            id: format!("c{id}"),
            name: crate::knowledge::format::Text {
                ja: String::new(),
                en: String::new(),
            },
            aliases: Vec::new(),
            issuer: String::new(),
            tier: String::new(),
            itss_level: None,
            evidences: evidences.iter().map(|(s, l)| (SkillIx(*s), *l)).collect(),
            prerequisites: prerequisites.iter().map(|p| CertIx(*p)).collect(),
            recommended_after: Vec::new(),
            study_hours: None,
            evidence: crate::knowledge::format::EvidenceKind::Knowledge,
            eligibility: None,
            source: String::new(),
        }
    }

    fn ids(l: &Ladder, c: usize) -> Option<Vec<usize>> {
        l.prerequisites(CertIx(c))
            .map(|s| s.iter().map(|p| p.0).collect())
    }

    #[test]
    fn a_diamond_counts_each_prerequisite_once() {
        // 3 requires 1 and 2, which both require 0.
        let certs = [
            cert(0, &[], &[(0, 1)]),
            cert(1, &[0], &[(0, 2)]),
            cert(2, &[0], &[(1, 3)]),
            cert(3, &[1, 2], &[(0, 3), (1, 3), (2, 1)]),
        ];
        let l = Ladder::build(&certs);
        assert_eq!(ids(&l, 0), Some(vec![]));
        assert_eq!(ids(&l, 1), Some(vec![0]));
        assert_eq!(ids(&l, 3), Some(vec![0, 1, 2]));
        assert_eq!(l.floor(CertIx(3), SkillIx(0)), 2);
        assert_eq!(l.floor(CertIx(3), SkillIx(1)), 3);
        assert_eq!(l.floor(CertIx(3), SkillIx(2)), 0);
        assert_eq!(l.floor(CertIx(0), SkillIx(0)), 0);
    }

    #[test]
    fn a_long_chain_is_gathered_in_linear_time_and_cut_at_the_bound() {
        let n: usize = 200_000;
        let certs: Vec<Certification> = (0..n)
            .map(|i| {
                let before: Vec<usize> = i.checked_sub(1).into_iter().collect();
                cert(i, &before, &[(0, 1)])
            })
            .collect();
        let l = Ladder::build(&certs);
        assert_eq!(
            l.prerequisites(CertIx(MAX_PREREQUISITES)).map(<[_]>::len),
            Some(MAX_PREREQUISITES)
        );
        assert!(l.plannable(CertIx(MAX_PREREQUISITES)));
        assert!(!l.plannable(CertIx(MAX_PREREQUISITES + 1)));
        assert!(!l.plannable(CertIx(n - 1)));
        assert_eq!(l.floor(CertIx(5), SkillIx(0)), 1);
    }

    #[test]
    fn a_circle_and_what_follows_it_are_never_planned() {
        let certs = [
            cert(0, &[1], &[]),
            cert(1, &[0], &[]),
            cert(2, &[1], &[]),
            cert(3, &[3], &[]),
            cert(4, &[], &[]),
        ];
        let l = Ladder::build(&certs);
        assert_eq!(
            (0..5).map(|c| l.plannable(CertIx(c))).collect::<Vec<_>>(),
            [false, false, false, false, true]
        );
    }
}
