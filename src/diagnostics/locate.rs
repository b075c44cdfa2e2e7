//! Finding where a JSON pointer points in the text of a JSON document, as line and column.
//!
//! serde reports line and column only for syntax and type errors; checks that run after parsing
//! (unknown ids, ranges) know the JSON pointer of the bad value. [`locate`] walks the text along
//! the pointer without building a tree, so it costs one pass over the bytes before the target.

/// Whether a pointer's last token designates the member's key or its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The value (the usual case).
    Value,
    /// The key of the last object member (for ids that are keys, as in a profile's `skills`).
    Key,
}

/// A position in a text: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The position the pointer designates in `text`, or `None` when the text does not contain it.
///
/// `text` should be valid JSON (it is only called after a successful parse); on anything else the
/// walk stops and returns `None` rather than guessing.
pub fn locate(text: &str, pointer: &str, target: Target) -> Option<Position> {
    let offset = locate_offset(text.as_bytes(), pointer, target)?;
    Some(position_of(text, offset))
}

/// The line and column of a byte offset.
pub fn position_of(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    Position { line, column }
}

/// The text of line `line` (1-based), without its line break.
pub fn line_text(text: &str, line: usize) -> Option<&str> {
    text.lines().nth(line.checked_sub(1)?)
}

fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn locate_offset(bytes: &[u8], pointer: &str, target: Target) -> Option<usize> {
    let tokens = tokens(pointer);
    let mut pos = skip_ws(bytes, 0);
    for (depth, token) in tokens.iter().enumerate() {
        let last = depth + 1 == tokens.len();
        match bytes.get(pos)? {
            b'{' => {
                pos = skip_ws(bytes, pos + 1);
                loop {
                    if *bytes.get(pos)? != b'"' {
                        return None;
                    }
                    let key_start = pos;
                    let (key, after) = read_string(bytes, pos)?;
                    pos = skip_ws(bytes, after);
                    if *bytes.get(pos)? != b':' {
                        return None;
                    }
                    pos = skip_ws(bytes, pos + 1);
                    if key == *token {
                        if last && target == Target::Key {
                            return Some(key_start);
                        }
                        break;
                    }
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    match bytes.get(pos)? {
                        b',' => pos = skip_ws(bytes, pos + 1),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                let index: usize = token.parse().ok()?;
                pos = skip_ws(bytes, pos + 1);
                for _ in 0..index {
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    match bytes.get(pos)? {
                        b',' => pos = skip_ws(bytes, pos + 1),
                        _ => return None,
                    }
                }
                if *bytes.get(pos)? == b']' {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(pos)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// Reads the string starting at `pos` (a `"`); returns its decoded text and the offset after it.
fn read_string(bytes: &[u8], pos: usize) -> Option<(String, usize)> {
    let end = string_end(bytes, pos)?;
    let raw = std::str::from_utf8(bytes.get(pos..end)?).ok()?;
    let decoded: String = serde_json::from_str(raw).ok()?;
    Some((decoded, end))
}

/// The offset just after the string starting at `pos`.
fn string_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The offset just after the value starting at `pos`; nesting is counted, not recursed.
fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => string_end(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            loop {
                match bytes.get(i)? {
                    b'"' => i = string_end(bytes, i)?,
                    b'{' | b'[' => {
                        depth += 1;
                        i += 1;
                    }
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        i += 1;
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => i += 1,
                }
            }
        }
        _ => {
            let mut i = pos;
            while !matches!(
                bytes.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"name\": \"佐藤\",\n  \"skills\": {\"linux\": 3, \"kubernets\": 2},\n  \"list\": [1, {\"a\": [true, \"x\\\"y\"]}, 7]\n}\n";

    fn at(pointer: &str, target: Target) -> Option<(usize, usize)> {
        locate(DOC, pointer, target).map(|p| (p.line, p.column))
    }

    #[test]
    fn finds_values_and_keys() {
        assert_eq!(at("", Target::Value), Some((1, 1)));
        assert_eq!(at("/name", Target::Value), Some((2, 11)));
        assert_eq!(at("/skills/kubernets", Target::Key), Some((3, 26)));
        assert_eq!(at("/skills/kubernets", Target::Value), Some((3, 39)));
        assert_eq!(at("/list/2", Target::Value), Some((4, 38)));
        assert_eq!(at("/list/1/a/1", Target::Value), Some((4, 28)));
    }

    #[test]
    fn missing_targets_are_none() {
        assert_eq!(at("/nope", Target::Value), None);
        assert_eq!(at("/list/3", Target::Value), None);
        assert_eq!(at("/name/0", Target::Value), None);
        assert_eq!(locate("{", "/a", Target::Value), None);
        assert_eq!(locate("", "/a", Target::Value), None);
    }

    #[test]
    fn escaped_pointer_tokens() {
        let doc = r#"{"a/b": {"c~d": 1}}"#;
        assert_eq!(
            locate(doc, "/a~1b/c~0d", Target::Value),
            Some(Position {
                line: 1,
                column: 17
            })
        );
    }

    #[test]
    fn line_text_returns_the_line() {
        assert_eq!(line_text(DOC, 2), Some("  \"name\": \"佐藤\","));
        assert_eq!(line_text(DOC, 0), None);
    }
}
