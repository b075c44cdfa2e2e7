//! Bottlenecks: the skills and certifications that lie on most of the routes to a goal, so a
//! user knows what to learn first whichever route they take.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;

use super::routes::PathView;

/// Most bottlenecks listed.
pub const MAX_LISTED: usize = 12;

/// A skill or certification found on several routes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bottleneck {
    /// `skill` or `certification`.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its names.
    pub name: Text,
    /// On how many routes.
    pub routes: usize,
    /// Out of how many.
    pub of: usize,
}

/// What lies on at least half of the routes (and on two at least), most routes first, skills
/// before certifications, then id. With a profile, a route's items are the gaps it closes and the
/// certifications it plans; without one, the essential skills of the roles it reaches.
pub fn find(kb: &KnowledgeBase, paths: &[PathView], with_profile: bool) -> Vec<Bottleneck> {
    let n = paths.len();
    if n < 2 {
        return Vec::new();
    }
    let mut counts: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    for p in paths {
        let mut items: Vec<(&'static str, String)> = if with_profile {
            p.steps
                .iter()
                .flat_map(|s| {
                    let skills = s.gaps.iter().map(|g| ("skill", g.skill.clone()));
                    let certs = s
                        .certifications
                        .iter()
                        .map(|c| ("certification", c.id.clone()));
                    skills.chain(certs).collect::<Vec<_>>()
                })
                .collect()
        } else {
            p.steps
                .iter()
                .filter_map(|s| kb.find_role(&s.to))
                .flat_map(|r| {
                    kb.role(r)
                        .requirements
                        .iter()
                        .filter(|q| q.essential)
                        .map(|q| match q.any_of {
                            // Without a profile no member counts yet: the family is the need.
                            Some(a) => ("skill", kb.skill_family(a.family).id.clone()),
                            None => ("skill", kb.skill(q.skill).id.clone()),
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        items.sort();
        items.dedup();
        for item in items {
            *counts.entry(item).or_default() += 1;
        }
    }
    let floor = n.div_ceil(2).max(2);
    let mut out: Vec<Bottleneck> = counts
        .into_iter()
        .filter(|(_, c)| *c >= floor)
        .filter_map(|((kind, id), routes)| {
            let name = match kind {
                "skill" => kb
                    .find_skill(&id)
                    .map(|s| kb.skill(s).name.clone())
                    .or_else(|| {
                        kb.find_skill_family(&id)
                            .map(|f| kb.skill_family(f).name.clone())
                    }),
                _ => kb.find_cert(&id).map(|c| kb.certification(c).name.clone()),
            }?;
            Some(Bottleneck {
                kind,
                id,
                name,
                routes,
                of: n,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.routes
            .cmp(&a.routes)
            .then(a.kind.cmp(b.kind).reverse())
            .then_with(|| a.id.cmp(&b.id))
    });
    out.truncate(MAX_LISTED);
    out
}
