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
/// to accrue meanwhile, the certifications that evidence the new levels (respecting their
/// prerequisites and usual order), then the optional skills.
pub fn plan(
    skills: &[SkillGap],
    experience: &[ExperienceGap],
    certs: &[CertAdvice],
) -> Vec<PlanStep> {
    let mut steps = Vec::new();
    let skill_step = |g: &SkillGap| PlanStep {
        kind: "skill",
        id: g.skill.clone(),
        text: text(
            format!("{}をレベル{}から{}へ上げる", g.name.ja, g.have, g.need),
            format!("raise {} from level {} to {}", g.name.en, g.have, g.need),
        ),
        months: Some(g.months),
        hours: None,
    };
    let mut essential: Vec<&SkillGap> = skills.iter().filter(|g| g.essential).collect();
    essential.sort_by(|a, b| {
        a.months
            .total_cmp(&b.months)
            .then_with(|| a.skill.cmp(&b.skill))
    });
    steps.extend(essential.into_iter().map(skill_step));
    for g in experience {
        steps.push(PlanStep {
            kind: "experience",
            id: g.phase.clone().unwrap_or_else(|| g.kind.to_string()),
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
    for c in order_certs(&covering(certs)) {
        let hours = c.study_hours.map(|h| (h.min + h.max) / 2.0);
        steps.push(PlanStep {
            kind: "certification",
            id: c.id.clone(),
            text: text(
                format!("{}を取得する", c.name.ja),
                format!("take {}", c.name.en),
            ),
            months: None,
            hours,
        });
    }
    let mut optional: Vec<&SkillGap> = skills.iter().filter(|g| !g.essential).collect();
    optional.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.skill.cmp(&b.skill))
    });
    steps.extend(optional.into_iter().map(skill_step));
    steps
}

/// The certifications worth a step: in the given (best-first) order, each one that evidences a
/// gap no earlier pick already evidences, so two certificates for the same skills are not both
/// planned.
fn covering(certs: &[CertAdvice]) -> Vec<CertAdvice> {
    let mut covered: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for c in certs {
        let new: Vec<&str> = c
            .closes
            .iter()
            .map(|x| x.skill.as_str())
            .filter(|s| !covered.contains(s))
            .collect();
        if !new.is_empty() {
            covered.extend(new);
            out.push(c.clone());
        }
    }
    out
}

/// Certifications in an order where none comes before one it requires or usually follows
/// (among those listed); otherwise in the given order.
fn order_certs(certs: &[CertAdvice]) -> Vec<&CertAdvice> {
    let mut left: Vec<&CertAdvice> = certs.iter().collect();
    let mut out: Vec<&CertAdvice> = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let ready = left.iter().position(|c| {
            c.missing_prerequisites
                .iter()
                .chain(&c.take_first)
                .all(|p| !left.iter().any(|o| &o.id == p))
        });
        // A cycle cannot happen (the validator rejects them); take the first to stay total.
        out.push(left.remove(ready.unwrap_or(0)));
    }
    out
}
