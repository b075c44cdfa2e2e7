//! Output files that are written whole or not at all.
//!
//! An output named with `-o` (`batch`, `report`) is written to a temporary file in the same
//! directory and renamed over the target only once everything is written and flushed
//! ([`tempfile::NamedTempFile::persist`], an atomic `rename(2)` within one directory). So a run
//! that fails, or is interrupted, leaves the target as it was: the old file, or none. The
//! temporary file is removed when the run fails (on drop) and, through [`interrupted`], when a
//! signal ends the process.
//!
//! A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
//! written in place: there is nothing to replace atomically, and a rename would put a regular
//! file where the device was. A symbolic link is followed: the file it names is replaced, and the
//! link stays.
//!
//! [`refuse_same`] refuses an output that is the input itself before anything is opened for
//! writing: `batch same.jsonl -o same.jsonl` would otherwise replace the profiles with records.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Error;

/// Temporary files being written, removed by [`interrupted`] when a signal stops the process.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every temporary output file still being written: called when a signal stops the
/// process, so no partial file is left behind (the targets were never touched).
pub fn interrupted() {
    for path in pending().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// Handles SIGINT, SIGTERM and SIGHUP on a thread of its own: removes the temporary output files
/// being written ([`interrupted`]) and exits with 128 + the signal's number (130 for SIGINT, 143
/// for SIGTERM, 129 for SIGHUP), as a shell reports a process a signal ended. For the binary:
/// a library caller keeps its own signal handling.
#[cfg(unix)]
pub fn handle_signals() -> Result<(), Error> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
        .map_err(|e| Error::Invalid(format!("cannot handle signals: {e}")))?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            interrupted();
            eprintln!("careergraph: interrupted (signal {signal}); no output file was changed");
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Signals are not handled on this platform.
#[cfg(not(unix))]
pub fn handle_signals() -> Result<(), Error> {
    Ok(())
}

/// A write error naming the file.
fn write_error(path: &Path, e: &io::Error) -> Error {
    Error::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

enum Inner {
    /// A temporary file renamed over the target on [`OutputFile::commit`].
    Temp(io::BufWriter<tempfile::NamedTempFile>, PathBuf),
    /// A device or FIFO, written in place.
    Direct(io::BufWriter<std::fs::File>),
}

/// An output file being written: see the [module](self) documentation.
pub struct OutputFile {
    /// The target as given (for messages).
    target: PathBuf,
    inner: Option<Inner>,
}

impl OutputFile {
    /// Starts writing `target`: a temporary file beside it, or the target itself when it is a
    /// device or FIFO. Nothing is changed at `target` until [`OutputFile::commit`].
    pub fn create(target: &Path) -> Result<Self, Error> {
        let err = |e: io::Error| write_error(target, &e);
        let existing = std::fs::metadata(target).ok();
        if let Some(meta) = &existing {
            if meta.is_dir() {
                return Err(err(io::Error::other("is a directory, not a file")));
            }
            if !meta.is_file() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(target)
                    .map_err(err)?;
                return Ok(Self {
                    target: target.to_path_buf(),
                    inner: Some(Inner::Direct(io::BufWriter::new(file))),
                });
            }
        }
        // Through a symbolic link, the file it names is the one replaced.
        let real = match existing {
            Some(_) => std::fs::canonicalize(target).map_err(err)?,
            None => target.to_path_buf(),
        };
        let dir = match real.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".careergraph-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The usual mode of a new file (less the umask), or the replaced file's.
            let mode = existing
                .as_ref()
                .map_or(0o666, |m| m.permissions().mode() & 0o7777);
            builder.permissions(std::fs::Permissions::from_mode(mode));
        }
        let mut list = pending();
        let temp = builder.tempfile_in(&dir).map_err(err)?;
        list.push(temp.path().to_path_buf());
        Ok(Self {
            target: target.to_path_buf(),
            inner: Some(Inner::Temp(io::BufWriter::new(temp), real)),
        })
    }

    /// Finishes: flushes and renames the temporary file over the target (or flushes the
    /// device). On an error the target is left as it was and the temporary file removed.
    pub fn commit(mut self) -> Result<(), Error> {
        let target = self.target.clone();
        let err = |e: io::Error| write_error(&target, &e);
        match self.inner.take() {
            None => Ok(()),
            Some(Inner::Direct(mut w)) => w.flush().map_err(err),
            Some(Inner::Temp(w, real)) => {
                let temp = w.into_inner().map_err(|e| err(e.into_error()))?;
                temp.as_file().sync_all().map_err(err)?;
                // Under the lock, so a signal handler never removes a file being renamed.
                let mut list = pending();
                list.retain(|p| p != temp.path());
                temp.persist(&real).map_err(|e| err(e.error))?;
                Ok(())
            }
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let Some(Inner::Temp(w, _)) = self.inner.take() {
            let mut list = pending();
            list.retain(|p| p != w.get_ref().path());
            // Dropping the temporary file removes it.
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Some(Inner::Temp(w, _)) => w.write(buf),
            Some(Inner::Direct(w)) => w.write(buf),
            None => Err(io::Error::other("the output is closed")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.inner {
            Some(Inner::Temp(w, _)) => w.write_all(buf),
            Some(Inner::Direct(w)) => w.write_all(buf),
            None => Err(io::Error::other("the output is closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Some(Inner::Temp(w, _)) => w.flush(),
            Some(Inner::Direct(w)) => w.flush(),
            None => Ok(()),
        }
    }
}

/// Where an input comes from, to compare it with an output.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// A file.
    Path(&'a Path),
    /// Standard input (it may be redirected from the output file).
    Stdin,
}

/// Refuses an output that is the input itself (the same file, through any path, link or
/// redirection): the run would replace its own input. Checked before anything is opened for
/// writing.
pub fn refuse_same(input: Input, output: &Path) -> Result<(), Error> {
    let Ok(out) = std::fs::metadata(output) else {
        // No such file yet: it cannot be the input.
        return Ok(());
    };
    if !out.is_file() {
        return Ok(());
    }
    let (same, name) = match input {
        Input::Path(p) => (
            std::fs::metadata(p).is_ok_and(|m| same_file(&m, &out)),
            p.display().to_string(),
        ),
        Input::Stdin => (
            stdin_metadata().is_some_and(|m| same_file(&m, &out)),
            "standard input".to_string(),
        ),
    };
    if same {
        return Err(Error::Invalid(format!(
            "the output {} is the input ({name}): writing it would replace the input; choose \
             another output file",
            output.display()
        )));
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// The metadata of the file behind standard input, when it can be told.
#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    None
}

/// Whether standard input is a regular file (not a terminal, pipe, FIFO or socket). When it
/// cannot be told, `false`.
pub fn stdin_is_regular_file() -> bool {
    stdin_metadata().is_some_and(|m| m.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_run_leaves_the_target_as_it_was_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.jsonl");
        std::fs::write(&target, "old\n").expect("write");
        {
            let mut f = OutputFile::create(&target).expect("create");
            f.write_all(b"half").expect("write");
            // Dropped without commit: a failed run.
        }
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old\n");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
        let mut f = OutputFile::create(&target).expect("create");
        f.write_all(b"new\n").expect("write");
        f.commit().expect("commit");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new\n");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
        assert!(pending().is_empty());
    }

    #[test]
    fn the_same_file_is_refused_through_another_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.jsonl");
        std::fs::write(&a, "{}\n").expect("write");
        let other = dir.path().join(".").join("a.jsonl");
        assert!(refuse_same(Input::Path(&a), &other).is_err());
        assert!(refuse_same(Input::Path(&a), &dir.path().join("b.jsonl")).is_ok());
    }
}
