//! Fuzz target: arbitrary bytes as a rule file, validated twice: added to the small `kb-min`
//! knowledge base with its source registry (so references resolve and deeper checks run), and
//! alone with only its scoring file (sources free text unless the input declares a registry). When the result loads, it is used: every role scored and recommended for a few
//! profiles, routes between its roles, and the catalogue listings.

#![no_main]

use careergraph::diagnostics::SourceText;
use careergraph::{Engine, knowledge};
use libfuzzer_sys::fuzz_target;

const KB: &str = include_str!("../../tests/fixtures/kb-min/kb.json");
const SCORING: &str = include_str!("../../tests/fixtures/kb-min/scoring.json");
const SOURCES: &str = include_str!("../../tests/fixtures/kb-min/sources.json");
const PROFILES: [&str; 3] = [
    r#"{"skills": {}}"#,
    r#"{"current_role": "ops", "years_experience": 3, "skills": {"linux": 3, "networking": 2},
       "certifications": ["net-a"], "preferences": ["stability"], "workplace": "si"}"#,
    r#"{"current_role": "dev", "skills": {"coding": 4}, "phases": {"requirements": 2},
       "management": {"years": 1, "team_size": 5}, "age": 40, "employment": "freelance"}"#,
];

fn exercise(sources: Vec<SourceText>) {
    let v = knowledge::validate(sources);
    let _ = careergraph::diagnostics::render(&v.diagnostics, false);
    assert_eq!(v.knowledge_base.is_some(), v.errors() == 0);
    let Some(engine) = v.knowledge_base.map(Engine::new) else {
        return;
    };
    let kb = engine.knowledge();
    use careergraph::report::{Options, Style};
    let every = |f: &dyn Fn(Options)| {
        for lang in [careergraph::lang::Lang::En, careergraph::lang::Lang::Ja] {
            for (colour, markdown) in [(false, false), (true, false), (false, true)] {
                f(Options {
                    lang,
                    colour,
                    markdown,
                    registry: &kb.sources,
                    // Narrow, so that fitting and wrapping are fuzzed too.
                    width: 40,
                });
            }
        }
    };
    every(&|o| {
        for style in [Style::Text, Style::Json, Style::Markdown] {
            let _ = careergraph::report::catalog::roles(kb, style, o);
            let _ = careergraph::report::catalog::certs(kb, style, o);
            let _ = careergraph::report::catalog::skills(kb, style, o);
            let _ = careergraph::report::sources::list(&kb.sources, kb.has_registry, style, o);
        }
    });
    for text in PROFILES {
        let Ok(profile) = engine.profile_from_str("p.json", text) else {
            continue;
        };
        let r = engine.recommend(&profile, Default::default());
        for rec in &r.recommendations {
            assert!(
                (0.0..=1.0).contains(&rec.score),
                "{}: {}",
                rec.role,
                rec.score
            );
        }
        every(&|o| {
            let _ = careergraph::report::recommend::text(&r, o);
        });
    }
    let roles: Vec<String> = kb.roles.iter().take(4).map(|r| r.id.clone()).collect();
    for from in &roles {
        for to in &roles {
            if let Ok(p) = engine.paths(from, to, 3, None) {
                every(&|o| {
                    let _ = careergraph::report::paths::text(&p, o);
                });
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = careergraph::error::decode(data.to_vec()) else {
        return;
    };
    exercise(vec![
        SourceText::new("kb.json", KB),
        SourceText::new("scoring.json", SCORING),
        SourceText::new("sources.json", SOURCES),
        SourceText::new("zz-fuzz.json", text.clone()),
    ]);
    exercise(vec![
        SourceText::new("scoring.json", SCORING),
        SourceText::new("fuzz.json", text),
    ]);
});
