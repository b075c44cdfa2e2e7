//! The hostile-input catalogue: profiles, rule files and arguments written to break careergraph.
//!
//! Each case asserts the exact outcome: exit 2 (1 for `validate` on a broken knowledge base),
//! nothing on standard output and the expected diagnostic on standard error, or, where the input
//! is valid, a correct answer. Runs go through `careergraph::cli::run` in-process, so a panic
//! fails the test and the catalogue stays fast. Huge files are generated at test time (sparse,
//! so they cost no disk), never committed.

use std::io::Read;
use std::path::{Path, PathBuf};

use careergraph::cli::{Cli, Output, run};
use clap::Parser;

use crate::support::root;

/// Runs the CLI in-process as `careergraph ARGS`, feeding `stdin`; argument errors are handled
/// the way the binary handles them (clap's message, its exit status).
fn cli_with(args: &[&str], stdin: &mut dyn Read) -> Output {
    let argv = std::iter::once("careergraph").chain(args.iter().copied());
    match Cli::try_parse_from(argv) {
        Ok(cli) => run(&cli, stdin),
        Err(e) => {
            let text = e.render().to_string();
            let (stdout, stderr) = if e.use_stderr() {
                (String::new(), text)
            } else {
                (text, String::new())
            };
            Output {
                stdout,
                stderr,
                code: e.exit_code(),
            }
        }
    }
}

fn cli(args: &[&str]) -> Output {
    cli_with(args, &mut std::io::empty())
}

fn cli_stdin(args: &[&str], stdin: &[u8]) -> Output {
    cli_with(args, &mut &stdin[..])
}

/// Asserts a refusal: exit 2, nothing on stdout, every `needle` on stderr.
#[track_caller]
fn refused(out: &Output, needles: &[&str]) {
    assert_eq!(out.code, 2, "exit status; stderr:\n{}", out.stderr);
    assert!(out.stdout.is_empty(), "printed on stdout:\n{}", out.stdout);
    for n in needles {
        assert!(
            out.stderr.contains(n),
            "no `{n}` in stderr:\n{}",
            out.stderr
        );
    }
}

/// Asserts `validate` found errors: exit 1, the summary says FAILED, every `needle` on stderr.
#[track_caller]
fn invalid(out: &Output, needles: &[&str]) {
    assert_eq!(out.code, 1, "exit status; stderr:\n{}", out.stderr);
    assert!(out.stdout.contains("FAILED"), "summary:\n{}", out.stdout);
    for n in needles {
        assert!(
            out.stderr.contains(n),
            "no `{n}` in stderr:\n{}",
            out.stderr
        );
    }
}

#[track_caller]
fn answered(out: &Output) -> serde_json::Value {
    assert_eq!(out.code, 0, "failed:\n{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON output")
}

/// A temporary directory holding one file.
fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    (dir, path)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// `recommend --format json` on a profile written to a temp file.
fn recommend(profile: &[u8]) -> Output {
    let (_dir, path) = file_with("p.json", profile);
    cli(&["recommend", "--format", "json", s(&path)])
}

/// A copy of the kb-min fixture plus extra files.
fn kb_with(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(root().join("tests/fixtures/kb-min")).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    for (name, bytes) in extra {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

fn validate(dir: &Path) -> Output {
    cli(&["validate", "--rules", s(dir)])
}

fn kb_roles(dir: &Path) -> Output {
    cli(&["roles", "--rules", s(dir)])
}

/// Whether this process can read a file whose permissions are 000 (true for root).
#[cfg(unix)]
fn reads_anything(path: &Path) -> bool {
    std::fs::read(path).is_ok()
}

const VALID: &str = r#"{"current_role": "infra-engineer", "years_experience": 4,
  "skills": {"linux": 3, "tcp-ip": 3}, "certifications": ["ccna"]}"#;

// ---------------------------------------------------------------- profiles: structure

#[test]
fn profile_empty_file() {
    refused(&recommend(b""), &["invalid-value", "the file is empty"]);
    refused(
        &recommend(b" \n\t\n"),
        &["invalid-value", "the file is empty"],
    );
}

#[test]
fn profile_truncated_json() {
    let cut = &VALID.as_bytes()[..VALID.len() / 2];
    refused(&recommend(cut), &["malformed-json", "p.json:"]);
    refused(&recommend(b"{"), &["malformed-json", "EOF"]);
}

#[test]
fn profile_malformed_json() {
    refused(
        &recommend(br#"{"skills": {linux: 3}}"#),
        &["malformed-json", "p.json:1:13"],
    );
    refused(
        &recommend(br#"{"skills": {"linux": 3,}}"#),
        &["malformed-json", "trailing comma"],
    );
    refused(
        &recommend(br#"{"skills": {}} {"skills": {}}"#),
        &["malformed-json", "trailing characters"],
    );
    refused(
        &recommend(b"{\"skills\": {\"linux\": 3} // comment\n}"),
        &["malformed-json"],
    );
}

#[test]
fn profile_not_an_object() {
    for (text, what) in [
        ("[]", "not an array"),
        ("null", "not null"),
        ("42", "not a number"),
        ("\"x\"", "not a string"),
        ("true", "not a boolean"),
    ] {
        refused(&recommend(text.as_bytes()), &["invalid-value", what]);
    }
}

#[test]
fn profile_wrong_type_at_every_field() {
    let cases = [
        (r#"{"skills": {}, "name": 7}"#, "expected a string"),
        (
            r#"{"skills": {}, "current_role": ["sre"]}"#,
            "expected a string",
        ),
        (
            r#"{"skills": {}, "years_experience": "4"}"#,
            "expected a number of years",
        ),
        (r#"{"skills": {}, "phases": [1]}"#, "expected an object"),
        (
            r#"{"skills": {}, "phases": {"operations": "2"}}"#,
            "expected a number of years",
        ),
        (r#"{"skills": ["linux"]}"#, "expected an object"),
        (r#"{"skills": {"linux": true}}"#, "expected a skill level"),
        (r#"{"skills": {"linux": null}}"#, "expected a skill level"),
        (
            r#"{"skills": {}, "certifications": "ccna"}"#,
            "expected a list",
        ),
        (
            r#"{"skills": {}, "certifications": [1]}"#,
            "expected a string",
        ),
        (r#"{"skills": {}, "management": 3}"#, "expected an object"),
        (
            r#"{"skills": {}, "management": {"years": "3"}}"#,
            "expected a number of years",
        ),
        (
            r#"{"skills": {}, "management": {"team_size": [8]}}"#,
            "expected a whole number of people",
        ),
        (r#"{"skills": {}, "age": "29"}"#, "expected an age"),
        (r#"{"skills": {}, "employment": 1}"#, "expected a string"),
        (
            r#"{"skills": {}, "workplace": ["si"]}"#,
            "expected a string",
        ),
        (
            r#"{"skills": {}, "preferences": {"stability": 1}}"#,
            "expected a list",
        ),
        (
            r#"{"skills": {}, "preferences": [null]}"#,
            "expected a string",
        ),
        (r#"{"skills": {}, "$schema": 1}"#, "expected a string"),
    ];
    for (text, message) in cases {
        let out = recommend(text.as_bytes());
        refused(&out, &["invalid-value", message, "p.json:1:"]);
    }
}

#[test]
fn profile_missing_skills_and_unknown_field() {
    refused(&recommend(b"{}"), &["missing field `skills`"]);
    refused(
        &recommend(br#"{"skills": {}, "skils": {}}"#),
        &["unknown field `skils`", "did you mean `skills`?"],
    );
    refused(
        &recommend(br#"{"skills": {}, "management": {"yeras": 1}}"#),
        &["unknown field `yeras`", "did you mean `years`?"],
    );
}

#[test]
fn profile_unknown_ids_everywhere_reported_at_once() {
    let text = r#"{
  "current_role": "sre-enginer",
  "skills": {"kubernets": 2},
  "phases": {"operation": 1},
  "certifications": ["ccnaa"],
  "workplace": "sier",
  "employment": "employe",
  "preferences": ["stabilty"]
}"#;
    let out = recommend(text.as_bytes());
    refused(
        &out,
        &[
            "unknown-role",
            "unknown-skill",
            "unknown-phase",
            "unknown-certification",
            "unknown-workplace",
            "unknown-employment",
            "unknown-preference",
            "did you mean `kubernetes`",
            "did you mean `ccna`",
            "did you mean `stability`",
            "did you mean `employee`",
            "p.json:2:19\n",
            " /current_role\n",
        ],
    );
}

#[test]
fn profile_numbers_out_of_range() {
    let cases = [
        (r#"{"skills": {"linux": 6}}"#, "level-out-of-range"),
        (r#"{"skills": {"linux": -1}}"#, "level-out-of-range"),
        (r#"{"skills": {"linux": 2.5}}"#, "not a whole number"),
        (
            r#"{"skills": {}, "years_experience": 61}"#,
            "years-out-of-range",
        ),
        (
            r#"{"skills": {}, "years_experience": -0.5}"#,
            "years-out-of-range",
        ),
        (
            r#"{"skills": {}, "phases": {"build": 1e300}}"#,
            "years-out-of-range",
        ),
        (r#"{"skills": {}, "age": 14}"#, "age-out-of-range"),
        (r#"{"skills": {}, "age": 1e308}"#, "age-out-of-range"),
        (
            r#"{"skills": {}, "management": {"team_size": 1e10}}"#,
            "team-size-out-of-range",
        ),
        (
            r#"{"skills": {}, "management": {"team_size": -1}}"#,
            "team-size-out-of-range",
        ),
        (
            r#"{"skills": {}, "management": {"years": 100}}"#,
            "years-out-of-range",
        ),
    ];
    for (text, needle) in cases {
        refused(
            &recommend(text.as_bytes()),
            &[needle, "closest valid value"],
        );
    }
}

#[test]
fn profile_non_finite_numbers() {
    // JSON has no NaN or infinity; a literal too large for f64 is refused by the parser.
    for text in [
        r#"{"skills": {}, "years_experience": 1e999}"#,
        r#"{"skills": {}, "age": -1e999}"#,
        r#"{"skills": {"linux": 1e400}}"#,
    ] {
        refused(&recommend(text.as_bytes()), &["number out of range"]);
    }
    for text in [
        r#"{"skills": {}, "years_experience": NaN}"#,
        r#"{"skills": {}, "years_experience": Infinity}"#,
        r#"{"skills": {}, "years_experience": -Infinity}"#,
    ] {
        refused(&recommend(text.as_bytes()), &["malformed-json"]);
    }
}

#[test]
fn profile_duplicate_keys() {
    refused(
        &recommend(br#"{"skills": {}, "age": 30, "age": 31}"#),
        &["duplicate field `age`"],
    );
    refused(
        &recommend(br#"{"skills": {"linux": 1, "linux": 5}}"#),
        &["duplicate key `linux`"],
    );
    refused(
        &recommend(br#"{"skills": {}, "phases": {"build": 1, "build": 2}}"#),
        &["duplicate key `build`"],
    );
    refused(
        &recommend(br#"{"skills": {}, "skills": {}}"#),
        &["duplicate field `skills`"],
    );
}

#[test]
fn profile_with_a_bom_gives_the_same_answer() {
    let plain = answered(&recommend(VALID.as_bytes()));
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(VALID.as_bytes());
    assert_eq!(answered(&recommend(&bom)), plain);
    // Only one mark is dropped; a second one is not JSON.
    let mut two = "\u{feff}".as_bytes().to_vec();
    two.extend_from_slice(&bom);
    refused(&recommend(&two), &["invalid-value"]);
}

#[test]
fn profile_invalid_utf8() {
    let mut bytes = br#"{"skills": {}, "name": ""#.to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, b'"', b'}']);
    refused(
        &recommend(&bytes),
        &["cannot read", "not valid UTF-8", "offset 24"],
    );
    refused(
        &cli_stdin(&["recommend", "-"], &bytes),
        &["cannot read <stdin>", "not valid UTF-8"],
    );
}

#[test]
fn profile_of_100_mb_is_refused_by_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.json");
    // Sparse: 100 MB long, no disk used, and refused from its length before any read.
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(100 * 1024 * 1024).expect("set_len");
    refused(
        &cli(&["recommend", s(&path)]),
        &["is 104857600 bytes; the limit is 16777216 bytes"],
    );
}

/// An endless reader that counts what was taken from it.
struct Endless {
    taken: u64,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        buf.fill(b' ');
        self.taken += buf.len() as u64;
        Ok(buf.len())
    }
}

#[test]
fn endless_standard_input_is_cut_at_the_limit() {
    let mut stdin = Endless { taken: 0 };
    let out = cli_with(&["recommend", "-"], &mut stdin);
    refused(
        &out,
        &["<stdin>", "over the profile limit of 16777216 bytes"],
    );
    assert!(
        stdin.taken <= 17 * 1024 * 1024,
        "read {} bytes",
        stdin.taken
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_without_a_length_is_cut_at_the_limit() {
    // /dev/zero reports length 0 and never ends: the limit must hold while reading.
    refused(
        &cli(&["recommend", "/dev/zero"]),
        &["/dev/zero", "the limit is 16777216 bytes"],
    );
}

#[test]
fn profile_nested_10000_deep() {
    let deep = format!(
        r#"{{"skills": {{}}, "name": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    refused(
        &recommend(deep.as_bytes()),
        &["invalid-value", "expected a string"],
    );
    let deep = format!(
        r#"{{"skills": {{}}, "preferences": [{}{}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    refused(&recommend(deep.as_bytes()), &["invalid-value"]);
    let deep = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    refused(&recommend(deep.as_bytes()), &["unknown field `a`"]);
}

#[test]
fn profile_with_a_very_long_name_is_answered() {
    let name = "佐".repeat(1_000_000);
    let text = format!(r#"{{"name": "{name}", "skills": {{"linux": 2}}}}"#);
    let out = recommend(text.as_bytes());
    let v = answered(&out);
    assert_eq!(
        v["profile"]["name"].as_str().map(str::len),
        Some(name.len())
    );
}

#[test]
fn profile_with_a_very_long_unknown_id() {
    let id = "k".repeat(1_000_000);
    let text = format!(r#"{{"skills": {{"{id}": 2}}, "current_role": "{id}"}}"#);
    let out = recommend(text.as_bytes());
    refused(&out, &["unknown-skill", "unknown-role", "did you mean"]);
    // The id, the pointer and the line are each shown cut: not a megabyte per diagnostic.
    assert!(out.stderr.len() < 5_000, "{} bytes", out.stderr.len());
    assert!(out.stderr.contains(" characters …]"), "{}", out.stderr);
}

#[test]
fn profile_with_20000_unknown_ids() {
    let skills: Vec<String> = (0..20_000).map(|i| format!("\"skill-{i}\": 1")).collect();
    let certs: Vec<String> = (0..20_000).map(|i| format!("\"cert-{i}\"")).collect();
    let text = format!(
        r#"{{"skills": {{{}}}, "certifications": [{}]}}"#,
        skills.join(", "),
        certs.join(", ")
    );
    let out = recommend(text.as_bytes());
    // The first 100 are shown in full; the rest are counted, so the time stays linear.
    refused(
        &out,
        &[
            "unknown-skill",
            "`skill-0`",
            "error[too-many-problems]: 39900 more problems (39900 errors, 0 warnings)",
        ],
    );
    assert_eq!(out.stderr.matches("error[").count(), 101);
    // All of it is on one line of over 500,000 characters: each diagnostic shows a window.
    assert!(out.stderr.len() < 100 * 1_000, "{} bytes", out.stderr.len());
}

#[test]
fn a_one_megabyte_line_is_shown_as_a_window() {
    let name = "佐".repeat(1_000_000);
    let text = format!(r#"{{"name": "{name}", "skills": {{"kubernets": 2}}}}"#);
    let out = recommend(text.as_bytes());
    refused(
        &out,
        &[
            "error[unknown-skill]: unknown skill `kubernets`",
            "p.json:1:1000025\n",
            "line 1 is 1000040 characters long: characters 999965–1000040 are shown",
            r#"佐", "skills": {"kubernets": 2}}"#,
            "^^^^^^^^^^^ /skills/kubernets",
            "did you mean `kubernetes`",
        ],
    );
    assert!(out.stderr.len() < 2_000, "{}", out.stderr);
}

#[test]
fn profile_with_many_valid_repeats_is_answered() {
    let certs = vec!["\"ccna\""; 100_000].join(",");
    let text = format!(r#"{{"skills": {{"linux": 3}}, "certifications": [{certs}]}}"#);
    let v = answered(&recommend(text.as_bytes()));
    assert!(
        v["recommendations"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
}

#[test]
fn profile_path_is_a_directory_or_missing() {
    let dir = tempfile::tempdir().expect("tempdir");
    refused(
        &cli(&["recommend", s(dir.path())]),
        &["cannot read", "is a directory, not a file"],
    );
    let missing = dir.path().join("nope.json");
    refused(
        &cli(&["gaps", s(&missing), "--target", "sre"]),
        &["cannot read", "nope.json"],
    );
}

#[cfg(unix)]
#[test]
fn unreadable_profile() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = file_with("p.json", VALID.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let out = cli(&["recommend", "--format", "json", s(&path)]);
    if reads_anything(&path) {
        // root reads it anyway: then it is simply a valid profile
        answered(&out);
    } else {
        refused(&out, &["cannot read", "Permission denied"]);
    }
}

#[test]
fn profile_on_standard_input() {
    let from_file = answered(&recommend(VALID.as_bytes()));
    let from_stdin = answered(&cli_stdin(
        &["recommend", "--format", "json", "-"],
        VALID.as_bytes(),
    ));
    assert_eq!(from_file["recommendations"], from_stdin["recommendations"]);
    refused(
        &cli_stdin(&["recommend", "-"], b""),
        &["<stdin>", "the file is empty"],
    );
}

// ---------------------------------------------------------------- rule files (--rules DIR)

#[test]
fn rules_dir_is_a_file_missing_or_empty() {
    let (_d, file) = file_with("kb.json", b"{}");
    refused(&cli(&["roles", "--rules", s(&file)]), &["not a directory"]);
    refused(&validate(&file), &["not a directory"]);
    let dir = tempfile::tempdir().expect("tempdir");
    refused(
        &cli(&["roles", "--rules", s(&dir.path().join("nope"))]),
        &["not a directory"],
    );
    refused(&validate(dir.path()), &["holds no *.json rule files"]);
}

#[test]
fn rules_empty_file() {
    let dir = kb_with(&[("zz.json", b"")]);
    invalid(
        &validate(dir.path()),
        &["invalid-value", "zz.json", "empty"],
    );
    refused(&kb_roles(dir.path()), &["invalid-value", "zz.json"]);
}

#[test]
fn rules_truncated_and_malformed() {
    let dir = kb_with(&[("zz.json", br#"{"skills": [{"id": "x", "#)]);
    invalid(&validate(dir.path()), &["malformed-json", "zz.json:1:"]);
    let dir = kb_with(&[("zz.json", b"{\"skills\": [],\n \"roles\": [}\n")]);
    invalid(&validate(dir.path()), &["malformed-json", "zz.json:2:"]);
    refused(&kb_roles(dir.path()), &["malformed-json"]);
}

#[test]
fn rules_wrong_types() {
    let cases: [&[u8]; 5] = [
        br#"{"skills": {}}"#,
        br#"{"roles": [{"id": 1}]}"#,
        br#"{"transitions": [{"from": "ops", "to": "dev", "typical_years": "2", "note": {"ja": "a", "en": "b"}, "source": "test"}]}"#,
        br#"{"rules": [{"id": "r", "description": "text", "when": {}, "effects": [], "source": "test"}]}"#,
        br#"{"scoring": []}"#,
    ];
    for text in cases {
        let dir = kb_with(&[("zz.json", text)]);
        invalid(&validate(dir.path()), &["invalid-value", "zz.json:1:"]);
    }
}

#[test]
fn rules_duplicate_keys() {
    let dir = kb_with(&[("zz.json", br#"{"skills": [], "skills": []}"#)]);
    invalid(&validate(dir.path()), &["duplicate field `skills`"]);
    let skill = br#"{"skills": [{"id": "a", "id": "b", "name": {"ja": "a", "en": "a"}, "category": "c", "source": "test"}]}"#;
    let dir = kb_with(&[("zz.json", skill)]);
    invalid(&validate(dir.path()), &["duplicate field `id`"]);
}

#[test]
fn rules_unknown_ids_everywhere() {
    let text = br#"{"roles": [{"id": "x-role", "name": {"ja": "x", "en": "x"}, "family": "infraa", "seniority": 1,
  "summary": {"ja": "x", "en": "x"}, "requirements": [{"skill": "linuxx", "level": 2, "weight": 1, "source": "test"}],
  "aptitudes": ["stabilty"], "source": "test"}],
 "transitions": [{"from": "opps", "to": "x-role", "typical_years": 1, "note": {"ja": "a", "en": "b"}, "source": "test"}],
 "rules": [{"id": "zz-rule", "description": {"ja": "a", "en": "b"},
   "when": {"all": [{"has_certification": "net-c"}, {"workplace_in": ["sier"]}]},
   "effects": [{"adjust": {"roles": ["netopps"], "by": 0.1}}], "source": "test"}]}"#;
    let dir = kb_with(&[("zz.json", text)]);
    invalid(
        &validate(dir.path()),
        &[
            "unknown-family",
            "unknown-skill",
            "unknown-preference",
            "unknown-role",
            "unknown-certification",
            "unknown-workplace",
            "did you mean `linux`",
            "did you mean `netops`",
        ],
    );
}

#[test]
fn rules_non_finite_and_out_of_range_numbers() {
    let t = |years: &str| {
        format!(
            r#"{{"transitions": [{{"from": "dev", "to": "netops", "typical_years": {years}, "note": {{"ja": "a", "en": "b"}}, "source": "test"}}]}}"#
        )
    };
    let dir = kb_with(&[("zz.json", t("1e999").as_bytes())]);
    invalid(&validate(dir.path()), &["number out of range"]);
    let dir = kb_with(&[("zz.json", t("-1e999").as_bytes())]);
    invalid(&validate(dir.path()), &["number out of range"]);
    let dir = kb_with(&[("zz.json", t("1e300").as_bytes())]);
    invalid(&validate(dir.path()), &["years-out-of-range"]);
    let adjust = br#"{"rules": [{"id": "zz", "description": {"ja": "a", "en": "b"},
      "when": {"preference": "stability"}, "effects": [{"adjust": {"roles": ["ops"], "by": 1e308}}], "source": "test"}]}"#;
    let dir = kb_with(&[("zz.json", adjust)]);
    invalid(&validate(dir.path()), &["adjust-out-of-range"]);
    let level = br#"{"certifications": [{"id": "zz", "name": {"ja": "a", "en": "b"}, "issuer": "T", "tier": "associate",
      "evidences": [{"skill": "linux", "level": 300}], "source": "test"}]}"#;
    let dir = kb_with(&[("zz.json", level)]);
    invalid(
        &validate(dir.path()),
        &["invalid-value", "integer `300`, expected a whole number"],
    );
}

#[test]
fn rules_with_a_bom_load() {
    let text = std::fs::read(root().join("tests/fixtures/kb-min/kb.json")).expect("fixture");
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(&text);
    let dir = kb_with(&[("kb.json", &bom)]);
    let out = validate(dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        kb_roles(dir.path()).stdout,
        kb_roles(&root().join("tests/fixtures/kb-min")).stdout
    );
}

#[test]
fn rules_invalid_utf8() {
    let dir = kb_with(&[("zz.json", b"{\"description\": \"\xc3\x28\"}")]);
    refused(
        &validate(dir.path()),
        &["cannot read", "zz.json", "not valid UTF-8"],
    );
    refused(&kb_roles(dir.path()), &["not valid UTF-8"]);
}

#[test]
fn rule_file_of_100_mb_is_refused_by_its_size() {
    let dir = kb_with(&[]);
    let f = std::fs::File::create(dir.path().join("zz.json")).expect("create");
    f.set_len(100 * 1024 * 1024).expect("set_len");
    refused(
        &validate(dir.path()),
        &["zz.json", "is 104857600 bytes; the limit is 67108864 bytes"],
    );
}

#[test]
fn a_directory_named_like_a_rule_file_is_skipped() {
    let dir = kb_with(&[]);
    std::fs::create_dir(dir.path().join("zz.json")).expect("mkdir");
    let out = validate(dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("3 files"), "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn unreadable_rule_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = kb_with(&[]);
    let path = dir.path().join("kb.json");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let out = validate(dir.path());
    if reads_anything(&path) {
        assert_eq!(out.code, 0, "{}", out.stderr);
    } else {
        refused(&out, &["cannot read", "kb.json", "Permission denied"]);
    }
}

/// A rule whose condition is `depth` nested `not`s around a preference test.
fn nested_rule(depth: usize) -> String {
    let by = if depth % 2 == 0 { "0.1" } else { "-0.1" };
    format!(
        r#"{{"rules": [{{"id": "deep", "description": {{"ja": "a", "en": "b"}},
  "when": {}{{"preference": "stability"}}{},
  "effects": [{{"adjust": {{"roles": ["ops"], "by": {by}}}}}], "source": "test"}}]}}"#,
        r#"{"not": "#.repeat(depth),
        "}".repeat(depth)
    )
}

#[test]
fn rule_conditions_nested_10000_deep() {
    let dir = kb_with(&[("zz.json", nested_rule(10_000).as_bytes())]);
    invalid(
        &validate(dir.path()),
        &["malformed-json", "recursion limit exceeded", "zz.json:2:"],
    );
    refused(&kb_roles(dir.path()), &["recursion limit exceeded"]);
}

#[test]
fn rule_conditions_nested_100_deep_load_and_run() {
    let dir = kb_with(&[("zz.json", nested_rule(100).as_bytes())]);
    let out = validate(dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (_d, p) = file_with(
        "p.json",
        br#"{"current_role": "dev", "skills": {"linux": 2}, "preferences": ["stability"]}"#,
    );
    let v = answered(&cli(&[
        "recommend",
        "--format",
        "json",
        "--rules",
        s(dir.path()),
        s(&p),
    ]));
    assert!(
        v["recommendations"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
}

#[test]
fn a_graph_with_10000_parallel_edges() {
    let edge = r#"{"from": "ops", "to": "netops", "typical_years": 2, "note": {"ja": "a", "en": "b"}, "source": "test"}"#;
    let text = format!(r#"{{"transitions": [{}]}}"#, vec![edge; 10_000].join(",\n"));
    let dir = kb_with(&[("zz.json", text.as_bytes())]);
    let out = validate(dir.path());
    invalid(
        &out,
        &[
            "duplicate-transition",
            "zz.json:1:18\n",
            "^ /transitions/0\n",
            "first defined at",
            "error[too-many-problems]: 9900 more problems",
        ],
    );
    refused(&kb_roles(dir.path()), &["duplicate-transition"]);
}

#[test]
fn rules_with_a_very_long_id() {
    let id = "x".repeat(1_000_000);
    let text = format!(
        r#"{{"transitions": [{{"from": "{id}", "to": "ops", "typical_years": 1, "note": {{"ja": "a", "en": "b"}}, "source": "test"}}]}}"#
    );
    let dir = kb_with(&[("zz.json", text.as_bytes())]);
    invalid(&validate(dir.path()), &["unknown-role", "did you mean"]);
}

#[test]
fn rules_with_thousands_of_roles_validate() {
    // 3,000 extra roles in a chain: everything valid, warnings only for the unused.
    let roles: Vec<String> = (0..3000)
        .map(|i| {
            format!(
                r#"{{"id": "r-{i}", "name": {{"ja": "r", "en": "r"}}, "family": "infra", "seniority": 1,
  "summary": {{"ja": "r", "en": "r"}}, "requirements": [{{"skill": "linux", "level": 1, "weight": 1, "source": "test"}}], "source": "test", "terminal": true}}"#
            )
        })
        .collect();
    let edges: Vec<String> = (0..3000)
        .map(|i| {
            let from = if i == 0 { "ops".to_string() } else { format!("r-{}", i - 1) };
            format!(
                r#"{{"from": "{from}", "to": "r-{i}", "typical_years": 1, "note": {{"ja": "a", "en": "b"}}, "source": "test"}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"roles": [{}], "transitions": [{}]}}"#,
        roles.join(","),
        edges.join(",")
    );
    let dir = kb_with(&[("zz.json", text.as_bytes())]);
    let out = validate(dir.path());
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The longest route is beyond the hop bound: no route, a clear answer, not a hang.
    let v = answered(&cli(&[
        "paths",
        "--format",
        "json",
        "--rules",
        s(dir.path()),
        "--from",
        "ops",
        "--to",
        "r-2999",
        "-k",
        "20",
    ]));
    assert_eq!(v["paths"].as_array().map(Vec::len), Some(0));
}

// ---------------------------------------------------------------- arguments

#[test]
fn k_out_of_range() {
    for k in ["0", "21", "1000000"] {
        refused(
            &cli(&["paths", "--from", "infra-engineer", "--to", "sre", "-k", k]),
            &["out of range: expected 1 to 20"],
        );
    }
    for k in ["18446744073709551616", "1e3", "three"] {
        refused(
            &cli(&["paths", "--from", "infra-engineer", "--to", "sre", "-k", k]),
            &["invalid value", "-k"],
        );
    }
    refused(
        &cli(&[
            "paths",
            "--from",
            "infra-engineer",
            "--to",
            "sre",
            "-k",
            "-1",
        ]),
        &["unexpected argument '-1'"],
    );
}

#[test]
fn k_at_the_bound_is_answered_sorted_and_loopless() {
    let v = answered(&cli(&[
        "paths",
        "--format",
        "json",
        "--from",
        "programmer",
        "--to",
        "it-consultant",
        "-k",
        "20",
    ]));
    let paths = v["paths"].as_array().expect("paths");
    assert_eq!(paths.len(), 20);
    let costs: Vec<f64> = paths.iter().filter_map(|p| p["cost"].as_f64()).collect();
    assert!(costs.windows(2).all(|w| w[0] <= w[1]), "{costs:?}");
    for p in paths {
        let roles: Vec<&str> = p["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .filter_map(|r| r.as_str())
            .collect();
        let mut unique = roles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), roles.len(), "loop in {roles:?}");
    }
}

#[test]
fn top_and_steps_bounds() {
    let (_d, p) = file_with("p.json", VALID.as_bytes());
    let all = answered(&cli(&["recommend", "--format", "json", s(&p)]));
    let huge = answered(&cli(&[
        "recommend",
        "--format",
        "json",
        "--top",
        "18446744073709551615",
        s(&p),
    ]));
    assert_eq!(all, huge);
    // 0 would show nothing, which read as "no role is reachable" (issue 13): refused.
    refused(
        &cli(&["recommend", "--format", "json", "--top", "0", s(&p)]),
        &["--top", "0 would show nothing"],
    );
    for steps in ["0", "3", "99999999999"] {
        refused(&cli(&["recommend", "--steps", steps, s(&p)]), &["--steps"]);
    }
}

#[test]
fn unknown_or_empty_role_arguments() {
    refused(
        &cli(&["paths", "--from", "infra-enginer", "--to", "sre"]),
        &["unknown-role", "did you mean `infra-engineer`"],
    );
    refused(
        &cli(&["paths", "--from", "sre", "--to", ""]),
        &["unknown-role"],
    );
    refused(&cli(&["role", "ｓｒｅ"]), &["unknown-role"]);
    let (_d, p) = file_with("p.json", VALID.as_bytes());
    let long = "r".repeat(1_000_000);
    refused(
        &cli(&["gaps", s(&p), "--target", &long]),
        &["unknown-role", "did you mean"],
    );
}

#[test]
fn a_route_from_a_role_to_itself() {
    refused(
        &cli(&[
            "paths",
            "--from",
            "sre",
            "--to",
            "site-reliability-engineer",
        ]),
        &["--from and --to are the same role (`sre`)"],
    );
}

#[test]
fn bad_flags_and_commands() {
    refused(
        &cli(&["roles", "--format", "xml"]),
        &["invalid value 'xml'"],
    );
    refused(&cli(&["recommnd", "p.json"]), &["unrecognized subcommand"]);
    refused(&cli(&["recommend"]), &["PROFILE"]);
    refused(&cli(&["gaps", "p.json"]), &["--target"]);
    refused(&cli(&["validate", "--deny"]), &["unexpected argument"]);
}

#[test]
fn help_states_the_input_limits() {
    let out = cli(&["--help"]);
    assert_eq!(out.code, 0);
    for needle in ["16 MiB", "64 MiB", "128"] {
        assert!(
            out.stdout.contains(needle),
            "no {needle} in --help:\n{}",
            out.stdout
        );
    }
}

// ---------------------------------------------------------------- batch (JSON Lines)

/// The records `batch` wrote, parsed.
fn records(out: &Output) -> Vec<serde_json::Value> {
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each record is JSON"))
        .collect()
}

#[test]
fn batch_gives_one_record_per_hostile_line() {
    let deep = format!(
        r#"{{"skills": {{}}, "name": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let many: Vec<String> = (0..5_000).map(|i| format!("\"s-{i}\": 1")).collect();
    let many = format!(r#"{{"skills": {{{}}}}}"#, many.join(","));
    let long = format!(
        r#"{{"name": "{}", "skills": {{}}}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    let mut input: Vec<u8> = Vec::new();
    for line in [
        VALID.replace('\n', " ").as_bytes(),
        b"",
        b"\xff\xfe{}",
        b"{\"skills\": {\"linux\": 3}}\r",
        deep.as_bytes(),
        many.as_bytes(),
        long.as_bytes(),
        b"{\"skills\": {}, \"name\": \"nul \\u0000 inside\"}",
        b"\0\0\0",
        b"{\"skills\":",
    ] {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    input.extend_from_slice(b"{\"skills\": {}}"); // no final newline
    let out = cli_stdin(&["batch", "--jobs", "2", "--top", "1"], &input);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let recs = records(&out);
    let status: Vec<(u64, &str)> = recs
        .iter()
        .filter_map(|r| Some((r["line"].as_u64()?, r["status"].as_str()?)))
        .collect();
    assert_eq!(
        status,
        [
            (1, "ok"),
            (2, "blank"),
            (3, "error"),
            (4, "ok"),
            (5, "error"),
            (6, "error"),
            (7, "error"),
            (8, "ok"),
            (9, "error"),
            (10, "error"),
            (11, "ok"),
        ]
    );
    let code = |i: usize| recs[i]["errors"][0]["code"].as_str().unwrap_or_default();
    assert_eq!(code(2), "invalid-utf8");
    assert_eq!(code(4), "invalid-value");
    assert_eq!(code(6), "line-too-long");
    assert_eq!(code(9), "malformed-json");
    // 5,000 unknown skills: the first 100 and the note that counts the rest.
    let errors = recs[5]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 101);
    assert_eq!(errors[100]["code"], "too-many-problems");
    assert!(
        out.stderr.contains("11 lines, 4 ok, 6 failed"),
        "{}",
        out.stderr
    );
}
