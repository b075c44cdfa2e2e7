//! The source registry: how `source` fields resolve against it, what it checks of its entries,
//! and the one warning a knowledge base without it gets.

use crate::diagnostics::{Diagnostic, SourceText};
use crate::knowledge::format::SourceKind;
use crate::knowledge::{Validation, validate};

/// The files of `tests/fixtures/kb-min`, `registry` with its `sources.json`, plus `extra`.
fn kb_min(registry: bool, extra: &[(&str, &str)]) -> Validation {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kb-min");
    let mut files: Vec<SourceText> = ["kb.json", "scoring.json", "sources.json"]
        .into_iter()
        .filter(|name| registry || *name != "sources.json")
        .map(|name| match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => SourceText::new(name, text),
            Err(e) => panic!("kb-min/{name}: {e}"),
        })
        .collect();
    files.extend(extra.iter().map(|(n, t)| SourceText::new(*n, *t)));
    validate(files)
}

fn codes(v: &Validation) -> Vec<&'static str> {
    v.diagnostics.iter().map(|d| d.code).collect()
}

fn only<'a>(v: &'a Validation, code: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = v.diagnostics.iter().filter(|d| d.code == code).collect();
    match found.as_slice() {
        [one] => one,
        _ => panic!("expected one `{code}`, got {:?}", codes(v)),
    }
}

const SOURCE: &str = r#"{"id": "cisco-ccna", "title": "CCNA", "publisher": "Cisco",
    "url": "https://www.cisco.com/ccna", "date": "2025-03", "kind": "issuer"}"#;

#[test]
fn the_registry_is_compiled_sorted_by_id() {
    let v = kb_min(true, &[]);
    assert!(v.diagnostics.is_empty(), "{:?}", codes(&v));
    let Some(kb) = v.knowledge_base else {
        panic!("kb-min loads")
    };
    assert!(kb.has_registry);
    let ids: Vec<&str> = kb.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["careergraph-design", "test"]);
    let test = kb.source("test").map(|s| (s.kind, s.year()));
    assert_eq!(test, Some((SourceKind::Design, "2026")));
    assert!(kb.source("nothing").is_none());
    assert_eq!(kb.scoring.source, "careergraph-design");
}

#[test]
fn without_a_registry_sources_are_free_text_with_one_warning() {
    let free = r#"{"skills": [{"id": "free", "name": {"ja": "a", "en": "a"}, "category": "c",
        "source": "https://example.com/anything"}]}"#;
    let v = kb_min(false, &[("free.json", free)]);
    // The free skill is unused; the registry's absence is one warning, not one per source.
    assert_eq!(only(&v, "no-source-registry").pointer, "");
    assert_eq!(v.errors(), 0, "{:?}", codes(&v));
    let Some(kb) = v.knowledge_base else {
        panic!("a base without a registry loads")
    };
    assert!(!kb.has_registry && kb.sources.is_empty());
    assert!(kb.source("test").is_none());
}

#[test]
fn an_unknown_source_names_the_nearest_ids() {
    let bad = r#"{"skills": [{"id": "x", "name": {"ja": "a", "en": "a"}, "category": "c",
        "source": "tset"}]}"#;
    let v = kb_min(true, &[("bad.json", bad)]);
    let d = only(&v, "unknown-source");
    assert!(d.is_error());
    assert_eq!(d.pointer, "/skills/0/source");
    assert!(d.message.contains("`tset`"), "{}", d.message);
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("`test`")),
        "{:?}",
        d.help
    );
    assert!(v.knowledge_base.is_none());
}

#[test]
fn a_url_where_an_id_belongs_suggests_the_entry_with_that_url() {
    let registry = format!(r#"{{"sources": [{SOURCE}]}}"#);
    let bad = r#"{"skills": [{"id": "x", "name": {"ja": "a", "en": "a"}, "category": "c",
        "source": "https://www.cisco.com/ccna"}]}"#;
    let v = kb_min(true, &[("more.json", &registry), ("bad.json", bad)]);
    let help = only(&v, "unknown-source").help.clone().unwrap_or_default();
    assert_eq!(help, "this is the address of `cisco-ccna`: cite its id");
}

#[test]
fn registry_entries_are_checked() {
    let entries = r#"{"sources": [
        {"id": "test", "title": "again", "publisher": "p", "url": "https://a.example", "date": "2020", "kind": "seed"},
        {"id": "Bad_Id", "title": "t", "publisher": "p", "url": "https://a.example", "date": "2020", "kind": "seed"},
        {"id": "no-title", "title": " ", "publisher": "", "url": "https://a.example", "date": "2020", "kind": "media"},
        {"id": "bad-date", "title": "t", "publisher": "p", "url": "https://a.example", "date": "2025-13", "kind": "survey"},
        {"id": "bad-url", "title": "t", "publisher": "p", "url": "ftp://files.example/notes.txt", "date": "2025", "kind": "issuer"},
        {"id": "design-path", "title": "t", "publisher": "p", "url": "rules/README.md#scoring", "date": "2025", "kind": "design"},
        {"id": "design-escape", "title": "t", "publisher": "p", "url": "../elsewhere.md", "date": "2025", "kind": "design"}
    ]}"#;
    let v = kb_min(true, &[("entries.json", entries)]);
    let at = |code: &str| -> Vec<String> {
        v.diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.pointer.clone())
            .collect()
    };
    assert_eq!(at("duplicate-id"), ["/sources/0/id"]);
    assert_eq!(at("invalid-id"), ["/sources/1/id"]);
    assert_eq!(
        at("empty-text"),
        ["/sources/2/title", "/sources/2/publisher"]
    );
    assert_eq!(
        at("invalid-value"),
        ["/sources/3/date", "/sources/4/url", "/sources/6/url"]
    );
}

#[test]
fn an_unknown_kind_is_an_invalid_value_naming_the_kinds() {
    let entries = r#"{"sources": [{"id": "x", "title": "t", "publisher": "p",
        "url": "https://a.example", "date": "2020", "kind": "blog"}]}"#;
    let v = kb_min(true, &[("entries.json", entries)]);
    let d = only(&v, "invalid-value");
    let all = format!("{} {}", d.message, d.help.as_deref().unwrap_or_default());
    assert!(all.contains("third-party"), "{all}");
}

#[test]
fn an_uncited_entry_is_a_warning() {
    let registry = format!(r#"{{"sources": [{SOURCE}]}}"#);
    let v = kb_min(true, &[("more.json", &registry)]);
    let d = only(&v, "unused-source");
    assert!(!d.is_error());
    assert_eq!(d.pointer, "/sources/0/id");
    assert!(d.message.contains("`cisco-ccna`"));
    assert!(v.knowledge_base.is_some());
}

#[test]
fn certification_and_income_facts_resting_on_a_third_party_are_warned() {
    let third = |note: &str| {
        format!(
            r#"{{"sources": [{{"id": "blog", "title": "t", "publisher": "A blog",
            "url": "https://blog.example", "date": "2024", "kind": "third-party"{note}}}]}}"#
        )
    };
    let cert = |hours: &str| {
        format!(
            r#"{{"certifications": [{{"id": "c", "name": {{"ja": "c", "en": "c"}}, "issuer": "I",
            "tier": "t", "evidences": [{{"skill": "linux", "level": 1}}]{hours}, "source": "blog"}}]}}"#
        )
    };
    let hours = r#", "study_hours": {"min": 10, "max": 20}"#;
    // Without study hours, a third-party page never suffices for a certification.
    let v = kb_min(true, &[("s.json", &third("")), ("c.json", &cert(""))]);
    let d = only(&v, "weak-source");
    assert_eq!(d.pointer, "/certifications/0/source");
    assert!(d.help.as_deref().is_some_and(|h| h.contains("issuer")));
    // With study hours, it may back them, when its note says so.
    let v = kb_min(true, &[("s.json", &third("")), ("c.json", &cert(hours))]);
    assert!(
        only(&v, "weak-source")
            .help
            .as_deref()
            .is_some_and(|h| h.contains("note"))
    );
    let noted = third(r#", "note": "cited for the study hours; the issuer publishes none""#);
    let v = kb_min(true, &[("s.json", &noted), ("c.json", &cert(hours))]);
    assert!(!codes(&v).contains(&"weak-source"), "{:?}", codes(&v));
    // An income figure resting on a third party, even with a note.
    let role = r#"{"roles": [{"id": "r", "name": {"ja": "r", "en": "r"}, "family": "infra",
        "seniority": 1, "entry": true, "terminal": true, "summary": {"ja": "r", "en": "r"},
        "incomes": [{"employment": "employee", "average": 500, "survey": "test",
          "basis": {"ja": "b", "en": "b"}, "source": "blog"}],
        "source": "test"}]}"#;
    let v = kb_min(true, &[("s.json", &noted), ("r.json", role)]);
    let d = only(&v, "weak-source");
    assert_eq!(d.pointer, "/roles/0/incomes/0/source");
    assert!(d.help.as_deref().is_some_and(|h| h.contains("survey")));
    // Any other fact may rest on a third party.
    let skill = r#"{"skills": [{"id": "s", "name": {"ja": "s", "en": "s"}, "category": "c",
        "source": "blog"}]}"#;
    let v = kb_min(true, &[("s.json", &third("")), ("k.json", skill)]);
    assert!(!codes(&v).contains(&"weak-source"), "{:?}", codes(&v));
}

#[test]
fn dates_are_years_months_or_days_that_exist() {
    use crate::knowledge::compile::valid_date;
    for good in ["2025", "2025-11", "2025-11-10", "2024-02-29", "2000-02-29"] {
        assert!(valid_date(good), "{good}");
    }
    for bad in [
        "",
        "25",
        "2025-1",
        "2025-00",
        "2025-13",
        "2025-11-1",
        "2025-02-29",
        "1900-02-29",
        "2025-04-31",
        "2025/11",
        "２０２５",
        "2025-11-10-1",
        "2025-",
    ] {
        assert!(!valid_date(bad), "{bad}");
    }
}
