//! Text rendering of `recommend`.

use std::fmt::Write;

use super::{Options, Sources, certs, months, score, signed_man, table_in, years};
use crate::lang::Lang;
use crate::planning::gaps::Gap;
use crate::recommend::{Recommendation, Recommendations};
use crate::rules::fmt_num;

/// How many recommendations get a detailed section.
pub const DETAILED: usize = 5;

/// The readable form of `recommend`.
pub fn text(r: &Recommendations, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let who = r
        .profile
        .name
        .as_deref()
        .unwrap_or(l.msg("this profile", "このプロフィール"));
    let experience = years(r.profile.years_experience, l);
    let title = match (&r.profile.current_role, l) {
        (Some(role), Lang::En) => {
            format!("Next roles for {who} (now {role}, {experience} of experience)")
        }
        (Some(role), Lang::Ja) => format!("{who}の次の職種(現在 {role}、経験{experience})"),
        (None, Lang::En) => format!("Entry roles for {who} (no current role given)"),
        (None, Lang::Ja) => format!("{who}の入口職種(現在の職種の指定なし)"),
    };
    let _ = writeln!(out, "{}\n", o.title(&title));
    for g in r.goals.iter().filter(|g| g.status != "listed") {
        let line = match (g.status, l) {
            ("current", Lang::En) => format!("Your goal {} is the role you hold.", g.name.en),
            ("current", Lang::Ja) => format!("目標の{}は、今の職種です。", g.name.ja),
            (_, Lang::En) => format!(
                "Your goal {} ({}): the knowledge base has no route to it from here.",
                g.name.en, g.role
            ),
            (_, Lang::Ja) => format!(
                "目標の{}({}): 知識ベースには、ここから至る道筋がありません。",
                g.name.ja, g.role
            ),
        };
        o.push_item(&mut out, "", 0, &line);
    }
    if r.goals.iter().any(|g| g.status != "listed") {
        out.push('\n');
    }
    if r.recommendations.is_empty() {
        out.push_str(l.msg(
            "No role is reachable from the current role in the knowledge base.\n",
            "知識ベースには、現在の職種から移れる職種がありません。\n",
        ));
    }
    let mut t = table_in(
        l,
        &[
            ("#", "#"),
            ("role", "職種"),
            ("name", "名前"),
            ("score", "スコア"),
            ("fit", "適合度"),
            ("readiness", "準備状況"),
            ("advice", "助言"),
            ("employee income", "年収(会社員)"),
        ],
    );
    for (i, rec) in r.recommendations.iter().enumerate() {
        let income = match (
            &rec.income.employee,
            rec.income_change.as_ref().and_then(|c| c.employee),
        ) {
            (Some(f), Some(d)) => format!("{} ({})", f.display(), signed_man(d)),
            (Some(f), None) => f.display(),
            (None, _) => "–".into(),
        };
        let (en, ja) = rec.advice.names();
        let step = match rec.steps {
            0 | 1 => l.msg(en, ja).to_string(),
            n => match l {
                Lang::En => format!("{en} ({n} steps)"),
                Lang::Ja => format!("{ja}({n}ステップ)"),
            },
        };
        t.add_row(vec![
            (i + 1).to_string(),
            rec.role.clone(),
            l.text(&rec.name).to_string(),
            score(rec.score),
            score(rec.fit),
            l.term(rec.readiness.as_str()).to_string(),
            step,
            income,
        ]);
    }
    if !r.recommendations.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            o.fitted_table(&t, &[2, 7], Some(5), o.readiness_cell())
        );
    }
    for (i, rec) in r.recommendations.iter().take(DETAILED).enumerate() {
        detail(&mut out, &mut src, i + 1, rec, o);
    }
    if r.recommendations.len() > DETAILED {
        let _ = match l {
            Lang::En => writeln!(
                out,
                "\n(Details for the top {DETAILED}; `--format json` has them for every role.)"
            ),
            Lang::Ja => writeln!(
                out,
                "\n(詳細は上位{DETAILED}件のみ。`--format json` には全職種の詳細があります。)"
            ),
        };
    }
    if !r.notes.is_empty() {
        let _ = writeln!(out, "\n{}", o.heading(l.msg("Notes:", "補足:")));
        for n in &r.notes {
            let note = format!("{} {}", l.text(&n.text), src.mark(&n.source));
            o.push_item(&mut out, "  - ", 0, &note);
        }
    }
    if !r.certifications.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg("Certifications to consider:", "検討したい資格:"))
        );
        for c in &r.certifications {
            let why: Vec<String> = c
                .reasons
                .iter()
                .map(|x| format!("{} {}", l.text(&x.text), src.mark(&x.source)))
                .collect();
            let cert = format!("{} ({}): {}", c.id, l.text(&c.name), why.join("; "));
            o.push_item(&mut out, "  - ", 0, &cert);
        }
    }
    out.push_str(&src.render(o));
    out
}

fn detail(out: &mut String, src: &mut Sources, n: usize, rec: &Recommendation, o: Options) {
    let l = o.lang;
    let (sc, fit) = (score(rec.score), score(rec.fit));
    let (ready, when) = (o.readiness(rec.readiness), months(rec.months_to_ready, l));
    let head = match l {
        Lang::En => format!(
            "{n}. {} ({}) — score {sc}, fit {fit}, {ready} ({when})",
            rec.role, rec.name.en
        ),
        Lang::Ja => format!(
            "{n}. {} ({}) — スコア {sc}、適合度 {fit}、{ready}({when})",
            rec.role, rec.name.ja
        ),
    };
    let _ = writeln!(out, "\n{}", o.heading(&head));
    if !rec.via.is_empty() {
        let via = format!("{} {}", l.msg("via:", "経由:"), rec.via.join(" → "));
        o.push_item(out, "   ", 0, &via);
    }
    let (en, ja) = rec.advice.names();
    let how = match (rec.steps, l) {
        (0, Lang::En) => format!("advice: {en}"),
        (0, Lang::Ja) => format!("助言: {ja}"),
        (_, Lang::En) => format!(
            "advice: {en}; the move typically takes {}{}",
            years(rec.typical_years, l),
            rec.years_for_you
                .map(|y| format!(", for you {}", months(y * 12.0, l)))
                .unwrap_or_default()
        ),
        (_, Lang::Ja) => format!(
            "助言: {ja}。移動には通常{}{}",
            years(rec.typical_years, l),
            rec.years_for_you
                .map(|y| format!("、あなたは{}", months(y * 12.0, l)))
                .unwrap_or_default()
        ),
    };
    o.push_item(out, "   ", 0, &how);
    let rank = super::rank_line(rec.advice, &rec.value, rec.reach, rec.score, l);
    o.push_item(out, "   ", 0, &rank);
    for u in &rec.unmet {
        let first = super::unmet_line(u, l.msg("first:", "まず:"), src, l);
        o.push_item(out, "   ", 0, &first);
    }
    o.push_item(out, "   ", 0, l.msg("why:", "理由:"));
    for reason in &rec.reasons {
        let adj = reason
            .adjustment
            .map(|a| format!(" ({}{})", if a >= 0.0 { "+" } else { "" }, score(a)))
            .unwrap_or_default();
        let why = format!("{}{adj} {}", l.text(&reason.text), src.mark(&reason.source));
        o.push_item(out, "     - ", 1, &why);
    }
    let gaps: Vec<String> = rec
        .gaps
        .iter()
        .map(|g| match g {
            Gap::Skill(s) => format!(
                "{} {}{}→{}{}",
                s.label(),
                s.have,
                match (&s.evidence, s.evidenced) {
                    (Some(c), Some(l)) => format!(" ({c}: {l})"),
                    _ => String::new(),
                },
                s.need,
                if s.essential {
                    l.msg(" (essential)", " (必須)")
                } else {
                    ""
                }
            ),
            Gap::Experience(e) => format!(
                "{} {}→{}",
                l.msg(e.id(), &e.name.ja),
                fmt_num(e.have),
                years(e.need, l)
            ),
        })
        .collect();
    if !gaps.is_empty() {
        let gaps = format!("{} {}", l.msg("gaps:", "不足:"), gaps.join(", "));
        o.push_item(out, "   ", 0, &gaps);
    }
    if let Some(e) = &rec.estimated_income_change {
        let est = super::estimated_change(e, src, l);
        if !est.is_empty() {
            let est = format!(
                "{} {est}",
                l.msg("estimated income for you:", "あなたの推定年収:")
            );
            o.push_item(out, "   ", 0, &est);
        }
    }
    for m in &rec.near_misses {
        let miss = format!(
            "{} {} → {} {}",
            l.msg("one step away:", "あと一歩:"),
            l.text(&m.change),
            l.text(&m.effect),
            src.mark(&m.source)
        );
        o.push_item(out, "   ", 0, &miss);
    }
    if !rec.certifications.is_empty() {
        let plan = format!(
            "{} {} — {}",
            l.msg("certification plan:", "資格プラン:"),
            certs::plan_line(&rec.certifications, l),
            certs::study_time(&rec.certification_time, l)
        );
        o.push_item(out, "   ", 0, &plan);
    }
}
