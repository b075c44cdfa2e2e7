//! Fuzz target: arbitrary bytes as a profile, through decoding, parsing and checking, then every
//! command a profile feeds (recommend, gaps, paths) and both output formats.
//!
//! Besides "no panic", it checks invariants on every valid profile: scores in [0, 1], `ready`
//! exactly when no essential gap, loopless routes, identical output on a second run.

#![no_main]

use std::sync::OnceLock;

use careergraph::Engine;
use careergraph::scoring::Readiness;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| match Engine::builtin() {
        Ok(e) => e,
        Err(e) => panic!("the shipped knowledge base does not load: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    let Ok(text) = careergraph::error::decode(data.to_vec()) else {
        return;
    };
    let profile = match engine.profile_from_str("fuzz.json", &text) {
        Ok(p) => p,
        Err(e) => {
            // Rendering the diagnostics (snippets, carets, wide characters) must not panic.
            let _ = e.to_string();
            return;
        }
    };
    for steps in [1, 2] {
        let options = careergraph::recommend::Options {
            max_steps: steps,
            top: None,
        };
        let r = engine.recommend(&profile, options);
        for rec in &r.recommendations {
            assert!(
                (0.0..=1.0).contains(&rec.score),
                "{}: {}",
                rec.role,
                rec.score
            );
            assert!((0.0..=1.0).contains(&rec.fit), "{}: {}", rec.role, rec.fit);
        }
        let json = careergraph::report::json(&r);
        let _ = careergraph::report::sources::cited_json(&r, &engine.knowledge().sources);
        let again = careergraph::report::json(&engine.recommend(&profile, options));
        assert_eq!(json, again, "output differs between two runs");
        for lang in [careergraph::lang::Lang::En, careergraph::lang::Lang::Ja] {
            let o = careergraph::report::Options {
                lang,
                colour: true,
                markdown: false,
                registry: &engine.knowledge().sources,
                width: 40,
            };
            let _ = careergraph::report::recommend::text(&r, o);
        }
    }
    for f in engine.score_all(&profile) {
        let essential_gap = f.skills.iter().any(|t| t.essential && t.is_gap())
            || f.experience.iter().any(|t| t.is_gap());
        assert_eq!(f.readiness == Readiness::Ready, !essential_gap);
    }
    if let Ok(g) = engine.gaps(&profile, "sre") {
        let _ = careergraph::report::json(&g);
        let _ = careergraph::report::gaps::text(&g, Default::default());
    }
    if let Ok(p) = engine.paths("infra-engineer", "it-architect", 5, Some(&profile)) {
        for path in &p.paths {
            let mut roles = path.roles.clone();
            roles.sort();
            roles.dedup();
            assert_eq!(roles.len(), path.roles.len(), "loop in {:?}", path.roles);
        }
        assert!(p.paths.windows(2).all(|w| w[0].cost <= w[1].cost));
        let _ = careergraph::report::paths::text(&p, Default::default());
    }
});
