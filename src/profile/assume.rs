//! What-if: hypothetical facts added to a profile (`--assume`).
//!
//! | form                  | meaning                                              |
//! | --------------------- | ---------------------------------------------------- |
//! | `skill:ID=N`          | the skill at level N (0–5) at least                  |
//! | `cert:ID`             | the certification held (and its prerequisites)      |
//! | `phase:ID+Y`          | Y more years in a work phase (and in total)          |
//! | `phase:ID=Y`          | at least Y years in a work phase                     |
//! | `years+Y`, `years=Y`  | more, or at least, total years of experience         |
//! | `management+Y`        | more years of management                             |
//!
//! An assumption only ever adds: a level or a number of years already above the one assumed is
//! kept. So assuming what a profile already has changes nothing, and (the scores being monotone)
//! an assumption never lowers a score.

use serde::Serialize;

use crate::Error;
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::model::{CertIx, PhaseIx, SkillIx};

use super::{MAX_YEARS, Profile};

/// One hypothetical fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assumption {
    /// As the user wrote it.
    pub text: String,
    /// What it changes.
    #[serde(skip)]
    pub change: Change,
}

/// What an assumption changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// A skill at this level at least.
    Skill(SkillIx, u8),
    /// A certification held.
    Cert(CertIx),
    /// Years added to a phase (and to the total).
    PhaseAdd(PhaseIx, f64),
    /// A phase's years at least this.
    PhaseAtLeast(PhaseIx, f64),
    /// Years added to the total.
    YearsAdd(f64),
    /// Total years at least this.
    YearsAtLeast(f64),
    /// Management years added.
    ManagementAdd(f64),
}

const FORMS: &str = "use skill:ID=LEVEL, cert:ID, phase:ID+YEARS, phase:ID=YEARS, years+YEARS, \
                     years=YEARS or management+YEARS";

impl Assumption {
    /// Parses one `--assume` value against a knowledge base.
    pub fn parse(text: &str, kb: &KnowledgeBase) -> Result<Self, Error> {
        let change =
            parse_change(text.trim(), kb, true).map_err(|d| Error::Diagnostics(vec![*d]))?;
        Ok(Self {
            text: text.trim().to_string(),
            change,
        })
    }

    /// Parses every value, reporting every bad one at once.
    pub fn parse_all(texts: &[String], kb: &KnowledgeBase) -> Result<Vec<Self>, Error> {
        let mut out = Vec::new();
        let mut diags = Vec::new();
        let mut omitted = crate::diagnostics::Omitted::default();
        for t in texts {
            let suggest = diags.len() < crate::diagnostics::MAX_DIAGNOSTICS;
            match parse_change(t.trim(), kb, suggest) {
                Ok(change) => out.push(Self {
                    text: t.trim().to_string(),
                    change,
                }),
                // The first problems in full, the rest counted, as for a profile.
                Err(d) if diags.len() < crate::diagnostics::MAX_DIAGNOSTICS => diags.push(*d),
                Err(d) => omitted.count(d.severity),
            }
        }
        diags.extend(omitted.note());
        if diags.is_empty() {
            Ok(out)
        } else {
            Err(Error::Diagnostics(diags))
        }
    }
}

fn bad(text: &str, message: String, help: Option<String>) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error("bad-assumption", format!("--assume `{text}`: {message}"))
            .with_help(help),
    )
}

/// One assumption; `suggest`: whether an unknown id's help names the nearest ids (skipped past
/// the problems shown, which are only counted).
fn parse_change(text: &str, kb: &KnowledgeBase, suggest: bool) -> Result<Change, Box<Diagnostic>> {
    let (kind, rest) = match text.split_once(':') {
        Some((k, r)) => (k, Some(r)),
        None => (text, None),
    };
    match (kind, rest) {
        ("skill", Some(rest)) => {
            let (id, level) = rest
                .split_once('=')
                .ok_or_else(|| bad(text, "no level".into(), Some("write skill:ID=LEVEL".into())))?;
            let skill = kb.find_skill(id).ok_or_else(|| {
                bad(
                    text,
                    format!("unknown skill `{id}`"),
                    suggest
                        .then(|| did_you_mean(&kb.catalogs.skills.suggest(id)))
                        .flatten(),
                )
            })?;
            let level = match level.parse::<u8>() {
                Ok(l) if l <= 5 => l,
                _ => {
                    return Err(bad(
                        text,
                        format!("level `{level}` is not a whole number from 0 to 5"),
                        Some(format!(
                            "the closest valid level is {}",
                            closest_level(level)
                        )),
                    ));
                }
            };
            Ok(Change::Skill(skill, level))
        }
        ("cert" | "certification", Some(id)) => {
            kb.find_cert(id).map(Change::Cert).ok_or_else(|| {
                bad(
                    text,
                    format!("unknown certification `{id}`"),
                    suggest
                        .then(|| did_you_mean(&kb.catalogs.certifications.suggest(id)))
                        .flatten(),
                )
            })
        }
        ("phase", Some(rest)) => {
            let (id, op, years) = split_op(rest)
                .ok_or_else(|| bad(text, "no years".into(), Some("write phase:ID+YEARS".into())))?;
            let phase = kb.find_phase(id).ok_or_else(|| {
                bad(
                    text,
                    format!("unknown phase `{id}`"),
                    suggest
                        .then(|| did_you_mean(&kb.catalogs.phases.suggest(id)))
                        .flatten(),
                )
            })?;
            let y = parse_years(text, years)?;
            Ok(if op == '+' {
                Change::PhaseAdd(phase, y)
            } else {
                Change::PhaseAtLeast(phase, y)
            })
        }
        (_, None) => {
            let (what, op, years) = split_op(text)
                .ok_or_else(|| bad(text, "not understood".into(), Some(FORMS.into())))?;
            match (what, op) {
                ("years", '+') => Ok(Change::YearsAdd(parse_years(text, years)?)),
                ("years", _) => Ok(Change::YearsAtLeast(parse_years(text, years)?)),
                ("management", '+') => Ok(Change::ManagementAdd(parse_years(text, years)?)),
                _ => Err(bad(
                    text,
                    format!("`{what}{op}` is not a kind of assumption"),
                    Some(FORMS.into()),
                )),
            }
        }
        (other, Some(_)) => Err(bad(
            text,
            format!("`{other}:` is not a kind of assumption"),
            did_you_mean(&crate::diagnostics::nearest(
                other,
                ["skill", "cert", "phase"].iter().map(|k| (*k, *k)),
                1,
            ))
            .or_else(|| Some(FORMS.into())),
        )),
    }
}

/// "basic-design+1" → ("basic-design", '+', "1").
fn split_op(s: &str) -> Option<(&str, char, &str)> {
    let i = s.find(['+', '='])?;
    let op = s[i..].chars().next()?;
    Some((&s[..i], op, &s[i + 1..]))
}

fn parse_years(text: &str, years: &str) -> Result<f64, Box<Diagnostic>> {
    match years.parse::<f64>() {
        Ok(y) if y.is_finite() && (0.0..=MAX_YEARS).contains(&y) => Ok(y),
        _ => Err(bad(
            text,
            format!("years `{years}` is not a number from 0 to {MAX_YEARS}"),
            Some(format!(
                "the closest valid value is {}",
                years
                    .parse::<f64>()
                    .ok()
                    .filter(|y| !y.is_nan())
                    .map_or(0.0, |y| y.clamp(0.0, MAX_YEARS))
            )),
        )),
    }
}

fn closest_level(level: &str) -> u8 {
    level
        .parse::<f64>()
        .ok()
        .filter(|l| !l.is_nan())
        // In range after clamping, so the cast is exact.
        .map_or(0, |l| l.round().clamp(0.0, 5.0) as u8)
}

impl Profile {
    /// The profile with the assumptions added (levels and years only ever rise; years stay
    /// within [`MAX_YEARS`]).
    pub fn assuming(&self, assumptions: &[Assumption]) -> Profile {
        let mut p = self.clone();
        for a in assumptions {
            p.apply(a.change);
        }
        p
    }

    /// Adds one change.
    pub fn apply(&mut self, change: Change) {
        let cap = |y: f64| y.min(MAX_YEARS);
        match change {
            Change::Skill(s, level) => match self.skills.iter_mut().find(|(k, _)| *k == s) {
                Some((_, l)) => *l = (*l).max(level),
                None => {
                    self.skills.push((s, level));
                    self.skills.sort_by_key(|(k, _)| *k);
                }
            },
            Change::Cert(c) => {
                if !self.certifications.contains(&c) {
                    self.certifications.push(c);
                    self.certifications.sort();
                }
            }
            Change::PhaseAdd(ph, y) => {
                self.raise_phase(ph, |have| cap(have + y));
                self.years_experience = cap(self.years_experience + y);
            }
            Change::PhaseAtLeast(ph, y) => {
                self.raise_phase(ph, |have| have.max(y));
                self.years_experience = self.years_experience.max(y);
            }
            Change::YearsAdd(y) => self.years_experience = cap(self.years_experience + y),
            Change::YearsAtLeast(y) => self.years_experience = self.years_experience.max(y),
            Change::ManagementAdd(y) => self.management_years = cap(self.management_years + y),
        }
    }

    fn raise_phase(&mut self, ph: PhaseIx, f: impl Fn(f64) -> f64) {
        match self.phases.iter_mut().find(|(k, _)| *k == ph) {
            Some((_, y)) => *y = f(*y),
            None => {
                self.phases.push((ph, f(0.0)));
                self.phases.sort_by_key(|(k, _)| *k);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn setup() -> (Engine, Profile) {
        let e = Engine::builtin().unwrap();
        let p = e
            .profile_from_str(
                "t.json",
                r#"{"skills": {"linux": 3}, "years_experience": 2,
                    "phases": {"operations": 2}, "certifications": ["ccna"]}"#,
            )
            .unwrap();
        (e, p)
    }

    fn parse(e: &Engine, s: &str) -> Result<Assumption, String> {
        Assumption::parse(s, e.knowledge()).map_err(|e| e.to_string())
    }

    #[test]
    fn parses_every_form() {
        let (e, _) = setup();
        let kb = e.knowledge();
        let terraform = kb.find_skill("terraform").unwrap();
        assert_eq!(
            parse(&e, "skill:terraform=3").unwrap().change,
            Change::Skill(terraform, 3)
        );
        assert!(matches!(
            parse(&e, "cert:ccnp-enterprise").unwrap().change,
            Change::Cert(_)
        ));
        assert!(matches!(
            parse(&e, "phase:basic-design+1").unwrap().change,
            Change::PhaseAdd(_, 1.0)
        ));
        assert!(matches!(
            parse(&e, "phase:basic-design=1.5").unwrap().change,
            Change::PhaseAtLeast(_, 1.5)
        ));
        assert_eq!(parse(&e, "years+2").unwrap().change, Change::YearsAdd(2.0));
        assert_eq!(
            parse(&e, "management+1").unwrap().change,
            Change::ManagementAdd(1.0)
        );
    }

    #[test]
    fn bad_values_name_the_closest_valid_one() {
        let (e, _) = setup();
        let err = parse(&e, "skill:terraformm=3").unwrap_err();
        assert!(err.contains("unknown skill `terraformm`"), "{err}");
        assert!(err.contains("`terraform`"), "{err}");
        let err = parse(&e, "skill:terraform=9").unwrap_err();
        assert!(err.contains("closest valid level is 5"), "{err}");
        let err = parse(&e, "years+NaN").unwrap_err();
        assert!(err.contains("not a number from 0 to 60"), "{err}");
        let err = parse(&e, "skil:terraform=3").unwrap_err();
        assert!(err.contains("`skill`"), "{err}");
        let err = parse(&e, "cert:ccnq").unwrap_err();
        assert!(err.contains("`ccna`"), "{err}");
        assert!(parse(&e, "whatever").is_err());
        assert!(parse(&e, "years+70").is_err());
    }

    #[test]
    fn assuming_what_the_profile_has_changes_nothing() {
        let (e, p) = setup();
        let same: Vec<Assumption> = ["skill:linux=3", "skill:linux=1", "cert:ccna", "years=1"]
            .iter()
            .map(|s| parse(&e, s).unwrap())
            .collect();
        assert_eq!(p.assuming(&same), p);
    }

    #[test]
    fn assumptions_add_and_stay_in_range() {
        let (e, p) = setup();
        let a: Vec<Assumption> = ["skill:terraform=3", "phase:operations+59", "years+1"]
            .iter()
            .map(|s| parse(&e, s).unwrap())
            .collect();
        let q = p.assuming(&a);
        let kb = e.knowledge();
        assert!(q.skills.contains(&(kb.find_skill("terraform").unwrap(), 3)));
        assert_eq!(q.years_experience, MAX_YEARS);
        assert!(q.phases.iter().all(|(_, y)| *y <= MAX_YEARS));
    }
}
