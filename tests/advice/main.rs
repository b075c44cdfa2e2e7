//! Adviser review suite: personas written from the five source articles, each with expectations
//! an experienced Japanese IT career adviser would defend, checked against `Engine::recommend`.
//!
//! Every persona lives in `tests/advice/personas/NN-name.json` (see `tests/advice/README.md`).
//! The test reads the result only as JSON (`serde_json::to_value` of the recommendations), runs
//! every expectation of every persona, and fails once with one line per failure.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use careergraph::Engine;
use careergraph::knowledge::KnowledgeBase;
use careergraph::knowledge::format::SourceKind;
use serde_json::{Map, Value};

/// The suite must keep at least this many personas.
const MIN_PERSONAS: usize = 25;
/// Each persona carries this many expectations (inclusive).
const EXPECTATIONS_PER_PERSONA: (usize, usize) = (3, 8);
/// How many top recommendations a failure shows.
const SHOWN: usize = 5;

/// The kinds of advice a recommendation can carry.
const ADVICE_KINDS: [&str; 7] = [
    "goal",
    "step-up",
    "specialise",
    "change-track",
    "sideways",
    "already-yours",
    "past-level",
];

/// The line counts of the source articles' plain-text copies (saved November 2025), by the
/// registry id of each article (`kind: "seed"` in `rules/sources.json`), so a citation of a line
/// is checked without reading anything outside the repository. Every seed of the registry must
/// be here.
const SEED_LINES: [(&str, usize); 5] = [
    ("levtech-infra-vs-se-2025", 205),
    ("technication-infra-vs-backend", 257),
    ("unison-infra-upstream", 183),
    ("sees-backend-income", 199),
    ("freelance-hub-backend", 111),
];

/// One expectation about the advice a persona gets.
#[derive(Debug, Clone)]
enum Check {
    /// ROLE is among the first N recommendations.
    Top { n: usize, role: String },
    /// A is ranked above B (B may be absent).
    Above { a: String, b: String },
    /// The recommendation for ROLE carries advice KIND.
    Advice { kind: String, role: String },
    /// ROLE is absent or its readiness is not `ready`.
    NotReady(String),
    /// ROLE is listed and `ready`.
    Ready(String),
    /// The recommendation for ROLE lists a skill gap in SKILL.
    GapsInclude { skill: String, role: String },
    /// CERT is in the plan of ROLE, or (no role) of any recommendation or the general list.
    CertificateOffered { cert: String, role: Option<String> },
    /// In ROLE's certification plan and other certifications, A is listed before B (or B is
    /// absent): the ladder order.
    CertificateBefore { a: String, b: String, role: String },
    /// ROLE is listed.
    Listed(String),
    /// ROLE is absent or ranked below N.
    NotInTop { n: usize, role: String },
    /// Adding PREF moves ROLE up by at least RANKS ranks, or to first place.
    PreferenceMoves {
        pref: String,
        role: String,
        ranks: usize,
    },
    /// Adding ROLE to the goals lists it with advice `goal`.
    GoalListed(String),
}

/// An expectation with its citation (its `why` is checked to be there, and read by people).
#[derive(Debug, Clone)]
struct Expectation {
    check: Check,
    source: String,
}

/// A persona file, checked.
#[derive(Debug)]
struct Persona {
    file: String,
    profile: Map<String, Value>,
    expect: Vec<Expectation>,
}

/// The recommendations for one profile, as JSON.
#[derive(Debug)]
struct Outcome {
    recommendations: Vec<Value>,
    general_certifications: Vec<String>,
}

/// What went wrong, collected over the whole suite.
#[derive(Debug, Default)]
struct Report {
    /// Problems with the suite itself (malformed persona files or expectations).
    suite: Vec<String>,
    /// Expectations the engine does not meet, and profiles it rejects.
    failures: Vec<String>,
    personas: usize,
    expectations: usize,
}

#[test]
fn personas_get_the_advice_the_sources_give() {
    let engine = Engine::builtin().expect("the builtin knowledge base compiles");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/advice/personas");
    let files = persona_files(&dir);
    let mut report = Report::default();
    report
        .suite
        .extend(seeds_have_line_counts(engine.knowledge()));
    if files.len() < MIN_PERSONAS {
        report.suite.push(format!(
            "{}: {} persona files; the suite needs at least {MIN_PERSONAS}",
            dir.display(),
            files.len()
        ));
    }
    for path in &files {
        let file = path
            .file_name()
            .expect("a persona path has a file name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read persona {}: {e}", path.display()));
        match read_persona(&file, &text, &engine) {
            Ok(persona) => {
                report.personas += 1;
                report.expectations += persona.expect.len();
                run_persona(&engine, &persona, &mut report);
            }
            Err(problems) => report.suite.extend(problems),
        }
    }
    eprintln!(
        "advice suite: {} personas, {} expectations, {} failures, {} suite errors",
        report.personas,
        report.expectations,
        report.failures.len(),
        report.suite.len()
    );
    if !report.suite.is_empty() || !report.failures.is_empty() {
        panic!("{}", report.render());
    }
}

impl Report {
    fn render(&self) -> String {
        let mut out = String::new();
        if !self.suite.is_empty() {
            let _ = writeln!(
                out,
                "\n{} suite errors (fix the persona files):",
                self.suite.len()
            );
            for line in &self.suite {
                let _ = writeln!(out, "  {line}");
            }
        }
        if !self.failures.is_empty() {
            let _ = writeln!(
                out,
                "\n{} of {} expectations failed ({} personas):",
                self.failures.len(),
                self.expectations,
                self.personas
            );
            for line in &self.failures {
                let _ = writeln!(out, "  {line}");
            }
        }
        out
    }
}

/// The persona files, sorted by name.
fn persona_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list personas in {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot read an entry of {}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// Reading and validating the suite

/// Reads and validates one persona file; every problem found is returned, not just the first.
fn read_persona(file: &str, text: &str, engine: &Engine) -> Result<Persona, Vec<String>> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| vec![format!("{file}: not valid JSON: {e}")])?;
    let Value::Object(top) = value else {
        return Err(vec![format!("{file}: a persona must be a JSON object")]);
    };
    let mut problems = Vec::new();
    for key in top.keys() {
        if !["persona", "profile", "expect"].contains(&key.as_str()) {
            problems.push(format!(
                "{file}: unknown key `{key}` (expected `persona`, `profile`, `expect`)"
            ));
        }
    }
    match top.get("persona") {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        _ => problems.push(format!(
            "{file}: `persona` must be a non-empty string (one sentence: who this is)"
        )),
    }
    let profile = match top.get("profile") {
        Some(Value::Object(p)) => p.clone(),
        _ => {
            problems.push(format!("{file}: `profile` must be an object"));
            Map::new()
        }
    };
    let mut expect = Vec::new();
    match top.get("expect") {
        Some(Value::Array(items)) => {
            let (min, max) = EXPECTATIONS_PER_PERSONA;
            if items.len() < min || items.len() > max {
                problems.push(format!(
                    "{file}: {} expectations; each persona needs {min} to {max}",
                    items.len()
                ));
            }
            for (i, item) in items.iter().enumerate() {
                let at = format!("{file}: expect[{i}]");
                match parse_expectation(item, engine) {
                    Ok(e) => {
                        if let Err(p) = fits_profile(&e.check, &profile) {
                            problems.push(format!("{at}: {p}"));
                        }
                        expect.push(e);
                    }
                    Err(p) => problems.extend(p.into_iter().map(|p| format!("{at}: {p}"))),
                }
            }
        }
        _ => problems.push(format!("{file}: `expect` must be an array")),
    }
    if problems.is_empty() {
        Ok(Persona {
            file: file.to_string(),
            profile,
            expect,
        })
    } else {
        Err(problems)
    }
}

/// The key naming each kind of expectation, and the other keys it takes.
const KINDS: [(&str, &[&str]); 12] = [
    ("top", &["includes"]),
    ("above", &[]),
    ("advice", &["role"]),
    ("not_ready", &[]),
    ("ready", &[]),
    ("gaps_include", &["role"]),
    ("certificate_offered", &["role"]),
    ("certificate_before", &["role"]),
    ("listed", &[]),
    ("not_in_top", &["role"]),
    ("preference_moves", &["role", "ranks"]),
    ("goal_listed", &[]),
];

/// Parses one expectation, checking its keys, its citation and that its ids exist.
fn parse_expectation(item: &Value, engine: &Engine) -> Result<Expectation, Vec<String>> {
    let Value::Object(map) = item else {
        return Err(vec!["an expectation must be an object".into()]);
    };
    let mut problems = Vec::new();
    let kinds: Vec<&(&str, &[&str])> = KINDS.iter().filter(|(k, _)| map.contains_key(*k)).collect();
    let &[&(kind, extra)] = kinds.as_slice() else {
        let names: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
        return Err(vec![format!(
            "needs exactly one of {}; has {}",
            names.join(", "),
            kinds.len()
        )]);
    };
    for key in map.keys() {
        if key != kind && key != "source" && key != "why" && !extra.contains(&key.as_str()) {
            problems.push(format!(
                "unknown key `{key}` for a `{kind}` expectation (takes `{kind}`{}, `source`, `why`)",
                extra.iter().map(|k| format!(", `{k}`")).collect::<String>()
            ));
        }
    }
    let source = match map.get("source") {
        Some(Value::String(s)) => {
            if let Err(p) = check_source(s, engine.knowledge()) {
                problems.push(p);
            }
            s.clone()
        }
        _ => {
            problems.push("`source` is missing (cite `SEED-ID:LINE` or a source id)".into());
            String::new()
        }
    };
    match map.get("why") {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        _ => problems.push("`why` is missing (a short English explanation)".into()),
    }
    let mut ids = Ids {
        engine,
        problems: &mut problems,
    };
    let check = match kind {
        "top" => Check::Top {
            n: ids.count(map, "top"),
            role: ids.role(map, "includes"),
        },
        "above" => match map.get("above") {
            Some(Value::Array(pair)) if pair.len() == 2 => {
                let name = |v: &Value| v.as_str().unwrap_or_default().to_string();
                let (a, b) = (name(&pair[0]), name(&pair[1]));
                ids.known_role(&a, "above[0]");
                ids.known_role(&b, "above[1]");
                Check::Above { a, b }
            }
            _ => {
                ids.problems
                    .push("`above` must be a pair of role ids [A, B]".into());
                Check::Above {
                    a: String::new(),
                    b: String::new(),
                }
            }
        },
        "advice" => {
            let kind = ids.string(map, "advice");
            if !ADVICE_KINDS.contains(&kind.as_str()) {
                ids.problems.push(format!(
                    "unknown advice kind `{kind}` (one of {})",
                    ADVICE_KINDS.join(", ")
                ));
            }
            Check::Advice {
                kind,
                role: ids.role(map, "role"),
            }
        }
        "not_ready" => Check::NotReady(ids.role(map, "not_ready")),
        "ready" => Check::Ready(ids.role(map, "ready")),
        "gaps_include" => {
            let skill = ids.string(map, "gaps_include");
            if engine.knowledge().find_skill(&skill).is_none() {
                ids.problems.push(format!("unknown skill `{skill}`"));
            }
            Check::GapsInclude {
                skill,
                role: ids.role(map, "role"),
            }
        }
        "certificate_offered" => {
            let cert = ids.string(map, "certificate_offered");
            if engine.knowledge().find_cert(&cert).is_none() {
                ids.problems.push(format!("unknown certification `{cert}`"));
            }
            let role = match map.get("role") {
                Some(Value::Null) => None,
                Some(_) => Some(ids.role(map, "role")),
                None => {
                    ids.problems.push(
                        "`certificate_offered` needs `role` (a role id, or null for any)".into(),
                    );
                    None
                }
            };
            Check::CertificateOffered { cert, role }
        }
        "certificate_before" => {
            let pair: Vec<String> = match map.get("certificate_before") {
                Some(Value::Array(p)) if p.len() == 2 => p
                    .iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect(),
                _ => {
                    ids.problems.push(
                        "`certificate_before` must be a pair of certification ids [A, B]".into(),
                    );
                    vec![String::new(), String::new()]
                }
            };
            for c in &pair {
                if engine.knowledge().find_cert(c).is_none() {
                    ids.problems.push(format!("unknown certification `{c}`"));
                }
            }
            Check::CertificateBefore {
                a: pair[0].clone(),
                b: pair[1].clone(),
                role: ids.role(map, "role"),
            }
        }
        "listed" => Check::Listed(ids.role(map, "listed")),
        "not_in_top" => Check::NotInTop {
            n: ids.count(map, "not_in_top"),
            role: ids.role(map, "role"),
        },
        "preference_moves" => Check::PreferenceMoves {
            pref: ids.string(map, "preference_moves"),
            role: ids.role(map, "role"),
            ranks: ids.count(map, "ranks"),
        },
        "goal_listed" => Check::GoalListed(ids.role(map, "goal_listed")),
        other => unreachable!("kind `{other}` is in KINDS but not parsed"),
    };
    if problems.is_empty() {
        Ok(Expectation { check, source })
    } else {
        Err(problems)
    }
}

/// Reads ids and numbers out of an expectation, collecting problems.
struct Ids<'a> {
    engine: &'a Engine,
    problems: &'a mut Vec<String>,
}

impl Ids<'_> {
    fn string(&mut self, map: &Map<String, Value>, key: &str) -> String {
        match map.get(key) {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            _ => {
                self.problems
                    .push(format!("`{key}` must be a non-empty string"));
                String::new()
            }
        }
    }

    fn role(&mut self, map: &Map<String, Value>, key: &str) -> String {
        let id = self.string(map, key);
        if !id.is_empty() {
            self.known_role(&id, key);
        }
        id
    }

    fn known_role(&mut self, id: &str, key: &str) {
        if self.engine.knowledge().find_role(id).is_none() {
            self.problems.push(format!("`{key}`: unknown role `{id}`"));
        }
    }

    fn count(&mut self, map: &Map<String, Value>, key: &str) -> usize {
        match map.get(key).and_then(Value::as_u64) {
            Some(n) if n >= 1 => usize::try_from(n).expect("a small count fits usize"),
            _ => {
                self.problems
                    .push(format!("`{key}` must be a whole number of at least 1"));
                1
            }
        }
    }
}

/// Checks a citation against the shipped source registry: `ID:LINE` or `ID:LINE-LINE` for a
/// source article (a `seed`, within its length), a bare `ID` for any other source (a web page has
/// no line numbers).
fn check_source(source: &str, kb: &KnowledgeBase) -> Result<(), String> {
    let (id, lines) = match source.split_once(':') {
        Some((id, lines)) => (id, Some(lines)),
        None => (source, None),
    };
    let Some(entry) = kb.source(id) else {
        let hint = careergraph::diagnostics::did_you_mean(&kb.catalogs.sources.suggest(id))
            .unwrap_or_else(|| "the knowledge base has no source registry".into());
        return Err(format!(
            "source `{source}`: `{id}` is not an id of the source registry ({hint})"
        ));
    };
    match (entry.kind, lines) {
        (SourceKind::Seed, None) => Err(format!(
            "source `{source}`: cite the line of the article it follows from: `{id}:LINE`"
        )),
        (SourceKind::Seed, Some(lines)) => check_lines(source, id, lines),
        (_, Some(_)) => Err(format!(
            "source `{source}`: only a source article (`seed`) is cited by line; cite `{id}`"
        )),
        (_, None) => Ok(()),
    }
}

/// Checks `LINE` or `LINE-LINE` of a seed's citation: from 1, not backwards, within the article.
fn check_lines(source: &str, id: &str, lines: &str) -> Result<(), String> {
    let (first, last) = match lines.split_once('-') {
        Some((a, b)) => (a, b),
        None => (lines, lines),
    };
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<usize>().ok())
            .flatten()
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return Err(format!(
            "source `{source}` is not `{id}:LINE` or `{id}:LINE-LINE`"
        ));
    };
    if first == 0 || last < first {
        return Err(format!(
            "source `{source}`: lines start at 1 and a range must not run backwards"
        ));
    }
    match SEED_LINES.iter().find(|(seed, _)| *seed == id) {
        Some((_, length)) if last <= *length => Ok(()),
        Some((_, length)) => Err(format!(
            "source `{source}`: line {last} is past the end of the article ({length} lines)"
        )),
        None => Err(format!(
            "source `{source}`: no line count for the article `{id}` (add it to SEED_LINES)"
        )),
    }
}

/// Every source article of the registry has its line count in [`SEED_LINES`], and every id
/// there is a source article.
fn seeds_have_line_counts(kb: &KnowledgeBase) -> Vec<String> {
    let mut problems = Vec::new();
    for s in kb.sources.iter().filter(|s| s.kind == SourceKind::Seed) {
        if !SEED_LINES.iter().any(|(id, _)| *id == s.id) {
            problems.push(format!(
                "the source article `{}` has no line count in SEED_LINES",
                s.id
            ));
        }
    }
    for (id, _) in SEED_LINES {
        if kb.source(id).map(|s| s.kind) != Some(SourceKind::Seed) {
            problems.push(format!(
                "SEED_LINES names `{id}`, which is not a source article (`seed`) of the registry"
            ));
        }
    }
    problems
}

/// What-if expectations must change the profile: the preference or goal they add may not be in
/// it already.
fn fits_profile(check: &Check, profile: &Map<String, Value>) -> Result<(), String> {
    let has = |field: &str, id: &str| {
        profile
            .get(field)
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(|v| v.as_str() == Some(id)))
    };
    match check {
        Check::PreferenceMoves { pref, .. } if has("preferences", pref) => Err(format!(
            "preference `{pref}` is already in the profile, so adding it changes nothing"
        )),
        Check::GoalListed(role) if has("goals", role) => Err(format!(
            "`{role}` is already in the profile's goals: write `{{\"advice\": \"goal\", \"role\": \"{role}\"}}` instead"
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Running the engine

/// Runs a profile through the library: parse, recommend with default options, serialize.
fn outcome(engine: &Engine, name: &str, profile: &Map<String, Value>) -> Result<Outcome, String> {
    let text = serde_json::to_string_pretty(&Value::Object(profile.clone()))
        .expect("a JSON object serializes");
    let parsed = engine
        .profile_from_str(name, &text)
        .map_err(|e| one_line(&e.to_string()))?;
    let result = engine.recommend(&parsed, Default::default());
    let json = serde_json::to_value(&result).expect("recommendations serialize to JSON");
    let recommendations = json
        .get("recommendations")
        .and_then(Value::as_array)
        .cloned()
        .ok_or("the result has no `recommendations` array")?;
    let general_certifications = ids_of(json.get("certifications"));
    Ok(Outcome {
        recommendations,
        general_certifications,
    })
}

/// The profile with one more id in a list field (`preferences`, `goals`).
fn with_added(profile: &Map<String, Value>, field: &str, id: &str) -> Map<String, Value> {
    let mut changed = profile.clone();
    let list = changed
        .entry(field)
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(items) = list {
        if !items.iter().any(|v| v.as_str() == Some(id)) {
            items.push(Value::String(id.to_string()));
        }
    } else {
        *list = Value::Array(vec![Value::String(id.to_string())]);
    }
    changed
}

/// The `id` of every item of a JSON array.
fn ids_of(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|c| c.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A rendered diagnostic reduced to its `error…` lines, joined on one line.
fn one_line(text: &str) -> String {
    let errors: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("error"))
        .collect();
    let joined = if errors.is_empty() {
        text.lines().next().unwrap_or_default().to_string()
    } else {
        errors.join("; ")
    };
    clip(&joined, 300)
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn run_persona(engine: &Engine, persona: &Persona, report: &mut Report) {
    let base = match outcome(engine, &persona.file, &persona.profile) {
        Ok(o) => o,
        Err(e) => {
            report.failures.push(format!(
                "{}: profile rejected by the library ({} expectations not checked): {e}",
                persona.file,
                persona.expect.len()
            ));
            return;
        }
    };
    for e in &persona.expect {
        if let Err(found) = evaluate(engine, persona, &base, &e.check) {
            report.failures.push(format!(
                "{}: {}: expected {}; found {found} [source {}]",
                persona.file,
                kind_name(&e.check),
                describe(&e.check),
                e.source
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Checking

impl Outcome {
    /// 1-based rank of a role.
    fn rank(&self, role: &str) -> Option<usize> {
        self.recommendations
            .iter()
            .position(|r| r.get("role").and_then(Value::as_str) == Some(role))
            .map(|i| i + 1)
    }

    fn get(&self, role: &str) -> Option<&Value> {
        self.rank(role)
            .and_then(|r| self.recommendations.get(r - 1))
    }

    /// "rank 4 of 12" or "not listed (12 roles)".
    fn place(&self, role: &str) -> String {
        match self.rank(role) {
            Some(r) => format!("{role} at rank {r} of {}", self.recommendations.len()),
            None => format!("{role} not listed ({} roles)", self.recommendations.len()),
        }
    }

    /// The first recommendations with their advice: "1 sre (specialise), 2 …".
    fn top(&self) -> String {
        let shown: Vec<String> = self
            .recommendations
            .iter()
            .take(SHOWN)
            .enumerate()
            .map(|(i, r)| {
                format!(
                    "{} {} ({})",
                    i + 1,
                    r.get("role").and_then(Value::as_str).unwrap_or("?"),
                    advice_of(r).unwrap_or("no advice")
                )
            })
            .collect();
        format!("top {SHOWN}: [{}]", shown.join(", "))
    }
}

/// The advice kind of a recommendation: `advice` as a string, or as an object's `kind`.
fn advice_of(rec: &Value) -> Option<&str> {
    match rec.get("advice") {
        Some(Value::String(s)) => Some(s),
        Some(Value::Object(o)) => o.get("kind").and_then(Value::as_str),
        _ => None,
    }
}

fn readiness_of(rec: &Value) -> &str {
    rec.get("readiness")
        .and_then(Value::as_str)
        .unwrap_or("no readiness")
}

fn skill_gaps(rec: &Value) -> Vec<String> {
    rec.get("gaps")
        .and_then(Value::as_array)
        .map(|gaps| {
            gaps.iter()
                .filter(|g| g.get("kind").and_then(Value::as_str) == Some("skill"))
                .filter_map(|g| g.get("skill").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one expectation; on failure, says what was found.
fn evaluate(
    engine: &Engine,
    persona: &Persona,
    base: &Outcome,
    check: &Check,
) -> Result<(), String> {
    let missing = |o: &Outcome, role: &str| format!("{}; {}", o.place(role), o.top());
    match check {
        Check::Top { n, role } => match base.rank(role) {
            Some(r) if r <= *n => Ok(()),
            _ => Err(missing(base, role)),
        },
        Check::Above { a, b } => match (base.rank(a), base.rank(b)) {
            (Some(ra), Some(rb)) if ra < rb => Ok(()),
            (Some(_), None) => Ok(()),
            _ => Err(format!(
                "{}; {}; {}",
                base.place(a),
                base.place(b),
                base.top()
            )),
        },
        Check::Advice { kind, role } => {
            let rec = base.get(role).ok_or_else(|| missing(base, role))?;
            match advice_of(rec) {
                Some(found) if found == kind => Ok(()),
                found => Err(format!(
                    "{} with advice {}; {}",
                    base.place(role),
                    found.map_or("(none)".to_string(), |f| format!("`{f}`")),
                    base.top()
                )),
            }
        }
        Check::NotReady(role) => match base.get(role) {
            Some(rec) if readiness_of(rec) == "ready" => {
                Err(format!("{} with readiness `ready`", base.place(role)))
            }
            _ => Ok(()),
        },
        Check::Ready(role) => {
            let rec = base.get(role).ok_or_else(|| missing(base, role))?;
            match readiness_of(rec) {
                "ready" => Ok(()),
                other => Err(format!(
                    "{} with readiness `{other}`; skill gaps [{}]",
                    base.place(role),
                    skill_gaps(rec).join(", ")
                )),
            }
        }
        Check::GapsInclude { skill, role } => {
            let rec = base.get(role).ok_or_else(|| missing(base, role))?;
            let gaps = skill_gaps(rec);
            if gaps.iter().any(|g| g == skill) {
                Ok(())
            } else {
                Err(format!(
                    "{} with skill gaps [{}]",
                    base.place(role),
                    gaps.join(", ")
                ))
            }
        }
        Check::CertificateOffered {
            cert,
            role: Some(role),
        } => {
            let rec = base.get(role).ok_or_else(|| missing(base, role))?;
            let plan = ids_of(rec.get("certifications"));
            if plan.iter().any(|c| c == cert) {
                Ok(())
            } else {
                Err(format!(
                    "{} with certification plan [{}]",
                    base.place(role),
                    plan.join(", ")
                ))
            }
        }
        Check::CertificateOffered { cert, role: None } => {
            let mut offered: BTreeSet<String> =
                base.general_certifications.iter().cloned().collect();
            for rec in &base.recommendations {
                offered.extend(ids_of(rec.get("certifications")));
            }
            if offered.contains(cert) {
                Ok(())
            } else {
                Err(format!(
                    "offered in any plan or in general: [{}]",
                    offered.into_iter().collect::<Vec<_>>().join(", ")
                ))
            }
        }
        Check::CertificateBefore { a, b, role } => {
            let rec = base.get(role).ok_or_else(|| missing(base, role))?;
            let mut listed = ids_of(rec.get("certifications"));
            listed.extend(ids_of(rec.get("other_certifications")));
            let at = |c: &str| listed.iter().position(|x| x == c);
            match (at(a), at(b)) {
                (Some(i), Some(j)) if i < j => Ok(()),
                (Some(_), None) => Ok(()),
                _ => Err(format!(
                    "{} with certifications [{}]",
                    base.place(role),
                    listed.join(", ")
                )),
            }
        }
        Check::Listed(role) => match base.rank(role) {
            Some(_) => Ok(()),
            None => Err(missing(base, role)),
        },
        Check::NotInTop { n, role } => match base.rank(role) {
            Some(r) if r <= *n => Err(format!("{}; {}", base.place(role), base.top())),
            _ => Ok(()),
        },
        Check::PreferenceMoves { pref, role, ranks } => {
            let changed = with_added(&persona.profile, "preferences", pref);
            let after = outcome(engine, &persona.file, &changed)
                .map_err(|e| format!("the profile with preference `{pref}` is rejected: {e}"))?;
            let beyond = base.recommendations.len() + 1;
            let before_rank = base.rank(role).unwrap_or(beyond);
            match after.rank(role) {
                Some(1) => Ok(()),
                Some(r) if before_rank >= r + ranks => Ok(()),
                r => Err(format!(
                    "{role} moved from {} to {}; after: {}",
                    base.rank(role)
                        .map_or("not listed".to_string(), |b| format!("rank {b}")),
                    r.map_or("not listed".to_string(), |a| format!("rank {a}")),
                    after.top()
                )),
            }
        }
        Check::GoalListed(role) => {
            let changed = with_added(&persona.profile, "goals", role);
            let after = outcome(engine, &persona.file, &changed)
                .map_err(|e| format!("the profile with goal `{role}` is rejected: {e}"))?;
            let rec = after.get(role).ok_or_else(|| missing(&after, role))?;
            match advice_of(rec) {
                Some("goal") => Ok(()),
                found => Err(format!(
                    "{} with advice {}",
                    after.place(role),
                    found.map_or("(none)".to_string(), |f| format!("`{f}`"))
                )),
            }
        }
    }
}

fn kind_name(check: &Check) -> &'static str {
    match check {
        Check::Top { .. } => "top",
        Check::Above { .. } => "above",
        Check::Advice { .. } => "advice",
        Check::NotReady(_) => "not_ready",
        Check::Ready(_) => "ready",
        Check::GapsInclude { .. } => "gaps_include",
        Check::CertificateOffered { .. } => "certificate_offered",
        Check::CertificateBefore { .. } => "certificate_before",
        Check::Listed(_) => "listed",
        Check::NotInTop { .. } => "not_in_top",
        Check::PreferenceMoves { .. } => "preference_moves",
        Check::GoalListed(_) => "goal_listed",
    }
}

fn describe(check: &Check) -> String {
    match check {
        Check::Top { n, role } => format!("{role} in the top {n}"),
        Check::Above { a, b } => format!("{a} ranked above {b} (or {b} absent)"),
        Check::Advice { kind, role } => format!("{role} with advice `{kind}`"),
        Check::NotReady(role) => format!("{role} absent or not `ready`"),
        Check::Ready(role) => format!("{role} listed and `ready`"),
        Check::GapsInclude { skill, role } => format!("{role} with a skill gap in {skill}"),
        Check::CertificateOffered {
            cert,
            role: Some(role),
        } => format!("{cert} in the certification plan of {role}"),
        Check::CertificateOffered { cert, role: None } => {
            format!("{cert} in some certification plan or the general certifications")
        }
        Check::CertificateBefore { a, b, role } => {
            format!("{a} listed before {b} (or {b} absent) among the certifications for {role}")
        }
        Check::Listed(role) => format!("{role} listed"),
        Check::NotInTop { n, role } => format!("{role} absent or below rank {n}"),
        Check::PreferenceMoves { pref, role, ranks } => format!(
            "adding preference `{pref}` moves {role} up by at least {ranks} rank(s) or to #1"
        ),
        Check::GoalListed(role) => format!("adding goal `{role}` lists {role} with advice `goal`"),
    }
}
