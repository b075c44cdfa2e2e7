//! The `careergraph` command: parse arguments, settle what depends on the environment (the
//! language from the locale, colour from the terminal and `NO_COLOR`, the width of text), run,
//! print, exit.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use careergraph::cli::ColorChoice;
use careergraph::lang::Lang;

fn main() -> ExitCode {
    let mut cli = careergraph::cli::parse();
    // SIGINT/SIGTERM/SIGHUP: remove a half-written output file, exit 128 + the signal.
    if let Err(e) = careergraph::outfile::handle_signals() {
        eprintln!("{e}");
    }
    let var = |name: &str| std::env::var(name).ok();
    if cli.lang.is_none() {
        cli.lang = Some(Lang::from_env_values(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        ));
    }
    // Text fits the terminal: `--width`, else COLUMNS, else standard output's width, else 80.
    if cli.width.is_none() {
        let terminal = std::io::stdout()
            .is_terminal()
            .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .flatten();
        cli.width = Some(careergraph::report::settle_width(
            var("COLUMNS").as_deref(),
            terminal,
        ));
    }
    // https://no-color.org: a set, non-empty NO_COLOR turns colour off. `auto` is settled per
    // stream: standard output for the answer, standard error for the diagnostics.
    let no_color = var("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colour = |terminal: bool| match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    };
    cli.colour_diagnostics = colour(std::io::stderr().is_terminal());
    cli.color = if colour(std::io::stdout().is_terminal()) {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    };
    // `batch` streams its records to standard output as it goes; other commands return theirs.
    let out = careergraph::cli::run_streaming(
        &cli,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout(),
        true,
    );
    // A closed pipe (e.g. `| head`) is not an error worth reporting; any other write error is
    // (exit 3), a full disk first among them.
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(out.stdout.as_bytes())
        .and_then(|()| stdout.flush());
    let failed = careergraph::cli::write_failure(written, "standard output");
    let _ = std::io::stderr().lock().write_all(out.stderr.as_bytes());
    if let Some(e) = failed {
        eprintln!("{e}");
        return ExitCode::from(3);
    }
    ExitCode::from(u8::try_from(out.code).unwrap_or(2))
}
