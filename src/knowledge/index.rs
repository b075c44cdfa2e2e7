//! Lookups built once when a knowledge base is compiled, so the engine never scans every
//! transition or rule to answer a question about one role.

use std::ops::Range;

use super::model::{Role, RoleIx, Rule, RuleIx, Transition};
use crate::rules::Effect;

/// Transitions by the role they leave, and rules by the roles their effects concern.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// `outgoing[r]..outgoing[r + 1]` are the transitions leaving role `r` (transitions are
    /// sorted by (from, to)).
    outgoing: Vec<usize>,
    /// Per role, the rules with an effect on it, in rule order.
    rules_for: Vec<Vec<RuleIx>>,
    /// Rules with a general effect, in rule order.
    general: Vec<RuleIx>,
    /// Per role, the roles of its family with a higher seniority, highest first (then by index).
    above: Vec<Vec<RoleIx>>,
    /// Per role, its job: the role it is a classification of (or itself), then that job's
    /// classifications, by index.
    job: Vec<Vec<RoleIx>>,
    /// Per role, its employee and freelance headlines as positions (empty until filled).
    headlines: Vec<[HeadlineAt; 2]>,
    /// The certifications' prerequisites, counted (empty until filled).
    ladder: super::ladder::Ladder,
}

/// Where a role's headline figure is: (the role whose figure it is, the figure's position in
/// its incomes, the proxy's position in the income model when it is borrowed); `None` when the
/// role has no headline of that employment type.
pub type HeadlineAt = Option<(RoleIx, usize, Option<usize>)>;

impl Index {
    /// Builds the index; `transitions` must be sorted by (from, to).
    pub fn build(all_roles: &[Role], transitions: &[Transition], rules: &[Rule]) -> Self {
        let roles = all_roles.len();
        let mut outgoing = vec![0; roles + 1];
        for t in transitions {
            if let Some(n) = outgoing.get_mut(t.from.0 + 1) {
                *n += 1;
            }
        }
        let mut total = 0;
        for n in &mut outgoing {
            total += *n;
            *n = total;
        }
        let mut rules_for: Vec<Vec<RuleIx>> = vec![Vec::new(); roles];
        let mut general = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let mut targets: Vec<RoleIx> = Vec::new();
            for e in &rule.effects {
                let (Effect::Adjust { roles, .. }
                | Effect::Note { roles, .. }
                | Effect::RecommendCertification { roles, .. }) = e;
                targets.extend(roles);
            }
            targets.sort();
            targets.dedup();
            for r in targets {
                if let Some(list) = rules_for.get_mut(r.0) {
                    list.push(RuleIx(i));
                }
            }
            if rule.effects.iter().any(Effect::is_general) {
                general.push(RuleIx(i));
            }
        }
        let mut by_family: std::collections::BTreeMap<usize, Vec<RoleIx>> = Default::default();
        for (i, r) in all_roles.iter().enumerate() {
            by_family.entry(r.family.0).or_default().push(RoleIx(i));
        }
        for members in by_family.values_mut() {
            members.sort_by_key(|r| {
                let s = all_roles.get(r.0).map_or(0, |x| x.seniority);
                (std::cmp::Reverse(s), *r)
            });
        }
        let seniority = |r: RoleIx| all_roles.get(r.0).map_or(0, |x| x.seniority);
        let above = all_roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                by_family.get(&r.family.0).map_or_else(Vec::new, |members| {
                    members
                        .iter()
                        .copied()
                        .take_while(|o| seniority(*o) > r.seniority)
                        .filter(|o| o.0 != i)
                        .collect()
                })
            })
            .collect();
        let mut classes: Vec<Vec<RoleIx>> = vec![Vec::new(); roles];
        for (i, r) in all_roles.iter().enumerate() {
            if let Some(head) = r.classification_of
                && let Some(list) = classes.get_mut(head.0)
            {
                list.push(RoleIx(i));
            }
        }
        let job = all_roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let head = r.classification_of.unwrap_or(RoleIx(i));
                let mut job = vec![head];
                job.extend(classes.get(head.0).into_iter().flatten().copied());
                job
            })
            .collect();
        Self {
            outgoing,
            rules_for,
            general,
            above,
            job,
            headlines: Vec::new(),
            ladder: Default::default(),
        }
    }

    /// Fills the headline cache (see [`KnowledgeBase::headline`](super::KnowledgeBase::headline)).
    pub fn set_headlines(&mut self, headlines: Vec<[HeadlineAt; 2]>) {
        self.headlines = headlines;
    }

    /// Fills the certification ladder.
    pub fn set_ladder(&mut self, ladder: super::ladder::Ladder) {
        self.ladder = ladder;
    }

    /// The certification ladder.
    pub fn ladder(&self) -> &super::ladder::Ladder {
        &self.ladder
    }

    /// A role's cached headline position: `None` when the cache is not filled.
    pub fn headline(
        &self,
        role: RoleIx,
        employment: crate::knowledge::format::Employment,
    ) -> Option<HeadlineAt> {
        let slot = match employment {
            crate::knowledge::format::Employment::Employee => 0,
            crate::knowledge::format::Employment::Freelance => 1,
        };
        self.headlines
            .get(role.0)
            .and_then(|h| h.get(slot))
            .copied()
    }

    /// The roles of `role`'s family with a higher seniority, highest first.
    pub fn above(&self, role: RoleIx) -> &[RoleIx] {
        self.above.get(role.0).map_or(&[], Vec::as_slice)
    }

    /// The job `role` belongs to: the role it is a classification of (or itself), then that
    /// job's classifications.
    pub fn job(&self, role: RoleIx) -> &[RoleIx] {
        self.job.get(role.0).map_or(&[], Vec::as_slice)
    }

    /// The positions of the transitions leaving `from`.
    pub fn outgoing(&self, from: RoleIx) -> Range<usize> {
        match (self.outgoing.get(from.0), self.outgoing.get(from.0 + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// The rules with an effect on `role`.
    pub fn rules_for(&self, role: RoleIx) -> &[RuleIx] {
        self.rules_for.get(role.0).map_or(&[], Vec::as_slice)
    }

    /// The rules with a general effect.
    pub fn general(&self) -> &[RuleIx] {
        &self.general
    }
}
