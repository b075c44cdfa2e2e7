//! Text output fits the terminal: at 80 and at 120 columns (`COLUMNS`, as a shell sets it), no
//! line of any command's text is wider, in English and in Japanese, for every example profile.

use unicode_width::UnicodeWidthStr;

use crate::support::{profiles, root, run_env, target_of};

/// The display width of a line (a CJK character takes two columns).
fn width(line: &str) -> usize {
    UnicodeWidthStr::width(line)
}

/// Every command that writes text, with the arguments it needs for `profile`.
fn commands(profile: &str) -> Vec<Vec<String>> {
    let p = format!("profiles/{profile}");
    let (from, to) = target_of(profile);
    let v = |args: &[&str]| args.iter().map(ToString::to_string).collect::<Vec<_>>();
    vec![
        v(&["recommend", &p]),
        v(&["explain", &p, "--role", to]),
        v(&["gaps", &p, "--target", to]),
        v(&["gaps", &p, "--target", to, "--assume", "skill:aws=3"]),
        v(&["paths", "--from", from, "--to", to, "--profile", &p]),
        v(&["income", &p]),
        v(&["rate", &p]),
        v(&["jobs", &p]),
        v(&["graph", "--profile", &p, "--from", from, "--to", to]),
    ]
}

/// The commands that take no profile.
fn catalog() -> Vec<Vec<String>> {
    let v = |args: &[&str]| args.iter().map(ToString::to_string).collect::<Vec<_>>();
    let mut all = vec![
        v(&["roles"]),
        v(&["certs"]),
        v(&["skills"]),
        v(&["sources"]),
        v(&["preferences"]),
        v(&["validate"]),
        v(&["graph"]),
        v(&["paths", "--from", "infra-engineer"]),
        v(&["paths", "--from", "infra-engineer", "--to", "it-architect"]),
    ];
    for role in ["sre", "infra-engineer", "it-consultant", "backend-engineer"] {
        all.push(v(&["role", role]));
    }
    // Help wraps too (clap's wrap_help reads COLUMNS).
    all.push(v(&["--help"]));
    for c in [
        "recommend",
        "explain",
        "gaps",
        "paths",
        "batch",
        "income",
        "rate",
        "jobs",
        "report",
        "roles",
        "role",
        "certs",
        "skills",
        "sources",
        "preferences",
        "graph",
        "schema",
        "completions",
        "man",
        "validate",
    ] {
        all.push(v(&[c, "--help"]));
    }
    all
}

/// The lines of `args`' output wider than `columns`, at that `COLUMNS`, in `lang`.
fn too_wide(args: &[String], columns: usize, lang: &str) -> Vec<String> {
    let mut full: Vec<&str> = args.iter().map(String::as_str).collect();
    full.extend(["--lang", lang]);
    let cols = columns.to_string();
    let r = run_env(
        &root(),
        &full,
        None,
        &[("COLUMNS", &cols), ("NO_COLOR", "1")],
    );
    assert_eq!(r.code, 0, "{full:?}: {}", r.stderr);
    r.stdout
        .lines()
        .filter(|l| width(l) > columns)
        .map(|l| format!("{full:?} at {columns} ({} wide): {l}", width(l)))
        .collect()
}

#[test]
fn every_command_fits_80_and_120_columns_in_both_languages() {
    let mut runs: Vec<Vec<String>> = catalog();
    for p in profiles() {
        runs.extend(commands(&p));
    }
    let jobs: Vec<(Vec<String>, usize, &str)> = runs
        .iter()
        .flat_map(|args| {
            [80, 120]
                .into_iter()
                .flat_map(move |c| ["en", "ja"].map(|l| (args.clone(), c, l)))
        })
        .collect();
    // Four at a time: each is its own process.
    let chunks: Vec<&[(Vec<String>, usize, &str)]> = jobs.chunks(jobs.len().div_ceil(4)).collect();
    let wide: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .flat_map(|(args, c, l)| too_wide(args, *c, l))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a width run"))
            .collect()
    });
    assert!(
        wide.is_empty(),
        "{} lines too wide:\n{}",
        wide.len(),
        wide.join("\n")
    );
}

#[test]
fn width_wins_over_columns_and_wide_output_keeps_long_lines() {
    let p = "profiles/infra-4y-ccna.json";
    let r = run_env(
        &root(),
        &["recommend", p, "--width", "200"],
        None,
        &[("COLUMNS", "80")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let widest = r.stdout.lines().map(width).max().unwrap_or(0);
    assert!(widest > 120 && widest <= 200, "widest line {widest}");
    // The table keeps its name and income columns when there is room.
    assert!(
        r.stdout.contains("Infrastructure generalist"),
        "{}",
        r.stdout
    );
    let narrow = run_env(&root(), &["recommend", p], None, &[("COLUMNS", "80")]);
    let table: Vec<&str> = narrow
        .stdout
        .lines()
        .take_while(|l| !l.starts_with("1. "))
        .collect();
    assert!(
        !table
            .iter()
            .any(|l| l.contains("Infrastructure generalist")),
        "the name column goes first at 80 columns:\n{}",
        table.join("\n")
    );
    // Wrapping moves words, never loses or reorders a character: each condition line of a
    // wide `explain`, without its spaces, is in the narrow one without its spaces.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let wide = run_env(
        &root(),
        &["explain", p, "--role", "sre", "--width", "1000"],
        None,
        &[],
    );
    let narrow = squeeze(&run_env(&root(), &["explain", p, "--role", "sre"], None, &[]).stdout);
    let conditions: Vec<&str> = wide
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with(['✓', '✗']))
        .collect();
    assert!(
        conditions.iter().any(|l| width(l) > 80),
        "no long line to wrap"
    );
    for line in conditions {
        assert!(narrow.contains(&squeeze(line)), "lost in wrapping: {line}");
    }
}

#[test]
fn a_bad_width_is_refused_with_the_range() {
    let r = run_env(&root(), &["roles", "--width", "10"], None, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("40..=1000"), "{}", r.stderr);
}
