//! Text rendering of `income`: per role, the employee and freelance estimates with the figure
//! each starts from and every factor applied, each with a numbered source.

use std::fmt::Write;

use super::Sources;
use crate::income::{Estimate, Factor, IncomeOutlook, RoleIncome};
use crate::knowledge::format::Employment;
use crate::knowledge::market::Sourced;
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

fn estimate(e: &Estimate, src: &mut Sources) -> String {
    let label = match e.employment {
        Employment::Employee => "employee ",
        Employment::Freelance => "freelance",
    };
    let (Some(base), Some(range)) = (&e.base, e.range) else {
        return format!("  {label}  no sourced figure for this role");
    };
    let mut s = format!("  {label}  {}万円", range.display());
    if let Some(m) = e.monthly {
        let _ = write!(s, " ({}万円/月)", m.display());
    }
    let _ = write!(s, "  = {}", base.published);
    if let Some(role) = &base.borrowed_from {
        let _ = write!(s, " of {role}");
    }
    let _ = write!(s, " {}", src.mark(&base.source));
    for f in &e.factors {
        let _ = write!(s, " {} {} {}", factor(f), f.id, marks(f, src));
    }
    s
}

fn role(out: &mut String, r: &RoleIncome, tag: &str, src: &mut Sources) {
    let _ = writeln!(out, "\n{} ({} / {}){tag}", r.role, r.name.ja, r.name.en);
    let _ = writeln!(out, "{}", estimate(&r.employee, src));
    let _ = writeln!(out, "{}", estimate(&r.freelance, src));
    // Uplifts with the same condition (employee and freelance twins) share one line.
    let mut lines: Vec<(&str, Vec<String>)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for f in r.employee.not_yet.iter().chain(&r.freelance.not_yet) {
        if seen.contains(&f.id.as_str()) {
            continue;
        }
        seen.push(&f.id);
        let item = format!("{} {} {}", f.id, factor(f), src.mark(&f.source));
        match lines.iter_mut().find(|(b, _)| *b == f.because) {
            Some((_, items)) => items.push(item),
            None => lines.push((&f.because, vec![item])),
        }
    }
    for (because, items) in lines {
        let _ = writeln!(out, "  not yet: {} — {because}", items.join(", "));
    }
}

/// The caveat and conversion lines shared by `income` and `rate`.
pub(crate) fn notes(
    out: &mut String,
    conversion: Option<&Sourced>,
    caveat: Option<&Sourced>,
    src: &mut Sources,
) {
    for (label, n) in [("Conversion", conversion), ("Caveat", caveat)] {
        if let Some(n) = n {
            let _ = writeln!(out, "{label}: {} {}", n.text.en, src.mark(&n.source));
        }
    }
}

/// The readable form of `income`.
pub fn text(o: &IncomeOutlook) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let who = o.profile.as_deref().unwrap_or("the profile");
    let _ = writeln!(out, "Income estimates for {who} (万円 a year)");
    out.push_str(
        "Each line: estimate = the role's figure [source] × each factor that applies [source].\n",
    );
    if let Some(c) = &o.current {
        role(&mut out, c, " — current role", &mut src);
    }
    for (i, r) in o.recommended.iter().enumerate() {
        role(
            &mut out,
            r,
            &format!(" — recommendation {}", i + 1),
            &mut src,
        );
    }
    out.push('\n');
    notes(&mut out, o.conversion.as_ref(), o.caveat.as_ref(), &mut src);
    out.push_str(&src.render());
    out
}
