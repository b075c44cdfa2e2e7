//! The profile: parsing and checking a user's profile JSON, and the facts the engine reads.

mod assume;
mod def;
mod facts;
mod fast;

pub use assume::{Assumption, Change};
pub use def::{ManagementDef, ProfileDef};
pub use facts::Facts;

use serde::Serialize;

use crate::diagnostics::{
    Diagnostic, MAX_DIAGNOSTICS, Omitted, Severity, SourceText, Target, did_you_mean,
};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::catalog::Catalog;
use crate::knowledge::format::Employment;
use crate::knowledge::model::{CertIx, PhaseIx, PrefIx, RoleIx, SkillIx, WorkplaceIx};

/// Largest number of years accepted anywhere in a profile.
pub const MAX_YEARS: f64 = 60.0;
/// Largest team size accepted.
pub const MAX_TEAM_SIZE: f64 = 100_000.0;
/// Accepted ages.
pub const AGE_RANGE: (f64, f64) = (15.0, 100.0);

/// A checked profile: every id known, every number in range, ids resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// A name to show.
    pub name: Option<String>,
    /// Current role.
    #[serde(skip)]
    pub current_role: Option<RoleIx>,
    /// Total years of IT work; when the profile leaves it out, the largest phase's years.
    pub years_experience: f64,
    /// Years per phase, sorted by phase.
    #[serde(skip)]
    pub phases: Vec<(PhaseIx, f64)>,
    /// Self-reported level per skill, sorted by skill.
    #[serde(skip)]
    pub skills: Vec<(SkillIx, u8)>,
    /// Certifications held, sorted, without repeats.
    #[serde(skip)]
    pub certifications: Vec<CertIx>,
    /// Years of management.
    pub management_years: f64,
    /// Largest team led.
    pub team_size: u32,
    /// Age.
    pub age: Option<f64>,
    /// Employment.
    pub employment: Option<Employment>,
    /// Workplace.
    #[serde(skip)]
    pub workplace: Option<WorkplaceIx>,
    /// Preferences, sorted.
    #[serde(skip)]
    pub preferences: Vec<PrefIx>,
    /// Goal roles, sorted.
    #[serde(skip)]
    pub goals: Vec<RoleIx>,
}

impl Profile {
    /// Parses and checks a profile. On failure, returns every problem found (not just the first),
    /// each pointing at its place in `source`.
    pub fn parse(source: &SourceText, kb: &KnowledgeBase) -> Result<Profile, Vec<Diagnostic>> {
        // Most profiles are valid: read those without building any diagnostic machinery; the
        // checker below reads the rest and reports every problem.
        if let Some(profile) = fast::parse(&source.text, kb) {
            return Ok(profile);
        }
        Self::parse_checked(source, kb)
    }

    /// The one normal form both parsers give: phases and skills sorted by index (stably, so an
    /// id and its alias keep the order they were read in), certifications and preferences
    /// sorted without repeats, and the total years derived from the phases when the profile
    /// left them out.
    fn normalised(mut self, years_given: Option<f64>) -> Self {
        self.phases.sort_by_key(|(p, _)| *p);
        self.skills.sort_by_key(|(s, _)| *s);
        self.certifications.sort();
        self.certifications.dedup();
        self.preferences.sort();
        self.preferences.dedup();
        self.goals.sort();
        self.goals.dedup();
        self.years_experience =
            years_given.unwrap_or_else(|| self.phases.iter().map(|(_, y)| *y).fold(0.0, f64::max));
        self
    }

    /// [`Profile::parse`] without its fast path: the checker that reports every problem.
    fn parse_checked(source: &SourceText, kb: &KnowledgeBase) -> Result<Profile, Vec<Diagnostic>> {
        source.expect_object("profile", r#"{"skills": {"linux": 3}}"#)?;
        // Every value of the wrong type at once, with its pointer, before serde stops at the
        // first one (or reads a list as an object's fields).
        let wrong = crate::diagnostics::shape::problems(source, crate::schema::Kind::Profile);
        if !wrong.is_empty() {
            return Err(wrong);
        }
        let def: ProfileDef =
            serde_json::from_str(&source.text).map_err(|e| vec![source.parse_error(&e)])?;
        Checker::new(source, kb).check(def).map_err(|mut d| {
            crate::diagnostics::sort(&mut d);
            d
        })
    }
}

struct Checker<'a> {
    source: &'a SourceText,
    kb: &'a KnowledgeBase,
    problems: Vec<Diagnostic>,
    omitted: Omitted,
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

impl<'a> Checker<'a> {
    fn new(source: &'a SourceText, kb: &'a KnowledgeBase) -> Self {
        Self {
            source,
            kb,
            problems: Vec::new(),
            omitted: Omitted::default(),
        }
    }

    fn check(mut self, def: ProfileDef) -> Result<Profile, Vec<Diagnostic>> {
        let kb = self.kb;
        let current_role = def.current_role.as_deref().and_then(|id| {
            self.resolve(
                &kb.catalogs.roles,
                "role",
                "unknown-role",
                "/current_role",
                id,
                Target::Value,
            )
            .map(RoleIx)
        });
        let years_given = def
            .years_experience
            .and_then(|y| self.years("/years_experience", y));
        let mut phases = Vec::new();
        for (id, years) in &def.phases {
            let pointer = format!("/phases/{}", escape(id));
            let phase = self.resolve(
                &kb.catalogs.phases,
                "phase",
                "unknown-phase",
                &pointer,
                id,
                Target::Key,
            );
            let years = self.years(&pointer, *years);
            if let (Some(p), Some(y)) = (phase, years) {
                phases.push((PhaseIx(p), y));
            }
        }
        let mut skills = Vec::new();
        for (id, level) in &def.skills {
            let pointer = format!("/skills/{}", escape(id));
            let skill = self.resolve(
                &kb.catalogs.skills,
                "skill",
                "unknown-skill",
                &pointer,
                id,
                Target::Key,
            );
            let level = self.level(&pointer, *level);
            if let (Some(s), Some(l)) = (skill, level) {
                skills.push((SkillIx(s), l));
            }
        }
        let mut certifications = Vec::new();
        for (i, id) in def.certifications.iter().enumerate() {
            let pointer = format!("/certifications/{i}");
            if let Some(c) = self.resolve(
                &kb.catalogs.certifications,
                "certification",
                "unknown-certification",
                &pointer,
                id,
                Target::Value,
            ) {
                certifications.push(CertIx(c));
            }
        }
        let management = def.management.unwrap_or_default();
        let management_years = management
            .years
            .and_then(|y| self.years("/management/years", y))
            .unwrap_or(0.0);
        let team_size = management.team_size.and_then(|n| {
            self.integer(
                "/management/team_size",
                n,
                0.0,
                MAX_TEAM_SIZE,
                "team-size-out-of-range",
            )
        });
        let age = def
            .age
            .and_then(|a| self.number("/age", a, AGE_RANGE.0, AGE_RANGE.1, "age-out-of-range"));
        let employment = def.employment.as_deref().and_then(|e| match e {
            "employee" => Some(Employment::Employee),
            "freelance" => Some(Employment::Freelance),
            other => {
                let options = ["employee", "freelance"].map(|o| (o, o));
                let near = crate::diagnostics::nearest(other, options, 2);
                self.report(
                    Diagnostic::error(
                        "unknown-employment",
                        format!("unknown employment `{other}`: expected `employee` or `freelance`"),
                    ),
                    "/employment",
                    Target::Value,
                    did_you_mean(&near),
                );
                None
            }
        });
        let workplace = def.workplace.as_deref().and_then(|id| {
            self.resolve(
                &kb.catalogs.workplaces,
                "workplace",
                "unknown-workplace",
                "/workplace",
                id,
                Target::Value,
            )
            .map(WorkplaceIx)
        });
        let mut preferences = Vec::new();
        for (i, id) in def.preferences.iter().enumerate() {
            let pointer = format!("/preferences/{i}");
            if let Some(p) = self.resolve(
                &kb.catalogs.preferences,
                "preference",
                "unknown-preference",
                &pointer,
                id,
                Target::Value,
            ) {
                preferences.push(PrefIx(p));
            }
        }
        let mut goals = Vec::new();
        for (i, id) in def.goals.iter().enumerate() {
            let pointer = format!("/goals/{i}");
            if let Some(r) = self.resolve(
                &kb.catalogs.roles,
                "role",
                "unknown-role",
                &pointer,
                id,
                Target::Value,
            ) {
                goals.push(RoleIx(r));
            }
        }
        if !self.problems.is_empty() {
            self.problems.extend(self.omitted.note());
            return Err(self.problems);
        }
        Ok(Profile {
            name: def.name,
            current_role,
            years_experience: 0.0,
            phases,
            skills,
            certifications,
            management_years,
            team_size: team_size.map_or(0, |n| n as u32),
            age,
            employment,
            workplace,
            preferences,
            goals,
        }
        .normalised(years_given))
    }

    /// Whether the next problem will only be counted (so it need not be located or explained).
    fn full(&self) -> bool {
        self.problems.len() >= MAX_DIAGNOSTICS
    }

    fn report(&mut self, d: Diagnostic, pointer: &str, target: Target, help: Option<String>) {
        if self.full() {
            self.omitted.count(d.severity);
            return;
        }
        self.problems
            .push(d.at(self.source, pointer, target).with_help(help));
    }

    fn resolve(
        &mut self,
        catalog: &Catalog,
        kind: &'static str,
        code: &'static str,
        pointer: &str,
        id: &str,
        target: Target,
    ) -> Option<usize> {
        if let Some(i) = catalog.find(id) {
            return Some(i);
        }
        if self.full() {
            self.omitted.count(Severity::Error);
            return None;
        }
        let help = did_you_mean(&catalog.suggest(id));
        self.report(
            Diagnostic::error(code, format!("unknown {kind} `{id}`")),
            pointer,
            target,
            help,
        );
        None
    }

    fn number(
        &mut self,
        pointer: &str,
        x: f64,
        lo: f64,
        hi: f64,
        code: &'static str,
    ) -> Option<f64> {
        if x.is_finite() && (lo..=hi).contains(&x) {
            return Some(x);
        }
        let closest = if x < lo { lo } else { hi };
        self.report(
            Diagnostic::error(code, format!("{x} is out of range: expected {lo} to {hi}")),
            pointer,
            Target::Value,
            Some(format!("the closest valid value is {closest}")),
        );
        None
    }

    fn integer(
        &mut self,
        pointer: &str,
        x: f64,
        lo: f64,
        hi: f64,
        code: &'static str,
    ) -> Option<f64> {
        let n = self.number(pointer, x, lo, hi, code)?;
        if n.fract() == 0.0 {
            return Some(n);
        }
        self.report(
            Diagnostic::error(code, format!("{x} is not a whole number")),
            pointer,
            Target::Value,
            Some(format!("the closest valid value is {}", n.round())),
        );
        None
    }

    fn years(&mut self, pointer: &str, y: f64) -> Option<f64> {
        self.number(pointer, y, 0.0, MAX_YEARS, "years-out-of-range")
    }

    fn level(&mut self, pointer: &str, l: f64) -> Option<u8> {
        self.integer(pointer, l, 0.0, 5.0, "level-out-of-range")
            .map(|n| n as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::tiny;

    fn errors(json: &str) -> Vec<Diagnostic> {
        match Profile::parse(&SourceText::new("p.json", json), &tiny()) {
            Ok(_) => panic!("expected errors for {json}"),
            Err(e) => e,
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_place_and_nearest_id() {
        let json = "{\n  \"current_role\": \"netop\",\n  \"skills\": {\"linuxx\": 2, \"cloud\": 7},\n  \"certifications\": [\"net-c\"],\n  \"phases\": {\"operations\": -1}\n}";
        let e = errors(json);
        let codes: Vec<&str> = e.iter().map(|d| d.code).collect();
        // sorted by position in the file
        assert_eq!(
            codes,
            [
                "unknown-role",
                "unknown-skill",
                "level-out-of-range",
                "unknown-certification",
                "years-out-of-range"
            ]
        );
        let role = &e[0];
        assert_eq!((role.line, role.column), (Some(2), Some(19)));
        assert_eq!(role.pointer, "/current_role");
        assert_eq!(
            role.help.as_deref(),
            Some("did you mean `netops`, `dev` or `ops`?")
        );
        let skill = &e[1];
        assert_eq!(skill.pointer, "/skills/linuxx");
        assert_eq!((skill.line, skill.column), (Some(3), Some(14)));
        assert!(
            skill
                .help
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean `linux`"))
        );
        assert_eq!(e[2].help.as_deref(), Some("the closest valid value is 5"));
        assert_eq!(e[4].help.as_deref(), Some("the closest valid value is 0"));
    }

    #[test]
    fn levels_must_be_whole_numbers() {
        let e = errors(r#"{"skills": {"linux": 2.5}}"#);
        assert_eq!(e[0].code, "level-out-of-range");
        assert!(e[0].message.contains("not a whole number"));
    }

    #[test]
    fn wrong_types_unknown_fields_and_bad_json_point_at_line_and_column() {
        let e = errors("{\"skills\": {\"linux\": \"3\"}}");
        assert_eq!(e[0].code, "invalid-value");
        assert!(
            e[0].message.contains("expected a skill level"),
            "{}",
            e[0].message
        );
        let e = errors("{\"skills\": {}, \"skils\": {}}");
        assert!(e[0].message.contains("unknown field `skils`"));
        let e = errors("{\n  \"skills\": {\n");
        assert_eq!(e[0].code, "malformed-json");
        // serde says line 3, past the last line; the caret goes just after the last character.
        assert_eq!((e[0].line, e[0].column), (Some(2), Some(14)));
        let e = errors("{}");
        assert!(e[0].message.contains("missing field `skills`"));
    }

    #[test]
    fn duplicate_keys_are_refused_not_silently_merged() {
        let e = errors(r#"{"skills": {"linux": 2, "linux": 3}}"#);
        assert!(
            e[0].message.contains("duplicate key `linux`"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn aliases_resolve_and_total_years_default_to_the_longest_phase() {
        let kb = tiny();
        let p = Profile::parse(
            &SourceText::new(
                "p",
                r#"{"skills": {"network": 2}, "phases": {"operations": 2, "basic-design": 1}}"#,
            ),
            &kb,
        )
        .expect("valid");
        assert_eq!(p.skills.len(), 1);
        assert_eq!(kb.skill(p.skills[0].0).id, "networking");
        assert_eq!(p.years_experience, 2.0);
    }

    #[test]
    fn ranges_of_age_team_size_and_employment() {
        let e = errors(
            r#"{"skills": {}, "age": 7, "management": {"team_size": 1.5}, "employment": "freelancer"}"#,
        );
        let codes: Vec<&str> = e.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [
                "age-out-of-range",
                "team-size-out-of-range",
                "unknown-employment"
            ]
        );
        assert_eq!(
            e[2].help.as_deref(),
            Some("did you mean `freelance` or `employee`?")
        );
    }
}
