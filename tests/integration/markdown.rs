//! `--format markdown`: GitHub Markdown tables for the catalog lists.

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
    let r = run(&[
        "recommend",
        "profiles/infra-4y-ccna.json",
        "--format",
        "markdown",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr
            .contains("`recommend` cannot write --format markdown; it writes text, json")
    );
}
