//! What a route costs one person: for each step, the time to become ready for the role reached,
//! then the move itself, plus what an unmet condition of the move adds. The transitions' typical
//! years are the typical person's time, shown beside it; they are neither a floor nor a part of it.
//!
//! ```text
//! for each step i, following the person along the route (the facts on setting out on step i):
//!   learning_i = months of the levels first needed on step i that are learnt (months_per_level)
//!   certs_i    = months of the certifications first needed on step i (study hours, or the
//!                levels they evidence: certplan's weights)
//!   practice_i = certified_practice_share · months of the levels first needed hands-on on step i
//!                that only a knowledge exam shows (one held, or one taken on the route)
//!   optional_i = optional_gap_share · months of the optional requirements of the role reached,
//!                on setting out (as readiness counts them)
//!   waiting_i  = 12 · the largest experience shortfall on setting out
//!   unmet_i    = what the move's conditions add when they do not hold on setting out
//!                (if_unmet.months, else unmet_condition_months for a condition on the situation,
//!                else 0: see advice::unmet_months)
//!   months_i   = max(learning_i + certs_i + practice_i + optional_i, waiting_i)
//!                + min_move_months + unmet_i
//! cost = Σ months_i / 12 years
//! ```
//!
//! * **Needs.** Each step needs the essential requirements of the role it reaches. A level is
//!   open when the person shows less, or shows it only by a knowledge exam where the role needs
//!   hands-on work (levels from `hands_on_level`, for someone moving from a role), as in
//!   readiness. Its optional requirements count at `optional_gap_share`, measured on setting out
//!   as readiness measures them (no certification is planned for them).
//! * **The plan.** Each skill the route needs is learnt, or evidenced by a certification that
//!   reaches the highest level the route needs (with its formal prerequisites): certplan's
//!   options and weights. A level is learnt, and a certification taken, on the first step that
//!   needs it, so nothing is paid twice; a certification counts from the first step needing a level
//!   it evidences beyond its prerequisites. Of all plans, the one giving the quickest route is kept
//!   (then the fewest months, the fewest levels without a certificate, the fewest certifications,
//!   the smallest ids), by an exact branch and bound bounded like certplan's by
//!   [`certplan::MAX_NODES`].
//! * **Experience.** Total years accrue with every month on the route (learning, waiting,
//!   moving, meeting a condition); the phase and management years a role asks for are gained on
//!   the step into it (its waiting lasts until they are). Facts on setting out: the person's own
//!   certifications, the skill levels of the roles passed (practised there), those years, and the
//!   role last reached as the current one.
//! * **Without a profile** a step costs its typical years.
//!
//! **Monotone.** For a fixed plan every term only falls when a level, certification or year is
//! added (a knowledge exam's practice is a share of the learning it saves, and transition
//! conditions hold more often, since they never test a quantity under `not`), and months_i only
//! grows with the months before it and with its own terms; the plan kept is the quickest, so the
//! cost never rises. (One caveat: an unmet condition with months that tests total years can hold
//! for someone slower, who arrives with more years; `validate` warns of one,
//! `unmet-on-total-years`, and the shipped rules have none.)
//!
//! **Lower bounds** for the route search ([`Bound`]). Every step costs at least
//! `min_move_months` plus what an unmet condition on facts no route changes adds (workplace,
//! employment, preferences, age, team size, certifications held); the steps' learning adds up to
//! at least what the goal's essential gaps take, each by learning or by its share of a
//! certification reaching it, whichever is less. And no route ends before the person has the
//! experience the goal asks for, then makes one move. So
//!
//! ```text
//! cost ≥ max(learning bound + Σ step bounds, waiting bound + min_move_months) / 12
//! ```
//! (the person's total years on setting out count at least their years in any one phase, so the
//! phase years gained along a route never run ahead of the total). For a known route
//! ([`Bound::route`]) the learning bound covers every role on it, and each role's wait counts
//! with the least months of the steps from there on; the search does not price a route whose
//! bound is above the k-th best price.

use std::collections::BTreeSet;

use ordered_float::OrderedFloat;
use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{EvidenceKind, Text};
use crate::knowledge::model::{CertIx, RoleIx, SkillIx, Transition, TransitionIx};
use crate::profile::{Change, Facts, Profile};
use crate::recommend::advice;
use crate::rules::Condition;
use crate::scoring::{FiredRules, RequirementGap, RoleFit, score_role};

use super::certplan;

/// What the conditions of a move take when they do not hold, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmetCost {
    /// What to do first.
    pub advice: Text,
    /// Months it adds to the step.
    pub months: f64,
    /// Where it comes from.
    pub source: String,
}

/// What the conditions of a transition take when they do not hold: its `if_unmet`, else the
/// scoring's default for a condition on the situation; `None` when there is nothing to say.
pub fn unmet_cost(kb: &KnowledgeBase, tr: &Transition) -> Option<UnmetCost> {
    tr.conditions.as_ref()?;
    if let Some(u) = &tr.if_unmet {
        return Some(UnmetCost {
            advice: u.advice.clone(),
            months: u.months,
            source: u.source.clone(),
        });
    }
    let months = advice::unmet_months(kb, tr);
    (months > 0.0).then(|| {
        let to = kb.role(tr.to);
        UnmetCost {
            advice: super::gaps::text(
                format!("{}への移動に多い条件を満たす", to.name.ja),
                format!("meet what the sources tie the move to {} to", to.name.en),
            ),
            months,
            source: tr.source.clone(),
        }
    })
}

/// What one step of a route takes a person.
#[derive(Debug, Clone)]
pub struct StepPrice {
    /// The transition.
    pub transition: TransitionIx,
    /// The fit to the role reached, on setting out: with what the earlier steps taught, before
    /// this step's gaps are closed.
    pub fit: RoleFit,
    /// The facts on setting out.
    pub facts: Facts,
    /// The certifications first needed on this step.
    pub certs: Vec<CertIx>,
    /// Months learning the levels first needed on this step without a certificate.
    pub learning_months: f64,
    /// Months for this step's certifications.
    pub certification_months: f64,
    /// Months practising levels first needed hands-on on this step that only a knowledge exam
    /// shows.
    pub practice_months: f64,
    /// Months for the optional requirements of the role reached, at `optional_gap_share`.
    pub optional_months: f64,
    /// Months waiting for experience beyond this step's learning, certifications, practice and
    /// optional skills.
    pub waiting_months: f64,
    /// Months of the move itself (`min_move_months`).
    pub move_months: f64,
    /// Months of this step's learning, certifications, practice and optional skills done ahead,
    /// while waiting for experience on the steps before (they do not add to `months`).
    pub ahead_months: f64,
    /// What the move's conditions take, when they do not hold on setting out.
    pub unmet: Option<UnmetCost>,
    /// Months in all.
    pub months: f64,
    /// Cost in years (`months / 12`).
    pub cost: f64,
}

/// A priced route.
#[derive(Debug, Clone)]
pub struct Priced {
    /// The steps.
    pub steps: Vec<StepPrice>,
    /// Total cost in years (the steps' months added up, to a millionth of a month, over 12).
    pub cost: f64,
}

/// Years from months, the months rounded to a millionth so that routes of equal time tie
/// whatever order their months were added in (and the tie is broken by typical years).
pub fn years(months: f64) -> f64 {
    (months * 1e6).round() / 1e6 / 12.0
}

/// Prices a route for a profile.
pub fn price(kb: &KnowledgeBase, profile: &Profile, transitions: &[TransitionIx]) -> Priced {
    Pricer::new(kb, profile).price(transitions)
}

/// Prices routes for one profile: what does not depend on the route (the person's facts, and
/// per certification its months and the prerequisites not held) is worked out once, so pricing
/// several routes for the same person ([`crate::recommend::recommend`]'s moves) costs less than
/// calling [`price`] for each. Gives exactly what [`price`] gives.
pub struct Pricer<'a> {
    kb: &'a KnowledgeBase,
    profile: &'a Profile,
    facts: Facts,
    weight: Vec<f64>,
    requires: Vec<Vec<CertIx>>,
}

impl<'a> Pricer<'a> {
    /// The pricer for a profile.
    pub fn new(kb: &'a KnowledgeBase, profile: &'a Profile) -> Self {
        let facts = Facts::new(profile, kb);
        let weight: Vec<f64> = (0..kb.certifications.len())
            .map(|c| certplan::weight(kb, &facts, CertIx(c)))
            .collect();
        // Each certification's formal prerequisites not held, from the knowledge base's ladder
        // (gathered once, bounded; a certification past the bound is never an option).
        let ladder = kb.ladder();
        let requires: Vec<Vec<CertIx>> = (0..kb.certifications.len())
            .map(|c| {
                let all = ladder.prerequisites(CertIx(c)).unwrap_or_default();
                all.iter().copied().filter(|p| !facts.holds(*p)).collect()
            })
            .collect();
        Self {
            kb,
            profile,
            facts,
            weight,
            requires,
        }
    }

    /// Prices a route for the profile, as [`price`] does.
    pub fn price(&self, transitions: &[TransitionIx]) -> Priced {
        let model = Model::new(self, transitions);
        let plan = model.quickest();
        model.priced(&plan)
    }
}

/// Lower bounds on what a route to a goal costs a person: at least `learning_months` plus, for
/// each step, [`Bound::step_months`]; and at least `waiting_months` plus one move. For a known
/// route, [`Bound::route`] is tighter.
#[derive(Debug, Clone)]
pub struct Bound {
    /// Months the goal's essential gaps take at least, however they are closed.
    pub learning_months: f64,
    /// Months until the person has the experience the goal asks for (every phase or management
    /// year gained on the way was waited for, and total years only grow with time).
    pub waiting_months: f64,
    /// The months of one move.
    move_months: f64,
    /// Per transition: the least months the step costs.
    steps: Vec<f64>,
    /// The person's facts.
    facts: Facts,
}

impl Bound {
    /// The bound for routes to `goal`.
    pub fn new(kb: &KnowledgeBase, profile: &Profile, goal: RoleIx) -> Self {
        let facts = Facts::new(profile, kb);
        let steps = kb
            .transitions
            .iter()
            .map(|tr| {
                let fixed = tr.conditions.as_ref().is_some_and(unchanged_by_routes);
                let unmet = match &tr.conditions {
                    Some(c) if fixed && !c.holds(&facts) => advice::unmet_months(kb, tr),
                    _ => 0.0,
                };
                kb.scoring.min_move_months + unmet
            })
            .collect();
        let mut bound = Self {
            learning_months: 0.0,
            waiting_months: 0.0,
            move_months: kb.scoring.min_move_months,
            steps,
            facts,
        };
        bound.learning_months = bound.learning(kb, &[goal]);
        bound.waiting_months = bound.waiting(kb, goal);
        bound
    }

    /// The least months a step through this transition costs the person.
    pub fn step_months(&self, t: TransitionIx) -> f64 {
        self.steps.get(t.0).copied().unwrap_or(0.0)
    }

    /// The least months of any route to the goal whose steps' least months add up to `steps`.
    pub fn route_months(&self, steps: f64) -> f64 {
        (self.learning_months + steps).max(self.waiting_months + self.move_months)
    }

    /// The least months of this route: the learning every role on it needs, plus its steps'
    /// least months; and, for each role on it, the wait for its experience plus the least months
    /// of the steps from there on.
    pub fn route(&self, kb: &KnowledgeBase, transitions: &[TransitionIx]) -> f64 {
        let roles: Vec<RoleIx> = transitions.iter().map(|t| kb.transition(*t).to).collect();
        let mut after = 0.0;
        let mut chain: f64 = 0.0;
        for (role, t) in roles.iter().zip(transitions).rev() {
            after += self.step_months(*t);
            chain = chain.max(self.waiting(kb, *role) + after);
        }
        (self.learning(kb, &roles) + after).max(chain)
    }

    /// The least months closing the essential gaps of these roles takes: per skill, learning it
    /// to the highest level they need, or a certification reaching that, for its share of the
    /// skills it reaches.
    fn learning(&self, kb: &KnowledgeBase, roles: &[RoleIx]) -> f64 {
        let facts = &self.facts;
        let mut open: Vec<(SkillIx, u8)> = Vec::new();
        for r in roles.iter().flat_map(|r| &kb.role(*r).requirements) {
            let counted = kb.counted_in(r, facts);
            if !r.essential || counted.have >= r.level {
                continue;
            }
            match open.iter_mut().find(|(s, _)| *s == counted.skill) {
                Some((_, l)) => *l = (*l).max(r.level),
                None => open.push((counted.skill, r.level)),
            }
        }
        let shares: Vec<Option<f64>> = (0..kb.certifications.len())
            .map(CertIx)
            .map(|c| {
                let def = kb.certification(c);
                let reached = open.iter().filter(|(s, l)| def.level_of(*s) >= *l).count();
                (reached > 0 && facts.can_plan(kb, c))
                    .then(|| certplan::weight(kb, facts, c) / reached as f64)
            })
            .collect();
        open.iter()
            .map(|(s, l)| {
                let learn = kb.scoring.months_between(facts.level(*s), *l);
                shares
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| kb.certification(CertIx(*c)).level_of(*s) >= *l)
                    .filter_map(|(_, w)| *w)
                    .fold(learn, f64::min)
            })
            .sum()
    }

    /// Months until the person has the experience a role asks for.
    fn waiting(&self, kb: &KnowledgeBase, role: RoleIx) -> f64 {
        let facts = &self.facts;
        let e = &kb.role(role).experience;
        (e.total_years
            .map(|need| need - start_years(facts))
            .into_iter())
        .chain(e.phases.iter().map(|(p, need)| need - facts.phase(*p)))
        .chain(e.management_years.map(|need| need - facts.management_years))
        .fold(0.0, f64::max)
            * 12.0
    }
}

/// Whether a condition tests only facts that no route changes (the facts on setting out keep
/// the person's workplace, employment, preferences, age, team size and certifications).
fn unchanged_by_routes(c: &Condition) -> bool {
    match c {
        Condition::All(cs) | Condition::Any(cs) => cs.iter().all(unchanged_by_routes),
        Condition::Not(c) => unchanged_by_routes(c),
        Condition::Preference(_)
        | Condition::WorkplaceIn(_)
        | Condition::Employment(_)
        | Condition::AgeAtLeast(_)
        | Condition::TeamSizeAtLeast(_)
        | Condition::HasCertification(_) => true,
        Condition::SkillAtLeast { .. }
        | Condition::PhaseYearsAtLeast { .. }
        | Condition::TotalYearsAtLeast(_)
        | Condition::ManagementYearsAtLeast(_)
        | Condition::CurrentRoleIn(_)
        | Condition::CurrentFamilyIn(_) => false,
    }
}

/// The total years a condition tests.
fn years_tested(c: &Condition, out: &mut Vec<f64>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| years_tested(c, out)),
        Condition::Not(c) => years_tested(c, out),
        Condition::TotalYearsAtLeast(y) => out.push(*y),
        _ => {}
    }
}

/// One step, before a plan: what does not depend on how the gaps are closed.
struct Step {
    transition: TransitionIx,
    /// The facts on setting out, but for the total years (they depend on the earlier steps'
    /// time).
    base: Facts,
    /// Months of phase or management experience missing on setting out.
    fixed_wait: f64,
    /// Months for the optional requirements, at `optional_gap_share`, on setting out.
    optional_months: f64,
    /// Total years the role reached asks for.
    total_need: Option<f64>,
    /// Months an unmet condition adds, and the least total years on setting out with which the
    /// conditions hold (`None`: never; 0 when they hold whatever the years).
    unmet_months: f64,
    holds_from: Option<f64>,
}

/// One skill the route needs, with what each way of closing it costs per step.
struct SkillNeed {
    /// The skill.
    skill: SkillIx,
    /// The highest level the route needs.
    top: u8,
    /// Whether the person shows less than `top` (else only practice is missing).
    level_open: bool,
    /// Per step, learning it: months learning, and months practising what a held knowledge exam
    /// shows.
    learn: Vec<f64>,
    learn_practice: Vec<f64>,
    /// Per step, months practising when a knowledge exam evidences it.
    exam_practice: Vec<f64>,
    /// Certifications that close it (not held, reaching `top` beyond their prerequisites; only
    /// hands-on ones when only practice is missing), by index.
    options: Vec<CertIx>,
}

/// How a skill is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Learn,
    Cert(CertIx),
}

/// A plan, complete or partial (the first `choices.len()` skills decided).
#[derive(Debug, Clone)]
struct Plan {
    choices: Vec<Choice>,
    certs: BTreeSet<CertIx>,
    /// Per step: learning and practice of the skills decided.
    load: Vec<f64>,
    /// Skills learnt with levels missing (not only practice).
    learnt: usize,
}

/// How a plan ranks: route months, months of learning, learnt skills, certifications, ids.
type Rank = (
    OrderedFloat<f64>,
    OrderedFloat<f64>,
    usize,
    usize,
    Vec<CertIx>,
);

/// The time of one step, once the plan is known.
struct Timed {
    years: f64,
    wait: f64,
    unmet: f64,
    months: f64,
    /// Months of the step's load done on earlier steps' waits.
    ahead: f64,
}

/// A route and a person, ready to be priced for any plan.
struct Model<'a> {
    kb: &'a KnowledgeBase,
    facts: &'a Facts,
    steps: Vec<Step>,
    skills: Vec<SkillNeed>,
    /// Per certification: months (certplan's weight), the first step needing a level it
    /// evidences beyond its prerequisites, and its formal prerequisites not held (transitively).
    weight: &'a [f64],
    first_step: Vec<Option<usize>>,
    requires: &'a [Vec<CertIx>],
}

/// A level a skill must reach on a route: the step, the level, and whether hands-on work is
/// needed.
type Threshold = (usize, u8, bool);

impl<'a> Model<'a> {
    fn new(pricer: &'a Pricer<'_>, transitions: &[TransitionIx]) -> Self {
        let (kb, profile, facts) = (pricer.kb, pricer.profile, &pricer.facts);
        let s = &kb.scoring;
        let n = transitions.len();
        // Follow the person: on setting out on each step, the levels, phase and management years
        // of the roles passed, and the role last reached.
        let mut state = profile.clone();
        let mut steps = Vec::with_capacity(n);
        let mut thresholds: Vec<Vec<Threshold>> = vec![Vec::new(); kb.skills.len()];
        for (i, t) in transitions.iter().enumerate() {
            let tr = kb.transition(*t);
            let role = kb.role(tr.to);
            let base = Facts::new(&state, kb);
            let hands_on = !base.certificates_prove();
            // A family requirement is met through the member that counts on setting out.
            let measured: Vec<(SkillIx, u8, bool)> = role
                .requirements
                .iter()
                .map(|r| (kb.counted_in(r, &base).skill, r.level, r.essential))
                .collect();
            for (skill, level, _) in measured.iter().filter(|m| m.2) {
                let practice = hands_on && *level >= s.hands_on_level;
                let open = facts.level(*skill) < *level
                    || (practice && facts.practised_level(*skill) < *level);
                if let (true, Some(list)) = (open, thresholds.get_mut(skill.0)) {
                    list.push((i, *level, practice));
                }
            }
            let e = &role.experience;
            let fixed_wait = (e.phases.iter().map(|(p, need)| need - base.phase(*p)))
                .chain(e.management_years.map(|need| need - base.management_years))
                .fold(0.0, f64::max)
                * 12.0;
            let optional_months = s.optional_gap_share
                * role
                    .requirements
                    .iter()
                    .filter(|r| !r.essential)
                    .map(|r| {
                        let c = kb.counted_in(r, &base);
                        RequirementGap::measure(s, &base, c.have, c.practised, r.level).months
                    })
                    .sum::<f64>();
            let unmet_months = advice::unmet_months(kb, tr);
            let holds_from = match &tr.conditions {
                None => Some(0.0),
                Some(c) => {
                    let mut candidates = vec![0.0];
                    years_tested(c, &mut candidates);
                    candidates.sort_by(f64::total_cmp);
                    let mut probe = base.clone();
                    candidates.into_iter().find(|y| {
                        probe.total_years = *y;
                        c.holds(&probe)
                    })
                }
            };
            steps.push(Step {
                transition: *t,
                base,
                fixed_wait,
                optional_months,
                total_need: e.total_years,
                unmet_months,
                holds_from,
            });
            for (skill, level, _) in measured.iter().filter(|m| m.2) {
                state.apply(Change::Skill(*skill, *level));
            }
            for (p, need) in &e.phases {
                state.apply(Change::PhaseAtLeast(*p, *need));
            }
            if let Some(need) = e.management_years {
                state.apply(Change::ManagementAdd(
                    (need - state.management_years).max(0.0),
                ));
            }
            state.current_role = Some(tr.to);
        }
        let ladder = kb.ladder();
        let serves = |c: CertIx, skill: SkillIx, level: u8, practice: bool| {
            let def = kb.certification(c);
            def.level_of(skill) >= level
                && level > ladder.floor(c, skill)
                && (facts.level(skill) < level
                    || (practice
                        && def.evidence == EvidenceKind::HandsOn
                        && facts.practised_level(skill) < level))
        };
        // Through the skills each certification evidences: O(evidences × needs), not
        // O(certifications × skills).
        let first_step: Vec<Option<usize>> = kb
            .certifications
            .iter()
            .enumerate()
            .map(|(c, def)| {
                def.evidences
                    .iter()
                    .flat_map(|(skill, _)| {
                        thresholds
                            .get(skill.0)
                            .into_iter()
                            .flatten()
                            .filter(move |(_, level, practice)| {
                                serves(CertIx(c), *skill, *level, *practice)
                            })
                            .map(|(i, _, _)| *i)
                    })
                    .min()
            })
            .collect();
        let skills = thresholds
            .iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(skill, list)| {
                let skill = SkillIx(skill);
                let top = list.iter().map(|(_, l, _)| *l).max().unwrap_or(0);
                let (known, practised) = (facts.level(skill), facts.practised_level(skill));
                let mut learn = vec![0.0; n];
                let mut learn_practice = vec![0.0; n];
                let mut exam_practice = vec![0.0; n];
                // Learning: the levels above what is known are learnt hands-on; what only a
                // knowledge exam shows is practised where hands-on work is needed.
                let (mut reached, mut done) = (known, practised);
                for (i, level, practice) in list {
                    if let Some(m) = learn.get_mut(*i) {
                        *m += s.months_between(reached, *level);
                    }
                    reached = reached.max(*level);
                    if *practice {
                        let upto = known.min(*level);
                        if let Some(m) = learn_practice.get_mut(*i) {
                            *m += s.certified_practice_share * s.months_between(done, upto);
                        }
                        done = done.max(upto);
                    }
                }
                // A knowledge exam reaching `top`: every level needed hands-on is practised.
                let mut done = practised;
                for (i, level, practice) in list {
                    if *practice {
                        if let Some(m) = exam_practice.get_mut(*i) {
                            *m += s.certified_practice_share * s.months_between(done, *level);
                        }
                        done = done.max(*level);
                    }
                }
                let level_open = known < top;
                let options = (0..kb.certifications.len())
                    .map(CertIx)
                    .filter(|c| {
                        let def = kb.certification(*c);
                        facts.can_plan(kb, *c)
                            && def.level_of(skill) >= top
                            && ladder.floor(*c, skill) < top
                            && (level_open || def.evidence == EvidenceKind::HandsOn)
                    })
                    .collect();
                SkillNeed {
                    skill,
                    top,
                    level_open,
                    learn,
                    learn_practice,
                    exam_practice,
                    options,
                }
            })
            .collect::<Vec<SkillNeed>>();
        Self {
            kb,
            facts,
            steps,
            skills,
            weight: &pricer.weight,
            first_step,
            requires: &pricer.requires,
        }
    }

    fn hands_on(&self, c: CertIx) -> bool {
        self.kb.certification(c).evidence == EvidenceKind::HandsOn
    }

    /// Whether a certification closes a skill (reaches its top level, and is hands-on where only
    /// practice is missing).
    fn closes(&self, c: CertIx, need: &SkillNeed) -> bool {
        self.kb.certification(c).level_of(need.skill) >= need.top
            && (need.level_open || self.hands_on(c))
    }

    /// The step each planned certification is taken on: the first step needing a level it, or a
    /// planned certification requiring it, evidences.
    fn taken_on(&self, certs: &BTreeSet<CertIx>) -> Vec<(CertIx, Option<usize>)> {
        certs
            .iter()
            .map(|c| {
                let step = certs
                    .iter()
                    .filter(|d| *d == c || self.requires.get(d.0).is_some_and(|r| r.contains(c)))
                    .filter_map(|d| self.first_step.get(d.0).copied().flatten())
                    .min();
                (*c, step)
            })
            .collect()
    }

    /// Per step: the plan's learning, practice and certification months, and the optional
    /// requirements'.
    fn loads(&self, plan: &Plan) -> Vec<f64> {
        let mut a = plan.load.clone();
        for (slot, step) in a.iter_mut().zip(&self.steps) {
            *slot += step.optional_months;
        }
        for (c, step) in self.taken_on(&plan.certs) {
            if let Some(slot) = step.and_then(|i| a.get_mut(i)) {
                *slot += self.weight.get(c.0).copied().unwrap_or(0.0);
            }
        }
        a
    }

    /// Each step's time for these loads, and the route's months.
    fn timeline(&self, loads: &[f64], mut out: Option<&mut Vec<Timed>>) -> f64 {
        let s = &self.kb.scoring;
        let mut years = start_years(self.facts);
        let mut total = 0.0;
        // What each step still has to do: its load less what was done ahead of it.
        let mut due = loads.to_vec();
        for (i, step) in self.steps.iter().enumerate() {
            let load = due.get(i).copied().unwrap_or(0.0);
            let ahead = loads.get(i).map_or(0.0, |l| (l - load).max(0.0));
            let short = step.total_need.map_or(0.0, |need| (need - years) * 12.0);
            let wait = step.fixed_wait.max(short).max(0.0);
            let unmet = match step.holds_from {
                Some(y) if years >= y => 0.0,
                _ => step.unmet_months,
            };
            // Waiting for experience leaves time to learn: it goes to the next steps' work,
            // the nearest first, so work is never dearer for falling due on a later step.
            let mut slack = (wait - load).max(0.0);
            for later in due.iter_mut().skip(i + 1) {
                let take = later.min(slack);
                *later -= take;
                slack -= take;
            }
            let months = load.max(wait) + s.min_move_months + unmet;
            if let Some(out) = out.as_deref_mut() {
                out.push(Timed {
                    years,
                    wait,
                    unmet,
                    months,
                    ahead,
                });
            }
            total += months;
            years += months / 12.0;
        }
        total
    }

    fn rank(&self, plan: &Plan) -> Rank {
        let loads = self.loads(plan);
        let total = self.timeline(&loads, None);
        let months: f64 = plan.load.iter().sum::<f64>()
            + plan
                .certs
                .iter()
                .map(|c| self.weight.get(c.0).copied().unwrap_or(0.0))
                .sum::<f64>();
        (
            OrderedFloat(years(total)),
            OrderedFloat(years(months)),
            plan.learnt,
            plan.certs.len(),
            plan.certs.iter().copied().collect(),
        )
    }

    /// The plan giving the quickest route.
    fn quickest(&self) -> Plan {
        let empty = Plan {
            choices: Vec::new(),
            certs: BTreeSet::new(),
            load: vec![0.0; self.steps.len()],
            learnt: 0,
        };
        let mut search = Search {
            model: self,
            best: None,
            nodes: 0,
        };
        search.run(&empty);
        search.best.map_or(empty, |(_, plan)| plan)
    }

    /// A plan with one more skill decided.
    fn with(&self, plan: &Plan, need: &SkillNeed, choice: Choice) -> Plan {
        let mut next = plan.clone();
        next.choices.push(choice);
        let add = |load: &mut Vec<f64>, v: &[f64]| {
            for (a, b) in load.iter_mut().zip(v) {
                *a += b;
            }
        };
        match choice {
            Choice::Learn => {
                add(&mut next.load, &need.learn);
                add(&mut next.load, &need.learn_practice);
                next.learnt += usize::from(need.level_open);
            }
            Choice::Cert(c) => {
                if !self.hands_on(c) {
                    add(&mut next.load, &need.exam_practice);
                }
                next.certs.insert(c);
                next.certs
                    .extend(self.requires.get(c.0).into_iter().flatten().copied());
            }
        }
        next
    }

    /// The route priced with a plan.
    fn priced(&self, plan: &Plan) -> Priced {
        let kb = self.kb;
        let loads = self.loads(plan);
        let mut timed = Vec::with_capacity(self.steps.len());
        let total = self.timeline(&loads, Some(&mut timed));
        let taken = self.taken_on(&plan.certs);
        let order = certplan::order(kb, &plan.certs);
        let steps = self
            .steps
            .iter()
            .zip(&timed)
            .enumerate()
            .map(|(i, (step, t))| {
                let tr = kb.transition(step.transition);
                let mut facts = step.base.clone();
                facts.total_years = t.years;
                let fired = FiredRules::new(kb, &facts);
                let fit = score_role(kb, &facts, &fired, tr.to);
                let at = |v: &Vec<f64>| v.get(i).copied().unwrap_or(0.0);
                let (mut learning, mut practice) = (0.0, 0.0);
                for (need, choice) in self.skills.iter().zip(&plan.choices) {
                    match choice {
                        Choice::Learn => {
                            learning += at(&need.learn);
                            practice += at(&need.learn_practice);
                        }
                        Choice::Cert(c) if !self.hands_on(*c) => {
                            practice += at(&need.exam_practice)
                        }
                        Choice::Cert(_) => {}
                    }
                }
                let certs: Vec<CertIx> = order
                    .iter()
                    .copied()
                    .filter(|c| taken.iter().any(|(d, s)| d == c && *s == Some(i)))
                    .collect();
                let certification_months: f64 = certs
                    .iter()
                    .map(|c| self.weight.get(c.0).copied().unwrap_or(0.0))
                    .sum();
                let unmet = match (&tr.conditions, step.holds_from) {
                    (Some(_), Some(y)) if t.years >= y => None,
                    (Some(_), _) => unmet_cost(kb, tr),
                    (None, _) => None,
                };
                let ready = learning + certification_months + practice + step.optional_months;
                StepPrice {
                    transition: step.transition,
                    fit,
                    facts,
                    certs,
                    learning_months: learning,
                    certification_months,
                    practice_months: practice,
                    optional_months: step.optional_months,
                    waiting_months: (t.wait - ready).max(0.0),
                    move_months: kb.scoring.min_move_months,
                    ahead_months: t.ahead,
                    unmet: unmet.map(|u| UnmetCost {
                        months: t.unmet,
                        ..u
                    }),
                    months: t.months,
                    cost: t.months / 12.0,
                }
            })
            .collect();
        Priced {
            steps,
            cost: years(total),
        }
    }
}

/// Total years on setting out on a route: at least the years in any one phase. Then every phase's
/// years stay within the total: a phase gained on a step is waited for on it.
fn start_years(facts: &Facts) -> f64 {
    facts
        .phases
        .iter()
        .copied()
        .fold(facts.total_years, f64::max)
}

/// Depth first over the skills: each is learnt, or closed by a certification (one planned
/// already, or a new one with its prerequisites). Partial plans only grow in time, so one no
/// quicker than the best complete plan is dropped.
struct Search<'m, 'a> {
    model: &'m Model<'a>,
    best: Option<(Rank, Plan)>,
    nodes: usize,
}

impl Search<'_, '_> {
    fn run(&mut self, plan: &Plan) {
        self.nodes += 1;
        let model = self.model;
        let rank = model.rank(plan);
        if self.best.as_ref().is_some_and(|(b, _)| rank.0 > b.0) {
            return;
        }
        let Some(need) = model.skills.get(plan.choices.len()) else {
            if self.best.as_ref().is_none_or(|(b, _)| rank < *b) {
                self.best = Some((rank, plan.clone()));
            }
            return;
        };
        // A planned certification closing it: a hands-on one leaves nothing to do; a knowledge
        // exam leaves practice, which a hands-on certification may save (learning never would).
        let planned = plan
            .certs
            .iter()
            .copied()
            .filter(|c| model.closes(*c, need))
            .min_by_key(|c| (!model.hands_on(*c), *c));
        let mut choices = Vec::new();
        match planned {
            Some(c) if model.hands_on(c) => choices.push(Choice::Cert(c)),
            Some(c) => {
                choices.push(Choice::Cert(c));
                choices.extend(
                    (need.options.iter().copied())
                        .filter(|o| model.hands_on(*o) && !plan.certs.contains(o))
                        .map(Choice::Cert),
                );
            }
            None => {
                choices.extend(need.options.iter().copied().map(Choice::Cert));
                choices.push(Choice::Learn);
            }
        }
        let last = choices.len().saturating_sub(1);
        for (i, choice) in choices.into_iter().enumerate() {
            // Past the bound, keep the best plan found; learning (the last choice) always
            // completes one.
            if i < last && self.nodes > certplan::MAX_NODES && self.best.is_some() {
                continue;
            }
            let next = model.with(plan, need, choice);
            self.run(&next);
        }
    }
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

    /// Far beyond every requirement of every role, in a workplace of `workplace`.
    fn expert(e: &Engine, workplace: &str) -> Profile {
        let kb = e.knowledge();
        let skills: Vec<String> = kb
            .skills
            .iter()
            .map(|s| format!("\"{}\": 5", s.id))
            .collect();
        let json = format!(
            r#"{{"current_role": "infra-engineer", "years_experience": 30, "skills": {{{}}},
                "workplace": "{workplace}", "management": {{"years": 10, "team_size": 8}},
                "phases": {{"operations": 30, "build": 30, "basic-design": 30,
                            "detailed-design": 30, "requirements": 30, "testing": 30,
                            "implementation": 30}}}}"#,
            skills.join(",")
        );
        e.profile_from_str("t.json", &json).unwrap()
    }

    #[test]
    fn a_ready_person_pays_the_move_not_the_typical_years() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let ts = route(&e, &["infra-engineer", "sre"]);
        let priced = price(kb, &expert(&e, "in-house-product"), &ts);
        let m = kb.scoring.min_move_months;
        assert!(m > 0.0 && m / 12.0 < kb.transition(ts[0]).typical_years);
        assert_eq!(priced.cost, m / 12.0);
        let step = &priced.steps[0];
        assert_eq!(step.move_months, m);
        assert!(step.unmet.is_none());
        assert_eq!(
            step.learning_months + step.certification_months + step.practice_months,
            0.0
        );
        assert_eq!(step.waiting_months, 0.0);
        // Two steps: two moves.
        let two = route(&e, &["infra-engineer", "backend-engineer", "sre"]);
        let priced = price(kb, &expert(&e, "in-house-product"), &two);
        assert_eq!(priced.cost, 2.0 * m / 12.0);
    }

    #[test]
    fn an_unmet_workplace_condition_adds_its_months_with_its_source() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let ts = route(&e, &["infra-engineer", "sre"]);
        let tr = kb.transition(ts[0]);
        let u = tr
            .if_unmet
            .as_ref()
            .expect("infra → sre says what to do first");
        let met = price(kb, &expert(&e, "in-house-product"), &ts);
        let unmet = price(kb, &expert(&e, "ses"), &ts);
        assert!((unmet.cost - met.cost - u.months / 12.0).abs() < 1e-9);
        let step = unmet.steps[0]
            .unmet
            .as_ref()
            .expect("the step says what it takes");
        assert_eq!(step.months, u.months);
        assert_eq!(step.advice, u.advice);
        assert!(
            crate::knowledge::cites(kb, &step.source, crate::knowledge::LEVTECH_SEED),
            "{}",
            step.source
        );
        // The search's bound counts it: no route changes the workplace.
        let bound = Bound::new(kb, &expert(&e, "ses"), tr.to);
        assert_eq!(
            bound.step_months(ts[0]),
            kb.scoring.min_move_months + u.months
        );
        assert_eq!(bound.learning_months, 0.0);
    }

    #[test]
    fn an_unready_person_pays_for_the_gaps_then_the_move() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"current_role": "infra-engineer", "years_experience": 1,
                    "workplace": "in-house-product", "skills": {"linux": 2}}"#,
            )
            .unwrap();
        let ts = route(&e, &["infra-engineer", "sre"]);
        let priced = price(kb, &p, &ts);
        let step = &priced.steps[0];
        let ready = step.learning_months
            + step.certification_months
            + step.practice_months
            + step.optional_months;
        assert!(ready > 0.0);
        // SRE asks for 3 years: two to wait, while learning.
        assert!(step.waiting_months + ready >= 24.0 - 1e-9);
        assert!(
            (step.months - (ready + step.waiting_months + kb.scoring.min_move_months)).abs() < 1e-9
        );
        assert!((priced.cost - step.months / 12.0).abs() < 1e-9);
        assert!(essential_gaps(&step.fit).next().is_some());
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
        // Each level is learnt once: the steps' learning is what learning every skill the route
        // needs takes, less what the certifications evidence.
        let learnt: f64 = priced.steps.iter().map(|s| s.learning_months).sum();
        let facts = Facts::new(&p, kb);
        let mut top = vec![0u8; kb.skills.len()];
        for t in &ts {
            for r in kb.role(kb.transition(*t).to).requirements.iter() {
                if r.essential {
                    top[r.skill.0] = top[r.skill.0].max(r.level);
                }
            }
        }
        let all: f64 = top
            .iter()
            .enumerate()
            .map(|(s, l)| kb.scoring.months_between(facts.level(SkillIx(s)), *l))
            .sum();
        assert!(learnt <= all + 1e-9);
        let certs: Vec<CertIx> = priced.steps.iter().flat_map(|s| s.certs.clone()).collect();
        let mut unique = certs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), certs.len(), "a certification taken twice");
    }

    #[test]
    fn the_plan_is_the_quickest_for_the_route() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"current_role": "infra-engineer", "years_experience": 2,
                    "skills": {"linux": 1}, "certifications": ["lpic-1"]}"#,
            )
            .unwrap();
        let ts = route(&e, &["infra-engineer", "cloud-engineer", "infra-architect"]);
        let pricer = Pricer::new(kb, &p);
        let model = Model::new(&pricer, &ts);
        let best = model.quickest();
        let best_rank = model.rank(&best);
        // Every complete plan, by brute force.
        fn all(model: &Model, plan: Plan, out: &mut Vec<Plan>) {
            let Some(need) = model.skills.get(plan.choices.len()) else {
                out.push(plan);
                return;
            };
            let mut choices: Vec<Choice> = need.options.iter().copied().map(Choice::Cert).collect();
            choices.extend(
                plan.certs
                    .iter()
                    .copied()
                    .filter(|c| model.closes(*c, need))
                    .map(Choice::Cert),
            );
            choices.push(Choice::Learn);
            for c in choices {
                all(model, model.with(&plan, need, c), out);
            }
        }
        let mut plans = Vec::new();
        all(
            &model,
            Plan {
                choices: Vec::new(),
                certs: BTreeSet::new(),
                load: vec![0.0; ts.len()],
                learnt: 0,
            },
            &mut plans,
        );
        assert!(plans.len() > 1);
        for plan in &plans {
            assert!(model.rank(plan).0 >= best_rank.0, "{:?}", plan.choices);
        }
    }

    #[test]
    fn time_never_rises_when_a_level_a_certificate_or_a_year_is_added() {
        let e = Engine::builtin().unwrap();
        let kb = e.knowledge();
        let base = r#"{"current_role": "infra-engineer", "years_experience": 2,
                       "phases": {"operations": 1}, "skills": {"linux": 2, "tcp-ip": 1}}"#;
        let more = [
            r#"{"current_role": "infra-engineer", "years_experience": 2,
                "phases": {"operations": 1}, "skills": {"linux": 3, "tcp-ip": 1}}"#,
            r#"{"current_role": "infra-engineer", "years_experience": 2,
                "phases": {"operations": 1}, "skills": {"linux": 2, "tcp-ip": 1},
                "certifications": ["ccna"]}"#,
            r#"{"current_role": "infra-engineer", "years_experience": 2,
                "phases": {"operations": 1}, "skills": {"linux": 2, "tcp-ip": 1},
                "certifications": ["aws-saa"]}"#,
            r#"{"current_role": "infra-engineer", "years_experience": 3,
                "phases": {"operations": 1}, "skills": {"linux": 2, "tcp-ip": 1}}"#,
            r#"{"current_role": "infra-engineer", "years_experience": 2,
                "phases": {"operations": 2, "basic-design": 1},
                "skills": {"linux": 2, "tcp-ip": 1}}"#,
            r#"{"current_role": "infra-engineer", "years_experience": 2,
                "phases": {"operations": 1},
                "skills": {"linux": 2, "tcp-ip": 1, "aws": 3, "kubernetes": 2}}"#,
        ];
        let routes = [
            vec!["infra-engineer", "sre"],
            vec!["infra-engineer", "cloud-engineer", "infra-architect"],
            vec!["infra-engineer", "infra-architect"],
            vec!["infra-engineer", "network-engineer", "network-specialist"],
            vec![
                "infra-engineer",
                "backend-engineer",
                "tech-lead",
                "it-architect",
            ],
        ];
        let p0 = e.profile_from_str("t.json", base).unwrap();
        for roles in &routes {
            let ts = route(&e, roles);
            let before = price(kb, &p0, &ts).cost;
            for m in more {
                let p = e.profile_from_str("t.json", m).unwrap();
                let after = price(kb, &p, &ts).cost;
                assert!(after <= before, "{roles:?} with {m}: {after} > {before}");
            }
        }
    }
}
