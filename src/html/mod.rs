//! `report PROFILE`: one self-contained HTML page (inline CSS and SVG, no scripts, no network)
//! with the profile, the ranked recommendations with fit bars, the gap chart and certification
//! plan for a target role, the route map and the income estimates.
//!
//! [`build`] gathers what the page shows into a [`Report`] (from the engine's `recommend`,
//! `gaps`, `graph` and `income`); [`page::render`] writes it. Every text goes through
//! [`escape::escape`]. The page depends only on its input, so the same input gives byte-identical
//! output.

pub mod escape;
pub mod page;

use crate::Engine;
use crate::error::Error;
use crate::income::IncomeOutlook;
use crate::knowledge::format::Text;
use crate::knowledge::model::Source;
use crate::lang::Lang;
use crate::picture::{self, GraphView};
use crate::planning::GapReport;
use crate::profile::Profile;
use crate::recommend::{self, Recommendations};

/// Recommendations the page lists.
pub const TOP: usize = 10;

/// Recommended roles whose incomes the page estimates.
pub const INCOME_TOP: usize = 5;

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Who it is for.
    pub profile: ProfileView,
    /// The ranked recommendations.
    pub recommendations: Recommendations,
    /// The gaps to the target role (the one asked for, or the top recommendation).
    pub target: Option<GapReport>,
    /// The target's requirements, had vs needed, for the gap chart.
    pub chart: Vec<Bar>,
    /// The career graph with the best route to the target.
    pub graph: GraphView,
    /// Income estimates for the current and the recommended roles.
    pub income: IncomeOutlook,
    /// The knowledge base's source registry, sorted by id: the page ends with the entries its
    /// marks cite (a source naming no entry is shown as written).
    pub registry: Vec<Source>,
    /// The language the page is written in.
    pub lang: Lang,
}

/// The profile, with names for its ids.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileView {
    /// The profile's name.
    pub name: Option<String>,
    /// Current role: id and names.
    pub current_role: Option<Named>,
    /// Years of IT work.
    pub years_experience: f64,
    /// Years of management.
    pub management_years: f64,
    /// Years per phase (level = years), by phase.
    pub phases: Vec<(Named, f64)>,
    /// Skills with their reported levels, by skill id.
    pub skills: Vec<(Named, u8)>,
    /// Certifications held, by id.
    pub certifications: Vec<Named>,
}

/// An id with its names.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Id.
    pub id: String,
    /// Names.
    pub name: Text,
}

/// One requirement of the target role in the gap chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Skill id, or the experience counted (`total`, a phase id, `management`).
    pub id: String,
    /// Names.
    pub name: Text,
    /// What the profile has (level, or years).
    pub have: f64,
    /// What the role needs.
    pub need: f64,
    /// The largest value of the bar's scale (5 for levels; for years, at least the need).
    pub scale: f64,
    /// `level` or `years`.
    pub unit: &'static str,
    /// Whether a gap here keeps the role from being `ready`.
    pub essential: bool,
    /// Where the requirement comes from (none for a requirement already met).
    pub source: Option<String>,
}

/// The highest skill level.
const MAX_LEVEL: f64 = 5.0;

/// Gathers the page for a profile, in a language; `target` defaults to the top recommendation.
pub fn build(
    engine: &Engine,
    profile: &Profile,
    target: Option<&str>,
    lang: Lang,
) -> Result<Report, Error> {
    let kb = engine.knowledge();
    let recommendations = engine.recommend(
        profile,
        recommend::Options {
            top: Some(TOP),
            ..Default::default()
        },
    );
    let target_id = match target {
        Some(t) => Some(t.to_string()),
        None => recommendations
            .recommendations
            .first()
            .map(|r| r.role.clone()),
    };
    let target = match &target_id {
        Some(t) => Some(engine.gaps(profile, t)?),
        None => None,
    };
    let chart = target
        .as_ref()
        .map(|g| chart(engine, g))
        .unwrap_or_default();
    // A route needs a start: the profile's current role.
    let to = match (&target, profile.current_role) {
        (Some(g), Some(_)) => Some(g.target.as_str()),
        _ => None,
    };
    let graph = picture::build(
        engine,
        picture::Request {
            profile: Some(profile),
            from: None,
            to,
            lang,
        },
    )?;
    let named = |id: &str, name: &Text| Named {
        id: id.to_string(),
        name: name.clone(),
    };
    let view = ProfileView {
        name: profile.name.clone(),
        current_role: profile.current_role.map(|r| {
            let r = kb.role(r);
            named(&r.id, &r.name)
        }),
        years_experience: profile.years_experience,
        management_years: profile.management_years,
        phases: profile
            .phases
            .iter()
            .map(|&(p, y)| {
                let p = kb.phase(p);
                (named(&p.id, &p.name), y)
            })
            .collect(),
        skills: profile
            .skills
            .iter()
            .map(|&(s, l)| {
                let s = kb.skill(s);
                (named(&s.id, &s.name), l)
            })
            .collect(),
        certifications: profile
            .certifications
            .iter()
            .map(|&c| {
                let c = kb.certification(c);
                named(&c.id, &c.name)
            })
            .collect(),
    };
    Ok(Report {
        profile: view,
        recommendations,
        target,
        chart,
        graph,
        income: engine.income(profile, INCOME_TOP),
        registry: kb.sources.clone(),
        lang,
    })
}

/// The gap chart: skill gaps (essential first), then the requirements already met, then
/// experience gaps.
fn chart(engine: &Engine, g: &GapReport) -> Vec<Bar> {
    let kb = engine.knowledge();
    let mut bars: Vec<Bar> = g
        .skills
        .iter()
        .map(|s| Bar {
            id: s.skill.clone(),
            name: s.name.clone(),
            have: f64::from(s.have),
            need: f64::from(s.need),
            scale: MAX_LEVEL,
            unit: "level",
            essential: s.essential,
            source: Some(s.source.clone()),
        })
        .collect();
    bars.extend(g.met.iter().map(|m| Bar {
        id: m.skill.clone(),
        name: match &m.any_of {
            Some(f) => f.meaning.clone(),
            None => kb.find_skill(&m.skill).map_or_else(
                || Text {
                    ja: m.skill.clone(),
                    en: m.skill.clone(),
                },
                |s| kb.skill(s).name.clone(),
            ),
        },
        have: f64::from(m.have),
        need: f64::from(m.need),
        scale: MAX_LEVEL,
        unit: "level",
        essential: false,
        source: None,
    }));
    bars.extend(g.experience.iter().map(|e| Bar {
        id: e.id().to_string(),
        name: e.name.clone(),
        have: e.have,
        need: e.need,
        scale: e.need.max(e.have).max(1.0),
        unit: "years",
        essential: true,
        source: Some(e.source.clone()),
    }));
    bars
}
