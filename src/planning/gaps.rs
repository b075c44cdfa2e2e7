//! Gaps: what stands between a profile and a role, in the terms a user acts on.

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::{AnyOf, SkillIx};
use crate::scoring::{ExperienceKind, RoleFit};

/// The skill family a requirement accepts any member of, and which member it measures.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FamilyRef {
    /// Skill family id.
    pub id: String,
    /// Its names.
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// 1 for the best member, 2 for the second best …
    pub rank: u8,
    /// What the requirement means for the profile: "a server-side language to level 3: Java 2
    /// is your best".
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub meaning: Text,
    /// The plan's step: "raise a server-side language to level 3: Java 2 is your best".
    #[serde(skip)]
    pub raise: Text,
}

/// The family of a requirement, as shown, with the member that counts and its level.
pub fn family_ref(
    kb: &KnowledgeBase,
    any_of: Option<AnyOf>,
    skill: SkillIx,
    have: u8,
    need: u8,
) -> Option<FamilyRef> {
    any_of.map(|a| {
        let f = kb.skill_family(a.family);
        FamilyRef {
            id: f.id.clone(),
            name: f.name.clone(),
            rank: a.rank,
            meaning: requirement_text(kb, skill, any_of, have, need),
            raise: raise_text(kb, skill, a, have, need),
        }
    })
}

/// "best", "2nd best" … and 「最も高い」「2番目に高い」….
fn ordinal(rank: u8) -> (String, String) {
    let en = match rank {
        0 | 1 => "best".to_string(),
        2 => "2nd best".to_string(),
        3 => "3rd best".to_string(),
        n => format!("{n}th best"),
    };
    let ja = if rank <= 1 {
        "最も高い".to_string()
    } else {
        format!("{rank}番目に高い")
    };
    (ja, en)
}

/// What a requirement is called: the skill's name, or for a family requirement the family with
/// the member that counts ("server-side language: Java, your best"); when the person shows no
/// level in it (`have` 0), the member is only an example ("a 2nd server-side language: none yet,
/// PHP for example").
pub fn term_name(kb: &KnowledgeBase, skill: SkillIx, any_of: Option<AnyOf>, have: u8) -> Text {
    let s = kb.skill(skill);
    match any_of {
        None => s.name.clone(),
        Some(a) => {
            let f = kb.skill_family(a.family);
            let (ja, en) = ordinal(a.rank);
            let head_ja = if a.rank <= 1 {
                f.name.ja.clone()
            } else {
                format!("{}つ目の{}", a.rank, f.name.ja)
            };
            let head_en = if a.rank <= 1 {
                format!("any {}", f.name.en)
            } else {
                format!("a {} {}", ordinal_number(a.rank), f.name.en)
            };
            if have == 0 {
                return text(
                    format!("{head_ja}(まだなし。例: {})", s.name.ja),
                    format!("{head_en}: none yet, {} for example", s.name.en),
                );
            }
            text(
                format!("{head_ja}({ja}のは{})", s.name.ja),
                format!("{head_en}: {}, your {en}", s.name.en),
            )
        }
    }
}

/// A plan's step for a family requirement: raise the member that counts.
fn raise_text(kb: &KnowledgeBase, skill: SkillIx, a: AnyOf, have: u8, need: u8) -> Text {
    let meaning = requirement_text(kb, skill, Some(a), have, need);
    let f = kb.skill_family(a.family);
    let (ja, _) = ordinal(a.rank);
    let what_ja = if a.rank <= 1 {
        f.name.ja.clone()
    } else {
        format!("{}つ目の{}", a.rank, f.name.ja)
    };
    let now_ja = if have == 0 {
        format!("まだなし。例: {}", kb.skill(skill).name.ja)
    } else {
        format!("{ja}のは{}のレベル{have}", kb.skill(skill).name.ja)
    };
    text(
        format!("{what_ja}をレベル{need}へ上げる({now_ja})"),
        format!("raise {}", meaning.en),
    )
}

/// "2nd", "3rd", "4th" …
fn ordinal_number(n: u8) -> String {
    match n {
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}

/// What a family requirement's gap means, in a sentence: "a server-side language to level 3:
/// Java 2 is your best" (for a single skill: "Linux to level 3").
pub fn requirement_text(
    kb: &KnowledgeBase,
    skill: SkillIx,
    any_of: Option<AnyOf>,
    have: u8,
    need: u8,
) -> Text {
    let s = kb.skill(skill);
    match any_of {
        None => text(
            format!("{}をレベル{need}へ", s.name.ja),
            format!("{} to level {need}", s.name.en),
        ),
        Some(a) => {
            let f = kb.skill_family(a.family);
            let (ja, en) = ordinal(a.rank);
            let (what_ja, what_en) = if a.rank <= 1 {
                (f.name.ja.clone(), format!("a {}", f.name.en))
            } else {
                (
                    format!("{}つ目の{}", a.rank, f.name.ja),
                    format!("a {} {}", ordinal_number(a.rank), f.name.en),
                )
            };
            if have == 0 {
                return text(
                    format!("{what_ja}をレベル{need}へ(まだなし。例: {})", s.name.ja),
                    format!(
                        "{what_en} to level {need}: none yet, {} for example",
                        s.name.en
                    ),
                );
            }
            text(
                format!(
                    "{what_ja}をレベル{need}へ({ja}のは{}のレベル{have})",
                    s.name.ja
                ),
                format!(
                    "{what_en} to level {need}: {} {have} is your {en}",
                    s.name.en
                ),
            )
        }
    }
}

/// A skill the profile lacks (or lacks the level of) for a role.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SkillGap {
    /// Skill id: the requirement's skill, or for a family requirement the member that counts
    /// (the one to raise: the best, or the `rank`-th best).
    pub skill: String,
    /// Skill names (for a family requirement, the family with the member that counts).
    #[serde(skip_serializing_if = "crate::shape::omit_text")]
    #[schemars(with = "crate::shape::RecordText")]
    pub name: Text,
    /// For a family requirement (`any_of`): the family, and which member counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any_of: Option<FamilyRef>,
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

/// A skill as listed: its id, or for a family requirement the member that counts with its family
/// (`java (server-side-languages)`, `php (server-side-languages #2)`).
pub fn label(skill: &str, any_of: Option<&FamilyRef>) -> String {
    match any_of {
        None => skill.to_string(),
        Some(f) if f.rank <= 1 => format!("{skill} ({})", f.id),
        Some(f) => format!("{skill} ({} #{})", f.id, f.rank),
    }
}

impl SkillGap {
    /// The skill as listed (see [`label`]).
    pub fn label(&self) -> String {
        label(&self.skill, self.any_of.as_ref())
    }

    /// What the gap is a gap in, as an id: the skill id, or for a family requirement the family
    /// id (with `:rank` beyond the best member), whichever member counts.
    pub fn id(&self) -> String {
        match &self.any_of {
            None => self.skill.clone(),
            Some(f) if f.rank <= 1 => f.id.clone(),
            Some(f) => format!("{}:{}", f.id, f.rank),
        }
    }
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
    /// Skill id (for a family requirement, the member that counts).
    pub skill: String,
    /// For a family requirement (`any_of`): the family, and which member counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any_of: Option<FamilyRef>,
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
                name: term_name(kb, t.skill, t.any_of, have).shaped(),
                any_of: family_ref(kb, t.any_of, t.skill, have, t.need),
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
            .then_with(|| {
                let rank = |g: &SkillGap| g.any_of.as_ref().map(|f| f.rank);
                rank(a).cmp(&rank(b))
            })
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
            any_of: family_ref(kb, t.any_of, t.skill, t.have, t.need),
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
