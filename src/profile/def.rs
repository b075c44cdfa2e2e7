//! The profile JSON as a user writes it (see `INTERFACE.md`), before its ids are checked.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// A profile as written, unvalidated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileDef {
    /// JSON Schema reference for editors; ignored.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// A name to show.
    #[serde(default)]
    pub name: Option<String>,
    /// Current role id.
    #[serde(default)]
    pub current_role: Option<String>,
    /// Total years of IT work.
    #[serde(default)]
    pub years_experience: Option<f64>,
    /// Years per phase id.
    #[serde(default, deserialize_with = "unique_map")]
    pub phases: BTreeMap<String, f64>,
    /// Level per skill id (required; may be empty).
    #[serde(deserialize_with = "unique_map")]
    pub skills: BTreeMap<String, f64>,
    /// Certification ids held.
    #[serde(default)]
    pub certifications: Vec<String>,
    /// Management experience.
    #[serde(default)]
    pub management: Option<ManagementDef>,
    /// Age in years.
    #[serde(default)]
    pub age: Option<f64>,
    /// `employee` or `freelance`.
    #[serde(default)]
    pub employment: Option<String>,
    /// Workplace id.
    #[serde(default)]
    pub workplace: Option<String>,
    /// Preference ids.
    #[serde(default)]
    pub preferences: Vec<String>,
}

/// Management experience as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementDef {
    /// Years of leading people.
    #[serde(default)]
    pub years: Option<f64>,
    /// The largest team led.
    #[serde(default)]
    pub team_size: Option<f64>,
}

/// Deserializes a map, rejecting a key that appears twice (which would silently lose a value).
fn unique_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, f64>, D::Error> {
    struct Unique;
    impl<'de> Visitor<'de> for Unique {
        type Value = BTreeMap<String, f64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of numbers")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, f64>()? {
                if out.contains_key(&k) {
                    return Err(de::Error::custom(format_args!("duplicate key `{k}`")));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique)
}
