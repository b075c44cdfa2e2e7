//! `--lang ja|en` and the locale: text in one language, JSON the same in both.

use crate::support::{profiles, root, run, run_env, stdout, target_of};

/// The main commands on a profile, as arguments (its target role and route from `target_of`).
fn commands(profile: &str) -> Vec<Vec<String>> {
    let path = format!("profiles/{profile}");
    let (from, to) = target_of(profile);
    let (_, target) = target_of(profile);
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        v(&["recommend", &path]),
        v(&["gaps", &path, "--target", target]),
        v(&[
            "paths",
            "--from",
            from,
            "--to",
            to,
            "--profile",
            &path,
            "-k",
            "3",
        ]),
        v(&["explain", &path, "--role", to]),
    ]
}

#[test]
fn json_is_the_same_in_every_language() {
    for p in profiles() {
        for args in commands(&p) {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--format", "json"]);
            let plain = stdout(&args);
            for lang in ["en", "ja"] {
                let with = stdout(&[args.as_slice(), &["--lang", lang]].concat());
                assert!(with == plain, "{args:?} --lang {lang}: JSON differs");
            }
        }
    }
}

#[test]
fn japanese_snapshots() {
    let p = "infra-4y-ccna.json";
    for (name, args) in ["recommend", "gaps", "paths", "explain"]
        .into_iter()
        .zip(commands(p))
    {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["--lang", "ja"]);
        insta::assert_snapshot!(format!("ja_{name}"), stdout(&args), &args.join(" "));
    }
    for args in [
        &["roles", "--lang", "ja"][..],
        &["role", "sre", "--lang", "ja"],
        &["skills", "--lang", "ja", "--format", "markdown"],
        &[
            "recommend",
            "profiles/infra-4y-ccna.json",
            "--assume",
            "cert:sc",
            "--top",
            "3",
            "--lang",
            "ja",
        ],
        &["validate", "--lang", "ja"],
        &[
            "income",
            "profiles/java-backend-3y.json",
            "--top",
            "2",
            "--lang",
            "ja",
        ],
        &["rate", "profiles/senior-upstream-lead.json", "--lang", "ja"],
        &[
            "jobs",
            "profiles/infra-4y-ccna.json",
            "--top",
            "3",
            "--lang",
            "ja",
        ],
    ] {
        let name = format!("ja_{}", args[0]);
        let name = if args.contains(&"--assume") {
            format!("{name}_assume")
        } else if args[0] == "role" {
            "ja_role_sre".to_string()
        } else {
            name
        };
        insta::assert_snapshot!(name, stdout(args), &args.join(" "));
    }
}

#[test]
fn english_text_shows_english_names_only() {
    let all = stdout(&["gaps", "profiles/infra-4y-ccna.json", "--target", "sre"]);
    // Sources keep their own titles (a Japanese article's title is Japanese).
    let out = all.split("\nSources:").next().unwrap_or(&all).to_string();
    assert!(out.contains("Site reliability engineer"), "{out}");
    assert!(!out.contains("SREエンジニア"), "{out}");
    let ja = stdout(&[
        "gaps",
        "profiles/infra-4y-ccna.json",
        "--target",
        "sre",
        "--lang",
        "ja",
    ]);
    assert!(
        ja.contains("SREエンジニア") && ja.contains("不足スキル"),
        "{ja}"
    );
    assert!(!ja.contains("Site reliability engineer"), "{ja}");
}

#[test]
fn the_locale_decides_without_lang_and_lang_wins_over_it() {
    let args = ["gaps", "profiles/infra-4y-ccna.json", "--target", "sre"];
    let en = stdout(&[&args[..], &["--lang", "en"]].concat());
    let ja = stdout(&[&args[..], &["--lang", "ja"]].concat());
    let with = |env: &[(&str, &str)], extra: &[&str]| {
        let r = run_env(&root(), &[&args[..], extra].concat(), None, env);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    assert_eq!(with(&[], &[]), en);
    assert_eq!(with(&[("LANG", "ja_JP.UTF-8")], &[]), ja);
    assert_eq!(
        with(&[("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "C")], &[]),
        ja
    );
    assert_eq!(with(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")], &[]), en);
    assert_eq!(with(&[("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")], &[]), ja);
    assert_eq!(with(&[("LANG", "ja_JP.UTF-8")], &["--lang", "en"]), en);
    assert_eq!(with(&[("LANG", "en_US.UTF-8")], &["--lang", "ja"]), ja);
    // The error path stays English (diagnostics are not translated).
    let r = run(&[
        "gaps",
        "profiles/infra-4y-ccna.json",
        "--target",
        "nope",
        "--lang",
        "ja",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
}

#[test]
fn the_html_report_and_the_pictures_follow_the_language() {
    let page = stdout(&["report", "profiles/infra-4y-ccna.json", "--lang", "ja"]);
    assert!(page.contains("<html lang=\"ja\">"), "{page}");
    for ja in [
        "キャリアレポート",
        "おすすめの次の職種",
        "インフラジェネラリスト",
        "準備完了",
    ] {
        assert!(page.contains(ja), "no {ja}");
    }
    assert!(!page.contains("Career report"));
    let en = stdout(&["report", "profiles/infra-4y-ccna.json"]);
    assert!(en.contains("<html lang=\"en\">") && !en.contains("インフラジェネラリスト"));
    insta::assert_snapshot!(
        "ja_graph_mermaid",
        stdout(&[
            "graph",
            "--format",
            "mermaid",
            "--profile",
            "profiles/infra-4y-ccna.json",
            "--to",
            "sre",
            "--lang",
            "ja"
        ])
    );
    let svg = stdout(&["graph", "--format", "svg", "--lang", "ja"]);
    assert!(svg.contains("塗り: 職種の系統") && svg.contains("SREエンジニア"));
    // The pictures' JSON is the same in both languages.
    let json = |lang| stdout(&["graph", "--format", "json", "--lang", lang]);
    assert!(json("ja") == json("en"));
}
