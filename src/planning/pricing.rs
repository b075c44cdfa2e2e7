//! What a route costs one person: the transitions' typical years plus the time to close, at each
//! step, the gaps of the role reached.
//!
//! The person is followed along the route. At each step the role reached is scored against what
//! they have *by then* (skills learnt and certifications taken on earlier steps count), and:
//!
//! ```text
//! learning     = Σ months of the essential skill gaps no planned certification with published
//!                study hours evidences
//! studying     = study hours of the step's certification plan / study_hours_per_month
//! waiting      = 12 · (largest experience shortfall − the step's typical years), at least 0
//! step months  = max(learning + studying, waiting)      (experience accrues while one learns)
//! step cost    = typical years + step months / 12
//! ```
//! Then the gaps count as closed: skills at the levels needed, the certifications held, the
//! experience requirements met, and the step's years added to the total.
//!
//! Because a step's price depends on the steps before it, the route search asks the graph for
//! routes in order of typical years (a lower bound of the price) and stops once no further route
//! can beat the k-th best priced one.

use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{RoleIx, TransitionIx};
use crate::profile::{Change, Facts, Profile};
use crate::scoring::{ExperienceKind, FiredRules, RoleFit, score_role};

use super::certplan::{self, CertPlan, Need};

/// What one step of a route takes a person.
#[derive(Debug, Clone)]
pub struct StepPrice {
    /// The transition.
    pub transition: TransitionIx,
    /// The fit to the role reached, measured on arrival (before its gaps are closed).
    pub fit: RoleFit,
    /// The facts on arrival.
    pub facts: Facts,
    /// The certifications to take on this step.
    pub plan: CertPlan,
    /// Months learning skills no planned certification evidences.
    pub learning_months: f64,
    /// Months studying for the certification plan.
    pub study_months: f64,
    /// Months of experience still missing after the step's typical years.
    pub waiting_months: f64,
    /// Cost in years.
    pub cost: f64,
}

/// A priced route.
#[derive(Debug, Clone)]
pub struct Priced {
    /// The steps.
    pub steps: Vec<StepPrice>,
    /// Total cost in years.
    pub cost: f64,
}

/// Prices a route for a profile, following the person along it.
pub fn price(kb: &KnowledgeBase, profile: &Profile, transitions: &[TransitionIx]) -> Priced {
    let mut state = profile.clone();
    let mut steps = Vec::with_capacity(transitions.len());
    for t in transitions {
        let step = price_step(kb, &state, *t);
        close_gaps(kb, &mut state, &step);
        steps.push(step);
    }
    let cost = steps.iter().map(|s| s.cost).sum();
    Priced { steps, cost }
}

fn price_step(kb: &KnowledgeBase, state: &Profile, t: TransitionIx) -> StepPrice {
    let tr = kb.transition(t);
    let facts = Facts::new(state, kb);
    let fired = FiredRules::new(kb, &facts);
    let fit = score_role(kb, &facts, &fired, tr.to);
    let needs: Vec<Need> = essential_gaps(&fit)
        .map(|s| Need {
            skill: s.skill,
            level: s.need,
        })
        .collect();
    let plan = certplan::cheapest(kb, &facts, &needs);
    // Study for a certification with published hours replaces learning the skills it
    // evidences; hours are never invented, so the others are priced as learning.
    let evidenced = |skill, level| {
        plan.certs.iter().any(|c| {
            let cert = kb.certification(*c);
            cert.hours().is_some()
                && cert
                    .evidences
                    .iter()
                    .any(|(s, l)| *s == skill && *l >= level)
        })
    };
    let learning_months: f64 = essential_gaps(&fit)
        .filter(|s| !evidenced(s.skill, s.need))
        .map(|s| s.months)
        .sum();
    let study_months = plan.months(kb);
    let shortfall = fit
        .experience
        .iter()
        .filter(|e| e.is_gap())
        .map(|e| e.need - e.have)
        .fold(0.0, f64::max);
    let waiting_months = ((shortfall - tr.typical_years) * 12.0).max(0.0);
    let months = (learning_months + study_months).max(waiting_months);
    StepPrice {
        transition: t,
        cost: tr.typical_years + months / 12.0,
        fit,
        facts,
        plan,
        learning_months,
        study_months,
        waiting_months,
    }
}

fn essential_gaps(fit: &RoleFit) -> impl Iterator<Item = &crate::scoring::SkillTerm> {
    fit.skills.iter().filter(|s| s.essential && s.is_gap())
}

/// The person after the step: its gaps closed, its years passed, in the role reached.
fn close_gaps(kb: &KnowledgeBase, state: &mut Profile, step: &StepPrice) {
    for s in essential_gaps(&step.fit) {
        state.apply(Change::Skill(s.skill, s.need));
    }
    for c in &step.plan.certs {
        state.apply(Change::Cert(*c));
    }
    for e in step.fit.experience.iter().filter(|e| e.is_gap()) {
        match e.kind {
            ExperienceKind::Total => state.apply(Change::YearsAtLeast(e.need)),
            ExperienceKind::Phase(p) => state.apply(Change::PhaseAtLeast(p, e.need)),
            ExperienceKind::Management => {
                state.apply(Change::ManagementAdd(e.need - state.management_years));
            }
        }
    }
    state.apply(Change::YearsAdd(step.cost));
    state.current_role = Some(kb.transition(step.transition).to);
}

/// The role a step reaches.
pub fn reached(kb: &KnowledgeBase, step: &StepPrice) -> RoleIx {
    kb.transition(step.transition).to
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
        let ts = route(&e, &["infra-engineer", "cloud-engineer", "sre"]);
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
        for s in &priced.steps {
            assert!(s.cost >= kb.transition(s.transition).typical_years);
        }
    }
}
