//! Distributional word classes induced from unlabeled text, for the NER tagger.
//!
//! Every lower-cased word seen often enough gets a fine and a coarse class
//! (spherical k-means over its left/right neighbour counts) and a
//! capitalisation bucket (how often it is written capitalised away from the
//! start of a sentence). Names written in lower case on the web ("kerala",
//! "taco bell") then share classes and capitalisation cues with the news
//! text they were seen in. Deterministic given the seed.

use std::collections::HashMap;

/// Class entry of one word: fine class, coarse class, capitalisation bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordClass {
    pub fine: u16,
    pub coarse: u8,
    pub cap: u8,
}

/// Word → class table, keyed by the high 32 bits of the tagger's lower-case word hash.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    map: crate::gazetteer::KeyMap<u32, WordClass>,
}

/// Options for [`WordClasses::induce`].
#[derive(Debug, Clone)]
pub struct ClassOptions {
    /// Fine classes (k-means k).
    pub fine: usize,
    /// Coarse classes (k-means over the fine centroids).
    pub coarse: usize,
    /// Minimum count of a word to get a class.
    pub min_count: u32,
    /// At most this many words (most frequent first).
    pub max_vocab: usize,
    /// Context words (most frequent), each side.
    pub contexts: usize,
    pub iterations: usize,
    pub seed: u64,
}

impl Default for ClassOptions {
    fn default() -> Self {
        ClassOptions {
            fine: 1000,
            coarse: 64,
            min_count: 3,
            max_vocab: 80_000,
            contexts: 500,
            iterations: 8,
            seed: 7,
        }
    }
}

/// Lower-cases `w` into `buf`.
pub(crate) fn lower_into(w: &str, buf: &mut String) {
    buf.clear();
    for c in w.chars() {
        buf.extend(c.to_lowercase());
    }
}

fn shape_class(w: &str) -> u32 {
    match w.chars().next() {
        Some(c) if c.is_uppercase() => 0,
        Some(c) if c.is_lowercase() => 1,
        Some(c) if c.is_ascii_digit() => 2,
        _ => 3,
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 11
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 53) as f64
    }
}

/// Sparse L2-normalised vectors: (dimension, value) pairs.
type Sparse = Vec<(u32, f32)>;

/// Spherical k-means (k-means++ seeding), returning each row's cluster and the centroids.
fn kmeans(
    rows: &[Sparse],
    dim: usize,
    k: usize,
    iters: usize,
    rng: &mut Rng,
) -> (Vec<u16>, Vec<Vec<f32>>) {
    let n = rows.len();
    let k = k.min(n).max(1);
    let dot = |r: &Sparse, c: &[f32]| -> f32 { r.iter().map(|&(d, v)| v * c[d as usize]).sum() };
    let dense = |r: &Sparse| {
        let mut c = vec![0f32; dim];
        for &(d, v) in r {
            c[d as usize] = v;
        }
        c
    };
    // k-means++ seeding on cosine distance.
    let mut cents: Vec<Vec<f32>> = Vec::with_capacity(k);
    let first = (rng.next() % n as u64) as usize;
    cents.push(dense(&rows[first]));
    let mut best: Vec<f32> = rows.iter().map(|r| 1.0 - dot(r, &cents[0])).collect();
    while cents.len() < k {
        let total: f64 = best.iter().map(|&d| d.max(0.0) as f64).sum();
        let mut pick = n - 1;
        if total > 0.0 {
            let mut x = rng.unit() * total;
            for (i, &d) in best.iter().enumerate() {
                x -= d.max(0.0) as f64;
                if x <= 0.0 {
                    pick = i;
                    break;
                }
            }
        } else {
            pick = (rng.next() % n as u64) as usize;
        }
        let c = dense(&rows[pick]);
        for (i, r) in rows.iter().enumerate() {
            let d = 1.0 - dot(r, &c);
            if d < best[i] {
                best[i] = d;
            }
        }
        cents.push(c);
    }
    let mut assign = vec![0u16; n];
    for _ in 0..iters {
        // Assign: dense scores per row via a transposed centroid matrix.
        let mut tr = vec![0f32; dim * k];
        for (j, c) in cents.iter().enumerate() {
            for (d, &v) in c.iter().enumerate() {
                tr[d * k + j] = v;
            }
        }
        let mut sc = vec![0f32; k];
        for (i, r) in rows.iter().enumerate() {
            sc.iter_mut().for_each(|s| *s = 0.0);
            for &(d, v) in r {
                let col = &tr[d as usize * k..(d as usize + 1) * k];
                for (s, &c) in sc.iter_mut().zip(col) {
                    *s += v * c;
                }
            }
            let mut bj = 0;
            for j in 1..k {
                if sc[j] > sc[bj] {
                    bj = j;
                }
            }
            assign[i] = bj as u16;
        }
        // Update: mean direction, normalised; empty clusters keep their centroid.
        let mut sums = vec![vec![0f32; dim]; k];
        let mut cnt = vec![0usize; k];
        for (i, r) in rows.iter().enumerate() {
            let a = assign[i] as usize;
            cnt[a] += 1;
            for &(d, v) in r {
                sums[a][d as usize] += v;
            }
        }
        for j in 0..k {
            if cnt[j] == 0 {
                continue;
            }
            let norm = sums[j].iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                sums[j].iter_mut().for_each(|v| *v /= norm);
                cents[j] = std::mem::take(&mut sums[j]);
            }
        }
    }
    (assign, cents)
}

impl WordClasses {
    /// Induces classes from tokenised sentences of unlabeled text.
    pub fn induce<S: AsRef<str>>(sents: &[Vec<S>], opts: &ClassOptions) -> WordClasses {
        // Counts per lower-cased word: total, capitalised away from sentence start, seen there.
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut counts: Vec<(u32, u32, u32)> = Vec::new();
        let mut buf = String::new();
        let mut seq: Vec<Vec<(u32, u32)>> = Vec::with_capacity(sents.len());
        for s in sents {
            let mut row = Vec::with_capacity(s.len());
            for (i, w) in s.iter().enumerate() {
                let w = w.as_ref();
                lower_into(w, &mut buf);
                let id = match ids.get(buf.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = counts.len() as u32;
                        ids.insert(buf.clone(), id);
                        counts.push((0, 0, 0));
                        id
                    }
                };
                let c = &mut counts[id as usize];
                c.0 += 1;
                let sh = shape_class(w);
                if i > 0 && sh <= 1 {
                    c.2 += 1;
                    if sh == 0 {
                        c.1 += 1;
                    }
                }
                row.push((id, sh));
            }
            seq.push(row);
        }
        // Vocabulary and context words by frequency (ties by string for determinism).
        let mut by_freq: Vec<(&String, u32)> = ids.iter().map(|(w, &id)| (w, id)).collect();
        by_freq.sort_by(|a, b| {
            counts[b.1 as usize]
                .0
                .cmp(&counts[a.1 as usize].0)
                .then_with(|| a.0.cmp(b.0))
        });
        let mut ctx = vec![u32::MAX; counts.len()];
        for (k, (_, id)) in by_freq.iter().take(opts.contexts).enumerate() {
            ctx[*id as usize] = k as u32;
        }
        let side = opts.contexts as u32 + 4;
        let dim = 2 * side as usize;
        let vocab: Vec<(&String, u32)> = by_freq
            .iter()
            .copied()
            .filter(|&(_, id)| counts[id as usize].0 >= opts.min_count)
            .take(opts.max_vocab)
            .collect();
        let mut row_of = vec![u32::MAX; counts.len()];
        for (r, &(_, id)) in vocab.iter().enumerate() {
            row_of[id as usize] = r as u32;
        }
        let mut acc: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
        let cdim = |(id, sh): (u32, u32)| -> u32 {
            let c = ctx[id as usize];
            if c == u32::MAX {
                opts.contexts as u32 + sh
            } else {
                c
            }
        };
        for row in &seq {
            for (i, &(id, _)) in row.iter().enumerate() {
                let r = row_of[id as usize];
                if r == u32::MAX {
                    continue;
                }
                let m = &mut acc[r as usize];
                let l = if i > 0 {
                    cdim(row[i - 1])
                } else {
                    opts.contexts as u32 + 3
                };
                *m.entry(l).or_insert(0.0) += 1.0;
                let rr = if i + 1 < row.len() {
                    cdim(row[i + 1])
                } else {
                    opts.contexts as u32 + 3
                };
                *m.entry(side + rr).or_insert(0.0) += 1.0;
            }
        }
        let rows: Vec<Sparse> = acc
            .into_iter()
            .map(|m| {
                let mut v: Sparse = m.into_iter().map(|(d, c)| (d, (1.0 + c).ln())).collect();
                v.sort_by_key(|x| x.0);
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
                v.iter_mut().for_each(|x| x.1 /= norm);
                v
            })
            .collect();
        let mut rng = Rng(opts.seed ^ 0x5eed_c1a5);
        let (fine, cents) = kmeans(&rows, dim, opts.fine, opts.iterations, &mut rng);
        let crow: Vec<Sparse> = cents
            .iter()
            .map(|c| {
                c.iter()
                    .enumerate()
                    .filter(|x| *x.1 != 0.0)
                    .map(|(d, &v)| (d as u32, v))
                    .collect()
            })
            .collect();
        let (coarse_of, _) = kmeans(&crow, dim, opts.coarse, opts.iterations, &mut rng);
        let mut map =
            crate::gazetteer::KeyMap::with_capacity_and_hasher(vocab.len(), Default::default());
        for (r, &(w, id)) in vocab.iter().enumerate() {
            let (_, capd, seen) = counts[id as usize];
            let cap = if seen == 0 {
                0
            } else {
                let f = capd as f64 / seen as f64;
                if f < 0.1 {
                    1
                } else if f < 0.5 {
                    2
                } else if f < 0.9 {
                    3
                } else {
                    4
                }
            };
            let fine = fine[r];
            map.insert(
                key(w),
                WordClass {
                    fine: fine + 1,
                    coarse: coarse_of[fine as usize] as u8 + 1,
                    cap,
                },
            );
        }
        WordClasses { map }
    }

    /// Number of words with a class.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no word has a class (a model trained without them).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The class of a lower-cased word hash (see [`key_of_hash`]).
    #[inline]
    pub fn get(&self, k: u32) -> Option<WordClass> {
        self.map.get(&k).copied()
    }

    /// Serialises as `count, (key u32, fine u16, coarse u8, cap u8)*`, sorted by key.
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let mut v: Vec<(&u32, &WordClass)> = self.map.iter().collect();
        v.sort_by_key(|x| *x.0);
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, c) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&c.fine.to_le_bytes());
            out.push(c.coarse);
            out.push(c.cap);
        }
    }

    /// Reads what [`WordClasses::to_bytes`] wrote; returns the table and the bytes used.
    pub fn from_bytes(b: &[u8]) -> Option<(WordClasses, usize)> {
        let n = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
        let body = b.get(4..4 + n.checked_mul(8)?)?;
        let mut map = crate::gazetteer::KeyMap::with_capacity_and_hasher(n, Default::default());
        for c in body.chunks_exact(8) {
            map.insert(
                u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                WordClass {
                    fine: u16::from_le_bytes([c[4], c[5]]),
                    coarse: c[6],
                    cap: c[7],
                },
            );
        }
        Some((WordClasses { map }, 4 + n * 8))
    }
}

/// Table key of a lower-cased word.
pub fn key(lower: &str) -> u32 {
    key_of_hash(crate::tagger::lower_hash(lower))
}

/// Table key from the tagger's lower-case word hash.
#[inline]
pub fn key_of_hash(h: u64) -> u32 {
    (h >> 32) as u32
}

/// Splits plain text into rough sentences of tokens (whitespace, with leading and
/// trailing punctuation split off; a new sentence after `.`, `!`, `?` and at line ends).
pub fn tokenize_plain(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur: Vec<String> = Vec::new();
        for w in line.split_whitespace() {
            let core_start = w
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|x| x.0);
            let Some(a) = core_start else {
                cur.push(w.to_string());
                continue;
            };
            let b = w
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(w.len());
            for c in w[..a].chars() {
                cur.push(c.to_string());
            }
            cur.push(w[a..b].to_string());
            let mut end = false;
            for c in w[b..].chars() {
                cur.push(c.to_string());
                end |= matches!(c, '.' | '!' | '?');
            }
            if end {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}
