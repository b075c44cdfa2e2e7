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

/// A copy of the kb-min fixture plus `zy.json` holding `certs` certifications in a chain (each
/// names the one before in `link`: `prerequisites` or `recommended_after`) and `zz.json` holding
/// `roles` roles in a chain of transitions from `ops`.
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
    // Certifications and roles in two files: each stays under the 64 MiB limit of a rule file.
    text.push_str("]}\n");
    std::fs::write(dir.path().join("zy.json"), &text).expect("write");
    text.clear();
    text.push_str("{\"roles\": [\n");
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

// ---------------------------------------------------------------- output files

/// A shipped example profile.
fn example(name: &str) -> String {
    root().join("profiles").join(name).display().to_string()
}

/// The names in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Issue item 3: `batch same.jsonl -o same.jsonl` truncated its own input and exited 0.
#[test]
fn an_output_that_is_the_input_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("same.jsonl");
    std::fs::copy(root().join("profiles/team.jsonl"), &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&input, &link).expect("symlink");
    for output in [&input, &link] {
        let ran = run_within(PATIENCE, &["batch", s(&input), "-o", s(output)]);
        assert_eq!(ran.code, Some(2), "{}", ran.stderr);
        assert!(ran.stderr.contains("is the input"), "{}", ran.stderr);
    }
    // Through standard input too.
    let ran = careergraph()
        .args(["batch", "-", "-o", s(&input)])
        .stdin(std::fs::File::open(&input).expect("open"))
        .output()
        .expect("runs");
    assert_eq!(ran.status.code(), Some(2));
    // `report` checks its profile the same way.
    let profile = dir.path().join("p.json");
    std::fs::copy(root().join("profiles/new-graduate.json"), &profile).expect("copy");
    let ran = run_within(PATIENCE, &["report", s(&profile), "-o", s(&profile)]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(
        std::fs::read_to_string(&profile)
            .expect("read")
            .contains("skills")
    );
    assert_eq!(std::fs::read(&input).expect("read"), before);
    assert_eq!(listing(dir.path()), ["link.jsonl", "p.json", "same.jsonl"]);
}

/// Issue item 4: the output was created (truncated) before the first read, so a run that failed
/// to read its input destroyed the old output.
#[test]
fn a_failed_run_leaves_the_old_output_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = dir.path().join("keep.jsonl");
    std::fs::write(&keep, "old\n").expect("write");
    let ran = run_within(PATIENCE, &["batch", "/proc/self/mem", "-o", s(&keep)]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert_eq!(std::fs::read_to_string(&keep).expect("read"), "old\n");
    // A broken knowledge base fails before; a good run replaces the file whole.
    let ran = run_within(PATIENCE, &["batch", &example("team.jsonl"), "-o", s(&keep)]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    let text = std::fs::read_to_string(&keep).expect("read");
    assert_eq!(text.lines().count(), 3);
    let report = dir.path().join("report.html");
    let ran = run_within(
        PATIENCE,
        &["report", &example("new-graduate.json"), "-o", s(&report)],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(listing(dir.path()), ["keep.jsonl", "report.html"]);
}

/// The built binary with standard output sent to `/dev/full`.
fn to_dev_full(args: &[&str]) -> std::process::Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    careergraph()
        .args(args)
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("runs")
}

/// Issue item 5 and two minor ones: a full disk was silent with exit 0 (`> /dev/full`), `report
/// -o /dev/full` said "cannot read", and `batch -o /dev/full` did not name the file. Every write
/// error now names what could not be written and exits 3; only a broken pipe stays quiet.
#[test]
fn every_write_error_is_reported_with_exit_3() {
    let graduate = example("new-graduate.json");
    let team = example("team.jsonl");
    for args in [
        vec!["recommend", graduate.as_str(), "--format", "json"],
        vec!["report", graduate.as_str()],
        vec!["roles"],
        vec!["batch", team.as_str()],
    ] {
        let out = to_dev_full(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write standard output"),
            "{args:?}: {stderr}"
        );
    }
    for args in [
        vec!["report", graduate.as_str(), "-o", "/dev/full"],
        vec!["batch", team.as_str(), "-o", "/dev/full"],
    ] {
        let ran = run_within(PATIENCE, &args);
        assert_eq!(ran.code, Some(3), "{args:?}: {}", ran.stderr);
        assert!(
            ran.stderr.contains("cannot write /dev/full"),
            "{args:?}: {}",
            ran.stderr
        );
    }
    // A closed pipe is not an error.
    let mut child = careergraph()
        .args(["recommend", graduate.as_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Waits until `check` holds, at most `limit`.
fn wait_for(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// Issue items 6 and 10: `batch` as a co-process gets each record as soon as its line is in
/// (it waited for a full chunk, so a caller waiting for the answer deadlocked); SIGINT or
/// SIGTERM in the middle of `batch -o` cut the last record in the middle, where now the old
/// output stays, the temporary file is removed and the exit status is 128 + the signal.
#[test]
fn batch_answers_line_by_line_and_an_interrupted_run_leaves_no_partial_file() {
    use std::io::{BufRead, BufReader, Write};
    let line = r#"{"current_role": "infra-engineer", "skills": {"linux": 3}}"#;
    for (signal, code) in [("-INT", 130), ("-TERM", 143)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, "old\n").expect("write");
        // Standard output: one record per line fed, while standard input stays open.
        let mut child = careergraph()
            .args(["batch", "-", "--top", "1"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut stdin = child.stdin.take().expect("stdin");
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for l in BufReader::new(stdout).lines() {
                if tx.send(l.expect("line")).is_err() {
                    return;
                }
            }
        });
        for n in 1..=3 {
            writeln!(stdin, "{line}").expect("feed");
            stdin.flush().expect("flush");
            let record = rx
                .recv_timeout(Duration::from_secs(10))
                .expect("a record within 10 s of its line");
            assert!(record.starts_with(&format!("{{\"line\":{n},")), "{record}");
        }
        drop(stdin);
        assert_eq!(child.wait().expect("waits").code(), Some(0));

        // To a file, then a signal while the input is still open.
        let mut child = careergraph()
            .args(["batch", "-", "-o", s(&out)])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "{line}").expect("feed");
        stdin.flush().expect("flush");
        // The temporary file beside the output fills with the first record.
        let temp_written = wait_for(Duration::from_secs(20), || {
            std::fs::read_dir(dir.path())
                .expect("list")
                .filter_map(Result::ok)
                .any(|e| {
                    e.file_name().to_string_lossy().starts_with(".careergraph-")
                        && e.metadata().is_ok_and(|m| m.len() > 0)
                })
        });
        assert!(temp_written, "{:?}", listing(dir.path()));
        let killed = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let done = child.wait_with_output().expect("waits");
        assert_eq!(done.status.code(), Some(code), "{signal}");
        assert_eq!(std::fs::read_to_string(&out).expect("read"), "old\n");
        assert_eq!(listing(dir.path()), ["out.jsonl"]);
        drop(stdin);
    }
}

// ---------------------------------------------------------------- directories and arguments

/// Issue item 9: a FIFO named `*.json` inside a `--rules` directory hung every command (reading
/// it waits for a writer that never comes). One found by listing is refused, naming it.
#[test]
fn a_fifo_inside_a_rules_directory_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(root().join("tests/fixtures/kb-min")).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let fifo = dir.path().join("zz.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for args in [vec!["validate"], vec!["roles"]] {
        let mut all = args.clone();
        all.extend(["--rules", s(dir.path())]);
        let ran = run_within(Duration::from_secs(30), &all);
        assert_eq!(ran.code, Some(2), "{args:?}: {}", ran.stderr);
        assert!(
            ran.stderr.contains("zz.json") && ran.stderr.contains("not a regular file"),
            "{}",
            ran.stderr
        );
    }
}

/// Minor items: `paths --to B --steps 99` ignored --steps silently; `recommend --top 0` said "No
/// role is reachable"; 10,000 bad `--assume` values printed 1.3 MB (now the first 100 and a
/// count, as for a profile); `--assume years+59` twice stays within the 60-year limit.
#[test]
fn arguments_that_would_be_ignored_or_misread_are_refused() {
    let graduate = example("new-graduate.json");
    let ran = run_within(
        PATIENCE,
        &[
            "paths",
            "--from",
            "programmer",
            "--to",
            "sre",
            "--steps",
            "99",
        ],
    );
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(ran.stderr.contains("--steps 99 only applies without --to"));
    for args in [
        vec!["recommend", graduate.as_str(), "--top", "0"],
        vec!["batch", "-", "--top", "0"],
        vec!["jobs", graduate.as_str(), "--top", "0"],
    ] {
        let ran = run_within(PATIENCE, &args);
        assert_eq!(ran.code, Some(2), "{args:?}: {}", ran.stderr);
        assert!(
            ran.stderr.contains("0 would show nothing"),
            "{}",
            ran.stderr
        );
    }
    let mut args = vec!["recommend".to_string(), graduate.clone()];
    for i in 0..10_000 {
        args.push("--assume".into());
        args.push(format!("skill:nope{i}=3"));
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let ran = run_within(PATIENCE, &refs);
    assert_eq!(ran.code, Some(2));
    assert!(ran.stderr.len() < 100_000, "{} bytes", ran.stderr.len());
    assert!(
        ran.stderr.contains("9900 more problems"),
        "{}",
        &ran.stderr[ran.stderr.len().saturating_sub(500)..]
    );
    let ran = run_within(
        PATIENCE,
        &[
            "recommend",
            graduate.as_str(),
            "--assume",
            "years+59",
            "--assume",
            "years+59",
            "--format",
            "json",
        ],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let v: serde_json::Value = serde_json::from_str(&ran.stdout).expect("JSON");
    assert_eq!(v["profile"]["years_experience"], 60.0, "{}", v["profile"]);
}

/// Minor items: a 1 MiB line ending in CRLF was refused though the limit excludes the line
/// ending; a byte-order mark at the start of a later line got "expected value", not a word
/// about the mark.
#[test]
fn batch_lines_at_the_limit_and_with_a_late_byte_order_mark() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = r#"{"skills": {"linux": 3}, "name": ""#;
    let pad = batch_limit() - body.len() - 2;
    let line = format!("{body}{}\"}}", "x".repeat(pad));
    assert_eq!(line.len(), batch_limit());
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!("{line}\r\n\u{feff}{{\"skills\": {{\"linux\": 3}}}}\r\n"),
    )
    .expect("write");
    let ran = run_within(PATIENCE, &["batch", s(&input), "--brief"]);
    let records: Vec<serde_json::Value> = ran
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(records.len(), 2, "{}", ran.stderr);
    assert_eq!(records[0]["status"], "ok", "{}", records[0]);
    assert_eq!(records[1]["status"], "error");
    assert!(
        records[1]["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("byte-order mark")),
        "{}",
        records[1]
    );
}

/// The longest batch line accepted.
fn batch_limit() -> usize {
    careergraph::batch::MAX_LINE_BYTES
}

// ---------------------------------------------------------------- types and terminal safety

/// Issue items 7 and 11: a list where an object belongs was read as its fields in order
/// (`"management": [2, 5]` as years 2, team 5), and a type error stopped everything in serde's
/// words without a pointer. Every type error now comes at once, with its pointer and plain words.
#[test]
fn type_errors_come_all_at_once_with_pointers_and_plain_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("p.json");
    std::fs::write(
        &p,
        r#"{"years_experience": "3", "skills": {"linux": 3}, "certifications": "ccna", "management": [2, 5]}"#,
    )
    .expect("write");
    let ran = run_within(PATIENCE, &["recommend", s(&p)]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    for want in [
        "/years_experience",
        "a number of years, e.g. 3",
        "write the number without quotes: 3",
        "/certifications",
        "/management",
        "found a list of 2 items",
    ] {
        assert!(ran.stderr.contains(want), "{want}: {}", ran.stderr);
    }
    for management in ["[]", "[null]", "[2, 5, 7]"] {
        std::fs::write(
            &p,
            format!(r#"{{"skills": {{"linux": 3}}, "management": {management}}}"#),
        )
        .expect("write");
        let ran = run_within(PATIENCE, &["recommend", s(&p)]);
        assert_eq!(ran.code, Some(2), "{management}: {}", ran.stderr);
        assert!(ran.stderr.contains("invalid-value"), "{}", ran.stderr);
        assert!(ran.stderr.contains("/management"), "{}", ran.stderr);
    }
    // A rule requirement written as a list.
    let kb = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(root().join("tests/fixtures/kb-min")).expect("fixture") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let mut v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        if let Some(req) = v.pointer_mut("/roles/0/requirements/0") {
            *req = serde_json::json!(["linux", 2, 1.0, true, "test"]);
        }
        std::fs::write(
            kb.path().join(path.file_name().expect("name")),
            v.to_string(),
        )
        .expect("write");
    }
    let ran = run_within(PATIENCE, &["validate", "--rules", s(kb.path())]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("invalid-value") && ran.stderr.contains("/roles/0/requirements/0"),
        "{}",
        ran.stderr
    );
}

/// Issue item 8: a profile's name with ESC sequences, NUL or U+202E was printed raw by
/// `recommend`, and diagnostics showed them raw too. Text escapes them; JSON keeps them exact.
#[test]
fn control_and_bidi_characters_from_user_data_are_escaped_in_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("p.json");
    let name = "A\u{1b}]0;owned\u{7}\u{1b}[2J\u{0}B\u{202e}C";
    let profile = serde_json::json!({"name": name, "skills": {"linux": 3}});
    std::fs::write(&p, profile.to_string()).expect("write");
    let ran = run_within(PATIENCE, &["recommend", s(&p)]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let unsafe_char = |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{202e}';
    assert!(!ran.stdout.chars().any(unsafe_char), "{:?}", ran.stdout);
    assert!(ran.stdout.contains(r"A\u{001B}]0;owned"), "{}", ran.stdout);
    let ran = run_within(PATIENCE, &["recommend", s(&p), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&ran.stdout).expect("JSON");
    assert_eq!(v["profile"]["name"], name);
    // In a diagnostic: an unknown skill id holding them, and its line.
    let bad = serde_json::json!({"skills": {format!("li\u{1b}[31mnux\u{202e}"): 3}});
    std::fs::write(&p, bad.to_string()).expect("write");
    let ran = run_within(PATIENCE, &["recommend", s(&p)]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(!ran.stderr.chars().any(unsafe_char), "{:?}", ran.stderr);
    assert!(ran.stderr.contains("unknown-skill"), "{}", ran.stderr);
}

// ---------------------------------------------------------------- every command, huge chains

/// Runs every command on a knowledge base of chains: each ends with its usual status (0, or 2
/// where the request itself cannot be answered, as a route longer than 8 steps), never with a
/// signal or a panic.
fn every_command_on(kb: &Path, certs: usize, roles: usize) {
    let home = tempfile::tempdir().expect("tempdir");
    let profile = ops_profile(home.path());
    let p = s(&profile);
    let last = format!("r-{}", roles - 1);
    let cert = format!("c-{}", certs - 1);
    let assume = format!("cert:{cert}");
    let batch_in = home.path().join("in.jsonl");
    std::fs::write(
        &batch_in,
        format!(
            "{}\n{{\"current_role\": \"{last}\", \"skills\": {{}}, \"certifications\": [\"{cert}\"]}}\n",
            std::fs::read_to_string(&profile).expect("read")
        ),
    )
    .expect("write");
    let report = home.path().join("report.html");
    let commands: Vec<Vec<&str>> = vec![
        vec!["validate"],
        vec!["roles"],
        vec!["role", &last],
        vec!["certs"],
        vec!["skills"],
        vec!["sources"],
        vec!["preferences"],
        vec!["recommend", p],
        vec!["recommend", p, "--assume", &assume],
        vec!["explain", p, "--role", "r-0"],
        vec!["gaps", p, "--target", &last],
        vec!["paths", "--from", "ops", "--to", "r-3", "--profile", p],
        vec!["paths", "--from", "ops", "--to", &last],
        vec!["paths", "--from", "ops", "--steps", "8"],
        vec!["income", p],
        vec!["rate", p],
        vec!["jobs", p],
        vec!["report", p, "-o", s(&report)],
        vec!["graph", "--format", "json"],
        vec!["batch", s(&batch_in), "--top", "3"],
    ];
    for args in commands {
        let mut all = args.clone();
        all.extend(["--rules", s(kb)]);
        let ran = run_within(Duration::from_secs(600), &all);
        assert!(
            matches!(ran.code, Some(0 | 2)),
            "{args:?}: exit {:?}: {}",
            ran.code,
            ran.stderr
        );
        assert!(
            !ran.stderr.contains("panicked") && !ran.stderr.contains("overflow"),
            "{args:?}: {}",
            ran.stderr
        );
    }
}

/// Every command on a 5,000-long prerequisite chain and a 5,000-role transition chain: long
/// enough that a quadratic walk would show and a recursive one would go thousands of frames
/// deep, small enough for a debug build (20,000 of each took 270 s for the twenty commands, the
/// full size below about two minutes a command). The 100,000-long chain above checks the depth
/// where the stack overflowed.
#[test]
fn every_command_handles_long_chains() {
    let kb = chain_kb(5_000, "prerequisites", 5_000);
    every_command_on(kb.path(), 5_000, 5_000);
}

/// The issue's size: a 200,000-long prerequisite chain and a 100,000-role transition chain,
/// through every command. Ignored by default: in a debug build loading it takes about two
/// minutes a command on a shared two-core machine (linear, but unoptimised); run it with
/// `cargo test --release --test integration -- --ignored every_command_handles_the_issues`.
#[test]
#[ignore = "minutes in a debug build; run with --release -- --ignored"]
fn every_command_handles_the_issues_200k_and_100k_chains() {
    let kb = chain_kb(200_000, "prerequisites", 100_000);
    every_command_on(kb.path(), 200_000, 100_000);
}
