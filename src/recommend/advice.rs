//! The advice model: what kind of advice a candidate role is for a person, what the move is
//! worth to them, and how reachable it is.
//!
//! ```text
//! value = advice_values[kind]                                   (step up 1.0 … already yours 0.15)
//!       + advancement_bonus · min(seniority gained, 2)
//!       + min(Σ weights of the preferences the role suits, preference_bonus_max)
//!       + income_gain · clamp(income gain within one survey, −50 %, +50 %)
//!       + seasoning · depth           (senior roles: experience beyond the minimum, full at 2×)
//!       + transition_condition_bonus  (when the conditions the sources attach to the move hold)
//!       ± work_style_match / mismatch (for a freelancer: a role taken on contract, or one held
//!                                      only by employees, such as line management)
//!       + goal                        (when the profile names the role among its goals)
//! soon  = reach_months / (reach_months + months to ready)          (1 when ready now, ½ at reach_months)
//! reach = (fit + soon) / 2 · (1 − two_step_penalty)^(steps − 1)
//! s     = reach · value / the largest value the knowledge base allows          (0–1)
//! score = 0.5 + s/2 for a move worth making, s/2 for the rest
//! ```
//! A move is worth making when it is a goal, a step up, a first job, a specialisation or change
//! of track that does not go down, or anything else a stated preference asks for. The rest (the
//! job the person already does under another name, a role below them, a sideways move with no
//! reason) score below every move worth making, so they can never outrank one.

use ordered_float::OrderedFloat;
use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Advice, Employment, TransitionKind};
use crate::knowledge::model::{PrefIx, RoleIx, RoleWorkStyle, TransitionIx};
use crate::profile::Facts;
use crate::scoring::{self, FiredRules, Readiness};

/// How a profile measures against one role: its fit, readiness and months to ready.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// The fit.
    pub fit: f64,
    /// Readiness, before the conditions of a move.
    pub readiness: Readiness,
    /// Months to ready, before the conditions of a move.
    pub months: f64,
}

/// The person's standing: the job they do, the level they work at, their goals, and the roles
/// measured so far (each measured once, when first needed).
#[derive(Debug, Clone)]
pub struct Standing<'a> {
    kb: &'a KnowledgeBase,
    facts: &'a Facts,
    fired: &'a FiredRules,
    /// The current role.
    pub current: Option<RoleIx>,
    /// The job of the current role: the role it is a classification of (or itself), and that
    /// job's other classifications.
    pub job: Vec<RoleIx>,
    /// Seniority of the current role (0 without one).
    pub seniority: u8,
    /// Goal roles.
    pub goals: Vec<RoleIx>,
    measured: Vec<Option<Measure>>,
    /// The highest role of the current role's family the person could hold today (the current
    /// role when none above it), once looked for.
    level_role: Option<Option<RoleIx>>,
}

impl<'a> Standing<'a> {
    /// The standing of a profile.
    pub fn new(
        kb: &'a KnowledgeBase,
        facts: &'a Facts,
        fired: &'a FiredRules,
        goals: &[RoleIx],
    ) -> Self {
        let current = facts.current_role;
        Self {
            kb,
            facts,
            fired,
            current,
            job: current.map(|r| kb.job_of(r).to_vec()).unwrap_or_default(),
            seniority: current.map_or(0, |r| kb.role(r).seniority),
            goals: goals.to_vec(),
            measured: vec![None; kb.roles.len()],
            level_role: None,
        }
    }

    /// The role that sets the person's level: the highest role of the current role's family
    /// they could hold today, else the current role (`None` without one).
    pub fn level_role(&mut self) -> Option<RoleIx> {
        if let Some(cached) = self.level_role {
            return cached;
        }
        let found = self.current.map(|c| self.outgrown_by(c).unwrap_or(c));
        self.level_role = Some(found);
        found
    }

    /// How the profile measures against a role (computed once).
    pub fn measure(&mut self, role: RoleIx) -> Measure {
        if let Some(Some(m)) = self.measured.get(role.0) {
            return *m;
        }
        let (readiness, months) = scoring::readiness_only(self.kb, self.facts, role);
        let m = Measure {
            fit: scoring::fit_only(self.kb, self.facts, self.fired, role),
            readiness,
            months,
        };
        if let Some(slot) = self.measured.get_mut(role.0) {
            *slot = Some(m);
        }
        m
    }

    /// Whether a role is one of the profile's goals.
    pub fn is_goal(&self, role: RoleIx) -> bool {
        self.goals.contains(&role)
    }

    /// Whether the person could hold a role today: ready for it, with at least the ranking's
    /// qualified fit.
    pub fn qualified(&mut self, role: RoleIx) -> bool {
        let m = self.measure(role);
        m.readiness == Readiness::Ready && m.fit >= self.kb.scoring.ranking.qualified_fit
    }

    /// A role of higher seniority in the role's family that the person is qualified for: the
    /// role is then below their level.
    pub fn outgrown_by(&mut self, role: RoleIx) -> Option<RoleIx> {
        let kb = self.kb;
        kb.roles_above(role)
            .iter()
            .copied()
            .find(|o| self.qualified(*o))
    }
}

/// What a candidate is for the person, with what it is worth and how reachable it is.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Assessment {
    /// The kind of advice.
    pub advice: Advice,
    /// The kind of the move before a goal relabels it (`goal` never appears here).
    pub move_advice: Advice,
    /// Whether it is a move worth making (ranked above every one that is not).
    pub worth_making: bool,
    /// Seniority gained (negative when lower).
    pub level_change: i8,
    /// The role of higher seniority in its family the person could already hold, when the role
    /// is below them for that reason.
    #[serde(skip)]
    pub outgrown_by: Option<RoleIx>,
    /// What the move is worth, term by term.
    pub value: Value,
    /// Whether every condition the sources attach to the move holds (`None` when there are none).
    pub conditions_met: Option<bool>,
    /// Months the unmet conditions add to the time to ready.
    pub unmet_months: f64,
    /// Months to ready, the unmet conditions included.
    pub months_to_ready: f64,
    /// Readiness, the unmet conditions included.
    pub readiness: Readiness,
    /// How reachable the move is, 0–1: the mean of the fit and how soon the person can be ready,
    /// discounted for extra steps.
    pub reach: f64,
    /// The ranking score, 0–1.
    pub score: f64,
}

/// What a move is worth to the person, term by term (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, schemars::JsonSchema)]
pub struct Value {
    /// The kind of advice's value.
    pub base: f64,
    /// For the seniority gained.
    pub level: f64,
    /// For the preferences the role suits.
    pub preferences: f64,
    /// For the income gained (or lost) within one survey.
    pub income: f64,
    /// For experience beyond a senior role's minimum.
    pub seasoning: f64,
    /// For meeting the conditions the sources attach to the move.
    pub conditions: f64,
    /// For how the role is commonly held, against the way the person works or wants to work
    /// (freelance: a role taken on contract gains, employee line management loses).
    pub work_style: f64,
    /// For being a goal.
    pub goal: f64,
    /// The sum.
    pub total: f64,
}

/// One candidate, before it is assessed.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// The role.
    pub role: RoleIx,
    /// The transitions of its route (none for a first job).
    pub transitions: &'a [TransitionIx],
    /// Its fit.
    pub fit: f64,
    /// Its readiness and months to ready, before the move's conditions.
    pub readiness: (Readiness, f64),
}

/// The kind of advice a candidate is (before a goal relabels it), and the role that outgrows it.
pub fn classify(
    kb: &KnowledgeBase,
    standing: &mut Standing,
    role: RoleIx,
    transitions: &[TransitionIx],
) -> (Advice, Option<RoleIx>) {
    let Some(current) = standing.current else {
        return (Advice::Entry, None);
    };
    // A specialisation within the person's own family: reached through another family it is a
    // change of track.
    let specialisation = transitions
        .last()
        .is_some_and(|t| kb.transition(*t).kind == TransitionKind::Specialisation)
        && kb.role(role).family == kb.role(current).family;
    if standing.job.contains(&role) {
        return if specialisation {
            (Advice::Specialise, None)
        } else {
            (Advice::AlreadyYours, None)
        };
    }
    let r = kb.role(role);
    let gain = i16::from(r.seniority) - i16::from(standing.seniority);
    if specialisation {
        return (Advice::Specialise, None);
    }
    if gain < 0 {
        return (Advice::PastLevel, None);
    }
    if let Some(by) = standing.outgrown_by(role) {
        return (Advice::PastLevel, Some(by));
    }
    // Two levels or more below the role the person could hold in their own track is past
    // them in any track.
    if let Some(level) = standing.level_role()
        && r.seniority.saturating_add(2) <= kb.role(level).seniority
        && level != current
    {
        return (Advice::PastLevel, Some(level));
    }
    if r.family != kb.role(current).family {
        (Advice::ChangeTrack, None)
    } else if gain > 0 {
        (Advice::StepUp, None)
    } else {
        (Advice::Sideways, None)
    }
}

/// The weight of the profile's preferences that a role suits, before the cap.
pub fn preference_weight(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> f64 {
    matched_preferences(kb, facts, role)
        .map(|p| preference_value(kb, p))
        .sum()
}

/// The largest weight among the profile's preferences that a role suits (0 when none).
pub fn strongest_preference(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> f64 {
    matched_preferences(kb, facts, role)
        .map(|p| preference_value(kb, p))
        .fold(0.0, f64::max)
}

/// The value one matched preference adds.
pub fn preference_value(kb: &KnowledgeBase, p: PrefIx) -> f64 {
    let r = &kb.scoring.ranking;
    r.preference_weights
        .get(p.0)
        .copied()
        .unwrap_or(kb.scoring.preference_bonus)
}

/// The profile's preferences that a role suits (its aptitudes), in the role's order.
pub fn matched_preferences<'a>(
    kb: &'a KnowledgeBase,
    facts: &'a Facts,
    role: RoleIx,
) -> impl Iterator<Item = PrefIx> + 'a {
    kb.role(role)
        .aptitudes
        .iter()
        .copied()
        .filter(|p| facts.prefers(*p))
}

/// The largest value a move that is not a goal can have in this knowledge base (a goal's may be
/// larger: its share is capped at 1, and goals rank first anyway).
pub fn largest_value(kb: &KnowledgeBase) -> f64 {
    let s = &kb.scoring;
    let r = &s.ranking;
    let base = r.advice_values.iter().copied().fold(0.0, f64::max);
    base + 2.0 * s.advancement_bonus
        + s.preference_bonus_max
        + 0.5 * r.income_gain
        + r.seasoning
        + s.transition_condition_bonus
        + r.work_style_match
}

/// How a role is commonly held, against the way a person works or wants to work.
#[derive(Debug, Clone, Copy)]
pub enum StyleFit<'a> {
    /// The role is commonly held in a way open to that employment (contract work for a
    /// freelancer).
    Suits(&'a RoleWorkStyle),
    /// It is held in a way open only to another employment (employee line management, for a
    /// freelancer).
    Excludes(&'a RoleWorkStyle),
}

/// The employment a person is weighed by: freelance when they work freelance, else the
/// employment of a work style whose preference they list (`freelance`); `None` otherwise
/// (every role here is held by employees, so an employee is not weighed).
pub fn wanted_employment(kb: &KnowledgeBase, facts: &Facts) -> Option<Employment> {
    if facts.employment == Some(Employment::Freelance) {
        return Some(Employment::Freelance);
    }
    kb.work_styles
        .iter()
        .find(|w| w.preference.is_some_and(|p| facts.prefers(p)))
        .map(|w| w.employment)
}

/// How the role's work styles meet the employment the person is weighed by (see
/// [`wanted_employment`]): a style open to it suits them; else an exclusive style of another
/// employment excludes them; else neither.
pub fn style_fit<'a>(kb: &'a KnowledgeBase, facts: &Facts, role: RoleIx) -> Option<StyleFit<'a>> {
    let want = wanted_employment(kb, facts)?;
    let styles = &kb.role(role).work_styles;
    if let Some(w) = styles
        .iter()
        .find(|w| kb.work_style(w.style).employment == want)
    {
        return Some(StyleFit::Suits(w));
    }
    styles
        .iter()
        .find(|w| {
            let s = kb.work_style(w.style);
            s.exclusive && s.employment != want
        })
        .map(StyleFit::Excludes)
}

/// Assesses a candidate for a person.
pub fn assess(
    kb: &KnowledgeBase,
    facts: &Facts,
    standing: &mut Standing,
    c: Candidate,
) -> Assessment {
    let s = &kb.scoring;
    let r = &s.ranking;
    let role = kb.role(c.role);
    let (move_advice, outgrown_by) = classify(kb, standing, c.role, c.transitions);
    let goal = standing.is_goal(c.role) && move_advice != Advice::AlreadyYours;
    let level_change =
        i8::try_from(i16::from(role.seniority) - i16::from(standing.seniority)).unwrap_or(0);
    let (conditions_met, unmet_months) = conditions(kb, facts, c.transitions);
    let preferences = preference_weight(kb, facts, c.role).min(s.preference_bonus_max);
    let mut value = Value {
        base: r
            .advice_values
            .get(move_advice.index())
            .copied()
            .unwrap_or(0.0),
        level: if standing.current.is_some() {
            s.advancement_bonus * f64::from(level_change.clamp(0, 2))
        } else {
            0.0
        },
        preferences,
        income: standing.current.map_or(0.0, |from| {
            crate::income::comparable_gain(kb, from, c.role)
                .map_or(0.0, |g| r.income_gain * g.ratio.clamp(-0.5, 0.5))
        }),
        seasoning: if role.seniority >= r.seasoned_seniority {
            r.seasoning * depth(kb, facts, c.role)
        } else {
            0.0
        },
        conditions: if conditions_met == Some(true) {
            s.transition_condition_bonus
        } else {
            0.0
        },
        work_style: match style_fit(kb, facts, c.role) {
            Some(StyleFit::Suits(_)) => r.work_style_match,
            Some(StyleFit::Excludes(_)) => -r.work_style_mismatch,
            None => 0.0,
        },
        goal: if goal { r.goal } else { 0.0 },
        total: 0.0,
    };
    value.total = value.base
        + value.level
        + value.preferences
        + value.income
        + value.seasoning
        + value.conditions
        + value.work_style
        + value.goal;
    let wanted = preferences > 0.0;
    let worth_making = goal
        || match move_advice {
            Advice::StepUp | Advice::Entry | Advice::Goal => true,
            Advice::Specialise => level_change >= 0 || wanted,
            Advice::ChangeTrack => level_change > 0 || wanted,
            Advice::Sideways => wanted,
            Advice::PastLevel => strongest_preference(kb, facts, c.role) >= r.down_preference_min,
            Advice::AlreadyYours => false,
        };
    let (fit_readiness, fit_months) = c.readiness;
    let months_to_ready = fit_months + unmet_months;
    let readiness = Readiness::of(
        s,
        fit_readiness != Readiness::Ready || unmet_months > 0.0,
        months_to_ready,
    );
    let extra_steps = i32::try_from(c.transitions.len().saturating_sub(1)).unwrap_or(i32::MAX);
    let soon = r.reach_months / (r.reach_months + months_to_ready);
    let reach = (c.fit + soon) / 2.0 * (1.0 - s.two_step_penalty).powi(extra_steps);
    let largest = largest_value(kb);
    let share = if largest > 0.0 {
        (reach * value.total.max(0.0) / largest).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let score = if worth_making {
        0.5 + share / 2.0
    } else {
        share / 2.0
    };
    Assessment {
        advice: if goal { Advice::Goal } else { move_advice },
        move_advice,
        worth_making,
        level_change,
        outgrown_by,
        value,
        conditions_met,
        unmet_months,
        months_to_ready,
        readiness,
        reach,
        score,
    }
}

/// Whether the conditions the sources attach to a route's moves hold (`None` when none has
/// any), and the months the unmet ones add.
pub fn conditions(
    kb: &KnowledgeBase,
    facts: &Facts,
    transitions: &[TransitionIx],
) -> (Option<bool>, f64) {
    let mut any = false;
    let mut met = true;
    let mut months = 0.0;
    for t in transitions {
        let tr = kb.transition(*t);
        if let Some(c) = &tr.conditions {
            any = true;
            if !c.holds(facts) {
                met = false;
                months += unmet_months(kb, tr);
            }
        }
    }
    (any.then_some(met), months)
}

/// The months an unmet condition of a transition adds: what the transition says (`if_unmet`);
/// else the scoring's default when the condition tests the person's situation (a workplace, an
/// employment: something to change first); else none, since skills, years and certifications
/// a condition asks for are the target role's requirements, already counted in its readiness.
pub fn unmet_months(kb: &KnowledgeBase, tr: &crate::knowledge::model::Transition) -> f64 {
    match (&tr.if_unmet, &tr.conditions) {
        (Some(u), _) => u.months,
        (None, Some(c)) if c.tests_situation() => kb.scoring.unmet_condition_months,
        _ => 0.0,
    }
}

/// How far experience goes beyond a role's minimum, 0–1: per experience requirement,
/// (have − need) / need, capped at 1, averaged (0 for a role without one).
pub fn depth(kb: &KnowledgeBase, facts: &Facts, role: RoleIx) -> f64 {
    let e = &kb.role(role).experience;
    let beyond = |have: f64, need: f64| {
        if need > 0.0 {
            ((have - need) / need).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let terms: Vec<f64> = (e
        .total_years
        .map(|n| beyond(facts.total_years, n))
        .into_iter())
    .chain(e.phases.iter().map(|(p, n)| beyond(facts.phase(*p), *n)))
    .chain(
        e.management_years
            .map(|n| beyond(facts.management_years, n)),
    )
    .collect();
    if terms.is_empty() {
        0.0
    } else {
        terms.iter().sum::<f64>() / terms.len() as f64
    }
}

/// The order of assessed candidates: goals first, then moves worth making, then the rest; by
/// score within each (highest first), then fewer steps, then role id.
pub fn order(
    kb: &KnowledgeBase,
    a: (&Assessment, usize, RoleIx),
    b: (&Assessment, usize, RoleIx),
) -> std::cmp::Ordering {
    let group = |x: &Assessment| {
        if x.advice == Advice::Goal {
            0
        } else if x.worth_making {
            1
        } else {
            2
        }
    };
    group(a.0)
        .cmp(&group(b.0))
        .then(OrderedFloat(b.0.score).cmp(&OrderedFloat(a.0.score)))
        .then(a.1.cmp(&b.1))
        .then_with(|| kb.role(a.2).id.cmp(&kb.role(b.2).id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;
    use crate::recommend::Recommendation;

    fn engine() -> Engine {
        Engine::builtin().unwrap()
    }

    fn recommend(e: &Engine, json: &str) -> Vec<Recommendation> {
        let p = e.profile_from_str("p.json", json).unwrap();
        e.recommend(&p, Default::default()).recommendations
    }

    fn find<'a>(recs: &'a [Recommendation], role: &str) -> &'a Recommendation {
        recs.iter().find(|r| r.role == role).unwrap()
    }

    const INFRA_4Y: &str = r#"{"current_role": "infra-engineer", "years_experience": 4,
        "phases": {"operations": 2.5, "build": 1.5, "basic-design": 0.5},
        "skills": {"linux": 3, "tcp-ip": 3, "routing-switching": 3, "network-design": 2,
                   "monitoring": 3, "security": 2, "communication": 3},
        "certifications": ["ccna"], "workplace": "si"}"#;

    #[test]
    fn each_kind_of_advice_from_an_infra_engineer() {
        let e = engine();
        let recs = recommend(&e, INFRA_4Y);
        for (role, kind) in [
            ("network-engineer", Advice::AlreadyYours),
            ("server-engineer", Advice::AlreadyYours),
            ("security-engineer", Advice::Specialise),
            ("sre", Advice::Specialise),
            ("infra-architect", Advice::StepUp),
            ("project-manager", Advice::ChangeTrack),
        ] {
            assert_eq!(find(&recs, role).advice, kind, "{role}");
        }
        // A classification of the person's job never counts as a move, whatever it pays.
        let net = find(&recs, "network-engineer");
        assert!(!net.worth_making && net.score < 0.5);
        let worth = recs.iter().filter(|r| r.worth_making).count();
        assert!(recs[..worth].iter().all(|r| r.worth_making));
        assert!(
            recs[worth..]
                .iter()
                .all(|r| !r.worth_making && r.score < 0.5)
        );
    }

    #[test]
    fn a_newcomer_is_offered_first_jobs() {
        let e = engine();
        let recs = recommend(&e, r#"{"skills": {"linux": 1}}"#);
        assert!(!recs.is_empty());
        assert!(
            recs.iter()
                .all(|r| r.advice == Advice::Entry && r.steps == 0)
        );
    }

    #[test]
    fn a_goal_comes_first_with_its_route_even_beyond_two_steps() {
        let e = engine();
        let goal = INFRA_4Y.replace(
            r#""workplace": "si""#,
            r#""workplace": "si", "goals": ["it-consultant"]"#,
        );
        let recs = recommend(&e, &goal);
        assert_eq!(recs[0].role, "it-consultant");
        assert_eq!(recs[0].advice, Advice::Goal);
        assert_eq!(recs[0].value.goal, e.knowledge().scoring.ranking.goal);
        // A newcomer's goal is reached through an entry role, shown on the way.
        let recs = recommend(&e, r#"{"skills": {"linux": 1}, "goals": ["sre"]}"#);
        assert_eq!(recs[0].role, "sre");
        assert!(!recs[0].via.is_empty(), "the entry role on the way");
        assert!(
            e.knowledge()
                .role(e.knowledge().find_role(&recs[0].via[0]).unwrap())
                .entry
        );
    }

    #[test]
    fn a_role_the_person_has_outgrown_is_past_their_level() {
        let e = engine();
        // Ten years, four leading a team: ready for PM, so PMO (same track, lower) is past.
        let pl = r#"{"current_role": "project-leader", "years_experience": 10,
            "phases": {"requirements": 3, "basic-design": 4},
            "skills": {"project-management": 4, "team-leadership": 4, "communication": 4,
                       "requirements-definition": 4, "documentation": 4, "agile-waterfall": 4,
                       "it-strategy": 3, "software-design": 3},
            "management": {"years": 4, "team_size": 6}, "preferences": ["management"]}"#;
        let recs = recommend(&e, pl);
        let pmo = find(&recs, "pmo");
        assert_eq!(pmo.advice, Advice::PastLevel);
        assert!(
            !pmo.worth_making,
            "an aptitude does not make a step down worth it"
        );
        let pm = recs
            .iter()
            .position(|r| r.role == "project-manager")
            .unwrap();
        let pmo = recs.iter().position(|r| r.role == "pmo").unwrap();
        assert!(pm < pmo);
    }

    #[test]
    fn two_levels_below_what_the_person_could_hold_is_past_them_in_any_track() {
        let e = engine();
        // Twelve years, upstream work and four years leading a team: ready for infra architect
        // (seniority 4), so PMO (2) is past, while PL (3) and PM (4) are not.
        let senior = r#"{"current_role": "infra-engineer", "years_experience": 12,
            "phases": {"requirements": 3, "basic-design": 4, "build": 3, "operations": 2},
            "skills": {"infra-architecture": 4, "network-design": 4, "routing-switching": 4,
                       "tcp-ip": 4, "linux": 4, "virtualization": 4, "storage-backup": 3,
                       "redundancy-load-balancing": 4, "security": 3, "aws": 3,
                       "cloud-architecture": 3, "requirements-definition": 4,
                       "documentation": 4, "communication": 4, "project-management": 3,
                       "team-leadership": 4, "it-strategy": 2},
            "management": {"years": 4, "team_size": 8}, "preferences": ["management"]}"#;
        let recs = recommend(&e, senior);
        let pmo = find(&recs, "pmo");
        assert_eq!(pmo.advice, Advice::PastLevel);
        assert_eq!(pmo.outgrown_by.as_deref(), Some("infra-architect"));
        assert!(
            !pmo.worth_making,
            "an aptitude (management) does not lift a move two levels down"
        );
        assert_ne!(find(&recs, "project-leader").advice, Advice::PastLevel);
        assert_eq!(find(&recs, "project-manager").advice, Advice::ChangeTrack);
    }

    #[test]
    fn a_life_stage_wish_makes_a_lower_role_worth_it() {
        let e = engine();
        let kb = e.knowledge();
        let wlb = kb.scoring.ranking.preference_weights
            [kb.catalogs.preferences.find("work-life-balance").unwrap()];
        assert!(wlb >= kb.scoring.ranking.down_preference_min);
        let senior = r#"{"current_role": "infra-engineer", "years_experience": 8,
            "phases": {"requirements": 2, "basic-design": 3, "build": 2, "operations": 2},
            "skills": {"infra-architecture": 3, "requirements-definition": 3, "linux": 3,
                       "tcp-ip": 3, "communication": 3, "documentation": 3,
                       "vendor-management": 2, "it-strategy": 2, "security": 2},
            "preferences": PREFS}"#;
        let without = recommend(&e, &senior.replace("PREFS", "[]"));
        let with = recommend(&e, &senior.replace("PREFS", r#"["work-life-balance"]"#));
        let rank = |recs: &[Recommendation]| recs.iter().position(|r| r.role == "in-house-se");
        assert!(
            rank(&with).unwrap() < 3,
            "社内SE in the top 3 for work-life balance"
        );
        assert!(rank(&with) < rank(&without));
    }

    #[test]
    fn unmet_conditions_cost_what_the_transition_says_and_quantities_cost_nothing() {
        let e = engine();
        let kb = e.knowledge();
        let t = |from: &str, to: &str| {
            let (f, t) = (kb.find_role(from).unwrap(), kb.find_role(to).unwrap());
            kb.transition(kb.transition_between(f, t).unwrap())
        };
        // The workplace condition of infra → SRE says what it takes (seed 000).
        assert_eq!(unmet_months(kb, t("infra-engineer", "sre")), 6.0);
        // Years a condition asks for are the role's requirements, counted in its readiness.
        assert_eq!(unmet_months(kb, t("infra-engineer", "in-house-se")), 0.0);
        let recs = recommend(&e, INFRA_4Y);
        let sre = find(&recs, "sre");
        assert_eq!(sre.conditions_met, Some(false));
        assert_eq!(sre.unmet.len(), 1);
        assert_ne!(sre.readiness, Readiness::Ready);
    }

    #[test]
    fn value_terms_add_up_and_levels_count_at_most_twice() {
        let e = engine();
        let s = &e.knowledge().scoring;
        for r in recommend(&e, INFRA_4Y) {
            let v = r.value;
            let sum = v.base
                + v.level
                + v.preferences
                + v.income
                + v.seasoning
                + v.conditions
                + v.work_style
                + v.goal;
            assert!((v.total - sum).abs() < 1e-12, "{}", r.role);
            assert!(v.level <= 2.0 * s.advancement_bonus + 1e-12);
            assert!(v.preferences <= s.preference_bonus_max + 1e-12);
            assert!((0.0..=1.0).contains(&r.reach));
        }
    }
}
