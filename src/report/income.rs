//! Text rendering of `income`: per role, the employee and freelance estimates with the figure
//! each starts from and every factor applied, each with a numbered source.

use std::fmt::Write;

use super::{Options, Sources};
use crate::income::estimate::BaseFigure;
use crate::income::{Borrowed, Estimate, Factor, IncomeOutlook, NotApplied, RoleIncome, SurveyRef};
use crate::knowledge::format::{Employment, Text};
use crate::knowledge::market::Sourced;
use crate::lang::Lang;
use crate::rules::fmt_num;

/// The source marks of a factor: `[1]`, or `[1][2]` when its two ends come from two sources.
pub(crate) fn marks(f: &Factor, src: &mut Sources) -> String {
    let mut m = src.mark(&f.source);
    if let Some(h) = &f.high_source {
        m.push_str(&src.mark(h));
    }
    m
}

/// "×0.71" or "×1.2–1.33".
pub(crate) fn factor(f: &Factor) -> String {
    times(f.low, f.high)
}

/// "×0.71" or "×1.2–1.33".
pub(crate) fn times(low: f64, high: f64) -> String {
    let r = |x: f64| fmt_num((x * 100.0).round() / 100.0);
    if (low - high).abs() < 1e-9 {
        format!("×{}", r(low))
    } else {
        format!("×{}–{}", r(low), r(high))
    }
}

/// A factor's name: "age band 20–29" / 「20〜29歳の年齢帯」, or the uplift's id.
pub(crate) fn factor_name(kind: &str, id: &str, description: &Text, l: Lang) -> String {
    if kind == "age" {
        l.text(description).to_string()
    } else {
        id.to_string()
    }
}

/// " (unison, borrowed)" / "(unisonの比を借用)" when a factor is borrowed from another survey.
pub(crate) fn borrowed(f: &Factor, l: Lang) -> String {
    let mut surveys: Vec<&str> = f.borrowed.iter().map(|b| b.survey.as_str()).collect();
    surveys.dedup();
    if surveys.is_empty() {
        return String::new();
    }
    let surveys = surveys.join(", ");
    match l {
        Lang::En => format!(" ({surveys}, borrowed)"),
        Lang::Ja => format!("({surveys}の比を借用)"),
    }
}

/// "age band 20–29 ×0.71 [1]" or "upstream-experience ×1.2–1.33 (unison, borrowed) [3]".
pub(crate) fn factor_item(f: &Factor, src: &mut Sources, l: Lang) -> String {
    format!(
        "{} {}{} {}",
        factor_name(f.kind, &f.id, &f.description, l),
        factor(f),
        borrowed(f, l),
        marks(f, src)
    )
}

/// "389万円 of server-engineer (levtech-2025-11) [1]": the figure an estimate starts from.
pub(crate) fn base(b: &BaseFigure, src: &mut Sources, l: Lang) -> String {
    let mut s = b.published.clone();
    match (&b.borrowed_from, l) {
        (Some(role), Lang::En) => {
            let _ = write!(s, " of {role} ({})", b.survey);
        }
        (Some(role), Lang::Ja) => {
            let _ = write!(s, "({role} の数字、{})", b.survey);
        }
        (None, Lang::En) => {
            let _ = write!(s, " ({})", b.survey);
        }
        (None, Lang::Ja) => {
            let _ = write!(s, "({})", b.survey);
        }
    }
    let _ = write!(s, " {}", src.mark(&b.source));
    s
}

fn estimate(e: &Estimate, src: &mut Sources, l: Lang) -> String {
    let label = match (e.employment, l) {
        (Employment::Employee, Lang::En) => "employee ",
        (Employment::Freelance, Lang::En) => "freelance",
        (Employment::Employee, Lang::Ja) => "会社員      ",
        (Employment::Freelance, Lang::Ja) => "フリーランス",
    };
    let (Some(b), Some(range)) = (&e.base, e.range) else {
        let none = l.msg(
            "no sourced figure for this role",
            "この職種には出典のある数字がありません",
        );
        return format!("{label}  {none}");
    };
    let mut s = format!("{label}  {}万円", range.display());
    if let Some(m) = e.monthly {
        let _ = write!(s, " ({}万円/月)", m.display());
    }
    let _ = write!(s, "  = {}", base(b, src, l));
    for f in &e.factors {
        let _ = write!(s, "{}{}", l.msg(", ", "、"), factor_item(f, src, l));
    }
    s
}

/// "not applied: age band 20–29 ×0.71 [1] — levtech-2025-11's figure is …".
pub(crate) fn not_applied(n: &NotApplied, src: &mut Sources, l: Lang) -> String {
    format!(
        "{} {} {} {} — {}",
        l.msg("not applied:", "適用しない:"),
        factor_name(n.kind, &n.id, &n.description, l),
        times(n.low, n.high),
        src.mark(&n.source),
        l.text(&n.reason)
    )
}

fn role(out: &mut String, r: &RoleIncome, tag: &str, src: &mut Sources, o: Options) {
    let l = o.lang;
    let title = format!("{} ({}){tag}", r.role, l.text(&r.name));
    let _ = writeln!(out, "\n{}", o.heading(&title));
    o.push_item(out, "  ", 0, &estimate(&r.employee, src, l));
    o.push_item(out, "  ", 0, &estimate(&r.freelance, src, l));
    for n in r
        .employee
        .not_applied
        .iter()
        .chain(&r.freelance.not_applied)
    {
        o.push_item(out, "  ", 0, &not_applied(n, src, l));
    }
    // Uplifts with the same condition (employee and freelance twins) share one line.
    let mut lines: Vec<(&Factor, Vec<String>)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for f in r.employee.not_yet.iter().chain(&r.freelance.not_yet) {
        if seen.contains(&f.id.as_str()) {
            continue;
        }
        seen.push(&f.id);
        let item = factor_item(f, src, l);
        match lines.iter_mut().find(|(b, _)| b.because == f.because) {
            Some((_, items)) => items.push(item),
            None => lines.push((f, vec![item])),
        }
    }
    for (f, items) in lines {
        let because = l.msg(&f.because, &f.because_ja);
        let line = format!(
            "{} {} — {because}",
            l.msg("not yet:", "未達:"),
            items.join(", ")
        );
        o.push_item(out, "  ", 0, &line);
    }
}

/// The notes shared by `income` and `rate`: why each borrowed factor may be borrowed, the
/// monthly-to-yearly conversion and the caveat.
pub(crate) fn notes<'a>(
    out: &mut String,
    factors: impl IntoIterator<Item = &'a Factor>,
    conversion: Option<&Sourced>,
    caveat: Option<&Sourced>,
    src: &mut Sources,
    o: Options,
) {
    let l = o.lang;
    let mut borrowed: Vec<&Borrowed> = factors.into_iter().flat_map(|f| &f.borrowed).collect();
    borrowed.sort_by(|a, b| a.id.cmp(&b.id));
    borrowed.dedup_by(|a, b| a.id == b.id);
    for b in borrowed {
        let id = &b.id;
        let line = match l {
            Lang::En => format!(
                "Borrowed: {id} ({}'s ratio on another survey's figure): {} {}",
                b.survey,
                b.because.en,
                src.mark(&b.source)
            ),
            Lang::Ja => format!(
                "借用: {id}({}の比を他の調査の数字に適用): {} {}",
                b.survey,
                b.because.ja,
                src.mark(&b.source)
            ),
        };
        o.push_item(out, "", 0, &line);
    }
    for (label, n) in [
        (l.msg("Conversion", "換算"), conversion),
        (l.msg("Caveat", "注意"), caveat),
    ] {
        if let Some(n) = n {
            let line = format!("{label}: {} {}", l.text(&n.text), src.mark(&n.source));
            o.push_item(out, "", 0, &line);
        }
    }
}

/// The surveys a report cites, by id.
pub(crate) fn surveys(out: &mut String, list: &[SurveyRef], o: Options) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", o.heading(o.lang.msg("Surveys:", "調査:")));
    let width = list.iter().map(|s| s.id.len()).max().unwrap_or_default();
    for s in list {
        let line = format!("{:<width$}  {}", s.id, o.lang.text(&s.name));
        o.push_item(out, "  ", 0, &line);
    }
}

/// The readable form of `income`.
pub fn text(x: &IncomeOutlook, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let who = x
        .profile
        .as_deref()
        .unwrap_or(l.msg("the profile", "このプロフィール"));
    let title = match l {
        Lang::En => format!("Income estimates for {who} (万円 a year)"),
        Lang::Ja => format!("{who}の推定年収(万円/年)"),
    };
    let _ = writeln!(out, "{}", o.title(&title));
    out.push_str(l.msg(
        "Each line: estimate = the role's figure (its survey) [source] × each factor that applies \
         [source]. A factor applies only to figures of its own survey, unless the model declares \
         it borrowable.\n",
        "各行: 推定 = 職種の数字(調査)[出典] × 当てはまる各係数 [出典]。係数は同じ調査の数字にだけ\
         掛けます(他の調査への適用が宣言されている場合を除く)。\n",
    ));
    if let Some(c) = &x.current {
        let tag = l.msg(" — current role", " — 現在の職種");
        role(&mut out, c, tag, &mut src, o);
    }
    for (i, r) in x.recommended.iter().enumerate() {
        let tag = match l {
            Lang::En => format!(" — recommendation {}", i + 1),
            Lang::Ja => format!(" — おすすめ {}", i + 1),
        };
        role(&mut out, r, &tag, &mut src, o);
    }
    out.push('\n');
    let factors = x.current.iter().chain(&x.recommended).flat_map(|r| {
        [&r.employee, &r.freelance]
            .into_iter()
            .flat_map(|e| e.factors.iter().chain(&e.not_yet))
    });
    notes(
        &mut out,
        factors,
        x.conversion.as_ref(),
        x.caveat.as_ref(),
        &mut src,
        o,
    );
    surveys(&mut out, &x.surveys, o);
    out.push_str(&src.render(o));
    out
}
