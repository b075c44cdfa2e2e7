//! Running the built binary and reading fixtures.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs careergraph with `args` in `dir`, feeding `stdin`, in the C locale without colour.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    run_env(dir, args, stdin, &[("NO_COLOR", "1")])
}

/// Runs careergraph like [`run_in`] with no locale variable (nor `COLUMNS`) set but those in
/// `env`.
pub fn run_env(dir: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_careergraph"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.unwrap_or("").as_bytes())
            .expect("stdin is writable");
    }
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Runs careergraph in the repository root.
pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args, None)
}

/// Runs and returns standard output, failing the test on an error or anything on standard error.
pub fn stdout(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}:\n{}", r.stderr);
    assert!(
        r.stderr.is_empty(),
        "{args:?} wrote to stderr:\n{}",
        r.stderr
    );
    r.stdout
}

/// Runs and parses JSON output, failing the test on any error.
pub fn json(args: &[&str]) -> serde_json::Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?} failed:\n{}", r.stderr);
    serde_json::from_str(&r.stdout).expect("valid JSON")
}

/// The example profiles, sorted by file name.
pub fn profiles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("profiles"))
        .expect("profiles/ exists")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    v.sort();
    v
}

/// The role a profile aims at in the snapshot tests, and the role routes start from.
pub fn target_of(profile: &str) -> (&'static str, &'static str) {
    match profile {
        "infra-ops-1y.json" => ("infra-engineer", "network-engineer"),
        "infra-4y-ccna.json" => ("infra-engineer", "it-architect"),
        "infra-product-to-sre.json" => ("infra-engineer", "sre"),
        "senior-upstream-lead.json" => ("infra-engineer", "it-consultant"),
        "java-backend-3y.json" => ("backend-engineer", "tech-lead"),
        "new-graduate.json" => ("programmer", "backend-engineer"),
        "se-to-infra.json" => ("systems-engineer", "infra-engineer"),
        _ => ("infra-engineer", "sre"),
    }
}

/// `recommend --format json` reshaped as a batch record carries it (`batch --texts TEXTS`, and
/// `other_certifications` only with `--other-certifications`): each text (an object of exactly
/// `ja` and `en` strings) left out (`none`), one of its strings (`ja`, `en`) or kept (`both`).
pub fn machine_shape(value: &serde_json::Value, texts: &str, others: bool) -> serde_json::Value {
    use serde_json::Value;
    fn is_text(v: &Value) -> bool {
        v.as_object().is_some_and(|o| {
            o.len() == 2
                && o.get("ja").is_some_and(Value::is_string)
                && o.get("en").is_some_and(Value::is_string)
        })
    }
    match value {
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                if k == "other_certifications" && !others {
                    continue;
                }
                if is_text(v) {
                    match texts {
                        "none" => continue,
                        "ja" | "en" => {
                            out.insert(k.clone(), v[texts].clone());
                            continue;
                        }
                        _ => {}
                    }
                }
                out.insert(k.clone(), machine_shape(v, texts, others));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| machine_shape(v, texts, others))
                .collect(),
        ),
        other => other.clone(),
    }
}
