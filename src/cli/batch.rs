//! The `batch` command: open the input and output, draw progress, summarise on standard error.

use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use super::Output;
use crate::batch::{self, Progress, Summary};
use crate::outfile::OutputFile;
use crate::{Engine, Error};

/// A batch to run.
pub(super) struct Request<'a> {
    /// Input path or `-`.
    pub input: &'a str,
    /// Output path; standard output (the stream) when `None`.
    pub output: Option<&'a Path>,
    /// Options.
    pub options: batch::Options,
    /// Whether a progress bar may be drawn (only on a terminal).
    pub progress: bool,
}

/// Runs a batch; the exit status is 2 when any line failed.
pub(super) fn run(
    engine: &Engine,
    request: &Request,
    stdin: &mut dyn Read,
    stream: &mut (dyn Write + Send),
) -> Result<Output, Error> {
    let io = |path: &str, e: std::io::Error| Error::Io {
        path: path.to_string(),
        message: e.to_string(),
    };
    // Before anything is opened for writing: the output may not be the input.
    if let Some(path) = request.output {
        let input = match request.input {
            "-" => crate::outfile::Input::Stdin,
            p => crate::outfile::Input::Path(Path::new(p)),
        };
        crate::outfile::refuse_same(input, path)?;
    }
    let (input, total): (Box<dyn BufRead>, Option<u64>) = if request.input == "-" {
        (Box::new(BufReader::with_capacity(256 * 1024, stdin)), None)
    } else {
        let path = Path::new(request.input);
        if path.is_dir() {
            return Err(io(
                request.input,
                std::io::Error::other("is a directory, not a file"),
            ));
        }
        let file = std::fs::File::open(path).map_err(|e| io(request.input, e))?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(256 * 1024, file)), size)
    };
    let bar = (request.progress && std::io::stderr().is_terminal()).then(|| bar(total));
    let draw = |p: Progress| {
        if let Some(b) = &bar {
            match total {
                Some(_) => b.set_position(p.bytes),
                None => b.set_position(p.lines),
            }
        }
    };
    // An output file is written beside its target and renamed into place once the run
    // succeeds: a failed or interrupted run leaves the old file as it was.
    let summary = match request.output {
        Some(path) => {
            let mut file = OutputFile::create(path)?;
            batch::run(engine, input, &mut file, &request.options, &draw)
                .and_then(|s| file.commit().map(|()| s))
        }
        None => batch::run(engine, input, stream, &request.options, &draw),
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let summary = summary?;
    Ok(Output {
        stdout: String::new(),
        stderr: summary_text(&summary),
        code: if summary.failed > 0 { 2 } else { 0 },
    })
}

fn bar(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(bytes) => (
            ProgressBar::new(bytes),
            "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {pos} lines {per_sec}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// `batch: 100 lines, 98 ok, 1 failed (line 7), 1 blank`.
pub(super) fn summary_text(s: &Summary) -> String {
    let mut out = format!(
        "batch: {} line{}, {} ok, {} failed",
        s.lines,
        if s.lines == 1 { "" } else { "s" },
        s.ok,
        s.failed
    );
    if !s.failed_lines.is_empty() {
        let list: Vec<String> = s.failed_lines.iter().map(u64::to_string).collect();
        let more = if s.failed > s.failed_lines.len() as u64 {
            " …"
        } else {
            ""
        };
        let word = if s.failed == 1 { "line" } else { "lines" };
        out.push_str(&format!(" ({word} {}{more})", list.join(", ")));
    }
    out.push_str(&format!(", {} blank", s.blank));
    if s.output_closed {
        out.push_str(" (stopped: the output was closed)");
    }
    out.push('\n');
    out
}
