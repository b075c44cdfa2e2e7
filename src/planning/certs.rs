//! Certifications that close a profile's gaps for a role, with the reasons for each.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::{CertIx, RoleIx, SkillIx};
use crate::profile::Facts;
use crate::rules::Effect;
use crate::scoring::{FiredRules, RoleFit};

use super::certplan::{self, Need};

/// Largest number of certifications suggested per skill gap.
const PER_GAP: usize = 2;

/// A skill level a certification would evidence.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Closes {
    /// Skill id.
    pub skill: String,
    /// Level evidenced.
    pub level: u8,
    /// Whether that reaches the level the role needs.
    pub fully: bool,
}

/// Why a certification is suggested.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CertReason {
    /// `closes-gap`, `helps-role`, `rule`, `proof` or `ladder` (it follows a step of its
    /// ladder: listed above, or held).
    pub kind: &'static str,
    /// The reason.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub text: Text,
    /// Where it comes from.
    pub source: String,
}

/// Typical study hours.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Hours {
    /// Low end.
    pub min: f64,
    /// High end.
    pub max: f64,
}

/// A certification to take.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CertAdvice {
    /// Certification id.
    pub id: String,
    /// Names.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// Issuer.
    pub issuer: String,
    /// Typical study hours, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub study_hours: Option<Hours>,
    /// The gaps it closes.
    pub closes: Vec<Closes>,
    /// Formal prerequisites not yet held.
    pub missing_prerequisites: Vec<String>,
    /// Certifications usually taken first and not yet held.
    pub take_first: Vec<String>,
    /// Why it is suggested.
    pub reasons: Vec<CertReason>,
}

/// The certifications (not held) that close the role's skill gaps, that the role lists as
/// helpful, or that an applying rule recommends; those closing most gaps come first, then fewer
/// study hours, then id.
pub fn advise(
    kb: &KnowledgeBase,
    facts: &Facts,
    fired: &FiredRules,
    fit: &RoleFit,
) -> Vec<CertAdvice> {
    let mut picked: BTreeMap<CertIx, (Vec<Closes>, Vec<CertReason>)> = BTreeMap::new();
    for gap in fit.skills.iter().filter(|t| t.is_gap()) {
        let mut options: Vec<(CertIx, u8)> = kb
            .certifications
            .iter()
            .enumerate()
            .filter(|(i, _)| facts.can_plan(kb, CertIx(*i)))
            .map(|(i, c)| (CertIx(i), c.level_of(gap.skill)))
            .filter(|(_, l)| *l > gap.have)
            .collect();
        // Certifications reaching the needed level first, then the nearest level, fewer hours, id.
        options.sort_by(|(a, la), (b, lb)| {
            let reach = |l: &u8| *l < gap.need;
            reach(la)
                .cmp(&reach(lb))
                .then(la.abs_diff(gap.need).cmp(&lb.abs_diff(gap.need)))
                .then(hours(kb, *a).total_cmp(&hours(kb, *b)))
                .then(a.cmp(b))
        });
        let skill = kb.skill(gap.skill);
        for (cert, level) in options.into_iter().take(PER_GAP) {
            let entry = picked.entry(cert).or_default();
            entry.0.push(Closes {
                skill: skill.id.clone(),
                level,
                fully: level >= gap.need,
            });
            entry
                .1
                .push(closes_gap(kb, cert, gap.skill, level, gap.need));
        }
    }
    let role = kb.role(fit.role);
    for h in &role.certifications {
        if facts.holds(h.cert) {
            continue;
        }
        picked.entry(h.cert).or_default().1.push(CertReason {
            kind: "helps-role",
            text: Text::lazy(
                || format!("{}で評価される資格", role.name.ja),
                || format!("valued for {}", role.name.en),
            ),
            source: h.source.clone(),
        });
    }
    for (cert, rule) in recommended_by_rules(kb, fired, Some(fit.role)) {
        if facts.holds(cert) {
            continue;
        }
        picked.entry(cert).or_default().1.push(CertReason {
            kind: "rule",
            text: rule.description.clone(),
            source: rule.source.clone(),
        });
    }
    let mut out: Vec<CertAdvice> = picked
        .into_iter()
        .map(|(cert, (closes, reasons))| build(kb, facts, cert, closes, reasons))
        .collect();
    let essential: Vec<&str> = fit
        .skills
        .iter()
        .filter(|t| t.essential && t.is_gap())
        .map(|t| kb.skill(t.skill).id.as_str())
        .collect();
    let closes_essential = |a: &CertAdvice| {
        a.closes
            .iter()
            .filter(|c| essential.contains(&c.skill.as_str()))
            .count()
    };
    // Closing essential gaps first, then the most reasons (gaps closed, valued by the role,
    // recommended by a rule), then fewer study hours, then id.
    out.sort_by(|a, b| {
        closes_essential(b)
            .cmp(&closes_essential(a))
            .then(b.reasons.len().cmp(&a.reasons.len()))
            .then(hours_of(a).total_cmp(&hours_of(b)))
            .then_with(|| a.id.cmp(&b.id))
    });
    ladder(kb, facts, &mut out);
    out
}

/// The certifications a certification comes after on its ladder, transitively: its formal
/// prerequisites and those usually taken first (`recommended_after`), theirs, and so on.
fn comes_after(kb: &KnowledgeBase, cert: CertIx) -> std::collections::BTreeSet<CertIx> {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![cert];
    while let Some(c) = stack.pop() {
        let def = kb.certification(c);
        for p in def.prerequisites.iter().chain(&def.recommended_after) {
            if *p != cert && seen.insert(*p) {
                stack.push(*p);
            }
        }
    }
    seen
}

/// Puts a list of suggested certifications in the order a person climbs them: a certification
/// never comes before one on its ladder below it (FE before AP before an advanced exam; CCNA
/// before CCNP; LinuC 1 before 2 before 3), otherwise the list keeps its order. Each one that
/// follows a step of its ladder (listed above, or held) says so: why it is where it is.
pub fn ladder(kb: &KnowledgeBase, facts: &Facts, list: &mut Vec<CertAdvice>) {
    let ix: Vec<Option<CertIx>> = list.iter().map(|a| kb.find_cert(&a.id)).collect();
    let below: Vec<std::collections::BTreeSet<CertIx>> = ix
        .iter()
        .map(|c| c.map(|c| comes_after(kb, c)).unwrap_or_default())
        .collect();
    let mut left: Vec<usize> = (0..list.len()).collect();
    let mut order: Vec<usize> = Vec::with_capacity(list.len());
    while !left.is_empty() {
        let free = left.iter().position(|&i| {
            let under = below.get(i);
            left.iter().all(|&j| {
                j == i
                    || ix
                        .get(j)
                        .copied()
                        .flatten()
                        .is_none_or(|c| under.is_none_or(|u| !u.contains(&c)))
            })
        });
        // The validator rejects prerequisite cycles; stay total anyway.
        let at = free.unwrap_or(0);
        order.push(left.remove(at));
    }
    let mut items: Vec<Option<CertAdvice>> = std::mem::take(list).into_iter().map(Some).collect();
    let mut placed: Vec<CertIx> = Vec::new();
    for i in order {
        let Some(mut a) = items.get_mut(i).and_then(Option::take) else {
            continue;
        };
        // Said afresh for this list (a plan reuses advice already put in order).
        a.reasons.retain(|r| r.kind != "ladder");
        if let Some(c) = ix.get(i).copied().flatten() {
            let def = kb.certification(c);
            let direct: Vec<CertIx> = def
                .prerequisites
                .iter()
                .chain(&def.recommended_after)
                .copied()
                .collect();
            let held: Vec<CertIx> = direct.iter().copied().filter(|p| facts.holds(*p)).collect();
            let name = |p: &[CertIx], ja: bool| {
                p.iter()
                    .map(|c| {
                        let n = &kb.certification(*c).name;
                        if ja { n.ja.clone() } else { n.en.clone() }
                    })
                    .collect::<Vec<_>>()
                    .join(if ja { "・" } else { ", " })
            };
            let above_ix: Vec<CertIx> = direct
                .iter()
                .copied()
                .filter(|p| placed.contains(p))
                .collect();
            if !above_ix.is_empty() {
                a.reasons.push(CertReason {
                    kind: "ladder",
                    text: Text::lazy(
                        || format!("{}の次に受ける資格(上に挙げた順に)", name(&above_ix, true)),
                        || format!("taken after {} (listed above)", name(&above_ix, false)),
                    ),
                    source: def.source.clone(),
                });
            } else if !held.is_empty() {
                a.reasons.push(CertReason {
                    kind: "ladder",
                    text: Text::lazy(
                        || format!("取得済みの{}の次の段階", name(&held, true)),
                        || format!("the next step after {}, which you hold", name(&held, false)),
                    ),
                    source: def.source.clone(),
                });
            }
            placed.push(c);
        }
        list.push(a);
    }
}

/// Study time of a certification plan.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct StudyTime {
    /// Study hours in total, over the certifications whose hours a source gives (middle of each
    /// range).
    pub hours: f64,
    /// Months of study at the knowledge base's study hours per month.
    pub months: f64,
    /// Planned certifications whose study hours no source gives (not counted above).
    pub unknown_hours: Vec<String>,
}

/// The certifications for a role: a plan and the others worth knowing.
#[derive(Debug, Clone, PartialEq)]
pub struct CertificationPlan {
    /// The cheapest set that evidences the levels needed, in the order to take them.
    pub plan: Vec<CertAdvice>,
    /// Its study time.
    pub time: StudyTime,
    /// Other certifications that help (partial evidence, valued by the role, recommended by a
    /// rule), best first.
    pub others: Vec<CertAdvice>,
}

/// The certification plan for a role: the cheapest set that evidences the levels its essential
/// skill gaps need (every such gap a certification can close in full, see [`certplan`]); the
/// certifications a rule that applies recommends for the role (CCNA and CCNP backing an upstream
/// step, a first certificate for newcomers …); and, for someone changing track or starting out
/// whom neither gives one, the certificate that best proves the role's essential knowledge
/// (certificates are the proof employers ask of people without experience in a field). In the
/// order to take them, with formal prerequisites not yet held. Then the other helpful
/// certifications.
pub fn plan(
    kb: &KnowledgeBase,
    facts: &Facts,
    fired: &FiredRules,
    fit: &RoleFit,
) -> CertificationPlan {
    let needs: Vec<Need> = fit
        .skills
        .iter()
        .filter(|t| t.essential && t.is_level_gap())
        .map(|t| Need {
            skill: t.skill,
            level: t.need,
        })
        .collect();
    let chosen = certplan::cheapest(kb, facts, &needs);
    let mut set: std::collections::BTreeSet<CertIx> = chosen.certs.iter().copied().collect();
    for (cert, _) in recommended_by_rules(kb, fired, Some(fit.role)) {
        if facts.can_plan(kb, cert) {
            add_with_prerequisites(kb, facts, cert, &mut set);
        }
    }
    let proof = if changes_field(kb, facts, fit.role) {
        proof_certificate(kb, facts, fit).filter(|c| !set.contains(c))
    } else {
        None
    };
    if let Some(c) = proof
        && !proves_essential(kb, fit, &set)
    {
        add_with_prerequisites(kb, facts, c, &mut set);
    }
    let mut advice = advise(kb, facts, fired, fit);
    // A step below a planned certification on its ladder that is itself suggested for the role
    // (AP below SA, both valued for an architect) is planned first, not listed after it.
    let suggested: Vec<CertIx> = advice.iter().filter_map(|a| kb.find_cert(&a.id)).collect();
    let steps: Vec<CertIx> = set
        .iter()
        .flat_map(|c| comes_after(kb, *c))
        .filter(|p| suggested.contains(p) && !facts.holds(*p) && facts.can_plan(kb, *p))
        .collect();
    for p in steps {
        add_with_prerequisites(kb, facts, p, &mut set);
    }
    let ordered = certplan::order(kb, &set);
    let mut plan = Vec::with_capacity(ordered.len());
    for cert in &ordered {
        let id = &kb.certification(*cert).id;
        let mut a = match advice.iter().position(|a| &a.id == id) {
            Some(i) => advice.remove(i),
            None => build(kb, facts, *cert, Vec::new(), Vec::new()),
        };
        explain_choice(kb, fit, &ordered, *cert, &mut a);
        if Some(*cert) == proof
            && let Some(p) = &kb.scoring.proof_certificate
        {
            a.reasons.push(CertReason {
                kind: "proof",
                text: p.text.shaped(),
                source: p.source.clone(),
            });
        }
        plan.push(a);
    }
    ladder(kb, facts, &mut plan);
    let hours: f64 = ordered
        .iter()
        .filter_map(|c| kb.certification(*c).hours())
        .sum();
    CertificationPlan {
        time: StudyTime {
            hours,
            months: hours / kb.scoring.study_hours_per_month,
            unknown_hours: plan
                .iter()
                .filter(|a| a.study_hours.is_none())
                .map(|a| a.id.clone())
                .collect(),
        },
        plan,
        others: advice,
    }
}

/// Adds a certification and its formal prerequisites not yet held.
fn add_with_prerequisites(
    kb: &KnowledgeBase,
    facts: &Facts,
    cert: CertIx,
    set: &mut std::collections::BTreeSet<CertIx>,
) {
    let mut stack = vec![cert];
    while let Some(c) = stack.pop() {
        if !facts.holds(c) && set.insert(c) {
            stack.extend(kb.certification(c).prerequisites.iter().copied());
        }
    }
}

/// Whether moving into the role enters a field where a certificate is the proof of skills
/// (the knowledge base's `proof_certificate`): a first job, or a role of another family, of a
/// family the proof applies to.
fn changes_field(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> bool {
    let Some(proof) = &kb.scoring.proof_certificate else {
        return false;
    };
    let family = kb.role(role).family;
    let field = proof.families.is_empty() || proof.families.contains(&family);
    field && facts.current_family != Some(family)
}

/// Whether some planned certification evidences one of the role's essential skills.
fn proves_essential(
    kb: &KnowledgeBase,
    fit: &RoleFit,
    set: &std::collections::BTreeSet<CertIx>,
) -> bool {
    set.iter().any(|c| {
        fit.skills
            .iter()
            .any(|t| t.essential && kb.certification(*c).level_of(t.skill) > 0)
    })
}

/// The certificate (not held, its formal prerequisites held) that best proves a role's
/// essential knowledge: among the certifications of the field (most of what they evidence is
/// what the role requires: CCNA or LinuC for infrastructure, not a general IT exam) that
/// evidence an essential skill, the one evidencing the most essential skills the profile has
/// not shown in practice, then the fewest study hours (unknown last), then id. `None` when the
/// profile already holds such a certificate.
fn proof_certificate(kb: &KnowledgeBase, facts: &Facts, fit: &RoleFit) -> Option<CertIx> {
    let essential: Vec<&crate::scoring::SkillTerm> =
        fit.skills.iter().filter(|t| t.essential).collect();
    let role = kb.role(fit.role);
    let of_the_field = |c: CertIx| {
        let evidences = &kb.certification(c).evidences;
        let required = evidences
            .iter()
            .filter(|(s, _)| {
                role.requirements
                    .iter()
                    .any(|q| kb.requirement_counts(q, *s))
            })
            .count();
        2 * required >= evidences.len() && required > 0
    };
    let proves = |c: CertIx| {
        if !of_the_field(c) {
            return 0;
        }
        essential
            .iter()
            .filter(|t| kb.certification(c).level_of(t.skill) > 0)
            .count()
    };
    let held_proof = (0..kb.certifications.len())
        .map(CertIx)
        .any(|c| facts.holds(c) && proves(c) > 0);
    if held_proof {
        return None;
    }
    let mut options: Vec<(usize, f64, CertIx)> = (0..kb.certifications.len())
        .map(CertIx)
        .filter(|c| facts.can_take(kb, *c) && proves(*c) > 0)
        .map(|c| {
            let unpractised = essential
                .iter()
                .filter(|t| t.practised < t.need && kb.certification(c).level_of(t.skill) > 0)
                .count();
            (unpractised, hours(kb, c), c)
        })
        .filter(|(n, _, _)| *n > 0)
        .collect();
    options.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    options.first().map(|(_, _, c)| *c)
}

/// One planned certification, with what it closes of the role's gaps and why it is planned.
pub fn describe(kb: &KnowledgeBase, facts: &Facts, fit: &RoleFit, cert: CertIx) -> CertAdvice {
    let mut a = build(kb, facts, cert, Vec::new(), Vec::new());
    explain_choice(kb, fit, &[cert], cert, &mut a);
    a
}

/// Sets what a planned certification closes, puts those reasons first, and says when it is
/// planned only as another's prerequisite.
fn explain_choice(
    kb: &KnowledgeBase,
    fit: &RoleFit,
    planned: &[CertIx],
    cert: CertIx,
    a: &mut CertAdvice,
) {
    let def = kb.certification(cert);
    let closing: Vec<(&crate::scoring::SkillTerm, u8)> = fit
        .skills
        .iter()
        .filter(|t| t.is_gap())
        .map(|t| (t, def.level_of(t.skill)))
        .filter(|(t, l)| *l > t.have)
        .collect();
    a.closes = closing
        .iter()
        .map(|(t, l)| Closes {
            skill: kb.skill(t.skill).id.clone(),
            level: *l,
            fully: *l >= t.need,
        })
        .collect();
    a.reasons.retain(|r| r.kind != "closes-gap");
    a.reasons.splice(
        0..0,
        closing
            .iter()
            .map(|(t, l)| closes_gap(kb, cert, t.skill, *l, t.need)),
    );
    let required_by: Vec<&str> = planned
        .iter()
        .filter(|c| kb.certification(**c).prerequisites.contains(&cert))
        .map(|c| kb.certification(*c).id.as_str())
        .collect();
    if !required_by.is_empty() && closing.is_empty() {
        a.reasons.insert(
            0,
            CertReason {
                kind: "prerequisite",
                text: Text::lazy(
                    || format!("{}の受験に必要", required_by.join("・")),
                    || format!("required before {}", required_by.join(", ")),
                ),
                source: def.source.clone(),
            },
        );
    }
}

/// Certifications recommended by rules that apply, for a role (or, with `None`, in general).
pub fn recommended_by_rules<'a>(
    kb: &'a KnowledgeBase,
    fired: &'a FiredRules,
    role: Option<RoleIx>,
) -> impl Iterator<Item = (CertIx, &'a crate::knowledge::model::Rule)> + 'a {
    kb.rules
        .iter()
        .enumerate()
        .filter(move |(i, _)| fired.fired(crate::knowledge::model::RuleIx(*i)))
        .flat_map(move |(_, rule)| {
            rule.effects.iter().filter_map(move |e| match e {
                Effect::RecommendCertification { roles, cert } => {
                    let applies = match role {
                        Some(r) => roles.contains(&r),
                        None => roles.is_empty(),
                    };
                    applies.then_some((*cert, rule))
                }
                _ => None,
            })
        })
}

/// A certification suggested for general reasons (not tied to a role).
pub fn advise_general(kb: &KnowledgeBase, facts: &Facts, fired: &FiredRules) -> Vec<CertAdvice> {
    let mut picked: BTreeMap<CertIx, Vec<CertReason>> = BTreeMap::new();
    for (cert, rule) in recommended_by_rules(kb, fired, None) {
        if !facts.holds(cert) {
            picked.entry(cert).or_default().push(CertReason {
                kind: "rule",
                text: rule.description.clone(),
                source: rule.source.clone(),
            });
        }
    }
    let mut out: Vec<CertAdvice> = picked
        .into_iter()
        .map(|(cert, reasons)| build(kb, facts, cert, Vec::new(), reasons))
        .collect();
    ladder(kb, facts, &mut out);
    out
}

/// Why a certification closes a skill gap.
fn closes_gap(kb: &KnowledgeBase, cert: CertIx, skill: SkillIx, level: u8, need: u8) -> CertReason {
    let skill = kb.skill(skill);
    CertReason {
        kind: "closes-gap",
        text: Text::lazy(
            || {
                format!(
                    "{}をレベル{}まで証明する(必要レベル{})",
                    skill.name.ja, level, need
                )
            },
            || {
                format!(
                    "evidences {} at level {} (needed: {})",
                    skill.name.en, level, need
                )
            },
        ),
        source: kb.certification(cert).source.clone(),
    }
}

fn build(
    kb: &KnowledgeBase,
    facts: &Facts,
    cert: CertIx,
    closes: Vec<Closes>,
    reasons: Vec<CertReason>,
) -> CertAdvice {
    let c = kb.certification(cert);
    let not_held = |list: &[CertIx]| -> Vec<String> {
        list.iter()
            .filter(|p| !facts.holds(**p))
            .map(|p| kb.certification(*p).id.clone())
            .collect()
    };
    CertAdvice {
        id: c.id.clone(),
        name: c.name.shaped(),
        issuer: c.issuer.clone(),
        study_hours: c.study_hours.map(|(min, max)| Hours { min, max }),
        closes,
        missing_prerequisites: not_held(&c.prerequisites),
        take_first: not_held(&c.recommended_after),
        reasons,
    }
}

fn hours(kb: &KnowledgeBase, c: CertIx) -> f64 {
    kb.certification(c).hours().unwrap_or(f64::INFINITY)
}

fn hours_of(a: &CertAdvice) -> f64 {
    a.study_hours
        .map_or(f64::INFINITY, |h| (h.min + h.max) / 2.0)
}
