//! Hashed linear models, Viterbi decoding, the averaged structured perceptron
//! and the compact model file format.

use std::io::{Read, Write};

/// A hashed linear model: `labels` weights per feature bucket, stored
/// contiguously so one feature touches one cache line.
#[derive(Debug, Clone)]
pub struct Weights {
    bits: u32,
    labels: usize,
    w: Vec<f32>,
}

impl Weights {
    pub fn new(bits: u32, labels: usize) -> Self {
        Weights {
            bits,
            labels,
            w: vec![0.0; (1usize << bits) * labels],
        }
    }

    pub fn labels(&self) -> usize {
        self.labels
    }

    /// Adds another table of the same shape, weight by weight.
    pub fn add_all(&mut self, other: &Weights) {
        for (a, b) in self.w.iter_mut().zip(&other.w) {
            *a += b;
        }
    }

    /// Multiplies every weight by `k`.
    pub fn scale(&mut self, k: f32) {
        for a in &mut self.w {
            *a *= k;
        }
    }

    /// Sets the weight of feature `f` for `label`.
    pub fn set(&mut self, f: u64, label: usize, value: f32) {
        let i = self.base(f) + label;
        self.w[i] = value;
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The flat weight array (bucket-major).
    pub fn raw(&self) -> &[f32] {
        &self.w
    }

    #[inline]
    fn base(&self, f: u64) -> usize {
        ((f >> 7) as usize & ((1usize << self.bits) - 1)) * self.labels
    }

    /// Adds `delta` to the weight of feature `f` for `label`.
    pub fn add_to(&mut self, f: u64, label: usize, delta: f32) {
        let i = self.base(f) + label;
        self.w[i] += delta;
    }

    /// Adds the weights of `feats` to `out` (one score per label).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        for &f in feats {
            let b = self.base(f);
            let row = &self.w[b..b + self.labels];
            for (o, w) in out.iter_mut().zip(row) {
                *o += *w;
            }
        }
    }
}

/// Anything that scores hashed features per label.
pub trait Scorer {
    /// Adds the weights of `feats` to `out` (one score per label).
    fn add_scores(&self, feats: &[u64], out: &mut [f32]);

    /// Asks the CPU to fetch the rows of `feats` ahead of an `add_scores`
    /// (a hint; nothing is read).
    fn prefetch(&self, _feats: &[u64]) {}
}

impl Scorer for Weights {
    #[inline]
    fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        Weights::add_scores(self, feats, out)
    }
}

/// The inference form of [`Weights`]: i16 with one scale, half the memory
/// traffic (the tables are read at random, so cache misses dominate).
#[derive(Debug, Clone)]
pub struct QWeights {
    bits: u32,
    labels: usize,
    scale: f32,
    q: Vec<i16>,
}

impl QWeights {
    pub fn new(w: &Weights) -> Self {
        let max = w.w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut q = whosaid_core::huge_page_vec(w.w.len());
        q.extend(
            w.w.iter()
                .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16),
        );
        QWeights {
            bits: w.bits,
            labels: w.labels,
            scale,
            q,
        }
    }
}

impl Scorer for QWeights {
    fn prefetch(&self, feats: &[u64]) {
        let mask = (1usize << self.bits) - 1;
        for &f in feats {
            let b = ((f >> 7) as usize & mask) * self.labels;
            if let Some(row) = self.q.get(b..) {
                whosaid_core::prefetch(row.as_ptr());
            }
        }
    }

    #[inline]
    fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        // Every table the taggers read has three labels; a row length known
        // at compile time lets the sum stay in registers (the generic loop
        // runs about a third slower in the attribution stage).
        if self.labels == 3 {
            self.add_rows::<3>(feats, out);
            return;
        }
        let l = self.labels;
        let mask = (1usize << self.bits) - 1;
        let mut acc = [0i32; 8];
        for &f in feats {
            let b = ((f >> 7) as usize & mask) * l;
            for (a, q) in acc.iter_mut().zip(&self.q[b..b + l]) {
                *a += *q as i32;
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }
}

impl QWeights {
    /// [`Scorer::add_scores`] for rows of `L` weights (`L == self.labels`).
    #[inline]
    fn add_rows<const L: usize>(&self, feats: &[u64], out: &mut [f32]) {
        let mask = (1usize << self.bits) - 1;
        let mut acc = [0i32; L];
        for &f in feats {
            let b = ((f >> 7) as usize & mask) * L;
            let row = self
                .q
                .get(b..b + L)
                .and_then(|r| <&[i16; L]>::try_from(r).ok());
            if let Some(row) = row {
                for (a, q) in acc.iter_mut().zip(row) {
                    *a += *q as i32;
                }
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }
}

/// Best label sequence given emission scores `em[i*L + l]` and transition
/// scores `tr[i][(p*L) + l]` where `p == L` is the start state. `allowed(p, l)`
/// prunes impossible transitions.
pub fn viterbi(
    n: usize,
    labels: usize,
    em: &[f32],
    tr: &[f32],
    allowed: impl Fn(usize, usize) -> bool,
    out: &mut Vec<u8>,
) {
    out.clear();
    if n == 0 {
        return;
    }
    let l = labels;
    let stride = (l + 1) * l;
    let mut delta = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u8; n * l];
    for c in 0..l {
        if allowed(l, c) {
            delta[c] = em[c] + tr[l * l + c];
        }
    }
    for i in 1..n {
        for c in 0..l {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..l {
                if !allowed(p, c) {
                    continue;
                }
                let s = delta[(i - 1) * l + p] + tr[i * stride + p * l + c];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            delta[i * l + c] = best + em[i * l + c];
            back[i * l + c] = arg;
        }
    }
    let mut best = 0;
    for c in 1..l {
        if delta[(n - 1) * l + c] > delta[(n - 1) * l + best] {
            best = c;
        }
    }
    out.resize(n, 0);
    let mut cur = best;
    for i in (0..n).rev() {
        out[i] = cur as u8;
        if i > 0 {
            cur = back[i * l + cur] as usize;
        }
    }
}

/// Max-marginals: for each position and label, the best score of any label
/// sequence through that label there (forward + backward Viterbi). Same
/// inputs as [`viterbi`]; returns `n * labels` scores.
pub fn max_marginals(
    n: usize,
    labels: usize,
    em: &[f32],
    tr: &[f32],
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<f32> {
    let l = labels;
    let stride = (l + 1) * l;
    let ninf = f32::NEG_INFINITY;
    let mut alpha = vec![ninf; n * l];
    let mut beta = vec![0f32; n * l];
    if n == 0 {
        return alpha;
    }
    for c in 0..l {
        if allowed(l, c) {
            alpha[c] = em[c] + tr[l * l + c];
        }
    }
    for i in 1..n {
        for c in 0..l {
            let mut best = ninf;
            for p in 0..l {
                if allowed(p, c) {
                    best = best.max(alpha[(i - 1) * l + p] + tr[i * stride + p * l + c]);
                }
            }
            alpha[i * l + c] = best + em[i * l + c];
        }
    }
    for i in (0..n - 1).rev() {
        for c in 0..l {
            let mut best = ninf;
            for x in 0..l {
                if allowed(c, x) {
                    best = best.max(
                        tr[(i + 1) * stride + c * l + x]
                            + em[(i + 1) * l + x]
                            + beta[(i + 1) * l + x],
                    );
                }
            }
            beta[i * l + c] = best;
        }
    }
    for (a, b) in alpha.iter_mut().zip(&beta) {
        *a += b;
    }
    alpha
}

/// Averaged perceptron state over a [`Weights`] table.
pub struct Trainer {
    pub w: Weights,
    /// Sum of `step * update` for averaging.
    u: Vec<f32>,
    step: f32,
}

impl Trainer {
    pub fn new(bits: u32, labels: usize) -> Self {
        let w = Weights::new(bits, labels);
        let u = vec![0.0; w.w.len()];
        Trainer { w, u, step: 1.0 }
    }

    /// Counts one training example (for averaging).
    pub fn tick(&mut self) {
        self.step += 1.0;
    }

    /// Adds `delta` to the weights of `feats` for `label`.
    pub fn update(&mut self, feats: &[u64], label: usize, delta: f32) {
        for &f in feats {
            let i = self.w.base(f) + label;
            self.w.w[i] += delta;
            self.u[i] += self.step * delta;
        }
    }

    /// The averaged weights.
    pub fn finish(self) -> Weights {
        let mut w = self.w;
        let step = self.step;
        for (x, u) in w.w.iter_mut().zip(&self.u) {
            *x -= u / step;
        }
        w
    }
}

const MAGIC: &[u8; 8] = b"WSATTR02";

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("attribution model: {0}")]
    Format(String),
    #[error("attribution model: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes weight tables quantised to i16 (weights below `prune` times the
/// largest are zeroed so the deflated file stays small).
pub fn write_models(tables: &[&Weights], prune: f32) -> Result<Vec<u8>, ModelError> {
    let mut raw = Vec::new();
    raw.extend_from_slice(MAGIC);
    raw.extend_from_slice(&(tables.len() as u32).to_le_bytes());
    for t in tables {
        let max = t.w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        raw.extend_from_slice(&t.bits.to_le_bytes());
        raw.extend_from_slice(&(t.labels as u32).to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        for &x in &t.w {
            let q = if x.abs() < prune * max {
                0i16
            } else {
                (x / scale).round().clamp(-32767.0, 32767.0) as i16
            };
            raw.extend_from_slice(&q.to_le_bytes());
        }
    }
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&raw)?;
    Ok(enc.finish()?)
}

/// Reads tables written by [`write_models`].
pub fn read_models(bytes: &[u8]) -> Result<Vec<Weights>, ModelError> {
    let mut raw = Vec::new();
    flate2::read::DeflateDecoder::new(bytes).read_to_end(&mut raw)?;
    let bad = || ModelError::Format("truncated or corrupt model file".into());
    if raw.len() < 12 || &raw[..8] != MAGIC {
        return Err(ModelError::Format("not a whosaid attribution model".into()));
    }
    let u32_at = |p: usize| -> Result<u32, ModelError> {
        raw.get(p..p + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(bad)
    };
    let count = u32_at(8)? as usize;
    let mut pos = 12;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let bits = u32_at(pos)?;
        let labels = u32_at(pos + 4)? as usize;
        let scale = f32::from_bits(u32_at(pos + 8)?);
        pos += 12;
        if bits > 24 || labels == 0 || labels > 16 {
            return Err(bad());
        }
        let len = (1usize << bits) * labels;
        let body = raw.get(pos..pos + 2 * len).ok_or_else(bad)?;
        let mut w = whosaid_core::huge_page_vec(len);
        w.extend(
            body.chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale),
        );
        pos += 2 * len;
        out.push(Weights { bits, labels, w });
    }
    Ok(out)
}

/// A small deterministic RNG (xorshift64*) for shuffling training data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_quantised() {
        let mut t = Trainer::new(4, 3);
        t.update(&[1, 2, 3 << 7], 1, 2.0);
        t.tick();
        t.update(&[1], 2, -1.0);
        let w = t.finish();
        let bytes = write_models(&[&w], 0.0).unwrap();
        let back = read_models(&bytes).unwrap();
        let mut a = [0.0; 3];
        let mut b = [0.0; 3];
        w.add_scores(&[1, 3 << 7], &mut a);
        back[0].add_scores(&[1, 3 << 7], &mut b);
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-3, "{a:?} {b:?}");
        }
        assert!(read_models(b"junk").is_err());
    }

    #[test]
    fn viterbi_respects_constraints() {
        // Two labels; emissions prefer label 1 then 1, but 1→1 is forbidden.
        let em = [0.0, 1.0, 0.0, 2.0];
        let tr = vec![0.0; 2 * 6];
        let mut out = Vec::new();
        viterbi(2, 2, &em, &tr, |p, c| !(p == 1 && c == 1), &mut out);
        assert_eq!(out, vec![0, 1]);
    }
}
