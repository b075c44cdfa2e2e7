//! Text rendering of what-if answers: what changed, then the answer with the assumptions.

use super::{Options, months, score};
use crate::lang::Lang;
use crate::planning::GapReport;
use crate::planning::routes::PathsReport;
use crate::recommend::Recommendations;
use crate::rules::fmt_num;
use crate::whatif::{Compared, GapChanges, PathsChanges, RecommendChanges, WhatIf};

fn header<T, C>(w: &WhatIf<T, C>, o: Options) -> String {
    let title = format!(
        "{} {}",
        o.lang.msg("What if:", "もしも:"),
        w.assumptions.join(", ")
    );
    format!("{}\n", o.title(&title))
}

fn arrow<T: PartialEq + std::fmt::Display>(before: T, after: T, l: Lang) -> String {
    if before == after {
        format!("{after} ({})", l.msg("unchanged", "変化なし"))
    } else {
        format!("{before} → {after}")
    }
}

/// The changes, then the answer with the assumptions.
fn then<T, C>(
    mut out: String,
    c: &Compared<T, C>,
    o: Options,
    text: impl Fn(&T, Options) -> String,
) -> String {
    let title = o.lang.msg("With the assumptions:", "仮定を加えた結果:");
    out.push_str(&format!("\n{}\n\n", o.heading(title)));
    out.push_str(&text(&c.after, o));
    out
}

/// `recommend --assume`.
pub fn recommend(c: &Compared<Recommendations, RecommendChanges>, o: Options) -> String {
    let l = o.lang;
    let mut out = header(&c.what_if, o);
    let roles = &c.what_if.changes.roles;
    if roles.is_empty() {
        out.push_str(l.msg(
            "Nothing changes: no score, rank, readiness or gap moves.\n",
            "変化なし: スコア、順位、準備状況、不足のどれも動きません。\n",
        ));
    }
    for r in roles {
        let rank = |n: Option<usize>| n.map_or("–".to_string(), |n| format!("#{n}"));
        o.push_item(
            &mut out,
            "  - ",
            0,
            &format!(
                "{}: {} {}, {} {}, {}",
                r.role,
                l.msg("score", "スコア"),
                arrow(score(r.score_before), score(r.score_after), l),
                l.msg("rank", "順位"),
                arrow(rank(r.rank_before), rank(r.rank_after), l),
                arrow(
                    o.readiness(r.readiness_before),
                    o.readiness(r.readiness_after),
                    l
                ),
            ),
        );
        closed(
            &mut out,
            o,
            ("      ", 1),
            &r.gaps_closed,
            &r.certifications_dropped,
        );
    }
    then(out, c, o, super::recommend::text)
}

/// The gaps an assumption closes and the certifications it makes unneeded, a line each when
/// there are any, at `(indent, depth)` (see `Options::item`).
fn closed(out: &mut String, o: Options, at: (&str, usize), gaps: &[String], certs: &[String]) {
    let l = o.lang;
    let lines = [
        (l.msg("gaps closed:", "埋まる不足:"), gaps),
        (
            l.msg("certifications no longer needed:", "不要になる資格:"),
            certs,
        ),
    ];
    for (label, items) in lines {
        if !items.is_empty() {
            o.push_item(out, at.0, at.1, &format!("{label} {}", items.join(", ")));
        }
    }
}

/// `gaps --assume`.
pub fn gaps(c: &Compared<GapReport, GapChanges>, o: Options) -> String {
    let l = o.lang;
    let mut out = header(&c.what_if, o);
    let g = &c.what_if.changes;
    o.push_item(
        &mut out,
        "  ",
        0,
        &format!(
            "{} {}, {}, {} {}",
            l.msg("fit", "適合度"),
            arrow(score(g.fit_before), score(g.fit_after), l),
            arrow(
                o.readiness(g.readiness_before),
                o.readiness(g.readiness_after),
                l
            ),
            l.msg("to ready", "準備完了まで"),
            arrow(
                months(g.months_to_ready_before, l),
                months(g.months_to_ready_after, l),
                l
            ),
        ),
    );
    closed(
        &mut out,
        o,
        ("  ", 0),
        &g.gaps_closed,
        &g.certifications_dropped,
    );
    if let (Some(b), Some(a)) = (g.route_cost_before, g.route_cost_after) {
        o.push_item(
            &mut out,
            "  ",
            0,
            &format!(
                "{} {}{}",
                l.msg("quickest route:", "最短ルート:"),
                arrow(fmt_num(b), fmt_num(a), l),
                l.msg(" years", "年")
            ),
        );
    }
    then(out, c, o, super::gaps::text)
}

/// `paths --assume`.
pub fn paths(c: &Compared<PathsReport, PathsChanges>, o: Options) -> String {
    let l = o.lang;
    let mut out = header(&c.what_if, o);
    for r in &c.what_if.changes.routes {
        let rank = match (r.rank_before, l) {
            (None, _) => l.msg("new in the list", "新たに一覧入り").to_string(),
            (Some(n), Lang::En) => format!("was #{n}"),
            (Some(n), Lang::Ja) => format!("以前は #{n}"),
        };
        let (before, after) = (fmt_num(r.cost_before), fmt_num(r.cost_after));
        o.push_item(
            &mut out,
            "  ",
            0,
            &format!(
                "#{} {}: {}{} ({rank})",
                r.rank_after,
                r.roles.join(" → "),
                arrow(before, after, l),
                l.msg(" years", "年"),
            ),
        );
    }
    then(out, c, o, super::paths::text)
}
