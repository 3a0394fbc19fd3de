//! The two taggers over a [`View`]: cues (O/B/I per paragraph) and, per cue,
//! roles (O/S/C over the cue's paragraph).

use crate::features::{
    cue_base_features, cue_features, cue_transition, role_features, role_transition,
    role_transition_key, stack_features, CueCtx, RoleWindow, CUE_B, CUE_BASE_FEATURES, CUE_I,
    CUE_LABELS, CUE_O, ROLE_LABELS, ROLE_TRANS_KEYS,
};
use crate::model::{
    max_marginals, read_models, viterbi, write_models, ModelError, QWeights, Scorer, Weights,
};
use crate::view::{Layers, View};

/// Tokens on each side of a cue the role tagger looks at (within its paragraph).
pub const MAX_SIDE: usize = 150;

/// The trained attribution model: cue tagger and role tagger weights.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) cue: Weights,
    pub(crate) role: Weights,
    /// Cue lexicon learned from train: lemma hash → cue-rate bucket (one label).
    pub(crate) lex: Weights,
    /// Second-pass cue tagger (reads the first pass's output).
    pub(crate) cue2: Weights,
    /// The annotation layers the model was trained with.
    pub(crate) layers: Layers,
}

/// The quantised form of a [`Model`] the extractor runs.
#[derive(Debug, Clone)]
pub struct Runtime {
    /// The annotation layers the model was trained with (the view reads only these).
    pub layers: Layers,
    cue: QWeights,
    role: QWeights,
    lex: Lexicon,
    cue2: QWeights,
    /// The role tagger's transition scores (fixed with the weights).
    role_trans: RoleTransitions,
}

impl Runtime {
    pub fn new(m: &Model) -> Self {
        let role = QWeights::new(&m.role);
        Runtime {
            layers: m.layers,
            cue: QWeights::new(&m.cue),
            role_trans: role_transitions(&role, &mut Vec::new()),
            role,
            lex: Lexicon::from_weights(&m.lex),
            cue2: QWeights::new(&m.cue2),
        }
    }

    /// Sets each token's cue-rate bucket from the lexicon.
    pub fn apply_lexicon(&self, v: &mut View) {
        self.lex.apply(v);
    }

    /// Finds the cues of a document, paragraph by paragraph (two passes:
    /// the second reads the first's output).
    pub fn find_cues(&self, v: &mut View, sc: &mut Scratch) -> Vec<FoundCue> {
        // Both passes read the same base features of a token: the first
        // pass builds them, the second adds its stacked ones to a copy.
        const K: usize = CUE_BASE_FEATURES;
        let mut base = std::mem::take(&mut sc.cue_base);
        base.clear();
        base.resize(v.len() * K, 0);
        first_pass_with(&self.cue, v, sc, |v, i, out| {
            out.clear();
            cue_base_features(v, i, out);
            base[i * K..(i + 1) * K].copy_from_slice(out);
        });
        let found = find_cues_with(&self.cue2, v, sc, |v, i, out| {
            out.clear();
            stack_features(v, i, out);
            out.extend_from_slice(&base[i * K..(i + 1) * K]);
        });
        sc.cue_base = base;
        found
    }

    /// Labels (O/S/C) of the window tokens for one cue.
    pub fn tag_roles(
        &self,
        v: &View,
        cue: &CueCtx,
        win: &RoleWindow,
        is_cue: &[bool],
        sc: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        role_scores_with(&self.role, &self.role_trans, v, cue, win, is_cue, sc);
        viterbi(win.len(), ROLE_LABELS, &sc.em, &sc.tr, |_, _| true, out);
    }
}

/// The cue lexicon: for each lemma (hashed), how often it is a cue in
/// train, as a small bucket (0 = unknown or rare).
#[derive(Debug, Clone)]
pub struct Lexicon {
    bits: u32,
    buckets: Vec<u8>,
}

/// log2 of the lexicon's slots.
pub const LEX_BITS: u32 = 15;

impl Lexicon {
    /// Builds the lexicon table (1 label) from (lemma hash, cue count, total count).
    pub fn weights(counts: impl Iterator<Item = (u64, u32, u32)>) -> Weights {
        let mut w = Weights::new(LEX_BITS, 1);
        for (h, cue, total) in counts {
            let b = rate_bucket(cue, total);
            if b > 0 {
                w.set(h, 0, b as f32);
            }
        }
        // Anchor the quantisation scale so buckets survive exactly.
        w.set(0, 0, 0.0);
        w
    }

    pub fn from_weights(w: &Weights) -> Lexicon {
        Lexicon {
            bits: w.bits(),
            buckets: w
                .raw()
                .iter()
                .map(|x| x.round().clamp(0.0, 7.0) as u8)
                .collect(),
        }
    }

    pub fn apply(&self, v: &mut View) {
        let mask = (1usize << self.bits) - 1;
        for t in &mut v.toks {
            t.rate = self.buckets[(t.lemma >> 7) as usize & mask];
        }
    }
}

/// Cue-rate bucket of a lemma seen `total` times, `cue` of them in a cue.
pub fn rate_bucket(cue: u32, total: u32) -> u8 {
    if total < 2 || cue == 0 {
        return if total >= 2 { 1 } else { 0 };
    }
    // Smoothed toward zero so one-off cues do not look certain.
    let r = cue as f32 / (total as f32 + 1.0);
    match r {
        r if r < 0.03 => 2,
        r if r < 0.1 => 3,
        r if r < 0.3 => 4,
        r if r < 0.6 => 5,
        _ => 6,
    }
}

/// A cue found by the tagger: token range and score in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoundCue {
    pub start: usize,
    pub end: usize,
    pub score: f32,
}

/// Reusable buffers, so tagging allocates little per document.
#[derive(Default)]
pub struct Scratch {
    pub(crate) feats: Vec<u64>,
    /// The next token's features, fetched while the current ones are summed.
    pub(crate) next: Vec<u64>,
    pub(crate) em: Vec<f32>,
    pub(crate) tr: Vec<f32>,
    pub(crate) path: Vec<u8>,
    /// Base cue features of every token ([`CUE_BASE_FEATURES`] apiece),
    /// shared by the two cue passes.
    pub(crate) cue_base: Vec<u64>,
}

pub(crate) fn cue_allowed(p: usize, c: usize) -> bool {
    !(c == CUE_I as usize && (p == CUE_O as usize || p == CUE_LABELS))
}

impl Model {
    /// Reads a model file written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut t = read_models(bytes)?;
        // Optional fifth table: the layers used in training (absent = none).
        let layers = if t.len() == 5 {
            let m = t.pop().ok_or_else(|| ModelError::Format("empty".into()))?;
            Layers {
                pos: m.raw().first().is_some_and(|x| *x > 0.5),
                parse: m.raw().get(1).is_some_and(|x| *x > 0.5),
            }
        } else {
            Layers {
                pos: false,
                parse: false,
            }
        };
        if t.len() != 4
            || t[0].labels() != CUE_LABELS
            || t[1].labels() != ROLE_LABELS
            || t[2].labels() != 1
            || t[3].labels() != CUE_LABELS
        {
            return Err(ModelError::Format("unexpected model layout".into()));
        }
        let cue2 = t.pop().ok_or_else(|| ModelError::Format("empty".into()))?;
        let lex = t.pop().ok_or_else(|| ModelError::Format("empty".into()))?;
        let role = t.pop().ok_or_else(|| ModelError::Format("empty".into()))?;
        let cue = t.pop().ok_or_else(|| ModelError::Format("empty".into()))?;
        Ok(Model {
            cue,
            role,
            lex,
            cue2,
            layers,
        })
    }

    /// The element-wise mean of several models trained alike (different
    /// seeds): a cheap ensemble that lowers the perceptron's variance.
    pub fn average(models: &[Model]) -> Option<Model> {
        let first = models.first()?;
        let mut out = first.clone();
        for m in &models[1..] {
            out.cue.add_all(&m.cue);
            out.role.add_all(&m.role);
            out.cue2.add_all(&m.cue2);
        }
        let k = 1.0 / models.len() as f32;
        out.cue.scale(k);
        out.role.scale(k);
        out.cue2.scale(k);
        Some(out)
    }

    /// Shifts the cue tagger toward (positive) or away from (negative) starting
    /// a cue: a recall/precision trade-off applied to the bias feature.
    pub fn boost_cues(&mut self, delta: f32) {
        self.cue2
            .add_to(crate::features::cue_bias_feature(), CUE_B as usize, delta);
    }

    /// The annotation layers (POS, parse) the model was trained with.
    pub fn layers(&self) -> Layers {
        self.layers
    }

    /// The compact file form (quantised, small weights pruned, deflated).
    pub fn to_bytes(&self, prune: f32) -> Result<Vec<u8>, ModelError> {
        let mut meta = Weights::new(0, 2);
        meta.set(0, 0, self.layers.pos as u8 as f32);
        meta.set(0, 1, self.layers.parse as u8 as f32);
        write_models(
            &[&self.cue, &self.role, &self.lex, &self.cue2, &meta],
            prune.min(0.1),
        )
    }
}

/// Emission and transition scores of the cue tagger over tokens `s..e`.
pub(crate) fn cue_scores<W: Scorer>(
    w: &W,
    v: &View,
    s: usize,
    e: usize,
    stacked: bool,
    sc: &mut Scratch,
) {
    cue_scores_with(w, v, s, e, sc, |v, i, out| cue_features(v, i, stacked, out));
}

/// [`cue_scores`] with token `i`'s features written by `feats_of`.
fn cue_scores_with<W: Scorer>(
    w: &W,
    v: &View,
    s: usize,
    e: usize,
    sc: &mut Scratch,
    mut feats_of: impl FnMut(&View, usize, &mut Vec<u64>),
) {
    let n = e - s;
    let l = CUE_LABELS;
    sc.em.clear();
    sc.em.resize(n * l, 0.0);
    // Token i + 1's features are built and its rows requested before token
    // i's rows are summed, so their cache misses overlap.
    if s < e {
        feats_of(v, s, &mut sc.feats);
    }
    for i in s..e {
        if i + 1 < e {
            feats_of(v, i + 1, &mut sc.next);
            w.prefetch(&sc.next);
        }
        w.add_scores(&sc.feats, &mut sc.em[(i - s) * l..(i - s + 1) * l]);
        std::mem::swap(&mut sc.feats, &mut sc.next);
    }
    // Transitions do not depend on position: compute once, then copy.
    let stride = (l + 1) * l;
    sc.tr.clear();
    sc.tr.resize(n * stride, 0.0);
    let mut one = vec![0.0f32; stride];
    for p in 0..=l {
        w.add_scores(&[cue_transition(p)], &mut one[p * l..(p + 1) * l]);
    }
    for i in 0..n {
        sc.tr[i * stride..(i + 1) * stride].copy_from_slice(&one);
    }
}

/// Finds the cues of a document, paragraph by paragraph.
/// Runs the first-pass cue tagger and stores its labels and margins in the view.
pub(crate) fn first_pass<W: Scorer>(w: &W, v: &mut View, sc: &mut Scratch) {
    first_pass_with(w, v, sc, |v, i, out| cue_features(v, i, false, out));
}

/// [`first_pass`] with token features from `feats_of`.
fn first_pass_with<W: Scorer>(
    w: &W,
    v: &mut View,
    sc: &mut Scratch,
    mut feats_of: impl FnMut(&View, usize, &mut Vec<u64>),
) {
    let pars = std::mem::take(&mut v.pars);
    for &(s, e) in &pars {
        let (s, e) = (s as usize, e as usize);
        if s >= e {
            continue;
        }
        cue_scores_with(w, v, s, e, sc, &mut feats_of);
        let mut path = std::mem::take(&mut sc.path);
        viterbi(e - s, CUE_LABELS, &sc.em, &sc.tr, cue_allowed, &mut path);
        let mm = max_marginals(e - s, CUE_LABELS, &sc.em, &sc.tr, cue_allowed);
        for i in 0..e - s {
            let o = mm[i * CUE_LABELS + CUE_O as usize];
            let c = mm[i * CUE_LABELS + CUE_B as usize].max(mm[i * CUE_LABELS + CUE_I as usize]);
            let d = c - o;
            let b = match d {
                d if d < -20.0 => 0,
                d if d < -10.0 => 1,
                d if d < -5.0 => 2,
                d if d < -2.0 => 3,
                d if d < 0.0 => 4,
                d if d < 2.0 => 5,
                d if d < 5.0 => 6,
                d if d < 10.0 => 7,
                d if d < 20.0 => 8,
                _ => 9,
            };
            let t = &mut v.toks[s + i];
            t.p1 = path[i];
            t.p1m = b;
        }
        sc.path = path;
    }
    v.pars = pars;
    v.summarise_first_pass();
}

pub(crate) fn find_cues_with<W: Scorer>(
    w: &W,
    v: &View,
    sc: &mut Scratch,
    mut feats_of: impl FnMut(&View, usize, &mut Vec<u64>),
) -> Vec<FoundCue> {
    let mut out = Vec::new();
    for &(s, e) in &v.pars {
        let (s, e) = (s as usize, e as usize);
        if s >= e {
            continue;
        }
        cue_scores_with(w, v, s, e, sc, &mut feats_of);
        let mut path = std::mem::take(&mut sc.path);
        viterbi(e - s, CUE_LABELS, &sc.em, &sc.tr, cue_allowed, &mut path);
        let has_cue = path.contains(&CUE_B);
        let mm = if has_cue {
            max_marginals(e - s, CUE_LABELS, &sc.em, &sc.tr, cue_allowed)
        } else {
            Vec::new()
        };
        let mut i = 0;
        while i < path.len() {
            if path[i] == CUE_B {
                let mut j = i + 1;
                while j < path.len() && path[j] == CUE_I {
                    j += 1;
                }
                // Margin of the best labelling with a cue starting here over
                // the best with this token outside any cue.
                let o = mm[i * CUE_LABELS + CUE_O as usize];
                let b = mm[i * CUE_LABELS + CUE_B as usize];
                let score = 1.0 / (1.0 + (-(b - o) / 4.0).exp());
                out.push(FoundCue {
                    start: s + i,
                    end: s + j,
                    score,
                });
                i = j;
            } else {
                i += 1;
            }
        }
        sc.path = path;
    }
    out
}

/// Role transition scores for every [`role_transition_key`] and previous
/// label (start included), key-major.
pub(crate) type RoleTransitions = [f32; ROLE_TRANS_KEYS * (ROLE_LABELS + 1) * ROLE_LABELS];

/// The role tagger's transition scores: they depend only on the weights and
/// a small key, so a fixed model computes them once.
pub(crate) fn role_transitions<W: Scorer>(w: &W, feats: &mut Vec<u64>) -> RoleTransitions {
    let l = ROLE_LABELS;
    let stride0 = (l + 1) * l;
    let mut trans = [0f32; ROLE_TRANS_KEYS * (ROLE_LABELS + 1) * ROLE_LABELS];
    for key in 0..ROLE_TRANS_KEYS {
        for p in 0..=l {
            role_transition(key, p, feats);
            let off = key * stride0 + p * l;
            w.add_scores(feats, &mut trans[off..off + l]);
        }
    }
    trans
}

/// Emission and transition scores of the role tagger over a window.
pub(crate) fn role_scores<W: Scorer>(
    w: &W,
    v: &View,
    cue: &CueCtx,
    win: &RoleWindow,
    is_cue: &[bool],
    sc: &mut Scratch,
) {
    let trans = role_transitions(w, &mut sc.feats);
    role_scores_with(w, &trans, v, cue, win, is_cue, sc);
}

/// [`role_scores`] with the transition scores given.
fn role_scores_with<W: Scorer>(
    w: &W,
    trans: &RoleTransitions,
    v: &View,
    cue: &CueCtx,
    win: &RoleWindow,
    is_cue: &[bool],
    sc: &mut Scratch,
) {
    let n = win.len();
    let l = ROLE_LABELS;
    sc.em.clear();
    sc.em.resize(n * l, 0.0);
    let stride = (l + 1) * l;
    sc.tr.clear();
    sc.tr.resize(n * stride, 0.0);
    for j in win.start..win.end {
        let k = j - win.start;
        if j >= cue.start && j < cue.end {
            // The cue's own tokens are never its source or content.
            sc.em[k * l + 1] = -1e9;
            sc.em[k * l + 2] = -1e9;
        } else {
            role_features(v, cue, win, is_cue, j, &mut sc.feats);
            w.add_scores(&sc.feats, &mut sc.em[k * l..(k + 1) * l]);
        }
        let key = role_transition_key(v, cue, j);
        let off = k * stride;
        sc.tr[off..off + stride].copy_from_slice(&trans[key * stride..(key + 1) * stride]);
    }
}

/// Runs of tokens with `label` in a window, as token ranges (document indices).
pub fn runs(labels: &[u8], offset: usize, label: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == label {
            let mut j = i + 1;
            while j < labels.len() && labels[j] == label {
                j += 1;
            }
            out.push((offset + i, offset + j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A helper for callers holding a window: `(start, end)` of the window.
pub fn window_of(v: &View, cue: &CueCtx, cue_start: &[bool]) -> RoleWindow {
    RoleWindow::new(v, cue, cue_start, MAX_SIDE)
}
