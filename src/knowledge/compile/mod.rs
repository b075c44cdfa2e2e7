//! Compiling rule files into a [`KnowledgeBase`]: parse every file, gather entities across files,
//! sort them by id, reject duplicates, build the id catalogs, then resolve every reference and
//! check every number, collecting all problems before failing.

mod conditions;
mod context;
mod entities;
mod market;

pub use market::compile_postings;

#[cfg(test)]
pub(crate) use entities::valid_date;

pub use context::{Fact, Loc, Registry, is_kebab};

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, SourceText, Target};
use crate::knowledge::format::RuleFile;
use crate::knowledge::{Catalogs, KnowledgeBase};
use context::{Ctx, kebab};

/// Where each compiled entity came from, for diagnostics of later checks.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// Per skill.
    pub skills: Vec<Loc>,
    /// Per skill family.
    pub skill_families: Vec<Loc>,
    /// Per role.
    pub roles: Vec<Loc>,
    /// Per certification.
    pub certifications: Vec<Loc>,
    /// Per transition.
    pub transitions: Vec<Loc>,
    /// Per rule.
    pub rules: Vec<Loc>,
    /// Per entry of the source registry.
    pub sources: Vec<Loc>,
    /// The registry as compilation saw it: which entries are cited, and which certification
    /// and income facts cite a `third-party` entry.
    pub registry: Registry,
}

/// An entity definition and where it was written.
pub struct Located<'a, T> {
    /// The definition.
    pub def: &'a T,
    /// Where.
    pub loc: Loc,
}

/// Parses and compiles; returns the knowledge base when no error was found, with every diagnostic.
pub fn compile(sources: &[SourceText]) -> (Option<(KnowledgeBase, Origins)>, Vec<Diagnostic>) {
    let mut files: Vec<(usize, RuleFile)> = Vec::new();
    let mut diags = Vec::new();
    for (i, src) in sources.iter().enumerate() {
        if let Err(d) = src.expect_object("rule file", r#"{"skills": [...], "roles": [...]}"#) {
            diags.extend(d);
            continue;
        }
        // Every value of the wrong type at once (a list where an object belongs among them),
        // before serde stops at the first one.
        let wrong = crate::diagnostics::shape::problems(src, crate::schema::Kind::Rules);
        if !wrong.is_empty() {
            diags.extend(wrong);
            continue;
        }
        match serde_json::from_str::<RuleFile>(&src.text) {
            Ok(f) => files.push((i, f)),
            Err(e) => diags.push(src.parse_error(&e)),
        }
    }
    if sources.is_empty() {
        diags.push(Diagnostic::error(
            "no-rule-files",
            "the knowledge base has no rule files",
        ));
    }
    // A file that did not parse would make every reference into it look unknown: stop here.
    if !diags.is_empty() {
        return (None, diags);
    }
    let names = sources.iter().map(|s| s.name.clone()).collect();
    compile_parsed(sources, &files, names)
}

/// Compiles rule files given as `(name, text)` (the files shipped inside the binary) without
/// copying their text; `None` at the first problem of any kind, for [`compile`] to report with
/// every position and suggestion.
pub fn compile_quietly(files: &[(&str, &str)]) -> Option<KnowledgeBase> {
    if files.is_empty() {
        return None;
    }
    let mut parsed = Vec::with_capacity(files.len());
    for (i, (_, text)) in files.iter().enumerate() {
        parsed.push((i, serde_json::from_str::<RuleFile>(text).ok()?));
    }
    let names = files.iter().map(|(name, _)| (*name).to_string()).collect();
    match compile_parsed(&[], &parsed, names) {
        (Some((kb, _)), diags) if !diags.iter().any(Diagnostic::is_error) => Some(kb),
        _ => None,
    }
}

/// Compiles parsed files; `sources` (for positions in diagnostics) may be empty.
fn compile_parsed(
    sources: &[SourceText],
    files: &[(usize, RuleFile)],
    names: Vec<String>,
) -> (Option<(KnowledgeBase, Origins)>, Vec<Diagnostic>) {
    const NONE: &Vec<String> = &Vec::new();
    let mut ctx = Ctx {
        sources,
        cat: Catalogs::default(),
        diags: Vec::new(),
        omitted: Default::default(),
        registry: Default::default(),
        family_members: Vec::new(),
    };
    // The registry first: every other entity's `source` is resolved against it.
    const NO_SOURCES: &Vec<crate::knowledge::format::SourceDef> = &Vec::new();
    let registry = gather(
        &mut ctx,
        files,
        "sources",
        |f| f.sources.as_ref().unwrap_or(NO_SOURCES),
        |d| (&d.id, NONE),
    );
    fill(&mut ctx.cat.sources, &registry, |d| {
        (&d.id, NONE, [&d.title, &d.url])
    });
    let out_sources: Vec<_> = registry.iter().map(|s| ctx.compile_source(s)).collect();
    ctx.registry = context::Registry {
        declared: files.iter().any(|(_, f)| f.sources.is_some()),
        entries: out_sources
            .iter()
            .map(|s: &crate::knowledge::model::Source| context::Entry {
                id: s.id.clone(),
                kind: s.kind,
                url: s.url.clone(),
            })
            .collect(),
        used: vec![false; out_sources.len()],
        third_party: Vec::new(),
    };
    let skills = gather(
        &mut ctx,
        files,
        "skills",
        |f| &f.skills,
        |d| (&d.id, &d.aliases),
    );
    let skill_families = gather(
        &mut ctx,
        files,
        "skill_families",
        |f| &f.skill_families,
        |d| (&d.id, NONE),
    );
    let work_styles = gather(
        &mut ctx,
        files,
        "work_styles",
        |f| &f.work_styles,
        |d| (&d.id, NONE),
    );
    let roles = gather(
        &mut ctx,
        files,
        "roles",
        |f| &f.roles,
        |d| (&d.id, &d.aliases),
    );
    let certs = gather(
        &mut ctx,
        files,
        "certifications",
        |f| &f.certifications,
        |d| (&d.id, &d.aliases),
    );
    let phases = gather(&mut ctx, files, "phases", |f| &f.phases, |d| (&d.id, NONE));
    let workplaces = gather(
        &mut ctx,
        files,
        "workplaces",
        |f| &f.workplaces,
        |d| (&d.id, NONE),
    );
    let preferences = gather(
        &mut ctx,
        files,
        "preferences",
        |f| &f.preferences,
        |d| (&d.id, NONE),
    );
    let families = gather(
        &mut ctx,
        files,
        "families",
        |f| &f.families,
        |d| (&d.id, NONE),
    );
    let surveys = gather(
        &mut ctx,
        files,
        "surveys",
        |f| &f.surveys,
        |d| (&d.id, NONE),
    );
    let rules = gather(&mut ctx, files, "rules", |f| &f.rules, |d| (&d.id, NONE));
    let postings = gather(
        &mut ctx,
        files,
        "postings",
        |f| &f.postings,
        |d| (&d.id, NONE),
    );

    fill(&mut ctx.cat.skills, &skills, |d| {
        (&d.id, &d.aliases, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.skill_families, &skill_families, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.work_styles, &work_styles, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.roles, &roles, |d| {
        (&d.id, &d.aliases, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.certifications, &certs, |d| {
        (&d.id, &d.aliases, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.phases, &phases, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.workplaces, &workplaces, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.preferences, &preferences, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.families, &families, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });
    fill(&mut ctx.cat.surveys, &surveys, |d| {
        (&d.id, NONE, [&d.name.ja, &d.name.en])
    });

    let scoring = entities::scoring(&mut ctx, files, preferences.len());
    let out_postings = postings
        .iter()
        .filter_map(|p| ctx.posting(&p.loc, p.def))
        .collect();
    let out_skills = skills.iter().map(|s| ctx.compile_skill(s)).collect();
    let out_skill_families: Vec<_> = skill_families
        .iter()
        .map(|f| ctx.compile_skill_family(f))
        .collect();
    ctx.family_members = out_skill_families
        .iter()
        .map(|f: &crate::knowledge::model::SkillFamily| f.members.clone())
        .collect();
    let out_work_styles = work_styles
        .iter()
        .map(|w| ctx.compile_work_style(w))
        .collect();
    let out_phases = phases.iter().map(|p| ctx.compile_phase(p)).collect();
    let out_workplaces = workplaces.iter().map(|v| ctx.compile_vocab(v)).collect();
    let out_preferences = preferences.iter().map(|v| ctx.compile_vocab(v)).collect();
    let out_families = families.iter().map(|v| ctx.compile_vocab(v)).collect();
    let out_certs = certs.iter().map(|c| ctx.compile_certification(c)).collect();
    let out_roles: Vec<_> = roles.iter().map(|r| ctx.compile_role(r)).collect();
    let out_surveys = surveys.iter().map(|v| ctx.compile_vocab(v)).collect();
    let income_model = market::income_model(&mut ctx, files, &out_roles);
    let out_rules = rules.iter().map(|r| ctx.compile_rule(r)).collect();
    let (out_transitions, transition_origins) = ctx.compile_transitions(files);

    let origins = Origins {
        skills: skills.iter().map(|l| l.loc.clone()).collect(),
        skill_families: skill_families.iter().map(|l| l.loc.clone()).collect(),
        roles: roles.iter().map(|l| l.loc.clone()).collect(),
        certifications: certs.iter().map(|l| l.loc.clone()).collect(),
        transitions: transition_origins,
        rules: rules.iter().map(|l| l.loc.clone()).collect(),
        sources: registry.iter().map(|l| l.loc.clone()).collect(),
        registry: std::mem::take(&mut ctx.registry),
    };
    if ctx.diags.iter().any(Diagnostic::is_error) || ctx.omitted.total() > 0 {
        return (None, ctx.finish());
    }
    let Some(scoring) = scoring else {
        return (None, ctx.finish());
    };
    let mut kb = KnowledgeBase {
        skills: out_skills,
        skill_families: out_skill_families,
        work_styles: out_work_styles,
        roles: out_roles,
        certifications: out_certs,
        transitions: out_transitions,
        rules: out_rules,
        phases: out_phases,
        workplaces: out_workplaces,
        preferences: out_preferences,
        families: out_families,
        surveys: out_surveys,
        scoring,
        income_model,
        postings: out_postings,
        sources: out_sources,
        has_registry: origins.registry.declared,
        catalogs: ctx.cat,
        files: names,
        index: Default::default(),
    };
    entities::derive_transition_kinds(&mut kb);
    kb.index = super::index::Index::build(&kb.roles, &kb.transitions, &kb.rules);
    let headlines = kb.headline_positions();
    kb.index.set_headlines(headlines);
    kb.index
        .set_ladder(super::ladder::Ladder::build(&kb.certifications));
    (Some((kb, origins)), ctx.diags)
}

/// Collects one kind of entity from every file, sorted by id (then file and position), checks
/// id spelling, and drops duplicates (reported at the second definition).
fn gather<'a, T>(
    ctx: &mut Ctx,
    files: &'a [(usize, RuleFile)],
    key: &str,
    pick: fn(&'a RuleFile) -> &'a Vec<T>,
    ids: fn(&'a T) -> (&'a String, &'a Vec<String>),
) -> Vec<Located<'a, T>> {
    let mut all: Vec<Located<'a, T>> = files
        .iter()
        .flat_map(|(file, f)| {
            pick(f).iter().enumerate().map(move |(i, def)| Located {
                def,
                loc: Loc {
                    file: *file,
                    pointer: format!("/{key}/{i}"),
                },
            })
        })
        .collect();
    all.sort_by(|a, b| {
        ids(a.def)
            .0
            .cmp(ids(b.def).0)
            .then_with(|| a.loc.cmp(&b.loc))
    });
    let mut seen: BTreeMap<&str, Loc> = BTreeMap::new();
    let mut out = Vec::with_capacity(all.len());
    for item in all {
        let (id, aliases) = ids(item.def);
        for (j, name) in std::iter::once(id).chain(aliases).enumerate() {
            if !is_kebab(name) {
                let at = if j == 0 {
                    item.loc.at("id")
                } else {
                    item.loc.at("aliases").at(j - 1)
                };
                ctx.error(
                    &at,
                    "invalid-id",
                    format!("id `{name}` is not lowercase kebab-case"),
                    Some(format!("write it as `{}`", kebab(name))),
                );
            }
        }
        let names = std::iter::once(id).chain(aliases);
        if let Some(first) = names
            .clone()
            .find_map(|n| seen.get(n.as_str()).map(|l| (n, l.clone())))
        {
            let (name, first_loc) = first;
            let help = Some(format!("first defined at {}", ctx.describe(&first_loc)));
            ctx.error(
                &item.loc.at("id"),
                "duplicate-id",
                format!("`{name}` is defined twice in `{key}`"),
                help,
            );
            continue;
        }
        for n in names {
            seen.insert(n, item.loc.clone());
        }
        out.push(item);
    }
    out
}

/// The one file that sets an object-valued key (`scoring`, `income_model`): `Some(None)` when
/// none does, `None` when several do (each extra one reported with `code`).
fn single<'a, T>(
    ctx: &mut Ctx,
    files: &'a [(usize, RuleFile)],
    key: &str,
    code: &'static str,
    pick: fn(&'a RuleFile) -> Option<&'a T>,
) -> Option<Option<(Loc, &'a T)>> {
    let found: Vec<(Loc, &T)> = files
        .iter()
        .filter_map(|(file, f)| {
            pick(f).map(|v| {
                (
                    Loc {
                        file: *file,
                        pointer: format!("/{key}"),
                    },
                    v,
                )
            })
        })
        .collect();
    if let [(first, _), rest @ ..] = found.as_slice()
        && !rest.is_empty()
    {
        let first = ctx.describe(first);
        for (loc, _) in rest {
            ctx.error(
                loc,
                code,
                format!("`{key}` is set in more than one file"),
                Some(format!("first set at {first}; keep one")),
            );
        }
        return None;
    }
    Some(found.into_iter().next())
}

/// How to read an entity's id, aliases and two names.
type Keys<'a, T> = fn(&'a T) -> (&'a String, &'a Vec<String>, [&'a String; 2]);

/// Fills a catalog from gathered entities (index = position, which is id order).
fn fill<'a, T: 'a>(
    catalog: &mut crate::knowledge::catalog::Catalog,
    items: &[Located<'a, T>],
    keys: Keys<'a, T>,
) {
    for (i, item) in items.iter().enumerate() {
        let (id, aliases, names) = keys(item.def);
        catalog.insert(i, id, aliases, &names.map(String::as_str));
    }
}

/// Reports a problem not tied to one value (used by later checks).
pub fn report_at(sources: &[SourceText], loc: &Loc, d: Diagnostic) -> Diagnostic {
    match sources.get(loc.file) {
        Some(src) => d.at(src, &loc.pointer, Target::Value),
        None => d,
    }
}
