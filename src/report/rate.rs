//! Text rendering of `rate`: the starting figure, each driver and what it adds, the estimate,
//! what would add more, and the sources' own ranges.

use std::fmt::Write;

use super::income::{self, factor, marks, notes};
use super::{Options, Sources};
use crate::income::RateReport;
use crate::income::rate::Driver;
use crate::lang::Lang;

fn adds(d: &Driver) -> String {
    let r = d.adds;
    format!("+{}万円/月", r.display())
}

/// The readable form of `rate`.
pub fn text(r: &RateReport, o: Options) -> String {
    let l = o.lang;
    let mut out = String::new();
    let mut src = Sources::default();
    let who = r
        .profile
        .as_deref()
        .unwrap_or(l.msg("the profile", "このプロフィール"));
    let title = match l {
        Lang::En => format!("Freelance rate for {who} as {} ({})", r.role, r.name.en),
        Lang::Ja => format!(
            "{who}の {} ({}) としてのフリーランス単価",
            r.role, r.name.ja
        ),
    };
    let _ = writeln!(out, "{}", o.title(&title));
    if let Some(note) = r
        .held_as
        .as_ref()
        .and_then(|h| h.note.as_ref().map(|n| (n, h)))
    {
        let line = format!("{} {}", l.text(note.0), src.mark(&note.1.source));
        out.push('\n');
        o.push_item(&mut out, "", 0, &line);
    }
    let (Some(base), Some(base_m), Some(m), Some(y)) =
        (&r.base, r.base_monthly, r.monthly, r.yearly)
    else {
        out.push_str(l.msg(
            "\nNo source gives a freelance figure for this role.\n",
            "\nこの職種のフリーランスの数字を示す出典はありません。\n",
        ));
        return out;
    };
    let start = format!(
        "{}  {}万円/月  = {}",
        l.msg("Starts from", "基準       "),
        base_m.display(),
        income::base(base, &mut src, l)
    );
    out.push('\n');
    o.push_item(&mut out, "", 0, &start);
    for d in &r.drivers {
        let line = format!(
            "{:<12} {} {}{} — {} {}",
            adds(d),
            factor(&d.factor),
            d.factor.id,
            income::borrowed(&d.factor, l),
            l.msg(&d.factor.because, &d.factor.because_ja),
            marks(&d.factor, &mut src)
        );
        o.push_item(&mut out, "  ", 1, &line);
    }
    let estimate = match l {
        Lang::En => format!(
            "Estimate     {}万円/月  (≈{}万円 a year)",
            m.display(),
            y.display()
        ),
        Lang::Ja => format!(
            "推定         {}万円/月  (年≈{}万円)",
            m.display(),
            y.display()
        ),
    };
    o.push_item(&mut out, "", 0, &estimate);
    if !r.not_yet.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            o.heading(l.msg("Would add:", "上乗せできるもの:"))
        );
        for d in &r.not_yet {
            let line = format!(
                "{:<12} {} {}{} — {} {} {}",
                adds(d),
                factor(&d.factor),
                d.factor.id,
                income::borrowed(&d.factor, l),
                l.msg("needs", "条件"),
                l.msg(&d.factor.because, &d.factor.because_ja),
                src.mark(&d.factor.source)
            );
            o.push_item(&mut out, "  ", 0, &line);
        }
    }
    if !r.not_applied.is_empty() {
        out.push('\n');
        for n in &r.not_applied {
            o.push_item(&mut out, "", 0, &income::not_applied(n, &mut src, l));
        }
    }
    if !r.sources_say.is_empty() {
        let title = l.msg(
            "What the sources say for this role:",
            "この職種について出典が示す数字:",
        );
        let _ = writeln!(out, "\n{}", o.heading(title));
        for s in &r.sources_say {
            let line = format!(
                "{:<14} = {}万円/月  {} {}  ({}) {} {}",
                s.published,
                s.monthly.display(),
                l.msg("estimate is", "推定は"),
                l.term(s.estimate_is),
                s.survey,
                l.text(&s.basis),
                src.mark(&s.source)
            );
            o.push_item(&mut out, "  ", 0, &line);
        }
    }
    out.push('\n');
    let factors = r.drivers.iter().chain(&r.not_yet).map(|d| &d.factor);
    notes(
        &mut out,
        factors,
        r.conversion.as_ref(),
        r.caveat.as_ref(),
        &mut src,
        o,
    );
    income::surveys(&mut out, &r.surveys, o);
    out.push_str(&src.render(o));
    out
}
