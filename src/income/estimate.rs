//! The income estimate for one role and employment type: the role's headline figure (or a
//! borrowed one), times the age band's factor (employee figures), times the uplifts the profile
//! has (the largest per group), each factor with its source.
//!
//! A factor is the ratio of two figures of one survey, and applies only to a figure of that
//! survey, unless the model declares it `borrowable` (then it says so). What the profile meets
//! but the estimate does not apply is listed in `not_applied`, with the reason.

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, IncomePeriod, Text};
use crate::knowledge::market::{AgeFactor, IncomeModel, Sourced, Uplift};
use crate::knowledge::model::{Income, RoleIx};
use crate::profile::Facts;
use crate::rules::fmt_num;

/// A range in 万円 (a year, or a month for rates).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Range {
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
}

impl Range {
    /// Both ends times a factor each.
    pub fn scale(self, low: f64, high: f64) -> Range {
        Range {
            low: self.low * low,
            high: self.high * high,
        }
    }

    /// Both ends divided by `d`.
    pub fn per(self, d: f64) -> Range {
        Range {
            low: self.low / d,
            high: self.high / d,
        }
    }

    /// The middle.
    pub fn mid(self) -> f64 {
        (self.low + self.high) / 2.0
    }

    /// "480–620", rounded to whole 万円 (one decimal below 100 for monthly rates).
    pub fn display(self) -> String {
        let r = |x: f64| {
            if x < 100.0 {
                fmt_num((x * 10.0).round() / 10.0)
            } else {
                fmt_num(x.round())
            }
        };
        let (a, b) = (r(self.low), r(self.high));
        if a == b { a } else { format!("{a}–{b}") }
    }
}

/// The figure an estimate starts from.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct BaseFigure {
    /// The figure as published ("500–600万円", "60–70万円/月").
    pub published: String,
    /// As a yearly range (monthly figures times `months_per_year`; "…以上" as its one end).
    pub yearly: Range,
    /// The survey it belongs to: only factors of that survey (or declared borrowable) apply.
    pub survey: String,
    /// What the figure is.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub basis: Text,
    /// Where it comes from.
    pub source: String,
    /// When the role has no figure of its own that heads: the role whose figure it borrows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub borrowed_from: Option<String>,
    /// Why the borrowed figure is close enough.
    #[serde(skip_serializing_if = "crate::shape::omit_optional_text")]
    #[schemars(with = "Option<crate::shape::RecordText>")]
    pub borrowed_because: Option<Text>,
}

/// A factor that moved an estimate (or would, for near misses).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Factor {
    /// `age` or `uplift`.
    pub kind: &'static str,
    /// The uplift id, or the age band (`30-39`).
    pub id: String,
    /// What it is.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub description: Text,
    /// Factor on the low end.
    pub low: f64,
    /// Factor on the high end.
    pub high: f64,
    /// The figures it comes from ("586 / 574", "500–600 → 600–800").
    pub figures: String,
    /// What in the profile makes it apply, or what is missing.
    pub because: String,
    /// `because` in Japanese, for text output (JSON keeps the one form scripts read).
    #[serde(skip)]
    pub because_ja: String,
    /// Where the figures come from.
    pub source: String,
    /// When two uplifts of a group give the two ends: where the high end's figures come from,
    /// if elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high_source: Option<String>,
    /// The survey the factor's figures come from.
    pub survey: String,
    /// When the estimate's figure is of another survey: the factor is borrowed, and why it may
    /// be (one entry per uplift of a group's combined factor that is borrowed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub borrowed: Vec<Borrowed>,
}

/// A factor applied to a figure of another survey, as the model allows.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Borrowed {
    /// The uplift id, or the age band (`20-29`).
    pub id: String,
    /// The factor's survey.
    pub survey: String,
    /// Why its ratio may be applied to other surveys' figures.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub because: Text,
    /// Where that is said.
    pub source: String,
}

/// A factor the profile meets but the estimate does not apply, because its figures are of
/// another survey than the estimate's figure.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct NotApplied {
    /// `age` or `uplift`.
    pub kind: &'static str,
    /// The uplift id, or the age band (`20-29`).
    pub id: String,
    /// What it is.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub description: Text,
    /// Factor on the low end.
    pub low: f64,
    /// Factor on the high end.
    pub high: f64,
    /// The survey of the factor's figures.
    pub survey: String,
    /// Why it is not applied.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub reason: Text,
    /// Where the factor's figures come from.
    pub source: String,
}

/// An estimate for one role and employment type.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Estimate {
    /// Employee or freelance.
    pub employment: Employment,
    /// The figure it starts from; `None` when no source gives one for the role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseFigure>,
    /// The estimated range, 万円 a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    /// For freelance: the same range per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Range>,
    /// The factors applied, in order (age first, then uplift groups by id).
    pub factors: Vec<Factor>,
    /// Uplifts for this role the profile does not have yet, with what they need (only those
    /// that would apply to the estimate's figure).
    pub not_yet: Vec<Factor>,
    /// What the profile meets that the estimate does not apply (another survey's factor), and
    /// why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_applied: Vec<NotApplied>,
}

impl Estimate {
    /// Every survey the estimate cites: its figure's, its factors', the missing and unapplied
    /// factors'.
    pub fn surveys(&self) -> impl Iterator<Item = &str> {
        self.base
            .iter()
            .map(|b| b.survey.as_str())
            .chain(
                self.factors
                    .iter()
                    .chain(&self.not_yet)
                    .map(|f| f.survey.as_str()),
            )
            .chain(self.not_applied.iter().map(|n| n.survey.as_str()))
    }
}

/// Months per year when a knowledge base has no income model (the sources' 12).
const DEFAULT_MONTHS: f64 = 12.0;

fn months(kb: &KnowledgeBase) -> f64 {
    kb.income_model
        .as_ref()
        .map_or(DEFAULT_MONTHS, |m| m.months_per_year)
}

/// A published figure as a yearly range.
pub fn yearly_range(i: &Income, months_per_year: f64) -> Option<Range> {
    let (low, high) = match (i.average, i.min, i.max) {
        (Some(a), _, _) => (a, a),
        (None, Some(lo), Some(hi)) => (lo, hi),
        (None, Some(v), None) | (None, None, Some(v)) => (v, v),
        (None, None, None) => return None,
    };
    let k = match i.period {
        IncomePeriod::Year => 1.0,
        IncomePeriod::Month => months_per_year,
    };
    Some(Range {
        low: low * k,
        high: high * k,
    })
}

/// The figure an estimate for `role` starts from: its headline, its own or borrowed (see
/// [`KnowledgeBase::headline`]).
pub fn base_figure(kb: &KnowledgeBase, role: RoleIx, employment: Employment) -> Option<BaseFigure> {
    let h = kb.headline(role, employment)?;
    let i = h.income;
    Some(BaseFigure {
        published: super::Figure::of(i)?.display(),
        yearly: yearly_range(i, months(kb))?,
        survey: i.survey.clone(),
        basis: i.basis.clone(),
        source: i.source.clone(),
        borrowed_from: h.proxy.map(|p| kb.role(p.uses).id.clone()),
        borrowed_because: h.proxy.map(|p| p.basis.clone()),
    })
}

/// Whether a factor `id` of `survey` applies to a figure of `base`: the same survey, or a
/// factor declared borrowable (then how it is borrowed).
fn applies(
    id: &str,
    survey: &str,
    borrowable: Option<&Sourced>,
    base: &str,
) -> Option<Vec<Borrowed>> {
    if survey == base {
        return Some(Vec::new());
    }
    borrowable.map(|b| {
        vec![Borrowed {
            id: id.to_string(),
            survey: survey.to_string(),
            because: b.text.clone(),
            source: b.source.clone(),
        }]
    })
}

fn amount(a: crate::knowledge::market::Amount) -> String {
    match a.high {
        Some(h) if h == a.low => fmt_num(a.low),
        Some(h) => format!("{}–{}", fmt_num(a.low), fmt_num(h)),
        None => format!("{}+", fmt_num(a.low)),
    }
}

fn uplift_factor(u: &Uplift, trace: &crate::rules::Trace, borrowed: Vec<Borrowed>) -> Factor {
    let mark = |passed: bool| if passed { "✓" } else { "✗" }.to_string();
    Factor {
        kind: "uplift",
        id: u.id.clone(),
        description: u.description.clone(),
        low: u.low,
        high: u.high,
        figures: format!("{} → {}万円", amount(u.base), amount(u.raised)),
        because: trace.leaf_summary(),
        because_ja: trace.leaves_in(crate::lang::Lang::Ja, &mark),
        source: u.source.clone(),
        high_source: None,
        survey: u.survey.clone(),
        borrowed,
    }
}

/// "age band 20–29" / 「20〜29歳の年齢帯」.
fn band_name(band: &AgeFactor) -> Text {
    Text {
        ja: format!("{}〜{}歳の年齢帯", band.from, band.to),
        en: format!("age band {}–{}", band.from, band.to),
    }
}

/// The age band of a profile's age, employee figures only: the factor when it applies to a
/// figure of `base` survey, else why not.
fn age_factor(
    model: &IncomeModel,
    facts: &Facts,
    base: &str,
) -> Option<Result<Factor, NotApplied>> {
    let age = facts.age?;
    let band = model.age_band(age)?;
    let id = format!("{}-{}", band.from, band.to);
    let Some(borrowed) = applies(&id, &band.survey, band.borrowable.as_ref(), base) else {
        return Some(Err(NotApplied {
            kind: "age",
            id: format!("{}-{}", band.from, band.to),
            description: band_name(band),
            low: band.factor,
            high: band.factor,
            survey: band.survey.clone(),
            reason: Text {
                ja: format!(
                    "{base}の数字は全年齢の平均で、年齢帯は{}の数字によるため",
                    band.survey
                ),
                en: format!(
                    "{base}'s figure is an average over all ages, and the age bands are {}'s",
                    band.survey
                ),
            },
            source: band.source.clone(),
        }));
    };
    Some(Ok(Factor {
        kind: "age",
        id: format!("{}-{}", band.from, band.to),
        description: band_name(band),
        low: band.factor,
        high: band.factor,
        figures: format!("{} / {}万円", fmt_num(band.income), fmt_num(band.reference)),
        because: format!("age {}", fmt_num(age)),
        because_ja: format!("{}歳", fmt_num(age)),
        source: band.source.clone(),
        high_source: None,
        survey: band.survey.clone(),
        borrowed,
    }))
}

/// Why an uplift the profile has is not applied to a figure of `base` survey.
fn uplift_not_applied(u: &Uplift, base: &str) -> NotApplied {
    NotApplied {
        kind: "uplift",
        id: u.id.clone(),
        description: u.description.clone(),
        low: u.low,
        high: u.high,
        survey: u.survey.clone(),
        reason: Text {
            ja: format!(
                "この比は{}の数字によるもので、この数字は{base}のもの(他の調査の数字への適用は宣言されていない)",
                u.survey
            ),
            en: format!(
                "its figures are {}'s, this figure is {base}'s, and the ratio is not declared borrowable",
                u.survey
            ),
        },
        source: u.source.clone(),
    }
}

/// The uplifts a profile has for a role's figure of survey `base`, largest per group (group
/// order by id); those it lacks; and those it has that do not apply to that survey.
pub fn uplifts(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
    base: &str,
) -> (Vec<Factor>, Vec<Factor>, Vec<NotApplied>) {
    uplifts_with(kb, facts, role, employment, base, true)
}

/// [`uplifts`]; without `explain`, only the numbers, ids and sources of the uplifts that apply
/// (no `because` or `figures` text, no missing or unapplied uplifts), for [`estimate_numbers`].
fn uplifts_with(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
    base: &str,
    explain: bool,
) -> (Vec<Factor>, Vec<Factor>, Vec<NotApplied>) {
    let Some(model) = &kb.income_model else {
        return (Vec::new(), Vec::new(), Vec::new());
    };
    let family = kb.role(role).family;
    let mut held: Vec<(&str, Factor)> = Vec::new();
    let mut missing = Vec::new();
    let mut not_applied = Vec::new();
    for u in model
        .uplifts
        .iter()
        .filter(|u| u.applies_to(role, family, employment))
    {
        let Some(borrowed) = applies(&u.id, &u.survey, u.borrowable.as_ref(), base) else {
            if explain && u.when.holds(facts) {
                not_applied.push(uplift_not_applied(u, base));
            }
            continue;
        };
        if !explain {
            if u.when.holds(facts) {
                held.push((u.group.as_str(), bare_factor(u, borrowed)));
            }
            continue;
        }
        let trace = u.when.trace(facts, kb);
        let f = uplift_factor(u, &trace, borrowed);
        if trace.passed {
            held.push((u.group.as_str(), f));
        } else {
            missing.push(f);
        }
    }
    let mut groups: Vec<&str> = held.iter().map(|(g, _)| *g).collect();
    groups.sort();
    groups.dedup();
    let applied = groups
        .into_iter()
        .filter_map(|g| {
            let members: Vec<&Factor> = held
                .iter()
                .filter(|(h, _)| *h == g)
                .map(|(_, f)| f)
                .collect();
            // Overlapping uplifts: the largest counts, per end of the range.
            let by = |end: fn(&Factor) -> f64| {
                members
                    .iter()
                    .copied()
                    .max_by(|a, b| end(a).total_cmp(&end(b)).then_with(|| b.id.cmp(&a.id)))
            };
            let (lo, hi) = (by(|f| f.low)?, by(|f| f.high)?);
            if lo.id == hi.id {
                return Some(lo.clone());
            }
            Some(Factor {
                id: format!("{} + {}", lo.id, hi.id),
                high: hi.high,
                because: format!("{}; {}", lo.because, hi.because),
                because_ja: format!("{}; {}", lo.because_ja, hi.because_ja),
                figures: format!("{}; {}", lo.figures, hi.figures),
                high_source: (hi.source != lo.source).then(|| hi.source.clone()),
                borrowed: lo.borrowed.iter().chain(&hi.borrowed).cloned().collect(),
                ..lo.clone()
            })
        })
        .collect();
    (applied, missing, not_applied)
}

/// An uplift's numbers, id and source, without its texts.
fn bare_factor(u: &Uplift, borrowed: Vec<Borrowed>) -> Factor {
    Factor {
        kind: "uplift",
        id: u.id.clone(),
        description: Text {
            ja: String::new(),
            en: String::new(),
        },
        low: u.low,
        high: u.high,
        figures: String::new(),
        because: String::new(),
        because_ja: String::new(),
        source: u.source.clone(),
        high_source: None,
        survey: u.survey.clone(),
        borrowed,
    }
}

/// The estimate for a role and employment type.
pub fn estimate(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
) -> Estimate {
    estimate_with(kb, facts, role, employment, true)
}

/// [`estimate`] with the same base, range, monthly range and factor ids and sources, but the
/// factors' texts left empty and no missing uplifts: what an income change needs.
pub fn estimate_numbers(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
) -> Estimate {
    estimate_with(kb, facts, role, employment, false)
}

fn estimate_with(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
    explain: bool,
) -> Estimate {
    let Some(base) = base_figure(kb, role, employment) else {
        // No figure: nothing to scale, so no factor applies and none is missing.
        return Estimate {
            employment,
            base: None,
            range: None,
            monthly: None,
            factors: Vec::new(),
            not_yet: Vec::new(),
            not_applied: Vec::new(),
        };
    };
    let mut factors = Vec::new();
    let mut not_applied = Vec::new();
    if employment == Employment::Employee
        && let Some(age) = kb
            .income_model
            .as_ref()
            .and_then(|m| age_factor(m, facts, &base.survey))
    {
        match age {
            Ok(f) => factors.push(f),
            Err(n) if explain => not_applied.push(n),
            Err(_) => {}
        }
    }
    let (up, not_yet, skipped) = uplifts_with(kb, facts, role, employment, &base.survey, explain);
    factors.extend(up);
    not_applied.extend(skipped);
    let range = factors
        .iter()
        .fold(base.yearly, |r, f| r.scale(f.low, f.high));
    let monthly = match employment {
        Employment::Freelance => Some(range.per(months(kb))),
        Employment::Employee => None,
    };
    Estimate {
        employment,
        base: Some(base),
        range: Some(range),
        monthly,
        factors,
        not_yet,
        not_applied,
    }
}
