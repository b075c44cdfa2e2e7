//! Listings of the knowledge base: roles, one role, certifications, skills, preferences.

use std::fmt::Write;

use serde::Serialize;

use super::{Sources, Style, json, markdown, table, years};
use crate::income::Incomes;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Text;
use crate::knowledge::model::{Income, RoleIx, Vocab};
use crate::rules::fmt_num;

#[derive(Serialize)]
struct RoleRow<'a> {
    id: &'a str,
    name: &'a Text,
    aliases: &'a [String],
    family: &'a str,
    seniority: u8,
    entry: bool,
    income: Incomes,
}

/// `roles`.
pub fn roles(kb: &KnowledgeBase, style: Style) -> String {
    let as_json = style == Style::Json;
    let rows: Vec<RoleRow> = (0..kb.roles.len())
        .map(|i| {
            let r = kb.role(RoleIx(i));
            RoleRow {
                id: &r.id,
                name: &r.name,
                aliases: &r.aliases,
                family: &kb.family(r.family).id,
                seniority: r.seniority,
                entry: r.entry,
                income: Incomes::of(kb, RoleIx(i)),
            }
        })
        .collect();
    if as_json {
        return json(&serde_json::json!({ "roles": rows }));
    }
    let mut t = table(&[
        "role",
        "名前",
        "name",
        "family",
        "seniority",
        "entry",
        "employee",
        "freelance",
    ]);
    for r in &rows {
        let fig = |f: &Option<crate::income::Figure>| {
            f.as_ref().map_or("–".to_string(), |f| f.display())
        };
        t.add_row(vec![
            r.id.to_string(),
            r.name.ja.clone(),
            r.name.en.clone(),
            r.family.to_string(),
            r.seniority.to_string(),
            if r.entry { "yes" } else { "" }.to_string(),
            fig(&r.income.employee),
            fig(&r.income.freelance),
        ]);
    }
    if style == Style::Markdown {
        return format!("## Roles\n\n{}\n{} roles.\n", markdown(&t), rows.len());
    }
    format!(
        "{t}\n{} roles. `careergraph role ID` shows one.\n",
        rows.len()
    )
}

#[derive(Serialize)]
struct RequirementView<'a> {
    skill: &'a str,
    level: u8,
    weight: f64,
    essential: bool,
    source: &'a str,
}

#[derive(Serialize)]
struct TransitionView<'a> {
    role: &'a str,
    kind: &'static str,
    typical_years: f64,
    note: &'a Text,
    source: &'a str,
}

#[derive(Serialize)]
struct ExperienceView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    total_years: Option<f64>,
    phases: std::collections::BTreeMap<&'a str, f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    management_years: Option<f64>,
    source: &'a str,
}

#[derive(Serialize)]
struct RoleView<'a> {
    id: &'a str,
    name: &'a Text,
    aliases: &'a [String],
    family: &'a str,
    seniority: u8,
    entry: bool,
    summary: &'a Text,
    requirements: Vec<RequirementView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experience: Option<ExperienceView<'a>>,
    certifications: Vec<&'a str>,
    incomes: &'a [Income],
    aptitudes: Vec<&'a str>,
    transitions_out: Vec<TransitionView<'a>>,
    transitions_in: Vec<TransitionView<'a>>,
    source: &'a str,
}

/// `role ID`.
pub fn role(kb: &KnowledgeBase, ix: RoleIx, as_json: bool) -> String {
    let r = kb.role(ix);
    fn edge<'a>(
        kb: &'a KnowledgeBase,
        role: RoleIx,
        t: &'a crate::knowledge::model::Transition,
    ) -> TransitionView<'a> {
        TransitionView {
            role: &kb.role(role).id,
            kind: t.kind.as_str(),
            typical_years: t.typical_years,
            note: &t.note,
            source: &t.source,
        }
    }
    let view = RoleView {
        id: &r.id,
        name: &r.name,
        aliases: &r.aliases,
        family: &kb.family(r.family).id,
        seniority: r.seniority,
        entry: r.entry,
        summary: &r.summary,
        requirements: r
            .requirements
            .iter()
            .map(|q| RequirementView {
                skill: &kb.skill(q.skill).id,
                level: q.level,
                weight: q.weight,
                essential: q.essential,
                source: &q.source,
            })
            .collect(),
        experience: (!r.experience.is_empty()).then(|| ExperienceView {
            total_years: r.experience.total_years,
            phases: r
                .experience
                .phases
                .iter()
                .map(|(p, y)| (kb.phase(*p).id.as_str(), *y))
                .collect(),
            management_years: r.experience.management_years,
            source: &r.experience.source,
        }),
        certifications: r
            .certifications
            .iter()
            .map(|h| kb.certification(h.cert).id.as_str())
            .collect(),
        incomes: &r.incomes,
        aptitudes: r
            .aptitudes
            .iter()
            .map(|p| kb.preference(*p).id.as_str())
            .collect(),
        transitions_out: kb.outgoing(ix).map(|(_, t)| edge(kb, t.to, t)).collect(),
        transitions_in: kb
            .transitions
            .iter()
            .filter(|t| t.to == ix)
            .map(|t| edge(kb, t.from, t))
            .collect(),
        source: &r.source,
    };
    if as_json {
        return json(&view);
    }
    let mut src = Sources::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} / {} {}",
        view.id,
        r.name.ja,
        r.name.en,
        src.mark(&r.source)
    );
    let _ = writeln!(
        out,
        "family {}, seniority {}{}",
        view.family,
        r.seniority,
        if r.entry { ", entry role" } else { "" }
    );
    if !r.aliases.is_empty() {
        let _ = writeln!(out, "aliases: {}", r.aliases.join(", "));
    }
    let _ = writeln!(out, "\n{}\n{}", r.summary.ja, r.summary.en);
    if !view.requirements.is_empty() {
        out.push_str("\nRequirements:\n");
        let mut t = table(&["skill", "level", "weight", "essential", "source"]);
        for q in &view.requirements {
            t.add_row(vec![
                q.skill.to_string(),
                q.level.to_string(),
                fmt_num(q.weight),
                if q.essential { "yes" } else { "no" }.to_string(),
                src.mark(q.source),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    if let Some(e) = &view.experience {
        let mut parts = Vec::new();
        if let Some(y) = e.total_years {
            parts.push(format!("{} in total", years(y)));
        }
        for (p, y) in &e.phases {
            parts.push(format!("{} of {p}", years(*y)));
        }
        if let Some(y) = e.management_years {
            parts.push(format!("{} of management", years(y)));
        }
        let _ = writeln!(
            out,
            "\nExperience: {} {}",
            parts.join(", "),
            src.mark(e.source)
        );
    }
    if !view.certifications.is_empty() {
        let _ = writeln!(
            out,
            "\nCertifications that help: {}",
            view.certifications.join(", ")
        );
    }
    if !view.aptitudes.is_empty() {
        let _ = writeln!(out, "Suits: {}", view.aptitudes.join(", "));
    }
    if !r.incomes.is_empty() {
        out.push_str("\nIncomes:\n");
        for i in &r.incomes {
            let _ = writeln!(
                out,
                "  - {} {}: {} {}",
                i.employment.as_str(),
                crate::income::amount(i.average, i.min, i.max, i.period),
                i.basis.en,
                src.mark(&i.source)
            );
        }
    }
    for (title, list) in [
        ("Leads to", &view.transitions_out),
        ("Reached from", &view.transitions_in),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        for t in list {
            let _ = writeln!(
                out,
                "  - {} ({}, {} years): {} {}",
                t.role,
                t.kind,
                fmt_num(t.typical_years),
                t.note.en,
                src.mark(t.source)
            );
        }
    }
    out.push_str(&src.render());
    out
}

#[derive(Serialize)]
struct CertView<'a> {
    id: &'a str,
    name: &'a Text,
    issuer: &'a str,
    tier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    itss_level: Option<u8>,
    evidences: Vec<serde_json::Value>,
    prerequisites: Vec<&'a str>,
    recommended_after: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    study_hours: Option<crate::planning::certs::Hours>,
    source: &'a str,
}

/// `certs`.
pub fn certs(kb: &KnowledgeBase, style: Style) -> String {
    let as_json = style == Style::Json;
    let ids = |list: &[crate::knowledge::model::CertIx]| -> Vec<String> {
        list.iter()
            .map(|c| kb.certification(*c).id.clone())
            .collect()
    };
    if as_json {
        let rows: Vec<CertView> = kb
            .certifications
            .iter()
            .map(|c| CertView {
                id: &c.id,
                name: &c.name,
                issuer: &c.issuer,
                tier: &c.tier,
                itss_level: c.itss_level,
                evidences: c
                    .evidences
                    .iter()
                    .map(|(s, l)| serde_json::json!({"skill": kb.skill(*s).id, "level": l}))
                    .collect(),
                prerequisites: c
                    .prerequisites
                    .iter()
                    .map(|p| kb.certification(*p).id.as_str())
                    .collect(),
                recommended_after: c
                    .recommended_after
                    .iter()
                    .map(|p| kb.certification(*p).id.as_str())
                    .collect(),
                study_hours: c
                    .study_hours
                    .map(|(min, max)| crate::planning::certs::Hours { min, max }),
                source: &c.source,
            })
            .collect();
        return json(&serde_json::json!({ "certifications": rows }));
    }
    let mut t = table(&[
        "certification",
        "名前",
        "issuer",
        "ITSS",
        "hours",
        "requires",
        "after",
        "evidences",
    ]);
    for c in &kb.certifications {
        let ev: Vec<String> = c
            .evidences
            .iter()
            .map(|(s, l)| format!("{} {l}", kb.skill(*s).id))
            .collect();
        t.add_row(vec![
            c.id.clone(),
            c.name.ja.clone(),
            c.issuer.clone(),
            c.itss_level.map_or(String::new(), |l| l.to_string()),
            c.study_hours.map_or(String::new(), |(a, b)| {
                format!("{}–{}", fmt_num(a), fmt_num(b))
            }),
            ids(&c.prerequisites).join(", "),
            ids(&c.recommended_after).join(", "),
            ev.join(", "),
        ]);
    }
    if style == Style::Markdown {
        return format!(
            "## Certifications\n\n{}\n{} certifications.\n",
            markdown(&t),
            kb.certifications.len()
        );
    }
    format!("{t}\n{} certifications.\n", kb.certifications.len())
}

/// `skills`.
pub fn skills(kb: &KnowledgeBase, style: Style) -> String {
    let as_json = style == Style::Json;
    if as_json {
        let rows: Vec<_> = kb
            .skills
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id, "name": s.name, "category": s.category,
                    "aliases": s.aliases, "source": s.source
                })
            })
            .collect();
        return json(&serde_json::json!({ "skills": rows }));
    }
    let mut t = table(&["skill", "名前", "name", "category"]);
    for s in &kb.skills {
        t.add_row(vec![
            s.id.clone(),
            s.name.ja.clone(),
            s.name.en.clone(),
            s.category.clone(),
        ]);
    }
    if style == Style::Markdown {
        return format!(
            "## Skills\n\n{}\n{} skills.\n",
            markdown(&t),
            kb.skills.len()
        );
    }
    format!(
        "{t}\n{} skills. Levels: 0 none, 1 studied, 2 works with help, 3 independent, 4 leads and designs, 5 recognised expert.\n",
        kb.skills.len()
    )
}

/// `preferences`: the vocabularies a profile uses (preferences, workplaces, phases).
pub fn preferences(kb: &KnowledgeBase, as_json: bool) -> String {
    let rows = |list: &[Vocab]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|v| serde_json::json!({"id": v.id, "name": v.name, "description": v.description, "source": v.source}))
            .collect()
    };
    if as_json {
        let phases: Vec<_> = kb
            .phases
            .iter()
            .map(|p| serde_json::json!({"id": p.id, "name": p.name, "upstream": p.upstream, "source": p.source}))
            .collect();
        return json(&serde_json::json!({
            "preferences": rows(&kb.preferences),
            "workplaces": rows(&kb.workplaces),
            "phases": phases,
        }));
    }
    let mut out = String::new();
    for (title, list) in [
        ("Preferences (`preferences`)", &kb.preferences),
        ("Workplaces (`workplace`)", &kb.workplaces),
    ] {
        let mut t = table(&["id", "名前", "name"]);
        for v in list.iter() {
            t.add_row(vec![v.id.clone(), v.name.ja.clone(), v.name.en.clone()]);
        }
        let _ = writeln!(out, "{title}:\n{t}\n");
    }
    let mut t = table(&["id", "名前", "name", "upstream"]);
    for p in &kb.phases {
        t.add_row(vec![
            p.id.clone(),
            p.name.ja.clone(),
            p.name.en.clone(),
            if p.upstream { "yes" } else { "" }.to_string(),
        ]);
    }
    let _ = writeln!(out, "Phases (`phases`, years per phase):\n{t}");
    out
}
