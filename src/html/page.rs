//! The HTML page of a [`Report`]: one document with its CSS inline and the route map as inline
//! SVG; no scripts, no fonts, nothing fetched.

use std::fmt::Write;

use super::escape::escape;
use super::{Bar, Named, Report};
use crate::income::Estimate;
use crate::income::outlook::RoleIncome;
use crate::knowledge::format::Text;
use crate::lang::Lang;
use crate::planning::GapReport;
use crate::planning::gaps::Gap;
use crate::recommend::Recommendation;
use crate::report::{Sources, months, score, years};
use crate::rules::fmt_num;

const STYLE: &str = include_str!("style.css");

/// A name or note in the page's language, escaped.
fn text(t: &Text, l: Lang) -> String {
    escape(l.text(t))
}

fn named(n: &Named, l: Lang) -> String {
    format!("{} <code>{}</code>", text(&n.name, l), escape(&n.id))
}

/// A bar 0–1 with its value as text.
fn meter(x: f64, class: &str) -> String {
    let pct = (x.clamp(0.0, 1.0) * 100.0).round();
    format!(
        "<div class=\"meter {class}\"><span style=\"width:{pct}%\"></span></div>\
         <span class=\"num\">{}</span>",
        score(x)
    )
}

/// The readiness as a coloured badge (its class is the id, its text in the language).
fn badge(readiness: &str, l: Lang) -> String {
    format!(
        "<span class=\"badge {}\">{}</span>",
        escape(readiness),
        escape(l.term(readiness))
    )
}

/// Renders the page (in the report's language).
pub fn render(r: &Report) -> String {
    let l = r.lang;
    let who = r
        .profile
        .name
        .as_deref()
        .unwrap_or(l.msg("the profile", "このプロフィール"));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}: {} — careergraph</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        l.msg("en", "ja"),
        l.msg("Career report", "キャリアレポート"),
        escape(who)
    );
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"who\">{}</p></header>",
        l.msg("Career report", "キャリアレポート"),
        escape(who)
    );
    let mut src = Sources::default();
    profile(&mut out, r, &mut src, l);
    recommendations(&mut out, r, &mut src, l);
    if let Some(g) = &r.target {
        target(&mut out, g, &r.chart, &mut src, l);
    }
    route(&mut out, r, l);
    income(&mut out, r, &mut src, l);
    sources(&mut out, r, &src, l);
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</body>\n</html>",
        l.msg(
            "Made by careergraph from its sourced knowledge base; every figure is an \
             estimate from the sources listed above.",
            "careergraph が出典付きの知識ベースから作成。数字はすべて上記の出典に基づく推定です。",
        )
    );
    out
}

/// A footnote mark linking to its source in the list the page ends with:
/// `<sup class="src"><a href="#source-1">[1]</a></sup>`.
fn mark(src: &mut Sources, source: &str) -> String {
    let m = src.mark(source);
    let n = m.trim_start_matches('[').trim_end_matches(']');
    format!("<sup class=\"src\"><a href=\"#source-{n}\">{m}</a></sup>")
}

/// The marks of several sources, each once, in order.
fn marks<'a>(src: &mut Sources, sources: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for s in sources {
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.into_iter().map(|s| mark(src, s)).collect()
}

/// The sources the page's marks cite, numbered as marked, each a link to where a reader can
/// open it.
fn sources(out: &mut String, r: &Report, src: &Sources, l: Lang) {
    if src.cited().is_empty() {
        return;
    }
    section(out, "sources", l.msg("Sources", "出典"));
    out.push_str("<ol class=\"sources\">\n");
    for (i, id) in src.cited().iter().enumerate() {
        let item = match crate::knowledge::find_source(&r.registry, id) {
            Some(s) => {
                let title = if s.is_web() {
                    format!("<a href=\"{}\">{}</a>", escape(&s.url), escape(&s.title))
                } else {
                    format!("{} <small>({})</small>", escape(&s.title), escape(&s.url))
                };
                format!(
                    "{title} — {} ({}) <code>{}</code>",
                    escape(&s.publisher),
                    escape(s.year()),
                    escape(id)
                )
            }
            // Free text (a knowledge base without a registry): shown as written.
            None => escape(id),
        };
        let _ = writeln!(out, "<li id=\"source-{}\">{item}</li>", i + 1);
    }
    out.push_str("</ol>\n</section>\n");
}

fn section(out: &mut String, id: &str, title: &str) {
    let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{title}</h2>");
}

fn profile(out: &mut String, r: &Report, src: &mut Sources, l: Lang) {
    let p = &r.profile;
    section(out, "profile", l.msg("Profile", "プロフィール"));
    out.push_str("<dl class=\"facts\">\n");
    let role = p.current_role.as_ref().map_or_else(
        || l.msg("none (entry roles)", "なし(入口職種)").to_string(),
        |n| named(n, l),
    );
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{role}</dd>",
        l.msg("Current role", "現在の職種")
    );
    let _ = write!(
        out,
        "<dt>{}</dt><dd>{}",
        l.msg("Experience", "経験"),
        years(p.years_experience, l)
    );
    if p.management_years > 0.0 {
        let m = years(p.management_years, l);
        let _ = match l {
            Lang::En => write!(out, ", {m} managing"),
            Lang::Ja => write!(out, "、マネジメント{m}"),
        };
    }
    out.push_str("</dd>\n");
    if let Some(now) = &r.income.current {
        let figs = income_now(now, src, l);
        if !figs.is_empty() {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{figs}</dd>",
                l.msg("Income now (estimate)", "現在の推定年収")
            );
        }
    }
    if !p.phases.is_empty() {
        let items: Vec<String> = p
            .phases
            .iter()
            .map(|(n, y)| {
                format!(
                    "<li>{} <b>{}{}</b></li>",
                    text(&n.name, l),
                    fmt_num(*y),
                    l.msg("y", "年")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd><ul class=\"chips\">{}</ul></dd>",
            l.msg("Phases", "工程"),
            items.concat()
        );
    }
    let skills: Vec<String> = p
        .skills
        .iter()
        .map(|(n, level)| {
            format!(
                "<li title=\"{}\">{} <b>{level}</b></li>",
                escape(&n.id),
                text(&n.name, l)
            )
        })
        .collect();
    let none = l.msg("none", "なし");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd><ul class=\"chips\">{}</ul></dd>",
        l.msg("Skills (level 1–5)", "スキル(レベル1–5)"),
        if skills.is_empty() {
            none.to_string()
        } else {
            skills.concat()
        }
    );
    let certs: Vec<String> = p
        .certifications
        .iter()
        .map(|c| format!("<li class=\"cert\">{}</li>", named(c, l)))
        .collect();
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd><ul class=\"chips\">{}</ul></dd>",
        l.msg("Certifications", "資格"),
        if certs.is_empty() {
            none.to_string()
        } else {
            certs.concat()
        }
    );
    out.push_str("</dl>\n</section>\n");
}

/// The profile's estimates in its current role, as the income table shows them.
fn income_now(now: &RoleIncome, src: &mut Sources, l: Lang) -> String {
    let mut parts = Vec::new();
    for e in [&now.employee, &now.freelance] {
        if let (Some(range), Some(b)) = (e.range, &e.base) {
            parts.push(format!(
                "{} {}万円 <small>({})</small>{}",
                l.term(e.employment.as_str()),
                escape(&range.display()),
                escape(&b.survey),
                mark(src, &b.source)
            ));
        }
    }
    parts.join(" · ")
}

fn gap_list(rec: &Recommendation, l: Lang) -> String {
    const SHOWN: usize = 4;
    let mut items: Vec<String> = rec
        .gaps
        .iter()
        .take(SHOWN)
        .map(|g| match g {
            Gap::Skill(s) => format!(
                "<li{}>{} {}→{}</li>",
                if s.essential {
                    " class=\"essential\""
                } else {
                    ""
                },
                text(&s.name, l),
                s.have,
                s.need
            ),
            Gap::Experience(e) => format!(
                "<li class=\"essential\">{} {}→{}{}</li>",
                text(&e.name, l),
                fmt_num(e.have),
                fmt_num(e.need),
                l.msg("y", "年")
            ),
        })
        .collect();
    if rec.gaps.len() > SHOWN {
        let more = rec.gaps.len() - SHOWN;
        items.push(match l {
            Lang::En => format!("<li>+{more} more</li>"),
            Lang::Ja => format!("<li>ほか{more}件</li>"),
        });
    }
    if items.is_empty() {
        format!(
            "<span class=\"none\">{}</span>",
            l.msg("no gaps", "不足なし")
        )
    } else {
        format!("<ul class=\"gaps\">{}</ul>", items.concat())
    }
}

fn recommendations(out: &mut String, r: &Report, src: &mut Sources, l: Lang) {
    section(
        out,
        "recommendations",
        l.msg("Recommended next roles", "おすすめの次の職種"),
    );
    let recs = &r.recommendations.recommendations;
    if recs.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>\n</section>",
            l.msg("No role to recommend.", "おすすめできる職種はありません。")
        );
        return;
    }
    let heads = [
        ("#", "#"),
        ("Role", "職種"),
        ("Advice", "助言"),
        ("Score", "スコア"),
        ("Fit", "適合度"),
        ("Readiness", "準備状況"),
        ("Time to ready", "準備完了まで"),
        ("Move for you", "あなたの移動期間"),
        ("Gaps (have→need)", "不足(現在→必要)"),
    ];
    let _ = writeln!(
        out,
        "<table class=\"recs\">\n<thead><tr>{}</tr></thead>\n<tbody>",
        header_cells(&heads, l)
    );
    for (i, rec) in recs.iter().enumerate() {
        let via = if rec.via.is_empty() {
            String::new()
        } else {
            format!(
                "<div class=\"via\">{} {}</div>",
                l.msg("via", "経由"),
                escape(&rec.via.join(" → "))
            )
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"rank\">{}</td><td>{} <code>{}</code>{}{via}</td><td class=\"advice {}\">{}</td>\
             <td class=\"bar\">{}</td><td class=\"bar\">{}</td>\
             <td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            i + 1,
            text(&rec.name, l),
            escape(&rec.role),
            // Why the move is advised: its reasons' sources.
            marks(src, rec.reasons.iter().map(|x| x.source.as_str())),
            rec.advice.as_str(),
            escape(l.msg(rec.advice.names().0, rec.advice.names().1)),
            meter(rec.score, "score"),
            meter(rec.fit, "fit"),
            badge(rec.readiness.as_str(), l),
            escape(&months(rec.months_to_ready, l)),
            // The same price as the route map's and `paths`'.
            rec.years_for_you.map_or_else(
                || "—".to_string(),
                |y| escape(&years((y * 100.0).round() / 100.0, l))
            ),
            gap_list(rec, l)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// `<th>` cells of `(English, 日本語)` names.
fn header_cells(heads: &[(&str, &str)], l: Lang) -> String {
    heads
        .iter()
        .map(|(en, ja)| format!("<th>{}</th>", l.msg(en, ja)))
        .collect()
}

fn bar(b: &Bar, src: &mut Sources, l: Lang) -> String {
    let pct = |x: f64| ((x / b.scale).clamp(0.0, 1.0) * 1000.0).round() / 10.0;
    let met = b.have >= b.need;
    let class = match (met, b.essential) {
        (true, _) => "met",
        (false, true) => "short essential",
        (false, false) => "short",
    };
    let unit = if b.unit == "years" {
        l.msg(" years", "年")
    } else {
        ""
    };
    format!(
        "<div class=\"row {class}\"><div class=\"label\">{} <code>{}</code>{}</div>\
         <div class=\"track\"><span class=\"need\" style=\"width:{}%\"></span>\
         <span class=\"have\" style=\"width:{}%\"></span></div>\
         <div class=\"num\">{} / {}{unit}</div></div>\n",
        text(&b.name, l),
        escape(&b.id),
        b.source
            .as_deref()
            .map(|s| mark(src, s))
            .unwrap_or_default(),
        pct(b.need),
        pct(b.have),
        fmt_num(b.have),
        fmt_num(b.need)
    )
}

fn target(out: &mut String, g: &GapReport, chart: &[Bar], src: &mut Sources, l: Lang) {
    section(out, "target", l.msg("Target role", "目標の職種"));
    let (fit, badge) = (score(g.fit), badge(g.readiness.as_str(), l));
    let (ready, all) = (
        escape(&months(g.months_to_ready, l)),
        escape(&months(g.months_to_close_all, l)),
    );
    let summary = match l {
        Lang::En => format!("fit {fit} {badge} · ready {ready} · every gap closed {all}"),
        Lang::Ja => {
            format!("適合度 {fit} {badge} · 準備完了まで {ready} · すべての不足を埋めるまで {all}")
        }
    };
    let _ = writeln!(
        out,
        "<p class=\"target\"><b>{}</b> <code>{}</code> — {summary}</p>",
        text(&g.name, l),
        escape(&g.target),
    );
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p class=\"legend\"><span class=\"key have\"></span>{} \
         <span class=\"key need\"></span>{} <span class=\"key met\"></span>{}</p>\n\
         <div class=\"chart\">",
        l.msg("Requirements: have vs need", "要件: 現在と必要"),
        l.msg("have", "現在"),
        l.msg("needed, not yet", "必要(未達)"),
        l.msg("met", "達成"),
    );
    if chart.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            l.msg(
                "The role lists no requirements.",
                "この職種には要件がありません。"
            )
        );
    }
    for b in chart {
        out.push_str(&bar(b, src, l));
    }
    out.push_str("</div>\n");
    let _ = writeln!(out, "<h3>{}</h3>", l.msg("Certification plan", "推奨資格"));
    if g.certifications.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            l.msg(
                "No certification needed for the essential gaps.",
                "必須の不足を埋めるのに資格は要りません。"
            )
        );
    } else {
        let heads = [
            ("Step", "順番"),
            ("Certification", "資格"),
            ("Issuer", "実施団体"),
            ("Study hours", "学習時間"),
            ("Closes", "埋まるスキル"),
        ];
        let _ = writeln!(
            out,
            "<table class=\"plan\">\n<thead><tr>{}</tr></thead>\n<tbody>",
            header_cells(&heads, l)
        );
        for (i, c) in g.certifications.iter().enumerate() {
            let hours = c.study_hours.map_or_else(
                || l.msg("unknown", "不明").to_string(),
                |h| {
                    if (h.min - h.max).abs() < f64::EPSILON {
                        fmt_num(h.min)
                    } else {
                        format!("{}–{}", fmt_num(h.min), fmt_num(h.max))
                    }
                },
            );
            let closes: Vec<String> = c
                .closes
                .iter()
                .map(|x| format!("{}→{}", escape(&x.skill), x.level))
                .collect();
            let _ = writeln!(
                out,
                "<tr><td class=\"rank\">{}</td><td>{} <code>{}</code>{}</td><td>{}</td>\
                 <td class=\"num\">{hours}</td><td>{}</td></tr>",
                i + 1,
                text(&c.name, l),
                escape(&c.id),
                marks(src, c.reasons.iter().map(|x| x.source.as_str())),
                escape(&c.issuer),
                closes.join(", ")
            );
        }
        let t = &g.certification_time;
        let unknown = if t.unknown_hours.is_empty() {
            String::new()
        } else {
            let ids = escape(&t.unknown_hours.join(", "));
            match l {
                Lang::En => format!(" (hours unknown for {ids})"),
                Lang::Ja => format!(" ({ids} は時間不明)"),
            }
        };
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><td></td><td colspan=\"2\">{}</td><td class=\"num\">≈{}</td>\
             <td>{}{unknown}</td></tr></tfoot>\n</table>",
            l.msg("Total", "合計"),
            fmt_num(t.hours.round()),
            escape(&months(t.months, l))
        );
    }
    out.push_str("</section>\n");
}

fn route(out: &mut String, r: &Report, l: Lang) {
    section(out, "route", l.msg("Route map", "キャリアマップ"));
    match &r.graph.route {
        Some(rt) if !rt.roles.is_empty() => {
            let cost = rt
                .cost
                .map(|c| format!(" ({})", years((c * 100.0).round() / 100.0, l)))
                .unwrap_or_default();
            let roles = escape(&rt.roles.join(" → "));
            let _ = match l {
                Lang::En => writeln!(
                    out,
                    "<p>Best route: <b>{roles}</b>{cost}, drawn in red.</p>"
                ),
                Lang::Ja => writeln!(out, "<p>最適ルート: <b>{roles}</b>{cost}(赤で表示)。</p>"),
            };
        }
        Some(rt) => {
            let (from, to) = (escape(&rt.from), escape(&rt.to));
            let _ = match l {
                Lang::En => writeln!(out, "<p>No route from {from} to {to}.</p>"),
                Lang::Ja => writeln!(out, "<p>{from} から {to} へのルートはありません。</p>"),
            };
        }
        None => {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                l.msg("Roles coloured by fit.", "職種は適合度で色分けしています。")
            );
        }
    }
    let _ = write!(
        out,
        "<div class=\"map\">\n{}</div>\n</section>\n",
        crate::picture::svg::render(&r.graph)
    );
}

fn estimate(e: &Estimate, src: &mut Sources, l: Lang) -> String {
    match (e.range, &e.base) {
        (Some(range), Some(b)) => {
            let mut s = format!("{}万円", escape(&range.display()));
            if let Some(m) = e.monthly {
                let _ = write!(s, " <small>({}万円/月)</small>", escape(&m.display()));
            }
            let basis = match (&b.borrowed_from, l) {
                (Some(r), Lang::En) => format!("{} of {r}", b.survey),
                (Some(r), Lang::Ja) => format!("{}、{r} の数字", b.survey),
                (None, _) => b.survey.clone(),
            };
            let _ = write!(
                s,
                "<br><small>{}</small>{}",
                escape(&basis),
                mark(src, &b.source)
            );
            s
        }
        _ => format!(
            "<span class=\"none\">{}</span>",
            l.msg("no sourced figure", "出典のある数字なし")
        ),
    }
}

fn income_row(out: &mut String, r: &RoleIncome, tag: &str, src: &mut Sources, l: Lang) {
    use crate::report::income::{borrowed, factor, factor_name};
    let mut factors: Vec<String> = r
        .employee
        .factors
        .iter()
        .chain(&r.freelance.factors)
        .map(|f| {
            escape(&format!(
                "{} {}{}",
                factor_name(f.kind, &f.id, &f.description, l),
                factor(f),
                borrowed(f, l)
            ))
        })
        .collect();
    factors.sort();
    factors.dedup();
    // Marks numbered in reading order: the figures, then the factors.
    let (employee, freelance) = (
        estimate(&r.employee, src, l),
        estimate(&r.freelance, src, l),
    );
    let cited = marks(
        src,
        r.employee
            .factors
            .iter()
            .chain(&r.freelance.factors)
            .flat_map(|f| std::iter::once(f.source.as_str()).chain(f.high_source.as_deref())),
    );
    let _ = writeln!(
        out,
        "<tr><td>{} <code>{}</code>{tag}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td>{}{cited}</td></tr>",
        text(&r.name, l),
        escape(&r.role),
        employee,
        freelance,
        factors.join(", ")
    );
}

fn income(out: &mut String, r: &Report, src: &mut Sources, l: Lang) {
    section(out, "income", l.msg("Income estimates", "年収の見込み"));
    let o = &r.income;
    let heads = [
        ("Role", "職種"),
        ("Employee", "会社員"),
        ("Freelance", "フリーランス"),
        ("Factors", "係数"),
    ];
    let _ = writeln!(
        out,
        "<p>{}</p>\n<table class=\"income\">\n<thead><tr>{}</tr></thead>\n<tbody>",
        l.msg(
            "万円 a year: the role's published figure (its survey below it) × each factor of the same \
             survey that applies to the profile.",
            "万円/年: 職種の公表値(下に調査) × プロフィールに当てはまる同じ調査の各係数。"
        ),
        header_cells(&heads, l)
    );
    if let Some(c) = &o.current {
        let tag = format!(" <span class=\"tag\">{}</span>", l.msg("now", "現在"));
        income_row(out, c, &tag, src, l);
    }
    for x in &o.recommended {
        income_row(out, x, "", src, l);
    }
    out.push_str("</tbody>\n</table>\n");
    let estimates = || {
        o.current
            .iter()
            .chain(&o.recommended)
            .flat_map(|r| [&r.employee, &r.freelance])
    };
    // What was not applied, and why: once per reason.
    let mut notes: Vec<String> = Vec::new();
    for n in estimates().flat_map(|e| &e.not_applied) {
        let line = format!(
            "{} {} {} — {}",
            l.msg("Not applied:", "適用しない:"),
            crate::report::income::factor_name(n.kind, &n.id, &n.description, l),
            crate::report::income::times(n.low, n.high),
            l.text(&n.reason)
        );
        if !notes.contains(&line) {
            notes.push(line);
        }
    }
    let mut borrowed: Vec<&crate::income::Borrowed> = estimates()
        .flat_map(|e| &e.factors)
        .flat_map(|f| &f.borrowed)
        .collect();
    borrowed.sort_by(|a, b| a.id.cmp(&b.id));
    borrowed.dedup_by(|a, b| a.id == b.id);
    for b in borrowed {
        notes.push(match l {
            Lang::En => format!(
                "Borrowed: {} ({}'s ratio): {}",
                b.id, b.survey, b.because.en
            ),
            Lang::Ja => format!("借用: {}({}の比): {}", b.id, b.survey, b.because.ja),
        });
    }
    for n in notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&n));
    }
    for n in [&o.conversion, &o.caveat].into_iter().flatten() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", text(&n.text, l));
    }
    // The surveys of what the table and the notes show (not of missing uplifts).
    let shown: Vec<&str> = estimates()
        .flat_map(|e| {
            e.base
                .iter()
                .map(|b| b.survey.as_str())
                .chain(e.factors.iter().map(|f| f.survey.as_str()))
                .chain(e.not_applied.iter().map(|n| n.survey.as_str()))
        })
        .collect();
    let items: Vec<String> = o
        .surveys
        .iter()
        .filter(|s| shown.contains(&s.id.as_str()))
        .map(|s| format!("<code>{}</code> {}", escape(&s.id), text(&s.name, l)))
        .collect();
    if !items.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} {}</p>",
            l.msg("Surveys:", "調査:"),
            items.join(" · ")
        );
    }
    out.push_str("</section>\n");
}
