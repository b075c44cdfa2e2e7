//! The `careergraph` command: parse arguments, run, print, exit.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = careergraph::cli::Cli::parse();
    // `batch` streams its records to standard output as it goes; other commands return theirs.
    let out = careergraph::cli::run_streaming(
        &cli,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout(),
        true,
    );
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().lock().write_all(out.stderr.as_bytes());
    ExitCode::from(u8::try_from(out.code).unwrap_or(2))
}
