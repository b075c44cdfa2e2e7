//! What a route costs one person: the transitions' typical years plus the time to reach, along
//! the route, the skill levels and experience its roles need.
//!
//! ```text
//! needs    = for each skill, the highest essential level a role on the route needs
//! learning = the quickest certification plan for those needs (learning or certifications,
//!            see certplan), from what the person has now
//! waiting  = for each step, 12 · (experience a role needs − what the person has plus the
//!            typical years passed on arrival), the largest, at least 0
//! cost     = Σ typical years + max(learning, waiting) / 12
//! ```
//! Learning happens while the years pass, as in readiness. A skill is learnt once for the whole
//! route, so a gap shared by two roles is not paid twice; the time of each skill and
//! certification is shown on the step that first needs it. Every term only falls when a level,
//! certification or year is added, so assuming one never makes a route dearer, and the cost is at
//! least the typical years, which the route search uses as its lower bound.

use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{CertIx, TransitionIx};
use crate::profile::{Change, Facts, Profile};
use crate::scoring::{ExperienceKind, FiredRules, RoleFit, score_role};

use super::certplan::{self, Need};

/// What one step of a route takes a person.
#[derive(Debug, Clone)]
pub struct StepPrice {
    /// The transition.
    pub transition: TransitionIx,
    /// The fit to the role reached, on arrival: with what the earlier steps taught, before this
    /// step's gaps are closed.
    pub fit: RoleFit,
    /// The facts on arrival.
    pub facts: Facts,
    /// The certifications first needed on this step.
    pub certs: Vec<CertIx>,
    /// Months learning the skills first needed on this step without a certificate.
    pub learning_months: f64,
    /// Months for this step's certifications.
    pub certification_months: f64,
    /// Months of experience still missing on arrival, beyond the learning of the whole route
    /// (counted on the step where the wait is longest).
    pub waiting_months: f64,
    /// Cost in years: typical years plus this step's months.
    pub cost: f64,
}

/// A priced route.
#[derive(Debug, Clone)]
pub struct Priced {
    /// The steps.
    pub steps: Vec<StepPrice>,
    /// Total cost in years (the sum of the steps').
    pub cost: f64,
}

/// Prices a route for a profile.
pub fn price(kb: &KnowledgeBase, profile: &Profile, transitions: &[TransitionIx]) -> Priced {
    let facts = Facts::new(profile, kb);
    let needs_at: Vec<Vec<Need>> = transitions
        .iter()
        .map(|t| {
            kb.role(kb.transition(*t).to)
                .requirements
                .iter()
                .filter(|r| r.essential)
                .map(|r| Need {
                    skill: r.skill,
                    level: r.level,
                })
                .collect()
        })
        .collect();
    let all: Vec<Need> = needs_at.iter().flatten().copied().collect();
    let plan = certplan::cheapest(kb, &facts, &all);
    let weights = |c: &CertIx| certplan::weight(kb, &facts, *c);

    // Attribute each learnt level and each certification to the first step that needs it; the
    // steps' months add up to the plan's.
    let mut reached: Vec<u8> = facts.levels.clone();
    let mut taken: Vec<CertIx> = Vec::new();
    let mut state = profile.clone();
    let mut steps = Vec::with_capacity(transitions.len());
    let mut waits = Vec::with_capacity(transitions.len());
    for (t, needs) in transitions.iter().zip(&needs_at) {
        let tr = kb.transition(*t);
        let arrival = Facts::new(&state, kb);
        let fired = FiredRules::new(kb, &arrival);
        let fit = score_role(kb, &arrival, &fired, tr.to);
        let mut learning_months = 0.0;
        let mut certs = Vec::new();
        for n in needs {
            let have = reached.get(n.skill.0).copied().unwrap_or(0);
            if have >= n.level {
                continue;
            }
            match plan.certs.iter().find(|c| reaches(kb, **c, *n)) {
                Some(c) => {
                    for p in with_prerequisites(kb, &plan.certs, *c) {
                        if !taken.contains(&p) {
                            taken.push(p);
                            certs.push(p);
                        }
                    }
                }
                None => learning_months += kb.scoring.months_between(have, n.level),
            }
            if let Some(slot) = reached.get_mut(n.skill.0) {
                *slot = n.level;
            }
        }
        let shortfall = fit
            .experience
            .iter()
            .map(|e| match e.kind {
                // Management years do not accrue by themselves.
                ExperienceKind::Management => e.need - e.have,
                _ => e.need - (e.have + tr.typical_years),
            })
            .fold(0.0, f64::max);
        waits.push(shortfall.max(0.0) * 12.0);
        let certification_months = certs.iter().map(weights).sum();
        steps.push(StepPrice {
            transition: *t,
            fit,
            facts: arrival,
            certs: certs.clone(),
            learning_months,
            certification_months,
            waiting_months: 0.0,
            cost: tr.typical_years + (learning_months + certification_months) / 12.0,
        });
        // The person on leaving the step: its levels reached, its certifications held, its
        // years passed, in the role reached.
        for n in needs {
            state.apply(Change::Skill(n.skill, n.level));
        }
        for c in certs {
            state.apply(Change::Cert(c));
        }
        state.apply(Change::YearsAdd(tr.typical_years));
        for e in &steps
            .last()
            .map(|s| s.fit.experience.clone())
            .unwrap_or_default()
        {
            if let ExperienceKind::Phase(p) = e.kind {
                state.apply(Change::PhaseAtLeast(
                    p,
                    e.need.min(e.have + tr.typical_years),
                ));
            }
        }
        state.current_role = Some(tr.to);
    }
    // Experience accrues while one learns: only waiting beyond the route's learning adds time.
    let learning = plan.months();
    let (worst, wait) =
        waits.iter().copied().enumerate().fold(
            (0, 0.0),
            |(bi, bw), (i, w)| if w > bw { (i, w) } else { (bi, bw) },
        );
    if wait > learning
        && let Some(step) = steps.get_mut(worst)
    {
        step.waiting_months = wait - learning;
        step.cost += (wait - learning) / 12.0;
    }
    let cost = steps.iter().map(|s| s.cost).sum();
    Priced { steps, cost }
}

/// Whether a certification evidences a need.
fn reaches(kb: &KnowledgeBase, cert: CertIx, need: Need) -> bool {
    kb.certification(cert).level_of(need.skill) >= need.level
}

/// A planned certification with its planned prerequisites, prerequisites first.
fn with_prerequisites(kb: &KnowledgeBase, planned: &[CertIx], cert: CertIx) -> Vec<CertIx> {
    let mut out = Vec::new();
    let mut stack = vec![cert];
    while let Some(c) = stack.pop() {
        if planned.contains(&c) && !out.contains(&c) {
            out.push(c);
            stack.extend(kb.certification(c).prerequisites.iter().copied());
        }
    }
    // The plan's order already puts prerequisites first.
    out.sort_by_key(|c| planned.iter().position(|p| p == c));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn route(e: &Engine, roles: &[&str]) -> Vec<TransitionIx> {
        let kb = e.knowledge();
        roles
            .windows(2)
            .map(|w| {
                let (a, b) = (kb.find_role(w[0]).unwrap(), kb.find_role(w[1]).unwrap());
                kb.outgoing(a).find(|(_, t)| t.to == b).unwrap().0
            })
            .collect()
    }

    fn essential_gaps(fit: &RoleFit) -> impl Iterator<Item = &crate::scoring::SkillTerm> {
        fit.skills.iter().filter(|s| s.essential && s.is_gap())
    }

    #[test]
    fn a_ready_person_pays_the_typical_years() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let ts = route(&e, &["infra-engineer", "sre"]);
        // Far beyond every requirement of an SRE.
        let skills: Vec<String> = kb
            .skills
            .iter()
            .map(|s| format!("\"{}\": 5", s.id))
            .collect();
        let json = format!(
            r#"{{"current_role": "infra-engineer", "years_experience": 30, "skills": {{{}}},
                "phases": {{"operations": 30, "build": 30, "basic-design": 30,
                            "detailed-design": 30, "requirements": 30, "testing": 30,
                            "implementation": 30}}}}"#,
            skills.join(",")
        );
        let p = e.profile_from_str("t.json", &json).unwrap();
        let priced = price(kb, &p, &ts);
        assert_eq!(priced.cost, kb.transition(ts[0]).typical_years);
    }

    #[test]
    fn gaps_closed_on_one_step_are_not_paid_again() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"current_role": "infra-engineer", "skills": {"linux": 2}}"#,
            )
            .unwrap();
        let ts = route(&e, &["infra-engineer", "backend-engineer", "sre"]);
        let priced = price(kb, &p, &ts);
        assert_eq!(priced.steps.len(), 2);
        let first: Vec<_> = essential_gaps(&priced.steps[0].fit)
            .map(|s| s.skill)
            .collect();
        let second: Vec<_> = essential_gaps(&priced.steps[1].fit)
            .map(|s| s.skill)
            .collect();
        assert!(
            first.iter().all(|s| !second.contains(s)),
            "a gap closed on step 1 reappears on step 2"
        );
        let total: f64 = priced.steps.iter().map(|s| s.cost).sum();
        assert!((priced.cost - total).abs() < 1e-9);
        // The steps' months are the plan's for the whole route.
        let needs: Vec<Need> = ts
            .iter()
            .flat_map(|t| &kb.role(kb.transition(*t).to).requirements)
            .filter(|r| r.essential)
            .map(|r| Need {
                skill: r.skill,
                level: r.level,
            })
            .collect();
        let plan = certplan::cheapest(kb, &Facts::new(&p, kb), &needs);
        let months: f64 = priced
            .steps
            .iter()
            .map(|s| s.learning_months + s.certification_months)
            .sum();
        assert!(
            (months - plan.months()).abs() < 1e-9,
            "{months} vs {}",
            plan.months()
        );
        for s in &priced.steps {
            assert!(s.cost >= kb.transition(s.transition).typical_years);
        }
    }
}
