//! Re-attaches punctuation after parsing, as the UD guidelines place it.
//!
//! Why: punctuation is 12 % of EWT's words and the greedy parser got a fifth
//! of it wrong (dev: 578 of the 3,824 head errors), yet where punctuation
//! goes in UD follows from the rest of the tree: "within the relevant unit,
//! a punctuation mark is attached at the highest possible node that
//! preserves projectivity"; paired marks (quotes, brackets) go to the head
//! of what they enclose. This is the algorithm of Udapi's `ud.FixPunct`
//! (Popel et al.), which UD treebanks are normalised with: the parser's own
//! attachment is kept whenever it is one of the nodes the rule would accept.
//! Punctuation stays a leaf, so no other word's head changes.

use crate::parser::Arc;
use whosaid_core::{DepRel, Upos};

/// Sentences longer than this are left as parsed (the checks below are
/// quadratic in the sentence length; real sentences are far shorter).
const MAX_WORDS: usize = 300;

/// Closing mark of each opening one.
fn closing_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "\"" => "\"",
        "“" => "”",
        "‘" => "’",
        "``" => "''",
        "«" => "»",
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Paired {
    Opening,
    Closing,
}

/// The tree of one sentence while its punctuation moves.
struct Tree<'a> {
    heads: Vec<Option<usize>>,
    upos: &'a [Upos],
}

impl Tree<'_> {
    fn is_punct(&self, i: usize) -> bool {
        self.upos.get(i) == Some(&Upos::Punct)
    }

    /// Whether `a` lies in the subtree of `b` (itself included).
    fn is_descendant(&self, mut a: usize, b: usize) -> bool {
        for _ in 0..=self.heads.len() {
            if a == b {
                return true;
            }
            match self.heads[a] {
                Some(h) => a = h,
                None => return false,
            }
        }
        false
    }

    /// The leftmost and rightmost word of every subtree, leaving `skip`
    /// out (one walk up from each word: linear in words × depth).
    fn extents(&self, skip: usize) -> Vec<(usize, usize)> {
        let n = self.heads.len();
        let mut ext: Vec<(usize, usize)> = (0..n).map(|k| (k, k)).collect();
        for k in (0..n).filter(|&k| k != skip) {
            let mut a = k;
            for _ in 0..n {
                let Some(h) = self.heads[a] else {
                    break;
                };
                ext[h].0 = ext[h].0.min(k);
                ext[h].1 = ext[h].1.max(k);
                a = h;
            }
        }
        ext
    }

    /// Whether hanging `node` from `head` keeps the tree projective: every
    /// word between them lies under `head`, and no other arc that passes
    /// over `node` comes from a head `node` would not be under.
    fn projective_under(&self, node: usize, head: usize) -> bool {
        let (a, b) = (node.min(head), node.max(head));
        if (a + 1..b).any(|k| !self.is_descendant(k, head)) {
            return false;
        }
        (0..self.heads.len()).all(|k| {
            let Some(p) = self.heads[k] else {
                return true;
            };
            if k == node || !(k.min(p) < node && node < k.max(p)) {
                return true;
            }
            self.is_descendant(head, p)
        })
    }
}

/// Re-attaches the punctuation of one parsed sentence (see the module
/// docs). Sentences whose root is punctuation are left alone.
pub(crate) fn fix_punctuation(words: &[&str], upos: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if !(2..=MAX_WORDS).contains(&n) || words.len() != n || upos.len() != n {
        return;
    }
    let mut t = Tree {
        heads: arcs.iter().map(|a| a.0).collect(),
        upos,
    };
    let Some(root) = t.heads.iter().position(Option::is_none) else {
        return;
    };
    if t.is_punct(root) || t.heads.iter().filter(|h| h.is_none()).count() != 1 {
        return;
    }
    // A tree with a cycle is not a tree: leave it.
    if (0..n).any(|i| !t.is_descendant(i, root)) {
        return;
    }
    // Punctuation has no dependents: they move up to its head (never past
    // the root, which is not punctuation, so the root stays the only one).
    for i in 0..n {
        for _ in 0..n {
            match t.heads[i] {
                Some(h) if t.is_punct(h) => t.heads[i] = t.heads[h],
                _ => break,
            }
        }
    }
    // Paired marks first, so that a final mark inside quotes ("… Bob.")
    // stays with what the quotes enclose.
    let mut paired: Vec<Option<Paired>> = vec![None; n];
    for open in 0..n {
        if paired[open].is_some() || !t.is_punct(open) {
            continue;
        }
        let Some(close_form) = closing_of(words[open]) else {
            continue;
        };
        let mut nested = 0;
        for close in open + 1..n {
            // A closing form tagged as a word (it may have dependents) is
            // no mark to move.
            if words[close] == close_form && t.is_punct(close) {
                if nested > 0 {
                    nested -= 1;
                    continue;
                }
                fix_pair(&mut t, open, close, &mut paired);
                break;
            } else if words[close] == words[open] {
                nested += 1;
            }
        }
    }
    for i in 0..n {
        if t.is_punct(i) && paired[i].is_none() {
            fix_one(&mut t, words, i, &paired);
        }
    }
    // The moves keep a tree by construction; should one ever close a
    // cycle, the parser's arcs are kept as they were.
    if (0..n).any(|i| !t.is_descendant(i, root)) {
        return;
    }
    for (i, arc) in arcs.iter_mut().enumerate() {
        if arc.0 != t.heads[i] {
            arc.0 = t.heads[i];
            if t.is_punct(i) {
                arc.1 = DepRel::Punct;
            }
        }
    }
}

/// Hangs an opening and a closing mark from the one word between them whose
/// head lies outside (a punctuation word only if no other word is such);
/// with several such words, the pair is left to `fix_one`.
fn fix_pair(t: &mut Tree, open: usize, close: usize, paired: &mut [Option<Paired>]) {
    let inside = |k: usize| open < k && k < close;
    let mut heads = Vec::new();
    let mut punct_heads = Vec::new();
    for k in open + 1..close {
        if !t.heads[k].is_some_and(inside) {
            if t.is_punct(k) {
                punct_heads.push(k);
            } else {
                heads.push(k);
            }
        }
    }
    if heads.is_empty() {
        heads = punct_heads;
    }
    let [head] = heads[..] else {
        return;
    };
    // No projectivity check here: a mark inside the pair that still hangs
    // outside it ("… Bob.") is moved under the pair's head next, by
    // `fix_one`, which sees the pair.
    t.heads[open] = Some(head);
    t.heads[close] = Some(head);
    paired[open] = Some(Paired::Opening);
    paired[close] = Some(Paired::Closing);
}

/// The first word in `order` that is not punctuation, unless a paired mark
/// of kind `stop` that does not hang from mark `i` comes first.
fn nearest_word(
    t: &Tree,
    paired: &[Option<Paired>],
    i: usize,
    order: impl Iterator<Item = usize>,
    stop: Paired,
) -> Option<usize> {
    for k in order {
        if !t.is_punct(k) {
            return Some(k);
        }
        if paired.get(k) == Some(&Some(stop)) && t.heads[k] != Some(i) {
            return None;
        }
    }
    None
}

/// `start` and its ancestors, up while `up(child, parent)` holds.
fn climb(t: &Tree, start: Option<usize>, up: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut path = Vec::new();
    let Some(mut c) = start else {
        return path;
    };
    path.push(c);
    // At most one step per word, whatever the heads are.
    for _ in 0..t.heads.len() {
        let Some(p) = t.heads[c].filter(|&p| up(c, p)) else {
            break;
        };
        c = p;
        path.push(c);
    }
    path
}

/// One unpaired mark: the nearest words left and right of it, each climbed
/// up while its parent stays on its side and its subtree does not reach
/// past the mark; the lower of the two highest projective candidates
/// becomes the head, unless the parser's head is already on a candidate path.
fn fix_one(t: &mut Tree, words: &[&str], i: usize, paired: &[Option<Paired>]) {
    let n = t.heads.len();
    let original = t.heads[i];
    // A sentence-final mark attaches to the left.
    let last = matches!(words[i], "." | "?" | "!");
    let left = nearest_word(t, paired, i, (0..i).rev(), Paired::Opening);
    let right = if last {
        None
    } else {
        nearest_word(t, paired, i, i + 1..n, Paired::Closing)
    };
    let ext = t.extents(i);
    // Climb while the parent stays on the word's side of the mark and the
    // subtree does not reach past it.
    let left_path = climb(t, left, |c, p| p < i && ext[c].1 <= i);
    let right_path = climb(t, right, |c, p| p > i && ext[c].0 >= i);
    // Only heads that keep the tree projective (judged with the mark moved).
    let mut keep = |path: Vec<usize>| -> Vec<usize> {
        path.into_iter()
            .filter(|&c| {
                t.heads[i] = Some(c);
                t.projective_under(i, c)
            })
            .collect()
    };
    let left_path = keep(left_path);
    let right_path = keep(right_path);
    t.heads[i] = original;
    let (l, r) = (left_path.last().copied(), right_path.last().copied());
    let (cand, accepted): (usize, Vec<usize>) = match (l, r) {
        (Some(l), Some(r)) if t.is_descendant(l, r) => (l, left_path),
        (Some(l), Some(r)) if t.is_descendant(r, l) => (r, right_path),
        (Some(l), _) => (l, [left_path, right_path].concat()),
        (None, Some(r)) => (r, [left_path, right_path].concat()),
        (None, None) => return,
    };
    if !original.is_some_and(|h| accepted.contains(&h)) {
        t.heads[i] = Some(cand);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Upos::*;

    fn run(words: &[&str], upos: &[Upos], heads: &[Option<usize>]) -> Vec<Option<usize>> {
        let mut arcs: Vec<Arc> = heads.iter().map(|&h| (h, DepRel::Dep)).collect();
        fix_punctuation(words, upos, &mut arcs);
        arcs.iter().map(|a| a.0).collect()
    }

    #[test]
    fn a_closing_quote_tagged_as_a_word_is_not_moved_into_a_cycle() {
        // "say “no”." with ” mistagged NOUN and heading "no": hanging the
        // pair from "no" would make "no" and ” each other's head (the
        // climb over such a cycle once grew without end).
        let words = ["say", "“", "no", "”", "."];
        let upos = [Verb, Punct, Det, Noun, Punct];
        let heads = run(&words, &upos, &[None, Some(3), Some(3), Some(0), Some(0)]);
        for start in 0..words.len() {
            let mut k = start;
            let mut steps = 0;
            while let Some(h) = heads[k] {
                k = h;
                steps += 1;
                assert!(steps <= words.len(), "cycle in {heads:?}");
            }
            assert_eq!(k, 0, "every word reaches the root: {heads:?}");
        }
    }

    #[test]
    fn a_final_period_goes_to_the_root() {
        // "He left ." with the period wrongly under "He".
        let heads = run(
            &["He", "left", "."],
            &[Pron, Verb, Punct],
            &[Some(1), None, Some(0)],
        );
        assert_eq!(heads, vec![Some(1), None, Some(1)]);
    }

    #[test]
    fn a_comma_before_a_conjunct_goes_to_the_conjunct() {
        // "apples , pears and plums": conj chain under "apples"; the
        // comma was parsed under "apples" but belongs to "pears".
        let words = ["apples", ",", "pears", "and", "plums"];
        let upos = [Noun, Punct, Noun, Cconj, Noun];
        let heads = run(&words, &upos, &[None, Some(0), Some(0), Some(4), Some(0)]);
        assert_eq!(heads[1], Some(2));
    }

    #[test]
    fn a_comma_after_a_fronted_word_goes_to_that_word() {
        // "Yes , he said": of the two candidates ("Yes" on the left, "said"
        // climbed to from "he"), the lower one takes the comma.
        let words = ["Yes", ",", "he", "said"];
        let upos = [Intj, Punct, Pron, Verb];
        let heads = run(&words, &upos, &[Some(3), Some(3), Some(3), None]);
        assert_eq!(heads[1], Some(0));
    }

    #[test]
    fn the_parsers_choice_stays_when_it_is_on_the_accepted_path() {
        // "He came , she left" (left → came): the comma belongs to "left";
        // the parser's "she" is on the path climbed to it, so it stays, and
        // "came", which is not, is corrected.
        let words = ["He", "came", ",", "she", "left"];
        let upos = [Pron, Verb, Punct, Pron, Verb];
        let tree = |comma| [Some(1), None, Some(comma), Some(4), Some(1)];
        assert_eq!(run(&words, &upos, &tree(3))[2], Some(3));
        assert_eq!(run(&words, &upos, &tree(1))[2], Some(4));
    }

    #[test]
    fn quotes_go_to_the_head_of_what_they_enclose() {
        // He said " go home . "  — quotes and the inner period under "go".
        let words = ["He", "said", "\"", "go", "home", ".", "\""];
        let upos = [Pron, Verb, Punct, Verb, Noun, Punct, Punct];
        let parsed = [Some(1), None, Some(1), Some(1), Some(3), Some(1), Some(1)];
        let heads = run(&words, &upos, &parsed);
        assert_eq!(heads[2], Some(3));
        assert_eq!(heads[6], Some(3));
        assert_eq!(heads[5], Some(3));
    }

    #[test]
    fn the_longest_sentences_handled_are_fixed_too() {
        // 300 words: "w , w , w …" as one flat list under the first word.
        let n = MAX_WORDS;
        let words: Vec<&str> = (0..n).map(|i| if i % 2 == 1 { "," } else { "w" }).collect();
        let upos: Vec<Upos> = (0..n)
            .map(|i| if i % 2 == 1 { Punct } else { Noun })
            .collect();
        let heads: Vec<Option<usize>> = (0..n).map(|i| (i > 0).then_some(0)).collect();
        let fixed = run(&words, &upos, &heads);
        // Each comma goes under the word after it (the lower candidate);
        // the last one, with no word after it, keeps the parser's head.
        assert!((1..n - 1).step_by(2).all(|i| fixed[i] == Some(i + 1)));
        assert_eq!(fixed[n - 1], Some(0));
        // One word more and the sentence is left as parsed.
        let mut longer = words.clone();
        longer.push("w");
        let mut upos = upos;
        upos.push(Noun);
        let heads: Vec<Option<usize>> = (0..=n).map(|i| (i > 0).then_some(0)).collect();
        assert_eq!(run(&longer, &upos, &heads), heads);
    }

    #[test]
    fn dependents_of_punctuation_move_up_and_odd_trees_are_left_alone() {
        let words = ["a", "-", "b"];
        let upos = [Noun, Punct, Noun];
        let heads = run(&words, &upos, &[None, Some(0), Some(1)]);
        assert_eq!(heads[2], Some(0));
        // Punctuation as the root, or a cycle: unchanged.
        assert_eq!(
            run(&["!", "x"], &[Punct, Noun], &[None, Some(0)]),
            vec![None, Some(0)]
        );
        let cyclic = [Some(1), Some(0), None];
        assert_eq!(
            run(&["a", "b", "."], &[Noun, Noun, Punct], &cyclic),
            cyclic.to_vec()
        );
    }
}
