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
