//! Text rendering of `gaps`.

use std::fmt::Write;

use super::{Options, Sources, certs, months, score, table_in, yes_no};
use crate::lang::Lang;
use crate::planning::GapReport;
use crate::rules::fmt_num;

/// The readable form of `gaps`.
pub fn text(g: &GapReport, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let (fit, ready) = (score(g.fit), o.readiness(g.readiness));
    let (to_ready, to_all) = (
        months(g.months_to_ready, l),
        months(g.months_to_close_all, l),
    );
    let (en, ja) = g.advice.names();
    let (title, time) = match l {
        Lang::En => (
            format!(
                "Gaps to {} ({}): {en}; fit {fit}, {ready}",
                g.target, g.name.en
            ),
            format!(
                "Time: {to_ready} to ready (essential gaps, part of the others), {to_all} to close every gap"
            ),
        ),
        Lang::Ja => (
            format!(
                "{} ({}) までの不足: {ja}。適合度 {fit}、{ready}",
                g.target, g.name.ja
            ),
            format!(
                "期間: 準備完了まで{to_ready}(必須の不足と、その他の不足の一部)、すべての不足を埋めるまで{to_all}"
            ),
        ),
    };
    let _ = writeln!(out, "{}", o.title(&title));
    o.push_item(&mut out, "", 0, &time);
    for u in &g.unmet {
        let first = super::unmet_line(u, l.msg("First:", "まず:"), &mut src, l);
        o.push_item(&mut out, "", 0, &first);
    }
    if let Some(role) = &g.current_role {
        let role = format!("{} {role}", l.msg("Current role:", "現在の職種:"));
        o.push_item(&mut out, "", 0, &role);
    }
    if g.skills.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            l.msg("No skill gaps.", "不足スキルはありません。")
        );
    } else {
        let _ = writeln!(out, "\n{}", o.heading(l.msg("Skill gaps:", "不足スキル:")));
        let mut t = table_in(
            l,
            &[
                ("skill", "スキル"),
                ("name", "名前"),
                ("have", "現在"),
                ("need", "必要"),
                ("essential", "必須"),
                ("months", "月数"),
                ("source", "出典"),
            ],
        );
        for s in &g.skills {
            t.add_row(vec![
                s.label(),
                l.text(&s.name).to_string(),
                match (&s.evidence, s.evidenced) {
                    (Some(c), Some(l)) => format!("{} ({c}: {l})", s.have),
                    _ => s.have.to_string(),
                },
                s.need.to_string(),
                yes_no(s.essential, l),
                fmt_num(s.months),
                src.mark(&s.source),
            ]);
        }
        let _ = writeln!(out, "{}", o.grid(&t));
    }
    if !g.experience.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg("Experience gaps:", "不足している経験:"))
        );
        for e in &g.experience {
            let (have, need) = (fmt_num(e.have), fmt_num(e.need));
            let mark = src.mark(&e.source);
            let line = match l {
                Lang::En => format!("{}: {have} of {need} years {mark}", e.name.en),
                Lang::Ja => format!("{}: {need}年のうち{have}年 {mark}", e.name.ja),
            };
            o.push_item(&mut out, "  - ", 0, &line);
        }
    }
    if !g.met.is_empty() {
        let via = l.msg("via", "根拠");
        let met: Vec<String> = g
            .met
            .iter()
            .map(|m| match &m.evidence {
                Some(c) => format!(
                    "{} {}/{} ({via} {c})",
                    crate::planning::gaps::label(&m.skill, m.any_of.as_ref()),
                    m.have,
                    m.need
                ),
                None => format!(
                    "{} {}/{}",
                    crate::planning::gaps::label(&m.skill, m.any_of.as_ref()),
                    m.have,
                    m.need
                ),
            })
            .collect();
        out.push('\n');
        let met = format!(
            "{} {}",
            l.msg("Already met:", "満たしている要件:"),
            met.join(", ")
        );
        o.push_item(&mut out, "", 0, &met);
    }
    if !g.certifications.is_empty() {
        let title = format!(
            "{} ({}):",
            l.msg("Certification plan", "推奨資格"),
            certs::study_time(&g.certification_time, l)
        );
        let _ = writeln!(out, "\n{}", o.heading(&title));
        let _ = writeln!(out, "{}", certs::plan_table(&g.certifications, &mut src, o));
    }
    if !g.other_certifications.is_empty() {
        let others: Vec<String> = g
            .other_certifications
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let others = format!(
            "{} {}",
            l.msg("Also useful:", "ほかに役立つ資格:"),
            others.join(", ")
        );
        o.push_item(&mut out, "", 0, &others);
    }
    if !g.rules.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg("Rules of thumb that apply:", "当てはまる経験則:"))
        );
        for r in &g.rules {
            let adj = r
                .adjustment
                .map(|a| format!(" ({}{})", if a >= 0.0 { "+" } else { "" }, score(a)))
                .unwrap_or_default();
            let rule = format!("{}{adj} {}", l.text(&r.text), src.mark(&r.source));
            o.push_item(&mut out, "  - ", 0, &rule);
        }
    }
    if !g.plan.is_empty() {
        let _ = writeln!(out, "\n{}", o.heading(l.msg("Plan:", "計画:")));
        for (i, step) in g.plan.iter().enumerate() {
            let when = match (step.months, step.hours, l) {
                (Some(m), Some(h), Lang::En) => {
                    format!(" (≈{} study hours, {})", fmt_num(h), months(m, l))
                }
                (Some(m), Some(h), Lang::Ja) => {
                    format!(" (学習≈{}時間、{})", fmt_num(h), months(m, l))
                }
                (Some(m), None, _) => format!(" ({})", months(m, l)),
                (None, _, _) => String::new(),
            };
            let step = format!("{}{when}", l.text(&step.text));
            o.push_numbered(&mut out, "  ", i + 1, &step);
        }
    }
    if let Some(route) = &g.route {
        let _ = writeln!(
            out,
            "\n{} {} ({})",
            l.msg("Quickest route:", "最短ルート:"),
            route.roles.join(" → "),
            super::years(route.cost, l)
        );
    }
    let inc: Vec<String> = [
        ("employee", &g.income.employee),
        ("freelance", &g.income.freelance),
    ]
    .into_iter()
    .filter_map(|(k, f)| {
        f.as_ref().map(|f| {
            format!(
                "{} {} ({}) {}",
                l.term(k),
                f.display(),
                super::paths::figure_note(f, None, l),
                src.mark(&f.source)
            )
        })
    })
    .collect();
    if !inc.is_empty() {
        let _ = writeln!(out, "\n{} {}", l.msg("Income:", "年収:"), inc.join(", "));
    }
    out.push_str(&src.render(o));
    out
}
