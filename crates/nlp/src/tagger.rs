//! Part-of-speech tagger: Penn XPOS, then UD UPOS, by two greedy averaged
//! perceptrons over hashed features.
//!
//! Why this design: a greedy perceptron tags at hundreds of thousands of
//! tokens a second on one core and reaches ~96 % on EWT; hashing features
//! into a fixed table keeps the model a flat array (no feature dictionary to
//! load) and lets the trainer run in a few seconds. Predicting XPOS first and
//! UPOS from it (with the word and its neighbours) keeps the second table
//! small: most UPOS decisions are XPOS lookups, and the context features
//! settle the ambiguous ones (IN → ADP/SCONJ, VB* → VERB/AUX, DT → DET/PRON).
//!
//! The tag dictionary also carries each word's distributional class (see
//! [`crate::clusters`], induced from unlabeled news text at training time),
//! and marks frequent words that (almost) always take one XPOS: those skip
//! the XPOS scoring, which is both faster and as accurate.

mod complement;

use crate::clusters::Clusters;
use crate::perceptron::{QTable, Trainer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use whosaid_core::{Document, Stage, StageError, Upos, Xpos};

/// Log2 of the feature buckets of the XPOS table.
pub const XPOS_BITS: u32 = 18;
/// Log2 of the feature buckets of the UPOS table.
pub const UPOS_BITS: u32 = 16;
/// Words seen fewer times than this in training get no tag-dictionary entry
/// (so training sees dictionary-less words, as tagging does for unknown ones).
pub const DICT_MIN_COUNT: u32 = 2;
/// A tag enters a word's ambiguity class if it took at least this share of
/// the word's training occurrences.
const DICT_MIN_SHARE: f64 = 0.02;

const MAGIC: &[u8; 8] = b"WSTAG003";

/// A trained tagger.
#[derive(Clone)]
pub struct Tagger {
    /// i16 inference tables (the f32 training tables, quantised as on disk).
    xpos: QTable,
    upos: QTable,
    dict: Lexicon,
}

/// Tag dictionary: for each frequent training word (lowercased, hashed), the
/// set of XPOS tags it took, as a bit mask (its ambiguity class, bits
/// 0–51); bit [`SURE`] if the word is frequent and (almost) always took one
/// tag, which is then assigned without scoring; bits 56–63: its word
/// class plus one (0: none). Words with a word class but too rare in the
/// labeled data have an empty ambiguity class.
#[derive(Clone, Default)]
struct Lexicon {
    map: HashMap<u64, u64, BuildHasherDefault<KeyHasher>>,
}

/// The keys are hashes already: the map uses their low bits as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x100000001b3);
        }
    }

    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

/// The ambiguity-class bits of a dictionary value.
const TAG_MASK: u64 = (1 << 52) - 1;
/// Dictionary bit: the word's one tag is certain.
const SURE: u64 = 1 << 55;
/// A word is "sure" if seen at least this often with one tag for at least
/// [`SURE_SHARE`] of its occurrences.
const SURE_MIN_COUNT: u32 = 20;
const SURE_SHARE: f64 = 0.995;

impl Lexicon {
    fn key(lower: &str) -> u64 {
        feat(250, &[lower.as_bytes()])
    }

    fn build(sentences: &[TaggedSentence], clusters: &Clusters) -> Self {
        let mut counts: HashMap<u64, Vec<u32>> = Default::default();
        for s in sentences {
            for (w, x) in s.words.iter().zip(&s.xpos) {
                let c = counts
                    .entry(Lexicon::key(&Normal::new(w).lower))
                    .or_insert_with(|| vec![0; Xpos::ALL.len()]);
                c[x.index()] += 1;
            }
        }
        let mut map: HashMap<u64, u64, BuildHasherDefault<KeyHasher>> = counts
            .into_iter()
            .filter_map(|(k, c)| {
                let n: u32 = c.iter().sum();
                if n < DICT_MIN_COUNT {
                    return None;
                }
                let mask = c.iter().enumerate().fold(0u64, |m, (t, &k)| {
                    if k > 0 && k as f64 >= DICT_MIN_SHARE * n as f64 {
                        m | (1u64 << t)
                    } else {
                        m
                    }
                });
                let top = c.iter().copied().max().unwrap_or(0);
                let sure = n >= SURE_MIN_COUNT && top as f64 >= SURE_SHARE * n as f64;
                Some((k, if sure { mask | SURE } else { mask }))
            })
            .collect();
        for (w, &c) in &clusters.map {
            *map.entry(Lexicon::key(w)).or_default() |= (c as u64 + 1) << 56;
        }
        Lexicon { map }
    }

    /// Fills each word's ambiguity class (0: not in the dictionary) and the
    /// sentence's capitalisation bucket.
    fn classify(&self, normals: &mut [Normal]) {
        let (mut words, mut caps) = (0usize, 0usize);
        for n in normals.iter_mut() {
            let k = Lexicon::key(&n.lower);
            let v = self.map.get(&k).copied().unwrap_or(0);
            n.class = v & TAG_MASK;
            n.cluster = (v >> 56) as u8;
            n.sure = v & SURE != 0;
            if n.shape.starts_with(['X', 'x']) {
                words += 1;
                caps += usize::from(n.flags & CAPITALISED != 0);
            }
        }
        let bucket = match (caps * 10).checked_div(words).unwrap_or(0) {
            0..=1 => 0,
            2..=3 => 1,
            4..=6 => 2,
            _ => 3,
        };
        for n in normals {
            n.caps = bucket;
        }
    }
}

/// Errors reading a tagger model.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    #[error("not a whosaid tagger model (bad magic or version)")]
    BadMagic,
    #[error("tagger model is truncated or corrupt: {0}")]
    Corrupt(String),
}

impl From<crate::perceptron::ModelError> for TaggerError {
    fn from(e: crate::perceptron::ModelError) -> Self {
        match e {
            crate::perceptron::ModelError::BadMagic => TaggerError::BadMagic,
            crate::perceptron::ModelError::Corrupt(m) => TaggerError::Corrupt(m),
        }
    }
}

impl Tagger {
    /// The tagger with the embedded English model, if one was trained into the build.
    pub fn english() -> Result<Self, TaggerError> {
        Tagger::from_bytes(include_bytes!("../../../models/tagger.bin"))
    }

    /// Tags the words of one sentence; returns (XPOS, UPOS) per word.
    pub fn tag(&self, words: &[&str]) -> Vec<(Xpos, Upos)> {
        let mut normals: Vec<Normal> = words.iter().map(|w| Normal::new(w)).collect();
        self.dict.classify(&mut normals);
        let mut xpos: Vec<usize> = Vec::with_capacity(words.len());
        let mut features = Vec::with_capacity(64);
        let mut scratch = vec![0i32; self.xpos.classes];
        // The lexical features of every word, reused by the UPOS pass.
        let mut base: Vec<u64> = Vec::with_capacity(words.len() * LEXICAL);
        for i in 0..normals.len() {
            base.extend_from_slice(&lexical_features(&normals[i]));
            if normals[i].sure {
                xpos.push(normals[i].class.trailing_zeros() as usize);
                continue;
            }
            xpos_features(&normals, &xpos, i, &mut features);
            // Class 0 is "unset": never predicted.
            xpos.push(self.xpos.best(&features, &mut scratch, |c| c > 0));
        }
        repair_xpos(&normals, &mut xpos);
        let mut scratch = vec![0i32; self.upos.classes];
        let mut upos: Vec<usize> = Vec::with_capacity(words.len());
        for i in 0..normals.len() {
            let b = &base[i * LEXICAL..(i + 1) * LEXICAL];
            upos_features(&normals, &xpos, &upos, i, b, &mut features);
            upos.push(self.upos.best(&features, &mut scratch, |c| c > 0));
        }
        xpos.iter()
            .zip(&upos)
            .map(|(&x, &u)| {
                (
                    Xpos::from_index(x).unwrap_or_default(),
                    Upos::from_index(u).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Serialises the model: magic, then each table's bits and class count,
    /// then the weights quantised to i16 with a per-table scale, deflated.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        self.xpos.write(&mut raw);
        self.upos.write(&mut raw);
        // The dictionary, sorted by key so the bytes are deterministic.
        {
            let map = &self.dict.map;
            let mut entries: Vec<(u64, u64)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            entries.sort_unstable();
            raw.extend_from_slice(&(entries.len() as u32).to_le_bytes());
            for (k, v) in entries {
                raw.extend_from_slice(&k.to_le_bytes());
                raw.extend_from_slice(&v.to_le_bytes());
            }
        }
        crate::perceptron::seal(MAGIC, &raw)
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TaggerError> {
        let raw = crate::perceptron::unseal(MAGIC, bytes)?;
        let mut cur = crate::perceptron::Cursor::new(&raw);
        let xpos = QTable::read(&mut cur)?;
        let upos = QTable::read(&mut cur)?;
        let mut take = |n: usize| cur.take(n).map_err(TaggerError::from);
        let dict = {
            let n = u32::from_le_bytes(
                take(4)?
                    .try_into()
                    .map_err(|_| TaggerError::Corrupt("dictionary".into()))?,
            ) as usize;
            let data = take(
                n.checked_mul(16)
                    .ok_or_else(|| TaggerError::Corrupt("dictionary".into()))?,
            )?;
            let mut map: HashMap<u64, u64, BuildHasherDefault<KeyHasher>> =
                HashMap::with_capacity_and_hasher(n, Default::default());
            for c in data.chunks_exact(16) {
                let mut k = [0u8; 8];
                let mut v = [0u8; 8];
                k.copy_from_slice(&c[..8]);
                v.copy_from_slice(&c[8..]);
                map.insert(u64::from_le_bytes(k), u64::from_le_bytes(v));
            }
            Lexicon { map }
        };
        if xpos.classes != Xpos::ALL.len() || upos.classes != Upos::ALL.len() {
            return Err(TaggerError::Corrupt(
                "tag sets differ from this build".into(),
            ));
        }
        Ok(Tagger { xpos, upos, dict })
    }
}

/// The "tag" stage: fills `upos`, `xpos` and `lemma` of every token,
/// sentence by sentence.
pub struct TagStage {
    tagger: Tagger,
    lemmatizer: crate::lemma::Lemmatizer,
}

impl TagStage {
    /// The stage with `tagger` and the embedded English lemmatiser.
    pub fn new(tagger: Tagger) -> Self {
        TagStage {
            tagger,
            lemmatizer: crate::lemma::Lemmatizer::english(),
        }
    }
}

impl Stage for TagStage {
    fn name(&self) -> &'static str {
        "tag"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].token_range();
            let tags = {
                let words: Vec<&str> = range.clone().map(|t| doc.token_text(t)).collect();
                self.tagger.tag(&words)
            };
            for (t, (x, u)) in range.zip(tags) {
                let x = straight_quote_direction(doc, t).unwrap_or(x);
                let lemma = self.lemmatizer.lemma(doc.token_text(t), x);
                let token = &mut doc.tokens[t];
                token.xpos = x;
                token.upos = u;
                token.lemma = lemma;
            }
        }
        Ok(())
    }
}

/// A straight quotation mark (`"`, or NYT-style `''` written as two
/// apostrophes) opens or closes by the spacing around it, which the tagger
/// (given words, not spaces) cannot see: `said "resolutely opposed" to`.
/// The model guesses from the words alone and got about one in fourteen
/// of PolNeAR's straight quotes backwards; a wrong direction bends the
/// parse. `None` where the spacing does not tell (`a"b`, ` " `).
fn straight_quote_direction(doc: &Document, t: usize) -> Option<Xpos> {
    let word = doc.token_text(t);
    let span = doc.tokens[t].span;
    let (mut start, mut end) = (span.start, span.end);
    let char_at = |offset: u32| {
        doc.slice(whosaid_core::Span::new(offset, offset + 1))
            .chars()
            .next()
    };
    match word {
        "\"" | "''" => {}
        // One apostrophe of a doubled pair: the pair is the mark.
        "'" => {
            if start > 0 && char_at(start - 1) == Some('\'') {
                start -= 1;
            } else if char_at(end) == Some('\'') {
                end += 1;
            } else {
                return None;
            }
        }
        _ => return None,
    }
    let before = if start == 0 { None } else { char_at(start - 1) };
    let after = char_at(end);
    match (
        whosaid_core::opening_side(before),
        whosaid_core::closing_side(after),
    ) {
        (true, false) => Some(Xpos::OpenQuote),
        (false, true) => Some(Xpos::CloseQuote),
        _ => None,
    }
}

/// Whole-clause repairs the greedy left-to-right pass cannot make (see
/// [`complement`]), on the XPOS class indices.
fn repair_xpos(normals: &[Normal], xpos: &mut [usize]) {
    acronym_is_no_pronoun(normals, xpos);
    // Both repairs rewrite a VBN or a WDT: most sentences have neither.
    let (vbn, wdt) = (Xpos::Vbn.index(), Xpos::Wdt.index());
    if !xpos.iter().any(|&x| x == vbn || x == wdt) {
        return;
    }
    let lower: Vec<&str> = normals.iter().map(|n| n.lower.as_str()).collect();
    let mut tags: Vec<Xpos> = xpos
        .iter()
        .map(|&x| Xpos::from_index(x).unwrap_or_default())
        .collect();
    let headline = normals.first().is_some_and(|n| n.caps == 3);
    complement::repair_complement_verbs(&lower, &mut tags, headline);
    complement::repair_complementizers(&lower, &mut tags);
    for (x, t) in xpos.iter_mut().zip(tags) {
        *x = t.index();
    }
}

/// "the WHO said", "WHO warns": the dictionary is keyed by lower-cased
/// words, so the acronym reads as the sure pronoun "who". Written in
/// capitals in a sentence that is not, a wh-pronoun of three letters or
/// more names something.
fn acronym_is_no_pronoun(normals: &[Normal], xpos: &mut [usize]) {
    let wp = Xpos::Wp.index();
    let shouted = |n: &Normal| n.flags & ALL_CAPS != 0 && n.lower.chars().count() >= 3;
    if !xpos
        .iter()
        .zip(normals)
        .any(|(&x, n)| x == wp && shouted(n))
    {
        return;
    }
    // (A sentence all in capitals says nothing of any one word.)
    let mixed_case = normals
        .iter()
        .any(|n| n.flags & ALL_CAPS == 0 && n.lower.chars().any(char::is_alphabetic));
    if !mixed_case {
        return;
    }
    for (x, n) in xpos.iter_mut().zip(normals) {
        if *x == wp && shouted(n) {
            *x = Xpos::Nnp.index();
        }
    }
}

/// A word with the normalised forms the features read, computed once.
struct Normal {
    lower: String,
    shape: String,
    flags: u8,
    /// Ambiguity class from the tag dictionary (0: unknown word).
    class: u64,
    /// Word class + 1 (0: none).
    cluster: u8,
    /// The word's one tag is certain (frequent, unambiguous).
    sure: bool,
    /// Share of the sentence's words that are capitalised, bucketed
    /// (0: few … 3: most, as in headlines and titles).
    caps: u8,
}

const CAPITALISED: u8 = 1;
const ALL_CAPS: u8 = 2;
const HAS_DIGIT: u8 = 4;
const HAS_HYPHEN: u8 = 8;

impl Normal {
    fn new(word: &str) -> Self {
        let lower = crate::clusters::normalise(word);
        let mut shape = String::new();
        let mut flags = 0;
        let mut letters = 0;
        let mut upper = 0;
        let mut last2 = ['\0', '\0'];
        for (i, c) in word.chars().enumerate() {
            let s = if c.is_uppercase() {
                upper += 1;
                letters += 1;
                if i == 0 {
                    flags |= CAPITALISED;
                }
                'X'
            } else if c.is_lowercase() {
                letters += 1;
                'x'
            } else if c.is_ascii_digit() {
                flags |= HAS_DIGIT;
                'd'
            } else {
                if c == '-' {
                    flags |= HAS_HYPHEN;
                }
                c
            };
            // Runs of one shape character fold after two.
            if last2 != [s, s] {
                shape.push(s);
            }
            last2 = [last2[1], s];
        }
        if letters > 1 && upper == letters {
            flags |= ALL_CAPS;
        }
        Normal {
            lower,
            shape,
            flags,
            class: 0,
            cluster: 0,
            sure: false,
            caps: 0,
        }
    }

    fn suffix(&self, n: usize) -> &str {
        let start = self
            .lower
            .char_indices()
            .rev()
            .nth(n - 1)
            .map_or(0, |(b, _)| b);
        &self.lower[start..]
    }

    fn prefix(&self, n: usize) -> &str {
        let end = self
            .lower
            .char_indices()
            .nth(n)
            .map_or(self.lower.len(), |(b, _)| b);
        &self.lower[..end]
    }
}

/// FNV-1a over a template id and parts: a feature is a 64-bit hash.
pub(crate) fn feat(template: u8, parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ template as u64;
    h = h.wrapping_mul(0x100000001b3);
    for p in parts {
        for &b in *p {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100000001b3);
    }
    // Final mix so low bits (the bucket) depend on every byte.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58476d1ce4e5b9);
    h ^ (h >> 32)
}

const NONE: &[u8] = b"<none>";

fn lower_at(ws: &[Normal], i: isize) -> &[u8] {
    if i < 0 {
        return b"<s>";
    }
    ws.get(i as usize)
        .map_or(b"</s>".as_slice(), |w| w.lower.as_bytes())
}

fn tag_at(tags: &[usize], i: isize) -> [u8; 1] {
    if i < 0 {
        return [255];
    }
    [tags.get(i as usize).map_or(254, |&t| t as u8)]
}

/// Ambiguity class of word `i` as bytes (sentence boundaries: all ones).
fn class_at(ws: &[Normal], i: isize) -> [u8; 8] {
    if i < 0 {
        return [0xfe; 8];
    }
    ws.get(i as usize)
        .map_or([0xff; 8], |w| w.class.to_le_bytes())
}

/// Number of features [`lexical_features`] returns.
const LEXICAL: usize = 6;

/// The word and its suffixes: the features both passes read.
fn lexical_features(w: &Normal) -> [u64; LEXICAL] {
    [
        feat(1, &[w.lower.as_bytes()]),
        feat(3, &[w.suffix(1).as_bytes()]),
        feat(4, &[w.suffix(2).as_bytes()]),
        feat(5, &[w.suffix(3).as_bytes()]),
        feat(6, &[w.suffix(4).as_bytes()]),
        feat(7, &[w.suffix(5).as_bytes()]),
    ]
}

/// Number of features [`xpos_features`] writes.
const XPOS_FEATURES: usize = 43;

fn xpos_features(ws: &[Normal], tags: &[usize], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &ws[i];
    let ii = i as isize;
    let (p1, p2) = (tag_at(tags, ii - 1), tag_at(tags, ii - 2));
    let first = [u8::from(i == 0)];
    out.push(feat(0, &[]));
    out.extend_from_slice(&lexical_features(w));
    out.push(feat(7, &[w.prefix(1).as_bytes()]));
    out.push(feat(8, &[w.prefix(2).as_bytes()]));
    out.push(feat(27, &[w.prefix(3).as_bytes()]));
    out.push(feat(9, &[w.shape.as_bytes()]));
    out.push(feat(10, &[&[w.flags], &first]));
    out.push(feat(11, &[lower_at(ws, ii - 1)]));
    out.push(feat(12, &[lower_at(ws, ii + 1)]));
    out.push(feat(13, &[lower_at(ws, ii - 2)]));
    out.push(feat(14, &[lower_at(ws, ii + 2)]));
    out.push(feat(15, &[&p1]));
    out.push(feat(16, &[&p1, &p2]));
    out.push(feat(17, &[&p1, w.lower.as_bytes()]));
    out.push(feat(
        18,
        &[ws.get(i + 1).map_or(NONE, |n| n.suffix(3).as_bytes())],
    ));
    out.push(feat(
        19,
        &[ws.get(i + 1).map_or(NONE, |n| n.shape.as_bytes())],
    ));
    out.push(feat(20, &[&p1, w.suffix(3).as_bytes()]));
    out.push(feat(21, &[lower_at(ws, ii - 1), w.lower.as_bytes()]));
    out.push(feat(22, &[w.lower.as_bytes(), lower_at(ws, ii + 1)]));
    out.push(feat(23, &[&p1, lower_at(ws, ii + 1)]));
    out.push(feat(
        24,
        &[ws.get(i.wrapping_sub(1))
            .filter(|_| i > 0)
            .map_or(NONE, |p| p.suffix(3).as_bytes())],
    ));
    out.push(feat(25, &[w.suffix(2).as_bytes(), &[w.flags], &first]));
    out.push(feat(26, &[lower_at(ws, ii + 1), lower_at(ws, ii + 2)]));
    // Tag-dictionary (ambiguity class) features.
    let (c0, c1, c2) = (class_at(ws, ii), class_at(ws, ii + 1), class_at(ws, ii + 2));
    out.push(feat(30, &[&c0]));
    out.push(feat(31, &[&c0, &p1]));
    out.push(feat(32, &[&c1]));
    out.push(feat(33, &[&c0, &c1]));
    out.push(feat(34, &[&c2]));
    out.push(feat(35, &[&c1, &p1]));
    out.push(feat(36, &[&c0, w.suffix(3).as_bytes(), &[w.flags]]));
    out.push(feat(37, &[&p1, &p2, w.lower.as_bytes()]));
    // Capitalisation in context (NNP / NN / JJ): the neighbours' flags, and
    // how capitalised the whole sentence is (headlines, titles, lower-case
    // web text).
    let flags_at = |j: isize| -> u8 {
        if j < 0 {
            return 0x80;
        }
        ws.get(j as usize).map_or(0x40, |n| n.flags)
    };
    let known = [u8::from(w.class != 0)];
    out.push(feat(40, &[&[w.flags, flags_at(ii - 1), flags_at(ii + 1)]]));
    out.push(feat(41, &[&[w.caps, w.flags], &first, &known]));
    out.push(feat(42, &[&[w.caps, w.flags], w.suffix(3).as_bytes()]));
    // Word classes from unlabeled text.
    let cl = |j: isize| -> u8 {
        if j < 0 {
            return 0xff;
        }
        ws.get(j as usize).map_or(0xfe, |n| n.cluster)
    };
    let cl0 = cl(ii);
    out.push(feat(50, &[&[cl0]]));
    out.push(feat(51, &[&[cl0], &p1]));
    out.push(feat(52, &[&[cl(ii + 1)]]));
    out.push(feat(53, &[&[cl0, cl(ii + 1)]]));
    debug_assert_eq!(out.len(), XPOS_FEATURES);
}

/// UPOS features: the XPOS features with the whole predicted XPOS sequence
/// (so the right context's tags too), plus the UPOS history.
fn upos_features(
    ws: &[Normal],
    xpos: &[usize],
    upos: &[usize],
    i: usize,
    base: &[u64],
    out: &mut Vec<u64>,
) {
    out.clear();
    // The word and its suffixes (the other XPOS features cost speed for
    // under 0.1 point).
    out.extend_from_slice(base);
    let w = &ws[i];
    let ii = i as isize;
    let x = tag_at(xpos, ii);
    let (xn1, xn2, xp1) = (
        tag_at(xpos, ii + 1),
        tag_at(xpos, ii + 2),
        tag_at(xpos, ii - 1),
    );
    let u1 = tag_at(upos, ii - 1);
    out.push(feat(100, &[&x]));
    out.push(feat(101, &[&x, w.lower.as_bytes()]));
    out.push(feat(102, &[&x, &xp1]));
    out.push(feat(103, &[&x, &xn1]));
    out.push(feat(104, &[&x, lower_at(ws, ii + 1)]));
    out.push(feat(105, &[&x, lower_at(ws, ii - 1)]));
    out.push(feat(106, &[&x, &xn1, &xn2]));
    out.push(feat(107, &[&x, w.suffix(3).as_bytes()]));
    out.push(feat(108, &[&x, &[w.flags]]));
    out.push(feat(109, &[&xn1]));
    out.push(feat(110, &[&xn1, &xn2]));
    out.push(feat(111, &[&u1]));
    out.push(feat(112, &[&u1, &x]));
    out.push(feat(113, &[&xn1, w.lower.as_bytes()]));
    out.push(feat(114, &[&xp1, &x, &xn1]));
}

/// One training sentence: words with gold tags.
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub xpos: Vec<Xpos>,
    pub upos: Vec<Upos>,
}

/// Trains a tagger on gold sentences: `epochs` passes, sentence order
/// shuffled each pass with a seeded generator (deterministic).
pub fn train(
    sentences: &[TaggedSentence],
    clusters: &Clusters,
    epochs: usize,
    seed: u64,
) -> Tagger {
    train_with(
        sentences,
        &[],
        clusters,
        &TrainOptions {
            epochs,
            seed,
            ..TrainOptions::default()
        },
    )
}

/// Training settings beyond the data.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Models trained (seeds `seed`, `seed` + 1, …), whose averaged weights
    /// are averaged into one model of the same size: tagging costs the same.
    pub ensemble: usize,
    /// Each epoch reads one in `silver_every` of the silver sentences
    /// (rotating; 0: none).
    pub silver_every: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 7,
            ensemble: 1,
            silver_every: 0,
        }
    }
}

/// Trains a tagger with `options` (see [`TrainOptions`]; deterministic).
/// `silver` sentences (machine-tagged XPOS, no UPOS: an empty `upos`) train
/// the XPOS pass only, and not the dictionary.
pub fn train_with(
    sentences: &[TaggedSentence],
    silver: &[TaggedSentence],
    clusters: &Clusters,
    options: &TrainOptions,
) -> Tagger {
    let dict = Lexicon::build(sentences, clusters);
    let (xpos, upos) = crate::perceptron::averaged_pairs(options.ensemble, options.seed, |seed| {
        train_one(sentences, silver, &dict, options, seed)
    });
    Tagger {
        xpos: QTable::from_table(&xpos),
        upos: QTable::from_table(&upos),
        dict,
    }
}

/// One pair of averaged perceptrons (XPOS, UPOS).
fn train_one(
    sentences: &[TaggedSentence],
    silver: &[TaggedSentence],
    dict: &Lexicon,
    options: &TrainOptions,
    seed: u64,
) -> (crate::perceptron::Table, crate::perceptron::Table) {
    let mut xt = Trainer::new(XPOS_BITS, Xpos::ALL.len());
    let mut ut = Trainer::new(UPOS_BITS, Upos::ALL.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = crate::perceptron::Shuffler::new(seed);
    let mut features = Vec::with_capacity(64);
    let mut base: Vec<u64> = Vec::new();
    let mut scratch_x = vec![0.0; Xpos::ALL.len()];
    let mut scratch_u = vec![0.0; Upos::ALL.len()];
    for epoch in 0..options.epochs {
        if options.silver_every > 0 {
            // A new share of the silver each epoch.
            order.clear();
            order.extend(0..sentences.len());
            order.extend(
                (0..silver.len())
                    .filter(|i| (i + epoch) % options.silver_every == 0)
                    .map(|i| sentences.len() + i),
            );
        }
        rng.shuffle(&mut order);
        for &s in &order {
            let sent = sentences
                .get(s)
                .unwrap_or_else(|| &silver[s - sentences.len()]);
            let is_silver = s >= sentences.len();
            let mut normals: Vec<Normal> = sent.words.iter().map(|w| Normal::new(w)).collect();
            dict.classify(&mut normals);
            let mut history: Vec<usize> = Vec::with_capacity(normals.len());
            base.clear();
            for i in 0..normals.len() {
                base.extend_from_slice(&lexical_features(&normals[i]));
                if normals[i].sure {
                    // Tagged without scoring, as at tagging time.
                    history.push(normals[i].class.trailing_zeros() as usize);
                    continue;
                }
                xpos_features(&normals, &history, i, &mut features);
                let guess = xt.table.best(&features, &mut scratch_x, |c| c > 0);
                let truth = sent.xpos[i];
                // Silver punctuation classes follow other conventions.
                if !(is_silver && SILVER_SKIP.contains(&truth)) {
                    xt.update(&features, truth.index(), guess);
                }
                // Train on the model's own history, as at tagging time.
                history.push(guess);
            }
            if is_silver {
                continue;
            }
            // UPOS learns from predicted XPOS, as it will see at tagging time.
            let mut upos: Vec<usize> = Vec::with_capacity(normals.len());
            for i in 0..normals.len() {
                let b = &base[i * LEXICAL..(i + 1) * LEXICAL];
                upos_features(&normals, &history, &upos, i, b, &mut features);
                let guess = ut.table.best(&features, &mut scratch_u, |c| c > 0);
                ut.update(&features, sent.upos[i].index(), guess);
                upos.push(guess);
            }
        }
    }
    (xt.averaged(), ut.averaged())
}

/// Silver XPOS tags not learned from (quotes, brackets and dashes: the
/// silver tagger's conventions differ from EWT's).
const SILVER_SKIP: [Xpos; 5] = [
    Xpos::OpenQuote,
    Xpos::CloseQuote,
    Xpos::Colon,
    Xpos::Lrb,
    Xpos::Rrb,
];

/// Reads CoNLL-U sentences (multiword-token and empty-node lines skipped).
pub fn read_conllu(text: &str) -> Vec<TaggedSentence> {
    crate::conllu::blocks(text, 5)
        .map(|b| TaggedSentence::from_block(&b))
        .collect()
}

impl TaggedSentence {
    /// Forms (column 2), UPOS (4) and XPOS (5) of a block read with at
    /// least five columns; unknown tags read as `X` / `XX`.
    pub(crate) fn from_block(b: &crate::conllu::Block) -> Self {
        TaggedSentence {
            words: b.words.iter().map(|c| c[1].to_string()).collect(),
            upos: b
                .words
                .iter()
                .map(|c| Upos::parse(c[3]).unwrap_or(Upos::X))
                .collect(),
            xpos: b
                .words
                .iter()
                .map(|c| Xpos::parse(c[4]).unwrap_or(Xpos::Xx))
                .collect(),
        }
    }
}

/// Reads machine-tagged sentences for the XPOS pass: CoreNLP CoNLL-U
/// (`# newdoc id = NAME`; FORM in column 2, Penn XPOS in column 5,
/// `Char=start-end` character offsets in column 10), UPOS left empty. Each
/// word becomes the span its offsets cover in the article text
/// `article(NAME)` when that is one piece without spaces (the text's own
/// quotes, brackets and apostrophes, not CoreNLP's ``, -LRB- and 's), else
/// keeps its form.
pub fn read_silver(conllu: &str, mut article: impl FnMut(&str) -> String) -> Vec<TaggedSentence> {
    let mut out = Vec::new();
    // The current article's text and the byte offset of each character.
    let mut text = String::new();
    let mut offsets: Vec<usize> = Vec::new();
    for block in crate::conllu::blocks(conllu, 5) {
        for name in block
            .comments
            .iter()
            .filter_map(|c| c.strip_prefix("# newdoc id = "))
        {
            text = article(name.trim());
            offsets = text.char_indices().map(|(b, _)| b).collect();
            offsets.push(text.len());
        }
        let mut words = Vec::with_capacity(block.words.len());
        let mut xpos = Vec::with_capacity(block.words.len());
        for cols in &block.words {
            let span = cols
                .get(9)
                .and_then(|m| m.split('|').find_map(|kv| kv.strip_prefix("Char=")))
                .and_then(|c| c.split_once('-'))
                .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
                .and_then(|(a, b)| text.get(*offsets.get(a)?..*offsets.get(b)?))
                .filter(|f| !f.is_empty() && !f.contains([' ', '\n']));
            words.push(span.unwrap_or(cols[1]).to_string());
            xpos.push(Xpos::parse(cols[4]).unwrap_or(Xpos::Xx));
        }
        out.push(TaggedSentence {
            words,
            xpos,
            upos: Vec::new(),
        });
    }
    out
}

/// Token accuracy of `tagger` on gold sentences: (XPOS, UPOS).
pub fn accuracy(tagger: &Tagger, sentences: &[TaggedSentence]) -> (f64, f64) {
    let (mut n, mut x, mut u) = (0usize, 0usize, 0usize);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (i, (px, pu)) in tagger.tag(&words).into_iter().enumerate() {
            n += 1;
            x += usize::from(px == s.xpos[i]);
            u += usize::from(pu == s.upos[i]);
        }
    }
    (x as f64 / n.max(1) as f64, u as f64 / n.max(1) as f64)
}

#[cfg(test)]
mod tests {

    #[test]
    fn straight_quotes_open_and_close_by_their_spacing() {
        let text = "China said it was \"resolutely opposed\" to it. ''Yes,'' he said. a\"b";
        let mut d = Document::new(text);
        crate::Segmenter::english()
            .expect("model loads")
            .segment(&mut d);
        let marks: Vec<(String, Option<Xpos>)> = (0..d.tokens.len())
            .filter(|&t| d.token_text(t).contains(['"', '\'']))
            .map(|t| (d.token_text(t).to_string(), straight_quote_direction(&d, t)))
            .collect();
        let tags: Vec<Option<Xpos>> = marks.iter().map(|m| m.1).collect();
        assert_eq!(marks.len(), tags.len());
        assert_eq!(tags.first(), Some(&Some(Xpos::OpenQuote)), "{marks:?}");
        assert_eq!(tags.get(1), Some(&Some(Xpos::CloseQuote)), "{marks:?}");
        // The doubled apostrophes, whether one token or two.
        let doubled: Vec<Option<Xpos>> = tags[2..tags.len() - 1].to_vec();
        assert_eq!(doubled.first(), Some(&Some(Xpos::OpenQuote)), "{marks:?}");
        assert_eq!(doubled.last(), Some(&Some(Xpos::CloseQuote)), "{marks:?}");
        // Glued on both sides: the spacing does not tell.
        assert_eq!(tags.last(), Some(&None), "{marks:?}");
    }
    use super::*;

    fn toy() -> Vec<TaggedSentence> {
        let s = |words: &[&str], x: &[&str], u: &[&str]| TaggedSentence {
            words: words.iter().map(|w| w.to_string()).collect(),
            xpos: x.iter().map(|t| Xpos::parse(t).unwrap()).collect(),
            upos: u.iter().map(|t| Upos::parse(t).unwrap()).collect(),
        };
        vec![
            s(
                &["She", "said", "it", "."],
                &["PRP", "VBD", "PRP", "."],
                &["PRON", "VERB", "PRON", "PUNCT"],
            ),
            s(
                &["Officials", "said", "that", "."],
                &["NNS", "VBD", "IN", "."],
                &["NOUN", "VERB", "SCONJ", "PUNCT"],
            ),
            s(
                &["He", "told", "NBC", "."],
                &["PRP", "VBD", "NNP", "."],
                &["PRON", "VERB", "PROPN", "PUNCT"],
            ),
        ]
    }

    #[test]
    fn learns_and_round_trips() {
        let data = toy();
        let t = train(&data, &Clusters::default(), 10, 1);
        let (x, u) = accuracy(&t, &data);
        assert!(x > 0.99 && u > 0.99, "fits its training data: {x} {u}");
        let back = Tagger::from_bytes(&t.to_bytes()).unwrap();
        assert_eq!(
            back.tag(&["He", "said", "it", "."]),
            t.tag(&["He", "said", "it", "."])
        );
        // The i16 inference tables write back the same file.
        assert_eq!(back.to_bytes(), t.to_bytes());
        assert!(Tagger::from_bytes(b"garbage").is_err());
        assert!(Tagger::from_bytes(&t.to_bytes()[..40]).is_err());
    }

    #[test]
    fn frequent_unambiguous_words_are_sure_and_carry_their_class() {
        let mut data = Vec::new();
        for _ in 0..20 {
            data.extend(toy());
        }
        let words: Vec<Vec<String>> = data.iter().map(|s| s.words.clone()).collect();
        let clusters = Clusters::induce(&words, 4, 5);
        let value = |lex: &Lexicon, w: &str| lex.map.get(&Lexicon::key(w)).copied().unwrap_or(0);
        let lex = Lexicon::build(&data, &clusters);
        assert_ne!(value(&lex, "said") & SURE, 0, "40 × VBD");
        assert_eq!(value(&lex, "said") & TAG_MASK, 1 << Xpos::Vbd.index());
        assert_ne!(value(&lex, "said") >> 56, 0, "has a word class");
        // Seen twice only: in the dictionary, not sure.
        let lex = Lexicon::build(&toy(), &Clusters::default());
        assert_eq!(value(&lex, "said") & SURE, 0);
        // One other tag in 41 (2.4 %): ambiguous, not sure.
        data.push(TaggedSentence {
            words: vec!["said".into()],
            xpos: vec![Xpos::Vbn],
            upos: vec![Upos::Verb],
        });
        let lex = Lexicon::build(&data, &clusters);
        assert_eq!(value(&lex, "said") & SURE, 0);
        let t = train(&data, &clusters, 3, 1);
        assert_eq!(t.tag(&["He", "said", "."])[1].0, Xpos::Vbd);
    }

    #[test]
    fn training_is_deterministic() {
        let data = toy();
        assert_eq!(
            train(&data, &Clusters::default(), 3, 9).to_bytes(),
            train(&data, &Clusters::default(), 3, 9).to_bytes()
        );
    }

    #[test]
    fn ensembles_and_silver_are_deterministic_and_the_same_size() {
        let data = toy();
        let silver = vec![TaggedSentence {
            words: vec!["They".into(), "told".into(), "“".into(), "CNN".into()],
            xpos: vec![Xpos::Prp, Xpos::Vbd, Xpos::OpenQuote, Xpos::Nnp],
            upos: Vec::new(),
        }];
        let options = TrainOptions {
            epochs: 5,
            seed: 3,
            ensemble: 3,
            silver_every: 1,
        };
        let a = train_with(&data, &silver, &Clusters::default(), &options);
        let b = train_with(&data, &silver, &Clusters::default(), &options);
        assert_eq!(a.to_bytes(), b.to_bytes());
        let one = train(&data, &Clusters::default(), 5, 3);
        assert_eq!(a.xpos.classes, one.xpos.classes);
        let (x, u) = accuracy(&a, &data);
        assert!(x > 0.99 && u > 0.99, "fits its training data: {x} {u}");
        assert_eq!(a.tag(&["They", "told", "NBC", "."]).len(), 4);
    }

    #[test]
    fn silver_words_take_the_article_spelling() {
        let conllu = "# newdoc id = a\n# sent_id = a-1\n\
            1\t``\t``\t_\t``\t_\t0\troot\t_\tNER=O|Char=0-1\n\
            2\tIt\tit\t_\tPRP\t_\t0\troot\t_\tNER=O|Char=1-3\n\
            3\t's\tbe\t_\tVBZ\t_\t0\troot\t_\tNER=O|Char=3-5\n\
            4\tnew\tnew\t_\tJJ\t_\t0\troot\t_\tNER=O|Char=99-100\n\n";
        let s = read_silver(conllu, |name| {
            assert_eq!(name, "a");
            "“It’s new".to_string()
        });
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, ["“", "It", "’s", "new"]);
        assert_eq!(s[0].xpos[2], Xpos::Vbz);
        assert!(s[0].upos.is_empty());
    }

    #[test]
    fn an_acronym_in_capitals_is_no_pronoun() {
        let t = Tagger::english().expect("embedded tagger");
        let xpos = |words: &[&str]| t.tag(words).into_iter().map(|(x, _)| x).collect::<Vec<_>>();
        assert_eq!(xpos(&["the", "WHO", "said"])[1], Xpos::Nnp);
        assert_eq!(xpos(&["WHO", "warns", "of", "measles"])[0], Xpos::Nnp);
        // The pronoun as such, and a sentence all in capitals, keep it.
        assert_eq!(xpos(&["Who", "said", "it", "?"])[0], Xpos::Wp);
        assert_eq!(xpos(&["WHO", "SAID", "IT", "?"])[0], Xpos::Wp);
    }

    #[test]
    fn empty_and_odd_words_do_not_panic() {
        let t = train(&toy(), &Clusters::default(), 1, 1);
        assert!(t.tag(&[]).is_empty());
        assert_eq!(
            t.tag(&["", "’", "’’’", "——x", "中文", "x".repeat(10_000).as_str()])
                .len(),
            6
        );
    }
}
