//! A profile as the engine reads it: dense per-skill levels with certification evidence.

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, EvidenceKind};
use crate::knowledge::model::{CertIx, FamilyIx, PhaseIx, PrefIx, RoleIx, SkillIx, WorkplaceIx};

use super::Profile;

/// The facts a profile states, compiled against a knowledge base for fast, allocation-free
/// evaluation: every vector is indexed by the knowledge base's indices.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Self-reported level per skill.
    pub reported: Vec<u8>,
    /// Effective level per skill: the larger of the reported level and what a held
    /// certification evidences.
    pub levels: Vec<u8>,
    /// For skills whose effective level comes from a certification: that certification.
    pub evidence: Vec<Option<CertIx>>,
    /// Level per skill shown by hands-on work: the larger of the reported level and what a
    /// held hands-on (performance-based) certification evidences. Knowledge exams count in
    /// `levels`, not here.
    pub practised: Vec<u8>,
    /// Certifications held, including the prerequisites of those held.
    pub held: Vec<bool>,
    /// Years per phase.
    pub phases: Vec<f64>,
    /// Total years.
    pub total_years: f64,
    /// Management years.
    pub management_years: f64,
    /// Largest team led.
    pub team_size: u32,
    /// Current role.
    pub current_role: Option<RoleIx>,
    /// Current role's family.
    pub current_family: Option<FamilyIx>,
    /// Listed preferences.
    pub preferences: Vec<bool>,
    /// Workplace.
    pub workplace: Option<WorkplaceIx>,
    /// Employment.
    pub employment: Option<Employment>,
    /// Age.
    pub age: Option<f64>,
}

impl Facts {
    /// Compiles a profile's facts.
    pub fn new(profile: &Profile, kb: &KnowledgeBase) -> Self {
        let mut reported = vec![0u8; kb.skills.len()];
        for (s, l) in &profile.skills {
            if let Some(slot) = reported.get_mut(s.0) {
                *slot = *l;
            }
        }
        let mut held = vec![false; kb.certifications.len()];
        let mut stack: Vec<CertIx> = profile.certifications.clone();
        while let Some(c) = stack.pop() {
            match held.get_mut(c.0) {
                Some(h) if !*h => {
                    *h = true;
                    stack.extend(kb.certification(c).prerequisites.iter().copied());
                }
                _ => {}
            }
        }
        let mut levels = reported.clone();
        let mut practised = reported.clone();
        let mut evidence = vec![None; kb.skills.len()];
        for (i, cert) in kb.certifications.iter().enumerate() {
            if !held.get(i).copied().unwrap_or(false) {
                continue;
            }
            for (skill, level) in &cert.evidences {
                if cert.evidence == EvidenceKind::HandsOn
                    && let Some(slot) = practised.get_mut(skill.0)
                {
                    *slot = (*slot).max(*level);
                }
                if let Some(slot) = levels.get_mut(skill.0)
                    && *level > *slot
                {
                    *slot = *level;
                    if let Some(e) = evidence.get_mut(skill.0) {
                        *e = Some(CertIx(i));
                    }
                }
            }
        }
        let mut phases = vec![0.0; kb.phases.len()];
        for (p, y) in &profile.phases {
            if let Some(slot) = phases.get_mut(p.0) {
                *slot = *y;
            }
        }
        let mut preferences = vec![false; kb.preferences.len()];
        for p in &profile.preferences {
            if let Some(slot) = preferences.get_mut(p.0) {
                *slot = true;
            }
        }
        Facts {
            reported,
            levels,
            evidence,
            practised,
            held,
            phases,
            total_years: profile.years_experience,
            management_years: profile.management_years,
            team_size: profile.team_size,
            current_role: profile.current_role,
            current_family: profile.current_role.map(|r| kb.role(r).family),
            preferences,
            workplace: profile.workplace,
            employment: profile.employment,
            age: profile.age,
        }
    }

    /// Effective level of a skill.
    pub fn level(&self, s: SkillIx) -> u8 {
        self.levels.get(s.0).copied().unwrap_or(0)
    }

    /// Self-reported level of a skill.
    pub fn reported_level(&self, s: SkillIx) -> u8 {
        self.reported.get(s.0).copied().unwrap_or(0)
    }

    /// The facts with a skill practised at least at `level` (for "what if" questions).
    pub fn with_level(&self, s: SkillIx, level: u8) -> Self {
        let mut f = self.clone();
        for v in [&mut f.reported, &mut f.levels, &mut f.practised] {
            if let Some(slot) = v.get_mut(s.0) {
                *slot = (*slot).max(level);
            }
        }
        f
    }

    /// The facts with a certification (and its prerequisites) held.
    pub fn with_certification(&self, kb: &KnowledgeBase, c: CertIx) -> Self {
        let mut f = self.clone();
        let mut stack = vec![c];
        while let Some(c) = stack.pop() {
            match f.held.get_mut(c.0) {
                Some(h) if !*h => *h = true,
                _ => continue,
            }
            let cert = kb.certification(c);
            stack.extend(cert.prerequisites.iter().copied());
            for (skill, level) in &cert.evidences {
                if let Some(slot) = f.levels.get_mut(skill.0)
                    && *level > *slot
                {
                    *slot = *level;
                    if let Some(e) = f.evidence.get_mut(skill.0) {
                        *e = Some(c);
                    }
                }
                if cert.evidence == EvidenceKind::HandsOn
                    && let Some(slot) = f.practised.get_mut(skill.0)
                {
                    *slot = (*slot).max(*level);
                }
            }
        }
        f
    }

    /// Level of a skill shown by hands-on work (reported, or a hands-on certification).
    pub fn practised_level(&self, s: SkillIx) -> u8 {
        self.practised.get(s.0).copied().unwrap_or(0)
    }

    /// Whether certificates count as the proof of a skill for readiness: for someone with no
    /// current role, a certificate is the proof employers ask of newcomers; for someone moving
    /// from a role, a knowledge exam backs up hands-on work but does not replace it.
    pub fn certificates_prove(&self) -> bool {
        self.current_role.is_none()
    }

    /// Years in one phase.
    pub fn phase(&self, p: PhaseIx) -> f64 {
        self.phases.get(p.0).copied().unwrap_or(0.0)
    }

    /// Years in the listed phases, added up.
    pub fn phase_sum(&self, phases: &[PhaseIx]) -> f64 {
        phases.iter().map(|p| self.phase(*p)).sum()
    }

    /// Whether a certification is held (directly or as a prerequisite of one held).
    pub fn holds(&self, c: CertIx) -> bool {
        self.held.get(c.0).copied().unwrap_or(false)
    }

    /// Whether the profile can take a certification now: not held yet, its experience
    /// eligibility met, and every formal prerequisite held.
    pub fn can_take(&self, kb: &KnowledgeBase, c: CertIx) -> bool {
        self.can_plan(kb, c)
            && kb
                .certification(c)
                .prerequisites
                .iter()
                .all(|p| self.holds(*p))
    }

    /// Whether the profile has the experience a certification's issuer asks of candidates.
    pub fn eligible(&self, kb: &KnowledgeBase, c: CertIx) -> bool {
        kb.certification(c)
            .eligibility
            .is_none_or(|(total, management)| {
                total.is_none_or(|y| self.total_years >= y)
                    && management.is_none_or(|y| self.management_years >= y)
            })
    }

    /// Whether a certification can be planned: not held, its eligibility met, and at most
    /// [`MAX_PREREQUISITES`](crate::knowledge::ladder::MAX_PREREQUISITES) formal prerequisites
    /// (see [`crate::knowledge::ladder`]).
    pub fn can_plan(&self, kb: &KnowledgeBase, c: CertIx) -> bool {
        !self.holds(c) && self.eligible(kb, c) && kb.ladder().plannable(c)
    }

    /// Whether a preference is listed.
    pub fn prefers(&self, p: PrefIx) -> bool {
        self.preferences.get(p.0).copied().unwrap_or(false)
    }
}
