//! Text rendering of `recommend`.

use std::fmt::Write;

use super::{Sources, certs, months, score, signed_man, table, years};
use crate::planning::gaps::Gap;
use crate::recommend::{Recommendation, Recommendations};
use crate::rules::fmt_num;

/// How many recommendations get a detailed section.
pub const DETAILED: usize = 5;

/// The readable form of `recommend`.
pub fn text(r: &Recommendations) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let who = r.profile.name.as_deref().unwrap_or("this profile");
    let _ = match &r.profile.current_role {
        Some(role) => writeln!(
            out,
            "Next roles for {who} (now {role}, {} of experience)\n",
            years(r.profile.years_experience)
        ),
        None => writeln!(out, "Entry roles for {who} (no current role given)\n"),
    };
    if r.recommendations.is_empty() {
        out.push_str("No role is reachable from the current role in the knowledge base.\n");
    }
    let mut t = table(&[
        "#",
        "role",
        "名前",
        "score",
        "fit",
        "readiness",
        "move",
        "employee income",
    ]);
    for (i, rec) in r.recommendations.iter().enumerate() {
        let income = match (
            &rec.income.employee,
            rec.income_change.and_then(|c| c.employee),
        ) {
            (Some(f), Some(d)) => format!("{} ({})", f.display(), signed_man(d)),
            (Some(f), None) => f.display(),
            (None, _) => "–".into(),
        };
        let step = match rec.steps {
            0 => "entry".to_string(),
            1 => rec.kind.clone(),
            n => format!("{} ({n} steps)", rec.kind),
        };
        t.add_row(vec![
            (i + 1).to_string(),
            rec.role.clone(),
            rec.name.ja.clone(),
            score(rec.score),
            score(rec.fit),
            rec.readiness.as_str().to_string(),
            step,
            income,
        ]);
    }
    if !r.recommendations.is_empty() {
        let _ = writeln!(out, "{t}");
    }
    for (i, rec) in r.recommendations.iter().take(DETAILED).enumerate() {
        detail(&mut out, &mut src, i + 1, rec);
    }
    if r.recommendations.len() > DETAILED {
        let _ = writeln!(
            out,
            "\n(Details for the top {DETAILED}; `--format json` has them for every role.)"
        );
    }
    if !r.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &r.notes {
            let _ = writeln!(out, "  - {} {}", n.text.en, src.mark(&n.source));
        }
    }
    if !r.certifications.is_empty() {
        out.push_str("\nCertifications to consider:\n");
        for c in &r.certifications {
            let why: Vec<String> = c
                .reasons
                .iter()
                .map(|x| format!("{} {}", x.text.en, src.mark(&x.source)))
                .collect();
            let _ = writeln!(out, "  - {} ({}): {}", c.id, c.name.ja, why.join("; "));
        }
    }
    out.push_str(&src.render());
    out
}

fn detail(out: &mut String, src: &mut Sources, n: usize, rec: &Recommendation) {
    let _ = writeln!(
        out,
        "\n{n}. {} ({} / {}) — score {}, fit {}, {} ({})",
        rec.role,
        rec.name.ja,
        rec.name.en,
        score(rec.score),
        score(rec.fit),
        rec.readiness.as_str(),
        months(rec.months_to_ready)
    );
    if !rec.via.is_empty() {
        let _ = writeln!(out, "   via: {}", rec.via.join(" → "));
    }
    if rec.steps > 0 {
        let _ = writeln!(
            out,
            "   move: {}, typically {}",
            rec.kind,
            years(rec.typical_years)
        );
    }
    out.push_str("   why:\n");
    for reason in &rec.reasons {
        let adj = reason
            .adjustment
            .map(|a| format!(" ({}{})", if a >= 0.0 { "+" } else { "" }, score(a)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "     - {}{adj} {}",
            reason.text.en,
            src.mark(&reason.source)
        );
    }
    let gaps: Vec<String> = rec
        .gaps
        .iter()
        .map(|g| match g {
            Gap::Skill(s) => format!(
                "{} {}→{}{}",
                s.skill,
                s.have,
                s.need,
                if s.essential { " (essential)" } else { "" }
            ),
            Gap::Experience(e) => {
                format!("{} {}→{} years", e.id(), fmt_num(e.have), fmt_num(e.need))
            }
        })
        .collect();
    if !gaps.is_empty() {
        let _ = writeln!(out, "   gaps: {}", gaps.join(", "));
    }
    if let Some(e) = &rec.estimated_income_change {
        let est = super::estimated_change(e, src);
        if !est.is_empty() {
            let _ = writeln!(out, "   estimated income for you: {est}");
        }
    }
    for m in &rec.near_misses {
        let _ = writeln!(
            out,
            "   one step away: {} → {} {}",
            m.change.en,
            m.effect.en,
            src.mark(&m.source)
        );
    }
    if !rec.certifications.is_empty() {
        let _ = writeln!(
            out,
            "   certification plan: {} — {}",
            certs::plan_line(&rec.certifications),
            certs::study_time(&rec.certification_time)
        );
    }
}
