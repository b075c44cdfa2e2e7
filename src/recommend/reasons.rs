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
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Reason {
    /// `transition`, `condition`, `strength`, `rule`, `note`, `preference`, `work-style` or
    /// `income`.
    pub kind: &'static str,
    /// The reason.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
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
        text: Text::lazy(
            || format!("{} → {}: {}", from.name.ja, to.name.ja, tr.note.ja),
            || format!("{} → {}: {}", from.name.en, to.name.en, tr.note.en),
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
        text: Text::lazy(
            || {
                format!(
                    "要件{}件中{}件を満たす: {}",
                    skills.len(),
                    met.len(),
                    list(true)
                )
            },
            || {
                format!(
                    "meets {} of {} skill requirements: {}",
                    met.len(),
                    skills.len(),
                    list(false)
                )
            },
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

/// Preferences of the profile that the role suits, with the value they add (`value`, capped).
pub fn preferences(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    value: f64,
    out: &mut Vec<Reason>,
) {
    let r = kb.role(role);
    let matched: Vec<_> = super::advice::matched_preferences(kb, facts, role).collect();
    if matched.is_empty() {
        return;
    }
    let names = |ja: bool| {
        matched
            .iter()
            .map(|p| {
                let v = kb.preference(*p);
                if ja {
                    v.name.ja.clone()
                } else {
                    v.name.en.clone()
                }
            })
            .collect::<Vec<_>>()
    };
    out.push(Reason {
        kind: "preference",
        text: Text::lazy(
            || format!("希望({})に合う", names(true).join("・")),
            || format!("suits your preferences: {}", names(false).join(", ")),
        ),
        source: r.source.clone(),
        rule: None,
        adjustment: Some(value),
    });
}

/// How the role is commonly held, when that weighs for the way the person works or wants to
/// work (see [`super::advice::style_fit`]), with the value it adds or takes.
pub fn work_style(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    value: f64,
    out: &mut Vec<Reason>,
) {
    use super::advice::StyleFit;
    let r = kb.role(role);
    let Some(fit) = super::advice::style_fit(kb, facts, role) else {
        return;
    };
    let (ja, en, source) = match fit {
        StyleFit::Suits(w) => {
            let s = kb.work_style(w.style);
            (
                format!(
                    "{}は{}の案件も多く、フリーランスとして働きやすい",
                    r.name.ja, s.name.ja
                ),
                format!(
                    "{} is often held as {} work: it suits working freelance",
                    r.name.en,
                    s.name.en.to_lowercase()
                ),
                w.source.clone(),
            )
        }
        StyleFit::Excludes(w) => {
            let s = kb.work_style(w.style);
            let why = s.description.as_ref();
            (
                format!(
                    "{}は{}の役割です{}",
                    r.name.ja,
                    s.name.ja,
                    why.map(|d| format!("。{}", d.ja)).unwrap_or_default()
                ),
                format!(
                    "{} is {}{}",
                    r.name.en,
                    s.name.en.to_lowercase(),
                    why.map(|d| format!(": {}", d.en)).unwrap_or_default()
                ),
                w.source.clone(),
            )
        }
    };
    out.push(Reason {
        kind: "work-style",
        text: text(ja, en),
        source,
        rule: None,
        adjustment: Some(value),
    });
}

/// What kind of advice the role is, in a sentence: the first reason of every recommendation.
pub fn advice(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    transitions: &[TransitionIx],
    a: &super::Assessment,
    out: &mut Vec<Reason>,
) {
    use crate::knowledge::format::Advice;
    let r = kb.role(role);
    let here = facts.current_role.map(|c| kb.role(c));
    let (here_ja, here_en) = here.map_or((String::new(), String::new()), |h| {
        (h.name.ja.clone(), h.name.en.clone())
    });
    let head = r.classification_of.unwrap_or(role);
    let source = transitions
        .last()
        .map_or_else(|| r.source.clone(), |t| kb.transition(*t).source.clone());
    let (ja, en, source) = match a.move_advice {
        Advice::AlreadyYours => {
            let job = kb.role(
                here.and_then(|h| h.classification_of)
                    .or(facts.current_role)
                    .unwrap_or(head),
            );
            (
                format!(
                    "{}は{}の仕事を担当分野で呼び分けた職種で、今の仕事と同じです。キャリアの一歩ではありません",
                    r.name.ja, job.name.ja
                ),
                format!(
                    "{} is your job, {}, named by the work it covers: not a career step",
                    r.name.en, job.name.en
                ),
                kb.role(head).source.clone(),
            )
        }
        Advice::PastLevel => match a.outgrown_by.map(|o| kb.role(o)) {
            Some(by) => (
                format!(
                    "{}にも就ける経験があり、{}はあなたのレベルより下の役割です",
                    by.name.ja, r.name.ja
                ),
                format!(
                    "you are past {}: your experience already fits {}",
                    r.name.en, by.name.en
                ),
                by.source.clone(),
            ),
            None => (
                format!("{}は{}より下の役割です", r.name.ja, here_ja),
                format!("{} is below your current role, {}", r.name.en, here_en),
                r.source.clone(),
            ),
        },
        Advice::StepUp => (
            format!("{}から一段上の役割への一歩です", here_ja),
            format!("a step up from {}", here_en),
            source,
        ),
        Advice::Specialise => (
            format!("{}として専門を深める道です", r.name.ja),
            format!("a specialisation: {}", r.name.en),
            source,
        ),
        Advice::ChangeTrack => {
            let family = kb.family(r.family);
            let here_family = facts.current_family.map(|f| kb.family(f));
            match here_family {
                Some(h) => (
                    format!("{}から{}の職種への転換です", h.name.ja, family.name.ja),
                    format!(
                        "a change of track, from {} to {}",
                        h.name.en.to_lowercase(),
                        family.name.en.to_lowercase()
                    ),
                    source,
                ),
                None => (
                    format!("{}の職種への転換です", family.name.ja),
                    format!("a change of track, to {}", family.name.en.to_lowercase()),
                    source,
                ),
            }
        }
        Advice::Sideways => (
            format!("{}と同じレベル・同じ系統の横移動です", here_ja),
            format!("a sideways move at the level of {}", here_en),
            source,
        ),
        Advice::Entry => (
            "IT業界での最初の職種です".to_string(),
            "a first job in IT".to_string(),
            r.source.clone(),
        ),
        Advice::Goal => (String::new(), String::new(), source),
    };
    let mut reason_ja = ja;
    let mut reason_en = en;
    if a.advice == Advice::Goal {
        reason_ja = format!("あなたの目標です({reason_ja})");
        reason_en = format!("your goal ({reason_en})");
    }
    out.push(Reason {
        kind: "advice",
        text: text(reason_ja, reason_en),
        source,
        rule: None,
        adjustment: None,
    });
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
        text: Text::lazy(
            || {
                format!(
                    "会社員の平均年収 {}({survey}): {ja_from}と比べて {delta}",
                    f.display()
                )
            },
            || {
                format!(
                    "employee income {} ({survey}): {delta} against {en_from} in the same survey",
                    f.display()
                )
            },
        ),
        source: f.source.clone(),
        rule: None,
        adjustment: None,
    });
}
