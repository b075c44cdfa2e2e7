//! Text rendering of `explain`.

use std::fmt::Write;

use super::{Options, Sources, months, score, table_in, yes_no};
use crate::explain::Explanation;
use crate::lang::Lang;
use crate::rules::{Trace, fmt_num, leaf};

/// The readable form of `explain`.
pub fn text(x: &Explanation, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let who = x
        .profile
        .as_deref()
        .unwrap_or(l.msg("this profile", "このプロフィール"));
    let (fit, ready, when) = (
        score(x.fit),
        o.readiness(x.readiness),
        months(x.months_to_ready, l),
    );
    let title = match l {
        Lang::En => format!(
            "Why {} ({}) fits {who} at {fit}: {ready} ({when})",
            x.role, x.name.en
        ),
        Lang::Ja => format!(
            "{who}にとっての {} ({}) の適合度は {fit}: {ready}({when})",
            x.role, x.name.ja
        ),
    };
    let _ = writeln!(
        out,
        "{}",
        o.title(&format!("{title} {}", src.mark(&x.source)))
    );
    let f = &x.formula;
    let (skills, experience, rules) = match l {
        Lang::En => ("skills", "experience", "rules"),
        Lang::Ja => ("スキル", "経験", "経験則"),
    };
    let base = format!(
        "base = {} × {skills} {} + {} × {experience} {} = {}",
        fmt_num(f.skill_weight),
        score(f.skill_score),
        fmt_num(f.experience_weight),
        score(f.experience_score),
        score(f.base)
    );
    let fit = if f.adjustment >= 0.0 {
        format!(
            "fit  = base + {rules}·(1 − base) = {} + {}·(1 − {}) = {}",
            score(f.base),
            score(f.adjustment),
            score(f.base),
            score(f.fit)
        )
    } else {
        format!(
            "fit  = base·(1 + {rules}) = {}·(1 − {}) = {}",
            score(f.base),
            score(-f.adjustment),
            score(f.fit)
        )
    };
    out.push('\n');
    o.push_item(&mut out, "", 0, &base);
    o.push_item(&mut out, "", 0, &fit);
    let r = &x.ranking;
    let rank = super::rank_line(r.advice, &r.value, r.reach, r.score, l);
    o.push_item(&mut out, "", 0, &rank);
    if !x.skills.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg("Skill requirements:", "スキル要件:"))
        );
        let mut t = table_in(
            l,
            &[
                ("skill", "スキル"),
                ("name", "名前"),
                ("have", "現在"),
                ("need", "必要"),
                ("essential", "必須"),
                ("weight", "重み"),
                ("covered", "充足"),
                ("adds", "寄与"),
                ("source", "出典"),
            ],
        );
        for s in &x.skills {
            let have = match &s.evidence {
                Some(c) => format!("{} ({} {c})", s.have, l.msg("via", "根拠")),
                None => s.have.to_string(),
            };
            t.add_row(vec![
                crate::planning::gaps::label(&s.skill, s.any_of.as_ref()),
                l.text(&s.name).to_string(),
                have,
                s.need.to_string(),
                yes_no(s.essential, l),
                fmt_num(s.weight),
                score(s.coverage),
                format!("{:.3}", s.contribution),
                src.mark(&s.source),
            ]);
        }
        // Narrow: the weight and the coverage go first (what it adds stays).
        let _ = writeln!(out, "{}", o.narrow(&t, &[5, 6]));
    }
    if !x.experience.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg("Experience requirements:", "経験要件:"))
        );
        let mut t = table_in(
            l,
            &[
                ("years of", "年数の対象"),
                ("have", "現在"),
                ("need", "必要"),
                ("covered", "充足"),
                ("adds", "寄与"),
                ("source", "出典"),
            ],
        );
        for e in &x.experience {
            t.add_row(vec![
                e.phase
                    .clone()
                    .unwrap_or_else(|| l.term(e.kind).to_string()),
                fmt_num(e.have),
                fmt_num(e.need),
                score(e.coverage),
                format!("{:.3}", e.contribution),
                src.mark(&e.source),
            ]);
        }
        let _ = writeln!(out, "{}", o.grid(&t));
    }
    if !x.certifications.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg(
                "Certifications counted as evidence:",
                "根拠として数えた資格:"
            ))
        );
        for c in &x.certifications {
            let cert = format!(
                "{}{}: {} {}",
                c.id,
                if c.listed {
                    ""
                } else {
                    l.msg(" (prerequisite of one held)", " (取得済み資格の前提)")
                },
                c.evidences.join(", "),
                src.mark(&c.source)
            );
            o.push_item(&mut out, "  - ", 0, &cert);
        }
    }
    if x.rules.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            l.msg(
                "No rule of thumb is about this role.",
                "この職種に関する経験則はありません。"
            )
        );
    } else {
        let (applied, all) = (x.rules.iter().filter(|r| r.applies).count(), x.rules.len());
        let title = match l {
            Lang::En => format!("Rules about this role ({applied} of {all} apply):"),
            Lang::Ja => format!("この職種に関する経験則({all}件中{applied}件が該当):"),
        };
        let _ = writeln!(out, "\n{}", o.heading(&title));
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
            let rule = format!(
                "{} {}{adj}: {} {}",
                o.mark(r.applies),
                r.rule,
                l.text(&r.description),
                src.mark(&r.source)
            );
            o.push_item(&mut out, "  ", 0, &rule);
            if let Some(condition) = &r.condition {
                tree(&mut out, condition, 3, o);
            }
        }
    }
    out.push_str(&src.render(o));
    out
}

/// The condition as an indented tree: composite nodes by name, leaves with expected and actual.
fn tree(out: &mut String, t: &Trace, depth: usize, o: Options) {
    let l = o.lang;
    let (pad, level) = ("  ".repeat(depth), depth.saturating_sub(2));
    match (&t.expected, &t.actual) {
        (Some(e), Some(a)) => {
            let line = format!("{} {}", o.mark(t.passed), leaf(e, a, l));
            o.push_item(out, &pad, level, &line);
        }
        _ => {
            let name = match t.test {
                "all" => l.msg("all of", "すべて満たす"),
                "any" => l.msg("any of", "いずれかを満たす"),
                "not" => l.msg("not", "次に当てはまらない"),
                other => other,
            };
            o.push_item(out, &pad, level, &format!("{} {name}", o.mark(t.passed)));
            for c in &t.children {
                tree(out, c, depth + 1, o);
            }
        }
    }
}
