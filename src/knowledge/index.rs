//! Lookups built once when a knowledge base is compiled, so the engine never scans every
//! transition or rule to answer a question about one role.

use std::ops::Range;

use super::model::{RoleIx, Rule, RuleIx, Transition};
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
}

impl Index {
    /// Builds the index; `transitions` must be sorted by (from, to).
    pub fn build(roles: usize, transitions: &[Transition], rules: &[Rule]) -> Self {
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
        Self {
            outgoing,
            rules_for,
            general,
        }
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
