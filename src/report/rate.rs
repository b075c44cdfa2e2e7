//! Text rendering of `rate`: the starting figure, each driver and what it adds, the estimate,
//! what would add more, and the sources' own ranges.

use std::fmt::Write;

use super::Sources;
use super::income::{factor, marks, notes};
use crate::income::RateReport;
use crate::income::rate::Driver;

fn adds(d: &Driver) -> String {
    let r = d.adds;
    format!("+{}万円/月", r.display())
}

/// The readable form of `rate`.
pub fn text(r: &RateReport) -> String {
    let mut out = String::new();
    let mut src = Sources::default();
    let who = r.profile.as_deref().unwrap_or("the profile");
    let _ = writeln!(
        out,
        "Freelance rate for {who} as {} ({} / {})",
        r.role, r.name.ja, r.name.en
    );
    let (Some(base), Some(base_m), Some(m), Some(y)) =
        (&r.base, r.base_monthly, r.monthly, r.yearly)
    else {
        out.push_str("\nNo source gives a freelance figure for this role.\n");
        return out;
    };
    let _ = write!(
        out,
        "\nStarts from  {}万円/月  ({}",
        base_m.display(),
        base.published
    );
    if let Some(role) = &base.borrowed_from {
        let _ = write!(out, " of {role}");
    }
    let _ = writeln!(out, ") {}", src.mark(&base.source));
    for d in &r.drivers {
        let _ = writeln!(
            out,
            "  {:<12} {} {} — {} {}",
            adds(d),
            factor(&d.factor),
            d.factor.id,
            d.factor.because,
            marks(&d.factor, &mut src)
        );
    }
    let _ = writeln!(
        out,
        "Estimate     {}万円/月  (≈{}万円 a year)",
        m.display(),
        y.display()
    );
    if !r.not_yet.is_empty() {
        out.push_str("\nWould add:\n");
        for d in &r.not_yet {
            let _ = writeln!(
                out,
                "  {:<12} {} {} — needs {} {}",
                adds(d),
                factor(&d.factor),
                d.factor.id,
                d.factor.because,
                src.mark(&d.factor.source)
            );
        }
    }
    if !r.sources_say.is_empty() {
        out.push_str("\nWhat the sources say for this role:\n");
        for s in &r.sources_say {
            let _ = writeln!(
                out,
                "  {:<14} = {}万円/月  estimate is {}  {} {}",
                s.published,
                s.monthly.display(),
                s.estimate_is,
                s.basis.en,
                src.mark(&s.source)
            );
        }
    }
    out.push('\n');
    notes(&mut out, r.conversion.as_ref(), r.caveat.as_ref(), &mut src);
    out.push_str(&src.render());
    out
}
