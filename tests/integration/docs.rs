//! Shell completions and the man page: generated from the clap definition, so they name every
//! command.

use clap::CommandFactory;

use crate::support::run;

/// Every subcommand's name (without clap's `help`).
fn commands() -> Vec<String> {
    let names: Vec<String> = careergraph::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(names.len() >= 10 && names.iter().any(|n| n == "recommend"));
    names
}

#[test]
fn completions_name_every_command_in_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _careergraph"),
        ("zsh", "#compdef careergraph"),
        ("fish", "complete -c careergraph"),
    ] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell} script lacks `{marker}`");
        for c in commands() {
            assert!(r.stdout.contains(&c), "{shell} completion lacks `{c}`");
        }
        assert!(
            r.stdout.contains("format"),
            "{shell} completion lacks --format"
        );
    }
}

#[test]
fn completions_reject_an_unknown_shell() {
    let r = run(&["completions", "tcsh"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("bash"), "{}", r.stderr);
}

#[test]
fn the_man_page_has_the_standard_sections_and_a_page_per_command() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = r.stdout;
    assert!(page.contains(".TH careergraph 1"));
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "no `{section}`");
    }
    for c in commands() {
        // Listed in SUBCOMMANDS, and a page of its own with its options.
        assert!(
            page.contains(&format!(".TH careergraph-{c} 1")),
            "no page for `{c}`"
        );
    }
    assert!(
        page.contains("\\-\\-target"),
        "the gaps page lacks --target"
    );
}
