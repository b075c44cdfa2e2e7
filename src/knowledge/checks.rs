//! Checks over the whole compiled knowledge base: certification order cycles, rules that could
//! make a score fall when a profile gains something, conditions that can never hold, rules that
//! contradict each other, roles nothing reaches or that lead nowhere, skills nothing uses, and
//! sources: a missing registry, entries nothing cites, figures backed only by a third party.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::DiGraph;

use super::KnowledgeBase;
use super::compile::{Fact, Loc, Origins, report_at};
use super::model::{RoleIx, RuleIx};
use crate::diagnostics::{Diagnostic, MAX_DIAGNOSTICS, Omitted, SourceText};
use crate::rules::{Condition, Effect};

/// Every problem found; errors make the knowledge base unusable, warnings do not. Without
/// `warnings` (loading, not validating), warnings are dropped before they are located.
pub fn check(
    kb: &KnowledgeBase,
    origins: &Origins,
    sources: &[SourceText],
    warnings: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut omitted = Omitted::default();
    let mut push = |loc: Option<&Loc>, d: Diagnostic| {
        if !warnings && !d.is_error() {
            return;
        }
        if out.len() >= MAX_DIAGNOSTICS {
            omitted.count(d.severity);
            return;
        }
        out.push(match loc {
            Some(l) => report_at(sources, l, d),
            None => d,
        });
    };
    if !certification_cycles(kb, origins, &mut push) {
        deep_prerequisites(kb, origins, &mut push);
    }
    monotonic_rules(kb, origins, &mut push);
    unsatisfiable_conditions(kb, origins, &mut push);
    contradicting_rules(kb, origins, &mut push);
    graph_shape(kb, origins, &mut push);
    unused_skills(kb, origins, &mut push);
    jobs(kb, origins, &mut push);
    knowledge_evidence(kb, origins, &mut push);
    unmet_on_total_years(kb, origins, &mut push);
    source_registry(kb, origins, &mut push);
    out.extend(omitted.note());
    out
}

type Push<'a> = dyn FnMut(Option<&Loc>, Diagnostic) + 'a;

/// Certifications that require or follow each other in a circle, each circle reported once;
/// whether there is one.
///
/// The strongly-connected components come from petgraph's Kosaraju, which walks with an explicit
/// stack (its Tarjan recurses once per certification of a chain, and a 100,000-long chain of
/// prerequisites overflowed the stack): O(certifications + references), whatever the depth.
fn certification_cycles(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) -> bool {
    let mut g = DiGraph::<usize, ()>::new();
    let nodes: Vec<_> = (0..kb.certifications.len())
        .map(|i| g.add_node(i))
        .collect();
    for (i, c) in kb.certifications.iter().enumerate() {
        for p in c.prerequisites.iter().chain(&c.recommended_after) {
            if let (Some(&a), Some(&b)) = (nodes.get(p.0), nodes.get(i)) {
                g.add_edge(a, b, ());
            }
        }
    }
    let mut circles: Vec<Vec<usize>> = petgraph::algo::kosaraju_scc(&g)
        .iter()
        .map(|scc| {
            let mut members: Vec<usize> = scc
                .iter()
                .filter_map(|n| g.node_weight(*n).copied())
                .collect();
            members.sort_unstable();
            members
        })
        .collect();
    // In the order of their first certification, whatever order the search found them in.
    circles.sort_unstable();
    let mut found = false;
    for members in circles {
        let self_loop = members.len() == 1
            && members
                .first()
                .and_then(|&m| nodes.get(m))
                .is_some_and(|&n| g.contains_edge(n, n));
        if members.len() < 2 && !self_loop {
            continue;
        }
        found = true;
        let ids: Vec<&str> = members
            .iter()
            .filter_map(|&m| kb.certifications.get(m))
            .map(|c| c.id.as_str())
            .collect();
        let first = members.first().copied().unwrap_or(0);
        push(
            origins.certifications.get(first),
            Diagnostic::error(
                "prerequisite-cycle",
                format!(
                    "certifications require or follow each other in a circle: {}",
                    ids.join(" → ")
                ),
            )
            .with_help(Some(
                "remove one `prerequisites` or `recommended_after` entry to break the circle"
                    .into(),
            )),
        );
    }
    found
}

/// Certifications with more prerequisites, counted through their own, than careergraph plans
/// (a plan would list them all first): see [`crate::knowledge::ladder`].
fn deep_prerequisites(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    use super::ladder::MAX_PREREQUISITES;
    let ladder = kb.ladder();
    for (i, c) in kb.certifications.iter().enumerate() {
        if ladder.plannable(super::model::CertIx(i)) {
            continue;
        }
        push(
            origins
                .certifications
                .get(i)
                .map(|l| l.at("prerequisites"))
                .as_ref(),
            Diagnostic::warning(
                "deep-prerequisites",
                format!(
                    "`{}` has more than {MAX_PREREQUISITES} formal prerequisites, counted \
                     through their own prerequisites: it is never planned",
                    c.id
                ),
            )
            .with_help(Some(
                "shorten the chain, or keep only the formal prerequisites (the usual order goes \
                 in `recommended_after`, which is not counted)"
                    .into(),
            )),
        );
    }
}

fn monotonic_rules(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    for (i, rule) in kb.rules.iter().enumerate() {
        let loc = origins.rules.get(i);
        let polarity = rule.when.polarity();
        let raises = rule
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Adjust { by, .. } if *by > 0.0));
        let lowers = rule
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Adjust { by, .. } if *by < 0.0));
        if raises && lowers {
            push(
                loc,
                Diagnostic::error(
                    "conflicting-adjust",
                    format!("rule `{}` both raises and lowers fits", rule.id),
                )
                .with_help(Some(
                    "split it into one rule that raises and one that lowers".into(),
                )),
            );
        } else if raises && polarity.negative {
            push(
                loc,
                Diagnostic::error(
                    "non-monotonic-rule",
                    format!(
                        "rule `{}` raises a fit when the profile LACKS a skill, year or certification, so gaining one could lower a score",
                        rule.id
                    ),
                )
                .with_help(Some(
                    "a raising rule may test skills, years and certifications only outside `not`".into(),
                )),
            );
        } else if lowers && polarity.positive {
            push(
                loc,
                Diagnostic::error(
                    "non-monotonic-rule",
                    format!(
                        "rule `{}` lowers a fit when the profile HAS a skill, year or certification, so gaining one could lower a score",
                        rule.id
                    ),
                )
                .with_help(Some(
                    "a lowering rule may test skills, years and certifications only inside `not` (penalise the lack)".into(),
                )),
            );
        }
    }
    for (i, t) in kb.transitions.iter().enumerate() {
        if t.conditions.as_ref().is_some_and(|c| c.polarity().negative) {
            push(
                origins.transitions.get(i).map(|l| l.at("conditions")).as_ref(),
                Diagnostic::error(
                    "non-monotonic-condition",
                    "a transition condition tests a skill, year or certification inside `not`, so gaining one could lower a score",
                )
                .with_help(Some("state what the move needs, not what it must lack".into())),
            );
        }
    }
}

fn unsatisfiable_conditions(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    let help = || {
        Some(
            "look for a test and its `not` in one `all`, thresholds that exclude each other, \
             a certification together with the `not` of what it brings, or a value no profile \
             can have (age over 100, team size over 100,000)"
                .into(),
        )
    };
    for (i, rule) in kb.rules.iter().enumerate() {
        if rule.when.never_holds(kb) {
            push(
                origins.rules.get(i).map(|l| l.at("when")).as_ref(),
                Diagnostic::error(
                    "unsatisfiable-condition",
                    format!(
                        "the condition of rule `{}` can never hold, so the rule never applies",
                        rule.id
                    ),
                )
                .with_help(help()),
            );
        }
    }
    for (i, t) in kb.transitions.iter().enumerate() {
        if t.conditions.as_ref().is_some_and(|c| c.never_holds(kb)) {
            push(
                origins
                    .transitions
                    .get(i)
                    .map(|l| l.at("conditions"))
                    .as_ref(),
                Diagnostic::error(
                    "unsatisfiable-condition",
                    format!(
                        "the conditions of the transition {} → {} can never hold",
                        kb.role(t.from).id,
                        kb.role(t.to).id
                    ),
                )
                .with_help(help()),
            );
        }
    }
}

/// Rules with the same condition where one raises a role's fit and another lowers it: whichever
/// the author meant, the two cancel out on every profile.
fn contradicting_rules(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    let mut by_condition: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, rule) in kb.rules.iter().enumerate() {
        by_condition
            .entry(rule.when.canonical())
            .or_default()
            .push(i);
    }
    for group in by_condition.values().filter(|g| g.len() > 1) {
        // Per role, the first rule (by id) that raises it and the first that lowers it.
        let mut first: BTreeMap<usize, (Option<usize>, Option<usize>)> = BTreeMap::new();
        for &r in group {
            let rule = kb.rule(RuleIx(r));
            let mut reported = false;
            for e in &rule.effects {
                let Effect::Adjust { roles, by } = e else {
                    continue;
                };
                let raises = *by > 0.0;
                for role in roles {
                    let (raiser, lowerer) = first.entry(role.0).or_default();
                    let (same, other) = if raises {
                        (raiser, lowerer)
                    } else {
                        (lowerer, raiser)
                    };
                    if let Some(o) = other.filter(|&o| o != r)
                        && !reported
                    {
                        reported = true;
                        let (up, down) = if raises { (r, o) } else { (o, r) };
                        push(
                            origins.rules.get(r),
                            Diagnostic::error(
                                "contradicting-rules",
                                format!(
                                    "rules `{}` and `{}` have the same condition, but `{}` raises the fit of `{}` and `{}` lowers it",
                                    kb.rule(RuleIx(o)).id,
                                    rule.id,
                                    kb.rule(RuleIx(up)).id,
                                    kb.role(*role).id,
                                    kb.rule(RuleIx(down)).id
                                ),
                            )
                            .with_help(Some(
                                "merge them into one rule with the net adjustment, or make their conditions differ".into(),
                            )),
                        );
                    }
                    same.get_or_insert(r);
                }
            }
        }
    }
}

fn graph_shape(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    if !kb.roles.iter().any(|r| r.entry) {
        push(
            None,
            Diagnostic::error("no-entry-role", "no role has `entry: true`").with_help(Some(
                "mark the roles a career can start in with `\"entry\": true`".into(),
            )),
        );
    }
    let mut reached = vec![false; kb.roles.len()];
    let mut stack: Vec<usize> = (kb.roles.iter().enumerate())
        .filter(|(_, r)| r.entry)
        .map(|(i, _)| i)
        .collect();
    while let Some(r) = stack.pop() {
        match reached.get_mut(r) {
            Some(seen) if !*seen => *seen = true,
            _ => continue,
        }
        stack.extend(kb.outgoing(RoleIx(r)).map(|(_, t)| t.to.0));
    }
    for (i, role) in kb.roles.iter().enumerate() {
        if !reached.get(i).copied().unwrap_or(false) {
            push(
                origins.roles.get(i),
                Diagnostic::warning(
                    "unreachable-role",
                    format!("no entry role leads to `{}`", role.id),
                )
                .with_help(Some("add a transition into it, or mark it `entry`".into())),
            );
        }
        let leaves = kb.outgoing(RoleIx(i)).next().is_some();
        if !role.terminal && !leaves {
            push(
                origins.roles.get(i),
                Diagnostic::warning(
                    "dead-end-role",
                    format!(
                        "`{}` can be held as a job but leads nowhere: no transition leaves it, \
                         so someone who holds it gets no advice",
                        role.id
                    ),
                )
                .with_help(Some(
                    "add the moves the sources name out of it (a move to a lower role is \
                     advised as past-level); mark it `terminal` only if no one holds it as a job"
                        .into(),
                )),
            );
        }
        if role.terminal && leaves {
            push(
                origins.roles.get(i),
                Diagnostic::warning(
                    "terminal-role-with-moves",
                    format!(
                        "`{}` is marked `terminal` (no one holds it as a job) but transitions leave it",
                        role.id
                    ),
                )
                .with_help(Some(
                    "remove `terminal`: a role people hold and move on from is not terminal"
                        .into(),
                )),
            );
        }
    }
}

/// A role is a classification of another job of its family, one level deep.
fn jobs(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    for (i, role) in kb.roles.iter().enumerate() {
        let Some(head) = role.classification_of else {
            continue;
        };
        let at = origins.roles.get(i).map(|l| l.at("classification_of"));
        let parent = kb.role(head);
        let problem = if head.0 == i {
            Some((
                format!("`{}` is a classification of itself", role.id),
                "name the broader job it is classed under, or remove the field".to_string(),
            ))
        } else if let Some(grand) = parent.classification_of {
            Some((
                format!(
                    "`{}` is a classification of `{}`, which is itself a classification of `{}`",
                    role.id,
                    parent.id,
                    kb.role(grand).id
                ),
                format!("name the job itself: `{}`", kb.role(grand).id),
            ))
        } else if parent.family != role.family {
            Some((
                format!(
                    "`{}` (family `{}`) is a classification of `{}` (family `{}`)",
                    role.id,
                    kb.family(role.family).id,
                    parent.id,
                    kb.family(parent.family).id
                ),
                "one job's classifications share its family".to_string(),
            ))
        } else {
            None
        };
        if let Some((message, help)) = problem {
            push(
                at.as_ref(),
                Diagnostic::error("invalid-classification", message).with_help(Some(help)),
            );
        }
    }
}

/// A knowledge exam evidences at most the scoring's `knowledge_evidence_max`.
fn knowledge_evidence(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    let cap = kb.scoring.knowledge_evidence_max;
    for (i, cert) in kb.certifications.iter().enumerate() {
        if cert.evidence == crate::knowledge::format::EvidenceKind::HandsOn {
            continue;
        }
        for (skill, level) in cert.evidences.iter().filter(|(_, l)| *l > cap) {
            push(
                origins.certifications.get(i).map(|l| l.at("evidences")).as_ref(),
                Diagnostic::error(
                    "evidence-above-cap",
                    format!(
                        "knowledge exam `{}` evidences `{}` at level {level}, above the {cap} a \
                         written exam may show",
                        cert.id,
                        kb.skill(*skill).id
                    ),
                )
                .with_help(Some(format!(
                    "lower it to {cap}, or mark a performance-based exam `\"evidence\": \"hands-on\"`"
                ))),
            );
        }
    }
}

/// An unmet condition's months on total years: time spent on a route meets the condition, so a
/// quicker person, arriving with fewer years, would pay the months and the route's price would
/// no longer only fall when a profile gains something.
fn unmet_on_total_years(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    fn tests_years(c: &Condition) -> bool {
        match c {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(tests_years),
            Condition::Not(c) => tests_years(c),
            Condition::TotalYearsAtLeast(_) => true,
            _ => false,
        }
    }
    for (i, t) in kb.transitions.iter().enumerate() {
        let (Some(u), Some(c)) = (&t.if_unmet, &t.conditions) else {
            continue;
        };
        if u.months > 0.0 && tests_years(c) {
            push(
                origins
                    .transitions
                    .get(i)
                    .map(|l| l.at("if_unmet"))
                    .as_ref(),
                Diagnostic::warning(
                    "unmet-on-total-years",
                    format!(
                        "`{}` → `{}`: `if_unmet` adds {} months to a condition on total years, \
                         which time on a route meets (someone quicker would pay more)",
                        kb.role(t.from).id,
                        kb.role(t.to).id,
                        crate::rules::fmt_num(u.months)
                    ),
                )
                .with_help(Some(
                    "state the years as the target role's `experience`, or set the months to 0"
                        .into(),
                )),
            );
        }
    }
}

fn unused_skills(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    let mut used = BTreeSet::new();
    let mut families = BTreeSet::new();
    for r in &kb.roles {
        for q in &r.requirements {
            match q.any_of {
                Some(a) => {
                    families.insert(a.family.0);
                    used.extend(kb.skill_family(a.family).members.iter().map(|m| m.0));
                }
                None => {
                    used.insert(q.skill.0);
                }
            }
        }
    }
    for (i, f) in kb.skill_families.iter().enumerate() {
        if !families.contains(&i) {
            push(
                origins.skill_families.get(i),
                Diagnostic::warning(
                    "unused-skill-family",
                    format!(
                        "skill family `{}` is named by no requirement (`any_of`)",
                        f.id
                    ),
                )
                .with_help(Some(
                    "name it in a requirement (`\"any_of\": \"<id>\"`), or remove it".into(),
                )),
            );
        }
    }
    for c in &kb.certifications {
        used.extend(c.evidences.iter().map(|(s, _)| s.0));
    }
    fn walk(c: &Condition, used: &mut BTreeSet<usize>) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| walk(c, used)),
            Condition::Not(c) => walk(c, used),
            Condition::SkillAtLeast { skill, .. } => {
                used.insert(skill.0);
            }
            _ => {}
        }
    }
    for r in &kb.rules {
        walk(&r.when, &mut used);
    }
    for t in &kb.transitions {
        if let Some(c) = &t.conditions {
            walk(c, &mut used);
        }
    }
    for (i, s) in kb.skills.iter().enumerate() {
        if !used.contains(&i) {
            push(
                origins.skills.get(i),
                Diagnostic::warning(
                    "unused-skill",
                    format!("skill `{}` is required by no role, evidenced by no certification and tested by no rule", s.id),
                )
                .with_help(Some("use it in a requirement, or remove it".into())),
            );
        }
    }
}

/// The source registry: without one, sources are free text (one warning); with one, every entry
/// is cited, and certification and income facts cite more than a third party.
fn source_registry(kb: &KnowledgeBase, origins: &Origins, push: &mut Push) {
    if !kb.has_registry {
        push(
            None,
            Diagnostic::warning(
                "no-source-registry",
                "the knowledge base has no source registry: its sources are free text, which a \
                 reader cannot look up",
            )
            .with_help(Some(
                "add a `sources` registry (rules/README.md#sources) and cite each source by its \
                 id"
                .into(),
            )),
        );
        return;
    }
    for (i, s) in kb.sources.iter().enumerate() {
        if !origins.registry.used.get(i).copied().unwrap_or(true) {
            push(
                origins.sources.get(i).map(|l| l.at("id")).as_ref(),
                Diagnostic::warning(
                    "unused-source",
                    format!("source `{}` is cited by no fact", s.id),
                )
                .with_help(Some("cite it where it backs a fact, or remove it".into())),
            );
        }
    }
    for u in &origins.registry.third_party {
        let Some(s) = kb.sources.get(u.source) else {
            continue;
        };
        // The best page there is, and the registry says why.
        if s.best_available.is_some() {
            continue;
        }
        let (what, help) = match u.fact {
            // Issuers rarely publish study hours: a third-party page may back them, if its note
            // says so.
            Fact::Certification { study_hours: true } if s.note.is_some() => continue,
            Fact::Certification { study_hours } => (
                "this certification's facts rest",
                format!(
                    "cite the issuer's own page (a `sources` entry of kind `issuer`){}",
                    if study_hours {
                        "; if this page is cited for the study hours alone, say so in its `note`"
                    } else {
                        ""
                    }
                ),
            ),
            Fact::Income => (
                "this income figure rests",
                "cite the survey's own page (kind `survey`), or the issuer's or a media report \
                 of it (kind `issuer` or `media`)"
                    .to_string(),
            ),
            Fact::Other => continue,
        };
        push(
            Some(&u.loc),
            Diagnostic::warning(
                "weak-source",
                format!(
                    "{what} only on `{}`, a third-party source ({})",
                    s.id, s.publisher
                ),
            )
            .with_help(Some(help)),
        );
    }
}
