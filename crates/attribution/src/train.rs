//! Training the attribution model on PolNeAR (averaged structured perceptrons).

use crate::features::{
    cue_features, cue_transition, role_features, role_transition, role_transition_key, CueCtx,
    CUE_B, CUE_I, CUE_LABELS, ROLE_C, ROLE_LABELS, ROLE_O, ROLE_S,
};
use crate::model::Weights;
use crate::model::{viterbi, Rng, Trainer};
use crate::polnear::GoldAttribution;
use crate::tagger::{
    cue_allowed, cue_scores, first_pass, role_scores, window_of, Lexicon, Model, Scratch,
};
use crate::view::{Layers, View};
use whosaid_core::{Document, Region};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub seed: u64,
    pub cue_epochs: usize,
    pub role_epochs: usize,
    /// log2 of the number of hashed feature buckets per tagger.
    pub bits: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 7,
            cue_epochs: 8,
            role_epochs: 8,
            bits: 18,
        }
    }
}

/// Token ranges (view indices) covered by a region: tokens sharing a code point with it.
pub(crate) fn tokens_of(v: &View, r: &Region) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for p in r.parts() {
        let a = v.toks.partition_point(|t| t.span.end <= p.start);
        let mut b = a;
        while b < v.toks.len() && v.toks[b].span.start < p.end {
            b += 1;
        }
        if b > a {
            out.push((a, b));
        }
    }
    out
}

/// A gold attribution in token terms: cue range and (token, role) labels.
type GoldInstance = ((usize, usize), Vec<(usize, u8)>);

struct Prepared {
    view: View,
    cue_labels: Vec<u8>,
    cue_start: Vec<bool>,
    is_cue: Vec<bool>,
    /// Per gold attribution with a cue: cue token range and role labels per token (sparse).
    attrs: Vec<GoldInstance>,
}

fn prepare(doc: &Document, gold: &[GoldAttribution], layers: Layers) -> Prepared {
    let view = View::with_layers(doc, layers);
    let n = view.len();
    let mut cue_labels = vec![0u8; n];
    let mut cue_start = vec![false; n];
    let mut is_cue = vec![false; n];
    let mut attrs = Vec::new();
    for g in gold {
        let Some(cue) = &g.cue else { continue };
        let ranges = tokens_of(&view, cue);
        let Some(&(a, _)) = ranges.first() else {
            continue;
        };
        let b = ranges.last().map_or(a + 1, |r| r.1);
        for (i, l) in cue_labels[a..b].iter_mut().enumerate() {
            if *l == 0 || i == 0 {
                *l = if i == 0 { CUE_B } else { CUE_I };
            }
        }
        cue_start[a] = true;
        for f in &mut is_cue[a..b] {
            *f = true;
        }
        let mut roles = Vec::new();
        for (region, label) in [(&g.source, ROLE_S), (&g.content, ROLE_C)] {
            if let Some(r) = region {
                for (s, e) in tokens_of(&view, r) {
                    for t in s..e {
                        if t < a || t >= b {
                            roles.push((t, label));
                        }
                    }
                }
            }
        }
        attrs.push(((a, b), roles));
    }
    Prepared {
        view,
        cue_labels,
        cue_start,
        is_cue,
        attrs,
    }
}

/// Structured perceptron update: +1 for the gold path's features, -1 for the
/// predicted path's, at each position where they differ (emission) or where
/// the label bigram differs (transition).
fn update_sequence(
    t: &mut Trainer,
    gold: &[u8],
    pred: &[u8],
    labels: usize,
    mut emission: impl FnMut(usize, &mut Vec<u64>),
    mut transition: impl FnMut(usize, usize, &mut Vec<u64>),
    feats: &mut Vec<u64>,
) {
    for i in 0..gold.len() {
        let (g, p) = (gold[i] as usize, pred[i] as usize);
        if g != p {
            emission(i, feats);
            t.update(feats, g, 1.0);
            t.update(feats, p, -1.0);
        }
        let gp = if i == 0 { labels } else { gold[i - 1] as usize };
        let pp = if i == 0 { labels } else { pred[i - 1] as usize };
        if g != p || gp != pp {
            transition(i, gp, feats);
            t.update(feats, g, 1.0);
            transition(i, pp, feats);
            t.update(feats, p, -1.0);
        }
    }
}

/// Trains a cue tagger (first or second pass) on the articles `keep` selects.
fn train_cue(
    prepared: &[Prepared],
    keep: &dyn Fn(usize) -> bool,
    stacked: bool,
    opts: &TrainOptions,
    rng: &mut Rng,
) -> Weights {
    let mut sc = Scratch::default();
    let mut feats = Vec::new();
    let mut path = Vec::new();
    let mut seqs: Vec<(usize, usize, usize)> = Vec::new();
    for (d, p) in prepared.iter().enumerate() {
        if !keep(d) {
            continue;
        }
        for &(s, e) in &p.view.pars {
            if e > s {
                seqs.push((d, s as usize, e as usize));
            }
        }
    }
    let mut cue_t = Trainer::new(opts.bits, CUE_LABELS);
    for _ in 0..opts.cue_epochs {
        rng.shuffle(&mut seqs);
        for &(d, s, e) in &seqs {
            let p = &prepared[d];
            cue_scores(&cue_t.w, &p.view, s, e, stacked, &mut sc);
            viterbi(e - s, CUE_LABELS, &sc.em, &sc.tr, cue_allowed, &mut path);
            update_sequence(
                &mut cue_t,
                &p.cue_labels[s..e],
                &path,
                CUE_LABELS,
                |i, out| cue_features(&p.view, s + i, stacked, out),
                |_, prev, out| {
                    out.clear();
                    out.push(cue_transition(prev));
                },
                &mut feats,
            );
            cue_t.tick();
        }
    }
    cue_t.finish()
}

/// Trains the model on analysed documents (the pipeline up to the entity
/// stage, so features match what the [`Extractor`](crate::Extractor) sees)
/// with their gold attributions. Deterministic for a given seed.
pub fn train(data: &[(Document, Vec<GoldAttribution>)], opts: &TrainOptions) -> Model {
    // Train on the layers the pipeline provides (and record them, so the
    // extractor ignores layers added later until the model is retrained).
    let mut layers = Layers {
        pos: false,
        parse: false,
    };
    for (d, _) in data {
        let l = Layers::present(d);
        layers.pos |= l.pos;
        layers.parse |= l.parse;
    }
    let mut prepared: Vec<Prepared> = data.iter().map(|(d, g)| prepare(d, g, layers)).collect();
    // Cue lexicon: how often each lemma is (part of) a gold cue.
    let mut counts: std::collections::HashMap<u64, (u32, u32)> = Default::default();
    for p in &prepared {
        for (t, &l) in p.view.toks.iter().zip(&p.cue_labels) {
            let e = counts.entry(t.lemma).or_default();
            e.1 += 1;
            if l != 0 {
                e.0 += 1;
            }
        }
    }
    let mut counts: Vec<(u64, u32, u32)> =
        counts.into_iter().map(|(h, (c, t))| (h, c, t)).collect();
    counts.sort_unstable();
    let lex = Lexicon::weights(counts.into_iter());
    let runtime_lex = Lexicon::from_weights(&lex);
    for p in &mut prepared {
        runtime_lex.apply(&mut p.view);
    }
    let mut rng = Rng::new(opts.seed);
    let mut sc = Scratch::default();
    let mut feats = Vec::new();
    let mut path = Vec::new();

    // Cue tagger, two passes (stacking). The second pass trains on first-pass
    // output made by models that did not see the article (2-fold jackknife),
    // so it learns how the first pass errs on unseen text.
    let fold_a = train_cue(&prepared, &|d| d % 2 == 0, false, opts, &mut rng);
    let fold_b = train_cue(&prepared, &|d| d % 2 == 1, false, opts, &mut rng);
    for (d, p) in prepared.iter_mut().enumerate() {
        let w = if d % 2 == 0 { &fold_b } else { &fold_a };
        first_pass(w, &mut p.view, &mut sc);
    }
    drop((fold_a, fold_b));
    let cue = train_cue(&prepared, &|_| true, false, opts, &mut rng);
    let cue2 = train_cue(&prepared, &|_| true, true, opts, &mut rng);

    // Role tagger: one sequence per gold attribution, over its cue's window.
    let mut inst: Vec<(usize, usize)> = Vec::new();
    for (d, p) in prepared.iter().enumerate() {
        for a in 0..p.attrs.len() {
            inst.push((d, a));
        }
    }
    let mut role_t = Trainer::new(opts.bits, ROLE_LABELS);
    let mut gold = Vec::new();
    for _ in 0..opts.role_epochs {
        rng.shuffle(&mut inst);
        for &(d, a) in &inst {
            let p = &prepared[d];
            let ((cs, ce), roles) = &p.attrs[a];
            let view = &p.view;
            let ctx = CueCtx::new(view, *cs, *ce);
            let win = window_of(view, &ctx, &p.cue_start);
            gold.clear();
            gold.resize(win.len(), ROLE_O);
            for &(t, l) in roles {
                if t >= win.start && t < win.end {
                    let g = &mut gold[t - win.start];
                    // Content wins where an annotation overlaps both roles.
                    if *g != ROLE_C {
                        *g = l;
                    }
                }
            }
            role_scores(&role_t.w, view, &ctx, &win, &p.is_cue, &mut sc);
            viterbi(
                win.len(),
                ROLE_LABELS,
                &sc.em,
                &sc.tr,
                |_, _| true,
                &mut path,
            );
            let ws = win.start;
            update_sequence(
                &mut role_t,
                &gold,
                &path,
                ROLE_LABELS,
                |i, out| {
                    let j = ws + i;
                    if j >= ctx.start && j < ctx.end {
                        out.clear();
                    } else {
                        role_features(view, &ctx, &win, &p.is_cue, j, out)
                    }
                },
                |i, prev, out| role_transition(role_transition_key(view, &ctx, ws + i), prev, out),
                &mut feats,
            );
            role_t.tick();
        }
    }
    let role = role_t.finish();
    Model {
        cue,
        role,
        lex,
        cue2,
        layers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use whosaid_core::Span;

    /// A tiny synthetic corpus: "“Q,” NAME said." with gold spans.
    fn corpus() -> Vec<(Document, Vec<GoldAttribution>)> {
        let names = [
            "Smith",
            "Jones",
            "The mayor",
            "A spokesman",
            "Lee",
            "Garcia",
        ];
        let quotes = [
            "We will win",
            "Taxes are too high",
            "It is over",
            "No comment yet",
        ];
        let mut out = Vec::new();
        for (i, n) in names.iter().enumerate() {
            for (j, q) in quotes.iter().enumerate() {
                let filler = if (i + j) % 2 == 0 {
                    "The vote is on Monday.\n\n"
                } else {
                    ""
                };
                let text = format!("{filler}“{q},” {n} said.\n");
                let off = filler.chars().count() as u32;
                let qs = off + 1;
                let qe = qs + q.chars().count() as u32;
                let ns = qe + 3;
                let ne = ns + n.chars().count() as u32;
                let gold = GoldAttribution {
                    source: Some(Region::single(Span::new(ns, ne))),
                    cue: Some(Region::single(Span::new(ne + 1, ne + 5))),
                    content: Some(Region::single(Span::new(qs, qe))),
                };
                out.push((Document::new(text), vec![gold]));
            }
        }
        out
    }

    #[test]
    fn learns_a_toy_pattern_deterministically() {
        let data = corpus();
        let opts = TrainOptions {
            seed: 3,
            cue_epochs: 4,
            role_epochs: 4,
            bits: 12,
        };
        let a = train(&data, &opts).to_bytes(0.0).unwrap();
        let b = train(&data, &opts).to_bytes(0.0).unwrap();
        assert_eq!(a, b, "same seed, same model");
        let ex = Extractor::from_bytes(&a).unwrap();
        let d = Document::new("“Prices will fall,” Brown said.\n");
        let found = ex.extract(&d);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(d.slice(found[0].cue.extent().unwrap()), "said");
        assert_eq!(
            d.slice(found[0].source.as_ref().unwrap().extent().unwrap()),
            "Brown"
        );
        let content = d.slice(found[0].content.as_ref().unwrap().extent().unwrap());
        assert!(content.contains("Prices will fall"), "{content}");
    }
}
