//! A plan: the gaps to a role turned into ordered steps a person can follow.

use serde::Serialize;

use crate::knowledge::format::Text;
use crate::rules::fmt_num;

use super::certs::CertAdvice;
use super::gaps::{ExperienceGap, SkillGap, text};

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanStep {
    /// `skill`, `experience` or `certification`.
    pub kind: &'static str,
    /// The id of the skill, phase (or `total` / `management`) or certification.
    pub id: String,
    /// What to do.
    pub text: Text,
    /// Estimated months, where the knowledge base gives an estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<f64>,
    /// Study hours, for certifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
}

/// Orders the work: essential skills (quickest first, so progress shows early), the experience
/// to accrue meanwhile, the certification plan (already in the order to take it; the skills a
/// certification evidences in full are learnt for it, so they are not listed twice), then the
/// optional skills.
pub fn plan(
    skills: &[SkillGap],
    experience: &[ExperienceGap],
    certs: &[CertAdvice],
    study_hours_per_month: f64,
) -> Vec<PlanStep> {
    let mut steps = Vec::new();
    // A skill a planned certification evidences in full is learnt for that certification.
    let by_cert = |g: &SkillGap| {
        certs
            .iter()
            .any(|c| c.closes.iter().any(|x| x.skill == g.skill && x.fully))
    };
    let skill_step = |g: &SkillGap| PlanStep {
        kind: "skill",
        id: g.skill.clone(),
        text: match &g.any_of {
            Some(f) => f.raise.clone(),
            None => text(
                format!("{}をレベル{}から{}へ上げる", g.name.ja, g.have, g.need),
                format!("raise {} from level {} to {}", g.name.en, g.have, g.need),
            ),
        },
        months: Some(g.months),
        hours: None,
    };
    let mut essential: Vec<&SkillGap> = skills
        .iter()
        .filter(|g| g.essential && !by_cert(g))
        .collect();
    essential.sort_by(|a, b| {
        a.months
            .total_cmp(&b.months)
            .then_with(|| a.skill.cmp(&b.skill))
    });
    steps.extend(essential.into_iter().map(skill_step));
    for g in experience {
        steps.push(PlanStep {
            kind: "experience",
            id: g.id().to_string(),
            text: text(
                format!(
                    "{}をあと{}年積む(現在{}年、必要{}年)",
                    g.name.ja,
                    fmt_num(g.years_short),
                    fmt_num(g.have),
                    fmt_num(g.need)
                ),
                format!(
                    "gain {} more year(s) of {} (now {}, needed {})",
                    fmt_num(g.years_short),
                    g.name.en,
                    fmt_num(g.have),
                    fmt_num(g.need)
                ),
            ),
            months: Some(g.years_short * 12.0),
            hours: None,
        });
    }
    for c in certs {
        let hours = c.study_hours.map(|h| (h.min + h.max) / 2.0);
        let (ja, en) = if c.closes.is_empty() {
            (String::new(), String::new())
        } else {
            let levels: Vec<String> = c
                .closes
                .iter()
                .map(|x| format!("{} {}", x.skill, x.level))
                .collect();
            (
                format!("({}を証明)", levels.join("、")),
                format!(" (evidences {})", levels.join(", ")),
            )
        };
        steps.push(PlanStep {
            kind: "certification",
            id: c.id.clone(),
            text: text(
                format!("{}を取得する{ja}", c.name.ja),
                format!("take {}{en}", c.name.en),
            ),
            months: hours.map(|h| h / study_hours_per_month),
            hours,
        });
    }
    let mut optional: Vec<&SkillGap> = skills
        .iter()
        .filter(|g| !g.essential && !by_cert(g))
        .collect();
    optional.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.skill.cmp(&b.skill))
    });
    steps.extend(optional.into_iter().map(skill_step));
    steps
}
