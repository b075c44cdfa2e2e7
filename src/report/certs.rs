//! Text rendering of a certification plan, shared by `gaps`, `recommend` and `paths`.

use super::{Options, Sources, hours, months, table_in};
use crate::lang::Lang;
use crate::planning::certs::{CertAdvice, StudyTime};
use crate::rules::fmt_num;

/// "175 study hours (≈5 months)", "… plus lpic-1 (hours not published)", "study hours not
/// published".
pub(crate) fn study_time(t: &StudyTime, lang: Lang) -> String {
    let unknown = t.unknown_hours.join(", ");
    let (h, m) = (fmt_num(t.hours), months(t.months, lang));
    match (t.hours > 0.0, t.unknown_hours.is_empty(), lang) {
        (true, true, Lang::En) => format!("{h} study hours ({m})"),
        (true, true, Lang::Ja) => format!("学習{h}時間({m})"),
        (true, false, Lang::En) => {
            format!("{h} study hours ({m}) plus {unknown} (hours not published)")
        }
        (true, false, Lang::Ja) => format!("学習{h}時間({m})、ほかに {unknown}(時間の公表なし)"),
        (false, _, _) => lang
            .msg("study hours not published", "学習時間の公表なし")
            .to_string(),
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
pub(crate) fn plan_table(plan: &[CertAdvice], src: &mut Sources, o: Options) -> String {
    let lang = o.lang;
    let mut t = table_in(
        lang,
        &[
            ("#", "#"),
            ("certification", "資格"),
            ("name", "名前"),
            ("hours", "時間"),
            ("closes", "埋まるスキル"),
            ("why", "理由"),
        ],
    );
    for (i, c) in plan.iter().enumerate() {
        // What it evidences is in `closes`; the other reasons say why this one.
        let why: Vec<String> = c
            .reasons
            .iter()
            .filter(|r| r.kind != "closes-gap")
            .map(|r| format!("{} {}", lang.text(&r.text), src.mark(&r.source)))
            .collect();
        let mut id = c.id.clone();
        if !c.take_first.is_empty() {
            let first = c.take_first.join(", ");
            id.push_str(&match lang {
                Lang::En => format!(" (usually after {first})"),
                Lang::Ja => format!(" (通常 {first} の後)"),
            });
        }
        t.add_row(vec![
            (i + 1).to_string(),
            id,
            lang.text(&c.name).to_string(),
            c.study_hours
                .map(|h| hours(&h, lang))
                .unwrap_or_else(|| "–".into()),
            closes(c),
            why.join("; "),
        ]);
    }
    o.grid(&t)
}

/// The plan on one line: "ccna (tcp-ip→3, 150–200 h) → ccnp-enterprise (…)".
pub(crate) fn plan_line(plan: &[CertAdvice], lang: Lang) -> String {
    plan.iter()
        .map(|c| {
            let mut parts = Vec::new();
            let cl = closes(c);
            if !cl.is_empty() {
                parts.push(cl);
            }
            if let Some(h) = c.study_hours {
                parts.push(hours(&h, lang));
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
