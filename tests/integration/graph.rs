//! `graph`: the career graph as text, JSON, DOT, Mermaid and SVG; and formats a command does not
//! write.

use crate::support::{json, root, run, stdout};

const PROFILE: &str = "profiles/infra-4y-ccna.json";

/// The command that draws the README's picture (also in the README and in `graph --help`).
const README_PICTURE: [&str; 7] = [
    "graph",
    "--format",
    "svg",
    "--profile",
    PROFILE,
    "--to",
    "it-architect",
];

fn snap(name: &str, args: &[&str]) {
    insta::assert_snapshot!(name, stdout(args), &args.join(" "));
}

#[test]
fn dot_and_mermaid_snapshots() {
    snap("graph_dot", &["graph", "--format", "dot"]);
    snap("graph_mermaid", &["graph", "--format", "mermaid"]);
    let with = ["--profile", PROFILE, "--to", "it-architect"];
    snap(
        "graph_dot_profile_route",
        &[&["graph", "--format", "dot"], &with[..]].concat(),
    );
    snap(
        "graph_mermaid_profile_route",
        &[&["graph", "--format", "mermaid"], &with[..]].concat(),
    );
}

#[test]
fn text_snapshot_with_a_profile_and_a_route() {
    snap(
        "graph_text_profile_route",
        &["graph", "--profile", PROFILE, "--to", "it-architect"],
    );
}

#[test]
fn json_lists_every_role_and_transition_and_the_route_paths_finds() {
    let g = json(&[
        "graph",
        "--format",
        "json",
        "--from",
        "programmer",
        "--to",
        "it-architect",
    ]);
    let roles = json(&["roles", "--format", "json"]);
    assert_eq!(
        g["roles"].as_array().map(Vec::len),
        roles["roles"].as_array().map(Vec::len)
    );
    let edges = g["transitions"].as_array().expect("transitions");
    assert!(edges.len() > 50);
    let best = json(&[
        "paths",
        "--from",
        "programmer",
        "--to",
        "it-architect",
        "-k",
        "1",
        "--format",
        "json",
    ]);
    let route = &g["route"];
    assert_eq!(route["roles"], best["paths"][0]["roles"]);
    assert_eq!(route["cost"], best["paths"][0]["cost"]);
    let on: Vec<&str> = g["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter(|r| r["on_route"] == true)
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(on.len(), route["roles"].as_array().map_or(0, Vec::len));
    let taken = edges.iter().filter(|e| e["on_route"] == true).count();
    assert_eq!(taken + 1, on.len());
    // Without a profile there is no fit.
    assert!(g["roles"][0]["fit"].is_null());
}

#[test]
fn the_profile_colours_by_fit_and_starts_the_route_at_its_current_role() {
    let g = json(&[
        "graph",
        "--format",
        "json",
        "--profile",
        PROFILE,
        "--to",
        "sre",
    ]);
    assert_eq!(g["route"]["from"], "infra-engineer");
    for r in g["roles"].as_array().expect("roles") {
        let fit = r["fit"].as_f64().expect("a fit per role");
        assert!((0.0..=1.0).contains(&fit));
        assert_eq!(r["current"] == true, r["id"] == "infra-engineer");
    }
}

#[test]
fn the_svg_is_a_whole_document_with_every_role() {
    let r = run(&README_PICTURE);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = r.stdout;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    let roles = json(&["roles", "--format", "json"]);
    for role in roles["roles"].as_array().expect("roles") {
        let id = role["id"].as_str().expect("id");
        assert!(svg.contains(&format!("<title>{id} (")), "no {id}");
    }
    assert!(svg.contains("url(#arrow-route)"), "the route is not drawn");
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(!svg.contains("NaN"));
}

#[test]
fn the_committed_picture_is_up_to_date() {
    let r = run(&README_PICTURE);
    let committed = std::fs::read_to_string(root().join("docs/career-graph.svg"))
        .expect("docs/career-graph.svg");
    assert!(
        r.stdout == committed,
        "docs/career-graph.svg is out of date; regenerate it with `cargo run -q -- {} > \
         docs/career-graph.svg`",
        README_PICTURE.join(" ")
    );
}

#[test]
fn bad_graph_requests_exit_2_with_nothing_on_stdout() {
    for (args, needle) in [
        (vec!["graph", "--to", "sre"], "--to needs a start"),
        (vec!["graph", "--from", "sre"], "--to"),
        (
            vec!["graph", "--from", "programmer", "--to", "sre-engineer"],
            "unknown role",
        ),
        (vec!["graph", "--from", "sre", "--to", "sre"], "same role"),
        (vec!["graph", "--format", "png"], "possible values"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stdout.is_empty(), "{args:?}");
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn a_command_rejects_a_format_it_does_not_write_and_names_the_ones_it_does() {
    for (args, expected) in [
        (
            vec!["--format", "dot", "recommend", PROFILE],
            "`recommend` cannot write --format dot; it writes text, json",
        ),
        (
            vec!["roles", "--format", "svg"],
            "`roles` cannot write --format svg; it writes text, json",
        ),
        (
            vec!["--format", "json", "completions", "bash"],
            "`completions` cannot write --format json; it writes text",
        ),
        (
            vec!["man", "--format", "mermaid"],
            "`man` cannot write --format mermaid; it writes text",
        ),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stdout.is_empty(), "{args:?}");
        assert!(r.stderr.contains(expected), "{args:?}: {}", r.stderr);
    }
}
