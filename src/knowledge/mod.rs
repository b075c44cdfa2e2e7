//! The knowledge base: skills, roles, certifications, transitions and rules of thumb.

pub mod format;

/// Parse one knowledge-base file (no cross-file checks).
pub fn parse_file(text: &str) -> Result<format::RuleFile, serde_json::Error> {
    serde_json::from_str(text)
}

#[cfg(test)]
mod tests {
    /// Every shipped file parses into the file format (cross-file checks live in `validate`).
    #[test]
    fn shipped_files_parse() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = super::parse_file(&text) {
                panic!("{}: {e}", path.display());
            }
            n += 1;
        }
        assert!(n > 0, "no rule files in {}", dir.display());
    }
}
