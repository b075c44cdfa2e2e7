//! Pictures of the career graph: roles grouped and coloured by family, with a profile coloured by
//! fit, and the best route to a goal role highlighted.
//!
//! [`build`] gathers what a picture shows into a [`GraphView`] (also what `graph --format json`
//! prints); [`dot`], [`mermaid`], [`svg`] and [`text`] draw it. Everything is sorted (families
//! and roles by id, transitions by from and to), so the same input gives byte-identical output.

mod colour;
pub mod dot;
pub mod mermaid;
pub mod svg;
pub mod text;

use serde::Serialize;

use crate::Engine;
use crate::error::Error;
use crate::knowledge::format::Text;
use crate::lang::Lang;
use crate::profile::Profile;

/// What a picture of the career graph shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphView {
    /// The profile's name, when the picture is for a profile.
    pub profile: Option<String>,
    /// Role families, by id, with the colour each is drawn in.
    pub families: Vec<FamilyView>,
    /// Roles, by id.
    pub roles: Vec<RoleNode>,
    /// Transitions, by from and to.
    pub transitions: Vec<TransitionEdge>,
    /// The best route, when a goal was given.
    pub route: Option<RouteView>,
    /// The language of titles and labels (not part of the JSON, which has both names).
    #[serde(skip)]
    pub lang: Lang,
}

/// A role family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyView {
    /// Family id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Colour (`#rrggbb`).
    pub colour: String,
}

/// A role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleNode {
    /// Role id.
    pub id: String,
    /// Names.
    pub name: Text,
    /// Family id.
    pub family: String,
    /// Seniority 1–5.
    pub seniority: u8,
    /// The profile's fit, 0–1, with a profile.
    pub fit: Option<f64>,
    /// `ready`, `stretch` or `long-term`, with a profile.
    pub readiness: Option<&'static str>,
    /// Whether this is the profile's current role.
    pub current: bool,
    /// Whether the best route passes through it.
    pub on_route: bool,
    /// Fill colour: the fit's with a profile, else the family's.
    pub fill: String,
}

/// A transition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransitionEdge {
    /// From role id.
    pub from: String,
    /// To role id.
    pub to: String,
    /// `advancement`, `lateral` or `career-change`.
    pub kind: &'static str,
    /// Typical years.
    pub typical_years: f64,
    /// Whether the best route takes it.
    pub on_route: bool,
}

/// The best route to the goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteView {
    /// Start role id.
    pub from: String,
    /// Goal role id.
    pub to: String,
    /// Role ids from start to goal; empty when the goal cannot be reached.
    pub roles: Vec<String>,
    /// Cost in years (priced for the profile, if any); absent without a route.
    pub cost: Option<f64>,
}

/// What to draw.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    /// Colour the roles by this profile's fit; its current role starts the route.
    pub profile: Option<&'a Profile>,
    /// Start of the route (overrides the profile's current role).
    pub from: Option<&'a str>,
    /// Goal of the route to highlight.
    pub to: Option<&'a str>,
    /// The language of titles and labels.
    pub lang: Lang,
}

/// Gathers the picture: every role and transition, the fits and the best route.
pub fn build(engine: &Engine, req: Request) -> Result<GraphView, Error> {
    let kb = engine.knowledge();
    let fits = req.profile.map(|p| engine.score_all(p));
    let current = req.profile.and_then(|p| p.current_role);
    let route = match req.to {
        None => {
            if req.from.is_some() {
                return Err(Error::Invalid(
                    "--from needs --to: name the goal of the route to highlight".into(),
                ));
            }
            None
        }
        Some(to) => {
            let from = match (req.from, current) {
                (Some(f), _) => kb.role(kb.require_role(f, "--from")?).id.clone(),
                (None, Some(c)) => kb.role(c).id.clone(),
                (None, None) => {
                    return Err(Error::Invalid(
                        "--to needs a start: give --from ROLE, or a --profile with a \
                         `current_role`"
                            .into(),
                    ));
                }
            };
            let best = engine.paths(&from, to, 1, req.profile)?;
            let path = best.paths.into_iter().next();
            Some(RouteView {
                from: best.from,
                to: best.to.unwrap_or_else(|| to.to_string()),
                cost: path.as_ref().map(|p| p.cost),
                roles: path.map(|p| p.roles).unwrap_or_default(),
            })
        }
    };
    let on_route = |id: &str| {
        route
            .as_ref()
            .is_some_and(|r| r.roles.iter().any(|x| x == id))
    };
    let takes = |from: &str, to: &str| {
        route.as_ref().is_some_and(|r| {
            r.roles
                .windows(2)
                .any(|w| matches!(w, [a, b] if *a == from && *b == to))
        })
    };
    let mut families: Vec<FamilyView> = kb
        .families
        .iter()
        .enumerate()
        .map(|(i, f)| FamilyView {
            id: f.id.clone(),
            name: f.name.clone(),
            colour: colour::family(i).to_string(),
        })
        .collect();
    let mut roles: Vec<RoleNode> = kb
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let fit = fits.as_ref().and_then(|f| f.iter().find(|x| x.role.0 == i));
            RoleNode {
                id: r.id.clone(),
                name: r.name.clone(),
                family: kb.family(r.family).id.clone(),
                seniority: r.seniority,
                fit: fit.map(|f| f.fit),
                readiness: fit.map(|f| f.readiness.as_str()),
                current: current.is_some_and(|c| c.0 == i),
                on_route: on_route(&r.id),
                fill: match fit {
                    Some(f) => colour::fit(f.fit),
                    None => colour::family(r.family.0).to_string(),
                },
            }
        })
        .collect();
    let mut transitions: Vec<TransitionEdge> = kb
        .transitions
        .iter()
        .map(|t| {
            let (from, to) = (&kb.role(t.from).id, &kb.role(t.to).id);
            TransitionEdge {
                from: from.clone(),
                to: to.clone(),
                kind: t.kind.as_str(),
                typical_years: t.typical_years,
                on_route: takes(from, to),
            }
        })
        .collect();
    families.sort_by(|a, b| a.id.cmp(&b.id));
    roles.sort_by(|a, b| a.id.cmp(&b.id));
    transitions.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
    Ok(GraphView {
        profile: req
            .profile
            // One line, whatever the profile wrote (titles and labels are single-line).
            .map(|p| {
                let name = p.name.as_deref().unwrap_or_default();
                let words: Vec<&str> = name.split_whitespace().collect();
                if words.is_empty() {
                    "the profile".to_string()
                } else {
                    words.join(" ")
                }
            }),
        families,
        roles,
        transitions,
        route,
        lang: req.lang,
    })
}

impl GraphView {
    /// The roles of a family, by seniority then id.
    pub fn family_roles(&self, family: &str) -> Vec<&RoleNode> {
        let mut v: Vec<&RoleNode> = self.roles.iter().filter(|r| r.family == family).collect();
        v.sort_by(|a, b| (a.seniority, &a.id).cmp(&(b.seniority, &b.id)));
        v
    }

    /// The family's colour.
    pub fn family_colour(&self, family: &str) -> &str {
        self.families
            .iter()
            .find(|f| f.id == family)
            .map_or(colour::NEUTRAL, |f| f.colour.as_str())
    }

    /// A one-line title.
    pub fn title(&self) -> String {
        let (roles, moves, ja) = (self.roles.len(), self.transitions.len(), self.lang.is_ja());
        let mut t = if ja {
            format!("careergraph: 職種{roles}件、移動{moves}件")
        } else {
            format!("careergraph: {roles} roles, {moves} transitions")
        };
        if let Some(p) = &self.profile {
            t.push_str(&if ja {
                format!("; {p}の適合度")
            } else {
                format!("; fit for {p}")
            });
        }
        if let Some(r) = &self.route {
            let (from, to) = (&r.from, &r.to);
            t.push_str(&match (r.cost, ja) {
                (Some(c), false) => {
                    format!(
                        "; best route {from} → {to} ({} years)",
                        crate::rules::fmt_num(c)
                    )
                }
                (Some(c), true) => {
                    format!(
                        "; 最適ルート {from} → {to} ({}年)",
                        crate::rules::fmt_num(c)
                    )
                }
                (None, false) => format!("; no route {from} → {to}"),
                (None, true) => format!("; ルートなし {from} → {to}"),
            });
        }
        t
    }

    /// A role's label: its name in the language, and the fit as a percentage with a profile.
    pub fn label(&self, role: &RoleNode) -> String {
        let name = self.lang.text(&role.name);
        match role.fit {
            Some(f) => format!("{name} ({:.0}%)", f * 100.0),
            None => name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::builtin().expect("the shipped knowledge base loads")
    }

    #[test]
    fn without_a_profile_roles_are_filled_with_their_family_colour() {
        let e = engine();
        let g = build(&e, Request::default()).expect("builds");
        assert_eq!(g.roles.len(), e.knowledge().roles.len());
        assert_eq!(g.transitions.len(), e.knowledge().transitions.len());
        assert!(g.route.is_none());
        for r in &g.roles {
            assert_eq!(r.fill, g.family_colour(&r.family));
            assert!(r.fit.is_none() && !r.on_route && !r.current);
        }
    }

    #[test]
    fn an_unreachable_goal_gives_an_empty_route_not_an_error() {
        let e = engine();
        let req = Request {
            from: Some("it-consultant"),
            to: Some("programmer"),
            ..Request::default()
        };
        let g = build(&e, req).expect("builds");
        let route = g.route.as_ref().expect("a route section");
        assert!(route.roles.is_empty() && route.cost.is_none());
        assert!(g.title().contains("no route it-consultant → programmer"));
        assert!(g.roles.iter().all(|r| !r.on_route));
    }

    #[test]
    fn a_start_without_a_goal_and_a_goal_without_a_start_are_errors() {
        let e = engine();
        for req in [
            Request {
                from: Some("sre"),
                ..Request::default()
            },
            Request {
                to: Some("sre"),
                ..Request::default()
            },
        ] {
            assert!(matches!(build(&e, req), Err(Error::Invalid(_))));
        }
    }
}
