//! The README's example outputs are real: each block under a `<!-- readme-output: ARGS -->`
//! marker must equal what `careergraph ARGS` prints (stdout, then stderr); `ARGS | head N` keeps
//! the first N lines and a `…` line. With `UPDATE_README=1` the blocks are rewritten instead.

use crate::support::{root, run};

const MARKER: &str = "<!-- readme-output: ";

#[test]
fn readme_outputs_are_current() {
    let path = root().join("README.md");
    let text = std::fs::read_to_string(&path).expect("README.md");
    let mut out = String::new();
    let mut stale = Vec::new();
    let mut lines = text.split_inclusive('\n').peekable();
    let mut blocks = 0;
    while let Some(line) = lines.next() {
        out.push_str(line);
        let Some(args) = line
            .trim()
            .strip_prefix(MARKER)
            .and_then(|l| l.strip_suffix(" -->"))
        else {
            continue;
        };
        blocks += 1;
        let fence = lines.next().expect("a ```text fence follows the marker");
        assert_eq!(fence.trim(), "```text", "after {line}");
        let mut current = String::new();
        for l in lines.by_ref() {
            if l.trim_end() == "```" {
                break;
            }
            current.push_str(l);
        }
        let (command, head) = match args.split_once(" | head ") {
            Some((c, n)) => (c, Some(n.trim().parse::<usize>().expect("head N"))),
            None => (args, None),
        };
        let argv: Vec<&str> = command.split_whitespace().collect();
        let r = run(&argv);
        let mut fresh = format!("{}{}", r.stdout, r.stderr);
        if let Some(n) = head {
            let lines: Vec<&str> = fresh.lines().collect();
            if lines.len() > n {
                fresh = format!("{}\n…\n", lines[..n].join("\n"));
            }
        }
        if fresh != current {
            stale.push(args.to_string());
        }
        out.push_str(fence);
        out.push_str(&fresh);
        out.push_str("```\n");
    }
    assert!(blocks >= 5, "the README shows real output");
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, out).expect("write README.md");
        return;
    }
    assert!(
        stale.is_empty(),
        "README outputs are out of date for: {stale:?}\nrun `UPDATE_README=1 cargo test --test integration readme` and read the diff"
    );
}
