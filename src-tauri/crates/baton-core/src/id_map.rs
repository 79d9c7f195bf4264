//! Hash maps keyed by ids, for the analysis' and the layout's look-ups. Ids are 36-byte UUID
//! strings looked up tens of thousands of times per analysis or layout: std's SipHash (built to resist crafted keys from a
//! network) cost more than the rest of the analysis together. Keys here come from the user's own
//! file, so a multiply-rotate hash (the one rustc uses, 8 bytes per step) is enough. No map of
//! this kind is ever iterated to produce output, so its order never shows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A new, empty `IdMap` with room for `capacity` entries.
pub fn with_capacity<K, V>(capacity: usize) -> IdMap<K, V> {
    IdMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

#[derive(Default, Clone, Copy)]
pub struct IdHasher {
    hash: u64,
}

/// An odd constant with well-spread bits (rustc-hash 2's).
const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(SEED);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole words, then the tail in at most three loads (no copy through memory).
        let mut rest = bytes;
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            rest = tail;
        }
        if let Some((word, tail)) = rest.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*word)));
            rest = tail;
        }
        if let Some((word, tail)) = rest.split_first_chunk::<2>() {
            self.add(u64::from(u16::from_le_bytes(*word)));
            rest = tail;
        }
        if let Some(&byte) = rest.first() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The multiply leaves the best-mixed bits on top; hashbrown picks buckets with the low
    /// ones, so rotate the top ones down.
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_differing_in_one_byte_hash_differently() {
        let hash = |s: &str| {
            let mut h = IdHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        let a = "01936b2e-0000-7000-8000-000000000001";
        let b = "01936b2e-0000-7000-8000-000000000002";
        let c = "01936b2e-0000-7000-8000-00000000000";
        assert_ne!(hash(a), hash(b));
        assert_ne!(hash(a), hash(c));
        assert_eq!(hash(a), hash(a));
    }

    #[test]
    fn a_map_finds_every_id_it_holds() {
        let ids: Vec<String> = (0..5000).map(|n| format!("id-{n:08}")).collect();
        let mut map = with_capacity(ids.len());
        for (place, id) in ids.iter().enumerate() {
            map.insert(id.as_str(), place);
        }
        assert_eq!(map.len(), ids.len());
        for (place, id) in ids.iter().enumerate() {
            assert_eq!(map.get(id.as_str()), Some(&place));
        }
        assert_eq!(map.get("id-99999999"), None);
    }
}
