//! `jobs PROFILE`: job postings ranked by how well a profile fits them, with the gaps per posting
//! and the rate to expect.
//!
//! A posting's fit is the mean of its requirement terms (each `min(have / need, 1)`: a skill's
//! level, the years a skill asks for against the profile's total years, years per phase,
//! management years), blended with the profile's fit to the posting's role:
//! `fit = 0.75 · requirements + 0.25 · role fit`.

use std::collections::BTreeMap;

use ordered_float::OrderedFloat;
use serde::Serialize;

use super::estimate::Range;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::market::{Amount, Posting};
use crate::knowledge::model::RoleIx;
use crate::lang::Lang;
use crate::profile::Facts;
use crate::rules::fmt_num;

/// What `jobs` names the shipped postings by (`postings_from`).
pub const SHIPPED: &str = "the shipped postings";

/// Share of the requirement terms in a posting's fit (the rest is the fit to its role).
pub const REQUIREMENT_WEIGHT: f64 = 0.75;

/// One requirement of a posting, with what the profile has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingTerm {
    /// `skill`, `skill-years`, `phase` or `management`.
    pub kind: &'static str,
    /// The skill or phase id (empty for management).
    pub id: String,
    /// What the profile has.
    pub have: f64,
    /// What the posting asks for.
    pub need: f64,
}

/// A posting and how the profile fits it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobMatch {
    /// The posting.
    #[serde(flatten)]
    pub posting: Posting,
    /// The posting's role id.
    pub role: String,
    /// Fit, 0–1.
    pub fit: f64,
    /// Share of the posting's requirements met, 0–1.
    pub requirements_met: f64,
    /// The profile's fit to the posting's role, 0–1.
    pub role_fit: f64,
    /// Every requirement of the posting, with what the profile has.
    pub requirements: Vec<PostingTerm>,
    /// The requirements not met.
    pub gaps: Vec<PostingTerm>,
    /// The posting's monthly rate as a range, 万円.
    pub rate: Range,
    /// The income model's freelance estimate for this profile in the posting's role, 万円/月.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_rate: Option<Range>,
    /// When the posting's role is not commonly taken on contract (its work styles): what
    /// `rate` says of it too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_as: Option<super::HeldAs>,
}

/// What `jobs PROFILE` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Jobs {
    /// The profile's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Where the postings come from (a file, or the shipped ones).
    pub postings_from: String,
    /// How many postings were ranked.
    pub total: usize,
    /// The best matches, best first.
    pub jobs: Vec<JobMatch>,
}

fn rate_range(a: Amount) -> Range {
    Range {
        low: a.low,
        high: a.high.unwrap_or(a.low),
    }
}

/// Calls `f(kind, id, have, need)` for every requirement of a posting.
fn visit<'k>(
    kb: &'k KnowledgeBase,
    facts: &Facts,
    p: &Posting,
    mut f: impl FnMut(&'static str, &'k str, f64, f64),
) {
    for s in &p.skills {
        let id = kb.skill(s.skill).id.as_str();
        f(
            "skill",
            id,
            f64::from(facts.level(s.skill)),
            f64::from(s.level),
        );
        if let Some(y) = s.years {
            // Profiles count years per phase, not per skill: total years stand in.
            f("skill-years", id, facts.total_years, y);
        }
    }
    for (phase, y) in &p.phases {
        let have = facts.phases.get(phase.0).copied().unwrap_or(0.0);
        f("phase", kb.phase(*phase).id.as_str(), have, *y);
    }
    if let Some(y) = p.management_years {
        f("management", "", facts.management_years, y);
    }
}

/// The share of a posting's requirements a profile meets, 0–1: the mean of
/// `min(have / need, 1)` over its requirements (1 when it has none).
pub fn requirements_met(kb: &KnowledgeBase, facts: &Facts, p: &Posting) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    visit(kb, facts, p, |_, _, have, need| {
        sum += if need <= 0.0 {
            1.0
        } else {
            (have / need).min(1.0)
        };
        n += 1;
    });
    if n == 0 { 1.0 } else { sum / n as f64 }
}

/// Every requirement of a posting with what the profile has.
pub fn terms(kb: &KnowledgeBase, facts: &Facts, p: &Posting) -> Vec<PostingTerm> {
    let mut out = Vec::new();
    visit(kb, facts, p, |kind, id, have, need| {
        out.push(PostingTerm {
            kind,
            id: id.to_string(),
            have,
            need,
        });
    });
    out
}

impl PostingTerm {
    /// Whether the profile meets it.
    pub fn met(&self) -> bool {
        self.have >= self.need
    }
}

/// Ranks postings for a profile; keeps the best `top`.
pub fn jobs(kb: &KnowledgeBase, facts: &Facts, postings: &[Posting], top: usize) -> Vec<JobMatch> {
    let fits = crate::scoring::score_all(kb, facts);
    let role_fit = |r: RoleIx| fits.get(r.0).map_or(0.0, |f| f.fit);
    let mut rates: BTreeMap<RoleIx, Option<Range>> = BTreeMap::new();
    // Score every posting without allocating; build the details for the best only.
    let mut scored: Vec<(f64, f64, &Posting)> = postings
        .iter()
        .map(|p| {
            let met = requirements_met(kb, facts, p);
            let f = REQUIREMENT_WEIGHT * met + (1.0 - REQUIREMENT_WEIGHT) * role_fit(p.role);
            (f, met, p)
        })
        .collect();
    let order = |a: &(f64, f64, &Posting), b: &(f64, f64, &Posting)| {
        let (pa, pb) = (a.2, b.2);
        OrderedFloat(b.0)
            .cmp(&OrderedFloat(a.0))
            .then_with(|| OrderedFloat(pb.monthly_rate.low).cmp(&OrderedFloat(pa.monthly_rate.low)))
            .then_with(|| pa.id.cmp(&pb.id))
    };
    if top < scored.len() {
        if top == 0 {
            return Vec::new();
        }
        scored.select_nth_unstable_by(top - 1, order);
        scored.truncate(top);
    }
    scored.sort_by(order);
    scored
        .into_iter()
        .map(|(f, met, p)| {
            let estimated_rate = *rates.entry(p.role).or_insert_with(|| {
                super::estimate(
                    kb,
                    facts,
                    p.role,
                    crate::knowledge::format::Employment::Freelance,
                )
                .monthly
            });
            let requirements = terms(kb, facts, p);
            JobMatch {
                role: kb.role(p.role).id.clone(),
                posting: p.clone(),
                fit: f,
                requirements_met: met,
                role_fit: role_fit(p.role),
                gaps: requirements.iter().filter(|t| !t.met()).cloned().collect(),
                requirements,
                rate: rate_range(p.monthly_rate),
                estimated_rate,
                held_as: super::held_as(kb, p.role).filter(|h| !h.contract),
            }
        })
        .collect()
}

impl PostingTerm {
    /// "java level 1 → 3", "java 1 → 3 years", "requirements 0 → 1 year" (English).
    pub fn display(&self) -> String {
        self.display_in(Lang::En)
    }

    /// The term as [`PostingTerm::display`] writes it, in a language.
    pub fn display_in(&self, lang: Lang) -> String {
        let (id, have, need) = (&self.id, fmt_num(self.have), fmt_num(self.need));
        if lang == Lang::Ja {
            return match self.kind {
                "skill" => format!("{id} レベル {have} → {need}"),
                "skill-years" => format!("{id}: {have}年 → {need}年(通算年数で代用)"),
                "phase" => format!("{id} {have}年 → {need}年"),
                _ => format!("マネジメント {have}年 → {need}年"),
            };
        }
        match self.kind {
            "skill" => format!(
                "{} level {} → {}",
                self.id,
                fmt_num(self.have),
                fmt_num(self.need)
            ),
            "skill-years" => format!(
                "{}: {} → {} years (total years stand in)",
                self.id,
                fmt_num(self.have),
                fmt_num(self.need)
            ),
            "phase" => format!(
                "{} years {} → {}",
                self.id,
                fmt_num(self.have),
                fmt_num(self.need)
            ),
            _ => format!(
                "management years {} → {}",
                fmt_num(self.have),
                fmt_num(self.need)
            ),
        }
    }
}
