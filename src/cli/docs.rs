//! Shell completions and the man page, generated from the clap definition so they never drift
//! from the real arguments.

use clap::CommandFactory;

use super::Cli;
use crate::error::Error;

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "careergraph", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page (roff): `careergraph(1)`, followed by one page per command
/// (`careergraph-recommend(1)` …) so every option is documented in one stream.
pub fn man() -> Result<String, Error> {
    let mut cmd = Cli::command();
    // Building fills in each command's full name (`careergraph recommend`) for its synopsis.
    cmd.build();
    let mut out = Vec::new();
    let render_err = |e: std::io::Error| Error::Invalid(format!("cannot render the man page: {e}"));
    clap_mangen::Man::new(cmd.clone())
        .render(&mut out)
        .map_err(render_err)?;
    let source = format!("careergraph {}", env!("CARGO_PKG_VERSION"));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        clap_mangen::Man::new(sub.clone())
            .source(source.clone())
            .render(&mut out)
            .map_err(render_err)?;
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}
