//! Gaps: what stands between a profile and a role, in the terms a user acts on.

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::scoring::{ExperienceKind, RoleFit};

/// A skill the profile lacks (or lacks the level of) for a role.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SkillGap {
    /// Skill id.
    pub skill: String,
    /// Skill names.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// Level now, as it counts toward readiness: shown in hands-on work where the role asks for
    /// it (from level 2, "works with help", for someone moving from a role), else reported or
    /// evidenced by a certification.
    pub have: u8,
    /// Level needed.
    pub need: u8,
    /// The higher level a knowledge exam shows, when above `have` (it counts toward the fit but
    /// not as hands-on work).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidenced: Option<u8>,
    /// The certification that shows `evidenced`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Whether the gap keeps the role from being `ready`.
    pub essential: bool,
    /// Weight of the requirement (after the essential multiplier).
    pub weight: f64,
    /// Estimated months to close it.
    pub months: f64,
    /// Where the requirement comes from.
    pub source: String,
}

impl ExperienceGap {
    /// What is counted, as an id: the phase id, or `total` / `management`.
    pub fn id(&self) -> &str {
        self.phase.as_deref().unwrap_or(self.kind)
    }
}

/// Experience the profile lacks for a role.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ExperienceGap {
    /// `total`, `phase` or `management`.
    pub kind: &'static str,
    /// The phase id, for `phase`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Names of what is counted.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// Years now.
    pub have: f64,
    /// Years needed.
    pub need: f64,
    /// Years short.
    pub years_short: f64,
    /// Where the requirement comes from.
    pub source: String,
}

/// A skill requirement the profile already meets.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct MetSkill {
    /// Skill id.
    pub skill: String,
    /// Level now.
    pub have: u8,
    /// Level needed.
    pub need: u8,
    /// The certification that evidences the level, when above the reported level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A gap of either kind, for lists that mix them (recommendations). In JSON a skill gap has
/// `"kind": "skill"`; an experience gap keeps its own `kind` (`total`, `phase`, `management`).
#[derive(Debug, Clone, PartialEq)]
pub enum Gap {
    /// A skill gap.
    Skill(SkillGap),
    /// An experience gap.
    Experience(ExperienceGap),
}

impl schemars::JsonSchema for Gap {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Gap".into()
    }

    /// A skill gap with `"kind": "skill"`, or an experience gap.
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut skill = SkillGap::json_schema(generator);
        if let Some(props) = skill
            .ensure_object()
            .entry("properties")
            .or_insert_with(|| serde_json::json!({}))
            .as_object_mut()
        {
            props.insert("kind".into(), serde_json::json!({"const": "skill"}));
        }
        if let Some(required) = skill
            .ensure_object()
            .entry("required")
            .or_insert_with(|| serde_json::json!([]))
            .as_array_mut()
        {
            required.insert(0, "kind".into());
        }
        let experience = generator.subschema_for::<ExperienceGap>();
        schemars::json_schema!({
            "description": "A skill gap (`\"kind\": \"skill\"`) or an experience gap (`total`, \
                            `phase`, `management`).",
            "oneOf": [skill, experience],
        })
    }
}

impl Serialize for Gap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize, schemars::JsonSchema)]
        struct Tagged<'a> {
            kind: &'static str,
            #[serde(flatten)]
            gap: &'a SkillGap,
        }
        match self {
            Gap::Skill(gap) => Tagged { kind: "skill", gap }.serialize(s),
            Gap::Experience(gap) => gap.serialize(s),
        }
    }
}

/// The skill gaps (essential first, then by weight, then id), experience gaps and met skills of a fit.
pub fn split(
    kb: &KnowledgeBase,
    fit: &RoleFit,
) -> (Vec<SkillGap>, Vec<ExperienceGap>, Vec<MetSkill>) {
    let mut skills: Vec<SkillGap> = fit
        .skills
        .iter()
        .filter(|t| t.is_gap())
        .map(|t| {
            let s = kb.skill(t.skill);
            let have = t.ready_level();
            let shown = (t.have > have).then_some(t.have);
            SkillGap {
                skill: s.id.clone(),
                name: s.name.shaped(),
                have,
                need: t.need,
                evidenced: shown,
                evidence: shown
                    .and(t.evidence)
                    .map(|c| kb.certification(c).id.clone()),
                essential: t.essential,
                weight: t.weight,
                months: t.months,
                source: t.source.clone(),
            }
        })
        .collect();
    skills.sort_by(|a, b| {
        b.essential
            .cmp(&a.essential)
            .then(b.weight.total_cmp(&a.weight))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    let role = kb.role(fit.role);
    let experience = fit
        .experience
        .iter()
        .filter(|t| t.is_gap())
        .map(|t| {
            let (kind, phase, name) = match t.kind {
                ExperienceKind::Total => (
                    "total",
                    None,
                    text("IT実務経験(合計)", "total years of IT work"),
                ),
                ExperienceKind::Phase(p) => {
                    let ph = kb.phase(p);
                    ("phase", Some(ph.id.clone()), ph.name.shaped())
                }
                ExperienceKind::Management => {
                    ("management", None, text("マネジメント経験", "management"))
                }
            };
            ExperienceGap {
                kind,
                phase,
                name,
                have: t.have,
                need: t.need,
                years_short: t.need - t.have,
                source: role.experience.source.clone(),
            }
        })
        .collect();
    let met = fit
        .skills
        .iter()
        .filter(|t| !t.is_gap())
        .map(|t| MetSkill {
            skill: kb.skill(t.skill).id.clone(),
            have: t.have,
            need: t.need,
            evidence: t.evidence.map(|c| kb.certification(c).id.clone()),
        })
        .collect();
    (skills, experience, met)
}

/// A text in both languages.
///
/// Only the languages the current [`shape`](crate::shape) writes are kept (see [`Text::lazy`]).
pub fn text(ja: impl Into<String>, en: impl Into<String>) -> Text {
    Text::lazy(|| ja.into(), || en.into())
}
