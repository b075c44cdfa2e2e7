//! The HTML page of a [`Report`]: one document with its CSS inline and the route map as inline
//! SVG; no scripts, no fonts, nothing fetched.

use std::fmt::Write;

use super::escape::escape;
use super::{Bar, Named, Report};
use crate::income::Estimate;
use crate::income::outlook::RoleIncome;
use crate::planning::GapReport;
use crate::planning::gaps::Gap;
use crate::recommend::Recommendation;
use crate::report::{months, score};
use crate::rules::fmt_num;

const STYLE: &str = include_str!("style.css");

/// "日本語 / English", escaped; one name when both are the same.
fn both(ja: &str, en: &str) -> String {
    if ja == en {
        escape(en)
    } else {
        format!(
            "<span lang=\"ja\">{}</span> <span class=\"en\">/ {}</span>",
            escape(ja),
            escape(en)
        )
    }
}

fn named(n: &Named) -> String {
    format!(
        "{} <code>{}</code>",
        both(&n.name.ja, &n.name.en),
        escape(&n.id)
    )
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

fn badge(readiness: &str) -> String {
    let r = escape(readiness);
    format!("<span class=\"badge {r}\">{r}</span>")
}

/// Renders the page.
pub fn render(r: &Report) -> String {
    let who = r.profile.name.as_deref().unwrap_or("the profile");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Career report: {} — careergraph</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(who)
    );
    let _ = writeln!(
        out,
        "<header><h1>Career report <span lang=\"ja\">キャリアレポート</span></h1>\
         <p class=\"who\">{}</p></header>",
        escape(who)
    );
    profile(&mut out, r);
    recommendations(&mut out, r);
    if let Some(g) = &r.target {
        target(&mut out, g, &r.chart);
    }
    route(&mut out, r);
    income(&mut out, r);
    out.push_str(
        "<footer>Made by careergraph from its sourced knowledge base; every figure is an \
         estimate. 出典はテキスト出力と JSON 出力に記載。</footer>\n</body>\n</html>\n",
    );
    out
}

fn section(out: &mut String, id: &str, en: &str, ja: &str) {
    let _ = writeln!(
        out,
        "<section id=\"{id}\">\n<h2>{en} <span lang=\"ja\">{ja}</span></h2>"
    );
}

fn profile(out: &mut String, r: &Report) {
    let p = &r.profile;
    section(out, "profile", "Profile", "プロフィール");
    out.push_str("<dl class=\"facts\">\n");
    let role = p
        .current_role
        .as_ref()
        .map_or_else(|| "none (entry roles)".to_string(), named);
    let _ = writeln!(out, "<dt>Current role</dt><dd>{role}</dd>");
    let _ = writeln!(
        out,
        "<dt>Experience</dt><dd>{} years",
        fmt_num(p.years_experience)
    );
    if p.management_years > 0.0 {
        let _ = write!(out, ", {} years managing", fmt_num(p.management_years));
    }
    out.push_str("</dd>\n");
    if let Some(inc) = &r.recommendations.profile.income {
        let figs = incomes(inc);
        if !figs.is_empty() {
            let _ = writeln!(out, "<dt>Income now</dt><dd>{figs}</dd>");
        }
    }
    if !p.phases.is_empty() {
        let items: Vec<String> = p
            .phases
            .iter()
            .map(|(n, y)| {
                format!(
                    "<li>{} <b>{}y</b></li>",
                    both(&n.name.ja, &n.name.en),
                    fmt_num(*y)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<dt>Phases</dt><dd><ul class=\"chips\">{}</ul></dd>",
            items.concat()
        );
    }
    let skills: Vec<String> = p
        .skills
        .iter()
        .map(|(n, l)| {
            format!(
                "<li title=\"{}\">{} <b>{l}</b></li>",
                escape(&n.id),
                both(&n.name.ja, &n.name.en)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<dt>Skills (level 1–5)</dt><dd><ul class=\"chips\">{}</ul></dd>",
        if skills.is_empty() {
            "none".to_string()
        } else {
            skills.concat()
        }
    );
    let certs: Vec<String> = p
        .certifications
        .iter()
        .map(|c| format!("<li class=\"cert\">{}</li>", named(c)))
        .collect();
    let _ = writeln!(
        out,
        "<dt>Certifications</dt><dd><ul class=\"chips\">{}</ul></dd>",
        if certs.is_empty() {
            "none".to_string()
        } else {
            certs.concat()
        }
    );
    out.push_str("</dl>\n</section>\n");
}

fn incomes(inc: &crate::income::Incomes) -> String {
    let mut parts = Vec::new();
    if let Some(f) = &inc.employee {
        parts.push(format!("employee {}", escape(&f.display())));
    }
    if let Some(f) = &inc.freelance {
        parts.push(format!("freelance {}", escape(&f.display())));
    }
    parts.join(" · ")
}

fn gap_list(rec: &Recommendation) -> String {
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
                escape(&s.name.en),
                s.have,
                s.need
            ),
            Gap::Experience(e) => format!(
                "<li class=\"essential\">{} {}→{}y</li>",
                escape(&e.name.en),
                fmt_num(e.have),
                fmt_num(e.need)
            ),
        })
        .collect();
    if rec.gaps.len() > SHOWN {
        items.push(format!("<li>+{} more</li>", rec.gaps.len() - SHOWN));
    }
    if items.is_empty() {
        "<span class=\"none\">no gaps</span>".to_string()
    } else {
        format!("<ul class=\"gaps\">{}</ul>", items.concat())
    }
}

fn recommendations(out: &mut String, r: &Report) {
    section(
        out,
        "recommendations",
        "Recommended next roles",
        "おすすめの次の役割",
    );
    let recs = &r.recommendations.recommendations;
    if recs.is_empty() {
        out.push_str("<p>No role to recommend.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table class=\"recs\">\n<thead><tr><th>#</th><th>Role</th><th>Score</th><th>Fit</th>\
         <th>Readiness</th><th>Time to ready</th><th>Gaps (have→need)</th></tr></thead>\n<tbody>\n",
    );
    for (i, rec) in recs.iter().enumerate() {
        let via = if rec.via.is_empty() {
            String::new()
        } else {
            format!(
                "<div class=\"via\">via {}</div>",
                escape(&rec.via.join(" → "))
            )
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"rank\">{}</td><td>{} <code>{}</code>{via}</td><td class=\"bar\">{}</td><td class=\"bar\">{}</td>\
             <td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            i + 1,
            both(&rec.name.ja, &rec.name.en),
            escape(&rec.role),
            meter(rec.score, "score"),
            meter(rec.fit, "fit"),
            badge(rec.readiness.as_str()),
            escape(&months(rec.months_to_ready, crate::lang::Lang::En)),
            gap_list(rec)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn bar(b: &Bar) -> String {
    let pct = |x: f64| ((x / b.scale).clamp(0.0, 1.0) * 1000.0).round() / 10.0;
    let met = b.have >= b.need;
    let class = match (met, b.essential) {
        (true, _) => "met",
        (false, true) => "short essential",
        (false, false) => "short",
    };
    let unit = if b.unit == "years" { " years" } else { "" };
    format!(
        "<div class=\"row {class}\"><div class=\"label\">{} <code>{}</code></div>\
         <div class=\"track\"><span class=\"need\" style=\"width:{}%\"></span>\
         <span class=\"have\" style=\"width:{}%\"></span></div>\
         <div class=\"num\">{} / {}{unit}</div></div>\n",
        both(&b.name.ja, &b.name.en),
        escape(&b.id),
        pct(b.need),
        pct(b.have),
        fmt_num(b.have),
        fmt_num(b.need)
    )
}

fn target(out: &mut String, g: &GapReport, chart: &[Bar]) {
    section(out, "target", "Target role", "目標の役割");
    let _ = writeln!(
        out,
        "<p class=\"target\"><b>{}</b> <code>{}</code> — fit {} {} · ready {} · every gap closed {}</p>",
        both(&g.name.ja, &g.name.en),
        escape(&g.target),
        score(g.fit),
        badge(g.readiness.as_str()),
        escape(&months(g.months_to_ready, crate::lang::Lang::En)),
        escape(&months(g.months_to_close_all, crate::lang::Lang::En))
    );
    out.push_str(
        "<h3>Requirements: have vs need <span lang=\"ja\">必要条件</span></h3>\n\
         <p class=\"legend\"><span class=\"key have\"></span>have \
         <span class=\"key need\"></span>needed, not yet \
         <span class=\"key met\"></span>met</p>\n<div class=\"chart\">\n",
    );
    if chart.is_empty() {
        out.push_str("<p>The role lists no requirements.</p>\n");
    }
    for b in chart {
        out.push_str(&bar(b));
    }
    out.push_str("</div>\n");
    out.push_str("<h3>Certification plan <span lang=\"ja\">資格の計画</span></h3>\n");
    if g.certifications.is_empty() {
        out.push_str("<p>No certification needed for the essential gaps.</p>\n");
    } else {
        out.push_str(
            "<table class=\"plan\">\n<thead><tr><th>Step</th><th>Certification</th>\
             <th>Issuer</th><th>Study hours</th><th>Closes</th></tr></thead>\n<tbody>\n",
        );
        for (i, c) in g.certifications.iter().enumerate() {
            let hours = c.study_hours.map_or_else(
                || "unknown".to_string(),
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
                "<tr><td class=\"rank\">{}</td><td>{} <code>{}</code></td><td>{}</td>\
                 <td class=\"num\">{hours}</td><td>{}</td></tr>",
                i + 1,
                both(&c.name.ja, &c.name.en),
                escape(&c.id),
                escape(&c.issuer),
                closes.join(", ")
            );
        }
        let t = &g.certification_time;
        let unknown = if t.unknown_hours.is_empty() {
            String::new()
        } else {
            format!(
                " (hours unknown for {})",
                escape(&t.unknown_hours.join(", "))
            )
        };
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><td></td><td colspan=\"2\">Total</td><td class=\"num\">≈{}</td>\
             <td>{}{unknown}</td></tr></tfoot>\n</table>",
            fmt_num(t.hours.round()),
            escape(&months(t.months, crate::lang::Lang::En))
        );
    }
    out.push_str("</section>\n");
}

fn route(out: &mut String, r: &Report) {
    section(out, "route", "Route map", "キャリアマップ");
    match &r.graph.route {
        Some(rt) if !rt.roles.is_empty() => {
            let cost = rt
                .cost
                .map(|c| format!(" ({} years)", fmt_num((c * 100.0).round() / 100.0)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<p>Best route: <b>{}</b>{cost}, drawn in red.</p>",
                escape(&rt.roles.join(" → "))
            );
        }
        Some(rt) => {
            let _ = writeln!(
                out,
                "<p>No route from {} to {}.</p>",
                escape(&rt.from),
                escape(&rt.to)
            );
        }
        None => out.push_str("<p>Roles coloured by fit.</p>\n"),
    }
    let _ = write!(
        out,
        "<div class=\"map\">\n{}</div>\n</section>\n",
        crate::picture::svg::render(&r.graph)
    );
}

fn estimate(e: &Estimate) -> String {
    match e.range {
        Some(range) => {
            let mut s = format!("{}万円", escape(&range.display()));
            if let Some(m) = e.monthly {
                let _ = write!(s, " <small>({}万円/月)</small>", escape(&m.display()));
            }
            s
        }
        None => "<span class=\"none\">no sourced figure</span>".to_string(),
    }
}

fn income_row(out: &mut String, r: &RoleIncome, tag: &str) {
    let factors: Vec<String> = r
        .employee
        .factors
        .iter()
        .chain(&r.freelance.factors)
        .map(|f| {
            let what = if f.kind == "age" {
                format!("age {}", f.id)
            } else {
                f.id.clone()
            };
            format!(
                "{} {}",
                escape(&what),
                escape(&crate::report::income::factor(f))
            )
        })
        .collect();
    let mut factors = factors;
    factors.sort();
    factors.dedup();
    let _ = writeln!(
        out,
        "<tr><td>{} <code>{}</code>{tag}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td>{}</td></tr>",
        both(&r.name.ja, &r.name.en),
        escape(&r.role),
        estimate(&r.employee),
        estimate(&r.freelance),
        factors.join(", ")
    );
}

fn income(out: &mut String, r: &Report) {
    section(out, "income", "Income estimates", "年収の見込み");
    let o = &r.income;
    out.push_str(
        "<p>万円 a year: the role's published figure × each factor that applies to the \
         profile.</p>\n<table class=\"income\">\n<thead><tr><th>Role</th><th>Employee \
         <span lang=\"ja\">会社員</span></th><th>Freelance <span lang=\"ja\">フリーランス</span></th>\
         <th>Factors</th></tr></thead>\n<tbody>\n",
    );
    if let Some(c) = &o.current {
        income_row(out, c, " <span class=\"tag\">now</span>");
    }
    for x in &o.recommended {
        income_row(out, x, "");
    }
    out.push_str("</tbody>\n</table>\n");
    for n in [&o.conversion, &o.caveat].into_iter().flatten() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            both(&n.text.ja, &n.text.en)
        );
    }
    out.push_str("</section>\n");
}
