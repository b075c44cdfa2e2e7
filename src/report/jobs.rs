//! Text rendering of `jobs`: postings best first, with fit, rate, estimate and gaps.

use std::fmt::Write;

use super::{Sources, score, table};
use crate::income::Jobs;

/// The readable form of `jobs`.
pub fn text(j: &Jobs) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let who = j.profile.as_deref().unwrap_or("the profile");
    let _ = writeln!(
        out,
        "Postings for {who}: best {} of {} from {}",
        j.jobs.len(),
        j.total,
        j.postings_from
    );
    let mut t = table(&[
        "#",
        "posting",
        "role",
        "fit",
        "met",
        "rate 万円/月",
        "your estimate",
        "source",
    ]);
    for (i, m) in j.jobs.iter().enumerate() {
        t.add_row(vec![
            (i + 1).to_string(),
            m.posting.title.clone(),
            m.role.clone(),
            score(m.fit),
            format!("{:.0}%", m.requirements_met * 100.0),
            m.rate.display(),
            m.estimated_rate.map_or("-".into(), |r| r.display()),
            src.mark(&m.posting.source),
        ]);
    }
    let _ = writeln!(out, "{t}");
    out.push_str("\nGaps per posting:\n");
    for (i, m) in j.jobs.iter().enumerate() {
        let gaps = if m.gaps.is_empty() {
            "none".to_string()
        } else {
            m.gaps
                .iter()
                .map(|g| g.display())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let _ = writeln!(
            out,
            "  {}. {} ({}): {gaps}",
            i + 1,
            m.posting.title,
            m.posting.id
        );
    }
    out.push_str(
        "\nfit = 0.75 × requirements met + 0.25 × fit to the posting's role; \
         your estimate = the income model's freelance rate for you in that role.\n",
    );
    out.push_str(&src.render());
    out
}
