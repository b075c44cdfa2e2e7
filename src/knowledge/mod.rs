//! The knowledge base: skills, roles, certifications, transitions and rules of thumb.
//!
//! It is read from JSON files (see `rules/README.md`): the shipped ones are compiled into the
//! binary ([`KnowledgeBase::builtin`]); [`KnowledgeBase::load_dir`] reads another directory.
//! Loading checks everything and refuses a knowledge base with errors, so the engine never runs on
//! a half-understood rule file.

pub mod catalog;
mod checks;
mod compile;
pub mod format;
pub mod index;
pub mod ladder;
pub mod market;
mod market_format;
pub mod model;
#[cfg(test)]
mod registry_tests;

use std::path::Path;

use crate::diagnostics::{Diagnostic, SourceText};
use crate::error::Error;
use catalog::Catalog;
pub use compile::compile_postings;
use model::*;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// Largest rule file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The ids of each kind of entity (with aliases), for lookups and suggestions.
#[derive(Debug, Clone, Default)]
pub struct Catalogs {
    /// Skills.
    pub skills: Catalog,
    /// Skill families.
    pub skill_families: Catalog,
    /// Work styles.
    pub work_styles: Catalog,
    /// Roles.
    pub roles: Catalog,
    /// Certifications.
    pub certifications: Catalog,
    /// Phases.
    pub phases: Catalog,
    /// Workplaces.
    pub workplaces: Catalog,
    /// Preferences.
    pub preferences: Catalog,
    /// Families.
    pub families: Catalog,
    /// Surveys.
    pub surveys: Catalog,
    /// The source registry (ids, titles and addresses, for suggestions).
    pub sources: Catalog,
}

/// What a requirement measures in one profile (see [`KnowledgeBase::counted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// The skill that counts: the requirement's skill, or the member of its family measured.
    pub skill: SkillIx,
    /// The level shown.
    pub have: u8,
    /// The level shown by hands-on work.
    pub practised: u8,
}

/// A compiled, checked knowledge base. Every list is sorted by id.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    /// Skills.
    pub skills: Vec<Skill>,
    /// Skill families: skills a requirement may accept any of, sorted by id.
    pub skill_families: Vec<SkillFamily>,
    /// Work styles: how roles are commonly held, sorted by id.
    pub work_styles: Vec<WorkStyle>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Certifications.
    pub certifications: Vec<Certification>,
    /// Transitions, sorted by (from, to).
    pub transitions: Vec<Transition>,
    /// Rules of thumb.
    pub rules: Vec<Rule>,
    /// Work phases.
    pub phases: Vec<Phase>,
    /// Workplaces.
    pub workplaces: Vec<Vocab>,
    /// Preferences.
    pub preferences: Vec<Vocab>,
    /// Role families.
    pub families: Vec<Vocab>,
    /// The surveys income figures come from, sorted by id.
    pub surveys: Vec<Vocab>,
    /// Scoring parameters.
    pub scoring: Scoring,
    /// The income model, when a file sets one.
    pub income_model: Option<market::IncomeModel>,
    /// The shipped job postings, sorted by id.
    pub postings: Vec<market::Posting>,
    /// The source registry, sorted by id: every `source` field is one of its ids. Empty, with
    /// [`KnowledgeBase::has_registry`] false, when no file declares `sources` (an older
    /// knowledge base whose sources are free text).
    pub sources: Vec<Source>,
    /// Whether a file declares the source registry (`sources`).
    pub has_registry: bool,
    /// Id lookups.
    pub catalogs: Catalogs,
    /// The files it was read from.
    pub files: Vec<String>,
    /// Transitions and rules by role, built when the base is compiled.
    pub index: index::Index,
}

/// What checking a knowledge base found: the compiled base when there was no error, and every
/// diagnostic (errors and warnings), sorted by file, line and column.
#[derive(Debug, Clone)]
pub struct Validation {
    /// The knowledge base, when no error was found.
    pub knowledge_base: Option<KnowledgeBase>,
    /// Every error and warning.
    pub diagnostics: Vec<Diagnostic>,
}

impl Validation {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

impl KnowledgeBase {
    /// The knowledge base shipped inside the binary.
    ///
    /// Compiled without the whole-base checks of [`validate`] (about a tenth of the load): CI
    /// runs `careergraph validate --deny-warnings` on the shipped files, and the tests
    /// `the_shipped_knowledge_base_validates_without_warnings` and
    /// `builtin_skips_only_checks_that_find_nothing` keep them free of errors and warnings. Bases
    /// read with [`KnowledgeBase::load_dir`] (`--rules DIR`) are always checked in full.
    pub fn builtin() -> Result<Self, Error> {
        // Straight from the embedded text; should that ever fail, compile again from copies of
        // it, to report every error with its position.
        match compile::compile_quietly(embedded::FILES) {
            Some(kb) => Ok(kb),
            None => Self::compiled_only(builtin_sources()),
        }
    }

    /// Compiles files already read (every reference resolved, every number checked) without the
    /// whole-base checks; fails with every error found.
    fn compiled_only(sources: Vec<SourceText>) -> Result<Self, Error> {
        let (compiled, mut diagnostics) = compile::compile(&sources);
        diagnostics.retain(Diagnostic::is_error);
        match compiled {
            Some((kb, _)) if diagnostics.is_empty() => Ok(kb),
            _ => {
                crate::diagnostics::sort(&mut diagnostics);
                Err(Error::Diagnostics(diagnostics))
            }
        }
    }

    /// Reads and checks every `*.json` file of a directory.
    pub fn load_dir(dir: &Path) -> Result<Self, Error> {
        Self::from_sources(read_dir_sources(dir)?)
    }

    /// Checks and compiles files already read; fails with every error found.
    pub fn from_sources(sources: Vec<SourceText>) -> Result<Self, Error> {
        // Loading needs the errors only: the checks' warnings are neither located nor kept.
        let v = check_sources(sources, false);
        match v.knowledge_base {
            Some(kb) => Ok(kb),
            None => Err(Error::Diagnostics(
                v.diagnostics
                    .into_iter()
                    .filter(Diagnostic::is_error)
                    .collect(),
            )),
        }
    }

    /// A skill.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn skill(&self, ix: SkillIx) -> &Skill {
        &self.skills[ix.0]
    }
    /// A skill family.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn skill_family(&self, ix: SkillFamilyIx) -> &SkillFamily {
        &self.skill_families[ix.0]
    }
    /// A work style.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn work_style(&self, ix: WorkStyleIx) -> &WorkStyle {
        &self.work_styles[ix.0]
    }
    /// A role.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn role(&self, ix: RoleIx) -> &Role {
        &self.roles[ix.0]
    }
    /// A certification.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn certification(&self, ix: CertIx) -> &Certification {
        &self.certifications[ix.0]
    }
    /// A phase.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn phase(&self, ix: PhaseIx) -> &Phase {
        &self.phases[ix.0]
    }
    /// A preference.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn preference(&self, ix: PrefIx) -> &Vocab {
        &self.preferences[ix.0]
    }
    /// A workplace.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn workplace(&self, ix: WorkplaceIx) -> &Vocab {
        &self.workplaces[ix.0]
    }
    /// A family.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn family(&self, ix: FamilyIx) -> &Vocab {
        &self.families[ix.0]
    }
    /// A transition.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn transition(&self, ix: TransitionIx) -> &Transition {
        &self.transitions[ix.0]
    }
    /// A rule.
    #[allow(
        clippy::indexing_slicing,
        reason = "index newtypes are only made by compiling this knowledge base"
    )]
    pub fn rule(&self, ix: RuleIx) -> &Rule {
        &self.rules[ix.0]
    }

    /// Finds a role by id or alias.
    pub fn find_role(&self, id: &str) -> Option<RoleIx> {
        self.catalogs.roles.find(id).map(RoleIx)
    }

    /// Finds a skill by id or alias.
    pub fn find_skill(&self, id: &str) -> Option<SkillIx> {
        self.catalogs.skills.find(id).map(SkillIx)
    }

    /// Finds a skill family by id.
    pub fn find_skill_family(&self, id: &str) -> Option<SkillFamilyIx> {
        self.catalogs.skill_families.find(id).map(SkillFamilyIx)
    }

    /// What a requirement measures in a profile whose levels are `level` (shown, certification
    /// evidence included) and `practised` (hands-on): the skill that counts and the two levels.
    ///
    /// For a skill, the skill itself. For a family requirement (`any_of`), the `rank`-th best
    /// member (by level shown, then hands-on level, then the family's order): its level is the
    /// `rank`-th largest level shown among the members, and the hands-on level the `rank`-th
    /// largest hands-on level, each on its own. Both are order statistics, so gaining a level
    /// in any member never lowers either: fits stay monotone.
    pub fn counted(
        &self,
        q: &Requirement,
        level: impl Fn(SkillIx) -> u8,
        practised: impl Fn(SkillIx) -> u8,
    ) -> Counted {
        let Some(any) = q.any_of else {
            return Counted {
                skill: q.skill,
                have: level(q.skill),
                practised: practised(q.skill),
            };
        };
        let members = &self.skill_family(any.family).members;
        let k = usize::from(any.rank.max(1)) - 1;
        let mut ranked: Vec<(usize, SkillIx, u8, u8)> = members
            .iter()
            .enumerate()
            .map(|(i, m)| (i, *m, level(*m), practised(*m)))
            .collect();
        ranked.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then(a.0.cmp(&b.0)));
        let mut hands_on: Vec<u8> = ranked.iter().map(|r| r.3).collect();
        hands_on.sort_unstable_by(|a, b| b.cmp(a));
        match ranked.get(k) {
            Some(&(_, skill, have, _)) => Counted {
                skill,
                have,
                practised: hands_on.get(k).copied().unwrap_or(0),
            },
            None => Counted {
                skill: q.skill,
                have: 0,
                practised: 0,
            },
        }
    }

    /// [`KnowledgeBase::counted`] for a profile's facts.
    pub fn counted_in(&self, q: &Requirement, facts: &crate::profile::Facts) -> Counted {
        self.counted(q, |s| facts.level(s), |s| facts.practised_level(s))
    }

    /// Whether a requirement counts a skill: the skill itself, or a member of its family.
    pub fn requirement_counts(&self, q: &Requirement, skill: SkillIx) -> bool {
        match q.any_of {
            None => q.skill == skill,
            Some(a) => self.skill_family(a.family).members.contains(&skill),
        }
    }

    /// Finds a certification by id or alias.
    pub fn find_cert(&self, id: &str) -> Option<CertIx> {
        self.catalogs.certifications.find(id).map(CertIx)
    }

    /// Finds a phase by id or alias.
    pub fn find_phase(&self, id: &str) -> Option<PhaseIx> {
        self.catalogs.phases.find(id).map(PhaseIx)
    }

    /// Finds a role by id or alias, or fails naming the nearest ids.
    pub fn require_role(&self, id: &str, flag: &str) -> Result<RoleIx, Error> {
        self.find_role(id).ok_or_else(|| {
            Error::Diagnostics(vec![
                Diagnostic::error("unknown-role", format!("unknown role `{id}` in {flag}"))
                    .with_help(crate::diagnostics::did_you_mean(
                        &self.catalogs.roles.suggest(id),
                    )),
            ])
        })
    }

    /// Transitions leaving a role, sorted by target id.
    /// The transition from one role to another, if there is one.
    pub fn transition_between(&self, from: RoleIx, to: RoleIx) -> Option<TransitionIx> {
        self.outgoing(from)
            .find(|(_, t)| t.to == to)
            .map(|(i, _)| i)
    }

    /// The certification ladder: how many formal prerequisites each certification has.
    pub fn ladder(&self) -> &ladder::Ladder {
        self.index.ladder()
    }

    /// The formal prerequisites of a certification, transitively, sorted; `None` when it has
    /// more than [`ladder::MAX_PREREQUISITES`] (it is never planned) or is on a circle.
    pub fn prerequisites_of(&self, c: CertIx) -> Option<&[CertIx]> {
        self.ladder().prerequisites(c)
    }

    /// The transitions leaving a role.
    pub fn outgoing(&self, from: RoleIx) -> impl Iterator<Item = (TransitionIx, &Transition)> {
        let range = self.index.outgoing(from);
        let start = range.start;
        self.transitions
            .get(range)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(move |(i, t)| (TransitionIx(start + i), t))
    }

    /// The roles of a role's family with a higher seniority, highest first.
    pub fn roles_above(&self, role: RoleIx) -> &[RoleIx] {
        self.index.above(role)
    }

    /// The job a role belongs to: the role it is a classification of (or itself), then that
    /// job's classifications.
    pub fn job_of(&self, role: RoleIx) -> &[RoleIx] {
        self.index.job(role)
    }

    /// Rules with the effects that concern a role.
    pub fn rules_for(&self, role: RoleIx) -> impl Iterator<Item = (RuleIx, &Rule)> {
        self.index
            .rules_for(role)
            .iter()
            .filter_map(|&i| self.rules.get(i.0).map(|r| (i, r)))
    }

    /// Rules with general effects (notes and certifications not tied to a role).
    pub fn general_rules(&self) -> impl Iterator<Item = (RuleIx, &Rule)> {
        self.index
            .general()
            .iter()
            .filter_map(|&i| self.rules.get(i.0).map(|r| (i, r)))
    }

    /// The role's headline income for an employment type (see [`KnowledgeBase::headline`]),
    /// borrowed or its own.
    pub fn headline_income(&self, role: RoleIx, employment: format::Employment) -> Option<&Income> {
        self.headline(role, employment).map(|h| h.income)
    }

    /// The role's headline figure for an employment type: its own figure (no condition, no age
    /// band) from the first of the income model's `headline_surveys` that has one; else the
    /// figure a declared proxy borrows; else its first own figure of any survey.
    pub fn headline(&self, role: RoleIx, employment: format::Employment) -> Option<Headline<'_>> {
        if let Some(cached) = self.index.headline(role, employment) {
            let (owner, income, proxy) = cached?;
            return Some(Headline {
                income: self.role(owner).incomes.get(income)?,
                proxy: match proxy {
                    Some(p) => Some(self.income_model.as_ref()?.proxies.get(p)?),
                    None => None,
                },
            });
        }
        self.find_headline(role, employment)
    }

    /// [`KnowledgeBase::headline`] without the index's cache (which is built from it).
    fn find_headline(&self, role: RoleIx, employment: format::Employment) -> Option<Headline<'_>> {
        let model = self.income_model.as_ref();
        for survey in model.map_or(&[][..], |m| m.headline_surveys.as_slice()) {
            if let Some(income) = self
                .comparable_figures(role, employment)
                .find(|i| i.survey == *survey)
            {
                return Some(Headline {
                    income,
                    proxy: None,
                });
            }
        }
        if let Some(p) = model.and_then(|m| m.proxy(role, employment))
            && let Some(income) = self
                .comparable_figures(p.uses, employment)
                .find(|i| i.survey == p.survey)
        {
            return Some(Headline {
                income,
                proxy: Some(p),
            });
        }
        self.comparable_figures(role, employment)
            .next()
            .map(|income| Headline {
                income,
                proxy: None,
            })
    }

    /// Every role's headlines as positions (owner role, income, proxy), for the index's cache.
    pub(crate) fn headline_positions(&self) -> Vec<[index::HeadlineAt; 2]> {
        use format::Employment::{Employee, Freelance};
        (0..self.roles.len())
            .map(RoleIx)
            .map(|r| {
                [Employee, Freelance].map(|e| {
                    self.find_headline(r, e).and_then(|h| {
                        let owner = h.proxy.map_or(r, |p| p.uses);
                        let income = self
                            .role(owner)
                            .incomes
                            .iter()
                            .position(|i| std::ptr::eq(i, h.income))?;
                        let proxy = match h.proxy {
                            Some(p) => Some(
                                self.income_model
                                    .as_ref()?
                                    .proxies
                                    .iter()
                                    .position(|q| std::ptr::eq(q, p))?,
                            ),
                            None => None,
                        };
                        Some((owner, income, proxy))
                    })
                })
            })
            .collect()
    }

    /// The role's own figures of an employment type that can be compared with another role's:
    /// those without condition or age band, with a number, in authored order.
    pub fn comparable_figures(
        &self,
        role: RoleIx,
        employment: format::Employment,
    ) -> impl Iterator<Item = &Income> {
        self.role(role).incomes.iter().filter(move |i| {
            i.employment == employment && i.is_headline_candidate() && i.yearly_point().is_some()
        })
    }

    /// The registry entry a `source` field names, if it names one.
    pub fn source(&self, id: &str) -> Option<&Source> {
        find_source(&self.sources, id)
    }

    /// A survey by id.
    pub fn survey(&self, id: &str) -> Option<&Vocab> {
        self.catalogs
            .surveys
            .find(id)
            .and_then(|i| self.surveys.get(i))
    }
}

/// The entry of a registry sorted by id (as [`KnowledgeBase::sources`] is) with this id.
pub fn find_source<'a>(registry: &'a [Source], id: &str) -> Option<&'a Source> {
    registry
        .binary_search_by(|s| s.id.as_str().cmp(id))
        .ok()
        .and_then(|i| registry.get(i))
}

/// A role's headline figure, and the proxy it is borrowed through, if it is.
#[derive(Debug, Clone, Copy)]
pub struct Headline<'a> {
    /// The figure.
    pub income: &'a Income,
    /// When the role has no figure of its own that heads: the proxy lending this one.
    pub proxy: Option<&'a market::Proxy>,
}

/// Checks files already read: every error and warning, and the compiled base if no error.
pub fn validate(sources: Vec<SourceText>) -> Validation {
    check_sources(sources, true)
}

/// [`validate`], with the checks' warnings or without them.
fn check_sources(sources: Vec<SourceText>, warnings: bool) -> Validation {
    let (compiled, mut diagnostics) = compile::compile(&sources);
    let knowledge_base = compiled.and_then(|(kb, origins)| {
        diagnostics.extend(checks::check(&kb, &origins, &sources, warnings));
        if diagnostics.iter().any(Diagnostic::is_error) {
            None
        } else {
            Some(kb)
        }
    });
    crate::diagnostics::sort(&mut diagnostics);
    Validation {
        knowledge_base,
        diagnostics,
    }
}

/// The shipped rule files.
pub fn builtin_sources() -> Vec<SourceText> {
    embedded::FILES
        .iter()
        .map(|(name, text)| SourceText::new(*name, *text))
        .collect()
}

/// Reads every `*.json` file of a directory, sorted by name.
pub fn read_dir_sources(dir: &Path) -> Result<Vec<SourceText>, Error> {
    let io = |e: std::io::Error| Error::Io {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: dir.display().to_string(),
            message: "not a directory (--rules takes a directory of *.json rule files)".into(),
        });
    }
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.is_dir())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::Io {
            path: dir.display().to_string(),
            message: "holds no *.json rule files".into(),
        });
    }
    // A FIFO, socket or device named `*.json` would block the read (or never end): only a
    // regular file (or a link to one) found by listing is read.
    if let Some(p) = paths
        .iter()
        .find(|p| !std::fs::metadata(p).is_ok_and(|m| m.is_file()))
    {
        return Err(Error::Io {
            path: p.display().to_string(),
            message: "is not a regular file (a FIFO, socket or device?): every *.json in a \
                      --rules directory must be a rule file"
                .into(),
        });
    }
    paths
        .iter()
        .map(|p| {
            crate::error::read_text(p, MAX_FILE_BYTES)
                .map(|t| SourceText::new(p.display().to_string(), t))
        })
        .collect()
}

/// Whether `source` names the registry entry whose address contains `address`, for unit tests of
/// the shipped knowledge base that check where a fact comes from, whatever the entry's id.
#[cfg(test)]
pub(crate) fn cites(kb: &KnowledgeBase, source: &str, address: &str) -> bool {
    kb.source(source).is_some_and(|s| s.url.contains(address))
}

/// The address of the Levtech article (seed) on infra and development engineers.
#[cfg(test)]
pub(crate) const LEVTECH_SEED: &str = "freelance.levtech.jp/guide/detail/1331";

/// The tiny knowledge base of `tests/fixtures/kb-min`, for unit tests.
#[cfg(test)]
pub(crate) fn tiny() -> KnowledgeBase {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kb-min");
    match KnowledgeBase::load_dir(&dir) {
        Ok(kb) => kb,
        Err(e) => panic!("fixture kb-min does not load:\n{e}"),
    }
}

#[cfg(test)]
mod tests {
    /// Compiling the embedded text in place gives the base compiling copies of it gives, and
    /// gives nothing (so the copies are compiled, and errors reported) for a bad file.
    #[test]
    fn compiling_in_place_or_from_copies() {
        let files = [
            ("a.json", r#"{"skills": [{"id": "x"#),
            ("b.json", r#"{"skils": []}"#),
        ];
        for bad in files {
            assert!(super::compile::compile_quietly(&[bad]).is_none());
        }
        assert!(super::compile::compile_quietly(&[]).is_none());
        let Some(mut quiet) = super::compile::compile_quietly(super::embedded::FILES) else {
            panic!("the shipped files compile")
        };
        let Some((mut loud, _)) = super::compile::compile(&super::builtin_sources()).0 else {
            panic!("the shipped files compile")
        };
        quiet.catalogs = Default::default();
        loud.catalogs = Default::default();
        assert_eq!(format!("{quiet:?}"), format!("{loud:?}"));
    }

    /// The builtin base skips the whole-base checks: they must find nothing in it, and the
    /// compiled base must be the one `validate` gives.
    #[test]
    fn builtin_skips_only_checks_that_find_nothing() {
        let v = super::validate(super::builtin_sources());
        assert!(
            v.diagnostics.is_empty(),
            "{}",
            crate::diagnostics::render(&v.diagnostics, false)
        );
        let (mut checked, mut builtin) = match (v.knowledge_base, super::KnowledgeBase::builtin()) {
            (Some(a), Ok(b)) => (a, b),
            _ => panic!("the shipped knowledge base does not load"),
        };
        for r in &checked.roles {
            assert_eq!(checked.find_role(&r.id), builtin.find_role(&r.id));
        }
        for s in &checked.skills {
            assert_eq!(checked.find_skill(&s.id), builtin.find_skill(&s.id));
        }
        // The catalogs' hash maps print in no fixed order; everything else must be the same.
        checked.catalogs = Default::default();
        builtin.catalogs = Default::default();
        assert_eq!(format!("{checked:?}"), format!("{builtin:?}"));
    }

    /// Every shipped file parses into the file format (cross-file checks live in `validate`).
    #[test]
    fn shipped_files_parse() {
        let sources = super::builtin_sources();
        assert!(!sources.is_empty());
        for s in sources {
            if let Err(e) = serde_json::from_str::<super::format::RuleFile>(&s.text) {
                panic!("{}: {e}", s.name);
            }
        }
    }
}
