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

/// Decodes UTF-8 text, dropping a byte-order mark; invalid UTF-8 is an error naming the offset
/// and, when the bytes there look like a Japanese legacy encoding, which one and how to convert.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let pair = (bytes.get(at).copied(), bytes.get(at + 1).copied());
        let hint = match legacy_encoding(pair) {
            Some(name) => format!(
                "; it looks like {name}: save it as UTF-8 (e.g. `iconv -f {} -t UTF-8`)",
                if name == "Shift_JIS" {
                    "CP932"
                } else {
                    "EUC-JP"
                }
            ),
            None => "; save it as UTF-8".to_string(),
        };
        format!("is not valid UTF-8 (first bad byte at offset {at}){hint}")
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// The Japanese legacy encoding a two-byte sequence that is not UTF-8 looks like: Shift_JIS
/// (lead 0x81–0x9F or 0xE0–0xFC, trail 0x40–0xFC but 0x7F) or EUC-JP (both 0xA1–0xFE).
fn legacy_encoding(pair: (Option<u8>, Option<u8>)) -> Option<&'static str> {
    match pair {
        (Some(0x81..=0x9F), Some(0x40..=0x7E | 0x80..=0xFC)) => Some("Shift_JIS"),
        (Some(0xA1..=0xFE), Some(0xA1..=0xFE)) => Some("EUC-JP"),
        (Some(0xE0..=0xFC), Some(0x40..=0x7E | 0x80..=0xFC)) => Some("Shift_JIS"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_legacy_encodings_are_named_with_the_conversion() {
        // {"name": "佐藤"} in Shift_JIS (CP932) and in EUC-JP.
        let sjis = b"{\"name\": \"\x8d\xb2\x93\xa1\"}".to_vec();
        let err = decode(sjis).unwrap_err();
        assert!(
            err.contains("offset 10") && err.contains("Shift_JIS"),
            "{err}"
        );
        assert!(err.contains("iconv -f CP932 -t UTF-8"), "{err}");
        let euc = b"{\"name\": \"\xba\xb4\xc6\xa3\"}".to_vec();
        assert!(decode(euc).unwrap_err().contains("EUC-JP"));
        let latin1 = b"{\"name\": \"Jos\xe9\"}".to_vec();
        let err = decode(latin1).unwrap_err();
        assert!(err.ends_with("; save it as UTF-8"), "{err}");
        assert_eq!(decode(b"\xef\xbb\xbf{}".to_vec()).unwrap(), "{}");
    }
}
