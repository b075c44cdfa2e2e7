//! Text rendering of `gaps`.

use std::fmt::Write;

use super::{Sources, certs, months, score, table};
use crate::planning::GapReport;
use crate::rules::fmt_num;

/// The readable form of `gaps`.
pub fn text(g: &GapReport) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let _ = writeln!(
        out,
        "Gaps to {} ({} / {}): fit {}, {}",
        g.target,
        g.name.ja,
        g.name.en,
        score(g.fit),
        g.readiness.as_str()
    );
    let _ = writeln!(
        out,
        "Time: {} to ready (essential gaps), {} to close every gap",
        months(g.months_to_ready),
        months(g.months_to_close_all)
    );
    if let Some(role) = &g.current_role {
        let _ = writeln!(out, "Current role: {role}");
    }
    if g.skills.is_empty() {
        out.push_str("\nNo skill gaps.\n");
    } else {
        out.push_str("\nSkill gaps:\n");
        let mut t = table(&[
            "skill",
            "名前",
            "have",
            "need",
            "essential",
            "months",
            "source",
        ]);
        for s in &g.skills {
            t.add_row(vec![
                s.skill.clone(),
                s.name.ja.clone(),
                s.have.to_string(),
                s.need.to_string(),
                if s.essential { "yes" } else { "no" }.to_string(),
                fmt_num(s.months),
                src.mark(&s.source),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    if !g.experience.is_empty() {
        out.push_str("\nExperience gaps:\n");
        for e in &g.experience {
            let _ = writeln!(
                out,
                "  - {} ({}): {} of {} years {}",
                e.name.en,
                e.name.ja,
                fmt_num(e.have),
                fmt_num(e.need),
                src.mark(&e.source)
            );
        }
    }
    if !g.met.is_empty() {
        let met: Vec<String> = g
            .met
            .iter()
            .map(|m| match &m.evidence {
                Some(c) => format!("{} {}/{} (via {c})", m.skill, m.have, m.need),
                None => format!("{} {}/{}", m.skill, m.have, m.need),
            })
            .collect();
        let _ = writeln!(out, "\nAlready met: {}", met.join(", "));
    }
    if !g.certifications.is_empty() {
        let _ = writeln!(
            out,
            "\nCertification plan ({}):",
            certs::study_time(&g.certification_time)
        );
        let _ = writeln!(out, "{}", certs::plan_table(&g.certifications, &mut src));
    }
    if !g.other_certifications.is_empty() {
        let others: Vec<String> = g
            .other_certifications
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let _ = writeln!(out, "Also useful: {}", others.join(", "));
    }
    if !g.rules.is_empty() {
        out.push_str("\nRules of thumb that apply:\n");
        for r in &g.rules {
            let adj = r
                .adjustment
                .map(|a| format!(" ({}{})", if a >= 0.0 { "+" } else { "" }, score(a)))
                .unwrap_or_default();
            let _ = writeln!(out, "  - {}{adj} {}", r.text.en, src.mark(&r.source));
        }
    }
    if !g.plan.is_empty() {
        out.push_str("\nPlan:\n");
        for (i, step) in g.plan.iter().enumerate() {
            let when = match (step.months, step.hours) {
                (Some(m), Some(h)) => format!(" (≈{} study hours, {})", fmt_num(h), months(m)),
                (Some(m), None) => format!(" ({})", months(m)),
                (None, _) => String::new(),
            };
            let _ = writeln!(out, "  {}. {}{when}", i + 1, step.text.en);
        }
    }
    if let Some(route) = &g.route {
        let _ = writeln!(
            out,
            "\nQuickest route: {} ({} years)",
            route.roles.join(" → "),
            fmt_num(route.cost)
        );
    }
    let inc: Vec<String> = [
        ("employee", &g.income.employee),
        ("freelance", &g.income.freelance),
    ]
    .into_iter()
    .filter_map(|(k, f)| {
        f.as_ref()
            .map(|f| format!("{k} {} {}", f.display(), src.mark(&f.source)))
    })
    .collect();
    if !inc.is_empty() {
        let _ = writeln!(out, "\nIncome: {}", inc.join(", "));
    }
    out.push_str(&src.render());
    out
}
