//! Looking up ids (and aliases) of one kind of entity, and suggesting the nearest ones.

use std::collections::HashMap;

use crate::diagnostics::nearest;

/// The ids and aliases of one kind of entity, mapped to their index.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    by_key: HashMap<String, usize>,
    /// (spelling, canonical id): ids, aliases and names, for suggestions.
    spellings: Vec<(String, String)>,
}

impl Catalog {
    /// Adds an entity: its index, id, aliases and names (names are only used for suggestions).
    /// Returns the keys that were already taken.
    pub fn insert<'a>(
        &mut self,
        index: usize,
        id: &'a str,
        aliases: impl IntoIterator<Item = &'a String>,
        names: &[&str],
    ) -> Vec<String> {
        let mut clashes = Vec::new();
        for key in std::iter::once(id).chain(aliases.into_iter().map(String::as_str)) {
            if self.by_key.insert(key.to_string(), index).is_some() {
                clashes.push(key.to_string());
            }
            self.spellings.push((key.to_string(), id.to_string()));
        }
        for name in names {
            self.spellings.push(((*name).to_string(), id.to_string()));
        }
        clashes
    }

    /// The index of an id or alias.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Up to three nearest ids to a key that was not found.
    pub fn suggest(&self, key: &str) -> Vec<String> {
        nearest(
            key,
            self.spellings
                .iter()
                .map(|(s, id)| (s.as_str(), id.as_str())),
            3,
        )
    }
}
