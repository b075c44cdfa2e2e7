//! Shared state of a compilation: where each entity came from, id lookups, and the checks on
//! single values (ids, ranges, texts, sources) that every entity kind uses.

use crate::diagnostics::{
    Diagnostic, MAX_DIAGNOSTICS, Omitted, Severity, SourceText, Target, did_you_mean,
};
use crate::knowledge::Catalogs;
use crate::knowledge::catalog::Catalog;
use crate::knowledge::format::{SourceKind, Text};
use crate::knowledge::model::*;

/// Where an entity or value is: a file (by index) and a JSON pointer inside it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    /// Index into the sources.
    pub file: usize,
    /// JSON pointer.
    pub pointer: String,
}

impl Loc {
    /// The location of a member or element below this one.
    pub fn at(&self, suffix: impl Segment) -> Loc {
        // Built for every value compiled, so without `format!`'s machinery (one allocation of
        // the right size for the usual short member names and indices).
        let mut pointer = String::with_capacity(self.pointer.len() + 24);
        pointer.push_str(&self.pointer);
        pointer.push('/');
        suffix.push_to(&mut pointer);
        Loc {
            file: self.file,
            pointer,
        }
    }
}

/// A JSON pointer segment: a member name (already escaped) or an array index.
pub trait Segment {
    /// Appends the segment.
    fn push_to(&self, pointer: &mut String);
}

impl Segment for &str {
    fn push_to(&self, pointer: &mut String) {
        pointer.push_str(self);
    }
}

impl Segment for String {
    fn push_to(&self, pointer: &mut String) {
        pointer.push_str(self);
    }
}

impl Segment for usize {
    fn push_to(&self, pointer: &mut String) {
        let mut digits = [0u8; 20];
        let mut n = *self;
        let mut start = digits.len();
        loop {
            start -= 1;
            if let Some(d) = digits.get_mut(start) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || start == 0 {
                break;
            }
        }
        for d in digits.get(start..).unwrap_or_default() {
            pointer.push(char::from(*d));
        }
    }
}

/// What a `source` field backs, for the checks that ask more of some facts' sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// A certification's own facts (issuer, tier, evidence, study hours), and whether it gives
    /// study hours (which issuers rarely publish, so a third-party page may back them).
    Certification {
        /// Whether the certification gives `study_hours`.
        study_hours: bool,
    },
    /// An income figure (a role's income, an age band, an uplift).
    Income,
    /// Anything else.
    Other,
}

/// A certification or income fact that cites a `third-party` source, for the `weak-source`
/// check.
#[derive(Debug, Clone)]
pub struct ThirdPartyUse {
    /// Where the `source` field is.
    pub loc: Loc,
    /// What it backs.
    pub fact: Fact,
    /// The registry entry's index.
    pub source: usize,
}

/// The source registry as compilation sees it: whether there is one, each entry's kind and
/// whether it carries a note, and which entries are cited.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// Whether a file declares `sources`: then every `source` must be one of its ids.
    pub declared: bool,
    /// Per entry (in id order): its id, kind and address.
    pub entries: Vec<Entry>,
    /// Per entry: whether some `source` field cites it.
    pub used: Vec<bool>,
    /// Certification and income facts citing a `third-party` entry.
    pub third_party: Vec<ThirdPartyUse>,
}

/// What compilation needs to know of a registry entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: SourceKind,
    /// Address.
    pub url: String,
}

/// Compilation state: sources for positions, catalogs for lookups, diagnostics collected.
pub struct Ctx<'a> {
    /// The files.
    pub sources: &'a [SourceText],
    /// Id lookups.
    pub cat: Catalogs,
    /// Everything found so far, up to [`MAX_DIAGNOSTICS`].
    pub diags: Vec<Diagnostic>,
    /// What was found past [`MAX_DIAGNOSTICS`].
    pub omitted: Omitted,
    /// The source registry `source` fields are resolved against.
    pub registry: Registry,
    /// The members of each skill family (by index), once compiled: a requirement's `rank` may
    /// not exceed their number.
    pub family_members: Vec<Vec<SkillIx>>,
}

impl<'a> Ctx<'a> {
    /// How many problems were found so far, reported or not.
    pub fn problems(&self) -> usize {
        self.diags.len() + self.omitted.total()
    }

    /// Whether the next problem will only be counted (so it need not be located or explained).
    fn full(&self) -> bool {
        self.diags.len() >= MAX_DIAGNOSTICS
    }

    /// Every diagnostic, with the note counting those past the bound.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut out = self.diags;
        out.extend(self.omitted.note());
        out
    }

    /// Reports a problem at a location.
    pub fn report(&mut self, d: Diagnostic, loc: &Loc, target: Target) {
        if self.full() {
            self.omitted.count(d.severity);
            return;
        }
        let d = match self.sources.get(loc.file) {
            Some(src) => d.at(src, &loc.pointer, target),
            None => d,
        };
        self.diags.push(d);
    }

    /// Reports an error at a value.
    pub fn error(&mut self, loc: &Loc, code: &'static str, message: String, help: Option<String>) {
        self.report(
            Diagnostic::error(code, message).with_help(help),
            loc,
            Target::Value,
        );
    }

    /// `file:line` of a location, for "first defined at" help lines.
    pub fn describe(&self, loc: &Loc) -> String {
        let Some(src) = self.sources.get(loc.file).filter(|_| !self.full()) else {
            return loc.pointer.clone();
        };
        match crate::diagnostics::locate(&src.text, &loc.pointer, Target::Value) {
            Some(p) => format!("{}:{}:{}", src.name, p.line, p.column),
            None => format!("{} ({})", src.name, loc.pointer),
        }
    }

    fn lookup(
        &mut self,
        pick: fn(&Catalogs) -> &Catalog,
        kind: &str,
        code: &'static str,
        loc: &Loc,
        id: &str,
    ) -> Option<usize> {
        let catalog = pick(&self.cat);
        if let Some(i) = catalog.find(id) {
            return Some(i);
        }
        if self.full() {
            self.omitted.count(Severity::Error);
            return None;
        }
        let help = did_you_mean(&catalog.suggest(id));
        self.error(loc, code, format!("unknown {kind} `{id}`"), help);
        None
    }

    /// Resolves a skill id.
    pub fn skill(&mut self, loc: &Loc, id: &str) -> Option<SkillIx> {
        self.lookup(|c| &c.skills, "skill", "unknown-skill", loc, id)
            .map(SkillIx)
    }
    /// Resolves a role id.
    pub fn skill_family(&mut self, loc: &Loc, id: &str) -> Option<SkillFamilyIx> {
        self.lookup(
            |c| &c.skill_families,
            "skill family",
            "unknown-skill-family",
            loc,
            id,
        )
        .map(SkillFamilyIx)
    }
    pub fn work_style(&mut self, loc: &Loc, id: &str) -> Option<WorkStyleIx> {
        self.lookup(
            |c| &c.work_styles,
            "work style",
            "unknown-work-style",
            loc,
            id,
        )
        .map(WorkStyleIx)
    }
    pub fn role(&mut self, loc: &Loc, id: &str) -> Option<RoleIx> {
        self.lookup(|c| &c.roles, "role", "unknown-role", loc, id)
            .map(RoleIx)
    }
    /// Resolves a certification id.
    pub fn cert(&mut self, loc: &Loc, id: &str) -> Option<CertIx> {
        self.lookup(
            |c| &c.certifications,
            "certification",
            "unknown-certification",
            loc,
            id,
        )
        .map(CertIx)
    }
    /// Resolves a phase id.
    pub fn phase(&mut self, loc: &Loc, id: &str) -> Option<PhaseIx> {
        self.lookup(|c| &c.phases, "phase", "unknown-phase", loc, id)
            .map(PhaseIx)
    }
    /// Resolves a preference id.
    pub fn preference(&mut self, loc: &Loc, id: &str) -> Option<PrefIx> {
        self.lookup(
            |c| &c.preferences,
            "preference",
            "unknown-preference",
            loc,
            id,
        )
        .map(PrefIx)
    }
    /// Resolves a workplace id.
    pub fn workplace(&mut self, loc: &Loc, id: &str) -> Option<WorkplaceIx> {
        self.lookup(|c| &c.workplaces, "workplace", "unknown-workplace", loc, id)
            .map(WorkplaceIx)
    }
    /// Resolves a family id.
    pub fn family(&mut self, loc: &Loc, id: &str) -> Option<FamilyIx> {
        self.lookup(|c| &c.families, "family", "unknown-family", loc, id)
            .map(FamilyIx)
    }

    /// Checks a survey id names a survey of the knowledge base's `surveys`.
    pub fn survey(&mut self, loc: &Loc, id: &str) -> bool {
        if self.cat.surveys.find(id).is_some() {
            return true;
        }
        if self.full() {
            self.omitted.count(Severity::Error);
            return false;
        }
        let help = did_you_mean(&self.cat.surveys.suggest(id)).or_else(|| {
            Some("declare the survey in `surveys` (rules/income-model.json) first".into())
        });
        self.error(
            loc,
            "unknown-survey",
            format!("unknown survey `{id}`"),
            help,
        );
        false
    }

    /// Resolves a list of ids with `f`, keeping only those found, sorted and without repeats.
    pub fn list<T: Ord>(
        &mut self,
        loc: &Loc,
        ids: &[String],
        f: fn(&mut Self, &Loc, &str) -> Option<T>,
    ) -> Vec<T> {
        let mut out: Vec<T> = ids
            .iter()
            .enumerate()
            .filter_map(|(i, id)| f(self, &loc.at(i), id))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Checks a skill level is 1–5.
    pub fn level(&mut self, loc: &Loc, level: u8) -> bool {
        if (1..=5).contains(&level) {
            return true;
        }
        let closest = level.clamp(1, 5);
        self.error(
            loc,
            "level-out-of-range",
            format!("level {level} is out of range: expected 1 to 5"),
            Some(format!("the closest valid value is {closest}")),
        );
        false
    }

    /// Checks a number lies in `lo..=hi`.
    pub fn range(
        &mut self,
        loc: &Loc,
        x: f64,
        lo: f64,
        hi: f64,
        code: &'static str,
        what: &str,
    ) -> bool {
        if x.is_finite() && (lo..=hi).contains(&x) {
            return true;
        }
        let closest = if x < lo { lo } else { hi };
        self.error(
            loc,
            code,
            format!("{what} {x} is out of range: expected {lo} to {hi}"),
            Some(format!("the closest valid value is {closest}")),
        );
        false
    }

    /// Years per phase (`{"phase-id": years}` at `loc`), each id resolved and each number in
    /// range; the good ones sorted by phase.
    pub fn phase_years(
        &mut self,
        loc: &Loc,
        phases: &std::collections::BTreeMap<String, f64>,
    ) -> Vec<(PhaseIx, f64)> {
        let mut out = Vec::new();
        for (id, years) in phases {
            let at = loc.at(id.replace('~', "~0").replace('/', "~1"));
            let p = self.phase(&at, id);
            if let (Some(p), true) = (p, self.years(&at, *years)) {
                out.push((p, *years));
            }
        }
        out.sort_by_key(|(p, _)| *p);
        out
    }

    /// Checks years are 0–60.
    pub fn years(&mut self, loc: &Loc, years: f64) -> bool {
        self.range(
            loc,
            years,
            0.0,
            crate::profile::MAX_YEARS,
            "years-out-of-range",
            "years",
        )
    }

    /// Checks the `source` of the entity at `loc`: given and, when the knowledge base has a
    /// source registry, one of its ids.
    pub fn source(&mut self, loc: &Loc, source: &str) {
        self.source_of(loc, source, Fact::Other);
    }

    /// [`Ctx::source`] for a fact whose source the checks weigh (see [`Fact`]).
    pub fn source_of(&mut self, loc: &Loc, source: &str, fact: Fact) {
        if source.trim().is_empty() {
            let help = if self.registry.declared {
                "write the id of an entry of `sources` (rules/sources.json)"
            } else {
                "write where the fact comes from: a title or a URL"
            };
            self.error(
                &loc.at("source"),
                "missing-source",
                "`source` is empty: every fact names where it comes from".into(),
                Some(help.into()),
            );
            return;
        }
        if !self.registry.declared {
            return;
        }
        let Some(i) = self.cat.sources.find(source) else {
            if self.full() {
                self.omitted.count(Severity::Error);
                return;
            }
            let help = self.unknown_source_help(source);
            self.error(
                &loc.at("source"),
                "unknown-source",
                format!("unknown source `{source}`"),
                Some(help),
            );
            return;
        };
        if let Some(u) = self.registry.used.get_mut(i) {
            *u = true;
        }
        let third_party = self
            .registry
            .entries
            .get(i)
            .is_some_and(|e| e.kind == SourceKind::ThirdParty);
        if fact != Fact::Other && third_party {
            self.registry.third_party.push(ThirdPartyUse {
                loc: loc.at("source"),
                fact,
                source: i,
            });
        }
    }

    /// What to write instead of a source the registry does not know: the id of the entry with
    /// that address; for a seed file name, the seeds' ids; for a new address, how to add it;
    /// else the nearest ids.
    fn unknown_source_help(&self, source: &str) -> String {
        let bare = |u: &str| u.trim_end_matches('/').to_string();
        let entries = &self.registry.entries;
        if let Some(e) = entries.iter().find(|e| bare(&e.url) == bare(source)) {
            return format!("this is the address of `{}`: cite its id", e.id);
        }
        if source.ends_with(".txt") {
            let seeds: Vec<String> = entries
                .iter()
                .filter(|e| e.kind == SourceKind::Seed)
                .map(|e| format!("`{}`", e.id))
                .collect();
            if !seeds.is_empty() {
                return format!(
                    "cite a source article by the id of its `sources` entry, not its file name: {}",
                    seeds.join(", ")
                );
            }
        }
        if source.starts_with("https://") || source.starts_with("http://") {
            return "add the page to `sources` (rules/sources.json: id, title, publisher, url, \
                    date, kind) and cite its id"
                .into();
        }
        did_you_mean(&self.cat.sources.suggest(source)).map_or_else(
            || "add the source to `sources` (rules/sources.json) and cite its id".to_string(),
            |d| format!("{d} (cite a source by its id; add a new one to `sources` first)"),
        )
    }

    /// Checks both languages of a text are given.
    pub fn text(&mut self, loc: &Loc, text: &Text) {
        for (lang, s) in [("ja", &text.ja), ("en", &text.en)] {
            if s.trim().is_empty() {
                self.error(
                    &loc.at(lang),
                    "empty-text",
                    format!("the `{lang}` text is empty"),
                    Some("write the text in both Japanese (`ja`) and English (`en`)".into()),
                );
            }
        }
    }
}

/// Whether an id is lowercase kebab-case (`a-z`, `0-9`, single `-` between parts).
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The id turned into kebab-case, for help lines.
pub fn kebab(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn pointer_segments() {
        let loc = super::Loc {
            file: 0,
            pointer: "/roles".into(),
        };
        assert_eq!(
            loc.at(0).at("skills").at(1234567890).pointer,
            "/roles/0/skills/1234567890"
        );
        assert_eq!(loc.at(usize::MAX).pointer, format!("/roles/{}", usize::MAX));
        assert_eq!(
            loc.at(String::from("a~1b")).at(10).pointer,
            "/roles/a~1b/10"
        );
    }
}
