//! Text rendering of `paths`.

use std::fmt::Write;

use super::{Sources, certs, months, score, signed_man, table, years};
use crate::income::{IncomeChange, Incomes};
use crate::planning::routes::{PathView, PathsReport, StepView};
use crate::rules::fmt_num;

/// The readable form of `paths`.
pub fn text(r: &PathsReport) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let priced = if r.with_profile {
        "priced for the profile: typical years plus the time to close the gaps"
    } else {
        "cost in typical years"
    };
    let Some(to) = &r.to else {
        destinations(&mut out, r, priced);
        return out;
    };
    let _ = writeln!(
        out,
        "Routes from {} to {} ({} best, at most {} steps; {priced})",
        r.from, to, r.k, r.max_steps
    );
    if r.paths.is_empty() {
        let _ = writeln!(
            out,
            "\nNo route leads from {} to {to} in the knowledge base.",
            r.from
        );
    }
    for (i, p) in r.paths.iter().enumerate() {
        route(&mut out, &mut src, i + 1, p);
    }
    if !r.bottlenecks.is_empty() {
        let _ = writeln!(
            out,
            "\nOn most routes (learn these first, whichever route you take):"
        );
        for b in &r.bottlenecks {
            let _ = writeln!(
                out,
                "  - {} {} ({} / {}): {} of {} routes",
                b.kind, b.id, b.name.ja, b.name.en, b.routes, b.of
            );
        }
    }
    out.push_str(&src.render());
    out
}

fn route(out: &mut String, src: &mut Sources, n: usize, p: &PathView) {
    let income = change(&p.income_change);
    let typical = if p.cost > p.typical_years {
        format!(" (typical {})", fmt_num(p.typical_years))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "\n{n}. {}\n   {}{typical}, {}{}",
        p.roles.join(" → "),
        years(p.cost),
        p.kind,
        if income.is_empty() {
            String::new()
        } else {
            format!(", income {income}")
        }
    );
    for (j, s) in p.steps.iter().enumerate() {
        step(out, src, j + 1, s);
    }
}

fn step(out: &mut String, src: &mut Sources, n: usize, s: &StepView) {
    let _ = writeln!(
        out,
        "   {n}) {} → {}: {}, typically {}{} {}",
        s.from,
        s.to,
        s.kind,
        years(s.typical_years),
        if s.cost > s.typical_years {
            format!(", ≈{} for you", fmt_num(s.cost))
        } else {
            String::new()
        },
        src.mark(&s.source)
    );
    let _ = writeln!(out, "      {}", s.note.en);
    if let Some(c) = &s.conditions {
        let _ = writeln!(out, "      conditions: {}", c.leaf_summary());
    }
    if let (Some(fit), Some(ready)) = (s.fit, s.readiness) {
        let _ = writeln!(
            out,
            "      fit on arrival {} ({})",
            score(fit),
            ready.as_str()
        );
    }
    if !s.gaps.is_empty() {
        let gaps: Vec<String> = s
            .gaps
            .iter()
            .map(|g| format!("{} {}→{}", g.skill, g.have, g.need))
            .collect();
        let _ = writeln!(out, "      close: {}", gaps.join(", "));
    }
    if !s.certifications.is_empty() {
        let _ = writeln!(
            out,
            "      certifications: {}",
            certs::plan_line(&s.certifications)
        );
    }
    let time: Vec<String> = [
        ("learning", s.learning_months),
        ("certifications", s.certification_months),
        ("waiting for experience", s.waiting_months),
    ]
    .into_iter()
    .filter_map(|(what, m)| {
        m.filter(|m| *m > 0.0)
            .map(|m| format!("{what} {}", months(m)))
    })
    .collect();
    if !time.is_empty() {
        let _ = writeln!(out, "      time: {}", time.join(", "));
    }
    let income = incomes(&s.income, &s.income_change, src);
    if !income.is_empty() {
        let _ = writeln!(out, "      income: {income}");
    }
    if let Some(e) = &s.estimated_income_change {
        let est = super::estimated_change(e, src);
        if !est.is_empty() {
            let _ = writeln!(out, "      estimated for you: {est}");
        }
    }
}

/// "employee 600–900万円 (+150万円) [1], freelance 80万円/月 [2]".
fn incomes(i: &Incomes, c: &IncomeChange, src: &mut Sources) -> String {
    [
        ("employee", &i.employee, c.employee),
        ("freelance", &i.freelance, c.freelance),
    ]
    .into_iter()
    .filter_map(|(k, f, d)| {
        f.as_ref().map(|f| {
            let d = d
                .map(|d| format!(" ({})", signed_man(d)))
                .unwrap_or_default();
            format!("{k} {}{d} {}", f.display(), src.mark(&f.source))
        })
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// "employee +150万円, freelance +12万円".
fn change(c: &IncomeChange) -> String {
    [("employee", c.employee), ("freelance", c.freelance)]
        .into_iter()
        .filter_map(|(k, d)| d.map(|d| format!("{k} {}", signed_man(d))))
        .collect::<Vec<_>>()
        .join(", ")
}

fn destinations(out: &mut String, r: &PathsReport, priced: &str) {
    let _ = writeln!(
        out,
        "Where {} leads within {} step{} ({priced})\n",
        r.from,
        r.max_steps,
        if r.max_steps == 1 { "" } else { "s" }
    );
    if r.paths.is_empty() {
        let _ = writeln!(out, "No move out of {} in the knowledge base.", r.from);
        return;
    }
    let mut t = table(&["role", "steps", "years", "typical", "kind", "via", "income"]);
    for p in &r.paths {
        let via = p
            .roles
            .get(1..p.roles.len().saturating_sub(1))
            .unwrap_or_default()
            .join(" → ");
        t.add_row(vec![
            p.roles.last().cloned().unwrap_or_default(),
            p.steps.len().to_string(),
            fmt_num(p.cost),
            fmt_num(p.typical_years),
            p.kind.clone(),
            via,
            change(&p.income_change),
        ]);
    }
    let _ = writeln!(out, "{t}");
}
