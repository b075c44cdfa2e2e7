//! Benchmark helpers (not part of careergraph's CLI):
//!
//! ```text
//! cargo run --release --example scale -- profiles N [SEED]       > profiles.jsonl
//! cargo run --release --example scale -- population N [SEED]     > population.jsonl
//! cargo run --release --example scale -- random N [SEED]         > random.jsonl
//! cargo run --release --example scale -- kb DIR [ROLES] [SEED]     (5,000 roles by default)
//! cargo run --release --example scale -- parse-only FILE.jsonl     (serde_json into a Value per line)
//! ```
//!
//! `profiles` writes N plausible random profiles (JSON Lines) over the shipped ids (uniform:
//! any role, any skills); `population` writes N profiles drawn the way real populations look
//! (many juniors, few seniors, skills skewed toward the current role's and the common ones, few
//! certifications: see `generate::population_profile`); `random` writes N random valid
//! profiles (every field uniform over its valid range); `kb` writes a
//! synthetic knowledge base (`kb.json` and `scoring.json`) that `validate` accepts: 5,000 roles,
//! 20,000 skills and 100,000 transitions, or ROLES roles in the same proportions; `parse-only`
//! reads a JSON Lines file the way `batch` does and parses each line into a `serde_json::Value`,
//! the floor `batch` is measured against.

mod generate;

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use generate::{Rng, Size};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    let number = |i: usize, default: u64| arg(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let result = match arg(0) {
        Some("profiles") => profiles(number(1, 1000), number(2, 1), generate::profile),
        Some("random") => profiles(number(1, 1000), number(2, 1), generate::random_profile),
        Some("population") => profiles(number(1, 1000), number(2, 1), generate::population_profile),
        Some("kb") => match arg(1) {
            Some(dir) => kb(dir, number(2, 5000) as usize, number(3, 1)),
            None => Err("kb needs a directory".into()),
        },
        Some("parse-only") => match arg(1) {
            Some(file) => parse_only(file),
            None => Err("parse-only needs a file".into()),
        },
        _ => Err(
            "usage: scale profiles N [SEED] | population N [SEED] | random N [SEED] | kb DIR [ROLES] [SEED] | \
             parse-only FILE"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scale: {e}");
            ExitCode::from(2)
        }
    }
}

fn profiles(
    n: u64,
    seed: u64,
    draw: fn(&careergraph::knowledge::KnowledgeBase, &mut Rng, usize) -> String,
) -> Result<(), String> {
    let engine = careergraph::Engine::builtin().map_err(|e| e.to_string())?;
    let mut rng = Rng::new(seed);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for i in 0..n {
        let line = draw(engine.knowledge(), &mut rng, i as usize);
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn kb(dir: &str, roles: usize, seed: u64) -> Result<(), String> {
    let size = if roles == Size::LARGE.roles {
        Size::LARGE
    } else {
        Size::scaled(roles)
    };
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let path = std::path::Path::new(dir);
    std::fs::write(path.join("kb.json"), generate::knowledge_base(size, seed))
        .map_err(|e| e.to_string())?;
    std::fs::write(path.join("scoring.json"), generate::scoring_file()).map_err(|e| e.to_string())
}

fn parse_only(file: &str) -> Result<(), String> {
    let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
    let reader = std::io::BufReader::with_capacity(256 * 1024, f);
    let (mut ok, mut failed) = (0u64, 0u64);
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| e.to_string())?;
        match serde_json::from_slice::<serde_json::Value>(&line) {
            Ok(v) => {
                std::hint::black_box(v);
                ok += 1;
            }
            Err(_) => failed += 1,
        }
    }
    eprintln!("parse-only: {ok} parsed, {failed} not JSON");
    Ok(())
}
