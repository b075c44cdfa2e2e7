//! The library's error type.

use std::io::Read;
use std::path::Path;

use crate::diagnostics::{Diagnostic, render};

/// Why an operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("error: cannot read {path}: {message}")]
    Io {
        /// The path as given.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// An output could not be written (exit status 3).
    #[error("error: cannot write {path}: {message}")]
    Write {
        /// The output's name: the path as given, or `standard output`.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The input has problems; each diagnostic points at one.
    #[error("{}", render(.0, false).trim_end())]
    Diagnostics(Vec<Diagnostic>),
    /// A request that cannot be answered (e.g. a bound exceeded).
    #[error("error: {0}")]
    Invalid(String),
}

/// Reads a UTF-8 text file of at most `max_bytes`, with errors that name the file.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String, Error> {
    let err = |message: String| Error::Io {
        path: path.display().to_string(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(e.to_string()))?;
    if meta.is_dir() {
        return Err(err("is a directory, not a file".into()));
    }
    if meta.len() > max_bytes {
        return Err(err(format!(
            "is {} bytes; the limit is {max_bytes} bytes",
            meta.len()
        )));
    }
    // The length above can lie (a device such as /dev/zero, a file still growing): read at
    // most one byte past the limit, so the limit holds whatever the file is.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max_bytes + 1).read_to_end(&mut bytes))
        .map_err(|e| err(e.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(err(format!(
            "holds more than {max_bytes} bytes; the limit is {max_bytes} bytes"
        )));
    }
    decode(bytes).map_err(err)
}

/// Decodes UTF-8 text, dropping a byte-order mark; invalid UTF-8 is an error naming the offset.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}
