//! Static analysis of conditions, for the validator: conditions that no profile can satisfy, and
//! a canonical form to tell when two rules test the same thing.
//!
//! The analysis is sound but not complete: when it says a condition never holds, no profile makes
//! it hold; it may miss contradictions hidden behind `any` (it treats a disjunction as a unit).

use std::collections::{BTreeMap, BTreeSet};

use super::Condition;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Employment;
use crate::profile::{AGE_RANGE, MAX_TEAM_SIZE, MAX_YEARS};

/// A number a profile has, which `…_at_least` tests bound from below (and their `not` from above).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Quantity {
    Skill(usize),
    Phases(Vec<usize>),
    Total,
    Management,
    Team,
    Age,
}

impl Quantity {
    /// The largest value a valid profile can have.
    fn max(&self, phases: usize) -> f64 {
        match self {
            Quantity::Skill(_) => 5.0,
            Quantity::Phases(ps) => MAX_YEARS * ps.len().min(phases) as f64,
            Quantity::Total | Quantity::Management => MAX_YEARS,
            Quantity::Team => MAX_TEAM_SIZE,
            Quantity::Age => AGE_RANGE.1,
        }
    }
}

/// What a conjunction of literals demands of a profile.
#[derive(Debug, Default)]
struct Demands<'a> {
    /// Per quantity: at least `.0` and (from a `not`) below `.1`.
    bounds: BTreeMap<Quantity, (f64, f64)>,
    certs: BTreeSet<usize>,
    no_certs: BTreeSet<usize>,
    prefs: BTreeSet<usize>,
    no_prefs: BTreeSet<usize>,
    /// Role lists the current role must be in, and must not be in.
    roles: Vec<&'a [crate::knowledge::model::RoleIx]>,
    no_roles: Vec<&'a [crate::knowledge::model::RoleIx]>,
    families: Vec<&'a [crate::knowledge::model::FamilyIx]>,
    no_families: Vec<&'a [crate::knowledge::model::FamilyIx]>,
    workplaces: Vec<&'a [crate::knowledge::model::WorkplaceIx]>,
    no_workplaces: Vec<&'a [crate::knowledge::model::WorkplaceIx]>,
    employment: BTreeSet<Employment>,
    no_employment: BTreeSet<Employment>,
    /// A part that is never true on its own.
    impossible: bool,
}

impl Condition {
    /// Whether no profile can make this condition hold: a test and its `not` in one `all`,
    /// thresholds that exclude each other, a value above what a profile can have, an empty `any`.
    pub fn never_holds(&self, kb: &KnowledgeBase) -> bool {
        match self {
            Condition::Any(cs) => cs.iter().all(|c| c.never_holds(kb)),
            _ => {
                let mut d = Demands::default();
                d.add(self, true, kb);
                d.impossible || !d.satisfiable(kb)
            }
        }
    }

    /// Whether every profile makes this condition hold (an empty `all`, a threshold of 0 years).
    pub fn always_holds(&self, kb: &KnowledgeBase) -> bool {
        match self {
            Condition::All(cs) => cs.iter().all(|c| c.always_holds(kb)),
            Condition::Any(cs) => cs.iter().any(|c| c.always_holds(kb)),
            Condition::Not(c) => c.never_holds(kb),
            Condition::PhaseYearsAtLeast { years: y, .. }
            | Condition::TotalYearsAtLeast(y)
            | Condition::ManagementYearsAtLeast(y) => *y <= 0.0,
            Condition::TeamSizeAtLeast(n) => *n == 0,
            _ => false,
        }
    }

    /// A text equal for two conditions exactly when they test the same thing, whatever the
    /// order of the parts of an `all` or `any`.
    pub fn canonical(&self) -> String {
        let sorted = |cs: &[Condition]| {
            let mut parts: Vec<String> = cs.iter().map(Condition::canonical).collect();
            parts.sort();
            parts.dedup();
            parts.join(",")
        };
        match self {
            Condition::All(cs) => format!("all({})", sorted(cs)),
            Condition::Any(cs) => format!("any({})", sorted(cs)),
            Condition::Not(c) => format!("not({})", c.canonical()),
            leaf => format!("{leaf:?}"),
        }
    }
}

impl<'a> Demands<'a> {
    /// Adds `c` (or its negation, when `positive` is false) to the conjunction.
    fn add(&mut self, c: &'a Condition, positive: bool, kb: &KnowledgeBase) {
        let mut bound = |q: Quantity, x: f64| {
            let b = self.bounds.entry(q).or_insert((0.0, f64::INFINITY));
            if positive {
                b.0 = b.0.max(x);
            } else {
                b.1 = b.1.min(x);
            }
        };
        match c {
            Condition::All(cs) if positive => cs.iter().for_each(|c| self.add(c, true, kb)),
            Condition::Any(cs) if !positive => cs.iter().for_each(|c| self.add(c, false, kb)),
            Condition::Not(inner) => self.add(inner, !positive, kb),
            Condition::All(_) | Condition::Any(_) => {
                // A disjunction: impossible only if every branch is.
                let never = if positive {
                    c.never_holds(kb)
                } else {
                    c.always_holds(kb)
                };
                self.impossible |= never;
            }
            Condition::SkillAtLeast { skill, level } => {
                bound(Quantity::Skill(skill.0), f64::from(*level));
            }
            Condition::PhaseYearsAtLeast { phases, years } => {
                let mut ps: Vec<usize> = phases.iter().map(|p| p.0).collect();
                ps.sort_unstable();
                ps.dedup();
                bound(Quantity::Phases(ps), *years);
            }
            Condition::TotalYearsAtLeast(y) => bound(Quantity::Total, *y),
            Condition::ManagementYearsAtLeast(y) => bound(Quantity::Management, *y),
            Condition::TeamSizeAtLeast(n) => bound(Quantity::Team, f64::from(*n)),
            Condition::AgeAtLeast(a) => {
                // `not age_at_least` also holds when the age is not given.
                if positive {
                    bound(Quantity::Age, a.max(AGE_RANGE.0));
                } else {
                    bound(Quantity::Age, *a);
                }
            }
            Condition::HasCertification(x) => {
                if positive {
                    self.certs.insert(x.0);
                } else {
                    self.no_certs.insert(x.0);
                }
            }
            Condition::Preference(p) => {
                if positive {
                    self.prefs.insert(p.0);
                } else {
                    self.no_prefs.insert(p.0);
                }
            }
            Condition::CurrentRoleIn(rs) => {
                if positive {
                    self.roles.push(rs);
                } else {
                    self.no_roles.push(rs);
                }
            }
            Condition::CurrentFamilyIn(fs) => {
                if positive {
                    self.families.push(fs);
                } else {
                    self.no_families.push(fs);
                }
            }
            Condition::WorkplaceIn(ws) => {
                if positive {
                    self.workplaces.push(ws);
                } else {
                    self.no_workplaces.push(ws);
                }
            }
            Condition::Employment(e) => {
                if positive {
                    self.employment.insert(*e);
                } else {
                    self.no_employment.insert(*e);
                }
            }
        }
    }

    /// Whether some profile meets every demand.
    fn satisfiable(&mut self, kb: &KnowledgeBase) -> bool {
        // A certification held brings its prerequisites and the levels it evidences.
        let mut held = BTreeSet::new();
        let mut stack: Vec<usize> = self.certs.iter().copied().collect();
        while let Some(c) = stack.pop() {
            if let Some(cert) = kb.certifications.get(c)
                && held.insert(c)
            {
                stack.extend(cert.prerequisites.iter().map(|p| p.0));
                for (skill, level) in &cert.evidences {
                    let b = self
                        .bounds
                        .entry(Quantity::Skill(skill.0))
                        .or_insert((0.0, f64::INFINITY));
                    b.0 = b.0.max(f64::from(*level));
                }
            }
        }
        if !held.is_disjoint(&self.no_certs) || !self.prefs.is_disjoint(&self.no_prefs) {
            return false;
        }
        let phases = kb.phases.len();
        // Without an age at all (no positive age test), `not age_at_least` always holds.
        let impossible = |(q, (lo, hi)): (&Quantity, &(f64, f64))| {
            !(*q == Quantity::Age && *lo == 0.0) && (lo >= hi || *lo > q.max(phases))
        };
        if self.bounds.iter().any(impossible) {
            return false;
        }
        if self.employment.len() > 1 || !self.employment.is_disjoint(&self.no_employment) {
            return false;
        }
        let workplace_ok = self.workplaces.is_empty()
            || (0..kb.workplaces.len()).any(|w| {
                self.workplaces.iter().all(|ws| ws.iter().any(|x| x.0 == w))
                    && !self
                        .no_workplaces
                        .iter()
                        .any(|ws| ws.iter().any(|x| x.0 == w))
            });
        let role_ok = (self.roles.is_empty() && self.families.is_empty())
            || kb.roles.iter().enumerate().any(|(r, role)| {
                let f = role.family;
                self.roles.iter().all(|rs| rs.iter().any(|x| x.0 == r))
                    && !self.no_roles.iter().any(|rs| rs.iter().any(|x| x.0 == r))
                    && self.families.iter().all(|fs| fs.contains(&f))
                    && !self.no_families.iter().any(|fs| fs.contains(&f))
            });
        workplace_ok && role_ok
    }
}

#[cfg(test)]
mod tests {
    use crate::knowledge::model::*;
    use crate::knowledge::tiny;
    use crate::rules::Condition::{self, *};

    fn kb() -> crate::knowledge::KnowledgeBase {
        tiny()
    }

    fn not(c: Condition) -> Condition {
        Not(Box::new(c))
    }

    fn skill(kb: &crate::knowledge::KnowledgeBase, id: &str, level: u8) -> Condition {
        SkillAtLeast {
            skill: SkillIx(kb.catalogs.skills.find(id).expect("skill")),
            level,
        }
    }

    #[test]
    fn a_test_and_its_not_never_hold() {
        let kb = kb();
        let pref = Preference(PrefIx(0));
        assert!(All(vec![pref.clone(), not(pref.clone())]).never_holds(&kb));
        assert!(!All(vec![pref.clone()]).never_holds(&kb));
        assert!(not(All(vec![])).never_holds(&kb));
        assert!(Any(vec![]).never_holds(&kb));
        assert!(not(Any(vec![pref.clone(), not(pref)])).never_holds(&kb));
    }

    #[test]
    fn thresholds_that_exclude_each_other() {
        let kb = kb();
        assert!(All(vec![skill(&kb, "linux", 3), not(skill(&kb, "linux", 2))]).never_holds(&kb));
        assert!(All(vec![skill(&kb, "linux", 3), not(skill(&kb, "linux", 3))]).never_holds(&kb));
        assert!(!All(vec![skill(&kb, "linux", 2), not(skill(&kb, "linux", 3))]).never_holds(&kb));
        assert!(All(vec![TotalYearsAtLeast(5.0), not(TotalYearsAtLeast(4.0))]).never_holds(&kb));
        assert!(not(TotalYearsAtLeast(0.0)).never_holds(&kb));
        assert!(TeamSizeAtLeast(200_000).never_holds(&kb));
        assert!(AgeAtLeast(101.0).never_holds(&kb));
        assert!(!not(AgeAtLeast(10.0)).never_holds(&kb), "holds with no age");
        assert!(!not(AgeAtLeast(0.0)).never_holds(&kb), "holds with no age");
        assert!(All(vec![AgeAtLeast(40.0), not(AgeAtLeast(30.0))]).never_holds(&kb));
    }

    #[test]
    fn certifications_bring_prerequisites_and_levels() {
        let kb = kb();
        let cert = |id: &str| CertIx(kb.catalogs.certifications.find(id).expect("cert"));
        // net-b requires net-a and evidences networking 4.
        assert!(
            All(vec![
                HasCertification(cert("net-b")),
                not(HasCertification(cert("net-a")))
            ])
            .never_holds(&kb)
        );
        assert!(
            All(vec![
                HasCertification(cert("net-b")),
                not(skill(&kb, "networking", 4))
            ])
            .never_holds(&kb)
        );
        assert!(
            !All(vec![
                HasCertification(cert("net-a")),
                not(HasCertification(cert("net-b")))
            ])
            .never_holds(&kb)
        );
    }

    #[test]
    fn roles_families_workplaces_and_employment() {
        let kb = kb();
        let role = |id: &str| RoleIx(kb.catalogs.roles.find(id).expect("role"));
        let fam = |id: &str| FamilyIx(kb.catalogs.families.find(id).expect("family"));
        let ops = role("ops");
        assert!(
            All(vec![
                CurrentRoleIn(vec![ops]),
                not(CurrentRoleIn(vec![ops]))
            ])
            .never_holds(&kb)
        );
        assert!(
            All(vec![
                CurrentRoleIn(vec![ops]),
                CurrentFamilyIn(vec![fam("dev")])
            ])
            .never_holds(&kb)
        );
        assert!(
            !All(vec![
                CurrentRoleIn(vec![ops]),
                CurrentFamilyIn(vec![fam("infra")])
            ])
            .never_holds(&kb)
        );
        assert!(
            All(vec![
                WorkplaceIn(vec![WorkplaceIx(0)]),
                WorkplaceIn(vec![WorkplaceIx(1)])
            ])
            .never_holds(&kb)
        );
        use crate::knowledge::format::Employment as E;
        assert!(All(vec![Employment(E::Employee), Employment(E::Freelance)]).never_holds(&kb));
    }

    #[test]
    fn canonical_ignores_the_order_of_parts() {
        let a = All(vec![Preference(PrefIx(0)), Preference(PrefIx(1))]);
        let b = All(vec![Preference(PrefIx(1)), Preference(PrefIx(0))]);
        assert_eq!(a.canonical(), b.canonical());
        assert_ne!(a.canonical(), Any(vec![Preference(PrefIx(0))]).canonical());
    }
}
