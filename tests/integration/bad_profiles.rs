//! Each broken profile in tests/fixtures/profiles-bad gets its error: exit 2, nothing on stdout,
//! a diagnostic naming the file, the place and the nearest valid value.

use crate::support::{root, run};

#[test]
fn every_bad_profile_is_refused_with_a_diagnostic() {
    let dir = root().join("tests/fixtures/profiles-bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 15);
    for name in names {
        let path = format!("tests/fixtures/profiles-bad/{name}");
        for command in [
            vec!["recommend", path.as_str()],
            vec!["gaps", path.as_str(), "--target", "sre"],
        ] {
            let r = run(&command);
            assert_eq!(r.code, 2, "{name}: exit code");
            assert!(r.stdout.is_empty(), "{name}: printed {}", r.stdout);
            assert!(!r.stderr.is_empty(), "{name}: no error message");
        }
        let r = run(&["recommend", &path]);
        insta::assert_snapshot!(
            format!("bad_profile__{}", name.trim_end_matches(".json")),
            r.stderr
        );
    }
}

#[test]
fn a_case_only_mistake_names_the_one_id_meant() {
    let r = crate::support::run_in(
        &crate::support::root(),
        &["gaps", "profiles/infra-4y-ccna.json", "--target", "SRE"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `sre`?"), "{}", r.stderr);
    let r = crate::support::run_in(
        &crate::support::root(),
        &["recommend", "-"],
        Some(r#"{"current_role": "infra-engineer", "skills": {}, "certifications": ["CCNA"]}"#),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `ccna`?"), "{}", r.stderr);
}

#[test]
fn a_shift_jis_profile_is_named_with_how_to_convert_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("sjis.json");
    // {"name": "佐藤", ...} saved as Shift_JIS by a Windows editor.
    let mut bytes = b"{\"name\": \"".to_vec();
    bytes.extend([0x8d, 0xb2, 0x93, 0xa1]);
    bytes.extend(b"\", \"current_role\": \"infra-engineer\", \"skills\": {}}");
    std::fs::write(&file, bytes).expect("write");
    let r = crate::support::run(&["recommend", &file.to_string_lossy()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("Shift_JIS") && r.stderr.contains("iconv -f CP932 -t UTF-8"),
        "{}",
        r.stderr
    );
}
