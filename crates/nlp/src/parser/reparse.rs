//! Reparsing ensemble (Sagae & Lavie 2006; Surdeanu & Manning 2010):
//! several parsers parse the sentence, each arc they propose gets their
//! weight as a vote, and the best-scoring projective tree with one root is
//! decoded from the votes (Eisner 1996).
//!
//! Why: parsers that decode differently (greedy, beam, right to left) make
//! different mistakes, and a word on whose head most of them agree is
//! usually right; the tree decoder turns the per-word votes back into a
//! well-formed tree. Each word takes the relation of the highest-weighted
//! parser that chose the winning head (the relation classifier saw that
//! arc). The repairs every parse gets (trailing speaker, punctuation) run
//! once, on the combined tree.

use super::{repair, Arc, DependencyParser, Parser, ParserError, BEAM_MAX_WORDS};
use whosaid_core::{DepRel, Upos, Xpos};

/// Parsers whose trees are combined by weighted arc votes.
#[derive(Clone)]
pub struct Reparser {
    /// Highest weight first (ties keep the given order): the first is the
    /// one whose relations win ties and that parses alone past the limit.
    members: Vec<(Parser, f32)>,
}

impl Reparser {
    /// An ensemble of `members` (parser, weight). Weights must be finite and
    /// positive, and there must be at least one member.
    pub fn new(mut members: Vec<(Parser, f32)>) -> Result<Self, ParserError> {
        if members.is_empty() {
            return Err(ParserError::Ensemble("no parsers".into()));
        }
        if let Some((_, w)) = members.iter().find(|(_, w)| !(w.is_finite() && *w > 0.0)) {
            return Err(ParserError::Ensemble(format!(
                "weight {w}: must be finite and positive"
            )));
        }
        // Stable: equal weights keep their order.
        members.sort_by(|a, b| b.1.total_cmp(&a.1));
        Ok(Reparser { members })
    }

    /// The embedded English ensemble: the beam-search model (weight 1.0),
    /// the right-to-left beam-search model (0.9) and the greedy model
    /// trained on EWT alone (0.8; [`Parser::english_ewt`]). Any two that agree outvote the third; when all three differ
    /// the beam model's head wins. Chosen on EWT dev: UAS 86.71 against
    /// 86.24 for the beam model alone (other weights with the same
    /// majority: 86.63–86.65).
    pub fn english() -> Result<Self, ParserError> {
        Reparser::new(vec![
            (Parser::english_beam()?, 1.0),
            (Parser::english_right_to_left()?, 0.9),
            (Parser::english_ewt()?, 0.8),
        ])
    }

    /// The member parsers and their weights, highest weight first.
    pub fn members(&self) -> impl Iterator<Item = (&Parser, f32)> {
        self.members.iter().map(|(p, w)| (p, *w))
    }

    /// Parses one sentence with every member and decodes the tree their
    /// votes support most. Sentences over [`BEAM_MAX_WORDS`] are parsed by
    /// the first member alone (the decoder is cubic in the length).
    pub fn parse(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        self.parse_counting(words, upos, xpos, false).0
    }

    /// As [`Reparser::parse`], with the number of words to which every
    /// member gave the same head (each member's tree repaired, as it would
    /// parse alone, so that conventions the repairs settle do not count as
    /// disagreement). A
    /// sentence the first member parses alone (one member, or over
    /// [`BEAM_MAX_WORDS`] words) counts no agreement: nothing was compared.
    /// Where all members agree the head is right far more often, which is
    /// what selects silver training trees ([`super::silver`]).
    pub fn parse_with_agreement(
        &self,
        words: &[&str],
        upos: &[Upos],
        xpos: &[Xpos],
    ) -> (Vec<Arc>, usize) {
        self.parse_counting(words, upos, xpos, true)
    }

    /// The combined tree, and the agreement when `count` asks for it (it
    /// repairs a copy of every member's tree, which parsing alone skips).
    fn parse_counting(
        &self,
        words: &[&str],
        upos: &[Upos],
        xpos: &[Xpos],
        count: bool,
    ) -> (Vec<Arc>, usize) {
        let n = words.len();
        let (mut arcs, agreed) = match &self.members[..] {
            [(first, _), rest @ ..] if rest.is_empty() || n > BEAM_MAX_WORDS => {
                (first.parse_unrepaired(words, upos, xpos), 0)
            }
            members => {
                let trees: Vec<(Vec<Arc>, f32)> = members
                    .iter()
                    .map(|(p, w)| (p.parse_unrepaired(words, upos, xpos), *w))
                    .collect();
                let agreed = if count {
                    let repaired: Vec<Vec<Arc>> = trees
                        .iter()
                        .map(|(t, _)| {
                            let mut t = t.clone();
                            repair(words, upos, &mut t);
                            t
                        })
                        .collect();
                    (0..n)
                        .filter(|&d| {
                            let head = repaired[0].get(d).map(|a| a.0);
                            repaired.iter().all(|t| t.get(d).map(|a| a.0) == head)
                        })
                        .count()
                } else {
                    0
                };
                (combine(n, &trees), agreed)
            }
        };
        repair(words, upos, &mut arcs);
        (arcs, agreed)
    }
}

impl DependencyParser for Reparser {
    fn parse(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        Reparser::parse(self, words, upos, xpos)
    }
}

/// The tree of `n` words best supported by the weighted `trees` (highest
/// weight first), with relations from the trees.
fn combine(n: usize, trees: &[(Vec<Arc>, f32)]) -> Vec<Arc> {
    // votes[h * n + d]: the weight for head h of word d (h = n: the root).
    let mut votes = vec![0f32; (n + 1) * n];
    for (tree, w) in trees {
        for (d, (h, _)) in tree.iter().enumerate().take(n) {
            let h = h.unwrap_or(n);
            if h <= n && h != d {
                votes[h * n + d] += w;
            }
        }
    }
    let heads = eisner(n, |h, d| votes[h * n + d]);
    heads
        .iter()
        .enumerate()
        .map(|(d, &h)| {
            if h >= n {
                return (None, DepRel::Root);
            }
            // The relation of the first (highest-weighted) tree with this
            // arc; an arc no tree proposed takes the first tree's relation
            // for the word.
            let proper = |rel: DepRel| !matches!(rel, DepRel::Root | DepRel::Unset);
            let chosen = trees
                .iter()
                .filter_map(|(t, _)| t.get(d))
                .find(|a| a.0 == Some(h) && proper(a.1))
                .or_else(|| trees.first().and_then(|(t, _)| t.get(d)))
                .map(|a| a.1)
                .filter(|&rel| proper(rel))
                .unwrap_or(DepRel::Dep);
            (Some(h), chosen)
        })
        .collect()
}

/// The highest-scoring projective tree over `n` words in which exactly one
/// word hangs from the root (Eisner's algorithm, O(n³)). `score(h, d)` is
/// the score of head `h` for word `d`, `h = n` standing for the root.
/// Returns each word's head (`n` for the root's child). Ties go to the
/// split found first (deterministic).
pub fn eisner(n: usize, score: impl Fn(usize, usize) -> f32) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let at = |s: usize, t: usize| s * n + t;
    // Complete spans s..=t headed at t (`cl`) or at s (`cr`); incomplete
    // spans, i.e. an arc between s and t and what lies between (`il`: head
    // t, `ir`: head s). The `b*` tables keep the best split point.
    let mut cl = vec![0f32; n * n];
    let mut cr = vec![0f32; n * n];
    let mut il = vec![0f32; n * n];
    let mut ir = vec![0f32; n * n];
    let mut bcl = vec![0usize; n * n];
    let mut bcr = vec![0usize; n * n];
    let mut bi = vec![0usize; n * n];
    for k in 1..n {
        for s in 0..n - k {
            let t = s + k;
            let (mut best, mut arg) = (f32::NEG_INFINITY, s);
            for r in s..t {
                let v = cr[at(s, r)] + cl[at(r + 1, t)];
                if v > best {
                    (best, arg) = (v, r);
                }
            }
            il[at(s, t)] = best + score(t, s);
            ir[at(s, t)] = best + score(s, t);
            bi[at(s, t)] = arg;
            let (mut best, mut arg) = (f32::NEG_INFINITY, s);
            for r in s..t {
                let v = cl[at(s, r)] + il[at(r, t)];
                if v > best {
                    (best, arg) = (v, r);
                }
            }
            cl[at(s, t)] = best;
            bcl[at(s, t)] = arg;
            let (mut best, mut arg) = (f32::NEG_INFINITY, t);
            for r in s + 1..=t {
                let v = ir[at(s, r)] + cr[at(r, t)];
                if v > best {
                    (best, arg) = (v, r);
                }
            }
            cr[at(s, t)] = best;
            bcr[at(s, t)] = arg;
        }
    }
    // The root's one child r heads everything left and right of it.
    let (mut best, mut root) = (f32::NEG_INFINITY, 0);
    for r in 0..n {
        let v = cl[at(0, r)] + cr[at(r, n - 1)] + score(n, r);
        if v > best {
            (best, root) = (v, r);
        }
    }
    let mut heads = vec![n; n];
    enum Span {
        Cl(usize, usize),
        Cr(usize, usize),
        Il(usize, usize),
        Ir(usize, usize),
    }
    let mut todo = vec![Span::Cl(0, root), Span::Cr(root, n - 1)];
    while let Some(span) = todo.pop() {
        match span {
            Span::Cl(s, t) | Span::Cr(s, t) if s == t => {}
            Span::Cl(s, t) => {
                let r = bcl[at(s, t)];
                todo.extend([Span::Cl(s, r), Span::Il(r, t)]);
            }
            Span::Cr(s, t) => {
                let r = bcr[at(s, t)];
                todo.extend([Span::Ir(s, r), Span::Cr(r, t)]);
            }
            Span::Il(s, t) => {
                heads[s] = t;
                let r = bi[at(s, t)];
                todo.extend([Span::Cr(s, r), Span::Cl(r + 1, t)]);
            }
            Span::Ir(s, t) => {
                heads[t] = s;
                let r = bi[at(s, t)];
                todo.extend([Span::Cr(s, r), Span::Cl(r + 1, t)]);
            }
        }
    }
    heads
}

#[cfg(test)]
mod tests {
    use super::super::tests::TOY;
    use super::super::{attachment, read_conllu, right_to_left, train};
    use super::*;

    /// A score matrix (rows: heads 0..=n, n the root; columns: words).
    fn matrix<'a>(rows: &'a [&'a [f32]]) -> impl Fn(usize, usize) -> f32 + 'a {
        move |h, d| rows[h][d]
    }

    fn total(heads: &[usize], score: &impl Fn(usize, usize) -> f32) -> f32 {
        heads.iter().enumerate().map(|(d, &h)| score(h, d)).sum()
    }

    /// Every projective tree with one root child, by brute force (n ≤ 6).
    fn best_by_brute_force(n: usize, score: &impl Fn(usize, usize) -> f32) -> f32 {
        let mut best = f32::NEG_INFINITY;
        let mut heads = vec![0usize; n];
        let count = (n + 1).pow(n as u32);
        for mut code in 0..count {
            for h in heads.iter_mut() {
                *h = code % (n + 1);
                code /= n + 1;
            }
            if is_tree(&heads) && is_projective(&heads) {
                best = best.max(total(&heads, score));
            }
        }
        best
    }

    fn is_tree(heads: &[usize]) -> bool {
        let n = heads.len();
        if heads.iter().filter(|&&h| h == n).count() != 1
            || heads.iter().enumerate().any(|(d, &h)| h == d)
        {
            return false;
        }
        (0..n).all(|start| {
            let (mut i, mut steps) = (start, 0);
            while i != n && steps <= n {
                i = heads[i];
                steps += 1;
            }
            i == n
        })
    }

    fn is_projective(heads: &[usize]) -> bool {
        let n = heads.len();
        let dominated = |mut k: usize, h: usize| {
            while k != h && k != n {
                k = heads[k];
            }
            k == h
        };
        (0..n).all(|d| {
            let h = heads[d];
            h == n || (d.min(h) + 1..d.max(h)).all(|k| dominated(k, h))
        })
    }

    #[test]
    fn eisner_finds_the_obvious_tree() {
        // "She said it": said heads both, the root takes said.
        let rows: &[&[f32]] = &[
            &[0.0, 0.0, 0.0],
            &[5.0, 0.0, 5.0],
            &[0.0, 0.0, 0.0],
            &[0.0, 5.0, 0.0],
        ];
        assert_eq!(eisner(3, matrix(rows)), vec![1, 3, 1]);
    }

    #[test]
    fn eisner_keeps_one_root_child_and_projectivity() {
        // Every word would rather hang from the root: one does.
        let rows: &[&[f32]] = &[
            &[0.0, 1.0, 1.0],
            &[1.0, 0.0, 1.0],
            &[1.0, 1.0, 0.0],
            &[9.0, 9.0, 9.0],
        ];
        let heads = eisner(3, matrix(rows));
        assert!(is_tree(&heads));
        assert_eq!(heads.iter().filter(|&&h| h == 3).count(), 1);
        // Crossing arcs 0 → 2 and 1 → 3 are preferred; the tree stays
        // projective.
        let mut rows = vec![vec![0.0f32; 4]; 5];
        rows[4][0] = 1.0;
        rows[0][2] = 5.0;
        rows[1][3] = 5.0;
        rows[0][1] = 1.0;
        let refs: Vec<&[f32]> = rows.iter().map(Vec::as_slice).collect();
        let heads = eisner(4, matrix(&refs));
        assert!(is_tree(&heads) && is_projective(&heads));
        let score = matrix(&refs);
        assert_eq!(total(&heads, &score), best_by_brute_force(4, &score));
    }

    #[test]
    fn eisner_on_ties_one_word_and_no_words() {
        assert!(eisner(0, |_, _| 1.0).is_empty());
        assert_eq!(eisner(1, |_, _| 0.0), vec![1]);
        assert_eq!(eisner(1, |_, _| f32::NEG_INFINITY), vec![1]);
        // All scores equal: some valid tree, the same every time.
        for n in 1..8 {
            let heads = eisner(n, |_, _| 1.0);
            assert!(is_tree(&heads) && is_projective(&heads), "{heads:?}");
            assert_eq!(eisner(n, |_, _| 1.0), heads);
        }
        // Two equally good trees for two words: deterministic.
        let rows: &[&[f32]] = &[&[0.0, 1.0], &[1.0, 0.0], &[1.0, 1.0]];
        let heads = eisner(2, matrix(rows));
        assert!(heads == vec![1, 2] || heads == vec![2, 0]);
        assert_eq!(eisner(2, matrix(rows)), heads);
    }

    #[test]
    fn eisner_matches_brute_force_on_random_matrices() {
        let mut seed = 0x2545f4914f6cdd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Few distinct values, so ties are common.
            (seed % 5) as f32
        };
        for n in 1..=5 {
            for _ in 0..40 {
                let m: Vec<f32> = (0..(n + 1) * n).map(|_| next()).collect();
                let score = |h: usize, d: usize| m[h * n + d];
                let heads = eisner(n, score);
                assert!(is_tree(&heads) && is_projective(&heads), "{heads:?}");
                assert_eq!(total(&heads, &score), best_by_brute_force(n, &score));
            }
        }
    }

    #[test]
    fn eisner_handles_long_sentences() {
        let n = 400;
        let heads = eisner(n, |h, d| if h == d + 1 { 1.0 } else { 0.0 });
        assert!(is_tree(&heads));
        assert_eq!(heads, (1..=n).collect::<Vec<_>>());
    }

    #[test]
    fn combining_takes_the_majority_head_and_its_relation() {
        use DepRel::*;
        let a = vec![(Some(1), Nsubj), (None, Root), (Some(1), Obj)];
        let b = vec![(Some(1), Nsubj), (None, Root), (Some(0), Amod)];
        let c = vec![(Some(2), Det), (None, Root), (Some(1), Iobj)];
        // a (weight 1) and c agree on word 2's head: c's relation loses to a's.
        let arcs = combine(3, &[(a.clone(), 1.0), (b.clone(), 0.9), (c.clone(), 0.8)]);
        assert_eq!(arcs, vec![(Some(1), Nsubj), (None, Root), (Some(1), Obj)]);
        // b and c outvote a on word 0 when they agree; b's relation wins.
        let a = vec![(Some(1), Det), (Some(2), Nsubj), (None, Root)];
        let b = vec![(Some(2), Nsubj), (Some(2), Obj), (None, Root)];
        let c = vec![(Some(2), Expl), (Some(2), Obj), (None, Root)];
        let arcs = combine(3, &[(a, 1.0), (b, 0.9), (c, 0.8)]);
        assert_eq!(arcs, vec![(Some(2), Nsubj), (Some(2), Nsubj), (None, Root)]);
        // One tree alone is given back.
        let one = vec![(Some(2), Det), (Some(2), Amod), (None, Root)];
        assert_eq!(combine(3, &[(one.clone(), 1.0)]), one);
    }

    #[test]
    fn an_ensemble_parses_odd_input_into_trees() {
        let data = read_conllu(TOY);
        let l2r = train(&data, 15, 1);
        let r2l = right_to_left(&data, |s| train(s, 15, 1));
        assert!(Reparser::new(Vec::new()).is_err());
        assert!(Reparser::new(vec![(l2r.clone(), f32::NAN)]).is_err());
        assert!(Reparser::new(vec![(l2r.clone(), 0.0)]).is_err());
        let single = Reparser::new(vec![(l2r.clone(), 1.0)]).unwrap();
        assert_eq!(
            attachment(&single, &data, &[]),
            attachment(&l2r, &data, &[])
        );
        let both = Reparser::new(vec![(r2l, 0.9), (l2r.clone(), 1.0)]).unwrap();
        assert!(!both.members().next().unwrap().0.is_right_to_left());
        let a = attachment(&both, &data, &[]);
        assert!(a.uas > 0.99, "{a:?}");
        for words in [vec![], vec!["Hi"], vec!["word"; 30], vec!["word"; 450]] {
            let arcs = both.parse(&words, &[], &[Xpos::Nn]);
            assert_eq!(arcs.len(), words.len());
            assert_eq!(
                arcs.iter().filter(|a| a.0.is_none()).count(),
                usize::from(!words.is_empty())
            );
            assert!(arcs.iter().filter_map(|a| a.0).all(|h| h < words.len()));
        }
    }
}
