//! Criterion benches of the engine's parts: loading a knowledge base, parsing a profile,
//! recommending (with and without `--top`), explanation traces, batch throughput (full and brief
//! records) on one and two threads against a parse-only pass, and the synthetic knowledge base.
//!
//! `cargo bench --bench engine` runs them all (a few minutes); `cargo bench --bench engine -- load`
//! runs those whose name contains `load`. Whole-process figures come from `benches/run.sh`.

#[path = "../examples/scale/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use careergraph::knowledge::{self, KnowledgeBase};
use careergraph::{Engine, batch, recommend};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn profiles(n: usize) -> String {
    let engine = Engine::builtin().expect("builtin");
    let mut rng = generate::Rng::new(7);
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&generate::profile(engine.knowledge(), &mut rng, i));
        out.push('\n');
    }
    out
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.bench_function("builtin: parse rule files only", |b| {
        let sources = knowledge::builtin_sources();
        b.iter(|| {
            for s in &sources {
                black_box(serde_json::from_str::<knowledge::format::RuleFile>(&s.text).ok());
            }
        });
    });
    g.bench_function("builtin: compile (what every command loads)", |b| {
        b.iter(|| black_box(KnowledgeBase::builtin().ok()));
    });
    g.bench_function("builtin: compile and check (validate, --rules)", |b| {
        let sources = knowledge::builtin_sources();
        b.iter(|| black_box(KnowledgeBase::from_sources(sources.clone()).ok()));
    });
    g.bench_function("builtin: engine (with the graph)", |b| {
        b.iter(|| black_box(Engine::builtin().ok()));
    });
    g.finish();
}

fn one_profile(c: &mut Criterion) {
    let engine = Engine::builtin().expect("builtin");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profiles/infra-4y-ccna.json"
    ))
    .expect("profile");
    let profile = engine.profile_from_str("p.json", &text).expect("valid");
    let mut g = c.benchmark_group("profile");
    g.bench_function("parse and check", |b| {
        b.iter(|| black_box(engine.profile_from_str("p.json", &text).ok()));
    });
    g.bench_function("score every role", |b| {
        b.iter(|| black_box(engine.score_all(&profile)));
    });
    for top in [Some(3), None] {
        let name = top.map_or("all".to_string(), |t| format!("top {t}"));
        let options = recommend::Options { max_steps: 2, top };
        g.bench_function(format!("recommend ({name})"), |b| {
            b.iter(|| black_box(engine.recommend(&profile, options)));
        });
        g.bench_function(format!("recommend ({name}) and JSON"), |b| {
            b.iter(|| {
                black_box(careergraph::report::json(
                    &engine.recommend(&profile, options),
                ))
            });
        });
    }
    // Traces are built only when asked for: the cost of asking, for every rule.
    let facts = careergraph::profile::Facts::new(&profile, engine.knowledge());
    let kb = engine.knowledge();
    g.bench_function("rule conditions: holds (all rules)", |b| {
        b.iter(|| black_box(kb.rules.iter().filter(|r| r.when.holds(&facts)).count()));
    });
    g.bench_function("rule conditions: trace (all rules)", |b| {
        b.iter(|| {
            kb.rules
                .iter()
                .filter(|r| black_box(r.when.trace(&facts, kb)).passed)
                .count()
        });
    });
    g.finish();
}

fn batch_throughput(c: &mut Criterion) {
    let engine = Engine::builtin().expect("builtin");
    let n = 1000;
    let input = profiles(n);
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("parse-only (serde_json Value per line)", |b| {
        b.iter(|| {
            input
                .lines()
                .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
                .count()
        });
    });
    for jobs in [1, 2] {
        for (top, brief) in [(Some(5), true), (Some(5), false), (None, false)] {
            let name = top.map_or("all".to_string(), |t| format!("top {t}"));
            let name = if brief {
                format!("{name}, brief")
            } else {
                name
            };
            let options = batch::Options {
                recommend: recommend::Options { max_steps: 2, top },
                jobs,
                input_name: "bench".into(),
                brief,
                shape: batch::MACHINE_SHAPE,
                ..batch::Options::default()
            };
            g.bench_with_input(
                BenchmarkId::new(format!("batch ({name})"), format!("{jobs} thread(s)")),
                &options,
                |b, options| {
                    b.iter(|| {
                        batch::run(&engine, input.as_bytes(), std::io::sink(), options, &|_| {})
                            .ok()
                    });
                },
            );
        }
    }
    g.finish();
}

fn synthetic(c: &mut Criterion) {
    let mut g = c.benchmark_group("synthetic");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    for roles in [50, 500, 5000] {
        let size = if roles == 5000 {
            generate::Size::LARGE
        } else {
            generate::Size::scaled(roles)
        };
        let sources = vec![
            careergraph::diagnostics::SourceText::new("kb.json", generate::knowledge_base(size, 1)),
            careergraph::diagnostics::SourceText::new("scoring.json", generate::scoring_file()),
        ];
        g.bench_with_input(BenchmarkId::new("load", roles), &sources, |b, s| {
            b.iter(|| black_box(KnowledgeBase::from_sources(s.clone()).ok()));
        });
        let engine = Engine::new(KnowledgeBase::from_sources(sources).expect("valid"));
        let profile = engine
            .profile_from_str(
                "p",
                r#"{"current_role": "role-17", "years_experience": 5, "skills": {"skill-68": 3, "skill-1": 4}, "workplace": "workplace-1"}"#,
            )
            .expect("valid");
        let options = recommend::Options {
            max_steps: 2,
            top: Some(10),
        };
        g.bench_with_input(BenchmarkId::new("recommend top 10", roles), &(), |b, _| {
            b.iter(|| black_box(engine.recommend(&profile, options)));
        });
        let to = format!("role-{}", roles * 4 / 5);
        g.bench_with_input(BenchmarkId::new("paths -k 5", roles), &(), |b, _| {
            b.iter(|| black_box(engine.paths("role-17", &to, 5, None).ok()));
        });
    }
    g.finish();
}

criterion_group!(benches, load, one_profile, batch_throughput, synthetic);
criterion_main!(benches);
