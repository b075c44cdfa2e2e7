//! Reading JSON Lines input in chunks, with a bound on the length of a line.

use std::io::{self, BufRead};

/// One input line, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawLine {
    /// The line's bytes, without the line ending (`\n` or `\r\n`).
    Text(Vec<u8>),
    /// The line was longer than the limit; it was skipped up to its end. Holds its length.
    TooLong(u64),
}

/// A run of consecutive input lines, numbered from `first` (1-based).
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    /// Position of the chunk in the input, from 0.
    pub seq: u64,
    /// Number of its first line.
    pub first: u64,
    /// The lines.
    pub lines: Vec<RawLine>,
    /// Input bytes the chunk covers (line endings included).
    pub bytes: u64,
}

/// Reads lines of at most `max_bytes` bytes; a longer line is consumed without being kept.
#[derive(Debug)]
pub struct LineReader<R> {
    /// Its own buffer, whatever `R` buffers, so it can tell whether more input is waiting.
    input: io::BufReader<R>,
    max_bytes: usize,
    next_line: u64,
    next_seq: u64,
    eager: bool,
}

impl<R: BufRead> LineReader<R> {
    /// A reader over `input`.
    pub fn new(input: R, max_bytes: usize) -> Self {
        Self {
            input: io::BufReader::with_capacity(64 * 1024, input),
            max_bytes,
            next_line: 1,
            next_seq: 0,
            eager: false,
        }
    }

    /// Eager: a chunk ends as soon as no more input is waiting, instead of waiting for a full
    /// chunk (a co-process feeds a line and waits for its record).
    pub fn eager(&mut self, eager: bool) {
        self.eager = eager;
    }

    /// The next chunk of at most `max_lines` lines or about `max_bytes` bytes; `None` at the end
    /// of the input. A final line without a line ending counts; an empty input has no lines.
    pub fn chunk(&mut self, max_lines: usize, max_bytes: u64) -> io::Result<Option<Chunk>> {
        let mut chunk = Chunk {
            seq: self.next_seq,
            first: self.next_line,
            lines: Vec::with_capacity(max_lines),
            bytes: 0,
        };
        while chunk.lines.len() < max_lines && chunk.bytes < max_bytes {
            match self.line()? {
                Some((line, consumed)) => {
                    chunk.lines.push(line);
                    chunk.bytes += consumed;
                    if self.eager && self.input.buffer().is_empty() {
                        break;
                    }
                }
                None => break,
            }
        }
        if chunk.lines.is_empty() {
            return Ok(None);
        }
        self.next_seq += 1;
        self.next_line += chunk.lines.len() as u64;
        Ok(Some(chunk))
    }

    /// One line and the bytes it took, or `None` at the end of the input.
    fn line(&mut self) -> io::Result<Option<(RawLine, u64)>> {
        let mut kept: Vec<u8> = Vec::new();
        let mut length: u64 = 0;
        let mut too_long = false;
        let mut ended = false;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            let (take, found) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            // One byte more than the limit may be kept: the `\r` of a `\r\n`, which the limit
            // does not count.
            if !too_long {
                if kept.len() + take > self.max_bytes.saturating_add(1) {
                    too_long = true;
                    kept = Vec::new();
                } else {
                    kept.extend_from_slice(buf.get(..take).unwrap_or(buf));
                }
            }
            length += take as u64;
            let consumed = if found { take + 1 } else { take };
            self.input.consume(consumed);
            if found {
                ended = true;
                break;
            }
        }
        if !ended && length == 0 {
            return Ok(None);
        }
        let consumed = length + u64::from(ended);
        if kept.last() == Some(&b'\r') {
            kept.pop();
        }
        if too_long || kept.len() > self.max_bytes {
            return Ok(Some((RawLine::TooLong(length), consumed)));
        }
        Ok(Some((RawLine::Text(kept), consumed)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &str, max: usize) -> Vec<RawLine> {
        let mut r = LineReader::new(io::BufReader::with_capacity(4, input.as_bytes()), max);
        let mut out = Vec::new();
        let mut first = 1;
        while let Some(c) = r.chunk(2, u64::MAX).expect("reads") {
            assert_eq!(c.first, first);
            first += c.lines.len() as u64;
            out.extend(c.lines);
        }
        out
    }

    fn text(s: &str) -> RawLine {
        RawLine::Text(s.as_bytes().to_vec())
    }

    #[test]
    fn lines_endings_and_the_last_line() {
        assert_eq!(all("", 10), vec![]);
        assert_eq!(all("a\n", 10), vec![text("a")]);
        assert_eq!(all("a\r\nb", 10), vec![text("a"), text("b")]);
        assert_eq!(all("\n\nc\n", 10), vec![text(""), text(""), text("c")]);
    }

    #[test]
    fn long_lines_are_skipped_to_their_end() {
        assert_eq!(
            all("0123456789\nabc\n0123456789ab", 10),
            vec![text("0123456789"), text("abc"), RawLine::TooLong(12)]
        );
        assert_eq!(
            all("0123456789abcdef\nx\n", 10),
            vec![RawLine::TooLong(16), text("x")]
        );
        // The limit does not count the line ending, `\r\n` included.
        assert_eq!(
            all("0123456789\r\n0123456789a\r\n", 10),
            vec![text("0123456789"), RawLine::TooLong(12)]
        );
    }
}
