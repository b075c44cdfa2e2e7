//! Looking up ids (and aliases) of one kind of entity, and suggesting the nearest ones.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::diagnostics::nearest;

/// The ids and aliases of one kind of entity, mapped to their index.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    by_key: HashMap<String, usize, BuildHasherDefault<IdHasher>>,
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

/// A fast hash for short ids (the multiply-rotate hash of rustc's `FxHasher`, eight bytes at a
/// time): every profile looks up each of its ids, and SipHash cost more than the rest of the
/// lookup. The keys are the knowledge base's own ids; a profile's ids are only looked up, never
/// inserted, so a hostile profile cannot fill a bucket.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdHasher(u64);

impl IdHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            for (w, b) in word.iter_mut().zip(chunk) {
                *w = *b;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
