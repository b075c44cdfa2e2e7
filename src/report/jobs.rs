//! Text rendering of `jobs`: postings best first, with fit, rate, estimate and gaps.

use std::fmt::Write;

use super::{Options, Sources, score, table_in};
use crate::income::Jobs;
use crate::lang::Lang;

/// The readable form of `jobs`.
pub fn text(j: &Jobs, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let who = j
        .profile
        .as_deref()
        .unwrap_or(l.msg("the profile", "このプロフィール"));
    let from = if j.postings_from == crate::income::jobs::SHIPPED {
        l.msg(&j.postings_from, "同梱の求人")
    } else {
        &j.postings_from
    };
    let (n, total) = (j.jobs.len(), j.total);
    let title = match l {
        Lang::En => format!("Postings for {who}: best {n} of {total} from {from}"),
        Lang::Ja => format!("{who}に合う求人: {from}({total}件)から上位{n}件"),
    };
    let _ = writeln!(out, "{}", o.title(&title));
    let mut t = table_in(
        l,
        &[
            ("#", "#"),
            ("posting", "求人"),
            ("role", "職種"),
            ("fit", "適合度"),
            ("met", "充足"),
            ("rate 万円/月", "単価 万円/月"),
            ("your estimate", "あなたの推定"),
            ("source", "出典"),
        ],
    );
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
    // Narrow: the share of requirements met goes first (the fit says it).
    let _ = writeln!(out, "{}", o.narrow(&t, &[4]));
    let _ = writeln!(
        out,
        "\n{}",
        o.heading(l.msg("Gaps per posting:", "求人ごとの不足:"))
    );
    for (i, m) in j.jobs.iter().enumerate() {
        let gaps = if m.gaps.is_empty() {
            l.msg("none", "なし").to_string()
        } else {
            m.gaps
                .iter()
                .map(|g| g.display_in(l))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let line = format!("{} ({}): {gaps}", m.posting.title, m.posting.id);
        o.push_numbered(&mut out, "  ", i + 1, &line);
    }
    let held: Vec<(usize, &crate::income::HeldAs)> = j
        .jobs
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.held_as.as_ref().map(|h| (i, h)))
        .collect();
    if !held.is_empty() {
        out.push('\n');
        for (i, h) in held {
            if let Some(note) = &h.note {
                let line = format!("{}. {} {}", i + 1, l.text(note), src.mark(&h.source));
                o.push_item(&mut out, "  ", 0, &line);
            }
        }
    }
    out.push_str(l.msg(
        "\nfit = 0.75 × requirements met + 0.25 × fit to the posting's role; \
         your estimate = the income model's freelance rate for you in that role.\n",
        "\n適合度 = 0.75 × 要件の充足 + 0.25 × 求人の職種への適合度。\
         あなたの推定 = その職種でのあなたのフリーランス単価(年収モデルによる)。\n",
    ));
    out.push_str(&src.render(o));
    out
}
