//! Readiness: whether a role is within reach now, within about a year, or further.
//!
//! ```text
//! a requirement's months = months from the level shown to the level needed
//!                        + certified_practice_share · months of the levels a knowledge exam
//!                          shows but hands-on work does not (requirements from hands_on_level)
//! learning    = Σ essential months + optional_gap_share · Σ optional months
//! waiting     = 12 · the largest experience shortfall (experience accrues while one learns)
//! to ready    = max(learning, waiting)
//! ready       = no essential or experience gap, and the optional share ≤ ready_months
//! stretch     = to ready ≤ stretch_months;  long-term otherwise
//! ```
//! Every term only falls when a level, certification or year is added.

use serde::Serialize;

use super::{ExperienceTerm, SkillTerm};
use crate::knowledge::model::{Scoring, SkillIx};
use crate::profile::Facts;

/// How soon a profile can take a role.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    /// No essential gap, and little else to learn.
    Ready,
    /// Gaps closable within the knowledge base's stretch threshold (about a year).
    Stretch,
    /// Further away.
    LongTerm,
}

impl Readiness {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Readiness::Ready => "ready",
            Readiness::Stretch => "stretch",
            Readiness::LongTerm => "long-term",
        }
    }

    /// The readiness of a time to ready, once no gap blocks the role (`blocked` false) or not.
    pub fn of(s: &Scoring, blocked: bool, to_ready: f64) -> Self {
        if !blocked && to_ready <= s.ready_months {
            Readiness::Ready
        } else if to_ready <= s.stretch_months {
            Readiness::Stretch
        } else {
            Readiness::LongTerm
        }
    }
}

/// What one skill requirement still takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RequirementGap {
    /// The level shown (reported, or evidenced by any certification).
    pub have: u8,
    /// The level shown by hands-on work (reported, or a hands-on certification).
    pub practised: u8,
    /// Met in level, but only by a knowledge exam where hands-on work is needed.
    pub practice_gap: bool,
    /// Whether readiness asks for hands-on work at this level (not a certificate alone).
    pub hands_on: bool,
    /// Months to close it (learning, and practising what a knowledge exam shows).
    pub months: f64,
}

impl RequirementGap {
    /// Measures a requirement on one skill against the profile.
    pub fn of(s: &Scoring, facts: &Facts, skill: SkillIx, need: u8) -> Self {
        Self::measure(
            s,
            facts,
            facts.level(skill),
            facts.practised_level(skill),
            need,
        )
    }

    /// Measures a requirement against the profile from the levels it counts: shown (`have`)
    /// and hands-on (`practised`), as [`KnowledgeBase::counted`] gives them.
    ///
    /// [`KnowledgeBase::counted`]: crate::knowledge::KnowledgeBase::counted
    pub fn measure(s: &Scoring, facts: &Facts, have: u8, practised: u8, need: u8) -> Self {
        let hands_on = need >= s.hands_on_level && !facts.certificates_prove();
        let mut months = s.months_between(have, need);
        let mut practice_gap = false;
        if hands_on && practised < need {
            let known = have.min(need);
            months += s.certified_practice_share * s.months_between(practised, known);
            practice_gap = have >= need;
        }
        Self {
            have,
            practised,
            practice_gap,
            hands_on,
            months,
        }
    }

    /// Whether anything is missing.
    pub fn is_gap(&self, need: u8) -> bool {
        self.have < need || self.practice_gap
    }
}

/// Adds up the months to ready from requirements (essential, a gap, months) and experience
/// shortfalls in years; returns (blocked by an essential or experience gap, months to ready).
pub fn to_ready(
    s: &Scoring,
    skills: impl Iterator<Item = (bool, bool, f64)>,
    experience_shortfalls: impl Iterator<Item = f64>,
) -> (bool, f64) {
    let mut blocked = false;
    let mut learning = 0.0;
    for (essential, gap, months) in skills {
        if essential {
            blocked |= gap;
            learning += months;
        } else {
            learning += s.optional_gap_share * months;
        }
    }
    let mut waiting: f64 = 0.0;
    for short in experience_shortfalls.filter(|y| *y > 0.0) {
        blocked = true;
        waiting = waiting.max(short * 12.0);
    }
    (blocked, learning.max(waiting))
}

/// Readiness, months to ready, and months to close every gap in full.
pub fn assess(
    s: &Scoring,
    skills: &[SkillTerm],
    experience: &[ExperienceTerm],
) -> (Readiness, f64, f64) {
    let shortfalls = || experience.iter().map(|t| t.need - t.have);
    let (blocked, to_ready) = to_ready(
        s,
        skills.iter().map(|t| (t.essential, t.is_gap(), t.months)),
        shortfalls(),
    );
    let learning_all: f64 = skills.iter().map(|t| t.months).sum();
    let waiting = shortfalls().fold(0.0, f64::max) * 12.0;
    (
        Readiness::of(s, blocked, to_ready),
        to_ready,
        learning_all.max(waiting),
    )
}
