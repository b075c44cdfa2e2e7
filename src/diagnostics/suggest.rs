//! The nearest known ids to a mistyped one, for "did you mean" help lines.

/// How many characters of a mistyped id are compared.
const MAX_COMPARED: usize = 64;

/// Up to `limit` ids closest to `input`, best first.
///
/// `candidates` pairs a spelling that may be typed (an id, an alias, or a name in Japanese or
/// English) with the id it stands for. Matching ignores case, spaces, `_` and `-`. An exact
/// match of a name ranks first, then spellings that contain the input or are contained in it,
/// then the smallest edit distance; ties go to the id that sorts first. The closest ids are always
/// returned, however far, so an error can always name the closest valid value. When spellings
/// differ from the input only in case, spaces, `_` or `-` (`CCNA`, `--target SRE`), only the
/// ids they stand for are returned: there is no doubt which was meant.
pub fn nearest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
    limit: usize,
) -> Vec<String> {
    // Edit distance costs the product of the lengths: compare only the start of a very long
    // input (no id is that long, so nothing near is lost).
    let wanted: String = normalise(input).chars().take(MAX_COMPARED).collect();
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .map(|(spelling, id)| {
            let have = normalise(spelling);
            let similar =
                initials(spelling) == wanted || have.contains(&wanted) || wanted.contains(&have);
            let class = if have == wanted {
                0
            } else if !wanted.is_empty() && similar {
                1
            } else {
                2
            };
            (class, strsim::damerau_levenshtein(&wanted, &have), id)
        })
        .collect();
    scored.sort();
    let exact = scored.first().is_some_and(|(class, _, _)| *class == 0);
    let mut out: Vec<String> = Vec::new();
    for (class, _, id) in scored {
        if out.len() == limit || (exact && class > 0) {
            break;
        }
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// "did you mean `a`, `b` or `c`?" for a non-empty list.
pub fn did_you_mean(ids: &[String]) -> Option<String> {
    let quoted: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [init @ .., last] => Some(format!("did you mean {} or {last}?", init.join(", "))),
    }
}

/// "work-life-balance" → "wlb".
fn initials(s: &str) -> String {
    s.split(['-', '_', ' '])
        .filter_map(|part| part.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '　'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_only_difference_names_that_one_id() {
        let ids = [
            ("ccna", "ccna"),
            ("cka", "cka"),
            ("ckad", "ckad"),
            ("ccnp", "ccnp"),
        ];
        assert_eq!(nearest("CCNA", ids, 3), vec!["ccna"]);
        let roles = [("sre", "sre"), ("se", "systems-engineer"), ("pmo", "pmo")];
        assert_eq!(nearest("SRE", roles, 3), vec!["sre"]);
        assert_eq!(nearest("srr", roles, 3).len(), 3);
    }

    const IDS: [(&str, &str); 5] = [
        ("kubernetes", "kubernetes"),
        ("Kubernetes", "kubernetes"),
        ("linux", "linux"),
        ("aws", "aws"),
        ("SREエンジニア", "sre"),
    ];

    #[test]
    fn typo_finds_the_id() {
        assert_eq!(nearest("kubernets", IDS, 1), vec!["kubernetes"]);
        assert_eq!(nearest("Linux", IDS, 1), vec!["linux"]);
    }

    #[test]
    fn names_map_to_ids_and_ids_are_not_repeated() {
        // An exact name names its id alone (and once, though the id matches too).
        assert_eq!(nearest("SREエンジニア", IDS, 2), vec!["sre"]);
        assert_eq!(
            nearest("kube", IDS, 5).first().map(String::as_str),
            Some("kubernetes")
        );
        assert_eq!(nearest("kube", IDS, 5).len(), 4);
    }

    #[test]
    fn initials_find_the_id() {
        let ids = [
            ("work-life-balance", "work-life-balance"),
            ("high-income", "high-income"),
        ];
        assert_eq!(nearest("wlb", ids, 1), vec!["work-life-balance"]);
    }

    #[test]
    fn always_names_something() {
        assert_eq!(nearest("zzzzzzzz", IDS, 1).len(), 1);
        assert!(nearest("x", [], 3).is_empty());
    }

    #[test]
    fn help_text() {
        assert_eq!(did_you_mean(&[]), None);
        assert_eq!(
            did_you_mean(&["a".into()]).as_deref(),
            Some("did you mean `a`?")
        );
        assert_eq!(
            did_you_mean(&["a".into(), "b".into(), "c".into()]).as_deref(),
            Some("did you mean `a`, `b` or `c`?")
        );
    }
}
