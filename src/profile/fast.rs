//! The fast path of [`Profile::parse`](super::Profile::parse): a valid profile, read with
//! borrowed strings and looked up straight into the catalogs, with no JSON pointer, position or
//! suggestion built.
//!
//! It accepts exactly the profiles the full checker accepts, or fewer (an id written with a JSON
//! escape, say), and gives the same [`Profile`] for them; on anything unusual it gives `None` and
//! the full checker runs, so every error is reported by the one code that reports errors.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{AGE_RANGE, MAX_TEAM_SIZE, MAX_YEARS, ManagementDef, Profile};
use crate::knowledge::KnowledgeBase;
use crate::knowledge::format::Employment;
use crate::knowledge::model::{CertIx, PhaseIx, PrefIx, RoleIx, SkillIx, WorkplaceIx};

/// [`ProfileDef`](super::ProfileDef) with borrowed strings (an escaped string fails, and the full
/// parser takes over).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Borrowed<'a> {
    #[serde(rename = "$schema", default, borrow)]
    _schema: Option<&'a str>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default, borrow)]
    current_role: Option<&'a str>,
    #[serde(default)]
    years_experience: Option<f64>,
    #[serde(default, borrow, deserialize_with = "entries")]
    phases: Vec<(&'a str, f64)>,
    #[serde(borrow, deserialize_with = "entries")]
    skills: Vec<(&'a str, f64)>,
    #[serde(default, borrow)]
    certifications: Vec<&'a str>,
    #[serde(default, deserialize_with = "object")]
    management: Option<ManagementDef>,
    #[serde(default)]
    age: Option<f64>,
    #[serde(default, borrow)]
    employment: Option<&'a str>,
    #[serde(default, borrow)]
    workplace: Option<&'a str>,
    #[serde(default, borrow)]
    preferences: Vec<&'a str>,
    #[serde(default, borrow)]
    goals: Vec<&'a str>,
}

/// An object only: serde would read a list as the struct's fields in order (`[2, 5]` as years 2
/// and team size 5); here a list fails and the full checker reports it.
fn object<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ManagementDef>, D::Error> {
    struct Only;
    impl<'de> Visitor<'de> for Only {
        type Value = Option<ManagementDef>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ManagementDef::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_option(Only)
}

/// A map of numbers as (key, value) pairs sorted by key, refusing a repeated key (as the full
/// parser's `BTreeMap` does).
fn entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(&'de str, f64)>, D::Error> {
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(&'de str, f64)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of numbers")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out: Vec<(&'de str, f64)> = Vec::new();
            while let Some(entry) = map.next_entry::<&'de str, f64>()? {
                out.push(entry);
            }
            out.sort_by(|a, b| a.0.cmp(b.0));
            if out.windows(2).any(|w| matches!(w, [a, b] if a.0 == b.0)) {
                return Err(de::Error::custom("duplicate key"));
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries)
}

fn number(x: f64, lo: f64, hi: f64) -> Option<f64> {
    (x.is_finite() && (lo..=hi).contains(&x)).then_some(x)
}

fn integer(x: f64, lo: f64, hi: f64) -> Option<f64> {
    number(x, lo, hi).filter(|n| n.fract() == 0.0)
}

fn years(y: f64) -> Option<f64> {
    number(y, 0.0, MAX_YEARS)
}

/// Values that must all be valid: `None` as soon as one is not.
fn all<T, U>(items: &[T], f: impl Fn(&T) -> Option<U>) -> Option<Vec<U>> {
    items.iter().map(f).collect()
}

/// The profile in `text`, when it is valid and written plainly; `None` sends it to the full
/// checker.
pub(super) fn parse(text: &str, kb: &KnowledgeBase) -> Option<Profile> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let def: Borrowed = serde_json::from_str(text).ok()?;
    let c = &kb.catalogs;
    let current_role = match def.current_role {
        Some(id) => Some(RoleIx(c.roles.find(id)?)),
        None => None,
    };
    let years_given = match def.years_experience {
        Some(y) => Some(years(y)?),
        None => None,
    };
    // Sorted by key, then (stably) by index: the order of the full checker, which reads a
    // `BTreeMap`, even when an id and its alias name the same entity.
    let phases = all(&def.phases, |(id, y)| {
        Some((PhaseIx(c.phases.find(id)?), years(*y)?))
    })?;
    let skills = all(&def.skills, |(id, l)| {
        Some((SkillIx(c.skills.find(id)?), integer(*l, 0.0, 5.0)? as u8))
    })?;
    let certifications = all(&def.certifications, |id| {
        c.certifications.find(id).map(CertIx)
    })?;
    let management = def.management.unwrap_or_default();
    let management_years = match management.years {
        Some(y) => years(y)?,
        None => 0.0,
    };
    let team_size = match management.team_size {
        Some(n) => integer(n, 0.0, MAX_TEAM_SIZE)? as u32,
        None => 0,
    };
    let age = match def.age {
        Some(a) => Some(number(a, AGE_RANGE.0, AGE_RANGE.1)?),
        None => None,
    };
    let employment = match def.employment {
        Some("employee") => Some(Employment::Employee),
        Some("freelance") => Some(Employment::Freelance),
        Some(_) => return None,
        None => None,
    };
    let workplace = match def.workplace {
        Some(id) => Some(WorkplaceIx(c.workplaces.find(id)?)),
        None => None,
    };
    let preferences = all(&def.preferences, |id| c.preferences.find(id).map(PrefIx))?;
    let goals = all(&def.goals, |id| c.roles.find(id).map(RoleIx))?;
    Some(
        Profile {
            name: def.name,
            current_role,
            years_experience: 0.0,
            phases,
            skills,
            certifications,
            management_years,
            team_size,
            age,
            employment,
            workplace,
            preferences,
            goals,
        }
        .normalised(years_given),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceText;

    /// The fast path gives what the checker gives, or leaves the profile to it.
    fn agrees(kb: &KnowledgeBase, text: &str) -> Option<Profile> {
        let checked = Profile::parse_checked(&SourceText::new("p.json", text), kb);
        let fast = parse(text, kb);
        if let Some(p) = &fast {
            assert_eq!(checked.as_ref().ok(), Some(p), "{text}");
        }
        fast
    }

    #[test]
    fn the_fast_path_gives_the_checked_profile_or_none() {
        let kb = crate::knowledge::tiny();
        let valid = [
            r#"{"skills": {}}"#,
            r#"  {"skills": {"linux": 3, "network": 2, "networking": 4}, "phases": {"operations": 2, "basic-design": 1}}"#,
            r#"{"$schema": "x", "name": "Sato", "current_role": "ops", "years_experience": 4.5,
                "skills": {"linux": 0}, "certifications": ["net-b", "net-a", "net-b"],
                "management": {"years": 1, "team_size": 3}, "age": 29, "employment": "freelance",
                "preferences": ["stability"], "workplace": "si", "phases": {}}"#,
            r#"{"skills": {"linux": 5.0}, "age": null, "management": {}, "name": "\u4f50\u85e4"}"#,
        ];
        for text in valid {
            assert!(agrees(&kb, text).is_some(), "{text}");
        }
        let refused = [
            "",
            "[]",
            r#"[null, null, null, null, null, {"linux": 3}]"#,
            r#"{"skills": {"linux": 2, "linux": 3}}"#,
            r#"{"skills": {"li\u006eux": 3}}"#,
            r#"{"skills": {"linux": 2.5}}"#,
            r#"{"skills": {"linux": 6}}"#,
            r#"{"skills": {"linuxx": 1}}"#,
            r#"{"skills": {}, "skills": {}}"#,
            r#"{"skills": {}, "skils": {}}"#,
            r#"{"skills": {}, "years_experience": 61}"#,
            r#"{"skills": {}, "age": 14}"#,
            r#"{"skills": {}, "employment": "freelancer"}"#,
            r#"{"skills": {}, "management": {"team_size": 1.5}}"#,
            r#"{"skills": {}, "management": {"years": -1}}"#,
            r#"{"skills": {}, "phases": {"operations": 1e999}}"#,
            r#"{"skills": {}, "current_role": "nobody"}"#,
            r#"{"skills": {}} x"#,
            r#"{"phases": {}}"#,
        ];
        for text in refused {
            assert!(agrees(&kb, text).is_none(), "{text}");
        }
    }

    /// A profile of fields drawn from valid and invalid values alike (unknown ids, aliases,
    /// out-of-range and fractional numbers, wrong types, nulls, unknown fields, duplicates).
    fn any_profile() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        use serde_json::{Value, json};
        let pick = |vs: Vec<Value>| proptest::sample::select(vs);
        // Mostly valid, so that whole profiles often are; sometimes anything.
        let mostly =
            |good: Vec<Value>, bad: Vec<Value>| prop_oneof![6 => pick(good), 1 => pick(bad)];
        let number = || {
            mostly(
                vec![json!(0), json!(1), json!(3), json!(5)],
                vec![
                    json!(2.5),
                    json!(6),
                    json!(-1),
                    json!(60),
                    json!(61),
                    json!(1e300),
                    json!("3"),
                    Value::Null,
                ],
            )
        };
        let ids = |good: &[&str], bad: &[&str]| {
            let mut b: Vec<Value> = bad.iter().map(|s| json!(s)).collect();
            b.push(json!(7));
            b.push(Value::Null);
            mostly(good.iter().map(|s| json!(s)).collect(), b)
        };
        let key = |good: &'static [&'static str], bad: &'static [&'static str]| prop_oneof![6 => proptest::sample::select(good), 1 => proptest::sample::select(bad)];
        let map = |good: &'static [&'static str], bad: &'static [&'static str]| {
            proptest::collection::vec((key(good, bad), number()), 0..4).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            })
        };
        let list = |good: &'static [&'static str], bad: &'static [&'static str]| {
            proptest::collection::vec(key(good, bad), 0..3).prop_map(|v| json!(v))
        };
        let fields = (
            map(
                &["linux", "networking", "coding", "cloud"],
                &["linuxx", "Linux"],
            ),
            proptest::option::of(map(
                &["operations", "basic-design", "requirements"],
                &["ops"],
            )),
            proptest::option::of(ids(&["ops", "dev", "netops"], &["nobody"])),
            proptest::option::of(number()),
            proptest::option::of(list(&["net-a", "net-b", "cloud-a"], &["ccna"])),
            proptest::option::of(
                (number(), number()).prop_map(|(y, t)| json!({"years": y, "team_size": t})),
            ),
            proptest::option::of(pick(vec![
                json!(14),
                json!(15),
                json!(29.5),
                json!(100),
                json!(101),
                Value::Null,
            ])),
            proptest::option::of(ids(&["employee", "freelance"], &["freelancer"])),
            proptest::option::of(ids(&["si", "in-house-product"], &["sies"])),
            proptest::option::of(list(&["stability", "automation"], &["stabilty"])),
            (
                proptest::option::of(ids(&["Sato", "佐藤"], &[])),
                proptest::option::of(list(&["ops", "netops"], &["architect"])),
            ),
            proptest::bool::weighted(0.1),
        );
        fields.prop_map(
            |(
                skills,
                phases,
                role,
                years,
                certs,
                mgmt,
                age,
                emp,
                wp,
                prefs,
                (name, goals),
                stray,
            )| {
                let mut o = serde_json::Map::new();
                o.insert("skills".into(), skills);
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        o.insert(k.into(), v);
                    }
                };
                put("phases", phases);
                put("current_role", role);
                put("years_experience", years);
                put("certifications", certs);
                put("management", mgmt);
                put("age", age);
                put("employment", emp);
                put("workplace", wp);
                put("preferences", prefs);
                put("name", name);
                put("goals", goals);
                put("skils", stray.then(|| json!({})));
                Value::Object(o).to_string()
            },
        )
    }

    /// Whatever the profile, the fast path gives exactly the checked profile or steps aside;
    /// and the generated profiles reach both sides (so the comparison is not vacuous).
    #[test]
    fn the_fast_path_never_disagrees_with_the_checker() {
        use proptest::strategy::{Strategy, ValueTree};
        let kb = crate::knowledge::tiny();
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = any_profile();
        let (mut fast, mut checked) = (0, 0);
        for _ in 0..2000 {
            let text = match strategy.new_tree(&mut runner) {
                Ok(tree) => tree.current(),
                Err(e) => panic!("{e}"),
            };
            match agrees(&kb, &text) {
                Some(_) => fast += 1,
                None => checked += 1,
            }
        }
        assert!(
            fast > 100 && checked > 100,
            "fast {fast}, checked {checked}"
        );
    }

    #[test]
    fn every_example_profile_takes_the_fast_path() {
        let kb = match KnowledgeBase::builtin() {
            Ok(kb) => kb,
            Err(e) => panic!("{e}"),
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(agrees(&kb, &text).is_some(), "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen > 3);
    }
}
