//! Text rendering of `explain`.

use std::fmt::Write;

use super::{Sources, months, score, table};
use crate::explain::Explanation;
use crate::rules::{Trace, fmt_num};

/// The readable form of `explain`.
pub fn text(x: &Explanation) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let who = x.profile.as_deref().unwrap_or("this profile");
    let _ = writeln!(
        out,
        "Why {} ({} / {}) fits {who} at {}: {} ({}) {}",
        x.role,
        x.name.ja,
        x.name.en,
        score(x.fit),
        x.readiness.as_str(),
        months(x.months_to_ready),
        src.mark(&x.source)
    );
    let f = &x.formula;
    let _ = writeln!(
        out,
        "\nbase = {} × skills {} + {} × experience {} = {}",
        fmt_num(f.skill_weight),
        score(f.skill_score),
        fmt_num(f.experience_weight),
        score(f.experience_score),
        score(f.base)
    );
    let _ = if f.adjustment >= 0.0 {
        writeln!(
            out,
            "fit  = base + rules·(1 − base) = {} + {}·(1 − {}) = {}",
            score(f.base),
            score(f.adjustment),
            score(f.base),
            score(f.fit)
        )
    } else {
        writeln!(
            out,
            "fit  = base·(1 + rules) = {}·(1 − {}) = {}",
            score(f.base),
            score(-f.adjustment),
            score(f.fit)
        )
    };
    if !x.skills.is_empty() {
        out.push_str("\nSkill requirements:\n");
        let mut t = table(&[
            "skill",
            "名前",
            "have",
            "need",
            "essential",
            "weight",
            "covered",
            "adds",
            "source",
        ]);
        for s in &x.skills {
            let have = match &s.evidence {
                Some(c) => format!("{} (via {c})", s.have),
                None => s.have.to_string(),
            };
            t.add_row(vec![
                s.skill.clone(),
                s.name.ja.clone(),
                have,
                s.need.to_string(),
                if s.essential { "yes" } else { "no" }.to_string(),
                fmt_num(s.weight),
                score(s.coverage),
                format!("{:.3}", s.contribution),
                src.mark(&s.source),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    if !x.experience.is_empty() {
        out.push_str("\nExperience requirements:\n");
        let mut t = table(&["years of", "have", "need", "covered", "adds", "source"]);
        for e in &x.experience {
            t.add_row(vec![
                e.phase.clone().unwrap_or_else(|| e.kind.to_string()),
                fmt_num(e.have),
                fmt_num(e.need),
                score(e.coverage),
                format!("{:.3}", e.contribution),
                src.mark(&e.source),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    if !x.certifications.is_empty() {
        out.push_str("\nCertifications counted as evidence:\n");
        for c in &x.certifications {
            let _ = writeln!(
                out,
                "  - {}{}: {} {}",
                c.id,
                if c.listed {
                    ""
                } else {
                    " (prerequisite of one held)"
                },
                c.evidences.join(", "),
                src.mark(&c.source)
            );
        }
    }
    if x.rules.is_empty() {
        out.push_str("\nNo rule of thumb is about this role.\n");
    } else {
        let applied = x.rules.iter().filter(|r| r.applies).count();
        let _ = writeln!(
            out,
            "\nRules about this role ({applied} of {} apply):",
            x.rules.len()
        );
        for r in &x.rules {
            let adj = if r.adjustment == 0.0 {
                String::new()
            } else {
                format!(
                    " ({}{})",
                    if r.adjustment > 0.0 { "+" } else { "" },
                    fmt_num(r.adjustment)
                )
            };
            let _ = writeln!(
                out,
                "  {} {}{adj}: {} {}",
                mark(r.applies),
                r.rule,
                r.description.en,
                src.mark(&r.source)
            );
            if let Some(condition) = &r.condition {
                tree(&mut out, condition, 3);
            }
        }
    }
    out.push_str(&src.render());
    out
}

fn mark(passed: bool) -> &'static str {
    if passed { "✓" } else { "✗" }
}

/// The condition as an indented tree: composite nodes by name, leaves with expected and actual.
fn tree(out: &mut String, t: &Trace, depth: usize) {
    let pad = "  ".repeat(depth);
    match (&t.expected, &t.actual) {
        (Some(e), Some(a)) => {
            let _ = writeln!(out, "{pad}{} {e} (you: {a})", mark(t.passed));
        }
        _ => {
            let name = match t.test {
                "all" => "all of",
                "any" => "any of",
                "not" => "not",
                other => other,
            };
            let _ = writeln!(out, "{pad}{} {name}", mark(t.passed));
            for c in &t.children {
                tree(out, c, depth + 1);
            }
        }
    }
}
