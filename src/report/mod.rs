//! Rendering results for people (text and tables) and for scripts (JSON).
//!
//! This is the only place that formats output; the library computes, this module writes.

pub mod catalog;
mod certs;
pub mod explain;
mod fit;
pub mod gaps;
pub mod income;
pub mod jobs;
mod layout;
mod paint;
pub mod paths;
pub mod rate;
pub mod recommend;
pub mod rounding;
pub mod sources;
pub mod validate;
pub mod whatif;

use comfy_table::{LineStyle, Table, TableStyle};
use serde::Serialize;

pub use fit::{fit, fits, settle_width};
pub use paint::strip;
pub(crate) use sources::Sources;

use crate::lang::Lang;
use crate::rules::fmt_num;

/// How output is written: in which language, whether with colour (JSON ignores both), and the
/// source registry that names the sources. The default (English, no colour, no registry) is what
/// [`crate::cli::run`] writes when nothing is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options<'a> {
    /// The language of names, headings and messages.
    pub lang: Lang,
    /// Whether to colour headings, readiness and ✓/✗ with ANSI escape codes.
    pub colour: bool,
    /// Whether to write GitHub Markdown (`##` headings, tables, lists) instead of text.
    pub markdown: bool,
    /// The knowledge base's source registry, sorted by id: the numbered source lists show its
    /// entries, and JSON lists those the answer cites (empty: sources are shown as written).
    pub registry: &'a [crate::knowledge::model::Source],
    /// The widest a line of text output may be, in terminal columns (a CJK character takes
    /// two): tables shrink their widest columns and wrap their cells to fit, and longer lines
    /// wrap under their own indentation ([`fit`]). Markdown and JSON ignore it.
    pub width: usize,
}

/// The width of text output when nothing says otherwise: the classic terminal.
pub const DEFAULT_WIDTH: usize = 80;

/// The narrowest width text output is laid out for; a narrower request is raised to it.
pub const MIN_WIDTH: usize = 40;

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            lang: Lang::default(),
            colour: false,
            markdown: false,
            registry: &[],
            width: DEFAULT_WIDTH,
        }
    }
}

impl<'a> Options<'a> {
    /// The same options, naming sources from this knowledge base's registry.
    pub fn citing(self, kb: &'a crate::knowledge::KnowledgeBase) -> Options<'a> {
        Options {
            registry: &kb.sources,
            ..self
        }
    }
}

/// Pretty JSON with a final newline; floats are rounded to 4 decimals so output is readable and
/// identical across platforms.
pub fn json<T: Serialize>(value: &T) -> String {
    let mut out = Vec::with_capacity(4096);
    // Serializing our own types into memory cannot fail (maps have string keys).
    let _ = rounding::write_pretty(&mut out, value);
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// Text without trailing spaces (tables pad their last column).
pub fn tidy(text: &str) -> String {
    let mut out: String = text
        .lines()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    terminal_safe(&out)
}

/// Text for a terminal: control and bidirectional characters that came from user data (a
/// profile's name, a rule file's text) escaped as `\u{…}`, so they cannot move the cursor,
/// retitle the window or reorder what is read. careergraph's own colours (`ESC [ … m`) stay.
/// JSON output is not passed through here: it keeps the exact text.
pub fn terminal_safe(text: &str) -> String {
    if !text.chars().any(crate::diagnostics::is_unsafe_char) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // A colour (SGR) sequence: ESC [ digits and semicolons, then `m`.
        if c == '\u{1b}'
            && let Some(after) = rest.strip_prefix("\u{1b}[")
        {
            let body = after
                .find(|ch: char| !(ch.is_ascii_digit() || ch == ';'))
                .filter(|&i| after[i..].starts_with('m'));
            if let Some(i) = body {
                let len = 2 + i + 1;
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if crate::diagnostics::is_unsafe_char(c) {
            out.push_str(&crate::diagnostics::escape_controls(
                c.encode_utf8(&mut [0; 4]),
            ));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Markdown without trailing spaces and with at most one blank line in a row.
pub fn tidy_markdown(text: &str) -> String {
    let mut out = String::new();
    let mut blank = true;
    for line in tidy(text).lines() {
        if line.is_empty() && blank {
            continue;
        }
        blank = line.is_empty();
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The house style: a rule under the header, no other lines.
pub(crate) const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::new('─', '─', '─', '─'));

/// A table in the house style.
pub(crate) fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(STYLE);
    t.set_header(header.iter().copied());
    t
}

/// How a catalog list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Readable text and tables.
    Text,
    /// JSON.
    Json,
    /// A GitHub Markdown table under a `##` heading.
    Markdown,
}

/// A table as a GitHub Markdown table: a header row, a `---` row, then the rows; `|` in a cell
/// is escaped and line breaks become spaces.
pub(crate) fn markdown(t: &Table) -> String {
    let cell = |c: &comfy_table::Cell| {
        let text = c.content().replace('|', "\\|").replace('\n', " ");
        if text.is_empty() {
            " ".to_string()
        } else {
            text
        }
    };
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = String::new();
    if let Some(h) = t.header() {
        let names: Vec<String> = h.cell_iter().map(cell).collect();
        let n = names.len();
        out.push_str(&line(names));
        out.push_str(&line(vec!["---".to_string(); n]));
    }
    for row in t.row_iter() {
        out.push_str(&line(row.cell_iter().map(cell).collect()));
    }
    out
}

/// "0.82".
pub(crate) fn score(x: f64) -> String {
    format!("{x:.2}")
}

/// What an unmet condition of a move takes, in one line: "first: move to … (≈6 months) [1]".
pub(crate) fn unmet_line(
    u: &crate::recommend::UnmetCondition,
    label: &str,
    src: &mut Sources,
    lang: Lang,
) -> String {
    format!(
        "{label} {} ({}) {}",
        lang.text(&u.advice),
        months(u.months, lang),
        src.mark(&u.source)
    )
}

/// How a move ranks, in one line: its value term by term, its reach and its score.
/// "rank: value 1.55 (step up 1.00 + level 0.30 + preferences 0.25) × reach 0.91 → score 0.72".
pub(crate) fn rank_line(
    advice: crate::knowledge::format::Advice,
    value: &crate::recommend::Value,
    reach: f64,
    score_: f64,
    lang: Lang,
) -> String {
    let (en, ja) = advice.names();
    let kind = lang.msg(en, ja);
    let mut terms = String::new();
    for (v, what) in [
        (value.base, kind),
        (value.level, lang.msg("level", "レベル")),
        (value.preferences, lang.msg("preferences", "希望")),
        (value.income, lang.msg("income", "年収")),
        (value.seasoning, lang.msg("experience", "経験")),
        (value.conditions, lang.msg("conditions met", "条件を満たす")),
        (value.work_style, lang.msg("work style", "働き方")),
        (value.goal, lang.msg("goal", "目標")),
    ] {
        if v == 0.0 && !terms.is_empty() {
            continue;
        }
        if terms.is_empty() {
            terms = format!("{what} {}", score(v));
        } else if v < 0.0 {
            terms = format!("{terms} − {what} {}", score(-v));
        } else {
            terms = format!("{terms} + {what} {}", score(v));
        }
    }
    match lang {
        Lang::En => format!(
            "rank: value {} ({terms}) × reach {} → score {}",
            score(value.total),
            score(reach),
            score(score_)
        ),
        Lang::Ja => format!(
            "順位: 価値 {}({terms})× 到達しやすさ {} → スコア {}",
            score(value.total),
            score(reach),
            score(score_)
        ),
    }
}

/// An estimated time, rounded up to whole months: "≈6 months", "≈4 years 11 months" /
/// 「約6か月」「約4年11か月」, and "now" / 「今すぐ」 for none.
pub(crate) fn months(m: f64, lang: Lang) -> String {
    if m <= 0.0 {
        return lang.msg("now", "今すぐ").to_string();
    }
    // Whole months, up; an estimate never reads shorter than it is. (Float noise below a
    // thousandth of a month is not a month.)
    let total = (m - 1e-3).ceil().max(1.0);
    let (y, mo) = ((total / 12.0).floor(), total % 12.0);
    let plural = |n: f64, one: &str, many: &str| {
        if n == 1.0 {
            format!("1 {one}")
        } else {
            format!("{} {many}", fmt_num(n))
        }
    };
    match lang {
        Lang::En if y == 0.0 => format!("≈{}", plural(mo, "month", "months")),
        Lang::En if mo == 0.0 => format!("≈{}", plural(y, "year", "years")),
        Lang::En => format!(
            "≈{} {}",
            plural(y, "year", "years"),
            plural(mo, "month", "months")
        ),
        Lang::Ja if y == 0.0 => format!("約{}か月", fmt_num(mo)),
        Lang::Ja if mo == 0.0 => format!("約{}年", fmt_num(y)),
        Lang::Ja => format!("約{}年{}か月", fmt_num(y), fmt_num(mo)),
    }
}

/// A number of years: whole ones as they are ("1 year", "3 years" / 「3年」), others as an
/// estimate in years and months ([`months`]: "≈2 years 1 month" / 「約2年1か月」), never
/// "2.04 years".
pub(crate) fn years(y: f64, lang: Lang) -> String {
    match lang {
        _ if y.fract() != 0.0 => months(y * 12.0, lang),
        Lang::En if y == 1.0 => "1 year".into(),
        Lang::En => format!("{} years", fmt_num(y)),
        Lang::Ja => format!("{}年", fmt_num(y)),
    }
}

/// "yes" / 「はい」, or "no" / 「いいえ」.
pub(crate) fn yes_no(b: bool, lang: Lang) -> String {
    match (b, lang) {
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
        (true, Lang::Ja) => "はい",
        (false, Lang::Ja) => "いいえ",
    }
    .to_string()
}

/// A table in the house style, with its header in the language: `(English, 日本語)` pairs.
pub fn table_in(lang: Lang, header: &[(&str, &str)]) -> Table {
    let names: Vec<&str> = header.iter().map(|(en, ja)| lang.msg(en, ja)).collect();
    table(&names)
}

/// "150–200 h", "600 h" / 「150–200時間」.
pub(crate) fn hours(h: &crate::planning::certs::Hours, lang: Lang) -> String {
    let unit = lang.msg(" h", "時間");
    if h.min == h.max {
        format!("{}{unit}", fmt_num(h.min))
    } else {
        format!("{}–{}{unit}", fmt_num(h.min), fmt_num(h.max))
    }
}

/// "+69万円" / "−12万円" / "±0万円".
pub(crate) fn signed_man(x: f64) -> String {
    if x > 0.0 {
        format!("+{}万円", fmt_num(x))
    } else if x < 0.0 {
        format!("−{}万円", fmt_num(-x))
    } else {
        "±0万円".to_string()
    }
}

/// "+120" / "−12" / "±0": a rounded difference in 万円 with its sign (a Unicode minus).
pub(crate) fn signed(x: f64) -> String {
    let r = x.round();
    if r == 0.0 {
        "±0".to_string()
    } else if r > 0.0 {
        format!("+{}", fmt_num(r))
    } else {
        format!("−{}", fmt_num(-r))
    }
}

/// "employee 480–620 → 600–750万円 (+120…+130, unison) [3]": the estimates that changed, where
/// both come from one survey; "no figure from one survey for both roles" when both roles have
/// estimates but none from one survey (a difference across surveys is not a fact).
pub(crate) fn estimated_change(
    e: &crate::income::EstimatedChange,
    src: &mut Sources,
    lang: Lang,
) -> String {
    use crate::knowledge::format::Employment;
    if e.employee.is_none() && e.freelance.is_none() && !e.across_surveys.is_empty() {
        return lang
            .msg(
                "no figure from one survey for both roles",
                "両方の職種に同じ調査の数字がない",
            )
            .to_string();
    }
    [
        (Employment::Employee, &e.employee),
        (Employment::Freelance, &e.freelance),
    ]
    .into_iter()
    .filter_map(|(k, c)| {
        let c = c.as_ref()?;
        let (lo, hi) = (signed(c.delta.low), signed(c.delta.high));
        if lo == "±0" && hi == "±0" {
            return None;
        }
        let delta = if lo == hi { lo } else { format!("{lo}…{hi}") };
        let marks: Vec<String> = c.sources.iter().map(|x| src.mark(x)).collect();
        Some(format!(
            "{} {} → {}万円 ({delta}, {}) {}",
            lang.term(k.as_str()),
            c.from.display(),
            c.to.display(),
            c.survey,
            marks.join("")
        ))
    })
    .collect::<Vec<_>>()
    .join(", ")
}

#[cfg(test)]
mod markdown_tests {
    use super::{markdown, table};

    #[test]
    fn pipes_are_escaped_and_empty_cells_kept() {
        let mut t = table(&["a", "b"]);
        t.add_row(vec!["x|y".to_string(), String::new()]);
        assert_eq!(markdown(&t), "| a | b |\n| --- | --- |\n| x\\|y |   |\n");
    }
}
