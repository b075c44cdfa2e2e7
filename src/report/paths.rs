//! Text rendering of `paths`.

use std::fmt::Write;

use super::{Sources, score, signed_man};
use crate::planning::routes::PathsReport;
use crate::rules::fmt_num;

/// The readable form of `paths`.
pub fn text(r: &PathsReport) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let _ = writeln!(
        out,
        "Routes from {} to {} ({} best, cost in years{})",
        r.from,
        r.to,
        r.k,
        if r.with_profile {
            ", priced for the profile"
        } else {
            ""
        }
    );
    if r.paths.is_empty() {
        let _ = writeln!(
            out,
            "\nNo route leads from {} to {} in the knowledge base.",
            r.from, r.to
        );
    }
    for (i, p) in r.paths.iter().enumerate() {
        let income = p
            .income_change
            .employee
            .map(|d| format!(", employee income {}", signed_man(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{}. {}\n   cost {} years (typical {}), {}{income}",
            i + 1,
            p.roles.join(" → "),
            fmt_num(p.cost),
            fmt_num(p.typical_years),
            p.kind
        );
        for (j, s) in p.steps.iter().enumerate() {
            let _ = writeln!(
                out,
                "   {}) {} → {}: {}, {} years{} {}",
                j + 1,
                s.from,
                s.to,
                s.kind,
                fmt_num(s.typical_years),
                if s.cost > s.typical_years {
                    format!(" (≈{} for you)", fmt_num(s.cost))
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
                let gaps: Vec<String> = s
                    .gaps
                    .iter()
                    .map(|g| format!("{} {}→{}", g.skill, g.have, g.need))
                    .collect();
                let _ = writeln!(
                    out,
                    "      fit {} ({}){}",
                    score(fit),
                    ready.as_str(),
                    if gaps.is_empty() {
                        String::new()
                    } else {
                        format!("; essential gaps: {}", gaps.join(", "))
                    }
                );
            }
        }
    }
    out.push_str(&src.render());
    out
}
