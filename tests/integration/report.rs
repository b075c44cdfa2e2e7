//! `report`: the self-contained HTML page — a snapshot of its text, escaping of user input,
//! self-containment, `-o`, errors, and a render in headless Chromium (skipped when Chromium is
//! not installed; `.ci/run` installs it).

use std::path::Path;
use std::process::Command;

use crate::support::{root, run, run_in, stdout};

const PROFILE: &str = "profiles/infra-4y-ccna.json";

/// The page with the route map's SVG (snapshotted by the graph tests) left out.
fn without_svg(page: &str) -> String {
    match (page.find("<div class=\"map\">"), page.find("</svg>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}<div class=\"map\">[SVG: {} bytes]{}",
            &page[..a],
            b - a,
            &page[b + "</svg>".len()..]
        ),
        _ => panic!("the page has no route map"),
    }
}

#[test]
fn page_snapshot_with_a_target() {
    let args = ["report", PROFILE, "--target", "network-specialist"];
    let page = stdout(&args);
    insta::assert_snapshot!("report_html", without_svg(&page), &args.join(" "));
}

#[test]
fn default_target_is_the_top_recommendation_and_output_is_deterministic() {
    let page = stdout(&["report", PROFILE]);
    let top = crate::support::json(&["recommend", PROFILE, "--format", "json", "--top", "1"]);
    let role = top["recommendations"][0]["role"]
        .as_str()
        .expect("a top role");
    assert!(
        page.contains(&format!("</b> <code>{role}</code> — fit")),
        "target {role} missing"
    );
    assert_eq!(page, stdout(&["report", PROFILE]));
}

#[test]
fn page_is_self_contained() {
    let whole = stdout(&["report", PROFILE, "--target", "it-architect"]);
    assert!(whole.starts_with("<!DOCTYPE html>"));
    for banned in ["<script", "<link", "src=", "@import"] {
        assert!(!whole.contains(banned), "the page contains {banned}");
    }
    // Addresses only in the list of sources, which a reader follows; nothing is fetched.
    let (page, sources) = whole
        .split_once("<section id=\"sources\">")
        .expect("the page ends with its sources");
    assert!(!page.contains("https://"), "an address outside the sources");
    assert!(sources.contains("<ol class=\"sources\">"));
    // `url(` only for the SVG's own markers.
    assert_eq!(page.matches("url(").count(), page.matches("url(#").count());
    // The only URL is the SVG namespace.
    assert_eq!(
        page.matches("http://").count(),
        page.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(page.contains("<svg "), "the route map is inline");
    assert!(page.contains("Best route: <b>infra-engineer"));
}

#[test]
fn the_sources_are_links_and_escaped() {
    // kb-min, its `test` source made a web page whose entry holds markup.
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(root().join("tests/fixtures/kb-min")).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let registry = dir.path().join("sources.json");
    let text = std::fs::read_to_string(&registry).expect("read");
    let text = text
        .replace(
            "\"url\": \"tests/fixtures/kb-min/kb.json\", \"date\": \"2026\", \"kind\": \"design\"",
            "\"url\": \"https://example.com/a?b=1&c=\\\"2\\\"\", \"date\": \"2025-04\", \"kind\": \"survey\"",
        )
        .replace("The tiny knowledge base for tests", "<b>Pay</b> & 'jobs'");
    std::fs::write(&registry, text).expect("write");
    let profile = r#"{"current_role": "ops", "skills": {"linux": 2, "networking": 1}}"#;
    let r = run_in(dir.path(), &["report", "-", "--rules", "."], Some(profile));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (_, sources) = r
        .stdout
        .split_once("<section id=\"sources\">")
        .expect("a sources section");
    assert!(
        sources.contains(
            "<li id=\"source-1\"><a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\">\
             &lt;b&gt;Pay&lt;/b&gt; &amp; &#39;jobs&#39;</a> — careergraph (2025) <code>test</code></li>"
        ),
        "{sources}"
    );
    assert!(!sources.contains("<b>Pay"));
    // Marked where the page uses it, numbered as the list is.
    assert!(
        r.stdout
            .contains("<sup class=\"src\"><a href=\"#source-1\">[1]</a></sup>")
    );
}

#[test]
fn user_text_is_escaped() {
    let profile = r#"{"name": "<script>alert(\"x\")</script> & 'Bob' <b>", "current_role": "programmer", "skills": {"java": 3}}"#;
    let r = run_in(&root(), &["report", "-"], Some(profile));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("<script"), "unescaped name");
    assert!(!r.stdout.contains("'Bob'"));
    assert!(r.stdout.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bob&#39; &lt;b&gt;"
    ));
}

#[test]
fn output_file_and_errors() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("report.html");
    let file_arg = file.display().to_string();
    let r = run(&["report", PROFILE, "-o", &file_arg]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("report.html"));
    let written = std::fs::read_to_string(&file).expect("the page is written");
    assert_eq!(written, stdout(&["report", PROFILE]));

    let bad = run(&["report", PROFILE, "--target", "it-architekt"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stdout.is_empty());
    assert!(bad.stderr.contains("it-architect"), "{}", bad.stderr);

    let fmt = run(&["report", PROFILE, "--format", "json"]);
    assert_eq!(fmt.code, 2);
    assert!(fmt.stderr.contains("`report` cannot write --format json"));
}

/// A profile without a current role: no route, still a page.
#[test]
fn profile_without_a_current_role() {
    let page = stdout(&["report", "profiles/new-graduate.json"]);
    assert!(page.contains("none (entry roles)"));
    assert!(page.contains("Roles coloured by fit."));
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Distinct colours, and the share of pixels that are not (near) white.
fn colours(png_path: &Path) -> (usize, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).expect("the screenshot exists"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    assert!(channels >= 3, "RGB screenshot");
    let mut seen = std::collections::BTreeSet::new();
    let mut inked = 0usize;
    let pixels = &buf[..info.buffer_size()];
    for px in pixels.chunks_exact(channels) {
        seen.insert((px[0], px[1], px[2]));
        if px[0] < 240 || px[1] < 240 || px[2] < 240 {
            inked += 1;
        }
    }
    let total = pixels.len() / channels;
    (seen.len(), inked as f64 / total.max(1) as f64)
}

#[test]
fn renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED renders_in_headless_chromium: no chromium on PATH \
             (apt-get install -y chromium; .ci/run installs it)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let page = dir.path().join("report.html");
    let shot = dir.path().join("report.png");
    let r = run(&[
        "report",
        PROFILE,
        "--target",
        "network-specialist",
        "-o",
        &page.display().to_string(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let url = format!("file://{}", page.display());
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--enable-logging=stderr",
        "--v=0",
    ];
    let profile_dir = format!("--user-data-dir={}", dir.path().join("chrome").display());
    let out = Command::new(browser)
        .args(common)
        .arg(&profile_dir)
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,1800")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed:\n{stderr}");
    let console: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught"))
        .collect();
    assert!(
        console.is_empty(),
        "console messages:\n{}",
        console.join("\n")
    );
    let (distinct, inked) = colours(&shot);
    assert!(distinct > 100, "only {distinct} colours: a blank page?");
    assert!(inked > 0.05, "only {inked:.3} of the pixels are not white");

    // The DOM Chromium built holds every section.
    let dom = Command::new(browser)
        .args(common)
        .arg(&profile_dir)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&dom.stdout);
    for id in ["profile", "recommendations", "target", "route", "income"] {
        assert!(
            dom.contains(&format!("<section id=\"{id}\">")),
            "section {id} missing"
        );
    }
    assert!(dom.contains("<svg"), "the route map is in the DOM");
}
