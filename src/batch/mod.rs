//! Batch scoring: one profile per line in (JSON Lines), one record per line out, in input order.
//!
//! Input is read in chunks of lines; worker threads score chunks while the next ones are read,
//! and a writer puts the records back in input order. At most a fixed number of chunks is in
//! flight at any time, so memory does not grow with the size of the input.
//!
//! Each input line gives exactly one output line (a JSON object):
//!
//! - `{"line": N, "status": "ok", "profile": …, "recommendations": […], "notes": […],
//!   "certifications": […]}`: what `recommend --format json` prints for that profile, in the
//!   record's [`Options::shape`]: by default (a machine record, [`MACHINE_SHAPE`]) without texts
//!   (names, reasons' and notes' words: take them from the catalogue, `careergraph roles`,
//!   `skills`, `certs --format json`) and without `other_certifications`; the top
//!   [`DEFAULT_TOP`] roles unless [`recommend::Options::top`] says otherwise. The schema of a
//!   record is `careergraph schema batch` (`schemas/batch.schema.json`);
//! - `{"line": N, "status": "error", "errors": [{"code": …, "message": …, "line": N, "column": …,
//!   "pointer": …, "help": …}, …]}`: the same diagnostics as for a single profile, placed at the
//!   input line;
//!   With [`Options::brief`] an `ok` record is `{"line": N, "status": "ok", "recommendations":
//!   [{"role": …, "score": …, "fit": …, "readiness": …, "months_to_ready": …, "essential_gaps":
//!   […]}, …]}` (see [`recommend::brief`]), ranked as the full record but without explanations;
//! - `{"line": N, "status": "blank"}` for an empty line (or one of only whitespace), which is
//!   neither scored nor counted as failed.
//!
//! ```
//! use careergraph::{Engine, batch};
//!
//! let engine = Engine::builtin()?;
//! let input = "{\"skills\": {\"linux\": 3}}\n{\"skills\": {\"linuxx\": 3}}\n";
//! let mut out = Vec::new();
//! let summary = batch::run(&engine, input.as_bytes(), &mut out, &batch::Options::default(), &|_| {})?;
//! assert_eq!((summary.ok, summary.failed), (1, 1));
//! assert_eq!(String::from_utf8_lossy(&out).lines().count(), 2);
//! # Ok::<(), careergraph::Error>(())
//! ```

pub mod lines;
pub mod record;

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::{Engine, Error, recommend};
use lines::{Chunk, LineReader};
pub use record::Status;

/// Longest input line accepted, in bytes; a longer line gets a `line-too-long` error record.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// Lines per chunk of work.
const CHUNK_LINES: usize = 64;
/// Lines per chunk of brief records: each is a few dozen microseconds of work and about a
/// kilobyte of output, so bigger chunks keep the hand-offs between threads rare.
const BRIEF_CHUNK_LINES: usize = 512;
/// Input bytes per chunk of work (a chunk ends at the first line past this).
const CHUNK_BYTES: u64 = 256 * 1024;
/// Failed line numbers kept for the summary.
const FAILED_SHOWN: usize = 10;

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct Options {
    /// Recommendation options, as for `recommend`.
    pub recommend: recommend::Options,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// The input's name, shown in diagnostics.
    pub input_name: String,
    /// Brief records (`--brief`): per recommendation only the role, score, fit, readiness,
    /// months to ready and essential skill gaps; nothing is explained.
    pub brief: bool,
    /// The shape of full records: which texts they carry and whether they list
    /// `other_certifications` (see [`crate::shape`]). [`Options::default`] gives the machine
    /// shape: no texts, no other certifications.
    pub shape: crate::shape::Shape,
    /// The output's name, shown when it cannot be written.
    pub output_name: String,
    /// Write each chunk of records as soon as it is ready, and end a chunk whenever no more
    /// input is waiting: for a co-process that feeds a line and waits for its record.
    pub line_buffered: bool,
}

/// Recommendations per profile a batch keeps unless told otherwise (`batch --top`).
pub const DEFAULT_TOP: usize = 5;

/// The shape of a batch record unless told otherwise: ids, numbers and codes, no texts, no
/// `other_certifications`.
pub const MACHINE_SHAPE: crate::shape::Shape = crate::shape::Shape {
    texts: crate::shape::Texts::None,
    other_certifications: false,
};

impl Default for Options {
    fn default() -> Self {
        Self {
            recommend: recommend::Options {
                top: Some(DEFAULT_TOP),
                ..recommend::Options::default()
            },
            jobs: default_jobs(),
            input_name: "<stdin>".into(),
            brief: false,
            shape: MACHINE_SHAPE,
            output_name: "standard output".into(),
            line_buffered: false,
        }
    }
}

/// The number of cores available (1 when it cannot be told).
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// What a batch run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines read (one record written for each).
    pub lines: u64,
    /// Lines scored.
    pub ok: u64,
    /// Lines that were not a valid profile.
    pub failed: u64,
    /// Blank lines.
    pub blank: u64,
    /// The first failed line numbers (at most ten).
    pub failed_lines: Vec<u64>,
    /// The output was closed early (a broken pipe, as with `| head`): the run stopped there.
    pub output_closed: bool,
}

impl Summary {
    fn add(&mut self, other: &Summary) {
        self.lines += other.lines;
        self.ok += other.ok;
        self.failed += other.failed;
        self.blank += other.blank;
        for n in &other.failed_lines {
            if self.failed_lines.len() < FAILED_SHOWN {
                self.failed_lines.push(*n);
            }
        }
    }

    fn count(&mut self, number: u64, status: Status) {
        self.lines += 1;
        match status {
            Status::Ok => self.ok += 1,
            Status::Blank => self.blank += 1,
            Status::Failed => {
                self.failed += 1;
                if self.failed_lines.len() < FAILED_SHOWN {
                    self.failed_lines.push(number);
                }
            }
        }
    }
}

/// Progress so far: lines written and input bytes they covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Lines written.
    pub lines: u64,
    /// Input bytes consumed.
    pub bytes: u64,
}

/// A scored chunk: its records and counts.
struct Done {
    seq: u64,
    bytes: u64,
    records: Vec<u8>,
    summary: Summary,
}

fn score(engine: &Engine, options: &Options, chunk: &Chunk, mut records: Vec<u8>) -> Done {
    records.clear();
    records.reserve(chunk.lines.len() * 256);
    let mut summary = Summary::default();
    for (i, line) in chunk.lines.iter().enumerate() {
        let number = chunk.first + i as u64;
        let status = record::write(engine, options, number, line, &mut records);
        summary.count(number, status);
    }
    Done {
        seq: chunk.seq,
        bytes: chunk.bytes,
        records,
        summary,
    }
}

fn chunk_lines(options: &Options) -> usize {
    if options.brief {
        BRIEF_CHUNK_LINES
    } else {
        CHUNK_LINES
    }
}

fn read_error(e: &io::Error, options: &Options) -> Error {
    Error::Io {
        path: options.input_name.clone(),
        message: e.to_string(),
    }
}

/// A write error naming the output; `Ok(false)` for a closed pipe, which just ends the run.
fn written(
    result: io::Result<()>,
    summary: &mut Summary,
    options: &Options,
) -> Result<bool, Error> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            summary.output_closed = true;
            Ok(false)
        }
        Err(e) => Err(Error::Write {
            path: options.output_name.clone(),
            message: e.to_string(),
        }),
    }
}

/// Writes a chunk's records, flushed at once when line-buffered.
fn put<W: Write>(output: &mut W, records: &[u8], options: &Options) -> io::Result<()> {
    output.write_all(records)?;
    if options.line_buffered {
        output.flush()?;
    }
    Ok(())
}

/// Scores every line of `input`, writing one record per line to `output` in input order;
/// `progress` is called after each chunk is written. Fails only when the input cannot be read or
/// the output written: a bad line gives an error record and the run goes on.
pub fn run<R: BufRead, W: Write + Send>(
    engine: &Engine,
    input: R,
    output: W,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Summary, Error> {
    let mut reader = LineReader::new(input, MAX_LINE_BYTES);
    reader.eager(options.line_buffered);
    let mut output = io::BufWriter::with_capacity(256 * 1024, output);
    let mut summary = Summary::default();
    if options.jobs <= 1 {
        let mut done = Progress::default();
        let mut buffer = Vec::new();
        while let Some(chunk) = reader
            .chunk(chunk_lines(options), CHUNK_BYTES)
            .map_err(|e| read_error(&e, options))?
        {
            buffer.clear();
            let d = score(engine, options, &chunk, buffer);
            if !written(put(&mut output, &d.records, options), &mut summary, options)? {
                return Ok(summary);
            }
            summary.add(&d.summary);
            done.lines += d.summary.lines;
            done.bytes += d.bytes;
            progress(done);
            buffer = d.records;
        }
    } else {
        summary = parallel(engine, &mut reader, &mut output, options, progress)?;
    }
    written(output.flush(), &mut summary, options)?;
    Ok(summary)
}

/// Reader on this thread, `jobs` workers, and a writer that restores input order. A fixed number
/// of tickets bounds the chunks in flight (read but not yet written).
fn parallel<R: BufRead, W: Write + Send>(
    engine: &Engine,
    reader: &mut LineReader<R>,
    output: &mut W,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Summary, Error> {
    let jobs = options.jobs;
    let tickets = 2 * jobs + 2;
    // A ticket is a record buffer: the writer empties it and hands it back for the next chunk.
    // The same few buffers go round in turn from the first chunks on, so memory reaches its
    // plateau (tickets × the largest chunk of records) early in a run and stays there.
    let (ticket_tx, ticket_rx) = sync_channel::<Vec<u8>>(tickets);
    for _ in 0..tickets {
        let _ = ticket_tx.send(Vec::new());
    }
    let (work_tx, work_rx) = sync_channel::<(Chunk, Vec<u8>)>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<Done>(jobs);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || worker(engine, options, work_rx, &done_tx));
        }
        drop(done_tx);
        let writer =
            scope.spawn(move || write_in_order(output, &done_rx, &ticket_tx, options, progress));
        let mut read_result = Ok(());
        // No ticket: the writer has stopped (an output error); stop reading.
        while let Ok(buffer) = ticket_rx.recv() {
            match reader.chunk(chunk_lines(options), CHUNK_BYTES) {
                Ok(Some(chunk)) => {
                    if work_tx.send((chunk, buffer)).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    read_result = Err(read_error(&e, options));
                    break;
                }
            }
        }
        drop(work_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Error::Invalid("the batch writer stopped".into())));
        read_result.and(written)
    })
}

fn worker(
    engine: &Engine,
    options: &Options,
    work: &Mutex<Receiver<(Chunk, Vec<u8>)>>,
    done: &SyncSender<Done>,
) {
    // After the writer stops, keep taking chunks (without scoring them) so the reader never
    // waits on a full queue; it stops when its tickets run out.
    let mut writer_gone = false;
    loop {
        let next = work.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((chunk, buffer)) = next else { return };
        if !writer_gone && done.send(score(engine, options, &chunk, buffer)).is_err() {
            writer_gone = true;
        }
    }
}

fn write_in_order<W: Write>(
    output: &mut W,
    done: &Receiver<Done>,
    tickets: &SyncSender<Vec<u8>>,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Summary, Error> {
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    let mut summary = Summary::default();
    let mut at = Progress::default();
    for d in done {
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            if !written(put(output, &d.records, options), &mut summary, options)? {
                return Ok(summary);
            }
            summary.add(&d.summary);
            at.lines += d.summary.lines;
            at.bytes += d.bytes;
            progress(at);
            next += 1;
            let mut buffer = d.records;
            buffer.clear();
            let _ = tickets.send(buffer);
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(input: &str, jobs: usize) -> (Summary, Vec<serde_json::Value>) {
        batch_with(input, jobs, false)
    }

    fn batch_with(input: &str, jobs: usize, brief: bool) -> (Summary, Vec<serde_json::Value>) {
        let engine = Engine::builtin().expect("builtin");
        let mut out = Vec::new();
        let options = Options {
            jobs,
            recommend: recommend::Options {
                max_steps: 2,
                top: Some(2),
            },
            input_name: "in.jsonl".into(),
            brief,
            shape: MACHINE_SHAPE,
            ..Options::default()
        };
        let s = run(&engine, input.as_bytes(), &mut out, &options, &|_| {}).expect("runs");
        let records = String::from_utf8(out)
            .expect("UTF-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        (s, records)
    }

    #[test]
    fn one_record_per_line_in_order_on_any_number_of_threads() {
        let good = r#"{"current_role": "infra-engineer", "skills": {"linux": 3}}"#;
        let mut input = String::new();
        for i in 0..300 {
            match i % 7 {
                3 => input.push_str("{\"skills\": {\"linuxx\": 1}}\n"),
                5 => input.push_str("  \n"),
                6 => input.push_str("{\"skills\": \n"),
                _ => {
                    input.push_str(good);
                    input.push('\n');
                }
            }
        }
        let (one, first) = batch(&input, 1);
        let (three, second) = batch(&input, 3);
        assert_eq!(one, three);
        assert_eq!(first, second);
        assert_eq!(first.len(), 300);
        assert_eq!(one.lines, 300);
        assert_eq!(one.ok + one.failed + one.blank, 300);
        assert_eq!(one.failed_lines, [4, 7, 11, 14, 18, 21, 25, 28, 32, 35]);
        for (i, r) in first.iter().enumerate() {
            assert_eq!(r["line"], i as u64 + 1);
        }
        assert_eq!(first[3]["status"], "error");
        assert_eq!(first[3]["errors"][0]["code"], "unknown-skill");
        assert_eq!(first[3]["errors"][0]["line"], 4);
        assert_eq!(first[5]["status"], "blank");
        assert_eq!(first[6]["errors"][0]["code"], "malformed-json");
        assert_eq!(first[0]["status"], "ok");
        assert_eq!(
            first[0]["recommendations"].as_array().map(Vec::len),
            Some(2)
        );
    }

    /// Brief records come in bigger chunks: many chunks, any number of threads, same order,
    /// and each line's status and roles those of the full records.
    #[test]
    fn brief_records_keep_line_order_across_chunks() {
        let good = r#"{"current_role": "infra-engineer", "skills": {"linux": 3}}"#;
        let other = r#"{"skills": {"java": 4, "sql": 3}, "years_experience": 3}"#;
        let mut input = String::new();
        for i in 0..(3 * BRIEF_CHUNK_LINES + 17) {
            match i % 5 {
                1 => input.push_str("{\"skills\": {\"linuxx\": 1}}\n"),
                2 => input.push_str("  \n"),
                3 => input.push_str(other),
                _ => input.push_str(good),
            }
            if i % 5 != 1 && i % 5 != 2 {
                input.push('\n');
            }
        }
        let (full_summary, full) = batch_with(&input, 1, false);
        assert_eq!(full.len(), 3 * BRIEF_CHUNK_LINES + 17);
        assert!(full_summary.blank > 0 && full_summary.failed > 0);
        for jobs in [1, 2, 3] {
            let (summary, brief) = batch_with(&input, jobs, true);
            assert_eq!(summary, full_summary);
            assert_eq!(brief.len(), full.len());
            for (i, (b, f)) in brief.iter().zip(&full).enumerate() {
                assert_eq!(b["line"], i as u64 + 1);
                assert_eq!(b["status"], f["status"]);
                if b["status"] == "ok" {
                    let roles = |r: &serde_json::Value| -> Vec<serde_json::Value> {
                        let list = r["recommendations"].as_array().cloned().unwrap_or_default();
                        list.iter().map(|x| x["role"].clone()).collect()
                    };
                    assert_eq!(roles(b), roles(f), "line {}", i + 1);
                } else {
                    assert_eq!(b, f);
                }
            }
        }
    }
}
