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
use crate::profile::Facts;
use crate::rules::fmt_num;

/// Share of the requirement terms in a posting's fit (the rest is the fit to its role).
pub const REQUIREMENT_WEIGHT: f64 = 0.75;

/// One requirement of a posting the profile does not meet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingGap {
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
    /// Requirements not met.
    pub gaps: Vec<PostingGap>,
    /// The posting's monthly rate as a range, 万円.
    pub rate: Range,
    /// The income model's freelance estimate for this profile in the posting's role, 万円/月.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_rate: Option<Range>,
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

/// How a profile fits one posting: (requirements met 0–1, gaps).
pub fn fit(kb: &KnowledgeBase, facts: &Facts, p: &Posting) -> (f64, Vec<PostingGap>) {
    let mut terms: Vec<f64> = Vec::new();
    let mut gaps = Vec::new();
    let mut term = |kind, id: &str, have: f64, need: f64, gaps: &mut Vec<PostingGap>| {
        terms.push(if need <= 0.0 {
            1.0
        } else {
            (have / need).min(1.0)
        });
        if have < need {
            gaps.push(PostingGap {
                kind,
                id: id.to_string(),
                have,
                need,
            });
        }
    };
    for s in &p.skills {
        let id = &kb.skill(s.skill).id;
        term(
            "skill",
            id,
            f64::from(facts.level(s.skill)),
            f64::from(s.level),
            &mut gaps,
        );
        if let Some(y) = s.years {
            // Profiles count years per phase, not per skill: total years stand in.
            term("skill-years", id, facts.total_years, y, &mut gaps);
        }
    }
    for (phase, y) in &p.phases {
        let have = facts.phases.get(phase.0).copied().unwrap_or(0.0);
        term("phase", &kb.phase(*phase).id, have, *y, &mut gaps);
    }
    if let Some(y) = p.management_years {
        term("management", "", facts.management_years, y, &mut gaps);
    }
    let met = if terms.is_empty() {
        1.0
    } else {
        terms.iter().sum::<f64>() / terms.len() as f64
    };
    (met, gaps)
}

/// Ranks postings for a profile; keeps the best `top`.
pub fn jobs(kb: &KnowledgeBase, facts: &Facts, postings: &[Posting], top: usize) -> Vec<JobMatch> {
    let fits = crate::scoring::score_all(kb, facts);
    let role_fit = |r: RoleIx| fits.get(r.0).map_or(0.0, |f| f.fit);
    let mut rates: BTreeMap<RoleIx, Option<Range>> = BTreeMap::new();
    let mut scored: Vec<(f64, &Posting, f64, Vec<PostingGap>)> = postings
        .iter()
        .map(|p| {
            let (met, gaps) = fit(kb, facts, p);
            let f = REQUIREMENT_WEIGHT * met + (1.0 - REQUIREMENT_WEIGHT) * role_fit(p.role);
            (f, p, met, gaps)
        })
        .collect();
    scored.sort_by(|a, b| {
        OrderedFloat(b.0)
            .cmp(&OrderedFloat(a.0))
            .then_with(|| {
                OrderedFloat(b.1.monthly_rate.low).cmp(&OrderedFloat(a.1.monthly_rate.low))
            })
            .then_with(|| a.1.id.cmp(&b.1.id))
    });
    scored.truncate(top);
    scored
        .into_iter()
        .map(|(f, p, met, gaps)| {
            let estimated_rate = *rates.entry(p.role).or_insert_with(|| {
                super::estimate(
                    kb,
                    facts,
                    p.role,
                    crate::knowledge::format::Employment::Freelance,
                )
                .monthly
            });
            JobMatch {
                role: kb.role(p.role).id.clone(),
                posting: p.clone(),
                fit: f,
                requirements_met: met,
                role_fit: role_fit(p.role),
                gaps,
                rate: rate_range(p.monthly_rate),
                estimated_rate,
            }
        })
        .collect()
}

impl PostingGap {
    /// "java level 1 → 3", "java 1 → 3 years", "requirements 0 → 1 year".
    pub fn display(&self) -> String {
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
