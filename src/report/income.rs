//! Text rendering of `income`: per role, the employee and freelance estimates with the figure
//! each starts from and every factor applied, each with a numbered source.

use std::fmt::Write;

use super::{Options, Sources};
use crate::income::{Estimate, Factor, IncomeOutlook, RoleIncome};
use crate::knowledge::format::Employment;
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
    let r = |x: f64| fmt_num((x * 100.0).round() / 100.0);
    if (f.low - f.high).abs() < 1e-9 {
        format!("×{}", r(f.low))
    } else {
        format!("×{}–{}", r(f.low), r(f.high))
    }
}

fn estimate(e: &Estimate, src: &mut Sources, l: Lang) -> String {
    let label = match (e.employment, l) {
        (Employment::Employee, Lang::En) => "employee ",
        (Employment::Freelance, Lang::En) => "freelance",
        (Employment::Employee, Lang::Ja) => "会社員      ",
        (Employment::Freelance, Lang::Ja) => "フリーランス",
    };
    let (Some(base), Some(range)) = (&e.base, e.range) else {
        let none = l.msg(
            "no sourced figure for this role",
            "このロールには出典のある数字がありません",
        );
        return format!("{label}  {none}");
    };
    let mut s = format!("{label}  {}万円", range.display());
    if let Some(m) = e.monthly {
        let _ = write!(s, " ({}万円/月)", m.display());
    }
    let _ = write!(s, "  = {}", base.published);
    if let Some(role) = &base.borrowed_from {
        let _ = match l {
            Lang::En => write!(s, " of {role}"),
            Lang::Ja => write!(s, "({role} の数字)"),
        };
    }
    let _ = write!(s, " {}", src.mark(&base.source));
    for f in &e.factors {
        let _ = write!(s, " {} {} {}", factor(f), f.id, marks(f, src));
    }
    s
}

fn role(out: &mut String, r: &RoleIncome, tag: &str, src: &mut Sources, o: Options) {
    let l = o.lang;
    let title = format!("{} ({}){tag}", r.role, l.text(&r.name));
    let _ = writeln!(out, "\n{}", o.heading(&title));
    o.push_item(out, "  ", 0, &estimate(&r.employee, src, l));
    o.push_item(out, "  ", 0, &estimate(&r.freelance, src, l));
    // Uplifts with the same condition (employee and freelance twins) share one line.
    let mut lines: Vec<(&Factor, Vec<String>)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for f in r.employee.not_yet.iter().chain(&r.freelance.not_yet) {
        if seen.contains(&f.id.as_str()) {
            continue;
        }
        seen.push(&f.id);
        let item = format!("{} {} {}", f.id, factor(f), src.mark(&f.source));
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

/// The caveat and conversion lines shared by `income` and `rate`.
pub(crate) fn notes(
    out: &mut String,
    conversion: Option<&Sourced>,
    caveat: Option<&Sourced>,
    src: &mut Sources,
    o: Options,
) {
    let l = o.lang;
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
        "Each line: estimate = the role's figure [source] × each factor that applies [source].\n",
        "各行: 推定 = ロールの数字 [出典] × 当てはまる各係数 [出典]。\n",
    ));
    if let Some(c) = &x.current {
        let tag = l.msg(" — current role", " — 現在のロール");
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
    notes(
        &mut out,
        x.conversion.as_ref(),
        x.caveat.as_ref(),
        &mut src,
        o,
    );
    out.push_str(&src.render(o));
    out
}
