//! `--format markdown`: GitHub Markdown (headings, tables, lists) for the catalog lists and the
//! answers.

use crate::support::{run, stdout};

#[test]
fn catalog_lists_as_markdown_tables() {
    for (cmd, heading) in [
        ("roles", "## Roles"),
        ("certs", "## Certifications"),
        ("skills", "## Skills"),
    ] {
        let out = stdout(&[cmd, "--format", "markdown"]);
        assert!(out.starts_with(heading), "{cmd}: {out}");
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
        assert!(rows.len() > 3, "{cmd}");
        // Every row has the header's number of cells.
        let cells = |l: &str| l.matches(" | ").count();
        assert!(rows.iter().all(|r| cells(r) == cells(rows[0])), "{cmd}");
        assert!(rows[1].starts_with("| --- |"), "{cmd}");
    }
    insta::assert_snapshot!(
        "markdown_skills",
        stdout(&["skills", "--format", "markdown"])
    );
}

#[test]
fn commands_without_markdown_say_so() {
    let r = run(&["validate", "--format", "markdown"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr
            .contains("`validate` cannot write --format markdown; it writes text, json"),
        "{}",
        r.stderr
    );
}

/// Every table in `md` is well formed: a header, a `---` row, rows with as many cells, and a
/// blank line (or the end) after it; only nested list items are indented four spaces (anything
/// else would be a code block by mistake); no ANSI colour is there.
fn well_formed(md: &str, what: &str) {
    assert!(!md.contains('\u{1b}'), "{what}: colour in Markdown");
    let lines: Vec<&str> = md.lines().collect();
    let cells = |l: &str| l.matches(" | ").count();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let nested_item = line.trim_start().starts_with("- ");
        assert!(
            !line.starts_with("    ") || nested_item,
            "{what}: indented line {line:?}"
        );
        if line.starts_with('|') {
            let width = cells(line);
            assert!(lines[i + 1].starts_with("| --- |"), "{what}: {line}");
            while i < lines.len() && lines[i].starts_with('|') {
                assert_eq!(cells(lines[i]), width, "{what}: {}", lines[i]);
                i += 1;
            }
            assert!(
                i == lines.len() || lines[i].is_empty(),
                "{what}: no blank after a table"
            );
            continue;
        }
        i += 1;
    }
}

/// `md` parsed as CommonMark (with GitHub's tables) reads as meant: no bullet holds a
/// numbered line ("- 1. raise …" renders as a bullet with a nested list), no text is an
/// indented code block by mistake, and every table has a header.
fn commonmark(md: &str, what: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    // Per open list: whether it is a bullet list.
    let mut lists: Vec<bool> = Vec::new();
    let mut item_start = false;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::List(first)) => {
                let in_bullet = lists.last().copied().unwrap_or(false);
                assert!(
                    !(item_start && in_bullet),
                    "{what}: a bullet whose first content is a list (`- 1. …`?) in {md}"
                );
                lists.push(first.is_none());
                item_start = false;
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => item_start = true,
            Event::Start(Tag::CodeBlock(_)) => panic!("{what}: a code block in {md}"),
            Event::Start(Tag::Paragraph) => {}
            _ => item_start = false,
        }
    }
}

#[test]
fn the_gaps_plan_is_an_ordered_list() {
    use pulldown_cmark::{Event, Parser, Tag};
    let md = stdout(&[
        "gaps",
        "profiles/infra-4y-ccna.json",
        "--target",
        "sre",
        "--format",
        "markdown",
    ]);
    let ordered = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::List(Some(1)))))
        .count();
    assert_eq!(ordered, 1, "{md}");
}

#[test]
fn answers_as_markdown() {
    let p = "profiles/infra-4y-ccna.json";
    let cases: [(&str, &[&str]); 12] = [
        ("recommend", &["recommend", p, "--top", "6"]),
        ("gaps", &["gaps", p, "--target", "sre"]),
        (
            "paths",
            &[
                "paths",
                "--from",
                "infra-engineer",
                "--to",
                "it-architect",
                "-k",
                "2",
                "--profile",
                p,
            ],
        ),
        (
            "destinations",
            &["paths", "--from", "infra-engineer", "--steps", "1"],
        ),
        ("explain", &["explain", p, "--role", "sre"]),
        ("role", &["role", "sre"]),
        ("preferences", &["preferences"]),
        ("gaps_ja", &["gaps", p, "--target", "sre", "--lang", "ja"]),
        ("income", &["income", p]),
        ("rate", &["rate", p]),
        ("jobs", &["jobs", p]),
        ("rate_ja", &["rate", p, "--lang", "ja"]),
    ];
    for (name, args) in cases {
        let args = [args, &["--format", "markdown"][..]].concat();
        let md = stdout(&args);
        assert!(md.starts_with("## "), "{name}: {md}");
        well_formed(&md, name);
        commonmark(&md, name);
        insta::assert_snapshot!(format!("markdown_{name}"), md, &args.join(" "));
    }
    // Colour never reaches Markdown, even when asked for.
    let md = stdout(&[
        "gaps", p, "--target", "sre", "--format", "markdown", "--color", "always",
    ]);
    well_formed(&md, "coloured");
}
