//! [`Engine`]: the knowledge base and its career graph, with one method per question a user asks.

use std::path::Path;

use crate::Error;
use crate::diagnostics::SourceText;
use crate::graph::CareerGraph;
use crate::income::{IncomeOutlook, Jobs, RateReport};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::market::Posting;
use crate::planning::routes::PathsReport;
use crate::planning::{self, GapReport};
use crate::profile::{Assumption, Profile};
use crate::recommend::{self, Recommendations};
use crate::scoring::{self, RoleFit};
use crate::whatif::{self, Compared, GapChanges, PathsChanges, RecommendChanges, WhatIf};

/// The engine: a checked knowledge base and its career graph, built once and queried many times.
///
/// ```
/// use careergraph::Engine;
///
/// let engine = Engine::builtin()?;
/// let profile = engine.profile_from_str(
///     "example.json",
///     r#"{"current_role": "infra-engineer", "years_experience": 4,
///         "skills": {"linux": 3, "tcp-ip": 3}, "certifications": ["ccna"]}"#,
/// )?;
/// let result = engine.recommend(&profile, Default::default());
/// assert!(!result.recommendations.is_empty());
/// let gaps = engine.gaps(&profile, "sre")?;
/// assert_eq!(gaps.target, "sre");
/// # Ok::<(), careergraph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    kb: KnowledgeBase,
    graph: CareerGraph,
}

impl Engine {
    /// An engine over a compiled knowledge base.
    pub fn new(kb: KnowledgeBase) -> Self {
        let graph = CareerGraph::new(&kb);
        Self { kb, graph }
    }

    /// An engine over the knowledge base shipped inside the binary.
    pub fn builtin() -> Result<Self, Error> {
        KnowledgeBase::builtin().map(Self::new)
    }

    /// An engine over the rule files of a directory (checked first).
    pub fn load_dir(dir: &Path) -> Result<Self, Error> {
        KnowledgeBase::load_dir(dir).map(Self::new)
    }

    /// The knowledge base.
    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The career graph.
    pub fn graph(&self) -> &CareerGraph {
        &self.graph
    }

    /// Parses and checks a profile; errors point into `source`.
    pub fn profile(&self, source: &SourceText) -> Result<Profile, Error> {
        Profile::parse(source, &self.kb).map_err(Error::Diagnostics)
    }

    /// Parses and checks a profile given as text; `name` is shown in errors.
    pub fn profile_from_str(&self, name: &str, text: &str) -> Result<Profile, Error> {
        self.profile(&SourceText::new(name, text))
    }

    /// The fit of the profile to every role, in role id order, with every term of each score.
    pub fn score_all(&self, profile: &Profile) -> Vec<RoleFit> {
        let facts = crate::profile::Facts::new(profile, &self.kb);
        scoring::score_all(&self.kb, &facts)
    }

    /// The next roles for the profile, best first.
    pub fn recommend(&self, profile: &Profile, options: recommend::Options) -> Recommendations {
        recommend::recommend(&self.kb, &self.graph, profile, options)
    }

    /// The next roles for the profile, ranked as by [`Engine::recommend`] but not explained:
    /// role, score, fit, readiness, months to ready and essential skill gaps.
    pub fn recommend_brief(
        &self,
        profile: &Profile,
        options: recommend::Options,
    ) -> recommend::brief::Brief<'_> {
        recommend::brief::brief(&self.kb, &self.graph, profile, options)
    }

    /// What stands between the profile and a role (by id or alias).
    pub fn gaps(&self, profile: &Profile, target: &str) -> Result<GapReport, Error> {
        let role = self.kb.require_role(target, "--target")?;
        Ok(planning::gaps(&self.kb, &self.graph, profile, role))
    }

    /// Every term of a role's fit for the profile and every rule about the role, matched or not.
    pub fn explain(
        &self,
        profile: &Profile,
        role: &str,
    ) -> Result<crate::explain::Explanation, Error> {
        let role = self.kb.require_role(role, "--role")?;
        Ok(crate::explain::explain(
            &self.kb,
            &self.graph,
            profile,
            role,
        ))
    }

    /// Where one can go from a role within `max_steps` steps, by the best route to each role;
    /// with a profile, priced for that person.
    pub fn destinations(
        &self,
        from: &str,
        max_steps: usize,
        profile: Option<&Profile>,
    ) -> Result<PathsReport, Error> {
        let a = self.kb.require_role(from, "--from")?;
        planning::routes::destinations(&self.kb, &self.graph, a, max_steps, profile)
    }

    /// `recommend` before and after hypothetical facts.
    pub fn recommend_assuming(
        &self,
        profile: &Profile,
        options: recommend::Options,
        assumptions: &[Assumption],
    ) -> Compared<Recommendations, RecommendChanges> {
        // Compare the whole lists, so a role entering or leaving the top is compared with its
        // real score, then keep the top.
        let all = recommend::Options {
            top: None,
            ..options
        };
        let mut before = self.recommend(profile, all);
        let mut after = self.recommend(&profile.assuming(assumptions), all);
        let mut changes = whatif::recommend::compare(&before, &after);
        if let Some(top) = options.top {
            changes.roles.retain(|r| {
                r.rank_after.is_some_and(|n| n <= top) || r.rank_before.is_some_and(|n| n <= top)
            });
            before.recommendations.truncate(top);
            after.recommendations.truncate(top);
        }
        Compared {
            what_if: WhatIf {
                assumptions: texts(assumptions),
                changes,
                before,
            },
            after,
        }
    }

    /// `gaps` before and after hypothetical facts.
    pub fn gaps_assuming(
        &self,
        profile: &Profile,
        target: &str,
        assumptions: &[Assumption],
    ) -> Result<Compared<GapReport, GapChanges>, Error> {
        let before = self.gaps(profile, target)?;
        let after = self.gaps(&profile.assuming(assumptions), target)?;
        Ok(Compared {
            what_if: WhatIf {
                assumptions: texts(assumptions),
                changes: whatif::gaps::compare(&before, &after),
                before,
            },
            after,
        })
    }

    /// `paths` for a profile before and after hypothetical facts.
    pub fn paths_assuming(
        &self,
        from: &str,
        to: &str,
        k: usize,
        profile: &Profile,
        assumptions: &[Assumption],
    ) -> Result<Compared<PathsReport, PathsChanges>, Error> {
        let before = self.paths(from, to, k, Some(profile))?;
        let after = self.paths(from, to, k, Some(&profile.assuming(assumptions)))?;
        let changes = whatif::paths::compare(&before, &after, |roles| {
            planning::routes::price_roles(&self.kb, roles, profile)
        });
        Ok(Compared {
            what_if: WhatIf {
                assumptions: texts(assumptions),
                changes,
                before,
            },
            after,
        })
    }

    /// The `k` cheapest routes between two roles; with a profile, priced for that person.
    pub fn paths(
        &self,
        from: &str,
        to: &str,
        k: usize,
        profile: Option<&Profile>,
    ) -> Result<PathsReport, Error> {
        let a = self.kb.require_role(from, "--from")?;
        let b = self.kb.require_role(to, "--to")?;
        planning::routes::paths(&self.kb, &self.graph, a, b, k, profile)
    }

    /// Income estimates for the profile's current role and its `top` recommended roles.
    pub fn income(&self, profile: &Profile, top: usize) -> IncomeOutlook {
        crate::income::for_profile(&self.kb, &self.graph, profile, top)
    }

    /// The profile's freelance monthly rate in its current role or, without one, in its best
    /// recommended role.
    pub fn rate(&self, profile: &Profile) -> Result<RateReport, Error> {
        let role = match profile.current_role {
            Some(r) => r,
            None => {
                let recs = self.recommend(profile, recommend::Options::default());
                recs.recommendations
                    .first()
                    .and_then(|r| self.kb.find_role(&r.role))
                    .ok_or_else(|| Error::Io {
                        path: "the profile".into(),
                        message: "has no current role and no recommended role to price".into(),
                    })?
            }
        };
        let facts = crate::profile::Facts::new(profile, &self.kb);
        Ok(crate::income::rate(
            &self.kb,
            &facts,
            role,
            profile.name.clone(),
        ))
    }

    /// Reads a file of postings (`{"postings": [...]}`), checking every id against the
    /// knowledge base; errors point into `source`.
    pub fn postings(&self, source: &SourceText) -> Result<Vec<Posting>, Error> {
        crate::knowledge::compile_postings(source, &self.kb.catalogs).map_err(Error::Diagnostics)
    }

    /// Ranks postings (the shipped ones when `postings` is `None`) by the profile's fit; keeps
    /// the best `top`.
    pub fn jobs(
        &self,
        profile: &Profile,
        postings: Option<(&str, &[Posting])>,
        top: usize,
    ) -> Jobs {
        let (from, list) = postings.unwrap_or((crate::income::jobs::SHIPPED, &self.kb.postings));
        let facts = crate::profile::Facts::new(profile, &self.kb);
        Jobs {
            profile: profile.name.clone(),
            postings_from: from.to_string(),
            total: list.len(),
            jobs: crate::income::jobs(&self.kb, &facts, list, top),
        }
    }
}

fn texts(assumptions: &[Assumption]) -> Vec<String> {
    assumptions.iter().map(|a| a.text.clone()).collect()
}
