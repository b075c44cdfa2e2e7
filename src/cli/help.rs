//! What `--help`, the man page and the completions say beyond each argument's own line: the
//! formats a command writes, worked examples, exit status, and the environment. Written once
//! here, so the help and the man page cannot disagree.

use clap::CommandFactory;

use super::{Cli, Format};

/// Worked examples per command: what it shows, and the command line. The example profiles
/// ship in `profiles/`.
pub(crate) const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "recommend",
        &[
            (
                "Rank the next roles for an example profile",
                "careergraph recommend profiles/infra-4y-ccna.json",
            ),
            (
                "The best five, in Japanese",
                "careergraph recommend profiles/infra-4y-ccna.json --top 5 --lang ja",
            ),
            (
                "What passing AWS Solutions Architect Associate would change",
                "careergraph recommend me.json --assume cert:aws-saa",
            ),
        ],
    ),
    (
        "explain",
        &[(
            "Every term of the SRE score and every rule about SRE",
            "careergraph explain profiles/infra-4y-ccna.json --role sre",
        )],
    ),
    (
        "gaps",
        &[
            (
                "The plan from an example profile to SRE",
                "careergraph gaps profiles/infra-4y-ccna.json --target sre",
            ),
            (
                "The same plan if you had Terraform at level 3",
                "careergraph gaps me.json --target sre --assume skill:terraform=3",
            ),
        ],
    ),
    (
        "paths",
        &[
            (
                "The three best routes from infra engineer to IT architect",
                "careergraph paths --from infra-engineer --to it-architect -k 3",
            ),
            (
                "The same routes priced for a person",
                "careergraph paths --from infra-engineer --to sre \
                 --profile profiles/infra-4y-ccna.json",
            ),
            (
                "Where network engineers go within two steps",
                "careergraph paths --from network-engineer",
            ),
        ],
    ),
    (
        "batch",
        &[
            (
                "Score a file of profiles, records to a file",
                "careergraph batch profiles/team.jsonl -o records.jsonl",
            ),
            (
                "Brief records from a pipe, the best three roles each",
                "cat team.jsonl | careergraph batch --brief --top 3",
            ),
        ],
    ),
    (
        "income",
        &[(
            "Income now and in the five best next roles",
            "careergraph income profiles/infra-4y-ccna.json",
        )],
    ),
    (
        "rate",
        &[(
            "A freelance monthly rate for an example profile",
            "careergraph rate profiles/java-backend-3y.json",
        )],
    ),
    (
        "jobs",
        &[
            (
                "The shipped postings ranked for an example profile",
                "careergraph jobs profiles/infra-4y-ccna.json",
            ),
            (
                "Your own postings file",
                "careergraph jobs me.json --postings postings.json --top 5",
            ),
        ],
    ),
    (
        "report",
        &[(
            "An HTML page for a person, opened in the browser",
            "careergraph report profiles/infra-4y-ccna.json -o report.html && \
             xdg-open report.html",
        )],
    ),
    (
        "roles",
        &[
            ("The roles", "careergraph roles"),
            ("As a Markdown table", "careergraph roles --format markdown"),
        ],
    ),
    (
        "role",
        &[(
            "One role in full, in Japanese",
            "careergraph role sre --lang ja",
        )],
    ),
    (
        "certs",
        &[(
            "The certifications with their order and study hours",
            "careergraph certs",
        )],
    ),
    (
        "skills",
        &[("The skill ids a profile may use", "careergraph skills")],
    ),
    (
        "sources",
        &[(
            "Every source with its publisher and address",
            "careergraph sources --format json",
        )],
    ),
    (
        "preferences",
        &[(
            "The preference tags a profile may use",
            "careergraph preferences",
        )],
    ),
    (
        "graph",
        &[
            (
                "The whole graph as an SVG picture",
                "careergraph graph --format svg > career-graph.svg",
            ),
            (
                "Coloured by a profile's fit, the route to SRE drawn for GitHub",
                "careergraph graph --format mermaid --profile me.json --to sre",
            ),
            (
                "Laid out by Graphviz",
                "careergraph graph --format dot --from programmer --to it-architect \
                 | dot -Tpng > graph.png",
            ),
        ],
    ),
    (
        "schema",
        &[(
            "The profile schema for an editor",
            "careergraph schema profile > profile.schema.json",
        )],
    ),
    (
        "completions",
        &[(
            "Install completion for bash",
            "careergraph completions bash > \
             ~/.local/share/bash-completion/completions/careergraph",
        )],
    ),
    (
        "man",
        &[(
            "Read the manual",
            "careergraph man > careergraph.1 && man -l careergraph.1",
        )],
    ),
    (
        "validate",
        &[
            ("Check the shipped knowledge base", "careergraph validate"),
            (
                "Check your own rule files, warnings as errors",
                "careergraph validate --rules my-rules/ --deny-warnings",
            ),
        ],
    ),
];

/// The exit statuses, as (status, meaning): `--help` and the man page list them.
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "`validate` found errors (or warnings, with --deny-warnings).",
    ),
    (
        "2",
        "Bad input: a malformed or invalid profile, an unknown id, a broken knowledge base \
         given with --rules, a missing file, an out-of-range flag or a format the command does \
         not write; for `batch`, any line that failed. Nothing is written on standard output \
         and standard error says what and where.",
    ),
    (
        "3",
        "An output could not be written (a full disk, a closed device); standard error names \
         it. A broken pipe, as with `| head`, is not an error.",
    ),
    (
        "130, 143, 129",
        "Interrupted by SIGINT, SIGTERM or SIGHUP. An output file (-o) is written to a \
         temporary file beside it and renamed into place on success, so an interrupted or \
         failed run leaves the old file as it was and nothing partial.",
    ),
];

/// The environment variables read, as (name, what it does).
pub(crate) const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The language of text output when --lang is not given, read in this order: a value \
         starting with `ja` is Japanese, anything else English.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour with --color auto (https://no-color.org).",
    ),
    (
        "COLUMNS",
        "The width of text output when --width is not given (before the terminal's width; 80 \
         when neither is known).",
    ),
];

/// The files read, as (path, what it is).
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "PROFILE.json",
        "A profile: current role, skills with levels, years per work phase, certifications, \
         preferences (JSON Schema: `careergraph schema profile`).",
    ),
    (
        "DIR/*.json",
        "With --rules DIR: a knowledge base of rule files in place of the shipped one, \
         validated first (`careergraph validate --rules DIR`).",
    ),
    ("INPUT.jsonl", "For `batch`: one profile per line."),
];

/// The formats a command writes, by its name (see [`super::Command::formats`]).
pub(crate) fn formats_of(name: &str) -> &'static [Format] {
    match name {
        "graph" => &[
            Format::Text,
            Format::Json,
            Format::Dot,
            Format::Mermaid,
            Format::Svg,
        ],
        "roles" | "sources" | "certs" | "skills" | "role" | "preferences" | "recommend"
        | "gaps" | "paths" | "explain" | "income" | "rate" | "jobs" => {
            &[Format::Text, Format::Json, Format::Markdown]
        }
        "completions" | "man" | "report" | "ids" => &[Format::Text],
        _ => &[Format::Text, Format::Json],
    }
}

/// The commands whose output --format does not change (a script, a page, JSON Lines, a
/// schema): their help names no formats.
const FORMAT_DOES_NOT_APPLY: &[&str] = &["batch", "schema", "completions", "man", "report"];

/// The examples of a command, as help text ("Examples:" and an indented list).
fn examples_text(list: &[(&str, &str)]) -> String {
    let mut out = String::from("Examples:");
    for (what, line) in list {
        out.push_str(&format!("\n  # {what}\n  {line}"));
    }
    out
}

/// The clap command with each subcommand's help completed: the formats it writes and its
/// examples after what its definition says. Parse, complete and document from this.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let formats = if FORMAT_DOES_NOT_APPLY.contains(&name.as_str()) {
            &[][..]
        } else {
            formats_of(&name)
        };
        let examples = EXAMPLES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, list)| *list)
            .unwrap_or_default();
        cmd = cmd.mut_subcommand(&name, |sub| {
            let mut parts: Vec<String> = Vec::new();
            if let Some(after) = sub.get_after_help() {
                parts.push(after.to_string());
            }
            if !formats.is_empty() {
                let names: Vec<String> = formats.iter().map(|f| f.name()).collect();
                parts.push(format!("Formats (--format): {}.", names.join(", ")));
            }
            if !examples.is_empty() {
                parts.push(examples_text(examples));
            }
            sub.after_help(parts.join("\n\n"))
        });
    }
    let mut after = cmd
        .get_after_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    after.push_str("\n\nExit status:");
    for (code, what) in EXIT_STATUS {
        after.push_str(&format!("\n  {code}  {}", what.replace('`', "")));
    }
    after.push_str("\n\nEnvironment:");
    for (name, what) in ENVIRONMENT {
        after.push_str(&format!("\n  {name}\n      {}", what.replace('`', "")));
    }
    after.push_str(
        "\n\nStart with:\n  careergraph recommend profiles/infra-4y-ccna.json\n\
         `careergraph COMMAND --help` gives each command's examples; `careergraph man` the \
         manual.",
    );
    // Help wraps at COLUMNS or the terminal's width (clap's `wrap_help`), at most 100; the
    // lists above are wrapped here first, so that their lines hang under their text.
    let width = crate::report::settle_width(
        std::env::var("COLUMNS").ok().as_deref(),
        terminal_size::terminal_size().map(|(w, _)| w.0),
    );
    let width = usize::from(width).min(MAX_HELP_WIDTH);
    cmd.after_help(crate::report::fit(&after.replace('`', ""), width))
        .max_term_width(MAX_HELP_WIDTH)
}

/// The widest help is laid out, however wide the terminal.
const MAX_HELP_WIDTH: usize = 100;

/// The arguments of this process, parsed with [`command`]'s help; exits with clap's message
/// (and status 2) on a bad argument, as `Cli::parse` does.
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_names_a_command_that_exists() {
        let cmd = Cli::command();
        for (name, list) in EXAMPLES {
            assert!(
                cmd.get_subcommands().any(|s| s.get_name() == *name),
                "{name}"
            );
            for (_, line) in *list {
                assert!(line.contains(&format!("careergraph {name}")), "{line}");
            }
        }
        for s in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            assert!(
                EXAMPLES.iter().any(|(n, _)| *n == s.get_name()),
                "no example for {}",
                s.get_name()
            );
        }
    }
}
