//! `--color`: ANSI colour on headings, readiness and ✓/✗, only when asked for (or on a
//! terminal without NO_COLOR); stripping it gives exactly the plain output.

use careergraph::report::strip;

use crate::support::{root, run_env, stdout};

const COMMANDS: &[&[&str]] = &[
    &["recommend", "profiles/infra-4y-ccna.json"],
    &["explain", "profiles/infra-4y-ccna.json", "--role", "sre"],
    &["gaps", "profiles/infra-4y-ccna.json", "--target", "sre"],
    &[
        "paths",
        "--from",
        "infra-engineer",
        "--to",
        "sre",
        "--profile",
        "profiles/infra-4y-ccna.json",
    ],
    &["paths", "--from", "infra-engineer", "--steps", "2"],
    &[
        "recommend",
        "profiles/infra-4y-ccna.json",
        "--assume",
        "cert:sc",
    ],
    &[
        "graph",
        "--profile",
        "profiles/infra-4y-ccna.json",
        "--to",
        "sre",
    ],
    &["income", "profiles/infra-4y-ccna.json"],
    &["rate", "profiles/infra-4y-ccna.json"],
    &["jobs", "profiles/infra-4y-ccna.json"],
    &["roles"],
    &["role", "sre"],
    &["certs"],
    &["skills"],
    &["preferences"],
    &["validate"],
];

#[test]
fn colour_strips_to_exactly_the_plain_text() {
    for lang in ["en", "ja"] {
        for args in COMMANDS {
            let args = [args, &["--lang", lang][..]].concat();
            let plain = stdout(&args);
            assert!(
                !plain.contains('\u{1b}'),
                "{args:?} coloured without asking"
            );
            let never = stdout(&[&args[..], &["--color", "never"]].concat());
            assert_eq!(never, plain, "{args:?}");
            let coloured = stdout(&[&args[..], &["--color", "always"]].concat());
            assert!(coloured.contains('\u{1b}'), "{args:?} has no colour");
            assert!(
                strip(&coloured) == plain,
                "{args:?}: colour changed the text"
            );
        }
    }
}

#[test]
fn readiness_and_marks_are_coloured() {
    let out = stdout(&[
        "explain",
        "profiles/infra-4y-ccna.json",
        "--role",
        "sre",
        "--color",
        "always",
    ]);
    assert!(out.contains("\u{1b}[32m✓\u{1b}[0m") && out.contains("\u{1b}[31m✗\u{1b}[0m"));
    assert!(out.contains("\u{1b}[31mlong-term\u{1b}[0m"), "{out}");
    let table = stdout(&[
        "recommend",
        "profiles/infra-4y-ccna.json",
        "--color",
        "always",
    ]);
    assert!(table.contains("\u{1b}[32mready\u{1b}[0m "), "{table}");
}

#[test]
fn json_and_pipes_never_get_colour_and_no_color_is_honoured() {
    let args = ["gaps", "profiles/infra-4y-ccna.json", "--target", "sre"];
    let json = stdout(&[&args[..], &["--format", "json", "--color", "always"]].concat());
    assert!(!json.contains('\u{1b}'));
    let run = |env: &[(&str, &str)], extra: &[&str]| {
        let r = run_env(&root(), &[&args[..], extra].concat(), None, env);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    // Standard output is a pipe here: `auto` means no colour, NO_COLOR set or not.
    assert!(!run(&[], &[]).contains('\u{1b}'));
    assert!(!run(&[("NO_COLOR", "")], &[]).contains('\u{1b}'));
    // An explicit --color always wins over NO_COLOR.
    assert!(run(&[("NO_COLOR", "1")], &["--color", "always"]).contains('\u{1b}'));
}

#[test]
fn diagnostics_are_coloured_only_when_asked_for() {
    let bad = [
        "recommend",
        "tests/fixtures/profiles-bad/unknown-skill.json",
    ];
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let r = run_env(&root(), &[&bad[..], extra].concat(), None, env);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stdout.is_empty());
        r.stderr
    };
    // Standard error is a pipe here: `auto` and `never` leave it plain.
    let plain = run(&[], &[]);
    assert!(plain.contains("error[unknown-skill]") && !plain.contains('\u{1b}'));
    assert_eq!(run(&["--color", "never"], &[]), plain);
    let coloured = run(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(coloured.contains('\u{1b}'), "{coloured}");
    assert_eq!(strip(&coloured), plain);
    // The validator's report too.
    let kb = crate::bad_rules::with_case("unknown-skill.json");
    let dir = kb.path().to_string_lossy().to_string();
    let validate = |extra: &[&str]| {
        let r = run_env(
            &root(),
            &[&["validate", "--rules", &dir][..], extra].concat(),
            None,
            &[],
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        r.stderr
    };
    let plain = validate(&[]);
    assert!(plain.contains("error[unknown-skill]") && !plain.contains('\u{1b}'));
    let coloured = validate(&["--color", "always"]);
    assert!(coloured.contains('\u{1b}'), "{coloured}");
    assert_eq!(strip(&coloured), plain);
}
