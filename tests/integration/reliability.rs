//! Reliability: knowledge bases far larger than the shipped one, output files that must never be
//! left half-written or destroyed, write errors, signals, terminal safety and `batch` as a
//! co-process. Each case runs the built binary, since a stack overflow, a signal or a closed
//! standard output would take the test harness down with it in-process.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::root;

/// The built binary, in the C locale without colour.
fn careergraph() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_careergraph"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    c
}

/// What a run gave back: exit status (`None` when a signal ended it), standard output and error.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `careergraph ARGS`, failing the test when it takes longer than `limit` (killed then, so a
/// hang fails instead of blocking the suite).
#[track_caller]
fn run_within(limit: Duration, args: &[&str]) -> Ran {
    let mut child = careergraph()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read both pipes on threads, so a large output never blocks the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`careergraph {}` took over {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out.join().expect("stdout thread")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr thread")).into_owned(),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// A copy of the kb-min fixture plus `zz.json` holding `certs` certifications in a chain (each
/// names the one before in `link`: `prerequisites` or `recommended_after`) and `roles` roles in
/// a chain of transitions from `ops`.
fn chain_kb(certs: usize, link: &str, roles: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(root().join("tests/fixtures/kb-min")).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let mut text = String::with_capacity(200 * (certs + roles));
    text.push_str("{\"certifications\": [\n");
    for i in 0..certs {
        if i > 0 {
            text.push_str(",\n");
        }
        // Levels 1, 2, 3, 3, 3 …: each step of the ladder evidences Linux, the first three more
        // than the one before.
        let level = 1 + i.min(2);
        text.push_str(&format!(
            r#"{{"id": "c-{i}", "name": {{"ja": "c{i}", "en": "C{i}"}}, "issuer": "T", "tier": "associate", "evidences": [{{"skill": "linux", "level": {level}}}], "source": "test""#
        ));
        if i > 0 {
            text.push_str(&format!(r#", "{link}": ["c-{}"]"#, i - 1));
        }
        text.push('}');
    }
    text.push_str("],\n\"roles\": [\n");
    for i in 0..roles {
        if i > 0 {
            text.push_str(",\n");
        }
        let terminal = i + 1 == roles;
        text.push_str(&format!(
            r#"{{"id": "r-{i}", "name": {{"ja": "r{i}", "en": "R{i}"}}, "family": "infra", "seniority": 1, "summary": {{"ja": "r", "en": "r"}}, "requirements": [{{"skill": "linux", "level": 3, "weight": 1, "essential": true, "source": "test"}}], "terminal": {terminal}, "source": "test"}}"#
        ));
    }
    text.push_str("],\n\"transitions\": [\n");
    for i in 0..roles {
        if i > 0 {
            text.push_str(",\n");
        }
        let from = if i == 0 {
            "ops".to_string()
        } else {
            format!("r-{}", i - 1)
        };
        text.push_str(&format!(
            r#"{{"from": "{from}", "to": "r-{i}", "typical_years": 1, "note": {{"ja": "a", "en": "b"}}, "source": "test"}}"#
        ));
    }
    text.push_str("]}\n");
    std::fs::write(dir.path().join("zz.json"), text).expect("write");
    dir
}

/// Generous: a hang detector, not a benchmark (BENCHMARKS.md has the timings).
const PATIENCE: Duration = Duration::from_secs(120);

// ---------------------------------------------------------------- long chains

/// Issue item 1: Tarjan's recursion overflowed the stack on a 100,000-long chain (SIGABRT).
#[test]
fn a_100k_chain_of_prerequisites_or_usual_order_does_not_overflow_the_stack() {
    for link in ["prerequisites", "recommended_after"] {
        let kb = chain_kb(100_000, link, 0);
        let ran = run_within(PATIENCE, &["validate", "--rules", s(kb.path())]);
        assert_eq!(ran.code, Some(0), "{link}: {}", ran.stderr);
        assert!(
            ran.stdout.contains("100003 certifications"),
            "{}",
            ran.stdout
        );
        let ran = run_within(PATIENCE, &["roles", "--rules", s(kb.path())]);
        assert_eq!(ran.code, Some(0), "{link}: {}", ran.stderr);
    }
}

/// A profile for the kb-min fixture (and the chains [`chain_kb`] adds to it).
fn ops_profile(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("p.json");
    std::fs::write(
        &path,
        r#"{"current_role": "ops", "skills": {"linux": 1}, "years_experience": 2}"#,
    )
    .expect("write profile");
    path
}

/// Issue item 2: every plan walked each certification's prerequisite chain again (quadratic per
/// plan, cubic with linear look-ups): a 6,000-long chain took over 10 s in a release build and
/// minutes in a debug one. The ladder gathers them once per knowledge base, up to 64 deep; a
/// longer chain is planned no further and `validate` warns of it.
#[test]
fn a_long_prerequisite_chain_costs_linear_time_and_is_bounded() {
    let kb = chain_kb(6_000, "prerequisites", 3);
    let home = tempfile::tempdir().expect("tempdir");
    let profile = ops_profile(home.path());
    let limit = Duration::from_secs(20);
    for args in [
        vec!["recommend", s(&profile)],
        vec!["gaps", s(&profile), "--target", "r-2"],
        vec![
            "paths",
            "--from",
            "ops",
            "--to",
            "r-2",
            "--profile",
            s(&profile),
        ],
    ] {
        let mut all = args.clone();
        all.extend(["--rules", s(kb.path())]);
        let start = Instant::now();
        let ran = run_within(limit, &all);
        assert_eq!(ran.code, Some(0), "{args:?}: {}", ran.stderr);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{args:?} took {:?}",
            start.elapsed()
        );
    }
    let ran = run_within(limit, &["validate", "--rules", s(kb.path())]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stderr.contains("deep-prerequisites"), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("has more than 64 formal"),
        "{}",
        ran.stderr
    );
}
