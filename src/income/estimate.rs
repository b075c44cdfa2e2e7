//! The income estimate for one role and employment type: the role's headline figure (or a
//! borrowed one), times the age band's factor (employee figures), times the uplifts the profile
//! has (the largest per group), each factor with its source.

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, IncomePeriod, Text};
use crate::knowledge::market::{IncomeModel, Uplift};
use crate::knowledge::model::{Income, RoleIx};
use crate::profile::Facts;
use crate::rules::fmt_num;

/// A range in 万円 (a year, or a month for rates).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaseFigure {
    /// The figure as published ("500–600万円", "60–70万円/月").
    pub published: String,
    /// As a yearly range (monthly figures times `months_per_year`; "…以上" as its one end).
    pub yearly: Range,
    /// What the figure is.
    pub basis: Text,
    /// Where it comes from.
    pub source: String,
    /// When the role has no figure of its own: the role whose figure it borrows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub borrowed_from: Option<String>,
    /// Why the borrowed figure is close enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub borrowed_because: Option<Text>,
}

/// A factor that moved an estimate (or would, for near misses).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Factor {
    /// `age` or `uplift`.
    pub kind: &'static str,
    /// The uplift id, or the age band (`30-39`).
    pub id: String,
    /// What it is.
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
}

/// An estimate for one role and employment type.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Uplifts for this role the profile does not have yet, with what they need.
    pub not_yet: Vec<Factor>,
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

/// The figure an estimate for `role` starts from: its headline, or a proxy's.
pub fn base_figure(kb: &KnowledgeBase, role: RoleIx, employment: Employment) -> Option<BaseFigure> {
    let m = months(kb);
    let make = |income: &Income, proxy: Option<(&str, &Text)>| {
        Some(BaseFigure {
            published: super::Figure::of(income)?.display(),
            yearly: yearly_range(income, m)?,
            basis: income.basis.clone(),
            source: income.source.clone(),
            borrowed_from: proxy.map(|(id, _)| id.to_string()),
            borrowed_because: proxy.map(|(_, t)| t.clone()),
        })
    };
    if let Some(i) = kb.headline_income(role, employment) {
        return make(i, None);
    }
    let p = kb.income_model.as_ref()?.proxy(role, employment)?;
    let i = kb.headline_income(p.uses, employment)?;
    make(i, Some((kb.role(p.uses).id.as_str(), &p.basis)))
}

fn amount(a: crate::knowledge::market::Amount) -> String {
    match a.high {
        Some(h) if h == a.low => fmt_num(a.low),
        Some(h) => format!("{}–{}", fmt_num(a.low), fmt_num(h)),
        None => format!("{}+", fmt_num(a.low)),
    }
}

fn uplift_factor(u: &Uplift, trace: &crate::rules::Trace) -> Factor {
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
    }
}

/// The age factor for a profile's age, employee figures only.
fn age_factor(model: &IncomeModel, facts: &Facts) -> Option<Factor> {
    let band = model.age_band(facts.age?)?;
    Some(Factor {
        kind: "age",
        id: format!("{}-{}", band.from, band.to),
        description: Text {
            ja: format!("{}〜{}歳の年収", band.from, band.to),
            en: format!("Pay at ages {}–{}", band.from, band.to),
        },
        low: band.factor,
        high: band.factor,
        figures: format!("{} / {}万円", fmt_num(band.income), fmt_num(band.reference)),
        because: format!("age {}", fmt_num(facts.age.unwrap_or_default())),
        because_ja: format!("{}歳", fmt_num(facts.age.unwrap_or_default())),
        source: band.source.clone(),
        high_source: None,
    })
}

/// The uplifts a profile has for a role, largest per group (group order by id), and those it
/// lacks.
pub fn uplifts(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
) -> (Vec<Factor>, Vec<Factor>) {
    uplifts_with(kb, facts, role, employment, true)
}

/// [`uplifts`]; without `explain`, only the numbers, ids and sources of the uplifts that apply
/// (no `because` or `figures` text, no missing uplifts), for [`estimate_numbers`].
fn uplifts_with(
    kb: &KnowledgeBase,
    facts: &Facts,
    role: RoleIx,
    employment: Employment,
    explain: bool,
) -> (Vec<Factor>, Vec<Factor>) {
    let Some(model) = &kb.income_model else {
        return (Vec::new(), Vec::new());
    };
    let family = kb.role(role).family;
    let mut held: Vec<(&str, Factor)> = Vec::new();
    let mut missing = Vec::new();
    for u in model
        .uplifts
        .iter()
        .filter(|u| u.applies_to(role, family, employment))
    {
        if !explain {
            if u.when.holds(facts) {
                held.push((u.group.as_str(), bare_factor(u)));
            }
            continue;
        }
        let trace = u.when.trace(facts, kb);
        let f = uplift_factor(u, &trace);
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
                ..lo.clone()
            })
        })
        .collect();
    (applied, missing)
}

/// An uplift's numbers, id and source, without its texts.
fn bare_factor(u: &Uplift) -> Factor {
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
    let base = base_figure(kb, role, employment);
    let mut factors = Vec::new();
    if employment == Employment::Employee
        && let Some(f) = kb.income_model.as_ref().and_then(|m| age_factor(m, facts))
    {
        factors.push(f);
    }
    let (up, not_yet) = uplifts_with(kb, facts, role, employment, explain);
    factors.extend(up);
    let range = base
        .as_ref()
        .map(|b| factors.iter().fold(b.yearly, |r, f| r.scale(f.low, f.high)));
    let monthly = match employment {
        Employment::Freelance => range.map(|r| r.per(months(kb))),
        Employment::Employee => None,
    };
    Estimate {
        employment,
        base,
        range,
        monthly,
        factors,
        not_yet,
    }
}
