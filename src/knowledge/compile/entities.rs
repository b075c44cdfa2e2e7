//! Compiling each kind of entity: resolving its references and checking its numbers.

use super::Located;
use super::context::{Ctx, Fact, Loc};
use crate::diagnostics::Diagnostic;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::*;
use crate::knowledge::model::*;

impl Ctx<'_> {
    /// An entry of the source registry: title, publisher and address given, the address one a
    /// reader can open, the date a real `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub(super) fn compile_source(&mut self, s: &Located<SourceDef>) -> Source {
        let (d, loc) = (s.def, &s.loc);
        for (key, value) in [
            ("title", &d.title),
            ("publisher", &d.publisher),
            ("url", &d.url),
        ] {
            if value.trim().is_empty() {
                self.error(
                    &loc.at(key),
                    "empty-text",
                    format!("the source's `{key}` is empty"),
                    Some(format!(
                        "write the {} as the source gives it",
                        match key {
                            "url" => "address a reader can open",
                            "title" => "title",
                            _ => "publisher",
                        }
                    )),
                );
            }
        }
        let url = d.url.trim();
        let web = url.starts_with("https://") || url.starts_with("http://");
        let repo_path = d.kind == SourceKind::Design
            && !url.contains("://")
            && !url.starts_with('/')
            && !url.split(['/', '#']).any(|part| part == "..");
        if !url.is_empty() && !web && !repo_path {
            self.error(
                &loc.at("url"),
                "invalid-value",
                format!("the source's `url` `{url}` is not an address a reader can open"),
                Some(if d.kind == SourceKind::Design {
                    "write an `https://` address, or a path in this repository such as \
                     `rules/README.md#scoring`"
                        .into()
                } else {
                    "write the `https://` address of the page".into()
                }),
            );
        }
        if !valid_date(&d.date) {
            self.error(
                &loc.at("date"),
                "invalid-value",
                format!(
                    "the source's `date` `{}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
                    d.date
                ),
                Some(
                    "give the date of publication or last update, as far as known: `2025-11`"
                        .into(),
                ),
            );
        }
        if d.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
            self.error(
                &loc.at("note"),
                "empty-text",
                "the source's `note` is empty".into(),
                Some("write what the source is cited for, or leave `note` out".into()),
            );
        }
        if d.best_available
            .as_deref()
            .is_some_and(|n| n.trim().is_empty())
        {
            self.error(
                &loc.at("best_available"),
                "empty-text",
                "the source's `best_available` is empty".into(),
                Some("say which stronger pages were looked for and not found".into()),
            );
        }
        if d.best_available.is_some() && d.kind != SourceKind::ThirdParty {
            self.error(
                &loc.at("best_available"),
                "invalid-value",
                format!(
                    "`best_available` on a `{}` source: only a third-party page needs one",
                    d.kind.as_str()
                ),
                Some("remove it".into()),
            );
        }
        Source {
            id: d.id.clone(),
            title: d.title.clone(),
            publisher: d.publisher.clone(),
            url: d.url.clone(),
            date: d.date.clone(),
            kind: d.kind,
            note: d.note.clone(),
            best_available: d.best_available.clone(),
        }
    }

    pub(super) fn compile_skill(&mut self, s: &Located<SkillDef>) -> Skill {
        let d = s.def;
        self.text(&s.loc.at("name"), &d.name);
        self.source(&s.loc, &d.source);
        Skill {
            id: d.id.clone(),
            name: d.name.clone(),
            category: d.category.clone(),
            aliases: d.aliases.clone(),
            source: d.source.clone(),
        }
    }

    /// A skill family: its members resolved, at least one, none twice.
    pub(super) fn compile_skill_family(&mut self, f: &Located<SkillFamilyDef>) -> SkillFamily {
        let (d, loc) = (f.def, &f.loc);
        self.text(&loc.at("name"), &d.name);
        self.source(loc, &d.source);
        if d.members.is_empty() {
            self.error(
                &loc.at("members"),
                "empty-list",
                format!("skill family `{}` has no members", d.id),
                Some("list the skills any of which meets a requirement on the family".into()),
            );
        }
        let mut members: Vec<SkillIx> = Vec::new();
        for (i, id) in d.members.iter().enumerate() {
            let at = loc.at("members").at(i);
            if let Some(s) = self.skill(&at, id) {
                if members.contains(&s) {
                    self.error(
                        &at,
                        "duplicate-id",
                        format!("skill `{id}` is listed twice in skill family `{}`", d.id),
                        Some("remove the second".into()),
                    );
                } else {
                    members.push(s);
                }
            }
        }
        SkillFamily {
            id: d.id.clone(),
            name: d.name.clone(),
            members,
            source: d.source.clone(),
        }
    }

    /// A work style.
    pub(super) fn compile_work_style(&mut self, w: &Located<WorkStyleDef>) -> WorkStyle {
        let (d, loc) = (w.def, &w.loc);
        self.text(&loc.at("name"), &d.name);
        if let Some(t) = &d.description {
            self.text(&loc.at("description"), t);
        }
        self.source(loc, &d.source);
        let preference = d
            .preference
            .as_deref()
            .and_then(|p| self.preference(&loc.at("preference"), p));
        WorkStyle {
            id: d.id.clone(),
            name: d.name.clone(),
            description: d.description.clone(),
            employment: d.employment,
            exclusive: d.exclusive,
            preference,
            source: d.source.clone(),
        }
    }

    pub(super) fn compile_phase(&mut self, p: &Located<PhaseDef>) -> Phase {
        let d = p.def;
        self.text(&p.loc.at("name"), &d.name);
        self.source(&p.loc, &d.source);
        Phase {
            id: d.id.clone(),
            name: d.name.clone(),
            upstream: d.upstream,
            source: d.source.clone(),
        }
    }

    pub(super) fn compile_vocab(&mut self, v: &Located<VocabDef>) -> Vocab {
        let d = v.def;
        self.text(&v.loc.at("name"), &d.name);
        if let Some(t) = &d.description {
            self.text(&v.loc.at("description"), t);
        }
        self.source(&v.loc, &d.source);
        Vocab {
            id: d.id.clone(),
            name: d.name.clone(),
            description: d.description.clone(),
            source: d.source.clone(),
        }
    }

    pub(super) fn compile_certification(&mut self, c: &Located<CertificationDef>) -> Certification {
        let (d, loc) = (c.def, &c.loc);
        self.text(&loc.at("name"), &d.name);
        self.source_of(
            loc,
            &d.source,
            Fact::Certification {
                study_hours: d.study_hours.is_some(),
            },
        );
        if let Some(l) = d.itss_level
            && !(1..=7).contains(&l)
        {
            self.error(
                &loc.at("itss_level"),
                "level-out-of-range",
                format!("ITSS level {l} is out of range: expected 1 to 7"),
                Some(format!("the closest valid value is {}", l.clamp(1, 7))),
            );
        }
        let mut evidences = Vec::new();
        for (i, e) in d.evidences.iter().enumerate() {
            let at = loc.at("evidences").at(i);
            let s = self.skill(&at.at("skill"), &e.skill);
            if let (Some(s), true) = (s, self.level(&at.at("level"), e.level)) {
                evidences.push((s, e.level));
            }
        }
        evidences.sort();
        evidences.dedup_by_key(|(s, _)| *s);
        let prerequisites = self.list(&loc.at("prerequisites"), &d.prerequisites, Ctx::cert);
        let recommended_after = self.list(
            &loc.at("recommended_after"),
            &d.recommended_after,
            Ctx::cert,
        );
        let study_hours = d.study_hours.map(|h| {
            let at = loc.at("study_hours");
            let ok = self.range(
                &at.at("min"),
                h.min,
                0.0,
                10_000.0,
                "hours-out-of-range",
                "hours",
            ) & self.range(
                &at.at("max"),
                h.max,
                0.0,
                10_000.0,
                "hours-out-of-range",
                "hours",
            );
            if ok && h.min > h.max {
                self.error(
                    &at,
                    "hours-out-of-range",
                    format!("study hours min {} is above max {}", h.min, h.max),
                    Some("swap `min` and `max`".into()),
                );
            }
            (h.min, h.max)
        });
        Certification {
            id: d.id.clone(),
            name: d.name.clone(),
            aliases: d.aliases.clone(),
            issuer: d.issuer.clone(),
            tier: d.tier.clone(),
            itss_level: d.itss_level,
            evidences,
            prerequisites,
            recommended_after,
            study_hours,
            evidence: d.evidence,
            eligibility: d.eligibility.as_ref().map(|e| {
                let at = loc.at("eligibility");
                self.source_of(&at, &e.source, Fact::Certification { study_hours: false });
                for (key, y) in [
                    ("total_years", e.total_years),
                    ("management_years", e.management_years),
                ] {
                    if let Some(y) = y {
                        self.years(&at.at(key), y);
                    }
                }
                (e.total_years, e.management_years)
            }),
            source: d.source.clone(),
        }
    }

    pub(super) fn compile_role(&mut self, r: &Located<RoleDef>) -> Role {
        let (d, loc) = (r.def, &r.loc);
        self.text(&loc.at("name"), &d.name);
        self.text(&loc.at("summary"), &d.summary);
        self.source(loc, &d.source);
        let family = self
            .family(&loc.at("family"), &d.family)
            .unwrap_or(FamilyIx(0));
        if !(1..=5).contains(&d.seniority) {
            self.error(
                &loc.at("seniority"),
                "seniority-out-of-range",
                format!("seniority {} is out of range: expected 1 to 5", d.seniority),
                Some(format!(
                    "the closest valid value is {}",
                    d.seniority.clamp(1, 5)
                )),
            );
        }
        let mut requirements: Vec<Requirement> = Vec::new();
        for (i, q) in d.requirements.iter().enumerate() {
            let at = loc.at("requirements").at(i);
            self.source(&at, &q.source);
            let measured = self.measured(&at, q);
            let level_ok = self.level(&at.at("level"), q.level);
            if q.weight <= 0.0 || !q.weight.is_finite() || q.weight > 10.0 {
                self.error(
                    &at.at("weight"),
                    "weight-out-of-range",
                    format!(
                        "weight {} is out of range: expected above 0, at most 10",
                        q.weight
                    ),
                    Some(format!(
                        "the closest valid value is {}",
                        if q.weight > 10.0 { 10.0 } else { 0.1 }
                    )),
                );
            }
            let Some((skill, any_of)) = measured.filter(|_| level_ok) else {
                continue;
            };
            if let Some(first) = requirements
                .iter()
                .position(|x| x.any_of == any_of && (any_of.is_some() || x.skill == skill))
            {
                let (key, what) = match (&q.skill, &q.any_of) {
                    (Some(id), _) => ("skill", format!("skill `{id}` is required twice")),
                    (None, Some(id)) => (
                        "any_of",
                        format!(
                            "skill family `{id}` is required twice at rank {}",
                            q.rank.unwrap_or(1)
                        ),
                    ),
                    (None, None) => ("skill", "a requirement is given twice".into()),
                };
                self.error(
                    &at.at(key),
                    "duplicate-requirement",
                    what,
                    Some(format!("merge it with requirement {first}")),
                );
                continue;
            }
            requirements.push(Requirement {
                skill,
                any_of,
                level: q.level,
                weight: q.weight,
                essential: q.essential,
                source: q.source.clone(),
            });
        }
        requirements.sort_by_key(|q| (q.any_of, q.skill));
        let experience = d
            .experience
            .as_ref()
            .map(|e| self.compile_experience(&loc.at("experience"), e))
            .unwrap_or_default();
        let mut certifications: Vec<HelpfulCertification> = Vec::new();
        for (i, h) in d.certifications.iter().enumerate() {
            let at = loc.at("certifications").at(i);
            self.source(&at, &h.source);
            if let Some(cert) = self.cert(&at.at("id"), &h.id)
                && !certifications.iter().any(|x| x.cert == cert)
            {
                certifications.push(HelpfulCertification {
                    cert,
                    source: h.source.clone(),
                });
            }
        }
        certifications.sort_by_key(|h| h.cert);
        let incomes = d
            .incomes
            .iter()
            .enumerate()
            .filter_map(|(i, inc)| self.compile_income(&loc.at("incomes").at(i), inc))
            .collect();
        let aptitudes = self.list(&loc.at("aptitudes"), &d.aptitudes, Ctx::preference);
        let mut work_styles: Vec<RoleWorkStyle> = Vec::new();
        for (i, w) in d.work_styles.iter().enumerate() {
            let at = loc.at("work_styles").at(i);
            self.source(&at, &w.source);
            if let Some(style) = self.work_style(&at.at("id"), &w.id) {
                if work_styles.iter().any(|x| x.style == style) {
                    self.error(
                        &at.at("id"),
                        "duplicate-id",
                        format!("work style `{}` is listed twice", w.id),
                        Some("remove the second".into()),
                    );
                } else {
                    work_styles.push(RoleWorkStyle {
                        style,
                        source: w.source.clone(),
                    });
                }
            }
        }
        work_styles.sort_by_key(|w| w.style);
        let classification_of = d
            .classification_of
            .as_deref()
            .and_then(|id| self.role(&loc.at("classification_of"), id));
        Role {
            id: d.id.clone(),
            name: d.name.clone(),
            aliases: d.aliases.clone(),
            family,
            seniority: d.seniority,
            entry: d.entry,
            terminal: d.terminal,
            classification_of,
            summary: d.summary.clone(),
            requirements,
            experience,
            certifications,
            incomes,
            aptitudes,
            work_styles,
            source: d.source.clone(),
        }
    }

    /// What a requirement measures: its skill, or the first member of its skill family with the
    /// family and rank. Exactly one of `skill` and `any_of`; `rank` only with `any_of`, from 1
    /// to the family's size.
    fn measured(&mut self, at: &Loc, q: &RequirementDef) -> Option<(SkillIx, Option<AnyOf>)> {
        match (&q.skill, &q.any_of) {
            (Some(_), Some(_)) => {
                self.error(
                    &at.at("any_of"),
                    "invalid-value",
                    "a requirement names both `skill` and `any_of`".into(),
                    Some(
                        "keep `skill` for one skill, or `any_of` for any member of a skill family"
                            .into(),
                    ),
                );
                None
            }
            (None, None) => {
                self.error(
                    at,
                    "invalid-value",
                    "a requirement names neither `skill` nor `any_of`".into(),
                    Some(
                        "add `\"skill\": \"<skill id>\"`, or `\"any_of\": \"<skill family id>\"`"
                            .into(),
                    ),
                );
                None
            }
            (Some(id), None) => {
                if q.rank.is_some() {
                    self.error(
                        &at.at("rank"),
                        "invalid-value",
                        "`rank` is given for a single skill".into(),
                        Some("`rank` picks a member of an `any_of` family: remove it".into()),
                    );
                }
                self.skill(&at.at("skill"), id).map(|s| (s, None))
            }
            (None, Some(id)) => {
                let family = self.skill_family(&at.at("any_of"), id)?;
                let members = self
                    .family_members
                    .get(family.0)
                    .cloned()
                    .unwrap_or_default();
                let size = members.len();
                let rank = q.rank.unwrap_or(1);
                if rank == 0 || usize::from(rank) > size.max(1) {
                    self.error(
                        &at.at("rank"),
                        "level-out-of-range",
                        format!(
                            "rank {rank} is out of range: skill family `{id}` has {size} member(s)"
                        ),
                        Some(format!(
                            "the closest valid value is {}",
                            rank.clamp(1, size.max(1) as u8)
                        )),
                    );
                    return None;
                }
                let first = *members.first()?;
                Some((first, Some(AnyOf { family, rank })))
            }
        }
    }

    fn compile_experience(&mut self, loc: &Loc, e: &ExperienceDef) -> Experience {
        self.source(loc, &e.source);
        if let Some(y) = e.total_years {
            self.years(&loc.at("total_years"), y);
        }
        if let Some(y) = e.management_years {
            self.years(&loc.at("management_years"), y);
        }
        let phases = self.phase_years(&loc.at("phases"), &e.phases);
        Experience {
            total_years: e.total_years,
            phases,
            management_years: e.management_years,
            source: e.source.clone(),
        }
    }

    fn compile_income(&mut self, loc: &Loc, d: &IncomeDef) -> Option<Income> {
        self.text(&loc.at("basis"), &d.basis);
        self.source_of(loc, &d.source, Fact::Income);
        self.survey(&loc.at("survey"), &d.survey);
        let amount = AmountDef {
            average: d.average,
            min: d.min,
            max: d.max,
        };
        self.amount(loc, &amount);
        if let Some(a) = d.age
            && a.from > a.to
        {
            self.error(
                &loc.at("age"),
                "age-out-of-range",
                format!("age band {}–{} is empty", a.from, a.to),
                Some("`from` must not be above `to`".into()),
            );
        }
        let condition = match &d.condition {
            Some(c) => Some(self.condition(&loc.at("condition"), c)?),
            None => None,
        };
        Some(Income {
            employment: d.employment,
            period: d.period,
            average: d.average,
            min: d.min,
            max: d.max,
            age: d.age,
            condition,
            survey: d.survey.clone(),
            basis: d.basis.clone(),
            source: d.source.clone(),
        })
    }

    pub(super) fn compile_rule(&mut self, r: &Located<RuleDef>) -> Rule {
        let (d, loc) = (r.def, &r.loc);
        self.text(&loc.at("description"), &d.description);
        self.source(loc, &d.source);
        let when = self
            .condition(&loc.at("when"), &d.when)
            .unwrap_or(crate::rules::Condition::Any(Vec::new()));
        if d.effects.is_empty() {
            self.error(
                &loc.at("effects"),
                "empty-effects",
                format!("rule `{}` has no effects", d.id),
                Some("add an `adjust`, `note` or `recommend_certification` effect".into()),
            );
        }
        let effects = d
            .effects
            .iter()
            .enumerate()
            .filter_map(|(i, e)| self.effect(&loc.at("effects").at(i), e))
            .collect();
        Rule {
            id: d.id.clone(),
            description: d.description.clone(),
            when,
            effects,
            source: d.source.clone(),
        }
    }

    /// Compiles every transition, sorted by (from, to); duplicates and self-loops are errors.
    pub(super) fn compile_transitions(
        &mut self,
        files: &[(usize, RuleFile)],
    ) -> (Vec<Transition>, Vec<Loc>) {
        let mut out: Vec<(Transition, Loc)> = Vec::new();
        for (file, f) in files {
            for (i, d) in f.transitions.iter().enumerate() {
                let loc = Loc {
                    file: *file,
                    pointer: format!("/transitions/{i}"),
                };
                self.text(&loc.at("note"), &d.note);
                self.source(&loc, &d.source);
                let from = self.role(&loc.at("from"), &d.from);
                let to = self.role(&loc.at("to"), &d.to);
                let years_ok = self.years(&loc.at("typical_years"), d.typical_years);
                let conditions = match &d.conditions {
                    Some(c) => match self.condition(&loc.at("conditions"), c) {
                        Some(c) => Some(c),
                        None => continue,
                    },
                    None => None,
                };
                let if_unmet = d.if_unmet.as_ref().map(|u| {
                    let at = loc.at("if_unmet");
                    self.text(&at.at("advice"), &u.advice);
                    self.source(&at, &u.source);
                    self.range(
                        &at.at("months"),
                        u.months,
                        0.0,
                        120.0,
                        "years-out-of-range",
                        "months",
                    );
                    Unmet {
                        months: u.months,
                        advice: u.advice.clone(),
                        source: u.source.clone(),
                    }
                });
                if if_unmet.is_some() && conditions.is_none() {
                    self.error(
                        &loc.at("if_unmet"),
                        "invalid-value",
                        "`if_unmet` without `conditions`: it could never apply".into(),
                        Some("add the `conditions` it is the alternative to, or remove it".into()),
                    );
                }
                let (Some(from), Some(to), true) = (from, to, years_ok) else {
                    continue;
                };
                if from == to {
                    self.error(
                        &loc.at("to"),
                        "self-transition",
                        format!("transition from `{}` to itself", d.from),
                        Some("a transition must lead to another role".into()),
                    );
                    continue;
                }
                out.push((
                    Transition {
                        from,
                        to,
                        kind: d.kind.unwrap_or(TransitionKind::Lateral),
                        kind_declared: d.kind.is_some(),
                        typical_years: d.typical_years,
                        conditions,
                        if_unmet,
                        note: d.note.clone(),
                        source: d.source.clone(),
                    },
                    loc,
                ));
            }
        }
        out.sort_by(|(a, la), (b, lb)| (a.from, a.to, la).cmp(&(b.from, b.to, lb)));
        let mut kept: Vec<(Transition, Loc)> = Vec::with_capacity(out.len());
        for (t, loc) in out {
            if let Some((_, first)) = kept
                .last()
                .filter(|(k, _)| k.from == t.from && k.to == t.to)
            {
                let help = Some(format!("first defined at {}", self.describe(first)));
                self.report(
                    Diagnostic::error("duplicate-transition", "this transition is defined twice")
                        .with_help(help),
                    &loc,
                    crate::diagnostics::Target::Value,
                );
                continue;
            }
            kept.push((t, loc));
        }
        kept.into_iter().unzip()
    }
}

/// The scoring parameters: exactly one file must set them.
pub(super) fn scoring(
    ctx: &mut Ctx,
    files: &[(usize, RuleFile)],
    preferences: usize,
) -> Option<Scoring> {
    let (loc, s) = match super::single(ctx, files, "scoring", "duplicate-scoring", |f| {
        f.scoring.as_ref()
    })? {
        Some(found) => found,
        None => {
            ctx.diags.push(
                Diagnostic::error("missing-scoring", "no rule file sets `scoring`").with_help(
                    Some("add a file with a `scoring` object (see rules/README.md#scoring)".into()),
                ),
            );
            return None;
        }
    };
    let before = ctx.problems();
    ctx.source(&loc, &s.source);
    // Each parameter with its valid range.
    for (key, v, lo, hi) in [
        ("skill_weight", s.skill_weight, 0.0, 1.0),
        ("experience_weight", s.experience_weight, 0.0, 1.0),
        ("two_step_penalty", s.two_step_penalty, 0.0, 1.0),
        (
            "certified_practice_share",
            s.certified_practice_share,
            0.0,
            1.0,
        ),
        ("optional_gap_share", s.optional_gap_share, 0.0, 1.0),
        ("preference_bonus", s.preference_bonus, 0.0, 3.0),
        ("preference_bonus_max", s.preference_bonus_max, 0.0, 3.0),
        (
            "transition_condition_bonus",
            s.transition_condition_bonus,
            0.0,
            3.0,
        ),
        ("advancement_bonus", s.advancement_bonus, 0.0, 3.0),
        ("ready_months", s.ready_months, 0.0, 120.0),
        (
            "unmet_condition_months",
            s.unmet_condition_months,
            0.0,
            120.0,
        ),
        ("stretch_months", s.stretch_months, 0.0, 120.0),
        ("hands_on_level", f64::from(s.hands_on_level), 1.0, 5.0),
        (
            "knowledge_evidence_max",
            f64::from(s.knowledge_evidence_max),
            1.0,
            5.0,
        ),
        ("essential_multiplier", s.essential_multiplier, 1.0, 10.0),
        ("study_hours_per_month", s.study_hours_per_month, 1.0, 400.0),
        ("min_move_months", s.min_move_months, 0.0, 60.0),
    ] {
        ctx.range(&loc.at(key), v, lo, hi, "invalid-scoring", key);
    }
    let ranking = ranking(ctx, &loc.at("ranking"), s, preferences);
    if (s.skill_weight + s.experience_weight - 1.0).abs() > 1e-9 {
        ctx.error(
            &loc.at("experience_weight"),
            "invalid-scoring",
            format!(
                "skill_weight + experience_weight is {}, not 1",
                s.skill_weight + s.experience_weight
            ),
            Some(format!("set experience_weight to {}", 1.0 - s.skill_weight)),
        );
    }
    let months: Option<[f64; 5]> = s.months_per_level.clone().try_into().ok();
    if months.is_none() {
        ctx.error(
            &loc.at("months_per_level"),
            "invalid-scoring",
            format!(
                "months_per_level has {} numbers, not 5",
                s.months_per_level.len()
            ),
            Some("give the months to reach levels 1, 2, 3, 4 and 5".into()),
        );
    }
    for (i, m) in s.months_per_level.iter().enumerate() {
        ctx.range(
            &loc.at("months_per_level").at(i),
            *m,
            0.0,
            120.0,
            "invalid-scoring",
            "months",
        );
    }
    if ctx.problems() > before {
        return None;
    }
    Some(Scoring {
        skill_weight: s.skill_weight,
        experience_weight: s.experience_weight,
        essential_multiplier: s.essential_multiplier,
        preference_bonus: s.preference_bonus,
        preference_bonus_max: s.preference_bonus_max,
        transition_condition_bonus: s.transition_condition_bonus,
        advancement_bonus: s.advancement_bonus,
        two_step_penalty: s.two_step_penalty,
        months_per_level: months?,
        stretch_months: s.stretch_months,
        study_hours_per_month: s.study_hours_per_month,
        hands_on_level: s.hands_on_level,
        knowledge_evidence_max: s.knowledge_evidence_max,
        certified_practice_share: s.certified_practice_share,
        optional_gap_share: s.optional_gap_share,
        ready_months: s.ready_months,
        unmet_condition_months: s.unmet_condition_months,
        min_move_months: s.min_move_months,
        ranking,
        proof_certificate: s.proof_certificate.as_ref().map(|p| {
            let at = loc.at("proof_certificate");
            ctx.text(&at.at("text"), &p.text);
            ctx.source(&at, &p.source);
            Proof {
                families: ctx.list(&at.at("families"), &p.families, Ctx::family),
                text: p.text.clone(),
                source: p.source.clone(),
            }
        }),
        source: s.source.clone(),
    })
}

/// Whether a source's date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day.
pub(crate) fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => number(y, 4).is_some(),
        [y, m] => number(y, 4).is_some() && number(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
                return false;
            };
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// The ranking parameters: every value in range, every preference weight naming a preference.
fn ranking(ctx: &mut Ctx, loc: &Loc, s: &ScoringDef, preferences: usize) -> Ranking {
    let r = &s.ranking;
    let v = &r.advice_values;
    let values = [
        ("step-up", v.step_up),
        ("specialise", v.specialise),
        ("change-track", v.change_track),
        ("entry", v.entry),
        ("sideways", v.sideways),
        ("past-level", v.past_level),
        ("already-yours", v.already_yours),
    ];
    for (key, x) in values {
        let at = loc.at("advice_values").at(key);
        ctx.range(&at, x, 0.0, 3.0, "invalid-scoring", key);
    }
    for (key, x, lo, hi) in [
        ("income_gain", r.income_gain, 0.0, 3.0),
        ("seasoning", r.seasoning, 0.0, 3.0),
        ("goal", r.goal, 0.0, 5.0),
        ("qualified_fit", r.qualified_fit, 0.0, 1.0),
        ("down_preference_min", r.down_preference_min, 0.0, 3.0),
        ("work_style_match", r.work_style_match, 0.0, 3.0),
        ("work_style_mismatch", r.work_style_mismatch, 0.0, 3.0),
        ("reach_months", r.reach_months, 1.0, 240.0),
        (
            "seasoned_seniority",
            f64::from(r.seasoned_seniority),
            1.0,
            5.0,
        ),
    ] {
        ctx.range(&loc.at(key), x, lo, hi, "invalid-scoring", key);
    }
    let mut preference_weights = vec![s.preference_bonus; preferences];
    for (id, w) in &r.preference_weights {
        let at = loc.at("preference_weights").at(id.as_str());
        ctx.range(&at, *w, 0.0, 3.0, "invalid-scoring", "weight");
        if let Some(p) = ctx.preference(&at, id)
            && let Some(slot) = preference_weights.get_mut(p.0)
        {
            *slot = *w;
        }
    }
    Ranking {
        advice_values: values.map(|(_, x)| x),
        preference_weights,
        income_gain: r.income_gain,
        seasoning: r.seasoning,
        seasoned_seniority: r.seasoned_seniority,
        goal: r.goal,
        reach_months: r.reach_months,
        down_preference_min: r.down_preference_min,
        qualified_fit: r.qualified_fit,
        work_style_match: r.work_style_match,
        work_style_mismatch: r.work_style_mismatch,
    }
}

/// Labels transitions whose kind the author left out: higher seniority or an employee income
/// at least 10 % higher (measured within one survey: [`crate::income::comparable_gain`]) is
/// advancement; otherwise the same family is lateral, another a career change.
pub(super) fn derive_transition_kinds(kb: &mut KnowledgeBase) {
    /// How much more a move must pay to be an advancement by pay alone.
    const RICHER: f64 = 0.1;
    let kinds: Vec<Option<TransitionKind>> = kb
        .transitions
        .iter()
        .map(|t| {
            if t.kind_declared {
                return None;
            }
            let (from, to) = (kb.role(t.from), kb.role(t.to));
            let richer = crate::income::comparable_gain(kb, t.from, t.to)
                .is_some_and(|g| g.ratio >= RICHER - 1e-9);
            Some(if to.seniority > from.seniority || richer {
                TransitionKind::Advancement
            } else if to.family == from.family {
                TransitionKind::Lateral
            } else {
                TransitionKind::CareerChange
            })
        })
        .collect();
    for (t, k) in kb.transitions.iter_mut().zip(kinds) {
        if let Some(k) = k {
            t.kind = k;
        }
    }
}
