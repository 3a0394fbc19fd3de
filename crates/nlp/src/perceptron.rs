//! Hashed averaged-perceptron tables shared by the tagger and the parser: a flat
//! `buckets × classes` weight array, a lazily averaging trainer, and the
//! model file layout the tagger uses too (magic, then per table: bits,
//! classes, scale and i16-quantised weights, all deflated).

use std::io::{Read, Write};
use whosaid_core::{NarrowRows, WeightRows};

/// One hashed weight table: `buckets × classes` weights, row-major by bucket.
#[derive(Clone)]
pub(crate) struct Table {
    pub bits: u32,
    pub classes: usize,
    pub weights: Vec<f32>,
}

impl Table {
    pub fn new(bits: u32, classes: usize) -> Self {
        Table {
            bits,
            classes,
            weights: vec![0.0; (1usize << bits) * classes],
        }
    }

    #[inline]
    pub fn row(&self, feature: u64) -> usize {
        (feature & ((1u64 << self.bits) - 1)) as usize * self.classes
    }

    /// Sums the rows of `features` into `out` (one score per class).
    pub fn scores(&self, features: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            let r = self.row(f);
            if let Some(row) = self.weights.get(r..r + self.classes) {
                for (s, w) in out.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The best-scoring class among those `allowed` (class 0 when none is).
    pub fn best(
        &self,
        features: &[u64],
        scratch: &mut [f32],
        allowed: impl Fn(usize) -> bool,
    ) -> usize {
        self.scores(features, scratch);
        argmax(scratch, f32::NEG_INFINITY, allowed)
    }
}

/// A weight-averaged ensemble of `k` table pairs trained alike with seeds
/// `seed`, `seed` + 1, …: the element-wise means, one pair of the same shape,
/// so inference costs what one model costs (the tagger's and the parser's
/// `--ensemble`).
pub(crate) fn averaged_pairs(
    k: usize,
    seed: u64,
    mut train: impl FnMut(u64) -> (Table, Table),
) -> (Table, Table) {
    let k = k.max(1);
    let (mut first, mut second) = train(seed);
    for m in 1..k {
        let (a, b) = train(seed + m as u64);
        for (sum, t) in [(&mut first, a), (&mut second, b)] {
            sum.weights
                .iter_mut()
                .zip(&t.weights)
                .for_each(|(x, y)| *x += y);
        }
    }
    if k > 1 {
        for t in [&mut first, &mut second] {
            t.weights.iter_mut().for_each(|x| *x /= k as f32);
        }
    }
    (first, second)
}

/// The deterministic shuffler of the training loops: Fisher-Yates driven by
/// xorshift (no external RNG; the same order every run for a seed).
pub(crate) struct Shuffler(u64);

impl Shuffler {
    pub fn new(seed: u64) -> Self {
        Shuffler(seed ^ 0x9e3779b97f4a7c15)
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Shuffles `order` in place.
    pub fn shuffle<T>(&mut self, order: &mut [T]) {
        for i in (1..order.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
}

/// An inference table of at most four classes: each row four i16 weights
/// (8 bytes, so a row never straddles a cache line) — two thirds of the
/// memory of a 3-class f32 table, read at random by the parser.
#[derive(Clone)]
pub(crate) struct Packed4 {
    bits: u32,
    classes: usize,
    /// Weights are `q / scale`.
    scale: f32,
    rows: Vec<[i16; 4]>,
}

impl Packed4 {
    /// Packs the rows of `t`; classes past the fourth are dropped (callers
    /// check the class count first).
    pub fn from_qtable(t: &QTable) -> Self {
        debug_assert!(t.classes <= 4);
        let mut rows = whosaid_core::huge_page_vec(1usize << t.bits);
        rows.extend(t.q.iter().map(|row| {
            let mut packed = [0i16; 4];
            for (p, q) in packed.iter_mut().zip(row) {
                *p = *q;
            }
            packed
        }));
        Packed4 {
            bits: t.bits,
            classes: t.classes.min(4),
            scale: t.scale,
            rows,
        }
    }

    /// The f32 table these weights came from (for writing a model file).
    pub fn to_table(&self) -> Table {
        let mut t = Table::new(self.bits, self.classes);
        for (row, q) in t.weights.chunks_exact_mut(self.classes).zip(&self.rows) {
            for (w, q) in row.iter_mut().zip(q) {
                *w = *q as f32 / self.scale;
            }
        }
        t
    }

    /// Asks for the rows of `features` ahead of [`Packed4::scores`] (the
    /// beam parser asks for all its items' rows before summing any).
    pub fn prefetch(&self, features: &[u64]) {
        let mask = (1u64 << self.bits) - 1;
        for &f in features {
            if let Some(row) = self.rows.get((f & mask) as usize) {
                whosaid_core::prefetch(row.as_ptr());
            }
        }
    }

    /// Sums the rows of `features` into `out` (one score per class).
    pub fn scores(&self, features: &[u64], out: &mut [f32]) {
        let mask = (1u64 << self.bits) - 1;
        let mut acc = [0i32; 4];
        for &f in features {
            if let Some(row) = self.rows.get((f & mask) as usize) {
                for (a, q) in acc.iter_mut().zip(row) {
                    *a += *q as i32;
                }
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32 / self.scale;
        }
    }
}

/// An inference table of i16 weights (half the memory traffic of f32; the
/// tables are read at random): rows of `classes` weights, `w = q / scale`,
/// each row on cache-line boundaries ([`WeightRows`]).
#[derive(Clone)]
pub(crate) struct QTable {
    bits: u32,
    pub classes: usize,
    scale: f32,
    q: WeightRows,
}

impl QTable {
    /// Quantises `t` as the model file does.
    pub fn from_table(t: &Table) -> Self {
        let scale = quant_scale(&t.weights);
        QTable {
            bits: t.bits,
            classes: t.classes,
            scale,
            q: WeightRows::from_packed(
                1usize << t.bits,
                t.classes,
                NarrowRows::Packed,
                t.weights.iter().map(|w| (w * scale).round() as i16),
            ),
        }
    }

    /// Reads one table of a model file (header, then the i16 weights).
    pub fn read(cur: &mut Cursor) -> Result<Self, ModelError> {
        let bits = u32::from_le_bytes(cur.word()?);
        let classes = u32::from_le_bytes(cur.word()?) as usize;
        let scale = f32::from_le_bytes(cur.word()?);
        if bits > 24 || classes == 0 || classes > 256 || scale.is_nan() || scale <= 0.0 {
            return Err(ModelError::Corrupt("implausible table shape".into()));
        }
        let raw = cur.take((1usize << bits) * classes * 2)?;
        let q = WeightRows::from_packed(
            1usize << bits,
            classes,
            NarrowRows::Packed,
            raw.chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]])),
        );
        Ok(QTable {
            bits,
            classes,
            scale,
            q,
        })
    }

    /// Writes the table as [`QTable::read`] reads it.
    pub fn write(&self, raw: &mut Vec<u8>) {
        write_header(raw, self.bits, self.classes, self.scale);
        for q in self.q.iter().flatten() {
            raw.extend_from_slice(&q.to_le_bytes());
        }
    }

    /// The f32 table of these weights (`q / scale`), in huge pages like
    /// every table read at random.
    pub fn to_table(&self) -> Table {
        let mut weights = whosaid_core::huge_page_vec(self.q.len() * self.classes);
        weights.extend(self.q.iter().flatten().map(|q| *q as f32 / self.scale));
        Table {
            bits: self.bits,
            classes: self.classes,
            weights,
        }
    }

    /// The best-scoring class among those `allowed` (class 0 when none is);
    /// `acc` holds one integer sum per class.
    pub fn best(
        &self,
        features: &[u64],
        acc: &mut [i32],
        allowed: impl Fn(usize) -> bool,
    ) -> usize {
        // The tagger's tables (XPOS 52, UPOS 18 classes) get a
        // row length known at compile time, so the sums can stay in
        // registers instead of going through `acc` for every row.
        match (self.classes, acc.len()) {
            (52, 52) => return self.best_fixed::<52>(features, acc, allowed),
            (18, 18) => return self.best_fixed::<18>(features, acc, allowed),
            _ => {}
        }
        acc.iter_mut().for_each(|a| *a = 0);
        let mask = (1u64 << self.bits) - 1;
        // Ask for every line of every row before summing any: a wide row's
        // summing loop is long enough that the core would otherwise have
        // only two or three of these cache misses in flight.
        for &f in features {
            self.q.prefetch_row((f & mask) as usize);
        }
        for &f in features {
            if let Some(row) = self.q.row((f & mask) as usize) {
                for (a, q) in acc.iter_mut().zip(row) {
                    *a += *q as i32;
                }
            }
        }
        argmax(acc, i32::MIN, allowed)
    }

    /// [`QTable::best`] for tables of `L` classes (`acc` holds `L` sums).
    #[inline]
    fn best_fixed<const L: usize>(
        &self,
        features: &[u64],
        acc: &mut [i32],
        allowed: impl Fn(usize) -> bool,
    ) -> usize {
        let mask = (1u64 << self.bits) - 1;
        for &f in features {
            self.q.prefetch_row((f & mask) as usize);
        }
        let mut sums = [0i32; L];
        for &f in features {
            let row = self.q.row((f & mask) as usize);
            if let Some(row) = row.and_then(|r| <&[i16; L]>::try_from(r).ok()) {
                for (a, q) in sums.iter_mut().zip(row) {
                    *a += *q as i32;
                }
            }
        }
        acc.copy_from_slice(&sums);
        argmax(&sums, i32::MIN, allowed)
    }
}

/// The first class among those `allowed` whose score is highest and above
/// `floor` (class 0 when there is none).
pub(crate) fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    floor: T,
    allowed: impl Fn(usize) -> bool,
) -> usize {
    let mut best = 0;
    let mut best_score = floor;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && s > best_score {
            best = c;
            best_score = s;
        }
    }
    best
}

/// Averaged-perceptron trainer state for one table.
pub(crate) struct Trainer {
    pub table: Table,
    totals: Vec<f32>,
    stamps: Vec<u32>,
    step: u32,
}

impl Trainer {
    pub fn new(bits: u32, classes: usize) -> Self {
        let table = Table::new(bits, classes);
        let n = table.weights.len();
        Trainer {
            table,
            totals: vec![0.0; n],
            stamps: vec![0; n],
            step: 0,
        }
    }

    /// One decision: moves `truth` up and `guess` down when they differ.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.tick();
        if truth != guess {
            self.add(features, truth, 1.0);
            self.add(features, guess, -1.0);
        }
    }

    /// Advances the averaging clock by one (a structured update, or a
    /// sentence that needed none, counts as one step).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Adds `delta` to the weights of `class` for `features`, at the current
    /// step (no tick): the pieces of a structured (sequence) update.
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        for &f in features {
            let k = self.table.row(f) + class;
            self.totals[k] += (self.step - self.stamps[k]) as f32 * self.table.weights[k];
            self.stamps[k] = self.step;
            self.table.weights[k] += delta;
        }
    }

    /// The averaged weights.
    pub fn averaged(mut self) -> Table {
        for k in 0..self.table.weights.len() {
            self.totals[k] += (self.step - self.stamps[k]) as f32 * self.table.weights[k];
            self.table.weights[k] = self.totals[k] / self.step.max(1) as f32;
        }
        self.table
    }
}

/// Errors reading a model file.
#[derive(Debug)]
pub(crate) enum ModelError {
    BadMagic,
    Corrupt(String),
}

/// The scale that maps a table's largest weight to ±32767 (the i16
/// quantisation of every model file and inference table here).
fn quant_scale(weights: &[f32]) -> f32 {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
    32767.0 / max
}

/// Magic, then the tables quantised to i16 with a per-table scale, deflated.
/// Quantised weights of magnitude below `prune` are written as zero (long
/// zero runs deflate to almost nothing).
pub(crate) fn to_bytes(magic: &[u8; 8], tables: &[&Table], prune: i16) -> Vec<u8> {
    let mut raw = Vec::new();
    for t in tables {
        let scale = quant_scale(&t.weights);
        write_header(&mut raw, t.bits, t.classes, scale);
        for w in &t.weights {
            let q = (w * scale).round() as i16;
            let q = if q.unsigned_abs() < prune.unsigned_abs() {
                0
            } else {
                q
            };
            raw.extend_from_slice(&q.to_le_bytes());
        }
    }
    seal(magic, &raw)
}

/// A table's header in a model file: bits, classes, scale.
fn write_header(raw: &mut Vec<u8>, bits: u32, classes: usize, scale: f32) {
    raw.extend_from_slice(&bits.to_le_bytes());
    raw.extend_from_slice(&(classes as u32).to_le_bytes());
    raw.extend_from_slice(&scale.to_le_bytes());
}

/// A model file: `magic`, then `raw` deflated (shared by every model here).
pub(crate) fn seal(magic: &[u8; 8], raw: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(raw);
    let mut out = magic.to_vec();
    out.extend(enc.finish().unwrap_or_default());
    out
}

/// The raw bytes of a model file written by [`seal`] with `magic`.
pub(crate) fn unseal(magic: &[u8; 8], bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    let body = bytes
        .strip_prefix(magic.as_slice())
        .ok_or(ModelError::BadMagic)?;
    let mut raw = Vec::new();
    flate2::read::DeflateDecoder::new(body)
        .read_to_end(&mut raw)
        .map_err(|e| ModelError::Corrupt(e.to_string()))?;
    Ok(raw)
}

/// Reads `count` tables written by [`to_bytes`].
pub(crate) fn from_bytes(
    magic: &[u8; 8],
    bytes: &[u8],
    count: usize,
) -> Result<Vec<Table>, ModelError> {
    let raw = unseal(magic, bytes)?;
    let mut cur = Cursor::new(&raw);
    (0..count)
        .map(|_| QTable::read(&mut cur).map(|q| q.to_table()))
        .collect()
}

/// Reads a model file's raw bytes in order.
pub(crate) struct Cursor<'a> {
    raw: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(raw: &'a [u8]) -> Self {
        Cursor { raw, pos: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .raw
            .get(self.pos..self.pos + n)
            .ok_or_else(|| ModelError::Corrupt("truncated".into()))?;
        self.pos += n;
        Ok(s)
    }

    pub fn word(&mut self) -> Result<[u8; 4], ModelError> {
        self.take(4).map(|b| [b[0], b[1], b[2], b[3]])
    }
}
