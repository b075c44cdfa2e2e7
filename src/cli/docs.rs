//! Shell completions and the man page, generated from the clap definition ([`super::command`])
//! so they never drift from the real arguments.

use std::fmt::Write as _;

use super::help::{ENVIRONMENT, EXAMPLES, EXIT_STATUS, FILES};

/// The completion script for `shell`: clap's, plus (for bash and fish) role ids after
/// `--target`, `--role`, `--from`, `--to` and `role`, asked of `careergraph ids roles` when
/// completing, so they follow the knowledge base (and `--rules DIR` on the line, in bash).
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut cmd = super::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "careergraph", &mut out);
    let mut script = String::from_utf8_lossy(&out).into_owned();
    match shell {
        clap_complete::Shell::Bash => script.push_str(BASH_IDS),
        clap_complete::Shell::Fish => script.push_str(FISH_IDS),
        _ => {}
    }
    script
}

/// Bash: role ids where a role is expected, clap's completion everywhere else.
const BASH_IDS: &str = r#"
# Role ids where a role is expected (careergraph's addition to clap's script).
_careergraph_ids() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" i
    local rules=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ "${COMP_WORDS[i]}" == --rules ]]; then
            rules=(--rules "${COMP_WORDS[i+1]}")
        fi
    done
    case "$prev" in
        --target|--role|--from|--to|role)
            local ids
            ids="$("${COMP_WORDS[0]}" "${rules[@]}" ids roles 2>/dev/null)"
            COMPREPLY=( $(compgen -W "$ids" -- "$cur") )
            return 0
            ;;
    esac
    _careergraph "$@"
}
complete -F _careergraph_ids -o bashdefault -o default careergraph
"#;

/// Fish: role ids where a role is expected.
const FISH_IDS: &str = r#"
# Role ids where a role is expected (careergraph's addition to clap's script).
complete -c careergraph -l target -xa '(careergraph ids roles 2>/dev/null)'
complete -c careergraph -l role -xa '(careergraph ids roles 2>/dev/null)'
complete -c careergraph -l from -xa '(careergraph ids roles 2>/dev/null)'
complete -c careergraph -l to -xa '(careergraph ids roles 2>/dev/null)'
complete -c careergraph -n "__fish_careergraph_using_subcommand role" -xa '(careergraph ids roles 2>/dev/null)'
"#;

/// Text for roff: backslashes and hyphens escaped, a leading `.` or `'` made literal, and
/// `code` in bold.
fn roff(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut bold = false;
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '`' => {
                out.push_str(if bold { "\\fR" } else { "\\fB" });
                bold = !bold;
            }
            _ => out.push(c),
        }
    }
    if bold {
        out.push_str("\\fR");
    }
    out.lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// How an argument is written in a synopsis or an option list: `\fB\-\-top\fR \fIN\fR`,
/// `\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR`, or `\fIPROFILE\fR` for a positional one.
fn flag(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    if arg.is_positional() {
        return format!("\\fI{}\\fR", roff(&value));
    }
    let mut names = Vec::new();
    if let Some(s) = arg.get_short() {
        names.push(format!("\\fB\\-{s}\\fR"));
    }
    if let Some(l) = arg.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", roff(l)));
    }
    let mut out = names.join(", ");
    if arg.get_action().takes_values() {
        let _ = write!(out, " \\fI{}\\fR", roff(&value));
    }
    out
}

/// The options of a command as `.TP` paragraphs: flag, help, possible values and default.
fn options(out: &mut String, cmd: &clap::Command) {
    for arg in cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !matches!(a.get_id().as_str(), "help" | "version"))
    {
        let help = arg
            .get_long_help()
            .or_else(|| arg.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        let _ = writeln!(out, ".TP\n{}\n{}", flag(arg), roff(&help));
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            let _ = writeln!(out, ".br\nOne of: {}.", roff(&values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && arg.get_action().takes_values() {
            let _ = writeln!(out, ".br\nDefault: {}.", roff(&defaults.join(", ")));
        }
    }
}

/// The synopsis of a command: `careergraph NAME [OPTIONS] PROFILE`.
fn synopsis(cmd: &clap::Command) -> String {
    let mut out = format!("\\fBcareergraph {}\\fR", roff(cmd.get_name()));
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        out.push_str(" [\\fIOPTIONS\\fR]");
    }
    for a in cmd.get_positionals() {
        if a.is_required_set() {
            let _ = write!(out, " {}", flag(a));
        } else {
            let _ = write!(out, " [{}]", flag(a));
        }
    }
    out
}

/// A list of (term, text) pairs as `.TP` paragraphs.
fn terms(out: &mut String, list: &[(&str, &str)]) {
    for (term, text) in list {
        let _ = writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(term), roff(text));
    }
}

/// The man page, `careergraph(1)`, as roff: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (the global
/// ones), COMMANDS (a subsection per command with its synopsis, description, options, formats
/// and notes), EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO, as `rg --generate man`
/// writes one page for everything.
pub fn man() -> String {
    let cmd = super::command();
    let version = env!("CARGO_PKG_VERSION");
    let mut out = String::new();
    let _ = writeln!(
        out,
        ".TH CAREERGRAPH 1 \"\" \"careergraph {version}\" \"User Commands\"\n.SH NAME\n\
         careergraph \\- rule\\-based IT career recommendations for Japan's IT market"
    );
    let _ = writeln!(
        out,
        ".SH SYNOPSIS\n\\fBcareergraph\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]"
    );
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    let _ = writeln!(
        out,
        ".SH DESCRIPTION\n{}\n.PP\nEach answer is explained (which rule gave what, and why) and \
         cites its sources. Text output is for people (in English or Japanese); \
         \\fB\\-\\-format json\\fR is for scripts, with stable field names.",
        roff(&about)
    );
    let _ = writeln!(out, ".SH OPTIONS\nThese apply to every command.");
    options(&mut out, &cmd);
    let _ = writeln!(out, ".SH COMMANDS");
    for sub in cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help" && !s.is_hide_set())
    {
        let _ = writeln!(out, ".SS {}\n{}", sub.get_name(), synopsis(sub));
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        let _ = writeln!(out, ".PP\n{}", roff(&about));
        options(&mut out, sub);
        // The notes after the options, without the examples (they are under EXAMPLES).
        if let Some(after) = sub.get_after_help() {
            let notes = after.to_string();
            let notes = notes.split("\n\nExamples:").next().unwrap_or_default();
            for para in notes.split("\n\n").filter(|p| !p.trim().is_empty()) {
                let _ = writeln!(out, ".PP\n{}", roff(para.trim()));
            }
        }
    }
    let _ = writeln!(out, ".SH \"EXIT STATUS\"");
    terms(&mut out, EXIT_STATUS);
    let _ = writeln!(out, ".SH ENVIRONMENT");
    terms(&mut out, ENVIRONMENT);
    let _ = writeln!(out, ".SH FILES");
    terms(&mut out, FILES);
    let _ = writeln!(out, ".SH EXAMPLES");
    for (_, list) in EXAMPLES {
        for (what, line) in *list {
            let _ = writeln!(out, ".TP\n{}\n.nf\n\\fB{}\\fR\n.fi", roff(what), roff(line));
        }
    }
    let _ = writeln!(
        out,
        ".SH \"SEE ALSO\"\nThe README and docs/ in the careergraph repository: the profile \
         format, the JSON fields, the rule files and their sources."
    );
    out
}
