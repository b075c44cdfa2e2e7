//! Reasons: why a role is recommended (or ranked where it is), each with its source.

use serde::Serialize;

use crate::explain::{RuleLine, Rules, SkillLine, rule_lines, skill_lines};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::planning::gaps::text;
use crate::profile::Facts;
use crate::scoring::{FiredRules, RoleFit};

/// One reason, in both languages, with the source of the fact behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// `transition`, `condition`, `strength`, `rule`, `note`, `preference` or `income`.
    pub kind: &'static str,
    /// The reason.
    pub text: Text,
    /// Where the fact comes from.
    pub source: String,
    /// The rule id, for `rule` and `note`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// What it adds to the score, where it adds something.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<f64>,
}

/// The transition taken and whether the profile meets the conditions the sources attach.
pub fn transition(kb: &KnowledgeBase, facts: &Facts, t: TransitionIx, out: &mut Vec<Reason>) {
    let tr = kb.transition(t);
    let (from, to) = (kb.role(tr.from), kb.role(tr.to));
    out.push(Reason {
        kind: "transition",
        text: text(
            format!("{} → {}: {}", from.name.ja, to.name.ja, tr.note.ja),
            format!("{} → {}: {}", from.name.en, to.name.en, tr.note.en),
        ),
        source: tr.source.clone(),
        rule: None,
        adjustment: None,
    });
    if let Some(c) = &tr.conditions {
        let trace = c.trace(facts, kb);
        let leaves = trace.leaf_summary();
        let ja_leaves = trace.leaves_in(crate::lang::Lang::Ja, &|passed| {
            if passed { "✓" } else { "✗" }.to_string()
        });
        let (ja, en, adj) = if trace.passed {
            (
                format!("この移動に多い条件を満たしている: {ja_leaves}"),
                format!("you meet what the sources tie this move to: {leaves}"),
                Some(kb.scoring.transition_condition_bonus),
            )
        } else {
            (
                format!("この移動に多い条件をまだ満たしていない: {ja_leaves}"),
                format!("not yet met, what the sources tie this move to: {leaves}"),
                None,
            )
        };
        out.push(Reason {
            kind: "condition",
            text: text(ja, en),
            source: tr.source.clone(),
            rule: None,
            adjustment: adj,
        });
    }
}

/// Why the role fits as it does, condensed from the pieces of its explanation (one source of
/// truth with `explain`): the strongest requirements met, then each rule that applies, with its
/// adjustment and notes. Only the rules that apply are traced.
pub fn fit(
    kb: &KnowledgeBase,
    facts: &Facts,
    fired: &FiredRules,
    fit: &RoleFit,
    out: &mut Vec<Reason>,
) {
    strengths(kb, &skill_lines(kb, fit), &kb.role(fit.role).source, out);
    rules(
        &rule_lines(kb, facts, fired, fit.role, Rules::Applying),
        out,
    );
}

/// The requirements met with the largest contributions (at most three), from the explanation's
/// skill lines; `source` is the role's.
pub fn strengths(kb: &KnowledgeBase, skills: &[SkillLine], source: &str, out: &mut Vec<Reason>) {
    let mut met: Vec<&SkillLine> = skills.iter().filter(|l| l.is_met()).collect();
    met.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then(a.skill.cmp(&b.skill))
    });
    if met.is_empty() {
        return;
    }
    let list = |ja: bool| -> String {
        met.iter()
            .take(3)
            .map(|l| {
                let name = if ja { &l.name.ja } else { &l.name.en };
                let via = l
                    .evidence
                    .as_deref()
                    .and_then(|id| kb.find_cert(id))
                    .map(|c| format!(" ({})", kb.certification(c).name.en))
                    .unwrap_or_default();
                format!("{name} {}/{}{via}", l.have, l.need)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(Reason {
        kind: "strength",
        text: text(
            format!(
                "要件{}件中{}件を満たす: {}",
                skills.len(),
                met.len(),
                list(true)
            ),
            format!(
                "meets {} of {} skill requirements: {}",
                met.len(),
                skills.len(),
                list(false)
            ),
        ),
        source: source.to_string(),
        rule: None,
        adjustment: None,
    });
}

/// Each rule of the explanation that applies: its adjustment (when it has one), then its notes.
pub fn rules(lines: &[RuleLine], out: &mut Vec<Reason>) {
    for line in lines.iter().filter(|l| l.applies) {
        if line.adjustment != 0.0 {
            out.push(Reason {
                kind: "rule",
                text: line.description.clone(),
                source: line.source.clone(),
                rule: Some(line.rule.clone()),
                adjustment: Some(line.adjustment),
            });
        }
        out.extend(line.notes.iter().map(|note| Reason {
            kind: "note",
            text: note.clone(),
            source: line.source.clone(),
            rule: Some(line.rule.clone()),
            adjustment: None,
        }));
    }
}

/// The bonus for the profile's preferences that the role suits.
pub fn preference_bonus(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> f64 {
    let matched = kb
        .role(role)
        .aptitudes
        .iter()
        .filter(|p| facts.prefers(**p))
        .count();
    let s = &kb.scoring;
    (matched as f64 * s.preference_bonus).min(s.preference_bonus_max)
}

/// Preferences of the profile that the role suits; returns the bonus they add.
pub fn preferences(kb: &KnowledgeBase, facts: &Facts, role: RoleIx, out: &mut Vec<Reason>) -> f64 {
    let r = kb.role(role);
    let matched: Vec<_> = r.aptitudes.iter().filter(|p| facts.prefers(**p)).collect();
    if matched.is_empty() {
        return 0.0;
    }
    let bonus = preference_bonus(kb, facts, role);
    let names = |ja: bool| {
        matched
            .iter()
            .map(|p| {
                let v = kb.preference(**p);
                if ja {
                    v.name.ja.clone()
                } else {
                    v.name.en.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(Reason {
        kind: "preference",
        text: text(
            format!("希望({})に合う", names(true)),
            format!("suits your preferences: {}", names(false)),
        ),
        source: r.source.clone(),
        rule: None,
        adjustment: Some(bonus),
    });
    bonus
}

/// The change in headline income, when it can be told: within one survey, named.
pub fn income(
    change: &crate::income::IncomeChange,
    to: &crate::income::Incomes,
    out: &mut Vec<Reason>,
) {
    let (Some((d, basis)), Some(f)) = (
        change.get(crate::knowledge::format::Employment::Employee),
        to.employee.as_ref(),
    ) else {
        return;
    };
    let delta = crate::report::signed_man(d);
    let (role, survey, from) = (&basis.from_role, &basis.survey, &basis.from);
    let (ja_from, en_from) = if basis.from_headline {
        (format!("{role} の{from}"), format!("{role}'s {from}"))
    } else {
        (
            format!("{role} の同じ調査の別の数字{from}"),
            format!("{role}'s other figure {from}"),
        )
    };
    out.push(Reason {
        kind: "income",
        text: text(
            format!(
                "会社員の平均年収 {}({survey}): {ja_from}と比べて {delta}",
                f.display()
            ),
            format!(
                "employee income {} ({survey}): {delta} against {en_from} in the same survey",
                f.display()
            ),
        ),
        source: f.source.clone(),
        rule: None,
        adjustment: None,
    });
}
