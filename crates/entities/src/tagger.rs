//! Structured averaged-perceptron tagger for PERSON / ORG / LOC names:
//! Viterbi over BILOU states inside, BIO labels outside.
//!
//! Features are hashed into a flat weight table (`buckets × states`), stored
//! as `i16` with one scale factor and deflated in the model file, so the
//! model is a few MB.

use crate::classes::{key_of_hash, WordClasses};
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use whosaid_core::{NarrowRows, WeightRows};

/// BIO labels (what [`Tagger::tag`] returns and training data give): O, then B/I for each type.
pub const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// Number of labels.
pub const NL: usize = LABELS.len();
const MAGIC: &[u8; 8] = b"WSNER004";

/// Coarse name type the tagger predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameType {
    Per,
    Org,
    Loc,
}

impl NameType {
    fn from_label(l: usize) -> Option<NameType> {
        match l {
            1 | 2 => Some(NameType::Per),
            3 | 4 => Some(NameType::Org),
            5 | 6 => Some(NameType::Loc),
            _ => None,
        }
    }
}

/// Parses an IOB2 label ("B-PER", "I-ORGANIZATION", "O") into a label index.
pub fn label_index(tag: &str) -> usize {
    let (bio, ty) = match tag.split_once('-') {
        Some((b, t)) => (b, t),
        None => return 0,
    };
    let base = match ty {
        "PER" | "PERSON" => 1,
        "ORG" | "ORGANIZATION" => 3,
        "LOC" | "LOCATION" | "GPE" => 5,
        _ => return 0,
    };
    if bio == "I" {
        base + 1
    } else {
        base
    }
}

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("NER model: {0}")]
    Format(&'static str),
}

/// A trained tagger.
pub struct Tagger {
    bits: u32,
    scale: f32,
    /// 2^bits rows of NS weights, each padded to 16 and aligned: packed end
    /// to end, a 26-byte row crosses a cache line four times in ten, and
    /// nearly every row read is a cache miss.
    weights: WeightRows,
    classes: WordClasses,
    places: Gazetteer,
}

/// The row read for a hashed feature outside the table (never: features
/// are masked to the table's size).
const ZERO_ROW: [i16; NS] = [0; NS];

#[inline]
fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ seed.wrapping_mul(0x9e3779b97f4a7c15);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Hash of a lower-cased word (the key of the word-class table).
pub(crate) fn lower_hash(lower: &str) -> u64 {
    fnv(1, lower.as_bytes())
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.wrapping_mul(0x9e3779b97f4a7c15);
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58476d1ce4e5b9);
    h ^ (h >> 32)
}

/// Word shape: X/x/d/other with runs collapsed ("McFaul" → "XxXx", "2016" → "d").
fn shape(w: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c == '.' || c == '-' || c == '\'' || c == '&' {
            c as u8
        } else {
            b'o'
        };
        if out.last() != Some(&s) {
            out.push(s);
        }
        if out.len() >= 6 {
            break;
        }
    }
}

/// Letters of an all-caps word of two or more letters (capped at 5), else None.
fn acronym_len(w: &str) -> Option<u64> {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && !w.chars().any(|c| c.is_lowercase())).then(|| letters.min(5) as u64)
}

/// Per-token feature hashes that don't depend on the predicted labels.
#[derive(Default)]
pub struct SentenceFeatures {
    /// Static feature hashes per token, `per_tok` apiece.
    stat: Vec<u64>,
    per_tok: usize,
}

const PAD: u64 = 0x5151;

/// Builds static features for a sentence of word forms.
pub fn sentence_features<S: AsRef<str>>(
    words: &[S],
    classes: &WordClasses,
    places: &Gazetteer,
) -> SentenceFeatures {
    let mut sf = SentenceFeatures::default();
    build_sentence_features(
        words,
        classes,
        places,
        &mut FeatureBuffers::default(),
        &mut sf,
    );
    sf
}

/// Per-token working arrays of [`build_sentence_features`], kept from
/// sentence to sentence of a document (a dozen allocations a sentence otherwise).
#[derive(Default)]
struct FeatureBuffers {
    lower: String,
    lows: String,
    low_end: Vec<usize>,
    shp: Vec<u8>,
    lw: Vec<u64>,
    sh: Vec<u64>,
    cap: Vec<bool>,
    fine: Vec<u64>,
    coarse: Vec<u64>,
    capb: Vec<u64>,
    kind: Vec<u64>,
    conn: Vec<bool>,
    listed: Vec<lexicon::Listed>,
    title: Vec<bool>,
    run: Vec<(usize, usize)>,
}

/// [`sentence_features`] into `sf`, with working arrays from `buf`.
fn build_sentence_features<S: AsRef<str>>(
    words: &[S],
    classes: &WordClasses,
    places: &Gazetteer,
    buf: &mut FeatureBuffers,
    sf: &mut SentenceFeatures,
) {
    let n = words.len();
    let FeatureBuffers {
        lower,
        lows,
        low_end,
        shp,
        lw,
        sh,
        cap,
        fine,
        coarse,
        capb,
        kind,
        conn,
        listed,
        title,
        run,
    } = buf;
    lows.clear();
    low_end.clear();
    lw.clear();
    sh.clear();
    cap.clear();
    fine.clear();
    coarse.clear();
    capb.clear();
    kind.clear();
    conn.clear();
    // What the word lists say of each word, looked up once per word.
    listed.clear();
    title.clear();
    for w in words {
        let w = w.as_ref();
        whosaid_core::lowercase_into(w, lower);
        let h = lower_hash(lower);
        lw.push(h);
        lows.push_str(lower);
        low_end.push(lows.len());
        let on_lower_lists = lexicon::listed_lower(lower);
        kind.push(on_lower_lists.head_kind() as u64);
        title.push(on_lower_lists.title());
        listed.push(lexicon::listed(w));
        conn.push(matches!(
            lower.as_str(),
            "of" | "and" | "&" | "for" | "the" | "de" | "-" | "'s" | "on"
        ));
        match classes.get(key_of_hash(h)) {
            Some(c) => {
                fine.push(c.fine as u64);
                coarse.push(c.coarse as u64);
                capb.push(c.cap as u64);
            }
            None => {
                fine.push(0);
                coarse.push(0);
                capb.push(5);
            }
        }
        shape(w, shp);
        sh.push(fnv(2, shp));
        cap.push(w.chars().next().is_some_and(|c| c.is_uppercase()));
    }
    let at = |v: &Vec<u64>, i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            PAD ^ (i.signum() as u64)
        } else {
            v[i as usize]
        }
    };
    // Word `i` lower-cased, as the first pass wrote it.
    let low_at = |i: usize| &lows[if i == 0 { 0 } else { low_end[i - 1] }..low_end[i]];
    let mut gaz = Vec::new();
    if !places.is_empty() {
        let low: Vec<&str> = (0..n).map(low_at).collect();
        places.codes(&low, &mut gaz);
    }
    // Sentence casing: mostly lower case (web text), mostly capitalised (headlines, all caps), or mixed.
    let letters = words
        .iter()
        .filter(|w| w.as_ref().chars().next().is_some_and(|c| c.is_alphabetic()))
        .count();
    let caps = cap.iter().filter(|&&c| c).count();
    let scase: u64 = if letters < 3 {
        0
    } else if caps * 10 <= letters {
        1
    } else if caps * 10 >= letters * 6 {
        2
    } else {
        3
    };
    // Capitalised runs ("Law Offices of Armando Villega"): connectors inside
    // a run join it when a capitalised word follows. `run[i]` = (start, end).
    run.clear();
    run.resize(n, (0, 0));
    {
        let mut i = 0;
        while i < n {
            if !cap[i] {
                run[i] = (i, i);
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut end = j;
            while j < n {
                if cap[j] {
                    j += 1;
                    end = j;
                } else if conn[j] && j + 1 < n && cap[j + 1] {
                    j += 1;
                } else {
                    break;
                }
            }
            for r in &mut run[i..end] {
                *r = (i, end);
            }
            i = end.max(i + 1);
        }
    }
    const PER: usize = 58;
    let stat = &mut sf.stat;
    stat.clear();
    stat.reserve(n * PER);
    for (i, w) in words.iter().enumerate() {
        let w = w.as_ref();
        let ii = i as isize;
        let base = stat.len();
        stat.push(1); // bias
        stat.push(mix(10, lw[i]));
        stat.push(mix(11, fnv(3, w.as_bytes())));
        stat.push(mix(12, sh[i]));
        // Byte offsets of char boundaries, so affixes hash without allocating.
        let mut bounds = [0usize; 5];
        let mut m = 0;
        for (k, (b, _)) in w.char_indices().enumerate() {
            if k < 5 {
                bounds[k] = b;
            }
            m = k + 1;
        }
        let mut tail = [w.len(); 5];
        for (k, (b, _)) in w.char_indices().rev().take(4).enumerate() {
            tail[k + 1] = b;
        }
        for k in 1..=4usize {
            if m >= k {
                let pe = if m > k { bounds[k] } else { w.len() };
                stat.push(mix(20 + k as u64, fnv(4, &w.as_bytes()[tail[k]..])));
                stat.push(mix(30 + k as u64, fnv(5, &w.as_bytes()[..pe])));
            } else {
                stat.push(mix(20 + k as u64, 7));
                stat.push(mix(30 + k as u64, 7));
            }
        }
        stat.push(mix(40, at(lw, ii - 1)));
        stat.push(mix(41, at(lw, ii + 1)));
        stat.push(mix(42, at(lw, ii - 2)));
        stat.push(mix(43, at(lw, ii + 2)));
        stat.push(mix(44, at(sh, ii - 1)));
        stat.push(mix(45, at(sh, ii + 1)));
        stat.push(mix(46, mix(at(sh, ii - 1), sh[i])));
        stat.push(mix(47, mix(sh[i], at(sh, ii + 1))));
        stat.push(mix(48, mix(lw[i], at(lw, ii + 1))));
        stat.push(mix(49, mix(at(lw, ii - 1), lw[i])));
        stat.push(mix(50, mix(sh[i], (i == 0) as u64)));
        let prev_title = i > 0 && title[i - 1];
        stat.push(mix(51, mix(prev_title as u64, cap[i] as u64)));
        let first_name = |l: lexicon::Listed| l.gender() != lexicon::Gender::Unknown;
        let g = first_name(listed[i]) as u64;
        let next_first = i + 1 < n && first_name(listed[i + 1]);
        stat.push(mix(52, g));
        stat.push(mix(53, mix(next_first as u64, cap[i] as u64)));
        let on = listed[i];
        let media = on.media_word() as u64 | (on.known_outlet() as u64) << 1;
        stat.push(mix(54, media));
        stat.push(mix(55, on.norp() as u64));
        stat.push(mix(56, mix(scase, sh[i])));
        if !classes.is_empty() {
            let c = cap[i] as u64;
            stat.push(mix(70, fine[i]));
            stat.push(mix(71, coarse[i]));
            stat.push(mix(72, mix(capb[i], c)));
            stat.push(mix(73, mix(capb[i], mix(c, coarse[i]))));
            stat.push(mix(74, at(fine, ii - 1)));
            stat.push(mix(75, at(fine, ii + 1)));
            stat.push(mix(76, mix(at(coarse, ii - 1), coarse[i])));
            stat.push(mix(77, mix(coarse[i], at(coarse, ii + 1))));
            stat.push(mix(78, mix(at(capb, ii - 1), capb[i])));
            stat.push(mix(79, mix(capb[i], at(capb, ii + 1))));
            stat.push(mix(80, at(coarse, ii - 2)));
            stat.push(mix(81, at(coarse, ii + 2)));
            stat.push(mix(82, mix(scase, mix(capb[i], c))));
            stat.push(mix(83, mix(scase, coarse[i])));
        }
        let (a, b) = run[i];
        if b > a {
            let len = (b - a).min(4) as u64;
            let pos = if b - a == 1 {
                0
            } else if i == a {
                1
            } else if i + 1 == b {
                3
            } else {
                2
            };
            let last = b - 1;
            stat.push(mix(90, mix(scase, pos * 8 + len)));
            stat.push(mix(91, mix(pos, lw[last])));
            stat.push(mix(92, mix(pos * 8 + len, kind[last])));
            stat.push(mix(93, mix(pos, fine[last])));
            stat.push(mix(94, mix(pos, lw[a])));
            stat.push(mix(95, mix(kind[last], at(lw, a as isize - 1))));
        }
        // All-caps words: the shape collapses "BBC", "US" and "I" to one
        // "X"; an acronym's length, by sentence casing and after the word
        // before it ("the EU", "at NASA"), tells organisations from the rest.
        if let Some(len) = acronym_len(w) {
            stat.push(mix(110, mix(len, scase)));
            stat.push(mix(111, mix(len, at(lw, ii - 1))));
        }
        if let Some(&g) = gaz.get(i) {
            if g > 0 {
                stat.push(mix(100, mix(g as u64, cap[i] as u64)));
                stat.push(mix(101, mix(g as u64, mix(coarse[i], capb[i]))));
            }
        }
        debug_assert!(stat.len() - base <= PER);
        while stat.len() - base < PER {
            stat.push(0);
        }
    }
    sf.per_tok = PER;
}

impl SentenceFeatures {
    /// The static (label-independent) feature hashes of token `i`.
    fn statics(&self, i: usize) -> impl Iterator<Item = u64> + '_ {
        self.stat[i * self.per_tok..(i + 1) * self.per_tok]
            .iter()
            .copied()
            .filter(|&h| h != 0)
    }
    fn lw(&self, i: usize) -> u64 {
        self.stat[i * self.per_tok + 1]
    }
}

/// Hash of the transition feature `prev → ·`.
#[inline]
fn trans_feat(prev: usize) -> u64 {
    mix(60, prev as u64)
}

/// Hash of the feature `prev → ·` joined with the current word.
#[inline]
fn prev_word_feat(prev: usize, lw: u64) -> u64 {
    mix(62, mix(prev as u64, lw))
}

/// Decoding states: O, then B / I / L / U (begin, inside, last, a one-word
/// name) for each type. Why BILOU rather than the output's BIO: a name's
/// last word gets weights of its own, which sharpens boundaries
/// ("Cracker Barrel" | "said"). [`Tagger::tag`] returns BIO labels.
const NS: usize = 13;

/// The state's type (0 PER, 1 ORG, 2 LOC) and part (0 B, 1 I, 2 L, 3 U); None for O.
#[inline]
fn state_parts(s: usize) -> Option<(usize, usize)> {
    if s == 0 {
        None
    } else {
        Some(((s - 1) / 4, (s - 1) % 4))
    }
}

/// Valid BILOU transition (after B or I: I or L of the same type; else O, B
/// or U). A `const fn` in plain arithmetic so that [`PREDS`] is built from it.
#[inline]
const fn allowed(prev: usize, s: usize) -> bool {
    // B and I leave a name open.
    let open = prev > 0 && (prev - 1) % 4 < 2;
    if s == 0 {
        !open
    } else if open {
        (prev - 1) / 4 == (s - 1) / 4 && matches!((s - 1) % 4, 1 | 2)
    } else {
        matches!((s - 1) % 4, 0 | 3)
    }
}

/// For each state, the states that may precede it (count, then the states):
/// the Viterbi loop reads this table instead of testing all 13 × 13 pairs.
const PREDS: [(usize, [u8; NS]); NS] = {
    let mut t = [(0usize, [0u8; NS]); NS];
    let mut s = 0;
    while s < NS {
        let mut p = 0;
        while p < NS {
            if allowed(p, s) {
                t[s].1[t[s].0] = p as u8;
                t[s].0 += 1;
            }
            p += 1;
        }
        s += 1;
    }
    t
};

/// Whether a sentence may end in state `s` (not inside an open name).
#[inline]
fn final_ok(s: usize) -> bool {
    state_parts(s).is_none_or(|(_, k)| k >= 2)
}

/// BIO labels (a stray I-X opens a name, as the scorer reads it) as BILOU states.
fn bio_to_states(bio: &[usize]) -> Vec<usize> {
    let mut out = vec![0; bio.len()];
    for (a, b, t) in spans(bio) {
        let base = 1 + 4 * t as usize;
        if b - a == 1 {
            out[a] = base + 3;
        } else {
            out[a] = base;
            for o in &mut out[a + 1..b - 1] {
                *o = base + 1;
            }
            out[b - 1] = base + 2;
        }
    }
    out
}

/// BILOU states back to BIO labels.
fn states_to_bio(states: &mut [usize]) {
    for s in states {
        *s = match state_parts(*s) {
            None => 0,
            Some((t, k)) => 1 + 2 * t + (k == 1 || k == 2) as usize,
        };
    }
}

/// Viterbi over BILOU states (first order, with the BILOU constraints).
/// `emit[i*NS+l]` scores state `l` at token `i`; `pair[(i*NS+p)*NS+l]`
/// scores `p → l` at token `i` (the start state is `O`).
/// `back` is a reusable buffer for the back-pointers.
fn viterbi(n: usize, emit: &[f32], pair: &[f32], back: &mut Vec<u8>, out: &mut Vec<usize>) {
    out.clear();
    if n == 0 {
        return;
    }
    // Every entry read below is written first (rows 1..n, all states).
    back.resize(n * NS, 0);
    let mut delta = viterbi_start(&emit[..NS], &pair[..NS * NS]);
    for i in 1..n {
        delta = viterbi_step(
            &delta,
            &emit[i * NS..(i + 1) * NS],
            &pair[i * NS * NS..(i + 1) * NS * NS],
            &mut back[i * NS..(i + 1) * NS],
        );
    }
    viterbi_path(&delta, back, n, out);
}

/// The Viterbi scores after the first token (`emit` and `pair` are its
/// rows; the start state is `O`).
#[inline]
fn viterbi_start(emit: &[f32], pair: &[f32]) -> [f32; NS] {
    let mut delta = [f32::NEG_INFINITY; NS];
    for l in 0..NS {
        if allowed(0, l) {
            delta[l] = emit[l] + pair[l];
        }
    }
    delta
}

/// One Viterbi step: the scores after a token from those before it, the
/// token's emission row and `p → l` pair rows; writes its back-pointers.
#[inline]
fn viterbi_step(delta: &[f32; NS], emit: &[f32], pair: &[f32], back: &mut [u8]) -> [f32; NS] {
    let mut nd = [f32::NEG_INFINITY; NS];
    for l in 0..NS {
        let mut best = f32::NEG_INFINITY;
        let mut bp = 0;
        let (count, preds) = &PREDS[l];
        for &p in &preds[..*count] {
            let p = p as usize;
            if delta[p] == f32::NEG_INFINITY {
                continue;
            }
            let s = delta[p] + pair[p * NS + l];
            if s > best {
                best = s;
                bp = p;
            }
        }
        nd[l] = best + emit[l];
        back[l] = bp as u8;
    }
    nd
}

/// The best path of `n` tokens (n > 0) from the final scores and the back-pointers.
fn viterbi_path(delta: &[f32; NS], back: &[u8], n: usize, out: &mut Vec<usize>) {
    let mut best = 0;
    for l in 1..NS {
        if final_ok(l) && delta[l] > delta[best] {
            best = l;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best;
    for i in (1..n).rev() {
        best = back[i * NS + best] as usize;
        out[i - 1] = best;
    }
}

impl Tagger {
    /// Loads a model written by [`Trainer::finish`].
    pub fn from_bytes(file: &[u8]) -> Result<Tagger, ModelError> {
        // The magic, then the rest deflated (most buckets of the 13-state
        // table are empty: 6.8 MB raw, about a third of that deflated).
        let Some(packed) = file.strip_prefix(MAGIC.as_slice()) else {
            return Err(ModelError::Format("bad magic"));
        };
        let mut b = MAGIC.to_vec();
        std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(packed), &mut b)
            .map_err(|_| ModelError::Format("corrupt deflate stream"))?;
        let b = b.as_slice();
        if b.len() < 16 {
            return Err(ModelError::Format("truncated header"));
        }
        let bits = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        let scale = f32::from_le_bytes([b[12], b[13], b[14], b[15]]);
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Format("bad table size"));
        }
        let n = (1usize << bits) * NS;
        let Some(body) = b.get(16..16 + n * 2) else {
            return Err(ModelError::Format("truncated weights"));
        };
        let Some((classes, used)) = WordClasses::from_bytes(&b[16 + n * 2..]) else {
            return Err(ModelError::Format("truncated word classes"));
        };
        let rest = &b[16 + n * 2 + used..];
        let Some((places, used)) = Gazetteer::from_bytes(rest) else {
            return Err(ModelError::Format("truncated gazetteer"));
        };
        if used != rest.len() {
            return Err(ModelError::Format("trailing bytes"));
        }
        let weights = WeightRows::from_packed(
            1usize << bits,
            NS,
            NarrowRows::Padded,
            body.chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]])),
        );
        Ok(Tagger {
            bits,
            scale,
            weights,
            classes,
            places,
        })
    }

    /// Serialises the model: the magic, then the header, weights, word
    /// classes and gazetteer deflated.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(8 + self.weights.len() * NS * 2);
        v.extend_from_slice(&self.bits.to_le_bytes());
        v.extend_from_slice(&self.scale.to_le_bytes());
        for w in self.weights.iter().flatten() {
            v.extend_from_slice(&w.to_le_bytes());
        }
        self.classes.to_bytes(&mut v);
        self.places.to_bytes(&mut v);
        let mut enc =
            flate2::write::DeflateEncoder::new(MAGIC.to_vec(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = std::io::Write::write_all(&mut enc, &v);
        enc.finish().unwrap_or_default()
    }

    /// Tags the sentences of one document ([`Tagger::tag`] on each, then
    /// [`propagate`]); one label vector per sentence.
    pub fn tag_document<S: AsRef<str>, W: AsRef<[S]>>(&self, sentences: &[W]) -> Vec<Vec<usize>> {
        self.tag_document_outside(sentences, &[])
    }

    /// [`Tagger::tag_document`] with words that no name may include:
    /// `outside[s][i]` keeps word `i` of sentence `s` out of every name
    /// (sentences past the end of `outside`, and words past the end of
    /// their row, are free).
    pub fn tag_document_outside<S: AsRef<str>, W: AsRef<[S]>>(
        &self,
        sentences: &[W],
        outside: &[Vec<bool>],
    ) -> Vec<Vec<usize>> {
        let mut buffers = TagBuffers::default();
        let mut labels: Vec<Vec<usize>> = sentences
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let out = outside.get(k).map_or(&[][..], Vec::as_slice);
                self.tag_with(s.as_ref(), &mut buffers, out)
            })
            .collect();
        propagate(sentences, &mut labels);
        labels
    }

    /// Tags a sentence (Viterbi); returns one label index per word.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<usize> {
        self.tag_with(words, &mut TagBuffers::default(), &[])
    }

    /// [`Tagger::tag`] with score buffers kept from the sentence before.
    fn tag_with<S: AsRef<str>>(
        &self,
        words: &[S],
        buffers: &mut TagBuffers,
        outside: &[bool],
    ) -> Vec<usize> {
        let TagBuffers { back, features, sf } = buffers;
        build_sentence_features(words, &self.classes, &self.places, features, sf);
        let sf = &*sf;
        let n = words.len();
        let row = |h: u64| self.row(h);
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        back.resize(n * NS, 0);
        let mut trans = [0i32; NS * NS];
        for p in 0..NS {
            for (l, &w) in row(trans_feat(p)).iter().enumerate() {
                trans[p * NS + l] = w as i32;
            }
        }
        // Token i's rows are summed while token i + 1's are fetched: every
        // feature is known before tagging, and the short summing loops
        // alone would leave most of a token's cache misses in sequence.
        // Returns the rows of token i's `prev → ·` word features, hashed once.
        let fetch = |i: usize| {
            let mut prev_rows = [&ZERO_ROW; NS];
            if i < n {
                for h in sf.statics(i) {
                    whosaid_core::prefetch(row(h).as_ptr());
                }
                let lw = sf.lw(i);
                for (p, r) in prev_rows
                    .iter_mut()
                    .enumerate()
                    .take(if i == 0 { 1 } else { NS })
                {
                    *r = row(prev_word_feat(p, lw));
                    whosaid_core::prefetch(r.as_ptr());
                }
            }
            prev_rows
        };
        // Viterbi advances as each token is scored: the token's emission and
        // pair rows live on the stack instead of in sentence-long arrays.
        let mut emit = [0f32; NS];
        // At the first token only the rows from `O` are written and read.
        let mut pair = [0f32; NS * NS];
        let mut delta = [f32::NEG_INFINITY; NS];
        let mut next_rows = fetch(0);
        for i in 0..n {
            let prev_rows = std::mem::replace(&mut next_rows, fetch(i + 1));
            let mut sc = [0i32; NS];
            for h in sf.statics(i) {
                for (s, &w) in sc.iter_mut().zip(row(h)) {
                    *s += w as i32;
                }
            }
            for (e, &s) in emit.iter_mut().zip(&sc) {
                *e = s as f32;
            }
            if outside.get(i).copied().unwrap_or(false) {
                // Only `O` (state 0) may hold this word.
                emit[1..].iter_mut().for_each(|e| *e = f32::NEG_INFINITY);
            }
            for (p, pw) in prev_rows
                .iter()
                .enumerate()
                .take(if i == 0 { 1 } else { NS })
            {
                let out = &mut pair[p * NS..(p + 1) * NS];
                let from_p = &trans[p * NS..(p + 1) * NS];
                for ((o, &t), &w) in out.iter_mut().zip(from_p).zip(pw.iter()) {
                    *o = (t + w as i32) as f32;
                }
            }
            delta = if i == 0 {
                viterbi_start(&emit, &pair)
            } else {
                viterbi_step(&delta, &emit, &pair, &mut back[i * NS..(i + 1) * NS])
            };
        }
        viterbi_path(&delta, back, n, &mut out);
        states_to_bio(&mut out);
        out
    }
}

/// Buffers of [`Tagger::tag`], reused from sentence to sentence of a document.
#[derive(Default)]
struct TagBuffers {
    /// Viterbi back-pointers, `NS` per token.
    back: Vec<u8>,
    features: FeatureBuffers,
    sf: SentenceFeatures,
}

/// Document-level consistency after tagging each sentence of a document:
/// a word sequence tagged as a name somewhere in the document is tagged
/// the same wherever else it appears untagged (same spelling, capitalised
/// first word), with the type it got most often (on a tie, the first).
/// Measured on UNER dev: recall +1.1, precision −0.8, F1 +0.2; it keeps a
/// repeated name from being dropped where its sentence alone says little.
pub fn propagate<S: AsRef<str>, W: AsRef<[S]>>(sentences: &[W], labels: &mut [Vec<usize>]) {
    // A name's key: its words' hashes chained (no allocation).
    const KEY0: u64 = 0x6e61_6d65;
    let step = |h: u64, w: &S| mix(h, fnv(9, w.as_ref().as_bytes()));
    let key = |ws: &[S]| ws.iter().fold(KEY0, step);
    // Per name: how often each type was given, and the first type given.
    let mut types: crate::gazetteer::KeyMap<u64, ([u32; 3], usize)> = Default::default();
    let mut longest = 0;
    for (ws, ls) in sentences.iter().zip(labels.iter()) {
        let ws = ws.as_ref();
        for (a, b, t) in spans(ls) {
            types
                .entry(key(&ws[a..b]))
                .or_insert(([0; 3], t as usize))
                .0[t as usize] += 1;
            longest = longest.max(b - a);
        }
    }
    if types.is_empty() {
        return;
    }
    // The most frequent type; on a tie, the first one given.
    let majority = |&(c, first): &([u32; 3], usize)| -> usize {
        let top = c.iter().copied().max().unwrap_or(0);
        if c[first] == top {
            first
        } else {
            (0..3).find(|&t| c[t] == top).unwrap_or(first)
        }
    };
    let base = |t: usize| 1 + 2 * t;
    for (ws, ls) in sentences.iter().zip(labels.iter_mut()) {
        let ws = ws.as_ref();
        // Untagged repeats tagged.
        let n = ws.len();
        let mut prefix: Vec<u64> = Vec::with_capacity(longest);
        let mut i = 0;
        while i < n {
            let capital = ws[i]
                .as_ref()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase());
            if ls[i] != 0 || !capital {
                i += 1;
                continue;
            }
            prefix.clear();
            let mut h = KEY0;
            for w in &ws[i..n.min(i + longest)] {
                h = step(h, w);
                prefix.push(h);
            }
            let mut hit = None;
            for len in (1..=prefix.len()).rev() {
                if ls[i..i + len].iter().any(|&l| l != 0)
                    || ls.get(i + len).is_some_and(|&l| l != 0 && l % 2 == 0)
                {
                    continue;
                }
                if let Some(m) = types.get(&prefix[len - 1]).map(majority) {
                    hit = Some((len, m));
                    break;
                }
            }
            match hit {
                Some((len, m)) => {
                    ls[i] = base(m);
                    for l in &mut ls[i + 1..i + len] {
                        *l = base(m) + 1;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

/// Decodes BIO labels into `(start, end, type)` spans over word indices.
pub fn spans(labels: &[usize]) -> Vec<(usize, usize, NameType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if let Some(t) = NameType::from_label(labels[i]) {
            let b = labels[i] - (labels[i] + 1) % 2;
            let mut j = i + 1;
            while j < labels.len() && labels[j] == b + 1 {
                j += 1;
            }
            out.push((i, j, t));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Structured averaged-perceptron trainer (Viterbi, with lazy averaging).
pub struct Trainer {
    bits: u32,
    classes: WordClasses,
    places: Gazetteer,
    w: Vec<f32>,
    acc: Vec<f64>,
    ts: Vec<u32>,
    t: u32,
}

impl Trainer {
    /// A trainer over `2^bits` hashed feature buckets.
    pub fn new(bits: u32, classes: WordClasses, places: Gazetteer) -> Trainer {
        let n = (1usize << bits) * NS;
        Trainer {
            bits,
            classes,
            places,
            w: vec![0.0; n],
            acc: vec![0.0; n],
            ts: vec![0; n],
            t: 0,
        }
    }

    fn upd(&mut self, idx: usize, d: f32) {
        let el = (self.t - self.ts[idx]) as f64;
        self.acc[idx] += el * self.w[idx] as f64;
        self.ts[idx] = self.t;
        self.w[idx] += d;
    }

    /// One structured-perceptron step on a sentence with gold labels (Viterbi
    /// decoding, then gold-minus-predicted feature updates); returns token errors.
    pub fn learn<S: AsRef<str>>(&mut self, words: &[S], gold: &[usize]) -> usize {
        let sf = sentence_features(words, &self.classes, &self.places);
        self.step(&sf, gold)
    }

    fn step(&mut self, sf: &SentenceFeatures, gold: &[usize]) -> usize {
        let n = gold.len();
        let mask = (1u64 << self.bits) - 1;
        let ri = |h: u64| ((h & mask) as usize) * NS;
        self.t += 1;
        let mut emit = vec![0f32; n * NS];
        let mut pair = vec![0f32; n * NS * NS];
        for i in 0..n {
            for h in sf.statics(i) {
                let r = ri(h);
                for l in 0..NS {
                    emit[i * NS + l] += self.w[r + l];
                }
            }
            let lw = sf.lw(i);
            for p in 0..if i == 0 { 1 } else { NS } {
                let (rt, rp) = (ri(trans_feat(p)), ri(prev_word_feat(p, lw)));
                for l in 0..NS {
                    pair[(i * NS + p) * NS + l] = self.w[rt + l] + self.w[rp + l];
                }
            }
        }
        let mut pred = Vec::with_capacity(n);
        viterbi(n, &emit, &pair, &mut Vec::new(), &mut pred);
        let gold = bio_to_states(gold);
        let mut errs = 0;
        for i in 0..n {
            let (g, p) = (gold[i], pred[i]);
            let gp = if i == 0 { 0 } else { gold[i - 1] };
            let pp = if i == 0 { 0 } else { pred[i - 1] };
            if g != p {
                errs += 1;
                for h in sf.statics(i) {
                    let r = ri(h);
                    self.upd(r + g, 1.0);
                    self.upd(r + p, -1.0);
                }
            }
            if g != p || gp != pp {
                let lw = sf.lw(i);
                self.upd(ri(trans_feat(gp)) + g, 1.0);
                self.upd(ri(trans_feat(pp)) + p, -1.0);
                self.upd(ri(prev_word_feat(gp, lw)) + g, 1.0);
                self.upd(ri(prev_word_feat(pp, lw)) + p, -1.0);
            }
        }
        errs
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        let t = self.t as f64;
        (0..self.w.len())
            .map(|i| {
                let el = t - self.ts[i] as f64;
                ((self.acc[i] + el * self.w[i] as f64) / t.max(1.0)) as f32
            })
            .collect()
    }

    /// Averages and quantises the weights into a [`Tagger`].
    pub fn finish(self) -> Tagger {
        let avg = self.averaged();
        Tagger::quantise(self.bits, &avg, self.classes, self.places)
    }
}

impl Tagger {
    /// The weight row of hashed feature `h` (masked to the table's size).
    #[inline]
    fn row(&self, h: u64) -> &[i16; NS] {
        let mask = (1u64 << self.bits) - 1;
        self.weights
            .row((h & mask) as usize)
            .and_then(|r| r.try_into().ok())
            .unwrap_or(&ZERO_ROW)
    }

    /// A tagger from float weights (`2^bits × NS`), quantised to `i16`.
    pub fn quantise(bits: u32, avg: &[f32], classes: WordClasses, places: Gazetteer) -> Tagger {
        let maxabs = avg.iter().fold(0f32, |m, a| m.max(a.abs()));
        let scale = if maxabs > 0.0 { 32000.0 / maxabs } else { 1.0 };
        let weights = WeightRows::from_packed(
            1usize << bits,
            NS,
            NarrowRows::Padded,
            avg.iter().map(|&a| (a * scale).round() as i16),
        );
        Tagger {
            bits,
            scale,
            weights,
            classes,
            places,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_writes_back_to_its_own_bytes() {
        // The rows are padded in memory and unpadded on disk.
        let bytes = include_bytes!("../../../models/ner.bin");
        let tagger = Tagger::from_bytes(bytes).expect("shipped model loads");
        let first_row = tagger.row(0).as_ptr() as usize;
        assert_eq!(first_row % 32, 0, "rows padded to 16 weights and aligned");
        assert!(
            tagger.to_bytes() == bytes[..],
            "round trip changed the model"
        );
    }

    #[test]
    fn a_name_is_tagged_where_it_repeats_untagged() {
        let words = [
            vec!["Gloria", "Smith", "met", "Acme", "staff"],
            vec!["Then", "Gloria", "Smith", "left", "Acme"],
            vec!["gloria", "smith", "and", "Acme", "Acme"],
        ];
        let mut labels = vec![vec![1, 2, 0, 3, 0], vec![0; 5], vec![0, 0, 0, 5, 0]];
        propagate(&words, &mut labels);
        // Same spelling, capitalised: tagged with the name's majority type
        // (Acme: ORG once, LOC once: a tie, the first type given).
        assert_eq!(labels[1], vec![0, 1, 2, 0, 3]);
        assert_eq!(labels[2], vec![0, 0, 0, 5, 3]);
    }

    #[test]
    fn bio_labels_become_bilou_states_and_back() {
        // "Acme Corp" (ORG), "Bob" (PER), a stray I-LOC opening a place.
        let bio = [3, 4, 0, 1, 0, 6, 6];
        let states = bio_to_states(&bio);
        // ORG B, ORG L, O, PER U, O, LOC B, LOC L.
        assert_eq!(states, vec![5, 7, 0, 4, 0, 9, 11]);
        for w in states.windows(2) {
            assert!(allowed(w[0], w[1]), "{w:?}");
        }
        assert!(allowed(0, 4) && !allowed(0, 6) && !allowed(5, 0) && !allowed(5, 10));
        // The Viterbi's table of predecessors says the same as `allowed`.
        for (s, (count, preds)) in PREDS.iter().enumerate() {
            let want: Vec<u8> = (0..NS as u8).filter(|&p| allowed(p as usize, s)).collect();
            assert_eq!(&preds[..*count], want.as_slice());
        }
        assert!(final_ok(7) && !final_ok(5) && !final_ok(6));
        let mut back = states;
        states_to_bio(&mut back);
        assert_eq!(back, vec![3, 4, 0, 1, 0, 5, 6]);
    }

    #[test]
    fn an_acronym_reads_its_length() {
        let c = WordClasses::default();
        let g = Gazetteer::default();
        let words = ["they", "met", "at", "NASA", "and", "the", "US", "and", "I"];
        let f = sentence_features(&words, &c, &g);
        let has = |i: usize, h: u64| f.statics(i).any(|x| x == h);
        let scase = 3; // mixed casing
        assert!(has(3, mix(110, mix(4, scase))));
        assert!(has(3, mix(111, mix(4, lower_hash("at")))));
        assert!(has(6, mix(110, mix(2, scase))));
        // One capital is not an acronym.
        assert!(!(1..=5).any(|len| has(8, mix(110, mix(len, scase)))));
    }

    #[test]
    fn tagging_scores_each_token_as_the_sentence_long_viterbi_does() {
        // The reference: all emission and pair scores first, then viterbi.
        let tagger = crate::embedded_tagger().expect("embedded model");
        let sentences = [
            vec![
                "Sen.", "Ted", "Cruz", "told", "NBC", "News", "in", "Iowa", ".",
            ],
            vec![
                "“",
                "No",
                ",",
                "”",
                "said",
                "the",
                "Acme",
                "Corporation",
                ".",
            ],
            vec!["McFaul"],
        ];
        for words in &sentences {
            let sf = sentence_features(words, &tagger.classes, &tagger.places);
            let n = words.len();
            let row = |h: u64| tagger.row(h);
            let mut emit = vec![0f32; n * NS];
            let mut pair = vec![0f32; n * NS * NS];
            for i in 0..n {
                for h in sf.statics(i) {
                    for (e, &w) in emit[i * NS..(i + 1) * NS].iter_mut().zip(row(h)) {
                        *e += w as f32;
                    }
                }
                for p in 0..if i == 0 { 1 } else { NS } {
                    let (t, pw) = (row(trans_feat(p)), row(prev_word_feat(p, sf.lw(i))));
                    for l in 0..NS {
                        pair[(i * NS + p) * NS + l] = (t[l] as i32 + pw[l] as i32) as f32;
                    }
                }
            }
            let mut want = Vec::new();
            viterbi(n, &emit, &pair, &mut Vec::new(), &mut want);
            states_to_bio(&mut want);
            assert_eq!(tagger.tag(words), want, "{words:?}");
        }
    }

    #[test]
    fn the_run_and_gazetteer_features_fit_a_toy_set() {
        let places = Gazetteer::from_names(["Noida"]);
        let mut t = Trainer::new(12, WordClasses::default(), places);
        let data = [
            (vec!["He", "lives", "in", "Noida", "."], vec![0, 0, 0, 5, 0]),
            (
                vec!["The", "Acme", "Corporation", "said", "so"],
                vec![0, 3, 4, 0, 0],
            ),
        ];
        for _ in 0..5 {
            for (w, l) in &data {
                t.learn(w, l);
            }
        }
        let tagger = t.finish();
        let back = Tagger::from_bytes(&tagger.to_bytes()).expect("round trip");
        for (w, l) in &data {
            assert_eq!(&back.tag(w), l);
        }
    }
}
