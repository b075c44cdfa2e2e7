//! Listings of the knowledge base: roles, one role, certifications, skills, preferences.

use std::fmt::Write;

use serde::Serialize;

use super::{Options, Sources, Style, json, markdown, table_in, years, yes_no};
use crate::income::Incomes;
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::{Employment, Text};
use crate::knowledge::model::{Income, RoleIx, Vocab};
use crate::lang::Lang;
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

/// The roles table's columns to drop when it is too wide, least useful first: family, entry,
/// seniority, freelance income (the id, name and employee income stay).
const ROLE_COLUMNS_TO_DROP: &[usize] = &[2, 4, 3, 6];

/// The certifications table's columns to drop when it is too wide, least useful first: the
/// skills evidenced, the issuer, `after`, the ITSS level, `requires` (wider terminals and the
/// JSON keep them all).
const CERT_COLUMNS_TO_DROP: &[usize] = &[7, 2, 6, 3, 5];

/// `roles`.
pub fn roles(kb: &KnowledgeBase, style: Style, o: Options) -> String {
    let l = o.lang;
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
    let mut t = table_in(
        l,
        &[
            ("role", "職種"),
            ("name", "名前"),
            ("family", "系統"),
            ("seniority", "職位レベル"),
            ("entry", "入口"),
            ("employee", "会社員"),
            ("freelance", "フリーランス"),
        ],
    );
    for r in &rows {
        let fig = |f: &Option<crate::income::Figure>| {
            f.as_ref().map_or("–".to_string(), |f| f.display())
        };
        t.add_row(vec![
            r.id.to_string(),
            l.text(r.name).to_string(),
            r.family.to_string(),
            r.seniority.to_string(),
            if r.entry {
                yes_no(true, l)
            } else {
                String::new()
            },
            fig(&r.income.employee),
            fig(&r.income.freelance),
        ]);
    }
    let n = rows.len();
    match (style, l) {
        (Style::Markdown, Lang::En) => format!("## Roles\n\n{}\n{n} roles.\n", markdown(&t)),
        (Style::Markdown, Lang::Ja) => format!("## 職種\n\n{}\n職種{n}件。\n", markdown(&t)),
        (_, Lang::En) => format!(
            "{}\n{n} roles. `careergraph role ID` shows one.\n",
            o.narrow(&t, ROLE_COLUMNS_TO_DROP)
        ),
        (_, Lang::Ja) => format!(
            "{}\n職種{n}件。`careergraph role ID` で1件を詳しく表示します。\n",
            o.narrow(&t, ROLE_COLUMNS_TO_DROP)
        ),
    }
}

#[derive(Serialize)]
struct RequirementView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    skill: Option<&'a str>,
    /// A skill family any member of which counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    any_of: Option<&'a str>,
    /// With `any_of`: which member counts (1 the best).
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<u8>,
    /// With `any_of`: the family's members.
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<&'a str>>,
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
    /// The headline figures (see `KnowledgeBase::headline`), with the survey and any role
    /// they are borrowed from.
    headline: Incomes,
    aptitudes: Vec<&'a str>,
    transitions_out: Vec<TransitionView<'a>>,
    transitions_in: Vec<TransitionView<'a>>,
    source: &'a str,
}

/// `role ID`.
pub fn role(kb: &KnowledgeBase, ix: RoleIx, as_json: bool, o: Options) -> String {
    let l = o.lang;
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
                skill: q.any_of.is_none().then(|| kb.skill(q.skill).id.as_str()),
                any_of: q.any_of.map(|a| kb.skill_family(a.family).id.as_str()),
                rank: q.any_of.map(|a| a.rank),
                members: q.any_of.map(|a| {
                    kb.skill_family(a.family)
                        .members
                        .iter()
                        .map(|m| kb.skill(*m).id.as_str())
                        .collect()
                }),
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
        headline: Incomes::of(kb, ix),
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
        return super::sources::cited_json(&view, o.registry);
    }
    let mut src = Sources::default();
    let mut out = String::new();
    let title = format!("{} — {}", view.id, l.text(&r.name));
    let _ = writeln!(
        out,
        "{}",
        o.title(&format!("{title} {}", src.mark(&r.source)))
    );
    let (family, seniority) = (view.family, r.seniority);
    let facts = match l {
        Lang::En => format!(
            "family {family}, seniority {seniority}{}",
            if r.entry { ", entry role" } else { "" }
        ),
        Lang::Ja => format!(
            "系統 {family}、職位レベル {seniority}{}",
            if r.entry { "、入口職種" } else { "" }
        ),
    };
    o.push_item(&mut out, "", 0, &facts);
    if !r.aliases.is_empty() {
        let aliases = format!("{} {}", l.msg("aliases:", "別名:"), r.aliases.join(", "));
        o.push_item(&mut out, "", 0, &aliases);
    }
    let _ = writeln!(out, "\n{}", l.text(&r.summary));
    if !view.requirements.is_empty() {
        let _ = writeln!(out, "\n{}", o.heading(l.msg("Requirements:", "要件:")));
        let mut t = table_in(
            l,
            &[
                ("skill", "スキル"),
                ("level", "レベル"),
                ("weight", "重み"),
                ("essential", "必須"),
                ("source", "出典"),
            ],
        );
        for q in &view.requirements {
            let skill = match (q.skill, q.any_of) {
                (Some(s), _) => s.to_string(),
                (None, Some(f)) => {
                    let members = q.members.as_deref().unwrap_or_default().join("|");
                    match (q.rank.unwrap_or(1), l) {
                        (1, Lang::En) => format!("any of {f} ({members})"),
                        (1, Lang::Ja) => format!("{f}のいずれか ({members})"),
                        (n, Lang::En) => format!("{n} of {f} ({members})"),
                        (n, Lang::Ja) => format!("{f}のうち{n}つ ({members})"),
                    }
                }
                (None, None) => String::new(),
            };
            t.add_row(vec![
                skill,
                q.level.to_string(),
                fmt_num(q.weight),
                yes_no(q.essential, l),
                src.mark(q.source),
            ]);
        }
        let _ = writeln!(out, "{}", o.grid(&t));
    }
    if let Some(e) = &view.experience {
        let mut parts = Vec::new();
        let y = |y: f64| years(y, l);
        if let Some(t) = e.total_years {
            parts.push(match l {
                Lang::En => format!("{} in total", y(t)),
                Lang::Ja => format!("通算{}", y(t)),
            });
        }
        for (p, t) in &e.phases {
            parts.push(match l {
                Lang::En => format!("{} of {p}", y(*t)),
                Lang::Ja => format!("{p} {}", y(*t)),
            });
        }
        if let Some(t) = e.management_years {
            parts.push(match l {
                Lang::En => format!("{} of management", y(t)),
                Lang::Ja => format!("マネジメント{}", y(t)),
            });
        }
        let _ = writeln!(
            out,
            "\n{} {} {}",
            l.msg("Experience:", "経験:"),
            parts.join(l.msg(", ", "、")),
            src.mark(e.source)
        );
    }
    if !view.certifications.is_empty() {
        out.push('\n');
        let certs = format!(
            "{} {}",
            l.msg("Certifications that help:", "役立つ資格:"),
            view.certifications.join(", ")
        );
        o.push_item(&mut out, "", 0, &certs);
    }
    if !view.aptitudes.is_empty() {
        let suits = format!(
            "{} {}",
            l.msg("Suits:", "向いている志向:"),
            view.aptitudes.join(", ")
        );
        o.push_item(&mut out, "", 0, &suits);
    }
    let _ = writeln!(out, "\n{}", o.heading(l.msg("Incomes:", "年収:")));
    let heads = |e| kb.headline(ix, e);
    for e in [Employment::Employee, Employment::Freelance] {
        let Some((h, p)) = heads(e).and_then(|h| Some((h.income, h.proxy?))) else {
            continue;
        };
        let lender = &kb.role(p.uses).id;
        let income = match l {
            Lang::En => format!(
                "{} {} of {lender} ({}, headline): {} {}",
                l.term(e.as_str()),
                crate::income::amount(h.average, h.min, h.max, h.period),
                h.survey,
                l.text(&p.basis),
                src.mark(&p.source)
            ),
            Lang::Ja => format!(
                "{} {}({lender} の数字、{}、代表値): {} {}",
                l.term(e.as_str()),
                crate::income::amount(h.average, h.min, h.max, h.period),
                h.survey,
                l.text(&p.basis),
                src.mark(&p.source)
            ),
        };
        o.push_item(&mut out, "  - ", 0, &income);
    }
    for i in &r.incomes {
        let is_headline =
            heads(i.employment).is_some_and(|h| h.proxy.is_none() && std::ptr::eq(h.income, i));
        let tag = match (is_headline, l) {
            (true, Lang::En) => ", headline",
            (true, Lang::Ja) => "、代表値",
            (false, _) => "",
        };
        let income = format!(
            "{} {} ({}{tag}): {} {}",
            l.term(i.employment.as_str()),
            crate::income::amount(i.average, i.min, i.max, i.period),
            i.survey,
            l.text(&i.basis),
            src.mark(&i.source)
        );
        o.push_item(&mut out, "  - ", 0, &income);
    }
    if r.incomes.is_empty()
        && heads(Employment::Employee).is_none()
        && heads(Employment::Freelance).is_none()
    {
        let none = l.msg(
            "no sourced figure for this role",
            "この職種には出典のある数字がありません",
        );
        o.push_item(&mut out, "  - ", 0, none);
    }
    for (title, list) in [
        (l.msg("Leads to", "次に進める職種"), &view.transitions_out),
        (l.msg("Reached from", "この前の職種"), &view.transitions_in),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", o.heading(&format!("{title}:")));
        for t in list {
            let (kind, typical) = (l.term(t.kind), years(t.typical_years, l));
            let how = match l {
                Lang::En => format!("{kind}, {typical}"),
                Lang::Ja => format!("{kind}、通常{typical}"),
            };
            let edge = format!(
                "{} ({how}): {} {}",
                t.role,
                l.text(t.note),
                src.mark(t.source)
            );
            o.push_item(&mut out, "  - ", 0, &edge);
        }
    }
    out.push_str(&src.render(o));
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
pub fn certs(kb: &KnowledgeBase, style: Style, o: Options) -> String {
    let l = o.lang;
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
        return super::sources::cited_json(
            &serde_json::json!({ "certifications": rows }),
            o.registry,
        );
    }
    let mut t = table_in(
        l,
        &[
            ("certification", "資格"),
            ("name", "名前"),
            ("issuer", "実施団体"),
            ("ITSS", "ITSS"),
            ("hours", "時間"),
            ("requires", "前提"),
            ("after", "推奨の前段"),
            ("evidences", "証明するスキル"),
            ("source", "出典"),
        ],
    );
    let mut src = Sources::default();
    for c in &kb.certifications {
        let ev: Vec<String> = c
            .evidences
            .iter()
            .map(|(s, l)| format!("{} {l}", kb.skill(*s).id))
            .collect();
        t.add_row(vec![
            c.id.clone(),
            l.text(&c.name).to_string(),
            c.issuer.clone(),
            c.itss_level.map_or(String::new(), |l| l.to_string()),
            c.study_hours.map_or(String::new(), |(a, b)| {
                format!("{}–{}", fmt_num(a), fmt_num(b))
            }),
            ids(&c.prerequisites).join(", "),
            ids(&c.recommended_after).join(", "),
            ev.join(", "),
            src.mark(&c.source),
        ]);
    }
    let n = kb.certifications.len();
    let list = match (style, l) {
        (Style::Markdown, Lang::En) => {
            format!(
                "## Certifications\n\n{}\n{n} certifications.\n",
                markdown(&t)
            )
        }
        (Style::Markdown, Lang::Ja) => format!("## 資格\n\n{}\n資格{n}件。\n", markdown(&t)),
        (_, Lang::En) => format!(
            "{}\n{n} certifications.\n",
            o.narrow(&t, CERT_COLUMNS_TO_DROP)
        ),
        (_, Lang::Ja) => format!("{}\n資格{n}件。\n", o.narrow(&t, CERT_COLUMNS_TO_DROP)),
    };
    format!("{list}{}", src.render(o))
}

/// `skills`.
pub fn skills(kb: &KnowledgeBase, style: Style, o: Options) -> String {
    let l = o.lang;
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
    let mut t = table_in(
        l,
        &[("skill", "スキル"), ("name", "名前"), ("category", "分類")],
    );
    for s in &kb.skills {
        t.add_row(vec![
            s.id.clone(),
            l.text(&s.name).to_string(),
            s.category.clone(),
        ]);
    }
    let n = kb.skills.len();
    match (style, l) {
        (Style::Markdown, Lang::En) => format!("## Skills\n\n{}\n{n} skills.\n", markdown(&t)),
        (Style::Markdown, Lang::Ja) => format!("## スキル\n\n{}\nスキル{n}件。\n", markdown(&t)),
        (_, Lang::En) => format!(
            "{}\n{n} skills. Levels: 0 none, 1 studied, 2 works with help, 3 independent, 4 leads and designs, 5 recognised expert.\n",
            o.grid(&t)
        ),
        (_, Lang::Ja) => format!(
            "{}\nスキル{n}件。レベル: 0 なし、1 学習した、2 支援があればできる、3 自立してできる、4 リードし設計できる、5 第一人者。\n",
            o.grid(&t)
        ),
    }
}

/// `preferences`: the vocabularies a profile uses (preferences, workplaces, phases).
pub fn preferences(kb: &KnowledgeBase, as_json: bool, o: Options) -> String {
    let l = o.lang;
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
        (
            l.msg("Preferences (`preferences`):", "志向 (`preferences`):"),
            &kb.preferences,
        ),
        (
            l.msg("Workplaces (`workplace`):", "職場 (`workplace`):"),
            &kb.workplaces,
        ),
    ] {
        let mut t = table_in(l, &[("id", "id"), ("name", "名前")]);
        for v in list.iter() {
            t.add_row(vec![v.id.clone(), l.text(&v.name).to_string()]);
        }
        let _ = writeln!(out, "{}\n{}\n", o.title(title), o.grid(&t));
    }
    let mut t = table_in(l, &[("id", "id"), ("name", "名前"), ("upstream", "上流")]);
    for p in &kb.phases {
        t.add_row(vec![
            p.id.clone(),
            l.text(&p.name).to_string(),
            if p.upstream {
                yes_no(true, l)
            } else {
                String::new()
            },
        ]);
    }
    let title = l.msg(
        "Phases (`phases`, years per phase):",
        "工程 (`phases`、工程ごとの年数):",
    );
    let _ = writeln!(out, "{}\n{}", o.title(title), o.grid(&t));
    out
}
