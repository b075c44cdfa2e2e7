//! The rule language: conditions over a profile, effects on roles, and their evaluation.
//!
//! Every rule whose condition holds applies, and effects add up (a "collect" hit policy), so the
//! order of rules and files never changes a result.

mod analysis;
mod condition;
mod def;
mod effect;

pub use condition::{Condition, Polarity, Trace, fmt_num, leaf};
pub use def::{ConditionDef, EffectDef};
pub use effect::Effect;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceText;
    use crate::knowledge::tiny;
    use crate::profile::{Facts, Profile};

    fn facts(json: &str) -> (crate::knowledge::KnowledgeBase, Facts) {
        let kb = tiny();
        let p = Profile::parse(&SourceText::new("p", json), &kb).expect("valid profile");
        let f = Facts::new(&p, &kb);
        (kb, f)
    }

    fn rule<'a>(
        kb: &'a crate::knowledge::KnowledgeBase,
        id: &str,
    ) -> &'a crate::knowledge::model::Rule {
        kb.rules.iter().find(|r| r.id == id).expect("fixture rule")
    }

    #[test]
    fn trace_mirrors_the_condition_with_expected_and_actual() {
        let (kb, f) = facts(r#"{"skills": {}, "phases": {"basic-design": 0.5}}"#);
        let t = rule(&kb, "no-upstream").when.trace(&f, &kb);
        assert!(t.passed);
        assert_eq!(t.test, "not");
        let leaf = &t.children[0];
        assert_eq!(leaf.test, "phase_years_at_least");
        assert!(!leaf.passed);
        assert_eq!(
            leaf.expected.as_deref(),
            Some("basic-design | requirements years >= 1")
        );
        assert_eq!(leaf.actual.as_deref(), Some("0.5"));
        assert_eq!(
            t.leaf_summary(),
            "✗ basic-design | requirements years >= 1 (you: 0.5)"
        );
    }

    #[test]
    fn holds_agrees_with_trace() {
        for json in [
            r#"{"skills": {}}"#,
            r#"{"skills": {}, "workplace": "in-house-product", "phases": {"requirements": 2}}"#,
        ] {
            let (kb, f) = facts(json);
            for r in &kb.rules {
                assert_eq!(r.when.holds(&f), r.when.trace(&f, &kb).passed, "{}", r.id);
            }
        }
    }

    #[test]
    fn polarity_sees_through_not() {
        let (kb, _) = facts(r#"{"skills": {}}"#);
        assert_eq!(
            rule(&kb, "no-upstream").when.polarity(),
            Polarity {
                positive: false,
                negative: true
            }
        );
        // workplace is neutral: neither way
        assert_eq!(
            rule(&kb, "cloud-in-house").when.polarity(),
            Polarity::default()
        );
        let c = Condition::Any(vec![
            Condition::TotalYearsAtLeast(1.0),
            Condition::Not(Box::new(Condition::Not(Box::new(
                Condition::TeamSizeAtLeast(3),
            )))),
        ]);
        assert_eq!(
            c.polarity(),
            Polarity {
                positive: true,
                negative: false
            }
        );
    }

    #[test]
    fn single_blocker_names_the_one_failing_leaf() {
        let (kb, f) = facts(r#"{"skills": {"linux": 3}, "years_experience": 1}"#);
        let linux = kb.catalogs.skills.find("linux").expect("linux");
        let c = Condition::All(vec![
            Condition::SkillAtLeast {
                skill: crate::knowledge::model::SkillIx(linux),
                level: 3,
            },
            Condition::TotalYearsAtLeast(3.0),
        ]);
        let t = c.trace(&f, &kb);
        assert!(!t.passed);
        let b = t.single_blocker().expect("one step away");
        assert_eq!(b.test, "total_years_at_least");
        let two = Condition::All(vec![
            Condition::TotalYearsAtLeast(3.0),
            Condition::TeamSizeAtLeast(2),
        ]);
        assert!(two.trace(&f, &kb).single_blocker().is_none());
    }
}
