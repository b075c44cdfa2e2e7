//! The profile JSON as a user writes it (see `docs/reference/json.md`), before its ids are checked.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::knowledge::format::Employment;
use crate::schema::{levels, years};

/// A profile as written, unvalidated.
///
/// The doc comments of this type and its fields are the descriptions of the profile's JSON Schema
/// (`careergraph schema profile`), so they are written for the person filling in a profile.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "careergraph profile",
    description = "An engineer's profile for careergraph: skills with levels 0–5, years of \
                   experience per work phase, certifications, current role and preferences. \
                   Every field but `skills` may be left out. Ids are listed by `careergraph \
                   skills`, `roles`, `certs` and `preferences`."
)]
pub struct ProfileDef {
    /// The JSON Schema this file follows, for editors (e.g. `../schemas/profile.schema.json`);
    /// ignored by careergraph.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// A name to show.
    #[serde(default)]
    pub name: Option<String>,
    /// The current role id (see `careergraph roles`); recommendations start from it. Leave it
    /// out for someone not yet working in IT.
    #[serde(default)]
    pub current_role: Option<String>,
    /// Total years of IT work, 0 to 60.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub years_experience: Option<f64>,
    /// Years per work phase id (工程: `operations`, `build`, `basic-design` …), each 0 to 60.
    #[serde(default, deserialize_with = "unique_map")]
    #[schemars(schema_with = "years")]
    pub phases: BTreeMap<String, f64>,
    /// Level per skill id (see `careergraph skills`), each an integer 0 to 5: 0 none, 1 has
    /// studied it, 2 works with help, 3 works independently, 4 leads and designs, 5 recognised
    /// expert.
    /// Required; may be empty.
    #[serde(deserialize_with = "unique_map")]
    #[schemars(schema_with = "levels")]
    pub skills: BTreeMap<String, f64>,
    /// Certification ids held (see `careergraph certs`).
    #[serde(default)]
    #[schemars(inner(length(min = 1)))]
    pub certifications: Vec<String>,
    /// Management experience.
    #[serde(default)]
    pub management: Option<ManagementDef>,
    /// Age in years, 15 to 100.
    #[serde(default)]
    #[schemars(range(min = crate::profile::AGE_RANGE.0, max = crate::profile::AGE_RANGE.1))]
    pub age: Option<f64>,
    /// `employee` (会社員) or `freelance` (フリーランス).
    #[serde(default)]
    #[schemars(with = "Option<Employment>")]
    pub employment: Option<String>,
    /// The kind of workplace: `in-house-product` (自社開発), `si` (SIer), `ses` or
    /// `user-company` (事業会社).
    #[serde(default)]
    pub workplace: Option<String>,
    /// Preference tags (see `careergraph preferences`), such as `stability` or `automation`.
    #[serde(default)]
    pub preferences: Vec<String>,
    /// Roles you want to reach (role ids, see `careergraph roles`), such as `sre` or
    /// `project-manager`. A goal reachable from the current role is always recommended, with
    /// its route, and ranked first; one you already do is said so.
    #[serde(default)]
    #[schemars(inner(length(min = 1)))]
    pub goals: Vec<String>,
}

/// Management experience: leading people.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManagementDef {
    /// Years of leading people, 0 to 60.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::profile::MAX_YEARS))]
    pub years: Option<f64>,
    /// The largest team led, an integer 0 to 100000.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 0, max = crate::profile::MAX_TEAM_SIZE))]
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
