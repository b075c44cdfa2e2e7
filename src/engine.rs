//! [`Engine`]: the knowledge base and its career graph, with one method per question a user asks.

use std::path::Path;

use crate::Error;
use crate::diagnostics::SourceText;
use crate::graph::CareerGraph;
use crate::knowledge::KnowledgeBase;
use crate::planning::routes::PathsReport;
use crate::planning::{self, GapReport};
use crate::profile::Profile;
use crate::recommend::{self, Recommendations};
use crate::scoring::{self, RoleFit};

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

    /// What stands between the profile and a role (by id or alias).
    pub fn gaps(&self, profile: &Profile, target: &str) -> Result<GapReport, Error> {
        let role = self.kb.require_role(target, "--target")?;
        Ok(planning::gaps(&self.kb, &self.graph, profile, role))
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
}
