//! `batch`: one record per input line, in order, each equal to what `recommend` prints.

use serde_json::Value;

use crate::support::{json, machine_shape, profiles, root, run, run_in};

/// Every example profile as one line, with a bad line, a blank line and malformed JSON between.
fn input() -> (String, Vec<Option<String>>) {
    let mut text = String::new();
    let mut files = Vec::new();
    for (i, name) in profiles().iter().enumerate() {
        let raw = std::fs::read_to_string(root().join("profiles").join(name)).expect("profile");
        let v: Value = serde_json::from_str(&raw).expect("JSON");
        text.push_str(&serde_json::to_string(&v).expect("compact"));
        text.push('\n');
        files.push(Some(name.clone()));
        match i {
            1 => {
                text.push_str("{\"skills\": {\"linuxx\": 2}}\n");
                files.push(None);
            }
            3 => {
                text.push_str("   \n");
                files.push(None);
            }
            4 => {
                text.push_str("{\"skills\": {\"linux\": 2}\n");
                files.push(None);
            }
            _ => {}
        }
    }
    (text, files)
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// `recommend`'s JSON without the registry entries it lists: a batch record leaves them out
/// (they are the same for every line; `careergraph sources --format json` has them).
fn without_sources(mut v: Value) -> Value {
    let removed = v.as_object_mut().and_then(|o| o.shift_remove("sources"));
    assert!(
        removed.is_some_and(|s| s.is_array()),
        "recommend lists its sources"
    );
    v
}

#[test]
fn records_equal_recommend_in_input_order() {
    let (text, files) = input();
    for jobs in ["1", "2"] {
        let r = run_in(
            &root(),
            &["batch", "-", "--top", "3", "--jobs", jobs],
            Some(&text),
        );
        assert_eq!(r.code, 2, "a line failed: {}", r.stderr);
        let recs = records(&r.stdout);
        assert_eq!(recs.len(), files.len(), "one record per line");
        let mut ok = 0;
        for (i, (rec, file)) in recs.iter().zip(&files).enumerate() {
            assert_eq!(rec["line"], i + 1);
            let Some(file) = file else { continue };
            ok += 1;
            assert_eq!(rec["status"], "ok", "line {}: {rec}", i + 1);
            let path = format!("profiles/{file}");
            let single = machine_shape(
                &without_sources(json(&[
                    "recommend",
                    &path,
                    "--top",
                    "3",
                    "--format",
                    "json",
                ])),
                "none",
                false,
            );
            let mut fields = rec.as_object().expect("object").clone();
            fields.shift_remove("line");
            fields.shift_remove("status");
            assert_eq!(Value::Object(fields), single, "{file}");
        }
        let summary = format!(
            "batch: {} lines, {ok} ok, 2 failed (lines 3, 8), 1 blank\n",
            files.len()
        );
        assert_eq!(r.stderr, summary);
        assert_eq!(recs[2]["status"], "error");
        assert_eq!(recs[2]["errors"][0]["code"], "unknown-skill");
        assert_eq!(recs[2]["errors"][0]["line"], 3);
        assert_eq!(recs[2]["errors"][0]["file"], "-");
        assert_eq!(recs[5], serde_json::json!({"line": 6, "status": "blank"}));
        assert_eq!(recs[7]["errors"][0]["code"], "malformed-json");
    }
}

#[test]
fn a_whole_result_and_the_output_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.jsonl");
    let out_arg = out.display().to_string();
    let r = run(&[
        "batch",
        "profiles/team.jsonl",
        "-o",
        &out_arg,
        "--steps",
        "1",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    let recs = records(&std::fs::read_to_string(&out).expect("output written"));
    assert_eq!(recs.len(), 3);
    let mut first = recs[0].as_object().expect("object").clone();
    first.shift_remove("line");
    first.shift_remove("status");
    let single = machine_shape(
        &without_sources(json(&[
            "recommend",
            "profiles/infra-ops-1y.json",
            "--steps",
            "1",
            "--top",
            "5",
            "--format",
            "json",
        ])),
        "none",
        false,
    );
    assert_eq!(Value::Object(first), single);
    assert_eq!(recs[1]["errors"][0]["file"], "profiles/team.jsonl");
}

#[test]
fn all_good_exits_0_and_bad_input_files_exit_2() {
    let good = run_in(&root(), &["batch"], Some("{\"skills\": {}}\n\n"));
    assert_eq!(good.code, 0, "{}", good.stderr);
    assert_eq!(good.stderr, "batch: 2 lines, 1 ok, 0 failed, 1 blank\n");
    let empty = run_in(&root(), &["batch"], Some(""));
    assert_eq!((empty.code, empty.stdout.as_str()), (0, ""));
    let missing = run(&["batch", "no-such.jsonl"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stdout, "");
    assert!(
        missing.stderr.contains("no-such.jsonl"),
        "{}",
        missing.stderr
    );
}

#[test]
fn an_overlong_line_is_one_error_record() {
    let long = format!(
        "{{\"name\": \"{}\", \"skills\": {{}}}}\n{{\"skills\": {{}}}}\n",
        "x".repeat(1_100_000)
    );
    let r = run_in(&root(), &["batch", "--jobs", "2"], Some(&long));
    assert_eq!(r.code, 2);
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["errors"][0]["code"], "line-too-long");
    assert_eq!(recs[1]["status"], "ok");
}

/// `--top N` explains only the best N roles; they are exactly the first N of the full ranking.
#[test]
fn top_n_is_the_head_of_the_full_ranking() {
    for name in profiles() {
        let path = format!("profiles/{name}");
        let all = json(&["recommend", &path, "--format", "json"]);
        let top = json(&["recommend", &path, "--top", "4", "--format", "json"]);
        let head: Vec<Value> = all["recommendations"]
            .as_array()
            .expect("list")
            .iter()
            .take(4)
            .cloned()
            .collect();
        assert_eq!(top["recommendations"], Value::Array(head), "{name}");
    }
}

/// The brief form of a full record's recommendations: what `--brief` must print.
fn briefed(full: &Value) -> Value {
    let recs = full["recommendations"].as_array().expect("list");
    let brief: Vec<Value> = recs
        .iter()
        .map(|r| {
            let essential: Vec<Value> = r["gaps"]
                .as_array()
                .expect("gaps")
                .iter()
                .filter(|g| g["kind"] == "skill" && g["essential"] == true)
                .map(|g| g["skill"].clone())
                .collect();
            serde_json::json!({
                "role": r["role"],
                "advice": r["advice"],
                "score": r["score"],
                "fit": r["fit"],
                "readiness": r["readiness"],
                "months_to_ready": r["months_to_ready"],
                "essential_gaps": essential,
            })
        })
        .collect();
    serde_json::json!({"line": full["line"], "status": "ok", "recommendations": brief})
}

/// `--brief` ranks exactly as the full records (role, score, fit, readiness, months, essential
/// gaps, in the same order), line for line; error and blank records are the same.
#[test]
fn brief_records_agree_with_the_full_records() {
    let (text, files) = input();
    for top in [
        &["--top", "3"][..],
        &[][..],
        &["--top", "1", "--steps", "1"][..],
    ] {
        for jobs in ["1", "2"] {
            let args = |brief: bool| {
                let mut a = vec!["batch", "-", "--jobs", jobs];
                a.extend_from_slice(top);
                if brief {
                    a.push("--brief");
                }
                run_in(&root(), &a, Some(&text))
            };
            let (full, brief) = (args(false), args(true));
            assert_eq!((brief.code, &brief.stderr), (full.code, &full.stderr));
            let (full, brief) = (records(&full.stdout), records(&brief.stdout));
            assert_eq!(brief.len(), files.len(), "one record per line");
            assert_eq!(full.len(), brief.len());
            for (i, (f, b)) in full.iter().zip(&brief).enumerate() {
                assert_eq!(b["line"], i + 1);
                if f["status"] == "ok" {
                    assert_eq!(b, &briefed(f), "line {} {top:?}", i + 1);
                } else {
                    assert_eq!(b, f, "line {}", i + 1);
                }
            }
            assert_eq!(brief[2]["errors"][0]["code"], "unknown-skill");
        }
    }
}

/// A record's shape: no texts and the top 5 by default; `--texts ja|en|both`,
/// `--other-certifications`, `--top` and `--all` as asked; in every shape the content is
/// `recommend --format json`'s.
#[test]
fn records_are_shaped_for_machines_unless_asked() {
    let path = "profiles/infra-4y-ccna.json";
    let raw = std::fs::read_to_string(root().join(path)).expect("profile");
    let line = serde_json::to_string(&serde_json::from_str::<Value>(&raw).expect("JSON"))
        .expect("compact");
    for (args, texts, others, top) in [
        (&[][..], "none", false, Some("5")),
        (&["--texts", "ja"][..], "ja", false, Some("5")),
        (
            &["--texts", "en", "--other-certifications"][..],
            "en",
            true,
            Some("5"),
        ),
        (
            &["--texts", "both", "--top", "2"][..],
            "both",
            false,
            Some("2"),
        ),
        (&["--all", "--other-certifications"][..], "none", true, None),
    ] {
        let mut all = vec!["batch", "-", "--jobs", "1"];
        all.extend_from_slice(args);
        let r = run_in(&root(), &all, Some(&format!("{line}\n")));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        let recs = records(&r.stdout);
        let mut fields = recs[0].as_object().expect("object").clone();
        fields.shift_remove("line");
        fields.shift_remove("status");
        let mut single = vec!["recommend", path, "--format", "json"];
        if let Some(n) = top {
            single.extend_from_slice(&["--top", n]);
        }
        let expected = machine_shape(&without_sources(json(&single)), texts, others);
        assert_eq!(Value::Object(fields), expected, "{args:?}");
        if texts == "none" {
            let text = r.stdout.as_str();
            assert!(
                !text.contains("\"ja\"") && !text.contains("null"),
                "{args:?}: {text}"
            );
        }
        assert_eq!(
            r.stdout.contains("\"other_certifications\""),
            others,
            "{args:?}"
        );
    }
    let all = records(&run_in(&root(), &["batch", "-", "--all"], Some(&line)).stdout);
    let five = records(&run_in(&root(), &["batch", "-"], Some(&line)).stdout);
    let count = |r: &Value| r["recommendations"].as_array().map_or(0, Vec::len);
    assert_eq!(count(&five[0]), 5);
    assert!(count(&all[0]) > 5);
    let zero = run(&["batch", "profiles/team.jsonl", "--top", "0"]);
    assert_eq!(zero.code, 2);
    assert!(zero.stderr.contains("--top"), "{}", zero.stderr);
}
