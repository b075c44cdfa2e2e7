//! Shell completions and the man page: generated from the clap definition, so they name every
//! command.

use clap::CommandFactory;

use crate::support::run;

/// Every subcommand's name (without clap's `help`).
fn commands() -> Vec<String> {
    let names: Vec<String> = careergraph::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
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
fn the_man_page_is_one_page_with_every_command_and_the_standard_sections() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = r.stdout;
    assert_eq!(page.matches(".TH ").count(), 1, "one page");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "no `{section}`");
    }
    for c in commands() {
        assert!(page.contains(&format!(".SS {c}\n")), "no section for `{c}`");
    }
    for needle in ["\\-\\-target", "NO_COLOR", "COLUMNS", "LC_ALL"] {
        assert!(page.contains(needle), "the page lacks {needle}");
    }
    // Backticks become bold, never print literally.
    assert!(!page.contains('`'), "a literal backtick");
    // `man` renders it without a warning, if it is installed.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("careergraph.1");
    std::fs::write(&file, &page).expect("write");
    if let Ok(out) = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_STDERR", "1")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        if out.status.success() && !text.is_empty() {
            assert!(
                text.contains("EXIT STATUS") && text.contains("EXAMPLES"),
                "{text}"
            );
        }
    }
}

/// What bash offers at the end of `line` with careergraph's completion script loaded (the
/// built binary first on PATH, as an installed one would be).
fn bash_complete(line: &str) -> Vec<String> {
    let script = run(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("careergraph.bash");
    std::fs::write(&file, script).expect("write the script");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_careergraph"))
        .parent()
        .expect("the binary's directory")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let probe = format!(
        "source {file}\n\
         COMP_LINE='{line}'; read -ra COMP_WORDS <<< \"$COMP_LINE\"\n\
         [[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n\
         COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMP_POINT=${{#COMP_LINE}}\n\
         _careergraph_ids careergraph \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        file = file.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&probe)
        .current_dir(crate::support::root())
        .env("PATH", path)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn bash_completes_role_ids_where_a_role_is_expected() {
    let offered = bash_complete("careergraph gaps p.json --target s");
    assert!(offered.contains(&"sre".to_string()), "{offered:?}");
    assert!(
        offered.iter().all(|o| o.starts_with('s')),
        "only ids starting with s: {offered:?}"
    );
    assert!(bash_complete("careergraph role in").contains(&"infra-engineer".to_string()));
    let from = bash_complete("careergraph paths --from ");
    assert!(
        from.len() >= 20 && from.contains(&"it-architect".to_string()),
        "{from:?}"
    );
    // With --rules on the line, the ids come from that knowledge base.
    let small = bash_complete("careergraph --rules tests/fixtures/kb-min paths --to ");
    assert!(
        !small.is_empty() && !small.contains(&"sre".to_string()),
        "{small:?}"
    );
    // Elsewhere clap's completion still answers (subcommands).
    let subs = bash_complete("careergraph rec");
    assert_eq!(subs, vec!["recommend".to_string()]);
}
