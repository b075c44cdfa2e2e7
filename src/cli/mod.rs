//! The command-line interface: arguments, and running a command to text the binary prints.
//!
//! [`run`] never prints and never exits: it returns what to write to standard output and
//! standard error and the exit status, so tests drive it directly.

mod args;
mod batch;
mod docs;
mod help;

pub use args::{Cli, ColorChoice, Command, Format, IdKind};
pub use help::{EXIT_STATUS, command, parse};

use std::io::{Read, Write};

use crate::diagnostics::{SourceText, render};
use crate::error::{Error, decode};
use crate::knowledge;
use crate::profile::{Assumption, Profile};
use crate::{Engine, report};

/// Largest profile accepted, in bytes.
pub const MAX_PROFILE_BYTES: u64 = 16 * 1024 * 1024;

/// Largest postings file accepted, in bytes.
pub const MAX_POSTINGS_BYTES: u64 = 256 * 1024 * 1024;

/// What a command produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit status: see [`EXIT_STATUS`].
    pub code: i32,
}

impl Output {
    fn ok(stdout: String) -> Self {
        Self {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    /// The error on standard error, exit 2; diagnostics coloured when `colour` is set.
    fn fail(err: &Error, colour: bool) -> Self {
        let stderr = match err {
            Error::Diagnostics(d) if colour => format!("{}\n", render(d, true).trim_end()),
            _ => format!("{err}\n"),
        };
        Self {
            stdout: String::new(),
            stderr,
            code: if matches!(err, Error::Write { .. }) {
                3
            } else {
                2
            },
        }
    }
}

/// The error to report for a write to `name`: `None` when it succeeded or the reader went away
/// (a broken pipe, as with `| head`, which is not an error).
pub fn write_failure(result: std::io::Result<()>, name: &str) -> Option<Error> {
    match result {
        Ok(()) => None,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => None,
        Err(e) => Some(Error::Write {
            path: name.to_string(),
            message: e.to_string(),
        }),
    }
}

/// Runs a command; `stdin` is read when a profile is `-`. `batch` records end up in
/// [`Output::stdout`] too (use [`run_streaming`] to write them as they are made).
pub fn run(cli: &Cli, stdin: &mut dyn Read) -> Output {
    let mut streamed = Vec::new();
    let mut out = run_streaming(cli, stdin, &mut streamed, false);
    if !streamed.is_empty() {
        out.stdout = format!("{}{}", String::from_utf8_lossy(&streamed), out.stdout);
    }
    out
}

/// Runs a command like [`run`], but `batch` writes its records to `stream` as they are made
/// (with a progress bar on standard error when `progress` is set and it is a terminal); every
/// other command's output is returned in [`Output`].
pub fn run_streaming(
    cli: &Cli,
    stdin: &mut dyn Read,
    stream: &mut (dyn Write + Send),
    progress: bool,
) -> Output {
    match execute(cli, stdin, stream, progress) {
        Ok(out) => out,
        Err(e) => Output::fail(&e, cli.colour_diagnostics),
    }
}

fn execute(
    cli: &Cli,
    stdin: &mut dyn Read,
    stream: &mut (dyn Write + Send),
    progress: bool,
) -> Result<Output, Error> {
    let json = cli.format == Format::Json;
    let ui = cli.options();
    let load = || match &cli.rules {
        Some(dir) => Engine::load_dir(dir),
        None => Engine::builtin(),
    };
    let formats = cli.command.formats();
    if !formats.contains(&cli.format) {
        let names: Vec<String> = formats.iter().map(|f| f.name()).collect();
        return Err(Error::Invalid(format!(
            "`{}` cannot write --format {}; it writes {}",
            cli.command.name(),
            cli.format.name(),
            names.join(", ")
        )));
    }
    let out = match &cli.command {
        Command::Validate { deny_warnings } => return validate(cli, *deny_warnings),
        Command::Graph { profile, to, from } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = match profile {
                Some(path) => Some(read_profile(&engine, path, stdin)?),
                None => None,
            };
            let view = crate::picture::build(
                &engine,
                crate::picture::Request {
                    profile: p.as_ref(),
                    from: from.as_deref(),
                    to: to.as_deref(),
                    lang: ui.lang,
                },
            )?;

            return Ok(Output::ok(match cli.format {
                Format::Json => report::json(&view),
                Format::Dot => crate::picture::dot::render(&view),
                Format::Mermaid => crate::picture::mermaid::render(&view),
                Format::Svg => crate::picture::svg::render(&view),
                Format::Text | Format::Markdown => report::fit(
                    &plain(cli, report::tidy(&crate::picture::text::render(&view, ui))),
                    ui.width,
                ),
            }));
        }
        Command::Batch {
            input,
            output,
            top,
            all,
            steps,
            jobs,
            brief,
            texts,
            other_certifications,
            line_buffered,
        } => {
            let request = batch::Request {
                input,
                output: output.as_deref(),
                options: crate::batch::Options {
                    recommend: crate::recommend::Options {
                        max_steps: usize::from(*steps),
                        top: (!*all).then_some(*top),
                    },
                    jobs: jobs.map_or_else(crate::batch::default_jobs, usize::from),
                    input_name: input.clone(),
                    output_name: output
                        .as_ref()
                        .map_or_else(|| "standard output".into(), |p| p.display().to_string()),
                    brief: *brief,
                    shape: crate::shape::Shape {
                        texts: *texts,
                        other_certifications: *other_certifications,
                    },
                    // A co-process waits for each record: flush them as they come unless the
                    // input is a file read through.
                    line_buffered: *line_buffered
                        || match input.as_str() {
                            "-" => !crate::outfile::stdin_is_regular_file(),
                            path => !std::fs::metadata(path).is_ok_and(|m| m.is_file()),
                        },
                },
                progress,
            };
            return batch::run(&load()?, &request, stdin, stream);
        }
        // A schema is JSON whatever the format.
        Command::Schema { kind } => return Ok(Output::ok(crate::schema::text(*kind))),
        Command::Completions { shell } => return Ok(Output::ok(docs::completions(*shell))),
        Command::Man => return Ok(Output::ok(docs::man())),
        Command::Ids { kind } => return Ok(Output::ok(ids(load()?.knowledge(), *kind))),
        Command::Recommend {
            profile,
            top,
            steps,
            assume,
        } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            let opts = crate::recommend::Options {
                max_steps: usize::from(*steps),
                top: *top,
            };
            if assume.is_empty() {
                let r = engine.recommend(&p, opts);
                output(json, &r, ui, report::recommend::text)
            } else {
                let a = Assumption::parse_all(assume, engine.knowledge())?;
                let c = engine.recommend_assuming(&p, opts, &a);
                output(json, &c, ui, report::whatif::recommend)
            }
        }
        Command::Explain { profile, role } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            output(json, &engine.explain(&p, role)?, ui, report::explain::text)
        }
        Command::Gaps {
            profile,
            target,
            assume,
        } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            if assume.is_empty() {
                output(json, &engine.gaps(&p, target)?, ui, report::gaps::text)
            } else {
                let a = Assumption::parse_all(assume, engine.knowledge())?;
                let c = engine.gaps_assuming(&p, target, &a)?;
                output(json, &c, ui, report::whatif::gaps)
            }
        }
        Command::Paths {
            from,
            to,
            k,
            steps,
            profile,
            assume,
        } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = match profile {
                Some(path) => Some(read_profile(&engine, path, stdin)?),
                None => None,
            };
            if let (Some(_), Some(n)) = (to, steps) {
                return Err(Error::Invalid(format!(
                    "--steps {n} only applies without --to (where a role leads); a route to \
                     --to has at most {} steps: drop --steps",
                    crate::graph::MAX_HOPS
                )));
            }
            match (to, p.as_ref(), assume.is_empty()) {
                (_, None, false) => {
                    return Err(Error::Invalid(
                        "--assume needs --profile: the assumptions are added to a profile".into(),
                    ));
                }
                (None, _, false) => {
                    return Err(Error::Invalid(
                        "--assume needs --to: it compares the routes to one goal".into(),
                    ));
                }
                (Some(to), Some(p), false) => {
                    let a = Assumption::parse_all(assume, engine.knowledge())?;
                    let c = engine.paths_assuming(from, to, *k, p, &a)?;
                    output(json, &c, ui, report::whatif::paths)
                }
                (Some(to), p, true) => output(
                    json,
                    &engine.paths(from, to, *k, p)?,
                    ui,
                    report::paths::text,
                ),
                (None, p, true) => output(
                    json,
                    &engine.destinations(from, steps.unwrap_or(2), p)?,
                    ui,
                    report::paths::text,
                ),
            }
        }
        Command::Income { profile, top } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            let r = engine.income(&p, *top);
            output(json, &r, ui, report::income::text)
        }
        Command::Rate { profile } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            let r = engine.rate(&p)?;
            output(json, &r, ui, report::rate::text)
        }
        Command::Jobs {
            profile,
            postings,
            top,
        } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            let list = match postings {
                Some(path) => {
                    let text = crate::error::read_text(path, MAX_POSTINGS_BYTES)?;
                    let name = path.display().to_string();
                    let list = engine.postings(&SourceText::new(name.clone(), text))?;
                    Some((name, list))
                }
                None => None,
            };
            let r = engine.jobs(
                &p,
                list.as_ref().map(|(n, l)| (n.as_str(), l.as_slice())),
                *top,
            );
            output(json, &r, ui, report::jobs::text)
        }
        Command::Report {
            profile,
            target,
            output,
        } => {
            let engine = load()?;
            let ui = ui.citing(engine.knowledge());
            let p = read_profile(&engine, profile, stdin)?;
            let report = crate::html::build(&engine, &p, target.as_deref(), ui.lang)?;
            let page = crate::html::page::render(&report);
            return Ok(match output {
                None => Output::ok(page),
                Some(path) => {
                    let input = match profile.as_str() {
                        "-" => crate::outfile::Input::Stdin,
                        p => crate::outfile::Input::Path(std::path::Path::new(p)),
                    };
                    crate::outfile::refuse_same(input, path)?;
                    let mut file = crate::outfile::OutputFile::create(path)?;
                    file.write_all(page.as_bytes()).map_err(|e| Error::Write {
                        path: path.display().to_string(),
                        message: e.to_string(),
                    })?;
                    file.commit()?;
                    Output {
                        stdout: String::new(),
                        stderr: format!("wrote {}\n", path.display()),
                        code: 0,
                    }
                }
            });
        }
        Command::Roles => report::catalog::roles(load()?.knowledge(), style(cli.format), ui),
        Command::Role { id } => {
            let engine = load()?;
            let kb = engine.knowledge();
            let ui = ui.citing(kb);
            report::catalog::role(kb, kb.require_role(id, "the ROLE argument")?, json, ui)
        }
        Command::Certs => {
            let engine = load()?;
            let kb = engine.knowledge();
            report::catalog::certs(kb, style(cli.format), ui.citing(kb))
        }
        Command::Sources => {
            let engine = load()?;
            let kb = engine.knowledge();
            report::sources::list(&kb.sources, kb.has_registry, style(cli.format), ui)
        }
        Command::Skills => report::catalog::skills(load()?.knowledge(), style(cli.format), ui),
        Command::Preferences => report::catalog::preferences(load()?.knowledge(), json, ui),
    };
    Ok(Output::ok(match cli.format {
        Format::Json => out,
        Format::Markdown => plain(cli, report::tidy_markdown(&out)),
        _ => report::fit(&plain(cli, report::tidy(&out)), ui.width),
    }))
}

/// The ids of a vocabulary, one per line, in the knowledge base's order.
fn ids(kb: &knowledge::KnowledgeBase, kind: IdKind) -> String {
    let list: Vec<&str> = match kind {
        IdKind::Roles => kb.roles.iter().map(|r| r.id.as_str()).collect(),
        IdKind::Skills => kb.skills.iter().map(|s| s.id.as_str()).collect(),
        IdKind::Certs => kb.certifications.iter().map(|c| c.id.as_str()).collect(),
        IdKind::Phases => kb.phases.iter().map(|p| p.id.as_str()).collect(),
        IdKind::Preferences => kb.preferences.iter().map(|p| p.id.as_str()).collect(),
    };
    let mut out = list.join("\n");
    out.push('\n');
    out
}

/// Text already made [terminal-safe](report::terminal_safe), without even a colour sequence from
/// user data when careergraph does not colour.
fn plain(cli: &Cli, text: String) -> String {
    if cli.color == ColorChoice::Always {
        text
    } else {
        crate::diagnostics::escape_controls(&text)
    }
}

/// How a catalog list is written for a format.
fn style(format: Format) -> report::Style {
    match format {
        Format::Json => report::Style::Json,
        Format::Markdown => report::Style::Markdown,
        _ => report::Style::Text,
    }
}

/// JSON (with the registry entries its sources name), or the text a renderer makes.
fn output<T: serde::Serialize>(
    json: bool,
    value: &T,
    opts: report::Options,
    text: impl Fn(&T, report::Options) -> String,
) -> String {
    if json {
        report::sources::cited_json(value, opts.registry)
    } else {
        text(value, opts)
    }
}

fn validate(cli: &Cli, deny_warnings: bool) -> Result<Output, Error> {
    let (sources, origin) = match &cli.rules {
        Some(dir) => (knowledge::read_dir_sources(dir)?, dir.display().to_string()),
        None => (
            knowledge::builtin_sources(),
            report::validate::BUILTIN.to_string(),
        ),
    };
    let files = sources.len();
    let v = knowledge::validate(sources);
    let failed = v.errors() > 0 || (deny_warnings && v.warnings() > 0);
    let summary = report::validate::Summary {
        origin,
        files,
        errors: v.errors(),
        warnings: v.warnings(),
        ok: !failed,
        counts: v.knowledge_base.as_ref().map(report::validate::Counts::of),
        diagnostics: v.diagnostics,
    };
    let json = cli.format == Format::Json;
    let (stdout, stderr) = if json {
        (report::json(&summary), String::new())
    } else {
        (
            report::fit(
                &report::validate::text(&summary, cli.options()),
                cli.options().width,
            ),
            render(&summary.diagnostics, cli.colour_diagnostics),
        )
    };
    Ok(Output {
        stdout,
        stderr,
        code: i32::from(failed),
    })
}

/// Reads a profile from a file or, for `-`, standard input, and checks it.
fn read_profile(engine: &Engine, path: &str, stdin: &mut dyn Read) -> Result<Profile, Error> {
    let (name, text) = if path == "-" {
        let mut bytes = Vec::new();
        stdin
            .take(MAX_PROFILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::Io {
                path: "<stdin>".into(),
                message: e.to_string(),
            })?;
        if bytes.len() as u64 > MAX_PROFILE_BYTES {
            return Err(Error::Io {
                path: "<stdin>".into(),
                message: format!("is over the profile limit of {MAX_PROFILE_BYTES} bytes"),
            });
        }
        let text = decode(bytes).map_err(|message| Error::Io {
            path: "<stdin>".into(),
            message,
        })?;
        ("<stdin>".to_string(), text)
    } else {
        let text = crate::error::read_text(std::path::Path::new(path), MAX_PROFILE_BYTES)?;
        (path.to_string(), text)
    };
    engine.profile(&SourceText::new(name, text))
}
