//! Text rendering of a certification plan, shared by `gaps`, `recommend` and `paths`.

use super::{Sources, hours, months, table};
use crate::planning::certs::{CertAdvice, StudyTime};
use crate::rules::fmt_num;

/// "175 study hours (≈5 months)", "… plus lpic-1 (hours not published)", "study hours not
/// published".
pub(crate) fn study_time(t: &StudyTime) -> String {
    let unknown = t.unknown_hours.join(", ");
    match (t.hours > 0.0, t.unknown_hours.is_empty()) {
        (true, true) => format!("{} study hours ({})", fmt_num(t.hours), months(t.months)),
        (true, false) => format!(
            "{} study hours ({}) plus {unknown} (hours not published)",
            fmt_num(t.hours),
            months(t.months)
        ),
        (false, _) => "study hours not published".to_string(),
    }
}

/// What a certification closes: "tcp-ip→3, routing-switching→3".
pub(crate) fn closes(c: &CertAdvice) -> String {
    c.closes
        .iter()
        .map(|x| format!("{}→{}", x.skill, x.level))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plan as a numbered table with hours, what each closes and why else it is planned.
pub(crate) fn plan_table(plan: &[CertAdvice], src: &mut Sources) -> String {
    let mut t = table(&["#", "certification", "名前", "hours", "closes", "why"]);
    for (i, c) in plan.iter().enumerate() {
        // What it evidences is in `closes`; the other reasons say why this one.
        let why: Vec<String> = c
            .reasons
            .iter()
            .filter(|r| r.kind != "closes-gap")
            .map(|r| format!("{} {}", r.text.en, src.mark(&r.source)))
            .collect();
        let mut id = c.id.clone();
        if !c.take_first.is_empty() {
            id.push_str(&format!(" (usually after {})", c.take_first.join(", ")));
        }
        t.add_row(vec![
            (i + 1).to_string(),
            id,
            c.name.ja.clone(),
            c.study_hours
                .map(|h| hours(&h))
                .unwrap_or_else(|| "–".into()),
            closes(c),
            why.join("; "),
        ]);
    }
    t.to_string()
}

/// The plan on one line: "ccna (tcp-ip→3, 150–200 h) → ccnp-enterprise (…)".
pub(crate) fn plan_line(plan: &[CertAdvice]) -> String {
    plan.iter()
        .map(|c| {
            let mut parts = Vec::new();
            let cl = closes(c);
            if !cl.is_empty() {
                parts.push(cl);
            }
            if let Some(h) = c.study_hours {
                parts.push(hours(&h));
            }
            if parts.is_empty() {
                c.id.clone()
            } else {
                format!("{} ({})", c.id, parts.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}
