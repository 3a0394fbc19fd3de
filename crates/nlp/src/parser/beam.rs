//! Beam-search decoding and global training for the arc-hybrid parser (an
//! option: the shipped parser is greedy, width 1).
//!
//! Decoding keeps the `width` best partial parses, each scored by the sum of
//! its transition scores, and reads the same action features as the greedy
//! parser. Every parse of an n-word sentence takes exactly 2n transitions
//! (n shifts, n arcs), so the beam items finish together. Relations are
//! assigned per item when its arc is made, by the same relation classifier
//! (the action features read the relations made so far).
//!
//! Training is a structured perceptron with the max-violation update (Huang,
//! Fayong & Guo 2012) against the static-oracle transition sequence of the
//! projectivised gold tree: the beam decodes the whole sentence, then the
//! prefix pair (gold, best) where the best item outscores gold by most is
//! updated, gold up and the beam's best down. Weights are averaged over
//! sentences. The relation classifier is trained as in the greedy trainer,
//! locally, on the correct arcs of the beam's best item at each step.

use super::{
    action_features, argmax, label_allowed, label_features, mix, repair, tree_of, Arc, Parser,
    ParserError, State, Toks, TreeSentence, ACTIONS, ACTION_BITS, LABEL_BITS, LEFT, RIGHT, SHIFT,
};
use crate::perceptron::{self, Packed4, QTable, Table, Trainer};
use whosaid_core::{DepRel, Upos, Xpos};

/// Magic of a model file that carries its beam width: this magic, the width
/// (u32, little-endian), then a greedy (`WSPAR001`) model file.
const BEAM_MAGIC: &[u8; 8] = b"WSPAR002";

/// The model file for `greedy` bytes decoded with `width` (greedy files are
/// left as they are).
pub(super) fn beam_bytes(width: usize, greedy: Vec<u8>) -> Vec<u8> {
    if width <= 1 {
        return greedy;
    }
    let mut out = BEAM_MAGIC.to_vec();
    out.extend_from_slice(&(width as u32).to_le_bytes());
    out.extend(greedy);
    out
}

/// The beam width and the inner greedy model file of a `WSPAR002` file;
/// `None` for any other file.
pub(super) fn beam_header(bytes: &[u8]) -> Result<Option<(usize, &[u8])>, ParserError> {
    let Some(rest) = bytes.strip_prefix(BEAM_MAGIC.as_slice()) else {
        return Ok(None);
    };
    let (w, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| ParserError::Corrupt("beam width missing".into()))?;
    let width = u32::from_le_bytes(*w) as usize;
    if !(1..=super::MAX_BEAM_WIDTH).contains(&width) {
        return Err(ParserError::Corrupt(format!(
            "implausible beam width {width}"
        )));
    }
    Ok(Some((width, rest)))
}

impl State {
    /// Copies `other` into `self`, reusing the allocations.
    fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.head.clone_from(&other.head);
        self.label.clone_from(&other.label);
        self.lc1.clone_from(&other.lc1);
        self.lc2.clone_from(&other.lc2);
        self.rc1.clone_from(&other.rc1);
        self.rc2.clone_from(&other.rc2);
        self.nl.clone_from(&other.nl);
        self.nr.clone_from(&other.nr);
        self.lset.clone_from(&other.lset);
        self.rset.clone_from(&other.rset);
    }
}

/// A candidate successor: total score, index of its parent item, transition.
type Candidate = (f32, usize, usize);

/// Keeps the `width` best candidates, best first; ties keep the earlier
/// candidate (deterministic).
fn keep_best(cands: &mut Vec<Candidate>, width: usize) {
    cands.sort_by(|x, y| y.0.total_cmp(&x.0));
    cands.truncate(width);
}

/// Successors of `items` for the candidates `cands`, written into `next`
/// (states reused from `pool`). `label` gives the relation of an arc from the
/// parent state.
fn advance(
    items: &[State],
    cands: &[Candidate],
    next: &mut Vec<State>,
    pool: &mut Vec<State>,
    mut label: impl FnMut(usize, &State, usize, usize) -> DepRel,
) {
    for (j, &(_, i, a)) in cands.iter().enumerate() {
        let parent = &items[i];
        let rel = match parent.arc(a) {
            Some((h, _)) if h == parent.n => DepRel::Root,
            Some((h, d)) => label(j, parent, h, d),
            None => DepRel::Unset,
        };
        let mut st = pool.pop().unwrap_or_else(|| State::new(0));
        st.copy_from(parent);
        st.apply(a, rel);
        next.push(st);
    }
}

impl Parser {
    /// The same model decoding with a beam of `width` (1 = greedy).
    pub fn with_beam(mut self, width: usize) -> Self {
        self.beam = width.max(1);
        self
    }

    /// The beam width `parse` decodes with (1 = greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// As [`Parser::parse`], keeping the `width` best partial parses
    /// (whatever the sentence length).
    pub fn parse_beam(
        &self,
        words: &[&str],
        upos: &[Upos],
        xpos: &[Xpos],
        width: usize,
    ) -> Vec<Arc> {
        let mut arcs = self.decode(words, upos, xpos, width.max(1));
        repair(words, upos, &mut arcs);
        arcs
    }

    /// Beam decoding left to right, before the repairs.
    pub(super) fn decode_beam(
        &self,
        words: &[&str],
        upos: &[Upos],
        xpos: &[Xpos],
        width: usize,
    ) -> Vec<Arc> {
        let width = width.max(1);
        let toks = Toks::new(words, upos, xpos);
        let mut items = vec![State::new(words.len())];
        let mut totals = vec![0f32];
        let mut next = Vec::with_capacity(width);
        let mut pool = Vec::with_capacity(width);
        let mut cands: Vec<Candidate> = Vec::with_capacity(ACTIONS * width);
        let mut features = Vec::with_capacity(128);
        let mut flat: Vec<u64> = Vec::with_capacity(128 * width);
        let mut scores = [0f32; ACTIONS];
        let mut lscores = vec![0i32; self.label.classes];
        // Beam items often share the dependent's subtree: relations by a
        // hash of their features, direct-mapped (exact on a hit).
        let mut cache = [(0u64, DepRel::Unset); 64];
        // All items take the same number of transitions (2n).
        while items.first().is_some_and(|st| !st.terminal()) {
            // Every item's features first, their rows asked for together
            // (the misses overlap), then the sums.
            flat.clear();
            for st in &items {
                action_features(&toks, st, &mut features);
                self.action.prefetch(&features);
                flat.extend_from_slice(&features);
            }
            let per = flat.len() / items.len();
            cands.clear();
            for (i, st) in items.iter().enumerate() {
                self.action
                    .scores(&flat[i * per..(i + 1) * per], &mut scores);
                let valid = st.valid();
                for a in (0..ACTIONS).filter(|&a| valid[a]) {
                    cands.push((totals[i] + scores[a], i, a));
                }
            }
            keep_best(&mut cands, width);
            advance(&items, &cands, &mut next, &mut pool, |_, st, h, d| {
                label_features(&toks, st, h, d, &mut features);
                let key = features.iter().fold(h as u64, |k, &f| mix(0, k, f, 0)) | 1;
                let slot = &mut cache[(key >> 58) as usize];
                if slot.0 != key {
                    let c = self.label.best(&features, &mut lscores, label_allowed);
                    *slot = (key, DepRel::from_index(c).unwrap_or(DepRel::Dep));
                }
                slot.1
            });
            pool.append(&mut items);
            std::mem::swap(&mut items, &mut next);
            totals.clear();
            totals.extend(cands.iter().map(|c| c.0));
        }
        match items.first() {
            Some(best) => tree_of(best),
            // Every non-terminal state has a valid transition, so the beam
            // never empties; were it to, the greedy parse stands in.
            None => self.decode_greedy(words, upos, xpos),
        }
    }
}

/// The static-oracle transition sequence of a projective tree (`gold` heads
/// with the root as n): arcs as soon as the dependent has all its
/// dependents, shifts otherwise. `None` when it does not rebuild the tree.
fn static_oracle(gold: &[usize], children: &[Vec<usize>]) -> Option<Vec<usize>> {
    let n = gold.len();
    let mut st = State::new(n);
    let mut attached = vec![0usize; n + 2];
    let mut seq = Vec::with_capacity(2 * n);
    while !st.terminal() {
        let valid = st.valid();
        let depth = st.stack.len();
        let complete = |s0: usize| attached[s0] == children[s0].len();
        let a = match st.stack.last() {
            Some(&s0) if complete(s0) && valid[LEFT] && gold[s0] == st.b => LEFT,
            Some(&s0) if complete(s0) && valid[RIGHT] && gold[s0] == st.stack[depth - 2] => RIGHT,
            _ if valid[SHIFT] => SHIFT,
            _ => return None,
        };
        if let Some((h, _)) = st.arc(a) {
            attached[h] += 1;
        }
        st.apply(a, DepRel::Dep);
        seq.push(a);
        if seq.len() > 2 * n {
            return None;
        }
    }
    (st.head == gold).then_some(seq)
}

/// As [`super::train_ensemble`], with beam search of `width` in training
/// (global, max-violation) and decoding (the width is stored in the model).
pub fn train_ensemble_beam(
    sentences: &[TreeSentence],
    epochs: usize,
    seed: u64,
    ensemble: usize,
    width: usize,
) -> Parser {
    let (action, label) = perceptron::averaged_pairs(ensemble, seed, |seed| {
        train_one_beam(sentences, epochs, seed, width)
    });
    Parser {
        action: Packed4::from_qtable(&QTable::from_table(&action)),
        label: QTable::from_table(&label),
        beam: 1,
        right_to_left: false,
    }
    .with_beam(width)
}

/// One node of the beam's history: the parent node, the features of the
/// parent state (an offset into the feature store) and the transition.
#[derive(Clone, Copy)]
struct Node {
    parent: usize,
    features: usize,
    action: usize,
}

const NO_NODE: usize = usize::MAX;

/// One averaged perceptron pair trained with beam search.
fn train_one_beam(
    sentences: &[TreeSentence],
    epochs: usize,
    seed: u64,
    width: usize,
) -> (Table, Table) {
    let width = width.max(1);
    let mut at = Trainer::new(ACTION_BITS, ACTIONS);
    let mut lt = Trainer::new(LABEL_BITS, DepRel::ALL.len());
    let prepared: Vec<(usize, Vec<usize>, Vec<usize>)> = sentences
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (heads, children) = s.projective_gold()?;
            let seq = static_oracle(&heads, &children)?;
            Some((i, heads, seq))
        })
        .collect();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = perceptron::Shuffler::new(seed);
    let mut features = Vec::with_capacity(128);
    let mut scores = [0f32; ACTIONS];
    let mut lscores = vec![0f32; DepRel::ALL.len()];
    // Per sentence: every feature vector read (flat, fixed length each), the
    // history nodes, the gold path's feature offsets, the relation updates.
    let mut store: Vec<u64> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut gold_features: Vec<usize> = Vec::new();
    let mut label_updates: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut label_store: Vec<u64> = Vec::new();
    let mut items: Vec<State> = Vec::new();
    let mut next: Vec<State> = Vec::new();
    let mut pool: Vec<State> = Vec::new();
    let mut meta: Vec<(f32, usize, bool)> = Vec::new();
    let mut next_meta: Vec<(f32, usize, bool)> = Vec::new();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut offsets: Vec<usize> = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (si, gold, seq) = &prepared[k];
            let sent = &sentences[*si];
            let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
            let toks = Toks::new(&words, &sent.upos, &sent.xpos);
            let n = words.len();
            store.clear();
            nodes.clear();
            gold_features.clear();
            label_updates.clear();
            label_store.clear();
            pool.append(&mut items);
            // Spare states for the next steps (a sentence needs 2 × width).
            pool.truncate(2 * width);
            items.push(State::new(n));
            meta.clear();
            // (score, history node, on the gold path)
            meta.push((0.0, NO_NODE, true));
            let mut gst = State::new(n);
            let mut gscore = 0f32;
            // The largest violation: (best score − gold score, step, node).
            let mut worst: Option<(f32, usize, usize)> = None;
            let mut flen = 0;
            for (t, &ga) in seq.iter().enumerate() {
                // The gold path, scored by the current weights (its relations
                // predicted, as a beam item's would be).
                action_features(&toks, &gst, &mut features);
                flen = features.len();
                at.table.scores(&features, &mut scores);
                gscore += scores[ga];
                gold_features.push(store.len());
                store.extend_from_slice(&features);
                let rel = match gst.arc(ga) {
                    Some((h, _)) if h == n => DepRel::Root,
                    Some((h, d)) => {
                        label_features(&toks, &gst, h, d, &mut features);
                        lt.table.scores(&features, &mut lscores);
                        DepRel::from_index(argmax(&lscores, label_allowed)).unwrap_or(DepRel::Dep)
                    }
                    None => DepRel::Unset,
                };
                gst.apply(ga, rel);
                // Expand the beam.
                cands.clear();
                offsets.clear();
                for (i, st) in items.iter().enumerate() {
                    action_features(&toks, st, &mut features);
                    at.table.scores(&features, &mut scores);
                    offsets.push(store.len());
                    store.extend_from_slice(&features);
                    let valid = st.valid();
                    for a in (0..ACTIONS).filter(|&a| valid[a]) {
                        cands.push((meta[i].0 + scores[a], i, a));
                    }
                }
                keep_best(&mut cands, width);
                next_meta.clear();
                for &(total, i, a) in cands.iter() {
                    nodes.push(Node {
                        parent: meta[i].1,
                        features: offsets[i],
                        action: a,
                    });
                    next_meta.push((total, nodes.len() - 1, meta[i].2 && a == ga));
                }
                advance(&items, &cands, &mut next, &mut pool, |j, st, h, d| {
                    label_features(&toks, st, h, d, &mut features);
                    lt.table.scores(&features, &mut lscores);
                    let guess = argmax(&lscores, label_allowed);
                    // The best item's correct arcs train the relations.
                    let truth = sent.deprels[d].index();
                    if j == 0 && gold[d] == h && label_allowed(truth) {
                        let off = label_store.len();
                        label_store.extend_from_slice(&features);
                        label_updates.push((off, label_store.len(), truth, guess));
                    }
                    DepRel::from_index(guess).unwrap_or(DepRel::Dep)
                });
                pool.append(&mut items);
                std::mem::swap(&mut items, &mut next);
                std::mem::swap(&mut meta, &mut next_meta);
                let (best, node, on_gold) = meta[0];
                if !on_gold {
                    let v = best - gscore;
                    if !matches!(worst, Some((w, _, _)) if w >= v) {
                        worst = Some((v, t, node));
                    }
                }
            }
            // Max-violation update: the gold prefix up, the best prefix down.
            at.tick();
            if let Some((_, t, mut node)) = worst {
                for (&off, &ga) in gold_features[..=t].iter().zip(seq.iter()) {
                    at.add(&store[off..off + flen], ga, 1.0);
                }
                while node != NO_NODE {
                    let nd = nodes[node];
                    at.add(&store[nd.features..nd.features + flen], nd.action, -1.0);
                    node = nd.parent;
                }
            }
            for &(off, end, truth, guess) in &label_updates {
                lt.update(&label_store[off..end], truth, guess);
            }
        }
    }
    (at.averaged(), lt.averaged())
}

#[cfg(test)]
mod tests {
    use super::super::tests::TOY as TOY_TREES;
    use super::super::{attachment, read_conllu, train};
    use super::*;

    #[test]
    fn the_static_oracle_rebuilds_projective_trees() {
        for s in read_conllu(TOY_TREES) {
            let (heads, children) = s.projective_gold().unwrap();
            let seq = static_oracle(&heads, &children).expect("a projective tree");
            assert_eq!(seq.len(), 2 * heads.len());
        }
    }

    #[test]
    fn beam_training_learns_the_toy_treebank() {
        let data = read_conllu(TOY_TREES);
        for width in [1, 4] {
            let p = train_ensemble_beam(&data, 15, 1, 1, width);
            assert_eq!(p.beam(), width);
            let a = attachment(&p, &data, &[]);
            assert!(a.uas > 0.99 && a.las_full > 0.99, "width {width}: {a:?}");
            let bytes = p.to_bytes();
            let back = Parser::from_bytes(&bytes).unwrap();
            assert_eq!(back.beam(), width);
            assert_eq!(back.to_bytes(), bytes);
            assert_eq!(attachment(&back, &data, &[]), a);
            assert_eq!(
                bytes,
                train_ensemble_beam(&data, 15, 1, 1, width).to_bytes(),
                "deterministic"
            );
        }
        assert!(Parser::from_bytes(b"WSPAR002").is_err());
        assert!(Parser::from_bytes(b"WSPAR002\0\0\0\0").is_err());
    }

    #[test]
    fn a_beam_of_one_is_the_greedy_parse() {
        let data = read_conllu(TOY_TREES);
        let p = train(&data, 2, 3);
        for s in &data {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            assert_eq!(
                p.parse_beam(&words, &s.upos, &s.xpos, 1),
                p.parse(&words, &s.upos, &s.xpos)
            );
            let wide = p.parse_beam(&words, &s.upos, &s.xpos, 8);
            assert_eq!(wide.iter().filter(|a| a.0.is_none()).count(), 1);
        }
        assert!(p.parse_beam(&[], &[], &[], 4).is_empty());
        let long: Vec<&str> = vec!["word"; 300];
        let arcs = p.clone().with_beam(4).parse(&long, &[], &[]);
        assert_eq!(arcs.iter().filter(|a| a.0.is_none()).count(), 1);
    }
}
