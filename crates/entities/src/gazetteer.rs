//! A place-name gazetteer for the NER tagger's features (optional).
//!
//! Why: most place names in web and news text are rare words the labeled
//! data never shows ("Noida", "Baguio"); knowing that a token sequence names
//! a place somewhere is general knowledge the tagger can weigh against its
//! context. The model file stores only hashed keys. **The shipped model has
//! an empty gazetteer** (its features never fire): the only place list
//! measured (GeoNames cities of 15,000+ people, countries, capitals, US
//! states, continents; +0.012–0.015 UNER dev F1, see docs/benchmarks.md)
//! is not part of the shared data the models are trained from.
//!
//! Matching is case-insensitive and greedy: at each token the longest name
//! starting there wins, and the tokens of a match get B/I/L/U codes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes: one multiply, no SipHash
/// (these maps are read for every token on the hot path). Short string
/// keys (the lexicon's word lists) hash as FNV-1a over their bytes.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100000001b3);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x9e3779b97f4a7c15);
    }
}

/// A map keyed by hashes.
pub(crate) type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Names longer than this (in tokens) are not stored.
pub const MAX_TOKENS: usize = 5;

/// Bit of a key's value: a whole name ends here.
const FULL: u8 = 1;
/// Bit of a key's value: some longer name continues from here.
const PREFIX: u8 = 2;

/// Hashed lower-cased names and their proper prefixes.
#[derive(Clone, Default)]
pub struct Gazetteer {
    map: KeyMap<u64, u8>,
}

const SEED: u64 = 0xcbf29ce484222325 ^ 0x6a09e667f3bcc908;

#[inline]
fn feed(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// The key `h` of a name's first `k` tokens extended by its next token
/// (lower-cased), the tokens joined by spaces.
#[inline]
fn key_with_token(h: u64, k: usize, token: &str) -> u64 {
    let h = if k > 0 { feed(h, b" ") } else { h };
    feed(h, token.as_bytes())
}

/// Splits a name into the tokens the tokenisers produce for it: on spaces,
/// with hyphens and a possessive "'s" as tokens of their own.
fn name_tokens(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in name.split_whitespace() {
        let lower: String = w.chars().flat_map(char::to_lowercase).collect();
        let mut parts = lower.split('-').peekable();
        while let Some(p) = parts.next() {
            if let Some(stem) = p.strip_suffix("'s") {
                if !stem.is_empty() {
                    out.push(stem.to_string());
                }
                out.push("'s".to_string());
            } else if !p.is_empty() {
                out.push(p.to_string());
            }
            if parts.peek().is_some() {
                out.push("-".to_string());
            }
        }
    }
    out
}

/// The hand-written place list shipped with whosaid (`data/places.txt`:
/// countries, capitals, states and provinces, large and newsworthy cities,
/// regions), one name per line.
static BUILTIN_PLACES: &str = include_str!("../data/places.txt");

/// The names of [`BUILTIN_PLACES`], comments and blank lines skipped.
pub fn builtin_place_names() -> impl Iterator<Item = &'static str> {
    BUILTIN_PLACES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    /// The gazetteer of the built-in place list.
    pub fn builtin() -> Gazetteer {
        Gazetteer::from_names(builtin_place_names())
    }

    /// Builds the gazetteer from place names (any order; duplicates are fine).
    pub fn from_names<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Gazetteer {
        let mut map: KeyMap<u64, u8> = KeyMap::default();
        for name in names {
            let toks = name_tokens(name.as_ref());
            if toks.is_empty() || toks.len() > MAX_TOKENS {
                continue;
            }
            // The hyphenated word whole, too ("winston-salem").
            let mut variants = vec![toks.clone()];
            if name.as_ref().contains('-') {
                let joined: Vec<String> = name
                    .as_ref()
                    .split_whitespace()
                    .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                    .collect();
                variants.push(joined);
            }
            for v in variants {
                let mut h = SEED;
                for (k, t) in v.iter().enumerate() {
                    h = key_with_token(h, k, t);
                    let bit = if k + 1 == v.len() { FULL } else { PREFIX };
                    *map.entry(h).or_default() |= bit;
                }
            }
        }
        Gazetteer { map }
    }

    /// Number of stored keys (names and prefixes).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the gazetteer is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whether `words` (any case) are one whole name of the gazetteer.
    pub fn contains_name<S: AsRef<str>>(&self, words: &[S]) -> bool {
        if words.is_empty() || words.len() > MAX_TOKENS {
            return false;
        }
        let mut h = SEED;
        let mut lower = String::new();
        for (k, w) in words.iter().enumerate() {
            lower.clear();
            lower.extend(w.as_ref().chars().flat_map(char::to_lowercase));
            h = key_with_token(h, k, &lower);
        }
        self.map.get(&h).is_some_and(|&v| v & FULL != 0)
    }

    /// B/I/L/U codes of the longest matches over lower-cased tokens: 0 none,
    /// 1 begin, 2 inside, 3 last, 4 a one-token name.
    pub fn codes<S: AsRef<str>>(&self, lower: &[S], out: &mut Vec<u8>) {
        out.clear();
        out.resize(lower.len(), 0);
        if self.map.is_empty() {
            return;
        }
        let n = lower.len();
        let mut i = 0;
        while i < n {
            let mut h = SEED;
            let mut best = 0;
            for (k, t) in lower[i..n.min(i + MAX_TOKENS)].iter().enumerate() {
                h = key_with_token(h, k, t.as_ref());
                match self.map.get(&h) {
                    Some(&v) => {
                        if v & FULL != 0 {
                            best = k + 1;
                        }
                        if v & PREFIX == 0 {
                            break;
                        }
                    }
                    None => break,
                }
            }
            match best {
                0 => i += 1,
                1 => {
                    out[i] = 4;
                    i += 1;
                }
                len => {
                    out[i] = 1;
                    for c in &mut out[i + 1..i + len - 1] {
                        *c = 2;
                    }
                    out[i + len - 1] = 3;
                    i += len;
                }
            }
        }
    }

    /// Appends the keys: count, then (hash, bits) pairs in hash order.
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u64, u8)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, v) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(v);
        }
    }

    /// Reads what [`Gazetteer::to_bytes`] wrote; returns it and the bytes used.
    pub fn from_bytes(b: &[u8]) -> Option<(Gazetteer, usize)> {
        let n = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
        let body = b.get(4..4 + n.checked_mul(9)?)?;
        let map = body
            .chunks_exact(9)
            .map(|c| {
                let mut k = [0u8; 8];
                k.copy_from_slice(&c[..8]);
                (u64::from_le_bytes(k), c[8])
            })
            .collect();
        Some((Gazetteer { map }, 4 + n * 9))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_holds_whole_names_in_any_case() {
        let g = Gazetteer::builtin();
        assert!(g.contains_name(&["Kyiv"]));
        assert!(g.contains_name(&["GAZA", "City"]));
        assert!(g.contains_name(&["Winston-Salem"]));
        assert!(!g.contains_name(&["New"]));
        assert!(!g.contains_name(&["Smith"]));
        assert!(!g.contains_name::<&str>(&[]));
        assert!(builtin_place_names().all(|n| !n.starts_with('#') && !n.is_empty()));
    }

    #[test]
    fn longest_match_wins_and_round_trips() {
        let g = Gazetteer::from_names(["York", "New York", "New York City", "Winston-Salem"]);
        let words = [
            "in", "new", "york", "city", "and", "york", "winston", "-", "salem",
        ];
        let mut codes = Vec::new();
        g.codes(&words, &mut codes);
        assert_eq!(codes, vec![0, 1, 2, 3, 0, 4, 1, 2, 3]);
        g.codes(&["winston-salem"], &mut codes);
        assert_eq!(codes, vec![4]);
        g.codes(&["new"], &mut codes);
        assert_eq!(codes, vec![0]);
        let mut b = Vec::new();
        g.to_bytes(&mut b);
        let (back, used) = Gazetteer::from_bytes(&b).unwrap();
        assert_eq!(used, b.len());
        back.codes(&words, &mut codes);
        assert_eq!(codes, vec![0, 1, 2, 3, 0, 4, 1, 2, 3]);
    }
}
