//! Compiling the market model: the income model and job postings.

use std::collections::BTreeMap;

use super::context::{Ctx, Fact, Loc};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::knowledge::Catalogs;
use crate::knowledge::format::*;
use crate::knowledge::market::*;
use crate::knowledge::model::Role;

/// Highest income or rate accepted, 万円.
const MAX_AMOUNT: f64 = 100_000.0;

impl Ctx<'_> {
    /// Checks a published amount; `None` when it is unusable (reported).
    pub(super) fn amount(&mut self, loc: &Loc, d: &AmountDef) -> Option<Amount> {
        let before = self.problems();
        for (key, v) in [("average", d.average), ("min", d.min), ("max", d.max)] {
            if let Some(v) = v {
                self.range(
                    &loc.at(key),
                    v,
                    0.0,
                    MAX_AMOUNT,
                    "income-out-of-range",
                    "income",
                );
            }
        }
        if let (Some(lo), Some(hi)) = (d.min, d.max)
            && lo > hi
        {
            self.error(
                &loc.at("min"),
                "income-out-of-range",
                format!("income min {lo} is above max {hi}"),
                Some("swap `min` and `max`".into()),
            );
        }
        let amount = match (d.average, d.min, d.max) {
            (Some(a), _, _) => Some(Amount {
                low: a,
                high: Some(a),
            }),
            (None, Some(lo), hi) => Some(Amount { low: lo, high: hi }),
            (None, None, Some(hi)) => Some(Amount {
                low: hi,
                high: Some(hi),
            }),
            (None, None, None) => {
                self.error(
                    loc,
                    "empty-income",
                    "an income figure needs `average`, `min` or `max`".into(),
                    Some("give the average, or the range as `min` and `max`".into()),
                );
                None
            }
        };
        if self.problems() > before {
            return None;
        }
        amount
    }

    fn sourced(&mut self, loc: &Loc, d: &SourcedText) -> Sourced {
        self.text(&loc.at("text"), &d.text);
        self.source(loc, &d.source);
        Sourced {
            text: d.text.clone(),
            source: d.source.clone(),
        }
    }

    fn age_factor(&mut self, loc: &Loc, d: &AgeFactorDef) -> Option<AgeFactor> {
        self.text(&loc.at("basis"), &d.basis);
        self.source_of(loc, &d.source, Fact::Income);
        let before = self.problems();
        self.survey(&loc.at("survey"), &d.survey);
        let borrowable = d
            .borrowable
            .as_ref()
            .map(|b| self.sourced(&loc.at("borrowable"), b));
        if d.from > d.to || d.to > 120 {
            self.error(
                &loc.at("from"),
                "age-out-of-range",
                format!("age band {}–{} is empty or above 120", d.from, d.to),
                Some("`from` must not be above `to`, and `to` at most 120".into()),
            );
        }
        for (key, v) in [("income", d.income), ("reference", d.reference)] {
            self.range(
                &loc.at(key),
                v,
                1.0,
                MAX_AMOUNT,
                "income-out-of-range",
                "income",
            );
        }
        (self.problems() == before).then(|| AgeFactor {
            from: d.from,
            to: d.to,
            income: d.income,
            reference: d.reference,
            factor: d.income / d.reference,
            survey: d.survey.clone(),
            borrowable,
            basis: d.basis.clone(),
            source: d.source.clone(),
        })
    }

    fn uplift(&mut self, loc: &Loc, d: &UpliftDef) -> Option<Uplift> {
        self.text(&loc.at("description"), &d.description);
        self.source_of(loc, &d.source, Fact::Income);
        let survey_known = self.survey(&loc.at("survey"), &d.survey);
        let borrowable = d
            .borrowable
            .as_ref()
            .map(|b| self.sourced(&loc.at("borrowable"), b));
        let roles = self.list(&loc.at("roles"), &d.roles, Ctx::role);
        let families = self.list(&loc.at("families"), &d.families, Ctx::family);
        let except_roles = self.list(&loc.at("except_roles"), &d.except_roles, Ctx::role);
        let when = self.condition(&loc.at("when"), &d.when);
        if let Some(w) = &when
            && w.polarity().negative
        {
            self.error(
                &loc.at("when"),
                "non-monotonic-uplift",
                format!(
                    "uplift `{}` tests a skill, years or certification inside `not`",
                    d.id
                ),
                Some(
                    "an uplift rewards what a profile has: gaining something must never lower pay"
                        .into(),
                ),
            );
        }
        let base = self.amount(&loc.at("base"), &d.base);
        let raised = self.amount(&loc.at("raised"), &d.raised);
        let (base, raised) = (base?, raised?);
        if base.low <= 0.0 {
            self.error(
                &loc.at("base"),
                "income-out-of-range",
                "the base figure must be above 0".into(),
                Some("give the pay without the uplift, from the same source".into()),
            );
            return None;
        }
        if !survey_known {
            return None;
        }
        let (low, high) = Uplift::factors(base, raised);
        if low < 1.0 || high < 1.0 {
            self.error(
                &loc.at("raised"),
                "uplift-lowers",
                format!(
                    "uplift `{}` would lower pay (factors {} and {})",
                    d.id,
                    crate::rules::fmt_num(low),
                    crate::rules::fmt_num(high)
                ),
                Some("`raised` must be at least `base` at both ends".into()),
            );
            return None;
        }
        Some(Uplift {
            id: d.id.clone(),
            description: d.description.clone(),
            group: d.group.clone(),
            when: when?,
            employment: d.employment.clone(),
            roles,
            families,
            except_roles,
            base,
            raised,
            low,
            high,
            survey: d.survey.clone(),
            borrowable,
            source: d.source.clone(),
        })
    }

    fn proxy(&mut self, loc: &Loc, d: &ProxyDef, roles: &[Role]) -> Option<Proxy> {
        self.text(&loc.at("basis"), &d.basis);
        self.source(loc, &d.source);
        let role = self.role(&loc.at("role"), &d.role);
        let uses = self.role(&loc.at("uses"), &d.uses);
        let survey_known = self.survey(&loc.at("survey"), &d.survey);
        let (role, uses) = (role?, uses?);
        if role == uses {
            self.error(
                &loc.at("uses"),
                "invalid-proxy",
                format!("role `{}` borrows its own figure", d.role),
                Some("name another role in `uses`".into()),
            );
            return None;
        }
        let lends = roles.get(uses.0).is_some_and(|r| {
            r.incomes.iter().any(|i| {
                i.employment == d.employment
                    && i.survey == d.survey
                    && i.is_headline_candidate()
                    && i.yearly_point().is_some()
            })
        });
        if survey_known && !lends {
            self.error(
                &loc.at("survey"),
                "invalid-proxy",
                format!(
                    "`{}` has no {} figure of survey `{}` without condition or age band",
                    d.uses,
                    d.employment.as_str(),
                    d.survey
                ),
                Some("a proxy borrows a figure the other role has: name its survey".into()),
            );
            return None;
        }
        survey_known.then(|| Proxy {
            role,
            uses,
            employment: d.employment,
            survey: d.survey.clone(),
            basis: d.basis.clone(),
            source: d.source.clone(),
        })
    }

    /// Compiles the income model.
    pub(super) fn income_model(
        &mut self,
        loc: &Loc,
        d: &IncomeModelDef,
        roles: &[Role],
    ) -> Option<IncomeModel> {
        let before = self.problems();
        self.range(
            &loc.at("months_per_year"),
            d.months_per_year,
            1.0,
            12.0,
            "invalid-income-model",
            "months_per_year",
        );
        let conversion = self.sourced(&loc.at("conversion"), &d.conversion);
        let caveat = self.sourced(&loc.at("caveat"), &d.caveat);
        let mut age_bands: Vec<AgeFactor> = d
            .age_bands
            .iter()
            .enumerate()
            .filter_map(|(i, b)| self.age_factor(&loc.at("age_bands").at(i), b))
            .collect();
        age_bands.sort_by_key(|b| (b.from, b.to));
        for pair in age_bands.windows(2) {
            let [before, after] = pair else { continue };
            if after.from <= before.to {
                self.error(
                    &loc.at("age_bands"),
                    "overlapping-age-bands",
                    format!(
                        "age bands {}–{} and {}–{} overlap",
                        before.from, before.to, after.from, after.to
                    ),
                    Some("each age belongs to at most one band".into()),
                );
            }
        }
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut uplifts = Vec::new();
        for (i, u) in d.uplifts.iter().enumerate() {
            let at = loc.at("uplifts").at(i);
            if !super::is_kebab(&u.id) {
                self.error(
                    &at.at("id"),
                    "invalid-id",
                    format!("id `{}` is not lowercase kebab-case", u.id),
                    Some(format!("write it as `{}`", super::context::kebab(&u.id))),
                );
            }
            if let Some(first) = seen.insert(&u.id, i) {
                self.error(
                    &at.at("id"),
                    "duplicate-id",
                    format!("uplift `{}` is defined twice", u.id),
                    Some(format!("first defined at /income_model/uplifts/{first}")),
                );
                continue;
            }
            uplifts.extend(self.uplift(&at, u));
        }
        uplifts.sort_by(|a, b| a.id.cmp(&b.id));
        let mut proxies = Vec::new();
        for (i, p) in d.proxies.iter().enumerate() {
            let at = loc.at("proxies").at(i);
            let Some(p) = self.proxy(&at, p, roles) else {
                continue;
            };
            if proxies
                .iter()
                .any(|q: &Proxy| q.role == p.role && q.employment == p.employment)
            {
                self.error(
                    &at.at("role"),
                    "duplicate-proxy",
                    "this role already borrows a figure for this employment type".into(),
                    Some("keep one proxy per role and employment type".into()),
                );
                continue;
            }
            proxies.push(p);
        }
        proxies.sort_by_key(|p| (p.role, p.employment));
        let mut headline_surveys: Vec<String> = Vec::new();
        for (i, id) in d.headline_surveys.iter().enumerate() {
            let at = loc.at("headline_surveys").at(i);
            if !self.survey(&at, id) {
                continue;
            }
            if headline_surveys.contains(id) {
                self.error(
                    &at,
                    "duplicate-id",
                    format!("survey `{id}` is listed twice"),
                    Some("list each survey once, most preferred first".into()),
                );
                continue;
            }
            headline_surveys.push(id.clone());
        }
        (self.problems() == before).then_some(IncomeModel {
            months_per_year: d.months_per_year,
            conversion,
            caveat,
            age_bands,
            uplifts,
            proxies,
            headline_surveys,
        })
    }

    /// Compiles one posting; `None` when it is unusable (reported).
    pub(super) fn posting(&mut self, loc: &Loc, d: &PostingDef) -> Option<Posting> {
        let before = self.problems();
        if d.title.trim().is_empty() {
            self.error(
                &loc.at("title"),
                "empty-text",
                "the title is empty".into(),
                Some("write the title as published".into()),
            );
        }
        self.source(loc, &d.source);
        let role = self.role(&loc.at("role"), &d.role);
        let monthly_rate = self.amount(&loc.at("monthly_rate"), &d.monthly_rate);
        let mut skills: Vec<PostingSkill> = Vec::new();
        for (i, s) in d.skills.iter().enumerate() {
            let at = loc.at("skills").at(i);
            let skill = self.skill(&at.at("skill"), &s.skill);
            let level = s.level.unwrap_or(3);
            let level_ok = self.level(&at.at("level"), level);
            if let Some(y) = s.years {
                self.years(&at.at("years"), y);
            }
            if let (Some(skill), true) = (skill, level_ok) {
                if skills.iter().any(|x| x.skill == skill) {
                    self.error(
                        &at.at("skill"),
                        "duplicate-requirement",
                        format!("skill `{}` is asked for twice", s.skill),
                        Some("merge the two entries".into()),
                    );
                    continue;
                }
                skills.push(PostingSkill {
                    skill,
                    level,
                    years: s.years,
                });
            }
        }
        let phases = self.phase_years(&loc.at("phases"), &d.phases);
        if let Some(y) = d.management_years {
            self.years(&loc.at("management_years"), y);
        }
        if self.problems() > before {
            return None;
        }
        Some(Posting {
            id: d.id.clone(),
            title: d.title.clone(),
            role: role?,
            monthly_rate: monthly_rate?,
            skills,
            phases,
            management_years: d.management_years,
            positions: d.positions.clone(),
            contract: d.contract,
            duration: d.duration,
            work: d.work.clone(),
            source: d.source.clone(),
        })
    }
}

/// The income model: at most one file sets it.
pub(super) fn income_model(
    ctx: &mut Ctx,
    files: &[(usize, RuleFile)],
    roles: &[Role],
) -> Option<IncomeModel> {
    let (loc, def) = super::single(ctx, files, "income_model", "duplicate-income-model", |f| {
        f.income_model.as_ref()
    })??;
    ctx.income_model(&loc, def, roles)
}

/// Compiles a user's file of postings against a knowledge base's ids: every problem, each with
/// file, line, column, JSON pointer and the nearest valid id.
pub fn compile_postings(
    source: &SourceText,
    catalogs: &Catalogs,
) -> Result<Vec<Posting>, Vec<Diagnostic>> {
    source.expect_object("postings file", r#"{"postings": [...]}"#)?;
    let file: PostingsFile =
        serde_json::from_str(&source.text).map_err(|e| vec![source.parse_error(&e)])?;
    let sources = std::slice::from_ref(source);
    let mut ctx = Ctx {
        sources,
        cat: catalogs.clone(),
        diags: Vec::new(),
        omitted: Default::default(),
        // A user's postings are not part of the knowledge base: their sources are free text.
        registry: Default::default(),
        family_members: Vec::new(),
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(file.postings.len());
    for (i, d) in file.postings.iter().enumerate() {
        let loc = Loc {
            file: 0,
            pointer: format!("/postings/{i}"),
        };
        if let Some(first) = seen.insert(&d.id, i) {
            ctx.error(
                &loc.at("id"),
                "duplicate-id",
                format!("posting `{}` is defined twice", d.id),
                Some(format!("first defined at /postings/{first}")),
            );
        }
        out.extend(ctx.posting(&loc, d));
    }
    if ctx.problems() == 0 {
        Ok(out)
    } else {
        crate::diagnostics::sort(&mut ctx.diags);
        Err(ctx.finish())
    }
}
