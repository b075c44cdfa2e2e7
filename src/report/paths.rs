//! Text rendering of `paths`.

use std::fmt::Write;

use super::{Options, Sources, certs, months, score, signed_man, table_in, years};
use crate::income::{IncomeChange, Incomes};
use crate::knowledge::format::Employment;
use crate::lang::Lang;
use crate::planning::routes::{PathView, PathsReport, StepView};
use crate::rules::fmt_num;

/// The readable form of `paths`.
pub fn text(r: &PathsReport, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let priced = if r.with_profile {
        l.msg(
            "priced for the profile: the time to get ready for each role, then the move itself",
            "プロフィールに合わせた見積もり: 各職種の準備期間+移動そのものの期間",
        )
    } else {
        l.msg("cost in typical years", "通常の年数で見積もり")
    };
    let Some(to) = &r.to else {
        destinations(&mut out, r, priced, o);
        return out;
    };
    let (from, k, steps) = (&r.from, r.k, r.max_steps);
    let title = match l {
        Lang::En => {
            format!("Routes from {from} to {to} ({k} best, at most {steps} steps; {priced})")
        }
        Lang::Ja => {
            format!("{from} から {to} へのルート(上位{k}件、最大{steps}ステップ。{priced})")
        }
    };
    let _ = writeln!(out, "{}", o.title(&title));
    if r.paths.is_empty() {
        let _ = match l {
            Lang::En => writeln!(
                out,
                "\nNo route leads from {from} to {to} in the knowledge base."
            ),
            Lang::Ja => writeln!(
                out,
                "\n知識ベースには {from} から {to} へのルートがありません。"
            ),
        };
    }
    for (i, p) in r.paths.iter().enumerate() {
        route(&mut out, &mut src, i + 1, p, o);
    }
    if !r.bottlenecks.is_empty() {
        let title = l.msg(
            "On most routes (learn these first, whichever route you take):",
            "多くのルートに共通(どのルートでも先に身につけたいもの):",
        );
        let _ = writeln!(out, "\n{}", o.heading(title));
        for b in &r.bottlenecks {
            let (kind, id, name, n, of) = (l.term(b.kind), &b.id, l.text(&b.name), b.routes, b.of);
            let line = match l {
                Lang::En => format!("{kind} {id} ({name}): {n} of {of} routes"),
                Lang::Ja => format!("{kind} {id} ({name}): {of}ルート中{n}ルート"),
            };
            o.push_item(&mut out, "  - ", 0, &line);
        }
    }
    out.push_str(&src.render(o));
    out
}

fn route(out: &mut String, src: &mut Sources, n: usize, p: &PathView, o: Options) {
    let l = o.lang;
    let income = change(&p.income_change, l);
    let typical = match ((p.cost - p.typical_years).abs() > 1e-9, l) {
        (false, _) => String::new(),
        (true, Lang::En) => format!(" (typical {})", fmt_num(p.typical_years)),
        (true, Lang::Ja) => format!("(通常{})", years(p.typical_years, l)),
    };
    let _ = writeln!(
        out,
        "\n{}",
        o.heading(&format!("{n}. {}", p.roles.join(" → ")))
    );
    let sep = l.msg(", ", "、");
    o.push_item(
        out,
        "   ",
        0,
        &format!(
            "{}{typical}{sep}{}{}",
            years(p.cost, l),
            l.term(&p.kind),
            if income.is_empty() {
                String::new()
            } else {
                format!("{sep}{} {income}", l.msg("income", "年収"))
            }
        ),
    );
    for (j, s) in p.steps.iter().enumerate() {
        step(out, src, j + 1, s, o);
    }
}

fn step(out: &mut String, src: &mut Sources, n: usize, s: &StepView, o: Options) {
    let l = o.lang;
    let (kind, typical) = (l.term(&s.kind), years(s.typical_years, l));
    // With a profile, the person's time beside the typical one.
    let for_you = if s.move_months.is_some() {
        match l {
            Lang::En => format!(", for you {}", super::months(s.cost * 12.0, l)),
            Lang::Ja => format!("、あなたは{}", super::months(s.cost * 12.0, l)),
        }
    } else {
        String::new()
    };
    let mark = src.mark(&s.source);
    let head = match l {
        Lang::En => format!(
            "{n}) {} → {}: {kind}, typically {typical}{for_you} {mark}",
            s.from, s.to
        ),
        Lang::Ja => format!(
            "{n}) {} → {}: {kind}、通常{typical}{for_you} {mark}",
            s.from, s.to
        ),
    };
    o.push_item(out, "   ", 0, &head);
    o.push_item(out, "      ", 1, l.text(&s.note));
    if let Some(c) = &s.conditions {
        o.push_item(
            out,
            "      ",
            1,
            &format!(
                "{} {}",
                l.msg("conditions:", "条件:"),
                c.leaves_in(l, &|passed| o.mark(passed))
            ),
        );
    }
    if let Some(u) = &s.unmet {
        let adds = if u.months > 0.0 {
            format!(" (+{})", months(u.months, l))
        } else {
            String::new()
        };
        let first = format!(
            "{} {}{adds} {}",
            l.msg("first:", "まず:"),
            l.text(&u.advice),
            src.mark(&u.source)
        );
        o.push_item(out, "      ", 1, &first);
    }
    if let (Some(fit), Some(ready)) = (s.fit, s.readiness) {
        o.push_item(
            out,
            "      ",
            1,
            &format!(
                "{} {} ({})",
                l.msg("fit on arrival", "到達時の適合度"),
                score(fit),
                o.readiness(ready)
            ),
        );
    }
    if !s.gaps.is_empty() {
        let gaps: Vec<String> = s
            .gaps
            .iter()
            .map(|g| format!("{} {}→{}", g.label(), g.have, g.need))
            .collect();
        o.push_item(
            out,
            "      ",
            1,
            &format!("{} {}", l.msg("close:", "埋める不足:"), gaps.join(", ")),
        );
    }
    if !s.certifications.is_empty() {
        o.push_item(
            out,
            "      ",
            1,
            &format!(
                "{} {}",
                l.msg("certifications:", "資格:"),
                certs::plan_line(&s.certifications, l)
            ),
        );
    }
    let time: Vec<String> = [
        (l.msg("learning", "学習"), s.learning_months),
        (l.msg("certifications", "資格"), s.certification_months),
        (
            l.msg("hands-on practice", "実務での練習"),
            s.practice_months,
        ),
        (l.msg("optional skills", "任意スキル"), s.optional_months),
        (
            l.msg("waiting for experience", "経験を積む期間"),
            s.waiting_months,
        ),
        (l.msg("the move itself", "移動そのもの"), s.move_months),
        (
            l.msg("meeting the condition", "条件を満たす期間"),
            s.unmet.as_ref().map(|u| u.months),
        ),
    ]
    .into_iter()
    .filter_map(|(what, m)| {
        m.filter(|m| *m > 0.0)
            .map(|m| format!("{what} {}", months(m, l)))
    })
    .chain(s.ahead_months.filter(|m| *m > 0.0).map(|m| {
        format!(
            "{} −{}",
            l.msg(
                "less what was done while waiting before",
                "前のステップの経験待ちに済ませた分"
            ),
            months(m, l)
        )
    }))
    .collect();
    if !time.is_empty() {
        o.push_item(
            out,
            "      ",
            1,
            &format!("{} {}", l.msg("time:", "期間:"), time.join(", ")),
        );
    }
    let income = incomes(&s.income, &s.income_change, src, l);
    if !income.is_empty() {
        o.push_item(
            out,
            "      ",
            1,
            &format!("{} {income}", l.msg("income:", "年収:")),
        );
    }
    if let Some(e) = &s.estimated_income_change {
        let est = super::estimated_change(e, src, l);
        if !est.is_empty() {
            o.push_item(
                out,
                "      ",
                1,
                &format!("{} {est}", l.msg("estimated for you:", "あなたの推定:")),
            );
        }
    }
}

/// "employee 600–900万円 (shokuzukan) [1], freelance 881万円 (levtech-2025-11, +90万円) [2]":
/// each headline figure with its survey and the change within that survey.
fn incomes(i: &Incomes, c: &IncomeChange, src: &mut Sources, l: Lang) -> String {
    [Employment::Employee, Employment::Freelance]
        .into_iter()
        .filter_map(|k| {
            let f = i.get(k)?;
            Some(format!(
                "{} {} ({}) {}",
                l.term(k.as_str()),
                f.display(),
                figure_note(f, c.get(k), l),
                src.mark(&f.source)
            ))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "levtech-2025-11, +69万円" or "unison, +150万円 against 500–600万円" (the survey of a
/// headline figure, whose it is if borrowed, and the change within that survey).
pub(crate) fn figure_note(
    f: &crate::income::Figure,
    change: Option<(f64, &crate::income::ChangeBasis)>,
    l: Lang,
) -> String {
    let sep = l.msg(", ", "、");
    let mut s = match (&f.borrowed_from, l) {
        (Some(r), Lang::En) => format!("{} of {r}", f.survey),
        (Some(r), Lang::Ja) => format!("{}、{r} の数字", f.survey),
        (None, _) => f.survey.clone(),
    };
    if let Some((d, b)) = change {
        s.push_str(sep);
        match (b.from_headline, l) {
            (true, _) => s.push_str(&signed_man(d)),
            (false, Lang::En) => s.push_str(&format!("{} against {}", signed_man(d), b.from)),
            (false, Lang::Ja) => s.push_str(&format!("{}比 {}", b.from, signed_man(d))),
        }
    }
    s
}

/// "employee +150万円, freelance +12万円".
fn change(c: &IncomeChange, l: Lang) -> String {
    [("employee", c.employee), ("freelance", c.freelance)]
        .into_iter()
        .filter_map(|(k, d)| d.map(|d| format!("{} {}", l.term(k), signed_man(d))))
        .collect::<Vec<_>>()
        .join(", ")
}

fn destinations(out: &mut String, r: &PathsReport, priced: &str, o: Options) {
    let l = o.lang;
    let (from, n) = (&r.from, r.max_steps);
    let title = match l {
        Lang::En => format!(
            "Where {from} leads within {n} step{} ({priced})",
            if n == 1 { "" } else { "s" }
        ),
        Lang::Ja => format!("{from} から{n}ステップ以内に進める職種({priced})"),
    };
    let _ = writeln!(out, "{}\n", o.title(&title));
    if r.paths.is_empty() {
        let _ = match l {
            Lang::En => writeln!(out, "No move out of {from} in the knowledge base."),
            Lang::Ja => writeln!(out, "知識ベースには {from} からの移動がありません。"),
        };
        return;
    }
    let mut t = table_in(
        l,
        &[
            ("role", "職種"),
            ("steps", "ステップ"),
            ("years", "年数"),
            ("typical", "通常"),
            ("kind", "種類"),
            ("via", "経由"),
            ("income", "年収"),
        ],
    );
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
            l.term(&p.kind).to_string(),
            via,
            change(&p.income_change, l),
        ]);
    }
    // At 80 columns the income change and the usual years go first.
    let _ = writeln!(out, "{}", o.narrow(&t, &[6, 3]));
}
