//! The repository stands on its own: no tracked file points outside it (to a machine's
//! directories or to files readers do not have), and `rules/COVERAGE.md` names only what exists.

use std::collections::BTreeMap;
use std::process::Command;

use careergraph::knowledge::KnowledgeBase;

use crate::support::root;

/// The tracked files, by `git ls-files`; `None` outside a git checkout.
fn tracked() -> Option<Vec<String>> {
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split('\0')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// What a tracked file may not mention. Built at run time, so this file does not mention them.
fn forbidden() -> Vec<String> {
    let mut out = vec![format!("..{}shared", '/')];
    // Directories of one machine, not of the repository.
    for dir in [
        "work", "home", "root", "Users", "tmp", "mnt", "srv", "opt", "var",
    ] {
        out.push(format!("/{dir}/"));
    }
    out.push(format!("C:{}", '\\'));
    out
}

/// Whether the match at `at` starts a path, not the middle of a URL or a relative path
/// (`https://example.com/work/…`, `target/tmp/`).
fn starts_a_path(line: &str, at: usize) -> bool {
    line[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '~')))
}

#[test]
fn no_tracked_file_points_outside_the_repository() {
    let Some(files) = tracked() else {
        eprintln!("not a git checkout: nothing to check");
        return;
    };
    assert!(files.iter().any(|f| f == "README.md"), "{files:?}");
    let patterns = forbidden();
    let mut found = Vec::new();
    for file in &files {
        let Ok(bytes) = std::fs::read(root().join(file)) else {
            continue; // listed but deleted in the work tree
        };
        // Binary files (images) say nothing a reader follows.
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if text.contains('\0') {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            for p in &patterns {
                let hit = line
                    .match_indices(p.as_str())
                    .any(|(at, _)| p.starts_with('.') || starts_a_path(line, at));
                if hit {
                    found.push(format!("{file}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "tracked files point outside the repository (link to a file in it, or describe the \
         thing instead):\n{}",
        found.join("\n")
    );
}

/// The backticked ids listed at the start of `text`: `` `a`, `b`, `c` and `d` ``.
fn listed(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(after) = rest.strip_prefix('`') {
        let Some((id, tail)) = after.split_once('`') else {
            break;
        };
        out.push(id);
        rest = match [", and `", " and `", " or `", ", `", " / "]
            .iter()
            .find_map(|sep| tail.strip_prefix(sep.trim_end_matches('`')))
        {
            Some(next) if next.starts_with('`') => next,
            _ => break,
        };
    }
    out
}

/// The backticked spans of a text.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn coverage_names_only_what_exists_and_counts_right() {
    let kb = KnowledgeBase::builtin().expect("the shipped knowledge base loads");
    let text =
        std::fs::read_to_string(root().join("rules/COVERAGE.md")).expect("rules/COVERAGE.md");
    let mut problems = Vec::new();
    let role = |id: &str| kb.find_role(id);
    let rule = |id: &str| kb.rules.iter().any(|r| r.id == id);

    for span in backticked(&text) {
        // Transitions: `a → b`, `a → b → c`, `a → b / c`, `a ↔ b / c`; `*` is any role.
        if span.contains('→') || span.contains('↔') {
            let both = span.contains('↔');
            let sides: Vec<Vec<&str>> = span
                .split(['→', '↔'])
                .map(|side| side.split('/').map(str::trim).collect())
                .collect();
            for pair in sides.windows(2) {
                for from in &pair[0] {
                    for to in &pair[1] {
                        let ends = [(from, to)].into_iter().chain(both.then_some((to, from)));
                        for (a, b) in ends {
                            // `*` is any role; one letter, a placeholder (`a → b`).
                            if [a, b].iter().any(|x| **x == "*" || x.chars().count() < 2) {
                                continue;
                            }
                            match (role(a), role(b)) {
                                (Some(x), Some(y)) if kb.transition_between(x, y).is_some() => {}
                                (Some(_), Some(_)) => {
                                    problems.push(format!("no transition `{a} → {b}`"))
                                }
                                _ => problems.push(format!("`{span}`: `{a}` or `{b}` is no role")),
                            }
                        }
                    }
                }
            }
            continue;
        }
        // Sources are cited by registry id (`id` or `id:LINE`), never by a seed's file name.
        if span.ends_with(".txt") || span.contains(".txt:") {
            problems.push(format!(
                "`{span}`: cite the source's registry id, not a file name"
            ));
            continue;
        }
        if let Some((id, line)) = span.split_once(':')
            && !line.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            && kb.source(id).is_none()
        {
            problems.push(format!("`{span}`: `{id}` is no registry id"));
        }
    }
    // Named kinds: "rule `x`", "rules `x`, `y` and `z`", "role `x`", "roles `x`, `y`", "source
    // `x`": the list of backticked ids right after the word. Only hyphenated ids are taken for
    // claims (`ready` in "makes a role `ready`" is a word, `a` a placeholder).
    for (word, exists) in [
        ("rule", &rule as &dyn Fn(&str) -> bool),
        ("role", &|id: &str| role(id).is_some()),
        ("source", &|id: &str| kb.source(id).is_some()),
    ] {
        for lead in [format!(" {word} `"), format!(" {word}s `")] {
            for (at, _) in text.match_indices(&lead) {
                for id in listed(&text[at + lead.len() - 1..]) {
                    let kebab = id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if kebab && id.contains('-') && !exists(id) {
                        problems.push(format!("{word} `{id}` does not exist"));
                    }
                }
            }
        }
    }
    // Sources are named by registry id: no seed file names, no fact sheet readers do not have.
    for word in text.split(|c: char| c.is_whitespace() || "`()|,;".contains(c)) {
        let seed_file = word.len() >= 24
            && word.starts_with("00")
            && word.get(3..4) == Some("_")
            && word.contains(".txt");
        if seed_file || word.contains("FACTS.md") {
            problems.push(format!("`{word}`: cite the source's registry id"));
        }
    }
    // Headings of the per-source sections name registry ids.
    for line in text.lines().filter(|l| l.starts_with("## ")) {
        for id in backticked(line) {
            if kb.source(id).is_none() {
                problems.push(format!("heading `{line}`: `{id}` is no registry id"));
            }
        }
    }
    // "Totals: 27 roles, 60 skills, …" matches the knowledge base.
    let actual: BTreeMap<&str, usize> = [
        ("roles", kb.roles.len()),
        ("skills", kb.skills.len()),
        ("certifications", kb.certifications.len()),
        ("transitions", kb.transitions.len()),
        ("rules", kb.rules.len()),
        (
            "income figures",
            kb.roles.iter().map(|r| r.incomes.len()).sum(),
        ),
        ("phases", kb.phases.len()),
        ("workplaces", kb.workplaces.len()),
        ("preferences", kb.preferences.len()),
        ("families", kb.families.len()),
        ("surveys", kb.surveys.len()),
        ("sources", kb.sources.len()),
        ("postings", kb.postings.len()),
    ]
    .into_iter()
    .collect();
    let totals = text
        .split("Totals:")
        .nth(1)
        .and_then(|t| t.split("\n\n").next())
        .expect("a `Totals:` paragraph");
    let mut stated = 0;
    for part in totals.split(',') {
        let part = part.trim().trim_end_matches('.');
        let Some((n, what)) = part.split_once(' ') else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else { continue };
        stated += 1;
        match actual.get(what.trim()) {
            Some(&k) if k == n => {}
            Some(&k) => problems.push(format!(
                "Totals: {n} {what}, but the knowledge base has {k}"
            )),
            None => problems.push(format!("Totals: `{what}` is not something counted")),
        }
    }
    assert!(stated >= 6, "the Totals paragraph counts little: {totals}");
    assert!(
        problems.is_empty(),
        "rules/COVERAGE.md:\n{}",
        problems.join("\n")
    );
}
