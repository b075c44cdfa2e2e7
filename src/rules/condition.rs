//! Compiled conditions: evaluation against a profile's facts, traces, and polarity analysis.

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Employment;
use crate::knowledge::model::{CertIx, FamilyIx, PhaseIx, PrefIx, RoleIx, SkillIx, WorkplaceIx};
use crate::lang::Lang;
use crate::profile::Facts;

/// A condition with its ids resolved; see [`crate::rules::ConditionDef`] for the meaning of each.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    SkillAtLeast { skill: SkillIx, level: u8 },
    PhaseYearsAtLeast { phases: Vec<PhaseIx>, years: f64 },
    TotalYearsAtLeast(f64),
    ManagementYearsAtLeast(f64),
    TeamSizeAtLeast(u32),
    HasCertification(CertIx),
    CurrentRoleIn(Vec<RoleIx>),
    CurrentFamilyIn(Vec<FamilyIx>),
    Preference(PrefIx),
    WorkplaceIn(Vec<WorkplaceIx>),
    Employment(Employment),
    AgeAtLeast(f64),
}

/// The result of evaluating a condition, mirroring its tree: what was tested, what was expected,
/// what the profile has, and whether it passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    /// Whether this node holds.
    pub passed: bool,
    /// The test, as named in rule files (`all`, `skill_at_least` …).
    pub test: &'static str,
    /// What the test expects, for leaves (`linux >= 3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What the profile has, for leaves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// Sub-conditions, for `all`, `any` and `not`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Trace>,
}

/// Which ways the profile's quantities (skills, years, certifications, management, team size)
/// enter a condition: under an even number of `not` (positive) or an odd number (negative).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Polarity {
    /// Some quantity leaf is positive: gaining that quantity can make the condition true.
    pub positive: bool,
    /// Some quantity leaf is negative: gaining that quantity can make the condition false.
    pub negative: bool,
}

impl Condition {
    /// Whether the condition holds for these facts.
    pub fn holds(&self, f: &Facts) -> bool {
        match self {
            Condition::All(cs) => cs.iter().all(|c| c.holds(f)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(f)),
            Condition::Not(c) => !c.holds(f),
            Condition::SkillAtLeast { skill, level } => f.level(*skill) >= *level,
            Condition::PhaseYearsAtLeast { phases, years } => f.phase_sum(phases) >= *years,
            Condition::TotalYearsAtLeast(y) => f.total_years >= *y,
            Condition::ManagementYearsAtLeast(y) => f.management_years >= *y,
            Condition::TeamSizeAtLeast(n) => f.team_size >= *n,
            Condition::HasCertification(c) => f.holds(*c),
            Condition::CurrentRoleIn(roles) => f.current_role.is_some_and(|r| roles.contains(&r)),
            Condition::CurrentFamilyIn(fams) => f.current_family.is_some_and(|r| fams.contains(&r)),
            Condition::Preference(p) => f.prefers(*p),
            Condition::WorkplaceIn(ws) => f.workplace.is_some_and(|w| ws.contains(&w)),
            Condition::Employment(e) => f.employment == Some(*e),
            Condition::AgeAtLeast(a) => f.age.is_some_and(|age| age >= *a),
        }
    }

    /// Evaluates and records every node, for explanations and near misses.
    pub fn trace(&self, f: &Facts, kb: &KnowledgeBase) -> Trace {
        let node = |test, children: Vec<Trace>, passed| Trace {
            passed,
            test,
            expected: None,
            actual: None,
            children,
        };
        let leaf = |test, expected: String, actual: String| Trace {
            passed: self.holds(f),
            test,
            expected: Some(expected),
            actual: Some(actual),
            children: Vec::new(),
        };
        let list = |ids: Vec<&str>| ids.join(" | ");
        match self {
            Condition::All(cs) => {
                let ch: Vec<Trace> = cs.iter().map(|c| c.trace(f, kb)).collect();
                let passed = ch.iter().all(|t| t.passed);
                node("all", ch, passed)
            }
            Condition::Any(cs) => {
                let ch: Vec<Trace> = cs.iter().map(|c| c.trace(f, kb)).collect();
                let passed = ch.iter().any(|t| t.passed);
                node("any", ch, passed)
            }
            Condition::Not(c) => {
                let t = c.trace(f, kb);
                let passed = !t.passed;
                node("not", vec![t], passed)
            }
            Condition::SkillAtLeast { skill, level } => leaf(
                "skill_at_least",
                format!("{} >= {level}", kb.skill(*skill).id),
                f.level(*skill).to_string(),
            ),
            Condition::PhaseYearsAtLeast { phases, years } => leaf(
                "phase_years_at_least",
                format!(
                    "{} years >= {years}",
                    list(phases.iter().map(|p| kb.phase(*p).id.as_str()).collect())
                ),
                fmt_num(f.phase_sum(phases)),
            ),
            Condition::TotalYearsAtLeast(y) => leaf(
                "total_years_at_least",
                format!("years >= {y}"),
                fmt_num(f.total_years),
            ),
            Condition::ManagementYearsAtLeast(y) => leaf(
                "management_years_at_least",
                format!("management years >= {y}"),
                fmt_num(f.management_years),
            ),
            Condition::TeamSizeAtLeast(n) => leaf(
                "team_size_at_least",
                format!("team size >= {n}"),
                f.team_size.to_string(),
            ),
            Condition::HasCertification(c) => leaf(
                "has_certification",
                kb.certification(*c).id.clone(),
                if f.holds(*c) { "held" } else { "not held" }.to_string(),
            ),
            Condition::CurrentRoleIn(roles) => leaf(
                "current_role_in",
                list(roles.iter().map(|r| kb.role(*r).id.as_str()).collect()),
                f.current_role
                    .map_or("none".to_string(), |r| kb.role(r).id.clone()),
            ),
            Condition::CurrentFamilyIn(fams) => leaf(
                "current_family_in",
                list(fams.iter().map(|x| kb.family(*x).id.as_str()).collect()),
                f.current_family
                    .map_or("none".to_string(), |x| kb.family(x).id.clone()),
            ),
            Condition::Preference(p) => leaf(
                "preference",
                kb.preference(*p).id.clone(),
                if f.prefers(*p) {
                    "listed"
                } else {
                    "not listed"
                }
                .to_string(),
            ),
            Condition::WorkplaceIn(ws) => leaf(
                "workplace_in",
                list(ws.iter().map(|w| kb.workplace(*w).id.as_str()).collect()),
                f.workplace
                    .map_or("none".to_string(), |w| kb.workplace(w).id.clone()),
            ),
            Condition::Employment(e) => leaf(
                "employment",
                e.as_str().to_string(),
                f.employment.map_or("none", Employment::as_str).to_string(),
            ),
            Condition::AgeAtLeast(a) => leaf(
                "age_at_least",
                format!("age >= {a}"),
                f.age.map_or("unknown".to_string(), fmt_num),
            ),
        }
    }

    /// Whether the condition tests the person's situation (role, preference, workplace,
    /// employment, age) anywhere, not only what they can gain (skills, years, certifications).
    pub fn tests_situation(&self) -> bool {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(Condition::tests_situation),
            Condition::Not(c) => c.tests_situation(),
            Condition::SkillAtLeast { .. }
            | Condition::PhaseYearsAtLeast { .. }
            | Condition::TotalYearsAtLeast(_)
            | Condition::ManagementYearsAtLeast(_)
            | Condition::TeamSizeAtLeast(_)
            | Condition::HasCertification(_) => false,
            Condition::CurrentRoleIn(_)
            | Condition::CurrentFamilyIn(_)
            | Condition::Preference(_)
            | Condition::WorkplaceIn(_)
            | Condition::Employment(_)
            | Condition::AgeAtLeast(_) => true,
        }
    }

    /// How the profile's quantities enter this condition.
    pub fn polarity(&self) -> Polarity {
        let mut p = Polarity::default();
        self.walk_polarity(true, &mut p);
        p
    }

    fn walk_polarity(&self, positive: bool, p: &mut Polarity) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.walk_polarity(positive, p));
            }
            Condition::Not(c) => c.walk_polarity(!positive, p),
            Condition::SkillAtLeast { .. }
            | Condition::PhaseYearsAtLeast { .. }
            | Condition::TotalYearsAtLeast(_)
            | Condition::ManagementYearsAtLeast(_)
            | Condition::TeamSizeAtLeast(_)
            | Condition::HasCertification(_) => {
                if positive {
                    p.positive = true;
                } else {
                    p.negative = true;
                }
            }
            Condition::CurrentRoleIn(_)
            | Condition::CurrentFamilyIn(_)
            | Condition::Preference(_)
            | Condition::WorkplaceIn(_)
            | Condition::Employment(_)
            | Condition::AgeAtLeast(_) => {}
        }
    }
}

/// A leaf with what the profile has: `linux >= 3 (you: 2)`, 「linux >= 3 (あなた: 2)」.
pub fn leaf(expected: &str, actual: &str, lang: Lang) -> String {
    let you = lang.msg("you:", "あなた:");
    format!("{expected} ({you} {})", lang.term(actual))
}

impl Trace {
    /// The leaves in one line: `✓ operations years >= 1 (you: 2); ✗ ccna (you: not held)`.
    pub fn leaf_summary(&self) -> String {
        self.leaves_in(Lang::En, &|passed| {
            if passed { "✓" } else { "✗" }.to_string()
        })
    }

    /// The leaves in one line in a language, each after its `mark` (✓ or ✗, maybe coloured).
    pub fn leaves_in(&self, lang: Lang, mark: &dyn Fn(bool) -> String) -> String {
        fn walk(t: &Trace, lang: Lang, mark: &dyn Fn(bool) -> String, parts: &mut Vec<String>) {
            match (&t.expected, &t.actual) {
                (Some(e), Some(a)) => {
                    parts.push(format!("{} {}", mark(t.passed), leaf(e, a, lang)))
                }
                _ => t.children.iter().for_each(|c| walk(c, lang, mark, parts)),
            }
        }
        let mut parts = Vec::new();
        walk(self, lang, mark, &mut parts);
        parts.join("; ")
    }

    /// The failed leaves of a failed condition that would flip it if they passed, when that is a
    /// single leaf ("one step away"); `None` when more than one change is needed.
    pub fn single_blocker(&self) -> Option<&Trace> {
        if self.passed {
            return None;
        }
        match self.test {
            "all" => {
                let failed: Vec<&Trace> = self.children.iter().filter(|c| !c.passed).collect();
                match failed.as_slice() {
                    [one] => one.single_blocker(),
                    _ => None,
                }
            }
            "any" => self.children.iter().find_map(Trace::single_blocker),
            "not" => None,
            _ => Some(self),
        }
    }
}

/// A number without a trailing `.0`, rounded to two decimals.
pub fn fmt_num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}
